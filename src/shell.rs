//! Carries out what `update` asks for: saving, opening, creating, and saving
//! what can be saved when the app must stop. This is the only place, besides
//! the command line, that touches files.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};

use crate::app::keymap::action_for;
use crate::app::{
    Action, App, Effect, Offer, OpenHow, QuitPrompt, Screen, update, update::commit_drafts,
};
use crate::model::Session;
use crate::store::lock::LockInfo;
use crate::store::session_file::{self, OpenMode, ReadOnly};
use crate::store::writer::{Report, Writer};
use crate::store::{self, OpenError, Opened, StoreError};
use crate::ui::picker::age;
use crate::{plain, tr};

mod duplicates;
mod import;
pub mod phones;
mod reports;

use duplicates::{duplicates_done, find_duplicates};
use import::read_import;
use reports::{copy_report, reports_done, write_reports};
pub mod merge;

/// Turns a terminal event into an action (keys through the keymap, paste as text).
pub fn action_for_event(app: &App, event: &Event) -> Option<Action> {
    let action = event_action(app, event);
    // A screen nobody can read takes no keys but the way out and help.
    if app.too_small.get() {
        return action.filter(|a| matches!(a, Action::Quit | Action::ToggleHelp));
    }
    action
}

fn event_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => {
            crash_test(key);
            action_for(app, *key)
        }
        Event::Paste(text) if app.typing() || app.takes_paste() => {
            Some(Action::Paste(text.clone()))
        }
        Event::Mouse(mouse) => mouse_action(app, mouse),
        _ => None,
    }
}

/// A click or the wheel, where nothing covers the screen it points at.
fn mouse_action(app: &App, mouse: &MouseEvent) -> Option<Action> {
    let covered = app.help
        || app.typing()
        || match &app.screen {
            Screen::Picker(p) => p.offer.is_some() || p.merge.is_some(),
            Screen::Workshop(w) => w.quit_prompt.is_some() || w.phones.screen.is_some(),
        };
    if !app.mouse || covered {
        return None;
    }
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            app.hit(mouse.column, mouse.row).map(Action::Click)
        }
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        _ => None,
    }
}

/// Debug builds only: F12 panics when `MOT_CRASH_TEST` is set, so a test can
/// check what a crash does to the session. Release builds have no such key.
fn crash_test(key: &crossterm::event::KeyEvent) {
    #[cfg(debug_assertions)]
    if key.code == crossterm::event::KeyCode::F(12) && std::env::var_os("MOT_CRASH_TEST").is_some()
    {
        panic!("deliberate crash (MOT_CRASH_TEST)");
    }
    let _ = key;
}

/// Applies an action and carries out its effects.
pub fn dispatch(app: &mut App, action: Action) {
    // A read-only session must come out of every action as it went in.
    let before = app
        .workshop_ref()
        .filter(|w| w.read_only())
        .map(|w| w.session.clone());
    let mut effects = update(app, action);
    if let Some(before) = before {
        effects.retain(|e| *e != Effect::Save);
        keep_unchanged(app, before);
    }
    run_effects(app, effects);
}

/// Undoes whatever an action changed in a read-only session (the stage may move).
fn keep_unchanged(app: &mut App, before: Session) {
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    let stage = w.session.stage;
    w.session.stage = before.stage;
    let changed = w.session != before;
    if changed {
        w.session = before;
        w.changed();
        w.cursor = w.cursor.min(w.session.mots.len().saturating_sub(1));
    }
    w.session.stage = stage;
    if changed {
        let message = read_only_message(&w.file);
        app.error(message);
    }
}

/// What a change refused in a read-only session is told.
fn read_only_message(file: &Writer) -> String {
    match file.read_only() {
        Some(ReadOnly::Asked(Some(holder)) | ReadOnly::LockLost(Some(holder))) => tr!(
            "app.read_only.held_nothing_changed",
            pid = holder.pid,
            host = plain::escaped(&holder.host)
        ),
        Some(why @ (ReadOnly::Link(_) | ReadOnly::NotWritable | ReadOnly::NameTooLong)) => tr!(
            "app.read_only.why_nothing_changed",
            why = why_read_only(why, file.path())
        ),
        _ => tr!("app.read_only.nothing_changed").into(),
    }
}

/// Why a session is read-only, and how to work on it, in one sentence or two.
fn why_read_only(why: &ReadOnly, path: &Path) -> String {
    let name = name_of(path);
    match why {
        ReadOnly::Asked(Some(h)) | ReadOnly::LockLost(Some(h)) => tr!(
            "app.open.read_only_held",
            pid = h.pid,
            host = plain::escaped(&h.host)
        ),
        ReadOnly::Asked(None) | ReadOnly::LockLost(None) => tr!("app.open.read_only").into(),
        ReadOnly::Link(target) => tr!(
            "app.open.read_only_link",
            name = name,
            target = target
                .as_deref()
                .map_or_else(|| "?".to_string(), plain::path)
        ),
        ReadOnly::NotWritable => tr!("app.open.read_only_mode", name = name),
        ReadOnly::NameTooLong => tr!(
            "app.open.read_only_name",
            max = store::side_files::MAX_SESSION_NAME_BYTES
        ),
    }
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

/// Saves the open session and waits for the disk; on failure says why
/// (briefly) and returns the reason. For the moments that must know
/// (quitting, Ctrl-S, a restored session); a change uses [`save_later`].
pub fn save(app: &mut App) -> Option<String> {
    let Screen::Workshop(w) = &mut app.screen else {
        return None;
    };
    if w.read_only() {
        // Opened read-only, nothing changes; but a session whose lock was
        // lost holds changes that must not be dropped silently.
        return w
            .unsaved
            .then(|| tr!("app.save.no_longer_writes").to_string());
    }
    w.file.save(&w.session, Instant::now());
    let reports = w.file.flush();
    let reason = apply(app, reports);
    // The save just asked for may have found the lock lost.
    match app.workshop_ref() {
        Some(w) if w.read_only() && w.unsaved && reason.is_none() => {
            Some(tr!("app.save.no_longer_writes").to_string())
        }
        _ => reason,
    }
}

/// Hands the session to the writer and goes on: the newest state is on
/// disk a moment later, and what came of it is shown by [`settle`].
pub fn save_later(app: &mut App) {
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    if !w.read_only() {
        w.file.save(&w.session, Instant::now());
    }
}

/// Shows what the writer's finished work came to, without waiting.
/// Returns whether anything was shown (the screen then changed).
pub fn settle(app: &mut App) -> bool {
    let written = reports_done(app, false) | duplicates_done(app, false) | phones::serve(app);
    let Screen::Workshop(w) = &mut app.screen else {
        return written;
    };
    let reports = w.file.reports();
    let any = !reports.is_empty();
    apply(app, reports);
    any || written
}

/// Waits until the writer (and any report being written) has written
/// everything handed over, and shows what it came to: what the event loop
/// shows a moment later by itself.
/// For the tests, and for whoever must know before going on.
pub fn wait_for_writer(app: &mut App) {
    reports_done(app, true);
    duplicates_done(app, true);
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    let reports = w.file.flush();
    apply(app, reports);
}

/// Turns the writer's reports into state, oldest first; returns the reason
/// the last save failed, if it did.
fn apply(app: &mut App, reports: Vec<Report>) -> Option<String> {
    let mut reason = None;
    for report in reports {
        match report {
            Report::OpenBackup(warning) => {
                app.error(tr!("app.open.opened_but", warning = warning));
            }
            Report::Saved(outcome) => reason = saved(app, outcome),
        }
    }
    reason
}

/// Turns the outcome of a save into state: the UNSAVED mark, and what the
/// status line says. Returns the reason when the session was not saved.
pub fn saved(app: &mut App, outcome: Result<Option<String>, StoreError>) -> Option<String> {
    let Screen::Workshop(w) = &mut app.screen else {
        return None;
    };
    match outcome {
        Ok(warning) => {
            let was_unsaved = std::mem::replace(&mut w.unsaved, false);
            let path = plain::path(w.path());
            if let Some(warning) = warning {
                app.error(tr!("app.save.saved_but", warning = warning));
            } else if was_unsaved {
                // The failure on the status line is over: say so, or it
                // would still read as news after the session is safe.
                app.info(tr!("app.save.saved_to", path = path));
            }
            None
        }
        Err(e @ StoreError::LockLost(_)) => {
            w.unsaved = true;
            let reason = e.to_string();
            app.error(tr!("app.save.lock_lost"));
            Some(reason)
        }
        Err(StoreError::StoppedWriting { why, .. }) => {
            w.unsaved = true;
            app.error(tr!("app.save.stopped_writing", why = why));
            Some(why)
        }
        Err(StoreError::FolderGone(dir)) => {
            // Kept editable: every change and Ctrl-S try again, and the
            // session lands in the folder as soon as it is back.
            w.unsaved = true;
            let reason = StoreError::FolderGone(dir.clone()).to_string();
            // Its own name only: the message must keep its end at 80 columns.
            app.error(tr!("app.save.folder_gone", dir = name_of(&dir)));
            Some(reason)
        }
        Err(e) => {
            w.unsaved = true;
            let reason = short_reason(&e);
            // Short enough for one line at 80 columns: the title is on the bar above.
            app.error(tr!("app.save.failed", reason = reason));
            Some(reason)
        }
    }
}

fn short_reason(e: &StoreError) -> String {
    match e {
        StoreError::Io { source, .. } => plain::escaped(&source.to_string()).into_owned(),
        other => other.to_string(),
    }
}

fn run_effects(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::Save => save_later(app),
            Effect::SaveNow => save_now(app),
            Effect::Quit => quit(app),
            Effect::QuitUnsaved => {
                app.farewell = rescue(app);
                app.quit = true;
            }
            Effect::Open(path, how) => open(app, &path, how),
            Effect::Create(title) => create(app, &title),
            Effect::CreateFrom(title, template) => create_from(app, &title, &template),
            Effect::SaveAsAndQuit(path) => save_as_and_quit(app, path),
            Effect::ReadImport(path) => read_import(app, &path),
            Effect::FindDuplicates(at) => find_duplicates(app, at),
            Effect::Bell => app.bell = true,
            Effect::WriteReports => write_reports(app),
            Effect::CopyReport => copy_report(app),
            Effect::Merge(request) => merge::run(app, request),
            Effect::OpenRoom => phones::open_room(app),
            Effect::CloseRoom => phones::close_room(app),
        }
    }
}

fn save_now(app: &mut App) {
    let Some(w) = app.workshop_ref() else {
        return;
    };
    if w.read_only() {
        // Changes that only this window holds must not read as "nothing".
        let message = if w.unsaved {
            tr!("app.read_only.stopped").to_string()
        } else {
            read_only_message(&w.file)
        };
        app.error(message);
        return;
    }
    let path = plain::path(w.path());
    if save(app).is_none() && app.status.as_ref().is_none_or(|s| !s.error) {
        app.info(tr!("app.save.saved_to", path = path));
    }
}

/// Quits after saving. When the save fails, asks first and offers to write
/// the session elsewhere: the room's work is never thrown away by one key.
fn quit(app: &mut App) {
    // Quitting closes the room first: its port, and its connections' files.
    phones::stop(app);
    // A report being written is finished first, so no half-written
    // temporary is left beside the session.
    reports_done(app, true);
    let Some(reason) = save(app) else {
        return;
    };
    app.quit = false;
    if let Screen::Workshop(w) = &mut app.screen {
        w.quit_prompt = Some(QuitPrompt {
            reason,
            elsewhere: None,
            suggestion: elsewhere(w.path()),
        });
    }
    app.error(tr!("app.quit.not_saved"));
}

/// A place that is likely writable when the session's own folder is not:
/// the home folder, else the temporary folder.
fn elsewhere(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "session.ron".into(), |n| n.to_os_string());
    let dir = directories::UserDirs::new()
        .map(|d| d.home_dir().to_path_buf())
        .filter(|d| d.is_dir() && Some(d.as_path()) != path.parent())
        .unwrap_or_else(std::env::temp_dir);
    let candidate = dir.join(&name);
    if candidate.exists() {
        let stem = Path::new(&name).file_stem().map_or_else(
            || "session".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        store::unique_path(&dir, &stem)
    } else {
        candidate
    }
}

fn save_as_and_quit(app: &mut App, path: PathBuf) {
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    let session = &w.session;
    let outcome = w
        .file
        .with_file(|f| f.save_as(path.clone(), session, Instant::now()));
    match outcome.unwrap_or_else(|| Err(StoreError::WriterFailed(path.clone()))) {
        Ok(()) => {
            w.unsaved = false;
            w.quit_prompt = None;
            app.farewell = Some(tr!("app.farewell.saved_in", path = plain::path(&path)));
            app.quit = true;
        }
        Err(e) => app.error(tr!("app.quit.write_failed", error = e)),
    }
}

/// "process 4242 on studio, opened 14 min ago"
pub fn holder_words(info: &LockInfo) -> String {
    tr!(
        "app.holder",
        pid = info.pid,
        host = plain::escaped(&info.host),
        age = age(Some(info.since_time()), SystemTime::now())
    )
}

/// A file's name without its folder, for one-line messages (made safe to show).
fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || plain::path(path),
        |n| plain::escaped(&n.to_string_lossy()).into_owned(),
    )
}

fn file_words(path: &Path, written: SystemTime) -> String {
    tr!(
        "app.file_saved",
        name = name_of(path),
        age = age(Some(written), SystemTime::now())
    )
}

/// "s.ron.recovery: 4 MOTs, written 2 min ago" (or "saved", for the
/// session file) for a recovery question.
fn version_words(
    path: &Path,
    mots: Option<usize>,
    written: Option<SystemTime>,
    saved: bool,
) -> String {
    // Two versions written a few seconds apart must not both read "just now".
    let now = SystemTime::now();
    let age = match written.and_then(|t| now.duration_since(t).ok()) {
        Some(d) if d.as_secs() < 60 => tr!("app.recovery.seconds_ago", n = d.as_secs()),
        _ => age(written, now),
    };
    let name = name_of(path);
    match mots {
        Some(mots) if saved => tr!("app.recovery.saved", name = name, mots = mots, age = age),
        Some(mots) => tr!("app.recovery.version", name = name, mots = mots, age = age),
        None => tr!("app.recovery.unreadable", name = name, age = age),
    }
}

/// Opens a session file from the picker or the command line. Questions
/// (a lock, a recovery file, an unreadable file with a backup) go on the
/// picker; plain failures go on the status line.
pub fn open(app: &mut App, path: &Path, how: OpenHow) {
    let now = Instant::now();
    // Whether a saved file was there to become a backup (a recovery may be
    // all that is left of a session).
    let saved_file_there = matches!(store::side_files::look(path), Ok(Some(_)));
    let mut notes = Vec::new();
    let opened = match how {
        OpenHow::Normal => session_file::open(path, OpenMode::Normal, now),
        OpenHow::SkipRecovery => session_file::open(path, OpenMode::SkipRecovery, now),
        OpenHow::TakeOver => session_file::open(path, OpenMode::TakeOver, now),
        OpenHow::ReadOnly => session_file::open(path, OpenMode::ReadOnly, now),
        OpenHow::Recovery => session_file::open_recovery(path, now),
        OpenHow::RecoveryAsCopy => session_file::open_recovery_as_copy(path, now),
        OpenHow::Backup => session_file::open_backup(path, now).map(|(opened, _)| opened),
    };
    let opened = match opened {
        Ok(opened) => opened,
        Err(OpenError::RecoveryWaiting(r)) => {
            let saved = r
                .session_written
                .is_some()
                .then(|| version_words(path, r.session_mots, r.session_written, true));
            offer(
                app,
                Offer::Recovery {
                    path: path.to_path_buf(),
                    recovery: version_words(&r.path, r.mots, r.written, false),
                    saved,
                    conflict: r.conflict,
                },
            );
            return;
        }
        Err(OpenError::Locked(info)) => {
            if how == OpenHow::TakeOver {
                app.error(tr!("app.open.still_runs", pid = info.pid));
            }
            let holder = holder_words(&info);
            offer(
                app,
                Offer::Locked {
                    path: path.to_path_buf(),
                    holder,
                    can_take_over: true,
                },
            );
            return;
        }
        Err(OpenError::CannotLock(e)) => {
            offer(
                app,
                Offer::Locked {
                    path: path.to_path_buf(),
                    holder: tr!("app.open.cannot_lock", error = e),
                    can_take_over: false,
                },
            );
            return;
        }
        Err(OpenError::Unreadable {
            error,
            backup: Some((backup, written)),
        }) => {
            offer(
                app,
                Offer::Backup {
                    path: path.to_path_buf(),
                    problem: error.to_string(),
                    backup: file_words(&backup, written),
                },
            );
            return;
        }
        Err(OpenError::Unreadable {
            error,
            backup: None,
        }) => {
            app.error(tr!("app.open.cannot_open", error = error));
            return;
        }
    };
    let Opened {
        session,
        file,
        took_over,
        migrated_from,
        warning,
        moved_aside,
        original_kept_as,
    } = opened;
    let opened_path = file.path().to_path_buf();
    app.open(session, file);
    // What follows is said in the session's own language, as the screen is.
    crate::i18n::set(app.language());
    if let Some(info) = &took_over {
        notes.push(tr!("app.open.took_over", holder = holder_words(info)));
    }
    if let (Some(v), Some(kept)) = (migrated_from, &original_kept_as) {
        notes.push(tr!("app.open.upgraded", version = v, name = name_of(kept)));
    }
    if let Some(aside) = &moved_aside {
        if how == OpenHow::Backup {
            notes.push(tr!("app.open.backup_opened").into());
        }
        notes.push(tr!("app.open.unreadable_kept", name = name_of(aside)));
    }
    let restored_over_good_file = saved_file_there && moved_aside.is_none() && warning.is_none();
    let opened_with_warning = warning.is_some();
    if let Some(warning) = &warning {
        notes.push(tr!("app.open.opened_but", warning = warning));
    }
    let read_only = app.workshop_ref().and_then(|w| {
        w.file.read_only().map(|why| {
            let words = why_read_only(why, w.path());
            // The reasons of the file itself already say how to change it.
            match why {
                ReadOnly::Link(_) | ReadOnly::NotWritable | ReadOnly::NameTooLong => words,
                _ => tr!("app.open.changes_off", why = words),
            }
        })
    });
    if how == OpenHow::RecoveryAsCopy {
        notes.push(tr!(
            "app.open.recovered_copy",
            name = name_of(&opened_path),
            saved = name_of(path)
        ));
    }
    if matches!(how, OpenHow::Backup | OpenHow::Recovery) {
        // Put the restored session on disk at once, where it belongs.
        if save(app).is_some() {
            return;
        }
        if how == OpenHow::Recovery
            && let Screen::Workshop(w) = &mut app.screen
        {
            let _ = w.file.with_file(|f| f.discard_recovery());
            notes.insert(
                0,
                if restored_over_good_file {
                    tr!("app.open.recovered_backup")
                } else {
                    tr!("app.open.recovered")
                }
                .into(),
            );
        }
    }
    match read_only {
        Some(text) => app.error(text),
        None if opened_with_warning => app.error(notes.join(" ")),
        None if !notes.is_empty() => app.info(notes.join(" ")),
        None => app.info(tr!("app.open.opened", path = plain::path(&opened_path))),
    }
}

fn offer(app: &mut App, offer: Offer) {
    match &mut app.screen {
        Screen::Picker(p) => p.offer = Some(offer),
        Screen::Workshop(_) => app.error(tr!("app.open.close_first")),
    }
}

/// Creates a session with this title in the picker's folder and opens it.
pub fn create(app: &mut App, title: &str) {
    let session = crate::app::update::new_session(title);
    if let Some(path) = create_session(app, session) {
        app.info(tr!("app.create.created", path = plain::path(&path)));
    }
}

/// Creates a session with this title and the setup of the session in
/// `template` (read, never written, without its lock), and opens it.
pub fn create_from(app: &mut App, title: &str, template: &Path) {
    let template_session = match store::load_template(template) {
        Ok(s) => s,
        Err(e) => {
            app.error(tr!("app.create.template_failed", error = e));
            return;
        }
    };
    let session = Session::from_template(&template_session, title);
    if let Some(path) = create_session(app, session) {
        app.info(tr!(
            "app.create.created_from",
            path = plain::path(&path),
            template = name_of(template)
        ));
    }
}

/// Writes a new session in the picker's folder, under a name no file has,
/// and opens it; returns where, or says why not.
fn create_session(app: &mut App, session: Session) -> Option<PathBuf> {
    let Screen::Picker(p) = &app.screen else {
        return None;
    };
    let path = store::unique_path(&p.dir, &session.title);
    match session_file::create(&path, &session, Instant::now()) {
        Ok(file) => {
            app.open(session, file);
            Some(path)
        }
        Err(e) => {
            app.error(tr!("app.create.failed", error = e));
            None
        }
    }
}

/// When the app must stop at once (a panic, a signal, a lost terminal): keeps
/// what is being typed, saves the session where it is safe to, and says where
/// the data is. `None` when no session is open.
pub fn rescue(app: &mut App) -> Option<String> {
    phones::stop(app);
    let (message, lost) = rescue_session(app)?;
    app.lost |= lost;
    Some(message)
}

/// [`rescue`]'s work: what to say, and whether the session is lost.
fn rescue_session(app: &mut App) -> Option<(String, bool)> {
    // What is typed but not yet kept is part of the room's work too. A bug
    // here must not stop the save below.
    let _ = catch_unwind(AssertUnwindSafe(|| commit_drafts(app)));
    let Screen::Workshop(w) = &mut app.screen else {
        return None;
    };
    let path = w.path().to_path_buf();
    // Opened to look at: nothing changed. (A window whose lock was taken
    // over may hold changes: those go to the recovery file below.)
    if w.read_only() && !w.unsaved {
        return Some((
            tr!("app.farewell.read_only", path = plain::path(&path)),
            false,
        ));
    }
    // The session file is written only when the session is whole; a crash
    // mid-change may have left it inconsistent, and then it goes beside it.
    let session = &w.session;
    if session.validate().is_ok()
        && w.file
            .with_file(|f| f.save(session, Instant::now()).is_ok())
            .unwrap_or(false)
    {
        return Some((
            tr!("app.farewell.saved_in", path = plain::path(&path)),
            false,
        ));
    }
    let text = match store::to_ron(&w.session) {
        Ok(text) => text,
        Err(e) => return Some((tr!("app.farewell.not_saved", error = e), true)),
    };
    let recovery = w
        .file
        .with_file(|f| f.write_recovery(&text).map_err(|e| e.to_string()));
    match recovery.unwrap_or_else(|| Err(String::new())) {
        Ok(recovery) => Some((
            tr!(
                "app.farewell.recovery",
                path = plain::path(&path),
                copy = plain::path(&recovery)
            ),
            false,
        )),
        Err(_) => match w
            .file
            .with_file(|f| f.write_last_resort(&text, &std::env::temp_dir()))
            .unwrap_or_else(|| Err(std::io::Error::other(tr!("app.farewell.no_file"))))
        {
            Ok(fallback) => Some((
                tr!(
                    "app.farewell.beside",
                    path = plain::path(&path),
                    copy = plain::path(&fallback)
                ),
                false,
            )),
            Err(e) => Some((tr!("app.farewell.nowhere", error = e), true)),
        },
    }
}
