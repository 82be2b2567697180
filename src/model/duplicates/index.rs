//! Finding every pair of bigram sets whose Dice coefficient reaches a
//! threshold without comparing every pair: an inverted index from bigram to
//! set, probed with each set's rarest bigrams only (prefix filtering, as in
//! the "All-Pairs" similarity join).
//!
//! Which bigrams are skipped, and why no pair is lost: the bigrams are ranked
//! by how many sets hold them, rarest first, and each set lists its bigrams
//! in that order. Two sets x, y (|y| ≤ |x|) reach Dice t (per mille) only
//! if they share c ≥ t(|x|+|y|)/2000 bigrams, and then also
//! c ≥ need(x) = ⌈t·|x| / (2000 − t)⌉ and c ≥ need(y) (because |y| ≥
//! t·|x|/(2000 − t), or the smaller set could not reach t at all). Two
//! ranked lists sharing c items share one among the first |x| − c + 1 of x
//! and the first |y| − c + 1 of y; so indexing and probing only the first
//! |x| − need(x) + 1 bigrams of each set finds every such pair. The bigrams
//! left out are each set's most common ones: a bigram present in most MOTs
//! ("的", "in") is only looked up for a set that has few rarer ones.
//! Candidates are then scored on their whole sets, so the score is exact.
//!
//! Memory is linear: the postings hold at most every set's bigrams once,
//! and candidates are counted in one array the size of the input.

use std::collections::HashMap;

/// Calls `each(x, y, common, total)` for every pair of sets (by index)
/// whose Dice coefficient `2·common / total` reaches `threshold` per mille
/// (taken as at least 1: pairs sharing nothing are never reported). Empty
/// sets have no pairs. Each pair is reported once, in no promised order.
pub(super) fn similar_sets(
    sets: &[Vec<u64>],
    threshold: u16,
    mut each: impl FnMut(usize, usize, usize, usize),
) {
    let t = u64::from(threshold.clamp(1, 1000));
    // Rank the bigrams by how many sets hold them (then by value, so the
    // order does not depend on the map's).
    let mut held: HashMap<u64, u32> = HashMap::new();
    for set in sets {
        for g in set {
            *held.entry(*g).or_default() += 1;
        }
    }
    let mut order: Vec<(u32, u64)> = held.iter().map(|(g, n)| (*n, *g)).collect();
    order.sort_unstable();
    for (rank, (_, g)) in order.iter().enumerate() {
        held.insert(*g, rank as u32);
    }
    let ranked: Vec<Vec<u32>> = sets
        .iter()
        .map(|set| {
            let mut r: Vec<u32> = set.iter().filter_map(|g| held.get(g).copied()).collect();
            r.sort_unstable();
            r
        })
        .collect();
    drop(held);

    // Smaller sets first: when a set is probed, every set it could pair
    // with that is no larger is already indexed.
    let mut by_size: Vec<usize> = (0..sets.len()).filter(|i| !ranked[*i].is_empty()).collect();
    by_size.sort_by_key(|&i| (ranked[i].len(), i));

    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); order.len()];
    // Where each posting list's useful part starts: sets too small for the
    // current (and so every later, larger) probe are passed over for good.
    let mut starts: Vec<usize> = vec![0; order.len()];
    let mut counts: Vec<u32> = vec![0; sets.len()];
    let mut touched: Vec<usize> = Vec::new();
    for &x in &by_size {
        let set = &ranked[x];
        let len = set.len() as u64;
        let need = (t * len).div_ceil(2000 - t) as usize;
        let prefix = set.len() + 1 - need.clamp(1, set.len());
        for &g in &set[..prefix] {
            let list = &postings[g as usize];
            let start = &mut starts[g as usize];
            while *start < list.len() && ranked[list[*start] as usize].len() < need {
                *start += 1;
            }
            for &y in &list[*start..] {
                let y = y as usize;
                if counts[y] == 0 {
                    touched.push(y);
                }
                counts[y] += 1;
            }
        }
        for &y in &touched {
            counts[y] = 0;
            let common = overlap(set, &ranked[y]);
            let total = set.len() + ranked[y].len();
            if 2000 * common as u64 >= t * total as u64 {
                each(y, x, common, total);
            }
        }
        touched.clear();
        for &g in &set[..prefix] {
            postings[g as usize].push(x as u32);
        }
    }
}

/// How many items two sorted lists share.
pub(super) fn overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_pairs_a_full_comparison_finds() {
        // Sets drawn from a small alphabet, so many pairs sit near any threshold.
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            seed >> 33
        };
        let sets: Vec<Vec<u64>> = (0..150)
            .map(|_| {
                let n = next() % 12;
                let mut s: Vec<u64> = (0..n).map(|_| next() % 20).collect();
                s.sort_unstable();
                s.dedup();
                s
            })
            .collect();
        for t in [1, 250, 500, 667, 800, 1000] {
            let mut fast = Vec::new();
            similar_sets(&sets, t, |x, y, c, _| fast.push((x.min(y), x.max(y), c)));
            fast.sort_unstable();
            let mut slow = Vec::new();
            for x in 0..sets.len() {
                for y in x + 1..sets.len() {
                    let c = overlap(&sets[x], &sets[y]);
                    let total = (sets[x].len() + sets[y].len()) as u64;
                    if c > 0 && 2000 * c as u64 >= u64::from(t) * total {
                        slow.push((x, y, c));
                    }
                }
            }
            assert_eq!(fast, slow, "threshold {t}");
            assert!(!slow.is_empty(), "threshold {t} tests nothing");
        }
    }
}
