//! `mot`: run a Moments-of-Truth workshop in the terminal.

pub mod access;
pub mod app;
pub mod calendar;
pub mod clipboard;
pub mod i18n;
pub mod import;
pub mod model;
pub mod plain;
pub mod report;
pub mod serve;
pub mod shell;
pub mod signals;
pub mod store;
pub mod tui;
pub mod ui;
