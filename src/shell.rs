//! Carries out what `update` asks for: saving, opening, creating. This is the
//! only place, besides the command line, that touches files.

use std::path::Path;

use crossterm::event::Event;

use crate::app::keymap::action_for;
use crate::app::{Action, App, Effect, Screen, update};
use crate::store;

/// Turns a terminal event into an action (keys through the keymap, paste as text).
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => action_for(app, *key),
        Event::Paste(text) if app.typing() => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

/// Applies an action and carries out its effects.
pub fn dispatch(app: &mut App, action: Action) {
    let effects = update(app, action);
    run_effects(app, effects);
}

/// Handles one terminal event end to end. Returns whether the screen may have changed.
pub fn handle_event(app: &mut App, event: &Event) -> bool {
    match action_for_event(app, event) {
        Some(action) => {
            dispatch(app, action);
            true
        }
        None => matches!(event, Event::Resize(..)),
    }
}

/// Saves the open session; on failure says why (briefly) and returns the reason.
pub fn save(app: &mut App) -> Option<String> {
    let Screen::Workshop(w) = &mut app.screen else {
        return None;
    };
    match store::save(&w.path, &w.session) {
        Ok(()) => {
            w.unsaved = false;
            None
        }
        Err(e) => {
            w.unsaved = true;
            let reason = match &e {
                store::StoreError::Io { source, .. } => source.to_string(),
                other => other.to_string(),
            };
            // Short enough for one line at 80 columns: the title is on the bar above.
            app.error(format!(
                "Not saved ({reason}). Kept in memory; retries on next change."
            ));
            Some(reason)
        }
    }
}

fn run_effects(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Save => {
                save(app);
            }
            Effect::Quit => quit(app),
            Effect::Open(path) => open(app, &path),
            Effect::Create(title) => create(app, &title),
        }
    }
}

/// Quits after saving; a failed save keeps the app open once, so the room's
/// work is never thrown away by a single key.
fn quit(app: &mut App) {
    if let Some(reason) = save(app)
        && !app.quit_confirmed
    {
        app.quit = false;
        app.quit_confirmed = true;
        app.error(format!(
            "Not saved ({reason}). q again quits WITHOUT saving."
        ));
    }
}

fn open(app: &mut App, path: &Path) {
    match store::load(path) {
        Ok(session) => {
            app.open(session, path.to_path_buf());
            app.info(format!("Opened {}.", path.display()));
        }
        Err(e) => app.error(format!("Cannot open: {e}")),
    }
}

fn create(app: &mut App, title: &str) {
    let Screen::Picker(p) = &app.screen else {
        return;
    };
    let dir = p.dir.clone();
    let path = store::unique_path(&dir, title);
    let session = crate::app::update::new_session(title);
    match store::save(&path, &session) {
        Ok(()) => {
            app.open(session, path.clone());
            app.info(format!(
                "Created {}. Fill in the setup, then Tab to Write.",
                path.display()
            ));
        }
        Err(e) => app.error(format!("Could not create the session: {e}")),
    }
}
