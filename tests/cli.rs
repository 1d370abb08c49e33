//! The command line as scripts use it: `report --json` follows schema 1, and unusable input exits 2 with
//! one line on stderr that names the file.

use serde_json::Value;
use std::process::Command;

fn datamap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_datamap")).args(args).output().expect("the binary runs")
}

fn unix_or_null(v: &Value) -> bool {
    v.is_null() || v.as_i64().is_some_and(|t| t > 946_684_800)
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array().expect("an array").iter().map(|s| s.as_str().expect("a string")).collect()
}

#[test]
fn report_json_follows_schema_1() {
    let out = datamap(&["report", "--demo", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["platform"], "facebook");
    assert!(doc["owner"].is_string());
    let date = doc["export_date"].as_str().unwrap();
    assert!(date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-');

    let relations =
        ["friend", "removed_friend", "request_sent", "request_received", "follower", "following", "message_contact"];
    for p in doc["people"].as_array().unwrap() {
        assert!(p["name"].is_string());
        assert!(strings(&p["relations"]).iter().all(|r| relations.contains(r)), "{p}");
        assert!(unix_or_null(&p["friend_since"]));
    }
    let sources = [
        "connected_app",
        "off_meta_activity",
        "advertiser_list",
        "advertiser_activity",
        "advertiser_interaction",
        "app_post",
    ];
    for c in doc["companies"].as_array().unwrap() {
        assert!(c["name"].is_string());
        assert!(strings(&c["sources"]).iter().all(|s| sources.contains(s)), "{c}");
        assert!(unix_or_null(&c["first_seen"]) && unix_or_null(&c["last_seen"]));
        assert!(c["events"].is_u64());
    }
    for a in doc["apps"].as_array().unwrap() {
        assert!(a["name"].is_string());
        assert!(a["status"].is_null() || ["active", "inactive", "removed"].contains(&a["status"].as_str().unwrap()));
        assert!(unix_or_null(&a["added"]) && unix_or_null(&a["removed"]));
    }
    let owner = doc["owner"].as_str().unwrap();
    for t in doc["threads"].as_array().unwrap() {
        assert!(t["title"].is_string() && t["folder"].is_string());
        assert!(!strings(&t["participants"]).contains(&owner), "participants exclude the owner");
        assert!(t["messages"].is_u64());
        assert!(unix_or_null(&t["first"]) && unix_or_null(&t["last"]));
    }
    assert!(doc["warnings"].is_array());
    let timeline = doc["timeline"].as_array().expect("timeline");
    assert!(!timeline.is_empty());
    for row in timeline {
        assert!(row["company"].is_string() && row["events_per_year"].is_object());
        for i in row["intervals"].as_array().unwrap() {
            assert!(unix_or_null(&i["start"]) && unix_or_null(&i["end"]) && i["kind"].is_string());
        }
    }
    assert!(doc["network"]["friends_added"].is_object());
    let exposures = doc["exposures"].as_array().expect("exposures");
    assert!(exposures.len() > 100);
    for e in exposures {
        assert!(e["company"].is_string() && e["kind"].is_string() && e["explanation"].is_string(), "{e}");
        assert!(e["catalog_id"].is_null() || e["catalog_id"].is_string());
        assert!(["observed", "inferred", "reported"].contains(&e["confidence"].as_str().unwrap()));
        assert!(unix_or_null(&e["start"]) && unix_or_null(&e["end"]));
        strings(&e["data"]);
        strings(&e["people"]);
        assert!(e["evidence"]["files"].is_array() && e["evidence"]["sources"].is_array());
    }
    assert!(doc["people"].as_array().unwrap().len() > 150);
    assert!(doc["companies"].as_array().unwrap().len() > 60);
}

#[test]
fn unusable_input_exits_2_with_one_line_naming_the_file() {
    let path = std::env::temp_dir().join(format!("datamap-cli-{}.zip", std::process::id()));
    std::fs::write(&path, b"not a zip at all").unwrap();
    let out = datamap(&["report", path.to_str().unwrap(), "--json"]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
    assert!(stderr.contains(path.to_str().unwrap()) && stderr.contains("not a zip"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn summary_without_json() {
    let out = datamap(&["report", "--demo"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Owner:        Elin Marsh") && text.contains("Friends:      150"), "{text}");
}

#[test]
fn report_csv_is_the_table() {
    let out = datamap(&["report", "--demo", "--csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some(
            "company,catalog_id,kind,deal_id,data,how_switched_on,started,ended,confidence,people_affected,evidence_items"
        )
    );
    let spotify = text
        .lines()
        .find(|l| l.starts_with("\"Spotify\"") && l.contains("Messaging partner"))
        .expect("a line for Spotify's messaging access");
    assert!(spotify.contains("Inferred") && !spotify.contains("still active"), "{spotify}");
    assert!(
        text.lines().any(|l| l.starts_with("\"Spotify\"") && l.contains("Connected app") && l.contains("still active")),
        "the app connection keeps its own line and end"
    );
}

/// The README's command table is written by hand for people; this keeps it true to the declaration clap
/// parses: every subcommand people can run, and every option each one takes, is in the table.
#[test]
fn readme_command_table_matches_the_command_line() {
    use clap::CommandFactory;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("### Command line").expect("a Command line section");
    let table = &readme[start..start + readme[start..].find("Exit codes").expect("the table ends")];
    let cli = datamap::app::cli::Cli::command();
    let long_flags = |cmd: &clap::Command| -> Vec<String> {
        cmd.get_arguments()
            .filter(|a| !a.is_hide_set())
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .filter(|f| f != "--help" && f != "--version")
            .collect()
    };
    for flag in long_flags(&cli) {
        assert!(
            table.lines().any(|l| l.starts_with("datamap --") && l.contains(&flag)),
            "the window's {flag} is missing from the README"
        );
    }
    for sub in cli.get_subcommands().filter(|s| !s.is_hide_set()) {
        let line = format!("datamap {}", sub.get_name());
        let at = table.find(&line).unwrap_or_else(|| panic!("{line} is missing from the README"));
        let entry = &table[at..table[at..].find("\ndatamap").map_or(table.len(), |n| at + n)];
        for flag in long_flags(sub) {
            assert!(entry.contains(&flag), "{flag} of {line} is missing from the README");
        }
    }
    assert!(table.contains("datamap --version"));
}

#[test]
fn every_subcommand_answers_help_and_the_binary_its_version() {
    for sub in ["report", "render", "letter", "install-desktop", "make-demo"] {
        let out = datamap(&[sub, "--help"]);
        assert!(out.status.success(), "{sub} --help");
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage: datamap"), "{sub}");
    }
    let out = datamap(&["--version"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), format!("datamap {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_letter_cites_the_law_is_addressed_to_the_privacy_contact_and_names_the_exports_dates() {
    let out = datamap(&["letter", "Spotify", "--demo", "--kind", "access", "--law", "gdpr"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let letter = String::from_utf8_lossy(&out.stdout);
    for needle in ["Article 15", "By email: privacy@spotify.com", "2011-09-22", "[Your name]"] {
        assert!(letter.contains(needle), "{needle} missing from:\n{letter}");
    }
    let out = datamap(&["letter", "Nobody At All", "--demo", "--kind", "access"]);
    assert_eq!(out.status.code(), Some(2));
}
