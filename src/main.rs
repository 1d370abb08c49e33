//! The `datamap` binary: a thin layer that parses arguments and hands over to the library, either to the
//! window or to a headless subcommand.

use datamap::cli::{self, Command, EXIT_OK, EXIT_UNUSABLE, ReportFormat};
use datamap::import::{self, Monitor};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

fn main() -> ExitCode {
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
        Ok(Command::Report { inputs, format }) => {
            let cancel = AtomicBool::new(false);
            match import::import(&inputs, &Monitor::silent(&cancel)) {
                Ok(map) => {
                    let exposures = datamap::exposure::statements(&map, datamap::catalog::builtin());
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
        Ok(Command::Bench { import, inputs }) => {
            let measured = if import {
                import::bench::timed_import(&inputs)
            } else {
                import::bench::inflate_floor(&inputs).map(|f| {
                    format!("inflate_seconds={:.3} files={} json_bytes={}", f.time.as_secs_f64(), f.files, f.bytes)
                })
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
        Ok(Command::MakeDemo { out }) => match datamap::demo::demo_builder().write_zip(&out) {
            Ok(()) => EXIT_OK,
            Err(e) => {
                eprintln!("datamap: {}: {e}", out.display());
                EXIT_UNUSABLE
            }
        },
        Ok(Command::Gui(options)) => datamap::ui::run(options),
    };
    ExitCode::from(code as u8)
}
