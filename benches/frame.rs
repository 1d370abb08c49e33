//! Frame-time benchmark for the graph canvas: a synthetic map of about 10,000 nodes and 15,000 edges,
//! drawn headless through the real view code, then tessellated, as egui does every frame. Prints the
//! median and the 90th percentile in milliseconds; the target on the project's 2-core machine is ≤ 8 ms.
//!
//! Run with `cargo bench --bench frame`; `PAUSE_MS=16` pauses between frames as a 60 Hz window does.

use datamap::demo::Rng;
use datamap::derive::Derived;
use datamap::graph::{MapGraph, Open};
use datamap::model::{Company, CompanySource, DataMap, Person, Relation, Thread};
use datamap::pipeline::Loaded;
use datamap::views::graph_view::GraphView;
use std::time::Instant;

fn synthetic(people: usize, companies: usize, groups: usize, seed: u64) -> Loaded {
    let mut rng = Rng::new(seed);
    let mut map = DataMap {
        schema: 1,
        owner: Some("Bench Owner".into()),
        export_date: Some("2026-01-01".into()),
        ..Default::default()
    };
    for i in 0..people {
        map.people.push(Person {
            name: format!("Person {i}"),
            relations: vec![if i % 6 == 0 { Relation::MessageContact } else { Relation::Friend }],
            friend_since: Some(rng.range(1_200_000_000, 1_750_000_000)),
            removed_at: None,
            messages: rng.range(0, 500) as u64,
            platforms: Vec::new(),
        });
    }
    let sources = [CompanySource::ConnectedApp, CompanySource::OffMetaActivity, CompanySource::AdvertiserList];
    for i in 0..companies {
        let mut s = vec![sources[i % 3]];
        if i % 2 == 0 {
            s.push(sources[(i + 1) % 3]);
        }
        s.sort();
        map.companies.push(Company {
            name: format!("Company {i}"),
            sources: s,
            events: rng.range(0, 40) as u64,
            ..Company::default()
        });
    }
    for g in 0..groups {
        let members = (0..10).map(|k| format!("Person {}", (g * 10 + k) % people)).collect();
        map.threads.push(Thread {
            title: format!("Group {g}"),
            folder: "inbox".into(),
            participants: members,
            messages: 10,
            first: None,
            last: None,
            group: true,
            per_year: Default::default(),
            days: Vec::new(),
            files: Vec::new(),
            platforms: Vec::new(),
        });
    }
    let derived = Derived::of(&map);
    let graph = MapGraph::build(&map, &derived.companies, &derived.rows, &derived.statements, &Open::new());
    let positions = (0..graph.node_count())
        .map(|_| {
            let (a, d) = (rng.range(0, 6283) as f32 / 1000.0, rng.range(0, 2000) as f32);
            [d * a.cos(), d * a.sin()]
        })
        .collect();
    Loaded::new(map, derived, graph, positions)
}

fn main() {
    let loaded = synthetic(6_000, 4_000, 300, 7);
    let edges = loaded.graph.graph.edge_count();
    let ctx = egui::Context::default();
    let mut view = GraphView::new(&loaded);
    let mut selected = None;
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0))),
        ..Default::default()
    };
    let frames: usize = std::env::var("FRAMES").ok().and_then(|f| f.parse().ok()).unwrap_or(60);
    // A window at 60 Hz pauses between frames; an allocator may hand freed memory back during the pause.
    let pause = std::env::var("PAUSE_MS").ok().and_then(|p| p.parse().ok()).map(std::time::Duration::from_millis);
    let (mut times, mut paint, mut tess) = (Vec::new(), Vec::new(), Vec::new());
    for frame in 0..frames {
        let started = Instant::now();
        let output = ctx.run_ui(input(), |ui| {
            egui::CentralPanel::default().show(ui, |ui| view.graph_ui(ui, &loaded, &mut selected, None));
        });
        let painted = started.elapsed().as_secs_f64() * 1000.0;
        let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        std::hint::black_box(primitives);
        if let Some(pause) = pause {
            std::thread::sleep(pause);
        }
        if frame >= 10 {
            times.push(ms);
            paint.push(painted);
            tess.push(ms - painted);
        }
    }
    let median = |v: &mut Vec<f64>, q: f64| {
        v.sort_by(f64::total_cmp);
        v.get(((v.len() - 1) as f64 * q) as usize).copied().unwrap_or(f64::NAN)
    };
    println!("nodes={} edges={edges} frames={}", loaded.graph.node_count(), times.len());
    println!("paint_ms median={:.2}  tessellate_ms median={:.2}", median(&mut paint, 0.5), median(&mut tess, 0.5));
    println!("paint_and_tessellate_ms median={:.2} p90={:.2}", median(&mut times, 0.5), median(&mut times, 0.9));
}
