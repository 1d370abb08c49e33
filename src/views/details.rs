//! The details of one company: every statement about it in plain words, how sure we are, what the export
//! shows and what it cannot, the public sources each statement rests on (as text to copy; nothing is
//! fetched), the company's and Facebook's own answers, and the people affected.

use super::table_view::confidence_color;
use crate::exposure::{ACCESS_NOT_USE, CompanyId, Source, Statement};
use crate::pipeline::Loaded;

/// Returns true when the person closes the panel. `actions` draws "What you can do" (the window's, which
/// can open dialogs) below the summary and above the statements.
pub fn details_ui(ui: &mut egui::Ui, loaded: &Loaded, company: CompanyId, actions: impl FnOnce(&mut egui::Ui)) -> bool {
    let mut close = false;
    ui.horizontal(|ui| {
        ui.heading(loaded.companies.name(company));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            close = ui.button("Close").on_hover_text("Back to the summary (Esc)").clicked();
        });
    });
    let Some(row) = loaded.row(company) else {
        ui.label("Nothing in your export or the public record says this company had your data.");
        return close;
    };
    ui.label(format!("{} · people affected: {}", row.kind_label(), row.people_label()));
    if row.statements.iter().any(|&i| loaded.statements.get(i).is_some_and(|s| s.kind.is_deal())) {
        ui.label(egui::RichText::new(ACCESS_NOT_USE).italics());
    }
    if let Some(partner) = row.catalog_id.as_deref().and_then(|id| crate::catalog::builtin().partner(id)) {
        egui::CollapsingHeader::new("How sure the record is").id_salt("record").show(ui, |ui| {
            ui.label(format!("Sources agree: {} confidence.", partner.confidence.as_str()));
            ui.label(&partner.confidence_note);
        });
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        actions(ui);
    });
    ui.add_space(6.0);
    let dark = ui.visuals().dark_mode;
    for (n, &i) in row.statements.iter().enumerate() {
        let Some(s) = loaded.statements.get(i) else { continue };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            statement_ui(ui, loaded, s, n, dark);
        });
        ui.add_space(4.0);
    }
    close
}

fn statement_ui(ui: &mut egui::Ui, loaded: &Loaded, s: &Statement, n: usize, dark: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(s.kind.label()).strong());
        ui.label(egui::RichText::new(s.confidence.label()).color(confidence_color(s.confidence, dark)))
            .on_hover_text(s.confidence.explain());
    });
    if !s.kind.is_deal() {
        // A deal's explanation already opens with its dates and who reported them.
        ui.label(format!("From {} to {}", s.start_label, s.end_label));
    }
    ui.label(&s.explanation);
    if !s.condition_shown.is_empty() {
        ui.label(egui::RichText::new("What your export shows").strong());
        for shown in &s.condition_shown {
            let files = shown.files.join(", ");
            ui.label(format!("• {}", shown.text)).on_hover_text(format!("In your export: {files}"));
        }
    }
    if !s.condition_unknown.is_empty() {
        ui.label(egui::RichText::new("What your export cannot show").strong());
        for unknown in &s.condition_unknown {
            ui.label(format!("• whether {unknown}"));
        }
    }
    if !s.data.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("Data:").small());
            for d in &s.data {
                ui.label(egui::RichText::new(d.label()).small()).on_hover_text(crate::catalog::builtin().describe(d));
            }
        });
    }
    if !s.evidence.files.is_empty() {
        egui::CollapsingHeader::new(format!("Files in your export ({})", s.evidence.files.len()))
            .id_salt(("files", n))
            .show(ui, |ui| {
                for file in &s.evidence.files {
                    ui.add(egui::Label::new(egui::RichText::new(file).monospace()).selectable(true).wrap());
                }
            });
    }
    if !s.evidence.sources.is_empty() {
        egui::CollapsingHeader::new(format!("Public sources ({})", s.evidence.sources.len()))
            .id_salt(("sources", n))
            .show(ui, |ui| {
                if s.sources_secondary_only {
                    ui.label(
                        egui::RichText::new(
                            "Each of these reports on the original finding or statement; the originals were not \
                             available to check.",
                        )
                        .weak(),
                    );
                }
                for source in &s.evidence.sources {
                    source_ui(ui, source, source.supports.as_deref());
                }
            });
    }
    if !s.responses.is_empty() {
        // Short header text: a collapsing header does not wrap, and a long one would widen the panel.
        egui::CollapsingHeader::new(format!("Their answers ({})", s.responses.len()))
            .id_salt(("responses", n))
            .default_open(true)
            .show(ui, |ui| {
                for r in &s.responses {
                    let date = r.date.as_deref().unwrap_or("undated");
                    ui.label(egui::RichText::new(format!("{} ({date})", r.speaker)).strong());
                    ui.label(&r.summary);
                    source_ui(ui, &r.source, None);
                }
            });
    }
    if !s.people.is_empty() {
        egui::CollapsingHeader::new(format!("People affected ({})", s.people.len())).id_salt(("people", n)).show(
            ui,
            |ui| {
                for p in s.people.iter().filter_map(|id| loaded.map.person(*id)) {
                    ui.label(&p.name);
                }
            },
        );
    }
}

/// A source as text: publication, date, what it is relied on for, and its address to copy. Selectable text,
/// not a link: datamap never opens anything on the network.
fn source_ui(ui: &mut egui::Ui, source: &Source, supports: Option<&str>) {
    let date = source.date.as_deref().unwrap_or("undated");
    let kind = match source.primary {
        Some(false) => " · a report about the original",
        _ => "",
    };
    ui.label(format!("{} ({date}){kind}", source.publication));
    if let Some(supports) = supports {
        ui.label(egui::RichText::new(supports).weak());
    }
    if let Some(url) = &source.url {
        ui.add(egui::Label::new(egui::RichText::new(url).monospace().small()).selectable(true).wrap());
    }
}
