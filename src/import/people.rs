//! The owner's profile and the lists of people: friends, removed friends, friend requests, followers and
//! following. All share one item shape across generations (`{name, timestamp}`), with a label_values
//! variant in 2025+ exports and an Instagram-like `string_list_data` variant for followers.

use super::builder::Builder;
use super::families::Family;
use super::json::{first_time, first_value, label_value, records, str_field};
use super::time::unix;
use crate::model::Relation;
use serde_json::Value;

pub fn profile(doc: &Value, out: &mut Builder) -> Result<(), String> {
    let profile = doc.get("profile_v2").or_else(|| doc.get("profile")).unwrap_or(doc);
    let name = profile
        .get("name")
        .and_then(|n| n.get("full_name").and_then(Value::as_str).or_else(|| n.as_str()))
        .or_else(|| records(doc, &[]).and_then(|r| r.first()).and_then(|r| label_value(r, &["Name", "Full name"])));
    out.set_registered(super::time::unix(profile.get("registration_timestamp")));
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => {
            out.set_owner(n);
            Ok(())
        }
        None => Err("has no profile name".into()),
    }
}

pub fn relation_of(family: Family) -> Option<(Relation, &'static [&'static str])> {
    Some(match family {
        Family::Friends => (Relation::Friend, &["friends_v2", "friends"]),
        Family::RemovedFriends => (Relation::RemovedFriend, &["deleted_friends_v2", "deleted_friends"]),
        Family::SentRequests => (Relation::RequestSent, &["sent_requests_v2", "sent_requests"]),
        Family::ReceivedRequests => (Relation::RequestReceived, &["received_requests_v2", "received_requests"]),
        // Rejected requests are requests the owner received and declined.
        Family::RejectedRequests => (Relation::RequestReceived, &["rejected_requests_v2", "rejected_requests"]),
        Family::Followers => (Relation::Follower, &["followers_v3", "followers_v2", "followers"]),
        Family::Following => (Relation::Following, &["following_v3", "following_v2", "following"]),
        _ => return None,
    })
}

pub fn people(doc: &Value, family: Family, out: &mut Builder) -> Result<usize, String> {
    let (relation, keys) = relation_of(family).ok_or("is not a list of people")?;
    let items = records(doc, keys).ok_or("has no list of people")?;
    let mut read = 0;
    for item in items {
        let (name, at) = person_item(item);
        if let Some(name) = name {
            out.add_person(name, relation, at);
            read += 1;
        }
    }
    Ok(read)
}

fn person_item(item: &Value) -> (Option<&str>, Option<i64>) {
    if let Some(name) = str_field(item, "name") {
        return (Some(name), unix(item.get("timestamp")));
    }
    if let Some(entry) = item.get("string_list_data").and_then(Value::as_array).and_then(|l| l.first()) {
        return (str_field(entry, "value").or_else(|| str_field(item, "title")), unix(entry.get("timestamp")));
    }
    let name = label_value(item, &["Name", "Nom", "Name des Freundes"]).or_else(|| first_value(item));
    (name, unix(item.get("timestamp")).or_else(|| first_time(item)))
}
