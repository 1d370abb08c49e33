//! The app's screens and how a person moves between them: start → importing → map, with an error card that
//! leads back to the start. Every way in (command line, File → Open, drag-and-drop, the demo button) ends
//! in [`DatamapApp::open`].

use super::background::Task;
use super::job::ImportJob;
use super::recent::{self, RecentFiles};
use super::screenshot::Screenshot;
use super::share::ShareState;
use super::start::{StartAction, files_hovering, start_screen_ui};
use super::{GuiOptions, Theme};
use crate::archive::Input;
use crate::card::View;
use crate::exposure::CompanyId;
use crate::import::ImportError;
use crate::pipeline::Loaded;
use crate::views::as_of::AsOfControl;
use crate::views::details::details_ui;
use crate::views::graph_view::GraphView;
use crate::views::person::{PersonAction, person_ui};
use crate::views::status::{error_ui, progress_ui};
use crate::views::summary::summary_ui;
use crate::views::table_view::TableView;
use crate::views::timeline_view::TimelineView;
use std::path::PathBuf;

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
    /// The company whose details are open, everywhere at once (map, table, timeline).
    pub selected: Option<CompanyId>,
    /// The real data while `loaded` holds the redacted copy (redact mode).
    pub unredacted: Option<Box<Loaded>>,
    /// "What you can do" and the request letter, for the selected company; never stored.
    pub actions: super::actions_view::ActionsState,
    /// The person whose details are open instead of a company's.
    pub person: Option<crate::model::PersonId>,
}

impl MapScreen {
    pub fn new(loaded: Loaded, view: View, selected: Option<CompanyId>) -> MapScreen {
        MapScreen {
            graph: GraphView::new(&loaded),
            loaded,
            table: TableView::default(),
            timeline: TimelineView::default(),
            as_of: AsOfControl::default(),
            view,
            selected,
            unredacted: None,
            actions: Default::default(),
            person: None,
        }
    }

    /// Take up what the map asked for in the last frame: an aggregate opened or closed (both copies are
    /// rebuilt alike, so the redacted one keeps the same shape), a settled layout (kept, so pictures and
    /// redaction use it), a person chosen.
    pub fn sync(&mut self, ctx: &egui::Context) {
        if let Some(open) = self.graph.open_request.take() {
            if let Some(real) = self.unredacted.as_mut() {
                real.set_open(open.clone());
            }
            self.loaded.set_open(open);
            self.graph.regraph(&self.loaded);
        }
        self.graph.keep_settling(&self.loaded, ctx);
        if let Some(positions) = self.graph.take_settled() {
            for loaded in std::iter::once(&mut self.loaded).chain(self.unredacted.as_deref_mut()) {
                if loaded.positions.len() == positions.len() {
                    loaded.positions.clone_from(&positions);
                    loaded.settled = true;
                }
            }
        }
        if let Some(person) = self.graph.person_request.take() {
            self.person = Some(person);
            self.selected = None;
        }
    }

    /// The data for a picture: the real data with the map where it stands now, settled or not.
    pub fn for_picture(&self) -> Loaded {
        let mut loaded = self.real().clone();
        if loaded.positions.len() == self.graph.positions().len() {
            loaded.positions = self.graph.positions().to_vec();
        }
        loaded.settled = true;
        loaded
    }

    /// Switch the screen between the real data and a redacted copy. The real data is kept aside, never
    /// changed, so switching back is instant and exact; views keep their state (pan, zoom, selection)
    /// because the graph's shape, positions and company names are the same in both.
    pub fn set_redacted(&mut self, on: bool) {
        match (on, self.unredacted.is_some()) {
            (true, false) => {
                let redacted = self.loaded.redacted();
                self.unredacted = Some(Box::new(std::mem::replace(&mut self.loaded, redacted)));
            }
            (false, true) => {
                if let Some(real) = self.unredacted.take() {
                    self.loaded = *real;
                }
            }
            _ => {}
        }
    }

    /// The data as imported, whatever the screen shows.
    pub fn real(&self) -> &Loaded {
        self.unredacted.as_deref().unwrap_or(&self.loaded)
    }
}

/// Storage key for the redact toggle.
const REDACT_KEY: &str = "datamap.redact";

pub struct DatamapApp {
    pub screen: Screen,
    /// Whether the start screen's drop zone was drawn lit (files hovering) in the last frame.
    pub drop_zone_lit: bool,
    picker: Option<Task<Vec<PathBuf>>>,
    saver: Option<Task<Option<Result<PathBuf, String>>>>,
    /// A short message about the last export to a file.
    pub notice: Option<String>,
    screenshot: Option<Screenshot>,
    initial_view: View,
    initial_selection: Option<String>,
    /// Redact mode: people's names are pseudonyms on screen and in every image and export.
    pub redact: bool,
    /// Recently opened exports, as paths only.
    pub recent: RecentFiles,
    share: ShareState,
}

impl DatamapApp {
    pub fn new(ctx: &egui::Context, options: GuiOptions) -> DatamapApp {
        match options.theme {
            Theme::Light => ctx.set_theme(egui::ThemePreference::Light),
            Theme::Dark => ctx.set_theme(egui::ThemePreference::Dark),
            Theme::System => {}
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
            redact: options.redact,
            recent: RecentFiles::default(),
            share: ShareState::default(),
        };
        if !options.inputs.is_empty() {
            app.open(ctx, options.inputs);
        }
        app
    }

    /// Restore the redact toggle and recent files from the last run (not in a scripted screenshot, whose
    /// picture must not depend on what the person did before).
    pub fn with_storage(mut self, storage: Option<&dyn eframe::Storage>) -> DatamapApp {
        if let (Some(storage), None) = (storage, &self.screenshot) {
            self.redact |= eframe::get_value(storage, REDACT_KEY).unwrap_or(false);
            // Exports opened from the command line (before storage was read) stay newest.
            let opened_now =
                std::mem::replace(&mut self.recent, eframe::get_value(storage, recent::KEY).unwrap_or_default());
            for entry in opened_now.entries.into_iter().rev() {
                self.recent.push(entry);
            }
        }
        self
    }

    /// Turn redact mode on or off for the screen and for every image saved from now on.
    pub fn set_redact(&mut self, on: bool) {
        self.redact = on;
        if let Screen::Map(map) = &mut self.screen {
            map.set_redacted(on);
        }
    }

    /// Start importing; an import already running is cancelled when its job is dropped here.
    pub fn open(&mut self, ctx: &egui::Context, inputs: Vec<Input>) {
        let paths: Vec<PathBuf> = inputs
            .iter()
            .filter_map(|i| match i {
                Input::Path(p) => Some(std::path::absolute(p).unwrap_or_else(|_| p.clone())),
                Input::Memory { .. } => None,
            })
            .collect();
        if paths.len() == inputs.len() {
            self.recent.push(paths);
        }
        self.screen = Screen::Importing(ImportJob::start(inputs, ctx.clone()));
    }

    pub fn is_busy(&self) -> bool {
        matches!(self.screen, Screen::Importing(_))
    }

    /// Nothing is still being worked out: no import runs and the map (if any) has settled.
    pub fn is_idle(&self) -> bool {
        match &self.screen {
            Screen::Importing(_) => false,
            Screen::Map(map) => map.loaded.settled,
            _ => true,
        }
    }

    /// The file dialog runs on its own thread, so the window keeps drawing while it is open.
    fn pick_files(&mut self, ctx: &egui::Context) {
        if self.picker.is_some() {
            return;
        }
        self.picker = Task::spawn(ctx, "file-dialog", || {
            rfd::FileDialog::new()
                .set_title("Open your Facebook export")
                .add_filter("Facebook export", &["zip", "json"])
                .pick_files()
                .unwrap_or_default()
        })
        .ok();
    }

    /// The CSV is written on its own thread, behind a save dialog, so the window keeps drawing.
    fn export_table(&mut self, ctx: &egui::Context) {
        let Screen::Map(map) = &self.screen else { return };
        if self.saver.is_some() {
            return;
        }
        let csv = crate::exposure::to_csv(&map.loaded.rows, &map.loaded.statements);
        self.saver = Task::spawn(ctx, "export-table", move || {
            let path = rfd::FileDialog::new()
                .set_title("Export the table")
                .set_file_name("who-had-access.csv")
                .add_filter("CSV", &["csv"])
                .save_file()?;
            Some(std::fs::write(&path, csv).map(|()| path).map_err(|e| e.to_string()))
        })
        .ok();
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
        if let Some(done) = self.picker.as_ref().and_then(Task::poll) {
            self.picker = None;
            let paths = done.unwrap_or_default();
            if !paths.is_empty() {
                self.open(ctx, paths.into_iter().map(Input::Path).collect());
            }
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::O)) {
            self.pick_files(ctx);
        }
        if let Screen::Map(map) = &self.screen
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S))
        {
            self.share.open_dialog(map.view, self.redact);
        }
        if let Some(notice) = self.share.poll(ctx) {
            self.notice = Some(notice);
        }
        if let Some(done) = self.saver.as_ref().and_then(Task::poll) {
            self.saver = None;
            self.notice = match done {
                Ok(Some(Ok(path))) => Some(format!("Saved {}", path.display())),
                Ok(Some(Err(e))) => Some(format!("Could not save the table: {e}")),
                Ok(None) => None,
                Err(_) => Some("Could not save the table: the save dialog failed".into()),
            };
        }
        if let Screen::Map(map) = &mut self.screen
            && !ctx.egui_wants_keyboard_input()
        {
            ctx.input(|i| {
                if i.key_pressed(egui::Key::Escape) {
                    map.selected = None;
                    map.person = None;
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
                if ui.add_enabled(has_map, egui::Button::new("Save image…").shortcut_text("Ctrl+S")).clicked()
                    && let Screen::Map(map) = &self.screen
                {
                    self.share.open_dialog(map.view, self.redact);
                }
                let mut reopen = None;
                ui.menu_button("Recent", |ui| {
                    if self.recent.entries.is_empty() {
                        ui.label("No recent exports");
                    }
                    for entry in &self.recent.entries {
                        let tip = entry.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join("\n");
                        if ui.button(RecentFiles::label(entry)).on_hover_text(tip).clicked() {
                            reopen = Some(entry.clone());
                        }
                    }
                    ui.separator();
                    if ui.add_enabled(!self.recent.entries.is_empty(), egui::Button::new("Clear recent files")).clicked()
                    {
                        self.recent.clear();
                    }
                });
                if let Some(paths) = reopen {
                    self.open(&ctx, paths.into_iter().map(Input::Path).collect());
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
                ui.separator();
                let mut redact = self.redact;
                if ui
                    .checkbox(&mut redact, "Redact names")
                    .on_hover_text("Show friends as \"Friend 1\", others as \"Person 1\", and hide your name, on screen and in saved images")
                    .changed()
                {
                    self.set_redact(redact);
                }
                let busy = self.share.busy();
                if let Screen::Map(map) = &mut self.screen {
                    if ui
                        .add_enabled(!busy, egui::Button::new("Save image…"))
                        .on_hover_text("Save this view as a picture to share, with a title, legend and counts (Ctrl+S)")
                        .clicked()
                    {
                        self.share.open_dialog(map.view, self.redact);
                    }
                    if ui
                        .add_enabled(!busy, egui::Button::new("Copy image"))
                        .on_hover_text("Copy this view as a picture, ready to paste")
                        .clicked()
                    {
                        self.share.copy(&ctx, &map.for_picture(), map.view, self.redact);
                    }
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

    /// Only settings and file paths are stored, never anything read from an export.
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.screenshot.is_none() {
            eframe::set_value(storage, REDACT_KEY, &self.redact);
            eframe::set_value(storage, recent::KEY, &self.recent);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.handle_input(&ctx);
        self.poll_import();
        if let Screen::Map(map) = &mut self.screen {
            map.sync(&ctx);
        }
        if let Some(choices) = self.share.dialog_ui(&ctx)
            && let Screen::Map(map) = &self.screen
        {
            self.share.save(&ctx, &map.for_picture(), choices);
        }
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui));
        self.notice_ui(ui);
        if let Screen::Map(map) = &mut self.screen {
            egui::Panel::bottom("as-of").show(ui, |ui| map.as_of.bar_ui(ui, &map.loaded));
            side_panel_ui(ui, map, self.redact);
        }
        self.drop_zone_lit = matches!(self.screen, Screen::Start) && files_hovering(&ctx);
        let mut next = None;
        egui::CentralPanel::default().show(ui, |ui| next = self.central_ui(ui));
        match next {
            Some(None) => self.pick_files(&ctx),
            Some(Some(inputs)) if inputs.is_empty() => self.screen = Screen::Start,
            Some(Some(inputs)) => self.open(&ctx, inputs),
            None => {}
        }
        let (ready, failed) = (self.is_idle(), matches!(self.screen, Screen::Failed { .. }));
        if let Some(shot) = &mut self.screenshot {
            shot.step(&ctx, ready, failed);
        }
    }
}

impl DatamapApp {
    /// When the import finishes: the map, the start screen after a cancel, or the error card.
    fn poll_import(&mut self) {
        let Screen::Importing(job) = &mut self.screen else { return };
        let Some(result) = job.poll() else { return };
        self.screen = match result {
            Ok(loaded) => {
                let selected = self
                    .initial_selection
                    .take()
                    .and_then(|name| loaded.companies.find(&name, crate::catalog::builtin()));
                Screen::Map(Box::new(MapScreen::new(*loaded, self.initial_view, selected)))
            }
            Err(ImportError::Cancelled) => Screen::Start,
            Err(ImportError::Unusable { file, problem }) => Screen::Failed { file, problem },
        };
        let redact = self.redact;
        self.set_redact(redact);
    }

    fn notice_ui(&mut self, ui: &mut egui::Ui) {
        let Some(notice) = &self.notice else { return };
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

    /// The screen itself. Returns what to open next: `Some(None)` for the file dialog, `Some(inputs)` for
    /// these files, an empty list for the start screen.
    fn central_ui(&mut self, ui: &mut egui::Ui) -> Option<Option<Vec<Input>>> {
        match &mut self.screen {
            Screen::Start => match start_screen_ui(ui) {
                Some(StartAction::Open) => return Some(None),
                Some(StartAction::Demo) => return Some(Some(vec![crate::demo::demo_input()])),
                None => {}
            },
            Screen::Importing(job) => {
                if progress_ui(ui, &job.label, &job.progress, job.is_cancelling()) {
                    job.cancel();
                }
            }
            Screen::Failed { file, problem } => {
                if error_ui(ui, file, problem) {
                    return Some(Some(Vec::new()));
                }
            }
            Screen::Map(map) => {
                let before = map.selected;
                let as_of = map.as_of.current();
                match map.view {
                    View::Graph => map.graph.graph_ui(ui, &map.loaded, &mut map.selected, as_of),
                    View::Table => map.table.table_ui(ui, &map.loaded, &mut map.selected, as_of),
                    View::Timeline => map.timeline.timeline_ui(ui, &map.loaded, &mut map.selected),
                }
                if map.selected != before {
                    map.table.scroll_to_selection = map.view != View::Table;
                    map.timeline.scroll_to_selection = map.view != View::Timeline;
                    if map.selected.is_some() {
                        map.person = None;
                    }
                }
            }
        }
        None
    }
}

/// Beside the map: the summary, or the details of the selected company or person.
fn side_panel_ui(ui: &mut egui::Ui, map: &mut MapScreen, redact: bool) {
    let open = map.selected.is_some() || map.person.is_some();
    if map.view != View::Graph && !open {
        return;
    }
    let width = if open { 380.0 } else { 260.0 };
    egui::Panel::right("side").resizable(true).default_size(width).show(ui, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| match (map.selected, map.person) {
            (Some(company), _) => {
                let name = map.loaded.companies.name(company).to_owned();
                let (loaded, actions) = (&map.loaded, &mut map.actions);
                let closed = details_ui(ui, loaded, company, |ui| {
                    super::actions_view::actions_ui(ui, actions, loaded, &name, redact)
                });
                if closed {
                    map.selected = None;
                }
            }
            (None, Some(person)) => match person_ui(ui, &map.loaded, person) {
                Some(PersonAction::Close) => map.person = None,
                Some(PersonAction::Company(id)) => {
                    map.selected = Some(id);
                    map.person = None;
                }
                None => {}
            },
            (None, None) => summary_ui(ui, &map.loaded),
        });
    });
}
