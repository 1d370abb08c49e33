//! Partial dates ("2014", "2013-12", "2015-04-30") and the span of time each one could mean.
//!
//! The research often knows only the year or month a deal began or ended, while exports carry exact
//! timestamps. Comparing the two honestly means turning a partial date into the whole span of instants it
//! could denote and letting the caller pick the end that does not overstate. The civil-date arithmetic is
//! [`crate::dates`]'s.

use serde::Deserialize;
use std::fmt;

use crate::dates::SECONDS_PER_DAY;
pub use crate::dates::{civil_from_days, days_from_civil, days_in_month, is_leap_year};

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
                let last = days_in_month(i64::from(year), month);
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
        days_from_civil(i64::from(self.year), self.month.unwrap_or(1), self.day.unwrap_or(1)) * SECONDS_PER_DAY
    }

    /// Last second (UTC) the date could denote: 23:59:59 on its last day (31 December for a bare year).
    pub fn latest_unix(&self) -> i64 {
        let next_day = match (self.month, self.day) {
            (Some(month), Some(day)) => days_from_civil(i64::from(self.year), month, day) + 1,
            (Some(month), None) => {
                days_from_civil(i64::from(self.year), month, 1) + i64::from(days_in_month(i64::from(self.year), month))
            }
            _ => days_from_civil(i64::from(self.year) + 1, 1, 1),
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
