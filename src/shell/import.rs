//! A file read for import, and its preview or why it cannot be read.

use std::path::Path;

use crate::app::{App, Screen};
use crate::tr;

/// Reads a file to import and shows its preview, or says why it cannot be
/// read. Read as a session file is (never through a link, a regular file
/// of sane size), as opening a session is.
pub(super) fn read_import(app: &mut App, path: &Path) {
    match crate::import::read_file(path) {
        Ok(import) => {
            let file = crate::import::file_name(path);
            if let Screen::Workshop(w) = &mut app.screen {
                let before = crate::import::imported_from(&w.session, &file);
                let mut p = crate::app::import::ImportPreview::new(import, Some(file.clone()));
                p.words.imported_before(&file, before);
                w.import = Some(crate::app::import::ImportFlow::Preview(Box::new(p)));
            }
        }
        Err(e) => {
            // The path stays typed, to be put right rather than typed again.
            if let Screen::Workshop(w) = &mut app.screen {
                w.import = Some(crate::app::import::ImportFlow::Asking(Box::new(
                    crate::app::text_field::TextField::new(&path.to_string_lossy()),
                )));
            }
            app.error(tr!("app.import.cannot_read", reason = e.words(path)));
        }
    }
}
