//! Redact mode in the window: the toolbar toggle replaces every person's name on screen (the owner's too)
//! with a pseudonym, and turning it off brings the names back.

use datamap::app::GuiOptions;
use datamap::app::window::{DatamapApp, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::wait_until_idle;
use std::time::{Duration, Instant};

#[test]
fn toggling_redact_replaces_names_on_screen() {
    let options = GuiOptions { inputs: vec![datamap::demo::demo_input()], ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1280.0, 800.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    let (friend, owner) = match &harness.state().screen {
        Screen::Map(map) => (
            map.loaded.map.friends().next().expect("the demo has friends").name.clone(),
            map.loaded.map.owner.clone().expect("the demo has an owner"),
        ),
        _ => panic!("the demo did not open"),
    };
    assert!(harness.query_all_by_label(&friend).count() >= 1, "{friend} is on the map before redacting");
    assert!(harness.query_all_by_label(&owner).count() >= 1);
    assert!(harness.query_by_label("Friend 1").is_none());

    harness.get_by_label("Redact names").click();
    harness.run_steps(3);
    assert!(harness.state().redact);
    assert_eq!(harness.query_all_by_label(&friend).count(), 0, "{friend} is still on screen");
    assert_eq!(harness.query_all_by_label(&owner).count(), 0, "the owner's name is still on screen");
    harness.get_by_label("Friend 1");
    harness.get_by_label("My data map");
    harness.get_by_label("Spotify");

    harness.get_by_label("Redact names").click();
    harness.run_steps(3);
    assert!(!harness.state().redact);
    assert!(harness.query_all_by_label(&friend).count() >= 1, "turning redaction off brings names back");
    assert!(harness.query_by_label("Friend 1").is_none());
}

#[test]
fn ctrl_s_offers_the_save_choices_and_copy_image_reaches_the_clipboard() {
    let options = GuiOptions { inputs: vec![datamap::demo::demo_input()], redact: true, ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1280.0, 800.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    assert!(harness.state().redact, "--redact starts redacted");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run_steps(2);
    harness.get_by_label("Save image");
    harness.get_by_label("PNG (2× scale)");
    harness.get_by_label("SVG (map only)");
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("PNG (2× scale)").is_none(), "Cancel closes the window");

    harness.get_by_label("Copy image").click();
    let started = Instant::now();
    let mut copied = None;
    while copied.is_none() {
        assert!(started.elapsed() < Duration::from_secs(120), "the image was never copied");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
        copied = harness.output().platform_output.commands.iter().find_map(|c| match c {
            egui::OutputCommand::CopyImage(image) => Some(image.size),
            _ => None,
        });
    }
    assert_eq!(copied, Some([2400, 1600]), "the card at 2x scale");
    assert_eq!(harness.state().notice.as_deref(), Some("Copied the image to the clipboard"));
}

#[derive(Default)]
struct MemoryStorage(std::collections::BTreeMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn redact_and_recent_files_are_remembered_but_no_export_data() {
    let path = std::env::temp_dir().join(format!("datamap-recent-{}.zip", std::process::id()));
    std::fs::write(&path, datamap::demo::DEMO_ZIP).unwrap();
    let options = GuiOptions { inputs: vec![datamap::archive::Input::Path(path.clone())], ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1280.0, 800.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    harness.get_by_label("Redact names").click();
    harness.run_steps(2);
    let mut storage = MemoryStorage::default();
    eframe::App::save(harness.state_mut(), &mut storage);
    let _ = std::fs::remove_file(&path);

    let stored: String = storage.0.values().cloned().collect::<Vec<_>>().join("\n");
    let names = match &harness.state().screen {
        Screen::Map(map) => map.real().map.people.iter().map(|p| p.name.clone()).collect::<Vec<_>>(),
        _ => panic!("the export did not open"),
    };
    for name in names {
        assert!(!stored.contains(&name), "the stored settings name {name}");
    }

    let restored = DatamapApp::new(&egui::Context::default(), GuiOptions::default()).with_storage(Some(&storage));
    assert!(restored.redact, "the redact toggle is remembered");
    assert_eq!(restored.recent.entries.first().and_then(|e| e.first()), Some(&std::path::absolute(&path).unwrap()));

    let mut cleared = restored;
    cleared.recent.clear();
    eframe::App::save(&mut cleared, &mut storage);
    let again = DatamapApp::new(&egui::Context::default(), GuiOptions::default()).with_storage(Some(&storage));
    assert!(again.recent.entries.is_empty(), "clearing the list is remembered too");
}
