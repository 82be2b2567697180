//! Subcommands that work on a session without the interface.

pub mod check;
pub mod import;
pub mod merge;
pub mod report;
