//! Writes an open session's file on a thread of its own, so that no key
//! waits for the disk.
//!
//! The event loop hands over the newest version of the session (a cheap
//! copy: MOTs are shared) and goes on. The thread writes it with
//! [`SessionFile::save`], which keeps every guarantee a save has (atomic,
//! durable, backups, the lock). Versions that arrive while a write is under
//! way replace each other: only the newest is written next, so a burst of
//! changes costs one more write, never an older state over a newer one.
//! What each write came to is reported back and shown by the loop; whoever
//! needs the file itself (quitting, a rescue, "save as") waits for the write
//! in flight first.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Instant;

use super::StoreError;
use super::session_file::{ReadOnly, SessionFile};
use crate::i18n::Language;
use crate::model::Session;

/// What a write came to, for the event loop to show.
#[derive(Debug)]
pub enum Report {
    /// A problem with the backup of the session as it was at open worth
    /// telling (it failed, or fewer backups are kept).
    OpenBackup(String),
    /// A save finished: a warning that did not stop it, or why it failed.
    Saved(Result<Option<String>, StoreError>),
}

/// Wakes the event loop: called by the writer when a job is done, so that
/// what it came to is shown at once (the loop blocks otherwise).
#[derive(Clone)]
pub struct Waker(Arc<dyn Fn() + Send + Sync>);

impl Waker {
    /// A waker that calls `f`.
    pub fn new(f: impl Fn() + Send + Sync + 'static) -> Waker {
        Waker(Arc::new(f))
    }

    /// Tells the loop there is news.
    pub fn wake(&self) {
        (self.0)();
    }
}

impl std::fmt::Debug for Waker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Waker")
    }
}

/// The open session's file, written beside the event loop.
#[derive(Debug)]
pub struct Writer {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    /// Where the session is saved, as of the last look.
    path: PathBuf,
    /// Why this window only looks, as of the last look.
    read_only: Option<ReadOnly>,
}

#[derive(Debug, Default)]
struct Shared {
    state: Mutex<State>,
    /// Rung when there is work, and when work is done.
    bell: Condvar,
}

#[derive(Debug, Default)]
struct State {
    /// The file; `None` while the thread writes it.
    file: Option<SessionFile>,
    /// The newest version not yet taken for writing.
    newest: Option<(Session, Instant)>,
    /// The language the loop spoke when it handed over the last job: what
    /// the writer says (a warning, an error) is said in it.
    language: Language,
    /// The open-time backup is still to be kept.
    backup_due: bool,
    /// What happened since the loop last asked.
    reports: Vec<Report>,
    /// The thread is to finish its work and end.
    stop: bool,
    /// Told when work is done, besides the bell.
    waker: Option<Waker>,
}

impl State {
    /// Nothing waiting, nothing being written.
    fn idle(&self) -> bool {
        self.file.is_some() && self.newest.is_none() && !self.backup_due
    }
}

impl Writer {
    /// Starts writing this file. Its first job is the backup of the version
    /// read at open. Should no thread start, every write happens in place.
    /// `waker`, if any, is called each time a job is done.
    pub fn start(file: SessionFile, waker: Option<Waker>) -> Writer {
        let path = file.path().to_path_buf();
        let read_only = file.read_only().cloned();
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                backup_due: file.writable(),
                file: Some(file),
                waker,
                language: crate::i18n::current(),
                ..State::default()
            }),
            bell: Condvar::new(),
        });
        let worker = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("mot-writer".into())
            .spawn(move || worker.run())
            .ok();
        let writer = Writer {
            shared,
            thread,
            path,
            read_only,
        };
        if writer.thread.is_none() {
            writer.shared.work_in_place();
        }
        writer
    }

    /// From now on, wake the event loop with this each time a job is done
    /// (for a session opened before the loop started).
    pub fn set_waker(&self, waker: Waker) {
        let mut state = self.shared.lock();
        let news = !state.reports.is_empty();
        state.waker = Some(waker.clone());
        drop(state);
        if news {
            waker.wake();
        }
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why this window only looks at the session, if it does.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }

    /// Whether saves are allowed.
    pub fn writable(&self) -> bool {
        self.read_only.is_none()
    }

    /// Hands over the newest version to be written; returns at once.
    pub fn save(&mut self, session: &Session, now: Instant) {
        let newest = Some((session.clone(), now));
        let mut state = self.shared.lock();
        state.language = crate::i18n::current();
        // A version handed over before and not yet taken is older: it goes.
        let older = std::mem::replace(&mut state.newest, newest);
        drop(state);
        drop(older);
        self.shared.bell.notify_all();
        if self.thread.is_none() {
            self.shared.work_in_place();
        }
    }

    /// Whether a write is waiting or under way, or its report not yet taken.
    pub fn busy(&self) -> bool {
        let state = self.shared.lock();
        !state.idle() || !state.reports.is_empty()
    }

    /// What the writes came to since the last call, oldest first.
    pub fn reports(&mut self) -> Vec<Report> {
        let shared = Arc::clone(&self.shared);
        let mut state = shared.lock();
        let reports = std::mem::take(&mut state.reports);
        self.look(&state);
        reports
    }

    /// Waits until everything handed over is written, and says what came of it.
    pub fn flush(&mut self) -> Vec<Report> {
        let state = self.shared.wait_idle();
        drop(state);
        self.reports()
    }

    /// Does something with the file itself, once the write in flight is
    /// done (a save on the way out, "save as", a recovery file).
    pub fn with_file<R>(&mut self, f: impl FnOnce(&mut SessionFile) -> R) -> Option<R> {
        let shared = Arc::clone(&self.shared);
        let mut state = shared.wait_idle();
        let out = state.file.as_mut().map(f);
        self.look(&state);
        out
    }

    /// Notes where the file is and whether it may be written, as the
    /// thread last left it (a lost lock, a "save as").
    fn look(&mut self, state: &State) {
        if let Some(file) = &state.file {
            self.path = file.path().to_path_buf();
            self.read_only = file.read_only().cloned();
        }
    }
}

impl Drop for Writer {
    /// Writes what is still waiting, then ends the thread (which lets go of
    /// the file and its lock).
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.bell.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic is caught before it could leave the state half changed.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn wait_idle(&self) -> MutexGuard<'_, State> {
        let mut state = self.lock();
        while !state.idle() {
            state = self.bell.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        state
    }

    /// The thread: waits for work, does it, reports, until told to stop.
    fn run(&self) {
        loop {
            let mut state = self.lock();
            while state.file.is_none() || (state.newest.is_none() && !state.backup_due) {
                if state.stop {
                    // The file (and its lock) goes with the thread's end.
                    drop(state.file.take());
                    return;
                }
                state = self.bell.wait(state).unwrap_or_else(|p| p.into_inner());
            }
            drop(state);
            self.work_once();
        }
    }

    /// Does every job waiting, on the caller's thread (when no thread runs).
    fn work_in_place(&self) {
        while !self.lock().idle() {
            if !self.work_once() {
                return;
            }
        }
    }

    /// Takes the next job and does it with the lock let go, so the loop
    /// can hand over newer versions meanwhile. Returns whether there was one.
    fn work_once(&self) -> bool {
        let mut state = self.lock();
        let Some(mut file) = state.file.take() else {
            return false;
        };
        let backup = std::mem::take(&mut state.backup_due);
        let newest = if backup { None } else { state.newest.take() };
        crate::i18n::set(state.language);
        drop(state);
        let report = if backup {
            catch_unwind(AssertUnwindSafe(|| file.keep_open_backup()))
                .unwrap_or_else(|_| Some(crate::tr!("store.error.writer_failed").to_string()))
                .map(Report::OpenBackup)
        } else {
            newest.map(|(session, now)| {
                let outcome = catch_unwind(AssertUnwindSafe(|| file.save(&session, now)))
                    .unwrap_or_else(|_| Err(StoreError::WriterFailed(file.path().to_path_buf())));
                Report::Saved(outcome)
            })
        };
        let mut state = self.lock();
        state.file = Some(file);
        let waker = report.is_some().then(|| state.waker.clone()).flatten();
        state.reports.extend(report);
        drop(state);
        self.bell.notify_all();
        if let Some(waker) = waker {
            waker.wake();
        }
        true
    }
}
