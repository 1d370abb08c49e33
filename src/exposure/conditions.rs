//! Whether an export shows a deal's activation condition, read from the catalogue's routes. This is where
//! "inferred" is earned: a statement is inferred only when some route's act (an app connected, a login from
//! a matching device, a dated visit to the site) is in the export and falls inside the deal's dated window.
//! Whatever else the route needed that no export records (a feature used, a setting on, a friend's act) is
//! returned as unknown, in words, so the statement says it.
//!
//! Everything here reads the map only: no company is named in code.

use super::devices::{DeviceInfo, parse_version};
use super::window::Window;
use crate::catalog::{Catalog, DeviceSpec, Partner, Route, Via, normalise};
use crate::model::{App, AppStatus, Company, CompanySource, DataMap, Device, Unix, Website, format_date};
use serde::Serialize;
use std::collections::HashMap;

/// Which apps, companies and sites of the export are each partner, matched once per name: every deal asks,
/// and asking the catalogue per deal and per name would be deals × names.
#[derive(Default)]
pub struct Named<'m> {
    apps: HashMap<String, Vec<&'m App>>,
    companies: HashMap<String, Vec<&'m Company>>,
    websites: HashMap<String, Vec<&'m Website>>,
}

impl<'m> Named<'m> {
    pub fn of(map: &'m DataMap, catalog: &Catalog) -> Named<'m> {
        let index = catalog.name_index();
        let mut named = Named::default();
        for app in &map.apps {
            if let Some(p) = index.get(&app.name) {
                named.apps.entry(p.id.clone()).or_default().push(app);
            }
        }
        for company in &map.companies {
            if let Some(p) = index.get(&company.name) {
                named.companies.entry(p.id.clone()).or_default().push(company);
            }
        }
        for site in &map.websites {
            if let Some(p) = index.get(&site.site) {
                named.websites.entry(p.id.clone()).or_default().push(site);
            }
        }
        named
    }

    fn apps(&self, partner: &Partner) -> &[&'m App] {
        self.apps.get(&partner.id).map_or(&[], Vec::as_slice)
    }

    fn companies(&self, partner: &Partner) -> &[&'m Company] {
        self.companies.get(&partner.id).map_or(&[], Vec::as_slice)
    }

    fn websites(&self, partner: &Partner) -> &[&'m Website] {
        self.websites.get(&partner.id).map_or(&[], Vec::as_slice)
    }
}

/// One thing the export shows, with where and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shown {
    pub text: String,
    pub files: Vec<String>,
    /// The span the export is certain of (a connection from when it was added to when it was removed).
    pub from: Option<Unix>,
    pub to: Option<Unix>,
    /// The widest span the export allows (an expired app: from when it was added, end unknown); for drawing.
    #[serde(skip)]
    pub possible: Window,
}

impl Shown {
    fn new(text: String, files: Vec<String>, certain: Window, possible: Window) -> Shown {
        Shown { text, files, from: certain.start, to: certain.end, possible }
    }

    fn span(&self) -> Window {
        Window::new(self.from, self.to)
    }

    /// The export leaves this span open on a side where the certain one is closed.
    pub fn is_wider_than_certain(&self) -> bool {
        self.possible != self.span()
    }
}

/// What the export allows for an app connection: from when it was added to when it was removed, or to the
/// export date while still active; a side it does not give stays open.
fn connection_possible(app: &App, export: Option<Unix>) -> Window {
    Window::new(app.added, app.removed.or(if app.status == Some(AppStatus::Active) { export } else { None }))
}

/// What the export says about one route of one deal.
#[derive(Debug, Clone, Default)]
pub struct RouteFinding {
    /// The route's act, where it falls inside the deal's dated window.
    pub shown: Vec<Shown>,
    /// What had to be true besides, which the export cannot show.
    pub unknown: Vec<String>,
}

/// The certain span of an app connection: from when it was added (or, with no date, the moment before it was
/// removed) to when it was removed (or the export date while still active, or else only the day it was added).
pub fn connection_span(app: &App, export: Option<Unix>) -> Window {
    let end = app.removed.or(if app.status == Some(AppStatus::Active) { export } else { None }).or(app.added);
    Window::new(app.added.or(app.removed), end)
}

fn connection_text(app: &App, export: Option<Unix>) -> String {
    let added = app.added.map(format_date);
    match (added, app.removed, app.status) {
        (Some(a), Some(r), _) => format!("you connected {} on {a} and removed it on {}", app.name, format_date(r)),
        (None, Some(r), _) => format!("you had {} connected until you removed it on {}", app.name, format_date(r)),
        (Some(a), None, Some(AppStatus::Active)) => match export {
            Some(e) => format!("you connected {} on {a} and it was still connected on {}", app.name, format_date(e)),
            None => format!("you connected {} on {a} and it is still connected", app.name),
        },
        (Some(a), None, _) => format!("you connected {} on {a}; when the connection ended is not recorded", app.name),
        (None, None, _) => format!("you connected {} at a time the export does not give", app.name),
    }
}

/// The apps this route counts: the partner's own names (through the catalogue's matching), or the names the
/// route lists, compared whole after normalising.
pub fn route_apps<'m>(map: &'m DataMap, named: &Named<'m>, partner: &Partner, route: &Route) -> Vec<&'m App> {
    if route.names.is_empty() {
        named.apps(partner).to_vec()
    } else {
        let wanted: Vec<String> = route.names.iter().map(|n| normalise(n)).collect();
        map.apps.iter().filter(|a| wanted.contains(&normalise(&a.name))).collect()
    }
}

/// Whether a shown span touches the dated window for certain (both closed).
fn inside(span: Window, dated: Window) -> bool {
    span.is_closed() && span.overlap(dated).is_some()
}

pub fn app_route(map: &DataMap, named: &Named, partner: &Partner, route: &Route, dated: Window) -> RouteFinding {
    let export = map.export_time();
    let mut out = RouteFinding::default();
    for app in route_apps(map, named, partner, route) {
        let span = connection_span(app, export);
        if inside(span, dated) {
            out.shown.push(Shown::new(
                connection_text(app, export),
                vec![app.file.clone()],
                span,
                connection_possible(app, export),
            ));
        }
    }
    out
}

/// Graph API v1.0's route: any app, connected while the platform allowed friends' data. An app connected
/// after `created_before` may have been registered after it, when the old version no longer applied.
pub fn any_app_route(app: &App, route: &Route, dated: Window, export: Option<Unix>) -> Option<RouteFinding> {
    let span = connection_span(app, export);
    if !inside(span, dated) {
        return None;
    }
    let mut unknown = Vec::new();
    let cutoff = route.created_before.as_deref().and_then(|d| crate::catalog::PartialDate::parse(d).ok());
    if let Some(cutoff) = cutoff
        && app.added.is_none_or(|added| added >= cutoff.earliest_unix())
    {
        unknown.push(format!(
            "{} was registered with Facebook before {cutoff} (apps registered later never had this access)",
            app.name
        ));
    }
    Some(RouteFinding {
        shown: vec![Shown::new(
            connection_text(app, export),
            vec![app.file.clone()],
            span,
            connection_possible(app, export),
        )],
        unknown,
    })
}

/// How a login's device compares with one spec.
enum DeviceMatch {
    No,
    Yes,
    /// The maker and OS match but the user agent does not give the version the spec needs.
    VersionUnknown,
}

fn text_eq(spec: &Option<String>, actual: &Option<String>) -> bool {
    spec.as_ref().is_none_or(|s| actual.as_ref().is_some_and(|a| a.eq_ignore_ascii_case(s)))
}

fn compare(spec: &DeviceSpec, device: &DeviceInfo, browser_version: &[u32]) -> DeviceMatch {
    if !text_eq(&spec.brand, &device.brand)
        || !text_eq(&spec.family, &device.family)
        || !text_eq(&spec.os, &device.os)
        || !text_eq(&spec.browser, &device.browser)
    {
        return DeviceMatch::No;
    }
    let in_range = |version: &[u32], min: &Option<String>, below: &Option<String>| -> Option<bool> {
        if min.is_none() && below.is_none() {
            return Some(true);
        }
        if version.is_empty() {
            return None;
        }
        let min_ok = min.as_deref().and_then(parse_version).is_none_or(|m| version >= m.as_slice());
        let below_ok = below.as_deref().and_then(parse_version).is_none_or(|b| version < b.as_slice());
        Some(min_ok && below_ok)
    };
    match (
        in_range(&device.os_version, &spec.os_min, &spec.os_below),
        in_range(browser_version, &spec.browser_min, &None),
    ) {
        (Some(true), Some(true)) => DeviceMatch::Yes,
        (Some(false), _) | (_, Some(false)) => DeviceMatch::No,
        _ => DeviceMatch::VersionUnknown,
    }
}

fn spec_words(spec: &DeviceSpec) -> String {
    let mut words = Vec::new();
    if let Some(os) = &spec.os {
        let range = match (&spec.os_min, &spec.os_below) {
            (Some(min), Some(below)) => format!(" {min} or later, before {below}"),
            (Some(min), None) => format!(" {min} or later"),
            (None, Some(below)) => format!(" before {below}"),
            (None, None) => String::new(),
        };
        words.push(format!("{os}{range}"));
    }
    if let Some(browser) = &spec.browser {
        words.push(match &spec.browser_min {
            Some(min) => format!("{browser} {min} or later"),
            None => browser.clone(),
        });
    }
    words.join(", ")
}

fn login_span(device: &Device) -> Window {
    Window::new(device.first_seen.or(device.last_seen), device.last_seen.or(device.first_seen))
}

fn login_text(device: &Device, info: &DeviceInfo) -> String {
    let span = login_span(device);
    let when = match (span.start, span.end) {
        (Some(a), Some(b)) if format_date(a) != format_date(b) => {
            format!("between {} and {}", format_date(a), format_date(b))
        }
        (Some(a), _) => format!("on {}", format_date(a)),
        _ => "at a time the export does not give".to_owned(),
    };
    format!("you logged in from this device: {}, {when}", info.describe())
}

pub fn device_route(map: &DataMap, infos: &HashMap<&str, DeviceInfo>, route: &Route, dated: Window) -> RouteFinding {
    let mut out = RouteFinding::default();
    for device in &map.devices {
        let Some(info) = infos.get(device.user_agent.as_str()) else { continue };
        let span = login_span(device);
        if !inside(span, dated) {
            continue;
        }
        let browser_version = info.browser_version.clone();
        let best = route.devices.iter().map(|spec| (spec, compare(spec, info, &browser_version))).fold(
            None,
            |best: Option<(&DeviceSpec, DeviceMatch)>, (spec, m)| match (&best, &m) {
                (_, DeviceMatch::Yes) => Some((spec, m)),
                (None, DeviceMatch::VersionUnknown) => Some((spec, m)),
                _ => best,
            },
        );
        let Some((spec, found)) = best else { continue };
        let mut shown = Shown::new(login_text(device, info), device.files.clone(), span, span);
        if let DeviceMatch::VersionUnknown = found {
            shown.text.push_str(", whose user agent does not give the version");
            out.unknown.push(format!("that device ran {}", spec_words(spec)));
        }
        out.shown.push(shown);
    }
    out
}

/// Visits to the company's site: link history (a host matching the partner's names) and the company's own
/// off-Meta activity, each by its dated span.
pub fn site_route(named: &Named, partner: &Partner, dated: Window) -> RouteFinding {
    let mut out = RouteFinding::default();
    for site in named.websites(partner) {
        let span = Window::new(site.first, site.last);
        if inside(span, dated) {
            out.shown.push(Shown::new(
                format!("you opened {} from Facebook {} times", site.site, site.visits),
                site.files.clone(),
                span,
                span,
            ));
        }
    }
    for company in named.companies(partner) {
        let Some(span) = company.by_source.get(&CompanySource::OffMetaActivity) else { continue };
        let window = Window::new(span.first, span.last);
        if inside(window, dated) {
            out.shown.push(Shown::new(
                format!("{} sent Meta records of your activity on its site or app", company.name),
                company.files.clone(),
                window,
                window,
            ));
        }
    }
    out
}

/// Where the export names the company at all, whatever the date: an app, a business in off-Meta activity or
/// an advertiser list, a site. None of these is a deal's condition by itself.
pub fn presence(map: &DataMap, named: &Named, partner: &Partner) -> Vec<Shown> {
    let export = map.export_time();
    let mut out = Vec::new();
    for app in named.apps(partner) {
        let span = connection_span(app, export);
        out.push(Shown::new(
            connection_text(app, export),
            vec![app.file.clone()],
            span,
            connection_possible(app, export),
        ));
    }
    for company in named.companies(partner) {
        let routes: Vec<&str> =
            company.sources.iter().filter(|s| **s != CompanySource::ConnectedApp).map(|s| s.label()).collect();
        if routes.is_empty() {
            continue;
        }
        let seen = Window::new(company.first_seen, company.last_seen);
        out.push(Shown::new(
            format!("{} appears as: {}", company.name, routes.join("; ").to_lowercase()),
            company.files.clone(),
            seen,
            seen,
        ));
    }
    for site in named.websites(partner) {
        let seen = Window::new(site.first, site.last);
        out.push(Shown::new(format!("you opened {} from Facebook", site.site), site.files.clone(), seen, seen));
    }
    out
}

/// The earliest moment the export shows the account existed: registration, or else its oldest dated fact.
pub fn account_since(map: &DataMap) -> Option<Unix> {
    map.registered.or_else(|| {
        let friends = map.people.iter().filter_map(|p| p.friend_since);
        let apps = map.apps.iter().filter_map(|a| a.added);
        let threads = map.threads.iter().filter_map(|t| t.first);
        let devices = map.devices.iter().filter_map(|d| d.first_seen);
        friends.chain(apps).chain(threads).chain(devices).min()
    })
}

/// Every route's finding, and the things no route of this deal could show.
pub fn spans_of(shown: &[Shown]) -> Option<Window> {
    shown.iter().map(Shown::span).reduce(|a, b| {
        Window::new(
            a.start.zip(b.start).map(|(x, y)| x.min(y)).or(a.start).or(b.start),
            a.end.zip(b.end).map(|(x, y)| x.max(y)).or(a.end).or(b.end),
        )
    })
}

/// A few words for what a route asks of a person, for sentences ("connected its app with Facebook Login").
pub fn route_phrase(route: &Route, partner: &Partner) -> String {
    match &route.via {
        Via::App if route.names.is_empty() => format!("connected {}'s app with Facebook Login", partner.name),
        Via::App => format!("connected {} with Facebook Login", route.names[0]),
        Via::AnyApp => "connected an app with Facebook Login while it applied".to_owned(),
        Via::Device if route.devices.is_empty() => {
            format!("signed in to Facebook through {}'s built-in integration", partner.name)
        }
        Via::Device => format!(
            "signed in to Facebook through the built-in integration of {}",
            route.devices.iter().map(device_phrase).collect::<Vec<_>>().join(" or ")
        ),
        Via::SiteVisit => format!("visited {}'s site while logged in to Facebook", partner.name),
        Via::Friend => "had a friend who did".to_owned(),
        Via::None => "did nothing in particular: the record says it covered users generally".to_owned(),
        Via::Other(text) => text.clone(),
    }
}

fn device_phrase(spec: &DeviceSpec) -> String {
    let what = spec_words(spec);
    match (&spec.brand, what.is_empty()) {
        (Some(brand), true) => format!("a device made by {brand}"),
        (Some(brand), false) => format!("a device made by {brand} running {what}"),
        (None, _) => format!("a device running {what}"),
    }
}
