//! The terminal: set-up, the event loop, and restoring the terminal on every
//! exit. However the loop ends (quit, a signal, a lost terminal, a panic),
//! the session is saved or put somewhere safe, and the user is told where.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, mpsc};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::store::writer::Waker;
use crate::{shell, tr, ui};

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
    // A panic gives the terminal back (raw mode, the screen, bracketed
    // paste, the mouse) before its message, so the shell is left as it was.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // Quietly: on a terminal that went away a loud failure here would
        // panic inside the hook, and that aborts before the session is saved.
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        let _ = ratatui::try_restore();
        previous(info);
    }));
    let (tx, wakes) = mpsc::channel();
    let mut app = app;
    // The writer tells the loop when a save is done: the loop shows what
    // it came to at once, and blocks otherwise.
    let written = tx.clone();
    let waker = Waker::new(move || {
        let _ = written.send(Wake::Written);
    });
    if let Some(w) = app.workshop_ref() {
        w.file.set_waker(waker.clone());
    }
    app.waker = Some(waker);
    let shared = Arc::new(Shared {
        app: Mutex::new(app),
        rescued: AtomicBool::new(false),
    });
    let stop = signals::Stop::install(Arc::clone(&shared), tx.clone());
    let mut terminal = match start_terminal() {
        Ok(terminal) => terminal,
        Err(e) => {
            let _ = ratatui::try_restore();
            // The session was opened before the terminal failed: its writer
            // finishes what it holds and its lock goes, as on a quit.
            shared.close();
            return Err(e);
        }
    };
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        // Without the input thread the loop would wait for nothing.
        read_input(tx)?;
        event_loop(&mut terminal, &shared, &stop, &wakes)
    }));
    // After a panic the hooks already restored the terminal and printed the
    // message on the main screen; leaving the alternate screen again would
    // paint over that message in some terminals.
    if outcome.is_ok() {
        let _ = execute!(io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        // Quietly: a terminal that went away cannot be restored, and saying
        // so on it would fail too (and `eprintln!` panics when it fails).
        let _ = ratatui::try_restore();
    }
    // Dropping a terminal whose cursor cannot be shown again prints that
    // with `eprintln!`: on a terminal that went away, that panics.
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
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

/// Raw mode and the alternate screen, as `ratatui::init` does, but without
/// its panic hook: that one says a failed restore with `eprintln!`, which
/// panics inside the hook on a terminal that went away (and so aborts).
fn start_terminal() -> io::Result<DefaultTerminal> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// What wakes the event loop: it blocks on these and on nothing else.
enum Wake {
    /// A terminal event, read by the input thread.
    Input(event::Event),
    /// Reading the terminal failed.
    InputFailed(io::Error),
    /// The writer finished a job: what it came to is to be shown.
    Written,
    /// A stop signal came (its name is with the watcher).
    Stop,
}

/// Reads the terminal on a thread of its own and hands each event to the
/// loop, so that the loop can wait for input, the writer and the signals
/// at once. It ends when the loop is gone (or the terminal fails).
fn read_input(tx: mpsc::Sender<Wake>) -> io::Result<()> {
    std::thread::Builder::new()
        .name("mot-input".into())
        .spawn(move || {
            loop {
                let wake = match event::read() {
                    Ok(event) => Wake::Input(event),
                    Err(e) => {
                        let _ = tx.send(Wake::InputFailed(e));
                        return;
                    }
                };
                if tx.send(wake).is_err() {
                    return;
                }
            }
        })
        .map(drop)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    shared: &Shared,
    stop: &signals::Stop,
    wakes: &mpsc::Receiver<Wake>,
) -> io::Result<Ended> {
    let mut mouse = false;
    {
        let mut app = shared.app();
        // What the command line asked to start with (`--room`).
        shell::settle(&mut app);
        sync_mouse(&app, &mut mouse);
        terminal.draw(|f| ui::draw(&app, f))?;
    }
    let gone = || io::Error::other("the terminal input ended");
    loop {
        // The loop waits without holding the app, so the watcher can reach
        // it whatever happens. Only a running timer wakes it by itself,
        // once a second, to move its clock; the writer and the signal
        // watcher wake it through the same channel as the keys.
        let wake = shared
            .app()
            .workshop_ref()
            .and_then(|w| w.timer)
            .and_then(|t| t.next_change(std::time::Instant::now()));
        let first = match wake {
            Some(after) => match wakes.recv_timeout(after) {
                Ok(w) => Some(w),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(gone()),
            },
            None => Some(wakes.recv().map_err(|_| gone())?),
        };
        let mut redraw = false;
        match first {
            None => {
                let mut app = shared.app();
                app.now = std::time::Instant::now();
                shell::dispatch(&mut app, crate::app::Action::Tick);
                redraw = true;
            }
            Some(mut wake) => loop {
                if let Some(name) = stop.received() {
                    return Ok(Ended::Signal(name));
                }
                match wake {
                    Wake::Input(event) => {
                        let mut app = shared.app();
                        app.now = std::time::Instant::now();
                        redraw |= shell::handle_event(&mut app, &event);
                        // The signal watcher speaks the room's language too.
                        crate::i18n::set_global(app.language());
                        if app.quit {
                            return Ok(Ended::Quit);
                        }
                    }
                    Wake::InputFailed(e) => return Err(e),
                    Wake::Written | Wake::Stop => {}
                }
                // Take what is already waiting (a paste burst, a resize
                // storm, a save's report) before drawing once.
                match wakes.try_recv() {
                    Ok(next) => wake = next,
                    Err(_) => break,
                }
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
        if let Some(sequence) = app.clipboard.take() {
            use std::io::Write;
            // Between frames, like the bell: the terminal copies, draws nothing.
            let _ = io::stdout().write_all(sequence.as_bytes());
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

    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};

    use super::{Shared, Wake};

    /// Notes SIGTERM, SIGHUP, SIGINT and SIGQUIT and wakes the blocked event
    /// loop (through its channel) so it can save and leave. No polling while idle.
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
        pub fn install(shared: Arc<Shared>, wake: std::sync::mpsc::Sender<Wake>) -> Stop {
            let got = Arc::new(AtomicI32::new(0));
            let seen = Arc::clone(&got);
            if let Ok(mut signals) = signal_hook::iterator::Signals::new(STOPS) {
                std::thread::spawn(move || {
                    if let Some(signal) = signals.forever().next() {
                        seen.store(signal, Ordering::SeqCst);
                        let _ = wake.send(Wake::Stop);
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

    use super::{Shared, Wake};

    /// No signals to watch off Unix; closing the console ends the process.
    pub struct Stop;

    impl Stop {
        pub fn install(_shared: Arc<Shared>, _wake: std::sync::mpsc::Sender<Wake>) -> Stop {
            Stop
        }

        pub fn received(&self) -> Option<&'static str> {
            None
        }
    }
}
