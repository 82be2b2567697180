//! Where sessions live and how they are written: RON files, saved atomically.
//! The store knows the domain; the domain does not know the store.

pub mod atomic_save;
pub mod catalog;
pub mod format;
pub mod location;

use std::path::{Path, PathBuf};

use crate::model::Session;

pub use catalog::{Entry, file_stem_for, list, unique_path};
pub use format::{FormatError, from_ron, to_ron};
pub use location::sessions_dir;

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
}

impl StoreError {
    fn io(path: &Path, source: std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// Reads and checks a session file.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = std::fs::read(path).map_err(|e| StoreError::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| StoreError::Format {
        path: path.to_path_buf(),
        error: FormatError::not_utf8(&e),
    })?;
    from_ron(&text).map_err(|error| StoreError::Format {
        path: path.to_path_buf(),
        error,
    })
}

/// Writes a session so that a crash leaves either the old file or the new one.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = to_ron(session).map_err(|error| StoreError::Format {
        path: path.to_path_buf(),
        error,
    })?;
    atomic_save::write_atomic(path, text.as_bytes()).map_err(|e| StoreError::io(path, e))
}
