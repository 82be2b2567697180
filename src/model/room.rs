//! How a session is shown in its room: the language, the colours, and the
//! time each stage is given. Saved with the session so the next opening
//! looks the same.

use serde::{Deserialize, Serialize};

use super::stage::Stage;

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Simplified Chinese (简体中文).
    SimplifiedChinese,
    /// Traditional Chinese (繁體中文).
    TraditionalChinese,
}

impl Language {
    /// All three, in the order the switch key cycles through them.
    pub const ALL: [Language; 3] = [
        Language::English,
        Language::SimplifiedChinese,
        Language::TraditionalChinese,
    ];

    /// The tag used on the command line: `en`, `zh-Hans`, `zh-Hant`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::SimplifiedChinese => "zh-Hans",
            Language::TraditionalChinese => "zh-Hant",
        }
    }

    /// The language's name in itself, as its speakers look for it.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::SimplifiedChinese => "简体中文",
            Language::TraditionalChinese => "繁體中文",
        }
    }

    /// The language for a command-line tag, ignoring case.
    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language a POSIX locale such as `zh_TW.UTF-8` asks for, if it is one of ours.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let name = locale.split(['.', '@']).next().unwrap_or_default();
        let mut parts = name.split(['_', '-']);
        let lang = parts.next().unwrap_or_default().to_ascii_lowercase();
        let region: Vec<String> = parts.map(str::to_ascii_lowercase).collect();
        match lang.as_str() {
            "en" => Some(Language::English),
            "zh" => {
                let traditional = region
                    .iter()
                    .any(|r| matches!(r.as_str(), "tw" | "hk" | "mo" | "hant"));
                Some(if traditional {
                    Language::TraditionalChinese
                } else {
                    Language::SimplifiedChinese
                })
            }
            _ => None,
        }
    }

    /// The next language, wrapping around.
    pub fn next(self) -> Language {
        let i = Language::ALL.iter().position(|l| *l == self).unwrap_or(0);
        Language::ALL[(i + 1) % Language::ALL.len()]
    }
}

/// A set of colours for the room's light and projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
pub enum Theme {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background, for a bright room that washes dark screens out.
    Light,
    /// Black and white and a few pure colours, for a weak projector or weak eyes.
    HighContrast,
}

impl Theme {
    /// All three, in the order the switch key cycles through them.
    pub const ALL: [Theme; 3] = [Theme::Dark, Theme::Light, Theme::HighContrast];

    /// The name used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::HighContrast => "high-contrast",
        }
    }

    /// The theme for a command-line name, ignoring case.
    pub fn from_code(code: &str) -> Option<Theme> {
        Theme::ALL
            .into_iter()
            .find(|t| t.code().eq_ignore_ascii_case(code))
    }

    /// The next theme, wrapping around.
    pub fn next(self) -> Theme {
        let i = Theme::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Theme::ALL[(i + 1) % Theme::ALL.len()]
    }
}

/// The minutes the room is given for one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timebox {
    /// The stage.
    pub stage: Stage,
    /// Its length in minutes.
    pub minutes: u32,
}

pub use super::limits::MAX_TIMEBOX_MINUTES;

/// The timebox a stage gets until the facilitator sets one.
pub fn default_minutes(stage: Stage) -> u32 {
    match stage {
        Stage::Setup => 10,
        Stage::Write => 15,
        Stage::Tag => 10,
        Stage::Vote => 5,
        Stage::Matrix => 10,
        Stage::Choose => 15,
        // Three rounds of ten minutes: one trio's cycle.
        Stage::Drill => 30,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_pick_the_right_script() {
        let cases = [
            ("zh_CN.UTF-8", Some(Language::SimplifiedChinese)),
            ("zh_SG.UTF-8", Some(Language::SimplifiedChinese)),
            ("zh_TW.UTF-8", Some(Language::TraditionalChinese)),
            ("zh_HK.Big5", Some(Language::TraditionalChinese)),
            ("zh_MO", Some(Language::TraditionalChinese)),
            ("zh-Hant", Some(Language::TraditionalChinese)),
            ("zh", Some(Language::SimplifiedChinese)),
            ("en_GB.UTF-8", Some(Language::English)),
            ("de_DE.UTF-8", None),
            ("C", None),
            ("", None),
        ];
        for (locale, want) in cases {
            assert_eq!(Language::from_locale(locale), want, "{locale}");
        }
    }

    #[test]
    fn codes_round_trip_and_cycles_visit_all() {
        for l in Language::ALL {
            assert_eq!(Language::from_code(l.code()), Some(l));
        }
        assert_eq!(
            Language::from_code("ZH-hans"),
            Some(Language::SimplifiedChinese)
        );
        assert_eq!(Language::from_code("fr"), None);
        for t in Theme::ALL {
            assert_eq!(Theme::from_code(t.code()), Some(t));
        }
        let mut l = Language::English;
        let mut seen = Vec::new();
        for _ in 0..3 {
            seen.push(l);
            l = l.next();
        }
        assert_eq!(l, Language::English);
        assert_eq!(seen, Language::ALL.to_vec());
        assert_eq!(Theme::HighContrast.next(), Theme::Dark);
    }
}
