//! Importing MOTs: one spreadsheet saved in every encoding Excel writes reads
//! to the same MOTs and the same unreadable lines; lists and TSV read; hostile
//! bytes give a clear answer; `apply` adds all or nothing.

use std::path::Path;
use std::sync::Arc;

use mot::i18n::{self, Language};
use mot::import::{self, Element, Encoding, ImportError, ImportedMot, Layout, Reason};
use mot::model::limits::{MAX_MOTS, MAX_TEXT_CHARS};
use mot::model::{Dimension, Golden, ModelError, MotOrigin, MotText, Quality, Session};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn mot(
    line: usize,
    (who, situation, feeling): (&str, &str, &str),
    dimension: Option<Dimension>,
    qualities: &[Quality],
    golden: Option<Golden>,
) -> ImportedMot {
    ImportedMot {
        line,
        text: MotText {
            who: who.into(),
            situation: situation.into(),
            feeling: feeling.into(),
        },
        dimension,
        qualities: qualities.to_vec(),
        golden,
    }
}

fn the_sheets_mots() -> Vec<ImportedMot> {
    use Dimension::*;
    use Quality::*;
    vec![
        mot(
            2,
            (
                "商務旅客",
                "晚上十點到飯店,櫃台已經準備好房卡",
                "覺得被重視",
            ),
            Some(Entry),
            &[Reliability, Empathy],
            Some(Golden::Peak),
        ),
        mot(
            3,
            (
                "Business traveller",
                "Flight delayed two hours, staff brought water",
                "Cared for",
            ),
            Some(Conversion),
            &[Reliability, Empathy],
            None,
        ),
        mot(
            5,
            ("老人", "在機場排隊很久", "沒人理會"),
            Some(Repurchase),
            &[Responsiveness],
            Some(Golden::Low),
        ),
        mot(
            8,
            (
                "Mother with a child",
                "Waiting for a table on a Saturday",
                "Welcomed",
            ),
            Some(Entry),
            &[Tangibles, Empathy],
            Some(Golden::End),
        ),
        // Its dimension, "xyz", is no dimension: the MOT comes without it.
        mot(9, ("顧客", "退貨時店員很快處理", "很放心"), None, &[], None),
        mot(
            11,
            ("常客", "生日收到手寫卡片", "感動"),
            Some(Referral),
            &[Assurance, Empathy],
            Some(Golden::End),
        ),
        mot(
            12,
            ("會員", "付款時系統當機,等了十分鐘", "很失望"),
            Some(Conversion),
            &[Tangibles],
            Some(Golden::Low),
        ),
        mot(
            14,
            ("網友", "看到朋友分享的照片", "想去試試"),
            Some(Entry),
            &[Assurance],
            None,
        ),
    ]
}

#[test]
fn one_sheet_in_every_encoding_reads_the_same() {
    for (file, encoding) in [
        ("sheet.utf8.csv", Encoding::Utf8),
        ("sheet.utf8bom.csv", Encoding::Utf8Bom),
        ("sheet.utf16le.csv", Encoding::Utf16Le),
        ("sheet.gb18030.csv", Encoding::Gb18030),
        ("sheet.big5.csv", Encoding::Big5),
    ] {
        let read = import::read(&fixture(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(read.encoding, Some(encoding), "{file}");
        assert_eq!(read.layout, Layout::Csv, "{file}");
        assert_eq!(read.mots, the_sheets_mots(), "{file}");
        let problems: Vec<(usize, Reason)> = read
            .problems
            .into_iter()
            .map(|p| (p.line, p.reason))
            .collect();
        assert_eq!(
            problems,
            [
                (7, Reason::Missing(Element::Feeling)),
                (
                    13,
                    Reason::TooManyColumns {
                        found: 7,
                        expected: 6
                    }
                ),
            ],
            "{file}"
        );
        // A value no one knows costs the tag, never the MOT, and is said.
        let left_out: Vec<(usize, Reason)> = read
            .left_out
            .into_iter()
            .map(|p| (p.line, p.reason))
            .collect();
        assert_eq!(
            left_out,
            [(9, Reason::UnknownDimension("xyz".into()))],
            "{file}"
        );
        assert!(read.ignored_columns.is_empty(), "{file}");
    }
}

#[test]
fn a_tsv_with_simplified_headers() {
    let read = import::read(&fixture("simplified.tsv")).expect("reads");
    assert_eq!(read.encoding, Some(Encoding::Utf8));
    assert_eq!(read.layout, Layout::Tsv);
    assert_eq!(
        read.mots,
        [
            mot(
                2,
                ("家长", "开学第一天送孩子进教室", "老师叫出了孩子的名字"),
                Some(Dimension::Repurchase),
                &[Quality::Empathy],
                Some(Golden::Peak)
            ),
            mot(
                3,
                ("新客户", "第一次打电话咨询", "等了五分钟没人接"),
                Some(Dimension::Entry),
                &[Quality::Reliability, Quality::Responsiveness],
                Some(Golden::Low)
            ),
        ]
    );
    assert_eq!(read.problems.len(), 1);
    assert_eq!(read.problems[0].line, 4);
    assert_eq!(read.problems[0].reason, Reason::Missing(Element::Feeling));
}

#[test]
fn plain_lists_with_tabs_and_slashes() {
    let read = import::read(&fixture("list.tabs.txt")).expect("reads");
    assert_eq!(read.layout, Layout::List);
    let texts: Vec<&str> = read.mots.iter().map(|m| m.text.who.as_str()).collect();
    assert_eq!(texts, ["旅客", "A guest"]);
    assert_eq!(read.problems.len(), 1);
    assert_eq!(read.problems[0].line, 4);
    assert_eq!(read.problems[0].reason, Reason::Parts { found: 2 });

    let read = import::read(&fixture("list.slashes.txt")).expect("reads");
    assert_eq!(read.layout, Layout::List);
    assert_eq!(read.mots.len(), 2);
    assert_eq!(read.mots[0].text.feeling, "觉得华航不一样");
    assert_eq!(read.mots[1].line, 2);
    assert_eq!(read.problems.len(), 1);
    assert_eq!(read.problems[0].line, 3);

    // Pasted text is given as text: no encoding to name.
    let pasted = import::read_text("甲\t乙\t丙\n").expect("reads");
    assert_eq!(pasted.encoding, None);
    assert_eq!(pasted.mots.len(), 1);
}

#[test]
fn hostile_inputs_give_a_clear_answer() {
    assert_eq!(import::read(b""), Err(ImportError::Empty));
    assert_eq!(
        import::read(b"\xEF\xBB\xBF\r\n  \r\n"),
        Err(ImportError::Empty)
    );
    assert_eq!(
        import::read("是誰,情況,感覺\r\n".as_bytes()),
        Err(ImportError::HeaderOnly)
    );
    assert_eq!(
        import::read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0"),
        Err(ImportError::NotText)
    );
    // Ten megabytes of junk, with and without NULs, and of high bytes only.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let junk: Vec<u8> = (0..10 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    assert_eq!(import::read(&junk), Err(ImportError::NotText));
    let high: Vec<u8> = junk.iter().map(|b| b | 0x80).collect();
    assert!(import::read(&high).is_err());
    // A line of 100,000 characters: alone, and as a cell.
    let long = "长".repeat(100_000);
    assert_eq!(import::read(long.as_bytes()), Err(ImportError::NoLayout));
    let sheet = format!("who,situation,feeling\na,{long},c\n");
    let read = import::read(sheet.as_bytes()).expect("reads");
    assert!(read.mots.is_empty());
    assert_eq!(
        read.problems[0].reason,
        Reason::TooLong {
            element: Element::Situation,
            max: MAX_TEXT_CHARS
        }
    );
    // An unclosed quote swallows the rest into one cell, and says so.
    let read = import::read(b"who,situation,feeling\na,\"b,c\nd,e,f\n").expect("reads");
    assert_eq!(read.mots.len(), 0);
    assert_eq!(read.problems.len(), 1);
}

#[test]
fn every_answer_reads_in_every_language() {
    let reasons = [
        Reason::Missing(Element::Who),
        Reason::Blank,
        Reason::TooManyColumns {
            found: 5,
            expected: 3,
        },
        Reason::Parts { found: 2 },
        Reason::UnknownDimension("xyz".into()),
        Reason::UnknownQuality("fast".into()),
        Reason::UnknownGolden("★".into()),
        Reason::TooLong {
            element: Element::Feeling,
            max: MAX_TEXT_CHARS,
        },
    ];
    let errors = [
        ImportError::TooLarge { max: 1 },
        ImportError::NotText,
        ImportError::Empty,
        ImportError::HeaderOnly,
        ImportError::NoLayout,
        ImportError::HeaderLacks(Element::Situation),
        ImportError::TooManyMots { max: MAX_MOTS },
    ];
    for lang in Language::ALL {
        i18n::set(lang);
        let mut texts: Vec<String> = reasons.iter().map(ToString::to_string).collect();
        texts.extend(errors.iter().map(ToString::to_string));
        texts.extend(Encoding::ALL.iter().map(|e| e.name().to_string()));
        texts.extend(
            [Layout::Csv, Layout::Tsv, Layout::List]
                .iter()
                .map(|l| l.name().to_string()),
        );
        for text in texts {
            assert!(
                !text.contains("import.") && !text.contains('{'),
                "{lang:?}: {text}"
            );
        }
    }
    i18n::set(Language::SimplifiedChinese);
    let problem = import::Problem {
        line: 7,
        reason: Reason::UnknownDimension("xyz".into()),
    };
    assert_eq!(problem.to_string(), "第 7 行：不认识的维度“xyz”");
}

#[test]
fn apply_adds_every_mot_with_its_tags_in_one_go() {
    let read = import::read(&fixture("sheet.utf8.csv")).expect("reads");
    let mut session = Session::new("import");
    session.add_mot(MotText {
        who: "already".into(),
        situation: "there".into(),
        feeling: "kept".into(),
    });
    let ids = import::apply(&mut session, &read, Some("sheet.utf8.csv")).expect("applies");
    assert_eq!(ids.len(), 8);
    assert_eq!(session.mots.len(), 9);
    for (id, want) in ids.iter().zip(the_sheets_mots()) {
        let got = session.mot(*id).expect("added");
        assert_eq!(got.text(), want.text);
        assert_eq!(got.dimension, want.dimension);
        assert_eq!(got.qualities, want.qualities);
        assert_eq!(got.golden, want.golden);
        // Each says which line of which file it came from.
        assert_eq!(
            got.origin,
            Some(MotOrigin::Import {
                file: "sheet.utf8.csv".into(),
                line: u32::try_from(want.line).expect("small"),
            })
        );
    }
    assert!(session.validate().is_ok());
    // Pasted text has no file: its MOTs read as typed in.
    let pasted = import::read_text("a guest / waits / tired").expect("reads");
    let ids = import::apply(&mut session, &pasted, None).expect("applies");
    assert_eq!(session.mot(ids[0]).and_then(|m| m.origin.clone()), None);
}

#[test]
fn apply_adds_nothing_past_the_limit() {
    let read = import::read(&fixture("sheet.utf8.csv")).expect("reads");
    let mut session = Session::new("full");
    let first = session.add_mot(MotText {
        who: "a".into(),
        situation: "b".into(),
        feeling: "c".into(),
    });
    // Filled by hand: adding one by one looks for the next id each time.
    let template = (*session.mots[0]).clone();
    for id in first + 1..=(MAX_MOTS - read.mots.len() + 1) as u32 {
        let mut m = template.clone();
        m.id = id;
        session.mots.push(Arc::new(m));
    }
    let before = session.mots.len();
    assert_eq!(before + read.mots.len(), MAX_MOTS + 1);
    assert_eq!(
        import::apply(&mut session, &read, None),
        Err(ModelError::TooManyMots { max: MAX_MOTS })
    );
    assert_eq!(session.mots.len(), before);
    session.mots.pop();
    let ids = import::apply(&mut session, &read, None).expect("fits exactly");
    assert_eq!(ids.len(), read.mots.len());
    assert_eq!(session.mots.len(), MAX_MOTS);
}
