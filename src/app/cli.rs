//! The command line, declared once with clap: every subcommand has `--help`, and the usage the README shows
//! is checked against this declaration (`tests/cli.rs`). One binary serves the window and the headless
//! subcommands, and they share exit codes: 0 on success, 2 on unusable input, with one line on stderr
//! naming the file and the problem ([`Failure`]).

use super::{GuiOptions, Theme};
use crate::archive::Input;
use crate::card::{self, Format, View};
use crate::import::{self, ImportError, Monitor};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

pub const EXIT_OK: i32 = 0;
pub const EXIT_UNUSABLE: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "datamap",
    version,
    about = "See who had your Facebook data, from your own \"Download Your Information\" export.",
    long_about = "See who had your Facebook data, from your own \"Download Your Information\" export. \
                  Everything runs on this computer: nothing is sent anywhere, and the export is never changed.",
    after_help = "Exit codes: 0 success, 2 unusable input (one line on stderr names the file and the problem).",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Sub>,
    #[command(flatten)]
    pub open: OpenArgs,
}

/// Where the export comes from.
#[derive(Args, Debug, Default, Clone)]
pub struct Sources {
    /// The export: its .zip (all the parts of a multi-part export), an unzipped folder, or one JSON file
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The bundled, fictional demo export
    #[arg(long)]
    pub demo: bool,
    /// The same fictional person's Instagram export (with --demo: both)
    #[arg(long)]
    pub demo_instagram: bool,
}

impl Sources {
    pub fn inputs(&self) -> Vec<Input> {
        let mut out: Vec<Input> = self.paths.iter().cloned().map(Input::Path).collect();
        if self.demo {
            out.push(crate::demo::demo_input());
        }
        if self.demo_instagram {
            out.push(crate::demo::instagram_demo_input());
        }
        out
    }

    fn required(&self, command: &str) -> Result<Vec<Input>, Failure> {
        let inputs = self.inputs();
        if inputs.is_empty() {
            return Err(Failure::Usage(format!("{command} needs an export: datamap {command} PATH... or --demo")));
        }
        Ok(inputs)
    }
}

/// Opening the window (no subcommand).
#[derive(Args, Debug, Default)]
pub struct OpenArgs {
    #[command(flatten)]
    pub sources: Sources,
    /// The colour theme
    #[arg(long, value_enum, default_value_t = ThemeArg::System)]
    pub theme: ThemeArg,
    /// Open with this company selected and its details shown
    #[arg(long, value_name = "COMPANY")]
    pub select: Option<String>,
    /// Start with people's names redacted (also a toolbar toggle)
    #[arg(long)]
    pub redact: bool,
    /// Open the window, wait for the map to settle, save a PNG of it and exit
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
    /// The view to open on
    #[arg(long, value_enum, default_value_t = ViewArg::Graph)]
    pub view: ViewArg,
}

#[derive(Subcommand, Debug)]
pub enum Sub {
    /// Print the imported map without a window: a summary, JSON, or the "Who had access" table as CSV
    Report(ReportArgs),
    /// Draw the share card to a PNG or SVG without a window, display or GPU
    Render(RenderArgs),
    /// Write a data-protection request to a company (access, erasure or objection), offline, from the
    /// bundled privacy contacts and what your export shows
    Letter(LetterCli),
    /// Add datamap to your desktop's applications, with its icon and "Open with datamap" for zip files
    /// (current user only)
    InstallDesktop,
    /// Write the demo export (the generator behind assets/demo)
    MakeDemo {
        /// Where to write the zip
        #[arg(value_name = "OUT.zip")]
        out: PathBuf,
        /// The Instagram demo instead of the Facebook one
        #[arg(long)]
        instagram: bool,
    },
    /// Write the heavy benchmark export (development builds only)
    #[cfg(feature = "dev")]
    #[command(hide = true)]
    MakeHeavy {
        #[arg(value_name = "OUT.zip")]
        out: PathBuf,
        /// Make it this many times as large in businesses, events, threads and messages
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=16))]
        scale: u16,
    },
    /// The measurements behind bench/*.sh (development builds only)
    #[cfg(feature = "dev")]
    #[command(hide = true, subcommand)]
    Bench(Bench),
}

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    pub sources: Sources,
    /// Print the map as JSON (schema 1, in the README)
    #[arg(long, conflicts_with = "csv")]
    pub json: bool,
    /// Print the "Who had access" table as CSV, one line per company and kind of access
    #[arg(long)]
    pub csv: bool,
    /// Replace people's names with pseudonyms and leave out yours
    #[arg(long)]
    pub redact: bool,
}

#[derive(Args, Debug)]
pub struct LetterCli {
    /// The company, as the table or the map names it
    pub company: String,
    #[command(flatten)]
    pub sources: Sources,
    /// What to ask for: access (a copy of your data), erasure, or objection to its processing
    #[arg(long)]
    pub kind: crate::actions::letter::LetterKind,
    /// The law to cite: gdpr (EU, UK) or ccpa (California)
    #[arg(long, default_value = "gdpr")]
    pub law: crate::actions::letter::Law,
    /// The letter's language: en or de
    #[arg(long, default_value = "en")]
    pub lang: crate::actions::letter::Lang,
    /// Your country (ISO code such as de or fr): picks the company's record for it and your authority
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// Your German state (DE-BY, DE-BE, ...), for its data-protection authority
    #[arg(long, value_name = "DE-XX")]
    pub region: Option<String>,
    /// Which privacy contact to use when several fit the name (the letter lists them)
    #[arg(long, value_name = "ID")]
    pub record: Option<String>,
    /// Name no person but the addressee
    #[arg(long)]
    pub redact: bool,
    /// Write the letter here instead of printing it
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct RenderArgs {
    #[command(flatten)]
    pub sources: Sources,
    /// The picture to write: .png or .svg (an SVG is always the map)
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace people's names with pseudonyms and leave out yours
    #[arg(long)]
    pub redact: bool,
    /// What to draw
    #[arg(long, value_enum, default_value_t = ViewArg::Graph)]
    pub view: ViewArg,
    /// Size in points (a PNG has twice as many pixels); default 1200x800, the timeline 1200x1100
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<[f32; 2]>,
}

#[cfg(feature = "dev")]
#[derive(Subcommand, Debug)]
pub enum Bench {
    /// Inflate the JSON the import needs, on one thread: the floor
    Inflate { paths: Vec<PathBuf> },
    /// The whole import
    Import { paths: Vec<PathBuf> },
    /// Only the message files: inflating them and parsing them, each on one thread
    Scan { paths: Vec<PathBuf> },
    /// Every stage from the import to a settled map, each timed on its own
    Steps { paths: Vec<PathBuf> },
    /// The layout engine on a random graph (see bench/README.md)
    Layout(crate::layout::bench::LayoutArgs),
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewArg {
    #[default]
    Graph,
    Table,
    Timeline,
}

impl From<ViewArg> for View {
    fn from(view: ViewArg) -> View {
        match view {
            ViewArg::Graph => View::Graph,
            ViewArg::Table => View::Table,
            ViewArg::Timeline => View::Timeline,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeArg {
    #[default]
    System,
    Light,
    Dark,
}

impl From<ThemeArg> for Theme {
    fn from(theme: ThemeArg) -> Theme {
        match theme {
            ThemeArg::System => Theme::System,
            ThemeArg::Light => Theme::Light,
            ThemeArg::Dark => Theme::Dark,
        }
    }
}

/// Why a command failed. Each becomes one line on stderr and exit code 2, in [`Failure::exit_code`].
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{0} (see datamap --help)")]
    Usage(String),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Render(#[from] card::RenderError),
    #[error("{path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("install-desktop: {0}")]
    Install(String),
    #[error("letter: {0}")]
    Letter(String),
    #[error("{0}")]
    Bench(String),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        EXIT_UNUSABLE
    }
}

/// `WIDTHxHEIGHT` in points, each between 200 and 8000 so a typo cannot ask for a gigapixel image.
fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let bad = || format!("takes WIDTHxHEIGHT, e.g. 1200x800 (got \"{s}\")");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (w.trim().parse().map_err(|_| bad())?, h.trim().parse().map_err(|_| bad())?);
    if !(200..=8000).contains(&w) || !(200..=8000).contains(&h) {
        return Err(format!("{s}: each side must be between 200 and 8000"));
    }
    Ok([w as f32, h as f32])
}

impl OpenArgs {
    pub fn gui_options(&self) -> GuiOptions {
        GuiOptions {
            inputs: self.sources.inputs(),
            screenshot: self.screenshot.clone(),
            view: self.view.into(),
            theme: self.theme.into(),
            select: self.select.clone(),
            redact: self.redact,
        }
    }
}

/// Run a parsed command line; the window's own exit code, or why it failed.
pub fn run(cli: Cli) -> Result<i32, Failure> {
    let Some(command) = cli.command else { return Ok(super::run(cli.open.gui_options())) };
    match command {
        Sub::Report(args) => report(&args)?,
        Sub::Render(args) => {
            let inputs = args.sources.required("render")?;
            let view: View = args.view.into();
            if Format::of_path(&args.out).is_none() {
                return Err(Failure::Usage(format!("{}: render writes .png or .svg files", args.out.display())));
            }
            let size = args.size.unwrap_or_else(|| card::default_size(view));
            card::render_file(&inputs, &args.out, view, size, args.redact)?;
        }
        Sub::Letter(args) => {
            let inputs = args.sources.required("letter")?;
            let mut letter = crate::actions::cli::LetterArgs::new(inputs, &args.company, args.kind);
            letter.law = args.law;
            letter.lang = args.lang;
            letter.country = args.country;
            letter.region = args.region;
            letter.record = args.record;
            letter.redact = args.redact;
            letter.out = args.out;
            crate::actions::cli::run(&letter).map_err(Failure::Letter)?;
        }
        Sub::InstallDesktop => {
            for file in super::desktop::install_here().map_err(Failure::Install)? {
                println!("{}", file.display());
            }
        }
        Sub::MakeDemo { out, instagram } => {
            let builder = if instagram { crate::demo::instagram_demo_builder() } else { crate::demo::demo_builder() };
            builder.write_zip(&out).map_err(|source| Failure::Write { path: out.clone(), source })?;
        }
        #[cfg(feature = "dev")]
        Sub::MakeHeavy { out, scale } => {
            let scale = crate::demo::heavy::Scale(usize::from(scale));
            crate::demo::heavy::write_scaled(&out, crate::demo::heavy::MEDIA_BYTES, scale)
                .map_err(|source| Failure::Write { path: out.clone(), source })?
        }
        #[cfg(feature = "dev")]
        Sub::Bench(what) => bench(what)?,
    }
    Ok(EXIT_OK)
}

fn report(args: &ReportArgs) -> Result<(), Failure> {
    let inputs = args.sources.required("report")?;
    let cancel = AtomicBool::new(false);
    let map = import::import(&inputs, &Monitor::silent(&cancel))?;
    let derived = crate::derive::Derived::of(&map);
    let (map, derived) = if args.redact { derived.redacted(&map) } else { (map, derived) };
    if args.json {
        println!("{}", crate::report::to_json(&map, &derived));
    } else if args.csv {
        print!("{}", crate::exposure::to_csv(&derived.rows, &derived.statements));
    } else {
        print!("{}", crate::report::summary(&map));
    }
    Ok(())
}

#[cfg(feature = "dev")]
fn bench(what: Bench) -> Result<(), Failure> {
    let inputs = |paths: Vec<PathBuf>| paths.into_iter().map(Input::Path).collect::<Vec<_>>();
    let line = match what {
        Bench::Import { paths } => import::bench::timed_import(&inputs(paths)).map_err(|e| e.to_string()),
        Bench::Scan { paths } => import::bench::message_speeds(&inputs(paths)).map_err(|e| e.to_string()),
        Bench::Steps { paths } => crate::pipeline::bench::steps(&inputs(paths)).map_err(|e| e.to_string()),
        Bench::Inflate { paths } => import::bench::inflate_floor(&inputs(paths))
            .map(|f| format!("inflate_seconds={:.3} files={} json_bytes={}", f.time.as_secs_f64(), f.files, f.bytes))
            .map_err(|e| e.to_string()),
        Bench::Layout(args) => crate::layout::bench::run(&args),
    };
    println!("{}", line.map_err(Failure::Bench)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("datamap").chain(line.split_whitespace()))
    }

    #[test]
    fn report_render_and_window_forms() {
        let cli = parse("report --demo --json").unwrap();
        assert!(matches!(cli.command, Some(Sub::Report(ReportArgs { json: true, .. }))));
        assert!(parse("report --demo --json --csv").is_err(), "one output format");
        let cli = parse("--screenshot out.png --view table a.zip b.zip").unwrap();
        let options = cli.open.gui_options();
        assert_eq!((options.inputs.len(), options.view), (2, View::Table));
        assert_eq!(options.screenshot, Some(PathBuf::from("out.png")));
        assert!(parse("--view map").is_err());
        let cli = parse("render --demo --out a.png --size 800x600 --redact").unwrap();
        assert!(matches!(cli.command, Some(Sub::Render(RenderArgs { size: Some([800.0, 600.0]), redact: true, .. }))));
        assert!(parse("render --demo --out a.png --size 10x10").is_err());
        assert!(matches!(parse("install-desktop").unwrap().command, Some(Sub::InstallDesktop)));
    }

    #[test]
    fn every_subcommand_has_help_and_the_version_is_cargos() {
        for sub in ["report", "render", "letter", "install-desktop", "make-demo"] {
            let err = parse(&format!("{sub} --help")).unwrap_err();
            assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp, "{sub}");
        }
        let err = parse("--version").unwrap_err();
        assert!(err.to_string().contains(env!("CARGO_PKG_VERSION")));
    }
}
