//! "Who had access": the table Facebook's former security chief asked for, one row per company. It can be
//! sorted by any column, filtered by confidence and searched by name, and a click selects the company
//! everywhere (graph, details panel).

use crate::exposure::{CompanyId, Confidence, Part, Row};
use crate::pipeline::Loaded;
use crate::timeline::AsOf;
use egui_extras::{Column, TableBuilder};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Company,
    Kind,
    Started,
    Ended,
    Confidence,
    People,
}

pub struct TableView {
    pub search: String,
    pub sort_by: SortBy,
    pub descending: bool,
    pub show: [bool; 3],
    /// Scroll the selected row into view on the next frame (set when the selection came from elsewhere).
    pub scroll_to_selection: bool,
}

impl Default for TableView {
    fn default() -> Self {
        TableView {
            search: String::new(),
            sort_by: SortBy::Confidence,
            descending: false,
            show: [true; 3],
            scroll_to_selection: false,
        }
    }
}

pub fn confidence_color(confidence: Confidence, dark: bool) -> egui::Color32 {
    match (confidence, dark) {
        (Confidence::Observed, false) => egui::Color32::from_rgb(0x00, 0x72, 0xB2),
        (Confidence::Observed, true) => egui::Color32::from_rgb(0x56, 0xB4, 0xE9),
        (Confidence::Inferred, _) => egui::Color32::from_rgb(0xE6, 0x9F, 0x00),
        (Confidence::Reported, false) => egui::Color32::from_rgb(0x8A, 0x4F, 0x7D),
        (Confidence::Reported, true) => egui::Color32::from_rgb(0xCC, 0x79, 0xA7),
    }
}

/// Height of one line of a company's row.
const LINE: f32 = 20.0;

/// One cell holding a line per kind of access; the full text of each line is its tooltip.
fn lines_ui(table_row: &mut egui_extras::TableRow<'_, '_>, row: &Row, text: impl Fn(&Part) -> egui::RichText) {
    table_row.col(|ui| {
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for part in &row.parts {
                let line = text(part);
                let full = line.text().to_owned();
                let size = egui::vec2(ui.available_width(), LINE);
                ui.allocate_ui_with_layout(size, egui::Layout::left_to_right(egui::Align::Center), |ui| {
                    ui.add(egui::Label::new(line).selectable(false).truncate()).on_hover_text(full);
                });
            }
        });
    });
}

impl TableView {
    fn visible<'a>(&self, rows: &'a [Row], as_of: Option<&AsOf>) -> Vec<&'a Row> {
        let needle = self.search.trim().to_lowercase();
        let mut out: Vec<&Row> = rows
            .iter()
            .filter(|r| as_of.is_none_or(|f| f.has_company(r.company_id)))
            .filter(|r| self.show[r.confidence as usize])
            .filter(|r| needle.is_empty() || r.company.to_lowercase().contains(&needle))
            .collect();
        out.sort_by(|a, b| {
            let order = match self.sort_by {
                SortBy::Company => a.company.to_lowercase().cmp(&b.company.to_lowercase()),
                SortBy::Kind => a.kinds.first().cmp(&b.kinds.first()),
                SortBy::Started => a.start.cmp(&b.start),
                SortBy::Ended => a.end.cmp(&b.end),
                SortBy::Confidence => a.confidence.cmp(&b.confidence).then(b.people.cmp(&a.people)),
                SortBy::People => a.people.cmp(&b.people),
            };
            let order = order.then_with(|| a.company.cmp(&b.company));
            if self.descending { order.reverse() } else { order }
        });
        out
    }

    fn header_button(&mut self, ui: &mut egui::Ui, label: &str, by: SortBy, tip: &str) {
        let arrow = match (self.sort_by == by, self.descending) {
            (true, false) => " ^",
            (true, true) => " v",
            _ => "",
        };
        let text = egui::RichText::new(format!("{label}{arrow}")).strong();
        if ui.add(egui::Button::new(text).frame(false)).on_hover_text(tip).clicked() {
            if self.sort_by == by {
                self.descending = !self.descending;
            } else {
                self.sort_by = by;
                self.descending = matches!(by, SortBy::People);
            }
        }
    }

    pub fn table_ui(
        &mut self,
        ui: &mut egui::Ui,
        loaded: &Loaded,
        selected: &mut Option<CompanyId>,
        as_of: Option<&AsOf>,
    ) {
        ui.horizontal(|ui| {
            ui.heading("Who had access");
            ui.add_space(16.0);
            ui.add(egui::TextEdit::singleline(&mut self.search).hint_text("Search companies").desired_width(200.0));
            for (i, confidence) in
                [Confidence::Observed, Confidence::Inferred, Confidence::Reported].into_iter().enumerate()
            {
                let text =
                    egui::RichText::new(confidence.label()).color(confidence_color(confidence, ui.visuals().dark_mode));
                if let Some(show) = self.show.get_mut(i) {
                    ui.checkbox(show, text).on_hover_text(confidence.explain());
                }
            }
        });
        ui.label(
            egui::RichText::new(
                "Each row is a company, with a line for each kind of access. Observed: your export says so. Inferred: your export shows what switched a deal on while it ran. Reported: the public record only. The record shows what companies could reach, not that they collected it.",
            )
            .weak(),
        );
        ui.add_space(4.0);
        let rows = self.visible(&loaded.rows, as_of);
        let dark = ui.visuals().dark_mode;
        let selected_index = selected.and_then(|s| rows.iter().position(|r| r.company_id == s));
        // Wide tables scroll sideways rather than hiding the last columns behind the details panel.
        egui::ScrollArea::horizontal().show(ui, |ui| self.rows_ui(ui, loaded, &rows, selected_index, dark, selected));
    }

    fn rows_ui(
        &mut self,
        ui: &mut egui::Ui,
        loaded: &Loaded,
        rows: &[&Row],
        selected_index: Option<usize>,
        dark: bool,
        selected: &mut Option<CompanyId>,
    ) {
        let mut table = TableBuilder::new(ui)
            .striped(true)
            .resizable(true)
            .sense(egui::Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Min))
            .column(Column::initial(170.0).at_least(100.0).clip(true))
            .column(Column::initial(190.0).at_least(80.0).clip(true))
            .column(Column::initial(200.0).at_least(80.0).clip(true))
            .column(Column::initial(190.0).at_least(80.0).clip(true))
            .column(Column::initial(84.0))
            .column(Column::initial(130.0).clip(true))
            .column(Column::initial(125.0).clip(true))
            .column(Column::initial(55.0))
            .column(Column::initial(70.0))
            .column(Column::remainder().at_least(160.0).clip(true));
        if self.scroll_to_selection
            && let Some(i) = selected_index
        {
            table = table.scroll_to_row(i, Some(egui::Align::Center));
            self.scroll_to_selection = false;
        }
        let mut clicked = None;
        table
            .header(24.0, |mut header| {
                header.col(|ui| self.header_button(ui, "Company", SortBy::Company, "Sort by name"));
                header.col(|ui| self.header_button(ui, "Kind of integration", SortBy::Kind, "Sort by kind"));
                header.col(|ui| {
                    ui.strong("Data it could reach");
                });
                header.col(|ui| {
                    ui.strong("How it was switched on");
                });
                header.col(|ui| self.header_button(ui, "Started", SortBy::Started, "Sort by start"));
                header.col(|ui| self.header_button(ui, "Ended", SortBy::Ended, "Sort by end"));
                header.col(|ui| self.header_button(ui, "Confidence", SortBy::Confidence, "Sort by confidence"));
                header.col(|ui| self.header_button(ui, "People", SortBy::People, "People whose data it touched"));
                header.col(|ui| {
                    ui.strong("Evidence");
                });
                header.col(|ui| {
                    ui.strong("What you can do")
                        .on_hover_text("Steps and who to write to; the details have the letter");
                });
            })
            .body(|body| {
                // A company gets one line per kind of access, each with its own dates and confidence, so an
                // app connection that is still active never makes message access that ended read as current.
                let heights = rows.iter().map(|r| LINE * r.parts.len().max(1) as f32 + 4.0);
                body.heterogeneous_rows(heights, |mut table_row| {
                    let Some(row) = rows.get(table_row.index()) else { return };
                    table_row.set_selected(Some(table_row.index()) == selected_index);
                    table_row.col(|ui| {
                        let name = if row.catalog_id.is_some() {
                            egui::RichText::new(&row.company).strong()
                        } else {
                            egui::RichText::new(&row.company)
                        };
                        let label = ui.add(egui::Label::new(name).selectable(false).truncate());
                        if row.catalog_id.is_some() {
                            label.on_hover_text("A company in the public record of Facebook's data deals");
                        }
                    });
                    lines_ui(&mut table_row, row, |p| egui::RichText::new(p.kind.label()));
                    lines_ui(&mut table_row, row, |p| egui::RichText::new(p.data_label()));
                    lines_ui(&mut table_row, row, |p| egui::RichText::new(&p.activation));
                    lines_ui(&mut table_row, row, |p| egui::RichText::new(&p.start_label));
                    lines_ui(&mut table_row, row, |p| egui::RichText::new(&p.end_label));
                    lines_ui(&mut table_row, row, |p| {
                        egui::RichText::new(p.confidence.label()).color(confidence_color(p.confidence, dark))
                    });
                    lines_ui(&mut table_row, row, |p| egui::RichText::new(p.people_label()));
                    table_row.col(|ui| {
                        ui.add(
                            egui::Label::new(if row.evidence == 1 {
                                "1 item".to_owned()
                            } else {
                                format!("{} items", row.evidence)
                            })
                            .selectable(false),
                        );
                    });
                    table_row.col(|ui| {
                        if let Some(action) = loaded.action(row.company_id) {
                            let summary = crate::actions::row_summary(action);
                            ui.add(egui::Label::new(&summary).selectable(false).truncate()).on_hover_text(&summary);
                        }
                    });
                    if table_row.response().clicked() {
                        clicked = Some(row.company_id);
                    }
                });
            });
        if let Some(company) = clicked {
            *selected = Some(company);
        }
    }
}
