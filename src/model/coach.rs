//! Coaching for the writer: a situation too thin to act on, a missing feeling,
//! and the MOT read back as one sentence.

use super::session::{Mot, MotNote, MotText};
use crate::i18n::{self, Language};
use crate::tr;

/// Anything with the three elements: the editor's text or a saved MOT.
/// Lets coaching and the sentence read an MOT without copying it.
pub trait Elements {
    /// Who the customer is.
    fn who(&self) -> &str;
    /// The scene.
    fn situation(&self) -> &str;
    /// What they felt.
    fn feeling(&self) -> &str;
}

/// A shared MOT reads as the MOT.
impl<T: Elements + ?Sized> Elements for std::sync::Arc<T> {
    fn who(&self) -> &str {
        (**self).who()
    }
    fn situation(&self) -> &str {
        (**self).situation()
    }
    fn feeling(&self) -> &str {
        (**self).feeling()
    }
}

macro_rules! elements {
    ($($t:ty),+) => {$(
        impl Elements for $t {
            fn who(&self) -> &str {
                &self.who
            }
            fn situation(&self) -> &str {
                &self.situation
            }
            fn feeling(&self) -> &str {
                &self.feeling
            }
        }
    )+};
}

elements!(MotText, Mot, MotNote);

/// Detail a situation needs before the room can act on it, in words
/// (a CJK character counts half a word: Chinese packs more into fewer glyphs).
pub const SITUATION_DETAIL_NEEDED: usize = 6;

/// One piece of advice about an MOT being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coaching {
    /// Nobody said who the customer is.
    MissingWho,
    /// The situation is empty.
    MissingSituation,
    /// The situation is there but too vague to act on.
    ThinSituation {
        /// Detail measured so far.
        detail: usize,
        /// Detail needed.
        needed: usize,
    },
    /// Nobody said what the customer felt: that is the brand message.
    MissingFeeling,
}

impl Coaching {
    /// The advice as the room reads it.
    pub fn message(self) -> String {
        match self {
            Coaching::MissingWho => tr!("model.coach.missing_who").into(),
            Coaching::MissingSituation => tr!("model.coach.missing_situation").into(),
            Coaching::ThinSituation { .. } => tr!("model.coach.thin_situation").into(),
            Coaching::MissingFeeling => tr!("model.coach.missing_feeling").into(),
        }
    }
}

/// Scripts written without spaces, one meaning-bearing glyph at a time.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF   // kana
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xAC00..=0xD7AF // Hangul
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0x20000..=0x2FFFF)
}

/// How much detail a text carries, in words; CJK characters count half each.
pub fn detail(text: &str) -> usize {
    let cjk = text.chars().filter(|c| is_cjk(*c)).count();
    let words = text
        .split(|c: char| {
            c.is_whitespace() || is_cjk(c) || (c.is_ascii_punctuation() && c != '\'' && c != '-')
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    words + cjk / 2
}

/// What to tell the writer about this MOT, most important first.
pub fn coach(text: &impl Elements) -> Vec<Coaching> {
    super::work::note(super::work::Entry::Coach);
    let mut out = Vec::new();
    let situation = detail(text.situation());
    if text.situation().trim().is_empty() {
        out.push(Coaching::MissingSituation);
    } else if situation < SITUATION_DETAIL_NEEDED {
        out.push(Coaching::ThinSituation {
            detail: situation,
            needed: SITUATION_DETAIL_NEEDED,
        });
    }
    if text.feeling().trim().is_empty() {
        out.push(Coaching::MissingFeeling);
    }
    if text.who().trim().is_empty() {
        out.push(Coaching::MissingWho);
    }
    out
}

/// The MOT read back as one sentence: "WHO, SITUATION, felt: FEELING."
/// The sentence follows the language the MOT is written in, not the one on
/// show: Chinese text gets Chinese words and punctuation (in Traditional
/// characters while the interface speaks Traditional Chinese), other text
/// the English sentence.
pub fn sentence(text: &impl Elements) -> String {
    // The parts are joined with commas: their own closing stops would double up.
    let strip = |s: &'_ str| -> String {
        s.trim()
            .trim_end_matches(['。', '，', ',', '；', ';'])
            .trim_end()
            .to_string()
    };
    let (who, situation) = (strip(text.who()), strip(text.situation()));
    let (who, situation) = (who.as_str(), situation.as_str());
    let feeling = text.feeling().trim().trim_end_matches(['。', '，', ',']);
    let empty = [who, situation, feeling].iter().all(|s| s.is_empty());
    // Nothing typed yet: the sentence's frame follows the interface.
    let chinese = [who, situation, feeling]
        .iter()
        .any(|s| s.chars().any(is_cjk))
        || (empty && i18n::current() != Language::English);
    let blank = |s: &str| {
        if s.is_empty() {
            "…".to_string()
        } else {
            s.to_string()
        }
    };
    let feeling = blank(feeling);
    let (lang, end) = if chinese {
        let lang = match i18n::current() {
            Language::TraditionalChinese => Language::TraditionalChinese,
            _ => Language::SimplifiedChinese,
        };
        // A feeling that ends in its own ！ or ？ (or …) needs no 。 after it.
        let end = if feeling.ends_with(['！', '？', '!', '?', '…']) {
            ""
        } else {
            "。"
        };
        (lang, end)
    } else if feeling.ends_with(['.', '!', '?', '…']) {
        (Language::English, "")
    } else {
        (Language::English, ".")
    };
    let template = i18n::t_in(lang, "model.sentence");
    let text = i18n::fill(
        template,
        &[
            ("who", &blank(who)),
            ("situation", &blank(situation)),
            ("feeling", &feeling),
        ],
    );
    format!("{text}{end}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(who: &str, situation: &str, feeling: &str) -> MotText {
        MotText {
            who: who.into(),
            situation: situation.into(),
            feeling: feeling.into(),
        }
    }

    #[test]
    fn a_complete_mot_gets_no_advice() {
        let m = t(
            "A traveller from the US West Coast",
            "preparing to sleep in business class, the crew made up the bed",
            "this airline is different",
        );
        assert!(coach(&m).is_empty());
        let zh = t(
            "住在美国西岸的华人旅客",
            "在商务舱准备睡觉时，空服员帮忙铺床",
            "华航不一样",
        );
        assert!(coach(&zh).is_empty(), "{:?}", coach(&zh));
    }

    #[test]
    fn thin_situation_and_missing_feeling_are_flagged() {
        let m = t("a guest", "at check-in", "");
        assert_eq!(
            coach(&m),
            vec![
                Coaching::ThinSituation {
                    detail: 2,
                    needed: SITUATION_DETAIL_NEEDED
                },
                Coaching::MissingFeeling
            ]
        );
        let zh = t("客人", "在登机口", "  ");
        assert!(matches!(coach(&zh)[0], Coaching::ThinSituation { .. }));
        assert_eq!(coach(&zh)[1], Coaching::MissingFeeling);
        assert_eq!(
            coach(&MotText::default()),
            vec![
                Coaching::MissingSituation,
                Coaching::MissingFeeling,
                Coaching::MissingWho
            ]
        );
    }

    #[test]
    fn detail_counts_words_and_half_cjk() {
        assert_eq!(detail("at the gate, waiting"), 4);
        assert_eq!(detail("在登机口等"), 2);
        assert_eq!(detail("ok — 好"), 1);
        assert_eq!(detail(""), 0);
    }

    #[test]
    fn a_chinese_feeling_that_ends_in_its_own_mark_gets_no_second_stop() {
        let s = sentence(&t("年轻白领", "排队等位", "等待也是一种享受！"));
        assert!(s.ends_with("享受！"), "{s}");
        let s = sentence(&t("年轻白领", "排队等位", "还会再来吗？"));
        assert!(s.ends_with("吗？"), "{s}");
        assert!(sentence(&t("年轻白领", "排队等位", "很开心")).ends_with("开心。"));
    }

    #[test]
    fn sentence_reads_in_the_language_written() {
        assert_eq!(
            sentence(&t("A guest", "waiting at the gate", "calm")),
            "A guest, waiting at the gate, felt: calm."
        );
        assert_eq!(
            sentence(&t("旅客", "在登机口等待", "安心")),
            "旅客，在登机口等待，感觉到：安心。"
        );
        assert_eq!(sentence(&t("", "", "wow!")), "…, …, felt: wow!");
    }

    #[test]
    fn advice_and_the_chinese_sentence_follow_the_language_on_show() {
        i18n::set(Language::TraditionalChinese);
        assert_eq!(
            sentence(&t("旅客", "在登機口等待", "安心")),
            "旅客，在登機口等待，感覺到：安心。"
        );
        assert_eq!(
            sentence(&t("A guest", "waiting at the gate", "calm")),
            "A guest, waiting at the gate, felt: calm.",
            "English text keeps its English sentence"
        );
        assert!(Coaching::MissingFeeling.message().contains("品牌訊息"));
        i18n::set(Language::SimplifiedChinese);
        assert!(Coaching::MissingFeeling.message().contains("品牌信息"));
        i18n::set(Language::English);
        assert_eq!(
            Coaching::MissingWho.message(),
            "Who is the customer? Describe them in a few words."
        );
    }

    #[test]
    fn stops_never_double_and_an_empty_sentence_follows_the_interface() {
        assert_eq!(
            sentence(&t("老顾客。", "等了很久。", "很失望。")),
            "老顾客，等了很久，感觉到：很失望。"
        );
        assert_eq!(sentence(&t("", "", "")), "…, …, felt: …");
        crate::i18n::set(Language::SimplifiedChinese);
        let empty = sentence(&t("", "", ""));
        crate::i18n::set(Language::English);
        assert!(empty.contains("感觉到"), "{empty}");
    }
}
