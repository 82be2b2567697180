//! Format version 8: a MOT sent from a participant's phone (`origin:
//! Phone`), the name of who sent it (`author`), and whether the room sees
//! those names (`show_authors`). The fixture holds each; a version 7 file
//! opens and is kept before the first write; a version 7 file naming these
//! is told to declare 8; an author that is too long or not one line is
//! refused where it is, in words; Write and the reports show an author only
//! while the session says the room sees them.

mod common;

use std::fs;
use std::path::Path;
use std::sync::Arc;

use common::Harness;
use mot::app::{Action, App, OpenHow};
use mot::i18n::{self, Language};
use mot::model::limits::MAX_TEXT_CHARS;
use mot::model::{FORMAT_VERSION, MotOrigin, MotText, Session, Stage};
use mot::report::build;
use mot::report::csv::{BOM, Table, render};
use mot::store;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn text(who: &str, situation: &str, feeling: &str) -> MotText {
    MotText {
        who: who.into(),
        situation: situation.into(),
        feeling: feeling.into(),
    }
}

/// A MOT typed in, then one sent from Ann Lee's phone; authors shown as
/// `show` says.
fn room(show: bool) -> Session {
    i18n::set(Language::English);
    let mut s = Session::new("Front desk");
    s.stage = Stage::Write;
    s.show_authors = show;
    s.try_add_mot(text("a late guest", "the room was kept", "they waited"))
        .expect("room");
    s.try_add_phone_mot(
        text("a tired guest", "the desk had the key ready", "expected"),
        "Ann Lee",
    )
    .expect("room");
    s
}

#[test]
fn the_version_8_fixture_holds_every_new_field() {
    i18n::set(Language::English);
    let text = fs::read_to_string(fixture("format-v8.ron")).expect("read");
    let d = store::decode(&text).expect("opens");
    assert_eq!(d.version, 8);
    let s = d.session;
    assert!(s.show_authors);
    let three = s.mot(3).expect("mot");
    assert_eq!(three.origin, Some(MotOrigin::Phone));
    assert_eq!(three.author.as_deref(), Some("Aisha Khan"));
    assert_eq!(
        three.provenance(true).as_deref(),
        Some("Sent from a phone · Aisha Khan")
    );
    assert_eq!(
        three.provenance(false).as_deref(),
        Some("Sent from a phone")
    );
    let eleven = s.mot(11).expect("mot");
    assert_eq!(
        eleven.origin,
        Some(MotOrigin::Breakout {
            session: "Breakout C".into(),
            from: Some(Box::new(MotOrigin::Phone)),
        })
    );
    assert_eq!(eleven.author.as_deref(), Some("陈杰"));
    assert_eq!(s.mot(1).and_then(|m| m.author.clone()), None);
    for (lang, said) in [
        (Language::SimplifiedChinese, "手机发送"),
        (Language::TraditionalChinese, "手機傳送"),
    ] {
        i18n::set(lang);
        let words = MotOrigin::Phone.words();
        i18n::set(Language::English);
        assert_eq!(words, said, "{lang:?}");
    }
}

#[test]
fn a_version_7_file_opens_and_is_kept_before_the_first_write() {
    i18n::set(Language::English);
    let dir = common::fast_tempdir();
    let path = dir.path().join("hotel.ron");
    fs::copy(fixture("format-v7.ron"), &path).expect("copy");
    let original = fs::read(&path).expect("read");
    let decoded = store::decode(&String::from_utf8_lossy(&original)).expect("opens");
    assert_eq!(decoded.version, 7);
    assert_eq!(decoded.session.version, FORMAT_VERSION);
    assert!(!decoded.session.show_authors);
    assert!(decoded.session.mots.iter().all(|m| m.author.is_none()));
    // What version 7 held comes through: an import, a breakout, a note.
    assert!(matches!(
        decoded.session.mot(2).and_then(|m| m.origin.clone()),
        Some(MotOrigin::Import { line: 3, .. })
    ));
    assert_eq!(decoded.session.mot(12).map(|m| m.notes.len()), Some(1));
    assert_eq!(decoded.session.not_duplicates, [(3, 12)]);
    let mut app = App::picker(
        dir.path().to_path_buf(),
        store::list(dir.path()).expect("lists"),
    );
    common::open(&mut app, &path, OpenHow::Normal);
    let kept = dir.path().join("hotel.v7.bak");
    assert!(!kept.exists(), "nothing written before the first change");
    common::dispatch(&mut app, Action::NextStage);
    assert_eq!(fs::read(&kept).expect("the original is kept"), original);
    let now = fs::read_to_string(&path).expect("read");
    assert!(now.starts_with("(\n    version: 8,"), "{now}");
    assert!(!now.contains("show_authors"), "off is not written:\n{now}");
}

#[test]
fn a_version_7_file_naming_what_came_with_8_is_told_which_version_to_declare() {
    i18n::set(Language::English);
    let file = |version: u32, rest: &str| {
        format!("(\n    version: {version},\n    title: \"T\",\n{rest}\n)\n")
    };
    for rest in [
        "    mots: [(who: \"a\", origin: Phone)],",
        "    mots: [(who: \"a\", origin: Some(Phone))],",
        "    mots: [(who: \"a\", origin: Breakout(session: \"B\", from: Phone))],",
        "    mots: [(who: \"a\", notes: [(who: \"b\", origin: Phone)])],",
        "    mots: [(who: \"a\", author: \"Ann\")],",
        "    show_authors: true,",
    ] {
        let e = store::decode(&file(7, rest)).expect_err(rest);
        assert!(e.message.contains("write `version: 8`"), "{rest}: {e}");
        assert_eq!(e.line, 4, "{rest}: {e}");
        let d = store::decode(&file(8, rest)).unwrap_or_else(|e| panic!("{rest}: {e}"));
        assert_eq!(d.version, 8);
    }
    // An older version is told too, and in the language on show.
    i18n::set(Language::SimplifiedChinese);
    let e = store::decode(&file(6, "    mots: [(who: \"a\", origin: Phone)],"))
        .expect_err("version 6 has no phones");
    i18n::set(Language::English);
    assert!(e.message.contains("请写 `version: 8`"), "{e}");
}

#[test]
fn an_author_and_show_authors_go_round_the_file_and_are_left_out_when_unset() {
    let dir = common::fast_tempdir();
    let path = dir.path().join("desk.ron");
    let mut s = room(true);
    // A name in Chinese, and one sent blank: no author.
    s.try_add_phone_mot(text("a", "b", "c"), "王小明")
        .expect("room");
    s.try_add_phone_mot(text("d", "e", "f"), "  ")
        .expect("room");
    store::save(&path, &s).expect("saves");
    let written = fs::read_to_string(&path).expect("read");
    assert!(written.contains("    show_authors: true,\n"), "{written}");
    assert!(written.contains("author: Some(\"Ann Lee\")"), "{written}");
    assert!(written.contains("author: Some(\"王小明\")"), "{written}");
    assert_eq!(written.matches("author: ").count(), 2, "{written}");
    assert_eq!(written.matches("origin: Some(Phone)").count(), 3);
    assert_eq!(store::load(&path).expect("loads"), s);
    // Off and with no author, neither is written.
    let mut plain = room(false);
    Arc::make_mut(&mut plain.mots[1]).author = None;
    let text = store::to_ron(&plain).expect("writes");
    assert!(!text.contains("author"), "{text}");
    assert!(!text.contains("show_authors"), "{text}");
    assert_eq!(store::from_ron(&text).expect("reads"), plain);
    // Written by hand, bare.
    let hand = "(\n    version: 8,\n    title: \"T\",\n    show_authors: true,\n    mots: [(who: \"a\", origin: Phone, author: \"Ann\")],\n)\n";
    let s = store::from_ron(hand).expect("reads");
    assert_eq!(s.mots[0].author.as_deref(), Some("Ann"));
    assert!(s.show_authors);
}

#[test]
fn an_author_too_long_or_not_one_line_is_refused_where_it_is_in_words() {
    let long = "名".repeat(MAX_TEXT_CHARS + 1);
    for (author, words) in [
        (
            long.as_str(),
            "10,001 characters; a text holds at most 10,000",
        ),
        ("Ann\u{1b}[2J", "no control characters"),
        ("Ann\nLee", "no control characters"),
        ("   ", "not empty"),
    ] {
        i18n::set(Language::English);
        let mut s = room(true);
        Arc::make_mut(&mut s.mots[1]).author = Some(author.to_string());
        let said = s.validate().expect_err(words).to_string();
        assert!(said.starts_with("mots[1].author: "), "{said}");
        assert!(said.contains(words), "{said}");
        // The file says the same, at the author's line.
        let text = store::to_ron(&s).expect("writes");
        let e = store::from_ron(&text).expect_err(words);
        let line = text
            .lines()
            .position(|l| l.trim_start().starts_with("author:"))
            .expect("the author")
            + 1;
        assert_eq!(e.line, line, "{e}");
        assert!(e.message.contains(words), "{e}");
    }
    let mut s = room(true);
    Arc::make_mut(&mut s.mots[1]).author = Some("名".repeat(MAX_TEXT_CHARS));
    s.validate().expect("a name at the limit");
    // In Chinese too.
    let mut s = room(true);
    Arc::make_mut(&mut s.mots[1]).author = Some("A\tB".into());
    i18n::set(Language::SimplifiedChinese);
    let said = s.validate().expect_err("a tab").to_string();
    i18n::set(Language::English);
    assert!(said.contains("不能含控制字符"), "{said}");
    // The way in from a phone cleans the name instead.
    let mut s = room(true);
    let id = s
        .try_add_phone_mot(text("a", "b", "c"), "\u{1b}[31mBob\u{7}")
        .expect("room");
    assert_eq!(s.mot(id).and_then(|m| m.author.as_deref()), Some("[31mBob"));
    s.validate().expect("cleaned");
}

#[test]
fn write_shows_the_author_only_when_the_room_sees_authors() {
    for show in [false, true] {
        let mut h = Harness::with_session(room(show));
        h.key(ratatui::crossterm::event::KeyCode::Down);
        for (w, ht) in [(80, 24), (160, 45)] {
            let screen = h.screen(w, ht);
            // The list row, after the MOT's text.
            let row = screen
                .lines()
                .find(|l| l.contains("a tired guest"))
                .unwrap_or_else(|| panic!("{screen}"));
            assert_eq!(row.contains("· Ann Lee"), show, "{w}x{ht}:\n{screen}");
            // The detail says where it came from, and who when shown.
            assert!(screen.contains("Sent from a phone"), "{w}x{ht}:\n{screen}");
            assert_eq!(
                screen.contains("Sent from a phone · Ann Lee"),
                show,
                "{w}x{ht}:\n{screen}"
            );
            assert_eq!(screen.contains("Ann Lee"), show, "{w}x{ht}:\n{screen}");
        }
        // The editor, after the sentence read back.
        common::dispatch(&mut h.app, Action::Open);
        let editing = h.screen(100, 30);
        assert!(editing.contains("Editing MOT 2"), "{editing}");
        assert_eq!(editing.contains("· Ann Lee"), show, "{editing}");
        // Editing keeps who sent it.
        h.type_text(" at once");
        common::dispatch(&mut h.app, Action::SaveMot);
        let m = &h.workshop().session.mots[1];
        assert_eq!(m.who, "a tired guest at once");
        assert_eq!(m.author.as_deref(), Some("Ann Lee"));
        assert_eq!(m.origin, Some(MotOrigin::Phone));
    }
}

#[test]
fn the_reports_name_the_author_only_when_the_room_sees_authors() {
    for show in [false, true] {
        let mut s = room(show);
        // Markup in a name stays text in the HTML.
        s.try_add_phone_mot(text("x", "y", "z"), "<b>Bo</b>")
            .expect("room");
        let md = mot::report::markdown(&s, None, Language::English);
        assert!(md.contains("Sent from a phone"), "{md}");
        assert_eq!(md.contains("Sent from a phone · Ann Lee"), show, "{md}");
        let html = mot::report::html(&s, None, Language::English);
        assert_eq!(html.contains("Sent from a phone · Ann Lee"), show);
        assert_eq!(html.contains("&lt;b&gt;Bo&lt;/b&gt;"), show);
        assert!(!html.contains("<b>Bo</b>"), "{html}");
        let csv = render(&build(&s, None, Language::English), Table::Mots).expect("csv");
        let mut reader = csv::Reader::from_reader(csv.strip_prefix(BOM).expect("bom").as_bytes());
        let head: Vec<String> = reader
            .headers()
            .expect("head")
            .iter()
            .map(str::to_string)
            .collect();
        let author = head.iter().position(|h| h == "Author").expect("a column");
        let from = head.iter().position(|h| h == "Came from").expect("origin");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(&rows[1][from], "Sent from a phone");
        assert_eq!(&rows[0][author], "");
        assert_eq!(&rows[1][author], if show { "Ann Lee" } else { "" });
    }
}
