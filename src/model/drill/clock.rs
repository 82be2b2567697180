//! The round's phases and how long each lasts: read the card, play the
//! scene, give feedback. The clock itself (instants, the bell) is the app's.

use serde::{Deserialize, Serialize};

use crate::tr;

/// One phase of a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Phase {
    /// Everyone reads their brief.
    #[default]
    Read,
    /// The customer and the staff member play the scene.
    Play,
    /// The observer gives feedback from the sheet.
    Feedback,
}

impl Phase {
    /// The three, in the order a round runs.
    pub const ALL: [Phase; 3] = [Phase::Read, Phase::Play, Phase::Feedback];

    /// Position in [`Phase::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The phase after this one; none after feedback (the round is over).
    pub fn next(self) -> Option<Phase> {
        Phase::ALL.get(self.index() + 1).copied()
    }

    /// Name shown in the interface, in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Read => tr!("model.drill.phase.read"),
            Phase::Play => tr!("model.drill.phase.play"),
            Phase::Feedback => tr!("model.drill.phase.feedback"),
        }
    }
}

/// The shortest and longest a phase may last, in seconds.
pub const PHASE_SECONDS: std::ops::RangeInclusive<u32> = 30..=3600;

/// How far one press moves a phase's length, in seconds.
pub const PHASE_STEP: u32 = 30;

/// How long each phase lasts, in seconds. A phase left out of a file
/// keeps its default length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Phases {
    /// Reading the briefs.
    pub read: u32,
    /// Playing the scene.
    pub play: u32,
    /// Feedback.
    pub feedback: u32,
}

impl Default for Phases {
    /// Two minutes to read, five to play, three for feedback: ten a round,
    /// thirty for a trio's cycle, as a one-day course runs them.
    fn default() -> Phases {
        Phases {
            read: 120,
            play: 300,
            feedback: 180,
        }
    }
}

impl Phases {
    /// A phase's length in seconds.
    pub fn seconds(&self, phase: Phase) -> u32 {
        match phase {
            Phase::Read => self.read,
            Phase::Play => self.play,
            Phase::Feedback => self.feedback,
        }
    }

    /// Lengthens (`longer`) or shortens a phase by one step, within
    /// [`PHASE_SECONDS`].
    pub fn step(&mut self, phase: Phase, longer: bool) {
        let now = self.seconds(phase);
        let next = if longer {
            now.saturating_add(PHASE_STEP)
        } else {
            now.saturating_sub(PHASE_STEP)
        }
        .clamp(*PHASE_SECONDS.start(), *PHASE_SECONDS.end());
        match phase {
            Phase::Read => self.read = next,
            Phase::Play => self.play = next,
            Phase::Feedback => self.feedback = next,
        }
    }

    /// Whether every phase is within [`PHASE_SECONDS`] (a file may say otherwise).
    pub fn valid(&self) -> bool {
        Phase::ALL
            .iter()
            .all(|p| PHASE_SECONDS.contains(&self.seconds(*p)))
    }

    /// A whole round, in seconds.
    pub fn round(&self) -> u32 {
        Phase::ALL.iter().map(|p| self.seconds(*p)).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_run_read_play_feedback_then_the_round_ends() {
        assert_eq!(Phase::Read.next(), Some(Phase::Play));
        assert_eq!(Phase::Play.next(), Some(Phase::Feedback));
        assert_eq!(Phase::Feedback.next(), None);
    }

    #[test]
    fn lengths_step_by_half_minutes_within_their_bounds() {
        let mut p = Phases::default();
        assert_eq!(p.round(), 600);
        p.step(Phase::Play, true);
        assert_eq!(p.play, 330);
        for _ in 0..10 {
            p.step(Phase::Read, false);
        }
        assert_eq!(p.read, 30, "never under half a minute");
        for _ in 0..200 {
            p.step(Phase::Feedback, true);
        }
        assert_eq!(p.feedback, 3600, "never over an hour");
        assert!(p.valid());
        p.read = 5;
        assert!(!p.valid());
    }

    #[test]
    fn every_phase_has_a_name_in_every_language() {
        use crate::i18n::{self, Language};
        for lang in Language::ALL {
            i18n::set(lang);
            for p in Phase::ALL {
                assert!(!p.name().starts_with("model."), "{lang:?} {p:?}");
            }
        }
        i18n::set(Language::English);
    }
}
