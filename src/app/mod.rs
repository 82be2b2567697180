//! The running program's state and the one function that changes it.
//! No I/O here: `update` returns [`Effect`]s for the shell to carry out.

pub mod action;
pub mod keymap;
pub mod setup_rows;
pub mod text_field;
pub mod update;

use std::cell::Cell;
use std::path::PathBuf;

use crate::model::{Dimension, GroupId, MotId, MotText, ParticipantId, Quality, Session};
use crate::store::Entry;

pub use action::Action;
pub use setup_rows::SetupRow;
pub use text_field::TextField;
pub use update::update;

/// The stages of a workshop, in the order the room walks through them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Title, brand, focus, groups, participants, voting rules.
    Setup,
    /// Capture MOTs with the three elements.
    Write,
    /// One dimension and any qualities per MOT.
    Tag,
    /// Weighted dots and show of hands.
    Vote,
    /// The 4 x 5 intersection matrix.
    Matrix,
}

impl Stage {
    /// All stages, in order.
    pub const ALL: [Stage; 5] = [
        Stage::Setup,
        Stage::Write,
        Stage::Tag,
        Stage::Vote,
        Stage::Matrix,
    ];

    /// Name on the stage bar.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Setup => "Setup",
            Stage::Write => "Write",
            Stage::Tag => "Tag",
            Stage::Vote => "Vote",
            Stage::Matrix => "Matrix",
        }
    }

    /// What the stage is for, in one line.
    pub fn purpose(self) -> &'static str {
        match self {
            Stage::Setup => "Who the brand is for, what it stands for, and who votes.",
            Stage::Write => {
                "Who, in what situation, felt what. The situation is what matters most."
            }
            Stage::Tag => {
                "Which customer decision each moment serves, and which qualities it shows."
            }
            Stage::Vote => "Not one person, one vote: those who love the brand count more.",
            Stage::Matrix => "Where the moments gather, where the votes are, and what is empty.",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The stage after this one, wrapping around.
    pub fn next(self) -> Stage {
        Stage::ALL[(self.index() + 1) % Stage::ALL.len()]
    }

    /// The stage before this one, wrapping around.
    pub fn prev(self) -> Stage {
        Stage::ALL[(self.index() + Stage::ALL.len() - 1) % Stage::ALL.len()]
    }
}

/// What must happen outside the state: the shell does the I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the open session to its file.
    Save,
    /// Leave the app (after saving, when a session is open).
    Quit,
    /// Load this session file and open it.
    Open(PathBuf),
    /// Create a session with this title in the sessions folder and open it.
    Create(String),
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// What to say.
    pub text: String,
    /// Whether it reports a problem.
    pub error: bool,
}

/// The whole state of the running program.
#[derive(Debug)]
pub struct App {
    /// The screen on show.
    pub screen: Screen,
    /// Whether the help overlay is open.
    pub help: bool,
    /// The last message for the status bar.
    pub status: Option<Status>,
    /// Set when the app should end.
    pub quit: bool,
    /// Set once the user was told quitting would lose unsaved work.
    pub quit_confirmed: bool,
}

/// The picker or an open workshop.
#[derive(Debug)]
pub enum Screen {
    /// Choosing a session.
    Picker(Box<Picker>),
    /// Running a session.
    Workshop(Box<Workshop>),
}

/// The session picker.
#[derive(Debug)]
pub struct Picker {
    /// The folder being listed.
    pub dir: PathBuf,
    /// Its session files.
    pub entries: Vec<Entry>,
    /// Selected row.
    pub selected: usize,
    /// Title being typed for a new session.
    pub new_title: Option<TextField>,
    /// First visible row (a drawing cache, like ratatui's `ListState`).
    pub scroll: Cell<usize>,
}

/// An open session and everything about how it is shown.
#[derive(Debug)]
pub struct Workshop {
    /// The session itself.
    pub session: Session,
    /// Its file.
    pub path: PathBuf,
    /// The stage on show.
    pub stage: Stage,
    /// Whether the last save failed (the session is only in memory).
    pub unsaved: bool,
    /// Setup screen state.
    pub setup: SetupState,
    /// Index into `session.mots` of the selected MOT (shared by Write, Tag, Vote).
    pub cursor: usize,
    /// First visible MOT row (a drawing cache).
    pub scroll: Cell<usize>,
    /// The MOT editor, when open.
    pub editor: Option<MotEditor>,
    /// A question waiting for y or n.
    pub confirm: Option<Confirm>,
    /// Vote screen state.
    pub vote: VoteState,
    /// Matrix screen state.
    pub matrix: MatrixState,
}

/// Setup screen state.
#[derive(Debug, Default)]
pub struct SetupState {
    /// Selected row of [`setup_rows::rows`].
    pub selected: usize,
    /// The field being typed into, and what it is for.
    pub editing: Option<(SetupEdit, TextField)>,
    /// First visible row (a drawing cache).
    pub scroll: Cell<usize>,
}

/// Which Setup text is being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupEdit {
    /// The session title.
    Title,
    /// The brand.
    Brand,
    /// The brand's core message.
    CoreMessage,
    /// The target user.
    TargetUser,
    /// A group's name.
    GroupName(GroupId),
    /// The name of a group being added.
    NewGroup,
    /// A participant's name.
    ParticipantName(ParticipantId),
    /// The name of a participant being added.
    NewParticipant,
}

/// The editor for one MOT's three elements.
#[derive(Debug, Clone)]
pub struct MotEditor {
    /// The MOT being edited, or `None` for a new one.
    pub mot: Option<MotId>,
    /// Who, situation, feeling.
    pub fields: [TextField; 3],
    /// Which field has the cursor (0..3).
    pub focus: usize,
}

impl MotEditor {
    /// The three elements as typed so far.
    pub fn text(&self) -> MotText {
        MotText {
            who: self.fields[0].text(),
            situation: self.fields[1].text(),
            feeling: self.fields[2].text(),
        }
    }
}

/// A question the user answers with y or n.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// Delete this MOT?
    DeleteMot(MotId),
    /// Remove this participant (and their dots)?
    RemoveParticipant(ParticipantId),
    /// Remove this group?
    RemoveGroup(GroupId),
}

/// How the room is voting right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum VoteMode {
    /// Each participant spends a budget of dots.
    #[default]
    Dots,
    /// The facilitator types hands counted per group.
    Hands,
}

/// Vote screen state.
#[derive(Debug, Default)]
pub struct VoteState {
    /// Dots or hands.
    pub mode: VoteMode,
    /// Index into `session.participants` of the one voting now.
    pub participant: usize,
    /// Index into `session.groups` of the hands column.
    pub group: usize,
    /// Whether digits are being typed into the selected cell right now.
    pub typing_count: bool,
}

/// Matrix screen state.
#[derive(Debug, Default)]
pub struct MatrixState {
    /// Selected row.
    pub dimension: usize,
    /// Selected column.
    pub quality: usize,
    /// First MOT shown in the cell's list.
    pub list_offset: usize,
}

impl MatrixState {
    /// The selected cell.
    pub fn cell(&self) -> (Dimension, Quality) {
        (
            Dimension::ALL[self.dimension.min(3)],
            Quality::ALL[self.quality.min(4)],
        )
    }
}

impl App {
    /// The app on the session picker.
    pub fn picker(dir: PathBuf, entries: Vec<Entry>) -> App {
        App {
            screen: Screen::Picker(Box::new(Picker {
                dir,
                entries,
                selected: 0,
                new_title: None,
                scroll: Cell::new(0),
            })),
            help: false,
            status: None,
            quit: false,
            quit_confirmed: false,
        }
    }

    /// The app with a session open: new sessions start at Setup, others at Write.
    pub fn workshop(session: Session, path: PathBuf) -> App {
        let mut app = App::picker(PathBuf::new(), Vec::new());
        app.open(session, path);
        app
    }

    /// Opens a session in place of whatever is on screen.
    pub fn open(&mut self, session: Session, path: PathBuf) {
        let stage = if session.mots.is_empty() {
            Stage::Setup
        } else {
            Stage::Write
        };
        self.screen = Screen::Workshop(Box::new(Workshop {
            session,
            path,
            stage,
            unsaved: false,
            setup: SetupState::default(),
            cursor: 0,
            scroll: Cell::new(0),
            editor: None,
            confirm: None,
            vote: VoteState::default(),
            matrix: MatrixState::default(),
        }));
        self.help = false;
    }

    /// The open workshop, if any.
    pub fn workshop_ref(&self) -> Option<&Workshop> {
        match &self.screen {
            Screen::Workshop(w) => Some(w),
            Screen::Picker(_) => None,
        }
    }

    /// Whether keys go to a text field (so `q` and Tab are text, not commands).
    pub fn typing(&self) -> bool {
        match &self.screen {
            Screen::Picker(p) => p.new_title.is_some(),
            Screen::Workshop(w) => w.editor.is_some() || w.setup.editing.is_some(),
        }
    }

    /// Shows an informational message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows a problem.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }
}

impl Workshop {
    /// The selected MOT, if there is one.
    pub fn selected_mot(&self) -> Option<&crate::model::Mot> {
        self.session.mots.get(self.cursor)
    }

    /// The participant voting now, if any.
    pub fn voter(&self) -> Option<&crate::model::Participant> {
        self.session.participants.get(self.vote.participant)
    }
}
