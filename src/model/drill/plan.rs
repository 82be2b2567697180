//! A session's drill: its cards, its trios, the round the room is in, the
//! phases' lengths, and the sheets written so far. The rules of dealing a
//! card to a trio and of turning a comment into a MOT live here.

use serde::{Deserialize, Serialize};

use super::BehaviourStep;
use super::cards::Card;
use super::clock::Phases;
use super::sheet::Sheet;
use super::trios::{self, Roles, Trio, TrioError, TrioId};
use crate::model::{MotText, ParticipantId};

/// A card's number in the session's deck, kept when others are removed.
pub type CardId = u32;

/// A card in the session's deck, with its number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckCard {
    /// Its number, from 1.
    pub id: CardId,
    /// The card.
    pub card: Card,
}

/// One trio's table in a round: who plays what, and the card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The trio.
    pub trio: TrioId,
    /// Who plays what.
    pub roles: Roles,
    /// The card dealt, while the deck has one.
    pub card: Option<CardId>,
    /// Which of the trio's cycles this round is in, from 0.
    pub cycle: u32,
}

/// Everything a session's drill holds. Every part may be left out of a
/// file (it is then empty, or at its default).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drill {
    /// The cards the room plays, in the order they are dealt.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deck: Vec<DeckCard>,
    /// The room in trios.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trios: Vec<Trio>,
    /// The round the room is in, from 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub round: u32,
    /// The round the trios were formed in: their cycles count from there,
    /// while rounds (and the sheets kept by round) keep counting for the room.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub formed_at: u32,
    /// How long reading, playing and feedback last.
    #[serde(default, skip_serializing_if = "is_default_phases")]
    pub phases: Phases,
    /// The observers' sheets, one per staff member per round.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<Sheet>,
    /// Whether the debrief shows people by name or leaves them out.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn is_default_phases(p: &Phases) -> bool {
    *p == Phases::default()
}

impl Drill {
    /// Whether there is no drill yet: nothing of it is written to a file.
    pub fn is_empty(&self) -> bool {
        *self == Drill::default()
    }

    /// Adds a card to the deck; returns its number.
    pub fn add_card(&mut self, card: Card) -> CardId {
        let id = self.deck.iter().map(|c| c.id).max().unwrap_or(0) + 1;
        self.deck.push(DeckCard { id, card });
        id
    }

    /// The card numbered `id`.
    pub fn card(&self, id: CardId) -> Option<&Card> {
        self.deck.iter().find(|c| c.id == id).map(|c| &c.card)
    }

    /// The card numbered `id`, to change.
    pub fn card_mut(&mut self, id: CardId) -> Option<&mut Card> {
        self.deck
            .iter_mut()
            .find(|c| c.id == id)
            .map(|c| &mut c.card)
    }

    /// Takes the card numbered `id` out of the deck.
    pub fn remove_card(&mut self, id: CardId) -> Option<Card> {
        let at = self.deck.iter().position(|c| c.id == id)?;
        Some(self.deck.remove(at).card)
    }

    /// Puts `people` in trios afresh; their cycles start with this round
    /// (the room's rounds, and the sheets of earlier ones, stay as they are).
    pub fn form_trios(&mut self, people: &[ParticipantId]) -> Result<(), TrioError> {
        self.trios = trios::form(people)?;
        self.formed_at = self.round;
        Ok(())
    }

    /// The round as the current trios count it: from when they were formed.
    fn trio_round(&self) -> u32 {
        self.round.saturating_sub(self.formed_at)
    }

    /// The card `trio` plays in the current round: trios are dealt the
    /// deck in turn, and a trio that starts a new cycle takes the next card,
    /// so no trio replays a card while the deck has others.
    pub fn card_for(&self, trio: TrioId) -> Option<CardId> {
        let n = self.deck.len();
        if n == 0 {
            return None;
        }
        let (at, t) = self.trios.iter().enumerate().find(|(_, t)| t.id == trio)?;
        let deal = at + t.cycle(self.trio_round()) as usize;
        Some(self.deck[deal % n].id)
    }

    /// The card `trio` played in round `round`, if that round was played
    /// by the trios as they are now (formed in or before it).
    pub fn card_in(&self, trio: TrioId, round: u32) -> Option<CardId> {
        if round < self.formed_at {
            return None;
        }
        let n = self.deck.len();
        let (at, t) = self.trios.iter().enumerate().find(|(_, t)| t.id == trio)?;
        if n == 0 {
            return None;
        }
        let deal = at + t.cycle(round - self.formed_at) as usize;
        Some(self.deck[deal % n].id)
    }

    /// Moves `who` to the trio numbered `to`, if both keep two to four
    /// people; someone in no trio yet (joined after the trios were formed)
    /// joins it if it has room.
    pub fn move_to(&mut self, who: ParticipantId, to: TrioId) -> Result<(), TrioError> {
        if trios::trio_of(&self.trios, who).is_some() {
            return trios::move_person(&mut self.trios, who, to);
        }
        let t = self
            .trios
            .iter_mut()
            .find(|t| t.id == to)
            .ok_or(TrioError::NoSuchTrio(to))?;
        if t.members.len() >= *trios::SIZES.end() {
            return Err(TrioError::WrongSize);
        }
        t.members.push(who);
        Ok(())
    }

    /// Who plays what in each trio this round, with the card it plays.
    pub fn this_round(&self) -> Vec<Table> {
        self.trios
            .iter()
            .filter_map(|t| {
                Some(Table {
                    trio: t.id,
                    roles: t.roles(self.trio_round())?,
                    card: self.card_for(t.id),
                    cycle: t.cycle(self.trio_round()),
                })
            })
            .collect()
    }

    /// The next round for the whole room.
    pub fn next_round(&mut self) {
        self.round = self.round.saturating_add(1);
    }

    /// Back a round (not before the first).
    pub fn prev_round(&mut self) {
        self.round = self.round.saturating_sub(1);
    }

    /// The sheet for `staff` in the current round, made if there is none
    /// (with the card `trio` plays this round).
    pub fn sheet_mut(&mut self, trio: TrioId, staff: ParticipantId) -> &mut Sheet {
        let round = self.round;
        let at = match self
            .sheets
            .iter()
            .position(|s| s.round == round && s.staff == staff)
        {
            Some(at) => at,
            None => {
                let mut sheet = Sheet::new(round, trio, staff);
                sheet.card = self.card_for(trio);
                self.sheets.push(sheet);
                self.sheets.len() - 1
            }
        };
        &mut self.sheets[at]
    }

    /// The card a sheet was played on: the one it noted, else the one its
    /// trio was dealt that round.
    pub fn card_of(&self, sheet: &Sheet) -> Option<CardId> {
        sheet.card.or_else(|| self.card_in(sheet.trio, sheet.round))
    }

    /// Who played what when a sheet was written, if the trio as it is now
    /// played that round and put its staff member there (trios formed again
    /// later, or changed, no longer say who the customer was).
    pub fn roles_of(&self, sheet: &Sheet) -> Option<Roles> {
        let round = sheet.round.checked_sub(self.formed_at)?;
        let trio = self.trios.iter().find(|t| t.id == sheet.trio)?;
        trio.roles(round).filter(|r| r.staff == sheet.staff)
    }

    /// The sheet for `staff` in round `round`, if one was written.
    pub fn sheet(&self, round: u32, staff: ParticipantId) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|s| s.round == round && s.staff == staff)
    }

    /// Forgets a participant who left the session: out of their trio, their
    /// sheets kept for the debrief. Someone left alone joins the smallest
    /// trio with room; only when no trio has room is the room formed again.
    pub fn forget(&mut self, who: ParticipantId) {
        for t in &mut self.trios {
            t.members.retain(|m| *m != who);
        }
        let min = *trios::SIZES.start();
        let max = *trios::SIZES.end();
        while let Some(lone) = self.trios.iter().position(|t| t.members.len() < min) {
            let stranded = self.trios.remove(lone).members;
            let room = self
                .trios
                .iter_mut()
                .filter(|t| t.members.len() + stranded.len() <= max)
                .min_by_key(|t| t.members.len());
            match room {
                Some(t) => t.members.extend(stranded),
                None => {
                    let mut people: Vec<ParticipantId> =
                        self.trios.iter().flat_map(|t| t.members.clone()).collect();
                    people.extend(stranded);
                    self.trios = trios::form(&people).unwrap_or_default();
                    self.formed_at = self.round;
                    return;
                }
            }
        }
    }
}

/// A comment from a sheet as a new MOT to finish: who from the card, the
/// situation from the card's scene and the comment, the feeling the card
/// wanted (the trainer edits it before keeping it).
pub fn mot_from_comment(card: &Card, step: BehaviourStep, comment: &str) -> MotText {
    // The scene's own full stop would stand before the join's semicolon.
    let scene = card
        .scene
        .trim()
        .trim_end_matches(['.', '。', ';', '；', ',', '，', '!', '！'])
        .trim_end();
    let comment = comment.trim();
    let situation = match (scene.is_empty(), comment.is_empty()) {
        (true, _) => comment.to_string(),
        (false, true) => scene.to_string(),
        (false, false) => crate::tr!(
            "model.drill.comment_situation",
            scene = scene,
            step = step.name(),
            comment = comment
        ),
    };
    MotText {
        who: card.who.trim().to_string(),
        situation,
        feeling: card.feeling.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;
    use crate::model::drill::cards::library;
    use crate::model::drill::sheet::Verdict;

    fn deck(n: usize) -> Drill {
        let mut d = Drill::default();
        for card in library(Language::English).into_iter().cycle().take(n) {
            d.add_card(card);
        }
        d
    }

    #[test]
    fn a_comment_joins_the_scene_without_doubled_stops() {
        crate::i18n::set(Language::SimplifiedChinese);
        let card = Card {
            scene: "银行柜台前，排队的其他客户都在看。".into(),
            ..Card::default()
        };
        let text = mot_from_comment(&card, BehaviourStep::Analyse, "没问开放式问题");
        assert!(
            text.situation
                .starts_with("银行柜台前，排队的其他客户都在看；"),
            "{}",
            text.situation
        );
        crate::i18n::set(Language::English);
    }

    #[test]
    fn the_card_of_a_past_round_is_the_one_dealt_then() {
        let mut d = deck(3);
        d.form_trios(&[1, 2, 3, 4, 5, 6]).expect("six people");
        assert_eq!(d.card_in(2, 0), Some(2));
        // Trio 1's second cycle takes the next card.
        assert_eq!(d.card_in(1, 3), Some(2));
        d.round = 4;
        assert_eq!(d.card_in(1, 3), Some(2), "a past round keeps its card");
        d.form_trios(&[1, 2, 3, 4, 5, 6]).expect("formed again");
        assert_eq!(d.card_in(1, 3), None, "played by trios since re-formed");
        assert_eq!(d.card_in(1, 4), Some(1));
    }

    #[test]
    fn someone_new_joins_a_trio_with_room_only() {
        let mut d = deck(1);
        d.form_trios(&[1, 2, 3, 4]).expect("four people");
        assert_eq!(d.trios[0].members.len(), 4);
        assert_eq!(d.move_to(9, 1), Err(TrioError::WrongSize));
        d.form_trios(&[1, 2, 3]).expect("three");
        assert_eq!(d.move_to(9, 1), Ok(()));
        assert_eq!(d.trios[0].members, [1, 2, 3, 9]);
        assert_eq!(d.move_to(9, 7), Err(TrioError::NoSuchTrio(7)));
    }

    #[test]
    fn cards_are_numbered_and_keep_their_numbers() {
        let mut d = deck(3);
        assert_eq!(d.deck.iter().map(|c| c.id).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(d.remove_card(2).is_some());
        assert_eq!(
            d.add_card(Card::default()),
            4,
            "a number is never reused while higher ones live"
        );
        assert!(d.card(2).is_none());
        assert!(d.card_mut(4).is_some());
    }

    #[test]
    fn trios_are_dealt_the_deck_in_turn_and_a_new_cycle_takes_the_next_card() {
        let mut d = deck(4);
        d.form_trios(&(1..=8).collect::<Vec<_>>())
            .expect("eight people");
        // Trios 1 and 2 (threes) and 3 (a pair).
        assert_eq!(d.card_for(1), Some(1));
        assert_eq!(d.card_for(2), Some(2));
        assert_eq!(d.card_for(3), Some(3));
        d.round = 2;
        // The pair finished its two rounds: a fresh card.
        assert_eq!(d.card_for(3), Some(4));
        assert_eq!(d.card_for(1), Some(1), "the threes are mid-cycle");
        d.round = 3;
        assert_eq!(d.card_for(1), Some(2));
        assert_eq!(d.card_for(9), None, "no such trio");
        assert_eq!(Drill::default().card_for(1), None, "no deck");
    }

    #[test]
    fn this_round_names_who_plays_what_at_every_table() {
        let mut d = deck(2);
        d.form_trios(&(1..=5).collect::<Vec<_>>())
            .expect("a trio and a pair");
        let tables = d.this_round();
        assert_eq!(tables.len(), 2);
        assert_eq!((tables[0].roles.staff, tables[0].roles.customer), (1, 2));
        assert_eq!(tables[0].roles.observers, [3]);
        assert_eq!(tables[1].roles.observers, Vec::<ParticipantId>::new());
        d.next_round();
        d.next_round();
        let tables = d.this_round();
        assert_eq!(tables[0].roles.staff, 3);
        assert_eq!((tables[1].cycle, tables[1].card), (1, Some(1)));
        d.prev_round();
        d.prev_round();
        d.prev_round();
        assert_eq!(d.round, 0, "not before the first");
    }

    #[test]
    fn a_sheet_names_its_customer_only_while_its_trio_stands() {
        let mut d = deck(1);
        d.form_trios(&[1, 2, 3]).expect("a trio");
        d.next_round();
        let sheet = d.sheet_mut(1, 2).clone();
        let roles = d.roles_of(&sheet).expect("the trio played it");
        assert_eq!(
            (roles.staff, roles.customer, roles.observers),
            (2, 3, vec![1])
        );
        // Formed again: who played the customer then is no longer known.
        d.form_trios(&[3, 2, 1]).expect("a trio");
        assert_eq!(d.roles_of(&sheet), None);
    }

    #[test]
    fn trios_formed_again_start_their_cycle_and_keep_earlier_sheets() {
        let mut d = deck(2);
        d.form_trios(&[1, 2, 3]).expect("a trio");
        d.sheet_mut(1, 1).verdict = Some(Verdict::Passed);
        d.next_round();
        d.form_trios(&[3, 2, 1]).expect("again");
        assert_eq!(d.round, 1, "the room's rounds go on");
        assert_eq!(
            d.this_round()[0].roles.staff,
            3,
            "the new trio's first round"
        );
        assert_eq!(d.this_round()[0].cycle, 0);
        // Round 0's sheet is not written over by the new first round.
        d.sheet_mut(1, 1);
        assert_eq!(d.sheets.len(), 2);
        assert_eq!(d.sheet(0, 1).and_then(|s| s.verdict), Some(Verdict::Passed));
    }

    #[test]
    fn one_sheet_per_staff_member_per_round() {
        let mut d = deck(1);
        d.form_trios(&[1, 2, 3]).expect("a trio");
        d.sheet_mut(1, 1).verdict = Some(Verdict::Passed);
        d.sheet_mut(1, 1).left_with = None;
        assert_eq!(d.sheets.len(), 1);
        assert_eq!(d.sheet(0, 1).and_then(|s| s.verdict), Some(Verdict::Passed));
        d.round = 1;
        d.sheet_mut(1, 2);
        assert_eq!(d.sheets.len(), 2);
        assert!(d.sheet(1, 1).is_none());
    }

    #[test]
    fn someone_left_alone_joins_a_trio_with_room_and_the_others_stay() {
        let mut d = deck(1);
        d.form_trios(&[1, 2, 3, 4, 5, 6, 7, 8])
            .expect("two trios and a pair");
        d.forget(7);
        // 8 joins the smallest trio with room; the other trio is untouched.
        assert_eq!(d.trios.len(), 2);
        assert_eq!(d.trios[0].members, [1, 2, 3, 8]);
        assert_eq!(d.trios[1].members, [4, 5, 6]);
        // With no room anywhere, the room is formed again.
        let mut d = deck(1);
        d.form_trios(&[1, 2, 3, 4, 5, 6]).expect("two trios");
        d.trios[0].members.push(7);
        d.trios[1].members.push(8);
        d.trios.push(Trio {
            id: 3,
            members: vec![9, 10],
        });
        d.forget(9);
        let everyone: usize = d.trios.iter().map(|t| t.members.len()).sum();
        assert_eq!(everyone, 9);
        assert!(
            d.trios
                .iter()
                .all(|t| trios::SIZES.contains(&t.members.len()))
        );
    }

    #[test]
    fn a_participant_who_leaves_leaves_their_trio_whole() {
        let mut d = deck(1);
        d.form_trios(&[1, 2, 3, 4, 5]).expect("a trio and a pair");
        d.round = 1;
        d.forget(4);
        // The pair lost one: the room is formed again, the round kept.
        assert_eq!(d.trios.len(), 1);
        assert_eq!(d.trios[0].members, [1, 2, 3, 5]);
        assert_eq!(d.round, 1);
    }

    #[test]
    fn a_comment_becomes_a_mot_to_finish() {
        crate::i18n::set(Language::English);
        let card = &library(Language::English)[0];
        let m = mot_from_comment(card, BehaviourStep::Analyse, " interrupted twice ");
        assert_eq!(m.who, card.who);
        assert_eq!(m.feeling, card.feeling);
        let scene = card.scene.trim().trim_end_matches('.');
        assert!(m.situation.starts_with(scene), "{}", m.situation);
        assert!(m.situation.contains("interrupted twice"), "{}", m.situation);
        let bare = mot_from_comment(&Card::default(), BehaviourStep::Solve, "no offer made");
        assert_eq!(bare.situation, "no offer made");
    }
}
