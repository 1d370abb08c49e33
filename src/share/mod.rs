//! Sharing and installing, without a window: the SVG picture of the map, the desktop entry and icons that
//! make datamap something to double-click, and the list of recently opened exports. The GUI and the
//! `datamap render` / `datamap install-desktop` subcommands both build on these.

pub mod desktop;
pub mod icon;
pub mod recent;
pub mod svg;

use crate::graph::MapGraph;
use crate::pipeline::Loaded;

/// A full copy of the loaded data, so a picture can be drawn on a background thread while the window
/// keeps its own.
pub fn duplicate(loaded: &Loaded) -> Loaded {
    Loaded {
        map: loaded.map.clone(),
        statements: loaded.statements.clone(),
        rows: loaded.rows.clone(),
        timelines: loaded.timelines.clone(),
        network: loaded.network.clone(),
        graph: MapGraph { graph: loaded.graph.graph.clone(), owner: loaded.graph.owner },
        positions: loaded.positions.clone(),
    }
}

/// The picture formats a card can be saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Png,
    Svg,
}

impl Format {
    /// From a file name's extension; `None` for anything else, so a typo never writes the wrong format.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "png" => Some(Format::Png),
            "svg" => Some(Format::Svg),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
        }
    }
}
