//! Undo and redo for the open session: the session as it was before each
//! change, with words for what the change was. It lives as long as the
//! session is open; moving between stages is not a change worth undoing.

use std::collections::BTreeSet;

use crate::model::Session;

/// Most changes kept.
const MAX_STEPS: usize = 200;
/// Most MOTs kept across all the remembered versions, so a session of
/// thousands of MOTs does not hold hundreds of copies of itself.
const MAX_MOTS_KEPT: usize = 200_000;

/// One change: the session before it, and what it was.
#[derive(Debug, Clone)]
struct Step {
    label: String,
    session: Session,
}

/// What can be undone and redone.
#[derive(Debug, Clone)]
pub struct History {
    /// The session as of the last change recorded (what the next change is compared with).
    current: Session,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// A history that starts at this session.
    pub fn new(session: &Session) -> History {
        History {
            current: session.clone(),
            undo: Vec::new(),
            redo: Vec::new(),
        }
    }

    /// Notes that the session changed. A change that only moved the stage is
    /// not a step. A new change ends what could be redone.
    pub fn record(&mut self, now: &Session) {
        let Some(label) = describe(&self.current, now) else {
            self.current.stage = now.stage;
            return;
        };
        let before = std::mem::replace(&mut self.current, now.clone());
        self.undo.push(Step {
            label,
            session: before,
        });
        self.redo.clear();
        self.trim();
    }

    /// The session to go back to, and what is undone; `None` when nothing is left.
    pub fn undo(&mut self, now: &Session) -> Option<(Session, String)> {
        let step = self.undo.pop()?;
        self.redo.push(Step {
            label: step.label.clone(),
            session: now.clone(),
        });
        Some(self.land(step))
    }

    /// The session to go forward to again, and what is redone.
    pub fn redo(&mut self, now: &Session) -> Option<(Session, String)> {
        let step = self.redo.pop()?;
        self.undo.push(Step {
            label: step.label.clone(),
            session: now.clone(),
        });
        Some(self.land(step))
    }

    /// How many changes can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Moves to a remembered version; the stage stays where the room is.
    fn land(&mut self, step: Step) -> (Session, String) {
        let mut session = step.session;
        session.stage = self.current.stage;
        self.current = session.clone();
        (session, step.label)
    }

    fn trim(&mut self) {
        let mut kept: usize = self.undo.iter().map(|s| s.session.mots.len()).sum();
        let mut drop = 0;
        while self.undo.len() - drop > MAX_STEPS
            || (kept > MAX_MOTS_KEPT && self.undo.len() - drop > 1)
        {
            kept -= self.undo[drop].session.mots.len();
            drop += 1;
        }
        self.undo.drain(..drop);
    }
}

/// What changed from `before` to `after`, in a few words ("vote for MOT 7");
/// `None` when nothing but the stage changed.
pub fn describe(before: &Session, after: &Session) -> Option<String> {
    let ids = |s: &Session| s.mots.iter().map(|m| m.id).collect::<BTreeSet<_>>();
    let (old, new) = (ids(before), ids(after));
    if let Some(id) = new.difference(&old).next() {
        return Some(format!("new MOT {id}"));
    }
    if let Some(id) = old.difference(&new).next() {
        return Some(format!("deleting MOT {id}"));
    }
    for (b, a) in before.mots.iter().zip(&after.mots) {
        if (&b.who, &b.situation, &b.feeling) != (&a.who, &a.situation, &a.feeling) {
            return Some(format!("edit of MOT {}", a.id));
        }
        if (b.dimension, &b.qualities) != (a.dimension, &a.qualities) {
            return Some(format!("tags of MOT {}", a.id));
        }
        if b.hands != a.hands {
            return Some(format!("hands for MOT {}", a.id));
        }
    }
    if before.dots != after.dots {
        let voted = after
            .dots
            .iter()
            .find(|d| !before.dots.contains(d))
            .or_else(|| before.dots.iter().find(|d| !after.dots.contains(d)))
            .map(|d| d.mot);
        return Some(match voted {
            Some(id) => format!("vote for MOT {id}"),
            None => "votes".into(),
        });
    }
    if before.participants != after.participants {
        let who = changed_name(&before.participants, &after.participants, |p| {
            (p.id, p.name.clone())
        });
        return Some(format!("participant {who}"));
    }
    if before.groups != after.groups {
        let which = changed_name(&before.groups, &after.groups, |g| (g.id, g.name.clone()));
        return Some(format!("group \"{which}\""));
    }
    let setting = if before.title != after.title {
        "the title"
    } else if before.brand != after.brand {
        "the brand"
    } else if before.core_message != after.core_message {
        "the core message"
    } else if before.target_user != after.target_user {
        "the target user"
    } else if before.focus != after.focus {
        "the focus dimension"
    } else if (before.dot_budget, before.max_dots_per_mot)
        != (after.dot_budget, after.max_dots_per_mot)
    {
        "the dot rules"
    } else if before.votes_revealed != after.votes_revealed {
        "showing the votes"
    } else if before.language != after.language {
        "the language"
    } else if before.theme != after.theme {
        "the theme"
    } else if before.timeboxes != after.timeboxes {
        "the timeboxes"
    } else {
        let mut a = after.clone();
        a.stage = before.stage;
        return (a != *before).then(|| "a change".into());
    };
    Some(setting.to_string())
}

/// The name of the first entry that differs between two lists.
fn changed_name<T: PartialEq>(
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> (u32, String),
) -> String {
    after
        .iter()
        .find(|x| !before.contains(x))
        .or_else(|| before.iter().find(|x| !after.contains(x)))
        .map(|x| key(x).1)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, MotText, Stage};

    fn with_mot() -> Session {
        let mut s = Session::new("t");
        s.add_mot(MotText {
            who: "a guest".into(),
            situation: "at the desk".into(),
            feeling: "welcome".into(),
        });
        s
    }

    #[test]
    fn changes_are_named_and_stage_moves_are_not_steps() {
        let before = with_mot();
        let mut after = before.clone();
        after.stage = Stage::Vote;
        assert_eq!(describe(&before, &after), None);
        after.set_dimension(1, Some(Dimension::Entry)).expect("mot");
        assert_eq!(describe(&before, &after).as_deref(), Some("tags of MOT 1"));
        let p = after.add_participant("王小明", 1).expect("group");
        assert_eq!(describe(&before, &after).as_deref(), Some("tags of MOT 1"));
        let mut voted = after.clone();
        voted.add_dot(p, 1).expect("room");
        assert_eq!(describe(&after, &voted).as_deref(), Some("vote for MOT 1"));
        assert_eq!(
            describe(&before, &Session::new("t")).as_deref(),
            Some("deleting MOT 1")
        );
    }

    #[test]
    fn undo_and_redo_walk_the_changes_and_a_new_change_ends_redo() {
        let s0 = with_mot();
        let mut h = History::new(&s0);
        let mut s1 = s0.clone();
        s1.set_dimension(1, Some(Dimension::Referral)).expect("mot");
        h.record(&s1);
        let mut s2 = s1.clone();
        s2.brand = "华航".into();
        h.record(&s2);
        let (back, what) = h.undo(&s2).expect("one step");
        assert_eq!((back.clone(), what.as_str()), (s1.clone(), "the brand"));
        let (back, what) = h.undo(&back).expect("two steps");
        assert_eq!((back.clone(), what.as_str()), (s0.clone(), "tags of MOT 1"));
        assert!(h.undo(&back).is_none());
        let (fwd, what) = h.redo(&back).expect("redo");
        assert_eq!((fwd.clone(), what.as_str()), (s1.clone(), "tags of MOT 1"));
        let mut s3 = fwd.clone();
        s3.title = "new".into();
        h.record(&s3);
        assert!(h.redo(&s3).is_none(), "a new change ends redo");
        assert_eq!(h.undo_len(), 2);
    }

    #[test]
    fn a_big_session_keeps_a_bounded_history() {
        let mut s = Session::new("big");
        for _ in 0..5000 {
            s.add_mot(MotText::default());
        }
        let mut h = History::new(&s);
        for i in 0..100 {
            s.title = format!("t{i}");
            h.record(&s);
        }
        assert_eq!(h.undo_len(), MAX_MOTS_KEPT / 5000);
    }
}
