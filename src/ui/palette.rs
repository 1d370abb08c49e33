//! Colours by category, from the Okabe–Ito palette so the map reads for people with colour-blindness, with
//! a variant per theme so every colour keeps its contrast on light and dark backgrounds.

use crate::graph::Category;
use egui::Color32;

pub fn category_color(category: Category, dark: bool) -> Color32 {
    match (category, dark) {
        (Category::You, false) => Color32::from_rgb(0x11, 0x11, 0x11),
        (Category::You, true) => Color32::from_rgb(0xF2, 0xF2, 0xF2),
        (Category::Friend, false) => Color32::from_rgb(0x00, 0x72, 0xB2),
        (Category::Friend, true) => Color32::from_rgb(0x56, 0xB4, 0xE9),
        (Category::OtherPerson, false) => Color32::from_rgb(0x7A, 0x86, 0x94),
        (Category::OtherPerson, true) => Color32::from_rgb(0x9A, 0xA5, 0xB1),
        (Category::ConnectedApp, _) => Color32::from_rgb(0xE6, 0x9F, 0x00),
        (Category::AppPost, _) => Color32::from_rgb(0xCC, 0x79, 0xA7),
        (Category::Advertiser, _) => Color32::from_rgb(0xD5, 0x5E, 0x00),
        (Category::OffMeta, _) => Color32::from_rgb(0x00, 0x9E, 0x73),
        (Category::Partner, false) => Color32::from_rgb(0xA8, 0x90, 0x00),
        (Category::Partner, true) => Color32::from_rgb(0xF0, 0xE4, 0x42),
    }
}

pub fn edge_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(200, 210, 220, 38)
    } else {
        Color32::from_rgba_unmultiplied(40, 50, 70, 40)
    }
}
