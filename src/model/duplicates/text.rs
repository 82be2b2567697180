//! A MOT's text as the comparison sees it: one width, one case, no
//! punctuation or spaces, English words in a base form, and a count of the
//! negations it holds.

use crate::model::coach::is_cjk;

/// A text folded for comparison.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub(super) struct Folded {
    /// Tokens joined by single spaces: an English word in its base form, a
    /// run of digits and letters, or one CJK character.
    pub key: String,
    /// How many negations ("not", "never", 不, 没 …) the text holds.
    pub negations: u32,
}

impl Folded {
    /// The tokens in order.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.key.split(' ').filter(|t| !t.is_empty())
    }

    /// The characters compared, without the spaces between tokens: "check
    /// in", "check-in" and "checkin" read alike.
    pub fn compact(&self) -> impl Iterator<Item = char> + '_ {
        self.key.chars().filter(|c| *c != ' ')
    }
}

/// English articles: a room swaps "a" and "the" without changing the moment.
const ARTICLES: [&str; 3] = ["a", "an", "the"];

/// Chinese particles a room adds or drops as English speakers do articles
/// ("等了半小时" / "等半小时", "退休的老人" / "退休老人"); 地 is left in, being
/// as often a noun (地勤, 当地).
const PARTICLES: [char; 2] = ['的', '了'];

/// English words that turn a statement into its opposite.
const NEGATING_WORDS: [&str; 10] = [
    "not", "no", "never", "nothing", "nobody", "none", "nowhere", "neither", "nor", "without",
];

/// Characters that negate in Chinese. 非 (非常, "very") and 别 (特别,
/// "especially") negate too rarely in a MOT to count.
const NEGATING_CHARS: [char; 6] = ['不', '没', '沒', '未', '无', '無'];

/// Contractions typed without their apostrophe, and the word before "not".
const RUN_TOGETHER: [(&str, &str); 15] = [
    ("cannot", "can"),
    ("cant", "can"),
    ("dont", "do"),
    ("didnt", "did"),
    ("doesnt", "does"),
    ("isnt", "is"),
    ("wasnt", "was"),
    ("werent", "were"),
    ("arent", "are"),
    ("couldnt", "could"),
    ("wouldnt", "would"),
    ("shouldnt", "should"),
    ("hasnt", "has"),
    ("havent", "have"),
    ("hadnt", "had"),
];

/// Folds a text for comparison (see [`Folded`]).
pub(super) fn fold(text: &str) -> Folded {
    fold_parts(&[text])
}

/// Folds texts as one, each ending a word: a MOT's who, situation and
/// feeling without first joining them.
pub(super) fn fold_parts(parts: &[&str]) -> Folded {
    let mut out = Folded {
        key: String::with_capacity(parts.iter().map(|p| p.len() + 8).sum()),
        negations: 0,
    };
    let mut word = String::new();
    for part in parts {
        for c in part.chars() {
            let c = half_width(c);
            if c.is_ascii() {
                // Most characters: no tables needed.
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase());
                } else if c == '\'' && !word.is_empty() {
                    word.push('\'');
                } else {
                    end_word(&mut word, &mut out);
                }
            } else if is_cjk(c) && !matches!(c, '\u{3099}'..='\u{30A0}' | '\u{30FB}') {
                // A CJK character is a token of its own (the kana block's
                // sound marks and punctuation are not characters).
                end_word(&mut word, &mut out);
                if NEGATING_CHARS.contains(&c) {
                    out.negations += 1;
                }
                if !PARTICLES.contains(&c) {
                    push_token(&mut out.key, c.encode_utf8(&mut [0; 4]));
                }
            } else {
                for c in c.to_lowercase() {
                    if is_combining(c) {
                        // An accent typed apart from its letter: "cafe\u{301}" is "cafe".
                        continue;
                    }
                    if c.is_alphanumeric() {
                        word.push(c);
                    } else if c == '’' && !word.is_empty() {
                        word.push('\'');
                    } else {
                        end_word(&mut word, &mut out);
                    }
                }
            }
        }
        end_word(&mut word, &mut out);
    }
    out
}

/// Full-width forms (ＡＢＣ１２３！, the ideographic space) as the ASCII
/// they stand for, so text typed with a Chinese input method compares alike.
fn half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn push_token(key: &mut String, token: &str) {
    if !key.is_empty() {
        key.push(' ');
    }
    key.push_str(token);
}

/// Ends the English (or other spaced-script) word being read: contractions
/// become "… not", articles go, the rest is stemmed.
fn end_word(word: &mut String, out: &mut Folded) {
    if word.is_empty() {
        return;
    }
    let w = word.trim_matches('\'');
    let (base, not) = if let Some(base) = w.strip_suffix("n't") {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            other => other,
        };
        (base, true)
    } else if let Some((_, base)) = RUN_TOGETHER.iter().find(|(whole, _)| *whole == w) {
        (*base, true)
    } else {
        (w, false)
    };
    let base: std::borrow::Cow<str> = if base.contains('\'') {
        base.replace('\'', "").into()
    } else {
        base.into()
    };
    if !base.is_empty() && !ARTICLES.contains(&&*base) {
        if NEGATING_WORDS.contains(&&*base) {
            out.negations += 1;
        }
        push_token(&mut out.key, &stem(&base));
    }
    if not {
        out.negations += 1;
        push_token(&mut out.key, "not");
    }
    word.clear();
}

/// A light English stemmer: plural and third-person "s", "ed", "ing" and a
/// final "e" go, so "waits", "waited" and "waiting" are all "wait", and
/// "arrive", "arrives" and "arrived" all "arriv". Short words and words with
/// anything but ASCII letters stay as typed.
pub(super) fn stem(w: &str) -> std::borrow::Cow<'_, str> {
    if w.len() <= 3 || !w.bytes().all(|b| b.is_ascii_lowercase()) {
        return w.into();
    }
    let mut w = w;
    let mut y = false;
    if w.ends_with("sses") {
        w = &w[..w.len() - 2];
    } else if w.ends_with("ies") && w.len() > 4 {
        w = &w[..w.len() - 3];
        y = true;
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w = &w[..w.len() - 1];
    }
    if y {
        return format!("{w}y").into();
    }
    let has_vowel = |s: &str| s.bytes().any(|b| b"aeiouy".contains(&b));
    if w.ends_with("eed") {
        // "need", "agreed": the "ed" is not a past tense.
    } else if w.len() >= 5 && w.ends_with("ed") && has_vowel(&w[..w.len() - 2]) {
        w = &w[..w.len() - 2];
    } else if w.len() >= 6 && w.ends_with("ing") && has_vowel(&w[..w.len() - 3]) {
        w = &w[..w.len() - 3];
    }
    if w.len() > 4 && w.ends_with('e') {
        w = &w[..w.len() - 1];
    }
    w.into()
}

/// The marker of a one-character text's unigram, above every bigram's bits.
const UNIGRAM: u64 = 1 << 42;
/// Where a bigram's occurrence number starts, above the unigram marker.
const OCCURRENCE: u32 = 43;

/// The character bigrams of the compact text as a set of distinct numbers,
/// sorted: the second "ab" of a text is another element than the first, so
/// the set's Dice coefficient is that of the bigram multisets (a clause
/// that repeats common bigrams still counts for its length). A text of one
/// character has its unigram, an empty text nothing.
pub(super) fn bigrams(folded: &Folded) -> Vec<u64> {
    let mut out = Vec::with_capacity(folded.key.len());
    let mut chars = folded.compact();
    let Some(first) = chars.next() else {
        return out;
    };
    let mut prev = first;
    for c in chars {
        // A char is at most 21 bits, so two fit in 42 without collision.
        out.push((u64::from(prev) << 21) | u64::from(c));
        prev = c;
    }
    if out.is_empty() {
        out.push(UNIGRAM | u64::from(first));
    }
    out.sort_unstable();
    // Number the repeats; a text has far fewer than 2^21 characters.
    let mut run = 0u64;
    for i in 1..out.len() {
        if out[i] & (UNIGRAM - 1) == out[i - 1] & (UNIGRAM - 1) {
            run += 1;
            out[i] |= run << OCCURRENCE;
        } else {
            run = 0;
        }
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_case_and_punctuation_fold() {
        assert_eq!(fold("ＡＢＣ１２３！").key, "abc123");
        assert_eq!(
            fold("Guest　WAITS, at check-in!").key,
            "guest wait at check in"
        );
        assert_eq!(fold("客户，在柜台。").key, "客 户 在 柜 台");
        assert_eq!(fold("等了的").key, "等");
    }

    #[test]
    fn contractions_articles_and_negations() {
        let f = fold("The guest didn't wait; she can't, she cannot.");
        assert_eq!(f.key, "guest did not wait she can not she can not");
        assert_eq!(f.negations, 3);
        assert_eq!(fold("没人理，不满意").negations, 2);
        assert_eq!(fold("非常特别").negations, 0);
    }

    #[test]
    fn stems_agree_across_inflections() {
        for (a, b) in [
            ("waits", "waited"),
            ("waiting", "wait"),
            ("arrives", "arrived"),
            ("minutes", "minute"),
            ("babies", "baby"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_eq!(stem("need"), "need");
        assert_eq!(stem("bring"), "bring");
        assert_eq!(stem("glass"), "glass");
        assert_ne!(stem("card"), stem("car"));
    }

    #[test]
    fn bigrams_of_short_texts() {
        assert!(bigrams(&fold("。！")).is_empty());
        assert_eq!(bigrams(&fold("好")).len(), 1);
        assert_ne!(bigrams(&fold("好")), bigrams(&fold("好好")));
        assert_eq!(bigrams(&fold("aaaa")).len(), 3);
        assert_eq!(bigrams(&fold("abab")).len(), 3);
    }
}
