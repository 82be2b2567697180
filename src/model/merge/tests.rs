use super::*;
use crate::i18n::{self, Language};
use crate::model::MotText;
use crate::model::session::default_groups;

fn text(who: &str) -> MotText {
    MotText {
        who: who.into(),
        situation: "at the counter".into(),
        feeling: "seen".into(),
    }
}

/// A breakout with two MOTs, Ann in "loves us" with two dots, Bo in "our team".
fn breakout(title: &str, lang: Language) -> Session {
    let mut s = Session::new(title);
    s.groups = default_groups(lang);
    let a = s.add_mot(text("a"));
    let b = s.add_mot(text("b"));
    let ann = s.add_participant("Ann", 1).expect("group");
    s.add_participant("Bo", 4).expect("group");
    s.add_dot(ann, a).expect("dot");
    s.add_dot(ann, b).expect("dot");
    s.set_hands(a, 1, 4).expect("hands");
    s.set_hands(b, 3, 2).expect("hands");
    s
}

fn inputs<'a>(sessions: &'a [Session]) -> Vec<Breakout<'a>> {
    sessions
        .iter()
        .map(|s| Breakout {
            label: &s.title,
            session: s,
        })
        .collect()
}

#[test]
fn every_mot_comes_along_numbered_in_order_with_its_breakout() {
    i18n::set(Language::English);
    let mut a = breakout("A", Language::English);
    let inner = MotOrigin::Import {
        file: "x.csv".into(),
        line: 3,
    };
    let id = a
        .try_add_mot_from(text("c"), Some(inner.clone()))
        .expect("adds");
    a.not_duplicates.push((1, id));
    let b = breakout("B", Language::English);
    let sessions = [a, b];
    let merged = merge(&inputs(&sessions), "All", &Options::default()).expect("merges");
    let s = &merged.session;
    assert_eq!(s.title, "All");
    let ids: Vec<MotId> = s.mots.iter().map(|m| m.id).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
    assert_eq!(s.mots[3].who, "a");
    assert_eq!(
        s.mots[0].origin.as_ref().and_then(|o| o.breakout()),
        Some("A")
    );
    assert_eq!(
        s.mots[4].origin.as_ref().and_then(|o| o.breakout()),
        Some("B")
    );
    assert_eq!(
        s.mots[2].origin,
        Some(MotOrigin::Breakout {
            session: "A".into(),
            from: Some(Box::new(inner)),
        })
    );
    assert_eq!(s.not_duplicates, [(1, 3)]);
    // Dots and hands go with their MOTs, participants renumbered.
    assert_eq!(s.participants.len(), 4);
    assert_eq!(s.dots.len(), 4);
    let on_4: Vec<_> = s.dots.iter().filter(|d| d.mot == 4).collect();
    assert_eq!(on_4.len(), 1);
    assert_eq!(
        s.participant(on_4[0].participant).map(|p| p.name.as_str()),
        Some("Ann (B)")
    );
    assert_eq!(s.mots[3].hands_for(1), 4);
    assert_eq!(s.mots[4].hands_for(3), 2);
    assert_eq!(merged.summary.labelled, 4, "Ann and Bo, twice each");
    assert_eq!(merged.summary.inputs[1].first_mot, 4);
    assert!(s.validate().is_ok());
}

#[test]
fn a_phones_mot_keeps_its_author_and_the_merge_starts_with_names_hidden() {
    i18n::set(Language::English);
    let mut a = breakout("A", Language::English);
    a.show_authors = true;
    a.try_add_phone_mot(text("c"), "Ann").expect("adds");
    let sessions = [a, breakout("B", Language::English)];
    let merged = merge(&inputs(&sessions), "All", &Options::default()).expect("merges");
    let s = &merged.session;
    let c = &s.mots[2];
    assert_eq!(c.author.as_deref(), Some("Ann"));
    assert_eq!(
        c.origin,
        Some(MotOrigin::Breakout {
            session: "A".into(),
            from: Some(Box::new(MotOrigin::Phone)),
        })
    );
    assert_eq!(
        c.provenance(true).as_deref(),
        Some("From breakout “A” · Sent from a phone · Ann")
    );
    assert!(!s.show_authors, "the merged room turns names on itself");
    assert!(s.validate().is_ok());
}

#[test]
fn chinese_default_groups_match_english_ones() {
    i18n::set(Language::English);
    let en = breakout("EN", Language::English);
    let mut zh = breakout("ZH", Language::SimplifiedChinese);
    // As the example session words them.
    zh.groups[0].name = "爱我们的人".into();
    zh.groups[2].name = " 不爱我们的人 ".into();
    let sessions = [en, zh];
    let merged = merge(&inputs(&sessions), "", &Options::default()).expect("merges");
    assert_eq!(merged.session.groups, default_groups(Language::English));
    assert_eq!(merged.session.title, "EN + 1");
    let how: Vec<Matched> = merged.summary.groups.iter().map(|l| l.how).collect();
    assert_eq!(how, [Matched::Default; 4]);
    assert_eq!(merged.session.mots[2].hands_for(1), 4);
    assert_eq!(default_group_of("LOVES US"), Some(0));
    assert_eq!(default_group_of("愛你的人"), Some(0));
    assert_eq!(default_group_of("doesn’t love us"), Some(2));
    assert_eq!(default_group_of("VIP"), None);
}

#[test]
fn differing_weights_stop_until_one_session_is_named() {
    i18n::set(Language::English);
    let a = breakout("A", Language::English);
    let mut b = breakout("B", Language::English);
    b.set_weight(1, 5).expect("group");
    let sessions = [a, b];
    let stopped = merge(&inputs(&sessions), "All", &Options::default()).expect_err("stops");
    assert_eq!(
        stopped.list,
        [Conflict::Weights {
            group: "loves us".into(),
            weights: vec![("A".into(), 3), ("B".into(), 5)],
        }]
    );
    assert!(stopped.only_weights());
    let text = stopped.to_string();
    assert!(text.contains("“loves us”"), "{text}");
    assert!(text.contains("5 in “B”"), "{text}");
    let options = Options {
        weights_from: Some(1),
        ..Options::default()
    };
    let merged = merge(&inputs(&sessions), "All", &options).expect("merges");
    assert_eq!(merged.session.groups[0].weight, 5);
    assert_eq!(merged.summary.weights[0].from, "B");
}

#[test]
fn an_unmatched_group_stops_until_it_is_mapped() {
    i18n::set(Language::English);
    let a = breakout("A", Language::English);
    let mut b = breakout("B", Language::English);
    b.rename_group(2, "VIP").expect("group");
    let vip = b.add_mot(text("v"));
    b.set_hands(vip, 2, 7).expect("hands");
    let sessions = [a, b];
    let stopped = merge(&inputs(&sessions), "All", &Options::default()).expect_err("stops");
    assert!(
        matches!(&stopped.list[..], [Conflict::Unmatched { input: 1, group, .. }] if group == "VIP")
    );
    assert!(!stopped.only_weights());
    // Into an existing group.
    let into = Options {
        group_maps: vec![GroupMap {
            input: 1,
            group: "vip".into(),
            target: "Loves Us".into(),
        }],
        ..Options::default()
    };
    let merged = merge(&inputs(&sessions), "All", &into).expect("merges");
    assert_eq!(merged.session.groups.len(), 4);
    assert_eq!(merged.session.mots[4].hands_for(1), 7);
    // Kept as a group of its own.
    let own = Options {
        group_maps: vec![GroupMap {
            input: 1,
            group: "VIP".into(),
            target: "VIP".into(),
        }],
        ..Options::default()
    };
    let merged = merge(&inputs(&sessions), "All", &own).expect("merges");
    let added = merged.session.groups.last().expect("a group");
    assert_eq!((added.id, added.name.as_str()), (5, "VIP"));
    assert_eq!(merged.session.mots[4].hands_for(5), 7);
    assert_eq!(merged.summary.groups[1].how, Matched::Added);
    // A mapping of a group that is not there is said.
    let wrong = Options {
        group_maps: vec![GroupMap {
            input: 0,
            group: "Nobody".into(),
            target: "VIP".into(),
        }],
        ..Options::default()
    };
    let stopped = merge(&inputs(&sessions), "All", &wrong).expect_err("stops");
    assert!(stopped.list.contains(&Conflict::NoSuchGroup {
        input: "A".into(),
        group: "Nobody".into()
    }));
}

#[test]
fn one_person_in_two_breakouts_keeps_dots_within_the_budget_and_lists_the_rest() {
    i18n::set(Language::English);
    let a = breakout("A", Language::English);
    let b = breakout("B", Language::English);
    let sessions = [a, b];
    let options = Options {
        same_people: vec![vec![
            PersonRef {
                input: 0,
                name: "Ann".into(),
            },
            PersonRef {
                input: 1,
                name: " ann".into(),
            },
        ]],
        ..Options::default()
    };
    let merged = merge(&inputs(&sessions), "All", &options).expect("merges");
    let s = &merged.session;
    // Ann, Bo (A), Bo (B): Ann is one person, unlabelled.
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann", "Bo (A)", "Bo (B)"]);
    assert_eq!(s.dots.iter().map(|d| d.count).sum::<u32>(), 3, "the budget");
    let ann = &merged.summary.people[0];
    assert_eq!(ann.from, ["A", "B"]);
    assert_eq!(ann.dots, 3);
    assert_eq!(
        ann.surplus,
        [Surplus {
            mot: 4,
            count: 1,
            why: Over::Budget(3)
        }]
    );
    assert_eq!(merged.summary.inputs[1].dots, 1);
    assert_eq!(merged.summary.inputs[1].dots_before, 2);
    assert_eq!(merged.summary.surplus(), 1);
    let lines = merged.summary.lines().join("\n");
    assert!(
        lines.contains("1 dot on MOT 4, past the budget of 3 dots"),
        "{lines}"
    );
}

#[test]
fn two_names_of_one_person_in_one_breakout_add_up_to_the_cap() {
    i18n::set(Language::English);
    let mut a = breakout("A", Language::English);
    let anne = a.add_participant("Anne", 1).expect("group");
    a.add_dot(anne, 1).expect("dot");
    let b = breakout("B", Language::English);
    let sessions = [a, b];
    let person = |input, name: &str| PersonRef {
        input,
        name: name.into(),
    };
    let mut options = Options {
        same_people: vec![vec![person(0, "Ann"), person(0, "Anne")]],
        ..Options::default()
    };
    let merged = merge(&inputs(&sessions), "All", &options).expect("merges");
    let on_1: u32 = merged
        .session
        .dots
        .iter()
        .filter(|d| d.mot == 1)
        .map(|d| d.count)
        .sum();
    assert_eq!(on_1, 2, "one entry of two dots");
    // The session's cap is 2: a cap of 1 leaves a dot over.
    let mut capped = sessions.clone();
    capped[0].max_dots_per_mot = 1;
    let merged = merge(&inputs(&capped), "All", &options).expect("merges");
    assert_eq!(merged.summary.people[0].surplus[0].why, Over::Cap(1));
    // A person named twice, or not there, is said.
    options
        .same_people
        .push(vec![person(0, "Ann"), person(1, "Zed")]);
    let stopped = merge(&inputs(&sessions), "All", &options).expect_err("stops");
    assert!(stopped.list.contains(&Conflict::PersonTwice {
        input: "A".into(),
        name: "Ann".into()
    }));
    assert!(stopped.list.contains(&Conflict::NoSuchPerson {
        input: "B".into(),
        name: "Zed".into()
    }));
}

#[test]
fn the_setup_comes_from_the_input_named_and_drills_stay_behind() {
    i18n::set(Language::English);
    let mut a = breakout("A", Language::English);
    a.brand = "Alpha".into();
    let mut b = breakout("B", Language::English);
    b.brand = "Beta".into();
    b.dot_budget = 7;
    b.drill
        .add_card(crate::model::drill::cards::Card::default());
    let sessions = [a, b];
    let options = Options {
        setup_from: 1,
        ..Options::default()
    };
    let merged = merge(&inputs(&sessions), "All", &options).expect("merges");
    assert_eq!(merged.session.brand, "Beta");
    assert_eq!(merged.session.dot_budget, 7);
    assert!(merged.session.drill.is_empty());
    assert!(merged.summary.inputs[1].drill_left);
    let lines = merged.summary.lines().join("\n");
    assert!(
        lines.contains("The drill of “B” was not carried over"),
        "{lines}"
    );
    let bad = Options {
        setup_from: 2,
        ..Options::default()
    };
    let stopped = merge(&inputs(&sessions), "All", &bad).expect_err("stops");
    assert_eq!(stopped.list, [Conflict::NoSuchInput { input: 2, count: 2 }]);
}

#[test]
fn labels_are_told_apart_and_fit() {
    let a = breakout("Team", Language::English);
    let b = breakout("team", Language::English);
    let sessions = [a, b];
    let labels = unique_labels(&inputs(&sessions));
    assert_eq!(labels, ["Team", "team (2)"]);
    let long = "长".repeat(MAX_TEXT_CHARS);
    let labelled = people_label(&"名".repeat(MAX_TEXT_CHARS - 5), &long);
    assert_eq!(labelled.chars().count(), MAX_TEXT_CHARS);
    assert!(labelled.starts_with(&"名".repeat(MAX_TEXT_CHARS - 5)));
}

fn people_label(name: &str, label: &str) -> String {
    i18n::set(Language::English);
    people::labelled(name, label)
}

#[test]
fn a_chain_too_deep_loses_its_oldest_links() {
    let mut o = MotOrigin::Import {
        file: "x.csv".into(),
        line: 1,
    };
    for n in 0..MAX_ORIGIN_DEPTH + 3 {
        o = MotOrigin::Breakout {
            session: format!("b{n}"),
            from: Some(Box::new(o)),
        };
    }
    let (wrapped, cut) = wrapped("new", Some(&o));
    assert!(cut);
    let mut s = Session::new("t");
    s.try_add_mot_from(text("a"), Some(wrapped))
        .expect("a chain a file may hold");
    let (_, cut) = wrapped_twice();
    assert!(!cut);
}

fn wrapped_twice() -> (MotOrigin, bool) {
    let (once, _) = wrapped("a", None);
    wrapped("b", Some(&once))
}

#[test]
fn fewer_than_two_sessions_is_said() {
    let a = breakout("A", Language::English);
    let sessions = [a];
    let stopped = merge(&inputs(&sessions), "All", &Options::default()).expect_err("stops");
    assert_eq!(stopped.list, [Conflict::TooFewInputs]);
}
