//! The import's two boxes over Write: the file's path being typed, and the
//! preview of what will be added (the MOTs found, the lines that cannot be
//! read), with the question last, always in sight.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{text_field, theme, widgets};
use crate::app::import::{ImportFlow, ImportPreview};
use crate::tr;

/// Draws the import being asked or previewed over `area`.
pub fn draw(flow: &ImportFlow, frame: &mut Frame, area: Rect) {
    match flow {
        ImportFlow::Asking(field) => asking(field, frame, area),
        ImportFlow::Preview(p) => preview(p, frame, area),
    }
}

/// The box's width: most of the screen, for sentences to read whole.
fn width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(100)
}

fn asking(field: &crate::app::text_field::TextField, frame: &mut Frame, area: Rect) {
    let inner = width(area).saturating_sub(2);
    let here = std::env::current_dir()
        .map(|d| crate::plain::path(&d))
        .unwrap_or_default();
    let lines = [
        Line::from(Span::styled(tr!("ui.import.ask"), theme::label())),
        Line::from(tr!("ui.import.formats")),
        Line::from(Span::styled(
            tr!("ui.import.relative", folder = here),
            theme::quiet(),
        )),
    ];
    let text: Vec<Line<'static>> = lines
        .iter()
        .flat_map(|l| widgets::wrap(l, usize::from(inner)))
        .collect();
    let above = text.len() as u16;
    let height = (above + 3 + 2).min(area.height);
    let rect = widgets::centered(area, width(area), height);
    super::clear_popup(frame, rect);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", tr!("ui.import.title")),
            theme::label(),
        ))
        .border_style(theme::label());
    frame.render_widget(Paragraph::new(text).block(block), rect);
    let field_area = Rect {
        x: rect.x + 1,
        y: rect.y + 1 + above,
        width: rect.width.saturating_sub(2),
        height: 3,
    }
    .intersection(rect);
    if field_area.height == 3 {
        text_field(field, true, Block::bordered(), frame, field_area);
    }
}

fn preview(p: &ImportPreview, frame: &mut Frame, area: Rect) {
    let w = &p.words;
    let cols = usize::from(width(area).saturating_sub(2));
    let mut body: Vec<Line<'static>> = vec![
        Line::from(Span::styled(w.headline.clone(), theme::label())),
        Line::from(Span::styled(w.read_as.clone(), theme::quiet())),
        Line::from(""),
    ];
    body.extend(w.first.iter().map(|s| Line::from(s.clone())));
    if w.more > 0 {
        body.push(Line::from(Span::styled(
            tr!("import.preview.more", n = w.more),
            theme::quiet(),
        )));
    }
    let head: Vec<Line<'static>> = body.iter().flat_map(|l| widgets::wrap(l, cols)).collect();
    // The question and its keys stay at the bottom; the rest scrolls.
    let mut foot: Vec<Line<'static>> = Vec::new();
    if let Some(ignored) = &w.ignored {
        foot.push(Line::from(Span::styled(ignored.clone(), theme::quiet())));
    }
    if let Some(again) = &w.again {
        foot.push(Line::from(Span::styled(again.clone(), theme::warn())));
    }
    // The keys are on the key bar below, from the one key table.
    foot.push(Line::from(Span::styled(w.question.clone(), theme::label())));
    let foot: Vec<Line<'static>> = foot.iter().flat_map(|l| widgets::wrap(l, cols)).collect();
    let height = area.height.saturating_sub(2).max(3);
    let rect = widgets::centered(area, width(area), height);
    super::clear_popup(frame, rect);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", tr!("ui.import.title")),
            theme::label(),
        ))
        .border_style(theme::label());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let rows = usize::from(inner.height);
    let foot_rows = foot.len().min(rows);
    // Below the MOTs: the values left off MOTs added, then the lines not
    // read, each under its heading; made into lines only where on show.
    let left = w.left_out.len() + usize::from(!w.left_out.is_empty());
    let bad = w.problems_head.as_ref().map_or(0, |_| 2 + w.problems.len());
    let item = |i: usize| -> Line<'static> {
        if i < left {
            return match i {
                0 => Line::from(""),
                1 => Line::from(Span::styled(w.left_out[0].clone(), theme::warn())),
                _ => Line::from(Span::styled(
                    format!("  {}", w.left_out[i - 1]),
                    theme::quiet(),
                )),
            };
        }
        match (i - left, &w.problems_head) {
            (0, _) => Line::from(""),
            (1, Some(head)) => Line::from(Span::styled(head.clone(), theme::warn())),
            (j, _) => Line::from(Span::styled(
                format!("  {}", w.problems.get(j - 2).map_or("", String::as_str)),
                theme::error(),
            )),
        }
    };
    let items = left + bad;
    let total = head.len() + items;
    // A row says where the view is when not everything fits.
    let overflow = total > rows - foot_rows;
    let room = (rows - foot_rows).saturating_sub(usize::from(overflow));
    // Only the problems on show are wrapped: a file of thousands of bad
    // lines costs what the box holds, not what the file holds.
    let scroll = p.scroll.min(total.saturating_sub(room));
    let mut shown: Vec<Line<'static>> = head.iter().skip(scroll).cloned().collect();
    for i in scroll.saturating_sub(head.len())..items {
        if shown.len() >= room {
            break;
        }
        shown.extend(widgets::wrap(&item(i), cols));
    }
    shown.truncate(room);
    if overflow {
        shown.push(Line::from(Span::styled(
            tr!(
                "ui.import.rows",
                from = scroll + 1,
                to = (scroll + room).min(total),
                total = total
            ),
            theme::quiet(),
        )));
    }
    let room = room + usize::from(overflow);
    while shown.len() < room {
        shown.push(Line::from(""));
    }
    shown.extend(foot.into_iter().take(foot_rows));
    frame.render_widget(Paragraph::new(shown), inner);
}
