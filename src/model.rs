//! The imported map: who the owner is, the people around them, the companies that received or used their
//! data, and the message threads. This is the one shape every later stage (graph, exposure, report, views)
//! reads, so it holds facts as exported and never guesses: unknown times are `None`, and two people with the
//! same display name stay two people.

pub use crate::dates::{civil_from_unix, days_from_civil, format_date};
use serde::Serialize;
use std::collections::BTreeMap;

/// Seconds since the Unix epoch, UTC; `None` wherever the export gave 0 or nothing.
pub use crate::dates::Unix;

/// A person, by index into [`DataMap::people`]: two people with one display name are two ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct PersonId(pub u32);

impl PersonId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The one normalisation that decides when two spellings in an export are the same company: case and runs
/// of white space do not count, everything else does ("Spotify" and "spotify  " are one, "Spotify AB" is
/// another until the partner catalogue joins them).
pub fn company_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    #[default]
    Facebook,
    Instagram,
}

impl Platform {
    pub fn label(self) -> &'static str {
        match self {
            Platform::Facebook => "Facebook",
            Platform::Instagram => "Instagram",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Friend,
    RemovedFriend,
    RequestSent,
    RequestReceived,
    Follower,
    Following,
    MessageContact,
    /// On the owner's Instagram close friends list.
    CloseFriend,
}

impl Relation {
    /// The relations that make someone part of the owner's friend network rather than a passing contact.
    pub fn label(self) -> &'static str {
        match self {
            Relation::Friend => "Friend",
            Relation::RemovedFriend => "Removed friend",
            Relation::RequestSent => "You sent a friend request",
            Relation::RequestReceived => "Sent you a friend request",
            Relation::Follower => "Follows you",
            Relation::Following => "You follow them",
            Relation::MessageContact => "Messaged with you",
            Relation::CloseFriend => "On your close friends list",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CompanySource {
    ConnectedApp,
    OffMetaActivity,
    /// The advertiser uploaded or used a list that contains the owner.
    AdvertiserList,
    /// The advertiser used the owner's activity on its site, app or store.
    AdvertiserActivity,
    /// The owner clicked or closed one of its ads.
    AdvertiserInteraction,
    AppPost,
    /// The owner was shown one of its ads (Instagram's ads viewed); seeing an ad is not an interaction.
    AdViewed,
}

impl CompanySource {
    pub const ALL: [CompanySource; 7] = [
        CompanySource::ConnectedApp,
        CompanySource::OffMetaActivity,
        CompanySource::AdvertiserList,
        CompanySource::AdvertiserActivity,
        CompanySource::AdvertiserInteraction,
        CompanySource::AppPost,
        CompanySource::AdViewed,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CompanySource::ConnectedApp => "Connected app",
            CompanySource::OffMetaActivity => "Off-Meta activity",
            CompanySource::AdvertiserList => "Advertiser with a list containing you",
            CompanySource::AdvertiserActivity => "Advertiser using your activity",
            CompanySource::AdvertiserInteraction => "Advertiser whose ad you clicked or closed",
            CompanySource::AppPost => "App that posted for you",
            CompanySource::AdViewed => "Advertiser whose ad you were shown",
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Person {
    pub name: String,
    pub relations: Vec<Relation>,
    pub friend_since: Option<Unix>,
    /// When the owner removed this friend, where the export dates it.
    pub removed_at: Option<Unix>,
    /// Messages this person sent in threads shared with the owner.
    pub messages: u64,
    /// The exports this person appears in.
    pub platforms: Vec<Platform>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct Company {
    pub name: String,
    pub sources: Vec<CompanySource>,
    pub first_seen: Option<Unix>,
    pub last_seen: Option<Unix>,
    /// Dated events seen for this company (off-Meta events, ad interactions, app posts, app connections).
    pub events: u64,
    /// Off-Meta event counts by event type, e.g. `PAGE_VIEW`.
    pub event_types: BTreeMap<String, u64>,
    /// Export files that name this company: the evidence behind every statement about it.
    pub files: Vec<String>,
    /// When and how often each route was seen, so a rule about one route never borrows another's dates.
    pub by_source: BTreeMap<CompanySource, Span>,
    /// Dated events per calendar year (UTC), for the timeline.
    #[serde(skip)]
    pub events_per_year: BTreeMap<i32, u64>,
    /// Days (since 1970-01-01) with dated events, sorted, for the timeline's ticks.
    #[serde(skip)]
    pub event_days: Vec<i32>,
    /// The exports that name this company.
    pub platforms: Vec<Platform>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Default)]
pub struct Span {
    pub first: Option<Unix>,
    pub last: Option<Unix>,
    pub events: u64,
}

impl Span {
    pub fn add(&mut self, at: Option<Unix>, dated_event: bool) {
        if let Some(t) = at {
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
            if dated_event {
                self.events += 1;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AppStatus {
    Active,
    Inactive,
    Removed,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct App {
    pub name: String,
    pub status: Option<AppStatus>,
    pub added: Option<Unix>,
    pub removed: Option<Unix>,
    /// The export file this app was listed in.
    pub file: String,
    /// The export this app was listed in.
    pub platforms: Vec<Platform>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Thread {
    pub title: String,
    pub folder: String,
    /// Everyone in the thread except the owner.
    pub participants: Vec<String>,
    pub messages: u64,
    pub first: Option<Unix>,
    pub last: Option<Unix>,
    /// More than one other participant.
    pub group: bool,
    /// Messages per calendar year (UTC), so later views can intersect activity with partner windows
    /// without keeping any message.
    pub per_year: BTreeMap<i32, u64>,
    /// The days (since 1970-01-01, UTC) on which the thread had messages: enough to tell whether it was
    /// active inside a partner's window, without keeping any message.
    #[serde(skip)]
    pub days: Vec<i32>,
    /// The export files the thread was read from.
    #[serde(skip)]
    pub files: Vec<String>,
    /// The exports (Facebook, Instagram) the thread was read from: Facebook's deals reached Facebook's
    /// messages only.
    pub platforms: Vec<Platform>,
}

/// A login or session seen in the security files: the user agent tells which devices were used.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Device {
    pub user_agent: String,
    pub first_seen: Option<Unix>,
    pub last_seen: Option<Unix>,
    pub files: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Default)]
pub struct DataMap {
    pub schema: u32,
    /// Facebook whenever any Facebook data is present, so schema 1 readers keep one value.
    pub platform: Platform,
    /// Every platform whose export went into the map.
    pub platforms: Vec<Platform>,
    pub owner: Option<String>,
    /// `YYYY-MM-DD`, from the archive name, or else the newest timestamp in the export.
    pub export_date: Option<String>,
    /// When the owner's account was created, from the profile.
    pub registered: Option<Unix>,
    pub people: Vec<Person>,
    pub companies: Vec<Company>,
    pub apps: Vec<App>,
    pub threads: Vec<Thread>,
    pub devices: Vec<Device>,
    /// Files that were read, relative to the export root, so every fact can point at its evidence.
    pub files_read: Vec<String>,
    pub warnings: Vec<String>,
    /// Websites opened from Facebook's in-app browser (link history), by host name.
    pub websites: Vec<Website>,
}

/// A website the owner opened from Facebook (link history). Only the host is kept, never the full address.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Website {
    pub site: String,
    pub visits: u64,
    pub first: Option<Unix>,
    pub last: Option<Unix>,
    pub files: Vec<String>,
}

impl DataMap {
    pub fn person(&self, id: PersonId) -> Option<&Person> {
        self.people.get(id.index())
    }

    /// The display names of `ids`, in order.
    pub fn names(&self, ids: &[PersonId]) -> Vec<&str> {
        ids.iter().filter_map(|id| self.person(*id)).map(|p| p.name.as_str()).collect()
    }

    /// Each display name's first person, which is who a thread participant or a follower is taken to be.
    pub fn person_by_name(&self) -> std::collections::HashMap<&str, PersonId> {
        let mut out = std::collections::HashMap::with_capacity(self.people.len());
        for (i, p) in self.people.iter().enumerate() {
            out.entry(p.name.as_str()).or_insert(PersonId(i as u32));
        }
        out
    }

    pub fn friends(&self) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(|p| p.relations.contains(&Relation::Friend))
    }

    /// The dated removals of friends.
    pub fn removed_friend_times(&self) -> impl Iterator<Item = Unix> + '_ {
        self.people.iter().filter_map(|p| p.removed_at)
    }

    pub fn company(&self, name: &str) -> Option<&Company> {
        self.companies.iter().find(|c| c.name == name)
    }

    /// The export date as Unix seconds (end of that day, UTC): "now" for everything still active.
    pub fn export_time(&self) -> Option<Unix> {
        let date = self.export_date.as_deref()?;
        let year = date.get(0..4)?.parse().ok()?;
        let month = date.get(5..7)?.parse().ok()?;
        let day = date.get(8..10)?.parse().ok()?;
        Some(days_from_civil(year, month, day) * 86_400 + 86_399)
    }
}
