//! Drill, cards: the deck, the lists to pick a card from, the card editor.

use super::*;

pub(super) fn cards(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let deck = &w.session.drill.deck;
    match action {
        a if moves(&a) => w.drill.card = step(w.drill.card, deck.len(), &a),
        Action::AddFromLibrary => {
            w.drill.picker = Some(Pick {
                source: Source::Library,
                selected: 0,
            });
        }
        Action::CardFromMot => {
            if w.session.mots.iter().any(|m| m.chosen) {
                w.drill.picker = Some(Pick {
                    source: Source::Chosen,
                    selected: 0,
                });
            } else {
                out.info(tr!("drill.app.none_chosen"));
            }
        }
        Action::NewCard => {
            w.drill.editor = Some(CardEditor::new(None, &Card::default()));
        }
        Action::Open => match deck.get(w.drill.card) {
            Some(c) => w.drill.editor = Some(CardEditor::new(Some(c.id), &c.card)),
            None => out.info(tr!("drill.app.no_cards")),
        },
        Action::Delete => match deck.get(w.drill.card) {
            Some(c) => {
                let (id, title) = (c.id, c.card.title.clone());
                let before = w.session.drill.this_round();
                w.session.drill.remove_card(id);
                out.save();
                // The deck is dealt in turn: tables may now play another
                // card this round, and the trainer must hear which.
                let after = w.session.drill.this_round();
                let moved: Vec<String> = before
                    .iter()
                    .zip(&after)
                    .filter(|(b, a)| b.trio == a.trio && b.card != a.card)
                    .map(|(b, _)| b.trio.to_string())
                    .collect();
                out.info(if moved.is_empty() {
                    tr!("drill.app.card_removed", id = id, title = title)
                } else {
                    tr!(
                        "drill.app.card_removed_dealt",
                        id = id,
                        title = title,
                        trios = moved.join(", ")
                    )
                });
                w.drill.card = w
                    .drill
                    .card
                    .min(w.session.drill.deck.len().saturating_sub(1));
            }
            None => out.info(tr!("drill.app.no_cards")),
        },
        _ => {}
    }
}

/// The chosen MOTs, in the session's order: what a card can be made from.
pub(super) fn chosen(session: &Session) -> Vec<MotId> {
    session
        .mots
        .iter()
        .filter(|m| m.chosen)
        .map(|m| m.id)
        .collect()
}

/// Keys on the list a card is picked from (the library, the chosen MOTs).
pub(super) fn pick_list(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(pick) = w.drill.picker else { return };
    let lang = crate::i18n::current();
    let len = match pick.source {
        Source::Library => library(lang).len(),
        Source::Chosen => chosen(&w.session).len(),
    };
    match action {
        a if moves(&a) => {
            if let Some(p) = &mut w.drill.picker {
                p.selected = step(p.selected, len, &a);
            }
        }
        Action::Cancel => w.drill.picker = None,
        Action::Open => {
            let card = match pick.source {
                Source::Library => library(lang).into_iter().nth(pick.selected),
                Source::Chosen => chosen(&w.session)
                    .get(pick.selected)
                    .and_then(|id| w.session.mot(*id))
                    .map(Card::from_mot),
            };
            let Some(card) = card else {
                w.drill.picker = None;
                return;
            };
            if w.session.drill.deck.len() >= limits::MAX_CARDS {
                return out.error(tr!("drill.app.deck_full", max = limits::MAX_CARDS));
            }
            w.drill.picker = None;
            let missing = card.missing().len();
            let title = card.title.clone();
            let id = w.session.drill.add_card(card);
            out.save();
            w.drill.card = w.session.drill.deck.len() - 1;
            out.info(if missing == 0 {
                tr!("drill.app.card_added", id = id, title = title)
            } else {
                tr!(
                    "drill.app.card_added_to_write",
                    id = id,
                    title = title,
                    n = missing
                )
            });
        }
        _ => {}
    }
}

pub(in crate::app::update) fn card_editor(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(ed) = &mut w.drill.editor else {
        return;
    };
    let n = ed.fields.len();
    match action {
        Action::Type(key) => out.cut(ed.fields[ed.focus].input(key)),
        Action::Paste(text) => out.cut(ed.fields[ed.focus].paste(&text)),
        Action::NextField => ed.focus = (ed.focus + 1) % n,
        Action::PrevField => ed.focus = (ed.focus + n - 1) % n,
        Action::Submit if ed.focus + 1 < n => ed.focus += 1,
        Action::Submit | Action::SaveMot => keep_card(w, out),
        Action::Cancel => {
            let Some(ed) = w.drill.editor.take() else {
                return;
            };
            let before = ed
                .card
                .and_then(|id| w.session.drill.card(id))
                .cloned()
                .unwrap_or_default();
            if ed.card() == before {
                out.info(tr!("drill.app.card_closed"));
            } else {
                w.draft = Some(Draft::Card(Box::new(ed)));
                out.info(tr!("app.editor.draft_kept"));
            }
        }
        _ => {}
    }
}

/// Keeps the card being written, in the deck.
pub(super) fn keep_card(w: &mut Workshop, out: &mut Outcome) {
    let Some(ed) = &w.drill.editor else { return };
    let mut card = ed.card();
    if card == Card::default() || (card.title.is_empty() && card.missing().len() == 12) {
        return out.error(tr!("drill.app.card_empty"));
    }
    let missing = card.missing().len();
    let id = match ed.card {
        Some(id) => {
            if card.title.trim().is_empty() {
                card.set_title(&tr!("drill.app.untitled", id = id));
            }
            match w.session.drill.card_mut(id) {
                Some(slot) => *slot = card,
                // Undone from under the editor: kept as a new card.
                None => return keep_new(w, card, missing, out),
            }
            id
        }
        None => return keep_new(w, card, missing, out),
    };
    w.drill.editor = None;
    out.save();
    out.info(card_kept(id, missing));
}

pub(super) fn keep_new(w: &mut Workshop, mut card: Card, missing: usize, out: &mut Outcome) {
    if w.session.drill.deck.len() >= limits::MAX_CARDS {
        return out.error(tr!("drill.app.deck_full", max = limits::MAX_CARDS));
    }
    if card.title.trim().is_empty() {
        let next = w.session.drill.deck.iter().map(|c| c.id).max().unwrap_or(0) + 1;
        card.set_title(&tr!("drill.app.untitled", id = next));
    }
    let id = w.session.drill.add_card(card);
    w.drill.card = w.session.drill.deck.len() - 1;
    w.drill.editor = None;
    out.save();
    out.info(card_kept(id, missing));
}

pub(super) fn card_kept(id: u32, missing: usize) -> String {
    if missing == 0 {
        tr!("drill.app.card_kept", id = id)
    } else {
        tr!("drill.app.card_kept_to_write", id = id, n = missing)
    }
}
