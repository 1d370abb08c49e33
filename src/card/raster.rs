//! A small CPU rasteriser for egui's tessellated output, so `datamap render` and **Save image** draw exactly
//! what the views draw, with no window, no display and no GPU (CI machines have none). egui already
//! anti-aliases by feathering its meshes, so sampling each pixel at its centre is enough; what is left is
//! triangles with per-vertex colours, bilinear sampling of the font atlas, clip rectangles, and
//! premultiplied-alpha blending.

use egui::epaint::{ClippedPrimitive, ImageDelta, Primitive, Vertex};
use egui::{Color32, ColorImage, ImageData, TextureId, TexturesDelta};
use std::collections::HashMap;

/// The textures egui has uploaded so far, kept in step with each frame's delta.
#[derive(Default)]
pub struct Textures {
    images: HashMap<TextureId, ColorImage>,
}

impl Textures {
    /// Apply new and patched textures. Call before painting a frame; [`Textures::free`] after.
    pub fn apply(&mut self, delta: &TexturesDelta) {
        for (id, updates) in &delta.set {
            for update in updates {
                self.set(*id, update);
            }
        }
    }

    /// Drop freed textures and mark the delta handled (egui checks that every delta was applied).
    pub fn free(&mut self, delta: &mut TexturesDelta) {
        for id in &delta.free {
            self.images.remove(id);
        }
        delta.clear();
    }

    fn set(&mut self, id: TextureId, delta: &ImageDelta) {
        let ImageData::Color(patch) = &delta.image;
        match delta.pos {
            None => {
                self.images.insert(id, (**patch).clone());
            }
            Some([x0, y0]) => {
                let Some(image) = self.images.get_mut(&id) else { return };
                let [w, h] = image.size;
                for y in 0..patch.size[1] {
                    for x in 0..patch.size[0] {
                        let (tx, ty) = (x0 + x, y0 + y);
                        if tx < w && ty < h {
                            image.pixels[ty * w + tx] = patch.pixels[y * patch.size[0] + x];
                        }
                    }
                }
            }
        }
    }
}

/// Paint tessellated primitives over a background, at `pixels_per_point`, into an image of `size` pixels.
pub fn paint(
    primitives: &[ClippedPrimitive],
    textures: &Textures,
    size: [usize; 2],
    pixels_per_point: f32,
    background: Color32,
) -> ColorImage {
    let mut target = ColorImage::filled(size, background);
    for prim in primitives {
        let Primitive::Mesh(mesh) = &prim.primitive else { continue };
        // Meshes that use a texture we were never given (an image a view loaded itself) are skipped rather
        // than drawn as solid blocks.
        let Some(texture) = textures.images.get(&mesh.texture_id) else { continue };
        let clip = [
            (prim.clip_rect.min.x * pixels_per_point).floor().max(0.0) as i64,
            (prim.clip_rect.min.y * pixels_per_point).floor().max(0.0) as i64,
            (prim.clip_rect.max.x * pixels_per_point).ceil().min(size[0] as f32) as i64,
            (prim.clip_rect.max.y * pixels_per_point).ceil().min(size[1] as f32) as i64,
        ];
        if clip[0] >= clip[2] || clip[1] >= clip[3] {
            continue;
        }
        for tri in mesh.indices.chunks_exact(3) {
            let get = |i: u32| mesh.vertices.get(i as usize);
            let (Some(a), Some(b), Some(c)) = (get(tri[0]), get(tri[1]), get(tri[2])) else { continue };
            triangle(&mut target, texture, clip, pixels_per_point, [a, b, c]);
        }
    }
    target
}

fn triangle(target: &mut ColorImage, texture: &ColorImage, clip: [i64; 4], ppp: f32, v: [&Vertex; 3]) {
    let p = v.map(|v| (v.pos.x * ppp, v.pos.y * ppp));
    let area = (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[1].1 - p[0].1) * (p[2].0 - p[0].0);
    if area.abs() < 1e-6 {
        return;
    }
    let min_x = (p.iter().map(|q| q.0).fold(f32::INFINITY, f32::min).floor() as i64).max(clip[0]);
    let max_x = (p.iter().map(|q| q.0).fold(f32::NEG_INFINITY, f32::max).ceil() as i64).min(clip[2]);
    let min_y = (p.iter().map(|q| q.1).fold(f32::INFINITY, f32::min).floor() as i64).max(clip[1]);
    let max_y = (p.iter().map(|q| q.1).fold(f32::NEG_INFINITY, f32::max).ceil() as i64).min(clip[3]);
    if min_x >= max_x || min_y >= max_y {
        return;
    }
    let width = target.size[0];
    // Solid-white texel and one colour for all three corners is by far the most common case (shapes).
    let flat = v[0].color == v[1].color && v[1].color == v[2].color && v[0].uv == v[1].uv && v[1].uv == v[2].uv;
    let flat_color = flat.then(|| modulate(v[0].color, sample(texture, v[0].uv.x, v[0].uv.y)));
    let inv = 1.0 / area;
    for y in min_y..max_y {
        let py = y as f32 + 0.5;
        for x in min_x..max_x {
            let px = x as f32 + 0.5;
            let w0 = ((p[1].0 - px) * (p[2].1 - py) - (p[1].1 - py) * (p[2].0 - px)) * inv;
            let w1 = ((p[2].0 - px) * (p[0].1 - py) - (p[2].1 - py) * (p[0].0 - px)) * inv;
            let w2 = 1.0 - w0 - w1;
            if w0 < 0.0 || w1 < 0.0 || w2 < 0.0 {
                continue;
            }
            let src = match flat_color {
                Some(c) => c,
                None => {
                    let u = w0 * v[0].uv.x + w1 * v[1].uv.x + w2 * v[2].uv.x;
                    let t = w0 * v[0].uv.y + w1 * v[1].uv.y + w2 * v[2].uv.y;
                    modulate(lerp_color(v, [w0, w1, w2]), sample(texture, u, t))
                }
            };
            let i = y as usize * width + x as usize;
            if let Some(dst) = target.pixels.get_mut(i) {
                *dst = blend(src, *dst);
            }
        }
    }
}

fn lerp_color(v: [&Vertex; 3], w: [f32; 3]) -> Color32 {
    let ch = |k: usize| {
        let value: f32 = (0..3).map(|j| w[j] * f32::from(v[j].color.to_array()[k])).sum();
        value.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_premultiplied(ch(0), ch(1), ch(2), ch(3))
}

/// Bilinear sampling with clamped edges: the atlas is rasterised at the output scale, so this keeps glyph
/// edges smooth without blurring them.
fn sample(texture: &ColorImage, u: f32, v: f32) -> Color32 {
    let [w, h] = texture.size;
    if w == 0 || h == 0 {
        return Color32::WHITE;
    }
    let x = (u * w as f32 - 0.5).clamp(0.0, (w - 1) as f32);
    let y = (v * h as f32 - 0.5).clamp(0.0, (h - 1) as f32);
    let (x0, y0) = (x.floor() as usize, y.floor() as usize);
    let (x1, y1) = ((x0 + 1).min(w - 1), (y0 + 1).min(h - 1));
    let (fx, fy) = (x - x0 as f32, y - y0 as f32);
    let px = |x: usize, y: usize| texture.pixels[y * w + x].to_array();
    let (a, b, c, d) = (px(x0, y0), px(x1, y0), px(x0, y1), px(x1, y1));
    let ch = |k: usize| {
        let top = f32::from(a[k]) * (1.0 - fx) + f32::from(b[k]) * fx;
        let bottom = f32::from(c[k]) * (1.0 - fx) + f32::from(d[k]) * fx;
        (top * (1.0 - fy) + bottom * fy).round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_premultiplied(ch(0), ch(1), ch(2), ch(3))
}

fn modulate(a: Color32, b: Color32) -> Color32 {
    let (a, b) = (a.to_array(), b.to_array());
    let m = |k: usize| ((u16::from(a[k]) * u16::from(b[k]) + 127) / 255) as u8;
    Color32::from_rgba_premultiplied(m(0), m(1), m(2), m(3))
}

/// Premultiplied "over": dst = src + dst × (1 − src.alpha).
fn blend(src: Color32, dst: Color32) -> Color32 {
    let (s, d) = (src.to_array(), dst.to_array());
    let keep = 255 - u16::from(s[3]);
    let ch = |k: usize| (u16::from(s[k]) + (u16::from(d[k]) * keep + 127) / 255).min(255) as u8;
    Color32::from_rgba_premultiplied(ch(0), ch(1), ch(2), ch(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_white_rectangle_is_painted_where_it_lies() {
        let ctx = egui::Context::default();
        let mut textures = Textures::default();
        let mut out = None;
        for _ in 0..2 {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(40.0, 20.0))),
                ..Default::default()
            };
            let mut full = ctx.run_ui(input, |ui| {
                ui.painter().rect_filled(
                    egui::Rect::from_min_max([0.0, 0.0].into(), [10.0, 10.0].into()),
                    0.0,
                    Color32::RED,
                );
            });
            textures.apply(&full.textures_delta);
            let prims = ctx.tessellate(full.shapes, 1.0);
            out = Some(paint(&prims, &textures, [40, 20], 1.0, Color32::BLACK));
            textures.free(&mut full.textures_delta);
        }
        let image = out.unwrap();
        assert_eq!(image.pixels[5 * 40 + 5], Color32::RED);
        assert_eq!(image.pixels[15 * 40 + 30], Color32::BLACK);
    }
}
