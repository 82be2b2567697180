//! Nothing in a folder can hurt the facilitator: links, FIFOs and folders
//! planted at the names of mot's side files, special files as sessions,
//! files that are too large, read-only files, names too long for their side
//! files, folders that go away and come back, recoveries against newer work,
//! and process ids reused after a reboot. Through the store's API and the
//! app's own open and save paths.
#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::Harness;
use mot::app::{Action, App, Offer, OpenHow, Screen};
use mot::model::{MotText, Session, Stage};
use mot::shell;
use mot::store::{self, OpenError, OpenMode, backup, lock, session_file, side_files};

fn session(n: usize) -> Session {
    let mut s = Session::new("Grand Hotel");
    s.stage = Stage::Tag;
    for i in 0..n {
        s.add_mot(MotText {
            who: format!("guest {i}"),
            situation: "arriving late after a delayed flight".into(),
            feeling: "they kept my room".into(),
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

fn status(app: &App) -> String {
    app.status.clone().map(|s| s.text).unwrap_or_default()
}

fn fifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .expect("mkfifo");
}

/// Runs `f` on another thread and fails if it takes longer than ten
/// seconds: a FIFO that is read hangs forever, and must fail the test
/// instead of hanging CI.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("finished within ten seconds (a FIFO was read?)")
}

/// What can be planted at a side file's name.
#[derive(Debug, Clone, Copy)]
enum Plant {
    /// A link to a file outside the session's own files.
    Link,
    /// A named pipe.
    Fifo,
    /// A folder.
    Folder,
}

const PLANTS: [Plant; 3] = [Plant::Link, Plant::Fifo, Plant::Folder];

/// A file that belongs to nobody's session: nothing may ever change it.
struct Victim {
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Victim {
    fn new(dir: &Path) -> Victim {
        let path = dir.join("outside").join("precious.txt");
        fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        let bytes = b"the consultant's notes, nothing to do with mot".to_vec();
        fs::write(&path, &bytes).expect("write");
        Victim { path, bytes }
    }

    fn untouched(&self) {
        assert_eq!(
            fs::read(&self.path).expect("the victim is still there"),
            self.bytes,
            "nothing outside the session's files changed"
        );
    }
}

fn plant(what: Plant, at: &Path, victim: &Victim) {
    match what {
        Plant::Link => symlink(&victim.path, at).expect("symlink"),
        Plant::Fifo => fifo(at),
        Plant::Folder => fs::create_dir(at).expect("mkdir"),
    }
}

/// Whatever was planted is still there, as it was.
fn still_planted(what: Plant, at: &Path) {
    let kind = side_files::look(at)
        .expect("look")
        .expect("still there")
        .kind;
    let expected = match what {
        Plant::Link => side_files::Kind::Link,
        Plant::Fifo => side_files::Kind::Fifo,
        Plant::Folder => side_files::Kind::Folder,
    };
    assert_eq!(kind, expected, "{at:?} was replaced");
}

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
            shell::open(&mut app, &path, OpenHow::Normal);
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
    shell::open(&mut app, &path, OpenHow::Normal);
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
            let opened = within_seconds(move || {
                session_file::open(&p, OpenMode::Normal, Instant::now()).expect("opens")
            });
            let warning = opened.warning.clone().expect("the backup problem is said");
            assert!(warning.contains(".bak"), "{what:?} {n}: {warning}");
            if n > 0 {
                // An older name blocked still leaves the newest backup.
                assert!(warning.contains("newest backup"), "{warning}");
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
                shell::open(&mut app, &p, OpenHow::Normal);
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
        drop(session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open"));
        fs::write(&path, "(version: 4, broken").expect("break it");
        let at = dir.path().join("s.ron.unreadable");
        plant(what, &at, &victim);
        let mut app = picker_at(dir.path());
        shell::open(&mut app, &path, OpenHow::Normal);
        assert!(matches!(offer(&app), Some(Offer::Backup { .. })));
        shell::dispatch(&mut app, Action::Yes);
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
        shell::open(&mut app, &p, OpenHow::Normal);
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
    shell::open(&mut app, &link, OpenHow::Normal);
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
    shell::open(&mut app, &path, OpenHow::Normal);
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
    shell::open(&mut app, &path, OpenHow::Normal);
    assert!(app.workshop_ref().expect("opens").read_only());
    assert!(status(&app).contains("permissions"), "{}", status(&app));
    let mut h = Harness::new(app);
    h.press('1').ctrl('s');
    assert_eq!(fs::read(&path).expect("read"), before, "not rewritten");
    drop(h);
    // A private session's backups are private too.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).expect("chmod");
    let opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("open");
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
    let opened = session_file::open(&path, OpenMode::Normal, Instant::now()).expect("opens");
    assert!(opened.warning.is_none(), "{:?}", opened.warning);
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
    shell::open(&mut app, &path, OpenHow::Normal);
    assert!(app.workshop_ref().expect("opens").read_only());
    assert!(status(&app).contains("too long"), "{}", status(&app));
}

/// Opens `path` through the picker, as a person does, holding its lock.
fn opened(path: &Path) -> Harness {
    let mut app = picker_at(path.parent().expect("dir"));
    shell::open(&mut app, path, OpenHow::Normal);
    assert!(app.workshop_ref().is_some(), "{}", status(&app));
    Harness::new(app)
}

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
    h.ctrl('s');
    assert!(!h.workshop().unsaved, "{}", status(&h.app));
    let saved = store::load(&path).expect("saved there");
    assert!(saved.mots.iter().all(|m| m.dimension.is_some()));
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
    shell::dispatch(&mut app, Action::Open);
    let Some(Offer::Recovery {
        saved, conflict, ..
    }) = offer(&app)
    else {
        panic!("offered: {:?}", app.status);
    };
    assert!(!conflict);
    assert!(saved.contains("missing"), "{saved}");
    shell::dispatch(&mut app, Action::Yes);
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
    shell::open(&mut app, &path, OpenHow::Normal);
    let Some(Offer::Recovery {
        recovery: r,
        saved,
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
    shell::dispatch(&mut app, Action::Yes);
    assert!(offer(&app).is_some());
    assert_eq!(fs::read(&path).expect("read"), theirs);
    // Keep both: the recovery opens as a copy, the newer work stays.
    shell::dispatch(&mut app, Action::KeepBoth);
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
    shell::open(&mut app, &path, OpenHow::Normal);
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
    shell::open(&mut app, &path, OpenHow::Normal);
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
    shell::open(&mut app, &path, OpenHow::Normal);
    assert!(matches!(offer(&app), Some(Offer::Locked { .. })));
    shell::dispatch(&mut app, Action::TakeOver);
    assert!(
        matches!(offer(&app), Some(Offer::Recovery { .. })),
        "{:?}",
        offer(&app)
    );
    shell::dispatch(&mut app, Action::Yes);
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
    shell::open(&mut app, &path, OpenHow::Normal);
    let said = status(&app);
    mot::i18n::set(mot::i18n::Language::English);
    assert!(said.contains("已从格式版本 3 升级"), "{said}");
}
