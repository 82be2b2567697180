//! The table of every key: context, keys, action, the help's words and the
//! key bar's. The one list that feeds dispatch, the help overlay, the key
//! bar and the README.

use super::*;

macro_rules! bind {
    // `$help` is the help line's catalog key.
    ($ctx:ident, [$($key:expr),+], $action:expr, $help:literal, $bar:expr) => {
        Binding { context: Context::$ctx, keys: &[$($key),+], action: $action, help: $help, bar: $bar }
    };
}

use Action as A;
use KeyCode as K;

mod drill;
mod screens;
mod stages;

/// Every key of the app. Order within a context is the order of the help.
pub static BINDINGS: std::sync::LazyLock<Vec<Binding>> =
    std::sync::LazyLock::new(|| [screens::SCREENS, stages::STAGES, drill::DRILL].concat());
