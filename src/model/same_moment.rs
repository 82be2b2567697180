//! Merging two MOTs that say the same moment: one text is kept, the other
//! stays on it as a note; within the session, a participant's dots on the
//! two combine up to the cap per MOT (what is over goes back to their
//! budget, and is said), and each group's hands take the larger count (the
//! same people were asked twice). Nothing the room produced is dropped
//! without being said.

use super::ModelError;
use super::session::{Hands, MotId, MotNote, ParticipantId, Session};

/// What merging a pair did, for the room to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The MOT kept.
    pub kept: MotId,
    /// The MOT merged into it (gone from the list).
    pub gone: MotId,
    /// Dots that did not fit under the cap per MOT, per participant; they
    /// are back in that participant's budget.
    pub returned: Vec<(ParticipantId, u32)>,
}

impl Session {
    /// Merges MOT `gone` into MOT `kept`: `kept`'s text stays, `gone`'s
    /// text (and the notes it carried) becomes a note on it; what `kept`
    /// lacks (a dimension and qualities, a golden mark, ratings, a MOTX)
    /// comes from `gone`, and either being chosen or carrying the message
    /// keeps it so. Dots combine up to the cap; hands take the larger count.
    pub fn merge_same_moment(&mut self, kept: MotId, gone: MotId) -> Result<Merged, ModelError> {
        if kept == gone {
            return Err(ModelError::NoSuchMot(gone));
        }
        let other = self.mot(gone).cloned().ok_or(ModelError::NoSuchMot(gone))?;
        let cap = self.max_dots_per_mot.max(1);
        let mut returned = Vec::new();
        // Dots on the MOT going: moved onto the one kept, up to the cap.
        let moving: Vec<(ParticipantId, u32)> = self
            .dots
            .iter()
            .filter(|d| d.mot == gone)
            .map(|d| (d.participant, d.count))
            .collect();
        {
            let mot = self.mot_mut(kept)?;
            let note_of_other = MotNote {
                who: other.who.clone(),
                situation: other.situation.clone(),
                feeling: other.feeling.clone(),
                origin: other.origin.clone(),
            };
            if mot.notes.len() + 1 + other.notes.len() > super::limits::MAX_NOTES {
                return Err(ModelError::TooManyNotes {
                    max: super::limits::MAX_NOTES,
                });
            }
            mot.notes.push(note_of_other);
            mot.notes.extend(other.notes.iter().cloned());
            if mot.dimension.is_none() && mot.qualities.is_empty() {
                mot.dimension = other.dimension;
                mot.qualities = other.qualities.clone();
            }
            mot.golden = mot.golden.or(other.golden);
            mot.we_do_well = mot.we_do_well.or(other.we_do_well);
            mot.competitors_poor = mot.competitors_poor.or(other.competitors_poor);
            mot.chosen |= other.chosen;
            mot.carries_message |= other.carries_message;
            if mot.motx.is_empty() {
                mot.motx = other.motx.clone();
            }
            for h in &other.hands {
                match mot.hands.iter_mut().find(|x| x.group == h.group) {
                    Some(x) => x.count = x.count.max(h.count),
                    None => mot.hands.push(Hands {
                        group: h.group,
                        count: h.count,
                    }),
                }
            }
        }
        for (participant, count) in moving {
            let here = self.dots_on(participant, kept);
            let room = cap.saturating_sub(here);
            let placed = count.min(room);
            if count > placed {
                returned.push((participant, count - placed));
            }
            if placed > 0 {
                match self
                    .dots
                    .iter_mut()
                    .find(|d| d.participant == participant && d.mot == kept)
                {
                    Some(d) => d.count += placed,
                    None => self.dots.push(super::session::Dots {
                        participant,
                        mot: kept,
                        count: placed,
                    }),
                }
            }
        }
        self.not_duplicates
            .retain(|&(a, b)| !(a == gone || b == gone) || (a, b) == pair(kept, gone));
        self.delete_mot(gone)?;
        Ok(Merged {
            kept,
            gone,
            returned,
        })
    }

    /// Notes that MOTs `a` and `b` are not the same moment, so the review
    /// does not offer them again.
    pub fn dismiss_pair(&mut self, a: MotId, b: MotId) -> Result<(), ModelError> {
        for id in [a, b] {
            if self.position(id).is_none() {
                return Err(ModelError::NoSuchMot(id));
            }
        }
        let p = pair(a, b);
        if p.0 != p.1 && !self.not_duplicates.contains(&p) {
            if self.not_duplicates.len() >= super::limits::MAX_NOT_DUPLICATES {
                return Err(ModelError::TooManyPairs {
                    max: super::limits::MAX_NOT_DUPLICATES,
                });
            }
            self.not_duplicates.push(p);
        }
        Ok(())
    }
}

/// A pair with the lower id first, as the file keeps it.
pub fn pair(a: MotId, b: MotId) -> (MotId, MotId) {
    (a.min(b), a.max(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, MotText, Quality};

    fn room() -> (Session, MotId, MotId, ParticipantId, ParticipantId) {
        let mut s = Session::new("t");
        s.max_dots_per_mot = 2;
        s.dot_budget = 5;
        let a = s.add_mot(MotText {
            who: "a guest".into(),
            situation: "waits half an hour at the desk".into(),
            feeling: "forgotten".into(),
        });
        let b = s.add_mot(MotText {
            who: "a guest".into(),
            situation: "waited half an hour at the desk!".into(),
            feeling: "forgotten".into(),
        });
        s.set_dimension(b, Some(Dimension::Entry)).expect("mot");
        s.toggle_quality(b, Quality::Responsiveness).expect("mot");
        let ann = s.add_participant("Ann", 1).expect("group");
        let bo = s.add_participant("Bo", 2).expect("group");
        s.add_dot(ann, a).expect("dot");
        s.add_dot(ann, b).expect("dot");
        s.add_dot(ann, b).expect("dot");
        s.add_dot(bo, b).expect("dot");
        s.set_hands(a, 1, 5).expect("hands");
        s.set_hands(b, 1, 3).expect("hands");
        s.set_hands(b, 2, 4).expect("hands");
        (s, a, b, ann, bo)
    }

    #[test]
    fn dots_combine_up_to_the_cap_and_the_rest_is_said() {
        let (mut s, a, b, ann, bo) = room();
        let spent_before = s.dots_spent(ann) + s.dots_spent(bo);
        let m = s.merge_same_moment(a, b).expect("merges");
        assert_eq!(m.returned, [(ann, 1)], "Ann had 1 + 2 and the cap is 2");
        assert_eq!(s.dots_on(ann, a), 2);
        assert_eq!(s.dots_on(bo, a), 1);
        assert_eq!(
            s.dots_spent(ann) + s.dots_spent(bo) + 1,
            spent_before,
            "every dot placed or returned"
        );
        let kept = s.mot(a).expect("kept");
        assert_eq!(kept.hands_for(1), 5, "the larger count");
        assert_eq!(kept.hands_for(2), 4);
        assert_eq!(kept.dimension, Some(Dimension::Entry), "what it lacked");
        assert_eq!(kept.notes.len(), 1);
        assert_eq!(kept.notes[0].situation, "waited half an hour at the desk!");
        assert!(s.mot(b).is_none());
        s.validate().expect("valid");
    }

    #[test]
    fn the_kept_mot_keeps_its_author_and_the_note_its_origin() {
        let mut s = Session::new("t");
        let text = |who: &str| MotText {
            who: who.into(),
            situation: "waits at the desk".into(),
            feeling: "forgotten".into(),
        };
        let typed = s.add_mot(text("a guest"));
        let ann = s.try_add_phone_mot(text("a guest!"), "Ann").expect("room");
        let bo = s.try_add_phone_mot(text("a guest?"), "Bo").expect("room");
        // Kept without an author: it does not take the other's.
        s.merge_same_moment(typed, ann).expect("merges");
        let m = s.mot(typed).expect("kept");
        assert_eq!(m.author, None);
        assert_eq!(m.notes[0].origin, Some(crate::model::MotOrigin::Phone));
        // Kept with one: it stays.
        let carl = s.try_add_phone_mot(text("a guest."), "Carl").expect("room");
        s.merge_same_moment(bo, carl).expect("merges");
        assert_eq!(s.mot(bo).and_then(|m| m.author.as_deref()), Some("Bo"));
        assert!(s.validate().is_ok());
    }

    #[test]
    fn dismissing_keeps_the_pair_once_in_order() {
        let (mut s, a, b, ..) = room();
        s.dismiss_pair(b, a).expect("both there");
        s.dismiss_pair(a, b).expect("again");
        assert_eq!(s.not_duplicates, [(a, b)]);
        assert!(s.dismiss_pair(a, 99).is_err());
        s.validate().expect("valid");
    }
}
