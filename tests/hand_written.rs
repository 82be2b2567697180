//! A session file written by hand: a title and a list of MOTs are enough,
//! whatever format version from 4 on it declares; it opens, and is saved
//! back in full.

mod common;

use std::fs;

use mot::app::{Action, App, OpenHow};
use mot::i18n::{self, Language};
use mot::model::{FORMAT_VERSION, Stage};
use mot::store;

/// Every version whose files may leave out what has an obvious default.
fn versions() -> Vec<u32> {
    (4..=FORMAT_VERSION).collect()
}

fn minimal(version: u32) -> String {
    format!(
        "(\n    version: {version},\n    title: \"Front desk\",\n    mots: [\n        (who: \"a late guest\", situation: \"the night manager kept the room\", feeling: \"they waited for me\"),\n        (who: \"a family\", situation: \"a colouring book at check-in\", feeling: \"they think of everything\"),\n        (who: \"a caller\", situation: \"the desk answered at the first ring\", feeling: \"someone is there\"),\n    ],\n)\n"
    )
}

#[test]
fn a_title_and_mots_open_numbered_in_order_with_the_default_groups() {
    for v in versions() {
        i18n::set(Language::English);
        let decoded = store::decode(&minimal(v)).expect("a minimal file opens");
        assert_eq!(decoded.version, v);
        let s = decoded.session;
        let ids: Vec<u32> = s.mots.iter().map(|m| m.id).collect();
        assert_eq!(ids, [1, 2, 3], "version {v}");
        assert_eq!(s.mots[1].who, "a family");
        let groups: Vec<(&str, u32)> = s
            .groups
            .iter()
            .map(|g| (g.name.as_str(), g.weight))
            .collect();
        assert_eq!(
            groups,
            [
                ("loves us", 3),
                ("liked us once", 1),
                ("doesn't love us", 1),
                ("our team", 1)
            ]
        );
        assert_eq!(s.stage, Stage::Setup);
        assert_eq!((s.dot_budget, s.max_dots_per_mot), (3, 2));
    }
}

#[test]
fn the_default_groups_speak_the_sessions_language_else_the_one_on_show() {
    for v in versions() {
        let text = minimal(v);
        let in_chinese = text.replacen(
            "    title:",
            "    language: Some(SimplifiedChinese),\n    title:",
            1,
        );
        i18n::set(Language::English);
        let s = store::from_ron(&in_chinese).expect("opens");
        assert_eq!(s.groups[0].name, "爱你的人", "the session's own language");
        i18n::set(Language::TraditionalChinese);
        let s = store::from_ron(&text).expect("opens");
        i18n::set(Language::English);
        assert_eq!(s.groups[0].name, "愛你的人", "the language on show");
        assert_eq!(s.groups[3].name, "我們的團隊");
    }
}

#[test]
fn an_empty_list_of_groups_stays_empty() {
    let text = minimal(FORMAT_VERSION).replacen("    mots:", "    groups: [],\n    mots:", 1);
    let s = store::from_ron(&text).expect("opens");
    assert!(s.groups.is_empty());
}

#[test]
fn ids_written_for_some_mots_only_are_refused_at_the_first_without() {
    for v in versions() {
        i18n::set(Language::English);
        let text = minimal(v)
            .replacen("(who: \"a late guest\"", "(id: 7, who: \"a late guest\"", 1)
            .replacen("(who: \"a caller\"", "(id: 9, who: \"a caller\"", 1);
        let e = store::decode(&text).expect_err("mixed ids");
        let line = text
            .lines()
            .position(|l| l.contains("a family"))
            .expect("the family")
            + 1;
        assert_eq!(e.line, line, "{e}");
        assert!(e.message.contains("mots[1]"), "{e}");
        assert!(
            e.message.contains("MOT number 2 in the list has no id"),
            "{e}"
        );
        i18n::set(Language::SimplifiedChinese);
        let e = store::decode(&text).expect_err("mixed ids");
        i18n::set(Language::English);
        assert!(e.message.contains("第 2 个 MOT 没有 id"), "{e}");
        // Every MOT with its own id opens with those ids.
        let all = text.replacen("(who: \"a family\"", "(id: 8, who: \"a family\"", 1);
        let s = store::from_ron(&all).expect("every MOT has an id");
        let ids: Vec<u32> = s.mots.iter().map(|m| m.id).collect();
        assert_eq!(ids, [7, 8, 9]);
    }
}

#[test]
fn unknown_fields_are_still_refused_with_line_and_column() {
    for v in versions() {
        let text = minimal(v);
        let session_level = text.replacen("    title:", "    colour: \"red\",\n    title:", 1);
        let e = store::decode(&session_level).expect_err("unknown session field");
        assert_eq!((e.line, e.col), (3, 5), "{e}");
        assert!(e.message.contains("colour"), "{e}");
        let mot_level = text.replacen("(who: \"a family\"", "(who: \"a family\", mood: 3", 1);
        let e = store::decode(&mot_level).expect_err("unknown MOT field");
        let line = text
            .lines()
            .position(|l| l.contains("a family"))
            .expect("the family")
            + 1;
        assert_eq!(e.line, line, "{e}");
        assert!(e.col > 20, "{e}");
        assert!(e.message.contains("mood"), "{e}");
    }
}

#[test]
fn a_hand_written_file_is_saved_back_in_full() {
    for v in versions() {
        i18n::set(Language::English);
        let dir = common::fast_tempdir();
        let path = dir.path().join("desk.ron");
        fs::write(&path, minimal(v)).expect("write");
        let mut app = App::picker(
            dir.path().to_path_buf(),
            store::list(dir.path()).expect("lists"),
        );
        common::open(&mut app, &path, OpenHow::Normal);
        assert!(app.workshop_ref().is_some(), "opens: {:?}", app.status);
        common::dispatch(&mut app, Action::NextStage);
        let saved = fs::read_to_string(&path).expect("read");
        for field in [
            format!("version: {FORMAT_VERSION},"),
            "stage: Write,".to_string(),
            "dot_budget: 3,".to_string(),
            "circles: (".to_string(),
            "name: \"loves us\",".to_string(),
            "weight: 3,".to_string(),
            "participants: [],".to_string(),
            "id: 3,".to_string(),
            "dots: [],".to_string(),
        ] {
            assert!(saved.contains(&field), "{field} in {saved}");
        }
        let again = store::from_ron(&saved).expect("reads back");
        assert_eq!(again.mots.len(), 3);
        assert_eq!(again.mots[2].who, "a caller");
    }
}

#[test]
fn an_optional_value_may_be_written_bare_or_in_some() {
    for v in versions() {
        i18n::set(Language::English);
        let bare = minimal(v)
            .replacen(
                "    title:",
                "    language: SimplifiedChinese,\n    theme: Light,\n    focus: Entry,\n    title:",
                1,
            )
            .replacen(
                "(who: \"a family\"",
                "(dimension: Conversion, golden: Peak, we_do_well: 4, competitors_poor: 2, who: \"a family\"",
                1,
            );
        let s = store::from_ron(&bare).expect("bare optional values open");
        assert_eq!(s.language, Some(Language::SimplifiedChinese));
        assert_eq!(s.focus, Some(mot::model::Dimension::Entry));
        assert_eq!(s.mots[1].golden, Some(mot::model::Golden::Peak));
        assert_eq!(
            (s.mots[1].we_do_well, s.mots[1].competitors_poor),
            (Some(4), Some(2))
        );
        // The same file written in full form reads the same, and `None` is none.
        let full = store::to_ron(&s).expect("writes");
        assert!(full.contains("focus: Some(Entry),"), "{full}");
        assert_eq!(store::from_ron(&full).expect("reads back"), s);
        let none = bare.replacen("focus: Entry", "focus: None", 1);
        assert_eq!(store::from_ron(&none).expect("opens").focus, None);
    }
}

#[test]
fn what_a_hand_edit_gets_wrong_is_said_in_the_language_on_show_at_its_place() {
    let missing_title = "(\n    version: 5,\n)\n";
    let trailing = format!("{}and then some notes\n", minimal(5));
    let unknown_choice = minimal(5).replacen("    title:", "    counting: Votes,\n    title:", 1);
    // Line and column where `ron` stops (after the last blank, for what trails).
    let cases: [(&str, (usize, usize), [&str; 3]); 3] = [
        (
            missing_title,
            (3, 1),
            [
                "the session lacks `title`, which must be written",
                "工作坊缺少 `title`，这一项必须写出",
                "工作坊缺少 `title`，這一項必須寫出",
            ],
        ),
        (
            &trailing,
            (9, 2),
            [
                "something follows the end of the session",
                "工作坊结束之后还有内容",
                "工作坊結束之後還有內容",
            ],
        ),
        (
            &unknown_choice,
            (3, 15),
            [
                "`Votes` is not one of the choices here: `Both`, `Dots`, `Hands`",
                "`Votes` 不是此处的可选值；可选：`Both`, `Dots`, `Hands`",
                "`Votes` 不是此處的可選值；可選：`Both`, `Dots`, `Hands`",
            ],
        ),
    ];
    for (text, place, words) in cases {
        for (lang, said) in Language::ALL.into_iter().zip(words) {
            i18n::set(lang);
            let e = store::decode(text).expect_err("refused");
            i18n::set(Language::English);
            assert_eq!((e.line, e.col), place, "{lang:?}: {e}");
            assert!(e.message.contains(said), "{lang:?}: {e}");
        }
    }
}

#[test]
fn a_field_from_a_later_version_says_which_version_to_declare() {
    i18n::set(Language::English);
    let text = minimal(4).replacen("    title:", "    counting: Dots,\n    title:", 1);
    let e = store::decode(&text).expect_err("version 4 has no counting");
    assert_eq!((e.line, e.col), (3, 5), "{e}");
    assert!(
        e.message.contains(
            "`counting` came with format version 5, and this file says version 4: write `version: 5`"
        ),
        "{e}"
    );
    let as_five = text.replacen("version: 4,", "version: 5,", 1);
    let s = store::from_ron(&as_five).expect("the advice works");
    assert_eq!(s.counting, mot::model::Counting::Dots);
    // An older version that must write every field says so.
    let e = store::decode(&minimal(3)).expect_err("version 3 writes every field");
    assert!(
        e.message
            .contains("a file of format version 3 writes every field"),
        "{e}"
    );
}

#[test]
fn a_file_saved_in_another_encoding_is_pointed_at_by_character_and_told_to_be_utf8() {
    // "前台" in UTF-8 on the title's line, then a word in GBK ("客人").
    let mut bytes = "(\n    version: 5,\n    title: \"前台 ".as_bytes().to_vec();
    bytes.extend([0xBF, 0xCD, 0xC8, 0xCB]);
    bytes.extend(b"\",\n)\n");
    let path = std::path::Path::new("desk.ron");
    for (lang, words) in [
        (Language::English, "save it as UTF-8"),
        (Language::SimplifiedChinese, "请在编辑器中另存为 UTF-8"),
        (Language::TraditionalChinese, "請在編輯器中另存為 UTF-8"),
    ] {
        i18n::set(lang);
        let e = store::decode_bytes(path, &bytes).expect_err("not UTF-8");
        i18n::set(Language::English);
        let store::StoreError::Format { error, .. } = e else {
            panic!("{e}");
        };
        // `    title: "前台 ` is 15 characters (21 bytes).
        assert_eq!((error.line, error.col), (3, 16), "{lang:?}: {error}");
        assert!(error.message.contains(words), "{lang:?}: {error}");
    }
}
