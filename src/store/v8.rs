//! Format version 8, the current one: version 7 plus what participants'
//! phones bring. A MOT's `origin` may also be a participant's phone
//! (`Phone`), a MOT keeps the name of who sent it (`author`), and the
//! session says whether the room sees those names (`show_authors`). As from
//! version 4, every field with an obvious default may be left out. When a
//! later version changes the session, this reader stays as it is and gets a
//! conversion, as the older ones have.

use serde::Deserialize;

use super::v4::{
    WrittenMot, default_dot_budget, default_max_dots_per_mot, groups_and_mots, present,
};
use crate::model::drill::plan::Drill;
use crate::model::{
    Counting, Dimension, Dots, Golden, Group, Hands, Language, ModelError, Mot, MotId, MotNote,
    MotOrigin, Motx, Participant, Quality, Session, Stage, Theme, Thresholds, Timebox,
};

/// An MOT as version 8 writes it: version 4's fields, with the same
/// defaults, `origin`, left out for a MOT typed in, `author`, left out for a
/// MOT no phone sent, and `notes`, left out when nothing was merged into it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Mot")]
pub struct MotV8 {
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
    origin: Option<MotOrigin>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    notes: Vec<MotNote>,
}

impl WrittenMot for MotV8 {
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
            origin: self.origin,
            author: self.author,
            notes: self.notes,
        }
    }
}

/// A version 8 session. Only `version` and `title` must be written; groups,
/// participants, dots, timeboxes and the drill are shared with the current
/// model, and a later change to one of them must copy its version 8 shape
/// in here first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV8 {
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
    /// Left out: names not shown.
    #[serde(default)]
    show_authors: bool,
    #[serde(default)]
    circles: Thresholds,
    /// Left out: the default groups (an empty list stays empty).
    #[serde(default, deserialize_with = "present")]
    groups: Option<Vec<Group>>,
    #[serde(default)]
    participants: Vec<Participant>,
    #[serde(default)]
    mots: Vec<MotV8>,
    #[serde(default)]
    dots: Vec<Dots>,
    /// Left out: no drill yet.
    #[serde(default)]
    drill: Drill,
    /// Left out: no pair dismissed.
    #[serde(default)]
    not_duplicates: Vec<(MotId, MotId)>,
}

impl SessionV8 {
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
            show_authors: self.show_authors,
            circles: self.circles,
            groups,
            participants: self.participants,
            mots,
            dots: self.dots,
            drill: self.drill,
            not_duplicates: self.not_duplicates,
        })
    }
}
