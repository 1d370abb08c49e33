//! The core palette ([`crate::palette`]) as egui colours.

use crate::graph::Category;
use crate::palette::Rgba;
use egui::Color32;

fn color(c: Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

pub fn category_color(category: Category, dark: bool) -> Color32 {
    color(crate::palette::category(category, dark))
}

pub fn edge_color(dark: bool) -> Color32 {
    color(crate::palette::edge(dark))
}
