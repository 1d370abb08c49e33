//! A big export built in memory: enough friends and businesses that the map draws aggregates.

use datamap::demo::ExportBuilder;
use datamap::import::Monitor;
use datamap::pipeline::{self, Loaded};
use serde_json::json;
use std::sync::atomic::AtomicBool;

pub const FRIENDS: usize = 900;
pub const BUSINESSES: usize = 700;
/// More one-to-one threads than the map keeps people on their own, so some are in an aggregate.
pub const THREADS: i64 = 80;

/// 900 friends from 2011, 60 apps connected in 2012 (so Graph API v1.0 reached friends), Spotify among
/// them, 700 off-Meta businesses, and threads with 80 friends around New Year 2017.
pub fn big_export() -> Loaded {
    big_export_with(pipeline::load)
}

/// The big export through `load` ([`pipeline::load`] settles it, [`pipeline::prepare`] does not).
pub fn big_export_with(
    load: fn(&[datamap::archive::Input], &Monitor) -> Result<Loaded, datamap::import::ImportError>,
) -> Loaded {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": "Scale Owner"}, "registration_timestamp": 1_200_000_000}}),
    );
    let friends: Vec<_> = (0..FRIENDS)
        .map(|i| json!({"name": format!("Pal {i:04}"), "timestamp": 1_295_000_000 + i as i64 * 10_000}))
        .collect();
    b.json("connections/friends/your_friends.json", &json!({"friends_v2": friends}));
    let apps: Vec<_> = (0..60)
        .map(|a| {
            let name = if a == 0 { "Spotify".to_owned() } else { format!("App {a:02}") };
            json!({"name": name, "added_timestamp": 1_330_000_000 + a * 1000, "category": "active",
                   "user_app_scoped_id": 1000 + a, "removed_timestamp": 0})
        })
        .collect();
    b.json("apps_and_websites_off_of_facebook/connected_apps_and_websites.json", &json!({"installed_apps_v2": apps}));
    let businesses: Vec<_> = (0..BUSINESSES)
        .map(|i| {
            json!({"name": format!("shop-{i:04}.example"),
                   "events": [{"id": i, "type": "PAGE_VIEW", "timestamp": 1_600_000_000 + i as i64}]})
        })
        .collect();
    b.json(
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        &json!({"off_facebook_activity_v2": businesses}),
    );
    for t in 0..THREADS {
        let friend = format!("Pal {:04}", t * 7);
        // Daily from Christmas 2016: across the one day the record dates Spotify's messaging deal to.
        let messages: Vec<_> = (0..14)
            .map(|m| {
                json!({"sender_name": friend, "timestamp_ms": 1_482_624_000_000_i64 + m * 86_400_000,
                             "content": "hello"})
            })
            .collect();
        b.json(
            &format!("your_facebook_activity/messages/inbox/friend{t}_{t}/message_1.json"),
            &json!({"participants": [{"name": friend}, {"name": "Scale Owner"}], "messages": messages,
                    "title": friend, "thread_path": format!("inbox/friend{t}_{t}")}),
        );
    }
    let cancel = AtomicBool::new(false);
    load(&[b.input("facebook-scale-2026-01-01.zip")], &Monitor::silent(&cancel)).expect("imports")
}
