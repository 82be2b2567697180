//! The real binary in a pseudo-terminal, stopped from outside: SIGINT and
//! SIGQUIT save the MOT being typed and give the terminal back, as SIGTERM
//! does, and a file-size limit makes a save fail like a full disk instead of
//! killing mot halfway through it.
#![cfg(unix)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::pty::{ENTER, ESC, FEELING, SITUATION, Term, WHO, assert_draft_saved, draft, text};
use mot::model::{MotText, Session, Stage};

const COLS: u16 = 150;
const ROWS: u16 = 32;

/// The switches mot turns on and must turn off again on the way out.
const ALTERNATE_SCREEN: (&str, &str) = ("\x1b[?1049h", "\x1b[?1049l");
const BRACKETED_PASTE: (&str, &str) = ("\x1b[?2004h", "\x1b[?2004l");
const MOUSE: (&str, &str) = ("\x1b[?1000h", "\x1b[?1000l");

/// The first MOT of every session here.
fn first_mot() -> MotText {
    MotText {
        who: "A guest".into(),
        situation: "arriving late after a delayed flight".into(),
        feeling: "they kept my room".into(),
    }
}

/// The MOT [`draft`] types.
fn typed_mot() -> MotText {
    MotText {
        who: WHO.into(),
        situation: SITUATION.into(),
        feeling: FEELING.into(),
    }
}

/// `DIR/hotel.ron`: one MOT, last saved while the room was writing.
fn hotel(dir: &Path) -> PathBuf {
    let path = dir.join("hotel.ron");
    let mut s = Session::new("Grand Hotel");
    s.add_mot(first_mot());
    s.stage = Stage::Write;
    mot::store::save(&path, &s).expect("save");
    path
}

fn lock_of(path: &Path) -> PathBuf {
    let mut name = path.file_name().expect("a file name").to_os_string();
    name.push(".lock");
    path.with_file_name(name)
}

/// Waits until the screen shows every one of `texts`, at most `limit`; fails
/// at once, saying how, if the program ends meanwhile.
fn wait_within(t: &mut Term, texts: &[&str], limit: Duration) {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        let screen = t.contents();
        if texts.iter().all(|x| screen.contains(x)) {
            return;
        }
        if let Some(status) = t.exit_status() {
            panic!("mot ended ({status:?}) before showing {texts:?}. Screen:\n{screen}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!(
        "{texts:?} not all shown within {limit:?}. Screen:\n{}",
        t.contents()
    );
}

/// Asserts that the program has not exited (a signal would have ended it).
fn assert_alive(t: &mut Term, when: &str) {
    // Time for a fatal signal to take effect and be seen.
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        t.exit_status().is_none(),
        "mot ended {when}: {:?}. Screen:\n{}",
        t.exit_status(),
        t.contents()
    );
}

/// Asserts that `output` turned the switch on and that its last word on it is off.
fn assert_switched_off(output: &str, (on, off): (&str, &str), what: &str) {
    let last_on = output.rfind(on);
    assert!(last_on.is_some(), "{what} was never turned on");
    assert!(
        output.rfind(off) > last_on,
        "{what} is left on: {off:?} does not follow the last {on:?}"
    );
}

/// Types an MOT in `hotel.ron` without keeping it, sends `kill -NAME`, and
/// checks that mot saved it, gave the terminal back and said why it stopped.
fn signal_keeps_the_draft_and_gives_the_terminal_back(name: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hotel(dir.path());
    let mut t = Term::start(
        &["--dir", &text(dir.path()), "open", &text(&path)],
        COLS,
        ROWS,
    );
    t.wait_for("MOTs: 1");
    draft(&mut t);
    let before = t.output();
    for (on, _) in [ALTERNATE_SCREEN, BRACKETED_PASTE, MOUSE] {
        assert!(before.contains(on), "{on:?} is on before the signal");
    }
    let left_before = before.matches(ALTERNATE_SCREEN.1).count();

    t.signal(name);
    let status = t.wait_exit_within(Duration::from_secs(5));
    assert!(status.success(), "kill -{name}: {status:?}");
    assert_eq!(status.exit_code(), 0, "kill -{name}");
    // Printed once the terminal is back: on the normal screen.
    t.wait_for(&format!("Stopped by SIG{name}."));
    t.wait_for(&format!("The session is saved in {}.", path.display()));
    let output = t.output();
    assert!(
        output.matches(ALTERNATE_SCREEN.1).count() > left_before,
        "the alternate screen is left after kill -{name}"
    );
    assert_switched_off(&output, ALTERNATE_SCREEN, "the alternate screen");
    assert_switched_off(&output, BRACKETED_PASTE, "bracketed paste");
    assert_switched_off(&output, MOUSE, "mouse capture");
    assert_draft_saved(&path);
    assert!(!lock_of(&path).exists(), "the lock is released");
}

#[test]
fn sigint_from_outside_keeps_the_mot_being_typed_and_gives_the_terminal_back() {
    signal_keeps_the_draft_and_gives_the_terminal_back("INT");
}

#[test]
fn sigquit_keeps_the_mot_being_typed_and_gives_the_terminal_back() {
    signal_keeps_the_draft_and_gives_the_terminal_back("QUIT");
}

/// The file-size limit, in the 512-byte blocks of `ulimit -f` in dash
/// (Debian's `sh`), in bash run as `sh` and in busybox.
const LIMIT_BLOCKS: u64 = 16;
const FILE_LIMIT: u64 = LIMIT_BLOCKS * 512;

/// A session whose file fits under [`FILE_LIMIT`] with room to spare, but not
/// once [`draft`]'s MOT is added to it: the brand is padded to the size.
fn near_the_limit(dir: &Path) -> (PathBuf, usize) {
    let size = |s: &Session| mot::store::to_ron(s).expect("to RON").len() as u64;
    let mut s = Session::new("Grand Hotel");
    s.stage = Stage::Write;
    s.add_mot(first_mot());
    let mut grown = s.clone();
    grown.add_mot(typed_mot());
    let added = size(&grown) - size(&s);
    // Half the MOT under the limit, half over: room either way for the small
    // differences a save by the app may make.
    let pad = (FILE_LIMIT - added / 2).saturating_sub(size(&s));
    s.brand = "x".repeat(usize::try_from(pad).expect("a small pad"));
    assert!(size(&s) + 64 < FILE_LIMIT, "{} bytes", size(&s));
    assert!(size(&s) + added > FILE_LIMIT + 64, "{added} bytes added");
    let path = dir.join("hotel.ron");
    mot::store::save(&path, &s).expect("save");
    (path, s.mots.len())
}

/// SIGXFSZ used to kill mot in the middle of the save, with no message and a
/// stray temporary. Now the write fails with "File too large" and the save
/// goes the way of a full disk: nothing is lost and quitting asks first.
/// (Needs `main` to set SIGXFSZ aside: the shell here leaves it at default.)
#[test]
fn a_file_size_limit_fails_the_save_like_a_full_disk_instead_of_killing_mot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (path, mots) = near_the_limit(dir.path());
    let before = fs::read(&path).expect("read");
    let cmd = Term::command(
        "sh",
        &[
            "-c",
            &format!(r#"ulimit -f {LIMIT_BLOCKS}; exec "$0" "$@""#),
            env!("CARGO_BIN_EXE_mot"),
            "--dir",
            &text(dir.path()),
            "open",
            &text(&path),
        ],
    );
    let mut t = Term::spawn(cmd, COLS, ROWS);
    t.wait_for(&format!("MOTs: {mots}"));
    draft(&mut t);
    t.send(ENTER);
    // Kept in memory; the file would grow past the limit, so the save fails.
    wait_within(
        &mut t,
        &["Not saved", "File too large", "UNSAVED"],
        Duration::from_secs(5),
    );
    assert_alive(&mut t, "when the save passed the file-size limit");
    assert_eq!(fs::read(&path).expect("read"), before, "the file is intact");
    let session = mot::store::load(&path).expect("the session still loads");
    assert_eq!(session.mots.len(), mots);

    // Ctrl-S tries again, and meets the limit again.
    t.send("\x13");
    assert_alive(&mut t, "when Ctrl-S retried the save");
    wait_within(
        &mut t,
        &["Not saved", "File too large", "UNSAVED"],
        Duration::from_secs(5),
    );

    t.send("q");
    t.wait_for("Quit without saving?");
    assert_alive(&mut t, "when asked to quit");
    t.send(ESC);
    t.wait_until("Esc stays in the session", |t| {
        !t.contents().contains("Quit without saving?")
    });
    assert!(t.contents().contains("UNSAVED"), "still unsaved");
    assert_alive(&mut t, "after staying");

    t.send("q");
    t.wait_for("Quit without saving?");
    t.send("q");
    let status = t.wait_exit_within(Duration::from_secs(5));
    // Under the limit not even the recovery copy fits anywhere: the exit
    // status says the work is not kept, and the file is as it was.
    assert!(!status.success(), "{status:?}");
    t.wait_for_output("could not be saved anywhere");
    assert_eq!(fs::read(&path).expect("read"), before, "the file is intact");
    let strays: Vec<_> = fs::read_dir(dir.path())
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") || n.ends_with(".lock"))
        .collect();
    assert!(strays.is_empty(), "no temporaries or lock left: {strays:?}");
}
