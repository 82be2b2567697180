//! Drill, the observer's sheet typed in from paper, key by key.

use super::*;

/// The sheet being typed in, made when the first thing goes on it.
pub(super) fn entry_sheet(w: &mut Workshop) -> Option<&mut Sheet> {
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

pub(super) fn sheet(w: &mut Workshop, action: Action, out: &mut Outcome) {
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

pub(super) fn sheets_full() -> String {
    tr!(
        "drill.app.sheets_full",
        max = limits::grouped(limits::MAX_SHEETS as u64)
    )
}

pub(super) fn has_value(sheet: &Sheet, row: SheetRow) -> bool {
    match row {
        SheetRow::Step(s) => sheet.score_of(s).is_some(),
        SheetRow::LeftWith => sheet.left_with.is_some(),
        SheetRow::Verdict => sheet.verdict.is_some(),
    }
}

pub(super) fn open_comment(w: &mut Workshop, step: BehaviourStep) {
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
pub(super) fn digit(w: &mut Workshop, row: SheetRow, d: u8, out: &mut Outcome) {
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
pub(super) fn advance(w: &mut Workshop, out: &mut Outcome) {
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
pub(super) fn sheet_words(session: &Session, round: u32, staff: ParticipantId) -> String {
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
