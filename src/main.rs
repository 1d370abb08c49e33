//! The `datamap` binary: parses the command line and hands over to the library, either to the window or to
//! a headless subcommand; a failure becomes one line on stderr and exit code 2.
//!
//! Release builds on Windows are GUI-subsystem programs so double-clicking opens no console window.
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use datamap::app::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    withhold_panic_details();
    let code = match cli::run(Cli::parse()) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("datamap: {failure}");
            failure.exit_code()
        }
    };
    ExitCode::from(code as u8)
}

/// A panic message can quote whatever was being processed (a name, a line of an export file), and stderr
/// ends up in terminals, logs and bug reports. So a panic prints where datamap failed, which is enough to
/// find the bug, and never its message. The import thread still turns the panic into an error card.
fn withhold_panic_details() {
    std::panic::set_hook(Box::new(|info| {
        let thread = std::thread::current();
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!(
            "datamap: internal error in thread '{}'{place}. Its details are withheld because they can contain \
             data from your export; please report this place as a bug.",
            thread.name().unwrap_or("unnamed")
        );
    }));
}
