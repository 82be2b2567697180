//! The ranking of principle five: every MOT by its weighted score (ties
//! share a place), what the weights moved, the circles each is in, and the
//! filters that narrow the list the room looks at.

use std::collections::HashMap;

use super::choose::{Region, importance, region};
use super::session::{MotId, Session};
use super::vote::Score;
use crate::tr;

/// One MOT in the ranking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    /// Index into the session's MOTs.
    pub index: usize,
    /// The MOT's id.
    pub id: MotId,
    /// Its votes, weighted and raw, split by group.
    pub score: Score,
    /// Rank by weighted score, 1 first; ties share a rank (1, 2, 2, 4).
    pub rank: usize,
    /// Rank by raw count, as if every vote weighed the same.
    pub raw_rank: usize,
    /// Weighted score in percent of the top one.
    pub importance: u8,
    /// The circles it is in.
    pub region: Region,
}

impl Ranked {
    /// How many places the weights lift it (negative: how many they drop it).
    pub fn moved(&self) -> i64 {
        self.raw_rank as i64 - self.rank as i64
    }
}

/// The whole ranking of a session, and what the screen says about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ranking {
    /// Every MOT, highest weighted score first; ties by raw count, then by id.
    pub ranked: Vec<Ranked>,
    /// The top weighted score (the 100 % of importance).
    pub top: u64,
    /// The top raw count (for bars drawn without weights).
    pub top_raw: u64,
    /// Whether any vote was cast at all.
    pub any_votes: bool,
    /// Votes were cast but every group weighs zero, so none counts.
    pub weights_erase_votes: bool,
    /// Figures read from the ranking on every frame, worked out once.
    kept: RankingFigures,
}

/// What the screens read of a ranking, worked out the first time asked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct RankingFigures {
    moved: std::cell::OnceCell<usize>,
    candidates: std::cell::OnceCell<Vec<usize>>,
    regions: std::cell::OnceCell<[usize; 8]>,
    by_raw: std::cell::OnceCell<Vec<usize>>,
}

impl Ranking {
    /// How many MOTs the weights move up or down.
    pub fn moved(&self) -> usize {
        *self.kept.moved.get_or_init(|| {
            super::work::note_n(super::work::Entry::Walk, self.ranked.len());
            self.ranked.iter().filter(|r| r.moved() != 0).count()
        })
    }

    /// The MOTs in all three circles, in ranking order.
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = &Ranked> {
        self.kept
            .candidates
            .get_or_init(|| {
                super::work::note_n(super::work::Entry::Walk, self.ranked.len());
                (0..self.ranked.len())
                    .filter(|&i| self.ranked[i].region.centre())
                    .collect()
            })
            .iter()
            .map(|&i| &self.ranked[i])
    }

    /// How many MOTs fall in each region, by [`Region::index`].
    pub fn regions(&self) -> [usize; 8] {
        *self.kept.regions.get_or_init(|| {
            super::work::note_n(super::work::Entry::Walk, self.ranked.len());
            let mut n = [0; 8];
            for r in &self.ranked {
                n[r.region.index()] += 1;
            }
            n
        })
    }

    /// Where each MOT stands when every vote weighs the same: positions in
    /// [`Ranking::ranked`], in the order of [`Ranking::by_raw`].
    pub fn raw_positions(&self) -> &[usize] {
        self.kept.by_raw.get_or_init(|| {
            super::work::note_n(super::work::Entry::Walk, self.ranked.len());
            let mut v: Vec<usize> = (0..self.ranked.len()).collect();
            v.sort_by(|&a, &b| raw_order(&self.ranked[a], &self.ranked[b]));
            v
        })
    }

    /// The ranking entry of an MOT.
    pub fn of(&self, id: MotId) -> Option<&Ranked> {
        self.ranked.iter().find(|r| r.id == id)
    }

    /// The MOTs sorted as if every vote weighed the same (raw count first,
    /// then weighted score, then id): the audit's other column.
    pub fn by_raw(&self) -> impl ExactSizeIterator<Item = &Ranked> {
        self.raw_positions().iter().map(|&i| &self.ranked[i])
    }
}

/// The order as if every vote weighed the same: raw count first, then
/// weighted score, then id.
pub fn raw_order(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    b.score
        .raw
        .cmp(&a.score.raw)
        .then(b.score.weighted.cmp(&a.score.weighted))
        .then(a.id.cmp(&b.id))
}

/// Competition ranks ("1, 2, 2, 4") of values, highest first.
fn ranks(values: &[u64]) -> Vec<usize> {
    let mut sorted: Vec<u64> = values.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    values
        .iter()
        .map(|v| sorted.partition_point(|x| x > v) + 1)
        .collect()
}

/// What the ranking can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every MOT.
    #[default]
    All,
    /// MOTs of the focus dimension (match the stage).
    Focus,
    /// MOTs marked peak, low or end.
    Golden,
    /// MOTs in all three circles.
    Candidates,
    /// MOTs marked chosen.
    Chosen,
}

impl Filter {
    /// All filters, in the order the filter key cycles through them.
    pub const ALL: [Filter; 5] = [
        Filter::All,
        Filter::Focus,
        Filter::Golden,
        Filter::Candidates,
        Filter::Chosen,
    ];

    /// The next filter, wrapping around.
    pub fn next(self) -> Filter {
        let i = Filter::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Filter::ALL[(i + 1) % Filter::ALL.len()]
    }

    /// Whether an MOT of the ranking passes.
    pub fn keeps(self, session: &Session, r: &Ranked) -> bool {
        let Some(mot) = session.mots.get(r.index) else {
            return false;
        };
        match self {
            Filter::All => true,
            Filter::Focus => session.focus.is_some() && mot.dimension == session.focus,
            Filter::Golden => mot.golden.is_some(),
            Filter::Candidates => r.region.centre(),
            Filter::Chosen => mot.chosen,
        }
    }

    /// Its name in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => tr!("model.filter.all"),
            Filter::Focus => tr!("model.filter.focus"),
            Filter::Golden => tr!("model.filter.golden"),
            Filter::Candidates => tr!("model.filter.candidates"),
            Filter::Chosen => tr!("model.filter.chosen"),
        }
    }
}

impl Session {
    /// The ranking by weighted score, with raw ranks, importance and circles.
    pub fn ranking(&self) -> Ranking {
        self.ranking_with(&self.scores())
    }

    /// The ranking from scores already computed.
    pub fn ranking_with(&self, scores: &HashMap<MotId, Score>) -> Ranking {
        super::work::note_n(super::work::Entry::Ranking, self.mots.len());
        let score = |id: MotId| scores.get(&id).cloned().unwrap_or_default();
        let mut ranked: Vec<Ranked> = self
            .mots
            .iter()
            .enumerate()
            .map(|(index, m)| Ranked {
                index,
                id: m.id,
                score: score(m.id),
                rank: 0,
                raw_rank: 0,
                importance: 0,
                region: Region::default(),
            })
            .collect();
        let weighted: Vec<u64> = ranked.iter().map(|r| r.score.weighted).collect();
        let raw: Vec<u64> = ranked.iter().map(|r| r.score.raw).collect();
        let top = weighted.iter().copied().max().unwrap_or(0);
        let top_raw = raw.iter().copied().max().unwrap_or(0);
        for ((r, rank), raw_rank) in ranked.iter_mut().zip(ranks(&weighted)).zip(ranks(&raw)) {
            r.rank = rank;
            r.raw_rank = raw_rank;
            r.importance = importance(r.score.weighted, top);
            r.region = region(&self.mots[r.index], r.score.weighted, top, &self.circles);
        }
        ranked.sort_by(|a, b| {
            b.score
                .weighted
                .cmp(&a.score.weighted)
                .then(b.score.raw.cmp(&a.score.raw))
                .then(a.id.cmp(&b.id))
        });
        Ranking {
            ranked,
            top,
            top_raw,
            any_votes: top_raw > 0,
            weights_erase_votes: top_raw > 0 && top == 0,
            kept: RankingFigures::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, Golden, Rating};

    use super::super::choose::tests::session_with;

    fn order(r: &Ranking) -> Vec<MotId> {
        r.ranked.iter().map(|r| r.id).collect()
    }

    #[test]
    fn competition_ranks_share_places_on_ties() {
        assert_eq!(ranks(&[5, 9, 5, 1]), vec![2, 1, 2, 4]);
        assert_eq!(ranks(&[0, 0, 0]), vec![1, 1, 1]);
        assert_eq!(ranks(&[]), Vec::<usize>::new());
    }

    #[test]
    fn weights_rank_and_the_audit_shows_what_they_moved() {
        let mut s = session_with(3);
        // Group 1 "loves us" weighs 3; groups 2 and 3 weigh 1.
        s.set_hands(1, 2, 5).expect("group");
        s.set_hands(2, 1, 2).expect("group");
        s.set_hands(3, 3, 1).expect("group");
        let r = s.ranking();
        // MOT 2: 2 hands x 3 = 6 beats MOT 1: 5 hands x 1 = 5.
        assert_eq!(order(&r), vec![2, 1, 3]);
        let two = r.of(2).expect("ranked");
        assert_eq!((two.rank, two.raw_rank, two.moved()), (1, 2, 1));
        let one = r.of(1).expect("ranked");
        assert_eq!((one.rank, one.raw_rank, one.moved()), (2, 1, -1));
        assert_eq!(r.of(3).expect("ranked").moved(), 0);
        assert_eq!(r.moved(), 2);
        let raw: Vec<MotId> = r.by_raw().map(|r| r.id).collect();
        assert_eq!(raw, vec![1, 2, 3]);
        assert_eq!((r.top, r.top_raw), (6, 5));
        assert_eq!(two.importance, 100);
        assert_eq!(one.importance, 83);
    }

    #[test]
    fn ties_share_a_rank_and_break_by_raw_count_then_id() {
        let mut s = session_with(4);
        s.set_hands(3, 2, 2).expect("group"); // 2 pts from 2 hands
        s.set_hands(2, 2, 2).expect("group"); // 2 pts from 2 hands
        s.set_hands(4, 4, 2).expect("group"); // 2 pts
        s.set_weight(4, 1).expect("group");
        let fan = s.add_participant("Fan", 1).expect("group");
        s.set_weight(1, 2).expect("group");
        s.add_dot(fan, 1).expect("room"); // 2 pts from 1 dot
        let r = s.ranking();
        assert!(r.ranked.iter().all(|x| x.rank == 1), "{r:?}");
        // Same points: more raw votes first, then the lower id.
        assert_eq!(order(&r), vec![2, 3, 4, 1]);
        assert_eq!(r.of(1).expect("ranked").raw_rank, 4);
        assert_eq!(r.of(1).expect("ranked").moved(), 3, "a tie lifted it");
        assert_eq!(r.of(2).expect("ranked").moved(), 0);
    }

    #[test]
    fn without_votes_every_mot_ties_first_and_none_is_important() {
        let mut s = session_with(3);
        for id in 1..=3 {
            s.set_rating(id, Rating::WeDoWell, Some(5)).expect("mot");
            s.set_rating(id, Rating::CompetitorsPoor, Some(5))
                .expect("mot");
        }
        let r = s.ranking();
        assert_eq!(order(&r), vec![1, 2, 3]);
        assert!(r.ranked.iter().all(|x| x.rank == 1 && x.raw_rank == 1));
        assert!(!r.any_votes);
        assert!(!r.weights_erase_votes);
        assert_eq!(r.moved(), 0);
        assert!(r.ranked.iter().all(|x| x.importance == 0));
        assert_eq!(r.candidates().count(), 0, "nothing is important yet");
        assert_eq!(r.regions()[Region::from_index(6).index()], 3);
    }

    #[test]
    fn when_every_weight_is_zero_no_vote_counts_and_the_screen_can_say_so() {
        let mut s = session_with(2);
        s.set_hands(1, 2, 4).expect("group");
        s.set_hands(2, 3, 1).expect("group");
        for g in 1..=4 {
            s.set_weight(g, 0).expect("group");
        }
        let r = s.ranking();
        assert!(r.any_votes);
        assert!(r.weights_erase_votes);
        assert_eq!(r.top, 0);
        assert!(r.ranked.iter().all(|x| x.rank == 1 && x.importance == 0));
        // Raw counts still order the tie, and the audit shows the difference.
        assert_eq!(order(&r), vec![1, 2]);
        assert_eq!(r.of(2).expect("ranked").raw_rank, 2);
        assert_eq!(r.moved(), 1);
        assert!(r.ranked.iter().all(|x| !x.region.important));
    }

    #[test]
    fn filters_narrow_the_ranking() {
        let mut s = session_with(4);
        s.set_dimension(1, Some(Dimension::Entry)).expect("mot");
        s.set_dimension(2, Some(Dimension::Referral)).expect("mot");
        s.set_golden(3, Some(Golden::End)).expect("mot");
        s.toggle_chosen(4).expect("mot");
        let r = s.ranking();
        let kept = |f: Filter| -> Vec<MotId> {
            r.ranked
                .iter()
                .filter(|x| f.keeps(&s, x))
                .map(|x| x.id)
                .collect()
        };
        assert_eq!(kept(Filter::All).len(), 4);
        assert!(kept(Filter::Focus).is_empty(), "no focus, nothing matches");
        assert_eq!(kept(Filter::Golden), vec![3]);
        assert_eq!(kept(Filter::Chosen), vec![4]);
        assert!(kept(Filter::Candidates).is_empty());
        s.focus = Some(Dimension::Entry);
        let r = s.ranking();
        let focus: Vec<MotId> = r
            .ranked
            .iter()
            .filter(|x| Filter::Focus.keeps(&s, x))
            .map(|x| x.id)
            .collect();
        assert_eq!(focus, vec![1]);
        let mut f = Filter::All;
        for _ in 0..Filter::ALL.len() {
            f = f.next();
        }
        assert_eq!(f, Filter::All);
    }
}
