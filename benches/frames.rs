//! Key to finished frame on every stage, against a floor measured in turn
//! with it: a bare ratatui `List` of the very rows that stage shows, on the
//! same test backend. Prints each figure and its ratio to the floor; then
//! load, open and save, and the real binary on a pseudo-terminal (first
//! frame from process start, resident memory).
//!
//! `cargo bench` runs sessions of 1,000, 10,000 and 100,000 MOTs (about a
//! minute and a half once built); `cargo bench --bench frames -- --quick`
//! leaves out 100,000.

use std::hint::black_box;
use std::time::{Duration, Instant};

use mot::app::{App, Stage};
use mot::model::{Dimension, MotText, Quality, Session};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::widgets::{List, ListState};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;
/// How long each figure is measured for, at most (and at least 5 runs).
const BUDGET: Duration = Duration::from_secs(2);

/// A session as the issue measured it: 40 participants in the four groups,
/// 20 dots each, hands on 40 % of MOTs, every MOT tagged, votes revealed.
/// The title of every generated session (what the first frame shows).
const TITLE: &str = "Benchmark workshop";

fn session(n: usize) -> Session {
    let mut s = Session::new(TITLE);
    s.dot_budget = 20;
    s.max_dots_per_mot = 2;
    let people: Vec<u32> = (0..40)
        .filter_map(|i| s.add_participant(&format!("P{i}"), 1 + (i % 4)).ok())
        .collect();
    for i in 0..n {
        let id = s.add_mot(MotText {
            who: format!("guest {i}"),
            situation: format!("arriving at branch {i} after a delayed flight, late at night"),
            feeling: "they kept my room".into(),
        });
        let _ = s.set_dimension(id, Some(Dimension::ALL[i % 4]));
        let _ = s.toggle_quality(id, Quality::ALL[i % 5]);
        if i % 5 < 2 {
            let _ = s.set_hands(id, 1 + (i % 4) as u32, (i % 9) as u32);
        }
    }
    for (k, p) in people.iter().enumerate() {
        for d in 0..20 {
            let mot = 1 + ((k * 97 + d * 31) % n.max(1)) as u32;
            let _ = s.add_dot(*p, mot);
        }
    }
    s.votes_revealed = true;
    // A drill under way: the four library cards, the forty in trios, three
    // rounds of sheets; the Drill stage opens on its round.
    for card in mot::model::drill::cards::library(mot::model::Language::English) {
        s.drill.add_card(card);
    }
    let _ = s.drill.form_trios(&people);
    for round in 0..3 {
        s.drill.round = round;
        for t in s.drill.this_round() {
            let sheet = s.drill.sheet_mut(t.trio, t.roles.staff);
            sheet.scores = [Some(4), Some(2), Some(3), Some(5), Some(4)];
            sheet.comments[1] = format!("round {round}: asked no open question");
        }
    }
    s
}

/// The medians of `f` and of the floor, run in turn within [`BUDGET`], so
/// that both see the same machine (clock speed, caches, the writer's work).
fn against_floor(floor: &mut Floor, mut f: impl FnMut()) -> (Duration, Duration) {
    let (mut runs, mut floors) = (Vec::new(), Vec::new());
    let start = Instant::now();
    while runs.len() < 5 || (start.elapsed() < BUDGET && runs.len() < 300) {
        let t = Instant::now();
        floor.frame();
        floors.push(t.elapsed());
        let t = Instant::now();
        f();
        runs.push(t.elapsed());
    }
    runs.sort();
    floors.sort();
    (runs[runs.len() / 2], floors[floors.len() / 2])
}

/// Key to frame on Tag while forty phones send to the room.
fn with_phones(app: &mut App, terminal: &mut Terminal<TestBackend>) -> (Duration, Duration) {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    app.listen = mot::serve::Listen::At("127.0.0.1:0".parse().expect("address"));
    mot::shell::dispatch(app, mot::app::Action::Room);
    mot::shell::dispatch(app, mot::app::Action::Cancel);
    let Some(address) = app.workshop_ref().and_then(|w| w.phones.address.clone()) else {
        println!("the room did not open");
        return (Duration::ZERO, Duration::from_nanos(1));
    };
    let stop = Arc::new(AtomicBool::new(false));
    let phones: Vec<_> = (0..40)
        .map(|i| {
            let stop = Arc::clone(&stop);
            let (link, base) = (address.link.clone(), address.short.clone());
            std::thread::spawn(move || phone(i, &link, &base, &stop))
        })
        .collect();
    terminal.draw(|f| mot::ui::draw(app, f)).expect("draw");
    let mut same_rows = Floor::of_screen(terminal);
    let mut down = true;
    let t = against_floor(&mut same_rows, || {
        let code = if down { KeyCode::Down } else { KeyCode::Up };
        down = !down;
        mot::shell::handle_event(app, &key(code));
        mot::shell::settle(app);
        terminal.draw(|f| mot::ui::draw(app, f)).expect("draw");
    });
    stop.store(true, Ordering::Relaxed);
    // Phones waiting for an answer get it, then see the stop.
    let deadline = Instant::now() + Duration::from_secs(30);
    while !phones.iter().all(|p| p.is_finished()) && Instant::now() < deadline {
        mot::shell::settle(app);
        std::thread::sleep(Duration::from_millis(5));
    }
    let answered: usize = phones.into_iter().filter_map(|p| p.join().ok()).sum();
    println!("         (the phones' changes answered while measuring: {answered})");
    mot::shell::dispatch(app, mot::app::Action::Room);
    mot::shell::dispatch(app, mot::app::Action::Room);
    t
}

/// One phone: in through the link, a name of its own, then its MOTs and
/// its name let go, again and again until `stop`. Returns the asks answered.
fn phone(i: usize, link: &str, base: &str, stop: &std::sync::atomic::AtomicBool) -> usize {
    use std::sync::atomic::Ordering;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into();
    let Ok(r) = agent.get(link).call() else {
        return 0;
    };
    let Some(cookie) = r
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
    else {
        return 0;
    };
    let post = |path: &str, body: serde_json::Value| -> Option<serde_json::Value> {
        let mut r = agent
            .post(format!("{base}{path}"))
            .header("Cookie", &cookie)
            .send_json(&body)
            .ok()?;
        r.body_mut().read_json().ok()
    };
    if post(
        "/api/join",
        serde_json::json!({ "name": format!("Phone {i}"), "group": 1 + (i % 4) }),
    )
    .is_none()
    {
        return 0;
    }
    let mut answered = 1;
    let mut k = 0;
    while !stop.load(Ordering::Relaxed) {
        let body = if k < 10 {
            post(
                "/api/mot",
                serde_json::json!({ "who": format!("guest {i}-{k}"), "situation": "at the desk, late at night after a long drive", "feeling": "welcome" }),
            )
        } else {
            post("/api/leave", serde_json::json!({}))
        };
        k += 1;
        if body.is_some() {
            answered += 1;
        }
        let _ = agent
            .get(format!("{base}/api/state"))
            .header("Cookie", &cookie)
            .call();
    }
    answered
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The real binary on a 200x50 pseudo-terminal, opening `path`: how long
/// from starting the process to the first frame (the session's title on
/// screen), its resident memory once open, and after 50 changes (a tag
/// toggled on and off, each written by the writer).
fn in_terminal(path: &std::path::Path) -> Option<(Duration, u64, u64)> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: HEIGHT,
            cols: WIDTH,
            pixel_width: 0,
            pixel_height: 0,
        })
        .ok()?;
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_mot"));
    cmd.args(["open".as_ref(), path.as_os_str()]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    let mut reader = pty.master.try_clone_reader().ok()?;
    let mut writer = pty.master.take_writer().ok()?;
    let (seen, saw) = std::sync::mpsc::channel();
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).ok()?;
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 65536];
        let mut told = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
            if !told && all.windows(TITLE.len()).any(|w| w == TITLE.as_bytes()) {
                told = seen.send(started.elapsed()).is_ok();
            }
        }
    });
    let first = saw.recv_timeout(Duration::from_secs(30)).ok();
    let pid = child.process_id()?;
    let rss = || -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    // The backup at open is written beside: let it finish.
    std::thread::sleep(Duration::from_millis(800));
    let open = rss();
    // Setup, Write, Tag; then a quality on and off, fifty times.
    let _ = writer.write_all(b"\t\t");
    std::thread::sleep(Duration::from_millis(300));
    for _ in 0..50 {
        let _ = writer.write_all(b"5");
        let _ = writer.flush();
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(1500));
    let changed = rss();
    let _ = child.kill();
    let _ = child.wait();
    Some((first?, open?, changed?))
}

/// The floor: a bare list of the visible rows whose selection moves.
struct Floor {
    rows: Vec<String>,
    terminal: Terminal<TestBackend>,
    state: ListState,
}

impl Floor {
    fn new() -> Floor {
        Floor::of(
            (0..usize::from(HEIGHT)).map(|i| {
                format!("{i:>6}  guest {i}, arriving at branch {i} after a delayed flight")
            }),
        )
    }

    /// A floor of these rows.
    fn of(rows: impl IntoIterator<Item = String>) -> Floor {
        Floor {
            rows: rows.into_iter().collect(),
            terminal: Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("backend"),
            state: ListState::default().with_selected(Some(0)),
        }
    }

    /// A floor of the rows a screen shows: its text as drawn, line by line.
    fn of_screen(terminal: &Terminal<TestBackend>) -> Floor {
        let buffer = terminal.backend().buffer();
        Floor::of((0..buffer.area.height).map(|y| {
            let mut row = String::new();
            for x in 0..buffer.area.width {
                row.push_str(buffer[(x, y)].symbol());
            }
            row.trim_end().to_string()
        }))
    }

    /// Move the selection, draw.
    fn frame(&mut self) {
        let next = self
            .state
            .selected()
            .map_or(0, |i| (i + 1) % self.rows.len());
        self.state.select(Some(next));
        let list = List::new(self.rows.iter().map(String::as_str)).highlight_symbol("▶ ");
        let state = &mut self.state;
        self.terminal
            .draw(|f| f.render_stateful_widget(list, f.area(), state))
            .expect("draw");
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let sizes: &[usize] = if quick {
        &[1_000, 10_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    let mut floor = Floor::new();
    println!(
        "floor: a bare ratatui List at {WIDTH}x{HEIGHT} of the rows the stage shows (of {HEIGHT} short rows for load, open and save), run in turn with each figure"
    );
    println!(
        "{:>8} {:<10} {:>12} {:>12} {:>8}",
        "MOTs", "what", "median", "floor", "ratio"
    );
    let dir = std::env::temp_dir().join(format!("mot-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let report = |n: usize, what: &str, (t, floor): (Duration, Duration)| {
        let ratio = t.as_secs_f64() / floor.as_secs_f64();
        println!("{n:>8} {what:<10} {t:>12.2?} {floor:>12.2?} {ratio:>7.1}x");
    };
    for &n in sizes {
        let s = session(n);
        let path = dir.join(format!("bench-{n}.ron"));
        mot::store::save(&path, &s).expect("save");
        let bytes = std::fs::read(&path).expect("read");
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("backend");
        // Reading: bytes to session.
        report(
            n,
            "load",
            against_floor(&mut floor, || {
                black_box(mot::store::decode_bytes(&path, &bytes).expect("decodes"));
            }),
        );
        // Opening: bytes to first frame.
        report(
            n,
            "open",
            against_floor(&mut floor, || {
                let d = mot::store::decode_bytes(&path, &bytes).expect("decodes");
                let app = App::workshop(d.session, path.clone());
                terminal.draw(|f| mot::ui::draw(&app, f)).expect("draw");
            }),
        );
        // What the writer does per save: the text, the flush, the rename.
        report(
            n,
            "save",
            against_floor(&mut floor, || {
                mot::store::save(&path, black_box(&s)).expect("save")
            }),
        );
        // Key to frame on every stage; a key that moves, not one that changes.
        let mut app = App::workshop(s.clone(), path.clone());
        for stage in Stage::ALL {
            while app.workshop_ref().is_some_and(|w| w.stage() != stage) {
                mot::shell::handle_event(&mut app, &key(KeyCode::Tab));
            }
            mot::shell::wait_for_writer(&mut app);
            // The floor draws the very rows this stage shows.
            terminal.draw(|f| mot::ui::draw(&app, f)).expect("draw");
            let mut same_rows = Floor::of_screen(&terminal);
            let mut down = true;
            let t = against_floor(&mut same_rows, || {
                let code = if down { KeyCode::Down } else { KeyCode::Up };
                down = !down;
                mot::shell::handle_event(&mut app, &key(code));
                terminal.draw(|f| mot::ui::draw(&app, f)).expect("draw");
            });
            report(n, stage.name(), t);
        }
        // One change: a tag toggled and the frame after it; the writer
        // saves beside (as in the room, a burst of changes).
        while app.workshop_ref().is_some_and(|w| w.stage() != Stage::Tag) {
            mot::shell::handle_event(&mut app, &key(KeyCode::Tab));
        }
        terminal.draw(|f| mot::ui::draw(&app, f)).expect("draw");
        let mut same_rows = Floor::of_screen(&terminal);
        report(
            n,
            "change",
            against_floor(&mut same_rows, || {
                mot::shell::handle_event(&mut app, &key(KeyCode::Char('5')));
                mot::shell::settle(&mut app);
                terminal.draw(|f| mot::ui::draw(&app, f)).expect("draw");
            }),
        );
        // The same key to frame with the room open and forty phones busy:
        // each sends its ten MOTs a minute, then lets its name go again and
        // again (each an ask the loop applies), and asks for news; the loop
        // answers them between the facilitator's keys.
        report(n, "40 phones", with_phones(&mut app, &mut terminal));
        mot::shell::wait_for_writer(&mut app);
        drop(app);
        match in_terminal(&path) {
            Some((first, open, changed)) => println!(
                "{n:>8} in a real terminal: first frame {first:.2?} from process start; resident {:.1} MiB open, {:.1} MiB after 50 changes",
                open as f64 / 1024.0,
                changed as f64 / 1024.0
            ),
            None => println!("{n:>8} in a real terminal: could not run the binary"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
