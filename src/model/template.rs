//! A session started from another one's setup: the same brand, rules and
//! people, none of the room's work.

use super::drill::cards::CardOrigin;
use super::drill::plan::Drill;
use super::session::{FORMAT_VERSION, Session, clean_line};
use super::stage::Stage;

impl Session {
    /// A new session with this title and `template`'s setup (brand, core
    /// message, target user, focus, groups and weights, participants in
    /// their groups, dot budget and cap, what the score counts, timeboxes,
    /// circles' thresholds,
    /// language, theme, the drill's prepared cards and settings), and none
    /// of its MOTs, dots, hands or drill work; it starts at
    /// Setup with the votes hidden.
    pub fn from_template(template: &Session, title: &str) -> Session {
        // Named field by field, without `..`: a field added to `Session`
        // does not compile here until someone decides whether it is setup.
        let Session {
            version: _,
            title: _,
            stage: _,
            language,
            theme,
            timeboxes,
            brand,
            core_message,
            target_user,
            focus,
            dot_budget,
            max_dots_per_mot,
            counting,
            votes_revealed: _,
            show_authors,
            circles,
            groups,
            participants,
            mots: _,
            dots: _,
            drill,
            not_duplicates: _,
        } = template;
        Session {
            version: FORMAT_VERSION,
            title: clean_line(title),
            stage: Stage::Setup,
            language: *language,
            theme: *theme,
            timeboxes: timeboxes.clone(),
            brand: brand.clone(),
            core_message: core_message.clone(),
            target_user: target_user.clone(),
            focus: *focus,
            dot_budget: *dot_budget,
            max_dots_per_mot: *max_dots_per_mot,
            counting: *counting,
            // A new room votes blind until the facilitator reveals.
            votes_revealed: false,
            // Whether the room sees who sent what is the facilitator's
            // setting, as the drill's anonymous debrief is.
            show_authors: *show_authors,
            circles: *circles,
            groups: groups.clone(),
            participants: participants.clone(),
            mots: Vec::new(),
            dots: Vec::new(),
            drill: prepared(drill),
            // Pairs of this room's MOTs, which the new room does not have.
            not_duplicates: Vec::new(),
        }
    }
}

/// The drill as a new room starts it: the phase lengths, the anonymous
/// setting and the cards the trainer prepared (the library's and their
/// own); not this room's trios, round, sheets or cards of its MOTs.
fn prepared(drill: &Drill) -> Drill {
    // Field by field, as above: a field added to `Drill` needs a decision.
    let Drill {
        deck,
        trios: _,
        round: _,
        formed_at: _,
        phases,
        sheets: _,
        anonymous,
    } = drill;
    Drill {
        deck: deck
            .iter()
            .filter(|c| !matches!(c.card.origin, CardOrigin::FromMot(_)))
            .cloned()
            .collect(),
        trios: Vec::new(),
        round: 0,
        formed_at: 0,
        phases: *phases,
        sheets: Vec::new(),
        anonymous: *anonymous,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::drill::cards::Card;
    use crate::model::{
        Counting, Dimension, Dots, Golden, Hands, Language, MotText, Motx, Quality, Theme,
        Thresholds,
    };

    /// A session where every field differs from what `Session::new` gives.
    fn everything_set() -> Session {
        let mut s = Session::new("2025 spring: hotel");
        s.stage = Stage::Choose;
        s.language = Some(Language::TraditionalChinese);
        s.theme = Some(Theme::HighContrast);
        s.set_timebox(Stage::Write, 25);
        s.set_timebox(Stage::Vote, 7);
        s.brand = "華航".into();
        s.core_message = "華航不一樣".into();
        s.target_user = "商務艙旅客".into();
        s.focus = Some(Dimension::Repurchase);
        s.dot_budget = 5;
        s.max_dots_per_mot = 3;
        s.counting = Counting::Hands;
        s.votes_revealed = true;
        s.circles = Thresholds {
            important_percent: 70,
            we_do_well: 3,
            competitors_poor: 5,
        };
        s.set_weight(2, 4).expect("group 2");
        let vip = s.add_group("VIP");
        s.set_weight(vip, 9).expect("the new group");
        let ann = s.add_participant("Ann", vip).expect("VIP");
        s.add_participant("Bo", 2).expect("group 2");
        let mot = s.add_mot(MotText {
            who: "旅客".into(),
            situation: "登機".into(),
            feeling: "安心".into(),
        });
        s.set_dimension(mot, Some(Dimension::Entry)).expect("mot");
        s.toggle_quality(mot, Quality::Empathy).expect("mot");
        let m = Arc::make_mut(&mut s.mots[0]);
        m.hands.push(Hands { group: 1, count: 4 });
        m.golden = Some(Golden::Peak);
        m.carries_message = true;
        m.we_do_well = Some(4);
        m.competitors_poor = Some(2);
        m.chosen = true;
        m.motx = Motx {
            company_does: "鋪床".into(),
            customer_next: "推薦".into(),
        };
        s.dots.push(Dots {
            participant: ann,
            mot,
            count: 2,
        });
        let library = crate::model::drill::cards::library(Language::TraditionalChinese);
        s.drill.add_card(library[0].clone());
        s.drill.add_card(Card::from_mot(&s.mots[0]));
        s.drill.form_trios(&[ann, 2]).expect("a pair");
        s.drill.round = 1;
        s.drill.phases.play = 420;
        s.drill.anonymous = true;
        s.drill.sheet_mut(1, 2).scores = [Some(4); 5];
        assert!(s.validate().is_ok());
        s
    }

    #[test]
    fn the_setup_comes_over_and_the_work_does_not() {
        let template = everything_set();
        let s = Session::from_template(&template, " 2025 autumn\n");
        assert_eq!(s.title, "2025 autumn", "a title as typed, cleaned");
        assert_eq!(s.version, FORMAT_VERSION);
        assert_eq!(s.stage, Stage::Setup, "the new room starts at Setup");
        assert!(!s.votes_revealed, "a new room votes blind");
        assert!(s.mots.is_empty());
        assert!(s.dots.is_empty());
        assert_eq!(s.language, Some(Language::TraditionalChinese));
        assert_eq!(s.theme, Some(Theme::HighContrast));
        assert_eq!(s.timebox(Stage::Write), 25);
        assert_eq!(s.timebox(Stage::Vote), 7);
        assert_eq!(s.timeboxes, template.timeboxes);
        assert_eq!(s.brand, "華航");
        assert_eq!(s.core_message, "華航不一樣");
        assert_eq!(s.target_user, "商務艙旅客");
        assert_eq!(s.focus, Some(Dimension::Repurchase));
        assert_eq!(s.dot_budget, 5);
        assert_eq!(s.max_dots_per_mot, 3);
        assert_eq!(s.circles, template.circles);
        assert_eq!(s.groups, template.groups, "names, descriptions, weights");
        assert_eq!(s.participants, template.participants, "each in their group");
        // The drill's prepared card and settings, not this room's work.
        assert_eq!(s.drill.deck, template.drill.deck[..1]);
        assert_eq!(s.drill.phases.play, 420);
        assert!(s.drill.anonymous);
        assert!(s.drill.trios.is_empty() && s.drill.sheets.is_empty());
        assert_eq!(s.drill.round, 0);
        assert!(s.validate().is_ok());
    }

    #[test]
    fn only_the_work_and_its_place_differ_from_the_template() {
        // Every field but the work is compared by putting the work back:
        // a setup field left behind by `from_template` shows up here.
        let template = everything_set();
        let mut s = Session::from_template(&template, &template.title);
        s.stage = template.stage;
        s.votes_revealed = template.votes_revealed;
        s.mots = template.mots.clone();
        s.dots = template.dots.clone();
        assert_ne!(s.drill, template.drill);
        s.drill = template.drill.clone();
        assert_eq!(s, template);
    }

    #[test]
    fn the_template_is_left_as_it_was() {
        let template = everything_set();
        let before = template.clone();
        let mut s = Session::from_template(&template, "copy");
        s.add_mot(MotText::default());
        s.set_weight(1, 1).expect("group 1");
        s.rename_participant(1, "Zoe").expect("Ann");
        assert_eq!(template, before);
    }
}
