//! The likely-duplicates review as a facilitator uses it after merging
//! breakouts: D in Write finds the pairs, 1 or 2 merges keeping that
//! text (the other stays as a note; dots combine up to the cap and the
//! rest is said), x keeps a pair apart for good, u takes a decision back,
//! and the review reads at 80x24 and 160x45 in three languages.

mod common;

use common::Harness;
use mot::i18n::{self, Language};
use mot::model::{MotText, Session, Stage};
use ratatui::crossterm::event::KeyCode;

fn text(who: &str, situation: &str, feeling: &str) -> MotText {
    MotText {
        who: who.into(),
        situation: situation.into(),
        feeling: feeling.into(),
    }
}

/// Two breakouts wrote the same two moments; one MOT stands alone.
fn merged_room(lang: Language) -> Harness {
    i18n::set(Language::English);
    let mut s = Session::new("Merged");
    s.language = Some(lang);
    s.max_dots_per_mot = 2;
    s.dot_budget = 5;
    let a = s.add_mot(text(
        "A guest arriving after midnight",
        "the night manager had kept the room and left a warm meal on the desk",
        "they were waiting for me",
    ));
    s.add_mot(text(
        "A family with two small children",
        "the clerk handed the kids a colouring book",
        "they think of everything",
    ));
    let c = s.add_mot(text(
        "A guest arriving after midnight!",
        "The night manager had kept the room, and left a warm meal on the desk.",
        "They were waiting for me",
    ));
    s.add_mot(text(
        "住在美国西岸的华人旅客",
        "在商务舱准备睡觉时，空服员帮他铺好了床",
        "觉得华航不一样",
    ));
    s.add_mot(text(
        "住在美国西岸的华人旅客",
        "在商务舱准备睡觉的时候，空服员帮他铺好了床",
        "觉得华航不一样",
    ));
    let ann = s.add_participant("Ann", 1).expect("group");
    s.add_dot(ann, a).expect("dot");
    s.add_dot(ann, c).expect("dot");
    s.add_dot(ann, c).expect("dot");
    s.set_hands(a, 1, 4).expect("hands");
    s.set_hands(c, 1, 6).expect("hands");
    s.votes_revealed = true;
    s.stage = Stage::Write;
    Harness::with_session(s)
}

fn saved(h: &Harness) -> Session {
    mot::store::load(h.workshop().path()).expect("reads")
}

#[test]
fn pairs_are_merged_or_kept_apart_one_at_a_time_and_undone() {
    let mut h = merged_room(Language::English);
    h.press('D');
    assert!(
        h.status().contains("2 pairs of MOTs look alike"),
        "{}",
        h.status()
    );
    let screen = h.screen(100, 30);
    assert!(screen.contains("pair 1 of 2"), "{screen}");
    assert!(screen.contains("1 keeps MOT"), "{screen}");
    assert!(screen.contains("2 keeps MOT"), "{screen}");
    // The first pair is the most alike; walk to the hotel pair (1 and 3).
    let on = |h: &Harness| {
        h.workshop()
            .duplicates
            .as_ref()
            .and_then(|r| r.current())
            .map(|p| (p.a, p.b))
    };
    if on(&h) != Some((1, 3)) {
        h.key(KeyCode::Down);
    }
    assert_eq!(on(&h), Some((1, 3)));
    assert!(h.screen(160, 45).contains("1 dots · 4 hands"));
    h.press('1');
    let s = &h.workshop().session;
    assert!(s.mot(3).is_none(), "merged away");
    let kept = s.mot(1).expect("kept");
    assert_eq!(kept.notes.len(), 1);
    assert_eq!(
        kept.notes[0].situation,
        "The night manager had kept the room, and left a warm meal on the desk."
    );
    assert_eq!(kept.hands_for(1), 6, "the larger count");
    assert_eq!(s.dots_on(1, 1), 2, "1 + 2 dots, capped at 2");
    assert!(
        h.status().contains("back to their budget: Ann 1"),
        "{}",
        h.status()
    );
    assert_eq!(saved(&h).mots.len(), 4, "on disk");
    // One pair left: x keeps it apart, and the review closes.
    h.press('x');
    assert!(h.workshop().duplicates.is_none());
    assert!(h.status().contains("No pairs left"), "{}", h.status());
    assert_eq!(h.workshop().session.not_duplicates, [(4, 5)]);
    // D again: nothing to offer.
    h.press('D');
    assert!(
        h.status().contains("No likely duplicates"),
        "{}",
        h.status()
    );
    // Undo in Write takes back the dismissal, then the merge, by name.
    h.press('u');
    assert!(h.status().contains("a pair kept apart"), "{}", h.status());
    h.press('u');
    assert!(
        h.status().contains("MOT 3 merged into MOT 1"),
        "{}",
        h.status()
    );
    assert_eq!(h.workshop().session.mots.len(), 5);
    assert_eq!(saved(&h).mots.len(), 5);
}

#[test]
fn undo_inside_the_review_brings_the_pair_back_and_esc_closes() {
    let mut h = merged_room(Language::English);
    h.press('D').press('2');
    let left = h.workshop().duplicates.as_ref().map(|r| r.pairs.len());
    assert_eq!(left, Some(1));
    h.press('u');
    let back = h.workshop().duplicates.as_ref().map(|r| r.pairs.len());
    assert_eq!(back, Some(2), "the undone pair is offered again");
    assert!(
        h.status().contains("Undid: MOT"),
        "says what it undid: {}",
        h.status()
    );
    assert_eq!(h.workshop().session.mots.len(), 5);
    h.key(KeyCode::Esc);
    assert!(h.workshop().duplicates.is_none());
    assert!(h.status().contains("D opens it again"));
}

#[test]
fn the_review_reads_in_every_language_at_both_sizes_and_hides_blind_votes() {
    for lang in [
        Language::English,
        Language::SimplifiedChinese,
        Language::TraditionalChinese,
    ] {
        let mut h = merged_room(lang);
        h.press('D');
        for (w, hgt) in [(80, 24), (160, 45)] {
            let screen = h.screen(w, hgt);
            let title = match lang {
                Language::English => "Likely duplicates · pair 1 of 2",
                Language::SimplifiedChinese => "可能重复 · 第 1 对，共 2 对",
                Language::TraditionalChinese => "可能重複 · 第 1 對，共 2 對",
            };
            assert!(screen.contains(title), "{lang:?} {w}x{hgt}:\n{screen}");
        }
    }
    let mut h = merged_room(Language::English);
    h.press('D');
    let screen = h.screen(160, 45);
    assert!(screen.contains("dots ·"), "{screen}");
    // Blind: no counts.
    let mut s = merged_room(Language::English).workshop().session.clone();
    s.votes_revealed = false;
    let mut b = Harness::with_session(s);
    b.press('D');
    let screen = b.screen(160, 45);
    assert!(screen.contains("votes hidden"), "{screen}");
    assert!(!screen.contains("dots ·"), "{screen}");
}

#[test]
fn the_search_has_its_pairs_ready_when_it_wakes_the_loop() {
    use mot::app::duplicates::Search;
    use mot::store::writer::Waker;
    let h = merged_room(Language::English);
    let s = &h.workshop().session;
    for _ in 0..20 {
        let (tx, rx) = std::sync::mpsc::channel();
        let waker = Waker::new(move || {
            let _ = tx.send(());
        });
        let mut search = Search::start(s.mots.clone(), Vec::new(), None, Some(waker));
        rx.recv_timeout(std::time::Duration::from_secs(30))
            .expect("the loop is woken");
        // The loop looks once when woken: the pairs must be there by then.
        assert!(search.done(), "woken before the pairs were ready");
        assert_eq!(search.finish().pairs.len(), 2);
    }
}
