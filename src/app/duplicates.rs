//! The review of likely duplicate MOTs: the pairs found when it opened,
//! one on screen at a time, to merge (keeping either text) or dismiss.

use crate::model::duplicates::Pair;

/// The pairs under review and the one on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DupReview {
    /// The pairs still to decide, the most alike first.
    pub pairs: Vec<Pair>,
    /// The pair on screen.
    pub at: usize,
    /// How many MOTs were compared, for the words when none are left.
    pub compared: usize,
}

impl DupReview {
    /// The pair on screen, if any is left.
    pub fn current(&self) -> Option<Pair> {
        self.pairs
            .get(self.at.min(self.pairs.len().saturating_sub(1)))
            .copied()
    }

    /// Takes out every pair that names MOT `id` (merged away), and the pair
    /// of `a` and `b`, keeping the place in the list.
    pub fn forget(&mut self, gone: Option<u32>, pair: (u32, u32)) {
        let before_at = self.pairs[..self.at.min(self.pairs.len())]
            .iter()
            .filter(|p| Some(p.a) == gone || Some(p.b) == gone || (p.a, p.b) == pair)
            .count();
        self.pairs
            .retain(|p| !(Some(p.a) == gone || Some(p.b) == gone || (p.a, p.b) == pair));
        self.at = self.at.saturating_sub(before_at);
        if self.at >= self.pairs.len() {
            self.at = self.pairs.len().saturating_sub(1);
        }
    }
}

/// The search for likely duplicates, on a thread of its own: at 10,000
/// MOTs it takes a noticeable moment, and the room's screen must not wait.
#[derive(Debug)]
pub struct Search {
    /// The pairs, put here by the thread before it wakes the loop (so the
    /// loop, once woken, finds them there).
    result: std::sync::mpsc::Receiver<Vec<Pair>>,
    /// What was received early, by [`Search::done`].
    got: Option<Vec<Pair>>,
    /// How many MOTs it compares.
    pub compared: usize,
    /// The pair to show first when it is done (after an undo: where it was).
    pub at: usize,
    /// Whether it reopens the review after an undo.
    pub reopen: bool,
}

impl Search {
    /// Starts comparing `mots` (shared, not copied), leaving out the pairs
    /// `dismissed`; `reopen` is the pair to show after an undo; `waker`, if
    /// any, is called when done.
    pub fn start(
        mots: Vec<std::sync::Arc<crate::model::Mot>>,
        dismissed: Vec<(u32, u32)>,
        reopen: Option<usize>,
        waker: Option<crate::store::writer::Waker>,
    ) -> Search {
        let compared = mots.len();
        let (tx, result) = std::sync::mpsc::channel();
        let search = |mots: &[std::sync::Arc<crate::model::Mot>], dismissed: &[(u32, u32)]| {
            crate::model::duplicates::likely_duplicates(mots.iter().map(|m| &**m), dismissed)
        };
        // The MOTs are shared, so keeping them for the fallback copies
        // pointers only.
        let (kept, kept_dismissed) = (mots.clone(), dismissed.clone());
        let sender = tx.clone();
        let spawned = std::thread::Builder::new()
            .name("duplicates".into())
            .spawn(move || {
                let _ = sender.send(search(&mots, &dismissed));
                if let Some(w) = waker {
                    w.wake();
                }
            });
        // Should no thread start, the search runs here: slower, never lost.
        if spawned.is_err() {
            let _ = tx.send(search(&kept, &kept_dismissed));
        }
        Search {
            result,
            got: None,
            compared,
            at: reopen.unwrap_or(0),
            reopen: reopen.is_some(),
        }
    }

    /// Whether the pairs are ready.
    pub fn done(&mut self) -> bool {
        if self.got.is_none() {
            self.got = self.result.try_recv().ok();
        }
        self.got.is_some()
    }

    /// The pairs, once the thread is done (waiting for it if need be); none
    /// if it was lost.
    pub fn finish(mut self) -> DupReview {
        let pairs = match self.got.take() {
            Some(pairs) => pairs,
            None => self.result.recv().unwrap_or_default(),
        };
        DupReview {
            pairs,
            at: self.at,
            compared: self.compared,
        }
    }
}
