//! A [`Report`] as Markdown that reads well pasted into an email, a wiki or
//! a chat: headings and lists, tables only for the ranking and the matrix,
//! and user text escaped so it never turns into markup.

use std::fmt::Write as _;

use super::{ChosenMot, Circles, DrillReport, MotLine, RankRow, Report, Threshold, Votes};
use crate::i18n;
use crate::model::Circle;
use crate::model::limits::grouped;
use crate::tr;

/// Renders a report in its own language.
pub fn render(report: &Report) -> String {
    i18n::speaking(report.lang, || {
        let mut out = Out(String::new());
        head(&mut out, report);
        chosen(&mut out, report);
        messages(&mut out, report);
        ranking(&mut out, report);
        matrix(&mut out, report);
        circles(&mut out, report, &report.circles);
        golden(&mut out, report);
        drill(&mut out, report.drill.as_ref());
        people(&mut out, report);
        every_mot(&mut out, report);
        out.0
    })
}

/// The text being written; a `String` never fails to take a line.
struct Out(String);

impl Out {
    fn line(&mut self, text: &str) {
        self.0.push_str(text);
        self.0.push('\n');
    }

    fn heading(&mut self, level: usize, text: &str) {
        if !self.0.is_empty() {
            self.blank();
        }
        let _ = writeln!(self.0, "{} {text}\n", "#".repeat(level));
    }

    fn item(&mut self, text: &str) {
        let _ = writeln!(self.0, "- {text}");
    }

    fn blank(&mut self) {
        if !self.0.ends_with("\n\n") {
            self.0.push('\n');
        }
    }
}

/// User text made plain inside a line, a list item or a table cell: the
/// characters Markdown reads as markup are escaped, and so is a start that
/// would begin a heading, a list or a quote.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let opens_block = (i == 0 && matches!(c, '#' | '-' | '+' | '=' | '>'))
            || (i == digits && digits > 0 && matches!(c, '.' | ')'));
        if opens_block || matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '|' | '~') {
            out.push('\\');
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// `label: value`, with the colon of the report's language.
fn field(label: &str, value: &str) -> String {
    tr!("report.field", label = label, value = value)
        .trim_end()
        .to_string()
}

fn bold_field(label: &str, value: &str) -> String {
    field(&format!("**{label}**"), value)
}

/// A catalog label that ends in its own colon, then a value.
fn after(label: &str, value: &str) -> String {
    if label.ends_with('：') {
        format!("{label}{value}")
    } else {
        format!("{label} {value}")
    }
}

/// A value typed in Setup, or a word saying it is not set.
fn or_not_set(text: &str) -> String {
    if text.trim().is_empty() {
        format!("_{}_", tr!("report.not_set"))
    } else {
        escape(text)
    }
}

fn mot_ref(m: &MotLine) -> String {
    format!("**#{}** {}", m.id, escape(&m.sentence))
}

fn head(out: &mut Out, r: &Report) {
    let title = if r.title.trim().is_empty() {
        tr!("ui.setup.untitled").to_string()
    } else {
        escape(&r.title)
    };
    out.heading(1, &title);
    let date = r
        .date
        .map_or_else(|| tr!("report.date_unknown").to_string(), |d| d.to_string());
    out.item(&bold_field(tr!("ui.setup.brand"), &or_not_set(&r.brand)));
    out.item(&bold_field(tr!("report.date"), &date));
    out.item(&bold_field(
        tr!("ui.setup.target_user"),
        &or_not_set(&r.target_user),
    ));
    out.item(&bold_field(
        tr!("ui.setup.core_message"),
        &or_not_set(&r.core_message),
    ));
    out.item(&bold_field(
        tr!("ui.setup.focus"),
        &or_not_set(r.focus.as_deref().unwrap_or_default()),
    ));
    out.item(&bold_field(
        tr!("report.mot_count"),
        &grouped(r.mot_count as u64),
    ));
    out.blank();
    if r.votes == Votes::Hidden {
        out.line(&format!("> {}", tr!("report.votes_hidden")));
    }
}

fn chosen(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.chosen.title"));
    if r.chosen.is_empty() {
        out.line(tr!("report.chosen.none"));
        return;
    }
    for (i, c) in r.chosen.iter().enumerate() {
        chosen_one(out, r, i + 1, c);
    }
}

fn chosen_one(out: &mut Out, r: &Report, n: usize, c: &ChosenMot) {
    out.heading(3, &tr!("report.chosen.heading", n = n, id = c.mot.id));
    out.line(&format!("> {}", escape(&c.mot.sentence)));
    out.blank();
    provenance(out, &c.mot);
    let untagged = || format!("_{}_", tr!("report.untagged"));
    out.item(&bold_field(
        tr!("report.dimension"),
        &c.dimension.as_deref().map_or_else(untagged, str::to_string),
    ));
    let qualities = if c.qualities.is_empty() {
        untagged()
    } else {
        c.qualities.join(tr!("report.list_separator"))
    };
    out.item(&bold_field(tr!("report.qualities"), &qualities));
    out.item(&bold_field(
        tr!("report.golden"),
        c.golden.as_deref().unwrap_or(tr!("ui.choose.no_golden")),
    ));
    out.item(&bold_field(
        tr!("ui.setup.core_message"),
        if c.carries {
            tr!("report.carries")
        } else {
            tr!("report.carries_not")
        },
    ));
    match (c.points, r.votes) {
        (Some(p), _) => out.item(&format!(
            "{} · {}",
            bold_field(tr!("report.weighted"), &grouped(p.weighted)),
            bold_field(tr!("report.raw"), &grouped(p.raw))
        )),
        (None, Votes::Hidden) => {
            out.item(&bold_field(tr!("report.score"), tr!("report.score_hidden")));
        }
        (None, _) => out.item(&bold_field(tr!("report.score"), tr!("report.no_votes"))),
    }
    if c.motx.is_empty() {
        out.item(&bold_field(tr!("report.motx"), tr!("report.motx_empty")));
    } else {
        out.item(&bold_field(tr!("report.motx"), ""));
        out.line(&format!(
            "  - {}",
            bold_field(
                tr!("ui.choose.motx_does"),
                &or_not_set(&c.motx.company_does)
            )
        ));
        out.line(&format!(
            "  - {}",
            bold_field(
                tr!("ui.choose.motx_next"),
                &or_not_set(&c.motx.customer_next)
            )
        ));
    }
}

fn messages(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.messages.title"));
    for line in r.message_check() {
        out.item(&line);
    }
}

/// Why no score is shown, if none is.
fn no_scores(out: &mut Out, votes: Votes) -> bool {
    match votes {
        Votes::Hidden => out.line(tr!("report.votes_hidden")),
        Votes::None => out.line(tr!("report.no_votes")),
        Votes::Counted { .. } => return false,
    }
    true
}

fn ranking(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.ranking.title"));
    if no_scores(out, r.votes) {
        return;
    }
    if r.votes
        == (Votes::Counted {
            weights_erase: true,
        })
    {
        out.line(tr!("report.weights_zero"));
        out.blank();
    }
    out.line(&tr!("report.ranking.counting", counting = &r.counting));
    out.blank();
    out.line(&if r.moved == 0 {
        tr!("ui.choose.audit_same").to_string()
    } else {
        tr!(
            "ui.choose.audit_moved",
            moved = r.moved,
            n = r.ranking.len()
        )
    });
    out.blank();
    let mut head = vec![
        tr!("report.col.rank").to_string(),
        tr!("report.col.mot").to_string(),
        tr!("report.weighted").to_string(),
        tr!("report.raw").to_string(),
    ];
    head.extend(r.groups.iter().map(|g| {
        tr!(
            "report.col.group",
            name = escape(&g.name),
            weight = g.weight
        )
    }));
    head.push(tr!("report.col.raw_rank").to_string());
    head.push(tr!("report.col.chosen").to_string());
    let last = head.len() - 1;
    table_head(out, &head, |i| match i {
        0 | 1 => "---",
        i if i == last => ":---:",
        _ => "---:",
    });
    for row in &r.ranking {
        rank_row(out, row);
    }
}

/// A table's header; `align` gives each column's rule (`---`, `---:`).
fn table_head(out: &mut Out, head: &[String], align: impl Fn(usize) -> &'static str) {
    out.line(&format!("| {} |", head.join(" | ")));
    let rule: Vec<&str> = (0..head.len()).map(align).collect();
    out.line(&format!("| {} |", rule.join(" | ")));
}

fn rank_row(out: &mut Out, row: &RankRow) {
    let moved = row.raw_rank as i64 - row.rank as i64;
    let raw_rank = match moved.signum() {
        1 => format!("{} ▲", row.raw_rank),
        -1 => format!("{} ▼", row.raw_rank),
        _ => row.raw_rank.to_string(),
    };
    let mut cells = vec![
        row.rank.to_string(),
        mot_ref(&row.mot),
        grouped(row.points.weighted),
        grouped(row.points.raw),
    ];
    cells.extend(row.by_group.iter().map(|p| grouped(*p)));
    cells.push(raw_rank);
    cells.push(if row.chosen { "✓" } else { "" }.to_string());
    out.line(&format!("| {} |", cells.join(" | ")));
}

fn matrix(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.matrix.title"));
    let shown = r.votes.shown();
    out.line(if shown {
        tr!("report.matrix.legend")
    } else {
        tr!("report.matrix.legend_count")
    });
    out.blank();
    let mut head = vec![String::new()];
    head.extend(r.qualities.iter().cloned());
    table_head(out, &head, |i| if i == 0 { "---" } else { "---:" });
    for row in &r.matrix {
        let name = if row.focus {
            tr!(
                "report.matrix.focus",
                dimension = format!("**{}**", row.dimension)
            )
        } else {
            row.dimension.clone()
        };
        let mut cells = vec![name];
        cells.extend(row.cells.iter().map(|c| match (c.count, c.points) {
            (0, _) => "–".to_string(),
            (n, Some(p)) => format!("{} · {}", grouped(n as u64), grouped(p)),
            (n, None) => grouped(n as u64),
        }));
        out.line(&format!("| {} |", cells.join(" | ")));
    }
}

fn threshold_words(t: &Threshold) -> String {
    match t.circle {
        Circle::Important => tr!("report.circles.from_percent", circle = t.name, n = t.from),
        Circle::WeDoWell | Circle::CompetitorsPoor => {
            tr!("report.circles.from_rating", circle = t.name, n = t.from)
        }
    }
}

fn circles(out: &mut Out, r: &Report, c: &Circles) {
    out.heading(2, tr!("report.circles.title"));
    for t in &c.thresholds {
        out.item(&threshold_words(t));
    }
    out.blank();
    if r.votes == Votes::Hidden {
        out.line(tr!("report.circles.hidden"));
        out.blank();
    }
    if r.mot_count == 0 {
        out.line(tr!("report.all.none"));
        return;
    }
    out.line(tr!("report.circles.regions"));
    out.blank();
    for (names, n) in &c.regions {
        let name = match names.len() {
            0 => tr!("report.circles.outside").to_string(),
            3 => tr!("report.circles.centre").to_string(),
            _ => names.join(" + "),
        };
        out.item(&field(&name, &grouped(*n as u64)));
    }
    out.item(&tr!("report.circles.unrated", n = c.unrated));
    out.blank();
    if let Some(candidates) = &c.candidates {
        out.line(tr!("report.circles.candidates"));
        out.blank();
        if candidates.is_empty() {
            out.item(tr!("report.circles.no_candidates"));
        }
        for m in candidates {
            out.item(&mot_ref(m));
        }
    }
}

fn golden(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.golden.title"));
    if r.golden.is_empty() {
        out.line(tr!("report.golden.none"));
    }
    for g in &r.golden {
        out.item(&field(&g.mark, &mot_ref(&g.mot)));
    }
}

fn mean(v: Option<f64>) -> String {
    v.map_or_else(|| "–".to_string(), |m| format!("{m:.1}"))
}

fn drill(out: &mut Out, d: Option<&DrillReport>) {
    out.heading(2, tr!("report.drill.title"));
    let Some(d) = d else {
        out.line(tr!("report.drill.none"));
        return;
    };
    if d.sheets == 0 {
        out.line(tr!("report.drill.no_sheets"));
        return;
    }
    out.line(&if d.unfinished > 0 {
        tr!(
            "drill.debrief.sheets_unfinished",
            n = d.sheets,
            open = d.unfinished
        )
    } else {
        tr!("drill.debrief.sheets", n = d.sheets)
    });
    out.blank();
    out.item(&after(
        tr!("drill.debrief.left_with"),
        &format!(
            "{} {} · {} {} · {} {}",
            tr!("drill.left.yes"),
            d.left_with[0],
            tr!("drill.left.partly"),
            d.left_with[1],
            tr!("drill.left.no"),
            d.left_with[2]
        ),
    ));
    out.item(&after(
        tr!("report.drill.verdict"),
        &format!(
            "{} {} · {} {}",
            tr!("drill.verdict.passed"),
            d.passed,
            tr!("drill.verdict.not_yet"),
            d.not_yet
        ),
    ));
    out.blank();
    out.line(tr!("report.drill.steps"));
    out.blank();
    for (i, s) in d.steps.iter().enumerate() {
        let mut text = match (s.mean, s.spread) {
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
            let _ = write!(text, " ⚠ {}", tr!("drill.debrief.weakest"));
        }
        out.line(&format!("{}. {text}", i + 1));
    }
    out.blank();
    out.line(if d.anonymous {
        tr!("drill.debrief.by_trio_anonymous")
    } else {
        tr!("drill.debrief.by_person")
    });
    out.blank();
    for (who, means) in &d.by {
        let means: Vec<String> = means.iter().map(|m| mean(*m)).collect();
        out.item(&field(&escape(who), &means.join(" · ")));
    }
    if d.comments.is_empty() {
        return;
    }
    out.blank();
    out.line(&tr!("drill.debrief.comments", n = d.comments.len()));
    out.blank();
    for c in &d.comments {
        let score = c.score.map_or_else(String::new, |s| format!(" ({s}/5)"));
        out.item(&tr!(
            "report.drill.comment",
            step = format!("{}{score}", c.step),
            text = escape(&c.text),
            from = escape(&c.from)
        ));
    }
}

fn people(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.people.title"));
    if r.groups.iter().all(|g| g.people.is_empty()) {
        out.line(tr!("report.people.none"));
        out.blank();
    }
    for g in &r.groups {
        let mut line = tr!(
            "report.people.group",
            name = format!("**{}**", escape(&g.name)),
            weight = g.weight
        );
        if !g.description.trim().is_empty() {
            let _ = write!(line, " — {}", escape(&g.description));
        }
        out.item(&line);
        let people = if g.people.is_empty() {
            format!("_{}_", tr!("report.people.nobody"))
        } else {
            g.people
                .iter()
                .map(|p| escape(p))
                .collect::<Vec<_>>()
                .join(tr!("report.list_separator"))
        };
        out.line(&format!("  - {people}"));
    }
}

fn every_mot(out: &mut Out, r: &Report) {
    out.heading(2, tr!("report.all.title"));
    if r.by_dimension.is_empty() {
        out.line(tr!("report.all.none"));
        return;
    }
    for d in &r.by_dimension {
        out.heading(
            3,
            d.dimension.as_deref().unwrap_or(tr!("report.all.untagged")),
        );
        for m in &d.mots {
            let from = m
                .origin_line()
                .map(|o| format!(" · _{}_", escape(&o)))
                .unwrap_or_default();
            out.item(&format!(
                "**#{}** {} · {} · {}{from}",
                m.id,
                bold_field(tr!("ui.write.who"), &or_not_set(&m.who)),
                bold_field(tr!("ui.write.situation"), &or_not_set(&m.situation)),
                bold_field(tr!("ui.write.feeling"), &or_not_set(&m.feeling)),
            ));
            for note in &m.notes {
                out.line(&format!(
                    "  - {}",
                    tr!("report.merged_note", sentence = escape(note))
                ));
            }
        }
    }
}

/// Where a chosen MOT came from and the wordings merged into it, when any.
fn provenance(out: &mut Out, m: &MotLine) {
    if let Some(o) = m.origin_line() {
        out.item(&format!("_{}_", escape(&o)));
    }
    for note in &m.notes {
        out.item(&tr!("report.merged_note", sentence = escape(note)));
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn user_text_never_becomes_markup() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(
            escape("*bold* _it_ [x](y)"),
            "\\*bold\\* \\_it\\_ \\[x\\](y)"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("1. not a list"), "1\\. not a list");
        assert_eq!(escape("- no"), "\\- no");
        assert_eq!(escape("温度 5.5 度"), "温度 5.5 度");
        assert_eq!(escape("a\u{7}b"), "a b");
    }
}
