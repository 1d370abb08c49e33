//! The desktop app (eframe/egui). Everything here draws; everything it draws comes from the headless
//! pipeline, which runs on a background thread.

pub mod actions_view;
pub mod app;
pub mod as_of;
pub mod batch;
pub mod details;
pub mod graph_view;
pub mod job;
pub mod palette;
pub mod raster;
pub mod screenshot;
pub mod share;
pub mod share_card;
pub mod start;
pub mod status;
pub mod summary;
pub mod table_view;
pub mod timeline_view;

use crate::cli::GuiOptions;
use std::sync::atomic::Ordering;

pub const APP_ID: &str = "datamap";

pub fn run(options: GuiOptions) -> i32 {
    let screenshot_mode = options.screenshot.is_some();
    let viewport = egui::ViewportBuilder::default()
        .with_title("datamap — who had your Facebook data")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    let viewport = match share::icon_for_window() {
        Some(icon) => viewport.with_icon(icon),
        None => viewport,
    };
    let native = eframe::NativeOptions { viewport, persist_window: !screenshot_mode, ..Default::default() };
    let result = eframe::run_native(
        APP_ID,
        native,
        Box::new(move |cc| Ok(Box::new(app::DatamapApp::new(&cc.egui_ctx, options).with_storage(cc.storage)))),
    );
    match result {
        Ok(()) => screenshot::EXIT_CODE.load(Ordering::Relaxed),
        Err(e) => {
            eprintln!("datamap: could not open a window: {e}");
            crate::cli::EXIT_UNUSABLE
        }
    }
}
