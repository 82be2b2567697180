//! A drill as a room has it after a round or two, built straight into the
//! session and the screen state, and every Drill screen made from it.

use std::sync::Arc;
use std::time::Duration;

use mot::app::drill::{CardEditor, DebriefBy, DrillView, Picker, SheetEntry, Source};
use mot::app::timer::{Run, Timer};
use mot::app::{App, MotEditor, Screen, TextField, Workshop};
use mot::i18n::Language;
use mot::model::drill::BehaviourStep;
use mot::model::drill::cards::{Card, library};
use mot::model::drill::clock::Phase;
use mot::model::drill::plan::mot_from_comment;
use mot::model::drill::sheet::{LeftWith, Sheet, Verdict};
use mot::model::drill::trios::Trio;
use mot::model::{Session, Stage};

/// Names as a room in each language writes them (first ones are the example's).
fn names(lang: Language) -> Vec<String> {
    let en = [
        "Olivia Grant",
        "Ben Carter",
        "Aisha Khan",
        "Lucas Meyer",
        "Nora Evans",
        "Chen Jie",
        "Mateo Silva",
        "Grace Liu",
        "Omar Haddad",
        "Sofia Rossi",
        "Liam Walsh",
        "Emma Brown",
        "Noah Kim",
        "Ava Patel",
        "Ethan Wright",
        "Mia Lopez",
        "James Young",
        "Zoe Adams",
        "Henry Scott",
        "Lily Turner",
    ];
    let zh = [
        "王小明",
        "李娜",
        "陈静",
        "张伟",
        "刘洋",
        "赵敏",
        "孙丽",
        "周强",
        "吴芳",
        "郑浩",
        "冯雪",
        "何军",
        "许晴",
        "高峰",
        "林琳",
        "罗杰",
        "梁爽",
        "宋佳",
        "唐亮",
        "韩梅",
    ];
    let base: Vec<&str> = match lang {
        Language::English => en.to_vec(),
        _ => zh.to_vec(),
    };
    // Forty and more, each name told apart by a number past the first twenty.
    (0..48)
        .map(|i| match i / base.len() {
            0 => base[i].to_string(),
            n => format!("{}{}", base[i % base.len()], n + 1),
        })
        .collect()
}

/// The session with `n` participants in all, named as the language names people.
pub fn with_people(mut s: Session, lang: Language, n: usize) -> Session {
    let group = s
        .groups
        .first()
        .map(|g| g.id)
        .unwrap_or_else(|| s.add_group("team"));
    let names = names(lang);
    for (i, p) in s.participants.iter_mut().enumerate() {
        p.name = names[i].clone();
    }
    while s.participants.len() < n {
        let name = names[s.participants.len()].clone();
        s.add_participant(&name, group).expect("room for them");
    }
    s.participants.truncate(n);
    s
}

/// The participant ids, in the session's order.
pub fn ids(s: &Session) -> Vec<u32> {
    s.participants.iter().map(|p| p.id).collect()
}

/// A deck of four: two from the library, one from a chosen MOT, and one
/// the trainer began (most of it still to write). Two MOTs are chosen.
pub fn with_deck(mut s: Session, lang: Language) -> Session {
    mot::i18n::set(lang);
    for m in s.mots.iter_mut().take(2) {
        Arc::make_mut(m).chosen = true;
    }
    let lib = library(lang);
    s.drill.add_card(lib[0].clone());
    s.drill.add_card(lib[1].clone());
    if let Some(m) = s.mots.first() {
        s.drill.add_card(Card::from_mot(m));
    }
    let mut mine = Card::default();
    let (title, who) = match lang {
        Language::English => ("Late check-out refused", "A guest with a late flight"),
        Language::SimplifiedChinese => ("延迟退房被拒", "晚班机的住客"),
        Language::TraditionalChinese => ("延遲退房被拒", "晚班機的住客"),
    };
    mine.set_title(title);
    mine.set(mot::model::drill::cards::CardPart::Who, who);
    s.drill.add_card(mine);
    s
}

/// A comment an observer writes, in the language.
fn comment(lang: Language, i: usize) -> String {
    let en = [
        "asked no open question before offering a fix",
        "no recap of what was agreed",
        "never said when they would call back",
    ];
    let zh = [
        "没问开放式问题就给方案",
        "没有复述双方约定",
        "没说什么时候回电",
    ];
    let zht = [
        "沒問開放式問題就給方案",
        "沒有複述雙方約定",
        "沒說什麼時候回電",
    ];
    match lang {
        Language::English => en[i % 3].to_string(),
        Language::SimplifiedChinese => zh[i % 3].to_string(),
        Language::TraditionalChinese => zht[i % 3].to_string(),
    }
}

/// The room of ten in a trio, a four and a pair, one person in none; the
/// first round's sheets written, the second round under way.
pub fn drilled(s: Session, lang: Language) -> Session {
    let mut s = with_deck(with_people(s, lang, 10), lang);
    let p = ids(&s);
    s.drill.trios = vec![
        Trio {
            id: 1,
            members: p[0..3].to_vec(),
        },
        Trio {
            id: 2,
            members: p[3..7].to_vec(),
        },
        Trio {
            id: 3,
            members: p[7..9].to_vec(),
        },
    ];
    // Round 0: every staff member's sheet, low scores at analysing the need.
    let scores = [[4, 2, 4, 3, 5], [5, 1, 3, 2, 4], [3, 3, 4, 4, 2]];
    for (t, trio) in s.drill.trios.clone().iter().enumerate() {
        let mut sheet = Sheet::new(0, trio.id, trio.members[0]);
        for step in BehaviourStep::ALL {
            sheet
                .score(step, Some(scores[t][step.index()]))
                .expect("1 to 5");
        }
        for step in sheet.missing_comments() {
            // What an observer writes at that step.
            let which = match step {
                BehaviourStep::Summarise => 1,
                BehaviourStep::FollowUp => 2,
                _ => 0,
            };
            sheet.comments[step.index()] = comment(lang, which);
        }
        sheet.left_with = Some([LeftWith::Yes, LeftWith::Partly, LeftWith::No][t]);
        sheet.verdict = Some(if t == 0 {
            Verdict::Passed
        } else {
            Verdict::NotYet
        });
        s.drill.sheets.push(sheet);
    }
    // Round 1: the first trio's sheet half typed in, a low score uncommented.
    s.drill.round = 1;
    let staff = s.drill.this_round()[0].roles.staff;
    let mut sheet = Sheet::new(1, 1, staff);
    sheet.scores = [Some(4), Some(2), Some(3), None, None];
    s.drill.sheets.push(sheet);
    s
}

/// Forty in the room: thirteen trios and a four.
pub fn crowd(s: Session, lang: Language) -> Session {
    let mut s = with_deck(with_people(s, lang, 40), lang);
    let p = ids(&s);
    s.drill.form_trios(&p).expect("forty people");
    s
}

/// The workshop in the Drill stage over `s`, shown in `lang`.
pub fn app(mut s: Session, lang: Language) -> App {
    s.stage = Stage::Drill;
    s.language = Some(lang);
    App::workshop(s, "session.ron".into())
}

/// The workshop of an app.
pub fn workshop(app: &mut App) -> &mut Workshop {
    match &mut app.screen {
        Screen::Workshop(w) => w,
        Screen::Picker(_) => panic!("no session is open"),
    }
}

/// The drill's timer at the phase `phase`, 4:12 left, running or paused.
pub fn clock(app: &mut App, phase: Phase, running: Option<bool>) {
    let now = app.now;
    let w = workshop(app);
    w.drill.phase = phase;
    let left = Duration::from_secs(252);
    w.timer = running.map(|running| Timer {
        stage: Stage::Drill,
        length: Duration::from_secs(300),
        run: if running {
            Run::Running(now + left)
        } else {
            Run::Paused(left)
        },
    });
}

/// Every Drill screen over `session()` (the example), shown in `lang`, named.
pub fn screens(lang: Language, session: &dyn Fn() -> Session) -> Vec<(String, App)> {
    mot::i18n::set(lang);
    let mut out = Vec::new();
    let drilled = || drilled(session(), lang);
    let view = |s: Session, v: DrillView| {
        let mut a = app(s, lang);
        workshop(&mut a).drill.view = v;
        a
    };
    out.push((
        "Drill cards empty".to_string(),
        app(with_people(session(), lang, 6), lang),
    ));
    let mut a = view(drilled(), DrillView::Cards);
    workshop(&mut a).drill.card = 3;
    out.push(("Drill cards".to_string(), a));
    for (name, source) in [
        ("Drill library picker", Source::Library),
        ("Drill chosen picker", Source::Chosen),
    ] {
        let mut a = view(drilled(), DrillView::Cards);
        workshop(&mut a).drill.picker = Some(Picker {
            source,
            selected: 1,
        });
        out.push((name.to_string(), a));
    }
    let mut a = view(drilled(), DrillView::Cards);
    let w = workshop(&mut a);
    let card = w.session.drill.deck[3].clone();
    let mut ed = CardEditor::new(Some(card.id), &card.card);
    // The last field, long enough to take three rows: the editor scrolls.
    ed.focus = ed.fields.len() - 1;
    let follow_up = comment(lang, 2).repeat(6);
    ed.fields[ed.focus] = TextField::new(&follow_up);
    w.drill.editor = Some(ed);
    out.push(("Drill card editor".to_string(), a));
    let mut a = view(drilled(), DrillView::Trios);
    workshop(&mut a).drill.person = 5;
    out.push(("Drill trios".to_string(), a));
    let mut s = with_people(session(), lang, 8);
    s.drill.trios.clear();
    out.push(("Drill no trios".to_string(), view(s, DrillView::Trios)));
    for (name, running) in [
        ("Drill round not started", None),
        ("Drill round running", Some(true)),
        ("Drill round paused", Some(false)),
    ] {
        let mut a = view(drilled(), DrillView::Round);
        clock(&mut a, Phase::Play, running);
        out.push((name.to_string(), a));
        if running == Some(true) {
            let mut a = view(drilled(), DrillView::Round);
            clock(&mut a, Phase::Play, running);
            a.presenting = true;
            out.push((format!("{name} presenting"), a));
        }
    }
    let mut a = view(drilled(), DrillView::Round);
    let w = workshop(&mut a);
    let table = w.session.drill.this_round()[0].clone();
    let field = TextField::new(&comment(lang, 0));
    w.drill.sheet = Some(SheetEntry {
        round: w.session.drill.round,
        trio: table.trio,
        staff: table.roles.staff,
        row: 1,
        comment: Some((BehaviourStep::Analyse, field)),
    });
    out.push(("Drill sheet".to_string(), a));
    let mut a = view(crowd(session(), lang), DrillView::Round);
    workshop(&mut a).drill.table = 12;
    out.push(("Drill round of forty".to_string(), a));
    let mut a = view(crowd(session(), lang), DrillView::Round);
    workshop(&mut a).drill.table = 12;
    a.presenting = true;
    out.push(("Drill round of forty presenting".to_string(), a));
    for (name, by, anonymous) in [
        ("Drill debrief by trio", DebriefBy::Trio, false),
        ("Drill debrief by person", DebriefBy::Person, false),
        ("Drill debrief anonymous", DebriefBy::Person, true),
    ] {
        let mut s = drilled();
        s.drill.anonymous = anonymous;
        let mut a = view(s, DrillView::Debrief);
        let w = workshop(&mut a);
        w.drill.by = by;
        w.drill.remark = 1;
        out.push((name.to_string(), a));
    }
    let mut a = view(drilled(), DrillView::Debrief);
    let w = workshop(&mut a);
    let card = w.session.drill.deck[0].card.clone();
    let text = mot_from_comment(&card, BehaviourStep::Analyse, &comment(lang, 0));
    w.editor = Some(MotEditor {
        mot: None,
        fields: [
            TextField::new(&text.who),
            TextField::new(&text.situation),
            TextField::new(&text.feeling),
        ],
        focus: 1,
        origin: Some(mot::model::MotOrigin::Drill {
            round: 0,
            step: BehaviourStep::Analyse,
        }),
    });
    out.push(("Drill MOT from a comment".to_string(), a));
    out
}
