//! The details of one company: every statement about it, in plain words, with how sure we are, the export
//! files and public sources behind it (links are text to copy; nothing is fetched), and the people affected.

use super::table_view::confidence_color;
use crate::exposure::{Ending, data_kind_description, data_kind_label};
use crate::model::format_date;
use crate::pipeline::Loaded;

/// Returns true when the person closes the panel.
pub fn details_ui(ui: &mut egui::Ui, loaded: &Loaded, company: &str) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(company);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close = ui.button("Close").on_hover_text("Back to the summary (Esc)").clicked();
        });
    });
    let Some(row) = loaded.rows.iter().find(|r| r.company.eq_ignore_ascii_case(company)) else {
        ui.label("Nothing in your export or the public record says this company had your data.");
        return close;
    };
    if let Some(partner) = row.catalog_id.as_deref().and_then(|id| crate::catalog::builtin().partner(id)) {
        ui.label(egui::RichText::new(format!("Historic Facebook data partner: {}", partner.category.label())).strong());
        ui.label(egui::RichText::new(&partner.activation).weak());
    }
    ui.label(format!("{} · {} people affected", row.kind_label(), row.people));
    ui.add_space(6.0);
    let dark = ui.visuals().dark_mode;
    for (n, &i) in row.statements.iter().enumerate() {
        let Some(s) = loaded.statements.get(i) else { continue };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(s.kind.label()).strong());
                ui.label(egui::RichText::new(s.confidence.label()).color(confidence_color(s.confidence, dark)))
                    .on_hover_text(s.confidence.explain());
            });
            let start = s.start.map(format_date).unwrap_or_else(|| "unknown".into());
            let end = match &s.ending {
                Ending::StillActive(as_of) => format!("still active as of {as_of}"),
                Ending::EndedUnknown => "ended, date unknown".into(),
                _ => s.end.map(format_date).unwrap_or_else(|| "unknown".into()),
            };
            ui.label(format!("From {start} to {end}"));
            ui.label(&s.explanation);
            if !s.data.is_empty() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new("Data:").small());
                    for d in &s.data {
                        ui.label(egui::RichText::new(data_kind_label(d)).small())
                            .on_hover_text(data_kind_description(d));
                    }
                });
            }
            egui::CollapsingHeader::new(format!("Evidence ({})", s.evidence.files.len() + s.evidence.sources.len()))
                .id_salt(("evidence", n))
                .show(ui, |ui| {
                    for file in &s.evidence.files {
                        ui.label(egui::RichText::new(format!("In your export: {file}")).monospace().small());
                    }
                    for source in &s.evidence.sources {
                        ui.label(format!("{} ({})", source.publication, source.date.as_deref().unwrap_or("undated")));
                        if let Some(url) = &source.url {
                            // Selectable text, not a link: datamap never opens anything on the network.
                            ui.add(egui::Label::new(egui::RichText::new(url).monospace().small()).selectable(true));
                        }
                    }
                });
            if !s.people.is_empty() {
                egui::CollapsingHeader::new(format!("People affected ({})", s.people.len()))
                    .id_salt(("people", n))
                    .show(ui, |ui| {
                        for p in &s.people {
                            ui.label(p);
                        }
                    });
            }
        });
        ui.add_space(4.0);
    }
    close
}
