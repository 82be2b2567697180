//! An open session's file: its lock, its backups, the original of an older
//! format, a recovery file after a crash, and saving all of it in order.
//!
//! Opening is one straight pass: look at the folder entry without following
//! a link, take the lock, read the bytes once, decode them once, decide
//! (a recovery waiting, a backup to offer, a migration), and keep the
//! open-time backup from those same bytes. Every side file is opened through
//! [`side_files`], the one place that refuses links and special files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use super::atomic_save::{existing_mode, remove_stale_temporaries};
use super::backup::{self, suffixed};
use super::lock::{Lock, LockError, LockInfo, lock_path};
use super::side_files::{self, Kind};
use super::{StoreError, to_ron};
use crate::model::limits::MAX_FILE_BYTES;

mod recovery;

use crate::model::{FORMAT_VERSION, Session};
use crate::tr;
pub use recovery::{
    Recovery, open_recovery, open_recovery_as_copy, recovery_path, recovery_waiting,
};

/// Why this instance only looks at a session and never writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// Opened to look while another `mot` holds it (shown here, if known).
    Asked(Option<LockInfo>),
    /// The session file is a link (to where it points): saving would
    /// replace the link with a file, so this window does not.
    Link(Option<PathBuf>),
    /// The file's permissions say it is not to be written.
    NotWritable,
    /// Its name leaves no room for the lock and backups beside it.
    NameTooLong,
    /// Another `mot` took the session over while it was open here.
    LockLost(Option<LockInfo>),
}

/// Whether this instance may write the session.
#[derive(Debug)]
pub enum Access {
    /// This instance holds the lock.
    Locked(Lock),
    /// Only looking, and why.
    ReadOnly(ReadOnly),
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
    /// The session file's permissions, which its backups and copies keep.
    mode: Option<u32>,
    /// The session file as this instance last read or wrote it, to notice
    /// a change made by hand (or by any other program) while it is open.
    seen: Option<Stamp>,
    /// Whether the version read at open is still to be kept as the newest
    /// backup (see [`SessionFile::keep_open_backup`]).
    backup_pending: bool,
}

/// What tells one version of a file from another without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let m = fs::symlink_metadata(path).ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Stamp {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
        })
    }
}

/// How to open a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Take the lock (and a stale one); refuse when another `mot` holds it;
    /// stop and ask when a recovery file is waiting.
    Normal,
    /// As [`OpenMode::Normal`], leaving a waiting recovery file alone.
    SkipRecovery,
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
    /// The lock file could not be written, or something that is not a
    /// lock is at its name; the session can still be read.
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
    /// A recovery file is waiting: the person decides first.
    #[error("{}", .0.path.display())]
    RecoveryWaiting(Recovery),
}

fn lock(path: &Path, mode: OpenMode) -> Result<(Access, Option<LockInfo>), OpenError> {
    let taken = match mode {
        OpenMode::ReadOnly => {
            return Ok((Access::ReadOnly(ReadOnly::Asked(held_by(path))), None));
        }
        OpenMode::Normal | OpenMode::SkipRecovery => Lock::acquire(path),
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

/// An unreadable session, with its newest good backup unless the file was
/// written by a newer `mot` (which is not broken: no older backup replaces it).
fn unreadable(path: &Path, error: StoreError, bytes: Option<&[u8]>) -> OpenError {
    let newer = bytes
        .and_then(|b| std::str::from_utf8(b).ok())
        .is_some_and(|t| super::format::version_of(t) > FORMAT_VERSION);
    OpenError::Unreadable {
        error,
        backup: if newer {
            None
        } else {
            backup::newest_readable(path).map(|(p, _, t)| (p, t))
        },
    }
}

/// Opens a session in one pass: looks at the entry (a link opens read-only,
/// anything else that is not a regular file of sane size is refused), takes
/// the lock, reads the bytes once, decodes them once, stops when a recovery
/// file is waiting (in [`OpenMode::Normal`]), and keeps the bytes as read
/// as the newest backup. An unreadable file is left exactly as it is.
pub fn open(path: &Path, mode: OpenMode, now: Instant) -> Result<Opened, OpenError> {
    let entry = side_files::look(path).map_err(|e| unreadable(path, e, None))?;
    let why_read_only = match &entry {
        None => {
            let missing = io::Error::new(io::ErrorKind::NotFound, tr!("store.file.missing"));
            if matches!(mode, OpenMode::Normal | OpenMode::TakeOver)
                && let Some(waiting) = recovery_waiting(path, None)
            {
                return Err(OpenError::RecoveryWaiting(waiting));
            }
            return Err(unreadable(path, StoreError::io(path, missing), None));
        }
        Some(e) if e.kind == Kind::Link => Some(ReadOnly::Link(side_files::link_target(path))),
        Some(e) if e.kind != Kind::File => {
            return Err(OpenError::Unreadable {
                error: side_files::not_a_file(path, e.kind),
                backup: None,
            });
        }
        Some(e) if e.len > MAX_FILE_BYTES => {
            let error = StoreError::TooLarge {
                path: path.to_path_buf(),
                bytes: e.len,
                max: MAX_FILE_BYTES,
            };
            return Err(unreadable(path, error, None));
        }
        Some(e) if !e.writable => Some(ReadOnly::NotWritable),
        Some(_) if !side_files::side_names_fit(path) => Some(ReadOnly::NameTooLong),
        Some(_) => None,
    };
    let file_mode = entry.as_ref().and_then(|e| e.mode);
    let (access, took_over) = match why_read_only {
        Some(why) => (Access::ReadOnly(why), None),
        None => lock(path, mode)?,
    };
    let follow = matches!(access, Access::ReadOnly(ReadOnly::Link(_)));
    let bytes = side_files::read(path, follow, MAX_FILE_BYTES);
    if matches!(mode, OpenMode::Normal | OpenMode::TakeOver)
        && matches!(access, Access::Locked(_))
        && let Some(waiting) = recovery_waiting(path, bytes.as_deref().ok())
    {
        // The lock goes with `access`: the person is asked with nothing held.
        return Err(OpenError::RecoveryWaiting(waiting));
    }
    let bytes = bytes.map_err(|e| unreadable(path, e, None))?;
    let decoded = super::parsed::decode_for_open(path, &bytes)
        .map_err(|e| unreadable(path, e, Some(&bytes)))?;
    let access_writable = !matches!(access, Access::ReadOnly(_));
    let mut file = SessionFile {
        path: path.to_path_buf(),
        access,
        original: None,
        last_good: Some(bytes.clone()),
        clock: backup::Clock::started(now),
        mode: file_mode,
        seen: Stamp::of(path),
        // One backup at each open, the session as it was before this
        // sitting; written by whoever writes the file next, off the UI thread.
        backup_pending: access_writable,
    };
    let migrated_from = (decoded.version < FORMAT_VERSION).then_some(decoded.version);
    let warning = None;
    let original_kept_as = migrated_from.map(|v| version_backup_path(path, v, &bytes));
    if let Some(v) = migrated_from {
        file.original = Some((v, bytes));
    }
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
    let (access, took_over) = lock(path, OpenMode::SkipRecovery)?;
    let Some((_, session, _)) = backup::newest_readable(path) else {
        return Err(OpenError::Unreadable {
            error: StoreError::io(path, io::Error::other(tr!("store.backup.none"))),
            backup: None,
        });
    };
    let aside = free_name(path, ".unreadable", None).map_err(|error| OpenError::Unreadable {
        error,
        backup: None,
    })?;
    let mode = existing_mode(path);
    fs::rename(path, &aside).map_err(|e| OpenError::Unreadable {
        error: StoreError::io(path, e),
        backup: None,
    })?;
    let mut file = SessionFile::fresh(path.to_path_buf(), access, now);
    file.mode = mode;
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

/// Creates a new session file (refusing to replace one) and holds its lock.
pub fn create(path: &Path, session: &Session, now: Instant) -> Result<SessionFile, StoreError> {
    if side_files::look(path)?.is_some() {
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

/// What a backup's outcome tells the person, if anything.
fn backup_words(kept: io::Result<Option<String>>) -> Option<String> {
    match kept {
        Ok(note) => note,
        Err(e) => Some(tr!("store.backup.failed", reason = e)),
    }
}

/// A file's name for a message, made safe to print.
fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || crate::plain::path(path),
        |n| crate::plain::escaped(&n.to_string_lossy()).into_owned(),
    )
}

/// How many numbered names are tried before giving up.
const MAX_NUMBERED: u32 = 999;

/// `path` with `suffix` added, numbered when taken; `same` names bytes
/// that may be found there already (then that name is reused). Only an
/// absent name, or a regular file holding `same`, is ever chosen.
fn free_name(path: &Path, suffix: &str, same: Option<&[u8]>) -> Result<PathBuf, StoreError> {
    for n in 1..=MAX_NUMBERED {
        let candidate = if n == 1 {
            suffixed(path, suffix)
        } else {
            suffixed(path, &format!("{suffix}.{n}"))
        };
        match side_files::look(&candidate)? {
            None => return Ok(candidate),
            Some(e)
                if e.kind == Kind::File
                    && same.is_some()
                    && side_files::read_side(&candidate).ok().as_deref() == same =>
            {
                return Ok(candidate);
            }
            Some(_) => {}
        }
    }
    Err(StoreError::io(
        path,
        io::Error::new(io::ErrorKind::AlreadyExists, tr!("store.file.no_free_name")),
    ))
}

/// `NAME.vN.bak` for `NAME.ron` (numbered when taken by other bytes).
pub fn version_backup_path(path: &Path, version: u32, bytes: &[u8]) -> PathBuf {
    version_backup_name(path, version, bytes)
        .unwrap_or_else(|_| suffixed(&path.with_extension(""), &format!(".v{version}.bak")))
}

/// The name the original of an older format is kept under, or why there
/// is none: every numbered name is taken by something else, which is never
/// replaced (it may be the original of another upgrade, or a link).
fn version_backup_name(path: &Path, version: u32, bytes: &[u8]) -> Result<PathBuf, StoreError> {
    free_name(
        &path.with_extension(""),
        &format!(".v{version}.bak"),
        Some(bytes),
    )
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
            mode: None,
            seen: None,
            backup_pending: false,
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
            mode: None,
            seen: None,
            backup_pending: false,
        }
    }

    /// Keeps the version read at open as the newest backup, once; returns
    /// a problem worth telling (the backup failed, fewer are kept). Called
    /// by the writer as its first job, and by a save that comes first.
    pub fn keep_open_backup(&mut self) -> Option<String> {
        if !std::mem::take(&mut self.backup_pending) || !self.writable() {
            return None;
        }
        let bytes = self.last_good.as_deref()?;
        backup_words(backup::keep(&self.path, bytes, self.mode))
    }

    /// Where the session is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether this instance may write the session.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// Why this instance only looks, if it does.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        match &self.access {
            Access::ReadOnly(why) => Some(why),
            _ => None,
        }
    }

    /// Whether saves are allowed.
    pub fn writable(&self) -> bool {
        !matches!(self.access, Access::ReadOnly(_))
    }

    /// The folder the session lives in.
    fn folder(&self) -> PathBuf {
        match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    }

    /// Makes sure this instance still holds the session before a write. A
    /// lock file that vanished with its folder (removed and made again,
    /// restored from a copy) is taken again, unless another `mot` has it
    /// now or wrote the session meanwhile: then this window stops writing.
    fn hold(&mut self) -> Result<(), StoreError> {
        let Access::Locked(lock) = &mut self.access else {
            return Ok(());
        };
        if lock.still_ours() {
            return Ok(());
        }
        let lock_file = lock_path(&self.path);
        let stop = |why: String| StoreError::StoppedWriting {
            path: self.path.clone(),
            why,
        };
        let error = match side_files::look(&lock_file) {
            Ok(None) => match Lock::acquire(&self.path) {
                Ok((fresh, _)) => {
                    let on_disk = side_files::read_side(&self.path);
                    let untouched = match &on_disk {
                        Err(StoreError::Io { source, .. }) => {
                            source.kind() == io::ErrorKind::NotFound
                        }
                        Ok(bytes) => self.last_good.as_deref() == Some(bytes.as_slice()),
                        Err(_) => false,
                    };
                    if untouched {
                        self.access = Access::Locked(fresh);
                        return Ok(());
                    }
                    stop(tr!(
                        "store.error.written_meanwhile",
                        name = name_of(&self.path)
                    ))
                }
                Err(_) => StoreError::LockLost(self.path.clone()),
            },
            Ok(Some(e)) if e.kind != Kind::File => {
                stop(side_files::not_a_file(&lock_file, e.kind).to_string())
            }
            _ => StoreError::LockLost(self.path.clone()),
        };
        self.access = Access::ReadOnly(ReadOnly::LockLost(held_by(&self.path)));
        Err(error)
    }

    /// The session file's bytes when something other than this instance
    /// changed it since it was last read or written here.
    fn changed_elsewhere(&self) -> Option<Vec<u8>> {
        let seen = self.seen?;
        let now = Stamp::of(&self.path)?;
        if now == seen {
            return None;
        }
        let bytes = side_files::read_side(&self.path).ok()?;
        (self.last_good.as_deref() != Some(bytes.as_slice())).then_some(bytes)
    }

    /// Saves the session: first the original of an older format, then (once
    /// a minute) the previous version as a backup, then the file itself,
    /// atomically. Returns a backup problem that did not stop the save.
    ///
    /// A folder that is gone is said as such, and nothing changes: the next
    /// save tries again and, once the folder is back, writes there.
    pub fn save(&mut self, session: &Session, now: Instant) -> Result<Option<String>, StoreError> {
        if !self.writable() {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        let folder = self.folder();
        // Gone is said as gone; anything else the write below will say.
        if fs::metadata(&folder).is_err_and(|e| e.kind() == io::ErrorKind::NotFound) {
            return Err(StoreError::FolderGone(folder));
        }
        self.hold()?;
        let kept = self.keep_open_backup();
        let text = to_ron(session).map_err(|error| StoreError::Format {
            path: self.path.clone(),
            error,
        })?;
        if let Some((version, bytes)) = &self.original {
            let keep = version_backup_name(&self.path, *version, bytes)?;
            let mode = self.mode.or_else(|| existing_mode(&self.path));
            super::atomic_save::stage(&keep, bytes, mode)
                .and_then(|staged| super::atomic_save::commit(&staged, &keep))
                .map_err(|e| StoreError::io(&keep, e))?;
            self.original = None;
        }
        // Nothing changed and the file is still there: no write, no fsync.
        if self.last_good.as_deref() == Some(text.as_bytes())
            && matches!(side_files::look(&self.path), Ok(Some(_)))
        {
            return Ok(kept);
        }
        let mut warning = kept;
        let mode = self.mode.or_else(|| existing_mode(&self.path));
        if let Some(changed) = self.changed_elsewhere() {
            // Someone edited the file while it was open here: their version
            // is kept as the newest backup before this one replaces it.
            warning = Some(match backup::keep(&self.path, &changed, mode) {
                Ok(_) => tr!(
                    "store.file.changed_elsewhere",
                    name = name_of(&self.path),
                    backup = name_of(&backup::paths(&self.path)[0])
                ),
                Err(e) => tr!("store.backup.failed", reason = e),
            });
        } else if let Some(previous) = &self.last_good
            && previous.as_slice() != text.as_bytes()
            && self.clock.due(now)
        {
            warning = backup_words(backup::keep(&self.path, previous, mode)).or(warning);
        }
        let staged = super::atomic_save::stage(&self.path, text.as_bytes(), mode)
            .map_err(|e| StoreError::io(&self.path, e))?;
        super::atomic_save::commit(&staged, &self.path)
            .map_err(|e| StoreError::io(&self.path, e))?;
        self.seen = Stamp::of(&self.path);
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
        // Never over another file (it may be another session), nor a link.
        if side_files::look(&path)?.is_some() {
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
        other.mode = self.mode;
        other.save(session, now)?;
        *self = other;
        Ok(())
    }
}
