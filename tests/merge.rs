//! Merging the sessions of breakout groups, in the domain: every MOT, dot
//! and hand of every breakout is accounted for, each MOT says which
//! breakout it came from, and what a person must decide stops the merge.

mod common;

use std::collections::BTreeMap;

use common::breakouts::{EXAMPLES, example, fixture, read};
use mot::i18n::{self, Language};
use mot::model::merge::{
    self, Breakout, Conflict, GroupMap, Matched, Merged, Options, Over, PersonRef,
};
use mot::model::{MotOrigin, Session};

fn inputs(sessions: &[Session]) -> Vec<Breakout<'_>> {
    mot::shell::merge::breakouts_of(sessions)
}

/// What a breakout held, counted: MOTs, dots, hands per group name.
fn hands_by_group(s: &Session) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for m in &s.mots {
        for h in &m.hands {
            let name = s.group(h.group).map(|g| g.name.clone()).unwrap_or_default();
            *out.entry(name).or_default() += u64::from(h.count);
        }
    }
    out
}

fn dots(s: &Session) -> u64 {
    s.dots.iter().map(|d| u64::from(d.count)).sum()
}

fn hands(s: &Session) -> u64 {
    s.mots
        .iter()
        .flat_map(|m| &m.hands)
        .map(|h| u64::from(h.count))
        .sum()
}

/// Checks that every MOT of every input is in the result, in order, with
/// all it held (its hands in the result's groups), its origin wrapped in
/// its breakout's; and that every dot and hand of each input is there,
/// but for the surplus the summary lists.
fn assert_all_carried(sessions: &[Session], merged: &Merged) {
    let s = &merged.session;
    assert!(s.validate().is_ok(), "{:?}", s.validate());
    let total: usize = sessions.iter().map(|b| b.mots.len()).sum();
    assert_eq!(s.mots.len(), total);
    let mut at = 0;
    for (i, b) in sessions.iter().enumerate() {
        let summary = &merged.summary.inputs[i];
        assert_eq!(summary.mots, b.mots.len());
        assert_eq!(summary.first_mot as usize, at + 1);
        let mut carried_hands = 0u64;
        for m in &b.mots {
            let new = &s.mots[at];
            assert_eq!(new.id as usize, at + 1, "renumbered 1..n in input order");
            assert_eq!(
                (&new.who, &new.situation, &new.feeling),
                (&m.who, &m.situation, &m.feeling)
            );
            assert_eq!(new.dimension, m.dimension);
            assert_eq!(new.qualities, m.qualities);
            assert_eq!(new.golden, m.golden);
            assert_eq!(new.chosen, m.chosen);
            assert_eq!(new.motx, m.motx);
            assert_eq!(new.we_do_well, m.we_do_well);
            assert_eq!(new.competitors_poor, m.competitors_poor);
            assert_eq!(new.carries_message, m.carries_message);
            assert_eq!(new.notes, m.notes);
            assert_eq!(
                new.origin,
                Some(MotOrigin::Breakout {
                    session: b.title.clone(),
                    from: m.origin.clone().map(Box::new),
                }),
                "MOT {} of {}",
                m.id,
                b.title
            );
            // The same hands, group by group (groups matched here keep their order).
            let before: u64 = m.hands.iter().map(|h| u64::from(h.count)).sum();
            let after: u64 = new.hands.iter().map(|h| u64::from(h.count)).sum();
            assert_eq!(before, after, "hands of MOT {} of {}", m.id, b.title);
            carried_hands += after;
            // Its dots, with it.
            let dots_before: u64 = b
                .dots
                .iter()
                .filter(|d| d.mot == m.id)
                .map(|d| u64::from(d.count))
                .sum();
            let dots_after: u64 = s
                .dots
                .iter()
                .filter(|d| d.mot == new.id)
                .map(|d| u64::from(d.count))
                .sum();
            let surplus: u64 = merged
                .summary
                .people
                .iter()
                .flat_map(|p| &p.surplus)
                .filter(|x| x.mot == new.id)
                .map(|x| u64::from(x.count))
                .sum();
            assert_eq!(dots_before, dots_after + surplus, "dots of MOT {}", m.id);
            at += 1;
        }
        assert_eq!(carried_hands, hands(b));
        assert_eq!(summary.hands, hands(b));
        assert_eq!(summary.dots_before, dots(b));
    }
    let kept: u64 = merged.summary.inputs.iter().map(|i| i.dots).sum();
    assert_eq!(kept, dots(s));
    let before: u64 = sessions.iter().map(dots).sum();
    assert_eq!(before, kept + merged.summary.surplus());
}

#[test]
fn the_three_examples_merge_whole_with_the_chinese_groups_matched() {
    i18n::set(Language::English);
    let sessions: Vec<Session> = EXAMPLES.iter().map(|n| read(&example(n))).collect();
    // The examples count their groups alike, so nothing stops the merge;
    // the Chinese example names its groups in its own words.
    let weights = |s: &Session| s.groups.iter().map(|g| g.weight).collect::<Vec<_>>();
    assert_eq!(weights(&sessions[0]), weights(&sessions[2]));
    assert_eq!(sessions[2].groups[0].name, "爱我们的人");
    let merged = merge::merge(&inputs(&sessions), "All breakouts", &Options::default())
        .expect("the examples merge");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    assert_eq!(s.groups, sessions[0].groups, "the first session's groups");
    // Hands per group: the Chinese ones land in the English groups.
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for b in &sessions {
        for (name, n) in hands_by_group(b) {
            let kind = merge::default_group_of(&name).expect("a default group");
            let target = s.groups[kind].name.clone();
            *expected.entry(target).or_default() += n;
        }
    }
    assert_eq!(hands_by_group(s), expected);
    let chinese: Vec<Matched> = merged
        .summary
        .groups
        .iter()
        .filter(|l| l.input == "海底捞 门店体验")
        .map(|l| l.how)
        .collect();
    assert_eq!(chinese, [Matched::Default; 4]);
    // The airline's drill stays in its own session, and the summary says so.
    assert!(s.drill.is_empty());
    assert!(merged.summary.inputs[0].drill_left);
    let lines = merged.summary.lines().join("\n");
    assert!(
        lines.contains("The drill of “Long-haul business class” was not carried over"),
        "{lines}"
    );
    assert_eq!(s.brand, sessions[0].brand, "the first session's setup");
    assert_eq!(s.participants.len(), 22);

    // Had the Chinese breakout counted "loves us" differently, the merge
    // would stop until told whose weights to take.
    let mut heavier = sessions.clone();
    heavier[2].groups[0].weight = 4;
    let stopped =
        merge::merge(&inputs(&heavier), "All", &Options::default()).expect_err("weights differ");
    assert_eq!(
        stopped.list,
        [Conflict::Weights {
            group: "loves us".into(),
            weights: vec![
                ("Long-haul business class".into(), 3),
                ("City hotel front desk".into(), 3),
                ("海底捞 门店体验".into(), 4)
            ],
        }]
    );
    let options = Options {
        weights_from: Some(2),
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&heavier), "All", &options).expect("resolved");
    assert_eq!(merged.session.groups[0].weight, 4);
    assert_all_carried(&heavier, &merged);
}

#[test]
fn a_person_in_two_breakouts_is_two_people_unless_mapped_then_one_within_the_budget() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("south.ron"))];
    let merged = merge::merge(&inputs(&sessions), "Hotel", &Options::default()).expect("merges");
    assert_all_carried(&sessions, &merged);
    let names: Vec<&str> = merged
        .session
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Ann Lee (North table)",
            "Bo Chan",
            "Ann Lee (South table)",
            "Cy Ng"
        ]
    );
    assert_eq!(merged.summary.labelled, 2);
    assert_eq!(dots(&merged.session), 9, "distinct people keep every dot");
    // North's "not duplicates" pair comes along renumbered; South's MOTs follow North's.
    assert_eq!(merged.session.not_duplicates, [(2, 3)]);

    let options = Options {
        same_people: vec![vec![
            PersonRef {
                input: 0,
                name: "Ann Lee".into(),
            },
            PersonRef {
                input: 1,
                name: "ann lee".into(),
            },
        ]],
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&sessions), "Hotel", &options).expect("merges");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Bo Chan", "Cy Ng"]);
    let ann = &merged.summary.people[0];
    assert_eq!(ann.from, ["North table", "South table"]);
    assert_eq!(ann.dots, 3, "her budget in the merged session");
    let spent: u32 = s
        .dots
        .iter()
        .filter(|d| d.participant == 1)
        .map(|d| d.count)
        .sum();
    assert_eq!(spent, 3);
    // South's three dots did not fit: listed MOT by MOT, not dropped unsaid.
    let surplus: Vec<(u32, u32, Over)> = ann
        .surplus
        .iter()
        .map(|x| (x.mot, x.count, x.why))
        .collect();
    assert_eq!(surplus, [(4, 2, Over::Budget(3)), (5, 1, Over::Budget(3))]);
    assert_eq!(merged.summary.inputs[1].dots, 1);
    let lines = merged.summary.lines().join("\n");
    assert!(
        lines.contains("Ann Lee (in “North table”, “South table”)"),
        "{lines}"
    );
    assert!(
        lines.contains("2 dots on MOT 4, past the budget of 3 dots"),
        "{lines}"
    );
    assert!(
        lines.contains("“South table”: 1 of its 4 dots carried"),
        "{lines}"
    );
}

#[test]
fn differing_weights_stop_the_merge_until_one_breakouts_weights_are_taken() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("east.ron"))];
    let stopped =
        merge::merge(&inputs(&sessions), "Hotel", &Options::default()).expect_err("stops");
    assert_eq!(
        stopped.list,
        [Conflict::Weights {
            group: "loves us".into(),
            weights: vec![("North table".into(), 3), ("East table".into(), 5)]
        }]
    );
    let text = stopped.lines().join("\n");
    assert!(
        text.starts_with("The merge stopped and nothing was written"),
        "{text}"
    );
    assert!(
        text.contains("3 in “North table”, 5 in “East table”"),
        "{text}"
    );
    for (from, weight) in [(0, 3), (1, 5)] {
        let options = Options {
            weights_from: Some(from),
            ..Options::default()
        };
        let merged = merge::merge(&inputs(&sessions), "Hotel", &options).expect("resolved");
        assert_eq!(merged.session.groups[0].weight, weight);
        assert_all_carried(&sessions, &merged);
    }
}

#[test]
fn chinese_and_english_group_names_are_one_group() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("zhong.ron"))];
    let merged = merge::merge(&inputs(&sessions), "", &Options::default()).expect("merges");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    assert_eq!(s.title, "North table + 1");
    assert_eq!(s.groups.len(), 4);
    // 5 in 爱我们的人, 1 in 喜欢你的人, 3 in 我們的團隊; 2 in 不爱你的人.
    assert_eq!(s.mots[3].hands_for(1), 5);
    assert_eq!(s.mots[3].hands_for(2), 1);
    assert_eq!(s.mots[3].hands_for(4), 3);
    assert_eq!(s.mots[4].hands_for(3), 2);
    let how: Vec<(&str, &str, Matched)> = merged
        .summary
        .groups
        .iter()
        .map(|l| (l.name.as_str(), l.target.as_str(), l.how))
        .collect();
    assert_eq!(
        how,
        [
            ("爱我们的人", "loves us", Matched::Default),
            ("喜欢你的人", "liked us once", Matched::Default),
            ("不爱你的人", "doesn't love us", Matched::Default),
            ("我們的團隊", "our team", Matched::Default),
        ]
    );
    // Ann Lee of the Chinese table is in "liked us once" of the result.
    let ann = s
        .participants
        .iter()
        .find(|p| p.name == "Ann Lee (中文组)")
        .expect("labelled with her breakout");
    assert_eq!(ann.group, 2);
    // The summary speaks the language on show.
    i18n::set(Language::SimplifiedChinese);
    let lines = merged.summary.lines().join("\n");
    i18n::set(Language::English);
    assert!(
        lines.contains("匹配为默认群体：爱我们的人 → loves us"),
        "{lines}"
    );
}

#[test]
fn a_group_no_breakout_shares_stops_the_merge_until_mapped() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("vip.ron"))];
    let stopped =
        merge::merge(&inputs(&sessions), "Hotel", &Options::default()).expect_err("stops");
    assert_eq!(
        stopped.list,
        [Conflict::Unmatched {
            input: 1,
            label: "VIP table".into(),
            group: "VIP".into()
        }]
    );
    let hints = mot::shell::merge::hints(&stopped).join("\n");
    assert!(hints.contains("--map-group"), "{hints}");
    // Kept as a group of its own, with its weight.
    let own = Options {
        group_maps: vec![GroupMap {
            input: 1,
            group: "VIP".into(),
            target: "VIP".into(),
        }],
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&sessions), "Hotel", &own).expect("merges");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    let vip = s.groups.iter().find(|g| g.name == "VIP").expect("added");
    assert_eq!((vip.id, vip.weight), (5, 2));
    assert_eq!(s.mots[3].hands_for(vip.id), 3);
    assert_eq!(s.mots[3].hands_for(1), 1);
    assert_eq!(s.participants[2].group, vip.id);
    // Put into "loves us": its hands count there, at that group's weight.
    let into = Options {
        group_maps: vec![GroupMap {
            input: 1,
            group: "vip".into(),
            target: "loves us".into(),
        }],
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&sessions), "Hotel", &into).expect("merges");
    assert_all_carried(&sessions, &merged);
    assert_eq!(merged.session.groups.len(), 4);
    assert_eq!(merged.session.mots[3].hands_for(1), 4, "3 + 1 in one group");
}

#[test]
fn the_same_session_under_two_names_is_not_merged_twice() {
    i18n::set(Language::English);
    // A copy (or a hard link) reads as the same session, whatever its path.
    let sessions = [read(&fixture("north.ron")), read(&fixture("north.ron"))];
    let stopped =
        merge::merge(&inputs(&sessions), "Twice", &Options::default()).expect_err("stops");
    assert!(
        matches!(&stopped.list[..], [Conflict::SameSession { .. }]),
        "{:?}",
        stopped.list
    );
    let text = stopped.lines().join("\n");
    assert!(text.contains("hold the same session"), "{text}");
}
