//! The report from inside the app: `R` writes NAME.report.md and
//! NAME.report.html beside the session (off the event loop, said on the
//! status line), read-only sessions included; `Y` sends the Markdown to the
//! terminal's clipboard as an OSC 52 sequence.

mod common;

use std::path::{Path, PathBuf};

use base64::Engine as _;
use common::Harness;
use mot::app::{App, OpenHow};
use mot::model::{Language, Session};

fn airline() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/airline-business-class.ron");
    mot::store::load(&path).expect("the example loads")
}

fn beside(h: &Harness) -> [PathBuf; 2] {
    mot::report::beside::paths(h.workshop().path())
}

#[test]
fn r_writes_both_reports_beside_the_session_and_says_where() {
    let mut h = Harness::with_session(airline());
    let [md, html] = beside(&h);
    assert_eq!(
        md.file_name().and_then(|n| n.to_str()),
        Some("session.report.md")
    );
    assert_eq!(
        html.file_name().and_then(|n| n.to_str()),
        Some("session.report.html")
    );
    assert_eq!(md.parent(), h.workshop().path().parent());
    assert!(!md.exists() && !html.exists());

    h.press('R');
    let status = h.status();
    assert!(status.starts_with("Report written: "), "{status}");
    assert!(status.contains(&mot::plain::path(&md)), "{status}");
    assert!(status.contains("session.report.html"), "{status}");
    let text = std::fs::read_to_string(&md).expect("the Markdown");
    assert!(text.starts_with("# Long-haul business class"), "{text}");
    let page = std::fs::read_to_string(&html).expect("the HTML");
    assert!(page.contains("<html lang=\"en\">") && page.contains("turn-down service"));
    // Nothing else beside it: no temporary left, the session untouched.
    let names: Vec<String> = std::fs::read_dir(md.parent().expect("a folder"))
        .expect("the folder")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("report"))
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn the_report_speaks_the_room_s_language_and_a_read_only_session_may_write_it() {
    let dir = common::fast_tempdir();
    let path = dir.path().join("航空.ron");
    let mut s = airline();
    s.language = Some(Language::SimplifiedChinese);
    mot::store::save(&path, &s).expect("save");
    let mut app = App::picker(dir.path().to_path_buf(), Vec::new());
    common::open(&mut app, &path, OpenHow::ReadOnly);
    let mut h = Harness::new(app);
    assert!(h.workshop().read_only());
    h.press('R');
    let [md, html] = beside(&h);
    assert!(h.status().starts_with("报告已写出："), "{}", h.status());
    assert!(h.status().contains("航空.report.html"), "{}", h.status());
    let text = std::fs::read_to_string(&md).expect("the Markdown");
    assert!(text.contains("## 决定：选出的 MOT"), "{text}");
    let page = std::fs::read_to_string(&html).expect("the HTML");
    assert!(page.contains("<html lang=\"zh-Hans\">"));
}

#[cfg(unix)]
#[test]
fn a_link_where_the_report_goes_is_refused_and_said() {
    let mut h = Harness::with_session(airline());
    let [md, _] = beside(&h);
    let target = md.with_file_name("elsewhere.md");
    std::fs::write(&target, "keep me").expect("write");
    std::os::unix::fs::symlink(&target, &md).expect("symlink");
    h.press('R');
    let status = h.status();
    assert!(status.starts_with("Report not written: "), "{status}");
    assert!(status.contains("is a link"), "{status}");
    assert!(h.app.status.as_ref().is_some_and(|s| s.error));
    assert_eq!(std::fs::read_to_string(&target).expect("kept"), "keep me");
}

/// What an OSC 52 sequence carries, decoded by the `base64` crate.
fn clipboard_text(sequence: &str) -> String {
    let body = sequence
        .strip_prefix("\x1b]52;c;")
        .and_then(|s| s.strip_suffix('\x07'))
        .unwrap_or_else(|| panic!("not an OSC 52 sequence: {sequence:?}"));
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body)
        .expect("standard base64");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn osc_52_carries_the_text_whole() {
    for text in [
        "",
        "a",
        "ab",
        "abc",
        "报告 ✓\n| a | b |\n",
        "\u{1F600} emoji",
    ] {
        let sequence = mot::clipboard::osc52(text);
        assert!(sequence.is_ascii(), "{sequence:?}");
        assert_eq!(clipboard_text(&sequence), text);
    }
}

#[test]
fn y_sends_the_markdown_report_to_the_clipboard() {
    let mut h = Harness::with_session(airline());
    assert_eq!(h.app.clipboard, None);
    h.press('Y');
    let sequence = h
        .app
        .clipboard
        .clone()
        .expect("a sequence for the terminal");
    let text = clipboard_text(&sequence);
    assert!(text.starts_with("# Long-haul business class"), "{text}");
    assert!(text.contains("## The decision"), "{text}");
    let status = h.status();
    assert!(status.contains("clipboard"), "{status}");
    assert!(status.contains("set -g set-clipboard on"), "{status}");
    // Nothing was written to disk for it.
    let [md, html] = beside(&h);
    assert!(!md.exists() && !html.exists());
}

#[test]
fn help_lists_both_keys_on_one_line_and_presenting_leaves_them_out() {
    let mut h = Harness::with_session(airline());
    h.press('?');
    let screen = h.screen(80, 24);
    assert!(screen.contains("R/Y"), "{screen}");
    assert!(screen.contains("write / copy the report"), "{screen}");
    h.press('?');
    // The wall shows the room's work; the report waits until presenting ends.
    h.press('F');
    assert!(h.app.presenting);
    h.press('R').press('Y');
    let [md, html] = beside(&h);
    assert!(!md.exists() && !html.exists());
    assert_eq!(h.app.clipboard, None);
    h.key(ratatui::crossterm::event::KeyCode::Esc).press('R');
    assert!(md.exists() && html.exists(), "{}", h.status());
}

#[test]
fn the_help_says_what_tmux_needs_for_the_copy() {
    let mut s = mot::model::Session::new("Help");
    s.stage = mot::model::Stage::Write;
    let mut h = common::Harness::with_session(s);
    h.press('?');
    for (w, hgt) in [(80, 24), (160, 45)] {
        let screen = h.screen(w, hgt);
        assert!(screen.contains("set -g set-clipboard on"), "{screen}");
    }
    // Presenting has no report keys, so no word about them.
    h.press('?').press('F').press('?');
    assert!(!h.screen(160, 45).contains("set-clipboard"));
}
