//! Write: the MOTs as sentences, one in detail, and the editor that coaches.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{theme, widgets};
use crate::app::{MotEditor, Target, Workshop};
use crate::model::{Mot, coach, sentence};
use crate::tr;

/// Draws the Write stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    if let Some(ed) = &w.editor {
        draw_editor(w, ed, frame, area);
        return;
    }
    let (list, detail) = if area.width >= 120 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
            .areas(area);
        (l, r)
    } else {
        let detail_h = (area.height / 2).clamp(6, 10);
        let [l, r] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(area);
        (l, r)
    };
    draw_list(w, frame, list);
    draw_detail(w, frame, detail);
}

/// One MOT as a list row: id, a warning mark when coaching applies, the sentence.
pub fn mot_row(m: &Mot, width: usize) -> String {
    let flag = if coach(m).is_empty() { "  " } else { "⚠ " };
    let head = format!("{:>4} {flag}", m.id);
    let room = width.saturating_sub(widgets::width(&head));
    format!("{head}{}", widgets::fit(&sentence(m), room))
}

fn draw_list(w: &Workshop, frame: &mut Frame, area: Rect) {
    let n = w.session.mots.len();
    let needs_work = w.derived.needs_work(&w.session);
    let mut title = vec![Span::styled(
        format!(" {} ", tr!("ui.write.count", n = n)),
        theme::label(),
    )];
    if needs_work > 0 {
        title.push(Span::styled(
            format!(" ⚠ {} ", tr!("ui.write.need_work", n = needs_work)),
            theme::warn(),
        ));
    }
    let block = Block::bordered().title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if n == 0 {
        let mut text = vec![
            Line::from(""),
            Line::from(Span::styled(
                format!("  {}", tr!("ui.write.empty")),
                theme::label(),
            )),
            Line::from(""),
            Line::from(widgets::keyed(
                &format!("  {}", tr!("ui.write.empty_keys")),
                &[("new", Span::styled("n", theme::key()))],
            )),
            Line::from(""),
        ];
        // The example is broken into lines by the catalog, where each language reads best.
        text.extend(
            tr!("ui.write.example")
                .lines()
                .map(|l| Line::from(Span::styled(format!("  {l}"), theme::quiet()))),
        );
        frame.render_widget(widgets::wrapped(&text, Block::new(), inner, false), inner);
        return;
    }
    let range = widgets::window(w.cursor, n, inner.height as usize, &w.scroll);
    super::note_rows(inner, range.clone(), Target::Mot);
    let lines: Vec<Line> = range
        .map(|i| {
            let m = &w.session.mots[i];
            let sel = i == w.cursor;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let row = mot_row(m, (inner.width as usize).saturating_sub(2));
            let style = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            Line::from(Span::styled(
                widgets::pad(&format!("{marker}{row}"), inner.width as usize),
                style,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_detail(w: &Workshop, frame: &mut Frame, area: Rect) {
    let Some(m) = w.selected_mot() else {
        frame.render_widget(Block::bordered().title(" MOT "), area);
        return;
    };
    let mut text = vec![
        Line::from(Span::styled(tr!("ui.write.who"), theme::label())),
        Line::from(format!("  {}", m.who)),
        Line::from(Span::styled(tr!("ui.write.situation"), theme::label())),
        Line::from(format!("  {}", m.situation)),
        Line::from(Span::styled(tr!("ui.write.feeling"), theme::label())),
        Line::from(format!("  {}", m.feeling)),
    ];
    let tags = match m.dimension {
        Some(d) => {
            let qs: Vec<&str> = m.qualities.iter().map(|q| q.name()).collect();
            format!(
                "{} · {}",
                d.name(),
                match qs.split_first() {
                    None => tr!("ui.write.no_quality").into(),
                    Some((first, rest)) => rest.iter().fold(first.to_string(), |list, q| {
                        tr!("ui.write.list", list = list, next = q)
                    }),
                }
            )
        }
        None => tr!("ui.write.not_tagged").into(),
    };
    text.push(Line::from(vec![
        Span::styled(format!("{} ", tr!("ui.write.tags")), theme::label()),
        Span::styled(tags, theme::quiet()),
    ]));
    let marks = super::choose::marks_text(m);
    if !marks.is_empty() {
        text.push(Line::from(Span::styled(marks, theme::good())));
    }
    for advice in coach(m) {
        text.push(Line::from(Span::styled(
            format!("⚠ {}", advice.message()),
            theme::warn(),
        )));
    }
    let block = Block::bordered().title(Span::styled(format!(" MOT {} ", m.id), theme::label()));
    frame.render_widget(widgets::wrapped(&text, block, area, true), area);
}

fn draw_editor(w: &Workshop, ed: &MotEditor, frame: &mut Frame, area: Rect) {
    // The marks of the MOT being edited stay in sight: editing keeps them.
    let marks = ed
        .mot
        .and_then(|id| w.session.mot(id))
        .map(super::choose::marks_text)
        .filter(|m| !m.is_empty());
    let title = match (ed.mot, marks) {
        (Some(id), Some(marks)) => format!(" {} · {marks} ", tr!("ui.write.editing", id = id)),
        (Some(id), None) => format!(" {} ", tr!("ui.write.editing", id = id)),
        (None, _) => format!(" {} ", tr!("ui.write.new")),
    };
    let outer = Block::bordered()
        .title(Span::styled(title, theme::label()))
        .border_style(theme::label());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let tall = inner.height >= 22;
    let situation_h = if tall { 5 } else { 4 };
    let [who, situation, feeling, preview, advice] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(situation_h),
        Constraint::Length(3),
        Constraint::Length(if tall { 5 } else { 4 }),
        Constraint::Min(0),
    ])
    .areas(inner);
    let names = [
        tr!("ui.write.field_who"),
        tr!("ui.write.field_situation"),
        tr!("ui.write.field_feeling"),
    ];
    for (i, r) in [who, situation, feeling].into_iter().enumerate() {
        super::labelled_field(&ed.fields[i], names[i], ed.focus == i, frame, r);
    }
    let text = ed.text();
    let preview_block = Block::bordered().title(Span::styled(
        format!(" {} ", tr!("ui.write.preview")),
        theme::quiet(),
    ));
    frame.render_widget(
        widgets::wrapped(&[Line::from(sentence(&text))], preview_block, preview, true),
        preview,
    );
    let advice_lines: Vec<Line> = coach(&text)
        .into_iter()
        .map(|a| Line::from(Span::styled(format!("⚠ {}", a.message()), theme::warn())))
        .collect();
    let advice_lines = if advice_lines.is_empty() {
        vec![Line::from(Span::styled(
            format!("✓ {}", tr!("ui.write.ready")),
            theme::good(),
        ))]
    } else {
        advice_lines
    };
    frame.render_widget(
        widgets::wrapped(&advice_lines, Block::new(), advice, true),
        advice,
    );
}
