//! Presenting mode for the room: every stage title big in every language,
//! the hand-drawn Chinese letters read whole, and the ranking and the
//! matrix spaced out on a large screen.

mod common;

use common::Harness;
use mot::app::Action;
use mot::model::{Language, Session, Stage};
use mot::ui::glyphs::{self, GlyphError};
use mot::ui::present::title_drawn_big;

fn example() -> Session {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/hotel-front-desk.ron");
    mot::store::load(std::path::Path::new(path)).expect("the example loads")
}

/// The example session presented at a stage, in a language, votes revealed.
fn presenting(stage: Stage, lang: Language) -> Harness {
    mot::i18n::set(lang);
    let mut s = example();
    s.stage = stage;
    s.language = Some(lang);
    s.votes_revealed = true;
    let mut h = Harness::with_session(s);
    common::dispatch(&mut h.app, Action::TogglePresenting);
    assert!(h.app.presenting);
    h
}

#[test]
fn every_stage_title_in_every_language_is_drawn_big() {
    for lang in Language::ALL {
        mot::i18n::set(lang);
        for stage in Stage::ALL {
            let name = stage.name();
            for c in name.chars() {
                assert!(
                    c.is_ascii() || glyphs::glyph(c).is_some(),
                    "{lang:?} {stage:?} “{name}”: `{c}` has no big glyph; draw it in assets/glyphs/cjk.txt"
                );
            }
            assert!(title_drawn_big(name), "{lang:?} {stage:?} “{name}”");
        }
    }
    // A drill's round presents its phase big: every phase name in every
    // language is drawn.
    for lang in Language::ALL {
        mot::i18n::set(lang);
        for phase in mot::model::drill::clock::Phase::ALL {
            let name = phase.name();
            assert!(title_drawn_big(name), "{lang:?} {phase:?} “{name}”");
        }
    }
    assert!(!glyphs::can_draw("你好"), "only drawn characters count");
}

#[test]
fn the_glyph_file_reads_whole_and_every_glyph_has_ink() {
    let all = glyphs::parse(glyphs::SOURCE).expect("assets/glyphs/cjk.txt reads");
    assert!(all.len() >= 31, "{} glyphs", all.len());
    for (c, g) in &all {
        let ink = (0..glyphs::SIZE)
            .flat_map(|y| (0..glyphs::SIZE).map(move |x| (x, y)))
            .filter(|&(x, y)| g.inked(x, y))
            .count();
        assert!(ink > 20, "`{c}` is nearly blank");
        assert_eq!(g.lines().len(), usize::from(glyphs::ROWS));
    }
}

/// A glyph file with one character, its rows given.
fn file(rows: &[&str]) -> String {
    format!("# test\n\n= 字\n{}\n", rows.join("\n"))
}

#[test]
fn a_broken_glyph_file_is_refused_with_the_line_at_fault() {
    let good = vec!["#..............."; 16];
    assert!(glyphs::parse(&file(&good)).is_ok());
    // A row one cell short, one too long, and one with a stray letter.
    for bad in ["#..............", "#................", "#......x........"] {
        let mut rows = good.clone();
        rows[3] = bad;
        assert_eq!(
            glyphs::parse(&file(&rows)),
            Err(GlyphError::Row { line: 7 }),
            "{bad}"
        );
    }
    // Fifteen rows, then seventeen.
    assert_eq!(
        glyphs::parse(&file(&good[..15])),
        Err(GlyphError::Rows {
            line: 3,
            ch: '字',
            rows: 15
        })
    );
    let mut long = good.clone();
    long.push("#...............");
    assert!(matches!(
        glyphs::parse(&file(&long)),
        Err(GlyphError::Rows { rows: 17, .. })
    ));
    // A header naming two characters, a glyph drawn twice, a row outside any glyph.
    assert_eq!(
        glyphs::parse("= 字母\n"),
        Err(GlyphError::Header { line: 1 })
    );
    let twice = format!("{}\n{}", file(&good), file(&good));
    assert!(matches!(
        glyphs::parse(&twice),
        Err(GlyphError::Twice { ch: '字', .. })
    ));
    assert_eq!(
        glyphs::parse("................\n"),
        Err(GlyphError::Orphan { line: 1 })
    );
}

#[test]
fn a_chinese_title_is_drawn_in_big_letters_at_160x45_and_80x30() {
    let h = presenting(Stage::Write, Language::SimplifiedChinese);
    let big = h.screen(160, 45);
    assert!(!big.contains("▶ 撰 写"), "no longer spaced out:\n{big}");
    insta::assert_snapshot!("write_zh_hans_160x45", big);
    let small = h.screen(80, 30);
    insta::assert_snapshot!("write_zh_hans_80x30", small);
    // Too low for big letters: the one-line header.
    let line = h.screen(80, 24);
    assert!(line.contains("▶ 撰写"), "{line}");
}

#[test]
fn traditional_titles_are_drawn_in_their_own_letters() {
    let h = presenting(Stage::Choose, Language::TraditionalChinese);
    let screen = h.screen(160, 45);
    let drawn: String = glyphs::lines("選擇").join("\n");
    for row in drawn.lines() {
        assert!(screen.contains(row.trim_end()), "{row}\n{screen}");
    }
}

#[test]
fn the_ranking_and_the_matrix_are_spaced_out_for_the_room_at_160x45() {
    for lang in [Language::English, Language::SimplifiedChinese] {
        let code = lang.code();
        let h = presenting(Stage::Choose, lang);
        insta::assert_snapshot!(format!("choose_{code}_160x45"), h.screen(160, 45));
        let h = presenting(Stage::Matrix, lang);
        insta::assert_snapshot!(format!("matrix_{code}_160x45"), h.screen(160, 45));
    }
}
