//! Text from files and folders made safe to print: a title, a name or a path
//! may hold control codes that a terminal would obey (set its window title,
//! its clipboard, move the cursor) or bidirectional overrides that reorder
//! what the reader sees. Printed, they are shown escaped instead.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// Whether a character must not reach a terminal as it is: C0 and C1
/// controls (ESC, BEL, CR, LF, CSI...), DEL, and the bidirectional
/// embeddings, overrides and isolates.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// `text` with every unsafe character written as an escape (`\e`, `\n`,
/// `\u{202e}`), so it prints on one line and changes nothing in the terminal.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{1b}' => out.push_str("\\e"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A path as [`escaped`] text (names that are not UTF-8 shown lossily).
pub fn path(path: &Path) -> String {
    escaped(&path.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_untouched() {
        assert!(matches!(escaped("海底捞 门店 MOT"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_and_overrides_are_escaped() {
        assert_eq!(escaped("a\x1b]0;pwned\x07b"), "a\\e]0;pwned\\u{7}b");
        assert_eq!(escaped("x\ny\rz\t"), "x\\ny\\rz\\t");
        assert_eq!(escaped("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escaped("abc\u{202e}fed"), "abc\\u{202e}fed");
        assert_eq!(escaped("\u{2066}x\u{2069}"), "\\u{2066}x\\u{2069}");
        assert!(!escaped("\u{7f}").contains('\u{7f}'));
    }

    #[test]
    fn a_path_prints_on_one_line() {
        let p = Path::new("/tmp/a\nb.ron");
        assert_eq!(path(p), "/tmp/a\\nb.ron");
    }
}
