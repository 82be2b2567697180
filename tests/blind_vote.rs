//! Blind means blind on the wall: while the totals are hidden, entering one
//! participant's dots does not show the room where they went.

mod common;

use common::Harness;
use mot::app::Stage;
use mot::i18n::Language;
use mot::model::{MotText, Session};
use ratatui::crossterm::event::KeyCode;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// Two MOTs; 王小明 has put both his dots on MOT 2, 李华 none yet.
fn session(lang: Language) -> Session {
    let mut s = Session::new("盲投");
    s.language = Some(lang);
    for who in ["first guest", "second guest"] {
        s.add_mot(MotText {
            who: who.into(),
            situation: "at the desk".into(),
            feeling: "welcome".into(),
        });
    }
    s.dot_budget = 2;
    let p = s.add_participant("王小明", 1).expect("group");
    s.add_participant("李华", 1).expect("group");
    s.add_dot(p, 2).expect("room");
    s.add_dot(p, 2).expect("room");
    s.stage = Stage::Vote;
    s
}

fn at(lang: Language) -> Harness {
    mot::i18n::set(lang);
    Harness::with_session(session(lang))
}

/// The row of MOT `id` in the vote list.
fn row(screen: &str, who: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains(who))
        .unwrap_or_else(|| panic!("no row for {who}:\n{screen}"))
        .to_string()
}

#[test]
fn hidden_totals_keep_each_voters_dots_off_the_rows() {
    for lang in Language::ALL {
        let h = at(lang);
        assert!(!h.workshop().session.votes_revealed);
        for (w, ht) in SIZES {
            let screen = h.screen(w, ht);
            let private = match lang {
                Language::English => "private: dots hidden, v shows",
                Language::SimplifiedChinese => "私密：点已隐藏，v 显示",
                Language::TraditionalChinese => "私密：點已隱藏，v 顯示",
            };
            assert!(screen.contains(private), "{lang:?} {w}x{ht}:\n{screen}");
            // The budget line still says how many are left, not where.
            assert!(screen.contains("●●"), "{lang:?}:\n{screen}");
            let second = row(&screen, "second guest");
            assert!(
                !second.contains('●'),
                "{lang:?} {w}x{ht}: the dots show on the row:\n{screen}"
            );
        }
    }
}

#[test]
fn v_shows_the_voters_dots_to_the_facilitator_until_the_next_voter() {
    let mut h = at(Language::English);
    h.press('v');
    let screen = h.screen(80, 24);
    assert!(row(&screen, "second guest").contains("●●"), "{screen}");
    assert!(
        screen.contains("this voter's dots shown, v hides"),
        "{screen}"
    );
    let status = h.app.status.clone().expect("a message").text;
    assert!(status.contains("v hides them"), "{status}");
    // The next voter starts private again, and so does coming back.
    h.press(']');
    h.press('[');
    let screen = h.screen(80, 24);
    assert!(!row(&screen, "second guest").contains('●'), "{screen}");
    // v again shows, v once more hides.
    h.press('v').press('v');
    let screen = h.screen(80, 24);
    assert!(!row(&screen, "second guest").contains('●'), "{screen}");
}

#[test]
fn revealed_totals_show_every_dot_and_v_says_so() {
    let mut h = at(Language::English);
    h.press('r');
    let screen = h.screen(80, 24);
    assert!(row(&screen, "second guest").contains("●●"), "{screen}");
    assert!(!screen.contains("private"), "{screen}");
    h.press('v');
    let status = h.app.status.clone().expect("a message").text;
    assert!(status.contains("every voter's dots"), "{status}");
}

#[test]
fn undo_of_a_blind_dot_names_the_voter_not_the_mot() {
    let mut h = at(Language::English);
    // 李华 puts a dot on MOT 1; undo must not say which MOT.
    h.press(']').key(KeyCode::Home).key(KeyCode::Right);
    assert_eq!(h.workshop().session.dots.len(), 2);
    h.press('u');
    let status = h.app.status.clone().expect("a message").text;
    assert_eq!(status, "Undid: a dot from 李华. Ctrl-R redoes.");
    assert!(!status.contains("MOT"), "{status}");
}

#[test]
fn the_key_is_in_help() {
    let mut h = at(Language::English);
    h.press('?');
    let help = h.screen(160, 45);
    assert!(help.contains("show this voter's dots"), "{help}");
}

#[test]
fn shown_dots_are_hidden_again_on_leaving_vote_or_presenting() {
    let mut h = at(Language::English);
    h.press('v');
    h.key(KeyCode::Tab).key(KeyCode::BackTab);
    let screen = h.screen(80, 24);
    assert!(!row(&screen, "second guest").contains('●'), "{screen}");
    h.press('v').press('F');
    let screen = h.screen(80, 24);
    assert!(!row(&screen, "second guest").contains('●'), "{screen}");
}

#[test]
fn the_key_bar_says_what_r_does_now() {
    let mut h = at(Language::English);
    let bar = |h: &Harness| {
        h.screen(80, 24)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(bar(&h).contains("r reveal"), "{}", bar(&h));
    h.press('r');
    assert!(bar(&h).contains("r hide"), "{}", bar(&h));
}
