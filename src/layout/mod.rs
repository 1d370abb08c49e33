//! A force-directed layout that works the way d3-force does — many-body repulsion (Barnes–Hut), link
//! springs, a weak pull to the centre, and an `alpha` that cools each tick — so it settles in a known number
//! of ticks and then stops. It is a state machine: [`ForceLayout::tick`] advances it, and once
//! [`ForceLayout::is_settled`] it costs nothing. Initial placement is seeded and deterministic, and pinned
//! nodes stay put.

mod quadtree;

use quadtree::QuadTree;

#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// Repulsion between every pair of nodes; negative repels, as in d3's `forceManyBody().strength()`.
    pub charge: f32,
    pub link_distance: f32,
    /// Pull towards the origin, as a fraction of the distance per tick (d3's `forceX/forceY` strength).
    pub gravity: f32,
    pub velocity_decay: f32,
    pub alpha_min: f32,
    pub alpha_decay: f32,
    /// Barnes–Hut accuracy: a cell is treated as one body when its width / distance is below `theta`.
    pub theta: f32,
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
            theta: 0.9,
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

pub struct ForceLayout {
    pub params: Params,
    pos: Vec<[f32; 2]>,
    vel: Vec<[f32; 2]>,
    /// Per-node repulsion; hubs push harder so their clusters spread apart.
    charge: Vec<f32>,
    pinned: Vec<Option<[f32; 2]>>,
    links: Vec<Link>,
    strength: Vec<f32>,
    bias: Vec<f32>,
    alpha: f32,
    ticks: u32,
}

impl ForceLayout {
    /// Nodes start on a seeded phyllotaxis spiral (as d3 does), so the same graph and seed always give the
    /// same layout.
    pub fn new(nodes: usize, links: Vec<Link>, seed: u64) -> ForceLayout {
        let mut degree = vec![0u32; nodes];
        let links: Vec<Link> = links.into_iter().filter(|l| l.a < nodes && l.b < nodes && l.a != l.b).collect();
        for l in &links {
            degree[l.a] += 1;
            degree[l.b] += 1;
        }
        let strength = links.iter().map(|l| l.weight / degree[l.a].min(degree[l.b]).max(1) as f32).collect();
        let bias = links.iter().map(|l| degree[l.a] as f32 / (degree[l.a] + degree[l.b]).max(1) as f32).collect();
        let golden = std::f32::consts::PI * (3.0 - 5f32.sqrt());
        let spin = (seed % 6283) as f32 / 1000.0;
        let pos = (0..nodes)
            .map(|i| {
                let r = 10.0 * (0.5 + i as f32).sqrt();
                let a = i as f32 * golden + spin;
                [r * a.cos(), r * a.sin()]
            })
            .collect();
        ForceLayout {
            params: Params::default(),
            pos,
            vel: vec![[0.0; 2]; nodes],
            charge: vec![Params::default().charge; nodes],
            pinned: vec![None; nodes],
            links,
            strength,
            bias,
            alpha: 1.0,
            ticks: 0,
        }
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.pos
    }

    pub fn set_charge(&mut self, node: usize, charge: f32) {
        if let Some(c) = self.charge.get_mut(node) {
            *c = charge;
        }
    }

    pub fn set_position(&mut self, node: usize, at: [f32; 2]) {
        if let Some(p) = self.pos.get_mut(node) {
            *p = at;
        }
    }

    pub fn pin(&mut self, node: usize, at: Option<[f32; 2]>) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = at;
        }
        if let Some(at) = at {
            self.set_position(node, at);
        }
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
        self.alpha += (0.0 - self.alpha) * self.params.alpha_decay;
        self.apply_links();
        self.apply_charge();
        self.apply_gravity();
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

    fn apply_links(&mut self) {
        let alpha = self.alpha;
        for ((link, strength), bias) in self.links.iter().zip(&self.strength).zip(&self.bias) {
            let (pa, pb) = (self.pos[link.a], self.pos[link.b]);
            let (va, vb) = (self.vel[link.a], self.vel[link.b]);
            let mut x = pb[0] + vb[0] - pa[0] - va[0];
            let mut y = pb[1] + vb[1] - pa[1] - va[1];
            if x == 0.0 && y == 0.0 {
                x = 1e-3 * (link.a as f32 - link.b as f32).signum();
                y = 1e-3;
            }
            let l = (x * x + y * y).sqrt();
            let k = (l - link.distance) / l * alpha * strength;
            x *= k;
            y *= k;
            self.vel[link.b][0] -= x * bias;
            self.vel[link.b][1] -= y * bias;
            self.vel[link.a][0] += x * (1.0 - bias);
            self.vel[link.a][1] += y * (1.0 - bias);
        }
    }

    fn apply_charge(&mut self) {
        let tree = QuadTree::build(&self.pos, &self.charge);
        let theta2 = self.params.theta * self.params.theta;
        let alpha = self.alpha;
        for (i, v) in self.vel.iter_mut().enumerate() {
            let f = tree.force(i, &self.pos, &self.charge, theta2);
            v[0] += f[0] * alpha;
            v[1] += f[1] * alpha;
        }
    }

    fn apply_gravity(&mut self) {
        let k = self.params.gravity * self.alpha;
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

    #[test]
    fn pinned_nodes_stay_put() {
        let mut l = ForceLayout::new(10, (1..10).map(|i| Link::new(0, i, 30.0)).collect(), 3);
        l.pin(0, Some([5.0, 5.0]));
        l.run(100);
        assert_eq!(l.positions()[0], [5.0, 5.0]);
    }
}
