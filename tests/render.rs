//! Every screen drawn on a test terminal at 80x24 and at projector size,
//! checked for what the room must be able to read.

mod common;

use common::{Harness, render};
use mot::app::{App, Stage};
use mot::model::{Dimension, MotText, Quality, Session};
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn session() -> Session {
    let mut s = Session::new("海底捞 门店体验");
    s.brand = "海底捞".into();
    s.core_message = "服务让人惊喜".into();
    s.focus = Some(Dimension::Repurchase);
    let mots = [
        (
            "等位的年轻情侣",
            "排队等位一小时，服务员送来小吃、饮料，还提供免费美甲",
            "等待也是享受",
            Dimension::Entry,
            Quality::Empathy,
        ),
        (
            "A business traveller",
            "arriving late after a delayed flight, the desk had kept the room",
            "they keep their word",
            Dimension::Repurchase,
            Quality::Reliability,
        ),
        (
            "Family with kids",
            "at check-in",
            "",
            Dimension::Conversion,
            Quality::Tangibles,
        ),
    ];
    for (who, situation, feeling, d, q) in mots {
        let id = s.add_mot(MotText {
            who: who.into(),
            situation: situation.into(),
            feeling: feeling.into(),
        });
        s.set_dimension(id, Some(d)).expect("mot");
        s.toggle_quality(id, q).expect("mot");
    }
    s.add_mot(MotText {
        who: "untagged guest".into(),
        situation: "s".into(),
        feeling: "f".into(),
    });
    let p = s.add_participant("王小明", 1).expect("group");
    s.add_dot(p, 1).expect("room");
    s.add_dot(p, 1).expect("room");
    s.set_hands(2, 2, 4).expect("group");
    s
}

fn at(stage: Stage) -> Harness {
    let mut h = Harness::with_session(session());
    while h.workshop().stage() != stage {
        h.key(KeyCode::Tab);
    }
    h
}

#[test]
fn every_stage_shows_the_stage_bar_and_keys_at_both_sizes() {
    for stage in Stage::ALL {
        let h = at(stage);
        for (w, ht) in SIZES {
            let screen = h.screen(w, ht);
            assert!(
                screen.contains(&format!("▶{}", stage_label(stage))),
                "{stage:?} {w}x{ht}\n{screen}"
            );
            assert!(screen.contains("海底捞 门店体验"), "{screen}");
            assert!(screen.contains("? help"), "{screen}");
            assert!(screen.contains("q quit"), "{screen}");
        }
    }
}

fn stage_label(stage: Stage) -> String {
    let n = Stage::ALL.iter().position(|s| *s == stage).expect("stage") + 1;
    format!("{n} {}", stage.name())
}

#[test]
fn setup_shows_brand_groups_and_participants() {
    let h = at(Stage::Setup);
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        for needle in [
            "海底捞",
            "服务让人惊喜",
            "◀ Repurchase ▶",
            "◀ 3 ▶",
            "loves us",
            "◀ ×3 ▶",
            "doesn't love us",
        ] {
            assert!(screen.contains(needle), "{needle} at {w}x{ht}:\n{screen}");
        }
    }
    let big = h.screen(160, 45);
    assert!(big.contains("王小明"), "{big}");
    assert!(
        big.contains("Who to ask"),
        "the guide uses the room of a big screen:\n{big}"
    );
}

#[test]
fn write_lists_mots_as_sentences_and_flags_thin_ones() {
    let h = at(Stage::Write);
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        assert!(screen.contains("MOTs: 4"), "{screen}");
        assert!(
            screen.contains("等位的年轻情侣，排队等位一小时"),
            "{screen}"
        );
        assert!(
            screen.contains("⚠ Family with kids, at check-in"),
            "{screen}"
        );
    }
}

#[test]
fn tag_shows_untagged_count_and_the_legend() {
    let h = at(Stage::Tag);
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        assert!(screen.contains("Untagged: 1 of 4"), "{screen}");
        // The selected MOT is Entry + Empathy: those two are marked as set.
        for needle in [
            "1 ●Entry",
            "2 Conversion",
            "4 Referral",
            "5 Reliability",
            "9 ●Empathy",
            "R A S T E",
        ] {
            assert!(screen.contains(needle), "{needle} at {w}x{ht}:\n{screen}");
        }
    }
}

#[test]
fn vote_hides_totals_until_revealed_and_shows_both_scores_after() {
    let mut h = at(Stage::Vote);
    let blind = h.screen(80, 24);
    assert!(blind.contains("Totals hidden"), "{blind}");
    assert!(blind.contains("王小明"), "{blind}");
    assert!(!blind.contains("(raw"), "{blind}");
    h.press('r');
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        assert!(
            screen.contains("6 (raw 2)"),
            "weighted and raw side by side:\n{screen}"
        );
    }
    h.press('m');
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        assert!(screen.contains("liked us"), "{screen}");
        assert!(screen.contains("×3"), "{screen}");
        assert!(screen.contains("4 (raw 4)"), "{screen}");
    }
}

#[test]
fn matrix_shows_counts_scores_focus_and_the_selected_cell() {
    let mut h = at(Stage::Matrix);
    h.press('r'); // not a matrix key: nothing changes, nothing breaks
    let hidden = h.screen(80, 24);
    assert!(
        hidden.contains("by number of MOTs (votes hidden)"),
        "{hidden}"
    );
    let mut s = session();
    s.votes_revealed = true;
    let mut h = Harness::with_session(s);
    while h.workshop().stage() != Stage::Matrix {
        h.key(KeyCode::Tab);
    }
    h.key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Right)
        .key(KeyCode::Right);
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        for needle in [
            "Reliability",
            "Empathy",
            "★ Repurchase",
            "Entry × Empathy: 1 MOT, 6 points (raw 2)",
            "by weighted score",
        ] {
            assert!(screen.contains(needle), "{needle} at {w}x{ht}:\n{screen}");
        }
        assert!(
            screen.contains("等位的年轻情侣"),
            "the cell's MOTs are listed:\n{screen}"
        );
    }
}

#[test]
fn picker_lists_sessions_with_title_age_and_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    mot::store::save(&dir.path().join("a.ron"), &session()).expect("save");
    std::fs::write(dir.path().join("broken.ron"), "(version: 1,\n title: ").expect("write");
    let entries = mot::store::list(dir.path()).expect("list");
    let app = App::picker(dir.path().to_path_buf(), entries);
    for (w, ht) in SIZES {
        let screen = render(&app, w, ht);
        assert!(screen.contains("海底捞 门店体验"), "{screen}");
        assert!(screen.contains("just now"), "{screen}");
        assert!(
            screen.contains("broken.ron"),
            "unreadable files are shown, not hidden:\n{screen}"
        );
    }
}

#[test]
fn too_small_terminals_get_a_message_not_a_panic() {
    let h = at(Stage::Matrix);
    for (w, ht) in [(1, 1), (20, 5), (59, 30), (100, 17), (0, 0)] {
        let screen = h.screen(w.max(1), ht.max(1));
        if w >= 20 && ht >= 3 {
            assert!(screen.contains("too small"), "{w}x{ht}:\n{screen}");
        }
    }
}

/// What nobody can see must not change: while the terminal is too small,
/// keys, pastes and clicks wait; quit and help still work.
#[test]
fn keys_wait_while_the_terminal_is_too_small() {
    let mut h = at(Stage::Matrix);
    let before = h.workshop().session.clone();
    let screen = h.screen(50, 14);
    assert!(screen.contains("keys wait"), "{screen}");
    h.key(KeyCode::Tab).press('1').press('n').press('u');
    h.paste("粘贴的文字");
    h.key(KeyCode::Down).key(KeyCode::Enter);
    assert_eq!(h.workshop().stage(), Stage::Matrix);
    assert_eq!(h.workshop().session, before);
    assert!(h.workshop().editor.is_none());
    h.press('?');
    assert!(h.app.help, "help still opens");
    h.press('?');
    // Once it is large enough again, keys work again.
    h.screen(100, 30);
    h.key(KeyCode::Tab);
    assert_eq!(h.workshop().stage(), Stage::Choose);
    h.screen(50, 14);
    h.press('q');
    assert!(h.app.quit, "quit still quits");
}

#[test]
fn every_stage_draws_at_any_size_without_panicking() {
    for stage in Stage::ALL {
        let mut h = at(stage);
        for (w, ht) in [(60, 18), (61, 19), (300, 100), (80, 18), (200, 24)] {
            h.screen(w, ht);
        }
        h.press('?');
        for (w, ht) in [(60, 18), (80, 24), (300, 100)] {
            let screen = h.screen(w, ht);
            assert!(screen.contains("Help"), "{screen}");
        }
    }
}

#[test]
fn the_editor_puts_the_cursor_after_wide_characters() {
    let mut h = at(Stage::Write);
    h.press('n').type_text("你好");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("backend");
    let frame = terminal.draw(|f| mot::ui::draw(&h.app, f)).expect("draw");
    let _ = frame;
    let pos = terminal.get_cursor_position().expect("cursor");
    // Columns: outer and field borders, then two characters two columns wide;
    // rows: stage bar, outer border, field border.
    assert_eq!((pos.x, pos.y), (2 + 4, 3), "{:?}", pos);
}

#[test]
fn the_chinese_example_reads_on_every_stage() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/海底捞-门店体验.ron");
    let session = mot::store::load(&path).expect("the example loads");
    let mut h = Harness::with_session(session);
    for stage in Stage::ALL {
        while h.workshop().stage() != stage {
            h.key(KeyCode::Tab);
        }
        for (w, ht) in SIZES {
            let screen = h.screen(w, ht);
            assert!(
                screen.contains("海底捞 门店体验"),
                "{stage:?} {w}x{ht}:\n{screen}"
            );
            match stage {
                Stage::Setup => assert!(screen.contains("服务让人惊喜"), "{screen}"),
                Stage::Write | Stage::Tag | Stage::Vote => {
                    assert!(screen.contains("周末带朋友来吃饭的年轻白领"), "{screen}")
                }
                Stage::Matrix => assert!(screen.contains("★ Repurchase"), "{screen}"),
                Stage::Choose => assert!(screen.contains("“服务让人惊喜”"), "{screen}"),
                // No drill yet: the deck says how to start one.
                Stage::Drill => assert!(screen.contains("No scenario cards yet"), "{screen}"),
            }
        }
    }
}

#[test]
fn the_first_hint_moves_on_once_brand_and_message_are_in() {
    let mut s = mot::model::Session::new("new");
    let h = Harness::with_session(s.clone());
    assert!(h.screen(80, 24).contains("Enter names the brand"));
    s.brand = "Harbourview".into();
    s.core_message = "A calm place".into();
    let h = Harness::with_session(s);
    let screen = h.screen(80, 24);
    assert!(!screen.contains("Enter names the brand"), "{screen}");
    assert!(screen.contains("Brand and message are set"), "{screen}");
}
