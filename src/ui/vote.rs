//! Vote: dots per participant (blind until revealed) and show of hands per group.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{theme, widgets};
use crate::app::{Stage, Target, VoteMode, Workshop};
use crate::model::{MotId, Score, sentence};
use crate::tr;

/// The narrowest the score column gets.
const SCORE_W: usize = 13;

/// The score column: as wide as its heading and every score in it.
fn score_width(w: &Workshop, scores: &HashMap<MotId, Score>, revealed: bool) -> usize {
    let texts: Vec<String> = w
        .session
        .mots
        .iter()
        .map(|m| score_text(scores.get(&m.id), revealed))
        .collect();
    widgets::widest(
        texts
            .iter()
            .map(String::as_str)
            .chain([tr!("ui.vote.col_score")]),
        SCORE_W,
    )
}

/// Draws the Vote stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
    draw_head(w, frame, head);
    match w.vote.mode {
        VoteMode::Dots => draw_dots(w, frame, body),
        VoteMode::Hands => draw_hands(w, frame, body),
    }
}

fn draw_head(w: &Workshop, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let mode = |on: bool, name: &str| {
        if on {
            Span::styled(format!("● {name} "), theme::stage_current())
        } else {
            Span::styled(format!("○ {name} "), theme::quiet())
        }
    };
    let reveal = if s.votes_revealed {
        Span::styled(format!(" {} ", tr!("ui.vote.shown")), theme::good())
    } else {
        Span::styled(format!(" {} ", tr!("ui.vote.hidden_blind")), theme::warn())
    };
    let first = Line::from(vec![
        mode(w.vote.mode == VoteMode::Dots, tr!("ui.vote.dots")),
        Span::raw(" "),
        mode(w.vote.mode == VoteMode::Hands, tr!("ui.vote.hands")),
        Span::styled("  m ", theme::key()),
        Span::raw(format!("{}   ", tr!("ui.vote.switches"))),
        reveal,
        Span::styled(" r ", theme::key()),
        Span::raw(if s.votes_revealed {
            tr!("ui.vote.hides")
        } else {
            tr!("ui.vote.reveals")
        }),
    ]);
    let second = match w.vote.mode {
        VoteMode::Dots => match w.voter() {
            Some(p) => {
                let group = s
                    .group(p.group)
                    .map(|g| format!("{} ×{}", g.name, g.weight))
                    .unwrap_or_default();
                let left = s.dots_left(p.id);
                let spent = s.dots_spent(p.id).min(s.dot_budget);
                let dots = format!(
                    "{}{}",
                    "●".repeat(spent as usize),
                    "○".repeat(left as usize)
                );
                let done = s
                    .participants
                    .iter()
                    .filter(|q| s.dots_left(q.id) == 0)
                    .count();
                Line::from(vec![
                    Span::styled(format!("{} ", tr!("ui.vote.voting")), theme::label()),
                    Span::styled(format!("◀ {} ▶", p.name), theme::selected()),
                    Span::raw(format!("  {group}  ")),
                    Span::styled(dots, theme::key()),
                    Span::raw(format!(" {}   ", tr!("ui.vote.left", n = left))),
                    Span::styled(
                        tr!("ui.vote.done", done = done, total = s.participants.len()),
                        theme::quiet(),
                    ),
                ])
            }
            None => Line::from(Span::styled(
                tr!("ui.vote.no_participants", setup = Stage::Setup.name()),
                theme::warn(),
            )),
        },
        VoteMode::Hands => Line::from(vec![
            Span::styled(format!("{} ", tr!("ui.vote.count_hands")), theme::label()),
            Span::raw(tr!("ui.vote.count_hands_keys")),
        ]),
    };
    frame.render_widget(
        Paragraph::new(vec![first, second]).block(Block::new()),
        area,
    );
}

fn score_text(score: Option<&Score>, revealed: bool) -> String {
    if !revealed {
        return tr!("ui.vote.hidden").into();
    }
    let s = score.cloned().unwrap_or_default();
    tr!(
        "ui.vote.score",
        weighted = format!("{:>4}", s.weighted),
        raw = s.raw
    )
}

fn empty_hint(w: &Workshop, frame: &mut Frame, area: Rect) -> bool {
    if w.session.mots.is_empty() {
        frame.render_widget(
            Paragraph::new(tr!("ui.vote.no_mots", write = Stage::Write.name()))
                .block(Block::bordered()),
            area,
        );
        return true;
    }
    false
}

fn draw_dots(w: &Workshop, frame: &mut Frame, area: Rect) {
    if empty_hint(w, frame, area) {
        return;
    }
    let s = &w.session;
    let revealed = s.votes_revealed;
    let scores: HashMap<MotId, Score> = if revealed { s.scores() } else { HashMap::new() };
    let voter = w.voter().map(|p| p.id);
    let block = Block::bordered().title(Line::from(vec![
        Span::styled(format!(" {} ", tr!("ui.vote.mots")), theme::label()),
        Span::styled(
            format!(
                " {} ",
                tr!(
                    "ui.vote.budget",
                    dots = s.dot_budget,
                    max = s.max_dots_per_mot
                )
            ),
            theme::quiet(),
        ),
    ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let dots_head = tr!("ui.vote.col_dots");
    let mine_w = (s.max_dots_per_mot as usize * 2)
        .clamp(4, 10)
        .max(widgets::width(dots_head));
    let score_w = score_width(w, &scores, revealed);
    let text_w = width.saturating_sub(2 + 5 + mine_w + 1 + score_w + 1);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let header = format!(
        "  {:>4} {} {} {}",
        "#",
        widgets::pad("MOT", text_w),
        widgets::pad(dots_head, mine_w),
        widgets::pad(tr!("ui.vote.col_score"), score_w)
    );
    frame.render_widget(Paragraph::new(Span::styled(header, theme::label())), head);
    let range = widgets::window(w.cursor, s.mots.len(), list.height as usize, &w.scroll);
    super::note_rows(list, range.clone(), Target::Mot);
    let lines: Vec<Line> = range
        .map(|i| {
            let m = &s.mots[i];
            let sel = i == w.cursor;
            let mine = voter.map_or(0, |p| s.dots_on(p, m.id));
            let row = format!(
                "{}{:>4} {} {} {}",
                if sel { theme::MARKER } else { theme::NO_MARKER },
                m.id,
                widgets::pad(&sentence(m), text_w),
                widgets::pad(&"●".repeat(mine as usize), mine_w),
                widgets::pad(&score_text(scores.get(&m.id), revealed), score_w),
            );
            let style = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            Line::from(Span::styled(widgets::pad(&row, width), style))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// A group's name in `rows` pieces of at most `cols` columns: wrapped between
/// words or beside a Chinese character, the last piece cut with an ellipsis.
fn name_parts(name: &str, cols: usize, rows: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = name;
    for r in 0..rows {
        if r + 1 == rows {
            parts.push(widgets::fit(rest, cols));
            break;
        }
        let first: String = widgets::wrap(&Line::from(rest), cols)
            .first()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .unwrap_or_default();
        // The first row is the start of the name, less the space it ended at.
        rest = rest.get(first.len()..).unwrap_or("").trim_start();
        parts.push(first);
    }
    parts
}

fn draw_hands(w: &Workshop, frame: &mut Frame, area: Rect) {
    if empty_hint(w, frame, area) {
        return;
    }
    let s = &w.session;
    let revealed = s.votes_revealed;
    let scores: HashMap<MotId, Score> = if revealed { s.scores() } else { HashMap::new() };
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", tr!("ui.vote.hands_title")),
        theme::label(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let groups = &s.groups;
    let col_w = if width >= 120 { 14 } else { 9 };
    let score_w = score_width(w, &scores, revealed);
    let text_w = width
        .saturating_sub(2 + 5 + groups.len() * (col_w + 1) + score_w + 1)
        .max(8);
    // Group names, on two lines when one is wider than its column (Chinese
    // names are, at 80 columns), weights under them: all readable at 80 columns.
    let name_rows = if groups.iter().any(|g| widgets::width(&g.name) > col_w) {
        2
    } else {
        1
    };
    let [head, list] =
        Layout::vertical([Constraint::Length(name_rows as u16 + 1), Constraint::Min(0)])
            .areas(inner);
    let mut names: Vec<String> = (0..name_rows)
        .map(|r| {
            let (id, mot) = if r == 0 { ("#", "MOT") } else { ("", "") };
            format!("  {id:>4} {}", widgets::pad(mot, text_w))
        })
        .collect();
    let mut weights = format!("  {:>4} {}", "", widgets::pad("", text_w));
    for (gi, g) in groups.iter().enumerate() {
        let mark = if gi == w.vote.group { "▼" } else { " " };
        for (row, part) in names.iter_mut().zip(name_parts(&g.name, col_w, name_rows)) {
            row.push(' ');
            row.push_str(&widgets::pad(&part, col_w));
        }
        weights.push(' ');
        weights.push_str(&widgets::pad(&format!("{mark}×{}", g.weight), col_w));
    }
    if let Some(first) = names.first_mut() {
        first.push(' ');
        first.push_str(&widgets::pad(tr!("ui.vote.col_score"), score_w));
    }
    let mut head_lines: Vec<Line> = names
        .iter()
        .map(|n| Line::from(Span::styled(widgets::fit(n, width), theme::label())))
        .collect();
    head_lines.push(Line::from(Span::styled(
        widgets::fit(&weights, width),
        theme::quiet(),
    )));
    frame.render_widget(Paragraph::new(head_lines), head);
    let range = widgets::window(w.cursor, s.mots.len(), list.height as usize, &w.scroll);
    super::note_rows(list, range.clone(), Target::Mot);
    let lines: Vec<Line> = range
        .map(|i| {
            let m = &s.mots[i];
            let sel = i == w.cursor;
            let base = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            let mut spans = vec![Span::styled(
                format!(
                    "{}{:>4} {}",
                    if sel { theme::MARKER } else { theme::NO_MARKER },
                    m.id,
                    widgets::pad(&sentence(m), text_w)
                ),
                base,
            )];
            for (gi, g) in groups.iter().enumerate() {
                let count = m.hands_for(g.id);
                let cell_sel = sel && gi == w.vote.group;
                let text = if cell_sel {
                    format!("[{count:>3}]")
                } else if count == 0 {
                    format!(" {:>3} ", "·")
                } else {
                    format!(" {count:>3} ")
                };
                spans.push(Span::styled(" ", base));
                spans.push(Span::styled(
                    widgets::pad(&text, col_w),
                    if cell_sel {
                        theme::stage_current()
                    } else {
                        base
                    },
                ));
            }
            spans.push(Span::styled(" ", base));
            spans.push(Span::styled(
                widgets::pad(&score_text(scores.get(&m.id), revealed), score_w),
                base,
            ));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_group_names_take_two_rows() {
        assert_eq!(name_parts("loves us", 9, 1), ["loves us"]);
        assert_eq!(name_parts("doesn't love us", 9, 2), ["doesn't", "love us"]);
        assert_eq!(name_parts("喜欢过我们的人", 9, 2), ["喜欢过我", "们的人"]);
        assert_eq!(
            name_parts("一二三四五六七八九十", 9, 2),
            ["一二三四", "五六七八…"]
        );
        assert_eq!(name_parts("我们", 9, 2), ["我们", ""]);
    }
}
