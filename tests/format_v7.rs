//! Format version 7: where a MOT came from (a line of an imported file, a
//! breakout's session, one inside another), the texts of duplicates merged
//! into a MOT, and the pairs the room said are not duplicates. The fixture
//! holds each; a version 6 file opens and is kept before the first write; a
//! version 6 file naming these is told to declare 7; each rule is refused
//! where it is broken, in words.

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use mot::app::{Action, App, OpenHow};
use mot::i18n::{self, Language};
use mot::model::drill::BehaviourStep;
use mot::model::limits::{MAX_NOTES, MAX_ORIGIN_DEPTH};
use mot::model::{FORMAT_VERSION, MotNote, MotOrigin, MotText, Session};
use mot::store;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn the_version_7_fixture_holds_every_new_field() {
    i18n::set(Language::English);
    let text = fs::read_to_string(fixture("format-v7.ron")).expect("read");
    let d = store::decode(&text).expect("opens");
    assert_eq!(d.version, 7);
    let s = d.session;
    let mot = |id| s.mot(id).expect("mot");
    assert_eq!(
        mot(2).origin,
        Some(MotOrigin::Import {
            file: "interviews.csv".into(),
            line: 3
        })
    );
    let eleven = mot(12);
    assert_eq!(
        eleven.origin,
        Some(MotOrigin::Breakout {
            session: "Breakout B".into(),
            from: Some(Box::new(MotOrigin::Drill {
                round: 1,
                step: BehaviourStep::Solve
            })),
        })
    );
    assert_eq!(
        eleven.origin.as_ref().map(MotOrigin::words).as_deref(),
        Some("From breakout “Breakout B” · From the drill: round 2, Solve the problem")
    );
    assert_eq!(eleven.notes.len(), 1);
    assert_eq!(eleven.notes[0].who, "An elderly couple");
    assert_eq!(
        eleven.notes[0]
            .origin
            .as_ref()
            .and_then(MotOrigin::breakout),
        Some("Breakout C")
    );
    assert_eq!(s.not_duplicates, [(3, 12)]);
    assert_eq!(
        mot(2).origin.as_ref().map(MotOrigin::words).as_deref(),
        Some("Imported from interviews.csv, line 3")
    );
    i18n::set(Language::SimplifiedChinese);
    assert_eq!(
        mot(2).origin.as_ref().map(MotOrigin::words).as_deref(),
        Some("导入自 interviews.csv 第 3 行")
    );
    i18n::set(Language::TraditionalChinese);
    assert_eq!(
        eleven.origin.as_ref().and_then(MotOrigin::breakout),
        Some("Breakout B")
    );
    assert!(
        eleven
            .origin
            .as_ref()
            .map(MotOrigin::words)
            .is_some_and(|w| w.starts_with("來自分組「Breakout B」")),
    );
    i18n::set(Language::English);
}

#[test]
fn a_version_6_file_opens_and_is_kept_before_the_first_write() {
    i18n::set(Language::English);
    let dir = common::fast_tempdir();
    let path = dir.path().join("hotel.ron");
    fs::copy(fixture("format-v6.ron"), &path).expect("copy");
    let original = fs::read(&path).expect("read");
    let decoded = store::decode(&String::from_utf8_lossy(&original)).expect("opens");
    assert_eq!(decoded.version, 6);
    assert_eq!(decoded.session.version, FORMAT_VERSION);
    assert!(decoded.session.not_duplicates.is_empty());
    assert!(decoded.session.mots.iter().all(|m| m.notes.is_empty()));
    let drill_origin = decoded.session.mot(10).and_then(|m| m.origin.clone());
    assert!(
        matches!(drill_origin, Some(MotOrigin::Drill { round: 0, .. })),
        "{drill_origin:?}"
    );
    let mut app = App::picker(
        dir.path().to_path_buf(),
        store::list(dir.path()).expect("lists"),
    );
    common::open(&mut app, &path, OpenHow::Normal);
    let kept = dir.path().join("hotel.v6.bak");
    assert!(!kept.exists(), "nothing written before the first change");
    common::dispatch(&mut app, Action::NextStage);
    assert_eq!(fs::read(&kept).expect("the original is kept"), original);
    let now = fs::read_to_string(&path).expect("read");
    assert!(
        now.starts_with(&format!("(\n    version: {FORMAT_VERSION},")),
        "{now}"
    );
}

#[test]
fn a_version_6_file_naming_what_came_with_7_is_told_which_version_to_declare() {
    i18n::set(Language::English);
    let six =
        "(\n    version: 6,\n    title: \"T\",\n    mots: [(id: 1, who: \"a\", notes: [])],\n)\n";
    let e = store::decode(six).expect_err("version 6 has no notes");
    assert!(e.message.contains("write `version: 7`"), "{e}");
    let six = "(\n    version: 6,\n    title: \"T\",\n    not_duplicates: [],\n)\n";
    let e = store::decode(six).expect_err("version 6 has no dismissed pairs");
    assert!(e.message.contains("write `version: 7`"), "{e}");
    // An origin version 6 did not know is refused, not read.
    let six = "(\n    version: 6,\n    title: \"T\",\n    mots: [(id: 1, who: \"a\", origin: Import(file: \"x.csv\", line: 1))],\n)\n";
    assert!(store::decode(six).is_err());
    let seven = six.replacen("version: 6", "version: 7", 1);
    assert!(store::decode(&seven).is_ok(), "version 7 reads it");
}

/// Two MOTs, the second from a breakout.
fn two() -> Session {
    let mut s = Session::new("Merged");
    for who in ["a guest", "another guest"] {
        s.add_mot(MotText {
            who: who.into(),
            situation: "waits".into(),
            feeling: "tired".into(),
        });
    }
    s
}

fn origin_of(s: &mut Session, id: u32, o: MotOrigin) {
    let pos = s.mots.iter().position(|m| m.id == id).expect("mot");
    Arc::make_mut(&mut s.mots[pos]).origin = Some(o);
}

#[test]
fn each_new_rule_is_refused_where_it_is_broken() {
    type Rule = (fn(&mut Session), &'static str, &'static str);
    let rules: &[Rule] = &[
        (
            |s| {
                origin_of(
                    s,
                    1,
                    MotOrigin::Import {
                        file: "/home/ann/interviews.csv".into(),
                        line: 2,
                    },
                )
            },
            "mots[0].origin.file",
            "a folder in it",
        ),
        (
            |s| {
                origin_of(
                    s,
                    1,
                    MotOrigin::Import {
                        file: "x.csv".into(),
                        line: 0,
                    },
                )
            },
            "mots[0].origin.line",
            "line 0",
        ),
        (
            |s| {
                let mut o = MotOrigin::Breakout {
                    session: "A".into(),
                    from: None,
                };
                for _ in 0..MAX_ORIGIN_DEPTH + 1 {
                    o = MotOrigin::Breakout {
                        session: "A".into(),
                        from: Some(Box::new(o)),
                    };
                }
                origin_of(s, 2, o)
            },
            "mots[1].origin",
            "more than 16 breakouts",
        ),
        (
            |s| {
                let note = MotNote {
                    who: "x".into(),
                    situation: String::new(),
                    feeling: String::new(),
                    origin: None,
                };
                Arc::make_mut(&mut s.mots[0]).notes = vec![note; MAX_NOTES + 1];
            },
            "mots[0].notes[1000]",
            "1,001 merged texts",
        ),
        (
            |s| s.not_duplicates = vec![(2, 1)],
            "not_duplicates[0]",
            "the lower MOT id first",
        ),
        (
            |s| s.not_duplicates = vec![(1, 7)],
            "not_duplicates[0]",
            "names MOT 7",
        ),
        (
            |s| s.not_duplicates = vec![(1, 2), (1, 2)],
            "not_duplicates[1]",
            "listed twice",
        ),
    ];
    i18n::set(Language::English);
    for (break_it, path, words) in rules {
        let mut s = two();
        break_it(&mut s);
        let e = s.validate().expect_err(path);
        let said = e.to_string();
        assert!(said.contains(path), "{path}: {said}");
        assert!(said.contains(words), "{path}: {said}");
        // The file says the same, at a line and column.
        let text = store::to_ron(&s).expect("writes");
        let e = store::from_ron(&text).expect_err(path);
        assert!(e.line > 0, "{path}: {e}");
    }
    let mut fine = two();
    origin_of(
        &mut fine,
        2,
        MotOrigin::Breakout {
            session: "B".into(),
            from: Some(Box::new(MotOrigin::Import {
                file: "notes.tsv".into(),
                line: 9,
            })),
        },
    );
    fine.not_duplicates = vec![(1, 2)];
    fine.validate()
        .expect("a breakout's imported MOT, a dismissed pair");
    let text = store::to_ron(&fine).expect("writes");
    assert_eq!(store::from_ron(&text).expect("reads"), fine);
}

#[test]
fn deleting_a_mot_forgets_the_pairs_it_was_in() {
    let mut s = two();
    let third = s.add_mot(MotText {
        who: "c".into(),
        ..MotText::default()
    });
    s.not_duplicates = vec![(1, 2), (2, third)];
    s.delete_mot(2).expect("mot");
    assert!(s.not_duplicates.is_empty());
    s.validate().expect("still valid");
}
