//! Which group of the result each breakout's groups go into: by name, as
//! one of the four default groups in any language, or where the
//! facilitator said; and whose weight each group keeps.

use std::collections::HashMap;

use super::{Breakout, Conflict, GroupLink, Matched, Options, WeightChoice};
use crate::i18n::{Language, t_in};
use crate::model::limits::MAX_GROUPS;
use crate::model::session::{Group, GroupId, clean_line};

/// The four default groups: the catalog key of their name, and of the
/// other wordings rooms use for them (`|` between them).
const DEFAULTS: [(&str, &str); 4] = [
    ("model.group.loves_us", "merge.alias.loves_us"),
    ("model.group.liked_us", "merge.alias.liked_us"),
    ("model.group.not_us", "merge.alias.not_us"),
    ("model.group.team", "merge.alias.team"),
];

/// Where every group went.
#[derive(Debug, Default)]
pub(super) struct GroupPlan {
    /// The result's groups: the first input's, then any kept as their own.
    pub result: Vec<Group>,
    /// Per input: its group id to the result's.
    pub ids: Vec<HashMap<GroupId, GroupId>>,
    /// How the groups of inputs after the first were matched.
    pub links: Vec<GroupLink>,
    /// Weights taken from the input the facilitator named.
    pub weights: Vec<WeightChoice>,
    /// What stops the merge.
    pub conflicts: Vec<Conflict>,
}

/// A name as groups are compared: no blanks at the ends, any case, one
/// kind of apostrophe.
fn normal(name: &str) -> String {
    name.trim().to_lowercase().replace(['’', '‘'], "'")
}

/// Which of the four default groups `name` is, in any language or a
/// wording rooms use for it ("爱我们的人" is "loves us"): its position in
/// [`crate::model::session::default_groups`].
pub fn default_group_of(name: &str) -> Option<usize> {
    let name = normal(name);
    if name.is_empty() {
        return None;
    }
    DEFAULTS.iter().position(|(key, aliases)| {
        Language::ALL.into_iter().any(|lang| {
            normal(t_in(lang, key)) == name
                || t_in(lang, aliases).split('|').any(|a| normal(a) == name)
        })
    })
}

/// The result's group a name means: the same name, else the same default group.
fn find(result: &[Group], name: &str) -> Option<(usize, Matched)> {
    let wanted = normal(name);
    if let Some(t) = result.iter().position(|g| normal(&g.name) == wanted) {
        return Some((t, Matched::Name));
    }
    let kind = default_group_of(name)?;
    result
        .iter()
        .position(|g| default_group_of(&g.name) == Some(kind))
        .map(|t| (t, Matched::Default))
}

/// Matches every input's groups to the result's, which start as the first
/// input's (their ids kept).
pub(super) fn match_groups(inputs: &[Breakout], labels: &[String], options: &Options) -> GroupPlan {
    let mut plan = GroupPlan::default();
    // Per result group: (input, weight) of every group put into it.
    let mut weights: Vec<Vec<(usize, u32)>> = Vec::new();
    // Ids for groups kept as their own, past every id the first input uses.
    let mut next_id = inputs
        .first()
        .and_then(|b| b.session.groups.iter().map(|g| g.id).max())
        .unwrap_or(0);
    for (i, b) in inputs.iter().enumerate() {
        let mut ids = HashMap::with_capacity(b.session.groups.len());
        for m in options.group_maps.iter().filter(|m| m.input == i) {
            let wanted = normal(&m.group);
            if !b.session.groups.iter().any(|g| normal(&g.name) == wanted) {
                plan.conflicts.push(Conflict::NoSuchGroup {
                    input: labels[i].clone(),
                    group: m.group.clone(),
                });
            }
        }
        for g in &b.session.groups {
            let mapped = options
                .group_maps
                .iter()
                .find(|m| m.input == i && normal(&m.group) == normal(&g.name));
            let (t, how) = if let Some(m) = mapped {
                match find(&plan.result, &m.target) {
                    Some((t, _)) => (t, Matched::Mapped),
                    None => {
                        next_id += 1;
                        let name = match clean_line(&m.target) {
                            n if n.is_empty() => g.name.clone(),
                            n => n,
                        };
                        plan.result.push(Group {
                            id: next_id,
                            name,
                            description: g.description.clone(),
                            weight: g.weight,
                        });
                        weights.push(Vec::new());
                        (plan.result.len() - 1, Matched::Added)
                    }
                }
            } else if i == 0 {
                plan.result.push(g.clone());
                weights.push(Vec::new());
                (plan.result.len() - 1, Matched::Name)
            } else if let Some(found) = find(&plan.result, &g.name) {
                found
            } else {
                plan.conflicts.push(Conflict::Unmatched {
                    input: i,
                    label: labels[i].clone(),
                    group: g.name.clone(),
                });
                continue;
            };
            ids.insert(g.id, plan.result[t].id);
            // A group put into another by hand counts with that one's
            // weight: the facilitator said its people belong there.
            if how != Matched::Mapped {
                weights[t].push((i, g.weight));
            }
            if i > 0 || mapped.is_some() {
                plan.links.push(GroupLink {
                    input: labels[i].clone(),
                    name: g.name.clone(),
                    target: plan.result[t].name.clone(),
                    how,
                });
            }
        }
        plan.ids.push(ids);
    }
    if plan.result.len() > MAX_GROUPS {
        plan.conflicts.push(Conflict::TooMany {
            what: "merge.what.groups",
            count: plan.result.len(),
            max: MAX_GROUPS,
        });
    }
    for (group, weights) in plan.result.iter_mut().zip(&weights) {
        let differ = weights.iter().any(|&(_, w)| w != group.weight)
            || weights.windows(2).any(|p| p[0].1 != p[1].1);
        if !differ {
            continue;
        }
        let chosen = options
            .weights_from
            .and_then(|from| weights.iter().find(|(i, _)| *i == from));
        match chosen {
            Some(&(from, weight)) => {
                group.weight = weight;
                plan.weights.push(WeightChoice {
                    group: group.name.clone(),
                    weight,
                    from: labels[from].clone(),
                });
            }
            None => {
                let mut each: Vec<(String, u32)> = Vec::new();
                for &(i, w) in weights {
                    if !each.iter().any(|(l, _)| *l == labels[i]) {
                        each.push((labels[i].clone(), w));
                    }
                }
                plan.conflicts.push(Conflict::Weights {
                    group: group.name.clone(),
                    weights: each,
                });
            }
        }
    }
    plan
}
