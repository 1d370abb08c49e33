//! The steps for one company, chosen by how the export says the company got the data. Facebook's menus are
//! given as text (they move from time to time, and datamap opens nothing), requests go to the bundled
//! contact, and complaints to the supervisory authority for the person's country.

use super::contacts::{self, AuthorityChoice};
use super::{Candidate, Contact, Options, country_label};
use crate::exposure::{Confidence, Ending, Kind, Statement};
use crate::model::{Company, CompanySource, Platform};
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Only the public record names the company: a request is a question, not a claim.
    RecordOnly,
    /// The export names the company, but some of what the record says about it is not shown by the export.
    RecordQuestion,
    /// Remove a connected app in Facebook's (or Instagram's) settings.
    RemoveApp,
    /// The export shows the app already removed.
    AppAlreadyRemoved,
    /// Clear or disconnect the company's off-Meta activity.
    ClearOffMetaActivity,
    /// Stop ads that use the company's list.
    LeaveAdvertiserList,
    /// Hide the company's ads, and see why an ad was shown.
    HideAds,
    /// Ask the company for a copy of the data (GDPR Art. 15, CCPA right to know).
    AskForCopy,
    /// Ask the company to erase the data (GDPR Art. 17, CCPA right to delete).
    AskToErase,
    /// Object to the company's processing (GDPR Art. 21, CCPA opt-out of sale and sharing).
    Object,
    /// Something the record says about how to write to this organisation.
    RecordNote,
    /// Several records fit; the person chooses.
    ChooseRecord,
    /// No bundled record fits.
    FindContact,
    /// Where to complain.
    Complain,
    /// The person has not said where they live (or, in Germany, which state).
    ChooseCountry,
}

/// One thing a person can do, in words. Serialised as its text: `"steps": [str]` in `report --json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: StepKind,
    pub text: String,
}

impl Serialize for Step {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

pub(super) struct Input<'a> {
    pub company: &'a str,
    pub statements: &'a [&'a Statement],
    pub companies: &'a [&'a Company],
    pub contact: Option<&'a Contact>,
    pub candidates: &'a [Candidate],
    pub in_export: bool,
    pub options: &'a Options,
}

/// Said after every menu path: the menus are Facebook's, not ours.
const MENUS_MOVE: &str = "Facebook moves its menus from time to time, so yours may differ.";

pub(super) fn steps(input: &Input) -> Vec<Step> {
    let mut out = Vec::new();
    let mut push = |kind: StepKind, text: String| out.push(Step { kind, text });
    let company = input.company;
    let has = |kind: Kind| input.statements.iter().any(|s| s.kind == kind);
    let has_source = |source: CompanySource| input.companies.iter().any(|c| c.sources.contains(&source));
    let reported: Vec<&str> = dedup(
        input.statements.iter().filter(|s| s.confidence == Confidence::Reported).map(|s| s.kind.label()).collect(),
    );

    if !input.in_export {
        push(
            StepKind::RecordOnly,
            format!(
                "Your export does not show that {company} had your data: only the public record names it ({}). \
                 A request to {company} is a question (did you receive my data this way?), not a claim.",
                reported.join("; ").to_lowercase()
            ),
        );
    } else if !reported.is_empty() {
        push(
            StepKind::RecordQuestion,
            format!(
                "Your export does not show what the public record says about {company} ({}): in a request, ask \
                 about it as a question, not a claim.",
                reported.join("; ").to_lowercase()
            ),
        );
    }

    // Connected apps, one step per app the export lists.
    let instagram_only = !input.companies.is_empty()
        && input
            .companies
            .iter()
            .all(|c| c.platforms.contains(&Platform::Instagram) && !c.platforms.contains(&Platform::Facebook));
    for s in input.statements.iter().filter(|s| s.kind == Kind::ConnectedApp) {
        let app = &s.company;
        if s.ending == Ending::Ended {
            push(
                StepKind::AppAlreadyRemoved,
                format!(
                    "Your export shows you removed {app} from your account on {}, so there is nothing left to \
                     remove. Removing an app stops new access; what it already received stays with {company} \
                     (ask for it, or ask for it to be erased, below).",
                    s.end_label
                ),
            );
        } else {
            let path = if instagram_only {
                format!(
                    "Instagram > your profile > Menu > Settings and activity > Website permissions > Apps and websites > {app} > Remove"
                )
            } else {
                format!("Facebook > Settings & privacy > Settings > Apps and websites > {app} > Remove")
            };
            push(
                StepKind::RemoveApp,
                format!(
                    "Remove {app} from your account: {path}. {MENUS_MOVE} Removing stops new access; it does not \
                     delete what {app} already received."
                ),
            );
        }
    }

    if has(Kind::OffMetaActivity) || has_source(CompanySource::OffMetaActivity) {
        push(
            StepKind::ClearOffMetaActivity,
            format!(
                "Disconnect {company} from your account's off-Meta activity: Settings & privacy > Settings > \
                 Accounts Center > Your information and permissions > Your activity off Meta technologies > \
                 {company} > Disconnect future activity; \"Clear previous activity\" on the same page clears \
                 the history already linked to your account. {MENUS_MOVE} This changes what Meta links to your \
                 account; it does not stop {company} collecting on its own site or app (for that, object, \
                 below)."
            ),
        );
    }

    if has(Kind::AdvertiserList) || has_source(CompanySource::AdvertiserList) {
        push(
            StepKind::LeaveAdvertiserList,
            format!(
                "Stop ads that use {company}'s list: Accounts Center > Ad preferences > Manage info > \
                 Audience-based advertising > {company} > choose not to see ads that use its list. {MENUS_MOVE} \
                 This does not take you off {company}'s own list; asking it to erase your data (below) does."
            ),
        );
    }

    let advertiser =
        [Kind::AdvertiserList, Kind::AdvertiserActivity, Kind::AdvertiserInteraction].iter().any(|k| has(*k))
            || [
                CompanySource::AdvertiserList,
                CompanySource::AdvertiserActivity,
                CompanySource::AdvertiserInteraction,
                CompanySource::AdViewed,
            ]
            .iter()
            .any(|s| has_source(*s));
    if advertiser {
        let activity = if has(Kind::AdvertiserActivity) || has_source(CompanySource::AdvertiserActivity) {
            " To stop ads based on your activity on other sites and apps in general: Ad preferences > Manage \
             info > Activity information from ad partners."
        } else {
            ""
        };
        push(
            StepKind::HideAds,
            format!(
                "Hide {company}'s ads: Accounts Center > Ad preferences > Advertisers > {company} > Hide ads. On \
                 one of its ads, the ··· menu > \"Why am I seeing this ad?\" shows what Meta used to show it to \
                 you.{activity} {MENUS_MOVE}"
            ),
        );
    }

    // Requests to the company.
    let objection_about = if has(Kind::OffMetaActivity) || has(Kind::AdvertiserList) || has(Kind::AdvertiserActivity) {
        "for advertising, including sending Meta your activity or matching you in ad lists"
    } else {
        "for direct marketing and profiling"
    };
    match input.contact {
        Some(contact) => {
            let quoted = quote_arg(company);
            let reach = contact.reach();
            let ask = if input.in_export {
                format!(
                    "Ask {} for a copy of your data, what it uses it for, who it shares it with and where it came from",
                    contact.name
                )
            } else {
                format!(
                    "Ask {} whether it holds data about you, and if so for a copy and where it came from",
                    contact.name
                )
            };
            push(
                StepKind::AskForCopy,
                format!(
                    "{ask} (GDPR Article 15; in California, the CCPA's right to know). Use \"Write a request…\", \
                     or `datamap letter {quoted} --kind access`, and send it to {reach}."
                ),
            );
            push(
                StepKind::AskToErase,
                format!(
                    "Ask {} to erase your data (GDPR Article 17; CCPA right to delete): `--kind erasure`.",
                    contact.name
                ),
            );
            push(
                StepKind::Object,
                format!(
                    "Object to {} using your data {objection_about} (GDPR Article 21; under the CCPA, opt out of \
                     sale and sharing): `--kind objection`.",
                    contact.name
                ),
            );
            if let Some(note) = &contact.note {
                push(StepKind::RecordNote, note.clone());
            }
            if let Some(record) = contacts::builtin().and_then(|c| c.record(&contact.record)) {
                for note in record_notes(record) {
                    push(StepKind::RecordNote, note);
                }
            }
        }
        None if !input.candidates.is_empty() => {
            let list: Vec<String> = input
                .candidates
                .iter()
                .map(|c| {
                    format!(
                        "{} ({})",
                        c.name,
                        if c.countries == ["all"] { "all countries".to_owned() } else { c.countries.join(", ") }
                    )
                })
                .collect();
            let hint = if input.options.country.is_some() {
                "choose the record yourself"
            } else {
                "choose your country, or choose the record yourself"
            };
            push(
                StepKind::ChooseRecord,
                format!(
                    "Several privacy contacts in the bundled datarequests.org records fit \"{company}\": {}. To write \
                     to it, {hint}.",
                    list.join("; ")
                ),
            );
        }
        None => push(
            StepKind::FindContact,
            format!(
                "No privacy contact for {company} is among the bundled datarequests.org records. Its privacy policy \
                 names one; a request letter can still be written, with the address left for you to fill in."
            ),
        ),
    }

    // Where to complain.
    let complain_when = format!("If {company} does not answer within a month (45 days under the CCPA), or refuses");
    match (&input.options.country, contacts::builtin()) {
        (None, _) => push(
            StepKind::ChooseCountry,
            format!(
                "Choose your country to see which data protection authority you can complain to. {complain_when}, that is the next step."
            ),
        ),
        (Some(country), Some(all)) => match all.authority_for(country, input.options.region.as_deref()) {
            AuthorityChoice::Found(a) => {
                let reach = match (&a.email, &a.webform) {
                    (_, Some(form)) => format!("complaint form {form}"),
                    (Some(email), None) => email.clone(),
                    (None, None) => a.address.replace('\n', ", "),
                };
                push(
                    StepKind::Complain,
                    format!("{complain_when}, you can complain to {} ({reach}); GDPR Article 77.", a.name),
                );
            }
            AuthorityChoice::NeedsRegion => push(
                StepKind::ChooseCountry,
                "In Germany each federal state has its own data protection authority for companies: choose your \
                 state to see where to complain."
                    .to_owned(),
            ),
            AuthorityChoice::NotListed => push(
                StepKind::Complain,
                format!(
                    "The bundled records name no data protection authority for {}; they cover the EU, the EEA, the \
                     UK and Switzerland. In California, complaints about a business go to the California Privacy \
                     Protection Agency.",
                    country_label(country)
                ),
            ),
        },
        (Some(_), None) => {}
    }
    out
}

/// What the record says about writing to this organisation, when it differs from an ordinary request.
pub(super) fn record_notes(r: &contacts::CompanyRecord) -> Vec<String> {
    let mut out = Vec::new();
    let needed: Vec<&str> = r.required_elements.iter().filter(|e| !e.optional).map(|e| e.desc.as_str()).collect();
    if !needed.is_empty() {
        out.push(format!("{} asks that a request include: {}.", r.name, needed.join(", ")));
    }
    if r.needs_id_document {
        out.push(format!("{} asks for a copy of an identity document with a request.", r.name));
    }
    match r.request_kind.as_deref() {
        Some("tracking") => out.push(format!(
            "{} works with cookie and device identifiers: ask it which identifier it needs to find your data.",
            r.name
        )),
        Some("church_dsg_ekd") => out.push(format!(
            "{} falls under the Protestant church's data protection law (DSG-EKD), not the GDPR; the rights are \
             alike, the articles differ.",
            r.name
        )),
        Some("church_kdg") => out.push(format!(
            "{} falls under the Catholic church's data protection law (KDG), not the GDPR; the rights are alike, \
             the articles differ.",
            r.name
        )),
        Some("special") => out.push(format!(
            "datarequests.org marks requests to {} as a special case: read its record before writing.",
            r.name
        )),
        _ => {}
    }
    if let Some(lang) = &r.request_language {
        out.push(format!("The record says {} takes requests in {}.", r.name, language_name(lang)));
    }
    out
}

fn language_name(code: &str) -> String {
    match code {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "nl" => "Dutch",
        "pt" => "Portuguese",
        "sv" => "Swedish",
        "da" => "Danish",
        "fi" => "Finnish",
        "no" | "nb" => "Norwegian",
        "pl" => "Polish",
        "cs" => "Czech",
        other => return other.to_owned(),
    }
    .to_owned()
}

/// A company name as a shell argument: quoted when it holds anything but letters, digits and `.-_`.
fn quote_arg(name: &str) -> String {
    if !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_')) {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

fn dedup(items: Vec<&str>) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}
