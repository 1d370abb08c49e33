//! The map as a graph: the owner at the centre, a hub for each kind of relationship, people and companies
//! around their hubs. Hubs are what keep the layout readable: without them every node would hang off the
//! owner in one ring. People who share a group chat are linked, so circles of friends form clusters.

use crate::exposure::{Companies, CompanyId, Row};
use crate::model::{CompanySource, DataMap, PersonId, Relation};
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
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: NodeKind,
    pub category: Category,
    pub label: String,
    /// Matches a historic data partner in the catalogue: drawn with a ring.
    pub partner: bool,
    /// For a company, the people whose data its statements touched; it adds to the node's size.
    pub people: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// Owner to hub, hub to member.
    Membership,
    /// A company that reached the data through a second route, linked to that route's hub too.
    AlsoVia,
    /// Two people in the same group chat.
    SharedThread,
}

#[derive(Clone)]
pub struct MapGraph {
    pub graph: UnGraph<Node, EdgeKind>,
    pub owner: NodeIndex,
}

/// Group chats larger than this link no people: a 200-person group says nothing about who knows whom.
const MAX_GROUP_FOR_LINKS: usize = 12;

impl MapGraph {
    /// Members per category, hubs not counted, for the legends on screen and in saved images.
    pub fn category_counts(&self) -> Vec<(Category, usize)> {
        let g = &self.graph;
        Category::ALL
            .iter()
            .map(|c| (*c, g.node_indices().filter(|n| g[*n].category == *c && g[*n].kind != NodeKind::Hub).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// One node per person and per company the statements or the export name, around a hub per category.
    pub fn build(map: &DataMap, companies: &Companies, rows: &[Row]) -> MapGraph {
        let mut graph = UnGraph::new_undirected();
        let node = |kind, category, label: String, partner, people| Node { kind, category, label, partner, people };
        let owner = graph.add_node(node(
            NodeKind::Owner,
            Category::You,
            map.owner.clone().unwrap_or_else(|| "You".to_owned()),
            false,
            0,
        ));
        let mut hubs: HashMap<Category, NodeIndex> = HashMap::new();
        let mut hub = |graph: &mut UnGraph<Node, EdgeKind>, category: Category| {
            *hubs.entry(category).or_insert_with(|| {
                let h = graph.add_node(node(NodeKind::Hub, category, category.label().to_owned(), false, 0));
                graph.add_edge(owner, h, EdgeKind::Membership);
                h
            })
        };
        let mut person_nodes: HashMap<&str, NodeIndex> = HashMap::new();
        for (i, person) in map.people.iter().enumerate() {
            let category =
                if person.relations.contains(&Relation::Friend) { Category::Friend } else { Category::OtherPerson };
            let h = hub(&mut graph, category);
            let n = graph.add_node(node(NodeKind::Person(PersonId(i as u32)), category, person.name.clone(), false, 0));
            graph.add_edge(h, n, EdgeKind::Membership);
            person_nodes.entry(person.name.as_str()).or_insert(n);
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
        for (id, entry) in companies.iter() {
            let mut sources: Vec<CompanySource> =
                entry.records.iter().filter_map(|&i| map.companies.get(i)).flat_map(|c| c.sources.clone()).collect();
            sources.sort();
            sources.dedup();
            // A company only the public record names is drawn only when a statement is about it.
            if sources.is_empty() && !in_rows[id.index()] {
                continue;
            }
            let category = if sources.is_empty() { Category::Partner } else { Category::of_company(&sources) };
            let h = hub(&mut graph, category);
            let partner = entry.catalog_id.is_some();
            let n =
                graph.add_node(node(NodeKind::Company(id), category, entry.name.clone(), partner, people[id.index()]));
            graph.add_edge(h, n, EdgeKind::Membership);
            for other in secondary_categories(&sources, category) {
                let h2 = hub(&mut graph, other);
                graph.add_edge(h2, n, EdgeKind::AlsoVia);
            }
        }
        for thread in map.threads.iter().filter(|t| t.group && t.participants.len() <= MAX_GROUP_FOR_LINKS) {
            let members: Vec<NodeIndex> =
                thread.participants.iter().filter_map(|p| person_nodes.get(p.as_str()).copied()).collect();
            // A ring rather than a clique: enough to pull the group together without a knot of lines.
            for (a, b) in members.iter().zip(members.iter().cycle().skip(1)).take(members.len()) {
                if a != b && graph.find_edge(*a, *b).is_none() {
                    graph.add_edge(*a, *b, EdgeKind::SharedThread);
                }
            }
        }
        MapGraph { graph, owner }
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

    /// How big a node is drawn, in points: its links and, for a company, the people whose data it touched.
    /// The one size rule: the layout leaves [`Self::room`] for it and every view draws it at this size.
    pub fn radius(&self, n: NodeIndex) -> f32 {
        let g = &self.graph;
        let links = (g.neighbors(n).count() as f32).sqrt();
        match g[n].kind {
            NodeKind::Owner => 13.0,
            NodeKind::Hub => 8.0,
            NodeKind::Company(_) => (3.5 + links + 0.45 * (g[n].people as f32).sqrt()).min(14.0),
            NodeKind::Person(_) => 3.5 + links,
        }
    }

    /// The room the layout keeps around a node: its size, a partner's ring, and a margin (wider for the
    /// owner and the hubs, whose labels sit beside them).
    pub fn room(&self, n: NodeIndex) -> f32 {
        let node = &self.graph[n];
        let margin = match node.kind {
            NodeKind::Owner | NodeKind::Hub => 6.5,
            _ => 3.5,
        };
        self.radius(n) + margin + if node.partner { 2.5 } else { 0.0 }
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
        let g = MapGraph::build(&map, &companies, &[]);
        // owner, friends hub, A, advertiser hub, Shop, off-Meta hub
        assert_eq!(g.node_count(), 6);
        let shop = g.find("Shop").unwrap();
        assert_eq!(g.graph[shop].category, Category::Advertiser);
        assert_eq!(g.graph.neighbors(shop).count(), 2);
    }
}
