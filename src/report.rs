//! `datamap report`: the imported map as JSON (schema 1, documented in the README) or as a short summary
//! for people reading a terminal.

use crate::exposure::Statement;
use crate::model::{DataMap, Relation};
use crate::timeline::{self, CompanyTimeline, Network};
use serde::Serialize;
use std::fmt::Write;

/// Schema 1: the map's own fields, plus the exposure statements.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    map: &'a DataMap,
    exposures: &'a [Statement],
    timeline: Vec<CompanyTimeline>,
    network: Network,
    actions: Vec<crate::actions::Action>,
}

pub fn to_json(map: &DataMap, exposures: &[Statement]) -> String {
    let rows = crate::exposure::rows(exposures);
    let report = Report {
        map,
        exposures,
        timeline: timeline::company_timelines(map, exposures, &rows),
        network: timeline::network(map, exposures),
        actions: crate::actions::actions(map, exposures),
    };
    serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

pub fn summary(map: &DataMap) -> String {
    let mut s = String::new();
    let count = |r: Relation| map.people.iter().filter(|p| p.relations.contains(&r)).count();
    let _ = writeln!(s, "Owner:        {}", map.owner.as_deref().unwrap_or("(unknown)"));
    let _ = writeln!(s, "Export date:  {}", map.export_date.as_deref().unwrap_or("(unknown)"));
    let _ = writeln!(s, "Friends:      {}", count(Relation::Friend));
    let _ = writeln!(s, "Other people: {}", map.people.len() - count(Relation::Friend));
    let _ = writeln!(s, "Companies:    {}", map.companies.len());
    let _ = writeln!(s, "Apps:         {}", map.apps.len());
    let _ = writeln!(s, "Threads:      {}", map.threads.len());
    for w in &map.warnings {
        let _ = writeln!(s, "warning: {w}");
    }
    s
}
