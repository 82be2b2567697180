//! The real binary in a pseudo-terminal: a Chinese MOT written, tagged,
//! voted on, seen in the matrix, chosen with its MOTX, and found in the
//! file after quitting.

mod common;

use common::pty::{DOWN, ENTER, RIGHT, TAB, Term};

#[test]
fn a_chinese_mot_goes_from_the_editor_to_the_matrix_and_into_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir_s = dir.path().to_string_lossy().to_string();
    let mut t = Term::start(&["--dir", &dir_s, "new", "华航 商务舱"], 100, 30);
    t.wait_for("1 Setup");
    t.wait_for("Respondent groups");

    t.send(TAB);
    t.wait_for("No MOTs yet");
    t.send("n");
    t.wait_for("New MOT");
    t.send("住在美国西岸的华人旅客");
    t.send(ENTER);
    t.send("在商务舱准备睡觉时，空服员帮忙铺床");
    t.send(ENTER);
    t.send("华航不一样");
    t.wait_for("感觉到：华航不一样。");
    t.send(ENTER);
    t.wait_for("Added MOT 1");

    t.send(TAB);
    t.wait_for("Untagged: 1 of 1");
    t.send("3");
    t.send("9");
    t.wait_for("all 1 tagged");

    t.send(TAB);
    t.wait_for("Totals hidden");
    t.send("m");
    t.wait_for("Hands per group");
    t.send("5");
    t.send("r");
    t.wait_for("15 (raw 5)");

    t.send(TAB);
    t.wait_for("Heat");
    t.send(DOWN);
    t.send(DOWN);
    for _ in 0..4 {
        t.send(RIGHT);
    }
    t.wait_for("Repurchase × Empathy: 1 MOT, 15 points");

    // Choose: chosen, a peak, rated, and its MOTX written.
    t.send(TAB);
    t.wait_for("6 Choose");
    t.send(" ");
    t.wait_for("MOT 1 chosen (1 chosen)");
    t.send("g");
    t.wait_for("MOT 1: ▲ peak");
    t.send("5");
    t.wait_for("we do it well 5/5");
    t.send(ENTER);
    t.wait_for("MOTX of MOT 1");
    t.send("铺床时叫出名字");
    t.send(ENTER);
    t.send("再订一次");
    t.send(ENTER);
    t.wait_for("MOTX of MOT 1 kept");

    t.send("q");
    assert!(t.wait_exit(), "mot exits cleanly");

    let path = dir.path().join("华航-商务舱.ron");
    let session = mot::store::load(&path).expect("the saved session loads");
    let m = &session.mots[0];
    assert_eq!(m.who, "住在美国西岸的华人旅客");
    assert_eq!(m.situation, "在商务舱准备睡觉时，空服员帮忙铺床");
    assert_eq!(m.feeling, "华航不一样");
    assert_eq!(m.dimension, Some(mot::model::Dimension::Repurchase));
    assert_eq!(m.qualities, [mot::model::Quality::Empathy]);
    assert_eq!(m.hands_for(1), 5);
    assert!(session.votes_revealed);
    assert_eq!(session.score(m.id).weighted, 15);
    assert!(m.chosen);
    assert_eq!(m.golden, Some(mot::model::Golden::Peak));
    assert_eq!(m.we_do_well, Some(5));
    assert_eq!(m.motx.company_does, "铺床时叫出名字");
    assert_eq!(m.motx.customer_next, "再订一次");
}

#[test]
fn the_picker_opens_a_session_and_q_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hotel.ron");
    let mut s = mot::model::Session::new("Grand Hotel");
    s.add_mot(mot::model::MotText {
        who: "A guest".into(),
        situation: "arriving late after a delayed flight".into(),
        feeling: "they kept my room".into(),
    });
    // The room was writing when the session was last saved: it reopens there.
    s.stage = mot::model::Stage::Write;
    mot::store::save(&path, &s).expect("save");
    let before = std::fs::read(&path).expect("read");
    let dir_s = dir.path().to_string_lossy().to_string();
    let mut t = Term::start(&["--dir", &dir_s], 80, 24);
    t.wait_for("Grand Hotel");
    t.send(ENTER);
    t.wait_for("MOTs: 1");
    t.send("q");
    assert!(t.wait_exit());
    assert_eq!(
        std::fs::read(&path).expect("read"),
        before,
        "nothing changed, nothing lost"
    );
}

#[test]
fn escape_alone_closes_the_editor_and_keeps_the_draft() {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir_s = dir.path().to_string_lossy().to_string();
    let mut t = Term::start(&["--dir", &dir_s, "new", "esc"], 80, 24);
    t.wait_for("Respondent groups");
    t.send(TAB);
    t.send("n");
    t.wait_for("New MOT");
    t.send("x");
    // A lone Esc is Esc, not the start of another key.
    t.send("\x1b");
    t.wait_for("Draft kept");
    t.send("u");
    t.wait_for("Draft back");
    t.send("\x1b");
    t.wait_for("Draft kept");
    t.send("q");
    assert!(t.wait_exit());
}
