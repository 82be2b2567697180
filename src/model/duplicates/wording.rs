//! Whether two similar texts differ only by wording that keeps the moment:
//! words added or dropped, spacing, abbreviations, typos. A word or a
//! character swapped for a different one ("check-in" for "check-out", 登机口
//! for 行李转盘, 热 for 冷) makes another moment, however similar the rest.

use std::ops::Range;

use crate::model::coach::is_cjk;

/// Token edits (insertions plus deletions) past which two texts are no
/// slight rewording of each other, whatever their bigrams say. It also
/// bounds the diff's work and memory on pasted texts of thousands of words.
pub(super) const MAX_EDITS: usize = 200;

/// What stands between two texts' tokens, once their common ones are matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Difference {
    /// Only additions, omissions and harmless variants.
    Slight,
    /// A token swapped for a different one.
    Swapped,
    /// More edits than [`MAX_EDITS`].
    TooMany,
}

/// Compares two token sequences, given as tokens or as numbers standing for
/// them (`name` reads one back). Where alignments of equal length tie, the
/// diff's choice depends on which sequence comes first: callers that need
/// a symmetric answer put them in a fixed order.
pub(super) fn difference<'n, T: Copy + Eq>(
    a: &[T],
    b: &[T],
    name: impl Fn(T) -> &'n str + Copy,
) -> Difference {
    let Some(hunks) = hunks(a, b, MAX_EDITS) else {
        return Difference::TooMany;
    };
    if hunks
        .into_iter()
        .all(|(removed, added)| harmless(&a[removed], &b[added], name))
    {
        Difference::Slight
    } else {
        Difference::Swapped
    }
}

/// Where tokens were removed from `a` and added from `b` between two
/// matched tokens.
type Hunk = (Range<usize>, Range<usize>);

/// Whether a hunk keeps the moment: an addition or an omission alone, the
/// same letters spaced differently ("check in" / "checkin"), an
/// abbreviation ("min" / "minute"), or a typo in a long English word.
fn harmless<'n, T: Copy>(removed: &[T], added: &[T], name: impl Fn(T) -> &'n str + Copy) -> bool {
    if removed.is_empty() || added.is_empty() {
        return true;
    }
    let spelled = |t: &T| name(*t).chars();
    if removed
        .iter()
        .flat_map(spelled)
        .eq(added.iter().flat_map(spelled))
    {
        return true;
    }
    let (&[x], &[y]) = (removed, added) else {
        return false;
    };
    let (x, y) = (name(x), name(y));
    let letters = |w: &str| w.chars().all(|c| c.is_alphabetic() && !is_cjk(c));
    if !letters(x) || !letters(y) {
        return false;
    }
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    // "min" for "minute", but not "car" for "card": an abbreviation leaves
    // out at least two letters.
    let abbreviation = short.len() >= 3 && long.len() >= short.len() + 2 && long.starts_with(short);
    // "recieve" for "receive": one slip in a word long enough to survive it
    // ("hotel" and "motel" are different places).
    let typo = short.chars().count() >= 6 && one_edit_apart(x, y);
    abbreviation || typo
}

/// One character inserted, removed, replaced, or two neighbours swapped.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let head = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    match long.len() - short.len() {
        0 => {
            let tail = |skip: usize| short[skip..] == long[skip..];
            head == short.len()
                || tail(head + 1)
                || (head + 1 < short.len()
                    && short[head] == long[head + 1]
                    && short[head + 1] == long[head]
                    && tail(head + 2))
        }
        1 => short[head..] == long[head + 1..],
        _ => false,
    }
}

/// The hunks of a shortest edit script from `a` to `b` (Myers' O(ND)
/// diff), in order, or `None` when it needs more than `max_edits` edits.
fn hunks<T: Eq>(a: &[T], b: &[T], max_edits: usize) -> Option<Vec<Hunk>> {
    // The common ends cost nothing to set aside and leave the diff a little.
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[head..], &b[head..]);
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
    let (n, m) = (a.len() as isize, b.len() as isize);
    let limit = max_edits.min(a.len() + b.len()) as isize;
    // v[k + offset]: the furthest x reached on diagonal k = x - y.
    let offset = limit + 1;
    let mut v = vec![0isize; (2 * offset + 1) as usize];
    let at = |k: isize| (k + offset) as usize;
    // Before step d, the diagonals -d-1..=d+1 of v, one step after another.
    let mut trace: Vec<isize> = Vec::new();
    let kept = |d: isize| ((d * (d + 2)) as usize, at(-d - 1));
    let mut found = None;
    'search: for d in 0..=limit {
        trace.extend_from_slice(&v[at(-d - 1)..=at(d + 1)]);
        let mut k = -d;
        while k <= d {
            let mut x = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
                v[at(k + 1)]
            } else {
                v[at(k - 1)] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[at(k)] = x;
            if x >= n && y >= m {
                found = Some(d);
                break 'search;
            }
            k += 2;
        }
    }
    let edits = found?;
    // Walk back from the end one edit at a time; each run of edits between
    // matched tokens is a hunk.
    let (mut x, mut y) = (n, m);
    let mut out = Vec::new();
    let mut open: Option<(isize, isize)> = None;
    let base = head as isize;
    let mut close = |open: &mut Option<(isize, isize)>, x: isize, y: isize| {
        if let Some((xe, ye)) = open.take() {
            out.push((
                (base + x) as usize..(base + xe) as usize,
                (base + y) as usize..(base + ye) as usize,
            ));
        }
    };
    for d in (0..=edits).rev() {
        let (start, first) = kept(d);
        let v = |k: isize| trace[start + at(k) - first];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v(k - 1) < v(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            close(&mut open, x, y);
            x -= 1;
            y -= 1;
        }
        if d > 0 && open.is_none() {
            open = Some((x, y));
        }
        x = prev_x;
        y = prev_y;
    }
    close(&mut open, 0, 0);
    out.reverse();
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        s.split(' ').filter(|t| !t.is_empty()).collect()
    }

    fn diff(a: &str, b: &str) -> Vec<(String, String)> {
        let (ta, tb) = (toks(a), toks(b));
        hunks(&ta, &tb, MAX_EDITS)
            .unwrap_or_default()
            .into_iter()
            .map(|(r, a)| (ta[r].join(" "), tb[a].join(" ")))
            .collect()
    }

    #[test]
    fn hunks_separate_at_matched_tokens() {
        assert!(diff("a b c", "a b c").is_empty());
        assert_eq!(diff("a b c", "a x b c"), [("".into(), "x".into())]);
        assert_eq!(diff("a b c", "a c"), [("b".into(), "".into())]);
        assert_eq!(
            diff("a b c d", "a x c y"),
            [("b".into(), "x".into()), ("d".into(), "y".into())]
        );
        assert_eq!(
            diff("x a b", "a b y"),
            [("x".into(), "".into()), ("".into(), "y".into())]
        );
        assert_eq!(diff("", "a b"), [("".into(), "a b".into())]);
        assert_eq!(hunks(&toks("a b c d"), &toks("w x y z"), 7), None);
        assert!(hunks(&toks("a b c d"), &toks("w x y z"), 8).is_some());
    }

    #[test]
    fn swaps_are_told_from_slight_changes() {
        let d = |a: &str, b: &str| difference(&toks(a), &toks(b), |t| t);
        assert_eq!(
            d("wait at check in", "wait at checkout"),
            Difference::Swapped
        );
        assert_eq!(d("wait at check in", "wait at checkin"), Difference::Slight);
        assert_eq!(d("wait 20 min", "wait 20 minut"), Difference::Slight);
        assert_eq!(d("wait 20 min", "wait 30 min"), Difference::Swapped);
        assert_eq!(d("lost her car", "lost her card"), Difference::Swapped);
        assert_eq!(d("reciev bill", "receiv bill"), Difference::Slight);
        assert_eq!(d("hotel desk", "motel desk"), Difference::Swapped);
        assert_eq!(d("等 了 半 小 时", "等 了 半 个 小 时"), Difference::Slight);
        assert_eq!(d("汤 是 热 的", "汤 是 冷 的"), Difference::Swapped);
        assert_eq!(d("happy", "unhappy"), Difference::Swapped);
    }

    #[test]
    fn the_order_can_decide_between_tied_alignments() {
        // Two alignments of equal length: one matches "x" and leaves "w"
        // against "y" (a swap), the other matches "y" and only adds and
        // drops. Which one the diff takes depends on the order, so the
        // caller fixes the order.
        let (a, b) = (toks("w x y"), toks("y x"));
        assert_ne!(difference(&a, &b, |t| t), difference(&b, &a, |t| t));
    }

    #[test]
    fn one_edit() {
        assert!(one_edit_apart("receive", "recieve"));
        assert!(one_edit_apart("receive", "receiv"));
        assert!(one_edit_apart("receive", "receivx"));
        assert!(!one_edit_apart("receive", "reveice"));
        assert!(!one_edit_apart("abc", "abcde"));
    }
}
