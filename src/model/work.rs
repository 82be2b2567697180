//! How often the domain's costly entry points run: each walks every MOT (or
//! looks one up by walking them). A test reads these counts to show that the
//! work of a frame or a key is the same for a hundred MOTs as for ten
//! thousand, without timing anything.

use std::sync::atomic::{AtomicU64, Ordering};

/// An entry point that is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// `Session::mot`: one MOT looked up by id.
    MotLookup,
    /// `Session::scores`: every MOT's score.
    Scores,
    /// `Matrix::build`: the twenty cells.
    Matrix,
    /// `coach`: the advice for one MOT.
    Coach,
    /// `Session::ranking_with`: the whole ranking.
    Ranking,
    /// `store::decode`: a whole session file parsed.
    Parse,
}

impl Entry {
    /// Every entry, in the order [`counts`] gives them.
    pub const ALL: [Entry; 6] = [
        Entry::MotLookup,
        Entry::Scores,
        Entry::Matrix,
        Entry::Coach,
        Entry::Ranking,
        Entry::Parse,
    ];
}

static COUNTS: [AtomicU64; 6] = [
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
];

/// Counts one run of `entry` (a relaxed add: nothing waits for it).
pub fn note(entry: Entry) {
    COUNTS[entry as usize].fetch_add(1, Ordering::Relaxed);
}

/// How often each entry ran so far in this process, in [`Entry::ALL`]'s order.
pub fn counts() -> [u64; 6] {
    std::array::from_fn(|i| COUNTS[i].load(Ordering::Relaxed))
}
