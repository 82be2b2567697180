//! The Drill stage: cards, trios, the round on its clock, the debrief.
//! A tab line names the four views; what is open (a list to pick from, a
//! card being written, a sheet being typed in, a MOT made from a comment)
//! is drawn over or instead of the view.

use std::time::Instant;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{theme, widgets};
use crate::app::drill::DrillView;
use crate::app::keymap::{BINDINGS, Context};
use crate::app::{Action, Workshop};
use crate::model::ParticipantId;
use crate::tr;

mod cards;
mod debrief;
mod editor;
mod round;
mod sheet;
mod tiles;
mod trios;

/// How the stage is drawn: on the trainer's screen, or presented to the room.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    /// The presenting header already shows the round's clock in big
    /// digits: the round view leaves its own out.
    pub clock_in_header: bool,
    /// A large screen presented to the room: the tables spaced out.
    pub roomy: bool,
}

/// Draws the Drill stage's view on show, with `now` for its clock.
pub fn draw(w: &Workshop, now: Instant, frame: &mut Frame, area: Rect) {
    draw_with(w, now, Look::default(), frame, area);
}

/// Draws the Drill stage as `look` says (presenting mode chooses it).
pub fn draw_with(w: &Workshop, now: Instant, look: Look, frame: &mut Frame, area: Rect) {
    // A comment being turned into a MOT is edited as Write edits one.
    if let Some(ed) = &w.editor {
        super::write::draw_editor(w, ed, frame, area);
        return;
    }
    if let Some(ed) = &w.drill.editor {
        editor::draw(w, ed, frame, area);
        return;
    }
    let [tabs, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    draw_tabs(w, frame, tabs);
    match w.drill.view {
        DrillView::Cards => cards::draw(w, frame, body),
        DrillView::Trios => trios::draw(w, frame, body),
        DrillView::Round => round::draw(w, now, look, frame, body),
        DrillView::Debrief => debrief::draw(w, look.roomy, frame, body),
    }
    if w.drill.view == DrillView::Cards
        && let Some(p) = &w.drill.picker
    {
        cards::draw_picker(w, p, frame, body);
    }
    if let Some(entry) = &w.drill.sheet {
        sheet::draw(w, entry, frame, body);
    }
}

/// The four views, the one on show marked, and the key to the next.
fn draw_tabs(w: &Workshop, frame: &mut Frame, area: Rect) {
    let mut spans = Vec::new();
    for view in DrillView::ALL {
        if view == w.drill.view {
            spans.push(Span::styled(
                format!("{}{} ", theme::MARKER, view.name()),
                theme::stage_current(),
            ));
        } else {
            spans.push(Span::styled(format!("  {} ", view.name()), theme::quiet()));
        }
        spans.push(Span::raw(" "));
    }
    let used: usize = spans.iter().map(Span::width).sum();
    let key = key_of(Context::DrillCards, &Action::NextView);
    let hint = tr!("drill.tabs.next");
    let hint_w = widgets::width(&key) + widgets::width(hint) + 2;
    // The hint goes first when the row is short: the views must read whole.
    if used + hint_w <= usize::from(area.width) {
        spans.push(Span::raw(
            " ".repeat(usize::from(area.width) - used - hint_w),
        ));
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::styled(format!(" {hint} "), theme::quiet()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The first key bound to `action` in `context`, as the help writes it:
/// the words on screen name the key the table really binds.
pub(super) fn key_of(context: Context, action: &Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.context == context && b.action == *action)
        .and_then(|b| b.keys.first())
        .map(|k| k.label())
        .unwrap_or_default()
}

/// A participant's name, or their number when the session has lost them.
pub(super) fn name_of(w: &Workshop, id: ParticipantId) -> String {
    w.session
        .participant(id)
        .map(|p| p.name.clone())
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| tr!("drill.someone", id = id))
}

/// Blocks of given heights laid out in rows of `columns`, left to right
/// as the room reads them, and the rows into pages `height` tall: a page
/// is a list of rows, a row a list of block indices. A row is as tall as
/// its tallest block; a row taller than a page gets a page of its own.
pub(super) fn pack(heights: &[u16], columns: usize, height: u16) -> Vec<Vec<Vec<usize>>> {
    let columns = columns.max(1);
    let mut pages: Vec<Vec<Vec<usize>>> = Vec::new();
    let mut page: Vec<Vec<usize>> = Vec::new();
    let mut used = 0u16;
    let indices: Vec<usize> = (0..heights.len()).collect();
    for row in indices.chunks(columns) {
        let h = row.iter().map(|&i| heights[i]).max().unwrap_or(0);
        if !page.is_empty() && used.saturating_add(h) > height {
            pages.push(std::mem::take(&mut page));
            used = 0;
        }
        page.push(row.to_vec());
        used = used.saturating_add(h);
    }
    if !page.is_empty() {
        pages.push(page);
    }
    pages
}

/// The page of `pages` holding block `i` (the first when none does).
pub(super) fn page_of(pages: &[Vec<Vec<usize>>], i: usize) -> usize {
    pages
        .iter()
        .position(|p| p.iter().any(|c| c.contains(&i)))
        .unwrap_or(0)
}

/// A bar of `cols` cells filled in proportion to `value` out of `max`,
/// in marks that read without colour.
pub(super) fn bar(value: f64, max: f64, cols: usize) -> String {
    let filled = if max > 0.0 {
        ((value / max).clamp(0.0, 1.0) * cols as f64).round() as usize
    } else {
        0
    };
    format!(
        "{}{}",
        "█".repeat(filled),
        "░".repeat(cols.saturating_sub(filled))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_fill_rows_then_pages_in_reading_order() {
        // Two to a row, pages 7 rows tall: rows of 3, 3, then 5 and 1.
        let pages = pack(&[3, 3, 3, 2, 3, 5, 1], 2, 7);
        assert_eq!(
            pages,
            vec![vec![vec![0, 1], vec![2, 3]], vec![vec![4, 5], vec![6]]]
        );
        assert_eq!(page_of(&pages, 6), 1);
        assert_eq!(page_of(&pages, 9), 0, "no such block: the first page");
        // A row taller than a page stands alone rather than vanishing.
        assert_eq!(pack(&[9, 1], 1, 4), vec![vec![vec![0]], vec![vec![1]]]);
        assert!(pack(&[], 2, 4).is_empty());
    }

    #[test]
    fn bars_fill_in_proportion_and_never_overflow() {
        assert_eq!(bar(2.5, 5.0, 10), "█████░░░░░");
        assert_eq!(bar(9.0, 5.0, 4), "████");
        assert_eq!(bar(1.0, 0.0, 3), "░░░");
    }
}
