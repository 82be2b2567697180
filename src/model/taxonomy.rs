//! The four dimensions and five service qualities an MOT is tagged with.

use serde::{Deserialize, Serialize};

use crate::tr;

/// One of the four customer decisions (四大维度); each is also a business metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dimension {
    /// Awareness and consideration: the customer notices and comes in (进店率).
    Entry,
    /// Choosing and deciding: the moment of placing the order (转化率).
    Conversion,
    /// Using and experiencing: the moment of "this was worth it" (复购率).
    Repurchase,
    /// Connecting and spreading: the moment of recommending (推荐率).
    Referral,
}

impl Dimension {
    /// All four, in the order the workshop reads them.
    pub const ALL: [Dimension; 4] = [
        Dimension::Entry,
        Dimension::Conversion,
        Dimension::Repurchase,
        Dimension::Referral,
    ];

    /// Position in [`Dimension::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Name shown in the interface, in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Dimension::Entry => tr!("model.dimension.entry"),
            Dimension::Conversion => tr!("model.dimension.conversion"),
            Dimension::Repurchase => tr!("model.dimension.repurchase"),
            Dimension::Referral => tr!("model.dimension.referral"),
        }
    }

    /// The moment this dimension is about, in a few words.
    pub fn moment(self) -> &'static str {
        match self {
            Dimension::Entry => tr!("model.moment.entry"),
            Dimension::Conversion => tr!("model.moment.conversion"),
            Dimension::Repurchase => tr!("model.moment.repurchase"),
            Dimension::Referral => tr!("model.moment.referral"),
        }
    }

    /// The next dimension, wrapping around.
    pub fn next(self) -> Dimension {
        Dimension::ALL[(self.index() + 1) % Dimension::ALL.len()]
    }

    /// The previous dimension, wrapping around.
    pub fn prev(self) -> Dimension {
        Dimension::ALL[(self.index() + Dimension::ALL.len() - 1) % Dimension::ALL.len()]
    }

    /// The focus after `focus` (forward) or before it: no focus, then each
    /// dimension in turn.
    pub fn cycle_focus(focus: Option<Dimension>, forward: bool) -> Option<Dimension> {
        match (focus, forward) {
            (None, true) => Some(Dimension::Entry),
            (None, false) => Some(Dimension::Referral),
            (Some(Dimension::Referral), true) | (Some(Dimension::Entry), false) => None,
            (Some(d), true) => Some(d.next()),
            (Some(d), false) => Some(d.prev()),
        }
    }
}

/// One of the five service qualities (五个服务质量, SERVQUAL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Quality {
    /// The promised service, dependably, first time (可靠).
    Reliability,
    /// Knowledge and confidence that earn trust (确认).
    Assurance,
    /// A prompt answer, even when the problem cannot be solved at once (回应).
    Responsiveness,
    /// Facilities, objects, appearance: the visible side of service (展现).
    Tangibles,
    /// Warmth and care, at the right distance (关切).
    Empathy,
}

impl Quality {
    /// All five, in matrix column order.
    pub const ALL: [Quality; 5] = [
        Quality::Reliability,
        Quality::Assurance,
        Quality::Responsiveness,
        Quality::Tangibles,
        Quality::Empathy,
    ];

    /// Position in [`Quality::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Name shown in the interface, in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Quality::Reliability => tr!("model.quality.reliability"),
            Quality::Assurance => tr!("model.quality.assurance"),
            Quality::Responsiveness => tr!("model.quality.responsiveness"),
            Quality::Tangibles => tr!("model.quality.tangibles"),
            Quality::Empathy => tr!("model.quality.empathy"),
        }
    }

    /// A one-letter mark for tight columns, in the language on show; unique across the five.
    pub fn letter(self) -> char {
        let (text, fallback) = match self {
            Quality::Reliability => (tr!("model.quality.letter_reliability"), 'R'),
            Quality::Assurance => (tr!("model.quality.letter_assurance"), 'A'),
            Quality::Responsiveness => (tr!("model.quality.letter_responsiveness"), 'S'),
            Quality::Tangibles => (tr!("model.quality.letter_tangibles"), 'T'),
            Quality::Empathy => (tr!("model.quality.letter_empathy"), 'E'),
        };
        text.chars().next().unwrap_or(fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dimension_cycles_both_ways() {
        assert_eq!(Dimension::Referral.next(), Dimension::Entry);
        assert_eq!(Dimension::Entry.prev(), Dimension::Referral);
        for d in Dimension::ALL {
            assert_eq!(d.next().prev(), d);
            assert_eq!(Dimension::ALL[d.index()], d);
        }
    }

    #[test]
    fn quality_letters_are_unique_in_every_language() {
        for lang in crate::model::Language::ALL {
            crate::i18n::set(lang);
            let mut letters: Vec<char> = Quality::ALL.iter().map(|q| q.letter()).collect();
            letters.sort();
            letters.dedup();
            assert_eq!(letters.len(), 5, "{lang:?}");
        }
        crate::i18n::set(crate::model::Language::English);
        for q in Quality::ALL {
            assert_eq!(Quality::ALL[q.index()], q);
        }
    }

    #[test]
    fn names_follow_the_language_on_show() {
        use crate::i18n::{self, Language};
        i18n::set(Language::SimplifiedChinese);
        let zh: Vec<&str> = Dimension::ALL.iter().map(|d| d.name()).collect();
        assert_eq!(zh, ["进店率", "转化率", "复购率", "推荐率"]);
        assert_eq!(Quality::Assurance.name(), "确认");
        i18n::set(Language::TraditionalChinese);
        assert_eq!(Dimension::Conversion.name(), "轉化率");
        assert_eq!(Quality::Responsiveness.name(), "回應");
        i18n::set(Language::English);
        assert_eq!(Dimension::Repurchase.name(), "Repurchase");
        assert_eq!(Dimension::Repurchase.moment(), "\"this was worth it\"");
        assert_eq!(Quality::Tangibles.name(), "Tangibles");
    }
}
