//! `mot merge`: breakout sessions into a new one.

use std::path::PathBuf;
use std::process::ExitCode;

use mot::plain;
use mot::shell;
use mot::store::{self};
use mot::tr;

use crate::{Settings, out, say};

/// Merges breakout sessions into a new one in the sessions folder and
/// prints what came from where; on a conflict prints it and how to settle
/// it, and writes nothing. The files merged are read as `report` reads
/// one, never written.
pub(crate) fn run(
    settings: &Settings,
    paths: &[PathBuf],
    title: Option<&str>,
    options: &mot::model::merge::Options,
) -> Result<ExitCode, String> {
    let mut sessions = Vec::with_capacity(paths.len());
    let mut seen: Vec<PathBuf> = Vec::with_capacity(paths.len());
    for path in paths {
        // One file named twice (`a.ron ./a.ron`) would double its MOTs.
        let same = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if seen.contains(&same) {
            return Err(tr!("merge.error.twice", path = plain::path(path)));
        }
        seen.push(same);
        sessions.push(store::breakouts::read(path).map_err(|e| e.to_string())?);
    }
    let inputs = shell::merge::breakouts_of(&sessions);
    let merged = match mot::model::merge::merge(&inputs, title.unwrap_or(""), options) {
        Ok(merged) => merged,
        Err(conflicts) => {
            for line in conflicts
                .lines()
                .into_iter()
                .chain(shell::merge::hints(&conflicts))
            {
                say(&plain::escaped(&line));
            }
            return Ok(ExitCode::FAILURE);
        }
    };
    let dir = settings.dir()?;
    let path = store::breakouts::create(&dir, &merged.session).map_err(|e| e.to_string())?;
    for line in merged.summary.lines() {
        out(&plain::escaped(&line));
    }
    out(&tr!("merge.picker.written", path = plain::path(&path)));
    Ok(ExitCode::SUCCESS)
}
