//! Opening the examples in a checkout leaves it clean: every file mot keeps
//! beside a session (backups, the original of an older format, the lock, a
//! recovery file, a file it could not read, a save's temporary) is ignored
//! by the repository's `.gitignore`, and the sessions themselves are not.
//! The side files are made by mot itself, so a new one cannot slip by.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use mot::app::{Action, App, OpenHow};
use mot::store::{self, OpenMode, session_file};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs (a checkout has it)");
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn side_files_of_the_examples_are_ignored_and_sessions_are_not() {
    let repo = tempfile::tempdir().expect("tempdir");
    let root = repo.path();
    git(root, &["init", "-q"]);
    let ignore = Path::new(env!("CARGO_MANIFEST_DIR")).join(".gitignore");
    fs::copy(&ignore, root.join(".gitignore")).expect("the .gitignore");
    let sessions = root.join("sessions");
    fs::create_dir(&sessions).expect("mkdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");

    // An older format, opened and changed: its original is kept, a backup
    // is kept at open, the lock is held while open.
    let old = sessions.join("hotel.ron");
    fs::copy(fixtures.join("format-v3.ron"), &old).expect("copy");
    let mut app = App::picker(sessions.clone(), store::list(&sessions).expect("lists"));
    common::open(&mut app, &old, OpenHow::Normal);
    common::dispatch(&mut app, Action::NextStage);
    assert!(store::lock::lock_path(&old).exists(), "held while open");
    // A recovery file, as a stop that could not save leaves it.
    let held = app.workshop_ref().expect("open");
    let recovery = held.file.path().with_file_name("hotel.ron.recovery");
    fs::write(&recovery, "(version: 4, title: \"t\")").expect("a recovery file");
    // A save's temporary, as a crash mid-save leaves it.
    fs::write(sessions.join(".hotel.ron.4242.7.tmp"), "half").expect("a temporary");
    let untracked = git(root, &["status", "--porcelain", "--untracked-files=all"]);
    drop(app);

    // A file mot cannot read, moved aside when its backup is opened.
    let broken = sessions.join("bank.ron");
    fs::copy(fixtures.join("format-v4.ron"), &broken).expect("copy");
    let mut opened = session_file::open(&broken, OpenMode::Normal, Instant::now()).expect("open");
    opened.file.keep_open_backup();
    drop(opened);
    fs::write(&broken, "(version: 4, broken").expect("break it");
    let (_, aside) = session_file::open_backup(&broken, Instant::now()).expect("backup opens");
    let later = git(root, &["status", "--porcelain", "--untracked-files=all"]);

    let made: Vec<String> = fs::read_dir(&sessions)
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for side in [
        "hotel.ron.1.bak",
        "hotel.v3.bak",
        "hotel.ron.recovery",
        "bank.ron.1.bak",
    ] {
        assert!(made.iter().any(|m| m == side), "{side} was made: {made:?}");
    }
    assert!(aside.exists() && made.iter().any(|m| m == "bank.ron.unreadable"));
    // Only the sessions show as new files (the first look was taken while
    // the session was open, its lock beside it).
    let listed = |status: &str| -> Vec<String> {
        status
            .lines()
            .filter_map(|l| l.strip_prefix("?? "))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        listed(&untracked),
        [".gitignore", "sessions/hotel.ron"],
        "{untracked}"
    );
    // (The backup opened in its place is saved by whoever opened it.)
    assert_eq!(
        listed(&later),
        [".gitignore", "sessions/hotel.ron"],
        "{later}"
    );
}
