//! The debrief: what the room's sheets add up to, step by step (the
//! weakest marked), trio by trio or person by person, and the comments
//! observers wrote, any of which can become a MOT.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{bar, key_of, name_of};
use crate::app::drill::{DebriefBy, DrillView};
use crate::app::keymap::Context;
use crate::app::{Action, Workshop};
use crate::model::drill::BehaviourStep;
use crate::model::drill::sheet::{Debrief, Figures};
use crate::tr;
use crate::ui::{grow, theme, widgets};

/// A mean as the debrief writes it: one decimal, or "–" when no sheet scored it.
fn mean(f: &Figures) -> String {
    f.mean
        .map_or_else(|| "–".to_string(), |m| format!("{m:.1}"))
}

/// Draws the debrief; `roomy` on a large screen presented to the wall:
/// the steps stand a row apart with long bars.
pub(super) fn draw(w: &Workshop, roomy: bool, frame: &mut Frame, area: Rect) {
    let d = w.derived.debrief(&w.session);
    if d.sheets == 0 {
        let key = Span::styled(key_of(Context::DrillRound, &Action::Open), theme::key());
        let mut spans = vec![Span::raw("  ")];
        spans.extend(widgets::keyed(
            &tr!("drill.debrief.none", round = DrillView::Round.name()),
            &[("key", key)],
        ));
        let lines = [Line::from(""), Line::from(spans)];
        frame.render_widget(
            widgets::wrapped(&lines, Block::bordered(), area, false),
            area,
        );
        return;
    }
    // One column, as wide as the screen: a comment reads whole on a large one.
    let left = area;
    let summary = grow::pack(&summary_line(d), usize::from(left.width));
    let steps = steps_lines(d, usize::from(left.width), roomy);
    let groups = group_lines(w, d, usize::from(left.width));
    let fixed = summary.len() + 1 + steps.len() + 1;
    let room = usize::from(left.height).saturating_sub(fixed);
    let group_rows = if d.remarks.is_empty() {
        room
    } else {
        // The comments keep five rows (heading and four); the trios or
        // people take what they need of the rest.
        groups.len().min(room.saturating_sub(5).max(room / 2))
    };
    // The page keys move by the rows of trios or people shown (below the
    // heading and the step numbers; a cut list's last row counts the rest).
    let cut = groups.len() > group_rows;
    let shown = groups.len().min(group_rows);
    w.drill
        .group_page
        .set(shown.saturating_sub(2 + usize::from(cut)).max(1));
    let groups = fit_rows(groups, group_rows, usize::from(left.width));
    let [s_area, _, st_area, _, g_area, rest] = Layout::vertical([
        Constraint::Length(summary.len() as u16),
        Constraint::Length(1),
        Constraint::Length(steps.len() as u16),
        Constraint::Length(1),
        Constraint::Length(groups.len() as u16),
        Constraint::Min(0),
    ])
    .areas(left);
    frame.render_widget(Paragraph::new(summary), s_area);
    frame.render_widget(Paragraph::new(steps), st_area);
    frame.render_widget(Paragraph::new(groups), g_area);
    if !d.remarks.is_empty() {
        draw_remarks(w, d, frame, rest);
    }
}

/// Sheets counted, whether customers left with the feeling, passed or not.
fn summary_line(d: &Debrief) -> Line<'static> {
    let [yes, partly, no] = d.left_with;
    Line::from(vec![
        Span::styled(
            if d.unfinished == 0 {
                tr!("drill.debrief.sheets", n = d.sheets)
            } else {
                tr!(
                    "drill.debrief.sheets_unfinished",
                    n = d.sheets,
                    open = d.unfinished
                )
            },
            theme::label(),
        ),
        Span::raw("   "),
        Span::styled(
            format!("{} ", tr!("drill.debrief.left_with")),
            theme::quiet(),
        ),
        Span::styled(format!("✓ {} {yes}", tr!("drill.left.yes")), theme::good()),
        Span::raw("  "),
        Span::styled(
            format!("~ {} {partly}", tr!("drill.left.partly")),
            theme::text(),
        ),
        Span::raw("  "),
        Span::styled(format!("✗ {} {no}", tr!("drill.left.no")), theme::warn()),
        Span::raw("   "),
        Span::styled(
            format!("✓ {} {}", tr!("drill.verdict.passed"), d.passed),
            theme::good(),
        ),
        Span::raw("  "),
        Span::styled(
            format!("{} {}", tr!("drill.verdict.not_yet"), d.not_yet),
            theme::text(),
        ),
    ])
}

/// Whether `step` is the weakest, or tied with it: a tie marks every step
/// at the lowest mean, so the room does not read one as worse than another.
fn is_weakest(d: &Debrief, step: BehaviourStep) -> bool {
    // Judged on the means as the room reads them (one decimal): a 2.98
    // and a 3.00 both read 3.0, and marking one alone would look arbitrary.
    let low = d.weakest.map(|w| mean(&d.steps[w.index()]));
    let this = &d.steps[step.index()];
    this.mean.is_some() && low == Some(mean(this))
}

/// The room's five steps: mean, spread, how many sheets, a bar; the weakest marked.
fn steps_lines(d: &Debrief, cols: usize, roomy: bool) -> Vec<Line<'static>> {
    let names: Vec<String> = BehaviourStep::ALL
        .iter()
        .map(|s| format!("{} {}", s.index() + 1, s.name()))
        .collect();
    let heads = [
        tr!("drill.debrief.col.step"),
        tr!("drill.debrief.col.mean"),
        tr!("drill.debrief.col.spread"),
        tr!("drill.debrief.col.n"),
    ];
    let name_w = widgets::widest(names.iter().map(String::as_str).chain([heads[0]]), 0);
    let mean_w = widgets::width(heads[1]).max(4);
    let spread_w = widgets::width(heads[2]).max(5);
    let n_w = widgets::width(heads[3]).max(3);
    let weakest = format!("⚠ {}", tr!("drill.debrief.weakest"));
    let used = 2 + name_w + 2 + mean_w + 2 + spread_w + 2 + n_w + 2;
    let bar_w = cols
        .saturating_sub(used + widgets::width(&weakest) + 2)
        .min(if roomy { 80 } else { 30 });
    let right =
        |s: &str, w: usize| format!("{}{s}", " ".repeat(w.saturating_sub(widgets::width(s))));
    let mut lines = vec![Line::from(Span::styled(
        format!(
            "  {}  {}  {}  {}",
            widgets::pad(heads[0], name_w),
            right(heads[1], mean_w),
            right(heads[2], spread_w),
            right(heads[3], n_w)
        ),
        theme::label().add_modifier(Modifier::UNDERLINED),
    ))];
    for step in BehaviourStep::ALL {
        if roomy {
            lines.push(Line::from(""));
        }
        let f = &d.steps[step.index()];
        let low = is_weakest(d, step);
        let spread = f
            .spread
            .map_or_else(|| "–".to_string(), |s| format!("±{s:.1}"));
        let style = if low { theme::warn() } else { theme::text() };
        let mut spans = vec![
            Span::styled(if low { "▼ " } else { "  " }, theme::warn()),
            Span::styled(widgets::pad(&names[step.index()], name_w), style),
            Span::styled(format!("  {}", right(&mean(f), mean_w)), style),
            Span::styled(format!("  {}", right(&spread, spread_w)), theme::quiet()),
            Span::styled(
                format!("  {}", right(&f.n.to_string(), n_w)),
                theme::quiet(),
            ),
        ];
        if bar_w >= 5 {
            spans.push(Span::styled(
                format!("  {}", bar(f.mean.unwrap_or(0.0), 5.0, bar_w)),
                style,
            ));
        }
        if low {
            spans.push(Span::styled(format!("  {weakest}"), theme::warn()));
        }
        lines.push(Line::from(super::tiles::fit_spans(&spans, cols)));
    }
    lines
}

/// Each trio's (or person's) five step means, under a heading that says
/// which, and that names are left out when the drill is anonymous.
fn group_lines(w: &Workshop, d: &Debrief, cols: usize) -> Vec<Line<'static>> {
    let anonymous = w.session.drill.anonymous;
    let by_person = w.drill.by == DebriefBy::Person && !anonymous;
    let heading = match (by_person, anonymous) {
        (true, _) => tr!("drill.debrief.by_person").to_string(),
        (false, true) => tr!("drill.debrief.by_trio_anonymous").to_string(),
        (false, false) => tr!("drill.debrief.by_trio").to_string(),
    };
    let rows: Vec<(String, &[Figures; 5])> = if by_person {
        d.by_person
            .iter()
            .map(|(id, f)| (name_of(w, *id), f))
            .collect()
    } else {
        d.by_trio
            .iter()
            .map(|(id, f)| (tr!("drill.trio", n = id), f))
            .collect()
    };
    let label_w = widgets::widest(rows.iter().map(|r| r.0.as_str()), 0).min(cols / 3);
    // The page keys scroll the rows; the heading and the step numbers stay.
    let top = w.drill.group_top.min(rows.len().saturating_sub(1));
    let rows = rows.into_iter().skip(top);
    let heading = if top > 0 {
        format!("{heading}  {}", tr!("drill.debrief.above", n = top))
    } else {
        heading
    };
    let mut lines = vec![Line::from(Span::styled(heading, theme::label()))];
    let mut head = format!("  {}", " ".repeat(label_w));
    for step in BehaviourStep::ALL {
        let mark = if is_weakest(d, step) { "▼" } else { " " };
        head.push_str(&format!("  {mark}{:>3}", step.index() + 1));
    }
    lines.push(Line::from(Span::styled(head, theme::quiet())));
    for (label, figures) in rows {
        let mut spans = vec![Span::styled(
            format!(
                "  {}",
                widgets::pad(&widgets::fit(&label, label_w), label_w)
            ),
            theme::text(),
        )];
        for step in BehaviourStep::ALL {
            let f = &figures[step.index()];
            // A step this group scored at 2 or less is the one to practise.
            let low = f.mean.is_some_and(|m| m <= 2.0);
            let text = format!("  {:>4}", mean(f));
            spans.push(if low {
                Span::styled(text, theme::warn())
            } else {
                Span::styled(text, theme::text())
            });
        }
        lines.push(Line::from(spans));
    }
    lines
}

/// `lines` kept to `rows`: the last row says how many more there are.
fn fit_rows(mut lines: Vec<Line<'static>>, rows: usize, cols: usize) -> Vec<Line<'static>> {
    if lines.len() <= rows {
        return lines;
    }
    let more = lines.len() - rows.saturating_sub(1);
    lines.truncate(rows.saturating_sub(1));
    if rows > 0 {
        lines.push(Line::from(Span::styled(
            widgets::fit(&format!("  {}", tr!("drill.debrief.more", n = more)), cols),
            theme::quiet(),
        )));
    }
    lines
}

/// The comments, the selected one marked ▶: step, score, text, and where
/// it came from (no names when the drill is anonymous).
fn draw_remarks(w: &Workshop, d: &Debrief, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let anonymous = w.session.drill.anonymous;
    let cols = usize::from(area.width);
    let key = Span::styled(
        key_of(Context::DrillDebrief, &Action::CommentToMot),
        theme::key(),
    );
    let mut head = vec![Span::styled(
        format!("{}   ", tr!("drill.debrief.comments", n = d.remarks.len())),
        theme::label(),
    )];
    head.extend(
        widgets::keyed(tr!("drill.debrief.to_mot"), &[("key", key)])
            .into_iter()
            .map(|s| {
                if s.style == Default::default() {
                    s.style(theme::quiet())
                } else {
                    s
                }
            }),
    );
    let head_lines = grow::pack(&Line::from(head), cols);
    let [h, list] = Layout::vertical([
        Constraint::Length(head_lines.len() as u16),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head_lines), h);
    let selected = w.drill.remark.min(d.remarks.len() - 1);
    // The comments' texts start in one column, after the widest step name.
    let step_w = widgets::widest(d.remarks.iter().map(|r| r.step.name()), 0);
    // A selected comment too long for its row is read whole below the list.
    let chosen = &d.remarks[selected];
    let quoted = format!("“{}”", chosen.text);
    let (head, tail) = ends(w, chosen, theme::MARKER, step_w, anonymous);
    let row_room = cols.saturating_sub(widgets::width(&head) + widgets::width(&tail));
    let detail = if widgets::width(&quoted) > row_room && list.height > 3 {
        let wrapped = widgets::wrap(
            &Line::from(format!("{} {quoted}", theme::MARKER.trim_end())),
            cols,
        );
        let keep = wrapped.len().min(3).min(usize::from(list.height) / 2);
        let mut lines: Vec<Line> = wrapped.into_iter().take(keep).collect();
        if let Some(last) = lines.last_mut()
            && keep < widgets::wrap(&Line::from(quoted.clone()), cols).len()
        {
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            *last = Line::from(widgets::fit(&format!("{}…", text.trim_end()), cols));
        }
        lines.into_iter().map(|l| l.style(theme::label())).collect()
    } else {
        Vec::new()
    };
    let [list, detail_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(detail.len() as u16)]).areas(list);
    frame.render_widget(Paragraph::new(detail), detail_area);
    let range = widgets::window(
        selected,
        d.remarks.len(),
        usize::from(list.height),
        &w.drill.scroll,
    );
    let lines: Vec<Line> = range
        .map(|i| {
            let r = &d.remarks[i];
            let sel = i == selected;
            let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
            let (head, tail) = ends(w, r, marker, step_w, anonymous);
            let room = cols.saturating_sub(widgets::width(&head) + widgets::width(&tail));
            let style = if sel {
                theme::selected()
            } else {
                theme::text()
            };
            Line::from(super::tiles::fit_spans(
                &[
                    Span::styled(head, style),
                    Span::styled(
                        widgets::pad(&widgets::fit(&format!("“{}”", r.text), room), room),
                        style,
                    ),
                    Span::styled(tail, theme::quiet()),
                ],
                cols,
            ))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// A comment row's two ends: its step and score, and where it came from.
fn ends(
    w: &Workshop,
    r: &crate::model::drill::sheet::Remark,
    marker: &str,
    step_w: usize,
    anonymous: bool,
) -> (String, String) {
    let score = r.score.map_or_else(|| "–".to_string(), |s| s.to_string());
    // Anonymous: the round only, as trio and round would name the staff
    // member the room just saw at that table.
    let from = if anonymous {
        tr!("drill.debrief.from_anonymous", round = r.round + 1)
    } else {
        tr!(
            "drill.debrief.from",
            name = name_of(w, r.staff),
            trio = r.trio,
            round = r.round + 1
        )
    };
    let head = format!(
        "{marker}{} {} · {score}  ",
        r.step.index() + 1,
        widgets::pad(r.step.name(), step_w)
    );
    (head, format!("  {from}"))
}
