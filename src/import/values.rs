//! The words a spreadsheet may use: column headers, dimensions, qualities
//! and golden moments, in any of the three languages or as the Tag keys'
//! digits.

use crate::i18n::{self, Language};
use crate::model::{Dimension, Golden, Quality};

/// A column an import knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Who the customer is.
    Who,
    /// The situation.
    Situation,
    /// What they felt.
    Feeling,
    /// The dimension.
    Dimension,
    /// The service qualities.
    Qualities,
    /// The golden-moment mark.
    Golden,
}

/// A header or a value as compared: lower case, letters and digits only
/// ("Golden moment:" and "golden_moment" read alike; CJK are letters).
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

const HEADERS: &[(Column, &[&str])] = &[
    (
        Column::Who,
        &[
            "who", "customer", "是谁", "是誰", "谁", "誰", "顾客", "顧客", "客户", "客戶",
        ],
    ),
    (
        Column::Situation,
        &[
            "situation",
            "scene",
            "when",
            "情况",
            "情況",
            "在什么情况下",
            "在什麼情況下",
            "什么情况",
            "什麼情況",
            "场景",
            "場景",
        ],
    ),
    (
        Column::Feeling,
        &[
            "feeling",
            "feelings",
            "felt",
            "感觉",
            "感覺",
            "感觉到了什么",
            "感覺到了什麼",
            "感受",
        ],
    ),
    (
        Column::Dimension,
        &["dimension", "维度", "維度", "四大维度", "四大維度"],
    ),
    (
        Column::Qualities,
        &[
            "qualities",
            "quality",
            "servicequalities",
            "服务质量",
            "服務品質",
            "服務質量",
            "质量",
            "品質",
        ],
    ),
    (
        Column::Golden,
        &["golden", "goldenmoment", "黄金时刻", "黃金時刻", "peakend"],
    ),
];

/// The column a header cell names, if any.
pub fn column(header: &str) -> Option<Column> {
    let k = key(header);
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| key(n) == k))
        .map(|(c, _)| *c)
}

/// Whether `k` is the catalog text of `catalog_key` in one of the languages.
fn named(k: &str, catalog_key: &str) -> bool {
    Language::ALL
        .iter()
        .any(|&lang| key(i18n::t_in(lang, catalog_key)) == k)
}

/// A dimension by its Tag digit (1-4) or its name in any language;
/// `Err` when the cell holds something else. Blank is no dimension.
pub fn dimension(cell: &str) -> Result<Option<Dimension>, ()> {
    let k = key(cell);
    if k.is_empty() {
        return Ok(None);
    }
    let by_name = [
        (Dimension::Entry, "model.dimension.entry", "1"),
        (Dimension::Conversion, "model.dimension.conversion", "2"),
        (Dimension::Repurchase, "model.dimension.repurchase", "3"),
        (Dimension::Referral, "model.dimension.referral", "4"),
    ];
    by_name
        .iter()
        .find(|(_, name, digit)| k == *digit || named(&k, name))
        .map(|(d, _, _)| Some(*d))
        .ok_or(())
}

/// Qualities by Tag digit (5-9, alone or run together as "57") or name,
/// separated by `;`, `、`, `,`, `/` or blanks; `Err` names the first piece
/// that is none. Blank is none.
pub fn qualities(cell: &str) -> Result<Vec<Quality>, String> {
    let by_name = [
        (Quality::Reliability, "model.quality.reliability", '5'),
        (Quality::Assurance, "model.quality.assurance", '6'),
        (Quality::Responsiveness, "model.quality.responsiveness", '7'),
        (Quality::Tangibles, "model.quality.tangibles", '8'),
        (Quality::Empathy, "model.quality.empathy", '9'),
    ];
    let mut out = Vec::new();
    let separators = |c: char| ";；、,，/".contains(c) || c.is_whitespace();
    for piece in cell.split(separators).filter(|p| !p.is_empty()) {
        let k = key(piece);
        if !k.is_empty() && k.chars().all(|c| ('5'..='9').contains(&c)) {
            for c in k.chars() {
                out.extend(by_name.iter().filter(|q| q.2 == c).map(|q| q.0));
            }
        } else if let Some(q) = by_name.iter().find(|q| named(&k, q.1)) {
            out.push(q.0);
        } else {
            return Err(piece.to_string());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// A golden-moment mark by its symbol (▲▼■) or its name in any language;
/// `Err` when the cell holds something else. Blank is none.
pub fn golden(cell: &str) -> Result<Option<Golden>, ()> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Ok(None);
    }
    let k = key(cell);
    let by_name = [
        (Golden::Peak, "model.golden.peak"),
        (Golden::Low, "model.golden.low"),
        (Golden::End, "model.golden.end"),
    ];
    by_name
        .iter()
        .find(|(g, name)| cell == g.symbol() || named(&k, name))
        .map(|(g, _)| Some(*g))
        .ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_in_every_language_and_spelling() {
        for (text, want) in [
            ("Who", Column::Who),
            (" WHO ", Column::Who),
            ("是谁", Column::Who),
            ("是誰？", Column::Who),
            ("誰", Column::Who),
            ("在什么情况下", Column::Situation),
            ("情況", Column::Situation),
            ("感觉到了什么", Column::Feeling),
            ("感覺", Column::Feeling),
            ("Golden moment", Column::Golden),
            ("服務品質", Column::Qualities),
            ("维度", Column::Dimension),
        ] {
            assert_eq!(column(text), Some(want), "{text}");
        }
        assert_eq!(column("notes"), None);
        assert_eq!(column(""), None);
    }

    #[test]
    fn dimensions_by_digit_or_name() {
        assert_eq!(dimension("1"), Ok(Some(Dimension::Entry)));
        assert_eq!(dimension("进店率"), Ok(Some(Dimension::Entry)));
        assert_eq!(dimension("轉化率"), Ok(Some(Dimension::Conversion)));
        assert_eq!(dimension("repurchase"), Ok(Some(Dimension::Repurchase)));
        assert_eq!(dimension(" 4 "), Ok(Some(Dimension::Referral)));
        assert_eq!(dimension(""), Ok(None));
        assert_eq!(dimension("5"), Err(()));
        assert_eq!(dimension("xyz"), Err(()));
    }

    #[test]
    fn qualities_by_digits_names_and_separators() {
        use Quality::*;
        assert_eq!(qualities("可靠、关切"), Ok(vec![Reliability, Empathy]));
        assert_eq!(qualities("確認; 回應"), Ok(vec![Assurance, Responsiveness]));
        assert_eq!(qualities("tangibles,Empathy"), Ok(vec![Tangibles, Empathy]));
        assert_eq!(qualities("5 7"), Ok(vec![Reliability, Responsiveness]));
        assert_eq!(qualities("97"), Ok(vec![Responsiveness, Empathy]));
        assert_eq!(qualities(""), Ok(vec![]));
        assert_eq!(qualities("可靠;fast"), Err("fast".to_string()));
        assert_eq!(qualities("4"), Err("4".to_string()));
    }

    #[test]
    fn golden_by_mark_or_name() {
        assert_eq!(golden("▲"), Ok(Some(Golden::Peak)));
        assert_eq!(golden("最低"), Ok(Some(Golden::Low)));
        assert_eq!(golden("最終"), Ok(Some(Golden::End)));
        assert_eq!(golden("最终"), Ok(Some(Golden::End)));
        assert_eq!(golden("End"), Ok(Some(Golden::End)));
        assert_eq!(golden(""), Ok(None));
        assert_eq!(golden("★"), Err(()));
    }
}
