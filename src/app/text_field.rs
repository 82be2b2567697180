//! A one-line text field that handles wide characters, built on ratatui-textarea.

use crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::model::limits::MAX_TEXT_CHARS;

/// An editable line of text. Newlines and tabs never enter it: a paste with
/// line breaks becomes one line, so a field always saves as the room typed it.
#[derive(Debug, Clone)]
pub struct TextField {
    area: TextArea<'static>,
}

impl Default for TextField {
    fn default() -> Self {
        TextField::new("")
    }
}

impl TextField {
    /// A field holding `text`, cursor at the end.
    pub fn new(text: &str) -> TextField {
        let mut area = TextArea::new(vec![one_line(text)]);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::End);
        TextField { area }
    }

    /// What the field holds.
    pub fn text(&self) -> String {
        self.area.lines().join(" ")
    }

    /// Whether nothing is typed.
    pub fn is_empty(&self) -> bool {
        self.text().trim().is_empty()
    }

    /// Applies an editing key. Enter and Tab are the caller's to handle.
    /// Returns true when the key was refused because the field holds
    /// [`MAX_TEXT_CHARS`] already: the caller says so.
    pub fn input(&mut self, key: KeyEvent) -> bool {
        use crossterm::event::{KeyCode, KeyModifiers};
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let breaks_line = match key.code {
            KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab => true,
            KeyCode::Char(c) => c.is_control() || (ctrl && matches!(c, 'm' | 'j')),
            _ => false,
        };
        if breaks_line {
            return false;
        }
        let before = self.chars();
        self.area.input(key);
        // Any key that adds text (a character, the editor's own yank) is
        // taken back when it goes past the limit; shortening is always fine.
        let after = self.chars();
        if after > MAX_TEXT_CHARS && after > before {
            self.area.undo();
            return true;
        }
        false
    }

    /// Inserts pasted text as one line, as much of it as fits in
    /// [`MAX_TEXT_CHARS`]; returns true when some of it was cut.
    pub fn paste(&mut self, text: &str) -> bool {
        let line = one_line(text);
        let room = MAX_TEXT_CHARS.saturating_sub(self.chars());
        match line.char_indices().nth(room) {
            Some((end, _)) => {
                self.area.insert_str(&line[..end]);
                true
            }
            None => {
                self.area.insert_str(line);
                false
            }
        }
    }

    /// Characters held.
    fn chars(&self) -> usize {
        self.area.lines().iter().map(|l| l.chars().count()).sum()
    }

    /// The widget state, for drawing.
    pub fn textarea(&self) -> &TextArea<'static> {
        &self.area
    }

    /// The widget state, for styling before drawing.
    pub fn textarea_mut(&mut self) -> &mut TextArea<'static> {
        &mut self.area
    }
}

fn one_line(text: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    // A Windows line break is one break, so one space; a break between two
    // Chinese characters is none, as Chinese writes no space between them.
    let text = text.replace("\r\n", "\n");
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: Option<&char>| c.is_some_and(|c| c.width() == Some(2));
    chars
        .iter()
        .enumerate()
        .filter_map(|(i, &c)| match c {
            '\n' if i > 0 && wide(chars.get(i - 1)) && wide(chars.get(i + 1)) => None,
            c if c.is_control() => Some(' '),
            c => Some(c),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn a_pasted_line_break_joins_chinese_without_a_space() {
        assert_eq!(
            one_line("服务员在对面放了玩偶，\n还送了小菜"),
            "服务员在对面放了玩偶，还送了小菜"
        );
        assert_eq!(one_line("服务员\r\n还送了"), "服务员还送了");
        assert_eq!(
            one_line("the desk\nkept the room"),
            "the desk kept the room"
        );
        assert_eq!(one_line("房间\nroom"), "房间 room");
        assert_eq!(one_line("\n房间"), " 房间");
    }

    #[test]
    fn types_and_edits_wide_characters() {
        let mut f = TextField::new("你好");
        f.input(key(KeyCode::Left));
        f.input(key(KeyCode::Char('们')));
        assert_eq!(f.text(), "你们好");
        f.input(key(KeyCode::Backspace));
        f.input(key(KeyCode::Backspace));
        assert_eq!(f.text(), "好");
    }

    #[test]
    fn paste_and_enter_never_make_a_second_line() {
        let mut f = TextField::new("a");
        f.input(key(KeyCode::Enter));
        f.input(KeyEvent::new(KeyCode::Char('m'), KeyModifiers::CONTROL));
        f.input(key(KeyCode::Char('\n')));
        f.paste("b\nc\td\r\ne");
        assert_eq!(f.text(), "ab c d e");
        assert_eq!(f.textarea().lines().len(), 1);
    }

    #[test]
    fn a_field_stops_at_the_text_limit_and_says_so() {
        let mut f = TextField::new(&"字".repeat(MAX_TEXT_CHARS - 2));
        assert!(!f.paste("ab"), "exactly to the limit");
        assert_eq!(f.text().chars().count(), MAX_TEXT_CHARS);
        assert!(f.input(key(KeyCode::Char('x'))), "one more is refused");
        assert_eq!(f.text().chars().count(), MAX_TEXT_CHARS);
        assert!(f.text().ends_with("ab"));
        assert!(f.paste("yz"), "a paste past it is cut");
        assert_eq!(f.text().chars().count(), MAX_TEXT_CHARS);
        assert!(!f.input(key(KeyCode::Backspace)), "shortening is fine");
        assert!(!f.input(key(KeyCode::Char('c'))), "and there is room again");
        assert!(
            f.text().ends_with("ac"),
            "{}",
            &f.text()[f.text().len() - 8..]
        );

        let mut g = TextField::new("12");
        assert!(g.paste(&"长".repeat(MAX_TEXT_CHARS)), "cut to fit");
        assert_eq!(g.text().chars().count(), MAX_TEXT_CHARS);
        assert!(g.text().starts_with("12长"));
    }
}
