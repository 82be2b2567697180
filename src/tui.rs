//! The terminal: set-up, the event loop, and restoring the terminal on every
//! exit. However the loop ends (quit, a signal, a lost terminal, a panic),
//! the session is saved or put somewhere safe, and the user is told where.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::{shell, tr, ui};

/// How often the loop looks at the writer while it works: what a save came
/// to is on screen this soon after the disk answers.
const WRITER_LOOK: std::time::Duration = std::time::Duration::from_millis(40);

/// How the event loop ended.
enum Ended {
    /// The user quit.
    Quit,
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT (named).
    Signal(&'static str),
}

/// How the app ended, once the terminal is back.
#[derive(Debug)]
pub struct Finished {
    /// What to tell the user (where the session went).
    pub message: Option<String>,
    /// Whether it stopped on a bug, so the exit status can say so.
    pub crashed: bool,
    /// Whether the session could be put nowhere on the way out.
    pub lost: bool,
}

/// The app, shared with the signal watcher: the event loop holds it only
/// while it handles an event or draws, never while it waits for input.
struct Shared {
    app: Mutex<App>,
    /// Set by whoever saves the session on the way out, so it happens once.
    rescued: AtomicBool,
}

impl Shared {
    fn app(&self) -> MutexGuard<'_, App> {
        // A panic while the app was held leaves it as it was: still worth saving.
        self.app
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Saves the session on the way out: `None` when that was done already,
    /// else what to tell the user (nothing when no session was open).
    fn rescue(&self) -> Option<Option<String>> {
        // The flag is set only with the app in hand, so whoever sets it saves
        // before anyone else can close the session.
        let mut app = self.app();
        if self.rescued.swap(true, Ordering::SeqCst) {
            return None;
        }
        Some(shell::rescue(&mut app))
    }

    /// Closes the session, which releases its lock: the app lives in shared
    /// memory now, so it is not dropped by itself before the process ends.
    fn close(&self) {
        let empty = App::picker(std::path::PathBuf::new(), Vec::new());
        drop(std::mem::replace(&mut *self.app(), empty));
    }
}

/// Runs the app until it quits. Blocks on input: no input, no work.
pub fn run(app: App) -> io::Result<Finished> {
    // ratatui's own hook restores raw mode and the screen; this one also turns
    // bracketed paste off, so a panic never leaves the shell pasting oddly.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        previous(info);
    }));
    let shared = Arc::new(Shared {
        app: Mutex::new(app),
        rescued: AtomicBool::new(false),
    });
    let stop = signals::Stop::install(Arc::clone(&shared));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &shared, &stop)
    }));
    // After a panic the hooks already restored the terminal and printed the
    // message on the main screen; leaving the alternate screen again would
    // paint over that message in some terminals.
    if outcome.is_ok() {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        ratatui::restore();
    }
    let done = |message: String, crashed| Finished {
        message: Some(message),
        crashed,
        lost: false,
    };
    let saved = || shared.rescue().flatten().unwrap_or_default();
    let finished = match outcome {
        Ok(Ok(Ended::Quit)) => Ok(Finished {
            message: shared.app().farewell.take(),
            crashed: false,
            lost: false,
        }),
        Ok(Ok(Ended::Signal(name))) => Ok(done(
            tr!("app.exit.signal", signal = name, saved = saved()),
            false,
        )),
        Ok(Err(e)) => Err(io::Error::new(
            e.kind(),
            tr!("app.exit.error", error = e, saved = saved()),
        )),
        // The panic message is already printed by the hook.
        Err(_) => Ok(done(tr!("app.exit.bug", saved = saved()), true)),
    };
    let lost = shared.app().lost;
    shared.close();
    finished.map(|f| Finished {
        lost: f.lost || lost,
        ..f
    })
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    shared: &Shared,
    stop: &signals::Stop,
) -> io::Result<Ended> {
    let mut mouse = false;
    {
        let app = shared.app();
        sync_mouse(&app, &mut mouse);
        terminal.draw(|f| ui::draw(&app, f))?;
    }
    loop {
        // Input is awaited without holding the app, so the watcher can reach
        // it even when the input library never returns. Only a running timer
        // wakes the loop, once a second, to move its clock.
        // While the writer works, the loop also looks every few
        // milliseconds for what its work came to; then it blocks again.
        let (wake, writing) = {
            let app = shared.app();
            let wake = app
                .workshop_ref()
                .and_then(|w| w.timer)
                .and_then(|t| t.next_change(std::time::Instant::now()));
            (wake, shell::writing(&app))
        };
        let wake = match (wake, writing) {
            (Some(after), true) => Some(after.min(WRITER_LOOK)),
            (None, true) => Some(WRITER_LOOK),
            (wake, false) => wake,
        };
        let first = match wake {
            Some(after) if !event::poll(after)? => None,
            _ => Some(event::read()?),
        };
        let mut redraw = false;
        match first {
            None => {
                let mut app = shared.app();
                app.now = std::time::Instant::now();
                if app.workshop_ref().is_some_and(|w| w.timer.is_some()) {
                    shell::dispatch(&mut app, crate::app::Action::Tick);
                    redraw = true;
                }
            }
            Some(mut event) => loop {
                if let Some(name) = stop.received() {
                    return Ok(Ended::Signal(name));
                }
                let mut app = shared.app();
                app.now = std::time::Instant::now();
                redraw |= shell::handle_event(&mut app, &event);
                // The signal watcher speaks the room's language too.
                crate::i18n::set_global(app.language());
                if app.quit {
                    return Ok(Ended::Quit);
                }
                drop(app);
                // Drain what is already queued (a paste burst, a resize storm) before drawing once.
                if !event::poll(std::time::Duration::ZERO)? {
                    break;
                }
                event = event::read()?;
            },
        }
        if let Some(name) = stop.received() {
            return Ok(Ended::Signal(name));
        }
        let mut app = shared.app();
        redraw |= shell::settle(&mut app);
        if std::mem::take(&mut app.bell) {
            use std::io::Write;
            // The bell, once, without taking the screen from whoever types.
            let _ = io::stdout().write_all(b"\x07");
            let _ = io::stdout().flush();
        }
        sync_mouse(&app, &mut mouse);
        if redraw {
            terminal.draw(|f| ui::draw(&app, f))?;
        }
    }
}

/// Captures the mouse or gives it back to the terminal, as the app asks.
fn sync_mouse(app: &App, captured: &mut bool) {
    if app.mouse != *captured {
        let _ = if app.mouse {
            execute!(io::stdout(), EnableMouseCapture)
        } else {
            execute!(io::stdout(), DisableMouseCapture)
        };
        *captured = app.mouse;
    }
}

#[cfg(unix)]
mod signals {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI32, Ordering};
    use std::time::Duration;

    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGWINCH};

    use super::Shared;

    /// Notes SIGTERM, SIGHUP, SIGINT and SIGQUIT and wakes the blocked event
    /// loop so it can save and leave: the terminal library already wakes on
    /// SIGWINCH (a resize), so the watcher raises one. No polling while idle.
    /// (In raw mode Ctrl-C and Ctrl-\ are keys, so SIGINT and SIGQUIT come
    /// only from outside, from `kill` or a supervisor: stopped all the same.)
    ///
    /// When the terminal itself went away (an SSH link dropped), the input
    /// library can spin on the dead terminal and never return; then the
    /// watcher saves the session itself and ends the process.
    pub struct Stop(Arc<AtomicI32>);

    /// The signals that stop the app, each with a save first.
    const STOPS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

    impl Stop {
        pub fn install(shared: Arc<Shared>) -> Stop {
            let got = Arc::new(AtomicI32::new(0));
            let seen = Arc::clone(&got);
            if let Ok(mut signals) = signal_hook::iterator::Signals::new(STOPS) {
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        seen.store(signal, Ordering::SeqCst);
                        let _ = signal_hook::low_level::raise(SIGWINCH);
                        // Time for the event loop to notice and save by itself.
                        std::thread::sleep(Duration::from_secs(1));
                        // Still running: the event loop is stuck. Unless it
                        // is already saving, do it here and end the process.
                        if let Some(message) = shared.rescue() {
                            use std::io::Write;
                            let message = message.unwrap_or_default();
                            shared.close();
                            let _ = writeln!(
                                std::io::stderr(),
                                "{}",
                                crate::tr!("app.exit.signal_stuck", saved = message)
                            );
                            std::process::exit(0);
                        }
                    }
                });
            }
            Stop(got)
        }

        pub fn received(&self) -> Option<&'static str> {
            match self.0.load(Ordering::SeqCst) {
                SIGTERM => Some("SIGTERM"),
                SIGINT => Some("SIGINT"),
                SIGQUIT => Some("SIGQUIT"),
                SIGHUP => Some(crate::tr!("app.exit.sighup")),
                _ => None,
            }
        }
    }
}

#[cfg(not(unix))]
mod signals {
    use std::sync::Arc;

    use super::Shared;

    /// No signals to watch off Unix; closing the console ends the process.
    pub struct Stop;

    impl Stop {
        pub fn install(_shared: Arc<Shared>) -> Stop {
            Stop
        }

        pub fn received(&self) -> Option<&'static str> {
            None
        }
    }
}
