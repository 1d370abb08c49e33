// Runs d3-force on a graph written by `datamap bench layout --graph-out`, with d3's default forces
// (link distance 30 and strength 1/min(degree), many-body -30 with theta 0.9, centre), for a fixed number
// of ticks, and prints `ms_per_tick=<x>` last, like the Rust side. Only the tick loop is timed.
//
// usage: node layout_d3.mjs G.json TICKS [P.json]
import { readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { forceCenter, forceLink, forceManyBody, forceSimulation } from "d3-force";

const [graphPath, ticksArg, positionsPath] = process.argv.slice(2);
const ticks = Number.parseInt(ticksArg ?? "", 10);
if (!graphPath || !(ticks > 0)) {
  console.error("usage: node layout_d3.mjs G.json TICKS [P.json]");
  process.exit(2);
}
const graph = JSON.parse(readFileSync(graphPath, "utf8"));
const nodes = Array.from({ length: graph.nodes }, (_, index) => ({ index }));
const links = graph.edges.map(([source, target]) => ({ source, target }));

const simulation = forceSimulation(nodes)
  .force("link", forceLink(links))
  .force("charge", forceManyBody())
  .force("center", forceCenter())
  .stop();

const start = performance.now();
simulation.tick(ticks);
const ms = performance.now() - start;

if (positionsPath) {
  writeFileSync(positionsPath, JSON.stringify(nodes.map((n) => [n.x, n.y])) + "\n");
}
console.log(`nodes=${graph.nodes} edges=${graph.edges.length} ticks=${ticks} total_ms=${ms.toFixed(1)}`);
console.log(`ms_per_tick=${(ms / ticks).toFixed(3)}`);
