//! The likely-duplicates review: `D` in Write finds the pairs once; then
//! 1 or 2 merges the pair keeping that text, x says they differ, ↑↓ walk
//! the pairs, u undoes the last decision, Esc closes.

use super::*;
use crate::app::duplicates::DupReview;

/// Starts looking for the pairs beside the loop; the review opens when
/// they are found ([`found`]).
pub(super) fn open(w: &mut Workshop, out: &mut Outcome) {
    if w.dup_search.is_some() {
        out.info(tr!("app.dup.still_looking"));
        return;
    }
    out.info(tr!("app.dup.looking", n = w.session.mots.len()));
    out.effects.push(Effect::FindDuplicates(None));
}

/// Opens the review on the pairs found, or says there are none. The
/// session may have changed while they were looked for: pairs whose MOTs
/// are gone or were dismissed meanwhile are left out.
pub fn found(w: &mut Workshop, mut review: DupReview) -> String {
    let s = &w.session;
    review.pairs.retain(|p| {
        s.position(p.a).is_some()
            && s.position(p.b).is_some()
            && !s.not_duplicates.contains(&(p.a, p.b))
    });
    review.at = review.at.min(review.pairs.len().saturating_sub(1));
    if review.pairs.is_empty() {
        w.duplicates = None;
        return tr!("app.dup.none", n = review.compared);
    }
    let said = match review.pairs.len() {
        1 => tr!("app.dup.found_one").to_string(),
        n => tr!("app.dup.found", n = n),
    };
    w.duplicates = Some(review);
    said
}

/// A key in the review.
pub(super) fn review(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(r) = &mut w.duplicates else { return };
    let Some(pair) = r.current() else {
        w.duplicates = None;
        return;
    };
    match action {
        Action::Cancel => {
            w.duplicates = None;
            out.info(tr!("app.dup.closed"));
        }
        Action::Up => r.at = r.at.saturating_sub(1),
        Action::Down => r.at = (r.at + 1).min(r.pairs.len().saturating_sub(1)),
        Action::KeepFirst | Action::KeepSecond => {
            let (kept, gone) = if action == Action::KeepFirst {
                (pair.a, pair.b)
            } else {
                (pair.b, pair.a)
            };
            let Some(merged) = out.apply(w.session.merge_same_moment(kept, gone)) else {
                return;
            };
            r.forget(Some(gone), (pair.a, pair.b));
            let returned: Vec<String> = merged
                .returned
                .iter()
                .map(|(p, n)| {
                    let name = w
                        .session
                        .participant(*p)
                        .map(|p| p.name.clone())
                        .unwrap_or_default();
                    tr!("app.dup.returned_one", name = name, n = n)
                })
                .collect();
            let said = if returned.is_empty() {
                tr!("app.dup.merged", gone = gone, kept = kept)
            } else {
                tr!(
                    "app.dup.merged_returned",
                    gone = gone,
                    kept = kept,
                    returned = returned.join(", "),
                    cap = w.session.max_dots_per_mot
                )
            };
            out.info(said);
            if let Some(at) = w.session.position(kept) {
                w.cursor = at;
            }
            close_when_done(w, out);
        }
        Action::NotDuplicates => {
            let Some(()) = out.apply(w.session.dismiss_pair(pair.a, pair.b)) else {
                return;
            };
            r.forget(None, (pair.a, pair.b));
            out.info(tr!("app.dup.dismissed", a = pair.a, b = pair.b));
            close_when_done(w, out);
        }
        Action::Undo => {
            // The undone decision brings its pair back: the pairs are
            // looked for again, and the review reopens where it was.
            let at = r.at;
            w.duplicates = None;
            let step = w.history.undo(&w.session);
            out.travelled = Some((Travel::Undo, travel(w, step, out)));
            out.effects.push(Effect::FindDuplicates(Some(at)));
        }
        _ => {}
    }
}

/// Closes the review once every pair is decided, and says so.
fn close_when_done(w: &mut Workshop, out: &mut Outcome) {
    if w.duplicates.as_ref().is_some_and(|r| r.pairs.is_empty()) {
        w.duplicates = None;
        let said = out.status.take().map(|(s, _)| s).unwrap_or_default();
        out.info(tr!("app.dup.all_done", before = said));
    }
}
