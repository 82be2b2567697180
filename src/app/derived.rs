//! Figures computed from the session once per change, not once per frame:
//! the scores, the matrix, the ranking, and the counts the lists show. Each
//! is worked out the first time something asks for it after a change and
//! kept until the next change; every frame, and every key that only moves,
//! reads the kept one, the drill's debrief included. Later figures
//! (duplicate pairs, how many phones have voted) belong here too.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::sync::Arc;

use crate::model::drill::sheet::{Debrief, debrief};
use crate::model::{Filter, Matrix, Messages, MotId, Ranked, Ranking, Score, Session, coach};

/// What the views read instead of walking every MOT; see the module.
#[derive(Debug, Default)]
pub struct Derived {
    scores: OnceCell<HashMap<MotId, Score>>,
    matrix: OnceCell<Matrix>,
    ranking: OnceCell<Ranking>,
    needs_work: OnceCell<usize>,
    untagged: OnceCell<usize>,
    most: OnceCell<(u64, u64)>,
    max_id: OnceCell<MotId>,
    messages: OnceCell<Messages>,
    debrief: OnceCell<Debrief>,
    /// This round's sheets by staff member (index into the drill's sheets).
    round_sheets: OnceCell<HashMap<crate::model::ParticipantId, usize>>,
    /// What Choose lists, for the filter and pin it was worked out for.
    shown: RefCell<Option<ShownFor>>,
}

/// A Choose list and the filter and pin it was worked out for.
type ShownFor = (Filter, Option<MotId>, Arc<Rows>);

/// Rows of the ranking as a list shows them: positions in
/// [`Ranking::ranked`], in order, and where each MOT is among them.
#[derive(Debug, Default)]
pub struct Rows {
    /// Positions in the ranking, in the order shown.
    rows: Vec<usize>,
    /// The same rows as if every vote weighed the same (the audit's other column).
    raw: std::sync::OnceLock<RawRows>,
    /// For each MOT (by its index in the session), its row, if listed.
    at: HashMap<usize, usize>,
    /// Votes were hidden: rows follow the session's order, not the ranking.
    hidden: bool,
}

/// The rows in raw order, and where each MOT is among them.
#[derive(Debug, Default)]
struct RawRows {
    rows: Vec<usize>,
    at: HashMap<usize, usize>,
}

/// The MOTs Choose lists, read from the ranking without copying it.
#[derive(Debug, Clone)]
pub struct Shown<'a> {
    ranking: &'a Ranking,
    rows: Arc<Rows>,
    raw: bool,
}

impl<'a> Shown<'a> {
    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.rows.len()
    }

    /// Whether nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.rows.is_empty()
    }

    /// The row at `i`.
    pub fn get(&self, i: usize) -> Option<&'a Ranked> {
        let at = if self.raw {
            self.raw_rows().rows.get(i)
        } else {
            self.rows.rows.get(i)
        };
        at.map(|&p| &self.ranking.ranked[p])
    }

    /// Which row shows the MOT at this index of the session.
    pub fn row_of(&self, index: usize) -> Option<usize> {
        let at = if self.raw {
            &self.raw_rows().at
        } else {
            &self.rows.at
        };
        at.get(&index).copied()
    }

    /// The same MOTs as if every vote weighed the same: raw count first
    /// (in session order while votes are hidden).
    pub fn by_raw(&self) -> Shown<'a> {
        Shown {
            raw: true,
            ..self.clone()
        }
    }

    fn raw_rows(&self) -> &RawRows {
        self.rows.raw.get_or_init(|| {
            crate::model::work::note_n(crate::model::work::Entry::Walk, self.rows.rows.len());
            let listed: std::collections::HashSet<usize> = self.rows.rows.iter().copied().collect();
            let mut raw: Vec<usize> = self
                .ranking
                .raw_positions()
                .iter()
                .copied()
                .filter(|p| listed.contains(p))
                .collect();
            if self.rows.hidden {
                raw.sort_by_key(|&p| self.ranking.ranked[p].index);
            }
            let at = raw
                .iter()
                .enumerate()
                .map(|(row, &p)| (self.ranking.ranked[p].index, row))
                .collect();
            RawRows { rows: raw, at }
        })
    }
}

impl std::ops::Index<usize> for Shown<'_> {
    type Output = Ranked;
    fn index(&self, i: usize) -> &Ranked {
        match self.get(i) {
            Some(r) => r,
            None => panic!("row {i} of {}", self.len()),
        }
    }
}

impl Derived {
    /// Every MOT's score.
    pub fn scores(&self, s: &Session) -> &HashMap<MotId, Score> {
        self.scores.get_or_init(|| s.scores())
    }

    /// The 4 x 5 matrix.
    pub fn matrix(&self, s: &Session) -> &Matrix {
        self.matrix.get_or_init(|| Matrix::build(s, self.scores(s)))
    }

    /// The ranking by weighted score.
    pub fn ranking(&self, s: &Session) -> &Ranking {
        self.ranking.get_or_init(|| s.ranking_with(self.scores(s)))
    }

    /// How many MOTs the coach has advice for.
    pub fn needs_work(&self, s: &Session) -> usize {
        *self
            .needs_work
            .get_or_init(|| s.mots.iter().filter(|m| !coach(*m).is_empty()).count())
    }

    /// The highest weighted score and the highest raw count of any MOT
    /// (what columns are sized for).
    pub fn most(&self, s: &Session) -> (u64, u64) {
        *self.most.get_or_init(|| {
            crate::model::work::note_n(crate::model::work::Entry::Walk, s.mots.len());
            self.scores(s)
                .values()
                .fold((0, 0), |(w, r), sc| (w.max(sc.weighted), r.max(sc.raw)))
        })
    }

    /// The highest MOT id (what the id column is sized for).
    pub fn max_id(&self, s: &Session) -> MotId {
        *self.max_id.get_or_init(|| {
            crate::model::work::note_n(crate::model::work::Entry::Walk, s.mots.len());
            s.mots.iter().map(|m| m.id).max().unwrap_or(0)
        })
    }

    /// How the chosen MOTs stand with the core message.
    pub fn messages(&self, s: &Session) -> Messages {
        *self.messages.get_or_init(|| s.messages())
    }

    /// What the drill's sheets add up to: the debrief's figures.
    pub fn debrief(&self, s: &Session) -> &Debrief {
        self.debrief.get_or_init(|| debrief(&s.drill.sheets))
    }

    /// The sheet `staff` has in the drill's current round, if any: the
    /// round's tables look theirs up here rather than walk every sheet.
    pub fn round_sheet<'s>(
        &self,
        s: &'s Session,
        staff: crate::model::ParticipantId,
    ) -> Option<&'s crate::model::drill::sheet::Sheet> {
        let at = self.round_sheets.get_or_init(|| {
            let round = s.drill.round;
            s.drill
                .sheets
                .iter()
                .enumerate()
                .filter(|(_, sh)| sh.round == round)
                .map(|(i, sh)| (sh.staff, i))
                .collect()
        });
        at.get(&staff).and_then(|i| s.drill.sheets.get(*i))
    }

    /// What Choose lists under this filter (and the MOT pinned in it):
    /// worked out once per change, filter and pin.
    pub fn shown<'a>(
        &self,
        s: &Session,
        ranking: &'a Ranking,
        filter: Filter,
        pinned: Option<MotId>,
    ) -> Shown<'a> {
        let mut kept = self.shown.borrow_mut();
        let rows = match &*kept {
            Some((f, p, rows)) if *f == filter && *p == pinned => Arc::clone(rows),
            _ => {
                let rows = Arc::new(list_rows(s, ranking, filter, pinned));
                *kept = Some((filter, pinned, Arc::clone(&rows)));
                rows
            }
        };
        Shown {
            ranking,
            rows,
            raw: false,
        }
    }

    /// How many MOTs still lack a dimension or a quality.
    pub fn untagged(&self, s: &Session) -> usize {
        *self.untagged.get_or_init(|| s.untagged_count())
    }
}

/// The rows of the ranking a filter keeps, with the pinned MOT kept too.
fn list_rows(s: &Session, ranking: &Ranking, filter: Filter, pinned: Option<MotId>) -> Rows {
    crate::model::work::note_n(crate::model::work::Entry::Walk, ranking.ranked.len());
    let hidden = !s.votes_revealed;
    // While votes are hidden the centre is not known: listing it would
    // tell the room which MOTs lead.
    if hidden && filter == Filter::Candidates {
        return Rows {
            hidden,
            ..Rows::default()
        };
    }
    let mut rows: Vec<usize> = (0..ranking.ranked.len())
        .filter(|&p| {
            let r = &ranking.ranked[p];
            filter.keeps(s, r) || pinned == Some(r.id)
        })
        .collect();
    if hidden {
        rows.sort_by_key(|&p| ranking.ranked[p].index);
    }
    let at = rows
        .iter()
        .enumerate()
        .map(|(row, &p)| (ranking.ranked[p].index, row))
        .collect();
    Rows {
        rows,
        raw: std::sync::OnceLock::new(),
        at,
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MotText;

    #[test]
    fn a_figure_is_kept_until_it_is_forgotten() {
        let mut s = Session::new("t");
        s.add_mot(MotText::default());
        let mut d = Derived::default();
        assert_eq!(d.untagged(&s), 1);
        s.add_mot(MotText::default());
        assert_eq!(d.untagged(&s), 1, "kept: no change was said");
        d = Derived::default();
        assert_eq!(d.untagged(&s), 2);
        assert_eq!(d.needs_work(&s), 2);
        assert_eq!(d.ranking(&s).ranked.len(), 2);
    }

    #[test]
    fn a_tables_sheet_is_found_in_the_current_round_only() {
        let mut s = Session::new("t");
        s.drill.form_trios(&[1, 2, 3]).expect("a trio");
        s.drill.sheet_mut(1, 1).scores[0] = Some(4);
        s.drill.round = 1;
        s.drill.sheet_mut(1, 2).scores[0] = Some(2);
        let d = Derived::default();
        assert_eq!(d.round_sheet(&s, 2).map(|sh| sh.round), Some(1));
        assert!(
            d.round_sheet(&s, 1).is_none(),
            "round 0's sheet is not this round's"
        );
        let d = Derived::default();
        s.drill.round = 0;
        assert_eq!(d.round_sheet(&s, 1).map(|sh| sh.scores[0]), Some(Some(4)));
    }

    #[test]
    fn the_debrief_is_worked_out_once_per_change() {
        use crate::model::drill::BehaviourStep;
        let mut s = Session::new("t");
        let mut d = Derived::default();
        assert_eq!(d.debrief(&s).sheets, 0);
        s.drill
            .sheet_mut(1, 7)
            .score(BehaviourStep::Solve, Some(4))
            .expect("a score");
        assert_eq!(d.debrief(&s).sheets, 0, "kept: no change was said");
        d = Derived::default();
        assert_eq!(d.debrief(&s).sheets, 1);
        assert_eq!(d.debrief(&s).weakest, Some(BehaviourStep::Solve));
    }
}
