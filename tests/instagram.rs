//! Instagram exports in each layout Meta has used (2020–21 `connections.json`, 2021–22 root folders, 2022–24
//! `connections/` and `your_instagram_activity/`, 2025–26 label_values), localised labels, usernames versus
//! display names, ads viewed and clicked, and a Facebook and an Instagram export opened together.

use datamap::archive::Input;
use datamap::demo::{ExportBuilder, fixtures, instagram_demo_builder};
use datamap::import::{ImportError, Monitor, import};
use datamap::model::{AppStatus, CompanySource, DataMap, Person, Platform, Relation};
use serde_json::{Value, json};
use std::sync::atomic::AtomicBool;

const OWNER: &str = fixtures::OWNER;
const T: i64 = 1_710_000_000;

fn run(inputs: &[Input]) -> Result<DataMap, ImportError> {
    let cancel = AtomicBool::new(false);
    import(inputs, &Monitor::silent(&cancel))
}

/// Named without a platform prefix, so detection has only the folders to go on.
fn open(b: &ExportBuilder) -> DataMap {
    run(&[b.input("export.zip")]).expect("the Instagram export imports")
}

fn person<'a>(map: &'a DataMap, name: &str) -> &'a Person {
    map.people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("{name} in {:?}", map.people))
}

fn item(username: &str, t: i64) -> Value {
    json!({"title": "", "media_list_data": [], "string_list_data": [
        {"href": format!("https://www.instagram.com/{username}"), "value": username, "timestamp": t}
    ]})
}

fn thread(b: &mut ExportBuilder, root: &str, slug: &str, other: &str) {
    b.json(
        &format!("{root}messages/inbox/{slug}/message_1.json"),
        &json!({"participants": [{"name": other}, {"name": OWNER}], "messages": [
            {"sender_name": other, "timestamp_ms": T * 1000},
            {"sender_name": OWNER, "timestamp_ms": (T + 60) * 1000}
        ]}),
    );
}

/// 2020–21: `connections.json` maps usernames to ISO dates; `profile.json` is flat.
fn layout_2020() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json("profile.json", &json!({"name": OWNER, "username": "ada.n"}));
    b.json(
        "connections.json",
        &json!({
            "followers": {"bea.sample": "2020-03-01T10:00:00+00:00"},
            "following": {"cai.two": "2020-03-01T11:00:00+01:00"},
            "close_friends": {"bea.sample": "2020-04-01T00:00:00"},
            "follow_requests_sent": {"dee.sent": "2020-05-01T00:00:00+00:00"}
        }),
    );
    b
}

/// 2021–22: category folders at the root, `relationships_*` wrappers, French labels.
fn layout_2021() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "account_information/personal_information.json",
        &json!({"profile_user": [{"title": "", "media_map_data": {}, "string_map_data": {
            "Nom d’utilisateur": {"href": "", "value": "ada.n", "timestamp": 0},
            "Nom": {"href": "", "value": OWNER, "timestamp": 0}
        }}]}),
    );
    b.json("followers_and_following/followers.json", &json!({"relationships_followers": [item("bea.sample", T)]}));
    b.json("followers_and_following/following.json", &json!({"relationships_following": [item("cai.two", T)]}));
    b.json(
        "ads_and_topics/ads_viewed.json",
        &json!({"impressions_history_ads_seen": [{"title": "", "media_map_data": {}, "string_map_data": {
            "Auteur": {"href": "", "value": "Boulangerie Étoile", "timestamp": 0},
            "Heure": {"href": "", "value": "", "timestamp": T}
        }}]}),
    );
    thread(&mut b, "", "beasample_1", "Bea Sample");
    b
}

/// 2022–24: `connections/followers_and_following/`, `your_instagram_activity/`, ads and apps.
fn layout_2024() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/personal_information/personal_information.json",
        &json!({"profile_user": [{"string_map_data": {"Username": {"value": "ada.n"}, "Name": {"value": OWNER}}}]}),
    );
    b.json("connections/followers_and_following/followers_1.json", &json!([item("bea.sample", T), item("cai", T)]));
    // 2024's following items carry the username only in the title and the `_u/` link.
    b.json(
        "connections/followers_and_following/following.json",
        &json!({"relationships_following": [
            {"title": "cai.two", "string_list_data": [{"href": "https://www.instagram.com/_u/cai.two", "timestamp": T}]}
        ]}),
    );
    b.json(
        "connections/followers_and_following/close_friends.json",
        &json!({"relationships_close_friends": [item("bea.sample", T)]}),
    );
    b.json(
        "connections/followers_and_following/pending_follow_requests.json",
        &json!({"relationships_follow_requests_sent": [item("dee.sent", T)]}),
    );
    b.json(
        "connections/followers_and_following/follow_requests_you've_received.json",
        &json!({"relationships_follow_requests_received": [item("eli.asks", T)]}),
    );
    thread(&mut b, "your_instagram_activity/", "beasample_1", "Bea Sample");
    thread(&mut b, "your_instagram_activity/", "cai_2", "cai");
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json",
        &json!({"apps_and_websites_off_meta_activity": [
            {"name": "Example Shop", "events": [{"id": 1, "type": "PURCHASE", "timestamp": T}]}
        ]}),
    );
    b.json(
        "ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json",
        &json!({"ig_custom_audiences_all_types": [
            {"advertiser_name": "Example Shop", "has_data_file_custom_audience": true,
             "has_remarketing_custom_audience": false, "has_in_person_store_visit": false},
            {"advertiser_name": "Lumen Streaming", "has_data_file_custom_audience": false,
             "has_remarketing_custom_audience": true, "has_in_person_store_visit": false}
        ]}),
    );
    b.json(
        "ads_information/ads_and_topics/ads_viewed.json",
        &json!({"impressions_history_ads_seen": [
            {"string_map_data": {"Author": {"value": "Harbor Shoes"}, "Time": {"timestamp": T}}},
            {"string_map_data": {"Author": {"value": "Harbor Shoes"}, "Time": {"timestamp": T + 86_400}}}
        ]}),
    );
    b.json(
        "ads_information/ads_and_topics/ads_clicked.json",
        &json!({"impressions_history_ads_clicked": [{"title": "Harbor Shoes", "string_list_data": [{"timestamp": T + 90}]}]}),
    );
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/active_apps.json",
        &json!({"apps_and_websites_active_apps": [{"title": "Snapframe", "string_map_data": {"Added on": {"timestamp": T}}}]}),
    );
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/removed_apps.json",
        &json!({"apps_and_websites_removed_apps": [{"title": "Quizzly", "string_map_data": {"Removed on": {"timestamp": T}}}]}),
    );
    b
}

/// 2025–26: label_values records with German labels.
fn layout_2025() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/personal_information/personal_information.json",
        &json!([{"label_values": [{"label": "Benutzername", "value": "ada.n"}, {"label": "Name", "value": OWNER}]}]),
    );
    let record = |user: &str| {
        json!({"timestamp": T, "label_values": [
            {"label": "URL", "value": format!("https://www.instagram.com/{user}"), "href": format!("https://www.instagram.com/{user}")},
            {"label": "Benutzername", "value": user}
        ]})
    };
    b.json("connections/followers_and_following/followers_1.json", &json!([record("bea.sample"), record("ümit.k")]));
    b.json("connections/followers_and_following/following.json", &json!([record("cai.two")]));
    b.json(
        "apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json",
        &json!([{"title": "Beispiel Laden", "label_values": [{"label": "Ereignisse", "vec": [{"dict": [
            {"label": "ID", "value": "123"}, {"label": "Typ", "value": "PAGE_VIEW"}, {"label": "Zeit", "timestamp_value": T}
        ]}]}]}]),
    );
    b.json(
        "ads_information/instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json",
        &json!({"label_values": [
            {"label": "Liste hochgeladen", "vec": [{"value": "Listen GmbH"}]},
            {"label": "Interaktionen", "vec": [{"value": "Aktiv AG"}]}
        ]}),
    );
    b.json(
        "ads_information/ads_and_topics/ads_viewed.json",
        &json!([{"timestamp": T, "label_values": [{"label": "Autor", "value": "Werbung KG"}, {"label": "URL", "vec": []}]}]),
    );
    thread(&mut b, "your_instagram_activity/", "beasample_1", "Bea Sample");
    b
}

fn usernames_and_times(map: &DataMap) {
    assert_eq!(map.platform, Platform::Instagram);
    assert_eq!(map.platforms, vec![Platform::Instagram]);
    assert_eq!(map.owner.as_deref(), Some(OWNER), "the display name, with mojibake fixed");
    assert!(person(map, "bea.sample").relations.contains(&Relation::Follower));
    assert!(person(map, "cai.two").relations.contains(&Relation::Following));
    assert_eq!(person(map, "bea.sample").platforms, vec![Platform::Instagram]);
}

#[test]
fn layout_2020_connections_json_with_iso_dates() {
    let map = open(&layout_2020());
    usernames_and_times(&map);
    let bea = person(&map, "bea.sample");
    assert_eq!(bea.relations, vec![Relation::Follower, Relation::CloseFriend]);
    assert!(person(&map, "dee.sent").relations.contains(&Relation::RequestSent));
    // 2020-03-01T10:00:00Z, and 11:00 at +01:00 is the same instant.
    assert_eq!(map.export_date.as_deref(), Some("2020-05-01"));
    assert!(map.files_read.iter().any(|f| f == "connections.json"));
}

#[test]
fn layout_2021_root_folders_with_french_labels() {
    let map = open(&layout_2021());
    usernames_and_times(&map);
    let shop = map.company("Boulangerie Étoile").expect("the French Auteur is the advertiser");
    assert_eq!(shop.sources, vec![CompanySource::AdViewed]);
    assert_eq!((shop.first_seen, shop.events), (Some(T), 1));
}

#[test]
fn layout_2024_every_list_and_company() {
    let map = open(&layout_2024());
    usernames_and_times(&map);
    assert!(person(&map, "bea.sample").relations.contains(&Relation::CloseFriend));
    assert_eq!(person(&map, "dee.sent").relations, vec![Relation::RequestSent]);
    assert_eq!(person(&map, "eli.asks").relations, vec![Relation::RequestReceived]);

    let shop = map.company("Example Shop").unwrap();
    assert_eq!(shop.sources, vec![CompanySource::OffMetaActivity, CompanySource::AdvertiserList]);
    assert_eq!(shop.event_types.get("PURCHASE"), Some(&1));
    assert_eq!(map.company("Lumen Streaming").unwrap().sources, vec![CompanySource::AdvertiserActivity]);

    let apps: Vec<_> = map.apps.iter().map(|a| (a.name.as_str(), a.status, a.added, a.removed)).collect();
    assert!(apps.contains(&("Snapframe", Some(AppStatus::Active), Some(T), None)), "{apps:?}");
    assert!(apps.contains(&("Quizzly", Some(AppStatus::Removed), None, Some(T))), "{apps:?}");
    assert!(map.apps.iter().all(|a| a.platforms == vec![Platform::Instagram]));
}

#[test]
fn layout_2025_label_values_with_german_labels() {
    let map = open(&layout_2025());
    usernames_and_times(&map);
    assert!(person(&map, "ümit.k").relations.contains(&Relation::Follower), "mojibake fixed in values");
    let laden = map.company("Beispiel Laden").unwrap();
    assert_eq!((laden.events, laden.event_types.get("PAGE_VIEW")), (1, Some(&1)));
    assert_eq!(map.company("Listen GmbH").unwrap().sources, vec![CompanySource::AdvertiserList]);
    assert_eq!(map.company("Aktiv AG").unwrap().sources, vec![CompanySource::AdvertiserActivity]);
    let ad = map.company("Werbung KG").unwrap();
    assert_eq!((ad.sources.as_slice(), ad.first_seen), (&[CompanySource::AdViewed][..], Some(T)));
}

#[test]
fn usernames_and_display_names_stay_apart_unless_equal() {
    let map = open(&layout_2024());
    // The follower `bea.sample` and the messaging partner "Bea Sample" may be one person, but nothing in
    // the export says so: two people.
    assert_eq!(person(&map, "bea.sample").relations, vec![Relation::Follower, Relation::CloseFriend]);
    let display = person(&map, "Bea Sample");
    assert_eq!((display.relations.as_slice(), display.messages), (&[Relation::MessageContact][..], 1));
    // Exactly the same string is one person.
    assert_eq!(person(&map, "cai").relations, vec![Relation::Follower, Relation::MessageContact]);
    assert_eq!(map.people.iter().filter(|p| p.name == "cai").count(), 1);
    assert!(map.people.iter().all(|p| p.name != OWNER && p.name != "ada.n"));
}

#[test]
fn ads_viewed_are_not_clicks() {
    let map = open(&layout_2024());
    let shoes = map.company("Harbor Shoes").unwrap();
    assert_eq!(shoes.sources, vec![CompanySource::AdvertiserInteraction, CompanySource::AdViewed]);
    let viewed = shoes.by_source.get(&CompanySource::AdViewed).unwrap();
    assert_eq!((viewed.first, viewed.last, viewed.events), (Some(T), Some(T + 86_400), 2));
    let clicked = shoes.by_source.get(&CompanySource::AdvertiserInteraction).unwrap();
    assert_eq!((clicked.first, clicked.events), (Some(T + 90), 1));

    let statements = datamap::exposure::statements(&map, datamap::catalog::builtin());
    let shoes: Vec<_> = statements.iter().filter(|s| s.company == "Harbor Shoes").collect();
    assert_eq!(shoes.len(), 1, "only the click is an interaction: {shoes:?}");
}

#[test]
fn report_json_names_the_platform_and_only_observed_statements() {
    let map = open(&layout_2024());
    let statements = datamap::exposure::statements(&map, datamap::catalog::builtin());
    assert!(statements.iter().all(|s| s.confidence == datamap::exposure::Confidence::Observed), "{statements:?}");
    let report: Value =
        serde_json::from_str(&datamap::report::to_json(&map, &datamap::derive::Derived::of(&map))).unwrap();
    assert_eq!(report["platform"], "instagram");
    assert_eq!(report["platforms"], json!(["instagram"]));
    assert_eq!(report["schema"], 1);
    let bea = report["people"].as_array().unwrap().iter().find(|p| p["name"] == "bea.sample").unwrap();
    assert_eq!(bea["platforms"], json!(["instagram"]));
    assert_eq!(bea["relations"], json!(["follower", "close_friend"]));
}

#[test]
fn facebook_and_instagram_of_one_person_make_one_map() {
    let facebook = fixtures::export(fixtures::Generation::G2025).input(fixtures::ZIP_NAME);
    let instagram = layout_2024().input("instagram-ada.n-2026-01-02-Ig1.zip");
    let map = run(&[facebook, instagram]).unwrap();
    assert_eq!(map.owner.as_deref(), Some(OWNER));
    assert_eq!(map.platform, Platform::Facebook, "schema 1 keeps one value");
    assert_eq!(map.platforms, vec![Platform::Facebook, Platform::Instagram]);
    assert_eq!(person(&map, "bea.sample").platforms, vec![Platform::Instagram]);
    // The Facebook friend "Bea Sample" and the Instagram messaging partner "Bea Sample" are the same string.
    let bea = person(&map, "Bea Sample");
    assert!(bea.relations.contains(&Relation::Friend) && bea.relations.contains(&Relation::MessageContact));
    assert_eq!(bea.platforms, vec![Platform::Facebook, Platform::Instagram]);
    assert!(map.friends().all(|p| p.platforms.contains(&Platform::Facebook)));
    assert_eq!(map.company("Harbor Shoes").unwrap().platforms, vec![Platform::Instagram]);
    assert!(map.apps.iter().any(|a| a.platforms == vec![Platform::Facebook]));
    assert!(map.apps.iter().any(|a| a.platforms == vec![Platform::Instagram]));
    // Facebook's follower files were not read as Instagram's, nor the other way round.
    assert!(map.files_read.iter().any(|f| f == "connections/followers_and_following/followers_1.json"));
    assert!(map.files_read.iter().any(|f| f == "connections/followers/people_who_followed_you_1.json"));
    assert!(person(&map, "Gus Follower").platforms == vec![Platform::Facebook]);

    let report: Value =
        serde_json::from_str(&datamap::report::to_json(&map, &datamap::derive::Derived::of(&map))).unwrap();
    assert_eq!(
        (report["platform"].clone(), report["platforms"].clone()),
        (json!("facebook"), json!(["facebook", "instagram"]))
    );
}

#[test]
fn facebook_and_instagram_of_two_people_are_refused() {
    let facebook = fixtures::export(fixtures::Generation::G2025).input(fixtures::ZIP_NAME);
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/personal_information/personal_information.json",
        &json!({"profile_user": [{"string_map_data": {"Name": {"value": "Someone Else"}}}]}),
    );
    b.json("connections/followers_and_following/followers_1.json", &json!([item("bea.sample", T)]));
    match run(&[facebook, b.input("instagram-someone-2026-01-02-Ig2.zip")]) {
        Err(ImportError::Unusable { problem, .. }) => assert!(problem.contains("different people"), "{problem}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn the_instagram_demo_imports() {
    let map = run(&[instagram_demo_builder().input(datamap::demo::instagram::IG_DEMO_NAME)]).unwrap();
    assert_eq!(map.platform, Platform::Instagram);
    assert_eq!(map.owner.as_deref(), Some(datamap::demo::instagram::IG_OWNER));
    assert_eq!(map.export_date.as_deref(), Some("2026-10-15"));
    assert!(map.people.len() >= 40, "{}", map.people.len());
    assert_eq!(map.threads.len(), 3);
    assert!(map.companies.iter().any(|c| c.sources.contains(&CompanySource::AdViewed)));
    assert!(map.warnings.is_empty(), "{:?}", map.warnings);
}

#[test]
fn facebook_messaging_deals_never_reach_instagram_threads() {
    let mut facebook = ExportBuilder::new();
    facebook.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": OWNER}}}),
    );
    facebook.json(
        "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
        &json!({"installed_apps_v2": [{"name": "Netflix", "added_timestamp": 1_330_000_000, "category": "active"}]}),
    );
    let in_window: i64 = 1_425_000_000; // early 2015, inside Netflix's messaging deal and the connection
    facebook.json(
        "your_facebook_activity/messages/inbox/fbfriend_1/message_1.json",
        &json!({"participants": [{"name": "Fb Friend"}, {"name": OWNER}],
                "messages": [{"sender_name": "Fb Friend", "timestamp_ms": in_window * 1000}]}),
    );
    let mut instagram = layout_2024();
    instagram.json(
        "your_instagram_activity/messages/inbox/igfriend_2/message_1.json",
        &json!({"participants": [{"name": "Ig Friend"}, {"name": OWNER}],
                "messages": [{"sender_name": "Ig Friend", "timestamp_ms": in_window * 1000}]}),
    );
    let map =
        run(&[facebook.input("facebook-ada-2026-01-02-a.zip"), instagram.input("instagram-ada.n-2026-01-02-b.zip")])
            .unwrap();
    let statements = datamap::exposure::statements(&map, datamap::catalog::builtin());
    let netflix = statements
        .iter()
        .find(|s| s.kind == datamap::exposure::Kind::MessagingPartner)
        .expect("Netflix's messaging deal applies to the Facebook threads");
    assert_eq!(map.names(&netflix.people), vec!["Fb Friend"], "the Instagram thread is not Facebook's to share");
}
