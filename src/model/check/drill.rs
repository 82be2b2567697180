//! The checks of a session's drill: how many cards, trios and sheets, ids
//! unique, trios of two to four participants who exist and drill in one
//! trio each, rounds, phases and scores within their bounds, one sheet per
//! staff member per round.
//!
//! A sheet is a record of a round played: it may name a participant who
//! has left since (their sheets stay for the debrief) and a trio formed
//! again since, so neither is checked against today's lists. A trio is
//! today's: every member must be in the session.

use std::collections::{HashMap, HashSet};

use super::{Checked, id, invalid, text, too_many};
use crate::model::drill::clock::{PHASE_SECONDS, Phase};
use crate::model::drill::plan::Drill;
use crate::model::drill::sheet::SCORES;
use crate::model::drill::trios::{SIZES, TrioId};
use crate::model::limits::{MAX_CARDS, MAX_ROUND, MAX_SHEETS, MAX_TRIOS, grouped};
use crate::model::path::FieldPath;
use crate::model::session::ParticipantId;
use crate::tr;

fn at(rest: &'static str) -> FieldPath {
    FieldPath::field("drill").then(rest)
}

/// Checks a drill against the session's participants, in the order the
/// file writes it.
pub(super) fn drill(d: &Drill, participants: &HashSet<ParticipantId>) -> Checked {
    deck(d)?;
    trios(d, participants)?;
    if d.round > MAX_ROUND {
        return invalid(
            at("round"),
            tr!(
                "model.invalid.drill_round",
                round = grouped(u64::from(d.round)),
                max = MAX_ROUND
            ),
        );
    }
    // The trios' first round is one the room has reached.
    if d.formed_at > d.round {
        return invalid(
            at("formed_at"),
            tr!(
                "model.invalid.drill_formed_at",
                formed_at = d.formed_at,
                round = d.round
            ),
        );
    }
    phases(d)?;
    sheets(d)
}

fn deck(d: &Drill) -> Checked {
    let list = at("deck");
    too_many(
        d.deck.len(),
        MAX_CARDS,
        list.clone(),
        "model.invalid.too_many_cards",
    )?;
    let mut seen = HashSet::with_capacity(d.deck.len());
    for (i, c) in d.deck.iter().enumerate() {
        let card = list.clone().at(i);
        id(
            c.id,
            &mut seen,
            card.clone().then("id"),
            "model.invalid.card_id_too_large",
            "model.invalid.card_id_twice",
        )?;
        let card = card.then("card");
        let c = &c.card;
        for (name, value) in [
            ("title", &c.title),
            ("who", &c.who),
            ("opening", &c.opening),
            ("need", &c.need),
            ("objection", &c.objection),
            ("scene", &c.scene),
            ("goal", &c.goal),
            ("feeling", &c.feeling),
        ] {
            text(value, card.clone().then(name))?;
        }
        let guide = card.clone().then("guide");
        for (name, value) in [
            ("atmosphere", &c.guide.atmosphere),
            ("analyse", &c.guide.analyse),
            ("solve", &c.guide.solve),
            ("summarise", &c.guide.summarise),
            ("follow_up", &c.guide.follow_up),
        ] {
            text(value, guide.clone().then(name))?;
        }
        // A card made from a MOT stays when the MOT is deleted: it is a
        // copy, so the MOT it names need not exist.
        if let crate::model::drill::cards::CardOrigin::Library(key) = &c.origin {
            text(key, card.then("origin"))?;
        }
    }
    Ok(())
}

fn trios(d: &Drill, participants: &HashSet<ParticipantId>) -> Checked {
    let list = at("trios");
    too_many(
        d.trios.len(),
        MAX_TRIOS,
        list.clone(),
        "model.invalid.too_many_trios",
    )?;
    let mut seen = HashSet::with_capacity(d.trios.len());
    // Who is in which trio, to name both when someone is in two.
    let mut trio_of: HashMap<ParticipantId, TrioId> = HashMap::new();
    for (i, t) in d.trios.iter().enumerate() {
        let trio = list.clone().at(i);
        id(
            t.id,
            &mut seen,
            trio.clone().then("id"),
            "model.invalid.trio_id_too_large",
            "model.invalid.trio_id_twice",
        )?;
        let members = trio.then("members");
        if !SIZES.contains(&t.members.len()) {
            return invalid(
                members,
                tr!(
                    "model.invalid.trio_size",
                    trio = t.id,
                    n = t.members.len(),
                    min = SIZES.start(),
                    max = SIZES.end()
                ),
            );
        }
        for (j, p) in t.members.iter().enumerate() {
            let member = members.clone().at(j);
            if !participants.contains(p) {
                return invalid(
                    member,
                    tr!("model.invalid.trio_member", trio = t.id, participant = p),
                );
            }
            if let Some(other) = trio_of.insert(*p, t.id) {
                let message = if other == t.id {
                    tr!(
                        "model.invalid.trio_member_twice",
                        trio = t.id,
                        participant = p
                    )
                } else {
                    tr!(
                        "model.invalid.trio_member_elsewhere",
                        trio = t.id,
                        other = other,
                        participant = p
                    )
                };
                return invalid(member, message);
            }
        }
    }
    Ok(())
}

fn phases(d: &Drill) -> Checked {
    for phase in Phase::ALL {
        let seconds = d.phases.seconds(phase);
        if !PHASE_SECONDS.contains(&seconds) {
            // The phase by the name the file writes it with.
            let name = match phase {
                Phase::Read => "read",
                Phase::Play => "play",
                Phase::Feedback => "feedback",
            };
            return invalid(
                at("phases").then(name),
                tr!(
                    "model.invalid.phase",
                    phase = name,
                    seconds = grouped(u64::from(seconds)),
                    min = grouped(u64::from(*PHASE_SECONDS.start())),
                    max = grouped(u64::from(*PHASE_SECONDS.end()))
                ),
            );
        }
    }
    Ok(())
}

fn sheets(d: &Drill) -> Checked {
    let list = at("sheets");
    too_many(
        d.sheets.len(),
        MAX_SHEETS,
        list.clone(),
        "model.invalid.too_many_sheets",
    )?;
    let mut seen: HashSet<(u32, ParticipantId)> = HashSet::with_capacity(d.sheets.len());
    for (i, s) in d.sheets.iter().enumerate() {
        let sheet = list.clone().at(i);
        if s.round > MAX_ROUND {
            return invalid(
                sheet.then("round"),
                tr!(
                    "model.invalid.sheet_round",
                    round = grouped(u64::from(s.round)),
                    max = MAX_ROUND
                ),
            );
        }
        if !seen.insert((s.round, s.staff)) {
            return invalid(
                sheet.then("staff"),
                tr!(
                    "model.invalid.sheet_twice",
                    staff = s.staff,
                    round = s.round
                ),
            );
        }
        for (j, score) in s.scores.iter().enumerate() {
            if let Some(score) = score
                && !SCORES.contains(score)
            {
                return invalid(
                    sheet.then("scores").at(j),
                    tr!(
                        "model.invalid.sheet_score",
                        staff = s.staff,
                        round = s.round,
                        score = score
                    ),
                );
            }
        }
        for (j, comment) in s.comments.iter().enumerate() {
            text(comment, sheet.clone().then("comments").at(j))?;
        }
    }
    Ok(())
}
