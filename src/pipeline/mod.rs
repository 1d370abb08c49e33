//! The whole headless path from inputs to a laid-out map, shared by the GUI's background thread, the CLI
//! and the tests, so all three see exactly the same result.

#[cfg(feature = "dev")]
pub mod bench;

use crate::archive::Input;
use crate::catalog;
pub use crate::derive::Derived;
use crate::exposure::{Companies, CompanyId, Row, Statement};
use crate::graph::{EdgeKind, MapGraph, NodeKind, Open};
use crate::import::{self, ImportError, Monitor, Progress};
use crate::layout::{ForceLayout, Link};
use crate::model::DataMap;
use crate::redact;
use crate::timeline::{CompanyTimeline, Network};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Clone)]
pub struct Loaded {
    pub map: DataMap,
    pub companies: Companies,
    pub statements: Vec<Statement>,
    pub rows: Vec<Row>,
    /// Each company's row, by company id: the views look rows up by id every frame.
    pub row_of: Vec<Option<usize>>,
    /// Each company's action, by company id.
    pub action_of: Vec<Option<usize>>,
    pub timelines: Vec<CompanyTimeline>,
    pub network: Network,
    pub actions: Vec<crate::actions::Action>,
    pub graph: MapGraph,
    /// The aggregates the person opened; the graph is built with them open.
    pub open: Open,
    /// One position per graph node, indexed like the graph's nodes.
    pub positions: Vec<[f32; 2]>,
    /// Whether `positions` are the settled layout, or only where the layout starts (the window settles it
    /// while the person watches; [`Loaded::settle`] does it for pictures and reports).
    pub settled: bool,
}

impl Loaded {
    pub fn new(map: DataMap, derived: Derived, graph: MapGraph, positions: Vec<[f32; 2]>) -> Loaded {
        let mut row_of = vec![None; derived.companies.len()];
        for (i, row) in derived.rows.iter().enumerate() {
            if let Some(slot) = row_of.get_mut(row.company_id.index()) {
                *slot = Some(i);
            }
        }
        let mut action_of = vec![None; derived.companies.len()];
        for (i, action) in derived.actions.iter().enumerate() {
            if let Some(slot) =
                derived.companies.find(&action.company, catalog::builtin()).and_then(|id| action_of.get_mut(id.index()))
            {
                slot.get_or_insert(i);
            }
        }
        let Derived { companies, statements, rows, timelines, network, actions } = derived;
        let settled = true;
        let open = Open::new();
        Loaded {
            map,
            companies,
            statements,
            rows,
            row_of,
            action_of,
            timelines,
            network,
            actions,
            graph,
            open,
            positions,
            settled,
        }
    }

    /// Run the layout from the current positions until it settles. Deterministic: the same export always
    /// settles the same way, which pictures and tests rely on.
    pub fn settle(&mut self, cancel: &AtomicBool) -> Result<(), ImportError> {
        if self.settled {
            return Ok(());
        }
        let mut layout = layout_for(&self.graph, 1);
        layout.set_positions(&self.positions);
        while layout.tick() {
            if cancel.load(Ordering::Relaxed) {
                return Err(ImportError::Cancelled);
            }
        }
        self.positions = layout.positions().to_vec();
        self.settled = true;
        Ok(())
    }

    /// Rebuild the map with these aggregates open (or closed). Nodes that stay keep their positions and new
    /// ones start where their aggregate was; the layout is left to settle again.
    pub fn set_open(&mut self, open: Open) {
        if open == self.open {
            return;
        }
        let graph = MapGraph::build(&self.map, &self.companies, &self.rows, &self.statements, &open);
        self.positions = graph.carry_positions(&self.graph, &self.positions);
        self.graph = graph;
        self.open = open;
        self.settled = false;
    }

    pub fn row(&self, company: CompanyId) -> Option<&Row> {
        self.row_of.get(company.index()).copied().flatten().and_then(|i| self.rows.get(i))
    }

    pub fn action(&self, company: CompanyId) -> Option<&crate::actions::Action> {
        self.action_of.get(company.index()).copied().flatten().and_then(|i| self.actions.get(i))
    }

    /// A redacted copy of everything the app shows. The graph keeps its shape and positions exactly; only
    /// the people's and the owner's labels change.
    pub fn redacted(&self) -> Loaded {
        let (map, derived) = self.derived().redacted(&self.map);
        let mut graph = self.graph.graph.clone();
        for n in graph.node_indices() {
            let node = &mut graph[n];
            match node.kind {
                NodeKind::Owner => node.label = redact::OWNER.to_owned(),
                NodeKind::Person(id) => {
                    node.label = map.person(id).map(|p| p.name.clone()).unwrap_or_else(|| "Someone".to_owned())
                }
                NodeKind::Hub | NodeKind::Company(_) | NodeKind::Group(_) => {}
            }
        }
        let mut copy = Loaded::new(map, derived, MapGraph { graph, ..self.graph.clone() }, self.positions.clone());
        copy.open = self.open.clone();
        copy.settled = self.settled;
        copy
    }

    /// The derived part again, for redaction and reports.
    pub fn derived(&self) -> Derived {
        Derived {
            companies: self.companies.clone(),
            statements: self.statements.clone(),
            rows: self.rows.clone(),
            timelines: self.timelines.clone(),
            network: self.network.clone(),
            actions: self.actions.clone(),
        }
    }
}

/// Where the import's own progress ends and the steps after it begin.
pub const IMPORT_DONE: f32 = 0.96;

/// Import, work out the statements and build the graph, with the layout's starting positions: what the
/// window needs to draw a first map, which then settles on screen.
pub fn prepare(inputs: &[Input], monitor: &Monitor) -> Result<Loaded, ImportError> {
    let map = import::import(inputs, monitor)?;
    (monitor.report)(Progress { stage: "Checking the public record", file: None, fraction: IMPORT_DONE });
    monitor.check()?;
    let derived = Derived::of(&map);
    (monitor.report)(Progress { stage: "Drawing the map", file: None, fraction: 0.98 });
    monitor.check()?;
    let open = Open::new();
    let graph = MapGraph::build(&map, &derived.companies, &derived.rows, &derived.statements, &open);
    let positions = layout_for(&graph, 1).positions().to_vec();
    let mut loaded = Loaded::new(map, derived, graph, positions);
    loaded.settled = false;
    Ok(loaded)
}

/// [`prepare`], then lay the map out until it settles: for pictures, reports and tests.
pub fn load(inputs: &[Input], monitor: &Monitor) -> Result<Loaded, ImportError> {
    let mut loaded = prepare(inputs, monitor)?;
    loaded.settle(monitor.cancel)?;
    Ok(loaded)
}

/// Layout settings for the map: the owner pinned at the centre, hubs pushing each other apart so each
/// category gets its own region, and members held at staggered distances from their hub so a cluster fills
/// a disc (the most active members nearest the hub) instead of forming a ring of leaves.
pub fn layout_for(graph: &MapGraph, seed: u64) -> ForceLayout {
    let g = &graph.graph;
    let room = |n: NodeIndex| graph.room(n);
    let members_of = |hub: NodeIndex| -> Vec<NodeIndex> {
        let mut members: Vec<NodeIndex> = g
            .edges(hub)
            .filter(|e| *e.weight() == EdgeKind::Membership)
            .map(|e| if e.source() == hub { e.target() } else { e.source() })
            .filter(|n| *n != graph.owner)
            .collect();
        members.sort_by_key(|n| std::cmp::Reverse(g.neighbors(*n).count()));
        members
    };
    let mut links = Vec::new();
    for hub in g.node_indices().filter(|n| g[*n].kind == NodeKind::Hub) {
        let members = members_of(hub);
        let n = members.len().max(1) as f32;
        // Big enough for the members' own room (a disc of their total area), and never tighter than the
        // spacing that reads well for a cluster of small nodes.
        let area: f32 = members.iter().map(|m| room(*m).powi(2)).sum();
        let radius = (14.0 * n.sqrt()).max(1.3 * area.sqrt()) + 20.0;
        links.push(Link::new(graph.owner.index(), hub.index(), 90.0 + radius));
        for (k, m) in members.iter().enumerate() {
            // Never closer than the two nodes' own room: an aggregate must not sit on its hub's label.
            let distance = (18.0 + radius * ((k as f32 + 0.5) / n).sqrt()).max(room(hub) + room(*m) + 12.0);
            links.push(Link::new(hub.index(), m.index(), distance));
        }
    }
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        match e.weight() {
            EdgeKind::AlsoVia => links.push(Link { a, b, distance: 200.0, weight: 0.15 }),
            EdgeKind::SharedThread => links.push(Link { a, b, distance: 25.0, weight: 0.5 }),
            // Drawn, not pulled: a pull would drag the aggregates out of their category's region.
            EdgeKind::Reach(_) => {}
            EdgeKind::Membership => {}
        }
    }
    let mut layout = ForceLayout::new(g.node_count(), links, seed);
    for n in g.node_indices() {
        match g[n].kind {
            NodeKind::Hub => layout.set_charge(n.index(), -1500.0),
            NodeKind::Owner => layout.set_charge(n.index(), -600.0),
            NodeKind::Group(_) => layout.set_charge(n.index(), -300.0),
            _ => layout.set_charge(n.index(), -40.0),
        }
        layout.set_radius(n.index(), room(n));
    }
    layout.pin(graph.owner.index(), Some([0.0, 0.0]));
    layout
}
