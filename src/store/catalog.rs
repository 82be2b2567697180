//! The sessions in a folder, and safe file names for new ones.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::StoreError;
use super::side_files::{self, Kind};
use crate::tr;

/// One session file in the folder, read or not.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The file.
    pub path: PathBuf,
    /// When it last changed.
    pub modified: Option<SystemTime>,
    /// Title and MOT count, or why the file cannot be read.
    pub summary: Result<Summary, String>,
    /// Whether another running `mot` has it open.
    pub in_use: bool,
    /// The session file is a link: it opens read-only.
    pub link: bool,
    /// A recovery file is waiting beside it (or in its place).
    pub recovery: bool,
    /// Something that is not a file is where its recovery file would be.
    pub recovery_planted: bool,
    /// Its lock file is something mot will not use (a link, a FIFO).
    pub lock_refused: bool,
    /// Why it opens read-only, if it does for a reason of its own (its
    /// permissions, a name too long for its side files).
    pub read_only: Option<ReadOnlyNote>,
}

/// Why a session opens read-only, seen from the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyNote {
    /// Its permissions do not allow writing.
    Permissions,
    /// Its name leaves no room for its lock and backups.
    NameTooLong,
}

/// What the picker shows of a readable session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The session's title.
    pub title: String,
    /// How many MOTs it holds.
    pub mots: usize,
}

/// Every `.ron` file in the folder, newest first; unreadable ones say why.
/// Nothing is read that is not a regular file of sane size (a FIFO would
/// hang the list, a link to `/dev/zero` would never end), and a session
/// whose file is gone but whose recovery file remains is listed too.
pub fn list(dir: &Path) -> Result<Vec<Entry>, StoreError> {
    let read = std::fs::read_dir(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let names: Vec<std::ffi::OsString> =
        read.filter_map(Result::ok).map(|e| e.file_name()).collect();
    let mut out = Vec::new();
    for name in &names {
        let text = name.to_string_lossy();
        if text.starts_with('.') {
            continue;
        }
        if text.ends_with(".ron") {
            out.push(entry(&dir.join(name)));
        } else if let Some(session) = text.strip_suffix(".recovery")
            && session.ends_with(".ron")
            && !names.iter().any(|n| n.to_string_lossy() == session)
        {
            out.push(orphan_recovery(&dir.join(session)));
        }
    }
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    Ok(out)
}

fn entry(path: &Path) -> Entry {
    let found = side_files::look(path).ok().flatten();
    let link = found.as_ref().is_some_and(|e| e.kind == Kind::Link);
    let summary = match &found {
        Some(e) if e.kind != Kind::File && e.kind != Kind::Link => {
            Err(side_files::not_a_file(path, e.kind).to_string())
        }
        _ => side_files::read_session(path)
            .and_then(|bytes| super::parsed::decode_for_list(path, &bytes))
            .map(|d| Summary {
                title: d.session.title,
                mots: d.session.mots.len(),
            })
            .map_err(|e| match e {
                StoreError::Format { error, .. } => error.to_string(),
                e => without_path(&e.to_string(), path),
            }),
    };
    let read_only = match &found {
        Some(e) if e.kind == Kind::File && !e.writable => Some(ReadOnlyNote::Permissions),
        Some(e) if e.kind == Kind::File && !side_files::side_names_fit(path) => {
            Some(ReadOnlyNote::NameTooLong)
        }
        _ => None,
    };
    let modified = found.and_then(|e| e.modified);
    let lock = super::lock::state(path);
    let in_use = matches!(lock, super::LockState::Held(_));
    let lock_refused = matches!(lock, super::LockState::Refused(_));
    let at_recovery = side_files::look(&super::session_file::recovery_path(path))
        .ok()
        .flatten();
    let recovery = at_recovery
        .as_ref()
        .is_some_and(|e| e.kind == Kind::File && modified.is_none_or(|m| e.modified >= Some(m)));
    let recovery_planted = at_recovery.is_some_and(|e| e.kind != Kind::File);
    Entry {
        path: path.to_path_buf(),
        modified,
        summary,
        in_use,
        link,
        recovery,
        recovery_planted,
        lock_refused,
        read_only,
    }
}

/// A message about `path` without the path it starts with (the list shows
/// the path beside it already).
fn without_path(text: &str, path: &Path) -> String {
    let shown = crate::plain::path(path);
    text.strip_prefix(shown.as_str())
        .map_or(text, |rest| rest.trim_start_matches([':', ' ']))
        .to_string()
}

/// A session whose file is gone while its recovery file remains.
fn orphan_recovery(path: &Path) -> Entry {
    let recovery = super::session_file::recovery_path(path);
    let modified = side_files::look(&recovery)
        .ok()
        .flatten()
        .and_then(|e| e.modified);
    Entry {
        path: path.to_path_buf(),
        modified,
        summary: Err(tr!("store.list.only_recovery").to_string()),
        in_use: false,
        link: false,
        recovery: true,
        recovery_planted: false,
        lock_refused: false,
        read_only: None,
    }
}

/// Longest file stem, in characters; keeps names readable.
const MAX_STEM_CHARS: usize = 60;

/// Longest new file stem, in bytes: with `-NNNN`, `.ron` and every side
/// file's suffix, a name still fits in the file system's 255 bytes.
pub const MAX_STEM_BYTES: usize = side_files::MAX_SESSION_NAME_BYTES - ".ron".len() - 6;

/// A file stem from a title: letters (Chinese included), digits, `-` and `_`;
/// everything else becomes `-`. Nothing in a title can leave the folder.
/// Cut to [`MAX_STEM_CHARS`] characters and [`MAX_STEM_BYTES`] bytes,
/// never inside a character.
pub fn file_stem_for(title: &str) -> String {
    let mut stem = String::new();
    for c in title.chars() {
        let keep = c.is_alphanumeric() || c == '_' || c == '-';
        if keep {
            stem.push(c);
        } else if !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let mut cut = String::new();
    for c in stem.trim_matches('-').chars().take(MAX_STEM_CHARS) {
        if cut.len() + c.len_utf8() > MAX_STEM_BYTES {
            break;
        }
        cut.push(c);
    }
    let stem = cut.trim_matches('-').to_string();
    if stem.is_empty() {
        "session".into()
    } else {
        stem
    }
}

/// A path in `dir` for a new session with this title that no file uses yet
/// (nor a link, nor a recovery file waiting for a session of that name).
pub fn unique_path(dir: &Path, title: &str) -> PathBuf {
    let stem = file_stem_for(title);
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.ron")
        } else {
            format!("{stem}-{n}.ron")
        };
        let path = dir.join(name);
        let taken = |p: &Path| !matches!(side_files::look(p), Ok(None));
        if !taken(&path) && !taken(&super::session_file::recovery_path(&path)) {
            return path;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    #[test]
    fn stems_fit_in_bytes_with_every_side_file() {
        // Four-byte letters: 60 of them would be 240 bytes.
        let stem = file_stem_for(&"𠀀".repeat(100));
        assert!(stem.len() <= MAX_STEM_BYTES, "{}", stem.len());
        assert!(stem.chars().all(|c| c == '𠀀'), "never cut inside a letter");
        let longest = format!(".{stem}-9999.ron.recovery.4294967295.18446744073709551615.tmp");
        assert!(longest.len() <= 255, "{}", longest.len());
    }

    #[test]
    fn stems_are_safe_and_keep_chinese() {
        assert_eq!(file_stem_for("Airline check-in"), "Airline-check-in");
        assert_eq!(file_stem_for("海底捞 门店 MOT"), "海底捞-门店-MOT");
        assert_eq!(file_stem_for("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem_for("/"), "session");
        assert_eq!(file_stem_for("..\\..\\x"), "x");
        assert_eq!(file_stem_for("a\0b\nc"), "a-b-c");
        assert_eq!(
            file_stem_for(&"长".repeat(500)).chars().count(),
            MAX_STEM_CHARS
        );
    }

    #[test]
    fn unique_path_never_reuses_a_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = unique_path(dir.path(), "Hotel");
        std::fs::write(&a, "x").expect("write");
        let b = unique_path(dir.path(), "Hotel");
        assert_ne!(a, b);
        assert_eq!(b.parent(), Some(dir.path()));
        assert!(b.ends_with("Hotel-2.ron"));
    }

    #[test]
    fn list_reads_good_files_and_explains_bad_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        let good = dir.path().join("good.ron");
        crate::store::save(&good, &Session::new("酒店")).expect("save");
        std::fs::write(dir.path().join("bad.ron"), "(version: 1, title: ").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "ignored").expect("write");
        let entries = list(dir.path()).expect("list");
        assert_eq!(entries.len(), 2);
        let good = entries
            .iter()
            .find(|e| e.path.ends_with("good.ron"))
            .expect("good");
        assert_eq!(
            good.summary,
            Ok(Summary {
                title: "酒店".into(),
                mots: 0
            })
        );
        let bad = entries
            .iter()
            .find(|e| e.path.ends_with("bad.ron"))
            .expect("bad");
        assert!(
            bad.summary.as_ref().is_err_and(|e| e.starts_with("1:")),
            "{:?}",
            bad.summary
        );
    }
}
