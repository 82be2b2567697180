//! Reading MOTs out of a spreadsheet or a pasted list: the file's bytes in,
//! what they hold out, with every line that cannot be read and why. Nothing
//! is added to a session until [`apply`], which adds them all or none, so
//! the caller can make an import one undo step.
//!
//! Layouts: CSV or tab-separated with a header row naming who, situation
//! and feeling (and optionally dimension, qualities, golden moment), in any
//! of the three languages; or a list without header, one MOT per line, its
//! three parts separated by a tab or ` / `. Encodings: see [`encoding`].

pub mod encoding;
mod layout;
pub mod preview;
mod values;

pub use encoding::Encoding;
pub use preview::{Preview, imported_from, preview};

use crate::model::limits::{MAX_FILE_BYTES, MAX_MOTS};
use crate::model::{Dimension, Golden, ModelError, MotId, MotOrigin, MotText, Quality, Session};
use crate::tr;

/// What a file or a pasted text holds, ready to preview and to [`apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The encoding the bytes were read in; none for text given as text.
    pub encoding: Option<Encoding>,
    /// How the MOTs were laid out.
    pub layout: Layout,
    /// The MOTs read, in the order of their lines.
    pub mots: Vec<ImportedMot>,
    /// The lines that could not be read, in order.
    pub problems: Vec<Problem>,
    /// Values left off MOTs that were read: a dimension, a quality or a
    /// golden mark no one knows costs the tag, never the MOT.
    pub left_out: Vec<Problem>,
    /// Header cells that name no column mot knows; their values are left out.
    pub ignored_columns: Vec<String>,
}

/// One MOT read, with the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedMot {
    /// 1-based line of the file where its row starts.
    pub line: usize,
    /// Its three elements, cleaned as the editor cleans them.
    pub text: MotText,
    /// Its dimension, when the file gives one.
    pub dimension: Option<Dimension>,
    /// Its service qualities, in canonical order, no repeats.
    pub qualities: Vec<Quality>,
    /// Its golden-moment mark, when the file gives one.
    pub golden: Option<Golden>,
}

/// How the MOTs were laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Comma-separated, with a header row.
    Csv,
    /// Tab-separated, with a header row.
    Tsv,
    /// No header: one MOT per line, its parts separated by a tab or ` / `.
    List,
}

impl Layout {
    /// Its description in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Layout::Csv => tr!("import.layout.csv"),
            Layout::Tsv => tr!("import.layout.tsv"),
            Layout::List => tr!("import.layout.list"),
        }
    }
}

/// One of an MOT's three elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    /// Who the customer is.
    Who,
    /// The situation.
    Situation,
    /// What they felt.
    Feeling,
}

impl Element {
    /// Its name in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Element::Who => tr!("import.element.who"),
            Element::Situation => tr!("import.element.situation"),
            Element::Feeling => tr!("import.element.feeling"),
        }
    }
}

/// A line that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the file where its row starts.
    pub line: usize,
    /// Why it was not read.
    pub reason: Reason,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = tr!("import.problem", line = self.line, reason = self.reason);
        f.write_str(&text)
    }
}

/// Why a line could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// One of the three elements is blank.
    Missing(Element),
    /// The row has values, but who, situation and feeling are all blank.
    Blank,
    /// More filled columns than the header row names.
    TooManyColumns {
        /// Columns in the row, up to its last filled one.
        found: usize,
        /// Columns in the header row.
        expected: usize,
    },
    /// A list line that is not three parts.
    Parts {
        /// How many parts it has.
        found: usize,
    },
    /// A dimension that is no dimension's name or digit (the value, shortened).
    UnknownDimension(String),
    /// A quality that is no quality's name or digit (the value, shortened).
    UnknownQuality(String),
    /// A golden moment that is no mark's name or symbol (the value, shortened).
    UnknownGolden(String),
    /// An element longer than a text field holds.
    TooLong {
        /// Which element.
        element: Element,
        /// The most characters a field holds.
        max: usize,
    },
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Reason::Missing(e) => tr!("import.reason.missing", element = e.name()),
            Reason::Blank => tr!("import.reason.blank").to_string(),
            Reason::TooManyColumns { found, expected } => tr!(
                "import.reason.too_many_columns",
                found = found,
                expected = expected
            ),
            Reason::Parts { found: 1 } => tr!("import.reason.parts_one").to_string(),
            Reason::Parts { found } => tr!("import.reason.parts", found = found),
            Reason::UnknownDimension(v) => tr!("import.reason.unknown_dimension", value = v),
            Reason::UnknownQuality(v) => tr!("import.reason.unknown_quality", value = v),
            Reason::UnknownGolden(v) => tr!("import.reason.unknown_golden", value = v),
            Reason::TooLong { element, max } => tr!(
                "import.reason.too_long",
                element = element.name(),
                max = crate::model::limits::grouped(*max as u64)
            ),
        };
        f.write_str(&text)
    }
}

/// Why nothing could be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// Larger than any file mot reads.
    #[error("{}", tr!("import.error.too_large", max = crate::model::limits::grouped(*max)))]
    TooLarge {
        /// The most bytes read.
        max: u64,
    },
    /// Binary bytes, or text too garbled to be a spreadsheet.
    #[error("{}", tr!("import.error.not_text"))]
    NotText,
    /// No text, or only blanks.
    #[error("{}", tr!("import.error.empty"))]
    Empty,
    /// A header row and nothing under it.
    #[error("{}", tr!("import.error.header_only"))]
    HeaderOnly,
    /// Neither a header row nor lines of three parts.
    #[error("{}", tr!("import.error.no_layout"))]
    NoLayout,
    /// A header row that names some columns but lacks an element.
    #[error("{}", tr!("import.error.header_lacks", column = .0.name()))]
    HeaderLacks(Element),
    /// More MOTs than a session holds.
    #[error("{}", tr!("import.error.too_many_mots", max = crate::model::limits::grouped(*max as u64)))]
    TooManyMots {
        /// The most a session holds.
        max: usize,
    },
}

/// Reads a file's bytes: its encoding, layout, MOTs and unreadable lines.
pub fn read(bytes: &[u8]) -> Result<Import, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            max: MAX_FILE_BYTES,
        });
    }
    // Text never holds NUL; UTF-16 without its mark is not read either.
    if encoding_rs::Encoding::for_bom(bytes).is_none() && bytes.contains(&0) {
        return Err(ImportError::NotText);
    }
    let (encoding, text) = encoding::decode(bytes);
    let mut import = read_text(&text)?;
    import.encoding = Some(encoding);
    Ok(import)
}

/// Reads text given as text (pasted): its layout, MOTs and unreadable lines.
pub fn read_text(text: &str) -> Result<Import, ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            max: MAX_FILE_BYTES,
        });
    }
    if garbled(text) {
        return Err(ImportError::NotText);
    }
    let parsed = layout::parse(text)?;
    if parsed.mots.len() > MAX_MOTS {
        return Err(ImportError::TooManyMots { max: MAX_MOTS });
    }
    Ok(Import {
        encoding: None,
        layout: parsed.layout,
        mots: parsed.mots,
        problems: parsed.problems,
        left_out: parsed.left_out,
        ignored_columns: parsed.ignored_columns,
    })
}

/// Whether the text is binary or garbled: a NUL, or more than one character
/// in twenty unreadable or control (other than tab and line breaks).
fn garbled(text: &str) -> bool {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return true;
        }
        if c == char::REPLACEMENT_CHARACTER || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            bad += 1;
        }
    }
    bad * 20 > total
}

/// Adds every MOT of `import` to the session with its tags, and gives their
/// new ids; adds none when they would not all fit ([`MAX_MOTS`]). With a
/// `file` name, each MOT says it was imported from that file's line.
pub fn apply(
    session: &mut Session,
    import: &Import,
    file: Option<&str>,
) -> Result<Vec<MotId>, ModelError> {
    if session.mots.len() + import.mots.len() > MAX_MOTS {
        return Err(ModelError::TooManyMots { max: MAX_MOTS });
    }
    let before = session.mots.len();
    let mut ids = Vec::with_capacity(import.mots.len());
    let added = (|| {
        for m in &import.mots {
            let origin = file.map(|file| MotOrigin::Import {
                file: file.to_string(),
                line: u32::try_from(m.line).unwrap_or(u32::MAX),
            });
            let id = session.try_add_mot_from(m.text.clone(), origin)?;
            ids.push(id);
            session.set_dimension(id, m.dimension)?;
            for &q in &m.qualities {
                session.toggle_quality(id, q)?;
            }
            session.set_golden(id, m.golden)?;
        }
        Ok(())
    })();
    match added {
        Ok(()) => Ok(ids),
        Err(e) => {
            // Nothing else touched the session since: the new MOTs are the tail.
            session.mots.truncate(before);
            Err(e)
        }
    }
}

/// Why a file could not be imported: it could not be read as a file mot
/// reads (a link, a folder, a device, too large, missing), or it holds no
/// MOTs mot can read.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file itself: missing, a link, not a regular file, too large.
    #[error("{0}")]
    File(#[from] crate::store::StoreError),
    /// What it holds.
    #[error("{0}")]
    Import(#[from] ImportError),
}

impl FileError {
    /// What went wrong, naming the file once, in the language on show.
    pub fn words(&self, path: &std::path::Path) -> String {
        use crate::store::StoreError;
        let shown = crate::plain::path(path);
        match self {
            FileError::File(StoreError::Io { source, .. })
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                format!("{shown}: {}", tr!("store.file.missing"))
            }
            FileError::File(StoreError::Link { .. }) => {
                tr!("import.error.link", path = shown)
            }
            FileError::File(e) => crate::plain::escaped(&e.to_string()).into_owned(),
            FileError::Import(e) => format!("{shown}: {e}"),
        }
    }
}

/// Reads a file to import by the rules session files are read by: never
/// through a link, a regular file only, no larger than a session may be.
pub fn read_file(path: &std::path::Path) -> Result<Import, FileError> {
    let bytes = crate::store::side_files::read(path, false, MAX_FILE_BYTES)?;
    Ok(read(&bytes)?)
}

/// The name a MOT's origin keeps for a file: its last component, without
/// control characters, within the bytes a file name may have (the folder
/// stays out: session files get mailed).
pub fn file_name(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut clean: String = name
        .chars()
        .filter(|c| !c.is_control() && *c != '/' && *c != '\\')
        .collect();
    let max = crate::model::limits::MAX_NAME_BYTES;
    if clean.len() > max {
        let mut end = max;
        while !clean.is_char_boundary(end) {
            end -= 1;
        }
        clean.truncate(end);
    }
    if clean.is_empty() {
        clean = tr!("import.unnamed").to_string();
    }
    clean
}
