//! The interface's words in English, Simplified and Traditional Chinese.
//!
//! Catalogs live in `assets/i18n/<language>/<area>.txt`, one `key = text`
//! per line, and are compiled into the binary. `tr!(KEY)` gives the text in
//! the language on show; `tr!(KEY, name = value)` fills `{name}` in it.
//! A test checks that every language has every key, that every key is used,
//! and that the placeholders agree.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub use crate::model::Language;

/// The areas a catalog is split into, so each file stays readable. An
/// area's file may be one part of a larger area, named `area_part`
/// (`drill_view`): its keys start with the larger area's name.
pub const AREAS: [&str; 14] = [
    "app",
    "cli",
    "drill",
    "keys",
    "model",
    "room",
    "store",
    "ui",
    "drill_view",
    "report",
    "import",
    "merge",
    "access",
    "phones",
];

/// What every key of an area's file starts with (before its `.`):
/// `drill_view.txt` holds `drill.` keys.
pub fn area_prefix(area: &str) -> &str {
    area.split('_').next().unwrap_or(area)
}

macro_rules! catalog_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../assets/i18n/", $lang, "/app.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/cli.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/drill.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/keys.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/model.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/room.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/store.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/ui.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/drill_view.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/report.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/import.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/merge.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/access.txt")),
            include_str!(concat!("../assets/i18n/", $lang, "/phones.txt")),
        ]
    };
}

/// The catalog files of a language, in the order of [`AREAS`].
pub fn sources(lang: Language) -> [&'static str; 14] {
    match lang {
        Language::English => catalog_files!("en"),
        Language::SimplifiedChinese => catalog_files!("zh-Hans"),
        Language::TraditionalChinese => catalog_files!("zh-Hant"),
    }
}

/// A line of a catalog that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct CatalogError {
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub problem: String,
}

/// Reads one catalog file: `key = text` lines, `#` comments, blank lines.
/// In the text, `\n` is a line break and `\\` a backslash.
pub fn parse(text: &str) -> Result<Vec<(&str, String)>, CatalogError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim_start();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |problem: &str| CatalogError {
            line: i + 1,
            problem: problem.to_string(),
        };
        let (key, value) = line
            .split_once(" = ")
            .ok_or_else(|| err("expected `key = text`"))?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._-".contains(c))
        {
            return Err(err("a key is made of letters, digits, `.`, `_` and `-`"));
        }
        out.push((key, unescape(value)));
    }
    Ok(out)
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

type Catalog = HashMap<&'static str, String>;

fn load(lang: Language) -> Catalog {
    // A broken catalog cannot ship (a test reads them all); should one slip
    // through, its readable lines still count and the rest fall back.
    let mut map = HashMap::new();
    for text in sources(lang) {
        let lines = parse(text).unwrap_or_else(|_| {
            text.lines()
                .filter_map(|l| parse(l).ok())
                .flatten()
                .collect()
        });
        map.extend(lines);
    }
    map
}

static ENGLISH: LazyLock<Catalog> = LazyLock::new(|| load(Language::English));
static SIMPLIFIED: LazyLock<Catalog> = LazyLock::new(|| load(Language::SimplifiedChinese));
static TRADITIONAL: LazyLock<Catalog> = LazyLock::new(|| load(Language::TraditionalChinese));

fn catalog(lang: Language) -> &'static Catalog {
    match lang {
        Language::English => &ENGLISH,
        Language::SimplifiedChinese => &SIMPLIFIED,
        Language::TraditionalChinese => &TRADITIONAL,
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    // Tests run side by side in threads, each in its own language.
    static LOCAL: Cell<Option<Language>> = const { Cell::new(None) };
}

fn to_u8(lang: Language) -> u8 {
    match lang {
        Language::English => 0,
        Language::SimplifiedChinese => 1,
        Language::TraditionalChinese => 2,
    }
}

/// Makes `lang` the language on show in this thread.
pub fn set(lang: Language) {
    LOCAL.with(|l| l.set(Some(lang)));
}

/// Makes `lang` the language on show in this thread and in threads that
/// chose none (the signal watcher saying where the session went). Only the
/// program itself calls this; tests stay in their own thread's language.
pub fn set_global(lang: Language) {
    CURRENT.store(to_u8(lang), Ordering::Relaxed);
    set(lang);
}

/// Runs `f` with `lang` on show in this thread, then puts back what was
/// there: a report speaks its own language whatever the interface speaks.
pub fn speaking<R>(lang: Language, f: impl FnOnce() -> R) -> R {
    let before = LOCAL.with(Cell::get);
    set(lang);
    let out = f();
    LOCAL.with(|l| l.set(before));
    out
}

/// The language on show.
pub fn current() -> Language {
    LOCAL
        .with(Cell::get)
        .unwrap_or_else(|| match CURRENT.load(Ordering::Relaxed) {
            1 => Language::SimplifiedChinese,
            2 => Language::TraditionalChinese,
            _ => Language::English,
        })
}

thread_local! {
    // The keys looked up in this thread while a test records them.
    static LOOKED_UP: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Runs `f` and gives the catalog keys it looked up in this thread, in
/// order: a test draws a screen so and checks every label drawn is whole.
pub fn recording<R>(f: impl FnOnce() -> R) -> (R, Vec<String>) {
    LOOKED_UP.with(|r| *r.borrow_mut() = Some(Vec::new()));
    let out = f();
    let keys = LOOKED_UP
        .with(|r| r.borrow_mut().take())
        .unwrap_or_default();
    (out, keys)
}

/// The text of `key` in the language on show (English, then the key itself,
/// when a catalog lacks it).
pub fn t(key: &str) -> &str {
    LOOKED_UP.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut()
            && let Some(keys) = r.as_mut()
        {
            keys.push(key.to_string());
        }
    });
    catalog(current())
        .get(key)
        .or_else(|| ENGLISH.get(key))
        .map_or(key, String::as_str)
}

/// The text of `key` in a given language.
pub fn t_in(lang: Language, key: &str) -> &str {
    catalog(lang)
        .get(key)
        .or_else(|| ENGLISH.get(key))
        .map_or(key, String::as_str)
}

/// Fills `{name}` placeholders in a template; unknown names stay as written.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(&value.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholders a text asks for, sorted.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').map(|(name, _)| name.to_string()))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// The language asked for by the environment (`LC_ALL`, then `LC_MESSAGES`,
/// then `LANG`), if it is one of ours.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Option<Language> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|name| var(name).filter(|v| !v.is_empty()))
        .map(|v| Language::from_locale(&v))
        .next()
        .flatten()
}

/// `tr!(KEY)` is the text of the literal key in the language on show;
/// `tr!(KEY, name = value, ...)` also fills its `{name}` placeholders.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::t($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $crate::i18n::t($key),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_reads_keys_comments_and_escapes() {
        let text = "# a comment\n\nsaved = Saved\nmulti = one\\ntwo \\\\ {n}\n";
        let lines = parse(text).expect("parses");
        assert_eq!(
            lines,
            vec![
                ("saved", "Saved".to_string()),
                ("multi", "one\ntwo \\ {n}".to_string())
            ]
        );
        assert_eq!(parse("no equals here").map_err(|e| e.line), Err(1));
        assert!(parse("bad key = x").is_err());
    }

    #[test]
    fn fill_replaces_known_names_and_keeps_the_rest() {
        let n = 3;
        assert_eq!(
            fill("{n} of {total} {other}", &[("n", &n), ("total", &"5")]),
            "3 of 5 {other}"
        );
        assert_eq!(fill("open {", &[]), "open {");
        assert_eq!(placeholders("{b} and {a} and {b}"), vec!["a", "b"]);
    }

    #[test]
    fn each_thread_speaks_its_own_language() {
        set(Language::TraditionalChinese);
        assert_eq!(current(), Language::TraditionalChinese);
        let other = std::thread::spawn(|| {
            set(Language::English);
            current()
        })
        .join()
        .expect("thread");
        assert_eq!(other, Language::English);
        assert_eq!(current(), Language::TraditionalChinese);
    }

    #[test]
    fn the_environment_picks_a_language_by_precedence() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            from_env(env(&[("LANG", "zh_CN.UTF-8")])),
            Some(Language::SimplifiedChinese)
        );
        assert_eq!(
            from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "zh_TW.UTF-8")])),
            Some(Language::TraditionalChinese)
        );
        assert_eq!(
            from_env(env(&[("LC_ALL", ""), ("LANG", "zh_HK.UTF-8")])),
            Some(Language::TraditionalChinese)
        );
        assert_eq!(from_env(env(&[("LANG", "C.UTF-8")])), None);
        assert_eq!(from_env(env(&[])), None);
    }
}
