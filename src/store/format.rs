//! The RON file format: pretty, diffable, versioned, strict about what it reads.

use std::fmt;

use ron::ser::PrettyConfig;
use serde::Deserialize;

use crate::model::{FORMAT_VERSION, FieldPath, ModelError, Session};
use crate::tr;

mod locate;
mod ron_words;

/// A problem in a session file, with the line and column a person can go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    /// 1-based line (0 when the problem has no place, e.g. a write failure).
    pub line: usize,
    /// 1-based column.
    pub col: usize,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

impl std::error::Error for FormatError {}

impl FormatError {
    fn at(line: usize, col: usize, message: impl Into<String>) -> FormatError {
        FormatError {
            line,
            col,
            message: message.into(),
        }
    }

    /// The file holds bytes that are not UTF-8 text; the column counts
    /// characters, as every other column does.
    pub fn not_utf8(bytes: &[u8], e: &std::str::Utf8Error) -> FormatError {
        let before = bytes.get(..e.valid_up_to()).unwrap_or_default();
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |p| p + 1);
        // Everything before the first bad byte is UTF-8.
        let col = std::str::from_utf8(before.get(line_start..).unwrap_or_default())
            .map_or(0, |s| s.chars().count())
            + 1;
        FormatError::at(line, col, tr!("store.format.not_utf8"))
    }
}

/// Only the version, read first so a newer file is refused with a clear reason
/// instead of a puzzling complaint about a field this build does not know.
#[derive(Deserialize)]
// RON lets a file name its struct, `Session(...)`; the peek must accept that
// too, or the version of such a file would go unread.
#[serde(rename = "Session")]
struct VersionOnly {
    version: u32,
}

/// The session as RON text: pretty-printed, fields in a fixed order, enum
/// variants by name, ending in a newline.
pub fn to_ron(session: &Session) -> Result<String, FormatError> {
    let config = PrettyConfig::new().indentor("    ".to_string());
    let mut text = ron::ser::to_string_pretty(session, config)
        .map_err(|e| FormatError::at(0, 0, tr!("store.format.cannot_write", reason = e)))?;
    text.push('\n');
    Ok(text)
}

/// A session read from a file, and the format version the file was in.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The session, converted to the current format.
    pub session: Session,
    /// The version written in the file; older than [`FORMAT_VERSION`] means
    /// the file was migrated and its original should be kept before writing.
    pub version: u32,
}

/// The format version a file's text says it is in (this build's when it
/// cannot be read at all).
pub fn version_of(text: &str) -> u32 {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Read where it is written: parsing the whole file only for its version
    // would read a session of 100,000 MOTs twice. When it is not a plain
    // field at the top, let `ron` say what the file holds.
    if let Some(version) =
        locate::top_level_atom(text, "version").and_then(|v| ron::from_str::<u32>(v).ok())
    {
        return version;
    }
    ron::from_str::<VersionOnly>(text).map_or(FORMAT_VERSION, |v| v.version)
}

/// Parses and checks a session file's text.
pub fn from_ron(text: &str) -> Result<Session, FormatError> {
    decode(text).map(|d| d.session)
}

/// Parses and checks a session file's text, migrating older versions.
pub fn decode(text: &str) -> Result<Decoded, FormatError> {
    crate::model::work::note(crate::model::work::Entry::Parse);
    // Editors on Windows like to start files with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // When even the version cannot be read, parse as the current version:
    // that gives the most useful line and column.
    let version = version_of(text);
    // Problems with the version point at it, like every other value.
    let at_version = || locate::locate(text, &FieldPath::field("version"));
    if version > FORMAT_VERSION {
        let (line, col) = at_version();
        return Err(FormatError::at(
            line,
            col,
            tr!(
                "store.format.newer",
                version = version,
                newest = FORMAT_VERSION
            ),
        ));
    }
    let session = match version {
        0 => {
            let (line, col) = at_version();
            return Err(FormatError::at(line, col, tr!("store.format.version_zero")));
        }
        1 => parse::<super::v1::SessionV1>(text, version)?.into(),
        2 => parse::<super::v2::SessionV2>(text, version)?.into(),
        3 => parse::<super::v3::SessionV3>(text, version)?.into(),
        4 => parse::<super::v4::SessionV4>(text, version)?
            .into_session()
            .map_err(|e| at_path(text, e))?,
        5 => parse::<super::v5::SessionV5>(text, version)?
            .into_session()
            .map_err(|e| at_path(text, e))?,
        6 => parse::<super::v6::SessionV6>(text, version)?
            .into_session()
            .map_err(|e| at_path(text, e))?,
        7 => parse::<super::v7::SessionV7>(text, version)?
            .into_session()
            .map_err(|e| at_path(text, e))?,
        _ => parse::<super::v8::SessionV8>(text, version)?
            .into_session()
            .map_err(|e| at_path(text, e))?,
    };
    // Whatever the peek saw, the session read must be of this build's version.
    if session.version != FORMAT_VERSION {
        let (line, col) = at_version();
        return Err(FormatError::at(
            line,
            col,
            tr!(
                "store.format.version_mismatch",
                said = session.version,
                version = version
            ),
        ));
    }
    session.validate().map_err(|e| at_path(text, e))?;
    Ok(Decoded { session, version })
}

/// A rule broken after parsing, pointing at its value as a parse error does.
fn at_path(text: &str, e: ModelError) -> FormatError {
    let (line, col) = match &e {
        ModelError::Invalid { path, .. } => locate::locate(text, path),
        _ => (1, 1),
    };
    FormatError::at(line, col, e.to_string())
}

/// Parses a file's text as `T`. An optional value may be written bare
/// (`focus: Entry`, `we_do_well: 4`) as well as `Some(...)`: that is how a
/// person writes one by hand, and `None` still says there is none.
/// `version` is the one the file declares, for hints about its fields.
fn parse<T: serde::de::DeserializeOwned>(text: &str, version: u32) -> Result<T, FormatError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|e| {
            FormatError::at(
                e.span.start.line,
                e.span.start.col,
                ron_words::words(&e.code, version),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dimension, MotText, Quality};

    fn sample() -> Session {
        let mut s = Session::new("华航 商务舱");
        s.brand = "China Airlines".into();
        s.core_message = "华航不一样".into();
        s.focus = Some(Dimension::Repurchase);
        let id = s.add_mot(MotText {
            who: "住在美国西岸的华人旅客".into(),
            situation: "在商务舱准备睡觉时，空服员帮忙铺床 \"quoted\" \\ 🛏".into(),
            feeling: "华航不一样".into(),
        });
        s.set_dimension(id, Some(Dimension::Repurchase))
            .expect("mot");
        s.toggle_quality(id, Quality::Empathy).expect("mot");
        let p = s.add_participant("王小明", 1).expect("group");
        s.add_dot(p, id).expect("room");
        s.set_hands(id, 2, 5).expect("group");
        s
    }

    #[test]
    fn round_trip_keeps_everything_including_chinese() {
        let s = sample();
        let text = to_ron(&s).expect("serialises");
        assert_eq!(from_ron(&text).expect("parses"), s);
    }

    #[test]
    fn output_is_readable_and_stable() {
        let text = to_ron(&sample()).expect("serialises");
        assert!(
            text.starts_with(&format!(
                "(\n    version: {FORMAT_VERSION},\n    title: \"华航 商务舱\",\n    stage: Setup,"
            )),
            "{text}"
        );
        assert!(text.contains("focus: Some(Repurchase)"));
        assert!(text.contains("qualities: [\n                Empathy,\n"));
        assert!(!text.contains("Session"), "no struct names");
        assert_eq!(text, to_ron(&sample()).expect("serialises"));
    }

    #[test]
    fn errors_carry_line_and_column() {
        let text = to_ron(&sample()).expect("serialises");
        let broken = text.replacen("focus: Some(Repurchase)", "focus: Some(Repurchas)", 1);
        let e = from_ron(&broken).expect_err("bad variant");
        let line = text
            .lines()
            .position(|l| l.contains("focus: Some"))
            .expect("focus")
            + 1;
        assert_eq!(e.line, line, "{e}");
        assert!(e.col > 1, "{e}");
        let unknown = text.replacen("    brand:", "    colour: \"red\",\n    brand:", 1);
        let e = from_ron(&unknown).expect_err("unknown field");
        assert!(e.message.contains("colour"), "{e}");
        assert!(from_ron("").is_err());
        assert!(from_ron("(version: 1").is_err());
    }

    #[test]
    fn a_newer_version_is_refused_in_the_language_on_show() {
        use crate::i18n::{self, Language};
        let text = to_ron(&sample()).expect("serialises");
        let current = format!("version: {FORMAT_VERSION},");
        let newer = text.replacen(&current, "version: 70,", 1);
        i18n::set(Language::SimplifiedChinese);
        let e = from_ron(&newer).expect_err("newer");
        i18n::set(Language::English);
        assert!(e.message.contains("格式版本为 70"), "{e}");
        assert!(e.message.contains("更新 mot"), "{e}");
    }

    #[test]
    fn newer_versions_are_refused_by_name() {
        let text = to_ron(&sample()).expect("serialises");
        let current = format!("version: {FORMAT_VERSION},");
        let newer = text.replacen(&current, "version: 70,\n    hologram: true,", 1);
        let e = from_ron(&newer).expect_err("newer");
        assert!(e.message.contains("version 70"), "{e}");
        assert!(
            e.message
                .contains(&format!("reads versions 1 to {FORMAT_VERSION}")),
            "{e}"
        );
    }

    #[test]
    fn dangling_references_are_refused() {
        let text = to_ron(&sample()).expect("serialises");
        let broken = text.replacen("group: 1,", "group: 99,", 1);
        let e = from_ron(&broken).expect_err("dangling");
        assert!(e.message.contains("99"), "{e}");
    }

    #[test]
    fn a_struct_name_does_not_hide_the_version() {
        let text = to_ron(&sample()).expect("serialises");
        let named = format!("Session{}", text.trim_start());
        assert_eq!(from_ron(&named).expect("a named struct reads"), sample());
        let current = format!("version: {FORMAT_VERSION},");
        let next = FORMAT_VERSION + 1;
        let newer = named.replacen(&current, &format!("version: {next},"), 1);
        let e = from_ron(&newer).expect_err("newer");
        assert!(e.message.contains(&format!("version {next}")), "{e}");
        let zero = named.replacen(&current, "version: 0,", 1);
        assert!(from_ron(&zero).is_err());
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", to_ron(&sample()).expect("serialises"));
        assert!(from_ron(&text).is_ok());
    }
}
