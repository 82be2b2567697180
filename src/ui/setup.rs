//! Setup: the session's brand, focus, voting rules, groups and participants.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{theme, widgets};
use crate::app::setup_rows::{SetupRow, rows};
use crate::app::{SetupEdit, Stage, Target, Workshop};
use crate::tr;

/// The narrowest the label column gets (group and participant names are cut to it).
const LABEL_W: usize = 16;

/// The labels of the form's fixed rows, in the language on show.
fn fixed_labels() -> [&'static str; 10] {
    [
        tr!("ui.setup.title"),
        tr!("ui.setup.brand"),
        tr!("ui.setup.core_message"),
        tr!("ui.setup.target_user"),
        tr!("ui.setup.focus"),
        tr!("ui.setup.dot_budget"),
        tr!("ui.setup.max_dots"),
        tr!("ui.setup.counting"),
        tr!("ui.setup.add_group"),
        tr!("ui.setup.add_participant"),
    ]
}

/// The label column: wide enough for every fixed label in this language.
fn label_width() -> usize {
    widgets::widest(fixed_labels(), LABEL_W)
}

fn label(row: SetupRow, w: &Workshop) -> String {
    let s = &w.session;
    let [
        title,
        brand,
        core_message,
        target_user,
        focus,
        dot_budget,
        max_dots,
        counting,
        add_group,
        add_participant,
    ] = fixed_labels();
    match row {
        SetupRow::Title => title.into(),
        SetupRow::Brand => brand.into(),
        SetupRow::CoreMessage => core_message.into(),
        SetupRow::TargetUser => target_user.into(),
        SetupRow::Focus => focus.into(),
        SetupRow::DotBudget => dot_budget.into(),
        SetupRow::MaxDots => max_dots.into(),
        SetupRow::Counting => counting.into(),
        SetupRow::Group(id) => s.group(id).map(|g| g.name.clone()).unwrap_or_default(),
        SetupRow::AddGroup => add_group.into(),
        SetupRow::Participant(id) => s
            .participant(id)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        SetupRow::AddParticipant => add_participant.into(),
        SetupRow::Timebox(stage) => stage.name().into(),
    }
}

fn value(row: SetupRow, w: &Workshop) -> Vec<Span<'static>> {
    let s = &w.session;
    let blank = |v: &str, hint: &str| {
        if v.is_empty() {
            Span::styled(hint.to_string(), theme::warn())
        } else {
            Span::raw(v.to_string())
        }
    };
    let chooser = |v: String| Span::styled(format!("◀ {v} ▶"), theme::label());
    match row {
        SetupRow::Title => vec![blank(&s.title, tr!("ui.setup.untitled"))],
        SetupRow::Brand => vec![blank(&s.brand, tr!("ui.setup.brand_hint"))],
        SetupRow::CoreMessage => vec![blank(&s.core_message, tr!("ui.setup.core_message_hint"))],
        SetupRow::TargetUser => vec![blank(&s.target_user, tr!("ui.setup.target_user_hint"))],
        SetupRow::Focus => match s.focus {
            Some(d) => vec![
                chooser(d.name().to_string()),
                Span::styled(
                    format!("  {}", tr!("ui.setup.moment_of", moment = d.moment())),
                    theme::quiet(),
                ),
            ],
            None => vec![chooser(tr!("ui.setup.not_chosen").into())],
        },
        SetupRow::DotBudget => vec![
            chooser(s.dot_budget.to_string()),
            Span::styled(
                format!("  {}", tr!("ui.setup.dot_budget_hint")),
                theme::quiet(),
            ),
        ],
        SetupRow::MaxDots => vec![
            chooser(s.max_dots_per_mot.to_string()),
            Span::styled(
                format!("  {}", tr!("ui.setup.max_dots_hint")),
                theme::quiet(),
            ),
        ],
        SetupRow::Counting => vec![
            chooser(s.counting.name().to_string()),
            Span::styled(
                format!("  {}", tr!("ui.setup.counting_hint")),
                theme::quiet(),
            ),
        ],
        SetupRow::Group(id) => match s.group(id) {
            Some(g) => {
                let members = s.participants.iter().filter(|p| p.group == id).count();
                vec![
                    chooser(format!("×{}", g.weight)),
                    Span::styled(
                        format!(
                            "  {}  ",
                            if members == 1 {
                                tr!("ui.setup.one_person", n = members)
                            } else {
                                tr!("ui.setup.people", n = members)
                            }
                        ),
                        theme::quiet(),
                    ),
                    Span::styled(g.description.clone(), theme::quiet()),
                ]
            }
            None => Vec::new(),
        },
        SetupRow::Participant(id) => {
            let group = s
                .participant(id)
                .and_then(|p| s.group(p.group))
                .map(|g| format!("{} ×{}", g.name, g.weight))
                .unwrap_or_default();
            vec![chooser(group)]
        }
        SetupRow::Timebox(stage) => vec![
            chooser(tr!(
                "ui.setup.minutes",
                n = format!("{:>3}", s.timebox(stage))
            )),
            Span::styled(
                format!("  {}", tr!("ui.setup.timebox_hint")),
                theme::quiet(),
            ),
        ],
        SetupRow::AddGroup | SetupRow::AddParticipant => Vec::new(),
    }
}

fn heading(row: SetupRow, prev: Option<SetupRow>, w: &Workshop) -> Option<String> {
    let s = &w.session;
    match (row, prev) {
        (SetupRow::Title, _) => Some(tr!("ui.setup.heading_session").into()),
        (SetupRow::DotBudget, _) => Some(tr!("ui.setup.heading_dots").into()),
        (SetupRow::Group(_), Some(SetupRow::Counting))
        | (SetupRow::AddGroup, Some(SetupRow::Counting)) => {
            Some(tr!("ui.setup.heading_groups").into())
        }
        (SetupRow::Timebox(Stage::Setup), _) => Some(tr!("ui.setup.heading_timeboxes").into()),
        (SetupRow::Participant(_), Some(SetupRow::AddGroup))
        | (SetupRow::AddParticipant, Some(SetupRow::AddGroup)) => Some(tr!(
            "ui.setup.heading_participants",
            n = s.participants.len()
        )),
        _ => None,
    }
}

fn editing_row(edit: SetupEdit) -> SetupRow {
    match edit {
        SetupEdit::Title => SetupRow::Title,
        SetupEdit::Brand => SetupRow::Brand,
        SetupEdit::CoreMessage => SetupRow::CoreMessage,
        SetupEdit::TargetUser => SetupRow::TargetUser,
        SetupEdit::GroupName(id) => SetupRow::Group(id),
        SetupEdit::NewGroup => SetupRow::AddGroup,
        SetupEdit::ParticipantName(id) => SetupRow::Participant(id),
        SetupEdit::NewParticipant => SetupRow::AddParticipant,
    }
}

/// Draws the Setup stage.
pub fn draw(w: &Workshop, frame: &mut Frame, area: Rect) {
    let wide = area.width >= 110;
    let (list_area, side) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Min(60), Constraint::Length(44)]).areas(area);
        (l, Some(r))
    } else {
        (area, None)
    };
    let block = Block::bordered().title(Span::styled(
        format!(" {} ", Stage::Setup.name()),
        theme::label(),
    ));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);

    let rows = rows(&w.session);
    let selected = w.setup.selected.min(rows.len().saturating_sub(1));
    // Display lines: headings interleaved with rows; remember where each row sits.
    let mut lines: Vec<(Option<usize>, Option<String>)> = Vec::new();
    let mut selected_line = 0;
    for (i, row) in rows.iter().enumerate() {
        if let Some(h) = heading(*row, i.checked_sub(1).map(|p| rows[p]), w) {
            if !lines.is_empty() {
                lines.push((None, None));
            }
            lines.push((None, Some(h)));
        }
        if i == selected {
            selected_line = lines.len();
        }
        lines.push((Some(i), None));
    }
    let range = widgets::window(
        selected_line,
        lines.len(),
        inner.height as usize,
        &w.setup.scroll,
    );
    let editing = w.setup.editing.as_ref().map(|(e, f)| (editing_row(*e), f));
    let label_w = label_width();
    for (y, idx) in range.enumerate() {
        let line_area = Rect::new(inner.x, inner.y + y as u16, inner.width, 1);
        match &lines[idx] {
            (None, Some(h)) => {
                frame.render_widget(
                    Paragraph::new(Span::styled(h.clone(), theme::label())),
                    line_area,
                );
            }
            (Some(i), _) => {
                super::note(line_area, Target::SetupRow(*i));
                let row = rows[*i];
                let sel = *i == selected;
                let marker = if sel { theme::MARKER } else { theme::NO_MARKER };
                let lbl = widgets::pad(&label(row, w), label_w);
                let lbl_style = if sel {
                    theme::selected()
                } else {
                    theme::text()
                };
                let [l, v] = Layout::horizontal([
                    Constraint::Length((label_w + 3) as u16),
                    Constraint::Min(0),
                ])
                .areas(line_area);
                frame.render_widget(
                    Paragraph::new(Line::from(vec![
                        Span::styled(marker, lbl_style),
                        Span::styled(lbl, lbl_style),
                        Span::raw(" "),
                    ])),
                    l,
                );
                match editing {
                    Some((erow, field)) if erow == row => {
                        super::text_field(field, true, Block::new(), frame, v);
                    }
                    _ => {
                        frame.render_widget(Paragraph::new(Line::from(value(row, w))), v);
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(side) = side {
        draw_guide(w, frame, side);
    }
}

/// The seeds' advice on whom to ask, beside the form when there is room.
fn draw_guide(w: &Workshop, frame: &mut Frame, area: Rect) {
    let s = &w.session;
    let mut text = vec![
        Line::from(Span::styled(tr!("ui.setup.guide_who"), theme::label())),
        Line::from(tr!("ui.setup.guide_love")),
        Line::from(""),
        Line::from(tr!("ui.setup.guide_dont_love")),
        Line::from(""),
        Line::from(tr!("ui.setup.guide_liked")),
        Line::from(""),
        Line::from(Span::styled(tr!("ui.setup.guide_votes"), theme::label())),
        Line::from(tr!(
            "ui.setup.guide_dots",
            dots = s.dot_budget,
            max = s.max_dots_per_mot
        )),
    ];
    if s.focus.is_none() {
        text.push(Line::from(""));
        text.push(Line::from(Span::styled(
            tr!("ui.setup.guide_focus"),
            theme::warn(),
        )));
    }
    let block = Block::bordered().title(format!(" {} ", tr!("ui.setup.guide")));
    frame.render_widget(widgets::wrapped(&text, block, area, true), area);
}
