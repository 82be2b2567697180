//! The real binary in a pseudo-terminal, where work could be lost: a second
//! `mot` on the same session, a `mot` killed outright, a panic, SIGTERM,
//! SIGHUP, and a disk that refuses the save.
#![cfg(unix)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{
    ENTER, ESC, F12, FEELING, SITUATION, TAB, Term, WHO, assert_draft_saved, draft, text,
};
use mot::model::{MotText, Session, Stage};

const COLS: u16 = 150;
const ROWS: u16 = 32;
/// The status line: above the key bar, the last row.
const STATUS: u16 = ROWS - 2;

/// `DIR/hotel.ron`: one MOT, last saved while the room was writing.
fn hotel(dir: &Path) -> PathBuf {
    let path = dir.join("hotel.ron");
    let mut s = Session::new("Grand Hotel");
    s.add_mot(MotText {
        who: "A guest".into(),
        situation: "arriving late after a delayed flight".into(),
        feeling: "they kept my room".into(),
    });
    s.stage = Stage::Write;
    mot::store::save(&path, &s).expect("save");
    path
}

fn lock_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().expect("a file name").to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// `mot --dir DIR open PATH`, with `MOT_CRASH_TEST=1` when `crash_key`.
fn open(dir: &Path, path: &Path, crash_key: bool) -> Term {
    let mut cmd = Term::mot(&["--dir", &text(dir), "open", &text(path)]);
    if crash_key {
        cmd.env("MOT_CRASH_TEST", "1");
    }
    let t = Term::spawn(cmd, COLS, ROWS);
    t.wait_for("MOTs: 1");
    t
}

/// Whether `n` stands on the screen as a whole number (not inside another).
fn shows_number(screen: &str, n: u32) -> bool {
    let n = n.to_string();
    screen.match_indices(&n).any(|(i, _)| {
        let before = screen[..i].chars().next_back();
        let after = screen[i + n.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// Waits until the screen shows every one of `texts`, at most `limit`.
fn wait_within(t: &Term, texts: &[&str], limit: Duration) {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        let screen = t.contents();
        if texts.iter().all(|x| screen.contains(x)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!(
        "{texts:?} not all shown within {limit:?}. Screen:\n{}",
        t.contents()
    );
}

#[test]
fn a_second_mot_can_only_look_and_the_first_keeps_working() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let lock = lock_of(&path);
    let mut a = open(dir.path(), &path, false);
    let a_pid = a.pid();
    let held = fs::read_to_string(&lock).expect("A holds a lock file");
    assert!(held.contains(&format!("pid:{a_pid}")), "{held}");
    let before = fs::read(&path).expect("read");

    let mut b = Term::start(
        &["--dir", &text(dir.path()), "open", &text(&path)],
        COLS,
        ROWS,
    );
    b.wait_for("Session in use");
    let screen = b.contents();
    assert!(
        screen
            .lines()
            .any(|l| l.contains("is open in another") && shows_number(l, a_pid)),
        "the question names A's process {a_pid}:\n{screen}"
    );
    b.send("r");
    b.wait_for("READ-ONLY");
    b.wait_until("the status line says read-only and names A", |t| {
        let status = t.row(STATUS);
        status.contains("Read-only") && shows_number(&status, a_pid)
    });
    let opened = b.row(STATUS);
    b.send("n");
    b.wait_until("n is refused with a read-only message", |t| {
        let status = t.row(STATUS);
        status.contains("Read-only") && status != opened
    });
    assert!(!b.contents().contains("New MOT"), "no editor opens");
    assert_eq!(fs::read(&path).expect("read"), before, "B wrote nothing");
    b.send("q");
    assert!(b.wait_exit(), "B quits cleanly");
    assert_eq!(fs::read(&path).expect("read"), before, "B wrote nothing");
    assert_eq!(
        fs::read_to_string(&lock).expect("A's lock is still there"),
        held,
        "B left A's lock alone"
    );

    a.send("n");
    a.wait_for("New MOT");
    a.send(WHO);
    a.send(TAB);
    a.send(SITUATION);
    a.send(TAB);
    a.send(FEELING);
    a.send(ENTER);
    a.wait_for("Added MOT 2");
    assert_draft_saved(&path);
    a.send("q");
    assert!(a.wait_exit(), "A quits cleanly");
    assert!(!lock.exists(), "A's quit releases the lock");
    assert_draft_saved(&path);
}

#[test]
fn the_lock_of_a_killed_mot_is_taken_over_without_a_question() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let lock = lock_of(&path);
    let mut a = open(dir.path(), &path, false);
    let a_pid = a.pid();
    a.signal("KILL");
    // Reaped here: until then the dead process is a zombie that still "runs".
    let status = a.wait_exit_within(Duration::from_secs(5));
    assert!(!status.success(), "SIGKILL: {status:?}");
    let left = fs::read_to_string(&lock).expect("SIGKILL leaves the lock file");
    assert!(left.contains(&format!("pid:{a_pid}")), "{left}");

    let mut c = open(dir.path(), &path, false);
    c.wait_until("the status line says the lock of A was taken over", |t| {
        let status = t.row(STATUS);
        status.contains("Took over the lock") && shows_number(&status, a_pid)
    });
    assert!(
        !c.contents().contains("Session in use"),
        "no question asked"
    );
    let now = fs::read_to_string(&lock).expect("C holds the lock");
    assert!(now.contains(&format!("pid:{}", c.pid())), "{now}");
    c.send("q");
    assert!(c.wait_exit(), "C quits cleanly");
    assert!(!lock.exists(), "C's quit releases the lock");
    let session = mot::store::load(&path).expect("the session loads");
    assert_eq!(session.mots.len(), 1);
}

#[test]
fn a_panic_keeps_the_mot_being_typed_and_says_where_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let mut t = open(dir.path(), &path, true);
    draft(&mut t);
    t.send(F12);
    let status = t.wait_exit_within(Duration::from_secs(10));
    assert_eq!(
        status.exit_code(),
        101,
        "a crash says so in the exit status"
    );
    // Printed after the terminal is restored: on the normal screen.
    let saved = format!("The session is saved in {}.", path.display());
    t.wait_for(&saved);
    t.wait_for("mot stopped because of a bug");
    assert!(t.output().contains("deliberate crash"), "the panic message");
    assert_draft_saved(&path);
    assert!(!lock_of(&path).exists(), "the lock is released");
}

/// Opens `hotel.ron`, types a draft without keeping it, and sends `kill -NAME`.
fn draft_then_signal(name: &str) -> (tempfile::TempDir, PathBuf, Term) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let mut t = open(dir.path(), &path, false);
    draft(&mut t);
    t.signal(name);
    (dir, path, t)
}

#[test]
fn sigterm_keeps_the_mot_being_typed_and_exits_cleanly() {
    let (_dir, path, mut t) = draft_then_signal("TERM");
    let status = t.wait_exit_within(Duration::from_secs(5));
    assert!(status.success(), "{status:?}");
    t.wait_for("Stopped by SIGTERM.");
    t.wait_for(&format!("The session is saved in {}.", path.display()));
    assert_draft_saved(&path);
    assert!(!lock_of(&path).exists(), "the lock is released");
}

#[test]
fn sighup_keeps_the_mot_being_typed() {
    let (_dir, path, mut t) = draft_then_signal("HUP");
    t.wait_exit_within(Duration::from_secs(5));
    assert_draft_saved(&path);
    assert!(!lock_of(&path).exists(), "the lock is released");
}

#[test]
fn a_full_disk_loses_nothing_and_asks_before_quitting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.ron");
    let mut s = Session::new("Big conference");
    for i in 0..200 {
        s.add_mot(MotText {
            who: format!("Delegate {i}"),
            situation: format!(
                "on day {i}, queueing for a badge at the registration desk while the keynote \
                 starts, the printer jams, the volunteer finds the name by hand and walks the \
                 delegate to a side door so they slip in before the first slide"
            ),
            feeling: "they had my back".into(),
        });
    }
    s.stage = Stage::Write;
    mot::store::save(&path, &s).expect("save");
    let before = fs::read(&path).expect("read");
    // `ulimit -f 8` is 4 KB in dash (512-byte blocks) and 8 KB in bash.
    assert!(before.len() > 64 * 1024, "{} bytes", before.len());
    // Three older backups: a backup that cannot be written must not cost one.
    let backups = mot::store::backup::paths(&path);
    for (i, b) in backups.iter().enumerate() {
        let mut old = Session::new(format!("Backup {}", i + 1));
        old.stage = Stage::Write;
        mot::store::save(b, &old).expect("backup");
    }
    let backup_bytes: Vec<Vec<u8>> = backups.iter().map(|b| fs::read(b).expect("read")).collect();

    // Files over the limit fail with EFBIG ("File too large") instead of a
    // SIGXFSZ that would kill mot: a full disk, even for root.
    let script = r#"trap "" XFSZ; ulimit -f 8; exec "$0" "$@""#;
    let cmd = Term::command(
        "sh",
        &[
            "-c",
            script,
            env!("CARGO_BIN_EXE_mot"),
            "--dir",
            &text(dir.path()),
            "open",
            &text(&path),
        ],
    );
    let mut t = Term::spawn(cmd, COLS, ROWS);
    t.wait_for("MOTs: 200");
    t.send(TAB);
    t.wait_for("Untagged");
    t.send("1");
    wait_within(
        &t,
        &["Not saved", "File too large", "UNSAVED"],
        Duration::from_secs(1),
    );
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the file is untouched"
    );

    t.send("q");
    t.wait_for("Quit without saving?");
    t.wait_for("big.ron could not be saved");
    t.send("w");
    t.wait_for("Write it to this file (Enter)");
    // The field holds a suggested file of the same name elsewhere.
    t.wait_for("/big.ron");
    t.send(ESC);
    t.wait_for("quit WITHOUT saving");
    assert!(!t.contents().contains("Write it to this file"));
    t.send("q");
    // It quits, and since under the limit not even a copy could be kept
    // anywhere, the exit status says so.
    let status = t.wait_exit_within(Duration::from_secs(15));
    assert!(!status.success(), "{status:?}");
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the file is untouched"
    );
    let strays: Vec<_> = fs::read_dir(dir.path())
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
        .collect();
    assert!(strays.is_empty(), "no temporaries or lock left: {strays:?}");
    for (b, bytes) in backups.iter().zip(&backup_bytes) {
        assert_eq!(&fs::read(b).expect("still there"), bytes, "{}", b.display());
    }
}

/// `mot open PATH` on a terminal that the test can really take away, as
/// when an SSH link drops: the test owns the only handle on the terminal's
/// master side and closes it to hang up. (The shared `Term` cannot: its
/// reader keeps a copy of the master open.) Returns the process and the
/// master side, set not to block.
fn on_a_terminal_that_can_go_away(dir: &Path, path: &Path) -> (std::process::Child, fs::File) {
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};

    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

    // Close-on-exec, or mot would hold its own master open and never hang up.
    let master =
        openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("a pty");
    grantpt(&master).expect("grantpt");
    unlockpt(&master).expect("unlockpt");
    let name = ptsname(&master, Vec::new()).expect("ptsname");
    let slave = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(name.to_str().expect("a path"))
        .expect("the slave side");
    let size = rustix::termios::Winsize {
        ws_row: ROWS,
        ws_col: COLS,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    rustix::termios::tcsetwinsize(&slave, size).expect("a size");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mot"));
    cmd.args(["--dir", &text(dir), "open", &text(path)])
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::from(slave.try_clone().expect("dup")))
        .stdout(Stdio::from(slave.try_clone().expect("dup")))
        .stderr(Stdio::from(slave));
    // SAFETY: only async-signal-safe system calls between fork and exec: the
    // child leads a new session with this terminal as its controlling one,
    // so closing the master side hangs it up.
    unsafe {
        cmd.pre_exec(|| {
            rustix::process::setsid()?;
            rustix::process::ioctl_tiocsctty(std::io::stdin())?;
            Ok(())
        });
    }
    let child = cmd.spawn().expect("mot starts");
    let master = fs::File::from(master);
    rustix::io::ioctl_fionbio(&master, true).expect("non-blocking");
    (child, master)
}

/// Reads what mot draws (it would block on a full terminal otherwise)
/// until `until` has appeared in all it drew.
fn pump(master: &mut fs::File, seen: &mut Vec<u8>, until: &str) {
    use std::io::Read;
    let deadline = Instant::now() + Duration::from_secs(15);
    let mut buf = [0u8; 8192];
    loop {
        match master.read(&mut buf) {
            Ok(n) if n > 0 => seen.extend_from_slice(&buf[..n]),
            _ => std::thread::sleep(Duration::from_millis(10)),
        }
        if String::from_utf8_lossy(seen).contains(until) {
            return;
        }
        assert!(Instant::now() < deadline, "{until:?} never appeared");
    }
}

/// Types `keys`, then lets the frames it brings arrive (ratatui sends only
/// what changed, so typed text is not one run of bytes in the output).
fn type_and_settle(master: &mut fs::File, keys: &str) {
    use std::io::{Read, Write};
    master.write_all(keys.as_bytes()).expect("type");
    let end = Instant::now() + Duration::from_millis(150);
    let mut buf = [0u8; 8192];
    while Instant::now() < end {
        if !matches!(master.read(&mut buf), Ok(n) if n > 0) {
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

/// Closes the terminal and waits for mot to end by itself.
fn hang_up(master: fs::File, child: &mut std::process::Child) -> std::process::ExitStatus {
    drop(master);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "mot did not end after its terminal went away (pid {})",
                child.id()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_terminal_that_goes_away_keeps_the_mot_being_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let (mut child, mut master) = on_a_terminal_that_can_go_away(dir.path(), &path);
    let mut seen = Vec::new();
    pump(&mut master, &mut seen, "MOTs: 1");
    pump(&mut master, &mut seen, "Grand Hotel");
    for keys in ["n", WHO, TAB, SITUATION, TAB, FEELING] {
        type_and_settle(&mut master, keys);
    }
    std::thread::sleep(Duration::from_millis(200));
    let status = hang_up(master, &mut child);
    assert_draft_saved(&path);
    assert!(!lock_of(&path).exists(), "the lock is released");
    assert!(status.success(), "{status:?}");
}

/// With no editor open the cursor is hidden, and showing it again on a
/// terminal that went away fails: saying so there must not abort mot.
#[test]
fn a_terminal_that_goes_away_after_a_change_ends_cleanly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let (mut child, mut master) = on_a_terminal_that_can_go_away(dir.path(), &path);
    let mut seen = Vec::new();
    pump(&mut master, &mut seen, "Grand Hotel");
    type_and_settle(&mut master, TAB);
    type_and_settle(&mut master, "1");
    let status = hang_up(master, &mut child);
    let saved = mot::store::load(&path).expect("loads");
    assert_eq!(saved.mots[0].dimension, Some(mot::model::Dimension::Entry));
    assert!(!lock_of(&path).exists(), "the lock is released");
    assert!(status.success(), "ends as it says, not aborted: {status:?}");
}

#[test]
fn a_folder_renamed_away_and_back_is_said_so_and_the_session_lands_there() {
    let dir = tempfile::tempdir().expect("tempdir");
    let room = dir.path().join("room");
    fs::create_dir(&room).expect("mkdir");
    let path = hotel(&room);
    let mut t = open(&room, &path, false);
    t.send(TAB);
    t.wait_for("Tag");
    let away = dir.path().join("room-on-the-train");
    fs::rename(&room, &away).expect("mv away");
    t.send("1");
    // Said as what happened, not as another mot taking the session over.
    t.wait_for("is gone");
    assert!(t.contents().contains("UNSAVED"), "{}", t.contents());
    assert!(!t.contents().contains("took"), "{}", t.contents());
    fs::rename(&away, &room).expect("mv back");
    t.send("\x13");
    t.wait_for("Saved to");
    assert!(!t.contents().contains("UNSAVED"), "{}", t.contents());
    t.send("q");
    assert!(t.wait_exit());
    let saved = mot::store::load(&path).expect("saved in the folder");
    assert_eq!(saved.mots[0].dimension, Some(mot::model::Dimension::Entry));
    assert!(!lock_of(&path).exists(), "the lock released on quit");
}

#[test]
fn a_session_that_could_be_put_nowhere_fails_the_exit_status() {
    let dir = tempfile::tempdir().expect("tempdir");
    let room = dir.path().join("room");
    fs::create_dir(&room).expect("mkdir");
    let path = hotel(&room);
    let mut cmd = Term::mot(&["--dir", &text(&room), "open", &text(&path)]);
    // No temporary folder either.
    cmd.env("TMPDIR", dir.path().join("no-such-folder"));
    let mut t = Term::spawn(cmd, COLS, ROWS);
    t.wait_for("MOTs: 1");
    draft(&mut t);
    fs::remove_dir_all(&room).expect("rm -r");
    t.signal("TERM");
    let status = t.wait_exit_within(Duration::from_secs(5));
    assert!(!status.success(), "{status:?}");
    t.wait_for_output("could not be saved anywhere");
}
