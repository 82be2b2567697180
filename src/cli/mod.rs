//! Subcommands that work on a session without the interface.

pub mod import;
