//! The room in trios: each trio's members by name, a note where a trio is
//! a pair or a four, and the people in no trio yet.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::tiles::{self, Spacing, Tile};
use super::{key_of, name_of};
use crate::app::keymap::Context;
use crate::app::{Action, Stage, Workshop};
use crate::model::ParticipantId;
use crate::model::drill::trios::{Trio, trio_of};
use crate::tr;
use crate::ui::{theme, widgets};

/// What a trio of this size does differently, if anything.
pub(super) fn size_note(trio: &Trio) -> Option<&'static str> {
    match trio.members.len() {
        2 => Some(tr!("drill.trios.pair")),
        4 => Some(tr!("drill.trios.four")),
        _ => None,
    }
}

/// The participants in no trio, in the session's order.
pub(super) fn not_in_a_trio(w: &Workshop) -> Vec<ParticipantId> {
    let trios = &w.session.drill.trios;
    w.session
        .participants
        .iter()
        .map(|p| p.id)
        .filter(|id| trio_of(trios, *id).is_none())
        .collect()
}

/// Draws the trios.
pub(super) fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let trios = &w.session.drill.trios;
    let outside = not_in_a_trio(w);
    if w.session.participants.is_empty() {
        let text = tr!("drill.trios.no_people", setup = Stage::Setup.name());
        let lines = [
            Line::from(""),
            Line::from(Span::styled(format!("  {text}"), theme::warn())),
        ];
        frame.render_widget(
            widgets::wrapped(&lines, Block::bordered(), area, false),
            area,
        );
        return;
    }
    let mut body = area;
    if trios.is_empty() {
        let form = Span::styled(
            key_of(Context::DrillTrios, &Action::FormTrios),
            theme::key(),
        );
        let mut spans = vec![Span::raw(" ")];
        spans.extend(widgets::keyed(tr!("drill.trios.none"), &[("key", form)]));
        let lines = widgets::wrap(&Line::from(spans), usize::from(area.width));
        let [head, rest] = Layout::vertical([
            Constraint::Length(lines.len() as u16 + 1),
            Constraint::Min(1),
        ])
        .areas(area);
        frame.render_widget(Paragraph::new(lines), head);
        body = rest;
    }
    // Each trio a box, then the people in none; the selected person's box
    // is the one marked, and their row too.
    let mut tiles = Vec::new();
    let mut at = 0;
    let mut selected_tile = None;
    let person = w.drill.person;
    let member_row = |id: ParticipantId, at: &mut usize| {
        let sel = *at == person;
        *at += 1;
        let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
        let style = if sel {
            theme::selected()
        } else {
            theme::text()
        };
        (
            vec![Span::styled(format!("{marker}{}", name_of(w, id)), style)],
            sel,
        )
    };
    for trio in trios {
        let mut rows = Vec::new();
        for id in &trio.members {
            let (row, sel) = member_row(*id, &mut at);
            if sel {
                selected_tile = Some(tiles.len());
            }
            rows.push(row);
        }
        tiles.push(Tile {
            title: tr!("drill.trio", n = trio.id),
            rows,
            note: size_note(trio).map(|n| Span::styled(format!("({n})"), theme::quiet())),
        });
    }
    // The people in no trio fill as many boxes as a column needs: before
    // the trios are formed, that is the whole room.
    let per_box = usize::from(body.height.saturating_sub(3)).max(1);
    for chunk in outside.chunks(per_box) {
        let mut rows = Vec::new();
        for id in chunk {
            let (row, sel) = member_row(*id, &mut at);
            if sel {
                selected_tile = Some(tiles.len());
            }
            rows.push(row);
        }
        tiles.push(Tile {
            title: tr!("drill.trios.outside", n = outside.len()),
            rows,
            note: None,
        });
    }
    // Wide enough for a size note on one row, where the screen allows.
    let note_w = trios
        .iter()
        .filter_map(size_note)
        .map(|n| widgets::width(n) + 4)
        .max()
        .unwrap_or(0);
    let spacing = Spacing {
        min_width: (note_w as u16).clamp(26, body.width.max(26)),
        gap_x: 1,
        gap_y: 0,
    };
    let keys = format!(
        "{}/{}",
        super::key_of(
            crate::app::keymap::Context::DrillTrios,
            &crate::app::Action::PageUp
        ),
        super::key_of(
            crate::app::keymap::Context::DrillTrios,
            &crate::app::Action::PageDown
        )
    );
    let paging = tiles::draw(&tiles, selected_tile, spacing, Some(&keys), frame, body);
    // The page keys move by the trios one page shows.
    w.drill.per_page.set(paging.per_page.max(1));
}
