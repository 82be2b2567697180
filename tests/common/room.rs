//! A room served for real on 127.0.0.1: the app runs on a thread of its
//! own as the event loop would (woken by the server, settling each time),
//! and the test talks to it with a real HTTP client, as phones do.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use mot::app::{Action, App, Screen, Workshop};
use mot::model::Session;
use mot::serve::Listen;
use mot::shell;
use mot::store::writer::Waker;
use serde_json::Value;

/// What the loop thread is asked to do.
enum Cmd {
    Wake,
    Do(Box<dyn FnOnce(&mut App) + Send>),
    Stop,
}

/// The app on its loop thread, with the room open.
pub struct Room {
    tx: mpsc::Sender<Cmd>,
    thread: Option<JoinHandle<()>>,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The token of the room's link.
    pub token: String,
    /// The room code as shown.
    pub code: String,
    /// The session file.
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

impl Room {
    /// Opens `session` from a fresh folder and opens its room on a free port.
    pub fn open(session: Session) -> Room {
        Room::open_on(session, "127.0.0.1:0")
    }

    /// Opens `session` and its room listening on `listen` (`ADDR:PORT`).
    pub fn open_on(session: Session, listen: &str) -> Room {
        let listen: std::net::SocketAddr = listen.parse().expect("address");
        let dir = crate::common::fast_tempdir();
        let path = dir.path().join("session.ron");
        mot::store::save(&path, &session).expect("save");
        let (tx, rx) = mpsc::channel::<Cmd>();
        let wake = tx.clone();
        let (ready_tx, ready) = mpsc::channel();
        let file = path.clone();
        let thread = std::thread::spawn(move || {
            let mut app = App::picker(PathBuf::new(), Vec::new());
            app.waker = Some(Waker::new(move || {
                let _ = wake.send(Cmd::Wake);
            }));
            app.open(
                session,
                mot::store::session_file::SessionFile::detached(file),
            );
            app.listen = Listen::At(listen);
            shell::dispatch(&mut app, Action::Room);
            let w = workshop(&mut app);
            let address = w.phones.address.clone().expect("the room opened");
            let _ = ready_tx.send(address);
            // Back to the stage, as the facilitator does: the room stays open.
            shell::dispatch(&mut app, Action::Cancel);
            while let Ok(cmd) = rx.recv() {
                match cmd {
                    Cmd::Wake => {}
                    Cmd::Do(f) => f(&mut app),
                    Cmd::Stop => break,
                }
                shell::settle(&mut app);
            }
            shell::wait_for_writer(&mut app);
        });
        let address = ready.recv_timeout(Duration::from_secs(10)).expect("room");
        let token = address.link.rsplit('/').next().expect("token").to_string();
        Room {
            tx,
            thread: Some(thread),
            base: address.short.clone(),
            token,
            code: address.code.clone(),
            path,
            _dir: dir,
        }
    }

    /// Runs `f` on the loop thread with the app, and gives back what it returns.
    pub fn with<T: Send + 'static>(&self, f: impl FnOnce(&mut App) -> T + Send + 'static) -> T {
        let (tx, rx) = mpsc::channel();
        self.tx
            .send(Cmd::Do(Box::new(move |app| {
                let _ = tx.send(f(app));
            })))
            .expect("loop");
        rx.recv_timeout(Duration::from_secs(20))
            .expect("loop answered")
    }

    /// A key, or any action, as the facilitator gives it.
    pub fn act(&self, action: Action) {
        self.with(move |app| shell::dispatch(app, action));
    }

    /// The session file as saved, once the writer is done.
    pub fn saved(&self) -> String {
        self.with(shell::wait_for_writer);
        std::fs::read_to_string(&self.path).expect("session file")
    }

    /// The session as the app holds it.
    pub fn session(&self) -> Session {
        self.with(|app| workshop(app).session.clone())
    }

    /// A new phone: no cookie yet.
    pub fn phone(&self) -> Phone {
        Phone {
            base: self.base.clone(),
            cookie: None,
            agent: agent(),
        }
    }

    /// A phone let in through the QR code's link.
    pub fn scanned(&self) -> Phone {
        let mut p = self.phone();
        let r = p.get(&format!("/j/{}", self.token));
        assert_eq!(r.0, 303, "the link lets a phone in: {}", r.1);
        assert!(p.cookie.is_some(), "the link gives a cookie");
        p
    }

    /// Closes the room the way its key does.
    pub fn close(&self) {
        self.with(|app| {
            if workshop(app).phones.screen.is_none() {
                shell::dispatch(app, Action::Room);
            }
            shell::dispatch(app, Action::Room);
        });
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        let _ = self.tx.send(Cmd::Stop);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// The open session.
pub fn workshop(app: &mut App) -> &mut Workshop {
    match &mut app.screen {
        Screen::Workshop(w) => w,
        Screen::Picker(_) => panic!("no session open"),
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(40)))
        .build()
        .into()
}

/// A phone: an HTTP client with its cookie.
pub struct Phone {
    base: String,
    /// Its `mot_device` cookie, once let in.
    pub cookie: Option<String>,
    agent: ureq::Agent,
}

impl Phone {
    /// A phone talking to `base` with this cookie.
    pub fn at(base: &str, cookie: Option<String>) -> Phone {
        Phone {
            base: base.to_string(),
            cookie,
            agent: agent(),
        }
    }

    /// The same phone with another phone's cookie (or none).
    pub fn with_cookie(&self, cookie: Option<String>) -> Phone {
        Phone {
            base: self.base.clone(),
            cookie,
            agent: agent(),
        }
    }

    fn take_cookie(&mut self, headers: &ureq::http::HeaderMap) {
        for v in headers.get_all("set-cookie") {
            if let Ok(v) = v.to_str()
                && let Some(rest) = v.strip_prefix("mot_device=")
            {
                self.cookie = Some(rest.split(';').next().unwrap_or_default().to_string());
            }
        }
    }

    /// GET a path: the status and the body.
    pub fn get(&mut self, path: &str) -> (u16, String) {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            req = req.header("Cookie", format!("mot_device={c}"));
        }
        let mut r = req.call().expect("the room answers");
        self.take_cookie(r.headers());
        let status = r.status().as_u16();
        (status, r.body_mut().read_to_string().unwrap_or_default())
    }

    /// POST a form (the room code).
    pub fn post_form(&mut self, path: &str, form: &[(&str, &str)]) -> (u16, String) {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            req = req.header("Cookie", format!("mot_device={c}"));
        }
        let mut r = req
            .send_form(form.iter().copied())
            .expect("the room answers");
        self.take_cookie(r.headers());
        let status = r.status().as_u16();
        (status, r.body_mut().read_to_string().unwrap_or_default())
    }

    /// POST JSON to the API: the status and the JSON answer.
    pub fn post(&mut self, path: &str, body: Value) -> (u16, Value) {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        if let Some(c) = &self.cookie {
            req = req.header("Cookie", format!("mot_device={c}"));
        }
        let mut r = req.send_json(&body).expect("the room answers");
        let status = r.status().as_u16();
        let text = r.body_mut().read_to_string().unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// POST raw bytes with a content type.
    pub fn post_raw(&mut self, path: &str, content_type: &str, body: Vec<u8>) -> u16 {
        let mut req = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("Content-Type", content_type);
        if let Some(c) = &self.cookie {
            req = req.header("Cookie", format!("mot_device={c}"));
        }
        match req.send(&body[..]) {
            Ok(r) => r.status().as_u16(),
            // The server may close the connection on a body it refuses.
            Err(_) => 413,
        }
    }

    /// The phone's news, right now.
    pub fn state(&mut self) -> (u16, Value) {
        let (status, text) = self.get("/api/state");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }
}
