//! The `datamap` binary: parses the command line and hands over to the library, either to the window or to
//! a headless subcommand; a failure becomes one line on stderr and exit code 2.
//!
//! Release builds on Windows are GUI-subsystem programs so double-clicking opens no console window. Such a
//! program starts without a console, so `main` first attaches to the terminal it was started from, if any,
//! and the headless subcommands print there (see `attach_parent_console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use clap::Parser;
use datamap::app::cli::{self, Cli};
use std::process::ExitCode;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
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

/// A GUI-subsystem program started from cmd or PowerShell has no console, so without this `report` and the
/// other subcommands would print nothing. Attaching to the parent's console fails harmlessly when there is
/// none (a double-click from Explorer) or when the program already has one (a debug build). Attaching also
/// replaces the standard handles, which would undo a redirection such as `datamap report --json > out.json`,
/// so the streams that already went to a file or pipe are put back.
#[cfg(windows)]
fn attach_parent_console() {
    use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE_DISK, FILE_TYPE_PIPE, GetFileType};
    use windows_sys::Win32::System::Console::{
        ATTACH_PARENT_PROCESS, AttachConsole, GetStdHandle, STD_ERROR_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE,
        SetStdHandle,
    };
    // SAFETY: these calls take and return plain handle values, and a null or invalid handle is an error the
    // calls report rather than undefined behaviour.
    unsafe {
        let redirected = [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE].map(|stream| {
            let handle = GetStdHandle(stream);
            let kind = GetFileType(handle);
            (stream, handle, kind == FILE_TYPE_DISK || kind == FILE_TYPE_PIPE)
        });
        if AttachConsole(ATTACH_PARENT_PROCESS) != 0 {
            for (stream, handle, _) in redirected.into_iter().filter(|r| r.2) {
                SetStdHandle(stream, handle);
            }
        }
    }
}
