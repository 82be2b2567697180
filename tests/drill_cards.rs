//! Drill's scenario cards: the built-in library is whole in every language,
//! a card made from a MOT takes what the MOT gives and marks the rest to
//! write, and a card's text is kept as every text of a session is.

use std::sync::Arc;

use mot::i18n::{self, Language};
use mot::model::drill::BehaviourStep;
use mot::model::drill::cards::{
    Card, CardOrigin, CardPart, Guide, generic_guide, library, library_source, parse_library,
};
use mot::model::limits::MAX_TEXT_CHARS;
use mot::model::{MotText, Motx, Session};
use unicode_width::UnicodeWidthStr;

/// Columns a library card's title may take in a list at 80 columns.
const TITLE_COLUMNS: usize = 40;

fn keys(lang: Language) -> Vec<String> {
    library(lang)
        .into_iter()
        .map(|c| match c.origin {
            CardOrigin::Library(key) => key,
            other => panic!("{lang:?}: a library card from {other:?}"),
        })
        .collect()
}

#[test]
fn every_library_file_reads_without_a_bad_line() {
    for lang in Language::ALL {
        let parsed = parse_library(library_source(lang))
            .unwrap_or_else(|e| panic!("assets/drill/cards.{}.txt: {e}", lang.code()));
        assert_eq!(parsed.cards, library(lang), "{lang:?}");
    }
}

#[test]
fn every_built_in_card_is_complete_in_every_language() {
    for lang in Language::ALL {
        let cards = library(lang);
        assert!(cards.len() >= 4, "{lang:?} has {} cards", cards.len());
        for card in &cards {
            assert!(
                !card.title.is_empty(),
                "{lang:?} {:?} has no title",
                card.origin
            );
            assert_eq!(card.missing(), vec![], "{lang:?} {}", card.title);
            assert!(card.is_complete(), "{lang:?} {}", card.title);
        }
        let generic = generic_guide(lang);
        for step in BehaviourStep::ALL {
            assert!(!generic.get(step).is_empty(), "{lang:?} generic {step:?}");
        }
    }
}

#[test]
fn the_three_languages_have_the_same_cards_in_the_same_order() {
    let english = keys(Language::English);
    for key in ["angry", "key_account", "iceberg", "first_impression"] {
        assert!(
            english.iter().any(|k| k == key),
            "no {key} card: {english:?}"
        );
    }
    for lang in [Language::SimplifiedChinese, Language::TraditionalChinese] {
        assert_eq!(keys(lang), english, "{lang:?}");
    }
}

#[test]
fn no_library_text_is_over_the_limits() {
    for lang in Language::ALL {
        for card in library(lang) {
            let texts = std::iter::once(card.title.as_str())
                .chain(CardPart::ALL.into_iter().map(|p| card.get(p)));
            for text in texts {
                assert!(text.chars().count() <= MAX_TEXT_CHARS, "{lang:?} {text}");
                assert!(!text.contains(char::is_control), "{lang:?} {text}");
                assert_eq!(text, text.trim(), "{lang:?}");
            }
            assert!(
                card.title.width() <= TITLE_COLUMNS,
                "{lang:?} title {} is {} columns",
                card.title,
                card.title.width()
            );
        }
    }
}

#[test]
fn the_chinese_cards_are_written_in_chinese_and_in_their_own_script() {
    let has_han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    // Characters written differently in the two scripts.
    let simplified_only = "们这时说对门问题总经让从会过还给价钱银货礼饼采购谁东为";
    let traditional_only = "們這時說對門問題總經讓從會過還給價錢銀貨禮餅採購誰東為";
    for (lang, foreign) in [
        (Language::SimplifiedChinese, traditional_only),
        (Language::TraditionalChinese, simplified_only),
    ] {
        let mut texts: Vec<String> = Vec::new();
        for card in library(lang) {
            texts.push(card.title.clone());
            texts.extend(CardPart::ALL.into_iter().map(|p| card.get(p).to_string()));
        }
        let generic = generic_guide(lang);
        texts.extend(BehaviourStep::ALL.map(|s| generic.get(s).to_string()));
        for text in texts {
            assert!(has_han(&text), "{lang:?} left untranslated: {text}");
            if let Some(c) = text.chars().find(|c| foreign.contains(*c)) {
                panic!("{lang:?} has {c} of the other script: {text}");
            }
        }
    }
}

fn session_with_mot(who: &str, motx: Motx) -> Session {
    let mut s = Session::new("Drill");
    s.add_mot(MotText {
        who: who.into(),
        situation: "Preparing to sleep in business class, the crew made up the bed".into(),
        feeling: "This airline is different".into(),
    });
    Arc::make_mut(&mut s.mots[0]).motx = motx;
    s
}

#[test]
fn a_card_from_a_mot_takes_who_scene_feeling_and_goal_and_leaves_the_rest_to_write() {
    i18n::set(Language::English);
    let s = session_with_mot(
        "A Chinese traveller living on the US West Coast",
        Motx {
            company_does: "The crew make up the bed before being asked".into(),
            customer_next: "tell friends about the flight".into(),
        },
    );
    let mot = &s.mots[0];
    let card = Card::from_mot(mot);
    assert_eq!(card.who, mot.who);
    assert_eq!(card.scene, mot.situation);
    assert_eq!(card.feeling, mot.feeling);
    assert_eq!(
        card.goal,
        "The crew make up the bed before being asked; then lead the customer to: \
         tell friends about the flight"
    );
    assert_eq!(
        card.missing(),
        vec![CardPart::Opening, CardPart::Need, CardPart::Objection]
    );
    assert!(!card.is_complete());
    assert_eq!(card.origin, CardOrigin::FromMot(mot.id));
    assert_eq!(
        card.title,
        format!("MOT {}: A Chinese traveller living on…", mot.id)
    );
    // The observer's guide starts from the generic one, for the trainer to sharpen.
    assert_eq!(card.guide, generic_guide(Language::English));
}

#[test]
fn a_card_from_a_mot_speaks_the_language_on_show() {
    let s = session_with_mot(
        "王总，一家月饼厂的总经理",
        Motx {
            company_does: "主动上门说明补救方案".into(),
            customer_next: "续签明年的订单".into(),
        },
    );
    i18n::set(Language::SimplifiedChinese);
    let card = Card::from_mot(&s.mots[0]);
    assert_eq!(
        card.goal,
        "主动上门说明补救方案；并引导客户：续签明年的订单"
    );
    assert_eq!(card.title, "MOT 1：王总，一家月饼厂的总经理");
    assert_eq!(card.guide, generic_guide(Language::SimplifiedChinese));
    i18n::set(Language::English);
}

#[test]
fn a_mot_without_a_motx_gives_a_card_whose_goal_is_still_to_write() {
    i18n::set(Language::English);
    let s = session_with_mot("", Motx::default());
    let card = Card::from_mot(&s.mots[0]);
    assert_eq!(card.goal, "");
    assert_eq!(card.who, "");
    assert_eq!(
        card.missing(),
        vec![
            CardPart::Who,
            CardPart::Opening,
            CardPart::Need,
            CardPart::Objection,
            CardPart::Goal
        ]
    );
    assert_eq!(card.title, "MOT 1");
}

#[test]
fn set_keeps_one_clean_line_within_the_text_limit() {
    let mut card = Card::default();
    card.set(CardPart::Opening, "  \"Where is\nmy\tmoney?\"\r\n ");
    assert_eq!(card.opening, "\"Where is my money?\"");
    card.set(CardPart::Guide(BehaviourStep::Solve), "你好\u{7}世界");
    assert_eq!(card.get(CardPart::Guide(BehaviourStep::Solve)), "你好 世界");
    assert_eq!(card.guide.solve, "你好 世界");
    card.set(CardPart::Scene, &"场".repeat(MAX_TEXT_CHARS + 50));
    assert_eq!(card.scene.chars().count(), MAX_TEXT_CHARS);
    card.set_title(" Angry\ncustomer ");
    assert_eq!(card.title, "Angry customer");
    assert!(!card.missing().contains(&CardPart::Opening));
    card.set(CardPart::Opening, " \n ");
    assert!(card.missing().contains(&CardPart::Opening));
}

#[test]
fn every_part_has_a_name_in_every_language() {
    for lang in Language::ALL {
        i18n::set(lang);
        let names: Vec<String> = CardPart::ALL.into_iter().map(CardPart::name).collect();
        for name in &names {
            assert!(
                !name.is_empty() && !name.contains("model.") && !name.contains('{'),
                "{lang:?}: {name}"
            );
        }
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len(), "{lang:?}: {names:?}");
    }
    i18n::set(Language::TraditionalChinese);
    assert_eq!(
        CardPart::Guide(BehaviourStep::FollowUp).name(),
        "做得好的樣子：完善跟進"
    );
    i18n::set(Language::English);
}

#[test]
fn a_card_survives_a_round_trip_through_ron() {
    let s = session_with_mot("Ann", Motx::default());
    let mut cards = library(Language::TraditionalChinese);
    cards.push(Card::from_mot(&s.mots[0]));
    let mut written = Card::default();
    written.set(CardPart::Who, "a walk-in customer");
    cards.push(written);
    for card in cards {
        let text = ron::to_string(&card).expect("writes");
        let back: Card = ron::from_str(&text).expect("reads");
        assert_eq!(back, card, "{text}");
    }
}

#[test]
fn a_hand_written_card_needs_only_what_it_says() {
    let card: Card = ron::from_str("(who: \"Ann\", guide: (solve: \"fix it\"))").expect("reads");
    assert_eq!(card.who, "Ann");
    assert_eq!(card.guide.solve, "fix it");
    assert_eq!(card.origin, CardOrigin::Written);
    assert_eq!(ron::to_string(&Card::default()).expect("writes"), "()");
    assert_eq!(
        ron::to_string(&Card {
            origin: CardOrigin::Library("angry".into()),
            ..Card::default()
        })
        .expect("writes"),
        "(origin:Library(\"angry\"))"
    );
    assert!(
        ron::from_str::<Card>("(whom: \"Ann\")").is_err(),
        "unknown field"
    );
    assert!(
        ron::from_str::<Guide>("(greet: \"hi\")").is_err(),
        "unknown step"
    );
}
