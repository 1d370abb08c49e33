//! The layers the architecture promises, checked on the source: the core (everything but `views`, `card`
//! and `app`) knows nothing of egui or the window, the drawing floor (`views`, `card`) knows nothing of the
//! window, the views do not reach up into the card, and no two modules import each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without comments, so a doc comment saying "no egui" is not an egui import, and without
/// its unit tests (the last item of a file, by this project's convention), which may compare a module with
/// its neighbours.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let product = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    product.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// `src/exposure/deals.rs` → ["exposure", "deals"]; `src/lib.rs` → [].
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    parts
}

fn floor(module: &[String]) -> &'static str {
    match module.first().map(String::as_str) {
        Some("app") | None => "app",
        Some("views" | "card") => "drawing",
        Some(_) => "core",
    }
}

fn files() -> (PathBuf, Vec<PathBuf>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    (src, files)
}

/// `word` as a whole identifier path: "epaint" in "repaint" does not count.
fn contains_word(text: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(ident) && (word.ends_with(':') || !after.is_some_and(ident))
    })
}

#[test]
fn no_arrow_points_up_a_floor() {
    let (src, files) = files();
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_path(&src, file);
        let text = code(file);
        let forbidden: &[&str] = match floor(&module) {
            "core" => &["egui", "eframe", "epaint", "rfd::", "crate::views", "crate::card", "crate::app"],
            "drawing" => &["eframe", "rfd::", "crate::app"],
            _ => &[],
        };
        let mut forbidden = forbidden.to_vec();
        if module.first().map(String::as_str) == Some("views") {
            forbidden.push("crate::card");
        }
        for word in forbidden {
            if contains_word(&text, word) {
                wrong.push(format!("{} ({} floor) uses {word}", file.display(), floor(&module)));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Which modules a file refers to: `crate::a::b` names module a (and a::b when that is a file), `super::x`
/// names a sibling.
fn references(module: &[String], text: &str, known: &BTreeSet<Vec<String>>) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let resolve = |path: Vec<String>| -> Option<Vec<String>> {
        (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|p| known.contains(p))
    };
    for (prefix, base) in [("crate::", Vec::new()), ("super::", module[..module.len().saturating_sub(1)].to_vec())] {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let path: Vec<String> = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or("")
                .split("::")
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
            let mut full = base.clone();
            full.extend(path);
            if let Some(target) = resolve(full)
                && target.as_slice() != module
                && !module.starts_with(&target)
            {
                out.insert(target);
            }
        }
    }
    out
}

#[test]
fn no_two_modules_import_each_other() {
    let (src, files) = files();
    let modules: BTreeMap<Vec<String>, String> = files.iter().map(|f| (module_path(&src, f), code(f))).collect();
    let known: BTreeSet<Vec<String>> = modules.keys().cloned().collect();
    // Edges between siblings (files of one folder) and between top-level modules.
    let mut edges: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
    for (module, text) in &modules {
        for target in references(module, text, &known) {
            let depth = module.iter().zip(&target).take_while(|(a, b)| a == b).count();
            let (from, to) =
                (module[..(depth + 1).min(module.len())].to_vec(), target[..(depth + 1).min(target.len())].to_vec());
            if from != to && !from.is_empty() && !to.is_empty() {
                edges.insert((from, to));
            }
        }
    }
    let cycles: Vec<String> = edges
        .iter()
        .filter(|(a, b)| a < b && edges.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{} <-> {}", a.join("::"), b.join("::")))
        .collect();
    assert!(cycles.is_empty(), "modules that import each other:\n{}", cycles.join("\n"));
}
