//! Calendar days from the system clock, without a date crate: a report's
//! date and the picker's dates of files older than a month.

use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar day (UTC): how a report is dated and the picker shows an old file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    /// The year.
    pub year: i64,
    /// 1 to 12.
    pub month: u8,
    /// 1 to 31.
    pub day: u8,
}

impl Date {
    /// The day a moment falls on, in UTC; `None` before 1970.
    pub fn of(time: SystemTime) -> Option<Date> {
        let secs = time.duration_since(UNIX_EPOCH).ok()?.as_secs();
        Some(Date::from_days(i64::try_from(secs / 86_400).ok()?))
    }

    /// The day `days` after 1970-01-01 (the proleptic Gregorian calendar,
    /// after Howard Hinnant's `civil_from_days`).
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_calendar_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(59).to_string(), "1970-03-01");
        assert_eq!(Date::from_days(11_016).to_string(), "2000-02-29");
        assert_eq!(Date::from_days(20_780).to_string(), "2026-11-23");
        assert_eq!(Date::from_days(20_785).to_string(), "2026-11-28");
    }
}
