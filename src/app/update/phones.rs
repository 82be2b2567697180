//! The room's phones: what a phone asks, applied like a key, and the room
//! screen's keys (open and close the room, release a phone, a newcomer's
//! group). A phone's change is the phone's: it is saved like any change but
//! is no step of the facilitator's undo, and undo leaves it standing.

use super::*;
use crate::app::phones::{
    MAX_PHONE_TEXT_CHARS, PhoneAction, PhoneAsk, PhoneReply, Refusal, RoomScreen,
};
use crate::model::{MotText, ParticipantId};

/// Applies what a phone asks; the answer waits in `phones.answer` for the
/// shell to hand back. Returns the effects (a save).
pub(super) fn phone(app: &mut App, action: PhoneAction) -> Vec<Effect> {
    let Screen::Workshop(w) = &mut app.screen else {
        return Vec::new();
    };
    let mut out = Outcome::default();
    let answer = if !w.phones.open || w.read_only() {
        Err(Refusal::Closed)
    } else {
        w.changed();
        let answer = ask(w, action.device, action.ask, &mut out);
        w.changed();
        answer
    };
    if out.effects.contains(&Effect::Save) {
        // Not the facilitator's step: the next one is compared with this.
        w.history.absorb(&w.session);
    }
    w.phones.answer = Some(answer);
    if let Some((text, error)) = out.status {
        if error {
            app.error(text);
        } else {
            app.info(text);
        }
    }
    out.effects
}

fn ask(
    w: &mut Workshop,
    device: u32,
    ask: PhoneAsk,
    out: &mut Outcome,
) -> Result<PhoneReply, Refusal> {
    match ask {
        PhoneAsk::Claim(participant) => {
            if w.session.participant(participant).is_none() {
                return Err(Refusal::Model(ModelError::NoSuchParticipant(participant)));
            }
            match w.phones.holder(participant) {
                Some(d) if d == device => return Ok(PhoneReply::Claimed(participant)),
                Some(_) => return Err(Refusal::Taken),
                None => {}
            }
            let voted = w.session.dots.iter().any(|d| d.participant == participant);
            if voted && !w.phones.freed.contains(&participant) {
                return Err(Refusal::Voted);
            }
            w.phones.freed.remove(&participant);
            w.phones.claims.retain(|_, d| *d != device);
            w.phones.claims.insert(participant, device);
            Ok(PhoneReply::Claimed(participant))
        }
        PhoneAsk::Join { name, group } => {
            if name.chars().count() > MAX_PHONE_TEXT_CHARS {
                return Err(Refusal::TooLong);
            }
            let name = plain_line(&name);
            if name.is_empty() {
                return Err(Refusal::Empty);
            }
            let same = |a: &str| a.to_lowercase() == name.to_lowercase();
            if w.session
                .participants
                .iter()
                .any(|p| same(&plain_line(&p.name)))
            {
                return Err(Refusal::SameName);
            }
            let id = w
                .session
                .add_participant(&name, group)
                .map_err(Refusal::Model)?;
            w.phones.claims.retain(|_, d| *d != device);
            w.phones.claims.insert(id, device);
            w.phones.newcomers.insert(id);
            out.save();
            let name = w
                .session
                .participant(id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            out.info(tr!("phones.joined", name = name));
            Ok(PhoneReply::Claimed(id))
        }
        PhoneAsk::Leave => {
            w.phones.claims.retain(|_, d| *d != device);
            Ok(PhoneReply::Left)
        }
        PhoneAsk::Write(text) => {
            let fields = [&text.who, &text.situation, &text.feeling];
            if fields
                .iter()
                .any(|f| f.chars().count() > MAX_PHONE_TEXT_CHARS)
            {
                return Err(Refusal::TooLong);
            }
            let text = MotText {
                who: plain_line(&text.who),
                situation: plain_line(&text.situation),
                feeling: plain_line(&text.feeling),
            };
            if [&text.who, &text.situation, &text.feeling]
                .iter()
                .all(|f| f.is_empty())
            {
                return Err(Refusal::Empty);
            }
            let author = w
                .phones
                .held_by(device)
                .and_then(|p| w.session.participant(p))
                .map(|p| p.name.clone())
                .ok_or(Refusal::NoName)?;
            // The list follows arrivals when its last MOT was selected, as
            // a log does; elsewhere the selection stays where it was.
            let following = w.editor.is_none() && w.cursor + 1 >= w.session.mots.len();
            let id = w
                .session
                .try_add_phone_mot(text, &author)
                .map_err(Refusal::Model)?;
            if following {
                w.cursor = w.session.mots.len() - 1;
            }
            w.phones.arrived.push((id, device));
            out.save();
            // Kept whatever the stage: a MOT sent as the room moved on is
            // the room's work too. Write's list shows it; elsewhere it is said.
            if w.stage() != Stage::Write {
                out.info(if w.session.show_authors {
                    tr!("phones.arrived_late", mot = id, name = author)
                } else {
                    tr!("phones.arrived_late_anonymous", mot = id)
                });
            }
            Ok(PhoneReply::Wrote(id))
        }
        PhoneAsk::SetDots { mot, count } => {
            let participant = w.phones.held_by(device).ok_or(Refusal::NoName)?;
            if w.stage() != Stage::Vote || !w.session.counting.dots() {
                return Err(Refusal::NotVoting);
            }
            if w.session.votes_revealed {
                return Err(Refusal::Revealed);
            }
            set_dots(&mut w.session, participant, mot, count).map_err(Refusal::Model)?;
            out.save();
            Ok(PhoneReply::Dots {
                count: w.session.dots_on(participant, mot),
                left: w.session.dots_left(participant),
            })
        }
    }
}

/// Moves one participant's dots on one MOT to `count`, a dot at a time
/// through the session's own rules (budget, cap), all or nothing.
fn set_dots(
    session: &mut Session,
    participant: ParticipantId,
    mot: MotId,
    count: u32,
) -> Result<(), ModelError> {
    if session.mot(mot).is_none() {
        return Err(ModelError::NoSuchMot(mot));
    }
    let saved = session.dots.clone();
    let result = (|| {
        let mut on = session.dots_on(participant, mot);
        while on < count {
            on = session.add_dot(participant, mot)?;
        }
        while on > count {
            on = session.remove_dot(participant, mot)?;
        }
        Ok(())
    })();
    if result.is_err() {
        // Nothing half-done: the dots as they were.
        session.dots = saved;
    }
    result
}

/// Text from a phone as one clean line: control characters, and the
/// invisible marks that reorder or hide text (bidirectional overrides,
/// zero-width characters), become nothing or a space, so a name cannot
/// pass for another or show reversed on the wall.
fn plain_line(text: &str) -> String {
    let visible: String = text
        .chars()
        .filter(|c| {
            !matches!(*c as u32,
                0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2069 | 0xFEFF | 0x00AD)
        })
        .collect();
    crate::model::session::clean_line(&visible)
}

/// Opens the room, or shows its screen when it is open.
pub(super) fn open_or_show(w: &mut Workshop, out: &mut Outcome) {
    if w.read_only() {
        out.error(w.no_change_words());
        return;
    }
    w.phones.screen = Some(RoomScreen::default());
    if !w.phones.open {
        out.effects.push(Effect::OpenRoom);
    }
}

/// The room screen's keys.
pub(super) fn screen(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let rows = w.session.participants.len();
    let Some(screen) = &mut w.phones.screen else {
        return;
    };
    match action {
        Action::Cancel => w.phones.screen = None,
        Action::Room => {
            if w.phones.open {
                out.effects.push(Effect::CloseRoom);
            } else {
                out.effects.push(Effect::OpenRoom);
            }
        }
        Action::Up => screen.selected = screen.selected.saturating_sub(1),
        Action::Down => screen.selected = (screen.selected + 1).min(rows.saturating_sub(1)),
        Action::Home => screen.selected = 0,
        Action::End => screen.selected = rows.saturating_sub(1),
        Action::PageUp => screen.selected = screen.selected.saturating_sub(PAGE),
        Action::PageDown => screen.selected = (screen.selected + PAGE).min(rows.saturating_sub(1)),
        Action::Delete => {
            let Some(p) = w.session.participants.get(screen.selected) else {
                return;
            };
            w.phones.freed.insert(p.id);
            if w.phones.claims.remove(&p.id).is_some() {
                out.info(tr!("phones.released", name = p.name));
            } else {
                out.info(tr!("phones.freed", name = p.name));
            }
        }
        Action::Left | Action::Right => {
            let Some(p) = w.session.participants.get(screen.selected) else {
                return;
            };
            let (id, group) = (p.id, p.group);
            let groups = &w.session.groups;
            let Some(at) = groups.iter().position(|g| g.id == group) else {
                return;
            };
            let n = groups.len();
            let next = if action == Action::Right {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            let next = groups[next].id;
            if out
                .apply(w.session.set_participant_group(id, next))
                .is_some()
            {
                w.phones.newcomers.remove(&id);
            }
        }
        Action::ToggleAuthors => {
            w.session.show_authors = !w.session.show_authors;
            out.save();
            out.info(if w.session.show_authors {
                tr!("phones.authors_shown")
            } else {
                tr!("phones.authors_hidden")
            });
        }
        _ => {}
    }
}

/// Whether the keyboard may change this participant's dots: not while a
/// phone holds them (the facilitator releases the phone first).
pub(super) fn keyboard_may_vote(
    w: &Workshop,
    participant: ParticipantId,
    out: &mut Outcome,
) -> bool {
    if w.phones.holder(participant).is_none() {
        return true;
    }
    let name = w
        .session
        .participant(participant)
        .map(|p| p.name.clone())
        .unwrap_or_default();
    out.error(tr!("phones.dots_on_phone", name = name));
    false
}

/// After an undo or redo lands: what phones did since stays. Participants
/// who joined from a phone are kept, and a participant a phone holds keeps
/// the dots they have now (and those on a MOT the undo brought back, within
/// the budget and the cap), each in its place so the next step still finds
/// its own. Phone MOTs ride along by themselves: they are appended, and a
/// step only replaces what it changed. Returns whether anything was kept.
pub(super) fn keep_phone_work(w: &mut Workshop, before: &Session) -> bool {
    let mut kept = false;
    for id in w.phones.newcomers.clone() {
        if w.session.participant(id).is_none()
            && let Some(p) = before.participant(id)
            && w.session.group(p.group).is_some()
        {
            w.session.participants.push(p.clone());
            kept = true;
        }
    }
    let held: std::collections::HashSet<ParticipantId> = w
        .phones
        .claims
        .keys()
        .copied()
        .filter(|p| w.session.participant(*p).is_some())
        .collect();
    if held.is_empty() {
        return kept;
    }
    let now: std::collections::HashMap<(ParticipantId, MotId), u32> = before
        .dots
        .iter()
        .filter(|d| held.contains(&d.participant))
        .map(|d| ((d.participant, d.mot), d.count))
        .collect();
    let dots_before = w.session.dots.clone();
    // In place: a held participant's count as it is now; gone if they took
    // it back, unless the undo brought its MOT back (checked below).
    w.session.dots.retain_mut(|d| {
        if !held.contains(&d.participant) {
            return true;
        }
        match now.get(&(d.participant, d.mot)) {
            Some(count) => {
                d.count = *count;
                true
            }
            None => before.mot(d.mot).is_none(),
        }
    });
    for d in &before.dots {
        let present = w
            .session
            .dots
            .iter()
            .any(|e| e.participant == d.participant && e.mot == d.mot);
        if held.contains(&d.participant) && !present && w.session.mot(d.mot).is_some() {
            w.session.dots.push(*d);
        }
    }
    // Dots on a MOT the undo brought back stay only within the budget and cap.
    for p in &held {
        let over = |s: &Session| s.dots_spent(*p) > s.dot_budget;
        if over(&w.session) {
            w.session
                .dots
                .retain(|d| d.participant != *p || before.mot(d.mot).is_some());
        }
    }
    let cap = w.session.max_dots_per_mot;
    w.session
        .dots
        .retain(|d| d.count > 0 && d.count <= cap.max(1) || !held.contains(&d.participant));
    kept || w.session.dots != dots_before
}

/// Lets go of claims on participants no longer in the session (removed in
/// Setup, or undone): their phones pick a name again.
pub(super) fn tidy_claims(w: &mut Workshop) {
    let session = &w.session;
    w.phones
        .claims
        .retain(|p, _| session.participant(*p).is_some());
    w.phones
        .newcomers
        .retain(|p| session.participant(*p).is_some());
    w.phones.freed.retain(|p| session.participant(*p).is_some());
}
