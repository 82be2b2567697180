//! The help overlay: every key of the current screen, from the keymap itself.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{theme, widgets};
use crate::app::App;
use crate::app::keymap::{BINDINGS, keys_text, screen_contexts};
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
    let mut last = "";
    for ctx in screen_contexts(app) {
        // A context under the previous one's heading continues its list.
        if ctx.title_key() != last {
            out.push(HelpLine::Heading(ctx.title()));
        }
        last = ctx.title_key();
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == ctx && !b.help.is_empty())
        {
            out.push(HelpLine::Key(keys_text(b), b.help_text()));
        }
    }
    out
}

/// Widest key column before the keys get a row of their own.
const MAX_KEYS_W: usize = 14;

/// The rows of one column of help `width` wide: keys padded to the column's
/// widest (up to [`MAX_KEYS_W`]), what they do wrapped beside them, never cut.
fn render_lines(entries: &[HelpLine], width: usize) -> Vec<Line<'static>> {
    let keys_w = entries
        .iter()
        .filter_map(|e| match e {
            HelpLine::Key(k, _) => Some(widgets::width(k)),
            HelpLine::Heading(_) => None,
        })
        .filter(|w| *w <= MAX_KEYS_W)
        .max()
        .unwrap_or(0);
    let text_w = width.saturating_sub(keys_w + 1).max(8);
    let mut out = Vec::new();
    for e in entries {
        match e {
            HelpLine::Heading(h) => {
                out.push(Line::from(Span::styled(h.to_string(), theme::label())));
            }
            HelpLine::Key(k, h) => {
                let mut rows = widgets::wrap(&Line::from(h.to_string()), text_w).into_iter();
                if widgets::width(k) > keys_w {
                    out.push(Line::from(Span::styled(k.clone(), theme::key())));
                } else if let Some(first) = rows.next() {
                    let mut spans = vec![
                        Span::styled(widgets::pad(k, keys_w), theme::key()),
                        Span::raw(" "),
                    ];
                    spans.extend(first.spans);
                    out.push(Line::from(spans));
                }
                for row in rows {
                    let mut spans = vec![Span::raw(" ".repeat(keys_w + 1))];
                    spans.extend(row.spans);
                    out.push(Line::from(spans));
                }
            }
        }
    }
    out
}

/// The overlay's width and its columns of rows, for a screen of `area`.
fn columns(app: &App, area: Rect) -> (u16, Vec<Vec<Line<'static>>>) {
    let entries = entries(app);
    let max_h = area.height.saturating_sub(2);
    let one_w = 72.min(area.width);
    let one = render_lines(&entries, usize::from(one_w.saturating_sub(2)));
    let two_w = area.width;
    // Each column of two: half the inside, less a column between them.
    let col_w = usize::from(two_w.saturating_sub(3) / 2);
    let (width, columns): (u16, Vec<Vec<Line<'static>>>) = if one.len() as u16 + 2 <= max_h {
        (one_w, vec![one])
    } else {
        // Split at the heading that balances the two columns best, so a
        // context stays together; any entry when no heading will do.
        let splits: Vec<usize> = (1..entries.len())
            .filter(|i| matches!(entries[*i], HelpLine::Heading(_)))
            .chain(1..entries.len())
            .collect();
        let best = splits
            .into_iter()
            .map(|i| {
                let (a, b) = entries.split_at(i);
                let (a, b) = (render_lines(a, col_w), render_lines(b, col_w));
                let tall = a.len().max(b.len());
                let at_heading = matches!(entries[i], HelpLine::Heading(_));
                // Fitting first, then a split at a heading, then balance.
                let key = (tall as u16 + 2 > max_h, !at_heading, tall);
                (key, vec![a, b])
            })
            .min_by_key(|(key, _)| *key)
            .map(|(_, cols)| cols)
            .unwrap_or_default();
        (two_w, best)
    };
    (width, columns)
}

/// The overlay's columns as plain rows of text (what tests read to see that
/// every key shows whole).
pub fn columns_text(app: &App, area: Rect) -> Vec<Vec<String>> {
    columns(app, area)
        .1
        .iter()
        .map(|col| col.iter().map(|l| l.to_string()).collect())
        .collect()
}

/// Draws the overlay, in one or two columns, as tall as it must be, so that
/// every key of the screen shows whole at 80x24 in every language.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let (width, columns) = columns(app, area);
    let max_h = area.height.saturating_sub(2);
    let height = (columns.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2).min(max_h);
    let popup = widgets::centered(area, width, height);
    super::clear_popup(frame, popup);
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
    // Y copies through the terminal; in tmux that needs one setting, said
    // where the keys are explained (the key's own line has no room at 80x24).
    let block = if screen_contexts(app).contains(&crate::app::keymap::Context::Report) {
        block.title_bottom(
            Line::from(Span::styled(
                format!(" {} ", tr!("ui.help.tmux_clipboard")),
                theme::quiet(),
            ))
            .right_aligned(),
        )
    } else {
        block
    };
    let total = columns.iter().map(Vec::len).max().unwrap_or(0) as u16;
    let visible = height.saturating_sub(2);
    app.help_scroll_max.set(total.saturating_sub(visible));
    let scroll = app.help_scroll.min(total.saturating_sub(visible));
    // Taller than the screen: say so, and where the view is.
    let block = if total > visible {
        let arrow = if scroll + visible < total {
            "↓"
        } else {
            "↑"
        };
        block.title_bottom(
            Line::from(Span::styled(
                format!(" {arrow} {}/{total} ", scroll + visible),
                theme::key(),
            ))
            .right_aligned(),
        )
    } else {
        block
    };
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    if let [left, right] = columns.as_slice() {
        let col_w = inner.width.saturating_sub(1) / 2;
        let [l, _, r] = Layout::horizontal([
            Constraint::Length(col_w),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        frame.render_widget(Paragraph::new(left.clone()).scroll((scroll, 0)), l);
        frame.render_widget(Paragraph::new(right.clone()).scroll((scroll, 0)), r);
    } else if let Some(lines) = columns.first() {
        frame.render_widget(Paragraph::new(lines.clone()).scroll((scroll, 0)), inner);
    }
}
