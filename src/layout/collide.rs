//! Optional collision force: nodes with a radius push apart until their circles stop overlapping, the way
//! d3-force's `forceCollide` does (on positions predicted one step ahead, strength-scaled, the smaller node
//! moving more).
//!
//! Neighbours are found with a spatial hash rather than a second quadtree: cells are as wide as the largest
//! diameter, so every overlapping pair sits in the same or an adjacent cell, and a counting sort into reused
//! buffers builds the hash without allocating per tick. Pairs are resolved in node order, one after the
//! other, exactly like d3, so the result is deterministic.

#[derive(Default)]
pub struct Collide {
    /// Per hashed bucket, the start of its run in `entries` (length buckets + 1).
    starts: Vec<u32>,
    /// Node indices, grouped by bucket.
    entries: Vec<u32>,
    /// Each node's grid cell, so a lookup can reject other cells that share a bucket.
    cell: Vec<[i32; 2]>,
    bucket: Vec<u32>,
    fill: Vec<u32>,
}

impl Collide {
    /// One application of the force. `radius[i] <= 0` opts node `i` out.
    pub fn apply(&mut self, pos: &[[f32; 2]], vel: &mut [[f32; 2]], radius: &[f32], strength: f32) {
        let n = pos.len().min(vel.len()).min(radius.len());
        let max_r = radius.iter().take(n).copied().fold(0.0f32, f32::max);
        if n == 0 || max_r <= 0.0 || !max_r.is_finite() {
            return;
        }
        let width = 2.0 * max_r;
        let buckets = (2 * n).next_power_of_two();
        let mask = buckets as u32 - 1;
        self.cell.clear();
        self.bucket.clear();
        self.starts.clear();
        self.starts.resize(buckets + 1, 0);
        for i in 0..n {
            let (x, y) = (pos[i][0] + vel[i][0], pos[i][1] + vel[i][1]);
            let c = [cell_of(x, width), cell_of(y, width)];
            self.cell.push(c);
            let b = if radius[i] > 0.0 && x.is_finite() && y.is_finite() { hash(c) & mask } else { NONE };
            self.bucket.push(b);
            if b != NONE {
                self.starts[b as usize + 1] += 1;
            }
        }
        for b in 0..buckets {
            self.starts[b + 1] += self.starts[b];
        }
        self.entries.clear();
        self.entries.resize(self.starts[buckets] as usize, 0);
        self.fill.clear();
        self.fill.extend_from_slice(&self.starts);
        for i in 0..n {
            let b = self.bucket[i];
            if b != NONE {
                self.entries[self.fill[b as usize] as usize] = i as u32;
                self.fill[b as usize] += 1;
            }
        }
        for i in 0..n {
            if self.bucket[i] == NONE {
                continue;
            }
            let ri = radius[i];
            let (xi, yi) = (pos[i][0] + vel[i][0], pos[i][1] + vel[i][1]);
            let [gx, gy] = self.cell[i];
            for oy in -1..=1 {
                for ox in -1..=1 {
                    let c = [gx.wrapping_add(ox), gy.wrapping_add(oy)];
                    let b = (hash(c) & mask) as usize;
                    let run = self.starts[b] as usize..self.starts[b + 1] as usize;
                    for &j in &self.entries[run] {
                        let j = j as usize;
                        // Each pair once (the lower index leads, as in d3), and only from its own cell.
                        if j <= i || self.cell[j] != c {
                            continue;
                        }
                        let rj = radius[j];
                        let r = ri + rj;
                        let mut x = xi - pos[j][0] - vel[j][0];
                        let mut y = yi - pos[j][1] - vel[j][1];
                        let mut l = x * x + y * y;
                        if l >= r * r {
                            continue;
                        }
                        if l == 0.0 {
                            // Coincident: split along a direction fixed by the pair, not by chance.
                            x = 1e-3 * if (i + j).is_multiple_of(2) { 1.0 } else { -1.0 };
                            y = 1e-3;
                            l = x * x + y * y;
                        }
                        let d = l.sqrt();
                        let k = (r - d) / d * strength;
                        x *= k;
                        y *= k;
                        let share = rj * rj / (ri * ri + rj * rj);
                        vel[i][0] += x * share;
                        vel[i][1] += y * share;
                        vel[j][0] -= x * (1.0 - share);
                        vel[j][1] -= y * (1.0 - share);
                    }
                }
            }
        }
    }
}

const NONE: u32 = u32::MAX;

fn cell_of(v: f32, width: f32) -> i32 {
    // `as` saturates, so far-away or non-finite values land in an edge cell instead of overflowing.
    (v / width).floor() as i32
}

fn hash(c: [i32; 2]) -> u32 {
    (c[0] as u32).wrapping_mul(0x9E37_79B1) ^ (c[1] as u32).wrapping_mul(0x85EB_CA77)
}
