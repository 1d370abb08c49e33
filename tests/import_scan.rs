//! The Messenger scanner against the serde path it replaced: whole imports of generated exports must give the
//! same threads, warnings and files either way, and every message file the same parse.

use datamap::archive::{Archive, Input};
use datamap::demo::{ExportBuilder, Rng, demo_input, fixtures};
use datamap::import::messages::{self, ThreadFile};
use datamap::import::{Monitor, import};
use serde_json::{Value, json};
use std::sync::Mutex;
use std::sync::atomic::AtomicBool;

/// The serde-only switch is process-wide, so imports in this file take turns.
static SWITCH: Mutex<()> = Mutex::new(());

type ThreadView = (String, String, Vec<String>, u64, Option<i64>, Option<i64>, bool, Vec<(i32, u64)>, Vec<i32>);

/// What an import made of the messages, plus its warnings and files, which show any file read differently.
fn threads(inputs: &[Input], serde_only: bool) -> (Vec<ThreadView>, Vec<String>, Vec<String>) {
    let cancel = AtomicBool::new(false);
    messages::differential_serde_only(serde_only);
    let map = import(inputs, &Monitor::silent(&cancel));
    messages::differential_serde_only(false);
    let map = map.unwrap_or_else(|e| panic!("import failed: {e}"));
    let threads = map
        .threads
        .iter()
        .map(|t| {
            let per_year = t.per_year.iter().map(|(y, n)| (*y, *n)).collect();
            let view = (t.title.clone(), t.folder.clone(), t.participants.clone(), t.messages, t.first, t.last);
            (view.0, view.1, view.2, view.3, view.4, view.5, t.group, per_year, t.days.clone())
        })
        .collect();
    (threads, map.warnings.clone(), map.files_read.clone())
}

type FileView = (Vec<String>, Option<String>, Option<bool>, Vec<String>, Vec<(Option<i64>, i64, u32, u64)>);

fn file_view(f: ThreadFile) -> FileView {
    let messages = f.messages.iter().map(|m| (m.at, m.exact, m.sender, m.text_hash)).collect();
    (f.participants, f.title, f.group, f.senders, messages)
}

/// Compare one input both ways, whole and file by file; returns how many message files it held.
fn differential(inputs: &[Input]) -> usize {
    let _turn = SWITCH.lock().unwrap_or_else(|e| e.into_inner());
    let scanned = threads(inputs, false);
    let reference = threads(inputs, true);
    assert_eq!(scanned, reference);

    let archive = Archive::open(inputs).unwrap();
    let mut reader = archive.reader();
    let mut files = 0;
    for (i, entry) in archive.entries().iter().enumerate() {
        let name = entry.path.rsplit('/').next().unwrap_or_default();
        if !(entry.path.contains("messages/") && name.starts_with("message") && name.ends_with(".json")) {
            continue;
        }
        let bytes = reader.read(i).unwrap();
        let fast = messages::parse_file(&bytes).map(file_view);
        let slow = messages::parse_file_serde(&bytes).map(file_view);
        assert_eq!(fast, slow, "{}", entry.path);
        files += 1;
    }
    files
}

#[test]
fn the_demo_reads_the_same() {
    assert!(differential(&[demo_input()]) > 10);
}

#[test]
fn every_fixture_reads_the_same() {
    for generation in fixtures::GENERATIONS {
        assert!(differential(&[fixtures::export(generation).input("facebook-fx-2026-01-02-Zz.zip")]) > 0);
    }
    let (a, b) = fixtures::split_export();
    assert!(differential(&[a.input("facebook-sp-2026-01-02-Zz.zip"), b.input("facebook-sp-2026-01-02-Zz-2.zip")]) > 0);
    differential(&[fixtures::untidy_export().input("facebook-un-2026-01-02-Zz.zip")]);
    assert!(differential(&[fixtures::hostile_export().input("facebook-ho-2026-01-02-Zz.zip")]) > 0);
}

/// A heavy export in miniature: split threads whose parts overlap, mojibake names and text, emoji, the
/// nested extras real messages carry, and files in odd but valid shapes and invalid ones.
fn medium_export() -> ExportBuilder {
    const OWNER: &str = "Heavy Ñandú";
    const WORDS: &[&str] = &["see", "you", "café", "ok", "\"quoted\"", "back\\slash", "😀", "line\nbreak", "tab\t"];
    let mut rng = Rng::new(0x5CA7);
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": OWNER}}}),
    );
    let name = |i: i64| format!("Person{i:03} Émile-{}", i % 7);
    for t in 0..40i64 {
        let people: Vec<String> = (0..if t % 5 == 0 { 4 } else { 1 }).map(|k| name(t * 3 + k)).collect();
        let mut participants: Vec<Value> = people.iter().map(|p| json!({"name": p})).collect();
        participants.push(json!({"name": OWNER}));
        let mut at_ms = 1_700_000_000_000_i64 - t * 1_000_000;
        let all: Vec<Value> = (0..rng.range(50, 600))
            .map(|_| {
                at_ms -= rng.range(0, 400_000);
                let sender = if rng.chance(45) { OWNER.to_owned() } else { rng.pick(&people).clone() };
                let words: Vec<&str> = (0..rng.range(0, 9)).map(|_| *rng.pick(WORDS)).collect();
                let mut m = json!({"sender_name": sender, "timestamp_ms": at_ms, "content": words.join(" "),
                                   "is_geoblocked_for_viewer": false});
                if rng.chance(10) {
                    m["reactions"] = json!([{"reaction": "❤", "actor": OWNER}]);
                }
                if rng.chance(5) {
                    m["photos"] = json!([{"uri": "photos/1.jpg", "creation_timestamp": at_ms / 1000}]);
                    m.as_object_mut().map(|o| o.remove("content"));
                }
                if rng.chance(3) {
                    m["share"] = json!({"link": "https://example.com/?q=[1]{2}", "score": -1.5e-3});
                }
                if rng.chance(2) {
                    m["sender_name"] = json!(5);
                }
                if rng.chance(2) {
                    m["timestamp_ms"] = json!(format!("{at_ms}"));
                }
                m
            })
            .collect();
        // Parts of up to 100 messages, each repeating the last few of the one before, as split threads do.
        let folder = ["inbox", "archived_threads", "message_requests", "e2ee_cutover"][t as usize % 4];
        let mut start = 0usize;
        let mut part = 1;
        while start < all.len() {
            let end = (start + 100).min(all.len());
            let doc = json!({"participants": participants, "messages": &all[start..end], "title": people.join(", "),
                             "is_still_participant": true, "thread_type": if t % 5 == 0 { "RegularGroup" } else { "Regular" },
                             "magic_words": []});
            let path =
                format!("your_facebook_activity/messages/{folder}/thread{t:03}_{}/message_{part}.json", 1000 + t);
            match part % 3 {
                // Real UTF-8 and compact, as some tools rewrite exports.
                0 => b.raw(&path, serde_json::to_string(&doc).unwrap()),
                _ => b.json(&path, &doc),
            };
            start = end.saturating_sub(5).max(start + 1);
            if end == all.len() {
                break;
            }
            part += 1;
        }
    }
    let odd = "your_facebook_activity/messages/inbox/odd_9/";
    // Valid, but left to serde_json by the scanner: an escaped key and a fractional time.
    b.raw(
        &format!("{odd}message_1.json"),
        r#"{"participants": [{"n\u0061me": "Odd One"}], "messages": [{"sender_name": "Odd One", "timestamp_ms": 1.6e12}]}"#,
    );
    b.raw(&format!("{odd}message_2.json"), r#"{"messages": [{"sender_name": "Odd One", "timestamp_ms": 1600000000000"#);
    b.raw(&format!("{odd}message_3.json"), "{\"messages\": [\"bad \\q escape\"]}");
    b
}

#[test]
fn a_medium_heavy_export_reads_the_same() {
    assert!(differential(&[medium_export().input("facebook-md-2026-01-02-Zz.zip")]) > 100);
}
