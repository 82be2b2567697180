//! Format version 7: version 6 plus what getting work in and out of a
//! session records. A MOT's `origin` may also be a line of an imported file
//! or a breakout's session, a MOT keeps the texts of the duplicates merged
//! into it (`notes`), and the session the pairs the room said are not
//! duplicates (`not_duplicates`). As from version 4, every field with an
//! obvious default may be left out. Its origin is its own shape here (a
//! drill, an import, a breakout; no phone), so a version 7 file that names
//! what version 8 added is refused, not read. Kept so these files still
//! open: they are read into these types and converted.

use serde::Deserialize;

use super::v4::{
    WrittenMot, default_dot_budget, default_max_dots_per_mot, groups_and_mots, present,
};
use crate::model::drill::BehaviourStep;
use crate::model::drill::plan::Drill;
use crate::model::{
    Counting, Dimension, Dots, FORMAT_VERSION, Golden, Group, Hands, Language, ModelError, Mot,
    MotId, MotNote, MotOrigin, Motx, Participant, Quality, Session, Stage, Theme, Thresholds,
    Timebox,
};

/// Where a MOT came from, as version 7 knew it: a drill, an imported file
/// or a breakout. Its own type so a version 7 file that names a later
/// source (a phone) is refused, not read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "MotOrigin")]
pub enum MotOriginV7 {
    /// A comment on an observer's sheet.
    Drill {
        /// The round, from 0.
        round: u32,
        /// The behaviour step.
        step: BehaviourStep,
    },
    /// A line of an imported file.
    Import {
        /// The file's name, without its folder.
        file: String,
        /// The line, from 1.
        line: u32,
    },
    /// A breakout's session merged in.
    Breakout {
        /// The breakout session's title.
        session: String,
        /// Where it came from within that session.
        #[serde(default)]
        from: Option<Box<MotOriginV7>>,
    },
}

impl From<MotOriginV7> for MotOrigin {
    fn from(o: MotOriginV7) -> MotOrigin {
        match o {
            MotOriginV7::Drill { round, step } => MotOrigin::Drill { round, step },
            MotOriginV7::Import { file, line } => MotOrigin::Import { file, line },
            MotOriginV7::Breakout { session, from } => MotOrigin::Breakout {
                session,
                from: from.map(|inner| Box::new(MotOrigin::from(*inner))),
            },
        }
    }
}

/// The text of a duplicate merged into a MOT, as version 7 wrote it: its
/// origin of version 7's shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "MotNote")]
pub struct MotNoteV7 {
    #[serde(default)]
    who: String,
    #[serde(default)]
    situation: String,
    #[serde(default)]
    feeling: String,
    #[serde(default)]
    origin: Option<MotOriginV7>,
}

impl From<MotNoteV7> for MotNote {
    fn from(n: MotNoteV7) -> MotNote {
        MotNote {
            who: n.who,
            situation: n.situation,
            feeling: n.feeling,
            origin: n.origin.map(MotOrigin::from),
        }
    }
}

/// An MOT as version 7 wrote it: version 4's fields, with the same
/// defaults, `origin`, left out for a MOT typed in, and `notes`, left out when
/// nothing was merged into it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Mot")]
pub struct MotV7 {
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
    origin: Option<MotOriginV7>,
    #[serde(default)]
    notes: Vec<MotNoteV7>,
}

impl WrittenMot for MotV7 {
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
            // Version 7 had no phones, so no MOT has an author.
            author: None,
            notes: self.notes.into_iter().map(MotNote::from).collect(),
        }
    }
}

/// A version 7 session. Only `version` and `title` must be written; groups,
/// participants, dots, timeboxes and the drill are shared with the current
/// model, and a later change to one of them must copy its version 7 shape
/// in here first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Session")]
pub struct SessionV7 {
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
    mots: Vec<MotV7>,
    #[serde(default)]
    dots: Vec<Dots>,
    /// Left out: no drill yet.
    #[serde(default)]
    drill: Drill,
    /// Left out: no pair dismissed.
    #[serde(default)]
    not_duplicates: Vec<(MotId, MotId)>,
}

impl SessionV7 {
    /// The session in the current format, with no authors and authors not
    /// shown (version 7 had no phones) and what the file left out filled in
    /// (see [`groups_and_mots`]).
    pub fn into_session(self) -> Result<Session, ModelError> {
        debug_assert_eq!(self.version, 7);
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
            not_duplicates: self.not_duplicates,
        })
    }
}
