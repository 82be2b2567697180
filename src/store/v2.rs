//! Format version 2: version 1 plus the stage the room was on. Kept so those
//! files still open: they are read into these types and converted.

use serde::Deserialize;

use super::v3::MotV3;
use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, Group, Mot, Participant, Session, Stage, Thresholds,
};

/// A version 2 session. Groups, participants and dots have not changed
/// since, so they are shared with the current model; a later change to one of
/// them must copy its version 2 shape in here first. MOTs are read as
/// version 3 wrote them, the same shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV2 {
    version: u32,
    title: String,
    stage: Stage,
    brand: String,
    core_message: String,
    target_user: String,
    focus: Option<Dimension>,
    dot_budget: u32,
    max_dots_per_mot: u32,
    votes_revealed: bool,
    groups: Vec<Group>,
    participants: Vec<Participant>,
    mots: Vec<MotV3>,
    dots: Vec<Dots>,
}

impl From<SessionV2> for Session {
    fn from(v2: SessionV2) -> Session {
        debug_assert_eq!(v2.version, 2);
        // Version 2 remembered no language, theme or timeboxes: the command
        // line and the locale choose, and every stage gets its default time.
        Session {
            version: FORMAT_VERSION,
            title: v2.title,
            stage: v2.stage,
            language: None,
            theme: None,
            timeboxes: Vec::new(),
            brand: v2.brand,
            core_message: v2.core_message,
            target_user: v2.target_user,
            focus: v2.focus,
            dot_budget: v2.dot_budget,
            max_dots_per_mot: v2.max_dots_per_mot,
            counting: Counting::Both,
            votes_revealed: v2.votes_revealed,
            show_authors: false,
            circles: Thresholds::default(),
            groups: v2.groups,
            participants: v2.participants,
            mots: v2
                .mots
                .into_iter()
                .map(|m| std::sync::Arc::new(Mot::from(m)))
                .collect(),
            dots: v2.dots,
            drill: Default::default(),
            not_duplicates: Vec::new(),
        }
    }
}
