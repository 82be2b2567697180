//! Telling the layout of a text apart and reading its rows.
//!
//! A header row comes first: the first record, split by tabs, then by
//! commas, then by ` / `, that names who, situation and feeling makes the
//! text a TSV, a CSV or a list with a header. Without one, the text is a
//! list when at least one of its lines is three parts split by a tab or
//! ` / `; otherwise nothing in it can be read.

use super::values::{self, Column};
use super::{Element, ImportError, ImportedMot, Layout, Problem, Reason};
use crate::model::MotText;
use crate::model::limits::MAX_TEXT_CHARS;
use crate::model::session::clean_line;

/// What a text holds once its layout is known.
pub struct Parsed {
    /// The layout found.
    pub layout: Layout,
    /// The MOTs read.
    pub mots: Vec<ImportedMot>,
    /// The lines not read.
    pub problems: Vec<Problem>,
    /// Values left off MOTs that were read (a dimension, a quality or a
    /// golden mark no one knows), by line.
    pub left_out: Vec<Problem>,
    /// Header cells naming no known column.
    pub ignored_columns: Vec<String>,
}

/// The separator of a list without quotes.
const SLASH: &str = " / ";

/// Reads `text` in the layout it is in.
pub fn parse(text: &str) -> Result<Parsed, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    // One kind of line break, so line numbers count as an editor counts.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");

    let mut lacking = None;
    for (layout, delimiter) in [(Layout::Tsv, b'\t'), (Layout::Csv, b',')] {
        let mut records = csv_records(&text, delimiter);
        let Some((line, header)) = records.next() else {
            continue;
        };
        match header_columns(&header) {
            Ok(columns) => {
                return by_header(layout, line, &header, &columns, records);
            }
            Err(missing) => lacking = lacking.or(missing),
        }
    }
    let (first_line, first) = text
        .lines()
        .enumerate()
        .find(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l))
        .unwrap_or((1, ""));
    let slash_header: Vec<String> = first.split(SLASH).map(str::to_string).collect();
    match header_columns(&slash_header) {
        Ok(_) => return list(&text, first_line),
        Err(missing) => lacking = lacking.or(missing),
    }
    if let Some(element) = lacking {
        return Err(ImportError::HeaderLacks(element));
    }
    list(&text, 0)
}

/// The records of `text`, split by `delimiter` with CSV quoting, each with
/// the 1-based line it starts on.
fn csv_records(text: &str, delimiter: u8) -> impl Iterator<Item = (usize, Vec<String>)> + '_ {
    let reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    // The reader's own line number counts a skipped blank line as the next
    // record's start, so the line is counted here from its byte offset,
    // past any blank lines, going forward only.
    let (mut at, mut line) = (0usize, 1usize);
    // The input is already text, so a record cannot fail to be UTF-8; any
    // other error ends the reading, and what came before still counts.
    reader.into_records().map_while(Result::ok).map(move |r| {
        let mut start = r.position().map_or(at, |p| p.byte() as usize).max(at);
        let bytes = text.as_bytes();
        while bytes.get(start) == Some(&b'\n') {
            start += 1;
        }
        let start = start.min(bytes.len());
        line += bytes[at..start].iter().filter(|&&b| b == b'\n').count();
        at = start;
        (line, r.iter().map(str::to_string).collect())
    })
}

/// The column of each header cell when the row names all three elements;
/// otherwise the element missing from a row that looks like a header (two
/// known columns or more), or none when it is no header at all.
fn header_columns(cells: &[String]) -> Result<Vec<Option<Column>>, Option<Element>> {
    let columns: Vec<Option<Column>> = cells.iter().map(|c| values::column(c)).collect();
    let has = |c: Column| columns.contains(&Some(c));
    let missing = [
        (Column::Who, Element::Who),
        (Column::Situation, Element::Situation),
        (Column::Feeling, Element::Feeling),
    ]
    .into_iter()
    .find(|(c, _)| !has(*c))
    .map(|(_, e)| e);
    match missing {
        None => Ok(columns),
        Some(e) if columns.iter().flatten().count() >= 2 => Err(Some(e)),
        Some(_) => Err(None),
    }
}

/// Reads the rows under a header row.
fn by_header(
    layout: Layout,
    header_line: usize,
    header: &[String],
    columns: &[Option<Column>],
    records: impl Iterator<Item = (usize, Vec<String>)>,
) -> Result<Parsed, ImportError> {
    let ignored_columns = header
        .iter()
        .zip(columns)
        .filter(|(h, c)| c.is_none() && !h.trim().is_empty())
        .map(|(h, _)| clean_line(h))
        .collect();
    // The first column of each kind counts; a repeat is left out.
    let at = |want: Column| columns.iter().position(|c| *c == Some(want));
    let (who, situation, feeling) = (at(Column::Who), at(Column::Situation), at(Column::Feeling));
    let (dimension, qualities, golden) = (
        at(Column::Dimension),
        at(Column::Qualities),
        at(Column::Golden),
    );
    let mut out = Parsed {
        layout,
        mots: Vec::new(),
        problems: Vec::new(),
        left_out: Vec::new(),
        ignored_columns,
    };
    let mut rows = 0usize;
    for (line, cells) in records {
        let line = line.max(header_line + 1);
        let filled = cells.iter().rposition(|c| !c.trim().is_empty());
        let Some(last) = filled else {
            continue; // a blank row, or one of only separators
        };
        rows += 1;
        if last >= header.len() {
            out.problems.push(Problem {
                line,
                reason: Reason::TooManyColumns {
                    found: last + 1,
                    expected: header.len(),
                },
            });
            continue;
        }
        let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", String::as_str);
        let row = Row {
            who: cell(who),
            situation: cell(situation),
            feeling: cell(feeling),
            dimension: cell(dimension),
            qualities: cell(qualities),
            golden: cell(golden),
        };
        out.push(line, row.read(line));
    }
    if rows == 0 {
        return Err(ImportError::HeaderOnly);
    }
    Ok(out)
}

/// Reads a list, one MOT per line, after the header's line (0: none).
fn list(text: &str, header_line: usize) -> Result<Parsed, ImportError> {
    let mut out = Parsed {
        layout: Layout::List,
        mots: Vec::new(),
        problems: Vec::new(),
        left_out: Vec::new(),
        ignored_columns: Vec::new(),
    };
    let mut three = 0usize;
    let mut rows = 0usize;
    let mut read_line = |line: usize, parts: Vec<String>, out: &mut Parsed| {
        // A tab-separated line may end in empty cells a spreadsheet left.
        let end = parts
            .iter()
            .rposition(|p| !p.trim().is_empty())
            .map_or(0, |i| i + 1);
        if line <= header_line || end == 0 {
            return;
        }
        rows += 1;
        if end != 3 {
            out.problems.push(Problem {
                line,
                reason: Reason::Parts { found: end },
            });
            return;
        }
        three += 1;
        let row = Row {
            who: &parts[0],
            situation: &parts[1],
            feeling: &parts[2],
            dimension: "",
            qualities: "",
            golden: "",
        };
        out.push(line, row.read(line));
    };
    if text.contains('\t') {
        // Spreadsheets quote a cell holding a line break when they copy.
        for (line, cells) in csv_records(text, b'\t') {
            let parts = match cells.as_slice() {
                [one] => one.split(SLASH).map(str::to_string).collect(),
                _ => cells,
            };
            read_line(line, parts, &mut out);
        }
    } else {
        for (i, l) in text.lines().enumerate() {
            read_line(
                i + 1,
                l.split(SLASH).map(str::to_string).collect(),
                &mut out,
            );
        }
    }
    if rows == 0 && header_line > 0 {
        return Err(ImportError::HeaderOnly);
    }
    if three == 0 {
        return Err(ImportError::NoLayout);
    }
    Ok(out)
}

impl Parsed {
    fn push(&mut self, line: usize, read: Result<(ImportedMot, Vec<Reason>), Reason>) {
        match read {
            Ok((mot, dropped)) => {
                self.mots.push(mot);
                self.left_out
                    .extend(dropped.into_iter().map(|reason| Problem { line, reason }));
            }
            Err(reason) => self.problems.push(Problem { line, reason }),
        }
    }
}

/// The cells of one row, as found.
struct Row<'a> {
    who: &'a str,
    situation: &'a str,
    feeling: &'a str,
    dimension: &'a str,
    qualities: &'a str,
    golden: &'a str,
}

impl Row<'_> {
    /// The MOT the row holds and the tags left off it (a value no one
    /// knows loses the tag, not the MOT someone wrote), or why it holds none.
    fn read(&self, line: usize) -> Result<(ImportedMot, Vec<Reason>), Reason> {
        let elements = [
            (Element::Who, self.who),
            (Element::Situation, self.situation),
            (Element::Feeling, self.feeling),
        ];
        if elements.iter().all(|(_, t)| t.trim().is_empty()) {
            return Err(Reason::Blank);
        }
        for (element, text) in elements {
            if text.trim().is_empty() {
                return Err(Reason::Missing(element));
            }
            if text.trim().chars().nth(MAX_TEXT_CHARS).is_some() {
                return Err(Reason::TooLong {
                    element,
                    max: MAX_TEXT_CHARS,
                });
            }
        }
        let mut dropped = Vec::new();
        let dimension = values::dimension(self.dimension).unwrap_or_else(|()| {
            dropped.push(Reason::UnknownDimension(short(self.dimension)));
            None
        });
        let qualities = values::qualities(self.qualities).unwrap_or_else(|piece| {
            dropped.push(Reason::UnknownQuality(short(&piece)));
            Vec::new()
        });
        let golden = values::golden(self.golden).unwrap_or_else(|()| {
            dropped.push(Reason::UnknownGolden(short(self.golden)));
            None
        });
        let mot = ImportedMot {
            line,
            text: MotText {
                who: clean_line(self.who),
                situation: clean_line(self.situation),
                feeling: clean_line(self.feeling),
            },
            dimension,
            qualities,
            golden,
        };
        Ok((mot, dropped))
    }
}

/// A value as a message quotes it: one line, at most 40 characters.
fn short(value: &str) -> String {
    const MOST: usize = 40;
    let line = clean_line(value);
    if line.chars().nth(MOST).is_some() {
        let mut cut: String = line.chars().take(MOST - 1).collect();
        cut.push('…');
        cut
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(p: &Parsed) -> (Vec<usize>, Vec<usize>) {
        (
            p.mots.iter().map(|m| m.line).collect(),
            p.problems.iter().map(|p| p.line).collect(),
        )
    }

    #[test]
    fn rows_keep_their_lines_across_blanks_and_quoted_breaks() {
        let text = "\n是谁,情况,感觉\r\n老人,\"排队\n很久\",着急\r\n\r\n,,\n学生,,开心\n妈妈,\"买菜, 找零\",满意\n";
        let p = parse(text).expect("reads");
        assert_eq!(p.layout, Layout::Csv);
        assert_eq!(lines(&p), (vec![3, 8], vec![7]));
        assert_eq!(p.mots[0].text.situation, "排队 很久");
        assert_eq!(p.mots[1].text.situation, "买菜, 找零");
        assert_eq!(p.problems[0].reason, Reason::Missing(Element::Situation));
    }

    #[test]
    fn extra_columns_and_unknown_headers() {
        let text = "Who\tSituation\tFeeling\tNotes\nA\tB\tC\tx\nA\tB\tC\t\t\t\nA\tB\tC\tx\ty\n";
        let p = parse(text).expect("reads");
        assert_eq!(p.layout, Layout::Tsv);
        assert_eq!(p.ignored_columns, ["Notes"]);
        assert_eq!(lines(&p), (vec![2, 3], vec![4]));
        assert_eq!(
            p.problems[0].reason,
            Reason::TooManyColumns {
                found: 5,
                expected: 4
            }
        );
    }

    #[test]
    fn a_header_lacking_an_element_is_named() {
        assert!(matches!(
            parse("who,situation,dimension\na,b,1\n"),
            Err(ImportError::HeaderLacks(Element::Feeling))
        ));
        assert!(matches!(
            parse("who,feeling\n"),
            Err(ImportError::HeaderLacks(Element::Situation))
        ));
    }

    #[test]
    fn lists_split_by_tab_or_slash() {
        let p = parse("a / b / c\n\nd / e\nf / g / h / i\n").expect("reads");
        assert_eq!(p.layout, Layout::List);
        assert_eq!(lines(&p), (vec![1], vec![3, 4]));
        assert_eq!(p.problems[0].reason, Reason::Parts { found: 2 });
        let p = parse("a\tb\tc\t\nd / e / f\n\"g\nh\"\ti\tj\n").expect("reads");
        assert_eq!(lines(&p), (vec![1, 2, 3], vec![]));
        assert_eq!(p.mots[2].text.who, "g h");
        let p = parse("是誰 / 情況 / 感覺\n甲 / 乙 / 丙\n").expect("reads");
        assert_eq!(lines(&p), (vec![2], vec![]));
    }

    #[test]
    fn nothing_to_read_says_why() {
        assert!(matches!(parse(""), Err(ImportError::Empty)));
        assert!(matches!(parse("\u{feff} \n\t\n"), Err(ImportError::Empty)));
        assert!(matches!(
            parse("who,situation,feeling\n,,\n"),
            Err(ImportError::HeaderOnly)
        ));
        assert!(matches!(
            parse("是谁 / 情况 / 感觉\n"),
            Err(ImportError::HeaderOnly)
        ));
        assert!(matches!(
            parse("a,b,c\nd,e,f\n"),
            Err(ImportError::NoLayout)
        ));
    }

    #[test]
    fn long_values_are_refused_and_quoted_short() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let p = parse(&format!("a / {long} / c\n")).expect("reads");
        assert_eq!(
            p.problems[0].reason,
            Reason::TooLong {
                element: Element::Situation,
                max: MAX_TEXT_CHARS
            }
        );
        let p = parse(&format!("who,situation,feeling,dimension\na,b,c,{long}\n")).expect("reads");
        // The MOT comes without the dimension, which is quoted short.
        assert_eq!(p.mots.len(), 1);
        match &p.left_out[0].reason {
            Reason::UnknownDimension(v) => assert_eq!(v.chars().count(), 40),
            other => panic!("{other:?}"),
        }
    }
}
