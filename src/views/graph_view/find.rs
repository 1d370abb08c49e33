//! Find: every person and company whose name contains the text, best matches first (the whole name, then
//! a name that starts with it, then one that contains it), whether or not the map draws them on their own.
//! Three friends called Wren are three results, each with what they are, so the person picks the right one.

use crate::exposure::CompanyId;
use crate::graph::Category;
use crate::model::{PersonId, Relation};
use crate::pipeline::Loaded;

/// Results beyond this many are counted but not listed.
pub const MAX_LISTED: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Person(PersonId),
    Company(CompanyId),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub found: Found,
    pub name: String,
    pub category: Category,
    /// The node that draws it: its own, or the aggregate it is in.
    pub node: Option<usize>,
}

/// All matches for `query` (case-insensitive), best first, and the total count.
pub fn find(loaded: &Loaded, query: &str) -> (Vec<Match>, usize) {
    let q = query.trim().to_lowercase();
    if q.is_empty() {
        return (Vec::new(), 0);
    }
    let rank = |name: &str| {
        let name = name.to_lowercase();
        if name == q {
            Some(0)
        } else if name.starts_with(&q) {
            Some(1)
        } else if name.contains(&q) {
            Some(2)
        } else {
            None
        }
    };
    let graph = &loaded.graph;
    let mut found: Vec<(u8, Match)> = Vec::new();
    for (i, person) in loaded.map.people.iter().enumerate() {
        if let Some(r) = rank(&person.name) {
            let category =
                if person.relations.contains(&Relation::Friend) { Category::Friend } else { Category::OtherPerson };
            let node = graph.person_node.get(i).copied().flatten().map(|n| n.index());
            found.push((
                r,
                Match { found: Found::Person(PersonId(i as u32)), name: person.name.clone(), category, node },
            ));
        }
    }
    for n in graph.graph.node_indices() {
        let node = &graph.graph[n];
        if let crate::graph::NodeKind::Company(id) = node.kind
            && let Some(r) = rank(&node.label)
        {
            let m = Match {
                found: Found::Company(id),
                name: node.label.clone(),
                category: node.category,
                node: Some(n.index()),
            };
            found.push((r, m));
        }
    }
    // Companies inside an aggregate are found too, by the directory's names.
    for (id, entry) in loaded.companies.iter() {
        let Some(n) = graph.company_node.get(id.index()).copied().flatten() else { continue };
        if graph.group(n).is_none() {
            continue;
        }
        if let Some(r) = rank(&entry.name) {
            let category = graph.graph[n].category;
            let m = Match { found: Found::Company(id), name: entry.name.clone(), category, node: Some(n.index()) };
            found.push((r, m));
        }
    }
    found.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name)));
    let total = found.len();
    (found.into_iter().take(MAX_LISTED).map(|f| f.1).collect(), total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_match_is_listed_best_first_with_its_category() {
        let cancel = std::sync::atomic::AtomicBool::new(false);
        let loaded = crate::pipeline::load(&[crate::demo::demo_input()], &crate::import::Monitor::silent(&cancel))
            .expect("the demo loads");
        let (matches, total) = find(&loaded, "spot");
        assert_eq!(total, matches.len());
        assert_eq!(matches.first().map(|m| m.name.as_str()), Some("Spotify"));
        assert!(matches.iter().all(|m| m.name.to_lowercase().contains("spot")));
        // A person's first name finds every person with it.
        let first = loaded.map.people[0].name.split(' ').next().unwrap_or_default().to_owned();
        let same: usize =
            loaded.map.people.iter().filter(|p| p.name.to_lowercase().contains(&first.to_lowercase())).count();
        let (people, _) = find(&loaded, &first);
        assert_eq!(people.iter().filter(|m| matches!(m.found, Found::Person(_))).count(), same);
        assert!(people.iter().all(|m| m.node.is_some()));
        assert_eq!(find(&loaded, "zzzz-no-such-name"), (Vec::new(), 0));
    }
}
