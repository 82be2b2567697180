//! A session started from another one's setup: `t` in the picker and
//! `mot new "Title" --from FILE`. The setup comes over, the room's work does
//! not, and the template and the files beside it stay as they were.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Harness;
use common::pty::Term;
use mot::app::App;
use mot::model::{Dimension, MotText, Session, Stage, Theme};
use ratatui::crossterm::event::KeyCode;

/// A session a facilitator ran in the spring: its setup and its work.
fn spring() -> Session {
    let mut s = Session::new("Spring hotel");
    s.brand = "Harbourview".into();
    s.core_message = "A calm place in a busy city".into();
    s.target_user = "Business guests".into();
    s.focus = Some(Dimension::Repurchase);
    s.theme = Some(Theme::Light);
    s.dot_budget = 5;
    s.set_timebox(Stage::Write, 25);
    s.set_weight(1, 5).expect("group 1");
    let ann = s.add_participant("Ann", 1).expect("group 1");
    s.add_participant("Bo", 3).expect("group 3");
    let mot = s.add_mot(MotText {
        who: "a guest".into(),
        situation: "checking in at midnight after a delayed flight".into(),
        feeling: "looked after".into(),
    });
    s.add_dot(ann, mot).expect("a dot");
    s.votes_revealed = true;
    s.stage = Stage::Choose;
    s
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// The picker on this folder, as `mot` shows it.
fn picker(dir: &Path) -> Harness {
    let entries = mot::store::list(dir).expect("the folder lists");
    Harness::new(App::picker(dir.to_path_buf(), entries))
}

/// Selects the session with this title in the picker.
fn select(h: &mut Harness, title: &str) {
    let mot::app::Screen::Picker(p) = &mut h.app.screen else {
        panic!("the picker");
    };
    p.selected = p
        .entries
        .iter()
        .position(|e| e.summary.as_ref().is_ok_and(|s| s.title == title))
        .expect("listed");
}

/// What a new session must hold from `template`: its setup, no work.
fn assert_setup_of(new: &Session, template: &Session, title: &str) {
    assert_eq!(new.title, title);
    assert_eq!(new.brand, template.brand);
    assert_eq!(new.core_message, template.core_message);
    assert_eq!(new.target_user, template.target_user);
    assert_eq!(new.focus, template.focus);
    assert_eq!(new.theme, template.theme);
    assert_eq!(new.dot_budget, template.dot_budget);
    assert_eq!(new.timebox(Stage::Write), template.timebox(Stage::Write));
    assert_eq!(new.groups, template.groups);
    assert_eq!(new.participants, template.participants);
    assert!(new.mots.is_empty(), "no MOTs");
    assert!(new.dots.is_empty(), "no dots");
    assert!(!new.votes_revealed, "blind again");
    assert_eq!(new.stage, Stage::Setup);
}

#[test]
fn t_in_the_picker_starts_a_session_with_the_highlighted_ones_setup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template_path = dir.path().join("spring.ron");
    mot::store::save(&template_path, &spring()).expect("save");
    mot::store::save(&dir.path().join("other.ron"), &Session::new("Other")).expect("save");
    let bytes = std::fs::read(&template_path).expect("read");
    let before = names(dir.path());

    let mut h = picker(dir.path());
    select(&mut h, "Spring hotel");
    h.press('t');
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("With the setup of “Spring hotel”"),
        "{screen}"
    );
    h.type_text("Autumn hotel").key(KeyCode::Enter);

    let w = h.workshop();
    assert_setup_of(&w.session, &spring(), "Autumn hotel");
    assert_eq!(w.path(), dir.path().join("Autumn-hotel.ron"));
    let status = h.app.status.as_ref().expect("said").text.clone();
    assert!(status.contains("with the setup of spring.ron"), "{status}");
    let saved = mot::store::load(&dir.path().join("Autumn-hotel.ron")).expect("on disk");
    assert_setup_of(&saved, &spring(), "Autumn hotel");

    // The template and what is beside it are as they were.
    assert_eq!(std::fs::read(&template_path).expect("read"), bytes);
    let added: Vec<String> = names(dir.path()).difference(&before).cloned().collect();
    assert_eq!(added, ["Autumn-hotel.ron", "Autumn-hotel.ron.lock"]);
}

#[test]
fn the_title_of_the_template_itself_gets_a_name_of_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    mot::store::save(&dir.path().join("Spring-hotel.ron"), &spring()).expect("save");
    let mut h = picker(dir.path());
    h.press('t').type_text("Spring hotel").key(KeyCode::Enter);
    assert_eq!(h.workshop().path(), dir.path().join("Spring-hotel-2.ron"));
    assert!(h.workshop().session.mots.is_empty());
    let template = mot::store::load(&dir.path().join("Spring-hotel.ron")).expect("kept");
    assert_eq!(template.mots.len(), 1, "the template keeps its work");
}

#[test]
fn esc_forgets_the_template_and_n_starts_a_blank_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    mot::store::save(&dir.path().join("spring.ron"), &spring()).expect("save");
    let mut h = picker(dir.path());
    h.press('t').type_text("x").key(KeyCode::Esc);
    assert!(!h.screen(80, 24).contains("With the setup of"));
    h.press('n');
    assert!(!h.screen(80, 24).contains("With the setup of"));
    h.type_text("Blank").key(KeyCode::Enter);
    let s = &h.workshop().session;
    assert_eq!(s.title, "Blank");
    assert!(s.brand.is_empty(), "a blank session, not the template's");
    assert!(s.participants.is_empty());
}

#[test]
fn an_unreadable_session_is_refused_before_a_title_is_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.ron"), "not ron").expect("write");
    let before = names(dir.path());
    let mut h = picker(dir.path());
    h.press('t');
    let status = h.app.status.as_ref().expect("said");
    assert!(status.error);
    assert!(
        status
            .text
            .contains("cannot be read, so its setup cannot start another"),
        "{}",
        status.text
    );
    assert!(!h.app.typing(), "no title asked for");
    assert_eq!(names(dir.path()), before);
}

#[test]
fn a_template_changed_into_garbage_after_listing_is_refused_and_nothing_is_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("spring.ron");
    mot::store::save(&path, &spring()).expect("save");
    let mut h = picker(dir.path());
    h.press('t').type_text("Autumn");
    std::fs::write(&path, "(version: 4, title: 7)").expect("spoil");
    let before = names(dir.path());
    h.key(KeyCode::Enter);
    let status = h.app.status.as_ref().expect("said");
    assert!(status.error);
    assert!(
        status
            .text
            .starts_with("Could not read the session to start from: "),
        "{}",
        status.text
    );
    assert!(status.text.contains("spring.ron:1:"), "{}", status.text);
    assert!(h.app.workshop_ref().is_none(), "still on the picker");
    assert_eq!(names(dir.path()), before);
}

#[test]
fn a_session_another_mot_has_open_serves_as_a_template_without_its_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("spring.ron");
    mot::store::save(&path, &spring()).expect("save");
    // Held as a running mot holds it: this process has the lock.
    let (held, _) = mot::store::Lock::acquire(&path).expect("the lock");
    let lock = std::fs::read(mot::store::lock::lock_path(&path)).expect("lock file");
    let mut h = picker(dir.path());
    h.press('t').type_text("Autumn").key(KeyCode::Enter);
    assert_setup_of(&h.workshop().session, &spring(), "Autumn");
    assert_eq!(
        std::fs::read(mot::store::lock::lock_path(&path)).expect("lock file"),
        lock,
        "the holder's lock is untouched"
    );
    drop(held);
}

#[test]
fn an_older_format_serves_as_a_template_and_is_not_upgraded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1.ron");
    let path = dir.path().join("old.ron");
    std::fs::copy(&fixture, &path).expect("copy");
    let bytes = std::fs::read(&path).expect("read");
    let mut h = picker(dir.path());
    h.press('t').type_text("New").key(KeyCode::Enter);
    let s = &h.workshop().session;
    assert_eq!(s.brand, "Harbourview Hotel");
    assert!(s.mots.is_empty());
    assert_eq!(std::fs::read(&path).expect("read"), bytes, "not rewritten");
    let expected: BTreeSet<String> = ["New.ron", "New.ron.lock", "old.ron"]
        .map(String::from)
        .into();
    assert_eq!(
        names(dir.path()),
        expected,
        "no .v1.bak, lock or backup beside the template"
    );
}

fn mot_cmd() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

#[test]
fn new_from_a_file_that_is_not_a_session_says_why_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).expect("mkdir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "(version: 4, title: \"x\", dot_budget: 500, groups: [])",
    )
    .expect("w");
    let missing = dir.path().join("missing.ron");
    let cases: [(&PathBuf, &str); 3] = [
        (&missing, "missing.ron: the file is not there"),
        (&bad, "bad.ron:1:"),
        (&sessions, "is a folder"),
    ];
    for (from, said) in cases {
        let out = mot_cmd()
            .arg("--dir")
            .arg(&sessions)
            .args(["new", "Autumn", "--from"])
            .arg(from)
            .output()
            .expect("runs");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with("mot: Could not read the session to start from: "),
            "{err}"
        );
        assert!(err.contains(said), "{said}: {err}");
        assert!(names(&sessions).is_empty(), "nothing created");
    }
}

#[test]
fn new_from_opens_the_new_session_with_the_setup_and_saves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let template = dir.path().join("spring.ron");
    mot::store::save(&template, &spring()).expect("save");
    let sessions = dir.path().join("sessions");
    std::fs::create_dir(&sessions).expect("mkdir");
    let (dir_s, from_s) = (
        sessions.to_string_lossy().to_string(),
        template.to_string_lossy().to_string(),
    );
    let mut t = Term::start(
        &["--dir", &dir_s, "new", "秋季 酒店", "--from", &from_s],
        100,
        30,
    );
    t.wait_for("with the setup of spring.ron");
    t.wait_for("Harbourview");
    t.wait_for("Ann");
    t.send("q");
    assert!(t.wait_exit());
    let saved = mot::store::load(&sessions.join("秋季-酒店.ron")).expect("saved");
    assert_setup_of(&saved, &spring(), "秋季 酒店");
    let help = mot_cmd().args(["new", "--help"]).output().expect("runs");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("--from <PATH>") && help.contains("Start from the setup of this session"),
        "{help}"
    );
}
