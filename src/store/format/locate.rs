//! Finds where a value is in RON text, by its path (`mots[3].hands[0].count`),
//! so a check that fails after parsing can point at a line and column as a
//! parse error does. The text has parsed already: this only has to be right
//! for valid RON, and it never panics on anything else. A step it cannot
//! find (a field left to its default, an older version's shape) leaves it at
//! the nearest ancestor it found.

use crate::model::{FieldPath, Step};

/// Line and column (both 1-based) of the value at `path` in `text`, or of
/// its nearest ancestor found; columns count characters, as `ron`'s do.
pub fn locate(text: &str, path: &FieldPath) -> (usize, usize) {
    let mut lexer = Lexer::new(text);
    let at = value_at(&mut lexer, path.steps()).unwrap_or(0);
    line_col(text, at)
}

/// The text of a top-level field's value when it is a single token (a
/// number, a name), read without parsing the rest of the file: how the
/// version is found before choosing the reader for it.
pub fn top_level_atom<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let mut lexer = Lexer::new(text);
    if let (_, Token::Ident(_)) = lexer.peek()? {
        // A struct's name before its fields.
        lexer.next();
    }
    if lexer.next()?.1 != Token::Punct(b'(') {
        return None;
    }
    loop {
        let (_, Token::Ident(field)) = lexer.next()? else {
            return None;
        };
        if lexer.next()?.1 != Token::Punct(b':') {
            return None;
        }
        if field == name {
            let (start, token) = lexer.next()?;
            let end = lexer.pos;
            let after = lexer.next()?.1;
            // Only a whole value: `version: 4,` or `version: 4)`.
            return match (token, after) {
                (Token::Atom | Token::Ident(_), Token::Punct(b',' | b')')) => text.get(start..end),
                _ => None,
            };
        }
        lexer.skip_value();
        if lexer.next()?.1 != Token::Punct(b',') {
            return None;
        }
    }
}

/// Line and column of a byte offset, counting characters since the last
/// line break (so `中文` before a value counts two columns, as in `ron`).
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |p| p + 1);
    let col = 1 + before.get(line_start..).map_or(0, |s| s.chars().count());
    (line, col)
}

/// A token of RON, as much as finding a value needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// `(`, `)`, `[`, `]`, `{`, `}`, `,`, `:`.
    Punct(u8),
    /// A name: a field, a struct, an enum variant, `Some`, `true`.
    Ident(&'a str),
    /// A number, a string, a character: one value without insides.
    Atom,
}

struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    /// The token read ahead, with its start.
    peeked: Option<(usize, Token<'a>)>,
}

/// Where `needle` first is in `hay` from `from` on, in bytes.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Lexer<'a> {
        Lexer {
            text,
            pos: 0,
            peeked: None,
        }
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    /// Skips blanks, comments (block comments nest in RON) and `#![...]`
    /// attributes.
    fn skip_trivia(&mut self) {
        let bytes = self.text.as_bytes();
        loop {
            match (self.byte(self.pos), self.byte(self.pos + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    self.pos = find(bytes, self.pos, b"\n").unwrap_or(bytes.len());
                }
                (Some(b'/'), Some(b'*')) => {
                    let mut depth = 0usize;
                    while self.pos < bytes.len() {
                        match (self.byte(self.pos), self.byte(self.pos + 1)) {
                            (Some(b'/'), Some(b'*')) => {
                                depth += 1;
                                self.pos += 2;
                            }
                            (Some(b'*'), Some(b'/')) => {
                                depth = depth.saturating_sub(1);
                                self.pos += 2;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => self.pos += 1,
                        }
                    }
                }
                (Some(b'#'), _) => {
                    // An attribute `#![enable(...)]`: skip to its closing bracket.
                    let mut depth = 0usize;
                    while let Some(b) = self.byte(self.pos) {
                        self.pos += 1;
                        match b {
                            b'[' => depth += 1,
                            b']' => {
                                depth = depth.saturating_sub(1);
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// Skips a quoted string or character from its opening quote, escapes included.
    fn skip_quoted(&mut self, quote: u8) {
        self.pos += 1;
        while let Some(b) = self.byte(self.pos) {
            self.pos += 1;
            if b == b'\\' {
                self.pos += 1;
            } else if b == quote {
                return;
            }
        }
    }

    /// Skips a raw string `r"..."`, `r#"..."#` whose `r` is at `at`; false
    /// (and nothing skipped) when there is none (`r#type`, `rating`).
    fn skip_raw(&mut self, at: usize) -> bool {
        let mut quote = at + 1;
        while self.byte(quote) == Some(b'#') {
            quote += 1;
        }
        if self.byte(quote) != Some(b'"') {
            return false;
        }
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', quote - at - 1));
        let bytes = self.text.as_bytes();
        self.pos = find(bytes, quote + 1, &close).map_or(bytes.len(), |n| n + close.len());
        true
    }

    /// Skips a string with a prefix (`r"..."`, `b"..."`, `br#"..."#`) at
    /// `at`; false when the letters there begin a name instead.
    fn skip_prefixed_string(&mut self, at: usize) -> bool {
        match (self.byte(at), self.byte(at + 1)) {
            (Some(b'r'), _) => self.skip_raw(at),
            (Some(b'b'), Some(b'"')) => {
                self.pos = at + 1;
                self.skip_quoted(b'"');
                true
            }
            (Some(b'b'), Some(b'r')) => self.skip_raw(at + 1),
            _ => false,
        }
    }

    fn read(&mut self) -> Option<(usize, Token<'a>)> {
        self.skip_trivia();
        let start = self.pos;
        let b = self.byte(start)?;
        let token = match b {
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' => {
                self.pos += 1;
                Token::Punct(b)
            }
            b'"' | b'\'' => {
                self.skip_quoted(b);
                Token::Atom
            }
            b'r' | b'b' if self.skip_prefixed_string(start) => Token::Atom,
            b if b.is_ascii_alphabetic() || b == b'_' => {
                // A raw identifier `r#name` reads as its name.
                let name_start = if self.text.as_bytes().get(start..start + 2) == Some(b"r#") {
                    start + 2
                } else {
                    start
                };
                self.pos = name_start;
                while self
                    .byte(self.pos)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                {
                    self.pos += 1;
                }
                Token::Ident(self.text.get(name_start..self.pos).unwrap_or(""))
            }
            _ => {
                // A number (`12`, `-3`, `1.5e-3`, `0x1F`, `1_000`) or anything
                // else: at least one whole character, so the walk moves on.
                self.pos += 1;
                while self.byte(self.pos).is_some_and(|b| b & 0xC0 == 0x80) {
                    self.pos += 1;
                }
                while let Some(b) = self.byte(self.pos) {
                    let exponent_sign = (b == b'+' || b == b'-')
                        && matches!(self.byte(self.pos - 1), Some(b'e' | b'E'));
                    if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || exponent_sign {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                Token::Atom
            }
        };
        Some((start, token))
    }

    fn peek(&mut self) -> Option<(usize, Token<'a>)> {
        if self.peeked.is_none() {
            self.peeked = self.read();
        }
        self.peeked
    }

    fn next(&mut self) -> Option<(usize, Token<'a>)> {
        match self.peeked.take() {
            Some(t) => Some(t),
            None => self.read(),
        }
    }

    /// Skips one whole value (brackets balanced), however deep, leaving the
    /// comma or closing bracket after it.
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        while let Some((_, t)) = self.peek() {
            match t {
                Token::Punct(b'(' | b'[' | b'{') => depth += 1,
                // The end of the enclosing list is not part of this value.
                Token::Punct(b')' | b']' | b'}') if depth == 0 => return,
                Token::Punct(b')' | b']' | b'}') => depth -= 1,
                Token::Punct(b',') if depth == 0 => return,
                _ => {}
            }
            self.next();
            // A name followed by brackets (`Some(..)`, `Mot(..)`) goes on.
            let named = matches!(t, Token::Ident(_))
                && matches!(self.peek(), Some((_, Token::Punct(b'(' | b'[' | b'{'))));
            if depth == 0 && !named {
                return;
            }
        }
    }
}

/// The start of the value the steps lead to from here, or of the deepest
/// one found on the way; `None` when there is no value here at all.
fn value_at(lexer: &mut Lexer<'_>, steps: &[Step]) -> Option<usize> {
    let (mut found, _) = lexer.peek()?;
    loop {
        match lexer.peek()? {
            (at, Token::Ident(name)) => {
                lexer.next();
                match lexer.peek() {
                    // `Some(x)` is x, as far as the path goes.
                    Some((_, Token::Punct(b'('))) if name == "Some" => {
                        lexer.next();
                        if let Some((inner, _)) = lexer.peek() {
                            found = inner;
                        }
                    }
                    // A struct's name before its fields: on to the bracket.
                    Some((_, Token::Punct(b'(' | b'[' | b'{'))) => {}
                    // A bare name is a whole value (an enum variant, `true`).
                    _ => return Some(at),
                }
            }
            (at, Token::Atom) => return Some(at),
            (_, Token::Punct(bracket @ (b'(' | b'[' | b'{'))) => {
                let Some((step, rest)) = steps.split_first() else {
                    return Some(found);
                };
                lexer.next();
                return Some(inside(lexer, bracket, *step, rest).unwrap_or(found));
            }
            _ => return Some(found),
        }
    }
}

/// Goes from just inside an opening bracket to the element or field `step`
/// names, then on down `rest`.
fn inside(lexer: &mut Lexer<'_>, bracket: u8, step: Step, rest: &[Step]) -> Option<usize> {
    match (step, bracket) {
        (Step::Field(name), b'(' | b'{') => loop {
            let (_, Token::Ident(field)) = lexer.next()? else {
                return None;
            };
            if !matches!(lexer.next()?, (_, Token::Punct(b':'))) {
                return None;
            }
            if field == name {
                return value_at(lexer, rest);
            }
            lexer.skip_value();
            if !matches!(lexer.next()?, (_, Token::Punct(b','))) {
                return None;
            }
        },
        (Step::Index(i), b'[' | b'(') => {
            for _ in 0..i {
                if matches!(lexer.peek()?, (_, Token::Punct(b']' | b')'))) {
                    return None;
                }
                lexer.skip_value();
                if !matches!(lexer.next()?, (_, Token::Punct(b','))) {
                    return None;
                }
            }
            if matches!(lexer.peek()?, (_, Token::Punct(b']' | b')'))) {
                return None;
            }
            value_at(lexer, rest)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: FieldPath) -> (usize, usize) {
        locate(text, &path)
    }

    fn f(name: &'static str) -> FieldPath {
        FieldPath::field(name)
    }

    #[test]
    fn fields_and_elements_are_found() {
        let text = "(\n    version: 4,\n    title: \"t\",\n    mots: [\n        (\n            id: 1,\n            hands: [(group: 1, count: 5), (group: 2, count: 100000)],\n        ),\n    ],\n)\n";
        assert_eq!(at(text, f("version")), (2, 14));
        assert_eq!(at(text, f("title")), (3, 12));
        assert_eq!(at(text, f("mots")), (4, 11));
        assert_eq!(at(text, f("mots").at(0)), (5, 9));
        assert_eq!(at(text, f("mots").at(0).then("id")), (6, 17));
        let count = f("mots").at(0).then("hands").at(1).then("count");
        assert_eq!(at(text, count), (7, 61));
    }

    #[test]
    fn columns_count_characters_as_ron_does() {
        let text = "(title: \"华航 商务舱\", brand: \"é\", dot_budget: 500)";
        let (line, col) = at(text, f("dot_budget"));
        assert_eq!((line, col), (1, 43));
        // The column `ron` itself gives for an error at the same place.
        let broken = text.replace("500", "5x0");
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct T {
            title: String,
            brand: String,
            dot_budget: u32,
        }
        let e = ron::from_str::<T>(&broken).expect_err("not a number");
        assert_eq!(e.span.start.line, line);
        assert!(
            e.span.start.col >= col && e.span.start.col <= col + 3,
            "ron says {}, we say {col}",
            e.span.start.col
        );
    }

    #[test]
    fn strings_comments_and_raw_strings_hide_their_insides() {
        let text = concat!(
            "#![enable(implicit_some)]\n",
            "// count: 1, mots: [\n",
            "Session(\n",
            "  /* a (nested /* comment */ with ] and , */ title: \"a \\\"(x: [1,\\\\\",\n",
            "  brand: r#\"raw \"], dot_budget: 2\"#,\n",
            "  dot_budget: 99,\n",
            "  focus: Some(Entry),\n",
            "  mots: [Mot(id: 7, we_do_well: Some(6))],\n",
            ")\n",
        );
        assert_eq!(at(text, f("dot_budget")), (6, 15));
        assert_eq!(at(text, f("focus")), (7, 15));
        let rating = f("mots").at(0).then("we_do_well");
        assert_eq!(at(text, rating), (8, 38));
        assert_eq!(at(text, f("mots").at(0).then("id")), (8, 18));
    }

    #[test]
    fn what_is_not_there_falls_back_to_its_nearest_ancestor() {
        let text = "(\n  mots: [\n    (id: 1),\n  ],\n  circles: (),\n)";
        // A field left to its default: the struct it would be in.
        assert_eq!(at(text, f("mots").at(0).then("golden")), (3, 5));
        // An element past the end: the list.
        assert_eq!(at(text, f("mots").at(5).then("id")), (2, 9));
        assert_eq!(at(text, f("circles").then("we_do_well")), (5, 12));
        // No such field at all: the top.
        assert_eq!(at(text, f("timeboxes").at(0)), (1, 1));
        assert_eq!(at("", f("title")), (1, 1));
        assert_eq!(at("   ", f("title")), (1, 1));
    }

    #[test]
    fn a_top_level_value_is_read_without_the_rest() {
        let text = "// v\nSession(\n  title: \"version: 9\",\n  mots: [(id: 1)],\n  version: 3,\n  broken: ][";
        assert_eq!(top_level_atom(text, "version"), Some("3"));
        assert_eq!(top_level_atom("(version: 0x2)", "version"), Some("0x2"));
        assert_eq!(
            top_level_atom("(mots: [], version: 12)", "version"),
            Some("12")
        );
        assert_eq!(top_level_atom("(version: (4))", "version"), None);
        assert_eq!(top_level_atom("(version: 4", "version"), None);
        assert_eq!(top_level_atom("(title: \"t\")", "version"), None);
        assert_eq!(top_level_atom("[version: 4]", "version"), None);
        assert_eq!(top_level_atom("", "version"), None);
    }

    #[test]
    fn broken_text_never_panics() {
        let path = f("mots").at(2).then("hands").at(0).then("count");
        for text in [
            "(",
            "(mots: [",
            "(mots: [(hands: [(count",
            "(mots: [,,,]",
            "\"unterminated",
            "r##\"raw",
            "/* open",
            "#![",
            ")))]]]",
            "(mots: [1, 2, (hands: [(count: 中",
            "中文",
            "(a: 1.5e-3, b: -7, c: 'x', d: b\"by\", mots: [0, 1, (hands: [(count: 9)])])",
        ] {
            let (line, col) = locate(text, &path);
            assert!(line >= 1 && col >= 1, "{text}");
        }
        let text = "(a: 1.5e-3, b: -7, c: 'x', d: b\"by\", mots: [0, 1, (hands: [(count: 9)])])";
        assert_eq!(locate(text, &path), (1, 68));
    }
}
