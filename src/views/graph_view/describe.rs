//! What a node's tooltip says: who or what it is and the facts the export gives about it.

use crate::exposure::CompanyId;
use crate::graph::{EdgeKind, GroupKey, NodeKind};
use crate::model::format_date;
use crate::pipeline::Loaded;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

/// The company a node stands for, if it is one.
pub(crate) fn company_of(node: &crate::graph::Node) -> Option<CompanyId> {
    match node.kind {
        NodeKind::Company(id) => Some(id),
        _ => None,
    }
}

/// The facts behind a node, for its tooltip.
pub(super) fn describe(loaded: &Loaded, node: usize) -> String {
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
        NodeKind::Group(_) => describe_group(loaded, n),
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

/// An aggregate: how many, what they share, the companies that reached most of them, and that a click
/// opens it.
fn describe_group(loaded: &Loaded, n: NodeIndex) -> String {
    let g = &loaded.graph.graph;
    let Some(group) = loaded.graph.group(n) else { return g[n].label.clone() };
    let count = crate::graph::groups::thousands(group.members.len());
    let noun = crate::graph::groups::noun(group.key.category());
    let mut s = match group.key {
        GroupKey::People(_, reach) => format!("{count} {noun}, {}", reach.phrase()),
        GroupKey::Companies(_) => format!("{count} more {noun}, drawn as one node to keep the map readable"),
    };
    let mut reach: Vec<(u32, String)> = g
        .edges(n)
        .filter_map(|e| match e.weight() {
            EdgeKind::Reach(people) => {
                let other = if e.source() == n { e.target() } else { e.source() };
                Some((*people, g[other].label.clone()))
            }
            _ => None,
        })
        .collect();
    reach.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    if !reach.is_empty() {
        s.push_str("\nCould be reached by:");
        for (people, name) in reach.iter().take(6) {
            s.push_str(&format!("\n  {name}: {}", crate::graph::groups::thousands(*people as usize)));
        }
        if reach.len() > 6 {
            s.push_str(&format!("\n  and {} more", reach.len() - 6));
        }
    }
    s.push_str("\nClick to show them one by one");
    s
}
