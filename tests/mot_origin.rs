//! A MOT made from a drill's comment says where it came from (`origin`,
//! format version 6): it goes round the real file, reads when written by
//! hand, is refused in an older version's file with the version to declare,
//! is refused past the drill's last round naming the MOT, survives an edit
//! and shows in Write's detail.

mod common;

use std::fs;

use common::Harness;
use mot::app::Action;
use mot::i18n::{self, Language};
use mot::model::drill::BehaviourStep;
use mot::model::limits::MAX_ROUND;
use mot::model::{MotOrigin, MotText, Session, Stage};
use mot::store;

fn text(who: &str, situation: &str, feeling: &str) -> MotText {
    MotText {
        who: who.into(),
        situation: situation.into(),
        feeling: feeling.into(),
    }
}

const FROM_ROUND_2: MotOrigin = MotOrigin::Drill {
    round: 2,
    step: BehaviourStep::Analyse,
};

/// A session with a MOT typed in and, second, one from round 2's
/// "Analyse the need".
fn session() -> Session {
    i18n::set(Language::English);
    let mut s = Session::new("Front desk");
    s.try_add_mot(text(
        "a late guest",
        "the room was kept",
        "they waited for me",
    ))
    .expect("room");
    s.try_add_mot_from(
        text(
            "an upset guest",
            "the clerk offered a discount before asking why",
            "they do not listen",
        ),
        Some(FROM_ROUND_2),
    )
    .expect("room");
    s
}

/// A hand-written file of format `version` whose second MOT has `origin`
/// written as given.
fn hand_written(version: u32, origin: &str) -> String {
    format!(
        "(\n    version: {version},\n    title: \"Front desk\",\n    mots: [\n        (who: \"a late guest\", situation: \"the room was kept\", feeling: \"they waited for me\"),\n        (who: \"an upset guest\", situation: \"a discount before asking why\", feeling: \"unheard\", origin: {origin}),\n    ],\n)\n"
    )
}

/// Where `needle` begins in `text`, as the line and column an error gives.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |p| p + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

#[test]
fn a_mot_from_the_drill_goes_round_the_file_and_one_typed_in_writes_no_origin() {
    let s = session();
    let dir = common::fast_tempdir();
    let path = dir.path().join("desk.ron");
    store::save(&path, &s).expect("saves");
    let written = fs::read_to_string(&path).expect("read");
    assert!(
        written.contains("origin: Some(Drill(\n                round: 2,\n                step: Analyse,\n            )),"),
        "{written}"
    );
    assert_eq!(written.matches("origin").count(), 1, "{written}");
    let loaded = store::load(&path).expect("loads");
    assert_eq!(loaded, s);
    assert_eq!(loaded.mots[0].origin, None);
    assert_eq!(loaded.mots[1].origin, Some(FROM_ROUND_2));
}

#[test]
fn a_hand_written_version_6_file_with_an_origin_opens_in_either_form() {
    for origin in [
        "Some(Drill(round: 2, step: Analyse))",
        "Drill(round: 2, step: Analyse)",
    ] {
        let decoded = store::decode(&hand_written(6, origin)).expect("opens");
        assert_eq!(decoded.version, 6);
        let origins: Vec<_> = decoded
            .session
            .mots
            .iter()
            .map(|m| m.origin.clone())
            .collect();
        assert_eq!(origins, [None, Some(FROM_ROUND_2)], "{origin}");
    }
    let none = store::decode(&hand_written(6, "None")).expect("opens");
    assert_eq!(none.session.mots[1].origin, None);
}

#[test]
fn an_origin_in_a_version_4_or_5_file_says_which_version_to_declare() {
    i18n::set(Language::English);
    for v in [4, 5] {
        let text = hand_written(v, "Some(Drill(round: 2, step: Analyse))");
        let e = store::decode(&text).expect_err("no origin before version 6");
        assert_eq!(e.line, line_col(&text, "origin:").0, "{e}");
        assert!(
            e.message.contains(&format!(
                "`origin` came with format version 6, and this file says version {v}: write `version: 6`"
            )),
            "{e}"
        );
    }
}

#[test]
fn a_round_past_the_drills_last_is_refused_naming_the_mot_where_it_is() {
    let past = MAX_ROUND + 1;
    let text = hand_written(6, &format!("Some(Drill(round: {past}, step: Analyse))"));
    let words = [
        (
            Language::English,
            "mots[1].origin.round: MOT 2 is marked as from drill round 1,000; the most is 999",
        ),
        (
            Language::SimplifiedChinese,
            "mots[1].origin.round: MOT 2 标注的来源演练轮次为 1,000，最大为 999",
        ),
        (
            Language::TraditionalChinese,
            "mots[1].origin.round: MOT 2 標註的來源演練輪次為 1,000，最大為 999",
        ),
    ];
    for (lang, said) in words {
        i18n::set(lang);
        let e = store::decode(&text).expect_err("past the last round");
        i18n::set(Language::English);
        assert_eq!((e.line, e.col), line_col(&text, "1000"), "{e}");
        assert_eq!(e.message, said, "{lang:?}");
    }
    let last = hand_written(6, &format!("Drill(round: {MAX_ROUND}, step: Analyse)"));
    assert!(store::decode(&last).is_ok(), "the last round is allowed");
}

#[test]
fn editing_a_mot_from_the_drill_in_write_keeps_its_origin() {
    let mut s = session();
    s.stage = Stage::Write;
    let mut h = Harness::with_session(s);
    h.key(ratatui::crossterm::event::KeyCode::Down);
    assert_eq!(h.workshop().cursor, 1);
    common::dispatch(&mut h.app, Action::Open);
    h.type_text(" at once");
    common::dispatch(&mut h.app, Action::SaveMot);
    let m = &h.workshop().session.mots[1];
    assert_eq!(m.who, "an upset guest at once");
    assert_eq!(m.origin, Some(FROM_ROUND_2));
}

#[test]
fn write_shows_where_a_mot_from_the_drill_came_from() {
    let mut s = session();
    s.stage = Stage::Write;
    let mut h = Harness::with_session(s);
    for (w, ht) in [(80, 24), (160, 45)] {
        let typed = h.screen(w, ht);
        assert!(typed.contains("MOT 1"), "{typed}");
        assert!(!typed.contains("From the drill"), "{typed}");
    }
    h.key(ratatui::crossterm::event::KeyCode::Down);
    for (w, ht) in [(80, 24), (160, 45)] {
        let drilled = h.screen(w, ht);
        assert!(
            drilled.contains("From the drill: round 3, Analyse the need"),
            "{w}x{ht}:\n{drilled}"
        );
    }
    // In the room's language.
    for (lang, said) in [
        (Language::SimplifiedChinese, "来自演练：第 3 轮，分析问题"),
        (Language::TraditionalChinese, "來自演練：第 3 輪，分析問題"),
    ] {
        let mut s = session();
        s.stage = Stage::Write;
        s.language = Some(lang);
        i18n::set(lang);
        let mut h = Harness::with_session(s);
        h.key(ratatui::crossterm::event::KeyCode::Down);
        let screen = h.screen(160, 45);
        i18n::set(Language::English);
        assert!(screen.contains(said), "{lang:?}:\n{screen}");
    }
}

#[test]
fn a_mistake_in_an_origin_is_said_as_the_mots_origin_not_the_sessions_drill() {
    i18n::set(Language::English);
    for (origin, said) in [
        (
            "Drill(round: 2, step: Analyse, mood: 1)",
            "where the MOT came from has no field `mood`; its fields are `round`, `step`",
        ),
        (
            "Drill(round: 2)",
            "where the MOT came from lacks `step`, which must be written",
        ),
        (
            "Drill(round: 2, step: Listen)",
            "`Listen` is not one of the choices here: `Atmosphere`, `Analyse`, `Solve`, `Summarise`, `FollowUp`",
        ),
        ("Typed", "`Typed` is not one of the choices here: `Drill`"),
    ] {
        let text = hand_written(6, origin);
        let e = store::decode(&text).expect_err("refused");
        assert_eq!(e.line, line_col(&text, "origin:").0, "{e}");
        assert_eq!(e.message, said);
    }
}
