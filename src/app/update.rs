//! `update`: the one place the state changes.

use super::setup_rows::{SetupRow, rows};
use super::{
    Action, App, Effect, MotEditor, MotxEditor, Offer, OpenHow, Picker, Screen, SetupEdit, Stage,
    TextField, VoteMode, Workshop,
};
use std::time::Duration;

use super::Target;
use super::history::Change;
use super::timer::{self, Timer};
use crate::model::{
    Circle, Dimension, Filter, Golden, ModelError, MotId, Session, Theme, limits, room,
};
use crate::tr;

mod hands_question;
pub use hands_question::{Unconfirmed, unconfirmed_hands};
use hands_question::{drop_unconfirmed, end_count_typing, kept_count};

/// Rows a page key moves; the view shows at least this many.
const PAGE: usize = 10;

/// Applies an action and says what must happen outside.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    crate::i18n::set(app.language());
    // A tick only moves the clock: the message on show stays.
    if action == Action::Tick {
        return tick(app);
    }
    app.status = None;
    if let Some(words) = end_count_typing(app, &action) {
        // A count put back is a change, even on a key that only moves.
        if let Screen::Workshop(w) = &mut app.screen {
            w.changed();
        }
        app.info(words);
    }
    if let Screen::Workshop(w) = &app.screen
        && w.quit_prompt.is_some()
    {
        return quit_prompt(app, action);
    }
    if action == Action::Quit {
        // Ctrl-C while typing: what is typed is kept, as the help promises.
        commit_drafts(app);
        app.quit = true;
        return vec![Effect::Quit];
    }
    if action == Action::ToggleHelp {
        app.help = !app.help;
        app.help_scroll = 0;
        return Vec::new();
    }
    // On a small screen the help scrolls; the view stops it at the end.
    if app.help {
        match action {
            Action::PageUp => app.help_scroll = app.help_scroll.saturating_sub(5),
            Action::PageDown => {
                app.help_scroll = app
                    .help_scroll
                    .saturating_add(5)
                    .min(app.help_scroll_max.get());
            }
            _ => {}
        }
        return Vec::new();
    }
    if let Some(effects) = room(app, &action) {
        return effects;
    }
    let action = match pointer(app, action) {
        Some(action) => action,
        None => return Vec::new(),
    };
    let mut out = Outcome::default();
    match &mut app.screen {
        Screen::Picker(p) => picker(p, action, &mut out),
        Screen::Workshop(w) => {
            // A key that only moves reads the figures kept since the last
            // change; any other may change the session, so they are worked
            // out again (from before it, for what the key itself reads, and
            // after it, for the frame).
            let moving = only_moves(&action);
            if !moving {
                w.changed();
            }
            workshop(w, action, &mut out);
            if !moving {
                w.changed();
            }
            if out.effects.contains(&Effect::Save) {
                w.history.record(&w.session);
            }
        }
    }
    // An undo may have changed the language: say what it did in the new one.
    crate::i18n::set(app.language());
    if let Some((way, change)) = out.travelled.take() {
        out.info(travel_words(way, change));
    }
    if let Some((text, error)) = out.status {
        if error {
            app.error(text);
        } else {
            app.info(text);
        }
    }
    out.effects
}

/// Whether an action only moves the selection or the view: it changes
/// nothing the figures of [`super::derived`] are made from.
fn only_moves(action: &Action) -> bool {
    moves(action) || matches!(action, Action::ScrollUp | Action::ScrollDown)
}

/// The timer's second: rings once when the timebox runs out.
fn tick(app: &mut App) -> Vec<Effect> {
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
fn room(app: &mut App, action: &Action) -> Option<Vec<Effect>> {
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
            let text = if w.timer.take().is_some() {
                tr!("room.timer.reset")
            } else {
                tr!("room.timer.none")
            };
            app.info(text);
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

/// Turns clicks and the wheel into the keys they stand for; `None` when the
/// click reached nothing.
fn pointer(app: &mut App, action: Action) -> Option<Action> {
    let stage = app.workshop_ref().map(Workshop::stage);
    match action {
        Action::ScrollUp if stage == Some(Stage::Matrix) => Some(Action::PageUp),
        Action::ScrollDown if stage == Some(Stage::Matrix) => Some(Action::PageDown),
        Action::ScrollUp => Some(Action::Up),
        Action::ScrollDown => Some(Action::Down),
        Action::Click(target) => click(app, target),
        other => Some(other),
    }
}

/// Selects what was clicked; a click on what is already selected opens it,
/// as Enter would.
fn click(app: &mut App, target: Target) -> Option<Action> {
    match (&mut app.screen, target) {
        (Screen::Picker(p), Target::Session(i)) if i < p.entries.len() => {
            if p.selected == i {
                return Some(Action::Open);
            }
            p.selected = i;
        }
        (Screen::Workshop(_), Target::Stage(stage)) => return Some(Action::GoToStage(stage)),
        (Screen::Workshop(w), Target::SetupRow(i)) if w.stage() == Stage::Setup => {
            if w.setup.selected == i {
                return Some(Action::Open);
            }
            w.setup.selected = i;
        }
        (Screen::Workshop(w), Target::Mot(i)) if i < w.session.mots.len() => {
            if w.cursor == i && matches!(w.stage(), Stage::Write | Stage::Choose) {
                return Some(Action::Open);
            }
            w.cursor = i;
        }
        (Screen::Workshop(w), Target::Cell(d, q)) if w.stage() == Stage::Matrix => {
            w.matrix.dimension = d.min(3);
            w.matrix.quality = q.min(4);
            w.matrix.list_offset = 0;
        }
        _ => {}
    }
    None
}

/// Keeps whatever is half-typed (an MOT in the editor, a Setup field) in the
/// session, as if the user had pressed the key to keep it. Used when the app
/// must stop at once. Returns whether anything changed.
pub fn commit_drafts(app: &mut App) -> bool {
    let Screen::Workshop(w) = &mut app.screen else {
        return false;
    };
    // A count the room has not confirmed is not work to keep.
    if let Some(typed) = unconfirmed_hands(w) {
        drop_unconfirmed(w, typed);
    }
    let mut out = Outcome::default();
    if w.editor.is_some() {
        editor(w, Action::SaveMot, &mut out);
    }
    if w.setup.editing.is_some() {
        setup_edit(w, Action::Submit, &mut out);
    }
    if w.choose.motx.is_some() {
        motx_editor(w, Action::SaveMot, &mut out);
    }
    let changed = out.effects.contains(&Effect::Save);
    if changed {
        w.history.record(&w.session);
    }
    changed
}

/// The question asked when quitting would lose the session: write it
/// elsewhere, quit anyway, or stay.
fn quit_prompt(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::Workshop(w) = &mut app.screen else {
        return Vec::new();
    };
    let Some(prompt) = &mut w.quit_prompt else {
        return Vec::new();
    };
    if let Some(field) = &mut prompt.elsewhere {
        let mut cut = false;
        match action {
            Action::Submit => {
                let path = std::path::PathBuf::from(field.text().trim());
                if path.as_os_str().is_empty() {
                    app.error(tr!("app.quit.type_where"));
                    return Vec::new();
                }
                return vec![Effect::SaveAsAndQuit(path)];
            }
            Action::Cancel => prompt.elsewhere = None,
            Action::Type(key) => cut = field.input(key),
            Action::Paste(text) => cut = field.paste(&text),
            // Ctrl-C while typing the path: the user means it; a copy is
            // still put somewhere safe.
            Action::Quit => return vec![Effect::QuitUnsaved],
            _ => {}
        }
        if cut {
            app.error(text_cut());
        }
        return Vec::new();
    }
    match action {
        Action::WriteElsewhere => {
            prompt.elsewhere = Some(TextField::new(&prompt.suggestion.to_string_lossy()));
        }
        // A second quit, by any key, is an answer: leave without saving
        // to the session file (a copy still goes somewhere safe).
        Action::QuitWithoutSaving | Action::Quit => return vec![Effect::QuitUnsaved],
        Action::No | Action::Cancel => {
            w.quit_prompt = None;
            app.info(tr!("app.quit.still_here"));
        }
        Action::ToggleHelp => app.help = !app.help,
        _ => {}
    }
    Vec::new()
}

/// What a handler leaves behind: effects and a status line.
#[derive(Default)]
struct Outcome {
    effects: Vec<Effect>,
    status: Option<(String, bool)>,
    /// An undo or redo and what it changed, put into words once the
    /// session (and so maybe the language) is back.
    travelled: Option<(Travel, Option<Change>)>,
}

/// Which way through the history.
#[derive(Clone, Copy)]
enum Travel {
    Undo,
    Redo,
}

/// What a field says when it stops at the text limit: never silently.
fn text_cut() -> String {
    tr!(
        "model.limit.text_cut",
        max = limits::grouped(limits::MAX_TEXT_CHARS as u64)
    )
}

/// What an undo or redo says.
fn travel_words(way: Travel, change: Option<Change>) -> String {
    match (way, change) {
        (Travel::Undo, Some(c)) => tr!("app.undo.done", what = c.text()),
        (Travel::Undo, None) => tr!("app.undo.nothing").into(),
        (Travel::Redo, Some(c)) => tr!("app.redo.done", what = c.text()),
        (Travel::Redo, None) => tr!("app.redo.nothing").into(),
    }
}

impl Outcome {
    fn save(&mut self) {
        if !self.effects.contains(&Effect::Save) {
            self.effects.push(Effect::Save);
        }
    }
    fn info(&mut self, s: impl Into<String>) {
        self.status = Some((s.into(), false));
    }
    fn error(&mut self, s: impl Into<String>) {
        self.status = Some((s.into(), true));
    }
    /// Says so when typing or pasting stopped at the text limit.
    fn cut(&mut self, cut: bool) {
        if cut {
            self.error(text_cut());
        }
    }
    /// Saves on success, reports a refused change on failure.
    fn apply<T>(&mut self, r: Result<T, ModelError>) -> Option<T> {
        match r {
            Ok(v) => {
                self.save();
                Some(v)
            }
            Err(e) => {
                self.error(e.to_string());
                None
            }
        }
    }
}

/// Whether the action moves a list selection.
fn moves(action: &Action) -> bool {
    matches!(
        action,
        Action::Up | Action::Down | Action::PageUp | Action::PageDown | Action::Home | Action::End
    )
}

fn step(index: usize, len: usize, action: &Action) -> usize {
    if len == 0 {
        return 0;
    }
    let last = len - 1;
    match action {
        Action::Up => index.saturating_sub(1),
        Action::Down => (index + 1).min(last),
        Action::PageUp => index.saturating_sub(PAGE),
        Action::PageDown => (index + PAGE).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => index.min(last),
    }
}

fn picker(p: &mut Picker, action: Action, out: &mut Outcome) {
    if let Some(offer) = &p.offer {
        let open = |path: &std::path::PathBuf, how| Effect::Open(path.clone(), how);
        let effect = match (offer, action) {
            (Offer::Locked { path, .. }, Action::OpenReadOnly) => {
                Some(open(path, OpenHow::ReadOnly))
            }
            (
                Offer::Locked {
                    path,
                    can_take_over: true,
                    ..
                },
                Action::TakeOver,
            ) => Some(open(path, OpenHow::TakeOver)),
            (Offer::Backup { path, .. }, Action::Yes) => Some(open(path, OpenHow::Backup)),
            (
                Offer::Recovery {
                    path,
                    conflict: false,
                    ..
                },
                Action::Yes,
            ) => Some(open(path, OpenHow::Recovery)),
            (Offer::Recovery { path, .. }, Action::KeepBoth) => {
                Some(open(path, OpenHow::RecoveryAsCopy))
            }
            (Offer::Recovery { path, .. }, Action::No) => Some(open(path, OpenHow::SkipRecovery)),
            (_, Action::No | Action::Cancel) => None,
            // Any other key keeps the question up.
            _ => return,
        };
        p.offer = None;
        out.effects.extend(effect);
        return;
    }
    if let Some(field) = &mut p.new_title {
        match action {
            Action::Submit => {
                let title = field.text().trim().to_string();
                if title.is_empty() {
                    out.error(tr!("app.picker.need_title"));
                } else {
                    p.new_title = None;
                    out.effects.push(Effect::Create(title));
                }
            }
            Action::Cancel => p.new_title = None,
            Action::Type(key) => out.cut(field.input(key)),
            Action::Paste(text) => out.cut(field.paste(&text)),
            _ => {}
        }
        return;
    }
    match action {
        a if moves(&a) => p.selected = step(p.selected, p.entries.len(), &a),
        Action::Open => match p.entries.get(p.selected) {
            Some(entry) => match &entry.summary {
                Ok(_) => out
                    .effects
                    .push(Effect::Open(entry.path.clone(), OpenHow::Normal)),
                // Opening tells what is wrong and offers a backup when there is one.
                Err(_) => out
                    .effects
                    .push(Effect::Open(entry.path.clone(), OpenHow::Normal)),
            },
            None => out.info(tr!("app.picker.empty")),
        },
        Action::NewSession => p.new_title = Some(TextField::default()),
        _ => {}
    }
}

/// Whether the action would start or make a change (refused when read-only).
fn starts_a_change(w: &Workshop, action: &Action) -> bool {
    match action {
        Action::NewMot
        | Action::Delete
        | Action::AddParticipant
        | Action::AddGroup
        | Action::SetDimension(_)
        | Action::ClearDimension
        | Action::ToggleQuality(_)
        | Action::Increase
        | Action::Decrease
        | Action::Digit(_)
        | Action::ToggleReveal
        | Action::CycleGolden
        | Action::ToggleChosen
        | Action::ToggleCarries
        | Action::Rate(_)
        | Action::ClearRating
        | Action::ThresholdUp
        | Action::ThresholdDown
        | Action::CycleFocus
        | Action::Undo
        | Action::Redo => true,
        Action::Open | Action::Left | Action::Right => {
            w.stage() == Stage::Setup
                || (*action == Action::Open && matches!(w.stage(), Stage::Write | Stage::Choose))
        }
        _ => false,
    }
}

fn workshop(w: &mut Workshop, action: Action, out: &mut Outcome) {
    if w.read_only() && w.editor.is_none() && w.choose.motx.is_none() && starts_a_change(w, &action)
    {
        out.error(w.no_change_words());
        return;
    }
    if w.editor.is_some() {
        editor(w, action, out);
        return;
    }
    if w.setup.editing.is_some() {
        setup_edit(w, action, out);
        return;
    }
    if w.choose.motx.is_some() {
        motx_editor(w, action, out);
        return;
    }
    match action {
        Action::SaveNow => out.effects.push(Effect::SaveNow),
        Action::Undo => {
            let step = w.history.undo(&w.session);
            out.travelled = Some((Travel::Undo, travel(w, step, out)));
        }
        Action::Redo => {
            let step = w.history.redo(&w.session);
            out.travelled = Some((Travel::Redo, travel(w, step, out)));
        }
        // The stage is saved, so a session reopens where the room was.
        Action::NextStage => {
            w.session.stage = w.session.stage.next();
            out.save();
        }
        Action::PrevStage => {
            w.session.stage = w.session.stage.prev();
            out.save();
        }
        Action::GoToStage(stage) => {
            if w.session.stage != stage {
                w.session.stage = stage;
                out.save();
            }
        }
        // Write, Tag and Vote share one MOT selection, so the room never loses its place.
        a if moves(&a) && matches!(w.stage(), Stage::Write | Stage::Tag | Stage::Vote) => {
            w.cursor = step(w.cursor, w.session.mots.len(), &a);
        }
        _ => match w.stage() {
            Stage::Setup => setup(w, action, out),
            Stage::Write => write(w, action, out),
            Stage::Tag => tag(w, action, out),
            Stage::Vote => vote(w, action, out),
            Stage::Matrix => matrix(w, action),
            Stage::Choose => choose(w, action, out),
        },
    }
}

/// Deletes at once: every change can be undone, so nothing asks first.
fn remove(w: &mut Workshop, what: Removal, out: &mut Outcome) {
    match what {
        Removal::Mot(id) => {
            if out.apply(w.session.delete_mot(id)).is_some() {
                out.info(tr!("app.removed.mot", id = id));
            }
        }
        Removal::Participant(id) => {
            if let Some(p) = out.apply(w.session.remove_participant(id)) {
                out.info(tr!("app.removed.participant", name = p.name));
            }
        }
        Removal::Group(id) => {
            if let Some(g) = out.apply(w.session.remove_group(id)) {
                out.info(tr!("app.removed.group", name = g.name));
            }
        }
    }
    clamp_selections(w);
}

/// What a delete key removes.
#[derive(Debug, Clone, Copy)]
enum Removal {
    Mot(crate::model::MotId),
    Participant(crate::model::ParticipantId),
    Group(crate::model::GroupId),
}

/// Puts the session back (undo) or forward (redo); returns what changed,
/// or `None` when there was nothing to go to.
fn travel(w: &mut Workshop, step: Option<(Session, Change)>, out: &mut Outcome) -> Option<Change> {
    let (session, what) = step?;
    w.session = session;
    // A count being typed belonged to the session as it was.
    w.vote.typing_count = false;
    clamp_selections(w);
    out.save();
    Some(what)
}

fn clamp_selections(w: &mut Workshop) {
    let n_rows = rows(&w.session).len();
    w.setup.selected = w.setup.selected.min(n_rows.saturating_sub(1));
    w.cursor = w.cursor.min(w.session.mots.len().saturating_sub(1));
    w.vote.participant = w
        .vote
        .participant
        .min(w.session.participants.len().saturating_sub(1));
    w.vote.group = w.vote.group.min(w.session.groups.len().saturating_sub(1));
}

// ---- Setup ----

fn setup(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let rows = rows(&w.session);
    let row = rows
        .get(w.setup.selected)
        .copied()
        .unwrap_or(SetupRow::Title);
    let s = &mut w.session;
    match action {
        a if moves(&a) => w.setup.selected = step(w.setup.selected, rows.len(), &a),
        Action::Open => {
            let edit = match row {
                SetupRow::Title => Some((SetupEdit::Title, s.title.clone())),
                SetupRow::Brand => Some((SetupEdit::Brand, s.brand.clone())),
                SetupRow::CoreMessage => Some((SetupEdit::CoreMessage, s.core_message.clone())),
                SetupRow::TargetUser => Some((SetupEdit::TargetUser, s.target_user.clone())),
                SetupRow::Group(id) => s
                    .group(id)
                    .map(|g| (SetupEdit::GroupName(id), g.name.clone())),
                SetupRow::AddGroup => Some((SetupEdit::NewGroup, String::new())),
                SetupRow::Participant(id) => s
                    .participant(id)
                    .map(|p| (SetupEdit::ParticipantName(id), p.name.clone())),
                SetupRow::AddParticipant => Some((SetupEdit::NewParticipant, String::new())),
                SetupRow::Focus
                | SetupRow::DotBudget
                | SetupRow::MaxDots
                | SetupRow::Timebox(_) => {
                    out.info(tr!("app.setup.use_arrows"));
                    None
                }
            };
            if let Some((what, text)) = edit {
                w.setup.editing = Some((what, TextField::new(&text)));
            }
        }
        Action::Left | Action::Right => {
            let up = action == Action::Right;
            let nudge = |v: u32, max: u32| {
                if up {
                    (v + 1).min(max)
                } else {
                    v.saturating_sub(1)
                }
            };
            match row {
                SetupRow::Focus => {
                    s.focus = Dimension::cycle_focus(s.focus, up);
                    out.save();
                }
                SetupRow::DotBudget => {
                    s.dot_budget =
                        nudge(s.dot_budget, crate::model::session::MAX_DOT_BUDGET).max(1);
                    // A cap above the budget would promise dots nobody has.
                    s.max_dots_per_mot = s.max_dots_per_mot.min(s.dot_budget);
                    out.save();
                }
                SetupRow::MaxDots => {
                    s.max_dots_per_mot = nudge(s.max_dots_per_mot, s.dot_budget.max(1)).max(1);
                    out.save();
                }
                SetupRow::Group(id) => {
                    let weight = s.group(id).map_or(0, |g| g.weight);
                    out.apply(s.set_weight(id, nudge(weight, crate::model::session::MAX_WEIGHT)));
                }
                SetupRow::Timebox(stage) => {
                    let minutes = s.timebox(stage);
                    s.set_timebox(stage, nudge(minutes, room::MAX_TIMEBOX_MINUTES));
                    out.save();
                }
                SetupRow::Participant(id) => {
                    let current = s.participant(id).map(|p| p.group);
                    let pos = s
                        .groups
                        .iter()
                        .position(|g| Some(g.id) == current)
                        .unwrap_or(0);
                    let n = s.groups.len().max(1);
                    let next = if up { (pos + 1) % n } else { (pos + n - 1) % n };
                    if let Some(g) = s.groups.get(next).map(|g| g.id) {
                        out.apply(s.set_participant_group(id, g));
                    }
                }
                _ => out.info(tr!("app.setup.no_arrows")),
            }
        }
        Action::AddParticipant => {
            w.setup.selected = rows
                .iter()
                .position(|r| *r == SetupRow::AddParticipant)
                .unwrap_or(0);
            w.setup.editing = Some((SetupEdit::NewParticipant, TextField::default()));
        }
        Action::AddGroup => {
            w.setup.selected = rows
                .iter()
                .position(|r| *r == SetupRow::AddGroup)
                .unwrap_or(0);
            w.setup.editing = Some((SetupEdit::NewGroup, TextField::default()));
        }
        Action::Delete => match row {
            SetupRow::Participant(id) => remove(w, Removal::Participant(id), out),
            SetupRow::Group(id) => {
                let members = s.participants.iter().filter(|p| p.group == id).count();
                if members > 0 {
                    let name = s.group(id).map(|g| g.name.clone()).unwrap_or_default();
                    out.error(ModelError::GroupInUse { name, members }.to_string());
                } else if s.groups.len() == 1 {
                    out.error(ModelError::LastGroup.to_string());
                } else {
                    remove(w, Removal::Group(id), out);
                }
            }
            _ => out.info(tr!("app.setup.only_remove")),
        },
        _ => {}
    }
}

fn setup_edit(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some((what, field)) = &mut w.setup.editing else {
        return;
    };
    match action {
        Action::Type(key) => out.cut(field.input(key)),
        Action::Paste(text) => out.cut(field.paste(&text)),
        Action::Cancel => w.setup.editing = None,
        Action::Submit => {
            let what = *what;
            let text = crate::model::session::clean_line(&field.text());
            w.setup.editing = None;
            let s = &mut w.session;
            match what {
                SetupEdit::Title => {
                    if text.is_empty() {
                        out.error(tr!("app.setup.need_title"));
                    } else {
                        s.title = text;
                        out.save();
                    }
                }
                SetupEdit::Brand => {
                    s.brand = text;
                    out.save();
                }
                SetupEdit::CoreMessage => {
                    s.core_message = text;
                    out.save();
                }
                SetupEdit::TargetUser => {
                    s.target_user = text;
                    out.save();
                }
                SetupEdit::GroupName(id) => {
                    if text.is_empty() {
                        out.error(tr!("app.setup.need_group_name"));
                    } else {
                        out.apply(s.rename_group(id, &text));
                    }
                }
                SetupEdit::NewGroup => {
                    if !text.is_empty()
                        && let Some(id) = out.apply(s.try_add_group(&text))
                    {
                        out.info(tr!("app.setup.group_added", name = text));
                        let rows = rows(s);
                        w.setup.selected = rows
                            .iter()
                            .position(|r| *r == SetupRow::Group(id))
                            .unwrap_or(0);
                    }
                }
                SetupEdit::ParticipantName(id) => {
                    if text.is_empty() {
                        out.error(tr!("app.setup.need_participant_name"));
                    } else {
                        out.apply(s.rename_participant(id, &text));
                    }
                }
                SetupEdit::NewParticipant => {
                    if !text.is_empty() {
                        // New people join the group of the last one added: rooms add people group by group.
                        let group = s
                            .participants
                            .last()
                            .map(|p| p.group)
                            .or_else(|| s.groups.first().map(|g| g.id));
                        if let Some(group) = group
                            && let Some(id) = out.apply(s.add_participant(&text, group))
                        {
                            let gname = s.group(group).map(|g| g.name.clone()).unwrap_or_default();
                            out.info(tr!(
                                "app.setup.participant_added",
                                name = text,
                                group = gname
                            ));
                            let rows = rows(s);
                            w.setup.selected = rows
                                .iter()
                                .position(|r| *r == SetupRow::Participant(id))
                                .unwrap_or(0);
                        }
                    }
                }
            }
        }
        _ => {}
    }
}

// ---- Write ----

fn write(w: &mut Workshop, action: Action, out: &mut Outcome) {
    match action {
        Action::NewMot => {
            w.editor = Some(MotEditor {
                mot: None,
                fields: Default::default(),
                focus: 0,
            });
        }
        Action::Open => match w.selected_mot() {
            Some(m) => {
                let fields = [
                    TextField::new(&m.who),
                    TextField::new(&m.situation),
                    TextField::new(&m.feeling),
                ];
                w.editor = Some(MotEditor {
                    mot: Some(m.id),
                    fields,
                    focus: 0,
                });
            }
            None => out.info(tr!("app.write.none")),
        },
        Action::Delete => match w.selected_mot() {
            Some(m) => {
                let id = m.id;
                remove(w, Removal::Mot(id), out);
            }
            None => out.info(tr!("app.write.nothing_to_delete")),
        },
        _ => {}
    }
}

fn editor(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(ed) = &mut w.editor else { return };
    match action {
        Action::Type(key) => out.cut(ed.fields[ed.focus].input(key)),
        Action::Paste(text) => out.cut(ed.fields[ed.focus].paste(&text)),
        Action::NextField => ed.focus = (ed.focus + 1) % 3,
        Action::PrevField => ed.focus = (ed.focus + 2) % 3,
        Action::Submit if ed.focus < 2 => ed.focus += 1,
        Action::Submit | Action::SaveMot => {
            let text = ed.text();
            if text.who.trim().is_empty()
                && text.situation.trim().is_empty()
                && text.feeling.trim().is_empty()
            {
                out.error(tr!("app.editor.empty"));
                return;
            }
            match ed.mot {
                Some(id) => {
                    if out.apply(w.session.edit_mot(id, text)).is_some() {
                        out.info(tr!("app.editor.kept", id = id));
                    }
                }
                None => match w.session.try_add_mot(text) {
                    Ok(id) => {
                        out.save();
                        w.cursor = w.session.mots.len().saturating_sub(1);
                        out.info(tr!("app.editor.added", id = id));
                    }
                    // The editor stays open, so what was typed is not lost.
                    Err(e) => return out.error(e.to_string()),
                },
            }
            w.editor = None;
        }
        Action::Cancel => {
            w.editor = None;
            out.info(tr!("app.editor.discarded"));
        }
        _ => {}
    }
}

// ---- Tag ----

fn tag(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let id = w.selected_mot().map(|m| m.id);
    match action {
        Action::SetDimension(d) => {
            if let Some(id) = id {
                out.apply(w.session.set_dimension(id, Some(d)));
            }
        }
        Action::ClearDimension => {
            if let Some(id) = id {
                out.apply(w.session.set_dimension(id, None));
            }
        }
        Action::ToggleQuality(q) => {
            if let Some(id) = id {
                out.apply(w.session.toggle_quality(id, q));
            }
        }
        Action::CycleGolden => {
            if let Some(id) = id {
                cycle_golden(w, id, out);
            }
        }
        Action::NextUntagged => {
            let n = w.session.mots.len();
            let next = (1..=n)
                .map(|i| (w.cursor + i) % n.max(1))
                .find(|&i| w.session.mots.get(i).is_some_and(|m| !m.is_tagged()));
            match next {
                Some(i) => w.cursor = i,
                None if n > 0 => out.info(tr!("app.tag.all_tagged")),
                None => out.info(tr!("app.tag.no_mots")),
            }
        }
        _ => {}
    }
}

// ---- Vote ----

fn vote(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let mot = w.selected_mot().map(|m| m.id);
    let asked = unconfirmed_hands(w);
    // The first digit typed into a cell replaces its count; later ones append.
    let continuing = std::mem::replace(
        &mut w.vote.typing_count,
        matches!(action, Action::Digit(_) | Action::EraseDigit),
    );
    match action {
        // The answer to "1,200 hands for one group?": keep it...
        Action::Submit | Action::Yes if asked.is_some() => {
            if let Some(typed) = asked {
                out.save();
                out.info(tr!(
                    "model.limit.hands_kept",
                    typed = limits::grouped(u64::from(typed.count)),
                    mot = typed.mot
                ));
            }
        }
        // ... or go back to the count last kept.
        Action::Cancel | Action::No if asked.is_some() => {
            if let Some(typed) = asked {
                out.info(drop_unconfirmed(w, typed));
            }
        }
        Action::ToggleVoteMode => {
            w.vote.mode = match w.vote.mode {
                VoteMode::Dots => VoteMode::Hands,
                VoteMode::Hands => VoteMode::Dots,
            };
        }
        Action::ToggleReveal => toggle_reveal(w, out),
        Action::NextParticipant | Action::PrevParticipant => {
            let n = w.session.participants.len();
            if n == 0 {
                out.error(tr!("app.vote.no_participants"));
            } else if action == Action::NextParticipant {
                w.vote.participant = (w.vote.participant + 1) % n;
            } else {
                w.vote.participant = (w.vote.participant + n - 1) % n;
            }
        }
        Action::Left | Action::Right if w.vote.mode == VoteMode::Hands => {
            let n = w.session.groups.len().max(1);
            w.vote.group = if action == Action::Right {
                (w.vote.group + 1) % n
            } else {
                (w.vote.group + n - 1) % n
            };
        }
        Action::Increase | Action::Decrease if w.vote.mode == VoteMode::Dots => {
            let Some(mot) = mot else {
                out.info(tr!("app.vote.no_mots"));
                return;
            };
            let Some(p) = w.voter().map(|p| p.id) else {
                out.error(tr!("app.vote.no_participants_dots"));
                return;
            };
            if action == Action::Increase {
                out.apply(w.session.add_dot(p, mot));
            } else {
                out.apply(w.session.remove_dot(p, mot));
            }
        }
        Action::Increase | Action::Decrease | Action::Digit(_) | Action::EraseDigit => {
            let (Some(mot), Some(group)) = (mot, w.session.groups.get(w.vote.group).map(|g| g.id))
            else {
                return;
            };
            let now = w.session.mot(mot).map_or(0, |m| m.hands_for(group));
            let next = match action {
                Action::Increase => now.saturating_add(1),
                Action::Decrease => now.saturating_sub(1),
                Action::Digit(d) if continuing => {
                    now.saturating_mul(10).saturating_add(u32::from(d))
                }
                Action::Digit(d) => u32::from(d),
                _ => now / 10,
            };
            // A digit typed past what a room usually counts (or erased from
            // such a count): shown, not yet kept (no save, no undo step)
            // until the room answers. `+` and `-` step one at a time and
            // never ask; nor does shortening a count already kept.
            let erase = action == Action::EraseDigit;
            let unconfirmed = next > limits::HANDS_ASK_ABOVE
                && (matches!(action, Action::Digit(_)) || (erase && asked.is_some()));
            if unconfirmed {
                match w.session.set_hands(mot, group, next) {
                    Ok(()) => out.info(tr!(
                        "model.limit.hands_question",
                        typed = limits::grouped(u64::from(next)),
                        kept = limits::grouped(u64::from(kept_count(next)))
                    )),
                    Err(e) => out.error(e.to_string()),
                }
            } else {
                out.apply(w.session.set_hands(mot, group, next));
                // A kept count above the threshold, shortened: the next digit
                // starts afresh, so every count typed on past the threshold
                // grew from a kept one of three digits (see `kept_count`).
                if erase && next > limits::HANDS_ASK_ABOVE {
                    w.vote.typing_count = false;
                }
            }
        }
        _ => {}
    }
}

/// Shows or hides the vote totals (Vote and Choose).
fn toggle_reveal(w: &mut Workshop, out: &mut Outcome) {
    w.session.votes_revealed = !w.session.votes_revealed;
    out.save();
    out.info(if w.session.votes_revealed {
        tr!("app.vote.revealed")
    } else {
        tr!("app.vote.hidden")
    });
}

/// Marks the MOT peak, low, end or nothing, in turn (Tag and Choose).
fn cycle_golden(w: &mut Workshop, id: MotId, out: &mut Outcome) {
    let mark = Golden::cycle(w.session.mot(id).and_then(|m| m.golden));
    if out.apply(w.session.set_golden(id, mark)).is_some() {
        out.info(match mark {
            Some(g) => tr!(
                "app.choose.golden",
                id = id,
                symbol = g.symbol(),
                mark = g.name()
            ),
            None => tr!("app.choose.golden_off", id = id),
        });
    }
}

// ---- Matrix ----

fn matrix(w: &mut Workshop, action: Action) {
    let m = &mut w.matrix;
    let before = (m.dimension, m.quality);
    match action {
        Action::Up => m.dimension = m.dimension.saturating_sub(1),
        Action::Down => m.dimension = (m.dimension + 1).min(3),
        Action::Left => m.quality = m.quality.saturating_sub(1),
        Action::Right => m.quality = (m.quality + 1).min(4),
        Action::PageUp => m.list_offset = m.list_offset.saturating_sub(PAGE / 2),
        Action::PageDown => {
            let (d, q) = m.cell();
            let held = w
                .session
                .mots
                .iter()
                .filter(|mot| mot.dimension == Some(d) && mot.qualities.contains(&q))
                .count();
            m.list_offset = (m.list_offset + PAGE / 2).min(held.saturating_sub(1));
        }
        _ => {}
    }
    if before != (m.dimension, m.quality) {
        m.list_offset = 0;
    }
}

// ---- Choose ----

fn choose(w: &mut Workshop, action: Action, out: &mut Outcome) {
    // The list as the screen shows it, so keys act on what the room sees.
    let ranking = w.derived.ranking(&w.session);
    let shown = w.choose_list(ranking);
    let pos = w.choose_pos(&shown);
    let list: Vec<(usize, MotId)> = shown.iter().map(|r| (r.index, r.id)).collect();
    let selected = pos.and_then(|p| list.get(p)).map(|(_, id)| *id);
    // Only a mark on the MOT keeps it pinned in a list it no longer matches.
    if !matches!(
        action,
        Action::ToggleChosen
            | Action::CycleGolden
            | Action::ToggleCarries
            | Action::Rate(_)
            | Action::ClearRating
            | Action::Open
    ) {
        w.choose.pinned = None;
    }
    match action {
        a if moves(&a) => {
            if let Some(p) = pos {
                w.cursor = list[step(p, list.len(), &a)].0;
            }
            return;
        }
        Action::Left => {
            w.choose.circle = w.choose.circle.prev();
            out.info(circle_words(w));
            return;
        }
        Action::Right => {
            w.choose.circle = w.choose.circle.next();
            out.info(circle_words(w));
            return;
        }
        Action::ThresholdUp | Action::ThresholdDown => {
            let circle = w.choose.circle;
            w.session
                .circles
                .nudge(circle, action == Action::ThresholdUp);
            out.save();
            out.info(circle_words(w));
            return;
        }
        Action::CycleFilter => {
            w.choose.filter = w.choose.filter.next();
            let n = w.choose_list(w.derived.ranking(&w.session)).len();
            if w.choose.filter == Filter::Focus && w.session.focus.is_none() {
                out.info(tr!("app.choose.filter_no_focus"));
            } else {
                out.info(tr!(
                    "app.choose.filter",
                    filter = w.choose.filter.name(),
                    n = n
                ));
            }
            return;
        }
        Action::CycleFocus => {
            w.session.focus = Dimension::cycle_focus(w.session.focus, true);
            out.save();
            out.info(match w.session.focus {
                Some(d) => tr!("app.choose.focus", dimension = d.name()),
                None => tr!("app.choose.focus_none").to_string(),
            });
            return;
        }
        Action::NextView => {
            w.choose.view = w.choose.view.next();
            out.info(tr!("app.choose.view", view = w.choose.view.name()));
            return;
        }
        Action::ToggleReveal => {
            toggle_reveal(w, out);
            return;
        }
        _ => {}
    }
    let Some(id) = selected else {
        if matches!(
            action,
            Action::ToggleChosen
                | Action::CycleGolden
                | Action::ToggleCarries
                | Action::Rate(_)
                | Action::ClearRating
                | Action::Open
        ) {
            out.info(if w.session.mots.is_empty() {
                tr!("app.choose.no_mots")
            } else {
                tr!("app.choose.none_shown")
            });
        }
        return;
    };
    // Acting on the MOT shown selected makes it the selection everywhere,
    // and keeps it on screen even if the mark takes it out of the filter.
    if let Some((index, _)) = list.iter().find(|(_, m)| *m == id) {
        w.cursor = *index;
    }
    w.choose.pinned = Some(id);
    match action {
        Action::ToggleChosen => {
            if let Some(now) = out.apply(w.session.toggle_chosen(id)) {
                let n = w.session.chosen_count();
                out.info(if now {
                    tr!("app.choose.chosen", id = id, n = n)
                } else {
                    tr!("app.choose.unchosen", id = id, n = n)
                });
            }
        }
        Action::CycleGolden => cycle_golden(w, id, out),
        Action::ToggleCarries => {
            if let Some(now) = out.apply(w.session.toggle_carries(id)) {
                out.info(if now {
                    tr!("app.choose.carries", id = id)
                } else {
                    tr!("app.choose.carries_not", id = id)
                });
            }
        }
        Action::Rate(_) | Action::ClearRating => {
            let circle = w.choose.circle;
            let Some(rating) = circle.rating() else {
                out.info(tr!("app.choose.importance_from_votes"));
                return;
            };
            let value = match action {
                Action::Rate(v) => Some(v),
                _ => None,
            };
            let now = w.session.mot(id).and_then(|m| match rating {
                crate::model::Rating::WeDoWell => m.we_do_well,
                crate::model::Rating::CompetitorsPoor => m.competitors_poor,
            });
            if value.is_none() && now.is_none() {
                out.info(tr!(
                    "app.choose.nothing_to_clear",
                    id = id,
                    circle = circle.name()
                ));
                return;
            }
            if out.apply(w.session.set_rating(id, rating, value)).is_some() {
                out.info(match value {
                    Some(v) => tr!(
                        "app.choose.rated",
                        id = id,
                        circle = circle.name(),
                        value = v
                    ),
                    None => tr!("app.choose.unrated", id = id, circle = circle.name()),
                });
            }
        }
        Action::Open => match w.session.mot(id) {
            Some(m) if m.chosen => {
                w.choose.motx = Some(MotxEditor {
                    mot: id,
                    fields: [
                        TextField::new(&m.motx.company_does),
                        TextField::new(&m.motx.customer_next),
                    ],
                    focus: 0,
                });
            }
            _ => out.info(tr!("app.choose.motx_needs_choice", id = id)),
        },
        _ => {}
    }
}

/// The circle picked and where it starts, in words.
fn circle_words(w: &Workshop) -> String {
    let circle = w.choose.circle;
    let at = w.session.circles.get(circle);
    match circle {
        Circle::Important => tr!(
            "app.choose.circle_important",
            circle = circle.name(),
            at = at
        ),
        _ => tr!("app.choose.circle_rated", circle = circle.name(), at = at),
    }
}

fn motx_editor(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(ed) = &mut w.choose.motx else { return };
    match action {
        Action::Type(key) => out.cut(ed.fields[ed.focus].input(key)),
        Action::Paste(text) => out.cut(ed.fields[ed.focus].paste(&text)),
        Action::NextField | Action::PrevField => ed.focus = 1 - ed.focus.min(1),
        Action::Submit if ed.focus == 0 => ed.focus = 1,
        Action::Submit | Action::SaveMot => {
            let (id, motx) = (ed.mot, ed.motx());
            w.choose.motx = None;
            if out.apply(w.session.set_motx(id, motx)).is_some() {
                out.info(tr!("app.choose.motx_kept", id = id));
            }
        }
        Action::Cancel => {
            w.choose.motx = None;
            out.info(tr!("app.choose.motx_discarded"));
        }
        _ => {}
    }
}

/// A new session with this title (used by the shell when creating one).
pub fn new_session(title: &str) -> Session {
    Session::new(crate::model::session::clean_line(title))
}
