//! The round on its clock: the round's number, the phase and the time in
//! big digits, and every table of the round (who plays what, the card, how
//! far its sheet is), a page at a time.

use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use super::tiles::{self, Spacing, Tile};
use super::{Look, key_of, name_of};
use crate::app::keymap::Context;
use crate::app::timer::{self, Run};
use crate::app::{Action, Stage, Workshop};
use crate::model::drill::clock::Phase;
use crate::model::drill::plan::Table;
use crate::model::drill::sheet::Sheet;
use crate::tr;
use crate::ui::{theme, widgets};

/// Where the round's clock is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// No drill timer yet: the phase's full length is shown.
    NotStarted,
    /// Counting down.
    Running,
    /// Stopped, with time left.
    Paused,
    /// Ran out.
    Done,
}

/// The clock as the round shows it: time left (or the phase's length
/// before it starts) and its state.
fn clock(w: &Workshop, now: Instant) -> (String, State) {
    match w.timer.filter(|t| t.stage == Stage::Drill) {
        Some(t) => {
            let state = match t.run {
                Run::Running(_) => State::Running,
                Run::Paused(_) => State::Paused,
                Run::Done => State::Done,
            };
            (timer::clock(t.left(now)), state)
        }
        None => {
            let secs = w.session.drill.phases.seconds(w.drill.phase);
            (
                timer::clock(Duration::from_secs(u64::from(secs))),
                State::NotStarted,
            )
        }
    }
}

fn state_style(state: State) -> Style {
    match state {
        State::NotStarted => theme::quiet(),
        State::Running => theme::good(),
        State::Paused => theme::warn(),
        State::Done => theme::error(),
    }
}

/// The clock's state in words, marked so it reads without colour.
fn state_spans(state: State) -> Vec<Span<'static>> {
    let style = state_style(state);
    match state {
        State::NotStarted => {
            let key = Span::styled(key_of(Context::Stages, &Action::ToggleTimer), theme::key());
            let mut spans = vec![Span::styled("○ ", theme::quiet())];
            spans.extend(
                widgets::keyed(tr!("drill.clock.not_started"), &[("key", key)])
                    .into_iter()
                    .map(|s| {
                        if s.style == Style::default() {
                            s.style(theme::quiet())
                        } else {
                            s
                        }
                    }),
            );
            spans
        }
        State::Running => vec![Span::styled(
            format!("● {}", tr!("drill.clock.running")),
            style,
        )],
        State::Paused => vec![Span::styled(
            format!("⏸ {}", tr!("drill.clock.paused")),
            style,
        )],
        State::Done => vec![Span::styled(
            format!("⏰ {}", tr!("drill.clock.done")),
            style,
        )],
    }
}

/// The three phases as a track, the current one marked, those before it ticked.
fn track(current: Phase) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, phase) in Phase::ALL.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" ▸ ", theme::quiet()));
        }
        if phase == current {
            spans.push(Span::styled(
                format!("{}{} ", theme::MARKER, phase.name()),
                theme::stage_current(),
            ));
        } else if phase.index() < current.index() {
            spans.push(Span::styled(format!("✓ {}", phase.name()), theme::quiet()));
        } else {
            spans.push(Span::styled(phase.name().to_string(), theme::quiet()));
        }
    }
    spans
}

/// Draws the round: its header (with the clock unless the presenting
/// header shows it), then the tables.
pub(super) fn draw(w: &Workshop, now: Instant, look: Look, frame: &mut Frame, area: Rect) {
    let drill = &w.session.drill;
    let (digits, state) = clock(w, now);
    let round = Span::styled(
        format!("{} ", tr!("drill.round.title", n = drill.round + 1)),
        theme::label(),
    );
    let phase_lengths: Vec<Span> = Phase::ALL
        .into_iter()
        .enumerate()
        .flat_map(|(i, p)| {
            let secs = u64::from(drill.phases.seconds(p));
            let sep = if i == 0 { "" } else { " · " };
            [Span::styled(
                format!(
                    "{sep}{} {}",
                    p.name(),
                    timer::clock(Duration::from_secs(secs))
                ),
                theme::quiet(),
            )]
        })
        .collect();
    let body = if look.clock_in_header {
        // One row, wrapped where it must: the digits are in the header.
        let mut spans = vec![round, Span::raw("  ")];
        spans.extend(track(w.drill.phase));
        spans.push(Span::raw("  "));
        spans.extend(state_spans(state));
        let lines = crate::ui::grow::pack(&Line::from(spans), usize::from(area.width));
        let [head, _, body] = Layout::vertical([
            Constraint::Length(lines.len() as u16),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(lines), head);
        body
    } else {
        // The digits as large as the room allows, the words beside them.
        let (pixels, glyph_w, rows) = if area.width >= 120 && area.height >= 36 && !look.roomy {
            (PixelSize::Full, 8, 8)
        } else if area.width >= 120 {
            (PixelSize::HalfHeight, 8, 4)
        } else {
            (PixelSize::Quadrant, 4, 4)
        };
        let clock_w = digits.chars().count() as u16 * glyph_w + 2;
        let [head, body] =
            Layout::vertical([Constraint::Length(rows), Constraint::Min(1)]).areas(area);
        let [words, big] =
            Layout::horizontal([Constraint::Min(10), Constraint::Length(clock_w)]).areas(head);
        let cols = usize::from(words.width);
        let mut lines = vec![Line::from(round)];
        lines.extend(crate::ui::grow::pack(
            &Line::from(track(w.drill.phase)),
            cols,
        ));
        lines.push(Line::from(state_spans(state)));
        lines.push(Line::from(phase_lengths));
        // Spaced out when the digits are tall.
        if rows == 8 {
            lines = lines
                .into_iter()
                .flat_map(|l| [l, Line::from("")])
                .collect();
        }
        let lines: Vec<Line> = lines
            .into_iter()
            .flat_map(|l| widgets::wrap(&l, cols))
            .collect();
        frame.render_widget(
            Paragraph::new(crate::ui::grow::cut(lines, usize::from(rows), cols)),
            words.inner(Margin::new(1, 0)),
        );
        let digits = BigText::builder()
            .pixel_size(pixels)
            .style(state_style(state))
            .lines(vec![Line::from(digits)])
            .build();
        frame.render_widget(digits, big);
        body
    };
    draw_tables(w, look, frame, body);
}

/// How far a sheet is: not yet, "3 of 7", complete; a missing comment warned.
fn sheet_spans(sheet: Option<&Sheet>) -> Vec<Span<'static>> {
    let Some(s) = sheet else {
        return vec![Span::styled(tr!("drill.sheet.none"), theme::quiet())];
    };
    let filled = s.scores.iter().filter(|v| v.is_some()).count()
        + usize::from(s.left_with.is_some())
        + usize::from(s.verdict.is_some());
    let mut spans = if s.is_complete() {
        vec![Span::styled(
            format!("✓ {}", tr!("drill.sheet.complete")),
            theme::good(),
        )]
    } else {
        vec![Span::raw(tr!(
            "drill.sheet.progress",
            done = filled,
            all = 7
        ))]
    };
    if !s.missing_comments().is_empty() {
        spans.push(Span::styled(
            format!(" ⚠ {}", tr!("drill.sheet.comment_missing")),
            theme::warn(),
        ));
    }
    spans
}

/// One table of the round as a box's rows.
fn table_tile(w: &Workshop, table: &Table, roomy: bool) -> Tile {
    let drill = &w.session.drill;
    let roles = [
        tr!("drill.role.staff"),
        tr!("drill.role.customer"),
        if table.roles.observers.len() > 1 {
            tr!("drill.role.observers")
        } else {
            tr!("drill.role.observer")
        },
        tr!("drill.role.sheet"),
    ];
    let label_w = widgets::widest(roles, 0);
    let label = |i: usize| {
        Span::styled(
            format!(" {}  ", widgets::pad(roles[i], label_w)),
            theme::quiet(),
        )
    };
    // Names are what the room looks for: bold on a large screen.
    let name_style = if roomy { theme::label() } else { theme::text() };
    let card = match table.card.and_then(|id| drill.card(id).map(|c| (id, c))) {
        Some((id, c)) => vec![Span::styled(
            format!(
                " {}",
                tr!("drill.round.card", id = id, title = c.title.trim())
            ),
            theme::text(),
        )],
        None => vec![Span::styled(
            format!(" ⚠ {}", tr!("drill.round.no_card")),
            theme::warn(),
        )],
    };
    let observers = if table.roles.observers.is_empty() {
        Span::styled(tr!("drill.role.trainer"), theme::quiet())
    } else {
        let names = table
            .roles
            .observers
            .iter()
            .map(|id| name_of(w, *id))
            .reduce(|list, next| tr!("drill.list", list = list, next = next))
            .unwrap_or_default();
        Span::styled(names, name_style)
    };
    let mut sheet = vec![label(3)];
    sheet.extend(sheet_spans(
        w.derived.round_sheet(&w.session, table.roles.staff),
    ));
    Tile {
        title: tr!("drill.trio", n = table.trio),
        rows: vec![
            card,
            vec![
                label(0),
                Span::styled(name_of(w, table.roles.staff), name_style),
            ],
            vec![
                label(1),
                Span::styled(name_of(w, table.roles.customer), name_style),
            ],
            vec![label(2), observers],
            sheet,
        ],
        note: None,
    }
}

fn draw_tables(w: &Workshop, look: Look, frame: &mut Frame, area: Rect) {
    let tables = w.session.drill.this_round();
    if tables.is_empty() {
        let key = Span::styled(
            key_of(Context::DrillTrios, &Action::FormTrios),
            theme::key(),
        );
        let mut spans = vec![Span::raw(" ")];
        spans.extend(widgets::keyed(
            &tr!(
                "drill.round.no_trios",
                trios = crate::app::drill::DrillView::Trios.name()
            ),
            &[("key", key)],
        ));
        frame.render_widget(
            Paragraph::new(widgets::wrap(&Line::from(spans), usize::from(area.width))),
            area,
        );
        w.drill.per_page.set(1);
        return;
    }
    let tiles: Vec<Tile> = tables
        .iter()
        .map(|t| table_tile(w, t, look.roomy))
        .collect();
    let spacing = if look.roomy {
        Spacing {
            min_width: 38,
            gap_x: 2,
            gap_y: 1,
        }
    } else {
        Spacing {
            min_width: 36,
            gap_x: 1,
            gap_y: 0,
        }
    };
    let keys = format!(
        "{}/{}",
        key_of(Context::DrillRound, &Action::PageUp),
        key_of(Context::DrillRound, &Action::PageDown)
    );
    let selected = w.drill.table.min(tiles.len() - 1);
    let paging = tiles::draw(&tiles, Some(selected), spacing, Some(&keys), frame, area);
    w.drill.per_page.set(paging.per_page.max(1));
}
