//! Scenario cards: what each of the three players reads before a round.
//! The customer's brief, the staff member's brief, the feeling the customer
//! must leave with, and the observer's guide to the five steps. Cards come
//! from the built-in library (`assets/drill/cards.*.txt`), from a chosen
//! MOT, or from the trainer's keyboard.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::BehaviourStep;
use crate::i18n::{self, Language};
use crate::model::choose::Motx;
use crate::model::limits::MAX_TEXT_CHARS;
use crate::model::session::{Mot, MotId, clean_line};
use crate::tr;

/// A role-play scenario: one brief per player and what the customer must
/// leave with. Every text is one line; an empty one is still to write.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// The card's name, as the trainer picks it from a list.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Customer's brief: who you are.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// Customer's brief: what you say first.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub opening: String,
    /// Customer's brief: the need behind what you ask (the iceberg).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub need: String,
    /// Customer's brief: one objection to raise.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub objection: String,
    /// Staff member's brief: the scene.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub scene: String,
    /// Staff member's brief: the goal.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub goal: String,
    /// What the customer must leave with, as the observer judges it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub feeling: String,
    /// Observer's guide: what good looks like at each of the five steps.
    #[serde(default, skip_serializing_if = "Guide::is_empty")]
    pub guide: Guide,
    /// Where the card came from.
    #[serde(default, skip_serializing_if = "CardOrigin::is_written")]
    pub origin: CardOrigin,
}

/// The observer's guide: one line per step of the service behaviour model.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Guide {
    /// What good looks like when setting the atmosphere.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub atmosphere: String,
    /// What good looks like when analysing the need.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub analyse: String,
    /// What good looks like when solving the problem.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub solve: String,
    /// What good looks like when summarising.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summarise: String,
    /// What good looks like when following up.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub follow_up: String,
}

/// Where a card came from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CardOrigin {
    /// The built-in library, by the card's key (the same in every language).
    Library(String),
    /// Made from this MOT of the session.
    FromMot(MotId),
    /// Typed by the trainer.
    #[default]
    Written,
}

/// A part of a card the trainer writes (the title aside).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CardPart {
    /// Customer's brief: who you are.
    Who,
    /// Customer's brief: what you say first.
    Opening,
    /// Customer's brief: the need behind it.
    Need,
    /// Customer's brief: one objection to raise.
    Objection,
    /// Staff member's brief: the scene.
    Scene,
    /// Staff member's brief: the goal.
    Goal,
    /// The feeling the customer must leave with.
    Feeling,
    /// Observer's guide at one step.
    Guide(BehaviourStep),
}

impl Guide {
    /// The line for `step`.
    pub fn get(&self, step: BehaviourStep) -> &str {
        match step {
            BehaviourStep::Atmosphere => &self.atmosphere,
            BehaviourStep::Analyse => &self.analyse,
            BehaviourStep::Solve => &self.solve,
            BehaviourStep::Summarise => &self.summarise,
            BehaviourStep::FollowUp => &self.follow_up,
        }
    }

    fn slot(&mut self, step: BehaviourStep) -> &mut String {
        match step {
            BehaviourStep::Atmosphere => &mut self.atmosphere,
            BehaviourStep::Analyse => &mut self.analyse,
            BehaviourStep::Solve => &mut self.solve,
            BehaviourStep::Summarise => &mut self.summarise,
            BehaviourStep::FollowUp => &mut self.follow_up,
        }
    }

    /// Whether no step has a line yet.
    pub fn is_empty(&self) -> bool {
        BehaviourStep::ALL.iter().all(|s| self.get(*s).is_empty())
    }
}

impl CardOrigin {
    /// Whether the trainer typed the card (the default, not written to files).
    pub fn is_written(&self) -> bool {
        matches!(self, CardOrigin::Written)
    }
}

impl CardPart {
    /// Every part, in the order a card reads: the customer's brief, the
    /// staff member's, the feeling, then the guide step by step.
    pub const ALL: [CardPart; 12] = [
        CardPart::Who,
        CardPart::Opening,
        CardPart::Need,
        CardPart::Objection,
        CardPart::Scene,
        CardPart::Goal,
        CardPart::Feeling,
        CardPart::Guide(BehaviourStep::Atmosphere),
        CardPart::Guide(BehaviourStep::Analyse),
        CardPart::Guide(BehaviourStep::Solve),
        CardPart::Guide(BehaviourStep::Summarise),
        CardPart::Guide(BehaviourStep::FollowUp),
    ];

    /// Name shown in the interface, in the language on show.
    pub fn name(self) -> String {
        match self {
            CardPart::Who => tr!("model.drill.part.who").to_string(),
            CardPart::Opening => tr!("model.drill.part.opening").to_string(),
            CardPart::Need => tr!("model.drill.part.need").to_string(),
            CardPart::Objection => tr!("model.drill.part.objection").to_string(),
            CardPart::Scene => tr!("model.drill.part.scene").to_string(),
            CardPart::Goal => tr!("model.drill.part.goal").to_string(),
            CardPart::Feeling => tr!("model.drill.part.feeling").to_string(),
            CardPart::Guide(step) => tr!("model.drill.part.guide", step = step.name()),
        }
    }

    /// The part's name in the library files (`who`, `guide.follow_up`).
    pub fn key(self) -> &'static str {
        match self {
            CardPart::Who => "who",
            CardPart::Opening => "opening",
            CardPart::Need => "need",
            CardPart::Objection => "objection",
            CardPart::Scene => "scene",
            CardPart::Goal => "goal",
            CardPart::Feeling => "feeling",
            CardPart::Guide(BehaviourStep::Atmosphere) => "guide.atmosphere",
            CardPart::Guide(BehaviourStep::Analyse) => "guide.analyse",
            CardPart::Guide(BehaviourStep::Solve) => "guide.solve",
            CardPart::Guide(BehaviourStep::Summarise) => "guide.summarise",
            CardPart::Guide(BehaviourStep::FollowUp) => "guide.follow_up",
        }
    }
}

/// Columns of a MOT's *who* kept in the title of a card made from it: the
/// title sits in lists beside other columns at 80 columns.
pub const TITLE_WHO_COLUMNS: usize = 32;

impl Card {
    /// The text of `part`.
    pub fn get(&self, part: CardPart) -> &str {
        match part {
            CardPart::Who => &self.who,
            CardPart::Opening => &self.opening,
            CardPart::Need => &self.need,
            CardPart::Objection => &self.objection,
            CardPart::Scene => &self.scene,
            CardPart::Goal => &self.goal,
            CardPart::Feeling => &self.feeling,
            CardPart::Guide(step) => self.guide.get(step),
        }
    }

    /// Sets `part` to `text` as one line of at most
    /// [`MAX_TEXT_CHARS`] characters, as every text of a session is kept.
    pub fn set(&mut self, part: CardPart, text: &str) {
        let slot = match part {
            CardPart::Who => &mut self.who,
            CardPart::Opening => &mut self.opening,
            CardPart::Need => &mut self.need,
            CardPart::Objection => &mut self.objection,
            CardPart::Scene => &mut self.scene,
            CardPart::Goal => &mut self.goal,
            CardPart::Feeling => &mut self.feeling,
            CardPart::Guide(step) => self.guide.slot(step),
        };
        *slot = clean_line(text);
    }

    /// Sets the title, cleaned and bounded as the parts are.
    pub fn set_title(&mut self, text: &str) {
        self.title = clean_line(text);
    }

    /// The parts still to write, in the order the card reads.
    pub fn missing(&self) -> Vec<CardPart> {
        CardPart::ALL
            .into_iter()
            .filter(|p| self.get(*p).trim().is_empty())
            .collect()
    }

    /// Whether every part is written.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// A card for practising a MOT: the customer is its *who*, the staff
    /// member's scene its situation and goal its MOTX, and the customer
    /// must leave with its feeling. What a MOT cannot say (the opening
    /// line, the need behind it, the objection) is left to write. The
    /// observer's guide starts from the library's generic guide in the
    /// language on show: what good looks like at each step holds for any
    /// scene, so a round can start at once, and the trainer sharpens it.
    pub fn from_mot(mot: &Mot) -> Card {
        let who = clean_line(&mot.who);
        Card {
            title: title_from_mot(mot.id, &who),
            who,
            opening: String::new(),
            need: String::new(),
            objection: String::new(),
            scene: clean_line(&mot.situation),
            goal: goal_from_motx(&mot.motx),
            feeling: clean_line(&mot.feeling),
            guide: generic_guide(i18n::current()),
            origin: CardOrigin::FromMot(mot.id),
        }
    }
}

/// "MOT 7: <who, cut>", or "MOT 7" when nobody is named.
fn title_from_mot(id: MotId, who: &str) -> String {
    if who.is_empty() {
        return tr!("model.drill.title.from_mot_bare", id = id);
    }
    let who = shorten(who, TITLE_WHO_COLUMNS);
    clean_line(&tr!("model.drill.title.from_mot", id = id, who = who))
}

/// The staff member's goal from a MOTX: what we do, and where we lead the
/// customer next, in one line of the language on show.
fn goal_from_motx(motx: &Motx) -> String {
    let does = clean_line(&motx.company_does);
    let next = clean_line(&motx.customer_next);
    let goal = match (does.is_empty(), next.is_empty()) {
        (true, true) => return String::new(),
        (false, true) => does,
        (true, false) => tr!("model.drill.goal.next_only", next = next),
        (false, false) => {
            // The joiner brings its own punctuation; "done." + "; then" would read twice.
            let does = does.trim_end_matches(['.', '。', ';', '；', ',', '，', '!', '！']);
            tr!("model.drill.goal.both", does = does, next = next)
        }
    };
    clean_line(&goal)
}

/// `text` in at most `cols` columns: whole if it fits, else its first
/// clause if that fits, else cut between words where it has them, with `…`.
fn shorten(text: &str, cols: usize) -> String {
    if text.width() <= cols {
        return text.to_string();
    }
    // Not at `、`: it lists items inside a phrase, and a Chinese who names
    // the person at the phrase's end ("住在西岸、常往返两地的旅客").
    let clause = text
        .split([',', '，', ';', '；', '(', '（', ':', '：'])
        .next()
        .unwrap_or_default()
        .trim();
    if !clause.is_empty() && clause.width() <= cols {
        return clause.to_string();
    }
    let room = cols.saturating_sub(1);
    let mut end = 0;
    let mut used = 0;
    for (i, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let mut head = &text[..end];
    let mid_word = text[end..].starts_with(|c: char| c.is_alphanumeric())
        && head.ends_with(|c: char| c.is_ascii_alphanumeric());
    if mid_word && let Some(space) = head.rfind(char::is_whitespace) {
        // Back to the last space unless that throws away most of the room.
        if space >= head.len() / 2 {
            head = &head[..space];
        }
    }
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",，;；、:：".contains(c));
    format!("{head}…")
}

/// The built-in cards of one language, and the generic guide a card made
/// from a MOT starts with.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Library {
    /// The cards, in the order the file lists them.
    pub cards: Vec<Card>,
    /// What good looks like at each step, whatever the scene.
    pub generic_guide: Guide,
}

/// A line of a library file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LibraryError {
    /// Not a `key = text` line.
    #[error("line {line}: {problem}")]
    Unreadable {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        problem: String,
    },
    /// The key names no part of a card.
    #[error(
        "line {line}: `{key}` names no part of a card (card.title, card.who, card.guide.solve, ...)"
    )]
    UnknownPart {
        /// 1-based line.
        line: usize,
        /// The key as written.
        key: String,
    },
    /// The same key twice.
    #[error("line {line}: `{key}` is given twice")]
    Twice {
        /// 1-based line of the second.
        line: usize,
        /// The key as written.
        key: String,
    },
    /// The text is empty, too long, or more than one line.
    #[error("line {line}: `{key}` must be one line of 1 to {max} characters")]
    NotOneLine {
        /// 1-based line.
        line: usize,
        /// The key as written.
        key: String,
        /// The most characters a text may have.
        max: usize,
    },
}

/// The name under which a library file gives the generic guide.
const GENERIC: &str = "generic";

/// The library file of a language, as compiled in.
pub fn library_source(lang: Language) -> &'static str {
    // Paths built with concat!, as the catalogs' are.
    match lang {
        Language::English => include_str!(concat!("../../../assets/drill/", "cards.en.txt")),
        Language::SimplifiedChinese => {
            include_str!(concat!("../../../assets/drill/", "cards.zh-Hans.txt"))
        }
        Language::TraditionalChinese => {
            include_str!(concat!("../../../assets/drill/", "cards.zh-Hant.txt"))
        }
    }
}

/// Reads a library file, refusing it at its first bad line.
pub fn parse_library(text: &str) -> Result<Library, LibraryError> {
    let mut first = None;
    let library = read(text, |e| {
        first.get_or_insert(e);
    });
    match first {
        Some(e) => Err(e),
        None => Ok(library),
    }
}

/// Reads a library file line by line, passing each bad line to `bad` and
/// keeping the rest.
fn read(text: &str, mut bad: impl FnMut(LibraryError)) -> Library {
    let mut library = Library::default();
    let mut seen = HashSet::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let pairs = match i18n::parse(raw) {
            Ok(pairs) => pairs,
            Err(e) => {
                bad(LibraryError::Unreadable {
                    line,
                    problem: e.problem,
                });
                continue;
            }
        };
        for (key, value) in pairs {
            let unknown = || LibraryError::UnknownPart {
                line,
                key: key.to_string(),
            };
            let Some((name, part)) = key.split_once('.') else {
                bad(unknown());
                continue;
            };
            let part = if part == "title" {
                None
            } else if let Some(p) = CardPart::ALL.into_iter().find(|p| p.key() == part) {
                Some(p)
            } else {
                bad(unknown());
                continue;
            };
            if name == GENERIC && !matches!(part, Some(CardPart::Guide(_))) {
                bad(unknown());
                continue;
            }
            if value.chars().count() > MAX_TEXT_CHARS
                || clean_line(&value) != value
                || value.is_empty()
            {
                bad(LibraryError::NotOneLine {
                    line,
                    key: key.to_string(),
                    max: MAX_TEXT_CHARS,
                });
                continue;
            }
            if !seen.insert(key) {
                bad(LibraryError::Twice {
                    line,
                    key: key.to_string(),
                });
                continue;
            }
            if name == GENERIC {
                if let Some(CardPart::Guide(step)) = part {
                    *library.generic_guide.slot(step) = value;
                }
                continue;
            }
            let card = card_named(&mut library.cards, name);
            match part {
                Some(p) => card.set(p, &value),
                None => card.set_title(&value),
            }
        }
    }
    library
}

/// The card of the library with this key, added at the end if new.
fn card_named<'a>(cards: &'a mut Vec<Card>, name: &str) -> &'a mut Card {
    let at = cards
        .iter()
        .position(|c| matches!(&c.origin, CardOrigin::Library(k) if k == name));
    let at = at.unwrap_or_else(|| {
        cards.push(Card {
            origin: CardOrigin::Library(name.to_string()),
            ..Card::default()
        });
        cards.len() - 1
    });
    &mut cards[at]
}

// Parsed once per language. A bad line cannot ship (a test reads every file
// strictly); should one slip through, the rest of the library still loads.
static LIBRARIES: LazyLock<[Library; 3]> =
    LazyLock::new(|| Language::ALL.map(|lang| read(library_source(lang), |_| {})));

fn loaded(lang: Language) -> &'static Library {
    let at = Language::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    &LIBRARIES[at]
}

/// The built-in scenario cards in `lang`, each with its library key.
pub fn library(lang: Language) -> Vec<Card> {
    loaded(lang).cards.clone()
}

/// What good looks like at each step whatever the scene, in `lang`.
pub fn generic_guide(lang: Language) -> Guide {
    loaded(lang).generic_guide.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_who_is_cut_at_a_clause_then_between_words() {
        assert_eq!(shorten("A Chinese traveller", 32), "A Chinese traveller");
        assert_eq!(
            shorten("Mr Wang, general manager of a mooncake maker and more", 32),
            "Mr Wang"
        );
        let cut = shorten(
            "A Chinese traveller living on the US West Coast with his family",
            32,
        );
        assert_eq!(cut, "A Chinese traveller living on…");
        // Chinese has no spaces: cut by columns, two per character.
        let cut = shorten(
            "一位住在美国西岸经常往返中美两地的中国商务旅客和他的家人",
            32,
        );
        assert_eq!(cut, "一位住在美国西岸经常往返中美两…");
        assert!(cut.width() <= 32, "{cut}");
        assert_eq!(
            shorten("王总，一家月饼厂的总经理，你们公司的第三大客户", 16),
            "王总"
        );
        assert_eq!(
            shorten("一位住在美国西岸、经常往返中美两地的中国商务旅客", 32),
            "一位住在美国西岸、经常往返中美…"
        );
    }

    #[test]
    fn the_goal_joins_the_motx_in_the_language_on_show() {
        let motx = |does: &str, next: &str| Motx {
            company_does: does.into(),
            customer_next: next.into(),
        };
        i18n::set(Language::English);
        assert_eq!(goal_from_motx(&motx("", "")), "");
        assert_eq!(
            goal_from_motx(&motx("make up the bed.", "")),
            "make up the bed."
        );
        assert_eq!(
            goal_from_motx(&motx("make up the bed.", "tell a friend")),
            "make up the bed; then lead the customer to: tell a friend"
        );
        assert_eq!(
            goal_from_motx(&motx(" ", "tell a friend")),
            "Lead the customer to: tell a friend"
        );
        i18n::set(Language::SimplifiedChinese);
        assert_eq!(
            goal_from_motx(&motx("空乘帮忙铺床。", "推荐给朋友")),
            "空乘帮忙铺床；并引导客户：推荐给朋友"
        );
        i18n::set(Language::TraditionalChinese);
        assert_eq!(goal_from_motx(&motx("", "推薦")), "引導客戶：推薦");
        i18n::set(Language::English);
    }

    #[test]
    fn a_library_file_with_a_bad_line_is_refused_by_line() {
        let good = "# cards\n\none.title = One\none.who = Ann\ngeneric.guide.solve = Fix it\n";
        let library = parse_library(good).expect("reads");
        assert_eq!(library.cards.len(), 1);
        assert_eq!(library.cards[0].title, "One");
        assert_eq!(library.cards[0].who, "Ann");
        assert_eq!(library.cards[0].origin, CardOrigin::Library("one".into()));
        assert_eq!(library.generic_guide.solve, "Fix it");
        let line = |text: &str| match parse_library(text) {
            Err(
                LibraryError::Unreadable { line, .. }
                | LibraryError::UnknownPart { line, .. }
                | LibraryError::Twice { line, .. }
                | LibraryError::NotOneLine { line, .. },
            ) => Some(line),
            Ok(_) => None,
        };
        assert_eq!(line("one.who = a\none.whom = b"), Some(2), "unknown part");
        assert_eq!(line("one.who = a\none.who = b"), Some(2), "twice");
        assert_eq!(line("one = a"), Some(1), "no part");
        assert_eq!(
            line("generic.title = a"),
            Some(1),
            "generic has a guide only"
        );
        assert_eq!(line("x\none.who = a"), Some(1), "not key = text");
        assert_eq!(line("one.scene = two\\nlines"), Some(1), "one line");
        assert_eq!(line("one.scene =  padded "), Some(1), "trimmed");
        let long = format!("one.scene = {}", "x".repeat(MAX_TEXT_CHARS + 1));
        assert_eq!(line(&long), Some(1), "too long");
        // Read for the app, a bad line is skipped and the rest kept.
        let kept = read("one.who = a\none.whom = b\ntwo.who = c", |_| {});
        assert_eq!(kept.cards.len(), 2);
    }
}
