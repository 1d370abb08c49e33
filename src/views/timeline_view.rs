//! The access timeline: one row per company, bars for the windows in which it had access (observed,
//! inferred and reported drawn differently), ticks for dated events, and markers for the export date and the
//! platform changes that closed whole kinds of access. Below it, the person's network over the years.

use super::table_view::confidence_color;
use crate::exposure::{CompanyId, Confidence};
use crate::model::{Unix, days_from_civil};
use crate::pipeline::Loaded;
use egui::Color32;
use egui_plot::{
    AxisHints, Bar, BarChart, Corner, GridMark, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoint, PlotPoints,
    Points, Text, VLine,
};

/// Rows shown before the person scrolls; names stay readable because the axis shows only these.
const ROWS_IN_VIEW: f64 = 28.0;
const SECONDS_PER_YEAR: f64 = 365.2425 * 86_400.0;

pub fn year_of(t: Unix) -> f64 {
    1970.0 + t as f64 / SECONDS_PER_YEAR
}

pub fn unix_of(year: f64) -> Unix {
    ((year - 1970.0) * SECONDS_PER_YEAR) as Unix
}

/// Platform changes that ended whole kinds of access for everyone.
pub fn platform_markers() -> Vec<(Unix, &'static str)> {
    vec![
        (days_from_civil(2014, 12, 31) * 86_400, "Instant personalization ends (2014)"),
        (days_from_civil(2015, 4, 30) * 86_400, "Graph API v1.0 friends' data ends"),
    ]
}

#[derive(Default)]
pub struct TimelineView {
    /// Scroll the selected company's row into view on the next frame.
    pub scroll_to_selection: bool,
}

impl TimelineView {
    pub fn timeline_ui(&mut self, ui: &mut egui::Ui, loaded: &Loaded, selected: &mut Option<CompanyId>) {
        ui.horizontal(|ui| {
            ui.heading("When each company had access");
            ui.label(
                egui::RichText::new("Drag to pan, scroll to move through companies, Ctrl+scroll to zoom time").weak(),
            );
        });
        let network_height = 170.0;
        let plot_height = (ui.available_height() - network_height - 30.0).max(200.0);
        self.access_ui(ui, loaded, selected, plot_height);
        ui.add_space(6.0);
        network_ui(ui, loaded, network_height);
    }

    fn access_ui(&mut self, ui: &mut egui::Ui, loaded: &Loaded, selected: &mut Option<CompanyId>, height: f32) {
        let rows = &loaded.timelines;
        let dark = ui.visuals().dark_mode;
        let export = loaded.map.export_time();
        let earliest = rows.iter().filter_map(|r| r.first_access()).min().map(year_of).unwrap_or(2008.0);
        let latest = export.map(year_of).unwrap_or(2027.0);
        let names: Vec<String> = rows.iter().map(|r| truncate(&r.company, 24)).collect();
        let selected_row = selected.and_then(|s| rows.iter().position(|r| r.company_id == s));
        let scroll_to = if self.scroll_to_selection { selected_row } else { None };
        self.scroll_to_selection = false;
        let plot = Plot::new("access-timeline")
            .height(height)
            .invert_y(true)
            .legend(Legend::default().position(Corner::RightBottom))
            .allow_zoom([true, false])
            .allow_scroll([false, true])
            .allow_boxed_zoom(false)
            .allow_double_click_reset(true)
            .default_x_bounds(earliest.floor() - 0.5, latest + 0.5)
            .default_y_bounds(-0.7, ROWS_IN_VIEW)
            .set_margin_fraction(egui::Vec2::ZERO)
            .show_grid([true, false])
            .x_axis_formatter(|mark: GridMark, _| format!("{:.0}", mark.value))
            .y_grid_spacer(|input| {
                let (lo, hi) = input.bounds;
                (lo.ceil().max(0.0) as i64..=hi.floor() as i64)
                    .map(|v| GridMark { value: v as f64, step_size: 1.0 })
                    .collect()
            })
            .custom_y_axes(vec![
                AxisHints::new_y()
                    .formatter(move |mark: GridMark, _| {
                        let i = mark.value.round();
                        if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                            return String::new();
                        }
                        names.get(i as usize).cloned().unwrap_or_default()
                    })
                    // One label per row, even with many rows in view.
                    .label_spacing(10.0..=14.0)
                    .min_thickness(170.0),
            ])
            .label_formatter(|_| None::<String>)
            .show_x(false)
            .show_y(false);
        let response = plot.show(ui, |plot_ui| {
            if let Some(row) = scroll_to {
                let y = row as f64;
                plot_ui.set_plot_bounds_y(y - ROWS_IN_VIEW / 2.0..=y + ROWS_IN_VIEW / 2.0);
            }
            if let Some(row) = selected_row {
                let y = row as f64;
                let band = Color32::from_rgba_unmultiplied(120, 160, 255, 40);
                plot_ui.line(
                    Line::new("", PlotPoints::from(vec![[earliest - 5.0, y], [latest + 5.0, y]]))
                        .color(band)
                        .width(16.0)
                        .allow_hover(false),
                );
            }
            for (y, row) in rows.iter().enumerate() {
                let y = y as f64;
                for interval in &row.intervals {
                    let (start, end, faded) = match (interval.start, interval.end) {
                        (Some(s), Some(e)) => (year_of(s), year_of(e), false),
                        (Some(s), None) => (year_of(s), latest, true),
                        (None, Some(e)) => ((year_of(e) - 0.5).max(earliest), year_of(e), true),
                        (None, None) => continue,
                    };
                    let end = end.max(start + 0.02);
                    // Each confidence has its own lane within the row, so an inference never hides what
                    // the export itself says.
                    let (width, style, lane) = match interval.confidence {
                        Confidence::Observed => (7.0, LineStyle::Solid, 0.0),
                        Confidence::Inferred => (4.0, LineStyle::Solid, -0.24),
                        Confidence::Reported => (3.0, LineStyle::dashed_dense(), -0.24),
                    };
                    let y = y + lane;
                    let color = confidence_color(interval.confidence, dark);
                    // A bound the record does not give is drawn faint, and kept out of the legend.
                    let (color, name) =
                        if faded { (color.gamma_multiply(0.45), "") } else { (color, interval.confidence.label()) };
                    plot_ui.line(
                        Line::new(name, PlotPoints::from(vec![[start, y], [end, y]]))
                            .color(color)
                            .width(width)
                            .style(style)
                            .allow_hover(false),
                    );
                }
                if !row.event_days.is_empty() {
                    let ticks: Vec<[f64; 2]> =
                        row.event_days.iter().map(|d| [year_of(i64::from(*d) * 86_400), y + 0.28]).collect();
                    plot_ui.points(
                        Points::new("Dated events", PlotPoints::from(ticks))
                            .shape(egui_plot::MarkerShape::Up)
                            .radius(2.5)
                            .color(if dark { Color32::from_gray(200) } else { Color32::from_gray(60) })
                            .allow_hover(false),
                    );
                }
            }
            let marker = if dark { Color32::from_gray(170) } else { Color32::from_gray(90) };
            let top = plot_ui.plot_bounds().min()[1];
            let mut markers = platform_markers();
            if let Some(t) = export {
                markers.push((t, "Your export"));
            }
            let count = markers.len();
            for (k, (t, label)) in markers.into_iter().enumerate() {
                let x = year_of(t);
                let anchor =
                    if k + 1 == count && export.is_some() { egui::Align2::RIGHT_TOP } else { egui::Align2::LEFT_TOP };
                // Unnamed, so the markers stay out of the legend; their labels are drawn beside them,
                // staggered because two of them fall four months apart.
                plot_ui.vline(VLine::new("", x).color(marker).style(LineStyle::dashed_loose()).allow_hover(false));
                plot_ui.text(
                    Text::new("", PlotPoint::new(x, top + 0.2 + 0.9 * k as f64), egui::RichText::new(label).small())
                        .color(marker)
                        .anchor(anchor),
                );
            }
            plot_ui.pointer_coordinate()
        });
        let hovered = response.inner.and_then(|p| {
            let row = p.y.round();
            (row >= 0.0).then_some(row as usize)
        });
        if let Some(row) = hovered
            && let Some(timeline) = rows.get(row)
        {
            let text = hover_text(loaded, row);
            response.response.clone().on_hover_ui_at_pointer(|ui| {
                ui.label(egui::RichText::new(&timeline.company).strong());
                ui.label(text);
            });
            if response.response.clicked() {
                *selected = Some(timeline.company_id);
            }
        }
        response
            .response
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, "Access timeline"));
    }
}

/// The statements behind a timeline row, for its tooltip: exact dates, data kinds and evidence.
fn hover_text(loaded: &Loaded, row: usize) -> String {
    let Some(timeline) = loaded.timelines.get(row) else { return String::new() };
    let mut lines = Vec::new();
    for interval in &timeline.intervals {
        let Some(s) = loaded.statements.get(interval.statement) else { continue };
        let (from, to) = (&s.start_label, &s.end_label);
        let data: Vec<&str> = s.data.iter().map(|d| d.label()).collect();
        lines.push(format!(
            "{} ({}): {from} to {to}\n  {}\n  evidence: {} file(s), {} source(s)",
            s.kind.label(),
            s.confidence.label().to_lowercase(),
            data.join(", "),
            s.evidence.files.len(),
            s.evidence.sources.len()
        ));
    }
    if !timeline.events_per_year.is_empty() {
        let years: Vec<String> = timeline.events_per_year.iter().map(|(y, n)| format!("{y}: {n}")).collect();
        lines.push(format!("Dated events per year: {}", years.join(", ")));
    }
    lines.push("Click to see the details".into());
    lines.join("\n")
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

/// Friends added each year and the running total, messages per year, and the messaging partners whose
/// access windows those messages fell inside.
fn network_ui(ui: &mut egui::Ui, loaded: &Loaded, height: f32) {
    let n = &loaded.network;
    let dark = ui.visuals().dark_mode;
    let friends = super::palette::category_color(crate::graph::Category::Friend, dark);
    let messages = super::palette::category_color(crate::graph::Category::OtherPerson, dark);
    let added: Vec<Bar> =
        n.friends_added.iter().map(|(y, c)| Bar::new(*y as f64 - 0.2, *c as f64).width(0.38)).collect();
    let sent: Vec<Bar> =
        n.messages.iter().map(|(y, c)| Bar::new(*y as f64 + 0.2, (*c as f64) / 10.0).width(0.38)).collect();
    let total: Vec<[f64; 2]> = n.cumulative.iter().map(|(y, c)| [*y as f64 + 0.5, *c as f64]).collect();
    let partners = n.partners_in_year.clone();
    Plot::new("network-over-time")
        .height(height)
        .legend(Legend::default())
        .allow_scroll(false)
        .allow_zoom([true, false])
        .x_axis_formatter(|mark: GridMark, _| format!("{:.0}", mark.value))
        .label_formatter(move |hover| {
            let (name, point) = match hover {
                HoverPosition::NearDataPoint { plot_name, position, .. } => (*plot_name, *position),
                HoverPosition::Elsewhere { position } => ("", *position),
            };
            let year = point.x.round() as i32;
            let within = partners.get(&year).map(|p| format!("\nInside the windows of: {}", p.join(", ")));
            Some(format!("{name} {year}{}", within.unwrap_or_default()))
        })
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new("Friends added", added).color(friends));
            plot_ui.bar_chart(BarChart::new("Messages (÷10)", sent).color(messages));
            plot_ui.line(Line::new("Friends (total)", PlotPoints::from(total)).color(friends).width(2.0));
            for (year, names) in &n.partners_in_year {
                let y = n.messages.get(year).copied().unwrap_or(0) as f64 / 10.0;
                plot_ui.text(
                    Text::new(
                        "Messaging partners",
                        PlotPoint::new(*year as f64 + 0.2, y),
                        egui::RichText::new(format!("{}", names.len())).small(),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
        });
}
