//! Trios (三人组): the small groups that drill together, and whose roles
//! rotate round by round so everyone plays the staff member once a cycle.
//!
//! A trio plays three rounds: each member is staff member, customer and
//! observer once. Where the room does not divide by three, one pair plays
//! two rounds (the trainer observes) or one four plays four (two observers
//! a round). Rounds are counted for the whole room: a trio that has played
//! its cycle starts another, with a fresh card.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::ParticipantId;

/// A trio's number, kept when people move between trios.
pub type TrioId = u32;

/// The fewest and the most people who drill together.
pub const SIZES: std::ops::RangeInclusive<usize> = 2..=4;

/// People who drill together; their order sets who plays what in each round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trio {
    /// Its number, from 1.
    pub id: TrioId,
    /// Two to four participants.
    pub members: Vec<ParticipantId>,
}

/// Who plays what in one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roles {
    /// The one practising: their sheet is the round's.
    pub staff: ParticipantId,
    /// The one playing the card's customer.
    pub customer: ParticipantId,
    /// Who fills in the sheet: one in a trio, two in a four, none in a pair
    /// (the trainer observes).
    pub observers: Vec<ParticipantId>,
}

/// Why trios could not be formed or changed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TrioError {
    /// Fewer than two people: nobody to play the customer.
    #[error("a drill needs at least two people; there are {0}")]
    TooFew(usize),
    /// The person is in no trio.
    #[error("participant {0} is in no trio")]
    NotInATrio(ParticipantId),
    /// There is no trio with that number.
    #[error("there is no trio {0}")]
    NoSuchTrio(TrioId),
    /// The move would leave a trio with one person or more than four.
    #[error("a trio has two to four people")]
    WrongSize,
}

impl Trio {
    /// Rounds in one cycle: as many as members, so each is staff once.
    pub fn cycle_len(&self) -> u32 {
        self.members.len() as u32
    }

    /// Which cycle round `round` (from 0, for the whole room) falls in: a
    /// new cycle plays a fresh card.
    pub fn cycle(&self, round: u32) -> u32 {
        round / self.cycle_len().max(1)
    }

    /// Who plays what in round `round` (from 0, for the whole room).
    pub fn roles(&self, round: u32) -> Option<Roles> {
        let n = self.members.len();
        if !SIZES.contains(&n) {
            return None;
        }
        let at = round as usize % n;
        let member = |k: usize| self.members[(at + k) % n];
        Some(Roles {
            staff: member(0),
            customer: member(1),
            observers: (2..n).map(member).collect(),
        })
    }
}

/// The room put in trios, in the order given: threes, with one pair or one
/// four where the number does not divide by three.
pub fn form(people: &[ParticipantId]) -> Result<Vec<Trio>, TrioError> {
    let n = people.len();
    if n < 2 {
        return Err(TrioError::TooFew(n));
    }
    // Sizes: all threes; a remainder of one makes the last trio a four, a
    // remainder of two becomes a pair (two people are a pair on their own).
    let mut sizes = vec![3; n / 3];
    match n % 3 {
        1 => {
            if let Some(last) = sizes.last_mut() {
                *last = 4;
            }
        }
        2 => sizes.push(2),
        _ => {}
    }
    let mut rest = people;
    Ok(sizes
        .into_iter()
        .enumerate()
        .map(|(i, size)| {
            let (members, tail) = rest.split_at(size);
            rest = tail;
            Trio {
                id: i as TrioId + 1,
                members: members.to_vec(),
            }
        })
        .collect())
}

/// Moves `who` to the trio numbered `to` (at its end), if both trios keep
/// two to four people.
pub fn move_person(trios: &mut [Trio], who: ParticipantId, to: TrioId) -> Result<(), TrioError> {
    let from = trios
        .iter()
        .position(|t| t.members.contains(&who))
        .ok_or(TrioError::NotInATrio(who))?;
    let to_at = trios
        .iter()
        .position(|t| t.id == to)
        .ok_or(TrioError::NoSuchTrio(to))?;
    if from == to_at {
        return Ok(());
    }
    if trios[from].members.len() <= *SIZES.start() || trios[to_at].members.len() >= *SIZES.end() {
        return Err(TrioError::WrongSize);
    }
    trios[from].members.retain(|m| *m != who);
    trios[to_at].members.push(who);
    Ok(())
}

/// The trio `who` drills in.
pub fn trio_of(trios: &[Trio], who: ParticipantId) -> Option<&Trio> {
    trios.iter().find(|t| t.members.contains(&who))
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn people(n: u32) -> Vec<ParticipantId> {
        (1..=n).collect()
    }

    #[test]
    fn everyone_is_staff_once_a_cycle_and_never_watches_themself() {
        for n in 2..=40 {
            let trios = form(&people(n)).expect("two or more");
            let everyone: Vec<ParticipantId> =
                trios.iter().flat_map(|t| t.members.clone()).collect();
            assert_eq!(everyone.len(), n as usize, "{n}: everyone in one trio");
            assert_eq!(everyone.iter().collect::<HashSet<_>>().len(), n as usize);
            for t in &trios {
                assert!(SIZES.contains(&t.members.len()), "{n}: {t:?}");
                let mut staff = Vec::new();
                let mut customers = Vec::new();
                for round in 0..t.cycle_len() {
                    let r = t.roles(round).expect("a size that drills");
                    let mut in_round = vec![r.staff, r.customer];
                    in_round.extend(&r.observers);
                    // Each member has one role; nobody observes themself.
                    assert_eq!(
                        in_round.iter().collect::<HashSet<_>>().len(),
                        in_round.len()
                    );
                    assert_eq!(in_round.len(), t.members.len(), "{n}: everyone plays");
                    staff.push(r.staff);
                    customers.push(r.customer);
                }
                let once = |v: &Vec<ParticipantId>| {
                    v.iter().collect::<HashSet<_>>().len() == t.members.len()
                };
                assert!(once(&staff), "{n}: staff once each: {staff:?}");
                assert!(once(&customers), "{n}: customer once each");
            }
        }
    }

    #[test]
    fn pairs_and_fours_take_up_what_three_does_not_divide() {
        let sizes = |n| -> Vec<usize> {
            form(&people(n))
                .expect("two or more")
                .iter()
                .map(|t| t.members.len())
                .collect()
        };
        assert_eq!(sizes(2), [2]);
        assert_eq!(sizes(3), [3]);
        assert_eq!(sizes(4), [4]);
        assert_eq!(sizes(5), [3, 2]);
        assert_eq!(sizes(7), [3, 4]);
        assert_eq!(sizes(40), [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4]);
        assert_eq!(form(&people(1)), Err(TrioError::TooFew(1)));
        assert_eq!(form(&[]), Err(TrioError::TooFew(0)));
    }

    #[test]
    fn a_pair_has_no_observer_and_a_four_has_two() {
        let pair = &form(&people(2)).expect("a pair")[0];
        let r = pair.roles(0).expect("roles");
        assert!(r.observers.is_empty(), "the trainer observes a pair");
        assert_eq!(pair.cycle_len(), 2);
        let four = &form(&people(4)).expect("a four")[0];
        assert_eq!(four.roles(1).expect("roles").observers.len(), 2);
        assert_eq!(four.cycle_len(), 4);
    }

    #[test]
    fn rounds_run_for_the_room_and_a_finished_cycle_starts_again() {
        let trios = form(&people(5)).expect("a trio and a pair");
        let (trio, pair) = (&trios[0], &trios[1]);
        // Round 2: the trio's third, the pair's first of its second cycle.
        assert_eq!(trio.cycle(2), 0);
        assert_eq!(pair.cycle(2), 1);
        assert_eq!(pair.roles(2), pair.roles(0));
        assert_eq!(trio.roles(3), trio.roles(0));
    }

    #[test]
    fn people_move_between_trios_within_two_to_four() {
        let mut trios = form(&people(6)).expect("two trios");
        move_person(&mut trios, 1, 2).expect("3 and 3 become 2 and 4");
        assert_eq!(trios[0].members, [2, 3]);
        assert_eq!(trios[1].members, [4, 5, 6, 1]);
        assert_eq!(trio_of(&trios, 1).map(|t| t.id), Some(2));
        // A pair cannot lose another, a four cannot take a fifth.
        assert_eq!(move_person(&mut trios, 2, 2), Err(TrioError::WrongSize));
        assert_eq!(
            move_person(&mut trios, 99, 1),
            Err(TrioError::NotInATrio(99))
        );
        assert_eq!(move_person(&mut trios, 4, 9), Err(TrioError::NoSuchTrio(9)));
        // Moving to one's own trio changes nothing.
        move_person(&mut trios, 4, 2).expect("stays");
        assert_eq!(trios[1].members, [4, 5, 6, 1]);
        let lone = Trio {
            id: 9,
            members: vec![1],
        };
        assert_eq!(lone.roles(0), None, "one person does not drill");
    }
}
