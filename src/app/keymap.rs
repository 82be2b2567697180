//! The one table of keys: it drives dispatch, the help overlay and the key bar,
//! so what the help says is always what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::drill::DrillView;
use super::{Action, App, Screen, Stage, VoteMode};
use crate::model::{Dimension, Quality};

/// Declares [`Context`] and [`Context::ALL`] from one list, so a context
/// added later is in `ALL`, and the tests that walk `ALL` see it.
macro_rules! contexts {
    ($($(#[$doc:meta])* $name:ident,)+) => {
        /// Where a binding applies.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Context {
            $($(#[$doc])* $name,)+
        }

        impl Context {
            /// Every context, in the order declared.
            pub const ALL: &'static [Context] = &[$(Context::$name,)+];
        }
    };
}

contexts! {
    /// Everywhere outside text fields.
    Global,
    /// Inside a session, outside text fields: moving between stages.
    Stages,
    /// Inside a session, outside text fields and presenting: the report
    /// (its help continues the stages' list, under the same heading).
    Report,
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
    /// A merge of marked sessions that stopped on conflicts.
    MergeConflicts,
    /// What a merge of marked sessions did.
    MergeSummary,
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
    /// Typing the number of the MOT to go to, after `#`.
    GoTo,
    /// The Drill stage: the deck of scenario cards.
    DrillCards,
    /// The Drill stage: the trios.
    DrillTrios,
    /// The Drill stage: the round, its clock and its tables.
    DrillRound,
    /// An observer's sheet, typed in from paper.
    DrillSheet,
    /// The Drill stage: the debrief.
    DrillDebrief,
    /// A list to pick a card from (the library, the chosen MOTs).
    DrillPick,
    /// The editor of a scenario card.
    CardEditor,
    /// The preview of MOTs about to be imported into Write.
    ImportPreview,
    /// The review of likely duplicate MOTs.
    Duplicates,
    /// The room screen: the QR code, the address, the phones.
    Room,
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
            // Its keys continue the list of the stages' keys.
            Context::Report => "keys.ctx.stages",
            Context::Picker => "keys.ctx.picker",
            Context::TextField => "keys.ctx.text_field",
            Context::Editor => "keys.ctx.editor",
            Context::Locked => "keys.ctx.locked",
            Context::Restore => "keys.ctx.restore",
            Context::Recovery => "keys.ctx.recovery",
            Context::RecoveryConflict => "keys.ctx.recovery_conflict",
            Context::RecoveryOnly => "keys.ctx.recovery_only",
            Context::Unsaved => "keys.ctx.unsaved",
            Context::MergeConflicts => "keys.ctx.merge_conflicts",
            Context::MergeSummary => "keys.ctx.merge_summary",
            Context::Setup => "keys.ctx.setup",
            Context::Write => "keys.ctx.write",
            Context::Tag => "keys.ctx.tag",
            Context::VoteDots => "keys.ctx.vote_dots",
            Context::VoteHands => "keys.ctx.vote_hands",
            Context::Matrix => "keys.ctx.matrix",
            Context::Choose => "keys.ctx.choose",
            Context::Presenting => "keys.ctx.presenting",
            Context::Help => "keys.ctx.help",
            Context::GoTo => "keys.ctx.goto",
            Context::DrillCards => "keys.ctx.drill_cards",
            Context::DrillTrios => "keys.ctx.drill_trios",
            Context::DrillRound => "keys.ctx.drill_round",
            Context::DrillSheet => "keys.ctx.drill_sheet",
            Context::DrillDebrief => "keys.ctx.drill_debrief",
            Context::DrillPick => "keys.ctx.drill_pick",
            Context::CardEditor => "keys.ctx.card_editor",
            Context::ImportPreview => "keys.ctx.import_preview",
            Context::Duplicates => "keys.ctx.duplicates",
            Context::Room => "keys.ctx.room",
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
#[derive(Debug, Clone)]
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
#[derive(Debug, Clone)]
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

mod bindings;

pub use bindings::BINDINGS;

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
            } else if let Some(view) = &p.merge {
                match view {
                    super::MergeView::Title(_) => vec![Context::TextField],
                    super::MergeView::Conflicts { .. } => vec![Context::MergeConflicts],
                    super::MergeView::Summary { .. } => vec![Context::MergeSummary],
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
            } else if w.drill.editor.is_some() {
                vec![Context::CardEditor]
            } else if w.setup.editing.is_some()
                || w.drill.sheet.as_ref().is_some_and(|s| s.comment.is_some())
            {
                vec![Context::TextField]
            } else if let Some(flow) = &w.import {
                match flow {
                    super::import::ImportFlow::Asking(_) => vec![Context::TextField],
                    super::import::ImportFlow::Preview(_) => {
                        vec![Context::ImportPreview, Context::Global]
                    }
                }
            } else if w.duplicates.is_some() {
                vec![Context::Duplicates, Context::Global]
            } else if w.phones.screen.is_some() {
                // Presenting the QR code: only the way back.
                if app.presenting {
                    vec![Context::Presenting, Context::Global]
                } else {
                    vec![Context::Room, Context::Global]
                }
            } else if w.goto.is_some() {
                // Alone: its digits are the number, not a tag, a rating or a count.
                vec![Context::GoTo]
            } else if w.stage() == Stage::Drill && w.drill.sheet.is_some() {
                // Alone: its digits are scores, and nothing else may happen
                // to the round while a sheet is typed in.
                vec![Context::DrillSheet, Context::Global]
            } else if w.stage() == Stage::Drill && w.drill.picker.is_some() {
                vec![Context::DrillPick, Context::Global]
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
                    Stage::Drill => match w.drill.view {
                        DrillView::Cards => Context::DrillCards,
                        DrillView::Trios => Context::DrillTrios,
                        DrillView::Round => Context::DrillRound,
                        DrillView::Debrief => Context::DrillDebrief,
                    },
                };
                // The report is not the wall's business: presenting leaves
                // its keys (and its lines of help) out.
                if app.presenting {
                    vec![Context::Presenting, stage, Context::Stages, Context::Global]
                } else {
                    vec![stage, Context::Stages, Context::Report, Context::Global]
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
        Action::Rate(1) | Action::Digit(1) => "1-5".to_string(),
        // Writing and copying the report share one line of help.
        Action::WriteReports => BINDINGS
            .iter()
            .find(|c| c.context == b.context && c.action == Action::CopyReport)
            .map_or_else(
                || keys_label(b),
                |c| format!("{}/{}", keys_label(b), keys_label(c)),
            ),
        // Starting and resetting the timer too (80x24 has no row to spare).
        Action::ToggleTimer => BINDINGS
            .iter()
            .find(|c| c.context == b.context && c.action == Action::ResetTimer)
            .map_or_else(
                || keys_label(b),
                |c| format!("{}/{}", keys_label(b), keys_label(c)),
            ),
        _ => keys_label(b),
    }
}

/// The order contexts take in the README's key section: every one of
/// [`Context::ALL`] (a test checks that none is left out).
const README_ORDER: &[Context] = &[
    Context::Global,
    Context::Stages,
    Context::Report,
    Context::Picker,
    Context::Setup,
    Context::Write,
    Context::ImportPreview,
    Context::Duplicates,
    Context::Editor,
    Context::TextField,
    Context::Tag,
    Context::VoteDots,
    Context::VoteHands,
    Context::Matrix,
    Context::Choose,
    Context::GoTo,
    Context::DrillCards,
    Context::DrillTrios,
    Context::DrillRound,
    Context::DrillSheet,
    Context::DrillDebrief,
    Context::DrillPick,
    Context::CardEditor,
    Context::Room,
    Context::Presenting,
    Context::Locked,
    Context::Restore,
    Context::Recovery,
    Context::RecoveryConflict,
    Context::RecoveryOnly,
    Context::Unsaved,
    Context::MergeConflicts,
    Context::MergeSummary,
    Context::Help,
];

/// Every key as Markdown, context by context: the README's key section is
/// this text, in English whatever the language on show.
pub fn markdown() -> String {
    fn en(key: &str) -> &str {
        crate::i18n::t_in(crate::i18n::Language::English, key)
    }
    let order = README_ORDER.iter().copied();
    let mut out = String::new();
    let mut last = "";
    for ctx in order {
        // A context under the previous one's heading continues its table.
        if ctx.title_key() != last {
            out.push_str(&format!(
                "\n**{}**\n\n| keys | what they do |\n|---|---|\n",
                en(ctx.title_key())
            ));
        }
        last = ctx.title_key();
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

    /// Contexts in force at once, screen by screen: no key may mean two
    /// things in one of these (every context is in one; a test checks).
    const TOGETHER: &[&[Context]] = &[
        &[Context::Picker, Context::Global],
        &[
            Context::Setup,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::Write,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::Tag,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::VoteDots,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::VoteHands,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::Matrix,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::Choose,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
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
        &[Context::MergeConflicts],
        &[Context::MergeSummary],
        &[Context::Help],
        &[Context::GoTo],
        &[
            Context::DrillCards,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::DrillTrios,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::DrillRound,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[
            Context::Presenting,
            Context::DrillRound,
            Context::Stages,
            Context::Global,
        ],
        &[
            Context::Presenting,
            Context::DrillDebrief,
            Context::Stages,
            Context::Global,
        ],
        &[
            Context::DrillDebrief,
            Context::Stages,
            Context::Report,
            Context::Global,
        ],
        &[Context::DrillSheet, Context::Global],
        &[Context::DrillPick, Context::Global],
        &[Context::CardEditor],
        &[Context::ImportPreview, Context::Global],
        &[Context::Duplicates, Context::Global],
        &[Context::Room, Context::Global],
    ];

    #[test]
    fn every_context_is_in_the_readme_and_in_the_clash_test() {
        for ctx in Context::ALL {
            assert!(README_ORDER.contains(ctx), "{ctx:?} is not in README_ORDER");
            assert!(
                TOGETHER.iter().any(|set| set.contains(ctx)),
                "{ctx:?} is in no set of TOGETHER: its keys are never checked for clashes"
            );
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_contexts_active_together() {
        let together = TOGETHER;
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
                origin: None,
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
    fn every_mot_list_has_hash_and_its_prompt_takes_the_digits_alone() {
        let hash = press(KeyCode::Char('#'));
        let lists = [
            (Stage::Write, VoteMode::Dots),
            (Stage::Tag, VoteMode::Dots),
            (Stage::Vote, VoteMode::Dots),
            (Stage::Vote, VoteMode::Hands),
            (Stage::Choose, VoteMode::Dots),
        ];
        for (stage, mode) in lists {
            let mut app = App::workshop(Session::new("t"), "t.ron".into());
            let Screen::Workshop(w) = &mut app.screen else {
                panic!("a workshop");
            };
            w.session.stage = stage;
            w.vote.mode = mode;
            assert_eq!(action_for(&app, hash), Some(Action::GoToMot), "{stage:?}");
            if let Screen::Workshop(w) = &mut app.screen {
                w.goto = Some(String::new());
            }
            // The set the clash test checks as one: nothing else is active.
            assert_eq!(screen_contexts(&app), [Context::GoTo], "{stage:?}");
            for d in 0..=9u8 {
                let digit = press(KeyCode::Char(char::from(b'0' + d)));
                assert_eq!(action_for(&app, digit), Some(Action::Digit(d)));
            }
            assert_eq!(action_for(&app, press(KeyCode::Char('q'))), None);
        }
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
