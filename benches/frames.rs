//! Key to finished frame on every stage, against a floor measured in the
//! same run: a bare ratatui `List` of the same number of visible rows on
//! the same test backend. Prints each figure and its ratio to the floor.
//!
//! `cargo bench` runs sessions of 1,000 and 10,000 MOTs;
//! `cargo bench -- --full` adds 100,000 (slow while frames are not yet
//! bounded by the screen).

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
fn session(n: usize) -> Session {
    let mut s = Session::new("Benchmark workshop");
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

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
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
    let full = std::env::args().any(|a| a == "--full");
    let sizes: &[usize] = if full {
        &[1_000, 10_000, 100_000]
    } else {
        &[1_000, 10_000]
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
        mot::shell::wait_for_writer(&mut app);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
