//! Import on generated fixtures: each file family, the text and time quirks, split and repeated files, and
//! inputs that are not usable exports.

use datamap::archive::Input;
use datamap::demo::ExportBuilder;
use datamap::import::{ImportError, Monitor, import};
use datamap::model::{AppStatus, CompanySource, DataMap, Relation};
use serde_json::json;
use std::sync::atomic::AtomicBool;

fn run(inputs: &[Input]) -> Result<DataMap, ImportError> {
    let cancel = AtomicBool::new(false);
    import(inputs, &Monitor::silent(&cancel))
}

fn zip(b: &ExportBuilder) -> Result<DataMap, ImportError> {
    run(&[b.input("facebook-test-2026-01-02-Zz.zip")])
}

fn problem(result: Result<DataMap, ImportError>) -> String {
    match result {
        Err(ImportError::Unusable { problem, .. }) => problem,
        other => panic!("expected an unusable-input error, got {other:?}"),
    }
}

fn profile(b: &mut ExportBuilder, name: &str) {
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": name}}}),
    );
}

#[test]
fn owner_friends_and_mojibake() {
    let mut b = ExportBuilder::new();
    profile(&mut b, "Zoë Quillfeather");
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Renée Ashgrove", "timestamp": 1_500_000_000}, {"name": "Bo Larkspur", "timestamp": 0}]}),
    );
    let map = zip(&b).unwrap();
    assert_eq!(map.owner.as_deref(), Some("Zoë Quillfeather"));
    assert_eq!(map.export_date.as_deref(), Some("2026-01-02"));
    assert_eq!(map.people[0].name, "Renée Ashgrove");
    assert_eq!(map.people[0].friend_since, Some(1_500_000_000));
    assert_eq!(map.people[1].friend_since, None, "timestamp 0 means unknown");
}

#[test]
fn older_generations_and_wrappers_are_found() {
    let mut b = ExportBuilder::new();
    b.json(
        "facebook-old/profile_information/profile_information.json",
        &json!({"profile": {"name": "Ada Hollowmere"}}),
    );
    b.json(
        "facebook-old/friends/friends.json",
        &json!({"friends": [{"name": "Kit Saltmarsh", "timestamp": 1_300_000_000}]}),
    );
    b.json(
        "facebook-old/apps_and_websites/apps_and_websites.json",
        &json!({"installed_apps": [{"name": "Karaoke Star", "added_timestamp": 1_320_000_000}]}),
    );
    b.json("__MACOSX/facebook-old/friends/._friends.json", &json!("junk"));
    let map = zip(&b).unwrap();
    assert_eq!(map.owner.as_deref(), Some("Ada Hollowmere"));
    assert_eq!(map.friends().count(), 1);
    assert_eq!(map.apps[0].added, Some(1_320_000_000));
}

#[test]
fn connected_apps_keep_status_and_unknown_starts() {
    let mut b = ExportBuilder::new();
    b.json(
        "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
        &json!({"installed_apps_v2": [
            {"name": "Spotify", "added_timestamp": 1_316_000_000, "category": "active", "removed_timestamp": 0},
            {"name": "Quizzly", "added_timestamp": 0, "category": "removed", "removed_timestamp": 1_441_000_000},
            {"name": "Old Game", "added_timestamp": 1_330_000_000, "category": "inactive", "removed_timestamp": 0}
        ]}),
    );
    let map = zip(&b).unwrap();
    let by = |n: &str| map.apps.iter().find(|a| a.name == n).unwrap();
    assert_eq!(by("Spotify").status, Some(AppStatus::Active));
    assert_eq!((by("Quizzly").added, by("Quizzly").removed), (None, Some(1_441_000_000)));
    assert_eq!(by("Old Game").status, Some(AppStatus::Inactive));
    assert!(map.company("Spotify").unwrap().sources.contains(&CompanySource::ConnectedApp));
}

#[test]
fn off_meta_activity_in_both_shapes() {
    let mut old = ExportBuilder::new();
    old.json(
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        &json!({"off_facebook_activity_v2": [{"name": "example-shop.com", "events": [
            {"id": 1, "type": "PAGE_VIEW", "timestamp": 1_700_000_000},
            {"id": 1, "type": "PURCHASE", "timestamp": 1_700_003_600}]}]}),
    );
    let mut new = ExportBuilder::new();
    new.json(
        "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
        &json!([{"title": "example-shop.com", "fbid": "3", "media": [], "label_values": [{"label": "Événements", "vec": [
            {"dict": [{"label": "ID", "value": "111"}, {"label": "Event", "value": "PAGE_VIEW"}, {"label": "Reçu le", "timestamp_value": 1_700_000_000}]},
            {"dict": [{"label": "ID", "value": "111"}, {"label": "Event", "value": "PURCHASE"}, {"label": "Reçu le", "timestamp_value": 1_700_003_600}]}]}]}]),
    );
    for map in [zip(&old).unwrap(), zip(&new).unwrap()] {
        let c = map.company("example-shop.com").unwrap();
        assert_eq!(c.sources, vec![CompanySource::OffMetaActivity]);
        assert_eq!((c.events, c.first_seen, c.last_seen), (2, Some(1_700_000_000), Some(1_700_003_600)));
        assert_eq!(c.event_types.get("PURCHASE"), Some(&1));
    }
}

#[test]
fn advertisers_in_both_shapes_and_interactions() {
    let mut old = ExportBuilder::new();
    old.json(
        "ads_information/advertisers_using_your_activity_or_information.json",
        &json!({"custom_audiences_all_types_v2": [
            {"advertiser_name": "Brightbank", "has_data_file_custom_audience": true, "has_remarketing_custom_audience": false, "has_in_person_store_visit": false},
            {"advertiser_name": "Parcelwise", "has_data_file_custom_audience": false, "has_remarketing_custom_audience": true, "has_in_person_store_visit": false}]}),
    );
    old.json(
        "ads_information/advertisers_you've_interacted_with.json",
        &json!({"history_v2": [{"title": "Wanderly", "action": "Clicked ad", "timestamp": 1_690_000_000}]}),
    );
    let mut new = ExportBuilder::new();
    new.json(
        "ads_information/advertisers_using_your_activity_or_information.json",
        &json!({"label_values": [
            {"label": "Une liste importée", "vec": [{"value": "Brightbank"}]},
            {"label": "Interactions", "vec": [{"value": "Parcelwise"}]}]}),
    );
    new.json(
        "ads_information/advertisers_you've_interacted_with.json",
        &json!([{"timestamp": 1_690_000_000, "label_values": [{"label": "Title", "value": "Wanderly"}, {"label": "Action", "value": "Clicked ad"}]}]),
    );
    for map in [zip(&old).unwrap(), zip(&new).unwrap()] {
        assert_eq!(map.company("Brightbank").unwrap().sources, vec![CompanySource::AdvertiserList]);
        assert_eq!(map.company("Parcelwise").unwrap().sources, vec![CompanySource::AdvertiserActivity]);
        let w = map.company("Wanderly").unwrap();
        assert_eq!((w.sources.as_slice(), w.events), (&[CompanySource::AdvertiserInteraction][..], 1));
    }
}

#[test]
fn threads_count_people_and_time_but_keep_no_text() {
    let mut b = ExportBuilder::new();
    profile(&mut b, "Me Example");
    let thread = |msgs: serde_json::Value| {
        json!({"participants": [{"name": "Bea Sample"}, {"name": "Cai Dummy"}, {"name": "Me Example"}],
               "title": "Trip", "thread_path": "inbox/trip_1", "messages": msgs})
    };
    let m = |who: &str, ms: i64, text: &str| json!({"sender_name": who, "timestamp_ms": ms, "content": text});
    // Two parts that overlap by one message, newest first.
    b.json(
        "your_facebook_activity/messages/inbox/trip_1/message_1.json",
        &thread(json!([m("Bea Sample", 1_700_000_300_000, "c"), m("Me Example", 1_700_000_200_000, "b")])),
    );
    b.json(
        "your_facebook_activity/messages/inbox/trip_1/message_2.json",
        &thread(json!([m("Me Example", 1_700_000_200_000, "b"), m("Cai Dummy", 1_600_000_000_000, "SECRET-TEXT")])),
    );
    b.json(
        "your_facebook_activity/messages/archived_threads/bea_2/message_1.json",
        &json!({"participants": [{"name": "Bea Sample"}, {"name": "Me Example"}], "title": "Bea Sample",
                "messages": [m("Bea Sample", 1_650_000_000_000, "hi")]}),
    );
    let map = zip(&b).unwrap();
    assert_eq!(map.threads.len(), 2);
    let trip = map.threads.iter().find(|t| t.title == "Trip").unwrap();
    assert_eq!(trip.messages, 3, "the overlapping message counts once");
    assert_eq!(trip.participants, vec!["Bea Sample", "Cai Dummy"]);
    assert!(trip.group);
    assert_eq!((trip.first, trip.last), (Some(1_600_000_000), Some(1_700_000_300)));
    let archived = map.threads.iter().find(|t| t.folder == "archived_threads").unwrap();
    assert!(!archived.group);
    let bea = map.people.iter().find(|p| p.name == "Bea Sample").unwrap();
    assert_eq!((bea.relations.as_slice(), bea.messages), (&[Relation::MessageContact][..], 2));
    assert!(!datamap::report::to_json(&map, &datamap::derive::Derived::of(&map)).contains("SECRET-TEXT"));
}

#[test]
fn numbered_parts_and_browser_copies_merge_without_duplicates() {
    let mut b = ExportBuilder::new();
    let row = |n: &str| json!({"name": n, "timestamp": 1_600_000_000});
    b.json(
        "connections/followers/people_who_followed_you_1.json",
        &json!({"followers_v3": [row("A One"), row("B Two")]}),
    );
    b.json(
        "connections/followers/people_who_followed_you_2.json",
        &json!({"followers_v3": [row("B Two"), row("C Three")]}),
    );
    b.json("connections/followers/people_who_followed_you (1).json", &json!({"followers_v3": [row("A One")]}));
    let map = zip(&b).unwrap();
    let names: Vec<&str> = map.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["A One", "B Two", "C Three"]);
}

#[test]
fn parts_of_one_export_in_several_zips_are_merged() {
    let mut one = ExportBuilder::new();
    profile(&mut one, "Me Example");
    one.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "A One", "timestamp": 1_600_000_000}]}),
    );
    let mut two = ExportBuilder::new();
    two.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "A One", "timestamp": 1_600_000_000}]}),
    );
    two.json(
        "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
        &json!({"installed_apps_v2": [{"name": "TrailMate", "added_timestamp": 1_600_000_000, "category": "active"}]}),
    );
    let map = run(&[one.input("facebook-me-2026-01-02-a.zip"), two.input("facebook-me-2026-01-02-b.zip")]).unwrap();
    assert_eq!(map.friends().count(), 1);
    assert_eq!(map.apps.len(), 1);
    assert_eq!(map.owner.as_deref(), Some("Me Example"));
}

#[test]
fn two_peoples_exports_are_refused() {
    let mut one = ExportBuilder::new();
    profile(&mut one, "Person One");
    let mut two = ExportBuilder::new();
    profile(&mut two, "Person Two");
    let p = problem(run(&[one.input("a.zip"), two.input("b.zip")]));
    assert!(p.contains("different people"), "{p}");
}

#[test]
fn a_broken_file_is_a_warning_and_the_rest_is_read() {
    let mut b = ExportBuilder::new();
    b.raw("connections/friends/removed_friends.json", "[object Object]");
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "A One", "timestamp": 1_600_000_000}]}),
    );
    b.json("connections/friends/sent_friend_requests.json", &json!({"sent_requests_v2": null}));
    let map = zip(&b).unwrap();
    assert_eq!(map.friends().count(), 1);
    assert!(
        map.warnings.iter().any(|w| w.contains("removed_friends.json") && w.contains("not valid JSON")),
        "{:?}",
        map.warnings
    );
}

#[test]
fn unusable_inputs_get_a_clear_message() {
    let mut html = ExportBuilder::new();
    html.raw("connections/friends/your_friends.html", "<html></html>");
    assert!(problem(zip(&html)).contains("Format: JSON"));

    let mut insta = ExportBuilder::new();
    insta.json("connections/followers_and_following/followers_1.json", &json!([]));
    assert!(problem(zip(&insta)).contains("Instagram"));

    let mut other = ExportBuilder::new();
    other.raw("Takeout/Mail/inbox.mbox", "From x");
    assert!(problem(zip(&other)).contains("not a Facebook export"));

    let not_zip = Input::Memory { name: "x.zip".into(), bytes: std::sync::Arc::from(&b"PK\x03\x04 truncated"[..]) };
    assert!(problem(run(&[not_zip])).contains("damaged or incomplete"));
}

#[test]
fn files_on_disk_folders_and_loose_json() {
    let dir = std::env::temp_dir().join(format!("datamap-test-{}", std::process::id()));
    let mut b = ExportBuilder::new();
    profile(&mut b, "Me Example");
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "A One", "timestamp": 1_600_000_000}]}),
    );
    b.write_folder(&dir.join("export")).unwrap();
    let folder = run(&[Input::Path(dir.join("export"))]).unwrap();
    assert_eq!((folder.owner.as_deref(), folder.friends().count()), (Some("Me Example"), 1));

    let loose = run(&[Input::Path(dir.join("export/connections/friends/your_friends.json"))]).unwrap();
    assert_eq!(loose.friends().count(), 1);

    std::fs::write(dir.join("empty.zip"), b"").unwrap();
    assert!(problem(run(&[Input::Path(dir.join("empty.zip"))])).contains("empty"));
    std::fs::write(dir.join("notes.txt"), b"hello").unwrap();
    assert!(problem(run(&[Input::Path(dir.join("notes.txt"))])).contains("not a zip"));
    assert!(problem(run(&[Input::Path(dir.join("missing.zip"))])).contains("no such file"));
    let _ = std::fs::remove_dir_all(&dir);
}
