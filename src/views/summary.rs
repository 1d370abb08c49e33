//! The side panel beside the map: whose export this is, the headline counts, the legend, and any warnings
//! from the import (files that were skipped, guesses that were made).

use super::palette::category_color;
use crate::model::{AppStatus, Relation};
use crate::pipeline::Loaded;

pub fn summary_ui(ui: &mut egui::Ui, loaded: &Loaded) {
    let map = &loaded.map;
    ui.add_space(6.0);
    ui.heading(map.owner.as_deref().unwrap_or(crate::redact::ANONYMOUS_TITLE));
    if let Some(date) = &map.export_date {
        ui.label(egui::RichText::new(format!("Export of {date}")).weak());
    }
    ui.add_space(8.0);
    let friends = map.people.iter().filter(|p| p.relations.contains(&Relation::Friend)).count();
    let active = map.apps.iter().filter(|a| a.status == Some(AppStatus::Active)).count();
    egui::Grid::new("counts").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
        let mut row = |label: &str, value: String, tip: &str| {
            ui.label(label).on_hover_text(tip);
            ui.label(egui::RichText::new(value).strong());
            ui.end_row();
        };
        row("Friends", friends.to_string(), "People in your friends list");
        row(
            "Other people",
            (map.people.len() - friends).to_string(),
            "Followers, requests, removed friends, message contacts",
        );
        row(
            "Companies",
            map.companies.len().to_string(),
            "Every company your export names as getting or using your data",
        );
        row(
            "Connected apps",
            format!("{} ({active} active)", map.apps.len()),
            "Apps and sites you logged in to with Facebook",
        );
        row("Message threads", map.threads.len().to_string(), "Counted only: datamap never reads message text");
    });
    ui.add_space(12.0);
    ui.label(egui::RichText::new("Legend").strong());
    let dark = ui.visuals().dark_mode;
    for (category, count) in loaded.graph.category_counts() {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
            ui.painter().circle_filled(rect.center(), 6.0, category_color(category, dark));
            ui.label(format!("{}  {count}", category.label()));
        });
    }
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
        ui.painter().circle_stroke(rect.center(), 6.0, egui::Stroke::new(1.8, ui.visuals().strong_text_color()));
        let partners = loaded.rows.iter().filter(|r| r.catalog_id.is_some()).count();
        ui.label(format!("Historic data partner  {partners}"))
            .on_hover_text("Named in public reporting on Facebook's data-sharing deals");
    });
    ui.add_space(8.0);
    ui.label(
        egui::RichText::new("Drag to pan · scroll to zoom · F to fit · click a company for details").small().weak(),
    );
    if !map.warnings.is_empty() {
        ui.add_space(10.0);
        egui::CollapsingHeader::new(format!("{} warnings", map.warnings.len())).show(ui, |ui| {
            for w in &map.warnings {
                ui.label(egui::RichText::new(w).small());
            }
        });
    }
}
