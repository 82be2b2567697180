//! The sessions in a folder, and safe file names for new ones.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{StoreError, load};

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
pub fn list(dir: &Path) -> Result<Vec<Entry>, StoreError> {
    let read = std::fs::read_dir(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut out: Vec<Entry> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .map(|path| {
            let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
            let summary = match load(&path) {
                Ok(s) => Ok(Summary {
                    title: s.title,
                    mots: s.mots.len(),
                }),
                Err(StoreError::Format { error, .. }) => Err(error.to_string()),
                Err(e) => Err(e.to_string()),
            };
            let in_use = matches!(super::lock::state(&path), super::LockState::Held(_));
            Entry {
                path,
                modified,
                summary,
                in_use,
            }
        })
        .collect();
    out.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.path.cmp(&b.path)));
    Ok(out)
}

/// Longest file stem, in characters; keeps names usable on every file system.
const MAX_STEM_CHARS: usize = 60;

/// A file stem from a title: letters (Chinese included), digits, `-` and `_`;
/// everything else becomes `-`. Nothing in a title can leave the folder.
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
    let stem: String = stem
        .trim_matches('-')
        .chars()
        .take(MAX_STEM_CHARS)
        .collect();
    let stem = stem.trim_matches('-').to_string();
    if stem.is_empty() {
        "session".into()
    } else {
        stem
    }
}

/// A path in `dir` for a new session with this title that no file uses yet.
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
        if !path.exists() {
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
