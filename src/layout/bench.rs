//! `datamap bench layout`: times the layout engine on a fixed family of random graphs (a random tree plus
//! N/2 extra edges), so it can be compared with d3-force on exactly the same input (bench/layout.sh writes
//! the graph out with `--graph-out` and feeds it to both). Only the tick loop is timed.

use super::random::random_graph;
use super::{ForceLayout, Link};
use std::fmt::Write as _;
use std::time::Instant;

/// `datamap bench layout` (bench/layout.sh passes these).
#[derive(clap::Args, Debug, Clone)]
pub struct LayoutArgs {
    /// Nodes in the random graph
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    pub nodes: u64,
    /// Picks the graph and the starting positions
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Ticks to run, whatever the layout's own stopping rule says
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..))]
    pub ticks: u32,
    /// Worker threads (0: one per core)
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Write the graph here, for d3-force to read
    #[arg(long, value_name = "G.json")]
    pub graph_out: Option<String>,
    /// Write the final positions here
    #[arg(long, value_name = "P.json")]
    pub positions_out: Option<String>,
}

/// Runs the benchmark and returns its two result lines.
pub fn run(args: &LayoutArgs) -> Result<String, String> {
    let nodes = args.nodes as usize;
    let edges = random_graph(nodes, args.seed);
    if let Some(path) = &args.graph_out {
        let mut json = format!("{{\"nodes\": {nodes}, \"edges\": [");
        for (k, [a, b]) in edges.iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(json, "{sep}[{a},{b}]");
        }
        json.push_str("]}\n");
        std::fs::write(path, json).map_err(|e| format!("{path}: {e}"))?;
    }
    let links = edges.iter().map(|&[a, b]| Link::new(a, b, 30.0)).collect();
    let mut layout = ForceLayout::new(nodes, links, args.seed);
    layout.params.threads = args.threads;
    // d3's `simulation.tick(n)` runs n ticks whatever alpha is; do the same so both engines run T ticks.
    layout.params.alpha_min = 0.0;
    let threads = layout.threads();
    let start = Instant::now();
    for _ in 0..args.ticks {
        layout.tick();
    }
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    if let Some(path) = &args.positions_out {
        let mut json = String::from("[");
        for (k, p) in layout.positions().iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(json, "{sep}[{},{}]", p[0], p[1]);
        }
        json.push_str("]\n");
        std::fs::write(path, json).map_err(|e| format!("{path}: {e}"))?;
    }
    Ok(format!(
        "nodes={nodes} edges={} ticks={} threads={threads} total_ms={ms:.1}\nms_per_tick={:.3}",
        edges.len(),
        args.ticks,
        ms / f64::from(args.ticks)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_graph_and_the_positions() {
        let dir = std::env::temp_dir().join(format!("datamap-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (g, p) = (dir.join("g.json"), dir.join("p.json"));
        let args = LayoutArgs {
            nodes: 30,
            seed: 4,
            ticks: 5,
            threads: 0,
            graph_out: Some(g.display().to_string()),
            positions_out: Some(p.display().to_string()),
        };
        let lines = run(&args).unwrap();
        assert!(lines.starts_with("nodes=30 edges=44 ticks=5"), "{lines}");
        let graph: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        assert_eq!(graph["nodes"], 30);
        assert_eq!(graph["edges"].as_array().map(Vec::len), Some(29 + 15));
        let pos: Vec<[f32; 2]> = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        assert_eq!(pos.len(), 30);
        assert!(pos.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
