//! Instagram's files. Instagram is the same Meta family as Facebook but names people differently:
//! relationship lists hold usernames (`bea.sample`), messages hold display names (`Bea Sample`). Nothing in
//! the export links the two, so both are kept as they are and never merged by guesswork; only exactly equal
//! strings are one person, as everywhere else.
//!
//! Four generations are read: 2020–21 `connections.json` (username → ISO date maps), 2021–22 wrapped
//! `relationships_*` lists of `string_list_data` items, 2022–24 bare arrays of the same items, and 2025–26
//! `label_values` records. Labels are localised (French `Auteur`, German `Benutzername`), so each value is
//! found by its label where the label is known and by its shape (a profile URL, a timestamp) where not.

use super::builder::Builder;
use super::families::Family;
use super::json::{first_time, first_value, label_value, records, str_field};
use super::time::unix;
use crate::model::{App, AppStatus, CompanySource, Relation, Unix};
use serde_json::{Map, Value};

/// Folders only an Instagram export has; any of them makes an input Instagram (see `import::plan`).
pub const MARKERS: &[&str] = &[
    "your_instagram_activity/",
    "followers_and_following/",
    "apps_and_websites_off_of_instagram/",
    "instagram_ads_and_businesses/",
];

const NAME: &[&str] = &["Name", "Nom", "Nombre", "Nome", "Full name"];
const USERNAME: &[&str] = &["Username", "Nom d'utilisateur", "Nom d’utilisateur", "Benutzername", "Nombre de usuario"];
const AUTHOR: &[&str] = &["Author", "Auteur", "Autor", "Autore"];
const TIME: &[&str] = &["Time", "Heure", "Uhrzeit", "Zeit", "Hora", "Date"];
const ADDED: &[&str] = &["Added on", "Ajoutée le", "Ajouté le", "Hinzugefügt am"];
const ENDED: &[&str] = &["Expired on", "Removed on", "Expirée le", "Supprimée le", "Abgelaufen am", "Entfernt am"];

pub fn parse(family: Family, path: &str, doc: &Value, out: &mut Builder) -> Result<usize, String> {
    match family {
        Family::IgProfile => profile(doc, out),
        Family::IgConnections => connections(doc, out),
        Family::IgFollowers => people(doc, Relation::Follower, out),
        Family::IgFollowing => people(doc, Relation::Following, out),
        Family::IgCloseFriends => people(doc, Relation::CloseFriend, out),
        Family::IgRequestsSent => people(doc, Relation::RequestSent, out),
        Family::IgRequestsReceived => people(doc, Relation::RequestReceived, out),
        Family::IgApps => apps(doc, path, out),
        // Both shapes of Instagram's off-Meta file are Facebook's: a list of `{name, events}` or records
        // with an events `vec`.
        Family::IgOffMeta => super::ads::off_meta(doc, out),
        Family::IgAdvertisers => super::ads::advertisers_using(doc, out),
        Family::IgAdsViewed => ads(doc, CompanySource::AdViewed, out),
        Family::IgAdsClicked => ads(doc, CompanySource::AdvertiserInteraction, out),
        _ => Err("is not an Instagram file".into()),
    }
}

/// `string_map_data` is an object keyed by localised labels: `{"Name": {"value": …, "timestamp": …}}`.
fn map_entry<'a>(record: &'a Value, labels: &[&str]) -> Option<&'a Map<String, Value>> {
    let map = record.get("string_map_data")?.as_object()?;
    map.iter().find(|(k, _)| labels.iter().any(|l| k.eq_ignore_ascii_case(l))).and_then(|(_, v)| v.as_object())
}

fn map_value<'a>(record: &'a Value, labels: &[&str]) -> Option<&'a str> {
    map_entry(record, labels)?.get("value")?.as_str().map(str::trim).filter(|s| !s.is_empty())
}

fn map_time(record: &Value, labels: &[&str]) -> Option<Unix> {
    unix(map_entry(record, labels)?.get("timestamp"))
}

/// The owner's display name, or their username where the profile has no name. 2020's `profile.json` is a
/// flat `{name, username}`; later profiles are `profile_user` records with `string_map_data`, then
/// label_values.
fn profile(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let record = records(doc, &["profile_user"]).and_then(<[Value]>::first).unwrap_or(doc);
    let name = str_field(doc, "name")
        .or_else(|| map_value(record, NAME))
        .or_else(|| label_value(record, NAME))
        .or_else(|| str_field(doc, "username"))
        .or_else(|| map_value(record, USERNAME))
        .or_else(|| label_value(record, USERNAME));
    let name = name.ok_or("has no profile name")?;
    out.set_owner(name);
    Ok(1)
}

/// 2020–21: one file of maps from username to the ISO date the relation began.
fn connections(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let object = doc.as_object().ok_or("has no lists of people")?;
    let mut read = 0;
    for (key, relation) in [
        ("followers", Relation::Follower),
        ("following", Relation::Following),
        ("close_friends", Relation::CloseFriend),
        ("follow_requests_sent", Relation::RequestSent),
        ("follow_requests_received", Relation::RequestReceived),
    ] {
        let Some(list) = object.get(key).and_then(Value::as_object) else { continue };
        for (username, since) in list {
            out.add_person(username, relation, since.as_str().and_then(iso_time).or_else(|| unix(Some(since))));
            read += 1;
        }
    }
    Ok(read)
}

/// `2020-03-01T10:20:30+01:00` (or `Z`, or no offset for UTC) to Unix seconds.
pub fn iso_time(text: &str) -> Option<Unix> {
    let text = text.trim();
    let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<i64>().ok();
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (month, day) = (u32::try_from(month).ok()?, u32::try_from(day).ok()?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let clock = if text.len() >= 19 { num(11..13)? * 3600 + num(14..16)? * 60 + num(17..19)? } else { 0 };
    let zone = text.get(19..).map(|z| z.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit())).unwrap_or("");
    let offset = match zone.as_bytes().first() {
        Some(sign @ (b'+' | b'-')) => {
            let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
            let hours = digits.get(0..2)?.parse::<i64>().ok()?;
            let minutes = digits.get(2..4).and_then(|m| m.parse::<i64>().ok()).unwrap_or(0);
            let seconds = hours * 3600 + minutes * 60;
            if *sign == b'+' { seconds } else { -seconds }
        }
        _ => 0,
    };
    let t = crate::model::days_from_civil(year, month, day) * 86_400 + clock - offset;
    unix(Some(&Value::from(t)))
}

fn people(doc: &Value, relation: Relation, out: &mut Builder) -> Result<usize, String> {
    let items = records(
        doc,
        &[
            "relationships_followers",
            "relationships_following",
            "relationships_close_friends",
            "relationships_follow_requests_sent",
            "relationships_follow_requests_received",
        ],
    )
    .ok_or("has no list of people")?;
    let mut read = 0;
    for item in items {
        if let Some(username) = username(item) {
            out.add_person(&username, relation, item_time(item));
            read += 1;
        }
    }
    Ok(read)
}

/// The username of a relationship item, in each shape Instagram has used: `string_list_data[0].value`; the
/// `title` (2024+, where `value` is gone); the profile URL's last segment; and in label_values records the
/// value that is a profile URL, else a `Username` label, else the first value.
fn username(item: &Value) -> Option<String> {
    let entry = item.get("string_list_data").and_then(Value::as_array).and_then(|l| l.first());
    if let Some(value) = entry.and_then(|e| str_field(e, "value")) {
        return Some(value.to_owned());
    }
    if let Some(title) = str_field(item, "title") {
        return Some(title.to_owned());
    }
    if let Some(user) = entry.and_then(|e| str_field(e, "href")).and_then(username_in_url) {
        return Some(user);
    }
    let entries = item.get("label_values").and_then(Value::as_array)?;
    let from_url =
        entries.iter().find_map(|e| str_field(e, "href").or_else(|| str_field(e, "value")).and_then(username_in_url));
    from_url.or_else(|| label_value(item, USERNAME).or_else(|| first_value(item)).map(str::to_owned))
}

/// `https://www.instagram.com/_u/bea.sample/` → `bea.sample`.
fn username_in_url(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("instagram.com/")?;
    let rest = rest.strip_prefix("_u/").unwrap_or(rest);
    let user = rest.split(['/', '?', '#']).next()?.trim();
    (!user.is_empty()).then(|| user.to_owned())
}

fn item_time(item: &Value) -> Option<Unix> {
    let entry = item.get("string_list_data").and_then(Value::as_array).and_then(|l| l.first());
    entry.and_then(|e| unix(e.get("timestamp"))).or_else(|| unix(item.get("timestamp"))).or_else(|| first_time(item))
}

/// Ads viewed (`impressions_history_ads_seen`) and clicked (`impressions_history_ads_clicked`): the
/// advertiser is the `Author` (viewed) or the `title` (clicked: the advertiser's account name), each with
/// its time. Viewing counts as [`CompanySource::AdViewed`], never as an interaction.
fn ads(doc: &Value, source: CompanySource, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["impressions_history_ads_seen", "impressions_history_ads_clicked"])
        .ok_or("has no list of ads")?;
    let mut read = 0;
    for item in items {
        let Some((name, at)) = ad(item) else { continue };
        out.add_company(name, source, at, at.is_some());
        read += 1;
    }
    Ok(read)
}

fn ad(item: &Value) -> Option<(&str, Option<Unix>)> {
    let at = map_time(item, TIME)
        .or_else(|| item_time(item))
        .or_else(|| string_map_entries(item).find_map(|e| unix(e.get("timestamp"))));
    let name = map_value(item, AUTHOR)
        .or_else(|| label_value(item, AUTHOR))
        .or_else(|| str_field(item, "title"))
        // Where the labels are in a language not listed, the author is the value that is not a time: some
        // exports write the time as display text with `timestamp: 0`, so that entry is the one with a
        // `timestamp` key at all.
        .or_else(|| {
            string_map_entries(item)
                .filter(|e| e.get("timestamp").is_none())
                .find_map(|e| e.get("value")?.as_str().map(str::trim).filter(|s| !s.is_empty()))
        })
        .or_else(|| first_value(item))?;
    Some((name, at))
}

fn string_map_entries(item: &Value) -> impl Iterator<Item = &Map<String, Value>> {
    item.get("string_map_data")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|m| m.values())
        .filter_map(Value::as_object)
}

/// Connected apps: active, expired and removed lists, told apart by file name, each `{title,
/// string_map_data: {"Added on", "Expired on" | "Removed on"}}` or a label_values record.
fn apps(doc: &Value, path: &str, out: &mut Builder) -> Result<usize, String> {
    let items = records(
        doc,
        &["apps_and_websites_active_apps", "apps_and_websites_expired_apps", "apps_and_websites_removed_apps"],
    )
    .ok_or("has no list of apps")?;
    let file = path.rsplit('/').next().unwrap_or(path);
    let status = if file.starts_with("active") {
        AppStatus::Active
    } else if file.starts_with("removed") {
        AppStatus::Removed
    } else {
        AppStatus::Inactive
    };
    let mut read = 0;
    for item in items {
        let name = str_field(item, "title")
            .or_else(|| label_value(item, &["App", "Name", "Nom"]))
            .or_else(|| first_value(item));
        let Some(name) = name else { continue };
        let added = map_time(item, ADDED).or_else(|| label_time(item, ADDED));
        let ended = map_time(item, ENDED).or_else(|| label_time(item, ENDED));
        // An expired app was not removed by the owner: its end date is kept only for removed apps.
        let removed = if status == AppStatus::Removed { ended } else { None };
        out.add_app(App {
            name: name.to_owned(),
            status: Some(status),
            added,
            removed,
            file: path.to_owned(),
            platforms: Vec::new(),
        });
        read += 1;
    }
    Ok(read)
}

fn label_time(item: &Value, labels: &[&str]) -> Option<Unix> {
    super::json::label(item, labels).and_then(|e| unix(e.get("timestamp_value")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_with_and_without_offsets() {
        assert_eq!(iso_time("2020-03-01T10:00:00+00:00"), Some(1_583_056_800));
        assert_eq!(iso_time("2020-03-01T11:00:00+01:00"), Some(1_583_056_800));
        assert_eq!(iso_time("2020-03-01T10:00:00Z"), Some(1_583_056_800));
        assert_eq!(iso_time("not a date"), None);
    }

    #[test]
    fn usernames_come_from_profile_urls() {
        assert_eq!(username_in_url("https://www.instagram.com/_u/bea.sample").as_deref(), Some("bea.sample"));
        assert_eq!(username_in_url("https://www.instagram.com/cai/").as_deref(), Some("cai"));
        assert_eq!(username_in_url("https://example.org/x"), None);
    }
}
