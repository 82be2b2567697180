//! A whole workshop through the keymap and the update step, as a facilitator
//! would run it, then the saved file read back.

mod common;

use common::Harness;
use mot::app::{App, Stage};
use mot::model::{Dimension, Quality};
use mot::store;
use ratatui::crossterm::event::KeyCode;

fn new_session(dir: &std::path::Path) -> Harness {
    let mut h = Harness::new(App::picker(dir.to_path_buf(), Vec::new()));
    assert!(h.screen(80, 24).contains("No sessions in this folder yet"));
    h.press('n').type_text("华航 商务舱").key(KeyCode::Enter);
    assert_eq!(h.workshop().stage(), Stage::Setup);
    h
}

#[test]
fn a_facilitator_runs_a_whole_workshop_and_finds_it_saved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    let path = h.workshop().path().to_path_buf();
    assert_eq!(path.parent(), Some(dir.path()));
    assert!(path.exists(), "created on disk at once");

    // Setup: brand, message, focus, two participants in two groups, a heavier weight.
    h.key(KeyCode::Down)
        .key(KeyCode::Enter)
        .type_text("China Airlines")
        .key(KeyCode::Enter);
    h.key(KeyCode::Down)
        .key(KeyCode::Enter)
        .type_text("华航不一样")
        .key(KeyCode::Enter);
    h.key(KeyCode::Down)
        .key(KeyCode::Enter)
        .type_text("常飞的商务旅客")
        .key(KeyCode::Enter);
    h.key(KeyCode::Down)
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Right); // Repurchase
    h.press('a').type_text("王小明").key(KeyCode::Enter); // joins "loves us"
    h.press('a')
        .type_text("Bob")
        .key(KeyCode::Enter)
        .key(KeyCode::Right); // to "liked us once"
    let s = &h.workshop().session;
    assert_eq!(s.brand, "China Airlines");
    assert_eq!(s.core_message, "华航不一样");
    assert_eq!(s.target_user, "常飞的商务旅客");
    assert_eq!(s.focus, Some(Dimension::Repurchase));
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.participants[0].group, 1);
    assert_eq!(s.participants[1].group, 2);
    // The next one starts in the first group again, whoever came before,
    // and the status line says where they are.
    h.press('a').type_text("张先生").key(KeyCode::Enter);
    let s = &h.workshop().session;
    assert_eq!(s.participants[2].group, 1);
    let said = h
        .app
        .status
        .as_ref()
        .map(|st| st.text.clone())
        .unwrap_or_default();
    assert!(
        said.contains("张先生") && said.contains("loves us"),
        "{said}"
    );
    h.key(KeyCode::Delete);
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|st| st.text.contains("张先生"))
    );
    h.press('y');
    assert_eq!(h.workshop().session.participants.len(), 2);
    // Undo names what it undoes: the removal, not the dots it took.
    h.press('u');
    let said = h
        .app
        .status
        .as_ref()
        .map(|st| st.text.clone())
        .unwrap_or_default();
    assert!(said.contains("removing participant 张先生"), "{said}");
    h.ctrl('r');
    assert_eq!(h.workshop().session.participants.len(), 2);

    // Write: one MOT in Chinese, one in English with a thin situation.
    h.key(KeyCode::Tab);
    assert_eq!(h.workshop().stage(), Stage::Write);
    h.press('n')
        .type_text("住在美国西岸的华人旅客")
        .key(KeyCode::Enter)
        .type_text("在商务舱准备睡觉时，空服员帮忙铺床")
        .key(KeyCode::Enter)
        .type_text("华航不一样")
        .key(KeyCode::Enter);
    h.press('n')
        .type_text("A guest")
        .key(KeyCode::Tab)
        .type_text("at check-in");
    let editing = h.screen(80, 24);
    assert!(editing.contains("too short to act on"), "{editing}");
    assert!(editing.contains("What did the customer feel?"), "{editing}");
    assert!(
        editing.contains("A guest, at check-in, felt: …"),
        "{editing}"
    );
    h.key(KeyCode::Tab).type_text("welcome").ctrl('s');
    assert_eq!(h.workshop().session.mots.len(), 2);

    // Tag: 3 = Repurchase, 9 = Empathy; Space jumps to the next untagged MOT.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Home).press('3').press('9');
    assert!(h.screen(80, 24).contains("Untagged: 1 of 2"));
    h.key(KeyCode::Char(' ')).press('1').press('5').press('8');
    assert!(h.screen(80, 24).contains("all 2 tagged"));

    // Vote: 王小明 (weight 3) puts two dots on MOT 1; Bob (weight 1) one; hands for MOT 2.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Home)
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Right);
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("at most 2"))
    );
    h.press(']').key(KeyCode::Right);
    let blind = h.screen(80, 24);
    assert!(blind.contains("hidden"), "{blind}");
    // Twelve hands in a group that lists one person: asked, and kept.
    h.press('m')
        .key(KeyCode::End)
        .key(KeyCode::Right)
        .type_text("12");
    assert!(
        h.screen(80, 24).contains("more than the 1 listed"),
        "{}",
        h.screen(80, 24)
    );
    h.key(KeyCode::Enter);
    h.press('r');
    let s = &h.workshop().session;
    assert_eq!(s.score(1).weighted, 2 * 3 + 1);
    assert_eq!(s.score(1).raw, 3);
    assert_eq!(s.score(2).weighted, 12);
    let shown = h.screen(80, 24);
    assert!(shown.contains("12 (raw 12)"), "{shown}");

    // Matrix: Repurchase x Empathy holds MOT 1 with its score.
    h.key(KeyCode::Tab);
    h.key(KeyCode::Down).key(KeyCode::Down);
    h.key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Right);
    let matrix = h.screen(80, 24);
    assert!(
        matrix.contains("Repurchase × Empathy: 1 MOT, 7 points (raw 3)"),
        "{matrix}"
    );
    assert!(matrix.contains("住在美国西岸的华人旅客"), "{matrix}");

    // Quit, and the file holds exactly what the room made.
    h.press('q');
    assert!(h.app.quit);
    let saved = store::load(&path).expect("saved session loads");
    assert_eq!(&saved, &h.workshop().session);
    assert_eq!(saved.mots[0].dimension, Some(Dimension::Repurchase));
    assert_eq!(
        saved.mots[1].qualities,
        [Quality::Reliability, Quality::Tangibles]
    );
    assert!(saved.votes_revealed);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("situation: \"在商务舱准备睡觉时，空服员帮忙铺床\""),
        "{text}"
    );
}

#[test]
fn escape_discards_an_edit_and_delete_is_undoable_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    h.key(KeyCode::Tab);
    h.press('n').type_text("who").key(KeyCode::Esc);
    assert!(h.workshop().session.mots.is_empty());
    h.press('n').type_text("who").ctrl('s');
    h.press('d');
    assert!(h.workshop().session.mots.is_empty(), "nothing asks first");
    let saved = store::load(h.workshop().path()).expect("loads");
    assert!(saved.mots.is_empty(), "the deletion is saved at once");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Deleted MOT 1") && screen.contains("u undoes"),
        "{screen}"
    );
    h.press('u');
    assert_eq!(h.workshop().session.mots.len(), 1);
    assert_eq!(h.workshop().session.mots[0].who, "who");
    assert!(h.screen(80, 24).contains("Undid: deleting MOT 1"));
    let saved = store::load(h.workshop().path()).expect("loads");
    assert_eq!(
        saved.mots.len(),
        1,
        "after undo, the save writes the undone state"
    );
}

/// Esc never throws typing away for good: it closes the editor and keeps
/// what was typed for one key; undo (u or Ctrl-Z) as that key brings the
/// editor back as it was, any other key lets the draft go.
#[test]
fn escape_keeps_the_draft_for_one_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    h.key(KeyCode::Tab);
    h.press('n')
        .type_text("旅客")
        .key(KeyCode::Tab)
        .type_text("登机时");
    h.key(KeyCode::Esc);
    assert!(h.workshop().editor.is_none());
    assert!(h.screen(100, 30).contains("Draft kept: u brings it back"));
    h.press('u');
    let ed = h.workshop().editor.as_ref().expect("the editor is back");
    assert_eq!(ed.text().who, "旅客");
    assert_eq!(ed.text().situation, "登机时");
    assert_eq!(ed.focus, 1, "where the cursor was");
    assert!(h.screen(100, 30).contains("Draft back"));
    // Kept now, it is an MOT like any other.
    h.type_text("，空服员记得我").ctrl('s');
    assert_eq!(
        h.workshop().session.mots[0].situation,
        "登机时，空服员记得我"
    );
    // Another key after Esc lets the draft go; undo is then undo again.
    h.press('n').type_text("gone").key(KeyCode::Esc);
    h.key(KeyCode::Down).ctrl('z');
    assert!(h.workshop().editor.is_none());
    assert!(
        h.workshop().session.mots.is_empty(),
        "the undo undid the MOT"
    );
    // Esc with nothing typed keeps nothing.
    h.press('n').key(KeyCode::Esc);
    assert!(h.screen(100, 30).contains("Edit discarded"));
    h.press('u');
    assert!(h.workshop().editor.is_none());
}

#[test]
fn every_change_can_be_undone_and_redone_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    let start = h.workshop().session.clone();
    // Setup: a participant; Write: a MOT; Tag: a dimension; Vote: a dot.
    h.press('a').type_text("王小明").key(KeyCode::Enter);
    h.key(KeyCode::Tab);
    h.press('n')
        .type_text("旅客")
        .key(KeyCode::Tab)
        .type_text("在登机口");
    h.key(KeyCode::Tab)
        .type_text("被记住了")
        .key(KeyCode::Enter);
    h.key(KeyCode::Tab).press('3');
    h.key(KeyCode::Tab).key(KeyCode::Right);
    let end = h.workshop().session.clone();
    assert_eq!(end.dots.len(), 1);
    let expected = [
        // Votes are hidden: undo names the voter, not the MOT.
        "a dot from 王小明",
        "tags of MOT 1",
        "new MOT 1",
        "adding participant 王小明",
    ];
    for what in expected {
        h.ctrl('z');
        let status = h.app.status.clone().expect("a message");
        assert_eq!(status.text, format!("Undid: {what}. Ctrl-R redoes."));
    }
    let mut back = h.workshop().session.clone();
    back.stage = start.stage;
    assert_eq!(back, start, "all the way back");
    assert_eq!(
        h.workshop().stage(),
        mot::model::Stage::Vote,
        "undo keeps the stage"
    );
    h.press('u');
    assert_eq!(
        h.app.status.clone().expect("a message").text,
        "Nothing to undo."
    );
    for _ in 0..4 {
        h.ctrl('r');
    }
    assert_eq!(h.workshop().session, end);
    assert_eq!(store::load(h.workshop().path()).expect("loads"), end);
    // A new change after an undo ends what could be redone.
    h.press('u').key(KeyCode::Right);
    h.ctrl('y');
    assert_eq!(
        h.app.status.clone().expect("a message").text,
        "Nothing to redo."
    );
}

#[test]
fn q_types_inside_a_field_and_ctrl_c_quits_from_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    h.key(KeyCode::Tab).press('n').type_text("quick q");
    assert!(!h.app.quit);
    assert!(h.screen(80, 24).contains("quick q"));
    h.ctrl('c');
    assert!(h.app.quit);
}

#[test]
fn pasted_paragraphs_become_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    h.key(KeyCode::Tab).press('n').key(KeyCode::Tab);
    h.paste("在登机口\n等待的时候\t航班延误");
    h.key(KeyCode::Tab).type_text("x").ctrl('s');
    assert_eq!(
        h.workshop().session.mots[0].situation,
        "在登机口等待的时候 航班延误"
    );
}

#[test]
fn help_lists_every_key_of_the_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    h.key(KeyCode::Tab).key(KeyCode::Tab).press('?');
    let help = h.screen(80, 24);
    for needle in [
        "Help: keys of this screen",
        "dimension: Entry",
        "Empathy on/off",
        "next untagged",
        "save and quit",
    ] {
        assert!(help.contains(needle), "{needle} missing:\n{help}");
    }
    h.press('?');
    assert!(!h.app.help);
    assert_eq!(h.workshop().stage(), Stage::Tag);
}

#[test]
fn setup_rules_hold_in_the_ui() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = new_session(dir.path());
    // Row 6 is the dot budget: it never goes below one.
    for _ in 0..5 {
        h.key(KeyCode::Down);
    }
    for _ in 0..10 {
        h.key(KeyCode::Left);
    }
    assert_eq!(h.workshop().session.dot_budget, 1);
    assert_eq!(
        h.workshop().session.max_dots_per_mot,
        1,
        "the cap follows the budget down"
    );
    // A group with members cannot be removed.
    h.press('a').type_text("Ann").key(KeyCode::Enter);
    // Row 9 is the first group, after the score's counting choice.
    h.key(KeyCode::Home);
    for _ in 0..8 {
        h.key(KeyCode::Down);
    }
    h.press('d');
    let status = h.app.status.clone().expect("a message");
    assert!(
        status.error && status.text.contains("still has 1 participant"),
        "{status:?}"
    );
    assert_eq!(h.workshop().session.groups.len(), 4);
}

#[test]
fn a_failed_save_asks_before_quitting_and_can_write_elsewhere() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").expect("write");
    // A path through a file cannot be written, even as root.
    let path = blocker.join("session.ron");
    let mut h = Harness::new(App::workshop(mot::model::Session::new("t"), path));
    h.key(KeyCode::Tab).press('n').type_text("who").ctrl('s');
    assert!(h.workshop().unsaved);
    let screen = h.screen(80, 24);
    assert!(screen.contains("UNSAVED"), "{screen}");
    assert!(screen.contains("Not saved (Not a directory"), "{screen}");
    h.press('q');
    assert!(!h.app.quit, "the room's work is not dropped by one key");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Quit without saving?"), "{screen}");
    assert!(
        screen.contains("write the session to another file"),
        "{screen}"
    );
    // Esc stays; the MOT is still there.
    h.key(KeyCode::Esc);
    assert!(!h.app.quit && h.workshop().quit_prompt.is_none());
    assert_eq!(h.workshop().session.mots.len(), 1);
    // Write it elsewhere: a bad place first keeps the question open.
    h.press('q').press('w');
    let field = h
        .workshop()
        .quit_prompt
        .as_ref()
        .and_then(|q| q.elsewhere.as_ref());
    assert!(field.is_some_and(|f| f.text().ends_with("session.ron")));
    for _ in 0..400 {
        h.key(KeyCode::Backspace);
    }
    let bad = blocker.join("again.ron");
    h.type_text(&bad.to_string_lossy()).key(KeyCode::Enter);
    assert!(!h.app.quit);
    let status = h.app.status.clone().expect("a message");
    assert!(
        status.error && status.text.contains("Could not write there"),
        "{status:?}"
    );
    for _ in 0..400 {
        h.key(KeyCode::Backspace);
    }
    let good = dir.path().join("rescued.ron");
    h.type_text(&good.to_string_lossy()).key(KeyCode::Enter);
    assert!(h.app.quit);
    let saved = store::load(&good).expect("written elsewhere");
    assert_eq!(saved.mots.len(), 1);
    assert_eq!(saved.mots[0].who, "who");
    assert!(
        h.app
            .farewell
            .clone()
            .unwrap_or_default()
            .contains("rescued.ron")
    );
}

#[test]
fn quitting_unsaved_without_saving_takes_a_second_answer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").expect("write");
    let mut h = Harness::new(App::workshop(
        mot::model::Session::new("t"),
        blocker.join("s.ron"),
    ));
    h.key(KeyCode::Tab);
    h.press('n').type_text("a draft").ctrl('s');
    h.press('q');
    assert!(!h.app.quit);
    h.press('q');
    assert!(h.app.quit, "q in the question quits without saving");
    // Even then a copy goes somewhere safe, and the user is told where.
    let farewell = h.app.farewell.clone().expect("says where the copy is");
    let copy = farewell
        .split(" it is in ")
        .nth(1)
        .and_then(|rest| rest.split(". ").next())
        .expect("names the copy");
    let saved = store::load(std::path::Path::new(copy)).expect("the copy loads");
    assert_eq!(saved.mots[0].who, "a draft");
    let _ = std::fs::remove_file(copy);
}

#[test]
fn ctrl_c_while_typing_keeps_what_was_typed() {
    let mut h = Harness::with_session(mot::model::Session::new("t"));
    h.key(KeyCode::Tab).press('n').type_text("深夜的客人");
    h.key(KeyCode::Tab).type_text("前台留着热汤");
    h.ctrl('c');
    assert!(h.app.quit);
    let saved = store::load(h.workshop().path()).expect("loads");
    assert_eq!(saved.mots.len(), 1);
    assert_eq!(saved.mots[0].who, "深夜的客人");
    assert_eq!(saved.mots[0].situation, "前台留着热汤");
}

#[test]
fn writing_elsewhere_never_replaces_an_existing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").expect("write");
    let other = dir.path().join("other.ron");
    store::save(&other, &mot::model::Session::new("another workshop")).expect("save");
    let before = std::fs::read(&other).expect("read");
    let mut h = Harness::new(App::workshop(
        mot::model::Session::new("t"),
        blocker.join("s.ron"),
    ));
    h.key(KeyCode::Tab).press('n').type_text("x").ctrl('s');
    h.press('q').press('w');
    for _ in 0..400 {
        h.key(KeyCode::Backspace);
    }
    h.type_text(&other.to_string_lossy()).key(KeyCode::Enter);
    assert!(!h.app.quit);
    let status = h.app.status.clone().expect("a message");
    assert!(status.error && status.text.contains("exists"), "{status:?}");
    assert_eq!(std::fs::read(&other).expect("read"), before);
}
