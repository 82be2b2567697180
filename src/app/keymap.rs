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
    /// Presenting: the current view has the whole screen.
    Presenting,
    /// The help overlay.
    Help,
}

impl Context {
    /// Heading of this context in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Stages => "Stages",
            Context::Picker => "Sessions",
            Context::TextField => "Typing",
            Context::Editor => "MOT editor",
            Context::Locked => "Session in use",
            Context::Restore => "Unreadable session",
            Context::Recovery => "Recovery after a crash",
            Context::Unsaved => "Quit without saving?",
            Context::Setup => "Setup",
            Context::Write => "Write",
            Context::Tag => "Tag",
            Context::VoteDots => "Vote: dots",
            Context::VoteHands => "Vote: show of hands",
            Context::Matrix => "Matrix",
            Context::Presenting => "Presenting",
            Context::Help => "Help",
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
    /// The help line.
    pub help: &'static str,
    /// How the bottom key bar shows it, if it does (the essentials only).
    pub bar: Option<Bar>,
}

/// A binding's entry in the key bar: short, because the bar is one line at 80 columns.
#[derive(Debug)]
pub struct Bar {
    /// Keys as shown, when not simply the first key.
    pub keys: Option<&'static str>,
    /// One or two words.
    pub label: &'static str,
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
        "close help",
        bk("?", "close")
    ),
    // Questions
    bind!(
        Locked,
        [c('r')],
        A::OpenReadOnly,
        "open it read-only: look, change nothing",
        b("read-only")
    ),
    bind!(
        Locked,
        [c('t')],
        A::TakeOver,
        "take it over (only if that mot is gone)",
        b("take over")
    ),
    bind!(
        Locked,
        [k(K::Esc)],
        A::Cancel,
        "do not open it",
        b("cancel")
    ),
    bind!(
        Restore,
        [c('y')],
        A::Yes,
        "open the newest good backup instead",
        b("open backup")
    ),
    bind!(
        Restore,
        [c('n'), k(K::Esc)],
        A::No,
        "do not open it",
        b("cancel")
    ),
    bind!(
        Recovery,
        [c('y')],
        A::Yes,
        "open the session the crash left",
        b("recover")
    ),
    bind!(
        Recovery,
        [c('n')],
        A::No,
        "open the file as it was last saved",
        b("as saved")
    ),
    bind!(
        Recovery,
        [k(K::Esc)],
        A::Cancel,
        "do not open it",
        b("cancel")
    ),
    bind!(
        Unsaved,
        [c('w')],
        A::WriteElsewhere,
        "write the session to another file, then quit",
        b("write elsewhere")
    ),
    bind!(
        Unsaved,
        [c('q')],
        A::QuitWithoutSaving,
        "quit WITHOUT saving",
        b("quit anyway")
    ),
    bind!(
        Unsaved,
        [k(K::Esc)],
        A::No,
        "stay in the session",
        b("stay")
    ),
    // Text fields
    bind!(
        Editor,
        [k(K::Tab)],
        A::NextField,
        "next field",
        b("next field")
    ),
    bind!(
        Editor,
        [k(K::BackTab)],
        A::PrevField,
        "previous field",
        None
    ),
    bind!(
        Editor,
        [k(K::Enter)],
        A::Submit,
        "next field; on Feeling, keep the MOT",
        b("next / keep")
    ),
    bind!(Editor, [ctrl('s')], A::SaveMot, "keep the MOT", b("keep")),
    bind!(
        Editor,
        [k(K::Esc)],
        A::Cancel,
        "discard this edit",
        b("discard")
    ),
    bind!(TextField, [k(K::Enter)], A::Submit, "keep", b("keep")),
    bind!(TextField, [k(K::Esc)], A::Cancel, "cancel", b("cancel")),
    // Picker
    bind!(Picker, [k(K::Up), c('k')], A::Up, "previous session", None),
    bind!(Picker, [k(K::Down), c('j')], A::Down, "next session", None),
    bind!(Picker, [k(K::Home)], A::Home, "first session", None),
    bind!(Picker, [k(K::End)], A::End, "last session", None),
    bind!(
        Picker,
        [k(K::Enter)],
        A::Open,
        "open the session",
        b("open")
    ),
    bind!(Picker, [c('n')], A::NewSession, "new session", b("new")),
    // Setup
    bind!(Setup, [k(K::Up), c('k')], A::Up, "previous row", None),
    bind!(Setup, [k(K::Down), c('j')], A::Down, "next row", None),
    bind!(Setup, [k(K::Home)], A::Home, "first row", None),
    bind!(Setup, [k(K::End)], A::End, "last row", None),
    bind!(
        Setup,
        [k(K::Enter), c('e')],
        A::Open,
        "edit the row (text, or add)",
        b("edit")
    ),
    bind!(
        Setup,
        [k(K::Left), c('-'), c('h')],
        A::Left,
        "less / previous choice",
        bk("←→", "change")
    ),
    bind!(
        Setup,
        [k(K::Right), c('+'), c('='), c('l')],
        A::Right,
        "more / next choice",
        None
    ),
    bind!(
        Setup,
        [c('a')],
        A::AddParticipant,
        "add a participant",
        b("add person")
    ),
    bind!(Setup, [c('g')], A::AddGroup, "add a respondent group", None),
    bind!(
        Setup,
        [c('d'), k(K::Delete)],
        A::Delete,
        "remove the participant or group",
        None
    ),
    // Write
    bind!(Write, [c('n')], A::NewMot, "new MOT", b("new")),
    bind!(
        Write,
        [k(K::Enter), c('e')],
        A::Open,
        "edit the MOT",
        b("edit")
    ),
    bind!(
        Write,
        [c('d'), k(K::Delete)],
        A::Delete,
        "delete the MOT",
        b("delete")
    ),
    bind!(Write, [k(K::Up), c('k')], A::Up, "previous MOT", None),
    bind!(Write, [k(K::Down), c('j')], A::Down, "next MOT", None),
    bind!(Write, [k(K::PageUp)], A::PageUp, "a page up", None),
    bind!(Write, [k(K::PageDown)], A::PageDown, "a page down", None),
    bind!(Write, [k(K::Home), c('g')], A::Home, "first MOT", None),
    bind!(Write, [k(K::End), c('G')], A::End, "last MOT", None),
    // Tag
    bind!(Tag, [k(K::Up), c('k')], A::Up, "previous MOT", None),
    bind!(Tag, [k(K::Down), c('j')], A::Down, "next MOT", None),
    bind!(Tag, [k(K::Home)], A::Home, "first MOT", None),
    bind!(Tag, [k(K::End)], A::End, "last MOT", None),
    bind!(
        Tag,
        [c('1')],
        A::SetDimension(Dimension::Entry),
        "dimension: Entry",
        None
    ),
    bind!(
        Tag,
        [c('2')],
        A::SetDimension(Dimension::Conversion),
        "dimension: Conversion",
        None
    ),
    bind!(
        Tag,
        [c('3')],
        A::SetDimension(Dimension::Repurchase),
        "dimension: Repurchase",
        None
    ),
    bind!(
        Tag,
        [c('4')],
        A::SetDimension(Dimension::Referral),
        "dimension: Referral",
        None
    ),
    bind!(
        Tag,
        [c('0'), k(K::Backspace)],
        A::ClearDimension,
        "clear the dimension",
        None
    ),
    bind!(
        Tag,
        [c('5')],
        A::ToggleQuality(Quality::Reliability),
        "quality: Reliability on/off",
        None
    ),
    bind!(
        Tag,
        [c('6')],
        A::ToggleQuality(Quality::Assurance),
        "quality: Assurance on/off",
        None
    ),
    bind!(
        Tag,
        [c('7')],
        A::ToggleQuality(Quality::Responsiveness),
        "quality: Responsiveness on/off",
        None
    ),
    bind!(
        Tag,
        [c('8')],
        A::ToggleQuality(Quality::Tangibles),
        "quality: Tangibles on/off",
        None
    ),
    bind!(
        Tag,
        [c('9')],
        A::ToggleQuality(Quality::Empathy),
        "quality: Empathy on/off",
        None
    ),
    bind!(
        Tag,
        [k(K::Char(' ')), k(K::Enter)],
        A::NextUntagged,
        "next untagged MOT",
        b("next untagged")
    ),
    bind!(Tag, [k(K::PageUp)], A::PageUp, "a page up", None),
    bind!(Tag, [k(K::PageDown)], A::PageDown, "a page down", None),
    // Vote, dots
    bind!(VoteDots, [k(K::Up), c('k')], A::Up, "previous MOT", None),
    bind!(VoteDots, [k(K::Down), c('j')], A::Down, "next MOT", None),
    bind!(VoteDots, [k(K::Home)], A::Home, "first MOT", None),
    bind!(VoteDots, [k(K::End)], A::End, "last MOT", None),
    bind!(
        VoteDots,
        [k(K::Right), c('+'), c('='), k(K::Char(' '))],
        A::Increase,
        "add a dot",
        bk("→ ←", "dot")
    ),
    bind!(
        VoteDots,
        [k(K::Left), c('-'), k(K::Backspace)],
        A::Decrease,
        "take a dot back",
        None
    ),
    bind!(
        VoteDots,
        [c(']'), c('p')],
        A::NextParticipant,
        "next participant",
        bk("] [", "voter")
    ),
    bind!(
        VoteDots,
        [c('['), c('P')],
        A::PrevParticipant,
        "previous participant",
        None
    ),
    bind!(
        VoteDots,
        [c('m')],
        A::ToggleVoteMode,
        "switch to show of hands",
        b("hands")
    ),
    bind!(
        VoteDots,
        [c('r')],
        A::ToggleReveal,
        "reveal / hide the totals",
        b("reveal")
    ),
    bind!(VoteDots, [k(K::PageUp)], A::PageUp, "a page up", None),
    bind!(VoteDots, [k(K::PageDown)], A::PageDown, "a page down", None),
    // Vote, hands
    bind!(VoteHands, [k(K::Up), c('k')], A::Up, "previous MOT", None),
    bind!(VoteHands, [k(K::Down), c('j')], A::Down, "next MOT", None),
    bind!(VoteHands, [k(K::Home)], A::Home, "first MOT", None),
    bind!(VoteHands, [k(K::End)], A::End, "last MOT", None),
    bind!(
        VoteHands,
        [k(K::Left), c('h')],
        A::Left,
        "previous group",
        None
    ),
    bind!(
        VoteHands,
        [k(K::Right), c('l')],
        A::Right,
        "next group",
        None
    ),
    bind!(
        VoteHands,
        [c('0')],
        A::Digit(0),
        "type the count (0-9)",
        bk("0-9", "count")
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
        "erase a digit",
        None
    ),
    bind!(
        VoteHands,
        [c('+'), c('=')],
        A::Increase,
        "one hand more",
        None
    ),
    bind!(VoteHands, [c('-')], A::Decrease, "one hand less", None),
    bind!(
        VoteHands,
        [c('m')],
        A::ToggleVoteMode,
        "switch to dots",
        b("dots")
    ),
    bind!(
        VoteHands,
        [c('r')],
        A::ToggleReveal,
        "reveal / hide the totals",
        b("reveal")
    ),
    // Matrix
    bind!(Matrix, [k(K::Up), c('k')], A::Up, "cell above", None),
    bind!(Matrix, [k(K::Down), c('j')], A::Down, "cell below", None),
    bind!(
        Matrix,
        [k(K::Left), c('h')],
        A::Left,
        "cell to the left",
        None
    ),
    bind!(
        Matrix,
        [k(K::Right), c('l')],
        A::Right,
        "cell to the right",
        None
    ),
    bind!(
        Matrix,
        [k(K::PageUp)],
        A::PageUp,
        "scroll the cell's MOTs up",
        None
    ),
    bind!(
        Matrix,
        [k(K::PageDown)],
        A::PageDown,
        "scroll the cell's MOTs down",
        None
    ),
    // Everywhere
    bind!(Stages, [k(K::Tab)], A::NextStage, "next stage", b("stage")),
    bind!(
        Stages,
        [k(K::BackTab)],
        A::PrevStage,
        "previous stage",
        None
    ),
    bind!(
        Global,
        [c('?')],
        A::ToggleHelp,
        "help: every key of this screen",
        b("help")
    ),
    bind!(Global, [c('q')], A::Quit, "save and quit", b("quit")),
    bind!(
        Stages,
        [c('u'), ctrl('z')],
        A::Undo,
        "undo the last change",
        b("undo")
    ),
    bind!(
        Stages,
        [ctrl('r'), ctrl('y')],
        A::Redo,
        "redo what was undone",
        None
    ),
    bind!(
        Stages,
        [ctrl('s')],
        A::SaveNow,
        "save now (retries a failed save)",
        None
    ),
    bind!(
        Global,
        [ctrl('c')],
        A::Quit,
        "save and quit, even while typing",
        None
    ),
    bind!(
        Stages,
        [c('t')],
        A::ToggleTimer,
        "start or pause this stage's timer",
        b("timer")
    ),
    bind!(Stages, [c('T')], A::ResetTimer, "reset the timer", None),
    bind!(
        Stages,
        [c('F'), k(K::F(5))],
        A::TogglePresenting,
        "presenting: this view on the whole screen",
        b("present")
    ),
    bind!(
        Global,
        [c('L')],
        A::SwitchLanguage,
        "language: English, 简体中文, 繁體中文",
        None
    ),
    bind!(
        Global,
        [c('C')],
        A::SwitchTheme,
        "colours: dark, light, high contrast",
        None
    ),
    bind!(
        Global,
        [c('M')],
        A::ToggleMouse,
        "mouse off (select text) or on (click, scroll)",
        None
    ),
    bind!(
        Presenting,
        [k(K::Esc)],
        A::TogglePresenting,
        "leave presenting",
        bk("Esc", "back")
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
                    super::Offer::Recovery { .. } => vec![Context::Recovery],
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
            } else if w.editor.is_some() {
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

/// Every key as Markdown, context by context: the README's key section is this text.
pub fn markdown() -> String {
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
        Context::Presenting,
        Context::Locked,
        Context::Restore,
        Context::Recovery,
        Context::Unsaved,
        Context::Help,
    ];
    let mut out = String::new();
    for ctx in order {
        out.push_str(&format!(
            "\n**{}**\n\n| keys | what they do |\n|---|---|\n",
            ctx.title()
        ));
        for b in BINDINGS
            .iter()
            .filter(|b| b.context == ctx && !b.help.is_empty())
        {
            let keys = if b.action == Action::Digit(0) {
                "0-9".to_string()
            } else {
                keys_label(b)
            };
            let keys = keys.replace('|', "\\|");
            out.push_str(&format!("| `{keys}` | {} |\n", b.help));
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
    }
}
