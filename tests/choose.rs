//! The Choose stage as a facilitator uses it: the ranking by weighted
//! votes, the weights audit, golden moments, the one core message, the three
//! circles, the chosen set and its MOTX; saved, reloaded, drawn.

mod common;

use common::Harness;
use mot::app::{ChooseView, Stage};
use mot::i18n::{self, Language};
use mot::model::{Dimension, Filter, Golden, MotText, Quality, Session};
use mot::store;
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

/// Five MOTs voted by hands so the weights change the order: MOT 1 has the
/// most hands, MOT 2 the most weighted points (group 1 weighs 3).
fn session() -> Session {
    let mut s = Session::new("City hotel");
    s.core_message = "A calm place in a busy city".into();
    s.focus = Some(Dimension::Entry);
    let texts = [
        (
            "A tired guest",
            "at midnight check-in, the key card worked first time",
            "calm",
        ),
        (
            "A returning guest",
            "at the door, the night manager greeted her by name",
            "a calm place",
        ),
        (
            "A business guest",
            "on the last morning, the bill was already printed",
            "efficient",
        ),
        (
            "A family",
            "in the lobby, a children's corner was set up",
            "welcome",
        ),
        ("A guest", "at the spa, a towel was missing", "annoyed"),
    ];
    for (i, (who, situation, feeling)) in texts.iter().enumerate() {
        let id = s.add_mot(MotText {
            who: (*who).into(),
            situation: (*situation).into(),
            feeling: (*feeling).into(),
        });
        s.set_dimension(id, Some(Dimension::ALL[i % 4]))
            .expect("mot");
        s.toggle_quality(id, Quality::ALL[i % 5]).expect("mot");
    }
    s.set_hands(1, 2, 5).expect("group"); // 5 pts, 5 votes
    s.set_hands(2, 1, 2).expect("group"); // 6 pts, 2 votes
    s.set_hands(3, 3, 3).expect("group"); // 3 pts, 3 votes
    s.set_hands(4, 1, 1).expect("group"); // 3 pts, 1 vote
    s.votes_revealed = true;
    s
}

fn at_choose(s: Session) -> Harness {
    let mut h = Harness::with_session(s);
    while h.workshop().stage() != Stage::Choose {
        h.key(KeyCode::Tab);
    }
    h
}

fn selected_id(h: &Harness) -> u32 {
    h.workshop().selected_mot().expect("a selection").id
}

#[test]
fn choose_is_the_sixth_stage_after_matrix() {
    assert_eq!(Stage::ALL.len(), 7);
    assert_eq!(Stage::Matrix.next(), Stage::Choose);
    assert_eq!(Stage::Choose.next(), Stage::Drill);
    assert_eq!(Stage::Drill.next(), Stage::Setup);
    let h = at_choose(session());
    let screen = h.screen(80, 24);
    assert!(screen.contains("▶6 Choose"), "{screen}");
}

#[test]
fn the_ranking_follows_weighted_points_and_the_keys_follow_the_ranking() {
    let mut h = at_choose(session());
    h.key(KeyCode::Home);
    // MOT 2 leads on weighted points though MOT 1 has more hands.
    assert_eq!(selected_id(&h), 2);
    h.key(KeyCode::Down);
    assert_eq!(selected_id(&h), 1);
    // 3 and 4 tie on points; 3 has more votes, so it comes first.
    h.key(KeyCode::Down);
    assert_eq!(selected_id(&h), 3);
    h.key(KeyCode::End);
    assert_eq!(selected_id(&h), 5);
    let screen = h.screen(80, 24);
    let row = |id: &str| {
        screen
            .lines()
            .find(|l| l.contains(&format!(" {id} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(row("#2").contains("   6 "), "{screen}");
    assert!(
        row("#1").contains("   5     5"),
        "raw count beside: {screen}"
    );
    // The tie shares a rank.
    assert!(row("#3").trim_start().starts_with('3'), "{screen}");
    assert!(row("#4").trim_start().starts_with('3'), "{screen}");
}

#[test]
fn space_g_m_and_the_digits_mark_and_rate_without_an_editor_and_undo_takes_each_back() {
    let mut h = at_choose(session());
    h.key(KeyCode::Home); // MOT 2
    h.press(' ');
    assert!(
        h.status().contains("MOT 2 chosen (1 chosen)"),
        "{}",
        h.status()
    );
    h.press('g');
    assert_eq!(
        h.workshop().session.mot(2).expect("mot").golden,
        Some(Golden::Peak)
    );
    h.press('g').press('g');
    assert_eq!(
        h.workshop().session.mot(2).expect("mot").golden,
        Some(Golden::End)
    );
    h.press('m');
    assert!(h.workshop().session.mot(2).expect("mot").carries_message);
    // The circle picked starts at "we do it well".
    h.press('4');
    assert_eq!(
        h.workshop().session.mot(2).expect("mot").we_do_well,
        Some(4)
    );
    h.key(KeyCode::Right).press('5');
    assert_eq!(
        h.workshop().session.mot(2).expect("mot").competitors_poor,
        Some(5)
    );
    // Importance comes from votes: nothing to rate there.
    h.key(KeyCode::Right).press('3');
    assert!(
        h.status().contains("importance comes from the votes"),
        "{}",
        h.status()
    );
    h.key(KeyCode::Left).press('0');
    assert_eq!(
        h.workshop().session.mot(2).expect("mot").competitors_poor,
        None
    );

    // Undo walks back, naming each change.
    h.press('u');
    assert!(h.status().contains("ratings of MOT 2"), "{}", h.status());
    assert_eq!(
        h.workshop().session.mot(2).expect("mot").competitors_poor,
        Some(5)
    );
    h.press('u').press('u');
    h.press('u');
    assert!(
        h.status().contains("core-message mark of MOT 2"),
        "{}",
        h.status()
    );
    h.press('u').press('u').press('u');
    assert!(
        h.status().contains("golden-moment mark of MOT 2"),
        "{}",
        h.status()
    );
    h.press('u');
    assert!(h.status().contains("choice of MOT 2"), "{}", h.status());
    assert!(!h.workshop().session.mot(2).expect("mot").chosen);
}

#[test]
fn the_chosen_set_and_everything_rated_survive_save_and_reload() {
    let mut h = at_choose(session());
    h.key(KeyCode::Home)
        .press(' ')
        .press('g')
        .press('m')
        .press('5');
    h.key(KeyCode::Right).press('4');
    h.press('+'); // competitors poor from 5
    h.key(KeyCode::Down).press(' ');
    h.key(KeyCode::Up).key(KeyCode::Enter);
    h.type_text("Greet by name").key(KeyCode::Enter);
    h.type_text("Books again").key(KeyCode::Enter);
    let path = h.workshop().path().to_path_buf();
    let saved = store::load(&path).expect("saved");
    assert_eq!(saved, h.workshop().session, "every change is saved at once");
    let chosen: Vec<u32> = saved
        .mots
        .iter()
        .filter(|m| m.chosen)
        .map(|m| m.id)
        .collect();
    assert_eq!(chosen, vec![1, 2]);
    let two = saved.mot(2).expect("mot");
    assert_eq!(two.golden, Some(Golden::Peak));
    assert!(two.carries_message);
    assert_eq!((two.we_do_well, two.competitors_poor), (Some(5), Some(4)));
    assert_eq!(two.motx.company_does, "Greet by name");
    assert_eq!(two.motx.customer_next, "Books again");
    assert_eq!(saved.circles.competitors_poor, 5);
    // The file names every new field.
    let text = std::fs::read_to_string(&path).expect("read");
    for field in [
        "chosen: true",
        "golden: Some(Peak)",
        "carries_message: true",
        "we_do_well: Some(5)",
        "competitors_poor: Some(4)",
        "company_does: \"Greet by name\"",
        "customer_next: \"Books again\"",
        "important_percent: 50",
    ] {
        assert!(text.contains(field), "{field} in\n{text}");
    }
    // Reopened, the screen shows the same chosen set.
    let mut h = at_choose(saved);
    h.key(KeyCode::Home);
    let screen = h.screen(160, 45);
    assert!(screen.contains("2 chosen"), "{screen}");
    assert!(screen.contains("Greet by name"), "{screen}");
}

#[test]
fn a_file_saved_before_choose_opens_with_nothing_chosen() {
    let v3 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v3.ron");
    let text = std::fs::read_to_string(v3).expect("fixture");
    let decoded = store::decode(&text).expect("opens");
    assert_eq!(decoded.version, 3);
    let s = decoded.session;
    assert!(s.mots.iter().all(|m| !m.chosen && m.golden.is_none()));
    assert!(
        s.mots
            .iter()
            .all(|m| m.we_do_well.is_none() && m.motx.is_empty())
    );
    assert_eq!(s.circles, mot::model::Thresholds::default());
    // A current file missing the new fields (written by hand) gets the defaults too.
    let current = store::to_ron(&s).expect("writes");
    let trimmed: String = current
        .lines()
        .filter(|l| {
            ![
                "golden:",
                "carries_message:",
                "we_do_well:",
                "competitors_poor:",
                "chosen:",
            ]
            .iter()
            .any(|f| l.trim_start().starts_with(f))
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(!trimmed.contains("chosen:"));
    assert_eq!(store::from_ron(&trimmed).expect("defaults fill in"), s);
    // Out of range values are refused with a reason, not clamped silently.
    let bad = current.replacen(
        "qualities: [",
        "we_do_well: Some(9),\n            qualities: [",
        1,
    );
    let e = store::from_ron(&bad).expect_err("a rating of 9");
    assert!(e.message.contains("rated 9"), "{e}");
}

#[test]
fn motx_is_written_for_chosen_mots_and_esc_leaves_it_as_it_was() {
    let mut h = at_choose(session());
    h.key(KeyCode::Home).key(KeyCode::Enter);
    assert!(h.workshop().choose.motx.is_none());
    assert!(h.status().contains("choose MOT 2 first"), "{}", h.status());
    h.press(' ').key(KeyCode::Enter);
    assert!(h.workshop().choose.motx.is_some());
    // Keys type while the editor is open: q is a letter, not quit.
    h.type_text("quiet room")
        .key(KeyCode::Tab)
        .type_text("stays again");
    let screen = h.screen(80, 24);
    assert!(screen.contains("MOTX of MOT 2"), "{screen}");
    assert!(screen.contains("quiet room"), "{screen}");
    h.key(KeyCode::Esc);
    assert!(h.workshop().session.mot(2).expect("mot").motx.is_empty());
    assert!(!h.app.quit);
    assert!(h.status().contains("Draft kept"), "{}", h.status());
    // Ctrl-Z right after brings the MOTX back as it was typed.
    h.ctrl('z');
    let ed = h.workshop().choose.motx.as_ref().expect("back");
    assert_eq!(ed.motx().customer_next, "stays again");
    h.key(KeyCode::Esc).key(KeyCode::Down).key(KeyCode::Up);
    assert!(h.workshop().choose.motx.is_none(), "gone after another key");
    h.key(KeyCode::Enter).type_text("quiet room").ctrl('s');
    let m = h.workshop().session.mot(2).expect("mot");
    assert_eq!(m.motx.company_does, "quiet room");
    assert!(h.status().contains("MOTX of MOT 2 kept"), "{}", h.status());
    // The detail shows it.
    assert!(
        h.screen(80, 24)
            .contains("we do: quiet room  →  the customer: –")
    );
}

#[test]
fn filters_narrow_the_list_and_the_focus_can_change_here() {
    let mut s = session();
    s.set_golden(5, Some(Golden::Low)).expect("mot");
    let mut h = at_choose(s);
    assert_eq!(h.workshop().choose.filter, Filter::All);
    h.press('f');
    assert_eq!(h.workshop().choose.filter, Filter::Focus);
    // Focus is Entry: only MOT 1 is tagged Entry.
    let screen = h.screen(80, 24);
    assert!(screen.contains("#1 "), "{screen}");
    assert!(!screen.contains("#2 "), "{screen}");
    assert_eq!(selected_id(&h), 1, "acting on what is shown");
    // d moves the focus; the filter follows it.
    h.press('d');
    assert_eq!(h.workshop().session.focus, Some(Dimension::Conversion));
    assert!(
        h.status().contains("focus dimension: Conversion"),
        "{}",
        h.status()
    );
    let screen = h.screen(80, 24);
    assert!(screen.contains("#2 "), "{screen}");
    assert!(!screen.contains("#1 "), "{screen}");
    h.press('f');
    assert_eq!(h.workshop().choose.filter, Filter::Golden);
    let screen = h.screen(80, 24);
    assert!(screen.contains("#5 "), "{screen}");
    assert!(!screen.contains("#2 "), "{screen}");
    h.press(' ');
    assert!(
        h.workshop().session.mot(5).expect("mot").chosen,
        "the one shown"
    );
    h.press('f').press('f');
    assert_eq!(h.workshop().choose.filter, Filter::Chosen);
    assert!(h.screen(80, 24).contains("#5 "));
    // Undo takes the focus back like any change.
    h.press('u').press('u');
    assert_eq!(h.workshop().session.focus, Some(Dimension::Entry));
}

#[test]
fn the_audit_shows_both_orders_and_marks_what_the_weights_moved() {
    let mut h = at_choose(session());
    h.press('v');
    assert_eq!(h.workshop().choose.view, ChooseView::Audit);
    assert!(h.status().contains("view: weights audit"), "{}", h.status());
    let screen = h.screen(80, 24);
    assert!(screen.contains("With weights"), "{screen}");
    assert!(screen.contains("One person, one vote"), "{screen}");
    assert!(
        screen.contains("1 ▼1  #1"),
        "the same mark on the other side: {screen}"
    );
    assert!(screen.contains("The weights move"), "{screen}");
    // MOT 2 is lifted two places by the weights (third by hands), MOT 1 dropped one.
    assert!(screen.contains("1 ▲2  #2"), "{screen}");
    assert!(screen.contains("2 ▼1  #1"), "{screen}");
    assert!(screen.contains("3 ▲1  #4"), "ties share the rank: {screen}");
    assert!(
        screen.contains("Top three with weights: #2 #1 #3"),
        "{screen}"
    );
    assert!(screen.contains("without: #1 #3 #2"), "{screen}");
    // With equal weights nothing moves.
    for g in 1..=4 {
        h.app.status = None;
        if let mot::app::Screen::Workshop(w) = &mut h.app.screen {
            w.session.set_weight(g, 1).expect("group");
            // Changed behind the app's back: it must be told.
            w.changed();
        }
    }
    let screen = h.screen(80, 24);
    assert!(screen.contains("The weights change nothing"), "{screen}");
}

#[test]
fn the_circles_count_each_region_and_list_the_centre_candidates() {
    let mut s = session();
    for id in [1, 2] {
        s.set_rating(id, mot::model::Rating::WeDoWell, Some(5))
            .expect("mot");
        s.set_rating(id, mot::model::Rating::CompetitorsPoor, Some(4))
            .expect("mot");
    }
    s.set_rating(3, mot::model::Rating::WeDoWell, Some(5))
        .expect("mot");
    let mut h = at_choose(s);
    h.press('v').press('v');
    assert_eq!(h.workshop().choose.view, ChooseView::Circles);
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        assert!(
            screen.contains("Centre candidates: 2"),
            "{w}x{ht}\n{screen}"
        );
        assert!(
            screen.contains("★2"),
            "the centre's count: {w}x{ht}\n{screen}"
        );
        assert!(screen.contains("Important ≥ 50 %"), "{w}x{ht}\n{screen}");
        assert!(screen.contains("We do well ≥ 4/5"), "{w}x{ht}\n{screen}");
        assert!(
            screen.contains("Competitors poor ≥ 4/5"),
            "{w}x{ht}\n{screen}"
        );
        assert!(
            screen
                .chars()
                .any(|c| ('\u{2800}'..='\u{28ff}').contains(&c)),
            "the circles are drawn: {w}x{ht}\n{screen}"
        );
        // MOT 5 has no votes and no ratings.
        assert!(screen.contains("In no circle: 1"), "{w}x{ht}\n{screen}");
    }
    // Raising the bar of "we do it well" past 5 is refused; past the ratings it empties the centre.
    h.key(KeyCode::Right).key(KeyCode::Right); // importance
    for _ in 0..5 {
        h.press('+');
    }
    assert_eq!(h.workshop().session.circles.important_percent, 100);
    let screen = h.screen(80, 24);
    assert!(screen.contains("Centre candidates: 1"), "{screen}");
    assert!(screen.contains("Important ≥ 100 %"), "{screen}");
}

#[test]
fn many_messages_in_the_chosen_set_are_warned_about() {
    let mut h = at_choose(session());
    h.key(KeyCode::Home);
    for _ in 0..3 {
        h.press(' ').key(KeyCode::Down);
    }
    let screen = h.screen(80, 24);
    assert!(screen.contains("3 chosen"), "{screen}");
    assert!(
        screen.contains("⚠ 3 different messages: choose MOTs that say one thing"),
        "whole at 80 columns: {screen}"
    );
    // Marking MOT 1 and MOT 2 as carrying the core message leaves two messages.
    h.key(KeyCode::Home)
        .press('m')
        .key(KeyCode::Down)
        .press('m');
    let screen = h.screen(100, 30);
    assert!(screen.contains("2 of 3 carry it"), "{screen}");
    assert!(!screen.contains("different messages"), "{screen}");
}

#[test]
fn hidden_votes_keep_the_order_hidden_until_revealed_here() {
    let mut s = session();
    s.votes_revealed = false;
    let mut h = at_choose(s);
    h.key(KeyCode::Home);
    assert_eq!(selected_id(&h), 1, "MOT order while hidden");
    let screen = h.screen(80, 24);
    assert!(screen.contains("Votes are still hidden"), "{screen}");
    assert!(
        !screen.contains("█"),
        "no bars give the order away: {screen}"
    );
    h.press('r');
    assert!(h.workshop().session.votes_revealed);
    h.key(KeyCode::Home);
    assert_eq!(selected_id(&h), 2);
    assert!(h.screen(80, 24).contains("█"));
}

#[test]
fn the_screen_warns_when_no_vote_counts() {
    let mut s = session();
    for g in 1..=4 {
        s.set_weight(g, 0).expect("group");
    }
    let h = at_choose(s);
    assert!(h.screen(80, 24).contains("Every group weighs 0"));
    let mut s = session();
    for m in &mut s.mots {
        Arc::make_mut(m).hands.clear();
    }
    let h = at_choose(s);
    assert!(h.screen(80, 24).contains("No votes yet"));
}

#[test]
fn chosen_and_golden_marks_show_in_the_matrix_the_tag_list_and_the_editor() {
    let mut s = session();
    s.toggle_chosen(1).expect("mot");
    s.set_golden(1, Some(Golden::Peak)).expect("mot");
    let mut h = Harness::with_session(s);
    while h.workshop().stage() != Stage::Matrix {
        h.key(KeyCode::Tab);
    }
    // MOT 1 is Entry x Reliability: the selected cell at the start.
    for (w, ht) in SIZES {
        let screen = h.screen(w, ht);
        assert!(screen.contains("✓1▲"), "{w}x{ht}\n{screen}");
    }
    while h.workshop().stage() != Stage::Tag {
        h.key(KeyCode::BackTab);
    }
    h.key(KeyCode::Home);
    assert!(h.screen(80, 24).contains("✓▲"), "{}", h.screen(80, 24));
    h.press('g');
    assert_eq!(
        h.workshop().session.mot(1).expect("mot").golden,
        Some(Golden::Low)
    );
    h.key(KeyCode::BackTab)
        .key(KeyCode::Home)
        .key(KeyCode::Enter);
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("Editing MOT 1 · ▼ low · ✓ chosen"),
        "{screen}"
    );
}

#[test]
fn read_only_sessions_refuse_every_choice() {
    let mut s = session();
    s.stage = Stage::Choose;
    let dir = common::fast_tempdir();
    let path = dir.path().join("s.ron");
    store::save(&path, &s).expect("save");
    let opened = mot::store::session_file::open(
        &path,
        mot::store::session_file::OpenMode::ReadOnly,
        std::time::Instant::now(),
    )
    .expect("opens read-only");
    let mut app = mot::app::App::picker(dir.path().to_path_buf(), Vec::new());
    app.open(opened.session, opened.file);
    let mut h = Harness::new(app);
    for key in [' ', 'g', 'm', '4', '+', 'd'] {
        h.press(key);
        assert!(h.status().contains("Read-only"), "{key}: {}", h.status());
    }
    h.key(KeyCode::Enter);
    assert!(h.workshop().choose.motx.is_none());
    assert_eq!(h.workshop().session.mots, s.mots);
}

#[test]
fn every_view_draws_in_both_sizes_in_every_language_and_without_colour() {
    let mut s = session();
    s.toggle_chosen(2).expect("mot");
    s.set_golden(2, Some(Golden::End)).expect("mot");
    for lang in Language::ALL {
        i18n::set(lang);
        let mut h = at_choose(s.clone());
        h.app.look.language = lang;
        h.app.look.language_forced = true;
        h.key(KeyCode::Home);
        for view in 0..3 {
            for (w, ht) in SIZES {
                let screen = h.screen(w, ht);
                assert!(
                    screen.contains("#2"),
                    "{lang:?} view {view} {w}x{ht}\n{screen}"
                );
                assert!(
                    screen.contains("“A calm place in a busy city”"),
                    "{lang:?} view {view} {w}x{ht}\n{screen}"
                );
                // Nothing runs past the right edge: the last column holds no half character.
                for line in screen.lines() {
                    assert!(
                        unicode_width::UnicodeWidthStr::width(line) <= usize::from(w),
                        "{lang:?} {w}x{ht}: {line}"
                    );
                }
            }
            h.press('v');
        }
        h.app.look.no_color = true;
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("backend");
        terminal.draw(|f| mot::ui::draw(&h.app, f)).expect("draw");
        let buf = terminal.backend().buffer();
        assert!(
            buf.content()
                .iter()
                .all(|c| c.fg == ratatui::style::Color::Reset
                    && c.bg == ratatui::style::Color::Reset),
            "NO_COLOR draws no colour in {lang:?}"
        );
    }
    i18n::set(Language::English);
}

#[test]
fn the_chinese_screen_speaks_chinese() {
    i18n::set(Language::SimplifiedChinese);
    let mut h = at_choose(session());
    h.app.look.language = Language::SimplifiedChinese;
    h.app.look.language_forced = true;
    let screen = h.screen(80, 24);
    assert!(screen.contains("6 选择"), "{screen}");
    assert!(screen.contains("核心信息"), "{screen}");
    h.press('v').press('v');
    let screen = h.screen(80, 24);
    assert!(screen.contains("客户看重"), "{screen}");
    i18n::set(Language::English);
}

#[test]
fn every_view_draws_at_any_size_without_panicking() {
    let mut s = session();
    s.toggle_chosen(2).expect("mot");
    s.core_message = "一个非常非常长的核心信息，".repeat(12);
    let mut h = at_choose(s);
    h.key(KeyCode::Home).key(KeyCode::Enter); // the MOTX editor over the screen
    for view in 0..3 {
        // Too small first: keys wait while the last frame was too small.
        for (w, ht) in [
            (10, 5),
            (60, 18),
            (61, 19),
            (79, 23),
            (80, 24),
            (120, 30),
            (250, 70),
        ] {
            let screen = h.screen(w, ht);
            assert!(!screen.is_empty(), "view {view} {w}x{ht}");
        }
        h.key(KeyCode::Esc).press('v');
    }
}

#[test]
fn a_click_on_a_ranked_mot_selects_it_and_the_wheel_moves_down_the_ranking() {
    use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
    let mut h = at_choose(session());
    h.key(KeyCode::Home);
    h.screen(80, 24);
    // MOT 4 is session index 3; it is drawn where the ranking puts it.
    let (x, y) = {
        let hits = h.app.hits.borrow();
        let hit = hits
            .iter()
            .find(|hit| hit.target == mot::app::Target::Mot(3))
            .expect("MOT 4 is on screen");
        (hit.x + 2, hit.y)
    };
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: x,
            row: y,
            modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
        })
    };
    h.event(mouse(MouseEventKind::Down(MouseButton::Left)));
    assert_eq!(selected_id(&h), 4);
    h.event(mouse(MouseEventKind::ScrollDown));
    assert_eq!(selected_id(&h), 5, "the next in ranking order");
}

#[test]
fn hidden_votes_leak_through_neither_the_circles_nor_the_candidates_filter() {
    let mut s = session();
    for id in [1, 2, 5] {
        s.set_rating(id, mot::model::Rating::WeDoWell, Some(5))
            .expect("mot");
        s.set_rating(id, mot::model::Rating::CompetitorsPoor, Some(5))
            .expect("mot");
    }
    s.votes_revealed = false;
    let mut h = at_choose(s);
    h.press('v').press('v');
    let screen = h.screen(80, 24);
    // By the ratings alone: three MOTs rated well on both, importance unknown.
    assert!(screen.contains(" 3 "), "{screen}");
    assert!(
        !screen.contains("★2"),
        "the centre is not counted: {screen}"
    );
    assert!(screen.contains("In no circle: 2"), "{screen}");
    h.press('f').press('f').press('f');
    assert_eq!(h.workshop().choose.filter, Filter::Candidates);
    assert!(
        !h.screen(80, 24).contains("#2 "),
        "no candidate is listed while hidden"
    );
    h.press('r');
    assert!(h.screen(80, 24).contains("#2 "));
}

#[test]
fn a_mark_that_takes_an_mot_out_of_the_filter_keeps_it_selected_until_moving_on() {
    let mut s = session();
    s.set_golden(3, Some(Golden::End)).expect("mot");
    s.set_golden(1, Some(Golden::Peak)).expect("mot");
    let mut h = at_choose(s);
    h.press('f').press('f');
    assert_eq!(h.workshop().choose.filter, Filter::Golden);
    h.key(KeyCode::End);
    assert_eq!(selected_id(&h), 3);
    h.press('g');
    assert_eq!(h.workshop().session.mot(3).expect("mot").golden, None);
    assert_eq!(selected_id(&h), 3, "still on the MOT just unmarked");
    h.press('g');
    assert_eq!(
        h.workshop().session.mot(3).expect("mot").golden,
        Some(Golden::Peak),
        "cycling goes on on the same MOT"
    );
    assert_eq!(
        h.workshop().session.mot(1).expect("mot").golden,
        Some(Golden::Peak)
    );
    h.press('g').press('g').press('g');
    h.key(KeyCode::Home);
    assert_eq!(selected_id(&h), 1);
    assert!(
        !h.screen(80, 24).contains("#3 "),
        "let go once the selection moved"
    );
}
