//! Drill, trios: forming them and moving people between them.

use super::*;

/// The people of the Trios view in its order: the trios' members, trio by
/// trio, then the participants in no trio.
pub(super) fn people(session: &Session) -> Vec<ParticipantId> {
    let mut order: Vec<ParticipantId> = session
        .drill
        .trios
        .iter()
        .flat_map(|t| t.members.iter().copied())
        .collect();
    let outside: Vec<ParticipantId> = session
        .participants
        .iter()
        .map(|p| p.id)
        .filter(|id| !order.contains(id))
        .collect();
    order.extend(outside);
    order
}

pub(super) fn trios(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let order = people(&w.session);
    match action {
        // A page of trios: to the first person of the trio a page on (or back).
        Action::PageUp | Action::PageDown => {
            let trios = &w.session.drill.trios;
            let Some(&who) = order.get(w.drill.person) else {
                return;
            };
            let at = trios
                .iter()
                .position(|t| t.members.contains(&who))
                .unwrap_or(trios.len());
            let page = w.drill.per_page.get().max(1);
            let to = if action == Action::PageUp {
                at.saturating_sub(page)
            } else {
                at + page
            };
            w.drill.person = match trios.get(to).and_then(|t| t.members.first()) {
                Some(first) => order.iter().position(|p| p == first).unwrap_or(0),
                None if action == Action::PageDown => order.len().saturating_sub(1),
                None => 0,
            };
        }
        a if moves(&a) => w.drill.person = step(w.drill.person, order.len(), &a),
        Action::FormTrios => {
            let everyone: Vec<ParticipantId> =
                w.session.participants.iter().map(|p| p.id).collect();
            match w.session.drill.form_trios(&everyone) {
                Ok(()) => {
                    out.save();
                    w.drill.person = 0;
                    w.drill.table = 0;
                    out.info(formed_words(&w.session));
                }
                Err(TrioError::TooFew(n)) => out.error(tr!("drill.app.too_few", n = n)),
                Err(e) => out.error(e.to_string()),
            }
        }
        Action::Left | Action::Right => {
            let Some(&who) = order.get(w.drill.person) else {
                return out.info(tr!("drill.app.no_people"));
            };
            let trios = &w.session.drill.trios;
            if trios.is_empty() {
                return out.info(tr!("drill.app.no_trios"));
            }
            let at = trios.iter().position(|t| t.members.contains(&who));
            // The trios that way, nearest first; a full one is passed over
            // for the next with room.
            let way: Vec<usize> = match (at, action == Action::Right) {
                (Some(i), true) => (i + 1..trios.len()).collect(),
                (Some(i), false) => (0..i).rev().collect(),
                (None, true) => (0..trios.len()).collect(),
                (None, false) => (0..trios.len()).rev().collect(),
            };
            let Some(&first) = way.first() else {
                return out.info(tr!("drill.app.no_further"));
            };
            let room = way
                .iter()
                .find(|i| trios[**i].members.len() < *SIZES.end())
                .unwrap_or(&first);
            let to = trios[*room].id;
            match w.session.drill.move_to(who, to) {
                Ok(()) => {
                    out.save();
                    let name = name_of(&w.session, who);
                    out.info(tr!("drill.app.moved", name = name, trio = to));
                    if let Some(i) = people(&w.session).iter().position(|p| *p == who) {
                        w.drill.person = i;
                    }
                }
                Err(TrioError::WrongSize) => out.error(tr!(
                    "drill.app.wrong_size",
                    trio = to,
                    min = SIZES.start(),
                    max = SIZES.end()
                )),
                Err(e) => out.error(e.to_string()),
            }
        }
        _ => {}
    }
}

/// Whether the trios as they are have played: a sheet of a round since
/// they were formed.
pub(super) fn played(session: &Session) -> bool {
    let d = &session.drill;
    !d.trios.is_empty() && d.sheets.iter().any(|s| s.round >= d.formed_at)
}

/// What forming the trios came to, in words: how many people, trios, and
/// the pair or the four.
pub(super) fn formed_words(session: &Session) -> String {
    let trios = &session.drill.trios;
    let people: usize = trios.iter().map(|t| t.members.len()).sum();
    let odd = trios.iter().find(|t| t.members.len() != 3);
    match odd.map(|t| (t.id, t.members.len())) {
        Some((id, 2)) => tr!(
            "drill.app.formed_pair",
            people = people,
            trios = trios.len(),
            trio = id
        ),
        Some((id, _)) => tr!(
            "drill.app.formed_four",
            people = people,
            trios = trios.len(),
            trio = id
        ),
        None => tr!("drill.app.formed", people = people, trios = trios.len()),
    }
}
