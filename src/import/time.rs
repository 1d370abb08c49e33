//! Timestamps in exports are Unix seconds, except Messenger's `timestamp_ms`; some files mix units, and 0
//! means "unknown". Everything becomes seconds or `None` here so no later stage sees 1970 or year 50,000.

use crate::model::Unix;
use serde_json::Value;

/// 2000-01-01 and 2100-01-01: no Facebook record can be outside these, so anything else is junk.
const EARLIEST: Unix = 946_684_800;
const LATEST: Unix = 4_102_444_800;

/// Seconds or milliseconds (told apart by magnitude) to seconds; 0, absurd dates and non-numbers to `None`.
pub fn unix(value: Option<&Value>) -> Option<Unix> {
    let raw = match value? {
        Value::Number(n) => n.as_i64().or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))?,
        Value::String(s) => s.trim().parse::<i64>().ok()?,
        _ => return None,
    };
    unix_int(raw)
}

/// [`unix`] of an integer, for readers that parse numbers themselves.
pub fn unix_int(raw: i64) -> Option<Unix> {
    let seconds = if raw.unsigned_abs() >= 100_000_000_000 { raw / 1000 } else { raw };
    (EARLIEST..LATEST).contains(&seconds).then_some(seconds)
}

/// The calendar year (UTC) of a Unix time.
pub fn year(t: Unix) -> i32 {
    crate::model::civil_from_unix(t).0 as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn seconds_and_milliseconds_agree() {
        assert_eq!(unix(Some(&json!(1_700_000_000))), Some(1_700_000_000));
        assert_eq!(unix(Some(&json!(1_700_000_000_123_i64))), Some(1_700_000_000));
        assert_eq!(unix(Some(&json!("1700000000"))), Some(1_700_000_000));
    }

    #[test]
    fn zero_absurd_and_wrong_types_are_unknown() {
        assert_eq!(unix(Some(&json!(0))), None);
        assert_eq!(unix(Some(&json!(-62_135_596_800_i64))), None);
        assert_eq!(unix(Some(&json!(99_999_999_999_i64))), None);
        assert_eq!(unix(Some(&json!(u64::MAX))), None);
        assert_eq!(unix(Some(&json!({"t": 1}))), None);
        assert_eq!(unix(None), None);
    }
}
