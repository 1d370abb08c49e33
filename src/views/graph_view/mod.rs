//! The map canvas: pan by dragging, zoom with the wheel or a pinch around the cursor, `F` to fit, hover for
//! a name and the facts behind a node, click an aggregate to open it. A fresh map arrives with the layout's
//! starting positions and settles on screen: the layout runs on its own thread ([`LayoutWorker`]), so a
//! frame only draws, and the view keeps the whole map in frame until the person takes over the camera.

mod canvas;
mod describe;
pub mod find;
mod reach;
mod toolbar;

use crate::graph::{Category, GroupKey, NodeKind, Open};
use crate::layout::worker::LayoutWorker;
use crate::pipeline::Loaded;
use crate::timeline::AsOf;
use egui::{Pos2, Rect, Vec2, pos2, vec2};

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
    pub fn shows(&self, node: &crate::graph::Node) -> bool {
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
    /// The aggregates to show open, when the person clicked one (or closed them): the window rebuilds the
    /// map with them and calls [`GraphView::regraph`].
    pub open_request: Option<Open>,
    /// The person the person chose on the map or in Find: the window opens their details.
    pub person_request: Option<crate::model::PersonId>,
    find: toolbar::FindState,
    /// The node the search found: centred and ringed.
    focus: Option<usize>,
    /// The world point at the centre of the canvas.
    pan: Vec2,
    zoom: f32,
    needs_fit: bool,
    /// Keep the whole map in frame while it settles, until the person pans, zooms or drags.
    follow: bool,
    radius: Vec<f32>,
    /// Nodes labelled before zooming in, most important first; a label that would overlap one already
    /// placed is left out.
    label_priority: Vec<usize>,
    /// Where each node is drawn: whatever the layout published last.
    positions: Vec<[f32; 2]>,
    /// The live layout: from the start while the map settles, and again when a node is dragged. It idles
    /// once settled.
    worker: Option<LayoutWorker>,
    /// The worker was started to settle a fresh (or rebuilt) map, not by a drag: its result is the map's.
    settling: bool,
    seen_version: u64,
    /// The node being dragged, if the drag started on one.
    dragging: Option<usize>,
    /// Nodes the person pinned by dragging them; double-click releases one.
    pinned: Vec<bool>,
    /// The selected company whose bundle of affected people is drawn as individual lines.
    bundle_open: Option<crate::exposure::CompanyId>,
    edge_mesh: super::batch::ReusedMesh,
    node_mesh: super::batch::ReusedMesh,
}

impl GraphView {
    pub fn new(loaded: &Loaded) -> GraphView {
        let mut view = GraphView {
            search: String::new(),
            filters: Filters::default(),
            open_request: None,
            person_request: None,
            find: Default::default(),
            focus: None,
            pan: Vec2::ZERO,
            zoom: 1.0,
            needs_fit: true,
            follow: true,
            radius: Vec::new(),
            label_priority: Vec::new(),
            positions: Vec::new(),
            worker: None,
            settling: false,
            seen_version: 0,
            dragging: None,
            pinned: Vec::new(),
            bundle_open: None,
            edge_mesh: Default::default(),
            node_mesh: Default::default(),
        };
        view.regraph(loaded);
        view
    }

    /// Take up the loaded map's graph again after it was rebuilt (an aggregate opened or closed): sizes,
    /// labels and positions follow it, and an unsettled map starts settling from where it stands.
    pub fn regraph(&mut self, loaded: &Loaded) {
        let g = &loaded.graph.graph;
        self.radius = g.node_indices().map(|n| loaded.graph.radius(n)).collect();
        self.label_priority = label_priority(loaded);
        self.positions = loaded.positions.clone();
        self.pinned = vec![false; self.positions.len()];
        self.dragging = None;
        self.focus = None;
        self.worker = None;
        self.seen_version = 0;
        // The worker starts on the next frame ([`Self::keep_settling`]), which has the window's repaint hook.
        self.settling = !loaded.settled;
        self.follow = true;
        self.needs_fit = true;
    }

    fn layout(&self, loaded: &Loaded) -> crate::layout::ForceLayout {
        let mut layout = crate::pipeline::layout_for(&loaded.graph, 1);
        layout.set_positions(&self.positions);
        for (i, pinned) in self.pinned.iter().enumerate() {
            if *pinned {
                layout.pin(i, self.positions.get(i).copied());
            }
        }
        layout
    }

    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Where a node is drawn now, in layout coordinates.
    pub fn position(&self, node: usize) -> Option<[f32; 2]> {
        self.positions.get(node).copied()
    }

    /// Where every node is drawn now.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Start settling a fresh (or rebuilt) map, if that has not started. The window calls this every frame
    /// whatever view is showing, so the map is ready when the person comes to it; the worker wakes the
    /// window each time it publishes.
    pub fn keep_settling(&mut self, loaded: &Loaded, ctx: &egui::Context) {
        if self.settling && self.worker.is_none() {
            let ctx = ctx.clone();
            let layout = self.layout(loaded);
            self.worker = Some(LayoutWorker::spawn(layout, Box::new(move || ctx.request_repaint())));
        }
    }

    /// Whether the map is still settling after it arrived or was rebuilt.
    pub fn is_settling(&self) -> bool {
        self.settling
    }

    /// Once, when a fresh map has settled: its final positions, for the window to keep (pictures and
    /// redaction use them).
    pub fn take_settled(&mut self) -> Option<Vec<[f32; 2]>> {
        let worker = self.worker.as_ref()?;
        if !self.settling || !worker.is_settled() {
            return None;
        }
        let published = worker.positions();
        if published.len() == self.positions.len() {
            self.positions.clone_from(&published);
        }
        self.settling = false;
        // One last fit on the final positions, unless the person has taken the camera.
        self.needs_fit |= self.follow;
        Some(self.positions.clone())
    }

    /// The live layout, warm-started from the positions on screen so nothing jumps; started by a fresh map
    /// or a drag.
    fn worker(&mut self, loaded: &Loaded, ctx: &egui::Context) -> &LayoutWorker {
        if self.worker.is_none() {
            let ctx = ctx.clone();
            let layout = self.layout(loaded);
            self.worker = Some(LayoutWorker::spawn(layout, Box::new(move || ctx.request_repaint())));
        }
        self.worker.as_ref().expect("just set")
    }

    /// Open an aggregate into its members (the window rebuilds the map).
    fn request_open(&mut self, loaded: &Loaded, key: GroupKey) {
        let mut open = loaded.open.clone();
        open.insert(key);
        self.open_request = Some(open);
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

    /// Forget the Find text and its results (redaction turns on, or another export opens).
    pub fn clear_find(&mut self) {
        self.search.clear();
        self.find = Default::default();
        self.focus = None;
    }

    pub fn request_fit(&mut self) {
        self.needs_fit = true;
    }

    fn fit(&mut self, canvas: Rect) {
        let mut bounds = Rect::NOTHING;
        for p in &self.positions {
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

    pub fn graph_ui(
        &mut self,
        ui: &mut egui::Ui,
        loaded: &Loaded,
        selected: &mut Option<crate::exposure::CompanyId>,
        as_of: Option<&AsOf>,
    ) {
        self.toolbar_ui(ui, loaded, selected);
        self.canvas_ui(ui, loaded, selected, as_of);
    }
}

/// The nodes labelled from the start: the owner, the hubs and the aggregates, the historic partners, then
/// the weightiest members of each category, so every cluster is recognisable without zooming.
fn label_priority(loaded: &Loaded) -> Vec<usize> {
    let g = &loaded.graph.graph;
    let mut first: Vec<usize> = g
        .node_indices()
        .filter(|n| matches!(g[*n].kind, NodeKind::Owner | NodeKind::Hub | NodeKind::Group(_)))
        .map(|n| n.index())
        .collect();
    // Historic data partners are what the map is for: each is labelled wherever its label fits.
    first.extend(g.node_indices().filter(|n| g[*n].partner).map(|n| n.index()));
    let mut members: Vec<(Category, u64, usize)> = g
        .node_indices()
        .filter(|n| matches!(g[*n].kind, NodeKind::Company(_) | NodeKind::Person(_)))
        .map(|n| (g[n].category, g[n].weight, n.index()))
        .collect();
    members.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut taken: std::collections::HashMap<Category, usize> = std::collections::HashMap::new();
    for (category, _, i) in members {
        let count = taken.entry(category).or_default();
        if *count < LABELS_PER_CATEGORY {
            *count += 1;
            first.push(i);
        }
    }
    first
}
