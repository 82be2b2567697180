//! Merging the sessions of breakout groups into one new session: every MOT
//! of every breakout with its tags, marks, ratings, MOTX and votes, each
//! marked with the breakout it came from. No files here: the inputs are
//! sessions already read, and the result is a session nobody has saved.
//!
//! The merge either succeeds whole, with a [`Summary`] of what came from
//! where and what was adjusted, or stops with the [`Conflicts`] a person
//! has to decide (weights that differ, a group that matches nothing).

use std::collections::HashMap;
use std::sync::Arc;

use super::limits::{MAX_MOTS, MAX_NOT_DUPLICATES, MAX_ORIGIN_DEPTH, MAX_TEXT_CHARS};
use super::session::{FORMAT_VERSION, Hands, Mot, MotId, MotOrigin, Session, clean_line};
use super::stage::Stage;

mod groups;
mod people;
mod words;

pub use groups::default_group_of;

/// One breakout's session, as the merge reads it.
#[derive(Debug, Clone, Copy)]
pub struct Breakout<'a> {
    /// How the breakout is named in origins, labels and the summary
    /// (its session's title, usually).
    pub label: &'a str,
    /// Its session.
    pub session: &'a Session,
}

/// What the facilitator decided beyond the defaults. Inputs are counted
/// from 0, in the order given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The input whose setup (brand, message, target user, focus, budget,
    /// timeboxes, language) the result takes.
    pub setup_from: usize,
    /// The input whose weights win for groups whose weights differ.
    pub weights_from: Option<usize>,
    /// Groups put where the facilitator says.
    pub group_maps: Vec<GroupMap>,
    /// People who were in several breakouts (or twice in one), each set
    /// to become one participant.
    pub same_people: Vec<Vec<PersonRef>>,
}

/// A group of one input put into a group of the result, or kept as a
/// group of its own when no group has that name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMap {
    /// The input.
    pub input: usize,
    /// Its group's name.
    pub group: String,
    /// The name of the group it goes into.
    pub target: String,
}

/// A participant of one input, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonRef {
    /// The input.
    pub input: usize,
    /// Their name there.
    pub name: String,
}

/// The merged session and what the merge did.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The new session, valid, not yet saved anywhere.
    pub session: Session,
    /// What came from where and what was adjusted.
    pub summary: Summary,
}

/// What came from where and what was adjusted, for the facilitator to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The new session's title.
    pub title: String,
    /// The label of the input the setup came from.
    pub setup_from: String,
    /// Participants in the result.
    pub participants: usize,
    /// Per input, in order.
    pub inputs: Vec<InputSummary>,
    /// How the groups of each input other than the first found their group.
    pub groups: Vec<GroupLink>,
    /// Weights taken from the input the facilitator named.
    pub weights: Vec<WeightChoice>,
    /// Participants whose name another breakout also had, labelled with
    /// their breakout.
    pub labelled: usize,
    /// People of several breakouts made one.
    pub people: Vec<Combined>,
}

/// What one input brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputSummary {
    /// The breakout's label.
    pub label: String,
    /// Its MOTs, now numbered `first_mot..first_mot + mots`.
    pub mots: usize,
    /// The new number of its first MOT.
    pub first_mot: MotId,
    /// Its participants.
    pub participants: usize,
    /// The dots it held.
    pub dots_before: u64,
    /// The dots carried (fewer only when combined people went over).
    pub dots: u64,
    /// The hands it held.
    pub hands_before: u64,
    /// The hands carried (fewer only past the limit of one count).
    pub hands: u64,
    /// Whether it had a drill, which is not carried over.
    pub drill_left: bool,
    /// MOTs whose chain of breakouts was too deep, cut at its oldest end.
    pub origins_cut: usize,
}

/// How a group of an input found its group in the result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupLink {
    /// The input's label.
    pub input: String,
    /// The group's name there.
    pub name: String,
    /// The name of the group it went into.
    pub target: String,
    /// How.
    pub how: Matched,
}

/// How a group was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matched {
    /// The same name (ignoring case and blanks at the ends).
    Name,
    /// One of the four default groups, named in another language or wording.
    Default,
    /// Put there by the facilitator.
    Mapped,
    /// Kept as a group of its own, as the facilitator said.
    Added,
}

/// A group whose weight came from the input the facilitator named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeightChoice {
    /// The group.
    pub group: String,
    /// The weight it got.
    pub weight: u32,
    /// From which input.
    pub from: String,
}

/// People of several breakouts made one participant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Combined {
    /// Their name in the result.
    pub name: String,
    /// The labels of the breakouts they were in.
    pub from: Vec<String>,
    /// The dots they have in the result.
    pub dots: u32,
    /// The dots that did not fit, MOT by MOT.
    pub surplus: Vec<Surplus>,
}

/// Dots of a combined person that did not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Surplus {
    /// The MOT (its new number).
    pub mot: MotId,
    /// How many dots.
    pub count: u32,
    /// What they would have passed.
    pub why: Over,
}

/// The rule a surplus dot would have broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// The most dots one participant may put on one MOT.
    Cap(u32),
    /// The dots each participant may spend.
    Budget(u32),
}

/// Why the merge stopped: nothing was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines().join("\n"))]
pub struct Conflicts {
    /// Each problem, in the order found.
    pub list: Vec<Conflict>,
}

/// One thing the facilitator has to decide, or a request that cannot be met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// Fewer than two sessions to merge.
    TooFewInputs,
    /// Two inputs hold the same session (a copy, a hard link): merging it
    /// twice would count its every MOT, dot and hand twice.
    SameSession {
        /// The label of the first.
        first: String,
        /// The label of the second.
        second: String,
    },
    /// An option names an input that is not there (counted from 0).
    NoSuchInput {
        /// The input named.
        input: usize,
        /// How many there are.
        count: usize,
    },
    /// An input breaks a rule of session files (it was not read by the store).
    InvalidInput {
        /// The input's label.
        input: String,
        /// What is wrong, in words.
        message: String,
    },
    /// Matched groups with different weights.
    Weights {
        /// The group, as the result names it.
        group: String,
        /// Its weight in each input that has it.
        weights: Vec<(String, u32)>,
    },
    /// A group that matches no group of the result.
    Unmatched {
        /// Its input's position, counted from 0.
        input: usize,
        /// Its input's label.
        label: String,
        /// The group's name.
        group: String,
    },
    /// A group mapping names a group its input does not have.
    NoSuchGroup {
        /// The input's label.
        input: String,
        /// The name given.
        group: String,
    },
    /// A person named to combine is not in that input.
    NoSuchPerson {
        /// The input's label.
        input: String,
        /// The name given.
        name: String,
    },
    /// A person named to combine is more than one participant there.
    AmbiguousPerson {
        /// The input's label.
        input: String,
        /// The name given.
        name: String,
        /// How many participants have it.
        count: usize,
    },
    /// A person named in two sets of people to combine.
    PersonTwice {
        /// The input's label.
        input: String,
        /// The name.
        name: String,
    },
    /// The result would hold more than a session may.
    TooMany {
        /// Catalog key of what (MOTs, participants, groups, pairs).
        what: &'static str,
        /// How many it would hold.
        count: usize,
        /// The most a session holds.
        max: usize,
    },
    /// The result breaks a rule of session files (a bug: said, never saved).
    Invalid {
        /// What is wrong, in words.
        message: String,
    },
}

impl Conflict {
    /// Whether taking one input's weights would settle it.
    pub fn is_weights(&self) -> bool {
        matches!(self, Conflict::Weights { .. })
    }
}

/// The title a merge gets when none is given: "First title + 2".
pub fn default_title(inputs: &[Breakout]) -> String {
    let first = inputs.first().map_or("", |b| b.session.title.as_str());
    title_for(first, inputs.len().saturating_sub(1))
}

/// "First title + 2": the title offered for merging a session titled
/// `first` with `others` more.
pub fn title_for(first: &str, others: usize) -> String {
    let first = fit(first, MAX_TEXT_CHARS.saturating_sub(12));
    clean_line(&crate::tr!(
        "merge.default_title",
        first = first,
        n = others
    ))
}

/// Merges the breakouts into a new session titled `title` (the default
/// title when it is blank). Nothing is changed in the inputs.
pub fn merge(inputs: &[Breakout], title: &str, options: &Options) -> Result<Merged, Conflicts> {
    let stop = |list| Err(Conflicts { list });
    if inputs.len() < 2 {
        return stop(vec![Conflict::TooFewInputs]);
    }
    let mut list = Vec::new();
    let named = std::iter::once(options.setup_from)
        .chain(options.weights_from)
        .chain(options.group_maps.iter().map(|m| m.input))
        .chain(options.same_people.iter().flatten().map(|p| p.input));
    for input in named {
        let conflict = Conflict::NoSuchInput {
            input,
            count: inputs.len(),
        };
        if input >= inputs.len() && !list.contains(&conflict) {
            list.push(conflict);
        }
    }
    if !list.is_empty() {
        return stop(list);
    }
    let labels = unique_labels(inputs);
    for (b, label) in inputs.iter().zip(&labels) {
        if let Err(e) = b.session.validate() {
            list.push(Conflict::InvalidInput {
                input: label.clone(),
                message: e.to_string(),
            });
        }
    }
    // The same session under two names: by what it holds, MOTs and all.
    for (i, a) in inputs.iter().enumerate() {
        for (j, b) in inputs.iter().enumerate().skip(i + 1) {
            if !a.session.mots.is_empty() && a.session == b.session {
                list.push(Conflict::SameSession {
                    first: labels[i].clone(),
                    second: labels[j].clone(),
                });
            }
        }
    }
    if !list.is_empty() {
        return stop(list);
    }
    let groups = groups::match_groups(inputs, &labels, options);
    list.extend(groups.conflicts.iter().cloned());
    let people = people::plan(inputs, &labels, options);
    list.extend(people.conflicts.iter().cloned());
    let total_mots: usize = inputs.iter().map(|b| b.session.mots.len()).sum();
    if total_mots > MAX_MOTS {
        list.push(Conflict::TooMany {
            what: "merge.what.mots",
            count: total_mots,
            max: MAX_MOTS,
        });
    }
    let total_pairs: usize = inputs.iter().map(|b| b.session.not_duplicates.len()).sum();
    if total_pairs > MAX_NOT_DUPLICATES {
        list.push(Conflict::TooMany {
            what: "merge.what.pairs",
            count: total_pairs,
            max: MAX_NOT_DUPLICATES,
        });
    }
    if !list.is_empty() {
        return stop(list);
    }
    let setup = inputs[options.setup_from].session;
    let title = match clean_line(title) {
        t if t.is_empty() => default_title(inputs),
        t => t,
    };
    let mut session = setup_of(setup, &title);
    session.groups = groups.result.clone();

    let mut inputs_summary = Vec::with_capacity(inputs.len());
    // New MOT numbers, input by input: ids 1..n in input order.
    let mut mot_ids: Vec<HashMap<MotId, MotId>> = Vec::with_capacity(inputs.len());
    let mut next: MotId = 1;
    for (i, b) in inputs.iter().enumerate() {
        let first_mot = next;
        let mut ids = HashMap::with_capacity(b.session.mots.len());
        let mut origins_cut = 0;
        let mut hands = 0u64;
        for m in &b.session.mots {
            ids.insert(m.id, next);
            let (mot, cut) = carried_mot(m, next, &labels[i], &groups.ids[i]);
            origins_cut += usize::from(cut);
            hands += mot.hands.iter().map(|h| u64::from(h.count)).sum::<u64>();
            session.mots.push(Arc::new(mot));
            next += 1;
        }
        for &(a, c) in &b.session.not_duplicates {
            if let (Some(&a), Some(&c)) = (ids.get(&a), ids.get(&c)) {
                session.not_duplicates.push((a.min(c), a.max(c)));
            }
        }
        mot_ids.push(ids);
        let hands_before = b
            .session
            .mots
            .iter()
            .flat_map(|m| &m.hands)
            .map(|h| u64::from(h.count))
            .sum();
        inputs_summary.push(InputSummary {
            label: labels[i].clone(),
            mots: b.session.mots.len(),
            first_mot,
            participants: b.session.participants.len(),
            dots_before: b.session.dots.iter().map(|d| u64::from(d.count)).sum(),
            dots: 0,
            hands_before,
            hands,
            drill_left: !b.session.drill.is_empty(),
            origins_cut,
        });
    }
    let voted = people::carry(
        inputs,
        &labels,
        &people,
        &groups.ids,
        &mot_ids,
        &mut session,
    );
    if session.participants.len() > super::limits::MAX_PARTICIPANTS {
        return stop(vec![Conflict::TooMany {
            what: "merge.what.participants",
            count: session.participants.len(),
            max: super::limits::MAX_PARTICIPANTS,
        }]);
    }
    for (summary, dots) in inputs_summary.iter_mut().zip(&voted.dots) {
        summary.dots = *dots;
    }
    if let Err(e) = session.validate() {
        return stop(vec![Conflict::Invalid {
            message: e.to_string(),
        }]);
    }
    let summary = Summary {
        title: session.title.clone(),
        setup_from: labels[options.setup_from].clone(),
        participants: session.participants.len(),
        inputs: inputs_summary,
        groups: groups.links,
        weights: groups.weights,
        labelled: voted.labelled,
        people: voted.combined,
    };
    Ok(Merged { session, summary })
}

/// The result before any work: the setup of `setup`, under `title`.
fn setup_of(setup: &Session, title: &str) -> Session {
    // Named field by field, without `..`: a field added to `Session` does
    // not compile here until someone decides whether a merge carries it.
    let Session {
        version: _,
        title: _,
        stage: _,
        language,
        theme,
        timeboxes,
        brand,
        core_message,
        target_user,
        focus,
        dot_budget,
        max_dots_per_mot,
        counting,
        votes_revealed: _,
        show_authors: _,
        circles,
        groups: _,
        participants: _,
        mots: _,
        dots: _,
        drill: _,
        not_duplicates: _,
    } = setup;
    Session {
        version: FORMAT_VERSION,
        title: title.to_string(),
        // The room starts by reading what every breakout wrote.
        stage: Stage::Write,
        language: *language,
        theme: *theme,
        timeboxes: timeboxes.clone(),
        brand: brand.clone(),
        core_message: core_message.clone(),
        target_user: target_user.clone(),
        focus: *focus,
        dot_budget: *dot_budget,
        max_dots_per_mot: *max_dots_per_mot,
        counting: *counting,
        // The merged totals stay hidden until the facilitator reveals them.
        votes_revealed: false,
        // Names are shown when this room says so: a breakout that kept
        // them hidden must not have them shown by the merge.
        show_authors: false,
        circles: *circles,
        groups: Vec::new(),
        participants: Vec::new(),
        mots: Vec::new(),
        dots: Vec::new(),
        // Its cards, trios and sheets name one breakout's people: not carried.
        drill: Default::default(),
        not_duplicates: Vec::new(),
    }
}

/// A MOT of a breakout as the result holds it: its new number, its origin
/// wrapped in the breakout's, its hands in the result's groups. Says
/// whether the chain of origins had to be cut to fit.
fn carried_mot(m: &Mot, id: MotId, label: &str, groups: &HashMap<u32, u32>) -> (Mot, bool) {
    let mut mot = m.clone();
    mot.id = id;
    let (origin, cut) = wrapped(label, m.origin.as_ref());
    mot.origin = Some(origin);
    let mut hands: Vec<Hands> = Vec::with_capacity(m.hands.len());
    for h in &m.hands {
        // Every group of a valid input has a place, or the merge stopped.
        let Some(&group) = groups.get(&h.group) else {
            continue;
        };
        match hands.iter_mut().find(|x| x.group == group) {
            // Two groups of one breakout put into one: their hands add up.
            Some(x) => {
                x.count = x
                    .count
                    .saturating_add(h.count)
                    .min(super::limits::MAX_HANDS)
            }
            None => hands.push(Hands {
                group,
                count: h.count,
            }),
        }
    }
    mot.hands = hands;
    (mot, cut)
}

/// The origin of a MOT merged from breakout `label`: the breakout, then
/// where it came from before. A chain deeper than a file may hold loses
/// its oldest links (said in the summary).
fn wrapped(label: &str, before: Option<&MotOrigin>) -> (MotOrigin, bool) {
    // The check allows MAX_ORIGIN_DEPTH + 1 links; the breakout is one.
    let room = MAX_ORIGIN_DEPTH;
    let (from, cut) = match before {
        Some(o) => {
            let (o, cut) = cut_chain(o, room);
            (Some(Box::new(o)), cut)
        }
        None => (None, false),
    };
    (
        MotOrigin::Breakout {
            session: label.to_string(),
            from,
        },
        cut,
    )
}

/// `o` with at most `links` links (at least one), and whether any were cut.
fn cut_chain(o: &MotOrigin, links: usize) -> (MotOrigin, bool) {
    match o {
        MotOrigin::Breakout {
            session,
            from: Some(inner),
        } => {
            if links <= 1 {
                let cut = MotOrigin::Breakout {
                    session: session.clone(),
                    from: None,
                };
                return (cut, true);
            }
            let (inner, cut) = cut_chain(inner, links - 1);
            (
                MotOrigin::Breakout {
                    session: session.clone(),
                    from: Some(Box::new(inner)),
                },
                cut,
            )
        }
        other => (other.clone(), false),
    }
}

/// The labels of the inputs, made different from each other (two
/// breakouts may share a title) and short enough for a text field.
fn unique_labels(inputs: &[Breakout]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(inputs.len());
    for (i, b) in inputs.iter().enumerate() {
        let base = match clean_line(b.label) {
            l if l.is_empty() => crate::tr!("merge.unnamed", n = i + 1),
            l => l,
        };
        let taken = |l: &str, out: &[String]| out.iter().any(|o| o.eq_ignore_ascii_case(l));
        let mut label = fit(&base, MAX_TEXT_CHARS);
        let mut n = 2;
        while taken(&label, &out) {
            let suffix = format!(" ({n})");
            label = format!(
                "{}{suffix}",
                fit(&base, MAX_TEXT_CHARS - suffix.chars().count())
            );
            n += 1;
        }
        out.push(label);
    }
    out
}

/// `text` cut to at most `max` characters, with `…` where it was cut.
pub(crate) fn fit(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests;
