//! The share card: the picture **Save image**, **Copy image** and `datamap render` produce, drawn without a
//! window. It is the one home of what a picture needs and both the window and the command line use: which
//! view to draw ([`View`]), the sizes, the formats, the SVG writer ([`svg`]), the offscreen egui pass and
//! CPU rasteriser ([`draw`], [`raster`]) and the PNG encoder. It draws with the views' code, so it sits
//! above them, and knows nothing of the window.

pub mod draw;
pub mod raster;
pub mod svg;

use crate::archive::Input;
use crate::import::{ImportError, Monitor};
use crate::pipeline::{self, Loaded};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

pub use draw::{ANONYMOUS_TITLE, FOOTER, SCALE, default_size, headline, png_bytes, render, title};

/// Which view to draw: the map, the "Who had access" table, or when each company had access.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Graph,
    /// The "Who had access" table.
    Table,
    /// When each company had access.
    Timeline,
}

impl View {
    pub const ALL: [View; 3] = [View::Graph, View::Table, View::Timeline];

    /// The name on the command line and in saved file names.
    pub fn name(self) -> &'static str {
        match self {
            View::Graph => "graph",
            View::Table => "table",
            View::Timeline => "timeline",
        }
    }

    /// The word used in suggested file names.
    pub fn file_word(self) -> &'static str {
        match self {
            View::Graph => "map",
            View::Table => "who-had-access",
            View::Timeline => "timeline",
        }
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
    pub fn of_path(path: &Path) -> Option<Format> {
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

/// Why a picture could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("{}: pictures are written as .png or .svg files", .0.display())]
    Format(PathBuf),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("the picture could not be encoded: {0}")]
    Encode(String),
    #[error("{}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

/// Draw `loaded` (already redacted if it should be) as `format`, returning the file's bytes.
pub fn render_bytes(loaded: &Loaded, format: Format, view: View, size: [f32; 2]) -> Result<Vec<u8>, RenderError> {
    match format {
        // SVG is drawn from the graph itself; the table and timeline are only available as PNG.
        Format::Svg => Ok(svg::graph_svg(loaded, size).into_bytes()),
        Format::Png => png_bytes(&render(loaded, view, size, SCALE, false)).map_err(RenderError::Encode),
    }
}

/// Write a picture's bytes, naming the file if that fails.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), RenderError> {
    std::fs::write(path, bytes).map_err(|source| RenderError::Write { path: path.to_owned(), source })
}

/// `datamap render`: import, lay out, optionally redact, draw, write. No window is opened.
pub fn render_file(inputs: &[Input], out: &Path, view: View, size: [f32; 2], redact: bool) -> Result<(), RenderError> {
    let format = Format::of_path(out).ok_or_else(|| RenderError::Format(out.to_owned()))?;
    let cancel = AtomicBool::new(false);
    let loaded = pipeline::load(inputs, &Monitor::silent(&cancel))?;
    let loaded = if redact { loaded.redacted() } else { loaded };
    write(out, &render_bytes(&loaded, format, view, size)?)
}
