//! The privacy promise, checked rather than stated: no HTTP client or telemetry crate is compiled into
//! datamap, the export is opened read-only and left byte-identical, an import writes no temporary files, and
//! what datamap prints about a broken export names files, never the people in it.
//! scripts/offline-check.sh adds the system-level check that no network socket is ever opened.

use datamap::demo::ExportBuilder;
use serde_json::{Value, json};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates whose purpose is talking to a network service: HTTP clients, and error or usage reporting.
const DENIED: &[&str] = &[
    "reqwest",
    "hyper",
    "hyper-util",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "http-req",
    "minreq",
    "ehttp",
    "awc",
    "actix-web",
    "h2",
    "quinn",
    "tungstenite",
    "websocket",
    "native-tls",
    "rustls",
    "openssl",
    "sentry",
    "sentry-core",
    "opentelemetry",
    "opentelemetry-otlp",
    "tracing-opentelemetry",
    "segment",
    "posthog-rs",
    "posthog",
    "rudderanalytics",
    "datadog-apm",
    "bugsnag",
    "rollbar",
    "honeycomb",
    "google-analytics",
];

/// Allowed on purpose, with the reason. `webbrowser` comes with eframe's default `links` feature: it hands a
/// URL to the desktop's browser when a hyperlink is clicked, so no network code runs in datamap's process;
/// datamap shows its sources as text to copy and draws no hyperlinks.
const ALLOWED_WITH_REASON: &[&str] = &["webbrowser"];

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_datamap")
}

/// Every package the datamap binary links: normal dependencies, transitively, on any platform. Build scripts
/// and proc macros run only while compiling, and dev-dependencies only in tests, so they are not followed.
fn runtime_packages() -> BTreeSet<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let names: HashMap<&str, &str> = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    let nodes: HashMap<&str, &Value> =
        doc["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    let root = doc["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "datamap")
        .and_then(|p| p["id"].as_str())
        .expect("the datamap package");
    let mut seen = BTreeSet::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let normal = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null());
            if normal {
                stack.push(dep["pkg"].as_str().unwrap());
            }
        }
    }
    seen.into_iter().map(|id| names[id].to_owned()).collect()
}

#[test]
fn no_http_client_or_telemetry_crate_is_a_dependency() {
    let packages = runtime_packages();
    assert!(packages.contains("eframe") && packages.contains("zip"), "the walk found the real graph: {packages:?}");
    assert!(!packages.contains("egui_kittest") && !packages.contains("proptest"), "dev-dependencies are not followed");
    let denied: Vec<&String> = packages.iter().filter(|p| DENIED.contains(&p.as_str())).collect();
    assert!(denied.is_empty(), "network or telemetry crates in datamap's dependency graph: {denied:?}");
    for allowed in ALLOWED_WITH_REASON {
        assert!(!DENIED.contains(allowed));
    }
}

/// FNV-1a: enough to notice any change to the file, without a hashing dependency.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

fn scratch(case: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("datamap-privacy-{}-{case}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn has_strace() -> bool {
    Command::new("strace").arg("-V").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_export_is_opened_read_only_and_left_byte_identical() {
    let dir = scratch("read-only");
    let zip = dir.join(datamap::demo::DEMO_NAME);
    std::fs::write(&zip, datamap::demo::DEMO_ZIP).unwrap();
    let before = (fnv(&std::fs::read(&zip).unwrap()), std::fs::metadata(&zip).unwrap().modified().unwrap());

    // With strace at hand, every open of the export is checked for its flags; without it, the bytes are.
    let traced = has_strace();
    let trace = dir.join("opens.txt");
    let out = if traced {
        Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=open,openat,openat2,creat", "-o"])
            .arg(&trace)
            .arg(bin())
            .arg("report")
            .arg(&zip)
            .arg("--json")
            .output()
            .unwrap()
    } else {
        eprintln!("strace is not installed: checking the bytes only");
        Command::new(bin()).arg("report").arg(&zip).arg("--json").output().unwrap()
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["people"].as_array().unwrap().len() > 100, "the import really read the export");

    let after = (fnv(&std::fs::read(&zip).unwrap()), std::fs::metadata(&zip).unwrap().modified().unwrap());
    assert_eq!(before, after, "the export is byte-identical and untouched afterwards");
    assert_eq!(std::fs::read(&zip).unwrap(), datamap::demo::DEMO_ZIP);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), if traced { 2 } else { 1 }, "nothing written beside it");
    if traced {
        let log = std::fs::read_to_string(&trace).unwrap();
        let opens: Vec<&str> = log.lines().filter(|l| l.contains(datamap::demo::DEMO_NAME)).collect();
        assert!(!opens.is_empty(), "strace saw the export opened: {log}");
        for open in opens {
            assert!(open.contains("O_RDONLY"), "{open}");
            assert!(!open.contains("O_WRONLY") && !open.contains("O_RDWR") && !open.contains("O_CREAT"), "{open}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unzipped_export_is_left_as_it_was() {
    let dir = scratch("folder");
    let export = dir.join("facebook-ada");
    datamap::demo::fixtures::export(datamap::demo::fixtures::Generation::G2025).write_folder(&export).unwrap();
    let snapshot = || {
        let mut files = Vec::new();
        let mut stack = vec![export.clone()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                if e.path().is_dir() {
                    stack.push(e.path());
                } else {
                    files.push((e.path(), fnv(&std::fs::read(e.path()).unwrap())));
                }
            }
        }
        files.sort();
        files
    };
    let before = snapshot();
    let out = Command::new(bin()).arg("report").arg(&export).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(snapshot(), before, "no file changed, appeared or vanished");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_import_writes_no_temporary_files() {
    let dir = scratch("temp");
    let tmp = dir.join("tmp");
    let home = dir.join("home");
    std::fs::create_dir_all(&tmp).unwrap();
    std::fs::create_dir_all(&home).unwrap();
    let out = Command::new(bin())
        .args(["report", "--demo", "--json"])
        .env("TMPDIR", &tmp)
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read_dir(&tmp).unwrap().count(), 0, "nothing in TMPDIR");
    assert_eq!(std::fs::read_dir(&home).unwrap().count(), 0, "nothing in HOME");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A name that appears nowhere in datamap's own text, so finding it in output can only mean a leak.
const PERSON: &str = "Zephyrine Quillbottom";

fn broken_export_naming_someone() -> ExportBuilder {
    let mut b = ExportBuilder::new();
    b.raw(
        "personal_information/profile_information/profile_information.json",
        format!("{{\"profile_v2\": {{\"name\": {{\"full_name\": \"{PERSON}\""),
    );
    b.raw("connections/friends/your_friends.json", format!("{{\"friends_v2\": [{{\"name\": \"{PERSON}\\x\"}}]}}"));
    b.raw("connections/followers/people_who_followed_you.json", format!("[\"{PERSON}\" \"{PERSON}\"]"));
    b.raw("connections/friends/removed_friends.json", format!("{{\"deleted_friends_v2\": [\"{PERSON}\", 1e999]}}"));
    let mut not_utf8 = format!("{{\"sent_requests_v2\": [\"{PERSON}").into_bytes();
    not_utf8.extend_from_slice(b"\xff\"]}");
    b.raw("connections/friends/sent_friend_requests.json", not_utf8);
    b.raw(
        "your_facebook_activity/messages/inbox/group_1/message_1.json",
        format!(
            "{{\"participants\": [{{\"name\": \"{PERSON}\"}}], \
             \"messages\": [{{\"sender_name\": \"{PERSON}\", \"timestamp_ms\": }}]}}"
        ),
    );
    b.raw(
        "your_facebook_activity/messages/inbox/group_2/message_1.json",
        format!("{{\"participants\": [{{\"name\": \"{PERSON}\"}}], \"messages\": {{\"sender_name\": \"{PERSON}\"}}}}"),
    );
    b
}

fn leaks(text: &str) -> bool {
    let lower = text.to_lowercase();
    PERSON.split(' ').any(|word| lower.contains(&word.to_lowercase()))
}

#[test]
fn messages_about_a_broken_export_name_files_not_people() {
    let dir = scratch("names");
    let zip = dir.join("facebook-export.zip");
    broken_export_naming_someone().write_zip(&zip).unwrap();
    let out = Command::new(bin()).arg("report").arg(&zip).arg("--json").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "every file is broken: {stderr}");
    assert!(stderr.contains("facebook-export.zip"), "{stderr}");
    assert!(!leaks(&stderr), "stderr names a person from the export: {stderr}");

    // Beside one good file the import succeeds; every warning still names only files.
    let mut b = broken_export_naming_someone();
    b.json("connections/followers/who_you've_followed.json", &json!({"following_v3": [{"name": "Hal"}]}));
    b.write_zip(&zip).unwrap();
    let out = Command::new(bin()).arg("report").arg(&zip).arg("--json").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let warnings = doc["warnings"].as_array().unwrap();
    assert!(warnings.len() >= 6, "{warnings:?}");
    for w in warnings {
        assert!(!leaks(w.as_str().unwrap()), "a warning names a person: {w}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
