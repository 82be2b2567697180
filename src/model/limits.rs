//! The limits mot keeps, in one table for every reader of sessions: the
//! store, the checks after parsing, and every later way in (imports, merges,
//! drills, phones). Each is chosen for real rooms with headroom: a session of
//! 100,000 MOTs (about 80 MB of RON) opens, forty participants and far more
//! fit, a show of hands in a hall can count past 999.
//!
//! `Session::validate` enforces every one of them on what a file holds; the
//! domain's adds refuse past them; text fields stop at the text limit; and
//! the drawing code never allocates in proportion to a number from a file.

use super::drill::clock::PHASE_SECONDS;
use super::drill::sheet::SCORES;
use super::drill::trios::SIZES as TRIO_SIZES;
use crate::i18n::{self, Language};

/// Largest session file read, in bytes; anything larger is refused before
/// reading (three times the 100,000-MOT session).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Longest file name most file systems take, in bytes.
pub const MAX_NAME_BYTES: usize = 255;

/// The bytes mot may add to a session's file name for the files it keeps
/// beside it: the longest is the temporary of the recovery file,
/// `.NAME.recovery.PID.N.tmp` (a process id of 10 digits, a counter of 20).
pub const SIDE_SUFFIX_BYTES: usize = 1 + ".recovery".len() + 1 + 10 + 1 + 20 + ".tmp".len();

/// Longest session file name that can be written: with every side file's
/// suffix it still fits in [`MAX_NAME_BYTES`]. A longer one opens read-only.
pub const MAX_SESSION_NAME_BYTES: usize = MAX_NAME_BYTES - SIDE_SUFFIX_BYTES;

/// Most MOTs in one session: twice the largest session measured (100,000
/// MOTs, about 80 MB), well inside [`MAX_FILE_BYTES`].
pub const MAX_MOTS: usize = 200_000;

/// Most participants in one session: a hall, not only a room of forty.
pub const MAX_PARTICIPANTS: usize = 10_000;

/// Most respondent groups: each is a column of the show of hands and a
/// piece of every bar, so more would not be readable.
pub const MAX_GROUPS: usize = 50;

/// Longest text of one field (a title, a name, who, situation, feeling, a
/// MOTX line), in characters: pages, where a field holds a sentence.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Highest id of an MOT, group or participant: ids grow by one per
/// addition, and this keeps every sum of them far from overflowing.
pub const MAX_ID: u32 = 999_999_999;

/// Highest dot budget; more dots than this stop meaning anything.
pub const MAX_DOT_BUDGET: u32 = 99;

/// Highest cap of dots from one participant on one MOT, and most dots one
/// entry may hold: no budget gives more. (A stored count may exceed the
/// session's current cap, which can be lowered after voting, never this.)
pub const MAX_DOTS_PER_MOT: u32 = MAX_DOT_BUDGET;

/// Most dots one participant may have spent in all, whatever the budget is
/// now (it may have been lowered after they voted).
pub const MAX_DOTS_PER_PARTICIPANT: u32 = MAX_DOT_BUDGET;

/// Most hands one group can raise for one MOT: a hall of people, with room
/// for a typo to be caught by the question below rather than by this.
pub const MAX_HANDS: u32 = 99_999;

/// A show-of-hands count above this is kept only after the room says yes:
/// a fourth digit is more often a slip than a crowd.
pub const HANDS_ASK_ABOVE: u32 = 999;

/// Highest weight a group may carry; keeps scores readable and sums far
/// from overflow.
pub const MAX_WEIGHT: u32 = 99;

/// Shortest timebox, in minutes.
pub const MIN_TIMEBOX_MINUTES: u32 = 1;

/// Longest timebox, in minutes: a half-day is already more than one stage
/// should take.
pub const MAX_TIMEBOX_MINUTES: u32 = 240;

/// Lowest rating of "we do it well" and "competitors do it poorly", and of
/// the circles' thresholds for them.
pub const RATING_MIN: u8 = 1;

/// Highest rating.
pub const RATING_MAX: u8 = 5;

/// Lowest importance threshold of the circles, in percent of the top score
/// (one step of the threshold keys).
pub const MIN_IMPORTANCE_PERCENT: u8 = 10;

/// Highest importance threshold, in percent.
pub const MAX_IMPORTANCE_PERCENT: u8 = 100;

/// Most scenario cards in a session's drill deck: the built-in library,
/// one per chosen MOT and the trainer's own, many times over.
pub const MAX_CARDS: usize = 1_000;

/// Most trios in a session's drill: every participant in a pair.
pub const MAX_TRIOS: usize = MAX_PARTICIPANTS / 2;

/// Most observer's sheets in a session's drill: forty people through
/// fifty rounds, twice over.
pub const MAX_SHEETS: usize = 100_000;

/// Highest round number of a drill (rounds count from 0 for the whole
/// room): a one-day course plays a dozen.
pub const MAX_ROUND: u32 = 999;

/// Most texts of merged duplicates kept on one MOT: a moment a whole hall
/// wrote, many times over.
pub const MAX_NOTES: usize = 1_000;

/// Deepest chain of breakouts a MOT's origin may name (a breakout's session
/// that was itself merged from breakouts, and so on).
pub const MAX_ORIGIN_DEPTH: usize = 16;

/// Most pairs the room said are not duplicates.
pub const MAX_NOT_DUPLICATES: usize = 200_000;

/// Most bytes in one request a phone sends to the room.
pub const MAX_PHONE_REQUEST_BYTES: usize = 16 * 1024;

/// Most characters in one field a phone sends (who, situation, feeling, a name).
pub const MAX_PHONE_TEXT_CHARS: usize = 1_000;

/// Most MOTs one phone may send in a minute.
pub const MAX_PHONE_MOTS_PER_MINUTE: usize = 10;

/// Most phones the room lets in.
pub const MAX_PHONES: usize = 500;

/// Most connections to the room at once (fewer when the system allows
/// this process fewer open files).
pub const MAX_CONNECTIONS: usize = 768;

/// Most connections to the room at once from one address.
pub const MAX_CONNECTIONS_PER_ADDRESS: usize = 24;

/// Most names one phone adds to the list in a minute.
pub const MAX_PHONE_JOINS_PER_MINUTE: usize = 3;

/// What the table shows in the file's column for a limit of the room's
/// server: nothing of it is in the file.
const ROOM: &str = "@room";

/// One row of the table: what is limited, where the file holds it, and how
/// far it may go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// Catalog key of what is limited.
    pub what: &'static str,
    /// Where the file holds it, as `mot check` names it (empty for the file itself).
    pub field: &'static str,
    /// The smallest value allowed, where there is one above zero.
    pub min: Option<u64>,
    /// The largest value allowed.
    pub max: u64,
    /// Catalog key of the unit, or empty for a bare number.
    pub unit: &'static str,
}

/// Every limit, in the order the README lists them.
pub const TABLE: &[Limit] = &[
    Limit {
        what: "model.limit.file_size",
        field: "",
        min: None,
        max: MAX_FILE_BYTES,
        unit: "model.limit.unit.bytes",
    },
    Limit {
        what: "model.limit.file_name",
        field: "",
        min: None,
        max: MAX_SESSION_NAME_BYTES as u64,
        unit: "model.limit.unit.bytes",
    },
    Limit {
        what: "model.limit.mots",
        field: "mots",
        min: None,
        max: MAX_MOTS as u64,
        unit: "model.limit.unit.mots",
    },
    Limit {
        what: "model.limit.participants",
        field: "participants",
        min: None,
        max: MAX_PARTICIPANTS as u64,
        unit: "model.limit.unit.participants",
    },
    Limit {
        what: "model.limit.groups",
        field: "groups",
        min: None,
        max: MAX_GROUPS as u64,
        unit: "model.limit.unit.groups",
    },
    Limit {
        what: "model.limit.text",
        field: "title, brand, core_message, target_user, groups[].name, groups[].description, \
                participants[].name, mots[].who, mots[].situation, mots[].feeling, \
                mots[].motx.company_does, mots[].motx.customer_next, mots[].notes[].*, \
                mots[].origin.session, mots[].author, drill.deck[].card.*, \
                drill.sheets[].comments",
        min: None,
        max: MAX_TEXT_CHARS as u64,
        unit: "model.limit.unit.characters",
    },
    Limit {
        what: "model.limit.ids",
        field: "mots[].id, groups[].id, participants[].id, drill.deck[].id, drill.trios[].id",
        min: None,
        max: MAX_ID as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.dot_budget",
        field: "dot_budget",
        min: None,
        max: MAX_DOT_BUDGET as u64,
        unit: "model.limit.unit.dots",
    },
    Limit {
        what: "model.limit.max_dots_per_mot",
        field: "max_dots_per_mot",
        min: None,
        max: MAX_DOTS_PER_MOT as u64,
        unit: "model.limit.unit.dots",
    },
    Limit {
        what: "model.limit.dots_entry",
        field: "dots[].count",
        min: Some(1),
        max: MAX_DOTS_PER_MOT as u64,
        unit: "model.limit.unit.dots",
    },
    Limit {
        what: "model.limit.dots_participant",
        field: "dots[].count",
        min: None,
        max: MAX_DOTS_PER_PARTICIPANT as u64,
        unit: "model.limit.unit.dots",
    },
    Limit {
        what: "model.limit.hands",
        field: "mots[].hands[].count",
        min: None,
        max: MAX_HANDS as u64,
        unit: "model.limit.unit.hands",
    },
    Limit {
        what: "model.limit.hands_ask",
        field: "mots[].hands[].count",
        min: None,
        max: HANDS_ASK_ABOVE as u64,
        unit: "model.limit.unit.hands",
    },
    Limit {
        what: "model.limit.weight",
        field: "groups[].weight",
        min: None,
        max: MAX_WEIGHT as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.timebox",
        field: "timeboxes[].minutes",
        min: Some(MIN_TIMEBOX_MINUTES as u64),
        max: MAX_TIMEBOX_MINUTES as u64,
        unit: "model.limit.unit.minutes",
    },
    Limit {
        what: "model.limit.rating",
        field: "mots[].we_do_well, mots[].competitors_poor, circles.we_do_well, circles.competitors_poor",
        min: Some(RATING_MIN as u64),
        max: RATING_MAX as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.importance",
        field: "circles.important_percent",
        min: Some(MIN_IMPORTANCE_PERCENT as u64),
        max: MAX_IMPORTANCE_PERCENT as u64,
        unit: "model.limit.unit.percent",
    },
    Limit {
        what: "model.limit.cards",
        field: "drill.deck",
        min: None,
        max: MAX_CARDS as u64,
        unit: "model.limit.unit.cards",
    },
    Limit {
        what: "model.limit.trios",
        field: "drill.trios",
        min: None,
        max: MAX_TRIOS as u64,
        unit: "model.limit.unit.trios",
    },
    Limit {
        what: "model.limit.trio_size",
        field: "drill.trios[].members",
        min: Some(*TRIO_SIZES.start() as u64),
        max: *TRIO_SIZES.end() as u64,
        unit: "model.limit.unit.participants",
    },
    Limit {
        what: "model.limit.sheets",
        field: "drill.sheets",
        min: None,
        max: MAX_SHEETS as u64,
        unit: "model.limit.unit.sheets",
    },
    Limit {
        what: "model.limit.round",
        field: "drill.round, drill.formed_at, drill.sheets[].round, mots[].origin.round",
        min: None,
        max: MAX_ROUND as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.phase",
        field: "drill.phases.read, drill.phases.play, drill.phases.feedback",
        min: Some(*PHASE_SECONDS.start() as u64),
        max: *PHASE_SECONDS.end() as u64,
        unit: "model.limit.unit.seconds",
    },
    Limit {
        what: "model.limit.notes",
        field: "mots[].notes",
        min: None,
        max: MAX_NOTES as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.origin_depth",
        field: "mots[].origin.from",
        min: None,
        max: MAX_ORIGIN_DEPTH as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.import_file",
        field: "mots[].origin.file",
        min: None,
        max: MAX_NAME_BYTES as u64,
        unit: "model.limit.unit.bytes",
    },
    Limit {
        what: "model.limit.not_duplicates",
        field: "not_duplicates",
        min: None,
        max: MAX_NOT_DUPLICATES as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.score",
        field: "drill.sheets[].scores",
        min: Some(*SCORES.start() as u64),
        max: *SCORES.end() as u64,
        unit: "",
    },
    Limit {
        what: "model.limit.phone_request",
        field: ROOM,
        min: None,
        max: MAX_PHONE_REQUEST_BYTES as u64,
        unit: "model.limit.unit.bytes",
    },
    Limit {
        what: "model.limit.phone_text",
        field: ROOM,
        min: None,
        max: MAX_PHONE_TEXT_CHARS as u64,
        unit: "model.limit.unit.characters",
    },
    Limit {
        what: "model.limit.phone_mots",
        field: ROOM,
        min: None,
        max: MAX_PHONE_MOTS_PER_MINUTE as u64,
        unit: "model.limit.unit.mots",
    },
    Limit {
        what: "model.limit.phones",
        field: ROOM,
        min: None,
        max: MAX_PHONES as u64,
        unit: "model.limit.unit.phones",
    },
    Limit {
        what: "model.limit.phone_joins",
        field: ROOM,
        min: None,
        max: MAX_PHONE_JOINS_PER_MINUTE as u64,
        unit: "model.limit.unit.participants",
    },
    Limit {
        what: "model.limit.connections",
        field: ROOM,
        min: None,
        max: MAX_CONNECTIONS as u64,
        unit: "model.limit.unit.connections",
    },
    Limit {
        what: "model.limit.connections_per_address",
        field: ROOM,
        min: None,
        max: MAX_CONNECTIONS_PER_ADDRESS as u64,
        unit: "model.limit.unit.connections",
    },
];

impl Limit {
    /// What is limited, in `lang`.
    pub fn what_in(&self, lang: Language) -> &'static str {
        i18n::t_in(lang, self.what)
    }

    /// The values allowed, in `lang`: "1 to 240 minutes", "at most 200,000 MOTs".
    pub fn allowed_in(&self, lang: Language) -> String {
        let unit = if self.unit.is_empty() {
            ""
        } else {
            i18n::t_in(lang, self.unit)
        };
        let range = match self.min {
            Some(min) => i18n::fill(
                i18n::t_in(lang, "model.limit.range"),
                &[("min", &grouped(min)), ("max", &grouped(self.max))],
            ),
            None => i18n::fill(
                i18n::t_in(lang, "model.limit.at_most"),
                &[("max", &grouped(self.max))],
            ),
        };
        i18n::fill(
            i18n::t_in(lang, "model.limit.with_unit"),
            &[("range", &range), ("unit", &unit)],
        )
        .trim_end()
        .to_string()
    }
}

/// A number with its thousands grouped by commas ("200,000"), as the room
/// reads a count at a glance in all three languages.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The table as Markdown, in English, for the README (a test keeps the two
/// the same).
pub fn markdown() -> String {
    let lang = Language::English;
    let mut out = String::from("| what | in the file | allowed |\n|---|---|---|\n");
    for l in TABLE {
        let field = if l.field.is_empty() {
            "(the file)".to_string()
        } else if l.field == ROOM {
            "(the room's server; not saved)".to_string()
        } else {
            l.field
                .split(", ")
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "| {} | {field} | {} |\n",
            l.what_in(lang),
            l.allowed_in(lang)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_200), "1,200");
        assert_eq!(grouped(99_999), "99,999");
        assert_eq!(grouped(200_000), "200,000");
        assert_eq!(grouped(999_999_999), "999,999,999");
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn the_table_reads_in_every_language() {
        let timebox = TABLE
            .iter()
            .find(|l| l.what == "model.limit.timebox")
            .expect("timebox row");
        assert_eq!(timebox.allowed_in(Language::English), "1 to 240 minutes");
        let ids = TABLE
            .iter()
            .find(|l| l.what == "model.limit.ids")
            .expect("ids row");
        assert_eq!(ids.allowed_in(Language::English), "at most 999,999,999");
        for lang in Language::ALL {
            for l in TABLE {
                assert!(!l.allowed_in(lang).contains('{'), "{l:?} in {lang:?}");
                assert!(!l.what_in(lang).starts_with("model."), "{l:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn the_limits_leave_room_for_real_sessions() {
        // A 100,000-MOT session is about 80 MB of RON.
        const { assert!(MAX_MOTS >= 100_000) };
        const { assert!(MAX_FILE_BYTES >= 3 * 80 * 1000 * 1000) };
        const { assert!(MAX_PARTICIPANTS >= 40) };
        const { assert!(MAX_HANDS > HANDS_ASK_ABOVE) };
        const { assert!(MAX_DOTS_PER_MOT <= MAX_DOT_BUDGET) };
        // Every vote of every group on one MOT, weighted, fits a u64 many times over.
        let worst = u64::from(MAX_HANDS) * MAX_GROUPS as u64 * u64::from(MAX_WEIGHT)
            + u64::from(MAX_DOTS_PER_PARTICIPANT) * MAX_PARTICIPANTS as u64 * u64::from(MAX_WEIGHT);
        assert!(worst < u64::from(u32::MAX));
    }
}
