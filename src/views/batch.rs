//! Nodes and edges go to the GPU as one mesh each: a graph of 10,000 nodes and 15,000 edges drawn as 25,000
//! shapes costs a tessellator pass per shape, while a pre-built mesh costs one. Segments and discs carry a
//! one-pixel feather, which is how egui anti-aliases its own shapes.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Vec2};

/// Sides of a disc: enough to look round at the sizes nodes are drawn.
const DISC_SIDES: usize = 16;

#[derive(Default)]
pub struct MeshBatch {
    pub mesh: Mesh,
}

/// A mesh whose buffers live from frame to frame. Building a fresh multi-megabyte mesh every frame spends
/// more time in page faults than in drawing; once egui has tessellated last frame's copy, the buffers are
/// ours again and are refilled in place.
#[derive(Default)]
pub struct ReusedMesh(std::sync::Arc<Mesh>);

impl ReusedMesh {
    /// Last frame's buffers, emptied, or new ones if egui still holds them.
    pub fn start(&mut self, capacity: usize) -> MeshBatch {
        match std::sync::Arc::get_mut(&mut self.0) {
            Some(mesh) => {
                let mut mesh = std::mem::take(mesh);
                mesh.clear();
                MeshBatch { mesh }
            }
            None => MeshBatch::with_capacity(capacity),
        }
    }

    /// Keep this frame's mesh, and hand egui a shared reference to it.
    pub fn finish(&mut self, batch: MeshBatch) -> egui::Shape {
        self.0 = std::sync::Arc::new(batch.mesh);
        egui::Shape::Mesh(self.0.clone())
    }
}

impl MeshBatch {
    pub fn with_capacity(vertices: usize) -> MeshBatch {
        let mut mesh = Mesh::default();
        mesh.vertices.reserve(vertices);
        mesh.indices.reserve(vertices * 3);
        MeshBatch { mesh }
    }

    fn vertex(&mut self, pos: Pos2, color: Color32) -> u32 {
        self.mesh.vertices.push(Vertex { pos, uv: WHITE_UV, color });
        self.mesh.vertices.len() as u32 - 1
    }

    pub fn segment(&mut self, a: Pos2, b: Pos2, width: f32, color: Color32) {
        let d = b - a;
        let len = d.length();
        if len < 0.01 || color.a() == 0 {
            return;
        }
        let n = Vec2::new(-d.y, d.x) / len;
        if width <= 1.5 {
            // A hairline is one quad a pixel and a half wide, its coverage folded into alpha: four vertices
            // instead of eight, and at that width the eye cannot tell the feather is missing.
            let half = 0.75;
            let c = color.gamma_multiply(width / 1.5);
            let base = self.mesh.vertices.len() as u32;
            for p in [a + n * half, b + n * half, a - n * half, b - n * half] {
                self.vertex(p, c);
            }
            self.mesh.indices.extend_from_slice(&[base, base + 1, base + 2, base + 1, base + 3, base + 2]);
            return;
        }
        let core = (width / 2.0 - 0.5).max(0.0);
        let outer = core + 1.0;
        // Thin lines get their coverage as alpha rather than as width.
        let color = if width < 1.0 { color.gamma_multiply(width) } else { color };
        let base = self.mesh.vertices.len() as u32;
        for (offset, c) in
            [(outer, Color32::TRANSPARENT), (core, color), (-core, color), (-outer, Color32::TRANSPARENT)]
        {
            self.vertex(a + n * offset, c);
            self.vertex(b + n * offset, c);
        }
        for strip in 0..3 {
            let i = base + strip * 2;
            self.mesh.indices.extend_from_slice(&[i, i + 1, i + 2, i + 1, i + 3, i + 2]);
        }
    }

    /// A filled disc with an outline ring of `outline_width` (0 for none). Small discs, the bulk of a big
    /// map, use half the sides and no separate outline: at a few pixels the feather is the outline.
    pub fn disc(&mut self, center: Pos2, radius: f32, fill: Color32, outline_width: f32, outline: Color32) {
        let unit = unit_circle();
        let step = if radius < 6.0 { 2 } else { 1 };
        let sides = (DISC_SIDES / step) as u32;
        let ring = |batch: &mut MeshBatch, r: f32, c: Color32| -> u32 {
            let first = batch.mesh.vertices.len() as u32;
            for k in (0..DISC_SIDES).step_by(step) {
                batch.vertex(center + unit[k] * r, c);
            }
            first
        };
        let band = |batch: &mut MeshBatch, inner: u32, outer: u32| {
            for k in 0..sides {
                let next = (k + 1) % sides;
                batch.mesh.indices.extend_from_slice(&[
                    inner + k,
                    outer + k,
                    outer + next,
                    inner + k,
                    outer + next,
                    inner + next,
                ]);
            }
        };
        let small = step > 1 || outline_width <= 0.0;
        let fill_r = if small { radius - 0.5 } else { (radius - outline_width - 0.5).max(0.0) };
        let middle = self.vertex(center, fill);
        let fill_ring = ring(self, fill_r, fill);
        for k in 0..sides {
            self.mesh.indices.extend_from_slice(&[middle, fill_ring + k, fill_ring + (k + 1) % sides]);
        }
        let last = if small {
            fill_ring
        } else {
            let edge_inner = ring(self, fill_r, outline);
            let edge_outer = ring(self, radius - 0.5, outline);
            band(self, edge_inner, edge_outer);
            edge_outer
        };
        let feather = ring(self, radius + 0.5, Color32::TRANSPARENT);
        band(self, last, feather);
    }
}

/// Directions around a circle, worked out once rather than per node per frame.
fn unit_circle() -> &'static [Vec2; DISC_SIDES] {
    static UNIT: std::sync::OnceLock<[Vec2; DISC_SIDES]> = std::sync::OnceLock::new();
    UNIT.get_or_init(|| {
        std::array::from_fn(|k| {
            let a = k as f32 * std::f32::consts::TAU / DISC_SIDES as f32;
            Vec2::new(a.cos(), a.sin())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_and_discs_make_valid_meshes() {
        let mut batch = MeshBatch::default();
        batch.segment(Pos2::ZERO, Pos2::new(10.0, 0.0), 2.0, Color32::WHITE);
        batch.segment(Pos2::ZERO, Pos2::ZERO, 2.0, Color32::WHITE);
        assert_eq!((batch.mesh.vertices.len(), batch.mesh.indices.len()), (8, 18));
        batch.segment(Pos2::ZERO, Pos2::new(10.0, 0.0), 1.0, Color32::WHITE);
        assert_eq!(batch.mesh.vertices.len(), 12, "a hairline is one quad");
        batch.disc(Pos2::new(5.0, 5.0), 4.0, Color32::RED, 1.0, Color32::WHITE);
        assert!(batch.mesh.is_valid());
    }
}
