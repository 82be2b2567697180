//! The observer's sheet for one staff member in one round, and the debrief:
//! what the room's sheets add up to, step by step, trio by trio, person by
//! person.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::BehaviourStep;
use super::trios::TrioId;
use crate::model::ParticipantId;

/// The lowest and highest score a step gets.
pub const SCORES: std::ops::RangeInclusive<u8> = 1..=5;

/// A step scored this or lower needs a comment saying what to do better.
pub const COMMENT_AT_OR_BELOW: u8 = 2;

/// Whether the customer left with the card's feeling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LeftWith {
    /// They did.
    Yes,
    /// In part.
    Partly,
    /// They did not.
    No,
}

/// The observer's overall verdict (通关).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Verdict {
    /// The drill is passed.
    Passed,
    /// Not yet: another round.
    NotYet,
}

/// What the observer wrote about one staff member in one round. In a
/// file, the round, trio and staff member must be written; what the
/// observer has not filled in yet may be left out.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sheet {
    /// The round, from 0, counted for the whole room.
    pub round: u32,
    /// The trio that played it.
    pub trio: TrioId,
    /// The staff member observed.
    pub staff: ParticipantId,
    /// Each step's score, 1 to 5, in the order of [`BehaviourStep::ALL`].
    #[serde(default)]
    pub scores: [Option<u8>; 5],
    /// Each step's comment: required where the score is 2 or less.
    #[serde(default, skip_serializing_if = "no_comments")]
    pub comments: [String; 5],
    /// Whether the customer left with the card's feeling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_with: Option<LeftWith>,
    /// Passed, or not yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The card played, by its number in the deck, as dealt when the sheet
    /// was begun: a card taken out or trios formed again later do not
    /// change what this round was played on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card: Option<super::plan::CardId>,
}

/// For `skip_serializing_if`: five empty comments are not written.
fn no_comments(comments: &[String; 5]) -> bool {
    comments.iter().all(String::is_empty)
}

/// Why a sheet refused a value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SheetError {
    /// A score outside 1 to 5.
    #[error("a step scores 1 to 5, not {0}")]
    Score(u8),
}

impl Sheet {
    /// An empty sheet for `staff` in `trio`, round `round`.
    pub fn new(round: u32, trio: TrioId, staff: ParticipantId) -> Sheet {
        Sheet {
            round,
            trio,
            staff,
            ..Sheet::default()
        }
    }

    /// Scores a step 1 to 5 (`None` takes the score off).
    pub fn score(&mut self, step: BehaviourStep, score: Option<u8>) -> Result<(), SheetError> {
        if let Some(s) = score
            && !SCORES.contains(&s)
        {
            return Err(SheetError::Score(s));
        }
        self.scores[step.index()] = score;
        Ok(())
    }

    /// A step's score.
    pub fn score_of(&self, step: BehaviourStep) -> Option<u8> {
        self.scores[step.index()]
    }

    /// A step's comment.
    pub fn comment(&self, step: BehaviourStep) -> &str {
        &self.comments[step.index()]
    }

    /// Steps scored 2 or less whose comment is still empty.
    pub fn missing_comments(&self) -> Vec<BehaviourStep> {
        BehaviourStep::ALL
            .into_iter()
            .filter(|s| {
                self.score_of(*s).is_some_and(|v| v <= COMMENT_AT_OR_BELOW)
                    && self.comment(*s).trim().is_empty()
            })
            .collect()
    }

    /// Steps not scored yet.
    pub fn unscored(&self) -> Vec<BehaviourStep> {
        BehaviourStep::ALL
            .into_iter()
            .filter(|s| self.score_of(*s).is_none())
            .collect()
    }

    /// Whether anything is written on it: a sheet only opened counts as none.
    pub fn is_written(&self) -> bool {
        self.scores.iter().any(Option::is_some)
            || self.left_with.is_some()
            || self.verdict.is_some()
            || self.comments.iter().any(|c| !c.trim().is_empty())
    }

    /// Whether everything the sheet asks is there: five scores, the
    /// comments low scores need, the feeling and the verdict.
    pub fn is_complete(&self) -> bool {
        self.unscored().is_empty()
            && self.missing_comments().is_empty()
            && self.left_with.is_some()
            && self.verdict.is_some()
    }
}

/// One thing typed into a sheet from the observer's paper, in the order
/// the paper reads: five scores, the feeling, the verdict. A sheet without
/// comments goes in with seven entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// The next step's score, 1 to 5.
    Score(u8),
    /// Whether the customer left with the card's feeling.
    LeftWith(LeftWith),
    /// Passed or not yet.
    Verdict(Verdict),
    /// Takes back the last thing entered.
    Back,
}

/// Why an entry did not go into a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EntryError {
    /// A score outside 1 to 5.
    #[error("a step scores 1 to 5, not {0}")]
    Score(u8),
    /// Five scores are in already.
    #[error("all five steps are scored")]
    AllScored,
    /// Nothing to take back.
    #[error("the sheet is empty")]
    Empty,
}

impl Sheet {
    /// Applies one entry from the paper: a score goes to the first step
    /// without one; `Back` takes off the verdict, else the feeling, else
    /// the last score.
    pub fn enter(&mut self, entry: Entry) -> Result<(), EntryError> {
        match entry {
            Entry::Score(v) if !SCORES.contains(&v) => return Err(EntryError::Score(v)),
            Entry::Score(v) => {
                let step = self
                    .unscored()
                    .first()
                    .copied()
                    .ok_or(EntryError::AllScored)?;
                self.scores[step.index()] = Some(v);
            }
            Entry::LeftWith(l) => self.left_with = Some(l),
            Entry::Verdict(v) => self.verdict = Some(v),
            Entry::Back => {
                if self.verdict.take().is_none() && self.left_with.take().is_none() {
                    let last = self
                        .scores
                        .iter()
                        .rposition(Option::is_some)
                        .ok_or(EntryError::Empty)?;
                    self.scores[last] = None;
                }
            }
        }
        Ok(())
    }

    /// The step the next score goes to, while one is unscored.
    pub fn next_step(&self) -> Option<BehaviourStep> {
        self.unscored().first().copied()
    }
}

/// One step's figures over the sheets that scored it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// How many sheets scored it.
    pub n: usize,
    /// Their mean, when any did.
    pub mean: Option<f64>,
    /// How far scores lie from the mean (population standard deviation).
    pub spread: Option<f64>,
    /// The lowest and highest score given.
    pub range: Option<(u8, u8)>,
}

impl Figures {
    fn of(scores: impl Iterator<Item = u8>) -> Figures {
        let scores: Vec<u8> = scores.collect();
        let n = scores.len();
        if n == 0 {
            return Figures::default();
        }
        let mean = scores.iter().map(|s| f64::from(*s)).sum::<f64>() / n as f64;
        let var = scores
            .iter()
            .map(|s| (f64::from(*s) - mean).powi(2))
            .sum::<f64>()
            / n as f64;
        let lo = scores.iter().copied().min().unwrap_or(0);
        let hi = scores.iter().copied().max().unwrap_or(0);
        Figures {
            n,
            mean: Some(mean),
            spread: Some(var.sqrt()),
            range: Some((lo, hi)),
        }
    }
}

/// A comment from a sheet, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remark {
    /// The round.
    pub round: u32,
    /// The trio.
    pub trio: TrioId,
    /// The staff member it is about.
    pub staff: ParticipantId,
    /// The step.
    pub step: BehaviourStep,
    /// Its score.
    pub score: Option<u8>,
    /// What the observer wrote.
    pub text: String,
}

/// What the room's sheets add up to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Debrief {
    /// Sheets counted (an empty sheet counts as none).
    pub sheets: usize,
    /// Of those, the ones with something still to fill in.
    pub unfinished: usize,
    /// Each step over every sheet, in the order of [`BehaviourStep::ALL`].
    pub steps: [Figures; 5],
    /// The step with the lowest mean (the earlier one on a tie).
    pub weakest: Option<BehaviourStep>,
    /// Each trio's steps.
    pub by_trio: BTreeMap<TrioId, [Figures; 5]>,
    /// Each staff member's steps.
    pub by_person: BTreeMap<ParticipantId, [Figures; 5]>,
    /// Every comment written, in round order.
    pub remarks: Vec<Remark>,
    /// How many customers left with the card's feeling, in part, or not.
    pub left_with: [usize; 3],
    /// Drills passed and not yet.
    pub passed: usize,
    /// Drills not passed yet.
    pub not_yet: usize,
}

/// The five steps' figures over some sheets.
fn steps_of<'a>(sheets: impl Iterator<Item = &'a Sheet> + Clone) -> [Figures; 5] {
    BehaviourStep::ALL.map(|step| Figures::of(sheets.clone().filter_map(|s| s.score_of(step))))
}

/// The debrief of `sheets`: missing sheets and unscored steps are left out
/// of the figures rather than counted as zero.
pub fn debrief(sheets: &[Sheet]) -> Debrief {
    let written: Vec<&Sheet> = sheets.iter().filter(|s| s.is_written()).collect();
    let steps = steps_of(written.iter().copied());
    let weakest = BehaviourStep::ALL
        .into_iter()
        .filter_map(|s| steps[s.index()].mean.map(|m| (s, m)))
        .fold(
            None,
            |low: Option<(BehaviourStep, f64)>, (s, m)| match low {
                Some((_, lm)) if lm <= m => low,
                _ => Some((s, m)),
            },
        )
        .map(|(s, _)| s);
    let mut trios: BTreeMap<TrioId, Vec<&Sheet>> = BTreeMap::new();
    let mut people: BTreeMap<ParticipantId, Vec<&Sheet>> = BTreeMap::new();
    for s in &written {
        trios.entry(s.trio).or_default().push(s);
        people.entry(s.staff).or_default().push(s);
    }
    let mut remarks: Vec<Remark> = written
        .iter()
        .flat_map(|s| {
            BehaviourStep::ALL.into_iter().filter_map(move |step| {
                let text = s.comment(step).trim();
                (!text.is_empty()).then(|| Remark {
                    round: s.round,
                    trio: s.trio,
                    staff: s.staff,
                    step,
                    score: s.score_of(step),
                    text: text.to_string(),
                })
            })
        })
        .collect();
    remarks.sort_by_key(|r| (r.round, r.trio, r.step));
    let count = |f: &dyn Fn(&Sheet) -> bool| written.iter().filter(|s| f(s)).count();
    Debrief {
        sheets: written.len(),
        unfinished: count(&|s| !s.is_complete()),
        steps,
        weakest,
        by_trio: trios
            .into_iter()
            .map(|(t, v)| (t, steps_of(v.into_iter())))
            .collect(),
        by_person: people
            .into_iter()
            .map(|(p, v)| (p, steps_of(v.into_iter())))
            .collect(),
        remarks,
        left_with: [LeftWith::Yes, LeftWith::Partly, LeftWith::No]
            .map(|l| count(&|s| s.left_with == Some(l))),
        passed: count(&|s| s.verdict == Some(Verdict::Passed)),
        not_yet: count(&|s| s.verdict == Some(Verdict::NotYet)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use BehaviourStep::*;

    fn sheet(round: u32, trio: TrioId, staff: ParticipantId, scores: [u8; 5]) -> Sheet {
        let mut s = Sheet::new(round, trio, staff);
        for step in BehaviourStep::ALL {
            s.score(step, Some(scores[step.index()])).expect("1 to 5");
        }
        s
    }

    #[test]
    fn a_low_score_asks_for_a_comment_and_a_sheet_knows_when_it_is_whole() {
        let mut s = sheet(0, 1, 7, [4, 2, 5, 1, 3]);
        assert_eq!(s.missing_comments(), [Analyse, Summarise]);
        assert!(!s.is_complete());
        s.comments[Analyse.index()] = "asked no open question".into();
        s.comments[Summarise.index()] = "  ".into();
        assert_eq!(s.missing_comments(), [Summarise], "blank is not a comment");
        s.comments[Summarise.index()] = "no recap of the agreed steps".into();
        s.left_with = Some(LeftWith::Partly);
        assert!(!s.is_complete(), "the verdict is still to give");
        s.verdict = Some(Verdict::NotYet);
        assert!(s.is_complete());
        s.score(Solve, None).expect("taking a score off");
        assert_eq!(s.unscored(), [Solve]);
        assert!(!s.is_complete());
        assert_eq!(s.score(Solve, Some(6)), Err(SheetError::Score(6)));
        assert_eq!(s.score(Solve, Some(0)), Err(SheetError::Score(0)));
    }

    #[test]
    fn a_paper_sheet_goes_in_with_seven_keys_and_back_takes_the_last_off() {
        let mut s = Sheet::new(0, 1, 3);
        for v in [4, 3, 5, 4, 4] {
            s.enter(Entry::Score(v)).expect("a score");
        }
        assert_eq!(s.enter(Entry::Score(3)), Err(EntryError::AllScored));
        s.enter(Entry::LeftWith(LeftWith::Yes)).expect("feeling");
        s.enter(Entry::Verdict(Verdict::Passed)).expect("verdict");
        assert!(s.is_complete());
        assert_eq!(s.scores, [Some(4), Some(3), Some(5), Some(4), Some(4)]);
        // Back: the verdict, then the feeling, then the scores from the end.
        s.enter(Entry::Back).expect("back");
        assert_eq!(s.verdict, None);
        s.enter(Entry::Back).expect("back");
        assert_eq!(s.left_with, None);
        s.enter(Entry::Back).expect("back");
        assert_eq!(s.next_step(), Some(FollowUp));
        assert_eq!(s.enter(Entry::Score(0)), Err(EntryError::Score(0)));
        for _ in 0..4 {
            s.enter(Entry::Back).expect("back");
        }
        assert_eq!(s.enter(Entry::Back), Err(EntryError::Empty));
        // A score taken off in the middle is the next one filled.
        let mut s = sheet(0, 1, 1, [1, 2, 3, 4, 5]);
        s.score(Solve, None).expect("off");
        s.enter(Entry::Score(2)).expect("fills Solve");
        assert_eq!(s.score_of(Solve), Some(2));
    }

    #[test]
    fn the_debrief_adds_up_steps_trios_people_and_remarks() {
        let mut a = sheet(0, 1, 1, [4, 2, 5, 3, 3]);
        a.comments[Analyse.index()] = "jumped to a solution".into();
        a.left_with = Some(LeftWith::Yes);
        a.verdict = Some(Verdict::Passed);
        let mut b = sheet(1, 1, 2, [2, 2, 3, 3, 5]);
        b.left_with = Some(LeftWith::No);
        b.verdict = Some(Verdict::NotYet);
        let c = sheet(0, 2, 4, [5, 5, 4, 3, 4]);
        let d = debrief(&[b.clone(), a.clone(), c.clone()]);
        assert_eq!(d.sheets, 3);
        let atmosphere = d.steps[Atmosphere.index()];
        assert_eq!(atmosphere.n, 3);
        assert!((atmosphere.mean.expect("scored") - 11.0 / 3.0).abs() < 1e-9);
        assert_eq!(atmosphere.range, Some((2, 5)));
        // 4, 2, 5 around 11/3: the spread is the population deviation.
        let spread = atmosphere.spread.expect("scored");
        assert!((spread - (14.0f64 / 9.0).sqrt()).abs() < 1e-9, "{spread}");
        assert_eq!(d.weakest, Some(Analyse), "mean 3 is the lowest");
        assert_eq!(d.by_trio.len(), 2);
        assert_eq!(d.by_trio[&1][Atmosphere.index()].mean, Some(3.0));
        assert_eq!(d.by_person[&4][Analyse.index()].mean, Some(5.0));
        assert_eq!(d.remarks.len(), 1);
        assert_eq!(d.remarks[0].text, "jumped to a solution");
        assert_eq!(d.remarks[0].score, Some(2));
        assert_eq!(d.left_with, [1, 0, 1]);
        assert_eq!((d.passed, d.not_yet), (1, 1));
    }

    #[test]
    fn missing_sheets_and_scores_are_left_out_not_counted_as_zero() {
        assert_eq!(debrief(&[]), Debrief::default());
        let blank = Sheet::new(0, 1, 1);
        let mut half = Sheet::new(0, 2, 4);
        half.score(Solve, Some(4)).expect("a score");
        let d = debrief(&[blank, half]);
        assert_eq!(d.sheets, 1, "a blank sheet is no sheet");
        assert_eq!(d.steps[Solve.index()].mean, Some(4.0));
        assert_eq!(d.steps[Atmosphere.index()], Figures::default());
        assert_eq!(d.weakest, Some(Solve), "the only step scored");
        // A tie goes to the earlier step.
        let d = debrief(&[sheet(0, 1, 1, [3, 3, 3, 3, 3])]);
        assert_eq!(d.weakest, Some(Atmosphere));
    }
}
