//! Random keys, pastes and sizes through the real keymap and update step:
//! nothing panics and the session always stays valid.

mod common;

use common::Harness;
use mot::model::Session;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// A small deterministic generator, so a failure replays exactly.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[(self.next() as usize) % items.len()]
    }
}

const KEYS: &[KeyCode] = &[
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Backspace,
    KeyCode::Delete,
];
const CHARS: &[char] = &[
    'n', 'a', 'g', 'd', 'y', 'e', 'm', 'r', ']', '[', '+', '-', '1', '2', '3', '4', '5', '6', '7',
    '8', '9', '0', ' ', '你', '好', 'x', '?', 'q', '😀', 'u',
];

#[test]
fn random_sessions_of_keys_never_break_anything() {
    let mut explored = (0, 0, 0);
    for seed in 1..=8u64 {
        let mut rng = Lcg(seed);
        // Half the walks start empty, half from a full example session.
        let start = if seed % 2 == 0 {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("sessions/海底捞-门店体验.ron");
            mot::store::load(&path).expect("example loads")
        } else {
            Session::new("随机")
        };
        let mut h = Harness::with_session(start);
        for step in 0..1500 {
            let ev = match rng.next() % 12 {
                0..=3 => Event::Key(KeyEvent::new(rng.pick(KEYS), KeyModifiers::NONE)),
                4..=8 => Event::Key(KeyEvent::new(
                    KeyCode::Char(rng.pick(CHARS)),
                    KeyModifiers::NONE,
                )),
                // Control keys as a terminal sends them (Ctrl-C quits, Ctrl-S saves, Ctrl-Z/R/Y undo and redo).
                9 => Event::Key(KeyEvent::new(
                    KeyCode::Char(rng.pick(&['a', 'c', 'e', 'k', 'r', 's', 'u', 'w', 'y', 'z'])),
                    KeyModifiers::CONTROL,
                )),
                // The terminal resized mid-edit, down to nothing and up to a wall.
                10 => Event::Resize(1 + (rng.next() % 300) as u16, 1 + (rng.next() % 100) as u16),
                _ => Event::Paste(match rng.next() % 4 {
                    0 => "长长的一段\n粘贴文字\t含制表符\r\n第二行".to_string(),
                    1 => "\u{7}\u{1b}[31m\u{0}e\u{301}\u{200b}".to_string(),
                    2 => "很长的场景描述，".repeat(1500),
                    _ => String::new(),
                }),
            };
            h.event(ev);
            // Quitting is a real outcome; start over rather than stop exploring.
            if h.app.quit {
                h.app.quit = false;
            }
            if let Err(e) = h.workshop().session.validate() {
                panic!("seed {seed} step {step}: {e}");
            }
            // The figures kept between changes are the session's own: no
            // path changes the session without them being worked out again.
            if step % 5 == 0 {
                let w = h.workshop();
                let s = &w.session;
                let fresh = mot::app::derived::Derived::default();
                assert_eq!(
                    w.derived.ranking(s),
                    fresh.ranking(s),
                    "seed {seed} step {step}: a stale ranking"
                );
                assert_eq!(
                    w.derived.matrix(s),
                    fresh.matrix(s),
                    "seed {seed} step {step}"
                );
                assert_eq!(
                    w.derived.untagged(s),
                    fresh.untagged(s),
                    "seed {seed} step {step}"
                );
                assert_eq!(
                    w.derived.needs_work(s),
                    fresh.needs_work(s),
                    "seed {seed} step {step}"
                );
            }
            // What is on disk is always whole, and is the session whenever
            // the app says it is saved.
            if step % 50 == 0 {
                let w = h.workshop();
                let on_disk = mot::store::load(w.path())
                    .unwrap_or_else(|e| panic!("seed {seed} step {step}: the file broke: {e}"));
                assert!(
                    w.unsaved || on_disk == w.session,
                    "seed {seed} step {step}: file and memory differ"
                );
            }
            if step % 7 == 0 {
                let w = 1 + (rng.next() % 300) as u16;
                let ht = 1 + (rng.next() % 100) as u16;
                h.screen(w, ht);
            }
        }
        let s = &h.workshop().session;
        explored.0 += s.mots.len();
        explored.1 += s.participants.len();
        explored.2 += s.dots.len() + s.mots.iter().map(|m| m.hands.len()).sum::<usize>();
        for m in &h.workshop().session.mots {
            for text in [&m.who, &m.situation, &m.feeling] {
                assert!(
                    !text.chars().any(char::is_control),
                    "seed {seed}: control character kept in {text:?}"
                );
            }
        }
    }
    // The walk must reach the interesting states, or it proves nothing.
    let (mots, people, votes) = explored;
    assert!(mots > 0 && people > 0 && votes > 0, "explored {explored:?}");
}
