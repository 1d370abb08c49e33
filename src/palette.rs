//! Colours by category as plain RGBA, from the Okabe–Ito palette so the map reads for people with
//! colour-blindness, with a variant per theme so every colour keeps its contrast on light and dark
//! backgrounds. Plain numbers, not a drawing library's type: the SVG writer and the views both read them.

use crate::graph::Category;

/// Red, green, blue and (unmultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba([r, g, b, 255])
    }

    /// `#RRGGBB`, for SVG.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Alpha from 0 to 1, for SVG's opacity attributes.
    pub fn opacity(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }
}

pub fn category(category: Category, dark: bool) -> Rgba {
    match (category, dark) {
        (Category::You, false) => Rgba::rgb(0x11, 0x11, 0x11),
        (Category::You, true) => Rgba::rgb(0xF2, 0xF2, 0xF2),
        (Category::Friend, false) => Rgba::rgb(0x00, 0x72, 0xB2),
        (Category::Friend, true) => Rgba::rgb(0x56, 0xB4, 0xE9),
        (Category::OtherPerson, false) => Rgba::rgb(0x7A, 0x86, 0x94),
        (Category::OtherPerson, true) => Rgba::rgb(0x9A, 0xA5, 0xB1),
        (Category::ConnectedApp, _) => Rgba::rgb(0xE6, 0x9F, 0x00),
        (Category::AppPost, _) => Rgba::rgb(0xCC, 0x79, 0xA7),
        (Category::Advertiser, _) => Rgba::rgb(0xD5, 0x5E, 0x00),
        (Category::OffMeta, _) => Rgba::rgb(0x00, 0x9E, 0x73),
        (Category::Partner, false) => Rgba::rgb(0xA8, 0x90, 0x00),
        (Category::Partner, true) => Rgba::rgb(0xF0, 0xE4, 0x42),
    }
}

pub fn edge(dark: bool) -> Rgba {
    if dark { Rgba([200, 210, 220, 38]) } else { Rgba([40, 50, 70, 40]) }
}
