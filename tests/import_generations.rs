//! Every export generation and record shape, imported from the shared fixtures: the same person's facts must
//! come out of the 2019, 2021, 2023 and 2025 layouts alike.

use datamap::archive::Input;
use datamap::demo::fixtures::{self, EVENT_1, EVENT_2, FRIEND_SINCE, Generation, OWNER};
use datamap::import::{ImportError, Monitor, import};
use datamap::model::{AppStatus, CompanySource, DataMap, Relation};
use std::sync::atomic::AtomicBool;

fn run(inputs: &[Input]) -> Result<DataMap, ImportError> {
    let cancel = AtomicBool::new(false);
    import(inputs, &Monitor::silent(&cancel))
}

fn generation(g: Generation) -> DataMap {
    run(&[fixtures::export(g).input(fixtures::ZIP_NAME)]).unwrap_or_else(|e| panic!("{g:?}: {e}"))
}

fn relations(map: &DataMap, name: &str) -> Vec<Relation> {
    map.people.iter().filter(|p| p.name == name).flat_map(|p| p.relations.clone()).collect()
}

#[test]
fn profile_and_people_in_every_generation() {
    for g in fixtures::GENERATIONS {
        let map = generation(g);
        assert_eq!(map.owner.as_deref(), Some(OWNER), "{g:?}");
        assert_eq!(map.registered, Some(1_262_304_000), "{g:?}");
        assert!(map.warnings.is_empty(), "{g:?}: {:?}", map.warnings);
        let bea = map.people.iter().find(|p| p.name == "Bea Sample").unwrap();
        assert_eq!(bea.friend_since, Some(FRIEND_SINCE), "{g:?}");
        assert_eq!(map.people.iter().find(|p| p.name == "Chidi Dummy").unwrap().friend_since, None, "{g:?}");
        for (name, relation) in [
            ("Old Contact", Relation::RemovedFriend),
            ("Dee Sent", Relation::RequestSent),
            ("Eli Received", Relation::RequestReceived),
            ("Fay Rejected", Relation::RequestReceived),
            ("Gus Follower", Relation::Follower),
            ("Hal Followed", Relation::Following),
        ] {
            assert_eq!(relations(&map, name), vec![relation], "{g:?} {name}");
        }
        assert!(!map.people.iter().any(|p| p.name == OWNER), "{g:?}: the owner is not their own contact");
    }
}

#[test]
fn apps_games_and_app_posts_in_every_generation() {
    for g in fixtures::GENERATIONS {
        let map = generation(g);
        let app = |n: &str| map.apps.iter().find(|a| a.name == n).unwrap_or_else(|| panic!("{g:?}: no {n}"));
        assert_eq!(app("Example Rides").added, Some(1_400_000_000), "{g:?}");
        assert_eq!(app("Quiz Thing").added, None, "{g:?}");
        if g != Generation::G2019 {
            assert_eq!(app("Quiz Thing").removed, Some(1_550_000_000), "{g:?}");
            assert_eq!(app("Quiz Thing").status, Some(AppStatus::Removed), "{g:?}");
            assert_eq!(app("Pocket Golf").added, Some(1_430_000_000), "{g:?}");
        }
        let game = map.company("Example Game").unwrap();
        assert_eq!((game.sources.as_slice(), game.events), (&[CompanySource::AppPost][..], 1), "{g:?}");
    }
}

#[test]
fn off_meta_and_advertisers_in_every_generation() {
    for g in fixtures::GENERATIONS {
        let map = generation(g);
        let shop = map.company("example-shop.com").unwrap();
        assert_eq!((shop.events, shop.first_seen, shop.last_seen), (2, Some(EVENT_1), Some(EVENT_2)), "{g:?}");
        assert_eq!(shop.event_types.get("PAGE_VIEW"), Some(&1), "{g:?}");
        assert_eq!(shop.event_types.get("PURCHASE"), Some(&1), "{g:?}");
        assert_eq!(map.company("Brightbank").unwrap().sources, vec![CompanySource::AdvertiserList], "{g:?}");
        if g != Generation::G2019 {
            assert_eq!(map.company("Parcelwise").unwrap().sources, vec![CompanySource::AdvertiserActivity], "{g:?}");
        }
        let w = map.company("Wanderly").unwrap();
        assert_eq!(
            (w.sources.as_slice(), w.first_seen),
            (&[CompanySource::AdvertiserInteraction][..], Some(1_690_000_000))
        );
    }
}

#[test]
fn devices_and_link_history() {
    for g in fixtures::GENERATIONS {
        let map = generation(g);
        assert_eq!(map.devices.len(), 2, "{g:?}: {:?}", map.devices);
        assert!(map.devices.iter().any(|d| d.user_agent.contains("iPhone") && d.first_seen == Some(1_600_000_000)));
        assert!(map.devices.iter().any(|d| d.user_agent.contains("Windows") && d.first_seen == Some(1_650_000_000)));
    }
    let map = generation(Generation::G2025);
    assert_eq!(map.websites.len(), 1, "{:?}", map.websites);
    let site = &map.websites[0];
    assert_eq!(
        (site.site.as_str(), site.visits, site.first, site.last),
        ("example-news.org", 2, Some(1_710_000_000), Some(1_720_000_000))
    );
    assert!(
        !datamap::report::to_json(&map, &datamap::derive::Derived::of(&map)).contains("secret"),
        "only the host of a visited link is kept"
    );
}

#[test]
fn messages_in_every_folder_with_groups_told_apart() {
    for g in fixtures::GENERATIONS {
        let map = generation(g);
        let trip = map.threads.iter().find(|t| t.title == "Trip").unwrap();
        assert!(trip.group, "{g:?}");
        assert_eq!((trip.messages, trip.participants.len()), (3, 2), "{g:?}");
        assert_eq!(trip.first, Some(fixtures::MS / 1000), "{g:?}");
        let pairs: Vec<_> = map.threads.iter().filter(|t| t.title == "Bea Sample").collect();
        assert!(!pairs.is_empty() && pairs.iter().all(|t| !t.group && t.messages == 2), "{g:?}");
        let bea = map.people.iter().find(|p| p.name == "Bea Sample").unwrap();
        assert_eq!(bea.messages, 1 + pairs.len() as u64, "{g:?}: one in the group, one per one-to-one thread");
        assert!(!datamap::report::to_json(&map, &datamap::derive::Derived::of(&map)).contains("SECRET-TEXT"));
    }
    let folders = |g| generation(g).threads.iter().map(|t| t.folder.clone()).collect::<std::collections::BTreeSet<_>>();
    assert!(folders(Generation::G2019).contains("legacy_threads"));
    assert!(folders(Generation::G2021).is_superset(&["archived_threads".into(), "filtered_threads".into()].into()));
    assert!(folders(Generation::G2023).contains("message_requests"));
    assert!(folders(Generation::G2025).contains("e2ee_cutover"));
}

#[test]
fn parts_in_several_zips_merge_without_duplicates() {
    let (one, two) = fixtures::split_export();
    let map = run(&[one.input("facebook-ada-2026-01-02-a.zip"), two.input("facebook-ada-2026-01-02-b.zip")]).unwrap();
    assert_eq!(map.friends().count(), 2, "the friends list repeated in both zips counts once");
    assert_eq!(map.threads.len(), 1);
    assert_eq!(map.threads[0].messages, 3, "the message in both parts counts once");
    assert_eq!(map.files_read.len(), 5, "{:?}", map.files_read);
}

#[test]
fn the_import_is_the_same_every_time() {
    let input = fixtures::export(Generation::G2025).input(fixtures::ZIP_NAME);
    let first = run(std::slice::from_ref(&input)).unwrap();
    for _ in 0..5 {
        assert_eq!(run(std::slice::from_ref(&input)).unwrap(), first);
    }
}
