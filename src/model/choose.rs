//! Choosing the MOTs that matter: the five principles of seed 001 as rules.
//! Weighted votes rank the MOTs (not one person, one vote; see
//! [`super::ranking`]); the focus
//! dimension narrows them (match the stage); peak, low and end are marked
//! (golden moments); the chosen set is checked for one core message; and
//! three circles (customers think it important, we do it well, competitors
//! do it poorly) find the candidates worth amplifying.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::ModelError;
use super::session::{Mot, MotId, Session};
use crate::tr;

/// A golden moment of the peak-end rule: people remember the highest, the
/// lowest and the last moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Golden {
    /// The highest moment of the experience.
    Peak,
    /// The lowest moment.
    Low,
    /// The final moment.
    End,
}

impl Golden {
    /// All three, in the order the mark key cycles through them.
    pub const ALL: [Golden; 3] = [Golden::Peak, Golden::Low, Golden::End];

    /// The mark after `mark`: none, peak, low, end, none again.
    pub fn cycle(mark: Option<Golden>) -> Option<Golden> {
        match mark {
            None => Some(Golden::Peak),
            Some(Golden::Peak) => Some(Golden::Low),
            Some(Golden::Low) => Some(Golden::End),
            Some(Golden::End) => None,
        }
    }

    /// The symbol that shows it (a shape, so it reads without colour).
    pub fn symbol(self) -> &'static str {
        match self {
            Golden::Peak => "▲",
            Golden::Low => "▼",
            Golden::End => "■",
        }
    }

    /// Its name in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Golden::Peak => tr!("model.golden.peak"),
            Golden::Low => tr!("model.golden.low"),
            Golden::End => tr!("model.golden.end"),
        }
    }
}

/// The designed experience at a chosen MOT (MOTX): what the company does at
/// that moment, and what it expects the customer to do next.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Motx {
    /// The concrete thing the company does at the moment.
    pub company_does: String,
    /// The action it expects of the customer next (walk in, try, buy, join, share).
    pub customer_next: String,
}

impl Motx {
    /// Whether nothing is written yet.
    pub fn is_empty(&self) -> bool {
        self.company_does.is_empty() && self.customer_next.is_empty()
    }
}

pub use super::limits::{RATING_MAX, RATING_MIN};
/// The importance threshold moves in steps of this many percent (the
/// lowest threshold is one step).
pub const IMPORTANCE_STEP: u8 = super::limits::MIN_IMPORTANCE_PERCENT;
/// A chosen set speaking with this many different messages or more is warned about.
pub const MANY_MESSAGES: usize = 3;

/// The two ratings the room gives each MOT (the third circle comes from votes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rating {
    /// "We can do it well", 1 to 5.
    WeDoWell,
    /// "Competitors do it poorly", 1 to 5.
    CompetitorsPoor,
}

/// The three circles of principle five.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Circle {
    /// Customers think it important: the weighted votes, as a share of the top score.
    Important,
    /// We can do it well (rated).
    #[default]
    WeDoWell,
    /// Competitors do it poorly (rated).
    CompetitorsPoor,
}

impl Circle {
    /// All three, in the order they are shown.
    pub const ALL: [Circle; 3] = [Circle::Important, Circle::WeDoWell, Circle::CompetitorsPoor];

    /// The rating behind the circle; `None` for importance, which comes from votes.
    pub fn rating(self) -> Option<Rating> {
        match self {
            Circle::Important => None,
            Circle::WeDoWell => Some(Rating::WeDoWell),
            Circle::CompetitorsPoor => Some(Rating::CompetitorsPoor),
        }
    }

    /// The next circle, wrapping around.
    pub fn next(self) -> Circle {
        match self {
            Circle::Important => Circle::WeDoWell,
            Circle::WeDoWell => Circle::CompetitorsPoor,
            Circle::CompetitorsPoor => Circle::Important,
        }
    }

    /// The previous circle, wrapping around.
    pub fn prev(self) -> Circle {
        self.next().next()
    }

    /// Its name in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Circle::Important => tr!("model.circle.important"),
            Circle::WeDoWell => tr!("model.circle.we_do_well"),
            Circle::CompetitorsPoor => tr!("model.circle.competitors_poor"),
        }
    }
}

/// Where each circle starts: an MOT at or above all three is a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Weighted score, in percent of the top score, from which customers think it important.
    pub important_percent: u8,
    /// Rating from which we do it well.
    pub we_do_well: u8,
    /// Rating from which competitors do it poorly.
    pub competitors_poor: u8,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            important_percent: 50,
            we_do_well: 4,
            competitors_poor: 4,
        }
    }
}

impl Thresholds {
    /// A circle's threshold, as shown ("50" percent, or a rating).
    pub fn get(&self, circle: Circle) -> u8 {
        match circle {
            Circle::Important => self.important_percent,
            Circle::WeDoWell => self.we_do_well,
            Circle::CompetitorsPoor => self.competitors_poor,
        }
    }

    /// Raises or lowers a circle's threshold by one step, within its range.
    pub fn nudge(&mut self, circle: Circle, up: bool) {
        let step = |v: u8, step: u8, min: u8, max: u8| {
            if up {
                v.saturating_add(step).min(max)
            } else {
                v.saturating_sub(step).max(min)
            }
        };
        match circle {
            Circle::Important => {
                self.important_percent = step(
                    self.important_percent,
                    IMPORTANCE_STEP,
                    IMPORTANCE_STEP,
                    super::limits::MAX_IMPORTANCE_PERCENT,
                );
            }
            Circle::WeDoWell => {
                self.we_do_well = step(self.we_do_well, 1, RATING_MIN, RATING_MAX);
            }
            Circle::CompetitorsPoor => {
                self.competitors_poor = step(self.competitors_poor, 1, RATING_MIN, RATING_MAX);
            }
        }
    }

    /// Whether every threshold is in its range (a file may say otherwise).
    pub fn valid(&self) -> bool {
        (IMPORTANCE_STEP..=super::limits::MAX_IMPORTANCE_PERCENT).contains(&self.important_percent)
            && (RATING_MIN..=RATING_MAX).contains(&self.we_do_well)
            && (RATING_MIN..=RATING_MAX).contains(&self.competitors_poor)
    }
}

/// Which of the three circles an MOT is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Region {
    /// Customers think it important.
    pub important: bool,
    /// We do it well.
    pub we_do_well: bool,
    /// Competitors do it poorly.
    pub competitors_poor: bool,
}

impl Region {
    /// In all three circles: a candidate.
    pub fn centre(self) -> bool {
        self.important && self.we_do_well && self.competitors_poor
    }

    /// Whether the MOT is in this circle.
    pub fn contains(self, circle: Circle) -> bool {
        match circle {
            Circle::Important => self.important,
            Circle::WeDoWell => self.we_do_well,
            Circle::CompetitorsPoor => self.competitors_poor,
        }
    }

    /// A number for the region, 0 (in no circle) to 7 (the centre): one bit per circle.
    pub fn index(self) -> usize {
        usize::from(self.important)
            | usize::from(self.we_do_well) << 1
            | usize::from(self.competitors_poor) << 2
    }

    /// The region a number names (the inverse of [`Region::index`]).
    pub fn from_index(i: usize) -> Region {
        Region {
            important: i & 1 != 0,
            we_do_well: i & 2 != 0,
            competitors_poor: i & 4 != 0,
        }
    }
}

/// How important customers think an MOT, in percent of the top weighted
/// score (rounded down); 0 when nobody's vote counts.
pub fn importance(weighted: u64, top: u64) -> u8 {
    if top == 0 {
        return 0;
    }
    (u128::from(weighted.min(top)) * 100 / u128::from(top)) as u8
}

/// The circles an MOT is in. An unrated MOT is outside that circle; an MOT
/// no vote counts for is not important, whatever the threshold.
pub fn region(mot: &Mot, weighted: u64, top: u64, t: &Thresholds) -> Region {
    let at_least = |rating: Option<u8>, min: u8| rating.is_some_and(|r| r >= min);
    Region {
        // Compared exactly, not through the rounded percent.
        important: weighted > 0
            && u128::from(weighted) * 100 >= u128::from(t.important_percent) * u128::from(top),
        we_do_well: at_least(mot.we_do_well, t.we_do_well),
        competitors_poor: at_least(mot.competitors_poor, t.competitors_poor),
    }
}

/// How the chosen MOTs stand with the one core message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Messages {
    /// MOTs chosen.
    pub chosen: usize,
    /// Of those, the ones whose feeling carries the core message.
    pub carrying: usize,
    /// Different messages the chosen set speaks with: the core message once
    /// if any carries it, and each different feeling of the others.
    pub distinct: usize,
}

impl Messages {
    /// The chosen set speaks with many messages, not one (principle four).
    pub fn many(&self) -> bool {
        self.distinct >= MANY_MESSAGES
    }
}

/// A feeling reduced to what makes it the same message: letters and
/// digits only, lower case ("Calm." and "calm" say the same).
fn message_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Session {
    /// How the chosen MOTs stand with the core message.
    pub fn messages(&self) -> Messages {
        super::work::note_n(super::work::Entry::Walk, self.mots.len());
        let core = message_key(&self.core_message);
        let mut out = Messages::default();
        let mut said: HashSet<String> = HashSet::new();
        for m in self.mots.iter().filter(|m| m.chosen) {
            out.chosen += 1;
            let key = message_key(&m.feeling);
            // A feeling that is the core message word for word carries it too.
            if m.carries_message || (!core.is_empty() && key == core) {
                out.carrying += 1;
                said.insert(core.clone());
            } else if !key.is_empty() {
                said.insert(key);
            }
        }
        out.distinct = said.len();
        out
    }

    /// How many MOTs are chosen.
    pub fn chosen_count(&self) -> usize {
        super::work::note_n(super::work::Entry::Walk, self.mots.len());
        self.mots.iter().filter(|m| m.chosen).count()
    }

    /// Marks an MOT chosen, or not; returns whether it is now chosen.
    pub fn toggle_chosen(&mut self, id: MotId) -> Result<bool, ModelError> {
        let m = self.mot_mut(id)?;
        m.chosen = !m.chosen;
        Ok(m.chosen)
    }

    /// Sets (or clears) the golden-moment mark.
    pub fn set_golden(&mut self, id: MotId, mark: Option<Golden>) -> Result<(), ModelError> {
        self.mot_mut(id)?.golden = mark;
        Ok(())
    }

    /// Marks whether the MOT's feeling carries the core message; returns the new mark.
    pub fn toggle_carries(&mut self, id: MotId) -> Result<bool, ModelError> {
        let m = self.mot_mut(id)?;
        m.carries_message = !m.carries_message;
        Ok(m.carries_message)
    }

    /// Sets a rating, 1 to 5, or clears it.
    pub fn set_rating(
        &mut self,
        id: MotId,
        rating: Rating,
        value: Option<u8>,
    ) -> Result<(), ModelError> {
        if let Some(v) = value
            && !(RATING_MIN..=RATING_MAX).contains(&v)
        {
            return Err(ModelError::RatingOutOfRange { value: v });
        }
        let m = self.mot_mut(id)?;
        match rating {
            Rating::WeDoWell => m.we_do_well = value,
            Rating::CompetitorsPoor => m.competitors_poor = value,
        }
        Ok(())
    }

    /// Writes the designed experience of an MOT.
    pub fn set_motx(&mut self, id: MotId, motx: Motx) -> Result<(), ModelError> {
        self.mot_mut(id)?.motx = Motx {
            company_does: super::session::clean_line(&motx.company_does),
            customer_next: super::session::clean_line(&motx.customer_next),
        };
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::MotText;

    /// A session of `n` plain MOTs (the ranking's tests use it too).
    pub(crate) fn session_with(n: usize) -> Session {
        let mut s = Session::new("t");
        for i in 0..n {
            s.add_mot(MotText {
                who: format!("who {i}"),
                situation: "s".into(),
                feeling: format!("feeling {i}"),
            });
        }
        s
    }

    #[test]
    fn the_centre_needs_all_three_circles_at_their_thresholds() {
        let mut s = session_with(4);
        s.set_hands(1, 2, 10).expect("group"); // top: 100 %
        s.set_hands(2, 2, 5).expect("group"); // exactly 50 %
        s.set_hands(3, 2, 4).expect("group"); // 40 %
        for id in 1..=4 {
            s.set_rating(id, Rating::WeDoWell, Some(4)).expect("mot");
            s.set_rating(id, Rating::CompetitorsPoor, Some(4))
                .expect("mot");
        }
        s.set_rating(1, Rating::CompetitorsPoor, Some(3))
            .expect("mot");
        let r = s.ranking();
        let centre: Vec<MotId> = r.candidates().map(|x| x.id).collect();
        assert_eq!(centre, vec![2], "50 % is at the threshold; 40 % is not");
        let one = r.of(1).expect("ranked").region;
        assert!(one.important && one.we_do_well && !one.competitors_poor);
        assert_eq!(r.of(4).expect("ranked").region.index(), 6, "no votes");
        let n = r.regions();
        assert_eq!(n.iter().sum::<usize>(), 4);
        assert_eq!(n[7], 1);
        // Lowering the bar takes MOT 3 in; raising the rating bar takes MOT 2 out.
        s.circles.nudge(Circle::Important, false);
        assert_eq!(s.circles.important_percent, 40);
        assert_eq!(s.ranking().candidates().count(), 2);
        s.circles.nudge(Circle::CompetitorsPoor, true);
        assert_eq!(s.ranking().candidates().count(), 0);
    }

    #[test]
    fn unrated_mots_sit_outside_the_rated_circles() {
        let mut s = session_with(1);
        s.set_hands(1, 2, 1).expect("group");
        let r = s.ranking();
        let region = r.of(1).expect("ranked").region;
        assert!(region.important);
        assert!(!region.we_do_well && !region.competitors_poor);
        s.set_rating(1, Rating::WeDoWell, Some(1)).expect("mot");
        s.circles.we_do_well = 1;
        assert!(s.ranking().of(1).expect("ranked").region.we_do_well);
    }

    #[test]
    fn thresholds_stay_in_range() {
        let mut t = Thresholds::default();
        for _ in 0..20 {
            t.nudge(Circle::Important, true);
            t.nudge(Circle::WeDoWell, true);
        }
        assert_eq!((t.important_percent, t.we_do_well), (100, 5));
        for _ in 0..20 {
            t.nudge(Circle::Important, false);
            t.nudge(Circle::CompetitorsPoor, false);
        }
        assert_eq!((t.important_percent, t.competitors_poor), (10, 1));
        assert!(t.valid());
        assert!(
            !Thresholds {
                important_percent: 0,
                ..t
            }
            .valid()
        );
    }

    #[test]
    fn importance_is_a_share_of_the_top_score() {
        assert_eq!(importance(0, 0), 0);
        assert_eq!(importance(5, 0), 0);
        assert_eq!(importance(1, 3), 33);
        assert_eq!(importance(3, 3), 100);
        assert_eq!(importance(u64::MAX, u64::MAX), 100);
    }

    #[test]
    fn regions_number_one_bit_per_circle() {
        for i in 0..8 {
            assert_eq!(Region::from_index(i).index(), i);
        }
        assert!(Region::from_index(7).centre());
        assert!(Region::from_index(2).contains(Circle::WeDoWell));
        assert!(!Region::from_index(2).contains(Circle::Important));
    }

    #[test]
    fn ratings_outside_one_to_five_are_refused() {
        let mut s = session_with(1);
        assert!(s.set_rating(1, Rating::WeDoWell, Some(0)).is_err());
        assert!(s.set_rating(1, Rating::WeDoWell, Some(6)).is_err());
        assert!(s.set_rating(9, Rating::WeDoWell, Some(3)).is_err());
        s.set_rating(1, Rating::WeDoWell, Some(5)).expect("mot");
        s.set_rating(1, Rating::WeDoWell, None).expect("mot");
        assert_eq!(s.mots[0].we_do_well, None);
    }

    #[test]
    fn golden_marks_cycle_through_none() {
        let mut mark = None;
        let mut seen = Vec::new();
        for _ in 0..4 {
            mark = Golden::cycle(mark);
            seen.push(mark);
        }
        assert_eq!(
            seen,
            [
                Some(Golden::Peak),
                Some(Golden::Low),
                Some(Golden::End),
                None
            ]
        );
    }

    #[test]
    fn the_chosen_set_is_checked_for_one_core_message() {
        let mut s = session_with(5);
        s.core_message = "A calm place".into();
        assert_eq!(s.messages(), Messages::default());
        for id in 1..=2 {
            s.toggle_chosen(id).expect("mot");
            s.toggle_carries(id).expect("mot");
        }
        let m = s.messages();
        assert_eq!((m.chosen, m.carrying, m.distinct), (2, 2, 1));
        assert!(!m.many());
        // Two more chosen, each with a message of its own.
        s.toggle_chosen(3).expect("mot");
        assert!(!s.messages().many(), "two messages are not yet many");
        s.toggle_chosen(4).expect("mot");
        let m = s.messages();
        assert_eq!((m.chosen, m.carrying, m.distinct), (4, 2, 3));
        assert!(m.many());
        // The same feeling in other punctuation is one message.
        Arc::make_mut(&mut s.mots[3]).feeling = "Feeling 2!".into();
        assert_eq!(s.messages().distinct, 2);
        // A feeling that is the core message carries it without the mark.
        Arc::make_mut(&mut s.mots[4]).feeling = "a calm place.".into();
        s.toggle_chosen(5).expect("mot");
        let m = s.messages();
        assert_eq!((m.chosen, m.carrying, m.distinct), (5, 3, 2));
        assert_eq!(s.chosen_count(), 5);
    }

    #[test]
    fn motx_is_kept_clean() {
        let mut s = session_with(1);
        s.set_motx(
            1,
            Motx {
                company_does: " 叫出客人的名字\n".into(),
                customer_next: "再次预订".into(),
            },
        )
        .expect("mot");
        assert_eq!(s.mots[0].motx.company_does, "叫出客人的名字");
        assert!(!s.mots[0].motx.is_empty());
        assert!(s.set_motx(7, Motx::default()).is_err());
    }
}
