//! Format version 4: version 3 plus what Choose keeps (per MOT the choice,
//! the golden moment, the message check, the two ratings and the MOTX; per
//! session the circles). Kept so those files still open: they are read into
//! these types and converted. Every field with an obvious default may be
//! left out, so a file written by hand with a title and a list of MOTs
//! opens: the MOTs are numbered in order and the session gets the default
//! groups. Its MOT is also that of version 5.

use std::sync::Arc;

use serde::Deserialize;

use crate::model::session::{DEFAULT_DOT_BUDGET, DEFAULT_MAX_DOTS_PER_MOT, default_groups};
use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, FieldPath, Golden, Group, Hands, Language,
    ModelError, Mot, MotId, Motx, Participant, Quality, Session, Stage, Theme, Thresholds, Timebox,
};
use crate::tr;

/// A field written as its plain value (`id: 7`, `groups: [...]`) whose
/// absence the reader must tell apart from any value.
pub fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

pub(super) fn default_dot_budget() -> u32 {
    DEFAULT_DOT_BUDGET
}

pub(super) fn default_max_dots_per_mot() -> u32 {
    DEFAULT_MAX_DOTS_PER_MOT
}

/// An MOT as version 4 writes it; everything but its three elements may be
/// left out, its id too when no MOT of the file has one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Mot")]
pub struct MotV4 {
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
}

/// An MOT as some version writes it: what [`groups_and_mots`] needs to
/// number it and make it a current one.
pub(super) trait WrittenMot {
    /// The id the file gave it, if any.
    fn written_id(&self) -> Option<MotId>;
    /// The MOT, with the id the file gave or the one it gets in order.
    fn into_mot(self, id: MotId) -> Mot;
}

impl WrittenMot for MotV4 {
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
            // Version 4 and 5 files say nothing of where a MOT came from.
            origin: None,
            author: None,
            notes: Vec::new(),
        }
    }
}

/// A version 4 session. Only `version` and `title` must be written; groups,
/// participants, dots and timeboxes have not changed since, so they are
/// shared with the current model; a later change to one of them must copy
/// its version 4 shape in here first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV4 {
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

/// The ids of MOTs read from a file: as written, or 1, 2, 3... in file
/// order when none is written. A file where some have one and others not is
/// refused at the first without: numbering around the written ones would
/// guess which MOT the file's dots mean.
pub fn ids_in_order(written: &[Option<MotId>]) -> Result<Vec<MotId>, ModelError> {
    if written.iter().all(Option::is_none) {
        // A session holds far fewer MOTs than a u32 counts.
        return Ok((1..).take(written.len()).collect());
    }
    written
        .iter()
        .enumerate()
        .map(|(i, id)| {
            id.ok_or_else(|| ModelError::Invalid {
                path: FieldPath::field("mots").at(i),
                message: tr!("store.format.mot_without_id", n = i + 1),
            })
        })
        .collect()
}

/// The groups (the default ones, named in the session's language or else
/// the one on show, when the file leaves them out) and the MOTs with their
/// ids, as every reader from version 4 on makes them.
pub(super) fn groups_and_mots<M: WrittenMot>(
    language: Option<Language>,
    groups: Option<Vec<Group>>,
    mots: Vec<M>,
) -> Result<(Vec<Group>, Vec<Arc<Mot>>), ModelError> {
    let written: Vec<Option<MotId>> = mots.iter().map(WrittenMot::written_id).collect();
    let ids = ids_in_order(&written)?;
    let lang = language.unwrap_or_else(crate::i18n::current);
    let mots = mots
        .into_iter()
        .zip(ids)
        .map(|(m, id)| Arc::new(m.into_mot(id)))
        .collect();
    Ok((groups.unwrap_or_else(|| default_groups(lang)), mots))
}

impl SessionV4 {
    /// The session in the current format, counting dots and hands as
    /// version 4 did. Left-out groups are the default ones, named in the
    /// session's language, else in the language on show.
    pub fn into_session(self) -> Result<Session, ModelError> {
        debug_assert_eq!(self.version, 4);
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
            counting: Counting::Both,
            votes_revealed: self.votes_revealed,
            show_authors: false,
            circles: self.circles,
            groups,
            participants: self.participants,
            mots,
            dots: self.dots,
            drill: Default::default(),
            not_duplicates: Vec::new(),
        })
    }
}
