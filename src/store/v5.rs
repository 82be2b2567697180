//! Format version 5: version 4 plus what the score counts (`counting`:
//! dots, hands or both). Kept so those files still open: they are read into
//! these types and converted. As in version 4, every field with an obvious
//! default may be left out; MOTs are read as version 4 wrote them, the same
//! shape. Its session is also version 6's but for the drill.

use serde::Deserialize;

use super::v4::{MotV4, default_dot_budget, default_max_dots_per_mot, groups_and_mots, present};
use crate::model::drill::plan::Drill;
use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, Group, Language, ModelError, Participant, Session,
    Stage, Theme, Thresholds, Timebox,
};

/// A version 5 session. Only `version` and `title` must be written; groups,
/// participants, dots and timeboxes have not changed since, so they are
/// shared with the current model; a later change to one of them must copy
/// its version 5 shape in here first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV5 {
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
}

impl SessionV5 {
    /// The session in the current format, with no drill yet (version 5
    /// had none) and what the file left out filled in (see
    /// [`groups_and_mots`]).
    pub fn into_session(self) -> Result<Session, ModelError> {
        debug_assert_eq!(self.version, 5);
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
            drill: Drill::default(),
            not_duplicates: Vec::new(),
        })
    }
}
