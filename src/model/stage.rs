//! The stages a workshop walks through, in order.

use serde::{Deserialize, Serialize};

/// The stages of a workshop, in the order the room walks through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Stage {
    /// Title, brand, focus, groups, participants, voting rules.
    #[default]
    Setup,
    /// Capture MOTs with the three elements.
    Write,
    /// One dimension and any qualities per MOT.
    Tag,
    /// Weighted dots and show of hands.
    Vote,
    /// The 4 x 5 intersection matrix.
    Matrix,
    /// The five principles: rank, rate, check, and mark the MOTs that matter.
    Choose,
    /// Role-play practice in trios: cards, rounds on a clock, observers' sheets.
    Drill,
}

impl Stage {
    /// All stages, in order.
    pub const ALL: [Stage; 7] = [
        Stage::Setup,
        Stage::Write,
        Stage::Tag,
        Stage::Vote,
        Stage::Matrix,
        Stage::Choose,
        Stage::Drill,
    ];

    /// Position in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The stage after this one, wrapping around.
    pub fn next(self) -> Stage {
        Stage::ALL[(self.index() + 1) % Stage::ALL.len()]
    }

    /// The stage before this one, wrapping around.
    pub fn prev(self) -> Stage {
        Stage::ALL[(self.index() + Stage::ALL.len() - 1) % Stage::ALL.len()]
    }
}
