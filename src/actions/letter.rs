//! Request letters, written offline: access, erasure or objection, under the GDPR or the CCPA, in English or
//! German (our own wording; the snapshot's templates only showed which elements a letter needs).
//!
//! A letter is addressed from the bundled record, cites the articles, and lists what the export shows about
//! the company, worded as the statements are: what the export itself shows is said in the first person
//! ("I connected X on DATE"), what the public record says is attributed to it ("public reporting says X
//! could reach ..."), with what the export shows of the condition and what it does not. It never says "you
//! collected my data".
//!
//! The sender's name, address and email are placeholders unless the request carries them; the library never
//! writes them anywhere. A redacted letter always uses the placeholders, and no letter names a friend, a
//! thread or a message folder: the addressee is the only party named besides the companies.

use super::contacts::{self, AuthorityChoice, CompanyRecord, Lookup};
use super::{Candidate, Contact, Options, company_names, find_contact, find_row, map_companies};
use crate::catalog::{self, DatePoint, Deal, Qualifier, Via};
use crate::exposure::{Confidence, Ending, Kind, Statement};
use crate::model::{Company, CompanySource, DataMap, Unix, format_date};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LetterKind {
    /// GDPR Art. 15; CCPA right to know.
    #[default]
    Access,
    /// GDPR Art. 17; CCPA right to delete.
    Erasure,
    /// GDPR Art. 21; CCPA opt-out of sale and sharing.
    Objection,
}

impl LetterKind {
    pub const ALL: [LetterKind; 3] = [LetterKind::Access, LetterKind::Erasure, LetterKind::Objection];

    pub fn as_str(self) -> &'static str {
        match self {
            LetterKind::Access => "access",
            LetterKind::Erasure => "erasure",
            LetterKind::Objection => "objection",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LetterKind::Access => "Access (a copy of my data)",
            LetterKind::Erasure => "Erasure",
            LetterKind::Objection => "Objection",
        }
    }
}

impl FromStr for LetterKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "access" => Ok(LetterKind::Access),
            "erasure" | "delete" | "deletion" => Ok(LetterKind::Erasure),
            "objection" | "object" | "opt-out" => Ok(LetterKind::Objection),
            other => Err(format!("unknown letter kind \"{other}\" (available: access, erasure, objection)")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Law {
    /// The EU's General Data Protection Regulation (also the UK's).
    #[default]
    Gdpr,
    /// The California Consumer Privacy Act, as amended by the CPRA.
    Ccpa,
}

impl Law {
    pub const ALL: [Law; 2] = [Law::Gdpr, Law::Ccpa];

    pub fn as_str(self) -> &'static str {
        match self {
            Law::Gdpr => "gdpr",
            Law::Ccpa => "ccpa",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Law::Gdpr => "GDPR (EU, EEA, UK)",
            Law::Ccpa => "CCPA (California)",
        }
    }
}

impl FromStr for Law {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "gdpr" | "dsgvo" | "rgpd" => Ok(Law::Gdpr),
            "ccpa" | "cpra" => Ok(Law::Ccpa),
            other => Err(format!("unknown law \"{other}\" (available: gdpr, ccpa)")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::De];

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
        }
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(Lang::En),
            "de" | "german" | "deutsch" => Ok(Lang::De),
            other => Err(format!("no letter wording in \"{other}\" yet (available: en, de)")),
        }
    }
}

/// Who the letter is from. Every field is optional: a missing one is a placeholder the person fills in.
/// Held only for as long as the letter is being written; nothing here is ever stored.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sender {
    pub name: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    /// A user name or customer number with the company.
    pub account: Option<String>,
}

impl fmt::Debug for Sender {
    /// Says which fields are filled, never what they hold: a debug print must not carry a name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sender")
            .field("name", &self.name.is_some())
            .field("address", &self.address.is_some())
            .field("email", &self.email.is_some())
            .field("account", &self.account.is_some())
            .finish()
    }
}

/// Everything a letter is written from.
#[derive(Debug, Clone)]
pub struct LetterRequest<'a> {
    pub map: &'a DataMap,
    pub statements: &'a [Statement],
    /// A company as the table or the map names it (case ignored).
    pub company: String,
    pub kind: LetterKind,
    pub law: Law,
    pub lang: Lang,
    /// The person's country and region, to choose among a company's country records and to name the
    /// authority.
    pub options: Options,
    /// A record the person chose (a slug), overriding the matcher: for ambiguous names.
    pub record: Option<String>,
    pub sender: Sender,
    /// The letter's date, `YYYY-MM-DD`; `None` for today (UTC).
    pub date: Option<String>,
    /// Redact mode: the sender stays placeholders whatever `sender` holds.
    pub redact: bool,
}

impl<'a> LetterRequest<'a> {
    /// An English GDPR letter of `kind` to `company`, from placeholders, dated today.
    pub fn new(map: &'a DataMap, statements: &'a [Statement], company: &str, kind: LetterKind) -> LetterRequest<'a> {
        LetterRequest {
            map,
            statements,
            company: company.to_owned(),
            kind,
            law: Law::Gdpr,
            lang: Lang::En,
            options: Options::default(),
            record: None,
            sender: Sender::default(),
            date: None,
            redact: false,
        }
    }
}

/// A written letter, with what the person should know before sending it.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub text: String,
    pub subject: String,
    /// The contact it is addressed to; `None` when no bundled record fits (the address is a placeholder).
    pub to: Option<Contact>,
    /// For the person, not part of the letter: where to send it, what the record asks for, what to fill in.
    pub notes: Vec<String>,
    /// A file name to offer when saving: `request-access-spotify.txt`.
    pub file_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterError {
    /// The bundled contacts failed to load.
    ContactsUnavailable(String),
    /// Neither the statements nor the map name this company.
    UnknownCompany { company: String },
    /// `record` is not a slug in the bundled contacts.
    UnknownRecord(String),
    /// Several records fit and none can be chosen: pick one with `record`, or give a country.
    Ambiguous { company: String, candidates: Vec<Candidate> },
}

impl fmt::Display for LetterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LetterError::ContactsUnavailable(why) => write!(f, "the bundled privacy contacts could not be read: {why}"),
            LetterError::UnknownCompany { company } => {
                write!(f, "neither the export nor the public record names a company \"{company}\"")
            }
            LetterError::UnknownRecord(slug) => write!(f, "no bundled privacy contact has the record id \"{slug}\""),
            LetterError::Ambiguous { company, candidates } => {
                let list: Vec<String> = candidates
                    .iter()
                    .map(|c| format!("{} ({}, for {})", c.record, c.name, c.countries.join(",")))
                    .collect();
                write!(
                    f,
                    "several privacy contacts fit \"{company}\": {}; give your country or choose one of these records",
                    list.join("; ")
                )
            }
        }
    }
}

impl std::error::Error for LetterError {}

/// The letter's text: see [`prepare`] for the notes that go with it.
pub fn write(request: &LetterRequest) -> Result<String, LetterError> {
    prepare(request).map(|letter| letter.text)
}

/// Write the letter, with notes for the person and the contact it is addressed to.
pub fn prepare(request: &LetterRequest) -> Result<Letter, LetterError> {
    let all = contacts::builtin()
        .ok_or_else(|| LetterError::ContactsUnavailable(contacts::builtin_error().unwrap_or("unknown").to_owned()))?;
    let index = contacts::builtin_index()
        .ok_or_else(|| LetterError::ContactsUnavailable("the index could not be built".to_owned()))?;
    let rows = crate::exposure::rows(request.statements);
    let row = find_row(&rows, request.statements, &request.company);
    let company = match row {
        Some(row) => row.company.clone(),
        None => match request.map.companies.iter().find(|c| c.name.eq_ignore_ascii_case(&request.company)) {
            Some(c) => c.name.clone(),
            None => return Err(LetterError::UnknownCompany { company: request.company.clone() }),
        },
    };
    let names = company_names(row, request.statements, &company);
    let own: Vec<&Statement> = match row {
        Some(row) => row.statements.iter().filter_map(|&i| request.statements.get(i)).collect(),
        None => Vec::new(),
    };
    let companies = map_companies(request.map, request.statements, row, &company);

    let country = request.options.country.as_deref();
    let record: Option<(&CompanyRecord, String)> = match &request.record {
        Some(slug) => {
            let r = all.record(slug).ok_or_else(|| LetterError::UnknownRecord(slug.clone()))?;
            Some((r, "chosen by you".to_owned()))
        }
        None => match find_contact(index, &names, country) {
            Lookup::Matched(m) => Some((m.record, m.explain())),
            Lookup::Ambiguous { candidates, .. } => {
                return Err(LetterError::Ambiguous {
                    company,
                    candidates: candidates
                        .iter()
                        .map(|r| Candidate {
                            record: r.slug.clone(),
                            name: r.name.clone(),
                            countries: r.countries.clone(),
                        })
                        .collect(),
                });
            }
            Lookup::Unmatched { .. } => None,
        },
    };
    let to = record.clone().map(|(r, why)| Contact::from_record(all, r, why, &request.options));
    let record = record.map(|(r, _)| r);
    let facts = gather(request, &own, &companies);
    let sender = if request.redact { Sender::default() } else { request.sender.clone() };
    let date = request.date.clone().unwrap_or_else(today);
    let authority = country.and_then(|c| match all.authority_for(c, request.options.region.as_deref()) {
        AuthorityChoice::Found(a) => Some(a.name.clone()),
        _ => None,
    });
    let record_runs: Vec<String> = record.map(|r| r.runs.clone()).unwrap_or_default();
    let tracking = record.is_some_and(|r| r.request_kind.as_deref() == Some("tracking"));
    let ctx = Ctx {
        kind: request.kind,
        law: request.law,
        company: &company,
        to: to.as_ref(),
        sender: &sender,
        date: &date,
        facts: &facts,
        runs: &record_runs,
        authority: authority.as_deref(),
        tracking,
        export_date: request.map.export_date.as_deref(),
    };
    let (subject, blocks) = match request.lang {
        Lang::En => en::letter(&ctx),
        Lang::De => de::letter(&ctx),
    };
    let text = render(&blocks);

    let mut notes = Vec::new();
    match (&to, record) {
        (Some(contact), Some(r)) => {
            notes.push(format!(
                "Addressed to {} (record \"{}\" of the {}; {}).",
                contact.name,
                r.slug,
                all.provenance(),
                contact.matched_by
            ));
            notes.push(match (&contact.email, &contact.webform, contact.transport.as_str()) {
                (_, Some(form), "webform") => {
                    format!("The record suggests its web form: {form}. Paste the letter there.")
                }
                (Some(email), _, _) => format!("Send it by email to {email}, or by post to the address in the letter."),
                (None, Some(form), _) => format!("Send it by post, or paste it into the web form: {form}."),
                (None, None, _) => "Send it by post to the address in the letter.".to_owned(),
            });
            if let Some(note) = &contact.note {
                notes.push(note.clone());
            }
            notes.extend(super::steps::record_notes(r));
        }
        _ => notes
            .push(format!("No bundled privacy contact fits {company}: fill in the addressee from its privacy policy.")),
    }
    if request.law == Law::Ccpa {
        notes.push("The CCPA covers residents of California; the letter says you are one.".to_owned());
    }
    if request.redact {
        notes.push("Redacted: your name, address and email are left as placeholders.".to_owned());
    }
    if text.contains('[') {
        notes.push("Fill in the placeholders in [brackets] before sending.".to_owned());
    }
    notes.push("datamap sends nothing: you send the letter yourself.".to_owned());
    Ok(Letter {
        text,
        subject,
        to,
        notes,
        file_name: format!("request-{}-{}.txt", request.kind.as_str(), file_slug(&company)),
    })
}

fn file_slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() { "company".to_owned() } else { out }
}

fn today() -> String {
    let now =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    format_date(now)
}

// ------------------------------------------------------------------------------------------------------
// What the export and the record say, language-neutral.
// ------------------------------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum ConnectionEnd {
    Removed(Unix),
    StillConnected(String),
    Expired,
    Unknown,
}

#[derive(Debug, Clone, PartialEq)]
enum Observed {
    Connected { app: String, added: Option<Unix>, end: ConnectionEnd },
    OffMeta { events: u64, first: Option<Unix>, last: Option<Unix>, types: Vec<(String, u64)> },
    AdvertiserList,
    AdvertiserActivity,
    AdInteraction { count: u64, first: Option<Unix>, last: Option<Unix> },
    Posted { count: u64, first: Option<Unix>, last: Option<Unix> },
    AdViewed { count: u64, first: Option<Unix>, last: Option<Unix> },
}

struct RecordFact<'s> {
    s: &'s Statement,
    deal: Option<&'static Deal>,
}

impl RecordFact<'_> {
    fn any_app(&self) -> bool {
        self.deal.is_some_and(|d| d.routes.iter().any(|r| r.via == Via::AnyApp))
    }

    fn covers_generally(&self) -> bool {
        self.deal.is_some_and(|d| d.routes.iter().any(|r| r.via == Via::None))
    }
}

struct Response {
    speaker: String,
    date: Option<String>,
    summary: String,
    url: Option<String>,
}

struct Facts<'s> {
    observed: Vec<Observed>,
    record: Vec<RecordFact<'s>>,
    responses: Vec<Response>,
    /// The export files that show it, thread folders numbered, never named.
    files: Vec<String>,
}

fn deal_of(id: &str) -> Option<&'static Deal> {
    catalog::builtin().partners.iter().find_map(|p| p.deal(id))
}

fn gather<'s>(request: &LetterRequest, own: &[&'s Statement], companies: &[&Company]) -> Facts<'s> {
    let map = request.map;
    let names = crate::redact::Pseudonyms::new(map);
    let mut facts = Facts { observed: Vec::new(), record: Vec::new(), responses: Vec::new(), files: Vec::new() };
    let span = |source: CompanySource| companies.iter().find_map(|c| c.by_source.get(&source).copied());
    for s in own {
        match s.kind {
            Kind::ConnectedApp => {
                let end = match &s.ending {
                    Ending::Ended => s.end.map_or(ConnectionEnd::Unknown, ConnectionEnd::Removed),
                    Ending::StillActive { as_of, .. } => ConnectionEnd::StillConnected(as_of.clone()),
                    Ending::EndedUnknown => ConnectionEnd::Expired,
                    _ => ConnectionEnd::Unknown,
                };
                facts.observed.push(Observed::Connected { app: s.company.clone(), added: s.start, end });
            }
            Kind::OffMetaActivity => {
                let types: Vec<(String, u64)> = companies
                    .iter()
                    .filter(|c| c.sources.contains(&CompanySource::OffMetaActivity))
                    .flat_map(|c| c.event_types.iter().map(|(k, n)| (k.clone(), *n)))
                    .collect();
                let events = span(CompanySource::OffMetaActivity).map_or(0, |sp| sp.events);
                facts.observed.push(Observed::OffMeta { events, first: s.start, last: s.end, types });
            }
            Kind::AdvertiserList => facts.observed.push(Observed::AdvertiserList),
            Kind::AdvertiserActivity => facts.observed.push(Observed::AdvertiserActivity),
            Kind::AdvertiserInteraction => {
                let count = span(CompanySource::AdvertiserInteraction).map_or(1, |sp| sp.events.max(1));
                facts.observed.push(Observed::AdInteraction { count, first: s.start, last: s.end });
            }
            _ => facts.record.push(RecordFact { s, deal: s.deal_id.as_deref().and_then(deal_of) }),
        }
        for f in &s.evidence.files {
            let f = names.path(f);
            if !facts.files.contains(&f) {
                facts.files.push(f);
            }
        }
        for r in s.responses.iter().filter(|r| r.party == "company") {
            if !facts.responses.iter().any(|x| x.summary == r.summary) {
                facts.responses.push(Response {
                    speaker: r.speaker.clone(),
                    date: r.date.clone(),
                    summary: r.summary.clone(),
                    url: r.source.url.clone(),
                });
            }
        }
    }
    // What the map has that makes no statement: posts an app made for the person, ads they were shown.
    if let Some(sp) = span(CompanySource::AppPost).filter(|sp| sp.events > 0) {
        facts.observed.push(Observed::Posted { count: sp.events, first: sp.first, last: sp.last });
    }
    if let Some(sp) = span(CompanySource::AdViewed).filter(|sp| sp.events > 0) {
        facts.observed.push(Observed::AdViewed { count: sp.events, first: sp.first, last: sp.last });
    }
    for c in companies {
        for f in &c.files {
            let f = names.path(f);
            if !facts.files.contains(&f) {
                facts.files.push(f);
            }
        }
    }
    facts
}

/// What the statement engine writes to "you" ("you connected X", "your friends' data"), said by the person.
fn first_person(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let replaced = match word.as_str() {
            "you" | "You" => "I",
            "your" => "my",
            "Your" => "My",
            "yours" => "mine",
            "yourself" => "myself",
            _ => word.as_str(),
        };
        out.push_str(replaced);
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn date_or(t: Option<Unix>) -> Option<String> {
    t.map(format_date)
}

// ------------------------------------------------------------------------------------------------------
// Layout: blocks of text, wrapped at 78 columns.
// ------------------------------------------------------------------------------------------------------

enum Block {
    /// Lines kept as they are (addresses).
    Lines(Vec<String>),
    Para(String),
    /// A list item: marker ("1.", "-") and text, wrapped with a hanging indent.
    Item(String, String),
}

const WIDTH: usize = 78;

fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut previous_item = false;
    for block in blocks {
        let is_item = matches!(block, Block::Item(..));
        if !out.is_empty() {
            out.push('\n');
            if !(is_item && previous_item) {
                out.push('\n');
            }
        }
        match block {
            Block::Lines(lines) => out.push_str(&lines.join("\n")),
            Block::Para(text) => out.push_str(&wrap(text, "", "")),
            Block::Item(marker, text) => {
                let lead = format!("  {marker} ");
                let hang = " ".repeat(lead.chars().count());
                out.push_str(&wrap(text, &lead, &hang));
            }
        }
        previous_item = is_item;
    }
    out.push('\n');
    out
}

/// Citations that must not break across lines ("Article 15(1)(g)", "Art. 15 Abs. 3", "§ 1798.110"): the space
/// after each of these words is held by a marker while wrapping.
const UNBROKEN: &[&str] = &["Article ", "Articles ", "Art. ", "Abs. ", "lit. ", "§ ", "§§ ", "tit. "];
const HOLD: char = '\u{1}';

fn wrap(text: &str, first: &str, rest: &str) -> String {
    let mut held = text.to_owned();
    for word in UNBROKEN {
        held = held.replace(word, &format!("{}{HOLD}", word.trim_end()));
    }
    wrap_words(&held, first, rest).replace(HOLD, " ")
}

fn wrap_words(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    let mut line = first.to_owned();
    let mut fresh = true;
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if !fresh && len + 1 + word.chars().count() > WIDTH {
            out.push_str(&line);
            out.push('\n');
            line = format!("{rest}{word}");
        } else {
            if !fresh {
                line.push(' ');
            }
            line.push_str(word);
        }
        fresh = false;
    }
    out.push_str(&line);
    out
}

struct Ctx<'a> {
    kind: LetterKind,
    law: Law,
    company: &'a str,
    to: Option<&'a Contact>,
    sender: &'a Sender,
    date: &'a str,
    facts: &'a Facts<'a>,
    runs: &'a [String],
    authority: Option<&'a str>,
    tracking: bool,
    export_date: Option<&'a str>,
}

impl Ctx<'_> {
    fn has_ad_facts(&self) -> bool {
        self.facts
            .observed
            .iter()
            .any(|o| matches!(o, Observed::OffMeta { .. } | Observed::AdvertiserList | Observed::AdvertiserActivity))
    }

    /// Address lines of the sender, with placeholders for what is missing.
    fn sender_lines(&self, name: &str, address: &str, email: &str) -> Vec<String> {
        let mut lines = vec![self.sender.name.clone().unwrap_or_else(|| name.to_owned())];
        match &self.sender.address {
            Some(a) => lines.extend(a.lines().map(str::to_owned)),
            None => lines.push(address.to_owned()),
        }
        lines.push(self.sender.email.clone().unwrap_or_else(|| email.to_owned()));
        lines
    }

    fn addressee_lines(&self, placeholder: &str, by_email: &str, by_form: &str) -> Vec<String> {
        match self.to {
            Some(c) => {
                let mut lines = vec![c.name.clone()];
                if let Some(a) = &c.address {
                    lines.extend(a.lines().map(str::to_owned));
                }
                match (&c.email, &c.webform) {
                    (Some(e), _) => lines.push(format!("{by_email} {e}")),
                    (None, Some(f)) => lines.push(format!("{by_form} {f}")),
                    _ => {}
                }
                lines
            }
            None => vec![placeholder.to_owned()],
        }
    }

    fn signature(&self, placeholder: &str) -> String {
        self.sender.name.clone().unwrap_or_else(|| placeholder.to_owned())
    }
}

fn month_en(m: u32) -> &'static str {
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][(m.clamp(1, 12) - 1) as usize]
}

fn month_de(m: u32) -> &'static str {
    [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ][(m.clamp(1, 12) - 1) as usize]
}

fn parse_ymd(date: &str) -> Option<(i64, u32, u32)> {
    let y = date.get(0..4)?.parse().ok()?;
    let m = date.get(5..7)?.parse().ok()?;
    let d = date.get(8..10)?.parse().ok()?;
    Some((y, m, d))
}

fn join_list(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

fn sources_line(s: &Statement) -> Vec<String> {
    s.evidence
        .sources
        .iter()
        .map(|src| {
            let date = src.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            match &src.url {
                Some(url) => format!("{}{date}: {url}", src.publication),
                None => format!("{}{date}", src.publication),
            }
        })
        .collect()
}

mod en {
    use super::*;

    pub(super) fn data(kind: &str) -> String {
        let words = match kind {
            "profile" => "my profile",
            "email" => "my email address",
            "phone" => "my phone number",
            "birthday" => "my birthday",
            "location" => "my current city",
            "likes" => "the pages and interests I liked",
            "posts" => "my posts and news feed",
            "public_posts" => "what I shared publicly",
            "photos" => "my photos",
            "events" => "my events",
            "user_id" => "my Facebook user ID",
            "contacts" => "contacts synced between Facebook and a device",
            "calendar" => "calendar entries synced from Facebook",
            "messages_read" => "reading my Facebook messages",
            "messages_write" => "sending Facebook messages as me",
            "messages_delete" => "deleting my Facebook messages",
            "thread_participants" => "who took part in my message threads",
            "account_unspecified" => "account data the sources do not itemize",
            "friend_names" => "my friends' names",
            "friend_profile" => "my friends' profiles",
            "friend_birthday" => "my friends' birthdays",
            "friend_location" => "my friends' locations",
            "friend_photos" => "my friends' photos",
            "friend_likes" => "my friends' likes",
            "friend_posts" => "my friends' posts",
            "friend_event" | "friend_events" => "my friends' events",
            "friend_contact_info" => "my friends' contact details",
            "friend_email" => "my friends' email addresses",
            "friend_activity" => "what my friends read, shared or recommended in its feature",
            "friends_of_friends" => "the friends of my friends",
            "friend_data_despite_opt_out" => "data about friends who had turned off sharing with apps",
            "friend_data_unspecified" => "my friends' data of kinds the sources do not itemize",
            other => return other.replace('_', " "),
        };
        words.to_owned()
    }

    fn when(first: Option<Unix>, last: Option<Unix>) -> String {
        match (date_or(first), date_or(last)) {
            (Some(a), Some(b)) if a == b => format!("on {a}"),
            (Some(a), Some(b)) => format!("between {a} and {b}"),
            (Some(a), None) | (None, Some(a)) => format!("on {a}"),
            (None, None) => "at times the export does not give".to_owned(),
        }
    }

    fn times(n: u64) -> String {
        if n == 1 { "once".to_owned() } else { format!("{n} times") }
    }

    fn observed(o: &Observed, company: &str, export_date: Option<&str>) -> String {
        let as_of = export_date.map(|d| format!(" (as of {d}, the date of my export)")).unwrap_or_default();
        match o {
            Observed::Connected { app, added, end } => {
                let start = match added {
                    Some(t) => {
                        format!("I connected {app} to my Facebook account with Facebook Login on {}", format_date(*t))
                    }
                    None => format!(
                        "I connected {app} to my Facebook account with Facebook Login; the export gives no date"
                    ),
                };
                let end = match end {
                    ConnectionEnd::Removed(t) => format!("; I removed it on {}", format_date(*t)),
                    ConnectionEnd::StillConnected(d) => {
                        format!("; it was still connected on {d}, the date of my export")
                    }
                    ConnectionEnd::Expired => "; its access has since expired".to_owned(),
                    ConnectionEnd::Unknown => "; the export does not say whether it is still connected".to_owned(),
                };
                format!(
                    "{start}{end}. While connected, it could receive my public profile and whatever else I allowed \
                     when I logged in."
                )
            }
            Observed::OffMeta { events, first, last, types } => {
                let types: Vec<String> = types.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
                let types = if types.is_empty() { String::new() } else { format!(" ({})", types.join(", ")) };
                let records = if *events == 1 { "1 record".to_owned() } else { format!("{events} records") };
                format!(
                    "Facebook's list of my activity off Meta technologies shows that {company} sent Meta {records} \
                     of my activity on its site or app {}{types}.",
                    when(*first, *last)
                )
            }
            Observed::AdvertiserList => format!(
                "Facebook lists {company} among the advertisers that uploaded or used a list containing my \
                 information{as_of}."
            ),
            Observed::AdvertiserActivity => format!(
                "Facebook lists {company} among the advertisers that used my activity on their website, app or \
                 store to show me ads{as_of}."
            ),
            Observed::AdInteraction { count, first, last } => {
                format!("I clicked or closed {company}'s ads on Facebook {} {}.", times(*count), when(*first, *last))
            }
            Observed::Posted { count, first, last } => {
                format!("{company} posted to Facebook on my behalf {} {}.", times(*count), when(*first, *last))
            }
            Observed::AdViewed { count, first, last } => {
                format!("Instagram shows I was shown {company}'s ads {} {}.", times(*count), when(*first, *last))
            }
        }
    }

    fn record(r: &RecordFact, company: &str) -> String {
        let s = r.s;
        let data: Vec<String> = s.data.iter().map(|d| data(d.as_str())).collect();
        let data = join_list(&data, "and");
        let period = format!("The sources date it: started {}; ended {}.", s.start_label, s.end_label);
        let mut text = if r.any_app() {
            format!(
                "{}. {period} Public reporting says that while this version of Facebook's platform was in force, \
                 any app a person connected with Facebook Login could ask for the following: {data}.",
                s.kind.label()
            )
        } else {
            format!(
                "{}. {period} Public reporting says an arrangement with Facebook let {company} reach the \
                 following: {data}.",
                s.kind.label()
            )
        };
        if r.covers_generally() {
            text.push_str(" The sources say it covered Facebook users generally.");
        }
        let shown: Vec<String> = s.condition_shown.iter().map(|c| first_person(&c.text)).collect();
        match (s.confidence, shown.is_empty()) {
            (_, false) => text.push_str(&format!(" My export shows that {}.", shown.join("; and that "))),
            (Confidence::Reported, true) => {
                text.push_str(" My export does not show that this arrangement applied to me.");
            }
            _ => {}
        }
        if !s.condition_unknown.is_empty() {
            let unknown: Vec<String> = s.condition_unknown.iter().map(|u| first_person(u)).collect();
            text.push_str(&format!(" It does not show whether {}.", unknown.join("; or whether ")));
        }
        let sources = sources_line(s);
        if !sources.is_empty() {
            text.push_str(&format!(" Sources: {}.", sources.join("; ")));
        }
        text
    }

    pub(super) fn letter(c: &Ctx) -> (String, Vec<Block>) {
        let company = c.company;
        let subject = match (c.law, c.kind) {
            (Law::Gdpr, LetterKind::Access) => "Request for access to my personal data (Article 15 GDPR)".to_owned(),
            (Law::Gdpr, LetterKind::Erasure) => "Request to erase my personal data (Article 17 GDPR)".to_owned(),
            (Law::Gdpr, LetterKind::Objection) => {
                "Objection to the processing of my personal data (Article 21 GDPR)".to_owned()
            }
            (Law::Ccpa, LetterKind::Access) => "Request to know the personal information you hold about me \
                (California Consumer Privacy Act, Cal. Civ. Code § 1798.110)"
                .to_owned(),
            (Law::Ccpa, LetterKind::Erasure) => {
                "Request to delete my personal information (California Consumer Privacy Act, Cal. Civ. Code § 1798.105)"
                    .to_owned()
            }
            (Law::Ccpa, LetterKind::Objection) => "Request to opt out of the sale and sharing of my personal \
                information (California Consumer Privacy Act, Cal. Civ. Code § 1798.120)"
                .to_owned(),
        };
        let mut b = vec![
            Block::Lines(c.sender_lines("[Your name]", "[Your postal address]", "[Your email]")),
            Block::Lines(c.addressee_lines(
                &format!("[{company}'s privacy contact: name and postal or email address, from its privacy policy]"),
                "By email:",
                "Web form:",
            )),
            Block::Lines(vec![match parse_ymd(c.date) {
                Some((y, m, d)) => format!("{d} {} {y}", month_en(m)),
                None => c.date.to_owned(),
            }]),
            Block::Para(format!("Subject: {subject}")),
            Block::Para("Dear Sir or Madam,".to_owned()),
        ];
        match (c.law, c.kind) {
            (Law::Gdpr, LetterKind::Access) => gdpr_access(c, &mut b),
            (Law::Gdpr, LetterKind::Erasure) => gdpr_erasure(c, &mut b),
            (Law::Gdpr, LetterKind::Objection) => gdpr_objection(c, &mut b),
            (Law::Ccpa, LetterKind::Access) => ccpa_know(&mut b),
            (Law::Ccpa, LetterKind::Erasure) => ccpa_delete(&mut b),
            (Law::Ccpa, LetterKind::Objection) => ccpa_opt_out(c, &mut b),
        }
        scope(c, &mut b);
        facts(c, &mut b);
        closing(c, &mut b);
        (subject, b)
    }

    fn gdpr_access(c: &Ctx, b: &mut Vec<Block>) {
        b.push(Block::Para(
            "I am asking for access to the personal data you process about me, under Article 15 of the General \
             Data Protection Regulation (GDPR)."
                .to_owned(),
        ));
        b.push(Block::Para(
            "Please first confirm whether you process personal data concerning me. If you do, please send me a \
             copy of it (Article 15(3)), including data you hold under a pseudonym or an identifier linked to me, \
             and tell me:"
                .to_owned(),
        ));
        let items = [
            "the purposes for which you process it;",
            "the categories of personal data concerned;",
            "the recipients, or categories of recipients, to whom you have disclosed it or will disclose it, in \
             particular whether you passed any of it to Facebook or Meta, and any recipients outside the EU;",
            "how long you will keep it, or the criteria that decide this;",
            "where it came from, for any data you did not collect from me (Article 15(1)(g)), in particular \
             whether any of it came from Facebook or Meta;",
            "whether you use it for automated decisions, including profiling (Article 22), and if so, meaningful \
             information about the logic involved and what it means for me.",
        ];
        for (i, item) in items.iter().enumerate() {
            b.push(Block::Item(format!("{}.", i + 1), (*item).to_owned()));
        }
        b.push(Block::Para(
            "If you transfer my data to a country outside the EU or to an international organisation, please also \
             tell me which safeguards apply (Articles 15(2) and 46)."
                .to_owned(),
        ));
        if c.tracking {
            b.push(Block::Para(
                "If you hold data about me under a cookie, device or advertising identifier, please tell me which \
                 identifier you need to find it, and how I can look it up."
                    .to_owned(),
            ));
        }
    }

    fn gdpr_erasure(c: &Ctx, b: &mut Vec<Block>) {
        b.push(Block::Para(
            "I ask you to erase all personal data you hold about me, under Article 17 of the General Data \
             Protection Regulation (GDPR). Where you rely on my consent, I withdraw it (Articles 7(3) and \
             17(1)(b)); where you rely on legitimate interests, I object (Articles 21 and 17(1)(c)); and data you \
             no longer need for the purpose you collected it for must be erased in any case (Article 17(1)(a))."
                .to_owned(),
        ));
        let tie = if c.has_ad_facts() {
            ", including the records of my activity and any advertising lists described below"
        } else {
            ""
        };
        b.push(Block::Para(format!(
            "This covers data you received from or passed to Facebook or Meta{tie}, and data you hold under an \
             identifier linked to me (a cookie, device or advertising ID, or a hashed email address or phone \
             number)."
        )));
        b.push(Block::Para(
            "Please tell everyone to whom you disclosed my data about the erasure, and tell me who they are \
             (Article 19). If a law obliges you to keep some of it (Article 17(3)), please tell me which data and \
             which law, and use it for nothing else (Article 18)."
                .to_owned(),
        ));
    }

    fn gdpr_objection(c: &Ctx, b: &mut Vec<Block>) {
        b.push(Block::Para(
            "I object, under Article 21 of the General Data Protection Regulation (GDPR), to your processing of my \
             personal data."
                .to_owned(),
        ));
        let tie = if c.has_ad_facts() {
            " This includes sending Meta records of my activity on your site or app (for example with the Meta \
             Pixel, an SDK or the Conversions API) and uploading or matching my data for Facebook advertising \
             audiences."
        } else {
            ""
        };
        b.push(Block::Item(
            "-".to_owned(),
            format!(
                "Under Article 21(2) and (3), I object to any processing for direct marketing, including profiling \
                 related to it.{tie} Once you receive this objection, you may no longer process my data for these \
                 purposes."
            ),
        ));
        b.push(Block::Item(
            "-".to_owned(),
            "Under Article 21(1), I object to any other processing you base on legitimate interests (Article \
             6(1)(f)). Please stop it unless you can show compelling legitimate grounds that override my \
             interests, rights and freedoms, and if so, tell me what they are."
                .to_owned(),
        ));
        b.push(Block::Para("Where you rely on my consent, I withdraw it (Article 7(3)).".to_owned()));
        b.push(Block::Para(
            "If the objection would end an account or a contract I have with you, please tell me before acting on \
             it."
            .to_owned(),
        ));
    }

    fn ccpa_know(b: &mut Vec<Block>) {
        b.push(Block::Para(
            "I am a California resident. Under the California Consumer Privacy Act as amended by the California \
             Privacy Rights Act (CCPA; Cal. Civ. Code §§ 1798.100, 1798.110 and 1798.115), I ask to know the \
             personal information you have collected about me. Please tell me:"
                .to_owned(),
        ));
        let items = [
            "the categories of personal information you have collected about me;",
            "the categories of sources from which you collected it, in particular whether any came from Facebook \
             or Meta;",
            "the business or commercial purpose for collecting, selling or sharing it;",
            "the categories of third parties to whom you disclose it, and which categories you sold or shared, \
             and to whom;",
            "the specific pieces of personal information you have collected about me, in a portable format.",
        ];
        for (i, item) in items.iter().enumerate() {
            b.push(Block::Item(format!("{}.", i + 1), (*item).to_owned()));
        }
    }

    fn ccpa_delete(b: &mut Vec<Block>) {
        b.push(Block::Para(
            "I am a California resident. Under the California Consumer Privacy Act (CCPA; Cal. Civ. Code § \
             1798.105), I ask you to delete the personal information you have collected from me, to tell your \
             service providers and contractors to delete it, and to tell the third parties to whom you sold or \
             shared it. If you decline any part of this request, please tell me which exception you rely on."
                .to_owned(),
        ));
    }

    fn ccpa_opt_out(c: &Ctx, b: &mut Vec<Block>) {
        let tie = if c.has_ad_facts() {
            ", including sharing it with Meta for cross-context behavioral advertising (such as records of my \
             activity on your site or app, or lists used to find me on Facebook)"
        } else {
            ", including sharing it for cross-context behavioral advertising"
        };
        b.push(Block::Para(format!(
            "I am a California resident. Under the California Consumer Privacy Act (CCPA; Cal. Civ. Code § \
             1798.120), I direct you not to sell or share my personal information{tie}. Under § 1798.121, I also \
             direct you to limit any use of sensitive personal information about me to what is necessary to \
             provide the services I ask for."
        )));
        b.push(Block::Para(
            "Please stop as soon as feasibly possible, and no later than 15 business days after you receive this \
             request (Cal. Code Regs. tit. 11, § 7026(f)), and tell the third parties to whom you sold or shared \
             my personal information in the meantime."
                .to_owned(),
        ));
    }

    fn scope(c: &Ctx, b: &mut Vec<Block>) {
        let runs: Vec<String> = c.runs.iter().take(12).cloned().collect();
        let also = if runs.is_empty() { String::new() } else { format!(", including {}", runs.join(", ")) };
        b.push(Block::Para(format!(
            "This request covers every service and company for which you are responsible for my data{also}."
        )));
    }

    fn facts(c: &Ctx, b: &mut Vec<Block>) {
        let f = c.facts;
        let company = c.company;
        if f.observed.is_empty() && f.record.is_empty() {
            return;
        }
        let dated = c.export_date.map(|d| format!(", dated {d}")).unwrap_or_default();
        b.push(Block::Para(format!(
            "Why I am writing to you. I downloaded my data from Facebook (\"Download Your Information\"{dated})."
        )));
        if !f.observed.is_empty() {
            b.push(Block::Para(format!("My export shows the following about {company}:")));
            for o in &f.observed {
                b.push(Block::Item("-".to_owned(), observed(o, company, c.export_date)));
            }
        } else {
            b.push(Block::Para(format!(
                "My export itself does not show that {company} received my data; I write because of public \
                 reporting about {company}'s arrangements with Facebook."
            )));
        }
        if !f.files.is_empty() {
            b.push(Block::Para(format!("The export files that show this: {}.", f.files.join(", "))));
        }
        if !f.record.is_empty() {
            b.push(Block::Para(format!("Public reporting about {company} and Facebook:")));
            for r in &f.record {
                b.push(Block::Item("-".to_owned(), record(r, company)));
            }
            let ask = match c.kind {
                LetterKind::Access => "I am asking you to tell me what, if anything, you received about me this way.",
                LetterKind::Erasure => {
                    "Insofar as you hold any data about me obtained this way, this request covers it."
                }
                LetterKind::Objection => {
                    "Insofar as you process any data about me obtained this way, this objection covers it."
                }
            };
            b.push(Block::Para(format!(
                "Public reporting describes what an arrangement allowed, not what you did: I do not claim that you \
                 collected or used my data this way. {ask}"
            )));
        }
        if !f.responses.is_empty() {
            b.push(Block::Para("I have also read your public answers, in summary:".to_owned()));
        }
        for r in &f.responses {
            let date = r.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            let url = r.url.as_deref().map(|u| format!(": {u}")).unwrap_or_default();
            b.push(Block::Item("-".to_owned(), format!("{} ({}{date}{url})", r.summary, r.speaker)));
        }
    }

    fn closing(c: &Ctx, b: &mut Vec<Block>) {
        match c.law {
            Law::Gdpr => {
                let what = match c.kind {
                    LetterKind::Access => "answer",
                    LetterKind::Erasure => "confirm the erasure",
                    LetterKind::Objection => "confirm what you have stopped",
                };
                b.push(Block::Para(format!(
                    "Please {what} without undue delay and in any case within one month of receiving this request \
                     (Article 12(3) GDPR). This is free of charge (Article 12(5))."
                )));
                b.push(Block::Para(format!(
                    "To find my data, please use the details above: my name, postal address and email address, and \
                     my account with you: {}. If you need anything more to identify me, please tell me what and why \
                     (Article 12(6)).",
                    c.sender
                        .account
                        .clone()
                        .unwrap_or_else(|| format!("[your user name or customer number with {}, if any]", c.company))
                )));
                let authority = c.authority.map(|a| format!(", for me {a}")).unwrap_or_default();
                b.push(Block::Para(format!(
                    "If I do not receive a full answer in time, I may lodge a complaint with a data protection \
                     supervisory authority{authority} (Article 77 GDPR)."
                )));
            }
            Law::Ccpa => {
                if c.kind != LetterKind::Objection {
                    b.push(Block::Para(
                        "Please respond within 45 days of receiving this request (Cal. Civ. Code § 1798.130(a)(2)); \
                         if you need more time, tell me within those 45 days, and why. This is free of charge."
                            .to_owned(),
                    ));
                }
                b.push(Block::Para(format!(
                    "To verify my request, please use the details above and my account with you: {}. Please ask \
                     only for what you need to verify it.",
                    c.sender
                        .account
                        .clone()
                        .unwrap_or_else(|| format!("[your user name or customer number with {}, if any]", c.company))
                )));
            }
        }
        b.push(Block::Para("Yours faithfully,".to_owned()));
        b.push(Block::Lines(vec![c.signature("[Your name]")]));
    }
}

mod de {
    use super::*;

    fn data(kind: &str) -> String {
        let words = match kind {
            "profile" => "mein Profil",
            "email" => "meine E-Mail-Adresse",
            "phone" => "meine Telefonnummer",
            "birthday" => "mein Geburtstag",
            "location" => "mein aktueller Wohnort",
            "likes" => "die Seiten und Interessen, die mir gefallen",
            "posts" => "meine Beiträge und mein Newsfeed",
            "public_posts" => "was ich öffentlich geteilt habe",
            "photos" => "meine Fotos",
            "events" => "meine Veranstaltungen",
            "user_id" => "meine Facebook-Nutzerkennung",
            "contacts" => "zwischen Facebook und einem Gerät abgeglichene Kontakte",
            "calendar" => "aus Facebook übernommene Kalendereinträge",
            "messages_read" => "das Lesen meiner Facebook-Nachrichten",
            "messages_write" => "das Senden von Facebook-Nachrichten in meinem Namen",
            "messages_delete" => "das Löschen meiner Facebook-Nachrichten",
            "thread_participants" => "die Teilnehmer meiner Unterhaltungen",
            "account_unspecified" => "Kontodaten, die die Quellen nicht einzeln nennen",
            "friend_names" => "die Namen meiner Freunde",
            "friend_profile" => "die Profile meiner Freunde",
            "friend_birthday" => "die Geburtstage meiner Freunde",
            "friend_location" => "die Wohnorte meiner Freunde",
            "friend_photos" => "die Fotos meiner Freunde",
            "friend_likes" => "die Interessen meiner Freunde",
            "friend_posts" => "die Beiträge meiner Freunde",
            "friend_event" | "friend_events" => "die Veranstaltungen meiner Freunde",
            "friend_contact_info" => "die Kontaktdaten meiner Freunde",
            "friend_email" => "die E-Mail-Adressen meiner Freunde",
            "friend_activity" => "was meine Freunde in dieser Funktion gelesen, geteilt oder empfohlen haben",
            "friends_of_friends" => "die Freunde meiner Freunde",
            "friend_data_despite_opt_out" => "Daten von Freunden, die das Teilen mit Apps abgeschaltet hatten",
            "friend_data_unspecified" => "Daten meiner Freunde, die die Quellen nicht einzeln nennen",
            other => return super::en::data(other),
        };
        words.to_owned()
    }

    fn kind_label(kind: Kind) -> &'static str {
        match kind {
            Kind::ConnectedApp => "Verbundene App",
            Kind::GraphApiFriends => "Daten von Freunden über die Graph API v1.0",
            Kind::MessagingPartner => "Nachrichten-Partner",
            Kind::WhitelistedApi => "Freigeschalteter Zugriff auf Freundesdaten",
            Kind::ExtendedApi => "Verlängerter Zugriff auf Freundesdaten (2015)",
            Kind::InstantPersonalization => "„Instant Personalization“",
            Kind::SearchIntegration => "Einbindung in eine Suchmaschine",
            Kind::SpecialAccess => "Sonderzugriff",
            Kind::DeviceIntegration => "Einbindung in Geräte oder Plattformen",
            Kind::OffMetaActivity => "Aktivitäten an Meta übermittelt",
            Kind::AdvertiserList => "Werbeliste mit meinen Daten",
            Kind::AdvertiserActivity => "Werbung anhand meiner Aktivitäten",
            Kind::AdvertiserInteraction => "Anzeige angeklickt oder geschlossen",
        }
    }

    /// A date from the record as a German reader should see it; who says so stays as the source wrote it.
    fn point(p: &DatePoint) -> String {
        let per = p.per.as_deref().map(|x| format!(" ({x})")).unwrap_or_default();
        match (&p.qualifier, &p.date, &p.as_of) {
            (Qualifier::StillActiveAsOf, _, Some(as_of)) => format!("noch aktiv am {as_of}{per}"),
            (_, None, _) => "unbekannt".to_owned(),
            (Qualifier::AtLeastUntil, Some(d), _) => format!("unbekannt (lief noch {d}{per})"),
            (Qualifier::By, Some(d), _) => format!("spätestens {d}{per}"),
            (Qualifier::NotBefore, Some(d), _) => format!("unbekannt, nicht vor {d}{per}"),
            (Qualifier::Planned, Some(d), _) => format!("{d}, wie angekündigt{per}"),
            (Qualifier::Approximate, Some(d), _) => format!("etwa {d}{per}"),
            (_, Some(d), _) => format!("{d}{per}"),
        }
    }

    fn when(first: Option<Unix>, last: Option<Unix>) -> String {
        match (date_or(first), date_or(last)) {
            (Some(a), Some(b)) if a == b => format!("am {a}"),
            (Some(a), Some(b)) => format!("zwischen dem {a} und dem {b}"),
            (Some(a), None) | (None, Some(a)) => format!("am {a}"),
            (None, None) => "zu Zeitpunkten, die der Export nicht nennt".to_owned(),
        }
    }

    fn times(n: u64) -> String {
        if n == 1 { "einmal".to_owned() } else { format!("insgesamt {n}-mal") }
    }

    fn observed(o: &Observed, company: &str, export_date: Option<&str>) -> String {
        let as_of = export_date.map(|d| format!(" (Stand {d}, Tag meines Exports)")).unwrap_or_default();
        match o {
            Observed::Connected { app, added, end } => {
                let start = match added {
                    Some(t) => format!(
                        "Ich habe {app} am {} über den Facebook-Login mit meinem Facebook-Konto verbunden",
                        format_date(*t)
                    ),
                    None => format!(
                        "Ich habe {app} über den Facebook-Login mit meinem Facebook-Konto verbunden; der Export nennt kein Datum"
                    ),
                };
                let end = match end {
                    ConnectionEnd::Removed(t) => format!("; am {} habe ich die Verbindung entfernt", format_date(*t)),
                    ConnectionEnd::StillConnected(d) => {
                        format!("; am {d}, dem Tag meines Exports, bestand die Verbindung noch")
                    }
                    ConnectionEnd::Expired => "; der Zugriff ist inzwischen abgelaufen".to_owned(),
                    ConnectionEnd::Unknown => "; ob die Verbindung noch besteht, zeigt der Export nicht".to_owned(),
                };
                format!(
                    "{start}{end}. Solange die Verbindung bestand, konnte {app} mein öffentliches Profil abrufen \
                     und alles, was ich bei der Anmeldung freigegeben habe."
                )
            }
            Observed::OffMeta { events, first, last, types } => {
                let types: Vec<String> = types.iter().map(|(k, n)| format!("{k} ×{n}")).collect();
                let types = if types.is_empty() { String::new() } else { format!(" ({})", types.join(", ")) };
                let records = if *events == 1 { "1 Datensatz".to_owned() } else { format!("{events} Datensätze") };
                format!(
                    "Laut Facebooks Übersicht meiner Aktivitäten außerhalb der Meta-Technologien hat {company} \
                     {records} über meine Aktivitäten auf seiner Website oder in seiner App {} an Meta \
                     übermittelt{types}.",
                    when(*first, *last)
                )
            }
            Observed::AdvertiserList => format!(
                "Facebook führt {company} unter den Werbetreibenden, die eine Liste mit meinen Daten hochgeladen \
                 oder verwendet haben{as_of}."
            ),
            Observed::AdvertiserActivity => format!(
                "Facebook führt {company} unter den Werbetreibenden, die meine Aktivitäten auf ihrer Website, in \
                 ihrer App oder in ihrem Geschäft genutzt haben, um mir Werbung zu zeigen{as_of}."
            ),
            Observed::AdInteraction { count, first, last } => format!(
                "Ich habe {} {} auf eine Anzeige von {company} bei Facebook geklickt oder sie geschlossen.",
                when(*first, *last),
                times(*count)
            ),
            Observed::Posted { count, first, last } => {
                format!(
                    "{company} hat {} {} in meinem Namen auf Facebook gepostet.",
                    when(*first, *last),
                    times(*count)
                )
            }
            Observed::AdViewed { count, first, last } => format!(
                "Laut Instagram wurden mir {} {} Anzeigen von {company} gezeigt.",
                when(*first, *last),
                times(*count)
            ),
        }
    }

    /// "you connected X on A and removed it on B" as a German sentence, when the export's own app record
    /// says the same; otherwise the evaluation's English words, quoted.
    fn shown(text: &str) -> String {
        format!("„{}“ (Wortlaut der englischsprachigen Auswertung)", first_person(text))
    }

    fn record(r: &RecordFact, company: &str, observed: &[Observed]) -> String {
        let s = r.s;
        let data: Vec<String> = s.data.iter().map(|d| data(d.as_str())).collect();
        let data = join_list(&data, "und");
        let period = match r.deal {
            Some(deal) => format!("Beginn {}; Ende {}", point(&deal.start), point(&deal.end)),
            None => format!("Beginn {}; Ende {}", s.start_label, s.end_label),
        };
        let mut text = if r.any_app() {
            format!(
                "{}. Datierung laut den Quellen: {period}. Öffentlichen Berichten zufolge konnte in dieser Zeit \
                 jede App, die jemand über den Facebook-Login verbunden hatte, Folgendes abfragen: {data}.",
                kind_label(s.kind)
            )
        } else {
            format!(
                "{}. Datierung laut den Quellen: {period}. Öffentlichen Berichten zufolge konnte {company} über \
                 eine Vereinbarung mit Facebook auf Folgendes zugreifen: {data}.",
                kind_label(s.kind)
            )
        };
        if r.covers_generally() {
            text.push_str(" Den Quellen zufolge betraf das Facebook-Nutzer allgemein.");
        }
        let mut shown_parts: Vec<String> = Vec::new();
        for c in &s.condition_shown {
            // An app connection the export lists is said in German, from the same dates.
            let same = observed.iter().find_map(|o| match o {
                Observed::Connected { app, added, end } if *added == c.from && c.text.contains(app.as_str()) => {
                    Some((app, added, end))
                }
                _ => None,
            });
            shown_parts.push(match same {
                Some((app, Some(added), end)) => {
                    let end = match end {
                        ConnectionEnd::Removed(t) => format!(" und am {} wieder entfernt habe", format_date(*t)),
                        ConnectionEnd::StillConnected(d) => format!(" habe; am {d} bestand die Verbindung noch"),
                        _ => " habe".to_owned(),
                    };
                    format!("Mein Export zeigt, dass ich {app} am {} verbunden{end}.", format_date(*added))
                }
                _ => format!("Mein Export zeigt: {}.", shown(&c.text)),
            });
        }
        match (s.confidence, shown_parts.is_empty()) {
            (_, false) => text.push_str(&format!(" {}", shown_parts.join(" "))),
            (Confidence::Reported, true) => {
                text.push_str(" Mein Export zeigt nicht, dass diese Vereinbarung mich betraf.");
            }
            _ => {}
        }
        if !s.condition_unknown.is_empty() {
            let unknown: Vec<String> =
                s.condition_unknown.iter().map(|u| format!("„whether {}“", first_person(u))).collect();
            text.push_str(&format!(
                " Er zeigt nicht, ob auch die weitere Voraussetzung erfüllt war (Wortlaut der englischsprachigen \
                 Auswertung: {}).",
                unknown.join("; ")
            ));
        }
        let sources = sources_line(s);
        if !sources.is_empty() {
            text.push_str(&format!(" Quellen: {}.", sources.join("; ")));
        }
        text
    }

    pub(super) fn letter(c: &Ctx) -> (String, Vec<Block>) {
        let company = c.company;
        let subject = match (c.law, c.kind) {
            (Law::Gdpr, LetterKind::Access) => "Auskunftsersuchen nach Art. 15 DSGVO".to_owned(),
            (Law::Gdpr, LetterKind::Erasure) => {
                "Antrag auf Löschung meiner personenbezogenen Daten nach Art. 17 DSGVO".to_owned()
            }
            (Law::Gdpr, LetterKind::Objection) => {
                "Widerspruch gegen die Verarbeitung meiner personenbezogenen Daten nach Art. 21 DSGVO".to_owned()
            }
            (Law::Ccpa, LetterKind::Access) => {
                "Auskunftsverlangen nach dem California Consumer Privacy Act (Cal. Civ. Code § 1798.110)".to_owned()
            }
            (Law::Ccpa, LetterKind::Erasure) => {
                "Löschverlangen nach dem California Consumer Privacy Act (Cal. Civ. Code § 1798.105)".to_owned()
            }
            (Law::Ccpa, LetterKind::Objection) => "Widerspruch gegen Verkauf und Weitergabe meiner Daten nach dem \
                California Consumer Privacy Act (Cal. Civ. Code § 1798.120)"
                .to_owned(),
        };
        let mut b = vec![
            Block::Lines(c.sender_lines("[Ihr Name]", "[Ihre Anschrift]", "[Ihre E-Mail-Adresse]")),
            Block::Lines(c.addressee_lines(
                &format!("[Datenschutzkontakt von {company}: Name und Anschrift oder E-Mail-Adresse, aus der Datenschutzerklärung]"),
                "Per E-Mail:",
                "Webformular:",
            )),
            Block::Lines(vec![match parse_ymd(c.date) {
                Some((y, m, d)) => format!("{d}. {} {y}", month_de(m)),
                None => c.date.to_owned(),
            }]),
            Block::Para(format!("Betreff: {subject}")),
            Block::Para("Sehr geehrte Damen und Herren,".to_owned()),
        ];
        match (c.law, c.kind) {
            (Law::Gdpr, LetterKind::Access) => gdpr_access(c, &mut b),
            (Law::Gdpr, LetterKind::Erasure) => gdpr_erasure(c, &mut b),
            (Law::Gdpr, LetterKind::Objection) => gdpr_objection(c, &mut b),
            (Law::Ccpa, LetterKind::Access) => ccpa_know(&mut b),
            (Law::Ccpa, LetterKind::Erasure) => ccpa_delete(&mut b),
            (Law::Ccpa, LetterKind::Objection) => ccpa_opt_out(c, &mut b),
        }
        scope(c, &mut b);
        facts(c, &mut b);
        closing(c, &mut b);
        (subject, b)
    }

    fn gdpr_access(c: &Ctx, b: &mut Vec<Block>) {
        b.push(Block::Para(
            "hiermit bitte ich Sie um Auskunft über die personenbezogenen Daten, die Sie über mich verarbeiten \
             (Art. 15 der Datenschutz-Grundverordnung, DSGVO)."
                .to_owned(),
        ));
        b.push(Block::Para(
            "Bitte bestätigen Sie mir zunächst, ob Sie personenbezogene Daten über mich verarbeiten. Falls ja, \
             senden Sie mir bitte eine Kopie dieser Daten (Art. 15 Abs. 3 DSGVO), auch der Daten, die Sie unter \
             einem Pseudonym oder einer mir zuordenbaren Kennung führen, und teilen Sie mir mit:"
                .to_owned(),
        ));
        let items = [
            "zu welchen Zwecken Sie die Daten verarbeiten;",
            "welche Kategorien personenbezogener Daten Sie verarbeiten;",
            "an welche Empfänger oder Kategorien von Empfängern Sie die Daten weitergegeben haben oder \
             weitergeben werden, insbesondere ob an Facebook bzw. Meta und an Empfänger außerhalb der EU;",
            "wie lange Sie die Daten speichern werden oder nach welchen Kriterien sich das bemisst;",
            "woher die Daten stammen, soweit Sie sie nicht bei mir erhoben haben (Art. 15 Abs. 1 lit. g DSGVO), \
             insbesondere ob sie von Facebook bzw. Meta stammen;",
            "ob Sie die Daten für automatisierte Entscheidungen einschließlich Profiling verwenden (Art. 22 \
             DSGVO), und wenn ja, aussagekräftige Informationen über die Logik und die Tragweite für mich.",
        ];
        for (i, item) in items.iter().enumerate() {
            b.push(Block::Item(format!("{}.", i + 1), (*item).to_owned()));
        }
        b.push(Block::Para(
            "Falls Sie meine Daten in ein Land außerhalb der EU oder an eine internationale Organisation \
             übermitteln, nennen Sie mir bitte auch die geeigneten Garantien (Art. 15 Abs. 2, Art. 46 DSGVO)."
                .to_owned(),
        ));
        if c.tracking {
            b.push(Block::Para(
                "Falls Sie Daten über mich unter einer Cookie-, Geräte- oder Werbe-ID führen, teilen Sie mir bitte \
                 mit, welche Kennung Sie benötigen, um sie zu finden, und wie ich sie ermitteln kann."
                    .to_owned(),
            ));
        }
    }

    fn gdpr_erasure(c: &Ctx, b: &mut Vec<Block>) {
        b.push(Block::Para(
            "hiermit verlange ich die Löschung aller personenbezogenen Daten, die Sie über mich verarbeiten (Art. \
             17 der Datenschutz-Grundverordnung, DSGVO). Soweit Sie sich auf meine Einwilligung stützen, widerrufe \
             ich sie (Art. 7 Abs. 3, Art. 17 Abs. 1 lit. b DSGVO); soweit Sie sich auf berechtigte Interessen \
             stützen, widerspreche ich der Verarbeitung (Art. 21, Art. 17 Abs. 1 lit. c DSGVO); Daten, die Sie für \
             den ursprünglichen Zweck nicht mehr benötigen, sind ohnehin zu löschen (Art. 17 Abs. 1 lit. a DSGVO)."
                .to_owned(),
        ));
        let tie = if c.has_ad_facts() {
            ", einschließlich der unten genannten Aktivitätsdaten und Werbelisten"
        } else {
            ""
        };
        b.push(Block::Para(format!(
            "Das umfasst auch Daten, die Sie von Facebook bzw. Meta erhalten oder an sie übermittelt haben{tie}, \
             und Daten, die Sie unter einer mir zuordenbaren Kennung führen (etwa einer Cookie-, Geräte- oder \
             Werbe-ID oder einer gehashten E-Mail-Adresse oder Telefonnummer)."
        )));
        b.push(Block::Para(
            "Bitte teilen Sie die Löschung allen Empfängern mit, denen Sie meine Daten offengelegt haben, und \
             nennen Sie mir diese (Art. 19 DSGVO). Falls Sie Daten aufgrund einer gesetzlichen Pflicht aufbewahren \
             müssen (Art. 17 Abs. 3 DSGVO), nennen Sie mir bitte die Daten und die Rechtsgrundlage, und verwenden \
             Sie sie für nichts anderes (Art. 18 DSGVO)."
                .to_owned(),
        ));
    }

    fn gdpr_objection(c: &Ctx, b: &mut Vec<Block>) {
        b.push(Block::Para(
            "hiermit widerspreche ich der Verarbeitung meiner personenbezogenen Daten (Art. 21 der \
             Datenschutz-Grundverordnung, DSGVO)."
                .to_owned(),
        ));
        let tie = if c.has_ad_facts() {
            " Das umfasst die Übermittlung von Daten über meine Aktivitäten auf Ihrer Website oder in Ihrer App an \
             Meta (etwa über das Meta-Pixel, ein SDK oder die Conversions API) sowie das Hochladen oder Abgleichen \
             meiner Daten für Werbezielgruppen bei Facebook."
        } else {
            ""
        };
        b.push(Block::Item(
            "-".to_owned(),
            format!(
                "Nach Art. 21 Abs. 2 und 3 DSGVO widerspreche ich jeder Verarbeitung zum Zweck der Direktwerbung \
                 einschließlich des damit verbundenen Profilings.{tie} Nach Eingang dieses Widerspruchs dürfen Sie \
                 meine Daten für diese Zwecke nicht mehr verarbeiten."
            ),
        ));
        b.push(Block::Item(
            "-".to_owned(),
            "Nach Art. 21 Abs. 1 DSGVO widerspreche ich jeder weiteren Verarbeitung, die Sie auf berechtigte \
             Interessen stützen (Art. 6 Abs. 1 lit. f DSGVO). Bitte stellen Sie sie ein, es sei denn, Sie können \
             zwingende schutzwürdige Gründe nachweisen, die meine Interessen, Rechte und Freiheiten überwiegen; \
             nennen Sie mir diese gegebenenfalls."
                .to_owned(),
        ));
        b.push(Block::Para(
            "Soweit Sie sich auf meine Einwilligung stützen, widerrufe ich sie (Art. 7 Abs. 3 DSGVO).".to_owned(),
        ));
        b.push(Block::Para(
            "Sollte der Widerspruch dazu führen, dass ein Konto oder Vertrag bei Ihnen endet, sagen Sie es mir \
             bitte vorher."
                .to_owned(),
        ));
    }

    fn ccpa_know(b: &mut Vec<Block>) {
        b.push(Block::Para(
            "ich wohne in Kalifornien. Nach dem California Consumer Privacy Act in der Fassung des California \
             Privacy Rights Act (CCPA; Cal. Civ. Code §§ 1798.100, 1798.110 und 1798.115) verlange ich Auskunft \
             über die personenbezogenen Informationen, die Sie über mich erhoben haben. Bitte nennen Sie mir:"
                .to_owned(),
        ));
        let items = [
            "die Kategorien personenbezogener Informationen, die Sie über mich erhoben haben;",
            "die Kategorien der Quellen, aus denen sie stammen, insbesondere ob welche von Facebook bzw. Meta \
             stammen;",
            "den geschäftlichen Zweck, zu dem Sie sie erheben, verkaufen oder weitergeben;",
            "die Kategorien von Dritten, denen Sie sie offenlegen, und welche Kategorien Sie an wen verkauft oder \
             weitergegeben haben;",
            "die konkreten Informationen, die Sie über mich erhoben haben, in einem übertragbaren Format.",
        ];
        for (i, item) in items.iter().enumerate() {
            b.push(Block::Item(format!("{}.", i + 1), (*item).to_owned()));
        }
    }

    fn ccpa_delete(b: &mut Vec<Block>) {
        b.push(Block::Para(
            "ich wohne in Kalifornien. Nach dem California Consumer Privacy Act (CCPA; Cal. Civ. Code § 1798.105) \
             verlange ich, dass Sie die personenbezogenen Informationen löschen, die Sie bei mir erhoben haben, \
             Ihre Dienstleister und Auftragnehmer anweisen, sie ebenfalls zu löschen, und die Dritten \
             benachrichtigen, an die Sie sie verkauft oder weitergegeben haben. Falls Sie einem Teil dieses \
             Verlangens nicht nachkommen, nennen Sie mir bitte die Ausnahme, auf die Sie sich stützen."
                .to_owned(),
        ));
    }

    fn ccpa_opt_out(c: &Ctx, b: &mut Vec<Block>) {
        let tie = if c.has_ad_facts() {
            ", auch nicht an Meta für kontextübergreifende verhaltensbezogene Werbung (etwa Daten über meine \
             Aktivitäten auf Ihrer Website oder in Ihrer App oder Listen, mit denen Sie mich bei Facebook finden)"
        } else {
            ", auch nicht für kontextübergreifende verhaltensbezogene Werbung"
        };
        b.push(Block::Para(format!(
            "ich wohne in Kalifornien. Nach dem California Consumer Privacy Act (CCPA; Cal. Civ. Code § 1798.120) \
             untersage ich Ihnen, meine personenbezogenen Informationen zu verkaufen oder weiterzugeben{tie}. Nach \
             § 1798.121 verlange ich außerdem, dass Sie sensible personenbezogene Informationen über mich nur \
             verwenden, soweit es für die von mir gewünschten Dienste nötig ist."
        )));
        b.push(Block::Para(
            "Bitte setzen Sie das so bald wie möglich um, spätestens 15 Werktage nach Eingang dieses Schreibens \
             (Cal. Code Regs. tit. 11, § 7026(f)), und benachrichtigen Sie die Dritten, an die Sie meine \
             Informationen bis dahin verkauft oder weitergegeben haben."
                .to_owned(),
        ));
    }

    fn scope(c: &Ctx, b: &mut Vec<Block>) {
        let runs: Vec<String> = c.runs.iter().take(12).cloned().collect();
        let also = if runs.is_empty() { String::new() } else { format!(", darunter {}", runs.join(", ")) };
        b.push(Block::Para(format!(
            "Diese Anfrage umfasst alle Dienste und Unternehmen, für die Sie hinsichtlich meiner Daten \
             verantwortlich sind{also}."
        )));
    }

    fn facts(c: &Ctx, b: &mut Vec<Block>) {
        let f = c.facts;
        let company = c.company;
        if f.observed.is_empty() && f.record.is_empty() {
            return;
        }
        let dated = c.export_date.map(|d| format!(", Stand {d}")).unwrap_or_default();
        b.push(Block::Para(format!(
            "Warum ich mich an Sie wende: Ich habe meine Daten bei Facebook heruntergeladen („Deine Informationen \
             herunterladen“{dated})."
        )));
        if !f.observed.is_empty() {
            b.push(Block::Para(format!("Mein Export zeigt über {company} Folgendes:")));
            for o in &f.observed {
                b.push(Block::Item("-".to_owned(), observed(o, company, c.export_date)));
            }
        } else {
            b.push(Block::Para(format!(
                "Mein Export selbst zeigt nicht, dass {company} Daten über mich erhalten hat; ich schreibe Ihnen \
                 wegen öffentlicher Berichte über Vereinbarungen zwischen {company} und Facebook."
            )));
        }
        if !f.files.is_empty() {
            b.push(Block::Para(format!("Die Dateien im Export, die das zeigen: {}.", f.files.join(", "))));
        }
        if !f.record.is_empty() {
            b.push(Block::Para(format!("Öffentliche Berichte über {company} und Facebook:")));
            for r in &f.record {
                b.push(Block::Item("-".to_owned(), record(r, company, &f.observed)));
            }
            let ask = match c.kind {
                LetterKind::Access => {
                    "Ich bitte Sie, mir mitzuteilen, ob und welche Daten über mich Sie auf diesem Weg erhalten haben."
                }
                LetterKind::Erasure => {
                    "Soweit Sie auf diesem Weg Daten über mich erhalten haben, umfasst sie dieser Antrag."
                }
                LetterKind::Objection => {
                    "Soweit Sie auf diesem Weg erhaltene Daten über mich verarbeiten, umfasst sie dieser Widerspruch."
                }
            };
            b.push(Block::Para(format!(
                "Öffentliche Berichte beschreiben, was eine Vereinbarung ermöglichte, nicht, was Sie getan haben: \
                 Ich behaupte nicht, dass Sie meine Daten auf diesem Weg erhoben oder genutzt haben. {ask}"
            )));
        }
        if !f.responses.is_empty() {
            b.push(Block::Para(
                "Ihre öffentlichen Stellungnahmen habe ich ebenfalls gelesen, zusammengefasst (englisch):".to_owned(),
            ));
        }
        for r in &f.responses {
            let date = r.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
            let url = r.url.as_deref().map(|u| format!(": {u}")).unwrap_or_default();
            b.push(Block::Item("-".to_owned(), format!("„{}“ ({}{date}{url})", r.summary, r.speaker)));
        }
    }

    fn closing(c: &Ctx, b: &mut Vec<Block>) {
        let account =
            c.sender.account.clone().unwrap_or_else(|| {
                format!("[Ihr Benutzername oder Ihre Kundennummer bei {}, falls vorhanden]", c.company)
            });
        match c.law {
            Law::Gdpr => {
                let (what, tail) = match c.kind {
                    LetterKind::Access => ("antworten Sie", ""),
                    LetterKind::Erasure => ("bestätigen Sie mir die Löschung", ""),
                    LetterKind::Objection => ("bestätigen Sie mir", ", welche Verarbeitungen Sie eingestellt haben"),
                };
                b.push(Block::Para(format!(
                    "Bitte {what} unverzüglich, spätestens aber innerhalb eines Monats nach Eingang dieses \
                     Schreibens (Art. 12 Abs. 3 DSGVO){tail}. Das ist für mich unentgeltlich (Art. 12 Abs. 5 DSGVO)."
                )));
                b.push(Block::Para(format!(
                    "Um meine Daten zu finden, verwenden Sie bitte die obigen Angaben: Name, Anschrift und \
                     E-Mail-Adresse sowie mein Konto bei Ihnen: {account}. Falls Sie weitere Angaben zu meiner \
                     Identifizierung benötigen, teilen Sie mir bitte mit, welche und warum (Art. 12 Abs. 6 DSGVO)."
                )));
                let authority = c.authority.map(|a| format!(", für mich {a}")).unwrap_or_default();
                b.push(Block::Para(format!(
                    "Erhalte ich innerhalb der Frist keine vollständige Antwort, behalte ich mir vor, mich bei einer \
                     Datenschutz-Aufsichtsbehörde zu beschweren{authority} (Art. 77 DSGVO)."
                )));
            }
            Law::Ccpa => {
                if c.kind != LetterKind::Objection {
                    b.push(Block::Para(
                        "Bitte antworten Sie innerhalb von 45 Tagen nach Eingang dieses Schreibens (Cal. Civ. Code § \
                         1798.130(a)(2)); falls Sie mehr Zeit benötigen, teilen Sie mir das innerhalb dieser 45 \
                         Tage mit Begründung mit. Das ist für mich unentgeltlich."
                            .to_owned(),
                    ));
                }
                b.push(Block::Para(format!(
                    "Zur Prüfung meines Verlangens verwenden Sie bitte die obigen Angaben und mein Konto bei Ihnen: \
                     {account}. Bitte verlangen Sie nur, was Sie dafür benötigen."
                )));
            }
        }
        b.push(Block::Para("Mit freundlichen Grüßen".to_owned()));
        b.push(Block::Lines(vec![c.signature("[Ihr Name]")]));
    }
}
