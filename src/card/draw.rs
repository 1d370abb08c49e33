//! The share card: the picture **Save image**, **Copy image** and `datamap render` produce. It is the same
//! view code the window runs (graph canvas, table or timeline) framed with what a picture posted on its own
//! needs: a title, the export date, the headline counts, the legend, and a footer saying it was made
//! locally. It is drawn by a private, headless egui context and rasterised on the CPU, so it needs no
//! window, display or GPU, and never shows tooltips, menus or whatever else is on screen.

use super::View;
use super::raster::{self, Textures};
use crate::pipeline::Loaded;
use crate::views::graph_view::GraphView;
use crate::views::palette::category_color;
use crate::views::table_view::TableView;
use crate::views::timeline_view::TimelineView;
use egui::{Color32, RichText};

pub const FOOTER: &str = "Made locally with datamap. No data left this computer.";
pub use crate::redact::ANONYMOUS_TITLE;
/// Saved images are drawn at twice their size in points, so they stay sharp on high-density screens.
pub const SCALE: f32 = 2.0;
/// The default card size in points (the PNG is [`SCALE`] times larger).
pub const DEFAULT_SIZE: [f32; 2] = [1200.0, 800.0];

/// The default size for a view: the timeline needs more height, or its company names (one per row) are
/// too close together for the axis to print them.
pub fn default_size(view: View) -> [f32; 2] {
    match view {
        View::Timeline => [1200.0, 1100.0],
        View::Graph | View::Table => DEFAULT_SIZE,
    }
}

/// The headline counts on the card: friends, companies, historic partners.
pub fn headline(loaded: &Loaded) -> (usize, usize, usize) {
    let friends = loaded.map.friends().count();
    let partners = loaded.rows.iter().filter(|r| r.catalog_id.is_some()).count();
    (friends, loaded.map.companies.len(), partners)
}

pub fn title(loaded: &Loaded) -> String {
    loaded.map.owner.clone().unwrap_or_else(|| ANONYMOUS_TITLE.to_owned())
}

/// Draw the card into `ui`: header, the chosen view, footer.
pub fn card_ui(ui: &mut egui::Ui, loaded: &Loaded, view: View, graph: &mut GraphView) {
    let dark = ui.visuals().dark_mode;
    egui::Panel::top("card-head").show(ui, |ui| {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.heading(RichText::new(title(loaded)).size(26.0).strong());
            if let Some(date) = &loaded.map.export_date {
                ui.label(RichText::new(format!("Facebook export of {date}")).weak());
            }
        });
        let (friends, companies, partners) = headline(loaded);
        ui.label(
            RichText::new(format!("{friends} friends · {companies} companies · {partners} historic data partners"))
                .size(16.0),
        );
        ui.horizontal_wrapped(|ui| {
            // Each entry is kept whole, so a wrap never separates a dot from its words.
            let mut entries: Vec<(Option<egui::Color32>, String)> = loaded
                .graph
                .category_counts()
                .into_iter()
                .map(|(category, count)| {
                    (Some(category_color(category, dark)), format!("{} {count}", category.label()))
                })
                .collect();
            entries.push((None, "Historic data partner".to_owned()));
            let font = egui::TextStyle::Body.resolve(ui.style());
            for (color, text) in entries {
                let width = ui.painter().layout_no_wrap(text.clone(), font.clone(), Color32::WHITE).size().x + 30.0;
                if ui.max_rect().right() - ui.cursor().min.x < width {
                    ui.end_row();
                }
                let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                match color {
                    Some(color) => {
                        ui.painter().circle_filled(rect.center(), 6.0, color);
                    }
                    None => {
                        let stroke = egui::Stroke::new(1.8, ui.visuals().strong_text_color());
                        ui.painter().circle_stroke(rect.center(), 6.0, stroke);
                    }
                }
                ui.add(egui::Label::new(text).wrap_mode(egui::TextWrapMode::Extend));
                ui.add_space(6.0);
            }
        });
        ui.add_space(4.0);
    });
    egui::Panel::bottom("card-foot").show(ui, |ui| {
        ui.add_space(4.0);
        ui.label(RichText::new(FOOTER).weak());
        ui.add_space(4.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        let mut selected = None;
        match view {
            View::Graph => graph.canvas_ui(ui, loaded, &mut selected, None),
            View::Table => TableView::default().table_ui(ui, loaded, &mut selected, None),
            View::Timeline => TimelineView::default().timeline_ui(ui, loaded, &mut selected),
        }
    });
}

/// Render the card headless: `size` is in points, the image is `size × pixels_per_point` pixels.
pub fn render(loaded: &Loaded, view: View, size: [f32; 2], pixels_per_point: f32, dark: bool) -> egui::ColorImage {
    let ctx = egui::Context::default();
    ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
    let mut graph = GraphView::new(loaded);
    let mut textures = Textures::default();
    let pixels = [(size[0] * pixels_per_point).round() as usize, (size[1] * pixels_per_point).round() as usize];
    let mut image = None;
    // Fonts load and panels measure themselves over the first frames; the last one is what a window would
    // show once settled.
    const FRAMES: usize = 6;
    for frame in 0..FRAMES {
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size.into())),
            max_texture_side: Some(8192),
            time: Some(frame as f64 / 30.0),
            predicted_dt: 1.0 / 30.0,
            ..Default::default()
        };
        input.viewports.entry(egui::ViewportId::ROOT).or_default().native_pixels_per_point = Some(pixels_per_point);
        let mut full = ctx.run_ui(input, |ui| card_ui(ui, loaded, view, &mut graph));
        textures.apply(&full.textures_delta);
        if frame + 1 == FRAMES {
            let background = ctx.global_style().visuals.panel_fill;
            let primitives = ctx.tessellate(full.shapes, full.pixels_per_point);
            image = Some(raster::paint(&primitives, &textures, pixels, full.pixels_per_point, background));
        }
        textures.free(&mut full.textures_delta);
    }
    image.unwrap_or_else(|| egui::ColorImage::filled(pixels, Color32::WHITE))
}

/// Encode a rendered card as PNG bytes. The encoder writes no text chunks, so no name can hide in the
/// metadata.
pub fn png_bytes(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_srgba_unmultiplied()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or("the image had no pixels")?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer.write_to(&mut out, image::ImageFormat::Png).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
