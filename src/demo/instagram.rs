//! A small fictional Instagram export in the 2024 layout, so the Instagram import path can be seen and
//! tested without anyone's real data. Relationship lists hold usernames and threads hold display names,
//! as Instagram writes them; the two are deliberately not the same strings.

use super::ExportBuilder;
use serde_json::{Value, json};

/// The demo owner's display name and username.
pub const IG_OWNER: &str = "Elin Marsh";
pub const IG_USERNAME: &str = "elin.marsh";
pub const IG_DEMO_NAME: &str = "instagram-elin.marsh-2026-10-15-Ig7x2.zip";

const USERNAMES: [&str; 40] = [
    "bea.sample",
    "cai_two",
    "dee.draws",
    "eli.rides",
    "fay_bakes",
    "gus.hikes",
    "hal_reads",
    "ivy.sings",
    "jo.codes",
    "kit_knits",
    "lu.paints",
    "max.runs",
    "nia_cooks",
    "oz.films",
    "pia.swims",
    "quin_plays",
    "ravi.reads",
    "sol_surfs",
    "tam.types",
    "uma.sews",
    "vic_votes",
    "wren.writes",
    "xia.skates",
    "yan_yells",
    "zed.zooms",
    "ada_acts",
    "bo.bikes",
    "cy.climbs",
    "di_dives",
    "ed.edits",
    "flo.flies",
    "gil_grows",
    "hana.hums",
    "ike.inks",
    "jai_jogs",
    "kai.kicks",
    "lea_leaps",
    "mo.mixes",
    "ned_naps",
    "ola.orbits",
];

const BASE: i64 = 1_600_000_000;
const DAY: i64 = 86_400;

fn item(username: &str, t: i64) -> Value {
    json!({"title": "", "media_list_data": [], "string_list_data": [
        {"href": format!("https://www.instagram.com/{username}"), "value": username, "timestamp": t}
    ]})
}

fn thread(b: &mut ExportBuilder, slug: &str, others: &[&str], messages: i64, start: i64) {
    let mut participants: Vec<Value> = others.iter().map(|n| json!({"name": n})).collect();
    participants.push(json!({"name": IG_OWNER}));
    let speakers: Vec<&str> = others.iter().copied().chain([IG_OWNER]).collect();
    let list: Vec<Value> = (0..messages)
        .map(|i| {
            let sender = speakers.get(i as usize % speakers.len()).copied().unwrap_or(IG_OWNER);
            json!({"sender_name": sender, "timestamp_ms": (start + i * 3 * DAY) * 1000, "content": "…"})
        })
        .collect();
    b.json(
        &format!("your_instagram_activity/messages/inbox/{slug}/message_1.json"),
        &json!({"participants": participants, "messages": list, "title": others.join(", ")}),
    );
}

/// The demo Instagram export.
pub fn instagram_demo_builder() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/personal_information/personal_information.json",
        &json!({"profile_user": [{"title": "", "media_map_data": {}, "string_map_data": {
            "Username": {"href": "", "value": IG_USERNAME, "timestamp": 0},
            "Name": {"href": "", "value": IG_OWNER, "timestamp": 0}
        }}]}),
    );
    let followers: Vec<Value> =
        USERNAMES.iter().enumerate().take(30).map(|(i, u)| item(u, BASE + i as i64 * 20 * DAY)).collect();
    b.json("connections/followers_and_following/followers_1.json", &Value::Array(followers));
    let following: Vec<Value> =
        USERNAMES.iter().enumerate().skip(10).map(|(i, u)| item(u, BASE + i as i64 * 17 * DAY)).collect();
    b.json("connections/followers_and_following/following.json", &json!({"relationships_following": following}));
    let close: Vec<Value> = USERNAMES.iter().take(4).map(|u| item(u, BASE + 400 * DAY)).collect();
    b.json("connections/followers_and_following/close_friends.json", &json!({"relationships_close_friends": close}));
    b.json(
        "connections/followers_and_following/pending_follow_requests.json",
        &json!({"relationships_follow_requests_sent": [item("pat.private", BASE + 900 * DAY)]}),
    );

    thread(&mut b, "beasample_1001", &["Bea Sample"], 24, BASE + 100 * DAY);
    thread(&mut b, "ravireads_1002", &["Ravi Reads"], 9, BASE + 300 * DAY);
    thread(&mut b, "hikeclub_1003", &["Gus Hikes", "Wren Writes", "Sol Surf"], 15, BASE + 500 * DAY);

    let events = |kind: &str, n: i64, start: i64| -> Vec<Value> {
        (0..n).map(|i| json!({"id": 1, "type": kind, "timestamp": start + i * 9 * DAY})).collect()
    };
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json",
        &json!({"apps_and_websites_off_meta_activity": [
            {"name": "Fernwood Outdoor Supply", "events": events("PURCHASE", 3, BASE + 200 * DAY)},
            {"name": "Quayside Recipes", "events": events("PAGE_VIEW", 6, BASE + 250 * DAY)}
        ]}),
    );
    b.json(
        "ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json",
        &json!({"ig_custom_audiences_all_types": [
            {"advertiser_name": "Fernwood Outdoor Supply", "has_data_file_custom_audience": true,
             "has_remarketing_custom_audience": true, "has_in_person_store_visit": false},
            {"advertiser_name": "Lumen Streaming", "has_data_file_custom_audience": true,
             "has_remarketing_custom_audience": false, "has_in_person_store_visit": false}
        ]}),
    );
    let seen: Vec<Value> = [("Lumen Streaming", 600), ("Harbor Shoes", 610), ("Lumen Streaming", 640)]
        .iter()
        .map(|(author, day)| {
            json!({"title": "", "media_map_data": {}, "string_map_data": {
                "Author": {"value": author}, "Time": {"timestamp": BASE + day * DAY}
            }})
        })
        .collect();
    b.json("ads_information/ads_and_topics/ads_viewed.json", &json!({"impressions_history_ads_seen": seen}));
    b.json(
        "ads_information/ads_and_topics/ads_clicked.json",
        &json!({"impressions_history_ads_clicked": [
            {"title": "Harbor Shoes", "string_list_data": [{"timestamp": BASE + 611 * DAY}]}
        ]}),
    );
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/active_apps.json",
        &json!({"apps_and_websites_active_apps": [
            {"title": "Snapframe Editor", "string_map_data": {"Added on": {"timestamp": BASE + 150 * DAY}}}
        ]}),
    );
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/expired_apps.json",
        &json!({"apps_and_websites_expired_apps": [
            {"title": "Old Quiz Game", "string_map_data": {"Expired on": {"timestamp": BASE + 80 * DAY}}}
        ]}),
    );
    b
}
