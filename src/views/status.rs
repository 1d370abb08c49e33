//! Cards shown instead of the map while an import runs or after it failed. Both give a way out: Cancel
//! stops the import, and Back returns to the start screen; the app never needs restarting.

use crate::import::Progress;

/// Returns true when the person asks to cancel. `cancelling` once they have.
pub fn progress_ui(ui: &mut egui::Ui, label: &str, progress: &Progress, cancelling: bool) -> bool {
    let mut cancel = false;
    card_ui(ui, |ui| {
        ui.heading("Reading your export");
        ui.label(egui::RichText::new(label).weak());
        ui.add_space(12.0);
        ui.add(egui::ProgressBar::new(progress.fraction).show_percentage().animate(true));
        ui.add_space(6.0);
        ui.label(if cancelling { "Cancelling…" } else { progress.stage });
        if let Some(file) = progress.file.as_ref().filter(|_| !cancelling) {
            ui.label(egui::RichText::new(file).small().weak());
        }
        ui.add_space(12.0);
        cancel = ui
            .add_enabled(!cancelling, egui::Button::new("Cancel"))
            .on_hover_text("Stop reading and go back (Esc)")
            .clicked()
            || ui.input(|i| i.key_pressed(egui::Key::Escape));
    });
    cancel
}

pub fn error_ui(ui: &mut egui::Ui, file: &str, problem: &str) -> bool {
    let mut back = false;
    card_ui(ui, |ui| {
        ui.heading("datamap could not open this");
        ui.add_space(8.0);
        ui.label(egui::RichText::new(file).monospace());
        ui.add_space(6.0);
        let mut chars = problem.chars();
        let sentence: String = chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default();
        ui.label(sentence);
        ui.add_space(14.0);
        back = ui.button("Back").on_hover_text("Return to the start screen").clicked();
    });
    back
}

fn card_ui(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    ui.vertical_centered(|ui| {
        ui.add_space((ui.available_height() * 0.25).min(180.0));
        let width = ui.available_width().clamp(300.0, 560.0);
        egui::Frame::group(ui.style()).inner_margin(20.0).corner_radius(10.0).show(ui, |ui| {
            ui.set_width(width);
            ui.vertical(add);
        });
    });
}
