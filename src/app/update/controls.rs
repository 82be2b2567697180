//! How the room sees and works the app: language, theme, presenting, the
//! mouse, and the timers (a stage's timebox, the drill's round clock).

use super::*;

/// The timer's second: rings once when the timebox runs out.
pub(super) fn tick(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Screen::Workshop(w) = &mut app.screen else {
        return Vec::new();
    };
    let Some(timer) = &mut w.timer else {
        return Vec::new();
    };
    if !timer.tick(now) {
        return Vec::new();
    }
    // The drill's clock runs its phases one after another.
    if timer.stage == Stage::Drill {
        let text = drill::phase_over(w, now);
        app.error(text);
        return vec![Effect::Bell];
    }
    let text = tr!(
        "room.timer.up",
        stage = timer.stage.name(),
        minutes = timer.length.as_secs() / 60
    );
    app.error(text);
    vec![Effect::Bell]
}

/// How the room sees and works the app: language, theme, presenting, the
/// mouse, the timer. `None` when the action is not one of these.
pub(super) fn room(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
    let mut effects = Vec::new();
    match action {
        Action::SwitchLanguage => {
            let next = app.language().next();
            // Kept by the session when it can be (so undo takes it back);
            // else only this window speaks it.
            if remember(app, |s| s.language = Some(next), &mut effects) {
                app.look.language_forced = false;
            } else {
                app.look.language = next;
                app.look.language_forced = app.workshop_ref().is_some();
            }
            crate::i18n::set(next);
            app.info(tr!("room.language.now", name = next.native_name()));
        }
        Action::SwitchTheme => {
            let next = app.theme().next();
            if remember(app, |s| s.theme = Some(next), &mut effects) {
                app.look.theme_forced = false;
            } else {
                app.look.theme = next;
                app.look.theme_forced = app.workshop_ref().is_some();
            }
            let name = match next {
                Theme::Dark => tr!("room.theme.dark"),
                Theme::Light => tr!("room.theme.light"),
                Theme::HighContrast => tr!("room.theme.high_contrast"),
            };
            app.info(tr!("room.theme.now", name = name));
        }
        Action::TogglePresenting => {
            app.presenting = !app.presenting;
            // Presenting is for the room: a voter's dots shown to the
            // facilitator are hidden again first.
            if let Screen::Workshop(w) = &mut app.screen {
                w.vote.show_dots = false;
            }
            if app.presenting {
                app.info(tr!("room.presenting.on"));
            }
        }
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.info(if app.mouse {
                tr!("room.mouse.on")
            } else {
                tr!("room.mouse.off")
            });
        }
        Action::ToggleTimer => {
            let now = app.now;
            let Screen::Workshop(w) = &mut app.screen else {
                return Some(effects);
            };
            let stage = w.stage();
            if stage == Stage::Drill {
                let text = drill::toggle_clock(w, now);
                app.info(text);
                return Some(effects);
            }
            let text = match &mut w.timer {
                Some(t) if t.stage == stage => {
                    t.toggle(now);
                    if t.running() {
                        tr!("room.timer.resumed", clock = timer::clock(t.left(now)))
                    } else {
                        tr!("room.timer.paused", clock = timer::clock(t.left(now)))
                    }
                }
                _ => {
                    let minutes = w.session.timebox(stage);
                    let length = Duration::from_secs(u64::from(minutes) * 60);
                    w.timer = Some(Timer::start(stage, length, now));
                    tr!(
                        "room.timer.started",
                        stage = stage.name(),
                        minutes = minutes
                    )
                }
            };
            app.info(text);
        }
        Action::ResetTimer => {
            let Screen::Workshop(w) = &mut app.screen else {
                return Some(effects);
            };
            if w.stage() == Stage::Drill {
                drill::reset_clock(w);
                app.info(tr!("drill.app.clock_reset"));
                return Some(effects);
            }
            let text = if w.timer.take().is_some() {
                tr!("room.timer.reset")
            } else {
                tr!("room.timer.none")
            };
            app.info(text);
        }
        Action::NextPhase | Action::RepeatPhase => {
            let now = app.now;
            let Screen::Workshop(w) = &mut app.screen else {
                return Some(effects);
            };
            if action == &Action::NextPhase {
                let (text, changed) = drill::next_phase(w, now);
                // The bell marks every change of phase, skipped or not.
                if changed {
                    effects.push(Effect::Bell);
                }
                app.info(text);
            } else {
                let text = drill::repeat_phase(w, now);
                app.info(text);
            }
        }
        _ => return None,
    }
    Some(effects)
}

/// Keeps a change of look in the session (undoable, saved) and says so;
/// false when there is no session it may change (the picker, read-only).
fn remember(app: &mut App, change: impl FnOnce(&mut Session), effects: &mut Vec<Effect>) -> bool {
    match &mut app.screen {
        Screen::Workshop(w) if !w.read_only() => {
            change(&mut w.session);
            w.history.record(&w.session);
            effects.push(Effect::Save);
            true
        }
        _ => false,
    }
}
