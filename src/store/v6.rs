//! Format version 6: version 5 plus the session's drill (`drill`: its
//! cards, trios, round, phases and the observers' sheets). As from version
//! 4, every field with an obvious default may be left out, in the drill
//! too: a hand-written drill of a few trios opens. An MOT is version 4's
//! plus where it came from (`origin`, a drill's round and step only), its
//! own shape here so version 4 and 5 files still refuse `origin`. Kept so
//! these files still open: they are read into these types and converted.

use serde::Deserialize;

use super::v4::{
    WrittenMot, default_dot_budget, default_max_dots_per_mot, groups_and_mots, present,
};
use crate::model::drill::BehaviourStep;
use crate::model::drill::plan::Drill;
use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, Golden, Group, Hands, Language, ModelError, Mot,
    MotId, MotOrigin, Motx, Participant, Quality, Session, Stage, Theme, Thresholds, Timebox,
};

/// Where a MOT came from, as version 6 knew it: a drill only. Its own type
/// so a version 6 file that names a later source is refused, not read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "MotOrigin")]
pub enum MotOriginV6 {
    /// A comment on an observer's sheet.
    Drill {
        /// The round, from 0.
        round: u32,
        /// The behaviour step.
        step: BehaviourStep,
    },
}

impl From<MotOriginV6> for MotOrigin {
    fn from(o: MotOriginV6) -> MotOrigin {
        match o {
            MotOriginV6::Drill { round, step } => MotOrigin::Drill { round, step },
        }
    }
}

/// An MOT as version 6 wrote it: version 4's fields, with the same
/// defaults, and `origin`, left out for a MOT typed in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Mot")]
pub struct MotV6 {
    #[serde(default, deserialize_with = "present")]
    id: Option<MotId>,
    #[serde(default)]
    who: String,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    feeling: String,
    #[serde(default)]
    dimension: Option<Dimension>,
    #[serde(default)]
    qualities: Vec<Quality>,
    #[serde(default)]
    hands: Vec<Hands>,
    #[serde(default)]
    golden: Option<Golden>,
    #[serde(default)]
    carries_message: bool,
    #[serde(default)]
    we_do_well: Option<u8>,
    #[serde(default)]
    competitors_poor: Option<u8>,
    #[serde(default)]
    chosen: bool,
    #[serde(default)]
    motx: Motx,
    #[serde(default)]
    origin: Option<MotOriginV6>,
}

impl WrittenMot for MotV6 {
    fn written_id(&self) -> Option<MotId> {
        self.id
    }

    fn into_mot(self, id: MotId) -> Mot {
        Mot {
            id,
            who: self.who,
            situation: self.situation,
            feeling: self.feeling,
            dimension: self.dimension,
            qualities: self.qualities,
            hands: self.hands,
            golden: self.golden,
            carries_message: self.carries_message,
            we_do_well: self.we_do_well,
            competitors_poor: self.competitors_poor,
            chosen: self.chosen,
            motx: self.motx,
            origin: self.origin.map(MotOrigin::from),
            author: None,
            notes: Vec::new(),
        }
    }
}

/// A version 6 session. Only `version` and `title` must be written; groups,
/// participants, dots, timeboxes and the drill are shared with the current
/// model, and a later change to one of them must copy its version 6 shape
/// in here first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV6 {
    version: u32,
    title: String,
    #[serde(default)]
    stage: Stage,
    #[serde(default)]
    language: Option<Language>,
    #[serde(default)]
    theme: Option<Theme>,
    #[serde(default)]
    timeboxes: Vec<Timebox>,
    #[serde(default)]
    brand: String,
    #[serde(default)]
    core_message: String,
    #[serde(default)]
    target_user: String,
    #[serde(default)]
    focus: Option<Dimension>,
    #[serde(default = "default_dot_budget")]
    dot_budget: u32,
    #[serde(default = "default_max_dots_per_mot")]
    max_dots_per_mot: u32,
    #[serde(default)]
    counting: Counting,
    #[serde(default)]
    votes_revealed: bool,
    #[serde(default)]
    circles: Thresholds,
    /// Left out: the default groups (an empty list stays empty).
    #[serde(default, deserialize_with = "present")]
    groups: Option<Vec<Group>>,
    #[serde(default)]
    participants: Vec<Participant>,
    #[serde(default)]
    mots: Vec<MotV6>,
    #[serde(default)]
    dots: Vec<Dots>,
    /// Left out: no drill yet.
    #[serde(default)]
    drill: Drill,
}

impl SessionV6 {
    /// The session in the current format, with no merged notes or
    /// dismissed duplicates (version 6 had none) and what the file left out
    /// filled in (see [`groups_and_mots`]).
    pub fn into_session(self) -> Result<Session, ModelError> {
        debug_assert_eq!(self.version, 6);
        let (groups, mots) = groups_and_mots(self.language, self.groups, self.mots)?;
        Ok(Session {
            version: FORMAT_VERSION,
            title: self.title,
            stage: self.stage,
            language: self.language,
            theme: self.theme,
            timeboxes: self.timeboxes,
            brand: self.brand,
            core_message: self.core_message,
            target_user: self.target_user,
            focus: self.focus,
            dot_budget: self.dot_budget,
            max_dots_per_mot: self.max_dots_per_mot,
            counting: self.counting,
            votes_revealed: self.votes_revealed,
            show_authors: false,
            circles: self.circles,
            groups,
            participants: self.participants,
            mots,
            dots: self.dots,
            drill: self.drill,
            not_duplicates: Vec::new(),
        })
    }
}
