//! Every screen in Simplified and Traditional Chinese at 80x24: the words are
//! the catalog's, no key shows raw, and the wide characters keep the columns
//! of lists, the matrix and the picker straight.

mod common;

use common::{Harness, render};
use mot::app::{App, Offer, QuitPrompt, Screen, Stage, TextField};
use mot::i18n::{self, Language};
use mot::model::{Dimension, Quality, Session};
use ratatui::crossterm::event::KeyCode;
use unicode_width::UnicodeWidthStr;

const CHINESE: [Language; 2] = [Language::SimplifiedChinese, Language::TraditionalChinese];
const W: u16 = 80;
const H: u16 = 24;

/// The example workshop (Chinese content), remembering `lang`.
fn example(lang: Language) -> Session {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/海底捞-门店体验.ron");
    let mut session = mot::store::load(&path).expect("the example loads");
    session.language = Some(lang);
    session
}

fn at(session: Session, stage: Stage) -> Harness {
    let mut h = Harness::with_session(session);
    while h.workshop().stage() != stage {
        h.key(KeyCode::Tab);
    }
    h
}

/// A catalog text with its `{name}`s filled.
fn text(lang: Language, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    i18n::fill(i18n::t_in(lang, key), args)
}

/// The display column where `needle` starts in `line`.
fn col(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|i| line[..i].width())
}

/// What `line` shows from display column `x` on.
fn from_col(line: &str, x: usize) -> &str {
    let mut used = 0;
    for (i, c) in line.char_indices() {
        if used >= x {
            return &line[i..];
        }
        used += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
    }
    ""
}

/// The screen speaks `lang`: these texts are on it whole, no catalog key or
/// unfilled `{name}` shows, and no row is wider than the terminal.
fn assert_shows(screen: &str, lang: Language, keys: &[&str], context: &str) {
    for key in keys {
        let want = i18n::t_in(lang, key);
        assert!(
            screen.contains(want),
            "{context} in {}: {key} ({want}) missing\n{screen}",
            lang.code()
        );
    }
    assert!(
        !screen.contains("ui."),
        "{context}: a raw key on screen\n{screen}"
    );
    assert!(
        !screen.contains('{'),
        "{context}: an unfilled placeholder\n{screen}"
    );
    for line in screen.lines() {
        assert!(
            line.width() <= usize::from(W),
            "{context}: too wide: {line}"
        );
    }
}

/// Rows of the screen that contain `needle`.
fn rows_with<'a>(screen: &'a str, needle: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(needle)).collect()
}

#[test]
fn setup_speaks_chinese_and_its_values_line_up() {
    for lang in CHINESE {
        i18n::set(lang);
        let h = at(example(lang), Stage::Setup);
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.setup.heading_session",
                "ui.setup.title",
                "ui.setup.brand",
                "ui.setup.core_message",
                "ui.setup.target_user",
                "ui.setup.focus",
                "ui.setup.heading_dots",
                "ui.setup.dot_budget",
                "ui.setup.max_dots",
                "ui.setup.dot_budget_hint",
                "ui.setup.heading_groups",
            ],
            "setup",
        );
        for english in [
            "Brand",
            "Core message",
            "Dot voting",
            "dots per participant",
        ] {
            assert!(
                !screen.contains(english),
                "{english} left in English\n{screen}"
            );
        }
        // The values start in one column, whatever the width of the labels.
        let value_cols: Vec<_> = ["海底捞火锅", "服务让人惊喜", "带朋友家人聚餐", "◀"]
            .iter()
            .map(|v| rows_with(&screen, v).first().and_then(|l| col(l, v)))
            .collect();
        assert!(value_cols[0].is_some(), "{screen}");
        assert!(
            value_cols.iter().all(|c| *c == value_cols[0]),
            "{value_cols:?}\n{screen}"
        );
        // Each fixed label is there whole, not cut to the column.
        assert!(!screen.contains("…"), "{screen}");
    }
}

#[test]
fn setup_guide_speaks_chinese_on_a_wide_screen() {
    for lang in CHINESE {
        i18n::set(lang);
        let mut session = example(lang);
        session.focus = None;
        let h = at(session, Stage::Setup);
        let screen = h.screen(160, 45);
        for key in [
            "ui.setup.guide",
            "ui.setup.guide_who",
            "ui.setup.guide_votes",
            "ui.setup.not_chosen",
        ] {
            assert!(screen.contains(i18n::t_in(lang, key)), "{key}\n{screen}");
        }
        assert!(!screen.contains("ui."), "{screen}");
    }
}

#[test]
fn write_list_detail_and_empty_list_speak_chinese() {
    for lang in CHINESE {
        i18n::set(lang);
        let h = at(example(lang), Stage::Write);
        let screen = h.screen(W, H);
        let n = h.workshop().session.mots.len();
        assert!(
            screen.contains(&text(lang, "ui.write.count", &[("n", &n)])),
            "{screen}"
        );
        assert_shows(
            &screen,
            lang,
            &["ui.write.who", "ui.write.situation", "ui.write.feeling"],
            "write",
        );
        // The sentences start in one column after the ids and the marks.
        let mut rows = 0;
        for line in screen.lines().skip(2) {
            let id = from_col(line, 3);
            if !id.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            rows += 1;
            let sentence = from_col(line, 3 + 4 + 1 + 2);
            assert!(
                !sentence.starts_with(' ') && sentence.contains('，'),
                "sentence column off in {line:?}\n{screen}"
            );
        }
        assert!(rows >= 5, "{screen}");

        let mut empty = example(lang);
        empty.mots.clear();
        let h = at(empty, Stage::Write);
        let screen = h.screen(W, H);
        assert_shows(&screen, lang, &["ui.write.empty"], "empty write");
        let keys = text(lang, "ui.write.empty_keys", &[("new", &"n")]);
        assert!(screen.contains(&keys), "{keys}\n{screen}");
        for line in i18n::t_in(lang, "ui.write.example").lines() {
            assert!(screen.contains(line), "{line}\n{screen}");
        }
    }
}

#[test]
fn the_editor_speaks_chinese_and_its_cursor_follows_wide_characters() {
    for lang in CHINESE {
        i18n::set(lang);
        let mut h = at(example(lang), Stage::Write);
        h.press('n');
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.write.new",
                "ui.write.field_who",
                "ui.write.field_situation",
                "ui.write.field_feeling",
                "ui.write.preview",
            ],
            "editor",
        );
        let start = cursor(&h);
        h.type_text("你好");
        let after = cursor(&h);
        // Two characters, two columns each; the same row.
        assert_eq!(after, (start.0 + 4, start.1), "{}", h.screen(W, H));
        // Borders of the outer box and the field; rows: stage bar, two borders.
        assert_eq!(after, (2 + 4, 3));
        h.type_text("，的");
        assert_eq!(cursor(&h), (2 + 8, 3));
        h.key(KeyCode::Left);
        assert_eq!(cursor(&h), (2 + 6, 3), "one character back is two columns");
    }
}

fn cursor(h: &Harness) -> (u16, u16) {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(W, H)).expect("backend");
    terminal.draw(|f| mot::ui::draw(&h.app, f)).expect("draw");
    let pos = terminal.get_cursor_position().expect("cursor");
    (pos.x, pos.y)
}

#[test]
fn tag_speaks_chinese_and_its_columns_line_up() {
    for lang in CHINESE {
        i18n::set(lang);
        let h = at(example(lang), Stage::Tag);
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.tag.tags",
                "ui.tag.col_dimension",
                "ui.tag.clear",
                "ui.tag.legend",
            ],
            "tag",
        );
        let lines: Vec<&str> = screen.lines().collect();
        let head_i = lines
            .iter()
            .position(|l| l.contains(i18n::t_in(lang, "ui.tag.col_dimension")))
            .expect("the list's heading");
        let dim_x = col(lines[head_i], i18n::t_in(lang, "ui.tag.col_dimension")).expect("x");
        let letter = Quality::ALL[0].letter().to_string();
        let marks_x = dim_x + col(from_col(lines[head_i], dim_x), &letter).expect("the letters");
        let names: Vec<&str> = Dimension::ALL.iter().map(|d| d.name()).collect();
        let mut rows = 0;
        for line in &lines[head_i + 1..] {
            let trimmed = line.trim_start_matches('│').trim_start_matches(['▶', ' ']);
            if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                break;
            }
            rows += 1;
            // Whatever the width of the Chinese sentence before it, the
            // dimension starts under its heading and the marks under theirs.
            let dim = from_col(line, dim_x);
            assert!(
                names.iter().any(|n| dim.starts_with(n)) || dim.starts_with('—'),
                "dimension column off in {line:?} (x {dim_x})\n{screen}"
            );
            let marks = from_col(line, marks_x);
            assert!(
                Quality::ALL.iter().any(|q| marks.starts_with(q.letter()))
                    || marks.starts_with('·'),
                "marks column off in {line:?} (x {marks_x})\n{screen}"
            );
        }
        assert!(rows >= 5, "{screen}");
    }
}

#[test]
fn vote_dots_and_hands_speak_chinese_and_line_up() {
    for lang in CHINESE {
        i18n::set(lang);
        let mut h = at(example(lang), Stage::Vote);
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.vote.dots",
                "ui.vote.hands",
                "ui.vote.hidden_blind",
                "ui.vote.voting",
                "ui.vote.col_dots",
                "ui.vote.col_score",
                "ui.vote.hidden",
            ],
            "vote dots",
        );
        assert_score_column(&screen, lang, i18n::t_in(lang, "ui.vote.hidden"));

        h.press('r');
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &["ui.vote.shown", "ui.vote.hides"],
            "revealed",
        );
        let raw = i18n::t_in(lang, "ui.vote.score")
            .split("{raw}")
            .next()
            .and_then(|s| s.split("{weighted}").nth(1))
            .expect("the score text");
        assert_score_column(&screen, lang, raw.trim());

        h.press('m');
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.vote.hands_title",
                "ui.vote.count_hands",
                "ui.vote.count_hands_keys",
                "ui.vote.col_score",
            ],
            "vote hands",
        );
        // Group names are Chinese too, wider than their column at 80: never
        // split over rows, they go by letters over the counts, spelled out
        // whole under the list.
        let lines: Vec<&str> = screen.lines().collect();
        let head_i = lines
            .iter()
            .position(|l| l.contains("# MOT"))
            .expect("the heading");
        let head = lines[head_i];
        let group_x = col(head, " A ").expect("x") + 1;
        assert!(col(head, " B ").is_some(), "{screen}");
        for name in ["爱我们的人", "喜欢过我们的人", "不爱我们的人", "我们的团队"]
        {
            assert!(
                lines.iter().any(|l| l.contains(name)),
                "{name} whole:\n{screen}"
            );
        }
        assert!(
            lines
                .iter()
                .any(|l| l.contains("A 爱我们的人") && l.contains("B 喜欢过我们的人")),
            "{screen}"
        );
        assert!(!head.contains('…'), "{screen}");
        let score_x = col(head, i18n::t_in(lang, "ui.vote.col_score")).expect("score");
        let mut rows = 0;
        for line in lines
            .iter()
            .filter(|l| l.contains("（原始") || l.contains("(原始"))
        {
            rows += 1;
            let cell = from_col(line, group_x);
            assert!(
                cell.starts_with(['[', ' ']),
                "hands column off in {line:?}\n{screen}"
            );
            assert!(
                from_col(line, score_x)
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()),
                "score column off in {line:?}\n{screen}"
            );
        }
        assert!(rows >= 5, "{screen}");
    }
}

/// Every MOT row has `want` at the x where the score heading starts.
fn assert_score_column(screen: &str, lang: Language, want: &str) {
    let lines: Vec<&str> = screen.lines().collect();
    let heading = i18n::t_in(lang, "ui.vote.col_score");
    let head_i = lines
        .iter()
        .position(|l| l.contains(heading) && l.contains('#'))
        .expect("the list's heading");
    let x = col(lines[head_i], heading).expect("x");
    let mut rows = 0;
    for line in &lines[head_i + 1..] {
        let trimmed = line.trim_start_matches('│').trim_start_matches(['▶', ' ']);
        if !trimmed.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        rows += 1;
        assert!(
            from_col(line, x).trim_start().contains(want),
            "score column off in {line:?} (x {x}, {want})\n{screen}"
        );
    }
    assert!(rows >= 5, "{screen}");
}

#[test]
fn matrix_speaks_chinese_and_its_cells_line_up() {
    for lang in CHINESE {
        i18n::set(lang);
        for revealed in [false, true] {
            let mut session = example(lang);
            session.votes_revealed = revealed;
            let mut h = at(session, Stage::Matrix);
            let screen = h.screen(W, H);
            let legend = if revealed {
                "ui.matrix.by_score"
            } else {
                "ui.matrix.by_count"
            };
            assert_shows(
                &screen,
                lang,
                &["ui.matrix.heat", "ui.matrix.focus", legend],
                "matrix",
            );
            let lines: Vec<&str> = screen.lines().collect();
            // The quality names head five columns of equal width.
            let head = lines[1];
            let xs: Vec<usize> = Quality::ALL
                .iter()
                .map(|q| col(head, q.name()).expect("quality heading"))
                .collect();
            // Headings are centred over their cells: compare centres.
            let xs: Vec<usize> = xs
                .iter()
                .zip(Quality::ALL)
                .map(|(x, q)| x + unicode_width::UnicodeWidthStr::width(q.name()) / 2)
                .collect();
            let step = xs[1] - xs[0];
            assert!(
                xs.windows(2)
                    .all(|p| p[1].abs_diff(p[0]).abs_diff(step) <= 1),
                "{xs:?}\n{screen}"
            );
            // The row of each Chinese dimension label draws its cells in
            // those columns: a cell's text sits within its column.
            let unit = i18n::fill(i18n::t_in(lang, "ui.matrix.mots"), &[("n", &"")]);
            let unit = unit.trim();
            for d in Dimension::ALL {
                let row = lines
                    .iter()
                    .position(|l| l.contains(d.name()))
                    .expect("dimension row");
                assert!(col(lines[row], d.name()).expect("x") < xs[0]);
            }
            let mut cells = 0;
            for line in &lines[2..] {
                for (qi, x) in xs.iter().enumerate() {
                    let cell: String = from_col(line, x - (step - 1) / 2).chars().collect();
                    let cell_w = step - 1;
                    let cell = mot_cell(&cell, cell_w);
                    if cell.contains(unit) {
                        cells += 1;
                        assert!(
                            cell.trim().ends_with(unit),
                            "cell {qi} off in {line:?}: {cell:?}\n{screen}"
                        );
                    }
                }
            }
            assert!(cells >= 5, "{screen}");
            // The selected cell, then a move: its name and its count in words.
            let info = text(
                lang,
                "ui.matrix.cell",
                &[
                    ("dimension", &Dimension::ALL[0].name()),
                    ("quality", &Quality::ALL[0].name()),
                ],
            );
            assert!(screen.contains(&info), "{info}\n{screen}");
            h.key(KeyCode::Down).key(KeyCode::Down).key(KeyCode::Right);
            let screen = h.screen(W, H);
            assert!(!screen.contains("ui."), "{screen}");
        }
    }
}

/// The first `cols` columns of `s`.
fn mot_cell(s: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > cols {
            break;
        }
        out.push(c);
        used += w;
    }
    out
}

#[test]
fn an_empty_matrix_cell_says_so_in_chinese() {
    for lang in CHINESE {
        i18n::set(lang);
        let mut session = example(lang);
        session.mots.clear();
        let h = at(session, Stage::Matrix);
        let screen = h.screen(W, H);
        assert_shows(&screen, lang, &["ui.matrix.empty_cell"], "empty matrix");
    }
}

#[test]
fn help_speaks_chinese_on_every_stage() {
    for lang in CHINESE {
        i18n::set(lang);
        for stage in Stage::ALL {
            let mut h = at(example(lang), stage);
            h.press('?');
            let screen = h.screen(W, H);
            assert_shows(&screen, lang, &["ui.help.title"], "help");
            let closes = text(lang, "ui.help.closes", &[("help", &" ? "), ("esc", &"Esc")]);
            assert!(screen.contains(closes.trim()), "{closes}\n{screen}");
        }
    }
}

fn picker_app(lang: Language, dir: &std::path::Path) -> App {
    let entries = mot::store::list(dir).expect("list");
    let mut app = App::picker(dir.to_path_buf(), entries);
    app.look.language = lang;
    app
}

#[test]
fn the_picker_speaks_chinese_and_its_columns_line_up() {
    for lang in CHINESE {
        i18n::set(lang);
        let dir = tempfile::tempdir().expect("tempdir");
        mot::store::save(&dir.path().join("a.ron"), &example(lang)).expect("save");
        let mut other = example(lang);
        other.title = "Hotel front desk".into();
        mot::store::save(&dir.path().join("b.ron"), &other).expect("save");
        let mut wide = example(lang);
        wide.title = "一个很长很长的中文标题，比标题栏还要宽得多得多得多得多得多得多".into();
        mot::store::save(&dir.path().join("c.ron"), &wide).expect("save");
        let app = picker_app(lang, dir.path());
        let screen = render(&app, W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.picker.title",
                "ui.picker.sessions",
                "ui.picker.col_title",
                "ui.picker.col_changed",
                "ui.picker.col_mots",
                "ui.picker.just_now",
            ],
            "picker",
        );
        let lines: Vec<&str> = screen.lines().collect();
        let head = lines
            .iter()
            .find(|l| l.contains(i18n::t_in(lang, "ui.picker.col_changed")))
            .expect("heading");
        let age_x = col(head, i18n::t_in(lang, "ui.picker.col_changed")).expect("x");
        let mots_x = col(head, i18n::t_in(lang, "ui.picker.col_mots")).expect("x");
        let now = i18n::t_in(lang, "ui.picker.just_now");
        let rows: Vec<&&str> = lines.iter().filter(|l| l.contains(now)).collect();
        assert_eq!(rows.len(), 3, "{screen}");
        let count = example(lang).mots.len().to_string();
        for row in rows {
            assert_eq!(col(row, now), Some(age_x), "age column off\n{screen}");
            assert!(
                from_col(row, mots_x).starts_with(&count),
                "count column off in {row:?}\n{screen}"
            );
        }

        // The new session's title, asked in a box.
        let mut h = Harness::new(picker_app(lang, dir.path()));
        h.press('n');
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &[
                "ui.picker.new_title",
                "ui.picker.create",
                "ui.picker.cancel",
            ],
            "new session",
        );
    }
}

#[test]
fn an_empty_picker_says_how_to_start_in_chinese() {
    for lang in CHINESE {
        i18n::set(lang);
        let dir = tempfile::tempdir().expect("tempdir");
        let app = picker_app(lang, dir.path());
        let screen = render(&app, W, H);
        assert_shows(&screen, lang, &["ui.picker.empty"], "empty picker");
        let keys = text(
            lang,
            "ui.picker.empty_keys",
            &[("new", &"n"), ("quit", &"q")],
        );
        assert!(screen.contains(&keys), "{keys}\n{screen}");
    }
}

#[test]
fn ages_read_in_chinese() {
    use std::time::{Duration, SystemTime};
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let ago = |s| Some(now - Duration::from_secs(s));
    i18n::set(Language::SimplifiedChinese);
    assert_eq!(mot::ui::picker::age(ago(5), now), "刚刚");
    assert_eq!(mot::ui::picker::age(ago(600), now), "10 分钟前");
    assert_eq!(mot::ui::picker::age(ago(3 * 86_400), now), "3 天前");
    i18n::set(Language::TraditionalChinese);
    assert_eq!(mot::ui::picker::age(ago(7200), now), "2 小時前");
    i18n::set(Language::English);
    assert_eq!(mot::ui::picker::age(ago(600), now), "10 min ago");
}

fn with_offer(lang: Language, offer: Offer) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = picker_app(lang, dir.path());
    if let Screen::Picker(p) = &mut app.screen {
        p.offer = Some(offer);
    }
    render(&app, W, H)
}

#[test]
fn the_questions_before_opening_speak_chinese() {
    for lang in CHINESE {
        i18n::set(lang);
        let path = std::path::PathBuf::from("/tmp/海底捞-门店体验.ron");
        let screen = with_offer(
            lang,
            Offer::Locked {
                path: path.clone(),
                holder: "mot (process 42 on 会议室电脑)".into(),
                can_take_over: true,
            },
        );
        assert_shows(
            &screen,
            lang,
            &["ui.questions.in_use", "ui.questions.two_copies"],
            "locked",
        );
        assert!(screen.contains("会议室电脑"), "{screen}");

        let screen = with_offer(
            lang,
            Offer::Backup {
                path: path.clone(),
                problem: "第 3 行：缺少括号".into(),
                backup: "海底捞-门店体验.ron.bak1（5 分钟前）".into(),
            },
        );
        assert_shows(&screen, lang, &["ui.questions.unreadable"], "backup");
        // The long sentence wraps inside the box without losing a character.
        let open = text(
            lang,
            "ui.questions.open_backup",
            &[("file", &"海底捞-门店体验.ron")],
        );
        let inside: String = screen.lines().map(|l| l.trim_matches(['│', ' '])).collect();
        assert!(inside.contains(&open), "{open}\n{screen}");

        let screen = with_offer(
            lang,
            Offer::Recovery {
                path: path.clone(),
                recovery: "海底捞-门店体验.ron.recovery（刚刚）".into(),
                saved: Some("海底捞-门店体验.ron（10 分钟前）".into()),
                conflict: false,
            },
        );
        assert_shows(
            &screen,
            lang,
            &["ui.questions.recover", "ui.questions.open_recovered"],
            "recovery",
        );
    }
}

#[test]
fn the_question_before_quitting_unsaved_speaks_chinese_and_its_field_fits() {
    for lang in CHINESE {
        i18n::set(lang);
        let mut h = Harness::with_session(example(lang));
        if let Screen::Workshop(w) = &mut h.app.screen {
            w.quit_prompt = Some(QuitPrompt {
                reason: "磁盘已满，无法写入文件夹 /media/u盘/工作坊".into(),
                elsewhere: None,
                suggestion: "/home/王小明/session.ron".into(),
            });
        }
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &["ui.questions.quit_unsaved", "ui.questions.in_memory"],
            "quit",
        );

        if let Screen::Workshop(w) = &mut h.app.screen
            && let Some(q) = &mut w.quit_prompt
        {
            q.elsewhere = Some(TextField::new("/home/王小明/session.ron"));
        }
        let screen = h.screen(W, H);
        assert_shows(
            &screen,
            lang,
            &["ui.questions.write_elsewhere"],
            "elsewhere",
        );
        // The field's box starts right under the question, wrapped or not.
        let lines: Vec<&str> = screen.lines().collect();
        let ask = lines
            .iter()
            .position(|l| l.contains(i18n::t_in(lang, "ui.questions.write_elsewhere")))
            .expect("the question");
        assert!(lines[ask + 1].contains('┌'), "{screen}");
        assert!(
            lines[ask + 2].contains("/home/王小明/session.ron"),
            "{screen}"
        );
        assert_eq!(cursor(&h).1 as usize, ask + 2, "{screen}");
    }
}

#[test]
fn every_stage_draws_in_chinese_at_any_size() {
    for lang in CHINESE {
        i18n::set(lang);
        for stage in Stage::ALL {
            let mut h = at(example(lang), stage);
            for (w, ht) in [(60, 18), (61, 19), (80, 18), (200, 24), (300, 100)] {
                let screen = h.screen(w, ht);
                assert!(!screen.contains("ui."), "{stage:?} {w}x{ht}\n{screen}");
                for line in screen.lines() {
                    assert!(line.width() <= usize::from(w), "{w}x{ht}: {line}");
                }
            }
            if stage == Stage::Vote {
                h.press('m');
                for (w, ht) in [(60, 18), (200, 24)] {
                    h.screen(w, ht);
                }
            }
            h.press('?');
            for (w, ht) in [(60, 18), (80, 24), (300, 100)] {
                let screen = h.screen(w, ht);
                assert!(
                    screen.contains(i18n::t_in(lang, "ui.help.title")),
                    "{w}x{ht}\n{screen}"
                );
            }
        }
    }
}
