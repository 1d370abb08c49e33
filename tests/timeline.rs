//! Timeline intervals for each rule (with unknown starts and ends, and the 2015-04-30 clip), the network
//! summary, and the as-of filter, on generated exports.

use datamap::catalog::builtin;
use datamap::demo::{ExportBuilder, demo_input};
use datamap::exposure::{Kind, derive, rows, statements};
use datamap::import::{Monitor, import};
use datamap::model::{DataMap, days_from_civil};
use datamap::timeline::{CompanyTimeline, as_of, company_timelines, network};
use serde_json::json;
use std::sync::atomic::AtomicBool;

fn ts(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d) * 86_400 + 43_200
}

fn load(build: impl FnOnce(&mut ExportBuilder)) -> (DataMap, Vec<CompanyTimeline>) {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": "Ida Fenwick"}, "registration_timestamp": ts(2009, 1, 1)}}),
    );
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Early Friend", "timestamp": ts(2010, 5, 1)}, {"name": "Late Friend", "timestamp": ts(2020, 5, 1)}]}),
    );
    b.json(
        "connections/friends/removed_friends.json",
        &json!({"deleted_friends_v2": [{"name": "Gone Friend", "timestamp": ts(2018, 1, 1)}]}),
    );
    build(&mut b);
    let cancel = AtomicBool::new(false);
    let map = import(&[b.input("facebook-ida-2026-01-02-x.zip")], &Monitor::silent(&cancel)).unwrap();
    let e = derive(&map, builtin());
    let t = company_timelines(&map, &e.companies, &e.statements, &rows(&e.statements));
    (map, t)
}

fn row<'a>(t: &'a [CompanyTimeline], company: &str) -> &'a CompanyTimeline {
    t.iter().find(|r| r.company == company).unwrap_or_else(|| panic!("{company} has a timeline row"))
}

const APPS: &str = "apps_and_websites_off_of_facebook/connected_apps_and_websites.json";

#[test]
fn intervals_for_apps_with_unknown_bounds_and_the_2015_clip() {
    let (map, t) = load(|b| {
        b.json(
            APPS,
            &json!({"installed_apps_v2": [
                {"name": "Quizzly", "added_timestamp": 0, "removed_timestamp": ts(2014, 9, 9), "category": "removed"},
                {"name": "Old Game", "added_timestamp": ts(2013, 1, 1), "removed_timestamp": 0, "category": "inactive"},
                {"name": "Spotify", "added_timestamp": ts(2012, 1, 10), "removed_timestamp": 0, "category": "active"}]}),
        );
    });
    let quiz = row(&t, "Quizzly");
    let app = quiz.intervals.iter().find(|i| i.kind == Kind::ConnectedApp).unwrap();
    assert_eq!((app.start, app.end), (None, Some(ts(2014, 9, 9))), "an unknown start stays unknown");
    let friends = quiz.intervals.iter().find(|i| i.kind == Kind::GraphApiFriends).unwrap();
    assert_eq!(friends.end, Some(ts(2014, 9, 9)), "removed before the cut-off: ends at removal");

    let old = row(&t, "Old Game");
    let app = old.intervals.iter().find(|i| i.kind == Kind::ConnectedApp).unwrap();
    assert_eq!((app.start, app.end, app.open_ended), (Some(ts(2013, 1, 1)), None, false), "expired: end unknown");
    let friends = old.intervals.iter().find(|i| i.kind == Kind::GraphApiFriends).unwrap();
    assert_eq!(friends.end, Some(days_from_civil(2015, 4, 30) * 86_400 + 86_399), "clipped to 2015-04-30");

    let spotify = row(&t, "Spotify");
    let app = spotify.intervals.iter().find(|i| i.kind == Kind::ConnectedApp).unwrap();
    assert!(app.open_ended && app.end == map.export_time(), "still active runs to the export date");
}

#[test]
fn undated_advertiser_lists_are_true_as_of_the_export() {
    let (map, t) = load(|b| {
        b.json(
            "ads_information/advertisers_using_your_activity_or_information.json",
            &json!({"label_values": [{"label": "A list", "vec": [{"value": "Brightbank"}]}]}),
        );
        b.json(
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            &json!({"off_facebook_activity_v2": [{"name": "Greenleaf Grocers", "events": [
                {"id": 1, "type": "PURCHASE", "timestamp": ts(2023, 1, 1)}, {"id": 1, "type": "PURCHASE", "timestamp": ts(2024, 2, 1)}]}]}),
        );
    });
    let list = &row(&t, "Brightbank").intervals[0];
    assert_eq!((list.start, list.open_ended, list.end), (None, true, map.export_time()));
    let grocer = row(&t, "Greenleaf Grocers");
    assert_eq!(grocer.events_per_year.get(&2023), Some(&1));
    assert_eq!(grocer.event_days.len(), 2);

    let before = as_of(&map, &t, ts(2025, 1, 1));
    let (bank, grocer) = (row(&t, "Brightbank").company_id, row(&t, "Greenleaf Grocers").company_id);
    assert!(!before.has_company(bank), "an undated list is only known true at the export");
    let at_export = as_of(&map, &t, map.export_time().unwrap());
    assert!(at_export.has_company(bank));
    assert!(as_of(&map, &t, ts(2023, 6, 1)).has_company(grocer));
    assert!(!as_of(&map, &t, ts(2022, 6, 1)).has_company(grocer));
}

#[test]
fn as_of_shows_the_friends_you_had_then() {
    let (map, t) = load(|_| {});
    let in_2015 = as_of(&map, &t, ts(2015, 1, 1));
    let names: Vec<&str> =
        map.people.iter().zip(&in_2015.people).filter(|(_, shown)| **shown).map(|(p, _)| p.name.as_str()).collect();
    assert_eq!(names, vec!["Early Friend"]);
    let later = as_of(&map, &t, ts(2021, 1, 1));
    assert_eq!(later.people.iter().filter(|p| **p).count(), 2);
}

#[test]
fn network_counts_friends_added_and_removed_per_year() {
    let (map, _) = load(|_| {});
    let s = statements(&map, builtin());
    let n = network(&map, &s);
    assert_eq!(n.friends_added.get(&2010), Some(&1));
    assert_eq!(n.friends_removed.get(&2018), Some(&1));
    assert_eq!(n.cumulative.get(&2017), Some(&1));
    assert_eq!(n.cumulative.get(&2018), Some(&0), "removals are subtracted where dated");
    assert_eq!(n.cumulative.get(&2020), Some(&1));
}

#[test]
fn the_demo_timeline_is_grouped_and_its_messages_fall_in_partner_windows() {
    let cancel = AtomicBool::new(false);
    let map = import(&[demo_input()], &Monitor::silent(&cancel)).unwrap();
    let e = derive(&map, builtin());
    let s = &e.statements;
    let t = company_timelines(&map, &e.companies, s, &rows(s));
    assert!(t.windows(2).all(|w| w[0].group <= w[1].group), "rows are grouped by kind");
    for group in t.chunk_by(|a, b| a.group == b.group) {
        assert!(group.windows(2).all(|w| w[0].first_access() <= w[1].first_access()), "sorted by first access");
    }
    let n = network(&map, s);
    assert!(n.partners_in_year.values().any(|p| p.iter().any(|c| c == "Netflix")));
}
