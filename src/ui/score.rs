//! A score in words: what it adds up. Where a MOT has both dots and hands
//! the room sees both parts and that the score is their weighted total;
//! where the session counts only one kind, every score says so.

use crate::model::{Counting, Score};
use crate::tr;

/// What a MOT's score adds up, when there is more to say than the number:
/// both parts when it has dots and hands and both count, or which kind
/// alone counts (and what the other would have added).
pub fn parts(score: &Score, counting: Counting) -> Option<String> {
    let total = score.weighted;
    match counting {
        Counting::Both if score.has_both() => Some(tr!(
            "ui.score.both",
            total = total,
            dots = score.dots,
            hands = score.hands
        )),
        Counting::Both => None,
        Counting::Dots if score.hands > 0 => Some(tr!(
            "ui.score.dots_only_dropped",
            total = total,
            hands = score.hands
        )),
        Counting::Dots => Some(tr!("ui.score.dots_only", total = total)),
        Counting::Hands if score.dots > 0 => Some(tr!(
            "ui.score.hands_only_dropped",
            total = total,
            dots = score.dots
        )),
        Counting::Hands => Some(tr!("ui.score.hands_only", total = total)),
    }
}

/// What the session's scores count, when it is one kind alone (for where
/// no single score is on show, or the totals are hidden).
pub fn counting_note(counting: Counting) -> Option<String> {
    (counting != Counting::Both).then(|| tr!("ui.score.counts", what = counting.name()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    fn score(dots: u64, hands: u64, counting: Counting) -> Score {
        let weighted = match counting {
            Counting::Both => dots + hands,
            Counting::Dots => dots,
            Counting::Hands => hands,
        };
        Score {
            weighted,
            dots,
            hands,
            ..Score::default()
        }
    }

    #[test]
    fn both_parts_are_named_only_when_there_are_both() {
        i18n::set(Language::English);
        let both = score(8, 4, Counting::Both);
        assert_eq!(
            parts(&both, Counting::Both).as_deref(),
            Some("12 = dots 8 + hands 4, weighted total")
        );
        assert_eq!(parts(&score(8, 0, Counting::Both), Counting::Both), None);
        let dots = score(8, 4, Counting::Dots);
        assert_eq!(
            parts(&dots, Counting::Dots).as_deref(),
            Some("8: dots only, 4 from hands not added")
        );
        assert_eq!(
            parts(&score(0, 4, Counting::Hands), Counting::Hands).as_deref(),
            Some("4: hands only")
        );
        i18n::set(Language::SimplifiedChinese);
        assert_eq!(
            parts(&both, Counting::Both).as_deref(),
            Some("12 = 贴点 8 + 举手 4（加权合计）")
        );
        i18n::set(Language::TraditionalChinese);
        assert_eq!(
            parts(&dots, Counting::Dots).as_deref(),
            Some("8：只計貼點，舉手的 4 未計入")
        );
        i18n::set(Language::English);
        assert_eq!(counting_note(Counting::Both), None);
        assert_eq!(
            counting_note(Counting::Hands).as_deref(),
            Some("score counts hands only")
        );
    }
}
