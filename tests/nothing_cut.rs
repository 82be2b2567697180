//! Nothing is cut at 80 columns in any of the three languages: every label
//! a screen draws from the catalogs is whole (read across wrapped rows), and
//! the example's MOT text is whole or ends in "…".

mod common;

use mot::app::App;
use mot::i18n::{self, Language};
use mot::model::Session;
use mot::store;

fn example(lang: Language) -> Session {
    let name = match lang {
        Language::English => "hotel-front-desk.ron",
        _ => "海底捞-门店体验.ron",
    };
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sessions")
        .join(name);
    let mut s = store::load(&path).expect("the example loads");
    s.language = Some(lang);
    s
}

/// The text with spaces, line ends and box-drawing taken out: a label
/// wrapped over rows, or padded, reads as one.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !('\u{2500}'..='\u{257f}').contains(c))
        .collect()
}

/// The pieces of a catalog text a screen draws as written: the text between
/// its `{placeholders}`, line by line, those long enough to tell apart.
fn pieces(template: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in template.lines() {
        let mut rest = line;
        loop {
            let (piece, next) = match rest.find('{') {
                Some(open) => {
                    let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
                    (&rest[..open], &rest[close..])
                }
                None => (rest, ""),
            };
            let piece = squash(piece);
            if piece.chars().count() >= 3 {
                out.push(piece);
            }
            if next.is_empty() {
                break;
            }
            rest = next;
        }
    }
    out
}

/// A piece drawn in part only: most of its start is on the screen and
/// stops there, at a "…", a border or the end of a row; the whole is not
/// anywhere. Pieces not drawn at all (looked up to measure a column) pass.
fn cut_piece(flat: &str, rows: &str, piece: &str) -> bool {
    if flat.contains(piece) {
        return false;
    }
    // Two thirds of it: enough not to take another label's start for it.
    let n = piece.chars().count();
    let most: String = piece.chars().take((n * 2).div_ceil(3).max(3)).collect();
    rows.match_indices(&most).any(|(at, m)| {
        let after = &rows[at + m.len()..];
        let rest: String = piece.chars().skip(most.chars().count()).collect();
        !after.starts_with(&rest)
            && (after.is_empty() || after.starts_with(['\n', '|', '…']) || {
                // Or stops where the row does, after a shorter part of it.
                let line_end = after.find(['\n', '|']).unwrap_or(after.len());
                let shown = &after[..line_end];
                rest.starts_with(shown.trim_end_matches('…'))
            })
    })
}

/// The screen row by row with spaces taken out and borders as `|`: where a
/// text stops on its row shows.
fn rows_of(screen: &str) -> String {
    screen
        .lines()
        .map(|l| {
            l.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| {
                    if ('\u{2500}'..='\u{257f}').contains(&c) {
                        '|'
                    } else {
                        c
                    }
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each row's text between its first and last `│`, rows without one left out.
fn inside_boxes(screen: &str) -> String {
    screen
        .lines()
        .filter_map(|l| {
            let first = l.find('│')?;
            let last = l.rfind('│')?;
            (last > first).then(|| &l[first..last])
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn cuts(lang: Language, name: &str, app: &App, width: u16, height: u16) -> Vec<String> {
    let (screen, keys) = i18n::recording(|| common::render(app, width, height));
    // Read as a whole, and read inside the outermost box of each row: a
    // popup's rows join without the screen behind it.
    let flat = format!("{}\n{}", squash(&screen), squash(&inside_boxes(&screen)));
    let rows = rows_of(&screen);
    let mut out = Vec::new();
    for key in keys {
        for piece in pieces(i18n::t_in(lang, &key)) {
            if cut_piece(&flat, &rows, &piece) {
                out.push(format!(
                    "{}/{name} {width}x{height}: {key} cut: {piece}\n{screen}",
                    lang.code()
                ));
            }
        }
    }
    out
}

#[test]
fn every_label_on_every_screen_is_whole_at_80x24_in_three_languages() {
    let mut all = Vec::new();
    for lang in Language::ALL {
        i18n::set(lang);
        for (name, app) in common::screens::every(lang, || example(lang)) {
            all.extend(cuts(lang, &name, &app, 80, 24));
        }
    }
    i18n::set(Language::English);
    all.dedup();
    assert!(all.is_empty(), "{} cut:\n{}", all.len(), all.join("\n"));
}

/// Where the text `part` is drawn, from its start: wherever the screen
/// stops following it before its end, an "…" says so.
fn silently_cut(flat: &str, part: &str) -> bool {
    let part: Vec<char> = squash(part).chars().collect();
    if part.len() < 6 {
        return false;
    }
    // Long enough to tell one MOT from another ("A guest …" starts many).
    let start: String = part[..part.len().min(16)].iter().collect();
    flat.match_indices(&start).any(|(at, _)| {
        let shown = flat[at..].chars();
        for (i, c) in shown.enumerate() {
            if i == part.len() {
                return false;
            }
            if c != part[i] {
                return c != '…';
            }
        }
        // The screen ends before the text does.
        true
    })
}

#[test]
fn example_mot_text_is_whole_or_ends_in_an_ellipsis() {
    let mut bad = Vec::new();
    for lang in Language::ALL {
        i18n::set(lang);
        let session = example(lang);
        for (name, app) in common::screens::every(lang, || example(lang)) {
            let screen = common::render(&app, 80, 24);
            let flat = squash(&screen);
            // A popup hides what is behind it; read inside it, its text is whole.
            let inside = squash(&inside_boxes(&screen));
            for m in &session.mots {
                for part in [&m.who, &m.situation, &m.feeling] {
                    if silently_cut(&flat, part) && !inside.contains(&squash(part)) {
                        bad.push(format!(
                            "{}/{name}: MOT {}: {part}\n{screen}",
                            lang.code(),
                            m.id
                        ));
                    }
                }
            }
        }
    }
    i18n::set(Language::English);
    assert!(bad.is_empty(), "{} cut:\n{}", bad.len(), bad.join("\n"));
}

/// Whether `name` reads on the screen only across rows: split, not whole.
fn split(screen: &str, name: &str) -> bool {
    squash(screen).contains(&squash(name)) && !screen.lines().any(|l| l.contains(name))
}

#[test]
fn show_of_hands_never_breaks_a_chinese_group_name() {
    for lang in [Language::SimplifiedChinese, Language::TraditionalChinese] {
        i18n::set(lang);
        let mut s = example(lang);
        s.stage = mot::app::Stage::Vote;
        // Long names, as a facilitator types them in the room.
        for name in ["每周都来的公司团建客户", "只在外卖平台点过的顾客"] {
            s.add_group(name);
        }
        let mut app = App::workshop(s, "session.ron".into());
        if let mot::app::Screen::Workshop(w) = &mut app.screen {
            w.vote.mode = mot::app::VoteMode::Hands;
        }
        let groups = app.workshop_ref().expect("workshop").session.groups.clone();
        assert!(groups.iter().any(|g| g.name.chars().count() > 4));
        for (width, height) in [(80, 24), (100, 30), (160, 45)] {
            let screen = common::render(&app, width, height);
            for g in &groups {
                // A group in view is whole on one row: as the heading, or
                // spelled out by its letter.
                assert!(
                    !split(&screen, &g.name),
                    "{} {width}x{height}: {} is not whole on a row:\n{screen}",
                    lang.code(),
                    g.name
                );
            }
        }
    }
    i18n::set(Language::English);
}

#[test]
fn choose_never_splits_a_group_name_in_its_detail() {
    for lang in Language::ALL {
        i18n::set(lang);
        let mut s = example(lang);
        s.stage = mot::app::Stage::Choose;
        s.votes_revealed = true;
        let groups: Vec<String> = s.groups.iter().map(|g| g.name.clone()).collect();
        let app = App::workshop(s, "session.ron".into());
        for (width, height) in [(80, 24), (100, 30)] {
            let screen = common::render(&app, width, height);
            let detail: Vec<&str> = screen
                .lines()
                .skip_while(|l| !l.contains(" MOT "))
                .collect();
            for name in &groups {
                // A group named in the detail is named whole on one row.
                assert!(
                    !split(&detail.join("\n"), name),
                    "{} {width}x{height}: {name} split:\n{screen}",
                    lang.code()
                );
            }
        }
    }
    i18n::set(Language::English);
}
