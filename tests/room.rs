//! Made for the room: timers on a fake clock, language and theme remembered
//! by the session and undoable, presenting, the mouse, and NO_COLOR.

mod common;

use std::time::Duration;

use common::{Harness, render};
use mot::app::{Action, Effect, Target, update};
use mot::model::{Language, Session, Stage, Theme};
use mot::store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::style::Color;

fn example() -> Session {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/hotel-front-desk.ron");
    store::load(std::path::Path::new(path)).expect("the example loads")
}

fn at(stage: Stage) -> Harness {
    mot::i18n::set(Language::English);
    let mut s = example();
    s.stage = stage;
    Harness::with_session(s)
}

fn saved(h: &Harness) -> Session {
    store::load(h.workshop().path()).expect("saved file loads")
}

#[test]
fn the_timer_counts_down_on_a_fake_clock_and_rings_once() {
    let mut h = at(Stage::Write);
    let t0 = h.app.now;
    assert!(update(&mut h.app, Action::ToggleTimer).is_empty());
    assert!(
        h.screen(80, 24).contains("⏱ Write 15:00"),
        "{}",
        h.screen(80, 24)
    );
    // A person starts typing an MOT while the clock runs.
    h.press('n').type_text("A guest");
    h.app.now = t0 + Duration::from_secs(61);
    assert!(update(&mut h.app, Action::Tick).is_empty());
    assert!(h.screen(80, 24).contains("13:59"));
    // Pause: the clock stands still.
    update(&mut h.app, Action::ToggleTimer);
    h.app.now = t0 + Duration::from_secs(3600);
    update(&mut h.app, Action::Tick);
    assert!(h.screen(80, 24).contains("13:59 paused"));
    update(&mut h.app, Action::ToggleTimer);
    h.app.now += Duration::from_secs(13 * 60 + 59);
    assert_eq!(update(&mut h.app, Action::Tick), vec![Effect::Bell]);
    assert_eq!(
        update(&mut h.app, Action::Tick),
        vec![],
        "the bell rings once"
    );
    let screen = h.screen(80, 24);
    assert!(screen.contains("TIME UP"), "{screen}");
    assert!(screen.contains("Time is up: Write"), "{screen}");
    // Typing was not interrupted: the editor is open with the draft.
    let w = h.workshop();
    let editor = w.editor.as_ref().expect("the editor stays open");
    assert_eq!(editor.text().who, "A guest");
    // Through the shell, the bell is left for the terminal to ring.
    h.press('x');
    assert!(!h.app.bell);
    // T resets.
    h.key(KeyCode::Esc).press('T');
    assert!(h.workshop().timer.is_none());
}

#[test]
fn a_timebox_belongs_to_its_stage_and_is_saved_with_the_session() {
    let mut h = at(Stage::Vote);
    update(&mut h.app, Action::ToggleTimer);
    let t = h.workshop().timer.expect("started");
    assert_eq!(
        (t.stage, t.length),
        (Stage::Vote, Duration::from_secs(5 * 60))
    );
    // Moving on keeps the clock on show, naming its stage.
    h.key(KeyCode::Tab);
    assert!(h.screen(80, 24).contains("⏱ Vote 5:00"));
    // Starting on another stage starts that stage's timebox.
    update(&mut h.app, Action::ToggleTimer);
    assert_eq!(h.workshop().timer.expect("started").stage, Stage::Matrix);
    let mut s = example();
    s.set_timebox(Stage::Write, 12);
    let text = store::to_ron(&s).expect("writes");
    assert_eq!(
        store::from_ron(&text).expect("reads").timebox(Stage::Write),
        12
    );
}

#[test]
fn the_app_sleeps_unless_a_timer_runs() {
    let mut h = at(Stage::Write);
    let now = h.app.now;
    assert_eq!(h.workshop().timer.and_then(|t| t.next_change(now)), None);
    update(&mut h.app, Action::ToggleTimer);
    assert_eq!(
        h.workshop().timer.and_then(|t| t.next_change(now)),
        Some(Duration::from_secs(1))
    );
}

#[test]
fn switching_language_is_remembered_by_the_session_and_undoable() {
    let mut h = at(Stage::Write);
    h.press('L');
    assert_eq!(h.app.language(), Language::SimplifiedChinese);
    assert_eq!(saved(&h).language, Some(Language::SimplifiedChinese));
    let screen = h.screen(80, 24);
    assert!(screen.contains("简体中文"), "{screen}");
    h.press('L');
    assert_eq!(h.app.language(), Language::TraditionalChinese);
    h.press('u');
    assert_eq!(h.app.language(), Language::SimplifiedChinese);
    assert_eq!(saved(&h).language, Some(Language::SimplifiedChinese));
    h.ctrl('r');
    assert_eq!(saved(&h).language, Some(Language::TraditionalChinese));
    h.press('L');
    assert_eq!(h.app.language(), Language::English);
}

#[test]
fn the_command_line_language_wins_until_the_room_switches() {
    let mut s = example();
    s.language = Some(Language::TraditionalChinese);
    s.theme = Some(Theme::Light);
    let mut h = Harness::with_session(s);
    assert_eq!(h.app.language(), Language::TraditionalChinese);
    assert_eq!(h.app.theme(), Theme::Light);
    h.app.look.language = Language::English;
    h.app.look.language_forced = true;
    assert_eq!(h.app.language(), Language::English, "--lang en");
    // Switching the theme does not give up the command line's language.
    h.press('C');
    assert_eq!(h.app.theme(), Theme::HighContrast);
    assert_eq!(h.app.language(), Language::English);
    h.press('L');
    assert_eq!(h.app.language(), Language::SimplifiedChinese);
    assert_eq!(saved(&h).language, Some(Language::SimplifiedChinese));
}

fn colours(app: &mot::app::App, width: u16, height: u16) -> Vec<(Color, Color)> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
    terminal.draw(|f| mot::ui::draw(app, f)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    buf.content().iter().map(|c| (c.fg, c.bg)).collect()
}

#[test]
fn themes_paint_the_screen_and_no_color_paints_nothing() {
    let mut h = at(Stage::Matrix);
    h.press('C');
    assert_eq!(h.app.theme(), Theme::Light);
    let light = colours(&h.app, 80, 24);
    let white = Color::Indexed(231);
    let on_white = light.iter().filter(|(_, bg)| *bg == white).count();
    assert!(
        on_white > 80 * 24 / 2,
        "the light theme paints a light page"
    );
    assert_eq!(saved(&h).theme, Some(Theme::Light));

    h.app.look.no_color = true;
    for stage in Stage::ALL {
        update(&mut h.app, Action::GoToStage(stage));
        let cells = colours(&h.app, 80, 24);
        assert!(
            cells
                .iter()
                .all(|(fg, bg)| *fg == Color::Reset && *bg == Color::Reset),
            "{stage:?} uses colour under NO_COLOR"
        );
        // Still fully usable: the selection and the current stage show by marks.
        let screen = render(&h.app, 80, 24);
        assert!(screen.contains('▶'), "{stage:?}: {screen}");
    }
}

#[test]
fn presenting_gives_the_view_the_whole_screen_with_big_letters_when_there_is_room() {
    let mut h = at(Stage::Matrix);
    update(&mut h.app, Action::ToggleTimer);
    h.app.status = None;
    let normal = h.screen(80, 24);
    h.press('F');
    assert!(h.app.presenting);
    h.app.status = None;
    let small = h.screen(80, 24);
    assert_ne!(small, normal);
    assert!(!small.contains("quit"), "no key bar: {small}");
    assert!(small.contains("▶ Matrix"), "{small}");
    assert!(
        small.contains("15:00") || small.contains("10:00"),
        "{small}"
    );
    // On a big screen the stage and the clock are drawn in big letters.
    let big = h.screen(160, 45);
    let blocks = big.chars().filter(|c| ('▀'..='▟').contains(c)).count();
    assert!(blocks > 40, "big letters: {big}");
    // Esc, or F again, brings the bars back.
    h.key(KeyCode::Esc);
    assert!(!h.app.presenting);
    assert_eq!(h.screen(80, 24), normal);
}

/// The big clock under a stage's big name is that stage's own timer; on
/// another stage the countdown that runs keeps its stage's name, in plain
/// letters, and never stands as this stage's.
#[test]
fn presenting_never_shows_another_stages_countdown_as_this_ones() {
    let mut h = at(Stage::Matrix);
    update(&mut h.app, Action::ToggleTimer);
    h.press('F');
    h.app.status = None;
    let header = |h: &Harness| -> String {
        h.screen(160, 45)
            .lines()
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    };
    let clock_blocks = |top: &str| -> usize {
        top.lines()
            .map(|l| {
                l.chars()
                    .skip(100)
                    .filter(|c| ('▀'..='▟').contains(c))
                    .count()
            })
            .sum()
    };
    let own = header(&h);
    assert!(clock_blocks(&own) > 10, "its own clock is big: {own}");
    h.key(KeyCode::Tab);
    h.app.status = None;
    let other = header(&h);
    assert_eq!(clock_blocks(&other), 0, "not big on Choose: {other}");
    assert!(other.contains("⏱ Matrix"), "named with its stage: {other}");
}

fn click(h: &mut Harness, x: u16, y: u16) {
    h.event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
}

fn wheel(h: &mut Harness, down: bool) {
    h.event(Event::Mouse(MouseEvent {
        kind: if down {
            MouseEventKind::ScrollDown
        } else {
            MouseEventKind::ScrollUp
        },
        column: 10,
        row: 10,
        modifiers: KeyModifiers::NONE,
    }));
}

/// Where the last frame put a target.
fn spot(h: &Harness, target: Target) -> (u16, u16) {
    let hits = h.app.hits.borrow();
    let hit = hits
        .iter()
        .find(|hit| hit.target == target)
        .unwrap_or_else(|| panic!("{target:?} is not on screen"));
    (hit.x, hit.y)
}

#[test]
fn clicks_reach_stages_and_the_wheel_scrolls() {
    let mut h = at(Stage::Write);
    h.screen(80, 24);
    let (x, y) = spot(&h, Target::Stage(Stage::Matrix));
    click(&mut h, x, y);
    assert_eq!(h.workshop().stage(), Stage::Matrix);
    assert_eq!(saved(&h).stage, Stage::Matrix);
    update(&mut h.app, Action::GoToStage(Stage::Write));
    wheel(&mut h, true);
    wheel(&mut h, true);
    assert_eq!(h.workshop().cursor, 2);
    wheel(&mut h, false);
    assert_eq!(h.workshop().cursor, 1);
    // With the mouse given back to the terminal, clicks do nothing.
    h.press('M');
    h.screen(80, 24);
    let (x, y) = spot(&h, Target::Stage(Stage::Tag));
    click(&mut h, x, y);
    assert_eq!(h.workshop().stage(), Stage::Write);
    // Under the help overlay nothing is reached either.
    h.press('M').press('?');
    click(&mut h, x, y);
    assert_eq!(h.workshop().stage(), Stage::Write);
}

#[test]
fn a_new_session_says_what_to_do_first() {
    mot::i18n::set(Language::English);
    let h = Harness::with_session(Session::new("New"));
    let screen = h.screen(80, 24);
    assert!(screen.contains("New session:"), "{screen}");
    let mut s = Session::new("新");
    s.language = Some(Language::SimplifiedChinese);
    let h = Harness::with_session(s);
    assert!(h.screen(100, 30).contains("新工作坊"));
}

#[test]
fn a_read_only_window_switches_its_own_look_and_leaves_the_file_alone() {
    let mut h = at(Stage::Write);
    let before = std::fs::read(h.workshop().path()).expect("read");
    let path = h.workshop().path().to_path_buf();
    let opened = mot::store::session_file::open(
        &path,
        mot::store::session_file::OpenMode::ReadOnly,
        std::time::Instant::now(),
    )
    .expect("opens read-only");
    h.app.open(opened.session, opened.file);
    assert!(h.workshop().read_only());
    common::dispatch(&mut h.app, Action::SwitchLanguage);
    assert_eq!(h.app.language(), Language::SimplifiedChinese);
    assert_eq!(h.workshop().session.language, None);
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn clicks_select_mots_and_cells_and_a_second_click_opens() {
    let mut h = at(Stage::Write);
    h.screen(80, 24);
    let (x, y) = spot(&h, Target::Mot(3));
    click(&mut h, x + 3, y);
    assert_eq!(h.workshop().cursor, 3);
    assert!(h.workshop().editor.is_none());
    click(&mut h, x + 3, y);
    assert!(
        h.workshop().editor.is_some(),
        "a second click opens the MOT"
    );
    h.key(KeyCode::Esc);

    update(&mut h.app, Action::GoToStage(Stage::Matrix));
    h.screen(80, 24);
    let (x, y) = spot(&h, Target::Cell(2, 4));
    click(&mut h, x, y);
    let m = &h.workshop().matrix;
    assert_eq!((m.dimension, m.quality), (2, 4));

    update(&mut h.app, Action::GoToStage(Stage::Setup));
    h.screen(80, 24);
    let (x, y) = spot(&h, Target::SetupRow(1));
    click(&mut h, x, y);
    assert_eq!(h.workshop().setup.selected, 1);
    click(&mut h, x, y);
    assert!(h.workshop().setup.editing.is_some(), "a second click edits");
}

#[test]
fn clicks_in_the_picker_choose_and_open() {
    mot::i18n::set(Language::English);
    let dir = common::fast_tempdir();
    for title in ["Alpha", "Beta"] {
        store::save(
            &dir.path().join(format!("{title}.ron")),
            &Session::new(title),
        )
        .expect("save");
    }
    let entries = store::list(dir.path()).expect("list");
    // The list is newest first: two files saved in one tick may come in
    // either order, so the second row's title is read, not assumed.
    let second = match &entries[1].summary {
        Ok(s) => s.title.clone(),
        Err(e) => panic!("the second session reads: {e}"),
    };
    let mut h = Harness::new(mot::app::App::picker(dir.path().to_path_buf(), entries));
    h.screen(80, 24);
    let (x, y) = spot(&h, Target::Session(1));
    click(&mut h, x, y);
    assert!(h.app.workshop_ref().is_none());
    click(&mut h, x, y);
    assert_eq!(h.workshop().session.title, second);
}

#[test]
fn timeboxes_are_set_in_setup_and_undone_like_any_setting() {
    let mut h = at(Stage::Setup);
    let rows = mot::app::setup_rows::rows(&h.workshop().session);
    let row = rows
        .iter()
        .position(|r| *r == mot::app::SetupRow::Timebox(Stage::Write))
        .expect("a Write timebox row");
    h.workshop();
    h.key(KeyCode::End);
    for _ in row..rows.len() - 1 {
        h.key(KeyCode::Up);
    }
    assert_eq!(h.workshop().setup.selected, row);
    let screen = h.screen(100, 40);
    assert!(screen.contains("Timeboxes"), "{screen}");
    h.key(KeyCode::Right).key(KeyCode::Right);
    assert_eq!(saved(&h).timebox(Stage::Write), 17);
    h.press('u');
    assert_eq!(saved(&h).timebox(Stage::Write), 16);
    assert!(
        h.app
            .status
            .as_ref()
            .is_some_and(|s| s.text.contains("timebox"))
    );
    for _ in 0..30 {
        h.key(KeyCode::Left);
    }
    assert_eq!(saved(&h).timebox(Stage::Write), 1, "never below a minute");
}

fn wide_characters_hide_nothing(buf: &ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in 0..area.height {
        for x in 0..area.width.saturating_sub(1) {
            let wide = unicode_width::UnicodeWidthStr::width(buf[(x, y)].symbol()) > 1;
            let next = buf[(x + 1, y)].symbol();
            assert!(
                !wide || next.is_empty() || next == " ",
                "a wide character at ({x}, {y}) hides {next:?}"
            );
        }
    }
}

#[test]
fn a_popup_over_chinese_text_keeps_its_left_border() {
    // A wide character right before the popup's edge would be drawn over
    // its border by a real terminal; the popup blanks it.
    let mut terminal = Terminal::new(TestBackend::new(40, 6)).expect("backend");
    terminal
        .draw(|f| {
            let text = "关键时刻".repeat(10);
            f.render_widget(
                ratatui::widgets::Paragraph::new(vec![text.clone().into(); 6]),
                f.area(),
            );
            // Column 5 is the second half of the third character.
            let popup = ratatui::layout::Rect::new(5, 1, 20, 4);
            mot::ui::clear_popup(f, popup);
            f.render_widget(ratatui::widgets::Block::bordered(), popup);
        })
        .expect("draw");
    let buf = terminal.backend().buffer();
    assert_eq!(buf[(5, 2)].symbol(), "│");
    wide_characters_hide_nothing(buf);
    // And the real screens, in Chinese, with their popups.
    let mut s = example();
    s.language = Some(Language::SimplifiedChinese);
    s.stage = Stage::Setup;
    let mut h = Harness::with_session(s);
    h.press('?');
    for size in [(80, 24), (100, 30), (160, 45)] {
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("backend");
        terminal.draw(|f| mot::ui::draw(&h.app, f)).expect("draw");
        wide_characters_hide_nothing(terminal.backend().buffer());
    }
}

#[test]
fn undoing_the_first_switch_goes_back_to_what_the_room_had() {
    // The session remembers nothing yet: the locale (here Simplified) speaks.
    let mut h = at(Stage::Write);
    h.app.look.language = Language::SimplifiedChinese;
    assert_eq!(h.workshop().session.language, None);
    h.press('L').press('C');
    assert_eq!(h.app.language(), Language::TraditionalChinese);
    assert_eq!(h.app.theme(), Theme::Light);
    h.press('u');
    assert_eq!(h.app.theme(), Theme::Dark);
    h.press('u');
    assert_eq!(h.app.language(), Language::SimplifiedChinese);
    assert_eq!(saved(&h).language, None);
}

#[test]
fn on_a_small_screen_the_help_scrolls_to_every_key() {
    let mut h = at(Stage::Tag);
    h.press('?');
    let first = h.screen(60, 18);
    assert!(first.contains('↓'), "says there is more: {first}");
    // The last key of the screen shows once scrolled to the end.
    let last = mot::app::keymap::active_bindings(&{
        let mut closed = mot::app::App::workshop(h.workshop().session.clone(), "x.ron".into());
        closed.help = false;
        closed
    })
    .into_iter()
    .rev()
    .find(|b| !b.help.is_empty())
    .map(|b| b.help_text().to_string())
    .expect("a key");
    for _ in 0..10 {
        h.key(KeyCode::PageDown);
    }
    assert!(h.app.help, "scrolling keeps the help open");
    let end = h.screen(60, 18);
    // It may wrap: find the column that holds it, and see that column's
    // last row on screen.
    let columns = mot::ui::help::columns_text(&h.app, ratatui::layout::Rect::new(0, 0, 60, 18));
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let column = columns
        .iter()
        .find(|col| squeeze(&col.join(" ")).contains(&squeeze(&last)))
        .expect("the last key is in a column");
    let bottom = column
        .iter()
        .rev()
        .find(|row| !row.trim().is_empty())
        .expect("a row");
    assert!(end.contains(bottom.trim()), "{bottom:?} in {end}");
    h.key(KeyCode::Up);
    assert_ne!(h.screen(60, 18), end);
    h.key(KeyCode::Esc);
    assert!(!h.app.help);
}

#[test]
fn a_pasted_paragraph_lands_in_the_field_as_one_line() {
    let mut h = at(Stage::Write);
    let before = h.workshop().session.clone();
    // Outside a field a paste is ignored, not read as keys.
    h.paste("dq");
    assert_eq!(h.workshop().session, before);
    h.press('n').key(KeyCode::Tab);
    h.paste("排队等位一个多小时，\r\n服务员送来小吃\n和饮料");
    let editor = h.workshop().editor.as_ref().expect("editor");
    assert_eq!(
        editor.fields[1].text(),
        // Chinese lines join without the space English ones get.
        "排队等位一个多小时，服务员送来小吃和饮料"
    );
    // The terminal's cursor sits after the last wide character.
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    terminal.draw(|f| mot::ui::draw(&h.app, f)).expect("draw");
    let cursor = terminal.get_cursor_position().expect("cursor");
    let buf = terminal.backend().buffer();
    let left = buf[(cursor.x - 2, cursor.y)].symbol().to_string();
    assert_eq!(left, "料", "cursor at ({}, {})", cursor.x, cursor.y);
}
