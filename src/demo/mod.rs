//! Builds exports: the bundled demo, and fixtures for tests. Writing files exactly as Meta does (ASCII JSON
//! with every UTF-8 byte escaped as `\u00XX`, in a deflated zip) means the demo and the tests exercise the
//! same import path a real export takes.
//!
//! The demo archive is committed at [`DEMO_PATH`] and embedded in the binary; `datamap make-demo` writes it
//! again, and a test checks the committed bytes still equal the generator's output.

pub mod fixtures;
#[cfg(feature = "dev")]
pub mod heavy;
pub mod instagram;
mod names;
mod scenario;

pub use instagram::instagram_demo_builder;
pub use scenario::demo_builder;

use crate::archive::Input;
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

pub const DEMO_PATH: &str = "assets/demo/facebook-elinmarsh-2026-10-15-D3m0x7.zip";
pub const DEMO_NAME: &str = "facebook-elinmarsh-2026-10-15-D3m0x7.zip";
pub static DEMO_ZIP: &[u8] = include_bytes!("../../assets/demo/facebook-elinmarsh-2026-10-15-D3m0x7.zip");

/// The bundled demo as an input, so `--demo` works from any directory.
pub fn demo_input() -> Input {
    Input::Memory { name: DEMO_NAME.to_owned(), bytes: Arc::from(DEMO_ZIP) }
}

pub const INSTAGRAM_DEMO_PATH: &str = "assets/demo/instagram-elin.marsh-2026-10-15-Ig7x2.zip";
pub static INSTAGRAM_DEMO_ZIP: &[u8] = include_bytes!("../../assets/demo/instagram-elin.marsh-2026-10-15-Ig7x2.zip");

/// The same fictional person's Instagram export; opened with the Facebook demo, the two make one map.
pub fn instagram_demo_input() -> Input {
    Input::Memory { name: instagram::IG_DEMO_NAME.to_owned(), bytes: Arc::from(INSTAGRAM_DEMO_ZIP) }
}

/// Serialise as Meta does: pure ASCII, each UTF-8 byte of non-ASCII text as its own `\u00XX` escape.
pub fn meta_encode(value: &Value) -> String {
    let plain = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut out = String::with_capacity(plain.len());
    for c in plain.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("\\u{byte:04x}"));
            }
        }
    }
    out
}

/// An export under construction: paths and file bodies, written out as a zip or a folder.
#[derive(Default, Clone)]
pub struct ExportBuilder {
    files: Vec<(String, Vec<u8>)>,
}

impl ExportBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a JSON file, encoded the way Meta encodes it.
    pub fn json(&mut self, path: &str, value: &Value) -> &mut Self {
        self.raw(path, meta_encode(value).into_bytes())
    }

    pub fn raw(&mut self, path: &str, bytes: impl Into<Vec<u8>>) -> &mut Self {
        self.files.push((path.to_owned(), bytes.into()));
        self
    }

    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.iter().map(|(p, _)| p.as_str())
    }

    /// A deflated zip whose bytes depend only on the files (fixed timestamps), so it can be committed and
    /// checked against the generator.
    pub fn zip(&self) -> Vec<u8> {
        let mut cursor = std::io::Cursor::new(Vec::new());
        {
            let mut writer = zip::ZipWriter::new(&mut cursor);
            let options = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated)
                .last_modified_time(zip::DateTime::default())
                .unix_permissions(0o644);
            for (path, bytes) in &self.files {
                // Writing to memory cannot fail short of allocation failure.
                let _ = writer.start_file(path.as_str(), options);
                let _ = writer.write_all(bytes);
            }
            let _ = writer.finish();
        }
        cursor.into_inner()
    }

    pub fn write_zip(&self, path: &Path) -> std::io::Result<()> {
        std::fs::write(path, self.zip())
    }

    pub fn write_folder(&self, root: &Path) -> std::io::Result<()> {
        for (path, bytes) in &self.files {
            let target = root.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, bytes)?;
        }
        Ok(())
    }

    pub fn input(&self, name: &str) -> Input {
        Input::Memory { name: name.to_owned(), bytes: Arc::from(self.zip()) }
    }
}

/// A small deterministic generator (SplitMix64), so the demo is the same on every machine and every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi` (returns `lo` when the range is empty).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + (self.next_u64() % (hi - lo) as u64) as i64
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as i64) as usize]
    }

    pub fn chance(&mut self, percent: i64) -> bool {
        self.range(0, 100) < percent
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_encoding_escapes_each_utf8_byte() {
        let encoded = meta_encode(&serde_json::json!({"name": "Renée"}));
        assert!(encoded.is_ascii());
        assert!(encoded.contains("Ren\\u00c3\\u00a9e"));
    }

    #[test]
    fn zips_are_deterministic() {
        let mut b = ExportBuilder::new();
        b.json("a/b.json", &serde_json::json!({"x": 1}));
        assert_eq!(b.zip(), b.zip());
    }
}
