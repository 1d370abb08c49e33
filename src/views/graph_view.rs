//! The map canvas: pan by dragging, zoom with the wheel or a pinch around the cursor, `F` to fit, hover for
//! a name and the facts behind a node. Positions come settled from the background thread, so drawing is
//! all this does each frame.

use super::batch::{MeshBatch, ReusedMesh};
use super::palette::{category_color, edge_color};
use crate::exposure::CompanyId;
use crate::graph::{Category, EdgeKind, NodeKind};
use crate::layout::worker::LayoutWorker;
use crate::model::{PersonId, format_date};
use crate::pipeline::Loaded;
use crate::timeline::AsOf;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

/// How many of the most important members of each category carry a label before the person zooms in.
const LABELS_PER_CATEGORY: usize = 3;
/// A selected company's reach is drawn one line per person up to this many; beyond, as one bundle.
const MAX_REACH_LINES: usize = 40;
/// Maps up to this size expose every node to accessibility tools (and tests).
const MAX_ACCESSIBLE_NODES: usize = 2_500;
/// Past this zoom every node in view is labelled.
const LABEL_ALL_ZOOM: f32 = 2.2;

/// Which kinds of node the map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Filters {
    pub friends: bool,
    pub other_people: bool,
    pub connected_apps: bool,
    pub off_meta: bool,
    pub advertisers: bool,
    /// Hide every company that is not a historic data partner.
    pub partners_only: bool,
}

impl Default for Filters {
    fn default() -> Self {
        Filters {
            friends: true,
            other_people: true,
            connected_apps: true,
            off_meta: true,
            advertisers: true,
            partners_only: false,
        }
    }
}

impl Filters {
    fn shows(&self, node: &crate::graph::Node) -> bool {
        let by_category = match node.category {
            Category::You => true,
            Category::Friend => self.friends,
            Category::OtherPerson => self.other_people,
            Category::ConnectedApp | Category::AppPost => self.connected_apps,
            Category::OffMeta => self.off_meta,
            Category::Advertiser => self.advertisers,
            Category::Partner => true,
        };
        let partner_rule =
            !self.partners_only || !node.category.is_company() || node.partner || node.kind == NodeKind::Hub;
        by_category && partner_rule
    }
}

pub struct GraphView {
    pub search: String,
    pub filters: Filters,
    /// The node the search found: centred and ringed.
    focus: Option<usize>,
    /// The world point at the centre of the canvas.
    pan: Vec2,
    zoom: f32,
    needs_fit: bool,
    radius: Vec<f32>,
    /// Each company's node, by company id, so a selection finds its node without a search.
    company_node: Vec<Option<petgraph::graph::NodeIndex>>,
    /// Nodes labelled before zooming in, most important first; a label that would overlap one already
    /// placed is left out.
    label_priority: Vec<usize>,
    /// Where each node is drawn: the settled layout, then whatever the live layout publishes.
    positions: Vec<[f32; 2]>,
    /// The live layout, started the first time the person drags a node; it idles once settled.
    worker: Option<LayoutWorker>,
    seen_version: u64,
    /// The node being dragged, if the drag started on one.
    dragging: Option<usize>,
    /// Nodes the person pinned by dragging them; double-click releases one.
    pinned: Vec<bool>,
    /// The selected company whose bundle of affected people is drawn as individual lines.
    bundle_open: Option<CompanyId>,
    edge_mesh: ReusedMesh,
    node_mesh: ReusedMesh,
}

impl GraphView {
    pub fn new(loaded: &Loaded) -> GraphView {
        let g = &loaded.graph.graph;
        let radius: Vec<f32> = g.node_indices().map(|n| loaded.graph.radius(n)).collect();
        let mut company_node = vec![None; loaded.companies.len()];
        for n in g.node_indices() {
            if let NodeKind::Company(id) = g[n].kind
                && let Some(slot) = company_node.get_mut(id.index())
            {
                *slot = Some(n);
            }
        }
        // The most important members of each category carry labels from the start, so every cluster is
        // recognisable without zooming; hubs and the owner always do.
        let mut importance: Vec<(Category, u64, usize)> = g
            .node_indices()
            .filter_map(|n| {
                let score = match g[n].kind {
                    NodeKind::Company(id) => {
                        let records = &loaded.companies.get(id)?.records;
                        let seen: u64 = records
                            .iter()
                            .filter_map(|&i| loaded.map.companies.get(i))
                            .map(|c| c.events + 25 * c.sources.len() as u64)
                            .sum();
                        // Historic data partners are what a first look should find.
                        seen + g[n].people as u64 + if g[n].partner { 1000 } else { 0 }
                    }
                    NodeKind::Person(id) => loaded.map.person(id)?.messages,
                    _ => return None,
                };
                Some((g[n].category, score, n.index()))
            })
            .collect();
        importance.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut label_priority: Vec<usize> = g
            .node_indices()
            .filter(|n| matches!(g[*n].kind, NodeKind::Owner | NodeKind::Hub))
            .map(|n| n.index())
            .collect();
        let mut taken: std::collections::HashMap<Category, usize> = std::collections::HashMap::new();
        for (category, _, i) in importance {
            let count = taken.entry(category).or_default();
            if *count < LABELS_PER_CATEGORY {
                *count += 1;
                label_priority.push(i);
            }
        }
        GraphView {
            search: String::new(),
            filters: Filters::default(),
            focus: None,
            pan: Vec2::ZERO,
            zoom: 1.0,
            needs_fit: true,
            radius,
            company_node,
            label_priority,
            positions: loaded.positions.clone(),
            worker: None,
            seen_version: 0,
            dragging: None,
            pinned: vec![false; loaded.positions.len()],
            bundle_open: None,
            edge_mesh: ReusedMesh::default(),
            node_mesh: ReusedMesh::default(),
        }
    }

    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Where a node is drawn now, in layout coordinates.
    pub fn position(&self, node: usize) -> Option<[f32; 2]> {
        self.positions.get(node).copied()
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// The live layout, warm-started from the positions on screen so nothing jumps.
    fn worker(&mut self, loaded: &Loaded, ctx: &egui::Context) -> &LayoutWorker {
        self.worker.get_or_insert_with(|| {
            let mut layout = crate::pipeline::layout_for(&loaded.graph, 1);
            layout.set_positions(&self.positions);
            for (i, pinned) in self.pinned.iter().enumerate() {
                if *pinned {
                    layout.pin(i, self.positions.get(i).copied());
                }
            }
            let ctx = ctx.clone();
            LayoutWorker::spawn(layout, Box::new(move || ctx.request_repaint()))
        })
    }

    /// The node under a screen point, if any.
    fn node_at(&self, screen: &[Pos2], at: Pos2, scale: f32) -> Option<usize> {
        screen
            .iter()
            .zip(&self.radius)
            .enumerate()
            .filter(|(_, (p, r))| p.distance(at) <= **r * scale + 4.0)
            .min_by(|a, b| a.1.0.distance(at).total_cmp(&b.1.0.distance(at)))
            .map(|(i, _)| i)
    }

    pub fn request_fit(&mut self) {
        self.needs_fit = true;
    }

    fn fit(&mut self, positions: &[[f32; 2]], canvas: Rect) {
        let mut bounds = Rect::NOTHING;
        for p in positions {
            bounds.extend_with(pos2(p[0], p[1]));
        }
        if !bounds.is_positive() {
            return;
        }
        let margin = 60.0;
        let zx = (canvas.width() - 2.0 * margin).max(50.0) / bounds.width().max(1.0);
        let zy = (canvas.height() - 2.0 * margin).max(50.0) / bounds.height().max(1.0);
        self.zoom = zx.min(zy).clamp(0.05, 8.0);
        self.pan = bounds.center().to_vec2();
        self.needs_fit = false;
    }

    fn to_screen(&self, canvas: Rect, p: [f32; 2]) -> Pos2 {
        canvas.center() + (vec2(p[0], p[1]) - self.pan) * self.zoom
    }

    /// The search box and the filters, above the canvas.
    fn toolbar_ui(&mut self, ui: &mut egui::Ui, loaded: &Loaded, selected: &mut Option<CompanyId>) {
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Find");
            let search = ui
                .add(egui::TextEdit::singleline(&mut self.search).hint_text("a person or company").desired_width(200.0))
                .labelled_by(label.id);
            if search.changed() {
                self.focus = find_node(loaded, &self.search);
                if let Some(at) = self.focus.and_then(|i| self.positions.get(i)) {
                    self.pan = vec2(at[0], at[1]);
                    self.zoom = self.zoom.max(1.2);
                }
            }
            if search.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let g = &loaded.graph.graph;
                *selected = self.focus.and_then(|i| g.node_indices().nth(i)).and_then(|n| company_of(&g[n]));
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
        });
    }

    pub fn graph_ui(
        &mut self,
        ui: &mut egui::Ui,
        loaded: &Loaded,
        selected: &mut Option<CompanyId>,
        as_of: Option<&AsOf>,
    ) {
        self.toolbar_ui(ui, loaded, selected);
        self.canvas_ui(ui, loaded, selected, as_of);
    }

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
        if let Some(worker) = &self.worker
            && worker.version() != self.seen_version
        {
            self.seen_version = worker.version();
            let published = worker.positions();
            if published.len() == self.positions.len() {
                self.positions.clone_from(&published);
            }
        }
        let positions = self.positions.clone();
        let positions = &positions;
        if self.needs_fit {
            self.fit(positions, canvas);
        }
        let scale = self.zoom.sqrt().clamp(0.6, 2.5);
        let node_under = |view: &Self, at: Option<Pos2>| {
            let screen: Vec<Pos2> = positions.iter().map(|p| view.to_screen(canvas, *p)).collect();
            at.and_then(|at| view.node_at(&screen, at, scale))
        };
        if response.drag_started() {
            self.dragging = node_under(self, ui.input(|i| i.pointer.press_origin()));
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
            }
        }
        if ui.input(|i| i.key_pressed(egui::Key::F) && !i.modifiers.any()) && !ui.ctx().egui_wants_keyboard_input() {
            self.fit(positions, canvas);
        }

        let dark = ui.visuals().dark_mode;
        let g = &loaded.graph.graph;
        let selected_node = selected.and_then(|id| self.company_node.get(id.index()).copied().flatten());
        let neighbours: Vec<usize> =
            selected_node.map(|n| g.neighbors(n).map(|m| m.index()).collect()).unwrap_or_default();
        let lit = |i: usize| selected_node.is_none_or(|s| s.index() == i || neighbours.contains(&i));
        let at_date = |n: petgraph::graph::NodeIndex| match (as_of, g[n].kind) {
            (None, _) | (_, NodeKind::Owner | NodeKind::Hub) => true,
            (Some(f), NodeKind::Person(id)) => f.people.get(id.index()).copied().unwrap_or(false),
            (Some(f), NodeKind::Company(id)) => f.has_company(id),
        };
        let shown: Vec<bool> = g.node_indices().map(|n| self.filters.shows(&g[n]) && at_date(n)).collect();
        let is_shown = |i: usize| shown.get(i).copied().unwrap_or(false);
        let screen: Vec<Pos2> = positions.iter().map(|p| self.to_screen(canvas, *p)).collect();
        let visible = canvas.expand(20.0);

        let mut edges = self.edge_mesh.start(g.edge_count() * 4);
        for e in g.edge_indices() {
            let Some((a, b)) = g.edge_endpoints(e) else { continue };
            if !is_shown(a.index()) || !is_shown(b.index()) {
                continue;
            }
            let (Some(&pa), Some(&pb)) = (screen.get(a.index()), screen.get(b.index())) else { continue };
            if !visible.intersects(Rect::from_two_pos(pa, pb)) {
                continue;
            }
            let (width, color) = match g[e] {
                EdgeKind::Membership if a == loaded.graph.owner || b == loaded.graph.owner => (2.0, edge_color(dark)),
                EdgeKind::AlsoVia => (1.0, edge_color(dark).gamma_multiply(0.5)),
                EdgeKind::SharedThread => (0.8, edge_color(dark)),
                EdgeKind::Membership => (1.0, edge_color(dark)),
            };
            let touches_selection = selected_node.is_some_and(|s| s == a || s == b);
            let (width, color) = match (selected_node, touches_selection) {
                (Some(_), true) => (width + 1.0, ui.visuals().strong_text_color().gamma_multiply(0.7)),
                (Some(_), false) => (width, color.gamma_multiply(0.35)),
                _ => (width, color),
            };
            edges.segment(pa, pb, width, color);
        }
        painter.add(self.edge_mesh.finish(edges));
        let pill = self.reach_ui(ui, &painter, loaded, selected_node, &screen, &is_shown);

        let pointer = ui.input(|i| i.pointer.hover_pos()).filter(|p| canvas.contains(*p));
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
            let (Some(&at), Some(&r)) = (screen.get(i), self.radius.get(i)) else { continue };
            let r = r * scale;
            if !visible.contains(at) || !is_shown(i) {
                continue;
            }
            let node = &g[n];
            let dim = if lit(i) { 1.0 } else { 0.25 };
            let color = category_color(node.category, dark).gamma_multiply(dim);
            let outline = if dark { Color32::from_gray(20) } else { Color32::WHITE };
            nodes.disc(at, r, color, 1.0, outline);
            if node.partner {
                // Historic data partners carry a ring, so they stand out in every category.
                let ring = Stroke::new(1.8, ui.visuals().strong_text_color().gamma_multiply(dim));
                rings.push(Shape::circle_stroke(at, r + 2.5, ring));
            }
            if self.is_pinned(i) {
                // A pinned node wears a small dot, so the person can see what they fixed in place.
                rings.push(Shape::circle_filled(at + vec2(r * 0.8, -r * 0.8), 2.5, ui.visuals().strong_text_color()));
            }
            if selected_node.is_some_and(|s| s.index() == i) || self.focus == Some(i) {
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
        let mut order: Vec<usize> =
            hovered.map(|h| h.0).into_iter().chain(selected_node.map(|n| n.index())).chain(self.focus).collect();
        order.extend(self.label_priority.iter().copied());
        if self.zoom >= LABEL_ALL_ZOOM {
            order.extend(0..screen.len());
        }
        let mut placed: Vec<Rect> = Vec::new();
        for i in order {
            let (Some(&at), Some(&r)) = (screen.get(i), self.radius.get(i)) else { continue };
            if !visible.contains(at) || !is_shown(i) {
                continue;
            }
            let node = &g[petgraph::graph::NodeIndex::new(i)];
            let strong = matches!(node.kind, NodeKind::Owner | NodeKind::Hub);
            let font = FontId::proportional(if strong { 15.0 } else { 12.0 });
            let text_color = ui.visuals().strong_text_color();
            let galley = painter.layout_no_wrap(node.label.clone(), font, text_color);
            let pos = at + vec2(0.0, r * scale + 3.0 + galley.size().y / 2.0);
            let rect = Align2::CENTER_CENTER.anchor_size(pos, galley.size()).expand(2.0);
            if placed.iter().any(|p| p.intersects(rect)) {
                continue;
            }
            placed.push(rect);
            painter.rect_filled(rect, 3.0, ui.visuals().panel_fill.gamma_multiply(0.85));
            painter.galley(rect.min + vec2(2.0, 2.0), galley, text_color);
        }
        let on_pill = pill.is_some_and(|p| ui.input(|i| i.pointer.interact_pos()).is_some_and(|at| p.contains(at)));
        if response.clicked() && on_pill {
            let company = *selected;
            self.bundle_open = if self.bundle_open == company { None } else { company };
        } else if response.clicked() {
            *selected = hovered.and_then(|(i, _)| g.node_indices().nth(i)).and_then(|n| company_of(&g[n]));
        }
        if let Some((i, _)) = hovered {
            let text = describe(loaded, i);
            response.on_hover_ui_at_pointer(|ui| {
                ui.label(text);
            });
        }
    }
}

impl GraphView {
    /// Lines from the selected company to the people whose data it could reach. A few are drawn one by one;
    /// hundreds become one bundle to their centre, labelled with the count, which a click expands.
    /// Returns the bundle label's rectangle, so a click on it can expand it instead of changing selection.
    fn reach_ui(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        loaded: &Loaded,
        selected_node: Option<petgraph::graph::NodeIndex>,
        screen: &[Pos2],
        is_shown: &dyn Fn(usize) -> bool,
    ) -> Option<Rect> {
        let company_node = selected_node?;
        let g = &loaded.graph.graph;
        let company = company_of(&g[company_node])?;
        let row = loaded.row(company)?;
        let reached: std::collections::HashSet<PersonId> = row
            .statements
            .iter()
            .filter_map(|&i| loaded.statements.get(i))
            .flat_map(|s| s.people.iter().copied())
            .collect();
        if reached.is_empty() {
            return None;
        }
        let people: Vec<usize> = g
            .node_indices()
            .filter(|n| matches!(g[*n].kind, NodeKind::Person(id) if reached.contains(&id)))
            .map(|n| n.index())
            .filter(|i| is_shown(*i))
            .collect();
        let from = *screen.get(company_node.index())?;
        let color = ui.visuals().selection.bg_fill.gamma_multiply(0.55);
        let expanded = self.bundle_open == Some(company);
        if people.len() <= MAX_REACH_LINES || expanded {
            let mut lines = MeshBatch::with_capacity(people.len() * 4);
            for i in &people {
                if let Some(&to) = screen.get(*i) {
                    lines.segment(from, to, 1.0, color);
                }
            }
            painter.add(Shape::mesh(lines.mesh));
            if !expanded {
                return None;
            }
        }
        let centre = people.iter().filter_map(|i| screen.get(*i)).fold(Vec2::ZERO, |acc, p| acc + p.to_vec2())
            / people.len().max(1) as f32;
        let centre = centre.to_pos2();
        if !expanded {
            painter.line_segment([from, centre], Stroke::new(6.0, color));
        }
        // The count is of people, as in the table; two friends who share a name are two nodes but one name.
        let text = if expanded {
            format!("{} people (click to bundle)", reached.len())
        } else {
            format!("{} people affected (click to show)", reached.len())
        };
        let galley = painter.layout_no_wrap(text.clone(), FontId::proportional(12.0), ui.visuals().strong_text_color());
        let rect = Align2::CENTER_CENTER.anchor_size(centre, galley.size()).expand(4.0);
        // Hover-only, so the click still reaches the canvas, which expands or bundles; the node is for
        // screen readers and tests.
        ui.interact(rect, ui.scope_id().with("reach-bundle"), Sense::hover())
            .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Button, true, &text));
        painter.rect_filled(rect, 8.0, ui.visuals().selection.bg_fill);
        painter.galley(rect.min + vec2(4.0, 4.0), galley, ui.visuals().strong_text_color());
        Some(rect)
    }
}

/// The company a node stands for, if it is one.
fn company_of(node: &crate::graph::Node) -> Option<CompanyId> {
    match node.kind {
        NodeKind::Company(id) => Some(id),
        _ => None,
    }
}

/// The node whose name best matches a search: an exact name, then a name starting with the text, then one
/// containing it; people and companies only.
fn find_node(loaded: &Loaded, query: &str) -> Option<usize> {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return None;
    }
    let g = &loaded.graph.graph;
    let candidates = || g.node_indices().filter(|n| !matches!(g[*n].kind, NodeKind::Hub | NodeKind::Owner));
    let label = |n: petgraph::graph::NodeIndex| g[n].label.to_lowercase();
    candidates()
        .find(|n| label(*n) == q)
        .or_else(|| candidates().find(|n| label(*n).starts_with(&q)))
        .or_else(|| candidates().find(|n| label(*n).contains(&q)))
        .map(|n| n.index())
}

/// The facts behind a node, for its tooltip.
fn describe(loaded: &Loaded, node: usize) -> String {
    let g = &loaded.graph.graph;
    let Some(n) = g.node_indices().nth(node) else { return String::new() };
    let date = |t: Option<i64>| t.map(format_date).unwrap_or_else(|| "unknown".into());
    // Where a node came from, when Facebook and Instagram exports are shown together.
    let from = |platforms: &[crate::model::Platform]| {
        let names: Vec<&str> = platforms.iter().map(|p| p.label()).collect();
        if loaded.map.platforms.len() < 2 || names.is_empty() {
            String::new()
        } else {
            format!("\nFrom your {} export", names.join(" and "))
        }
    };
    match g[n].kind {
        NodeKind::Owner => format!("{}\nThe owner of this export", g[n].label),
        NodeKind::Hub => format!("{}\n{} linked", g[n].label, g.neighbors(n).count().saturating_sub(1)),
        NodeKind::Person(id) => match loaded.map.person(id) {
            Some(p) => {
                let relations: Vec<&str> = p.relations.iter().map(|r| r.label()).collect();
                let mut s = format!("{}\n{}{}", p.name, relations.join("\n"), from(&p.platforms));
                if p.friend_since.is_some() {
                    s.push_str(&format!("\nFriends since {}", date(p.friend_since)));
                }
                if p.messages > 0 {
                    s.push_str(&format!("\n{} messages from them", p.messages));
                }
                s
            }
            None => g[n].label.clone(),
        },
        NodeKind::Company(id) => {
            let records: Vec<&crate::model::Company> = loaded
                .companies
                .get(id)
                .map(|e| e.records.iter().filter_map(|&i| loaded.map.companies.get(i)).collect())
                .unwrap_or_default();
            let mut s = g[n].label.clone();
            for c in &records {
                let sources: Vec<&str> = c.sources.iter().map(|s| s.label()).collect();
                s.push_str(&format!("\n{}{}", sources.join("\n"), from(&c.platforms)));
                if c.events > 0 {
                    s.push_str(&format!(
                        "\n{} dated events, {} to {}",
                        c.events,
                        date(c.first_seen),
                        date(c.last_seen)
                    ));
                }
            }
            if let Some(row) = loaded.row(id).filter(|_| records.is_empty()) {
                s.push_str(&format!(
                    "\n{}\nPeople affected: {} ({})",
                    row.kind_label(),
                    row.people_label(),
                    row.confidence_label()
                ));
            }
            s
        }
    }
}
