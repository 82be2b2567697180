//! The Markdown report: snapshots a person reviewed, what leads, what a
//! blind vote hides, and `mot report` as a user runs it.

use std::path::Path;
use std::process::Command;

use mot::model::{Language, Session};
use mot::report::{Date, markdown};

const DAY: Date = Date {
    year: 2026,
    month: 11,
    day: 28,
};

fn example(name: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name);
    mot::store::load(&path).expect("the example loads")
}

fn airline() -> Session {
    example("airline-business-class.ron")
}

/// The part of a report from one heading to the next of its level.
fn section<'a>(md: &'a str, heading: &str) -> &'a str {
    let start = md.find(heading).expect("the section is there");
    let rest = &md[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    &rest[..end]
}

#[test]
fn the_examples_read_well_in_every_language() {
    for (file, name) in [
        ("airline-business-class.ron", "airline"),
        ("海底捞-门店体验.ron", "haidilao"),
    ] {
        let session = example(file);
        for lang in Language::ALL {
            insta::assert_snapshot!(
                format!("{name}_{}", lang.code()),
                markdown(&session, Some(DAY), lang)
            );
        }
    }
}

#[test]
fn the_decision_comes_before_the_ranking() {
    let md = markdown(&airline(), Some(DAY), Language::English);
    let chosen = md.find("## The decision").expect("chosen MOTs");
    let motx = md.find("turn-down service").expect("the MOTX");
    let customer = md
        .find("asks for the same crew")
        .expect("the customer's next step");
    let ranking = md.find("## Ranking").expect("the ranking");
    assert!(
        chosen < motx && motx < ranking && customer < ranking,
        "{md}"
    );
    // Its score beside its raw count, in the decision itself.
    assert!(
        section(&md, "## The decision").contains("**Weighted score**: 37 · **Votes**: 17"),
        "{md}"
    );
}

#[test]
fn hidden_votes_show_no_score() {
    let revealed = markdown(&airline(), Some(DAY), Language::English);
    // The figures the hidden report must not give away are there when shown.
    for shown in [
        "37",
        "| 30 |",
        "2 · 51",
        "Rank without weights",
        "Weighted score",
    ] {
        assert!(revealed.contains(shown), "{shown} in {revealed}");
    }
    let mut blind = airline();
    blind.votes_revealed = false;
    for lang in Language::ALL {
        let md = markdown(&blind, Some(DAY), lang);
        for score in ["37", "| 30 |", "· 51", "| 20 |", "×3 |"] {
            assert!(!md.contains(score), "{score} shows while hidden: {md}");
        }
        assert!(
            !md.contains("| --- | --- | ---: |"),
            "a ranking table: {md}"
        );
    }
    let md = markdown(&blind, Some(DAY), Language::English);
    assert!(md.contains("Votes are still hidden"), "{md}");
    assert!(!md.contains("Weighted score"), "{md}");
    assert!(!md.contains("Centre candidates"), "{md}");
    assert!(!md.contains("in all three circles"), "{md}");
    // What does not depend on votes is still there.
    assert!(md.contains("turn-down service"), "{md}");
    assert!(
        md.contains("| **Repurchase** (focus) | 2 | 1 | 2 | 2 | 1 |"),
        "{md}"
    );
}

#[test]
fn a_new_session_says_what_does_not_exist_yet() {
    let md = markdown(&Session::new("Hotel"), None, Language::English);
    for said in [
        "# Hotel",
        "date unknown",
        "No MOT is chosen yet.",
        "Votes are still hidden",
        "No MOT is marked peak, low or end yet.",
        "No drill in this session.",
        "No participants yet.",
        "No MOT is written yet.",
        "**Brand**: _not set_",
    ] {
        assert!(md.contains(said), "{said} missing from {md}");
    }
    let mut revealed = Session::new("Hotel");
    revealed.votes_revealed = true;
    let md = markdown(&revealed, None, Language::SimplifiedChinese);
    assert!(md.contains("还没有投票。"), "{md}");
    assert!(md.contains("本场没有演练。"), "{md}");
}

#[test]
fn an_anonymous_drill_names_nobody() {
    let mut s = airline();
    let named = markdown(&s, Some(DAY), Language::English);
    assert!(section(&named, "## Drill").contains("Grace Lin"), "{named}");
    s.drill.anonymous = true;
    let md = markdown(&s, Some(DAY), Language::English);
    let drill = section(&md, "## Drill");
    for p in &s.participants {
        assert!(!drill.contains(&p.name), "{} named in {drill}", p.name);
    }
    assert!(drill.contains("Trio 1"), "{drill}");
    assert!(drill.contains("offered only a voucher"), "{drill}");
}

#[test]
fn user_text_does_not_break_the_tables() {
    let mut s = airline();
    let first = std::sync::Arc::make_mut(&mut s.mots[0]);
    first.who = "A | pipe *and* [link](x)".into();
    let md = markdown(&s, Some(DAY), Language::English);
    assert!(md.contains("A \\| pipe \\*and\\* \\[link\\](x)"), "{md}");
    let row = md
        .lines()
        .find(|l| l.starts_with("| 1 |"))
        .expect("the first row");
    // Ten cells: the escaped pipe is not a column.
    assert_eq!(row.matches(" | ").count(), 9, "{row}");
}

fn mot() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR");
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

fn example_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/airline-business-class.ron")
}

#[test]
fn mot_report_prints_the_report_and_writes_a_file() {
    let out = mot()
        .arg("report")
        .arg(example_path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("# Long-haul business class\n"), "{text}");
    assert!(text.contains("## The decision"), "{text}");

    let out = mot()
        .args(["report", "--lang", "zh-Hans"])
        .arg(example_path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("## 决定：选出的 MOT"));

    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.md");
    let out = mot()
        .arg("report")
        .arg(example_path())
        .arg("-o")
        .arg(&file)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    assert!(out.stdout.is_empty(), "{out:?}");
    let written = std::fs::read_to_string(&file).expect("written");
    assert!(written.contains("turn-down service"), "{written}");
    let leftovers = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(leftovers, 1, "no temporary left behind");
}

#[cfg(unix)]
#[test]
fn mot_report_never_writes_through_a_link_or_onto_a_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("target.md");
    std::fs::write(&target, "keep me").expect("write");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let run = |to: &Path| {
        mot()
            .arg("report")
            .arg(example_path())
            .arg("-o")
            .arg(to)
            .output()
            .expect("runs")
    };
    let out = run(&link);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a link"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).expect("kept"), "keep me");

    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("mkdir");
    let out = run(&folder);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is a folder, not a file"), "{err}");

    // The session itself is not read through a link either.
    let session_link = dir.path().join("session.ron");
    std::os::unix::fs::symlink(example_path(), &session_link).expect("symlink");
    let out = mot()
        .arg("report")
        .arg(&session_link)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a link"));

    let out = mot()
        .arg("report")
        .arg(dir.path().join("missing.ron"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.ron"));
}

#[test]
fn mot_report_reads_a_session_another_mot_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("held.ron");
    std::fs::copy(example_path(), &path).expect("copy");
    let opened = mot::store::session_file::open(
        &path,
        mot::store::OpenMode::Normal,
        std::time::Instant::now(),
    )
    .expect("opened and locked");
    let out = mot().arg("report").arg(&path).output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    drop(opened);
}
