//! The reports the app writes beside a session's file (`NAME.report.md`
//! and `NAME.report.html`), on a thread of their own as saves are: the
//! room's screen never waits for the disk. What the writing came to comes
//! back as a message that the event loop turns into a status line.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};

use super::{Date, WriteError, html, markdown, write};
use crate::i18n::{self, Language};
use crate::model::Session;
use crate::store::writer::Waker;
use crate::tr;

/// What writing the reports came to: the files written, or why not.
pub type Outcome = Result<Vec<PathBuf>, WriteError>;

/// Where a session's reports go: beside it, named from its file's stem.
pub fn paths(session: &Path) -> [PathBuf; 2] {
    let stem = session
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_os_string());
    let named = |ext: &str| {
        let mut name = stem.clone();
        name.push(format!(".report.{ext}"));
        session.with_file_name(name)
    };
    [named("md"), named("html")]
}

/// The work of a job, taken by whoever runs it.
type Shared = Arc<Mutex<Option<Box<dyn FnOnce() + Send>>>>;

fn run(work: &Shared) {
    let taken = work.lock().ok().and_then(|mut w| w.take());
    if let Some(work) = taken {
        work();
    }
}

/// Reports being written.
#[derive(Debug)]
pub struct Job {
    done: mpsc::Receiver<Outcome>,
    /// The first file, named when the thread is lost without a word.
    path: PathBuf,
}

impl Job {
    /// Starts writing the Markdown and HTML reports of `session` (saved at
    /// `path`) in `lang`, dated `date`; `waker`, if any, is called when
    /// done. Should no thread start, they are written at once.
    pub fn start(
        session: Session,
        path: &Path,
        date: Option<Date>,
        lang: Language,
        waker: Option<Waker>,
    ) -> Job {
        let files = paths(path);
        let first = files[0].clone();
        let (tx, done) = mpsc::channel();
        let work = move || {
            let outcome = write_both(&session, &files, date, lang);
            let _ = tx.send(outcome);
            if let Some(w) = waker {
                w.wake();
            }
        };
        // Shared, so that the work runs here when no thread can start.
        let work: Shared = Arc::new(Mutex::new(Some(Box::new(work))));
        let theirs = Arc::clone(&work);
        let spawned = std::thread::Builder::new()
            .name("mot-report".into())
            .spawn(move || run(&theirs));
        if spawned.is_err() {
            run(&work);
        }
        Job { done, path: first }
    }

    /// What it came to, once done; `None` while it is still writing.
    pub fn outcome(&self) -> Option<Outcome> {
        match self.done.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err(self.lost())),
        }
    }

    /// Waits until it is done.
    pub fn wait(self) -> Outcome {
        self.done.recv().unwrap_or_else(|_| Err(self.lost()))
    }

    /// The thread ended without saying what happened (it panicked).
    fn lost(&self) -> WriteError {
        WriteError::Io {
            path: self.path.clone(),
            source: std::io::Error::other(tr!("report.error.stopped")),
        }
    }
}

/// Writes both files, the Markdown first; stops at the first that fails.
fn write_both(
    session: &Session,
    files: &[PathBuf; 2],
    date: Option<Date>,
    lang: Language,
) -> Outcome {
    // The thread starts in no language: the words of an error are the room's.
    i18n::speaking(lang, || {
        let report = super::build(session, date, lang);
        write(&files[0], &markdown::render(&report))?;
        write(&files[1], &html::render(&report))?;
        Ok(files.to_vec())
    })
}
