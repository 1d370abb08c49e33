//! The `datamap` binary: a thin layer that parses arguments and hands over to the library, either to the
//! window or to a headless subcommand.

use datamap::cli::{self, Command, EXIT_OK, EXIT_UNUSABLE};
use datamap::import::{self, Monitor};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

fn main() -> ExitCode {
    let code = match cli::parse(std::env::args().skip(1)) {
        Err(problem) => {
            eprintln!("datamap: {problem} (see datamap --help)");
            EXIT_UNUSABLE
        }
        Ok(Command::Help) => {
            print!("{}", cli::USAGE);
            EXIT_OK
        }
        Ok(Command::Report { inputs, json }) => {
            let cancel = AtomicBool::new(false);
            match import::import(&inputs, &Monitor::silent(&cancel)) {
                Ok(map) if json => {
                    println!("{}", datamap::report::to_json(&map));
                    EXIT_OK
                }
                Ok(map) => {
                    print!("{}", datamap::report::summary(&map));
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
