//! The map at scale, headless: a big export is drawn as a bounded number of nodes that still say who
//! reached whom, counts are never lost, and opening an aggregate shows its members where it stood.

use datamap::graph::{Category, EdgeKind, GroupKey, Members, NodeKind, Open};
use datamap::pipeline::Loaded;
use std::sync::atomic::AtomicBool;

#[path = "common/scale.rs"]
mod scale;
use scale::{BUSINESSES, FRIENDS, THREADS, big_export};

fn members_of(loaded: &Loaded, category: Category) -> usize {
    loaded.graph.category_counts().into_iter().find(|(c, _)| *c == category).map_or(0, |(_, n)| n)
}

#[test]
fn a_big_export_is_a_few_hundred_nodes_and_every_member_is_counted() {
    let loaded = big_export();
    assert!(loaded.graph.node_count() < 200, "{} nodes", loaded.graph.node_count());
    assert_eq!(members_of(&loaded, Category::Friend), FRIENDS, "aggregates count their members");
    assert_eq!(members_of(&loaded, Category::OffMeta), BUSINESSES);
    // Every friend and company is drawn somewhere: on their own or in an aggregate.
    assert!(loaded.graph.person_node.iter().all(Option::is_some));
    let drawn = |id: datamap::exposure::CompanyId| loaded.graph.company_node[id.index()].is_some();
    assert!(loaded.rows.iter().all(|r| drawn(r.company_id)));
}

#[test]
fn friends_are_grouped_by_how_they_were_reached_and_linked_to_who_reached_them() {
    let loaded = big_export();
    let g = &loaded.graph.graph;
    let groups: Vec<(GroupKey, usize)> = loaded
        .graph
        .groups
        .iter()
        .filter(|grp| grp.key.category() == Category::Friend)
        .map(|grp| (grp.key, grp.members.len()))
        .collect();
    assert!(!groups.is_empty());
    let chats = groups.iter().find(|(k, _)| matches!(k, GroupKey::People(_, r) if r.through_chats()));
    assert!(chats.is_some(), "{groups:?}");
    // Spotify's messaging deal reached the friends in 2013 threads: some are kept on their own, the rest
    // are in an aggregate that says so.
    let in_threads = THREADS as usize;
    let kept_in_threads = g
        .node_indices()
        .filter(|n| matches!(g[*n].kind, NodeKind::Person(_)))
        .filter(|n| g[*n].label.starts_with("Pal ") && g[*n].weight > 0)
        .count();
    assert_eq!(chats.map_or(0, |c| c.1) + kept_in_threads, in_threads, "{groups:?}");
    // Each aggregate is linked to the companies that reached its members, with how many.
    for grp in loaded.graph.groups.iter().filter(|grp| matches!(grp.key, GroupKey::People(_, r) if !r.is_empty())) {
        let n = loaded.graph.graph.node_indices().find(|n| loaded.graph.group(*n) == Some(grp)).unwrap();
        let reach: Vec<u32> =
            g.edges(n).filter_map(|e| if let EdgeKind::Reach(k) = e.weight() { Some(*k) } else { None }).collect();
        assert!(!reach.is_empty(), "{:?} has no reach lines", grp.key);
        assert!(reach.iter().all(|k| *k as usize <= grp.members.len()));
    }
    let spotify = loaded.graph.find("Spotify").expect("a partner keeps its own node");
    assert!(g[spotify].partner);
}

#[test]
fn opening_an_aggregate_shows_its_members_around_where_it_stood() {
    let mut loaded = big_export();
    let (i, grp) = loaded
        .graph
        .groups
        .iter()
        .enumerate()
        .find(|(_, g)| g.key == GroupKey::Companies(Category::OffMeta))
        .map(|(i, g)| (i, g.clone()))
        .expect("the businesses are aggregated");
    let node = loaded.graph.graph.node_indices().find(|n| loaded.graph.graph[*n].kind == NodeKind::Group(i)).unwrap();
    let at = loaded.positions[node.index()];
    let owner_at = loaded.positions[loaded.graph.owner.index()];
    let before = loaded.graph.node_count();
    let Members::Companies(ids) = &grp.members else { panic!("companies") };
    loaded.set_open(Open::from([grp.key]));
    assert!(!loaded.settled);
    assert_eq!(loaded.graph.node_count(), before - 1 + ids.len());
    assert_eq!(loaded.positions[loaded.graph.owner.index()], owner_at, "nodes that stay keep their place");
    let first = loaded.graph.company_node[ids[0].index()].unwrap();
    let p = loaded.positions[first.index()];
    assert!(((p[0] - at[0]).powi(2) + (p[1] - at[1]).powi(2)).sqrt() < 200.0, "new nodes start where it stood");
    assert_eq!(members_of(&loaded, Category::OffMeta), BUSINESSES);
    loaded.settle(&AtomicBool::new(false)).unwrap();
    assert!(loaded.positions.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    // Closing it again gives back the aggregated map.
    loaded.set_open(Open::new());
    assert_eq!(loaded.graph.node_count(), before);
}

#[test]
fn the_redacted_copy_opens_alike() {
    let loaded = big_export();
    let key = loaded.graph.groups[0].key;
    let (mut real, mut redacted) = (loaded.clone(), loaded.redacted());
    real.set_open(Open::from([key]));
    redacted.set_open(Open::from([key]));
    assert_eq!(real.graph.node_count(), redacted.graph.node_count());
    assert_eq!(real.positions, redacted.positions);
    let names: Vec<&str> = redacted.graph.graph.node_weights().map(|n| n.label.as_str()).collect();
    assert!(!names.iter().any(|n| n.starts_with("Pal ")), "labels stay pseudonyms after a rebuild");
}
