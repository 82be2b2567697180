//! Kill -9 at any moment: a child process saves a growing session in a loop,
//! the parent kills it at random moments, hundreds of times, and after every
//! kill the session file (and each backup) must be exactly one of the states
//! the child saved, never anything in between.
//!
//! Twice: once with the store's own save in a loop, once through the app
//! (keys in, the app's writer saving beside the loop): there changes stream
//! in faster than the disk takes them, and the file must still be one of
//! the states the app held, never older than one it said was written.
//!
//! Run as `crash` it is the parent; run as `crash --child DIR` (or
//! `--app-child DIR`) it is the saver.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant, SystemTime};

use mot::model::{Dimension, MotText, Session};
use mot::store::{self, OpenMode, session_file};

const START: usize = 150;
const KILLS: usize = 300;
/// Kills of the saver that goes through the app.
const APP_KILLS: usize = 100;

/// The session after `n` MOTs were written: a pure function of `n`, so the
/// parent knows exactly what each save held.
fn state(n: usize) -> Session {
    let mut s = Session::new("断电测试 crash test");
    s.brand = "华航 China Airlines ✈".into();
    let p = s.add_participant("王小明", 1).expect("group 1");
    for i in 1..=n {
        grow(&mut s, i, p);
    }
    s
}

/// The change the `i`-th save makes.
fn grow(s: &mut Session, i: usize, voter: u32) {
    let id = s.add_mot(MotText {
        who: format!("旅客 {i}"),
        situation: format!("第 {i} 次登机时，空服员记得我的名字 \"{i}\" \\ 🛫"),
        feeling: "被记住了".repeat(1 + i % 4),
    });
    let dim = Dimension::ALL[i % 4];
    s.set_dimension(id, Some(dim)).expect("mot");
    s.set_hands(id, 1 + (i % 4) as u32, i as u32 % 50)
        .expect("group");
    if i.is_multiple_of(7) {
        // The budget fills up; later dots are refused, which is fine.
        let _ = s.add_dot(voter, id);
    }
}

fn child(dir: &Path) -> ExitCode {
    let path = dir.join("s.ron");
    let t0 = Instant::now();
    // The previous child was killed holding the lock: this takes it over.
    let opened = match session_file::open(&path, OpenMode::Normal, t0) {
        Ok(opened) => opened,
        Err(e) => {
            eprintln!("the saver could not open the session: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut session = opened.session;
    let mut file = opened.file;
    let voter = session.participants[0].id;
    let mut n = session.mots.len();
    loop {
        n += 1;
        grow(&mut session, n, voter);
        // Twenty seconds of "work" per save: a backup every third save.
        let now = t0 + Duration::from_secs(20 * n as u64);
        if let Err(e) = file.save(&session, now) {
            eprintln!("the saver could not save: {e}");
            return ExitCode::FAILURE;
        }
    }
}

/// The words of the `i`-th MOT the app child writes.
fn words(i: usize) -> MotText {
    MotText {
        who: format!("旅客 {i}"),
        situation: format!("第 {i} 次登机时，空服员记得我的名字 \"{i}\" \\ 🛫"),
        feeling: "被记住了".repeat(1 + i % 4),
    }
}

/// The session after `n` MOTs were written through the app.
fn app_state(n: usize) -> Session {
    let mut s = Session::new("断电测试 crash test");
    s.stage = mot::model::Stage::Write;
    for i in 1..=n {
        s.add_mot(words(i));
    }
    s
}

/// Writes MOTs as a person does, through the app: each a few keys and
/// pastes, each change handed to the app's writer without waiting. Every
/// tenth MOT it waits for the disk and says which state is written.
fn app_child(dir: &Path) -> ExitCode {
    use mot::app::{Action, App, OpenHow};
    use std::io::Write;
    let path = dir.join("s.ron");
    let mut app = App::picker(dir.to_path_buf(), Vec::new());
    mot::shell::open(&mut app, &path, OpenHow::Normal);
    let Some(w) = app.workshop_ref() else {
        eprintln!("the app could not open the session: {:?}", app.status);
        return ExitCode::FAILURE;
    };
    let mut n = w.session.mots.len();
    let mut out = std::io::stdout();
    loop {
        n += 1;
        let MotText {
            who,
            situation,
            feeling,
        } = words(n);
        for action in [
            Action::NewMot,
            Action::Paste(who),
            Action::NextField,
            Action::Paste(situation),
            Action::NextField,
            Action::Paste(feeling),
            Action::SaveMot,
        ] {
            mot::shell::dispatch(&mut app, action);
        }
        mot::shell::settle(&mut app);
        if n.is_multiple_of(10) {
            mot::shell::wait_for_writer(&mut app);
            if app.workshop_ref().is_none_or(|w| w.unsaved) {
                eprintln!("the app could not save: {:?}", app.status);
                return ExitCode::FAILURE;
            }
            let _ = writeln!(out, "written {n}");
            let _ = out.flush();
        }
    }
}

/// A small xorshift: random enough for kill timing, no crate needed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// The exact bytes of every state, built as far as needed: a file is right
/// when it is byte for byte what the saver wrote for some state.
struct Expected {
    session: Session,
    /// The change that makes state `i` from state `i - 1`.
    step: fn(&mut Session, usize),
    texts: Vec<u64>,
}

impl Expected {
    fn new() -> Expected {
        let session = state(START);
        let texts = vec![digest(&session)];
        Expected {
            session,
            step: |s, i| {
                let voter = s.participants[0].id;
                grow(s, i, voter);
            },
            texts,
        }
    }

    fn through_the_app() -> Expected {
        let session = app_state(START);
        let texts = vec![digest(&session)];
        Expected {
            session,
            step: |s, i| {
                s.add_mot(words(i));
            },
            texts,
        }
    }

    fn digest_of(&mut self, n: usize) -> u64 {
        while START + self.texts.len() <= n {
            let i = START + self.texts.len();
            (self.step)(&mut self.session, i);
            self.texts.push(digest(&self.session));
        }
        self.texts[n - START]
    }
}

fn digest(s: &Session) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    store::to_ron(s).expect("serialises").hash(&mut h);
    h.finish()
}

/// Checks one file; returns its MOT count.
fn check(path: &Path, what: &str, kill: usize, expected: &mut Expected) -> usize {
    use std::hash::{Hash, Hasher};
    let loaded = store::load(path)
        .unwrap_or_else(|e| panic!("after kill {kill}, {what} does not load: {e}"));
    let n = loaded.mots.len();
    assert!(n >= START, "after kill {kill}, {what} lost MOTs: {n}");
    let text = std::fs::read_to_string(path).expect("read");
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    assert!(
        h.finish() == expected.digest_of(n),
        "after kill {kill}, {what} holds {n} MOTs but is not the state that was saved"
    );
    n
}

/// Which saver the parent kills.
#[derive(Clone, Copy)]
enum Saver {
    /// The store's save, in a loop.
    Store,
    /// The app, keys in, its writer saving.
    App,
}

fn parent(saver: Saver) -> ExitCode {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let (start, kills, flag, mut expected) = match saver {
        Saver::Store => (state(START), KILLS, "--child", Expected::new()),
        Saver::App => (
            app_state(START),
            APP_KILLS,
            "--app-child",
            Expected::through_the_app(),
        ),
    };
    drop(session_file::create(&path, &start, Instant::now()).expect("create"));
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    println!("crash test ({flag}): {kills} kills, seed {seed}");
    let mut rng = Rng(seed);
    let exe = std::env::current_exe().expect("own path");
    let mut last = START;
    // Backups change every few saves; check each version once.
    let mut seen = std::collections::HashSet::new();
    for kill in 1..=kills {
        let mut child = Command::new(&exe)
            .arg(flag)
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn the saver");
        // The saver needs some tens of milliseconds to start; after that it is
        // nearly always in the middle of a save, which is where kills should land.
        std::thread::sleep(Duration::from_micros(15_000 + rng.below(60_000)));
        if let Ok(Some(status)) = child.try_wait() {
            panic!("the saver stopped by itself ({status}) before kill {kill}");
        }
        child.kill().expect("SIGKILL");
        let said = child.wait_with_output().expect("reap");
        // The last state the saver said was on disk must still be there.
        let written = String::from_utf8_lossy(&said.stdout)
            .lines()
            .filter_map(|l| l.strip_prefix("written ")?.parse::<usize>().ok())
            .max()
            .unwrap_or(START);
        let n = check(&path, "the session file", kill, &mut expected);
        assert!(
            n >= last,
            "after kill {kill} the file went back from {last} to {n} MOTs"
        );
        assert!(
            n >= written,
            "after kill {kill} the file holds {n} MOTs, but {written} were said written"
        );
        last = n;
        for backup in store::backup::paths(&path) {
            let Ok(meta) = std::fs::metadata(&backup) else {
                continue;
            };
            if seen.insert((backup.clone(), meta.len(), meta.modified().ok())) {
                let b = check(&backup, &backup.display().to_string(), kill, &mut expected);
                assert!(b <= n, "a backup is newer than the file");
            }
        }
    }
    let saves = last - START;
    println!("crash test ({flag}): {saves} saves survived {kills} kills");
    assert!(
        saves >= kills / 10,
        "too few saves ({saves}) happened for the kills to mean anything"
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .expect("ls")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "tmp"))
        .collect();
    assert!(
        leftovers.len() <= 2,
        "stale temporaries pile up: {leftovers:?}"
    );
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match args.iter().position(|a| a == "--child") {
        Some(i) => child(Path::new(&args[i + 1])),
        None if let Some(i) = args.iter().position(|a| a == "--app-child") => {
            app_child(Path::new(&args[i + 1]))
        }
        // `cargo test -- some_filter` and `--list` still run or list nothing useful;
        // the check is quick enough to always run.
        None if args.iter().any(|a| a == "--list") => {
            println!("crash_at_any_moment: test");
            ExitCode::SUCCESS
        }
        None => {
            let t = Instant::now();
            let mut code = parent(Saver::Store);
            if code == ExitCode::SUCCESS {
                code = parent(Saver::App);
            }
            println!("crash test: {:.1} s", t.elapsed().as_secs_f64());
            code
        }
    }
}
