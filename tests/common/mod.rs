//! Drives the app the way a person does: keys in, screen out.
#![allow(dead_code)]

pub mod breakouts;
pub mod drill;
#[cfg(unix)]
pub mod folder;
pub mod pty;
pub mod screens;
pub mod whole;

use mot::app::{App, Screen, Workshop};
use mot::shell;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// An app plus the helpers a test needs to use it like a person.
pub struct Harness {
    pub app: App,
    _dir: Option<tempfile::TempDir>,
}

impl Harness {
    pub fn new(app: App) -> Harness {
        Harness { app, _dir: None }
    }

    /// A session opened from a fresh temporary folder, so saves land there.
    pub fn with_session(session: mot::model::Session) -> Harness {
        let dir = fast_tempdir();
        let path = dir.path().join("session.ron");
        mot::store::save(&path, &session).expect("save");
        Harness {
            app: App::workshop(session, path),
            _dir: Some(dir),
        }
    }

    pub fn key(&mut self, code: KeyCode) -> &mut Self {
        self.event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    pub fn ctrl(&mut self, c: char) -> &mut Self {
        self.event(Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::CONTROL,
        )))
    }

    pub fn press(&mut self, c: char) -> &mut Self {
        self.key(KeyCode::Char(c))
    }

    pub fn type_text(&mut self, text: &str) -> &mut Self {
        for c in text.chars() {
            self.press(c);
        }
        self
    }

    pub fn paste(&mut self, text: &str) -> &mut Self {
        self.event(Event::Paste(text.to_string()))
    }

    /// One event, then what the event loop shows once the writer is done.
    pub fn event(&mut self, ev: Event) -> &mut Self {
        shell::handle_event(&mut self.app, &ev);
        shell::wait_for_writer(&mut self.app);
        self
    }

    /// The status line's message, or nothing.
    pub fn status(&self) -> String {
        self.app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    pub fn workshop(&self) -> &Workshop {
        match &self.app.screen {
            Screen::Workshop(w) => w,
            Screen::Picker(_) => panic!("no session is open"),
        }
    }

    pub fn workshop_mut(&mut self) -> &mut Workshop {
        match &mut self.app.screen {
            Screen::Workshop(w) => w,
            Screen::Picker(_) => panic!("no session is open"),
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&self, width: u16, height: u16) -> String {
        render(&self.app, width, height)
    }
}

/// An action, then what the event loop shows once the writer is done.
pub fn dispatch(app: &mut App, action: mot::app::Action) {
    shell::dispatch(app, action);
    shell::wait_for_writer(app);
}

/// Opens a session as the picker does, then waits for the writer's first
/// work (the backup at open), as the event loop shows it a moment later.
pub fn open(app: &mut App, path: &std::path::Path, how: mot::app::OpenHow) {
    shell::open(app, path, how);
    shell::wait_for_writer(app);
}

/// A temporary folder in memory when the system has one (/dev/shm): these
/// tests drive thousands of saves, and what they check is not the disk's
/// flush, which the crash and store tests cover on a real disk.
pub fn fast_tempdir() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().expect("tempdir")
}

/// Renders the app on a test terminal and returns its text.
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|f| mot::ui::draw(app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            line.push_str(sym);
            // A wide character covers the next cell, which holds a blank.
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
