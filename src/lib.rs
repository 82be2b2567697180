//! `mot`: run a Moments-of-Truth workshop in the terminal.

pub mod model;
pub mod store;
