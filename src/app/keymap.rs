//! The one table of keys: it drives dispatch, the help overlay and the key bar,
//! so what the help says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::{Action, App, Screen, Stage, VoteMode};
use crate::model::{Dimension, Quality};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere outside text fields.
    Global,
    /// Inside a session, outside text fields: moving between stages.
    Stages,
    /// The session picker.
    Picker,
    /// Any text field (editor, Setup field, new title).
    TextField,
    /// The MOT editor, on top of [`Context::TextField`].
    Editor,
    /// Opening a session another `mot` holds.
    Locked,
    /// Opening an unreadable session that a backup can replace.
    Restore,
    /// Opening a session a crash left a recovery file for.
    Recovery,
    /// A recovery file and a session file that both hold changes the other lacks.
    RecoveryConflict,
    /// A recovery file that is all that is left of a session.
    RecoveryOnly,
    /// Quitting when the session could not be saved.
    Unsaved,
    /// The Setup stage.
    Setup,
    /// The Write stage.
    Write,
    /// The Tag stage.
    Tag,
    /// The Vote stage, dot voting.
    VoteDots,
    /// The Vote stage, show of hands.
    VoteHands,
    /// The Matrix stage.
    Matrix,
    /// The Choose stage.
    Choose,
    /// Presenting: the current view has the whole screen.
    Presenting,
    /// The help overlay.
    Help,
}

impl Context {
    /// Heading of this context in the help overlay, in the language on show.
    pub fn title(self) -> &'static str {
        crate::i18n::t(self.title_key())
    }

    /// The catalog key of the heading.
    pub fn title_key(self) -> &'static str {
        match self {
            Context::Global => "keys.ctx.global",
            Context::Stages => "keys.ctx.stages",
            Context::Picker => "keys.ctx.picker",
            Context::TextField => "keys.ctx.text_field",
            Context::Editor => "keys.ctx.editor",
            Context::Locked => "keys.ctx.locked",
            Context::Restore => "keys.ctx.restore",
            Context::Recovery => "keys.ctx.recovery",
            Context::RecoveryConflict => "keys.ctx.recovery_conflict",
            Context::RecoveryOnly => "keys.ctx.recovery_only",
            Context::Unsaved => "keys.ctx.unsaved",
            Context::Setup => "keys.ctx.setup",
            Context::Write => "keys.ctx.write",
            Context::Tag => "keys.ctx.tag",
            Context::VoteDots => "keys.ctx.vote_dots",
            Context::VoteHands => "keys.ctx.vote_hands",
            Context::Matrix => "keys.ctx.matrix",
            Context::Choose => "keys.ctx.choose",
            Context::Presenting => "keys.ctx.presenting",
            Context::Help => "keys.ctx.help",
        }
    }
}

/// A key with its modifiers (Shift is ignored for characters: the character says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Control or Alt.
    pub mods: KeyModifiers,
}

const fn k(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn c(ch: char) -> Key {
    k(KeyCode::Char(ch))
}

const fn ctrl(ch: char) -> Key {
    Key {
        code: KeyCode::Char(ch),
        mods: KeyModifiers::CONTROL,
    }
}

impl Key {
    fn matches(&self, ev: &KeyEvent) -> bool {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let mut code = ev.code;
        if let KeyCode::Char(ch) = code
            && mods.contains(KeyModifiers::CONTROL)
        {
            // Ctrl-C arrives as 'c' or 'C' depending on the terminal.
            code = KeyCode::Char(ch.to_ascii_lowercase());
        }
        if code == KeyCode::BackTab {
            mods = KeyModifiers::NONE;
        }
        self.code == code && self.mods == mods
    }

    /// How the key is written in help and the key bar.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(ch) if self.mods.contains(KeyModifiers::CONTROL) => {
                ch.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(ch) => ch.to_string(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{base}")
        } else {
            base
        }
    }
}

/// One binding: keys, what they do, where, and how the help describes it.
#[derive(Debug)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What they do.
    pub action: Action,
    /// The catalog key of the help line (`""`: not in the help).
    pub help: &'static str,
    /// How the bottom key bar shows it, if it does (the essentials only).
    pub bar: Option<Bar>,
}

/// A binding's entry in the key bar: short, because the bar is one line at 80 columns.
#[derive(Debug)]
pub struct Bar {
    /// Keys as shown, when not simply the first key.
    pub keys: Option<&'static str>,
    /// The catalog key of its one or two words.
    pub label: &'static str,
}

impl Binding {
    /// The help line in the language on show; empty when not in the help.
    pub fn help_text(&self) -> &'static str {
        if self.help.is_empty() {
            ""
        } else {
            crate::i18n::t(self.help)
        }
    }
}

impl Bar {
    /// The key bar's words in the language on show.
    pub fn label_text(&self) -> &'static str {
        crate::i18n::t(self.label)
    }
}

const fn b(label: &'static str) -> Option<Bar> {
    Some(Bar { keys: None, label })
}

const fn bk(keys: &'static str, label: &'static str) -> Option<Bar> {
    Some(Bar {
        keys: Some(keys),
        label,
    })
}

macro_rules! bind {
    // `$help` is the help line's catalog key.
    ($ctx:ident, [$($key:expr),+], $action:expr, $help:literal, $bar:expr) => {
        Binding { context: Context::$ctx, keys: &[$($key),+], action: $action, help: $help, bar: $bar }
    };
}

use Action as A;
use KeyCode as K;

/// Every key of the app. Order within a context is the order of the help.
pub static BINDINGS: &[Binding] = &[
    // Help overlay
    bind!(
        Help,
        [c('?'), k(K::Esc)],
        A::ToggleHelp,
        "keys.help.close",
        bk("?", "keys.bar.close")
    ),
    bind!(
        Help,
        [k(K::Up), k(K::PageUp)],
        A::PageUp,
        "keys.help.up",
        None
    ),
    bind!(
        Help,
        [k(K::Down), k(K::PageDown)],
        A::PageDown,
        "keys.help.down",
        None
    ),
    // Questions
    bind!(
        Locked,
        [c('r')],
        A::OpenReadOnly,
        "keys.locked.read_only",
        b("keys.bar.read_only")
    ),
    bind!(
        Locked,
        [c('t')],
        A::TakeOver,
        "keys.locked.take_over",
        b("keys.bar.take_over")
    ),
    bind!(
        Locked,
        [k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    bind!(
        Restore,
        [c('y')],
        A::Yes,
        "keys.restore.backup",
        b("keys.bar.open_backup")
    ),
    bind!(
        Restore,
        [c('n'), k(K::Esc)],
        A::No,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    bind!(
        Recovery,
        [c('y')],
        A::Yes,
        "keys.recovery.recover",
        b("keys.bar.recover")
    ),
    bind!(
        Recovery,
        [c('k')],
        A::KeepBoth,
        "keys.recovery.keep_both",
        b("keys.bar.keep_both")
    ),
    bind!(
        Recovery,
        [c('n')],
        A::No,
        "keys.recovery.as_saved",
        b("keys.bar.as_saved")
    ),
    bind!(
        Recovery,
        [k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    // Nothing else is left: recover it, or leave it for later.
    bind!(
        RecoveryOnly,
        [c('y')],
        A::Yes,
        "keys.recovery.recover",
        b("keys.bar.recover")
    ),
    bind!(
        RecoveryOnly,
        [c('n'), k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    // Both changed: no single key may replace the newer work.
    bind!(
        RecoveryConflict,
        [c('k')],
        A::KeepBoth,
        "keys.recovery.keep_both",
        b("keys.bar.keep_both")
    ),
    bind!(
        RecoveryConflict,
        [c('n')],
        A::No,
        "keys.recovery.as_saved",
        b("keys.bar.as_saved")
    ),
    bind!(
        RecoveryConflict,
        [k(K::Esc)],
        A::Cancel,
        "keys.question.dont_open",
        b("keys.bar.cancel")
    ),
    bind!(
        Unsaved,
        [c('w')],
        A::WriteElsewhere,
        "keys.unsaved.elsewhere",
        b("keys.bar.write_elsewhere")
    ),
    bind!(
        Unsaved,
        [c('q')],
        A::QuitWithoutSaving,
        "keys.unsaved.quit",
        b("keys.bar.quit_anyway")
    ),
    bind!(
        Unsaved,
        [k(K::Esc)],
        A::No,
        "keys.unsaved.stay",
        b("keys.bar.stay")
    ),
    // Text fields
    bind!(
        Editor,
        [k(K::Tab)],
        A::NextField,
        "keys.editor.next_field",
        b("keys.bar.next_field")
    ),
    bind!(
        Editor,
        [k(K::BackTab)],
        A::PrevField,
        "keys.editor.prev_field",
        None
    ),
    bind!(
        Editor,
        [k(K::Enter)],
        A::Submit,
        "keys.editor.submit",
        b("keys.bar.next_keep")
    ),
    bind!(
        Editor,
        [ctrl('s')],
        A::SaveMot,
        "keys.editor.keep",
        b("keys.bar.keep")
    ),
    bind!(
        Editor,
        [k(K::Esc)],
        A::Cancel,
        "keys.editor.discard",
        b("keys.bar.discard")
    ),
    bind!(
        TextField,
        [k(K::Enter)],
        A::Submit,
        "keys.text.keep",
        b("keys.bar.ok")
    ),
    bind!(
        TextField,
        [k(K::Esc)],
        A::Cancel,
        "keys.text.cancel",
        b("keys.bar.cancel")
    ),
    // Picker
    bind!(Picker, [k(K::Up), c('k')], A::Up, "keys.picker.prev", None),
    bind!(
        Picker,
        [k(K::Down), c('j')],
        A::Down,
        "keys.picker.next",
        None
    ),
    bind!(Picker, [k(K::Home)], A::Home, "keys.picker.first", None),
    bind!(Picker, [k(K::End)], A::End, "keys.picker.last", None),
    bind!(
        Picker,
        [k(K::Enter)],
        A::Open,
        "keys.picker.open",
        b("keys.bar.open")
    ),
    bind!(
        Picker,
        [c('n')],
        A::NewSession,
        "keys.picker.new",
        b("keys.bar.new")
    ),
    // Setup
    bind!(Setup, [k(K::Up), c('k')], A::Up, "keys.setup.prev", None),
    bind!(
        Setup,
        [k(K::Down), c('j')],
        A::Down,
        "keys.setup.next",
        None
    ),
    bind!(Setup, [k(K::Home)], A::Home, "keys.setup.first", None),
    bind!(Setup, [k(K::End)], A::End, "keys.setup.last", None),
    bind!(
        Setup,
        [k(K::Enter), c('e')],
        A::Open,
        "keys.setup.edit",
        b("keys.bar.edit")
    ),
    bind!(
        Setup,
        [k(K::Left), c('-'), c('h')],
        A::Left,
        "keys.setup.less",
        bk("←→", "keys.bar.change")
    ),
    bind!(
        Setup,
        [k(K::Right), c('+'), c('='), c('l')],
        A::Right,
        "keys.setup.more",
        None
    ),
    bind!(
        Setup,
        [c('a')],
        A::AddParticipant,
        "keys.setup.add_participant",
        b("keys.bar.add_person")
    ),
    bind!(Setup, [c('g')], A::AddGroup, "keys.setup.add_group", None),
    bind!(
        Setup,
        [c('d'), k(K::Delete)],
        A::Delete,
        "keys.setup.remove",
        None
    ),
    // Write
    bind!(
        Write,
        [c('n')],
        A::NewMot,
        "keys.write.new",
        b("keys.bar.new")
    ),
    bind!(
        Write,
        [k(K::Enter), c('e')],
        A::Open,
        "keys.write.edit",
        b("keys.bar.edit")
    ),
    bind!(
        Write,
        [c('d'), k(K::Delete)],
        A::Delete,
        "keys.write.delete",
        b("keys.bar.delete")
    ),
    bind!(Write, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(Write, [k(K::Down), c('j')], A::Down, "keys.mot.next", None),
    bind!(Write, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(Write, [k(K::PageDown)], A::PageDown, "keys.page.down", None),
    bind!(Write, [k(K::Home), c('g')], A::Home, "keys.mot.first", None),
    bind!(Write, [k(K::End), c('G')], A::End, "keys.mot.last", None),
    // Tag
    bind!(Tag, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(Tag, [k(K::Down), c('j')], A::Down, "keys.mot.next", None),
    bind!(Tag, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(Tag, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        Tag,
        [c('1')],
        A::SetDimension(Dimension::Entry),
        "keys.tag.entry",
        None
    ),
    bind!(
        Tag,
        [c('2')],
        A::SetDimension(Dimension::Conversion),
        "keys.tag.conversion",
        None
    ),
    bind!(
        Tag,
        [c('3')],
        A::SetDimension(Dimension::Repurchase),
        "keys.tag.repurchase",
        None
    ),
    bind!(
        Tag,
        [c('4')],
        A::SetDimension(Dimension::Referral),
        "keys.tag.referral",
        None
    ),
    bind!(
        Tag,
        [c('0'), k(K::Backspace)],
        A::ClearDimension,
        "keys.tag.clear",
        None
    ),
    bind!(
        Tag,
        [c('5')],
        A::ToggleQuality(Quality::Reliability),
        "keys.tag.reliability",
        None
    ),
    bind!(
        Tag,
        [c('6')],
        A::ToggleQuality(Quality::Assurance),
        "keys.tag.assurance",
        None
    ),
    bind!(
        Tag,
        [c('7')],
        A::ToggleQuality(Quality::Responsiveness),
        "keys.tag.responsiveness",
        None
    ),
    bind!(
        Tag,
        [c('8')],
        A::ToggleQuality(Quality::Tangibles),
        "keys.tag.tangibles",
        None
    ),
    bind!(
        Tag,
        [c('9')],
        A::ToggleQuality(Quality::Empathy),
        "keys.tag.empathy",
        None
    ),
    bind!(
        Tag,
        [k(K::Char(' ')), k(K::Enter)],
        A::NextUntagged,
        "keys.tag.next_untagged",
        b("keys.bar.next_untagged")
    ),
    bind!(
        Tag,
        [c('g')],
        A::CycleGolden,
        "keys.tag.golden",
        bk("g", "keys.bar.golden")
    ),
    bind!(Tag, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(Tag, [k(K::PageDown)], A::PageDown, "keys.page.down", None),
    // Vote, dots
    bind!(VoteDots, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(
        VoteDots,
        [k(K::Down), c('j')],
        A::Down,
        "keys.mot.next",
        None
    ),
    bind!(VoteDots, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(VoteDots, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        VoteDots,
        [k(K::Right), c('+'), c('='), k(K::Char(' '))],
        A::Increase,
        "keys.vote.add_dot",
        bk("→ ←", "keys.bar.dot")
    ),
    bind!(
        VoteDots,
        [k(K::Left), c('-'), k(K::Backspace)],
        A::Decrease,
        "keys.vote.take_dot",
        None
    ),
    bind!(
        VoteDots,
        [c(']'), c('p')],
        A::NextParticipant,
        "keys.vote.next_participant",
        bk("] [", "keys.bar.voter")
    ),
    bind!(
        VoteDots,
        [c('['), c('P')],
        A::PrevParticipant,
        "keys.vote.prev_participant",
        None
    ),
    bind!(
        VoteDots,
        [c('m')],
        A::ToggleVoteMode,
        "keys.vote.to_hands",
        b("keys.bar.hands")
    ),
    bind!(
        VoteDots,
        [c('r')],
        A::ToggleReveal,
        "keys.vote.reveal",
        b("keys.bar.reveal")
    ),
    bind!(VoteDots, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(
        VoteDots,
        [k(K::PageDown)],
        A::PageDown,
        "keys.page.down",
        None
    ),
    // Vote, hands
    bind!(VoteHands, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(
        VoteHands,
        [k(K::Down), c('j')],
        A::Down,
        "keys.mot.next",
        None
    ),
    bind!(VoteHands, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(VoteHands, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        VoteHands,
        [k(K::Left), c('h')],
        A::Left,
        "keys.vote.prev_group",
        None
    ),
    bind!(
        VoteHands,
        [k(K::Right), c('l')],
        A::Right,
        "keys.vote.next_group",
        None
    ),
    bind!(
        VoteHands,
        [c('0')],
        A::Digit(0),
        "keys.vote.count",
        bk("0-9", "keys.bar.count")
    ),
    bind!(VoteHands, [c('1')], A::Digit(1), "", None),
    bind!(VoteHands, [c('2')], A::Digit(2), "", None),
    bind!(VoteHands, [c('3')], A::Digit(3), "", None),
    bind!(VoteHands, [c('4')], A::Digit(4), "", None),
    bind!(VoteHands, [c('5')], A::Digit(5), "", None),
    bind!(VoteHands, [c('6')], A::Digit(6), "", None),
    bind!(VoteHands, [c('7')], A::Digit(7), "", None),
    bind!(VoteHands, [c('8')], A::Digit(8), "", None),
    bind!(VoteHands, [c('9')], A::Digit(9), "", None),
    bind!(
        VoteHands,
        [k(K::Backspace)],
        A::EraseDigit,
        "keys.vote.erase",
        None
    ),
    bind!(
        VoteHands,
        [c('+'), c('=')],
        A::Increase,
        "keys.vote.more",
        None
    ),
    bind!(VoteHands, [c('-')], A::Decrease, "keys.vote.less", None),
    // The answer to "1,200 hands for one group?".
    bind!(
        VoteHands,
        [k(K::Enter)],
        A::Submit,
        "keys.vote.keep_count",
        b("keys.bar.keep_count")
    ),
    bind!(
        VoteHands,
        [k(K::Esc)],
        A::Cancel,
        "keys.vote.drop_count",
        b("keys.bar.drop_count")
    ),
    bind!(
        VoteHands,
        [c('m')],
        A::ToggleVoteMode,
        "keys.vote.to_dots",
        b("keys.bar.dots")
    ),
    bind!(
        VoteHands,
        [c('r')],
        A::ToggleReveal,
        "keys.vote.reveal",
        b("keys.bar.reveal")
    ),
    // Matrix
    bind!(Matrix, [k(K::Up), c('k')], A::Up, "keys.matrix.up", None),
    bind!(
        Matrix,
        [k(K::Down), c('j')],
        A::Down,
        "keys.matrix.down",
        None
    ),
    bind!(
        Matrix,
        [k(K::Left), c('h')],
        A::Left,
        "keys.matrix.left",
        None
    ),
    bind!(
        Matrix,
        [k(K::Right), c('l')],
        A::Right,
        "keys.matrix.right",
        None
    ),
    bind!(
        Matrix,
        [k(K::PageUp)],
        A::PageUp,
        "keys.matrix.scroll_up",
        None
    ),
    bind!(
        Matrix,
        [k(K::PageDown)],
        A::PageDown,
        "keys.matrix.scroll_down",
        None
    ),
    // Choose
    bind!(Choose, [k(K::Up), c('k')], A::Up, "keys.mot.prev", None),
    bind!(Choose, [k(K::Down), c('j')], A::Down, "keys.mot.next", None),
    bind!(Choose, [k(K::PageUp)], A::PageUp, "keys.page.up", None),
    bind!(
        Choose,
        [k(K::PageDown)],
        A::PageDown,
        "keys.page.down",
        None
    ),
    bind!(Choose, [k(K::Home)], A::Home, "keys.mot.first", None),
    bind!(Choose, [k(K::End)], A::End, "keys.mot.last", None),
    bind!(
        Choose,
        [k(K::Char(' ')), c('c')],
        A::ToggleChosen,
        "keys.choose.chosen",
        bk("Space", "keys.bar.choose")
    ),
    bind!(Choose, [c('g')], A::CycleGolden, "keys.choose.golden", None),
    bind!(
        Choose,
        [c('m')],
        A::ToggleCarries,
        "keys.choose.message",
        None
    ),
    bind!(
        Choose,
        [k(K::Left), c('h')],
        A::Left,
        "keys.choose.prev_circle",
        None
    ),
    bind!(
        Choose,
        [k(K::Right), c('l')],
        A::Right,
        "keys.choose.next_circle",
        None
    ),
    bind!(Choose, [c('1')], A::Rate(1), "keys.choose.rate", None),
    bind!(Choose, [c('2')], A::Rate(2), "", None),
    bind!(Choose, [c('3')], A::Rate(3), "", None),
    bind!(Choose, [c('4')], A::Rate(4), "", None),
    bind!(Choose, [c('5')], A::Rate(5), "", None),
    bind!(
        Choose,
        [c('0'), k(K::Backspace)],
        A::ClearRating,
        "keys.choose.unrate",
        None
    ),
    bind!(
        Choose,
        [c('+'), c('=')],
        A::ThresholdUp,
        "keys.choose.threshold_up",
        None
    ),
    bind!(
        Choose,
        [c('-')],
        A::ThresholdDown,
        "keys.choose.threshold_down",
        None
    ),
    bind!(
        Choose,
        [k(K::Enter), c('x')],
        A::Open,
        "keys.choose.motx",
        bk("Enter", "keys.bar.motx")
    ),
    bind!(
        Choose,
        [c('v')],
        A::NextView,
        "keys.choose.view",
        b("keys.bar.view")
    ),
    bind!(
        Choose,
        [c('f')],
        A::CycleFilter,
        "keys.choose.filter",
        b("keys.bar.filter")
    ),
    bind!(Choose, [c('d')], A::CycleFocus, "keys.choose.focus", None),
    bind!(Choose, [c('r')], A::ToggleReveal, "keys.vote.reveal", None),
    // Everywhere
    bind!(
        Stages,
        [k(K::Tab)],
        A::NextStage,
        "keys.stages.next",
        b("keys.bar.stage")
    ),
    bind!(
        Stages,
        [k(K::BackTab)],
        A::PrevStage,
        "keys.stages.prev",
        None
    ),
    bind!(
        Global,
        [c('?')],
        A::ToggleHelp,
        "keys.global.help",
        b("keys.bar.help")
    ),
    bind!(
        Global,
        [c('q')],
        A::Quit,
        "keys.global.quit",
        b("keys.bar.quit")
    ),
    bind!(
        Stages,
        [c('u'), ctrl('z')],
        A::Undo,
        "keys.stages.undo",
        b("keys.bar.undo")
    ),
    bind!(
        Stages,
        [ctrl('r'), ctrl('y')],
        A::Redo,
        "keys.stages.redo",
        None
    ),
    bind!(Stages, [ctrl('s')], A::SaveNow, "keys.stages.save", None),
    bind!(Global, [ctrl('c')], A::Quit, "keys.global.ctrl_c", None),
    bind!(
        Stages,
        [c('t')],
        A::ToggleTimer,
        "keys.stages.timer",
        b("keys.bar.timer")
    ),
    bind!(
        Stages,
        [c('T')],
        A::ResetTimer,
        "keys.stages.reset_timer",
        None
    ),
    bind!(
        Stages,
        [c('F'), k(K::F(5))],
        A::TogglePresenting,
        "keys.stages.present",
        b("keys.bar.present")
    ),
    bind!(
        Global,
        [c('L')],
        A::SwitchLanguage,
        "keys.global.language",
        None
    ),
    bind!(Global, [c('C')], A::SwitchTheme, "keys.global.theme", None),
    bind!(Global, [c('M')], A::ToggleMouse, "keys.global.mouse", None),
    bind!(
        Presenting,
        [k(K::Esc)],
        A::TogglePresenting,
        "keys.presenting.leave",
        bk("Esc", "keys.bar.back")
    ),
];

/// The contexts in force, most specific first.
pub fn contexts(app: &App) -> Vec<Context> {
    if app.help {
        vec![Context::Help]
    } else {
        screen_contexts(app)
    }
}

/// The contexts of the screen itself, as if help were closed (what help describes).
pub fn screen_contexts(app: &App) -> Vec<Context> {
    match &app.screen {
        Screen::Picker(p) => {
            if let Some(offer) = &p.offer {
                match offer {
                    super::Offer::Locked { .. } => vec![Context::Locked],
                    super::Offer::Backup { .. } => vec![Context::Restore],
                    super::Offer::Recovery { saved: None, .. } => vec![Context::RecoveryOnly],
                    super::Offer::Recovery {
                        conflict: false, ..
                    } => vec![Context::Recovery],
                    super::Offer::Recovery { .. } => vec![Context::RecoveryConflict],
                }
            } else if p.new_title.is_some() {
                vec![Context::TextField]
            } else {
                vec![Context::Picker, Context::Global]
            }
        }
        Screen::Workshop(w) => {
            if let Some(prompt) = &w.quit_prompt {
                if prompt.elsewhere.is_some() {
                    vec![Context::TextField]
                } else {
                    vec![Context::Unsaved]
                }
            } else if w.editor.is_some() || w.choose.motx.is_some() {
                vec![Context::Editor]
            } else if w.setup.editing.is_some() {
                vec![Context::TextField]
            } else {
                let stage = match w.stage() {
                    Stage::Setup => Context::Setup,
                    Stage::Write => Context::Write,
                    Stage::Tag => Context::Tag,
                    Stage::Vote => match w.vote.mode {
                        VoteMode::Dots => Context::VoteDots,
                        VoteMode::Hands => Context::VoteHands,
                    },
                    Stage::Matrix => Context::Matrix,
                    Stage::Choose => Context::Choose,
                };
                if app.presenting {
                    vec![Context::Presenting, stage, Context::Stages, Context::Global]
                } else {
                    vec![stage, Context::Stages, Context::Global]
                }
            }
        }
    }
}

/// The bindings of the contexts in force, in help order.
pub fn active_bindings(app: &App) -> Vec<&'static Binding> {
    contexts(app)
        .into_iter()
        .flat_map(|ctx| BINDINGS.iter().filter(move |b| b.context == ctx))
        .collect()
}

/// Turns a key press into an action, or `None` when the key means nothing here.
pub fn action_for(app: &App, ev: KeyEvent) -> Option<Action> {
    if ev.kind != KeyEventKind::Press {
        return None;
    }
    // Ctrl-C quits from anywhere, text fields included.
    if ctrl('c').matches(&ev) {
        return Some(Action::Quit);
    }
    let ctxs = contexts(app);
    for ctx in &ctxs {
        if let Some(b) = BINDINGS
            .iter()
            .find(|b| b.context == *ctx && b.keys.iter().any(|key| key.matches(&ev)))
        {
            return Some(b.action.clone());
        }
    }
    if ctxs.contains(&Context::Help) {
        // Any other key closes help too, so nobody is stuck in it.
        return Some(Action::ToggleHelp);
    }
    if app.typing() {
        return Some(Action::Type(ev));
    }
    None
}

/// The keys of a binding, written for people ("↑/k").
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join("/")
}

/// The keys of a binding as help shows them: a run of digit bindings
/// stands under its first one as a range ("0-9", "1-5").
pub fn keys_text(b: &Binding) -> String {
    match b.action {
        Action::Digit(0) => "0-9".to_string(),
        Action::Rate(1) => "1-5".to_string(),
        _ => keys_label(b),
    }
}

/// Every key as Markdown, context by context: the README's key section is
/// this text, in English whatever the language on show.
pub fn markdown() -> String {
    fn en(key: &str) -> &str {
        crate::i18n::t_in(crate::i18n::Language::English, key)
    }
    let order = [
        Context::Global,
        Context::Stages,
        Context::Picker,
        Context::Setup,
        Context::Write,
        Context::Editor,
        Context::TextField,
        Context::Tag,
        Context::VoteDots,
        Context::VoteHands,
        Context::Matrix,
        Context::Choose,
        Context::Presenting,
        Context::Locked,
        Context::Restore,
        Context::Recovery,
        Context::RecoveryConflict,
        Context::RecoveryOnly,
        Context::Unsaved,
        Context::Help,
    ];
    let mut out = String::new();
    for ctx in order {
        out.push_str(&format!(
            "\n**{}**\n\n| keys | what they do |\n|---|---|\n",
            en(ctx.title_key())
        ));
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == ctx && !b.help.is_empty())
        {
            let keys = keys_text(b);
            let keys = keys.replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} |\n", en(b.help)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Session;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn no_key_is_bound_twice_in_contexts_active_together() {
        let together: &[&[Context]] = &[
            &[Context::Picker, Context::Global],
            &[Context::Setup, Context::Stages, Context::Global],
            &[Context::Write, Context::Stages, Context::Global],
            &[Context::Tag, Context::Stages, Context::Global],
            &[Context::VoteDots, Context::Stages, Context::Global],
            &[Context::VoteHands, Context::Stages, Context::Global],
            &[Context::Matrix, Context::Stages, Context::Global],
            &[Context::Choose, Context::Stages, Context::Global],
            &[
                Context::Presenting,
                Context::Choose,
                Context::Stages,
                Context::Global,
            ],
            &[
                Context::Presenting,
                Context::Matrix,
                Context::Stages,
                Context::Global,
            ],
            &[
                Context::Presenting,
                Context::Write,
                Context::Stages,
                Context::Global,
            ],
            &[Context::Editor],
            &[Context::TextField],
            &[Context::Locked],
            &[Context::Restore],
            &[Context::Recovery],
            &[Context::RecoveryConflict],
            &[Context::RecoveryOnly],
            &[Context::Unsaved],
            &[Context::Help],
        ];
        for set in together {
            let keys: Vec<(Context, Key)> = BINDINGS
                .iter()
                .filter(|b| set.contains(&b.context))
                .flat_map(|b| b.keys.iter().map(move |key| (b.context, *key)))
                .collect();
            for (i, (ca, a)) in keys.iter().enumerate() {
                for (cb, b) in &keys[i + 1..] {
                    assert!(a != b, "{} bound twice in {:?} and {:?}", a.label(), ca, cb);
                }
            }
        }
    }

    #[test]
    fn q_quits_outside_text_and_types_inside() {
        let mut app = App::workshop(Session::new("t"), "t.ron".into());
        assert_eq!(
            action_for(&app, press(KeyCode::Char('q'))),
            Some(Action::Quit)
        );
        if let Screen::Workshop(w) = &mut app.screen {
            w.session.stage = Stage::Write;
            w.editor = Some(crate::app::MotEditor {
                mot: None,
                fields: Default::default(),
                focus: 0,
            });
        }
        assert!(matches!(
            action_for(&app, press(KeyCode::Char('q'))),
            Some(Action::Type(_))
        ));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(&app, ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn key_releases_are_ignored() {
        let app = App::workshop(Session::new("t"), "t.ron".into());
        let mut ev = press(KeyCode::Char('q'));
        ev.kind = KeyEventKind::Release;
        assert_eq!(action_for(&app, ev), None);
    }

    #[test]
    fn labels_read_well() {
        assert_eq!(ctrl('s').label(), "Ctrl-S");
        assert_eq!(k(KeyCode::BackTab).label(), "Shift-Tab");
        assert_eq!(k(KeyCode::Char(' ')).label(), "Space");
        assert_eq!(k(KeyCode::F(5)).label(), "F5");
    }
}
