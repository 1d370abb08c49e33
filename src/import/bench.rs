//! Measurements behind `bench/import.sh`: the inflate floor (every JSON entry the import needs, inflated on
//! one thread and thrown away), the import itself, and how fast message files are parsed compared with
//! inflated, all timed inside the process so start-up is not counted.

use super::families::Family;
use super::messages::{self, Texts};
use super::{ImportError, Monitor, import, plan};
use crate::archive::{Archive, Input};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

pub struct Floor {
    pub files: usize,
    pub bytes: u64,
    pub time: Duration,
}

/// Inflate exactly the entries [`import`] reads, one after another on this thread, without parsing them,
/// into one reused buffer as the import's workers do.
pub fn inflate_floor(inputs: &[Input]) -> Result<Floor, ImportError> {
    let archive = Archive::open(inputs)?;
    let start = Instant::now();
    let mut reader = archive.reader();
    let mut buf = Vec::new();
    let (mut files, mut bytes) = (0, 0u64);
    for group in plan(&archive) {
        for entry in group.entries {
            files += 1;
            bytes += reader.read_into(entry, &mut buf).map_or(0, |b| b.len() as u64);
        }
    }
    Ok(Floor { files, bytes, time: start.elapsed() })
}

/// One `key=value` line per figure: the import's time and what it found, to compare with the baseline.
pub fn timed_import(inputs: &[Input]) -> Result<String, ImportError> {
    let cancel = AtomicBool::new(false);
    let start = Instant::now();
    let map = import(inputs, &Monitor::silent(&cancel))?;
    let time = start.elapsed();
    let messages: u64 = map.threads.iter().map(|t| t.messages).sum();
    let events: u64 = map.companies.iter().map(|c| c.events).sum();
    Ok(format!(
        "import_seconds={:.3} files={} people={} companies={} events={} threads={} messages={}",
        time.as_secs_f64(),
        map.files_read.len(),
        map.people.len(),
        map.companies.len(),
        events,
        map.threads.len(),
        messages
    ))
}

/// Message files only, each step on one thread: the best of five times to inflate them all and to parse them
/// all (already in memory). Parsing slower than inflating is what keeps the import above the floor.
pub fn message_speeds(inputs: &[Input]) -> Result<String, ImportError> {
    let archive = Archive::open(inputs)?;
    // As the import reads them, hashing texts only where it does.
    let entries: Vec<(usize, Texts)> = plan(&archive)
        .into_iter()
        .filter(|g| g.family == Family::Messages)
        .flat_map(|g| {
            let texts = Texts::for_thread_of(g.entries.len());
            g.entries.into_iter().map(move |e| (e, texts))
        })
        .collect();
    let mut reader = archive.reader();
    let mut buf = Vec::new();
    let (inflate, bytes) =
        best_of_five(|| entries.iter().map(|&(e, _)| reader.read_into(e, &mut buf).map_or(0, <[u8]>::len)).sum());
    let files: Vec<(Vec<u8>, Texts)> =
        entries.iter().filter_map(|&(e, texts)| Some((reader.read(e).ok()?, texts))).collect();
    let (scan, messages) = best_of_five(|| {
        files.iter().filter_map(|(f, texts)| messages::parse_file_with(f, *texts).ok()).map(|f| f.messages.len()).sum()
    });
    Ok(format!(
        "message_files={} message_bytes={bytes} messages={messages} inflate_seconds={:.3} parse_seconds={:.3}",
        entries.len(),
        inflate.as_secs_f64(),
        scan.as_secs_f64()
    ))
}

/// The shortest of five runs, and what the run returned.
fn best_of_five(mut run: impl FnMut() -> usize) -> (Duration, usize) {
    (0..5)
        .map(|_| {
            let start = Instant::now();
            let n = run();
            (start.elapsed(), n)
        })
        .min()
        .unwrap_or_default()
}
