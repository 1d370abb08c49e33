//! One virtual file tree per export, whatever the person handed us: one zip, the several zips of a
//! multi-part export, an unzipped folder, a single JSON file, or bytes in memory (the bundled demo).
//!
//! The archive only lists and reads entries. It never extracts to disk, never writes to the input (files are
//! opened read-only), and reads each entry through a size cap so a crafted zip cannot exhaust memory. Any
//! number of threads can read entries at once through their own [`EntryReader`].

pub mod limits;
pub mod names;
mod source;

use source::Shared;
use std::fmt;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Something the person gave us to open.
#[derive(Clone)]
pub enum Input {
    Path(PathBuf),
    /// An archive already in memory; `name` stands in for a file name in messages and for the export date.
    Memory {
        name: String,
        bytes: Arc<[u8]>,
    },
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Memory { name, .. } => name.clone(),
        }
    }

    /// The file or folder name alone, where the export date is often written.
    pub fn file_name(&self) -> String {
        match self {
            Input::Path(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            Input::Memory { name, .. } => name.clone(),
        }
    }
}

impl fmt::Debug for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// A whole-input problem: the file is not something we can open at all.
#[derive(Debug, Clone, PartialEq)]
pub struct ArchiveError {
    pub file: String,
    pub problem: String,
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for ArchiveError {}

fn error(file: &str, problem: impl Into<String>) -> ArchiveError {
    ArchiveError { file: file.to_owned(), problem: problem.into() }
}

#[derive(Clone)]
enum Source {
    Zip(Box<zip::ZipArchive<Shared>>),
    Files,
}

enum Locator {
    ZipIndex(usize),
    File(PathBuf),
}

/// A file inside the export.
pub struct Entry {
    /// Normalised path relative to the input's root, with wrapper folders kept (suffix matching makes them
    /// harmless, and evidence paths then match what the person sees when they unzip).
    pub path: String,
    /// Index into [`Archive::inputs`].
    pub input: usize,
    /// Inflated size as declared by the archive (zip) or the file system.
    pub size: u64,
    locator: Locator,
}

pub struct Archive {
    inputs: Vec<Input>,
    sources: Vec<Source>,
    entries: Vec<Entry>,
    /// Inflated bytes read so far by every reader together, against [`limits::MAX_TOTAL_BYTES`].
    total_read: AtomicU64,
}

impl Archive {
    pub fn open(inputs: &[Input]) -> Result<Archive, ArchiveError> {
        let mut archive = Archive {
            inputs: inputs.to_vec(),
            sources: Vec::new(),
            entries: Vec::new(),
            total_read: AtomicU64::new(0),
        };
        for (i, input) in inputs.iter().enumerate() {
            let source = archive.open_one(i, input)?;
            archive.sources.push(source);
        }
        if archive.entries.len() > limits::MAX_ENTRIES {
            return Err(error(
                &inputs.first().map(Input::name).unwrap_or_default(),
                format!(
                    "holds {} files, more than the {} datamap reads; this is not a Facebook export",
                    archive.entries.len(),
                    limits::MAX_ENTRIES
                ),
            ));
        }
        Ok(archive)
    }

    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn open_one(&mut self, index: usize, input: &Input) -> Result<Source, ArchiveError> {
        let name = input.name();
        match input {
            Input::Memory { bytes, .. } => self.open_zip(index, &name, Shared::memory(bytes.clone())),
            Input::Path(path) => {
                let meta = std::fs::metadata(path).map_err(|e| error(&name, io_problem(&e)))?;
                if meta.is_dir() {
                    self.add_folder(index, path, &name)?;
                    return Ok(Source::Files);
                }
                // Opening a named pipe waits for a writer that never comes, and a device can be endless.
                if !meta.is_file() {
                    return Err(error(
                        &name,
                        "this is not a regular file but a pipe, socket or device. Drop the export's .zip instead",
                    ));
                }
                let mut file = File::open(path).map_err(|e| error(&name, io_problem(&e)))?;
                if meta.len() == 0 {
                    return Err(error(&name, "the file is empty"));
                }
                let mut magic = [0u8; 2];
                let is_zip = file.read_exact(&mut magic).is_ok() && &magic == b"PK";
                if is_zip {
                    let shared = Shared::file(file).map_err(|e| error(&name, io_problem(&e)))?;
                    return self.open_zip(index, &name, shared);
                }
                if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
                    let file_name = input.file_name();
                    self.entries.push(Entry {
                        path: names::normalise(&file_name).unwrap_or(file_name),
                        input: index,
                        size: meta.len(),
                        locator: Locator::File(path.clone()),
                    });
                    return Ok(Source::Files);
                }
                Err(error(
                    &name,
                    "this is not a zip archive or a JSON file. Drop the .zip that Facebook's \
                     \"Download Your Information\" gave you",
                ))
            }
        }
    }

    fn open_zip(&mut self, index: usize, name: &str, reader: Shared) -> Result<Source, ArchiveError> {
        let zip = zip::ZipArchive::new(reader).map_err(|e| {
            error(name, format!("the zip is damaged or incomplete (perhaps the download stopped early): {e}"))
        })?;
        if zip.len() > limits::MAX_ENTRIES {
            return Err(error(
                name,
                format!("holds {} files, more than the {} datamap reads", zip.len(), limits::MAX_ENTRIES),
            ));
        }
        for i in 0..zip.len() {
            let Ok(entry) = zip.by_index_data(i) else { continue };
            if entry.is_dir() {
                continue;
            }
            let raw = String::from_utf8_lossy(entry.name_raw()).into_owned();
            let Some(path) = names::normalise(&raw) else { continue };
            self.entries.push(Entry { path, input: index, size: entry.size(), locator: Locator::ZipIndex(i) });
        }
        Ok(Source::Zip(Box::new(zip)))
    }

    fn add_folder(&mut self, index: usize, root: &Path, name: &str) -> Result<(), ArchiveError> {
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let listing = std::fs::read_dir(&dir).map_err(|e| error(&dir.display().to_string(), io_problem(&e)))?;
            for item in listing.flatten() {
                let Ok(kind) = item.file_type() else { continue };
                let path = item.path();
                if kind.is_dir() {
                    stack.push(path);
                } else if kind.is_file() {
                    let rel = path.strip_prefix(root).unwrap_or(&path).to_string_lossy().into_owned();
                    let Some(clean) = names::normalise(&rel) else { continue };
                    let size = item.metadata().map(|m| m.len()).unwrap_or(0);
                    self.entries.push(Entry { path: clean, input: index, size, locator: Locator::File(path) });
                    if self.entries.len() > limits::MAX_ENTRIES {
                        return Err(error(name, "the folder holds too many files to be an export"));
                    }
                }
            }
        }
        Ok(())
    }

    /// Read one entry whole, through the per-entry, ratio and whole-archive caps.
    pub fn read(&mut self, entry: usize) -> Result<Vec<u8>, String> {
        self.reader().read(entry)
    }

    /// A reader for one thread. Readers share the archive's caps, so reading in parallel never lets more
    /// than [`limits::MAX_TOTAL_BYTES`] through.
    pub fn reader(&self) -> EntryReader<'_> {
        EntryReader { archive: self, sources: self.sources.clone() }
    }
}

/// Reads entries of one [`Archive`]; each thread needs its own, and creating one is cheap.
pub struct EntryReader<'a> {
    archive: &'a Archive,
    sources: Vec<Source>,
}

impl EntryReader<'_> {
    pub fn read(&mut self, entry: usize) -> Result<Vec<u8>, String> {
        let mut buf = Vec::new();
        let len = self.read_into(entry, &mut buf)?.len();
        buf.truncate(len);
        Ok(buf)
    }

    /// [`read`](Self::read) into a buffer the caller keeps from one entry to the next: reading thousands of
    /// entries into fresh buffers spends more time zeroing and faulting in pages than inflating. The buffer
    /// only grows; the entry is the returned slice, not the whole buffer.
    pub fn read_into<'b>(&mut self, entry: usize, buf: &'b mut Vec<u8>) -> Result<&'b [u8], String> {
        let Some(e) = self.archive.entries.get(entry) else {
            return Err("no such entry".into());
        };
        if e.size > limits::MAX_ENTRY_BYTES {
            return Err(format!(
                "is {} when inflated, over the {} cap for one file",
                limits::human_bytes(e.size),
                limits::human_bytes(limits::MAX_ENTRY_BYTES)
            ));
        }
        let total = &self.archive.total_read;
        let budget = limits::MAX_ENTRY_BYTES.min(limits::MAX_TOTAL_BYTES.saturating_sub(total.load(Ordering::Relaxed)));
        // The declared size can lie, so the ratio is also enforced on the bytes actually inflated.
        let mut ratio_cap = u64::MAX;
        let expected = e.size.min(budget);
        let len = match (&e.locator, self.sources.get_mut(e.input)) {
            (Locator::ZipIndex(i), Some(Source::Zip(zip))) => {
                let file = zip.by_index(*i).map_err(|err| match err {
                    zip::result::ZipError::UnsupportedArchive(msg) if msg.contains("assword") => {
                        "is encrypted; Facebook exports never are".to_owned()
                    }
                    other => format!("cannot be read from the zip: {other}"),
                })?;
                let compressed = file.compressed_size().max(1);
                ratio_cap = limits::RATIO_CHECK_FROM.max(compressed.saturating_mul(limits::MAX_RATIO));
                if file.size() > ratio_cap {
                    return Err(bomb(file.size(), compressed));
                }
                let cap = budget.min(ratio_cap);
                let len = fill(file, buf, expected, cap + 1).map_err(|err| format!("is damaged: {err}"))?;
                if len as u64 > ratio_cap && ratio_cap <= budget {
                    return Err(bomb(len as u64, compressed));
                }
                len
            }
            (Locator::File(path), _) => {
                File::open(path).and_then(|f| fill(f, buf, expected, budget + 1)).map_err(|err| io_problem(&err))?
            }
            _ => return Err("cannot be read".into()),
        };
        let len64 = len as u64;
        let cap = budget.min(ratio_cap);
        let after = total.fetch_add(len64, Ordering::Relaxed).saturating_add(len64);
        if len64 > cap || after > limits::MAX_TOTAL_BYTES {
            return Err(if budget < limits::MAX_ENTRY_BYTES || after > limits::MAX_TOTAL_BYTES {
                format!(
                    "would take the export past the {} cap on inflated JSON",
                    limits::human_bytes(limits::MAX_TOTAL_BYTES)
                )
            } else {
                format!("inflates past the {} cap for one file", limits::human_bytes(limits::MAX_ENTRY_BYTES))
            });
        }
        Ok(buf.get(..len).unwrap_or_default())
    }
}

/// Read `from` to its end, or to `limit` bytes, into the start of `buf`, and return how many bytes came.
/// Unlike `read_to_end` it reuses the buffer's bytes as they are instead of zeroing them on every call.
fn fill(mut from: impl Read, buf: &mut Vec<u8>, expected: u64, limit: u64) -> std::io::Result<usize> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    // One byte past the declared size, so a truthful entry ends in one pass and the end is seen.
    let first = usize::try_from(expected).unwrap_or(0).saturating_add(1).min(limit);
    if buf.len() < first {
        buf.resize(first, 0);
    }
    let mut len = 0;
    loop {
        if len == buf.len() {
            if len >= limit {
                return Ok(len);
            }
            let grown = len.saturating_mul(2).max(64 * 1024).min(limit);
            buf.resize(grown, 0);
        }
        let end = buf.len().min(limit);
        match from.read(buf.get_mut(len..end).unwrap_or_default()) {
            Ok(0) => return Ok(len),
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

fn bomb(inflated: u64, compressed: u64) -> String {
    format!(
        "inflates {}× (from {} to at least {}), a sign of a zip bomb",
        inflated / compressed.max(1),
        limits::human_bytes(compressed),
        limits::human_bytes(inflated)
    )
}

fn io_problem(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied (datamap may not read this file)".into(),
        _ => e.to_string(),
    }
}
