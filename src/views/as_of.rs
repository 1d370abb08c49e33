//! The "as of" control: a date slider, with a play button that steps through the years, that makes the
//! graph, the table and the timeline show only what was true at that date.

use super::timeline_view::{unix_of, year_of};
use crate::model::{Unix, format_date};
use crate::pipeline::Loaded;
use crate::timeline::{AsOf, as_of};
use std::time::Duration;

const STEP_EVERY: Duration = Duration::from_millis(900);

#[derive(Default)]
pub struct AsOfControl {
    /// The chosen date, in fractional years; `None` shows everything.
    year: Option<f64>,
    playing: bool,
    last_step: f64,
    cache: Option<AsOf>,
}

impl AsOfControl {
    /// The filter in force, if any.
    pub fn current(&self) -> Option<&AsOf> {
        self.year.and(self.cache.as_ref())
    }

    pub fn set(&mut self, loaded: &Loaded, at: Option<Unix>) {
        self.year = at.map(year_of);
        self.refresh(loaded);
    }

    fn refresh(&mut self, loaded: &Loaded) {
        self.cache = self.year.map(|y| as_of(&loaded.map, &loaded.timelines, unix_of(y)));
    }

    fn range(loaded: &Loaded) -> (f64, f64) {
        let first = loaded
            .map
            .registered
            .into_iter()
            .chain(loaded.map.people.iter().filter_map(|p| p.friend_since))
            .min()
            .map(year_of)
            .unwrap_or(2004.0)
            .floor();
        let last = loaded.map.export_time().map(year_of).unwrap_or(2026.0);
        (first, last.max(first + 1.0))
    }

    pub fn bar_ui(&mut self, ui: &mut egui::Ui, loaded: &Loaded) {
        let (first, last) = Self::range(loaded);
        ui.horizontal(|ui| {
            let mut on = self.year.is_some();
            if ui
                .checkbox(&mut on, "As of")
                .on_hover_text(
                    "Show only what was true at one date: the friends you had, and the companies with access",
                )
                .changed()
            {
                self.year = on.then_some(last);
                self.playing = false;
                self.refresh(loaded);
            }
            let mut year = self.year.unwrap_or(last);
            let slider = egui::Slider::new(&mut year, first..=last).show_value(false).step_by(1.0 / 12.0);
            // A disabled slider still snaps its value to the step; only a person's change counts.
            let changed = ui.add_enabled(self.year.is_some(), slider).changed() && self.year.is_some();
            if self.year.is_some() {
                ui.label(egui::RichText::new(format_date(unix_of(year))).monospace());
            }
            let label = if self.playing { "Pause" } else { "Play" };
            if ui
                .button(label)
                .on_hover_text("Step through the years, from your first friend to the export date")
                .clicked()
            {
                self.playing = !self.playing;
                if self.playing {
                    year = if self.year.is_none_or(|y| y >= last) { first } else { year };
                    self.year = Some(year);
                    self.last_step = ui.input(|i| i.time);
                    self.refresh(loaded);
                }
            }
            if changed {
                self.year = Some(year);
                self.playing = false;
                self.refresh(loaded);
            }
            if let Some(filter) = self.current() {
                let people = filter.people.iter().filter(|p| **p).count();
                ui.label(format!("{people} people, {} companies with access", filter.companies.len()));
            }
        });
        if self.playing {
            let now = ui.input(|i| i.time);
            if now - self.last_step >= STEP_EVERY.as_secs_f64() {
                self.last_step = now;
                let next = self.year.unwrap_or(first).floor() + 1.0;
                if next > last {
                    self.year = Some(last);
                    self.playing = false;
                } else {
                    self.year = Some(next);
                }
                self.refresh(loaded);
            }
            ui.ctx().request_repaint_after(STEP_EVERY);
        }
    }
}
