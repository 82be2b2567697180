//! Tag: one dimension and any qualities per MOT, as fast as the room can call them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{theme, widgets};
use crate::app::Workshop;
use crate::model::{Dimension, Mot, Quality, sentence};

const DIM_W: usize = 11;

/// The five quality letters, set ones shown, unset ones as a dot.
pub fn quality_marks(m: &Mot) -> String {
    Quality::ALL
        .iter()
        .map(|q| {
            if m.qualities.contains(q) {
                q.letter()
            } else {
                '·'
            }
        })
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draws the Tag stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let legend_h = 4;
    let [current, list, legend] = Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(3),
        Constraint::Length(legend_h),
    ])
    .areas(area);
    draw_current(w, frame, current);
    draw_list(w, frame, list);
    draw_legend(w, frame, legend);
}

fn draw_current(w: &Workshop, frame: &mut Frame, area: Rect) {
    let (title, text) = match w.selected_mot() {
        Some(m) => (format!(" MOT {} ", m.id), sentence(m)),
        None => (
            " MOT ".into(),
            "No MOTs yet: write them in Write (Shift-Tab).".into(),
        ),
    };
    frame.render_widget(
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(Span::styled(title, theme::label()))),
        area,
    );
}

fn draw_list(w: &Workshop, frame: &mut Frame, area: Rect) {
    let n = w.session.mots.len();
    let untagged = w.session.untagged_count();
    let status = if n == 0 {
        Span::styled(" nothing to tag ", theme::quiet())
    } else if untagged == 0 {
        Span::styled(format!(" ✓ all {n} tagged "), theme::good())
    } else {
        Span::styled(format!(" Untagged: {untagged} of {n} "), theme::warn())
    };
    let block = Block::bordered().title(Line::from(vec![
        Span::styled(" Tags ", theme::label()),
        status,
    ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let marks_w = 9; // "R A S T E"
    // marker, id, then one space before each of text, dimension, marks, done.
    let text_w = width.saturating_sub(2 + 4 + 1 + 1 + DIM_W + 1 + marks_w + 1 + 1);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let letters: Vec<String> = Quality::ALL
        .iter()
        .map(|q| q.letter().to_string())
        .collect();
    let header = format!(
        "  {:>4} {} {} {}",
        "#",
        widgets::pad("MOT", text_w),
        widgets::pad("Dimension", DIM_W),
        letters.join(" ")
    );
    frame.render_widget(Paragraph::new(Span::styled(header, theme::label())), head);
    let range = widgets::window(w.cursor, n, list.height as usize, &w.scroll);
    let lines: Vec<Line> = range
        .map(|i| {
            let m = &w.session.mots[i];
            let sel = i == w.cursor;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let dim = m.dimension.map_or("—", Dimension::name);
            let done = if m.is_tagged() { "✓" } else { " " };
            let row = format!(
                "{marker}{:>4} {} {} {} {done}",
                m.id,
                widgets::pad(&sentence(m), text_w),
                widgets::pad(dim, DIM_W),
                quality_marks(m),
            );
            let style = if sel {
                theme::selected()
            } else if m.is_tagged() {
                theme::text()
            } else {
                theme::warn()
            };
            Line::from(Span::styled(widgets::pad(&row, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

fn draw_legend(w: &Workshop, frame: &mut Frame, area: Rect) {
    let cur_dim = w.selected_mot().and_then(|m| m.dimension);
    let cur_q = w
        .selected_mot()
        .map(|m| m.qualities.clone())
        .unwrap_or_default();
    let dims: Vec<Span> = Dimension::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            let on = cur_dim == Some(*d);
            [
                Span::styled(format!(" {} ", i + 1), theme::key()),
                Span::styled(
                    format!("{}{} ", if on { "●" } else { "" }, d.name()),
                    if on { theme::good() } else { theme::text() },
                ),
            ]
        })
        .chain([Span::styled(" 0 ", theme::key()), Span::raw("clear")])
        .collect();
    let quals: Vec<Span> = Quality::ALL
        .iter()
        .enumerate()
        .flat_map(|(i, q)| {
            let on = cur_q.contains(q);
            [
                Span::styled(format!(" {} ", i + 5), theme::key()),
                Span::styled(
                    format!("{}{} ", if on { "●" } else { "" }, q.name()),
                    if on { theme::good() } else { theme::text() },
                ),
            ]
        })
        .collect();
    let block = Block::bordered().title(Span::styled(
        " Dimension: one  ·  Qualities: any ",
        theme::label(),
    ));
    frame.render_widget(
        Paragraph::new(vec![Line::from(dims), Line::from(quals)])
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
