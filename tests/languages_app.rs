//! The app's own words in every language: status messages after actions,
//! undo, the key bar, and a help overlay that fits 80x24 on every screen.

mod common;

use common::Harness;
use mot::app::keymap::{BINDINGS, keys_text, screen_contexts};
use mot::model::{Language, Session, Stage};
use mot::store;
use ratatui::crossterm::event::KeyCode;

const CHINESE: [Language; 2] = [Language::SimplifiedChinese, Language::TraditionalChinese];

fn example() -> Session {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/sessions/hotel-front-desk.ron");
    store::load(std::path::Path::new(path)).expect("the example loads")
}

/// The example session at a stage, shown in a language.
fn at(stage: Stage, lang: Language) -> Harness {
    mot::i18n::set(lang);
    let mut s = example();
    s.stage = stage;
    s.language = Some(lang);
    Harness::with_session(s)
}

/// Picks the text for a language: English, Simplified, Traditional.
fn pick<'a>(lang: Language, en: &'a str, hans: &'a str, hant: &'a str) -> &'a str {
    match lang {
        Language::English => en,
        Language::SimplifiedChinese => hans,
        Language::TraditionalChinese => hant,
    }
}

#[test]
fn deleting_and_undoing_an_mot_speak_the_rooms_language() {
    for lang in Language::ALL {
        let mut h = at(Stage::Write, lang);
        let id = h.workshop().session.mots[0].id;
        h.press('d');
        let said = h.status();
        let want = match lang {
            Language::English => format!("Deleted MOT {id} and its votes. u undoes."),
            Language::SimplifiedChinese => format!("已删除 MOT {id} 及其投票。按 u 撤销。"),
            Language::TraditionalChinese => format!("已刪除 MOT {id} 及其投票。按 u 復原。"),
        };
        assert_eq!(said, want);
        h.press('u');
        let want = match lang {
            Language::English => format!("Undid: deleting MOT {id}. Ctrl-R redoes."),
            Language::SimplifiedChinese => format!("已撤销：删除 MOT {id}。按 Ctrl-R 重做。"),
            Language::TraditionalChinese => format!("已復原：刪除 MOT {id}。按 Ctrl-R 重做。"),
        };
        assert_eq!(h.status(), want);
        h.ctrl('r');
        assert!(
            h.status()
                .starts_with(pick(lang, "Redid: ", "已重做：", "已重做：")),
            "{}",
            h.status()
        );
        h.press('u').press('u').press('u');
        let screen = h.screen(80, 24);
        let nothing = pick(
            lang,
            "Nothing to undo.",
            "没有可撤销的操作。",
            "沒有可復原的操作。",
        );
        assert!(screen.contains(nothing), "{screen}");
    }
}

#[test]
fn undo_speaks_the_language_it_lands_in() {
    // Tagged in English, undone after switching to Chinese: Chinese words.
    let mut h = at(Stage::Tag, Language::English);
    let id = h.workshop().selected_mot().map(|m| m.id).expect("an MOT");
    h.press('0').press('1');
    // As `--lang` would: this window speaks Chinese whatever the session says.
    h.app.look.language_forced = true;
    h.app.look.language = Language::SimplifiedChinese;
    h.press('u');
    assert_eq!(
        h.status(),
        format!("已撤销：MOT {id} 的标注。按 Ctrl-R 重做。")
    );
    h.app.look.language = Language::TraditionalChinese;
    h.ctrl('r');
    assert_eq!(h.status(), format!("已重做：MOT {id} 的標註。"));
    // Undoing a switch of language says so in the language it goes back to.
    let mut h = at(Stage::Write, Language::English);
    h.press('L');
    assert_eq!(h.app.language(), Language::SimplifiedChinese);
    h.press('u');
    assert_eq!(h.app.language(), Language::English);
    assert_eq!(h.status(), "Undid: the language. Ctrl-R redoes.");
    h.ctrl('r');
    assert_eq!(h.status(), "已重做：语言。");
}

#[test]
fn setup_and_editor_messages_are_translated() {
    for lang in CHINESE {
        let mut h = at(Stage::Setup, lang);
        h.press('a').type_text("王小明").key(KeyCode::Enter);
        let said = h.status();
        assert!(
            said.starts_with(pick(lang, "", "已把 王小明 加入“", "已把 王小明 加入「")),
            "{said}"
        );
        h.key(KeyCode::Tab).press('n').ctrl('s');
        assert_eq!(
            h.status(),
            pick(
                lang,
                "",
                "MOT 是空的：请填写是谁、在什么情况下、感觉到了什么，或按 Esc 放弃。",
                "MOT 是空的：請填寫是誰、在什麼情況下、感覺到了什麼，或按 Esc 放棄。"
            )
        );
        h.key(KeyCode::Esc);
        assert_eq!(h.status(), pick(lang, "", "已放弃编辑。", "已放棄編輯。"));
        h.key(KeyCode::Tab).key(KeyCode::Tab).press('r');
        assert_eq!(h.status(), pick(lang, "", "票数已揭晓。", "票數已揭曉。"));
        h.ctrl('s');
        assert!(
            h.status()
                .starts_with(pick(lang, "", "已保存到 ", "已儲存到 ")),
            "{}",
            h.status()
        );
    }
}

#[test]
fn stage_names_and_purposes_follow_the_language() {
    let h = at(Stage::Tag, Language::TraditionalChinese);
    let screen = h.screen(80, 24);
    for word in ["準備", "撰寫", "標註", "投票", "矩陣", "服務品質"] {
        assert!(screen.contains(word), "{word} missing:\n{screen}");
    }
    let h = at(Stage::Vote, Language::SimplifiedChinese);
    let screen = h.screen(80, 24);
    assert!(screen.contains("不是一人一票"), "{screen}");
}

#[test]
fn the_key_bar_speaks_chinese_at_80_columns() {
    let cases = [
        (
            Stage::Write,
            Language::SimplifiedChinese,
            ["n 新建", "d 删除", "Tab 阶段", "u 撤销"],
        ),
        (
            Stage::Write,
            Language::TraditionalChinese,
            ["n 新增", "d 刪除", "Tab 階段", "u 復原"],
        ),
        (
            Stage::Vote,
            Language::SimplifiedChinese,
            ["→ ← 贴点", "] [ 投票人", "m 举手", "r 揭晓"],
        ),
        (
            Stage::Vote,
            Language::TraditionalChinese,
            ["→ ← 貼點", "] [ 投票人", "m 舉手", "r 揭曉"],
        ),
    ];
    for (stage, lang, words) in cases {
        let h = at(stage, lang);
        let screen = h.screen(80, 24);
        let bar = screen.lines().nth(23).unwrap_or_default();
        for word in words {
            assert!(bar.contains(word), "{word} not on the key bar: {bar}");
        }
        // Everything on the bar fits: the help key is there, as in English.
        assert!(
            bar.contains(pick(lang, "? help", "? 帮助", "? 說明")),
            "{bar}"
        );
    }
}

#[test]
fn the_help_overlay_speaks_chinese() {
    let mut h = at(Stage::Tag, Language::SimplifiedChinese);
    h.press('?');
    let screen = h.screen(80, 24);
    for text in [
        "维度：进店率",
        "切换服务质量：关切",
        "撤销上一次修改",
        "标注",
    ] {
        assert!(screen.contains(text), "{text} missing:\n{screen}");
    }
    let mut h = at(Stage::Tag, Language::TraditionalChinese);
    h.press('?');
    let screen = h.screen(80, 24);
    for text in [
        "維度：推薦率",
        "切換服務品質：展現",
        "復原上一次修改",
        "標註",
    ] {
        assert!(screen.contains(text), "{text} missing:\n{screen}");
    }
}

/// Every screen the help can be opened on, by name.
/// Whether some line shows the keys, then (after padding) the help text whole.
/// Whether the overlay's columns hold the keys and their help whole (help
/// may wrap onto the rows under it, so spaces are not compared).
fn shows(columns: &[Vec<String>], keys: &str, help: &str) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let want = squeeze(&format!("{keys}{help}"));
    columns
        .iter()
        .any(|col| squeeze(&col.concat()).contains(&want))
}

/// The help lines of every screen that do not show whole at 80x24.
fn cut_help_lines(lang: Language) -> Vec<String> {
    let mut cut = Vec::new();
    mot::i18n::set(lang);
    for (name, mut app) in common::screens::every(lang, example) {
        assert_eq!(app.language(), lang);
        let contexts = screen_contexts(&app);
        app.help = true;
        let screen = common::render(&app, 80, 24);
        let columns = mot::ui::help::columns_text(&app, ratatui::layout::Rect::new(0, 0, 80, 24));
        for (i, col) in columns.iter().enumerate() {
            // 24 rows less the two bars' worth of margin and the two borders.
            if col.len() > 20 {
                cut.push(format!(
                    "{}/{name}: column {i} has {} rows",
                    lang.code(),
                    col.len()
                ));
            }
            // What is laid out is what is drawn.
            for row in col {
                if !screen.contains(row.trim_end()) {
                    cut.push(format!(
                        "{}/{name}: row not drawn: {row}\n{screen}",
                        lang.code()
                    ));
                }
            }
        }
        for ctx in &contexts {
            if !screen.contains(ctx.title()) {
                cut.push(format!("{}/{name}: heading {}", lang.code(), ctx.title()));
            }
            for b in BINDINGS.iter().filter(|b| b.context == *ctx) {
                let help = b.help_text();
                if help.is_empty() {
                    continue;
                }
                let keys = keys_text(b);
                if !shows(&columns, &keys, help) {
                    cut.push(format!("{}/{name}: {keys} {help}\n{screen}", lang.code()));
                }
            }
        }
    }
    mot::i18n::set(Language::English);
    cut
}

#[test]
fn the_help_of_every_screen_fits_80x24_in_chinese() {
    for lang in CHINESE {
        let cut = cut_help_lines(lang);
        assert!(
            cut.is_empty(),
            "help lines cut off or missing:\n{}",
            cut.join("\n")
        );
    }
}

#[test]
fn the_help_of_every_screen_fits_80x24_in_english() {
    let cut = cut_help_lines(Language::English);
    assert!(
        cut.is_empty(),
        "help lines cut off or missing:\n{}",
        cut.join("\n")
    );
}
