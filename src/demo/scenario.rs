//! The demo export: a fictional person, Elin Marsh, with a 2024+ layout export that touches every feature
//! the app shows — about 150 friends, 40 connected apps (some of them historic data partners, a 2013 quiz
//! app and a 2017 fitness app), 60 off-Meta businesses, advertiser lists and ad clicks, 30 message threads
//! (some of them groups, one split across two files), and a few login user agents.

use super::names::{BUSINESSES, CHAT_LINES, FIRST, LAST};
use super::{ExportBuilder, Rng};
use crate::model::days_from_civil;
use serde_json::{Value, json};

pub const OWNER: &str = "Elin Marsh";
const EXPORT_DAY: (i64, u32, u32) = (2026, 10, 15);

fn ts(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d) * 86_400 + 12 * 3600
}

fn export_time() -> i64 {
    ts(EXPORT_DAY.0, EXPORT_DAY.1, EXPORT_DAY.2)
}

/// Connected apps: (name, added, removed, category). `added` 0 on a removed app is how Meta writes it.
fn apps() -> Vec<(&'static str, i64, i64, &'static str)> {
    vec![
        ("Spotify", ts(2011, 9, 22), 0, "active"),
        ("Netflix", ts(2012, 3, 14), ts(2016, 5, 2), "removed"),
        ("Which Wizard Are You? Quiz", ts(2013, 6, 8), ts(2015, 2, 11), "removed"),
        ("FitPulse Run Tracker", ts(2017, 4, 19), 0, "inactive"),
        ("Dropbox", ts(2013, 1, 30), 0, "active"),
        ("RBC Mobile", ts(2014, 2, 17), ts(2017, 8, 1), "removed"),
        ("Tinder", ts(2014, 8, 3), ts(2016, 11, 20), "removed"),
        ("Airbnb", ts(2015, 1, 12), 0, "active"),
        ("Lyft", ts(2016, 6, 5), 0, "inactive"),
        ("Pinterest", ts(2012, 7, 1), 0, "active"),
        ("Yahoo", ts(2011, 2, 9), ts(2014, 4, 30), "removed"),
        ("Which Spotify Playlist Are You?", ts(2014, 10, 2), ts(2015, 1, 5), "removed"),
        ("Bumble", ts(2017, 9, 14), 0, "inactive"),
        ("Hinge", ts(2018, 2, 2), ts(2019, 3, 3), "removed"),
        ("Pocket Farm Saga", ts(2010, 11, 5), ts(2013, 3, 1), "removed"),
        ("Cloudnote", ts(2019, 5, 10), 0, "active"),
        ("TrailMate", ts(2020, 6, 21), 0, "active"),
        ("Wordsmith Daily", ts(2016, 1, 3), 0, "inactive"),
        ("Petal Photo Print", ts(2018, 12, 1), ts(2021, 2, 2), "removed"),
        ("Quizzly", 0, ts(2015, 9, 9), "removed"),
        ("StudyBuddy", ts(2012, 9, 1), 0, "inactive"),
        ("MealMap", ts(2021, 4, 4), 0, "active"),
        ("CityBikes Share", ts(2019, 8, 30), 0, "active"),
        ("Gigwise Tickets", ts(2017, 3, 3), 0, "inactive"),
        ("Horoscope Hub", 0, ts(2016, 7, 7), "removed"),
        ("Recipe Box", ts(2014, 5, 5), 0, "inactive"),
        ("Tandem Dating", ts(2022, 2, 14), ts(2022, 9, 1), "removed"),
        ("Nimbus Weather App", ts(2018, 3, 3), 0, "active"),
        ("PixelPlay Arcade", ts(2013, 12, 24), 0, "inactive"),
        ("Puzzle Paradise", ts(2014, 1, 1), ts(2014, 6, 1), "removed"),
        ("Travel Diary", ts(2016, 8, 8), 0, "inactive"),
        ("Bookshelf Social", ts(2012, 2, 2), 0, "inactive"),
        ("Marathon Mate", ts(2023, 5, 5), 0, "active"),
        ("Karaoke Star", ts(2011, 12, 12), ts(2012, 12, 12), "removed"),
        ("Garden Planner", ts(2024, 3, 21), 0, "active"),
        ("Birthday Reminder+", ts(2010, 4, 4), 0, "inactive"),
        ("Photo Collage Maker", ts(2013, 7, 7), ts(2014, 7, 7), "removed"),
        ("Crossword Club", ts(2020, 1, 20), 0, "active"),
        ("Local Events Finder", ts(2015, 10, 10), 0, "inactive"),
        ("Language Swap", ts(2025, 6, 1), 0, "active"),
    ]
}

/// Real companies that show up beside the invented ones, so the historic-partner rules have something to
/// match in the demo.
const REAL_BUSINESSES: &[&str] = &["Spotify", "Netflix", "Amazon", "Airbnb", "Microsoft"];

const EVENT_TYPES: &[&str] =
    &["PAGE_VIEW", "VIEW_CONTENT", "ACTIVATE_APP", "SEARCH", "ADD_TO_CART", "PURCHASE", "CUSTOM", "LEAD"];

const USER_AGENTS: &[(&str, (i64, u32, u32))] = &[
    ("BlackBerry9700/5.0.0.351 Profile/MIDP-2.1 Configuration/CLDC-1.1 VendorID/123", (2011, 3, 2)),
    ("HTC_Sensation_Z710e/1.0 Android 4.0.3 Mobile Safari/534.30", (2012, 6, 14)),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 12_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", (2016, 2, 1)),
    ("Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36", (2023, 8, 9)),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36", (2024, 11, 3)),
    (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15",
        (2026, 9, 30),
    ),
];

fn person_name(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn unique_names(rng: &mut Rng, n: usize, taken: &mut Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    while out.len() < n {
        let name = person_name(rng);
        if !taken.contains(&name) && name != OWNER {
            taken.push(name.clone());
            out.push(name);
        }
    }
    out
}

fn slug(title: &str) -> String {
    title.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase()
}

pub fn demo_builder() -> ExportBuilder {
    let mut rng = Rng::new(0x00da_7a00_5eed);
    let mut b = ExportBuilder::new();
    let export = export_time();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {
            "name": {"full_name": OWNER, "first_name": "Elin", "middle_name": "", "last_name": "Marsh"},
            "registration_timestamp": ts(2008, 2, 11),
            "profile_uri": "https://www.facebook.com/elin.marsh.demo"
        }}),
    );

    let mut taken = Vec::new();
    let mut friends = unique_names(&mut rng, 149, &mut taken);
    // Two friends who share a display name are two people; the demo shows that.
    friends.push(friends[7].clone());
    let friend_rows: Vec<Value> = friends
        .iter()
        .map(|name| json!({"name": name, "timestamp": rng.range(ts(2008, 3, 1), ts(2026, 6, 1))}))
        .collect();
    b.json("connections/friends/your_friends.json", &json!({ "friends_v2": friend_rows }));
    let list = |rng: &mut Rng, names: Vec<String>, from: i64| -> Vec<Value> {
        names.into_iter().map(|n| json!({"name": n, "timestamp": rng.range(from, export)})).collect()
    };
    let removed = unique_names(&mut rng, 8, &mut taken);
    b.json(
        "connections/friends/removed_friends.json",
        &json!({"deleted_friends_v2": list(&mut rng, removed, ts(2012, 1, 1))}),
    );
    let sent = unique_names(&mut rng, 5, &mut taken);
    b.json(
        "connections/friends/sent_friend_requests.json",
        &json!({"sent_requests_v2": list(&mut rng, sent, ts(2025, 1, 1))}),
    );
    let received = unique_names(&mut rng, 4, &mut taken);
    b.json(
        "connections/friends/received_friend_requests.json",
        &json!({"received_requests_v2": list(&mut rng, received, ts(2025, 1, 1))}),
    );
    let rejected = unique_names(&mut rng, 3, &mut taken);
    b.json(
        "connections/friends/rejected_friend_requests.json",
        &json!({"rejected_requests_v2": list(&mut rng, rejected, ts(2019, 1, 1))}),
    );
    let mut followers: Vec<String> = friends.iter().skip(20).step_by(9).cloned().collect();
    followers.extend(unique_names(&mut rng, 6, &mut taken));
    let follower_rows: Vec<Value> = followers.iter().map(|n| json!({"name": n})).collect();
    b.json("connections/followers/people_who_followed_you.json", &json!({"followers_v3": follower_rows}));
    let following: Vec<String> = friends.iter().skip(3).step_by(11).cloned().collect();
    b.json(
        "connections/followers/who_you've_followed.json",
        &json!({"following_v3": list(&mut rng, following, ts(2015, 1, 1))}),
    );

    add_apps(&mut b, &mut rng);
    add_off_meta(&mut b, &mut rng);
    add_advertisers(&mut b, &mut rng);
    add_threads(&mut b, &mut rng, &friends, &mut taken);
    add_devices(&mut b);
    b.raw("your_facebook_activity/posts/media/demo_photo.jpg", vec![0xFF, 0xD8, 0xFF, 0xD9]);
    b.raw("your_facebook_activity/comments_and_reactions/no-data.txt", "You have no data in this section.");
    b
}

fn add_apps(b: &mut ExportBuilder, rng: &mut Rng) {
    let rows: Vec<Value> = apps()
        .into_iter()
        .map(|(name, added, removed, category)| {
            json!({"name": name, "added_timestamp": added, "user_app_scoped_id": 10_150_000_000_000_000u64 + rng.range(1, 1 << 40) as u64,
                   "category": category, "removed_timestamp": removed})
        })
        .collect();
    b.json("apps_and_websites_off_of_facebook/connected_apps_and_websites.json", &json!({"installed_apps_v2": rows}));
    let posts: Vec<Value> = [
        ("Spotify", ts(2012, 1, 15)),
        ("Spotify", ts(2013, 5, 2)),
        ("Which Wizard Are You? Quiz", ts(2013, 6, 8)),
        ("FitPulse Run Tracker", ts(2017, 5, 1)),
        ("FitPulse Run Tracker", ts(2017, 6, 12)),
        ("Pocket Farm Saga", ts(2011, 2, 3)),
        ("Karaoke Star", ts(2012, 2, 29)),
    ]
    .iter()
    .map(|(app, at)| json!({"timestamp": at, "title": format!("Elin Marsh posted something via {app}.")}))
    .collect();
    b.json("apps_and_websites_off_of_facebook/posts_from_apps_and_websites.json", &json!({"app_posts_v2": posts}));
    b.json(
        "your_facebook_activity/facebook_gaming/instant_games.json",
        &json!({"instant_games_played_v2": [
            {"name": "Word Rush", "added_timestamp": ts(2019, 4, 1), "category": "active", "user_app_scoped_id": 4_815_162_342u64},
            {"name": "Bubble Pop Blast", "added_timestamp": ts(2020, 11, 11), "category": "inactive", "user_app_scoped_id": 4_815_162_343u64}
        ]}),
    );
}

fn add_off_meta(b: &mut ExportBuilder, rng: &mut Rng) {
    let businesses: Vec<&str> = BUSINESSES.iter().take(55).chain(REAL_BUSINESSES).copied().collect();
    let rows: Vec<Value> = businesses
        .iter()
        .map(|name| {
            let id = rng.range(100_000_000_000_000, 999_999_999_999_999);
            let count = rng.range(1, 36);
            let mut events: Vec<Value> = (0..count)
                .map(|_| json!({"id": id, "type": rng.pick(EVENT_TYPES), "timestamp": rng.range(ts(2022, 10, 1), export_time())}))
                .collect();
            events.sort_by_key(|e| std::cmp::Reverse(e["timestamp"].as_i64()));
            json!({"name": name, "events": events})
        })
        .collect();
    b.json(
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        &json!({"off_facebook_activity_v2": rows}),
    );
}

fn add_advertisers(b: &mut ExportBuilder, rng: &mut Rng) {
    let pool: Vec<&str> = BUSINESSES.iter().copied().chain(["Amazon", "Netflix", "Booking Example Ltd"]).collect();
    let uploaded: Vec<Value> = pool.iter().step_by(2).take(25).map(|n| json!({"value": n})).collect();
    let activity: Vec<Value> = pool.iter().skip(1).step_by(3).take(20).map(|n| json!({"value": n})).collect();
    b.json(
        "ads_information/advertisers_using_your_activity_or_information.json",
        &json!({"fbid": "9990001112223334", "media": [], "label_values": [
            {"label": "A list uploaded or used by the advertiser", "vec": uploaded},
            {"label": "Interactions you may have had with the advertiser's website, app or store", "vec": activity}
        ]}),
    );
    let records: Vec<Value> = (0..30)
        .map(|_| {
            let at = rng.range(ts(2019, 1, 1), export_time());
            let action = if rng.chance(80) { "Clicked ad" } else { "Closed ad" };
            json!({"timestamp": at, "fbid": format!("{}", rng.range(1_000_000, 9_999_999)), "media": [],
                   "label_values": [{"label": "Title", "value": rng.pick(&pool)}, {"label": "Action", "value": action}]})
        })
        .collect();
    b.json("ads_information/advertisers_you've_interacted_with.json", &Value::Array(records));
}

fn add_threads(b: &mut ExportBuilder, rng: &mut Rng, friends: &[String], taken: &mut Vec<String>) {
    let strangers = unique_names(rng, 3, taken);
    let group_titles = [
        "Book club",
        "Saturday football",
        "Family",
        "Trip to the coast",
        "Flat 4B",
        "Choir altos",
        "Allotment crew",
        "Quiz night",
    ];
    let mut thread_id = 4_100_000_000_000_000u64;
    for i in 0..30usize {
        let (folder, others, title): (&str, Vec<String>, String) = match i {
            0..=7 => {
                let n = rng.range(3, 8) as usize;
                let start = rng.range(0, friends.len() as i64 - 8) as usize;
                let members: Vec<String> = friends.iter().skip(start).step_by(1 + i % 3).take(n).cloned().collect();
                (if i == 7 { "archived_threads" } else { "inbox" }, members, group_titles[i].to_owned())
            }
            8..=10 => {
                let who = strangers[i - 8].clone();
                (if i == 10 { "filtered_threads" } else { "message_requests" }, vec![who.clone()], who)
            }
            11 => ("e2ee_cutover", vec![friends[40].clone()], friends[40].clone()),
            12 => ("inbox", vec!["Facebook User".to_owned()], "Facebook User".to_owned()),
            _ => {
                let who = friends[(i * 37) % friends.len()].clone();
                (if i % 9 == 0 { "archived_threads" } else { "inbox" }, vec![who.clone()], who)
            }
        };
        let count = if i < 8 { rng.range(40, 260) } else { rng.range(4, 140) } as usize;
        let start = rng.range(ts(2010, 1, 1), ts(2024, 1, 1));
        let mut messages: Vec<Value> = (0..count)
            .map(|_| {
                let sender = if rng.chance(45) { OWNER.to_owned() } else { rng.pick(&others).clone() };
                let at_ms = rng.range(start, export_time()) * 1000 + rng.range(0, 1000);
                json!({"sender_name": sender, "timestamp_ms": at_ms, "content": rng.pick(CHAT_LINES), "is_geoblocked_for_viewer": false})
            })
            .collect();
        messages.sort_by_key(|m| std::cmp::Reverse(m["timestamp_ms"].as_i64()));
        thread_id += 7_919;
        let dir = format!("{}_{thread_id}", slug(&title));
        let mut participants: Vec<Value> = others.iter().map(|n| json!({"name": n})).collect();
        participants.push(json!({"name": OWNER}));
        let thread = |msgs: &[Value]| {
            json!({"participants": participants, "messages": msgs, "title": title, "is_still_participant": true,
                   "thread_path": format!("{folder}/{dir}"), "magic_words": []})
        };
        let base = format!("your_facebook_activity/messages/{folder}/{dir}");
        if i == 0 {
            // Long threads come in parts, newest first, and the parts can overlap by a message.
            let half = messages.len() / 2;
            b.json(&format!("{base}/message_1.json"), &thread(&messages[..=half]));
            b.json(&format!("{base}/message_2.json"), &thread(&messages[half..]));
            b.raw(&format!("{base}/photos/holiday.jpg"), vec![0xFF, 0xD8, 0xFF, 0xD9]);
        } else {
            b.json(&format!("{base}/message_1.json"), &thread(&messages));
        }
    }
}

fn add_devices(b: &mut ExportBuilder) {
    let rows: Vec<Value> = USER_AGENTS
        .iter()
        .map(|(agent, (y, m, d))| {
            json!({"action": "Login", "timestamp": ts(*y, *m, *d), "ip_address": "192.0.2.10", "user_agent": agent,
                   "datr_cookie": "demo", "city": "Example City", "region": "", "country": "", "site_name": "www.facebook.com"})
        })
        .collect();
    b.json("security_and_login_information/account_activity.json", &json!({"account_activity_v2": rows}));
    b.json(
        "security_and_login_information/where_you're_logged_in.json",
        &json!({"active_sessions_v2": [
            {"created_timestamp": ts(2025, 2, 2), "updated_timestamp": ts(2026, 10, 14), "ip_address": "192.0.2.10",
             "user_agent": USER_AGENTS[5].0, "datr_cookie": "demo", "device": "Mac", "location": "Example City", "app": "Facebook", "session_type": "web", "name": ""}
        ]}),
    );
}
