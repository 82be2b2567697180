//! The command line without the interface: list and check.

use std::process::Command;

fn mot() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR");
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
    let expected = format!("{}:8:", bad.display());
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
    assert!(text.contains("海底捞 门店体验\tjust now\t1 MOTs"), "{text}");
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
