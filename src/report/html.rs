//! A [`Report`] as one self-contained HTML page that prints to A4: the
//! style inlined, no script, no font, image or link from outside, so it
//! opens the same offline, mailed, years later. The content follows the
//! Markdown's order, decision first. Every text from the session is
//! escaped: a session file is mailed around and may hold anything.

use std::fmt::Write as _;

use super::{ChosenMot, DrillReport, MotLine, Report, Votes};
use crate::i18n;
use crate::model::Circle;
use crate::model::limits::grouped;
use crate::tr;

mod circles;

/// The page's whole style, kept as a stylesheet so it reads as one.
const STYLE: &str = include_str!("../../assets/report.css");

/// Renders a report as an HTML page in its own language.
pub fn render(report: &Report) -> String {
    i18n::speaking(report.lang, || {
        let mut out = Page(String::with_capacity(32 * 1024));
        let title = title(report);
        let _ = write!(
            out.0,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
            report.lang.code(),
            escape(&title)
        );
        head(&mut out, report, &title);
        chosen(&mut out, report);
        messages(&mut out, report);
        ranking(&mut out, report);
        matrix(&mut out, report);
        circles::render(&mut out, report);
        golden(&mut out, report);
        drill(&mut out, report.drill.as_ref());
        people(&mut out, report);
        every_mot(&mut out, report);
        out.0.push_str("</body>\n</html>\n");
        out.0
    })
}

/// Text made safe anywhere in the page, in an element or an attribute:
/// markup characters become entities, control characters spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The page being written; a `String` never fails to take text.
struct Page(String);

impl Page {
    /// Markup written as given: only ever the renderer's own, with escaped text in it.
    fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    /// An element holding text, escaped.
    fn el(&mut self, tag: &str, class: &str, text: &str) {
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{class}\"")
        };
        let _ = writeln!(self.0, "<{tag}{class}>{}</{tag}>", escape(text));
    }

    fn h2(&mut self, text: &str) {
        self.el("h2", "", text);
    }

    fn p(&mut self, text: &str) {
        self.el("p", "", text);
    }

    fn li(&mut self, text: &str) {
        self.el("li", "", text);
    }
}

fn title(r: &Report) -> String {
    if r.title.trim().is_empty() {
        tr!("ui.setup.untitled").to_string()
    } else {
        r.title.clone()
    }
}

/// A value typed in Setup, escaped, or a word saying it is not set.
fn or_not_set(text: &str) -> String {
    if text.trim().is_empty() {
        format!(
            "<span class=\"not-set\">{}</span>",
            escape(tr!("report.not_set"))
        )
    } else {
        escape(text)
    }
}

/// A catalog label without the colon it may end in (the layout shows it).
fn label(text: &str) -> &str {
    text.trim_end_matches([':', '：'])
}

fn mot_ref(m: &MotLine) -> String {
    format!("<b>#{}</b> {}", m.id, escape(&m.sentence))
}

fn section(out: &mut Page, class: &str, heading: &str) {
    let _ = writeln!(out.0, "<section class=\"{class}\">");
    out.h2(heading);
}

fn end(out: &mut Page) {
    out.raw("</section>\n");
}

fn head(out: &mut Page, r: &Report, title: &str) {
    out.raw("<header class=\"head\">\n");
    out.el("h1", "", title);
    let date = r
        .date
        .map_or_else(|| tr!("report.date_unknown").to_string(), |d| d.to_string());
    out.raw("<dl class=\"facts\">\n");
    let facts = [
        (tr!("ui.setup.brand"), or_not_set(&r.brand), ""),
        (tr!("report.date"), escape(&date), ""),
        (tr!("ui.setup.target_user"), or_not_set(&r.target_user), ""),
        (
            tr!("ui.setup.core_message"),
            or_not_set(&r.core_message),
            " class=\"core\"",
        ),
        (
            tr!("ui.setup.focus"),
            or_not_set(r.focus.as_deref().unwrap_or_default()),
            "",
        ),
        (
            tr!("report.mot_count"),
            escape(&grouped(r.mot_count as u64)),
            "",
        ),
    ];
    for (name, value, class) in facts {
        let _ = writeln!(out.0, "<dt>{}</dt><dd{class}>{value}</dd>", escape(name));
    }
    out.raw("</dl>\n");
    if r.votes == Votes::Hidden {
        out.el("p", "note", tr!("report.votes_hidden"));
    }
    out.raw("</header>\n");
}

fn chosen(out: &mut Page, r: &Report) {
    section(out, "decision", tr!("report.chosen.title"));
    if r.chosen.is_empty() {
        out.p(tr!("report.chosen.none"));
    }
    for (i, c) in r.chosen.iter().enumerate() {
        card(out, r, i + 1, c);
    }
    end(out);
}

fn card(out: &mut Page, r: &Report, n: usize, c: &ChosenMot) {
    out.raw("<article class=\"card chosen\">\n");
    out.el(
        "h3",
        "",
        &tr!("report.chosen.heading", n = n, id = c.mot.id),
    );
    out.el("p", "sentence", &c.mot.sentence);
    if let Some(o) = c.mot.origin_line() {
        out.el("p", "origin", &o);
    }
    for note in &c.mot.notes {
        out.el("p", "note", &tr!("report.merged_note", sentence = note));
    }
    match (c.points, r.votes) {
        (Some(p), _) => {
            let _ = writeln!(
                out.0,
                "<p class=\"score\"><span class=\"weighted\"><b>{}</b> {}</span> \
                 <span class=\"raw\"><b>{}</b> {}</span></p>",
                grouped(p.weighted),
                escape(tr!("report.weighted")),
                grouped(p.raw),
                escape(tr!("report.raw"))
            );
        }
        (None, Votes::Hidden) => out.el(
            "p",
            "score",
            &tr!(
                "report.field",
                label = tr!("report.score"),
                value = tr!("report.score_hidden")
            ),
        ),
        (None, _) => out.el(
            "p",
            "score",
            &tr!(
                "report.field",
                label = tr!("report.score"),
                value = tr!("report.no_votes")
            ),
        ),
    }
    let untagged = || tr!("report.untagged").to_string();
    let qualities = if c.qualities.is_empty() {
        untagged()
    } else {
        c.qualities.join(tr!("report.list_separator"))
    };
    let carries = if c.carries {
        tr!("report.carries")
    } else {
        tr!("report.carries_not")
    };
    let tags = [
        (
            tr!("report.dimension"),
            c.dimension.clone().unwrap_or_else(untagged),
        ),
        (tr!("report.qualities"), qualities),
        (
            tr!("report.golden"),
            c.golden
                .clone()
                .unwrap_or_else(|| tr!("ui.choose.no_golden").to_string()),
        ),
        (tr!("ui.setup.core_message"), carries.to_string()),
    ];
    out.raw("<dl class=\"tags\">\n");
    for (name, value) in tags {
        let _ = writeln!(
            out.0,
            "<dt>{}</dt><dd>{}</dd>",
            escape(name),
            escape(&value)
        );
    }
    out.raw("</dl>\n<div class=\"motx\">\n");
    out.el("h4", "", tr!("report.motx"));
    if c.motx.is_empty() {
        out.p(tr!("report.motx_empty"));
    } else {
        let _ = writeln!(
            out.0,
            "<dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>",
            escape(tr!("ui.choose.motx_does")),
            or_not_set(&c.motx.company_does),
            escape(tr!("ui.choose.motx_next")),
            or_not_set(&c.motx.customer_next)
        );
    }
    out.raw("</div>\n</article>\n");
}

fn messages(out: &mut Page, r: &Report) {
    section(out, "messages", tr!("report.messages.title"));
    out.raw("<ul>\n");
    for line in r.message_check() {
        out.li(&line);
    }
    out.raw("</ul>\n");
    end(out);
}

/// Says why no score is shown, if none is.
fn no_scores(out: &mut Page, votes: Votes) -> bool {
    match votes {
        Votes::Hidden => out.p(tr!("report.votes_hidden")),
        Votes::None => out.p(tr!("report.no_votes")),
        Votes::Counted { .. } => return false,
    }
    true
}

/// A table's header row; `num` says which columns hold numbers.
fn table_head(out: &mut Page, class: &str, head: &[String], num: impl Fn(usize) -> bool) {
    let _ = write!(out.0, "<table class=\"{class}\">\n<thead><tr>");
    for (i, h) in head.iter().enumerate() {
        let class = if num(i) { " class=\"num\"" } else { "" };
        let _ = write!(out.0, "<th{class}>{}</th>", escape(h));
    }
    out.raw("</tr></thead>\n<tbody>\n");
}

fn ranking(out: &mut Page, r: &Report) {
    section(out, "ranking", tr!("report.ranking.title"));
    if no_scores(out, r.votes) {
        end(out);
        return;
    }
    if r.votes
        == (Votes::Counted {
            weights_erase: true,
        })
    {
        out.p(tr!("report.weights_zero"));
    }
    out.el(
        "p",
        "lead",
        &tr!("report.ranking.counting", counting = &r.counting),
    );
    out.el(
        "p",
        "lead",
        &if r.moved == 0 {
            tr!("ui.choose.audit_same").to_string()
        } else {
            tr!(
                "ui.choose.audit_moved",
                moved = r.moved,
                n = r.ranking.len()
            )
        },
    );
    let mut head = vec![
        tr!("report.col.rank").to_string(),
        tr!("report.col.mot").to_string(),
        tr!("report.weighted").to_string(),
        tr!("report.raw").to_string(),
    ];
    head.extend(
        r.groups
            .iter()
            .map(|g| tr!("report.col.group", name = &g.name, weight = g.weight)),
    );
    head.push(tr!("report.col.raw_rank").to_string());
    head.push(tr!("report.col.chosen").to_string());
    table_head(out, "ranking", &head, |i| i != 1);
    for row in &r.ranking {
        let raw_rank = match (row.raw_rank as i64 - row.rank as i64).signum() {
            1 => format!("{} ▲", row.raw_rank),
            -1 => format!("{} ▼", row.raw_rank),
            _ => row.raw_rank.to_string(),
        };
        let class = if row.chosen { " class=\"chosen\"" } else { "" };
        let _ = write!(
            out.0,
            "<tr{class}><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            row.rank,
            mot_ref(&row.mot),
            grouped(row.points.weighted),
            grouped(row.points.raw)
        );
        for p in &row.by_group {
            let _ = write!(out.0, "<td class=\"num\">{}</td>", grouped(*p));
        }
        let _ = writeln!(
            out.0,
            "<td class=\"num\">{raw_rank}</td><td class=\"num\">{}</td></tr>",
            if row.chosen { "✓" } else { "" }
        );
    }
    out.raw("</tbody>\n</table>\n");
    end(out);
}

/// How dark a cell is, 0 (empty) to 4 (the most), against the fullest cell.
fn heat(value: u64, max: u64) -> u64 {
    if value == 0 || max == 0 {
        0
    } else {
        (value * 4).div_ceil(max).clamp(1, 4)
    }
}

fn matrix(out: &mut Page, r: &Report) {
    section(out, "matrix", tr!("report.matrix.title"));
    let shown = r.votes.shown();
    out.el(
        "p",
        "legend lead",
        if shown {
            tr!("report.matrix.legend")
        } else {
            tr!("report.matrix.legend_count")
        },
    );
    // Shaded by points when they may be shown, else by how many MOTs.
    let value = |c: &super::MatrixCell| match c.points {
        Some(p) if c.count > 0 => p,
        _ => c.count as u64,
    };
    let max = r
        .matrix
        .iter()
        .flat_map(|row| row.cells.iter().map(value))
        .max()
        .unwrap_or(0);
    let mut head = vec![String::new()];
    head.extend(r.qualities.iter().cloned());
    table_head(out, "heat", &head, |_| false);
    for row in &r.matrix {
        let (class, name) = if row.focus {
            (
                " class=\"focus\"",
                format!(
                    "▶ {}",
                    tr!("report.matrix.focus", dimension = &row.dimension)
                ),
            )
        } else {
            ("", row.dimension.clone())
        };
        let _ = write!(out.0, "<tr{class}><th scope=\"row\">{}</th>", escape(&name));
        for c in &row.cells {
            let text = match (c.count, c.points) {
                (0, _) => "–".to_string(),
                (n, Some(p)) => format!("{} · {}", grouped(n as u64), grouped(p)),
                (n, None) => grouped(n as u64),
            };
            let _ = write!(out.0, "<td class=\"h{}\">{text}</td>", heat(value(c), max));
        }
        out.raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
    end(out);
}

/// A circle's threshold in words.
fn threshold_words(t: &super::Threshold) -> String {
    match t.circle {
        Circle::Important => tr!("report.circles.from_percent", circle = t.name, n = t.from),
        Circle::WeDoWell | Circle::CompetitorsPoor => {
            tr!("report.circles.from_rating", circle = t.name, n = t.from)
        }
    }
}

fn golden(out: &mut Page, r: &Report) {
    section(out, "golden", tr!("report.golden.title"));
    if r.golden.is_empty() {
        out.p(tr!("report.golden.none"));
    } else {
        out.raw("<ul>\n");
        for g in &r.golden {
            let _ = writeln!(
                out.0,
                "<li>{}</li>",
                tr!(
                    "report.field",
                    label = escape(&g.mark),
                    value = mot_ref(&g.mot)
                )
            );
        }
        out.raw("</ul>\n");
    }
    end(out);
}

fn mean(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |m| format!("{m:.1}"))
}

fn drill(out: &mut Page, d: Option<&DrillReport>) {
    section(out, "drill", tr!("report.drill.title"));
    match d {
        None => out.p(tr!("report.drill.none")),
        Some(d) if d.sheets == 0 => out.p(tr!("report.drill.no_sheets")),
        Some(d) => drill_results(out, d),
    }
    end(out);
}

fn drill_results(out: &mut Page, d: &DrillReport) {
    out.p(&if d.unfinished > 0 {
        tr!(
            "drill.debrief.sheets_unfinished",
            n = d.sheets,
            open = d.unfinished
        )
    } else {
        tr!("drill.debrief.sheets", n = d.sheets)
    });
    out.raw("<ul>\n");
    out.li(&format!(
        "{} {} {} · {} {} · {} {}",
        tr!("drill.debrief.left_with"),
        tr!("drill.left.yes"),
        d.left_with[0],
        tr!("drill.left.partly"),
        d.left_with[1],
        tr!("drill.left.no"),
        d.left_with[2]
    ));
    out.li(&format!(
        "{} {} {} · {} {}",
        tr!("report.drill.verdict"),
        tr!("drill.verdict.passed"),
        d.passed,
        tr!("drill.verdict.not_yet"),
        d.not_yet
    ));
    out.raw("</ul>\n");
    out.el("p", "lead", tr!("report.drill.steps"));
    out.raw("<ol>\n");
    for s in &d.steps {
        let text = match (s.mean, s.spread) {
            (Some(m), Some(sd)) => tr!(
                "report.drill.step",
                name = s.name,
                mean = format!("{m:.1}"),
                spread = format!("{sd:.1}"),
                n = s.n
            ),
            _ => tr!("report.drill.step_unscored", name = s.name),
        };
        if s.weakest {
            let _ = writeln!(
                out.0,
                "<li class=\"weakest\">{} ⚠ {}</li>",
                escape(&text),
                escape(tr!("drill.debrief.weakest"))
            );
        } else {
            out.li(&text);
        }
    }
    out.raw("</ol>\n");
    out.el(
        "p",
        "lead",
        if d.anonymous {
            tr!("drill.debrief.by_trio_anonymous")
        } else {
            tr!("drill.debrief.by_person")
        },
    );
    let mut head = vec![String::new()];
    head.extend(d.steps.iter().map(|s| s.name.clone()));
    table_head(out, "by", &head, |i| i > 0);
    for (who, means) in &d.by {
        let _ = write!(out.0, "<tr><th scope=\"row\">{}</th>", escape(who));
        for m in means {
            let _ = write!(out.0, "<td class=\"num\">{}</td>", mean(*m));
        }
        out.raw("</tr>\n");
    }
    out.raw("</tbody>\n</table>\n");
    if d.comments.is_empty() {
        return;
    }
    out.el(
        "p",
        "lead",
        &tr!("drill.debrief.comments", n = d.comments.len()),
    );
    out.raw("<ul>\n");
    for c in &d.comments {
        let score = c.score.map_or_else(String::new, |s| format!(" ({s}/5)"));
        out.li(&tr!(
            "report.drill.comment",
            step = format!("{}{score}", c.step),
            text = &c.text,
            from = &c.from
        ));
    }
    out.raw("</ul>\n");
}

fn people(out: &mut Page, r: &Report) {
    section(out, "people", tr!("report.people.title"));
    if r.groups.iter().all(|g| g.people.is_empty()) {
        out.p(tr!("report.people.none"));
    }
    out.raw("<ul>\n");
    for g in &r.groups {
        let mut line = tr!(
            "report.people.group",
            name = format!("<b>{}</b>", escape(&g.name)),
            weight = g.weight
        );
        if !g.description.trim().is_empty() {
            let _ = write!(line, " — {}", escape(&g.description));
        }
        let people = if g.people.is_empty() {
            format!(
                "<span class=\"not-set\">{}</span>",
                escape(tr!("report.people.nobody"))
            )
        } else {
            escape(&g.people.join(tr!("report.list_separator")))
        };
        let _ = writeln!(out.0, "<li>{line}<br>{people}</li>");
    }
    out.raw("</ul>\n");
    end(out);
}

fn every_mot(out: &mut Page, r: &Report) {
    section(out, "every", tr!("report.all.title"));
    if r.by_dimension.is_empty() {
        out.p(tr!("report.all.none"));
    }
    let head = [
        "#".to_string(),
        tr!("ui.write.who").to_string(),
        tr!("ui.write.situation").to_string(),
        tr!("ui.write.feeling").to_string(),
    ];
    for d in &r.by_dimension {
        out.el(
            "h3",
            "",
            d.dimension.as_deref().unwrap_or(tr!("report.all.untagged")),
        );
        table_head(out, "mots", &head, |i| i == 0);
        for m in &d.mots {
            // Where it came from and what was merged into it, under its feeling.
            let mut more = String::new();
            if let Some(o) = m.origin_line() {
                more.push_str(&format!("<br><span class=\"origin\">{}</span>", escape(&o)));
            }
            for note in &m.notes {
                more.push_str(&format!(
                    "<br><span class=\"note\">{}</span>",
                    escape(&tr!("report.merged_note", sentence = note))
                ));
            }
            let _ = writeln!(
                out.0,
                "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}{more}</td></tr>",
                m.id,
                or_not_set(&m.who),
                or_not_set(&m.situation),
                or_not_set(&m.feeling)
            );
        }
        out.raw("</tbody>\n</table>\n");
    }
    end(out);
}

#[cfg(test)]
mod tests {
    use super::{escape, heat};

    #[test]
    fn text_never_becomes_markup() {
        assert_eq!(
            escape("<script>alert(\"x\")</script> & 'y'"),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(escape("温度\u{7}5"), "温度 5");
    }

    #[test]
    fn the_fullest_cell_is_darkest_and_an_empty_one_blank() {
        assert_eq!(heat(0, 10), 0);
        assert_eq!(heat(1, 10), 1);
        assert_eq!(heat(10, 10), 4);
        assert_eq!(heat(6, 10), 3);
        assert_eq!(heat(3, 0), 0);
    }
}
