//! The map as a graph: the owner at the centre, a hub for each kind of relationship, people and companies
//! around their hubs. Hubs are what keep the layout readable: without them every node would hang off the
//! owner in one ring. People who share a group chat are linked, so circles of friends form clusters. Big
//! categories are partly drawn as aggregates ([`groups`]), linked to the companies that reached them.

pub mod groups;

use crate::exposure::{Companies, CompanyId, Row, Statement};
use crate::model::{CompanySource, DataMap, PersonId, Relation};
pub use groups::{Group, GroupKey, Members, Open, Reach};
use petgraph::graph::{NodeIndex, UnGraph};
use std::collections::HashMap;

/// What a node stands for, and so its colour in every view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    You,
    Friend,
    OtherPerson,
    ConnectedApp,
    AppPost,
    Advertiser,
    OffMeta,
    /// A historic data partner known from the public record (devices, search, instant personalization)
    /// that the export itself does not list.
    Partner,
}

impl Category {
    pub const ALL: [Category; 8] = [
        Category::You,
        Category::Friend,
        Category::OtherPerson,
        Category::ConnectedApp,
        Category::AppPost,
        Category::Advertiser,
        Category::OffMeta,
        Category::Partner,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Category::You => "You",
            Category::Friend => "Friends",
            Category::OtherPerson => "Other people",
            Category::ConnectedApp => "Connected apps",
            Category::AppPost => "Apps that posted for you",
            Category::Advertiser => "Advertisers",
            Category::OffMeta => "Off-Meta activity",
            Category::Partner => "Data partners (public record)",
        }
    }

    pub fn is_company(self) -> bool {
        matches!(
            self,
            Category::ConnectedApp | Category::AppPost | Category::Advertiser | Category::OffMeta | Category::Partner
        )
    }

    /// The category a company is drawn in: the strongest way it got the data, where the owner's own action
    /// (connecting an app) outranks an advertiser's list, which outranks a tracking event.
    pub fn of_company(sources: &[CompanySource]) -> Category {
        let has = |s| sources.contains(&s);
        if has(CompanySource::ConnectedApp) {
            Category::ConnectedApp
        } else if has(CompanySource::AppPost) {
            Category::AppPost
        } else if has(CompanySource::AdvertiserList)
            || has(CompanySource::AdvertiserActivity)
            || has(CompanySource::AdvertiserInteraction)
            || has(CompanySource::AdViewed)
        {
            Category::Advertiser
        } else {
            Category::OffMeta
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Owner,
    /// Groups the nodes of one category around it.
    Hub,
    Person(PersonId),
    /// A company, whether the export names it or only the public record does (category [`Category::Partner`]).
    Company(CompanyId),
    /// Many people or companies of one category drawn as one node: an index into [`MapGraph::groups`].
    Group(usize),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub category: Category,
    pub label: String,
    /// Matches a historic data partner in the catalogue: drawn with a ring.
    pub partner: bool,
    /// For a company, the people whose data its statements touched; it adds to the node's size. For an
    /// aggregate, its members.
    pub people: usize,
    /// How much the node matters to a first look: labels go to the weightiest, and aggregates keep the
    /// weightiest members as their own nodes.
    pub weight: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// Owner to hub, hub to member.
    Membership,
    /// A company that reached the data through a second route, linked to that route's hub too.
    AlsoVia,
    /// Two people in the same group chat.
    SharedThread,
    /// From an aggregate of people to a company (or aggregate of companies) whose statements name this many
    /// of them.
    Reach(u32),
}

/// What a node stands for across rebuilds of the graph, so positions carry over when an aggregate opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKey {
    Owner,
    Hub(Category),
    Person(PersonId),
    Company(CompanyId),
    Group(GroupKey),
}

#[derive(Clone)]
pub struct MapGraph {
    pub graph: UnGraph<Node, EdgeKind>,
    pub owner: NodeIndex,
    /// The aggregates' members, indexed by [`NodeKind::Group`].
    pub groups: Vec<Group>,
    /// Where each person is drawn: their own node or their aggregate; `None` if not drawn.
    pub person_node: Vec<Option<NodeIndex>>,
    /// Where each company is drawn, likewise.
    pub company_node: Vec<Option<NodeIndex>>,
}

/// Lines drawn from one aggregate of people to the companies that reached them: its widest ones.
const REACH_LINES_PER_GROUP: usize = 6;

/// Group chats larger than this link no people: a 200-person group says nothing about who knows whom.
const MAX_GROUP_FOR_LINKS: usize = 12;

impl MapGraph {
    /// Members per category, hubs not counted and aggregates counted by their members, for the legends on
    /// screen and in saved images.
    pub fn category_counts(&self) -> Vec<(Category, usize)> {
        self.counts_where(|_| true)
    }

    /// Like [`Self::category_counts`], of the nodes `shown` keeps (the filters, the As-of date).
    pub fn counts_where(&self, shown: impl Fn(NodeIndex) -> bool) -> Vec<(Category, usize)> {
        let g = &self.graph;
        let mut counts = vec![0usize; Category::ALL.len()];
        for n in g.node_indices().filter(|n| shown(*n)) {
            let members = match g[n].kind {
                NodeKind::Hub => 0,
                NodeKind::Group(i) => self.groups.get(i).map_or(0, |grp| grp.members.len()),
                _ => 1,
            };
            if let Some(slot) = Category::ALL.iter().position(|c| *c == g[n].category) {
                counts[slot] += members;
            }
        }
        Category::ALL.iter().copied().zip(counts).filter(|(_, n)| *n > 0).collect()
    }

    /// One node per person and per company the statements or the export name, around a hub per category;
    /// a category too big to read one node at a time is partly drawn as aggregates (see [`groups`]), except
    /// the ones in `open`.
    pub fn build(
        map: &DataMap,
        companies: &Companies,
        rows: &[Row],
        statements: &[Statement],
        open: &groups::Open,
    ) -> MapGraph {
        let mut b = Builder::new(map, companies.len());
        let reach = reach_of_people(map, statements);
        let mut people_by_category: HashMap<Category, Vec<(PersonId, u64, Reach)>> = HashMap::new();
        for (i, person) in map.people.iter().enumerate() {
            let category =
                if person.relations.contains(&Relation::Friend) { Category::Friend } else { Category::OtherPerson };
            let id = PersonId(i as u32);
            let r = reach.get(i).copied().unwrap_or_default();
            people_by_category.entry(category).or_default().push((id, person.messages, r));
        }
        for category in [Category::Friend, Category::OtherPerson] {
            let Some(members) = people_by_category.remove(&category) else { continue };
            let plan = groups::plan_people(category, members, open);
            let h = b.hub(category);
            for id in plan.alone {
                let Some(person) = map.person(id) else { continue };
                let n = b.add(NodeKind::Person(id), category, person.name.clone(), false, 0, person.messages);
                b.graph.add_edge(h, n, EdgeKind::Membership);
                b.person_node[id.index()] = Some(n);
            }
            for (key, ids) in plan.groups {
                let n = b.group(h, key, Members::People(ids.clone()));
                for id in ids {
                    b.person_node[id.index()] = Some(n);
                }
            }
        }

        let mut people = vec![0; companies.len()];
        let mut in_rows = vec![false; companies.len()];
        for row in rows {
            if let (Some(p), Some(seen)) =
                (people.get_mut(row.company_id.index()), in_rows.get_mut(row.company_id.index()))
            {
                *p = row.people.unwrap_or(0);
                *seen = true;
            }
        }
        let mut by_category: HashMap<Category, Vec<(CompanyId, u64, bool)>> = HashMap::new();
        let mut facts: Vec<Option<(Vec<CompanySource>, u64)>> = vec![None; companies.len()];
        for (id, entry) in companies.iter() {
            let records: Vec<&crate::model::Company> =
                entry.records.iter().filter_map(|&i| map.companies.get(i)).collect();
            let mut sources: Vec<CompanySource> = records.iter().flat_map(|c| c.sources.clone()).collect();
            sources.sort();
            sources.dedup();
            // A company only the public record names is drawn only when a statement is about it.
            if sources.is_empty() && !in_rows[id.index()] {
                continue;
            }
            let category = if sources.is_empty() { Category::Partner } else { Category::of_company(&sources) };
            let seen: u64 = records.iter().map(|c| c.events + 25 * c.sources.len() as u64).sum();
            // Historic data partners are what a first look should find.
            let partner = entry.catalog_id.is_some();
            let weight = seen + people[id.index()] as u64 + if partner { 1_000_000 } else { 0 };
            by_category.entry(category).or_default().push((id, weight, partner));
            facts[id.index()] = Some((sources, weight));
        }
        for category in Category::ALL.into_iter().filter(|c| c.is_company()) {
            let Some(members) = by_category.remove(&category) else { continue };
            let plan = groups::plan_companies(category, members, open);
            let h = b.hub(category);
            for id in plan.alone {
                let (Some(entry), Some((sources, weight))) = (companies.get(id), facts[id.index()].as_ref()) else {
                    continue;
                };
                let partner = entry.catalog_id.is_some();
                let n =
                    b.add(NodeKind::Company(id), category, entry.name.clone(), partner, people[id.index()], *weight);
                b.graph.add_edge(h, n, EdgeKind::Membership);
                b.company_node[id.index()] = Some(n);
                for other in secondary_categories(sources, category) {
                    let h2 = b.hub(other);
                    b.graph.add_edge(h2, n, EdgeKind::AlsoVia);
                }
            }
            for (key, ids) in plan.groups {
                let n = b.group(h, key, Members::Companies(ids.clone()));
                for id in ids {
                    b.company_node[id.index()] = Some(n);
                }
            }
        }
        b.link_threads(map);
        b.link_reach(statements);
        b.finish()
    }

    /// The stable name of a node, for carrying positions over a rebuild.
    pub fn key(&self, n: NodeIndex) -> Option<NodeKey> {
        let node = self.graph.node_weight(n)?;
        Some(match node.kind {
            NodeKind::Owner => NodeKey::Owner,
            NodeKind::Hub => NodeKey::Hub(node.category),
            NodeKind::Person(id) => NodeKey::Person(id),
            NodeKind::Company(id) => NodeKey::Company(id),
            NodeKind::Group(i) => NodeKey::Group(self.groups.get(i)?.key),
        })
    }

    /// Positions for this graph from another build's: nodes both have keep theirs, and a node that was
    /// inside an aggregate starts around where the aggregate stood, so opening one unfolds it in place.
    pub fn carry_positions(&self, from: &MapGraph, positions: &[[f32; 2]]) -> Vec<[f32; 2]> {
        let old: HashMap<NodeKey, [f32; 2]> =
            from.graph.node_indices().filter_map(|n| Some((from.key(n)?, *positions.get(n.index())?))).collect();
        let mut spread = 0u32;
        self.graph
            .node_indices()
            .map(|n| {
                let key = self.key(n);
                if let Some(p) = key.and_then(|k| old.get(&k)) {
                    return *p;
                }
                let was_in = match self.graph[n].kind {
                    NodeKind::Person(id) => from.person_node.get(id.index()).copied().flatten(),
                    NodeKind::Company(id) => from.company_node.get(id.index()).copied().flatten(),
                    _ => None,
                };
                let centre = was_in.and_then(|m| positions.get(m.index())).copied().unwrap_or([0.0, 0.0]);
                // A sunflower around the old aggregate, so the new nodes do not start on top of each other.
                spread += 1;
                let angle = spread as f32 * 2.399_963;
                let r = 4.0 * (spread as f32).sqrt();
                [centre[0] + r * angle.cos(), centre[1] + r * angle.sin()]
            })
            .collect()
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edges(&self) -> Vec<(usize, usize)> {
        self.graph
            .edge_indices()
            .filter_map(|e| self.graph.edge_endpoints(e))
            .map(|(a, b)| (a.index(), b.index()))
            .collect()
    }

    pub fn find(&self, label: &str) -> Option<NodeIndex> {
        self.graph.node_indices().find(|&n| self.graph[n].label == label)
    }

    /// The aggregate a node stands for, if it is one.
    pub fn group(&self, n: NodeIndex) -> Option<&Group> {
        match self.graph.node_weight(n)?.kind {
            NodeKind::Group(i) => self.groups.get(i),
            _ => None,
        }
    }

    /// How big a node is drawn, in points: its links and, for a company, the people whose data it touched;
    /// an aggregate by its members (its area grows with them, up to a cap that keeps it from covering
    /// the map). The one size rule: the layout leaves [`Self::room`] for it and every view draws it at
    /// this size.
    pub fn radius(&self, n: NodeIndex) -> f32 {
        let g = &self.graph;
        let links = (g.neighbors(n).count() as f32).sqrt();
        match g[n].kind {
            NodeKind::Owner => 13.0,
            NodeKind::Hub => 8.0,
            NodeKind::Company(_) => (3.5 + links.min(6.0) + 0.45 * (g[n].people as f32).sqrt()).min(14.0),
            NodeKind::Person(_) => 3.5 + links.min(6.0),
            NodeKind::Group(_) => (8.0 + 0.6 * (g[n].people as f32).sqrt()).min(40.0),
        }
    }

    /// The room the layout keeps around a node: its size, a partner's ring, and a margin (wider for the
    /// owner, the hubs and the aggregates, whose labels sit beside them).
    pub fn room(&self, n: NodeIndex) -> f32 {
        let node = &self.graph[n];
        let margin = match node.kind {
            NodeKind::Owner | NodeKind::Hub | NodeKind::Group(_) => 6.5,
            _ => 3.5,
        };
        self.radius(n) + margin + if node.partner { 2.5 } else { 0.0 }
    }
}

/// For each person, the kinds of statement that name them.
fn reach_of_people(map: &DataMap, statements: &[Statement]) -> Vec<Reach> {
    let mut reach = vec![Reach::default(); map.people.len()];
    for s in statements {
        for p in &s.people {
            if let Some(r) = reach.get_mut(p.index()) {
                *r = r.with(s.kind);
            }
        }
    }
    reach
}

/// The graph while it is being built, with the indexes [`MapGraph`] keeps.
struct Builder {
    graph: UnGraph<Node, EdgeKind>,
    owner: NodeIndex,
    hubs: HashMap<Category, NodeIndex>,
    groups: Vec<Group>,
    person_node: Vec<Option<NodeIndex>>,
    company_node: Vec<Option<NodeIndex>>,
}

impl Builder {
    fn new(map: &DataMap, companies: usize) -> Builder {
        let mut graph = UnGraph::new_undirected();
        let label = map.owner.clone().unwrap_or_else(|| "You".to_owned());
        let owner = graph.add_node(Node {
            kind: NodeKind::Owner,
            category: Category::You,
            label,
            partner: false,
            people: 0,
            weight: 0,
        });
        Builder {
            graph,
            owner,
            hubs: HashMap::new(),
            groups: Vec::new(),
            person_node: vec![None; map.people.len()],
            company_node: vec![None; companies],
        }
    }

    fn add(
        &mut self,
        kind: NodeKind,
        category: Category,
        label: String,
        partner: bool,
        people: usize,
        weight: u64,
    ) -> NodeIndex {
        self.graph.add_node(Node { kind, category, label, partner, people, weight })
    }

    fn hub(&mut self, category: Category) -> NodeIndex {
        if let Some(h) = self.hubs.get(&category) {
            return *h;
        }
        let h = self.add(NodeKind::Hub, category, category.label().to_owned(), false, 0, 0);
        self.graph.add_edge(self.owner, h, EdgeKind::Membership);
        self.hubs.insert(category, h);
        h
    }

    fn group(&mut self, hub: NodeIndex, key: GroupKey, members: Members) -> NodeIndex {
        let group = Group { key, members };
        let (label, count) = (group.label(), group.members.len());
        let n = self.add(NodeKind::Group(self.groups.len()), key.category(), label, false, count, count as u64);
        self.groups.push(group);
        self.graph.add_edge(hub, n, EdgeKind::Membership);
        n
    }

    /// People who share a small group chat, when both are drawn on their own.
    fn link_threads(&mut self, map: &DataMap) {
        let mut by_name: HashMap<&str, NodeIndex> = HashMap::new();
        for (i, person) in map.people.iter().enumerate() {
            if let Some(n) = self.person_node.get(i).copied().flatten()
                && matches!(self.graph[n].kind, NodeKind::Person(_))
            {
                by_name.entry(person.name.as_str()).or_insert(n);
            }
        }
        for thread in map.threads.iter().filter(|t| t.group && t.participants.len() <= MAX_GROUP_FOR_LINKS) {
            let members: Vec<NodeIndex> =
                thread.participants.iter().filter_map(|p| by_name.get(p.as_str()).copied()).collect();
            // A ring rather than a clique: enough to pull the group together without a knot of lines.
            for (a, b) in members.iter().zip(members.iter().cycle().skip(1)).take(members.len()) {
                if a != b && self.graph.find_edge(*a, *b).is_none() {
                    self.graph.add_edge(*a, *b, EdgeKind::SharedThread);
                }
            }
        }
    }

    /// From each aggregate of people to each company node whose statements name some of them, with how many:
    /// the lines that say which friends' data went where. Each person counts once per company node.
    fn link_reach(&mut self, statements: &[Statement]) {
        let mut by_target: HashMap<NodeIndex, Vec<&Statement>> = HashMap::new();
        for s in statements.iter().filter(|s| !s.people.is_empty()) {
            if let Some(target) = self.company_node.get(s.company_id.index()).copied().flatten() {
                by_target.entry(target).or_default().push(s);
            }
        }
        let mut targets: Vec<NodeIndex> = by_target.keys().copied().collect();
        targets.sort();
        let mut stamp: Vec<Option<NodeIndex>> = vec![None; self.person_node.len()];
        let mut links: Vec<(NodeIndex, NodeIndex, u32)> = Vec::new();
        for target in targets {
            let mut counts: HashMap<NodeIndex, u32> = HashMap::new();
            for s in &by_target[&target] {
                for p in &s.people {
                    let (Some(slot), Some(Some(node))) = (stamp.get_mut(p.index()), self.person_node.get(p.index()))
                    else {
                        continue;
                    };
                    if *slot == Some(target) || !matches!(self.graph[*node].kind, NodeKind::Group(_)) {
                        continue;
                    }
                    *slot = Some(target);
                    *counts.entry(*node).or_default() += 1;
                }
            }
            links.extend(counts.into_iter().map(|(group, n)| (group, target, n)));
        }
        // Each aggregate keeps its widest few lines; the tooltip names the rest.
        links.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.cmp(&a.2)).then(a.1.cmp(&b.1)));
        let mut kept: HashMap<NodeIndex, usize> = HashMap::new();
        for (group, target, n) in links {
            let count = kept.entry(group).or_default();
            if *count < REACH_LINES_PER_GROUP {
                *count += 1;
                self.graph.add_edge(group, target, EdgeKind::Reach(n));
            }
        }
    }

    fn finish(self) -> MapGraph {
        MapGraph {
            graph: self.graph,
            owner: self.owner,
            groups: self.groups,
            person_node: self.person_node,
            company_node: self.company_node,
        }
    }
}

fn secondary_categories(sources: &[CompanySource], primary: Category) -> Vec<Category> {
    let mut out: Vec<Category> =
        sources.iter().map(|s| Category::of_company(std::slice::from_ref(s))).filter(|c| *c != primary).collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Company, Person};

    #[test]
    fn owner_hubs_and_members() {
        let mut map = DataMap { owner: Some("Me".into()), ..Default::default() };
        map.people.push(Person {
            name: "A".into(),
            relations: vec![Relation::Friend],
            friend_since: None,
            removed_at: None,
            messages: 0,
            platforms: Vec::new(),
        });
        map.companies.push(Company {
            name: "Shop".into(),
            sources: vec![CompanySource::OffMetaActivity, CompanySource::AdvertiserList],
            ..Company::default()
        });
        let companies = crate::exposure::Companies::of(&map, crate::catalog::builtin());
        let g = MapGraph::build(&map, &companies, &[], &[], &Open::new());
        // owner, friends hub, A, advertiser hub, Shop, off-Meta hub
        assert_eq!(g.node_count(), 6);
        let shop = g.find("Shop").unwrap();
        assert_eq!(g.graph[shop].category, Category::Advertiser);
        assert_eq!(g.graph.neighbors(shop).count(), 2);
    }
}
