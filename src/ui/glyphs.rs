//! Big Chinese letters for the stage title in presenting mode. The 8x8
//! font that draws English big has no Chinese, so the characters of the
//! stage titles are drawn by hand in `assets/glyphs/cjk.txt` (16x16 cells,
//! `#` inked, `.` blank) and read here once.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Cells on each side of a glyph.
pub const SIZE: usize = 16;

/// Terminal rows a glyph takes: two of its rows share one (half blocks).
pub const ROWS: u16 = (SIZE / 2) as u16;

/// Blank columns between two characters of a title.
pub const GAP: u16 = 2;

/// The hand-drawn glyphs, as the repository keeps them.
// Through `concat!`: the catalog test takes any quoted path after `tr!(` for a key.
pub const SOURCE: &str = include_str!(concat!("../../assets/glyphs/", "cjk.txt"));

/// One character on a 16x16 grid: a `u16` per row, the leftmost cell in the high bit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Glyph {
    rows: [u16; SIZE],
}

impl Glyph {
    /// Whether the cell at column `x`, row `y` is inked.
    pub fn inked(&self, x: usize, y: usize) -> bool {
        x < SIZE && y < SIZE && self.rows[y] & (1 << (SIZE - 1 - x)) != 0
    }

    /// The glyph in half blocks: [`ROWS`] lines of [`SIZE`] columns each.
    pub fn lines(&self) -> Vec<String> {
        (0..SIZE)
            .step_by(2)
            .map(|y| {
                (0..SIZE)
                    .map(|x| match (self.inked(x, y), self.inked(x, y + 1)) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    })
                    .collect()
            })
            .collect()
    }
}

/// A line of the glyph file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GlyphError {
    /// A header names no character, or more than one.
    #[error("line {line}: a glyph starts with `= ` and one character")]
    Header {
        /// 1-based line.
        line: usize,
    },
    /// A row is not 16 cells of `#` and `.`.
    #[error("line {line}: a row is {SIZE} cells of `#` or `.`")]
    Row {
        /// 1-based line.
        line: usize,
    },
    /// A row before any header.
    #[error("line {line}: a row before any `= ` header")]
    Orphan {
        /// 1-based line.
        line: usize,
    },
    /// A glyph with too few or too many rows.
    #[error("line {line}: `{ch}` has {rows} rows, not {SIZE}")]
    Rows {
        /// 1-based line of its header.
        line: usize,
        /// The character.
        ch: char,
        /// Rows it has.
        rows: usize,
    },
    /// The same character drawn twice.
    #[error("line {line}: `{ch}` is drawn twice")]
    Twice {
        /// 1-based line of the second header.
        line: usize,
        /// The character.
        ch: char,
    },
}

/// Reads a glyph file: `# ` comments, then for each character a `= 字`
/// header, 16 rows of 16 `#` or `.` cells, and a blank line.
pub fn parse(text: &str) -> Result<HashMap<char, Glyph>, GlyphError> {
    let mut out = HashMap::new();
    // The glyph being read: its character, header line and rows so far.
    let mut open: Option<(char, usize, Vec<u16>)> = None;
    let mut close = |open: &mut Option<(char, usize, Vec<u16>)>| -> Result<(), GlyphError> {
        let Some((ch, line, rows)) = open.take() else {
            return Ok(());
        };
        let rows: [u16; SIZE] = rows.try_into().map_err(|rows: Vec<u16>| GlyphError::Rows {
            line,
            ch,
            rows: rows.len(),
        })?;
        if out.insert(ch, Glyph { rows }).is_some() {
            return Err(GlyphError::Twice { line, ch });
        }
        Ok(())
    };
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let text = raw.trim_end();
        // A blank line ends a glyph; a short glyph is caught there.
        if text.is_empty() {
            close(&mut open)?;
            continue;
        }
        if let Some(name) = text.strip_prefix("= ") {
            close(&mut open)?;
            let mut chars = name.trim().chars();
            let (Some(ch), None) = (chars.next(), chars.next()) else {
                return Err(GlyphError::Header { line });
            };
            open = Some((ch, line, Vec::new()));
            continue;
        }
        let Some((_, _, rows)) = open.as_mut() else {
            // Comments sit between glyphs; inside one every line is a row.
            if text == "#" || text.starts_with("# ") {
                continue;
            }
            return Err(GlyphError::Orphan { line });
        };
        if text.chars().count() != SIZE || !text.chars().all(|c| c == '#' || c == '.') {
            return Err(GlyphError::Row { line });
        }
        let bits = text
            .chars()
            .fold(0u16, |acc, c| (acc << 1) | u16::from(c == '#'));
        rows.push(bits);
    }
    close(&mut open)?;
    Ok(out)
}

static GLYPHS: LazyLock<HashMap<char, Glyph>> = LazyLock::new(|| {
    // The file ships with the binary and a test reads it whole; should it
    // ever be broken, titles fall back to plain letters rather than fail.
    parse(SOURCE).unwrap_or_default()
});

/// The hand-drawn glyph of `c`, if there is one.
pub fn glyph(c: char) -> Option<&'static Glyph> {
    GLYPHS.get(&c)
}

/// Whether every character of `text` has a glyph (spaces are left blank).
pub fn can_draw(text: &str) -> bool {
    text.chars().any(|c| !c.is_whitespace())
        && text
            .chars()
            .all(|c| c.is_whitespace() || glyph(c).is_some())
}

/// Columns `text` takes drawn in glyphs.
pub fn width(text: &str) -> u16 {
    let n = text.chars().count() as u16;
    n * SIZE as u16 + n.saturating_sub(1) * GAP
}

/// `text` drawn in glyphs: [`ROWS`] lines, characters [`GAP`] columns
/// apart, a space as wide as a character. A character without a glyph is
/// left blank ([`can_draw`] says whether any is).
pub fn lines(text: &str) -> Vec<String> {
    let blank = " ".repeat(SIZE);
    let gap = " ".repeat(usize::from(GAP));
    let drawn: Vec<Vec<String>> = text
        .chars()
        .map(|c| glyph(c).map_or_else(|| vec![blank.clone(); SIZE / 2], Glyph::lines))
        .collect();
    (0..SIZE / 2)
        .map(|row| {
            drawn
                .iter()
                .map(|g| g[row].as_str())
                .collect::<Vec<_>>()
                .join(&gap)
        })
        .collect()
}
