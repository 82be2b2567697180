//! Drill, the debrief: by trio or person, anonymous, a comment made a MOT.

use super::*;

pub(super) fn debrief(w: &mut Workshop, action: Action, out: &mut Outcome, again: bool) {
    let d = w.derived.debrief(&w.session);
    let remarks = d.remarks.len();
    let groups = if w.drill.by == DebriefBy::Person && !w.session.drill.anonymous {
        d.by_person.len()
    } else {
        d.by_trio.len()
    };
    match action {
        // The page keys scroll the trios or people; the arrows, the comments.
        Action::PageUp => {
            let page = w.drill.group_page.get().max(1);
            w.drill.group_top = w.drill.group_top.saturating_sub(page);
        }
        Action::PageDown => {
            let page = w.drill.group_page.get().max(1);
            w.drill.group_top = (w.drill.group_top + page).min(groups.saturating_sub(page));
        }
        a if moves(&a) => w.drill.remark = step(w.drill.remark, remarks, &a),
        Action::ToggleDebriefBy => {
            if w.session.drill.anonymous {
                w.drill.by = DebriefBy::Trio;
                return out.info(tr!("drill.app.anonymous_no_people"));
            }
            w.drill.by = match w.drill.by {
                DebriefBy::Trio => DebriefBy::Person,
                DebriefBy::Person => DebriefBy::Trio,
            };
            w.drill.group_top = 0;
        }
        Action::ToggleAnonymous => {
            let d = &mut w.session.drill;
            d.anonymous = !d.anonymous;
            if d.anonymous {
                w.drill.by = DebriefBy::Trio;
            }
            out.save();
            out.info(if d.anonymous {
                tr!("drill.app.anonymous_on")
            } else {
                tr!("drill.app.anonymous_off")
            });
        }
        Action::CommentToMot => {
            let Some(r) = w
                .derived
                .debrief(&w.session)
                .remarks
                .get(w.drill.remark)
                .cloned()
            else {
                return out.info(tr!("drill.app.no_comments"));
            };
            let d = &w.session.drill;
            let card = d
                .sheet(r.round, r.staff)
                .and_then(|s| d.card_of(s))
                .and_then(|id| d.card(id))
                .cloned()
                .unwrap_or_default();
            let text = mot_from_comment(&card, r.step, &r.text);
            let origin = crate::model::MotOrigin::Drill {
                round: r.round,
                step: r.step,
            };
            // A comment made into a MOT before is said so, once: a room
            // does not want the same MOT twice by a slip of the key.
            let made = w
                .session
                .mots
                .iter()
                .find(|m| m.origin.as_ref() == Some(&origin) && m.situation == text.situation)
                .map(|m| m.id);
            if let (Some(id), false) = (made, again) {
                w.drill.confirm_mot = true;
                return out.info(tr!("drill.app.comment_is_mot", id = id));
            }
            w.editor = Some(MotEditor {
                mot: None,
                fields: [
                    TextField::new(&text.who),
                    TextField::new(&text.situation),
                    TextField::new(&text.feeling),
                ],
                focus: 0,
                origin: Some(origin),
            });
            out.info(tr!("drill.app.comment_to_mot", round = r.round + 1));
        }
        _ => {}
    }
}
