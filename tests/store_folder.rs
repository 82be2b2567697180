//! Nothing the room produced is lost when the folder moves under it: a
//! folder renamed away and back or removed and made again, a session written
//! by someone else meanwhile (by hand, or by another mot), a recovery file
//! against newer work, a process id reused after a reboot, and the
//! last-resort copy outside the folder.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::time::{Duration, Instant};

use common::folder::*;
use mot::app::{Action, Offer, OpenHow, Screen};
use mot::shell;
use mot::store::{self, OpenMode, backup, lock, session_file};

#[test]
fn a_folder_renamed_away_and_back_is_said_so_and_saved_once_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("room");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("s.ron");
    store::save(&path, &session(2)).expect("save");
    let mut h = opened(&path);

    let away = dir.path().join("room-moved");
    fs::rename(&folder, &away).expect("mv away");
    h.press('1');
    let said = status(&h.app);
    assert!(said.contains("is gone"), "{said}");
    assert!(!said.contains("took"), "not another mot: {said}");
    assert!(h.workshop().unsaved && !h.workshop().read_only());
    // Still editable, and every change tries again.
    h.press('j').press('2');
    assert!(h.workshop().unsaved);
    fs::rename(&away, &folder).expect("mv back");
    // The next change lands there, and the warning gives way to saying so
    // (with a failed and a good write reported together, as the loop may
    // see them, the good one is what the room reads last).
    h.press('3');
    assert!(!h.workshop().unsaved, "{}", status(&h.app));
    assert!(
        h.app.status.as_ref().is_some_and(|s| !s.error),
        "{:?}",
        h.app.status
    );
    assert!(status(&h.app).contains("Saved to"), "{}", status(&h.app));
    let saved = store::load(&path).expect("saved there");
    assert!(saved.mots.iter().all(|m| m.dimension.is_some()));
    h.ctrl('s');
    assert!(status(&h.app).contains("Saved to"), "{}", status(&h.app));
    // The lock is still this window's.
    let held = fs::read_to_string(lock::lock_path(&path)).expect("lock");
    assert!(
        held.contains(&format!("pid:{}", std::process::id())),
        "{held}"
    );
}

#[test]
fn a_folder_removed_and_made_again_gets_the_session_and_its_lock_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("room");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let mut h = opened(&path);

    fs::remove_dir_all(&folder).expect("rm -r");
    h.press('1');
    assert!(status(&h.app).contains("is gone"));
    fs::create_dir(&folder).expect("mkdir");
    h.press('5');
    assert!(!h.workshop().unsaved, "{}", status(&h.app));
    assert_eq!(store::load(&path).expect("saved"), h.workshop().session);
    assert!(lock::lock_path(&path).exists(), "the lock is retaken");
    // Another mot finds it held.
    assert!(
        matches!(lock::Lock::acquire(&path), Err(lock::LockError::Held(_))),
        "the session was free for another mot"
    );
}

#[test]
fn a_session_another_mot_wrote_meanwhile_is_not_written_over_when_the_lock_is_retaken() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("room");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let mut h = opened(&path);

    // The folder is replaced by a copy holding someone else's newer work.
    fs::remove_dir_all(&folder).expect("rm -r");
    fs::create_dir(&folder).expect("mkdir");
    store::save(&path, &session(5)).expect("their work");
    let theirs = fs::read(&path).expect("read");
    h.press('1');
    assert_eq!(fs::read(&path).expect("read"), theirs, "not written over");
    assert!(h.workshop().unsaved && h.workshop().read_only());
    let said = status(&h.app);
    assert!(said.contains("written by someone else"), "{said}");
}

#[test]
fn only_a_recovery_file_left_is_listed_and_offered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let recovery = session_file::recovery_path(&path);
    fs::write(&recovery, store::to_ron(&session(4)).expect("ron")).expect("write");
    let entries = store::list(dir.path()).expect("lists");
    assert_eq!(entries.len(), 1);
    assert!(entries[0].path.ends_with("s.ron") && entries[0].recovery);
    let screen = common::render(&picker_at(dir.path()), 100, 20);
    assert!(screen.contains("recovery file"), "{screen}");
    let mut app = picker_at(dir.path());
    crate::common::dispatch(&mut app, Action::Open);
    let Some(Offer::Recovery {
        saved: None,
        conflict: false,
        ..
    }) = offer(&app)
    else {
        panic!("offered as all that is left: {:?}", app.status);
    };
    let screen = common::render(&app, 80, 24);
    assert!(screen.contains("all that is left"), "{screen}");
    assert!(!screen.contains("as it was last saved"), "{screen}");
    crate::common::dispatch(&mut app, Action::Yes);
    assert_eq!(store::load(&path).expect("back").mots.len(), 4);
    assert!(!recovery.exists());
}

/// A window whose lock was lost while another `mot` wrote newer work, quit
/// with its own changes: they go to the recovery file.
fn lost_lock_recovery(path: &Path) -> Vec<u8> {
    let mut h = opened(path);
    h.press('1');
    assert!(!h.workshop().unsaved);
    // Another machine's mot takes it over and adds MOTs.
    fs::write(lock::lock_path(path), "(pid:7,host:\"elsewhere\",since:0)").expect("taken over");
    store::save(path, &session(5)).expect("their work");
    let theirs = fs::read(path).expect("read");
    h.press('j').press('2');
    assert!(h.workshop().read_only() && h.workshop().unsaved);
    h.press('q').press('q');
    assert!(h.app.quit);
    drop(h);
    fs::remove_file(lock::lock_path(path)).expect("they are gone too");
    theirs
}

#[test]
fn a_recovery_against_newer_work_offers_to_keep_both_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(2)).expect("save");
    let theirs = lost_lock_recovery(&path);
    let recovery = session_file::recovery_path(&path);
    assert!(recovery.exists());
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let Some(Offer::Recovery {
        recovery: r,
        saved: Some(saved),
        conflict: true,
        ..
    }) = offer(&app)
    else {
        panic!("a conflict is offered: {:?}", offer(&app));
    };
    assert!(
        r.contains("2 MOTs") && saved.contains("5 MOTs"),
        "{r} / {saved}"
    );
    let screen = common::render(&app, 80, 24);
    assert!(screen.contains("keep both"), "{screen}");
    assert!(!screen.contains(" y  "), "no single key replaces: {screen}");
    // y does nothing here: the question stays, nothing is written.
    crate::common::dispatch(&mut app, Action::Yes);
    assert!(offer(&app).is_some());
    assert_eq!(fs::read(&path).expect("read"), theirs);
    // Keep both: the recovery opens as a copy, the newer work stays.
    crate::common::dispatch(&mut app, Action::KeepBoth);
    let w = app.workshop_ref().expect("the copy is open");
    let copy = w.path().to_path_buf();
    assert_ne!(copy, path);
    assert!(copy.ends_with("s-recovered.ron"), "{copy:?}");
    assert_eq!(w.session.mots.len(), 2);
    assert!(
        w.session.mots[1].dimension.is_some(),
        "the lost change is kept"
    );
    assert_eq!(fs::read(&path).expect("read"), theirs);
    assert!(!recovery.exists(), "used up once copied");
    assert_eq!(store::load(&copy).expect("saved").mots.len(), 2);
}

#[test]
fn a_recovery_that_continues_the_saved_file_is_offered_plainly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(2)).expect("save");
    let mut h = opened(&path);
    h.press('1');
    // A bug leaves the session inconsistent: the rescue goes beside it.
    if let Screen::Workshop(w) = &mut h.app.screen {
        w.session.participants.push(mot::model::Participant {
            id: 9,
            name: "ghost".into(),
            group: 999,
        });
    }
    shell::rescue(&mut h.app);
    drop(h);
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(
        matches!(
            offer(&app),
            Some(Offer::Recovery {
                conflict: false,
                ..
            })
        ),
        "{:?}",
        offer(&app)
    );
}

#[test]
fn a_lock_whose_process_id_was_reused_after_a_reboot_is_taken_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    // Some other program now runs under the id the lock names; it started
    // after the lock was taken (an hour ago, before a reboot).
    let mut other = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .expect("spawn");
    let here = lock::LockInfo::this_process();
    fs::write(
        lock::lock_path(&path),
        format!(
            "(pid:{},host:{:?},since:{})",
            other.id(),
            here.host,
            here.since - 3600
        ),
    )
    .expect("lock");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let _ = other.kill();
    let _ = other.wait();
    assert!(offer(&app).is_none(), "no question: {:?}", offer(&app));
    let w = app.workshop_ref().expect("opened");
    assert!(!w.read_only());
    assert!(status(&app).contains("Took over"), "{}", status(&app));
}

#[test]
fn a_change_made_by_hand_while_the_session_is_open_is_kept_as_a_backup() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(2)).expect("save");
    let mut h = opened(&path);
    // Someone edits the file in another window (a new title, a third MOT).
    let mut theirs = session(3);
    theirs.title = "Edited by hand".into();
    std::thread::sleep(Duration::from_millis(10));
    store::save(&path, &theirs).expect("their edit");
    let their_bytes = fs::read(&path).expect("read");
    h.press('1');
    let said = status(&h.app);
    assert!(
        said.contains("changed outside") && said.contains("s.ron.1.bak"),
        "{said}"
    );
    assert_eq!(
        fs::read(backup::paths(&path)[0].clone()).expect("kept"),
        their_bytes
    );
    // The next change is an ordinary save again.
    h.press('j').press('2');
    assert!(
        !status(&h.app).contains("changed outside"),
        "{}",
        status(&h.app)
    );
}

#[test]
fn taking_a_session_over_still_asks_about_a_waiting_recovery() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    std::thread::sleep(Duration::from_millis(10));
    fs::write(
        session_file::recovery_path(&path),
        store::to_ron(&session(3)).expect("ron"),
    )
    .expect("recovery");
    fs::write(lock::lock_path(&path), "(pid:7,host:\"elsewhere\",since:0)")
        .expect("another machine's lock");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(matches!(offer(&app), Some(Offer::Locked { .. })));
    crate::common::dispatch(&mut app, Action::TakeOver);
    assert!(
        matches!(offer(&app), Some(Offer::Recovery { .. })),
        "{:?}",
        offer(&app)
    );
    crate::common::dispatch(&mut app, Action::Yes);
    assert_eq!(app.workshop_ref().expect("open").session.mots.len(), 3);
}

#[test]
fn the_last_resort_copy_is_private_and_never_goes_through_a_planted_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = Victim::new(dir.path());
    let tmp = dir.path().join("tmp");
    fs::create_dir(&tmp).expect("mkdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
    // The first name it would use, taken by a link.
    let pid = std::process::id();
    symlink(&victim.path, tmp.join(format!("s.ron.{pid}.1.recovery"))).expect("symlink");
    let copy = opened
        .file
        .write_last_resort("(version: 4)", &tmp)
        .expect("written");
    assert!(
        copy.ends_with(format!("s.ron.{pid}.2.recovery")),
        "{copy:?}"
    );
    let mode = fs::metadata(&copy).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode & 0o077, 0, "nobody else can read it: {mode:o}");
    victim.untouched();
}

#[test]
fn check_believes_the_system_lock_over_the_words_in_the_lock_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let held = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
    // Rewritten by hand to name a process that is gone.
    let here = lock::LockInfo::this_process();
    fs::write(
        lock::lock_path(&path),
        format!("(pid:999999999,host:{:?},since:0)", here.host),
    )
    .expect("rewrite");
    assert!(matches!(lock::state(&path), lock::LockState::Held(_)));
    drop(held);
    // A lock with other names is refused by check as by open.
    fs::remove_file(lock::lock_path(&path)).expect("rm");
    fs::hard_link(&path, lock::lock_path(&path)).expect("link");
    assert!(matches!(lock::state(&path), lock::LockState::Refused(_)));
}

#[test]
fn what_opening_says_is_in_the_sessions_own_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v3.ron");
    fs::copy(&fixture, &path).expect("copy");
    mot::i18n::set(mot::i18n::Language::English);
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let said = status(&app);
    mot::i18n::set(mot::i18n::Language::English);
    assert!(said.contains("已从格式版本 3 升级"), "{said}");
}
