//! From "who had my data" to "what can I do about it": for each company on the map, the steps a person can
//! take (in Facebook's settings, and with the company itself), the company's privacy contact from the
//! bundled datarequests.org records, and request letters ([`letter`]) that cite the law and list what the
//! export shows, worded as carefully as the statements.
//!
//! Nothing here touches the network: contacts are bundled, links and addresses are text to copy, and a
//! letter is a string the person sends themselves.
//!
//! - [`contacts`]: the asset and the name matcher (docs/contacts-matching.md);
//! - [`actions`] / [`actions_with`]: one [`Action`] per company, for the details panel, the table and
//!   `report --json`;
//! - [`letter::write`]: the letter for one company; [`cli::run`]: `datamap letter`.

pub mod cli;
pub mod contacts;
pub mod letter;
pub mod names;
mod steps;

pub use contacts::{Authority, AuthorityChoice, CompanyRecord, ContactIndex, Lookup, Matched};
pub use steps::{Step, StepKind};

use crate::exposure::{Confidence, Row, Statement};
use crate::model::{Company, DataMap};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// What the person told the app about themselves that changes the advice. Never stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// ISO 3166-1 alpha-2, lowercase (`gb` for the UK): picks among a company's country records and names
    /// the supervisory authority. `None`: the steps say "choose your country".
    pub country: Option<String>,
    /// ISO 3166-2 ("DE-BY"), for Germany, where each federal state has its own authority.
    pub region: Option<String>,
}

/// What a person can do about one company.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    pub company: String,
    /// The company's privacy contact, when exactly one bundled record fits its name.
    pub contact: Option<Contact>,
    /// In order: what to do in Facebook's settings, then requests to the company, then where to complain.
    pub steps: Vec<Step>,
    /// When several records fit the name and no rule picks one: the records to choose from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contact_candidates: Vec<Candidate>,
    /// Whether the export itself names the company (false: only the public record does).
    pub in_export: bool,
}

/// A company's privacy contact, from one bundled record, with which record and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The legal name, as the letter is addressed.
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub web: Option<String>,
    /// The record's privacy web form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webform: Option<String>,
    /// The record in the datarequests.org snapshot, at the snapshot's commit.
    pub source: String,
    /// The record's slug in the snapshot.
    pub record: String,
    /// What the record itself cites (usually the company's privacy policy).
    pub record_source: String,
    /// How the name reached the record: "by name: 'spotify' = name 'Spotify AB'".
    pub matched_by: String,
    /// The countries the record is for (`["all"]` or ISO codes).
    pub countries: Vec<String>,
    /// How the snapshot suggests sending a request: email, letter, fax or webform.
    pub transport: String,
    /// Said when the record is for other countries than the person's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Candidate {
    pub record: String,
    pub name: String,
    pub countries: Vec<String>,
}

impl Contact {
    pub fn from_record(
        contacts: &contacts::Contacts,
        r: &CompanyRecord,
        matched_by: String,
        options: &Options,
    ) -> Contact {
        let note = options
            .country
            .as_deref()
            .filter(|c| !r.is_for(c))
            .map(|c| format!("This record is for {}, not {}.", r.countries_label(), country_label(c)));
        Contact {
            name: r.name.clone(),
            email: r.email.clone(),
            address: Some(r.address.clone()),
            web: r.web.clone(),
            webform: r.webform.clone(),
            source: contacts.record_url(&r.slug),
            record: r.slug.clone(),
            record_source: r.source.clone(),
            matched_by,
            countries: r.countries.clone(),
            transport: r.transport.clone(),
            note,
        }
    }

    /// One line: "privacy@spotify.com", or the web form, or "by post".
    pub fn reach(&self) -> String {
        match (&self.email, &self.webform) {
            (Some(email), _) => email.clone(),
            (None, Some(form)) => format!("web form {form}"),
            (None, None) => "by post (address below)".to_owned(),
        }
    }
}

fn country_label(code: &str) -> String {
    contacts::country_name(code).map(str::to_owned).unwrap_or_else(|| code.to_uppercase())
}

/// The names a company goes by in the statements and the map, in the order to try them: the row's name
/// first, then every other name its statements use.
pub fn company_names(row: Option<&Row>, statements: &[Statement], company: &str) -> Vec<String> {
    let mut names = vec![company.to_owned()];
    if let Some(row) = row {
        for &i in &row.statements {
            if let Some(s) = statements.get(i)
                && !names.contains(&s.company)
            {
                names.push(s.company.clone());
            }
        }
    }
    names
}

/// The outcome of looking a company's names up: the first name that reaches any record decides, as the
/// first form that is a key decides inside the matcher, so a later, looser name never overrides it.
pub fn find_contact<'a>(index: &ContactIndex<'a>, names: &[String], country: Option<&str>) -> Lookup<'a> {
    let mut first_unmatched = None;
    for name in names {
        let found = index.lookup(name, country);
        if found.reached() {
            return found;
        }
        first_unmatched.get_or_insert(found);
    }
    first_unmatched.unwrap_or(Lookup::Unmatched { suggestions: Vec::new() })
}

/// What to do about every company on the map, without a country: see [`actions_with`].
pub fn actions(map: &DataMap, statements: &[Statement]) -> Vec<Action> {
    actions_with(map, statements, &Options::default())
}

/// One action per row of the "Who had access" table, in its order, then the map's companies that have no
/// statement (an advertiser whose ad was only shown, an app that only posted).
pub fn actions_with(map: &DataMap, statements: &[Statement], options: &Options) -> Vec<Action> {
    let rows = crate::exposure::rows(statements);
    // Looked up once, not per row: a heavy export has thousands of rows and thousands of companies.
    let mut by_name: HashMap<&str, Vec<&Company>> = HashMap::new();
    for c in &map.companies {
        by_name.entry(c.name.as_str()).or_default().push(c);
    }
    let covered: HashSet<String> = statements.iter().map(|s| s.company.to_lowercase()).collect();
    let mut out: Vec<Action> = rows
        .iter()
        .map(|row| action_for(map, statements, Some(row), &row.company, options, None, Some(&by_name)))
        .collect();
    for company in &map.companies {
        if !covered.contains(&company.name.to_lowercase()) {
            out.push(action_for(map, statements, None, &company.name, options, None, Some(&by_name)));
        }
    }
    out
}

/// What to do about one company (a row's name, a statement's company or a map company), or `None` if neither
/// the statements nor the map name it.
pub fn action(map: &DataMap, statements: &[Statement], company: &str, options: &Options) -> Option<Action> {
    action_choosing(map, statements, company, options, None)
}

/// [`action`], with the contact record the person chose (a slug) when several fit the name; an unknown slug
/// is ignored.
pub fn action_choosing(
    map: &DataMap,
    statements: &[Statement],
    company: &str,
    options: &Options,
    record: Option<&str>,
) -> Option<Action> {
    let rows = crate::exposure::rows(statements);
    if let Some(row) = find_row(&rows, statements, company) {
        return Some(action_for(map, statements, Some(row), &row.company, options, record, None));
    }
    map.companies
        .iter()
        .find(|c| c.name.eq_ignore_ascii_case(company))
        .map(|c| action_for(map, statements, None, &c.name, options, record, None))
}

/// The row whose name, or one of whose statements' company names, is `company` (case ignored).
pub fn find_row<'r>(rows: &'r [Row], statements: &[Statement], company: &str) -> Option<&'r Row> {
    rows.iter().find(|r| r.company.eq_ignore_ascii_case(company)).or_else(|| {
        rows.iter().find(|r| {
            r.statements.iter().any(|&i| statements.get(i).is_some_and(|s| s.company.eq_ignore_ascii_case(company)))
        })
    })
}

/// The map's companies a row's statements name.
pub fn map_companies<'m>(
    map: &'m DataMap,
    statements: &[Statement],
    row: Option<&Row>,
    company: &str,
) -> Vec<&'m Company> {
    let names = company_names(row, statements, company);
    map.companies.iter().filter(|c| names.iter().any(|n| n == &c.name)).collect()
}

fn action_for<'m>(
    map: &'m DataMap,
    statements: &[Statement],
    row: Option<&Row>,
    company: &str,
    options: &Options,
    record: Option<&str>,
    by_name: Option<&HashMap<&str, Vec<&'m Company>>>,
) -> Action {
    let names = company_names(row, statements, company);
    let own: Vec<&Statement> = match row {
        Some(row) => row.statements.iter().filter_map(|&i| statements.get(i)).collect(),
        None => Vec::new(),
    };
    let companies = match by_name {
        Some(by_name) => {
            names.iter().filter_map(|n| by_name.get(n.as_str())).flatten().copied().collect::<Vec<&Company>>()
        }
        None => map_companies(map, statements, row, company),
    };
    let in_export = !companies.is_empty() || own.iter().any(|s| s.confidence != Confidence::Reported);
    let chosen = record.and_then(|slug| contacts::builtin().and_then(|all| all.record(slug).map(|r| (all, r))));
    let (contact, candidates) = match (contacts::builtin(), contacts::builtin_index()) {
        _ if chosen.is_some() => {
            let (all, r) = chosen.expect("checked");
            (Some(Contact::from_record(all, r, "chosen by you".to_owned(), options)), Vec::new())
        }
        (Some(all), Some(index)) => match find_contact(index, &names, options.country.as_deref()) {
            Lookup::Matched(m) => (Some(Contact::from_record(all, m.record, m.explain(), options)), Vec::new()),
            Lookup::Ambiguous { candidates, .. } => (
                None,
                candidates
                    .iter()
                    .map(|r| Candidate { record: r.slug.clone(), name: r.name.clone(), countries: r.countries.clone() })
                    .collect(),
            ),
            Lookup::Unmatched { .. } => (None, Vec::new()),
        },
        _ => (None, Vec::new()),
    };
    let steps = steps::steps(&steps::Input {
        company,
        statements: &own,
        companies: &companies,
        contact: contact.as_ref(),
        candidates: &candidates,
        in_export,
        options,
    });
    Action { company: company.to_owned(), contact, steps, contact_candidates: candidates, in_export }
}

/// A few words for the table's row: "Remove the app · Clear off-Meta history · Ask privacy@spotify.com".
pub fn row_summary(action: &Action) -> String {
    let mut parts: Vec<String> = Vec::new();
    for step in &action.steps {
        let words = match step.kind {
            StepKind::RemoveApp => "Remove the app",
            StepKind::ClearOffMetaActivity => "Clear off-Meta history",
            StepKind::HideAds => "Hide its ads",
            StepKind::LeaveAdvertiserList => "Leave its list",
            _ => continue,
        };
        if !parts.iter().any(|p| p == words) {
            parts.push(words.to_owned());
        }
    }
    match &action.contact {
        Some(c) => parts.push(format!("Ask {}", c.reach())),
        None if !action.contact_candidates.is_empty() => parts.push("Choose its privacy contact".to_owned()),
        None => parts.push("No privacy contact bundled".to_owned()),
    }
    parts.join(" · ")
}
