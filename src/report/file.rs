//! Writing a report to a file as a session is written: whole or not at all
//! (through the store's atomic save), never through a link, never onto a
//! folder or a special file, and only under a name its temporary fits beside.

use std::path::{Path, PathBuf};

use crate::model::limits::MAX_SESSION_NAME_BYTES;
use crate::store::side_files::{self, Kind};
use crate::store::{StoreError, atomic_save};
use crate::{plain, tr};

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A link is where the report would go.
    #[error("{}", tr!("report.error.link", path = plain::path(.0)))]
    Link(PathBuf),
    /// A folder or a special file is where the report would go.
    #[error("{}", tr!("report.error.not_a_file", path = plain::path(path), kind = kind.words()))]
    NotAFile {
        /// The path asked for.
        path: PathBuf,
        /// What is there.
        kind: Kind,
    },
    /// The name leaves no room for the temporary written beside it.
    #[error("{}", tr!("report.error.name_too_long", path = plain::path(.0), max = MAX_SESSION_NAME_BYTES))]
    NameTooLong(PathBuf),
    /// The system refused.
    #[error("{}: {source}", plain::path(path))]
    Io {
        /// The path asked for.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// What is at `path`, looked at without following a link.
fn look(path: &Path) -> Result<Option<side_files::Entry>, WriteError> {
    side_files::look(path).map_err(|e| WriteError::Io {
        path: path.to_path_buf(),
        source: match e {
            StoreError::Io { source, .. } => source,
            other => std::io::Error::other(other.to_string()),
        },
    })
}

/// Writes `text` to `path`, replacing a regular file there: a crash leaves
/// the old file or the new one, and the old file's permissions are kept.
pub fn write(path: &Path, text: &str) -> Result<(), WriteError> {
    // Said before anything is written, in words; the save checks again
    // at the rename, so nothing planted meanwhile is written through.
    match look(path)? {
        Some(e) if e.kind == Kind::Link => return Err(WriteError::Link(path.to_path_buf())),
        Some(e) if e.kind != Kind::File => {
            return Err(WriteError::NotAFile {
                path: path.to_path_buf(),
                kind: e.kind,
            });
        }
        _ => {}
    }
    if !side_files::side_names_fit(path) {
        return Err(WriteError::NameTooLong(path.to_path_buf()));
    }
    atomic_save::write_atomic(path, text.as_bytes()).map_err(|source| {
        // A link or folder that appeared between the look and the rename.
        match look(path) {
            Ok(Some(e)) if e.kind == Kind::Link => WriteError::Link(path.to_path_buf()),
            Ok(Some(e)) if e.kind != Kind::File => WriteError::NotAFile {
                path: path.to_path_buf(),
                kind: e.kind,
            },
            _ => WriteError::Io {
                path: path.to_path_buf(),
                source,
            },
        }
    })
}
