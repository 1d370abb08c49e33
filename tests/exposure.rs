//! The exposure rules on generated exports: one scenario per rule, the negative cases the public record
//! demands, and the demo exercising every rule and confidence level.

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

#[test]
fn rule_1_connected_apps_are_observed_with_their_windows() {
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
    assert_eq!(
        (active.start, active.ending.clone()),
        (Some(ts(2020, 6, 21)), Ending::StillActive("2026-01-02".into()))
    );
    assert_eq!(active.evidence.files, vec![APPS.to_owned()]);
    let removed = find(&s, "Quizzly", Kind::ConnectedApp).unwrap();
    assert_eq!((removed.start, removed.end, removed.ending.clone()), (None, Some(ts(2015, 9, 9)), Ending::Ended));
    let expired = find(&s, "Old Game", Kind::ConnectedApp).unwrap();
    assert_eq!((expired.end, expired.ending.clone()), (None, Ending::EndedUnknown));
}

#[test]
fn rule_2_graph_api_friends_before_april_2015_only() {
    let (_, s) = export(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [
                app("Which Wizard Are You? Quiz", ts(2013, 6, 8), ts(2016, 2, 11), "removed"),
                app("FitPulse Run Tracker", ts(2017, 4, 19), 0, "inactive")]}),
        );
    });
    let quiz = find(&s, "Which Wizard Are You? Quiz", Kind::GraphApiFriends).unwrap();
    assert_eq!(quiz.confidence, Confidence::Inferred);
    assert_eq!(quiz.end, Some(days_from_civil(2015, 4, 30) * 86_400 + 86_399), "clipped to the v1.0 cut-off");
    assert_eq!(
        quiz.people,
        vec!["Old Friend"],
        "only friends who were friends by then; undated friends are not guessed in"
    );
    assert!(quiz.data.iter().any(|d| d == "friend_names"));
    assert!(quiz.evidence.sources.iter().any(|src| src.url.is_some()));
    assert!(find(&s, "FitPulse Run Tracker", Kind::GraphApiFriends).is_none(), "a 2017 app gets no friends' data");
}

#[test]
fn rule_3_messaging_partners_expose_threads_inside_both_windows() {
    let (_, s) = export(|b| {
        b.json(APPS, &json!({"installed_apps_v2": [app("Spotify", ts(2012, 1, 10), 0, "active")]}));
        thread(b, "inside_1", "Inside Person", ts(2013, 3, 3));
        thread(b, "outside_2", "Outside Person", ts(2021, 3, 3));
        thread(b, "before_3", "Before Person", ts(2011, 3, 3));
    });
    let spotify = find(&s, "Spotify", Kind::MessagingPartner).unwrap();
    assert_eq!(spotify.catalog_id.as_deref(), Some("spotify"));
    assert_eq!(spotify.confidence, Confidence::Inferred);
    assert_eq!(spotify.people, vec!["Inside Person"], "threads outside the deal or the connection expose no one");
    for kind in ["messages_read", "messages_write", "messages_delete"] {
        assert!(spotify.data.iter().any(|d| d == kind), "{kind}");
    }
}

#[test]
fn rule_3_not_without_the_app_and_not_for_look_alikes() {
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
fn rule_4_broad_partners_are_reported_and_inferred_when_the_export_shows_them() {
    let (_, s) = export(|_| {});
    let bing = find(&s, "Microsoft Bing", Kind::FriendsReach).unwrap();
    assert_eq!(bing.confidence, Confidence::Reported);
    assert_eq!(bing.people, vec!["Old Friend"], "friends by the end of the deal only");
    assert!(bing.evidence.files.is_empty() && !bing.evidence.sources.is_empty());
    assert!(s.iter().all(|x| x.company != "Airbnb"), "a whitelisted deal needs the app in the export");

    let (_, s) = export(|b| {
        b.json(APPS, &json!({"installed_apps_v2": [app("Airbnb", ts(2015, 1, 12), 0, "active")]}));
    });
    let airbnb = find(&s, "Airbnb", Kind::FriendsReach).unwrap();
    assert_eq!(airbnb.confidence, Confidence::Inferred);
    assert_eq!(airbnb.evidence.files, vec![APPS.to_owned()]);
}

#[test]
fn rule_5_device_makers_from_login_user_agents() {
    let (_, s) = export(|b| {
        b.json(
            "security_and_login_information/account_activity.json",
            &json!({"account_activity_v2": [
                {"action": "Login", "timestamp": ts(2011, 3, 2), "user_agent": "BlackBerry9700/5.0.0.351 Profile/MIDP-2.1"},
                {"action": "Login", "timestamp": ts(2024, 3, 2), "user_agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0"},
                {"action": "Login", "timestamp": ts(2024, 5, 2), "user_agent": "Mozilla/5.0 (Linux; Android 14; SM-S911B)"}]}),
        );
    });
    let bb = find(&s, "BlackBerry", Kind::DeviceIntegration).unwrap();
    assert_eq!(bb.confidence, Confidence::Inferred);
    assert_eq!((bb.start, bb.end), (Some(ts(2011, 3, 2)), Some(ts(2011, 3, 2))), "only the span the device was seen");
    assert_eq!(bb.evidence.files, vec!["security_and_login_information/account_activity.json"]);
    assert!(
        s.iter().all(|x| x.kind != Kind::DeviceIntegration || x.company == "BlackBerry"),
        "a 2024 Samsung login is outside Samsung's deal, and desktops match nothing"
    );
}

#[test]
fn rules_6_and_7_off_meta_and_advertisers_are_observed() {
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
    assert_eq!((list.start, list.ending.clone()), (None, Ending::StillActive("2026-01-02".into())));
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
            assert!(!x.evidence.sources.is_empty(), "an inference names its public source: {x:?}");
        }
    }
    for kind in [
        Kind::ConnectedApp,
        Kind::GraphApiFriends,
        Kind::MessagingPartner,
        Kind::FriendsReach,
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
    let csv = to_csv(&table);
    assert_eq!(csv.lines().count(), table.len() + 1);
    assert!(csv.lines().any(|l| l.starts_with("\"Spotify\",\"spotify\"")));
}
