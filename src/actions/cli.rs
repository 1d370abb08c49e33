//! `datamap letter COMPANY [PATH...|--demo] --kind access|erasure|objection [--law gdpr|ccpa] [--lang en|de]
//! [--country CC] [--region DE-XX] [--record SLUG] [--redact] [--out FILE]`: the headless side of "Write a
//! request…". The argument parser only fills in [`LetterArgs`]; everything else is here, so the command line
//! and the window write the same letter.

use super::Options;
use super::letter::{self, Lang, Law, Letter, LetterKind, LetterRequest};
use crate::archive::Input;
use crate::import::{self, Monitor};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

#[derive(Debug, Clone)]
pub struct LetterArgs {
    pub inputs: Vec<Input>,
    pub company: String,
    pub kind: LetterKind,
    pub law: Law,
    pub lang: Lang,
    /// ISO 3166-1 alpha-2: chooses among a company's country records and names the authority.
    pub country: Option<String>,
    /// ISO 3166-2, for Germany's states.
    pub region: Option<String>,
    /// A record id from the contacts, when several fit the name.
    pub record: Option<String>,
    /// Leave the sender as placeholders and name no person (the command line never takes a name anyway).
    pub redact: bool,
    /// Write the letter here instead of to stdout.
    pub out: Option<PathBuf>,
    /// The letter's date (`YYYY-MM-DD`), for reproducible output; today when `None`.
    pub date: Option<String>,
}

impl LetterArgs {
    pub fn new(inputs: Vec<Input>, company: &str, kind: LetterKind) -> LetterArgs {
        LetterArgs {
            inputs,
            company: company.to_owned(),
            kind,
            law: Law::Gdpr,
            lang: Lang::En,
            country: None,
            region: None,
            record: None,
            redact: false,
            out: None,
            date: None,
        }
    }
}

/// Import the export and write the letter.
pub fn letter_for(args: &LetterArgs) -> Result<Letter, String> {
    let cancel = AtomicBool::new(false);
    let map = import::import(&args.inputs, &Monitor::silent(&cancel)).map_err(|e| e.to_string())?;
    let statements = crate::exposure::statements(&map, crate::catalog::builtin());
    let (map, statements) =
        if args.redact { crate::redact::redact_statements(&map, &statements) } else { (map, statements) };
    let mut request = LetterRequest::new(&map, &statements, &args.company, args.kind);
    request.law = args.law;
    request.lang = args.lang;
    request.options = Options {
        country: args.country.as_ref().map(|c| c.to_ascii_lowercase()),
        region: args.region.as_ref().map(|r| r.to_ascii_uppercase()),
    };
    request.record = args.record.clone();
    request.redact = args.redact;
    request.date = args.date.clone();
    letter::prepare(&request).map_err(|e| e.to_string())
}

/// The whole command: the letter on stdout (or in `--out`), the notes for the person on stderr.
pub fn run(args: &LetterArgs) -> Result<(), String> {
    let letter = letter_for(args)?;
    match &args.out {
        Some(path) => {
            std::fs::write(path, &letter.text).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("datamap: wrote {}", path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(letter.text.as_bytes()).map_err(|e| e.to_string())?;
        }
    }
    for note in &letter.notes {
        eprintln!("note: {note}");
    }
    Ok(())
}
