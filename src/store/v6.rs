//! Format version 6, the current one: version 5 plus the session's drill
//! (`drill`: its cards, trios, round, phases and the observers' sheets). As
//! from version 4, every field with an obvious default may be left out, in
//! the drill too: a hand-written drill of a few trios opens. MOTs are read
//! as version 4 wrote them, the same shape. When a later version changes
//! the session, this reader stays as it is and gets a conversion, as the
//! older ones have.

use serde::Deserialize;

use super::v4::{MotV4, default_dot_budget, default_max_dots_per_mot, groups_and_mots, present};
use crate::model::drill::plan::Drill;
use crate::model::{
    Counting, Dimension, Dots, Group, Language, ModelError, Participant, Session, Stage, Theme,
    Thresholds, Timebox,
};

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
    mots: Vec<MotV4>,
    #[serde(default)]
    dots: Vec<Dots>,
    /// Left out: no drill yet.
    #[serde(default)]
    drill: Drill,
}

impl SessionV6 {
    /// The session, with what the file left out filled in (see
    /// [`groups_and_mots`]).
    pub fn into_session(self) -> Result<Session, ModelError> {
        let (groups, mots) = groups_and_mots(self.language, self.groups, self.mots)?;
        Ok(Session {
            // As written: the caller refuses a file whose parsed version is
            // not the one its peek saw.
            version: self.version,
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
            circles: self.circles,
            groups,
            participants: self.participants,
            mots,
            dots: self.dots,
            drill: self.drill,
        })
    }
}
