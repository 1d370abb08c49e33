//! The benchmark's graph family, shared by the layout's tests and `datamap bench layout`: a random tree plus
//! N/2 extra edges, fixed by its seed so d3-force and datamap lay out exactly the same input.

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graph_is_a_tree_plus_half_as_many_extra_edges_and_fixed_by_the_seed() {
        let g = random_graph(1000, 9);
        assert_eq!(g.len(), 999 + 500);
        assert!(g.iter().all(|&[a, b]| a != b && a < 1000 && b < 1000));
        assert!(g[..999].iter().enumerate().all(|(k, &[parent, child])| child == k + 1 && parent < child));
        assert_eq!(g, random_graph(1000, 9));
        assert_ne!(g, random_graph(1000, 10));
    }
}
