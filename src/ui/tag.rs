//! Tag: one dimension and any qualities per MOT, as fast as the room can call them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthChar;

use super::{grow, theme, widgets};
use crate::app::{Stage, Target, Workshop};
use crate::model::{Dimension, Mot, Quality, sentence};
use crate::tr;

/// The narrowest the dimension column gets.
const DIM_W: usize = 11;

/// Columns each quality's letter takes: a Chinese letter takes two.
fn letter_w() -> usize {
    Quality::ALL
        .iter()
        .map(|q| q.letter().width().unwrap_or(1))
        .max()
        .unwrap_or(1)
}

/// The letters of the five qualities, each as wide as the widest, as the list's heading.
fn letters() -> String {
    Quality::ALL
        .iter()
        .map(|q| widgets::pad(&q.letter().to_string(), letter_w()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The five quality letters, set ones shown, unset ones as a dot, each under
/// its letter in the heading.
pub fn quality_marks(m: &Mot) -> String {
    Quality::ALL
        .iter()
        .map(|q| {
            let mark = if m.qualities.contains(q) {
                q.letter()
            } else {
                '·'
            };
            widgets::pad(&mark.to_string(), letter_w())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Draws the Tag stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let legend_h = 4;
    // The MOT box as tall as its whole sentence, the list keeping three rows.
    let (title, text) = current_text(w);
    let want = grow::text_rows(&text, usize::from(area.width.saturating_sub(2))) + 2;
    let most = area.height.saturating_sub(legend_h + 5).max(4);
    let [current, list, legend] = Layout::vertical([
        Constraint::Length(want.clamp(4, most)),
        Constraint::Min(3),
        Constraint::Length(legend_h),
    ])
    .areas(area);
    draw_current(w, title, text, frame, current);
    draw_list(w, frame, list);
    draw_legend(w, frame, legend);
}

/// The title and text of the box above the list: the selected MOT.
fn current_text(w: &Workshop) -> (String, String) {
    match w.selected_mot() {
        Some(m) => (format!(" MOT {} ", m.id), sentence(m)),
        None => (
            " MOT ".into(),
            tr!("ui.tag.no_mots", write = Stage::Write.name()),
        ),
    }
}

fn draw_current(w: &Workshop, title: String, text: String, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(Span::styled(title, theme::label()));
    let inner = block.inner(area);
    match w.selected_mot() {
        // The feeling ends the sentence even when the situation is cut.
        Some(m) => {
            let lines = grow::sentence_lines(
                m,
                usize::from(inner.width).max(1),
                usize::from(inner.height),
            );
            frame.render_widget(Paragraph::new(lines).block(block), area);
        }
        None => frame.render_widget(grow::whole_or_cut(&[Line::from(text)], block, area), area),
    }
}

fn draw_list(w: &Workshop, frame: &mut Frame, area: Rect) {
    let n = w.session.mots.len();
    let untagged = w.derived.untagged(&w.session);
    let status = if n == 0 {
        Span::styled(format!(" {} ", tr!("ui.tag.nothing")), theme::quiet())
    } else if untagged == 0 {
        Span::styled(
            format!(" ✓ {} ", tr!("ui.tag.all_tagged", n = n)),
            theme::good(),
        )
    } else {
        Span::styled(
            format!(" {} ", tr!("ui.tag.untagged", untagged = untagged, n = n)),
            theme::warn(),
        )
    };
    let block = Block::bordered().title(Line::from(vec![
        Span::styled(format!(" {} ", tr!("ui.tag.tags")), theme::label()),
        status,
    ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let letters = letters();
    let marks_w = widgets::width(&letters); // "R A S T E"
    let dim_head = tr!("ui.tag.col_dimension");
    // As wide as the longest dimension name in the language on show.
    let dim_w = widgets::widest(
        Dimension::ALL.iter().map(|d| d.name()).chain([dim_head]),
        DIM_W,
    );
    // marker, id, then one space before each of text, dimension, marks, done.
    let text_w = width.saturating_sub(2 + 4 + 1 + 1 + dim_w + 1 + marks_w + 1 + 2);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let header = format!(
        "  {:>4} {} {} {}",
        "#",
        widgets::pad("MOT", text_w),
        widgets::pad(dim_head, dim_w),
        letters
    );
    frame.render_widget(Paragraph::new(Span::styled(header, theme::label())), head);
    let range = widgets::window(w.cursor, n, list.height as usize, &w.scroll);
    super::note_rows(list, range.clone(), Target::Mot);
    let lines: Vec<Line> = range
        .map(|i| {
            let m = &w.session.mots[i];
            let sel = i == w.cursor;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let dim = m.dimension.map_or("—", Dimension::name);
            let done = if m.is_tagged() { "✓" } else { " " };
            let golden = m.golden.map_or(" ", |g| g.symbol());
            let row = format!(
                "{marker}{:>4} {} {} {} {done}{golden}",
                m.id,
                widgets::pad(&sentence(m), text_w),
                widgets::pad(dim, dim_w),
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
        .chain([
            Span::styled(" 0 ", theme::key()),
            Span::raw(tr!("ui.tag.clear")),
        ])
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
    // The golden-moment key rides on the border: the two rows are full.
    let golden = match w.selected_mot().and_then(|m| m.golden) {
        Some(g) => format!("{} {}", g.symbol(), g.name()),
        None => format!("▲▼■ {}", tr!("ui.matrix.golden")),
    };
    let block = Block::bordered().title(Line::from(vec![
        Span::styled(format!(" {} ", tr!("ui.tag.legend")), theme::label()),
        Span::styled(" g ", theme::key()),
        Span::styled(format!("{golden} "), theme::text()),
    ]));
    frame.render_widget(
        Paragraph::new(vec![Line::from(dims), Line::from(quals)])
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
