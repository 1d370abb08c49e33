//! Helpers the window tests share.

use datamap::app::window::DatamapApp;
use egui_kittest::Harness;
use std::time::{Duration, Instant};

/// Step the window until its import has finished and its map settled, then a few frames more to draw.
pub fn wait_until_idle(harness: &mut Harness<'_, DatamapApp>) {
    let started = Instant::now();
    while !harness.state().is_idle() {
        assert!(started.elapsed() < Duration::from_secs(120), "the import did not finish and settle");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run_steps(3);
}
