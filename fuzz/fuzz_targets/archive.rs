//! Any bytes handed to datamap as a dropped file: open them as an archive and import whatever is inside.
//! A clear error or a map are both fine; a panic, a hang or unbounded memory is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses part of the shared harness.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    harness::import_bytes(data);
});
