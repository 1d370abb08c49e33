//! Time windows with unknown ends. Partner deals, app connections and devices each cover a stretch of time
//! that may be open at either end; the rules intersect them and ask what fell inside, and an unknown bound
//! must never widen what we claim.

use crate::catalog::{DatePoint, Partner, Qualifier};
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

    /// True only when `t` is certainly inside: both bounds known and `t` between them.
    pub fn surely_contains(self, t: Unix) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if s <= t && t <= e)
    }

    /// Whether any of the sorted `days` (days since 1970-01-01) falls certainly inside.
    pub fn contains_any_day(self, days: &[i32]) -> bool {
        let (Some(s), Some(e)) = (self.start, self.end) else { return false };
        let first = s.div_euclid(86_400);
        let last = e.div_euclid(86_400);
        let i = days.partition_point(|d| i64::from(*d) < first);
        days.get(i).is_some_and(|d| i64::from(*d) <= last)
    }

    /// The window in which the public record says a partner's access ran, read generously at each end
    /// (earliest possible start, latest possible end) so a date given only as a year covers that year.
    /// An end still running "as of" a report runs to that report.
    pub fn of_partner(partner: &Partner) -> Window {
        Window { start: partner.start.unix_range().map(|r| r.0), end: partner_end(&partner.end) }
    }
}

fn partner_end(end: &DatePoint) -> Option<Unix> {
    match (end.unix_range(), &end.qualifier) {
        (Some((_, latest)), _) => Some(latest),
        (None, Qualifier::StillActiveAsOf) => end.as_of_date().map(|d| d.latest_unix()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlaps_take_the_narrower_bounds() {
        let a = Window::new(Some(10), Some(100));
        assert_eq!(a.overlap(Window::new(Some(50), None)), Some(Window::new(Some(50), Some(100))));
        assert_eq!(a.overlap(Window::new(Some(200), Some(300))), None);
        assert_eq!(Window::new(None, None).overlap(Window::new(None, Some(5))), Some(Window::new(None, Some(5))));
    }

    #[test]
    fn unknown_bounds_contain_nothing_for_sure() {
        assert!(!Window::new(None, Some(100)).surely_contains(50));
        assert!(Window::new(Some(0), Some(100)).surely_contains(50));
        let days = [1, 5, 9];
        assert!(Window::new(Some(4 * 86_400), Some(6 * 86_400)).contains_any_day(&days));
        assert!(!Window::new(Some(6 * 86_400), Some(8 * 86_400)).contains_any_day(&days));
    }
}
