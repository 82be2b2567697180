//! A merge of breakout sessions in the picker: what it asks the shell to
//! do, and what the picker shows from its title to what it came to.

use std::cell::Cell;
use std::path::PathBuf;

use super::text_field::TextField;

/// How far a popup of wrapped lines is scrolled.
#[derive(Debug, Default)]
pub struct Scroll {
    /// The first row shown.
    pub top: usize,
    /// The last row `top` may be, as the last frame drew it (rows depend
    /// on the width, which only the view knows).
    pub max: Cell<usize>,
}

/// A merge of breakout sessions the picker asks the shell to carry out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRequest {
    /// The session files, in the order marked: the first gives the groups and the setup.
    pub paths: Vec<PathBuf>,
    /// The new session's title.
    pub title: String,
    /// Where weights differ, take the first session's.
    pub weights_from_first: bool,
}

/// A merge in the picker, from its title to what it came to.
#[derive(Debug)]
pub enum MergeView {
    /// The new session's title, being typed (boxed: a field is large
    /// beside the other views).
    Title(Box<TextField>),
    /// What stopped the merge, and how to go on.
    Conflicts {
        /// The merge that stopped, to try again with the first session's weights.
        request: MergeRequest,
        /// The conflicts and the command line that settles them, a line each.
        lines: Vec<String>,
        /// Whether the first session's weights settle every conflict.
        weights_settle: bool,
        /// How far it is scrolled.
        scroll: Scroll,
    },
    /// What the merge did, for the facilitator to read and close.
    Summary {
        /// A line each.
        lines: Vec<String>,
        /// How far it is scrolled.
        scroll: Scroll,
    },
}
