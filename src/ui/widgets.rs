//! Small drawing helpers shared by the screens: width-aware truncation and
//! scrolling windows that draw only the visible rows.

use std::cell::Cell;
use std::ops::Range;

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
        let w = ch.width().unwrap_or(0);
        if used + w > max.saturating_sub(1) {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// `s` cut to at most `max` columns by taking out its middle ("…"): for
/// names whose end tells them apart (`hotel-spring-2.ron`).
pub fn fit_middle(s: &str, max: usize) -> String {
    if width(s) <= max || max < 5 {
        return fit(s, max);
    }
    let tail_room = (max - 1) / 2;
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for ch in s.chars().rev() {
        let w = ch.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        tail.push(ch);
        used += w;
    }
    let head = fit(s, max - used);
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}{tail}")
}

/// `s` cut or padded with spaces to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = fit(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// The widest of some labels, in columns: a label column as wide as its
/// longest entry in the language on show, and never narrower than `min`.
pub fn widest<'a>(labels: impl IntoIterator<Item = &'a str>, min: usize) -> usize {
    labels.into_iter().map(width).fold(min, usize::max)
}

/// A translated sentence with keys in it: each `{name}` of `template` becomes
/// the span given for it (a key in its own style), the rest plain text. A
/// translation may put the keys wherever its grammar wants them.
pub fn keyed(template: &str, keys: &[(&str, Span<'static>)]) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if let Some((_, span)) = keys.iter().find(|(n, _)| *n == name) {
            if open > 0 {
                out.push(Span::raw(rest[..open].to_string()));
            }
            out.push(span.clone());
        } else {
            out.push(Span::raw(rest[..open + 1 + close + 1].to_string()));
        }
        rest = &after[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Span::raw(rest.to_string()));
    }
    out
}

fn is_wide(c: char) -> bool {
    c.width().unwrap_or(0) > 1
}

/// Marks a Chinese row never starts with (the rule printers call kinsoku).
const NO_ROW_START: &str = "，。、；：！？）」』》〉】…·％,.;:!?)]}%";
/// Marks a Chinese row never ends with.
const NO_ROW_END: &str = "（「『《〈【";

/// Whether a row may end between `a` and `b`: after a space, and on either
/// side of a wide character (Chinese has no spaces between words), but not
/// before a closing mark nor after an opening one.
fn may_break(a: char, b: char) -> bool {
    if NO_ROW_START.contains(b) || NO_ROW_END.contains(a) {
        return a == ' ';
    }
    a == ' ' || is_wide(a) || is_wide(b)
}

/// A line wrapped to rows of at most `cols` columns: between words, or
/// anywhere beside a Chinese character, a long word cut where it must; never
/// inside a character. The spans keep their styles. Counting these rows is
/// exact, so a popup can be as tall as its text and place a field under it.
pub fn wrap(line: &Line<'_>, cols: usize) -> Vec<Line<'static>> {
    wrap_cells(line, cols, false)
}

/// Lines wrapped as [`wrap`] does, one after another; with `trim`, each
/// line's leading spaces go first (as ratatui's `Wrap { trim: true }`).
pub fn wrap_all(lines: &[Line<'_>], cols: usize, trim: bool) -> Vec<Line<'static>> {
    lines
        .iter()
        .flat_map(|l| wrap_cells(l, cols, trim))
        .collect()
}

/// A paragraph of `lines` in `block`, wrapped by [`wrap_all`] to the block's
/// inside in `area`: Chinese punctuation never starts a row.
pub fn wrapped<'a>(lines: &[Line<'_>], block: Block<'a>, area: Rect, trim: bool) -> Paragraph<'a> {
    let cols = usize::from(block.inner(area).width);
    Paragraph::new(wrap_all(lines, cols, trim)).block(block)
}

fn wrap_cells(line: &Line<'_>, cols: usize, trim: bool) -> Vec<Line<'static>> {
    let cols = cols.max(1);
    let cells = line
        .spans
        .iter()
        .flat_map(|s| {
            let style = line.style.patch(s.style);
            s.content.chars().map(move |c| (c, style))
        })
        .skip_while(|(c, _)| trim && c.is_whitespace());
    let mut rows: Vec<Vec<(char, Style)>> = Vec::new();
    let mut row: Vec<(char, Style)> = Vec::new();
    let mut used = 0;
    for (c, style) in cells {
        let w = c.width().unwrap_or(0);
        if c == ' ' && used + 1 > cols {
            // The space a row ends at is not carried to the next.
            rows.push(std::mem::take(&mut row));
            used = 0;
            continue;
        }
        while used + w > cols && !row.is_empty() {
            let n = row.len();
            let cut = if row.last().is_some_and(|(last, _)| may_break(*last, c)) {
                n
            } else {
                (1..n)
                    .rev()
                    .find(|&i| may_break(row[i - 1].0, row[i].0))
                    .unwrap_or(n)
            };
            let rest = row.split_off(cut);
            while row.last().is_some_and(|(last, _)| *last == ' ') {
                row.pop();
            }
            rows.push(std::mem::replace(&mut row, rest));
            used = row.iter().map(|(c, _)| c.width().unwrap_or(0)).sum();
        }
        row.push((c, style));
        used += w;
    }
    rows.push(row);
    rows.into_iter()
        .map(|cells| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (c, style) in cells {
                match spans.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push(c),
                    _ => spans.push(Span::styled(c.to_string(), style)),
                }
            }
            Line::from(spans)
        })
        .collect()
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
    fn fit_middle_keeps_the_end_that_tells_names_apart() {
        let cut = fit_middle("Harbour-Hotel-spring-workshop-2.ron", 20);
        assert_eq!(cut, "Harbour-Ho…hop-2.ron");
        assert!(width(&cut) <= 20, "{cut}");
        assert_eq!(fit_middle("hotel.ron", 20), "hotel.ron");
        let wide = fit_middle("海底捞-门店体验-春季-2.ron", 16);
        assert!(wide.ends_with("-2.ron") && width(&wide) <= 16, "{wide}");
    }

    #[test]
    fn keyed_places_the_keys_where_the_sentence_wants_them() {
        let k = |s: &'static str| Span::styled(s, Style::new().bold());
        let spans = keyed(
            "  按 {new} 新建，{quit} 退出 {other}",
            &[("new", k("n")), ("quit", k("q"))],
        );
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "  按 n 新建，q 退出 {other}");
        assert_eq!(spans[1], k("n"));
        assert_eq!(spans[3], k("q"));
        assert_eq!(widest(["ab", "你好吗"], 4), 6);
        assert_eq!(widest(["ab"], 4), 4);
    }

    fn rows(text: &str, cols: usize) -> Vec<String> {
        wrap(&Line::from(text.to_string()), cols)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn wrap_breaks_between_words_and_beside_wide_characters() {
        assert_eq!(rows("one two three", 8), ["one two", "three"]);
        assert_eq!(rows("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // Five columns hold two Chinese characters; the third never splits.
        assert_eq!(rows("你好世界啊", 5), ["你好", "世界", "啊"]);
        assert_eq!(rows("文件 a.ron 无法保存", 10), ["文件 a.ron", "无法保存"]);
        assert_eq!(
            rows("文件 a.ron 无法保存", 9),
            ["文件", "a.ron 无", "法保存"]
        );
        assert_eq!(rows("保存 a.ron", 7), ["保存", "a.ron"]);
        assert_eq!(rows("", 10), [""]);
        // No row starts with a closing mark nor ends with an opening one.
        assert_eq!(rows("你好，世界", 4), ["你", "好，", "世界"]);
        assert_eq!(rows("文件（备份）", 6), ["文件", "（备", "份）"]);
        assert_eq!(rows("a.ron (5 min ago)。", 12), ["a.ron (5 min", "ago)。"]);
        let trimmed = wrap_all(&[Line::from("  indented"), Line::from("")], 20, true);
        assert_eq!(trimmed, [Line::from("indented"), Line::from("")]);
        for cols in 2..12 {
            for row in rows(
                "工作坊 session.ron 无法保存：磁盘已满。Everything is still here.",
                cols,
            ) {
                assert!(width(&row) <= cols, "{row:?} wider than {cols}");
            }
        }
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
