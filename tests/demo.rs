//! The bundled demo is what a first-time user sees, so it must be reproducible from the generator and must
//! exercise every feature the app shows.

use datamap::demo::{DEMO_ZIP, demo_builder, demo_input};
use datamap::import::{Monitor, import};
use datamap::model::{AppStatus, CompanySource, Relation};
use std::sync::atomic::AtomicBool;

#[test]
fn committed_demo_matches_the_generator() {
    assert!(
        demo_builder().zip() == DEMO_ZIP,
        "assets/demo is stale: run `cargo run -- make-demo {}` and commit it",
        datamap::demo::DEMO_PATH
    );
}

#[test]
fn demo_shows_every_feature() {
    let cancel = AtomicBool::new(false);
    let map = import(&[demo_input()], &Monitor::silent(&cancel)).expect("the demo imports");
    assert_eq!(map.owner.as_deref(), Some("Elin Marsh"));
    assert_eq!(map.export_date.as_deref(), Some("2026-10-15"));
    assert!(map.warnings.is_empty(), "{:?}", map.warnings);

    let friends = map.friends().count();
    assert_eq!(friends, 150);
    let namesakes = map.friends().filter(|p| map.friends().filter(|q| q.name == p.name).count() == 2).count();
    assert_eq!(namesakes, 2, "two friends share a display name and stay two people");
    for relation in [
        Relation::RemovedFriend,
        Relation::RequestSent,
        Relation::RequestReceived,
        Relation::Follower,
        Relation::Following,
        Relation::MessageContact,
    ] {
        assert!(map.people.iter().any(|p| p.relations.contains(&relation)), "{relation:?}");
    }
    assert!(
        map.people.iter().any(|p| p.name.contains('ë') || p.name.contains('é') || p.name.contains('ü')),
        "mojibake is fixed"
    );

    assert!((38..=45).contains(&map.apps.len()), "{}", map.apps.len());
    for app in ["Spotify", "Netflix", "Which Wizard Are You? Quiz", "FitPulse Run Tracker"] {
        assert!(map.apps.iter().any(|a| a.name == app), "{app}");
    }
    for status in [AppStatus::Active, AppStatus::Inactive, AppStatus::Removed] {
        assert!(map.apps.iter().any(|a| a.status == Some(status)));
    }
    let with = |s: CompanySource| map.companies.iter().filter(|c| c.sources.contains(&s)).count();
    assert_eq!(with(CompanySource::OffMetaActivity), 60);
    assert!(with(CompanySource::AdvertiserList) >= 20);
    assert!(with(CompanySource::AdvertiserActivity) >= 15);
    assert!(with(CompanySource::AdvertiserInteraction) >= 10);
    assert!(with(CompanySource::AppPost) >= 4);

    assert_eq!(map.threads.len(), 30);
    assert!(map.threads.iter().filter(|t| t.group).count() >= 6);
    for folder in ["inbox", "archived_threads", "message_requests", "filtered_threads", "e2ee_cutover"] {
        assert!(map.threads.iter().any(|t| t.folder == folder), "{folder}");
    }
    assert!(map.devices.len() >= 5);
}

#[test]
fn committed_instagram_demo_matches_its_generator_and_joins_the_facebook_demo() {
    assert!(
        datamap::demo::instagram_demo_builder().zip() == datamap::demo::INSTAGRAM_DEMO_ZIP,
        "assets/demo is stale: run `cargo run -- make-demo {} --instagram` and commit it",
        datamap::demo::INSTAGRAM_DEMO_PATH
    );
    let cancel = AtomicBool::new(false);
    let inputs = [demo_input(), datamap::demo::instagram_demo_input()];
    let map = import(&inputs, &Monitor::silent(&cancel)).expect("the two demos are one person's");
    assert_eq!(map.owner.as_deref(), Some("Elin Marsh"));
    assert_eq!(map.platforms, vec![datamap::model::Platform::Facebook, datamap::model::Platform::Instagram]);
    assert!(map.people.iter().any(|p| p.platforms == vec![datamap::model::Platform::Instagram]));
}
