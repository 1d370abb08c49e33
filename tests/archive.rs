//! Archive hygiene and hostile input: junk and wrappers are ignored, broken files become warnings naming
//! them, caps hold, names never escape the export, and only whole-archive problems stop the import.

use datamap::archive::{Archive, Input};
use datamap::demo::fixtures;
use datamap::import::{ImportError, Monitor, import};
use datamap::model::DataMap;
use std::sync::atomic::AtomicBool;

fn run(inputs: &[Input]) -> Result<DataMap, ImportError> {
    let cancel = AtomicBool::new(false);
    import(inputs, &Monitor::silent(&cancel))
}

fn problem(result: Result<DataMap, ImportError>) -> String {
    match result {
        Err(ImportError::Unusable { problem, .. }) => problem,
        other => panic!("expected an unusable-input error, got {other:?}"),
    }
}

#[test]
fn untidy_archives_read_cleanly() {
    let b = fixtures::untidy_export();
    let map = run(&[b.input("export.zip")]).unwrap();
    assert_eq!(map.owner.as_deref(), Some(fixtures::OWNER), "BOM and backslashes");
    let names: Vec<&str> = map.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["A One", "B Two", "C Three"], "parts and copies merge once");
    assert!(map.warnings.iter().all(|w| !w.contains("MACOSX") && !w.contains("DS_Store")), "{:?}", map.warnings);
    assert!(map.files_read.iter().all(|f| f.starts_with("Takeout transfer/") && !f.contains('\\')));
    let archive = Archive::open(&[b.input("export.zip")]).unwrap();
    assert!(archive.entries().iter().all(|e| !e.path.contains("__MACOSX") && !e.path.ends_with("Thumbs.db")));
}

#[test]
fn hostile_files_are_warnings_and_the_rest_is_read() {
    let map = run(&[fixtures::hostile_export().input("facebook-x-2026-01-02-a.zip")]).unwrap();
    assert_eq!(map.friends().count(), 1);
    let warned = |file: &str, why: &str| map.warnings.iter().any(|w| w.contains(file) && w.contains(why));
    assert!(warned("removed_friends.json", "not valid JSON"), "{:?}", map.warnings);
    assert!(warned("sent_friend_requests.json", "is empty"));
    assert!(warned("received_friend_requests.json", "recursion limit"));
    assert!(warned("connected_apps_and_websites.json", "no list of apps"));
    assert!(warned("inbox/y_1/message_1.json", "no messages list"));
    // Wrong types inside records are skipped record by record.
    assert!(map.people.iter().any(|p| p.name == "Fay Rejected"));
    assert_eq!(map.company("shop.example").map(|c| c.events), Some(0));
    assert_eq!(map.threads.iter().find(|t| t.folder == "inbox").map(|t| t.messages), Some(1));
    // A name that tried to climb out of the export is read from inside it.
    assert!(map.files_read.contains(&"etc/security_and_login_information/account_activity.json".to_owned()));
    assert!(map.files_read.iter().chain(&map.warnings).all(|f| !f.contains("..")));
    assert_eq!(map.devices.len(), 1);
}

#[test]
fn a_zip_bomb_entry_is_refused_by_ratio() {
    let map = run(&[fixtures::bomb_export().input("facebook-x-2026-01-02-a.zip")]).unwrap();
    assert!(
        map.warnings.iter().any(|w| w.contains("people_who_followed_you.json") && w.contains("zip bomb")),
        "{:?}",
        map.warnings
    );
    assert_eq!(map.friends().count(), 1);
}

#[test]
fn inputs_that_are_not_facebook_json_exports() {
    assert!(problem(run(&[fixtures::html_export().input("facebook-x.zip")])).contains("Format: JSON"));
    // Instagram is read now, so its export is no longer refused.
    let insta = run(&[fixtures::instagram_export().input("export.zip")]).unwrap();
    assert_eq!(insta.platform, datamap::model::Platform::Instagram);
    let other = problem(run(&[fixtures::other_zip().input("takeout.zip")]));
    assert!(other.contains("not a Facebook export") && other.contains("Takeout/Mail/inbox.mbox"), "{other}");
    let zip = fixtures::export(fixtures::Generation::G2025).zip();
    let truncated = Input::Memory { name: "cut.zip".into(), bytes: zip[..zip.len() / 2].into() };
    assert!(problem(run(&[truncated])).contains("damaged or incomplete"));
}

#[test]
fn two_peoples_exports_are_refused() {
    let ada = fixtures::export(fixtures::Generation::G2025);
    let mut bo = datamap::demo::ExportBuilder::new();
    bo.json(
        "personal_information/profile_information/profile_information.json",
        &serde_json::json!({"profile_v2": {"name": {"full_name": "Bo Other"}}}),
    );
    let p = problem(run(&[ada.input("a.zip"), bo.input("b.zip")]));
    assert!(p.contains("different people") && p.contains("Bo Other"), "{p}");
}

#[test]
fn folders_and_loose_files() {
    let dir = std::env::temp_dir().join(format!("datamap-archive-test-{}", std::process::id()));
    fixtures::export(fixtures::Generation::G2021).write_folder(&dir).unwrap();
    let folder = run(&[Input::Path(dir.clone())]).unwrap();
    let zipped = run(&[fixtures::export(fixtures::Generation::G2021).input("x.zip")]).unwrap();
    assert_eq!((folder.people.len(), folder.threads.len()), (zipped.people.len(), zipped.threads.len()));
    let loose =
        run(&[Input::Path(dir.join("apps_and_websites_off_of_facebook/your_off-facebook_activity.json"))]).unwrap();
    assert_eq!(loose.company("example-shop.com").map(|c| c.events), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn cancelling_stops_the_import() {
    let cancel = AtomicBool::new(true);
    let result = import(&[fixtures::export(fixtures::Generation::G2025).input("x.zip")], &Monitor::silent(&cancel));
    assert_eq!(result, Err(ImportError::Cancelled));
}
