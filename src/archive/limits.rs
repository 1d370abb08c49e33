//! The caps that keep a crafted or broken archive from exhausting memory or time. The README lists them;
//! hitting one is an error for that file, and the rest of the import goes on.

/// Largest single JSON entry datamap inflates. Messenger splits threads into files of ~10,000 messages,
/// a few MB each, so real exports stay far below this.
pub const MAX_ENTRY_BYTES: u64 = 512 * 1024 * 1024;
/// Largest total of inflated JSON read from one export (all parts together).
pub const MAX_TOTAL_BYTES: u64 = 16 * 1024 * 1024 * 1024;
/// Most entries an export may list. Real exports hold thousands to tens of thousands.
pub const MAX_ENTRIES: usize = 1_000_000;
/// Highest inflated-to-compressed ratio accepted for an entry larger than [`RATIO_CHECK_FROM`].
/// JSON compresses 5–30×; deflate cannot exceed ~1032×, so only bombs come near this.
pub const MAX_RATIO: u64 = 500;
pub const RATIO_CHECK_FROM: u64 = 16 * 1024 * 1024;
/// Most JSON values one file may parse into, for the files read into a tree (all but message files, which
/// are streamed). A parsed value costs 30–50 bytes whatever its text is, so a file of `[0,0,0,…]` under the
/// size cap would otherwise take 16× its size in memory; real export files hold far fewer values than this.
pub const MAX_JSON_VALUES: usize = 16_000_000;

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["bytes", "KiB", "MiB", "GiB", "TiB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{n} bytes") } else { format!("{value:.1} {}", UNITS[unit]) }
}
