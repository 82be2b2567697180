//! The Choose stage: the ranking, the circles, the marks and the MOTX.

use super::*;

pub(super) fn choose(w: &mut Workshop, action: Action, out: &mut Outcome) {
    // The list as the screen shows it, so keys act on what the room sees
    // (read from the derived figures: nothing here walks every MOT).
    let (selected, moved_to) = {
        let ranking = w.derived.ranking(&w.session);
        let shown = w.choose_list(ranking);
        let pos = w.choose_pos(&shown);
        let selected = pos.and_then(|p| shown.get(p)).map(|r| (r.index, r.id));
        let moved_to = pos
            .filter(|_| moves(&action))
            .and_then(|p| shown.get(step(p, shown.len(), &action)))
            .map(|r| r.index);
        (selected, moved_to)
    };
    // Only a mark on the MOT keeps it pinned in a list it no longer matches.
    if !acts_on_the_mot(&action) {
        w.choose.pinned = None;
    }
    match action {
        a if moves(&a) => {
            if let Some(index) = moved_to {
                w.cursor = index;
            }
            return;
        }
        Action::Left => {
            w.choose.circle = w.choose.circle.prev();
            out.info(circle_words(w));
            return;
        }
        Action::Right => {
            w.choose.circle = w.choose.circle.next();
            out.info(circle_words(w));
            return;
        }
        Action::ThresholdUp | Action::ThresholdDown => {
            let circle = w.choose.circle;
            w.session
                .circles
                .nudge(circle, action == Action::ThresholdUp);
            out.save();
            out.info(circle_words(w));
            return;
        }
        Action::CycleFilter => {
            w.choose.filter = w.choose.filter.next();
            let n = w.choose_list(w.derived.ranking(&w.session)).len();
            if w.choose.filter == Filter::Focus && w.session.focus.is_none() {
                out.info(tr!("app.choose.filter_no_focus"));
            } else {
                out.info(tr!(
                    "app.choose.filter",
                    filter = w.choose.filter.name(),
                    n = n
                ));
            }
            return;
        }
        Action::CycleFocus => {
            w.session.focus = Dimension::cycle_focus(w.session.focus, true);
            out.save();
            out.info(match w.session.focus {
                Some(d) => tr!("app.choose.focus", dimension = d.name()),
                None => tr!("app.choose.focus_none").to_string(),
            });
            return;
        }
        Action::NextView => {
            w.choose.view = w.choose.view.next();
            out.info(tr!("app.choose.view", view = w.choose.view.name()));
            return;
        }
        Action::ToggleReveal => {
            toggle_reveal(w, out);
            return;
        }
        // Nothing else is Choose's; it neither selects nor pins.
        a if !acts_on_the_mot(&a) => return,
        _ => {}
    }
    let Some((index, id)) = selected else {
        out.info(if w.session.mots.is_empty() {
            tr!("app.choose.no_mots")
        } else {
            tr!("app.choose.none_shown")
        });
        return;
    };
    // Acting on the MOT shown selected makes it the selection everywhere,
    // and keeps it on screen even if the mark takes it out of the filter.
    w.cursor = index;
    w.choose.pinned = Some(id);
    match action {
        Action::ToggleChosen => {
            if let Some(now) = out.apply(w.session.toggle_chosen(id)) {
                let n = w.session.chosen_count();
                out.info(if now {
                    tr!("app.choose.chosen", id = id, n = n)
                } else {
                    tr!("app.choose.unchosen", id = id, n = n)
                });
            }
        }
        Action::CycleGolden => cycle_golden(w, id, out),
        Action::ToggleCarries => {
            if let Some(now) = out.apply(w.session.toggle_carries(id)) {
                out.info(if now {
                    tr!("app.choose.carries", id = id)
                } else {
                    tr!("app.choose.carries_not", id = id)
                });
            }
        }
        Action::Rate(_) | Action::ClearRating => {
            let circle = w.choose.circle;
            let Some(rating) = circle.rating() else {
                out.info(tr!("app.choose.importance_from_votes"));
                return;
            };
            let value = match action {
                Action::Rate(v) => Some(v),
                _ => None,
            };
            let now = w.session.mot(id).and_then(|m| match rating {
                crate::model::Rating::WeDoWell => m.we_do_well,
                crate::model::Rating::CompetitorsPoor => m.competitors_poor,
            });
            if value.is_none() && now.is_none() {
                out.info(tr!(
                    "app.choose.nothing_to_clear",
                    id = id,
                    circle = circle.name()
                ));
                return;
            }
            if out.apply(w.session.set_rating(id, rating, value)).is_some() {
                out.info(match value {
                    Some(v) => tr!(
                        "app.choose.rated",
                        id = id,
                        circle = circle.name(),
                        value = v
                    ),
                    None => tr!("app.choose.unrated", id = id, circle = circle.name()),
                });
            }
        }
        Action::Open => match w.session.mot(id) {
            Some(m) if m.chosen => {
                w.choose.motx = Some(MotxEditor {
                    mot: id,
                    fields: [
                        TextField::new(&m.motx.company_does),
                        TextField::new(&m.motx.customer_next),
                    ],
                    focus: 0,
                });
            }
            _ => out.info(tr!("app.choose.motx_needs_choice", id = id)),
        },
        _ => {}
    }
}

/// The circle picked and where it starts, in words.
pub(super) fn circle_words(w: &Workshop) -> String {
    let circle = w.choose.circle;
    let at = w.session.circles.get(circle);
    match circle {
        Circle::Important => tr!(
            "app.choose.circle_important",
            circle = circle.name(),
            at = at
        ),
        _ => tr!("app.choose.circle_rated", circle = circle.name(), at = at),
    }
}

pub(super) fn motx_editor(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(ed) = &mut w.choose.motx else { return };
    match action {
        Action::Type(key) => out.cut(ed.fields[ed.focus].input(key)),
        Action::Paste(text) => out.cut(ed.fields[ed.focus].paste(&text)),
        Action::NextField | Action::PrevField => ed.focus = 1 - ed.focus.min(1),
        Action::Submit if ed.focus == 0 => ed.focus = 1,
        Action::Submit | Action::SaveMot => {
            let (id, motx) = (ed.mot, ed.motx());
            w.choose.motx = None;
            if out.apply(w.session.set_motx(id, motx)).is_some() {
                out.info(tr!("app.choose.motx_kept", id = id));
            }
        }
        Action::Cancel => {
            let Some(ed) = w.choose.motx.take() else {
                return;
            };
            let unchanged = w.session.mot(ed.mot).is_some_and(|m| m.motx == ed.motx());
            if unchanged {
                out.info(tr!("app.choose.motx_discarded"));
            } else {
                w.draft = Some(Draft::Motx(Box::new(ed)));
                out.info(tr!("app.editor.draft_kept"));
            }
        }
        _ => {}
    }
}

/// Whether an action marks, rates or opens the selected MOT.
fn acts_on_the_mot(action: &Action) -> bool {
    matches!(
        action,
        Action::ToggleChosen
            | Action::CycleGolden
            | Action::ToggleCarries
            | Action::Rate(_)
            | Action::ClearRating
            | Action::Open
    )
}
