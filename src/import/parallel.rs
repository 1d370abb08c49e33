//! Inflating and parsing run on every core, while the records are merged on the calling thread in one fixed
//! order, so the map never depends on which thread finished first. Threads take groups from a shared counter
//! and may run at most [`AHEAD`] groups ahead of the merge, which bounds the memory held by parsed results
//! waiting their turn. The calling thread is one of the parsers: whenever the group it must merge next is not
//! ready it parses another group instead of sleeping, so the import keeps one busy thread per core and no
//! more, and threads rarely wait for each other.

use super::builder::ThreadAcc;
use super::families::Family;
use super::{Doc, Group, ImportError, Monitor, json, messages, read_doc};
use crate::archive::{Archive, EntryReader};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

/// How many groups may wait, parsed, for their turn to merge, per worker.
const AHEAD: usize = 4;

/// One group, read and parsed; per entry, the result or the problem that makes it a warning.
pub enum Parsed {
    /// Files whose records merge into the map on the calling thread, with rows repeated from an earlier part
    /// already removed.
    Docs(Vec<(usize, Result<Doc, String>)>),
    /// A message thread, already reduced to counts and times.
    Thread(Box<ThreadAcc>, Vec<(usize, Result<(), String>)>),
}

struct State {
    done: BTreeMap<usize, Parsed>,
    merged: usize,
    /// Helpers asleep until the merge makes room; each side is woken only when the other waits for it,
    /// because waking threads that have nothing to do costs more than parsing a small thread file.
    helpers_waiting: usize,
}

/// Parse every group on this thread and helper threads, and hand each to `merge`, in group order, on this
/// thread.
pub fn run(
    archive: &Archive,
    groups: &[Group],
    monitor: &Monitor,
    mut merge: impl FnMut(&Group, Parsed),
) -> Result<(), ImportError> {
    let threads = std::thread::available_parallelism().map_or(2, usize::from).clamp(1, 64).min(groups.len().max(1));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let state = Mutex::new(State { done: BTreeMap::new(), merged: 0, helpers_waiting: 0 });
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    // The merge waits on `ready` for the group it needs next; helpers wait on `room`.
    let (ready, room) = (Condvar::new(), Condvar::new());
    let window = AHEAD * threads;
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(|| {
                let mut reader = archive.reader();
                let mut buf = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(group) = groups.get(i) else { break };
                    {
                        let mut s = lock();
                        while i >= s.merged + window && !stop.load(Ordering::Relaxed) {
                            s.helpers_waiting += 1;
                            s = room.wait(s).unwrap_or_else(PoisonError::into_inner);
                            s.helpers_waiting -= 1;
                        }
                    }
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let parsed = work(archive, &mut reader, &mut buf, group, monitor);
                    let mut s = lock();
                    s.done.insert(i, parsed);
                    if i == s.merged {
                        ready.notify_one();
                    }
                }
            });
        }
        let result = (|| {
            let mut reader = archive.reader();
            let mut buf = Vec::new();
            for (i, group) in groups.iter().enumerate() {
                monitor.check()?;
                let parsed = loop {
                    let mut s = lock();
                    if let Some(p) = s.done.remove(&i) {
                        s.merged = i + 1;
                        if s.helpers_waiting > 0 {
                            room.notify_all();
                        }
                        break p;
                    }
                    // Only the merge moves `merged`, so the window cannot close while this group is parsed.
                    // Once every group is taken, this thread waits instead of asking again and again.
                    let unclaimed = next.load(Ordering::Relaxed);
                    if unclaimed < groups.len() && unclaimed < s.merged + window {
                        drop(s);
                        let j = next.fetch_add(1, Ordering::Relaxed);
                        if let Some(other) = groups.get(j) {
                            let parsed = work(archive, &mut reader, &mut buf, other, monitor);
                            lock().done.insert(j, parsed);
                        }
                        continue;
                    }
                    drop(ready.wait(s).unwrap_or_else(PoisonError::into_inner));
                };
                merge(group, parsed);
            }
            Ok(())
        })();
        stop.store(true, Ordering::Relaxed);
        // Taking the lock first means no helper is between its check of `stop` and its wait.
        drop(lock());
        room.notify_all();
        result
    })
}

/// Read and parse one group. A panic here would leave the merge waiting forever, so it is caught and
/// reported as a problem with the group's files, though no input is known to cause one.
fn work(archive: &Archive, reader: &mut EntryReader, buf: &mut Vec<u8>, group: &Group, monitor: &Monitor) -> Parsed {
    let attempt = catch_unwind(AssertUnwindSafe(|| {
        if group.family == Family::Messages {
            thread(archive, reader, buf, group, monitor)
        } else {
            docs(reader, buf, group, monitor)
        }
    }));
    attempt.unwrap_or_else(|_| {
        let failed = group.entries.iter().map(|&e| (e, Err("could not be read (internal error)".to_owned())));
        Parsed::Docs(failed.collect())
    })
}

fn docs(reader: &mut EntryReader, buf: &mut Vec<u8>, group: &Group, monitor: &Monitor) -> Parsed {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(group.entries.len());
    for &entry in &group.entries {
        if monitor.cancel.load(Ordering::Relaxed) {
            break;
        }
        let doc = reader.read_into(entry, buf).and_then(|bytes| match group.entries.len() {
            1 => read_doc(group.family, bytes),
            // Parts overlap, and rows are compared as trees.
            _ => json::parse(bytes).map(|tree| Doc::Tree(dedupe_parts(group, tree, &mut seen))),
        });
        out.push((entry, doc));
    }
    Parsed::Docs(out)
}

fn thread(archive: &Archive, reader: &mut EntryReader, buf: &mut Vec<u8>, group: &Group, monitor: &Monitor) -> Parsed {
    let mut acc = ThreadAcc::default();
    let mut seen = messages::Seen::default();
    let mut results = Vec::with_capacity(group.entries.len());
    let texts = messages::Texts::for_thread_of(group.entries.len());
    for (n, &entry) in group.entries.iter().enumerate() {
        if monitor.cancel.load(Ordering::Relaxed) {
            break;
        }
        let more = n + 1 < group.entries.len();
        let parsed = reader.read_into(entry, buf).and_then(|bytes| messages::parse_file_with(bytes, texts));
        results.push((
            entry,
            parsed.map(|file| {
                if let Some(e) = archive.entries().get(entry) {
                    acc.files.push(e.path.clone());
                }
                messages::merge(file, &mut acc, &mut seen, more);
            }),
        ));
    }
    Parsed::Thread(Box::new(acc), results)
}

/// The parts of a split list (and a list repeated in several zips) overlap; a record already read from an
/// earlier part of the same list is dropped. Records within one file are never merged: two identical
/// friends-list rows can be two people.
fn dedupe_parts(group: &Group, mut doc: Value, seen: &mut HashSet<String>) -> Value {
    if group.family == Family::Profile || group.entries.len() < 2 {
        return doc;
    }
    let mut this_file = Vec::new();
    let mut strip = |items: &mut Vec<Value>| {
        items.retain(|record| {
            let key = record.to_string();
            let earlier = seen.contains(&key);
            this_file.push(key);
            !earlier
        });
    };
    match &mut doc {
        Value::Array(items) => strip(items),
        Value::Object(map) => map.values_mut().filter_map(Value::as_array_mut).for_each(strip),
        _ => {}
    }
    seen.extend(this_file);
    doc
}
