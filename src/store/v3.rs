//! Format version 3: version 2 plus the language, the theme and the
//! timeboxes. Kept so those files still open: they are read into these types
//! and converted. Its MOT is the MOT of versions 1 to 3, before Choose.

use serde::Deserialize;

use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, Group, Hands, Language, Mot, MotId, Participant,
    Quality, Session, Stage, Theme, Thresholds, Timebox,
};

/// An MOT as versions 1 to 3 wrote it: the three elements, tags and hands.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Mot")]
pub struct MotV3 {
    id: MotId,
    who: String,
    situation: String,
    feeling: String,
    dimension: Option<Dimension>,
    qualities: Vec<Quality>,
    hands: Vec<Hands>,
}

impl From<MotV3> for Mot {
    fn from(m: MotV3) -> Mot {
        // Nothing was chosen, rated or marked before the Choose stage, nor
        // drilled before the Drill stage.
        Mot {
            id: m.id,
            who: m.who,
            situation: m.situation,
            feeling: m.feeling,
            dimension: m.dimension,
            qualities: m.qualities,
            hands: m.hands,
            golden: None,
            carries_message: false,
            we_do_well: None,
            competitors_poor: None,
            chosen: false,
            motx: Default::default(),
            origin: None,
            author: None,
            notes: Vec::new(),
        }
    }
}

/// A version 3 session. Groups, participants, dots and timeboxes have not
/// changed since, so they are shared with the current model; a later change
/// to one of them must copy its version 3 shape in here first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV3 {
    version: u32,
    title: String,
    stage: Stage,
    language: Option<Language>,
    theme: Option<Theme>,
    timeboxes: Vec<Timebox>,
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

impl From<SessionV3> for Session {
    fn from(v3: SessionV3) -> Session {
        debug_assert_eq!(v3.version, 3);
        Session {
            version: FORMAT_VERSION,
            title: v3.title,
            stage: v3.stage,
            language: v3.language,
            theme: v3.theme,
            timeboxes: v3.timeboxes,
            brand: v3.brand,
            core_message: v3.core_message,
            target_user: v3.target_user,
            focus: v3.focus,
            dot_budget: v3.dot_budget,
            max_dots_per_mot: v3.max_dots_per_mot,
            counting: Counting::Both,
            votes_revealed: v3.votes_revealed,
            show_authors: false,
            circles: Thresholds::default(),
            groups: v3.groups,
            participants: v3.participants,
            mots: v3
                .mots
                .into_iter()
                .map(|m| std::sync::Arc::new(Mot::from(m)))
                .collect(),
            dots: v3.dots,
            drill: Default::default(),
            not_duplicates: Vec::new(),
        }
    }
}
