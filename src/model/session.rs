//! A workshop session: its setup, respondent groups, participants and MOTs.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::choose::{Golden, Motx, Thresholds};
use super::drill::BehaviourStep;
use super::drill::plan::Drill;
use super::limits::{MAX_GROUPS, MAX_MOTS, MAX_PARTICIPANTS, MAX_TEXT_CHARS};
use super::room::{self, Language, MAX_TIMEBOX_MINUTES, Theme, Timebox};
use super::stage::Stage;
use super::taxonomy::{Dimension, Quality};
use super::vote::Counting;

/// For `skip_serializing_if`: a flag that is off is not written.
fn is_false(b: &bool) -> bool {
    !*b
}

/// The format version this build writes; see `store` for how files are read.
pub const FORMAT_VERSION: u32 = 8;

/// Stable identifier of an MOT within a session (shown to the room as "MOT 7").
pub type MotId = u32;
/// Stable identifier of a respondent group within a session.
pub type GroupId = u32;
/// Stable identifier of a participant within a session.
pub type ParticipantId = u32;

/// A whole workshop, as saved in one RON file. It is written from this
/// type and read through the store's reader of each format version, which
/// fills in what a hand-written file leaves out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    /// Format version of the file; always first so a reader sees it at once.
    pub version: u32,
    /// Session title, also the basis of the file name.
    pub title: String,
    /// The stage the room was on at the last save, so reopening returns there.
    pub stage: Stage,
    /// The language the interface spoke when the room last chose one.
    pub language: Option<Language>,
    /// The colours the room last chose.
    pub theme: Option<Theme>,
    /// Minutes per stage the facilitator set; a stage not listed gets its default.
    pub timeboxes: Vec<Timebox>,
    /// The brand the workshop is about.
    pub brand: String,
    /// The brand's one core message (the label customers should carry away).
    pub core_message: String,
    /// Who the target customer is.
    pub target_user: String,
    /// The dimension the business focuses on now, if chosen.
    pub focus: Option<Dimension>,
    /// Dots each participant may spend.
    pub dot_budget: u32,
    /// Most dots one participant may put on one MOT.
    pub max_dots_per_mot: u32,
    /// Which votes the score adds up: dots, hands or both.
    pub counting: Counting,
    /// Whether vote totals are shown to the room (blind until revealed).
    pub votes_revealed: bool,
    /// Whether the room sees who sent a MOT from their phone (off unless
    /// the facilitator turns it on; not written while off).
    #[serde(default, skip_serializing_if = "is_false")]
    pub show_authors: bool,
    /// Where the three circles of Choose start (missing in older files: the defaults).
    pub circles: Thresholds,
    /// Respondent groups, each with its vote weight.
    pub groups: Vec<Group>,
    /// People in the room, each in one group.
    pub participants: Vec<Participant>,
    /// The moments of truth written so far. Each is shared, so a copy of
    /// the session (for undo, for the writer) copies pointers, not texts;
    /// a change goes through [`Arc::make_mut`] and copies only that MOT.
    pub mots: Vec<Arc<Mot>>,
    /// Dots spent by participants.
    pub dots: Vec<Dots>,
    /// The role-play drill: its cards, trios, round, phases and sheets. Not
    /// written while empty, so a session without a drill reads as before.
    #[serde(default, skip_serializing_if = "Drill::is_empty")]
    pub drill: Drill,
    /// Pairs of MOTs the room said are not duplicates (lower id first), so
    /// the review of likely duplicates does not offer them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_duplicates: Vec<(MotId, MotId)>,
}

/// A kind of respondent, whose votes count with a weight.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Stable id referenced by participants and hands.
    pub id: GroupId,
    /// Name shown in the room, e.g. "loves us".
    pub name: String,
    /// Who belongs to it, in a few words.
    #[serde(default)]
    pub description: String,
    /// Multiplier applied to each of this group's votes.
    pub weight: u32,
}

/// A person in the room who votes with dots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Stable id referenced by dots.
    pub id: ParticipantId,
    /// Name as the room knows them.
    pub name: String,
    /// The respondent group their votes count for.
    pub group: GroupId,
}

/// One moment of truth: who, in what situation, felt what; and its tags.
/// What the later stages add is written only once set, so a library of
/// thousands of MOTs reads (and loads) as what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mot {
    /// Stable id, never reused within a session.
    pub id: MotId,
    /// Who the customer is (是谁).
    pub who: String,
    /// The scene, in detail (在什么情况下).
    pub situation: String,
    /// What the customer felt (感觉到了什么).
    pub feeling: String,
    /// The one dimension it belongs to, once tagged.
    pub dimension: Option<Dimension>,
    /// The service qualities it shows, in canonical order, no repeats.
    pub qualities: Vec<Quality>,
    /// Hands raised per respondent group in a show-of-hands vote.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hands: Vec<Hands>,
    /// Peak, low or end (the peak-end rule), if marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub golden: Option<Golden>,
    /// Whether its feeling carries the brand's core message.
    #[serde(skip_serializing_if = "is_false")]
    pub carries_message: bool,
    /// "We can do it well", 1 to 5, once rated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub we_do_well: Option<u8>,
    /// "Competitors do it poorly", 1 to 5, once rated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub competitors_poor: Option<u8>,
    /// Chosen as one of the MOTs that matter.
    #[serde(skip_serializing_if = "is_false")]
    pub chosen: bool,
    /// The designed experience at this moment (written for chosen MOTs).
    #[serde(skip_serializing_if = "Motx::is_empty")]
    pub motx: Motx,
    /// Where it came from, when not typed in Write; a MOT typed in has none,
    /// and none is not written, so files without drills read as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub origin: Option<MotOrigin>,
    /// The name of the participant who sent it from their phone: a name,
    /// not an id, so a merge that renumbers participants or a participant
    /// removed leaves nothing dangling. Shown only when the session's
    /// [`Session::show_authors`] says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The texts of MOTs merged into this one as duplicates, kept so the
    /// room's other wording is never lost.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<MotNote>,
}

/// Where a MOT came from. One typed field for every source, so a later
/// source is one more variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum MotOrigin {
    /// A comment on an observer's sheet in the drill.
    Drill {
        /// The round it was played in, counted from 0 as the drill counts.
        round: u32,
        /// The behaviour step the comment was about.
        step: BehaviourStep,
    },
    /// A line of a file brought in with import (a spreadsheet, a list).
    Import {
        /// The file's name, without its folder (session files get mailed).
        file: String,
        /// The line it was read from, counted from 1.
        line: u32,
    },
    /// A breakout group's session merged into this one.
    Breakout {
        /// The breakout session's title.
        session: String,
        /// Where it came from within that session, if not typed there.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from: Option<Box<MotOrigin>>,
    },
    /// Sent from a participant's phone in the room (who sent it is the
    /// MOT's `author`).
    Phone,
}

impl MotOrigin {
    /// Where the MOT came from, in words of the language on show, as Write,
    /// the editor and the report say it ("From breakout “B” · Imported from
    /// interviews.csv, line 12").
    pub fn words(&self) -> String {
        match self {
            // The room counts rounds from 1; the model from 0.
            MotOrigin::Drill { round, step } => crate::tr!(
                "model.origin.drill",
                round = u64::from(*round) + 1,
                step = step.name()
            ),
            MotOrigin::Import { file, line } => {
                crate::tr!("model.origin.import", file = file, line = line)
            }
            MotOrigin::Breakout { session, from } => {
                let outer = crate::tr!("model.origin.breakout", session = session);
                match from {
                    Some(inner) => {
                        crate::tr!("model.origin.then", outer = outer, inner = inner.words())
                    }
                    None => outer,
                }
            }
            MotOrigin::Phone => crate::tr!("model.origin.phone").to_string(),
        }
    }

    /// The breakout this MOT was merged from, if any (the outermost).
    pub fn breakout(&self) -> Option<&str> {
        match self {
            MotOrigin::Breakout { session, .. } => Some(session),
            _ => None,
        }
    }
}

/// The text of a MOT merged into another as its duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MotNote {
    /// Who, as the merged MOT said it.
    #[serde(default)]
    pub who: String,
    /// Its situation.
    #[serde(default)]
    pub situation: String,
    /// Its feeling.
    #[serde(default)]
    pub feeling: String,
    /// Where the merged MOT came from, if not typed in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<MotOrigin>,
}

/// Hands counted for one MOT in one respondent group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hands {
    /// The group whose hands went up.
    pub group: GroupId,
    /// How many.
    pub count: u32,
}

/// Dots one participant put on one MOT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dots {
    /// Who voted.
    pub participant: ParticipantId,
    /// On which MOT.
    pub mot: MotId,
    /// How many dots (at least one; entries at zero are removed).
    pub count: u32,
}

/// The three elements of an MOT, as typed into the editor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MotText {
    /// Who the customer is.
    pub who: String,
    /// The scene.
    pub situation: String,
    /// What they felt.
    pub feeling: String,
}

/// Default dot budget per participant.
pub const DEFAULT_DOT_BUDGET: u32 = 3;

/// Default cap of dots from one participant on one MOT.
pub const DEFAULT_MAX_DOTS_PER_MOT: u32 = 2;
pub use super::limits::{MAX_DOT_BUDGET, MAX_ID, MAX_WEIGHT};

/// The id after the highest in use; if that would pass [`MAX_ID`] (only a
/// hand-edited file gets there), the lowest free one instead.
fn next_id(ids: impl Iterator<Item = u32> + Clone) -> u32 {
    match ids.clone().max() {
        None => 1,
        Some(max) if max < MAX_ID => max + 1,
        Some(_) => {
            let used: std::collections::HashSet<u32> = ids.collect();
            (1..=MAX_ID).find(|id| !used.contains(id)).unwrap_or(MAX_ID)
        }
    }
}

impl Session {
    /// A new session with the default respondent groups and voting rules;
    /// the groups are named in the language on show, as data of the file.
    pub fn new(title: impl Into<String>) -> Session {
        Session {
            version: FORMAT_VERSION,
            title: title.into(),
            stage: Stage::Setup,
            language: None,
            theme: None,
            timeboxes: Vec::new(),
            brand: String::new(),
            core_message: String::new(),
            target_user: String::new(),
            focus: None,
            dot_budget: DEFAULT_DOT_BUDGET,
            max_dots_per_mot: DEFAULT_MAX_DOTS_PER_MOT,
            counting: Counting::Both,
            votes_revealed: false,
            show_authors: false,
            circles: Thresholds::default(),
            groups: default_groups(crate::i18n::current()),
            participants: Vec::new(),
            mots: Vec::new(),
            dots: Vec::new(),
            drill: Drill::default(),
            not_duplicates: Vec::new(),
        }
    }

    /// Checks what serde cannot: every limit of [`limits`](super::limits),
    /// unique ids and references that resolve. The first problem found is
    /// returned with the path to the offending value. Linear in the size of
    /// the session, so a session at its limits checks in well under a second.
    pub fn validate(&self) -> Result<(), ModelError> {
        super::check::session(self)
    }

    /// The minutes a stage is given.
    pub fn timebox(&self, stage: Stage) -> u32 {
        self.timeboxes
            .iter()
            .find(|t| t.stage == stage)
            .map_or_else(|| room::default_minutes(stage), |t| t.minutes)
    }

    /// Sets the minutes a stage is given, within 1 to [`MAX_TIMEBOX_MINUTES`].
    pub fn set_timebox(&mut self, stage: Stage, minutes: u32) {
        let minutes = minutes.clamp(1, MAX_TIMEBOX_MINUTES);
        match self.timeboxes.iter_mut().find(|t| t.stage == stage) {
            Some(t) => t.minutes = minutes,
            None => {
                self.timeboxes.push(Timebox { stage, minutes });
                self.timeboxes.sort_by_key(|t| t.stage.index());
            }
        }
    }

    /// The group with this id.
    pub fn group(&self, id: GroupId) -> Option<&Group> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The participant with this id.
    pub fn participant(&self, id: ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// The MOT with this id.
    pub fn mot(&self, id: MotId) -> Option<&Mot> {
        super::work::note(super::work::Entry::MotLookup);
        self.position(id).map(|i| &*self.mots[i])
    }

    /// Where the MOT with this id is in [`Session::mots`]. MOTs are added
    /// with rising ids, so a binary search finds nearly every one; a file
    /// that lists them in another order is still searched whole.
    pub fn position(&self, id: MotId) -> Option<usize> {
        match self.mots.binary_search_by_key(&id, |m| m.id) {
            Ok(i) => Some(i),
            Err(_) => self.mots.iter().position(|m| m.id == id),
        }
    }

    /// The MOT with this id, to change: only it is copied when shared.
    pub(crate) fn mot_mut(&mut self, id: MotId) -> Result<&mut Mot, ModelError> {
        let i = self.position(id).ok_or(ModelError::NoSuchMot(id))?;
        Ok(Arc::make_mut(&mut self.mots[i]))
    }

    /// Adds an MOT typed in and returns its new id, or refuses when the
    /// session holds [`MAX_MOTS`] already. The way in for the app.
    pub fn try_add_mot(&mut self, text: MotText) -> Result<MotId, ModelError> {
        self.try_add_mot_from(text, None)
    }

    /// Adds an MOT that came from `origin` (none: typed in) and returns its
    /// new id; refuses when the session holds [`MAX_MOTS`] already or the
    /// origin breaks a rule a file would be refused for. The way in for
    /// every source.
    pub fn try_add_mot_from(
        &mut self,
        text: MotText,
        origin: Option<MotOrigin>,
    ) -> Result<MotId, ModelError> {
        if self.mots.len() >= MAX_MOTS {
            return Err(ModelError::TooManyMots { max: MAX_MOTS });
        }
        if let Some(origin) = &origin {
            // Checked as a file's would be, at the place the MOT will take,
            // so a session that takes it can still be saved.
            let id = next_id(self.mots.iter().map(|m| m.id));
            let at = super::FieldPath::field("mots").at(self.mots.len());
            super::check::origin(origin, id, at)?;
        }
        Ok(self.push_mot(text, origin, None))
    }

    /// Adds a MOT sent from a participant's phone in the room and returns
    /// its new id. `author` is the name they sent it under, cleaned as every
    /// text is (no control characters, within the text limit); blank means
    /// none. Refuses when the session holds [`MAX_MOTS`] already. The way
    /// in for the room's phones.
    pub fn try_add_phone_mot(&mut self, text: MotText, author: &str) -> Result<MotId, ModelError> {
        if self.mots.len() >= MAX_MOTS {
            return Err(ModelError::TooManyMots { max: MAX_MOTS });
        }
        let author = clean_line(author);
        let author = (!author.is_empty()).then_some(author);
        Ok(self.push_mot(text, Some(MotOrigin::Phone), author))
    }

    /// Adds an MOT and returns its new id, whatever the count: for code that
    /// builds sessions it knows are small (tests, examples). Past
    /// [`MAX_MOTS`] the session no longer validates, so it is never saved.
    pub fn add_mot(&mut self, text: MotText) -> MotId {
        self.push_mot(text, None, None)
    }

    /// The one place a new MOT is made: cleaned text, a fresh id, no tags.
    fn push_mot(
        &mut self,
        text: MotText,
        origin: Option<MotOrigin>,
        author: Option<String>,
    ) -> MotId {
        let id = next_id(self.mots.iter().map(|m| m.id));
        self.mots.push(Arc::new(Mot {
            id,
            who: clean_line(&text.who),
            situation: clean_line(&text.situation),
            feeling: clean_line(&text.feeling),
            dimension: None,
            qualities: Vec::new(),
            hands: Vec::new(),
            golden: None,
            carries_message: false,
            we_do_well: None,
            competitors_poor: None,
            chosen: false,
            motx: Motx::default(),
            origin,
            author,
            notes: Vec::new(),
        }));
        id
    }

    /// Replaces the three elements of an MOT, keeping its tags, votes and
    /// origin.
    pub fn edit_mot(&mut self, id: MotId, text: MotText) -> Result<(), ModelError> {
        let mot = self.mot_mut(id)?;
        mot.who = clean_line(&text.who);
        mot.situation = clean_line(&text.situation);
        mot.feeling = clean_line(&text.feeling);
        Ok(())
    }

    /// Deletes an MOT and every dot placed on it.
    pub fn delete_mot(&mut self, id: MotId) -> Result<Mot, ModelError> {
        let pos = self.position(id).ok_or(ModelError::NoSuchMot(id))?;
        self.dots.retain(|d| d.mot != id);
        // A later MOT may take its id; a pair dismissed for this one must
        // not hide that one.
        self.not_duplicates.retain(|&(a, b)| a != id && b != id);
        Ok(Arc::unwrap_or_clone(self.mots.remove(pos)))
    }

    /// Sets (or clears) the dimension of an MOT.
    pub fn set_dimension(&mut self, id: MotId, dim: Option<Dimension>) -> Result<(), ModelError> {
        self.mot_mut(id)?.dimension = dim;
        Ok(())
    }

    /// Adds the quality if absent, removes it if present; returns whether it is now set.
    pub fn toggle_quality(&mut self, id: MotId, q: Quality) -> Result<bool, ModelError> {
        let mot = self.mot_mut(id)?;
        if let Some(pos) = mot.qualities.iter().position(|x| *x == q) {
            mot.qualities.remove(pos);
            Ok(false)
        } else {
            mot.qualities.push(q);
            mot.qualities.sort();
            Ok(true)
        }
    }

    /// Adds a respondent group with weight 1 and returns its id, or refuses
    /// when the session holds [`MAX_GROUPS`] already.
    pub fn try_add_group(&mut self, name: &str) -> Result<GroupId, ModelError> {
        if self.groups.len() >= MAX_GROUPS {
            return Err(ModelError::TooManyGroups { max: MAX_GROUPS });
        }
        Ok(self.add_group(name))
    }

    /// Adds a respondent group with weight 1 and returns its id, whatever
    /// the count: for code that builds small sessions (see [`Session::add_mot`]).
    pub fn add_group(&mut self, name: &str) -> GroupId {
        let id = next_id(self.groups.iter().map(|g| g.id));
        self.groups.push(Group {
            id,
            name: clean_line(name),
            description: String::new(),
            weight: 1,
        });
        id
    }

    /// Renames a group.
    pub fn rename_group(&mut self, id: GroupId, name: &str) -> Result<(), ModelError> {
        let g = self
            .groups
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(ModelError::NoSuchGroup(id))?;
        g.name = clean_line(name);
        Ok(())
    }

    /// Sets a group's weight, clamped to 0..=[`MAX_WEIGHT`].
    pub fn set_weight(&mut self, id: GroupId, weight: u32) -> Result<(), ModelError> {
        let g = self
            .groups
            .iter_mut()
            .find(|g| g.id == id)
            .ok_or(ModelError::NoSuchGroup(id))?;
        g.weight = weight.min(MAX_WEIGHT);
        Ok(())
    }

    /// Removes a group nobody is in; its show-of-hands counts go with it.
    pub fn remove_group(&mut self, id: GroupId) -> Result<Group, ModelError> {
        let pos = self
            .groups
            .iter()
            .position(|g| g.id == id)
            .ok_or(ModelError::NoSuchGroup(id))?;
        let members = self.participants.iter().filter(|p| p.group == id).count();
        if members > 0 {
            return Err(ModelError::GroupInUse {
                name: self.groups[pos].name.clone(),
                members,
            });
        }
        if self.groups.len() == 1 {
            return Err(ModelError::LastGroup);
        }
        // Only the MOTs with hands in the group are copied.
        for m in &mut self.mots {
            if m.hands.iter().any(|h| h.group == id) {
                Arc::make_mut(m).hands.retain(|h| h.group != id);
            }
        }
        Ok(self.groups.remove(pos))
    }

    /// Adds a participant to a group and returns their id; refused when the
    /// session holds [`MAX_PARTICIPANTS`] already.
    pub fn add_participant(
        &mut self,
        name: &str,
        group: GroupId,
    ) -> Result<ParticipantId, ModelError> {
        if self.group(group).is_none() {
            return Err(ModelError::NoSuchGroup(group));
        }
        if self.participants.len() >= MAX_PARTICIPANTS {
            return Err(ModelError::TooManyParticipants {
                max: MAX_PARTICIPANTS,
            });
        }
        let id = next_id(self.participants.iter().map(|p| p.id));
        self.participants.push(Participant {
            id,
            name: clean_line(name),
            group,
        });
        Ok(id)
    }

    /// Renames a participant.
    pub fn rename_participant(&mut self, id: ParticipantId, name: &str) -> Result<(), ModelError> {
        let p = self
            .participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(ModelError::NoSuchParticipant(id))?;
        p.name = clean_line(name);
        Ok(())
    }

    /// Moves a participant to another group; their dots now count with its weight.
    pub fn set_participant_group(
        &mut self,
        id: ParticipantId,
        group: GroupId,
    ) -> Result<(), ModelError> {
        if self.group(group).is_none() {
            return Err(ModelError::NoSuchGroup(group));
        }
        let p = self
            .participants
            .iter_mut()
            .find(|p| p.id == id)
            .ok_or(ModelError::NoSuchParticipant(id))?;
        p.group = group;
        Ok(())
    }

    /// Removes a participant and the dots they spent; they leave their
    /// trio, and their drill sheets stay for the debrief.
    pub fn remove_participant(&mut self, id: ParticipantId) -> Result<Participant, ModelError> {
        let pos = self
            .participants
            .iter()
            .position(|p| p.id == id)
            .ok_or(ModelError::NoSuchParticipant(id))?;
        self.dots.retain(|d| d.participant != id);
        self.drill.forget(id);
        Ok(self.participants.remove(pos))
    }

    /// How many MOTs still lack a dimension or a quality.
    pub fn untagged_count(&self) -> usize {
        super::work::note_n(super::work::Entry::Walk, self.mots.len());
        self.mots.iter().filter(|m| !m.is_tagged()).count()
    }
}

/// The four respondent groups a session starts with and their weights,
/// named in `lang`: the people who love the brand count three times.
pub fn default_groups(lang: Language) -> Vec<Group> {
    let group = |id, name: &str, description: &str, weight| Group {
        id,
        name: crate::i18n::t_in(lang, name).to_string(),
        description: crate::i18n::t_in(lang, description).to_string(),
        weight,
    };
    vec![
        group(1, "model.group.loves_us", "model.group.loves_us.about", 3),
        group(2, "model.group.liked_us", "model.group.liked_us.about", 1),
        group(3, "model.group.not_us", "model.group.not_us.about", 1),
        group(4, "model.group.team", "model.group.team.about", 1),
    ]
}

impl Mot {
    /// Tagged means it has a dimension and at least one quality.
    pub fn is_tagged(&self) -> bool {
        self.dimension.is_some() && !self.qualities.is_empty()
    }

    /// The three elements as editor text.
    pub fn text(&self) -> MotText {
        MotText {
            who: self.who.clone(),
            situation: self.situation.clone(),
            feeling: self.feeling.clone(),
        }
    }

    /// Where it came from and, when the room sees authors, who sent it, in
    /// words of the language on show ("Sent from a phone · Ann"), as Write,
    /// the duplicates review and the report say it; none when there is
    /// nothing to say.
    pub fn provenance(&self, show_authors: bool) -> Option<String> {
        provenance(
            self.origin.as_ref().map(MotOrigin::words),
            self.shown_author(show_authors),
        )
    }

    /// Who sent it, when the room sees authors (`show_authors`).
    pub fn shown_author(&self, show_authors: bool) -> Option<&str> {
        self.author.as_deref().filter(|_| show_authors)
    }

    /// Hands counted for a group (zero when none were typed).
    pub fn hands_for(&self, group: GroupId) -> u32 {
        self.hands
            .iter()
            .find(|h| h.group == group)
            .map_or(0, |h| h.count)
    }
}

/// A MOT's origin in words joined with the name of who sent it, when it is
/// to be shown ("Sent from a phone · Ann"); the name alone says "By Ann".
/// One place for the joining, so the screens and every report say it alike.
pub fn provenance(origin: Option<String>, author: Option<&str>) -> Option<String> {
    match (origin, author) {
        (Some(origin), Some(author)) => Some(crate::tr!(
            "model.origin.by",
            origin = origin,
            author = author
        )),
        (Some(origin), None) => Some(origin),
        (None, Some(author)) => Some(crate::tr!("model.origin.author", author = author)),
        (None, None) => None,
    }
}

/// One line of text as the room reads it: no control characters, newlines and
/// tabs as spaces, no leading or trailing blanks, at most
/// [`MAX_TEXT_CHARS`] characters (the text fields stop there first and say
/// so; this keeps any other way in within the limit).
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_TEXT_CHARS * 4));
    for c in s.chars().take(MAX_TEXT_CHARS) {
        if c.is_control() {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

// The unit tests are in their own file: the model reads better without them.
#[cfg(test)]
#[path = "session_tests.rs"]
mod tests;
