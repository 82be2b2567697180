//! Going to an MOT by its number: `#`, the number, Enter, in every list of
//! MOTs (Write, Tag, Vote in both modes, Choose). While the number is typed
//! its digits go nowhere else: not to a tag, a rating or a count.

mod common;

use common::Harness;
use mot::app::{Stage, VoteMode};
use mot::model::{Dimension, Filter, Golden, Language, MotId, MotText, Session};
use ratatui::crossterm::event::KeyCode;

/// Thirty MOTs, numbered 1 to 30, two people to vote.
fn session(stage: Stage) -> Session {
    let mut s = Session::new("Hotel");
    for i in 1..=30 {
        s.add_mot(MotText {
            who: format!("guest {i}"),
            situation: format!("situation number {i} in some detail"),
            feeling: "looked after".into(),
        });
    }
    s.add_participant("Ann", 1).expect("group 1");
    s.add_participant("Bo", 2).expect("group 2");
    s.stage = stage;
    s
}

fn harness(stage: Stage) -> Harness {
    Harness::with_session(session(stage))
}

/// `#`, the digits, Enter.
fn go(h: &mut Harness, number: &str) {
    h.press('#').type_text(number).key(KeyCode::Enter);
}

fn selected_id(h: &Harness) -> MotId {
    h.workshop().selected_mot().expect("a selection").id
}

#[test]
fn write_goes_to_the_mot_with_that_number() {
    let mut h = harness(Stage::Write);
    go(&mut h, "25");
    assert_eq!(selected_id(&h), 25);
    let screen = h.screen(80, 24);
    assert!(screen.contains("MOT 25"), "the MOT is on show: {screen}");
    assert!(h.workshop().goto.is_none(), "the prompt is closed");
}

#[test]
fn the_number_is_the_mots_own_id_not_its_place() {
    let mut s = session(Stage::Write);
    s.delete_mot(3).expect("MOT 3");
    let mut h = Harness::with_session(s);
    go(&mut h, "4");
    assert_eq!(selected_id(&h), 4, "the fourth MOT listed is #5");
    go(&mut h, "3");
    assert_eq!(selected_id(&h), 4, "a deleted MOT is not gone to");
    assert_eq!(h.status(), "No MOT #3: it was deleted, or never written.");
    assert!(h.app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn a_number_with_no_mot_says_so_and_stays_put() {
    let mut h = harness(Stage::Write);
    go(&mut h, "7");
    go(&mut h, "99");
    assert_eq!(selected_id(&h), 7);
    assert_eq!(h.status(), "No MOT #99: it was deleted, or never written.");
    let screen = h.screen(80, 24);
    assert!(screen.contains("No MOT #99"), "{screen}");
}

#[test]
fn tag_digits_go_to_the_prompt_and_tag_nothing() {
    let mut h = harness(Stage::Tag);
    let before = h.workshop().session.clone();
    go(&mut h, "12");
    assert_eq!(selected_id(&h), 12);
    assert_eq!(
        h.workshop().session.mots,
        before.mots,
        "1 and 2 tagged nothing"
    );
    // Once the prompt is closed, digits tag again.
    h.press('2');
    assert_eq!(
        h.workshop().session.mot(12).and_then(|m| m.dimension),
        Some(Dimension::Conversion)
    );
}

#[test]
fn esc_closes_the_prompt_where_it_was_and_backspace_edits_the_number() {
    let mut h = harness(Stage::Tag);
    h.press('#').press('3').key(KeyCode::Esc);
    assert_eq!(selected_id(&h), 1, "Esc goes nowhere");
    assert!(h.workshop().goto.is_none());
    h.press('#')
        .type_text("12")
        .key(KeyCode::Backspace)
        .press('9')
        .key(KeyCode::Enter);
    assert_eq!(selected_id(&h), 19);
    assert!(
        h.workshop()
            .session
            .mots
            .iter()
            .all(|m| m.dimension.is_none()),
        "no digit tagged"
    );
}

#[test]
fn enter_on_no_number_asks_for_one_and_a_tenth_digit_is_refused() {
    let mut h = harness(Stage::Write);
    h.press('#').key(KeyCode::Enter);
    assert!(h.workshop().goto.is_some(), "still asking");
    assert!(
        h.status().contains("Type the MOT's number"),
        "{}",
        h.status()
    );
    h.type_text("0001234567890");
    assert_eq!(h.workshop().goto.as_deref(), Some("123456789"));
    assert_eq!(h.status(), "A MOT's number has at most 9 digits.");
    h.key(KeyCode::Enter);
    assert_eq!(selected_id(&h), 1);
    assert!(h.status().starts_with("No MOT #123456789"));
}

#[test]
fn keys_other_than_the_prompts_do_nothing_while_it_is_open() {
    let mut h = harness(Stage::Write);
    let path = h.workshop().path().to_path_buf();
    let saved = std::fs::read(&path).expect("saved");
    h.press('#')
        .press('d')
        .press('n')
        .key(KeyCode::Tab)
        .press('q');
    assert!(!h.app.quit, "q typed into the prompt does not quit");
    assert_eq!(h.workshop().stage(), Stage::Write);
    assert!(h.workshop().editor.is_none());
    assert_eq!(h.workshop().session.mots.len(), 30);
    h.press('5').key(KeyCode::Enter);
    assert_eq!(selected_id(&h), 5);
    assert_eq!(
        std::fs::read(&path).expect("saved"),
        saved,
        "nothing to save"
    );
    h.key(KeyCode::Char('u'));
    assert!(h.status().contains("Nothing to undo"), "{}", h.status());
}

#[test]
fn vote_with_dots_goes_without_spending_a_dot() {
    let mut h = harness(Stage::Vote);
    go(&mut h, "30");
    assert_eq!(selected_id(&h), 30);
    assert!(h.workshop().session.dots.is_empty());
    h.press(' ');
    assert_eq!(h.workshop().session.dots.len(), 1, "Space still votes");
    assert_eq!(h.workshop().session.dots[0].mot, 30);
}

#[test]
fn show_of_hands_digits_go_to_the_number_not_the_count() {
    let mut h = harness(Stage::Vote);
    h.press('m');
    assert_eq!(h.workshop().vote.mode, VoteMode::Hands);
    h.key(KeyCode::Right);
    h.press('1');
    assert_eq!(h.workshop().session.mot(1).map(|m| m.hands_for(2)), Some(1));
    // `#` ends the count: the next digits are the number.
    go(&mut h, "14");
    assert_eq!(selected_id(&h), 14);
    assert_eq!(
        h.workshop().session.mot(1).map(|m| m.hands_for(2)),
        Some(1),
        "the count typed before stays as it was"
    );
    assert!(
        h.workshop()
            .session
            .mots
            .iter()
            .all(|m| m.id == 1 || m.hands.is_empty()),
        "no count typed by the number"
    );
    assert_eq!(
        h.workshop().vote.group,
        0,
        "another MOT starts at the first group"
    );
    h.press('7');
    assert_eq!(
        h.workshop().session.mot(14).map(|m| m.hands_for(1)),
        Some(7),
        "digits count again"
    );
}

#[test]
fn choose_goes_to_the_mots_id_not_its_rank() {
    let mut s = session(Stage::Choose);
    s.votes_revealed = true;
    s.add_dot(1, 20).expect("a dot");
    s.add_dot(1, 20).expect("a dot");
    let mut h = Harness::with_session(s);
    go(&mut h, "1");
    assert_eq!(selected_id(&h), 1, "#1 is MOT 1, not the first rank (#20)");
    go(&mut h, "20");
    assert_eq!(selected_id(&h), 20);
    assert!(
        h.workshop()
            .session
            .mots
            .iter()
            .all(|m| m.we_do_well.is_none())
    );
}

#[test]
fn choose_lifts_a_filter_that_hides_the_mot_and_says_so() {
    let mut s = session(Stage::Choose);
    s.set_golden(3, Some(Golden::Peak)).expect("MOT 3");
    s.set_golden(8, Some(Golden::End)).expect("MOT 8");
    let mut h = Harness::with_session(s);
    h.press('f').press('f');
    assert_eq!(h.workshop().choose.filter, Filter::Golden);
    go(&mut h, "8");
    assert_eq!(selected_id(&h), 8);
    assert_eq!(h.workshop().choose.filter, Filter::Golden, "#8 is listed");
    go(&mut h, "10");
    assert_eq!(selected_id(&h), 10);
    assert_eq!(h.workshop().choose.filter, Filter::All);
    assert_eq!(
        h.status(),
        "MOT #10 was hidden by the filter “golden moments”: the list shows every MOT again."
    );
    let screen = h.screen(80, 24);
    assert!(
        screen
            .lines()
            .any(|l| l.starts_with('▶') && l.contains("– #10 ")),
        "{screen}"
    );
}

#[test]
fn choose_with_votes_hidden_lifts_the_candidates_filter_too() {
    let mut h = harness(Stage::Choose);
    for _ in 0..3 {
        h.press('f');
    }
    assert_eq!(h.workshop().choose.filter, Filter::Candidates);
    go(&mut h, "2");
    assert_eq!(selected_id(&h), 2);
    assert_eq!(h.workshop().choose.filter, Filter::All);
}

#[test]
fn a_pinned_mot_is_let_go_by_a_jump() {
    let mut s = session(Stage::Choose);
    s.set_golden(3, Some(Golden::Peak)).expect("MOT 3");
    let mut h = Harness::with_session(s);
    h.press('f').press('f');
    // Unmarking MOT 3 keeps it pinned in the golden list for the next key.
    h.press('g').press('g').press('g');
    assert_eq!(h.workshop().choose.pinned, Some(3));
    go(&mut h, "3");
    assert_eq!(h.workshop().choose.pinned, None);
    assert_eq!(selected_id(&h), 3);
    assert_eq!(h.workshop().choose.filter, Filter::All, "no longer golden");
}

#[test]
fn setup_and_matrix_have_no_list_to_go_into() {
    for stage in [Stage::Setup, Stage::Matrix] {
        let mut h = harness(stage);
        h.press('#');
        assert!(h.workshop().goto.is_none(), "{stage:?}");
        assert_eq!(
            h.status(),
            "Going to a MOT by number works in Write, Tag, Vote and Choose."
        );
    }
}

#[test]
fn a_read_only_session_can_still_be_gone_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    mot::store::save(&path, &session(Stage::Write)).expect("save");
    let mut app = mot::app::App::picker(dir.path().to_path_buf(), Vec::new());
    common::open(&mut app, &path, mot::app::OpenHow::ReadOnly);
    let mut h = Harness::new(app);
    go(&mut h, "17");
    assert_eq!(selected_id(&h), 17);
}

#[test]
fn presenting_shows_the_prompt_where_messages_go() {
    let mut h = harness(Stage::Write);
    h.press('F').press('#').type_text("12");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Go to MOT #12"), "{screen}");
}

/// The prompt as the room sees it: at the foot of the screen, the key bar
/// saying what the keys do; the message of a missing number beside it.
#[test]
fn the_prompt_drawn_at_80x24() {
    for (lang, code) in [
        (Language::English, "en"),
        (Language::SimplifiedChinese, "zh-Hans"),
    ] {
        let mut s = session(Stage::Tag);
        s.language = Some(lang);
        let mut h = Harness::with_session(s);
        h.press('#').type_text("12");
        insta::assert_snapshot!(format!("prompt_{code}_80x24"), h.screen(80, 24));
        h.type_text("3456789").press('0');
        insta::assert_snapshot!(format!("prompt_too_long_{code}_80x24"), h.screen(80, 24));
    }
}

#[test]
fn the_key_bar_offers_hash_where_there_is_a_list() {
    let bar = |stage| {
        let h = harness(stage);
        h.screen(160, 45)
            .lines()
            .nth(44)
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        bar(Stage::Write).contains("# go to"),
        "{}",
        bar(Stage::Write)
    );
    assert!(
        bar(Stage::Choose).contains("# go to"),
        "{}",
        bar(Stage::Choose)
    );
    assert!(
        !bar(Stage::Matrix).contains("# go to"),
        "{}",
        bar(Stage::Matrix)
    );
}
