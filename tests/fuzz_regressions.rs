//! Every input the fuzzers ever crashed on, and every seed they start from, replayed through the same harness
//! (fuzz/harness.rs) in plain `cargo test`, so a fixed crash stays fixed without nightly Rust or libFuzzer.
//! `cargo test --test fuzz_regressions -- --ignored write_seed_corpora` regenerates the seeds from the
//! fixtures.

#[path = "../fuzz/harness.rs"]
mod harness;

use datamap::archive::Archive;
use datamap::demo::fixtures;
use datamap::import::families::{Family, classify_for};
use datamap::model::Platform;
use std::path::{Path, PathBuf};

fn fuzz_dir(kind: &str, target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(kind).join(target)
}

/// The files in one folder, in name order so failures are reproducible.
fn inputs(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect())
        .unwrap_or_default();
    files.sort();
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// Each input must come back (an answer or a warning), not panic; the panic names the file that caused it.
fn replay(kind: &str, target: &str, run: impl Fn(&[u8])) -> usize {
    let all = inputs(&fuzz_dir(kind, target));
    for (path, bytes) in &all {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(bytes)));
        assert!(outcome.is_ok(), "{} panics again", path.display());
    }
    all.len()
}

#[test]
fn archive_regressions_and_seeds() {
    let regressions = replay("regressions", "archive", harness::import_bytes);
    let seeds = replay("corpus", "archive", harness::import_bytes);
    assert!(seeds > 0, "the archive seed corpus is committed");
    eprintln!("replayed {regressions} archive regressions and {seeds} seeds");
}

#[test]
fn family_regressions_and_seeds() {
    let run = |data: &[u8]| {
        if let Some((&selector, body)) = data.split_first() {
            harness::parse_family(selector, body);
        }
    };
    let regressions = replay("regressions", "families", run);
    let seeds = replay("corpus", "families", run);
    assert!(seeds > 0, "the families seed corpus is committed");
    eprintln!("replayed {regressions} family regressions and {seeds} seeds");
}

/// Seeds for both targets from the fixtures: small zips of every generation and kind of bad input, and each
/// JSON file of every generation behind the selector byte of its family.
#[test]
#[ignore = "writes fuzz/corpus; run by hand when the fixtures change"]
fn write_seed_corpora() {
    let archives = [
        ("g2019", fixtures::export(fixtures::Generation::G2019)),
        ("g2021", fixtures::export(fixtures::Generation::G2021)),
        ("g2023", fixtures::export(fixtures::Generation::G2023)),
        ("g2025", fixtures::export(fixtures::Generation::G2025)),
        ("untidy", fixtures::untidy_export()),
        ("html", fixtures::html_export()),
        ("instagram", fixtures::instagram_export()),
        ("takeout", fixtures::other_zip()),
    ];
    let dir = fuzz_dir("corpus", "archive");
    std::fs::create_dir_all(&dir).unwrap();
    for (name, b) in &archives {
        std::fs::write(dir.join(format!("{name}.zip")), b.zip()).unwrap();
    }
    // Stored (uncompressed) copies, so byte mutations reach the JSON inside as well as the zip around it.
    for (name, b) in &archives[3..5] {
        std::fs::write(dir.join(format!("{name}-stored.zip")), stored(b)).unwrap();
    }
    let dir = fuzz_dir("corpus", "families");
    std::fs::create_dir_all(&dir).unwrap();
    let instagram = [("instagram", datamap::demo::instagram::instagram_demo_builder())];
    let exports =
        archives[..4].iter().map(|a| (a, Platform::Facebook)).chain(instagram.iter().map(|a| (a, Platform::Instagram)));
    for ((name, b), platform) in exports {
        let mut archive = Archive::open(&[b.input("x.zip")]).unwrap();
        for i in 0..archive.entries().len() {
            let path = archive.entries()[i].path.clone();
            let Some((family, _)) = classify_for(&path, platform) else { continue };
            let selector = harness::FAMILIES.iter().position(|f| *f == family).unwrap() as u8;
            let mut seed = vec![selector];
            seed.extend(archive.read(i).unwrap());
            let file = path.rsplit('/').next().unwrap_or("file").replace(['\'', ' '], "_");
            std::fs::write(dir.join(format!("{name}-{selector:02}-{file}")), seed).unwrap();
        }
    }
    assert!(harness::FAMILIES.contains(&Family::Messages));
}

/// The same files as `b.zip()`, without compression.
fn stored(b: &datamap::demo::ExportBuilder) -> Vec<u8> {
    use std::io::Write;
    let mut archive = Archive::open(&[b.input("x.zip")]).unwrap();
    let mut cursor = std::io::Cursor::new(Vec::new());
    let mut writer = zip::ZipWriter::new(&mut cursor);
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for i in 0..archive.entries().len() {
        let path = archive.entries()[i].path.clone();
        writer.start_file(path, options).unwrap();
        writer.write_all(&archive.read(i).unwrap()).unwrap();
    }
    writer.finish().unwrap();
    cursor.into_inner()
}
