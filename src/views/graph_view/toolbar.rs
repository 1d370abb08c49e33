//! Above the canvas: Find with its list of results, the category filters, and a way to group an opened
//! aggregate again.

use super::GraphView;
use super::find::{Found, MAX_LISTED, Match, find};
use crate::exposure::CompanyId;
use crate::graph::{GroupKey, groups};
use crate::pipeline::Loaded;
use crate::views::palette::category_color;
use egui::{Key, RichText, vec2};

/// What Find shows: the matches for the text, how many there are, and the one the arrow keys are on.
#[derive(Default)]
pub struct FindState {
    pub results: Vec<Match>,
    pub total: usize,
    pub pick: usize,
    /// The list is open while the person types, and closes once they choose or press Escape.
    pub open: bool,
}

impl GraphView {
    pub(super) fn toolbar_ui(&mut self, ui: &mut egui::Ui, loaded: &Loaded, selected: &mut Option<CompanyId>) {
        let mut search_rect = None;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Find");
            let search = ui
                .add(egui::TextEdit::singleline(&mut self.search).hint_text("a person or company").desired_width(200.0))
                .labelled_by(label.id);
            search_rect = Some(search.rect);
            if search.changed() {
                (self.find.results, self.find.total) = find(loaded, &self.search);
                self.find.pick = 0;
                self.find.open = !self.search.trim().is_empty();
                self.focus = None;
            }
            if search.has_focus() && self.find.open {
                let (down, up, escape) = ui.input(|i| {
                    (i.key_pressed(Key::ArrowDown), i.key_pressed(Key::ArrowUp), i.key_pressed(Key::Escape))
                });
                let last = self.find.results.len().saturating_sub(1);
                if down {
                    self.find.pick = (self.find.pick + 1).min(last);
                }
                if up {
                    self.find.pick = self.find.pick.saturating_sub(1);
                }
                if escape {
                    self.find.open = false;
                }
            }
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(Key::Enter))
                && let Some(m) = self.find.results.get(self.find.pick).cloned()
            {
                self.choose(&m, selected);
            }
            ui.separator();
            let f = &mut self.filters;
            ui.checkbox(&mut f.friends, "Friends");
            ui.checkbox(&mut f.other_people, "Other people");
            ui.checkbox(&mut f.connected_apps, "Connected apps");
            ui.checkbox(&mut f.off_meta, "Off-Meta");
            ui.checkbox(&mut f.advertisers, "Advertisers");
            ui.checkbox(&mut f.partners_only, "Only historic partners")
                .on_hover_text("Hide companies that are not named in public reporting on Facebook's data deals");
            self.regroup_ui(ui, loaded);
        });
        if let Some(rect) = search_rect
            && self.find.open
        {
            self.results_ui(ui, rect, selected);
        }
    }

    /// The list under the Find box: a count, each match with what it is, and a note when nothing matches.
    fn results_ui(&mut self, ui: &egui::Ui, below: egui::Rect, selected: &mut Option<CompanyId>) {
        let mut chosen = None;
        egui::Area::new(ui.scope_id().with("find-results"))
            .order(egui::Order::Foreground)
            .fixed_pos(below.left_bottom() + vec2(0.0, 4.0))
            .show(ui.ctx(), |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_min_width(below.width().max(260.0));
                    let q = self.search.trim();
                    if self.find.total == 0 {
                        ui.label(format!("No person or company matches \u{201c}{q}\u{201d}"));
                        return;
                    }
                    let count = match self.find.total {
                        1 => "1 match".to_owned(),
                        n if n > MAX_LISTED => {
                            format!("{} matches, the first {MAX_LISTED} listed", groups::thousands(n))
                        }
                        n => format!("{n} matches"),
                    };
                    ui.label(RichText::new(count).small().weak());
                    egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                        for (i, m) in self.find.results.iter().enumerate() {
                            let dark = ui.visuals().dark_mode;
                            let text = RichText::new(&m.name).color(category_color(m.category, dark));
                            let row = ui.horizontal(|ui| {
                                let r = ui.selectable_label(i == self.find.pick, text);
                                ui.label(RichText::new(m.category.label()).small().weak());
                                r
                            });
                            if row.inner.clicked() {
                                chosen = Some(m.clone());
                            }
                        }
                    });
                    ui.label(RichText::new("Arrow keys to move, Enter to show").small().weak());
                });
            });
        if let Some(m) = chosen {
            self.choose(&m, selected);
        }
    }

    /// Show a match: centre and ring its node (or its aggregate's), and open its details.
    fn choose(&mut self, m: &Match, selected: &mut Option<CompanyId>) {
        self.find.open = false;
        self.focus = m.node;
        if let Some(at) = m.node.and_then(|i| self.positions.get(i)) {
            self.pan = vec2(at[0], at[1]);
            self.zoom = self.zoom.max(1.2);
            self.follow = false;
        }
        match m.found {
            Found::Company(id) => *selected = Some(id),
            Found::Person(id) => self.person_request = Some(id),
        }
    }

    /// For each opened aggregate, a button to draw it as one node again.
    fn regroup_ui(&mut self, ui: &mut egui::Ui, loaded: &Loaded) {
        if loaded.open.is_empty() {
            return;
        }
        ui.separator();
        for key in loaded.open.iter().copied() {
            let what = match key {
                GroupKey::People(category, reach) => format!("{} {}", groups::noun(category), reach.phrase()),
                GroupKey::Companies(category) => groups::noun(category).to_owned(),
            };
            if ui.button(format!("Group {what} again")).clicked() {
                let mut open = loaded.open.clone();
                open.remove(&key);
                self.open_request = Some(open);
            }
        }
    }
}
