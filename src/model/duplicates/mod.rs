//! Likely duplicate MOTs: pairs whose texts say nearly the same thing, as
//! when breakout groups' sessions are merged and a room wrote one moment
//! twice ("客户在柜台排队等了半小时" / "客户在柜台排队等了半个小时").
//!
//! A MOT's text is its who, situation and feeling together ([`mot_text`]).
//! Two texts are likely duplicates when all of these hold:
//!
//! 1. **Nearly the same characters.** Each text is folded ([`normalise`]):
//!    full-width forms to ASCII, one case, no punctuation or spaces (ASCII
//!    and CJK alike), English articles dropped and English words stemmed
//!    ("waits", "waited" → "wait"), contractions spelled out ("didn't" →
//!    "did not"), Chinese particles 的 and 了 dropped. The Dice coefficient
//!    of the two texts' character bigrams ([`similarity`], per mille) must
//!    reach [`THRESHOLD`].
//!    Bigrams suit Chinese (no spaces) and English alike.
//! 2. **The same polarity.** The same number of negations ("not", "never",
//!    不, 没 …): "很满意" and "很不满意" share almost every bigram.
//! 3. **Nothing swapped.** Matched token by token (an English word or one
//!    CJK character), the texts differ only by additions and omissions,
//!    spacing ("check in" / "checkin"), abbreviations ("min" / "minute") or
//!    a typo in a long word. One token swapped for another ("check-in" /
//!    "check-out", 登机口 / 行李转盘, 热 / 冷) makes another moment, however
//!    many bigrams the rest shares; Dice alone cannot tell these from a
//!    word added (both change a handful of bigrams in a long sentence).
//!
//! Synonyms, reordered clauses, numbers written differently ("20" /
//! "twenty") and Simplified against Traditional characters are not
//! recognised: such pairs are reported as different, which costs the room
//! a missed merge, never a wrong one.
//!
//! [`likely_duplicates`] finds the pairs among many MOTs through an inverted
//! index from bigram to MOT (see `index`), so 10,000 MOTs are not compared
//! pair by pair: about a third of a second on one core (`cargo bench
//! --bench duplicates`). Identical folded texts are grouped first and
//! compared once. Its work grows with the pairs that pass the threshold,
//! each diffed: MOTs from one template that differ only in a number (every
//! pair alike, none kept) take about 0.3 s for 1,000 and grow with the
//! square. Memory stays linear in the MOTs, and the list stops at
//! [`MAX_PAIRS`].

mod hash;
mod index;
mod text;
mod wording;

use hash::{FastMap, FastSet};
use std::cmp::Reverse;

use super::coach::Elements;
use super::session::{Mot, MotId};
use text::Folded;
use wording::Difference;

/// The least [`similarity`] (per mille) of a likely duplicate.
///
/// Once the swap and polarity rules have spoken, what is left between two
/// texts is additions, so the threshold says how much one may add: Dice
/// 0.8 lets the longer text be at most 1.5 times the shorter. Among the
/// labelled pairs (`tests/duplicates/labelled.rs`), those that must match
/// (a word or a few characters added in one to three places) score from
/// 0.85 up; the near misses left to the threshold (a clause of another outcome
/// added: "…kept the room but it still smelled of smoke…") score up to
/// 0.77. The midpoint is 0.81; the threshold sits a little lower because
/// a pair shown wrongly costs the room one dismissal, while a missed one
/// splits its votes between two copies. The test prints the margins.
pub const THRESHOLD: u16 = 800;

/// The most pairs [`likely_duplicates`] returns: the most similar ones. A
/// room reviews pairs one at a time; past this many (a text pasted a
/// thousand times) the list would only cost memory.
pub const MAX_PAIRS: usize = 10_000;

/// Two likely duplicate MOTs: `a` is the lower id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pair {
    /// The lower id.
    pub a: MotId,
    /// The higher id.
    pub b: MotId,
    /// Their texts' [`similarity`], per mille (1000: the same folded text).
    pub similarity: u16,
}

/// Why two texts are, or are not, likely duplicates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Likely duplicates.
    Likely,
    /// One text has nothing to compare (no letters, digits or characters).
    Empty,
    /// Too few bigrams in common.
    TooDifferent,
    /// One says "not" (不, never …) where the other does not.
    Negated,
    /// A word or character swapped for another: another moment.
    Swapped,
    /// Similar bigrams, but too many words moved to call it a rewording.
    TooManyEdits,
}

/// Two texts compared: their similarity and the verdict on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    /// Dice coefficient of the folded texts' bigrams, per mille.
    pub similarity: u16,
    /// Whether they are likely duplicates, and if not, why not.
    pub verdict: Verdict,
}

/// How [`find`] searches; [`Options::default`] is what
/// [`likely_duplicates`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The least similarity per mille (1 to 1000; 0 counts as 1).
    pub threshold: u16,
    /// Whether the polarity and swap rules apply (off: bigrams alone).
    pub wording: bool,
    /// The most pairs returned, the most similar first.
    pub max_pairs: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threshold: THRESHOLD,
            wording: true,
            max_pairs: MAX_PAIRS,
        }
    }
}

/// A MOT's who, situation and feeling as one text to compare.
pub fn mot_text(mot: &impl Elements) -> String {
    format!("{}\n{}\n{}", mot.who(), mot.situation(), mot.feeling())
}

/// A text as it is compared: folded width and case, no punctuation or
/// spaces, English words stemmed and without articles.
pub fn normalise(text: &str) -> String {
    text::fold(text).compact().collect()
}

/// Dice coefficient of two texts' character bigrams after [`normalise`]
/// (as multisets: a repeated bigram counts each time), per mille, rounded
/// down; 0 when either is empty.
pub fn similarity(a: &str, b: &str) -> u16 {
    let (a, b) = (text::bigrams(&text::fold(a)), text::bigrams(&text::fold(b)));
    let total = a.len() + b.len();
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    per_mille(index::overlap(&a, &b), total)
}

/// Whether two texts are likely duplicates at [`THRESHOLD`], and why.
pub fn compare(a: &str, b: &str) -> Comparison {
    compare_with(a, b, Options::default())
}

/// [`compare`] with a given threshold and rules (`max_pairs` is ignored).
pub fn compare_with(a: &str, b: &str, options: Options) -> Comparison {
    let (fa, fb) = (text::fold(a), text::fold(b));
    let (ba, bb) = (text::bigrams(&fa), text::bigrams(&fb));
    let (common, total) = (index::overlap(&ba, &bb), ba.len() + bb.len());
    let similarity = if ba.is_empty() || bb.is_empty() {
        0
    } else {
        per_mille(common, total)
    };
    let mut tokens = Tokens::default();
    let (ta, tb) = (tokens.of(&fa), tokens.of(&fb));
    Comparison {
        similarity,
        verdict: verdict((&fa, &ta), (&fb, &tb), &tokens, common, total, options),
    }
}

/// The likely duplicates among `mots`, without the `dismissed` pairs (in
/// either order): the most similar first, then by ids; at most
/// [`MAX_PAIRS`].
pub fn likely_duplicates<'m>(
    mots: impl IntoIterator<Item = &'m Mot>,
    dismissed: &[(MotId, MotId)],
) -> Vec<Pair> {
    find(mots, dismissed, Options::default())
}

/// [`likely_duplicates`] with a given threshold, rules and cap. A MOT
/// listed twice (the same id) counts once.
pub fn find<'m>(
    mots: impl IntoIterator<Item = &'m Mot>,
    dismissed: &[(MotId, MotId)],
    options: Options,
) -> Vec<Pair> {
    if options.max_pairs == 0 {
        return Vec::new();
    }
    // MOTs with the same folded text are one entry, compared once.
    let mut texts: Vec<Text> = Vec::new();
    let mut entry: FastMap<Folded, usize> = FastMap::default();
    let mut seen: FastSet<MotId> = FastSet::default();
    let mut tokens = Tokens::default();
    for mot in mots {
        if !seen.insert(mot.id) {
            continue;
        }
        let folded = text::fold_parts(&[&mot.who, &mot.situation, &mot.feeling]);
        if folded.key.is_empty() {
            continue;
        }
        match entry.get(&folded) {
            Some(&i) => texts[i].ids.push(mot.id),
            None => {
                entry.insert(folded.clone(), texts.len());
                texts.push(Text {
                    tokens: tokens.of(&folded),
                    folded,
                    ids: vec![mot.id],
                });
            }
        }
    }
    drop((entry, seen));
    let mut found = Collector::new(options.max_pairs, dismissed);
    for Text { ids, .. } in &mut texts {
        ids.sort_unstable();
        'same: for (i, &a) in ids.iter().enumerate() {
            for (j, &b) in ids[i + 1..].iter().enumerate() {
                if !found.offer(a, b, 1000) {
                    // Later pairs rank lower still, and so do a later a's.
                    if j == 0 {
                        break 'same;
                    }
                    break;
                }
            }
        }
    }
    let sets: Vec<Vec<u64>> = texts.iter().map(|t| text::bigrams(&t.folded)).collect();
    index::similar_sets(&sets, options.threshold, |x, y, common, total| {
        let (x, y) = (&texts[x], &texts[y]);
        let v = verdict(
            (&x.folded, &x.tokens),
            (&y.folded, &y.tokens),
            &tokens,
            common,
            total,
            options,
        );
        if v == Verdict::Likely {
            let similarity = per_mille(common, total);
            for &a in &x.ids {
                for &b in &y.ids {
                    found.offer(a, b, similarity);
                }
            }
        }
    });
    found.finish()
}

/// One distinct folded text among the MOTs, and the MOTs that have it.
struct Text {
    folded: Folded,
    /// Its tokens as numbers (see [`Tokens`]), for the wording rules.
    tokens: Vec<u32>,
    ids: Vec<MotId>,
}

/// Tokens numbered as first seen, so the diff compares numbers and each
/// token's text is held once.
#[derive(Default)]
struct Tokens {
    numbers: FastMap<String, u32>,
    names: Vec<String>,
}

impl Tokens {
    fn of(&mut self, folded: &Folded) -> Vec<u32> {
        folded
            .tokens()
            .map(|t| match self.numbers.get(t) {
                Some(&n) => n,
                None => {
                    let n = self.names.len() as u32;
                    self.numbers.insert(t.to_string(), n);
                    self.names.push(t.to_string());
                    n
                }
            })
            .collect()
    }

    fn name(&self, n: u32) -> &str {
        self.names.get(n as usize).map_or("", String::as_str)
    }
}

fn per_mille(common: usize, total: usize) -> u16 {
    (2000 * common / total.max(1)) as u16
}

/// The verdict on two folded texts (with their numbered tokens) sharing
/// `common` of `total` bigrams.
fn verdict(
    a: (&Folded, &[u32]),
    b: (&Folded, &[u32]),
    tokens: &Tokens,
    common: usize,
    total: usize,
    options: Options,
) -> Verdict {
    if a.0.key.is_empty() || b.0.key.is_empty() {
        return Verdict::Empty;
    }
    let t = u64::from(options.threshold.clamp(1, 1000));
    if common == 0 || 2000 * (common as u64) < t * total as u64 {
        return Verdict::TooDifferent;
    }
    if !options.wording {
        return Verdict::Likely;
    }
    if a.0.negations != b.0.negations {
        return Verdict::Negated;
    }
    // Where alignments of equal length tie, the diff's choice depends on
    // which text comes first: one fixed order makes the verdict symmetric.
    let (a, b) = if a.0.key <= b.0.key { (a, b) } else { (b, a) };
    match wording::difference(a.1, b.1, |n| tokens.name(n)) {
        Difference::Slight => Verdict::Likely,
        Difference::Swapped => Verdict::Swapped,
        Difference::TooMany => Verdict::TooManyEdits,
    }
}

/// How pairs are listed: most similar first, then by ids.
fn rank(p: &Pair) -> (Reverse<u16>, MotId, MotId) {
    (Reverse(p.similarity), p.a, p.b)
}

/// Gathers pairs, keeping only the best `cap` in at most twice that memory.
struct Collector {
    pairs: Vec<Pair>,
    cap: usize,
    /// Once the cap is reached: the worst pair kept, which nothing ranking
    /// at or below it can displace.
    cutoff: Option<Pair>,
    dismissed: FastSet<(MotId, MotId)>,
}

impl Collector {
    fn new(cap: usize, dismissed: &[(MotId, MotId)]) -> Collector {
        Collector {
            pairs: Vec::new(),
            cap: cap.max(1),
            cutoff: None,
            dismissed: dismissed
                .iter()
                .map(|&(x, y)| (x.min(y), x.max(y)))
                .collect(),
        }
    }

    /// Takes a pair unless dismissed; false when it ranks too low to be kept.
    fn offer(&mut self, x: MotId, y: MotId, similarity: u16) -> bool {
        if x == y {
            return true;
        }
        let pair = Pair {
            a: x.min(y),
            b: x.max(y),
            similarity,
        };
        if self.cutoff.is_some_and(|c| rank(&pair) >= rank(&c)) {
            return false;
        }
        if !self.dismissed.contains(&(pair.a, pair.b)) {
            self.pairs.push(pair);
            if self.pairs.len() >= self.cap.saturating_mul(2) {
                self.prune();
            }
        }
        true
    }

    fn prune(&mut self) {
        self.pairs.sort_unstable_by_key(rank);
        if self.pairs.len() >= self.cap {
            self.pairs.truncate(self.cap);
            self.cutoff = self.pairs.last().copied();
        }
    }

    fn finish(mut self) -> Vec<Pair> {
        self.prune();
        self.pairs
    }
}
