//! One writer per session: a side file `NAME.ron.lock` says which process
//! has the session open, so a second instance does not overwrite its work.

use std::fs::{self, File, TryLockError};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::StoreError;
use super::side_files;
use crate::{plain, tr};

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

    /// When the holder opened the session (the epoch for a time that cannot be).
    pub fn since_time(&self) -> SystemTime {
        UNIX_EPOCH
            .checked_add(Duration::from_secs(self.since))
            .unwrap_or(UNIX_EPOCH)
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
    /// Something mot will not use as a lock (a link, a FIFO, a folder), in words.
    Refused(String),
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
/// The lock is read like every side file: never through a link, never a
/// FIFO (which would hang), never more than a lock can hold.
pub fn state(session: &Path) -> LockState {
    let path = lock_path(session);
    let mut file = match side_files::open_existing_lock(&path) {
        Ok(file) => file,
        Err(StoreError::Io { source, .. }) if source.kind() == io::ErrorKind::NotFound => {
            return LockState::Free;
        }
        Err(
            e @ (StoreError::Link { .. }
            | StoreError::NotAFile { .. }
            | StoreError::HardLinked(_)
            | StoreError::TooLarge { .. }),
        ) => return LockState::Refused(e.to_string()),
        // Unreadable for another reason (permissions): nothing says who holds it.
        Err(_) => return LockState::Stale(None),
    };
    let info = read_info(&mut file);
    // The system's lock speaks first: a running mot holds it whatever the
    // file's words say (they may have been rewritten by hand).
    match file.try_lock_shared() {
        Err(TryLockError::WouldBlock) => {
            return LockState::Held(info.unwrap_or_else(|| LockInfo {
                pid: 0,
                host: tr!("store.lock.unknown_host").into(),
                since: 0,
            }));
        }
        Ok(()) => {
            let _ = file.unlock();
        }
        Err(TryLockError::Error(_)) => {}
    }
    match info {
        Some(info) if info.pid == std::process::id() && info.is_local() => {
            // Our own earlier lock (a session closed without releasing it).
            LockState::Stale(Some(info))
        }
        Some(info) if info.is_local() && !holder_runs(&info) => LockState::Stale(Some(info)),
        Some(info) => LockState::Held(info),
        // A crash between creating the lock and writing it leaves it empty.
        None => LockState::Stale(None),
    }
}

/// Why a lock could not be taken.
#[derive(Debug)]
pub enum LockError {
    /// Another running `mot` has the session open.
    Held(LockInfo),
    /// Something mot will not use as a lock is at its name (in words:
    /// a link, a special file, a file with other names).
    Refused(String),
    /// The lock file could not be written (a read-only folder, say).
    Io {
        /// The lock file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// "The session is open in another mot (process P on HOST)", in the language on show.
pub fn held_words(info: &LockInfo) -> String {
    tr!(
        "store.lock.held",
        pid = info.pid,
        host = plain::escaped(&info.host)
    )
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held(info) => f.write_str(&held_words(info)),
            LockError::Refused(words) => f.write_str(words),
            LockError::Io { path, source } => f.write_str(&tr!(
                "store.lock.cannot_write",
                path = plain::path(path),
                reason = source
            )),
        }
    }
}

impl std::error::Error for LockError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LockError::Held(_) | LockError::Refused(_) => None,
            LockError::Io { source, .. } => Some(source),
        }
    }
}

/// A held lock: the lock file, locked by the operating system for as long as
/// this process keeps it open (so a killed holder frees it at once), and
/// naming this process for people and for `mot check`. Dropping it removes
/// the file.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
    info: LockInfo,
    file: File,
}

/// Whether the lock file's words name a `mot` that may still run, which
/// holds the session even without the system lock (an older `mot`, or one
/// on another machine sharing the folder).
fn named_holder_runs(info: &LockInfo) -> bool {
    !info.is_local() || (info.pid != std::process::id() && holder_runs(info))
}

fn read_info(file: &mut File) -> Option<LockInfo> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    ron::from_str(&text).ok()
}

/// Whether `file` is still the one at `path` (not removed and made anew).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::symlink_metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

impl Lock {
    /// Takes the session's lock. A lock left by a process that is gone is
    /// taken over, and its holder returned so the user can be told.
    pub fn acquire(session: &Path) -> Result<(Lock, Option<LockInfo>), LockError> {
        Lock::take(session, false)
    }

    /// Takes the lock even when its file names a `mot` that seems to run (on
    /// another machine, say). A `mot` running here still holds the system
    /// lock, and that cannot be taken: two writers would lose work.
    pub fn take_over(session: &Path) -> Result<(Lock, Option<LockInfo>), LockError> {
        Lock::take(session, true)
    }

    fn take(session: &Path, force: bool) -> Result<(Lock, Option<LockInfo>), LockError> {
        let path = lock_path(session);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        let mut blocked = 0;
        for _ in 0..50 {
            let mut file = match side_files::open_lock(&path) {
                Ok(file) => file,
                Err(StoreError::Io { source, .. }) => return Err(io_error(source)),
                Err(e) => return Err(LockError::Refused(e.to_string())),
            };
            match file.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => {
                    blocked += 1;
                    match read_info(&mut file) {
                        // A few tries first: `mot check` or `list` may be
                        // looking at the lock for an instant.
                        Some(info) if blocked >= 4 => return Err(LockError::Held(info)),
                        // Or the holder is writing its name: ask again in a moment.
                        _ => {
                            std::thread::sleep(Duration::from_millis(10));
                            continue;
                        }
                    }
                }
                // A file system without locks: the file's words must do.
                Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {}
                Err(TryLockError::Error(e)) => return Err(io_error(e)),
            }
            // Locked, but perhaps a file its last holder removed meanwhile.
            if !same_file(&file, &path) {
                continue;
            }
            let previous = read_info(&mut file);
            if let Some(info) = &previous
                && !force
                && named_holder_runs(info)
            {
                return Err(LockError::Held(info.clone()));
            }
            let info = LockInfo::this_process();
            let text = ron::to_string(&info).map_err(|e| io_error(io::Error::other(e)))?;
            let written = file
                .set_len(0)
                .and_then(|()| file.seek(SeekFrom::Start(0)).map(|_| ()))
                .and_then(|()| file.write_all(text.as_bytes()))
                .and_then(|()| file.sync_all());
            if let Err(e) = written {
                // Held by the system lock, named by nobody: no use to anyone
                // (a full disk, a file-size limit). It goes.
                let _ = fs::remove_file(&path);
                return Err(io_error(e));
            }
            let previous = previous.filter(|p| p.pid != info.pid || !p.is_local());
            return Ok((Lock { path, info, file }, previous));
        }
        Err(LockError::Held(LockInfo {
            pid: 0,
            host: tr!("store.lock.unknown_host").into(),
            since: 0,
        }))
    }

    /// Who this lock says holds the session.
    pub fn info(&self) -> &LockInfo {
        &self.info
    }

    /// Whether the lock file still names this process: false once another
    /// `mot` took the session over (from another machine, say).
    pub fn still_ours(&mut self) -> bool {
        same_file(&self.file, &self.path) && read_info(&mut self.file).as_ref() == Some(&self.info)
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Only remove the file if it is still ours: someone may have taken it
        // over. The system lock goes when the file closes, right after.
        if self.still_ours() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Whether the `mot` a lock names (on this machine) may still run: its
/// process exists and did not start after the lock was taken. A process
/// that started later only reuses the id (after a reboot, say).
fn holder_runs(info: &LockInfo) -> bool {
    process_runs(info.pid)
        && process_started(info.pid)
            .is_none_or(|started| started <= info.since.saturating_add(START_SLACK_SECS))
}

/// How far a process's start, known to the second from the boot time and
/// clock ticks, may lie after the lock's whole-second time and still be the holder.
const START_SLACK_SECS: u64 = 2;

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

/// When a process started, in seconds since 1970, where the system says
/// (Linux's /proc); `None` elsewhere, and then the id alone decides.
#[cfg(target_os = "linux")]
pub fn process_started(pid: u32) -> Option<u64> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name in parentheses may hold spaces and parentheses itself.
    let after_name = &stat[stat.rfind(')')? + 1..];
    // Fields from the third on; the start time is the 22nd field.
    let ticks: u64 = after_name.split_whitespace().nth(19)?.parse().ok()?;
    let boot: u64 = fs::read_to_string("/proc/stat")
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("btime "))?
        .trim()
        .parse()
        .ok()?;
    let per_second = rustix::param::clock_ticks_per_second();
    (per_second > 0).then(|| boot.saturating_add(ticks / per_second))
}

/// When a process started: not known off Linux.
#[cfg(not(target_os = "linux"))]
pub fn process_started(_pid: u32) -> Option<u64> {
    None
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
        // Process 1 always runs (init, or the container's first process),
        // and started before this lock was taken.
        let other = LockInfo {
            pid: 1,
            host: host_name(),
            since: LockInfo::this_process().since,
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

    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_id_reused_after_the_lock_was_taken_is_not_its_holder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .expect("spawn");
        let now = LockInfo::this_process().since;
        let started = process_started(child.id()).expect("a start time");
        assert!(started.abs_diff(now) <= 2, "{started} vs {now}");
        // Taken an hour ago (before a reboot, say): this process is not it.
        let old = LockInfo {
            pid: child.id(),
            host: host_name(),
            since: now - 3600,
        };
        fs::write(lock_path(&s), ron::to_string(&old).expect("ron")).expect("write");
        assert_eq!(state(&s), LockState::Stale(Some(old.clone())));
        let (lock, previous) = Lock::acquire(&s).expect("taken over");
        assert_eq!(previous, Some(old));
        drop(lock);
        // Taken after the process started: it may be the holder.
        let recent = LockInfo {
            pid: child.id(),
            host: host_name(),
            since: now,
        };
        fs::write(lock_path(&s), ron::to_string(&recent).expect("ron")).expect("write");
        assert_eq!(state(&s), LockState::Held(recent));
        let _ = child.kill();
        let _ = child.wait();
    }

    #[test]
    fn a_second_opener_is_refused_while_the_first_holds_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        let (first, _) = Lock::acquire(&s).expect("free");
        // Even forced: the system lock of a running holder cannot be taken.
        for attempt in [Lock::acquire(&s), Lock::take_over(&s)] {
            match attempt {
                Err(LockError::Held(info)) => assert_eq!(&info, first.info()),
                other => panic!("refused, got {other:?}"),
            }
        }
        drop(first);
        assert!(Lock::acquire(&s).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn many_racing_over_a_stale_lock_make_exactly_one_holder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session(&dir);
        for _ in 0..20 {
            let dead = LockInfo {
                pid: 999_999_999,
                host: host_name(),
                since: 0,
            };
            fs::write(lock_path(&s), ron::to_string(&dead).expect("ron")).expect("write");
            let barrier = std::sync::Arc::new(std::sync::Barrier::new(6));
            let handles: Vec<_> = (0..6)
                .map(|_| {
                    let (s, barrier) = (s.clone(), std::sync::Arc::clone(&barrier));
                    std::thread::spawn(move || {
                        barrier.wait();
                        let got = Lock::acquire(&s).ok();
                        // Hold it until everyone has tried.
                        barrier.wait();
                        got.is_some()
                    })
                })
                .collect();
            let holders = handles
                .into_iter()
                .map(|h| h.join().expect("a racer"))
                .filter(|held| *held)
                .count();
            assert_eq!(holders, 1, "exactly one writer");
        }
    }

    #[test]
    fn a_lock_from_the_far_future_does_not_break_the_clock() {
        let info = LockInfo {
            pid: 1,
            host: "x".into(),
            since: u64::MAX,
        };
        assert_eq!(info.since_time(), UNIX_EPOCH);
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
