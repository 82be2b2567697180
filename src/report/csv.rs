//! A [`Report`] as CSV for a spreadsheet: one table per file (every MOT,
//! the matrix, or the drill's sheets), headers in the report's language,
//! numbers as bare digits so a column sums, and a byte-order mark first so
//! Excel reads Chinese as UTF-8 instead of the system's code page.

use super::{MotRow, Report, SheetRow};
use crate::model::drill::BehaviourStep;
use crate::{i18n, tr};

/// Which table a CSV file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    /// Every MOT with every field, and its scores when they may be shown.
    Mots,
    /// Dimensions by qualities: MOTs and weighted points per cell.
    Matrix,
    /// One row per observer's sheet.
    Drills,
}

impl Table {
    /// Every table, as `--table` names them.
    pub const ALL: [Table; 3] = [Table::Mots, Table::Matrix, Table::Drills];

    /// The name `--table` takes.
    pub fn code(self) -> &'static str {
        match self {
            Table::Mots => "mots",
            Table::Matrix => "matrix",
            Table::Drills => "drills",
        }
    }

    /// The table a `--table` name names.
    pub fn from_code(code: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// What Excel looks for to read a file as UTF-8.
pub const BOM: char = '\u{feff}';

/// Why a table could not be written: only a writer that refuses, which
/// memory never does; kept as an error rather than a panic all the same.
#[derive(Debug, thiserror::Error)]
#[error("{}", tr!("report.error.csv", reason = .0))]
pub struct CsvError(#[from] csv::Error);

/// One table of a report as CSV text, starting with the byte-order mark.
pub fn render(report: &Report, table: Table) -> Result<String, CsvError> {
    i18n::speaking(report.lang, || {
        let rows = match table {
            Table::Mots => mots(report),
            Table::Matrix => matrix(report),
            Table::Drills => drills(report),
        };
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        for row in rows {
            out.write_record(row)?;
        }
        let bytes = out
            .into_inner()
            .map_err(|e| CsvError(e.into_error().into()))?;
        let mut text = String::with_capacity(bytes.len() + 3);
        text.push(BOM);
        // Every field came in as a `String`: the bytes are UTF-8.
        text.push_str(&String::from_utf8_lossy(&bytes));
        Ok(text)
    })
}

/// Text from the session as a cell: line breaks and other control
/// characters would split a row in some spreadsheets, and a leading `=`,
/// `+`, `-` or `@` would run as a formula in them.
fn cell(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if plain.starts_with(['=', '+', '-', '@']) {
        format!("'{plain}")
    } else {
        plain
    }
}

fn yes_no(b: bool) -> String {
    if b {
        tr!("report.csv.yes")
    } else {
        tr!("report.csv.no")
    }
    .to_string()
}

fn number(n: Option<impl ToString>) -> String {
    n.map_or_else(String::new, |n| n.to_string())
}

fn mots(r: &Report) -> Vec<Vec<String>> {
    let mut head: Vec<String> = [
        tr!("report.csv.id"),
        tr!("ui.write.who"),
        tr!("ui.write.situation"),
        tr!("ui.write.feeling"),
        tr!("report.csv.sentence"),
        tr!("report.dimension"),
        tr!("report.qualities"),
        tr!("report.golden"),
        tr!("report.csv.carries"),
        tr!("report.csv.we_do_well"),
        tr!("report.csv.competitors_poor"),
        tr!("report.col.chosen"),
        tr!("ui.choose.motx_does"),
        tr!("ui.choose.motx_next"),
        tr!("report.csv.origin"),
        tr!("report.csv.author"),
        tr!("report.csv.notes"),
        tr!("report.weighted"),
        tr!("report.raw"),
        tr!("report.col.rank"),
        tr!("report.col.raw_rank"),
    ]
    .map(str::to_string)
    .to_vec();
    head.extend(
        r.groups
            .iter()
            .map(|g| tr!("report.col.group", name = cell(&g.name), weight = g.weight)),
    );
    let mut rows = vec![head];
    rows.extend(r.mots.iter().map(|m| mot_row(r, m)));
    rows
}

fn mot_row(r: &Report, m: &MotRow) -> Vec<String> {
    let s = m.standing.as_ref();
    let mut row = vec![
        m.mot.id.to_string(),
        cell(&m.mot.who),
        cell(&m.mot.situation),
        cell(&m.mot.feeling),
        cell(&m.mot.sentence),
        m.dimension.clone().unwrap_or_default(),
        m.qualities.join(tr!("report.csv.list_separator")),
        m.golden.clone().unwrap_or_default(),
        yes_no(m.carries),
        number(m.we_do_well),
        number(m.competitors_poor),
        yes_no(m.chosen),
        cell(&m.motx.company_does),
        cell(&m.motx.customer_next),
        cell(m.mot.origin.as_deref().unwrap_or_default()),
        // Empty unless the session shows authors: the column stays, so
        // sheets of one room line up whatever the setting was.
        cell(m.mot.author.as_deref().unwrap_or_default()),
        cell(&m.mot.notes.join("\n")),
        number(s.map(|s| s.points.weighted)),
        number(s.map(|s| s.points.raw)),
        number(s.map(|s| s.rank)),
        number(s.map(|s| s.raw_rank)),
    ];
    // Hidden votes leave every group's cell empty too: the columns stay,
    // so a sheet made before the reveal lines up with one made after.
    row.extend((0..r.groups.len()).map(|g| number(s.and_then(|s| s.by_group.get(g)))));
    row
}

fn matrix(r: &Report) -> Vec<Vec<String>> {
    let mut head = vec![
        tr!("report.dimension").to_string(),
        tr!("report.csv.focus").to_string(),
    ];
    for q in &r.qualities {
        head.push(tr!("report.csv.cell_count", quality = q));
        head.push(tr!("report.csv.cell_points", quality = q));
    }
    let mut rows = vec![head];
    for m in &r.matrix {
        let mut row = vec![m.dimension.clone(), yes_no(m.focus)];
        for c in &m.cells {
            row.push(c.count.to_string());
            row.push(number(c.points));
        }
        rows.push(row);
    }
    rows
}

fn drills(r: &Report) -> Vec<Vec<String>> {
    // Anonymous drills have no columns for people at all.
    let named = r.drill.as_ref().is_some_and(|d| !d.anonymous);
    let mut head = vec![
        tr!("report.csv.round").to_string(),
        tr!("report.csv.trio").to_string(),
        tr!("report.csv.card").to_string(),
    ];
    if named {
        head.extend(
            [
                tr!("drill.role.staff"),
                tr!("drill.role.customer"),
                tr!("drill.role.observers"),
            ]
            .map(str::to_string),
        );
    }
    head.extend(BehaviourStep::ALL.iter().map(|s| s.name().to_string()));
    head.extend(
        [
            tr!("report.csv.left_with"),
            tr!("report.csv.verdict"),
            tr!("report.csv.comments"),
        ]
        .map(str::to_string),
    );
    let mut rows = vec![head];
    if let Some(d) = &r.drill {
        rows.extend(d.rows.iter().map(|s| sheet_row(s, named)));
    }
    rows
}

fn sheet_row(s: &SheetRow, named: bool) -> Vec<String> {
    let mut row = vec![
        s.round.to_string(),
        s.trio.to_string(),
        s.card
            .as_ref()
            .map_or_else(String::new, |(id, title)| cell(&format!("{id}. {title}"))),
    ];
    if named {
        let people = s.people.as_ref();
        row.push(people.map_or_else(String::new, |p| cell(&p.staff)));
        row.push(
            people
                .and_then(|p| p.customer.as_deref())
                .map_or_else(String::new, cell),
        );
        row.push(people.map_or_else(String::new, |p| {
            cell(&p.observers.join(tr!("report.csv.list_separator")))
        }));
    }
    row.extend(s.scores.iter().map(|v| number(*v)));
    row.push(s.left_with.clone().unwrap_or_default());
    row.push(s.verdict.clone().unwrap_or_default());
    let comments: Vec<String> = s
        .comments
        .iter()
        .map(|(step, text)| tr!("report.field", label = step, value = text))
        .collect();
    row.push(cell(&comments.join(tr!("report.csv.list_separator"))));
    row
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn a_cell_never_runs_as_a_formula_or_breaks_a_row() {
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("a\nb"), "a b");
        assert_eq!(cell("温度 5.5 度"), "温度 5.5 度");
    }
}
