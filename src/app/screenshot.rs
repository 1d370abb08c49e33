//! `--screenshot OUT.png`: wait until the import has finished and the map has been drawn a few times, save
//! the window as a PNG, and close. Docs, tests and scripts use it to see what a person sees.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

/// Frames to draw after the map is ready, so fonts, panels and the fitted view have settled.
const SETTLE_FRAMES: u32 = 4;
const GIVE_UP_AFTER: Duration = Duration::from_secs(180);

/// The process exit code the screenshot run decided on; read by `ui::run` once the window has closed.
pub static EXIT_CODE: AtomicI32 = AtomicI32::new(0);

pub struct Screenshot {
    out: PathBuf,
    ready_frames: u32,
    requested: bool,
    started: Instant,
}

impl Screenshot {
    pub fn new(out: PathBuf) -> Screenshot {
        Screenshot { out, ready_frames: 0, requested: false, started: Instant::now() }
    }

    pub fn step(&mut self, ctx: &egui::Context, ready: bool, failed: bool) {
        if self.requested {
            return;
        }
        if self.started.elapsed() > GIVE_UP_AFTER {
            eprintln!("datamap: {}: gave up waiting for the map to be ready", self.out.display());
            EXIT_CODE.store(crate::app::cli::EXIT_UNUSABLE, Ordering::Relaxed);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if !ready {
            return;
        }
        self.ready_frames += 1;
        if self.ready_frames < SETTLE_FRAMES {
            return;
        }
        self.requested = true;
        let out = self.out.clone();
        let close = ctx.clone();
        let code = if failed { crate::app::cli::EXIT_UNUSABLE } else { crate::app::cli::EXIT_OK };
        ctx.request_screenshot(move |image: Arc<egui::ColorImage>| {
            let result = save_png(&out, &image);
            let final_code = match result {
                Ok(()) => code,
                Err(e) => {
                    eprintln!("datamap: {}: {e}", out.display());
                    crate::app::cli::EXIT_UNUSABLE
                }
            };
            EXIT_CODE.store(final_code, Ordering::Relaxed);
            close.send_viewport_cmd(egui::ViewportCommand::Close);
            close.request_repaint();
        });
    }
}

pub fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, bytes).ok_or("the screenshot had no pixels")?;
    buffer.save_with_format(path, image::ImageFormat::Png).map_err(|e| e.to_string())
}
