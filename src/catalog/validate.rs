//! Checks on the catalogue's facts. Every entry ends up in front of a user as a claim about a real company,
//! so a typo (a date that does not parse, a data kind outside the vocabulary, a route the rules cannot read)
//! must be found by a test, not by a reader.

use super::{
    CATALOG_VERSION, Catalog, Category, DataKind, DatePoint, Deal, DeviceSpec, PartialDate, Partner, Precision,
    Qualifier, Route, Source, Via, alias_key, alias_problem, parse_version,
};
use std::collections::{HashMap, HashSet};

impl Catalog {
    /// Every problem in the catalogue, one sentence each; empty when it is fit to show to users.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if self.version != CATALOG_VERSION {
            problems.push(format!("catalogue version {} is not the supported {CATALOG_VERSION}", self.version));
        }
        let kinds = self.validate_data_kinds(&mut problems);
        let mut ids = HashSet::new();
        let mut deal_ids = HashSet::new();
        let mut alias_owner: HashMap<String, &str> = HashMap::new();
        for partner in &self.partners {
            let mut report = |problem: String| problems.push(format!("partner '{}': {problem}", partner.id));
            if !ids.insert(partner.id.as_str()) {
                report("id is used more than once".to_string());
            }
            validate_partner(partner, &kinds, &mut report);
            for deal in &partner.deals {
                if !deal_ids.insert(deal.id.as_str()) {
                    report(format!("deal id '{}' is used more than once", deal.id));
                }
            }
            for alias in &partner.aliases {
                if let Some(problem) = alias_problem(alias) {
                    report(problem);
                    continue;
                }
                let key = alias_key(alias);
                match alias_owner.get(key.as_str()) {
                    Some(owner) if *owner != partner.id => {
                        report(format!("alias '{alias}' ('{key}') is also an alias of '{owner}'"));
                    }
                    Some(_) => {}
                    None => {
                        alias_owner.insert(key, &partner.id);
                    }
                }
            }
        }
        self.validate_responses(&ids, &mut problems);
        problems
    }

    /// Every kind the file describes must be one the code can label ([`DataKind`]).
    fn validate_data_kinds(&self, problems: &mut Vec<String>) -> HashSet<&str> {
        let mut kinds = HashSet::new();
        for kind in &self.data_kinds {
            if !DataKind::from(kind.id.clone()).is_known() {
                problems.push(format!("data kind '{}' is not one the app knows", kind.id));
            }
        }
        for kind in &self.data_kinds {
            if !is_snake_case(&kind.id) {
                problems.push(format!("data kind '{}' is not a lowercase snake_case id", kind.id));
            }
            if kind.description.trim().is_empty() {
                problems.push(format!("data kind '{}' has no description", kind.id));
            }
            if !kinds.insert(kind.id.as_str()) {
                problems.push(format!("data kind '{}' is listed more than once", kind.id));
            }
        }
        kinds
    }

    fn validate_responses(&self, partner_ids: &HashSet<&str>, problems: &mut Vec<String>) {
        for response in &self.responses {
            let mut report = |problem: String| problems.push(format!("response by '{}': {problem}", response.speaker));
            if !response.party.is_known() {
                report(format!("party '{}' is not company or facebook", response.party.as_str()));
            }
            if response.summary.trim().is_empty() {
                report("has no summary".to_string());
            }
            if let Some(date) = response.date.as_deref()
                && let Err(e) = PartialDate::parse(date)
            {
                report(format!("has a bad date: {e}"));
            }
            if response.applies_to.is_empty() {
                report("applies to nothing".to_string());
            }
            for target in &response.applies_to {
                let category = Category::from(target.clone());
                if !partner_ids.contains(target.as_str()) && !category.is_known() {
                    report(format!("applies to '{target}', which is neither a partner nor a category"));
                }
            }
            validate_source(&response.source, &mut report);
        }
    }
}

fn validate_partner(partner: &Partner, kinds: &HashSet<&str>, report: &mut impl FnMut(String)) {
    if !is_slug(&partner.id) {
        report("id is not a lowercase slug".to_string());
    }
    for (field, text) in [("name", &partner.name), ("confidence_note", &partner.confidence_note)] {
        if text.trim().is_empty() {
            report(format!("{field} is empty"));
        }
    }
    if !partner.confidence.is_known() {
        report(format!("confidence '{}' is not high, medium or low", partner.confidence.as_str()));
    }
    if partner.deals.is_empty() {
        report("has no deals".to_string());
    }
    for deal in &partner.deals {
        let mut report = |problem: String| report(format!("deal '{}': {problem}", deal.id));
        validate_deal(deal, kinds, &mut report);
    }
    if partner.sources.is_empty() {
        report("has no sources".to_string());
    }
    let mut usable = false;
    for source in &partner.sources {
        usable |= validate_source(source, report);
    }
    if !partner.sources.is_empty() && !usable {
        report("no source has both a URL and a parseable date".to_string());
    }
}

fn validate_deal(deal: &Deal, kinds: &HashSet<&str>, report: &mut impl FnMut(String)) {
    if !is_slug(&deal.id) {
        report("id is not a lowercase slug".to_string());
    }
    if !deal.category.is_known() {
        report(format!("category '{}' is not in the closed set", deal.category.as_str()));
    }
    if deal.activation.trim().is_empty() {
        report("activation is empty".to_string());
    }
    if deal.data.is_empty() {
        report("lists no data kinds".to_string());
    }
    let mut seen = HashSet::new();
    for kind in &deal.data {
        if !kind.is_known() || !kinds.contains(kind.as_str()) {
            report(format!("data kind '{}' is not in the vocabulary", kind.as_str()));
        }
        if !seen.insert(kind) {
            report(format!("data kind '{}' is listed twice", kind.as_str()));
        }
    }
    for route in &deal.routes {
        validate_route(route, report);
    }
    if deal.needs.iter().any(|n| n.trim().is_empty()) {
        report("has an empty need".to_string());
    }
    if deal.record.is_empty() {
        report("has no record sources".to_string());
    }
    let mut linked = false;
    for source in &deal.record {
        let as_source =
            Source { publication: source.publication.clone(), date: source.date.clone(), url: source.url.clone() };
        validate_source(&as_source, report);
        linked |= source.url.is_some();
        if source.supports.trim().is_empty() {
            report(format!("record source '{}' says nothing it supports", source.publication));
        }
    }
    if !deal.record.is_empty() && !linked {
        report("no record source has a URL".to_string());
    }
    if deal.secondary_only == deal.record.iter().any(|s| s.primary) {
        report("secondary_only disagrees with the record's primary flags".to_string());
    }
    validate_point("start", &deal.start, false, report);
    validate_point("end", &deal.end, true, report);
    validate_order(deal, report);
}

fn validate_route(route: &Route, report: &mut impl FnMut(String)) {
    if !route.via.is_known() {
        report(format!("route '{}' is not one the rules read", route.via.as_str()));
    }
    if !route.names.is_empty() && route.via != Via::App {
        report(format!("route '{}' cannot list app names", route.via.as_str()));
    }
    match (&route.created_before, &route.via) {
        (Some(day), Via::AnyApp) => match PartialDate::parse(day) {
            Ok(date) if date.precision() == Precision::Day => {}
            _ => report(format!("created_before '{day}' is not a YYYY-MM-DD date")),
        },
        (Some(_), via) => report(format!("route '{}' cannot have created_before", via.as_str())),
        (None, _) => {}
    }
    if !route.devices.is_empty() && route.via != Via::Device {
        report(format!("route '{}' cannot list devices", route.via.as_str()));
    }
    for spec in &route.devices {
        validate_device(spec, report);
    }
}

fn validate_device(spec: &DeviceSpec, report: &mut impl FnMut(String)) {
    if *spec == DeviceSpec::default() {
        report("a device spec matches every device".to_string());
    }
    for version in [&spec.os_min, &spec.os_below, &spec.browser_min].into_iter().flatten() {
        if parse_version(version).is_none() {
            report(format!("version '{version}' is not dotted numbers"));
        }
    }
    if (spec.os_min.is_some() || spec.os_below.is_some()) && spec.os.is_none() {
        report("an OS version range without an OS".to_string());
    }
    if spec.browser_min.is_some() && spec.browser.is_none() {
        report("a browser version without a browser".to_string());
    }
}

/// Returns whether the source has both a parseable date and a web address.
fn validate_source(source: &Source, report: &mut impl FnMut(String)) -> bool {
    if source.publication.trim().is_empty() {
        report("a source has no publication".to_string());
    }
    let dated = match source.date.as_deref() {
        Some(date) => match PartialDate::parse(date) {
            Ok(_) => true,
            Err(e) => {
                report(format!("source '{}' has a bad date: {e}", source.publication));
                false
            }
        },
        None => false,
    };
    let linked = match source.url.as_deref() {
        Some(url) if is_web_url(url) => true,
        Some(url) => {
            report(format!("source '{}' has a URL that is not http(s): '{url}'", source.publication));
            false
        }
        None => false,
    };
    dated && linked
}

fn validate_point(which: &str, point: &DatePoint, is_end: bool, report: &mut impl FnMut(String)) {
    if let Precision::Other(text) = &point.precision {
        report(format!("{which} precision '{text}' is not day, month, year or unknown"));
    }
    if let Qualifier::Other(text) = &point.qualifier {
        report(format!("{which} qualifier '{text}' is not one the rules read"));
    }
    let end_only = matches!(point.qualifier, Qualifier::Planned | Qualifier::AtLeastUntil | Qualifier::StillActiveAsOf);
    if point.qualifier == Qualifier::NotBefore && is_end {
        report(format!("{which} cannot be 'not_before'"));
    }
    if end_only && !is_end {
        report(format!("{which} cannot be '{}'", point.qualifier.as_str()));
    }
    let open = matches!(point.qualifier, Qualifier::AtLeastUntil | Qualifier::StillActiveAsOf);
    if open && point.per.as_deref().is_none_or(|p| p.trim().is_empty()) {
        report(format!("{which} is open-ended but does not say who reported it"));
    }
    match point.date.as_deref() {
        Some(text) => {
            match PartialDate::parse(text) {
                Ok(date) if date.precision() != point.precision => report(format!(
                    "{which} date '{text}' has {} precision but says '{}'",
                    date.precision().as_str(),
                    point.precision.as_str()
                )),
                Ok(_) => {}
                Err(e) => report(format!("{which} date does not parse: {e}")),
            }
            if matches!(point.qualifier, Qualifier::StillActiveAsOf | Qualifier::Unknown) {
                report(format!("{which} has a date but qualifier '{}'", point.qualifier.as_str()));
            }
            if point.as_of.is_some() {
                report(format!("{which} has both a date and as_of"));
            }
        }
        None => {
            if point.precision != Precision::Unknown {
                report(format!("{which} has no date but precision '{}'", point.precision.as_str()));
            }
            match point.qualifier {
                Qualifier::StillActiveAsOf => match point.as_of.as_deref().map(PartialDate::parse) {
                    Some(Ok(date)) if date.precision() == Precision::Day => {}
                    Some(Ok(_)) => report(format!("{which} as_of must be a full YYYY-MM-DD date")),
                    Some(Err(e)) => report(format!("{which} as_of does not parse: {e}")),
                    None => report(format!("{which} is still_active_as_of but has no as_of date")),
                },
                Qualifier::Unknown => {
                    if point.as_of.is_some() {
                        report(format!("{which} is unknown but has an as_of date"));
                    }
                }
                _ => report(format!("{which} has no date but qualifier '{}'", point.qualifier.as_str())),
            }
        }
    }
}

/// A start after the end (or after the report that found it still running) means a typo in the research.
/// Compared as spans, so "2015-01" to "2015" is fine.
fn validate_order(deal: &Deal, report: &mut impl FnMut(String)) {
    let Some(start) = deal.start.parsed() else { return };
    let end = deal.end.parsed().or_else(|| deal.end.as_of_date());
    if let Some(end) = end
        && start.earliest_unix() > end.latest_unix()
    {
        report(format!("start {start} is after end {end}"));
    }
}

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_snake_case(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('_')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn is_web_url(url: &str) -> bool {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| rest.contains('.') && !rest.chars().any(char::is_whitespace))
}
