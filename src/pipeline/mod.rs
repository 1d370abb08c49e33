//! The whole headless path from inputs to a laid-out map, shared by the GUI's background thread, the CLI
//! and the tests, so all three see exactly the same result.

#[cfg(feature = "dev")]
pub mod bench;

use crate::archive::Input;
use crate::catalog;
pub use crate::derive::Derived;
use crate::exposure::{Companies, CompanyId, Row, Statement};
use crate::graph::{EdgeKind, MapGraph, NodeKind};
use crate::import::{self, ImportError, Monitor, Progress};
use crate::layout::{ForceLayout, Link};
use crate::model::DataMap;
use crate::redact;
use crate::timeline::{CompanyTimeline, Network};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

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
    /// One position per graph node, indexed like the graph's nodes.
    pub positions: Vec<[f32; 2]>,
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
        Loaded { map, companies, statements, rows, row_of, action_of, timelines, network, actions, graph, positions }
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
                NodeKind::Hub | NodeKind::Company(_) => {}
            }
        }
        Loaded::new(map, derived, MapGraph { graph, owner: self.graph.owner }, self.positions.clone())
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

/// Import, work out the statements, build the graph and lay it out until it settles.
pub fn load(inputs: &[Input], monitor: &Monitor) -> Result<Loaded, ImportError> {
    let map = import::import(inputs, monitor)?;
    (monitor.report)(Progress { stage: "Checking the public record", file: None, fraction: 0.9 });
    let derived = Derived::of(&map);
    (monitor.report)(Progress { stage: "Drawing the map", file: None, fraction: 0.93 });
    let graph = MapGraph::build(&map, &derived.companies, &derived.rows);
    let mut layout = layout_for(&graph, 1);
    while layout.tick() {
        if monitor.cancel.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(ImportError::Cancelled);
        }
    }
    let positions = layout.positions().to_vec();
    Ok(Loaded::new(map, derived, graph, positions))
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
            let distance = 18.0 + radius * ((k as f32 + 0.5) / n).sqrt();
            links.push(Link::new(hub.index(), m.index(), distance));
        }
    }
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        match e.weight() {
            EdgeKind::AlsoVia => links.push(Link { a, b, distance: 200.0, weight: 0.15 }),
            EdgeKind::SharedThread => links.push(Link { a, b, distance: 25.0, weight: 0.5 }),
            EdgeKind::Membership => {}
        }
    }
    let mut layout = ForceLayout::new(g.node_count(), links, seed);
    for n in g.node_indices() {
        match g[n].kind {
            NodeKind::Hub => layout.set_charge(n.index(), -1500.0),
            NodeKind::Owner => layout.set_charge(n.index(), -600.0),
            _ => layout.set_charge(n.index(), -40.0),
        }
        layout.set_radius(n.index(), room(n));
    }
    layout.pin(graph.owner.index(), Some([0.0, 0.0]));
    layout
}
