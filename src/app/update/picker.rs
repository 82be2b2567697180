//! The session picker: choosing, creating, opening, and marking sessions
//! to merge.

use super::*;
use crate::app::{MergeRequest, MergeView};

pub(super) fn picker(p: &mut Picker, action: Action, out: &mut Outcome) {
    if p.merge.is_some() {
        merge_view(p, action, out);
        return;
    }
    if let Some(offer) = &p.offer {
        let open = |path: &std::path::PathBuf, how| Effect::Open(path.clone(), how);
        let effect = match (offer, action) {
            (Offer::Locked { path, .. }, Action::OpenReadOnly) => {
                Some(open(path, OpenHow::ReadOnly))
            }
            (
                Offer::Locked {
                    path,
                    can_take_over: true,
                    ..
                },
                Action::TakeOver,
            ) => Some(open(path, OpenHow::TakeOver)),
            (Offer::Backup { path, .. }, Action::Yes) => Some(open(path, OpenHow::Backup)),
            (
                Offer::Recovery {
                    path,
                    conflict: false,
                    ..
                },
                Action::Yes,
            ) => Some(open(path, OpenHow::Recovery)),
            (Offer::Recovery { path, .. }, Action::KeepBoth) => {
                Some(open(path, OpenHow::RecoveryAsCopy))
            }
            (Offer::Recovery { path, .. }, Action::No) => Some(open(path, OpenHow::SkipRecovery)),
            (_, Action::No | Action::Cancel) => None,
            // Any other key keeps the question up.
            _ => return,
        };
        p.offer = None;
        out.effects.extend(effect);
        return;
    }
    if let Some(field) = &mut p.new_title {
        match action {
            Action::Submit => {
                let title = field.text().trim().to_string();
                if title.is_empty() {
                    out.error(tr!("app.picker.need_title"));
                } else {
                    p.new_title = None;
                    out.effects.push(match p.template.take() {
                        Some(t) => Effect::CreateFrom(title, t.path),
                        None => Effect::Create(title),
                    });
                }
            }
            Action::Cancel => {
                p.new_title = None;
                p.template = None;
            }
            Action::Type(key) => out.cut(field.input(key)),
            Action::Paste(text) => out.cut(field.paste(&text)),
            _ => {}
        }
        return;
    }
    match action {
        a if moves(&a) => p.selected = step(p.selected, p.entries.len(), &a),
        Action::Open => match p.entries.get(p.selected) {
            Some(entry) => match &entry.summary {
                Ok(_) => out
                    .effects
                    .push(Effect::Open(entry.path.clone(), OpenHow::Normal)),
                // Opening tells what is wrong and offers a backup when there is one.
                Err(_) => out
                    .effects
                    .push(Effect::Open(entry.path.clone(), OpenHow::Normal)),
            },
            None => out.info(tr!("app.picker.empty")),
        },
        Action::NewSession => p.new_title = Some(TextField::default()),
        Action::NewFromTemplate => match p.entries.get(p.selected) {
            Some(entry) => match &entry.summary {
                Ok(summary) => {
                    p.template = Some(crate::app::Template {
                        path: entry.path.clone(),
                        title: summary.title.clone(),
                    });
                    p.new_title = Some(TextField::default());
                }
                // Said now, not after a title is typed for nothing.
                Err(error) => out.error(tr!(
                    "app.picker.template_unreadable",
                    error = crate::plain::escaped(error)
                )),
            },
            None => out.info(tr!("app.picker.empty")),
        },
        Action::ToggleMark => toggle_mark(p, out),
        Action::MergeMarked => {
            let titles: Vec<&str> = p
                .marked
                .iter()
                .filter_map(|path| p.entries.iter().find(|e| e.path == *path))
                .filter_map(|e| e.summary.as_ref().ok().map(|s| s.title.as_str()))
                .collect();
            match titles.first() {
                Some(first) if titles.len() >= 2 => {
                    let title = crate::model::merge::title_for(first, titles.len() - 1);
                    p.merge = Some(MergeView::Title(Box::new(TextField::new(&title))));
                }
                _ => out.info(tr!("merge.picker.mark_two")),
            }
        }
        _ => {}
    }
}

/// Marks the selected session to merge (after those marked before), or
/// unmarks it. A session that cannot be read cannot be merged: said now.
fn toggle_mark(p: &mut Picker, out: &mut Outcome) {
    let Some(entry) = p.entries.get(p.selected) else {
        out.info(tr!("app.picker.empty"));
        return;
    };
    if let Some(at) = p.marked.iter().position(|m| *m == entry.path) {
        p.marked.remove(at);
    } else if entry.link {
        // Said now: a merge reads session files themselves, never a link.
        out.error(tr!(
            "merge.error.link",
            path = crate::plain::path(&entry.path)
        ));
        return;
    } else {
        match &entry.summary {
            Ok(_) => p.marked.push(entry.path.clone()),
            Err(error) => {
                out.error(tr!(
                    "merge.picker.unreadable",
                    error = crate::plain::escaped(error)
                ));
                return;
            }
        }
    }
    let n = p.marked.len();
    out.info(if n >= 2 {
        tr!("merge.picker.marked_ready", n = n)
    } else {
        tr!("merge.picker.marked", n = n)
    });
}

/// Keys while a merge is under way: its title, its conflicts, its summary.
fn merge_view(p: &mut Picker, action: Action, out: &mut Outcome) {
    let Some(view) = &mut p.merge else {
        return;
    };
    match view {
        MergeView::Title(field) => match action {
            Action::Submit => {
                let title = field.text().trim().to_string();
                if title.is_empty() {
                    out.error(tr!("app.picker.need_title"));
                } else {
                    p.merge = None;
                    out.effects.push(Effect::Merge(MergeRequest {
                        paths: p.marked.clone(),
                        title,
                        weights_from_first: false,
                    }));
                }
            }
            Action::Cancel => p.merge = None,
            Action::Type(key) => out.cut(field.input(key)),
            Action::Paste(text) => out.cut(field.paste(&text)),
            _ => {}
        },
        MergeView::Conflicts {
            request,
            weights_settle,
            scroll,
            ..
        } => match action {
            Action::FirstWeights if *weights_settle => {
                let mut request = request.clone();
                request.weights_from_first = true;
                p.merge = None;
                out.effects.push(Effect::Merge(request));
            }
            Action::Cancel => p.merge = None,
            a => scrolled(scroll, &a),
        },
        MergeView::Summary { scroll, .. } => match action {
            Action::Cancel => p.merge = None,
            a => scrolled(scroll, &a),
        },
    }
}

/// Scrolls a popup as the help scrolls: five rows a key, no further than
/// its last row at the bottom.
fn scrolled(scroll: &mut crate::app::Scroll, action: &Action) {
    match action {
        Action::PageUp => scroll.top = scroll.top.saturating_sub(5),
        Action::PageDown => scroll.top = (scroll.top + 5).min(scroll.max.get()),
        _ => {}
    }
}
