//! Merging the sessions of breakout groups: `mot merge` and the picker's
//! Space and m. Every MOT, dot and hand of every breakout is accounted for,
//! each MOT says which breakout it came from, and the breakouts' files are
//! never changed.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::Harness;
use mot::app::{App, MergeView, Screen};
use mot::i18n::{self, Language};
use mot::model::merge::{
    self, Breakout, Conflict, GroupMap, Matched, Merged, Options, Over, PersonRef,
};
use mot::model::{MotOrigin, Session};
use mot::store::breakouts::{self, InputError};
use ratatui::crossterm::event::KeyCode;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/merge")
        .join(name)
}

fn read(path: &Path) -> Session {
    breakouts::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn inputs(sessions: &[Session]) -> Vec<Breakout<'_>> {
    mot::shell::merge::breakouts_of(sessions)
}

const EXAMPLES: [&str; 3] = [
    "airline-business-class.ron",
    "hotel-front-desk.ron",
    "海底捞-门店体验.ron",
];

/// What a breakout held, counted: MOTs, dots, hands per group name.
fn hands_by_group(s: &Session) -> BTreeMap<String, u64> {
    let mut out = BTreeMap::new();
    for m in &s.mots {
        for h in &m.hands {
            let name = s.group(h.group).map(|g| g.name.clone()).unwrap_or_default();
            *out.entry(name).or_default() += u64::from(h.count);
        }
    }
    out
}

fn dots(s: &Session) -> u64 {
    s.dots.iter().map(|d| u64::from(d.count)).sum()
}

fn hands(s: &Session) -> u64 {
    s.mots
        .iter()
        .flat_map(|m| &m.hands)
        .map(|h| u64::from(h.count))
        .sum()
}

/// Checks that every MOT of every input is in the result, in order, with
/// all it held (its hands in the result's groups), its origin wrapped in
/// its breakout's; and that every dot and hand of each input is there,
/// but for the surplus the summary lists.
fn assert_all_carried(sessions: &[Session], merged: &Merged) {
    let s = &merged.session;
    assert!(s.validate().is_ok(), "{:?}", s.validate());
    let total: usize = sessions.iter().map(|b| b.mots.len()).sum();
    assert_eq!(s.mots.len(), total);
    let mut at = 0;
    for (i, b) in sessions.iter().enumerate() {
        let summary = &merged.summary.inputs[i];
        assert_eq!(summary.mots, b.mots.len());
        assert_eq!(summary.first_mot as usize, at + 1);
        let mut carried_hands = 0u64;
        for m in &b.mots {
            let new = &s.mots[at];
            assert_eq!(new.id as usize, at + 1, "renumbered 1..n in input order");
            assert_eq!(
                (&new.who, &new.situation, &new.feeling),
                (&m.who, &m.situation, &m.feeling)
            );
            assert_eq!(new.dimension, m.dimension);
            assert_eq!(new.qualities, m.qualities);
            assert_eq!(new.golden, m.golden);
            assert_eq!(new.chosen, m.chosen);
            assert_eq!(new.motx, m.motx);
            assert_eq!(new.we_do_well, m.we_do_well);
            assert_eq!(new.competitors_poor, m.competitors_poor);
            assert_eq!(new.carries_message, m.carries_message);
            assert_eq!(new.notes, m.notes);
            assert_eq!(
                new.origin,
                Some(MotOrigin::Breakout {
                    session: b.title.clone(),
                    from: m.origin.clone().map(Box::new),
                }),
                "MOT {} of {}",
                m.id,
                b.title
            );
            // The same hands, group by group (groups matched here keep their order).
            let before: u64 = m.hands.iter().map(|h| u64::from(h.count)).sum();
            let after: u64 = new.hands.iter().map(|h| u64::from(h.count)).sum();
            assert_eq!(before, after, "hands of MOT {} of {}", m.id, b.title);
            carried_hands += after;
            // Its dots, with it.
            let dots_before: u64 = b
                .dots
                .iter()
                .filter(|d| d.mot == m.id)
                .map(|d| u64::from(d.count))
                .sum();
            let dots_after: u64 = s
                .dots
                .iter()
                .filter(|d| d.mot == new.id)
                .map(|d| u64::from(d.count))
                .sum();
            let surplus: u64 = merged
                .summary
                .people
                .iter()
                .flat_map(|p| &p.surplus)
                .filter(|x| x.mot == new.id)
                .map(|x| u64::from(x.count))
                .sum();
            assert_eq!(dots_before, dots_after + surplus, "dots of MOT {}", m.id);
            at += 1;
        }
        assert_eq!(carried_hands, hands(b));
        assert_eq!(summary.hands, hands(b));
        assert_eq!(summary.dots_before, dots(b));
    }
    let kept: u64 = merged.summary.inputs.iter().map(|i| i.dots).sum();
    assert_eq!(kept, dots(s));
    let before: u64 = sessions.iter().map(dots).sum();
    assert_eq!(before, kept + merged.summary.surplus());
}

#[test]
fn the_three_examples_merge_whole_with_the_chinese_groups_matched() {
    i18n::set(Language::English);
    let sessions: Vec<Session> = EXAMPLES.iter().map(|n| read(&example(n))).collect();
    // The examples count their groups alike, so nothing stops the merge;
    // the Chinese example names its groups in its own words.
    let weights = |s: &Session| s.groups.iter().map(|g| g.weight).collect::<Vec<_>>();
    assert_eq!(weights(&sessions[0]), weights(&sessions[2]));
    assert_eq!(sessions[2].groups[0].name, "爱我们的人");
    let merged = merge::merge(&inputs(&sessions), "All breakouts", &Options::default())
        .expect("the examples merge");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    assert_eq!(s.groups, sessions[0].groups, "the first session's groups");
    // Hands per group: the Chinese ones land in the English groups.
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for b in &sessions {
        for (name, n) in hands_by_group(b) {
            let kind = merge::default_group_of(&name).expect("a default group");
            let target = s.groups[kind].name.clone();
            *expected.entry(target).or_default() += n;
        }
    }
    assert_eq!(hands_by_group(s), expected);
    let chinese: Vec<Matched> = merged
        .summary
        .groups
        .iter()
        .filter(|l| l.input == "海底捞 门店体验")
        .map(|l| l.how)
        .collect();
    assert_eq!(chinese, [Matched::Default; 4]);
    // The airline's drill stays in its own session, and the summary says so.
    assert!(s.drill.is_empty());
    assert!(merged.summary.inputs[0].drill_left);
    let lines = merged.summary.lines().join("\n");
    assert!(
        lines.contains("The drill of “Long-haul business class” was not carried over"),
        "{lines}"
    );
    assert_eq!(s.brand, sessions[0].brand, "the first session's setup");
    assert_eq!(s.participants.len(), 22);

    // Had the Chinese breakout counted "loves us" differently, the merge
    // would stop until told whose weights to take.
    let mut heavier = sessions.clone();
    heavier[2].groups[0].weight = 4;
    let stopped =
        merge::merge(&inputs(&heavier), "All", &Options::default()).expect_err("weights differ");
    assert_eq!(
        stopped.list,
        [Conflict::Weights {
            group: "loves us".into(),
            weights: vec![
                ("Long-haul business class".into(), 3),
                ("City hotel front desk".into(), 3),
                ("海底捞 门店体验".into(), 4)
            ],
        }]
    );
    let options = Options {
        weights_from: Some(2),
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&heavier), "All", &options).expect("resolved");
    assert_eq!(merged.session.groups[0].weight, 4);
    assert_all_carried(&heavier, &merged);
}

#[test]
fn a_person_in_two_breakouts_is_two_people_unless_mapped_then_one_within_the_budget() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("south.ron"))];
    let merged = merge::merge(&inputs(&sessions), "Hotel", &Options::default()).expect("merges");
    assert_all_carried(&sessions, &merged);
    let names: Vec<&str> = merged
        .session
        .participants
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Ann Lee (North table)",
            "Bo Chan",
            "Ann Lee (South table)",
            "Cy Ng"
        ]
    );
    assert_eq!(merged.summary.labelled, 2);
    assert_eq!(dots(&merged.session), 9, "distinct people keep every dot");
    // North's "not duplicates" pair comes along renumbered; South's MOTs follow North's.
    assert_eq!(merged.session.not_duplicates, [(2, 3)]);

    let options = Options {
        same_people: vec![vec![
            PersonRef {
                input: 0,
                name: "Ann Lee".into(),
            },
            PersonRef {
                input: 1,
                name: "ann lee".into(),
            },
        ]],
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&sessions), "Hotel", &options).expect("merges");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    let names: Vec<&str> = s.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Bo Chan", "Cy Ng"]);
    let ann = &merged.summary.people[0];
    assert_eq!(ann.from, ["North table", "South table"]);
    assert_eq!(ann.dots, 3, "her budget in the merged session");
    let spent: u32 = s
        .dots
        .iter()
        .filter(|d| d.participant == 1)
        .map(|d| d.count)
        .sum();
    assert_eq!(spent, 3);
    // South's three dots did not fit: listed MOT by MOT, not dropped unsaid.
    let surplus: Vec<(u32, u32, Over)> = ann
        .surplus
        .iter()
        .map(|x| (x.mot, x.count, x.why))
        .collect();
    assert_eq!(surplus, [(4, 2, Over::Budget(3)), (5, 1, Over::Budget(3))]);
    assert_eq!(merged.summary.inputs[1].dots, 1);
    let lines = merged.summary.lines().join("\n");
    assert!(
        lines.contains("Ann Lee (in “North table”, “South table”)"),
        "{lines}"
    );
    assert!(
        lines.contains("2 dots on MOT 4, past the budget of 3 dots"),
        "{lines}"
    );
    assert!(
        lines.contains("“South table”: 1 of its 4 dots carried"),
        "{lines}"
    );
}

#[test]
fn differing_weights_stop_the_merge_until_one_breakouts_weights_are_taken() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("east.ron"))];
    let stopped =
        merge::merge(&inputs(&sessions), "Hotel", &Options::default()).expect_err("stops");
    assert_eq!(
        stopped.list,
        [Conflict::Weights {
            group: "loves us".into(),
            weights: vec![("North table".into(), 3), ("East table".into(), 5)]
        }]
    );
    let text = stopped.lines().join("\n");
    assert!(
        text.starts_with("The merge stopped and nothing was written"),
        "{text}"
    );
    assert!(
        text.contains("3 in “North table”, 5 in “East table”"),
        "{text}"
    );
    for (from, weight) in [(0, 3), (1, 5)] {
        let options = Options {
            weights_from: Some(from),
            ..Options::default()
        };
        let merged = merge::merge(&inputs(&sessions), "Hotel", &options).expect("resolved");
        assert_eq!(merged.session.groups[0].weight, weight);
        assert_all_carried(&sessions, &merged);
    }
}

#[test]
fn chinese_and_english_group_names_are_one_group() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("zhong.ron"))];
    let merged = merge::merge(&inputs(&sessions), "", &Options::default()).expect("merges");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    assert_eq!(s.title, "North table + 1");
    assert_eq!(s.groups.len(), 4);
    // 5 in 爱我们的人, 1 in 喜欢你的人, 3 in 我們的團隊; 2 in 不爱你的人.
    assert_eq!(s.mots[3].hands_for(1), 5);
    assert_eq!(s.mots[3].hands_for(2), 1);
    assert_eq!(s.mots[3].hands_for(4), 3);
    assert_eq!(s.mots[4].hands_for(3), 2);
    let how: Vec<(&str, &str, Matched)> = merged
        .summary
        .groups
        .iter()
        .map(|l| (l.name.as_str(), l.target.as_str(), l.how))
        .collect();
    assert_eq!(
        how,
        [
            ("爱我们的人", "loves us", Matched::Default),
            ("喜欢你的人", "liked us once", Matched::Default),
            ("不爱你的人", "doesn't love us", Matched::Default),
            ("我們的團隊", "our team", Matched::Default),
        ]
    );
    // Ann Lee of the Chinese table is in "liked us once" of the result.
    let ann = s
        .participants
        .iter()
        .find(|p| p.name == "Ann Lee (中文组)")
        .expect("labelled with her breakout");
    assert_eq!(ann.group, 2);
    // The summary speaks the language on show.
    i18n::set(Language::SimplifiedChinese);
    let lines = merged.summary.lines().join("\n");
    i18n::set(Language::English);
    assert!(
        lines.contains("匹配为默认群体：爱我们的人 → loves us"),
        "{lines}"
    );
}

#[test]
fn a_group_no_breakout_shares_stops_the_merge_until_mapped() {
    i18n::set(Language::English);
    let sessions = [read(&fixture("north.ron")), read(&fixture("vip.ron"))];
    let stopped =
        merge::merge(&inputs(&sessions), "Hotel", &Options::default()).expect_err("stops");
    assert_eq!(
        stopped.list,
        [Conflict::Unmatched {
            input: 1,
            label: "VIP table".into(),
            group: "VIP".into()
        }]
    );
    let hints = mot::shell::merge::hints(&stopped).join("\n");
    assert!(hints.contains("--map-group"), "{hints}");
    // Kept as a group of its own, with its weight.
    let own = Options {
        group_maps: vec![GroupMap {
            input: 1,
            group: "VIP".into(),
            target: "VIP".into(),
        }],
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&sessions), "Hotel", &own).expect("merges");
    assert_all_carried(&sessions, &merged);
    let s = &merged.session;
    let vip = s.groups.iter().find(|g| g.name == "VIP").expect("added");
    assert_eq!((vip.id, vip.weight), (5, 2));
    assert_eq!(s.mots[3].hands_for(vip.id), 3);
    assert_eq!(s.mots[3].hands_for(1), 1);
    assert_eq!(s.participants[2].group, vip.id);
    // Put into "loves us": its hands count there, at that group's weight.
    let into = Options {
        group_maps: vec![GroupMap {
            input: 1,
            group: "vip".into(),
            target: "loves us".into(),
        }],
        ..Options::default()
    };
    let merged = merge::merge(&inputs(&sessions), "Hotel", &into).expect("merges");
    assert_all_carried(&sessions, &merged);
    assert_eq!(merged.session.groups.len(), 4);
    assert_eq!(merged.session.mots[3].hands_for(1), 4, "3 + 1 in one group");
}

fn mot() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mot"));
    c.env_remove("MOT_SESSIONS_DIR");
    c.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies fixtures into a folder of their own, to be merged from there.
fn breakouts_in(dir: &Path, files: &[&str]) -> Vec<PathBuf> {
    fs::create_dir_all(dir).expect("mkdir");
    files
        .iter()
        .map(|f| {
            let to = dir.join(f);
            fs::copy(fixture(f), &to).expect("copy");
            to
        })
        .collect()
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
