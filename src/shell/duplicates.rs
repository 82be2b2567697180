//! The search for likely duplicates beside the loop, and the review it opens.

use crate::app::{App, Screen};

/// Starts looking for likely duplicates beside the loop, from the session
/// as it is now (its MOTs shared, not copied).
pub(super) fn find_duplicates(app: &mut App, reopen: Option<usize>) {
    let waker = app.waker.clone();
    if let Screen::Workshop(w) = &mut app.screen {
        let s = &w.session;
        w.dup_search = Some(crate::app::duplicates::Search::start(
            s.mots.clone(),
            s.not_duplicates.clone(),
            reopen,
            waker,
        ));
    }
}

/// Opens the review when the search for duplicates is done; `wait` waits
/// for it. Returns whether it opened or said anything.
pub(super) fn duplicates_done(app: &mut App, wait: bool) -> bool {
    let Screen::Workshop(w) = &mut app.screen else {
        return false;
    };
    if !w.dup_search.as_mut().is_some_and(|s| wait || s.done()) {
        return false;
    }
    let Some(search) = w.dup_search.take() else {
        return false;
    };
    let reopened = search.reopen;
    let said = crate::app::update::duplicates::found(w, search.finish());
    // Reopened after an undo: the undo's words stay; the count is on screen.
    if !reopened {
        app.info(said);
    }
    true
}
