//! The Drill stage as the trainer works it: which view is on show, what is
//! selected, and what is open (a card being written, a list to pick from,
//! a sheet being typed in). The drill itself is in the session.

use std::cell::Cell;

use crate::app::TextField;
use crate::model::ParticipantId;
use crate::model::drill::BehaviourStep;
use crate::model::drill::cards::{Card, CardOrigin, CardPart};
use crate::model::drill::clock::Phase;
use crate::model::drill::plan::CardId;
use crate::model::drill::trios::TrioId;
use crate::tr;

/// What the Drill stage shows: the trainer walks them left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DrillView {
    /// The deck of scenario cards.
    #[default]
    Cards,
    /// The room in trios; people can be moved.
    Trios,
    /// This round: who plays what, the clock, the sheets.
    Round,
    /// What the sheets add up to, and the comments.
    Debrief,
}

impl DrillView {
    /// The four, in the order a drill runs.
    pub const ALL: [DrillView; 4] = [
        DrillView::Cards,
        DrillView::Trios,
        DrillView::Round,
        DrillView::Debrief,
    ];

    /// The next view, wrapping around.
    pub fn next(self) -> DrillView {
        DrillView::ALL[(self as usize + 1) % DrillView::ALL.len()]
    }

    /// Its name in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            DrillView::Cards => tr!("drill.view.cards"),
            DrillView::Trios => tr!("drill.view.trios"),
            DrillView::Round => tr!("drill.view.round"),
            DrillView::Debrief => tr!("drill.view.debrief"),
        }
    }
}

/// How the debrief groups its figures below the room's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DebriefBy {
    /// Trio by trio.
    #[default]
    Trio,
    /// Person by person (unless the drill is anonymous).
    Person,
}

/// A list the trainer picks a card's source from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The built-in library, in the language on show.
    Library,
    /// The MOTs marked chosen, in the session's order.
    Chosen,
}

/// A list on top of the cards, to pick from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    /// Which list.
    pub source: Source,
    /// The row selected.
    pub selected: usize,
}

/// One line of the card editor: the title, or a part of the card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardLine {
    /// The card's name in lists.
    Title,
    /// A part the players read.
    Part(CardPart),
}

impl CardLine {
    /// Every line, in the order the editor shows them.
    pub const ALL: [CardLine; 13] = [
        CardLine::Title,
        CardLine::Part(CardPart::ALL[0]),
        CardLine::Part(CardPart::ALL[1]),
        CardLine::Part(CardPart::ALL[2]),
        CardLine::Part(CardPart::ALL[3]),
        CardLine::Part(CardPart::ALL[4]),
        CardLine::Part(CardPart::ALL[5]),
        CardLine::Part(CardPart::ALL[6]),
        CardLine::Part(CardPart::ALL[7]),
        CardLine::Part(CardPart::ALL[8]),
        CardLine::Part(CardPart::ALL[9]),
        CardLine::Part(CardPart::ALL[10]),
        CardLine::Part(CardPart::ALL[11]),
    ];

    /// The line's label in the language on show.
    pub fn name(self) -> String {
        match self {
            CardLine::Title => tr!("drill.card.title").to_string(),
            CardLine::Part(part) => part.name(),
        }
    }
}

/// The editor for one scenario card: a field per line of [`CardLine::ALL`].
#[derive(Debug, Clone)]
pub struct CardEditor {
    /// The card being edited, or `None` for a new one.
    pub card: Option<CardId>,
    /// Where the card came from (kept as it was).
    pub origin: CardOrigin,
    /// One field per line of [`CardLine::ALL`].
    pub fields: Vec<TextField>,
    /// Which field has the cursor.
    pub focus: usize,
}

impl CardEditor {
    /// An editor holding `card` (numbered `id` in the deck, if it is there).
    pub fn new(id: Option<CardId>, card: &Card) -> CardEditor {
        let fields = CardLine::ALL
            .iter()
            .map(|line| match line {
                CardLine::Title => TextField::new(&card.title),
                CardLine::Part(part) => TextField::new(card.get(*part)),
            })
            .collect();
        // The cursor starts on the first part still to write: that is
        // what the trainer opened the card for.
        // A new card starts at its name.
        let focus = if card.title.trim().is_empty() {
            0
        } else {
            card.missing()
                .first()
                .and_then(|p| CardLine::ALL.iter().position(|l| *l == CardLine::Part(*p)))
                .unwrap_or(0)
        };
        CardEditor {
            card: id,
            origin: card.origin.clone(),
            fields,
            focus,
        }
    }

    /// The card as typed so far.
    pub fn card(&self) -> Card {
        let mut card = Card {
            origin: self.origin.clone(),
            ..Card::default()
        };
        for (line, field) in CardLine::ALL.iter().zip(&self.fields) {
            match line {
                CardLine::Title => card.set_title(&field.text()),
                CardLine::Part(part) => card.set(*part, &field.text()),
            }
        }
        card
    }
}

/// A row of the observer's sheet, as the trainer types it in from paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetRow {
    /// A step's score (and its comment).
    Step(BehaviourStep),
    /// Whether the customer left with the card's feeling.
    LeftWith,
    /// Passed or not yet.
    Verdict,
}

impl SheetRow {
    /// The rows, in the order the paper reads.
    pub const ALL: [SheetRow; 7] = [
        SheetRow::Step(BehaviourStep::ALL[0]),
        SheetRow::Step(BehaviourStep::ALL[1]),
        SheetRow::Step(BehaviourStep::ALL[2]),
        SheetRow::Step(BehaviourStep::ALL[3]),
        SheetRow::Step(BehaviourStep::ALL[4]),
        SheetRow::LeftWith,
        SheetRow::Verdict,
    ];
}

/// A sheet open for typing in: whose, and where the typing is.
#[derive(Debug, Clone)]
pub struct SheetEntry {
    /// The round it is for (the room's, from 0).
    pub round: u32,
    /// The trio that played.
    pub trio: TrioId,
    /// The staff member observed.
    pub staff: ParticipantId,
    /// The row the next digit goes to (index into [`SheetRow::ALL`]).
    pub row: usize,
    /// A step's comment being typed.
    pub comment: Option<(BehaviourStep, TextField)>,
}

impl DrillState {
    /// The state a session opens with: a drill under way opens on its
    /// round, where the room was; one being prepared on its cards.
    pub fn opened(session: &crate::model::Session) -> DrillState {
        let d = &session.drill;
        let view = if !d.trios.is_empty() && !d.deck.is_empty() {
            DrillView::Round
        } else {
            DrillView::Cards
        };
        DrillState {
            view,
            ..DrillState::default()
        }
    }
}

/// Drill screen state.
#[derive(Debug, Default)]
pub struct DrillState {
    /// The view on show.
    pub view: DrillView,
    /// Cards: index into the deck of the selected card.
    pub card: usize,
    /// Cards: a list to pick a card's source from, when open.
    pub picker: Option<Picker>,
    /// Cards: the card being written, when open.
    pub editor: Option<CardEditor>,
    /// Trios: `f` was pressed once while the trios have sheets: the next
    /// `f` forms them again; any other key lets it go.
    pub confirm_form: bool,
    /// Trios: the selected person, by position in the trios (in order)
    /// followed by the participants in no trio.
    pub person: usize,
    /// Round: the selected table (index into the round's tables).
    pub table: usize,
    /// Round: the phase the clock is in (or starts from).
    pub phase: Phase,
    /// Round: the sheet being typed in, when open.
    pub sheet: Option<SheetEntry>,
    /// Debrief: the selected comment (index into the debrief's remarks).
    pub remark: usize,
    /// Debrief: `m` was pressed on a comment that is a MOT already: the
    /// next `m` makes another; any other key lets it go.
    pub confirm_mot: bool,
    /// Debrief: by trio or by person.
    pub by: DebriefBy,
    /// Debrief: the first trio or person shown (the page keys scroll them).
    pub group_top: usize,
    /// Debrief: trios or people the last frame had rows for (a drawing
    /// cache): the page keys move by it.
    pub group_page: Cell<usize>,
    /// Tables one page of the round view showed on the last frame (a
    /// drawing cache): the page keys move by it.
    pub per_page: Cell<usize>,
    /// First visible row of the view's list (a drawing cache).
    pub scroll: Cell<usize>,
}
