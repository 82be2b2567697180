//! What a change was, in words: found by comparing the session before
//! and after it, and put into words only when shown.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::model::{MotId, Session};
use crate::tr;

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
    /// Showing (`true`) or hiding who sent each phone MOT.
    Authors(bool),
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
            Change::Authors(true) => tr!("phones.change.authors_shown").into(),
            Change::Authors(false) => tr!("phones.change.authors_hidden").into(),
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
    } else if before.show_authors != after.show_authors {
        Change::Authors(after.show_authors)
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
