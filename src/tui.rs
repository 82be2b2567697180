//! The terminal: set-up, the event loop, and restoring the terminal on every exit.

use std::io;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::execute;

use crate::app::App;
use crate::{shell, ui};

/// Runs the app until it quits. Blocks on input: no input, no work.
pub fn run(mut app: App) -> io::Result<()> {
    // ratatui's own hook restores raw mode and the screen; this one also turns
    // bracketed paste off, so a panic never leaves the shell pasting oddly.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = ratatui::init();
    let _ = execute!(io::stdout(), EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    terminal.draw(|f| ui::draw(app, f))?;
    while !app.quit {
        let mut redraw = shell::handle_event(app, &event::read()?);
        // Drain what is already queued (a paste burst, a resize storm) before drawing once.
        while !app.quit && event::poll(std::time::Duration::ZERO)? {
            redraw |= shell::handle_event(app, &event::read()?);
        }
        if redraw && !app.quit {
            terminal.draw(|f| ui::draw(app, f))?;
        }
    }
    Ok(())
}
