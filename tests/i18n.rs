//! The catalogs: every language has every key, every key is used, and the
//! placeholders agree; so no screen shows a bare key or drops a number.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use mot::i18n::{self, AREAS, Language};

fn catalog(lang: Language) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (area, text) in AREAS.iter().zip(i18n::sources(lang)) {
        let lines = i18n::parse(text)
            .unwrap_or_else(|e| panic!("assets/i18n/{}/{area}.txt: {e}", lang.code()));
        for (key, value) in lines {
            let before = map.insert(key.to_string(), value);
            assert!(
                before.is_none(),
                "{key} is defined twice in {} ({area}.txt)",
                lang.code()
            );
            assert!(
                key.starts_with(&format!("{}.", i18n::area_prefix(area))),
                "{key} belongs in the area its name starts with, not {area}.txt"
            );
        }
    }
    map
}

fn source_text() -> String {
    fn walk(dir: &Path, out: &mut String) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .expect("src")
            .filter_map(Result::ok)
            .collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push_str(&fs::read_to_string(&path).expect("read"));
            }
        }
    }
    let mut out = String::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut out);
    out
}

#[test]
fn every_language_has_every_key_with_the_same_placeholders() {
    let english = catalog(Language::English);
    assert!(english.len() > 50, "the English catalog is nearly empty");
    for lang in [Language::SimplifiedChinese, Language::TraditionalChinese] {
        let other = catalog(lang);
        let want: BTreeSet<_> = english.keys().collect();
        let have: BTreeSet<_> = other.keys().collect();
        let missing: Vec<_> = want.difference(&have).collect();
        let extra: Vec<_> = have.difference(&want).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has keys English lacks: {extra:?}",
            lang.code()
        );
        for (key, text) in &english {
            assert_eq!(
                i18n::placeholders(text),
                i18n::placeholders(&other[key]),
                "{key} in {} fills other blanks than in English",
                lang.code()
            );
            assert!(
                !other[key].trim().is_empty(),
                "{key} is empty in {}",
                lang.code()
            );
        }
    }
}

#[test]
fn every_key_is_used_and_every_used_key_exists() {
    let english = catalog(Language::English);
    let source = source_text();
    let unused: Vec<_> = english
        .keys()
        .filter(|k| !source.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    // Every tr!("...") in the code names a key the catalogs have.
    let mut missing = Vec::new();
    for (at, _) in source.match_indices("tr!(\"") {
        // `include_str!("…")` ends the same way and names a file, not a key.
        if source[..at].ends_with("include_s") {
            continue;
        }
        let part = &source[at + "tr!(\"".len()..];
        let key = part.split('"').next().unwrap_or_default();
        if !english.contains_key(key) {
            missing.push(key.to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "tr! names keys no catalog has: {missing:?}"
    );
}

#[test]
fn chinese_catalogs_are_in_their_own_script() {
    // A few characters that differ between the scripts; a Simplified one in
    // the Traditional catalog means a line was copied without converting.
    let simplified_only = [
        '们', '这', '时', '设', '击', '选', '项', '开', '关', '键', '语', '颜',
    ];
    for (key, text) in catalog(Language::TraditionalChinese) {
        if let Some(c) = text.chars().find(|c| simplified_only.contains(c)) {
            panic!("zh-Hant {key} has the simplified character {c}: {text}");
        }
    }
}
