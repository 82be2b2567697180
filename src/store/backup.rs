//! The last few good versions of a session, kept beside it as
//! `NAME.ron.1.bak` (newest) to `NAME.ron.3.bak` (oldest).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::atomic_save::{commit, stage};
use super::side_files;

/// How many versions are kept.
pub const KEEP: usize = 3;

/// At most one backup per this much time while the session is being worked on.
pub const EVERY: Duration = Duration::from_secs(60);

/// The backup files of a session, newest first.
pub fn paths(session: &Path) -> [PathBuf; KEEP] {
    std::array::from_fn(|i| suffixed(session, &format!(".{}.bak", i + 1)))
}

/// `session` with `suffix` added to its file name.
pub(super) fn suffixed(session: &Path, suffix: &str) -> PathBuf {
    let mut name = session
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    session.with_file_name(name)
}

/// Keeps `bytes` (a version known to be good) as the newest backup, shifting
/// the older ones down and dropping the oldest, with permissions `mode` (the
/// session's). Nothing happens when the newest backup already holds exactly
/// these bytes. A link, a folder or a special file at a backup's name is not
/// mot's to move or replace: the versions stop short of it (and the answer
/// says so), and at the newest backup's own name it stops the backup.
pub fn keep(session: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<Option<String>> {
    let paths = paths(session);
    let mut wall = KEEP;
    let mut note = None;
    for (i, p) in paths.iter().enumerate() {
        if let Err(e) = side_files::replaceable(p) {
            if i == 0 {
                return Err(io::Error::other(e.to_string()));
            }
            wall = i;
            note = Some(crate::tr!("store.backup.fewer", reason = e));
            break;
        }
    }
    if side_files::read_side(&paths[0]).is_ok_and(|b| b == bytes) {
        return Ok(note);
    }
    // The new backup is safe on disk before any old one moves: a full disk
    // must not cost a backup.
    let staged = stage(&paths[0], bytes, mode)?;
    for i in (1..wall).rev() {
        match fs::rename(&paths[i - 1], &paths[i]) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                let _ = fs::remove_file(&staged);
                return Err(e);
            }
            _ => {}
        }
    }
    commit(&staged, &paths[0])?;
    Ok(note)
}

/// The newest backup that can be read, with its session and when it was
/// written. Backups are read like every side file: never through a link,
/// never a special file, never past the size limit.
pub fn newest_readable(session: &Path) -> Option<(PathBuf, crate::model::Session, SystemTime)> {
    paths(session).into_iter().find_map(|p| {
        let bytes = side_files::read_side(&p).ok()?;
        let s = super::decode_bytes(&p, &bytes).ok()?.session;
        let modified = side_files::look(&p).ok()??.modified?;
        Some((p, s, modified))
    })
}

/// Decides when a save should first keep the previous version as a backup:
/// one per [`EVERY`] of work, not one per keystroke.
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    last: Option<Instant>,
}

impl Clock {
    /// A clock that just made a backup (at open).
    pub fn started(now: Instant) -> Clock {
        Clock { last: Some(now) }
    }

    /// Whether a backup is due at `now`; if so, counts it as made.
    pub fn due(&mut self, now: Instant) -> bool {
        let due = self
            .last
            .is_none_or(|last| now.saturating_duration_since(last) >= EVERY);
        if due {
            self.last = Some(now);
        }
        due
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_three_newest_first() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = dir.path().join("s.ron");
        for v in ["one", "two", "two", "three", "four"] {
            keep(&s, v.as_bytes(), None).expect("backup");
        }
        let read = |p: &PathBuf| fs::read_to_string(p).expect("backup exists");
        let [a, b, c] = paths(&s);
        assert_eq!(
            (read(&a), read(&b), read(&c)),
            ("four".into(), "three".into(), "two".into())
        );
        assert!(a.ends_with("s.ron.1.bak"), "{a:?}");
        let names = fs::read_dir(dir.path()).expect("ls").count();
        assert_eq!(names, 3, "no fourth backup, no temporaries");
    }

    #[test]
    fn one_per_minute_of_work() {
        let t0 = Instant::now();
        let mut clock = Clock::started(t0);
        assert!(!clock.due(t0 + Duration::from_secs(1)));
        assert!(!clock.due(t0 + Duration::from_secs(59)));
        assert!(clock.due(t0 + Duration::from_secs(60)));
        assert!(!clock.due(t0 + Duration::from_secs(61)));
        assert!(clock.due(t0 + Duration::from_secs(200)));
        assert!(Clock::default().due(t0));
    }
}
