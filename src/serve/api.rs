//! The JSON the phone's script sends and gets (documented in the README
//! under "The room's API"). Bodies refuse unknown fields, as session files do.

use serde::{Deserialize, Serialize};

/// `POST /api/claim`: "I am this participant".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Claim {
    pub(super) participant: u32,
}

/// `POST /api/join`: a newcomer's name and group.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Join {
    pub(super) name: String,
    pub(super) group: u32,
}

/// `POST /api/mot` and `POST /api/check`: the three elements.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Mot {
    #[serde(default)]
    pub(super) who: String,
    #[serde(default)]
    pub(super) situation: String,
    #[serde(default)]
    pub(super) feeling: String,
}

/// `POST /api/dots`: this participant's dots on one MOT.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Dots {
    pub(super) mot: u32,
    pub(super) count: u32,
}

/// `POST /api/lang`: the phone's language (`en`, `zh-Hans`, `zh-Hant`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Lang {
    pub(super) lang: String,
}

/// `GET /api/state?since=N`: answer when the version passes N (or after a while).
#[derive(Debug, Deserialize)]
pub(super) struct Since {
    pub(super) since: Option<u64>,
}

/// What `GET /api/state` answers: enough for the script to know whether its
/// page is stale, and the count of voters. Never a total, never another's dots.
#[derive(Debug, Serialize)]
pub(super) struct State {
    pub(super) version: u64,
    pub(super) view: String,
    pub(super) stage: &'static str,
    pub(super) writing: bool,
    pub(super) voting: bool,
    pub(super) voted: String,
    pub(super) moved_on: String,
}

/// What `POST /api/check` answers: the coaching and the sentence.
#[derive(Debug, Serialize)]
pub(super) struct Check {
    pub(super) advice: Vec<String>,
    pub(super) sentence: String,
}

/// What a change answers when it was made.
#[derive(Debug, Serialize, Default)]
pub(super) struct Done {
    pub(super) ok: bool,
    pub(super) view: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) mot: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) left: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) message: Option<String>,
}

/// What a refused request answers.
#[derive(Debug, Serialize)]
pub(super) struct Refused {
    pub(super) error: String,
}
