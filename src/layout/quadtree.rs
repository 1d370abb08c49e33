//! Barnes–Hut approximation of many-body repulsion: nodes are binned into a quadtree, and a distant cell
//! acts on a node as one body at its charge-weighted centre. That turns an O(n²) force into O(n log n).
//!
//! The tree is rebuilt every tick, so it is built for speed rather than for updates:
//! - Bodies are copied into one array and partitioned in place into quadrants (like quicksort), so every
//!   cell owns a contiguous run of bodies and a leaf's direct sum is a linear scan.
//! - Cells are stored in pre-order with a `skip` index (the cell after its subtree). The force walk is then a
//!   single loop over an array — "descend" is `k + 1` and "done with this subtree" is `skip` — with no stack
//!   and no pointer chasing.
//! - All buffers live in the tree and are reused, so a rebuild allocates nothing once the sizes are stable.
//! - Bodies end up in spatial order, so walking them in that order (and splitting that order into chunks for
//!   threads) keeps neighbouring walks on the same cells in cache.
//!
//! The acceptance test and the short-range clamp follow d3-force's `forceManyBody` exactly (a cell of width
//! `w` at squared distance `l` counts as one body when `w² / θ² < l`; `l` below 1 is replaced by `√l`), so
//! layouts match d3's in character.

const NONE: u32 = u32::MAX;
/// Past this depth points share a leaf instead of splitting further, so coincident points cannot recurse
/// forever.
const MAX_DEPTH: u32 = 24;
/// Up to this many bodies share a leaf. Splitting down to single bodies (as d3 does) makes more, smaller
/// cells whose overhead outweighs a short direct sum; a leaf still counts as one body when it is far enough.
const LEAF_SIZE: usize = 8;

#[derive(Debug, Clone, Copy)]
struct Body {
    x: f32,
    y: f32,
    charge: f32,
    /// The node this body stands for.
    index: u32,
}

#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    /// Charge-weighted centre (weighted by |charge|, as d3 does) and total charge.
    cx: f32,
    cy: f32,
    charge: f32,
    /// Squared width of the cell.
    w2: f32,
    /// The first cell after this one's subtree.
    skip: u32,
    /// This leaf's bodies are `bodies[first..first + count]`; `count == 0` marks an inner cell, whose first
    /// child is the next cell.
    first: u32,
    count: u32,
}

#[derive(Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    bodies: Vec<Body>,
}

impl QuadTree {
    pub fn new() -> QuadTree {
        QuadTree::default()
    }

    /// Convenience for tests: a tree built once.
    #[cfg(test)]
    pub fn build(pos: &[[f32; 2]], charge: &[f32]) -> QuadTree {
        let mut tree = QuadTree::new();
        tree.rebuild(pos, charge);
        tree
    }

    /// Rebuild for new positions, reusing the buffers. Nodes at non-finite positions are left out (they
    /// neither push nor get pushed), so one bad value cannot poison every other node's force.
    pub fn rebuild(&mut self, pos: &[[f32; 2]], charge: &[f32]) {
        self.cells.clear();
        self.bodies.clear();
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for (i, p) in pos.iter().enumerate() {
            if p[0].is_finite() && p[1].is_finite() {
                x0 = x0.min(p[0]);
                y0 = y0.min(p[1]);
                x1 = x1.max(p[0]);
                y1 = y1.max(p[1]);
                let q = charge.get(i).copied().unwrap_or(0.0);
                self.bodies.push(Body { x: p[0], y: p[1], charge: q, index: i as u32 });
            }
        }
        if self.bodies.is_empty() {
            return;
        }
        let size = (x1 - x0).max(y1 - y0).max(1.0) * 1.0001;
        self.build_cell(0, self.bodies.len(), x0, y0, size, 0);
    }

    /// Number of bodies, i.e. of slots that [`QuadTree::forces`] fills.
    pub fn len(&self) -> usize {
        self.bodies.len()
    }

    /// The node in tree slot `slot`.
    pub fn node(&self, slot: usize) -> usize {
        self.bodies[slot].index as usize
    }

    /// Build the subtree over `bodies[lo..hi]` (all inside the square at `x0, y0` of width `size`) in
    /// pre-order. Recursion is bounded by MAX_DEPTH.
    fn build_cell(&mut self, lo: usize, hi: usize, x0: f32, y0: f32, size: f32, depth: u32) {
        let me = self.cells.len();
        self.cells.push(Cell { w2: size * size, ..Cell::default() });
        if hi - lo <= LEAF_SIZE || depth >= MAX_DEPTH {
            let (mut total, mut weight, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
            for b in &self.bodies[lo..hi] {
                total += b.charge;
                weight += b.charge.abs();
                sx += b.charge.abs() * b.x;
                sy += b.charge.abs() * b.y;
            }
            let (cx, cy) = if weight > 0.0 { (sx / weight, sy / weight) } else { (x0, y0) };
            let cell = &mut self.cells[me];
            (cell.cx, cell.cy, cell.charge) = (cx, cy, total);
            (cell.first, cell.count, cell.skip) = (lo as u32, (hi - lo) as u32, me as u32 + 1);
            return;
        }
        let half = size / 2.0;
        let (mx, my) = (x0 + half, y0 + half);
        let bodies = &mut self.bodies;
        let m = lo + partition(&mut bodies[lo..hi], |b| b.y < my);
        let m0 = lo + partition(&mut bodies[lo..m], |b| b.x < mx);
        let m1 = m + partition(&mut bodies[m..hi], |b| b.x < mx);
        let quadrants = [(lo, m0, x0, y0), (m0, m, mx, y0), (m, m1, x0, my), (m1, hi, mx, my)];
        let (mut total, mut weight, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
        for (a, b, qx, qy) in quadrants {
            if a == b {
                continue;
            }
            let child = self.cells.len();
            self.build_cell(a, b, qx, qy, half, depth + 1);
            let c = self.cells[child];
            total += c.charge;
            weight += c.charge.abs();
            sx += c.charge.abs() * c.cx;
            sy += c.charge.abs() * c.cy;
        }
        let (cx, cy) = if weight > 0.0 { (sx / weight, sy / weight) } else { (mx, my) };
        let skip = self.cells.len() as u32;
        let cell = &mut self.cells[me];
        (cell.cx, cell.cy, cell.charge, cell.skip, cell.first) = (cx, cy, total, skip, NONE);
    }

    /// The repulsion (before multiplying by alpha) on the bodies in slots `first..first + out.len()`, written
    /// to `out`. Each slot is computed on its own from the shared tree, so splitting the slots between
    /// threads gives bit-identical results.
    pub fn forces(&self, first: usize, out: &mut [[f32; 2]], theta2: f32) {
        for (k, f) in out.iter_mut().enumerate() {
            *f = self.force_on_slot(first + k, theta2);
        }
    }

    fn force_on_slot(&self, slot: usize, theta2: f32) -> [f32; 2] {
        let me = self.bodies[slot];
        let (x, y) = (me.x, me.y);
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        let cells = self.cells.as_slice();
        let mut k = 0usize;
        while let Some(cell) = cells.get(k) {
            if cell.charge == 0.0 {
                k = cell.skip as usize;
                continue;
            }
            let dx = cell.cx - x;
            let dy = cell.cy - y;
            let l = dx * dx + dy * dy;
            if cell.w2 < l * theta2 {
                let l = if l < 1.0 { l.sqrt() } else { l };
                let s = cell.charge / l;
                fx += dx * s;
                fy += dy * s;
                k = cell.skip as usize;
                continue;
            }
            if cell.count == 0 {
                k += 1;
                continue;
            }
            let first = cell.first as usize;
            let leaf = self.bodies.get(first..first + cell.count as usize).unwrap_or_default();
            for (j, other) in leaf.iter().enumerate() {
                if first + j == slot {
                    continue;
                }
                let (mut dx, mut dy) = (other.x - x, other.y - y);
                if dx == 0.0 && dy == 0.0 {
                    // Deterministic nudge for coincident points, so they separate.
                    dx = 1e-3 * ((other.index as f32) - (me.index as f32)).signum();
                    dy = 1e-3 * (((other.index.wrapping_mul(7)) % 3) as f32 - 1.0);
                }
                let mut l = dx * dx + dy * dy;
                if l < 1.0 {
                    l = l.sqrt();
                }
                let s = other.charge / l;
                fx += dx * s;
                fy += dy * s;
            }
            k = cell.skip as usize;
        }
        [fx, fy]
    }
}

/// Move the bodies for which `left` holds to the front, keeping the rest behind; returns how many moved.
fn partition(bodies: &mut [Body], left: impl Fn(&Body) -> bool) -> usize {
    let mut i = 0;
    for j in 0..bodies.len() {
        if left(&bodies[j]) {
            bodies.swap(i, j);
            i += 1;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(i: usize, pos: &[[f32; 2]], charge: &[f32]) -> [f32; 2] {
        let mut f = [0.0; 2];
        for (j, q) in pos.iter().enumerate().filter(|(j, _)| *j != i) {
            let (dx, dy) = (q[0] - pos[i][0], q[1] - pos[i][1]);
            let l = (dx * dx + dy * dy).max(1.0);
            f[0] += dx * charge[j] / l;
            f[1] += dy * charge[j] / l;
        }
        f
    }

    fn force_on_node(tree: &QuadTree, node: usize, theta2: f32) -> [f32; 2] {
        let slot = (0..tree.len()).find(|&s| tree.node(s) == node).unwrap_or(usize::MAX);
        tree.force_on_slot(slot, theta2)
    }

    #[test]
    fn approximation_is_close_to_the_exact_sum() {
        let pos: Vec<[f32; 2]> =
            (0..400).map(|i| [((i * 37) % 101) as f32 * 3.0, ((i * 53) % 97) as f32 * 3.0]).collect();
        let charge = vec![-30.0; pos.len()];
        let tree = QuadTree::build(&pos, &charge);
        for i in [0, 57, 399] {
            let (a, e) = (force_on_node(&tree, i, 0.81), exact(i, &pos, &charge));
            let err = ((a[0] - e[0]).powi(2) + (a[1] - e[1]).powi(2)).sqrt();
            let mag = (e[0].powi(2) + e[1].powi(2)).sqrt().max(1e-3);
            assert!(err / mag < 0.1, "node {i}: {a:?} vs {e:?}");
        }
    }

    #[test]
    fn theta_zero_is_the_exact_sum() {
        let pos: Vec<[f32; 2]> = (0..100).map(|i| [(i % 10) as f32 * 7.0, (i / 10) as f32 * 5.0]).collect();
        let charge: Vec<f32> = (0..100).map(|i| -10.0 - i as f32).collect();
        let tree = QuadTree::build(&pos, &charge);
        for i in [0, 42, 99] {
            let (a, e) = (force_on_node(&tree, i, 0.0), exact(i, &pos, &charge));
            assert!((a[0] - e[0]).abs() < 1e-3 * e[0].abs().max(1.0), "{a:?} vs {e:?}");
            assert!((a[1] - e[1]).abs() < 1e-3 * e[1].abs().max(1.0), "{a:?} vs {e:?}");
        }
    }

    #[test]
    fn every_node_gets_exactly_one_slot_and_bad_positions_are_left_out() {
        let mut pos: Vec<[f32; 2]> = (0..50).map(|i| [i as f32, (i * i % 17) as f32]).collect();
        pos[3] = [f32::NAN, 0.0];
        let mut tree = QuadTree::new();
        tree.rebuild(&pos, &[-30.0; 50]);
        let mut seen: Vec<usize> = (0..tree.len()).map(|s| tree.node(s)).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..50).filter(|&i| i != 3).collect::<Vec<_>>());
        // Rebuilding into the same buffers gives the same tree.
        let before: Vec<[f32; 2]> = (0..tree.len()).map(|s| tree.force_on_slot(s, 0.81)).collect();
        tree.rebuild(&pos, &[-30.0; 50]);
        let after: Vec<[f32; 2]> = (0..tree.len()).map(|s| tree.force_on_slot(s, 0.81)).collect();
        assert_eq!(before, after);
    }

    #[test]
    fn coincident_points_do_not_recurse_forever() {
        let pos = vec![[1.0, 1.0]; 1000];
        let charge = vec![-30.0; 1000];
        let tree = QuadTree::build(&pos, &charge);
        let f = force_on_node(&tree, 0, 0.81);
        assert!(f[0].is_finite() && f[1].is_finite());
        assert!(f != [0.0, 0.0], "coincident points must be pushed apart");
    }
}
