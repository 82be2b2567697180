//! The help overlay: every key of the current screen, from the keymap itself.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::{theme, widgets};
use crate::app::App;
use crate::app::keymap::{BINDINGS, Context, keys_label, screen_contexts};
use crate::tr;

/// One help entry: a heading, or keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A context's heading.
    Heading(&'static str),
    /// Keys and their meaning.
    Key(String, &'static str),
}

/// The help for the screen under the overlay, grouped by context.
pub fn entries(app: &App) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for ctx in screen_contexts(app) {
        out.push(HelpLine::Heading(ctx.title()));
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == ctx && !b.help.is_empty())
        {
            let keys =
                if b.context == Context::VoteHands && b.action == crate::app::Action::Digit(0) {
                    "0-9".to_string()
                } else {
                    keys_label(b)
                };
            out.push(HelpLine::Key(keys, b.help_text()));
        }
    }
    out
}

fn render_lines(entries: &[HelpLine], keys_w: usize, width: usize) -> Vec<Line<'static>> {
    entries
        .iter()
        .map(|e| match e {
            HelpLine::Heading(h) => Line::from(Span::styled(h.to_string(), theme::label())),
            HelpLine::Key(k, h) => Line::from(vec![
                Span::styled(widgets::pad(k, keys_w), theme::key()),
                Span::raw(" "),
                Span::raw(widgets::fit(h, width.saturating_sub(keys_w + 1))),
            ]),
        })
        .collect()
}

/// Draws the overlay, in one or two columns so it fits 80x24.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let entries = entries(app);
    let keys_w = entries
        .iter()
        .map(|e| match e {
            HelpLine::Key(k, _) => widgets::width(k),
            HelpLine::Heading(_) => 0,
        })
        .max()
        .unwrap_or(0)
        .min(22);
    let max_h = area.height.saturating_sub(2);
    let one_col_h = entries.len() as u16 + 2;
    let two_cols = one_col_h > max_h;
    // Split at a heading where possible so a context stays together.
    let half = entries.len().div_ceil(2);
    let split = (half.saturating_sub(4)..=half)
        .rev()
        .find(|i| matches!(entries.get(*i), Some(HelpLine::Heading(_))))
        .unwrap_or(half);
    let width = if two_cols {
        area.width.saturating_sub(2)
    } else {
        72.min(area.width)
    };
    let height = if two_cols {
        split.max(entries.len() - split) as u16 + 2
    } else {
        one_col_h
    }
    .min(max_h);
    let popup = widgets::centered(area, width, height);
    frame.render_widget(Clear, popup);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", tr!("ui.help.title")),
            theme::label(),
        ))
        .title_bottom(Line::from(
            widgets::keyed(
                tr!("ui.help.closes"),
                &[
                    ("help", Span::styled(" ? ", theme::key())),
                    ("esc", Span::styled("Esc", theme::key())),
                ],
            )
            .into_iter()
            .chain([Span::raw(" ")])
            .collect::<Vec<_>>(),
        ))
        .border_style(theme::label());
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if two_cols {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(inner);
        let (a, b) = entries.split_at(split);
        frame.render_widget(
            Paragraph::new(render_lines(a, keys_w, left.width as usize)),
            left,
        );
        frame.render_widget(
            Paragraph::new(render_lines(b, keys_w, right.width as usize)),
            right,
        );
    } else {
        frame.render_widget(
            Paragraph::new(render_lines(&entries, keys_w, inner.width as usize)),
            inner,
        );
    }
}
