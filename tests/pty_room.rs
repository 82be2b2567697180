//! The real binary in a real terminal: it sleeps while nothing happens, ticks
//! once a second only while a timer runs, answers the mouse, and speaks the
//! locale's language.

mod common;

use std::time::{Duration, Instant};

use common::pty::Term;

/// CPU time the process used so far, in clock ticks (Linux only).
#[cfg(target_os = "linux")]
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 11 and 12 here.
    let utime: u64 = fields.get(11).and_then(|f| f.parse().ok()).expect("utime");
    let stime: u64 = fields.get(12).and_then(|f| f.parse().ok()).expect("stime");
    utime + stime
}

fn session_dir(title: &str, stage: mot::model::Stage) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = mot::model::Session::new(title);
    s.add_mot(mot::model::MotText {
        who: "A guest".into(),
        situation: "arriving late after a delayed flight".into(),
        feeling: "they kept my room".into(),
    });
    s.stage = stage;
    mot::store::save(&dir.path().join("s.ron"), &s).expect("save");
    dir
}

#[cfg(target_os = "linux")]
#[test]
fn it_sleeps_when_idle_and_ticks_only_while_a_timer_runs() {
    let dir = session_dir("Idle", mot::model::Stage::Write);
    let path = dir.path().join("s.ron");
    let mut t = Term::start(&["open", &path.to_string_lossy()], 80, 24);
    t.wait_for("Idle");
    std::thread::sleep(Duration::from_millis(300));
    let before = cpu_ticks(t.pid());
    std::thread::sleep(Duration::from_secs(2));
    let idle = cpu_ticks(t.pid()) - before;
    assert!(idle <= 2, "idle used {idle} ticks of CPU in 2 s");

    t.send("t");
    t.wait_for("15:00");
    let started = Instant::now();
    t.wait_for("14:58");
    assert!(started.elapsed() < Duration::from_secs(4));
    // Running, it wakes once a second: still next to nothing.
    let before = cpu_ticks(t.pid());
    std::thread::sleep(Duration::from_secs(2));
    let running = cpu_ticks(t.pid()) - before;
    assert!(running <= 10, "a running timer used {running} ticks in 2 s");
    // Paused, the clock stands still.
    t.send("t");
    t.wait_for("paused");
    let shown = t.contents();
    std::thread::sleep(Duration::from_millis(2200));
    let clock = |s: &str| {
        s.lines()
            .find(|l| l.contains("paused"))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert_eq!(clock(&t.contents()), clock(&shown));
    t.send("q");
    assert!(t.wait_exit());
}

#[test]
fn a_click_on_the_stage_bar_moves_the_room_there() {
    let dir = session_dir("Clicks", mot::model::Stage::Write);
    let path = dir.path().join("s.ron");
    let mut t = Term::start(&["open", &path.to_string_lossy()], 80, 24);
    t.wait_for("Clicks");
    let bar = t.row(0);
    let col = bar.find("Matrix").expect("Matrix on the bar");
    let col = bar[..col].chars().count() + 1;
    // An SGR mouse press and release of the left button (1-based cells).
    t.send(&format!("\x1b[<0;{col};1M\x1b[<0;{col};1m"));
    t.wait_until("the matrix", |t| t.row(0).contains("▶5 Matrix"));
    t.send("q");
    assert!(t.wait_exit());
    let saved = mot::store::load(&path).expect("loads");
    assert_eq!(saved.stage, mot::model::Stage::Matrix);
}

#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let dir = session_dir("语言", mot::model::Stage::Matrix);
    let path = dir.path().join("s.ron");
    let mut cmd = Term::mot(&["open", &path.to_string_lossy()]);
    cmd.env("LANG", "zh_TW.UTF-8");
    let mut t = Term::spawn(cmd, 80, 24);
    t.wait_until("Traditional Chinese", |t| t.row(0).contains("矩陣"));
    t.send("q");
    assert!(t.wait_exit());

    let mut cmd = Term::mot(&["--lang", "en", "open", &path.to_string_lossy()]);
    cmd.env("LANG", "zh_CN.UTF-8");
    let mut t = Term::spawn(cmd, 80, 24);
    t.wait_until("English", |t| t.row(0).contains("Matrix"));
    // L switches inside the app, and the session remembers it.
    t.send("L");
    t.wait_until("Simplified Chinese", |t| t.row(0).contains("矩阵"));
    t.send("q");
    assert!(t.wait_exit());
    let saved = mot::store::load(&path).expect("loads");
    assert_eq!(
        saved.language,
        Some(mot::model::Language::SimplifiedChinese)
    );
}
