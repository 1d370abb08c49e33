//! Apps and websites that used Facebook Login, instant games, and posts that apps made on the owner's
//! behalf. Connected apps are the strongest evidence an export holds: the owner switched them on.

use super::builder::Builder;
use super::json::{first_time, first_value, label, label_value, records, str_field};
use super::time::unix;
use crate::model::{App, AppStatus, CompanySource};
use serde_json::Value;

pub fn connected(doc: &Value, file: &str, keys: &[&str], out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, keys).ok_or("has no list of apps")?;
    let mut read = 0;
    for item in items {
        let name = str_field(item, "name")
            .or_else(|| str_field(item, "title"))
            .or_else(|| label_value(item, &["App Name", "Name", "App", "Nom de l'app"]))
            .or_else(|| first_value(item));
        let Some(name) = name else { continue };
        let removed_label = label(item, &["Date Removed", "Removed on"]).and_then(|e| unix(e.get("timestamp_value")));
        let removed = unix(item.get("removed_timestamp")).or(removed_label);
        // With localised labels, a lone date on a record is the date the app was added.
        let added = unix(item.get("added_timestamp"))
            .or_else(|| label(item, &["Date Added", "Added on"]).and_then(|e| unix(e.get("timestamp_value"))))
            .or_else(|| if removed_label.is_none() { first_time(item) } else { None });
        let status = match str_field(item, "category") {
            Some("active") => Some(AppStatus::Active),
            Some("inactive") => Some(AppStatus::Inactive),
            Some("removed") => Some(AppStatus::Removed),
            _ if removed.is_some() => Some(AppStatus::Removed),
            _ => None,
        };
        out.add_app(App {
            name: name.to_owned(),
            status,
            added,
            removed,
            file: file.to_owned(),
            platforms: Vec::new(),
        });
        read += 1;
    }
    Ok(read)
}

/// The app's name is only inside the localised title ("Ada posted something via Example Game.") or in an
/// attachment's `external_context`; the title is read only in its English form, never guessed at.
pub fn posts(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["app_posts_v2", "app_posts"]).ok_or("has no list of posts")?;
    let mut read = 0;
    for item in items {
        let at = unix(item.get("timestamp"));
        let from_attachment = item
            .pointer("/attachments/0/data/0/external_context/name")
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let from_title = str_field(item, "title")
            .and_then(|t| t.rsplit_once(" via "))
            .map(|(_, app)| app.trim_end_matches('.').trim())
            .filter(|s| !s.is_empty());
        if let Some(app) = from_attachment.or(from_title) {
            out.add_company(app, CompanySource::AppPost, at, true);
            read += 1;
        }
    }
    Ok(read)
}
