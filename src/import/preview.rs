//! What an import is about to add, in words: the same preview for the
//! command line and the Write stage, so both ask about the same thing.

use super::{Import, Layout};
use crate::model::sentence;
use crate::tr;

/// How many MOTs a preview shows as sentences before "and N more".
pub const FIRST: usize = 5;

/// An import put into words, ready to print or draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// "48 MOTs found in interviews.csv" (or in the pasted text).
    pub headline: String,
    /// How the text was read: its encoding and layout.
    pub read_as: String,
    /// The first MOTs, each as its sentence.
    pub first: Vec<String>,
    /// How many more MOTs are not shown as sentences.
    pub more: usize,
    /// Every line that cannot be read: "line 7: no feeling".
    pub problems: Vec<String>,
    /// The heading over them ("3 lines cannot be read…"), when there are any.
    pub problems_head: Option<String>,
    /// Values left off MOTs that are added, with their lines, under a
    /// heading of their own (first), when there are any.
    pub left_out: Vec<String>,
    /// Columns left out because mot does not know them, when there are any.
    pub ignored: Option<String>,
    /// A warning that this file was imported into the session before.
    pub again: Option<String>,
    /// The question: what confirming adds.
    pub question: String,
}

impl Preview {
    /// Warns that `n` MOTs of the session came from a file of this name
    /// already: importing it again would add them twice.
    pub fn imported_before(&mut self, file: &str, n: usize) {
        self.again = (n > 0).then(|| tr!("import.preview.again", n = n, file = file));
    }
}

/// How many MOTs of `session` say they were imported from a file named `file`.
pub fn imported_from(session: &crate::model::Session, file: &str) -> usize {
    session
        .mots
        .iter()
        .filter(|m| {
            matches!(&m.origin, Some(crate::model::MotOrigin::Import { file: f, .. }) if f == file)
        })
        .count()
}

/// Puts `import`, read from `source` (a file's name, or none for pasted
/// text), into words in the language on show.
pub fn preview(import: &Import, source: Option<&str>) -> Preview {
    let n = import.mots.len();
    let headline = match (source, n) {
        (Some(file), 1) => tr!("import.preview.found_one_in", file = file),
        (Some(file), _) => tr!("import.preview.found_in", n = n, file = file),
        (None, 1) => tr!("import.preview.found_one_pasted").to_string(),
        (None, _) => tr!("import.preview.found_pasted", n = n),
    };
    let layout = match import.layout {
        Layout::Csv => tr!("import.layout.csv"),
        Layout::Tsv => tr!("import.layout.tsv"),
        Layout::List => tr!("import.layout.list"),
    };
    let read_as = match import.encoding {
        Some(e) => tr!(
            "import.preview.read_as",
            encoding = e.name(),
            layout = layout
        ),
        None => tr!("import.preview.read_pasted", layout = layout),
    };
    let first = import
        .mots
        .iter()
        .take(FIRST)
        .map(|m| {
            tr!(
                "import.preview.line",
                line = m.line,
                sentence = sentence(&m.text)
            )
        })
        .collect();
    let problems = import.problems.iter().map(ToString::to_string).collect();
    let mut left_out: Vec<String> = Vec::new();
    if !import.left_out.is_empty() {
        left_out.push(tr!("import.preview.left_out", n = import.left_out.len()));
        left_out.extend(import.left_out.iter().map(ToString::to_string));
    }
    let problems_head = match import.problems.len() {
        0 => None,
        1 => Some(tr!("import.preview.problems_one").to_string()),
        n => Some(tr!("import.preview.problems", n = n)),
    };
    let ignored = (!import.ignored_columns.is_empty()).then(|| {
        let names: Vec<String> = import
            .ignored_columns
            .iter()
            .map(|c| format!("“{c}”"))
            .collect();
        tr!("import.preview.ignored", columns = names.join(", "))
    });
    let question = if n == 0 {
        tr!("import.preview.nothing").to_string()
    } else if n == 1 && import.problems.is_empty() {
        tr!("import.preview.add_one").to_string()
    } else if n == 1 {
        tr!(
            "import.preview.add_one_skipping",
            skipped = import.problems.len()
        )
    } else if import.problems.is_empty() {
        tr!("import.preview.add", n = n)
    } else {
        tr!(
            "import.preview.add_skipping",
            n = n,
            skipped = import.problems.len()
        )
    };
    Preview {
        headline,
        read_as,
        first,
        more: n.saturating_sub(FIRST),
        problems,
        problems_head,
        left_out,
        ignored,
        again: None,
        question,
    }
}
