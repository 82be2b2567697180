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
//! ("的", "in") is only looked up for a set that has few rarer ones. Sets
//! are indexed once probed, smallest first, so a set in the index only
//! meets partners no smaller than itself, needing c ≥ ⌈t·|y| / 1000⌉: it
//! indexes a shorter prefix than it probes with. While probing, a
//! candidate whose shared bigrams so far plus those still possible after
//! the current positions cannot reach the threshold is dropped (PPJoin's
//! positional filter). Candidates left are scored on their whole sets, so
//! the score is exact: the 1,024 most common bigrams as bits (a few
//! popcounts cover most of an English text, whose alphabet of bigrams is
//! small), the rarer rest by merging.
//!
//! Memory is linear: the postings hold at most every set's bigrams once,
//! each set has 128 bytes of bits, and candidates are counted in one array
//! the size of the input.

use super::hash::FastMap;

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
    let mut held: FastMap<u64, u32> = FastMap::default();
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

    let mut postings: Vec<Vec<Posting>> = vec![Vec::new(); order.len()];
    // Where each posting list's useful part starts: sets too small for the
    // current (and so every later, larger) probe are passed over for good.
    let mut starts: Vec<usize> = vec![0; order.len()];
    // Shared bigrams counted so far for each candidate of the probe.
    let mut seen: Vec<u32> = vec![0; sets.len()];
    let mut touched: Vec<usize> = Vec::new();
    // The most common bigrams of each set as bits, so that verifying a
    // candidate counts the bulk of a long English text's shared bigrams a
    // word at a time; the rarer rest of each set is short, and merged.
    let common_from = order.len().saturating_sub(COMMON) as u32;
    let split: Vec<usize> = ranked
        .iter()
        .map(|set| set.partition_point(|&g| g < common_from))
        .collect();
    let mut bits: Vec<[u64; WORDS]> = vec![[0; WORDS]; sets.len()];
    for (set, (bits, &split)) in ranked.iter().zip(bits.iter_mut().zip(&split)) {
        for &g in &set[split..] {
            let b = (g - common_from) as usize;
            bits[b / 64] |= 1 << (b % 64);
        }
    }
    let div_ceil = |a: usize, b: u64| (t * a as u64).div_ceil(b) as usize;
    for &x in &by_size {
        let set = &ranked[x];
        let lx = set.len();
        let need = div_ceil(lx, 2000 - t).clamp(1, lx);
        for (i, &g) in set[..=lx - need].iter().enumerate() {
            let list = &postings[g as usize];
            let start = &mut starts[g as usize];
            while *start < list.len() && (list[*start].size as usize) < need {
                *start += 1;
            }
            for p in &list[*start..] {
                let (y, j, ly) = (p.set as usize, p.at as usize, p.size as usize);
                let count = &mut seen[y];
                if *count == DEAD {
                    continue;
                }
                if *count == 0 {
                    touched.push(y);
                }
                // Positional filter (PPJoin): every shared bigram ranked
                // below this one has been counted, and at most the shorter
                // of the two remainders can follow.
                let bound = *count as usize + 1 + (lx - i - 1).min(ly - j - 1);
                *count = if bound < div_ceil(lx + ly, 2000) {
                    DEAD
                } else {
                    *count + 1
                };
            }
        }
        for &y in &touched {
            if std::mem::take(&mut seen[y]) == DEAD {
                continue;
            }
            let total = lx + ranked[y].len();
            let needed = div_ceil(total, 2000);
            let common: usize = bits[x]
                .iter()
                .zip(&bits[y])
                .map(|(a, b)| (a & b).count_ones() as usize)
                .sum();
            let (rare_x, rare_y) = (&set[..split[x]], &ranked[y][..split[y]]);
            if common + rare_x.len().min(rare_y.len()) < needed {
                continue;
            }
            let shared = common + overlap(rare_x, rare_y);
            if shared >= needed {
                each(y, x, shared, total);
            }
        }
        touched.clear();
        // Later sets are no smaller, so any pair with this one needs at
        // least t·|x|/1000 shared bigrams: a shorter prefix is indexed.
        let index_need = div_ceil(lx, 1000).clamp(1, lx);
        for (j, &g) in set[..=lx - index_need].iter().enumerate() {
            postings[g as usize].push(Posting {
                set: x as u32,
                at: j as u32,
                size: lx as u32,
            });
        }
    }
}

/// How many of the most common bigrams are kept as bits: two cache lines
/// per set.
const COMMON: usize = 1024;
const WORDS: usize = COMMON / 64;

/// A set holding a bigram: which, where in it, and its size.
#[derive(Debug, Clone, Copy)]
struct Posting {
    set: u32,
    at: u32,
    size: u32,
}

/// A candidate the positional filter has ruled out for this probe.
const DEAD: u32 = u32::MAX;

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
        // Small sets from a small alphabet, larger ones from a larger, and
        // sets a few elements away from earlier ones, from an alphabet
        // larger than the bits hold.
        let mut sets: Vec<Vec<u64>> = Vec::new();
        for (count, size, alphabet) in [(150, 12, 20), (150, 40, 60), (100, 60, 5000)] {
            for _ in 0..count {
                let n = next() % size;
                let mut s: Vec<u64> = (0..n).map(|_| 100 + next() % alphabet).collect();
                s.sort_unstable();
                s.dedup();
                sets.push(s);
            }
        }
        for _ in 0..200 {
            let mut s = sets[(next() as usize) % sets.len()].clone();
            for _ in 0..next() % 4 {
                if !s.is_empty() {
                    s.remove((next() as usize) % s.len());
                }
            }
            for _ in 0..next() % 4 {
                s.push(100 + next() % 5000);
            }
            s.sort_unstable();
            s.dedup();
            sets.push(s);
        }
        for t in [1, 250, 500, 667, 800, 900, 1000] {
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
