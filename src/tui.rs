//! The terminal: set-up, the event loop, and restoring the terminal on every
//! exit. However the loop ends (quit, a signal, a lost terminal, a panic),
//! the session is saved or put somewhere safe, and the user is told where.

use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::{shell, ui};

/// How the event loop ended.
enum Ended {
    /// The user quit.
    Quit,
    /// SIGTERM or SIGHUP (named).
    Signal(&'static str),
}

/// Runs the app until it quits. Blocks on input: no input, no work. Returns
/// what to tell the user once the terminal is back.
pub fn run(mut app: App) -> io::Result<Option<String>> {
    // ratatui's own hook restores raw mode and the screen; this one also turns
    // bracketed paste off, so a panic never leaves the shell pasting oddly.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let stop = signals::Stop::install();
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, &mut app, &stop)
    }));
    // After a panic the hooks already restored the terminal and printed the
    // message on the main screen; leaving the alternate screen again would
    // paint over that message in some terminals.
    if outcome.is_ok() {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
    match outcome {
        Ok(Ok(Ended::Quit)) => Ok(app.farewell.take()),
        Ok(Ok(Ended::Signal(name))) => Ok(Some(format!(
            "Stopped by {name}. {}",
            shell::rescue(&mut app).unwrap_or_default()
        ))),
        Ok(Err(e)) => {
            let saved = shell::rescue(&mut app).unwrap_or_default();
            Err(io::Error::new(e.kind(), format!("{e}. {saved}")))
        }
        // The panic message is already printed by the hook.
        Err(_) => Ok(Some(format!(
            "mot stopped because of a bug (the message above). {}",
            shell::rescue(&mut app).unwrap_or_default()
        ))),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    stop: &signals::Stop,
) -> io::Result<Ended> {
    terminal.draw(|f| ui::draw(app, f))?;
    loop {
        if app.quit {
            return Ok(Ended::Quit);
        }
        let event = event::read()?;
        if let Some(name) = stop.received() {
            return Ok(Ended::Signal(name));
        }
        let mut redraw = shell::handle_event(app, &event);
        // Drain what is already queued (a paste burst, a resize storm) before drawing once.
        while !app.quit && event::poll(std::time::Duration::ZERO)? {
            redraw |= shell::handle_event(app, &event::read()?);
        }
        if let Some(name) = stop.received() {
            return Ok(Ended::Signal(name));
        }
        if redraw && !app.quit {
            terminal.draw(|f| ui::draw(app, f))?;
        }
    }
}

#[cfg(unix)]
mod signals {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicI32, Ordering};

    use signal_hook::consts::{SIGHUP, SIGTERM, SIGWINCH};

    /// Notes SIGTERM and SIGHUP, and wakes the blocked event loop so it can
    /// save and leave: the terminal library already wakes on SIGWINCH (a
    /// resize), so a watcher thread raises one. No polling while idle.
    pub struct Stop(Arc<AtomicI32>);

    impl Stop {
        pub fn install() -> Stop {
            let got = Arc::new(AtomicI32::new(0));
            let seen = Arc::clone(&got);
            if let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) {
                std::thread::spawn(move || {
                    for signal in signals.forever() {
                        seen.store(signal, Ordering::SeqCst);
                        let _ = signal_hook::low_level::raise(SIGWINCH);
                    }
                });
            }
            Stop(got)
        }

        pub fn received(&self) -> Option<&'static str> {
            match self.0.load(Ordering::SeqCst) {
                SIGTERM => Some("SIGTERM"),
                SIGHUP => Some("SIGHUP (the terminal went away)"),
                _ => None,
            }
        }
    }
}

#[cfg(not(unix))]
mod signals {
    /// No signals to watch off Unix; closing the console ends the process.
    pub struct Stop;

    impl Stop {
        pub fn install() -> Stop {
            Stop
        }

        pub fn received(&self) -> Option<&'static str> {
            None
        }
    }
}
