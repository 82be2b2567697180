//! The question a show of hands asks before keeping a count above what the
//! room could raise: more hands than the people listed in the group, or
//! more than [`limits::HANDS_ASK_ABOVE`] ("1,200 hands for one group? Enter
//! keeps it, Esc goes back to 120"). Until the answer the count is on screen
//! and in the session, but not saved and not an undo step; any other key is
//! no answer and puts the count kept back.

use super::super::{Action, App, Screen, Stage, VoteMode, Workshop};
use crate::model::{GroupId, MotId, Session, limits};
use crate::tr;

/// A show-of-hands count typed past [`limits::HANDS_ASK_ABOVE`] and not yet
/// confirmed: the session holds it for the screen, unsaved, while the status
/// asks whether to keep it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unconfirmed {
    /// The MOT.
    pub mot: MotId,
    /// The group.
    pub group: GroupId,
    /// The count typed.
    pub count: u32,
}

/// The count waiting for the room's answer, if one is. Typing starts from a
/// fresh first digit (or from shortening a count of three digits), so a
/// count above the threshold while typing is one no one has confirmed yet.
pub fn unconfirmed_hands(w: &Workshop) -> Option<Unconfirmed> {
    if !w.vote.typing_count || w.vote.mode != VoteMode::Hands || w.stage() != Stage::Vote {
        return None;
    }
    let m = w.selected_mot()?;
    let group = w.session.groups.get(w.vote.group)?.id;
    let count = m.hands_for(group);
    (count > ask_above(&w.session, group)).then_some(Unconfirmed {
        mot: m.id,
        group,
        count,
    })
}

/// How many people the session lists in a group (0: it lists none).
pub fn listed(session: &Session, group: GroupId) -> usize {
    session
        .participants
        .iter()
        .filter(|p| p.group == group)
        .count()
}

/// The most hands a group's count is kept at without a question: the people
/// listed in the group, when it lists any, and never more than
/// [`limits::HANDS_ASK_ABOVE`].
pub fn ask_above(session: &Session, group: GroupId) -> u32 {
    match listed(session, group) {
        0 => limits::HANDS_ASK_ABOVE,
        n => u32::try_from(n).map_or(limits::HANDS_ASK_ABOVE, |n| n.min(limits::HANDS_ASK_ABOVE)),
    }
}

/// The count last kept under one typed past the threshold `above`: the
/// digits typed after it dropped (1,200 goes back to 120).
pub(super) fn kept_count(mut typed: u32, above: u32) -> u32 {
    while typed > above {
        typed /= 10;
    }
    typed
}

/// Puts an unconfirmed count back to the one kept; returns what to say.
pub(super) fn drop_unconfirmed(w: &mut Workshop, typed: Unconfirmed) -> String {
    let back = w
        .vote
        .asked_from
        .take()
        .unwrap_or_else(|| kept_count(typed.count, ask_above(&w.session, typed.group)));
    // The count kept was saved when typed: setting it back is no change.
    let _ = w.session.set_hands(typed.mot, typed.group, back);
    w.vote.typing_count = false;
    tr!(
        "model.limit.hands_dropped",
        typed = limits::grouped(u64::from(typed.count)),
        kept = limits::grouped(u64::from(back))
    )
}

/// Ends the typing of a count when an action is not part of it (moving to
/// another MOT included), so the next digit starts afresh; a count left
/// unconfirmed goes back to the one kept and the returned words say so.
pub(super) fn end_count_typing(app: &mut App, action: &Action) -> Option<String> {
    let Screen::Workshop(w) = &mut app.screen else {
        return None;
    };
    let part_of_it = matches!(
        action,
        Action::Digit(_)
            | Action::EraseDigit
            | Action::Submit
            | Action::Yes
            | Action::Cancel
            | Action::No
            | Action::ToggleHelp
            | Action::Tick
    );
    if !w.vote.typing_count || part_of_it || app.help {
        return None;
    }
    let words = unconfirmed_hands(w).map(|typed| drop_unconfirmed(w, typed));
    w.vote.typing_count = false;
    words
}
