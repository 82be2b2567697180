//! `update`: the one place the state changes.

use super::setup_rows::{SetupRow, rows};
use super::{
    Action, App, Draft, Effect, MotEditor, MotxEditor, Offer, OpenHow, Picker, Screen, SetupEdit,
    Stage, TextField, VoteMode, Workshop,
};
use std::time::Duration;

use super::Target;
use super::history::Change;
use super::timer::{self, Timer};
use crate::model::{
    Circle, Dimension, Filter, Golden, ModelError, MotId, Session, Theme, limits, room,
};
use crate::tr;

mod choose;
mod controls;
mod drill;
pub mod duplicates;
mod goto;
mod hands_question;
mod import;
mod matrix;
mod phones;
mod picker;
mod setup;
mod tag;
mod vote;
mod write;

use choose::{choose, motx_editor};
use controls::{room, tick};
use goto::{goto_prompt, lists_mots};
pub use hands_question::{Unconfirmed, unconfirmed_hands};
use hands_question::{ask_above, drop_unconfirmed, end_count_typing, kept_count};
use picker::picker;
use setup::{setup, setup_edit};
use tag::tag;
use vote::{cycle_golden, toggle_reveal, vote};
use write::{editor, write};

/// Rows a page key moves; the view shows at least this many.
const PAGE: usize = 10;

/// Applies an action and says what must happen outside.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    crate::i18n::set(app.language());
    // A phone's ask leaves the facilitator's screen, status and typing alone.
    if let Action::Phone(ask) = action {
        return phones::phone(app, ask);
    }
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
        // Undo while the question is asked takes back the count asked
        // about, and nothing more.
        if action == Action::Undo {
            return Vec::new();
        }
    }
    if let Screen::Workshop(w) = &app.screen
        && w.quit_prompt.is_some()
    {
        return quit_prompt(app, action);
    }
    if action == Action::Quit {
        // Ctrl-C while typing: what is typed is kept, as the help promises.
        commit_drafts(app);
        // The quit may not happen (a failed save asks first): the screen
        // behind the question must show what was just kept.
        if let Screen::Workshop(w) = &mut app.screen {
            w.changed();
        }
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
    // While an MOT's number is typed, keys go to it and nowhere else.
    if let Screen::Workshop(w) = &mut app.screen
        && w.goto.is_some()
    {
        let mut out = Outcome::default();
        goto_prompt(w, action, &mut out);
        match out.status {
            Some((text, true)) => app.error(text),
            Some((text, false)) => app.info(text),
            None => {}
        }
        return out.effects;
    }
    if let Some(effects) = room(app, &action) {
        return effects;
    }
    let action = match pointer(app, action) {
        Some(action) => action,
        None => return Vec::new(),
    };
    let mut out = Outcome::default();
    let now = app.now;
    match &mut app.screen {
        Screen::Picker(p) => picker(p, action, &mut out),
        Screen::Workshop(w) => {
            // A key that only moves reads the figures kept since the last
            // change; any other may change the session, so they are worked
            // out again (from before it, for what the key itself reads, and
            // after it, for the frame).
            let moving = only_moves(&action);
            // The next digit of a count being typed continues its change:
            // one undo takes back the whole count.
            let continuing =
                w.vote.typing_count && matches!(action, Action::Digit(_) | Action::EraseDigit);
            if !moving {
                w.changed();
            }
            workshop(w, action, &mut out, now);
            phones::tidy_claims(w);
            if !moving {
                w.changed();
            }
            if out.effects.contains(&Effect::Save) {
                if continuing {
                    w.history.record_more(&w.session);
                } else {
                    w.history.record(&w.session);
                }
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
    moves(action)
        || matches!(
            action,
            Action::ScrollUp | Action::ScrollDown | Action::GoToMot
        )
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
    let now = app.now;
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
    if w.drill.editor.is_some() {
        drill::card_editor(w, Action::SaveMot, &mut out);
    }
    if w.drill.sheet.as_ref().is_some_and(|e| e.comment.is_some()) {
        drill::drill(w, Action::Submit, &mut out, now);
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
        | Action::Redo
        | Action::AddFromLibrary
        | Action::CardFromMot
        | Action::NewCard
        | Action::FormTrios
        | Action::NextRound
        | Action::PrevRound
        | Action::PhaseLonger
        | Action::PhaseShorter
        | Action::ToggleAnonymous
        | Action::CommentToMot
        | Action::ImportFile
        | Action::KeepFirst
        | Action::KeepSecond
        | Action::NotDuplicates => true,
        // Lines pasted into Write's list are an import.
        Action::Paste(_) => {
            w.stage() == Stage::Write && w.import.is_none() && w.setup.editing.is_none()
        }
        // Typing a sheet in changes it.
        Action::EraseDigit => w.stage() == Stage::Drill,
        Action::Open | Action::Left | Action::Right => {
            w.stage() == Stage::Setup
                || (*action == Action::Open && matches!(w.stage(), Stage::Write | Stage::Choose))
                || (w.stage() == Stage::Drill
                    && w.drill.picker.is_none()
                    && match w.drill.view {
                        crate::app::drill::DrillView::Cards
                        | crate::app::drill::DrillView::Trios => true,
                        // Opening a sheet only shows it (read-only may
                        // look); inside one, Enter writes its comment.
                        crate::app::drill::DrillView::Round => {
                            *action != Action::Open || w.drill.sheet.is_some()
                        }
                        crate::app::drill::DrillView::Debrief => false,
                    })
        }
        _ => false,
    }
}

fn workshop(w: &mut Workshop, action: Action, out: &mut Outcome, now: std::time::Instant) {
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
    if w.drill.editor.is_some() {
        drill::card_editor(w, action, out);
        return;
    }
    if w.import.is_some() {
        import::flow(w, action, out);
        return;
    }
    if w.duplicates.is_some() {
        duplicates::review(w, action, out);
        return;
    }
    // Undo and redo work under the room screen too (its group and author
    // changes are steps like any).
    if w.phones.screen.is_some() && !matches!(action, Action::Undo | Action::Redo) {
        phones::screen(w, action, out);
        return;
    }
    // The key after Esc closed an editor with typing in it: undo brings the
    // editor back as it was; any other key lets the draft go.
    if let Some(draft) = w.draft.take()
        && action == Action::Undo
    {
        match draft {
            Draft::Mot(ed) => w.editor = Some(*ed),
            Draft::Motx(ed) => w.choose.motx = Some(*ed),
            Draft::Card(ed) => w.drill.editor = Some(*ed),
        }
        out.info(tr!("app.editor.draft_back"));
        return;
    }
    match action {
        Action::SaveNow => out.effects.push(Effect::SaveNow),
        // A read-only session may still be reported: nothing of it changes.
        Action::WriteReports => out.effects.push(Effect::WriteReports),
        Action::CopyReport => out.effects.push(Effect::CopyReport),
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
        Action::Room => phones::open_or_show(w, out),
        Action::GoToMot if lists_mots(w) => w.goto = Some(String::new()),
        Action::GoToMot => out.info(tr!("app.goto.no_list")),
        // Write, Tag and Vote share one MOT selection, so the room never loses its place.
        a if moves(&a) && matches!(w.stage(), Stage::Write | Stage::Tag | Stage::Vote) => {
            let before = w.cursor;
            w.cursor = step(w.cursor, w.session.mots.len(), &a);
            // Hands are counted group by group, MOT by MOT: the next MOT
            // starts at the first group.
            if w.cursor != before && w.stage() == Stage::Vote && w.vote.mode == VoteMode::Hands {
                w.vote.group = 0;
            }
        }
        _ => match w.stage() {
            Stage::Setup => setup(w, action, out),
            Stage::Write => write(w, action, out),
            Stage::Tag => tag(w, action, out),
            Stage::Vote => vote(w, action, out),
            Stage::Matrix => matrix::matrix(w, action),
            Stage::Choose => choose(w, action, out),
            Stage::Drill => drill::drill(w, action, out, now),
        },
    }
    // A voter's dots shown to the facilitator stay on Vote: leaving it (or
    // undoing back to another stage) hides them again.
    if w.stage() != Stage::Vote {
        w.vote.show_dots = false;
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
            let trio =
                crate::model::drill::trios::trio_of(&w.session.drill.trios, id).map(|t| t.id);
            if let Some(p) = out.apply(w.session.remove_participant(id)) {
                // A drill's tables change with its people: said, not silent.
                out.info(match trio {
                    Some(trio) => tr!("app.removed.participant_trio", name = p.name, trio = trio),
                    None => tr!("app.removed.participant", name = p.name),
                });
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
    let before = std::mem::replace(&mut w.session, session);
    if phones::keep_phone_work(w, &before) {
        // What the phones did stays, and is not a step of its own.
        w.history.absorb(&w.session);
    }
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
    drill::clamp(w);
}

/// A new session with this title (used by the shell when creating one).
pub fn new_session(title: &str) -> Session {
    Session::new(crate::model::session::clean_line(title))
}
