//! Undo and redo for the open session: the session as it was before each
//! change, with words for what the change was. It lives as long as the
//! session is open; moving between stages is not a change worth undoing.
//!
//! A step keeps only what differs: the MOTs and dots a change touched (a
//! [`Splice`]) and the session's few other fields, so a long history of a
//! large session costs little more than the session itself.

use std::sync::Arc;

mod change;

pub use change::{Change, describe};

use crate::model::{Dots, Mot, Session};

/// Most changes kept.
const MAX_STEPS: usize = 200;
/// Most MOTs kept across all the remembered versions, so a session of
/// thousands of MOTs does not hold hundreds of copies of itself.
const MAX_MOTS_KEPT: usize = 200_000;

/// One change: how to get back the session as it was before it, and what it was.
#[derive(Debug, Clone)]
struct Step {
    label: Change,
    /// The session's other fields, with no MOTs and no dots.
    rest: Session,
    mots: Splice<Arc<Mot>>,
    dots: Splice<Dots>,
}

impl Step {
    /// What makes `target` again from `base`.
    fn between(label: Change, target: &Session, base: &Session) -> Step {
        Step {
            label,
            rest: rest_of(target),
            mots: Splice::between(&target.mots, &base.mots),
            dots: Splice::between(&target.dots, &base.dots),
        }
    }

    /// The session this step keeps, made again from `base`.
    fn apply(&self, base: &Session) -> Session {
        Session {
            mots: self.mots.apply(&base.mots),
            dots: self.dots.apply(&base.dots),
            ..self.rest.clone()
        }
    }

    /// How many MOTs this step holds a copy of (the rest it shares).
    fn mots_kept(&self) -> usize {
        self.mots.with.len()
    }
}

/// A session's fields but its MOTs and dots (listed whole, so a field added
/// later cannot be left out of undo without the compiler saying so).
fn rest_of(s: &Session) -> Session {
    Session {
        version: s.version,
        title: s.title.clone(),
        stage: s.stage,
        language: s.language,
        theme: s.theme,
        timeboxes: s.timeboxes.clone(),
        brand: s.brand.clone(),
        core_message: s.core_message.clone(),
        target_user: s.target_user.clone(),
        focus: s.focus,
        dot_budget: s.dot_budget,
        max_dots_per_mot: s.max_dots_per_mot,
        counting: s.counting,
        votes_revealed: s.votes_revealed,
        show_authors: s.show_authors,
        circles: s.circles,
        groups: s.groups.clone(),
        participants: s.participants.clone(),
        mots: Vec::new(),
        dots: Vec::new(),
        drill: s.drill.clone(),
        not_duplicates: s.not_duplicates.clone(),
    }
}

/// One list as another, from a base: the base's first `start` entries, then
/// `with` in place of the base's next entries (`old`), then the rest of the base.
/// A change to one MOT keeps one MOT; the others are the base's.
#[derive(Debug, Clone)]
struct Splice<T> {
    start: usize,
    /// What `with` replaces, as the base held it (kept to find it again).
    old: Vec<T>,
    with: Vec<T>,
}

/// What names an entry of a list in the history: an MOT's id, a dot's
/// participant and MOT.
trait Keyed {
    type Key: Eq + std::hash::Hash;
    fn key(&self) -> Self::Key;
}

impl Keyed for Arc<Mot> {
    type Key = crate::model::MotId;
    fn key(&self) -> Self::Key {
        self.id
    }
}

impl Keyed for Dots {
    type Key = (crate::model::ParticipantId, crate::model::MotId);
    fn key(&self) -> Self::Key {
        (self.participant, self.mot)
    }
}

impl<T: Clone + PartialEq + Keyed> Splice<T> {
    /// What makes `target` from `base`. (Shared MOTs compare by pointer first.)
    fn between(target: &[T], base: &[T]) -> Splice<T> {
        let start = target.iter().zip(base).take_while(|(t, b)| t == b).count();
        let room = target.len().min(base.len()) - start;
        let end = target
            .iter()
            .rev()
            .zip(base.iter().rev())
            .take(room)
            .take_while(|(t, b)| t == b)
            .count();
        Splice {
            start,
            old: base[start..base.len() - end].to_vec(),
            with: target[start..target.len() - end].to_vec(),
        }
    }

    fn apply(&self, base: &[T]) -> Vec<T> {
        let start = self.start.min(base.len());
        let end = (start + self.old.len()).min(base.len());
        let in_place = base[start..end]
            .iter()
            .map(Keyed::key)
            .eq(self.old.iter().map(Keyed::key));
        if !in_place {
            return self.apply_by_key(base);
        }
        let mut out = Vec::with_capacity(base.len() - (end - start) + self.with.len());
        out.extend_from_slice(&base[..start]);
        out.extend_from_slice(&self.with);
        out.extend_from_slice(&base[end..]);
        out
    }

    /// The base moved since the step was taken (a phone took a dot back,
    /// which shifts the dots after it): what the step replaced is found by
    /// its key, so no other entry is touched and none is doubled.
    fn apply_by_key(&self, base: &[T]) -> Vec<T> {
        let gone: std::collections::HashSet<T::Key> =
            self.old.iter().chain(&self.with).map(Keyed::key).collect();
        let first = base
            .iter()
            .position(|e| gone.contains(&e.key()))
            .unwrap_or(self.start.min(base.len()));
        let mut out: Vec<T> = Vec::with_capacity(base.len() + self.with.len());
        out.extend(base[..first].iter().cloned());
        out.extend_from_slice(&self.with);
        out.extend(
            base[first..]
                .iter()
                .filter(|e| !gone.contains(&e.key()))
                .cloned(),
        );
        out
    }
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
        self.undo.push(Step::between(label, &before, now));
        self.redo.clear();
        self.trim();
    }

    /// Notes a change that is not the facilitator's (a phone's MOT, dots or
    /// name): no step of undo, but the next step is compared with it, so
    /// undoing the facilitator's next change leaves the phone's standing.
    pub fn absorb(&mut self, now: &Session) {
        self.current = now.clone();
    }

    /// Notes a change that continues the last one (the next digit of a
    /// count): when it is the same kind of change to the same thing, it
    /// joins that step, so one undo takes back the whole of it.
    pub fn record_more(&mut self, now: &Session) {
        let label = describe(&self.current, now);
        let joins = matches!((self.undo.last(), &label), (Some(step), Some(l)) if step.label == *l);
        if !joins {
            return self.record(now);
        }
        let Some(step) = self.undo.pop() else {
            return self.record(now);
        };
        let before = step.apply(&self.current);
        self.current = now.clone();
        self.undo.push(Step::between(step.label, &before, now));
        self.redo.clear();
    }

    /// The session to go back to, and what is undone; `None` when nothing is left.
    pub fn undo(&mut self, now: &Session) -> Option<(Session, Change)> {
        let step = self.undo.pop()?;
        let (back, label) = self.land(&step, now);
        self.redo.push(Step::between(label.clone(), now, &back));
        Some((back, label))
    }

    /// The session to go forward to again, and what is redone.
    pub fn redo(&mut self, now: &Session) -> Option<(Session, Change)> {
        let step = self.redo.pop()?;
        let (forward, label) = self.land(&step, now);
        self.undo.push(Step::between(label.clone(), now, &forward));
        Some((forward, label))
    }

    /// How many changes can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Moves to a remembered version; the stage stays where the room is.
    fn land(&mut self, step: &Step, now: &Session) -> (Session, Change) {
        let mut session = step.apply(now);
        session.stage = self.current.stage;
        self.current = session.clone();
        (session, step.label.clone())
    }

    fn trim(&mut self) {
        let mut kept: usize = self.undo.iter().map(Step::mots_kept).sum();
        let mut drop = 0;
        while self.undo.len() - drop > MAX_STEPS
            || (kept > MAX_MOTS_KEPT && self.undo.len() - drop > 1)
        {
            kept -= self.undo[drop].mots_kept();
            drop += 1;
        }
        self.undo.drain(..drop);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, MotId, MotText, Stage};

    fn with_mot() -> Session {
        let mut s = Session::new("t");
        s.add_mot(MotText {
            who: "a guest".into(),
            situation: "at the desk".into(),
            feeling: "welcome".into(),
        });
        s
    }

    /// The change in English words, as the tests read it.
    fn words(before: &Session, after: &Session) -> Option<String> {
        crate::i18n::set(crate::i18n::Language::English);
        describe(before, after).map(|c| c.text())
    }

    #[test]
    fn changes_are_named_and_stage_moves_are_not_steps() {
        let before = with_mot();
        let mut after = before.clone();
        after.stage = Stage::Vote;
        assert_eq!(describe(&before, &after), None);
        after.set_dimension(1, Some(Dimension::Entry)).expect("mot");
        assert_eq!(words(&before, &after).as_deref(), Some("tags of MOT 1"));
        let tagged = after.clone();
        let p = after.add_participant("王小明", 1).expect("group");
        assert_eq!(
            words(&tagged, &after).as_deref(),
            Some("adding participant 王小明")
        );
        let mut voted = after.clone();
        voted.add_dot(p, 1).expect("room");
        // Blind: the voter is named, not where the dot went.
        assert_eq!(words(&after, &voted).as_deref(), Some("a dot from 王小明"));
        let mut open = after.clone();
        open.votes_revealed = true;
        let mut open_voted = open.clone();
        open_voted.add_dot(p, 1).expect("room");
        assert_eq!(words(&open, &open_voted).as_deref(), Some("vote for MOT 1"));
        // A removal is named as itself, not as the dots or hands it takes.
        let mut gone = voted.clone();
        gone.remove_participant(p).expect("there");
        assert_eq!(
            words(&voted, &gone).as_deref(),
            Some("removing participant 王小明")
        );
        let mut counted = gone.clone();
        counted.set_hands(1, 3, 4).expect("group");
        let mut fewer = counted.clone();
        let name = fewer.remove_group(3).expect("empty").name;
        assert_eq!(
            words(&counted, &fewer),
            Some(format!("removing group \"{name}\""))
        );
        let mut shown = fewer.clone();
        shown.votes_revealed = !fewer.votes_revealed;
        let (on, off) = if shown.votes_revealed {
            (&fewer, &shown)
        } else {
            (&shown, &fewer)
        };
        assert_eq!(words(on, off).as_deref(), Some("showing the votes"));
        assert_eq!(words(off, on).as_deref(), Some("hiding the votes"));
        assert_eq!(
            words(&before, &Session::new("t")).as_deref(),
            Some("deleting MOT 1")
        );
        crate::i18n::set(crate::i18n::Language::SimplifiedChinese);
        assert_eq!(
            describe(&open, &open_voted).map(|c| c.text()).as_deref(),
            Some("给 MOT 1 的投票")
        );
        crate::i18n::set(crate::i18n::Language::TraditionalChinese);
        assert_eq!(
            describe(&after, &voted).map(|c| c.text()).as_deref(),
            Some("王小明 的一個點")
        );
        crate::i18n::set(crate::i18n::Language::English);
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
        assert_eq!((back.clone(), what), (s1.clone(), Change::Brand));
        let (back, what) = h.undo(&back).expect("two steps");
        assert_eq!((back.clone(), what), (s0.clone(), Change::Tags(1)));
        assert!(h.undo(&back).is_none());
        let (fwd, what) = h.redo(&back).expect("redo");
        assert_eq!((fwd.clone(), what), (s1.clone(), Change::Tags(1)));
        let mut s3 = fwd.clone();
        s3.title = "new".into();
        h.record(&s3);
        assert!(h.redo(&s3).is_none(), "a new change ends redo");
        assert_eq!(h.undo_len(), 2);
    }

    #[test]
    fn a_step_keeps_only_what_changed() {
        let mut s = Session::new("big");
        for _ in 0..5000 {
            s.add_mot(MotText::default());
        }
        let mut h = History::new(&s);
        for i in 0..100 {
            s.title = format!("t{i}");
            s.set_dimension(2500, Some(Dimension::Entry)).expect("mot");
            s.set_dimension(2500, None).expect("mot");
            s.set_dimension(1 + i, Some(Dimension::Referral))
                .expect("mot");
            h.record(&s);
        }
        assert_eq!(h.undo_len(), 100, "nothing trimmed");
        let kept: usize = h.undo.iter().map(Step::mots_kept).sum();
        assert!(kept <= 200, "one or two MOTs a step, not copies: {kept}");
    }

    #[test]
    fn changes_to_every_mot_keep_a_bounded_history() {
        let mut s = Session::new("big");
        for _ in 0..5000 {
            s.add_mot(MotText::default());
        }
        let mut h = History::new(&s);
        for i in 0..100 {
            for m in &mut s.mots {
                Arc::make_mut(m).who = format!("w{i}");
            }
            h.record(&s);
        }
        assert_eq!(h.undo_len(), MAX_MOTS_KEPT / 5000);
    }

    #[test]
    fn undo_and_redo_rebuild_every_version_through_adds_deletes_and_edits() {
        let mut s = with_mot();
        let p = s.add_participant("p", 1).expect("group");
        s.dot_budget = 99;
        s.max_dots_per_mot = 99;
        let mut versions = vec![s.clone()];
        let mut h = History::new(&s);
        for i in 0..40u32 {
            let ids: Vec<MotId> = s.mots.iter().map(|m| m.id).collect();
            let pick = ids[(i as usize * 7) % ids.len()];
            match i % 5 {
                0 | 3 => {
                    s.add_mot(MotText {
                        who: format!("w{i}"),
                        ..MotText::default()
                    });
                }
                1 if ids.len() > 2 => {
                    s.delete_mot(pick).expect("mot");
                }
                2 => {
                    s.add_dot(p, pick).expect("room");
                }
                _ => {
                    s.toggle_quality(pick, crate::model::Quality::Empathy)
                        .expect("mot");
                }
            }
            h.record(&s);
            versions.push(s.clone());
        }
        let mut now = s.clone();
        for want in versions.iter().rev().skip(1) {
            now = h.undo(&now).expect("a step").0;
            assert_eq!(&now, want);
        }
        assert!(h.undo(&now).is_none());
        for want in versions.iter().skip(1) {
            now = h.redo(&now).expect("a step").0;
            assert_eq!(&now, want);
        }
    }
}
