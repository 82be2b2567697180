//! The card editor: every line of a card, in its three briefs, the one
//! being typed in a box with the cursor, scrolled so it is always in view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::cards::still_to_write;
use crate::app::Workshop;
use crate::app::drill::{CardEditor, CardLine};
use crate::model::drill::cards::CardPart;
use crate::tr;
use crate::ui::{grow, theme, widgets};

/// One row group of the editor, top to bottom.
enum Item {
    /// A brief's heading.
    Heading(&'static str),
    /// A line of the card, by index into [`CardLine::ALL`].
    Line(usize),
}

/// The heading a line of the card sits under, where a new brief starts.
fn heading_before(line: CardLine) -> Option<&'static str> {
    match line {
        CardLine::Part(CardPart::Who) => Some(tr!("drill.brief.customer")),
        CardLine::Part(CardPart::Scene) => Some(tr!("drill.brief.staff")),
        CardLine::Part(CardPart::Guide(s)) if s.index() == 0 => Some(tr!("drill.brief.observer")),
        _ => None,
    }
}

/// Draws the card editor over the whole body.
pub(super) fn draw(w: &Workshop, ed: &CardEditor, frame: &mut Frame, area: Rect) {
    let title = match ed.card {
        Some(id) => tr!("drill.editor.editing", id = id),
        None => tr!("drill.editor.new").to_string(),
    };
    let missing = ed.card().missing().len();
    let state = if missing == 0 {
        Span::styled(format!(" ✓ {} ", tr!("drill.card.complete")), theme::good())
    } else {
        Span::styled(
            format!(" ⚠ {} ", tr!("drill.card.to_write", n = missing)),
            theme::warn(),
        )
    };
    let outer = Block::bordered()
        .title(Span::styled(format!(" {title} "), theme::label()))
        .title(Line::from(state).right_aligned())
        .border_style(theme::label());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let focus = ed.focus.min(CardLine::ALL.len() - 1);
    let mut items = Vec::new();
    for (i, line) in CardLine::ALL.iter().enumerate() {
        if let Some(h) = heading_before(*line) {
            items.push(Item::Heading(h));
        }
        items.push(Item::Line(i));
    }
    let cols = usize::from(inner.width);
    // Labels line up within their brief; a label too long for half the
    // row is followed by its text instead.
    let names: Vec<String> = CardLine::ALL.iter().map(|l| l.name()).collect();
    let brief_of = |i: usize| {
        CardLine::ALL[..=i]
            .iter()
            .filter(|l| heading_before(**l).is_some())
            .count()
    };
    let label_w = |i: usize| {
        let b = brief_of(i);
        widgets::widest(
            names
                .iter()
                .enumerate()
                .filter(|(j, n)| brief_of(*j) == b && widgets::width(n) <= cols / 2)
                .map(|(_, n)| n.as_str()),
            0,
        )
    };
    let text_cols = |i: usize| {
        let label = widgets::width(&names[i]).max(label_w(i));
        cols.saturating_sub(label + 4).max(1)
    };
    let height = usize::from(inner.height);
    // The focused line: a box of the rows its text needs (the whole
    // height at most); the others one row, more where the screen has them.
    let focus_rows = usize::from(grow::field_rows(
        &ed.fields[focus],
        true,
        cols.saturating_sub(2),
    ))
    .min(height.saturating_sub(2).max(1))
        + 2;
    let mut heights: Vec<usize> = items
        .iter()
        .map(|it| match it {
            Item::Line(i) if *i == focus => focus_rows,
            _ => 1,
        })
        .collect();
    let wants: Vec<(u16, u16)> = items
        .iter()
        .zip(&heights)
        .map(|(it, h)| match it {
            Item::Line(i) if *i != focus => {
                let text = ed.fields[*i].text();
                let want = grow::text_rows(text.trim(), text_cols(*i)).min(4);
                (1, want)
            }
            _ => (*h as u16, *h as u16),
        })
        .collect();
    let total: usize = heights.iter().sum();
    if total < height {
        let got = grow::share(&wants, height as u16, &[]);
        heights = got.into_iter().map(usize::from).collect();
    }
    // Scrolled as little as keeps the focused box in view.
    let focus_at = items
        .iter()
        .position(|it| matches!(it, Item::Line(i) if *i == focus))
        .unwrap_or(0);
    let start: usize = heights[..focus_at].iter().sum();
    let end = start + heights[focus_at];
    let total: usize = heights.iter().sum();
    let mut top = w.drill.scroll.get().min(total.saturating_sub(height));
    if start < top {
        // The brief's heading comes into view with its first line.
        let heading = focus_at > 0 && matches!(items[focus_at - 1], Item::Heading(_));
        top = if heading {
            start - heights[focus_at - 1]
        } else {
            start
        };
    } else if end > top + height {
        top = end - height;
    }
    w.drill.scroll.set(top);
    let mut y = 0usize;
    for (it, h) in items.iter().zip(&heights) {
        let (from, to) = (y, y + h);
        y = to;
        if from < top || to > top + height {
            continue;
        }
        let area = Rect::new(
            inner.x,
            inner.y + (from - top) as u16,
            inner.width,
            *h as u16,
        );
        match it {
            Item::Heading(text) => frame.render_widget(
                Paragraph::new(Span::styled(
                    *text,
                    theme::label().add_modifier(Modifier::UNDERLINED),
                )),
                area,
            ),
            Item::Line(i) if *i == focus => {
                crate::ui::labelled_field(&ed.fields[*i], &names[*i], true, frame, area);
            }
            Item::Line(i) => {
                let label = widgets::pad(&names[*i], widgets::width(&names[*i]).max(label_w(*i)));
                let head = Span::styled(format!("  {label}  "), theme::quiet());
                let text = ed.fields[*i].text();
                let text = text.trim();
                let body_cols = cols.saturating_sub(head.width()).max(1);
                let lines: Vec<Line> = if text.is_empty() {
                    vec![Line::from(vec![head, still_to_write()])]
                } else {
                    let rows = grow::cut(
                        widgets::wrap(&Line::from(text.to_string()), body_cols),
                        *h,
                        body_cols,
                    );
                    let pad = " ".repeat(head.width());
                    rows.into_iter()
                        .enumerate()
                        .map(|(r, row)| {
                            let lead = if r == 0 {
                                head.clone()
                            } else {
                                Span::raw(pad.clone())
                            };
                            let mut spans = vec![lead];
                            spans.extend(row.spans);
                            Line::from(spans)
                        })
                        .collect()
                };
                frame.render_widget(Paragraph::new(lines), area);
            }
        }
    }
    // What lies above and below the window, marked on the border.
    let marks = [
        (top > 0, inner.y.saturating_sub(1)),
        (top + height < total, inner.bottom()),
    ];
    for (more, row) in marks {
        if more && inner.width > 4 {
            let mark = if row < inner.y { "▲" } else { "▼" };
            frame.render_widget(
                Paragraph::new(Span::styled(mark, theme::label())),
                Rect::new(inner.x + inner.width / 2, row, 1, 1),
            );
        }
    }
}
