//! Going to an MOT by its number: `#`, the digits of its id, Enter. In
//! every list of MOTs (Write, Tag, Vote, Choose); in Choose an MOT hidden
//! by the filter is shown with the filter lifted.

use super::*;

/// Digits an MOT's number can have ([`limits::MAX_ID`] has nine).
const MAX_DIGITS: usize = 9;

/// Whether the stage on show lists MOTs to go to.
pub(super) fn lists_mots(w: &Workshop) -> bool {
    matches!(
        w.stage(),
        Stage::Write | Stage::Tag | Stage::Vote | Stage::Choose
    )
}

/// A key while the number is asked: digits type it, Backspace erases,
/// Enter goes, Esc gives up. Nothing else acts until then.
pub(super) fn goto_prompt(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(typed) = &mut w.goto else {
        return;
    };
    match action {
        // A leading zero says nothing: #007 is MOT 7.
        Action::Digit(0) if typed.is_empty() => {}
        Action::Digit(d) if typed.len() < MAX_DIGITS => typed.push(char::from(b'0' + d.min(9))),
        Action::Digit(_) => out.error(tr!("app.goto.too_long", max = MAX_DIGITS)),
        Action::EraseDigit => {
            typed.pop();
        }
        Action::Cancel => w.goto = None,
        Action::Submit => match typed.parse::<MotId>() {
            Ok(id) => {
                w.goto = None;
                go_to(w, id, out);
            }
            Err(_) => out.info(tr!("app.goto.type_number")),
        },
        _ => {}
    }
}

/// Selects the MOT with this id, by the session's index of ids (no walk
/// over the MOTs); says why when it cannot.
fn go_to(w: &mut Workshop, id: MotId, out: &mut Outcome) {
    let Some(index) = w.session.position(id) else {
        out.error(tr!("app.goto.missing", id = id));
        return;
    };
    if w.stage() == Stage::Choose {
        // Going elsewhere lets a pinned MOT go, as moving does.
        w.choose.pinned = None;
        let hidden = {
            let ranking = w.derived.ranking(&w.session);
            w.choose_list(ranking).row_of(index).is_none()
        };
        if hidden {
            let filter = w.choose.filter;
            w.choose.filter = Filter::All;
            out.info(tr!(
                "app.goto.filter_lifted",
                id = id,
                filter = filter.name()
            ));
        }
    }
    // Hands are counted group by group: another MOT starts at the first.
    if index != w.cursor && w.stage() == Stage::Vote && w.vote.mode == VoteMode::Hands {
        w.vote.group = 0;
    }
    w.cursor = index;
}
