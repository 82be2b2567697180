//! Whether two similar texts differ only by wording that keeps the moment:
//! words added or dropped, spacing, abbreviations, typos. A word or a
//! character swapped for a different one ("check-in" for "check-out", 登机口
//! for 行李转盘, 热 for 冷) makes another moment, however similar the rest.

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

/// Compares two token sequences; either order gives the same answer.
pub(super) fn difference<'t>(a: &'t [&'t str], b: &'t [&'t str]) -> Difference {
    // Where alignments of equal length tie, the diff's choice depends on
    // which text comes first: one fixed order makes the answer symmetric.
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    let Some(hunks) = hunks(a, b, MAX_EDITS) else {
        return Difference::TooMany;
    };
    if hunks.iter().all(|h| harmless(&h.0, &h.1)) {
        Difference::Slight
    } else {
        Difference::Swapped
    }
}

/// Tokens removed from `a` and added from `b` between two matched tokens.
type Hunk<'t> = (Vec<&'t str>, Vec<&'t str>);

/// Whether a hunk keeps the moment: an addition or an omission alone, the
/// same letters spaced differently ("check in" / "checkin"), an
/// abbreviation ("min" / "minute"), or a typo in a long English word.
fn harmless(removed: &[&str], added: &[&str]) -> bool {
    if removed.is_empty() || added.is_empty() {
        return true;
    }
    if removed.concat() == added.concat() {
        return true;
    }
    let ([x], [y]) = (removed, added) else {
        return false;
    };
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
/// diff), or `None` when it needs more than `max_edits` edits.
fn hunks<'t>(a: &[&'t str], b: &[&'t str], max_edits: usize) -> Option<Vec<Hunk<'t>>> {
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
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let at = |k: isize| (k + offset) as usize;
    let mut found = None;
    'search: for d in 0..=limit {
        trace.push(v.clone());
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
    // Walk back from the end one edit at a time (the path's matched runs
    // between), then gather the edits between matched runs into hunks.
    enum Step<'t> {
        Same,
        Removed(&'t str),
        Added(&'t str),
    }
    let (mut x, mut y) = (n, m);
    let mut steps = Vec::new();
    for d in (0..=edits).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let prev_k = if k == -d || (k != d && v[at(k - 1)] < v[at(k + 1)]) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = v[at(prev_k)];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            steps.push(Step::Same);
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            if x == prev_x {
                steps.push(Step::Added(b[(y - 1) as usize]));
            } else {
                steps.push(Step::Removed(a[(x - 1) as usize]));
            }
        }
        x = prev_x;
        y = prev_y;
    }
    let mut out: Vec<Hunk<'t>> = Vec::new();
    let mut current: Hunk<'t> = (Vec::new(), Vec::new());
    for step in steps.into_iter().rev() {
        match step {
            Step::Same => {
                if !(current.0.is_empty() && current.1.is_empty()) {
                    out.push(std::mem::take(&mut current));
                }
            }
            Step::Removed(t) => current.0.push(t),
            Step::Added(t) => current.1.push(t),
        }
    }
    if !(current.0.is_empty() && current.1.is_empty()) {
        out.push(current);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        s.split(' ').filter(|t| !t.is_empty()).collect()
    }

    fn diff(a: &str, b: &str) -> Vec<(String, String)> {
        hunks(&toks(a), &toks(b), MAX_EDITS)
            .unwrap_or_default()
            .into_iter()
            .map(|(r, a)| (r.join(" "), a.join(" ")))
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
        let d = |a: &str, b: &str| difference(&toks(a), &toks(b));
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
    fn either_order_gives_the_same_answer() {
        // Two alignments of equal length: one matches "x" and leaves "w"
        // against "y" (a swap), the other matches "y" and only adds and drops.
        let (a, b) = (toks("w x y"), toks("y x"));
        assert_eq!(difference(&a, &b), difference(&b, &a));
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
