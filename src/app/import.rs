//! Bringing MOTs into Write from a file or a paste: the file asked for,
//! then one preview that says what will be added and asks before it is.

use super::text_field::TextField;
use crate::import::{Import, Preview};

/// Where an import is: the file's path being typed, or the preview.
#[derive(Debug)]
pub enum ImportFlow {
    /// The path of the file being typed.
    Asking(Box<TextField>),
    /// What the file or the paste holds, waiting for a yes.
    Preview(Box<ImportPreview>),
}

/// What will be added, and the words that say so (put once, when read).
#[derive(Debug)]
pub struct ImportPreview {
    /// The MOTs and the lines that could not be read.
    pub import: Import,
    /// The file's name as each MOT will keep it; none for a paste.
    pub file: Option<String>,
    /// The preview in words, in the language on show when it was read.
    pub words: Preview,
    /// First row of the preview on show, for a long list of problems.
    pub scroll: usize,
}

impl ImportPreview {
    /// A preview of `import`, read from the file named `file` (none: pasted).
    pub fn new(import: Import, file: Option<String>) -> ImportPreview {
        let words = crate::import::preview(&import, file.as_deref());
        ImportPreview {
            import,
            file,
            words,
            scroll: 0,
        }
    }
}
