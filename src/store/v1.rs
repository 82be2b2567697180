//! Format version 1, as the first release wrote it. Kept so those files still
//! open: they are read into these types and converted, never guessed at.

use serde::Deserialize;

use super::v3::MotV3;
use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, Group, Mot, Participant, Session, Stage, Thresholds,
};

/// A version 1 session. Groups, participants and dots have not changed
/// since, so they are shared with the current model; a later change to one of
/// them must copy its version 1 shape in here first. MOTs are read as
/// version 3 wrote them, the same shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV1 {
    version: u32,
    title: String,
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

impl From<SessionV1> for Session {
    fn from(v1: SessionV1) -> Session {
        debug_assert_eq!(v1.version, 1);
        // Version 1 did not remember the stage; it opened at Setup for an
        // empty session and at Write otherwise, so keep doing that.
        let stage = if v1.mots.is_empty() {
            Stage::Setup
        } else {
            Stage::Write
        };
        Session {
            version: FORMAT_VERSION,
            title: v1.title,
            stage,
            language: None,
            theme: None,
            timeboxes: Vec::new(),
            brand: v1.brand,
            core_message: v1.core_message,
            target_user: v1.target_user,
            focus: v1.focus,
            dot_budget: v1.dot_budget,
            max_dots_per_mot: v1.max_dots_per_mot,
            counting: Counting::Both,
            votes_revealed: v1.votes_revealed,
            show_authors: false,
            circles: Thresholds::default(),
            groups: v1.groups,
            participants: v1.participants,
            mots: v1
                .mots
                .into_iter()
                .map(|m| std::sync::Arc::new(Mot::from(m)))
                .collect(),
            dots: v1.dots,
            drill: Default::default(),
            not_duplicates: Vec::new(),
        }
    }
}
