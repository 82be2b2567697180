//! The Drill stage: the deck, the trios, the round's clock and sheets, the
//! debrief. Every key that changes the drill changes the session, so it is
//! saved at once and undone by `u` like any other change.

use super::*;
use crate::app::drill::{
    CardEditor, DebriefBy, DrillView, Picker as Pick, SheetEntry, SheetRow, Source,
};
use crate::model::ParticipantId;
use crate::model::drill::BehaviourStep;
use crate::model::drill::cards::{Card, library};
use crate::model::drill::clock::Phase;
use crate::model::drill::plan::mot_from_comment;
use crate::model::drill::sheet::{LeftWith, Sheet, Verdict};
use crate::model::drill::trios::{SIZES, TrioError};

mod cards;
mod clock;
mod debrief;
mod round;
mod sheet;
mod trios;

pub(super) use cards::card_editor;
use cards::*;
pub(super) use clock::{next_phase, phase_over, repeat_phase, reset_clock, toggle_clock};
use debrief::*;
use round::*;
use sheet::*;
use trios::*;

pub(super) fn drill(w: &mut Workshop, action: Action, out: &mut Outcome, now: std::time::Instant) {
    if w.drill.picker.is_some() {
        return pick_list(w, action, out);
    }
    if w.drill.sheet.is_some() {
        return sheet(w, action, out);
    }
    // Forming the trios again asks for a second `f`; anything else between
    // lets the question go.
    let confirming = std::mem::take(&mut w.drill.confirm_form);
    let again = std::mem::take(&mut w.drill.confirm_mot);
    if action == Action::NextView {
        w.drill.view = w.drill.view.next();
        return;
    }
    if action == Action::FormTrios && !confirming && played(&w.session) {
        w.drill.confirm_form = true;
        return out.info(tr!(
            "drill.app.form_again",
            round = w.session.drill.round + 1
        ));
    }
    match w.drill.view {
        DrillView::Cards => cards(w, action, out),
        DrillView::Trios => trios(w, action, out),
        DrillView::Round => round(w, action, out, now),
        DrillView::Debrief => debrief(w, action, out, again),
    }
}

/// A participant's name, or their number when they are gone.
fn name_of(session: &Session, who: ParticipantId) -> String {
    session
        .participants
        .iter()
        .find(|p| p.id == who)
        .map_or_else(|| format!("#{who}"), |p| p.name.clone())
}

/// After an undo or redo: a sheet open for a round or a trio the session
/// no longer has closes, and the selections stay within their lists.
pub(super) fn clamp(w: &mut Workshop) {
    let d = &w.session.drill;
    let gone = w.drill.sheet.as_ref().is_some_and(|e| {
        e.round != d.round
            || !d
                .trios
                .iter()
                .any(|t| t.id == e.trio && t.members.contains(&e.staff))
    });
    if gone {
        w.drill.sheet = None;
    }
    // An undo in a sheet takes back the last thing typed: the next digit
    // goes where it was.
    if let Some(e) = &mut w.drill.sheet {
        e.row = d.sheet(e.round, e.staff).map_or(0, first_open_row);
    }
    w.drill.card = w.drill.card.min(d.deck.len().saturating_sub(1));
    w.drill.table = w.drill.table.min(d.trios.len().saturating_sub(1));
    w.drill.person = w
        .drill
        .person
        .min(people(&w.session).len().saturating_sub(1));
}
