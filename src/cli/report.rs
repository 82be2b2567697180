//! `mot report`: a session's report, without its lock.

use std::path::Path;
use std::process::ExitCode;

use mot::model::Language;
use mot::plain;
use mot::report::Format;
use mot::report::csv::Table;
use mot::store::side_files::{self, Kind};
use mot::store::{self, StoreError};
use mot::tr;

use crate::{out, say};

/// What `mot report` was asked to write.
pub(crate) struct Asked {
    /// Markdown, CSV or HTML.
    pub(crate) format: Format,
    /// The CSV's table.
    pub(crate) table: Table,
    /// The language asked for, if any.
    pub(crate) lang: Option<Language>,
}

/// Writes a session's report. The file is read as `check` reads it, never
/// through a link and without its lock: a report may be made while the
/// session is open in a running mot, from what it last saved.
pub(crate) fn run(path: &Path, output: Option<&Path>, asked: Asked) -> Result<ExitCode, String> {
    let shown = plain::path(path);
    let entry = match side_files::look(path).map_err(|e| e.to_string())? {
        None => return Err(format!("{shown}: {}", tr!("store.file.missing"))),
        Some(e) if e.kind == Kind::Link => {
            return Err(tr!("report.error.session_link", path = shown));
        }
        Some(e) if e.kind != Kind::File => {
            return Err(side_files::not_a_file(path, e.kind).to_string());
        }
        Some(e) => e,
    };
    let bytes = side_files::read(path, false, mot::model::limits::MAX_FILE_BYTES)
        .map_err(|e| e.to_string())?;
    let session = match store::decode_bytes(path, &bytes) {
        Ok(d) => d.session,
        Err(StoreError::Format { error, .. }) => {
            return Err(format!("{shown}:{}", plain::escaped(&error.to_string())));
        }
        Err(e) => return Err(e.to_string()),
    };
    // Asked for, else the session's own, else what the environment says.
    let lang = asked
        .lang
        .or(session.language)
        .or_else(|| mot::i18n::from_env(|name| std::env::var(name).ok()))
        .unwrap_or_default();
    let date = entry.modified.and_then(mot::report::Date::of);
    let text = match asked.format {
        Format::Markdown => mot::report::markdown(&session, date, lang),
        Format::Html => mot::report::html(&session, date, lang),
        Format::Csv => {
            let report = mot::report::build(&session, date, lang);
            mot::report::csv::render(&report, asked.table).map_err(|e| e.to_string())?
        }
    };
    match output {
        // Markdown as before; CSV and HTML byte for byte as a file gets them.
        None if asked.format == Format::Markdown => out(text.trim_end()),
        None => out(text.strip_suffix('\n').unwrap_or(&text)),
        Some(file) => {
            mot::report::write(file, &text).map_err(|e| e.to_string())?;
            say(&tr!("report.written", path = plain::path(file)));
        }
    }
    Ok(ExitCode::SUCCESS)
}
