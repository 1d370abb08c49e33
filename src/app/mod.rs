//! The app: the window (eframe), its dialogs and background jobs, the command line, and installing datamap on
//! a desktop. This is the top floor: it may use everything below (the headless core, the views, the share
//! card), and nothing below uses it.

pub mod actions_view;
pub mod background;
pub mod cli;
pub mod desktop;
pub mod icon;
pub mod job;
pub mod recent;
pub mod screenshot;
pub mod share;
pub mod start;
pub mod window;

use crate::archive::Input;
use crate::card::View;
use std::path::PathBuf;
use std::sync::atomic::Ordering;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// How to open the window.
#[derive(Debug, Default)]
pub struct GuiOptions {
    pub inputs: Vec<Input>,
    pub screenshot: Option<PathBuf>,
    pub view: View,
    pub theme: Theme,
    /// A company to select once the map is open (for screenshots and scripted checks).
    pub select: Option<String>,
    /// Start in redact mode (people's names replaced by pseudonyms).
    pub redact: bool,
}

pub const APP_ID: &str = "datamap";

pub fn run(options: GuiOptions) -> i32 {
    let screenshot_mode = options.screenshot.is_some();
    let viewport = egui::ViewportBuilder::default()
        .with_title("datamap — who had your Facebook data")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    let viewport = match icon::window_icon().map(std::sync::Arc::new) {
        Some(icon) => viewport.with_icon(icon),
        None => viewport,
    };
    let native = eframe::NativeOptions { viewport, persist_window: !screenshot_mode, ..Default::default() };
    let result = eframe::run_native(
        APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(window::DatamapApp::new(&cc.egui_ctx, options).with_storage(cc.storage)))),
    );
    match result {
        Ok(()) => screenshot::EXIT_CODE.load(Ordering::Relaxed),
        Err(e) => {
            eprintln!("datamap: could not open a window: {e}");
            cli::EXIT_UNUSABLE
        }
    }
}
