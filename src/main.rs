//! The `datamap` binary: a thin layer that parses arguments and hands over to the library, either to the
//! window or to a headless subcommand.
//!
//! Release builds on Windows are GUI-subsystem programs so double-clicking opens no console window. Such a
//! program starts without a console, so `main` first attaches to the terminal it was started from, if any,
//! and the headless subcommands print there (see `attach_parent_console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use datamap::cli::{self, BenchKind, Command, EXIT_OK, EXIT_UNUSABLE, ReportFormat};
use datamap::import::{self, Monitor};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

fn main() -> ExitCode {
    #[cfg(windows)]
    attach_parent_console();
    withhold_panic_details();
    // `bench layout` is a developer tool with its own flags (see bench/README.md), so it skips the user CLI.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [first, second, rest @ ..] = args.as_slice()
        && first == "bench"
        && second == "layout"
    {
        return ExitCode::from(datamap::layout::bench::run_layout_bench(rest) as u8);
    }
    let code = match cli::parse(std::env::args().skip(1)) {
        Err(problem) => {
            eprintln!("datamap: {problem} (see datamap --help)");
            EXIT_UNUSABLE
        }
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            EXIT_OK
        }
        Ok(Command::Version) => {
            print!("{}", cli::VERSION_LINE);
            EXIT_OK
        }
        Ok(Command::Report { inputs, format, redact }) => {
            let cancel = AtomicBool::new(false);
            match import::import(&inputs, &Monitor::silent(&cancel)) {
                Ok(map) => {
                    let exposures = datamap::exposure::statements(&map, datamap::catalog::builtin());
                    let (map, exposures) =
                        if redact { datamap::redact::redact(&map, &exposures) } else { (map, exposures) };
                    match format {
                        ReportFormat::Json => println!("{}", datamap::report::to_json(&map, &exposures)),
                        ReportFormat::Csv => {
                            print!("{}", datamap::exposure::to_csv(&datamap::exposure::rows(&exposures)))
                        }
                        ReportFormat::Summary => print!("{}", datamap::report::summary(&map)),
                    }
                    EXIT_OK
                }
                Err(e) => {
                    eprintln!("datamap: {e}");
                    EXIT_UNUSABLE
                }
            }
        }
        Ok(Command::MakeHeavy { out }) => {
            match datamap::demo::heavy::write_heavy(&out, datamap::demo::heavy::MEDIA_BYTES) {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    eprintln!("datamap: {}: {e}", out.display());
                    EXIT_UNUSABLE
                }
            }
        }
        Ok(Command::Bench { what, inputs }) => {
            let measured = match what {
                BenchKind::Import => import::bench::timed_import(&inputs),
                BenchKind::Scan => import::bench::message_speeds(&inputs),
                BenchKind::Inflate => import::bench::inflate_floor(&inputs).map(|f| {
                    format!("inflate_seconds={:.3} files={} json_bytes={}", f.time.as_secs_f64(), f.files, f.bytes)
                }),
            };
            match measured {
                Ok(line) => {
                    println!("{line}");
                    EXIT_OK
                }
                Err(e) => {
                    eprintln!("datamap: {e}");
                    EXIT_UNUSABLE
                }
            }
        }
        Ok(Command::MakeDemo { out, instagram }) => {
            match if instagram { datamap::demo::instagram_demo_builder() } else { datamap::demo::demo_builder() }
                .write_zip(&out)
            {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    eprintln!("datamap: {}: {e}", out.display());
                    EXIT_UNUSABLE
                }
            }
        }
        Ok(Command::Render { inputs, out, redact, view, size }) => {
            match datamap::ui::share::render_file(&inputs, &out, view, size, redact) {
                Ok(()) => EXIT_OK,
                Err(e) => {
                    eprintln!("datamap: {e}");
                    EXIT_UNUSABLE
                }
            }
        }
        Ok(Command::InstallDesktop) => match datamap::share::desktop::install_here() {
            Ok(files) => {
                for f in files {
                    println!("{}", f.display());
                }
                EXIT_OK
            }
            Err(e) => {
                eprintln!("datamap: install-desktop: {e}");
                EXIT_UNUSABLE
            }
        },
        Ok(Command::Gui(options)) => datamap::ui::run(options),
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
