//! Where sessions live and how they are written: RON files, saved atomically.
//! The store knows the domain; the domain does not know the store.

pub mod atomic_save;
pub mod backup;
pub mod catalog;
pub mod format;
pub mod location;
pub mod lock;
pub mod session_file;
pub mod v1;
pub mod v2;

use std::path::{Path, PathBuf};

use crate::model::Session;

pub use catalog::{Entry, file_stem_for, list, unique_path};
pub use format::{Decoded, FormatError, decode, from_ron, to_ron};
pub use location::sessions_dir;
pub use lock::{Lock, LockError, LockInfo, LockState};
pub use session_file::{Access, OpenError, OpenMode, Opened, SessionFile};

/// Why a session could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The operating system refused.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a session this app can read.
    #[error("{path}:{}", .error)]
    Format {
        /// The file.
        path: PathBuf,
        /// Where and what.
        error: FormatError,
    },
    /// No folder to keep sessions in could be found.
    #[error("no folder for sessions: {0}")]
    NoSessionsDir(String),
    /// The session was opened read-only: another `mot` holds it.
    #[error("{0} is open read-only")]
    ReadOnly(PathBuf),
    /// Another `mot` took the session over while it was open here.
    #[error("another mot took {0} over; this window no longer writes it")]
    LockLost(PathBuf),
    /// The session's lock could not be taken.
    #[error(transparent)]
    Lock(#[from] LockError),
}

impl StoreError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Reads and checks a session file (without taking its lock).
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    decode_bytes(path, &bytes).map(|d| d.session)
}

/// Whether the file says it was written by a newer `mot` (whatever else is in it).
pub fn written_by_newer(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| {
        std::str::from_utf8(&bytes)
            .is_ok_and(|t| format::version_of(t) > crate::model::FORMAT_VERSION)
    })
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
