//! A session file is parsed once per run: the picker reads every file in
//! the folder once (for its title and its MOTs' number), and the one chosen
//! opens from what was read. Counted, not timed. (A test binary of its own:
//! the counts are the process's.)

use std::time::Instant;

use mot::app::{App, OpenHow};
use mot::model::work::{Entry, counts};
use mot::model::{MotText, Session};
use mot::store::{self, session_file};

fn parses() -> u64 {
    counts()[Entry::ALL
        .iter()
        .position(|e| *e == Entry::Parse)
        .expect("counted")]
}

#[test]
fn the_picker_and_the_open_parse_each_file_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, title) in ["早班", "午班", "晚班"].iter().enumerate() {
        let mut s = Session::new(*title);
        for _ in 0..=i * 50 {
            s.add_mot(MotText::default());
        }
        let path = dir.path().join(format!("{i}.ron"));
        drop(session_file::create(&path, &s, Instant::now()).expect("create"));
    }
    let before = parses();
    let entries = store::list(dir.path()).expect("lists");
    assert_eq!(parses() - before, 3, "each file once");
    let again = store::list(dir.path()).expect("lists");
    assert_eq!(parses() - before, 3, "listing again reads what was read");
    assert_eq!(entries.len(), again.len());
    let mut app = App::picker(dir.path().to_path_buf(), entries);
    let chosen = dir.path().join("1.ron");
    mot::shell::open(&mut app, &chosen, OpenHow::Normal);
    let w = app.workshop_ref().expect("opens");
    assert_eq!(
        (w.session.title.as_str(), w.session.mots.len()),
        ("午班", 51)
    );
    assert_eq!(
        parses() - before,
        3,
        "the chosen file opens from what was read"
    );
    // A file changed after the listing is read afresh.
    drop(app);
    store::list(dir.path()).expect("lists");
    let mut s = store::load(&chosen).expect("loads");
    let after_load = parses();
    s.title = "夜班".into();
    store::save(&chosen, &s).expect("save");
    let mut app = App::picker(dir.path().to_path_buf(), Vec::new());
    mot::shell::open(&mut app, &chosen, OpenHow::Normal);
    assert_eq!(
        app.workshop_ref().expect("opens").session.title,
        "夜班",
        "never an old reading of a changed file"
    );
    assert_eq!(parses() - after_load, 1);
}
