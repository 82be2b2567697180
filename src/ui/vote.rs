//! Vote: dots per participant (blind until revealed) and show of hands per group.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{theme, widgets};
use crate::app::{VoteMode, Workshop};
use crate::model::{MotId, Score, sentence};

const SCORE_W: usize = 13;

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
        Span::styled(" Totals shown ", theme::good())
    } else {
        Span::styled(" Totals hidden: blind vote ", theme::warn())
    };
    let first = Line::from(vec![
        mode(w.vote.mode == VoteMode::Dots, "Dots"),
        Span::raw(" "),
        mode(w.vote.mode == VoteMode::Hands, "Show of hands"),
        Span::styled("  m ", theme::key()),
        Span::raw("switches   "),
        reveal,
        Span::styled(" r ", theme::key()),
        Span::raw(if s.votes_revealed { "hides" } else { "reveals" }),
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
                    Span::styled("Voting: ", theme::label()),
                    Span::styled(format!("◀ {} ▶", p.name), theme::selected()),
                    Span::raw(format!("  {group}  ")),
                    Span::styled(dots, theme::key()),
                    Span::raw(format!(" {left} left   ")),
                    Span::styled(
                        format!("{done}/{} done", s.participants.len()),
                        theme::quiet(),
                    ),
                ])
            }
            None => Line::from(Span::styled(
                "No participants yet: add them in Setup, or press m to count a show of hands.",
                theme::warn(),
            )),
        },
        VoteMode::Hands => Line::from(vec![
            Span::styled("Count the hands per group: ", theme::label()),
            Span::raw("←→ pick the group, type the number, ↑↓ next MOT."),
        ]),
    };
    frame.render_widget(
        Paragraph::new(vec![first, second]).block(Block::new()),
        area,
    );
}

fn score_text(score: Option<&Score>, revealed: bool) -> String {
    if !revealed {
        return "hidden".into();
    }
    let s = score.cloned().unwrap_or_default();
    format!("{:>4} (raw {})", s.weighted, s.raw)
}

fn empty_hint(w: &Workshop, frame: &mut Frame, area: Rect) -> bool {
    if w.session.mots.is_empty() {
        frame.render_widget(
            Paragraph::new("No MOTs to vote on yet: write them in Write first.")
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
        Span::styled(" MOTs ", theme::label()),
        Span::styled(
            format!(
                " {} dots each, at most {} on one MOT ",
                s.dot_budget, s.max_dots_per_mot
            ),
            theme::quiet(),
        ),
    ]));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mine_w = (s.max_dots_per_mot as usize * 2).clamp(4, 10);
    let text_w = width.saturating_sub(2 + 5 + mine_w + 1 + SCORE_W + 1);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let header = format!(
        "  {:>4} {} {} {}",
        "#",
        widgets::pad("MOT", text_w),
        widgets::pad("Dots", mine_w),
        widgets::pad("Score", SCORE_W)
    );
    frame.render_widget(Paragraph::new(Span::styled(header, theme::label())), head);
    let range = widgets::window(w.cursor, s.mots.len(), list.height as usize, &w.scroll);
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
                widgets::pad(&score_text(scores.get(&m.id), revealed), SCORE_W),
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

fn draw_hands(w: &Workshop, frame: &mut Frame, area: Rect) {
    if empty_hint(w, frame, area) {
        return;
    }
    let s = &w.session;
    let revealed = s.votes_revealed;
    let scores: HashMap<MotId, Score> = if revealed { s.scores() } else { HashMap::new() };
    let block =
        Block::bordered().title(Span::styled(" Hands per group (× weight) ", theme::label()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let groups = &s.groups;
    let col_w = if width >= 120 { 14 } else { 9 };
    let text_w = width
        .saturating_sub(2 + 5 + groups.len() * (col_w + 1) + SCORE_W + 1)
        .max(8);
    let [head, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
    // Group names on one line, weights under them: both must be readable at 80 columns.
    let mut names = format!("  {:>4} {}", "#", widgets::pad("MOT", text_w));
    let mut weights = format!("  {:>4} {}", "", widgets::pad("", text_w));
    for (gi, g) in groups.iter().enumerate() {
        let mark = if gi == w.vote.group { "▼" } else { " " };
        names.push(' ');
        names.push_str(&widgets::pad(&g.name, col_w));
        weights.push(' ');
        weights.push_str(&widgets::pad(&format!("{mark}×{}", g.weight), col_w));
    }
    names.push(' ');
    names.push_str(&widgets::pad("Score", SCORE_W));
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(widgets::fit(&names, width), theme::label())),
            Line::from(Span::styled(widgets::fit(&weights, width), theme::quiet())),
        ]),
        head,
    );
    let range = widgets::window(w.cursor, s.mots.len(), list.height as usize, &w.scroll);
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
                widgets::pad(&score_text(scores.get(&m.id), revealed), SCORE_W),
                base,
            ));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
