//! Drill: role-play practice of the service behaviour model (seed 004).
//! Scenario cards, trios whose roles rotate, the observer's sheets and the
//! debrief's figures. Plain Rust and serde, as the rest of the model.

pub mod cards;
pub mod clock;
pub mod plan;
pub mod sheet;
pub mod trios;

use serde::{Deserialize, Serialize};

use crate::tr;

/// One of the five steps of the service behaviour model that staff practise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum BehaviourStep {
    /// Set the atmosphere: the first impression (营造氛围).
    Atmosphere,
    /// Analyse the need: the iceberg, listening, questioning (分析问题).
    Analyse,
    /// Solve the problem (解决问题).
    Solve,
    /// Summarise what was agreed (总结问题).
    Summarise,
    /// Follow up afterwards (完善跟进).
    FollowUp,
}

impl BehaviourStep {
    /// All five, in the order a conversation runs through them.
    pub const ALL: [BehaviourStep; 5] = [
        BehaviourStep::Atmosphere,
        BehaviourStep::Analyse,
        BehaviourStep::Solve,
        BehaviourStep::Summarise,
        BehaviourStep::FollowUp,
    ];

    /// Position in [`BehaviourStep::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Name shown in the interface, in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            BehaviourStep::Atmosphere => tr!("model.drill.step.atmosphere"),
            BehaviourStep::Analyse => tr!("model.drill.step.analyse"),
            BehaviourStep::Solve => tr!("model.drill.step.solve"),
            BehaviourStep::Summarise => tr!("model.drill.step.summarise"),
            BehaviourStep::FollowUp => tr!("model.drill.step.follow_up"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    #[test]
    fn the_five_steps_have_names_in_every_language() {
        for lang in Language::ALL {
            i18n::set(lang);
            for step in BehaviourStep::ALL {
                let name = step.name();
                assert!(
                    !name.is_empty() && !name.starts_with("model."),
                    "{lang:?} {step:?}"
                );
            }
        }
        i18n::set(Language::SimplifiedChinese);
        assert_eq!(BehaviourStep::Analyse.name(), "分析问题");
        i18n::set(Language::English);
    }
}
