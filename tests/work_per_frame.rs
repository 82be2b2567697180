//! The work of a frame, and of a key that only moves, does not grow with the
//! session: counted at the domain's costly entry points (see
//! `mot::model::work`), on every stage in `Stage::ALL` and every view of
//! each, for a thousand MOTs and for ten thousand (both more than a screen
//! shows, in every list and every cell). No timing: the counts must be the
//! same. (Alone in its file: the counts are the whole process's.)

mod common;

use common::Harness;
use mot::app::{Action, Stage};
use mot::model::work::{Entry, counts};
use mot::model::{Dimension, MotText, Quality, Session};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

fn session(n: usize) -> Session {
    let mut s = Session::new("Scale");
    let people: Vec<u32> = (0..8)
        .filter_map(|i| s.add_participant(&format!("P{i}"), 1 + (i % 4)).ok())
        .collect();
    for i in 0..n {
        let id = s.add_mot(MotText {
            who: format!("guest {i}"),
            situation: format!("arriving at branch {i} after a delayed flight, late at night"),
            feeling: if i % 3 == 0 {
                String::new()
            } else {
                "cared for".into()
            },
        });
        let _ = s.set_dimension(id, Some(Dimension::ALL[i % 4]));
        let _ = s.toggle_quality(id, Quality::ALL[i % 5]);
        if i % 5 < 2 {
            let _ = s.set_hands(id, 1 + (i % 4) as u32, (i % 9) as u32);
        }
        if i % 7 == 0 {
            Arc::make_mut(&mut s.mots[i]).chosen = true;
        }
    }
    for (k, p) in people.iter().enumerate() {
        let _ = s.add_dot(*p, 1 + (k % n) as u32);
    }
    s.votes_revealed = true;
    s
}

/// Runs of each entry point: in one frame, in a move and its frame, and in
/// a jump by number (`#5`, Enter) and its frame.
type Work = Vec<(Entry, u64, u64, u64)>;

/// What one frame, then a key that moves and its frame, cost at the
/// domain's entry points; the figures kept since the last change are read.
fn work(h: &mut Harness) -> Work {
    // Whatever the last change left to work out is worked out here.
    h.screen(200, 50);
    let before = counts();
    h.screen(200, 50);
    let frame = counts();
    h.key(KeyCode::Down);
    h.screen(200, 50);
    let key = counts();
    // Only lists of MOTs have `#`; elsewhere Enter would open a field.
    if matches!(
        h.workshop().stage(),
        Stage::Write | Stage::Tag | Stage::Vote | Stage::Choose
    ) {
        h.press('#').press('5').key(KeyCode::Enter);
        assert!(h.workshop().goto.is_none(), "the jump is done");
    }
    h.screen(200, 50);
    let jump = counts();
    Entry::ALL
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = |c: &[u64]| c[i];
            (
                *e,
                at(&frame) - at(&before),
                at(&key) - at(&frame),
                at(&jump) - at(&key),
            )
        })
        .collect()
}

/// The work at every stage and view, in order, for a session of `n` MOTs.
fn walk(n: usize) -> Vec<(String, Work)> {
    let mut h = Harness::with_session(session(n));
    let mut out = Vec::new();
    for stage in Stage::ALL {
        while h.workshop().stage() != stage {
            h.key(KeyCode::Tab);
        }
        // Every view a stage has: the actions that switch views and modes,
        // tried everywhere (a stage without them ignores them), and the
        // presenting mode.
        let switches = [
            None,
            Some(Action::NextView),
            Some(Action::NextView),
            Some(Action::ToggleVoteMode),
            Some(Action::TogglePresenting),
        ];
        for switch in switches {
            if let Some(action) = &switch {
                common::dispatch(&mut h.app, action.clone());
            }
            out.push((format!("{stage:?} after {switch:?}"), work(&mut h)));
        }
        if h.app.presenting {
            common::dispatch(&mut h.app, Action::TogglePresenting);
        }
    }
    out
}

#[test]
fn a_frame_and_a_move_do_the_same_work_at_a_thousand_and_ten_thousand_mots() {
    let small = walk(1_000);
    let large = walk(10_000);
    assert_eq!(small.len(), large.len());
    for ((what, a), (_, b)) in small.iter().zip(&large) {
        assert_eq!(
            a, b,
            "{what}: (entry, per frame, per move, per jump) grows with the MOTs"
        );
    }
    // The counts are real: a change makes the figures be worked out again.
    let mut h = Harness::with_session(session(100));
    h.key(KeyCode::Tab).key(KeyCode::Tab);
    h.screen(200, 50);
    let before = counts();
    h.press('5');
    h.screen(200, 50);
    let after = counts();
    let tag_list = Entry::ALL
        .iter()
        .position(|e| *e == Entry::Scores)
        .map_or(0, |i| after[i] - before[i]);
    assert!(tag_list <= 1, "scores at most once per change: {tag_list}");
}
