//! The running program's state and the one function that changes it.
//! No I/O here: `update` returns [`Effect`]s for the shell to carry out.

pub mod action;
pub mod derived;
pub mod drill;
pub mod duplicates;
pub mod history;
pub mod import;
pub mod keymap;
pub mod merge;
pub mod phones;
pub mod setup_rows;
pub mod text_field;
pub mod timer;
pub mod update;

use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::time::Instant;

pub use crate::model::Stage;
use crate::model::{
    Circle, Dimension, Filter, GroupId, Language, MotId, MotText, Motx, ParticipantId, Quality,
    Ranking, Session, Theme,
};
use crate::store::writer::{Waker, Writer};
use crate::store::{Entry, SessionFile};
use crate::tr;
pub use merge::{MergeRequest, MergeView, Scroll};

pub use action::{Action, Target};
pub use setup_rows::SetupRow;
pub use text_field::TextField;
pub use update::update;

impl Stage {
    /// Name on the stage bar.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Setup => tr!("app.stage.setup"),
            Stage::Write => tr!("app.stage.write"),
            Stage::Tag => tr!("app.stage.tag"),
            Stage::Vote => tr!("app.stage.vote"),
            Stage::Matrix => tr!("app.stage.matrix"),
            Stage::Choose => tr!("app.stage.choose"),
            Stage::Drill => tr!("app.stage.drill"),
        }
    }

    /// What the stage is for, in one line.
    pub fn purpose(self) -> &'static str {
        match self {
            Stage::Setup => tr!("app.purpose.setup"),
            Stage::Write => tr!("app.purpose.write"),
            Stage::Tag => tr!("app.purpose.tag"),
            Stage::Vote => tr!("app.purpose.vote"),
            Stage::Matrix => tr!("app.purpose.matrix"),
            Stage::Choose => tr!("app.purpose.choose"),
            Stage::Drill => tr!("app.purpose.drill"),
        }
    }
}

/// What must happen outside the state: the shell does the I/O.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the open session to its file.
    Save,
    /// Leave the app (after saving, when a session is open).
    Quit,
    /// Leave although the session could not be saved: put a copy somewhere
    /// safe first and say where.
    QuitUnsaved,
    /// Load this session file and open it, in this way.
    Open(PathBuf, OpenHow),
    /// Save now and say so (the user asked).
    SaveNow,
    /// Write the session to this file instead, carry on there, and quit.
    SaveAsAndQuit(PathBuf),
    /// Read this file to import its MOTs into Write (a preview first).
    ReadImport(PathBuf),
    /// Look for likely duplicate MOTs beside the loop; the review opens
    /// when they are found, on this pair when reopened after an undo (and
    /// then the undo's words stay on the status line).
    FindDuplicates(Option<usize>),
    /// Create a session with this title in the sessions folder and open it.
    Create(String),
    /// As [`Effect::Create`], with the setup of the session in this file.
    CreateFrom(String, PathBuf),
    /// Ring the terminal bell (a timebox ran out).
    Bell,
    /// Write the session's reports beside its file (off the event loop).
    WriteReports,
    /// Send the session's Markdown report to the terminal's clipboard.
    CopyReport,
    /// Merge these sessions into a new one in the picker's folder.
    Merge(MergeRequest),
    /// Open the room to phones: start serving it.
    OpenRoom,
    /// Close the room: stop serving it and close its port.
    CloseRoom,
}

/// How to open a session file, after a question about it was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenHow {
    /// Take the lock, offer a recovery file, read the file.
    Normal,
    /// Without the lock: look, change nothing.
    ReadOnly,
    /// Take the lock from a holder that seems to run.
    TakeOver,
    /// The file is unreadable: open its newest good backup in its place.
    Backup,
    /// Open the recovery file a crash left.
    Recovery,
    /// Open the file as saved, leaving the recovery file alone.
    SkipRecovery,
    /// Keep both: the recovery file opens as a session of its own beside
    /// the session file, which stays as it is.
    RecoveryAsCopy,
}

/// A question the picker asks before opening a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Offer {
    /// Another `mot` holds the session (or its lock cannot be written).
    Locked {
        /// The session file.
        path: PathBuf,
        /// Who holds it and since when, in words.
        holder: String,
        /// Whether taking it over can help (it cannot when the folder is read-only).
        can_take_over: bool,
    },
    /// The file cannot be read; its newest backup can.
    Backup {
        /// The session file.
        path: PathBuf,
        /// What is wrong with it, with line and column.
        problem: String,
        /// The backup, named for people, with its age.
        backup: String,
    },
    /// A recovery file is waiting beside the session.
    Recovery {
        /// The session file.
        path: PathBuf,
        /// The recovery file, named for people, with its MOTs and age.
        recovery: String,
        /// The session file as saved, with its MOTs and age; `None` when it
        /// is missing and the recovery file is all that is left.
        saved: Option<String>,
        /// Both hold changes the other lacks: no single key replaces either.
        conflict: bool,
    },
}

/// Quitting when the session could not be saved: ask before losing it.
#[derive(Debug, Clone)]
pub struct QuitPrompt {
    /// Why the save failed.
    pub reason: String,
    /// Where to write it instead, while being typed.
    pub elsewhere: Option<TextField>,
    /// What the field starts with (a writable place, e.g. the home folder).
    pub suggestion: PathBuf,
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
    /// First row of the help shown, when it is taller than the screen.
    pub help_scroll: u16,
    /// The furthest the help can scroll on the last frame (a drawing cache).
    pub help_scroll_max: Cell<u16>,
    /// The last message for the status bar.
    pub status: Option<Status>,
    /// Set when the app should end.
    pub quit: bool,
    /// What to print once the terminal is back (where the session went).
    pub farewell: Option<String>,
    /// Language and colours.
    pub look: Look,
    /// The time of the event being handled (set by the shell; tests set it by hand).
    pub now: Instant,
    /// Whether the current view has the whole screen, without the bars.
    pub presenting: bool,
    /// Whether the mouse is captured (off gives the terminal's own text selection back).
    pub mouse: bool,
    /// Where the last frame drew what a click can reach (a drawing cache,
    /// like the scroll offsets; the view fills it, clicks read it).
    pub hits: RefCell<Vec<Hit>>,
    /// Whether the last frame was too small to show more than a request for
    /// a larger terminal (a drawing cache): keys then wait, but quit and help.
    pub too_small: Cell<bool>,
    /// Set when the bell should ring; the terminal loop rings it and clears it.
    pub bell: bool,
    /// Set when, on the way out, the session could be put nowhere at all:
    /// the exit status says so.
    pub lost: bool,
    /// Wakes the event loop when the writer has news (set by the terminal
    /// loop; without it, whoever drives the app asks the writer itself).
    pub waker: Option<Waker>,
    /// Reports being written beside the session; the loop shows what each
    /// came to once it is done.
    pub reports: Vec<crate::report::beside::Job>,
    /// An OSC 52 sequence for the terminal loop to write (and clear): text
    /// for the clipboard.
    pub clipboard: Option<String>,
    /// Where the room listens when it opens (`--listen`).
    pub listen: crate::serve::Listen,
    /// Set by `--room`: the room opens as soon as a session is open.
    pub room_pending: bool,
}

/// A place on screen and what a click there reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Left column.
    pub x: u16,
    /// Top row.
    pub y: u16,
    /// Columns.
    pub width: u16,
    /// Rows.
    pub height: u16,
    /// What is there.
    pub target: Target,
}

impl Hit {
    /// Whether the cell at (`x`, `y`) is inside.
    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x
            && y >= self.y
            && u32::from(x) < u32::from(self.x) + u32::from(self.width)
            && u32::from(y) < u32::from(self.y) + u32::from(self.height)
    }
}

/// The language and colours the app shows, and where they came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Look {
    /// The language when no session says otherwise (command line, locale, last switch).
    pub language: Language,
    /// Set by `--lang`: this run speaks it even in a session that remembers another.
    pub language_forced: bool,
    /// The theme when no session says otherwise.
    pub theme: Theme,
    /// Set by `--theme`.
    pub theme_forced: bool,
    /// `NO_COLOR` is set: no colours at all, meaning carried by marks and weight.
    pub no_color: bool,
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
    /// The session whose setup the new one starts from, while its title is typed.
    pub template: Option<Template>,
    /// A question about the session being opened.
    pub offer: Option<Offer>,
    /// Sessions marked to merge, in the order marked.
    pub marked: Vec<PathBuf>,
    /// A merge of the marked sessions under way.
    pub merge: Option<MergeView>,
    /// First visible row (a drawing cache, like ratatui's `ListState`).
    pub scroll: Cell<usize>,
}

/// A session picked to start a new one from its setup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// Its file.
    pub path: PathBuf,
    /// Its title, as the listing read it.
    pub title: String,
}

/// An open session and everything about how it is shown.
#[derive(Debug)]
pub struct Workshop {
    /// The session itself.
    pub session: Session,
    /// Its file, lock and backups, written beside the event loop.
    pub file: Writer,
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
    /// What an editor held when Esc closed it: undo as the very next key
    /// brings it back; any other key lets it go.
    pub draft: Option<Draft>,
    /// What can be undone and redone while the session is open.
    pub history: history::History,
    /// Asked when quitting would lose unsaved work.
    pub quit_prompt: Option<QuitPrompt>,
    /// The digits of an MOT's number typed after `#`, while it is asked.
    pub goto: Option<String>,
    /// An import into Write: its file asked for, or its preview.
    pub import: Option<import::ImportFlow>,
    /// The review of likely duplicates, while it is open.
    pub duplicates: Option<duplicates::DupReview>,
    /// The search for likely duplicates, while it runs.
    pub dup_search: Option<duplicates::Search>,
    /// Vote screen state.
    pub vote: VoteState,
    /// Matrix screen state.
    pub matrix: MatrixState,
    /// Choose screen state.
    pub choose: ChooseState,
    /// Drill screen state.
    pub drill: drill::DrillState,
    /// The timebox counting down, if one was started.
    pub timer: Option<timer::Timer>,
    /// Figures computed from the session once per change (see [`derived`]).
    pub derived: derived::Derived,
    /// The room's phones: claims, newcomers, MOTs sent, the room screen.
    pub phones: phones::Phones,
    /// The room's server while the room is open (the shell starts and stops it).
    pub server: Option<crate::serve::Server>,
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

/// An editor closed with Esc, kept for one key.
#[derive(Debug, Clone)]
pub enum Draft {
    /// The MOT editor.
    Mot(Box<MotEditor>),
    /// The MOTX editor.
    Motx(Box<MotxEditor>),
    /// A drill's card editor.
    Card(Box<drill::CardEditor>),
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
    /// Where a new MOT comes from, when not from Write (a drill's comment).
    pub origin: Option<crate::model::MotOrigin>,
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
    /// The count the cell held when its question began (what Esc goes
    /// back to): a first digit may replace a kept count and ask at once.
    pub asked_from: Option<u32>,
    /// While the totals are hidden, whether the voter's own dots are drawn
    /// on the rows (for the facilitator); off again for the next voter.
    pub show_dots: bool,
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

/// What the Choose screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChooseView {
    /// The ranking by weighted score, with bars by group, marks and ratings.
    #[default]
    Ranking,
    /// The rank with and without weights, side by side.
    Audit,
    /// The three circles and the candidates in their centre.
    Circles,
}

impl ChooseView {
    /// The next view, wrapping around.
    pub fn next(self) -> ChooseView {
        match self {
            ChooseView::Ranking => ChooseView::Audit,
            ChooseView::Audit => ChooseView::Circles,
            ChooseView::Circles => ChooseView::Ranking,
        }
    }

    /// Its name in the language on show.
    pub fn name(self) -> &'static str {
        match self {
            ChooseView::Ranking => tr!("app.choose.view.ranking"),
            ChooseView::Audit => tr!("app.choose.view.audit"),
            ChooseView::Circles => tr!("app.choose.view.circles"),
        }
    }
}

/// Choose screen state.
#[derive(Debug, Default)]
pub struct ChooseState {
    /// Ranking, audit or circles.
    pub view: ChooseView,
    /// What the list is narrowed to.
    pub filter: Filter,
    /// The circle the digit keys rate and the threshold keys move.
    pub circle: Circle,
    /// The MOTX being written, when open.
    pub motx: Option<MotxEditor>,
    /// An MOT kept in the list after a mark took it out of the filter, so
    /// the next key still acts on it; moving on lets it go.
    pub pinned: Option<MotId>,
    /// First visible row (a drawing cache).
    pub scroll: Cell<usize>,
}

/// The editor for the designed experience (MOTX) of a chosen MOT.
#[derive(Debug, Clone)]
pub struct MotxEditor {
    /// The MOT it is for.
    pub mot: MotId,
    /// What the company does; what the customer is expected to do next.
    pub fields: [TextField; 2],
    /// Which field has the cursor (0 or 1).
    pub focus: usize,
}

impl MotxEditor {
    /// The MOTX as typed so far.
    pub fn motx(&self) -> Motx {
        Motx {
            company_does: self.fields[0].text(),
            customer_next: self.fields[1].text(),
        }
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
                template: None,
                offer: None,
                marked: Vec::new(),
                merge: None,
                scroll: Cell::new(0),
            })),
            help: false,
            help_scroll: 0,
            help_scroll_max: Cell::new(0),
            status: None,
            quit: false,
            farewell: None,
            look: Look::default(),
            now: Instant::now(),
            presenting: false,
            mouse: true,
            hits: RefCell::new(Vec::new()),
            too_small: Cell::new(false),
            bell: false,
            lost: false,
            waker: None,
            reports: Vec::new(),
            clipboard: None,
            listen: crate::serve::Listen::default(),
            room_pending: false,
        }
    }

    /// The language on show: the session's, unless the command line chose one.
    pub fn language(&self) -> Language {
        match self.workshop_ref().and_then(|w| w.session.language) {
            Some(lang) if !self.look.language_forced => lang,
            _ => self.look.language,
        }
    }

    /// The theme on show: the session's, unless the command line chose one.
    pub fn theme(&self) -> Theme {
        match self.workshop_ref().and_then(|w| w.session.theme) {
            Some(theme) if !self.look.theme_forced => theme,
            _ => self.look.theme,
        }
    }

    /// The app with a session open in a file without a lock (tests, previews).
    pub fn workshop(session: Session, path: PathBuf) -> App {
        let mut app = App::picker(PathBuf::new(), Vec::new());
        app.open(session, SessionFile::detached(path));
        app
    }

    /// Opens a session in place of whatever is on screen, at its saved stage.
    pub fn open(&mut self, session: Session, file: SessionFile) {
        let history = history::History::new(&session);
        // The session's language from the start: the writer's first job
        // (the backup at open) speaks it too.
        let language = match session.language {
            Some(lang) if !self.look.language_forced => lang,
            _ => self.look.language,
        };
        crate::i18n::set(language);
        let drill = drill::DrillState::opened(&session);
        self.screen = Screen::Workshop(Box::new(Workshop {
            session,
            file: Writer::start(file, self.waker.clone()),
            unsaved: false,
            setup: SetupState::default(),
            cursor: 0,
            scroll: Cell::new(0),
            editor: None,
            draft: None,
            history,
            quit_prompt: None,
            goto: None,
            import: None,
            duplicates: None,
            dup_search: None,
            vote: VoteState::default(),
            matrix: MatrixState::default(),
            choose: ChooseState::default(),
            drill,
            timer: None,
            derived: derived::Derived::default(),
            phones: phones::Phones::default(),
            server: None,
        }));
        self.help = false;
    }

    /// What a click at (`x`, `y`) reaches, by the last frame drawn; later
    /// drawings (popups) cover earlier ones.
    pub fn hit(&self, x: u16, y: u16) -> Option<Target> {
        self.hits
            .borrow()
            .iter()
            .rev()
            .find(|h| h.contains(x, y))
            .map(|h| h.target)
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
            Screen::Picker(p) => {
                p.new_title.is_some() || matches!(p.merge, Some(MergeView::Title(_)))
            }
            Screen::Workshop(w) => match &w.quit_prompt {
                Some(q) => q.elsewhere.is_some(),
                None => {
                    w.editor.is_some()
                        || w.setup.editing.is_some()
                        || w.choose.motx.is_some()
                        || w.drill.editor.is_some()
                        || w.drill.sheet.as_ref().is_some_and(|s| s.comment.is_some())
                        || matches!(w.import, Some(import::ImportFlow::Asking(_)))
                }
            },
        }
    }

    /// Whether a paste outside a text field means something here: several
    /// lines pasted into Write's list are MOTs to import.
    pub fn takes_paste(&self) -> bool {
        matches!(&self.screen, Screen::Workshop(w)
            if w.stage() == Stage::Write
                && w.quit_prompt.is_none()
                && w.import.is_none()
                && w.duplicates.is_none()
                && w.goto.is_none())
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
    /// The session's file.
    pub fn path(&self) -> &std::path::Path {
        self.file.path()
    }

    /// Forgets the figures computed from the session: it changed (or may
    /// have), and the next frame works them out again.
    pub fn changed(&mut self) {
        self.derived = derived::Derived::default();
        self.phones.revision = self.phones.revision.wrapping_add(1);
    }

    /// Whether this instance only looks (another `mot` holds the session).
    pub fn read_only(&self) -> bool {
        !self.file.writable()
    }

    /// What a refused change is told, with why the session is read-only in
    /// a few words first, so it reads whole at 80 columns.
    pub fn no_change_words(&self) -> String {
        use crate::store::session_file::ReadOnly;
        match self.file.read_only() {
            Some(ReadOnly::Link(target)) => tr!(
                "app.read_only.short_link",
                target = target
                    .as_deref()
                    .map_or_else(|| "?".to_string(), crate::plain::path)
            ),
            Some(ReadOnly::NotWritable) => tr!("app.read_only.short_mode").into(),
            Some(ReadOnly::NameTooLong) => tr!("app.read_only.short_name").into(),
            Some(ReadOnly::LockLost(_)) => tr!("app.read_only.stopped").into(),
            _ => tr!("app.read_only.no_change").into(),
        }
    }

    /// The stage on show (saved with the session).
    pub fn stage(&self) -> Stage {
        self.session.stage
    }

    /// The selected MOT, if there is one.
    pub fn selected_mot(&self) -> Option<&crate::model::Mot> {
        self.session.mots.get(self.cursor).map(|m| &**m)
    }

    /// The MOTs Choose lists under its filter, as the screen shows them.
    pub fn choose_list<'a>(&self, ranking: &'a Ranking) -> derived::Shown<'a> {
        self.derived.shown(
            &self.session,
            ranking,
            self.choose.filter,
            self.choose.pinned,
        )
    }

    /// Where the selected MOT is in the Choose list; the first row when the
    /// filter hides it, `None` when the list is empty.
    pub fn choose_pos(&self, list: &derived::Shown) -> Option<usize> {
        if list.is_empty() {
            return None;
        }
        Some(list.row_of(self.cursor).unwrap_or(0))
    }

    /// The participant voting now, if any.
    pub fn voter(&self) -> Option<&crate::model::Participant> {
        self.session.participants.get(self.vote.participant)
    }
}
