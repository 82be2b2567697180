//! Whether a screen draws every label whole: the checks the nothing-cut
//! tests make, shared with the tests of single stages.

use mot::app::App;
use mot::i18n::{self, Language};

/// The text with spaces, line ends and box-drawing taken out: a label
/// wrapped over rows, or padded, reads as one.
pub fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

/// The pieces of a catalog text a screen draws as written: the text between
/// its `{placeholders}`, line by line, those long enough to tell apart.
pub fn pieces(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in template.lines() {
        let mut rest = line;
        loop {
            let (piece, next) = match rest.find('{') {
                Some(open) => {
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                    (&rest[..open], &rest[close..])
                }
                None => (rest, ""),
            };
            let piece = squash(piece);
            if piece.chars().count() >= 3 {
                out.push(piece);
            }
            if next.is_empty() {
                break;
            }
            rest = next;
        }
    }
    out
}

/// A piece drawn in part only: most of its start is on the screen and
/// stops there, at a "…", a border or the end of a row; the whole is not
/// anywhere. Pieces not drawn at all (looked up to measure a column) pass.
pub fn cut_piece(flat: &str, rows: &str, piece: &str) -> bool {
    if flat.contains(piece) {
        return false;
    }
    // Two thirds of it: enough not to take another label's start for it.
    let n = piece.chars().count();
    let most: String = piece.chars().take((n * 2).div_ceil(3).max(3)).collect();
    rows.match_indices(&most).any(|(at, m)| {
        let after = &rows[at + m.len()..];
        let rest: String = piece.chars().skip(most.chars().count()).collect();
        !after.starts_with(&rest)
            && (after.is_empty() || after.starts_with(['\n', '|', '…']) || {
                // Or stops where the row does, after a shorter part of it.
                let line_end = after.find(['\n', '|']).unwrap_or(after.len());
                let shown = &after[..line_end];
                rest.starts_with(shown.trim_end_matches('…'))
            })
    })
}

/// The screen row by row with spaces taken out and borders as `|`: where a
/// text stops on its row shows.
pub fn rows_of(screen: &str) -> String {
    screen
        .lines()
        .map(|l| {
            l.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| {
                    if ('\u{2500}'..='\u{257f}').contains(&c) {
                        '|'
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each row's text between its first and last `│`, rows without one left out.
pub fn inside_boxes(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| {
            let first = l.find('│')?;
            let last = l.rfind('│')?;
            (last > first).then(|| &l[first..last])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every catalog label `app` draws at `width`x`height` that is cut,
/// each with the screen; none when all read whole.
pub fn cuts(lang: Language, name: &str, app: &App, width: u16, height: u16) -> Vec<String> {
    let (screen, keys) = i18n::recording(|| super::render(app, width, height));
    // Read as a whole, and read inside the outermost box of each row: a
    // popup's rows join without the screen behind it.
    let flat = format!("{}\n{}", squash(&screen), squash(&inside_boxes(&screen)));
    let rows = rows_of(&screen);
    let mut out = Vec::new();
    for key in keys {
        for piece in pieces(i18n::t_in(lang, &key)) {
            if cut_piece(&flat, &rows, &piece) {
                out.push(format!(
                    "{}/{name} {width}x{height}: {key} cut: {piece}\n{screen}",
                    lang.code()
                ));
            }
        }
    }
    out
}

/// Where the text `part` is drawn, from its start: wherever the screen
/// stops following it before its end, an "…" says so.
pub fn silently_cut(flat: &str, part: &str) -> bool {
    let part: Vec<char> = squash(part).chars().collect();
    if part.len() < 6 {
        return false;
    }
    // Long enough to tell one MOT from another ("A guest …" starts many).
    let start: String = part[..part.len().min(16)].iter().collect();
    flat.match_indices(&start).any(|(at, _)| {
        let shown = flat[at..].chars();
        for (i, c) in shown.enumerate() {
            if i == part.len() {
                return false;
            }
            if c != part[i] {
                return c != '…';
            }
        }
        // The screen ends before the text does.
        true
    })
}
