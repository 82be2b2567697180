//! `mot import FILE --into SESSION.ron`: the same preview the Write stage
//! shows, a question (or `--yes`), and the MOTs added in one save, with the
//! session's lock held as the app holds it.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use mot::store::session_file::{self, OpenMode};
use mot::store::{OpenError, lock};
use mot::{plain, tr};

/// Imports `file` into the session at `into`; `yes` skips the question.
pub fn run(file: &Path, into: &Path, yes: bool) -> Result<ExitCode, String> {
    let shown = plain::path(into);
    // The lock first: a session open in a running mot is refused before
    // anything is asked.
    let mut opened = match session_file::open(into, OpenMode::Normal, Instant::now()) {
        Ok(opened) => opened,
        Err(OpenError::Locked(info)) => {
            return Err(tr!(
                "cli.import.locked",
                path = shown,
                holder = lock::held_words(&info)
            ));
        }
        Err(OpenError::RecoveryWaiting(_)) => {
            return Err(tr!("cli.import.recovery", path = shown));
        }
        // The error names the file itself.
        Err(e) => return Err(plain::escaped(&e.to_string()).into_owned()),
    };
    if !opened.file.writable() {
        return Err(tr!("cli.import.read_only", path = shown));
    }
    let import = mot::import::read_file(file)
        .map_err(|e| tr!("app.import.cannot_read", reason = e.words(file)))?;
    let name = mot::import::file_name(file);
    let mut words = mot::import::preview(&import, Some(&name));
    words.imported_before(&name, mot::import::imported_from(&opened.session, &name));
    print(&words);
    if import.mots.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    if !yes && !asked_yes()? {
        say(tr!("app.import.given_up"));
        return Ok(ExitCode::FAILURE);
    }
    let ids =
        mot::import::apply(&mut opened.session, &import, Some(&name)).map_err(|e| e.to_string())?;
    opened
        .file
        .save(&opened.session, Instant::now())
        .map_err(|e| format!("{shown}: {e}"))?;
    if let [only] = ids.as_slice() {
        say(&tr!("cli.import.added_one", id = only, path = shown));
    } else if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        say(&tr!(
            "cli.import.added",
            n = ids.len(),
            first = first,
            last = last,
            path = shown
        ));
    }
    if let Some(kept) = &opened.original_kept_as {
        say(&tr!("cli.import.original_kept", path = plain::path(kept)));
    }
    Ok(ExitCode::SUCCESS)
}

/// The preview, on standard error with the messages: standard output
/// stays free for what a script may read.
fn print(w: &mot::import::Preview) {
    say(&w.headline);
    say(&w.read_as);
    for line in &w.first {
        say(&format!("  {line}"));
    }
    if w.more > 0 {
        say(&format!("  {}", tr!("import.preview.more", n = w.more)));
    }
    if let Some((head, rest)) = w.left_out.split_first() {
        say(head);
        for line in rest {
            say(&format!("  {line}"));
        }
    }
    if let Some(head) = &w.problems_head {
        say(head);
        for p in &w.problems {
            say(&format!("  {p}"));
        }
    }
    if let Some(ignored) = &w.ignored {
        say(ignored);
    }
    if let Some(again) = &w.again {
        say(again);
    }
    say(&w.question);
}

/// Asks on the terminal; without one, says to give `--yes`.
fn asked_yes() -> Result<bool, String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(tr!("cli.import.needs_yes").into());
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "{} ", tr!("cli.import.prompt"));
    let _ = err.flush();
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(|e| e.to_string())?;
    let answer = answer.trim().to_lowercase();
    Ok(matches!(answer.as_str(), "y" | "yes" | "是" | "好"))
}

/// A line on standard error; a terminal gone is not a crash.
fn say(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}
