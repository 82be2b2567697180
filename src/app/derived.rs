//! Figures computed from the session once per change, not once per frame:
//! the scores, the matrix, the ranking, and the counts the lists show. Each
//! is worked out the first time something asks for it after a change and
//! kept until the next change; every frame, and every key that only moves,
//! reads the kept one. Later figures (duplicate pairs, drill results, how
//! many phones have voted) belong here too.

use std::cell::OnceCell;
use std::collections::HashMap;

use crate::model::{Matrix, MotId, Ranking, Score, Session, coach};

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
            self.scores(s)
                .values()
                .fold((0, 0), |(w, r), sc| (w.max(sc.weighted), r.max(sc.raw)))
        })
    }

    /// The highest MOT id (what the id column is sized for).
    pub fn max_id(&self, s: &Session) -> MotId {
        *self
            .max_id
            .get_or_init(|| s.mots.iter().map(|m| m.id).max().unwrap_or(0))
    }

    /// How many MOTs still lack a dimension or a quality.
    pub fn untagged(&self, s: &Session) -> usize {
        *self.untagged.get_or_init(|| s.untagged_count())
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
}
