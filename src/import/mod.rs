//! Turns an opened [`Archive`] into a [`DataMap`]. It finds each file family by path suffix, reads only the
//! JSON entries it needs (never media), parses each into records, and merges the parts of split files. A
//! file that cannot be read becomes a warning naming it; only whole-input problems (not an export, the HTML
//! format, another platform) stop the import.

pub mod ads;
pub mod apps;
#[cfg(feature = "dev")]
pub mod bench;
pub mod builder;
pub mod devices;
pub mod families;
pub mod instagram;
pub mod json;
pub mod links;
pub mod messages;
pub mod off_meta;
mod parallel;
pub mod people;
mod scan;
pub mod text;
mod thread_file;
pub mod time;

use crate::archive::{Archive, ArchiveError, Input};
use crate::model::{DataMap, Platform};
use builder::Builder;
use families::Family;
use parallel::Parsed;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The input cannot be used: names the file and the problem, in words a person can act on.
    Unusable {
        file: String,
        problem: String,
    },
    Cancelled,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Unusable { file, problem } => write!(f, "{file}: {problem}"),
            ImportError::Cancelled => f.write_str("the import was cancelled"),
        }
    }
}

impl std::error::Error for ImportError {}

impl From<ArchiveError> for ImportError {
    fn from(e: ArchiveError) -> Self {
        ImportError::Unusable { file: e.file, problem: e.problem }
    }
}

/// What the import is doing now, for a progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub stage: &'static str,
    pub file: Option<String>,
    /// 0.0 to 1.0 over the whole import.
    pub fraction: f32,
}

/// How the import reports progress and learns that it should stop.
pub struct Monitor<'a> {
    pub report: &'a (dyn Fn(Progress) + Sync),
    pub cancel: &'a AtomicBool,
}

impl Monitor<'_> {
    pub fn silent(cancel: &AtomicBool) -> Monitor<'_> {
        Monitor { report: &|_| {}, cancel }
    }

    /// `Err(Cancelled)` once the person cancelled.
    pub fn check(&self) -> Result<(), ImportError> {
        if self.cancel.load(Ordering::Relaxed) { Err(ImportError::Cancelled) } else { Ok(()) }
    }
}

/// Open and import in one step.
pub fn import(inputs: &[Input], monitor: &Monitor) -> Result<DataMap, ImportError> {
    (monitor.report)(Progress { stage: "Opening the export", file: inputs.first().map(Input::name), fraction: 0.0 });
    let mut archive = Archive::open(inputs)?;
    import_archive(&mut archive, monitor)
}

/// All the files of one kind that merge: the numbered parts of a list, its browser copies and its copies in
/// other zips of the same export, or every file of one message thread. A group is one unit of work.
pub(crate) struct Group {
    pub family: Family,
    /// The export the files come from: Instagram and Facebook share only the message format.
    pub platform: Platform,
    pub key: String,
    /// Entry indices, in path order.
    pub entries: Vec<usize>,
    pub bytes: u64,
}

/// The JSON entries this import needs, grouped and in the order their records must be merged: the profile
/// first (it names the owner), messages last.
pub(crate) fn plan(archive: &Archive) -> Vec<Group> {
    let platforms = input_platforms(archive);
    let mut located: Vec<(Family, Platform, String, &str, usize)> = archive
        .entries()
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let platform = platforms.get(e.input).copied().unwrap_or_default();
            families::classify_for(&e.path, platform).map(|(family, key)| (family, platform, key, e.path.as_str(), i))
        })
        .collect();
    located.sort();
    let mut groups: Vec<Group> = Vec::new();
    for (family, platform, key, _, entry) in located {
        let size = archive.entries().get(entry).map_or(0, |e| e.size);
        match groups.last_mut() {
            Some(g) if g.family == family && g.platform == platform && g.key == key => {
                g.entries.push(entry);
                g.bytes += size;
            }
            _ => groups.push(Group { family, platform, key, entries: vec![entry], bytes: size }),
        }
    }
    groups
}

/// Which platform each input's export is from, decided once per input from its folders and name, so a
/// Facebook file is never read as an Instagram one or the other way round. An input with Instagram's
/// markers and none of Facebook's is Instagram; everything else is read as Facebook, as before.
fn input_platforms(archive: &Archive) -> Vec<Platform> {
    let inputs = archive.inputs();
    let mut instagram = vec![false; inputs.len()];
    let mut facebook = vec![false; inputs.len()];
    for (i, input) in inputs.iter().enumerate() {
        let name = input.file_name().to_lowercase();
        if name.starts_with("instagram-") {
            instagram[i] = true;
        } else if name.starts_with("facebook-") {
            facebook[i] = true;
        }
    }
    for e in archive.entries() {
        let path = e.path.to_lowercase();
        let component = |marker: &str| path.starts_with(marker) || path.contains(&format!("/{marker}"));
        let ig = instagram::MARKERS.iter().any(|m| component(m))
            || path == "connections.json"
            || (path.ends_with("/connections.json") && !path.contains("connections/"));
        let fb = FACEBOOK_MARKERS.iter().any(|m| component(m));
        if let Some(flag) = instagram.get_mut(e.input).filter(|_| ig) {
            *flag = true;
        }
        if let Some(flag) = facebook.get_mut(e.input).filter(|_| fb) {
            *flag = true;
        }
    }
    instagram
        .iter()
        .zip(&facebook)
        .map(|(&ig, &fb)| if ig && !fb { Platform::Instagram } else { Platform::Facebook })
        .collect()
}

/// Folders only a Facebook export has.
const FACEBOOK_MARKERS: &[&str] = &[
    "connections/friends/",
    "friends_and_followers/",
    "your_facebook_activity/",
    "your_activity_across_facebook/",
    "apps_and_websites_off_of_facebook/",
    "profile_information/profile_information.json",
];

pub fn import_archive(archive: &mut Archive, monitor: &Monitor) -> Result<DataMap, ImportError> {
    monitor.check()?;
    let groups = plan(archive);
    if groups.is_empty() {
        return Err(not_an_export(archive));
    }
    let total_bytes = groups.iter().map(|g| g.bytes.max(1)).sum::<u64>().max(1);
    let mut done_bytes = 0u64;
    let mut out = Builder::default();
    let mut owners_by_input: BTreeMap<usize, String> = BTreeMap::new();
    let mut readable = 0usize;
    let mut files = 0usize;
    let archive: &Archive = archive;
    parallel::run(archive, &groups, monitor, |group, parsed| {
        (monitor.report)(Progress {
            stage: "Reading your data",
            file: group.entries.first().and_then(|&e| archive.entries().get(e)).map(|e| e.path.clone()),
            fraction: 0.05 + 0.9 * (done_bytes as f32 / total_bytes as f32),
        });
        done_bytes += group.bytes.max(1);
        files += group.entries.len();
        let path_of = |entry: usize| archive.entries().get(entry).map(|e| e.path.clone()).unwrap_or_default();
        match parsed {
            Parsed::Docs(docs) => {
                for (entry, doc) in docs {
                    let path = path_of(entry);
                    let doc = match doc {
                        Ok(doc) => doc,
                        Err(problem) => {
                            out.warnings.push(format!("{path} {problem}; it was skipped."));
                            continue;
                        }
                    };
                    out.set_file(&path);
                    out.set_platform(group.platform);
                    match apply_doc(group.family, &path, &doc, &mut out) {
                        Ok(_) => {
                            readable += 1;
                            out.read_from_platform();
                            out.files_read.push(path);
                            if matches!(group.family, Family::Profile | Family::IgProfile)
                                && let Doc::Tree(doc) = &doc
                                && let Some(name) = profile_name(group.family, doc)
                                && let Some(input) = archive.entries().get(entry).map(|e| e.input)
                            {
                                owners_by_input.entry(input).or_insert(name);
                            }
                        }
                        Err(problem) => out.warnings.push(format!("{path} {problem}; it was skipped.")),
                    }
                }
            }
            Parsed::Thread(acc, results) => {
                out.set_platform(group.platform);
                let mut any = false;
                for (entry, result) in results {
                    let path = path_of(entry);
                    match result {
                        Ok(()) => {
                            any = true;
                            readable += 1;
                            out.read_from_platform();
                            out.files_read.push(path);
                        }
                        Err(problem) => out.warnings.push(format!("{path} {problem}; it was skipped.")),
                    }
                }
                if any {
                    out.merge_thread(&group.key, *acc);
                }
            }
        }
    })?;
    let owners: HashSet<&String> = owners_by_input.values().collect();
    if owners.len() > 1 {
        let mut names: Vec<&str> = owners.iter().map(|s| s.as_str()).collect();
        names.sort();
        return Err(ImportError::Unusable {
            file: archive.inputs().iter().map(Input::name).collect::<Vec<_>>().join(", "),
            problem: format!(
                "these are the exports of different people ({}). Open one person's export at a time; the parts \
                 of one export can be opened together",
                names.join(" and ")
            ),
        });
    }
    if readable == 0 {
        return Err(ImportError::Unusable {
            file: archive.inputs().first().map(Input::name).unwrap_or_default(),
            problem: format!(
                "none of the {files} export files in it could be read: {}",
                out.warnings.first().cloned().unwrap_or_default()
            ),
        });
    }
    (monitor.report)(Progress { stage: "Building the map", file: None, fraction: 0.95 });
    let export_date = archive.inputs().iter().find_map(|i| date_in_name(&i.file_name()));
    Ok(out.finish(export_date))
}

/// One export file, read on a worker thread and ready to merge.
pub enum Doc {
    Tree(Value),
    /// The off-Meta activity file in its common shape, read without a tree.
    OffMeta(off_meta::OffMeta),
}

/// Read one file of `family`: the off-Meta file in its common shape as a stream, everything else (and that
/// file in any other shape) into a tree.
pub fn read_doc(family: Family, bytes: &[u8]) -> Result<Doc, String> {
    if family == Family::OffMeta
        && let Some(file) = off_meta::read(bytes)
    {
        return Ok(Doc::OffMeta(file));
    }
    json::parse(bytes).map(Doc::Tree)
}

/// Add one read file to the map through its family's reader; the fuzz harness calls this too, so it
/// exercises exactly the dispatch the import uses.
pub fn apply_doc(family: Family, path: &str, doc: &Doc, out: &mut Builder) -> Result<usize, String> {
    match doc {
        Doc::Tree(value) => parse_family(family, path, value, out),
        Doc::OffMeta(file) => Ok(off_meta::add(file, out)),
    }
}

/// One export file parsed into a tree, through its family's parser.
pub fn parse_family(family: Family, path: &str, doc: &Value, out: &mut Builder) -> Result<usize, String> {
    match family {
        Family::Profile => people::profile(doc, out).map(|()| 1),
        Family::Friends
        | Family::RemovedFriends
        | Family::SentRequests
        | Family::ReceivedRequests
        | Family::RejectedRequests
        | Family::Followers
        | Family::Following => people::people(doc, family, out),
        Family::ConnectedApps => apps::connected(doc, path, &["installed_apps_v2", "installed_apps"], out),
        Family::InstantGames => apps::connected(doc, path, &["instant_games_played_v2", "instant_games_played"], out),
        Family::AppPosts => apps::posts(doc, out),
        Family::OffMeta => ads::off_meta(doc, out),
        Family::AdvertisersUsing => ads::advertisers_using(doc, out),
        Family::AdvertisersContactList => ads::contact_lists(doc, out),
        Family::AdvertisersInteracted => ads::interacted(doc, out),
        Family::Devices => devices::devices(doc, out),
        Family::LinkHistory => links::links(doc, out),
        Family::IgProfile
        | Family::IgConnections
        | Family::IgFollowers
        | Family::IgFollowing
        | Family::IgCloseFriends
        | Family::IgRequestsSent
        | Family::IgRequestsReceived
        | Family::IgApps
        | Family::IgOffMeta
        | Family::IgAdvertisers
        | Family::IgAdsViewed
        | Family::IgAdsClicked => instagram::parse(family, path, doc, out),
        Family::Messages => Err("is a message file".into()),
    }
}

/// The owner's name in a profile file: for Instagram the display name, which is what its messages and a
/// Facebook profile of the same person show.
fn profile_name(family: Family, doc: &Value) -> Option<String> {
    let mut b = Builder::default();
    match family {
        Family::IgProfile => instagram::parse(family, "", doc, &mut b).ok()?,
        _ => people::profile(doc, &mut b).map(|()| 1).ok()?,
    };
    b.finish(None).owner
}

/// `facebook-ada.example-2026-10-15-Ab12Cd.zip` > `2026-10-15`.
pub fn date_in_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = name.get(i..i + 10)?;
        let b = s.as_bytes();
        let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
        let shaped =
            digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
        let year: i32 = s.get(0..4)?.parse().ok()?;
        let month: u32 = s.get(5..7)?.parse().ok()?;
        let day: u32 = s.get(8..10)?.parse().ok()?;
        (shaped && (2004..2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then(|| s.to_owned())
    })
}

/// Explain what the input is when it holds no Facebook JSON we recognise.
fn not_an_export(archive: &Archive) -> ImportError {
    let file = archive.inputs().iter().map(Input::name).collect::<Vec<_>>().join(", ");
    let paths: Vec<&str> = archive.entries().iter().map(|e| e.path.as_str()).collect();
    let any = |needle: &str| paths.iter().any(|p| p.contains(needle));
    let names = archive.inputs().iter().map(Input::file_name).collect::<Vec<_>>().join(" ").to_lowercase();
    let problem = if paths.iter().any(|p| p.ends_with("your_friends.html") || p.ends_with("profile_information.html"))
        || (any(".html") && (any("connections/") || any("your_facebook_activity/") || any("friends/")))
    {
        "this is the HTML version of the Facebook export, which datamap cannot read. Request it again as JSON: \
         in Facebook open Accounts Center > Your information and permissions > Download your information, and \
         choose Format: JSON (media quality: low is enough)."
            .to_owned()
    } else if any("followers_and_following/") || any("your_instagram_activity/") || names.contains("instagram-") {
        "this is an Instagram export, but none of its files is one datamap knows: ask Instagram for the JSON \
         format (Accounts Center > Your information and permissions > Download your information > Format: JSON)."
            .to_owned()
    } else if paths.is_empty() {
        "the archive is empty".to_owned()
    } else {
        let mut sample: Vec<&str> = paths.iter().take(3).copied().collect();
        sample.sort();
        format!(
            "this is not a Facebook export: none of its {} files is one datamap knows (found {}{})",
            paths.len(),
            sample.join(", "),
            if paths.len() > 3 { ", …" } else { "" }
        )
    };
    ImportError::Unusable { file, problem }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(date_in_name("facebook-ada.example-2026-10-15-Ab12Cd.zip").as_deref(), Some("2026-10-15"));
        assert_eq!(date_in_name("facebook-ada.zip"), None);
        assert_eq!(date_in_name("x-2026-13-15.zip"), None);
    }
}
