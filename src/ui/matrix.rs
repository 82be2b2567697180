//! Matrix: four dimensions by five qualities, shaded by weighted score.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{theme, widgets};
use crate::app::{Target, Workshop};
use crate::model::{Dimension, Quality, sentence};
use crate::tr;

/// "1 MOT", "3 MOTs".
fn mots(n: usize) -> String {
    if n == 1 {
        tr!("ui.matrix.one_mot", n = n)
    } else {
        tr!("ui.matrix.mots", n = n)
    }
}

/// Draws the Matrix stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    draw_in(w, frame, area, false);
}

/// Draws the Matrix stage for the back of a room (presenting on a large
/// screen): taller cells, the figures spaced out and each cell's main
/// number in big digits.
pub fn draw_roomy(w: &Workshop, frame: &mut Frame, area: Rect) {
    draw_in(w, frame, area, true);
}

fn draw_in(w: &Workshop, frame: &mut Frame, area: Rect, roomy: bool) {
    let s = &w.session;
    let scores = w.derived.scores(s);
    let matrix = w.derived.matrix(s);
    let revealed = s.votes_revealed;
    let legend = legend_lines(revealed, usize::from(area.width));
    let legend_h = legend.len() as u16;
    // Rows as tall as the room allows, leaving the cell's MOT list at least four lines.
    // Roomy rows take more of the height: the cell list keeps three lines.
    let row_h: u16 = if roomy {
        (area.height.saturating_sub(1 + legend_h + 1 + 3) / 4).clamp(2, 9)
    } else {
        (area.height.saturating_sub(1 + legend_h + 1 + 4) / 4).clamp(2, 6)
    };
    let grid_h = 1 + 4 * row_h + legend_h;
    let [grid, info, list] = Layout::vertical([
        Constraint::Length(grid_h),
        Constraint::Length(1),
        Constraint::Min(2),
    ])
    .areas(area);

    // Wide enough for the dimension names and the row totals in this language.
    let min_label_w: usize = if area.width >= 120 { 18 } else { 14 };
    let label_w = Dimension::ALL
        .iter()
        .map(|d| widgets::width(d.name()))
        .chain([widgets::width(&mots(s.mots.len()))])
        .map(|w| w + 3)
        .fold(min_label_w, usize::max)
        .min(usize::from(area.width / 4)) as u16;
    let (col_x, col_w) = columns(grid.width.saturating_sub(label_w));
    let (sel_d, sel_q) = w.matrix.cell();

    // Header: quality names.
    for (qi, q) in Quality::ALL.iter().enumerate() {
        let x = grid.x + label_w + col_x[qi];
        let col_w = col_w[qi];
        // As wide as the cells below and centred like them.
        let r = Rect::new(x, grid.y, col_w.saturating_sub(1), 1).intersection(grid);
        let name = widgets::fit(q.name(), col_w.saturating_sub(1) as usize);
        let style = if *q == sel_q {
            theme::label().add_modifier(ratatui::style::Modifier::UNDERLINED)
        } else {
            theme::label()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(name, style)).alignment(ratatui::layout::Alignment::Center),
            r,
        );
    }
    for (di, d) in Dimension::ALL.iter().enumerate() {
        let y = grid.y + 1 + di as u16 * row_h;
        let focus = s.focus == Some(*d);
        let lr = Rect::new(grid.x, y, label_w, row_h).intersection(grid);
        let (n, total) = matrix.row_total(*d);
        let mut label = vec![Line::from(Span::styled(
            format!("{}{}", if focus { "★ " } else { "  " }, d.name()),
            if focus {
                theme::focus()
            } else {
                theme::label()
            },
        ))];
        // Roomy: the name stands apart from its figures.
        if roomy && row_h >= 5 {
            label.push(Line::from(""));
        }
        label.push(Line::from(Span::styled(
            format!("  {}", mots(n)),
            theme::quiet(),
        )));
        if revealed && row_h >= 3 {
            label.push(Line::from(Span::styled(
                format!("  {}", points(total)),
                theme::quiet(),
            )));
        }
        frame.render_widget(Paragraph::new(label), lr);
        for (qi, q) in Quality::ALL.iter().enumerate() {
            let x = grid.x + label_w + col_x[qi];
            let col_w = col_w[qi];
            let r = Rect::new(
                x,
                y,
                col_w.saturating_sub(1),
                row_h.saturating_sub(if row_h > 2 { 1 } else { 0 }),
            )
            .intersection(grid);
            super::note(r, Target::Cell(di, qi));
            let cell = matrix.cell(*d, *q);
            let heat = matrix.heat(*d, *q, revealed);
            let selected = *d == sel_d && *q == sel_q;
            let mut style = theme::heat(heat);
            if selected {
                style = theme::selected();
            }
            let mark = if selected {
                "▶"
            } else {
                theme::heat_glyph(heat)
            };
            if roomy && big_cell(cell, revealed, mark, style, frame, r) {
                continue;
            }
            let mut lines = Vec::new();
            if cell.count() == 0 {
                lines.push(format!("{mark} ·"));
            } else {
                lines.push(format!("{mark} {}", mots(cell.count())));
                if revealed {
                    lines.push(format!("  {}", points_within(cell.weighted, r.width)));
                }
            }
            // Chosen MOTs and golden moments show as symbols, not colour:
            // on their own line when the cell has room, else after the count.
            // The count and points sit at one height along the row, whether
            // a cell is empty or has marks under them.
            // (Roomy cells are centred on their own: big digits set the line.)
            let base = if roomy {
                lines.len()
            } else {
                1 + usize::from(revealed)
            };
            let marks = cell_marks(cell);
            if !marks.is_empty() {
                let full = lines.len() >= usize::from(r.height);
                match lines.last_mut() {
                    Some(last) if full => {
                        last.push(' ');
                        last.push_str(&marks);
                    }
                    _ => lines.push(marks),
                }
            }
            // A line too wide for the cell ends in "…": never a number that
            // silently lost a digit.
            let mut lines: Vec<Line> = lines
                .into_iter()
                .map(|l| {
                    // The indent under the heat glyph goes before any text does.
                    let l = if widgets::width(&l) > usize::from(r.width) {
                        l.trim_start()
                    } else {
                        &l
                    };
                    Line::from(widgets::fit(l, usize::from(r.width)))
                })
                .collect();
            // Roomy cells space their lines out when they have the rows.
            let mut base = base;
            if roomy && (lines.len() * 2).saturating_sub(1) <= usize::from(r.height) {
                lines = spaced(lines);
                base = (base * 2).saturating_sub(1);
            }
            // Centred in the cell, so a count reads from across the room.
            let height = r.height as usize;
            let pad = (height.saturating_sub(base) / 2).min(height.saturating_sub(lines.len()));
            let mut centred = vec![Line::from(""); pad];
            centred.extend(lines);
            frame.render_widget(
                Paragraph::new(centred)
                    .style(style)
                    .alignment(ratatui::layout::Alignment::Center),
                r,
            );
        }
    }
    // The legend on the grid's last lines.
    let legend_y = grid.y + grid_h.saturating_sub(legend_h);
    frame.render_widget(
        Paragraph::new(legend),
        Rect::new(grid.x, legend_y, grid.width, legend_h).intersection(grid),
    );

    let cell = matrix.cell(sel_d, sel_q);
    let mut info_spans = vec![Span::styled(
        format!(
            " {} ",
            tr!(
                "ui.matrix.cell",
                dimension = sel_d.name(),
                quality = sel_q.name()
            )
        ),
        theme::label(),
    )];
    info_spans.push(Span::raw(if cell.count() == 0 {
        tr!("ui.matrix.empty_cell").to_string()
    } else if revealed {
        tr!(
            "ui.matrix.cell_scores",
            mots = mots(cell.count()),
            points = cell.weighted,
            raw = cell.raw
        )
    } else {
        mots(cell.count())
    }));
    if let Some(note) = super::score::counting_note(s.counting) {
        info_spans.push(Span::styled(format!(" · {note}"), theme::quiet()));
    }
    frame.render_widget(Paragraph::new(Line::from(info_spans)), info);

    let height = list.height as usize;
    let offset = w
        .matrix
        .list_offset
        .min(cell.count().saturating_sub(height.max(1)));
    let width = list.width as usize;
    let mut lines: Vec<Line> = cell
        .mots
        .iter()
        .skip(offset)
        .take(height)
        .filter_map(|id| s.mot(*id))
        .map(|m| {
            let score = if revealed {
                scores.get(&m.id).map_or("0".into(), |sc| {
                    // Right-aligned, so the scores of the list line up.
                    let p = points(sc.weighted);
                    format!(
                        "{}{p}",
                        " ".repeat(8usize.saturating_sub(widgets::width(&p)))
                    )
                })
            } else {
                String::new()
            };
            let marks = format!(
                "{}{}",
                if m.chosen { "✓" } else { " " },
                m.golden.map_or(" ", |g| g.symbol())
            );
            let head = format!("{:>5} {} {marks} ", m.id, widgets::pad(&score, 8));
            let room = width.saturating_sub(widgets::width(&head));
            Line::from(vec![
                Span::styled(head, theme::label()),
                Span::raw(widgets::fit(&sentence(m), room)),
            ])
        })
        .collect();
    let more = cell.count().saturating_sub(offset + lines.len());
    if more > 0 && !lines.is_empty() {
        lines.pop();
        lines.push(Line::from(Span::styled(
            format!("      … {}", tr!("ui.matrix.more", n = more + 1)),
            theme::quiet(),
        )));
    }
    frame.render_widget(Paragraph::new(lines), list);
}

/// A roomy cell: its main number (the weighted score once votes are
/// revealed, else the count) in big digits, and under it the figures in
/// words with the marks. False when the cell is too small or empty, so it
/// is drawn in plain lines instead.
fn big_cell(
    cell: &crate::model::Cell,
    revealed: bool,
    mark: &str,
    style: ratatui::style::Style,
    frame: &mut Frame,
    r: Rect,
) -> bool {
    let number = if revealed {
        cell.weighted
    } else {
        cell.count() as u64
    };
    let digits = number.to_string();
    // Four rows of digits, a blank row, the caption; digits eight columns
    // wide when the cell has them, else four.
    let n = digits.len() as u16;
    let (pixels, cols) = if n * 8 + 4 <= r.width {
        (tui_big_text::PixelSize::HalfHeight, 8)
    } else {
        (tui_big_text::PixelSize::Quadrant, 4)
    };
    let fits = r.height >= 6 && n * cols + 4 <= r.width;
    if cell.count() == 0 || !fits {
        return false;
    }
    let mut caption = if revealed {
        format!("{mark} {} · {}", points(cell.weighted), mots(cell.count()))
    } else {
        format!("{mark} {}", mots(cell.count()))
    };
    let marks = cell_marks(cell);
    if !marks.is_empty() {
        caption.push_str("  ");
        caption.push_str(&marks);
    }
    let top = r.y + (r.height - 6) / 2;
    let big = Rect::new(r.x, top, r.width, 4);
    let line = Rect::new(r.x, top + 5, r.width, 1);
    frame.render_widget(Paragraph::new("").style(style), r);
    frame.render_widget(
        tui_big_text::BigText::builder()
            .pixel_size(pixels)
            .style(style)
            .centered()
            .lines(vec![Line::from(digits)])
            .build(),
        big,
    );
    frame.render_widget(
        Paragraph::new(widgets::fit(&caption, usize::from(r.width)))
            .style(style)
            .alignment(ratatui::layout::Alignment::Center),
        line,
    );
    true
}

/// Lines with a blank one between each two.
fn spaced(lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    let mut out = Vec::with_capacity(lines.len() * 2);
    for (i, line) in lines.into_iter().enumerate() {
        if i > 0 {
            out.push(Line::from(""));
        }
        out.push(line);
    }
    out
}

/// "✓2▲■": how many of a cell's MOTs are chosen, and which golden moments it holds.
/// Where each quality's column starts and how wide it is, in `width`
/// columns: all alike when every name fits so, else each as wide as its
/// name needs and the rest shared out, so no name is cut.
fn columns(width: u16) -> ([u16; 5], [u16; 5]) {
    let need = Quality::ALL.map(|q| widgets::width(q.name()) as u16 + 1);
    let even = width / 5;
    // Each cell as wide as it can be beside the widest name: the count,
    // the points and the marks read whole in the widest cell that fits.
    let base = (10..=13)
        .rev()
        .map(|least| need.map(|n| n.max(least)))
        .find(|b| b.iter().sum::<u16>() <= width)
        .unwrap_or(need);
    // Too narrow to give each name its width: all alike, names with "…".
    let widths = if need.iter().all(|n| *n <= even) || base.iter().sum::<u16>() > width {
        [even; 5]
    } else {
        let spare = width.saturating_sub(base.iter().sum());
        let mut widths = base.map(|n| n + spare / 5);
        for w in widths.iter_mut().take(usize::from(spare % 5)) {
            *w += 1;
        }
        widths
    };
    let mut starts = [0; 5];
    for i in 1..5 {
        starts[i] = starts[i - 1] + widths[i - 1];
    }
    (starts, widths)
}

/// The legend: heat shades, then the marks; on two lines when one is too
/// narrow for both, so every word of it reads whole.
fn legend_lines(revealed: bool, cols: usize) -> Vec<Line<'static>> {
    let heat = vec![
        Span::styled(format!(" {} ", tr!("ui.matrix.heat")), theme::quiet()),
        Span::styled(" ░ ", theme::heat(1)),
        Span::styled(" ▒ ", theme::heat(2)),
        Span::styled(" ▓ ", theme::heat(3)),
        Span::styled(" █ ", theme::heat(4)),
        Span::styled(
            format!(
                " {}",
                if revealed {
                    tr!("ui.matrix.by_score")
                } else {
                    tr!("ui.matrix.by_count")
                }
            ),
            theme::quiet(),
        ),
    ];
    let marks = vec![
        Span::styled("★", theme::focus()),
        Span::styled(format!(" {}   ", tr!("ui.matrix.focus")), theme::quiet()),
        Span::styled(
            format!(
                "✓ {}  ▲▼■ {}",
                tr!("ui.choose.chosen"),
                tr!("ui.matrix.golden")
            ),
            theme::quiet(),
        ),
    ];
    let one: usize = heat.iter().chain(&marks).map(Span::width).sum::<usize>() + 3;
    if one <= cols {
        let mut line = heat;
        line.push(Span::raw("   "));
        line.extend(marks);
        vec![Line::from(line)]
    } else {
        let mut second = vec![Span::raw(" ")];
        second.extend(marks);
        vec![Line::from(heat), Line::from(second)]
    }
}

fn cell_marks(cell: &crate::model::Cell) -> String {
    let mut out = String::new();
    if cell.chosen > 0 {
        out.push_str(&format!("✓{}", cell.chosen));
    }
    let golden: String = crate::model::Golden::ALL
        .iter()
        .zip(cell.golden)
        .filter(|(_, held)| *held)
        .map(|(g, _)| g.symbol())
        .collect();
    // No space between: a cell at 80 columns is about twelve wide.
    out.push_str(&golden);
    out
}

/// A weighted score that fits `cols` (with its two leading spaces): in full
/// when it can, else with a thousands prefix ("29.7G pts").
fn points_within(n: u64, cols: u16) -> String {
    let full = points(n);
    if widgets::width(&full) + 2 <= usize::from(cols) || n < 10_000 {
        return full;
    }
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1000.0 && unit < 4 {
        value /= 1000.0;
        unit += 1;
    }
    let number = format!("{value:.1}{}", ["", "k", "M", "G", "T"][unit]);
    tr!("ui.matrix.pts", n = number)
}

/// A weighted score in words ("1 pt", "12 pts").
fn points(n: u64) -> String {
    if n == 1 {
        tr!("ui.matrix.one_pt", n = n)
    } else {
        tr!("ui.matrix.pts", n = n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_too_wide_for_its_cell_is_shortened_never_cut() {
        crate::i18n::set(crate::i18n::Language::English);
        assert_eq!(points_within(42, 12), "42 pts");
        assert_eq!(points_within(29_702_643_300, 40), "29702643300 pts");
        assert_eq!(points_within(29_702_643_300, 12), "29.7G pts");
        assert_eq!(points_within(12_345, 8), "12.3k pts");
    }
}
