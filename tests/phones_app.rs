//! What phones ask goes through the same update as keys; the facilitator's
//! undo takes back the facilitator's own changes and leaves the phones'
//! standing; a phone's MOT is removed like any MOT (and that is undoable);
//! the keyboard leaves a phone's dots alone until the facilitator releases it.

mod common;

use common::Harness;
use mot::app::Action;
use mot::app::phones::{PhoneAction, PhoneAsk, PhoneReply, Refusal};
use mot::model::{MotText, Session, Stage};
use mot::shell;
use ratatui::crossterm::event::KeyCode;

fn text(who: &str) -> MotText {
    MotText {
        who: who.into(),
        situation: "at the front desk after a long flight, late at night".into(),
        feeling: "welcome".into(),
    }
}

fn room() -> Harness {
    mot::i18n::set(mot::i18n::Language::English);
    let mut s = Session::new("Phones");
    s.dot_budget = 3;
    s.max_dots_per_mot = 2;
    s.add_participant("Ann", 1).expect("group");
    s.add_participant("Bo", 1).expect("group");
    s.add_mot(text("a facilitator's guest"));
    s.stage = Stage::Write;
    let mut h = Harness::with_session(s);
    h.workshop_mut().phones.open = true;
    h
}

/// A phone's ask, as the server hands it to the loop; its answer.
fn phone(h: &mut Harness, device: u32, ask: PhoneAsk) -> Result<PhoneReply, Refusal> {
    shell::dispatch(&mut h.app, Action::Phone(PhoneAction { device, ask }));
    shell::wait_for_writer(&mut h.app);
    h.workshop_mut().phones.answer.take().expect("an answer")
}

#[test]
fn undo_takes_back_the_facilitators_change_and_leaves_the_phones() {
    let mut h = room();
    assert_eq!(
        phone(&mut h, 7, PhoneAsk::Claim(1)),
        Ok(PhoneReply::Claimed(1))
    );
    // The facilitator changes the first MOT's text...
    h.key(KeyCode::Enter).type_text(" (VIP)").ctrl('s');
    let edited = h.workshop().session.mots[0].who.clone();
    assert!(edited.ends_with("(VIP)"), "{edited}");
    // ... a phone sends a MOT ...
    let sent = phone(&mut h, 7, PhoneAsk::Write(text("a phone's guest")));
    let Ok(PhoneReply::Wrote(id)) = sent else {
        panic!("{sent:?}")
    };
    // ... and undo takes back the facilitator's edit, not the phone's MOT.
    h.press('u');
    let s = &h.workshop().session;
    assert_eq!(s.mots[0].who, "a facilitator's guest");
    assert!(s.mot(id).is_some(), "the phone's MOT stays");
    assert!(h.status().contains("Undid"), "{}", h.status());
    // A phone's MOT is removed like any MOT, and the removal is undone.
    h.key(KeyCode::End).press('d');
    assert!(h.workshop().session.mot(id).is_none());
    h.press('u');
    let m = h.workshop().session.mot(id).cloned().expect("back");
    assert_eq!(m.author.as_deref(), Some("Ann"));
}

#[test]
fn a_phones_dots_survive_the_facilitators_undo_and_the_keyboard_leaves_them() {
    let mut h = room();
    h.workshop_mut().session.stage = Stage::Vote;
    phone(&mut h, 7, PhoneAsk::Claim(1)).expect("claim");
    // The facilitator's change first: Bo's dot from the keyboard.
    h.workshop_mut().vote.participant = 1;
    h.press('+');
    assert_eq!(h.workshop().session.dots_on(2, 1), 1);
    // Ann votes from her phone.
    assert_eq!(
        phone(&mut h, 7, PhoneAsk::SetDots { mot: 1, count: 2 }),
        Ok(PhoneReply::Dots { count: 2, left: 1 })
    );
    // Undo takes Bo's dot back; Ann's stay.
    h.press('u');
    let s = &h.workshop().session;
    assert_eq!(s.dots_on(2, 1), 0);
    assert_eq!(s.dots_on(1, 1), 2);
    // The keyboard refuses Ann's dots while her phone holds them.
    h.workshop_mut().vote.participant = 0;
    h.press('-');
    assert_eq!(h.workshop().session.dots_on(1, 1), 2);
    assert!(h.status().contains("on their phone"), "{}", h.status());
    // Released on the room screen, the keyboard may.
    h.press('O');
    h.workshop_mut()
        .phones
        .screen
        .as_mut()
        .expect("screen")
        .selected = 0;
    h.press('x').key(KeyCode::Esc);
    h.press('-');
    assert_eq!(h.workshop().session.dots_on(1, 1), 1);
    // And the phone, released, may not.
    assert_eq!(
        phone(&mut h, 7, PhoneAsk::SetDots { mot: 1, count: 0 }),
        Err(Refusal::NoName)
    );
}

#[test]
fn a_newcomer_stays_when_the_facilitator_undoes_an_earlier_change() {
    let mut h = room();
    h.workshop_mut().session.stage = Stage::Setup;
    h.workshop_mut().session.title = "Phones".into();
    // A facilitator's change, then a newcomer from a phone.
    h.press('a').type_text("Cy").key(KeyCode::Enter);
    let cy = h.workshop().session.participants.len();
    assert_eq!(cy, 3);
    let joined = phone(
        &mut h,
        9,
        PhoneAsk::Join {
            name: "Dee".into(),
            group: 2,
        },
    );
    let Ok(PhoneReply::Claimed(dee)) = joined else {
        panic!("{joined:?}")
    };
    h.press('u');
    let s = &h.workshop().session;
    assert!(s.participants.iter().all(|p| p.name != "Cy"), "Cy undone");
    assert!(s.participant(dee).is_some(), "Dee stays");
    assert_eq!(h.workshop().phones.holder(dee), Some(9));
}

#[test]
fn a_closed_room_answers_nothing_and_changes_nothing() {
    let mut h = room();
    h.workshop_mut().phones.open = false;
    assert_eq!(
        phone(&mut h, 7, PhoneAsk::Write(text("late"))),
        Err(Refusal::Closed)
    );
    assert_eq!(h.workshop().session.mots.len(), 1);
}

#[test]
fn a_phone_writes_only_with_a_name_and_votes_only_while_the_room_votes() {
    let mut h = room();
    assert_eq!(
        phone(&mut h, 3, PhoneAsk::Write(text("nobody"))),
        Err(Refusal::NoName)
    );
    phone(&mut h, 3, PhoneAsk::Claim(2)).expect("claim");
    assert_eq!(
        phone(&mut h, 3, PhoneAsk::SetDots { mot: 1, count: 1 }),
        Err(Refusal::NotVoting)
    );
    assert_eq!(phone(&mut h, 4, PhoneAsk::Claim(2)), Err(Refusal::Taken));
    // Leaving frees the name for another phone.
    assert_eq!(phone(&mut h, 3, PhoneAsk::Leave), Ok(PhoneReply::Left));
    assert_eq!(
        phone(&mut h, 4, PhoneAsk::Claim(2)),
        Ok(PhoneReply::Claimed(2))
    );
}

#[test]
fn authors_are_shown_from_the_room_screen_and_that_is_undone_by_name() {
    let mut h = room();
    phone(&mut h, 7, PhoneAsk::Claim(1)).expect("claim");
    phone(&mut h, 7, PhoneAsk::Write(text("a phone's guest"))).expect("sent");
    assert!(!h.screen(100, 30).contains("· Ann"), "hidden by default");
    h.press('O').press('a').key(KeyCode::Esc);
    assert!(h.workshop().session.show_authors);
    assert!(h.screen(100, 30).contains("· Ann"));
    h.press('u');
    assert!(!h.workshop().session.show_authors);
    assert!(
        h.status().contains("showing who sent each phone MOT"),
        "{}",
        h.status()
    );
}

#[test]
fn undo_walks_back_past_a_newcomer_and_redo_comes_back() {
    let mut h = room();
    h.workshop_mut().session.add_mot(text("a second guest"));
    h.workshop_mut().session.add_mot(text("a third guest"));
    let w = h.workshop_mut();
    w.history = mot::app::history::History::new(&w.session);
    // Two facilitator's changes...
    h.key(KeyCode::End).press('d').press('d');
    assert_eq!(h.workshop().session.mots.len(), 1);
    // ... then a newcomer from a phone.
    phone(
        &mut h,
        9,
        PhoneAsk::Join {
            name: "Zoe".into(),
            group: 2,
        },
    )
    .expect("joined");
    h.press('u');
    assert_eq!(h.workshop().session.mots.len(), 2, "{}", h.status());
    h.press('u');
    assert_eq!(h.workshop().session.mots.len(), 3, "{}", h.status());
    assert!(
        h.workshop()
            .session
            .participants
            .iter()
            .any(|p| p.name == "Zoe")
    );
    h.press('u');
    assert!(h.status().contains("Nothing to undo"), "{}", h.status());
    h.ctrl('r');
    assert_eq!(h.workshop().session.mots.len(), 2, "{}", h.status());
    h.ctrl('r');
    assert_eq!(h.workshop().session.mots.len(), 1, "{}", h.status());
}

#[test]
fn undo_of_keyboard_dots_is_not_caught_by_the_phones_dots() {
    let mut h = room();
    h.workshop_mut().session.stage = Stage::Vote;
    h.workshop_mut()
        .session
        .add_participant("Cy", 2)
        .expect("group");
    let w = h.workshop_mut();
    w.history = mot::app::history::History::new(&w.session);
    phone(&mut h, 7, PhoneAsk::Claim(1)).expect("claim");
    phone(&mut h, 8, PhoneAsk::Claim(2)).expect("claim");
    phone(&mut h, 7, PhoneAsk::SetDots { mot: 1, count: 2 }).expect("dots");
    // Cy votes from the keyboard, twice; Bo's phone votes between.
    h.workshop_mut().vote.participant = 2;
    h.press('+');
    phone(&mut h, 8, PhoneAsk::SetDots { mot: 1, count: 1 }).expect("dots");
    h.press('+');
    assert_eq!(h.workshop().session.dots_on(3, 1), 2);
    // Ann takes one back: her entry stays, Bo's moves nothing.
    phone(&mut h, 7, PhoneAsk::SetDots { mot: 1, count: 0 }).expect("dots");
    h.press('u');
    assert_eq!(h.workshop().session.dots_on(3, 1), 1, "{}", h.status());
    h.press('u');
    assert_eq!(h.workshop().session.dots_on(3, 1), 0, "{}", h.status());
    let s = &h.workshop().session;
    assert_eq!(
        (s.dots_on(1, 1), s.dots_on(2, 1)),
        (0, 1),
        "the phones' dots stand"
    );
    h.press('u');
    assert!(h.status().contains("Nothing to undo"), "{}", h.status());
    h.ctrl('r').ctrl('r');
    assert_eq!(h.workshop().session.dots_on(3, 1), 2, "{}", h.status());
    assert!(h.workshop().session.validate().is_ok());
}

#[test]
fn a_name_that_voted_is_not_picked_by_another_phone_until_the_facilitator_frees_it() {
    let mut h = room();
    h.workshop_mut().session.stage = Stage::Vote;
    phone(&mut h, 7, PhoneAsk::Claim(1)).expect("claim");
    phone(&mut h, 7, PhoneAsk::SetDots { mot: 1, count: 1 }).expect("dots");
    // "Not me": the phone lets go, and nobody may pick Ann and see her vote.
    phone(&mut h, 7, PhoneAsk::Leave).expect("left");
    assert_eq!(phone(&mut h, 8, PhoneAsk::Claim(1)), Err(Refusal::Voted));
    assert_eq!(phone(&mut h, 7, PhoneAsk::Claim(1)), Err(Refusal::Voted));
    // Bo voted from the keyboard: no phone picks him either.
    h.workshop_mut().vote.participant = 1;
    h.press('+');
    assert_eq!(phone(&mut h, 8, PhoneAsk::Claim(2)), Err(Refusal::Voted));
    // The facilitator frees Ann (a lost phone): her new phone takes her, once.
    h.press('O');
    h.workshop_mut()
        .phones
        .screen
        .as_mut()
        .expect("screen")
        .selected = 0;
    h.press('x').key(KeyCode::Esc);
    assert_eq!(
        phone(&mut h, 8, PhoneAsk::Claim(1)),
        Ok(PhoneReply::Claimed(1))
    );
    phone(&mut h, 8, PhoneAsk::Leave).expect("left");
    assert_eq!(phone(&mut h, 9, PhoneAsk::Claim(1)), Err(Refusal::Voted));
    // The wall says nothing of a phone's dots, and v does not show them.
    phone(
        &mut h,
        7,
        PhoneAsk::Join {
            name: "Dee".into(),
            group: 1,
        },
    )
    .expect("joined");
    h.workshop_mut().vote.participant = 2;
    assert!(h.screen(100, 30).contains("votes on their phone"));
    h.press('v');
    assert!(
        h.status().contains("their dots are theirs alone"),
        "{}",
        h.status()
    );
    assert!(!h.workshop().vote.show_dots);
}

#[test]
fn names_and_mots_from_phones_are_plain_and_unique() {
    let mut h = room();
    let join = |h: &mut Harness, name: &str| {
        phone(
            h,
            5,
            PhoneAsk::Join {
                name: name.into(),
                group: 1,
            },
        )
    };
    assert_eq!(join(&mut h, "ann"), Err(Refusal::SameName));
    assert_eq!(join(&mut h, "A\u{200b}nn"), Err(Refusal::SameName));
    assert_eq!(join(&mut h, "\u{1b}\u{7}"), Err(Refusal::Empty));
    let Ok(PhoneReply::Claimed(id)) = join(&mut h, "Ann\u{202e}gnp.exe") else {
        panic!("a name with an override, cleaned")
    };
    let name = h.workshop().session.participant(id).map(|p| p.name.clone());
    assert_eq!(name.as_deref(), Some("Anngnp.exe"));
    let blank = MotText {
        who: "\u{7}".into(),
        situation: "\u{200b}".into(),
        feeling: " \u{1b} ".into(),
    };
    assert_eq!(
        phone(&mut h, 5, PhoneAsk::Write(blank)),
        Err(Refusal::Empty)
    );
    assert_eq!(h.workshop().session.mots.len(), 1);
}
