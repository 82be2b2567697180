//! One writer per session: a side file `NAME.ron.lock` says which process
//! has the session open, so a second instance does not overwrite its work.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// Who holds a session open, as written in its lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LockInfo {
    /// Process id of the `mot` that holds it.
    pub pid: u32,
    /// The machine it runs on.
    pub host: String,
    /// When it opened the session, in seconds since 1970 (UTC).
    pub since: u64,
}

impl LockInfo {
    /// This process, now.
    pub fn this_process() -> LockInfo {
        LockInfo {
            pid: std::process::id(),
            host: host_name(),
            since: SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs()),
        }
    }

    /// When the holder opened the session.
    pub fn since_time(&self) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(self.since)
    }

    /// Whether the holder runs on this machine (so its process can be checked).
    pub fn is_local(&self) -> bool {
        self.host == host_name()
    }
}

/// What the lock file of a session says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockState {
    /// No lock: the session is free to open.
    Free,
    /// Held by a process that runs, or by one on another machine that
    /// cannot be checked from here.
    Held(LockInfo),
    /// Left by a process that is gone (or unreadable): safe to take over.
    Stale(Option<LockInfo>),
}

/// The lock file that belongs to a session file.
pub fn lock_path(session: &Path) -> PathBuf {
    let mut name = session
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    session.with_file_name(name)
}

/// Reads a session's lock without taking it (what `mot check` and `list` do).
pub fn state(session: &Path) -> LockState {
    let Ok(text) = fs::read_to_string(lock_path(session)) else {
        return LockState::Free;
    };
    match ron::from_str::<LockInfo>(&text) {
        Ok(info) if info.pid == std::process::id() && info.is_local() => {
            // Our own earlier lock (a session closed without releasing it).
            LockState::Stale(Some(info))
        }
        Ok(info) if info.is_local() && !process_runs(info.pid) => LockState::Stale(Some(info)),
        Ok(info) => LockState::Held(info),
        // A crash between creating the lock and writing it leaves it empty.
        Err(_) => LockState::Stale(None),
    }
}

/// Why a lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another running `mot` has the session open.
    #[error("the session is open in another mot (process {} on {})", .0.pid, .0.host)]
    Held(LockInfo),
    /// The lock file could not be written (a read-only folder, say).
    #[error("cannot write the lock file {path}: {source}")]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// A held lock; dropping it removes the lock file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    info: LockInfo,
}

impl Lock {
    /// Takes the session's lock. A lock left by a process that is gone is
    /// taken over, and its holder returned so the user can be told.
    pub fn acquire(session: &Path) -> Result<(Lock, Option<LockInfo>), LockError> {
        Lock::take(session, false)
    }

    /// Takes the lock even from a holder that seems alive (the user said the
    /// other `mot` is gone, e.g. on a machine that cannot be checked).
    pub fn take_over(session: &Path) -> Result<(Lock, Option<LockInfo>), LockError> {
        Lock::take(session, true)
    }

    fn take(session: &Path, force: bool) -> Result<(Lock, Option<LockInfo>), LockError> {
        let path = lock_path(session);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut previous = None;
        // Twice at most: once to find a stale lock, once after removing it.
        for _ in 0..3 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut file) => {
                    let info = LockInfo::this_process();
                    let text = ron::to_string(&info).map_err(|e| io_error(io::Error::other(e)))?;
                    let written = file
                        .write_all(text.as_bytes())
                        .and_then(|()| file.sync_all());
                    if let Err(e) = written {
                        let _ = fs::remove_file(&path);
                        return Err(io_error(e));
                    }
                    return Ok((Lock { path, info }, previous));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => match state(session) {
                    LockState::Held(info) if !force => return Err(LockError::Held(info)),
                    LockState::Held(info) | LockState::Stale(Some(info)) => {
                        previous = Some(info);
                        remove_if_present(&path).map_err(io_error)?;
                    }
                    LockState::Stale(None) | LockState::Free => {
                        remove_if_present(&path).map_err(io_error)?;
                    }
                },
                Err(e) => return Err(io_error(e)),
            }
        }
        Err(io_error(io::Error::other(
            "another process keeps taking the lock",
        )))
    }

    /// Who this lock says holds the session.
    pub fn info(&self) -> &LockInfo {
        &self.info
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove the file if it is still ours: someone may have taken it over.
        let ours = fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| ron::from_str::<LockInfo>(&t).ok())
            .is_some_and(|i| i == self.info);
        if ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(unix)]
fn process_runs(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    // Signal 0 only asks whether the process exists; EPERM means it does but
    // belongs to someone else.
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e != rustix::io::Errno::SRCH,
    }
}

#[cfg(not(unix))]
fn process_runs(_pid: u32) -> bool {
    // Cannot tell: treat the lock as held and let the user decide.
    true
}

#[cfg(unix)]
fn host_name() -> String {
    rustix::system::uname()
        .nodename()
        .to_string_lossy()
        .into_owned()
}

#[cfg(not(unix))]
fn host_name() -> String {
    std::env::var("COMPUTERNAME").unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(dir: &tempfile::TempDir) -> PathBuf {
        dir.path().join("s.ron")
    }

    #[test]
    fn the_lock_file_names_the_holder_and_goes_away_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        let (lock, previous) = Lock::acquire(&s).expect("free");
        assert_eq!(previous, None);
        let text = fs::read_to_string(lock_path(&s)).expect("lock file");
        assert!(
            text.contains(&format!("pid:{}", std::process::id())),
            "{text}"
        );
        assert_eq!(lock.info().host, host_name());
        drop(lock);
        assert!(!lock_path(&s).exists());
        assert_eq!(state(&s), LockState::Free);
    }

    #[test]
    fn a_running_holder_keeps_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        // Process 1 always runs (init, or the container's first process).
        let other = LockInfo {
            pid: 1,
            host: host_name(),
            since: 0,
        };
        fs::write(lock_path(&s), ron::to_string(&other).expect("ron")).expect("write");
        match Lock::acquire(&s) {
            Err(LockError::Held(info)) => assert_eq!(info, other),
            other => panic!("expected held, got {other:?}"),
        }
        assert_eq!(state(&s), LockState::Held(other.clone()));
        let (lock, previous) = Lock::take_over(&s).expect("forced");
        assert_eq!(previous, Some(other));
        assert_eq!(lock.info().pid, std::process::id());
    }

    #[test]
    fn a_lock_on_another_machine_is_held() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        let other = LockInfo {
            pid: 999_999_999,
            host: "somewhere-else.example".into(),
            since: 0,
        };
        fs::write(lock_path(&s), ron::to_string(&other).expect("ron")).expect("write");
        assert!(matches!(Lock::acquire(&s), Err(LockError::Held(_))));
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        let mut child = std::process::Command::new("true").spawn().expect("spawn");
        let pid = child.id();
        child.wait().expect("wait");
        let dead = LockInfo {
            pid,
            host: host_name(),
            since: 5,
        };
        fs::write(lock_path(&s), ron::to_string(&dead).expect("ron")).expect("write");
        assert_eq!(state(&s), LockState::Stale(Some(dead.clone())));
        let (lock, previous) = Lock::acquire(&s).expect("stale lock taken over");
        assert_eq!(previous, Some(dead));
        assert_eq!(lock.info().pid, std::process::id());
    }

    #[test]
    fn an_empty_lock_from_a_crash_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        fs::write(lock_path(&s), "").expect("write");
        assert_eq!(state(&s), LockState::Stale(None));
        assert!(Lock::acquire(&s).is_ok());
    }

    #[test]
    fn dropping_a_lock_that_was_taken_over_leaves_the_new_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        let (first, _) = Lock::acquire(&s).expect("free");
        let other = LockInfo {
            pid: 1,
            host: "elsewhere".into(),
            since: 1,
        };
        fs::write(lock_path(&s), ron::to_string(&other).expect("ron")).expect("write");
        drop(first);
        assert_eq!(state(&s), LockState::Held(other));
    }
}
