//! Partial dates ("2014", "2013-12", "2015-04-30") and the span of time each one could mean.
//!
//! The research often knows only the year or month a deal began or ended, while exports carry exact
//! timestamps. Comparing the two honestly means turning a partial date into the whole span of instants it
//! could denote and letting the caller pick the end that does not overstate. The civil-date arithmetic is
//! written out here (proleptic Gregorian, UTC) because a date crate would be a dependency for a few lines.

use serde::Deserialize;
use std::fmt;

const SECONDS_PER_DAY: i64 = 86_400;

/// How much of a date the sources pin down. `Other` keeps a value the file spelled wrongly, so
/// `Catalog::validate` can name it instead of the whole file failing to load.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "String")]
pub enum Precision {
    Day,
    Month,
    Year,
    Unknown,
    Other(String),
}

impl From<String> for Precision {
    fn from(text: String) -> Self {
        match text.as_str() {
            "day" => Precision::Day,
            "month" => Precision::Month,
            "year" => Precision::Year,
            "unknown" => Precision::Unknown,
            _ => Precision::Other(text),
        }
    }
}

impl Precision {
    pub fn as_str(&self) -> &str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
            Precision::Other(text) => text,
        }
    }
}

/// A date known to the year, the month or the day. Deliberately not `Ord`: whether "2015" comes before
/// "2015-06" has no single answer, so comparisons go through [`PartialDate::earliest_unix`] and
/// [`PartialDate::latest_unix`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1..=12 when known.
    pub month: Option<u32>,
    /// 1..=31 when known; only present together with `month`.
    pub day: Option<u32>,
}

impl PartialDate {
    /// Parses exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (zero-padded, real calendar days only). Anything
    /// looser is refused so that a typo in the catalogue cannot silently shift a date.
    pub fn parse(text: &str) -> Result<PartialDate, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let widths = [4, 2, 2];
        if parts.len() > widths.len()
            || parts
                .iter()
                .zip(widths)
                .any(|(part, width)| part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(format!("'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let number = |part: &str| part.parse::<u32>().map_err(|e| format!("'{text}': {e}"));
        let year = i32::try_from(number(parts[0])?).map_err(|e| format!("'{text}': {e}"))?;
        let month = match parts.get(1) {
            Some(part) => {
                let month = number(part)?;
                if !(1..=12).contains(&month) {
                    return Err(format!("'{text}': month {month} is not 1-12"));
                }
                Some(month)
            }
            None => None,
        };
        let day = match (parts.get(2), month) {
            (Some(part), Some(month)) => {
                let day = number(part)?;
                let last = days_in_month(year, month);
                if !(1..=last).contains(&day) {
                    return Err(format!("'{text}': day {day} is not 1-{last}"));
                }
                Some(day)
            }
            _ => None,
        };
        Ok(PartialDate { year, month, day })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// First second (UTC) the date could denote: midnight on its first day.
    pub fn earliest_unix(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1)) * SECONDS_PER_DAY
    }

    /// Last second (UTC) the date could denote: 23:59:59 on its last day (31 December for a bare year).
    pub fn latest_unix(&self) -> i64 {
        let next_day = match (self.month, self.day) {
            (Some(month), Some(day)) => days_from_civil(self.year, month, day) + 1,
            (Some(month), None) => days_from_civil(self.year, month, 1) + i64::from(days_in_month(self.year, month)),
            _ => days_from_civil(self.year.saturating_add(1), 1, 1),
        };
        next_day * SECONDS_PER_DAY - 1
    }

    /// `(earliest_unix, latest_unix)`.
    pub fn unix_range(&self) -> (i64, i64) {
        (self.earliest_unix(), self.latest_unix())
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
            if let Some(day) = self.day {
                write!(f, "-{day:02}")?;
            }
        }
        Ok(())
    }
}

/// Parses `text` and returns the earliest and latest Unix seconds it could denote.
pub fn unix_range(text: &str) -> Result<(i64, i64), String> {
    PartialDate::parse(text).map(|date| date.unix_range())
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1..=12) of `year`; 0 for a month outside that range, so callers range-checking a day
/// reject it rather than panic.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date. Howard Hinnant's algorithm: counting years from
/// March puts the leap day last, so each 400-year era has a fixed shape and no table is needed.
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Inverse of [`days_from_civil`]: `(year, month, day)` for a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // The ranges are bounded by construction (month 1..=12, day 1..=31); the year only overflows i32 for
    // day counts far outside any date this app handles, where saturating is the least surprising answer.
    let year = i32::try_from(year).unwrap_or(if year < 0 { i32::MIN } else { i32::MAX });
    (year, month as u32, day as u32)
}
