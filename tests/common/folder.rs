//! A sessions folder as an adversary leaves it: sessions, things planted at
//! the names of mot's side files, a file outside that must never change.
#![allow(dead_code)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use super::Harness;
use mot::app::{App, Offer, OpenHow, Screen};
use mot::model::{MotText, Session, Stage};
use mot::store::{self, side_files};

pub fn session(n: usize) -> Session {
    let mut s = Session::new("Grand Hotel");
    s.stage = Stage::Tag;
    for i in 0..n {
        s.add_mot(MotText {
            who: format!("guest {i}"),
            situation: "arriving late after a delayed flight".into(),
            feeling: "they kept my room".into(),
        });
    }
    s
}

pub fn picker_at(dir: &Path) -> App {
    App::picker(
        dir.to_path_buf(),
        store::list(dir).expect("the folder lists"),
    )
}

pub fn offer(app: &App) -> Option<Offer> {
    match &app.screen {
        Screen::Picker(p) => p.offer.clone(),
        Screen::Workshop(_) => None,
    }
}

pub fn status(app: &App) -> String {
    app.status.clone().map(|s| s.text).unwrap_or_default()
}

pub fn fifo(path: &Path) {
    rustix::fs::mknodat(
        rustix::fs::CWD,
        path,
        rustix::fs::FileType::Fifo,
        rustix::fs::Mode::from_raw_mode(0o600),
        0,
    )
    .expect("mkfifo");
}

/// Runs `f` on another thread and fails if it takes longer than ten
/// seconds: a FIFO that is read hangs forever, and must fail the test
/// instead of hanging CI.
pub fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("finished within ten seconds (a FIFO was read?)")
}

/// What can be planted at a side file's name.
#[derive(Debug, Clone, Copy)]
pub enum Plant {
    /// A link to a file outside the session's own files.
    Link,
    /// A named pipe.
    Fifo,
    /// A folder.
    Folder,
}

pub const PLANTS: [Plant; 3] = [Plant::Link, Plant::Fifo, Plant::Folder];

/// A file that belongs to nobody's session: nothing may ever change it.
pub struct Victim {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl Victim {
    pub fn new(dir: &Path) -> Victim {
        let path = dir.join("outside").join("precious.txt");
        fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        let bytes = b"the consultant's notes, nothing to do with mot".to_vec();
        fs::write(&path, &bytes).expect("write");
        Victim { path, bytes }
    }

    pub fn untouched(&self) {
        assert_eq!(
            fs::read(&self.path).expect("the victim is still there"),
            self.bytes,
            "nothing outside the session's files changed"
        );
    }
}

pub fn plant(what: Plant, at: &Path, victim: &Victim) {
    match what {
        Plant::Link => symlink(&victim.path, at).expect("symlink"),
        Plant::Fifo => fifo(at),
        Plant::Folder => fs::create_dir(at).expect("mkdir"),
    }
}

/// Whatever was planted is still there, as it was.
pub fn still_planted(what: Plant, at: &Path) {
    let kind = side_files::look(at)
        .expect("look")
        .expect("still there")
        .kind;
    let expected = match what {
        Plant::Link => side_files::Kind::Link,
        Plant::Fifo => side_files::Kind::Fifo,
        Plant::Folder => side_files::Kind::Folder,
    };
    assert_eq!(kind, expected, "{at:?} was replaced");
}

/// Opens `path` through the picker, as a person does, holding its lock.
pub fn opened(path: &Path) -> Harness {
    let mut app = picker_at(path.parent().expect("dir"));
    crate::common::open(&mut app, path, OpenHow::Normal);
    assert!(app.workshop_ref().is_some(), "{}", status(&app));
    Harness::new(app)
}
