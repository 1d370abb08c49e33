//! The map as a person uses it: a person's view, Find's list of results, aggregates that open on a
//! click, and a map that appears before it has settled.

use datamap::app::GuiOptions;
use datamap::app::window::{DatamapApp, MapScreen, Screen};
use datamap::card::View;
use datamap::exposure::Kind;
use datamap::graph::NodeKind;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::wait_until_idle;
#[path = "common/scale.rs"]
mod scale;

fn open_demo() -> Harness<'static, DatamapApp> {
    let options = GuiOptions { inputs: vec![datamap::demo::demo_input()], ..Default::default() };
    let mut harness =
        Harness::builder().with_size([1400.0, 900.0]).build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, options));
    wait_until_idle(&mut harness);
    harness
}

fn map<'h>(harness: &'h Harness<'_, DatamapApp>) -> &'h MapScreen {
    match &harness.state().screen {
        Screen::Map(map) => map,
        _ => panic!("no map"),
    }
}

#[test]
fn clicking_a_person_shows_who_could_reach_them_and_the_threads_that_put_them_there() {
    let mut harness = open_demo();
    let (name, company) = {
        let loaded = &map(&harness).loaded;
        let s = loaded
            .statements
            .iter()
            .find(|s| s.kind == Kind::MessagingPartner && !s.people.is_empty())
            .expect("the demo has a messaging partner that reached people");
        (loaded.map.person(s.people[0]).unwrap().name.clone(), s.company.clone())
    };
    harness.get_by_label(&name).click();
    harness.run_steps(3);
    assert!(map(&harness).person.is_some(), "the person's view is open");
    harness.get_by_label("Who could reach data about them");
    assert!(harness.query_all_by_label(&company).count() >= 2, "{company} is listed in the person's view");
    assert!(
        harness.query_all_by_label_contains("Your threads with them had messages inside the deal's window").count()
            >= 1
    );
    // The company's name opens its details.
    let links: Vec<_> = harness.query_all_by_label(&company).collect();
    links.last().unwrap().click();
    harness.run_steps(3);
    assert!(map(&harness).person.is_none());
    assert_eq!(map(&harness).selected.map(|id| map(&harness).loaded.companies.name(id).to_owned()), Some(company));
}

#[test]
fn find_lists_every_match_with_a_count_and_says_when_nothing_matches() {
    let mut harness = open_demo();
    let find = |h: &mut Harness<'_, DatamapApp>, text: &str| {
        let field = h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find");
        field.click();
        h.run_steps(2);
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find").type_text(text);
        h.run_steps(3);
    };
    find(&mut harness, "qqqzz");
    harness.get_by_label_contains("No person or company matches");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    for _ in 0..5 {
        harness.key_press(egui::Key::Backspace);
    }
    harness.run_steps(2);
    // A letter every name of the demo's people has somewhere: many matches, counted.
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find").type_text("an");
    harness.run_steps(3);
    let expected = {
        let loaded = &map(&harness).loaded;
        let people = loaded.map.people.iter().filter(|p| p.name.to_lowercase().contains("an")).count();
        let companies = loaded.companies.iter().filter(|(_, c)| c.name.to_lowercase().contains("an")).count();
        (people, companies)
    };
    assert!(expected.0 > 3, "the demo has people matching");
    assert!(harness.query_all_by_label_contains(" matches").count() >= 1);
    // The arrow keys move down the list and Enter shows the chosen one.
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    let m = map(&harness);
    assert!(m.person.is_some() || m.selected.is_some(), "Enter opened the second result");
}

#[test]
fn an_aggregate_opens_on_a_click_and_groups_again_from_the_toolbar() {
    let loaded = scale::big_export();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, GuiOptions::default()));
    harness.state_mut().screen = Screen::Map(Box::new(MapScreen::new(loaded, View::Graph, None)));
    wait_until_idle(&mut harness);
    let label = format!(
        "{} more off-Meta businesses",
        map(&harness)
            .loaded
            .graph
            .groups
            .iter()
            .find(|g| { g.key == datamap::graph::GroupKey::Companies(datamap::graph::Category::OffMeta) })
            .map(|g| g.members.len())
            .unwrap()
    );
    let before = map(&harness).loaded.graph.node_count();
    harness.get_by_label(&label).click();
    harness.run_steps(2);
    let after = map(&harness).loaded.graph.node_count();
    assert!(after > before + 500, "{before} -> {after}");
    assert!(!map(&harness).loaded.graph.graph.node_weights().any(|n| n.label == label));
    wait_until_idle(&mut harness);
    harness.get_by_label("Group off-Meta businesses again").click();
    harness.run_steps(2);
    assert_eq!(map(&harness).loaded.graph.node_count(), before);
}

#[test]
fn the_map_appears_before_it_settles_and_says_so() {
    let loaded = scale::big_export_with(datamap::pipeline::prepare);
    assert!(!loaded.settled);
    let start = loaded.positions.clone();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(|cc| DatamapApp::new(&cc.egui_ctx, GuiOptions::default()));
    harness.state_mut().screen = Screen::Map(Box::new(MapScreen::new(loaded, View::Graph, None)));
    harness.run_steps(1);
    harness.get_by_label("Arranging the map…");
    wait_until_idle(&mut harness);
    assert!(harness.query_by_label("Arranging the map…").is_none());
    let m = map(&harness);
    assert!(m.loaded.settled);
    assert_ne!(m.loaded.positions, start, "the settled layout is kept for pictures");
    // The window settles to exactly what the headless path computes.
    assert_eq!(m.loaded.positions, scale::big_export().positions);
    let owner = m.loaded.graph.graph.node_indices().find(|n| m.loaded.graph.graph[*n].kind == NodeKind::Owner);
    assert!(owner.is_some());
}
