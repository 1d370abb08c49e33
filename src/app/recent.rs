//! Recently opened exports, remembered between runs as paths only: never a name, a count or anything
//! read from inside an export. The person can clear the list from the File menu.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The storage key for the list in eframe's app storage.
pub const KEY: &str = "datamap.recent";
const KEEP: usize = 8;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentFiles {
    /// Each entry is the paths of one export (several for a multi-part export), newest first.
    pub entries: Vec<Vec<PathBuf>>,
}

impl RecentFiles {
    pub fn push(&mut self, paths: Vec<PathBuf>) {
        if paths.is_empty() {
            return;
        }
        self.entries.retain(|e| *e != paths);
        self.entries.insert(0, paths);
        self.entries.truncate(KEEP);
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// A short menu label: the first file's name, plus how many parts follow.
    pub fn label(entry: &[PathBuf]) -> String {
        let first = entry
            .first()
            .map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string()))
            .unwrap_or_default();
        match entry.len() {
            0 | 1 => first,
            n => format!("{first} (+{} parts)", n - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_bounded() {
        let mut r = RecentFiles::default();
        for i in 0..12 {
            r.push(vec![PathBuf::from(format!("/x/{i}.zip"))]);
        }
        r.push(vec![PathBuf::from("/x/5.zip")]);
        assert_eq!(r.entries.len(), KEEP);
        assert_eq!(r.entries[0], vec![PathBuf::from("/x/5.zip")]);
        assert_eq!(r.entries.iter().filter(|e| e[0].ends_with("5.zip")).count(), 1);
        r.clear();
        assert!(r.entries.is_empty());
    }
}
