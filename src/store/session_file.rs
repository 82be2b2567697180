//! An open session's file: its lock, its backups, the original of an older
//! format, a recovery file after a crash, and saving all of it in order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use super::atomic_save::{remove_stale_temporaries, write_atomic};
use super::backup::{self, suffixed};
use super::lock::{Lock, LockError, LockInfo};
use super::{StoreError, to_ron};
use crate::model::{FORMAT_VERSION, Session};
use crate::tr;

/// Whether this instance may write the session.
#[derive(Debug)]
pub enum Access {
    /// This instance holds the lock.
    Locked(Lock),
    /// Opened to look at while another `mot` holds it (shown here).
    ReadOnly(Option<LockInfo>),
    /// Writable without a lock: a file no other instance can know about yet.
    Detached,
}

/// An open session's file and what must happen around each save.
#[derive(Debug)]
pub struct SessionFile {
    path: PathBuf,
    access: Access,
    /// The bytes of a file in an older format, kept as `NAME.vN.bak` before
    /// the first write replaces it.
    original: Option<(u32, Vec<u8>)>,
    /// The last version read or written that is known to be good.
    last_good: Option<Vec<u8>>,
    clock: backup::Clock,
}

/// How to open a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Take the lock (and a stale one); refuse when another `mot` holds it.
    Normal,
    /// Take the lock even from a holder that seems alive.
    TakeOver,
    /// Only look: no lock, no writes.
    ReadOnly,
}

/// A session opened from its file.
#[derive(Debug)]
pub struct Opened {
    /// The session, in the current format.
    pub session: Session,
    /// Its file.
    pub file: SessionFile,
    /// The holder of a lock that was taken over, to tell the user.
    pub took_over: Option<LockInfo>,
    /// The format version the file was in, when older than this build's.
    pub migrated_from: Option<u32>,
    /// A problem that did not stop the open (a backup that could not be written).
    pub warning: Option<String>,
    /// Where an unreadable session file was moved, never overwritten.
    pub moved_aside: Option<PathBuf>,
    /// Where the original of an older format will be kept at the first save.
    pub original_kept_as: Option<PathBuf>,
}

/// Why a session did not open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Another running `mot` holds the lock.
    #[error("{}", super::lock::held_words(.0))]
    Locked(LockInfo),
    /// The lock file could not be written; the session can still be read.
    #[error("{0}")]
    CannotLock(LockError),
    /// The file cannot be read; the newest good backup, if any, is named.
    #[error("{error}")]
    Unreadable {
        /// What is wrong, with line and column when the text is at fault.
        error: StoreError,
        /// The newest readable backup and when it was written.
        backup: Option<(PathBuf, SystemTime)>,
    },
}

fn lock(path: &Path, mode: OpenMode) -> Result<(Access, Option<LockInfo>), OpenError> {
    let taken = match mode {
        OpenMode::ReadOnly => return Ok((Access::ReadOnly(held_by(path)), None)),
        OpenMode::Normal => Lock::acquire(path),
        OpenMode::TakeOver => Lock::take_over(path),
    };
    match taken {
        Ok((lock, previous)) => {
            // With the lock held, temporaries of this session are leftovers of a crash.
            remove_stale_temporaries(path);
            Ok((Access::Locked(lock), previous))
        }
        Err(LockError::Held(info)) => Err(OpenError::Locked(info)),
        Err(e) => Err(OpenError::CannotLock(e)),
    }
}

fn held_by(path: &Path) -> Option<LockInfo> {
    match super::lock::state(path) {
        super::lock::LockState::Held(info) => Some(info),
        _ => None,
    }
}

fn read(path: &Path) -> Result<(Vec<u8>, super::Decoded), StoreError> {
    let bytes = fs::read(path).map_err(|e| StoreError::io(path, e))?;
    let decoded = super::decode_bytes(path, &bytes)?;
    Ok((bytes, decoded))
}

/// Opens a session: takes its lock, reads it, and keeps the file as read as
/// the newest backup. An unreadable file is left exactly as it is.
pub fn open(path: &Path, mode: OpenMode, now: Instant) -> Result<Opened, OpenError> {
    let (access, took_over) = lock(path, mode)?;
    let (bytes, decoded) = read(path).map_err(|error| OpenError::Unreadable {
        // A file from a newer mot is not broken: no older backup replaces it.
        backup: if super::written_by_newer(path) {
            None
        } else {
            backup::newest_readable(path).map(|(p, _, t)| (p, t))
        },
        error,
    })?;
    let mut file = SessionFile {
        path: path.to_path_buf(),
        access,
        original: None,
        last_good: Some(bytes.clone()),
        clock: backup::Clock::started(now),
    };
    let migrated_from = (decoded.version < FORMAT_VERSION).then_some(decoded.version);
    let mut warning = None;
    if let Some(v) = migrated_from {
        file.original = Some((v, bytes.clone()));
    }
    if file.writable() {
        // One backup at each open: the session as it was before this sitting.
        if let Err(e) = backup::keep(path, &bytes) {
            warning = Some(tr!("store.backup.failed", reason = e));
        }
    }
    let original_kept_as = migrated_from.map(|v| version_backup_path(path, v, &bytes));
    Ok(Opened {
        session: decoded.session,
        file,
        took_over,
        migrated_from,
        warning,
        moved_aside: None,
        original_kept_as,
    })
}

/// Opens the newest good backup of an unreadable session in its place. The
/// unreadable file is moved aside, never overwritten; returns where it went.
pub fn open_backup(path: &Path, now: Instant) -> Result<(Opened, PathBuf), OpenError> {
    let (access, took_over) = lock(path, OpenMode::Normal)?;
    let Some((_, session, _)) = backup::newest_readable(path) else {
        return Err(OpenError::Unreadable {
            error: StoreError::io(path, io::Error::other(tr!("store.backup.none"))),
            backup: None,
        });
    };
    let aside = free_name(path, ".unreadable", None);
    fs::rename(path, &aside).map_err(|e| OpenError::Unreadable {
        error: StoreError::io(path, e),
        backup: None,
    })?;
    let file = SessionFile::fresh(path.to_path_buf(), access, now);
    let opened = Opened {
        session,
        file,
        took_over,
        migrated_from: None,
        warning: None,
        moved_aside: Some(aside.clone()),
        original_kept_as: None,
    };
    Ok((opened, aside))
}

/// The recovery file written beside a session after a crash.
pub fn recovery_path(path: &Path) -> PathBuf {
    suffixed(path, ".recovery")
}

/// A recovery file newer than the session, and when it was written.
pub fn pending_recovery(path: &Path) -> Option<(PathBuf, SystemTime)> {
    let recovery = recovery_path(path);
    let written = fs::metadata(&recovery).and_then(|m| m.modified()).ok()?;
    let session_written = fs::metadata(path).and_then(|m| m.modified()).ok();
    session_written
        .is_none_or(|t| written >= t)
        .then_some((recovery, written))
}

/// Opens the recovery file's session in place of the session file, whose
/// current version becomes the newest backup. The caller saves at once and
/// then removes the recovery file with [`SessionFile::discard_recovery`].
pub fn open_recovery(path: &Path, now: Instant) -> Result<Opened, OpenError> {
    let (access, took_over) = lock(path, OpenMode::Normal)?;
    let recovery = recovery_path(path);
    let (_, decoded) = read(&recovery).map_err(|error| OpenError::Unreadable {
        error,
        backup: None,
    })?;
    let mut warning = None;
    let mut moved_aside = None;
    if let Ok(bytes) = fs::read(path) {
        if super::decode_bytes(path, &bytes).is_ok() {
            if let Err(e) = backup::keep(path, &bytes) {
                warning = Some(tr!("store.backup.failed", reason = e));
            }
        } else {
            // The session file cannot be read: it is moved aside, never overwritten.
            let aside = free_name(path, ".unreadable", None);
            fs::rename(path, &aside).map_err(|e| OpenError::Unreadable {
                error: StoreError::io(path, e),
                backup: None,
            })?;
            moved_aside = Some(aside);
        }
    }
    let file = SessionFile::fresh(path.to_path_buf(), access, now);
    Ok(Opened {
        session: decoded.session,
        file,
        took_over,
        migrated_from: None,
        warning,
        moved_aside,
        original_kept_as: None,
    })
}

/// Creates a new session file (refusing to replace one) and holds its lock.
pub fn create(path: &Path, session: &Session, now: Instant) -> Result<SessionFile, StoreError> {
    if path.exists() {
        return Err(StoreError::io(
            path,
            io::Error::new(
                io::ErrorKind::AlreadyExists,
                tr!("store.file.exists").to_string(),
            ),
        ));
    }
    let (lock, _) = Lock::acquire(path).map_err(StoreError::Lock)?;
    let mut file = SessionFile::fresh(path.to_path_buf(), Access::Locked(lock), now);
    file.save(session, now)?;
    Ok(file)
}

/// `path` with `suffix` added, numbered when taken; `same` names bytes
/// that may be found there already (then that name is reused).
fn free_name(path: &Path, suffix: &str, same: Option<&[u8]>) -> PathBuf {
    let mut n = 1;
    loop {
        let candidate = if n == 1 {
            suffixed(path, suffix)
        } else {
            suffixed(path, &format!("{suffix}.{n}"))
        };
        match fs::read(&candidate) {
            Err(_) => return candidate,
            Ok(b) if same == Some(b.as_slice()) => return candidate,
            Ok(_) => n += 1,
        }
    }
}

/// `NAME.vN.bak` for `NAME.ron` (numbered when taken by other bytes).
pub fn version_backup_path(path: &Path, version: u32, bytes: &[u8]) -> PathBuf {
    let stem = path.with_extension("");
    free_name(&stem, &format!(".v{version}.bak"), Some(bytes))
}

impl SessionFile {
    /// A file with nothing written yet in this sitting.
    fn fresh(path: PathBuf, access: Access, now: Instant) -> SessionFile {
        SessionFile {
            path,
            access,
            original: None,
            last_good: None,
            clock: backup::Clock::started(now),
        }
    }

    /// A writable file without a lock, for a session no other instance can
    /// know about (tests, previews).
    pub fn detached(path: PathBuf) -> SessionFile {
        SessionFile {
            path,
            access: Access::Detached,
            original: None,
            last_good: None,
            clock: backup::Clock::default(),
        }
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this instance may write the session.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Whether saves are allowed.
    pub fn writable(&self) -> bool {
        !matches!(self.access, Access::ReadOnly(_))
    }

    /// Saves the session: first the original of an older format, then (once
    /// a minute) the previous version as a backup, then the file itself,
    /// atomically. Returns a backup problem that did not stop the save.
    pub fn save(&mut self, session: &Session, now: Instant) -> Result<Option<String>, StoreError> {
        if !self.writable() {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        // Another mot took the session over: stop writing, keep what we have.
        if let Access::Locked(lock) = &mut self.access
            && !lock.still_ours()
        {
            let holder = match super::lock::state(&self.path) {
                super::LockState::Held(info) => Some(info),
                _ => None,
            };
            self.access = Access::ReadOnly(holder);
            return Err(StoreError::LockLost(self.path.clone()));
        }
        let text = to_ron(session).map_err(|error| StoreError::Format {
            path: self.path.clone(),
            error,
        })?;
        if let Some((version, bytes)) = &self.original {
            let keep = version_backup_path(&self.path, *version, bytes);
            write_atomic(&keep, bytes).map_err(|e| StoreError::io(&keep, e))?;
            self.original = None;
        }
        // Nothing changed and the file is still there: no write, no fsync.
        if self.last_good.as_deref() == Some(text.as_bytes()) && self.path.exists() {
            return Ok(None);
        }
        let mut warning = None;
        if let Some(previous) = &self.last_good
            && previous.as_slice() != text.as_bytes()
            && self.clock.due(now)
            && let Err(e) = backup::keep(&self.path, previous)
        {
            warning = Some(tr!("store.backup.failed", reason = e));
        }
        write_atomic(&self.path, text.as_bytes()).map_err(|e| StoreError::io(&self.path, e))?;
        self.last_good = Some(text.into_bytes());
        Ok(warning)
    }

    /// Saves to another file and carries on there (when the session's own
    /// folder cannot be written). Takes that file's lock first.
    pub fn save_as(
        &mut self,
        path: PathBuf,
        session: &Session,
        now: Instant,
    ) -> Result<(), StoreError> {
        if path == self.path {
            return self.save(session, now).map(|_| ());
        }
        // Never over another file: it may be another session.
        if path.exists() {
            return Err(StoreError::io(
                &path,
                io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    tr!("store.file.exists_choose").to_string(),
                ),
            ));
        }
        let (lock, _) = Lock::acquire(&path).map_err(StoreError::Lock)?;
        let mut other = SessionFile::fresh(path, Access::Locked(lock), now);
        other.save(session, now)?;
        *self = other;
        Ok(())
    }

    /// Writes the session to the recovery file beside it (after a crash, or
    /// when the session file must not be written). Returns where it went.
    pub fn write_recovery(&self, text: &str) -> io::Result<PathBuf> {
        let recovery = recovery_path(&self.path);
        write_atomic(&recovery, text.as_bytes())?;
        Ok(recovery)
    }

    /// Removes the recovery file once its session is safely saved.
    pub fn discard_recovery(&self) -> io::Result<()> {
        match fs::remove_file(recovery_path(&self.path)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}
