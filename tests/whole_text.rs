//! The whole text where the room reads it: the editor's read-back, the Tag
//! box, the detail panes of Write and Choose, and the MOTX editor and line
//! grow to show the whole MOT and MOTX, using the rows the screen has.

mod common;

use common::Harness;
use mot::app::Stage;
use mot::i18n::Language;
use mot::model::{MotText, Session, sentence};
use ratatui::crossterm::event::KeyCode;

const WHO: &str = "A guest arriving after midnight";
const SITUATION: &str = "the flight was delayed; the night manager had kept the room and left a \
     warm meal on the desk, and the driver waited at the door with an umbrella";
const FEELING: &str = "they were waiting for me, even at two in the morning";
const DOES: &str = "keep the room and a warm meal for every guest whose flight lands after \
     ten, and send the driver to the door with an umbrella when it rains";
const NEXT: &str = "tell a colleague about the night manager and book us for the next trip";

const ZH_WHO: &str = "深夜到店的商务旅客";
const ZH_SITUATION: &str = "航班延误到凌晨两点，值班经理一直留着房间，桌上放着热汤和一张手写的欢迎卡片，\
     司机还打着伞在门口等候";
const ZH_FEELING: &str = "他们一直在等我，就算是凌晨也一样";

fn session(lang: Language) -> Session {
    let mut s = Session::new("whole");
    s.language = Some(lang);
    let (who, situation, feeling) = match lang {
        Language::English => (WHO, SITUATION, FEELING),
        _ => (ZH_WHO, ZH_SITUATION, ZH_FEELING),
    };
    let id = s.add_mot(MotText {
        who: who.into(),
        situation: situation.into(),
        feeling: feeling.into(),
    });
    for n in 0..8 {
        s.add_mot(MotText {
            who: format!("guest {n}"),
            situation: "at the desk".into(),
            feeling: "fine".into(),
        });
    }
    s.toggle_chosen(id).expect("mot");
    s.set_motx(
        id,
        mot::model::Motx {
            company_does: DOES.into(),
            customer_next: NEXT.into(),
        },
    )
    .expect("mot");
    s
}

fn at(stage: Stage, lang: Language) -> Harness {
    mot::i18n::set(lang);
    let mut s = session(lang);
    s.stage = stage;
    Harness::with_session(s)
}

/// The screen's text with borders, spaces and line ends taken out, so a
/// text wrapped over several rows reads as one.
fn squashed(screen: &str) -> String {
    screen
        .chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

fn squash(text: &str) -> String {
    squashed(text)
}

fn assert_whole(screen: &str, text: &str, what: &str) {
    assert!(
        squashed(screen).contains(&squash(text)),
        "{what} is not whole:\n{text}\n{screen}"
    );
}

/// The rows of the box whose title row holds `title`, to its bottom border.
fn box_under<'a>(screen: &'a str, title: &str) -> Vec<&'a str> {
    screen
        .lines()
        .skip_while(|l| !l.contains(title))
        .skip(1)
        .take_while(|l| !l.contains('└'))
        .collect()
}

/// The box's first row shows the situation's beginning.
fn assert_begins(field: &[&str], screen: &str) {
    assert!(
        field
            .first()
            .is_some_and(|l| l.contains("the flight was delayed; the night manager")),
        "the beginning:\n{screen}"
    );
}

fn the_mot(h: &Harness) -> String {
    sentence(&h.workshop().session.mots[0])
}

#[test]
fn the_editor_reads_back_the_whole_sentence_at_80x24() {
    for lang in Language::ALL {
        let mut h = at(Stage::Write, lang);
        h.key(KeyCode::Enter);
        let screen = h.screen(80, 24);
        let whole = the_mot(&h);
        assert_whole(&screen, &whole, "the read-back");
        // Every field whole too, the feeling included.
        let s = &h.workshop().session.mots[0];
        for field in [&s.who, &s.situation, &s.feeling] {
            assert_whole(&screen, field, "a field");
        }
    }
}

#[test]
fn a_long_field_being_typed_shows_its_beginning_and_the_cursor() {
    let mut h = at(Stage::Write, Language::English);
    h.key(KeyCode::Enter).key(KeyCode::Tab);
    h.type_text(", and the lift was held for the last guest of the night");
    let screen = h.screen(80, 24);
    // The field's own box (marked ▶ as the field typed in), not the
    // read-back under it.
    let field = box_under(&screen, "┌▶");
    assert_begins(&field, &screen);
    assert!(
        field.last().is_some_and(|l| l.contains("of the night")),
        "the cursor's end:\n{screen}"
    );
}

#[test]
fn tag_and_write_show_the_whole_mot() {
    for lang in Language::ALL {
        for stage in [Stage::Tag, Stage::Write] {
            let h = at(stage, lang);
            let screen = h.screen(80, 24);
            let s = &h.workshop().session.mots[0];
            match stage {
                Stage::Tag => assert_whole(&screen, &the_mot(&h), "Tag's MOT box"),
                _ => {
                    for field in [&s.who, &s.situation, &s.feeling] {
                        assert_whole(&screen, field, "Write's detail");
                    }
                }
            }
        }
    }
}

#[test]
fn choose_shows_the_whole_sentence_and_motx_in_its_detail_and_presenting() {
    for (w, ht) in [(80, 24), (160, 45)] {
        let mut h = at(Stage::Choose, Language::English);
        let screen = h.screen(w, ht);
        // The detail is under the list, full width: rows join.
        let detail: String = screen
            .lines()
            .skip_while(|l| !l.contains(" MOT 1 "))
            .collect::<Vec<_>>()
            .join("\n");
        assert_whole(&detail, &the_mot(&h), "Choose's sentence");
        assert_whole(&detail, DOES, "the MOTX");
        assert_whole(&detail, NEXT, "the MOTX");
        h.press('F');
        let presenting = h.screen(w, ht);
        let detail: String = presenting
            .lines()
            .skip_while(|l| !l.contains(" MOT 1 "))
            .collect::<Vec<_>>()
            .join("\n");
        assert_whole(&detail, DOES, "the MOTX presented");
        assert_whole(&detail, NEXT, "the MOTX presented");
    }
}

#[test]
fn the_motx_editor_shows_the_whole_mot_and_both_fields() {
    for lang in Language::ALL {
        let mut h = at(Stage::Choose, lang);
        h.key(KeyCode::Enter);
        assert!(h.workshop().choose.motx.is_some());
        let screen = h.screen(80, 24);
        // The popup sits over the list: read its inside only.
        let inside: String = screen
            .lines()
            .filter_map(|l| {
                let first = l.find('│')?;
                let last = l.rfind('│')?;
                (last > first).then(|| l[first..last].to_string())
            })
            .collect::<Vec<_>>()
            .join("\n");
        assert_whole(&inside, &the_mot(&h), "the MOTX editor's sentence");
        assert_whole(&inside, DOES, "the MOTX editor's first field");
        assert_whole(&inside, NEXT, "the MOTX editor's second field");
    }
}

#[test]
fn text_too_long_for_the_screen_ends_in_an_ellipsis() {
    let mut s = session(Language::English);
    let long = "and the night went on ".repeat(40);
    let id = s.mots[0].id;
    s.edit_mot(
        id,
        MotText {
            who: WHO.into(),
            situation: long.clone(),
            feeling: FEELING.into(),
        },
    )
    .expect("mot");
    for stage in [Stage::Tag, Stage::Write, Stage::Choose] {
        mot::i18n::set(Language::English);
        let mut s = s.clone();
        s.stage = stage;
        let h = Harness::with_session(s);
        let screen = h.screen(80, 24);
        // The box or pane that shows MOT 1 alone, not the list's rows.
        let shown: String = screen
            .lines()
            .skip_while(|l| !l.contains(" MOT 1 "))
            .take_while(|l| !l.contains('└'))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            shown.contains('…'),
            "{stage:?}: a cut text must say so:\n{screen}"
        );
        // Cut in the situation: the feeling, the brand message, still reads.
        assert!(
            squashed(&shown).contains(&squash(FEELING)),
            "{stage:?}: the feeling is lost:\n{screen}"
        );
    }
}

#[test]
fn a_field_left_reads_from_its_beginning_and_says_where_it_is_cut() {
    let mut h = at(Stage::Write, Language::English);
    h.key(KeyCode::Enter).key(KeyCode::Tab);
    h.type_text(&", and the lift was held for the last guest of the night".repeat(8));
    h.key(KeyCode::Tab);
    let screen = h.screen(80, 24);
    // The situation's own box.
    let field = box_under(&screen, " 2 ");
    assert_begins(&field, &screen);
    assert!(
        field.last().is_some_and(|l| l.contains('…')),
        "the cut:\n{screen}"
    );
    // The read-back still ends with the feeling, the brand message.
    assert!(
        squashed(&screen).contains(&squash("felt: they were waiting for me")),
        "{screen}"
    );
}
