//! The reports the app makes of the open session: written beside its file
//! off the event loop, or sent to the terminal's clipboard.

use std::time::SystemTime;

use crate::app::App;
use crate::report::Date;
use crate::report::beside::Job;
use crate::{plain, tr};

/// Starts writing the session's reports beside its file, from the session
/// as the room sees it now, in the language on show; what it comes to is
/// shown by [`super::settle`] once done.
pub(super) fn write_reports(app: &mut App) {
    let lang = app.language();
    let waker = app.waker.clone();
    let Some(w) = app.workshop_ref() else {
        return;
    };
    let date = Date::of(SystemTime::now());
    let job = Job::start(w.session.clone(), w.path(), date, lang, waker);
    app.reports.push(job);
}

/// Hands the session's Markdown report to the terminal loop, which sends
/// it to the terminal's clipboard (OSC 52), and says so.
pub(super) fn copy_report(app: &mut App) {
    let lang = app.language();
    let Some(w) = app.workshop_ref() else {
        return;
    };
    let text = crate::report::markdown(&w.session, Date::of(SystemTime::now()), lang);
    let kb = text.len().div_ceil(1024);
    app.clipboard = Some(crate::clipboard::osc52(&text));
    app.info(tr!("app.report.copied", kb = kb));
}

/// Shows what the reports written beside the session came to, for those
/// done; `wait` waits for every one first. Returns whether any was shown.
pub(super) fn reports_done(app: &mut App, wait: bool) -> bool {
    let jobs = std::mem::take(&mut app.reports);
    let mut any = false;
    for job in jobs {
        let outcome = if wait {
            job.wait()
        } else if let Some(outcome) = job.outcome() {
            outcome
        } else {
            // Still writing: asked again on the next wake.
            app.reports.push(job);
            continue;
        };
        any = true;
        match outcome {
            Ok(paths) => {
                let md = paths.first().map_or_else(String::new, |p| plain::path(p));
                let html = paths
                    .get(1)
                    .and_then(|p| p.file_name())
                    .map(|n| plain::escaped(&n.to_string_lossy()).into_owned())
                    .unwrap_or_default();
                app.info(tr!("app.report.written", md = md, html = html));
            }
            Err(e) => app.error(tr!("app.report.failed", error = e)),
        }
    }
    any
}
