//! Sessions read while a folder is listed, kept until one is opened: the
//! picker reads every file once for its title and its MOTs' number, and the
//! file chosen then opens from what was read instead of being parsed again.
//!
//! A kept session is used only for the very bytes it was read from (the
//! bytes' digest and length are compared), so a file changed in between is
//! read afresh. What is kept is bounded, and let go at the first open.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::format::Decoded;
use super::{StoreError, decode_bytes};

/// Most MOTs kept across the sessions of a listing.
const MAX_MOTS_KEPT: usize = 50_000;

/// One session as read, and the bytes it was read from (by digest).
struct Kept {
    path: PathBuf,
    len: usize,
    digest: u64,
    decoded: Decoded,
}

static KEPT: Mutex<Vec<Kept>> = Mutex::new(Vec::new());

fn kept() -> std::sync::MutexGuard<'static, Vec<Kept>> {
    KEPT.lock().unwrap_or_else(|p| p.into_inner())
}

fn digest(bytes: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    h.finish()
}

/// Decodes a file's bytes for a listing, from what was kept when these
/// bytes were read before, and keeps the result for an open to come.
pub fn decode_for_list(path: &Path, bytes: &[u8]) -> Result<Decoded, StoreError> {
    if let Some(decoded) = find(path, bytes, false) {
        return Ok(decoded);
    }
    let decoded = decode_bytes(path, bytes)?;
    let mut kept = kept();
    let held: usize = kept.iter().map(|k| k.decoded.session.mots.len()).sum();
    if held + decoded.session.mots.len() <= MAX_MOTS_KEPT {
        kept.retain(|k| k.path != path);
        kept.push(Kept {
            path: path.to_path_buf(),
            len: bytes.len(),
            digest: digest(bytes),
            decoded: decoded.clone(),
        });
    }
    Ok(decoded)
}

/// Decodes a file's bytes to open it: from what a listing read of these
/// very bytes, else afresh. Either way nothing stays kept afterwards.
pub fn decode_for_open(path: &Path, bytes: &[u8]) -> Result<Decoded, StoreError> {
    match find(path, bytes, true) {
        Some(decoded) => Ok(decoded),
        None => decode_bytes(path, bytes),
    }
}

/// What was kept for this path and these bytes; `forget` lets go of all.
fn find(path: &Path, bytes: &[u8], forget: bool) -> Option<Decoded> {
    let mut kept = kept();
    let found = {
        let candidate = kept
            .iter()
            .position(|k| k.path == path && k.len == bytes.len());
        candidate
            .filter(|&i| kept[i].digest == digest(bytes))
            .map(|i| kept[i].decoded.clone())
    };
    if forget {
        kept.clear();
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MotText, Session};

    fn bytes(title: &str) -> Vec<u8> {
        let mut s = Session::new(title);
        s.add_mot(MotText::default());
        crate::store::to_ron(&s).expect("writes").into_bytes()
    }

    #[test]
    fn a_listed_file_opens_from_what_was_read_only_for_the_same_bytes() {
        let path = Path::new("/nowhere/kept-test.ron");
        let listed = bytes("as listed");
        decode_for_list(path, &listed).expect("reads");
        let changed = bytes("as changed");
        let opened = decode_for_open(path, &changed).expect("reads");
        assert_eq!(
            opened.session.title, "as changed",
            "changed bytes are read afresh"
        );
        decode_for_list(path, &listed).expect("reads");
        let opened = decode_for_open(path, &listed).expect("reads");
        assert_eq!(opened.session.title, "as listed");
        assert!(
            find(path, &listed, false).is_none(),
            "an open lets go of what was kept"
        );
    }
}
