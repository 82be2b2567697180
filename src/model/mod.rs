//! The workshop's domain: sessions, MOTs, tags, votes, scores and the matrix.
//! Plain Rust and serde; no terminal and no files.

pub mod coach;
pub mod matrix;
pub mod room;
pub mod session;
pub mod stage;
pub mod taxonomy;
pub mod vote;

pub use coach::{Coaching, Elements, coach, sentence};
pub use matrix::{Cell, Matrix};
pub use room::{Language, Theme, Timebox};
pub use session::{
    Dots, FORMAT_VERSION, Group, GroupId, Hands, Mot, MotId, MotText, Participant, ParticipantId,
    Session,
};
pub use stage::Stage;
pub use taxonomy::{Dimension, Quality};
pub use vote::Score;

/// Why a change to a session was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// The MOT was deleted or never existed.
    #[error("there is no MOT {0}")]
    NoSuchMot(MotId),
    /// The group was deleted or never existed.
    #[error("there is no respondent group {0}")]
    NoSuchGroup(GroupId),
    /// The participant was removed or never existed.
    #[error("there is no participant {0}")]
    NoSuchParticipant(ParticipantId),
    /// Every dot of the budget is spent.
    #[error("all {budget} dots are spent: take one back first")]
    BudgetSpent {
        /// The session's dot budget.
        budget: u32,
    },
    /// The per-MOT cap is reached.
    #[error("at most {cap} dots on one MOT")]
    CapReached {
        /// The session's per-MOT cap.
        cap: u32,
    },
    /// Removing a dot where none was placed.
    #[error("no dot here to take back")]
    NoDotToRemove,
    /// A show-of-hands count beyond reason.
    #[error("at most {max} hands per group")]
    TooManyHands {
        /// The largest count accepted.
        max: u32,
    },
    /// Removing a group that still has participants.
    #[error("\"{name}\" still has {members} participant(s): move or remove them first")]
    GroupInUse {
        /// The group's name.
        name: String,
        /// How many participants are in it.
        members: usize,
    },
    /// Removing the only group.
    #[error("a session needs at least one respondent group")]
    LastGroup,
    /// A loaded session breaks a rule serde cannot check.
    #[error("{0}")]
    Invalid(String),
}
