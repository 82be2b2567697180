//! Voting: dots per participant within a budget, hands per group, and the
//! weighted score (each vote times its group's weight).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::session::{Dots, GroupId, Hands, MotId, ParticipantId, Session};
use crate::tr;

pub use super::limits::MAX_HANDS;

/// Which votes a session's score adds up: a room may vote with dots and
/// also count hands, and decide that only one of them decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Counting {
    /// Dots and hands, each times its group's weight.
    #[default]
    Both,
    /// Only the dots; hands are kept but not added.
    Dots,
    /// Only the hands; dots are kept but not added.
    Hands,
}

impl Counting {
    /// All three, in the order Setup cycles through them.
    pub const ALL: [Counting; 3] = [Counting::Both, Counting::Dots, Counting::Hands];

    /// What the score adds up, in the language on show ("dots and hands").
    pub fn name(self) -> &'static str {
        match self {
            Counting::Both => tr!("model.counting.both"),
            Counting::Dots => tr!("model.counting.dots"),
            Counting::Hands => tr!("model.counting.hands"),
        }
    }

    /// The next (or previous) choice, wrapping around.
    pub fn cycle(self, forward: bool) -> Counting {
        let n = Counting::ALL.len();
        let i = Counting::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Counting::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }

    /// Whether dots add to the score.
    pub fn dots(self) -> bool {
        self != Counting::Hands
    }

    /// Whether hands add to the score.
    pub fn hands(self) -> bool {
        self != Counting::Dots
    }
}

/// A MOT's votes: weighted score beside the raw count, and the split by group.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Score {
    /// Sum of every counted dot and hand times its group's weight.
    pub weighted: u64,
    /// Counted dots plus hands, unweighted.
    pub raw: u64,
    /// Weighted score per group from what is counted, in the session's
    /// group order (zeros included).
    pub by_group: Vec<(GroupId, u64)>,
    /// The dots times their groups' weights, whether counted or not.
    pub dots: u64,
    /// The hands times their groups' weights, whether counted or not.
    pub hands: u64,
}

impl Score {
    /// Whether the MOT has votes of both kinds (counted or not).
    pub fn has_both(&self) -> bool {
        self.dots > 0 && self.hands > 0
    }
}

impl Session {
    /// Dots a participant has spent in all (saturating: a session held in
    /// memory past its limits must still draw).
    pub fn dots_spent(&self, participant: ParticipantId) -> u32 {
        self.dots
            .iter()
            .filter(|d| d.participant == participant)
            .fold(0u32, |sum, d| sum.saturating_add(d.count))
    }

    /// Dots every participant has spent, in one pass over the dots (for
    /// screens that show everyone: one lookup each instead of a pass each).
    pub fn dots_spent_by_participant(&self) -> HashMap<ParticipantId, u32> {
        let mut out: HashMap<ParticipantId, u32> = HashMap::new();
        for d in &self.dots {
            let sum = out.entry(d.participant).or_default();
            *sum = sum.saturating_add(d.count);
        }
        out
    }

    /// Dots a participant may still spend (zero when the budget was lowered below what they spent).
    pub fn dots_left(&self, participant: ParticipantId) -> u32 {
        self.dot_budget.saturating_sub(self.dots_spent(participant))
    }

    /// Dots a participant put on one MOT.
    pub fn dots_on(&self, participant: ParticipantId, mot: MotId) -> u32 {
        self.dots
            .iter()
            .find(|d| d.participant == participant && d.mot == mot)
            .map_or(0, |d| d.count)
    }

    /// Places one dot, within the budget and the per-MOT cap.
    pub fn add_dot(&mut self, participant: ParticipantId, mot: MotId) -> Result<u32, ModelError> {
        if self.participant(participant).is_none() {
            return Err(ModelError::NoSuchParticipant(participant));
        }
        if self.mot(mot).is_none() {
            return Err(ModelError::NoSuchMot(mot));
        }
        if self.dots_left(participant) == 0 {
            return Err(ModelError::BudgetSpent {
                budget: self.dot_budget,
            });
        }
        let on = self.dots_on(participant, mot);
        if on >= self.max_dots_per_mot {
            return Err(ModelError::CapReached {
                cap: self.max_dots_per_mot,
            });
        }
        match self
            .dots
            .iter_mut()
            .find(|d| d.participant == participant && d.mot == mot)
        {
            Some(d) => d.count = d.count.saturating_add(1),
            None => self.dots.push(Dots {
                participant,
                mot,
                count: 1,
            }),
        }
        Ok(on.saturating_add(1))
    }

    /// Takes one dot back; returns how many remain on the MOT.
    pub fn remove_dot(
        &mut self,
        participant: ParticipantId,
        mot: MotId,
    ) -> Result<u32, ModelError> {
        let pos = self
            .dots
            .iter()
            .position(|d| d.participant == participant && d.mot == mot)
            .ok_or(ModelError::NoDotToRemove)?;
        self.dots[pos].count = self.dots[pos].count.saturating_sub(1);
        let left = self.dots[pos].count;
        if left == 0 {
            self.dots.remove(pos);
        }
        Ok(left)
    }

    /// Records how many hands a group raised for an MOT (zero removes the entry).
    pub fn set_hands(&mut self, mot: MotId, group: GroupId, count: u32) -> Result<(), ModelError> {
        if self.group(group).is_none() {
            return Err(ModelError::NoSuchGroup(group));
        }
        if count > MAX_HANDS {
            return Err(ModelError::TooManyHands { max: MAX_HANDS });
        }
        let m = self.mot_mut(mot)?;
        m.hands.retain(|h| h.group != group);
        if count > 0 {
            m.hands.push(Hands { group, count });
            m.hands.sort_by_key(|h| h.group);
        }
        Ok(())
    }

    /// Scores of every MOT, in one pass over the votes; only what the
    /// session counts ([`Counting`]) adds to the score, both kinds are kept.
    pub fn scores(&self) -> HashMap<MotId, Score> {
        super::work::note_n(super::work::Entry::Scores, self.mots.len());
        let weight: HashMap<GroupId, u64> = self
            .groups
            .iter()
            .map(|g| (g.id, u64::from(g.weight)))
            .collect();
        let group_of: HashMap<ParticipantId, GroupId> =
            self.participants.iter().map(|p| (p.id, p.group)).collect();
        let slot: HashMap<GroupId, usize> = self
            .groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id, i))
            .collect();
        let empty: Vec<(GroupId, u64)> = self.groups.iter().map(|g| (g.id, 0)).collect();
        let mut out: HashMap<MotId, Score> = self
            .mots
            .iter()
            .map(|m| {
                (
                    m.id,
                    Score {
                        by_group: empty.clone(),
                        ..Score::default()
                    },
                )
            })
            .collect();
        // Saturating: within the limits no sum comes near u64::MAX, but a
        // session held in memory past them must not stop the drawing.
        let counting = self.counting;
        let mut add = |mot: MotId, group: GroupId, count: u32, dot: bool| {
            if let (Some(score), Some(&w), Some(&i)) =
                (out.get_mut(&mot), weight.get(&group), slot.get(&group))
            {
                let count = u64::from(count);
                let points = count.saturating_mul(w);
                let (part, counted) = if dot {
                    (&mut score.dots, counting.dots())
                } else {
                    (&mut score.hands, counting.hands())
                };
                *part = part.saturating_add(points);
                if counted {
                    score.raw = score.raw.saturating_add(count);
                    score.weighted = score.weighted.saturating_add(points);
                    let part = &mut score.by_group[i].1;
                    *part = part.saturating_add(points);
                }
            }
        };
        for m in &self.mots {
            for h in &m.hands {
                add(m.id, h.group, h.count, false);
            }
        }
        for d in &self.dots {
            if let Some(&g) = group_of.get(&d.participant) {
                add(d.mot, g, d.count, true);
            }
        }
        out
    }

    /// Score of one MOT (all zeros for an unknown id).
    pub fn score(&self, mot: MotId) -> Score {
        self.scores().remove(&mot).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::session::MotText;

    fn session_with(mots: usize) -> Session {
        let mut s = Session::new("t");
        for i in 0..mots {
            s.add_mot(MotText {
                who: format!("who {i}"),
                situation: "s".into(),
                feeling: "f".into(),
            });
        }
        s
    }

    #[test]
    fn budget_and_cap_are_enforced() {
        let mut s = session_with(3);
        let p = s.add_participant("Ann", 1).expect("group");
        assert_eq!(s.add_dot(p, 1), Ok(1));
        assert_eq!(s.add_dot(p, 1), Ok(2));
        assert_eq!(s.add_dot(p, 1), Err(ModelError::CapReached { cap: 2 }));
        assert_eq!(s.add_dot(p, 2), Ok(1));
        assert_eq!(s.dots_left(p), 0);
        assert_eq!(s.add_dot(p, 3), Err(ModelError::BudgetSpent { budget: 3 }));
        assert_eq!(s.remove_dot(p, 1), Ok(1));
        assert_eq!(s.dots_left(p), 1);
        assert_eq!(s.add_dot(p, 3), Ok(1));
        assert!(s.validate().is_ok());
    }

    #[test]
    fn removing_the_last_dot_drops_the_entry() {
        let mut s = session_with(1);
        let p = s.add_participant("Ann", 1).expect("group");
        s.add_dot(p, 1).expect("room");
        assert_eq!(s.remove_dot(p, 1), Ok(0));
        assert!(s.dots.is_empty());
        assert_eq!(s.remove_dot(p, 1), Err(ModelError::NoDotToRemove));
    }

    #[test]
    fn lowering_the_budget_never_underflows() {
        let mut s = session_with(2);
        let p = s.add_participant("Ann", 1).expect("group");
        s.add_dot(p, 1).expect("room");
        s.add_dot(p, 2).expect("room");
        s.dot_budget = 1;
        assert_eq!(s.dots_left(p), 0);
        assert!(s.add_dot(p, 1).is_err());
    }

    #[test]
    fn score_weights_dots_and_hands_by_group() {
        let mut s = session_with(2);
        // group 1 "loves us" weighs 3, group 2 weighs 1.
        let fan = s.add_participant("Fan", 1).expect("group");
        let lapsed = s.add_participant("Lapsed", 2).expect("group");
        s.add_dot(fan, 1).expect("room");
        s.add_dot(fan, 1).expect("room");
        s.add_dot(lapsed, 1).expect("room");
        s.set_hands(1, 3, 4).expect("group 3");
        s.set_hands(2, 1, 1).expect("group 1");
        let scores = s.scores();
        let one = &scores[&1];
        assert_eq!(one.raw, 2 + 1 + 4);
        assert_eq!(one.weighted, 2 * 3 + 1 + 4);
        assert_eq!(one.by_group, vec![(1, 6), (2, 1), (3, 4), (4, 0)]);
        assert_eq!((one.dots, one.hands), (2 * 3 + 1, 4));
        assert_eq!(scores[&2].weighted, 3);
        assert_eq!(scores[&2].raw, 1);
    }

    #[test]
    fn the_counting_choice_adds_only_what_it_names() {
        let mut s = session_with(2);
        let fan = s.add_participant("Fan", 1).expect("group");
        s.add_dot(fan, 1).expect("room");
        s.add_dot(fan, 2).expect("room");
        s.add_dot(fan, 2).expect("room");
        s.set_hands(1, 3, 4).expect("group 3");
        s.counting = Counting::Dots;
        let one = s.score(1);
        assert_eq!((one.weighted, one.raw), (3, 1), "hands not added");
        assert_eq!((one.dots, one.hands), (3, 4), "both kinds are kept");
        assert_eq!(one.by_group, vec![(1, 3), (2, 0), (3, 0), (4, 0)]);
        s.counting = Counting::Hands;
        let one = s.score(1);
        assert_eq!((one.weighted, one.raw), (4, 4), "dots not added");
        assert_eq!(one.by_group, vec![(1, 0), (2, 0), (3, 4), (4, 0)]);
        assert_eq!(s.score(2).weighted, 0);
        s.counting = Counting::Both;
        assert_eq!(s.score(1).weighted, 7);
        assert!(s.score(1).has_both() && !s.score(2).has_both());
        assert_eq!(Counting::Both.cycle(true), Counting::Dots);
        assert_eq!(Counting::Both.cycle(false), Counting::Hands);
    }

    #[test]
    fn weight_changes_rescore_without_touching_votes() {
        let mut s = session_with(1);
        let fan = s.add_participant("Fan", 1).expect("group");
        s.add_dot(fan, 1).expect("room");
        s.set_weight(1, 0).expect("group");
        assert_eq!(s.score(1).weighted, 0);
        assert_eq!(s.score(1).raw, 1);
        s.set_participant_group(fan, 2).expect("group");
        assert_eq!(s.score(1).weighted, 1);
    }

    #[test]
    fn no_votes_scores_zero_and_unknown_mot_scores_zero() {
        let s = session_with(1);
        assert_eq!(s.score(1).weighted, 0);
        assert_eq!(s.score(99), Score::default());
    }

    #[test]
    fn hands_set_to_zero_disappear_and_bad_counts_are_refused() {
        let mut s = session_with(1);
        s.set_hands(1, 2, 5).expect("ok");
        s.set_hands(1, 2, 0).expect("ok");
        assert!(s.mots[0].hands.is_empty());
        assert!(s.set_hands(1, 77, 1).is_err());
        assert!(s.set_hands(1, 2, MAX_HANDS + 1).is_err());
        assert!(s.set_hands(5, 2, 1).is_err());
    }
}
