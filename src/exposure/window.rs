//! Time windows with unknown ends. Deals, app connections and devices each cover a stretch of time that may
//! be open at either end; the rules intersect them and ask what fell inside, and an unknown bound must never
//! widen what we claim.

use crate::catalog::{DatePoint, Deal, Qualifier};
use crate::model::Unix;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub start: Option<Unix>,
    pub end: Option<Unix>,
}

impl Window {
    pub fn new(start: Option<Unix>, end: Option<Unix>) -> Window {
        Window { start, end }
    }

    /// The stretch both windows cover; `None` when they certainly do not meet. An unknown bound on one side
    /// is taken from the other, so the result is never wider than either.
    pub fn overlap(self, other: Window) -> Option<Window> {
        let start = match (self.start, other.start) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let end = match (self.end, other.end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        match (start, end) {
            (Some(s), Some(e)) if s > e => None,
            _ => Some(Window { start, end }),
        }
    }

    /// Both bounds known.
    pub fn is_closed(self) -> bool {
        self.start.is_some() && self.end.is_some()
    }

    /// Whether any of the sorted `days` (days since 1970-01-01) falls certainly inside.
    pub fn contains_any_day(self, days: &[i32]) -> bool {
        let (Some(s), Some(e)) = (self.start, self.end) else { return false };
        let first = s.div_euclid(86_400);
        let last = e.div_euclid(86_400);
        let i = days.partition_point(|d| i64::from(*d) < first);
        days.get(i).is_some_and(|d| i64::from(*d) <= last)
    }

    /// The first and last of the sorted `days` certainly inside, and how many there are.
    pub fn days_inside(self, days: &[i32]) -> Option<(i32, i32, usize)> {
        let (Some(s), Some(e)) = (self.start, self.end) else { return None };
        let (first, last) = (s.div_euclid(86_400), e.div_euclid(86_400));
        let from = days.partition_point(|d| i64::from(*d) < first);
        let to = days.partition_point(|d| i64::from(*d) <= last);
        let inside = days.get(from..to).filter(|d| !d.is_empty())?;
        Some((inside[0], inside[inside.len() - 1], inside.len()))
    }
}

/// What the public record dates about one deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DealTimes {
    /// The deal cannot have run outside this: its earliest possible start and latest possible end. A side
    /// the record leaves open is `None`.
    pub outer: Window,
    /// The stretch the record dates the deal to: `outer` where it is closed, and where a side is open, the
    /// nearest moment the record says the deal was running. `None` when the record dates no moment at all.
    pub dated: Option<Window>,
}

impl DealTimes {
    pub fn of(deal: &Deal) -> DealTimes {
        let start = &deal.start;
        let end = &deal.end;
        let outer = Window::new(earliest_start(start), latest_end(end));
        // Moments the record says the deal was running: once it had certainly begun, and the last report of it
        // still running.
        let began = latest_start(start);
        let last_seen = running_at(end);
        let first_known = began.or(last_seen);
        let last_known = last_seen.or(began);
        let dated = match (outer.start.or(first_known), outer.end.or(last_known)) {
            (Some(s), Some(e)) if s <= e => Some(Window::new(Some(s), Some(e))),
            _ => None,
        };
        DealTimes { outer, dated }
    }
}

fn earliest_start(point: &DatePoint) -> Option<Unix> {
    match point.qualifier {
        Qualifier::Exact | Qualifier::Approximate | Qualifier::NotBefore => point.unix_range().map(|r| r.0),
        _ => None,
    }
}

/// By this moment the deal had certainly begun.
fn latest_start(point: &DatePoint) -> Option<Unix> {
    match point.qualifier {
        Qualifier::Exact | Qualifier::Approximate | Qualifier::By => point.unix_range().map(|r| r.1),
        _ => None,
    }
}

fn latest_end(point: &DatePoint) -> Option<Unix> {
    match point.qualifier {
        Qualifier::Exact | Qualifier::Approximate | Qualifier::By | Qualifier::Planned => {
            point.unix_range().map(|r| r.1)
        }
        _ => None,
    }
}

/// The latest moment the record says the deal was still running: an open end's report date, or for a dated
/// end, its first moment (the deal ran up to then).
fn running_at(point: &DatePoint) -> Option<Unix> {
    match point.qualifier {
        Qualifier::StillActiveAsOf => point.as_of_date().map(|d| d.earliest_unix()),
        Qualifier::AtLeastUntil | Qualifier::Exact | Qualifier::Approximate => point.unix_range().map(|r| r.0),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Precision;

    fn point(date: Option<&str>, qualifier: Qualifier, as_of: Option<&str>) -> DatePoint {
        let precision = match date.map(str::len) {
            Some(4) => Precision::Year,
            Some(7) => Precision::Month,
            Some(10) => Precision::Day,
            _ => Precision::Unknown,
        };
        DatePoint {
            date: date.map(str::to_owned),
            precision,
            qualifier,
            as_of: as_of.map(str::to_owned),
            per: None,
            note: None,
        }
    }

    fn times(start: DatePoint, end: DatePoint) -> DealTimes {
        let deal = Deal {
            id: "x".into(),
            category: crate::catalog::Category::Messaging,
            data: vec![],
            activation: String::new(),
            routes: vec![],
            needs: vec![],
            start,
            end,
            record: vec![],
            secondary_only: true,
        };
        DealTimes::of(&deal)
    }

    #[test]
    fn overlaps_take_the_narrower_bounds() {
        let a = Window::new(Some(10), Some(100));
        assert_eq!(a.overlap(Window::new(Some(50), None)), Some(Window::new(Some(50), Some(100))));
        assert_eq!(a.overlap(Window::new(Some(200), Some(300))), None);
        assert_eq!(Window::new(None, None).overlap(Window::new(None, Some(5))), Some(Window::new(None, Some(5))));
        let days = [1, 5, 9];
        assert!(Window::new(Some(4 * 86_400), Some(6 * 86_400)).contains_any_day(&days));
        assert!(!Window::new(Some(6 * 86_400), Some(8 * 86_400)).contains_any_day(&days));
    }

    #[test]
    fn open_ends_are_never_filled_in() {
        // "by 2015" to unknown: it ran at the end of 2015 at least; nothing bounds it after.
        let t = times(point(Some("2015"), Qualifier::By, None), point(None, Qualifier::Unknown, None));
        assert_eq!(t.outer, Window::new(None, None));
        let end_2015 = crate::catalog::PartialDate::parse("2015").unwrap().latest_unix();
        assert_eq!(t.dated, Some(Window::new(Some(end_2015), Some(end_2015))));
        // Unknown start, still active as of a report: only the report's day is dated.
        let t =
            times(point(None, Qualifier::Unknown, None), point(None, Qualifier::StillActiveAsOf, Some("2018-12-18")));
        let day = crate::catalog::PartialDate::parse("2018-12-18").unwrap().earliest_unix();
        assert_eq!(t.outer, Window::new(None, None));
        assert_eq!(t.dated, Some(Window::new(Some(day), Some(day))));
        // Nothing dated at all.
        let t = times(point(None, Qualifier::Unknown, None), point(None, Qualifier::Unknown, None));
        assert_eq!(t.dated, None);
    }

    #[test]
    fn closed_windows_are_read_generously_at_each_end() {
        let t =
            times(point(Some("2014-09"), Qualifier::Approximate, None), point(Some("2015"), Qualifier::Exact, None));
        let start = crate::catalog::PartialDate::parse("2014-09").unwrap().earliest_unix();
        let end = crate::catalog::PartialDate::parse("2015").unwrap().latest_unix();
        assert_eq!(t.outer, Window::new(Some(start), Some(end)));
        assert_eq!(t.dated, Some(t.outer));
    }
}
