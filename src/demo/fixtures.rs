//! Test fixtures: one fictional person's export written in each generation's layout and record shapes, and
//! one archive for every kind of bad input. Every generation carries the same facts, so a test can import
//! all four and expect the same map; a family that an old generation lacks is simply absent there.

use super::ExportBuilder;
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    /// 2018–19: plain keys (`friends`), `friends/`, `apps_and_websites/`, `ads/`, `message.json`.
    G2019,
    /// 2020–22: `_v2` keys, `friends_and_followers/`, `apps_and_websites_off_of_facebook/`.
    G2021,
    /// 2023: the 2024 layout under `your_activity_across_facebook/`.
    G2023,
    /// 2024–26: `connections/`, `your_facebook_activity/`, and label_values records (arrays and bare ones).
    G2025,
}

pub const GENERATIONS: [Generation; 4] = [Generation::G2019, Generation::G2021, Generation::G2023, Generation::G2025];

pub const OWNER: &str = "Ada Ñandú";
pub const FRIEND_SINCE: i64 = 1_500_000_000;
pub const EVENT_1: i64 = 1_700_000_000;
pub const EVENT_2: i64 = 1_700_003_600;
pub const MS: i64 = 1_650_000_000_000;

/// `name` with a real export's file name, so the export date is known.
pub const ZIP_NAME: &str = "facebook-adaexample-2026-01-02-Fx1.zip";

fn lv(label: &str, value: &str) -> Value {
    json!({"label": label, "value": value})
}

fn lt(label: &str, t: i64) -> Value {
    json!({"label": label, "timestamp_value": t})
}

/// The whole export of [`OWNER`] as `generation` wrote it.
pub fn export(generation: Generation) -> ExportBuilder {
    use Generation::*;
    let root = match generation {
        G2023 => "your_activity_across_facebook/",
        _ => "",
    };
    let modern = matches!(generation, G2023 | G2025);
    let v = |key: &str| match generation {
        G2019 => key.to_owned(),
        _ => format!("{key}_v2"),
    };
    let mut b = ExportBuilder::new();
    let mut put = |path: &str, value: Value| {
        b.json(&format!("{root}{path}"), &value);
    };

    let profile = json!({"name": {"full_name": OWNER}, "registration_timestamp": 1_262_304_000});
    match generation {
        G2019 => put("profile_information/profile_information.json", json!({"profile": profile})),
        G2021 => put("profile_information/profile_information.json", json!({"profile_v2": profile})),
        _ => put("personal_information/profile_information/profile_information.json", json!({"profile_v2": profile})),
    }

    let person = |name: &str, t: i64| json!({"name": name, "timestamp": t});
    let (friends_dir, names) = match generation {
        G2019 => (
            "friends/",
            [
                "friends.json",
                "removed_friends.json",
                "sent_friend_requests.json",
                "received_friend_requests.json",
                "rejected_friend_requests.json",
            ],
        ),
        G2021 => (
            "friends_and_followers/",
            [
                "friends.json",
                "removed_friends.json",
                "friend_requests_sent.json",
                "friend_requests_received.json",
                "rejected_friend_requests.json",
            ],
        ),
        _ => (
            "connections/friends/",
            [
                "your_friends.json",
                "removed_friends.json",
                "sent_friend_requests.json",
                "received_friend_requests.json",
                "rejected_friend_requests.json",
            ],
        ),
    };
    put(
        &format!("{friends_dir}{}", names[0]),
        json!({v("friends"): [person("Bea Sample", FRIEND_SINCE), person("Chidi Dummy", 0)]}),
    );
    let removed = if generation == G2025 {
        // The "defensive" 2025 variant: label_values records inside the usual key.
        json!({"deleted_friends_v2": [{"timestamp": 1_600_000_000, "label_values": [lv("Nom", "Old Contact")]}]})
    } else {
        json!({v("deleted_friends"): [person("Old Contact", 1_600_000_000)]})
    };
    put(&format!("{friends_dir}{}", names[1]), removed);
    put(&format!("{friends_dir}{}", names[2]), json!({v("sent_requests"): [person("Dee Sent", 1_600_000_100)]}));
    put(
        &format!("{friends_dir}{}", names[3]),
        json!({v("received_requests"): [person("Eli Received", 1_600_000_200)]}),
    );
    put(
        &format!("{friends_dir}{}", names[4]),
        json!({v("rejected_requests"): [person("Fay Rejected", 1_600_000_300)]}),
    );

    match generation {
        G2019 => {
            put("following_and_followers/followers.json", json!({"followers": [{"name": "Gus Follower"}]}));
            put(
                "following_and_followers/following.json",
                json!({"following": [person("Hal Followed", 1_400_000_000)]}),
            );
        }
        G2021 => {
            put(
                "friends_and_followers/people_who_follow_you.json",
                json!({"followers_v2": [{"name": "Gus Follower"}]}),
            );
            put(
                "friends_and_followers/who_you_follow.json",
                json!({"following_v2": [person("Hal Followed", 1_400_000_000)]}),
            );
        }
        G2023 => {
            put(
                "connections/followers/people_who_followed_you.json",
                json!({"followers_v3": [{"name": "Gus Follower"}]}),
            );
            put(
                "connections/followers/who_you've_followed.json",
                json!({"following_v3": [person("Hal Followed", 1_400_000_000)]}),
            );
        }
        G2025 => {
            put(
                "connections/followers/people_who_followed_you_1.json",
                json!([{"title": "", "media_list_data": [], "string_list_data": [{"value": "Gus Follower", "timestamp": 1_450_000_000}]}]),
            );
            put(
                "connections/followers/who_you've_followed.json",
                json!({"following_v3": [person("Hal Followed", 1_400_000_000)]}),
            );
        }
    }

    let apps_dir = if generation == G2019 { "apps_and_websites/" } else { "apps_and_websites_off_of_facebook/" };
    let apps = match generation {
        G2019 => {
            json!({"installed_apps": [{"name": "Example Rides", "added_timestamp": 1_400_000_000}, {"name": "Quiz Thing", "added_timestamp": 0}]})
        }
        G2025 => json!([
            {"timestamp": 1_400_000_000, "fbid": "1", "label_values": [lv("App Name", "Example Rides"), lv("Unique ID", "10150000000000001"), lt("Date Added", 1_400_000_000)]},
            {"fbid": "2", "label_values": [lv("Nom de l'app", "Quiz Thing"), lt("Date Removed", 1_550_000_000)]}
        ]),
        _ => json!({"installed_apps_v2": [
            {"name": "Example Rides", "added_timestamp": 1_400_000_000, "user_app_scoped_id": 10_150_000_000_000_001_u64, "category": "active", "removed_timestamp": 0},
            {"name": "Quiz Thing", "added_timestamp": 0, "user_app_scoped_id": 10_150_000_000_000_002_u64, "category": "removed", "removed_timestamp": 1_550_000_000}]}),
    };
    let apps_file = if modern { "connected_apps_and_websites.json" } else { "apps_and_websites.json" };
    put(&format!("{apps_dir}{apps_file}"), apps);
    put(
        &format!("{apps_dir}posts_from_apps_and_websites.json"),
        json!({v("app_posts"): [{"timestamp": 1_420_000_000, "title": format!("{OWNER} posted something via Example Game.")}]}),
    );
    if generation != G2019 {
        let games = if generation == G2025 {
            json!({"fbid": "9", "label_values": [lv("Name", "Pocket Golf"), lt("Added", 1_430_000_000)]})
        } else {
            json!({"instant_games_played_v2": [{"name": "Pocket Golf", "added_timestamp": 1_430_000_000, "category": "active"}]})
        };
        let gaming = if modern {
            "your_facebook_activity/facebook_gaming/instant_games.json"
        } else {
            "facebook_gaming/instant_games.json"
        };
        put(gaming, games);
    }

    let off_meta_a = |key: &str| {
        json!({key: [{"name": "example-shop.com", "events": [
            {"id": 1, "type": "PAGE_VIEW", "timestamp": EVENT_1}, {"id": 1, "type": "PURCHASE", "timestamp": EVENT_2}]}]})
    };
    match generation {
        G2019 => put("ads_and_businesses/your_off-facebook_activity.json", off_meta_a("off_facebook_activity")),
        G2021 => put(
            "apps_and_websites_off_of_facebook/your_off-facebook_activity.json",
            off_meta_a("off_facebook_activity_v2"),
        ),
        G2023 => put(
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            off_meta_a("off_facebook_activity_v2"),
        ),
        G2025 => put(
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            json!([{"title": "example-shop.com", "fbid": "3", "media": [], "label_values": [{"label": "Événements", "vec": [
                {"dict": [lv("ID", "111"), lv("Event", "PAGE_VIEW"), lt("Reçu le", EVENT_1)]},
                {"dict": [lv("ID", "111"), lv("Event", "PURCHASE"), lt("Reçu le", EVENT_2)]}]}]}]),
        ),
    }

    match generation {
        G2019 => put(
            "ads/advertisers_who_uploaded_a_contact_list_with_your_information.json",
            json!({"custom_audiences": ["Brightbank"]}),
        ),
        G2021 => {
            put(
                "ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json",
                json!({"custom_audiences_v2": ["Brightbank"]}),
            );
            put(
                "ads_information/advertisers_using_your_activity_or_information.json",
                json!({"custom_audiences_all_types_v2": [{"advertiser_name": "Parcelwise", "has_data_file_custom_audience": false,
                       "has_remarketing_custom_audience": true, "has_in_person_store_visit": false}]}),
            );
        }
        G2023 => put(
            "ads_information/advertisers_using_your_activity_or_information.json",
            json!({"custom_audiences_all_types_v2": [
                {"advertiser_name": "Brightbank", "has_data_file_custom_audience": true, "has_remarketing_custom_audience": false, "has_in_person_store_visit": false},
                {"advertiser_name": "Parcelwise", "has_data_file_custom_audience": false, "has_remarketing_custom_audience": false, "has_in_person_store_visit": true}]}),
        ),
        G2025 => put(
            "ads_information/advertisers_using_your_activity_or_information.json",
            json!({"fbid": "5", "label_values": [
                {"label": "Une liste importée ou utilisée par l'annonceur", "vec": [{"value": "Brightbank"}]},
                {"label": "Interactions", "vec": [{"value": "Parcelwise"}]}]}),
        ),
    }
    let interacted = if generation == G2025 {
        json!([{"timestamp": 1_690_000_000, "label_values": [lv("Titre", "Wanderly"), lv("Action", "Clic sur publicité")]}])
    } else {
        json!({v("history"): [{"title": "Wanderly", "action": "Clicked ad", "timestamp": 1_690_000_000}]})
    };
    let ads_dir = if generation == G2019 { "ads/" } else { "ads_information/" };
    put(&format!("{ads_dir}advertisers_you've_interacted_with.json"), interacted);

    const PHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 12_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
    const LAPTOP: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36";
    let security = "security_and_login_information/";
    if generation == G2025 {
        put(
            &format!("{security}account_activity.json"),
            json!([{"timestamp": 1_600_000_000, "label_values": [lv("Action", "Login"), lv("Adresse IP", "192.0.2.1"), lv("Agent", PHONE)]}]),
        );
        put(
            &format!("{security}where_you're_logged_in.json"),
            json!({"label_values": [lv("Appareil", LAPTOP), lt("Créé", 1_650_000_000)]}),
        );
    } else {
        put(
            &format!("{security}account_activity.json"),
            json!({v("account_activity"): [{"action": "Login", "timestamp": 1_600_000_000, "ip_address": "192.0.2.1", "user_agent": PHONE}]}),
        );
        put(
            &format!("{security}recognized_devices.json"),
            json!({v("recognized_devices"): [{"name": "Laptop", "created_timestamp": 1_650_000_000, "updated_timestamp": 0, "user_agent": LAPTOP}]}),
        );
    }
    if generation == G2025 {
        put(
            "your_facebook_activity/other_activity/link_history.json",
            json!([
                {"timestamp": 1_710_000_000, "label_values": [lv("Titre du site", "Example News"), {"label": "URL", "value": "https://www.example-news.org/a?t=secret", "href": "https://www.example-news.org/a?t=secret"}]},
                {"timestamp": 1_720_000_000, "label_values": [lv("Website name", "Example News"), lv("URL", "https://example-news.org/b")]}
            ]),
        );
    }

    let messages_dir = match generation {
        G2019 | G2021 => "messages/",
        _ => "your_facebook_activity/messages/",
    };
    let m = |who: &str, ms: i64, text: &str| json!({"sender_name": who, "timestamp_ms": ms, "content": text});
    let group = json!({
        "participants": [{"name": "Bea Sample"}, {"name": "Chidi Dummy"}, {"name": OWNER}], "title": "Trip",
        "messages": [m("Bea Sample", MS + 2000, "SECRET-TEXT"), m(OWNER, MS + 1000, "b"), m("Chidi Dummy", MS, "a")]});
    let pair = json!({"participants": [{"name": "Bea Sample"}, {"name": OWNER}], "title": "Bea Sample",
        "messages": [m("Bea Sample", MS + 5000, "hi"), m(OWNER, MS + 4000, "hello")]});
    let (group_file, folders): (&str, &[&str]) = match generation {
        G2019 => ("message.json", &["inbox", "legacy_threads"]),
        G2021 => ("message_1.json", &["inbox", "archived_threads", "filtered_threads"]),
        G2023 => ("message_1.json", &["inbox", "message_requests"]),
        G2025 => ("message_1.json", &["inbox", "e2ee_cutover"]),
    };
    let mut group = group;
    if generation == G2019 {
        group["thread_type"] = json!("RegularGroup");
    }
    put(&format!("{messages_dir}inbox/trip_1/{group_file}"), group);
    for folder in &folders[1..] {
        put(&format!("{messages_dir}{folder}/beasample_{folder}/{group_file}"), pair.clone());
    }
    b
}

/// The same person's export split into two zips: both hold the friends list and one message thread's
/// overlapping parts, as Meta's multi-part downloads do.
pub fn split_export() -> (ExportBuilder, ExportBuilder) {
    let m = |who: &str, ms: i64| json!({"sender_name": who, "timestamp_ms": ms, "content": "x"});
    let friends = json!({"friends_v2": [{"name": "Bea Sample", "timestamp": FRIEND_SINCE}, {"name": "Cai Two", "timestamp": FRIEND_SINCE}]});
    let mut one = ExportBuilder::new();
    one.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": OWNER}}}),
    );
    one.json("connections/friends/your_friends.json", &friends);
    one.json(
        "your_facebook_activity/messages/inbox/bea_1/message_1.json",
        &json!({"participants": [{"name": "Bea Sample"}, {"name": OWNER}], "messages": [m("Bea Sample", MS + 2), m(OWNER, MS + 1)]}),
    );
    let mut two = ExportBuilder::new();
    two.json("connections/friends/your_friends.json", &friends);
    two.json(
        "your_facebook_activity/messages/inbox/bea_1/message_2.json",
        &json!({"participants": [{"name": "Bea Sample"}, {"name": OWNER}], "messages": [m(OWNER, MS + 1), m("Bea Sample", MS)]}),
    );
    (one, two)
}

/// Everything a re-zipped or transferred export picks up: two wrapper folders, macOS and Windows junk,
/// backslash separators, a byte-order mark, browser copies and numbered parts that overlap.
pub fn untidy_export() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    let root = "Takeout transfer/facebook-adaexample-2026-01-02/";
    b.raw(
        &format!("{root}personal_information\\profile_information\\profile_information.json"),
        [&b"\xEF\xBB\xBF"[..], super::meta_encode(&json!({"profile_v2": {"name": {"full_name": OWNER}}})).as_bytes()]
            .concat(),
    );
    let row = |n: &str| json!({"name": n, "timestamp": FRIEND_SINCE});
    b.json(
        &format!("{root}connections/followers/people_who_followed_you_1.json"),
        &json!({"followers_v3": [row("A One"), row("B Two")]}),
    );
    b.json(
        &format!("{root}connections/followers/people_who_followed_you_2.json"),
        &json!({"followers_v3": [row("B Two"), row("C Three")]}),
    );
    b.json(
        &format!("{root}connections/followers/people_who_followed_you (1).json"),
        &json!({"followers_v3": [row("A One")]}),
    );
    b.raw(&format!("__MACOSX/{root}connections/followers/._people_who_followed_you_1.json"), "\0\u{5}\u{16}\u{7}junk");
    b.raw(&format!("{root}.DS_Store"), "\0\0\0\u{1}Bud1");
    b.raw(&format!("{root}connections/Thumbs.db"), "junk");
    b.raw(&format!("{root}your_facebook_activity/posts/media/photo.jpg"), vec![0xFFu8, 0xD8, 0xFF]);
    b
}

/// JSON files that are broken in every way a file can be, beside one good file.
pub fn hostile_export() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Bea Sample", "timestamp": FRIEND_SINCE}]}),
    );
    b.raw("connections/friends/removed_friends.json", "[object Object]");
    b.raw("connections/friends/sent_friend_requests.json", "");
    b.raw(
        "connections/friends/received_friend_requests.json",
        format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
    );
    b.json(
        "connections/friends/rejected_friend_requests.json",
        &json!({"rejected_requests_v2": ["text", 7, null, {"name": 5, "timestamp": "soon"}, {"name": {"x": 1}}, {"name": "Fay Rejected", "timestamp": {"t": 1}}]}),
    );
    b.json(
        "connections/followers/who_you've_followed.json",
        &json!({"following_v3": [{"name": "x".repeat(3_000_000), "timestamp": -5}]}),
    );
    b.json(
        "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
        &json!({"installed_apps_v2": {"name": "not a list"}}),
    );
    b.json(
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        &json!([{"title": "shop.example", "label_values": [{"label": "Events", "vec": [{"dict": "nope"}, 3]}]}, [[]], "x"]),
    );
    b.json(
        "your_facebook_activity/messages/inbox/x_1/message_1.json",
        &json!({"participants": "Bea", "messages": [1, {"sender_name": ["a"], "timestamp_ms": "x"}]}),
    );
    b.json("your_facebook_activity/messages/inbox/y_1/message_1.json", &json!({"participants": []}));
    b.raw(
        "../../../etc/security_and_login_information/account_activity.json",
        super::meta_encode(
            &json!({"account_activity_v2": [{"user_agent": "Mozilla/5.0 (X11)", "timestamp": 1_600_000_000}]}),
        ),
    );
    b
}

/// A JSON entry that inflates far beyond what its compressed size allows a real file to: 40 MiB of spaces.
pub fn bomb_export() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Bea Sample", "timestamp": FRIEND_SINCE}]}),
    );
    let mut body = b"{\"followers_v3\": [".to_vec();
    body.resize(40 * 1024 * 1024, b' ');
    body.extend_from_slice(b"]}");
    b.raw("connections/followers/people_who_followed_you.json", body);
    b
}

/// The HTML format of a Facebook export.
pub fn html_export() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.raw("connections/friends/your_friends.html", "<html><div class=\"_a6-g\">Bea Sample</div></html>");
    b.raw("personal_information/profile_information/profile_information.html", "<html></html>");
    b.raw("start_here.html", "<html></html>");
    b
}

/// An Instagram export: relationship lists, and message threads in Messenger's own format.
pub fn instagram_export() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "connections/followers_and_following/followers_1.json",
        &json!([{"title": "", "media_list_data": [], "string_list_data": [{"href": "https://www.instagram.com/bea", "value": "bea", "timestamp": 1_710_000_000}]}]),
    );
    b.json(
        "your_instagram_activity/messages/inbox/bea_1/message_1.json",
        &json!({"participants": [{"name": "Bea"}], "messages": [{"sender_name": "Bea", "timestamp_ms": MS}]}),
    );
    b
}

/// A zip that has nothing to do with Facebook.
pub fn other_zip() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.raw("Takeout/Mail/inbox.mbox", "From x");
    b.raw("Takeout/archive_browser.html", "<html></html>");
    b
}
