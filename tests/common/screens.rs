//! Every screen of the app, built directly from its state, for tests that
//! look at all of them in a language.

use mot::app::{
    App, ChooseView, MergeRequest, MergeView, MotEditor, MotxEditor, Offer, QuitPrompt, Screen,
    SetupEdit, TextField, VoteMode,
};
use mot::model::{Language, Session, Stage};

/// Every screen of the app over `session()`, shown in `lang`, named.
pub fn every(lang: Language, session: impl Fn() -> Session) -> Vec<(String, App)> {
    let mut out = Vec::new();
    let workshop = |stage: Stage| {
        let mut s = session();
        s.stage = stage;
        s.language = Some(lang);
        App::workshop(s, "session.ron".into())
    };
    let picker = || {
        let mut app = App::picker(std::env::temp_dir(), Vec::new());
        app.look.language = lang;
        app
    };
    out.push(("picker".to_string(), picker()));
    let offers = [
        (
            "locked",
            Offer::Locked {
                path: "s.ron".into(),
                holder: "mot".into(),
                can_take_over: true,
            },
        ),
        (
            "restore",
            Offer::Backup {
                path: "s.ron".into(),
                problem: "line 1".into(),
                backup: "s.ron.bak".into(),
            },
        ),
        (
            "recovery",
            Offer::Recovery {
                path: "s.ron".into(),
                recovery: "s.ron.recovery".into(),
                saved: Some("s.ron".into()),
                conflict: false,
            },
        ),
        (
            "recovery of a missing session",
            Offer::Recovery {
                path: "s.ron".into(),
                recovery: "s.ron.recovery".into(),
                saved: None,
                conflict: false,
            },
        ),
        (
            "recovery against newer work",
            Offer::Recovery {
                path: "s.ron".into(),
                recovery: "s.ron.recovery".into(),
                saved: Some("s.ron".into()),
                conflict: true,
            },
        ),
    ];
    for (name, offer) in offers {
        let mut app = picker();
        if let Screen::Picker(p) = &mut app.screen {
            p.offer = Some(offer);
        }
        out.push((name.to_string(), app));
    }
    let mut app = picker();
    if let Screen::Picker(p) = &mut app.screen {
        p.new_title = Some(TextField::default());
    }
    out.push(("new title".to_string(), app));
    for (name, view) in merges(lang, &session) {
        let mut app = picker();
        if let Screen::Picker(p) = &mut app.screen {
            p.merge = Some(view);
        }
        out.push((name.to_string(), app));
    }
    for stage in Stage::ALL {
        out.push((format!("{stage:?}"), workshop(stage)));
        let mut app = workshop(stage);
        app.presenting = true;
        out.push((format!("{stage:?} presenting"), app));
    }
    let mut app = workshop(Stage::Vote);
    if let Screen::Workshop(w) = &mut app.screen {
        w.vote.mode = VoteMode::Hands;
    }
    out.push(("Vote hands".to_string(), app));
    // The room open to phones, its screen on show, and presenting its code.
    for presenting in [false, true] {
        let mut app = workshop(Stage::Write);
        app.presenting = presenting;
        if let Screen::Workshop(w) = &mut app.screen {
            w.phones.open = true;
            w.phones.address = Some(mot::app::phones::RoomAddress {
                link: "http://192.168.8.20:4747/j/0f3a9c2d4e5b6a7988776655443322ff".into(),
                short: "http://192.168.8.20:4747".into(),
                code: "K7Q D4M".into(),
                others: vec!["http://10.0.0.7:4747".into()],
                listening: "0.0.0.0:4747".into(),
                warning: None,
            });
            w.phones.screen = Some(Default::default());
        }
        let name = if presenting {
            "room presenting"
        } else {
            "room"
        };
        out.push((name.to_string(), app));
    }
    let mut app = workshop(Stage::Write);
    if let Screen::Workshop(w) = &mut app.screen {
        w.editor = Some(MotEditor {
            mot: None,
            fields: Default::default(),
            focus: 0,
            origin: None,
        });
    }
    out.push(("editor".to_string(), app));
    let mut app = workshop(Stage::Setup);
    if let Screen::Workshop(w) = &mut app.screen {
        w.setup.editing = Some((SetupEdit::Brand, TextField::default()));
    }
    out.push(("setup field".to_string(), app));
    for elsewhere in [false, true] {
        let mut app = workshop(Stage::Write);
        if let Screen::Workshop(w) = &mut app.screen {
            w.quit_prompt = Some(QuitPrompt {
                reason: "disk full".into(),
                elsewhere: elsewhere.then(TextField::default),
                suggestion: "s.ron".into(),
            });
        }
        out.push((format!("unsaved, typing {elsewhere}"), app));
    }
    for view in [ChooseView::Audit, ChooseView::Circles] {
        let mut app = workshop(Stage::Choose);
        if let Screen::Workshop(w) = &mut app.screen {
            w.choose.view = view;
        }
        out.push((format!("Choose {view:?}"), app));
    }
    for revealed in [false, true] {
        for stage in [Stage::Vote, Stage::Matrix, Stage::Choose] {
            let mut app = workshop(stage);
            if let Screen::Workshop(w) = &mut app.screen {
                w.session.votes_revealed = revealed;
                w.changed();
            }
            out.push((format!("{stage:?} revealed {revealed}"), app));
        }
    }
    let mut app = workshop(Stage::Choose);
    if let Screen::Workshop(w) = &mut app.screen
        && let Some(m) = w.session.mots.first()
    {
        w.choose.motx = Some(MotxEditor {
            mot: m.id,
            fields: Default::default(),
            focus: 0,
        });
    }
    out.push(("MOTX editor".to_string(), app));
    out.extend(super::drill::screens(lang, &session));
    out
}

/// The picker's merge of the session with a copy of itself: its title,
/// what stopped it (the copy counts a group differently), what it did.
fn merges(lang: Language, session: &impl Fn() -> Session) -> Vec<(&'static str, MergeView)> {
    use mot::model::merge::{self, Options};
    mot::i18n::set(lang);
    let (a, mut b) = (session(), session());
    // Another breakout, not a copy: the same session twice is refused.
    b.title.push_str(" (east)");
    let request = MergeRequest {
        paths: vec!["a.ron".into(), "b.ron".into()],
        title: "a + 1".into(),
        weights_from_first: false,
    };
    let merged = {
        let sessions = [a.clone(), b.clone()];
        let inputs = mot::shell::merge::breakouts_of(&sessions);
        merge::merge(&inputs, "", &Options::default()).expect("a session merges with its copy")
    };
    if let Some(g) = b.groups.first_mut() {
        g.weight += 1;
    }
    let stopped = {
        let sessions = [a, b];
        let inputs = mot::shell::merge::breakouts_of(&sessions);
        merge::merge(&inputs, "", &Options::default()).expect_err("the weights differ")
    };
    let mut lines = stopped.lines();
    lines.extend(mot::shell::merge::hints(&stopped));
    vec![
        (
            "merge title",
            MergeView::Title(Box::new(TextField::new(&request.title))),
        ),
        (
            "merge conflicts",
            MergeView::Conflicts {
                request,
                lines,
                weights_settle: stopped.only_weights(),
                scroll: Default::default(),
            },
        ),
        (
            "merge summary",
            MergeView::Summary {
                lines: merged.summary.lines(),
                scroll: Default::default(),
            },
        ),
    ]
}
