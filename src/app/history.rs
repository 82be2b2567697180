//! Undo and redo for the open session: the session as it was before each
//! change, with words for what the change was. It lives as long as the
//! session is open; moving between stages is not a change worth undoing.
//!
//! A step keeps only what differs: the MOTs and dots a change touched (a
//! [`Splice`]) and the session's few other fields, so a long history of a
//! large session costs little more than the session itself.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::model::{Dots, Mot, MotId, Session};
use crate::tr;

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
/// `with` in place of the base's next `replaced`, then the rest of the base.
/// A change to one MOT keeps one MOT; the others are the base's.
#[derive(Debug, Clone)]
struct Splice<T> {
    start: usize,
    replaced: usize,
    with: Vec<T>,
}

impl<T: Clone + PartialEq> Splice<T> {
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
            replaced: base.len() - start - end,
            with: target[start..target.len() - end].to_vec(),
        }
    }

    fn apply(&self, base: &[T]) -> Vec<T> {
        // The base is always the version the splice was taken against; the
        // bounds are kept all the same, so a slip can never panic.
        let start = self.start.min(base.len());
        let end = (start + self.replaced).min(base.len());
        let mut out = Vec::with_capacity(base.len() - (end - start) + self.with.len());
        out.extend_from_slice(&base[..start]);
        out.extend_from_slice(&self.with);
        out.extend_from_slice(&base[end..]);
        out
    }
}

/// What a change was; put into words only when shown, so an undo speaks
/// the language on show then, not the one of the moment of the change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// An MOT was added.
    NewMot(MotId),
    /// An MOT was deleted.
    DeleteMot(MotId),
    /// An MOT's words were edited.
    EditMot(MotId),
    /// An MOT's dimension or qualities changed.
    Tags(MotId),
    /// An MOT's show of hands changed.
    Hands(MotId),
    /// A dot was put on or taken off an MOT.
    Vote(MotId),
    /// An MOT was marked chosen or the mark taken off.
    Chosen(MotId),
    /// An MOT's golden-moment mark.
    Golden(MotId),
    /// Whether an MOT carries the core message.
    Message(MotId),
    /// An MOT's ratings ("we do it well", "competitors do it poorly").
    Ratings(MotId),
    /// An MOT's designed experience (MOTX).
    Motx(MotId),
    /// Where the three circles start.
    Circles,
    /// A dot was put on or taken off while the totals were hidden: named by
    /// the voter, so undo does not tell the room where it was.
    BlindVote(String),
    /// The dots changed otherwise.
    Votes,
    /// A participant was added.
    AddParticipant(String),
    /// A participant was removed (and their dots with them).
    RemoveParticipant(String),
    /// A participant was renamed or moved to another group.
    Participant(String),
    /// A group was added.
    AddGroup(String),
    /// A group was removed (and its hands with it).
    RemoveGroup(String),
    /// A group was renamed or weighted.
    Group(String),
    /// The session title.
    Title,
    /// The brand.
    Brand,
    /// The core message.
    CoreMessage,
    /// The target user.
    TargetUser,
    /// The focus dimension.
    Focus,
    /// The dot budget or the cap per MOT.
    DotRules,
    /// What the score adds up.
    Counting,
    /// Revealing (`true`) or hiding the totals.
    Reveal(bool),
    /// The session's language.
    Language,
    /// The session's theme.
    Theme,
    /// The timeboxes.
    Timeboxes,
    /// The drill's deck: a card added, edited or taken out.
    DrillCards,
    /// The drill's trios: formed, or someone moved.
    DrillTrios,
    /// The round the drill is in.
    DrillRound,
    /// How long the drill's phases last.
    DrillPhases,
    /// An observer's sheet, by its round (from 0) and, unless the drill is
    /// anonymous, the staff member's name.
    DrillSheet {
        /// The round, from 0 as the session counts it.
        round: u32,
        /// Whose sheet, when names are shown and they are still in the room.
        staff: Option<String>,
    },
    /// Whether the debrief leaves names out (`true`) or shows them.
    DrillAnonymous(bool),
    /// The drill otherwise.
    Drill,
    /// Several MOTs added at once (an import), by how many.
    Import(usize),
    /// A MOT merged into another as its duplicate: (gone, kept).
    MergeMots(MotId, MotId),
    /// A pair of MOTs said to be different moments.
    NotDuplicates,
    /// Anything else.
    Other,
}

impl Change {
    /// The change in a few words, in the language on show ("vote for MOT 7").
    pub fn text(&self) -> String {
        match self {
            Change::NewMot(id) => tr!("app.change.new_mot", id = id),
            Change::Import(n) => tr!("app.change.import", n = n),
            Change::MergeMots(gone, kept) => {
                tr!("app.change.merge_mots", gone = gone, kept = kept)
            }
            Change::NotDuplicates => tr!("app.change.not_duplicates").into(),
            Change::DeleteMot(id) => tr!("app.change.delete_mot", id = id),
            Change::EditMot(id) => tr!("app.change.edit_mot", id = id),
            Change::Tags(id) => tr!("app.change.tags", id = id),
            Change::Hands(id) => tr!("app.change.hands", id = id),
            Change::Vote(id) => tr!("app.change.vote", id = id),
            Change::BlindVote(name) => tr!("app.change.blind_vote", name = name),
            Change::Votes => tr!("app.change.votes").into(),
            Change::Chosen(id) => tr!("app.change.chosen", id = id),
            Change::Golden(id) => tr!("app.change.golden", id = id),
            Change::Message(id) => tr!("app.change.message", id = id),
            Change::Ratings(id) => tr!("app.change.ratings", id = id),
            Change::Motx(id) => tr!("app.change.motx", id = id),
            Change::Circles => tr!("app.change.circles").into(),
            Change::AddParticipant(name) => tr!("app.change.add_participant", name = name),
            Change::RemoveParticipant(name) => tr!("app.change.remove_participant", name = name),
            Change::Participant(name) => tr!("app.change.participant", name = name),
            Change::AddGroup(name) => tr!("app.change.add_group", name = name),
            Change::RemoveGroup(name) => tr!("app.change.remove_group", name = name),
            Change::Group(name) => tr!("app.change.group", name = name),
            Change::Title => tr!("app.change.title").into(),
            Change::Brand => tr!("app.change.brand").into(),
            Change::CoreMessage => tr!("app.change.core_message").into(),
            Change::TargetUser => tr!("app.change.target_user").into(),
            Change::Focus => tr!("app.change.focus").into(),
            Change::DotRules => tr!("app.change.dot_rules").into(),
            Change::Counting => tr!("app.change.counting").into(),
            Change::Reveal(true) => tr!("app.change.reveal").into(),
            Change::Reveal(false) => tr!("app.change.hide").into(),
            Change::Language => tr!("app.change.language").into(),
            Change::Theme => tr!("app.change.theme").into(),
            Change::Timeboxes => tr!("app.change.timeboxes").into(),
            Change::DrillCards => tr!("app.change.drill_cards").into(),
            Change::DrillTrios => tr!("app.change.drill_trios").into(),
            Change::DrillRound => tr!("app.change.drill_round").into(),
            Change::DrillPhases => tr!("app.change.drill_phases").into(),
            // Rounds are counted from 1 for the room.
            Change::DrillSheet {
                round,
                staff: Some(name),
            } => tr!(
                "app.change.drill_sheet",
                name = name,
                round = u64::from(*round) + 1
            ),
            Change::DrillSheet { round, staff: None } => tr!(
                "app.change.drill_sheet_unnamed",
                round = u64::from(*round) + 1
            ),
            Change::DrillAnonymous(true) => tr!("app.change.drill_anonymous").into(),
            Change::DrillAnonymous(false) => tr!("app.change.drill_names").into(),
            Change::Drill => tr!("app.change.drill").into(),
            Change::Other => tr!("app.change.other").into(),
        }
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

/// What changed from `before` to `after` ("vote for MOT 7", in words by
/// [`Change::text`]); `None` when nothing but the stage changed.
pub fn describe(before: &Session, after: &Session) -> Option<Change> {
    let same_ids = before.mots.len() == after.mots.len()
        && before
            .mots
            .iter()
            .zip(&after.mots)
            .all(|(b, a)| b.id == a.id);
    if !same_ids {
        let ids = |s: &Session| s.mots.iter().map(|m| m.id).collect::<BTreeSet<_>>();
        let (old, new) = (ids(before), ids(after));
        let added = new.difference(&old).count();
        if added > 1 {
            return Some(Change::Import(added));
        }
        if let Some(id) = new.difference(&old).next() {
            return Some(Change::NewMot(*id));
        }
        if let Some(id) = old.difference(&new).next() {
            // Gone into another, which now keeps its text as a note.
            let rest = before.mots.iter().filter(|m| m.id != *id);
            let kept = after
                .mots
                .iter()
                .zip(rest)
                .find(|(a, b)| !Arc::ptr_eq(a, b) && b.notes.len() < a.notes.len());
            if let Some((kept, _)) = kept {
                return Some(Change::MergeMots(*id, kept.id));
            }
            return Some(Change::DeleteMot(*id));
        }
    }
    // Removing a group takes its hands off the MOTs, removing a participant
    // takes their dots: the change is the removal, not what went with it.
    if let Some(change) = people_coming_or_going(before, after) {
        return Some(change);
    }
    for (b, a) in before.mots.iter().zip(&after.mots) {
        // An MOT no change touched is still the one shared with `before`.
        if Arc::ptr_eq(b, a) {
            continue;
        }
        if (&b.who, &b.situation, &b.feeling) != (&a.who, &a.situation, &a.feeling) {
            return Some(Change::EditMot(a.id));
        }
        if (b.dimension, &b.qualities) != (a.dimension, &a.qualities) {
            return Some(Change::Tags(a.id));
        }
        if b.hands != a.hands {
            return Some(Change::Hands(a.id));
        }
        if b.chosen != a.chosen {
            return Some(Change::Chosen(a.id));
        }
        if b.golden != a.golden {
            return Some(Change::Golden(a.id));
        }
        if b.carries_message != a.carries_message {
            return Some(Change::Message(a.id));
        }
        if (b.we_do_well, b.competitors_poor) != (a.we_do_well, a.competitors_poor) {
            return Some(Change::Ratings(a.id));
        }
        if b.motx != a.motx {
            return Some(Change::Motx(a.id));
        }
    }
    if before.dots != after.dots {
        let voted = after
            .dots
            .iter()
            .find(|d| !before.dots.contains(d))
            .or_else(|| before.dots.iter().find(|d| !after.dots.contains(d)));
        // While the room votes blind, undo names the voter, not the MOT.
        let blind = !before.votes_revealed && !after.votes_revealed;
        return Some(match voted {
            Some(d) if blind => {
                let name = after
                    .participant(d.participant)
                    .or_else(|| before.participant(d.participant))
                    .map(|p| p.name.clone())
                    .unwrap_or_default();
                Change::BlindVote(name)
            }
            Some(d) => Change::Vote(d.mot),
            None => Change::Votes,
        });
    }
    if before.participants != after.participants {
        let who = changed_name(&before.participants, &after.participants, |p| {
            (p.id, p.name.clone())
        });
        return Some(Change::Participant(who));
    }
    if before.groups != after.groups {
        let which = changed_name(&before.groups, &after.groups, |g| (g.id, g.name.clone()));
        return Some(Change::Group(which));
    }
    if before.drill != after.drill {
        return Some(drill_change(before, after));
    }
    if before.not_duplicates != after.not_duplicates {
        return Some(Change::NotDuplicates);
    }
    let setting = if before.title != after.title {
        Change::Title
    } else if before.brand != after.brand {
        Change::Brand
    } else if before.core_message != after.core_message {
        Change::CoreMessage
    } else if before.target_user != after.target_user {
        Change::TargetUser
    } else if before.focus != after.focus {
        Change::Focus
    } else if (before.dot_budget, before.max_dots_per_mot)
        != (after.dot_budget, after.max_dots_per_mot)
    {
        Change::DotRules
    } else if before.counting != after.counting {
        Change::Counting
    } else if before.votes_revealed != after.votes_revealed {
        Change::Reveal(after.votes_revealed)
    } else if before.language != after.language {
        Change::Language
    } else if before.theme != after.theme {
        Change::Theme
    } else if before.timeboxes != after.timeboxes {
        Change::Timeboxes
    } else if before.circles != after.circles {
        Change::Circles
    } else {
        let mut a = after.clone();
        a.stage = before.stage;
        return (a != *before).then_some(Change::Other);
    };
    Some(setting)
}

/// What changed in the drill, which differs between `before` and `after`.
fn drill_change(before: &Session, after: &Session) -> Change {
    let (b, a) = (&before.drill, &after.drill);
    if b.deck != a.deck {
        return Change::DrillCards;
    }
    if b.trios != a.trios {
        return Change::DrillTrios;
    }
    if b.sheets != a.sheets {
        let sheet = a
            .sheets
            .iter()
            .find(|s| !b.sheets.contains(s))
            .or_else(|| b.sheets.iter().find(|s| !a.sheets.contains(s)));
        if let Some(sheet) = sheet {
            // An anonymous debrief names nobody, nor does its undo.
            let staff = (!a.anonymous && !b.anonymous)
                .then(|| {
                    after
                        .participant(sheet.staff)
                        .or_else(|| before.participant(sheet.staff))
                        .map(|p| p.name.clone())
                })
                .flatten();
            return Change::DrillSheet {
                round: sheet.round,
                staff,
            };
        }
    }
    if b.round != a.round {
        return Change::DrillRound;
    }
    if b.phases != a.phases {
        return Change::DrillPhases;
    }
    if b.anonymous != a.anonymous {
        return Change::DrillAnonymous(a.anonymous);
    }
    Change::Drill
}

/// A participant or a group added or removed, if one was.
fn people_coming_or_going(before: &Session, after: &Session) -> Option<Change> {
    let gone = |b: &[(u32, String)], a: &[(u32, String)]| {
        b.iter()
            .find(|(id, _)| !a.iter().any(|(x, _)| x == id))
            .map(|(_, name)| name.clone())
    };
    let people = |s: &Session| -> Vec<(u32, String)> {
        s.participants
            .iter()
            .map(|p| (p.id, p.name.clone()))
            .collect()
    };
    let groups = |s: &Session| -> Vec<(u32, String)> {
        s.groups.iter().map(|g| (g.id, g.name.clone())).collect()
    };
    if before.participants.len() != after.participants.len() {
        let (b, a) = (people(before), people(after));
        if let Some(name) = gone(&b, &a) {
            return Some(Change::RemoveParticipant(name));
        }
        if let Some(name) = gone(&a, &b) {
            return Some(Change::AddParticipant(name));
        }
    }
    if before.groups.len() != after.groups.len() {
        let (b, a) = (groups(before), groups(after));
        if let Some(name) = gone(&b, &a) {
            return Some(Change::RemoveGroup(name));
        }
        if let Some(name) = gone(&a, &b) {
            return Some(Change::AddGroup(name));
        }
    }
    None
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
