// One layout-quality figure, computed the same way for every engine's output so they can be compared:
// normalised stress on sampled pairs. For 64 source nodes (fixed, evenly spaced) it takes the graph
// distance d (hops, by BFS) to every reachable node and the drawn distance e, scales the drawing by the
// factor s that fits best, and reports mean((s·e/d − 1)²). 0 means drawn distances are exactly proportional
// to graph distances; lower is better. Scaling out first makes it fair between engines whose layouts differ
// only in overall size (d3's centre force vs datamap's gravity).
//
// usage: node layout_quality.mjs G.json P.json [P2.json ...]   → one `stress=<x> file=<P>` line per file
import { readFileSync } from "node:fs";

const [graphPath, ...positionPaths] = process.argv.slice(2);
if (!graphPath || positionPaths.length === 0) {
  console.error("usage: node layout_quality.mjs G.json P.json [P2.json ...]");
  process.exit(2);
}
const graph = JSON.parse(readFileSync(graphPath, "utf8"));
const n = graph.nodes;

// Adjacency in CSR form, so BFS on 50k nodes stays fast.
const degree = new Int32Array(n + 1);
for (const [a, b] of graph.edges) {
  degree[a + 1]++;
  degree[b + 1]++;
}
for (let i = 0; i < n; i++) degree[i + 1] += degree[i];
const fill = degree.slice(0, n);
const adjacent = new Int32Array(degree[n]);
for (const [a, b] of graph.edges) {
  adjacent[fill[a]++] = b;
  adjacent[fill[b]++] = a;
}

const SOURCES = 64;
const pairs = []; // [i, j, hops] flattened
const dist = new Int32Array(n);
const queue = new Int32Array(n);
for (let k = 0; k < Math.min(SOURCES, n); k++) {
  const source = Math.floor((k * n) / Math.min(SOURCES, n));
  dist.fill(-1);
  dist[source] = 0;
  let head = 0;
  let tail = 0;
  queue[tail++] = source;
  while (head < tail) {
    const u = queue[head++];
    for (let e = degree[u]; e < degree[u + 1]; e++) {
      const v = adjacent[e];
      if (dist[v] < 0) {
        dist[v] = dist[u] + 1;
        queue[tail++] = v;
        pairs.push(source, v, dist[v]);
      }
    }
  }
}

for (const path of positionPaths) {
  const pos = JSON.parse(readFileSync(path, "utf8"));
  if (pos.length !== n) {
    console.error(`${path}: ${pos.length} positions for ${n} nodes`);
    process.exit(2);
  }
  // ratio r = e/d per pair; best scale s = Σr / Σr²; stress = mean((s·r − 1)²).
  let sumR = 0;
  let sumR2 = 0;
  const count = pairs.length / 3;
  const ratios = new Float64Array(count);
  for (let p = 0; p < count; p++) {
    const [i, j, d] = [pairs[3 * p], pairs[3 * p + 1], pairs[3 * p + 2]];
    const r = Math.hypot(pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]) / d;
    ratios[p] = r;
    sumR += r;
    sumR2 += r * r;
  }
  const s = sumR2 > 0 ? sumR / sumR2 : 0;
  let stress = 0;
  for (const r of ratios) stress += (s * r - 1) ** 2;
  console.log(`stress=${(stress / Math.max(count, 1)).toFixed(4)} file=${path}`);
}
