//! The checks a session read from a file must pass: every limit of
//! [`limits`](super::limits), unique ids, references that resolve. Each
//! problem names the path to its value, so the store can point at its line
//! and column. One pass over each list with hash lookups: a session at its
//! limits (200,000 MOTs, 10,000 participants) checks in a fraction of a second.

mod drill;

use std::collections::{HashMap, HashSet};

use super::ModelError;
use super::limits::{
    MAX_DOT_BUDGET, MAX_DOTS_PER_MOT, MAX_DOTS_PER_PARTICIPANT, MAX_GROUPS, MAX_HANDS, MAX_ID,
    MAX_IMPORTANCE_PERCENT, MAX_MOTS, MAX_NAME_BYTES, MAX_NOT_DUPLICATES, MAX_NOTES,
    MAX_ORIGIN_DEPTH, MAX_PARTICIPANTS, MAX_ROUND, MAX_TEXT_CHARS, MAX_TIMEBOX_MINUTES, MAX_WEIGHT,
    MIN_IMPORTANCE_PERCENT, MIN_TIMEBOX_MINUTES, RATING_MAX, RATING_MIN, grouped,
};
use super::path::FieldPath;
use super::session::{GroupId, MotId, MotOrigin, ParticipantId, Session};
use super::stage::Stage;
use crate::tr;

type Checked = Result<(), ModelError>;

fn invalid<T>(path: FieldPath, message: String) -> Result<T, ModelError> {
    Err(ModelError::Invalid { path, message })
}

/// Whether a text is longer than a field may hold (bytes first: a text of
/// few bytes has few characters, and most texts are short).
fn too_long(text: &str) -> bool {
    text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS
}

fn text(value: &str, path: FieldPath) -> Checked {
    if too_long(value) {
        return invalid(
            path,
            tr!(
                "model.invalid.text_too_long",
                n = grouped(value.chars().count() as u64),
                max = grouped(MAX_TEXT_CHARS as u64)
            ),
        );
    }
    Ok(())
}

fn too_many(len: usize, max: usize, path: FieldPath, key: &'static str) -> Checked {
    if len > max {
        // The first one past the limit is where the file goes too far.
        let message = crate::i18n::fill(
            crate::i18n::t(key),
            &[("n", &grouped(len as u64)), ("max", &grouped(max as u64))],
        );
        return invalid(path.at(max), message);
    }
    Ok(())
}

/// Checks a whole session, in the order the file writes it.
pub fn session(s: &Session) -> Checked {
    text(&s.title, FieldPath::field("title"))?;
    timeboxes(s)?;
    text(&s.brand, FieldPath::field("brand"))?;
    text(&s.core_message, FieldPath::field("core_message"))?;
    text(&s.target_user, FieldPath::field("target_user"))?;
    if s.dot_budget > MAX_DOT_BUDGET {
        return invalid(
            FieldPath::field("dot_budget"),
            tr!(
                "model.invalid.dot_budget",
                budget = s.dot_budget,
                max = MAX_DOT_BUDGET
            ),
        );
    }
    if s.max_dots_per_mot > MAX_DOTS_PER_MOT {
        return invalid(
            FieldPath::field("max_dots_per_mot"),
            tr!(
                "model.invalid.max_dots_per_mot",
                cap = s.max_dots_per_mot,
                max = MAX_DOTS_PER_MOT
            ),
        );
    }
    circles(s)?;
    let groups = groups(s)?;
    let participants = participants(s, &groups)?;
    let mots = mots(s, &groups)?;
    dots(s, &participants, &mots)?;
    not_duplicates(s, &mots)?;
    drill::drill(&s.drill, &participants)
}

fn timeboxes(s: &Session) -> Checked {
    let mut seen = [false; Stage::ALL.len()];
    for (i, t) in s.timeboxes.iter().enumerate() {
        let at = FieldPath::field("timeboxes").at(i);
        // Stages by the names the file writes them with.
        let stage = format!("{:?}", t.stage);
        if !(MIN_TIMEBOX_MINUTES..=MAX_TIMEBOX_MINUTES).contains(&t.minutes) {
            return invalid(
                at.then("minutes"),
                tr!(
                    "model.invalid.timebox_minutes",
                    stage = stage,
                    minutes = t.minutes,
                    max = MAX_TIMEBOX_MINUTES
                ),
            );
        }
        if std::mem::replace(&mut seen[t.stage.index()], true) {
            return invalid(
                at.then("stage"),
                tr!("model.invalid.timebox_twice", stage = stage),
            );
        }
    }
    Ok(())
}

fn circles(s: &Session) -> Checked {
    let c = &s.circles;
    let words = || {
        tr!(
            "model.invalid.circles",
            important = c.important_percent,
            well = c.we_do_well,
            poor = c.competitors_poor
        )
    };
    let at = |name| FieldPath::field("circles").then(name);
    if !(MIN_IMPORTANCE_PERCENT..=MAX_IMPORTANCE_PERCENT).contains(&c.important_percent) {
        return invalid(at("important_percent"), words());
    }
    if !(RATING_MIN..=RATING_MAX).contains(&c.we_do_well) {
        return invalid(at("we_do_well"), words());
    }
    if !(RATING_MIN..=RATING_MAX).contains(&c.competitors_poor) {
        return invalid(at("competitors_poor"), words());
    }
    Ok(())
}

/// An id in range and not seen before (`seen` gathers them).
fn id(
    n: u32,
    seen: &mut HashSet<u32>,
    path: FieldPath,
    too_large: &'static str,
    twice: &'static str,
) -> Checked {
    if n > MAX_ID {
        let message = crate::i18n::fill(crate::i18n::t(too_large), &[("id", &n), ("max", &MAX_ID)]);
        return invalid(path, message);
    }
    if !seen.insert(n) {
        let message = crate::i18n::fill(crate::i18n::t(twice), &[("id", &n)]);
        return invalid(path, message);
    }
    Ok(())
}

fn groups(s: &Session) -> Result<HashSet<GroupId>, ModelError> {
    let list = FieldPath::field("groups");
    too_many(
        s.groups.len(),
        MAX_GROUPS,
        list.clone(),
        "model.invalid.too_many_groups",
    )?;
    let mut seen = HashSet::with_capacity(s.groups.len());
    for (i, g) in s.groups.iter().enumerate() {
        let at = list.clone().at(i);
        id(
            g.id,
            &mut seen,
            at.clone().then("id"),
            "model.invalid.group_id_too_large",
            "model.invalid.group_id_twice",
        )?;
        text(&g.name, at.clone().then("name"))?;
        text(&g.description, at.clone().then("description"))?;
        if g.weight > MAX_WEIGHT {
            return invalid(
                at.then("weight"),
                tr!(
                    "model.invalid.group_weight",
                    name = quoted(&g.name),
                    weight = g.weight,
                    max = MAX_WEIGHT
                ),
            );
        }
    }
    Ok(seen)
}

fn participants(
    s: &Session,
    groups: &HashSet<GroupId>,
) -> Result<HashSet<ParticipantId>, ModelError> {
    let list = FieldPath::field("participants");
    too_many(
        s.participants.len(),
        MAX_PARTICIPANTS,
        list.clone(),
        "model.invalid.too_many_participants",
    )?;
    let mut seen = HashSet::with_capacity(s.participants.len());
    for (i, p) in s.participants.iter().enumerate() {
        let at = list.clone().at(i);
        id(
            p.id,
            &mut seen,
            at.clone().then("id"),
            "model.invalid.participant_id_too_large",
            "model.invalid.participant_id_twice",
        )?;
        text(&p.name, at.clone().then("name"))?;
        if !groups.contains(&p.group) {
            return invalid(
                at.then("group"),
                tr!(
                    "model.invalid.participant_group",
                    name = quoted(&p.name),
                    group = p.group
                ),
            );
        }
    }
    Ok(seen)
}

fn mots(s: &Session, groups: &HashSet<GroupId>) -> Result<HashSet<MotId>, ModelError> {
    let list = FieldPath::field("mots");
    too_many(
        s.mots.len(),
        MAX_MOTS,
        list.clone(),
        "model.invalid.too_many_mots",
    )?;
    let mut seen = HashSet::with_capacity(s.mots.len());
    // One set reused for every MOT's hands: no allocation per MOT.
    let mut hands_seen: HashSet<GroupId> = HashSet::new();
    for (i, m) in s.mots.iter().enumerate() {
        let at = list.clone().at(i);
        id(
            m.id,
            &mut seen,
            at.clone().then("id"),
            "model.invalid.mot_id_too_large",
            "model.invalid.mot_id_twice",
        )?;
        text(&m.who, at.clone().then("who"))?;
        text(&m.situation, at.clone().then("situation"))?;
        text(&m.feeling, at.clone().then("feeling"))?;
        let mut qualities = [false; super::Quality::ALL.len()];
        for (j, q) in m.qualities.iter().enumerate() {
            if std::mem::replace(&mut qualities[q.index()], true) {
                return invalid(
                    at.then("qualities").at(j),
                    tr!("model.invalid.quality_twice", mot = m.id),
                );
            }
        }
        hands_seen.clear();
        for (j, h) in m.hands.iter().enumerate() {
            let hand = at.clone().then("hands").at(j);
            if !groups.contains(&h.group) {
                return invalid(
                    hand.then("group"),
                    tr!("model.invalid.hands_group", mot = m.id, group = h.group),
                );
            }
            if !hands_seen.insert(h.group) {
                return invalid(
                    hand.then("group"),
                    tr!("model.invalid.hands_twice", mot = m.id),
                );
            }
            if h.count > MAX_HANDS {
                return invalid(
                    hand.then("count"),
                    tr!(
                        "model.invalid.too_many_hands",
                        mot = m.id,
                        count = grouped(u64::from(h.count)),
                        max = grouped(u64::from(MAX_HANDS))
                    ),
                );
            }
        }
        for (name, rating) in [
            ("we_do_well", m.we_do_well),
            ("competitors_poor", m.competitors_poor),
        ] {
            if let Some(r) = rating
                && !(RATING_MIN..=RATING_MAX).contains(&r)
            {
                return invalid(
                    at.then(name),
                    tr!("model.invalid.rating", mot = m.id, rating = r),
                );
            }
        }
        text(
            &m.motx.company_does,
            at.clone().then("motx").then("company_does"),
        )?;
        text(
            &m.motx.customer_next,
            at.clone().then("motx").then("customer_next"),
        )?;
        if let Some(o) = &m.origin {
            origin(o, m.id, at.clone())?;
        }
        if let Some(a) = &m.author {
            author(a, m.id, at.clone().then("author"))?;
        }
        notes(m, at)?;
    }
    Ok(seen)
}

/// Checks where MOT `mot`, at `at`, came from: a drill's round within the
/// drill's limit (the drill need not still hold that round: the MOT is a
/// record of a round played, as a sheet is), an imported file's bare name
/// and line, a breakout's title and how deep its chain goes.
pub(super) fn origin(o: &MotOrigin, mot: MotId, at: FieldPath) -> Checked {
    let mut o = o;
    let mut at = at.then("origin");
    for depth in 0.. {
        if depth > MAX_ORIGIN_DEPTH {
            return invalid(
                at,
                tr!(
                    "model.invalid.origin_depth",
                    mot = mot,
                    max = MAX_ORIGIN_DEPTH
                ),
            );
        }
        match o {
            MotOrigin::Drill { round, .. } if *round > MAX_ROUND => {
                return invalid(
                    at.then("round"),
                    tr!(
                        "model.invalid.origin_round",
                        mot = mot,
                        round = grouped(u64::from(*round)),
                        max = MAX_ROUND
                    ),
                );
            }
            MotOrigin::Drill { .. } => return Ok(()),
            MotOrigin::Import { file, line } => {
                // A bare name of a file a system could hold: a folder would
                // tell whoever gets the session mailed where it was made.
                let bare = !file.is_empty()
                    && file.len() <= MAX_NAME_BYTES
                    && !file.contains(['/', '\\'])
                    && !file.chars().any(char::is_control);
                if !bare {
                    return invalid(at.then("file"), tr!("model.invalid.origin_file", mot = mot));
                }
                if *line == 0 {
                    return invalid(at.then("line"), tr!("model.invalid.origin_line", mot = mot));
                }
                return Ok(());
            }
            MotOrigin::Phone => return Ok(()),
            MotOrigin::Breakout { session, from } => {
                text(session, at.clone().then("session"))?;
                match from {
                    Some(inner) => {
                        o = inner;
                        at = at.then("from");
                    }
                    None => return Ok(()),
                }
            }
        }
    }
    Ok(())
}

/// Checks the name of who sent MOT `mot` from their phone, at `at`: as long
/// as a participant's name may be, on one line (a control character could
/// move the room's screen about), and not blank (none is written as none).
fn author(name: &str, mot: MotId, at: FieldPath) -> Checked {
    text(name, at.clone())?;
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return invalid(at, tr!("model.invalid.author", mot = mot));
    }
    Ok(())
}

/// Checks the texts of the duplicates merged into MOT `mot`.
fn notes(m: &super::session::Mot, at: FieldPath) -> Checked {
    let list = at.then("notes");
    too_many(
        m.notes.len(),
        MAX_NOTES,
        list.clone(),
        "model.invalid.too_many_notes",
    )?;
    for (i, n) in m.notes.iter().enumerate() {
        let at = list.clone().at(i);
        text(&n.who, at.clone().then("who"))?;
        text(&n.situation, at.clone().then("situation"))?;
        text(&n.feeling, at.clone().then("feeling"))?;
        if let Some(o) = &n.origin {
            // A note's origin sits one level deeper than a MOT's.
            origin(o, m.id, at)?;
        }
    }
    Ok(())
}

/// Checks the pairs dismissed as not duplicates: lower id first, both MOTs
/// in the session, each pair once.
fn not_duplicates(s: &Session, mots: &HashSet<MotId>) -> Checked {
    let list = FieldPath::field("not_duplicates");
    too_many(
        s.not_duplicates.len(),
        MAX_NOT_DUPLICATES,
        list.clone(),
        "model.invalid.too_many_not_duplicates",
    )?;
    let mut seen = HashSet::with_capacity(s.not_duplicates.len());
    for (i, &(a, b)) in s.not_duplicates.iter().enumerate() {
        let at = list.clone().at(i);
        if a >= b {
            return invalid(at, tr!("model.invalid.pair_order", a = a, b = b));
        }
        for id in [a, b] {
            if !mots.contains(&id) {
                return invalid(at, tr!("model.invalid.pair_no_mot", a = a, b = b, id = id));
            }
        }
        if !seen.insert((a, b)) {
            return invalid(at, tr!("model.invalid.pair_twice", a = a, b = b));
        }
    }
    Ok(())
}

fn dots(s: &Session, participants: &HashSet<ParticipantId>, mots: &HashSet<MotId>) -> Checked {
    let list = FieldPath::field("dots");
    let mut pairs: HashSet<(ParticipantId, MotId)> = HashSet::with_capacity(s.dots.len());
    let mut spent: HashMap<ParticipantId, u64> = HashMap::new();
    for (i, d) in s.dots.iter().enumerate() {
        let at = list.clone().at(i);
        if !participants.contains(&d.participant) {
            return invalid(
                at.then("participant"),
                tr!(
                    "model.invalid.dots_participant",
                    participant = d.participant
                ),
            );
        }
        if !mots.contains(&d.mot) {
            return invalid(at.then("mot"), tr!("model.invalid.dots_mot", mot = d.mot));
        }
        if !pairs.insert((d.participant, d.mot)) {
            return invalid(
                at.then("mot"),
                tr!(
                    "model.invalid.dots_twice",
                    participant = d.participant,
                    mot = d.mot
                ),
            );
        }
        if d.count == 0 {
            return invalid(
                at.then("count"),
                tr!(
                    "model.invalid.zero_dots",
                    participant = d.participant,
                    mot = d.mot
                ),
            );
        }
        if d.count > MAX_DOTS_PER_MOT {
            return invalid(
                at.then("count"),
                tr!(
                    "model.invalid.too_many_dots",
                    participant = d.participant,
                    mot = d.mot,
                    count = grouped(u64::from(d.count)),
                    max = MAX_DOTS_PER_MOT
                ),
            );
        }
        let total = spent.entry(d.participant).or_default();
        *total += u64::from(d.count);
        if *total > u64::from(MAX_DOTS_PER_PARTICIPANT) {
            return invalid(
                at.then("count"),
                tr!(
                    "model.invalid.dots_spent",
                    participant = d.participant,
                    spent = *total,
                    max = MAX_DOTS_PER_PARTICIPANT
                ),
            );
        }
    }
    Ok(())
}

/// A name as a message quotes it: its first words, not ten thousand
/// characters of it.
fn quoted(name: &str) -> String {
    const MOST: usize = 40;
    if name.chars().count() <= MOST {
        return name.to_string();
    }
    let mut short: String = name.chars().take(MOST).collect();
    short.push('…');
    short
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::{Dots, Hands, MotText, Participant};

    fn path_of(s: &Session) -> String {
        match s.validate() {
            Err(ModelError::Invalid { path, .. }) => path.to_string(),
            other => panic!("{other:?}"),
        }
    }

    fn session() -> Session {
        let mut s = Session::new("t");
        for _ in 0..3 {
            s.add_mot(MotText::default());
        }
        s.add_participant("a", 1).expect("group");
        s.add_participant("b", 2).expect("group");
        s
    }

    #[test]
    fn a_problem_names_the_value_it_is_in() {
        let mut s = session();
        Arc::make_mut(&mut s.mots[2]).id = 1;
        assert_eq!(path_of(&s), "mots[2].id", "the second use of an id");
        let mut s = session();
        s.participants[1].group = 9;
        assert_eq!(path_of(&s), "participants[1].group");
        let mut s = session();
        Arc::make_mut(&mut s.mots[1]).hands =
            vec![Hands { group: 2, count: 1 }, Hands { group: 2, count: 3 }];
        assert_eq!(path_of(&s), "mots[1].hands[1].group");
        let mut s = session();
        Arc::make_mut(&mut s.mots[0]).qualities = vec![crate::model::Quality::Empathy; 3];
        assert_eq!(path_of(&s), "mots[0].qualities[1]");
        let mut s = session();
        s.timeboxes = vec![
            crate::model::Timebox {
                stage: Stage::Vote,
                minutes: 5,
            };
            2
        ];
        assert_eq!(path_of(&s), "timeboxes[1].stage");
        let mut s = session();
        s.dots = vec![Dots {
            participant: 1,
            mot: 7,
            count: 1,
        }];
        assert_eq!(path_of(&s), "dots[0].mot");
    }

    #[test]
    fn dots_count_per_entry_and_per_participant() {
        let mut s = session();
        let dot = |mot, count| Dots {
            participant: 1,
            mot,
            count,
        };
        // A budget lowered after voting: what was spent stays valid.
        s.dot_budget = 1;
        s.max_dots_per_mot = 1;
        s.dots = vec![dot(1, MAX_DOTS_PER_MOT)];
        assert!(s.validate().is_ok());
        s.dots = vec![dot(1, 50), dot(2, 49)];
        assert!(s.validate().is_ok());
        s.dots.push(dot(3, 1));
        assert_eq!(path_of(&s), "dots[2].count");
        s.dots = vec![dot(1, 1), dot(1, 1)];
        assert_eq!(path_of(&s), "dots[1].mot", "the same MOT twice");
        // A total that would overflow a u32 is still counted right.
        s.dots = vec![dot(1, u32::MAX), dot(2, u32::MAX)];
        assert_eq!(path_of(&s), "dots[0].count");
    }

    #[test]
    fn text_is_counted_in_characters() {
        let mut s = session();
        s.brand = "华".repeat(MAX_TEXT_CHARS);
        assert!(s.validate().is_ok(), "30,000 bytes, 10,000 characters");
        s.brand.push('x');
        assert_eq!(path_of(&s), "brand");
        let e = s.validate().expect_err("too long").to_string();
        assert!(e.contains("10,001 characters"), "{e}");
    }

    #[test]
    fn the_counts_are_limited_where_the_list_goes_too_far() {
        let mut s = session();
        for i in s.groups.len()..=MAX_GROUPS {
            s.add_group(&format!("g{i}"));
        }
        assert_eq!(path_of(&s), "groups[50]");
        let mut s = session();
        s.participants = (1..=MAX_PARTICIPANTS as u32 + 1)
            .map(|id| Participant {
                id,
                name: String::new(),
                group: 1,
            })
            .collect();
        assert_eq!(path_of(&s), "participants[10000]");
    }
}
