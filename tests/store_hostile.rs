//! Nothing in a folder can hurt the facilitator: links, FIFOs and folders
//! planted at the names of mot's side files, special files as sessions,
//! files that are too large, read-only files, and names too long for their
//! side files. Through the store's API and the app's own open and save paths.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::time::Instant;

use common::Harness;
use common::folder::*;
use mot::app::{Action, App, Offer, OpenHow, Screen};
use mot::model::MotText;
use mot::shell;
use mot::store::{self, OpenError, OpenMode, backup, lock, session_file, side_files};

#[test]
fn a_lock_that_is_a_link_fifo_or_folder_refuses_the_open_and_names_it() {
    for what in PLANTS {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = Victim::new(dir.path());
        let path = dir.path().join("s.ron");
        store::save(&path, &session(2)).expect("save");
        let before = fs::read(&path).expect("read");
        let lock_file = lock::lock_path(&path);
        plant(what, &lock_file, &victim);
        // The worst case: the lock a link to the session file itself.
        if matches!(what, Plant::Link) {
            fs::remove_file(&lock_file).expect("rm");
            symlink(&path, &lock_file).expect("symlink");
        }
        let app = within_seconds(move || {
            let mut app = picker_at(path.parent().expect("dir"));
            crate::common::open(&mut app, &path, OpenHow::Normal);
            app
        });
        let Some(Offer::Locked {
            holder,
            can_take_over: false,
            ..
        }) = offer(&app)
        else {
            panic!("{what:?}: refused with a question, got {:?}", app.status);
        };
        assert!(holder.contains("s.ron.lock"), "{what:?}: {holder}");
        let words = match what {
            Plant::Link => "is a link",
            Plant::Fifo => "named pipe",
            Plant::Folder => "a folder",
        };
        assert!(holder.contains(words), "{what:?}: {holder}");
        let session_file = dir.path().join("s.ron");
        assert_eq!(fs::read(&session_file).expect("read"), before, "{what:?}");
        victim.untouched();
        still_planted(what, &lock_file);
    }
}

#[test]
fn a_hard_link_planted_as_the_lock_is_not_truncated() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(2)).expect("save");
    let before = fs::read(&path).expect("read");
    fs::hard_link(&path, lock::lock_path(&path)).expect("link");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(matches!(offer(&app), Some(Offer::Locked { .. })));
    assert_eq!(fs::read(&path).expect("read"), before);
}

#[test]
fn backups_never_go_through_a_link_fifo_or_folder_at_their_names() {
    for what in PLANTS {
        for n in 0..backup::KEEP {
            let dir = tempfile::tempdir().expect("tempdir");
            let victim = Victim::new(dir.path());
            let path = dir.path().join("s.ron");
            store::save(&path, &session(2)).expect("save");
            let at = backup::paths(&path)[n].clone();
            plant(what, &at, &victim);
            let p = path.clone();
            let mut opened = within_seconds(move || {
                let mut opened =
                    session_file::open(&p, OpenMode::Normal, Instant::now()).expect("opens");
                // What the writer does first.
                opened.warning = opened.file.keep_open_backup();
                opened
            });
            let warning = opened.warning.take().expect("the backup problem is said");
            assert!(warning.contains(".bak"), "{what:?} {n}: {warning}");
            if n > 0 {
                // An older name blocked still leaves the newest backup.
                assert!(warning.contains("older backups are not kept"), "{warning}");
                let newest = backup::paths(&path)[0].clone();
                assert_eq!(store::load(&newest).expect("kept").mots.len(), 2);
            }
            // And a save whose backup is due does not go through it either.
            let mut file = opened.file;
            let mut s = opened.session;
            s.add_mot(MotText::default());
            let later = Instant::now() + backup::EVERY * 2;
            let warning = file.save(&s, later).expect("the session itself is saved");
            assert!(warning.is_some(), "{what:?} {n}");
            assert_eq!(store::load(&path).expect("saved").mots.len(), 3);
            victim.untouched();
            still_planted(what, &at);
        }
    }
}

#[test]
fn the_recovery_file_never_goes_through_a_link_fifo_or_folder() {
    for what in PLANTS {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = Victim::new(dir.path());
        let path = dir.path().join("s.ron");
        store::save(&path, &session(1)).expect("save");
        let at = session_file::recovery_path(&path);
        plant(what, &at, &victim);
        // Opening is not stopped by it, and does not hang on it.
        let app = {
            let p = path.clone();
            within_seconds(move || {
                let mut app = picker_at(p.parent().expect("dir"));
                crate::common::open(&mut app, &p, OpenHow::Normal);
                app
            })
        };
        assert!(app.workshop_ref().is_some(), "{what:?}: {}", status(&app));
        drop(app);
        // A rescue that must go beside the session goes to the temporary
        // folder instead, and says where.
        let mut h = Harness::new(App::workshop(session(1), path.clone()));
        if let Screen::Workshop(w) = &mut h.app.screen {
            w.session.participants.push(mot::model::Participant {
                id: 77,
                name: "ghost".into(),
                group: 999,
            });
        }
        let message = shell::rescue(&mut h.app).expect("open");
        let written = message
            .split_whitespace()
            .find(|w| w.contains(".recovery"))
            .expect("names where it went")
            .trim_end_matches(['.', '。']);
        assert!(
            written.starts_with(&std::env::temp_dir().display().to_string()),
            "{what:?}: {message}"
        );
        let _ = fs::remove_file(written);
        victim.untouched();
        still_planted(what, &at);
    }
}

#[test]
fn an_unreadable_file_is_moved_aside_past_whatever_is_planted_at_its_name() {
    for what in PLANTS {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = Victim::new(dir.path());
        let path = dir.path().join("s.ron");
        drop(session_file::create(&path, &session(3), Instant::now()).expect("create"));
        // Opened once: the writer's first job keeps the version read as a backup.
        let mut opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
        opened.file.keep_open_backup();
        drop(opened);
        fs::write(&path, "(version: 4, broken").expect("break it");
        let at = dir.path().join("s.ron.unreadable");
        plant(what, &at, &victim);
        let mut app = picker_at(dir.path());
        crate::common::open(&mut app, &path, OpenHow::Normal);
        assert!(matches!(offer(&app), Some(Offer::Backup { .. })));
        crate::common::dispatch(&mut app, Action::Yes);
        assert_eq!(
            app.workshop_ref().expect("backup open").session.mots.len(),
            3
        );
        let aside = dir.path().join("s.ron.unreadable.2");
        assert_eq!(
            fs::read_to_string(&aside).expect("moved aside, numbered"),
            "(version: 4, broken"
        );
        victim.untouched();
        still_planted(what, &at);
    }
}

#[test]
fn the_original_of_an_older_format_is_kept_past_whatever_is_planted() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v3.ron");
    for what in PLANTS {
        let dir = tempfile::tempdir().expect("tempdir");
        let victim = Victim::new(dir.path());
        let path = dir.path().join("s.ron");
        fs::copy(&fixture, &path).expect("copy");
        let original = fs::read(&path).expect("read");
        let at = dir.path().join("s.v3.bak");
        plant(what, &at, &victim);
        let opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
        let kept = opened.original_kept_as.clone().expect("named");
        assert!(kept.ends_with("s.v3.bak.2"), "{kept:?}");
        let mut file = opened.file;
        file.save(&opened.session, Instant::now()).expect("save");
        assert_eq!(fs::read(&kept).expect("kept"), original);
        victim.untouched();
        still_planted(what, &at);
    }
}

#[test]
fn temporaries_never_go_through_a_link_planted_at_their_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = Victim::new(dir.path());
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    // Every name the next saves of this process could use, taken by a link.
    let pid = std::process::id();
    for n in 0..300 {
        let _ = symlink(
            &victim.path,
            dir.path().join(format!(".s.ron.{pid}.{n}.tmp")),
        );
    }
    for _ in 0..3 {
        // Either a free name further on is used, or the save fails: never
        // written through the link.
        let _ = store::save(&path, &session(2));
        victim.untouched();
    }
}

#[test]
fn a_fifo_as_a_session_or_as_its_lock_never_hangs_list_check_or_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    fifo(&dir.path().join("pipe.ron"));
    let good = dir.path().join("good.ron");
    store::save(&good, &session(1)).expect("save");
    fifo(&lock::lock_path(&good));
    let d = dir.path().to_path_buf();
    let entries = within_seconds(move || store::list(&d).expect("lists"));
    let pipe = entries
        .iter()
        .find(|e| e.path.ends_with("pipe.ron"))
        .expect("listed, as what it is");
    let why = pipe.summary.clone().expect_err("not a session");
    assert!(why.contains("named pipe"), "{why}");
    let good_entry = entries
        .iter()
        .find(|e| e.path.ends_with("good.ron"))
        .expect("listed");
    assert!(good_entry.summary.is_ok());
    let p = dir.path().join("pipe.ron");
    let app = within_seconds(move || {
        let mut app = picker_at(p.parent().expect("dir"));
        crate::common::open(&mut app, &p, OpenHow::Normal);
        app
    });
    assert!(status(&app).contains("named pipe"), "{}", status(&app));
    let g = good.clone();
    let state = within_seconds(move || lock::state(&g));
    assert!(matches!(state, lock::LockState::Refused(_)), "{state:?}");
}

#[test]
fn a_link_to_a_device_and_a_file_past_the_limit_are_refused_before_reading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let zero = dir.path().join("zero.ron");
    symlink("/dev/zero", &zero).expect("symlink");
    let z = zero.clone();
    let opened = within_seconds(move || session_file::open(&z, OpenMode::Normal, Instant::now()));
    match opened {
        Err(OpenError::Unreadable { error, .. }) => {
            assert!(error.to_string().contains("a device"), "{error}")
        }
        other => panic!("refused, got {other:?}"),
    }
    // A sparse file one byte past the limit: refused by its size, unread.
    let big = dir.path().join("big.ron");
    let f = fs::File::create(&big).expect("create");
    f.set_len(mot::model::limits::MAX_FILE_BYTES + 1)
        .expect("sparse");
    let b = big.clone();
    match within_seconds(move || session_file::open(&b, OpenMode::Normal, Instant::now())) {
        Err(OpenError::Unreadable { error, .. }) => {
            assert!(error.to_string().contains("larger than"), "{error}")
        }
        other => panic!("refused, got {other:?}"),
    }
    let d = dir.path().to_path_buf();
    let entries = within_seconds(move || store::list(&d).expect("lists"));
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| e.summary.is_err()));
}

#[test]
fn a_session_file_that_is_a_link_opens_read_only_and_stays_a_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("shared").join("real.ron");
    fs::create_dir_all(real.parent().expect("dir")).expect("mkdir");
    store::save(&real, &session(2)).expect("save");
    let before = fs::read(&real).expect("read");
    let link = dir.path().join("s.ron");
    symlink(&real, &link).expect("symlink");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &link, OpenHow::Normal);
    let w = app.workshop_ref().expect("opens");
    assert!(w.read_only());
    let said = status(&app);
    assert!(
        said.contains("is a link to") && said.contains("real.ron"),
        "{said}"
    );
    let mut h = Harness::new(app);
    h.press('1');
    assert!(h.workshop().session.mots[0].dimension.is_none());
    assert!(status(&h.app).contains("Read-only"), "{}", status(&h.app));
    h.press('q');
    assert!(h.app.quit);
    let kind = side_files::look(&link).expect("look").expect("there").kind;
    assert_eq!(kind, side_files::Kind::Link, "still a link");
    assert_eq!(fs::read(&real).expect("read"), before);
    assert!(!lock::lock_path(&link).exists(), "no lock taken");
}

#[test]
fn a_sessions_folder_that_is_a_link_works_as_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let synced = dir.path().join("Dropbox");
    fs::create_dir(&synced).expect("mkdir");
    let folder = dir.path().join("sessions");
    symlink(&synced, &folder).expect("symlink");
    let path = folder.join("s.ron");
    store::save(&path, &session(1)).expect("save");
    let mut app = picker_at(&folder);
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(!app.workshop_ref().expect("opens").read_only());
    let mut h = Harness::new(app);
    h.press('1');
    assert!(!h.workshop().unsaved, "{}", status(&h.app));
    assert!(synced.join("s.ron.1.bak").exists(), "backups there too");
    let saved = store::load(&synced.join("s.ron")).expect("saved");
    assert!(saved.mots[0].dimension.is_some());
}

#[test]
fn a_file_without_write_permission_opens_read_only_and_backups_keep_permissions() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    store::save(&path, &session(1)).expect("save");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = fs::read(&path).expect("read");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(app.workshop_ref().expect("opens").read_only());
    assert!(status(&app).contains("permissions"), "{}", status(&app));
    let mut h = Harness::new(app);
    h.press('1').ctrl('s');
    assert_eq!(fs::read(&path).expect("read"), before, "not rewritten");
    drop(h);
    // A private session's backups are private too.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    let mut opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
    assert!(opened.file.keep_open_backup().is_none());
    let mode = |p: &Path| fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&backup::paths(&path)[0]), 0o600);
    let mut file = opened.file;
    file.save(&session(3), Instant::now()).expect("save");
    assert_eq!(mode(&path), 0o600);
    file.write_recovery("(version: 4)").expect("recovery");
    assert_eq!(mode(&session_file::recovery_path(&path)), 0o600);
}

#[test]
fn titles_of_long_letters_get_names_that_fit_with_every_side_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 4-byte letters: 60 of them make 240 bytes, with no room for ".ron.1.bak".
    let title = "𠀀𠀁𠀂𠀃".repeat(20);
    let mut app = picker_at(dir.path());
    shell::create(&mut app, &title);
    let path = app.workshop_ref().expect("created").path().to_path_buf();
    let name = path.file_name().expect("name").len();
    assert!(
        name + side_files::SIDE_SUFFIX_BYTES <= 255,
        "{name} bytes leave room for every side file"
    );
    drop(app);
    // Every side file can be made: backups at open, a recovery, a backup of
    // an unreadable file, a second session of the same title.
    let mut opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("opens");
    assert!(opened.warning.is_none(), "{:?}", opened.warning);
    let kept = opened.file.keep_open_backup();
    assert!(kept.is_none(), "{kept:?}");
    assert!(backup::paths(&path)[0].exists());
    opened
        .file
        .write_recovery("(version: 4)")
        .expect("a recovery file");
    drop(opened);
    let mut app = picker_at(dir.path());
    shell::create(&mut app, &title);
    let second = app.workshop_ref().expect("created").path().to_path_buf();
    assert_ne!(second, path);
}

#[test]
fn a_file_whose_name_is_too_long_for_its_side_files_opens_read_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let stem = "a".repeat(side_files::MAX_SESSION_NAME_BYTES);
    let path = dir.path().join(format!("{stem}.ron"));
    store::save(&path, &session(1)).expect("save");
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    assert!(app.workshop_ref().expect("opens").read_only());
    assert!(status(&app).contains("too long"), "{}", status(&app));
}

/// What the writer says at open (a backup kept short) speaks the session's
/// language, whole: the writer works in the language of whoever handed it
/// the job, not in another thread's.
#[test]
fn the_writer_speaks_the_sessions_language_from_the_first_job() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let mut s = session(1);
    s.language = Some(mot::model::Language::SimplifiedChinese);
    store::save(&path, &s).expect("save");
    fs::create_dir(backup::paths(&path)[1].clone()).expect("a folder at a backup's name");
    mot::i18n::set(mot::model::Language::English);
    let mut app = picker_at(dir.path());
    crate::common::open(&mut app, &path, OpenHow::Normal);
    let said = status(&app);
    assert!(said.contains("已打开，但更早的备份未保留"), "{said}");
    assert!(!said.contains("older backups"), "one language: {said}");
}

#[test]
fn with_every_name_for_the_original_taken_the_save_stops_and_replaces_nothing() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v4.ron");
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = Victim::new(dir.path());
    let path = dir.path().join("s.ron");
    fs::copy(&fixture, &path).expect("copy");
    let original = fs::read(&path).expect("read");
    // The first name a link out of the folder, every numbered one another
    // file: the originals of earlier upgrades, say.
    let first = dir.path().join("s.v4.bak");
    plant(Plant::Link, &first, &victim);
    for n in 2..=999 {
        fs::write(
            dir.path().join(format!("s.v4.bak.{n}")),
            format!("other {n}"),
        )
        .expect("write");
    }
    let opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
    let mut file = opened.file;
    let e = file
        .save(&opened.session, Instant::now())
        .expect_err("no name is free for the original");
    assert!(e.to_string().contains("no free name"), "{e}");
    assert_eq!(fs::read(&path).expect("read"), original, "not upgraded");
    victim.untouched();
    still_planted(Plant::Link, &first);
    assert_eq!(
        fs::read_to_string(dir.path().join("s.v4.bak.500")).expect("read"),
        "other 500"
    );
}
