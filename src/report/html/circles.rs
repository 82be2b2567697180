//! The three circles of principle five as an inline SVG: three overlapping
//! circles with how many MOTs each region holds written in it, the
//! thresholds in the caption, then the centre candidates.

use std::fmt::Write as _;

use super::{Page, end, escape, label, mot_ref, section, threshold_words};
use crate::model::{Circle, Region};
use crate::report::{Report, Votes};
use crate::tr;

/// The drawing's size, in its own units (it scales to the page).
const WIDTH: u32 = 400;
const HEIGHT: u32 = 330;
const RADIUS: u32 = 82;

/// Where each circle's centre is: importance on top, the two ratings below.
fn centre(c: Circle) -> (u32, u32) {
    match c {
        Circle::Important => (200, 118),
        Circle::WeDoWell => (154, 196),
        Circle::CompetitorsPoor => (246, 196),
    }
}

/// Where the count of each region inside a circle is written, by
/// [`Region::index`] (1 to 7); each point lies in its region alone.
fn spot(region: usize) -> Option<(u32, u32)> {
    Some(match region {
        1 => (200, 68),  // importance only
        2 => (112, 222), // we do it well only
        4 => (288, 222), // competitors do it poorly only
        3 => (160, 143), // important, we do it well
        5 => (240, 143), // important, competitors poorly
        6 => (200, 240), // both ratings, not important
        7 => (200, 172), // the centre
        _ => return None,
    })
}

fn class(c: Circle) -> &'static str {
    match c {
        Circle::Important => "important",
        Circle::WeDoWell => "we-do-well",
        Circle::CompetitorsPoor => "competitors-poor",
    }
}

/// The drawing and its caption.
fn figure(out: &mut Page, r: &Report) {
    let c = &r.circles;
    let hidden = r.votes == Votes::Hidden;
    let _ = writeln!(
        out.0,
        "<figure class=\"circles\">\n<svg viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        escape(tr!("report.circles.title"))
    );
    for circle in Circle::ALL {
        let (x, y) = centre(circle);
        // While votes are hidden importance is unknown: its circle is only
        // outlined, and nothing is counted inside it.
        let look = if hidden && circle == Circle::Important {
            "unknown"
        } else {
            class(circle)
        };
        let _ = writeln!(
            out.0,
            "<circle class=\"circle {look}\" cx=\"{x}\" cy=\"{y}\" r=\"{RADIUS}\"/>"
        );
    }
    // Each circle's name outside it: above, bottom left, bottom right.
    let names = [
        (Circle::Important, WIDTH / 2, 24, "middle"),
        (Circle::WeDoWell, 6, HEIGHT - 14, "start"),
        (Circle::CompetitorsPoor, WIDTH - 6, HEIGHT - 14, "end"),
    ];
    for (circle, x, y, anchor) in names {
        let mut name = circle.name().to_string();
        if hidden && circle == Circle::Important {
            name = tr!("report.html.importance_hidden", circle = name);
        }
        let _ = writeln!(
            out.0,
            "<text class=\"name\" x=\"{x}\" y=\"{y}\" text-anchor=\"{anchor}\">{}</text>",
            escape(&name)
        );
    }
    if r.mot_count > 0 {
        for (i, n) in c.counts.iter().enumerate() {
            if hidden && Region::from_index(i).important {
                continue;
            }
            let Some((x, y)) = spot(i) else {
                continue;
            };
            let _ = writeln!(
                out.0,
                "<text class=\"count\" data-region=\"{i}\" x=\"{x}\" y=\"{y}\">{n}</text>"
            );
        }
        let _ = writeln!(
            out.0,
            // Below the top name, left of the circles: long names (votes
            // hidden) do not run over it.
            "<text class=\"outside\" data-region=\"0\" x=\"6\" y=\"58\">{}</text>",
            escape(&tr!(
                "report.field",
                label = tr!("report.circles.outside"),
                value = c.counts[0]
            ))
        );
    }
    out.raw("</svg>\n<figcaption>\n<ul>\n");
    for t in &c.thresholds {
        out.li(&threshold_words(t));
    }
    if r.mot_count > 0 {
        out.li(&tr!("report.circles.unrated", n = c.unrated));
    }
    out.raw("</ul>\n");
    if hidden {
        out.p(tr!("report.circles.hidden"));
    }
    out.raw("</figcaption>\n</figure>\n");
}

/// The section: the drawing, then the candidates in the centre.
pub(super) fn render(out: &mut Page, r: &Report) {
    section(out, "circles", tr!("report.circles.title"));
    if r.mot_count == 0 {
        out.p(tr!("report.all.none"));
    }
    figure(out, r);
    if let Some(candidates) = &r.circles.candidates {
        out.el("h3", "", label(tr!("report.circles.candidates")));
        out.raw("<ul>\n");
        if candidates.is_empty() {
            out.li(tr!("report.circles.no_candidates"));
        }
        for m in candidates {
            let _ = writeln!(out.0, "<li>{}</li>", mot_ref(m));
        }
        out.raw("</ul>\n");
    }
    end(out);
}
