//! Who could see what, when, and how we know. The exposure engine crosses the person's own export (the
//! model) with the public record (the catalogue) and produces statements. Every statement carries its
//! evidence and a confidence level, because an accusation that isn't backed up is a bug:
//!
//! - `observed`: the person's export says so;
//! - `inferred`: the export crossed with the public record (e.g. an app connected while a deal ran);
//! - `reported`: public reporting says it applied to users like this person.

mod devices;
mod rules;
mod table;
mod window;

pub use devices::device_partner;
pub use table::{Row, rows, to_csv};
pub use window::Window;

use crate::catalog::Catalog;
use crate::model::{DataMap, Unix};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Stated in the person's export.
    Observed,
    /// The export crossed with the public record.
    Inferred,
    /// Public reporting says it applied to users like this person.
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
            Confidence::Inferred => "Your export, crossed with public reporting about this company.",
            Confidence::Reported => {
                "Public reporting says this applied to Facebook users like you; your export does not show it."
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    ConnectedApp,
    GraphApiFriends,
    MessagingPartner,
    FriendsReach,
    DeviceIntegration,
    OffMetaActivity,
    AdvertiserList,
    AdvertiserActivity,
    AdvertiserInteraction,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::ConnectedApp => "Connected app",
            Kind::GraphApiFriends => "Friends' data via Graph API v1.0",
            Kind::MessagingPartner => "Messaging partner",
            Kind::FriendsReach => "Partner with access to friends' data",
            Kind::DeviceIntegration => "Device integration",
            Kind::OffMetaActivity => "Sent your activity to Meta",
            Kind::AdvertiserList => "Advertiser list with you in it",
            Kind::AdvertiserActivity => "Advertiser using your activity",
            Kind::AdvertiserInteraction => "Ad you clicked or closed",
        }
    }

    /// What the person did (or did not do) to switch this on.
    pub fn activation(self) -> &'static str {
        match self {
            Kind::ConnectedApp | Kind::GraphApiFriends => "You logged in to it with Facebook",
            Kind::MessagingPartner => "You connected its app, then used its Facebook messaging features",
            Kind::FriendsReach => "Nothing, for most users: the access came through Facebook's deal",
            Kind::DeviceIntegration => "You signed in to Facebook on the maker's device or software",
            Kind::OffMetaActivity => "You used its site or app; its Meta pixel or SDK reported it",
            Kind::AdvertiserList => "The advertiser uploaded or used a list that matched you",
            Kind::AdvertiserActivity => "You used its site, app or store",
            Kind::AdvertiserInteraction => "You clicked or closed one of its ads",
        }
    }
}

/// Whether the access is over, and how we know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "as_of")]
pub enum Ending {
    /// Ended at `end` (which may itself be approximate).
    Ended,
    /// Ended, at a time nobody has published.
    EndedUnknown,
    /// Still running as of this date (YYYY-MM-DD): the export date, or the last public report.
    StillActive(String),
    /// Nothing says whether or when it ended.
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub publication: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Evidence {
    /// Files in the person's export, relative to its root.
    pub files: Vec<String>,
    /// Public sources, from the catalogue.
    pub sources: Vec<Source>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub company: String,
    pub catalog_id: Option<String>,
    pub kind: Kind,
    /// Data kinds from the catalogue's closed vocabulary (plus the engine's own, see [`data_kind_label`]).
    pub data: Vec<String>,
    pub start: Option<Unix>,
    pub end: Option<Unix>,
    pub ending: Ending,
    pub confidence: Confidence,
    /// Names of the people whose data it touched (the owner's own data is implied).
    pub people: Vec<String>,
    pub evidence: Evidence,
    pub explanation: String,
}

/// Run every rule over the map.
pub fn statements(map: &DataMap, catalog: &Catalog) -> Vec<Statement> {
    let mut out = Vec::new();
    rules::connected_apps(map, catalog, &mut out);
    // The partner deals were Facebook's: an Instagram-only map gets only what its own export observed.
    if map.platform != crate::model::Platform::Instagram {
        rules::graph_api_friends(map, catalog, &mut out);
        rules::messaging_partners(map, catalog, &mut out);
        rules::friends_reach(map, catalog, &mut out);
        rules::device_integrations(map, catalog, &mut out);
    }
    rules::off_meta(map, catalog, &mut out);
    rules::advertisers(map, catalog, &mut out);
    out
}

/// A few words for a data kind, for table cells; [`data_kind_description`] has the full sentence.
pub fn data_kind_label(kind: &str) -> String {
    let words = match kind {
        "off_meta_activity" => "your activity on its site or app",
        "ad_audience" => "you, in its ad audience",
        "ad_interaction" => "your clicks on its ads",
        "profile" => "your profile",
        "user_id" => "your user ID",
        "email" => "your email",
        "phone" => "your phone number",
        "messages_read" => "read messages",
        "messages_write" => "write messages",
        "messages_delete" => "delete messages",
        "thread_participants" => "who you message",
        "friend_names" => "friends' names",
        "friend_profile" => "friends' profiles",
        "friend_contact_info" => "friends' contact details",
        "friend_email" => "friends' emails",
        "friend_data_despite_opt_out" => "friends' data despite opt-out",
        "friend_data_unspecified" => "friends' data (unitemised)",
        "account_unspecified" => "your account data (unitemised)",
        other => return other.replace('_', " ").replace("friend ", "friends' "),
    };
    words.to_owned()
}

/// The full description of a data kind, from the catalogue's vocabulary where it has one.
pub fn data_kind_description(kind: &str) -> String {
    match crate::catalog::builtin().data_kind(kind) {
        Some(k) => k.description.clone(),
        None => data_kind_label(kind),
    }
}
