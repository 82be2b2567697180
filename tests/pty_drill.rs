//! The real binary in a pseudo-terminal runs a drill round: a card from the
//! library, trios formed, the round clock started (it counts down on its
//! own and rings the bell at each change of phase), the sheets typed in,
//! the next round; after quitting, the file holds all of it.

mod common;

use common::pty::{ENTER, Term};
use mot::model::drill::sheet::{LeftWith, Verdict};
use mot::model::{Language, Session, Stage};

#[test]
fn a_drill_round_runs_on_its_clock_and_lands_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("drill.ron");
    mot::i18n::set(Language::English);
    let mut s = Session::new("Counter drill");
    let group = s.groups[0].id;
    for name in ["Ann", "Bo", "Cy", "Di", "Ed", "Fay"] {
        s.add_participant(name, group).expect("a participant");
    }
    s.stage = Stage::Drill;
    s.language = Some(Language::English);
    mot::store::save(&path, &s).expect("saved");
    let path_s = path.to_string_lossy().to_string();
    let mut t = Term::start(&["open", &path_s], 100, 30);
    t.wait_for("7 Drill");

    // A card from the library, then the trios.
    t.send("a");
    t.send(ENTER);
    t.wait_for("Card 1 added");
    t.send("v");
    t.send("f");
    t.wait_for("6 people in 2 trios");

    // The clock: it starts, counts down by itself, and `]` moves on with
    // the bell.
    t.send("v");
    t.send("t");
    t.wait_for("Read started, 2:00");
    t.wait_for("1:58");
    let bells = t.output().matches('\u{7}').count();
    t.send("]");
    t.wait_for("Play now: 5:00");
    t.wait_until("the bell rang for the new phase", |t| {
        t.output().matches('\u{7}').count() > bells
    });
    t.wait_for("4:58");

    // Two sheets from paper: Enter and seven digits each.
    t.send(ENTER);
    for key in ["4", "4", "3", "5", "4", "1", "1"] {
        t.send(key);
    }
    t.wait_for("sheet is complete");
    t.send(ENTER);
    for key in ["5", "3", "3", "4", "3", "2", "2"] {
        t.send(key);
    }
    t.wait_for("sheet is complete");

    // The next round: the roles move on.
    t.send(".");
    t.wait_for("Round 2: roles have moved on");
    t.send("q");
    assert!(t.wait_exit(), "mot exits cleanly");

    let saved = mot::store::load(&path).expect("the saved session loads");
    let d = &saved.drill;
    assert_eq!(d.deck.len(), 1);
    assert_eq!(d.trios.len(), 2);
    assert_eq!(d.round, 1);
    assert_eq!(d.sheets.len(), 2);
    assert!(d.sheets.iter().all(|s| s.round == 0 && s.is_complete()));
    assert_eq!(
        d.sheets[0].scores,
        [Some(4), Some(4), Some(3), Some(5), Some(4)]
    );
    assert_eq!(d.sheets[0].left_with, Some(LeftWith::Yes));
    assert_eq!(d.sheets[1].verdict, Some(Verdict::NotYet));
    assert_eq!(saved.stage, Stage::Drill);
}
