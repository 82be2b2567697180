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

pub(super) fn drill(w: &mut Workshop, action: Action, out: &mut Outcome, now: std::time::Instant) {
    if w.drill.picker.is_some() {
        return picker(w, action, out);
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

// ---- Cards ----

fn cards(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let deck = &w.session.drill.deck;
    match action {
        a if moves(&a) => w.drill.card = step(w.drill.card, deck.len(), &a),
        Action::AddFromLibrary => {
            w.drill.picker = Some(Pick {
                source: Source::Library,
                selected: 0,
            });
        }
        Action::CardFromMot => {
            if w.session.mots.iter().any(|m| m.chosen) {
                w.drill.picker = Some(Pick {
                    source: Source::Chosen,
                    selected: 0,
                });
            } else {
                out.info(tr!("drill.app.none_chosen"));
            }
        }
        Action::NewCard => {
            w.drill.editor = Some(CardEditor::new(None, &Card::default()));
        }
        Action::Open => match deck.get(w.drill.card) {
            Some(c) => w.drill.editor = Some(CardEditor::new(Some(c.id), &c.card)),
            None => out.info(tr!("drill.app.no_cards")),
        },
        Action::Delete => match deck.get(w.drill.card) {
            Some(c) => {
                let (id, title) = (c.id, c.card.title.clone());
                let before = w.session.drill.this_round();
                w.session.drill.remove_card(id);
                out.save();
                // The deck is dealt in turn: tables may now play another
                // card this round, and the trainer must hear which.
                let after = w.session.drill.this_round();
                let moved: Vec<String> = before
                    .iter()
                    .zip(&after)
                    .filter(|(b, a)| b.trio == a.trio && b.card != a.card)
                    .map(|(b, _)| b.trio.to_string())
                    .collect();
                out.info(if moved.is_empty() {
                    tr!("drill.app.card_removed", id = id, title = title)
                } else {
                    tr!(
                        "drill.app.card_removed_dealt",
                        id = id,
                        title = title,
                        trios = moved.join(", ")
                    )
                });
                w.drill.card = w
                    .drill
                    .card
                    .min(w.session.drill.deck.len().saturating_sub(1));
            }
            None => out.info(tr!("drill.app.no_cards")),
        },
        _ => {}
    }
}

/// The chosen MOTs, in the session's order: what a card can be made from.
fn chosen(session: &Session) -> Vec<MotId> {
    session
        .mots
        .iter()
        .filter(|m| m.chosen)
        .map(|m| m.id)
        .collect()
}

fn picker(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(pick) = w.drill.picker else { return };
    let lang = crate::i18n::current();
    let len = match pick.source {
        Source::Library => library(lang).len(),
        Source::Chosen => chosen(&w.session).len(),
    };
    match action {
        a if moves(&a) => {
            if let Some(p) = &mut w.drill.picker {
                p.selected = step(p.selected, len, &a);
            }
        }
        Action::Cancel => w.drill.picker = None,
        Action::Open => {
            let card = match pick.source {
                Source::Library => library(lang).into_iter().nth(pick.selected),
                Source::Chosen => chosen(&w.session)
                    .get(pick.selected)
                    .and_then(|id| w.session.mot(*id))
                    .map(Card::from_mot),
            };
            let Some(card) = card else {
                w.drill.picker = None;
                return;
            };
            if w.session.drill.deck.len() >= limits::MAX_CARDS {
                return out.error(tr!("drill.app.deck_full", max = limits::MAX_CARDS));
            }
            w.drill.picker = None;
            let missing = card.missing().len();
            let title = card.title.clone();
            let id = w.session.drill.add_card(card);
            out.save();
            w.drill.card = w.session.drill.deck.len() - 1;
            out.info(if missing == 0 {
                tr!("drill.app.card_added", id = id, title = title)
            } else {
                tr!(
                    "drill.app.card_added_to_write",
                    id = id,
                    title = title,
                    n = missing
                )
            });
        }
        _ => {}
    }
}

pub(super) fn card_editor(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(ed) = &mut w.drill.editor else {
        return;
    };
    let n = ed.fields.len();
    match action {
        Action::Type(key) => out.cut(ed.fields[ed.focus].input(key)),
        Action::Paste(text) => out.cut(ed.fields[ed.focus].paste(&text)),
        Action::NextField => ed.focus = (ed.focus + 1) % n,
        Action::PrevField => ed.focus = (ed.focus + n - 1) % n,
        Action::Submit if ed.focus + 1 < n => ed.focus += 1,
        Action::Submit | Action::SaveMot => keep_card(w, out),
        Action::Cancel => {
            let Some(ed) = w.drill.editor.take() else {
                return;
            };
            let before = ed
                .card
                .and_then(|id| w.session.drill.card(id))
                .cloned()
                .unwrap_or_default();
            if ed.card() == before {
                out.info(tr!("drill.app.card_closed"));
            } else {
                w.draft = Some(Draft::Card(Box::new(ed)));
                out.info(tr!("app.editor.draft_kept"));
            }
        }
        _ => {}
    }
}

/// Keeps the card being written, in the deck.
fn keep_card(w: &mut Workshop, out: &mut Outcome) {
    let Some(ed) = &w.drill.editor else { return };
    let mut card = ed.card();
    if card == Card::default() || (card.title.is_empty() && card.missing().len() == 12) {
        return out.error(tr!("drill.app.card_empty"));
    }
    let missing = card.missing().len();
    let id = match ed.card {
        Some(id) => {
            if card.title.trim().is_empty() {
                card.set_title(&tr!("drill.app.untitled", id = id));
            }
            match w.session.drill.card_mut(id) {
                Some(slot) => *slot = card,
                // Undone from under the editor: kept as a new card.
                None => return keep_new(w, card, missing, out),
            }
            id
        }
        None => return keep_new(w, card, missing, out),
    };
    w.drill.editor = None;
    out.save();
    out.info(card_kept(id, missing));
}

fn keep_new(w: &mut Workshop, mut card: Card, missing: usize, out: &mut Outcome) {
    if w.session.drill.deck.len() >= limits::MAX_CARDS {
        return out.error(tr!("drill.app.deck_full", max = limits::MAX_CARDS));
    }
    if card.title.trim().is_empty() {
        let next = w.session.drill.deck.iter().map(|c| c.id).max().unwrap_or(0) + 1;
        card.set_title(&tr!("drill.app.untitled", id = next));
    }
    let id = w.session.drill.add_card(card);
    w.drill.card = w.session.drill.deck.len() - 1;
    w.drill.editor = None;
    out.save();
    out.info(card_kept(id, missing));
}

fn card_kept(id: u32, missing: usize) -> String {
    if missing == 0 {
        tr!("drill.app.card_kept", id = id)
    } else {
        tr!("drill.app.card_kept_to_write", id = id, n = missing)
    }
}

// ---- Trios ----

/// The people of the Trios view in its order: the trios' members, trio by
/// trio, then the participants in no trio.
pub fn people(session: &Session) -> Vec<ParticipantId> {
    let mut order: Vec<ParticipantId> = session
        .drill
        .trios
        .iter()
        .flat_map(|t| t.members.iter().copied())
        .collect();
    let outside: Vec<ParticipantId> = session
        .participants
        .iter()
        .map(|p| p.id)
        .filter(|id| !order.contains(id))
        .collect();
    order.extend(outside);
    order
}

fn trios(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let order = people(&w.session);
    match action {
        // A page of trios: to the first person of the trio a page on (or back).
        Action::PageUp | Action::PageDown => {
            let trios = &w.session.drill.trios;
            let Some(&who) = order.get(w.drill.person) else {
                return;
            };
            let at = trios
                .iter()
                .position(|t| t.members.contains(&who))
                .unwrap_or(trios.len());
            let page = w.drill.per_page.get().max(1);
            let to = if action == Action::PageUp {
                at.saturating_sub(page)
            } else {
                at + page
            };
            w.drill.person = match trios.get(to).and_then(|t| t.members.first()) {
                Some(first) => order.iter().position(|p| p == first).unwrap_or(0),
                None if action == Action::PageDown => order.len().saturating_sub(1),
                None => 0,
            };
        }
        a if moves(&a) => w.drill.person = step(w.drill.person, order.len(), &a),
        Action::FormTrios => {
            let everyone: Vec<ParticipantId> =
                w.session.participants.iter().map(|p| p.id).collect();
            match w.session.drill.form_trios(&everyone) {
                Ok(()) => {
                    out.save();
                    w.drill.person = 0;
                    w.drill.table = 0;
                    out.info(formed_words(&w.session));
                }
                Err(TrioError::TooFew(n)) => out.error(tr!("drill.app.too_few", n = n)),
                Err(e) => out.error(e.to_string()),
            }
        }
        Action::Left | Action::Right => {
            let Some(&who) = order.get(w.drill.person) else {
                return out.info(tr!("drill.app.no_people"));
            };
            let trios = &w.session.drill.trios;
            if trios.is_empty() {
                return out.info(tr!("drill.app.no_trios"));
            }
            let at = trios.iter().position(|t| t.members.contains(&who));
            // The trios that way, nearest first; a full one is passed over
            // for the next with room.
            let way: Vec<usize> = match (at, action == Action::Right) {
                (Some(i), true) => (i + 1..trios.len()).collect(),
                (Some(i), false) => (0..i).rev().collect(),
                (None, true) => (0..trios.len()).collect(),
                (None, false) => (0..trios.len()).rev().collect(),
            };
            let Some(&first) = way.first() else {
                return out.info(tr!("drill.app.no_further"));
            };
            let room = way
                .iter()
                .find(|i| trios[**i].members.len() < *SIZES.end())
                .unwrap_or(&first);
            let to = trios[*room].id;
            match w.session.drill.move_to(who, to) {
                Ok(()) => {
                    out.save();
                    let name = name_of(&w.session, who);
                    out.info(tr!("drill.app.moved", name = name, trio = to));
                    if let Some(i) = people(&w.session).iter().position(|p| *p == who) {
                        w.drill.person = i;
                    }
                }
                Err(TrioError::WrongSize) => out.error(tr!(
                    "drill.app.wrong_size",
                    trio = to,
                    min = SIZES.start(),
                    max = SIZES.end()
                )),
                Err(e) => out.error(e.to_string()),
            }
        }
        _ => {}
    }
}

/// Whether the trios as they are have played: a sheet of a round since
/// they were formed.
fn played(session: &Session) -> bool {
    let d = &session.drill;
    !d.trios.is_empty() && d.sheets.iter().any(|s| s.round >= d.formed_at)
}

/// What forming the trios came to, in words: how many people, trios, and
/// the pair or the four.
fn formed_words(session: &Session) -> String {
    let trios = &session.drill.trios;
    let people: usize = trios.iter().map(|t| t.members.len()).sum();
    let odd = trios.iter().find(|t| t.members.len() != 3);
    match odd.map(|t| (t.id, t.members.len())) {
        Some((id, 2)) => tr!(
            "drill.app.formed_pair",
            people = people,
            trios = trios.len(),
            trio = id
        ),
        Some((id, _)) => tr!(
            "drill.app.formed_four",
            people = people,
            trios = trios.len(),
            trio = id
        ),
        None => tr!("drill.app.formed", people = people, trios = trios.len()),
    }
}

fn name_of(session: &Session, who: ParticipantId) -> String {
    session
        .participants
        .iter()
        .find(|p| p.id == who)
        .map_or_else(|| format!("#{who}"), |p| p.name.clone())
}

// ---- Round ----

fn round(w: &mut Workshop, action: Action, out: &mut Outcome, now: std::time::Instant) {
    let tables = w.session.drill.this_round();
    match action {
        Action::PageUp | Action::PageDown => {
            let page = w.drill.per_page.get().max(1);
            w.drill.table = if action == Action::PageUp {
                w.drill.table.saturating_sub(page)
            } else {
                (w.drill.table + page).min(tables.len().saturating_sub(1))
            };
        }
        a if moves(&a) => w.drill.table = step(w.drill.table, tables.len(), &a),
        Action::Open => match tables.get(w.drill.table) {
            Some(t) => {
                let round = w.session.drill.round;
                let row = w
                    .session
                    .drill
                    .sheet(round, t.roles.staff)
                    .map_or(0, first_open_row);
                w.drill.sheet = Some(SheetEntry {
                    round,
                    trio: t.trio,
                    staff: t.roles.staff,
                    row,
                    comment: None,
                });
            }
            None => out.info(tr!("drill.app.no_trios")),
        },
        Action::NextRound => {
            if w.session.drill.round >= limits::MAX_ROUND {
                return out.error(tr!("drill.app.last_round", max = limits::MAX_ROUND + 1));
            }
            let left = sheets_in(&w.session, w.session.drill.round);
            w.session.drill.next_round();
            out.save();
            // A clock the room is playing on runs on (the trainer may have
            // stepped back a round to type in a sheet); a stopped one is
            // ready for the new round's reading.
            let running = w
                .timer
                .is_some_and(|t| t.stage == Stage::Drill && t.running());
            if !running {
                reset_clock(w);
            }
            w.drill.table = 0;
            let round = w.session.drill.round + 1;
            out.info(match left {
                (done, all) if all > 0 && done < all => tr!(
                    "drill.app.round_next_missing",
                    round = round,
                    done = done,
                    all = all
                ),
                _ if running => tr!("drill.app.round_next_running", round = round),
                _ => tr!("drill.app.round_next", round = round),
            });
        }
        Action::PrevRound => {
            let d = &w.session.drill;
            if d.round == 0 {
                return out.info(tr!("drill.app.first_round"));
            }
            if d.round <= d.formed_at {
                return out.info(tr!("drill.app.formed_here", round = d.formed_at + 1));
            }
            // The clock is the room's, not the round's on screen: going
            // back to type in a sheet leaves it as it is.
            w.session.drill.prev_round();
            out.save();
            w.drill.table = 0;
            out.info(tr!(
                "drill.app.round_back",
                round = w.session.drill.round + 1
            ));
        }
        Action::PhaseLonger | Action::PhaseShorter => {
            let phase = w.drill.phase;
            let longer = action == Action::PhaseLonger;
            let before = w.session.drill.phases.seconds(phase);
            w.session.drill.phases.step(phase, longer);
            let after = w.session.drill.phases.seconds(phase);
            if before == after {
                return out.info(tr!(
                    "drill.app.phase_limit",
                    phase = phase.name(),
                    length = timer::clock(Duration::from_secs(u64::from(after)))
                ));
            }
            out.save();
            // A clock on this phase gets the change too: "+" gives the
            // room half a minute more now, not only next time.
            if let Some(t) = &mut w.timer
                && t.stage == Stage::Drill
            {
                t.lengthen(
                    Duration::from_secs(u64::from(after.abs_diff(before))),
                    longer,
                    now,
                );
            }
            out.info(tr!(
                "drill.app.phase_length",
                phase = phase.name(),
                length = timer::clock(Duration::from_secs(u64::from(after)))
            ));
        }
        _ => {}
    }
}

/// How many of the sheets due in `round` are complete, of how many.
fn sheets_in(session: &Session, round: u32) -> (usize, usize) {
    let d = &session.drill;
    if round < d.formed_at {
        return (0, 0);
    }
    let staff: Vec<ParticipantId> = d
        .trios
        .iter()
        .filter_map(|t| t.roles(round - d.formed_at).map(|r| r.staff))
        .collect();
    let done = staff
        .iter()
        .filter(|s| d.sheet(round, **s).is_some_and(Sheet::is_complete))
        .count();
    (done, staff.len())
}

/// The first row of a sheet still to fill in (the verdict's when all are).
fn first_open_row(sheet: &Sheet) -> usize {
    SheetRow::ALL
        .iter()
        .position(|row| !filled(sheet, *row))
        .unwrap_or(SheetRow::ALL.len() - 1)
}

fn filled(sheet: &Sheet, row: SheetRow) -> bool {
    match row {
        SheetRow::Step(s) => sheet.score_of(s).is_some() && !sheet.missing_comments().contains(&s),
        SheetRow::LeftWith => sheet.left_with.is_some(),
        SheetRow::Verdict => sheet.verdict.is_some(),
    }
}

// ---- The sheet, typed in from paper ----

/// The sheet being typed in, made when the first thing goes on it.
fn entry_sheet(w: &mut Workshop) -> Option<&mut Sheet> {
    let e = w.drill.sheet.as_ref()?;
    let (round, trio, staff) = (e.round, e.trio, e.staff);
    let d = &mut w.session.drill;
    let at = match d
        .sheets
        .iter()
        .position(|s| s.round == round && s.staff == staff)
    {
        Some(at) => at,
        // Past the limit, nothing new is written (the caller says so).
        None if d.sheets.len() >= limits::MAX_SHEETS => return None,
        None => {
            let mut sheet = Sheet::new(round, trio, staff);
            // The card is noted as dealt now: taking a card out later
            // does not change what this round was played on.
            sheet.card = d.card_in(trio, round);
            d.sheets.push(sheet);
            d.sheets.len() - 1
        }
    };
    d.sheets.get_mut(at)
}

fn sheet(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(entry) = &mut w.drill.sheet else {
        return;
    };
    // A comment being typed takes every key until Enter or Esc.
    if let Some((step, field)) = &mut entry.comment {
        let step = *step;
        match action {
            Action::Type(key) => out.cut(field.input(key)),
            Action::Paste(text) => out.cut(field.paste(&text)),
            Action::Submit => {
                let text = crate::model::session::clean_line(&field.text());
                entry.comment = None;
                if let Some(s) = entry_sheet(w) {
                    s.comments[step.index()] = text;
                    out.save();
                }
                advance(w, out);
            }
            Action::Cancel => {
                entry.comment = None;
                out.info(tr!("drill.app.comment_unchanged"));
            }
            _ => {}
        }
        return;
    }
    let row = SheetRow::ALL[entry.row.min(SheetRow::ALL.len() - 1)];
    match action {
        Action::Up => entry.row = entry.row.saturating_sub(1),
        Action::Down => entry.row = (entry.row + 1).min(SheetRow::ALL.len() - 1),
        Action::Home => entry.row = 0,
        Action::End => entry.row = SheetRow::ALL.len() - 1,
        Action::Cancel => {
            let (round, staff) = (entry.round, entry.staff);
            w.drill.sheet = None;
            out.info(sheet_words(&w.session, round, staff));
        }
        Action::Open => match row {
            SheetRow::Step(step) => open_comment(w, step),
            _ => out.info(tr!("drill.app.comment_steps_only")),
        },
        Action::Digit(d) => digit(w, row, d, out),
        Action::EraseDigit => {
            let had = w
                .session
                .drill
                .sheet(entry.round, entry.staff)
                .is_some_and(|s| has_value(s, row));
            // On an empty row, Backspace goes back a row and clears it,
            // as a wrong digit is usually the one just typed.
            if !had && entry.row > 0 {
                entry.row -= 1;
            }
            let row = SheetRow::ALL[entry.row];
            if let Some(s) = entry_sheet(w)
                && has_value(s, row)
            {
                match row {
                    SheetRow::Step(step) => s.scores[step.index()] = None,
                    SheetRow::LeftWith => s.left_with = None,
                    SheetRow::Verdict => s.verdict = None,
                }
                out.save();
            }
        }
        _ => {}
    }
}

fn sheets_full() -> String {
    tr!(
        "drill.app.sheets_full",
        max = limits::grouped(limits::MAX_SHEETS as u64)
    )
}

fn has_value(sheet: &Sheet, row: SheetRow) -> bool {
    match row {
        SheetRow::Step(s) => sheet.score_of(s).is_some(),
        SheetRow::LeftWith => sheet.left_with.is_some(),
        SheetRow::Verdict => sheet.verdict.is_some(),
    }
}

fn open_comment(w: &mut Workshop, step: BehaviourStep) {
    let text = w
        .drill
        .sheet
        .as_ref()
        .and_then(|e| w.session.drill.sheet(e.round, e.staff))
        .map(|s| s.comment(step).to_string())
        .unwrap_or_default();
    if let Some(e) = &mut w.drill.sheet {
        e.comment = Some((step, TextField::new(&text)));
    }
}

/// A digit from the paper, on the row it is for.
fn digit(w: &mut Workshop, row: SheetRow, d: u8, out: &mut Outcome) {
    match row {
        SheetRow::Step(step) => {
            let Some(s) = entry_sheet(w) else {
                return out.error(sheets_full());
            };
            if s.score(step, Some(d)).is_err() {
                return out.error(tr!("drill.app.score_range"));
            }
            out.save();
            let needs = s.missing_comments().contains(&step);
            if needs {
                open_comment(w, step);
                out.info(tr!(
                    "drill.app.comment_needed",
                    step = step.name(),
                    score = d
                ));
                return;
            }
        }
        SheetRow::LeftWith => {
            let value = match d {
                1 => LeftWith::Yes,
                2 => LeftWith::Partly,
                3 => LeftWith::No,
                _ => return out.error(tr!("drill.app.left_with_keys")),
            };
            let Some(s) = entry_sheet(w) else {
                return out.error(sheets_full());
            };
            s.left_with = Some(value);
            out.save();
        }
        SheetRow::Verdict => {
            let value = match d {
                1 => Verdict::Passed,
                2 => Verdict::NotYet,
                _ => return out.error(tr!("drill.app.verdict_keys")),
            };
            let Some(s) = entry_sheet(w) else {
                return out.error(sheets_full());
            };
            s.verdict = Some(value);
            out.save();
        }
    }
    advance(w, out);
}

/// After a row is filled: on to the next row still open; a complete sheet
/// closes, and the next table is selected, ready for the next paper.
fn advance(w: &mut Workshop, out: &mut Outcome) {
    let Some(e) = &w.drill.sheet else { return };
    let (round, staff, row) = (e.round, e.staff, e.row);
    let Some(s) = w.session.drill.sheet(round, staff) else {
        return;
    };
    if s.is_complete() {
        w.drill.sheet = None;
        let name = name_of(&w.session, staff);
        // On to the next table whose sheet is still open (after this one,
        // then from the first), ready for the next paper.
        let d = &w.session.drill;
        let tables = d.this_round();
        let open = |i: &usize| {
            !d.sheet(round, tables[*i].roles.staff)
                .is_some_and(Sheet::is_complete)
        };
        let next = (w.drill.table + 1..tables.len())
            .chain(0..w.drill.table)
            .find(open);
        match next {
            Some(i) => {
                w.drill.table = i;
                out.info(tr!("drill.app.sheet_complete", name = name));
            }
            None => out.info(tr!("drill.app.sheet_complete_last", name = name)),
        }
        return;
    }
    // The next open row after this one, else the first open one.
    let next = (row + 1..SheetRow::ALL.len())
        .find(|r| !filled(s, SheetRow::ALL[*r]))
        .unwrap_or_else(|| first_open_row(s));
    if let Some(e) = &mut w.drill.sheet {
        e.row = next;
    }
}

/// How a sheet stands, said when it closes.
fn sheet_words(session: &Session, round: u32, staff: ParticipantId) -> String {
    let name = name_of(session, staff);
    match session.drill.sheet(round, staff) {
        None => tr!("drill.app.sheet_empty", name = name),
        Some(s) if s.is_complete() => tr!("drill.app.sheet_complete", name = name),
        Some(s) => {
            let open = SheetRow::ALL.iter().filter(|r| !filled(s, **r)).count();
            tr!("drill.app.sheet_open", name = name, n = open)
        }
    }
}

// ---- Debrief ----

fn debrief(w: &mut Workshop, action: Action, out: &mut Outcome, again: bool) {
    let d = w.derived.debrief(&w.session);
    let remarks = d.remarks.len();
    let groups = if w.drill.by == DebriefBy::Person && !w.session.drill.anonymous {
        d.by_person.len()
    } else {
        d.by_trio.len()
    };
    match action {
        // The page keys scroll the trios or people; the arrows, the comments.
        Action::PageUp => {
            let page = w.drill.group_page.get().max(1);
            w.drill.group_top = w.drill.group_top.saturating_sub(page);
        }
        Action::PageDown => {
            let page = w.drill.group_page.get().max(1);
            w.drill.group_top = (w.drill.group_top + page).min(groups.saturating_sub(page));
        }
        a if moves(&a) => w.drill.remark = step(w.drill.remark, remarks, &a),
        Action::ToggleDebriefBy => {
            if w.session.drill.anonymous {
                w.drill.by = DebriefBy::Trio;
                return out.info(tr!("drill.app.anonymous_no_people"));
            }
            w.drill.by = match w.drill.by {
                DebriefBy::Trio => DebriefBy::Person,
                DebriefBy::Person => DebriefBy::Trio,
            };
            w.drill.group_top = 0;
        }
        Action::ToggleAnonymous => {
            let d = &mut w.session.drill;
            d.anonymous = !d.anonymous;
            if d.anonymous {
                w.drill.by = DebriefBy::Trio;
            }
            out.save();
            out.info(if d.anonymous {
                tr!("drill.app.anonymous_on")
            } else {
                tr!("drill.app.anonymous_off")
            });
        }
        Action::CommentToMot => {
            let Some(r) = w
                .derived
                .debrief(&w.session)
                .remarks
                .get(w.drill.remark)
                .cloned()
            else {
                return out.info(tr!("drill.app.no_comments"));
            };
            let d = &w.session.drill;
            let card = d
                .sheet(r.round, r.staff)
                .and_then(|s| d.card_of(s))
                .and_then(|id| d.card(id))
                .cloned()
                .unwrap_or_default();
            let text = mot_from_comment(&card, r.step, &r.text);
            let origin = crate::model::MotOrigin::Drill {
                round: r.round,
                step: r.step,
            };
            // A comment made into a MOT before is said so, once: a room
            // does not want the same MOT twice by a slip of the key.
            let made = w
                .session
                .mots
                .iter()
                .find(|m| m.origin == Some(origin) && m.situation == text.situation)
                .map(|m| m.id);
            if let (Some(id), false) = (made, again) {
                w.drill.confirm_mot = true;
                return out.info(tr!("drill.app.comment_is_mot", id = id));
            }
            w.editor = Some(MotEditor {
                mot: None,
                fields: [
                    TextField::new(&text.who),
                    TextField::new(&text.situation),
                    TextField::new(&text.feeling),
                ],
                focus: 0,
                origin: Some(origin),
            });
            out.info(tr!("drill.app.comment_to_mot", round = r.round + 1));
        }
        _ => {}
    }
}

// ---- The round clock ----

/// `t` in the Drill stage: starts the phase on show, or pauses and resumes.
pub(super) fn toggle_clock(w: &mut Workshop, now: std::time::Instant) -> String {
    let phase = w.drill.phase;
    match &mut w.timer {
        Some(t) if t.stage == Stage::Drill => {
            t.toggle(now);
            let clock = timer::clock(t.left(now));
            if t.running() {
                tr!(
                    "drill.app.clock_running",
                    phase = phase.name(),
                    clock = clock
                )
            } else {
                tr!(
                    "drill.app.clock_paused",
                    phase = phase.name(),
                    clock = clock
                )
            }
        }
        _ => {
            start_phase(w, phase, now);
            tr!(
                "drill.app.clock_started",
                phase = phase.name(),
                round = w.session.drill.round + 1,
                clock = timer::clock(phase_length(w, phase))
            )
        }
    }
}

fn phase_length(w: &Workshop, phase: Phase) -> Duration {
    Duration::from_secs(u64::from(w.session.drill.phases.seconds(phase)))
}

fn start_phase(w: &mut Workshop, phase: Phase, now: std::time::Instant) {
    w.drill.phase = phase;
    w.timer = Some(Timer::start(Stage::Drill, phase_length(w, phase), now));
}

/// Back to reading, the clock stopped: a new round, or `T`.
pub(super) fn reset_clock(w: &mut Workshop) {
    w.drill.phase = Phase::Read;
    if w.timer.is_some_and(|t| t.stage == Stage::Drill) {
        w.timer = None;
    }
}

/// `]`: on to the next phase now; a running clock keeps running.
pub(super) fn next_phase(w: &mut Workshop, now: std::time::Instant) -> (String, bool) {
    let Some(next) = w.drill.phase.next() else {
        return (tr!("drill.app.last_phase").into(), false);
    };
    let running = w
        .timer
        .is_some_and(|t| t.stage == Stage::Drill && t.running());
    if running {
        start_phase(w, next, now);
    } else {
        w.drill.phase = next;
        if w.timer.is_some_and(|t| t.stage == Stage::Drill) {
            w.timer = None;
        }
    }
    (
        tr!(
            "drill.app.phase_now",
            phase = next.name(),
            clock = timer::clock(phase_length(w, next))
        ),
        true,
    )
}

/// `[`: the phase again from its start; a running clock keeps running.
pub(super) fn repeat_phase(w: &mut Workshop, now: std::time::Instant) -> String {
    let phase = w.drill.phase;
    let running = w
        .timer
        .is_some_and(|t| t.stage == Stage::Drill && t.running());
    if running {
        start_phase(w, phase, now);
    } else if w.timer.is_some_and(|t| t.stage == Stage::Drill) {
        w.timer = None;
    }
    tr!(
        "drill.app.phase_again",
        phase = phase.name(),
        clock = timer::clock(phase_length(w, phase))
    )
}

/// The drill's clock ran out: the next phase starts at once (the bell
/// rings for it); after feedback the round is over.
pub(super) fn phase_over(w: &mut Workshop, now: std::time::Instant) -> String {
    let round = w.session.drill.round + 1;
    match w.drill.phase.next() {
        Some(next) => {
            start_phase(w, next, now);
            tr!(
                "drill.app.phase_over",
                phase = next.name(),
                clock = timer::clock(phase_length(w, next))
            )
        }
        None => tr!("drill.app.round_over", round = round),
    }
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
