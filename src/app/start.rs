//! The first thing a person sees: what datamap does, where to get the export, and a large drop zone that
//! lights up while a file hovers over the window.

use egui::{Align2, Color32, CornerRadius, FontId, Sense, Stroke, StrokeKind, Vec2, vec2};

pub enum StartAction {
    Open,
    Demo,
}

/// Files are being dragged over the window: the drop zone lights up.
pub fn files_hovering(ctx: &egui::Context) -> bool {
    ctx.input(|i| !i.raw.hovered_files.is_empty())
}

pub fn start_screen_ui(ui: &mut egui::Ui) -> Option<StartAction> {
    let mut action = None;
    let hovering = files_hovering(ui.ctx());
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.08).min(60.0));
        ui.label(egui::RichText::new("datamap").size(40.0).strong());
        ui.label(egui::RichText::new("See who had your Facebook data").size(20.0));
        ui.add_space(24.0);

        let width = ui.available_width().clamp(320.0, 640.0);
        let (rect, response) = ui.allocate_exact_size(vec2(width, 200.0), Sense::click());
        let accent = ui.visuals().selection.bg_fill;
        let (fill, stroke) = if hovering {
            (accent.gamma_multiply(0.35), Stroke::new(3.0, accent))
        } else if response.hovered() {
            (ui.visuals().faint_bg_color, Stroke::new(2.0, accent))
        } else {
            (ui.visuals().faint_bg_color, Stroke::new(2.0, ui.visuals().weak_text_color()))
        };
        ui.painter().rect(rect, CornerRadius::same(14), fill, stroke, StrokeKind::Inside);
        let text = ui.visuals().text_color();
        let headline = if hovering { "Release to open your export" } else { "Drop your Facebook export here" };
        ui.painter().text(
            rect.center() - vec2(0.0, 22.0),
            Align2::CENTER_CENTER,
            headline,
            FontId::proportional(22.0),
            text,
        );
        ui.painter().text(
            rect.center() + vec2(0.0, 14.0),
            Align2::CENTER_CENTER,
            "the .zip from \"Download Your Information\" — drop all parts together if it came in several",
            FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        ui.painter().text(
            rect.center() + vec2(0.0, 40.0),
            Align2::CENTER_CENTER,
            "or click to choose a file",
            FontId::proportional(13.0),
            ui.visuals().weak_text_color(),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, "Drop zone: open an export")
        });
        if response.clicked() {
            action = Some(StartAction::Open);
        }

        ui.add_space(18.0);
        ui.horizontal(|ui| {
            let buttons = 2.0 * 170.0 + ui.spacing().item_spacing.x;
            ui.add_space(((ui.available_width() - buttons) / 2.0).max(0.0));
            if ui
                .add_sized(Vec2::new(170.0, 34.0), egui::Button::new("Open export…"))
                .on_hover_text("Choose the zip (or its parts, or an unzipped folder's JSON file). Ctrl+O")
                .clicked()
            {
                action = Some(StartAction::Open);
            }
            if ui
                .add_sized(Vec2::new(170.0, 34.0), egui::Button::new("Try the demo"))
                .on_hover_text("Open a fictional person's export that ships with datamap")
                .clicked()
            {
                action = Some(StartAction::Demo);
            }
        });

        ui.add_space(28.0);
        let layout = egui::Layout::top_down(egui::Align::Center);
        ui.allocate_ui_with_layout(vec2(width, 0.0), layout, |ui| {
            ui.label(egui::RichText::new("Getting your export").strong());
            ui.label(
                "On Facebook: Accounts Center > Your information and permissions > Download your information. \
                 Choose Format: JSON (not HTML) and low media quality; Facebook emails you when the zip is ready.",
            );
            ui.add_space(10.0);
            ui.label(
                egui::RichText::new(
                    "Nothing leaves this computer: datamap has no network code, and never changes your export.",
                )
                .color(Color32::from_rgb(0x00, 0x9E, 0x73)),
            );
        });
    });
    action
}
