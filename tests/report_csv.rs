//! The CSV report read back as a spreadsheet would: the byte-order mark,
//! the headers in the report's language, one row per MOT, per dimension or
//! per sheet, and nothing of a blind vote or an anonymous drill given away.

use std::path::{Path, PathBuf};
use std::process::Command;

use mot::model::{Language, Session};
use mot::report::csv::{BOM, Table, render};
use mot::report::{Date, build};

const DAY: Date = Date {
    year: 2026,
    month: 11,
    day: 28,
};

fn example_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

fn example(name: &str) -> Session {
    mot::store::load(&example_path(name)).expect("the example loads")
}

fn airline() -> Session {
    example("airline-business-class.ron")
}

fn haidilao() -> Session {
    example("海底捞-门店体验.ron")
}

fn csv_of(s: &Session, lang: Language, table: Table) -> String {
    render(&build(s, Some(DAY), lang), table).expect("a table in memory")
}

/// The header and the rows, read by the `csv` crate after checking the
/// byte-order mark; a row of another length than the header fails here.
fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    assert_eq!(
        &text.as_bytes()[..3],
        b"\xEF\xBB\xBF",
        "UTF-8 byte-order mark first"
    );
    let body = text.strip_prefix(BOM).expect("the mark");
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(body.as_bytes());
    let head = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a row as long as the header")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (head, rows)
}

fn column(head: &[String], name: &str) -> usize {
    head.iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {head:?}"))
}

#[test]
fn every_mot_is_a_row_with_every_field_and_its_scores() {
    let s = airline();
    let (head, rows) = read(&csv_of(&s, Language::English, Table::Mots));
    assert_eq!(rows.len(), s.mots.len());
    // Twenty-one fields, then one column of points per respondent group.
    assert_eq!(head.len(), 21 + s.groups.len(), "{head:?}");
    for (name, at) in [
        ("ID", 0),
        ("Who", 1),
        ("Sentence", 4),
        ("Came from", 14),
        ("Author", 15),
        ("Merged wordings", 16),
        ("Weighted score", 17),
    ] {
        assert_eq!(column(&head, name), at, "{head:?}");
    }
    for g in &s.groups {
        column(&head, &format!("{} ×{}", g.name, g.weight));
    }
    let first = &rows[0];
    let cell = |name: &str| first[column(&head, name)].as_str();
    assert_eq!(cell("ID"), "1");
    assert_eq!(cell("Who"), s.mots[0].who);
    assert_eq!(cell("Qualities"), "Tangibles; Empathy");
    assert_eq!(cell("Golden moment"), "▲ peak");
    assert_eq!(cell("Chosen"), "yes");
    assert_eq!(cell("We do it well (1-5)"), "5");
    assert_eq!(cell("Weighted score"), "37");
    assert_eq!(cell("Votes"), "17");
    assert_eq!(cell("Rank"), "1");
    assert_eq!(cell("loves us ×3"), "30");
    assert!(cell("What we do at this moment").contains("turn-down service"));
    // Group points add up to the weighted score, row by row.
    let weighted = column(&head, "Weighted score");
    for row in &rows {
        let groups: u64 = row[21..]
            .iter()
            .map(|c| c.parse::<u64>().expect("a number"))
            .sum();
        assert_eq!(groups.to_string(), row[weighted], "{row:?}");
    }
}

#[test]
fn chinese_stays_chinese_with_its_own_headers_and_separator() {
    let s = haidilao();
    let (head, rows) = read(&csv_of(&s, Language::SimplifiedChinese, Table::Mots));
    assert_eq!(&head[..4], ["编号", "是谁", "在什么情况下", "感觉到了什么"]);
    assert_eq!(rows.len(), s.mots.len());
    for (row, m) in rows.iter().zip(&s.mots) {
        assert_eq!(row[1], m.who);
        assert_eq!(row[2], m.situation);
    }
    let qualities = column(&head, "服务质量");
    assert!(
        rows.iter().any(|r| r[qualities].contains('、')),
        "qualities joined the Chinese way: {rows:?}"
    );
    let (head, _) = read(&csv_of(&s, Language::TraditionalChinese, Table::Mots));
    assert_eq!(head[0], "編號");
}

#[test]
fn hidden_votes_leave_the_score_columns_empty() {
    let mut s = airline();
    s.votes_revealed = false;
    let (head, rows) = read(&csv_of(&s, Language::English, Table::Mots));
    // The columns stay, so sheets before and after the reveal line up.
    assert_eq!(head.len(), 21 + s.groups.len());
    for row in &rows {
        for (i, cell) in row.iter().enumerate().skip(17) {
            assert_eq!(cell, "", "{} shows {cell} while hidden", head[i]);
        }
    }
    // What does not depend on the votes is still there.
    assert_eq!(rows[0][column(&head, "Chosen")], "yes");
    let (_, cells) = read(&csv_of(&s, Language::English, Table::Matrix));
    for row in &cells {
        for points in row.iter().skip(3).step_by(2) {
            assert_eq!(points, "", "points while hidden: {row:?}");
        }
    }
}

#[test]
fn the_matrix_is_four_dimensions_by_count_and_points_per_quality() {
    let s = airline();
    let (head, rows) = read(&csv_of(&s, Language::English, Table::Matrix));
    assert_eq!(rows.len(), 4);
    assert_eq!(head.len(), 2 + 2 * 5, "{head:?}");
    assert_eq!(head[2], "Reliability: MOTs");
    assert_eq!(head[3], "Reliability: weighted points");
    let focus: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(focus, ["no", "no", "yes", "no"], "Repurchase is the focus");
    let tangibles = column(&head, "Tangibles: MOTs");
    assert_eq!(rows[2][0], "Repurchase");
    assert_eq!(
        (&*rows[2][tangibles], &*rows[2][tangibles + 1]),
        ("2", "51")
    );
    // Each MOT is counted once per quality it is tagged with.
    let tags: usize = s
        .mots
        .iter()
        .filter(|m| m.dimension.is_some())
        .map(|m| m.qualities.len())
        .sum();
    let counted: usize = rows
        .iter()
        .flat_map(|r| r.iter().skip(2).step_by(2))
        .map(|c| c.parse::<usize>().expect("a count"))
        .sum();
    assert_eq!(counted, tags);
}

#[test]
fn the_drill_is_one_row_per_written_sheet_and_anonymous_names_nobody() {
    let mut s = airline();
    let written = s.drill.sheets.iter().filter(|x| x.is_written()).count();
    assert!(written > 0, "the example has sheets");
    let (head, rows) = read(&csv_of(&s, Language::English, Table::Drills));
    assert_eq!(rows.len(), written);
    let staff = column(&head, "Staff");
    assert_eq!(rows[0][staff], "Grace Lin");
    assert_eq!(rows[0][column(&head, "Customer")], "Tom Becker");
    assert_eq!(rows[0][column(&head, "Analyse the need")], "2");
    assert!(rows[0][column(&head, "Comments")].contains("jumped to a seat change"));

    s.drill.anonymous = true;
    let text = csv_of(&s, Language::English, Table::Drills);
    for p in &s.participants {
        assert!(!text.contains(&p.name), "{} named in {text}", p.name);
    }
    let (head, rows) = read(&text);
    assert_eq!(rows.len(), written);
    assert!(
        !head.iter().any(|h| h == "Staff" || h == "Customer"),
        "{head:?}"
    );
    assert!(text.contains("offered only a voucher"), "{text}");

    // No drill: the header alone.
    let (_, rows) = read(&csv_of(&haidilao(), Language::English, Table::Drills));
    assert!(rows.is_empty());
}

#[test]
fn a_cell_from_the_session_never_runs_as_a_formula() {
    let mut s = airline();
    std::sync::Arc::make_mut(&mut s.mots[0]).who = "=HYPERLINK(\"http://x\")".into();
    let (_, rows) = read(&csv_of(&s, Language::English, Table::Mots));
    assert!(rows[0][1].starts_with("'="), "{:?}", rows[0]);
}

fn mot() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

#[test]
fn mot_report_writes_csv_and_html_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = example_path("airline-business-class.ron");
    for (format, table, name) in [
        ("csv", Some("matrix"), "m.csv"),
        ("csv", None, "mots.csv"),
        ("html", None, "r.html"),
    ] {
        let file = dir.path().join(name);
        let mut cmd = mot();
        cmd.args(["report", "--format", format]).arg(&path);
        if let Some(t) = table {
            cmd.args(["--table", t]);
        }
        let out = cmd.arg("-o").arg(&file).output().expect("runs");
        assert!(out.status.success(), "{out:?}");
        let text = std::fs::read_to_string(&file).expect("written");
        match name {
            "m.csv" => assert_eq!(read(&text).1.len(), 4),
            "mots.csv" => assert_eq!(read(&text).1.len(), 14),
            _ => assert!(text.starts_with("<!DOCTYPE html>"), "{text}"),
        }
    }
}

#[test]
fn table_is_refused_with_another_format_and_an_unknown_one() {
    let path = example_path("airline-business-class.ron");
    for args in [
        &["--table", "matrix"][..],
        &["--format", "html", "--table", "mots"][..],
    ] {
        let out = mot()
            .arg("report")
            .args(args)
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty(), "nothing written: {out:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("add --format csv"), "{err}");
    }
    let out = mot()
        .args(["report", "--format", "csv", "--table", "people"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("use mots, matrix or drills"));
    let out = mot()
        .args(["report", "--format", "pdf", "--lang", "zh-Hans"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("请使用 md、csv 或 html"));
}

#[test]
fn a_merged_or_imported_mot_says_where_it_came_from_and_what_was_merged() {
    use mot::model::{MotNote, MotOrigin};
    let mut s = airline();
    let m = std::sync::Arc::make_mut(&mut s.mots[1]);
    m.origin = Some(MotOrigin::Breakout {
        session: "North table".into(),
        from: None,
    });
    m.notes.push(MotNote {
        who: "A frequent flyer".into(),
        situation: "the crew remembered her drink".into(),
        feeling: "known".into(),
        origin: None,
    });
    let (head, rows) = read(&csv_of(&s, Language::English, Table::Mots));
    let row = &rows[1];
    assert_eq!(
        row[column(&head, "Came from")],
        "From breakout “North table”"
    );
    assert!(row[column(&head, "Merged wordings")].contains("remembered her drink"));
    assert_eq!(rows[0][column(&head, "Came from")], "", "typed in: nothing");
    let md = mot::report::markdown(&s, None, Language::English);
    assert!(md.contains("From breakout “North table”"), "{md}");
    assert!(md.contains("also written as: A frequent flyer"), "{md}");
}
