//! The workshop's domain: sessions, MOTs, tags, votes, scores and the matrix.
//! Plain Rust and serde; no terminal and no files.

pub mod check;
pub mod choose;
pub mod coach;
pub mod drill;
pub mod duplicates;
pub mod limits;
pub mod matrix;
pub mod merge;
pub mod path;
pub mod ranking;
pub mod room;
pub mod same_moment;
pub mod session;
pub mod stage;
pub mod taxonomy;
mod template;
pub mod vote;
pub mod work;

use crate::tr;

pub use choose::{Circle, Golden, Messages, Motx, Rating, Region, Thresholds};
pub use coach::{Coaching, Elements, coach, sentence};
pub use matrix::{Cell, Matrix};
pub use path::{FieldPath, Step};
pub use ranking::{Filter, Ranked, Ranking};
pub use room::{Language, Theme, Timebox};
pub use session::{
    Dots, FORMAT_VERSION, Group, GroupId, Hands, Mot, MotId, MotNote, MotOrigin, MotText,
    Participant, ParticipantId, Session, provenance,
};
pub use stage::Stage;
pub use taxonomy::{Dimension, Quality};
pub use vote::{Counting, Score};

/// Why a change to a session was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// The MOT was deleted or never existed.
    NoSuchMot(MotId),
    /// The group was deleted or never existed.
    NoSuchGroup(GroupId),
    /// The participant was removed or never existed.
    NoSuchParticipant(ParticipantId),
    /// Every dot of the budget is spent.
    BudgetSpent {
        /// The session's dot budget.
        budget: u32,
    },
    /// The per-MOT cap is reached.
    CapReached {
        /// The session's per-MOT cap.
        cap: u32,
    },
    /// Removing a dot where none was placed.
    NoDotToRemove,
    /// A show-of-hands count beyond reason.
    TooManyHands {
        /// The largest count accepted.
        max: u32,
    },
    /// Removing a group that still has participants.
    GroupInUse {
        /// The group's name.
        name: String,
        /// How many participants are in it.
        members: usize,
    },
    /// Removing the only group.
    LastGroup,
    /// A rating outside 1 to 5.
    RatingOutOfRange {
        /// The rating asked for.
        value: u8,
    },
    /// The session holds as many MOTs as it may ([`limits::MAX_MOTS`]).
    TooManyMots {
        /// The most it may hold.
        max: usize,
    },
    /// A MOT would keep more merged texts than it may.
    TooManyNotes {
        /// The most it may keep.
        max: usize,
    },
    /// More pairs marked as not duplicates than a session holds.
    TooManyPairs {
        /// The most it may hold.
        max: usize,
    },
    /// The session holds as many participants as it may.
    TooManyParticipants {
        /// The most it may hold.
        max: usize,
    },
    /// The session holds as many respondent groups as it may.
    TooManyGroups {
        /// The most it may hold.
        max: usize,
    },
    /// A loaded session breaks a rule serde cannot check.
    Invalid {
        /// Where the offending value is, as the file names it.
        path: FieldPath,
        /// What is wrong with it, in words.
        message: String,
    },
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            ModelError::NoSuchMot(id) => tr!("model.error.no_such_mot", id = id),
            ModelError::NoSuchGroup(id) => tr!("model.error.no_such_group", id = id),
            ModelError::NoSuchParticipant(id) => tr!("model.error.no_such_participant", id = id),
            ModelError::BudgetSpent { budget } => {
                tr!("model.error.budget_spent", budget = budget)
            }
            ModelError::CapReached { cap } => tr!("model.error.cap_reached", cap = cap),
            ModelError::NoDotToRemove => tr!("model.error.no_dot").to_string(),
            ModelError::TooManyHands { max } => {
                tr!(
                    "model.error.too_many_hands",
                    max = limits::grouped(u64::from(*max))
                )
            }
            ModelError::GroupInUse { name, members } => {
                tr!("model.error.group_in_use", name = name, members = members)
            }
            ModelError::LastGroup => tr!("model.error.last_group").to_string(),
            ModelError::RatingOutOfRange { value } => {
                tr!("model.error.rating", value = value)
            }
            ModelError::TooManyNotes { max } => {
                tr!(
                    "model.error.too_many_notes",
                    max = limits::grouped(*max as u64)
                )
            }
            ModelError::TooManyPairs { max } => {
                tr!(
                    "model.error.too_many_pairs",
                    max = limits::grouped(*max as u64)
                )
            }
            ModelError::TooManyMots { max } => {
                tr!(
                    "model.error.too_many_mots",
                    max = limits::grouped(*max as u64)
                )
            }
            ModelError::TooManyParticipants { max } => tr!(
                "model.error.too_many_participants",
                max = limits::grouped(*max as u64)
            ),
            ModelError::TooManyGroups { max } => {
                tr!(
                    "model.error.too_many_groups",
                    max = limits::grouped(*max as u64)
                )
            }
            ModelError::Invalid { path, message } => format!("{path}: {message}"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ModelError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    #[test]
    fn errors_speak_the_language_on_show() {
        let e = ModelError::BudgetSpent { budget: 3 };
        i18n::set(Language::English);
        assert_eq!(e.to_string(), "all 3 dots are spent: take one back first");
        i18n::set(Language::SimplifiedChinese);
        assert_eq!(e.to_string(), "3 个点已全部用完：请先收回一个");
        i18n::set(Language::TraditionalChinese);
        assert_eq!(e.to_string(), "3 個點已全部用完：請先收回一個");
        let invalid = Session::new("t");
        let mut invalid = invalid;
        invalid.dot_budget = 500;
        let e = invalid.validate().expect_err("too many dots");
        assert!(e.to_string().contains("dot_budget"), "{e}");
        assert!(e.to_string().contains("500"), "{e}");
        assert!(e.to_string().contains("點數預算"), "{e}");
        i18n::set(Language::English);
    }
}
