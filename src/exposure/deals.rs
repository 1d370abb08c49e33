//! One rule for every deal in the public record. For each deal the catalogue's routes are tested against
//! the export ([`super::conditions`]), and the statement is exactly as strong as what they find:
//!
//! - a route's act inside the deal's dated window: `inferred`, naming what else it needed as unknown;
//! - no act, but the record says the deal covered users generally and the account existed then: `reported`;
//! - no act, but the export names the company (an ad list, off-Meta activity, an app outside the window):
//!   `reported`, saying that this is not how the deal was switched on;
//! - otherwise nothing: a deal the export gives no reason to mention stays out of the table.
//!
//! Dates are the record's, never the person's: the person's dates are evidence (`condition_shown`).

use super::conditions::{
    Named, RouteFinding, Shown, account_since, any_app_route, app_route, device_route, presence, route_phrase,
    site_route, spans_of,
};
use super::devices::{DeviceInfo, read_user_agents};
use super::people::{Reached, friends_by, thread_people};
use super::window::{DealTimes, Window};
use super::{Companies, Confidence, Ending, Evidence, Kind, PeopleRule, Response, Source, Statement};
use crate::catalog::{Catalog, Category, DataKind, DatePoint, Deal, Partner, Qualifier, Via};
use crate::model::{DataMap, format_date};
use std::collections::HashMap;

pub fn deal_statements(map: &DataMap, catalog: &Catalog, companies: &mut Companies, out: &mut Vec<Statement>) {
    let infos = read_user_agents(map.devices.iter().map(|d| d.user_agent.as_str()));
    let named = Named::of(map, catalog);
    let since = account_since(map);
    for partner in &catalog.partners {
        for deal in &partner.deals {
            if deal.routes.iter().any(|r| r.via == Via::AnyApp) {
                platform_statements(map, catalog, companies, partner, deal, out);
            } else if let Some(mut statement) = deal_statement(map, catalog, &named, &infos, since, partner, deal) {
                statement.company_id = companies.intern(&partner.name, Some(&partner.id));
                out.push(statement);
            }
        }
    }
}

/// What to say about one deal, if anything.
fn deal_statement(
    map: &DataMap,
    catalog: &Catalog,
    named: &Named,
    infos: &HashMap<&str, DeviceInfo>,
    since: Option<crate::model::Unix>,
    partner: &Partner,
    deal: &Deal,
) -> Option<Statement> {
    let times = DealTimes::of(deal);
    let mut found = RouteFinding::default();
    if let Some(dated) = times.dated {
        for route in &deal.routes {
            let finding = match route.via {
                Via::App => app_route(map, named, partner, route, dated),
                Via::Device => {
                    let mut f = device_route(map, infos, route, dated);
                    if !f.shown.is_empty() {
                        f.unknown.push(
                            "you signed in to Facebook through the device's own built-in integration (a login from \
                             its browser or an app shows the device, not the integration)"
                                .to_owned(),
                        );
                    }
                    f
                }
                Via::SiteVisit => {
                    let mut f = site_route(named, partner, dated);
                    if !f.shown.is_empty() {
                        f.unknown.push(
                            "you were logged in to Facebook on that visit and had not switched instant \
                             personalization off"
                                .to_owned(),
                        );
                    }
                    f
                }
                _ => RouteFinding::default(),
            };
            found.shown.extend(finding.shown);
            found.unknown.extend(finding.unknown);
        }
    }
    let general = deal.routes.iter().any(|r| r.via == Via::None);
    let mut s = skeleton(catalog, partner, deal, &times);
    if !found.shown.is_empty() {
        s.confidence = Confidence::Inferred;
        s.condition_unknown = dedupe(found.unknown.into_iter().chain(deal.needs.iter().cloned()).collect());
        s.evidence.files = files_of(&found.shown);
        let span = spans_of(&found.shown).unwrap_or(Window::new(None, None));
        let (reached, window) = reached(map, deal, span, &times, &mut s.evidence.files);
        s.condition_shown = found.shown;
        set_people(&mut s, reached);
        s.explanation = explain_inferred(partner, deal, &s, window);
        return Some(s);
    }
    s.confidence = Confidence::Reported;
    s.condition_unknown = dedupe(route_unknowns(partner, deal).into_iter().chain(deal.needs.iter().cloned()).collect());
    if general
        && let (Some(since), Some(dated)) = (since, times.dated)
        && dated.end.is_some_and(|e| since <= e)
    {
        let reached = friends_by(map, dated.end, true);
        if deal.data.iter().any(DataKind::is_about_friends) {
            set_people(&mut s, Some(reached));
            s.people_rule = dated.end.map(PeopleRule::FriendsBy);
        }
        s.explanation = explain_general(partner, deal, &s, since, dated);
        return Some(s);
    }
    let present = presence(map, named, partner);
    // A deal that ended before the account existed cannot have applied to it.
    let too_late = since.zip(times.outer.end).is_some_and(|(since, end)| since > end);
    if present.is_empty() || too_late {
        return None;
    }
    s.evidence.files = files_of(&present);
    s.explanation = explain_named(partner, deal, &s, &present);
    Some(s)
}

/// Graph API v1.0: any app connected while it applied, one statement per app.
fn platform_statements(
    map: &DataMap,
    catalog: &Catalog,
    companies: &mut Companies,
    partner: &Partner,
    deal: &Deal,
    out: &mut Vec<Statement>,
) {
    let times = DealTimes::of(deal);
    let Some(dated) = times.dated else { return };
    let Some(route) = deal.routes.iter().find(|r| r.via == Via::AnyApp) else { return };
    let export = map.export_time();
    for app in &map.apps {
        let Some(found) = any_app_route(app, route, dated, export) else { continue };
        let mut s = skeleton(catalog, partner, deal, &times);
        s.company = app.name.clone();
        s.catalog_id = catalog.match_name(&app.name).map(|p| p.id.clone());
        s.company_id = companies.intern(&app.name, s.catalog_id.as_deref());
        s.confidence = Confidence::Inferred;
        s.condition_unknown = dedupe(found.unknown.into_iter().chain(deal.needs.iter().cloned()).collect());
        s.evidence.files = files_of(&found.shown);
        let span = spans_of(&found.shown).unwrap_or(Window::new(None, None));
        let (reached, window) = reached(map, deal, span, &times, &mut s.evidence.files);
        s.condition_shown = found.shown;
        set_people(&mut s, reached);
        s.explanation = explain_inferred(partner, deal, &s, window);
        out.push(s);
    }
}

/// The parts every deal statement shares: the record's dates, data, sources and responses.
fn skeleton(catalog: &Catalog, partner: &Partner, deal: &Deal, times: &DealTimes) -> Statement {
    Statement {
        company: partner.name.clone(),
        // Set by the caller, which holds the directory of companies.
        company_id: super::CompanyId(0),
        catalog_id: Some(partner.id.clone()),
        deal_id: Some(deal.id.clone()),
        kind: Kind::of_deal(&deal.category),
        data: deal.data.clone(),
        start: times.outer.start,
        end: times.outer.end,
        start_label: deal.start.describe(),
        end_label: deal.end.describe(),
        ending: ending_of(&deal.end),
        confidence: Confidence::Reported,
        people: Vec::new(),
        people_count: None,
        people_count_is_minimum: false,
        people_rule: None,
        condition_shown: Vec::new(),
        condition_unknown: Vec::new(),
        evidence: Evidence {
            files: Vec::new(),
            sources: deal
                .record
                .iter()
                .map(|r| Source {
                    publication: r.publication.clone(),
                    date: r.date.clone(),
                    url: r.url.clone(),
                    supports: Some(r.supports.clone()),
                    primary: Some(r.primary),
                })
                .collect(),
        },
        sources_secondary_only: deal.secondary_only,
        responses: catalog
            .responses_for(partner)
            .map(|r| Response {
                party: r.party.as_str().to_owned(),
                speaker: r.speaker.clone(),
                date: r.date.clone(),
                summary: r.summary.clone(),
                source: Source {
                    publication: r.source.publication.clone(),
                    date: r.source.date.clone(),
                    url: r.source.url.clone(),
                    supports: None,
                    primary: Some(r.primary),
                },
            })
            .collect(),
        explanation: String::new(),
    }
}

fn ending_of(end: &DatePoint) -> Ending {
    let per = end.per.clone().unwrap_or_else(|| "public record".into());
    match (&end.qualifier, &end.date, &end.as_of) {
        (Qualifier::StillActiveAsOf, _, Some(as_of)) => Ending::StillActive { as_of: as_of.clone(), per },
        (Qualifier::AtLeastUntil, Some(date), _) => Ending::AtLeastUntil { as_of: date.clone(), per },
        (_, Some(_), _) => Ending::Ended,
        _ => Ending::Unknown,
    }
}

/// Who the deal reached besides the owner, over the stretch where the shown condition and the deal meet:
/// exactly where the record closes the deal's window, at least where it leaves a side open.
/// Who the deal reached besides the owner, and over which stretch: where the shown condition and the deal
/// meet, exactly where the record closes the deal's window, at least where it leaves a side open.
fn reached(
    map: &DataMap,
    deal: &Deal,
    span: Window,
    times: &DealTimes,
    files: &mut Vec<String>,
) -> (Option<Reached>, Option<Window>) {
    let exact = times.outer.is_closed();
    let Some(window) = (if exact { span.overlap(times.outer) } else { times.dated.and_then(|d| span.overlap(d)) })
    else {
        return (None, None);
    };
    if deal.category == Category::Messaging || deal.has_data(&DataKind::ThreadParticipants) {
        let (mut reached, thread_files) = thread_people(map, window, !exact);
        files.extend(thread_files);
        reached.rule = Some(PeopleRule::ThreadsIn(window));
        return (Some(reached), Some(window));
    }
    if deal.data.iter().any(DataKind::is_about_friends) {
        let mut reached = friends_by(map, window.end, !exact);
        reached.rule = window.end.map(PeopleRule::FriendsBy);
        return (Some(reached), Some(window));
    }
    (None, Some(window))
}

fn set_people(s: &mut Statement, reached: Option<Reached>) {
    let mut reached = reached.unwrap_or_else(Reached::unknown);
    // Counted over what the export is certain of; where it leaves a connection open, more may have been reached.
    reached.minimum |= s.condition_shown.iter().any(Shown::is_wider_than_certain);
    // "At least 0" says nothing: a lower bound of zero is an unknown count.
    let count = reached.count.filter(|n| *n > 0 || !reached.minimum);
    s.people = reached.ids;
    s.people_rule = reached.rule;
    s.people_count = count;
    s.people_count_is_minimum = reached.minimum && count.is_some();
}

fn route_unknowns(partner: &Partner, deal: &Deal) -> Vec<String> {
    let acts: Vec<String> = deal
        .routes
        .iter()
        .filter(|r| !matches!(r.via, Via::Friend | Via::None))
        .map(|r| route_phrase(r, partner))
        .collect();
    let mut out = Vec::new();
    if !acts.is_empty() {
        let friend = if deal.routes.iter().any(|r| r.via == Via::Friend) { " (or a friend of yours did)" } else { "" };
        out.push(format!("you {}{friend}", acts.join(", or ")));
    }
    out
}

fn files_of(shown: &[Shown]) -> Vec<String> {
    dedupe(shown.iter().flat_map(|s| s.files.iter().cloned()).collect())
}

fn dedupe(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

fn opening(partner: &Partner, deal: &Deal, s: &Statement) -> String {
    if deal.routes.iter().any(|r| r.via == Via::AnyApp) {
        return format!(
            "{}. Started: {}; ended: {}. The public record says that while it was in force, any app a person \
             connected with Facebook Login could {}.",
            s.kind.label(),
            s.start_label,
            s.end_label,
            data_phrase(&deal.data),
        );
    }
    let ways: Vec<String> =
        deal.routes.iter().filter(|r| r.via != Via::None).map(|r| route_phrase(r, partner)).collect();
    let who = if deal.routes.iter().any(|r| r.via == Via::None) {
        "The record says it covered Facebook users generally.".to_owned()
    } else if ways.is_empty() {
        "The record does not say how the access reached people.".to_owned()
    } else {
        format!("It applied to people who {}.", ways.join(", or who "))
    };
    format!(
        "{}. Started: {}; ended: {}. The public record says {} could {}. {who}",
        s.kind.label(),
        s.start_label,
        s.end_label,
        partner.name,
        data_phrase(&deal.data),
    )
}

/// "read, send and delete your Facebook messages, and see who you message" / "reach friends' names and
/// friends' likes": the deal's data as a clause after "could".
fn data_phrase(data: &[DataKind]) -> String {
    let verbs: Vec<&str> = data.iter().filter_map(DataKind::message_verb).collect();
    let rest: Vec<String> = data.iter().filter(|d| d.message_verb().is_none()).map(|d| d.label().to_owned()).collect();
    let mut clauses = Vec::new();
    if !verbs.is_empty() {
        clauses.push(format!(
            "{} your Facebook messages",
            join_and(&verbs.iter().map(|v| v.to_string()).collect::<Vec<_>>())
        ));
    }
    if !rest.is_empty() {
        clauses.push(format!("reach {}", join_and(&rest)));
    }
    clauses.join(", and ")
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn unknown_sentence(s: &Statement) -> String {
    match s.condition_unknown.as_slice() {
        [] => String::new(),
        items => format!(" Your export cannot show whether {}.", items.join("; or whether ")),
    }
}

fn people_sentence(deal: &Deal, s: &Statement, window: Option<Window>) -> String {
    let messages = deal.category == Category::Messaging || deal.has_data(&DataKind::ThreadParticipants);
    let friends = deal.data.iter().any(DataKind::is_about_friends);
    let at_least = if s.people_count_is_minimum { "at least " } else { "" };
    let day = |t: Option<crate::model::Unix>| t.map(format_date).unwrap_or_else(|| "then".into());
    let (from, to) = (day(window.and_then(|w| w.start)), day(window.and_then(|w| w.end)));
    match (s.people_count, messages, friends) {
        (Some(n), true, _) => {
            format!(" {at_least}{n} people were in your Facebook threads with messages between {from} and {to}.")
        }
        (Some(n), false, true) => format!(" {at_least}{n} of your friends were already your friends by {to}."),
        (None, true, _) => {
            " How many of the people you message this reached cannot be told from your export.".to_owned()
        }
        (None, false, true) => " How many of your friends this reached cannot be told from your export.".to_owned(),
        _ => String::new(),
    }
}

fn explain_inferred(partner: &Partner, deal: &Deal, s: &Statement, window: Option<Window>) -> String {
    let shown: Vec<&str> = s.condition_shown.iter().map(|c| c.text.as_str()).collect();
    let people = people_sentence(deal, s, window);
    format!(
        "{} Your export shows {}.{}{}",
        opening(partner, deal, s),
        shown.join("; "),
        unknown_sentence(s),
        sentence_case(&people),
    )
}

fn explain_general(partner: &Partner, deal: &Deal, s: &Statement, since: crate::model::Unix, dated: Window) -> String {
    format!(
        "{} Your export shows your account existed by {}, which is all it can show of this.{}{}",
        opening(partner, deal, s),
        format_date(since),
        unknown_sentence(s),
        sentence_case(&people_sentence(deal, s, Some(dated))),
    )
}

fn explain_named(partner: &Partner, deal: &Deal, s: &Statement, named: &[Shown]) -> String {
    let texts: Vec<&str> = named.iter().map(|c| c.text.as_str()).collect();
    format!(
        "{} Your export names {} ({}), but that is not how this deal was switched on, so this is the public \
         record only.{}",
        opening(partner, deal, s),
        partner.name,
        texts.join("; "),
        unknown_sentence(s),
    )
}

/// Capitalises the first letter after the leading space, for sentences that may start with "at least".
fn sentence_case(text: &str) -> String {
    let trimmed = text.trim_start();
    let lead = &text[..text.len() - trimmed.len()];
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => format!("{lead}{}{}", first.to_uppercase(), chars.as_str()),
        None => text.to_owned(),
    }
}
