//! Importing MOTs into Write: `i` asks for a file, a paste of several lines
//! reads them; both show one preview, and only a yes adds, in one change
//! that one undo takes back.

use super::*;
use crate::app::import::{ImportFlow, ImportPreview};

/// Rows a page of the preview moves.
const PREVIEW_PAGE: usize = 10;

/// Starts an import in Write: asks for the file.
pub(super) fn ask(w: &mut Workshop, out: &mut Outcome) {
    w.import = Some(ImportFlow::Asking(Box::new(TextField::new(""))));
    out.info(tr!("app.import.ask_hint"));
}

/// Text pasted into Write's list: MOTs to preview, or why they cannot be read.
pub(super) fn pasted(w: &mut Workshop, text: &str, out: &mut Outcome) {
    match crate::import::read_text(text) {
        Ok(import) => {
            w.import = Some(ImportFlow::Preview(Box::new(ImportPreview::new(
                import, None,
            ))));
        }
        Err(e) => out.error(tr!("app.import.paste_unreadable", reason = e)),
    }
}

/// A key while an import is asked or previewed; nothing else acts until it
/// is added or given up.
pub(super) fn flow(w: &mut Workshop, action: Action, out: &mut Outcome) {
    let Some(flow) = &mut w.import else { return };
    match flow {
        ImportFlow::Asking(field) => match action {
            Action::Submit => {
                let typed = unquoted(field.text().trim()).to_string();
                if typed.is_empty() {
                    out.error(tr!("app.import.type_path"));
                    return;
                }
                w.import = None;
                out.effects.push(Effect::ReadImport(expand_home(&typed)));
            }
            Action::Cancel => {
                w.import = None;
                out.info(tr!("app.import.given_up"));
            }
            Action::Type(key) => out.cut(field.input(key)),
            Action::Paste(text) => out.cut(field.paste(&text)),
            _ => {}
        },
        ImportFlow::Preview(p) => match action {
            Action::Yes | Action::Submit => {
                let Some(ImportFlow::Preview(p)) = w.import.take() else {
                    return;
                };
                add(w, &p, out);
            }
            Action::Cancel | Action::No => {
                w.import = None;
                out.info(tr!("app.import.given_up"));
            }
            Action::Up => p.scroll = p.scroll.saturating_sub(1),
            Action::Down => p.scroll = p.scroll.saturating_add(1),
            Action::PageUp => p.scroll = p.scroll.saturating_sub(PREVIEW_PAGE),
            Action::PageDown => p.scroll = p.scroll.saturating_add(PREVIEW_PAGE),
            Action::Home => p.scroll = 0,
            // The view clamps it to the last page.
            Action::End => p.scroll = usize::MAX / 2,
            _ => {}
        },
    }
}

/// Adds every MOT of the preview, or none, and says what was added.
fn add(w: &mut Workshop, p: &ImportPreview, out: &mut Outcome) {
    if p.import.mots.is_empty() {
        out.info(tr!("app.import.nothing_added"));
        return;
    }
    let Some(ids) = out.apply(crate::import::apply(
        &mut w.session,
        &p.import,
        p.file.as_deref(),
    )) else {
        return;
    };
    let (Some(first), Some(last)) = (ids.first(), ids.last()) else {
        return;
    };
    if let Some(at) = w.session.position(*first) {
        w.cursor = at;
    }
    let skipped = p.import.problems.len();
    if ids.len() == 1 {
        out.info(match &p.file {
            Some(file) => tr!(
                "app.import.added_one_from",
                id = first,
                file = file,
                skipped = skipped
            ),
            None => tr!("app.import.added_one_pasted", id = first),
        });
        return;
    }
    out.info(match (&p.file, skipped) {
        (Some(file), 0) => tr!(
            "app.import.added_from",
            n = ids.len(),
            first = first,
            last = last,
            file = file
        ),
        (Some(file), _) => tr!(
            "app.import.added_from_skipping",
            n = ids.len(),
            first = first,
            last = last,
            file = file,
            skipped = skipped
        ),
        (None, _) => tr!(
            "app.import.added_pasted",
            n = ids.len(),
            first = first,
            last = last
        ),
    });
}

/// A path as a file manager drops it, in quotes, without them.
fn unquoted(typed: &str) -> &str {
    for q in ['\'', '"'] {
        if let Some(inner) = typed.strip_prefix(q).and_then(|t| t.strip_suffix(q)) {
            return inner;
        }
    }
    typed
}

/// `~/x` is the home folder's x, as a shell would read it.
fn expand_home(typed: &str) -> std::path::PathBuf {
    match (typed.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => std::path::Path::new(&home).join(rest),
        _ => std::path::PathBuf::from(typed),
    }
}
