//! Opening and closing the room, and the loop's side of the room's server:
//! each phone's ask is applied through `update` like a key, saved by the
//! same writer, and answered; after every change the phones' picture of the
//! session is published.

use crate::app::phones::RoomAddress;
use crate::app::{Action, App, Screen};
use crate::serve::{Server, Snapshot, address};
use crate::tr;

/// Opens the room: starts the server (its keys made once per open session,
/// so phones that were in come back in) and says where phones reach it.
pub(super) fn open_room(app: &mut App) {
    let listen = app.listen;
    let waker = app.waker.clone();
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    if w.server.is_none() {
        match Server::new() {
            Ok(s) => w.server = Some(s),
            Err(e) => {
                let message = tr!("phones.open_failed", reason = e);
                app.error(message);
                return;
            }
        }
    }
    let Some(server) = w.server.as_mut() else {
        return;
    };
    let local = match server.open(&listen, waker) {
        Ok(local) => local,
        Err(e) => {
            let message = tr!("phones.open_failed", reason = e);
            app.error(message);
            return;
        }
    };
    let shown = address::shown_addresses(local);
    let first = shown.first().copied().unwrap_or(local);
    let token = server.token_hex();
    let warning = if first.ip().is_loopback() && local.ip().is_unspecified() {
        Some(tr!("phones.no_network").to_string())
    } else if matches!(listen, crate::serve::Listen::Laptop)
        && local.port() != crate::serve::DEFAULT_PORT
    {
        Some(tr!(
            "phones.port_taken",
            port = crate::serve::DEFAULT_PORT,
            used = local.port()
        ))
    } else {
        None
    };
    w.phones.address = Some(RoomAddress {
        link: address::link(first, &token),
        short: address::base(first),
        code: server.code_shown(),
        others: shown.iter().skip(1).map(|a| address::base(*a)).collect(),
        listening: local.to_string(),
        warning,
    });
    w.phones.open = true;
    w.phones.revision = w.phones.revision.wrapping_add(1);
    publish(app);
    app.info(tr!("phones.opened"));
}

/// Closes the room: the port closes; the phones' names stay theirs for
/// when it opens again.
pub(super) fn close_room(app: &mut App) {
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    if let Some(server) = w.server.as_mut() {
        server.close();
    }
    w.phones.open = false;
    w.phones.address = None;
    app.info(tr!("phones.closed"));
}

/// Closes the room without a word, on the way out: its connections let go
/// of their files before the last save.
pub(super) fn stop(app: &mut App) {
    if let Screen::Workshop(w) = &mut app.screen {
        if let Some(server) = w.server.as_mut() {
            server.close();
        }
        w.phones.open = false;
        w.phones.address = None;
    }
}

/// Answers what phones asked, oldest first, and shows phones the session
/// as it now is. Returns whether anything changed on screen.
pub fn serve(app: &mut App) -> bool {
    if app.room_pending && app.workshop_ref().is_some() {
        app.room_pending = false;
        super::dispatch(app, Action::Room);
    }
    let mut changed = false;
    loop {
        let request = match &app.screen {
            Screen::Workshop(w) => w.server.as_ref().and_then(Server::next_request),
            Screen::Picker(_) => None,
        };
        let Some(request) = request else {
            break;
        };
        changed = true;
        super::dispatch(
            app,
            Action::Phone(crate::app::phones::PhoneAction {
                device: request.device,
                ask: request.ask,
            }),
        );
        let answer = match &mut app.screen {
            Screen::Workshop(w) => w.phones.answer.take(),
            Screen::Picker(_) => None,
        };
        // The phone's next look at the room must already show its change.
        publish(app);
        let _ = request
            .reply
            .send(answer.unwrap_or(Err(crate::app::phones::Refusal::Closed)));
    }
    publish(app);
    changed
}

/// Shows phones the session as it now is, when it changed since the last time.
fn publish(app: &mut App) {
    let language = app.language();
    let Screen::Workshop(w) = &mut app.screen else {
        return;
    };
    let Some(server) = w.server.as_ref().filter(|s| s.is_open()) else {
        return;
    };
    let key = (w.phones.revision, language);
    if w.phones.published == Some(key) {
        return;
    }
    w.phones.published = Some(key);
    server.publish(Snapshot::of(&w.session, &w.phones, language));
}
