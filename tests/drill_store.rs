//! The session's drill in its file (format version 6): a whole drill goes
//! round the file, a version 5 file opens with none and is kept before the
//! first save, a hand-written drill of a few parts opens, every rule and
//! limit of the drill is refused where it is broken, in words, and undo
//! names a drill change.

mod common;

use std::fs;
use std::path::Path;

use mot::app::history::{Change, History};
use mot::app::{Action, App, OpenHow};
use mot::i18n::{self, Language};
use mot::model::drill::BehaviourStep;
use mot::model::drill::cards::{Card, CardOrigin, CardPart, library};
use mot::model::drill::clock::{PHASE_SECONDS, Phases};
use mot::model::drill::sheet::{LeftWith, Sheet, Verdict};
use mot::model::drill::trios::Trio;
use mot::model::limits::{MAX_CARDS, MAX_ROUND, MAX_SHEETS, MAX_TEXT_CHARS, MAX_TRIOS};
use mot::model::{FORMAT_VERSION, ModelError, MotOrigin, MotText, Session};
use mot::store;

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A room of six with a drill that uses every part: a library card, a card
/// from a MOT, a card the trainer wrote, a trio of four and a pair, two
/// rounds of sheets with comments, changed phases, names left out.
fn with_drill() -> Session {
    i18n::set(Language::English);
    let mut s = Session::new("华航 商务舱");
    for name in ["王小明", "Ann", "Bo", "陳大文", "Eve", "Fay"] {
        s.add_participant(name, 1).expect("group");
    }
    let mot = s.add_mot(MotText {
        who: "住在美国西岸的华人旅客".into(),
        situation: "在商务舱准备睡觉时，空服员帮忙铺床".into(),
        feeling: "华航不一样".into(),
    });
    s.toggle_chosen(mot).expect("mot");
    let d = &mut s.drill;
    d.add_card(library(Language::SimplifiedChinese)[1].clone());
    d.add_card(Card::from_mot(s.mots[0].as_ref()));
    let mut own = Card::default();
    own.set_title("A late check-out");
    own.set(CardPart::Opening, "\"Can I keep the room until two?\"");
    s.drill.add_card(own);
    s.drill.trios = vec![
        Trio {
            id: 1,
            members: vec![1, 2, 3, 6],
        },
        Trio {
            id: 2,
            members: vec![4, 5],
        },
    ];
    s.drill.phases = Phases {
        read: 90,
        play: 360,
        feedback: 150,
    };
    s.drill.anonymous = true;
    let sheet = s.drill.sheet_mut(1, 1);
    for step in BehaviourStep::ALL {
        sheet.score(step, Some(4)).expect("1 to 5");
    }
    sheet
        .score(BehaviourStep::Analyse, Some(2))
        .expect("1 to 5");
    sheet.comments[BehaviourStep::Analyse.index()] = "没有先问清需求".into();
    sheet.left_with = Some(LeftWith::Partly);
    sheet.verdict = Some(Verdict::NotYet);
    s.drill.round = 1;
    s.drill
        .sheet_mut(1, 2)
        .score(BehaviourStep::Solve, Some(5))
        .expect("1 to 5");
    s.drill.round = 2;
    s.validate().expect("valid");
    s
}

#[test]
fn a_whole_drill_goes_round_the_file() {
    let s = with_drill();
    let text = store::to_ron(&s).expect("writes");
    assert!(text.contains("    drill: (\n"), "{text}");
    assert!(text.contains("origin: FromMot(1)"), "{text}");
    assert!(text.contains("origin: Library(\"key_account\")"), "{text}");
    assert_eq!(store::from_ron(&text).expect("reads"), s);
    // A session without a drill writes nothing of it.
    let mut none = s.clone();
    none.drill = Default::default();
    let text = store::to_ron(&none).expect("writes");
    assert!(!text.contains("drill"), "{text}");
    assert_eq!(store::from_ron(&text).expect("reads"), none);
}

#[test]
fn a_version_5_file_opens_without_a_drill_and_is_kept_before_the_first_write() {
    i18n::set(Language::English);
    let dir = common::fast_tempdir();
    let path = dir.path().join("hotel.ron");
    fs::copy(fixture("format-v5.ron"), &path).expect("copy");
    let original = fs::read(&path).expect("read");
    let decoded = store::decode(&String::from_utf8_lossy(&original)).expect("opens");
    assert_eq!(decoded.version, 5);
    assert_eq!(decoded.session.version, FORMAT_VERSION);
    assert!(decoded.session.drill.is_empty());
    let mut app = App::picker(
        dir.path().to_path_buf(),
        store::list(dir.path()).expect("lists"),
    );
    common::open(&mut app, &path, OpenHow::Normal);
    let status = app.status.clone().expect("a message");
    // The fixture's session speaks Simplified Chinese.
    assert!(status.text.contains("格式版本 5"), "{status:?}");
    let kept = dir.path().join("hotel.v5.bak");
    assert!(!kept.exists(), "nothing written before the first change");
    common::dispatch(&mut app, Action::NextStage);
    assert_eq!(fs::read(&kept).expect("the original is kept"), original);
    let now = fs::read_to_string(&path).expect("read");
    assert!(
        now.starts_with(&format!("(\n    version: {FORMAT_VERSION},")),
        "{now}"
    );
    let again = store::decode(&now).expect("reads");
    assert_eq!(again.version, FORMAT_VERSION);
    assert_eq!(again.session.mots.len(), 12);
}

#[test]
fn the_version_6_fixture_holds_the_drill_it_was_written_with() {
    let text = fs::read_to_string(fixture("format-v6.ron")).expect("read");
    let decoded = store::decode(&text).expect("opens");
    assert_eq!(decoded.version, 6);
    let d = decoded.session.drill;
    let origins: Vec<&CardOrigin> = d.deck.iter().map(|c| &c.card.origin).collect();
    assert_eq!(
        origins,
        [
            &CardOrigin::Library("angry".into()),
            &CardOrigin::FromMot(1),
            &CardOrigin::Written
        ]
    );
    assert!(d.deck[0].card.is_complete(), "the library card is whole");
    assert_eq!(
        d.deck[1].card.missing(),
        [CardPart::Opening, CardPart::Need, CardPart::Objection],
        "what a MOT cannot give is still to write"
    );
    assert_eq!(d.deck[1].card.who, "A guest arriving after midnight");
    let sizes: Vec<(u32, usize)> = d.trios.iter().map(|t| (t.id, t.members.len())).collect();
    assert_eq!(sizes, [(1, 4), (2, 2)], "a four and a pair");
    assert_eq!(d.round, 2);
    assert_eq!(
        d.phases,
        Phases {
            read: 90,
            play: 360,
            feedback: 180
        }
    );
    assert!(!d.anonymous);
    assert_eq!(d.sheets.len(), 3);
    let first = d.sheet(0, 1).expect("round 0, Olivia");
    assert_eq!(first.scores, [Some(4), Some(2), Some(4), Some(3), Some(3)]);
    assert!(first.is_complete(), "the low score has its comment");
    assert_eq!(
        first.card,
        Some(1),
        "the sheet says the card it was played on"
    );
    assert_eq!(
        first.comment(BehaviourStep::Analyse),
        "offered a discount before asking why the guest was upset"
    );
    assert_eq!(
        d.sheet(0, 4).map(|s| (s.left_with, s.verdict)),
        Some((Some(LeftWith::Yes), Some(Verdict::Passed)))
    );
    let half = d.sheet(1, 2).expect("round 1, Ben");
    assert_eq!(half.unscored().len(), 3, "a sheet half filled in");
    // MOT 10 came from round 0's comment on analysing the need.
    let mut s = store::from_ron(&text).expect("opens");
    let origins: Vec<(u32, MotOrigin)> = s
        .mots
        .iter()
        .filter_map(|m| m.origin.clone().map(|o| (m.id, o)))
        .collect();
    let analyse = MotOrigin::Drill {
        round: 0,
        step: BehaviourStep::Analyse,
    };
    assert_eq!(origins, [(10, analyse)]);
    // The rest of the session is the version 5 fixture's.
    let v5 = store::from_ron(&fs::read_to_string(fixture("format-v5.ron")).expect("read"))
        .expect("opens");
    s.drill = Default::default();
    std::sync::Arc::make_mut(&mut s.mots[9]).origin = None;
    assert_eq!(s, v5);
}

/// A session of five people written by hand, with `drill` as given.
fn hand_written(drill: &str) -> String {
    format!(
        "(\n    version: 6,\n    title: \"Front desk\",\n    participants: [\n        (id: 1, name: \"Ann\", group: 1),\n        (id: 2, name: \"Bo\", group: 1),\n        (id: 3, name: \"Cy\", group: 2),\n        (id: 4, name: \"Di\", group: 2),\n        (id: 5, name: \"Ed\", group: 3),\n    ],\n    drill: {drill},\n)\n"
    )
}

#[test]
fn a_hand_written_drill_with_only_some_parts_opens() {
    let s = store::from_ron(&hand_written("(trios: [(id: 1, members: [1, 2])])"))
        .expect("a drill of one pair opens");
    assert_eq!(
        s.drill.trios,
        [Trio {
            id: 1,
            members: vec![1, 2]
        }]
    );
    assert!(s.drill.deck.is_empty() && s.drill.sheets.is_empty());
    assert_eq!((s.drill.round, s.drill.phases), (0, Phases::default()));
    // A phase written alone, a card of two parts, a sheet with bare scores.
    let s = store::from_ron(&hand_written(
        "(\n        deck: [(id: 4, card: (title: \"At the door\", who: \"a tourist\"))],\n        phases: (play: 240),\n        sheets: [(round: 0, trio: 1, staff: 3, scores: (4, 2, None, 5, 1))],\n    )",
    ))
    .expect("opens");
    assert_eq!(
        s.drill.phases,
        Phases {
            play: 240,
            ..Phases::default()
        }
    );
    assert_eq!(s.drill.card(4).map(|c| c.who.as_str()), Some("a tourist"));
    assert_eq!(
        s.drill.sheets[0].scores,
        [Some(4), Some(2), None, Some(5), Some(1)]
    );
    assert_eq!(s.drill.sheets[0].left_with, None);
    // Saved back in full.
    let text = store::to_ron(&s).expect("writes");
    assert!(
        text.contains("play: 240,") && text.contains("read: 120,"),
        "{text}"
    );
    assert_eq!(store::from_ron(&text).expect("reads"), s);
}

#[test]
fn unknown_fields_in_the_drill_are_refused_with_line_and_column() {
    i18n::set(Language::English);
    let text =
        hand_written("(\n        trios: [(id: 1, members: [1, 2], colour: \"red\")],\n    )");
    let e = store::decode(&text).expect_err("an unknown field");
    let line = text
        .lines()
        .position(|l| l.contains("colour"))
        .expect("the line")
        + 1;
    assert_eq!(e.line, line, "{e}");
    assert!(e.col > 30, "{e}");
    assert!(
        e.message.contains("`colour`") && e.message.contains("a trio"),
        "{e}"
    );
    let text = hand_written("(\n        sheets: [(round: 0, trio: 1, staff: 1, mood: 3)],\n    )");
    i18n::set(Language::SimplifiedChinese);
    let e = store::decode(&text).expect_err("an unknown field");
    i18n::set(Language::English);
    assert!(
        e.message.contains("`mood`") && e.message.contains("观察表"),
        "{e}"
    );
    // A drill in a version 5 file says which version to declare.
    let as_five = hand_written("(trios: [(id: 1, members: [1, 2])])").replacen(
        "version: 6,",
        "version: 5,",
        1,
    );
    let e = store::decode(&as_five).expect_err("version 5 has no drill");
    assert!(e.message.contains("write `version: 6`"), "{e}");
}

/// One broken rule: how to break it, the path named, the English words and
/// the Simplified Chinese ones.
type Rule = (fn(&mut Session), &'static str, &'static str, &'static str);

#[test]
fn each_rule_of_the_drill_is_refused_in_words_where_it_is_broken() {
    let rules: &[Rule] = &[
        (
            |s| s.drill.formed_at = s.drill.round + 1,
            "drill.formed_at",
            "the trios were formed in round 3, after the room's round 2",
            "三人组在第 3 轮组成，晚于全场当前的第 2 轮",
        ),
        (
            |s| s.drill.deck[2].id = 1,
            "drill.deck[2].id",
            "card id 1 is used twice",
            "卡片编号 1 重复使用",
        ),
        (
            |s| s.drill.trios[1].id = 1,
            "drill.trios[1].id",
            "trio id 1 is used twice",
            "三人组编号 1 重复使用",
        ),
        (
            |s| s.drill.trios[1].members = vec![4],
            "drill.trios[1].members",
            "a trio has 2 to 4 people, and trio 2 has 1",
            "每个三人组应有 2 至 4 人，三人组 2 有 1 人",
        ),
        (
            |s| s.drill.trios[0].members.push(5),
            "drill.trios[0].members",
            "and trio 1 has 5",
            "三人组 1 有 5 人",
        ),
        (
            |s| s.drill.trios[1].members[1] = 99,
            "drill.trios[1].members[1]",
            "trio 2 lists participant 99, who does not exist",
            "三人组 2 列出了参与者 99，但此参与者不存在",
        ),
        (
            |s| s.drill.trios[1].members = vec![4, 4],
            "drill.trios[1].members[1]",
            "trio 2 lists participant 4 twice",
            "三人组 2 重复列出了参与者 4",
        ),
        (
            |s| s.drill.trios[1].members[0] = 2,
            "drill.trios[1].members[0]",
            "participant 2 is in trio 1 and in trio 2",
            "参与者 2 同时在三人组 1 和三人组 2 中",
        ),
        (
            |s| s.drill.sheets[0].scores[1] = Some(6),
            "drill.sheets[0].scores[1]",
            "the sheet of participant 1 in round 0 scores a step 6; scores are 1 to 5",
            "参与者 1 在轮次 0 的观察表中有一步打了 6 分",
        ),
        (
            |s| s.drill.sheets[1].scores[2] = Some(0),
            "drill.sheets[1].scores[2]",
            "scores a step 0",
            "打了 0 分",
        ),
        (
            |s| {
                let again = Sheet::new(1, 2, 2);
                s.drill.sheets.push(again);
            },
            "drill.sheets[2].staff",
            "participant 2 has two sheets for round 1",
            "参与者 2 在轮次 1 有两张观察表",
        ),
        (
            |s| s.drill.phases.play = 10,
            "drill.phases.play",
            "the play phase lasts 10 seconds; it must be 30 to 3,600",
            "play 阶段时长为 10 秒，应为 30 至 3,600 秒",
        ),
        (
            |s| s.drill.phases.feedback = 3_601,
            "drill.phases.feedback",
            "the feedback phase lasts 3,601 seconds",
            "feedback 阶段时长为 3,601 秒",
        ),
    ];
    for (break_it, path, english, chinese) in rules {
        let mut s = with_drill();
        break_it(&mut s);
        let text = store::to_ron(&s).expect("writes");
        i18n::set(Language::English);
        let e = store::decode(&text).expect_err(path);
        assert!(
            e.message.starts_with(&format!("{path}: ")) && e.message.contains(english),
            "{path}: {e}"
        );
        assert!(e.line > 1, "{path}: a line in the drill: {e}");
        i18n::set(Language::SimplifiedChinese);
        let e = store::decode(&text).expect_err(path);
        i18n::set(Language::English);
        assert!(e.message.contains(chinese), "{path}: {e}");
    }
}

/// Where `needle` begins in `text`, as the line and column an error gives.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before[before.rfind('\n').map_or(0, |p| p + 1)..]
        .chars()
        .count()
        + 1;
    (line, col)
}

#[test]
fn a_broken_rule_is_pointed_at_by_line_and_column() {
    let mut s = with_drill();
    s.drill.phases.read = 7;
    let text = store::to_ron(&s).expect("writes");
    let e = store::decode(&text).expect_err("too short");
    let (line, col) = line_col(&text, "read: 7,");
    assert_eq!((e.line, e.col), (line, col + "read: ".len()), "{e}");
}

#[test]
fn sheets_keep_people_who_left_and_trios_formed_again_and_the_session_stays_valid() {
    let mut s = with_drill();
    s.drill.anonymous = false;
    // Ann (2) leaves: out of her trio, her sheet kept.
    s.remove_participant(2).expect("there");
    assert!(s.drill.trios.iter().all(|t| !t.members.contains(&2)));
    assert!(
        s.drill.sheet(1, 2).is_some(),
        "her sheet stays for the debrief"
    );
    s.validate().expect("valid after she left");
    // Di (4) leaves: the pair is one person short, the room forms again.
    s.remove_participant(4).expect("there");
    assert!(
        s.drill
            .trios
            .iter()
            .all(|t| (2..=4).contains(&t.members.len()))
    );
    s.validate().expect("valid after the pair broke");
    let text = store::to_ron(&s).expect("writes");
    assert_eq!(store::from_ron(&text).expect("reads"), s);
    // A trio may not name someone who left.
    s.drill.trios[0].members[0] = 2;
    i18n::set(Language::English);
    match s.validate() {
        Err(ModelError::Invalid { message, .. }) => {
            assert!(
                message.contains("participant 2, who does not exist"),
                "{message}"
            )
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Limits

/// `s` with `n` empty cards in its deck.
fn cards(s: &mut Session, n: usize) {
    s.drill.deck.clear();
    for _ in 0..n {
        s.drill.add_card(Card::default());
    }
}

#[test]
fn the_drill_at_its_limits_opens_and_one_past_each_is_refused_where_it_is() {
    let mut s = with_drill();
    cards(&mut s, MAX_CARDS);
    s.drill.round = MAX_ROUND;
    s.drill.sheets[1].round = MAX_ROUND;
    s.drill.phases = Phases {
        read: *PHASE_SECONDS.start(),
        play: *PHASE_SECONDS.end(),
        feedback: 60,
    };
    s.drill.sheets[0].comments[4] = "评".repeat(MAX_TEXT_CHARS);
    s.drill.deck[0].card.scene = "景".repeat(MAX_TEXT_CHARS);
    let text = store::to_ron(&s).expect("writes");
    assert_eq!(store::from_ron(&text).expect("at the limits"), s);

    let refused = |s: &Session, path: &str, words: &str| {
        let text = store::to_ron(s).expect("writes");
        let e = store::decode(&text).expect_err(path);
        assert!(
            e.message.starts_with(&format!("{path}: ")) && e.message.contains(words),
            "{path}: {e}"
        );
        assert!(e.line > 1, "{e}");
    };
    let mut more = s.clone();
    more.drill.add_card(Card::default());
    refused(
        &more,
        "drill.deck[1000]",
        "1,001 cards in the drill's deck; a session holds at most 1,000",
    );
    let mut later = s.clone();
    later.drill.round = MAX_ROUND + 1;
    refused(
        &later,
        "drill.round",
        "the drill is in round 1,000; the most is 999",
    );
    let mut later = s.clone();
    later.drill.sheets[1].round = MAX_ROUND + 1;
    refused(
        &later,
        "drill.sheets[1].round",
        "a sheet is for round 1,000; the most is 999",
    );
    let mut long = s.clone();
    long.drill.sheets[0].comments[4].push('x');
    refused(&long, "drill.sheets[0].comments[4]", "10,001 characters");
    let mut long = s.clone();
    long.drill.deck[0].card.scene.push('x');
    refused(&long, "drill.deck[0].card.scene", "10,001 characters");
    let mut long = s.clone();
    long.drill.deck[1].card.guide.follow_up = "長".repeat(MAX_TEXT_CHARS + 1);
    refused(
        &long,
        "drill.deck[1].card.guide.follow_up",
        "10,001 characters",
    );
}

#[test]
fn trios_and_sheets_are_counted_and_one_past_their_limit_is_refused() {
    // Checked on sessions in memory: a file of 100,000 sheets is slow to
    // write in a debug build, and where the file says so is tested above.
    let path_of = |s: &Session| match s.validate() {
        Err(ModelError::Invalid { path, message }) => (path.to_string(), message),
        other => panic!("{other:?}"),
    };
    let mut s = Session::new("hall");
    s.drill.trios = (1..=MAX_TRIOS as u32 + 1)
        .map(|id| Trio {
            id,
            members: vec![1, 2],
        })
        .collect();
    i18n::set(Language::English);
    let (path, message) = path_of(&s);
    assert_eq!(path, "drill.trios[5000]");
    assert!(message.contains("5,001 trios"), "{message}");
    let mut s = Session::new("hall");
    s.drill.sheets = (0..MAX_SHEETS as u32)
        .map(|i| Sheet::new(i % 999, 1, i))
        .collect();
    s.validate().expect("at the limit");
    s.drill.sheets.push(Sheet::new(0, 1, MAX_SHEETS as u32));
    let (path, message) = path_of(&s);
    assert_eq!(path, "drill.sheets[100000]");
    assert!(message.contains("100,001 observer's sheets"), "{message}");
}

// ---------------------------------------------------------------------------
// Undo

/// What undoing the step from `before` to `after` says, in `lang`, and
/// whether it brought `before` back whole.
fn undone(before: &Session, after: &Session, lang: Language) -> String {
    let mut h = History::new(before);
    h.record(after);
    let (back, change) = h.undo(after).expect("a step");
    assert_eq!(&back, before, "undo brings the drill back");
    i18n::set(lang);
    let words = change.text();
    i18n::set(Language::English);
    words
}

#[test]
fn undoing_a_drill_change_names_it() {
    let s = with_drill();
    let en = Language::English;
    let mut t = s.clone();
    t.drill.trios.swap(0, 1);
    assert_eq!(undone(&s, &t, en), "the drill's trios");
    assert_eq!(undone(&s, &t, Language::SimplifiedChinese), "演练的三人组");
    assert_eq!(undone(&s, &t, Language::TraditionalChinese), "演練的三人組");
    let mut t = s.clone();
    t.drill.remove_card(2);
    assert_eq!(undone(&s, &t, en), "the drill's cards");
    let mut t = s.clone();
    t.drill.round += 1;
    assert_eq!(undone(&s, &t, en), "the drill's round");
    let mut t = s.clone();
    t.drill.phases.play += 30;
    assert_eq!(undone(&s, &t, en), "the length of the drill's phases");
    assert_eq!(
        undone(&s, &t, Language::SimplifiedChinese),
        "演练各阶段的时长"
    );
    let mut t = s.clone();
    t.drill.anonymous = false;
    assert_eq!(undone(&s, &t, en), "showing names in the debrief");
    // A sheet: by round (from 1, as the room counts) and, with names shown,
    // by whose it is; an anonymous drill names nobody.
    let mut t = s.clone();
    t.drill.sheets[0].verdict = Some(Verdict::Passed);
    assert_eq!(undone(&s, &t, en), "an observer's sheet in round 1");
    let mut named = s.clone();
    named.drill.anonymous = false;
    let mut t = named.clone();
    t.drill.sheets[0].verdict = Some(Verdict::Passed);
    assert_eq!(undone(&named, &t, en), "王小明's sheet in round 1");
    assert_eq!(
        undone(&named, &t, Language::TraditionalChinese),
        "王小明 第 1 輪的觀察表"
    );
    assert!(matches!(
        mot::app::history::describe(&named, &t),
        Some(Change::DrillSheet { round: 0, .. })
    ));
}

#[test]
fn undoing_a_removal_brings_back_the_trio_it_changed() {
    let s = with_drill();
    let mut t = s.clone();
    t.remove_participant(4).expect("there");
    assert_ne!(t.drill.trios, s.drill.trios, "the pair was broken");
    assert_eq!(
        undone(&s, &t, Language::English),
        "removing participant 陳大文"
    );
}
