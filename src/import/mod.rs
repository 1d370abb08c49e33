//! Turns an opened [`Archive`] into a [`DataMap`]. It finds each file family by path suffix, reads only the
//! JSON entries it needs (never media), parses each into records, and merges the parts of split files. A
//! file that cannot be read becomes a warning naming it; only whole-input problems (not an export, the HTML
//! format, another platform) stop the import.

pub mod ads;
pub mod apps;
pub mod builder;
pub mod devices;
pub mod families;
pub mod json;
pub mod messages;
pub mod people;
pub mod text;
pub mod time;

use crate::archive::{Archive, ArchiveError, Input};
use crate::model::DataMap;
use builder::Builder;
use families::Family;
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

    fn check(&self) -> Result<(), ImportError> {
        if self.cancel.load(Ordering::Relaxed) { Err(ImportError::Cancelled) } else { Ok(()) }
    }
}

/// Open and import in one step.
pub fn import(inputs: &[Input], monitor: &Monitor) -> Result<DataMap, ImportError> {
    (monitor.report)(Progress { stage: "Opening the export", file: inputs.first().map(Input::name), fraction: 0.0 });
    let mut archive = Archive::open(inputs)?;
    import_archive(&mut archive, monitor)
}

struct Located {
    family: Family,
    key: String,
    entry: usize,
}

pub fn import_archive(archive: &mut Archive, monitor: &Monitor) -> Result<DataMap, ImportError> {
    monitor.check()?;
    let mut located: Vec<Located> = archive
        .entries()
        .iter()
        .enumerate()
        .filter_map(|(entry, e)| families::classify(&e.path).map(|(family, key)| Located { family, key, entry }))
        .collect();
    if located.is_empty() {
        return Err(not_an_export(archive));
    }
    located.sort_by(|a, b| {
        (a.family, &a.key, &archive.entries()[a.entry].path).cmp(&(b.family, &b.key, &archive.entries()[b.entry].path))
    });
    let total_bytes: u64 = located.iter().map(|l| archive.entries()[l.entry].size.max(1)).sum::<u64>().max(1);
    let mut done_bytes = 0u64;
    let mut out = Builder::default();
    let mut owners_by_input: BTreeMap<usize, String> = BTreeMap::new();
    let mut seen_records: HashSet<(Family, String, String)> = HashSet::new();
    let mut seen_messages: HashSet<messages::MessageKey> = HashSet::new();
    let mut current_thread = String::new();
    let mut readable = 0usize;
    for item in &located {
        monitor.check()?;
        let entry = &archive.entries()[item.entry];
        let (path, input, size) = (entry.path.clone(), entry.input, entry.size);
        (monitor.report)(Progress {
            stage: "Reading your data",
            file: Some(path.clone()),
            fraction: 0.05 + 0.85 * (done_bytes as f32 / total_bytes as f32),
        });
        done_bytes += size.max(1);
        let doc = match archive.read(item.entry).and_then(|bytes| json::parse(&bytes)) {
            Ok(doc) => doc,
            Err(problem) => {
                out.warnings.push(format!("{path} {problem}; it was skipped."));
                continue;
            }
        };
        if item.family == Family::Messages && current_thread != item.key {
            current_thread.clone_from(&item.key);
            seen_messages.clear();
        }
        let doc = dedupe_parts(item, doc, &mut seen_records);
        out.set_file(&path);
        let result = parse(item, &path, &doc, &mut seen_messages, &mut out);
        match result {
            Ok(_) => {
                readable += 1;
                out.files_read.push(path);
                if item.family == Family::Profile
                    && let Some(name) = profile_name(&doc)
                {
                    owners_by_input.entry(input).or_insert(name);
                }
            }
            Err(problem) => out.warnings.push(format!("{path} {problem}; it was skipped.")),
        }
    }
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
                "none of the {} export files in it could be read: {}",
                located.len(),
                out.warnings.first().cloned().unwrap_or_default()
            ),
        });
    }
    let export_date = archive.inputs().iter().find_map(|i| date_in_name(&i.file_name()));
    Ok(out.finish(export_date))
}

fn parse(
    item: &Located,
    path: &str,
    doc: &Value,
    seen_messages: &mut HashSet<messages::MessageKey>,
    out: &mut Builder,
) -> Result<usize, String> {
    match item.family {
        Family::Profile => people::profile(doc, out).map(|()| 1),
        Family::Friends
        | Family::RemovedFriends
        | Family::SentRequests
        | Family::ReceivedRequests
        | Family::RejectedRequests
        | Family::Followers
        | Family::Following => people::people(doc, item.family, out),
        Family::ConnectedApps => apps::connected(doc, path, &["installed_apps_v2", "installed_apps"], out),
        Family::InstantGames => apps::connected(doc, path, &["instant_games_played_v2", "instant_games_played"], out),
        Family::AppPosts => apps::posts(doc, out),
        Family::OffMeta => ads::off_meta(doc, out),
        Family::AdvertisersUsing => ads::advertisers_using(doc, out),
        Family::AdvertisersContactList => ads::contact_lists(doc, out),
        Family::AdvertisersInteracted => ads::interacted(doc, out),
        Family::Devices => devices::devices(doc, out),
        Family::Messages => messages::thread(doc, &item.key, seen_messages, out),
    }
}

/// The parts of a split list (and a list repeated in several zips) overlap; a record already read from an
/// earlier part of the same list is dropped. Records within one file are never merged: two identical
/// friends-list rows can be two people.
fn dedupe_parts(item: &Located, mut doc: Value, seen: &mut HashSet<(Family, String, String)>) -> Value {
    if matches!(item.family, Family::Messages | Family::Profile) {
        return doc;
    }
    let mut this_file = Vec::new();
    let mut strip = |items: &mut Vec<Value>| {
        items.retain(|record| {
            let key = (item.family, item.key.clone(), record.to_string());
            let earlier = seen.contains(&key);
            this_file.push(key);
            !earlier
        });
    };
    match &mut doc {
        Value::Array(items) => strip(items),
        Value::Object(map) => map.values_mut().filter_map(Value::as_array_mut).for_each(strip),
        _ => {}
    }
    seen.extend(this_file);
    doc
}

fn profile_name(doc: &Value) -> Option<String> {
    let mut b = Builder::default();
    people::profile(doc, &mut b).ok()?;
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
        "this is an Instagram export. datamap reads Facebook exports; Instagram support is not ready yet.".to_owned()
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
