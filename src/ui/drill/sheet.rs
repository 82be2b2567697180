//! The observer's sheet as the trainer types it in from paper: the five
//! steps' scores and comments, whether the customer left with the card's
//! feeling, and the result; the row the next digit goes to marked ▶.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{key_of, name_of};
use crate::app::drill::{SheetEntry, SheetRow};
use crate::app::keymap::Context;
use crate::app::{Action, Workshop};
use crate::model::drill::BehaviourStep;
use crate::model::drill::sheet::{COMMENT_AT_OR_BELOW, LeftWith, Sheet, Verdict};
use crate::tr;
use crate::ui::{theme, widgets};

/// The digit key for `n` on the sheet, as the key table binds it.
fn digit(n: u8) -> String {
    key_of(Context::DrillSheet, &Action::Digit(n))
}

/// A score as dots and its digit: ●●●○○ 3, or ○○○○○ – when not scored.
fn dots(score: Option<u8>) -> String {
    match score {
        Some(v) => {
            let v = usize::from(v.min(5));
            format!("{}{} {v}", "●".repeat(v), "○".repeat(5 - v))
        }
        None => "○○○○○ –".to_string(),
    }
}

fn left_with_text(l: LeftWith) -> &'static str {
    match l {
        LeftWith::Yes => tr!("drill.left.yes"),
        LeftWith::Partly => tr!("drill.left.partly"),
        LeftWith::No => tr!("drill.left.no"),
    }
}

fn verdict_text(v: Verdict) -> String {
    match v {
        Verdict::Passed => format!("✓ {}", tr!("drill.verdict.passed")),
        Verdict::NotYet => tr!("drill.verdict.not_yet").to_string(),
    }
}

/// Draws the sheet being typed in, over the round.
pub(super) fn draw(w: &Workshop, entry: &SheetEntry, frame: &mut Frame, area: Rect) {
    let drill = &w.session.drill;
    let empty = Sheet::new(entry.round, entry.trio, entry.staff);
    let sheet = drill.sheet(entry.round, entry.staff).unwrap_or(&empty);
    // A sheet begun says the card it was played on; a new one, the card
    // its trio is dealt.
    let card = drill
        .sheet(entry.round, entry.staff)
        .map_or_else(
            || drill.card_in(entry.trio, entry.round),
            |s| drill.card_of(s),
        )
        .and_then(|id| drill.card(id).map(|c| (id, c)));
    let row = entry.row.min(SheetRow::ALL.len() - 1);
    let width = area.width.saturating_sub(2).min(96);
    // The card, a blank, five steps, the feeling (two rows), the result.
    let height = 12.min(area.height);
    let popup = widgets::centered(area, width, height);
    crate::ui::clear_popup(frame, popup);
    let filled = sheet.scores.iter().filter(|v| v.is_some()).count()
        + usize::from(sheet.left_with.is_some())
        + usize::from(sheet.verdict.is_some());
    let progress = if sheet.is_complete() {
        Span::styled(
            format!(" ✓ {} ", tr!("drill.sheet.complete")),
            theme::good(),
        )
    } else {
        Span::styled(
            format!(" {} ", tr!("drill.sheet.progress", done = filled, all = 7)),
            theme::quiet(),
        )
    };
    let title = tr!(
        "drill.sheet.title",
        name = name_of(w, entry.staff),
        trio = entry.trio,
        round = entry.round + 1
    );
    let block = Block::bordered()
        .title(Span::styled(
            format!(
                " {} ",
                widgets::fit(&title, usize::from(width).saturating_sub(16))
            ),
            theme::label(),
        ))
        .title_bottom(Line::from(progress).right_aligned())
        .border_style(theme::label());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let cols = usize::from(inner.width);
    let labels: Vec<&str> = BehaviourStep::ALL
        .iter()
        .map(|s| s.name())
        .chain([tr!("drill.sheet.left_with"), tr!("drill.sheet.result")])
        .collect();
    let label_w = widgets::widest(labels.iter().copied(), 0);
    let mut lines: Vec<Line> = Vec::new();
    // A card noted on the sheet and taken out of the deck since is still
    // named by its number, not mistaken for no card at all.
    let noted = drill.sheet(entry.round, entry.staff).and_then(|s| s.card);
    let card_line = match (card, noted) {
        (Some((id, c)), _) => Span::styled(
            tr!("drill.round.card", id = id, title = c.title.trim()),
            theme::quiet(),
        ),
        (None, Some(id)) => Span::styled(tr!("drill.sheet.card_gone", id = id), theme::quiet()),
        (None, None) => Span::styled(format!("⚠ {}", tr!("drill.round.no_card")), theme::warn()),
    };
    lines.push(Line::from(widgets::fit(&card_line.content, cols)).style(card_line.style));
    lines.push(Line::from(""));
    let head = |i: usize, label: &str| {
        let sel = i == row;
        let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
        let style = if sel {
            theme::selected()
        } else {
            theme::label()
        };
        Span::styled(format!("{marker}{}", widgets::pad(label, label_w)), style)
    };
    // Where on a step's row its comment starts: a field goes there.
    let mut comment_at = None;
    for (i, r) in SheetRow::ALL.iter().enumerate() {
        let sel = i == row;
        let mut spans = Vec::new();
        match r {
            SheetRow::Step(step) => {
                spans.push(head(i, step.name()));
                let score = sheet.score_of(*step);
                spans.push(Span::styled(
                    format!("  {}", dots(score)),
                    if score.is_some() {
                        theme::text()
                    } else {
                        theme::quiet()
                    },
                ));
                if sel {
                    spans.push(Span::styled(
                        format!("  {}-{}", digit(1), digit(5)),
                        theme::key(),
                    ));
                }
                spans.push(Span::raw("  "));
                let used: usize = spans.iter().map(Span::width).sum();
                let room = cols.saturating_sub(used);
                if entry.comment.as_ref().is_some_and(|(s, _)| s == step) {
                    spans.push(Span::styled("✎ ", theme::label()));
                    comment_at = Some((lines.len(), used + 2));
                } else {
                    let comment = sheet.comment(*step).trim();
                    let needed = score.is_some_and(|v| v <= COMMENT_AT_OR_BELOW);
                    if !comment.is_empty() {
                        spans.push(Span::styled(
                            widgets::fit(&format!("“{comment}”"), room),
                            theme::text(),
                        ));
                    } else if needed {
                        spans.push(Span::styled(
                            widgets::fit(&format!("⚠ {}", tr!("drill.sheet.comment_needed")), room),
                            theme::warn(),
                        ));
                    }
                }
                lines.push(Line::from(spans));
            }
            SheetRow::LeftWith => {
                spans.push(head(i, tr!("drill.sheet.left_with")));
                let value = sheet.left_with.map_or("–", left_with_text);
                spans.push(Span::styled(format!("  {value}"), theme::text()));
                if sel {
                    spans.push(Span::raw("  "));
                    spans.extend(options(&[
                        (1, tr!("drill.left.yes")),
                        (2, tr!("drill.left.partly")),
                        (3, tr!("drill.left.no")),
                    ]));
                }
                lines.push(Line::from(spans));
                // The feeling the card asked for, for the trainer to read out.
                let feeling = card.map(|(_, c)| c.feeling.trim()).unwrap_or_default();
                let indent = " ".repeat(2 + label_w + 2);
                let text = if feeling.is_empty() {
                    Span::styled(format!("{indent}–"), theme::quiet())
                } else {
                    Span::styled(
                        widgets::fit(&format!("{indent}“{feeling}”"), cols),
                        theme::quiet(),
                    )
                };
                lines.push(Line::from(text));
            }
            SheetRow::Verdict => {
                spans.push(head(i, tr!("drill.sheet.result")));
                let value = sheet.verdict.map_or_else(|| "–".to_string(), verdict_text);
                spans.push(Span::styled(format!("  {value}"), theme::text()));
                if sel {
                    spans.push(Span::raw("  "));
                    spans.extend(options(&[
                        (1, tr!("drill.verdict.passed")),
                        (2, tr!("drill.verdict.not_yet")),
                    ]));
                }
                lines.push(Line::from(spans));
            }
        }
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .map(|l| {
            let style = l.style;
            Line::from(super::tiles::fit_spans(&l.spans, cols)).style(style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
    if let (Some((_, field)), Some((y, x))) = (&entry.comment, comment_at) {
        let y = inner.y + y as u16;
        if y < inner.bottom() {
            let x = inner.x + x as u16;
            let rect = Rect::new(x, y, inner.right().saturating_sub(x), 1);
            crate::ui::text_field(field, true, Block::new(), frame, rect);
        }
    }
}

/// The digits a row takes with what each means: "1 yes · 2 partly · 3 no".
fn options(items: &[(u8, &str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (i, (n, word)) in items.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", theme::quiet()));
        }
        spans.push(Span::styled(digit(*n), theme::key()));
        spans.push(Span::styled(format!(" {word}"), theme::quiet()));
    }
    spans
}
