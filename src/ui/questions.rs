//! The questions asked before something could be lost: opening a session
//! another `mot` holds, restoring from a backup or a crash, quitting unsaved.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{text_field, theme, widgets};
use crate::app::keymap::{BINDINGS, Context, keys_label};
use crate::app::{Offer, QuitPrompt};
use crate::tr;

/// The keys of a question, from the one key table, one per line.
fn key_lines(ctx: Context, skip_take_over: bool) -> Vec<Line<'static>> {
    BINDINGS
        .iter()
        .filter(|b| b.context == ctx)
        .filter(|b| !(skip_take_over && b.action == crate::app::Action::TakeOver))
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {} ", keys_label(b)), theme::key()),
                Span::raw(format!(" {}", b.help_text())),
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

/// The width of a question's box in `area`.
fn popup_width(area: Rect) -> u16 {
    area.width.saturating_sub(4).min(72)
}

/// The lines wrapped to `inner` columns, row by row (between words, or
/// beside any Chinese character), so their number is known before drawing.
fn wrapped(lines: &[Line<'_>], inner: u16) -> Vec<Line<'static>> {
    lines
        .iter()
        .flat_map(|l| widgets::wrap(l, usize::from(inner)))
        .collect()
}

/// Draws a bordered question in the middle of `area`; returns its rectangle.
fn popup(
    title: &str,
    style: Style,
    lines: Vec<Line<'static>>,
    frame: &mut Frame,
    area: Rect,
) -> Rect {
    let width = popup_width(area);
    let lines = wrapped(&lines, width.saturating_sub(2));
    let height = (lines.len() as u16 + 2).min(area.height);
    let rect = widgets::centered(area, width, height);
    super::clear_popup(frame, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), style))
        .border_style(style);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
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
            if *can_take_over {
                tr!("ui.questions.in_use")
            } else {
                tr!("ui.questions.cannot_lock")
            },
            vec![
                Line::from(Span::styled(file_name(path), theme::label())),
                Line::from(if *can_take_over {
                    tr!("ui.questions.open_elsewhere", holder = holder)
                } else {
                    holder.clone()
                }),
                Line::from(tr!("ui.questions.two_copies")),
            ],
            Context::Locked,
            !*can_take_over,
        ),
        Offer::Backup {
            path,
            problem,
            backup,
        } => (
            tr!("ui.questions.unreadable"),
            vec![
                Line::from(Span::styled(problem.clone(), theme::error())),
                Line::from(""),
                Line::from(tr!("ui.questions.backup_exists", backup = backup)),
                Line::from(tr!("ui.questions.open_backup", file = file_name(path))),
            ],
            Context::Restore,
            false,
        ),
        Offer::Recovery {
            path,
            recovery,
            saved: None,
            ..
        } => (
            tr!("ui.questions.recover"),
            vec![
                Line::from(Span::styled(file_name(path), theme::label())),
                Line::from(tr!("ui.questions.recovery_newer", recovery = recovery)),
                Line::from(tr!("ui.questions.only_recovery", file = file_name(path))),
            ],
            Context::RecoveryOnly,
            false,
        ),
        Offer::Recovery {
            path,
            recovery,
            saved: Some(saved),
            conflict: false,
        } => (
            tr!("ui.questions.recover"),
            vec![
                Line::from(Span::styled(file_name(path), theme::label())),
                Line::from(tr!("ui.questions.recovery_newer", recovery = recovery)),
                Line::from(tr!("ui.questions.saved_file", saved = saved)),
                Line::from(tr!("ui.questions.open_recovered")),
            ],
            Context::Recovery,
            false,
        ),
        Offer::Recovery {
            path,
            recovery,
            saved: Some(saved),
            conflict: true,
        } => (
            tr!("ui.questions.recovery_conflict_title"),
            vec![
                Line::from(Span::styled(file_name(path), theme::label())),
                Line::from(tr!("ui.questions.recovery_conflict", recovery = recovery)),
                Line::from(tr!("ui.questions.saved_file", saved = saved)),
                Line::from(tr!("ui.questions.keep_both")),
            ],
            Context::RecoveryConflict,
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
            tr!("ui.questions.not_saved", file = file_name(path)),
            theme::label(),
        )),
        Line::from(Span::styled(q.reason.clone(), theme::error())),
        Line::from(tr!("ui.questions.in_memory")),
        Line::from(""),
    ];
    let Some(field) = &q.elsewhere else {
        lines.extend(key_lines(Context::Unsaved, false));
        popup(
            tr!("ui.questions.quit_unsaved"),
            theme::error(),
            lines,
            frame,
            area,
        );
        return;
    };
    lines.push(Line::from(tr!("ui.questions.write_elsewhere")));
    let above = wrapped(&lines, popup_width(area).saturating_sub(2)).len() as u16;
    // Three blank rows where the field goes.
    lines.extend([Line::from(""), Line::from(""), Line::from("")]);
    let rect = popup(
        tr!("ui.questions.quit_unsaved"),
        theme::error(),
        lines,
        frame,
        area,
    );
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
