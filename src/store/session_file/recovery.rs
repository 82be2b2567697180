//! Recovery files: what `mot` writes beside a session when it had to stop
//! without saving it safely, how such a file compares with the saved one
//! when the session is opened again, and the last-resort copy outside the
//! folder.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use super::super::atomic_save::{commit, existing_mode, stage};
use super::super::backup::{self, suffixed};
use super::super::side_files::{self, Kind};
use super::super::{StoreError, decode_bytes};
use super::{
    MAX_NUMBERED, OpenError, OpenMode, Opened, SessionFile, backup_words, create, free_name, lock,
};
use crate::model::Session;
use crate::tr;

/// A recovery file waiting beside a session, and how it compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The recovery file.
    pub path: PathBuf,
    /// When it was written.
    pub written: Option<SystemTime>,
    /// How many MOTs it holds (`None`: it cannot be read).
    pub mots: Option<usize>,
    /// When the session file was last written (`None`: it is missing).
    pub session_written: Option<SystemTime>,
    /// How many MOTs the session file holds (`None`: missing or unreadable).
    pub session_mots: Option<usize>,
    /// Both hold changes the other lacks: the session file was written by
    /// someone else after the version the recovery continues.
    pub conflict: bool,
}

/// The recovery file written beside a session after a crash.
pub fn recovery_path(path: &Path) -> PathBuf {
    suffixed(path, ".recovery")
}

/// The first line of a recovery file: which saved version it continues.
const RECOVERY_HEAD: &str = "// mot recovery; continues the saved file ";

/// A stable fingerprint of a file's bytes (FNV-1a, 64 bits): recovery files
/// name the saved version they continue by it, across builds and machines.
fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{}:{h:016x}", bytes.len())
}

/// The fingerprint a recovery file's first line names, if it has one.
fn continues(recovery: &[u8]) -> Option<&str> {
    let first = recovery.split(|b| *b == b'\n').next()?;
    std::str::from_utf8(first).ok()?.strip_prefix(RECOVERY_HEAD)
}

/// A recovery file waiting beside the session, when there is one worth
/// asking about: newer than the session file, or holding changes that the
/// session file (written by someone else since) lacks. `session` is the
/// session file's bytes, when they could be read.
pub fn recovery_waiting(path: &Path, session: Option<&[u8]>) -> Option<Recovery> {
    let recovery = recovery_path(path);
    let found = side_files::look(&recovery).ok()??;
    if found.kind != Kind::File {
        return None;
    }
    let bytes = side_files::read_side(&recovery).ok();
    let decode = |b: &[u8]| decode_bytes(path, b).ok().map(|d| d.session);
    let recovered = bytes.as_deref().and_then(decode);
    let session_entry = side_files::look(path).ok().flatten();
    let saved = session.and_then(decode);
    if let (Some(a), Some(b)) = (&recovered, &saved)
        && a == b
    {
        // Nothing in it the session file lacks.
        return None;
    }
    let conflict = match (bytes.as_deref().and_then(continues), session) {
        (Some(base), Some(now)) => base != fingerprint(now),
        _ => false,
    };
    let session_written = session_entry.as_ref().and_then(|e| e.modified);
    let newer = match (found.modified, session_written) {
        (Some(r), Some(s)) => r >= s,
        _ => true,
    };
    (newer || conflict || session_entry.is_none()).then(|| Recovery {
        path: recovery,
        written: found.modified,
        mots: recovered.map(|s| s.mots.len()),
        session_written: session_entry.and(session_written),
        session_mots: saved.map(|s| s.mots.len()),
        conflict,
    })
}

/// Opens the recovery file's session in place of the session file, whose
/// current version becomes the newest backup. The caller saves at once and
/// then removes the recovery file with [`SessionFile::discard_recovery`].
pub fn open_recovery(path: &Path, now: Instant) -> Result<Opened, OpenError> {
    let (access, took_over) = lock(path, OpenMode::SkipRecovery)?;
    let session = read_recovery(path)?;
    let mut warning = None;
    let mut moved_aside = None;
    let mode = existing_mode(path);
    if let Ok(bytes) = side_files::read_side(path) {
        if decode_bytes(path, &bytes).is_ok() {
            warning = backup_words(backup::keep(path, &bytes, mode));
        } else {
            // The session file cannot be read: it is moved aside, never overwritten.
            let aside =
                free_name(path, ".unreadable", None).map_err(|error| OpenError::Unreadable {
                    error,
                    backup: None,
                })?;
            fs::rename(path, &aside).map_err(|e| OpenError::Unreadable {
                error: StoreError::io(path, e),
                backup: None,
            })?;
            moved_aside = Some(aside);
        }
    }
    let mut file = SessionFile::fresh(path.to_path_buf(), access, now);
    file.mode = mode;
    Ok(Opened {
        session,
        file,
        took_over,
        migrated_from: None,
        warning,
        moved_aside,
        original_kept_as: None,
    })
}

fn read_recovery(path: &Path) -> Result<Session, OpenError> {
    let recovery = recovery_path(path);
    let bytes = side_files::read_side(&recovery).map_err(|error| OpenError::Unreadable {
        error,
        backup: None,
    })?;
    decode_bytes(&recovery, &bytes)
        .map(|d| d.session)
        .map_err(|error| OpenError::Unreadable {
            error,
            backup: None,
        })
}

/// Keeps both: the recovery file's session opens as a new session of its
/// own beside the first (`NAME-recovered.ron`), which stays as it is. The
/// recovery file is removed once the copy is safely written.
pub fn open_recovery_as_copy(path: &Path, now: Instant) -> Result<Opened, OpenError> {
    let session = read_recovery(path)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let stem = path
        .file_stem()
        .map_or_else(|| "session".into(), |s| s.to_string_lossy().into_owned());
    let copy = super::super::unique_path(dir, &format!("{stem}-{}", tr!("store.file.recovered")));
    let file = create(&copy, &session, now).map_err(|error| OpenError::Unreadable {
        error,
        backup: None,
    })?;
    let _ = fs::remove_file(recovery_path(path));
    Ok(Opened {
        session,
        file,
        took_over: None,
        migrated_from: None,
        warning: None,
        moved_aside: None,
        original_kept_as: None,
    })
}

impl SessionFile {
    /// Writes the session to the recovery file beside it (after a crash, or
    /// when the session file must not be written). Its first line names the
    /// saved version it continues, so that a later open can tell whether
    /// someone else wrote the session file since. Returns where it went.
    pub fn write_recovery(&self, text: &str) -> io::Result<PathBuf> {
        let recovery = recovery_path(&self.path);
        let head = match &self.last_good {
            Some(base) => format!("{RECOVERY_HEAD}{}\n", fingerprint(base)),
            None => String::new(),
        };
        let mode = self.mode.or_else(|| existing_mode(&self.path));
        let staged = stage(&recovery, format!("{head}{text}").as_bytes(), mode)?;
        commit(&staged, &recovery)?;
        Ok(recovery)
    }

    /// The last resort when not even the recovery file can be written beside
    /// the session: a copy in `dir` (the system's temporary folder), one of
    /// the two writes mot makes outside the sessions folder. The folder is
    /// shared with everyone, so the copy is private (the session's
    /// permissions, else owner only), and its name is new: numbered past
    /// anything already there, a planted link included.
    pub fn write_last_resort(&self, text: &str, dir: &Path) -> io::Result<PathBuf> {
        let name = self.path.file_name().map_or_else(
            || "session.ron".into(),
            |n| n.to_string_lossy().into_owned(),
        );
        // Short enough that numbered names still fit.
        let name: String = name
            .char_indices()
            .take_while(|(i, c)| i + c.len_utf8() <= 150)
            .map(|(_, c)| c)
            .collect();
        let mode = self.mode.unwrap_or(0o600) & 0o700;
        let pid = std::process::id();
        let mut last = io::Error::other(tr!("store.file.no_free_name"));
        for n in 1..=MAX_NUMBERED {
            let path = dir.join(format!("{name}.{pid}.{n}.recovery"));
            match side_files::create_new(&path, Some(mode)) {
                Ok(mut file) => {
                    use std::io::Write;
                    let written = file
                        .write_all(text.as_bytes())
                        .and_then(|()| file.sync_all());
                    if written.is_err() {
                        // Half a session is no copy: nothing is left behind.
                        let _ = fs::remove_file(&path);
                    }
                    return written.map(|()| path);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
                Err(e) => return Err(e),
            }
        }
        Err(last)
    }

    /// Removes the recovery file once its session is safely saved.
    pub fn discard_recovery(&self) -> io::Result<()> {
        match fs::remove_file(recovery_path(&self.path)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}
