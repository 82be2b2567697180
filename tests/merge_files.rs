//! Merging breakout sessions through `mot merge` and the picker's Space
//! and m: one new file or none, the breakouts' files never changed, links
//! and special files refused.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::Harness;
use common::breakouts::{EXAMPLES, breakouts_in, example, names, read};
use mot::app::{App, MergeView, Screen};
use mot::i18n::{self, Language};
use mot::model::MotOrigin;
#[cfg(unix)]
use mot::store::breakouts::{self, InputError};
use ratatui::crossterm::event::KeyCode;

fn mot() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR");
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

#[test]
fn mot_merge_writes_one_new_session_and_prints_what_came_from_where() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = breakouts_in(
        &tmp.path().join("in"),
        &["north.ron", "south.ron", "zhong.ron"],
    );
    let before: Vec<Vec<u8>> = inputs.iter().map(|p| fs::read(p).expect("read")).collect();
    let listing = names(&tmp.path().join("in"));
    let out_dir = tmp.path().join("out");
    let out = mot()
        .arg("merge")
        .args(&inputs)
        .args([
            "--into",
            "Whole hotel",
            "--same-person",
            "1:Ann Lee=2:Ann Lee",
        ])
        .arg("--dir")
        .arg(&out_dir)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.starts_with("Merged 3 breakouts into “Whole hotel”: 7 MOTs,"),
        "{stdout}"
    );
    assert!(stdout.contains("“South table”: MOTs 4–5"), "{stdout}");
    assert!(stdout.contains("Not carried for Ann Lee"), "{stdout}");
    assert_eq!(
        names(&out_dir),
        ["Whole-hotel.ron"],
        "one new file, no lock left"
    );
    let written = out_dir.join("Whole-hotel.ron");
    assert!(stdout.contains(&written.display().to_string()), "{stdout}");
    let s = read(&written);
    assert_eq!(s.mots.len(), 7);
    assert_eq!(
        s.mots[6].origin.as_ref().and_then(MotOrigin::breakout),
        Some("中文组")
    );
    // The breakouts are as they were, and nothing was put beside them.
    for (p, bytes) in inputs.iter().zip(&before) {
        assert_eq!(&fs::read(p).expect("read"), bytes, "{}", p.display());
    }
    assert_eq!(names(&tmp.path().join("in")), listing);
    // A second merge of the same title never replaces the first.
    let again = mot()
        .arg("merge")
        .args(&inputs[..2])
        .args(["--into", "Whole hotel"])
        .arg("--dir")
        .arg(&out_dir)
        .output()
        .expect("runs");
    assert!(again.status.success(), "{again:?}");
    assert_eq!(names(&out_dir), ["Whole-hotel-2.ron", "Whole-hotel.ron"]);
}

#[test]
fn mot_merge_stops_on_conflicts_writes_nothing_and_says_how_to_go_on() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = breakouts_in(
        &tmp.path().join("in"),
        &["north.ron", "east.ron", "vip.ron"],
    );
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).expect("mkdir");
    let run = |extra: &[&str]| {
        mot()
            .arg("merge")
            .args(&inputs)
            .args(extra)
            .arg("--dir")
            .arg(&out_dir)
            .output()
            .expect("runs")
    };
    let out = run(&[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("The merge stopped and nothing was written"),
        "{err}"
    );
    assert!(err.contains("“loves us” has different weights"), "{err}");
    assert!(err.contains("“VIP table” has the group “VIP”"), "{err}");
    assert!(err.contains("--weights-from"), "{err}");
    assert!(err.contains("--map-group"), "{err}");
    assert!(names(&out_dir).is_empty(), "nothing written");
    // Settled by the options the message names.
    let out = run(&["--weights-from", "east", "--map-group", "3:VIP=VIP"]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Weight of “loves us”: 5, from “East table”"),
        "{stdout}"
    );
    assert_eq!(names(&out_dir).len(), 1);
    // Options that name nothing are said before anything is read.
    let out = run(&["--setup-from", "9"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("give its place (1 to 3)"), "{err}");
    let out = run(&["--same-person", "1:Ann Lee"]);
    assert!(!out.status.success());
    assert_eq!(names(&out_dir).len(), 1);
}

#[cfg(unix)]
#[test]
fn a_link_or_a_file_named_twice_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let inputs = breakouts_in(&tmp.path().join("in"), &["north.ron", "south.ron"]);
    let link = tmp.path().join("in/link.ron");
    std::os::unix::fs::symlink(&inputs[1], &link).expect("symlink");
    assert!(matches!(breakouts::read(&link), Err(InputError::Link(_))));
    let out_dir = tmp.path().join("out");
    fs::create_dir(&out_dir).expect("mkdir");
    let out = mot()
        .arg("merge")
        .arg(&inputs[0])
        .arg(&link)
        .arg("--dir")
        .arg(&out_dir)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a link"), "{err}");
    let twice = mot()
        .arg("merge")
        .arg(&inputs[0])
        .arg(tmp.path().join("in/./north.ron"))
        .arg("--dir")
        .arg(&out_dir)
        .output()
        .expect("runs");
    assert!(!twice.status.success());
    let err = String::from_utf8_lossy(&twice.stderr);
    assert!(err.contains("is given twice"), "{err}");
    common::folder::fifo(&tmp.path().join("in/pipe.ron"));
    let fifo = mot()
        .arg("merge")
        .arg(&inputs[0])
        .arg(tmp.path().join("in/pipe.ron"))
        .arg("--dir")
        .arg(&out_dir)
        .output()
        .expect("runs, without waiting for a writer");
    assert!(!fifo.status.success());
    assert!(names(&out_dir).is_empty());
    // The picker says so when the link is marked, before any merge.
    fs::remove_file(tmp.path().join("in/pipe.ron")).expect("rm");
    i18n::set(Language::English);
    let mut h = picker(&tmp.path().join("in"));
    let Screen::Picker(p) = &mut h.app.screen else {
        panic!("the picker");
    };
    p.selected = p
        .entries
        .iter()
        .position(|e| e.path.ends_with("link.ron"))
        .expect("the link is listed");
    h.press(' ');
    assert!(h.status().contains("is a link"), "{}", h.status());
    let Screen::Picker(p) = &h.app.screen else {
        panic!("the picker");
    };
    assert!(p.marked.is_empty());
}

/// The picker on this folder, as `mot` shows it.
fn picker(dir: &Path) -> Harness {
    let entries = mot::store::list(dir).expect("the folder lists");
    Harness::new(App::picker(dir.to_path_buf(), entries))
}

fn select(h: &mut Harness, title: &str) {
    let Screen::Picker(p) = &mut h.app.screen else {
        panic!("the picker");
    };
    p.selected = p
        .entries
        .iter()
        .position(|e| e.summary.as_ref().is_ok_and(|s| s.title == title))
        .expect("listed");
}

fn merge_view(h: &Harness) -> Option<&MergeView> {
    match &h.app.screen {
        Screen::Picker(p) => p.merge.as_ref(),
        Screen::Workshop(_) => None,
    }
}

#[test]
fn the_picker_marks_sessions_and_merges_them_taking_the_first_weights_with_one_key() {
    i18n::set(Language::English);
    let tmp = common::fast_tempdir();
    let inputs = breakouts_in(tmp.path(), &["north.ron", "east.ron"]);
    let before: Vec<Vec<u8>> = inputs.iter().map(|p| fs::read(p).expect("read")).collect();
    let mut h = picker(tmp.path());
    // One marked is not enough.
    select(&mut h, "North table");
    h.press(' ');
    h.press('m');
    assert!(merge_view(&h).is_none());
    assert!(h.status().contains("at least two"), "{}", h.status());
    select(&mut h, "East table");
    h.press(' ');
    let screen = h.screen(100, 30);
    assert!(screen.contains("[1] North table"), "{screen}");
    assert!(screen.contains("[2] East table"), "{screen}");
    h.press('m');
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("North table + 1"),
        "the title offered: {screen}"
    );
    h.key(KeyCode::Enter);
    // The weights differ: the picker says so, and offers the first's.
    let Some(MergeView::Conflicts { weights_settle, .. }) = merge_view(&h) else {
        panic!("the conflicts: {:?}", merge_view(&h));
    };
    assert!(weights_settle);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("“loves us” has different weights"),
        "{screen}"
    );
    assert!(screen.contains("mot merge --dir"), "{screen}");
    assert!(
        screen.contains("first one's weights"),
        "on the key bar: {screen}"
    );
    assert_eq!(
        names(tmp.path()),
        ["east.ron", "north.ron"],
        "nothing written"
    );
    h.press('w');
    let Some(MergeView::Summary { lines, .. }) = merge_view(&h) else {
        panic!("the summary: {:?}", merge_view(&h));
    };
    assert!(lines[0].starts_with("Merged 2 breakouts into “North table + 1”"));
    assert!(
        lines.contains(&"“East table”: MOT 4, 1 participant, 2 dots, 6 hands.".to_string()),
        "{lines:?}"
    );
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("Weight of “loves us”: 3, from “North table”"),
        "{screen}"
    );
    assert_eq!(
        names(tmp.path()),
        ["North-table-1.ron", "east.ron", "north.ron"]
    );
    // Closed, the new session is the one selected, and the marks are gone.
    h.key(KeyCode::Enter);
    assert!(merge_view(&h).is_none());
    let screen = h.screen(100, 30);
    assert!(!screen.contains("[1]"), "{screen}");
    h.key(KeyCode::Enter);
    let w = h.workshop();
    assert_eq!(w.session.title, "North table + 1");
    assert_eq!(w.session.mots.len(), 4);
    assert_eq!(w.session.groups[0].weight, 3);
    for (p, bytes) in inputs.iter().zip(&before) {
        assert_eq!(&fs::read(p).expect("read"), bytes, "{}", p.display());
    }
}

#[test]
fn the_picker_says_what_it_cannot_settle_and_esc_leaves_everything_as_it_was() {
    i18n::set(Language::English);
    let tmp = common::fast_tempdir();
    breakouts_in(tmp.path(), &["north.ron", "vip.ron"]);
    let mut h = picker(tmp.path());
    select(&mut h, "North table");
    h.press(' ');
    select(&mut h, "VIP table");
    h.press(' ');
    h.press('m');
    // A title of one's own.
    for _ in 0.."North table + 1".chars().count() {
        h.key(KeyCode::Backspace);
    }
    h.type_text("全员");
    h.key(KeyCode::Enter);
    let Some(MergeView::Conflicts {
        weights_settle,
        lines,
        ..
    }) = merge_view(&h)
    else {
        panic!("the conflicts");
    };
    assert!(!weights_settle, "no key settles an unmatched group");
    let command = lines.last().expect("the command");
    assert!(
        command.contains("--into 全员 --map-group 2:VIP=VIP"),
        "{command}"
    );
    // `w` does nothing here, and is not offered.
    h.press('w');
    assert!(matches!(merge_view(&h), Some(MergeView::Conflicts { .. })));
    let screen = h.screen(80, 24);
    assert!(!screen.contains("first session's weights"), "{screen}");
    assert!(
        !screen.contains("first one's weights"),
        "not on the key bar: {screen}"
    );
    h.key(KeyCode::Esc);
    assert!(merge_view(&h).is_none());
    assert_eq!(names(tmp.path()), ["north.ron", "vip.ron"]);
    // The marks stay, to merge again once the files are settled.
    assert!(h.screen(80, 24).contains("[2] VIP table"));
}

#[test]
fn the_picker_merges_the_examples_and_its_summary_scrolls_on_a_small_screen() {
    i18n::set(Language::English);
    let tmp = common::fast_tempdir();
    for name in EXAMPLES {
        fs::copy(example(name), tmp.path().join(name)).expect("copy");
    }
    let mut h = picker(tmp.path());
    for title in [
        "Long-haul business class",
        "City hotel front desk",
        "海底捞 门店体验",
    ] {
        select(&mut h, title);
        h.press(' ');
    }
    h.press('m');
    h.key(KeyCode::Enter);
    assert!(matches!(merge_view(&h), Some(MergeView::Summary { .. })));
    let file = "Long-haul-business-class-2.ron.";
    let small = h.screen(60, 18);
    assert!(small.contains("↓ …"), "{small}");
    assert!(small.contains("PgDn"), "the keys to scroll: {small}");
    assert!(!small.contains(file), "{small}");
    for _ in 0..10 {
        h.key(KeyCode::PageDown);
        h.screen(60, 18);
    }
    let small = h.screen(60, 18);
    assert!(small.contains(file), "{small}");
    assert!(!small.contains("↓ …"), "{small}");
    // Back to the top, then closed: the merged session is selected.
    for _ in 0..10 {
        h.key(KeyCode::Up);
    }
    assert!(h.screen(60, 18).contains("Merged 3 breakouts"));
    // Where it all fits, nothing says to scroll.
    let big = h.screen(160, 45);
    assert!(!big.contains("PgDn"), "{big}");
    h.key(KeyCode::Esc);
    h.key(KeyCode::Enter);
    assert_eq!(h.workshop().session.mots.len(), 40);
}
