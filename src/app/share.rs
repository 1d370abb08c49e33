//! Save image and Copy image: where the share card (see [`crate::card`]) meets files, the clipboard and the
//! save dialog. Rendering and the file dialog run on a background thread on a
//! copy of the data, so the window keeps drawing; redaction is applied to that copy before anything is
//! drawn, so a redacted picture never had a real name in it.

use super::background::Task;
use crate::card::{self, Format, SCALE, View, render_bytes};
use crate::pipeline::Loaded;
use std::path::PathBuf;

/// The choices in the Save image window. The redact box starts from the toolbar toggle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaveChoices {
    pub view: View,
    pub format: Format,
    pub redact: bool,
}

/// What a background job finished with.
pub enum Done {
    Saved(PathBuf),
    Copied(egui::ColorImage),
    Failed(String),
    Cancelled,
}

#[derive(Default)]
pub struct ShareState {
    /// The Save image window is open with these choices.
    pub dialog: Option<SaveChoices>,
    job: Option<Task<Done>>,
}

impl ShareState {
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    pub fn open_dialog(&mut self, view: View, redact: bool) {
        self.dialog = Some(SaveChoices { view, format: Format::Png, redact });
    }

    /// The Save image window; returns the choices when the person presses Save.
    pub fn dialog_ui(&mut self, ctx: &egui::Context) -> Option<SaveChoices> {
        let mut choices = self.dialog?;
        let (mut open, mut save, mut cancel) = (true, false, false);
        egui::Window::new("Save image").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label("What to draw");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut choices.view, View::Graph, "Map");
                ui.selectable_value(&mut choices.view, View::Timeline, "Timeline");
                ui.selectable_value(&mut choices.view, View::Table, "Who had access");
            });
            ui.label("Format");
            ui.horizontal(|ui| {
                ui.selectable_value(&mut choices.format, Format::Png, "PNG (2× scale)");
                ui.add_enabled_ui(choices.view == View::Graph, |ui| {
                    ui.selectable_value(&mut choices.format, Format::Svg, "SVG (map only)");
                });
            });
            if choices.view != View::Graph {
                choices.format = Format::Png;
            }
            ui.checkbox(&mut choices.redact, "Redact names")
                .on_hover_text("Friends become \"Friend 1\", others \"Person 1\", and your name is hidden");
            ui.horizontal(|ui| {
                save = ui.button("Save…").clicked();
                cancel = ui.button("Cancel").clicked();
            });
        });
        self.dialog = (open && !save && !cancel).then_some(choices);
        save.then_some(choices)
    }

    /// Ask where to save, then draw and write, all off the UI thread.
    pub fn save(&mut self, ctx: &egui::Context, loaded: &Loaded, choices: SaveChoices) {
        if self.busy() {
            return;
        }
        let data = if choices.redact { loaded.redacted() } else { loaded.clone() };
        let name = format!("datamap-{}.{}", choices.view.file_word(), choices.format.extension());
        self.spawn(ctx, "save-image", move || {
            let picked = rfd::FileDialog::new()
                .set_title("Save image")
                .set_file_name(&name)
                .add_filter(choices.format.extension().to_uppercase(), &[choices.format.extension()])
                .save_file();
            let Some(path) = picked else { return Done::Cancelled };
            match render_bytes(&data, choices.format, choices.view, card::default_size(choices.view))
                .and_then(|bytes| card::write(&path, &bytes))
            {
                Ok(()) => Done::Saved(path),
                Err(e) => Done::Failed(e.to_string()),
            }
        });
    }

    /// Draw the card and put it on the clipboard (the copy happens on the UI thread, in [`Self::poll`]).
    pub fn copy(&mut self, ctx: &egui::Context, loaded: &Loaded, view: View, redact: bool) {
        if self.busy() {
            return;
        }
        let data = if redact { loaded.redacted() } else { loaded.clone() };
        self.spawn(ctx, "copy-image", move || {
            Done::Copied(card::render(&data, view, card::default_size(view), SCALE, false))
        });
    }

    fn spawn(&mut self, ctx: &egui::Context, name: &str, work: impl FnOnce() -> Done + Send + 'static) {
        self.job = Task::spawn(ctx, name, work).ok();
    }

    /// A notice for the status line once a job is done.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<String> {
        let done = self.job.as_ref()?.poll()?.unwrap_or_else(|_| Done::Failed("the drawing stopped".into()));
        self.job = None;
        match done {
            Done::Saved(path) => Some(format!("Saved {}", path.display())),
            Done::Copied(image) => {
                ctx.copy_image(image);
                Some("Copied the image to the clipboard".into())
            }
            Done::Failed(e) => Some(format!("Could not save the image: {e}")),
            Done::Cancelled => None,
        }
    }
}
