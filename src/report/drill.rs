//! The drill's part of a report: what the observers' sheets add up to, and
//! every sheet as a row, people named unless the drill leaves them out.

use crate::model::Session;
use crate::model::drill::BehaviourStep;
use crate::model::drill::sheet::{Figures, LeftWith, Verdict, debrief};
use crate::tr;

/// One behaviour step's figures over the sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct StepRow {
    /// The step's name.
    pub name: String,
    /// Mean score, when any sheet scored it.
    pub mean: Option<f64>,
    /// Population standard deviation.
    pub spread: Option<f64>,
    /// Sheets that scored it.
    pub n: usize,
    /// Whether it is the weakest step.
    pub weakest: bool,
}

/// A comment from an observer's sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The step's name.
    pub step: String,
    /// The step's score.
    pub score: Option<u8>,
    /// What the observer wrote.
    pub text: String,
    /// Where it came from: the round, and the trio and person unless anonymous.
    pub from: String,
}

/// What the drill's sheets add up to.
#[derive(Debug, Clone, PartialEq)]
pub struct DrillReport {
    /// Sheets with something written.
    pub sheets: usize,
    /// Of those, the ones still to finish.
    pub unfinished: usize,
    /// The five steps, in order.
    pub steps: Vec<StepRow>,
    /// Whether people are left unnamed (then `by` is per trio).
    pub anonymous: bool,
    /// Each person's (or, anonymous, each trio's) mean per step.
    pub by: Vec<(String, [Option<f64>; 5])>,
    /// Customers who left with the feeling: yes, partly, no.
    pub left_with: [usize; 3],
    /// Drills passed.
    pub passed: usize,
    /// Drills not passed yet.
    pub not_yet: usize,
    /// Every comment, in round order.
    pub comments: Vec<Comment>,
    /// Every written sheet, in the order they were begun.
    pub rows: Vec<SheetRow>,
}

/// Who played what at a sheet's table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetPeople {
    /// The staff member observed.
    pub staff: String,
    /// The customer, when the trio as it is now says who it was.
    pub customer: Option<String>,
    /// The observers, likewise (none known: empty).
    pub observers: Vec<String>,
}

/// One observer's sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    /// The round, from 1.
    pub round: u32,
    /// The trio's number.
    pub trio: u32,
    /// The card played: its number and title, when known.
    pub card: Option<(u32, String)>,
    /// Who played what; `None` when the drill leaves people unnamed.
    pub people: Option<SheetPeople>,
    /// The five steps' scores, 1 to 5.
    pub scores: [Option<u8>; 5],
    /// Whether the customer left with the feeling, in words.
    pub left_with: Option<String>,
    /// The verdict, in words.
    pub verdict: Option<String>,
    /// Each comment written: the step's name and the text.
    pub comments: Vec<(String, String)>,
}

/// The drill's part of a report, if the session has a drill.
pub(super) fn build(s: &Session) -> Option<DrillReport> {
    if s.drill.is_empty() {
        return None;
    }
    let d = debrief(&s.drill.sheets);
    let anonymous = s.drill.anonymous;
    let name = |id| {
        s.participant(id).map_or_else(
            || tr!("report.drill.someone_gone").to_string(),
            |p| p.name.clone(),
        )
    };
    let means = |f: &[Figures; 5]| f.map(|f| f.mean);
    let by = if anonymous {
        d.by_trio
            .iter()
            .map(|(t, f)| (tr!("drill.trio", n = t), means(f)))
            .collect()
    } else {
        d.by_person
            .iter()
            .map(|(p, f)| (name(*p), means(f)))
            .collect()
    };
    let comments = d
        .remarks
        .iter()
        .map(|r| Comment {
            step: r.step.name().to_string(),
            score: r.score,
            text: r.text.clone(),
            from: if anonymous {
                tr!("drill.debrief.from_anonymous", round = r.round + 1)
            } else {
                tr!(
                    "drill.debrief.from",
                    name = name(r.staff),
                    trio = r.trio,
                    round = r.round + 1
                )
            },
        })
        .collect();
    Some(DrillReport {
        sheets: d.sheets,
        unfinished: d.unfinished,
        steps: BehaviourStep::ALL
            .iter()
            .map(|&step| {
                let f = d.steps[step.index()];
                StepRow {
                    name: step.name().to_string(),
                    mean: f.mean,
                    spread: f.spread,
                    n: f.n,
                    weakest: d.weakest == Some(step),
                }
            })
            .collect(),
        anonymous,
        by,
        left_with: d.left_with,
        passed: d.passed,
        not_yet: d.not_yet,
        comments,
        rows: s
            .drill
            .sheets
            .iter()
            .filter(|sheet| sheet.is_written())
            .map(|sheet| SheetRow {
                round: sheet.round.saturating_add(1),
                trio: sheet.trio,
                card: s.drill.card_of(sheet).map(|id| {
                    (
                        id,
                        s.drill
                            .card(id)
                            .map(|c| c.title.clone())
                            .unwrap_or_default(),
                    )
                }),
                people: (!anonymous).then(|| {
                    let roles = s.drill.roles_of(sheet);
                    SheetPeople {
                        staff: name(sheet.staff),
                        customer: roles.as_ref().map(|r| name(r.customer)),
                        observers: roles
                            .map(|r| r.observers.iter().map(|o| name(*o)).collect())
                            .unwrap_or_default(),
                    }
                }),
                scores: sheet.scores,
                left_with: sheet.left_with.map(|l| left_words(l).to_string()),
                verdict: sheet.verdict.map(|v| verdict_words(v).to_string()),
                comments: BehaviourStep::ALL
                    .iter()
                    .filter(|step| !sheet.comment(**step).trim().is_empty())
                    .map(|step| {
                        (
                            step.name().to_string(),
                            sheet.comment(*step).trim().to_string(),
                        )
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// Whether the customer left with the feeling, in the report's words.
fn left_words(l: LeftWith) -> &'static str {
    match l {
        LeftWith::Yes => tr!("drill.left.yes"),
        LeftWith::Partly => tr!("drill.left.partly"),
        LeftWith::No => tr!("drill.left.no"),
    }
}

/// A verdict in the report's words.
fn verdict_words(v: Verdict) -> &'static str {
    match v {
        Verdict::Passed => tr!("drill.verdict.passed"),
        Verdict::NotYet => tr!("drill.verdict.not_yet"),
    }
}
