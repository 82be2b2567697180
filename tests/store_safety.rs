//! Nothing the room produced is lost: backups, versions, locks, recovery
//! and rescue, through the store's API and the app's own open and save paths.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::Harness;
use mot::app::{Action, App, Offer, OpenHow, Screen};
use mot::model::{FORMAT_VERSION, MotText, Session, Stage};
use mot::shell;
use mot::store::{self, LockInfo, OpenError, OpenMode, backup, lock, session_file};
use ratatui::crossterm::event::KeyCode;

fn session(n: usize) -> Session {
    let mut s = Session::new("海底捞 门店");
    s.stage = Stage::Write;
    for i in 0..n {
        s.add_mot(MotText {
            who: format!("顾客 {i}"),
            situation: "排队时店员送来小零食和美甲服务".into(),
            feeling: "等待也是享受".into(),
        });
    }
    s
}

fn picker_at(dir: &Path) -> App {
    App::picker(
        dir.to_path_buf(),
        store::list(dir).expect("the folder lists"),
    )
}

fn offer(app: &App) -> Option<Offer> {
    match &app.screen {
        Screen::Picker(p) => p.offer.clone(),
        Screen::Workshop(_) => None,
    }
}

/// A lock as another running `mot` on this machine would leave it
/// (process 1 always runs).
fn foreign_lock(path: &Path) -> LockInfo {
    let here = LockInfo::this_process();
    let info = LockInfo {
        pid: 1,
        host: here.host,
        since: here.since,
    };
    fs::write(
        lock::lock_path(path),
        format!("(pid:1,host:{:?},since:{})", info.host, info.since),
    )
    .expect("write the lock");
    info
}

#[test]
fn backups_are_kept_at_open_and_once_a_minute_three_at_most() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let t0 = Instant::now();
    drop(session_file::create(&path, &session(1), t0).expect("create"));
    let at_open = fs::read(&path).expect("read");
    let mut opened = session_file::open(&path, OpenMode::Normal, t0).expect("open");
    let [b1, b2, b3] = backup::paths(&path);
    assert!(
        !b1.exists(),
        "opening itself writes nothing: the writer keeps it"
    );
    assert!(opened.file.keep_open_backup().is_none());
    assert_eq!(fs::read(&b1).expect("a backup at open"), at_open);
    let mut s = opened.session;
    let mut file = opened.file;
    // Saves within the minute keep no new backup: not one per keystroke.
    for i in 1..=5u64 {
        s.add_mot(MotText::default());
        file.save(&s, t0 + Duration::from_secs(i)).expect("save");
    }
    assert_eq!(fs::read(&b1).expect("backup"), at_open);
    assert!(!b2.exists());
    let before_minute = fs::read(&path).expect("read");
    s.add_mot(MotText::default());
    file.save(&s, t0 + Duration::from_secs(61)).expect("save");
    assert_eq!(fs::read(&b1).expect("backup"), before_minute);
    assert_eq!(fs::read(&b2).expect("backup"), at_open);
    for minute in 2..6u64 {
        s.add_mot(MotText::default());
        file.save(&s, t0 + Duration::from_secs(61 * minute))
            .expect("save");
    }
    assert!(b3.exists());
    assert!(
        !path.with_file_name("s.ron.4.bak").exists(),
        "three at most"
    );
    for b in [&b1, &b2, &b3] {
        store::load(b).expect("every backup is a good version");
    }
}

#[test]
fn an_unreadable_file_is_never_overwritten_and_its_backup_is_offered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    drop(session_file::create(&path, &session(3), Instant::now()).expect("create"));
    // Opened once: its good version is now the newest backup.
    let mut opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
    opened.file.keep_open_backup();
    drop(opened);
    let broken =
        fs::read_to_string(&path)
            .expect("read")
            .replacen("stage: Write", "stage: Wrte", 1);
    fs::write(&path, &broken).expect("break it");

    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let Some(Offer::Backup {
        problem, backup, ..
    }) = offer(&app)
    else {
        panic!("the newest backup is offered: {:?}", app.status);
    };
    assert!(problem.contains("s.ron:4:"), "line and column: {problem}");
    assert!(backup.contains("s.ron.1.bak"), "{backup}");
    let screen = common::render(&app, 80, 24);
    assert!(screen.contains("cannot be read"), "{screen}");
    assert!(screen.contains("s.ron.1.bak"), "{screen}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        broken,
        "untouched"
    );

    crate::common::dispatch(&mut app, Action::Yes);
    let w = app.workshop_ref().expect("the backup is open");
    assert_eq!(w.session.mots.len(), 3);
    let aside = dir.path().join("s.ron.unreadable");
    assert_eq!(fs::read_to_string(&aside).expect("kept aside"), broken);
    assert_eq!(
        store::load(&path).expect("the good version is back"),
        w.session
    );
    let status = app.status.clone().expect("a message");
    assert!(status.text.contains("s.ron.unreadable"), "{status:?}");
}

#[test]
fn an_unreadable_file_without_backup_says_where_and_stays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    fs::write(&path, "(version: 2,\n  title: oops").expect("write");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(app.workshop_ref().is_none());
    let status = app.status.clone().expect("a message");
    assert!(
        status.error && status.text.contains("s.ron:2:"),
        "{status:?}"
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        "(version: 2,\n  title: oops"
    );
}

#[test]
fn a_file_from_a_newer_mot_is_refused_and_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let newer = format!(
        "(\n    version: {},\n    title: \"from the future\",\n    hologram: true,\n)\n",
        FORMAT_VERSION + 1
    );
    fs::write(&path, &newer).expect("write");
    match session_file::open(&path, OpenMode::Normal, Instant::now()) {
        Err(OpenError::Unreadable { error, .. }) => {
            let text = error.to_string();
            assert!(
                text.contains(&format!("version {}", FORMAT_VERSION + 1)),
                "{text}"
            );
            assert!(text.contains(&format!("1 to {FORMAT_VERSION}")), "{text}");
        }
        other => panic!("refused, got {other:?}"),
    }
    assert_eq!(fs::read_to_string(&path).expect("read"), newer);
    assert!(
        !backup::paths(&path)[0].exists(),
        "not even backed up as good"
    );
    // Even with an older backup beside it, the newer file is not replaced.
    store::save(&backup::paths(&path)[0], &session(1)).expect("an old backup");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(offer(&app).is_none(), "no backup offered over a newer file");
    let status = app.status.clone().expect("a message");
    assert!(
        status.error && status.text.contains("newer mot"),
        "{status:?}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), newer);
}

#[test]
fn a_recovery_over_an_unreadable_file_moves_that_file_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    fs::write(&path, "(version: 2, oops").expect("write");
    std::thread::sleep(Duration::from_millis(20));
    write_recovery(&path, &session(3));
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    crate::common::dispatch(&mut app, Action::Yes);
    assert_eq!(store::load(&path).expect("recovered").mots.len(), 3);
    let aside = dir.path().join("s.ron.unreadable");
    assert_eq!(
        fs::read_to_string(&aside).expect("kept"),
        "(version: 2, oops"
    );
    let status = app.status.clone().expect("a message");
    assert!(status.text.contains("s.ron.unreadable"), "{status:?}");
    assert!(!status.text.contains("newest backup"), "{status:?}");
}

#[test]
fn a_window_whose_session_was_taken_over_stops_writing_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    drop(session_file::create(&path, &session(1), Instant::now()).expect("create"));
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(app.workshop_ref().is_some());
    crate::common::dispatch(&mut app, Action::NextStage);
    // Another machine's mot takes it over (it cannot see this one's lock).
    fs::write(lock::lock_path(&path), "(pid:7,host:\"elsewhere\",since:0)").expect("taken over");
    let theirs = fs::read(&path).expect("read");
    let mut h = Harness::new(app);
    h.press('1');
    assert_eq!(fs::read(&path).expect("read"), theirs, "not written over");
    let w = h.workshop();
    assert!(w.unsaved && w.read_only());
    assert_eq!(
        w.session.mots[0].dimension,
        Some(mot::model::Dimension::Entry)
    );
    let status = h.app.status.clone().expect("a message");
    assert!(status.text.contains("took this session over"), "{status:?}");
    // Quitting asks, so the change can still go somewhere else.
    h.press('q');
    assert!(!h.app.quit);
    assert!(h.workshop().quit_prompt.is_some());
    // Quitting anyway keeps the change beside the session, not over it.
    h.press('q');
    assert!(h.app.quit);
    assert_eq!(fs::read(&path).expect("read"), theirs);
    let recovery = session_file::recovery_path(&path);
    let kept = store::load(&recovery).expect("the change is kept");
    assert_eq!(kept.mots[0].dimension, Some(mot::model::Dimension::Entry));
    let farewell = h.app.farewell.clone().unwrap_or_default();
    assert!(farewell.contains("s.ron.recovery"), "{farewell}");
}

#[test]
fn every_released_format_has_a_fixture_that_still_opens() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for v in 1..=FORMAT_VERSION {
        let path = fixtures.join(format!("format-v{v}.ron"));
        let text = fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("a fixture for format {v} ({}): {e}", path.display()));
        assert!(
            text.contains(&format!("version: {v},")),
            "{}",
            path.display()
        );
        let decoded = store::decode(&text).expect("every released format opens");
        assert_eq!(decoded.version, v);
        assert_eq!(decoded.session.version, FORMAT_VERSION);
        assert_eq!(decoded.session.mots.len(), 12, "{}", path.display());
    }
    // The current format writes exactly what this build writes, and reads
    // it back whole: an MOT's fields that are still at their defaults are
    // left out, so the fixture as released differs only by those lines.
    let current = fixtures.join(format!("format-v{FORMAT_VERSION}.ron"));
    let released = fs::read_to_string(&current).expect("read");
    let s = store::from_ron(&released).expect("loads");
    let written = fs::read_to_string(fixtures.join("written.ron")).expect("read");
    assert_eq!(store::to_ron(&s).expect("writes"), written);
    assert_eq!(store::from_ron(&written).expect("loads"), s);
    let at_default = [
        "hands: [],",
        "golden: None,",
        "carries_message: false,",
        "we_do_well: None,",
        "competitors_poor: None,",
        "chosen: false,",
    ];
    let left_out = |text: &str| {
        text.lines()
            .filter(|l| at_default.contains(&l.trim()))
            .count()
    };
    assert!(left_out(&released) > 0 && left_out(&written) == 0);
}

#[test]
fn an_older_file_is_migrated_and_its_original_kept_before_the_first_write() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hotel.ron");
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1.ron");
    fs::copy(&v1, &path).expect("copy");
    let original = fs::read(&path).expect("read");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let status = app.status.clone().expect("a message");
    assert!(status.text.contains("format version 1"), "{status:?}");
    // Version 1 opened an MOT-filled session at Write.
    assert_eq!(app.workshop_ref().expect("open").stage(), Stage::Write);
    let kept = dir.path().join("hotel.v1.bak");
    assert!(!kept.exists(), "nothing written before the first change");
    crate::common::dispatch(&mut app, Action::NextStage);
    assert_eq!(fs::read(&kept).expect("the original is kept"), original);
    let now = fs::read_to_string(&path).expect("read");
    assert!(
        now.starts_with(&format!("(\n    version: {FORMAT_VERSION},")),
        "{now}"
    );
    assert!(now.contains("stage: Tag"));
    // A later save does not touch the kept original.
    crate::common::dispatch(&mut app, Action::NextStage);
    assert_eq!(fs::read(&kept).expect("kept"), original);
}

#[test]
fn a_session_another_mot_holds_opens_only_read_only_and_is_never_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(2)).expect("save");
    let bytes = fs::read(&path).expect("read");
    foreign_lock(&path);
    let mut app = picker_at(dir.path());
    let listed = common::render(&app, 80, 24);
    assert!(listed.contains("海底捞 门店 (in use)"), "{listed}");
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let Some(Offer::Locked { holder, .. }) = offer(&app) else {
        panic!("asked first: {:?}", app.status);
    };
    assert!(holder.contains("process 1 on"), "{holder}");
    let screen = common::render(&app, 80, 24);
    assert!(
        screen.contains("Session in use") && screen.contains("read-only"),
        "{screen}"
    );

    crate::common::dispatch(&mut app, Action::OpenReadOnly);
    assert!(app.workshop_ref().expect("open").read_only());
    assert!(common::render(&app, 80, 24).contains("READ-ONLY"));
    let mut h = Harness::new(app);
    // Every kind of change is refused or undone, and nothing is written.
    h.press('n')
        .press('d')
        .key(KeyCode::Tab)
        .press('1')
        .press('5')
        .key(KeyCode::Tab);
    h.key(KeyCode::Right).press('r').press('m').press('7');
    h.ctrl('s');
    let status = h.app.status.clone().expect("a message");
    assert!(
        status.error && status.text.contains("Read-only"),
        "{status:?}"
    );
    assert_eq!(h.workshop().session.mots.len(), 2);
    assert_eq!(h.workshop().session.mots[0].dimension, None);
    assert_eq!(fs::read(&path).expect("read"), bytes);
    assert!(!backup::paths(&path)[0].exists());
    // Quitting writes nothing either, and leaves the other's lock alone.
    h.press('q');
    assert!(h.app.quit);
    assert_eq!(fs::read(&path).expect("read"), bytes);
    assert!(matches!(lock::state(&path), store::LockState::Held(_)));
}

#[test]
fn taking_over_a_lock_moves_it_to_this_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    foreign_lock(&path);
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    crate::common::dispatch(&mut app, Action::TakeOver);
    let w = app.workshop_ref().expect("open");
    assert!(!w.read_only());
    let status = app.status.clone().expect("a message");
    assert!(status.text.contains("Took over the lock"), "{status:?}");
    let text = fs::read_to_string(lock::lock_path(&path)).expect("lock");
    assert!(
        text.contains(&format!("pid:{}", std::process::id())),
        "{text}"
    );
    drop(app);
    assert!(!lock::lock_path(&path).exists(), "released when closed");
}

fn write_recovery(path: &Path, s: &Session) -> PathBuf {
    let recovery = session_file::recovery_path(path);
    fs::write(&recovery, store::to_ron(s).expect("ron")).expect("write");
    recovery
}

#[test]
fn a_recovery_file_is_offered_and_restores_the_session() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let saved = fs::read(&path).expect("read");
    std::thread::sleep(Duration::from_millis(20));
    let recovery = write_recovery(&path, &session(4));

    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(matches!(offer(&app), Some(Offer::Recovery { .. })));
    let screen = common::render(&app, 80, 24);
    assert!(
        screen.contains("Recover after a crash") && screen.contains("s.ron.recovery"),
        "{screen}"
    );
    crate::common::dispatch(&mut app, Action::Yes);
    assert_eq!(app.workshop_ref().expect("open").session.mots.len(), 4);
    assert_eq!(store::load(&path).expect("loads").mots.len(), 4);
    assert!(!recovery.exists(), "used up");
    assert_eq!(fs::read(&backup::paths(&path)[0]).expect("backup"), saved);
}

#[test]
fn declining_a_recovery_opens_the_file_as_saved_and_keeps_the_recovery() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    std::thread::sleep(Duration::from_millis(20));
    let recovery = write_recovery(&path, &session(4));
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    crate::common::dispatch(&mut app, Action::No);
    assert_eq!(app.workshop_ref().expect("open").session.mots.len(), 1);
    assert!(recovery.exists());
}

#[test]
fn rescue_keeps_a_half_typed_mot_in_the_session_file() {
    let mut h = Harness::with_session(session(1));
    h.press('n').type_text("深夜到店的顾客").key(KeyCode::Tab);
    h.type_text("门口已经排了长队")
        .key(KeyCode::Tab)
        .type_text("被照顾到了");
    let message = shell::rescue(&mut h.app).expect("a session was open");
    let path = h.workshop().path().to_path_buf();
    assert!(message.contains(&path.display().to_string()), "{message}");
    let saved = store::load(&path).expect("loads");
    assert_eq!(saved.mots.len(), 2);
    assert_eq!(saved.mots[1].who, "深夜到店的顾客");
    assert_eq!(saved.mots[1].feeling, "被照顾到了");
}

#[test]
fn rescue_of_an_inconsistent_session_goes_beside_it_not_over_it() {
    let mut h = Harness::with_session(session(1));
    let path = h.workshop().path().to_path_buf();
    let before = fs::read(&path).expect("read");
    if let Screen::Workshop(w) = &mut h.app.screen {
        // As a bug might leave it: a participant in a group that is gone.
        w.session.participants.push(mot::model::Participant {
            id: 77,
            name: "ghost".into(),
            group: 999,
        });
    }
    let message = shell::rescue(&mut h.app).expect("open");
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the good file stays"
    );
    let recovery = session_file::recovery_path(&path);
    assert!(
        message.contains("s") && message.contains(".recovery"),
        "{message}"
    );
    let text = fs::read_to_string(&recovery).expect("the recovery file");
    assert!(text.contains("ghost"));
}

#[test]
fn rescue_when_the_folder_is_gone_writes_to_the_temporary_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("file");
    fs::write(&blocker, "x").expect("write");
    let mut app = App::workshop(session(2), blocker.join("s.ron"));
    let message = shell::rescue(&mut app).expect("open");
    let temp = std::env::temp_dir().display().to_string();
    assert!(message.contains(&temp), "{message}");
    let written = message
        .split(" it is in ")
        .nth(1)
        .and_then(|rest| rest.split(". ").next())
        .expect("names the file");
    let s = store::load(Path::new(written)).expect("the rescued copy loads");
    assert_eq!(s.mots.len(), 2);
    let _ = fs::remove_file(written);
}

#[test]
fn a_removed_folder_fails_loudly_and_a_removed_file_is_written_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sub = dir.path().join("room");
    fs::create_dir(&sub).expect("mkdir");
    let path = sub.join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let mut h = Harness::new(App::workshop(session(1), path.clone()));
    // The file alone removed under the app: the next change writes it again.
    fs::remove_file(&path).expect("rm");
    h.key(KeyCode::Tab).press('1');
    assert!(!h.workshop().unsaved);
    let back = store::load(&path).expect("written again");
    assert!(back.mots[0].dimension.is_some());
    // The whole folder removed: the change stays in memory, marked unsaved,
    // and the message says what happened (not that another mot took over).
    fs::remove_dir_all(&sub).expect("rm -r");
    h.press('2');
    assert!(h.workshop().unsaved);
    assert!(!h.workshop().read_only(), "still editable");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("UNSAVED") && screen.contains("is gone"),
        "{screen}"
    );
    // Once the folder is back, the next change (or Ctrl-S) saves it all.
    fs::create_dir(&sub).expect("mkdir");
    h.ctrl('s');
    assert!(!h.workshop().unsaved);
    assert!(
        h.app
            .status
            .clone()
            .expect("a message")
            .text
            .contains("Saved to")
    );
    assert_eq!(store::load(&path).expect("saved"), h.workshop().session);
}

#[test]
fn persisted_types_avoid_what_would_make_files_ambiguous() {
    // flatten and untagged enums let unknown or misplaced fields slip through;
    // every persisted struct must refuse fields it does not know.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for file in [
        "model/session.rs",
        "model/stage.rs",
        "model/taxonomy.rs",
        "store/v1.rs",
        "store/lock.rs",
    ] {
        let text = fs::read_to_string(root.join(file)).expect("source");
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(
            !compact.contains("serde(flatten"),
            "{file} uses serde(flatten)"
        );
        assert!(
            !compact.contains("serde(untagged"),
            "{file} uses an untagged enum"
        );
        let structs = text
            .split("#[derive(")
            .skip(1)
            .filter(|d| {
                let head = d.split('{').next().unwrap_or_default();
                head.contains("Deserialize") && head.contains("pub struct")
            })
            .collect::<Vec<_>>();
        for s in structs {
            let head = s.split('{').next().unwrap_or_default();
            assert!(
                head.contains("deny_unknown_fields"),
                "{file}: a persisted struct accepts unknown fields: {head}"
            );
        }
    }
    let written = store::to_ron(&session(1)).expect("ron");
    assert!(!written.contains("Session(") && !written.contains("Mot("));
}

#[test]
fn a_minimal_hand_written_file_opens_with_every_obvious_default() {
    let text = "(\n    version: 4,\n    title: \"Minimal\",\n    groups: [(id: 1, name: \"loves us\", weight: 3)],\n    mots: [(id: 1, who: \"a guest\", situation: \"at the desk\", feeling: \"welcome\"), (id: 2, who: \"a caller\")],\n)\n";
    let s = store::from_ron(text).expect("opens");
    assert_eq!(s.stage, Stage::Setup);
    assert_eq!((s.dot_budget, s.max_dots_per_mot), (3, 2));
    assert!(s.mots[0].qualities.is_empty() && s.mots[0].dimension.is_none());
    assert!(s.mots[1].situation.is_empty() && s.mots[1].feeling.is_empty());
    assert!(s.participants.is_empty() && s.dots.is_empty());
}
