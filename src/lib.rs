//! `mot`: run a Moments-of-Truth workshop in the terminal.

pub mod app;
pub mod model;
pub mod shell;
pub mod store;
pub mod tui;
pub mod ui;
