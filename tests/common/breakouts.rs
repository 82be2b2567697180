//! The breakouts the merge tests read: the example sessions and the
//! hand-written fixtures of `tests/fixtures/merge`.

use std::fs;
use std::path::{Path, PathBuf};

use mot::model::Session;
use mot::store::breakouts;

/// The three example sessions, two in English, one in Chinese.
pub const EXAMPLES: [&str; 3] = [
    "airline-business-class.ron",
    "hotel-front-desk.ron",
    "海底捞-门店体验.ron",
];

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/merge")
        .join(name)
}

/// A breakout's session, read as a merge reads it.
pub fn read(path: &Path) -> Session {
    breakouts::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies fixtures into a folder of their own, to be merged from there.
pub fn breakouts_in(dir: &Path, files: &[&str]) -> Vec<PathBuf> {
    fs::create_dir_all(dir).expect("mkdir");
    files
        .iter()
        .map(|f| {
            let to = dir.join(f);
            fs::copy(fixture(f), &to).expect("copy");
            to
        })
        .collect()
}
