//! Command-line arguments. One binary serves the GUI and the headless subcommands, and they share exit
//! codes: 0 on success, 2 on unusable input (with one line on stderr naming the file and the problem).

use crate::archive::Input;
use std::path::PathBuf;

pub const EXIT_OK: i32 = 0;
pub const EXIT_UNUSABLE: i32 = 2;

/// What `datamap --version` prints: the version in Cargo.toml, which is also in every release artefact's name.
pub const VERSION_LINE: &str = concat!("datamap ", env!("CARGO_PKG_VERSION"), "\n");

pub const USAGE: &str = "\
datamap: see who had your Facebook data, from your own \"Download Your Information\" export.

Usage:
  datamap [PATH...]                      open the app (several PATHs are the parts of one export)
  datamap --demo                         open the app on the bundled fictional demo export
  datamap --demo-instagram               the same person's fictional Instagram export (add --demo for both)
  datamap --theme light|dark|system ...  choose the colour theme (default: follow the system)
  datamap --select COMPANY ...           open with a company selected and its details shown
  datamap --redact ...                   start with people's names redacted (also a toolbar toggle)
  datamap --screenshot OUT.png [--view graph|table|timeline] [PATH...|--demo]
                                         open the window, wait for the map to settle, save a PNG, exit
  datamap report [PATH...|--demo] [--json|--csv] [--redact]
                                         print the imported map without a window: a summary, JSON,
                                         or the \"Who had access\" table as CSV; --redact replaces
                                         people's names with pseudonyms and hides yours
  datamap render [PATH...|--demo] --out FILE.png|FILE.svg [--redact] [--view graph|timeline|table]
                 [--size WxH]            draw the share card without a window or display; WxH is in
                                         points (default 1200x800, timeline 1200x1100), a PNG has
                                         twice as many pixels
  datamap install-desktop                add datamap to your desktop's applications, with its icon and
                                         \"Open with datamap\" for zip files (current user only)
  datamap make-demo OUT.zip [--instagram]
                                         write the demo export (the generator behind assets/demo)
  datamap --version                      print the version

Exit codes: 0 success, 2 unusable input.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Graph,
    /// The "Who had access" table.
    Table,
    /// When each company had access.
    Timeline,
}

impl View {
    fn parse(s: &str) -> Result<View, String> {
        match s {
            "graph" => Ok(View::Graph),
            "table" => Ok(View::Table),
            "timeline" => Ok(View::Timeline),
            other => Err(format!("unknown view \"{other}\" (available: graph, table, timeline)")),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Default)]
pub struct GuiOptions {
    pub inputs: Vec<Input>,
    pub screenshot: Option<PathBuf>,
    pub view: View,
    pub theme: Theme,
    /// A company to select once the map is open (for screenshots and scripted checks).
    pub select: Option<String>,
    /// Start in redact mode (people's names replaced by pseudonyms).
    pub redact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Summary,
    Json,
    /// The "Who had access" table.
    Csv,
}

#[derive(Debug)]
pub enum Command {
    Gui(GuiOptions),
    Report {
        inputs: Vec<Input>,
        format: ReportFormat,
        /// People's names become pseudonyms and the owner's name is left out.
        redact: bool,
    },
    /// Draw the share card to a PNG or SVG without a window.
    Render {
        inputs: Vec<Input>,
        out: PathBuf,
        redact: bool,
        view: View,
        /// In points; a PNG is `crate::ui::share_card::SCALE` times larger in pixels.
        size: [f32; 2],
    },
    /// Install the desktop entry and icons for the current user.
    InstallDesktop,
    MakeDemo {
        out: PathBuf,
        /// Write the Instagram demo instead of the Facebook one.
        instagram: bool,
    },
    /// Hidden: write the heavy benchmark export (`datamap make-heavy OUT.zip`).
    MakeHeavy {
        out: PathBuf,
    },
    /// Hidden: `datamap bench inflate|import|scan PATH...`, the measurements behind bench/import.sh.
    Bench {
        what: BenchKind,
        inputs: Vec<Input>,
    },
    Help,
    Version,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BenchKind {
    /// Inflate the JSON the import needs, on one thread: the floor.
    Inflate,
    /// The whole import.
    Import,
    /// Only the message files: inflating them and parsing them, each on one thread.
    Scan,
}

pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut args = args.into_iter().peekable();
    match args.peek().map(String::as_str) {
        Some("report") => {
            args.next();
            let mut format = ReportFormat::Summary;
            let mut inputs = Vec::new();
            let mut redact = false;
            for arg in args {
                match arg.as_str() {
                    "--json" => format = ReportFormat::Json,
                    "--csv" => format = ReportFormat::Csv,
                    "--redact" => redact = true,
                    "--demo" => inputs.push(crate::demo::demo_input()),
                    "--demo-instagram" => inputs.push(crate::demo::instagram_demo_input()),
                    flag if flag.starts_with("--") => return Err(format!("unknown option {flag} for report")),
                    path => inputs.push(Input::Path(PathBuf::from(path))),
                }
            }
            if inputs.is_empty() {
                return Err("report needs an export: datamap report PATH... or datamap report --demo".into());
            }
            Ok(Command::Report { inputs, format, redact })
        }
        Some("render") => {
            args.next();
            let (mut inputs, mut out, mut redact, mut view) = (Vec::new(), None, false, View::Graph);
            let mut size = None;
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "--demo" => inputs.push(crate::demo::demo_input()),
                    "--demo-instagram" => inputs.push(crate::demo::instagram_demo_input()),
                    "--redact" => redact = true,
                    "--out" => out = Some(PathBuf::from(args.next().ok_or("--out needs a file name")?)),
                    "--view" => view = View::parse(&args.next().ok_or("--view needs a name")?)?,
                    "--size" => size = Some(parse_size(&args.next().ok_or("--size needs WIDTHxHEIGHT")?)?),
                    flag if flag.starts_with("--") => return Err(format!("unknown option {flag} for render")),
                    path => inputs.push(Input::Path(PathBuf::from(path))),
                }
            }
            let out = out.ok_or("render needs --out FILE.png or --out FILE.svg")?;
            if crate::share::Format::of_path(&out).is_none() {
                return Err(format!("{}: render writes .png or .svg files", out.display()));
            }
            if inputs.is_empty() {
                return Err("render needs an export: datamap render PATH... --out FILE or --demo".into());
            }
            let size = size.unwrap_or_else(|| crate::ui::share_card::default_size(view));
            Ok(Command::Render { inputs, out, redact, view, size })
        }
        Some("install-desktop") => {
            args.next();
            match args.next() {
                None => Ok(Command::InstallDesktop),
                Some(extra) => Err(format!("install-desktop takes no arguments (got {extra})")),
            }
        }
        Some("make-heavy") => {
            args.next();
            let out = args.next().ok_or("make-heavy needs an output path")?;
            Ok(Command::MakeHeavy { out: PathBuf::from(out) })
        }
        Some("bench") => {
            args.next();
            let what = match args.next().as_deref() {
                Some("import") => BenchKind::Import,
                Some("inflate") => BenchKind::Inflate,
                Some("scan") => BenchKind::Scan,
                _ => return Err("bench takes inflate, import or scan, then the export's paths".into()),
            };
            let inputs: Vec<Input> = args.map(|a| Input::Path(PathBuf::from(a))).collect();
            if inputs.is_empty() {
                return Err("bench needs an export path".into());
            }
            Ok(Command::Bench { what, inputs })
        }
        Some("make-demo") => {
            args.next();
            let out = args.next().ok_or("make-demo needs an output path")?;
            let instagram = args.next().as_deref() == Some("--instagram");
            Ok(Command::MakeDemo { out: PathBuf::from(out), instagram })
        }
        _ => {
            let mut options = GuiOptions::default();
            while let Some(arg) = args.next() {
                match arg.as_str() {
                    "-h" | "--help" => return Ok(Command::Help),
                    "-V" | "--version" => return Ok(Command::Version),
                    "--demo" => options.inputs.push(crate::demo::demo_input()),
                    "--demo-instagram" => options.inputs.push(crate::demo::instagram_demo_input()),
                    "--redact" => options.redact = true,
                    "--screenshot" => {
                        options.screenshot = Some(PathBuf::from(args.next().ok_or("--screenshot needs a file name")?));
                    }
                    "--view" => options.view = View::parse(&args.next().ok_or("--view needs a name")?)?,
                    "--select" => options.select = Some(args.next().ok_or("--select needs a company name")?),
                    "--theme" => {
                        options.theme = match args.next().as_deref() {
                            Some("light") => Theme::Light,
                            Some("dark") => Theme::Dark,
                            Some("system") => Theme::System,
                            _ => return Err("--theme takes light, dark or system".into()),
                        }
                    }
                    flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                    path => options.inputs.push(Input::Path(PathBuf::from(path))),
                }
            }
            Ok(Command::Gui(options))
        }
    }
}

/// `WIDTHxHEIGHT` in points, each between 200 and 8000 so a typo cannot ask for a gigapixel image.
fn parse_size(s: &str) -> Result<[f32; 2], String> {
    let bad = || format!("--size takes WIDTHxHEIGHT, e.g. 1200x800 (got \"{s}\")");
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(bad)?;
    let (w, h): (u32, u32) = (w.trim().parse().map_err(|_| bad())?, h.trim().parse().map_err(|_| bad())?);
    if !(200..=8000).contains(&w) || !(200..=8000).contains(&h) {
        return Err(format!("--size {s}: each side must be between 200 and 8000"));
    }
    Ok([w as f32, h as f32])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn report_and_gui_forms() {
        assert!(matches!(parse(args("report --demo --json")), Ok(Command::Report { format: ReportFormat::Json, .. })));
        assert!(matches!(parse(args("report --demo --csv")), Ok(Command::Report { format: ReportFormat::Csv, .. })));
        assert!(parse(args("report")).is_err());
        match parse(args("--screenshot out.png --view graph a.zip b.zip")) {
            Ok(Command::Gui(o)) => {
                assert_eq!(o.inputs.len(), 2);
                assert_eq!(o.screenshot, Some(PathBuf::from("out.png")));
            }
            other => panic!("{other:?}"),
        }
        assert!(parse(args("--view map")).is_err());
        assert!(matches!(
            parse(args("render --demo --out a.png --size 800x600 --redact")),
            Ok(Command::Render { size: [800.0, 600.0], redact: true, .. })
        ));
        assert!(parse(args("render --demo --out a.gif")).is_err());
        assert!(parse(args("render --demo --out a.png --size 10x10")).is_err());
        assert!(matches!(parse(args("install-desktop")), Ok(Command::InstallDesktop)));
    }

    #[test]
    fn version_prints_the_cargo_version() {
        assert!(matches!(parse(args("--version")), Ok(Command::Version)));
        assert!(matches!(parse(args("-V")), Ok(Command::Version)));
        assert_eq!(VERSION_LINE, format!("datamap {}\n", env!("CARGO_PKG_VERSION")));
    }
}
