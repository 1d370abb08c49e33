//! The selected company's reach: lines from it to the people whose data its statements name. A few are
//! drawn one by one (an aggregate of people gets one line for all of its members there); hundreds become
//! one bundle to their centre, labelled with the count, which a click opens.

use super::describe::company_of;
use super::{GraphView, MAX_REACH_LINES};
use crate::model::PersonId;
use crate::pipeline::Loaded;
use crate::views::batch::MeshBatch;
use egui::{Align2, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2, vec2};
use petgraph::graph::NodeIndex;

impl GraphView {
    /// Returns the bundle label's rectangle, so a click on it can open it instead of changing selection.
    pub(super) fn reach_ui(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        loaded: &Loaded,
        selected_node: Option<NodeIndex>,
        screen: &[Pos2],
        is_shown: &dyn Fn(usize) -> bool,
    ) -> Option<Rect> {
        let company_node = selected_node?;
        let g = &loaded.graph.graph;
        let company = company_of(&g[company_node])?;
        let row = loaded.row(company)?;
        let mut reached: Vec<PersonId> = row
            .statements
            .iter()
            .filter_map(|&i| loaded.statements.get(i))
            .flat_map(|s| s.people.iter().copied())
            .collect();
        reached.sort();
        reached.dedup();
        if reached.is_empty() {
            return None;
        }
        let mut targets: Vec<usize> = reached
            .iter()
            .filter_map(|p| loaded.graph.person_node.get(p.index()).copied().flatten())
            .map(|n| n.index())
            .filter(|i| is_shown(*i))
            .collect();
        targets.sort();
        targets.dedup();
        let from = *screen.get(company_node.index())?;
        let color = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
        let expanded = self.bundle_open == Some(company);
        if targets.len() <= MAX_REACH_LINES || expanded {
            let mut lines = MeshBatch::with_capacity(targets.len() * 4);
            for i in &targets {
                if let Some(&to) = screen.get(*i) {
                    lines.segment(from, to, 1.0, color);
                }
            }
            painter.add(Shape::mesh(lines.mesh));
            if !expanded {
                return None;
            }
        }
        let centre = targets.iter().filter_map(|i| screen.get(*i)).fold(Vec2::ZERO, |acc, p| acc + p.to_vec2())
            / targets.len().max(1) as f32;
        let centre = centre.to_pos2();
        if !expanded {
            painter.line_segment([from, centre], Stroke::new(6.0, color));
        }
        // The count is of people, as in the table; two friends who share a name are two people.
        let text = if expanded {
            format!("{} people (click to bundle)", reached.len())
        } else {
            format!("{} people affected (click to show)", reached.len())
        };
        let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(12.0), ui.visuals().strong_text_color());
        let rect = Align2::CENTER_CENTER.anchor_size(centre, galley.size()).expand(4.0);
        // Hover-only, so the click still reaches the canvas, which opens or bundles; the widget is for
        // screen readers and tests.
        ui.interact(rect, ui.scope_id().with("reach-bundle"), Sense::hover())
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &text));
        painter.rect_filled(rect, 8.0, ui.visuals().selection.bg_fill);
        painter.galley(rect.min + vec2(4.0, 4.0), galley, ui.visuals().strong_text_color());
        Some(rect)
    }
}
