//! One frame of the map: take up what the layout published, handle the pointer and keys, then paint
//! edges, nodes and labels in that order. Split by step so each reads on its own; the canvas is also what
//! the share card draws.

use super::describe::{company_of, describe};
use super::{GraphView, LABEL_ALL_ZOOM, MAX_ACCESSIBLE_NODES};
use crate::exposure::CompanyId;
use crate::graph::{EdgeKind, Members, NodeKind};
use crate::pipeline::Loaded;
use crate::timeline::AsOf;
use crate::views::palette::{category_color, edge_color};
use egui::{Align2, Color32, FontId, Pos2, Rect, Response, Sense, Shape, Stroke, Vec2, vec2};
use petgraph::graph::NodeIndex;

/// What a frame knows about the nodes once positions are fixed for it.
struct Frame {
    canvas: Rect,
    /// Node sizes grow slowly with zoom, so a zoomed-out map stays a map, not a cloud of pixels.
    scale: f32,
    screen: Vec<Pos2>,
    shown: Vec<bool>,
    selected_node: Option<NodeIndex>,
    /// The selected node and its neighbours; everything else is dimmed while something is selected.
    lit: Vec<bool>,
}

impl Frame {
    fn is_shown(&self, i: usize) -> bool {
        self.shown.get(i).copied().unwrap_or(false)
    }

    fn is_lit(&self, i: usize) -> bool {
        self.selected_node.is_none() || self.lit.get(i).copied().unwrap_or(false)
    }
}

impl GraphView {
    /// The canvas alone, without the search and filters: the share card draws this too.
    pub fn canvas_ui(
        &mut self,
        ui: &mut egui::Ui,
        loaded: &Loaded,
        selected: &mut Option<CompanyId>,
        as_of: Option<&AsOf>,
    ) {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Canvas, true, "Graph view"));
        let canvas = response.rect;
        self.take_published(loaded, ui.ctx());
        if self.needs_fit || (self.follow && self.settling) {
            self.fit(canvas);
        }
        let scale = self.zoom.sqrt().clamp(0.6, 2.5);
        self.input_ui(ui, &response, loaded, canvas, scale);

        let frame = self.frame(loaded, canvas, scale, *selected, as_of);
        self.edges(ui, &painter, loaded, &frame);
        let pill = self.reach_ui(ui, &painter, loaded, frame.selected_node, &frame.screen, &|i| frame.is_shown(i));
        let hovered = self.nodes_ui(ui, &painter, &response, loaded, &frame);
        self.labels(ui, &painter, loaded, &frame, hovered);
        self.settling_note(ui, &painter, canvas);

        let on_pill = pill.is_some_and(|p| ui.input(|i| i.pointer.interact_pos()).is_some_and(|at| p.contains(at)));
        let g = &loaded.graph.graph;
        if response.clicked() && on_pill {
            let company = *selected;
            self.bundle_open = if self.bundle_open == company { None } else { company };
        } else if response.clicked() {
            let node = hovered.map(NodeIndex::new);
            match node.map(|n| (g[n].kind, loaded.graph.group(n))) {
                Some((_, Some(group))) => self.request_open(loaded, group.key),
                Some((NodeKind::Person(id), _)) => self.person_request = Some(id),
                _ => *selected = node.and_then(|n| company_of(&g[n])),
            }
        }
        if let Some(i) = hovered {
            let text = describe(loaded, i);
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(text);
            });
        }
    }

    /// Take up whatever the layout published since the last frame.
    fn take_published(&mut self, loaded: &Loaded, ctx: &egui::Context) {
        self.keep_settling(loaded, ctx);
        if let Some(worker) = &self.worker
            && worker.version() != self.seen_version
        {
            self.seen_version = worker.version();
            let published = worker.positions();
            if published.len() == self.positions.len() {
                self.positions.clone_from(&published);
            }
        }
    }

    /// Pointer and keys: drag a node to pin it, drag the canvas to pan, wheel or pinch to zoom, double-click
    /// a pinned node to release it, `F` to fit. Any of them hands the camera to the person.
    fn input_ui(&mut self, ui: &egui::Ui, response: &Response, loaded: &Loaded, canvas: Rect, scale: f32) {
        let node_under = |view: &Self, at: Option<Pos2>| {
            let screen: Vec<Pos2> = view.positions.iter().map(|p| view.to_screen(canvas, *p)).collect();
            at.and_then(|at| view.node_at(&screen, at, scale))
        };
        if response.drag_started() {
            self.dragging = node_under(self, ui.input(|i| i.pointer.press_origin()));
            self.follow = false;
        }
        match self.dragging {
            // Dragging a node pins it where it is dropped; the rest of the map makes room.
            Some(i) if response.dragged() => {
                if let Some(p) = ui.input(|i| i.pointer.interact_pos()) {
                    let world = self.pan + (p - canvas.center()) / self.zoom;
                    let at = [world.x, world.y];
                    if let (Some(pos), Some(pin)) = (self.positions.get_mut(i), self.pinned.get_mut(i)) {
                        *pos = at;
                        *pin = true;
                    }
                    self.worker(loaded, ui.ctx()).pin(i, at);
                }
            }
            _ if response.dragged() => self.pan -= response.drag_delta() / self.zoom,
            _ => {}
        }
        if response.drag_stopped() {
            self.dragging = None;
        }
        if response.double_clicked()
            && let Some(i) = node_under(self, ui.input(|i| i.pointer.interact_pos()))
            && self.is_pinned(i)
        {
            if let Some(pin) = self.pinned.get_mut(i) {
                *pin = false;
            }
            let worker = self.worker(loaded, ui.ctx());
            worker.unpin(i);
            worker.reheat(0.3);
        }
        if response.hovered() {
            let (scroll, pinch, pointer) =
                ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta(), i.pointer.hover_pos()));
            let factor = pinch * (scroll / 400.0).exp();
            if (factor - 1.0).abs() > 1e-4
                && let Some(at) = pointer
            {
                let before = self.pan + (at - canvas.center()) / self.zoom;
                self.zoom = (self.zoom * factor).clamp(0.05, 20.0);
                self.pan = before - (at - canvas.center()) / self.zoom;
                self.follow = false;
            }
        }
        if ui.input(|i| i.key_pressed(egui::Key::F) && !i.modifiers.any()) && !ui.ctx().egui_wants_keyboard_input() {
            self.fit(canvas);
        }
    }

    fn frame(
        &self,
        loaded: &Loaded,
        canvas: Rect,
        scale: f32,
        selected: Option<CompanyId>,
        as_of: Option<&AsOf>,
    ) -> Frame {
        let g = &loaded.graph.graph;
        let selected_node = selected.and_then(|id| loaded.graph.company_node.get(id.index()).copied().flatten());
        let mut lit = vec![false; g.node_count()];
        if let Some(s) = selected_node {
            for n in g.neighbors(s).chain([s]) {
                if let Some(flag) = lit.get_mut(n.index()) {
                    *flag = true;
                }
            }
        }
        let shown = g.node_indices().map(|n| self.filters.shows(&g[n]) && present(loaded, n, as_of)).collect();
        let screen = self.positions.iter().map(|p| self.to_screen(canvas, *p)).collect();
        Frame { canvas, scale, screen, shown, selected_node, lit }
    }

    fn edges(&mut self, ui: &egui::Ui, painter: &egui::Painter, loaded: &Loaded, frame: &Frame) {
        let dark = ui.visuals().dark_mode;
        let g = &loaded.graph.graph;
        let visible = frame.canvas.expand(20.0);
        let mut edges = self.edge_mesh.start(g.edge_count() * 4);
        for e in g.edge_indices() {
            let Some((a, b)) = g.edge_endpoints(e) else { continue };
            if !frame.is_shown(a.index()) || !frame.is_shown(b.index()) {
                continue;
            }
            let (Some(&pa), Some(&pb)) = (frame.screen.get(a.index()), frame.screen.get(b.index())) else { continue };
            if !visible.intersects(Rect::from_two_pos(pa, pb)) {
                continue;
            }
            let (width, color) = match g[e] {
                EdgeKind::Membership if a == loaded.graph.owner || b == loaded.graph.owner => (2.0, edge_color(dark)),
                EdgeKind::AlsoVia => (1.0, edge_color(dark).gamma_multiply(0.5)),
                EdgeKind::SharedThread => (0.8, edge_color(dark)),
                EdgeKind::Membership => (1.0, edge_color(dark)),
                // As wide as the share of the aggregate it stands for, in the aggregate's colour.
                EdgeKind::Reach(n) => {
                    let group = if matches!(g[a].kind, NodeKind::Group(_)) { a } else { b };
                    let width = 0.6 + 3.0 * (n as f32 / g[group].people.max(1) as f32).sqrt();
                    (width, category_color(g[group].category, dark).gamma_multiply(0.16))
                }
            };
            let touches_selection = frame.selected_node.is_some_and(|s| s == a || s == b);
            let (width, color) = match (frame.selected_node, touches_selection) {
                (Some(_), true) => (width + 1.0, ui.visuals().strong_text_color().gamma_multiply(0.7)),
                (Some(_), false) => (width, color.gamma_multiply(0.35)),
                _ => (width, color),
            };
            edges.segment(pa, pb, width, color);
        }
        painter.add(self.edge_mesh.finish(edges));
    }

    /// The nodes, their rings, and an accessible widget for each labelled one. Returns the hovered node.
    fn nodes_ui(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        response: &Response,
        loaded: &Loaded,
        frame: &Frame,
    ) -> Option<usize> {
        let dark = ui.visuals().dark_mode;
        let g = &loaded.graph.graph;
        let visible = frame.canvas.expand(20.0);
        let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|p| frame.canvas.contains(*p));
        let mut hovered: Option<(usize, f32)> = None;
        let mut nodes = self.node_mesh.start(g.node_count() * 20);
        let mut rings = Vec::new();
        // Every node is an accessible widget in maps small enough for that to help; in big ones only the
        // labelled ones are, since a screen reader gains nothing from 10,000 unlabelled dots.
        let all_accessible = g.node_count() <= MAX_ACCESSIBLE_NODES;
        let mut labelled = vec![all_accessible; g.node_count()];
        for &i in &self.label_priority {
            if let Some(flag) = labelled.get_mut(i) {
                *flag = true;
            }
        }
        for n in g.node_indices() {
            let i = n.index();
            let (Some(&at), Some(&r)) = (frame.screen.get(i), self.radius.get(i)) else { continue };
            let r = r * frame.scale;
            if !visible.contains(at) || !frame.is_shown(i) {
                continue;
            }
            let node = &g[n];
            let dim = if frame.is_lit(i) { 1.0 } else { 0.25 };
            let color = category_color(node.category, dark).gamma_multiply(dim);
            let outline = if dark { Color32::from_gray(20) } else { Color32::WHITE };
            if let NodeKind::Group(_) = node.kind {
                // An aggregate: a soft disc with a dashed-looking double outline, so it never reads as one
                // very large friend or company.
                nodes.disc(at, r, color.gamma_multiply(0.55), 1.0, outline);
                rings.push(Shape::circle_stroke(at, r, Stroke::new(2.0, color)));
                rings.push(Shape::circle_stroke(at, r + 3.5, Stroke::new(1.0, color.gamma_multiply(0.7))));
            } else {
                nodes.disc(at, r, color, 1.0, outline);
            }
            if node.partner {
                // Historic data partners carry a ring, so they stand out in every category.
                let ring = Stroke::new(1.8, ui.visuals().strong_text_color().gamma_multiply(dim));
                rings.push(Shape::circle_stroke(at, r + 2.5, ring));
            }
            if self.is_pinned(i) {
                // A pinned node wears a small dot, so the person can see what they fixed in place.
                rings.push(Shape::circle_filled(at + vec2(r * 0.8, -r * 0.8), 2.5, ui.visuals().strong_text_color()));
            }
            if frame.selected_node.is_some_and(|s| s.index() == i) || self.focus == Some(i) {
                rings.push(Shape::circle_stroke(at, r + 6.0, Stroke::new(2.5, ui.visuals().selection.bg_fill)));
            }
            if let Some(p) = pointer {
                let d = p.distance(at);
                if d <= r + 4.0 && hovered.is_none_or(|(_, best)| d < best) {
                    hovered = Some((i, d));
                }
            }
            if labelled.get(i).copied().unwrap_or(false) {
                let id = response.id.with(("node", i));
                let node_response = ui.interact(Rect::from_center_size(at, Vec2::splat(2.0 * r)), id, Sense::hover());
                node_response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &node.label));
            }
        }
        painter.add(self.node_mesh.finish(nodes));
        painter.extend(rings);
        hovered.map(|h| h.0)
    }

    /// Labels, most important first; one that would overlap a label already placed is left out.
    fn labels(&self, ui: &egui::Ui, painter: &egui::Painter, loaded: &Loaded, frame: &Frame, hovered: Option<usize>) {
        let g = &loaded.graph.graph;
        let visible = frame.canvas.expand(20.0);
        let mut order: Vec<usize> =
            hovered.into_iter().chain(frame.selected_node.map(|n| n.index())).chain(self.focus).collect();
        order.extend(self.label_priority.iter().copied());
        if self.zoom >= LABEL_ALL_ZOOM {
            order.extend(0..frame.screen.len());
        }
        let mut placed: Vec<Rect> = Vec::new();
        for i in order {
            let (Some(&at), Some(&r)) = (frame.screen.get(i), self.radius.get(i)) else { continue };
            if !visible.contains(at) || !frame.is_shown(i) {
                continue;
            }
            let node = &g[NodeIndex::new(i)];
            let strong = matches!(node.kind, NodeKind::Owner | NodeKind::Hub);
            let font = FontId::proportional(if strong { 15.0 } else { 12.0 });
            let text_color = ui.visuals().strong_text_color();
            let galley = painter.layout_no_wrap(node.label.clone(), font, text_color);
            let pos = at + vec2(0.0, r * frame.scale + 3.0 + galley.size().y / 2.0);
            let rect = Align2::CENTER_CENTER.anchor_size(pos, galley.size()).expand(2.0);
            if placed.iter().any(|p| p.intersects(rect)) {
                continue;
            }
            placed.push(rect);
            painter.rect_filled(rect, 3.0, ui.visuals().panel_fill.gamma_multiply(0.85));
            painter.galley(rect.min + vec2(2.0, 2.0), galley, text_color);
        }
    }

    /// While a fresh map settles, a note says so in place, so the moving dots do not look like a fault.
    fn settling_note(&self, ui: &egui::Ui, painter: &egui::Painter, canvas: Rect) {
        if !self.settling {
            return;
        }
        let text = "Arranging the map…";
        let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(13.0), ui.visuals().text_color());
        let rect = Align2::LEFT_TOP.anchor_size(canvas.left_top() + vec2(12.0, 10.0), galley.size()).expand(5.0);
        painter.rect_filled(rect, 6.0, ui.visuals().extreme_bg_color);
        painter.galley(rect.min + vec2(5.0, 5.0), galley, ui.visuals().text_color());
        ui.interact(rect, ui.scope_id().with("settling-note"), Sense::hover())
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    }
}

/// Whether a node is there at the As-of date: people and companies by their own dates, an aggregate when
/// any of its members is.
fn present(loaded: &Loaded, n: NodeIndex, as_of: Option<&AsOf>) -> bool {
    let g = &loaded.graph.graph;
    let Some(f) = as_of else { return true };
    match g[n].kind {
        NodeKind::Owner | NodeKind::Hub => true,
        NodeKind::Person(id) => f.people.get(id.index()).copied().unwrap_or(false),
        NodeKind::Company(id) => f.has_company(id),
        NodeKind::Group(_) => match loaded.graph.group(n).map(|grp| &grp.members) {
            Some(Members::People(ids)) => ids.iter().any(|id| f.people.get(id.index()).copied().unwrap_or(false)),
            Some(Members::Companies(ids)) => ids.iter().any(|id| f.has_company(*id)),
            None => false,
        },
    }
}
