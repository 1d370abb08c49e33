//! Every statement is exactly as strong as its sources. Checked two ways: as properties over many generated
//! maps (no statement is inferred without the deal's condition shown inside the deal's dated window, a deal's
//! dates are always the record's, presence alone never makes an inference, unknown counts stay unknown), and
//! on the bundled demo's `report --json` and CSV, as a careful reader would check them with the sources open.

use datamap::catalog::{Catalog, builtin};
use datamap::demo::demo_input;
use datamap::exposure::{Confidence, DealTimes, Ending, Kind, Statement, rows, statements, to_csv};
use datamap::import::{Monitor, import};
use datamap::model::{App, AppStatus, Company, CompanySource, DataMap, Device, Person, Relation, Span, Unix};
use proptest::prelude::*;
use std::sync::atomic::AtomicBool;

/// Names from exports: partners' real names, products and look-alikes, and invented apps.
const APP_NAMES: &[&str] = &[
    "Spotify",
    "Netflix",
    "RBC Mobile",
    "Dropbox",
    "Airbnb",
    "Tinder",
    "Lyft",
    "Yahoo",
    "Hinge",
    "Nike",
    "Apple Music",
    "Amazon Music",
    "Sony Music",
    "Yahoo Mail",
    "Dell",
    "Verizon",
    "Which Spotify Playlist Are You?",
    "Pocket Farm Saga",
    "Cloudnote",
    "TimesPeople",
    "thisisyourdigitallife",
];

const USER_AGENTS: &[&str] = &[
    "BlackBerry9700/5.0.0.351 Profile/MIDP-2.1 Configuration/CLDC-1.1 VendorID/123",
    "Mozilla/5.0 (BB10; Touch) AppleWebKit/537.10+ (KHTML, like Gecko) Version/10.0.9.2372 Mobile Safari/537.10+",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 9_3 like Mac OS X) AppleWebKit/601.1.46 Mobile/13E233",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 11_2 like Mac OS X) AppleWebKit/604.4.7",
    "Mozilla/5.0 (PlayStation Vita 3.2) AppleWebKit/536.26 (KHTML, like Gecko) Silk/3.2",
    "HTC_Sensation_Z710e/1.0 Android 4.0.3 Mobile Safari/534.30",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36",
    "Mozilla/5.0 (Linux; U; Android 4.0.3; en-us; KFTT Build/IML74K) AppleWebKit/534.30 Silk/3.4",
];

const BUSINESSES: &[&str] = &["Airbnb", "Netflix", "Amazon", "Yelp", "Microsoft", "Greenleaf Grocers", "Pandora"];

const YEAR: i64 = 365 * 86_400;
const Y2008: Unix = 1_199_145_600;

fn time() -> impl Strategy<Value = Option<Unix>> {
    prop_oneof![1 => Just(None), 6 => (0..18 * YEAR).prop_map(|t| Some(Y2008 + t))]
}

fn app() -> impl Strategy<Value = App> {
    (0..APP_NAMES.len(), time(), time(), 0..3u8).prop_map(|(name, added, removed, status)| {
        let (added, removed) = match (added, removed) {
            (Some(a), Some(r)) if r < a => (Some(r), Some(a)),
            pair => pair,
        };
        let status = [AppStatus::Active, AppStatus::Inactive, AppStatus::Removed][status as usize];
        App {
            name: APP_NAMES[name].to_owned(),
            status: Some(status),
            added,
            removed: if status == AppStatus::Active { None } else { removed },
            file: "apps.json".into(),
            platforms: Vec::new(),
        }
    })
}

fn device() -> impl Strategy<Value = Device> {
    (0..USER_AGENTS.len(), time(), 0..3 * YEAR).prop_map(|(ua, first, length)| Device {
        user_agent: USER_AGENTS[ua].to_owned(),
        first_seen: first,
        last_seen: first.map(|f| f + length),
        files: vec!["security.json".into()],
    })
}

fn company() -> impl Strategy<Value = Company> {
    (0..BUSINESSES.len(), time(), prop::bool::ANY).prop_map(|(name, at, list)| {
        let source = if list { CompanySource::AdvertiserList } else { CompanySource::OffMetaActivity };
        let span = Span { first: at, last: at, events: 1 };
        Company {
            name: BUSINESSES[name].to_owned(),
            sources: vec![source],
            first_seen: at,
            last_seen: at,
            files: vec!["off_meta.json".into()],
            by_source: [(source, span)].into_iter().collect(),
            ..Company::default()
        }
    })
}

fn friend() -> impl Strategy<Value = Person> {
    (prop::sample::select(vec!["Wren Ashby", "Oli Park", "Mara Quist"]), time()).prop_map(|(name, since)| Person {
        name: name.to_owned(),
        relations: vec![Relation::Friend],
        friend_since: since,
        removed_at: None,
        messages: 0,
        platforms: Vec::new(),
    })
}

prop_compose! {
    fn map()(apps in prop::collection::vec(app(), 0..6), devices in prop::collection::vec(device(), 0..4),
             companies in prop::collection::vec(company(), 0..4), friends in prop::collection::vec(friend(), 0..5),
             registered in time()) -> DataMap {
        DataMap {
            export_date: Some("2026-10-15".into()),
            registered,
            files_read: if friends.is_empty() { vec![] } else { vec!["connections/friends/your_friends.json".into()] },
            people: friends,
            apps,
            devices,
            companies,
            ..DataMap::default()
        }
    }
}

fn deal_times(catalog: &Catalog, s: &Statement) -> Option<DealTimes> {
    let id = s.deal_id.as_deref()?;
    catalog.partners.iter().flat_map(|p| &p.deals).find(|d| d.id == id).map(DealTimes::of)
}

/// The promises every statement keeps, whatever the export.
fn check(map: &DataMap, all: &[Statement]) -> Result<(), TestCaseError> {
    let catalog = builtin();
    for s in all {
        let times = deal_times(catalog, s);
        match s.confidence {
            Confidence::Observed => prop_assert!(s.deal_id.is_none(), "only the export observes: {s:?}"),
            Confidence::Inferred => {
                prop_assert!(!s.condition_shown.is_empty(), "inferred without its condition shown: {s:?}");
                let dated = times.and_then(|t| t.dated).expect("an inferred deal is dated");
                for shown in &s.condition_shown {
                    let (from, to) = (shown.from.unwrap(), shown.to.unwrap());
                    prop_assert!(
                        from <= dated.end.unwrap() && to >= dated.start.unwrap(),
                        "shown outside the dated window: {s:?}"
                    );
                }
            }
            Confidence::Reported => prop_assert!(s.condition_shown.is_empty(), "{s:?}"),
        }
        if let Some(times) = times {
            prop_assert_eq!((s.start, s.end), (times.outer.start, times.outer.end), "dates not the record's: {:?}", s);
        }
        prop_assert!(s.people_count != Some(0) || !s.people_count_is_minimum, "'at least 0': {s:?}");
        if map.people.is_empty() && map.threads.is_empty() && s.kind.is_deal() {
            prop_assert_eq!(s.people_count, None, "no friends list and no messages, yet a count: {:?}", s);
        }
        prop_assert!(!s.explanation.contains("while the deal ran"));
    }
    // Presence alone: without apps, devices or sites, only a dated visit inside an instant-personalization
    // window (a business's own off-Meta record of it) can be a deal's condition; an ad list never is.
    if map.apps.is_empty() && map.devices.is_empty() && map.websites.is_empty() {
        for s in all.iter().filter(|s| s.confidence == Confidence::Inferred) {
            prop_assert_eq!(s.kind, Kind::InstantPersonalization, "{:?}", s);
            prop_assert!(s.condition_shown.iter().all(|c| c.text.contains("sent Meta records")), "{:?}", s);
        }
    }
    for trap in ["Apple Music", "Amazon Music", "Sony Music", "Yahoo Mail", "Which Spotify Playlist Are You?"] {
        prop_assert!(all.iter().filter(|s| s.company == trap).all(|s| s.catalog_id.is_none()), "{trap} got a partner");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_statement_says_more_than_its_sources(map in map()) {
        let all = statements(&map, builtin());
        check(&map, &all)?;
    }
}

fn demo() -> (DataMap, Vec<Statement>) {
    let cancel = AtomicBool::new(false);
    let map = import(&[demo_input()], &Monitor::silent(&cancel)).expect("the demo imports");
    let s = statements(&map, builtin());
    (map, s)
}

fn deal<'a>(s: &'a [Statement], id: &str) -> &'a Statement {
    s.iter().find(|x| x.deal_id.as_deref() == Some(id)).unwrap_or_else(|| panic!("no statement for {id}"))
}

#[test]
fn the_demo_report_is_true_to_its_sources() {
    let (map, s) = demo();
    check(&map, &s).unwrap();
    let json = datamap::report::to_json(&map, &datamap::derive::Derived::of(&map));
    assert!(!json.contains("while the deal ran"));
    for article in [" a Apple", " a Amazon", " a Alcatel", " a Acer", " a Opera", " a Orange", " a OPPO"] {
        assert!(!json.contains(article), "{article}");
    }
    // No deal borrows the person's own dates.
    let own: Vec<Unix> = map
        .apps
        .iter()
        .flat_map(|a| [a.added, a.removed])
        .chain(map.devices.iter().flat_map(|d| [d.first_seen, d.last_seen]))
        .flatten()
        .collect();
    for x in s.iter().filter(|x| x.deal_id.is_some()) {
        for t in [x.start, x.end].into_iter().flatten() {
            assert!(!own.contains(&t), "{} {:?} borrows a date from the export: {t}", x.company, x.deal_id);
        }
    }
    let bing = deal(&s, "microsoft-bing-search-integration");
    assert!(matches!(&bing.ending, Ending::AtLeastUntil { as_of, .. } if as_of.as_str() >= "2017"));
    assert_eq!(bing.end, None);
    let netflix = deal(&s, "netflix-messaging");
    assert!(netflix.start.unwrap() >= datamap::catalog::PartialDate::parse("2014-09").unwrap().earliest_unix());
    let apple_like = s.iter().filter(|x| x.catalog_id.as_deref() == Some("apple"));
    assert!(apple_like.clone().all(|x| x.confidence != Confidence::Inferred), "the demo's iPhone runs iOS 12");
    // Whitelists dated only by 2015 stay open: no end from the person's connection.
    for id in ["airbnb", "tinder", "lyft", "bumble"] {
        assert_eq!(deal(&s, id).ending, Ending::Unknown, "{id}");
    }
}

#[test]
fn the_demo_csv_never_calls_ended_message_access_current() {
    let (_, s) = demo();
    let table = rows(&s);
    let csv = to_csv(&table, &s);
    let messaging: Vec<&str> = csv.lines().filter(|l| l.contains("Messaging partner")).collect();
    assert!(messaging.len() >= 3, "{messaging:?}");
    for line in messaging {
        assert!(!line.contains("still active"), "{line}");
    }
    let spotify = table.iter().find(|r| r.catalog_id.as_deref() == Some("spotify")).unwrap();
    assert!(spotify.parts.iter().any(|p| p.kind == Kind::ConnectedApp && p.ending.is_open()));
    assert!(spotify.parts.iter().any(|p| p.kind == Kind::MessagingPartner && !p.ending.is_open()));
}
