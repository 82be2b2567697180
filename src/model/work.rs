//! How much work the domain's costly entry points do: an entry that walks
//! every MOT counts the MOTs it walks, one that looks an MOT up counts one.
//! A test reads these counts to show that the work of a frame or a key is
//! the same for a thousand MOTs as for ten thousand, without timing anything:
//! a walk at frame time would count ten times more.

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
    /// Any other walk over every MOT for a figure (counts, lists, the
    /// messages): kept with the derived figures, so never per frame.
    Walk,
}

impl Entry {
    /// Every entry, in the order [`counts`] gives them.
    pub const ALL: [Entry; 7] = [
        Entry::MotLookup,
        Entry::Scores,
        Entry::Matrix,
        Entry::Coach,
        Entry::Ranking,
        Entry::Parse,
        Entry::Walk,
    ];
}

static COUNTS: [AtomicU64; 7] = [
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
    AtomicU64::new(0),
];

/// Counts one run of `entry` that looks at one thing (a relaxed add:
/// nothing waits for it).
pub fn note(entry: Entry) {
    note_n(entry, 1);
}

/// Counts one run of `entry` that walks `n` MOTs.
pub fn note_n(entry: Entry, n: usize) {
    COUNTS[entry as usize].fetch_add(n as u64, Ordering::Relaxed);
}

/// How often each entry ran so far in this process, in [`Entry::ALL`]'s order.
pub fn counts() -> [u64; 7] {
    std::array::from_fn(|i| COUNTS[i].load(Ordering::Relaxed))
}
