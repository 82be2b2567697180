//! Small drawing helpers shared by the screens: width-aware truncation and
//! scrolling windows that draw only the visible rows.

use std::cell::Cell;
use std::ops::Range;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Display width of a string (Chinese characters count two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, with an ellipsis when cut; never splits a character.
pub fn fit(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut or padded with spaces to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = fit(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// The rows to draw of a list of `len` rows in `height` lines, keeping
/// `selected` in view and moving as little as possible from the last draw.
pub fn window(selected: usize, len: usize, height: usize, scroll: &Cell<usize>) -> Range<usize> {
    if height == 0 || len == 0 {
        scroll.set(0);
        return 0..0;
    }
    let mut top = scroll.get().min(len.saturating_sub(1));
    if selected < top {
        top = selected;
    } else if selected >= top + height {
        top = selected + 1 - height;
    }
    // Use the whole height when the list shrank.
    top = top.min(len.saturating_sub(height));
    scroll.set(top);
    top..(top + height).min(len)
}

/// A rectangle of at most `w` x `h` centred in `area`, never outside it.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    let x = area.x + (area.width - w) / 2;
    let y = area.y + (area.height - h) / 2;
    Rect::new(x, y, w, h).intersection(area)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_measures_wide_characters() {
        assert_eq!(fit("你好世界", 5), "你好…");
        assert_eq!(width(&fit("你好世界", 5)), 5);
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello!", 5), "hell…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(pad("你", 4), "你  ");
    }

    #[test]
    fn window_follows_the_selection() {
        let s = Cell::new(0);
        assert_eq!(window(0, 100, 10, &s), 0..10);
        assert_eq!(window(12, 100, 10, &s), 3..13);
        assert_eq!(window(5, 100, 10, &s), 3..13, "no jump while in view");
        assert_eq!(window(99, 100, 10, &s), 90..100);
        assert_eq!(window(2, 3, 10, &s), 0..3, "shrunk list shows from the top");
        assert_eq!(window(0, 0, 10, &s), 0..0);
        assert_eq!(window(5, 10, 0, &s), 0..0);
    }

    #[test]
    fn centered_stays_inside() {
        let area = Rect::new(0, 0, 10, 5);
        assert_eq!(centered(area, 100, 100), area);
        assert_eq!(centered(area, 4, 1), Rect::new(3, 2, 4, 1));
    }
}
