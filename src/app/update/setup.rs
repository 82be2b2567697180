//! The Setup stage: rows to move through and texts to edit.

use super::*;

pub(super) fn setup(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let rows = rows(&w.session);
    let row = rows
        .get(w.setup.selected)
        .copied()
        .unwrap_or(SetupRow::Title);
    let s = &mut w.session;
    match action {
        a if moves(&a) => w.setup.selected = step(w.setup.selected, rows.len(), &a),
        Action::Open => {
            let edit = match row {
                SetupRow::Title => Some((SetupEdit::Title, s.title.clone())),
                SetupRow::Brand => Some((SetupEdit::Brand, s.brand.clone())),
                SetupRow::CoreMessage => Some((SetupEdit::CoreMessage, s.core_message.clone())),
                SetupRow::TargetUser => Some((SetupEdit::TargetUser, s.target_user.clone())),
                SetupRow::Group(id) => s
                    .group(id)
                    .map(|g| (SetupEdit::GroupName(id), g.name.clone())),
                SetupRow::AddGroup => Some((SetupEdit::NewGroup, String::new())),
                SetupRow::Participant(id) => s
                    .participant(id)
                    .map(|p| (SetupEdit::ParticipantName(id), p.name.clone())),
                SetupRow::AddParticipant => Some((SetupEdit::NewParticipant, String::new())),
                SetupRow::Focus
                | SetupRow::DotBudget
                | SetupRow::MaxDots
                | SetupRow::Counting
                | SetupRow::Timebox(_) => {
                    out.info(tr!("app.setup.use_arrows"));
                    None
                }
            };
            if let Some((what, text)) = edit {
                w.setup.editing = Some((what, TextField::new(&text)));
            }
        }
        Action::Left | Action::Right => {
            let up = action == Action::Right;
            let nudge = |v: u32, max: u32| {
                if up {
                    (v + 1).min(max)
                } else {
                    v.saturating_sub(1)
                }
            };
            match row {
                SetupRow::Focus => {
                    s.focus = Dimension::cycle_focus(s.focus, up);
                    out.save();
                }
                SetupRow::DotBudget => {
                    s.dot_budget =
                        nudge(s.dot_budget, crate::model::session::MAX_DOT_BUDGET).max(1);
                    // A cap above the budget would promise dots nobody has.
                    s.max_dots_per_mot = s.max_dots_per_mot.min(s.dot_budget);
                    out.save();
                }
                SetupRow::MaxDots => {
                    s.max_dots_per_mot = nudge(s.max_dots_per_mot, s.dot_budget.max(1)).max(1);
                    out.save();
                }
                SetupRow::Counting => {
                    s.counting = s.counting.cycle(up);
                    out.save();
                }
                SetupRow::Group(id) => {
                    let weight = s.group(id).map_or(0, |g| g.weight);
                    out.apply(s.set_weight(id, nudge(weight, crate::model::session::MAX_WEIGHT)));
                }
                SetupRow::Timebox(stage) => {
                    let minutes = s.timebox(stage);
                    s.set_timebox(stage, nudge(minutes, room::MAX_TIMEBOX_MINUTES));
                    out.save();
                }
                SetupRow::Participant(id) => {
                    let current = s.participant(id).map(|p| p.group);
                    let pos = s
                        .groups
                        .iter()
                        .position(|g| Some(g.id) == current)
                        .unwrap_or(0);
                    let n = s.groups.len().max(1);
                    let next = if up { (pos + 1) % n } else { (pos + n - 1) % n };
                    if let Some(g) = s.groups.get(next).map(|g| g.id) {
                        out.apply(s.set_participant_group(id, g));
                    }
                }
                _ => out.info(tr!("app.setup.no_arrows")),
            }
        }
        Action::AddParticipant => {
            w.setup.selected = rows
                .iter()
                .position(|r| *r == SetupRow::AddParticipant)
                .unwrap_or(0);
            w.setup.editing = Some((SetupEdit::NewParticipant, TextField::default()));
        }
        Action::AddGroup => {
            w.setup.selected = rows
                .iter()
                .position(|r| *r == SetupRow::AddGroup)
                .unwrap_or(0);
            w.setup.editing = Some((SetupEdit::NewGroup, TextField::default()));
        }
        Action::Delete => match row {
            SetupRow::Participant(id) => remove(w, Removal::Participant(id), out),
            SetupRow::Group(id) => {
                let members = s.participants.iter().filter(|p| p.group == id).count();
                if members > 0 {
                    let name = s.group(id).map(|g| g.name.clone()).unwrap_or_default();
                    out.error(ModelError::GroupInUse { name, members }.to_string());
                } else if s.groups.len() == 1 {
                    out.error(ModelError::LastGroup.to_string());
                } else {
                    remove(w, Removal::Group(id), out);
                }
            }
            _ => out.info(tr!("app.setup.only_remove")),
        },
        _ => {}
    }
}

pub(super) fn setup_edit(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some((what, field)) = &mut w.setup.editing else {
        return;
    };
    match action {
        Action::Type(key) => out.cut(field.input(key)),
        Action::Paste(text) => out.cut(field.paste(&text)),
        Action::Cancel => w.setup.editing = None,
        Action::Submit => {
            let what = *what;
            let text = crate::model::session::clean_line(&field.text());
            w.setup.editing = None;
            let s = &mut w.session;
            match what {
                SetupEdit::Title => {
                    if text.is_empty() {
                        out.error(tr!("app.setup.need_title"));
                    } else {
                        s.title = text;
                        out.save();
                    }
                }
                SetupEdit::Brand => {
                    s.brand = text;
                    out.save();
                }
                SetupEdit::CoreMessage => {
                    s.core_message = text;
                    out.save();
                }
                SetupEdit::TargetUser => {
                    s.target_user = text;
                    out.save();
                }
                SetupEdit::GroupName(id) => {
                    if text.is_empty() {
                        out.error(tr!("app.setup.need_group_name"));
                    } else {
                        out.apply(s.rename_group(id, &text));
                    }
                }
                SetupEdit::NewGroup => {
                    if !text.is_empty()
                        && let Some(id) = out.apply(s.try_add_group(&text))
                    {
                        out.info(tr!("app.setup.group_added", name = text));
                        let rows = rows(s);
                        w.setup.selected = rows
                            .iter()
                            .position(|r| *r == SetupRow::Group(id))
                            .unwrap_or(0);
                    }
                }
                SetupEdit::ParticipantName(id) => {
                    if text.is_empty() {
                        out.error(tr!("app.setup.need_participant_name"));
                    } else {
                        out.apply(s.rename_participant(id, &text));
                    }
                }
                SetupEdit::NewParticipant => {
                    if !text.is_empty() {
                        // Everyone starts in the first group, whoever came
                        // before: a predictable place, and the status line
                        // names it with the keys that change it.
                        let group = s.groups.first().map(|g| g.id);
                        if let Some(group) = group
                            && let Some(id) = out.apply(s.add_participant(&text, group))
                        {
                            let gname = s.group(group).map(|g| g.name.clone()).unwrap_or_default();
                            out.info(tr!(
                                "app.setup.participant_added",
                                name = text,
                                group = gname
                            ));
                            let rows = rows(s);
                            w.setup.selected = rows
                                .iter()
                                .position(|r| *r == SetupRow::Participant(id))
                                .unwrap_or(0);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}
