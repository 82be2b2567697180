//! A show of hands above 999 is a slip more often than a count: it is
//! shown at once and kept only once the facilitator says so (Enter), goes
//! back with Esc, with undo or by moving on, and is never saved unasked.

mod common;

use common::Harness;
use mot::app::{Action, Stage};
use mot::model::{MotText, Session};
use mot::store;
use ratatui::crossterm::event::KeyCode;

/// Three MOTs with no hands yet, in the room's Vote stage.
fn at_vote() -> Harness {
    let mut s = Session::new("华航 商务舱");
    for i in 0..3 {
        s.add_mot(MotText {
            who: format!("旅客 {i}"),
            situation: "在商务舱准备睡觉时，空服员帮忙铺床".into(),
            feeling: "安心".into(),
        });
    }
    let mut h = Harness::with_session(s);
    while h.workshop().stage() != Stage::Vote {
        h.key(KeyCode::Tab);
    }
    h
}

/// The count of the first group on the first MOT, in the app and in its file.
fn first_count(h: &Harness) -> (u32, u32) {
    let w = h.workshop();
    let group = w.session.groups[0].id;
    let saved = store::load(w.path()).expect("saved file");
    (
        w.session.mots[0].hands_for(group),
        saved.mots[0].hands_for(group),
    )
}

#[test]
fn a_show_of_hands_above_999_is_kept_only_after_a_question() {
    let mut h = at_vote();
    h.press('m');
    h.type_text("120");
    assert_eq!(first_count(&h), (120, 120), "three digits are kept at once");
    h.press('0');
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("1,200 hands for one group? Enter keeps it, Esc goes back to 120"),
        "{screen}"
    );
    assert!(screen.contains("[1200?]"), "{screen}");
    let bar = screen.lines().last().unwrap_or_default().to_string();
    assert!(
        bar.contains("Enter keep it") && bar.contains("Esc back"),
        "{bar}"
    );
    assert_eq!(first_count(&h), (1200, 120), "shown, not kept");
    // Enter keeps it.
    h.key(KeyCode::Enter);
    assert_eq!(first_count(&h), (1200, 1200));
    assert!(h.screen(100, 30).contains("1,200 hands kept for MOT 1"));
    assert!(h.screen(100, 30).contains("[1200]"));
    let screen = h.screen(100, 30);
    let bar = screen.lines().last().unwrap_or_default();
    assert!(!bar.contains("Enter keep it"), "only while asked: {bar}");
    // Esc goes back to the count kept before the fourth digit.
    h.type_text("34567");
    assert!(h.screen(100, 30).contains("34,567 hands for one group?"));
    h.key(KeyCode::Esc);
    assert_eq!(first_count(&h), (345, 345));
    assert!(
        h.screen(100, 30)
            .contains("34,567 hands not kept: back to 345")
    );
    // Undo while asked takes back only the count asked about.
    h.type_text("6").press('u');
    assert_eq!(first_count(&h), (345, 345), "back to the count kept");
    // Going anywhere else is no answer: the count goes back too.
    h.type_text("9999").key(KeyCode::Down);
    assert_eq!(first_count(&h), (999, 999));
    assert!(
        h.screen(100, 30)
            .contains("9,999 hands not kept: back to 999")
    );
    // A digit more than the limit is refused; what was typed still asks.
    h.key(KeyCode::Up).type_text("123456");
    assert!(h.screen(100, 30).contains("at most 99,999 hands per group"));
    common::dispatch(&mut h.app, Action::Yes);
    assert_eq!(first_count(&h), (12_345, 12_345));
    // Shortening a kept count needs no question, and the next digit starts afresh.
    h.key(KeyCode::Backspace);
    assert_eq!(first_count(&h), (1_234, 1_234));
    h.press('7');
    assert_eq!(first_count(&h), (7, 7));
    // Undo while asked takes back the count asked about; the next undo
    // takes back the count typed in one go (788), to the one before it.
    h.type_text("8888");
    h.press('u');
    assert_eq!(first_count(&h).0, 788, "the unconfirmed count is gone");
    h.press('u');
    assert_eq!(
        first_count(&h).0,
        1_234,
        "then 788, typed in one go, undone"
    );
}

/// Hands are counted group by group for one MOT, then the next MOT: moving
/// to another MOT starts at the first group again.
#[test]
fn the_next_mot_starts_at_the_first_group() {
    let mut h = at_vote();
    h.press('m');
    h.key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(h.workshop().vote.group, 2);
    h.type_text("7");
    h.key(KeyCode::Down);
    assert_eq!(h.workshop().vote.group, 0, "the next MOT, the first group");
    h.type_text("3");
    let w = h.workshop();
    let (first, third) = (w.session.groups[0].id, w.session.groups[2].id);
    assert_eq!(w.session.mots[0].hands_for(third), 7);
    assert_eq!(w.session.mots[1].hands_for(first), 3);
}

/// A count typed in one go is one change: one undo takes it all back.
#[test]
fn a_count_typed_in_one_go_is_one_undo_step() {
    let mut h = at_vote();
    h.press('m');
    let group = h.workshop().session.groups[0].id;
    h.type_text("7");
    h.key(KeyCode::Down).key(KeyCode::Up);
    h.type_text("123");
    assert_eq!(h.workshop().session.mots[0].hands_for(group), 123);
    h.press('u');
    assert_eq!(
        h.workshop().session.mots[0].hands_for(group),
        7,
        "back to before the count, not to 12"
    );
    h.ctrl('r');
    assert_eq!(h.workshop().session.mots[0].hands_for(group), 123);
    h.press('u').press('u');
    assert_eq!(h.workshop().session.mots[0].hands_for(group), 0);
}

/// More hands than the people listed in the group is asked about too.
#[test]
fn more_hands_than_the_group_lists_asks_first() {
    let mut h = at_vote();
    let group = h.workshop().session.groups[0].id;
    let mut s = h.workshop().session.clone();
    s.add_participant("王小明", group).expect("group");
    s.add_participant("李女士", group).expect("group");
    let mut h2 = Harness::with_session(s);
    while h2.workshop().stage() != Stage::Vote {
        h2.key(KeyCode::Tab);
    }
    h = h2;
    h.press('m');
    h.type_text("2");
    assert_eq!(
        h.workshop().session.mots[0].hands_for(group),
        2,
        "kept: no question"
    );
    h.key(KeyCode::Down).key(KeyCode::Up);
    h.type_text("5");
    let screen = h.screen(100, 30);
    let name = h.workshop().session.groups[0].name.clone();
    assert!(
        screen.contains(&format!("5 hands, more than the 2 listed in “{name}”?")),
        "{screen}"
    );
    h.key(KeyCode::Esc);
    assert_eq!(
        h.workshop().session.mots[0].hands_for(group),
        2,
        "back to the count it held"
    );
    assert!(h.screen(100, 30).contains("back to 2"));
    let saved = store::load(h.workshop().path()).expect("saved");
    assert_eq!(saved.mots[0].hands_for(group), 2, "never saved unasked");
    // n and y answer as Esc and Enter do.
    h.type_text("5").press('n');
    assert_eq!(h.workshop().session.mots[0].hands_for(group), 2);
    h.type_text("5").press('y');
    assert_eq!(
        h.workshop().session.mots[0].hands_for(group),
        5,
        "kept when said"
    );
    let saved = store::load(h.workshop().path()).expect("saved");
    assert_eq!(saved.mots[0].hands_for(group), 5);
}
