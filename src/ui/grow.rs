//! Heights that grow with their text: a box is as tall as what it holds,
//! within the rows the screen has, so the room reads the whole sentence.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::widgets;
use crate::app::TextField;
use crate::model::coach::Elements;
use crate::model::{MotText, sentence};

/// The rows `text` takes wrapped to `cols` columns (at least one).
pub fn text_rows(text: &str, cols: usize) -> u16 {
    rows(&[Line::from(text)], cols)
}

/// The rows `lines` take wrapped to `cols` columns, as `widgets::wrapped`
/// draws them with `trim` on (at least one).
pub fn rows(lines: &[Line<'_>], cols: usize) -> u16 {
    let n = widgets::wrap_all(lines, cols, true).len().max(1);
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The rows a field being edited needs to show all it holds at `cols`
/// columns, and the cursor after it when its last row is full.
pub fn field_rows(field: &TextField, focused: bool, cols: usize) -> u16 {
    let text = field.text();
    let wrapped = widgets::wrap(&Line::from(text.as_str()), cols.max(1));
    let last_full = wrapped
        .last()
        .is_some_and(|l| l.width() >= cols && !text.is_empty());
    let n = wrapped.len().max(1) + usize::from(focused && last_full);
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// Shares `room` rows among boxes that each need `min` and want `want`:
/// every box gets its `min`, then those named in `first` grow to what they
/// want in that order, then the others grow a row at a time in turn, so two
/// long texts both show more rather than one taking everything.
pub fn share(boxes: &[(u16, u16)], room: u16, first: &[usize]) -> Vec<u16> {
    let mut got: Vec<u16> = boxes.iter().map(|(min, _)| *min).collect();
    let mut left = room.saturating_sub(got.iter().sum());
    for &i in first {
        if let Some((min, want)) = boxes.get(i) {
            let more = want.saturating_sub(got[i].max(*min)).min(left);
            got[i] += more;
            left -= more;
        }
    }
    while left > 0 {
        let mut grew = false;
        for (i, (_, want)) in boxes.iter().enumerate() {
            if left > 0 && got[i] < *want {
                got[i] += 1;
                left -= 1;
                grew = true;
            }
        }
        if !grew {
            break;
        }
    }
    got
}

/// `lines` kept to `room` rows; a cut text ends in "…" so it never reads as whole.
pub fn cut(mut lines: Vec<Line<'static>>, room: usize, cols: usize) -> Vec<Line<'static>> {
    if lines.len() > room {
        lines.truncate(room);
        if let Some(last) = lines.pop() {
            let style = last.spans.last().map(|s| s.style).unwrap_or_default();
            let text: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            lines.push(Line::from(Span::styled(
                widgets::fit(&format!("{text}…"), cols),
                style,
            )));
        }
    }
    lines
}

/// `lines` wrapped to `area` inside `block`, cut with "…" where they do not fit.
pub fn whole_or_cut<'a>(lines: &[Line<'_>], block: Block<'a>, area: Rect) -> Paragraph<'a> {
    let inner = block.inner(area);
    let cols = usize::from(inner.width).max(1);
    let rows = widgets::wrap_all(lines, cols, true);
    Paragraph::new(cut(rows, usize::from(inner.height), cols)).block(block)
}

/// A line of items set apart by two spaces or more ("█ loves us 24  ▓
/// liked us once 1"), wrapped between items only: an item (a group's name
/// with its figure, a key with its word) is never split over rows unless it
/// is wider than a row on its own.
pub fn pack(line: &Line<'_>, cols: usize) -> Vec<Line<'static>> {
    let cols = cols.max(1);
    // The items, each as styled pieces; runs of two spaces or more part them.
    let mut items: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut spaces = 0;
    for span in &line.spans {
        let style = line.style.patch(span.style);
        for c in span.content.chars() {
            if c == ' ' {
                spaces += 1;
                continue;
            }
            let item = items.last_mut().filter(|_| spaces < 2);
            let item = match item {
                Some(item) => item,
                None => {
                    items.push(Vec::new());
                    items.last_mut().expect("just pushed")
                }
            };
            let text = if spaces == 1 && !item.is_empty() {
                format!(" {c}")
            } else {
                c.to_string()
            };
            spaces = 0;
            match item.last_mut() {
                Some(last) if last.style == style => last.content.to_mut().push_str(&text),
                _ => item.push(Span::styled(text, style)),
            }
        }
    }
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut row: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for item in items.into_iter().filter(|i| !i.is_empty()) {
        let width: usize = item.iter().map(Span::width).sum();
        if used > 0 && used + 2 + width <= cols {
            row.push(Span::raw("  "));
            row.extend(item);
            used += 2 + width;
            continue;
        }
        if used > 0 {
            rows.push(Line::from(std::mem::take(&mut row)));
        }
        if width <= cols {
            row = item;
            used = width;
        } else {
            let mut wrapped = widgets::wrap(&Line::from(item), cols);
            let last = wrapped.pop().unwrap_or_default();
            rows.extend(wrapped);
            used = last.width();
            row = last.spans;
        }
    }
    if used > 0 || rows.is_empty() {
        rows.push(Line::from(row));
    }
    rows
}

/// An MOT as one sentence in `rows` rows of `cols`: whole when it fits;
/// else the situation is shortened in its middle ("…") so the feeling, the
/// brand message, still ends the sentence the room reads.
pub fn sentence_lines(text: &impl Elements, cols: usize, rows: usize) -> Vec<Line<'static>> {
    shorten_situation(text, rows, cols, |t| {
        widgets::wrap(&Line::from(sentence(t)), cols)
    })
}

/// What `draw` makes of `text`, in at most `rows` rows: whole when it fits;
/// else with the situation cut short ("…") by as little as lets the rest
/// fit; else cut at the end, with "…".
pub fn shorten_situation(
    text: &impl Elements,
    rows: usize,
    cols: usize,
    draw: impl Fn(&MotText) -> Vec<Line<'static>>,
) -> Vec<Line<'static>> {
    let full = MotText {
        who: text.who().to_string(),
        situation: text.situation().to_string(),
        feeling: text.feeling().to_string(),
    };
    let whole = draw(&full);
    if whole.len() <= rows {
        return whole;
    }
    let chars: Vec<char> = full.situation.chars().collect();
    let with = |keep: usize| {
        draw(&MotText {
            situation: chars[..keep].iter().collect::<String>() + "…",
            ..full.clone()
        })
    };
    // The longest start of the situation that leaves room for the rest.
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if with(mid).len() <= rows {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let lines = with(lo);
    if lines.len() <= rows {
        lines
    } else {
        // Not even the rest fits: cut at the end, said so.
        cut(whole, rows, cols)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_box_grows_first_then_the_rest_take_turns() {
        assert_eq!(share(&[(1, 5), (1, 5), (1, 1)], 7, &[1]), vec![1, 5, 1]);
        assert_eq!(share(&[(1, 5), (1, 5), (1, 1)], 9, &[1]), vec![3, 5, 1]);
        assert_eq!(share(&[(1, 5), (1, 5)], 6, &[]), vec![3, 3]);
        // Never more than wanted, never less than the minimum.
        assert_eq!(share(&[(2, 3), (1, 1)], 40, &[]), vec![3, 1]);
        assert_eq!(share(&[(2, 9), (2, 9)], 1, &[0]), vec![2, 2]);
        // In the order given: the second named grows with what is left.
        assert_eq!(share(&[(1, 4), (1, 4), (1, 4)], 8, &[2, 0]), vec![3, 1, 4]);
    }

    fn texts(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn items_wrap_whole_between_them() {
        let line = Line::from("█ 爱我们的人 3  ▓ 喜欢过我们的人 1  ▒ 不爱我们的人 1");
        assert_eq!(
            texts(&pack(&line, 34)),
            ["█ 爱我们的人 3  ▓ 喜欢过我们的人 1", "▒ 不爱我们的人 1"]
        );
        // Trailing spaces make no empty row; a lone item too wide wraps.
        assert_eq!(
            texts(&pack(&Line::from("A 一   B 二   "), 40)),
            ["A 一  B 二"]
        );
        assert_eq!(texts(&pack(&Line::from("abcdef"), 4)), ["abcd", "ef"]);
    }

    #[test]
    fn a_full_last_row_makes_room_for_the_cursor_when_typing() {
        let field = TextField::new("abcd");
        assert_eq!(field_rows(&field, false, 4), 1);
        assert_eq!(field_rows(&field, true, 4), 2);
        assert_eq!(field_rows(&field, true, 5), 1);
        assert_eq!(field_rows(&TextField::new(""), true, 4), 1);
        assert_eq!(text_rows("one two three", 5), 3);
    }
}
