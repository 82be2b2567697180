//! The session picker: the sessions in the folder, newest first.

use std::time::SystemTime;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::{theme, widgets};
use crate::app::{Picker, Target};
use crate::tr;

/// The top bar of the picker.
pub fn draw_title(p: &Picker, frame: &mut Frame, area: Rect) {
    let folder = p.dir.display().to_string();
    let head = format!(" MOT  {} ", tr!("ui.picker.title"));
    let room = (area.width as usize).saturating_sub(widgets::width(&head) + 2);
    let line = Line::from(vec![
        Span::styled(head, theme::stage_current()),
        Span::styled(format!(" {}", widgets::fit(&folder, room)), theme::bar()),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme::bar()), area);
}

/// "5 min ago" style ages; plain dates past a month.
pub fn age(modified: Option<SystemTime>, now: SystemTime) -> String {
    let Some(t) = modified else { return "?".into() };
    let secs = now.duration_since(t).map(|d| d.as_secs()).unwrap_or(0);
    match secs {
        0..=59 => tr!("ui.picker.just_now").into(),
        60..=3599 => tr!("ui.picker.minutes_ago", n = secs / 60),
        3600..=86_399 => tr!("ui.picker.hours_ago", n = secs / 3600),
        86_400..=2_591_999 => tr!("ui.picker.days_ago", n = secs / 86_400),
        // A file's day of last change (UTC), as the report dates it.
        _ => crate::calendar::Date::of(t).map_or_else(|| "?".into(), |d| d.to_string()),
    }
}

/// The list of sessions, or how to start when there are none.
pub fn draw(p: &Picker, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", tr!("ui.picker.sessions")),
        theme::label(),
    ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if p.entries.is_empty() {
        let text = vec![
            Line::from(""),
            Line::from(Span::styled(
                format!("  {}", tr!("ui.picker.empty")),
                theme::label(),
            )),
            Line::from(""),
            Line::from(widgets::keyed(
                &format!("  {}", tr!("ui.picker.empty_keys")),
                &[
                    ("new", Span::styled("n", theme::key())),
                    ("quit", Span::styled("q", theme::key())),
                ],
            )),
        ];
        frame.render_widget(Paragraph::new(text), inner);
    } else {
        let [head, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        let w = inner.width as usize;
        let (h_title, h_age, h_mots, h_file) = (
            tr!("ui.picker.col_title"),
            tr!("ui.picker.col_changed"),
            tr!("ui.picker.col_mots"),
            tr!("ui.picker.col_file"),
        );
        // Columns as wide as their heading in the language on show, at least.
        let age_w = widgets::widest([h_age], 11) + 1;
        let mots_w = widgets::widest([h_mots], 5) + 1;
        let now = SystemTime::now();
        let range = widgets::window(p.selected, p.entries.len(), list.height as usize, &p.scroll);
        super::note_rows(list, range.clone(), Target::Session);
        let rows: Vec<Row> = range.clone().map(|i| row(p, i)).collect();
        // The file column takes the width the titles leave free: whole file
        // names when they fit beside whole titles, else what is spare; at
        // 100 columns and more, 28 at least.
        let fixed = 2 + age_w + mots_w + 3;
        let titles = widgets::widest(
            rows.iter().map(|r| r.title.as_str()),
            widgets::width(h_title),
        );
        let files = widgets::widest(rows.iter().map(|r| r.file.as_str()), widgets::width(h_file));
        let free = w.saturating_sub(fixed + titles + 1);
        let file_w = if free >= files {
            files
        } else if w >= 100 {
            free.max(28)
        } else if free >= 12 {
            free
        } else {
            0
        };
        let title_w = w.saturating_sub(fixed + file_w);
        let header = format!(
            "  {} {} {}{}",
            widgets::pad(h_title, title_w),
            widgets::pad(h_age, age_w),
            widgets::pad(h_mots, mots_w),
            if file_w > 0 {
                format!(" {}", widgets::pad(h_file, file_w))
            } else {
                String::new()
            }
        );
        frame.render_widget(Paragraph::new(Span::styled(header, theme::label())), head);
        let lines: Vec<Line> = range
            .zip(rows)
            .map(|(i, r)| {
                let e = &p.entries[i];
                let sel = i == p.selected;
                let text = format!(
                    "{}{} {} {}{}",
                    if sel { theme::MARKER } else { theme::NO_MARKER },
                    widgets::pad(&r.title, title_w),
                    widgets::pad(&age(e.modified, now), age_w),
                    widgets::pad(&r.mots, mots_w),
                    if file_w > 0 {
                        // Cut in the middle: `-2.ron` tells two like names apart.
                        format!(
                            " {}",
                            widgets::pad(&widgets::fit_middle(&r.file, file_w), file_w)
                        )
                    } else {
                        String::new()
                    }
                );
                Line::from(Span::styled(
                    text,
                    if sel { theme::selected() } else { r.style },
                ))
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
    }
    if let Some(field) = &p.new_title {
        // Two more rows to say, wrapped, whose setup the session starts from.
        let from_rows = if p.template.is_some() { 2 } else { 0 };
        let popup = widgets::centered(area, 60, 5 + from_rows);
        super::clear_popup(frame, popup);
        let block = Block::bordered()
            .title(Span::styled(
                format!(" {} ", tr!("ui.picker.new_title")),
                theme::label(),
            ))
            .title_bottom(Line::from(vec![
                Span::styled(" Enter ", theme::key()),
                Span::raw(format!("{}  ", tr!("ui.picker.create"))),
                Span::styled(" Esc ", theme::key()),
                Span::raw(format!("{} ", tr!("ui.picker.cancel"))),
            ]));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [from, _, line] = Layout::vertical([
            Constraint::Length(from_rows),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        if let Some(t) = &p.template {
            let words = tr!(
                "ui.picker.from_template",
                title = crate::plain::escaped(&t.title)
            );
            frame.render_widget(
                Paragraph::new(Span::styled(words, theme::label())).wrap(Wrap { trim: true }),
                from,
            );
        }
        super::text_field(field, true, Block::new(), frame, line);
    }
}

/// One session of the list as its columns show it.
struct Row {
    title: String,
    file: String,
    mots: String,
    style: ratatui::style::Style,
}

fn row(p: &Picker, i: usize) -> Row {
    let e = &p.entries[i];
    let file = e
        .path
        .file_name()
        .map(|n| crate::plain::escaped(&n.to_string_lossy()).into_owned())
        .unwrap_or_default();
    let (mut title, mots, style) = match &e.summary {
        // Said in words, so it reads without color on a projector.
        // Escaped as `mot list` prints it: a control character
        // would shift the columns, a line separator break the row.
        Ok(s) if e.in_use => (
            tr!("ui.picker.in_use", title = crate::plain::escaped(&s.title)),
            s.mots.to_string(),
            theme::text(),
        ),
        Ok(s) => (
            crate::plain::escaped(&s.title).into_owned(),
            s.mots.to_string(),
            theme::text(),
        ),
        Err(err) => (format!("⚠ {file}: {err}"), "-".into(), theme::warn()),
    };
    // Marked to merge: its place in the order, which says whose groups
    // and setup the merge takes.
    if let Some(n) = p.marked.iter().position(|m| *m == e.path) {
        title = tr!("merge.picker.row", n = n + 1, title = title);
    }
    if e.recovery && e.summary.is_ok() {
        title = tr!("ui.picker.recovery", title = title);
    }
    if e.link {
        title = tr!("ui.picker.link", title = title);
    }
    if e.read_only.is_some() {
        title = tr!("ui.picker.read_only", title = title);
    }
    if e.lock_refused {
        title = tr!("ui.picker.lock_refused", title = title);
    }
    Row {
        title,
        file,
        mots,
        style,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn ages_read_like_people_talk() {
        crate::i18n::set(crate::i18n::Language::English);
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let ago = |s| Some(now - Duration::from_secs(s));
        assert_eq!(age(ago(5), now), "just now");
        assert_eq!(age(ago(600), now), "10 min ago");
        assert_eq!(age(ago(7200), now), "2 h ago");
        assert_eq!(age(ago(3 * 86_400), now), "3 days ago");
        assert_eq!(age(Some(SystemTime::UNIX_EPOCH), now), "1970-01-01");
        assert_eq!(age(None, now), "?");
        crate::i18n::set(crate::i18n::Language::SimplifiedChinese);
        assert_eq!(age(ago(5), now), "刚刚");
        assert_eq!(age(ago(600), now), "10 分钟前");
        crate::i18n::set(crate::i18n::Language::TraditionalChinese);
        assert_eq!(age(ago(7200), now), "2 小時前");
        crate::i18n::set(crate::i18n::Language::English);
    }
}
