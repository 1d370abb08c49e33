//! The statements the export makes by itself: apps the person connected, businesses that sent Meta their
//! activity, advertisers that targeted them. Each is `observed`, dated by the export, and says no more than
//! the file it comes from.

use super::conditions::connection_span;
use super::{Companies, CompanyId, Confidence, Ending, Evidence, Kind, Statement};
use crate::catalog::{Catalog, DataKind};
use crate::model::{AppStatus, CompanySource, DataMap, Unix, format_date};

fn date(t: Option<Unix>) -> String {
    t.map(format_date).unwrap_or_else(|| "unknown".into())
}

/// The statement skeleton for a company the export names: its id, its partner match, its files.
fn observed(
    catalog: &Catalog,
    companies: &mut Companies,
    name: &str,
    kind: Kind,
    data: DataKind,
    files: Vec<String>,
) -> Statement {
    let catalog_id = catalog.match_name(name).map(|p| p.id.clone());
    let company_id: CompanyId = companies.intern(name, catalog_id.as_deref());
    Statement {
        company: name.to_owned(),
        company_id,
        catalog_id,
        deal_id: None,
        kind,
        data: vec![data],
        start: None,
        end: None,
        start_label: "unknown".into(),
        end_label: "unknown".into(),
        ending: Ending::Unknown,
        confidence: Confidence::Observed,
        people: Vec::new(),
        people_count: None,
        people_count_is_minimum: false,
        people_rule: None,
        condition_shown: Vec::new(),
        condition_unknown: Vec::new(),
        evidence: Evidence { files, sources: Vec::new() },
        sources_secondary_only: false,
        responses: Vec::new(),
        explanation: String::new(),
    }
}

/// An app the person connected had their profile from when it was added until it was removed, expired, or
/// the export date.
pub fn connected_apps(map: &DataMap, catalog: &Catalog, companies: &mut Companies, out: &mut Vec<Statement>) {
    let export = map.export_time();
    let export_day = map.export_date.clone();
    for app in &map.apps {
        let span = connection_span(app, export);
        let (end, ending, end_words) = match (app.removed, app.status) {
            (Some(r), _) => (Some(r), Ending::Ended, format!("You removed it on {}.", format_date(r))),
            (None, Some(AppStatus::Active)) => match &export_day {
                Some(day) => (
                    span.end,
                    Ending::StillActive { as_of: day.clone(), per: "your export".into() },
                    format!("It was still connected on {day}, the day of your export."),
                ),
                None => (None, Ending::Unknown, "The export does not say when it was made.".into()),
            },
            (None, Some(AppStatus::Inactive)) => {
                (None, Ending::EndedUnknown, "Its access has expired, at a time the export does not give.".into())
            }
            _ => (None, Ending::Unknown, "The export does not say whether it is still connected.".into()),
        };
        let start_words = match app.added {
            Some(t) => format!("You connected {} to your Facebook account on {}.", app.name, format_date(t)),
            None => format!("You connected {} to your Facebook account at a time the export does not give.", app.name),
        };
        let mut s =
            observed(catalog, companies, &app.name, Kind::ConnectedApp, DataKind::Profile, vec![app.file.clone()]);
        s.data.push(DataKind::UserId);
        s.start = app.added;
        s.end = end;
        s.start_label = date(app.added);
        s.end_label = ending.describe().unwrap_or_else(|| date(end));
        s.ending = ending;
        s.explanation = format!(
            "{start_words} {end_words} While connected it could read your public profile and whatever else you allowed when you logged in."
        );
        out.push(s);
    }
}

/// The business sent Meta records of the person's activity on its site or app.
pub fn off_meta(map: &DataMap, catalog: &Catalog, companies: &mut Companies, out: &mut Vec<Statement>) {
    for company in &map.companies {
        let Some(span) = company.by_source.get(&CompanySource::OffMetaActivity) else { continue };
        let types: Vec<String> = company.event_types.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
        let mut s = observed(
            catalog,
            companies,
            &company.name,
            Kind::OffMetaActivity,
            DataKind::OffMetaActivity,
            company.files.clone(),
        );
        s.start = span.first;
        s.end = span.last;
        s.start_label = date(span.first);
        s.end_label = date(span.last);
        s.explanation = format!(
            "{} sent Meta {} records of your activity on its site or app between {} and {}{}.",
            company.name,
            span.events,
            date(span.first),
            date(span.last),
            if types.is_empty() { String::new() } else { format!(" ({})", types.join(", ")) }
        );
        out.push(s);
    }
}

/// Advertisers that targeted the person with a list or with their activity (undated, so "as of the export
/// date"), and ads the person clicked or closed (dated).
pub fn advertisers(map: &DataMap, catalog: &Catalog, companies: &mut Companies, out: &mut Vec<Statement>) {
    let export_date = map.export_date.clone();
    for company in &map.companies {
        for (source, kind, data) in [
            (CompanySource::AdvertiserList, Kind::AdvertiserList, DataKind::AdAudience),
            (CompanySource::AdvertiserActivity, Kind::AdvertiserActivity, DataKind::AdAudience),
            (CompanySource::AdvertiserInteraction, Kind::AdvertiserInteraction, DataKind::AdInteraction),
        ] {
            let Some(span) = company.by_source.get(&source) else { continue };
            let mut s = observed(catalog, companies, &company.name, kind, data, company.files.clone());
            let as_of = |what: &str| match &export_date {
                Some(day) => (
                    Ending::StillActive { as_of: day.clone(), per: "your export".into() },
                    format!("{what} The export gives no date: it was true as of {day}."),
                ),
                None => (Ending::Unknown, format!("{what} The export gives no date.")),
            };
            let (ending, explanation) = match kind {
                Kind::AdvertiserInteraction => {
                    s.start = span.first;
                    s.end = span.last;
                    (
                        Ending::Ended,
                        format!(
                            "You clicked or closed {} of {}'s ads between {} and {}.",
                            span.events,
                            company.name,
                            date(span.first),
                            date(span.last)
                        ),
                    )
                }
                Kind::AdvertiserList => {
                    as_of(&format!("{} uploaded or used a list that contains you to show you ads.", company.name))
                }
                _ => as_of(&format!(
                    "{} used your activity on its website, app or store to reach you with ads.",
                    company.name
                )),
            };
            s.start_label = date(s.start);
            s.end_label = ending.describe().unwrap_or_else(|| date(s.end));
            s.ending = ending;
            s.explanation = explanation;
            out.push(s);
        }
    }
}
