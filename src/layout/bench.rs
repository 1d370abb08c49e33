//! `datamap bench layout`: times the layout engine on a fixed family of random graphs (a random tree plus
//! N/2 extra edges), so it can be compared with d3-force on exactly the same input (bench/layout.sh writes
//! the graph out with `--graph-out` and feeds it to both). Only the tick loop is timed.

use super::{ForceLayout, Link};
use std::fmt::Write as _;
use std::time::Instant;

const USAGE: &str = "usage: datamap bench layout --nodes N --seed S --ticks T [--threads K] \
[--graph-out G.json] [--positions-out P.json]";

struct Args {
    nodes: usize,
    seed: u64,
    ticks: u32,
    threads: usize,
    graph_out: Option<String>,
    positions_out: Option<String>,
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut out = Args { nodes: 0, seed: 1, ticks: 300, threads: 0, graph_out: None, positions_out: None };
    let mut nodes = None;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let number = |v: &str| v.parse::<u64>().map_err(|_| format!("{flag}: \"{v}\" is not a whole number"));
        match flag.as_str() {
            "--nodes" => nodes = Some(number(value()?)? as usize),
            "--seed" => out.seed = number(value()?)?,
            "--ticks" => out.ticks = u32::try_from(number(value()?)?).map_err(|_| format!("{flag}: too large"))?,
            "--threads" => out.threads = number(value()?)? as usize,
            "--graph-out" => out.graph_out = Some(value()?.clone()),
            "--positions-out" => out.positions_out = Some(value()?.clone()),
            other => return Err(format!("unknown argument \"{other}\"")),
        }
    }
    out.nodes = nodes.ok_or("--nodes is required")?;
    if out.nodes == 0 || out.nodes > 10_000_000 {
        return Err("--nodes must be between 1 and 10000000".into());
    }
    if out.ticks == 0 {
        return Err("--ticks must be at least 1".into());
    }
    Ok(out)
}

/// SplitMix64: tiny, seedable, and the same on every platform, so a seed names one graph forever.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64 * n as f64) as usize
    }
}

/// The benchmark graph: node i > 0 hangs off a uniformly chosen earlier node (a random recursive tree), then
/// N/2 extra edges join uniformly chosen distinct pairs.
pub fn random_graph(nodes: usize, seed: u64) -> Vec<[usize; 2]> {
    let mut rng = Rng(seed);
    let mut edges = Vec::with_capacity(nodes + nodes / 2);
    for i in 1..nodes {
        edges.push([rng.below(i), i]);
    }
    if nodes >= 2 {
        for _ in 0..nodes / 2 {
            let a = rng.below(nodes);
            let b = (a + 1 + rng.below(nodes - 1)) % nodes;
            edges.push([a, b]);
        }
    }
    edges
}

pub fn run_layout_bench(args: &[String]) -> i32 {
    let args = match parse(args) {
        Ok(a) => a,
        Err(problem) => {
            eprintln!("datamap bench layout: {problem}\n{USAGE}");
            return 2;
        }
    };
    let edges = random_graph(args.nodes, args.seed);
    if let Some(path) = &args.graph_out {
        let mut json = format!("{{\"nodes\": {}, \"edges\": [", args.nodes);
        for (k, [a, b]) in edges.iter().enumerate() {
            let sep = if k == 0 { "" } else { "," };
            let _ = write!(json, "{sep}[{a},{b}]");
        }
        json.push_str("]}\n");
        if let Err(e) = std::fs::write(path, json) {
            eprintln!("datamap bench layout: {path}: {e}");
            return 2;
        }
    }
    let links = edges.iter().map(|&[a, b]| Link::new(a, b, 30.0)).collect();
    let mut layout = ForceLayout::new(args.nodes, links, args.seed);
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
        if let Err(e) = std::fs::write(path, json) {
            eprintln!("datamap bench layout: {path}: {e}");
            return 2;
        }
    }
    println!("nodes={} edges={} ticks={} threads={threads} total_ms={ms:.1}", args.nodes, edges.len(), args.ticks);
    println!("ms_per_tick={:.3}", ms / f64::from(args.ticks));
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn graph_is_a_tree_plus_half_as_many_extra_edges_and_fixed_by_the_seed() {
        let g = random_graph(1000, 9);
        assert_eq!(g.len(), 999 + 500);
        assert!(g.iter().all(|&[a, b]| a != b && a < 1000 && b < 1000));
        assert!(g[..999].iter().enumerate().all(|(k, &[parent, child])| child == k + 1 && parent < child));
        assert_eq!(g, random_graph(1000, 9));
        assert_ne!(g, random_graph(1000, 10));
    }

    #[test]
    fn bad_arguments_are_rejected_with_exit_code_2() {
        for bad in [&[][..], &["--nodes"], &["--nodes", "x"], &["--nodes", "10", "--frob"], &["--nodes", "0"]] {
            assert_eq!(run_layout_bench(&strings(bad)), 2, "{bad:?}");
        }
    }

    #[test]
    fn writes_the_graph_and_the_positions() {
        let dir = std::env::temp_dir().join(format!("datamap-bench-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (g, p) = (dir.join("g.json"), dir.join("p.json"));
        let args = ["--nodes", "30", "--seed", "4", "--ticks", "5"];
        let mut args = strings(&args);
        args.extend(["--graph-out".into(), g.display().to_string(), "--positions-out".into(), p.display().to_string()]);
        assert_eq!(run_layout_bench(&args), 0);
        let graph: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        assert_eq!(graph["nodes"], 30);
        assert_eq!(graph["edges"].as_array().map(Vec::len), Some(29 + 15));
        let pos: Vec<[f32; 2]> = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        assert_eq!(pos.len(), 30);
        assert!(pos.iter().all(|q| q[0].is_finite() && q[1].is_finite()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
