//! Everything a user can ask of the app; keys become these in `keymap`.

use crossterm::event::KeyEvent;

use crate::model::{Dimension, Quality, Stage};

// Choose reuses Up/Down/Home/End/PageUp/PageDown to move, Left/Right to pick
// the circle, Open for the MOTX and ToggleReveal for the votes.

/// One thing the user asked for. `update` applies it to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Save and leave the app.
    Quit,
    /// Undo the last change to the session.
    Undo,
    /// Redo the change last undone.
    Redo,
    /// Save now (saves happen on every change; this retries after a failure).
    SaveNow,
    /// Write the session's report beside its file, as Markdown and HTML.
    WriteReports,
    /// Copy the session's Markdown report to the terminal's clipboard.
    CopyReport,
    /// Quit question: write the session somewhere else.
    WriteElsewhere,
    /// Quit question: quit and lose what could not be saved.
    QuitWithoutSaving,
    /// Locked session: open it read-only.
    OpenReadOnly,
    /// Locked session: take the lock over (the other `mot` is gone).
    TakeOver,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Go to the next stage of the workshop.
    NextStage,
    /// Go to the previous stage of the workshop.
    PrevStage,
    /// Go to this stage (a click on the stage bar).
    GoToStage(Stage),
    /// Move the selection up one row.
    Up,
    /// Move the selection down one row.
    Down,
    /// Move left (matrix column, hands column) or decrease a setting.
    Left,
    /// Move right (matrix column, hands column) or increase a setting.
    Right,
    /// Move the selection a page up.
    PageUp,
    /// Move the selection a page down.
    PageDown,
    /// Jump to the first row.
    Home,
    /// Jump to the last row.
    End,
    /// Open the selected item, or start editing the selected field.
    Open,
    /// Picker: create a new session (asks for its title).
    NewSession,
    /// Picker: create a new session with the selected one's setup (asks for its title).
    NewFromTemplate,
    /// Picker: mark the selected session to merge, or unmark it.
    ToggleMark,
    /// Picker: merge the marked sessions into a new one (asks for its title).
    MergeMarked,
    /// Picker, a merge that stopped: try again with the first session's weights.
    FirstWeights,
    /// Write: start a new MOT in the editor.
    NewMot,
    /// Write: import MOTs from a file (asks for it).
    ImportFile,
    /// Write: review the likely duplicate MOTs, pair by pair.
    ReviewDuplicates,
    /// Duplicates: merge the pair, keeping the first one's text.
    KeepFirst,
    /// Duplicates: merge the pair, keeping the second one's text.
    KeepSecond,
    /// Duplicates: the pair are different moments; do not offer it again.
    NotDuplicates,
    /// Delete the selected item (asks first).
    Delete,
    /// Setup: add a participant.
    AddParticipant,
    /// Setup: add a respondent group.
    AddGroup,
    /// Confirm the question on screen.
    Yes,
    /// Keep both versions (a recovery file opens as a copy).
    KeepBoth,
    /// Decline the question on screen.
    No,
    /// Text field: keep what was typed (and move on, in the editor).
    Submit,
    /// Text field: throw away what was typed.
    Cancel,
    /// Editor: next field.
    NextField,
    /// Editor: previous field.
    PrevField,
    /// Editor: keep the MOT from any field.
    SaveMot,
    /// Text field: a key to type or edit with.
    Type(KeyEvent),
    /// Text pasted from the terminal.
    Paste(String),
    /// Tag: set the dimension of the selected MOT.
    SetDimension(Dimension),
    /// Tag: clear the dimension of the selected MOT.
    ClearDimension,
    /// Tag: toggle a quality on the selected MOT.
    ToggleQuality(Quality),
    /// Tag: jump to the next MOT that still needs tags.
    NextUntagged,
    /// Write, Tag, Vote, Choose: ask for an MOT's number (`#12`) and go to it.
    GoToMot,
    /// Vote: switch between dot voting and show of hands.
    ToggleVoteMode,
    /// Vote: show or hide the totals.
    ToggleReveal,
    /// Vote: show or hide the voter's own dots while the totals are hidden.
    ToggleShowDots,
    /// Vote: next participant.
    NextParticipant,
    /// Vote: previous participant.
    PrevParticipant,
    /// Vote: add a dot (dots) or a hand (hands).
    Increase,
    /// Vote: take a dot back (dots) or a hand (hands).
    Decrease,
    /// Vote, hands: type a digit of the count.
    Digit(u8),
    /// Vote, hands: erase the last digit of the count.
    EraseDigit,
    /// Tag, Choose: mark the selected MOT peak, low, end, or nothing (in turn).
    CycleGolden,
    /// Choose: mark the selected MOT chosen, or take the mark off.
    ToggleChosen,
    /// Choose: mark whether the selected MOT's feeling carries the core message.
    ToggleCarries,
    /// Choose: rate the selected MOT 1 to 5 in the circle picked.
    Rate(u8),
    /// Choose: take the rating off the selected MOT in the circle picked.
    ClearRating,
    /// Choose: raise the threshold of the circle picked.
    ThresholdUp,
    /// Choose: lower the threshold of the circle picked.
    ThresholdDown,
    /// Choose: narrow the list (all, focus, golden, candidates, chosen) in turn.
    CycleFilter,
    /// Choose: change the focus dimension (none, then each of the four).
    CycleFocus,
    /// Choose: ranking, audit of the weights, three circles, in turn;
    /// Drill: cards, trios, round, debrief, in turn.
    NextView,
    /// Drill: pick a card from the built-in library.
    AddFromLibrary,
    /// Drill: make a card from a chosen MOT.
    CardFromMot,
    /// Drill: write a new card.
    NewCard,
    /// Drill: put the participants in trios afresh.
    FormTrios,
    /// Drill: the round clock's next phase (skips what is left of this one).
    NextPhase,
    /// Drill: the round clock's phase again, from its start.
    RepeatPhase,
    /// Drill: the next round for the whole room.
    NextRound,
    /// Drill: back a round.
    PrevRound,
    /// Drill: the phase on the clock lasts longer.
    PhaseLonger,
    /// Drill: the phase on the clock lasts less.
    PhaseShorter,
    /// Drill: the debrief by trio or by person.
    ToggleDebriefBy,
    /// Drill: people named in the debrief, or left out.
    ToggleAnonymous,
    /// Drill: turn the selected comment into a new MOT in the editor.
    CommentToMot,
    /// Speak the next language (English, 简体中文, 繁體中文), remembered by the session.
    SwitchLanguage,
    /// Show the next theme (dark, light, high contrast), remembered by the session.
    SwitchTheme,
    /// Give the current view the whole screen, or bring the bars back.
    TogglePresenting,
    /// Let the terminal have the mouse (for selecting text), or take it back.
    ToggleMouse,
    /// Start or pause the current stage's timebox.
    ToggleTimer,
    /// Stop the timer and put it back to the whole timebox.
    ResetTimer,
    /// A second passed (only sent while a timer runs).
    Tick,
    /// A click on something the screen showed.
    Click(Target),
    /// The mouse wheel, up.
    ScrollUp,
    /// The mouse wheel, down.
    ScrollDown,
    /// Opens the room to phones (or shows its screen); on that screen, closes it.
    Room,
    /// Shows or hides who sent each MOT from a phone.
    ToggleAuthors,
    /// What a phone in the room asks (from the room's server, not a key).
    Phone(crate::app::phones::PhoneAction),
}

/// Something on screen a click can reach; views note where they drew each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A stage on the stage bar.
    Stage(Stage),
    /// A row of the session picker.
    Session(usize),
    /// A row of the Setup form.
    SetupRow(usize),
    /// An MOT in a list (index into the session's MOTs).
    Mot(usize),
    /// A cell of the matrix (dimension index, quality index).
    Cell(usize, usize),
}
