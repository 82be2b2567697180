//! The breakouts' participants in the result: distinct per breakout,
//! labelled with their breakout when a name is in several, or made one
//! person where the facilitator said so; and their dots, carried with them.

use std::collections::{HashMap, HashSet};

use super::{Breakout, Combined, Conflict, Options, Over, Surplus, fit};
use crate::model::limits::MAX_TEXT_CHARS;
use crate::model::session::{
    Dots, GroupId, MotId, Participant, ParticipantId, Session, clean_line,
};

/// Who is made one with whom, as the options name them.
#[derive(Debug, Default)]
pub(super) struct PeoplePlan {
    /// (input, participant id) to the set of people made one it is in.
    member: HashMap<(usize, ParticipantId), usize>,
    /// How many sets there are.
    sets: usize,
    /// What stops the merge.
    pub conflicts: Vec<Conflict>,
}

/// What the participants' side of the merge came to.
#[derive(Debug, Default)]
pub(super) struct Voted {
    /// Dots carried, per input.
    pub dots: Vec<u64>,
    /// Participants labelled with their breakout.
    pub labelled: usize,
    /// The people made one.
    pub combined: Vec<Combined>,
}

/// A name as people are compared: no blanks at the ends, any case.
fn normal(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Finds the participants each set of people names.
pub(super) fn plan(inputs: &[Breakout], labels: &[String], options: &Options) -> PeoplePlan {
    let mut plan = PeoplePlan {
        sets: options.same_people.len(),
        ..PeoplePlan::default()
    };
    for (s, set) in options.same_people.iter().enumerate() {
        for r in set {
            let wanted = normal(&r.name);
            let found: Vec<&Participant> = inputs[r.input]
                .session
                .participants
                .iter()
                .filter(|p| normal(&p.name) == wanted)
                .collect();
            let input = labels[r.input].clone();
            match found.as_slice() {
                [] => plan.conflicts.push(Conflict::NoSuchPerson {
                    input,
                    name: r.name.clone(),
                }),
                [p] => match plan.member.insert((r.input, p.id), s) {
                    Some(other) if other != s => plan.conflicts.push(Conflict::PersonTwice {
                        input,
                        name: p.name.clone(),
                    }),
                    _ => {}
                },
                many => plan.conflicts.push(Conflict::AmbiguousPerson {
                    input,
                    name: r.name.clone(),
                    count: many.len(),
                }),
            }
        }
    }
    plan
}

/// "Ann (Breakout B)", within the text limit: the breakout's label is cut
/// first, the name only if it alone is at the limit.
pub(super) fn labelled(name: &str, label: &str) -> String {
    let full = crate::tr!("merge.person_label", name = name, breakout = label);
    let len = full.chars().count();
    if len <= MAX_TEXT_CHARS {
        return full;
    }
    let over = len - MAX_TEXT_CHARS;
    let label_len = label.chars().count();
    if over < label_len {
        let short = fit(label, label_len - over);
        let again = crate::tr!("merge.person_label", name = name, breakout = short);
        if again.chars().count() <= MAX_TEXT_CHARS {
            return again;
        }
    }
    fit(&full, MAX_TEXT_CHARS)
}

/// Adds the participants of every input to `session` (its MOTs already
/// there) and carries their dots: a combined person within the budget and
/// the per-MOT cap, the rest listed.
pub(super) fn carry(
    inputs: &[Breakout],
    labels: &[String],
    plan: &PeoplePlan,
    groups: &[HashMap<GroupId, GroupId>],
    mots: &[HashMap<MotId, MotId>],
    session: &mut Session,
) -> Voted {
    let mut voted = Voted {
        dots: vec![0; inputs.len()],
        ..Voted::default()
    };
    // The inputs each name is in. Two people of one breakout with one
    // name were told apart there already; across breakouts they are not.
    let mut inputs_of: HashMap<String, HashSet<usize>> = HashMap::new();
    for (i, b) in inputs.iter().enumerate() {
        for p in &b.session.participants {
            inputs_of.entry(normal(&p.name)).or_default().insert(i);
        }
    }
    let shared = |name: &str, i: usize| {
        inputs_of
            .get(&normal(name))
            .is_some_and(|set| set.iter().any(|&j| j != i))
    };
    let mut set_id: Vec<Option<ParticipantId>> = vec![None; plan.sets];
    let mut set_at: Vec<Option<usize>> = vec![None; plan.sets];
    let mut ids: Vec<HashMap<ParticipantId, ParticipantId>> = Vec::with_capacity(inputs.len());
    let mut next: ParticipantId = 1;
    for (i, b) in inputs.iter().enumerate() {
        let mut map = HashMap::with_capacity(b.session.participants.len());
        for p in &b.session.participants {
            let group = groups[i].get(&p.group).copied().unwrap_or(p.group);
            let set = plan.member.get(&(i, p.id)).copied();
            if let Some(s) = set
                && let Some(id) = set_id[s]
            {
                map.insert(p.id, id);
                if let Some(c) = set_at[s].and_then(|k| voted.combined.get_mut(k))
                    && !c.from.contains(&labels[i])
                {
                    c.from.push(labels[i].clone());
                }
                continue;
            }
            let name = if set.is_none() && shared(&p.name, i) {
                voted.labelled += 1;
                labelled(&p.name, &labels[i])
            } else {
                clean_line(&p.name)
            };
            if let Some(s) = set {
                set_id[s] = Some(next);
                set_at[s] = Some(voted.combined.len());
                voted.combined.push(Combined {
                    name: name.clone(),
                    from: vec![labels[i].clone()],
                    dots: 0,
                    surplus: Vec::new(),
                });
            }
            session.participants.push(Participant {
                id: next,
                name,
                group,
            });
            map.insert(p.id, next);
            next += 1;
        }
        ids.push(map);
    }
    carry_dots(inputs, plan, &ids, mots, &set_at, session, &mut voted);
    voted
}

/// Carries every dot with its participant and MOT.
fn carry_dots(
    inputs: &[Breakout],
    plan: &PeoplePlan,
    ids: &[HashMap<ParticipantId, ParticipantId>],
    mots: &[HashMap<MotId, MotId>],
    set_at: &[Option<usize>],
    session: &mut Session,
    voted: &mut Voted,
) {
    let (cap, budget) = (session.max_dots_per_mot, session.dot_budget);
    // Where a combined person's entry for a MOT is, and what they spent.
    let mut entry: HashMap<(ParticipantId, MotId), usize> = HashMap::new();
    let mut spent: HashMap<ParticipantId, u32> = HashMap::new();
    for (i, b) in inputs.iter().enumerate() {
        for d in &b.session.dots {
            // A valid input's dots name its own participants and MOTs.
            let (Some(&participant), Some(&mot)) =
                (ids[i].get(&d.participant), mots[i].get(&d.mot))
            else {
                continue;
            };
            let combined = plan
                .member
                .get(&(i, d.participant))
                .and_then(|&s| set_at[s]);
            let Some(k) = combined else {
                session.dots.push(Dots {
                    participant,
                    mot,
                    count: d.count,
                });
                voted.dots[i] += u64::from(d.count);
                continue;
            };
            let at = entry.get(&(participant, mot)).copied();
            let on_mot = at.map_or(0, |e| session.dots[e].count);
            let used = spent.get(&participant).copied().unwrap_or(0);
            let cap_room = cap.saturating_sub(on_mot);
            let budget_room = budget.saturating_sub(used);
            let keep = d.count.min(cap_room).min(budget_room);
            let person = &mut voted.combined[k];
            if keep < d.count {
                person.surplus.push(Surplus {
                    mot,
                    count: d.count - keep,
                    why: if cap_room <= budget_room {
                        Over::Cap(cap)
                    } else {
                        Over::Budget(budget)
                    },
                });
            }
            if keep == 0 {
                continue;
            }
            person.dots += keep;
            spent.insert(participant, used + keep);
            voted.dots[i] += u64::from(keep);
            match at {
                Some(e) => session.dots[e].count += keep,
                None => {
                    entry.insert((participant, mot), session.dots.len());
                    session.dots.push(Dots {
                        participant,
                        mot,
                        count: keep,
                    });
                }
            }
        }
    }
}
