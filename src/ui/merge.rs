//! The picker's merge of marked sessions: the title asked for, then what
//! stopped the merge or what it did, in a popup read and closed.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{text_field, theme, widgets};
use crate::app::keymap::{BINDINGS, Context, keys_label};
use crate::app::{MergeView, Picker, Scroll};
use crate::tr;

/// Draws the merge under way over the picker's list.
pub fn draw(p: &Picker, view: &MergeView, frame: &mut Frame, area: Rect) {
    match view {
        MergeView::Title(field) => title(p, field, frame, area),
        MergeView::Conflicts {
            lines,
            scroll,
            weights_settle,
            ..
        } => {
            let lines: Vec<Line> = lines
                .iter()
                .enumerate()
                // The first line says the merge stopped; the command to copy stands out.
                .map(|(i, l)| match i {
                    0 => Line::from(Span::styled(l.clone(), theme::error())),
                    _ if l.starts_with("mot merge") => {
                        Line::from(Span::styled(l.clone(), theme::label()))
                    }
                    _ => Line::from(l.clone()),
                })
                .collect();
            scrolled_popup(
                tr!("merge.picker.stopped"),
                theme::warn(),
                &lines,
                (Context::MergeConflicts, *weights_settle),
                scroll,
                frame,
                area,
            );
        }
        MergeView::Summary { lines, scroll } => {
            let lines: Vec<Line> = lines
                .iter()
                .enumerate()
                .map(|(i, l)| match i {
                    0 => Line::from(Span::styled(l.clone(), theme::label())),
                    _ => Line::from(l.clone()),
                })
                .collect();
            scrolled_popup(
                tr!("merge.picker.done"),
                theme::good(),
                &lines,
                (Context::MergeSummary, false),
                scroll,
                frame,
                area,
            );
        }
    }
}

/// The keys of a merge popup, from the one key table; `w` only where the
/// first session's weights settle the conflicts, the scrolling keys only
/// where there is something to scroll.
fn key_lines(ctx: Context, weights: bool, scrolls: bool) -> Vec<Line<'static>> {
    use crate::app::Action;
    BINDINGS
        .iter()
        .filter(|b| b.context == ctx)
        .filter(|b| weights || b.action != Action::FirstWeights)
        .filter(|b| scrolls || !matches!(b.action, Action::PageUp | Action::PageDown))
        .map(|b| {
            Line::from(vec![
                Span::styled(format!(" {} ", keys_label(b)), theme::key()),
                Span::raw(format!(" {}", b.help_text())),
            ])
        })
        .collect()
}

/// A bordered popup of `lines`, wrapped, shown from line `scroll` when
/// they do not all fit, with the keys of `ctx` always at its foot.
fn scrolled_popup(
    title: &str,
    style: Style,
    lines: &[Line<'_>],
    (ctx, weights): (Context, bool),
    scroll: &Scroll,
    frame: &mut Frame,
    area: Rect,
) {
    let width = area.width.saturating_sub(4).min(96);
    let inner = usize::from(width.saturating_sub(2));
    let body = widgets::wrap_all(lines, inner, false);
    let keys = widgets::wrap_all(&key_lines(ctx, weights, false), inner, false);
    let fits = body.len() + keys.len() + 3 <= usize::from(area.height);
    let keys = if fits {
        keys
    } else {
        widgets::wrap_all(&key_lines(ctx, weights, true), inner, false)
    };
    let foot = keys.len() as u16 + 1;
    let wanted = body.len() as u16 + foot + 2;
    let height = wanted.min(area.height);
    let rect = widgets::centered(area, width, height);
    super::clear_popup(frame, rect);
    let block = Block::bordered()
        .title(Span::styled(format!(" {title} "), style))
        .border_style(style);
    let room = block.inner(rect);
    frame.render_widget(block, rect);
    let [text, _, foot_area] = Layout::vertical([
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(keys.len() as u16),
    ])
    .areas(room);
    let shown = usize::from(text.height);
    let total = body.len();
    // Scrolled no further than the last line at the bottom.
    scroll.max.set(total.saturating_sub(shown));
    let top = scroll.top.min(scroll.max.get());
    let mut visible: Vec<Line> = body.into_iter().skip(top).take(shown).collect();
    // What is below is said, so nobody closes a summary half read.
    if top + shown < total
        && let Some(last) = visible.last_mut()
    {
        *last = Line::from(Span::styled("  ↓ …", theme::quiet()));
    }
    frame.render_widget(Paragraph::new(visible), text);
    frame.render_widget(Paragraph::new(keys), foot_area);
}

/// The title of the merged session, asked for with the marked sessions
/// named in order: the first gives the groups and the setup.
fn title(p: &Picker, field: &crate::app::TextField, frame: &mut Frame, area: Rect) {
    let titles: Vec<String> = p
        .marked
        .iter()
        .filter_map(|path| p.entries.iter().find(|e| e.path == *path))
        .filter_map(|e| e.summary.as_ref().ok())
        .map(|s| tr!("merge.quoted", text = crate::plain::escaped(&s.title)))
        .collect();
    let width = area.width.saturating_sub(4).min(72);
    let order = Line::from(Span::styled(
        tr!(
            "merge.picker.order",
            titles = titles.join(tr!("merge.list_separator"))
        ),
        theme::label(),
    ));
    let mut order = widgets::wrap(&order, usize::from(width.saturating_sub(2)));
    // At most four rows of names: the field must stay on screen.
    if order.len() > 4 {
        order.truncate(4);
        if let Some(last) = order.last_mut() {
            last.spans.push(Span::raw("…"));
        }
    }
    let rows = order.len() as u16;
    let popup = widgets::centered(area, width, rows + 4);
    super::clear_popup(frame, popup);
    let block = Block::bordered()
        .title(Span::styled(
            format!(" {} ", tr!("merge.picker.title", n = titles.len())),
            theme::label(),
        ))
        .title_bottom(Line::from(vec![
            Span::styled(" Enter ", theme::key()),
            Span::raw(format!("{}  ", tr!("merge.picker.merge"))),
            Span::styled(" Esc ", theme::key()),
            Span::raw(format!("{} ", tr!("ui.picker.cancel"))),
        ]));
    let inner = block.inner(popup);
    frame.render_widget(block, popup);
    let [names, _, line] = Layout::vertical([
        Constraint::Length(rows),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(order), names);
    text_field(field, true, Block::new(), frame, line);
}
