//! A force-directed layout that works the way d3-force does — many-body repulsion (Barnes–Hut), link
//! springs, a weak pull to the centre, optional collision, and an `alpha` that cools each tick — so it
//! settles in a known number of ticks and then stops. It is a state machine: [`ForceLayout::tick`] advances
//! it, and once [`ForceLayout::is_settled`] it costs nothing. Initial placement is seeded and deterministic,
//! pinned nodes stay put, and a warm restart ([`ForceLayout::reheat`], [`ForceLayout::set_positions`])
//! continues from the current positions instead of starting over.
//!
//! Speed: a tick is dominated by the many-body force. State is kept in flat arrays indexed by node (positions
//! stay interleaved `[x, y]` because every reader wants both), the quadtree reuses its buffers, and the
//! per-node repulsion is split across threads for large graphs. Each node's repulsion is computed on its own
//! from the same tree and then added in a fixed order, so the layout is bit-identical whatever the thread
//! count. [`worker::LayoutWorker`] runs a layout on a background thread for the UI.

#[cfg(feature = "dev")]
pub mod bench;
mod collide;
mod quadtree;
#[cfg(any(test, feature = "dev"))]
pub mod random;
pub mod worker;

use collide::Collide;
use quadtree::QuadTree;
use std::sync::Mutex;

/// Below this many nodes the many-body force runs on the calling thread when the thread count is automatic:
/// spawning threads each tick costs more than it saves (measured with `datamap bench layout --threads`).
pub const PARALLEL_MIN_NODES: usize = 2048;
/// Nodes per unit of work handed to a thread. Small enough to balance dense and sparse regions, large enough
/// that taking the next unit is rare.
const CHUNK: usize = 256;

#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Repulsion given to every node at construction; negative repels, as in d3's `forceManyBody().strength()`.
    /// Change one node's with [`ForceLayout::set_charge`].
    pub charge: f32,
    pub link_distance: f32,
    /// Pull towards the origin, as a fraction of the distance per tick (d3's `forceX/forceY` strength).
    pub gravity: f32,
    /// Fraction of velocity lost each tick (d3's `velocityDecay`).
    pub velocity_decay: f32,
    /// The layout is settled once alpha falls below this (d3's `alphaMin`).
    pub alpha_min: f32,
    pub alpha_decay: f32,
    /// Alpha moves towards this; above `alpha_min` the layout keeps running (d3 raises it while dragging).
    pub alpha_target: f32,
    /// Barnes–Hut accuracy: a cell is treated as one body when its width / distance is below `theta`.
    pub theta: f32,
    /// How much of an overlap collision removes per tick (d3's `forceCollide().strength()`); only nodes given
    /// a radius with [`ForceLayout::set_radius`] collide.
    pub collide_strength: f32,
    /// Threads for the many-body force: 0 picks automatically (all cores, above [`PARALLEL_MIN_NODES`]).
    pub threads: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            charge: -30.0,
            link_distance: 30.0,
            gravity: 0.02,
            velocity_decay: 0.4,
            alpha_min: 0.001,
            // d3's default: reach alpha_min from 1 in 300 ticks.
            alpha_decay: 1.0 - 0.001f32.powf(1.0 / 300.0),
            alpha_target: 0.0,
            theta: 0.9,
            collide_strength: 1.0,
            threads: 0,
        }
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub a: usize,
    pub b: usize,
    pub distance: f32,
    /// Multiplies d3's default strength (1 / the smaller endpoint degree); below 1 for hints, not bonds.
    pub weight: f32,
}

impl Link {
    pub fn new(a: usize, b: usize, distance: f32) -> Link {
        Link { a, b, distance, weight: 1.0 }
    }
}

/// A link with everything the tick needs precomputed, packed small so the link pass streams through memory.
#[derive(Debug, Clone, Copy)]
struct Spring {
    a: u32,
    b: u32,
    distance: f32,
    strength: f32,
    /// Share of the correction that moves `b` (d3's bias: the better-connected end moves less).
    bias: f32,
}

pub struct ForceLayout {
    pub params: Params,
    pos: Vec<[f32; 2]>,
    vel: Vec<[f32; 2]>,
    /// Per-node repulsion; hubs push harder so their clusters spread apart.
    charge: Vec<f32>,
    /// Per-node collision radius; 0 opts out.
    radius: Vec<f32>,
    pinned: Vec<Option<[f32; 2]>>,
    springs: Vec<Spring>,
    alpha: f32,
    ticks: u32,
    /// Reused every tick, so a tick allocates nothing once sizes are stable.
    tree: QuadTree,
    force: Vec<[f32; 2]>,
    collide: Collide,
    cores: usize,
}

impl ForceLayout {
    /// Nodes start on a seeded phyllotaxis spiral (as d3 does), so the same graph and seed always give the
    /// same layout. Links to missing nodes and self-links are dropped.
    pub fn new(nodes: usize, links: Vec<Link>, seed: u64) -> ForceLayout {
        let mut degree = vec![0u32; nodes];
        let links: Vec<Link> = links.into_iter().filter(|l| l.a < nodes && l.b < nodes && l.a != l.b).collect();
        for l in &links {
            degree[l.a] += 1;
            degree[l.b] += 1;
        }
        let springs = links
            .iter()
            .map(|l| {
                let (da, db) = (degree[l.a], degree[l.b]);
                Spring {
                    a: l.a as u32,
                    b: l.b as u32,
                    distance: l.distance,
                    strength: l.weight / da.min(db).max(1) as f32,
                    bias: da as f32 / (da + db).max(1) as f32,
                }
            })
            .collect();
        let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
        let spin = (seed % 6283) as f32 / 1000.0;
        let pos = (0..nodes)
            .map(|i| {
                let r = 10.0 * (0.5 + i as f32).sqrt();
                let a = i as f32 * golden + spin;
                [r * a.cos(), r * a.sin()]
            })
            .collect();
        let params = Params::default();
        ForceLayout {
            params,
            pos,
            vel: vec![[0.0; 2]; nodes],
            charge: vec![params.charge; nodes],
            radius: vec![0.0; nodes],
            pinned: vec![None; nodes],
            springs,
            alpha: 1.0,
            ticks: 0,
            tree: QuadTree::new(),
            force: Vec::new(),
            collide: Collide::default(),
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }

    pub fn len(&self) -> usize {
        self.pos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    pub fn set_charge(&mut self, node: usize, charge: f32) {
        if let Some(c) = self.charge.get_mut(node) {
            *c = charge;
        }
    }

    /// Give a node a collision radius (0 turns collision off for it).
    pub fn set_radius(&mut self, node: usize, radius: f32) {
        if let Some(r) = self.radius.get_mut(node) {
            *r = radius.max(0.0);
        }
    }

    pub fn set_position(&mut self, node: usize, at: [f32; 2]) {
        if let Some(p) = self.pos.get_mut(node) {
            *p = at;
        }
    }

    /// Warm start: take positions from an earlier layout (for instance of the same graph before it changed).
    /// Node `i` gets `previous[i]`; nodes beyond `previous` keep their seeded place. Velocities are cleared,
    /// pinned nodes stay where they are pinned, and alpha is left alone — follow with
    /// [`ForceLayout::reheat`] to choose how much it may move.
    pub fn set_positions(&mut self, previous: &[[f32; 2]]) {
        for ((p, v), (q, pin)) in self.pos.iter_mut().zip(&mut self.vel).zip(previous.iter().zip(&self.pinned)) {
            *p = pin.unwrap_or(*q);
            *v = [0.0; 2];
        }
    }

    /// Pin a node at a position (`Some`), or release it (`None`) to move freely from where it is.
    pub fn pin(&mut self, node: usize, at: Option<[f32; 2]>) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = at;
        }
        if let Some(at) = at {
            self.set_position(node, at);
            if let Some(v) = self.vel.get_mut(node) {
                *v = [0.0; 2];
            }
        }
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).is_some_and(|p| p.is_some())
    }

    /// Start cooling again from `alpha`, keeping the current positions (a warm restart).
    pub fn reheat(&mut self, alpha: f32) {
        self.alpha = self.alpha.max(alpha);
    }

    pub fn alpha(&self) -> f32 {
        self.alpha
    }

    pub fn ticks(&self) -> u32 {
        self.ticks
    }

    pub fn is_settled(&self) -> bool {
        self.alpha < self.params.alpha_min
    }

    /// Run until settled, or at most `max_ticks`.
    pub fn run(&mut self, max_ticks: u32) {
        for _ in 0..max_ticks {
            if !self.tick() {
                break;
            }
        }
    }

    /// One step of the simulation. Returns false (and does nothing) once settled.
    pub fn tick(&mut self) -> bool {
        if self.is_settled() {
            return false;
        }
        self.alpha += (self.params.alpha_target - self.alpha) * self.params.alpha_decay;
        self.apply_links();
        self.apply_charge();
        self.apply_gravity();
        if self.params.collide_strength != 0.0 {
            self.collide.apply(&self.pos, &mut self.vel, &self.radius, self.params.collide_strength);
        }
        let keep = 1.0 - self.params.velocity_decay;
        for ((p, v), pin) in self.pos.iter_mut().zip(&mut self.vel).zip(&self.pinned) {
            match pin {
                Some(at) => {
                    *p = *at;
                    *v = [0.0; 2];
                }
                None => {
                    v[0] *= keep;
                    v[1] *= keep;
                    p[0] += v[0];
                    p[1] += v[1];
                }
            }
        }
        self.ticks += 1;
        true
    }

    /// Threads the many-body force will use for this graph.
    pub fn threads(&self) -> usize {
        match self.params.threads {
            0 if self.pos.len() < PARALLEL_MIN_NODES => 1,
            0 => self.cores,
            n => n,
        }
    }

    /// d3's link force, one iteration: each link in order nudges both ends' velocities towards its length,
    /// seeing the corrections of the links before it.
    fn apply_links(&mut self) {
        let alpha = self.alpha;
        let (pos, vel) = (&self.pos, &mut self.vel);
        for s in &self.springs {
            let (a, b) = (s.a as usize, s.b as usize);
            let (pa, pb) = (pos[a], pos[b]);
            let (va, vb) = (vel[a], vel[b]);
            let mut x = pb[0] + vb[0] - pa[0] - va[0];
            let mut y = pb[1] + vb[1] - pa[1] - va[1];
            if x == 0.0 && y == 0.0 {
                x = 1e-3 * (s.a as f32 - s.b as f32).signum();
                y = 1e-3;
            }
            let l = (x * x + y * y).sqrt();
            let k = (l - s.distance) / l * alpha * s.strength;
            x *= k;
            y *= k;
            vel[b][0] -= x * s.bias;
            vel[b][1] -= y * s.bias;
            vel[a][0] += x * (1.0 - s.bias);
            vel[a][1] += y * (1.0 - s.bias);
        }
    }

    fn apply_charge(&mut self) {
        self.tree.rebuild(&self.pos, &self.charge);
        let n = self.tree.len();
        self.force.resize(n, [0.0; 2]);
        let theta2 = self.params.theta * self.params.theta;
        let threads = self.threads().min(n.div_ceil(CHUNK)).max(1);
        let tree = &self.tree;
        if threads == 1 {
            tree.forces(0, &mut self.force, theta2);
        } else {
            // Threads take chunks of tree slots until none are left; which thread computes a slot does not
            // change its value.
            let work = Mutex::new(self.force.chunks_mut(CHUNK).enumerate());
            let run = || {
                loop {
                    let next = match work.lock() {
                        Ok(mut chunks) => chunks.next(),
                        Err(_) => None,
                    };
                    let Some((k, out)) = next else { break };
                    tree.forces(k * CHUNK, out, theta2);
                }
            };
            std::thread::scope(|s| {
                for _ in 1..threads {
                    s.spawn(run);
                }
                run();
            });
        }
        let alpha = self.alpha;
        for (slot, f) in self.force.iter().enumerate() {
            let v = &mut self.vel[tree.node(slot)];
            v[0] += f[0] * alpha;
            v[1] += f[1] * alpha;
        }
    }

    fn apply_gravity(&mut self) {
        let k = self.params.gravity * self.alpha;
        if k == 0.0 {
            return;
        }
        for (p, v) in self.pos.iter().zip(&mut self.vel) {
            v[0] -= p[0] * k;
            v[1] -= p[1] * k;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(l: &ForceLayout, a: usize, b: usize) -> f32 {
        let (p, q) = (l.positions()[a], l.positions()[b]);
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
    }

    #[test]
    fn repulsion_pushes_unlinked_nodes_apart() {
        let mut l = ForceLayout::new(2, vec![], 1);
        l.params.gravity = 0.0;
        let before = dist(&l, 0, 1);
        l.run(50);
        assert!(dist(&l, 0, 1) > before * 1.5, "{} -> {}", before, dist(&l, 0, 1));
    }

    #[test]
    fn springs_pull_linked_nodes_to_their_length() {
        let mut l = ForceLayout::new(2, vec![Link::new(0, 1, 30.0)], 1);
        l.set_position(1, [400.0, 0.0]);
        l.params.charge = 0.0;
        l.charge = vec![0.0; 2];
        l.params.gravity = 0.0;
        l.run(300);
        assert!((dist(&l, 0, 1) - 30.0).abs() < 3.0, "{}", dist(&l, 0, 1));
    }

    #[test]
    fn same_seed_same_layout_and_it_settles() {
        let links = (1..50).map(|i| Link::new(i / 2, i, 30.0)).collect::<Vec<_>>();
        let mut a = ForceLayout::new(50, links.clone(), 7);
        let mut b = ForceLayout::new(50, links, 7);
        a.run(1000);
        b.run(1000);
        assert_eq!(a.positions(), b.positions());
        assert!(a.is_settled());
        assert!(a.ticks() < 400);
        assert!(!a.tick());
    }

    /// The bench graph family (tree plus extra edges), big enough that the tree has many levels.
    fn random_graph_layout(n: usize, seed: u64) -> ForceLayout {
        let links = random::random_graph(n, seed).into_iter().map(|[a, b]| Link::new(a, b, 30.0)).collect();
        ForceLayout::new(n, links, seed)
    }

    #[test]
    fn same_seed_same_layout_whatever_the_thread_count() {
        let run = |threads: usize| {
            let mut l = random_graph_layout(3000, 11);
            l.params.threads = threads;
            l.run(60);
            l.positions().to_vec()
        };
        let one = run(1);
        assert_eq!(one, run(2));
        assert_eq!(one, run(5));
        assert_ne!(one, random_graph_layout(3000, 12).positions(), "the layout moved");
    }

    #[test]
    fn different_seeds_start_differently() {
        let (a, b) = (random_graph_layout(100, 1), random_graph_layout(100, 2));
        assert_ne!(a.positions(), b.positions());
    }

    #[test]
    fn collision_keeps_nodes_apart() {
        // Twenty nodes all tied to one hub with springs far shorter than their radii would pile up.
        let links = (1..20).map(|i| Link::new(0, i, 1.0)).collect();
        let mut l = ForceLayout::new(20, links, 3);
        for i in 0..20 {
            l.set_charge(i, 0.0);
            l.set_radius(i, 10.0);
        }
        l.run(1000);
        let closest = (0..20)
            .flat_map(|i| (i + 1..20).map(move |j| (i, j)))
            .map(|(i, j)| dist(&l, i, j))
            .fold(f32::MAX, f32::min);
        assert!(closest > 17.0, "closest pair {closest}");

        // Without radii the same springs pull everything together.
        let links = (1..20).map(|i| Link::new(0, i, 1.0)).collect();
        let mut l = ForceLayout::new(20, links, 3);
        (0..20).for_each(|i| l.set_charge(i, 0.0));
        l.run(1000);
        assert!(dist(&l, 0, 5) < 5.0);
    }

    #[test]
    fn warm_restart_keeps_positions() {
        let mut l = random_graph_layout(500, 4);
        l.run(1000);
        assert!(l.is_settled());
        let settled = l.positions().to_vec();
        let spread = settled.iter().map(|p| p[0].hypot(p[1])).fold(0.0f32, f32::max);

        // A small reheat nudges the settled layout; it does not start it over.
        l.reheat(0.1);
        assert!(!l.is_settled());
        l.run(1000);
        assert!(l.is_settled());
        let moved = settled.iter().zip(l.positions()).map(|(p, q)| (p[0] - q[0]).hypot(p[1] - q[1]));
        let mean = moved.sum::<f32>() / 500.0;
        assert!(mean < 0.05 * spread, "mean move {mean} vs spread {spread}");

        // A new layout of the same graph (here with another seed) can start from the old positions.
        let links = random::random_graph(500, 4).into_iter().map(|[a, b]| Link::new(a, b, 30.0)).collect();
        let mut fresh = ForceLayout::new(500, links, 99);
        fresh.set_positions(&settled);
        assert_eq!(fresh.positions(), settled.as_slice());
        fresh.reheat(0.0);
        fresh.alpha = 0.05;
        fresh.run(1000);
        let moved = settled.iter().zip(fresh.positions()).map(|(p, q)| (p[0] - q[0]).hypot(p[1] - q[1]));
        assert!(moved.sum::<f32>() / 500.0 < 0.05 * spread);
    }

    #[test]
    fn alpha_target_keeps_it_running_until_cleared() {
        let mut l = random_graph_layout(50, 1);
        l.params.alpha_target = 0.3;
        l.run(2000);
        assert_eq!(l.ticks(), 2000);
        assert!((l.alpha() - 0.3).abs() < 0.01);
        l.params.alpha_target = 0.0;
        l.run(2000);
        assert!(l.is_settled());
    }

    #[test]
    fn a_released_node_moves_again() {
        let mut l = ForceLayout::new(10, (1..10).map(|i| Link::new(0, i, 30.0)).collect(), 3);
        l.pin(3, Some([400.0, 0.0]));
        l.run(1000);
        assert_eq!(l.positions()[3], [400.0, 0.0]);
        assert!(l.is_pinned(3));
        l.pin(3, None);
        l.reheat(0.5);
        l.run(1000);
        assert!(dist(&l, 0, 3) < 100.0, "{}", dist(&l, 0, 3));
    }

    #[test]
    fn pinned_nodes_stay_put() {
        let mut l = ForceLayout::new(10, (1..10).map(|i| Link::new(0, i, 30.0)).collect(), 3);
        l.pin(0, Some([5.0, 5.0]));
        l.run(100);
        assert_eq!(l.positions()[0], [5.0, 5.0]);
    }
}
