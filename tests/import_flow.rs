//! Importing into Write as a person does: `i`, a path, the preview, Enter;
//! several lines pasted into the list; one undo taking the whole import
//! back; files refused by the session files' rules; and `mot import` on
//! the command line, with its question, `--yes` and the session's lock.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::Harness;
use mot::app::import::ImportFlow;
use mot::i18n::{self, Language};
use mot::model::{MotOrigin, MotText, Session, Stage};
use ratatui::crossterm::event::KeyCode;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// A session on Write with two MOTs typed in.
fn on_write() -> Harness {
    on_write_in(Language::English)
}

/// The same, in `lang`.
fn on_write_in(lang: Language) -> Harness {
    i18n::set(Language::English);
    let mut s = Session::new("Front desk");
    s.language = Some(lang);
    for who in ["a guest", "a family"] {
        s.add_mot(MotText {
            who: who.into(),
            situation: "at the desk".into(),
            feeling: "welcome".into(),
        });
    }
    s.stage = Stage::Write;
    Harness::with_session(s)
}

fn saved(h: &Harness) -> Session {
    mot::store::load(h.workshop().path()).expect("the file reads")
}

#[test]
fn a_file_is_previewed_added_in_one_step_and_taken_back_by_one_undo() {
    let mut h = on_write();
    h.press('i');
    assert!(h.screen(100, 30).contains("The file to import"));
    h.type_text(&fixture("sheet.gb18030.csv").to_string_lossy());
    h.key(KeyCode::Enter);
    // The preview: how many, how it was read, the first as sentences, the
    // lines that cannot be read with their numbers; nothing added yet.
    let screen = h.screen(100, 30);
    for want in [
        "8 MOTs found in sheet.gb18030.csv",
        "GB18030",
        "line 3: Business traveller",
        "… and 3 more",
        "Added without a value that cannot be read (1):",
        "line 9: unknown dimension “xyz”",
        "2 lines cannot be read",
        "line 7: no feeling",
        "Add these 8 MOTs, leaving out the 2 lines",
    ] {
        assert!(screen.contains(want), "{want}:\n{screen}");
    }
    assert_eq!(h.workshop().session.mots.len(), 2, "nothing added yet");
    assert_eq!(saved(&h).mots.len(), 2);
    h.key(KeyCode::Enter);
    let s = &h.workshop().session;
    assert_eq!(s.mots.len(), 10);
    assert!(
        h.status()
            .contains("Added 8 MOTs (3 to 10) from sheet.gb18030.csv")
    );
    assert_eq!(
        s.mot(4).and_then(|m| m.origin.clone()),
        Some(MotOrigin::Import {
            file: "sheet.gb18030.csv".into(),
            line: 3
        })
    );
    assert_eq!(h.workshop().cursor, 2, "the first one added is selected");
    assert_eq!(saved(&h).mots.len(), 10, "on disk");
    // Write's detail says where it came from.
    h.key(KeyCode::Down);
    assert!(
        h.screen(100, 30)
            .contains("Imported from sheet.gb18030.csv, line 3")
    );
    h.press('u');
    assert_eq!(h.workshop().session.mots.len(), 2, "one undo, all of it");
    assert!(
        h.status().contains("the import of 8 MOTs"),
        "{}",
        h.status()
    );
    assert_eq!(saved(&h).mots.len(), 2);
    h.ctrl('r');
    assert_eq!(h.workshop().session.mots.len(), 10);
    // The same file again: the preview warns before anything is added twice.
    h.press('i');
    h.type_text(&fixture("sheet.gb18030.csv").to_string_lossy());
    h.key(KeyCode::Enter);
    let screen = h.screen(100, 30);
    assert!(
        screen.contains("8 MOTs of this session were imported from a file named sheet.gb18030.csv"),
        "{screen}"
    );
    h.key(KeyCode::Esc);
    assert_eq!(h.workshop().session.mots.len(), 10);
}

#[test]
fn esc_adds_nothing_and_a_refused_file_says_why() {
    let mut h = on_write();
    h.press('i')
        .type_text(&fixture("list.tabs.txt").to_string_lossy())
        .key(KeyCode::Enter);
    assert!(h.screen(80, 24).contains("found in list.tabs.txt"));
    h.key(KeyCode::Esc);
    assert_eq!(h.workshop().session.mots.len(), 2);
    assert!(h.status().contains("Nothing imported"));
    // A folder, a missing file, a link: each said, nothing asked.
    let dir = common::fast_tempdir();
    let link = dir.path().join("link.csv");
    #[cfg(unix)]
    std::os::unix::fs::symlink(fixture("sheet.utf8.csv"), &link).expect("link");
    for (path, words) in [
        (dir.path().to_path_buf(), "Cannot import"),
        (dir.path().join("missing.csv"), "Cannot import"),
        #[cfg(unix)]
        (link.clone(), "link"),
    ] {
        h.press('i')
            .type_text(&path.to_string_lossy())
            .key(KeyCode::Enter);
        assert!(
            h.status().contains(words),
            "{}: {}",
            path.display(),
            h.status()
        );
        // No preview: the path stays typed, to be put right.
        assert!(
            matches!(&h.workshop().import, Some(ImportFlow::Asking(f)) if f.text() == path.to_string_lossy()),
            "the path is kept"
        );
        assert_eq!(h.workshop().session.mots.len(), 2);
        h.key(KeyCode::Esc);
    }
    // A path in quotes, as a file manager drops it, reads as the path.
    let quoted = format!("'{}'", fixture("list.tabs.txt").display());
    h.press('i').type_text(&quoted).key(KeyCode::Enter);
    assert!(h.screen(100, 30).contains("found in list.tabs.txt"));
    h.key(KeyCode::Esc);
    // An empty path is asked again; Esc gives up.
    h.press('i').key(KeyCode::Enter);
    assert!(h.status().contains("Type the path"));
    h.key(KeyCode::Esc);
    assert!(h.workshop().import.is_none());
}

#[test]
fn lines_pasted_into_the_list_are_previewed_and_added_without_a_file() {
    let mut h = on_write();
    h.paste("a guest / waits at the door / ignored\nan old man\tasks twice\tunheard\nnot a mot\n");
    let screen = h.screen(80, 24);
    assert!(
        screen.contains("2 MOTs found in the pasted text"),
        "{screen}"
    );
    assert!(screen.contains("line 3:"), "{screen}");
    h.press('y');
    let s = &h.workshop().session;
    assert_eq!(s.mots.len(), 4);
    assert_eq!(s.mot(3).map(|m| m.who.as_str()), Some("a guest"));
    assert_eq!(s.mot(4).and_then(|m| m.origin.clone()), None);
    assert!(h.status().contains("Added 2 pasted MOTs (3 to 4)"));
    // Text that holds no MOT says why and adds nothing.
    h.paste("just some words");
    assert!(h.status().contains("no MOTs found"), "{}", h.status());
    assert_eq!(h.workshop().session.mots.len(), 4);
    // In the editor a paste is typing, not an import.
    h.press('n').paste("who\nelse");
    assert!(h.workshop().import.is_none());
    assert!(h.workshop().editor.is_some());
}

#[test]
fn a_long_preview_scrolls_and_keeps_its_question_in_sight_in_every_language() {
    let mut text = String::from("who,situation,feeling\n");
    for i in 0..400 {
        text.push_str(&format!("guest {i},waits,\n"));
    }
    text.push_str("a guest,waits,tired\n");
    for lang in [
        Language::English,
        Language::SimplifiedChinese,
        Language::TraditionalChinese,
    ] {
        let mut h = on_write_in(lang);
        h.paste(&text);
        for (w, hgt) in [(80, 24), (160, 45)] {
            let screen = h.screen(w, hgt);
            let question = match lang {
                Language::English => "leaving out the 400 lines",
                Language::SimplifiedChinese => "跳过无法读取的 400 行",
                Language::TraditionalChinese => "略過無法讀取的 400 行",
            };
            assert!(screen.contains(question), "{lang:?} {w}x{hgt}:\n{screen}");
        }
        h.key(KeyCode::End);
        let screen = h.screen(80, 24);
        let last = match lang {
            Language::English => "line 401:",
            _ => "第 401 行",
        };
        assert!(screen.contains(last), "{lang:?}:\n{screen}");
        h.key(KeyCode::Enter);
        assert_eq!(h.workshop().session.mots.len(), 3);
    }
}

#[test]
fn a_read_only_session_imports_nothing() {
    let h = on_write();
    let path = h.workshop().path().to_path_buf();
    let dir = path.parent().expect("folder").to_path_buf();
    let mut app = mot::app::App::picker(dir.clone(), mot::store::list(&dir).expect("lists"));
    common::open(&mut app, &path, mot::app::OpenHow::ReadOnly);
    let mut ro = Harness::new(app);
    assert!(ro.workshop().read_only());
    ro.press('i');
    assert!(ro.workshop().import.is_none());
    ro.paste("a / b / c\nd / e / f");
    assert!(ro.workshop().import.is_none());
    assert_eq!(ro.workshop().session.mots.len(), 2);
    assert!(!ro.status().is_empty(), "says why");
}

fn mot_bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

#[test]
fn the_command_line_previews_asks_and_adds_under_the_lock() {
    let dir = common::fast_tempdir();
    let path = dir.path().join("front.ron");
    let mut s = Session::new("Front");
    s.add_mot(MotText {
        who: "a".into(),
        situation: "b".into(),
        feeling: "c".into(),
    });
    mot::store::save(&path, &s).expect("save");
    let before = fs::read(&path).expect("read");
    // No terminal and no --yes: the preview, then a refusal; nothing written.
    let out = mot_bin()
        .arg("--dir")
        .arg(dir.path())
        .arg("import")
        .arg(fixture("sheet.big5.csv"))
        .arg("--into")
        .arg(&path)
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("8 MOTs found in sheet.big5.csv"), "{err}");
    assert!(err.contains("line 9: unknown dimension"), "{err}");
    assert!(err.contains("Big5"), "{err}");
    assert!(err.contains("give --yes"), "{err}");
    assert_eq!(fs::read(&path).expect("read"), before);
    // Held by a running mot (this test holds its lock): refused, naming it.
    let held = mot::store::session_file::open(
        &path,
        mot::store::OpenMode::Normal,
        std::time::Instant::now(),
    )
    .expect("opens");
    let out = mot_bin()
        .arg("import")
        .arg(fixture("sheet.big5.csv"))
        .arg("--into")
        .arg(&path)
        .arg("--yes")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains(&std::process::id().to_string()), "{err}");
    assert!(err.contains("i in Write"), "{err}");
    assert_eq!(fs::read(&path).expect("read"), before);
    drop(held);
    let out = mot_bin()
        .arg("import")
        .arg(fixture("sheet.big5.csv"))
        .arg("--into")
        .arg(&path)
        .arg("--yes")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("Added 8 MOTs (2 to 9)"), "{err}");
    let now = mot::store::load(&path).expect("reads");
    assert_eq!(now.mots.len(), 9);
    assert!(now.mots[1..].iter().all(|m| matches!(
        &m.origin,
        Some(MotOrigin::Import { file, .. }) if file == "sheet.big5.csv"
    )));
    assert!(
        !mot::store::lock::lock_path(&path).exists()
            || matches!(
                mot::store::lock::state(&path),
                mot::store::LockState::Free | mot::store::LockState::Stale(_)
            ),
        "the lock is let go"
    );
    // A file that is not there: said, exit non-zero.
    let out = mot_bin()
        .arg("import")
        .arg(dir.path().join("nope.csv"))
        .arg("--into")
        .arg(&path)
        .arg("--yes")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Cannot import"));
}
