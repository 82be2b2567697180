//! Where sessions live and how they are written: RON files, saved atomically.
//! The store knows the domain; the domain does not know the store.

pub mod atomic_save;
pub mod backup;
pub mod breakouts;
pub mod catalog;
pub mod format;
pub mod location;
pub mod lock;
pub mod parsed;
pub mod session_file;
pub mod side_files;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;
pub mod v5;
pub mod v6;
pub mod v7;
pub mod v8;
pub mod writer;

use std::path::{Path, PathBuf};

use crate::model::Session;
use crate::{plain, tr};

pub use catalog::{Entry, ReadOnlyNote, file_stem_for, list, unique_path};
pub use format::{Decoded, FormatError, decode, from_ron, to_ron};
pub use location::sessions_dir;
pub use lock::{Lock, LockError, LockInfo, LockState};
pub use session_file::{Access, OpenError, OpenMode, Opened, SessionFile};

/// Why a session could not be read or written.
#[derive(Debug)]
pub enum StoreError {
    /// The operating system refused.
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a session this app can read.
    Format {
        /// The file.
        path: PathBuf,
        /// Where and what.
        error: FormatError,
    },
    /// No folder to keep sessions in could be found (the reason in words).
    NoSessionsDir(String),
    /// The session was opened read-only: another `mot` holds it.
    ReadOnly(PathBuf),
    /// Another `mot` took the session over while it was open here.
    LockLost(PathBuf),
    /// The session's lock could not be taken.
    Lock(LockError),
    /// A link where mot keeps a file of its own: never followed or written through.
    Link {
        /// The link.
        path: PathBuf,
        /// Where it points, when that can be read.
        target: Option<PathBuf>,
    },
    /// Something that is not a regular file (a FIFO, a device, a folder).
    NotAFile {
        /// What was found.
        path: PathBuf,
        /// What it is.
        kind: side_files::Kind,
    },
    /// A file larger than mot reads.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
        /// The limit.
        max: u64,
    },
    /// A lock file that has other names: writing it would write them too.
    HardLinked(PathBuf),
    /// The session's folder is not there any more (moved, removed, unmounted).
    FolderGone(PathBuf),
    /// Something other than a folder where the sessions folder should be.
    NotAFolder(PathBuf),
    /// This window stopped writing the session for a reason other than
    /// another `mot` taking it over (said in words).
    StoppedWriting {
        /// The session file.
        path: PathBuf,
        /// Why, in words.
        why: String,
    },
    /// The writer stopped on a bug while saving (the session is still open).
    WriterFailed(PathBuf),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Io { path, source } => write!(f, "{}: {source}", plain::path(path)),
            StoreError::Format { path, error } => write!(f, "{}:{error}", plain::path(path)),
            StoreError::NoSessionsDir(reason) => {
                f.write_str(&tr!("store.error.no_sessions_dir", reason = reason))
            }
            StoreError::ReadOnly(path) => {
                f.write_str(&tr!("store.error.read_only", path = plain::path(path)))
            }
            StoreError::LockLost(path) => {
                f.write_str(&tr!("store.error.lock_lost", path = plain::path(path)))
            }
            StoreError::Lock(e) => e.fmt(f),
            StoreError::Link {
                path,
                target: Some(target),
            } => f.write_str(&tr!(
                "store.error.link_to",
                path = plain::path(path),
                target = plain::path(target)
            )),
            StoreError::Link { path, target: None } => {
                f.write_str(&tr!("store.error.link", path = plain::path(path)))
            }
            StoreError::NotAFile { path, kind } => f.write_str(&tr!(
                "store.error.not_a_file",
                path = plain::path(path),
                kind = kind.words()
            )),
            StoreError::TooLarge { path, bytes, max } => f.write_str(&tr!(
                "store.error.too_large",
                path = plain::path(path),
                size = megabytes(*bytes),
                max = megabytes(*max)
            )),
            StoreError::HardLinked(path) => {
                f.write_str(&tr!("store.error.hard_linked", path = plain::path(path)))
            }
            StoreError::FolderGone(dir) => {
                f.write_str(&tr!("store.error.folder_gone", dir = plain::path(dir)))
            }
            StoreError::StoppedWriting { why, .. } => f.write_str(why),
            StoreError::NotAFolder(path) => {
                f.write_str(&tr!("store.error.not_a_folder", path = plain::path(path)))
            }
            StoreError::WriterFailed(path) => f.write_str(&tr!(
                "store.error.writer_failed_at",
                path = plain::path(path)
            )),
        }
    }
}

/// A size for people: "80.3 MB", "512 bytes".
fn megabytes(bytes: u64) -> String {
    if bytes < 1_000_000 {
        format!("{bytes} B")
    } else {
        format!("{:.1} MB", bytes as f64 / 1_000_000.0)
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Io { source, .. } => Some(source),
            // Transparent: the lock error speaks for itself, its cause included.
            StoreError::Lock(e) => std::error::Error::source(e),
            _ => None,
        }
    }
}

impl From<LockError> for StoreError {
    fn from(e: LockError) -> StoreError {
        StoreError::Lock(e)
    }
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Reads and checks a session file (without taking its lock): a regular
/// file within the size limit, or a link to one.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = side_files::read_session(path)?;
    decode_bytes(path, &bytes).map(|d| d.session)
}

/// Reads a session to start another from its setup. It is read as opening
/// it read-only would (a link followed to a regular file, special files
/// and files past the size limit refused, every value checked), without
/// its lock: another `mot` may have it open, and its last saved state is
/// what is read. Nothing is written beside it, an older format included.
pub fn load_template(path: &Path) -> Result<Session, StoreError> {
    if side_files::look(path)?.is_none() {
        let missing = std::io::Error::new(
            std::io::ErrorKind::NotFound,
            tr!("store.file.missing").to_string(),
        );
        return Err(StoreError::io(path, missing));
    }
    load(path)
}

/// Checks a session file's bytes, migrating an older format.
pub fn decode_bytes(path: &Path, bytes: &[u8]) -> Result<Decoded, StoreError> {
    let format = |error| StoreError::Format {
        path: path.to_path_buf(),
        error,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| format(FormatError::not_utf8(bytes, &e)))?;
    decode(text).map_err(format)
}

/// Writes a session so that a crash leaves either the old file or the new one.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = to_ron(session).map_err(|error| StoreError::Format {
        path: path.to_path_buf(),
        error,
    })?;
    atomic_save::write_atomic(path, text.as_bytes()).map_err(|e| StoreError::io(path, e))
}
