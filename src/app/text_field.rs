//! A one-line text field that handles wide characters, built on ratatui-textarea.

use crossterm::event::KeyEvent;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

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
    pub fn input(&mut self, key: KeyEvent) {
        use crossterm::event::{KeyCode, KeyModifiers};
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let breaks_line = match key.code {
            KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab => true,
            KeyCode::Char(c) => c.is_control() || (ctrl && matches!(c, 'm' | 'j')),
            _ => false,
        };
        if !breaks_line {
            self.area.input(key);
        }
    }

    /// Inserts pasted text as one line.
    pub fn paste(&mut self, text: &str) {
        self.area.insert_str(one_line(text));
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
    // A Windows line break is one break, so one space.
    text.replace("\r\n", "\n")
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
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
}
