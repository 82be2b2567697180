//! Unit tests of the session: kept beside it, so the model's file holds the model.

use super::*;

fn text(who: &str, situation: &str, feeling: &str) -> MotText {
    MotText {
        who: who.into(),
        situation: situation.into(),
        feeling: feeling.into(),
    }
}

#[test]
fn new_session_has_the_default_groups_and_rules() {
    let s = Session::new("Airline");
    let weights: Vec<(&str, u32)> = s
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.weight))
        .collect();
    assert_eq!(
        weights,
        [
            ("loves us", 3),
            ("liked us once", 1),
            ("doesn't love us", 1),
            ("our team", 1)
        ]
    );
    assert_eq!(s.dot_budget, 3);
    assert_eq!(s.max_dots_per_mot, 2);
    assert!(!s.votes_revealed);
    assert!(s.validate().is_ok());
}

#[test]
fn new_session_names_its_groups_in_the_language_on_show() {
    use crate::i18n::{self, Language};
    i18n::set(Language::SimplifiedChinese);
    let zh = Session::new("酒店");
    i18n::set(Language::TraditionalChinese);
    let hant = Session::new("酒店");
    i18n::set(Language::English);
    let names = |s: &Session| s.groups.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&zh),
        ["爱你的人", "喜欢你的人", "不爱你的人", "我们的团队"]
    );
    assert_eq!(
        names(&hant),
        ["愛你的人", "喜歡你的人", "不愛你的人", "我們的團隊"]
    );
    assert_eq!(zh.groups[3].description, "为顾客提供服务的人");
    assert_eq!(names(&Session::new("t"))[0], "loves us");
}

#[test]
fn deleting_an_mot_takes_its_dots_and_keeps_other_ids() {
    let mut s = Session::new("t");
    let a = s.add_mot(text("a", "b", "c"));
    let b = s.add_mot(text("a", "b", "c"));
    let c = s.add_mot(text("a", "b", "c"));
    let p = s.add_participant("Ann", 1).expect("group 1");
    s.dots.push(Dots {
        participant: p,
        mot: b,
        count: 1,
    });
    s.delete_mot(b).expect("exists");
    assert!(s.dots.is_empty());
    let ids: Vec<MotId> = s.mots.iter().map(|m| m.id).collect();
    assert_eq!(ids, [a, c]);
    assert_eq!(s.add_mot(text("a", "b", "c")), 4);
    assert!(s.validate().is_ok());
}

#[test]
fn text_is_cleaned_of_control_characters_and_newlines() {
    let mut s = Session::new("t");
    let id = s.add_mot(text(" 旅客\n", "在\t登机口\u{7}等待", "安心 "));
    let m = s.mot(id).expect("added");
    assert_eq!(m.who, "旅客");
    assert_eq!(m.situation, "在 登机口 等待");
    assert_eq!(m.feeling, "安心");
}

#[test]
fn toggling_a_quality_keeps_canonical_order() {
    let mut s = Session::new("t");
    let id = s.add_mot(text("a", "b", "c"));
    assert!(s.toggle_quality(id, Quality::Empathy).expect("mot"));
    assert!(s.toggle_quality(id, Quality::Reliability).expect("mot"));
    assert_eq!(
        s.mot(id).expect("mot").qualities,
        [Quality::Reliability, Quality::Empathy]
    );
    assert!(!s.toggle_quality(id, Quality::Empathy).expect("mot"));
    assert_eq!(s.mot(id).expect("mot").qualities, [Quality::Reliability]);
}

#[test]
fn untagged_needs_dimension_and_quality() {
    let mut s = Session::new("t");
    let id = s.add_mot(text("a", "b", "c"));
    assert_eq!(s.untagged_count(), 1);
    s.set_dimension(id, Some(Dimension::Entry)).expect("mot");
    assert_eq!(s.untagged_count(), 1);
    s.toggle_quality(id, Quality::Tangibles).expect("mot");
    assert_eq!(s.untagged_count(), 0);
}

#[test]
fn a_group_with_members_cannot_be_removed() {
    let mut s = Session::new("t");
    let p = s.add_participant("Ann", 1).expect("group 1");
    assert!(matches!(
        s.remove_group(1),
        Err(ModelError::GroupInUse { members: 1, .. })
    ));
    s.remove_participant(p).expect("exists");
    assert!(s.remove_group(1).is_ok());
    assert!(s.validate().is_ok());
}

#[test]
fn ids_too_large_to_grow_from_are_refused() {
    let mut s = Session::new("t");
    let id = s.add_mot(MotText::default());
    Arc::make_mut(&mut s.mots[0]).id = MAX_ID;
    assert!(s.validate().is_ok());
    assert_eq!(
        s.add_mot(MotText::default()),
        1,
        "the lowest free id, no overflow"
    );
    assert!(s.validate().is_ok());
    Arc::make_mut(&mut s.mots[0]).id = u32::MAX;
    let e = s.validate().expect_err("too large");
    assert!(
        e.to_string().contains("MOT id 4294967295 is too large"),
        "{e}"
    );
    assert_eq!(id, 1);
}

#[test]
fn validate_catches_dangling_references() {
    let mut s = Session::new("t");
    s.participants.push(Participant {
        id: 1,
        name: "x".into(),
        group: 42,
    });
    assert!(s.validate().is_err());
    let mut s = Session::new("t");
    s.dots.push(Dots {
        participant: 9,
        mot: 9,
        count: 1,
    });
    assert!(s.validate().is_err());
    let mut s = Session::new("t");
    let m = s.add_mot(text("a", "b", "c"));
    let p = s.add_participant("Ann", 1).expect("group");
    s.dots.push(Dots {
        participant: p,
        mot: m,
        count: 0,
    });
    assert!(
        s.validate().is_err(),
        "a zero dot entry is never written, so it is refused"
    );
    s.dots.clear();
    Arc::make_mut(&mut s.mots[0]).hands.push(Hands {
        group: 1,
        count: 100_000,
    });
    assert!(s.validate().is_err(), "more hands than set_hands allows");
    let mut s = Session::new("t");
    s.add_mot(text("a", "b", "c"));
    s.mots.push(s.mots[0].clone());
    assert!(s.validate().is_err());
}

#[test]
fn adds_stop_at_the_limits() {
    let mut s = Session::new("t");
    s.add_mot(MotText::default());
    let template = s.mots[0].clone();
    s.mots = (1..MAX_MOTS as u32)
        .map(|id| {
            Arc::new(Mot {
                id,
                ..(*template).clone()
            })
        })
        .collect();
    assert!(s.try_add_mot(MotText::default()).is_ok(), "the last one");
    assert_eq!(
        s.try_add_mot(MotText::default()),
        Err(ModelError::TooManyMots { max: MAX_MOTS })
    );
    assert_eq!(s.mots.len(), MAX_MOTS);
    let mut s = Session::new("t");
    for i in s.groups.len()..MAX_GROUPS {
        s.try_add_group(&format!("g{i}")).expect("room for it");
    }
    assert_eq!(
        s.try_add_group("one more"),
        Err(ModelError::TooManyGroups { max: MAX_GROUPS })
    );
    assert!(s.validate().is_ok());
    let e = ModelError::TooManyGroups { max: MAX_GROUPS }.to_string();
    assert_eq!(e, "a session holds at most 50 respondent groups");
}

#[test]
fn text_from_any_way_in_stops_at_the_limit() {
    let long = "长".repeat(MAX_TEXT_CHARS + 10);
    assert_eq!(clean_line(&long).chars().count(), MAX_TEXT_CHARS);
    let mut s = Session::new("t");
    let id = s.add_group(&long);
    assert_eq!(
        s.group(id).map(|g| g.name.chars().count()),
        Some(MAX_TEXT_CHARS)
    );
    assert!(s.validate().is_ok());
}

#[test]
fn weights_are_clamped() {
    let mut s = Session::new("t");
    s.set_weight(1, 1000).expect("group");
    assert_eq!(s.group(1).expect("group").weight, MAX_WEIGHT);
}

#[test]
fn a_mot_from_the_drill_keeps_its_origin_when_edited() {
    let mut s = Session::new("t");
    let from = MotOrigin::Drill {
        round: 2,
        step: BehaviourStep::Analyse,
    };
    let typed = s.try_add_mot(text("a", "b", "c")).expect("room");
    let drilled = s
        .try_add_mot_from(
            text("a guest", "asked twice", "unheard"),
            Some(from.clone()),
        )
        .expect("room");
    assert_eq!(s.mot(typed).map(|m| m.origin.clone()), Some(None));
    s.edit_mot(drilled, text("a guest", "asked three times", "unheard"))
        .expect("mot");
    let m = s.mot(drilled).expect("mot");
    assert_eq!(m.situation, "asked three times");
    assert_eq!(m.origin, Some(from));
    assert!(s.validate().is_ok());
}

#[test]
fn a_mot_from_a_round_past_the_last_is_refused_and_nothing_added() {
    use super::super::limits::MAX_ROUND;
    let mut s = Session::new("t");
    s.add_mot(text("a", "b", "c"));
    let last = MotOrigin::Drill {
        round: MAX_ROUND,
        step: BehaviourStep::FollowUp,
    };
    let past = MotOrigin::Drill {
        round: MAX_ROUND + 1,
        step: BehaviourStep::FollowUp,
    };
    let before = s.clone();
    let e = s
        .try_add_mot_from(text("x", "y", "z"), Some(past))
        .expect_err("past the last round");
    assert_eq!(s, before);
    crate::i18n::set(crate::i18n::Language::English);
    assert_eq!(
        e.to_string(),
        "mots[1].origin.round: MOT 2 is marked as from drill round 1,000; the most is 999"
    );
    assert_eq!(s.try_add_mot_from(text("x", "y", "z"), Some(last)), Ok(2));
}
