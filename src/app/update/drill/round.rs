//! Drill, the round: its tables, rounds forward and back, the phases' lengths.

use super::*;

pub(super) fn round(w: &mut Workshop, action: Action, out: &mut Outcome, now: std::time::Instant) {
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
pub(super) fn sheets_in(session: &Session, round: u32) -> (usize, usize) {
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
pub(super) fn first_open_row(sheet: &Sheet) -> usize {
    SheetRow::ALL
        .iter()
        .position(|row| !filled(sheet, *row))
        .unwrap_or(SheetRow::ALL.len() - 1)
}

pub(super) fn filled(sheet: &Sheet, row: SheetRow) -> bool {
    match row {
        SheetRow::Step(s) => sheet.score_of(s).is_some() && !sheet.missing_comments().contains(&s),
        SheetRow::LeftWith => sheet.left_with.is_some(),
        SheetRow::Verdict => sheet.verdict.is_some(),
    }
}
