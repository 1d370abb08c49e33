//! `datamap bench steps`: the time of every stage between a dropped export and a settled map, measured in
//! one process so start-up is not counted, for bench/end_to_end.sh. Each stage is timed on its own, in the
//! order the window runs them.

use super::{Derived, Loaded, layout_for};
use crate::archive::Input;
use crate::exposure;
use crate::graph::{MapGraph, Open};
use crate::import::{ImportError, Monitor, import};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

/// One `key=seconds` pair per stage, on one line.
pub fn steps(inputs: &[Input]) -> Result<String, ImportError> {
    let cancel = AtomicBool::new(false);
    let mut line = String::new();
    let mut lap =
        |name: &str, started: Instant| line.push_str(&format!("{name}={:.3} ", started.elapsed().as_secs_f64()));
    let t = Instant::now();
    let map = import(inputs, &Monitor::silent(&cancel))?;
    lap("import", t);
    let t = Instant::now();
    let exposure = exposure::derive(&map, crate::catalog::builtin());
    lap("statements", t);
    let t = Instant::now();
    let rows = exposure::rows(&exposure.statements);
    lap("rows", t);
    let t = Instant::now();
    let timelines = crate::timeline::company_timelines(&map, &exposure.companies, &exposure.statements, &rows);
    lap("timelines", t);
    let t = Instant::now();
    let network = crate::timeline::network(&map, &exposure.statements);
    lap("network", t);
    let t = Instant::now();
    let actions = crate::actions::actions(&map, &exposure.statements);
    lap("actions", t);
    let derived =
        Derived { companies: exposure.companies, statements: exposure.statements, rows, timelines, network, actions };
    let t = Instant::now();
    let json = crate::report::to_json(&map, &derived);
    lap("json", t);
    let t = Instant::now();
    let graph = MapGraph::build(&map, &derived.companies, &derived.rows, &derived.statements, &Open::new());
    lap("graph", t);
    let t = Instant::now();
    let mut layout = layout_for(&graph, 1);
    let mut ticks = 0;
    while layout.tick() {
        ticks += 1;
    }
    lap("layout", t);
    let t = Instant::now();
    let loaded = Loaded::new(map, derived, graph, layout.positions().to_vec());
    let redacted = loaded.redacted();
    lap("redact", t);
    line.push_str(&format!(
        "nodes={} ticks={ticks} statements={} rows={} json_bytes={}",
        redacted.graph.node_count(),
        redacted.statements.len(),
        redacted.rows.len(),
        json.len()
    ));
    Ok(line)
}
