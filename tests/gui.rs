//! The window as a person meets it, driven headless through the accessibility tree.

use datamap::app::GuiOptions;
use datamap::app::window::{DatamapApp, Screen};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::wait_until_idle;

#[test]
fn the_demo_opens_into_a_map_with_its_companies() {
    let options = GuiOptions { inputs: vec![datamap::demo::demo_input()], ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1280.0, 800.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    assert!(matches!(harness.state().screen, Screen::Map(..)));
    harness.get_by_label("Graph view");
    harness.get_by_label("Spotify");
    assert!(harness.query_all_by_label("Elin Marsh").count() >= 1, "the owner is on the map");
}

#[test]
fn the_start_screen_offers_the_demo() {
    let mut harness = Harness::builder()
        .with_size([1100.0, 760.0])
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, GuiOptions::default()));
    harness.run_steps(2);
    harness.get_by_label("Drop zone: open an export");
    harness.get_by_label("Try the demo").click();
    harness.step();
    wait_until_idle(&mut harness);
    assert!(matches!(harness.state().screen, Screen::Map(..)));
    harness.get_by_label("Netflix");
}

#[derive(Debug)]
struct DroppedPath(std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn the_drop_zone_lights_up_and_a_dropped_export_opens() {
    let path = std::env::temp_dir().join(format!("datamap-drop-{}.zip", std::process::id()));
    std::fs::write(&path, datamap::demo::DEMO_ZIP).unwrap();
    let mut harness = Harness::builder()
        .with_size([1100.0, 760.0])
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, GuiOptions::default()));
    harness.run_steps(2);
    harness.input_mut().hovered_files.push(egui::HoveredFile { path: Some(path.clone()), ..Default::default() });
    assert!(!harness.state().drop_zone_lit);
    harness.run_steps(2);
    assert!(harness.state().drop_zone_lit, "the drop zone lights up while a file hovers");
    harness.input_mut().hovered_files.clear();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(DroppedPath(path.clone())));
    harness.step();
    wait_until_idle(&mut harness);
    let _ = std::fs::remove_file(&path);
    assert!(matches!(harness.state().screen, Screen::Map(..)));
    harness.get_by_label("Spotify");
}

#[test]
fn a_bad_file_shows_an_error_card_with_a_way_back() {
    let options = GuiOptions {
        inputs: vec![datamap::archive::Input::Path("/nonexistent/facebook-export.zip".into())],
        ..Default::default()
    };
    let mut harness =
        Harness::builder().with_size([1100.0, 760.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    harness.get_by_label("datamap could not open this");
    harness.get_by_label("Back").click();
    harness.run_steps(2);
    assert!(matches!(harness.state().screen, Screen::Start));
}

fn open_demo(view: datamap::card::View) -> Harness<'static, DatamapApp> {
    let options = GuiOptions { inputs: vec![datamap::demo::demo_input()], view, ..Default::default() };
    // Frames a thirtieth of a second apart, so two clicks can make a double-click.
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 30.0)
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    harness
}

fn selected(harness: &Harness<'_, DatamapApp>) -> Option<String> {
    match &harness.state().screen {
        Screen::Map(map) => map.selected.map(|id| map.loaded.companies.name(id).to_owned()),
        _ => None,
    }
}

#[test]
fn a_table_row_opens_the_details_with_evidence() {
    let mut harness = open_demo(datamap::card::View::Table);
    assert_eq!(harness.query_all_by_label("Who had access").count(), 2, "the view switch and the table's heading");
    harness.get_by_label("Spotify").click();
    harness.run_steps(3);
    assert_eq!(selected(&harness).as_deref(), Some("Spotify"));
    assert!(harness.query_all_by_label("Messaging partner").count() >= 1);
    harness.get_by_label_contains("could read, send and delete your Facebook messages");
    assert!(harness.query_all_by_label("What your export cannot show").count() >= 1);
    assert!(
        harness.query_all_by_label_contains("whether you sent or read Facebook messages from inside Spotify").count()
            >= 1
    );
    harness.get_by_label_contains("not that it collected or used your data");
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(selected(&harness), None);
}

#[test]
fn clicking_a_company_in_the_graph_selects_it_everywhere() {
    let mut harness = open_demo(datamap::card::View::Graph);
    harness.get_by_label("Netflix").click();
    harness.run_steps(3);
    assert_eq!(selected(&harness).as_deref(), Some("Netflix"));
    harness.get_by_label_contains("Netflix could read, send and delete your Facebook messages");
    harness.get_by_label("Who had access").click();
    harness.run_steps(3);
    assert!(matches!(&harness.state().screen, Screen::Map(m) if m.view == datamap::card::View::Table));
    assert_eq!(selected(&harness).as_deref(), Some("Netflix"), "the selection carries over to the table");
}

fn graph_zoom(harness: &Harness<'_, DatamapApp>) -> f32 {
    match &harness.state().screen {
        Screen::Map(map) => map.graph.zoom(),
        _ => 0.0,
    }
}

#[test]
fn search_finds_and_centres_then_fit_restores_the_view() {
    let mut harness = open_demo(datamap::card::View::Graph);
    let fitted = graph_zoom(&harness);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find").click();
    harness.run_steps(2);
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find").type_text("netfl");
    harness.run_steps(3);
    assert!(harness.query_by_label("1 match").is_some(), "Find counts its results");
    assert!(harness.query_all_by_label("Netflix").count() >= 2, "the result beside the map's node");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(graph_zoom(&harness) > fitted, "the view zooms in on the match");
    assert_eq!(selected(&harness).as_deref(), Some("Netflix"));
    harness.get_by_label("Fit").click();
    harness.run_steps(3);
    assert!((graph_zoom(&harness) - fitted).abs() < 1e-3, "Fit shows the whole map again");
}

#[test]
fn filters_hide_a_category() {
    let mut harness = open_demo(datamap::card::View::Graph);
    let friend = match &harness.state().screen {
        Screen::Map(map) => map.loaded.map.friends().next().map(|p| p.name.clone()).unwrap(),
        _ => unreachable!(),
    };
    assert!(harness.query_by_label(&friend).is_some());
    assert!(harness.query_by_label("Greenleaf Grocers").is_some());
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Friends").click();
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "Only historic partners").click();
    harness.run_steps(3);
    assert!(harness.query_by_label(&friend).is_none(), "friends are hidden");
    assert!(harness.query_by_label("Greenleaf Grocers").is_none(), "non-partner companies are hidden");
    assert!(harness.query_by_label("Spotify").is_some(), "partners stay");
}

fn click_at(harness: &mut Harness<'_, DatamapApp>, pos: egui::Pos2) {
    harness.event(egui::Event::PointerMoved(pos));
    harness.run_steps(1);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(1);
    }
}

#[test]
fn clicking_a_timeline_row_selects_the_company() {
    let mut harness = open_demo(datamap::card::View::Timeline);
    let expected = match &harness.state().screen {
        Screen::Map(map) => map.loaded.timelines[3].company.clone(),
        _ => unreachable!(),
    };
    let plot = harness.get_by_label("Access timeline").rect();
    // The plot shows rows -0.7 to 28 top to bottom; aim at the middle of row 3.
    let y = plot.top() + (3.0 + 0.7) / 28.7 * plot.height();
    click_at(&mut harness, egui::pos2(plot.center().x, y));
    harness.run_steps(2);
    assert_eq!(selected(&harness).as_deref(), Some(expected.as_str()));
    harness.get_by_label("Close");
}

#[test]
fn as_of_hides_what_was_not_yet_true() {
    let mut harness = open_demo(datamap::card::View::Graph);
    assert!(harness.query_by_label("Greenleaf Grocers").is_some());
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, "As of").click();
    harness.run_steps(2);
    // The slider starts at the export date; step it back to the first years.
    let slider = harness.get_by_role(egui::accesskit::Role::Slider);
    slider.set_value_accesskit(2012.0);
    harness.run_steps(3);
    assert!(harness.query_by_label("Greenleaf Grocers").is_none(), "a 2022+ off-Meta business is not there in 2012");
    assert!(harness.query_by_label("Spotify").is_some(), "Spotify was connected in 2011");
}

fn graph_state(harness: &Harness<'_, DatamapApp>, label: &str) -> (usize, [f32; 2], bool, f32) {
    match &harness.state().screen {
        Screen::Map(map) => {
            let i = map.loaded.graph.find(label).map(|n| n.index()).unwrap();
            (i, map.graph.position(i).unwrap(), map.graph.is_pinned(i), map.graph.zoom())
        }
        _ => unreachable!(),
    }
}

fn pointer(harness: &mut Harness<'_, DatamapApp>, pos: egui::Pos2, pressed: Option<bool>) {
    harness.event(egui::Event::PointerMoved(pos));
    if let Some(pressed) = pressed {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.step();
}

#[test]
fn dragging_a_node_pins_it_and_double_click_releases_it() {
    let mut harness = open_demo(datamap::card::View::Graph);
    let (_, before, pinned, zoom) = graph_state(&harness, "Spotify");
    assert!(!pinned);
    let start = harness.get_by_label("Spotify").rect().center();
    pointer(&mut harness, start, Some(true));
    for k in 1..=6 {
        pointer(&mut harness, start + egui::vec2(20.0 * k as f32, 10.0 * k as f32), None);
    }
    let end = start + egui::vec2(120.0, 60.0);
    pointer(&mut harness, end, Some(false));
    harness.run_steps(3);
    let (_, after, pinned, _) = graph_state(&harness, "Spotify");
    assert!(pinned, "a dragged node is pinned");
    let moved = [(after[0] - before[0]) * zoom, (after[1] - before[1]) * zoom];
    assert!((moved[0] - 120.0).abs() < 25.0 && (moved[1] - 60.0).abs() < 25.0, "moved {moved:?} on screen");
    for _ in 0..2 {
        pointer(&mut harness, end, Some(true));
        pointer(&mut harness, end, Some(false));
    }
    harness.run_steps(3);
    assert!(!graph_state(&harness, "Spotify").2, "double-click releases the pin");
}

#[test]
fn a_company_reaching_many_people_shows_a_bundle_that_expands() {
    let options =
        GuiOptions { inputs: vec![datamap::demo::demo_input()], select: Some("Airbnb".into()), ..Default::default() };
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .with_step_dt(1.0 / 30.0)
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    harness.get_by_label_contains("people affected (click to show)").click();
    harness.run_steps(3);
    harness.get_by_label_contains("people (click to bundle)");
    assert_eq!(selected(&harness).as_deref(), Some("Airbnb"), "expanding keeps the selection");
}
