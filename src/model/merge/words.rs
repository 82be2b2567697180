//! The summary and the conflicts of a merge in words of the language on
//! show, one line each: `mot merge` prints them, the picker shows them.

use super::{Conflict, Conflicts, InputSummary, Matched, Over, Summary};
use crate::tr;

/// "MOTs 7–12", "MOT 7", "no MOTs".
fn mot_range(s: &InputSummary) -> String {
    match s.mots {
        0 => tr!("merge.summary.no_mots").to_string(),
        1 => tr!("merge.summary.one_mot", id = s.first_mot),
        n => tr!(
            "merge.summary.mots_range",
            first = s.first_mot,
            last = s.first_mot as usize + n - 1
        ),
    }
}

/// A count with its noun, singular or plural: "1 dot", "3 dots".
#[derive(Clone, Copy)]
enum Noun {
    Mot,
    Participant,
    Dot,
    Hand,
}

fn count(n: u64, noun: Noun) -> String {
    let one = n == 1;
    let key = match noun {
        Noun::Mot if one => "merge.count.mot",
        Noun::Mot => "merge.count.mots",
        Noun::Participant if one => "merge.count.participant",
        Noun::Participant => "merge.count.participants",
        Noun::Dot if one => "merge.count.dot",
        Noun::Dot => "merge.count.dots",
        Noun::Hand if one => "merge.count.hand",
        Noun::Hand => "merge.count.hands",
    };
    crate::i18n::fill(crate::i18n::t(key), &[("n", &n)])
}

impl Matched {
    /// How a group was matched, in a few words.
    pub fn words(self) -> &'static str {
        match self {
            Matched::Name => tr!("merge.how.name"),
            Matched::Default => tr!("merge.how.default"),
            Matched::Mapped => tr!("merge.how.mapped"),
            Matched::Added => tr!("merge.how.added"),
        }
    }
}

impl Over {
    /// The rule surplus dots would have broken, in words.
    pub fn words(self) -> String {
        match self {
            Over::Cap(cap) => tr!("merge.over.cap", cap = cap),
            Over::Budget(budget) => tr!("merge.over.budget", budget = budget),
        }
    }
}

impl Summary {
    /// What came from where and what was adjusted, a line each; the first
    /// line says it all in one sentence.
    pub fn lines(&self) -> Vec<String> {
        let sep = tr!("merge.list_separator");
        let sum = |f: fn(&InputSummary) -> u64| self.inputs.iter().map(f).sum::<u64>();
        let mut out = vec![tr!(
            "merge.summary.head",
            n = self.inputs.len(),
            title = self.title,
            mots = count(sum(|i| i.mots as u64), Noun::Mot),
            participants = count(self.participants as u64, Noun::Participant),
            dots = count(sum(|i| i.dots), Noun::Dot),
            hands = count(sum(|i| i.hands), Noun::Hand)
        )];
        for s in &self.inputs {
            out.push(tr!(
                "merge.summary.input",
                label = s.label,
                mots = mot_range(s),
                participants = count(s.participants as u64, Noun::Participant),
                dots = count(s.dots, Noun::Dot),
                hands = count(s.hands, Noun::Hand)
            ));
            if s.dots != s.dots_before {
                out.push(tr!(
                    "merge.summary.dots_adjusted",
                    label = s.label,
                    kept = s.dots,
                    before = count(s.dots_before, Noun::Dot)
                ));
            }
            if s.hands != s.hands_before {
                out.push(tr!(
                    "merge.summary.hands_adjusted",
                    label = s.label,
                    kept = s.hands,
                    before = count(s.hands_before, Noun::Hand)
                ));
            }
            if s.origins_cut > 0 {
                out.push(tr!(
                    "merge.summary.origins_cut",
                    label = s.label,
                    mots = count(s.origins_cut as u64, Noun::Mot)
                ));
            }
        }
        out.push(tr!("merge.summary.setup", label = self.setup_from));
        // The totals are new numbers: the room sees them when the facilitator says.
        if sum(|i| i.dots + i.hands) > 0 {
            out.push(tr!("merge.summary.votes_hidden").to_string());
        }
        // Groups matched by name, one line per breakout; the others one by one.
        let mut labels: Vec<&str> = Vec::new();
        for link in &self.groups {
            if !labels.contains(&link.input.as_str()) {
                labels.push(&link.input);
            }
        }
        // One line per breakout and way of matching: a breakout in another
        // language reads as one line, not four.
        for label in labels {
            for how in [
                Matched::Name,
                Matched::Default,
                Matched::Mapped,
                Matched::Added,
            ] {
                let links: Vec<String> = self
                    .groups
                    .iter()
                    .filter(|l| l.input == label && l.how == how)
                    .map(|l| match how {
                        Matched::Name | Matched::Added => l.name.clone(),
                        _ => tr!("merge.summary.into", name = l.name, target = l.target),
                    })
                    .collect();
                if !links.is_empty() {
                    out.push(tr!(
                        "merge.summary.groups",
                        label = label,
                        how = how.words(),
                        names = links.join(sep)
                    ));
                }
            }
        }
        for w in &self.weights {
            out.push(tr!(
                "merge.summary.weight",
                group = w.group,
                weight = w.weight,
                label = w.from
            ));
        }
        if self.labelled > 0 {
            out.push(tr!(
                "merge.summary.labelled",
                participants = count(self.labelled as u64, Noun::Participant)
            ));
        }
        for p in &self.people {
            let from: Vec<String> = p
                .from
                .iter()
                .map(|l| tr!("merge.quoted", text = l))
                .collect();
            out.push(tr!(
                "merge.summary.combined",
                name = p.name,
                from = from.join(sep),
                dots = count(u64::from(p.dots), Noun::Dot)
            ));
            for s in &p.surplus {
                out.push(tr!(
                    "merge.summary.surplus",
                    name = p.name,
                    dots = count(u64::from(s.count), Noun::Dot),
                    mot = s.mot,
                    why = s.why.words()
                ));
            }
        }
        for s in self.inputs.iter().filter(|s| s.drill_left) {
            out.push(tr!("merge.summary.drill_left", label = s.label));
        }
        out
    }

    /// Dots listed as not carried, in all.
    pub fn surplus(&self) -> u64 {
        self.people
            .iter()
            .flat_map(|p| &p.surplus)
            .map(|s| u64::from(s.count))
            .sum()
    }
}

impl Conflict {
    /// The problem in one sentence.
    pub fn words(&self) -> String {
        match self {
            Conflict::TooFewInputs => tr!("merge.conflict.too_few").to_string(),
            Conflict::NoSuchInput { input, count } => {
                tr!("merge.conflict.no_such_input", n = input + 1, count = count)
            }
            Conflict::SameSession { first, second } => {
                tr!(
                    "merge.conflict.same_session",
                    first = first,
                    second = second
                )
            }
            Conflict::InvalidInput { input, message } => {
                tr!(
                    "merge.conflict.invalid_input",
                    label = input,
                    message = message
                )
            }
            Conflict::Weights { group, weights } => {
                let each: Vec<String> = weights
                    .iter()
                    .map(|(l, w)| tr!("merge.conflict.weight_of", label = l, weight = w))
                    .collect();
                tr!(
                    "merge.conflict.weights",
                    group = group,
                    weights = each.join(tr!("merge.list_separator"))
                )
            }
            Conflict::Unmatched { label, group, .. } => {
                tr!("merge.conflict.unmatched", label = label, group = group)
            }
            Conflict::NoSuchGroup { input, group } => {
                tr!("merge.conflict.no_such_group", label = input, group = group)
            }
            Conflict::NoSuchPerson { input, name } => {
                tr!("merge.conflict.no_such_person", label = input, name = name)
            }
            Conflict::AmbiguousPerson { input, name, count } => tr!(
                "merge.conflict.ambiguous_person",
                label = input,
                name = name,
                count = count
            ),
            Conflict::PersonTwice { input, name } => {
                tr!("merge.conflict.person_twice", label = input, name = name)
            }
            Conflict::TooMany { what, count, max } => tr!(
                "merge.conflict.too_many",
                count = count,
                what = crate::i18n::t(what),
                max = max
            ),
            Conflict::Invalid { message } => tr!("merge.conflict.invalid", message = message),
        }
    }
}

impl Conflicts {
    /// What stopped the merge, a line each, after a line saying nothing was made.
    pub fn lines(&self) -> Vec<String> {
        std::iter::once(tr!("merge.conflict.head").to_string())
            .chain(self.list.iter().map(|c| format!("- {}", c.words())))
            .collect()
    }

    /// Whether taking one input's weights settles every conflict.
    pub fn only_weights(&self) -> bool {
        !self.list.is_empty() && self.list.iter().all(Conflict::is_weights)
    }
}
