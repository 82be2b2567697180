//! The picture of the session the server answers phones from, made by the
//! loop after each change. It holds everyone's dots, because the server
//! must know each phone's own; the server only ever hands a phone its own
//! (never anyone else's, never the totals).

use std::sync::Arc;

use crate::app::phones::{DeviceId, Phones};
use crate::i18n::Language;
use crate::model::{Dots, GroupId, Mot, MotId, ParticipantId, Session, Stage};

/// What the phones may be shown, and what the server checks them against.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Snapshot {
    /// The session's title.
    pub title: String,
    /// The stage the room is on.
    pub stage: Stage,
    /// The language the room speaks (a phone may choose another).
    pub language: Language,
    /// Whether dots are counted (not only hands).
    pub dots_counted: bool,
    /// Whether the totals are revealed (dots no longer change).
    pub revealed: bool,
    /// Dots each participant may spend.
    pub budget: u32,
    /// Most dots on one MOT from one participant.
    pub cap: u32,
    /// Respondent groups: id and name.
    pub groups: Vec<(GroupId, String)>,
    /// Participants, with the phone holding each.
    pub people: Vec<Person>,
    /// The MOTs (shared with the session: copying them copies pointers).
    pub mots: Vec<Arc<Mot>>,
    /// Everyone's dots: the server hands each phone only its own.
    pub dots: Vec<Dots>,
    /// MOTs sent from phones, with the phone that sent each.
    pub sent: Vec<(MotId, DeviceId)>,
}

/// A participant as phones see the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The participant's id.
    pub id: ParticipantId,
    /// Their name.
    pub name: String,
    /// Their respondent group.
    pub group: GroupId,
    /// The phone holding them, if one does.
    pub phone: Option<DeviceId>,
}

impl Snapshot {
    /// The picture of `session` with its phones, in the room's `language`.
    pub fn of(session: &Session, phones: &Phones, language: Language) -> Snapshot {
        Snapshot {
            title: session.title.clone(),
            stage: session.stage,
            language,
            dots_counted: session.counting.dots(),
            revealed: session.votes_revealed,
            budget: session.dot_budget,
            cap: session.max_dots_per_mot,
            groups: session
                .groups
                .iter()
                .map(|g| (g.id, g.name.clone()))
                .collect(),
            people: session
                .participants
                .iter()
                .map(|p| Person {
                    id: p.id,
                    name: p.name.clone(),
                    group: p.group,
                    phone: phones.holder(p.id),
                })
                .collect(),
            mots: session.mots.clone(),
            dots: session.dots.clone(),
            sent: phones.arrived.clone(),
        }
    }

    /// The participant a phone holds.
    pub fn person_of(&self, device: DeviceId) -> Option<&Person> {
        self.people.iter().find(|p| p.phone == Some(device))
    }

    /// A participant's dots on each MOT they put any on.
    pub fn dots_of(&self, participant: ParticipantId) -> impl Iterator<Item = &Dots> {
        self.dots
            .iter()
            .filter(move |d| d.participant == participant)
    }

    /// Dots a participant has spent.
    pub fn spent(&self, participant: ParticipantId) -> u32 {
        self.dots_of(participant)
            .fold(0u32, |sum, d| sum.saturating_add(d.count))
    }

    /// How many participants have placed a dot, of how many: all the wall
    /// and the phones learn of the vote while it is blind.
    pub fn voted(&self) -> (usize, usize) {
        let with_dots: std::collections::HashSet<ParticipantId> = self
            .dots
            .iter()
            .filter(|d| d.count > 0)
            .map(|d| d.participant)
            .collect();
        let voted = self
            .people
            .iter()
            .filter(|p| with_dots.contains(&p.id))
            .count();
        (voted, self.people.len())
    }

    /// The group's name.
    pub fn group_name(&self, id: GroupId) -> &str {
        self.groups
            .iter()
            .find(|(g, _)| *g == id)
            .map_or("", |(_, n)| n.as_str())
    }
}
