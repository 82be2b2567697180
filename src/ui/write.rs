//! Write: the MOTs as sentences, one in detail, and the editor that coaches.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{grow, theme, widgets};
use crate::app::{MotEditor, Target, Workshop};
use crate::model::{Mot, coach, sentence};
use crate::tr;

/// Draws the Write stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    if let Some(ed) = &w.editor {
        draw_editor(w, ed, frame, area);
        return;
    }
    let show = w.session.show_authors;
    let detail = w.selected_mot().map(|m| detail_lines(m, show));
    let (list, area_of_detail) = if area.width >= 120 {
        let [l, r] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
            .areas(area);
        (l, r)
    } else {
        // As tall as the whole MOT, the list keeping five rows.
        let want = detail.as_ref().map_or(6, |lines| {
            grow::rows(lines, usize::from(area.width.saturating_sub(2))) + 2
        });
        let most = area.height.saturating_sub(7).max(6);
        let detail_h = want.clamp(6, most);
        let [l, r] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(detail_h)]).areas(area);
        (l, r)
    };
    draw_list(w, frame, list);
    draw_detail(w, detail, frame, area_of_detail);
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
    let cols = inner.width as usize;
    let lines: Vec<Line> = range
        .map(|i| {
            let m = &w.session.mots[i];
            let sel = i == w.cursor;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let style = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            // Who sent it, dim after its text when the room sees authors;
            // a long name takes a third of the row at most.
            let author = m
                .shown_author(w.session.show_authors)
                .map(|a| widgets::fit(&format!(" · {a}"), cols / 3));
            let author_w = author.as_deref().map_or(0, widgets::width);
            let row = mot_row(m, cols.saturating_sub(2 + author_w));
            let main = format!("{marker}{row}");
            let rest = cols.saturating_sub(widgets::width(&main) + author_w);
            let mut spans = vec![Span::styled(main, style)];
            if let Some(a) = author {
                spans.push(Span::styled(
                    a,
                    if sel {
                        theme::selected()
                    } else {
                        theme::quiet()
                    },
                ));
            }
            spans.push(Span::styled(" ".repeat(rest), style));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_detail(w: &Workshop, text: Option<Vec<Line>>, frame: &mut Frame, area: Rect) {
    let show = w.session.show_authors;
    let (Some(m), Some(text)) = (w.selected_mot(), text) else {
        frame.render_widget(Block::bordered().title(" MOT "), area);
        return;
    };
    let block = Block::bordered().title(Span::styled(format!(" MOT {} ", m.id), theme::label()));
    let inner = block.inner(area);
    let cols = usize::from(inner.width).max(1);
    // The feeling stays in sight when the situation is too long for the pane.
    let lines = if grow::rows(&text, cols) <= inner.height {
        widgets::wrap_all(&text, cols, true)
    } else {
        grow::shorten_situation(m, usize::from(inner.height), cols, |t| {
            let mut short = m.clone();
            short.situation = t.situation.clone();
            widgets::wrap_all(&detail_lines(&short, show), cols, true)
        })
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// The selected MOT in full: its three parts, tags, where it came from
/// (and who sent it, when the room sees authors: `show`), marks and advice.
fn detail_lines(m: &Mot, show: bool) -> Vec<Line<'static>> {
    let mut text = vec![
        Line::from(Span::styled(tr!("ui.write.who"), theme::label())),
        Line::from(format!("  {}", m.who)),
        Line::from(Span::styled(tr!("ui.write.situation"), theme::label())),
        Line::from(format!("  {}", m.situation)),
        Line::from(Span::styled(tr!("ui.write.feeling"), theme::label())),
        Line::from(format!("  {}", m.feeling)),
    ];
    let tags = tags_text(m);
    text.push(Line::from(vec![
        Span::styled(format!("{} ", tr!("ui.write.tags")), theme::label()),
        Span::styled(tags, theme::quiet()),
    ]));
    if let Some(said) = m.provenance(show) {
        text.push(Line::from(Span::styled(said, theme::quiet())));
    }
    // The wording of duplicates merged into it: a few, and how many more,
    // so a MOT a hall wrote many times does not fill the detail.
    const NOTES_SHOWN: usize = 3;
    for n in m.notes.iter().take(NOTES_SHOWN) {
        let mut said = tr!("ui.write.merged_note", sentence = sentence(n));
        // Where the merged wording came from, so a breakout's MOT kept
        // under another's text still says which breakout wrote it.
        if let Some(o) = &n.origin {
            said = format!("{said} · {}", o.words());
        }
        text.push(Line::from(Span::styled(said, theme::quiet())));
    }
    if m.notes.len() > NOTES_SHOWN {
        text.push(Line::from(Span::styled(
            tr!("ui.write.merged_more", n = m.notes.len() - NOTES_SHOWN),
            theme::quiet(),
        )));
    }
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
    text
}

/// A MOT's dimension and qualities in words ("Repurchase · Tangibles,
/// Empathy"), or that it is not tagged yet.
pub(crate) fn tags_text(m: &Mot) -> String {
    match m.dimension {
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
    }
}

/// The MOT editor: its three fields, the sentence read back, the coach's
/// advice (Write, and the Drill stage turning a comment into a MOT).
pub(crate) fn draw_editor(w: &Workshop, ed: &MotEditor, frame: &mut Frame, area: Rect) {
    // The marks of the MOT being edited stay in sight: editing keeps them.
    let marks = ed
        .mot
        .and_then(|id| w.session.mot(id))
        .map(super::choose::marks_text)
        .filter(|m| !m.is_empty());
    let title = match (ed.mot, marks) {
        (Some(id), Some(marks)) => format!(" {} · {marks} ", tr!("ui.write.editing", id = id)),
        (Some(id), None) => format!(" {} ", tr!("ui.write.editing", id = id)),
        (None, _) => match &ed.origin {
            // A MOT from a drill's comment says so while it is written.
            Some(origin) => format!(" {} · {} ", tr!("ui.write.new"), origin.words()),
            None => format!(" {} ", tr!("ui.write.new")),
        },
    };
    let outer = Block::bordered()
        .title(Span::styled(title, theme::label()))
        .border_style(theme::label());
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    // Every box as tall as its text, within the rows there are.
    let text = ed.text();
    let advice_lines = advice(&text);
    let cols = usize::from(inner.width.saturating_sub(2));
    // Who sent the MOT being edited, dim after the read-back, when the
    // room sees authors; a long name takes a third of a row at most.
    let author = ed
        .mot
        .and_then(|id| w.session.mot(id))
        .and_then(|m| m.shown_author(w.session.show_authors))
        .map(|a| widgets::fit(&format!(" · {a}"), cols / 3));
    let read_back = |t: &crate::model::MotText| {
        let mut spans = vec![Span::raw(sentence(t))];
        if let Some(a) = &author {
            spans.push(Span::styled(a.clone(), theme::quiet()));
        }
        Line::from(spans)
    };
    let advice_want = grow::rows(&advice_lines, usize::from(inner.width));
    let wants = [
        (1, grow::field_rows(&ed.fields[0], ed.focus == 0, cols)),
        (2, grow::field_rows(&ed.fields[1], ed.focus == 1, cols)),
        (1, grow::field_rows(&ed.fields[2], ed.focus == 2, cols)),
        (2, grow::rows(&[read_back(&text)], cols)),
        (1, advice_want),
    ];
    let borders = 2 * 4;
    // The field typed in, then the read-back (the room reads the whole
    // sentence there, the feeling included), then the rest.
    let got = grow::share(&wants, inner.height.saturating_sub(borders), &[ed.focus, 3]);
    let [who, situation, feeling, preview, advice_area] = Layout::vertical([
        Constraint::Length(got[0] + 2),
        Constraint::Length(got[1] + 2),
        Constraint::Length(got[2] + 2),
        Constraint::Length(got[3] + 2),
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
    let preview_block = Block::bordered().title(Span::styled(
        format!(" {} ", tr!("ui.write.preview")),
        theme::quiet(),
    ));
    let preview_cols = usize::from(preview.width.saturating_sub(2)).max(1);
    let preview_rows = usize::from(preview.height.saturating_sub(2));
    let preview_lines = grow::shorten_situation(&text, preview_rows, preview_cols, |t| {
        widgets::wrap(&read_back(t), preview_cols)
    });
    frame.render_widget(Paragraph::new(preview_lines).block(preview_block), preview);
    frame.render_widget(
        widgets::wrapped(&advice_lines, Block::new(), advice_area, true),
        advice_area,
    );
}

/// The coach's advice on a draft, or the word that it is ready.
fn advice(text: &crate::model::MotText) -> Vec<Line<'static>> {
    let lines: Vec<Line> = coach(text)
        .into_iter()
        .map(|a| Line::from(Span::styled(format!("⚠ {}", a.message()), theme::warn())))
        .collect();
    if lines.is_empty() {
        vec![Line::from(Span::styled(
            format!("✓ {}", tr!("ui.write.ready")),
            theme::good(),
        ))]
    } else {
        lines
    }
}
