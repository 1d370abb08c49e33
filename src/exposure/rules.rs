//! The seven exposure rules. Each reads the model (and the catalogue where public facts matter) and writes
//! statements; each states only what its evidence supports, and says so in plain words.

use super::window::Window;
use super::{Confidence, Ending, Evidence, Kind, Source, Statement, device_partner};
use crate::catalog::{Catalog, Category, Partner};
use crate::model::{App, AppStatus, CompanySource, DataMap, Platform, Relation, Unix, format_date};

const MESSAGE_KINDS: [&str; 4] = ["messages_read", "messages_write", "messages_delete", "thread_participants"];

fn sources(partner: &Partner) -> Vec<Source> {
    partner
        .sources
        .iter()
        .map(|s| Source { publication: s.publication.clone(), date: s.date.clone(), url: s.url.clone() })
        .collect()
}

fn date(t: Option<Unix>) -> String {
    t.map(format_date).unwrap_or_else(|| "an unknown date".into())
}

/// A date as the catalogue gives it, at its own precision ("2015", "2013-12").
fn catalog_date(point: &crate::catalog::DatePoint) -> String {
    match (&point.date, &point.as_of) {
        (Some(d), _) => d.clone(),
        (None, Some(as_of)) => format!("at least {as_of}"),
        _ => "an unknown date".into(),
    }
}

/// Friends who were certainly friends by `end`: their friend-since date is known and not later.
/// Friends with no date are left out rather than guessed in.
fn friends_by(map: &DataMap, end: Option<Unix>) -> Vec<String> {
    let Some(end) = end else { return Vec::new() };
    map.people
        .iter()
        .filter(|p| p.relations.contains(&Relation::Friend) && p.friend_since.is_some_and(|t| t <= end))
        .map(|p| p.name.clone())
        .collect()
}

fn connection_window(app: &App, export: Option<Unix>) -> (Window, Ending) {
    match app.status {
        Some(AppStatus::Active) => {
            (Window::new(app.added, export), app.removed.map_or(Ending::StillActive(date(export)), |_| Ending::Ended))
        }
        _ if app.removed.is_some() => (Window::new(app.added, app.removed), Ending::Ended),
        Some(AppStatus::Inactive) => (Window::new(app.added, None), Ending::EndedUnknown),
        _ => (Window::new(app.added, None), Ending::Unknown),
    }
}

fn catalog_id(catalog: &Catalog, name: &str) -> Option<String> {
    catalog.match_name(name).map(|p| p.id.clone())
}

/// Rule 1 (observed): an app the person connected had their profile from when it was added until it was
/// removed, expired, or the export date.
pub fn connected_apps(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    let export = map.export_time();
    for app in &map.apps {
        let (window, ending) = connection_window(app, export);
        let end_words = match &ending {
            Ending::Ended => format!("You removed it on {}.", date(app.removed)),
            Ending::EndedUnknown => "Its access has expired, at a time the export does not give.".into(),
            Ending::StillActive(d) => format!("It was still connected on {d}, the day of your export."),
            Ending::Unknown => "The export does not say whether it is still connected.".into(),
        };
        let start_words = match app.added {
            Some(t) => format!("You connected {} to your Facebook account on {}.", app.name, format_date(t)),
            None => format!("You connected {} to your Facebook account at a time the export does not give.", app.name),
        };
        out.push(Statement {
            company: app.name.clone(),
            catalog_id: catalog_id(catalog, &app.name),
            kind: Kind::ConnectedApp,
            data: vec!["profile".into(), "user_id".into()],
            start: window.start,
            end: window.end,
            ending,
            confidence: Confidence::Observed,
            people: Vec::new(),
            evidence: Evidence { files: vec![app.file.clone()], sources: Vec::new() },
            explanation: format!(
                "{start_words} {end_words} While connected it could read your public profile and whatever else you allowed when you logged in."
            ),
        });
    }
}

/// Rule 2 (inferred): until 30 April 2015 Facebook's Graph API v1.0 let any connected app ask for data
/// about the user's friends. An app first connected after the cut-off gets nothing from this rule.
pub fn graph_api_friends(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    let Some(api) = catalog.partner("graph-api-v1") else { return };
    let deal = Window::of_partner(api);
    let Some(cutoff) = deal.end else { return };
    for app in &map.apps {
        let window = match (app.added, app.removed) {
            (Some(added), removed) if added <= cutoff => {
                Window::new(Some(added), Some(removed.map_or(cutoff, |r| r.min(cutoff))))
            }
            // Removed before the cut-off with no known start: it was connected at some point before then.
            (None, Some(removed)) if removed <= cutoff => Window::new(None, Some(removed)),
            _ => continue,
        };
        if window.start.zip(window.end).is_some_and(|(s, e)| s > e) {
            continue;
        }
        let people = friends_by(map, window.end);
        out.push(Statement {
            company: app.name.clone(),
            catalog_id: catalog_id(catalog, &app.name),
            kind: Kind::GraphApiFriends,
            data: api.data.iter().filter(|k| k.starts_with("friend")).cloned().collect(),
            start: window.start,
            end: window.end,
            ending: Ending::Ended,
            confidence: Confidence::Inferred,
            people: people.clone(),
            evidence: Evidence { files: vec![app.file.clone()], sources: sources(api) },
            explanation: format!(
                "{} was connected to your account before {}, while Facebook's Graph API v1.0 let apps ask for data about their users' friends (names, birthdays, locations, photos, likes). {} of your friends were already your friends by {}; whether the app asked for their data is not recorded.",
                app.name,
                format_date(cutoff),
                people.len(),
                date(window.end)
            ),
        });
    }
}

/// Rule 3 (inferred): messaging partners could read, write and delete the messages of users who connected
/// their app. The people are those in threads with messages inside both the deal and the connection.
pub fn messaging_partners(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    let export = map.export_time();
    for app in &map.apps {
        let Some(partner) = catalog.match_name(&app.name) else { continue };
        if !partner.has_category(&Category::Messaging) {
            continue;
        }
        let (connection, _) = connection_window(app, export);
        let Some(window) = connection.overlap(Window::of_partner(partner)) else { continue };
        let mut people: Vec<String> = Vec::new();
        let mut threads = 0;
        let mut files = vec![app.file.clone()];
        // Facebook's messaging deals reached Facebook's messages: Instagram threads in a combined map do not
        // count.
        let facebook_threads =
            map.threads.iter().filter(|t| t.platforms.is_empty() || t.platforms.contains(&Platform::Facebook));
        for thread in facebook_threads.filter(|t| window.contains_any_day(&t.days)) {
            threads += 1;
            for p in &thread.participants {
                if !people.contains(p) {
                    people.push(p.clone());
                }
            }
            files.extend(thread.files.iter().take(1).cloned());
        }
        let data: Vec<String> = partner.data.iter().filter(|k| MESSAGE_KINDS.contains(&k.as_str())).cloned().collect();
        let caveat = if app.status == Some(AppStatus::Inactive) && app.removed.is_none() {
            " Your export says the connection expired at an unknown time, so the real overlap may be shorter."
        } else {
            ""
        };
        out.push(Statement {
            company: partner.name.clone(),
            catalog_id: Some(partner.id.clone()),
            kind: Kind::MessagingPartner,
            data,
            start: window.start,
            end: window.end,
            ending: Ending::Ended,
            confidence: Confidence::Inferred,
            people: people.clone(),
            evidence: Evidence { files, sources: sources(partner) },
            explanation: format!(
                "Facebook gave {} access to read, write and delete the private messages of users who connected its app, from {} to {}. You had {} connected in that time, and {} of your threads with {} people had messages then.{caveat}",
                partner.name,
                catalog_date(&partner.start),
                catalog_date(&partner.end),
                app.name,
                threads,
                people.len()
            ),
        });
    }
}

/// Where the export names this partner: as a connected app (with the time it was connected), or else as any
/// company.
struct Seen {
    name: String,
    files: Vec<String>,
    connection: Option<Window>,
}

fn seen_in_export(map: &DataMap, catalog: &Catalog, partner: &Partner) -> Option<Seen> {
    if let Some(app) = map.apps.iter().find(|a| catalog.match_name(&a.name).is_some_and(|p| p.id == partner.id)) {
        let (window, _) = connection_window(app, map.export_time());
        return Some(Seen { name: app.name.clone(), files: vec![app.file.clone()], connection: Some(window) });
    }
    map.companies.iter().find(|c| catalog.match_name(&c.name).is_some_and(|p| p.id == partner.id)).map(|c| Seen {
        name: c.name.clone(),
        files: c.files.clone(),
        connection: None,
    })
}

/// When the owner's account certainly existed: registration, or else the oldest dated fact in the export.
fn account_since(map: &DataMap) -> Option<Unix> {
    map.registered.or_else(|| map.people.iter().filter_map(|p| p.friend_since).min())
}

/// Rule 4: partners reported to reach the friends of broad sets of users. Instant personalization and
/// search integration were on by default, so they are `reported` for any account that existed then, and
/// `inferred` where the export shows the company. Whitelisted friend-list deals served the app's own users,
/// so they apply only where the export shows the app.
pub fn friends_reach(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    let since = account_since(map);
    for partner in &catalog.partners {
        let broad = partner.has_category(&Category::InstantPersonalization)
            || partner.has_category(&Category::SearchIntegration);
        // Whitelisted friend-list deals, and integration deals (such as Yahoo's friend streams) that ran
        // through an app the person connected rather than through a device.
        let whitelisted = partner.has_category(&Category::WhitelistedApi)
            || (partner.has_category(&Category::DeviceIntegration)
                && map.apps.iter().any(|a| catalog.match_name(&a.name).is_some_and(|p| p.id == partner.id)));
        if !(broad || whitelisted) || !partner.data.iter().any(|k| k.starts_with("friend")) {
            continue;
        }
        let deal = Window::of_partner(partner);
        let seen = seen_in_export(map, catalog, partner);
        let confidence = match (&seen, broad) {
            (Some(_), _) => Confidence::Inferred,
            (None, true) if since.zip(deal.end).is_some_and(|(s, e)| s <= e) => Confidence::Reported,
            _ => continue,
        };
        // While connected, for an app the person used; otherwise while the account existed.
        let window = match (seen.as_ref().and_then(|s| s.connection), since) {
            (Some(connection), _) => match deal.overlap(connection) {
                Some(w) => w,
                None => continue,
            },
            (None, Some(s)) => deal.overlap(Window::new(Some(s), None)).unwrap_or(deal),
            (None, None) => deal,
        };
        let people = friends_by(map, window.end);
        let data: Vec<String> =
            partner.data.iter().filter(|k| k.starts_with("friend") || k.as_str() == "profile").cloned().collect();
        let how = match &seen {
            Some(Seen { name, connection: Some(_), .. }) => {
                format!("You had {name} connected to your account while the deal ran.")
            }
            Some(Seen { name, .. }) => format!("Your export names {name}, so this applied to you."),
            None => "Your export does not name it; public reporting says the access covered Facebook users generally while it ran.".into(),
        };
        out.push(Statement {
            company: partner.name.clone(),
            catalog_id: Some(partner.id.clone()),
            kind: Kind::FriendsReach,
            data,
            start: window.start,
            end: window.end,
            ending: if deal.end.is_some() { Ending::Ended } else { Ending::Unknown },
            confidence,
            people: people.clone(),
            evidence: Evidence { files: seen.map(|s| s.files).unwrap_or_default(), sources: sources(partner) },
            explanation: format!(
                "{} could reach data about users' friends through a deal with Facebook ({}), from {} to {}. {how} {} of your friends were your friends by then.",
                partner.name,
                partner.category.label().to_lowercase(),
                catalog_date(&partner.start),
                catalog_date(&partner.end),
                people.len()
            ),
        });
    }
}

/// Rule 5 (inferred): device-integration deals applied on the maker's devices; the export's logins show
/// which makers' devices the person used, and when. Each device counts only for the span its own logins
/// cover: a phone seen once in 2016 says nothing about 2017.
pub fn device_integrations(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    for device in &map.devices {
        let Some(partner) = device_partner(&device.user_agent).and_then(|id| catalog.partner(id)) else { continue };
        if !partner.has_category(&Category::DeviceIntegration) {
            continue;
        }
        let seen = Window::new(device.first_seen, device.last_seen.or(device.first_seen));
        let Some(window) = seen.overlap(Window::of_partner(partner)) else { continue };
        if window.start.is_none() || window.end.is_none() {
            continue;
        }
        let people =
            if partner.data.iter().any(|k| k.starts_with("friend")) { friends_by(map, window.end) } else { Vec::new() };
        out.push(Statement {
            company: partner.name.clone(),
            catalog_id: Some(partner.id.clone()),
            kind: Kind::DeviceIntegration,
            data: partner.data.clone(),
            start: window.start,
            end: window.end,
            ending: Ending::Ended,
            confidence: Confidence::Inferred,
            people: people.clone(),
            evidence: Evidence { files: device.files.clone(), sources: sources(partner) },
            explanation: format!(
                "Your export shows you logged in from a {} device between {} and {} ({}). Facebook's integration deal with {} ran from {} to {}; for people signed in to Facebook on those devices it could reach the data listed, including data about {} of your friends.",
                partner.name,
                date(seen.start),
                date(seen.end),
                device.user_agent.chars().take(70).collect::<String>(),
                partner.name,
                catalog_date(&partner.start),
                catalog_date(&partner.end),
                people.len()
            ),
        });
    }
}

/// Rule 6 (observed): the business sent Meta records of the person's activity on its site or app.
pub fn off_meta(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    for company in &map.companies {
        let Some(span) = company.by_source.get(&CompanySource::OffMetaActivity) else { continue };
        let types: Vec<String> = company.event_types.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
        out.push(Statement {
            company: company.name.clone(),
            catalog_id: catalog_id(catalog, &company.name),
            kind: Kind::OffMetaActivity,
            data: vec!["off_meta_activity".into()],
            start: span.first,
            end: span.last,
            ending: Ending::Unknown,
            confidence: Confidence::Observed,
            people: Vec::new(),
            evidence: Evidence { files: company.files.clone(), sources: Vec::new() },
            explanation: format!(
                "{} sent Meta {} records of your activity on its site or app between {} and {}{}.",
                company.name,
                span.events,
                date(span.first),
                date(span.last),
                if types.is_empty() { String::new() } else { format!(" ({})", types.join(", ")) }
            ),
        });
    }
}

/// Rule 7 (observed): advertisers that targeted the person with a list or with their activity (undated,
/// so "as of the export date"), and ads the person clicked or closed (dated).
pub fn advertisers(map: &DataMap, catalog: &Catalog, out: &mut Vec<Statement>) {
    let export_date = map.export_date.clone().unwrap_or_else(|| "the export date".into());
    for company in &map.companies {
        for (source, kind, data) in [
            (CompanySource::AdvertiserList, Kind::AdvertiserList, "ad_audience"),
            (CompanySource::AdvertiserActivity, Kind::AdvertiserActivity, "ad_audience"),
            (CompanySource::AdvertiserInteraction, Kind::AdvertiserInteraction, "ad_interaction"),
        ] {
            let Some(span) = company.by_source.get(&source) else { continue };
            let (start, end, ending, explanation) = match kind {
                Kind::AdvertiserInteraction => (
                    span.first,
                    span.last,
                    Ending::Ended,
                    format!(
                        "You clicked or closed {} of {}'s ads between {} and {}.",
                        span.events,
                        company.name,
                        date(span.first),
                        date(span.last)
                    ),
                ),
                Kind::AdvertiserList => (
                    None,
                    None,
                    Ending::StillActive(export_date.clone()),
                    format!(
                        "{} uploaded or used a list that contains you to show you ads. The export gives no date: it was true as of {export_date}.",
                        company.name
                    ),
                ),
                _ => (
                    None,
                    None,
                    Ending::StillActive(export_date.clone()),
                    format!(
                        "{} used your activity on its website, app or store to reach you with ads. The export gives no date: it was true as of {export_date}.",
                        company.name
                    ),
                ),
            };
            out.push(Statement {
                company: company.name.clone(),
                catalog_id: catalog_id(catalog, &company.name),
                kind,
                data: vec![data.into()],
                start,
                end,
                ending,
                confidence: Confidence::Observed,
                people: Vec::new(),
                evidence: Evidence { files: company.files.clone(), sources: Vec::new() },
                explanation,
            });
        }
    }
}
