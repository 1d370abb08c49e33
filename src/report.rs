//! `datamap report`: the imported map as JSON (schema 1, documented in the README) or as a short summary
//! for people reading a terminal.

use crate::derive::Derived;
use crate::exposure::Statement;
use crate::model::{DataMap, Relation};
use crate::timeline::{CompanyTimeline, Network};
use serde::Serialize;
use std::fmt::Write;

/// Schema 1: the map's own fields, plus the exposure statements.
#[derive(Serialize)]
struct Report<'a> {
    #[serde(flatten)]
    map: &'a DataMap,
    exposures: Vec<Exposure<'a>>,
    timeline: &'a [CompanyTimeline],
    network: &'a Network,
    /// What the person can do about each company (issue #19's "actions").
    actions: &'a [crate::actions::Action],
}

/// A statement with its people named: statements hold ids into the map.
#[derive(Serialize)]
struct Exposure<'a> {
    #[serde(flatten)]
    statement: &'a Statement,
    people: Vec<&'a str>,
}

pub fn to_json(map: &DataMap, derived: &Derived) -> String {
    let exposures = derived
        .statements
        .iter()
        .map(|statement| Exposure { statement, people: map.names(&statement.people) })
        .collect();
    let report =
        Report { map, exposures, timeline: &derived.timelines, network: &derived.network, actions: &derived.actions };
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
