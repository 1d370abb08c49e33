//! One export file's bytes through the parser of one JSON family (the first byte chooses which), as the
//! importer would after inflating it. Every family must turn any bytes into records or a warning.
#![no_main]

use libfuzzer_sys::fuzz_target;

// Each target uses part of the shared harness.
#[allow(dead_code)]
#[path = "../harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| {
    if let Some((&selector, body)) = data.split_first() {
        harness::parse_family(selector, body);
    }
});
