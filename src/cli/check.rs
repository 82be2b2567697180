//! `mot check`: what opening a file would say, without opening it.

use std::path::Path;
use std::process::ExitCode;

use mot::plain;
use mot::store::side_files::{self, Kind};
use mot::store::{self, LockState, StoreError, session_file};
use mot::tr;

use crate::{out, say};

/// The problems the app would report when opening this file, without opening
/// it. Each line starts `PATH: ` in every language, so tools can read it.
pub(crate) fn run(path: &Path) -> ExitCode {
    let shown = plain::path(path);
    let mut ok = true;
    let found = match side_files::look(path) {
        Ok(found) => found,
        Err(e) => {
            say(&e.to_string());
            return ExitCode::FAILURE;
        }
    };
    let bytes = match &found {
        None => {
            say(&format!("{shown}: {}", tr!("store.file.missing")));
            None
        }
        Some(e) if e.kind != Kind::File && e.kind != Kind::Link => {
            say(&side_files::not_a_file(path, e.kind).to_string());
            None
        }
        Some(_) => match side_files::read_session(path) {
            Ok(bytes) => Some(bytes),
            Err(e) => {
                say(&e.to_string());
                None
            }
        },
    };
    ok &= bytes.is_some();
    let mut summary = None;
    if let Some(bytes) = &bytes {
        match store::decode_bytes(path, bytes) {
            Ok(d) => {
                let upgrade = if d.version < mot::model::FORMAT_VERSION {
                    tr!(
                        "cli.check.upgrade",
                        version = d.version,
                        current = mot::model::FORMAT_VERSION,
                        original =
                            plain::path(&session_file::version_backup_path(path, d.version, bytes))
                    )
                } else {
                    String::new()
                };
                // Said last, and only when nothing else is wrong.
                let (m, p) = (d.session.mots.len(), d.session.participants.len());
                summary = Some(tr!(
                    "cli.check.ok",
                    mots = if m == 1 {
                        tr!("cli.list.one_mot", count = m)
                    } else {
                        tr!("cli.list.mots", count = m)
                    },
                    participants = if p == 1 {
                        tr!("cli.check.one_participant", count = p)
                    } else {
                        tr!("cli.check.participants", count = p)
                    },
                    upgrade = upgrade
                ));
            }
            Err(StoreError::Format { error, .. }) => {
                say(&format!("{shown}:{}", plain::escaped(&error.to_string())));
                // A file from a newer mot is not broken: no backup replaces it.
                let newer = std::str::from_utf8(bytes)
                    .is_ok_and(|t| store::format::version_of(t) > mot::model::FORMAT_VERSION);
                if !newer && let Some((backup, _, _)) = store::backup::newest_readable(path) {
                    say(&format!(
                        "{shown}: {}",
                        tr!("cli.check.backup", backup = plain::path(&backup))
                    ));
                }
                ok = false;
            }
            Err(e) => {
                say(&e.to_string());
                ok = false;
            }
        }
    }
    match &found {
        Some(e) if e.kind == Kind::Link => out(&format!("{shown}: {}", tr!("cli.check.link"))),
        Some(e) if e.kind == Kind::File && !e.writable => {
            out(&format!("{shown}: {}", tr!("cli.check.read_only_mode")));
        }
        Some(e) if e.kind == Kind::File && !side_files::side_names_fit(path) => {
            out(&format!("{shown}: {}", tr!("cli.check.read_only_name")));
        }
        _ => {}
    }
    // Something planted where the recovery file goes is ignored, and said.
    let recovery = session_file::recovery_path(path);
    if let Ok(Some(e)) = side_files::look(&recovery)
        && e.kind != Kind::File
    {
        say(&side_files::not_a_file(&recovery, e.kind).to_string());
        ok = false;
    }
    match store::lock::state(path) {
        LockState::Free => {}
        LockState::Held(info) => {
            say(&format!(
                "{shown}: {}",
                tr!("cli.check.in_use", holder = mot::shell::holder_words(&info))
            ));
            ok = false;
        }
        LockState::Refused(why) => {
            say(&format!("{shown}: {}", plain::escaped(&why)));
            ok = false;
        }
        LockState::Stale(_) => out(&format!("{shown}: {}", tr!("cli.check.stale_lock"))),
    }
    if let Some(r) = session_file::recovery_waiting(path, bytes.as_deref()) {
        let recovery = plain::path(&r.path);
        let words = if found.is_none() {
            tr!("cli.check.only_recovery", recovery = recovery)
        } else if r.conflict {
            tr!("cli.check.recovery_conflict", recovery = recovery)
        } else {
            tr!("cli.check.recovery", recovery = recovery)
        };
        say(&format!("{shown}: {words}"));
        ok = false;
    }
    if ok {
        if let Some(summary) = summary {
            out(&format!("{shown}: {summary}"));
        }
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
