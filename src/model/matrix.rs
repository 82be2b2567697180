//! The 4 x 5 intersection matrix: dimensions by service qualities.

use std::collections::HashMap;

use super::choose::Golden;
use super::session::{MotId, Session};
use super::taxonomy::{Dimension, Quality};
use super::vote::Score;

/// What one cell of the matrix holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cell {
    /// MOTs in the cell, highest weighted score first (ties by id).
    pub mots: Vec<MotId>,
    /// Sum of their weighted scores.
    pub weighted: u64,
    /// Sum of their raw vote counts.
    pub raw: u64,
    /// How many of them are chosen.
    pub chosen: usize,
    /// Which golden moments they hold, in [`Golden::ALL`]'s order.
    pub golden: [bool; 3],
}

impl Cell {
    /// How many MOTs the cell holds.
    pub fn count(&self) -> usize {
        self.mots.len()
    }
}

/// Twenty cells; an MOT with several qualities lands in several cells of its row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matrix {
    cells: [[Cell; 5]; 4],
    /// Per dimension: its MOTs and their weighted score, each MOT once.
    rows: [(usize, u64); 4],
}

impl Matrix {
    /// Builds the matrix of a session from its scores.
    pub fn build(session: &Session, scores: &HashMap<MotId, Score>) -> Matrix {
        super::work::note_n(super::work::Entry::Matrix, session.mots.len());
        let mut m = Matrix::default();
        for mot in &session.mots {
            let Some(dim) = mot.dimension else { continue };
            let score = scores.get(&mot.id);
            let row = &mut m.rows[dim.index()];
            row.0 += 1;
            row.1 = row.1.saturating_add(score.map_or(0, |s| s.weighted));
            for q in &mot.qualities {
                let cell = &mut m.cells[dim.index()][q.index()];
                cell.mots.push(mot.id);
                cell.chosen += usize::from(mot.chosen);
                if let Some(g) = mot.golden
                    && let Some(i) = Golden::ALL.iter().position(|x| *x == g)
                {
                    cell.golden[i] = true;
                }
                if let Some(s) = score {
                    // Saturating, as the scores are: never a panic while drawing.
                    cell.weighted = cell.weighted.saturating_add(s.weighted);
                    cell.raw = cell.raw.saturating_add(s.raw);
                }
            }
        }
        let weighted = |id: &MotId| scores.get(id).map_or(0, |s| s.weighted);
        for row in &mut m.cells {
            for cell in row {
                cell.mots
                    .sort_by(|a, b| weighted(b).cmp(&weighted(a)).then(a.cmp(b)));
            }
        }
        m
    }

    /// The cell at a dimension and a quality.
    pub fn cell(&self, d: Dimension, q: Quality) -> &Cell {
        &self.cells[d.index()][q.index()]
    }

    /// The highest weighted score of any cell.
    pub fn max_weighted(&self) -> u64 {
        self.cells
            .iter()
            .flatten()
            .map(|c| c.weighted)
            .max()
            .unwrap_or(0)
    }

    /// The largest number of MOTs in any cell.
    pub fn max_count(&self) -> usize {
        self.cells
            .iter()
            .flatten()
            .map(Cell::count)
            .max()
            .unwrap_or(0)
    }

    /// How hot a cell is, 0 (cold or empty) to 4 (hottest), by weighted score
    /// or, while votes are hidden, by count. Buckets, not a gradient, so the
    /// room can tell levels apart on a washed-out projector.
    pub fn heat(&self, d: Dimension, q: Quality, by_score: bool) -> u8 {
        let cell = self.cell(d, q);
        let (value, max) = if by_score {
            (cell.weighted, self.max_weighted())
        } else {
            (cell.count() as u64, self.max_count() as u64)
        };
        if value == 0 || max == 0 {
            return 0;
        }
        // 1..=4, rounding up so any vote at all is visibly warm.
        (u128::from(value) * 4)
            .div_ceil(u128::from(max))
            .clamp(1, 4) as u8
    }

    /// MOTs and weighted score of a whole dimension (an MOT counted once).
    pub fn row_total(&self, d: Dimension) -> (usize, u64) {
        self.rows[d.index()]
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::session::MotText;

    fn tagged(s: &mut Session, d: Dimension, qs: &[Quality]) -> MotId {
        let id = s.add_mot(MotText {
            who: "w".into(),
            situation: "s".into(),
            feeling: "f".into(),
        });
        s.set_dimension(id, Some(d)).expect("mot");
        for q in qs {
            s.toggle_quality(id, *q).expect("mot");
        }
        id
    }

    #[test]
    fn a_cell_counts_its_chosen_mots_and_golden_moments() {
        let mut s = Session::new("t");
        for _ in 0..3 {
            tagged(&mut s, Dimension::Entry, &[Quality::Empathy]);
        }
        Arc::make_mut(&mut s.mots[0]).chosen = true;
        Arc::make_mut(&mut s.mots[1]).chosen = true;
        Arc::make_mut(&mut s.mots[1]).golden = Some(Golden::End);
        let m = Matrix::build(&s, &s.scores());
        let cell = m.cell(Dimension::Entry, Quality::Empathy);
        assert_eq!(cell.chosen, 2);
        assert_eq!(cell.golden, [false, false, true]);
        assert_eq!(m.cell(Dimension::Entry, Quality::Tangibles).chosen, 0);
    }

    #[test]
    fn mots_land_in_every_cell_of_their_qualities() {
        let mut s = Session::new("t");
        let a = tagged(
            &mut s,
            Dimension::Entry,
            &[Quality::Tangibles, Quality::Empathy],
        );
        let b = tagged(&mut s, Dimension::Entry, &[Quality::Empathy]);
        let untagged = s.add_mot(MotText::default());
        s.toggle_quality(untagged, Quality::Empathy).expect("mot");
        let p = s.add_participant("Fan", 1).expect("group"); // weight 3
        s.add_dot(p, b).expect("room");
        let m = Matrix::build(&s, &s.scores());
        assert_eq!(m.cell(Dimension::Entry, Quality::Tangibles).mots, vec![a]);
        let empathy = m.cell(Dimension::Entry, Quality::Empathy);
        assert_eq!(empathy.mots, vec![b, a], "higher score first");
        assert_eq!((empathy.weighted, empathy.raw), (3, 1));
        assert_eq!(m.cell(Dimension::Referral, Quality::Empathy).count(), 0);
        let total: usize = Dimension::ALL
            .iter()
            .flat_map(|d| Quality::ALL.iter().map(move |q| (*d, *q)))
            .map(|(d, q)| m.cell(d, q).count())
            .sum();
        assert_eq!(total, 3, "the MOT without a dimension is in no cell");
        assert_eq!(
            Matrix::build(&s, &s.scores()).row_total(Dimension::Entry),
            (2, 3)
        );
    }

    #[test]
    fn heat_buckets_by_score_or_count() {
        let mut s = Session::new("t");
        let hot = tagged(&mut s, Dimension::Conversion, &[Quality::Reliability]);
        let warm = tagged(&mut s, Dimension::Conversion, &[Quality::Assurance]);
        tagged(&mut s, Dimension::Conversion, &[Quality::Assurance]);
        s.set_hands(hot, 2, 8).expect("ok");
        s.set_hands(warm, 2, 1).expect("ok");
        let m = Matrix::build(&s, &s.scores());
        assert_eq!(m.heat(Dimension::Conversion, Quality::Reliability, true), 4);
        assert_eq!(m.heat(Dimension::Conversion, Quality::Assurance, true), 1);
        assert_eq!(m.heat(Dimension::Entry, Quality::Assurance, true), 0);
        // By count the two-MOT cell is the hottest.
        assert_eq!(m.heat(Dimension::Conversion, Quality::Assurance, false), 4);
        assert_eq!(
            m.heat(Dimension::Conversion, Quality::Reliability, false),
            2
        );
    }

    #[test]
    fn empty_session_has_a_cold_matrix() {
        let s = Session::new("t");
        let m = Matrix::build(&s, &s.scores());
        assert_eq!(m.max_weighted(), 0);
        assert_eq!(m.heat(Dimension::Entry, Quality::Empathy, true), 0);
    }
}
