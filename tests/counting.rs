//! What the score counts: dots, hands or both, chosen in Setup, saved with
//! the session (format 5), applied wherever a score is shown, and said.

mod common;

use std::fs;
use std::path::Path;

use common::Harness;
use mot::app::{Action, App, OpenHow};
use mot::i18n::{self, Language};
use mot::model::{Counting, Dimension, FORMAT_VERSION, MotText, Quality, Session, Stage};
use mot::store;
use ratatui::crossterm::event::KeyCode;

/// MOT 1 with dots (7 weighted) and hands (3), MOT 2 with hands only (5),
/// MOT 3 with dots only (2); all in one matrix cell.
fn voted() -> Session {
    let mut s = Session::new("Front desk");
    for who in ["a late guest", "a family", "a caller"] {
        let id = s.add_mot(MotText {
            who: who.into(),
            situation: "at the desk after midnight, the clerk kept the room".into(),
            feeling: "they waited for me".into(),
        });
        s.set_dimension(id, Some(Dimension::Repurchase))
            .expect("mot");
        s.toggle_quality(id, Quality::Empathy).expect("mot");
    }
    // Group 1 weighs 3, group 2 weighs 1.
    let fan = s.add_participant("Fan", 1).expect("group");
    let lapsed = s.add_participant("Lapsed", 2).expect("group");
    s.add_dot(fan, 1).expect("room");
    s.add_dot(fan, 1).expect("room");
    s.add_dot(lapsed, 1).expect("room");
    s.add_dot(lapsed, 3).expect("room");
    s.add_dot(lapsed, 3).expect("room");
    s.set_hands(1, 2, 3).expect("group");
    s.set_hands(2, 2, 5).expect("group");
    s.votes_revealed = true;
    s
}

fn order(s: &Session) -> Vec<u32> {
    let ranking = s.ranking();
    ranking.ranked.iter().map(|r| s.mots[r.index].id).collect()
}

#[test]
fn the_counting_choice_changes_scores_ranking_and_matrix() {
    let mut s = voted();
    let cell = |s: &Session| {
        mot::model::Matrix::build(s, &s.scores())
            .cell(Dimension::Repurchase, Quality::Empathy)
            .weighted
    };
    assert_eq!(s.counting, Counting::Both, "both count by default");
    assert_eq!(s.score(1).weighted, 10);
    assert_eq!(order(&s), [1, 2, 3]);
    assert_eq!(cell(&s), 10 + 5 + 2);
    s.counting = Counting::Dots;
    assert_eq!(s.score(1).weighted, 7);
    assert_eq!(s.score(2).weighted, 0);
    assert_eq!(order(&s), [1, 3, 2]);
    assert_eq!(cell(&s), 7 + 2);
    s.counting = Counting::Hands;
    assert_eq!(s.score(1).weighted, 3);
    assert_eq!(order(&s), [2, 1, 3]);
    assert_eq!(cell(&s), 3 + 5);
    assert_eq!(s.ranking().ranked[0].importance, 100);
}

#[test]
fn setup_chooses_what_counts_undo_takes_it_back_and_the_file_keeps_it() {
    i18n::set(Language::English);
    let mut s = voted();
    s.stage = Stage::Setup;
    let mut h = Harness::with_session(s);
    // Row 8 is what the score counts, after the most dots on one MOT.
    for _ in 0..7 {
        h.key(KeyCode::Down);
    }
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Score counts") && screen.contains("◀ dots and hands ▶"),
        "{screen}"
    );
    h.key(KeyCode::Right);
    assert_eq!(h.workshop().session.counting, Counting::Dots);
    assert!(h.screen(80, 24).contains("◀ dots only ▶"));
    let path = h.workshop().path().to_path_buf();
    h.ctrl('s');
    let saved = fs::read_to_string(&path).expect("saved");
    assert!(saved.contains("counting: Dots,"), "{saved}");
    assert_eq!(store::load(&path).expect("reads").counting, Counting::Dots);
    h.key(KeyCode::Right);
    assert_eq!(h.workshop().session.counting, Counting::Hands);
    h.press('u');
    assert_eq!(h.workshop().session.counting, Counting::Dots);
    let status = h.app.status.clone().expect("says what was undone");
    assert!(status.text.contains("what the score counts"), "{status:?}");
    h.press('u');
    assert_eq!(h.workshop().session.counting, Counting::Both);
    h.key(KeyCode::Left);
    assert_eq!(h.workshop().session.counting, Counting::Hands, "wraps");
}

fn at_stage(mut s: Session, stage: Stage) -> Harness {
    s.stage = stage;
    Harness::with_session(s)
}

#[test]
fn vote_shows_both_parts_of_the_selected_score_in_every_language() {
    let cases = [
        (
            Language::English,
            "#1 10 = dots 7 + hands 3, weighted total",
        ),
        (
            Language::SimplifiedChinese,
            "#1 10 = 贴点 7 + 举手 3（加权合计）",
        ),
        (
            Language::TraditionalChinese,
            "#1 10 = 貼點 7 + 舉手 3（加權合計）",
        ),
    ];
    for (lang, parts) in cases {
        i18n::set(lang);
        let mut s = voted();
        s.language = Some(lang);
        let mut h = at_stage(s, Stage::Vote);
        for (w, ht) in [(80, 24), (160, 45)] {
            let screen = h.screen(w, ht);
            assert!(screen.contains(parts), "{lang:?} {w}x{ht}\n{screen}");
        }
        // Show of hands says it too.
        h.press('m');
        assert!(h.screen(80, 24).contains(parts), "{lang:?} hands");
        // MOT 2 has hands only: its score needs no sum.
        h.key(KeyCode::Down);
        let screen = h.screen(80, 24);
        assert!(!screen.contains("#2 "), "{screen}");
    }
    i18n::set(Language::English);
}

#[test]
fn vote_says_what_alone_counts_and_keeps_totals_hidden_while_blind() {
    i18n::set(Language::English);
    let mut s = voted();
    s.counting = Counting::Dots;
    let mut h = at_stage(s, Stage::Vote);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("#1 7: dots only, 3 from hands not added"),
        "{screen}"
    );
    h.key(KeyCode::Down);
    assert!(
        h.screen(80, 24)
            .contains("#2 0: dots only, 5 from hands not added")
    );
    h.press('r');
    assert!(!h.workshop().session.votes_revealed);
    let screen = h.screen(80, 24);
    assert!(screen.contains("score counts dots only"), "{screen}");
    assert!(
        !screen.contains("not added"),
        "no total while blind: {screen}"
    );
    i18n::set(Language::SimplifiedChinese);
    let mut s = voted();
    s.counting = Counting::Hands;
    s.votes_revealed = false;
    s.language = Some(Language::SimplifiedChinese);
    let h = at_stage(s, Stage::Vote);
    let screen = h.screen(160, 45);
    i18n::set(Language::English);
    assert!(screen.contains("得分只计举手"), "{screen}");
}

#[test]
fn choose_and_matrix_label_the_score() {
    i18n::set(Language::English);
    let h = at_stage(voted(), Stage::Choose);
    for (w, ht) in [(80, 24), (160, 45)] {
        let screen = h.screen(w, ht);
        assert!(
            screen.contains("Score 10 = dots 7 + hands 3, weighted total"),
            "{w}x{ht}\n{screen}"
        );
    }
    let mut s = voted();
    s.counting = Counting::Hands;
    let h = at_stage(s.clone(), Stage::Choose);
    let screen = h.screen(80, 24);
    // MOT 2 ranks first when only hands count; MOT 1 stays selected.
    assert!(screen.contains("    1 #2    5"), "{screen}");
    assert!(
        screen.contains("Score 3: hands only, 7 from dots not added"),
        "{screen}"
    );
    i18n::set(Language::TraditionalChinese);
    s.language = Some(Language::TraditionalChinese);
    let h = at_stage(s.clone(), Stage::Matrix);
    let screen = h.screen(80, 24);
    i18n::set(Language::English);
    assert!(screen.contains("得分只計舉手"), "{screen}");
    let h = at_stage(voted(), Stage::Matrix);
    assert!(!h.screen(80, 24).contains("score counts"));
}

#[test]
fn a_version_4_file_counts_both_and_is_kept_before_the_first_write() {
    i18n::set(Language::English);
    let dir = common::fast_tempdir();
    let path = dir.path().join("hotel.ron");
    let v4 = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v4.ron");
    fs::copy(&v4, &path).expect("copy");
    let original = fs::read(&path).expect("read");
    let decoded = store::decode(&String::from_utf8_lossy(&original)).expect("opens");
    assert_eq!(decoded.version, 4);
    assert_eq!(decoded.session.counting, Counting::Both);
    let mut app = App::picker(
        dir.path().to_path_buf(),
        store::list(dir.path()).expect("lists"),
    );
    common::open(&mut app, &path, OpenHow::Normal);
    let status = app.status.clone().expect("a message");
    // The fixture's session speaks Simplified Chinese.
    assert!(status.text.contains("格式版本 4"), "{status:?}");
    let kept = dir.path().join("hotel.v4.bak");
    assert!(!kept.exists(), "nothing written before the first change");
    common::dispatch(&mut app, Action::NextStage);
    common::dispatch(&mut app, Action::PrevStage);
    assert_eq!(fs::read(&kept).expect("the original is kept"), original);
    let now = fs::read_to_string(&path).expect("read");
    assert!(
        now.starts_with(&format!("(\n    version: {FORMAT_VERSION},")),
        "{now}"
    );
    assert!(now.contains("counting: Both,"), "{now}");
    let again = store::decode(&now).expect("reads");
    assert_eq!(again.version, FORMAT_VERSION);
    assert_eq!(again.session.mots.len(), 12);
}
