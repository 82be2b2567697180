//! The command line without the interface: list and check.

mod common;

#[cfg(unix)]
use common::folder::fifo;
use std::process::Command;

fn mot() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR");
    // These tests read the English messages, whatever the machine's locale.
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

#[test]
fn check_accepts_a_good_file_and_points_at_a_bad_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = dir.path().join("good.ron");
    mot::store::save(&good, &mot::model::Session::new("酒店")).expect("save");
    let out = mot().arg("check").arg(&good).output().expect("runs");
    assert!(out.status.success(), "{out:?}");

    let bad = dir.path().join("bad.ron");
    let text = std::fs::read_to_string(&good)
        .expect("read")
        .replace("focus: None", "focus: Maybe");
    std::fs::write(&bad, text).expect("write");
    let out = mot().arg("check").arg(&bad).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let line = std::fs::read_to_string(&good)
        .expect("read")
        .lines()
        .position(|l| l.contains("focus: None"))
        .expect("focus")
        + 1;
    let expected = format!("{}:{line}:", bad.display());
    assert!(err.starts_with(&expected), "{err}");

    let out = mot()
        .arg("check")
        .arg(dir.path().join("missing.ron"))
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.ron"));
}

#[test]
fn list_prints_sessions_without_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = mot::model::Session::new("海底捞 门店体验");
    s.add_mot(mot::model::MotText::default());
    mot::store::save(&dir.path().join("a.ron"), &s).expect("save");
    std::fs::write(dir.path().join("b.ron"), "not ron").expect("write");
    let out = mot()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("海底捞 门店体验\tjust now\t1 MOT\t"),
        "{text}"
    );
    assert!(text.contains("(unreadable)"), "{text}");

    let env_out = mot()
        .env("MOT_SESSIONS_DIR", dir.path())
        .arg("list")
        .output()
        .expect("runs");
    assert_eq!(
        env_out.stdout, out.stdout,
        "the environment variable names the same folder"
    );
}

#[test]
fn new_refuses_an_empty_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = mot()
        .arg("--dir")
        .arg(dir.path())
        .args(["new", "  "])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a title"));
}

#[test]
fn the_example_sessions_load_and_check() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
    let entries = mot::store::list(&dir).expect("the examples folder");
    assert!(entries.len() >= 3, "three example sessions ship");
    let mut chinese = false;
    for e in &entries {
        let summary = e
            .summary
            .as_ref()
            .unwrap_or_else(|err| panic!("{}: {err}", e.path.display()));
        assert!(
            summary.mots >= 10,
            "{} is a realistic session",
            e.path.display()
        );
        chinese |= summary
            .title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let out = mot().arg("check").arg(&e.path).output().expect("runs");
        assert!(out.status.success(), "{out:?}");
    }
    assert!(chinese, "one example is in Chinese");
}

#[test]
fn the_readme_lists_every_key() {
    let readme = include_str!("../README.md");
    let start =
        readme.find("<!-- keys:start -->\n").expect("start marker") + "<!-- keys:start -->\n".len();
    let end = readme.find("<!-- keys:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        mot::app::keymap::markdown(),
        "README.md's key list is out of date: paste the text above between the markers"
    );
}

/// A lock as a running `mot` on this machine leaves it (process 1 always runs).
fn foreign_lock(path: &std::path::Path) {
    let host = mot::store::LockInfo::this_process().host;
    let lock = mot::store::lock::lock_path(path);
    // Taken now: process 1 started before, so it may be the holder.
    let since = mot::store::LockInfo::this_process().since;
    std::fs::write(lock, format!("(pid:1,host:{host:?},since:{since})")).expect("lock");
}

#[test]
fn check_reports_what_the_app_would_and_takes_no_lock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    mot::store::save(&path, &mot::model::Session::new("酒店")).expect("save");

    // Held by another mot: a problem, and the lock is left as it was.
    foreign_lock(&path);
    let lock = std::fs::read(mot::store::lock::lock_path(&path)).expect("lock");
    let out = mot().arg("check").arg(&path).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("in use by mot (process 1 on"), "{err}");
    assert_eq!(
        std::fs::read(mot::store::lock::lock_path(&path)).expect("lock"),
        lock
    );
    let out = mot()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("in use by mot (process 1"), "{text}");
    std::fs::remove_file(mot::store::lock::lock_path(&path)).expect("unlock");

    // A recovery file waiting: a problem too, named.
    let recovery = mot::store::session_file::recovery_path(&path);
    std::fs::write(&recovery, "(version: 2)").expect("write");
    let out = mot().arg("check").arg(&path).output().expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("s.ron.recovery"));
    std::fs::remove_file(&recovery).expect("rm");

    // A newer version: refused by name.
    let text = std::fs::read_to_string(&path).expect("read");
    let current = format!("version: {},", mot::model::FORMAT_VERSION);
    let newer = text.replacen(&current, "version: 9,", 1);
    std::fs::write(&path, newer).expect("write");
    let out = mot().arg("check").arg(&path).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("format version 9") && err.contains("newer mot"),
        "{err}"
    );

    // An older version: fine, and says what will happen.
    let v1 = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-v1.ron");
    let out = mot().arg("check").arg(&v1).output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("format version 1") && said.contains("format-v1.v1.bak"),
        "{said}"
    );
}

#[test]
fn open_of_an_unreadable_file_without_backup_fails_with_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "(\n    version: 2,\n    title: 12,\n)\n").expect("write");
    let out = mot().arg("open").arg(&path).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ron:3:"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "(\n    version: 2,\n    title: 12,\n)\n"
    );
    assert!(
        !mot::store::lock::lock_path(&path).exists(),
        "no lock left behind"
    );
}

#[test]
fn check_and_list_speak_the_language_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let mut s = mot::model::Session::new("酒店");
    s.add_mot(mot::model::MotText::default());
    mot::store::save(&path, &s).expect("save");

    let out = mot()
        .args(["--lang", "zh-Hans", "check"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.trim_end(),
        format!("{}: 正常（1 个 MOT，0 位参与者）", path.display())
    );

    // The locale chooses when --lang does not; the columns stay tab-separated.
    let out = mot()
        .env("LANG", "zh_TW.UTF-8")
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("酒店\t"), "{text}");
    assert!(text.contains("\t1 個 MOT\t"), "{text}");

    // A file in use, in Traditional Chinese, still starts with its path.
    foreign_lock(&path);
    let out = mot()
        .arg("--lang=zh-Hant")
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("{}: ", path.display())), "{err}");
    assert!(err.contains("唯讀"), "{err}");
}

#[test]
fn check_says_what_a_hand_edit_broke_in_the_language_asked_for() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("desk.ron");
    std::fs::write(
        &path,
        "(\n    version: 5,\n    title: \"前台\",\n    mots: [(who: \"深夜到店的客人\", mood: 3)],\n)\n",
    )
    .expect("write");
    for (lang, words) in [
        (
            "C",
            "an MOT has no field `mood`; its fields are `id`, `who`",
        ),
        (
            "zh_CN.UTF-8",
            "MOT 条目没有 `mood` 这个字段；可用的字段有 `id`, `who`",
        ),
        (
            "zh_TW.UTF-8",
            "MOT 條目沒有 `mood` 這個欄位；可用的欄位有 `id`, `who`",
        ),
    ] {
        let out = mot()
            .env("LANG", lang)
            .arg("check")
            .arg(&path)
            .output()
            .expect("runs");
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        let at = format!("{}:4:29: ", path.display());
        assert!(err.starts_with(&at), "{lang}: {err}");
        assert!(err.contains(words), "{lang}: {err}");
    }
}

#[test]
fn help_speaks_the_language_asked_for() {
    let help = |args: &[&str]| {
        let out = mot().args(args).output().expect("runs");
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let hant = help(&["--lang", "zh-Hant", "--help"]);
    for words in [
        "用法:",
        "命令:",
        "選項:",
        "開啟工作坊檔案",
        "顯示說明",
        "介面語言",
    ] {
        assert!(hant.contains(words), "{words} missing from:\n{hant}");
    }
    assert!(!hant.contains("Print help"), "{hant}");
    let hans = help(&["check", "--help", "--lang=zh-Hans"]);
    for words in [
        "检查工作坊文件",
        "参数:",
        ".ron 工作坊文件的路径",
        "显示帮助",
    ] {
        assert!(hans.contains(words), "{words} missing from:\n{hans}");
    }
    // English stays clap's own layout and words.
    let en = help(&["--help"]);
    assert!(en.starts_with("Run a Moments-of-Truth workshop from the terminal\n\nUsage: mot"));
    assert!(en.contains("\nOptions:\n"), "{en}");
    assert!(en.contains("  -h, --help           Print help\n"), "{en}");

    // A value clap refuses is explained in the language asked for.
    let out = mot()
        .args(["--lang", "zh-Hans", "--theme", "purple", "list"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("请使用 dark、light 或 high-contrast"), "{err}");
}

#[test]
fn a_command_line_it_cannot_read_is_explained_in_the_language_asked_for() {
    let out = mot()
        .args(["--lang", "zh-Hant", "bogus"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("沒有「bogus」這個命令"), "{err}");
    assert!(err.contains("mot --help"), "{err}");
    let out = mot()
        .env("LANG", "zh_CN.UTF-8")
        .args(["--frob"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("没有 --frob 这个选项"), "{err}");
    // English keeps clap's own words.
    let out = mot().args(["--frob"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("unexpected argument"));
}

/// Runs a command, failing the test if it has not ended within ten seconds
/// (a FIFO read by mistake would hang it forever).
#[cfg(unix)]
fn output_within_seconds(cmd: &mut Command) -> std::process::Output {
    use std::time::{Duration, Instant};
    let mut child = cmd
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("did not finish within ten seconds");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_at_once_by_check_and_list() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pipe = dir.path().join("pipe.ron");
    fifo(&pipe);
    let good = dir.path().join("good.ron");
    mot::store::save(&good, &mot::model::Session::new("Hotel")).expect("save");
    fifo(&mot::store::lock::lock_path(&good));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.ron")).expect("link");

    let out = output_within_seconds(mot().arg("check").arg(&pipe));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pipe.ron is a named pipe (FIFO)"), "{err}");

    let out = output_within_seconds(mot().arg("check").arg(&good));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("good.ron.lock is a named pipe"), "{err}");

    let out = output_within_seconds(mot().arg("check").arg(dir.path().join("zero.ron")));
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("a device"));

    let out = output_within_seconds(mot().arg("--dir").arg(dir.path()).arg("list"));
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 3, "{text}");
    assert!(text.contains("a named pipe"), "{text}");
    assert!(text.contains("a device"), "{text}");
}

#[test]
fn titles_and_names_never_reach_the_terminal_as_control_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A title that would set the window title, ring the bell, move to a new
    // line, and reverse the text after it.
    let hostile = "Hotel\x1b]0;pwned\x07\r\nsecond line\u{202e}desrever\u{9b}2J";
    let mut s = mot::model::Session::new(hostile);
    s.add_mot(mot::model::MotText::default());
    mot::store::save(&dir.path().join("a.ron"), &s).expect("save");
    // A lock naming a machine whose name would set the window title.
    std::fs::write(
        mot::store::lock::lock_path(&dir.path().join("a.ron")),
        "(pid:1,host:\"far\\u{1b}]0;pwned\\u{7}\",since:0)",
    )
    .expect("lock");
    // A file name with an escape in it, unreadable, so its error is quoted too.
    std::fs::write(dir.path().join("b\x1b[31m.ron"), "(version: 4, \x1b[2J").expect("write");
    let out = mot()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    for bad in ['\x1b', '\x07', '\r', '\u{202e}', '\u{9b}'] {
        assert!(!text.contains(bad), "{bad:?} printed: {text:?}");
    }
    assert_eq!(text.lines().count(), 2, "one session a line: {text:?}");
    assert!(text.contains("Hotel\\e]0;pwned"), "{text}");
    assert!(text.contains("on far\\e]0;pwned"), "{text}");

    let out = mot()
        .arg("check")
        .arg(dir.path().join("b\x1b[31m.ron"))
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains('\x1b'), "{err:?}");
    assert!(err.contains("b\\e[31m.ron"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().expect("tempdir");
    // Long titles, so the output passes what the pipe holds and the
    // writes after the reader left must fail.
    for i in 0..40 {
        let s = mot::model::Session::new(format!("Workshop {i} {}", "x".repeat(3000)));
        mot::store::save(&dir.path().join(format!("s{i}.ron")), &s).expect("save");
    }
    // `mot list | head -1`: the reader takes one line and goes away.
    let mut child = mot()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    let stdout = child.stdout.take().expect("stdout");
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a line");
    assert!(first.contains("Workshop"), "{first}");
    // The reader is dropped here, closing the pipe.
    let out = child.wait_with_output().expect("ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.status.success(), "{:?} {err}", out.status);
}

#[test]
fn check_offers_the_recovery_file_of_a_session_that_is_gone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let recovery = mot::store::session_file::recovery_path(&path);
    let s = mot::model::Session::new("Hotel");
    std::fs::write(&recovery, mot::store::to_ron(&s).expect("ron")).expect("write");
    let out = mot().arg("check").arg(&path).output().expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not there") && err.contains("s.ron.recovery"),
        "{err}"
    );
    let out = mot()
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("s.ron") && text.contains("recovery file"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn list_and_check_say_what_opens_read_only_and_what_is_planted_beside_a_session() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    mot::store::save(&path, &mot::model::Session::new("Hotel")).expect("save");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    fifo(&mot::store::session_file::recovery_path(&path));
    let out = output_within_seconds(mot().arg("--dir").arg(dir.path()).arg("list"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("opens read-only: its permissions"), "{text}");
    let out = output_within_seconds(mot().arg("check").arg(&path));
    assert!(!out.status.success());
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("mot opens it read-only"), "{said}");
    assert!(said.contains("s.ron.recovery is a named pipe"), "{said}");
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("ok ("),
        "no \"ok\" beside a problem: {said}"
    );
    // A sessions folder that is a file is said as such.
    let out = mot()
        .arg("--dir")
        .arg(&path)
        .arg("list")
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("is not a folder"),
        "{out:?}"
    );
}

/// Without a terminal the app cannot start; the session it opened first is
/// left as it was: no lock, no half-written file beside it.
#[cfg(target_os = "linux")]
#[test]
fn no_terminal_leaves_no_lock_and_no_half_written_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("s.ron");
    mot::store::save(&file, &mot::model::Session::new("酒店")).expect("save");
    let before = std::fs::read(&file).expect("read");
    // `setsid` leaves the app with no controlling terminal to draw on.
    let Ok(out) = Command::new("setsid")
        .arg(env!("CARGO_BIN_EXE_mot"))
        .arg("--dir")
        .arg(dir.path())
        .arg("open")
        .arg(&file)
        .env_remove("MOT_SESSIONS_DIR")
        .env("LANG", "C")
        .stdin(std::process::Stdio::null())
        .output()
    else {
        eprintln!("no setsid here: skipped");
        return;
    };
    assert!(!out.status.success(), "{out:?}");
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock") || n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}\n{out:?}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

/// `new` without a terminal says so and makes no file.
#[test]
fn new_without_a_terminal_says_so_and_makes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = mot()
        .arg("--dir")
        .arg(dir.path())
        .args(["new", "Spring"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("works in a terminal"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert!(left.is_empty(), "{left:?}");
}

/// A bare file name after `--dir` is the one in that folder, not a file of
/// the same name where the command happens to run.
#[test]
fn a_bare_name_opens_from_the_folder_dir_names() {
    let here = tempfile::tempdir().expect("tempdir");
    let sessions = tempfile::tempdir().expect("tempdir");
    mot::store::save(
        &here.path().join("hotel.ron"),
        &mot::model::Session::new("here"),
    )
    .expect("save");
    // The one in --dir is broken: the error names it, so it is the one read.
    std::fs::write(
        sessions.path().join("hotel.ron"),
        "(\n  version: 4,\n  title: 1,\n)\n",
    )
    .expect("write");
    let out = mot()
        .current_dir(here.path())
        .arg("--dir")
        .arg(sessions.path())
        .args(["open", "hotel.ron"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let expected = sessions.path().join("hotel.ron");
    assert!(
        err.contains(&*expected.to_string_lossy()),
        "the --dir copy: {err}"
    );
    // The same for the template of `new --from`.
    let out = mot()
        .current_dir(here.path())
        .arg("--dir")
        .arg(sessions.path())
        .args(["new", "Autumn", "--from", "hotel.ron"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("hotel.ron:3:"), "the --dir copy: {err}");
}

/// `check` counts in words that agree with the number: 1 MOT, 2 MOTs.
#[test]
fn check_says_one_mot_and_one_participant_in_the_singular() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.ron");
    let mut s = mot::model::Session::new("hotel");
    s.add_mot(mot::model::MotText::default());
    s.add_participant("Ann", 1).expect("group 1");
    mot::store::save(&path, &s).expect("save");
    let out = mot().arg("check").arg(&path).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ok (1 MOT, 1 participant)"), "{text}");
    s.add_mot(mot::model::MotText::default());
    s.add_participant("Bo", 1).expect("group 1");
    mot::store::save(&path, &s).expect("save");
    let out = mot().arg("check").arg(&path).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ok (2 MOTs, 2 participants)"), "{text}");
}
