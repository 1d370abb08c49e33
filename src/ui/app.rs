//! The app's screens and how a person moves between them: start → importing → map, with an error card that
//! leads back to the start. Every way in (command line, File → Open, drag-and-drop, the demo button) ends
//! in [`DatamapApp::open`].

use super::graph_view::GraphView;
use super::job::ImportJob;
use super::screenshot::Screenshot;
use super::start::{StartAction, files_hovering, start_screen_ui};
use super::status::{error_ui, progress_ui};
use super::summary::summary_ui;
use crate::archive::Input;
use crate::cli::GuiOptions;
use crate::import::ImportError;
use crate::pipeline::Loaded;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

pub enum Screen {
    Start,
    Importing(ImportJob),
    Failed { file: String, problem: String },
    Map(Box<Loaded>, GraphView),
}

pub struct DatamapApp {
    pub screen: Screen,
    /// Whether the start screen's drop zone was drawn lit (files hovering) in the last frame.
    pub drop_zone_lit: bool,
    picker: Option<Receiver<Vec<PathBuf>>>,
    screenshot: Option<Screenshot>,
}

impl DatamapApp {
    pub fn new(ctx: &egui::Context, options: GuiOptions) -> DatamapApp {
        match options.theme {
            crate::cli::Theme::Light => ctx.set_theme(egui::ThemePreference::Light),
            crate::cli::Theme::Dark => ctx.set_theme(egui::ThemePreference::Dark),
            crate::cli::Theme::System => {}
        }
        let mut app = DatamapApp {
            screen: Screen::Start,
            drop_zone_lit: false,
            picker: None,
            screenshot: options.screenshot.map(Screenshot::new),
        };
        if !options.inputs.is_empty() {
            app.open(ctx, options.inputs);
        }
        app
    }

    /// Start importing; an import already running is cancelled when its job is dropped here.
    pub fn open(&mut self, ctx: &egui::Context, inputs: Vec<Input>) {
        self.screen = Screen::Importing(ImportJob::start(inputs, ctx.clone()));
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.screen, Screen::Importing(_))
    }

    /// The file dialog runs on its own thread, so the window keeps drawing while it is open.
    fn pick_files(&mut self, ctx: &egui::Context) {
        if self.picker.is_some() {
            return;
        }
        let (send, recv) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Open your Facebook export")
                .add_filter("Facebook export", &["zip", "json"])
                .pick_files()
                .unwrap_or_default();
            let _ = send.send(picked);
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.picker = Some(recv);
        }
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        let dropped: Vec<Input> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| Input::Path(f.path().to_path_buf()))
                .filter(|i| !i.name().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.open(ctx, dropped);
        }
        if let Some(recv) = &self.picker
            && let Ok(paths) = recv.try_recv()
        {
            self.picker = None;
            if !paths.is_empty() {
                self.open(ctx, paths.into_iter().map(Input::Path).collect());
            }
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            self.pick_files(ctx);
        }
    }

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.add(egui::Button::new("Open export…").shortcut_text("Ctrl+O")).clicked() {
                    self.pick_files(&ctx);
                }
                if ui.button("Open the demo").clicked() {
                    self.open(&ctx, vec![crate::demo::demo_input()]);
                }
                if ui.add_enabled(!matches!(self.screen, Screen::Start), egui::Button::new("Close export")).clicked() {
                    self.screen = Screen::Start;
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                if let Screen::Map(_, view) = &mut self.screen
                    && ui.add(egui::Button::new("Fit map to window").shortcut_text("F")).clicked()
                {
                    view.request_fit();
                }
                ui.label("Theme");
                let mut preference = ctx.options(|o| o.theme_preference);
                if ui.selectable_value(&mut preference, egui::ThemePreference::System, "Follow the system").clicked()
                    || ui.selectable_value(&mut preference, egui::ThemePreference::Light, "Light").clicked()
                    || ui.selectable_value(&mut preference, egui::ThemePreference::Dark, "Dark").clicked()
                {
                    ctx.set_theme(preference);
                }
            });
            if let Screen::Map(_, view) = &mut self.screen {
                ui.separator();
                if ui.button("Fit").on_hover_text("Fit the whole map in the window (F)").clicked() {
                    view.request_fit();
                }
                if ui.button("Open another…").on_hover_text("Open a different export (Ctrl+O)").clicked() {
                    self.pick_files(&ctx);
                }
            }
        });
    }
}

impl eframe::App for DatamapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        if let Screen::Importing(job) = &mut self.screen
            && let Some(result) = job.poll()
        {
            self.screen = match result {
                Ok(loaded) => {
                    let view = GraphView::new(&loaded);
                    Screen::Map(loaded, view)
                }
                Err(ImportError::Cancelled) => Screen::Start,
                Err(ImportError::Unusable { file, problem }) => Screen::Failed { file, problem },
            };
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        if let Screen::Map(loaded, _) = &self.screen {
            egui::Panel::right("summary").resizable(true).default_size(260.0).show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| summary_ui(ui, loaded));
            });
        }
        let mut next = None;
        self.drop_zone_lit = matches!(self.screen, Screen::Start) && files_hovering(&ctx);
        egui::CentralPanel::default().show(ui, |ui| match &mut self.screen {
            Screen::Start => match start_screen_ui(ui) {
                Some(StartAction::Open) => next = Some(None),
                Some(StartAction::Demo) => next = Some(Some(vec![crate::demo::demo_input()])),
                None => {}
            },
            Screen::Importing(job) => {
                if progress_ui(ui, &job.label, &job.progress) {
                    job.cancel();
                }
            }
            Screen::Failed { file, problem } => {
                if error_ui(ui, file, problem) {
                    next = Some(Some(Vec::new()));
                }
            }
            Screen::Map(loaded, view) => view.graph_ui(ui, loaded),
        });
        match next {
            Some(None) => self.pick_files(&ctx),
            Some(Some(inputs)) if inputs.is_empty() => self.screen = Screen::Start,
            Some(Some(inputs)) => self.open(&ctx, inputs),
            None => {}
        }
        let (ready, failed) = (!self.is_busy(), matches!(self.screen, Screen::Failed { .. }));
        if let Some(shot) = &mut self.screenshot {
            shot.step(&ctx, ready, failed);
        }
    }
}
