//! Properties of the importer's small pieces, checked on many generated inputs on stable Rust in every
//! `cargo test`: the fuzzers (fuzz/) search deeper but need libFuzzer; these keep the same promises in CI.
//! Text survives Meta's encoding, no entry name can point outside the export, no time conversion panics or
//! invents a date outside 2000–2100, and no JSON value of any shape makes a family parser panic.

#[path = "../fuzz/harness.rs"]
mod harness;

use datamap::archive::names::{has_suffix, normalise, strip_browser_copy};
use datamap::import::{date_in_name, families, json, links, text, time};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::{Component, Path};

/// Meta's text encoding: every UTF-8 byte of the text as its own character U+0000–U+00FF.
fn meta_bytes_as_chars(s: &str) -> String {
    s.bytes().map(char::from).collect()
}

/// Keys and words the parsers look for, so generated documents reach past the first `get`.
const KEYS: &[&str] = &[
    "name",
    "title",
    "timestamp",
    "timestamp_ms",
    "timestamp_value",
    "label_values",
    "label",
    "value",
    "href",
    "vec",
    "dict",
    "events",
    "type",
    "friends_v2",
    "followers_v3",
    "profile_v2",
    "full_name",
    "installed_apps_v2",
    "added_timestamp",
    "removed_timestamp",
    "category",
    "app_posts_v2",
    "attachments",
    "data",
    "external_context",
    "off_facebook_activity_v2",
    "custom_audiences_all_types_v2",
    "advertiser_name",
    "has_data_file_custom_audience",
    "custom_audiences_v2",
    "history_v2",
    "account_activity_v2",
    "user_agent",
    "link_history_v2",
    "url",
    "participants",
    "messages",
    "sender_name",
    "content",
    "thread_type",
    "string_list_data",
];

const WORDS: &[&str] = &[
    "",
    " ",
    "Ada Ñandú",
    "Z\u{c3}\u{ab}",
    "PAGE_VIEW",
    "active",
    "removed",
    "RegularGroup",
    "Mozilla/5.0 (X11)",
    "https://www.example.org/a?b",
    "x posted something via Game.",
    "1700000000",
    "Date Added",
    "App Name",
];

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (946_684_800i64..4_102_444_800).prop_map(|t| json!(t)),
        any::<f64>()
            .prop_filter_map("JSON has no NaN or infinity", |f| serde_json::Number::from_f64(f).map(Value::Number)),
        prop::sample::select(WORDS).prop_map(|s| json!(s)),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..8)
                .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        ]
    })
}

/// Entry names built from the pieces that make path handling go wrong.
fn entry_name() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(
        &["..", ".", "", "a", "b.json", "C:", "c:", "__MACOSX", "._x", "é", " (1)", "\\", "/", "//", "~", "\u{0}"][..],
    );
    prop_oneof![
        prop::collection::vec(piece.clone(), 0..12).prop_map(|p| p.concat()),
        prop::collection::vec(piece, 0..8).prop_map(|p| p.join("/")),
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn mojibake_fix_restores_any_text(s in any::<String>()) {
        let encoded = meta_bytes_as_chars(&s);
        prop_assert_eq!(text::fix_meta_text(&encoded), s.as_str());
    }

    #[test]
    fn any_text_survives_an_export_round_trip(s in any::<String>()) {
        let encoded = datamap::demo::meta_encode(&json!({"name": s}));
        prop_assert!(encoded.is_ascii(), "Meta's files are pure ASCII");
        let doc = json::parse(encoded.as_bytes()).unwrap();
        prop_assert_eq!(doc["name"].as_str(), Some(s.as_str()));
    }

    #[test]
    fn real_unicode_is_never_changed(s in "[a-z ]{0,8}[\u{100}-\u{10FFFF}][a-z\u{80}-\u{10FFFF} ]{0,8}") {
        prop_assert_eq!(text::fix_meta_text(&s), s.as_str());
    }

    #[test]
    fn entry_names_never_escape_the_export(raw in entry_name()) {
        if let Some(clean) = normalise(&raw) {
            prop_assert!(!clean.is_empty());
            prop_assert!(!clean.contains('\\'));
            for part in clean.split('/') {
                prop_assert!(!part.is_empty() && part != "." && part != "..", "{:?} → {:?}", raw, clean);
                prop_assert!(!(part.len() == 2 && part.ends_with(':')), "a drive letter survived: {:?}", clean);
            }
            let joined = Path::new("/export").join(&clean);
            prop_assert!(joined.starts_with("/export"));
            prop_assert!(joined.components().skip(1).all(|c| matches!(c, Component::Normal(_))), "{:?}", joined);
            let again = normalise(&clean);
            prop_assert_eq!(again.as_deref(), Some(clean.as_str()), "normalising is idempotent");
        }
    }

    #[test]
    fn name_helpers_never_panic(path in entry_name(), suffix in entry_name(), name in any::<String>()) {
        let _ = strip_browser_copy(&path);
        let _ = has_suffix(&path, &suffix);
        let _ = families::classify(&path);
        let _ = date_in_name(&name);
        let _ = links::host(&name);
    }

    #[test]
    fn timestamps_are_in_range_or_unknown(v in json_value()) {
        if let Some(t) = time::unix(Some(&v)) {
            prop_assert!((946_684_800..4_102_444_800).contains(&t), "{} → {}", v, t);
            prop_assert!((2000..2100).contains(&time::year(t)));
        }
    }

    #[test]
    fn any_number_converts_without_panicking(
        i in any::<i64>(), u in any::<u64>(), f in any::<f64>(), s in any::<String>()
    ) {
        for v in [json!(i), json!(u), json!(f), json!(s), json!(i.to_string()), json!(format!(" {u} "))] {
            if let Some(t) = time::unix(Some(&v)) {
                prop_assert!((946_684_800..4_102_444_800).contains(&t));
            }
        }
    }

    #[test]
    fn no_json_value_makes_a_family_parser_panic(doc in json_value(), meta in any::<bool>()) {
        let body =
            if meta { datamap::demo::meta_encode(&doc).into_bytes() } else { serde_json::to_vec(&doc).unwrap() };
        for selector in 0..harness::FAMILIES.len() as u8 {
            harness::parse_family(selector, &body);
        }
    }

    #[test]
    fn no_byte_string_makes_a_family_parser_panic(
        selector in any::<u8>(), body in prop::collection::vec(any::<u8>(), 0..256)
    ) {
        harness::parse_family(selector, &body);
    }

    #[test]
    fn no_bytes_dropped_as_an_archive_make_the_import_panic(
        mut body in prop::collection::vec(any::<u8>(), 0..512), zip_magic in any::<bool>()
    ) {
        if zip_magic && body.len() >= 4 {
            body[..4].copy_from_slice(b"PK\x03\x04");
        }
        harness::import_bytes(&body);
    }
}

/// An off-Meta activity file near its common shape: the right or a wrong list key, businesses with or
/// without a usable name, and events whose fields have any value.
fn off_meta_doc() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        4 => (946_684_800i64..4_102_444_800).prop_map(|t| json!(t)),
        2 => prop::sample::select(WORDS).prop_map(|s| json!(s)),
        1 => json_value(),
    ];
    let event =
        prop::collection::vec((prop::sample::select(&["timestamp", "type", "id", "x"][..]), leaf.clone()), 0..4)
            .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()));
    let events = prop_oneof![20 => prop::collection::vec(event, 0..6).prop_map(Value::Array), 1 => json_value()];
    let name = prop_oneof![20 => prop::sample::select(&["Ada Ñandú", "Z\u{c3}\u{ab}", " Shop  Co ", "PAGE_VIEW"][..]).prop_map(|s| json!(s)), 4 => prop::sample::select(WORDS).prop_map(|s| json!(s)), 1 => json_value()];
    let business = (name, events, prop::bool::weighted(0.95), prop::bool::weighted(0.2)).prop_map(
        |(name, events, has_name, title)| {
            let mut b = serde_json::Map::new();
            if has_name {
                b.insert("name".into(), name);
            }
            if title {
                b.insert("title".into(), json!("Titled Co"));
            }
            b.insert("events".into(), events);
            Value::Object(b)
        },
    );
    let key = prop::sample::select(
        &["off_facebook_activity_v2", "off_facebook_activity", "off_facebook_activity_v2", "other_v2"][..],
    );
    (key, prop::collection::vec(business, 0..4)).prop_map(|(key, list)| json!({ key: list }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn the_off_meta_stream_reads_what_the_tree_reads(doc in off_meta_doc(), meta in any::<bool>()) {
        use datamap::import::{builder::Builder, families::Family, off_meta, parse_family};
        let body =
            if meta { datamap::demo::meta_encode(&doc).into_bytes() } else { serde_json::to_vec(&doc).unwrap() };
        if let Some(file) = off_meta::read(&body) {
            let mut streamed = Builder::default();
            let streamed_count = off_meta::add(&file, &mut streamed);
            let mut tree = Builder::default();
            let tree_count = parse_family(Family::OffMeta, "f.json", &json::parse(&body).unwrap(), &mut tree);
            prop_assert_eq!(Ok(streamed_count), tree_count);
            let (streamed, tree) = (streamed.finish(None), tree.finish(None));
            prop_assert_eq!(serde_json::to_value(&streamed).unwrap(), serde_json::to_value(&tree).unwrap());
        }
    }
}

/// A Messenger thread file near the shapes Meta writes: messages whose usual fields hold any value, in any
/// layout (compact, pretty, Meta's escaped text), sometimes cut short or with one byte changed.
fn message_file() -> impl Strategy<Value = Vec<u8>> {
    let value = prop_oneof![
        4 => (1_000_000_000_000i64..4_000_000_000_000).prop_map(|t| json!(t)),
        4 => prop::sample::select(WORDS).prop_map(|s| json!(s)),
        1 => json_value(),
    ];
    let key = prop::sample::select(
        &["sender_name", "timestamp_ms", "timestamp", "content", "is_geoblocked_for_viewer", "photos", "name"][..],
    );
    let message = prop::collection::vec((key, value.clone()), 0..5)
        .prop_map(|fields| Value::Object(fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()));
    let names = prop::collection::vec(prop::sample::select(WORDS).prop_map(|s| json!({ "name": s })), 0..3);
    let doc = (prop::collection::vec(message, 0..6), names, value).prop_map(
        |(messages, participants, title)| json!({"participants": participants, "title": title, "messages": messages}),
    );
    (doc, 0..3u8, any::<prop::sample::Index>(), any::<u8>(), 0..4u8).prop_map(|(doc, layout, at, byte, change)| {
        let mut text = match layout {
            0 => serde_json::to_vec(&doc).unwrap(),
            1 => serde_json::to_vec_pretty(&doc).unwrap(),
            _ => datamap::demo::meta_encode(&doc).into_bytes(),
        };
        let at = at.index(text.len().max(1));
        match change {
            0 if at < text.len() => text.truncate(at),
            1 if at < text.len() => text[at] = byte,
            _ => {}
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn the_message_scanner_reads_what_serde_reads(body in message_file()) {
        use datamap::import::messages::{Texts, ThreadFile, parse_file, parse_file_serde, parse_file_with};
        let view = |hashes: bool| {
            move |f: ThreadFile| {
                let messages: Vec<_> =
                    f.messages.iter().map(|m| (m.at, m.exact, m.sender, m.text_hash * u64::from(hashes))).collect();
                (f.participants, f.title, f.group, f.senders, messages)
            }
        };
        prop_assert_eq!(parse_file(&body).map(view(true)), parse_file_serde(&body).map(view(true)));
        // Without hashes, everything else is the same.
        prop_assert_eq!(parse_file_with(&body, Texts::Skip).map(view(false)), parse_file_serde(&body).map(view(false)));
    }
}
