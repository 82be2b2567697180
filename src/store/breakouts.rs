//! The files of a merge: the breakouts' sessions, read and never written,
//! and the merged session, written as a new file in the sessions folder.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::side_files::{self, Kind};
use super::{StoreError, decode_bytes, session_file, unique_path};
use crate::model::Session;
use crate::model::limits::MAX_FILE_BYTES;
use crate::{plain, tr};

/// Why a breakout's session cannot be merged.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// Nothing is there.
    #[error("{}: {}", plain::path(.0), tr!("store.file.missing"))]
    Missing(PathBuf),
    /// A link: a merge reads session files themselves, as a report does.
    #[error("{}", tr!("merge.error.link", path = plain::path(.0)))]
    Link(PathBuf),
    /// Anything else the store refuses (a special file, too large, unreadable).
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Reads a breakout's session to merge: the file itself (never through a
/// link, never a special file, within the size limit), once, without its
/// lock: a merge never writes it, and another `mot` may have it open.
pub fn read(path: &Path) -> Result<Session, InputError> {
    match side_files::look(path)? {
        None => return Err(InputError::Missing(path.to_path_buf())),
        Some(e) if e.kind == Kind::Link => return Err(InputError::Link(path.to_path_buf())),
        Some(e) if e.kind != Kind::File => return Err(side_files::not_a_file(path, e.kind).into()),
        Some(_) => {}
    }
    let bytes = side_files::read(path, false, MAX_FILE_BYTES)?;
    Ok(decode_bytes(path, &bytes)?.session)
}

/// Writes `session` as a new file in `dir`, named from its title (made
/// safe, within the name limits, never over an existing file), and lets
/// go of its lock: the merged session is opened later, like any other.
pub fn create(dir: &Path, session: &Session) -> Result<PathBuf, StoreError> {
    let path = unique_path(dir, &session.title);
    let file = session_file::create(&path, session, Instant::now())?;
    drop(file);
    Ok(path)
}
