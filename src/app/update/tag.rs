//! The Tag stage: dimensions, qualities and golden marks by number keys.

use super::*;

pub(super) fn tag(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let id = w.selected_mot().map(|m| m.id);
    match action {
        Action::SetDimension(d) => {
            if let Some(id) = id {
                out.apply(w.session.set_dimension(id, Some(d)));
            }
        }
        Action::ClearDimension => {
            if let Some(id) = id {
                out.apply(w.session.set_dimension(id, None));
            }
        }
        Action::ToggleQuality(q) => {
            if let Some(id) = id {
                out.apply(w.session.toggle_quality(id, q));
            }
        }
        Action::CycleGolden => {
            if let Some(id) = id {
                cycle_golden(w, id, out);
            }
        }
        Action::NextUntagged => {
            let n = w.session.mots.len();
            let next = (1..=n)
                .map(|i| (w.cursor + i) % n.max(1))
                .find(|&i| w.session.mots.get(i).is_some_and(|m| !m.is_tagged()));
            match next {
                Some(i) => w.cursor = i,
                None if n > 0 => out.info(tr!("app.tag.all_tagged")),
                None => out.info(tr!("app.tag.no_mots")),
            }
        }
        _ => {}
    }
}
