//! Carries out a merge of breakout sessions for the picker, and the words
//! `mot merge` and the picker share: how its options name sessions,
//! groups and people, and how to settle what stopped a merge.

use std::path::{Path, PathBuf};

use crate::app::{App, MergeRequest, MergeView, Screen};
use crate::model::Session;
use crate::model::merge::{self, Breakout, Conflict, Conflicts, GroupMap, Options, PersonRef};
use crate::store::{self, breakouts};
use crate::{plain, tr};

/// Reads the marked sessions, merges them and writes the result beside
/// them; the picker then shows what it did, or what stopped it. Reading is
/// done here, as opening a session is: once per file, never through a link.
pub fn run(app: &mut App, request: MergeRequest) {
    let mut sessions = Vec::with_capacity(request.paths.len());
    for path in &request.paths {
        match breakouts::read(path) {
            Ok(s) => sessions.push(s),
            Err(e) => {
                app.error(tr!("merge.picker.read_failed", error = e));
                return;
            }
        }
    }
    let inputs = breakouts_of(&sessions);
    let options = Options {
        weights_from: request.weights_from_first.then_some(0),
        ..Options::default()
    };
    let Screen::Picker(p) = &mut app.screen else {
        return;
    };
    let merged = match merge::merge(&inputs, &request.title, &options) {
        Ok(merged) => merged,
        Err(conflicts) => {
            let mut lines = conflicts.lines();
            lines.extend(hints(&conflicts));
            lines.push(tr!("merge.hint.command").to_string());
            lines.push(command_line(&p.dir, &request, &conflicts));
            p.merge = Some(MergeView::Conflicts {
                weights_settle: conflicts.only_weights(),
                request,
                lines,
                scroll: Default::default(),
            });
            return;
        }
    };
    let path = match breakouts::create(&p.dir, &merged.session) {
        Ok(path) => path,
        Err(e) => {
            app.error(tr!("merge.picker.write_failed", error = e));
            return;
        }
    };
    // The new file is listed, and selected; the marks have done their work.
    if let Ok(entries) = store::list(&p.dir) {
        p.entries = entries;
    }
    p.selected = p
        .entries
        .iter()
        .position(|e| e.path == path)
        .unwrap_or(p.selected);
    p.marked.clear();
    let written = tr!("merge.picker.written", path = plain::path(&path));
    let mut lines = merged.summary.lines();
    lines.push(written.clone());
    p.merge = Some(MergeView::Summary {
        lines,
        scroll: Default::default(),
    });
    app.info(written);
}

/// The sessions as breakouts, each labelled with its title.
pub fn breakouts_of(sessions: &[Session]) -> Vec<Breakout<'_>> {
    sessions
        .iter()
        .map(|s| Breakout {
            label: &s.title,
            session: s,
        })
        .collect()
}

/// How to settle the conflicts on the command line, a line per kind.
pub fn hints(conflicts: &Conflicts) -> Vec<String> {
    let any = |f: fn(&Conflict) -> bool| conflicts.list.iter().any(f);
    let mut out = Vec::new();
    if any(Conflict::is_weights) {
        out.push(tr!("merge.hint.weights").to_string());
    }
    if any(|c| matches!(c, Conflict::Unmatched { .. } | Conflict::NoSuchGroup { .. })) {
        out.push(tr!("merge.hint.map").to_string());
    }
    if any(|c| {
        matches!(
            c,
            Conflict::NoSuchPerson { .. }
                | Conflict::AmbiguousPerson { .. }
                | Conflict::PersonTwice { .. }
        )
    }) {
        out.push(tr!("merge.hint.person").to_string());
    }
    out
}

/// A `mot merge` command that settles the conflicts the simple way: the
/// first session's weights, each unmatched group kept as its own.
fn command_line(dir: &Path, request: &MergeRequest, conflicts: &Conflicts) -> String {
    let mut words = vec!["mot".to_string(), "merge".to_string()];
    words.push("--dir".into());
    words.push(quoted(&dir.to_string_lossy()));
    for path in &request.paths {
        let name = path
            .file_name()
            .map_or_else(|| path.to_string_lossy(), |n| n.to_string_lossy());
        words.push(quoted(&name));
    }
    words.push("--into".into());
    words.push(quoted(&request.title));
    if conflicts.list.iter().any(Conflict::is_weights) {
        words.push("--weights-from".into());
        words.push("1".into());
    }
    for c in &conflicts.list {
        if let Conflict::Unmatched { input, group, .. } = c {
            words.push("--map-group".into());
            words.push(quoted(&format!("{}:{group}={group}", input + 1)));
        }
    }
    plain::escaped(&words.join(" ")).into_owned()
}

/// A word as a POSIX shell reads it: bare when plainly safe, else in
/// single quotes.
fn quoted(word: &str) -> String {
    let safe = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "_-./:=+,@%".contains(c));
    if safe {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// The input an option names: its place in the list (from 1) or its file
/// name, with or without `.ron`. Counted from 0.
pub fn input_position(value: &str, paths: &[PathBuf]) -> Result<usize, String> {
    let value = value.trim();
    if let Ok(n) = value.parse::<usize>()
        && (1..=paths.len()).contains(&n)
    {
        return Ok(n - 1);
    }
    let named = |p: &PathBuf| {
        let name = p.file_name().map(|n| n.to_string_lossy());
        let stem = p.file_stem().map(|n| n.to_string_lossy());
        name.as_deref() == Some(value) || stem.as_deref() == Some(value)
    };
    paths.iter().position(named).ok_or_else(|| {
        tr!(
            "merge.arg.no_input",
            value = plain::escaped(value),
            count = paths.len()
        )
    })
}

/// `N:GROUP=TARGET` of `--map-group`.
pub fn group_map(value: &str, paths: &[PathBuf]) -> Result<GroupMap, String> {
    let form = || tr!("merge.arg.group_form", value = plain::escaped(value));
    let (n, rest) = value.split_once(':').ok_or_else(form)?;
    let (group, target) = rest.split_once('=').ok_or_else(form)?;
    if group.trim().is_empty() || target.trim().is_empty() {
        return Err(form());
    }
    Ok(GroupMap {
        input: input_position(n, paths)?,
        group: group.trim().to_string(),
        target: target.trim().to_string(),
    })
}

/// `N:NAME=M:NAME[=…]` of `--same-person`.
pub fn same_person(value: &str, paths: &[PathBuf]) -> Result<Vec<PersonRef>, String> {
    let form = || tr!("merge.arg.person_form", value = plain::escaped(value));
    let mut people = Vec::new();
    for part in value.split('=') {
        let (n, name) = part.split_once(':').ok_or_else(form)?;
        if name.trim().is_empty() {
            return Err(form());
        }
        people.push(PersonRef {
            input: input_position(n, paths)?,
            name: name.trim().to_string(),
        });
    }
    if people.len() < 2 {
        return Err(form());
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths() -> Vec<PathBuf> {
        vec!["a/hotel.ron".into(), "b/海底捞.ron".into()]
    }

    #[test]
    fn options_name_sessions_by_place_or_file() {
        crate::i18n::set(crate::i18n::Language::English);
        assert_eq!(input_position("2", &paths()), Ok(1));
        assert_eq!(input_position("hotel", &paths()), Ok(0));
        assert_eq!(input_position("海底捞.ron", &paths()), Ok(1));
        let err = input_position("3", &paths()).expect_err("no third");
        assert!(err.contains("1 to 2"), "{err}");
        assert_eq!(
            group_map("2:VIP = loves us", &paths()),
            Ok(GroupMap {
                input: 1,
                group: "VIP".into(),
                target: "loves us".into()
            })
        );
        assert!(group_map("VIP=loves us", &paths()).is_err());
        let people = same_person("1:Ann=hotel:Anne=2:安", &paths()).expect("three");
        assert_eq!(people.len(), 3);
        assert_eq!(people[2].name, "安");
        assert!(same_person("1:Ann", &paths()).is_err());
    }

    #[test]
    fn the_command_quotes_what_a_shell_would_split() {
        assert_eq!(quoted("hotel.ron"), "hotel.ron");
        assert_eq!(quoted("海底捞-门店体验.ron"), "海底捞-门店体验.ron");
        assert_eq!(quoted("All hands"), "'All hands'");
        assert_eq!(quoted("it's"), r"'it'\''s'");
    }
}
