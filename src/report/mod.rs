//! A session as a report for people who were not in the room: the decision
//! first (the chosen MOTs and their MOTX), then what led to it. [`build`]
//! reads the session once into a [`Report`] of plain rows, its numbers
//! computed and its words in one language; each format renders that same
//! value ([`markdown`], [`csv`], [`html`]). No terminal types here, as in
//! the domain.

pub mod beside;
pub mod csv;
mod drill;
pub mod file;
pub mod html;
pub mod markdown;

use std::collections::HashMap;

use crate::i18n::{self, Language};
use crate::model::{
    Circle, Dimension, Golden, Matrix, Messages, Mot, MotId, Motx, Quality, Region, Session,
    sentence,
};

pub use drill::{Comment, DrillReport, SheetPeople, SheetRow, StepRow};
pub use file::{WriteError, write};

/// A calendar day (UTC), as a report is dated.
pub use crate::calendar::Date;

/// Where the votes stand, which decides what numbers a report may show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Votes {
    /// Still blind: no score, rank or importance is shown, as in the room.
    Hidden,
    /// Revealed, but nobody has voted.
    None,
    /// Revealed and counted; `weights_erase` when every group weighs 0.
    Counted {
        /// Votes were cast but every weight is 0, so no score counts.
        weights_erase: bool,
    },
}

impl Votes {
    /// Whether scores may be shown.
    pub fn shown(self) -> bool {
        matches!(self, Votes::Counted { .. })
    }
}

/// One MOT as the report reads it: its sentence and its three elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotLine {
    /// Its number in the session.
    pub id: MotId,
    /// Who, situation and feeling as one sentence.
    pub sentence: String,
    /// Who the customer is.
    pub who: String,
    /// The scene.
    pub situation: String,
    /// What they felt.
    pub feeling: String,
    /// Where it came from (a breakout, a file, the drill, a phone), in words.
    pub origin: Option<String>,
    /// Who sent it from their phone, only when the session shows authors.
    pub author: Option<String>,
    /// The wordings of duplicates merged into it, each as a sentence.
    pub notes: Vec<String>,
}

impl MotLine {
    /// `m` as the report reads it; its author only when `show_authors`.
    fn of(m: &Mot, show_authors: bool) -> MotLine {
        MotLine {
            id: m.id,
            sentence: sentence(m),
            who: m.who.clone(),
            situation: m.situation.clone(),
            feeling: m.feeling.clone(),
            origin: m.origin.as_ref().map(crate::model::MotOrigin::words),
            author: m.shown_author(show_authors).map(str::to_string),
            notes: m
                .notes
                .iter()
                .map(|n| match &n.origin {
                    Some(o) => format!("{} ({})", sentence(n), o.words()),
                    None => sentence(n),
                })
                .collect(),
        }
    }

    /// Where it came from and who sent it, as one line ("Sent from a phone
    /// · Ann"), as the Markdown and HTML say it.
    pub fn origin_line(&self) -> Option<String> {
        crate::model::provenance(self.origin.clone(), self.author.as_deref())
    }
}

/// A weighted score beside the raw count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Points {
    /// Every counted vote times its group's weight.
    pub weighted: u64,
    /// Counted votes, unweighted.
    pub raw: u64,
}

/// A chosen MOT, with everything the decision rests on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenMot {
    /// The MOT.
    pub mot: MotLine,
    /// Its dimension's name, once tagged.
    pub dimension: Option<String>,
    /// Its qualities' names.
    pub qualities: Vec<String>,
    /// Its golden mark, symbol and name ("▲ peak").
    pub golden: Option<String>,
    /// Whether it carries the core message.
    pub carries: bool,
    /// Its score, when votes may be shown.
    pub points: Option<Points>,
    /// What we do, and what we expect the customer to do next.
    pub motx: Motx,
}

/// One row of the ranking (only while votes may be shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RankRow {
    /// Rank by weighted score (ties share a rank).
    pub rank: usize,
    /// Rank as if every vote weighed the same.
    pub raw_rank: usize,
    /// The MOT.
    pub mot: MotLine,
    /// Its score.
    pub points: Points,
    /// Weighted points per respondent group, in [`Report::groups`] order.
    pub by_group: Vec<u64>,
    /// Whether it is chosen.
    pub chosen: bool,
}

/// Where a MOT stands in the vote (only while votes may be shown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Its score.
    pub points: Points,
    /// Rank by weighted score (ties share a rank).
    pub rank: usize,
    /// Rank as if every vote weighed the same.
    pub raw_rank: usize,
    /// Weighted points per respondent group, in [`Report::groups`] order.
    pub by_group: Vec<u64>,
}

/// A MOT with every field it holds, for a table of them all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MotRow {
    /// The MOT.
    pub mot: MotLine,
    /// Its dimension's name, once tagged.
    pub dimension: Option<String>,
    /// Its qualities' names.
    pub qualities: Vec<String>,
    /// Its golden mark, symbol and name ("▲ peak").
    pub golden: Option<String>,
    /// Whether it carries the core message.
    pub carries: bool,
    /// "We do it well", 1 to 5, once rated.
    pub we_do_well: Option<u8>,
    /// "Competitors do it poorly", 1 to 5, once rated.
    pub competitors_poor: Option<u8>,
    /// Whether it is chosen.
    pub chosen: bool,
    /// What we do, and what we expect the customer to do next.
    pub motx: Motx,
    /// Its score and ranks; `None` while votes may not be shown.
    pub standing: Option<Standing>,
}

/// One cell of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixCell {
    /// MOTs in the cell.
    pub count: usize,
    /// Their weighted points, when votes may be shown.
    pub points: Option<u64>,
}

/// One dimension's row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    /// The dimension's name.
    pub dimension: String,
    /// Whether it is the session's focus.
    pub focus: bool,
    /// One cell per quality, in [`Report::qualities`] order.
    pub cells: Vec<MatrixCell>,
}

/// A circle and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Threshold {
    /// Which circle.
    pub circle: Circle,
    /// Its name.
    pub name: String,
    /// Percent of the top score (importance) or a rating from 1 to 5.
    pub from: u8,
}

/// The three circles of principle five.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Circles {
    /// Each circle's threshold.
    pub thresholds: Vec<Threshold>,
    /// Each region holding MOTs: the names of its circles (none: outside
    /// every circle) and how many MOTs. While votes are hidden importance
    /// is unknown, and the regions are of the two rated circles only.
    pub regions: Vec<(Vec<String>, usize)>,
    /// MOTs not rated on both ratings yet.
    pub unrated: usize,
    /// The MOTs in all three circles; `None` while votes are hidden.
    pub candidates: Option<Vec<MotLine>>,
    /// How many MOTs each region holds, by [`Region::index`]; while votes
    /// are hidden only the regions outside importance (even numbers) count.
    pub counts: [usize; 8],
}

/// A golden moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldenMot {
    /// The mark's symbol and name ("▲ peak").
    pub mark: String,
    /// The MOT.
    pub mot: MotLine,
}

/// A respondent group and who is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRow {
    /// Its name.
    pub name: String,
    /// Who belongs to it, in a few words.
    pub description: String,
    /// Its vote weight.
    pub weight: u32,
    /// Its participants' names.
    pub people: Vec<String>,
}

/// The MOTs of one dimension (`None`: not tagged yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionMots {
    /// The dimension's name; `None` for the untagged.
    pub dimension: Option<String>,
    /// Its MOTs, in the session's order.
    pub mots: Vec<MotLine>,
}

/// A whole report: plain data in one language, for any format to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The language of every word in it.
    pub lang: Language,
    /// The session's title.
    pub title: String,
    /// The brand.
    pub brand: String,
    /// The day the session file last changed, if known.
    pub date: Option<Date>,
    /// The target user.
    pub target_user: String,
    /// The core message.
    pub core_message: String,
    /// The focus dimension's name.
    pub focus: Option<String>,
    /// How many MOTs the session holds.
    pub mot_count: usize,
    /// Where the votes stand.
    pub votes: Votes,
    /// What the score adds up ("dots and hands").
    pub counting: String,
    /// The chosen MOTs, in the session's order.
    pub chosen: Vec<ChosenMot>,
    /// How the chosen MOTs stand with the core message.
    pub messages: Messages,
    /// Every MOT by weighted score; empty unless votes may be shown.
    pub ranking: Vec<RankRow>,
    /// How many MOTs the weights moved.
    pub moved: usize,
    /// The respondent groups, with their weights and people.
    pub groups: Vec<GroupRow>,
    /// The qualities' names, the matrix's columns.
    pub qualities: Vec<String>,
    /// The matrix, one row per dimension.
    pub matrix: Vec<MatrixRow>,
    /// The three circles.
    pub circles: Circles,
    /// The golden moments, peak, low, then end.
    pub golden: Vec<GoldenMot>,
    /// The drill, if the session has one.
    pub drill: Option<DrillReport>,
    /// Every MOT by dimension, the untagged last.
    pub by_dimension: Vec<DimensionMots>,
    /// Every MOT with all its fields, in the session's order.
    pub mots: Vec<MotRow>,
}

/// The formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown, to paste into an email, a wiki or a chat.
    Markdown,
    /// One table as CSV, for a spreadsheet.
    Csv,
    /// One printable, self-contained HTML page.
    Html,
}

impl Format {
    /// Every format, as `--format` names them.
    pub const ALL: [Format; 3] = [Format::Markdown, Format::Csv, Format::Html];

    /// The name `--format` takes, which is also the file's extension.
    pub fn code(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The format a `--format` name names.
    pub fn from_code(code: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.code() == code)
    }
}

/// The Markdown report of a session in `lang`, dated `date` (the session
/// file's last change, when known).
pub fn markdown(session: &Session, date: Option<Date>, lang: Language) -> String {
    markdown::render(&build(session, date, lang))
}

/// The HTML report of a session in `lang`, dated `date`.
pub fn html(session: &Session, date: Option<Date>, lang: Language) -> String {
    html::render(&build(session, date, lang))
}

/// Reads a session into a [`Report`] in `lang`.
pub fn build(session: &Session, date: Option<Date>, lang: Language) -> Report {
    // The domain names things in the language on show: the report's, for now.
    i18n::speaking(lang, || build_here(session, date, lang))
}

fn golden_words(g: Golden) -> String {
    format!("{} {}", g.symbol(), g.name())
}

fn build_here(s: &Session, date: Option<Date>, lang: Language) -> Report {
    let scores = s.scores();
    let ranking = s.ranking_with(&scores);
    let votes = if !s.votes_revealed {
        Votes::Hidden
    } else if !ranking.any_votes {
        Votes::None
    } else {
        Votes::Counted {
            weights_erase: ranking.weights_erase_votes,
        }
    };
    let shown = votes.shown();
    let points = |id: MotId| {
        scores.get(&id).map_or(
            Points {
                weighted: 0,
                raw: 0,
            },
            |sc| Points {
                weighted: sc.weighted,
                raw: sc.raw,
            },
        )
    };
    let chosen = s
        .mots
        .iter()
        .filter(|m| m.chosen)
        .map(|m| ChosenMot {
            mot: MotLine::of(m, s.show_authors),
            dimension: m.dimension.map(|d| d.name().to_string()),
            qualities: m.qualities.iter().map(|q| q.name().to_string()).collect(),
            golden: m.golden.map(golden_words),
            carries: m.carries_message,
            points: shown.then(|| points(m.id)),
            motx: m.motx.clone(),
        })
        .collect();
    let rank_rows = if shown {
        ranking
            .ranked
            .iter()
            .filter_map(|r| {
                let m = s.mots.get(r.index)?;
                Some(RankRow {
                    rank: r.rank,
                    raw_rank: r.raw_rank,
                    mot: MotLine::of(m, s.show_authors),
                    points: points(m.id),
                    by_group: r.score.by_group.iter().map(|(_, p)| *p).collect(),
                    chosen: m.chosen,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut standings: HashMap<usize, Standing> = HashMap::new();
    if shown {
        for r in &ranking.ranked {
            let Some(m) = s.mots.get(r.index) else {
                continue;
            };
            standings.insert(
                r.index,
                Standing {
                    points: points(m.id),
                    rank: r.rank,
                    raw_rank: r.raw_rank,
                    by_group: r.score.by_group.iter().map(|(_, p)| *p).collect(),
                },
            );
        }
    }
    let mots = s
        .mots
        .iter()
        .enumerate()
        .map(|(i, m)| MotRow {
            mot: MotLine::of(m, s.show_authors),
            dimension: m.dimension.map(|d| d.name().to_string()),
            qualities: m.qualities.iter().map(|q| q.name().to_string()).collect(),
            golden: m.golden.map(golden_words),
            carries: m.carries_message,
            we_do_well: m.we_do_well,
            competitors_poor: m.competitors_poor,
            chosen: m.chosen,
            motx: m.motx.clone(),
            standing: standings.remove(&i),
        })
        .collect();
    let matrix = Matrix::build(s, &scores);
    let matrix_rows = Dimension::ALL
        .iter()
        .map(|&d| MatrixRow {
            dimension: d.name().to_string(),
            focus: s.focus == Some(d),
            cells: Quality::ALL
                .iter()
                .map(|&q| {
                    let cell = matrix.cell(d, q);
                    MatrixCell {
                        count: cell.count(),
                        points: shown.then_some(cell.weighted),
                    }
                })
                .collect(),
        })
        .collect();
    let by_id: HashMap<MotId, &Mot> = s.mots.iter().map(|m| (m.id, &**m)).collect();
    let golden = Golden::ALL
        .iter()
        .flat_map(|&g| {
            s.mots
                .iter()
                .filter(move |m| m.golden == Some(g))
                .map(move |m| GoldenMot {
                    mark: golden_words(g),
                    mot: MotLine::of(m, s.show_authors),
                })
        })
        .collect();
    let groups = s
        .groups
        .iter()
        .map(|g| GroupRow {
            name: g.name.clone(),
            description: g.description.clone(),
            weight: g.weight,
            people: s
                .participants
                .iter()
                .filter(|p| p.group == g.id)
                .map(|p| p.name.clone())
                .collect(),
        })
        .collect();
    let mut by_dimension: Vec<DimensionMots> = Dimension::ALL
        .iter()
        .map(|&d| DimensionMots {
            dimension: Some(d.name().to_string()),
            mots: s
                .mots
                .iter()
                .filter(|m| m.dimension == Some(d))
                .map(|m| MotLine::of(m, s.show_authors))
                .collect(),
        })
        .collect();
    by_dimension.push(DimensionMots {
        dimension: None,
        mots: s
            .mots
            .iter()
            .filter(|m| m.dimension.is_none())
            .map(|m| MotLine::of(m, s.show_authors))
            .collect(),
    });
    by_dimension.retain(|d| !d.mots.is_empty());
    Report {
        lang,
        title: s.title.clone(),
        brand: s.brand.clone(),
        date,
        target_user: s.target_user.clone(),
        core_message: s.core_message.clone(),
        focus: s.focus.map(|d| d.name().to_string()),
        mot_count: s.mots.len(),
        votes,
        counting: s.counting.name().to_string(),
        chosen,
        messages: s.messages(),
        ranking: rank_rows,
        moved: if shown { ranking.moved() } else { 0 },
        groups,
        qualities: Quality::ALL.iter().map(|q| q.name().to_string()).collect(),
        matrix: matrix_rows,
        circles: circles(s, &ranking, &by_id, shown),
        golden,
        drill: drill::build(s),
        by_dimension,
        mots,
    }
}

fn circles(
    s: &Session,
    ranking: &crate::model::Ranking,
    by_id: &HashMap<MotId, &Mot>,
    shown: bool,
) -> Circles {
    let thresholds = Circle::ALL
        .iter()
        .map(|&c| Threshold {
            circle: c,
            name: c.name().to_string(),
            from: s.circles.get(c),
        })
        .collect();
    // Hidden votes leave importance unknown: the regions of the two ratings.
    let mut counts = [0usize; 8];
    for r in &ranking.ranked {
        let i = r.region.index();
        counts[if shown { i } else { i & !1 }] += 1;
    }
    // The centre first, then the regions of two circles, one, and none.
    let mut order: Vec<usize> = (0..8).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(i.count_ones()), i));
    let regions = order
        .into_iter()
        .filter(|&i| counts[i] > 0)
        .map(|i| {
            let region = Region::from_index(i);
            let names = Circle::ALL
                .iter()
                .filter(|c| region.contains(**c))
                .map(|c| c.name().to_string())
                .collect();
            (names, counts[i])
        })
        .collect();
    let unrated = s
        .mots
        .iter()
        .filter(|m| m.we_do_well.is_none() || m.competitors_poor.is_none())
        .count();
    let candidates = shown.then(|| {
        ranking
            .candidates()
            .filter_map(|r| by_id.get(&r.id).map(|m| MotLine::of(m, s.show_authors)))
            .collect()
    });
    Circles {
        thresholds,
        regions,
        unrated,
        candidates,
        counts,
    }
}

impl Report {
    /// The message check as lines, the same in every format: whether the
    /// core message is set, how many chosen MOTs carry it, how many
    /// messages they speak with, and a warning when that is too many.
    pub fn message_check(&self) -> Vec<String> {
        let mut lines = Vec::new();
        if self.core_message.trim().is_empty() {
            lines.push(crate::tr!("report.messages.no_core").to_string());
        }
        let m = self.messages;
        if m.chosen == 0 {
            lines.push(crate::tr!("report.chosen.none").to_string());
            return lines;
        }
        lines.push(crate::tr!(
            "report.messages.carrying",
            carrying = m.carrying,
            chosen = m.chosen
        ));
        lines.push(crate::tr!("report.messages.distinct", n = m.distinct));
        if m.many() {
            lines.push(format!(
                "⚠ {}",
                crate::tr!("report.messages.many", n = m.distinct)
            ));
        }
        lines
    }
}
