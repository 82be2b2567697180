//! The questions asked before something could be lost: opening a session
//! another `mot` holds, restoring from a backup or a crash, quitting unsaved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::{text_field, theme, widgets};
use crate::app::keymap::{BINDINGS, Context, keys_label};
use crate::app::{Offer, QuitPrompt};

/// The keys of a question, from the one key table, one per line.
fn key_lines(ctx: Context, skip_take_over: bool) -> Vec<Line<'static>> {
    BINDINGS
        .iter()
        .filter(|b| b.context == ctx)
        .filter(|b| !(skip_take_over && b.action == crate::app::Action::TakeOver))
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {} ", keys_label(b)), theme::key()),
                Span::raw(format!(" {}", b.help)),
            ])
        })
        .collect()
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Rows the lines take when wrapped to `inner` columns.
fn rows(lines: &[Line<'_>], inner: u16) -> u16 {
    let inner = usize::from(inner.max(1));
    lines
        .iter()
        .map(|l| l.width().div_ceil(inner).max(1) as u16)
        .sum()
}

/// Draws a bordered question in the middle of `area`; returns its rectangle.
fn popup(
    title: &str,
    style: Style,
    lines: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
) -> Rect {
    let width = area.width.saturating_sub(4).min(72);
    let height = (rows(&lines, width.saturating_sub(2)) + 2).min(area.height);
    let rect = widgets::centered(area, width, height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), style))
        .border_style(style);
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        rect,
    );
    rect
}

/// A question the picker asks before opening a session.
pub fn offer(offer: &Offer, frame: &mut Frame, area: Rect) {
    let (title, mut lines, ctx, no_take_over) = match offer {
        Offer::Locked {
            path,
            holder,
            can_take_over,
        } => (
            "Session in use",
            vec![
                Line::from(Span::styled(file_name(path), theme::label())),
                Line::from(if *can_take_over {
                    format!("is open in another {holder}.")
                } else {
                    holder.clone()
                }),
                Line::from("Two copies writing one session would lose work."),
            ],
            Context::Locked,
            !*can_take_over,
        ),
        Offer::Backup {
            path,
            problem,
            backup,
        } => (
            "This session cannot be read",
            vec![
                Line::from(Span::styled(problem.clone(), theme::error())),
                Line::from(""),
                Line::from(format!("A good backup exists: {backup}.")),
                Line::from(format!(
                    "Open it instead? {} is not overwritten: it is kept as {}.unreadable.",
                    file_name(path),
                    file_name(path)
                )),
            ],
            Context::Restore,
            false,
        ),
        Offer::Recovery { path, recovery } => (
            "Recover after a crash",
            vec![
                Line::from(Span::styled(file_name(path), theme::label())),
                Line::from(format!(
                    "mot stopped before saving it. A recovery file is newer: {recovery}."
                )),
                Line::from("Open the recovered session? The file as saved becomes a backup."),
            ],
            Context::Recovery,
            false,
        ),
    };
    lines.push(Line::from(""));
    lines.extend(key_lines(ctx, no_take_over));
    popup(title, theme::warn(), lines, frame, area);
}

/// The question asked when quitting would lose the session.
pub fn quit_prompt(q: &QuitPrompt, path: &std::path::Path, frame: &mut Frame, area: Rect) {
    let mut lines = vec![
        Line::from(Span::styled(
            format!("{} could not be saved:", file_name(path)),
            theme::label(),
        )),
        Line::from(Span::styled(q.reason.clone(), theme::error())),
        Line::from("Everything is still here, in memory."),
        Line::from(""),
    ];
    let Some(field) = &q.elsewhere else {
        lines.extend(key_lines(Context::Unsaved, false));
        popup("Quit without saving?", theme::error(), lines, frame, area);
        return;
    };
    lines.push(Line::from(
        "Write it to this file (Enter), or Esc to go back:",
    ));
    let above = rows(
        &lines,
        area.width.saturating_sub(4).min(72).saturating_sub(2),
    );
    // Three blank rows where the field goes.
    lines.extend([Line::from(""), Line::from(""), Line::from("")]);
    let rect = popup("Quit without saving?", theme::error(), lines, frame, area);
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
