//! Vote: dots per participant (blind until revealed) and show of hands per group.

use std::collections::HashMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{grow, theme, widgets};
use crate::app::{Stage, Target, VoteMode, Workshop};
use crate::model::{MotId, Score, sentence};
use crate::tr;

/// The narrowest the score column gets.
const SCORE_W: usize = 13;

/// The score column: as wide as its heading and every score in it.
fn score_width(w: &Workshop, revealed: bool) -> usize {
    // The widest score is the one with the most digits on both sides: sized
    // from the highest figures kept since the last change, not every MOT.
    let (weighted, raw) = w.derived.most(&w.session);
    let widest = score_text(
        Some(&Score {
            weighted,
            raw,
            ..Score::default()
        }),
        revealed,
    );
    widgets::widest([widest.as_str(), tr!("ui.vote.col_score")], SCORE_W)
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
                // One pass over the dots for everyone, not one per participant.
                let spent_by = s.dots_spent_by_participant();
                let spent_of = |id| spent_by.get(&id).copied().unwrap_or(0);
                let left = s.dot_budget.saturating_sub(spent_of(p.id));
                let spent = spent_of(p.id).min(s.dot_budget);
                let dots = dot_glyphs(spent, left, usize::from(area.width) / 3);
                // With the room open, phones vote: the wall counts who has
                // voted at all, and nothing of where.
                let done = if w.phones.open {
                    tr!(
                        "phones.voted",
                        voted = s.participants.iter().filter(|q| spent_of(q.id) > 0).count(),
                        of = s.participants.len()
                    )
                } else {
                    let done = s
                        .participants
                        .iter()
                        .filter(|q| spent_of(q.id) >= s.dot_budget)
                        .count();
                    tr!("ui.vote.done", done = done, total = s.participants.len())
                };
                // A phone's voter: the wall says nothing of their dots.
                let (dots, left) = if w.phones.holder(p.id).is_some() {
                    (
                        String::new(),
                        format!("{}   ", tr!("phones.votes_on_phone")),
                    )
                } else {
                    (dots, format!(" {}   ", tr!("ui.vote.left", n = left)))
                };
                Line::from(vec![
                    Span::styled(format!("{} ", tr!("ui.vote.voting")), theme::label()),
                    Span::styled(format!("◀ {} ▶", p.name), theme::selected()),
                    Span::raw(format!("  {group}  ")),
                    Span::styled(dots, theme::key()),
                    Span::raw(left),
                    Span::styled(done, theme::quiet()),
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

/// `spent` full dots then `left` empty ones, as long as they fit in `cols`
/// cells; else the two counts ("●12 ○87"). Never longer than `cols` allows,
/// whatever the numbers: they come from the file.
fn dot_glyphs(spent: u32, left: u32, cols: usize) -> String {
    let (spent, left) = (spent as usize, left as usize);
    if spent.saturating_add(left) <= cols {
        format!("{}{}", "●".repeat(spent), "○".repeat(left))
    } else if left == 0 {
        format!("●{spent}")
    } else {
        format!("●{spent} ○{left}")
    }
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

/// Under the list: what the selected MOT's score adds up (its dots and
/// hands, or the one kind the session counts); while totals are hidden,
/// only which kind counts.
fn score_note(w: &Workshop, scores: &HashMap<MotId, Score>) -> Option<Line<'static>> {
    let s = &w.session;
    let text = if s.votes_revealed {
        let m = s.mots.get(w.cursor)?;
        let score = scores.get(&m.id).cloned().unwrap_or_default();
        format!("#{} {}", m.id, super::score::parts(&score, s.counting)?)
    } else {
        super::score::counting_note(s.counting)?
    };
    Some(Line::from(Span::styled(
        format!(" {text} "),
        theme::label(),
    )))
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
    let none = HashMap::new();
    let scores: &HashMap<MotId, Score> = if revealed { w.derived.scores(s) } else { &none };
    // Blind means blind on the wall: while the totals are hidden, where this
    // voter put their dots stays off the rows unless the facilitator asks.
    let private = !revealed && !w.vote.show_dots;
    let voter = w.voter().map(|p| p.id).filter(|_| !private);
    // The voter's dots by MOT, looked up once per frame rather than once per row.
    let mine_by_mot: HashMap<MotId, u32> = voter.map_or_else(HashMap::new, |p| {
        s.dots
            .iter()
            .filter(|d| d.participant == p)
            .map(|d| (d.mot, d.count))
            .collect()
    });
    let mut title = vec![
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
    ];
    if !revealed && w.voter().is_some() {
        title.push(if private {
            Span::styled(format!(" {} ", tr!("ui.vote.private")), theme::good())
        } else {
            Span::styled(format!(" {} ", tr!("ui.vote.peeking")), theme::warn())
        });
    }
    let mut block = Block::bordered().title(Line::from(title));
    if let Some(note) = score_note(w, scores) {
        block = block.title_bottom(note);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let dots_head = tr!("ui.vote.col_dots");
    let mine_w = (s.max_dots_per_mot as usize)
        .saturating_mul(2)
        .clamp(4, 10)
        .max(widgets::width(dots_head));
    let score_w = score_width(w, revealed);
    let id_w = id_width(w);
    let text_w = width.saturating_sub(2 + id_w + 1 + mine_w + 1 + score_w + 1);
    let [head, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    let header = format!(
        "  {:>id_w$} {} {} {}",
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
            let mine = mine_by_mot.get(&m.id).copied().unwrap_or(0);
            let row = format!(
                "{}{:>id_w$} {} {} {}",
                if sel { theme::MARKER } else { theme::NO_MARKER },
                m.id,
                widgets::pad(&sentence(m), text_w),
                widgets::pad(&dot_glyphs(mine, 0, mine_w), mine_w),
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

/// A group's name as a column heading of at most `cols` columns, on one
/// row or, for a name of several words, two; `None` when it cannot be
/// shown so without breaking a word or a Chinese name.
fn heading(name: &str, cols: usize) -> Option<Vec<String>> {
    if widgets::width(name) <= cols {
        return Some(vec![name.to_string()]);
    }
    // A Chinese name is one word: it is never split over rows.
    if name
        .chars()
        .any(|c| widgets::width(c.encode_utf8(&mut [0; 4])) > 1)
    {
        return None;
    }
    let mut rows: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        if widgets::width(word) > cols {
            return None;
        }
        match rows.last_mut() {
            Some(row) if widgets::width(row) + 1 + widgets::width(word) <= cols => {
                row.push(' ');
                row.push_str(word);
            }
            _ => rows.push(word.to_string()),
        }
    }
    (rows.len() <= 2).then_some(rows)
}

/// The letter a group goes by when its name does not fit its column:
/// A to Z, then AA, AB…, from its place in the session's groups.
fn group_code(index: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if index < 26 {
        letter(index).to_string()
    } else {
        format!("{}{}", letter(index / 26 - 1), letter(index))
    }
}

/// A column for a group that goes by its letter: a count being asked
/// about ("[999?]") and the weight fit.
const HANDS_CELL_W: usize = 7;

/// The narrowest the MOT's sentence gets in the show of hands: group columns
/// beyond what leaves it this much scroll instead.
const HANDS_TEXT_MIN: usize = 12;

/// The group columns on show: as many as fit beside the sentence, from the
/// first, or ending at the selected one when it lies further right.
fn group_window(selected: usize, groups: usize, fit: usize) -> std::ops::Range<usize> {
    let fit = fit.clamp(1, groups.max(1));
    let first = (selected + 1)
        .saturating_sub(fit)
        .min(groups.saturating_sub(fit));
    first..(first + fit).min(groups)
}

/// A count as the show of hands writes it: `[1200]` in the selected cell,
/// `[1200?]` while it waits for the room to confirm it, `·` for none.
fn hands_cell(count: u32, selected: bool, asking: bool) -> String {
    match (selected, asking, count) {
        (true, true, n) => format!("[{n:>3}?]"),
        (true, false, n) => format!("[{n:>3}]"),
        (false, _, 0) => format!(" {:>3} ", "·"),
        (false, _, n) => format!(" {n:>3} "),
    }
}

fn draw_hands(w: &Workshop, frame: &mut Frame, area: Rect) {
    if empty_hint(w, frame, area) {
        return;
    }
    let s = &w.session;
    let revealed = s.votes_revealed;
    let none = HashMap::new();
    let scores: &HashMap<MotId, Score> = if revealed { w.derived.scores(s) } else { &none };
    let width = area.width.saturating_sub(2) as usize;
    let wide = if width >= 120 { 14 } else { 9 };
    // When no group's name fits its column, every column shows a letter:
    // narrow ones then leave the MOT's sentence more room.
    let col_w = if s.groups.iter().all(|g| heading(&g.name, wide).is_none()) {
        HANDS_CELL_W
    } else {
        wide
    };
    let score_w = score_width(w, revealed);
    let id_w = id_width(w);
    // Up to 50 groups: those that fit are drawn, the rest scroll with ← →.
    let fixed = 2 + id_w + 1 + HANDS_TEXT_MIN + 1 + score_w;
    let fit = width.saturating_sub(fixed) / (col_w + 1);
    let shown = group_window(w.vote.group, s.groups.len(), fit);
    let groups = s.groups.get(shown.clone()).unwrap_or_default();
    let mut title = vec![Span::styled(
        format!(" {} ", tr!("ui.vote.hands_title")),
        theme::label(),
    )];
    if groups.len() < s.groups.len() {
        title.push(Span::styled(
            format!(
                " {} ",
                tr!(
                    "ui.vote.groups_shown",
                    first = shown.start + 1,
                    last = shown.end,
                    total = s.groups.len()
                )
            ),
            theme::quiet(),
        ));
    }
    let mut block = Block::bordered().title(Line::from(title));
    if let Some(note) = score_note(w, scores) {
        block = block.title_bottom(note);
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text_w = width
        .saturating_sub(2 + id_w + 1 + groups.len() * (col_w + 1) + score_w + 1)
        .max(8);
    // Group names whole over their columns, on two rows when a name of
    // several words needs them; a name that would break (a Chinese name
    // wider than its column, a word wider than it) gets a letter, and the
    // letters are spelled out under the list.
    let headings: Vec<Vec<String>> = shown
        .clone()
        .zip(groups)
        .map(|(gi, g)| heading(&g.name, col_w).unwrap_or_else(|| vec![group_code(gi)]))
        .collect();
    let legend: Vec<Span> = shown
        .clone()
        .zip(groups)
        .filter(|(_, g)| heading(&g.name, col_w).is_none())
        .flat_map(|(gi, g)| {
            [
                Span::styled(format!("{} ", group_code(gi)), theme::label()),
                Span::styled(format!("{}   ", g.name), theme::quiet()),
            ]
        })
        .collect();
    let legend = if legend.is_empty() {
        Vec::new()
    } else {
        grow::pack(&Line::from(legend), width.saturating_sub(1))
            .into_iter()
            .map(|l| {
                let mut spans = vec![Span::raw(" ")];
                spans.extend(l.spans);
                Line::from(spans)
            })
            .collect()
    };
    let name_rows = headings.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let [head, list, legend_area] = Layout::vertical([
        Constraint::Length(name_rows as u16 + 1),
        Constraint::Min(0),
        Constraint::Length(legend.len() as u16),
    ])
    .areas(inner);
    let mut names: Vec<String> = (0..name_rows)
        .map(|r| {
            let (id, mot) = if r == 0 { ("#", "MOT") } else { ("", "") };
            format!("  {id:>id_w$} {}", widgets::pad(mot, text_w))
        })
        .collect();
    let mut weights = format!("  {:>id_w$} {}", "", widgets::pad("", text_w));
    for ((gi, g), parts) in shown.clone().zip(groups).zip(&headings) {
        let mark = if gi == w.vote.group { "▼" } else { " " };
        for (r, row) in names.iter_mut().enumerate() {
            row.push(' ');
            row.push_str(&widgets::pad(
                parts.get(r).map_or("", String::as_str),
                col_w,
            ));
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
    frame.render_widget(Paragraph::new(legend), legend_area);
    frame.render_widget(Paragraph::new(head_lines), head);
    let asking = crate::app::update::unconfirmed_hands(w);
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
                    "{}{:>id_w$} {}",
                    if sel { theme::MARKER } else { theme::NO_MARKER },
                    m.id,
                    widgets::pad(&sentence(m), text_w)
                ),
                base,
            )];
            for (gi, g) in shown.clone().zip(groups) {
                let count = m.hands_for(g.id);
                let cell_sel = sel && gi == w.vote.group;
                let text = hands_cell(count, cell_sel, cell_sel && asking.is_some());
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

/// The id column: as wide as the largest id (ids go to 999,999,999), four at least.
fn id_width(w: &Workshop) -> usize {
    w.derived.max_id(&w.session).to_string().len().max(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_group_columns_follow_the_selection() {
        assert_eq!(group_window(0, 4, 4), 0..4);
        assert_eq!(group_window(3, 4, 10), 0..4);
        assert_eq!(group_window(0, 50, 4), 0..4);
        assert_eq!(group_window(3, 50, 4), 0..4);
        assert_eq!(group_window(4, 50, 4), 1..5);
        assert_eq!(group_window(49, 50, 4), 46..50);
        assert_eq!(group_window(0, 50, 0), 0..1, "one column at least");
        assert_eq!(group_window(0, 0, 4), 0..0);
        assert_eq!(group_window(70, 50, 4), 46..50, "a selection past the end");
    }

    #[test]
    fn counts_and_dots_never_outgrow_their_cells() {
        assert_eq!(hands_cell(1200, true, true), "[1200?]");
        assert_eq!(hands_cell(7, true, false), "[  7]");
        assert_eq!(hands_cell(0, false, false), "   · ");
        assert_eq!(dot_glyphs(2, 1, 10), "●●○");
        assert_eq!(dot_glyphs(999_999_999, 0, 10), "●999999999");
        assert_eq!(
            dot_glyphs(u32::MAX, u32::MAX, 30),
            "●4294967295 ○4294967295"
        );
    }

    #[test]
    fn group_names_are_never_broken_inside_a_word() {
        assert_eq!(heading("loves us", 9), Some(vec!["loves us".into()]));
        assert_eq!(
            heading("doesn't love us", 9),
            Some(vec!["doesn't".into(), "love us".into()])
        );
        // A Chinese name wider than its column, a word wider than it, or
        // more than two rows of words: a letter instead.
        assert_eq!(heading("喜欢过我们的人", 9), None);
        assert_eq!(heading("我们", 9), Some(vec!["我们".into()]));
        assert_eq!(heading("Professionals", 9), None);
        assert_eq!(heading("one two three four", 9), None);
        assert_eq!(group_code(0), "A");
        assert_eq!(group_code(25), "Z");
        assert_eq!(group_code(26), "AA");
        assert_eq!(group_code(49), "AX");
    }
}
