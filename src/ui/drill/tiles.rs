//! Boxes laid out in rows of as many columns as fit, a page at a time: the trios
//! and the round's tables, read from the back of the room.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph};

use super::{pack, page_of};
use crate::tr;
use crate::ui::{theme, widgets};

/// One box: its title and its rows (each cut to the box with "…").
pub(super) struct Tile {
    /// The title on its top border.
    pub title: String,
    /// Its rows, one line each.
    pub rows: Vec<Vec<Span<'static>>>,
    /// A note under the rows, wrapped to the box (whole, never cut).
    pub note: Option<Span<'static>>,
}

impl Tile {
    /// The note's rows at `cols` columns.
    fn note_lines(&self, cols: usize) -> Vec<Line<'static>> {
        self.note
            .as_ref()
            .map(|n| crate::ui::grow::pack(&Line::from(n.clone()), cols))
            .unwrap_or_default()
    }
}

/// How the boxes are spaced.
#[derive(Debug, Clone, Copy)]
pub(super) struct Spacing {
    /// The narrowest a box may be.
    pub min_width: u16,
    /// Blank columns between boxes.
    pub gap_x: u16,
    /// Blank rows between boxes.
    pub gap_y: u16,
}

/// Which page was drawn, of how many, and how many boxes it held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Paging {
    /// The page on show, from 0.
    pub page: usize,
    /// Pages in all.
    pub pages: usize,
    /// Boxes a full page holds (the first page's).
    pub per_page: usize,
}

/// `spans` kept to `cols` columns: what does not fit is cut, with "…".
pub(super) fn fit_spans(spans: &[Span<'static>], cols: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= cols {
        return spans.to_vec();
    }
    for s in spans {
        let w = s.width();
        // Room for the "…" that says the row goes on.
        if used + w < cols {
            out.push(s.clone());
            used += w;
            continue;
        }
        let cut = widgets::fit(&format!("{}…", s.content), cols - used);
        out.push(Span::styled(cut, s.style));
        break;
    }
    out
}

/// Draws the page of `tiles` holding `selected` (marked ▶, its border
/// thick), with "page 2/3" and `keys` under them when there is more than
/// one page.
pub(super) fn draw(
    tiles: &[Tile],
    selected: Option<usize>,
    spacing: Spacing,
    keys: Option<&str>,
    frame: &mut Frame,
    area: Rect,
) -> Paging {
    let columns =
        usize::from(((area.width + spacing.gap_x) / (spacing.min_width + spacing.gap_x)).max(1));
    let width = (area.width + spacing.gap_x) / columns as u16;
    let width = width.saturating_sub(spacing.gap_x).max(1);
    let inner_cols = usize::from(width.saturating_sub(2));
    let heights: Vec<u16> = tiles
        .iter()
        .map(|t| (t.rows.len() + t.note_lines(inner_cols).len()) as u16 + 2 + spacing.gap_y)
        .collect();
    // The gap under the last box of a column is not needed.
    let room = area.height + spacing.gap_y;
    let mut pages = pack(&heights, columns, room);
    let mut body = area;
    if pages.len() > 1 {
        // A row for the page line.
        body.height = area.height.saturating_sub(1);
        pages = pack(&heights, columns, body.height + spacing.gap_y);
    }
    let page = selected.map_or(0, |s| page_of(&pages, s));
    let per_page = pages.first().map_or(0, |p| p.iter().map(Vec::len).sum());
    if let Some(shown) = pages.get(page) {
        let mut y = body.y;
        for row in shown {
            let row_h = row.iter().map(|&i| heights[i]).max().unwrap_or(0);
            for (c, &i) in row.iter().enumerate() {
                let x = body.x + c as u16 * (width + spacing.gap_x);
                let h = heights[i]
                    .saturating_sub(spacing.gap_y)
                    .min(body.bottom().saturating_sub(y));
                let rect = Rect::new(x, y, width, h).intersection(body);
                draw_tile(&tiles[i], selected == Some(i), frame, rect);
            }
            y = y.saturating_add(row_h);
        }
    }
    if pages.len() > 1 {
        let mut text = tr!("drill.page", page = page + 1, pages = pages.len());
        if let Some(keys) = keys {
            text = format!("{text} · {keys}");
        }
        let row = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
        frame.render_widget(
            Paragraph::new(Span::styled(format!("{text} "), theme::label())).right_aligned(),
            row,
        );
    }
    Paging {
        page,
        pages: pages.len(),
        per_page,
    }
}

fn draw_tile(tile: &Tile, selected: bool, frame: &mut Frame, area: Rect) {
    let cols = usize::from(area.width.saturating_sub(2));
    let (title, block) = if selected {
        (
            Span::styled(
                widgets::fit(&format!("{}{} ", theme::MARKER, tile.title), cols),
                theme::selected(),
            ),
            Block::bordered()
                .border_type(BorderType::Thick)
                .border_style(theme::label()),
        )
    } else {
        (
            Span::styled(
                widgets::fit(&format!(" {} ", tile.title), cols),
                theme::label(),
            ),
            Block::bordered().border_style(theme::quiet()),
        )
    };
    let block = block.title(title);
    let mut lines: Vec<Line> = tile
        .rows
        .iter()
        .map(|r| Line::from(fit_spans(r, cols)))
        .collect();
    lines.extend(tile.note_lines(cols));
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_row_too_long_ends_in_an_ellipsis_within_its_columns() {
        let row = vec![Span::raw("Staff  "), Span::raw("王小明和李大伟")];
        assert_eq!(text(&fit_spans(&row, 40)), "Staff  王小明和李大伟");
        let cut = fit_spans(&row, 14);
        assert_eq!(text(&cut), "Staff  王小明…");
        assert!(widgets::width(&text(&cut)) <= 14);
        assert_eq!(text(&fit_spans(&row, 7)), "Staff …");
    }
}
