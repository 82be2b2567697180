//! What a `ron` parse error means, said in the language on show: `ron`
//! speaks English only, and a consultant who edited a file by hand in
//! Chinese must still read what is wrong. Names from the file (fields,
//! choices) stay as written, in backticks, so they can be searched for.

use ron::error::Error;

use crate::i18n::{fill, t};
use crate::tr;

/// When a field, or a choice of an enum (`MotOrigin`'s `Phone`), came into
/// the format: a file of an older version that writes it is told which
/// version to declare instead.
const ADDED_IN: &[(&str, &str, u32)] = &[
    ("Session", "stage", 2),
    ("Session", "language", 3),
    ("Session", "theme", 3),
    ("Session", "timeboxes", 3),
    ("Session", "circles", 4),
    ("Mot", "golden", 4),
    ("Mot", "carries_message", 4),
    ("Mot", "we_do_well", 4),
    ("Mot", "competitors_poor", 4),
    ("Mot", "chosen", 4),
    ("Mot", "motx", 4),
    ("Session", "counting", 5),
    ("Session", "drill", 6),
    ("Mot", "origin", 6),
    ("Mot", "notes", 7),
    ("Session", "not_duplicates", 7),
    ("MotOrigin", "Import", 7),
    ("MotOrigin", "Breakout", 7),
    ("Mot", "author", 8),
    ("Session", "show_authors", 8),
    ("MotOrigin", "Phone", 8),
];

/// The version `found` in `outer` came with, when it is later than `version`.
fn added_after(outer: Option<&str>, found: &str, version: u32) -> Option<u32> {
    ADDED_IN
        .iter()
        .find(|(o, f, added)| Some(*o) == outer && *f == found && *added > version)
        .map(|(_, _, added)| *added)
}

/// The first version whose files may leave out a field with a default.
const OPTIONAL_FROM: u32 = 4;

/// The fields of a MOT's origin in a drill, `Drill(round: 2, step: Analyse)`:
/// `ron` names a variant's fields by the variant, the same `Drill` as the
/// session's drill, so these tell the two apart.
const ORIGIN_FIELDS: &[&str] = &["round", "step"];

/// Where in the file a struct's fields are, by the struct's name; `origin`
/// when what went wrong is one of [`ORIGIN_FIELDS`] in a `Drill`.
fn place(outer: Option<&str>, origin: bool) -> String {
    let key = match outer {
        Some("Drill") if origin => "store.ron.in.origin",
        Some("Import" | "Breakout") => "store.ron.in.origin",
        Some("MotNote") => "store.ron.in.note",
        Some("Session") => "store.ron.in.session",
        Some("Mot") => "store.ron.in.mot",
        Some("Group") => "store.ron.in.group",
        Some("Participant") => "store.ron.in.participant",
        Some("Hands") => "store.ron.in.hands",
        Some("Dots") => "store.ron.in.dots",
        Some("Timebox") => "store.ron.in.timebox",
        Some("Thresholds") => "store.ron.in.circles",
        Some("Motx") => "store.ron.in.motx",
        Some("Drill") => "store.ron.in.drill",
        Some("DeckCard") => "store.ron.in.deck_card",
        Some("Card") => "store.ron.in.card",
        Some("Guide") => "store.ron.in.guide",
        Some("Trio") => "store.ron.in.trio",
        Some("Sheet") => "store.ron.in.sheet",
        Some("Phases") => "store.ron.in.phases",
        _ => "store.ron.in.here",
    };
    t(key).to_string()
}

/// Names as a list a person can copy from: `a`, `b`, `c`.
fn names(list: &[&str]) -> String {
    list.iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The words for `code`, met while reading a file of format `version`.
pub(super) fn words(code: &Error, version: u32) -> String {
    match code {
        Error::Eof => tr!("store.ron.eof").to_string(),
        Error::ExpectedArray => tr!("store.ron.expected_list").to_string(),
        Error::ExpectedArrayEnd => tr!("store.ron.list_end").to_string(),
        Error::ExpectedOptionEnd | Error::ExpectedStructLikeEnd => {
            tr!("store.ron.close_paren").to_string()
        }
        Error::ExpectedMapEnd => tr!("store.ron.close_brace").to_string(),
        Error::ExpectedComma => tr!("store.ron.expected_comma").to_string(),
        Error::ExpectedMapColon => tr!("store.ron.expected_colon").to_string(),
        Error::ExpectedBoolean => tr!("store.ron.expected_bool").to_string(),
        Error::ExpectedInteger => tr!("store.ron.expected_integer").to_string(),
        Error::IntegerOutOfBounds => tr!("store.ron.out_of_range").to_string(),
        Error::ExpectedFloat => tr!("store.ron.expected_number").to_string(),
        Error::ExpectedOption => tr!("store.ron.expected_option").to_string(),
        Error::ExpectedString | Error::ExpectedByteString => {
            tr!("store.ron.expected_text").to_string()
        }
        Error::ExpectedStringEnd => tr!("store.ron.text_end").to_string(),
        Error::ExpectedIdentifier => tr!("store.ron.expected_name").to_string(),
        Error::ExpectedNamedStructLike("Session") => tr!("store.ron.session_start").to_string(),
        Error::ExpectedStructLike | Error::ExpectedNamedStructLike(_) | Error::ExpectedMap => {
            tr!("store.ron.expected_open").to_string()
        }
        Error::ExpectedDifferentStructName { expected, found } => {
            tr!("store.ron.wrong_name", expected = expected, found = found)
        }
        Error::TrailingCharacters => tr!("store.ron.trailing").to_string(),
        Error::UnclosedBlockComment => tr!("store.ron.unclosed_comment").to_string(),
        Error::UnexpectedChar(c) => tr!("store.ron.unexpected_char", char = c.escape_debug()),
        Error::InvalidIntegerDigit { digit, base } => tr!(
            "store.ron.bad_digit",
            digit = digit.escape_debug(),
            base = base
        ),
        Error::ExceededRecursionLimit => tr!("store.ron.too_deep").to_string(),
        Error::NoSuchExtension(name) => tr!("store.ron.no_extension", name = name),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => match added_after(outer.as_deref(), found, version) {
            // A choice of a later version, as a field of one below.
            Some(added) => tr!(
                "store.ron.added_later",
                field = found,
                added = added,
                version = version
            ),
            None => tr!(
                "store.ron.unknown_choice",
                found = found,
                choices = names(expected)
            ),
        },
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            // A field of a later version needs that version, not a list of
            // the fields this one has: said first, so a short status line keeps it.
            match added_after(outer.as_deref(), found, version) {
                Some(added) => tr!(
                    "store.ron.added_later",
                    field = found,
                    added = added,
                    version = version
                ),
                None => tr!(
                    "store.ron.unknown_field",
                    field = found,
                    place = place(outer.as_deref(), *expected == ORIGIN_FIELDS),
                    fields = names(expected)
                ),
            }
        }
        Error::MissingStructField { field, outer } => {
            // The session's drill may leave out every field, its round too.
            let mut text = tr!(
                "store.ron.missing_field",
                field = field,
                place = place(outer.as_deref(), ORIGIN_FIELDS.contains(field))
            );
            if version < OPTIONAL_FROM {
                text.push_str(&tr!(
                    "store.ron.hint.every_field",
                    version = version,
                    from = OPTIONAL_FROM
                ));
            }
            text
        }
        // `round` twice could be either drill's; `step` only the origin's.
        Error::DuplicateStructField { field, outer } => tr!(
            "store.ron.duplicate_field",
            field = field,
            place = place(outer.as_deref(), *field == "step")
        ),
        // The rest are rare in a session file; `ron`'s own words, introduced.
        other => fill(t("store.ron.other"), &[("detail", &other)]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{self, Language};

    #[test]
    fn every_language_says_it_without_gaps() {
        let codes = [
            Error::Eof,
            Error::TrailingCharacters,
            Error::UnexpectedChar('}'),
            Error::MissingStructField {
                field: "title",
                outer: Some("Session".into()),
            },
            Error::NoSuchStructField {
                expected: &["who", "situation"],
                found: "mood".into(),
                outer: Some("Mot".into()),
            },
            Error::NoSuchEnumVariant {
                expected: &["Dots", "Hands", "Both"],
                found: "Votes".into(),
                outer: Some("Counting".into()),
            },
            Error::ExpectedDifferentLength {
                expected: "two".into(),
                found: 3,
            },
        ];
        for lang in Language::ALL {
            i18n::set(lang);
            for code in &codes {
                let text = words(code, 3);
                assert!(!text.contains('{') && !text.is_empty(), "{lang:?}: {text}");
            }
        }
        i18n::set(Language::English);
    }

    #[test]
    fn a_mots_origin_is_told_apart_from_the_sessions_drill() {
        i18n::set(Language::English);
        let unknown = |expected: &'static [&'static str]| Error::NoSuchStructField {
            expected,
            found: "mood".into(),
            outer: Some("Drill".into()),
        };
        let said = words(&unknown(ORIGIN_FIELDS), 6);
        assert!(
            said.starts_with("where the MOT came from has no field `mood`"),
            "{said}"
        );
        let said = words(&unknown(&["deck", "trios", "round"]), 6);
        assert!(said.starts_with("the drill has no field `mood`"), "{said}");
        let missing = Error::MissingStructField {
            field: "step",
            outer: Some("Drill".into()),
        };
        let said = words(&missing, 6);
        assert!(
            said.starts_with("where the MOT came from lacks `step`"),
            "{said}"
        );
    }

    #[test]
    fn a_field_of_a_later_version_names_that_version() {
        i18n::set(Language::English);
        let code = Error::NoSuchStructField {
            expected: &["version"],
            found: "counting".into(),
            outer: Some("Session".into()),
        };
        assert!(words(&code, 4).contains("format version 5"));
        assert!(!words(&code, 5).contains("format version 5"));
    }

    #[test]
    fn a_choice_of_a_later_version_names_that_version() {
        i18n::set(Language::English);
        let code = |outer: &str| Error::NoSuchEnumVariant {
            expected: &["Drill", "Import", "Breakout"],
            found: "Phone".into(),
            outer: Some(outer.into()),
        };
        assert!(words(&code("MotOrigin"), 7).contains("write `version: 8`"));
        // Another enum's `Phone` is only not one of its choices.
        let said = words(&code("Counting"), 7);
        assert!(said.contains("not one of the choices"), "{said}");
    }
}
