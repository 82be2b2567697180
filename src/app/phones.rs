//! The room's phones as the app knows them: which phone holds which
//! participant, who joined from a phone, which MOTs came from phones, and
//! what a phone asks. No network here: the server turns requests into
//! [`PhoneAction`]s and `update` applies them like keys.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{GroupId, ModelError, MotId, MotText, ParticipantId, limits};
use crate::tr;

/// A phone in the room, as the server numbers it (never saved: session
/// files get mailed, and a device id is the phone's key to its dots).
pub type DeviceId = u32;

pub use crate::model::limits::{
    MAX_PHONE_MOTS_PER_MINUTE, MAX_PHONE_REQUEST_BYTES, MAX_PHONE_TEXT_CHARS, MAX_PHONES,
};

/// What one phone asks of the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneAction {
    /// The phone that asks.
    pub device: DeviceId,
    /// What it asks.
    pub ask: PhoneAsk,
}

/// Everything a phone may ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneAsk {
    /// "I am this participant."
    Claim(ParticipantId),
    /// "I am new: this name, in this respondent group."
    Join {
        /// The name the room will know them by.
        name: String,
        /// Their respondent group.
        group: GroupId,
    },
    /// "I am not that participant" (a wrong name): the phone lets go.
    Leave,
    /// A MOT written on the phone.
    Write(MotText),
    /// This participant's dots on one MOT, as a count.
    SetDots {
        /// The MOT.
        mot: MotId,
        /// How many of their dots it should carry.
        count: u32,
    },
}

/// What the session did with a phone's ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneReply {
    /// The phone now holds this participant.
    Claimed(ParticipantId),
    /// The phone holds nobody now.
    Left,
    /// The MOT was added with this id.
    Wrote(MotId),
    /// The dots now on the MOT, and the dots left to spend.
    Dots {
        /// Dots on the MOT.
        count: u32,
        /// Dots the participant has left.
        left: u32,
    },
}

/// Why a phone's ask was refused; said to the phone in its own language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The room is closed (or the session cannot be changed here).
    Closed,
    /// Another phone holds that participant.
    Taken,
    /// That participant has voted already; only the facilitator frees the name.
    Voted,
    /// Someone on the list has that name already.
    SameName,
    /// The phone must pick its name first.
    NoName,
    /// The room is not voting with dots now.
    NotVoting,
    /// The votes are revealed: dots no longer change.
    Revealed,
    /// A name or a MOT with nothing in it.
    Empty,
    /// A field longer than a phone may send.
    TooLong,
    /// The session refused it (an unknown participant, the budget, the cap).
    Model(ModelError),
}

impl Refusal {
    /// The refusal as the phone reads it, in the language on show.
    pub fn message(&self) -> String {
        match self {
            Refusal::Closed => tr!("phones.refused.closed").into(),
            Refusal::Taken => tr!("phones.refused.taken").into(),
            Refusal::Voted => tr!("phones.refused.voted").into(),
            Refusal::SameName => tr!("phones.refused.same_name").into(),
            Refusal::NoName => tr!("phones.refused.no_name").into(),
            Refusal::NotVoting => tr!("phones.refused.not_voting").into(),
            Refusal::Revealed => tr!("phones.refused.revealed").into(),
            Refusal::Empty => tr!("phones.refused.empty").into(),
            Refusal::TooLong => tr!(
                "phones.refused.too_long",
                max = limits::grouped(MAX_PHONE_TEXT_CHARS as u64)
            ),
            Refusal::Model(e) => e.to_string(),
        }
    }
}

/// The phones as the app keeps them while the session is open.
#[derive(Debug, Default)]
pub struct Phones {
    /// Whether the room is open (the shell sets it once the server listens).
    pub open: bool,
    /// Where phones reach the room, once it is open.
    pub address: Option<RoomAddress>,
    /// Which phone holds which participant.
    pub claims: BTreeMap<ParticipantId, DeviceId>,
    /// Participants who added themselves from a phone (the facilitator
    /// checks their group).
    pub newcomers: BTreeSet<ParticipantId>,
    /// Participants with dots the facilitator freed for a phone to pick
    /// (a lost phone): a name with dots is not picked otherwise, so no phone
    /// reads or changes another person's vote by picking their name.
    pub freed: BTreeSet<ParticipantId>,
    /// MOTs that came from phones while the session was open, with the phone.
    pub arrived: Vec<(MotId, DeviceId)>,
    /// The answer to the phone action just applied (the shell takes it).
    pub answer: Option<Result<PhoneReply, Refusal>>,
    /// The room screen, while it is on show.
    pub screen: Option<RoomScreen>,
    /// Goes up with every change of the session or of the phones, so the
    /// shell shows phones a new picture only then.
    pub revision: u64,
    /// The revision and language of the picture phones last got.
    pub published: Option<(u64, crate::i18n::Language)>,
}

/// Where phones reach the room.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomAddress {
    /// The address the QR code carries (with the room's token).
    pub link: String,
    /// The address to type by hand, without the token.
    pub short: String,
    /// The room code for the address typed by hand, as shown ("K7Q D4M").
    pub code: String,
    /// Other addresses of this laptop that phones may reach it at.
    pub others: Vec<String>,
    /// What the server listens on, as the facilitator asked or it chose.
    pub listening: String,
    /// A warning to show with the address (no network, a port taken).
    pub warning: Option<String>,
}

/// The room screen's own state.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct RoomScreen {
    /// Selected row of the participants.
    pub selected: usize,
    /// First visible row (a drawing cache).
    pub scroll: std::cell::Cell<usize>,
}

impl Phones {
    /// The phone holding a participant, if any.
    pub fn holder(&self, participant: ParticipantId) -> Option<DeviceId> {
        self.claims.get(&participant).copied()
    }

    /// The participant a phone holds, if any.
    pub fn held_by(&self, device: DeviceId) -> Option<ParticipantId> {
        self.claims
            .iter()
            .find(|(_, d)| **d == device)
            .map(|(p, _)| *p)
    }

    /// How many phones hold a participant.
    pub fn count(&self) -> usize {
        self.claims.len()
    }

    /// MOTs sent from this phone, oldest first.
    pub fn sent_by(&self, device: DeviceId) -> impl Iterator<Item = MotId> + '_ {
        self.arrived
            .iter()
            .filter(move |(_, d)| *d == device)
            .map(|(m, _)| *m)
    }
}
