//! The app's screens and how a person moves between them: start → importing → map, with an error card that
//! leads back to the start. Every way in (command line, File → Open, drag-and-drop, the demo button) ends
//! in [`DatamapApp::open`].

use super::as_of::AsOfControl;
use super::details::details_ui;
use super::graph_view::GraphView;
use super::job::ImportJob;
use super::screenshot::Screenshot;
use super::start::{StartAction, files_hovering, start_screen_ui};
use super::status::{error_ui, progress_ui};
use super::summary::summary_ui;
use super::table_view::TableView;
use super::timeline_view::TimelineView;
use crate::archive::Input;
use crate::cli::{GuiOptions, View};
use crate::import::ImportError;
use crate::pipeline::Loaded;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

pub enum Screen {
    Start,
    Importing(ImportJob),
    Failed { file: String, problem: String },
    Map(Box<MapScreen>),
}

/// An opened export: the data and the state of every view of it. The selection is shared, so choosing a
/// company in the graph or the table shows it in both and in the details panel.
pub struct MapScreen {
    pub loaded: Loaded,
    pub graph: GraphView,
    pub table: TableView,
    pub timeline: TimelineView,
    pub as_of: AsOfControl,
    pub view: View,
    pub selected: Option<String>,
}

pub struct DatamapApp {
    pub screen: Screen,
    /// Whether the start screen's drop zone was drawn lit (files hovering) in the last frame.
    pub drop_zone_lit: bool,
    picker: Option<Receiver<Vec<PathBuf>>>,
    saver: Option<Receiver<Result<PathBuf, String>>>,
    /// A short message about the last export to a file.
    pub notice: Option<String>,
    screenshot: Option<Screenshot>,
    initial_view: View,
    initial_selection: Option<String>,
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
            saver: None,
            notice: None,
            screenshot: options.screenshot.map(Screenshot::new),
            initial_view: options.view,
            initial_selection: options.select,
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

    /// The CSV is written on its own thread, behind a save dialog, so the window keeps drawing.
    fn export_table(&mut self, ctx: &egui::Context) {
        let Screen::Map(map) = &self.screen else { return };
        if self.saver.is_some() {
            return;
        }
        let csv = crate::exposure::to_csv(&map.loaded.rows);
        let (send, recv) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("export-table".into()).spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Export the table")
                .set_file_name("who-had-access.csv")
                .add_filter("CSV", &["csv"])
                .save_file();
            if let Some(path) = picked {
                let _ = send.send(std::fs::write(&path, csv).map(|()| path).map_err(|e| e.to_string()));
            }
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.saver = Some(recv);
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
        if let Some(recv) = &self.saver
            && let Ok(result) = recv.try_recv()
        {
            self.saver = None;
            self.notice = Some(match result {
                Ok(path) => format!("Saved {}", path.display()),
                Err(e) => format!("Could not save the table: {e}"),
            });
        }
        if let Screen::Map(map) = &mut self.screen
            && !ctx.egui_wants_keyboard_input()
        {
            ctx.input(|i| {
                if i.key_pressed(egui::Key::Escape) {
                    map.selected = None;
                }
                if i.key_pressed(egui::Key::Num1) && i.modifiers.command {
                    map.view = View::Graph;
                }
                if i.key_pressed(egui::Key::Num2) && i.modifiers.command {
                    map.view = View::Table;
                }
                if i.key_pressed(egui::Key::Num3) && i.modifiers.command {
                    map.view = View::Timeline;
                }
            });
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
                let has_map = matches!(self.screen, Screen::Map(_));
                if ui
                    .add_enabled(has_map, egui::Button::new("Export table…"))
                    .on_hover_text("Save the \"Who had access\" table as CSV")
                    .clicked()
                {
                    self.export_table(&ctx);
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
                if let Screen::Map(map) = &mut self.screen {
                    if ui.add(egui::Button::new("Map").shortcut_text("Ctrl+1")).clicked() {
                        map.view = View::Graph;
                    }
                    if ui.add(egui::Button::new("Who had access").shortcut_text("Ctrl+2")).clicked() {
                        map.view = View::Table;
                    }
                    if ui.add(egui::Button::new("Timeline").shortcut_text("Ctrl+3")).clicked() {
                        map.view = View::Timeline;
                    }
                    if ui.add(egui::Button::new("Fit map to window").shortcut_text("F")).clicked() {
                        map.graph.request_fit();
                    }
                    ui.separator();
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
            if let Screen::Map(map) = &mut self.screen {
                ui.separator();
                ui.selectable_value(&mut map.view, View::Graph, "Map")
                    .on_hover_text("The map of who had your data (Ctrl+1)");
                ui.selectable_value(&mut map.view, View::Table, "Who had access")
                    .on_hover_text("One row per company: what it could reach, when, and how we know (Ctrl+2)");
                ui.selectable_value(&mut map.view, View::Timeline, "Timeline")
                    .on_hover_text("When each company had access, and your network over the years (Ctrl+3)");
                ui.separator();
                if map.view == View::Graph
                    && ui.button("Fit").on_hover_text("Fit the whole map in the window (F)").clicked()
                {
                    map.graph.request_fit();
                }
                if ui.button("Open another…").on_hover_text("Open a different export (Ctrl+O)").clicked() {
                    self.pick_files(&ctx);
                }
            }
        });
    }
}

impl eframe::App for DatamapApp {
    /// A scripted screenshot must not change what the person's next real session remembers (the theme).
    fn persist_egui_memory(&self) -> bool {
        self.screenshot.is_none()
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        if let Screen::Importing(job) = &mut self.screen
            && let Some(result) = job.poll()
        {
            self.screen = match result {
                Ok(loaded) => {
                    let graph = GraphView::new(&loaded);
                    Screen::Map(Box::new(MapScreen {
                        loaded: *loaded,
                        graph,
                        table: TableView::default(),
                        timeline: TimelineView::default(),
                        as_of: AsOfControl::default(),
                        view: self.initial_view,
                        selected: self.initial_selection.take(),
                    }))
                }
                Err(ImportError::Cancelled) => Screen::Start,
                Err(ImportError::Unusable { file, problem }) => Screen::Failed { file, problem },
            };
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        if let Some(notice) = &self.notice {
            let mut dismiss = false;
            egui::Panel::bottom("notice").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(notice);
                    dismiss = ui.small_button("OK").clicked();
                });
            });
            if dismiss {
                self.notice = None;
            }
        }
        if let Screen::Map(map) = &mut self.screen {
            egui::Panel::bottom("as-of").show(ui, |ui| map.as_of.bar_ui(ui, &map.loaded));
        }
        if let Screen::Map(map) = &mut self.screen
            && (map.view == View::Graph || map.selected.is_some())
        {
            let width = if map.selected.is_some() { 380.0 } else { 260.0 };
            egui::Panel::right("side").resizable(true).default_size(width).show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| match map.selected.clone() {
                    Some(company) => {
                        if details_ui(ui, &map.loaded, &company) {
                            map.selected = None;
                        }
                    }
                    None => summary_ui(ui, &map.loaded),
                });
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
            Screen::Map(map) => {
                let before = map.selected.clone();
                let as_of = map.as_of.current();
                match map.view {
                    View::Graph => map.graph.graph_ui(ui, &map.loaded, &mut map.selected, as_of),
                    View::Table => map.table.table_ui(ui, &map.loaded, &mut map.selected, as_of),
                    View::Timeline => map.timeline.timeline_ui(ui, &map.loaded, &mut map.selected),
                }
                if map.selected != before {
                    map.table.scroll_to_selection = map.view != View::Table;
                    map.timeline.scroll_to_selection = map.view != View::Timeline;
                }
            }
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
