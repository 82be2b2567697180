//! Likely duplicate MOTs through the public API: a hand-labelled set of
//! pairs that must and must not match (English, Simplified and Traditional
//! Chinese), the index against a full comparison, dismissed pairs, empty
//! texts and the order of the list.
//!
//! Each MOT is written "who | situation | feeling".

use mot::model::duplicates::{
    self, Comparison, MAX_PAIRS, Options, Pair, THRESHOLD, Verdict, compare, compare_with, find,
    likely_duplicates, mot_text,
};
use mot::model::{Mot, MotId, MotText, Session};

// The crate root is this file, so the data beside it is named by path.
#[path = "duplicates/labelled.rs"]
mod labelled;

use labelled::{EN_DIFFERENT, EN_SAME, HANS_DIFFERENT, HANS_SAME, HANT_DIFFERENT, HANT_SAME};

/// A labelled MOT as the editor would hold it.
fn text(line: &str) -> MotText {
    let mut parts = line.split(" | ");
    let mut next = || parts.next().unwrap_or_default().to_string();
    MotText {
        who: next(),
        situation: next(),
        feeling: next(),
    }
}

fn joined(line: &str) -> String {
    mot_text(&text(line))
}

/// Labelled pairs of MOTs, each written "who | situation | feeling".
type Pairs = &'static [(&'static str, &'static str)];

/// Every labelled set with its name and whether its pairs must match.
fn labelled() -> [(&'static str, Pairs, bool); 6] {
    [
        ("English, same", EN_SAME, true),
        ("English, near miss", EN_DIFFERENT, false),
        ("Simplified, same", HANS_SAME, true),
        ("Simplified, near miss", HANS_DIFFERENT, false),
        ("Traditional, same", HANT_SAME, true),
        ("Traditional, near miss", HANT_DIFFERENT, false),
    ]
}

#[test]
fn the_labelled_set_is_big_enough() {
    assert!(EN_SAME.len() >= 20 && EN_DIFFERENT.len() >= 20);
    assert!(HANS_SAME.len() >= 20 && HANS_DIFFERENT.len() >= 20);
    assert!(HANT_SAME.len() >= 20 && HANT_DIFFERENT.len() >= 20);
}

#[test]
fn every_labelled_pair_is_judged_as_labelled() {
    let mut wrong = Vec::new();
    // The margin: the least similar pair that must match, and the most
    // similar near miss that only the threshold stops.
    let mut lowest_same: Option<(u16, &str)> = None;
    let mut highest_miss: Option<(u16, &str)> = None;
    let mut stopped_by_rules = 0;
    for (name, pairs, same) in labelled() {
        for (a, b) in pairs {
            let c = compare(&joined(a), &joined(b));
            assert_eq!(
                compare(&joined(b), &joined(a)),
                c,
                "asymmetric:\n  {a}\n  {b}"
            );
            if (c.verdict == Verdict::Likely) != same {
                wrong.push(format!("{name}: {c:?}\n  {a}\n  {b}"));
            }
            if same {
                if lowest_same.is_none_or(|(s, _)| c.similarity < s) {
                    lowest_same = Some((c.similarity, a));
                }
            } else {
                let by_bigrams = compare_with(
                    &joined(a),
                    &joined(b),
                    Options {
                        threshold: 1,
                        ..Options::default()
                    },
                );
                if by_bigrams.verdict == Verdict::Likely {
                    // Only the threshold stops it.
                    if highest_miss.is_none_or(|(s, _)| c.similarity > s) {
                        highest_miss = Some((c.similarity, a));
                    }
                } else if c.similarity >= THRESHOLD {
                    stopped_by_rules += 1;
                }
            }
        }
    }
    assert!(wrong.is_empty(), "misjudged:\n{}", wrong.join("\n"));
    let (Some((low, low_text)), Some((high, high_text))) = (lowest_same, highest_miss) else {
        panic!("the set must hold near misses only the threshold stops");
    };
    println!(
        "threshold {THRESHOLD}‰: lowest must-match {low}‰ (margin {}‰): {low_text}",
        low - THRESHOLD
    );
    println!(
        "highest near miss only the threshold stops {high}‰ (margin {}‰): {high_text}",
        THRESHOLD - high
    );
    println!(
        "near misses at or above the threshold, stopped by the swap and polarity rules: {stopped_by_rules}"
    );
    // Both halves of the rule must earn their place in this set.
    assert!(stopped_by_rules >= 10, "{stopped_by_rules}");
}

/// A session holding the given MOTs, in order.
fn session(lines: &[&str]) -> (Session, Vec<MotId>) {
    let mut s = Session::new("duplicates");
    let ids = lines.iter().map(|l| s.add_mot(text(l))).collect();
    (s, ids)
}

fn mots(s: &Session) -> impl Iterator<Item = &Mot> {
    s.mots.iter().map(|m| &**m)
}

#[test]
fn the_labelled_set_in_one_session_finds_every_same_pair_and_no_near_miss() {
    let lines: Vec<&str> = labelled()
        .iter()
        .flat_map(|(_, pairs, _)| pairs.iter().flat_map(|(a, b)| [*a, *b]))
        .collect();
    let (s, ids) = session(&lines);
    let found = likely_duplicates(mots(&s), &[]);
    let has = |x: MotId, y: MotId| found.iter().any(|p| (p.a, p.b) == (x.min(y), x.max(y)));
    let mut k = 0;
    for (name, pairs, same) in labelled() {
        for (a, b) in pairs {
            let (x, y) = (ids[k], ids[k + 1]);
            k += 2;
            assert_eq!(has(x, y), same, "{name}:\n  {a}\n  {b}");
        }
    }
}

#[test]
fn dismissed_pairs_are_left_out_in_either_order() {
    let (s, ids) = session(&[EN_SAME[0].0, EN_SAME[0].1, HANS_SAME[0].0, HANS_SAME[0].1]);
    let all = likely_duplicates(mots(&s), &[]);
    let pair = |x: usize, y: usize| (ids[x], ids[y]);
    let pairs: Vec<(MotId, MotId)> = all.iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(pairs, [pair(0, 1), pair(2, 3)]);
    for dismissed in [[pair(0, 1)], [pair(1, 0)]] {
        let rest: Vec<(MotId, MotId)> = likely_duplicates(mots(&s), &dismissed)
            .iter()
            .map(|p| (p.a, p.b))
            .collect();
        assert_eq!(rest, [pair(2, 3)]);
    }
    // A dismissed pair of MOTs with the same text goes too.
    let (s, ids) = session(&[HANS_SAME[3].0, HANS_SAME[3].0]);
    assert_eq!(likely_duplicates(mots(&s), &[]).len(), 1);
    assert!(likely_duplicates(mots(&s), &[(ids[1], ids[0])]).is_empty());
}

#[test]
fn empty_texts_never_match() {
    let (s, _) = session(&[" |  | ", "。！ | ？ | …", " | | ", "— | — | —", "好 |  | "]);
    assert!(likely_duplicates(mots(&s), &[]).is_empty());
    let c = compare("", "");
    assert_eq!(
        c,
        Comparison {
            similarity: 0,
            verdict: Verdict::Empty
        }
    );
    assert_eq!(compare("！？", "。，").verdict, Verdict::Empty);
    assert_eq!(compare("", "好").verdict, Verdict::Empty);
    // One character is a text, though: the same one matches.
    assert_eq!(compare("好", "好！").verdict, Verdict::Likely);
}

/// A random-ish library: MOTs built from a few settings' words, a third of
/// them an earlier MOT reworded, negated, with a noun swapped or a clause
/// added, so that many pairs sit near any threshold.
fn library(n: usize, seed: u64) -> Vec<MotText> {
    let mut state = seed;
    let mut next = move |below: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % below
    };
    let who = [
        "A guest arriving late",
        "A frequent flyer",
        "A pensioner at the branch",
        "A mother with a toddler",
        "带孩子的妈妈",
        "来办业务的客户",
        "常来的老顾客",
        "商务舱旅客",
    ];
    let place = [
        "at check-in",
        "at check-out",
        "at the gate",
        "at the counter",
        "in the lobby",
        "在柜台",
        "在登机口",
        "在前台",
        "在门口",
        "在行李转盘",
    ];
    let event = [
        "waits 20 minutes while one clerk serves a tour group",
        "the staff remembered her name and her usual order",
        "the agent explained the delay",
        "排队等了半小时，只有一个窗口开着",
        "服务员主动送来小吃和饮料",
        "经理出来道歉并送了一张代金券",
    ];
    let feeling = [
        "felt forgotten",
        "they know me",
        "很失望",
        "他们记得我",
        "worth it",
    ];
    let variants: [fn(String) -> String; 10] = [
        |s| s.to_uppercase(),
        |s| format!("{s}!"),
        |s| s.replace("半小时", "半个小时"),
        |s| s.replace(" waits ", " waited "),
        |s| s.replace("check-in", "check-out"),
        |s| s.replace('，', " "),
        |s| s.replace("很", "很不"),
        |s| s.replace("the staff", "the staff kindly"),
        |s| format!("{s}, and then the manager came over to apologise"),
        |s| format!("{s}，后来经理出来道歉"),
    ];
    let mut out: Vec<MotText> = Vec::new();
    for _ in 0..n {
        let t = if !out.is_empty() && next(3) == 0 {
            let t = out[next(out.len())].clone();
            let v = variants[next(variants.len())];
            match next(3) {
                0 => MotText { who: v(t.who), ..t },
                1 => MotText {
                    situation: v(t.situation),
                    ..t
                },
                _ => MotText {
                    feeling: v(t.feeling),
                    ..t
                },
            }
        } else {
            MotText {
                who: who[next(who.len())].into(),
                situation: format!("{} {}", place[next(place.len())], event[next(event.len())]),
                feeling: feeling[next(feeling.len())].into(),
            }
        };
        out.push(t);
    }
    out
}

/// Every pair's similarity and whether the wording rules accept it, by a
/// full comparison through the public API.
fn every_pair(s: &Session) -> Vec<(MotId, MotId, Comparison)> {
    let texts: Vec<(MotId, String)> = s.mots.iter().map(|m| (m.id, mot_text(&**m))).collect();
    let any = Options {
        threshold: 1,
        ..Options::default()
    };
    let mut out = Vec::new();
    for (i, (a, ta)) in texts.iter().enumerate() {
        for (b, tb) in &texts[i + 1..] {
            out.push((*a.min(b), *a.max(b), compare_with(ta, tb, any)));
        }
    }
    out
}

/// The pairs `options` accepts among `every` (from [`every_pair`]), in the
/// list's order: a full comparison to check the index against.
fn all_pairs(every: &[(MotId, MotId, Comparison)], options: Options) -> Vec<Pair> {
    let mut out: Vec<Pair> = every
        .iter()
        .filter(|(_, _, c)| {
            c.similarity > 0
                && c.similarity >= options.threshold
                && (!options.wording || c.verdict == Verdict::Likely)
        })
        .map(|&(a, b, c)| Pair {
            a,
            b,
            similarity: c.similarity,
        })
        .collect();
    out.sort_by_key(|p| (std::cmp::Reverse(p.similarity), p.a, p.b));
    out
}

#[test]
fn the_index_finds_what_comparing_every_pair_finds() {
    let mut s = Session::new("library");
    for t in library(300, 42) {
        s.add_mot(t);
    }
    let every = every_pair(&s);
    for threshold in [300, 500, 700, THRESHOLD, 900, 1000] {
        for wording in [false, true] {
            let options = Options {
                threshold,
                wording,
                max_pairs: usize::MAX,
            };
            let slow = all_pairs(&every, options);
            let fast = find(mots(&s), &[], options);
            assert!(
                slow.len() > 20,
                "{threshold} {wording}: {} pairs",
                slow.len()
            );
            assert_eq!(fast.len(), slow.len(), "{threshold} {wording}");
            assert_eq!(fast, slow, "{threshold} {wording}");
        }
    }
    // The default is the same search at the same threshold.
    assert_eq!(
        likely_duplicates(mots(&s), &[]),
        all_pairs(&every, Options::default())
    );
}

#[test]
fn a_comparison_is_the_same_either_way_round() {
    // At the lowest threshold every pair that shares a bigram is diffed.
    let any = Options {
        threshold: 1,
        ..Options::default()
    };
    let mut texts: Vec<String> = library(60, 42).iter().map(mot_text).collect();
    // Two alignments of these tie; once, the order picked the verdict.
    texts.push("来办业务的客户\n在门口 经理出来道歉并送了一张代金券\nfelt forgotten".into());
    texts.push(
        "A pensioner at the branch\nat the gate 排队等了半小时，只有一个窗口开着，后来经理出来道歉\nfelt forgotten"
            .into(),
    );
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            let c = compare_with(a, b, any);
            assert_eq!(c, compare_with(b, a, any), "\n  {a}\n  {b}");
        }
    }
}

#[test]
fn the_order_is_by_similarity_then_ids_whatever_the_input_order() {
    let mut s = Session::new("library");
    for t in library(300, 7) {
        s.add_mot(t);
    }
    let found = likely_duplicates(mots(&s), &[]);
    assert!(found.len() > 20);
    assert!(found.iter().all(|p| p.a < p.b));
    assert!(found.windows(2).all(|w| {
        (std::cmp::Reverse(w[0].similarity), w[0].a, w[0].b)
            < (std::cmp::Reverse(w[1].similarity), w[1].a, w[1].b)
    }));
    assert!(found.iter().any(|p| p.similarity < 1000), "only copies");
    let mut reversed: Vec<&Mot> = mots(&s).collect();
    reversed.reverse();
    assert_eq!(likely_duplicates(reversed, &[]), found);
    let mut shuffled: Vec<&Mot> = mots(&s).collect();
    shuffled.rotate_left(113);
    assert_eq!(likely_duplicates(shuffled, &[]), found);
}

#[test]
fn the_list_keeps_only_the_most_similar_pairs() {
    // Two hundred copies of one MOT and a few rewordings of it: more pairs
    // than the cap, all computed without holding them all.
    let mut lines = vec![HANS_SAME[0].0; 200];
    lines.extend([HANS_SAME[0].1; 3]);
    let (s, ids) = session(&lines);
    let cap = 50;
    let options = Options {
        max_pairs: cap,
        ..Options::default()
    };
    let found = find(mots(&s), &[], options);
    let mut every = all_pairs(&every_pair(&s), Options::default());
    assert!(every.len() > 20_000);
    every.truncate(cap);
    assert_eq!(found, every);
    assert_eq!((found[0].a, found[0].b), (ids[0], ids[1]));
    assert_eq!(likely_duplicates(mots(&s), &[]).len(), MAX_PAIRS);
    // The copies among themselves come first; one of the rewordings is
    // below them, and dismissing everything above it brings it up.
    let (copies, others) = (&ids[..200], &ids[200..]);
    let dismissed: Vec<(MotId, MotId)> = copies
        .iter()
        .flat_map(|a| copies.iter().map(move |b| (*a, *b)))
        .chain(
            others
                .iter()
                .flat_map(|a| others.iter().map(move |b| (*a, *b))),
        )
        .collect();
    let rest = find(mots(&s), &dismissed, options);
    assert_eq!(rest.len(), cap);
    assert!(rest.iter().all(|p| p.similarity < 1000 && p.b >= others[0]));
}

#[test]
fn normalising_folds_width_case_and_punctuation_alike() {
    assert_eq!(duplicates::normalise("ＡＢＣ１２３　ｘ！"), "abc123x");
    assert_eq!(
        duplicates::normalise("“客户”在柜台（前台）排队，等了……半小时！"),
        duplicates::normalise("客户在柜台前台排队等了半小时")
    );
    assert_eq!(
        duplicates::normalise("Guest WAITS at check-in!"),
        duplicates::normalise("guest waited at check in")
    );
    assert_eq!(duplicates::similarity("排队等位", "排队等位！"), 1000);
    assert!(duplicates::similarity("排队等位", "行李转盘") < 100);
}
