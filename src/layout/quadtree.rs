//! Barnes–Hut approximation of many-body repulsion: nodes are binned into a quadtree, and a distant cell
//! acts on a node as one body at its charge-weighted centre. That turns an O(n²) force into O(n log n).

const NONE: u32 = u32::MAX;
/// Past this depth points share a leaf instead of splitting further, so coincident points cannot recurse
/// forever.
const MAX_DEPTH: u32 = 24;

struct Cell {
    x0: f32,
    y0: f32,
    size: f32,
    /// Charge-weighted centre and total charge, filled in after all points are inserted.
    cx: f32,
    cy: f32,
    charge: f32,
    children: [u32; 4],
    /// Head of the list of points in this leaf (linked through `QuadTree::next`), or NONE.
    first: u32,
    depth: u32,
}

impl Cell {
    fn new(x0: f32, y0: f32, size: f32, depth: u32) -> Cell {
        Cell { x0, y0, size, cx: 0.0, cy: 0.0, charge: 0.0, children: [NONE; 4], first: NONE, depth }
    }

    fn is_leaf(&self) -> bool {
        self.children == [NONE; 4]
    }
}

pub struct QuadTree {
    cells: Vec<Cell>,
    next: Vec<u32>,
}

impl QuadTree {
    pub fn build(pos: &[[f32; 2]], charge: &[f32]) -> QuadTree {
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in pos.iter().filter(|p| p[0].is_finite() && p[1].is_finite()) {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        if x0 > x1 {
            (x0, y0, x1, y1) = (0.0, 0.0, 1.0, 1.0);
        }
        let size = (x1 - x0).max(y1 - y0).max(1.0) * 1.0001;
        let mut tree = QuadTree { cells: vec![Cell::new(x0, y0, size, 0)], next: vec![NONE; pos.len()] };
        for (i, p) in pos.iter().enumerate() {
            if p[0].is_finite() && p[1].is_finite() {
                tree.insert(i as u32, pos);
            }
        }
        tree.accumulate(pos, charge);
        tree
    }

    fn quadrant(cell: &Cell, p: [f32; 2]) -> usize {
        let half = cell.size / 2.0;
        usize::from(p[0] >= cell.x0 + half) + 2 * usize::from(p[1] >= cell.y0 + half)
    }

    fn child(&mut self, cell: usize, q: usize) -> usize {
        let existing = self.cells[cell].children[q];
        if existing != NONE {
            return existing as usize;
        }
        let c = &self.cells[cell];
        let half = c.size / 2.0;
        let x0 = c.x0 + if q & 1 == 1 { half } else { 0.0 };
        let y0 = c.y0 + if q & 2 == 2 { half } else { 0.0 };
        let depth = c.depth + 1;
        self.cells.push(Cell::new(x0, y0, half, depth));
        let index = self.cells.len() - 1;
        self.cells[cell].children[q] = index as u32;
        index
    }

    fn insert(&mut self, point: u32, pos: &[[f32; 2]]) {
        let p = pos[point as usize];
        let mut cell = 0;
        loop {
            if !self.cells[cell].is_leaf() {
                let q = Self::quadrant(&self.cells[cell], p);
                cell = self.child(cell, q);
                continue;
            }
            let head = self.cells[cell].first;
            let same_spot = head != NONE && pos[head as usize] == p;
            if head == NONE || same_spot || self.cells[cell].depth >= MAX_DEPTH {
                self.next[point as usize] = head;
                self.cells[cell].first = point;
                return;
            }
            // Split: move the leaf's points one level down, then keep descending with the new point.
            self.cells[cell].first = NONE;
            let mut moving = head;
            while moving != NONE {
                let following = self.next[moving as usize];
                let q = Self::quadrant(&self.cells[cell], pos[moving as usize]);
                let c = self.child(cell, q);
                self.next[moving as usize] = self.cells[c].first;
                self.cells[c].first = moving;
                moving = following;
            }
        }
    }

    /// Children are always created after their parent, so a reverse sweep sees every child first.
    fn accumulate(&mut self, pos: &[[f32; 2]], charge: &[f32]) {
        for i in (0..self.cells.len()).rev() {
            let (mut total, mut weight, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32, 0.0f32);
            if self.cells[i].is_leaf() {
                let mut p = self.cells[i].first;
                while p != NONE {
                    let q = charge.get(p as usize).copied().unwrap_or(0.0);
                    total += q;
                    weight += q.abs();
                    sx += q.abs() * pos[p as usize][0];
                    sy += q.abs() * pos[p as usize][1];
                    p = self.next[p as usize];
                }
            } else {
                for c in self.cells[i].children.iter().filter(|&&c| c != NONE) {
                    let child = &self.cells[*c as usize];
                    total += child.charge;
                    weight += child.charge.abs();
                    sx += child.charge.abs() * child.cx;
                    sy += child.charge.abs() * child.cy;
                }
            }
            let cell = &mut self.cells[i];
            cell.charge = total;
            if weight > 0.0 {
                cell.cx = sx / weight;
                cell.cy = sy / weight;
            }
        }
    }

    /// The repulsion on point `i` (before multiplying by alpha).
    pub fn force(&self, i: usize, pos: &[[f32; 2]], charge: &[f32], theta2: f32) -> [f32; 2] {
        let p = pos[i];
        let mut f = [0.0f32; 2];
        let mut stack = vec![0u32];
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.charge == 0.0 {
                continue;
            }
            if !cell.is_leaf() {
                let dx = cell.cx - p[0];
                let dy = cell.cy - p[1];
                let l = dx * dx + dy * dy;
                if cell.size * cell.size / theta2 < l {
                    let l = if l < 1.0 { l.sqrt() } else { l };
                    f[0] += dx * cell.charge / l;
                    f[1] += dy * cell.charge / l;
                } else {
                    stack.extend(cell.children.iter().filter(|&&c| c != NONE));
                }
                continue;
            }
            let mut j = cell.first;
            while j != NONE {
                if j as usize != i {
                    let q = pos[j as usize];
                    let (mut dx, mut dy) = (q[0] - p[0], q[1] - p[1]);
                    if dx == 0.0 && dy == 0.0 {
                        // Deterministic nudge for coincident points, so they separate.
                        dx = 1e-3 * ((j as f32) - (i as f32)).signum();
                        dy = 1e-3 * (((j * 7) % 3) as f32 - 1.0);
                    }
                    let mut l = dx * dx + dy * dy;
                    if l < 1.0 {
                        l = l.sqrt();
                    }
                    let qj = charge.get(j as usize).copied().unwrap_or(0.0);
                    f[0] += dx * qj / l;
                    f[1] += dy * qj / l;
                }
                j = self.next[j as usize];
            }
        }
        f
    }
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

    #[test]
    fn approximation_is_close_to_the_exact_sum() {
        let pos: Vec<[f32; 2]> =
            (0..400).map(|i| [((i * 37) % 101) as f32 * 3.0, ((i * 53) % 97) as f32 * 3.0]).collect();
        let charge = vec![-30.0; pos.len()];
        let tree = QuadTree::build(&pos, &charge);
        for i in [0, 57, 399] {
            let (a, e) = (tree.force(i, &pos, &charge, 0.81), exact(i, &pos, &charge));
            let err = ((a[0] - e[0]).powi(2) + (a[1] - e[1]).powi(2)).sqrt();
            let mag = (e[0].powi(2) + e[1].powi(2)).sqrt().max(1e-3);
            assert!(err / mag < 0.1, "node {i}: {a:?} vs {e:?}");
        }
    }

    #[test]
    fn coincident_points_do_not_recurse_forever() {
        let pos = vec![[1.0, 1.0]; 1000];
        let charge = vec![-30.0; 1000];
        let tree = QuadTree::build(&pos, &charge);
        let f = tree.force(0, &pos, &charge, 0.81);
        assert!(f[0].is_finite() && f[1].is_finite());
    }
}
