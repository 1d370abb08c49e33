//! "Who had my data" is a question about time. This module turns the exposure statements into per-company
//! intervals and yearly event counts, summarises the person's network over the years, and answers "what was
//! true at this date" for the as-of view. It draws nothing; the timeline view and the CLI both read it.

use crate::exposure::{Companies, CompanyId, Confidence, Ending, Kind, Row, Statement};
use crate::model::{DataMap, Relation, Unix, civil_from_unix};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// One stretch of access, straight from one statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interval {
    pub start: Option<Unix>,
    pub end: Option<Unix>,
    /// The access was still running at `end` (the export date or the last public report).
    pub open_ended: bool,
    pub kind: Kind,
    pub confidence: Confidence,
    /// Index into the statement list.
    #[serde(skip)]
    pub statement: usize,
}

impl Interval {
    /// Whether the access certainly covered `t`. An unknown start covers nothing before the end is known to
    /// have been reached, except for undated facts that were true as of a date (advertiser lists).
    pub fn covers(&self, t: Unix, export: Option<Unix>) -> bool {
        let end = self.end.or(if self.open_ended { export } else { None });
        match (self.start, end) {
            (Some(s), Some(e)) => s <= t && t <= e,
            (Some(s), None) => s <= t && export.is_none_or(|x| t <= x),
            (None, Some(e)) => self.open_ended && t >= e,
            (None, None) => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompanyTimeline {
    #[serde(skip)]
    pub company_id: CompanyId,
    pub company: String,
    pub catalog_id: Option<String>,
    /// The kind the row is grouped under (its first statement's kind).
    #[serde(skip)]
    pub group: Kind,
    pub intervals: Vec<Interval>,
    /// Dated events (off-Meta events, ad interactions, app posts) per calendar year.
    pub events_per_year: BTreeMap<i32, u64>,
    /// Days (since 1970-01-01) with dated events, for ticks.
    #[serde(skip)]
    pub event_days: Vec<i32>,
}

impl CompanyTimeline {
    pub fn first_access(&self) -> Option<Unix> {
        self.intervals.iter().filter_map(|i| i.start.or(i.end)).min()
    }
}

/// One timeline row per table row, grouped by kind and sorted by first access within each group.
pub fn company_timelines(
    map: &DataMap,
    companies: &Companies,
    statements: &[Statement],
    rows: &[Row],
) -> Vec<CompanyTimeline> {
    let mut out: Vec<CompanyTimeline> = rows
        .iter()
        .map(|row| {
            let intervals = row
                .statements
                .iter()
                .filter_map(|&i| statements.get(i).map(|s| (i, s)))
                .map(|(i, s)| Interval {
                    start: s.drawn().start,
                    end: s.drawn().end,
                    open_ended: matches!(s.ending, Ending::StillActive { .. } | Ending::AtLeastUntil { .. }),
                    kind: s.kind,
                    confidence: s.confidence,
                    statement: i,
                })
                .collect();
            // Every record of the company in the export adds its dated events.
            let mut events_per_year: BTreeMap<i32, u64> = BTreeMap::new();
            let mut event_days: Vec<i32> = Vec::new();
            let records = companies.get(row.company_id).map(|e| e.records.as_slice()).unwrap_or_default();
            for c in records.iter().filter_map(|&i| map.companies.get(i)) {
                for (year, n) in &c.events_per_year {
                    *events_per_year.entry(*year).or_default() += n;
                }
                event_days.extend(&c.event_days);
            }
            if records.len() > 1 {
                event_days.sort_unstable();
                event_days.dedup();
            }
            CompanyTimeline {
                company_id: row.company_id,
                company: row.company.clone(),
                catalog_id: row.catalog_id.clone(),
                group: row.kinds.first().copied().unwrap_or(Kind::ConnectedApp),
                intervals,
                events_per_year,
                event_days,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.group.cmp(&b.group).then(a.first_access().cmp(&b.first_access())).then(a.company.cmp(&b.company))
    });
    out
}

/// The person's network year by year.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Network {
    pub friends_added: BTreeMap<i32, u64>,
    pub friends_removed: BTreeMap<i32, u64>,
    /// Friends at the end of each year: added so far, less those removed (where the removal is dated).
    pub cumulative: BTreeMap<i32, i64>,
    pub messages: BTreeMap<i32, u64>,
    /// For each year with messages, the messaging partners whose access window covered part of it.
    pub partners_in_year: BTreeMap<i32, Vec<String>>,
}

pub fn network(map: &DataMap, statements: &[Statement]) -> Network {
    let mut n = Network::default();
    for p in &map.people {
        if let (true, Some(t)) = (p.relations.contains(&Relation::Friend), p.friend_since) {
            *n.friends_added.entry(civil_from_unix(t).0 as i32).or_default() += 1;
        }
    }
    for t in map.removed_friend_times() {
        *n.friends_removed.entry(civil_from_unix(t).0 as i32).or_default() += 1;
    }
    let years: Vec<i32> = n.friends_added.keys().chain(n.friends_removed.keys()).copied().collect();
    if let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) {
        let mut total = 0i64;
        for year in first..=last {
            total += n.friends_added.get(&year).copied().unwrap_or(0) as i64;
            total -= n.friends_removed.get(&year).copied().unwrap_or(0) as i64;
            n.cumulative.insert(year, total);
        }
    }
    for thread in &map.threads {
        for (year, count) in &thread.per_year {
            *n.messages.entry(*year).or_default() += count;
        }
    }
    for s in statements.iter().filter(|s| s.kind == Kind::MessagingPartner) {
        let drawn = s.drawn();
        let (Some(start), Some(end)) = (drawn.start, drawn.end) else { continue };
        for year in civil_from_unix(start).0 as i32..=civil_from_unix(end).0 as i32 {
            if n.messages.contains_key(&year) {
                let names = n.partners_in_year.entry(year).or_default();
                if !names.contains(&s.company) {
                    names.push(s.company.clone());
                }
            }
        }
    }
    n
}

/// What was true at one date: the people in the person's network, and the companies with access.
#[derive(Debug, Clone, PartialEq)]
pub struct AsOf {
    pub at: Unix,
    /// Indexed like `DataMap::people`.
    pub people: Vec<bool>,
    /// The companies with access at that date.
    pub companies: HashSet<CompanyId>,
}

impl AsOf {
    pub fn has_company(&self, id: CompanyId) -> bool {
        self.companies.contains(&id)
    }
}

/// Friends whose friendship had begun (and was not yet removed), people you had messaged by then, and the
/// companies whose access covered the date.
pub fn as_of(map: &DataMap, timelines: &[CompanyTimeline], at: Unix) -> AsOf {
    let mut first_message: BTreeMap<&str, Unix> = BTreeMap::new();
    for thread in &map.threads {
        let Some(first) = thread.first else { continue };
        for p in &thread.participants {
            let entry = first_message.entry(p.as_str()).or_insert(first);
            *entry = (*entry).min(first);
        }
    }
    let people = map
        .people
        .iter()
        .map(|p| {
            let friend = p.relations.contains(&Relation::Friend) && p.friend_since.is_some_and(|t| t <= at);
            let messaged = first_message.get(p.name.as_str()).is_some_and(|t| *t <= at);
            friend || messaged
        })
        .collect();
    let export = map.export_time();
    let companies =
        timelines.iter().filter(|c| c.intervals.iter().any(|i| i.covers(at, export))).map(|c| c.company_id).collect();
    AsOf { at, people, companies }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(start: Option<Unix>, end: Option<Unix>, open_ended: bool) -> Interval {
        Interval { start, end, open_ended, kind: Kind::ConnectedApp, confidence: Confidence::Observed, statement: 0 }
    }

    #[test]
    fn coverage_with_unknown_bounds() {
        let export = Some(1000);
        assert!(interval(Some(10), Some(20), false).covers(15, export));
        assert!(!interval(Some(10), Some(20), false).covers(25, export));
        assert!(interval(Some(10), None, false).covers(500, export), "expired at an unknown time: until the export");
        assert!(!interval(None, Some(20), false).covers(15, export), "an unknown start never covers a date");
        assert!(interval(None, Some(900), true).covers(950, export), "a list true as of a date covers it onwards");
        assert!(!interval(None, Some(900), true).covers(800, export));
    }
}
