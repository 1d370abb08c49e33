//! Measurements behind `bench/import.sh`: the inflate floor (every JSON entry the import needs, inflated on
//! one thread and thrown away) and the import itself, timed inside the process so start-up is not counted.

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
