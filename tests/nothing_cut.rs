//! Nothing is cut at 80 columns in any of the three languages: every label
//! a screen draws from the catalogs is whole (read across wrapped rows), and
//! the example's MOT text is whole or ends in "…".

mod common;

use common::whole::{cuts, inside_boxes, silently_cut, squash};

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
