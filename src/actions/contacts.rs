//! The bundled privacy contacts (`assets/contacts.json`, built by `tools/build_contacts.py` from the CC0
//! snapshot of the datarequests.org company database) and the matcher that finds a company's record by
//! name, brand ("runs") or web domain, as docs/contacts-matching.md describes.
//!
//! A wrong match is worse than none: the letter datamap drafts carries the person's name and address, and
//! sent to the wrong company it hands them to a stranger. So a name matches only when one of a few
//! normalised forms of it equals, whole, a key made from a record; several records behind one key are told
//! apart by a fixed order of rules (the person's country, the kind of key, the group's record for all
//! countries within one family, the same mailbox) or the answer is "ambiguous", which matches nothing and
//! lists the candidates. Every match says which record, by what, and why.

use super::names::{
    PLATFORM_SUFFIXES, as_host, brand, exact_key, key, key_words, paren_contents, prefold, registrable, safe,
    says_former, strip_parens, subtitle_head, suffix_len,
};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const BUILTIN_JSON: &str = include_str!("../../assets/contacts.json");

/// The asset layout this code reads; the generator writes it.
pub const CONTACTS_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contacts {
    pub version: u32,
    pub snapshot: Snapshot,
    pub companies: Vec<CompanyRecord>,
    pub authorities: Vec<Authority>,
}

/// Where the records come from: repository, commit, date and licence of the snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub repository: String,
    pub commit: String,
    pub date: String,
    pub licence: String,
    pub url: String,
    /// `{kind}` is "companies" or "supervisory-authorities", `{slug}` the record.
    pub record_url: String,
    pub page_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyRecord {
    pub slug: String,
    /// The legal name, for the letter's address.
    pub name: String,
    /// Brands and subsidiaries it runs, verbatim; "(ehem.)" or "(formerly)" marks a former name.
    #[serde(default)]
    pub runs: Vec<String>,
    pub web: Option<String>,
    /// Its own hosts (lowercase, no `www.`), only where `web` is the site itself.
    #[serde(default)]
    pub domains: Vec<String>,
    /// Hosts named in `runs` entries.
    #[serde(default)]
    pub runs_domains: Vec<String>,
    pub email: Option<String>,
    pub webform: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    /// Lines separated by `\n`, country last.
    pub address: String,
    /// `["all"]` or ISO 3166-1 codes, lowercase (`gb` for the UK).
    pub countries: Vec<String>,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub required_elements: Vec<RequiredElement>,
    /// email, letter, fax or webform: the snapshot's suggestion or its documented default.
    pub transport: String,
    pub request_language: Option<String>,
    #[serde(default)]
    pub needs_id_document: bool,
    /// `tracking`, `church_dsg_ekd`, `church_kdg` or `special`.
    pub request_kind: Option<String>,
    #[serde(default)]
    pub nsfw: bool,
    pub quality: String,
    /// The record's own source (usually the company's privacy policy).
    pub source: String,
    #[serde(default)]
    pub comments: Vec<String>,
    /// Identical records folded into this one by the generator.
    #[serde(default)]
    pub also: Vec<String>,
}

impl CompanyRecord {
    pub fn for_all_countries(&self) -> bool {
        self.countries.len() == 1 && self.countries[0] == "all"
    }

    pub fn is_for(&self, country: &str) -> bool {
        self.for_all_countries() || self.countries.iter().any(|c| c == country)
    }

    pub fn countries_label(&self) -> String {
        if self.for_all_countries() { "all countries".to_owned() } else { self.countries.join(", ") }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequiredElement {
    pub desc: String,
    /// input, textarea, email, address, name or birthdate.
    #[serde(rename = "type")]
    pub kind: String,
    pub optional: bool,
}

/// A data protection supervisory authority: where a person complains.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    pub slug: String,
    pub name: String,
    pub country: String,
    pub jurisdiction: Jurisdiction,
    pub address: String,
    pub email: Option<String>,
    /// The complaint form.
    pub webform: Option<String>,
    pub web: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub complaint_language: Option<String>,
    pub transport: Option<String>,
    #[serde(default)]
    pub comments: Vec<String>,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// national, state, federal, church or broadcasting.
    pub scope: String,
    /// ISO 3166-2 ("DE-BY") for a German state's authority.
    pub region: Option<String>,
    /// Bavaria has one authority for the private sector and one for the public.
    pub sector: Option<String>,
    pub church: Option<String>,
}

/// The authority a person in `country` (and, in Germany, `region`) complains to about a company.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorityChoice<'a> {
    Found(&'a Authority),
    /// Germany: each federal state has its own authority for companies; the person must say which.
    NeedsRegion,
    /// The snapshot lists no authority for this country.
    NotListed,
}

/// The German federal states, as the snapshot's ISO 3166-2 codes, with their names.
pub const GERMAN_STATES: &[(&str, &str)] = &[
    ("DE-BW", "Baden-Württemberg"),
    ("DE-BY", "Bayern"),
    ("DE-BE", "Berlin"),
    ("DE-BB", "Brandenburg"),
    ("DE-HB", "Bremen"),
    ("DE-HH", "Hamburg"),
    ("DE-HE", "Hessen"),
    ("DE-MV", "Mecklenburg-Vorpommern"),
    ("DE-NI", "Niedersachsen"),
    ("DE-NW", "Nordrhein-Westfalen"),
    ("DE-RP", "Rheinland-Pfalz"),
    ("DE-SL", "Saarland"),
    ("DE-SN", "Sachsen"),
    ("DE-ST", "Sachsen-Anhalt"),
    ("DE-SH", "Schleswig-Holstein"),
    ("DE-TH", "Thüringen"),
];

/// The countries the snapshot's records use, with their English names, for the country choice.
pub const COUNTRIES: &[(&str, &str)] = &[
    ("at", "Austria"),
    ("be", "Belgium"),
    ("bg", "Bulgaria"),
    ("hr", "Croatia"),
    ("cy", "Cyprus"),
    ("cz", "Czechia"),
    ("dk", "Denmark"),
    ("ee", "Estonia"),
    ("fi", "Finland"),
    ("fr", "France"),
    ("de", "Germany"),
    ("gr", "Greece"),
    ("hu", "Hungary"),
    ("is", "Iceland"),
    ("ie", "Ireland"),
    ("it", "Italy"),
    ("lv", "Latvia"),
    ("li", "Liechtenstein"),
    ("lt", "Lithuania"),
    ("lu", "Luxembourg"),
    ("mt", "Malta"),
    ("nl", "Netherlands"),
    ("no", "Norway"),
    ("pl", "Poland"),
    ("pt", "Portugal"),
    ("ro", "Romania"),
    ("sk", "Slovakia"),
    ("si", "Slovenia"),
    ("es", "Spain"),
    ("se", "Sweden"),
    ("ch", "Switzerland"),
    ("gb", "United Kingdom"),
];

pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRIES.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

impl Contacts {
    pub fn parse(json: &str) -> Result<Contacts, String> {
        let contacts: Contacts = serde_json::from_str(json).map_err(|e| format!("contacts.json: {e}"))?;
        if contacts.version != CONTACTS_VERSION {
            return Err(format!(
                "contacts.json has layout version {}, this datamap reads {CONTACTS_VERSION}",
                contacts.version
            ));
        }
        Ok(contacts)
    }

    pub fn record(&self, slug: &str) -> Option<&CompanyRecord> {
        self.companies.binary_search_by(|r| r.slug.as_str().cmp(slug)).ok().map(|i| &self.companies[i])
    }

    /// The record's file in the snapshot's repository, at the snapshot's commit.
    pub fn record_url(&self, slug: &str) -> String {
        self.snapshot.record_url.replace("{kind}", "companies").replace("{slug}", slug)
    }

    /// The record's page on datarequests.org.
    pub fn page_url(&self, slug: &str) -> String {
        self.snapshot.page_url.replace("{slug}", slug)
    }

    pub fn authority_url(&self, slug: &str) -> String {
        self.snapshot.record_url.replace("{kind}", "supervisory-authorities").replace("{slug}", slug)
    }

    /// One line naming the snapshot: "datarequests.org company database (datenanfragen/data at 0a29c3d,
    /// 2026-07-21, CC0-1.0)".
    pub fn provenance(&self) -> String {
        let s = &self.snapshot;
        let short = s.commit.get(..7).unwrap_or(&s.commit);
        format!("datarequests.org company database ({} at {short}, {}, {})", s.repository, s.date, s.licence)
    }

    /// The authority for complaints about companies: the national one, or in Germany the state's (for
    /// Bavaria its private-sector authority).
    pub fn authority_for(&self, country: &str, region: Option<&str>) -> AuthorityChoice<'_> {
        let country = country.to_ascii_lowercase();
        if country == "de" {
            let Some(region) = region else { return AuthorityChoice::NeedsRegion };
            return self
                .authorities
                .iter()
                .find(|a| {
                    a.country == "de"
                        && a.jurisdiction.scope == "state"
                        && a.jurisdiction.region.as_deref().is_some_and(|r| r.eq_ignore_ascii_case(region))
                        && a.jurisdiction.sector.as_deref().is_none_or(|s| s == "private")
                })
                .map_or(AuthorityChoice::NotListed, AuthorityChoice::Found);
        }
        self.authorities
            .iter()
            .find(|a| a.country == country && a.jurisdiction.scope == "national")
            .map_or(AuthorityChoice::NotListed, AuthorityChoice::Found)
    }
}

static BUILTIN: OnceLock<Result<Contacts, String>> = OnceLock::new();
static BUILTIN_INDEX: OnceLock<Option<ContactIndex<'static>>> = OnceLock::new();

/// The bundled contacts, or `None` if the asset failed to load ([`builtin_error`] says why).
pub fn builtin() -> Option<&'static Contacts> {
    BUILTIN.get_or_init(|| Contacts::parse(BUILTIN_JSON)).as_ref().ok()
}

pub fn builtin_error() -> Option<&'static str> {
    BUILTIN.get_or_init(|| Contacts::parse(BUILTIN_JSON)).as_ref().err().map(String::as_str)
}

/// The index over the bundled contacts, built once.
pub fn builtin_index() -> Option<&'static ContactIndex<'static>> {
    BUILTIN_INDEX.get_or_init(|| builtin().map(ContactIndex::new)).as_ref()
}

/// How directly a key names a record; the best rank among the candidates wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rank {
    /// The record's own name, or its own site's brand confirmed by its name.
    Name,
    /// A brand in its `runs` list.
    Runs,
    /// A former name in its `runs` list.
    FormerName,
}

impl Rank {
    pub fn label(self) -> &'static str {
        match self {
            Rank::Name => "name",
            Rank::Runs => "runs",
            Rank::FormerName => "former name",
        }
    }
}

/// What a match was made by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    Domain,
    ExactName,
    Key(Rank),
}

impl How {
    pub fn label(self) -> &'static str {
        match self {
            How::Domain => "domain",
            How::ExactName => "exact name",
            How::Key(rank) => rank.label(),
        }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    record: usize,
    rank: Rank,
    via: String,
}

/// Keys, exact names and hosts of every record, built once per asset.
pub struct ContactIndex<'a> {
    pub contacts: &'a Contacts,
    keys: HashMap<String, Vec<Entry>>,
    exact: HashMap<String, Vec<usize>>,
    domains: HashMap<String, Vec<(usize, Rank)>>,
    /// Keys left out because they are too short or only generic words: (slug, text, key).
    pub refused: Vec<(String, String, String)>,
}

/// A record found for a name, and why.
#[derive(Debug, Clone)]
pub struct Matched<'a> {
    pub record: &'a CompanyRecord,
    pub how: How,
    /// The form of the name that matched.
    pub form: String,
    /// The record text it equalled ("runs 'Tinder (tinder.com)'").
    pub via: String,
    /// The rules that chose this record among others, and a note when it is not for the person's country.
    pub reason: String,
    /// Other records the same form reached ("also listed under this name").
    pub others: Vec<&'a CompanyRecord>,
}

impl Matched<'_> {
    /// "name 'Spotify AB'", "domain 'spotify.com'", with the choice made among others when there was one.
    pub fn explain(&self) -> String {
        let mut out = format!("by {}: '{}' = {}", self.how.label(), self.form, self.via);
        if !self.reason.is_empty() && self.reason != "the only record" {
            out.push_str("; ");
            out.push_str(&self.reason);
        }
        out
    }
}

#[derive(Debug, Clone)]
pub enum Lookup<'a> {
    Matched(Matched<'a>),
    /// Several records fit and no rule picks one: the person chooses.
    Ambiguous {
        form: String,
        candidates: Vec<&'a CompanyRecord>,
        reason: String,
    },
    /// Nothing fits. `suggestions` are records whose key is a leading part of the name ("Amazon Music" →
    /// Amazon's records), for the person to confirm, never a match.
    Unmatched {
        suggestions: Vec<&'a CompanyRecord>,
    },
}

impl<'a> Lookup<'a> {
    pub fn record(&self) -> Option<&'a CompanyRecord> {
        match self {
            Lookup::Matched(m) => Some(m.record),
            _ => None,
        }
    }

    pub fn slug(&self) -> Option<&'a str> {
        self.record().map(|r| r.slug.as_str())
    }

    /// Whether the name reached any record at all (matched or ambiguous).
    pub fn reached(&self) -> bool {
        !matches!(self, Lookup::Unmatched { .. })
    }
}

/// If `words` start with the domain brand `lead`, written the same or run together ("conde nast" for
/// condenast.com), the keys to index.
fn leading_keys(words: &[String], lead: &[String]) -> Vec<String> {
    if words.len() >= lead.len() && words[..lead.len()] == *lead {
        return vec![lead.join(" ")];
    }
    let joined = lead.concat();
    for n in 2..=words.len() {
        if words[..n].concat() == joined {
            let spaced = words[..n].join(" ");
            return if spaced == joined { vec![joined] } else { vec![joined, spaced] };
        }
    }
    Vec::new()
}

/// Keys of a name or runs entry: as written and without parentheses, skipping forms that are hosts.
fn text_keys(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for form in [text.to_owned(), strip_parens(text)] {
        if !form.is_empty() && as_host(&form).is_none() {
            let k = key(&form);
            if !out.contains(&k) {
                out.push(k);
            }
        }
    }
    out
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

impl<'a> ContactIndex<'a> {
    pub fn new(contacts: &'a Contacts) -> ContactIndex<'a> {
        let mut index = ContactIndex {
            contacts,
            keys: HashMap::new(),
            exact: HashMap::new(),
            domains: HashMap::new(),
            refused: Vec::new(),
        };
        for (i, r) in contacts.companies.iter().enumerate() {
            index.add_record(i, r);
        }
        index
    }

    /// How many keys are indexed (for the README's figures and a sanity test).
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    fn add(&mut self, k: String, entry: Entry, text: &str) {
        if !safe(&k) {
            let slug = self.contacts.companies[entry.record].slug.clone();
            self.refused.push((slug, text.to_owned(), k));
            return;
        }
        let bucket = self.keys.entry(k).or_default();
        match bucket.iter_mut().find(|e| e.record == entry.record) {
            Some(existing) => {
                if entry.rank < existing.rank {
                    *existing = entry;
                }
            }
            None => bucket.push(entry),
        }
    }

    fn add_record(&mut self, i: usize, r: &CompanyRecord) {
        let name = prefold(&r.name);
        let name_via = format!("name '{}'", r.name);
        let mut name_words: Vec<Vec<String>> = Vec::new();
        let mut runs_words: Vec<Vec<String>> = Vec::new();
        // "Match.com", "Weekday.com": the name is a host, and its brand is the name.
        if let Some(b) = as_host(&name).and_then(|h| brand(&h)) {
            self.add(key(&b), Entry { record: i, rank: Rank::Name, via: name_via.clone() }, &name);
        }
        for k in text_keys(&name) {
            name_words.push(k.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect());
            self.add(k, Entry { record: i, rank: Rank::Name, via: name_via.clone() }, &name);
        }
        let full = exact_key(&name);
        if safe(&full) {
            self.exact.entry(full).or_default().push(i);
        }
        for raw in &r.runs {
            let entry = prefold(raw);
            let via = format!("runs '{raw}'");
            let former = paren_contents(&entry).iter().any(|p| says_former(p));
            let bare = strip_parens(&entry);
            if let Some(host) = as_host(&bare) {
                // A host is covered by runs_domains; a former one keeps its brand as a former name.
                if former && let Some(b) = brand(&host) {
                    self.add(key(&b), Entry { record: i, rank: Rank::FormerName, via }, &entry);
                }
                continue;
            }
            let (keys, rank) =
                if former { (text_keys(&bare), Rank::FormerName) } else { (text_keys(&entry), Rank::Runs) };
            for k in keys {
                if !former {
                    runs_words.push(k.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect());
                }
                self.add(k, Entry { record: i, rank, via: via.clone() }, &entry);
            }
        }
        // Every host for host lookups; the brand of a registrable one as a key only when the record's name
        // (or one of its runs entries) starts with it: test.de, hr.de or live.com give nothing.
        for (hosts, host_rank) in [(&r.domains, Rank::Name), (&r.runs_domains, Rank::Runs)] {
            for d in hosts {
                let bucket = self.domains.entry(d.clone()).or_default();
                if !bucket.iter().any(|(rec, _)| *rec == i) {
                    bucket.push((i, host_rank));
                }
                if registrable(d).as_deref() != Some(d.as_str()) {
                    continue;
                }
                let Some(b) = brand(d) else { continue };
                let lead = key_words(&b);
                let mut by_name = Vec::new();
                for w in &name_words {
                    for k in leading_keys(w, &lead) {
                        push_unique(&mut by_name, k);
                    }
                }
                let mut by_runs = Vec::new();
                for w in &runs_words {
                    for k in leading_keys(w, &lead) {
                        push_unique(&mut by_runs, k);
                    }
                }
                for k in &by_name {
                    let via = format!("name '{}' + domain '{d}'", r.name);
                    self.add(k.clone(), Entry { record: i, rank: Rank::Name, via }, d);
                }
                for k in by_runs {
                    if !by_name.contains(&k) {
                        let via = format!("runs entry + domain '{d}'");
                        self.add(k, Entry { record: i, rank: Rank::Runs, via }, d);
                    }
                }
            }
        }
    }

    fn rec(&self, i: usize) -> &'a CompanyRecord {
        &self.contacts.companies[i]
    }

    /// Find the record for a name from an export. `country` is the person's, ISO 3166-1 alpha-2 (`gb` for
    /// the UK), when known.
    pub fn lookup(&self, name: &str, country: Option<&str>) -> Lookup<'a> {
        let country = country.map(str::to_ascii_lowercase);
        let country = country.as_deref().filter(|c| !c.is_empty());
        let name = prefold(name);
        if name.is_empty() {
            return Lookup::Unmatched { suggestions: Vec::new() };
        }
        let host = as_host(&name);
        let forms: Vec<String> = if let Some(host) = &host {
            let labels: Vec<&str> = host.split('.').collect();
            let floor = suffix_len(&labels) + 1;
            // The host itself, then each parent down to the registrable one: the longest listed host wins.
            for start in 0..(labels.len() + 1).saturating_sub(floor) {
                let h = labels[start..].join(".");
                if let Some(owners) = self.domains.get(&h) {
                    let ranks: Vec<(usize, Rank)> = owners.clone();
                    let via = format!("domain '{h}'");
                    return self.decide(ranks, country, How::Domain, host.clone(), via, |_| None);
                }
            }
            brand(host).map(|b| key(&b)).filter(|k| safe(k)).into_iter().collect()
        } else {
            let full = exact_key(&name);
            if let Some(records) = self.exact.get(&full) {
                let ranks: Vec<(usize, Rank)> = records.iter().map(|&i| (i, Rank::Name)).collect();
                return self.decide(ranks, country, How::ExactName, full, String::new(), |rec| {
                    Some(format!("name '{}'", rec.name))
                });
            }
            query_forms(&name)
        };
        for form in forms {
            let Some(entries) = self.keys.get(&form) else { continue };
            let ranks: Vec<(usize, Rank)> = entries.iter().map(|e| (e.record, e.rank)).collect();
            let (chosen, reason, left) = self.choose(&ranks, country);
            return match chosen {
                Some(i) => {
                    let e = entries.iter().find(|e| e.record == i).expect("the chosen record has an entry");
                    Lookup::Matched(Matched {
                        record: self.rec(i),
                        how: How::Key(e.rank),
                        form,
                        via: e.via.clone(),
                        reason,
                        others: self.others(&ranks, i),
                    })
                }
                None => Lookup::Ambiguous { form, candidates: left.iter().map(|&i| self.rec(i)).collect(), reason },
            };
        }
        let suggestions = if host.is_none() { self.suggestions(&name) } else { Vec::new() };
        Lookup::Unmatched { suggestions }
    }

    fn others(&self, ranks: &[(usize, Rank)], chosen: usize) -> Vec<&'a CompanyRecord> {
        let mut others: Vec<&CompanyRecord> =
            ranks.iter().filter(|(i, _)| *i != chosen).map(|(i, _)| self.rec(*i)).collect();
        others.sort_by(|a, b| a.slug.cmp(&b.slug));
        others.dedup_by(|a, b| a.slug == b.slug);
        others
    }

    fn decide(
        &self,
        ranks: Vec<(usize, Rank)>,
        country: Option<&str>,
        how: How,
        form: String,
        via: String,
        via_of: impl Fn(&CompanyRecord) -> Option<String>,
    ) -> Lookup<'a> {
        let (chosen, reason, left) = self.choose(&ranks, country);
        match chosen {
            Some(i) => {
                let record = self.rec(i);
                let via = via_of(record).unwrap_or(via);
                let others = if how == How::ExactName { Vec::new() } else { self.others(&ranks, i) };
                Lookup::Matched(Matched { record, how, form, via, reason, others })
            }
            None => Lookup::Ambiguous { form, candidates: left.iter().map(|&i| self.rec(i)).collect(), reason },
        }
    }

    /// docs/contacts-matching.md section 5. Returns the chosen record, the reason, and the records left in
    /// play.
    fn choose(&self, ranks: &[(usize, Rank)], country: Option<&str>) -> (Option<usize>, String, Vec<usize>) {
        let mut best_rank: HashMap<usize, Rank> = HashMap::new();
        for &(i, rank) in ranks {
            let e = best_rank.entry(i).or_insert(rank);
            *e = (*e).min(rank);
        }
        let slug = |i: usize| self.rec(i).slug.as_str();
        let mut cands: Vec<usize> = best_rank.keys().copied().collect();
        cands.sort_by(|a, b| slug(*a).cmp(slug(*b)));
        let mut notes: Vec<String> = Vec::new();
        let names = |list: &[usize]| format!("[{}]", list.iter().map(|&i| slug(i)).collect::<Vec<_>>().join(", "));
        // A: records for the person's country (or for all) first, if there are any.
        if let Some(country) = country {
            let fit: Vec<usize> = cands.iter().copied().filter(|&i| self.rec(i).is_for(country)).collect();
            if !fit.is_empty() && fit.len() < cands.len() {
                let dropped: Vec<usize> = cands.iter().copied().filter(|i| !fit.contains(i)).collect();
                notes.push(format!("dropped {} (not for {country})", names(&dropped)));
                cands = fit;
            }
        }
        // B: the most direct kind of key.
        let best = cands.iter().map(|i| best_rank[i]).min().unwrap_or(Rank::Name);
        let top: Vec<usize> = cands.iter().copied().filter(|i| best_rank[i] == best).collect();
        if top.len() < cands.len() {
            let beaten: Vec<usize> = cands.iter().copied().filter(|i| !top.contains(i)).collect();
            notes.push(format!("{} beats {}", best.label(), names(&beaten)));
        }
        cands = top;
        let prefix = notes.join("; ");
        let done = |i: usize, why: String, cands: Vec<usize>| {
            let mut why = why;
            let rec = self.rec(i);
            if let Some(country) = country
                && !rec.is_for(country)
            {
                why.push_str(&format!("; note: the record is for {}, not {country}", rec.countries.join(",")));
            }
            let reason = [prefix.as_str(), why.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
            (Some(i), reason.join("; "), cands)
        };
        // C
        if cands.len() == 1 {
            return done(cands[0], "the only record".to_owned(), cands);
        }
        // D: the group's record for everyone, over its country branches, within one family.
        let alls: Vec<usize> = cands.iter().copied().filter(|&i| self.rec(i).for_all_countries()).collect();
        if alls.len() == 1 && self.one_family(&cands) {
            let why =
                format!("the one record for all countries among {}, which share a name, email or site", names(&cands));
            return done(alls[0], why, cands);
        }
        // E: the person's country.
        if let Some(country) = country {
            let local: Vec<usize> =
                cands.iter().copied().filter(|&i| self.rec(i).countries.iter().any(|c| c == country)).collect();
            if local.len() == 1 {
                return done(local[0], format!("the one record listing {country} among {}", names(&cands)), cands);
            }
            if local.len() > 1 {
                let width = local.iter().map(|&i| self.rec(i).countries.len()).min().unwrap_or(0);
                let narrow: Vec<usize> =
                    local.iter().copied().filter(|&i| self.rec(i).countries.len() == width).collect();
                if narrow.len() == 1 {
                    let why = format!("the narrowest record listing {country} among {}", names(&local));
                    return done(narrow[0], why, cands);
                }
            }
        }
        // F: one mailbox whichever is chosen.
        let emails: HashSet<String> =
            cands.iter().map(|&i| self.rec(i).email.as_deref().unwrap_or("").to_lowercase()).collect();
        if emails.len() == 1 && !emails.contains("") {
            let email = emails.into_iter().next().unwrap_or_default();
            return done(cands[0], format!("all of {} share the email {email}; first by slug", names(&cands)), cands);
        }
        // G: ambiguous.
        let mut why = if alls.len() == 1 {
            let rest: Vec<usize> = cands.iter().copied().filter(|i| *i != alls[0]).collect();
            format!("{} is for all countries but shares no name, email or site with {}", slug(alls[0]), names(&rest))
        } else {
            "no single record for all countries".to_owned()
        };
        match country {
            Some(c) => why.push_str(&format!(" and no single record for {c}")),
            None => why.push_str(" and no country given"),
        }
        let reason = [prefix.as_str(), why.as_str()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>();
        (None, reason.join("; "), cands)
    }

    /// What ties records of one organisation together: the name key, the registrable part of the email's
    /// domain and of each own domain.
    fn family_marks(&self, i: usize) -> HashSet<String> {
        let r = self.rec(i);
        let mut marks = HashSet::new();
        marks.insert(format!("name:{}", key(&prefold(&r.name))));
        if let Some(domain) = r.email.as_deref().and_then(|e| e.rsplit_once('@')).map(|(_, d)| d.to_lowercase())
            && let Some(reg) = registrable(&domain)
        {
            marks.insert(format!("host:{reg}"));
        }
        for d in &r.domains {
            if let Some(reg) = registrable(d) {
                marks.insert(format!("host:{reg}"));
            }
        }
        marks
    }

    /// True if the records are connected through shared marks.
    fn one_family(&self, records: &[usize]) -> bool {
        let marks: Vec<HashSet<String>> = records.iter().map(|&i| self.family_marks(i)).collect();
        let mut seen = vec![false; records.len()];
        let mut todo = vec![0];
        seen[0] = true;
        while let Some(cur) = todo.pop() {
            for other in 0..records.len() {
                if !seen[other] && !marks[cur].is_disjoint(&marks[other]) {
                    seen[other] = true;
                    todo.push(other);
                }
            }
        }
        seen.iter().all(|s| *s)
    }

    /// Records whose key equals a leading part of the name; nsfw records are left out.
    fn suggestions(&self, name: &str) -> Vec<&'a CompanyRecord> {
        let base = subtitle_head(name).unwrap_or_else(|| name.to_owned());
        let words: Vec<String> =
            key(&strip_parens(&base)).split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        for n in (1..words.len()).rev() {
            let k = words[..n].join(" ");
            if safe(&k)
                && let Some(entries) = self.keys.get(&k)
            {
                let mut out: Vec<&CompanyRecord> =
                    entries.iter().map(|e| self.rec(e.record)).filter(|r| !r.nsfw).collect();
                out.sort_by(|a, b| a.slug.cmp(&b.slug));
                out.dedup_by(|a, b| a.slug == b.slug);
                return out;
            }
        }
        Vec::new()
    }
}

/// The forms of a looked-up name, most literal first (docs/contacts-matching.md 4.3).
fn query_forms(name: &str) -> Vec<String> {
    let mut forms = vec![key(name)];
    let mut base = name.to_owned();
    if let Some(head) = subtitle_head(name) {
        forms.push(key(&head));
        base = head;
    }
    let stripped = strip_parens(&base);
    let stripped_key = key(&stripped);
    forms.push(stripped_key.clone());
    let mut words: Vec<String> = stripped_key.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
    'strip: loop {
        for phrase in PLATFORM_SUFFIXES {
            let n = phrase.len();
            if words.len() > n && words[words.len() - n..].iter().zip(phrase.iter()).all(|(w, p)| w == p) {
                words.truncate(words.len() - n);
                forms.push(words.join(" "));
                continue 'strip;
            }
        }
        break;
    }
    let mut out: Vec<String> = Vec::new();
    for (i, f) in forms.into_iter().enumerate() {
        if !f.is_empty() && !out.contains(&f) && (i == 0 || safe(&f)) {
            out.push(f);
        }
    }
    out
}
