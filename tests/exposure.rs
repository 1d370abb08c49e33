//! The exposure rules on generated exports: one scenario per kind of statement, the negative cases the public
//! record demands (presence is not activation, products are not their parent's deals, OS versions gate
//! device deals, unknown dates and counts stay unknown), and the demo exercising every kind and confidence.

use datamap::catalog::PartialDate;
use datamap::catalog::builtin;
use datamap::demo::{ExportBuilder, demo_input};
use datamap::exposure::{Confidence, Ending, Kind, Statement, rows, statements, to_csv};
use datamap::import::{Monitor, import};
use datamap::model::{DataMap, days_from_civil};
use serde_json::{Value, json};
use std::sync::atomic::AtomicBool;

fn ts(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d) * 86_400 + 43_200
}

const APPS: &str = "apps_and_websites_off_of_facebook/connected_apps_and_websites.json";

fn export(build: impl FnOnce(&mut ExportBuilder)) -> (DataMap, Vec<Statement>) {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": "Ida Fenwick"}, "registration_timestamp": ts(2009, 1, 1)}}),
    );
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [
            {"name": "Old Friend", "timestamp": ts(2010, 5, 1)},
            {"name": "Newer Friend", "timestamp": ts(2016, 5, 1)},
            {"name": "Undated Friend", "timestamp": 0}]}),
    );
    build(&mut b);
    let cancel = AtomicBool::new(false);
    let map = import(&[b.input("facebook-ida-2026-01-02-x.zip")], &Monitor::silent(&cancel)).expect("imports");
    let s = statements(&map, builtin());
    (map, s)
}

fn app(name: &str, added: i64, removed: i64, category: &str) -> Value {
    json!({"name": name, "added_timestamp": added, "removed_timestamp": removed, "category": category})
}

fn find<'a>(s: &'a [Statement], company: &str, kind: Kind) -> Option<&'a Statement> {
    s.iter().find(|x| x.company == company && x.kind == kind)
}

fn thread(b: &mut ExportBuilder, dir: &str, other: &str, at: i64) {
    b.json(
        &format!("your_facebook_activity/messages/inbox/{dir}/message_1.json"),
        &json!({"participants": [{"name": other}, {"name": "Ida Fenwick"}], "title": other,
                "messages": [{"sender_name": other, "timestamp_ms": at * 1000}]}),
    );
}

fn day_start(date: &str) -> i64 {
    PartialDate::parse(date).unwrap().earliest_unix()
}

fn day_end(date: &str) -> i64 {
    PartialDate::parse(date).unwrap().latest_unix()
}

fn logins(b: &mut ExportBuilder, agents: &[(&str, i64)]) {
    let entries: Vec<Value> =
        agents.iter().map(|(ua, t)| json!({"action": "Login", "timestamp": t, "user_agent": ua})).collect();
    b.json("security_and_login_information/account_activity.json", &json!({"account_activity_v2": entries}));
}

fn deal<'a>(s: &'a [Statement], deal_id: &str) -> Option<&'a Statement> {
    s.iter().find(|x| x.deal_id.as_deref() == Some(deal_id))
}

#[test]
fn connected_apps_are_observed_with_their_windows() {
    let (_, s) = export(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [
                app("TrailMate", ts(2020, 6, 21), 0, "active"),
                app("Quizzly", 0, ts(2015, 9, 9), "removed"),
                app("Old Game", ts(2013, 1, 1), 0, "inactive")]}),
        );
    });
    let active = find(&s, "TrailMate", Kind::ConnectedApp).unwrap();
    assert_eq!(active.confidence, Confidence::Observed);
    assert_eq!(active.start, Some(ts(2020, 6, 21)));
    assert_eq!(active.ending, Ending::StillActive { as_of: "2026-01-02".into(), per: "your export".into() });
    assert_eq!(active.evidence.files, vec![APPS.to_owned()]);
    let removed = find(&s, "Quizzly", Kind::ConnectedApp).unwrap();
    assert_eq!((removed.start, removed.end, removed.ending.clone()), (None, Some(ts(2015, 9, 9)), Ending::Ended));
    let expired = find(&s, "Old Game", Kind::ConnectedApp).unwrap();
    assert_eq!((expired.end, expired.ending.clone()), (None, Ending::EndedUnknown));
}

#[test]
fn graph_api_friends_keeps_the_record_dates_and_the_connection_as_evidence() {
    let (map, s) = export(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [
                app("Which Wizard Are You? Quiz", ts(2013, 6, 8), ts(2016, 2, 11), "removed"),
                app("Late Quiz", ts(2014, 10, 2), ts(2015, 1, 5), "removed"),
                app("FitPulse Run Tracker", ts(2017, 4, 19), 0, "inactive")]}),
        );
    });
    let quiz = find(&s, "Which Wizard Are You? Quiz", Kind::GraphApiFriends).unwrap();
    assert_eq!(quiz.confidence, Confidence::Inferred);
    assert_eq!(
        (quiz.start, quiz.end),
        (Some(day_start("2010-04-21")), Some(day_end("2015-04-30"))),
        "the record's window"
    );
    assert_eq!(quiz.condition_shown.len(), 1);
    assert_eq!(
        (quiz.condition_shown[0].from, quiz.condition_shown[0].to),
        (Some(ts(2013, 6, 8)), Some(ts(2016, 2, 11)))
    );
    assert_eq!(
        map.names(&quiz.people),
        vec!["Old Friend"],
        "friends by the cut-off; undated friends are not guessed in"
    );
    assert!(quiz.people_count_is_minimum, "an undated friend may have been a friend too");
    assert!(quiz.data.iter().any(|d| d == "friend_names"));
    assert!(quiz.evidence.sources.iter().any(|src| src.url.is_some() && src.supports.is_some()));
    assert!(!quiz.condition_unknown.iter().any(|u| u.contains("registered")), "connected before April 2014");
    let late = find(&s, "Late Quiz", Kind::GraphApiFriends).unwrap();
    assert!(
        late.condition_unknown.iter().any(|u| u.contains("registered with Facebook before 2014-04-30")),
        "an app first seen after 30 April 2014 may never have had v1.0: {:?}",
        late.condition_unknown
    );
    assert!(find(&s, "FitPulse Run Tracker", Kind::GraphApiFriends).is_none(), "a 2017 app gets no friends' data");
}

#[test]
fn messaging_window_is_the_deals_own_and_its_end_is_not_the_apps() {
    let (map, s) = export(|b| {
        b.json(APPS, &json!({"installed_apps_v2": [app("Netflix", ts(2012, 1, 10), 0, "active")]}));
        thread(b, "inside_1", "Inside Person", ts(2015, 3, 3));
        thread(b, "before_2", "Before Person", ts(2013, 3, 3));
    });
    let netflix = deal(&s, "netflix-messaging").unwrap();
    assert_eq!(netflix.confidence, Confidence::Inferred);
    assert_eq!(netflix.start, Some(day_start("2014-09")), "Netflix's feature launched in September 2014");
    assert_eq!(netflix.end, None, "the end is open: the grant was seen in 2017 records");
    assert!(matches!(&netflix.ending, Ending::AtLeastUntil { as_of, .. } if as_of == "2017"));
    assert_eq!(map.names(&netflix.people), vec!["Inside Person"], "a 2013 thread is before the deal");
    assert!(netflix.people_count_is_minimum);
    assert!(netflix.condition_unknown.iter().any(|u| u.contains("recommend")), "the feature use is unknown");
    for kind in ["messages_read", "messages_write", "messages_delete"] {
        assert!(netflix.data.iter().any(|d| d == kind), "{kind}");
    }
    assert!(netflix.responses.iter().any(|r| r.party == "company"), "Netflix's own answer is shown");
    assert!(netflix.responses.iter().any(|r| r.party == "facebook"), "and Facebook's");
    let table = rows(&s);
    let row = table.iter().find(|r| r.catalog_id.as_deref() == Some("netflix")).unwrap();
    let messaging = row.parts.iter().find(|p| p.kind == Kind::MessagingPartner).unwrap();
    assert!(!messaging.ending.is_open() && !messaging.end_label.contains("still active"));
    let app = row.parts.iter().find(|p| p.kind == Kind::ConnectedApp).unwrap();
    assert!(app.ending.is_open(), "the app connection itself is still active");
}

#[test]
fn messaging_not_without_the_app_and_not_for_look_alikes() {
    let (_, s) = export(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [app("Which Spotify Playlist Are You?", ts(2013, 1, 1), 0, "active")]}),
        );
        thread(b, "inside_1", "Inside Person", ts(2013, 3, 3));
    });
    assert!(s.iter().all(|x| x.kind != Kind::MessagingPartner));
    let quiz = find(&s, "Which Spotify Playlist Are You?", Kind::ConnectedApp).unwrap();
    assert_eq!(quiz.catalog_id, None, "a quiz with a partner's name in it is not the partner");
}

#[test]
fn presence_is_not_activation() {
    // Airbnb only in off-Meta activity and an advertiser list: the whitelist is the record's, not inferred.
    let (_, s) = export(|b| {
        b.json(
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            &json!({"off_facebook_activity_v2": [{"name": "Airbnb", "events": [{"id": 1, "type": "PURCHASE", "timestamp": ts(2024, 1, 1)}]},
                                                   {"name": "Yelp", "events": [{"id": 1, "type": "PAGE_VIEW", "timestamp": ts(2024, 1, 1)}]}]}),
        );
    });
    let airbnb = deal(&s, "airbnb").unwrap();
    assert_eq!(airbnb.confidence, Confidence::Reported);
    assert!(airbnb.condition_shown.is_empty());
    assert_eq!((airbnb.end, airbnb.ending.clone()), (None, Ending::Unknown), "no source dates its end");
    assert_eq!(airbnb.people_count, None);
    assert!(airbnb.explanation.contains("not how this deal was switched on"), "{}", airbnb.explanation);
    let yelp = deal(&s, "yelp").unwrap();
    assert_eq!(yelp.confidence, Confidence::Reported, "a 2024 visit says nothing about 2010-2014");
    // Connected within the record's dated window: inferred; connected years later: still the record only.
    let (_, s) = export(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [app("Airbnb", ts(2015, 1, 12), 0, "active"), app("Bumble", ts(2017, 9, 14), 0, "inactive")]}),
        );
    });
    let airbnb = deal(&s, "airbnb").unwrap();
    assert_eq!(airbnb.confidence, Confidence::Inferred);
    assert_eq!(airbnb.evidence.files, vec![APPS.to_owned()]);
    assert_eq!(airbnb.end, None, "the connection's dates are evidence, not the deal's end");
    assert_eq!(deal(&s, "bumble").unwrap().confidence, Confidence::Reported);
}

#[test]
fn a_deal_the_export_gives_no_reason_to_mention_is_left_out() {
    let (map, s) = export(|_| {});
    assert!(deal(&s, "airbnb").is_none());
    assert!(deal(&s, "yelp").is_none(), "instant personalization needed a visit");
    let bing = deal(&s, "microsoft-bing-search-integration").unwrap();
    assert_eq!(bing.confidence, Confidence::Reported, "the record says it covered users generally");
    assert_eq!(
        map.names(&bing.people),
        vec!["Old Friend", "Newer Friend"],
        "friends by the last date the record dates"
    );
    assert!(bing.people_count_is_minimum);
    assert!(bing.evidence.files.is_empty() && !bing.evidence.sources.is_empty());
    assert!(matches!(&bing.ending, Ending::AtLeastUntil { as_of, .. } if as_of == "2017"), "Bing ran into 2017");
}

#[test]
fn product_names_do_not_reach_the_parents_deals() {
    let (_, s) = export(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [
                app("Apple Music", ts(2016, 1, 1), 0, "active"),
                app("Amazon Music", ts(2016, 1, 1), 0, "active"),
                app("Yahoo Mail", ts(2012, 1, 1), 0, "active"),
                app("Sony Music", ts(2012, 1, 1), 0, "active"),
                app("Dell", ts(2012, 1, 1), 0, "active")]}),
        );
    });
    for id in ["apple", "amazon", "yahoo", "sony"] {
        assert!(s.iter().all(|x| x.catalog_id.as_deref() != Some(id)), "{id}: {s:#?}");
    }
    let dell = deal(&s, "dell").unwrap();
    assert_eq!(dell.confidence, Confidence::Reported, "an app named after a device maker is not its device");
}

#[test]
fn devices_are_read_by_ua_parser_and_gated_by_os_version() {
    let (_, s) = export(|b| {
        logins(
            b,
            &[
                ("BlackBerry9700/5.0.0.351 Profile/MIDP-2.1 Configuration/CLDC-1.1 VendorID/123", ts(2011, 3, 2)),
                ("Mozilla/5.0 (PlayStation Vita 3.2) AppleWebKit/536.26 (KHTML, like Gecko) Silk/3.2", ts(2014, 4, 4)),
                (
                    "Mozilla/5.0 (Mobile; Windows Phone 8.1; Android 4.0; ARM; Trident/7.0; Touch; rv:11.0; IEMobile/11.0; NOKIA; Lumia 635) like iPhone OS 7_0_3 Mac OS X AppleWebKit/537 (KHTML, like Gecko) Mobile Safari/537",
                    ts(2015, 2, 2),
                ),
                ("Mozilla/5.0 (iPhone; CPU iPhone OS 11_2 like Mac OS X) AppleWebKit/604.4.7", ts(2018, 1, 5)),
                ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0", ts(2024, 3, 2)),
            ],
        );
    });
    let bb = deal(&s, "blackberry").unwrap();
    assert_eq!(bb.confidence, Confidence::Inferred);
    assert!(deal(&s, "blackberry-10").is_none(), "BlackBerry OS 5 is not BlackBerry 10, whose reach was itemized");
    assert_eq!(bb.evidence.files, vec!["security_and_login_information/account_activity.json"]);
    assert_ne!(
        (bb.start, bb.end),
        (Some(ts(2011, 3, 2)), Some(ts(2011, 3, 2))),
        "the login is evidence, not the window"
    );
    assert!(bb.condition_unknown.iter().any(|u| u.contains("built-in integration")), "a login shows the device only");
    assert_eq!(deal(&s, "sony").map(|x| x.confidence), Some(Confidence::Inferred), "a PS Vita is Sony's");
    assert!(deal(&s, "amazon").is_none(), "a Vita's Silk browser is not an Amazon device");
    assert_eq!(deal(&s, "microsoft-windows").map(|x| x.confidence), Some(Confidence::Inferred));
    assert!(deal(&s, "apple").is_none(), "neither a Windows Phone nor iOS 11 had Apple's Settings account");
    assert!(s.iter().filter(|x| x.kind == Kind::DeviceIntegration).all(|x| !x.explanation.contains("a Apple")));

    let (_, s) = export(|b| {
        logins(
            b,
            &[
                ("Mozilla/5.0 (iPad; CPU OS 9_3_5 like Mac OS X) AppleWebKit/601.1.46 Mobile/13G36", ts(2016, 3, 3)),
                (
                    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_1) AppleWebKit/605.1.15 Safari/605.1.15",
                    ts(2018, 11, 1),
                ),
            ],
        );
    });
    let apple = deal(&s, "apple").unwrap();
    assert_eq!(apple.confidence, Confidence::Inferred, "iOS 9 is inside iOS 6-10");
    assert_eq!(apple.condition_shown.len(), 1, "macOS 10.14 dropped the Facebook account");
    assert!(
        matches!(&apple.ending, Ending::StillActive { as_of, per } if as_of == "2018-12-18" && per.contains("Facebook"))
    );
}

#[test]
fn unknown_counts_are_unknown_and_namesakes_are_two() {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": "Ida Fenwick"}, "registration_timestamp": ts(2009, 1, 1)}}),
    );
    b.json(APPS, &json!({"installed_apps_v2": [app("Airbnb", ts(2015, 1, 12), 0, "active")]}));
    let cancel = AtomicBool::new(false);
    let map = import(&[b.input("facebook-ida-2026-01-02-x.zip")], &Monitor::silent(&cancel)).unwrap();
    let s = statements(&map, builtin());
    let airbnb = deal(&s, "airbnb").unwrap();
    assert_eq!(airbnb.people_count, None, "no friends list: the count is unknown, not zero");
    assert!(airbnb.explanation.contains("cannot be told"), "{}", airbnb.explanation);

    let mut b = ExportBuilder::new();
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Wren Ashby", "timestamp": ts(2010, 1, 1)}, {"name": "Wren Ashby", "timestamp": ts(2011, 1, 1)}]}),
    );
    b.json(APPS, &json!({"installed_apps_v2": [app("Airbnb", ts(2015, 1, 12), 0, "active")]}));
    let map = import(&[b.input("facebook-ida-2026-01-02-x.zip")], &Monitor::silent(&cancel)).unwrap();
    let s = statements(&map, builtin());
    let airbnb = deal(&s, "airbnb").unwrap();
    assert_eq!(map.names(&airbnb.people).iter().filter(|p| **p == "Wren Ashby").count(), 2, "{:?}", airbnb.people);
    let table = rows(&s);
    let row = table.iter().find(|r| r.catalog_id.as_deref() == Some("airbnb")).unwrap();
    assert!(row.people.unwrap() >= 2);
}

#[test]
fn off_meta_and_advertisers_are_observed() {
    let (_, s) = export(|b| {
        b.json(
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            &json!({"off_facebook_activity_v2": [{"name": "Greenleaf Grocers", "events": [
                {"id": 1, "type": "PURCHASE", "timestamp": ts(2024, 1, 1)}, {"id": 1, "type": "PAGE_VIEW", "timestamp": ts(2024, 2, 1)}]}]}),
        );
        b.json(
            "ads_information/advertisers_using_your_activity_or_information.json",
            &json!({"label_values": [{"label": "A list", "vec": [{"value": "Brightbank"}]}, {"label": "Interactions", "vec": [{"value": "Parcelwise"}]}]}),
        );
        b.json(
            "ads_information/advertisers_you've_interacted_with.json",
            &json!({"history_v2": [{"title": "Wanderly", "action": "Clicked ad", "timestamp": ts(2025, 5, 5)}]}),
        );
    });
    let grocer = find(&s, "Greenleaf Grocers", Kind::OffMetaActivity).unwrap();
    assert_eq!(
        (grocer.start, grocer.end, grocer.confidence),
        (Some(ts(2024, 1, 1)), Some(ts(2024, 2, 1)), Confidence::Observed)
    );
    assert!(grocer.explanation.contains("PURCHASE ×1"));
    let list = find(&s, "Brightbank", Kind::AdvertiserList).unwrap();
    assert_eq!(list.start, None);
    assert_eq!(list.ending, Ending::StillActive { as_of: "2026-01-02".into(), per: "your export".into() });
    assert!(find(&s, "Parcelwise", Kind::AdvertiserActivity).is_some());
    let click = find(&s, "Wanderly", Kind::AdvertiserInteraction).unwrap();
    assert_eq!(click.start, Some(ts(2025, 5, 5)));
}

#[test]
fn every_statement_carries_evidence_and_an_explanation() {
    let cancel = AtomicBool::new(false);
    let map = import(&[demo_input()], &Monitor::silent(&cancel)).unwrap();
    let s = statements(&map, builtin());
    for x in &s {
        assert!(!x.evidence.files.is_empty() || !x.evidence.sources.is_empty(), "{x:?}");
        assert!(x.explanation.len() > 30 && x.explanation.ends_with('.'), "{}", x.explanation);
        if x.confidence != Confidence::Observed {
            assert!(!x.evidence.sources.is_empty(), "a statement from the record names its public source: {x:?}");
        }
    }
    for kind in [
        Kind::ConnectedApp,
        Kind::GraphApiFriends,
        Kind::MessagingPartner,
        Kind::WhitelistedApi,
        Kind::ExtendedApi,
        Kind::SearchIntegration,
        Kind::DeviceIntegration,
        Kind::OffMetaActivity,
        Kind::AdvertiserList,
        Kind::AdvertiserActivity,
        Kind::AdvertiserInteraction,
    ] {
        assert!(s.iter().any(|x| x.kind == kind), "the demo exercises {kind:?}");
    }
    for confidence in [Confidence::Observed, Confidence::Inferred, Confidence::Reported] {
        assert!(s.iter().any(|x| x.confidence == confidence), "the demo shows {confidence:?}");
    }
    let table = rows(&s);
    let csv = to_csv(&table, &s);
    let parts: usize = table.iter().map(|r| r.parts.len()).sum();
    assert_eq!(csv.lines().count(), parts + 1, "one line per company and kind");
    assert!(csv.lines().any(|l| l.starts_with("\"Spotify\",\"spotify\",\"Messaging partner\"")));
}
