//! The app's writer: every version handed over ends on disk, the newest
//! last; bursts are written as one; what each write came to is reported;
//! the backup at open is its first job; nothing waits for it but those who
//! must (quitting, "save as", a rescue).

use std::fs;
use std::time::Instant;

use mot::model::{MotText, Session};
use mot::store::writer::{Report, Writer};
use mot::store::{self, OpenMode, StoreError, backup, session_file};

fn session(title: &str, mots: usize) -> Session {
    let mut s = Session::new(title);
    for i in 0..mots {
        s.add_mot(MotText {
            who: format!("guest {i}"),
            situation: "at the gate".into(),
            feeling: "remembered".into(),
        });
    }
    s
}

fn saved_ok(reports: &[Report]) -> bool {
    reports.iter().all(|r| matches!(r, Report::Saved(Ok(None))))
}

#[test]
fn a_burst_of_versions_ends_with_the_newest_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let file = session_file::create(&path, &session("v0", 300), Instant::now()).expect("create");
    let mut writer = Writer::start(file, None);
    let mut s = session("v0", 300);
    for i in 1..=200 {
        s.title = format!("v{i}");
        writer.save(&s, Instant::now());
    }
    let reports = writer.flush();
    assert!(saved_ok(&reports), "{reports:?}");
    let saves = reports
        .iter()
        .filter(|r| matches!(r, Report::Saved(_)))
        .count();
    assert!((1..=200).contains(&saves), "{saves} writes");
    assert_eq!(store::load(&path).expect("loads").title, "v200");
    assert!(!writer.busy());
}

#[test]
fn what_waits_is_written_before_the_writer_lets_go() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let file = session_file::create(&path, &session("t", 1), Instant::now()).expect("create");
    let mut writer = Writer::start(file, None);
    writer.save(&session("last words", 2), Instant::now());
    drop(writer);
    assert_eq!(store::load(&path).expect("loads").title, "last words");
    assert!(
        !mot::store::lock::lock_path(&path).exists(),
        "and the lock goes with it"
    );
}

#[test]
fn a_failed_write_is_reported_and_the_next_one_tries_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("room");
    fs::create_dir(&folder).expect("mkdir");
    let path = folder.join("s.ron");
    let file = session_file::create(&path, &session("t", 1), Instant::now()).expect("create");
    let mut writer = Writer::start(file, None);
    fs::rename(&folder, dir.path().join("away")).expect("move the folder away");
    writer.save(&session("t", 2), Instant::now());
    let reports = writer.flush();
    assert!(
        matches!(
            reports.as_slice(),
            [Report::Saved(Err(StoreError::FolderGone(_)))]
        ),
        "{reports:?}"
    );
    fs::rename(dir.path().join("away"), &folder).expect("and back");
    writer.save(&session("t", 3), Instant::now());
    assert!(saved_ok(&writer.flush()));
    assert_eq!(store::load(&path).expect("loads").mots.len(), 3);
}

#[test]
fn the_backup_at_open_is_the_first_job_and_nothing_else_waits_for_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    drop(session_file::create(&path, &session("t", 4), Instant::now()).expect("create"));
    let at_open = fs::read(&path).expect("read");
    let opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
    let newest = backup::paths(&path)[0].clone();
    assert!(!newest.exists(), "opening itself writes nothing");
    let mut writer = Writer::start(opened.file, None);
    writer.save(&session("t", 5), Instant::now());
    let reports = writer.flush();
    assert!(
        matches!(reports.as_slice(), [Report::Saved(Ok(None))]),
        "{reports:?}"
    );
    assert_eq!(fs::read(&newest).expect("kept"), at_open);
    assert_eq!(store::load(&path).expect("loads").mots.len(), 5);
}

#[test]
fn whoever_needs_the_file_gets_it_after_the_write_in_flight() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let file = session_file::create(&path, &session("t", 1), Instant::now()).expect("create");
    let mut writer = Writer::start(file, None);
    writer.save(&session("handed over", 500), Instant::now());
    let on_disk = writer
        .with_file(|f| store::load(f.path()).expect("loads").title)
        .expect("the file");
    assert_eq!(on_disk, "handed over");
    let elsewhere = dir.path().join("elsewhere.ron");
    let moved =
        writer.with_file(|f| f.save_as(elsewhere.clone(), &session("moved", 1), Instant::now()));
    assert!(matches!(moved, Some(Ok(()))), "{moved:?}");
    assert_eq!(writer.path(), elsewhere, "the writer now writes there");
}
