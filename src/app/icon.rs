//! The app icon, drawn from code so the PNG in assets/icons can be regenerated and checked rather than
//! being an opaque binary: a node-link glyph (you at the centre, linked to coloured nodes for friends and
//! companies) on a rounded square. `assets/icons/datamap.svg` is the same drawing as vector.

use image::{Rgba, RgbaImage};

/// The shipped 256×256 PNG, embedded for the window icon and `datamap install-desktop`.
pub const PNG_256: &[u8] = include_bytes!("../../assets/icons/datamap-256.png");
pub const SVG: &str = include_str!("../../assets/icons/datamap.svg");

/// Satellite nodes in a 256-unit square: centre, radius, colour (the map's category palette).
const SATELLITES: [(f32, f32, f32, [u8; 3]); 5] = [
    (128.0, 52.0, 20.0, [0x56, 0xB4, 0xE9]),
    (200.0, 104.0, 18.0, [0xE6, 0x9F, 0x00]),
    (178.0, 192.0, 20.0, [0xD5, 0x5E, 0x00]),
    (78.0, 192.0, 18.0, [0x00, 0x9E, 0x73]),
    (56.0, 104.0, 18.0, [0xF0, 0xE4, 0x42]),
];
const BACKGROUND: [u8; 3] = [0x1E, 0x2A, 0x3A];
const CENTRE: (f32, f32, f32) = (128.0, 128.0, 28.0);

/// Draw the icon at `size`×`size` pixels, anti-aliased by coverage from signed distances.
pub fn draw(size: u32) -> RgbaImage {
    let k = 256.0 / size as f32;
    RgbaImage::from_fn(size, size, |px, py| {
        let (x, y) = ((px as f32 + 0.5) * k, (py as f32 + 0.5) * k);
        let aa = |d: f32| (0.5 - d / k).clamp(0.0, 1.0);
        let mut color = [0.0f32; 4];
        let mut over = |rgb: [u8; 3], a: f32| {
            for c in 0..3 {
                color[c] = color[c] * (1.0 - a) + f32::from(rgb[c]) / 255.0 * a;
            }
            color[3] = color[3] * (1.0 - a) + a;
        };
        over(BACKGROUND, aa(rounded_square(x, y, 8.0, 248.0, 48.0)));
        for &(sx, sy, _, _) in &SATELLITES {
            over([0xC8, 0xD2, 0xDC], aa(segment(x, y, CENTRE.0, CENTRE.1, sx, sy) - 5.0));
        }
        for &(sx, sy, r, rgb) in &SATELLITES {
            over(rgb, aa(((x - sx).powi(2) + (y - sy).powi(2)).sqrt() - r));
        }
        over([0xF2, 0xF2, 0xF2], aa(((x - CENTRE.0).powi(2) + (y - CENTRE.1).powi(2)).sqrt() - CENTRE.2));
        // Un-premultiply for the PNG.
        let a = color[3];
        let ch = |c: f32| if a > 0.0 { (c / a * 255.0).round().clamp(0.0, 255.0) as u8 } else { 0 };
        Rgba([ch(color[0]), ch(color[1]), ch(color[2]), (a * 255.0).round() as u8])
    })
}

fn rounded_square(x: f32, y: f32, lo: f32, hi: f32, r: f32) -> f32 {
    let c = (lo + hi) / 2.0;
    let half = (hi - lo) / 2.0 - r;
    let (dx, dy) = ((x - c).abs() - half, (y - c).abs() - half);
    (dx.max(0.0).powi(2) + dy.max(0.0).powi(2)).sqrt() + dx.max(dy).min(0.0) - r
}

fn segment(x: f32, y: f32, ax: f32, ay: f32, bx: f32, by: f32) -> f32 {
    let (px, py, vx, vy) = (x - ax, y - ay, bx - ax, by - ay);
    let t = ((px * vx + py * vy) / (vx * vx + vy * vy)).clamp(0.0, 1.0);
    ((px - vx * t).powi(2) + (py - vy * t).powi(2)).sqrt()
}

/// The icon for the window, decoded from the shipped PNG; `None` (no icon) rather than a panic if the
/// bytes were ever broken.
pub fn window_icon() -> Option<egui::IconData> {
    let image = image::load_from_memory_with_format(PNG_256, image::ImageFormat::Png).ok()?.into_rgba8();
    let (width, height) = image.dimensions();
    Some(egui::IconData { rgba: image.into_raw(), width, height })
}

/// PNG bytes of [`draw`], to regenerate the shipped file.
pub fn png(size: u32) -> Result<Vec<u8>, String> {
    let mut out = std::io::Cursor::new(Vec::new());
    draw(size).write_to(&mut out, image::ImageFormat::Png).map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}
