//! The Write stage and the MOT editor.

use super::*;

pub(super) fn write(w: &mut Workshop, action: Action, out: &mut Outcome) {
    match action {
        Action::NewMot => {
            w.editor = Some(MotEditor {
                mot: None,
                fields: Default::default(),
                focus: 0,
                origin: None,
            });
        }
        Action::Open => match w.selected_mot() {
            Some(m) => {
                let fields = [
                    TextField::new(&m.who),
                    TextField::new(&m.situation),
                    TextField::new(&m.feeling),
                ];
                w.editor = Some(MotEditor {
                    mot: Some(m.id),
                    fields,
                    focus: 0,
                    origin: None,
                });
            }
            None => out.info(tr!("app.write.none")),
        },
        Action::Delete => match w.selected_mot() {
            Some(m) => {
                let id = m.id;
                remove(w, Removal::Mot(id), out);
            }
            None => out.info(tr!("app.write.nothing_to_delete")),
        },
        Action::ImportFile => super::import::ask(w, out),
        Action::ReviewDuplicates => super::duplicates::open(w, out),
        Action::Paste(text) => super::import::pasted(w, &text, out),
        _ => {}
    }
}

pub(super) fn editor(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(ed) = &mut w.editor else { return };
    match action {
        Action::Type(key) => out.cut(ed.fields[ed.focus].input(key)),
        Action::Paste(text) => out.cut(ed.fields[ed.focus].paste(&text)),
        Action::NextField => ed.focus = (ed.focus + 1) % 3,
        Action::PrevField => ed.focus = (ed.focus + 2) % 3,
        Action::Submit if ed.focus < 2 => ed.focus += 1,
        Action::Submit | Action::SaveMot => {
            let text = ed.text();
            if text.who.trim().is_empty()
                && text.situation.trim().is_empty()
                && text.feeling.trim().is_empty()
            {
                out.error(tr!("app.editor.empty"));
                return;
            }
            match ed.mot {
                Some(id) => {
                    if out.apply(w.session.edit_mot(id, text)).is_some() {
                        out.info(tr!("app.editor.kept", id = id));
                    }
                }
                None => match w.session.try_add_mot_from(text, ed.origin.clone()) {
                    Ok(id) => {
                        out.save();
                        w.cursor = w.session.mots.len().saturating_sub(1);
                        // From a drill, the trainer stays in the drill:
                        // `n` there writes a card, not the next MOT.
                        out.info(if ed.origin.is_some() {
                            tr!("app.editor.added_from_drill", id = id)
                        } else {
                            tr!("app.editor.added", id = id)
                        });
                    }
                    // The editor stays open, so what was typed is not lost.
                    Err(e) => return out.error(e.to_string()),
                },
            }
            w.editor = None;
        }
        Action::Cancel => {
            let Some(ed) = w.editor.take() else { return };
            if typed_in(&w.session, &ed) {
                w.draft = Some(Draft::Mot(Box::new(ed)));
                out.info(tr!("app.editor.draft_kept"));
            } else {
                out.info(tr!("app.editor.discarded"));
            }
        }
        _ => {}
    }
}

/// Whether an editor holds anything the MOT does not (a new MOT: anything).
fn typed_in(session: &Session, ed: &MotEditor) -> bool {
    let t = ed.text();
    match ed.mot.and_then(|id| session.mot(id)) {
        Some(m) => {
            (t.who, t.situation, t.feeling)
                != (m.who.clone(), m.situation.clone(), m.feeling.clone())
        }
        None => [t.who, t.situation, t.feeling]
            .iter()
            .any(|f| !f.trim().is_empty()),
    }
}
