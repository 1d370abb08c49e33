//! Who could see what, when, and how we know. The exposure engine crosses the person's own export (the
//! model) with the public record (the catalogue) and produces statements. Every statement carries its
//! evidence and a confidence level, because an accusation that isn't backed up is a bug:
//!
//! - `observed`: the person's export says so (an app they connected, a business that sent Meta their
//!   activity);
//! - `inferred`: the export shows the deal's activation condition (an app connected, a login from the
//!   maker's device) inside the deal's dated window; whatever else the deal needed is named as unknown;
//! - `reported`: the public record only. The export names the company but not the deal's condition, or the
//!   record says the deal covered users generally.
//!
//! The record shows what companies could reach, not what they collected; the statements say so.

pub mod about_person;
mod companies;
mod conditions;
mod deals;
pub mod devices;
mod observed;
mod people;
mod table;
mod window;

pub use companies::{Companies, CompanyEntry, CompanyId};
pub use conditions::Shown;
pub use devices::{DeviceInfo, read_user_agent};
pub use table::{Part, Row, rows, to_csv};
pub use window::{DealTimes, Window};

use crate::catalog::{Catalog, Category, DataKind};
use crate::model::{DataMap, PersonId, Platform, Unix};
use serde::Serialize;

/// Said once wherever statements are shown: the record is about access, not use.
pub const ACCESS_NOT_USE: &str = "The public record shows what a company could reach, not that it collected \
or used your data. Several of the companies deny using the access.";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated in the person's export.
    Observed,
    /// The export shows the deal's activation condition inside the deal's dated window.
    Inferred,
    /// The public record only.
    Reported,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Confidence::Observed => "Observed",
            Confidence::Inferred => "Inferred",
            Confidence::Reported => "Reported",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Confidence::Observed => "Your own export says so.",
            Confidence::Inferred => {
                "Your export shows what switched the deal on (an app connected, a login from the maker's device) \
                 while the public record says the deal ran; what else it needed is listed as unknown."
            }
            Confidence::Reported => "The public record only: your export does not show what switched the deal on.",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ConnectedApp,
    GraphApiFriends,
    MessagingPartner,
    WhitelistedApi,
    ExtendedApi,
    InstantPersonalization,
    SearchIntegration,
    SpecialAccess,
    DeviceIntegration,
    OffMetaActivity,
    AdvertiserList,
    AdvertiserActivity,
    AdvertiserInteraction,
}

impl Kind {
    pub const ALL: [Kind; 13] = [
        Kind::ConnectedApp,
        Kind::GraphApiFriends,
        Kind::MessagingPartner,
        Kind::WhitelistedApi,
        Kind::ExtendedApi,
        Kind::InstantPersonalization,
        Kind::SearchIntegration,
        Kind::SpecialAccess,
        Kind::DeviceIntegration,
        Kind::OffMetaActivity,
        Kind::AdvertiserList,
        Kind::AdvertiserActivity,
        Kind::AdvertiserInteraction,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Kind::ConnectedApp => "Connected app",
            Kind::GraphApiFriends => "Friends' data via Graph API v1.0",
            Kind::MessagingPartner => "Messaging partner",
            Kind::WhitelistedApi => "Whitelisted friend access",
            Kind::ExtendedApi => "Extended friend access (2015)",
            Kind::InstantPersonalization => "Instant personalization",
            Kind::SearchIntegration => "Search integration",
            Kind::SpecialAccess => "Special access",
            Kind::DeviceIntegration => "Device or platform integration",
            Kind::OffMetaActivity => "Sent your activity to Meta",
            Kind::AdvertiserList => "Advertiser list with you in it",
            Kind::AdvertiserActivity => "Advertiser using your activity",
            Kind::AdvertiserInteraction => "Ad you clicked or closed",
        }
    }

    /// The statement kind for a deal of this category.
    pub fn of_deal(category: &Category) -> Kind {
        match category {
            Category::Messaging => Kind::MessagingPartner,
            Category::WhitelistedApi => Kind::WhitelistedApi,
            Category::ExtendedApi => Kind::ExtendedApi,
            Category::InstantPersonalization => Kind::InstantPersonalization,
            Category::SearchIntegration => Kind::SearchIntegration,
            Category::AppPlatform => Kind::GraphApiFriends,
            Category::DeviceIntegration => Kind::DeviceIntegration,
            Category::SpecialAccess | Category::Other(_) => Kind::SpecialAccess,
        }
    }

    /// Kinds that come from the public record rather than from the export alone.
    pub fn is_deal(self) -> bool {
        !matches!(
            self,
            Kind::ConnectedApp
                | Kind::OffMetaActivity
                | Kind::AdvertiserList
                | Kind::AdvertiserActivity
                | Kind::AdvertiserInteraction
        )
    }
}

/// Whether the access is over, and how we know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Ending {
    /// Ended at `end` (which may itself be approximate or only a plan).
    Ended,
    /// Ended, at a time nobody has published.
    EndedUnknown,
    /// Still running at this date, and nothing says when it ended after that.
    AtLeastUntil { as_of: String, per: String },
    /// Still running as of this date (YYYY-MM-DD): the export date, or the last public report.
    StillActive { as_of: String, per: String },
    /// Nothing says whether or when it ended.
    Unknown,
}

impl Ending {
    /// "still active as of 2018-12-18 (Facebook, 2018-12-18)" and the like; `None` for a plain end.
    pub fn describe(&self) -> Option<String> {
        match self {
            Ending::Ended => None,
            Ending::EndedUnknown => Some("ended, date unknown".into()),
            Ending::AtLeastUntil { as_of, per } => Some(format!("running in {as_of} ({per}); end unknown")),
            Ending::StillActive { as_of, per } => Some(format!("still active as of {as_of} ({per})")),
            Ending::Unknown => Some("unknown".into()),
        }
    }

    pub fn is_open(&self) -> bool {
        matches!(self, Ending::StillActive { .. })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub publication: String,
    pub date: Option<String>,
    pub url: Option<String>,
    /// What the statement relies on this source for, in our words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supports: Option<String>,
    /// The company's or Facebook's own words or documents.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Evidence {
    /// Files in the person's export, relative to its root.
    pub files: Vec<String>,
    /// Public sources, from the catalogue.
    pub sources: Vec<Source>,
}

/// A company's or Facebook's public answer, shown beside the deal it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Response {
    /// `company` or `facebook`.
    pub party: String,
    pub speaker: String,
    pub date: Option<String>,
    pub summary: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// The company's name, for display.
    pub company: String,
    /// Which company this is, whatever the spelling.
    #[serde(skip)]
    pub company_id: CompanyId,
    pub catalog_id: Option<String>,
    /// The catalogue deal behind a statement from the public record.
    pub deal_id: Option<String>,
    pub kind: Kind,
    pub data: Vec<DataKind>,
    /// For the export's own facts, its dates; for a deal, the record's dates (earliest possible start,
    /// latest possible end), never the person's. `None` where the source gives none.
    pub start: Option<Unix>,
    pub end: Option<Unix>,
    /// The same dates as a reader should see them, with their precision, qualifier and source.
    pub start_label: String,
    pub end_label: String,
    pub ending: Ending,
    pub confidence: Confidence,
    /// The people whose data it touched (the owner's own data is implied); two people with one name are
    /// two. The report writes their names.
    #[serde(skip)]
    pub people: Vec<PersonId>,
    /// How many people, or `None` when that cannot be known from the export.
    pub people_count: Option<usize>,
    /// True when `people_count` is a lower bound (the record leaves the deal's end open, or some friends
    /// have no date).
    pub people_count_is_minimum: bool,
    /// How `people` were chosen, so a person's view can say what put them there.
    #[serde(skip)]
    pub people_rule: Option<PeopleRule>,
    /// What the export shows of the deal's activation condition (for deals), with files and dates.
    pub condition_shown: Vec<Shown>,
    /// What had to be true besides, which the export cannot show; each reads after "whether".
    pub condition_unknown: Vec<String>,
    pub evidence: Evidence,
    /// Every public source behind this deal is a report about the original finding or statement, not the
    /// original itself.
    pub sources_secondary_only: bool,
    /// The companies' and Facebook's public answers about this deal.
    pub responses: Vec<Response>,
    pub explanation: String,
}

impl Statement {
    /// The stretch a timeline draws: the statement's dates, an open end drawn to the last date it is known
    /// to have run, narrowed to where the export shows the deal's condition (an app connected for part of a
    /// deal's window draws only that part). Unknown sides stay unknown.
    pub fn drawn(&self) -> Window {
        let open_end = match &self.ending {
            Ending::StillActive { as_of, .. } => {
                crate::catalog::PartialDate::parse(as_of).ok().map(|d| d.latest_unix())
            }
            Ending::AtLeastUntil { as_of, .. } => {
                crate::catalog::PartialDate::parse(as_of).ok().map(|d| d.earliest_unix())
            }
            _ => None,
        };
        let own = Window::new(self.start, self.end.or(open_end));
        let shown = self.condition_shown.iter().map(|c| c.possible).reduce(|a, b| {
            Window::new(a.start.zip(b.start).map(|(x, y)| x.min(y)), a.end.zip(b.end).map(|(x, y)| x.max(y)))
        });
        match shown {
            Some(shown) => own.overlap(shown).unwrap_or(own),
            None => own,
        }
    }
}

/// How a statement's people were chosen from the export.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PeopleRule {
    /// Everyone in the owner's Facebook threads with messages on a day inside the window.
    ThreadsIn(Window),
    /// Friends whose friendship the export dates on or before this moment.
    FriendsBy(Unix),
}

/// Every statement about the map, and the companies they are about.
#[derive(Debug, Clone, Default)]
pub struct Exposure {
    pub companies: Companies,
    pub statements: Vec<Statement>,
}

/// Run every rule over the map.
pub fn derive(map: &DataMap, catalog: &Catalog) -> Exposure {
    let mut companies = Companies::of(map, catalog);
    let mut out = Vec::new();
    observed::connected_apps(map, catalog, &mut companies, &mut out);
    // The partner deals were Facebook's: an Instagram-only map gets only what its own export observed.
    if map.platform != Platform::Instagram {
        deals::deal_statements(map, catalog, &mut companies, &mut out);
    }
    observed::off_meta(map, catalog, &mut companies, &mut out);
    observed::advertisers(map, catalog, &mut companies, &mut out);
    Exposure { companies, statements: out }
}

/// [`derive`]'s statements alone.
pub fn statements(map: &DataMap, catalog: &Catalog) -> Vec<Statement> {
    derive(map, catalog).statements
}
