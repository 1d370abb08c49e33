//! Civil dates in UTC, the one place they are computed: days since 1970-01-01 to and from a year, month and
//! day (proleptic Gregorian), and the `YYYY-MM-DD` every view and report prints. Written out (Howard
//! Hinnant's algorithm) because exports and the public record need nothing a time-zone database gives, and
//! a date crate would be a dependency for a few lines.

/// Seconds since the Unix epoch, UTC.
pub type Unix = i64;

pub const SECONDS_PER_DAY: i64 = 86_400;

pub fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1..=12) of `year`; 0 for a month outside that range, so callers range-checking a day
/// reject it rather than panic.
pub fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 for a civil date. Counting years from March puts the leap day last, so each
/// 400-year era has a fixed shape and no table is needed.
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = year - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Inverse of [`days_from_civil`]: `(year, month, day)` for a count of days since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    // Bounded by construction: month 1..=12, day 1..=31.
    (year_of_era + era * 400 + i64::from(month <= 2), month as u32, day as u32)
}

/// The civil date of a Unix time.
pub fn civil_from_unix(t: Unix) -> (i64, u32, u32) {
    civil_from_days(t.div_euclid(SECONDS_PER_DAY))
}

pub fn format_date(t: Unix) -> String {
    let (y, m, d) = civil_from_unix(t);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(format_date(1_430_352_000), "2015-04-30");
        for t in [0, 951_782_400, 1_709_164_800, 4_102_444_799, -11_670_998_400] {
            let (y, m, d) = civil_from_unix(t);
            assert_eq!(days_from_civil(y, m, d), t.div_euclid(SECONDS_PER_DAY));
        }
        assert_eq!((days_in_month(2024, 2), days_in_month(1900, 2), days_in_month(2000, 2)), (29, 28, 29));
    }
}
