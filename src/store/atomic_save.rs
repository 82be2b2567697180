//! Writes a file so that a crash at any moment leaves the old file or the new
//! one, never half of either.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::side_files::create_new;
use crate::tr;

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn temp_path(path: &Path) -> io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, tr!("store.file.no_name")))?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut tmp = std::ffi::OsString::from(".");
    tmp.push(name);
    tmp.push(format!(".{}.{n}.tmp", std::process::id()));
    Ok(dir.join(tmp))
}

/// Writes `bytes` to a new file beside `path`, flushes it to disk, keeps the
/// old file's permissions, renames it over `path`, and flushes the folder.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mode = existing_mode(path);
    let staged = stage(path, bytes, mode)?;
    commit(&staged, path)
}

/// The permission bits of a regular file at `path` (a link is not looked through).
pub fn existing_mode(path: &Path) -> Option<u32> {
    super::side_files::look(path)
        .ok()
        .flatten()
        .filter(|e| e.kind == super::side_files::Kind::File)
        .and_then(|e| e.mode)
}

/// The first half of [`write_atomic`]: the bytes, flushed to disk in a
/// temporary beside `path` born with permissions `mode` (else the system's
/// default), ready to be renamed over it by [`commit`]. Lets a caller do
/// other renames only once the new content is safe.
pub fn stage(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<PathBuf> {
    // A name taken (by a crash's leftover, or by something planted there)
    // is never reused: the next number is tried.
    let mut attempts = 0;
    let (tmp, mut file) = loop {
        let tmp = temp_path(path)?;
        match create_new(&tmp, mode) {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempts < 100 => attempts += 1,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                return Err(io::Error::new(
                    e.kind(),
                    tr!("store.file.no_temporary", path = crate::plain::path(path)),
                ));
            }
            Err(e) => return Err(e),
        }
    };
    let result = file.write_all(bytes).and_then(|()| file.sync_all());
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            // The old file is untouched; only the stray temporary goes.
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// The second half of [`write_atomic`]: renames a staged temporary over
/// `path` and flushes the folder. Refuses when `path` is a link, a folder or
/// a special file: that name is not a file of ours to replace.
pub fn commit(staged: &Path, path: &Path) -> io::Result<()> {
    let result = super::side_files::replaceable(path)
        .map_err(|e| io::Error::other(e.to_string()))
        .and_then(|()| fs::rename(staged, path))
        .and_then(|()| sync_dir(path.parent().unwrap_or(Path::new("."))));
    if result.is_err() {
        let _ = fs::remove_file(staged);
    }
    result
}

/// Removes temporaries a crashed save left beside `path`: of the session
/// itself, its backups, its recovery file and its version backups. Call only
/// while holding the session's lock, so none of those saves can be under way.
pub fn remove_stale_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let name = name.to_string_lossy().into_owned();
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(target) = temporary_target(&file) else {
            continue;
        };
        let ours = is_side_file_of(target, &name, &stem);
        if ours {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether `target` is exactly the session `name` or one of the files mot
/// writes beside it: `NAME.recovery`, `NAME.N.bak`, `STEM.vN.bak` and
/// `STEM.vN.bak.M`. Nothing else: `s.ron.x.ron` is another session.
fn is_side_file_of(target: &str, name: &str, stem: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if target == name {
        return true;
    }
    if let Some(rest) = target.strip_prefix(name).and_then(|r| r.strip_prefix('.')) {
        return rest == "recovery"
            || rest
                .strip_suffix(".bak")
                .is_some_and(|n| digits(n) && n.len() == 1);
    }
    let Some(rest) = target.strip_prefix(stem).and_then(|r| r.strip_prefix(".v")) else {
        return false;
    };
    match rest.split_once(".bak") {
        Some((v, "")) => digits(v),
        Some((v, tail)) => digits(v) && tail.strip_prefix('.').is_some_and(digits),
        None => false,
    }
}

/// For a temporary named by [`temp_path`] (`.NAME.PID.N.tmp`), the NAME.
fn temporary_target(file: &str) -> Option<&str> {
    let inner = file.strip_prefix('.')?.strip_suffix(".tmp")?;
    let numeric = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let (rest, n) = inner.rsplit_once('.')?;
    let (target, pid) = rest.rsplit_once('.')?;
    (numeric(n) && numeric(pid)).then_some(target)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").expect("write");
        write_atomic(&path, b"two").expect("write");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("ls").collect();
        assert_eq!(names.len(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").expect("write");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&path, b"two").expect("write");
        let mode = fs::metadata(&path).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn leftover_temporaries_of_this_session_only_are_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"one").expect("write");
        for name in [
            ".s.ron.123.4.tmp",
            ".s.ron.recovery.1.2.tmp",
            ".s.ron.1.bak.77.0.tmp",
            ".s.v1.bak.5.6.tmp",
            ".s.vip.ron.5.6.tmp",
            ".t.ron.1.2.tmp",
            ".s.ron.notes.tmp",
            ".s.ron.x.ron.123.4.tmp",
            ".s.v2.bak.ron.5.6.tmp",
            ".s.ron.1.bak.ron.7.8.tmp",
            ".s.v1.bak.3.9.9.tmp",
        ] {
            fs::write(dir.path().join(name), b"x").expect("write");
        }
        remove_stale_temporaries(&path);
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .expect("ls")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                ".s.ron.1.bak.ron.7.8.tmp",
                ".s.ron.notes.tmp",
                ".s.ron.x.ron.123.4.tmp",
                ".s.v2.bak.ron.5.6.tmp",
                ".s.vip.ron.5.6.tmp",
                ".t.ron.1.2.tmp",
                "s.ron"
            ]
        );
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.ron");
        write_atomic(&path, b"old").expect("write");
        // A path through a file cannot be created, even as root.
        let bad = path.join("inner.ron");
        assert!(write_atomic(&bad, b"new").is_err());
        assert_eq!(fs::read(&path).expect("read"), b"old");
    }
}
