//! "What you can do" for one company, for the details panel: its privacy contact (from the bundled
//! datarequests.org record, with which record and why), the steps in Facebook's settings and with the
//! company, where to complain for the chosen country, and "Write a request…": a letter previewed in place,
//! saved as text or copied.
//!
//! Self-contained: the caller keeps one [`ActionsState`] (in memory only) and calls [`actions_ui`] below the
//! company's statements. The person's name, address and email typed here live only in that state: they are
//! never written to the app's storage, and only into a file the person saves.

use crate::actions::contacts::{self, COUNTRIES, GERMAN_STATES};
use crate::actions::letter::{self, Lang, Law, Letter, LetterError, LetterKind, LetterRequest, Sender};
use crate::actions::{Action, Options};
use crate::pipeline::Loaded;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// Everything the panel remembers between frames. Deliberately not `Serialize`: none of it is stored.
#[derive(Default)]
pub struct ActionsState {
    /// ISO 3166-1 alpha-2, lowercase; `None` until the person chooses.
    pub country: Option<String>,
    /// ISO 3166-2 for a German state.
    pub region: Option<String>,
    /// Whether "Write a request…" is open.
    pub letter_open: bool,
    pub kind: LetterKind,
    pub law: Law,
    pub lang: Lang,
    /// A record the person chose among several that fit.
    pub record: Option<String>,
    pub name: String,
    pub address: String,
    pub email: String,
    pub account: String,
    /// A short message about the last save or copy.
    pub notice: Option<String>,
    company: String,
    action: Option<(ActionKey, Option<Action>)>,
    letter: Option<(LetterKey, Result<Letter, LetterError>)>,
    saver: Option<Receiver<Result<PathBuf, String>>>,
}

#[derive(Clone, PartialEq)]
struct ActionKey {
    company: String,
    options: Options,
    record: Option<String>,
    statements: usize,
}

#[derive(Clone, PartialEq)]
struct LetterKey {
    action: ActionKey,
    kind: LetterKind,
    law: Law,
    lang: Lang,
    sender: Sender,
    redacted: bool,
}

/// The countries offered: the snapshot's, plus the United States (for the CCPA).
fn country_choices() -> impl Iterator<Item = (&'static str, &'static str)> {
    COUNTRIES.iter().copied().chain(std::iter::once(("us", "United States")))
}

fn country_text(code: Option<&str>) -> String {
    match code {
        None => "Choose your country".to_owned(),
        Some(c) => country_choices().find(|(k, _)| *k == c).map_or_else(|| c.to_uppercase(), |(_, n)| n.to_owned()),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl ActionsState {
    fn options(&self) -> Options {
        Options { country: self.country.clone(), region: self.region.clone() }
    }

    fn sender(&self, redacted: bool) -> Sender {
        if redacted {
            return Sender::default();
        }
        Sender {
            name: non_empty(&self.name),
            address: non_empty(&self.address),
            email: non_empty(&self.email),
            account: non_empty(&self.account),
        }
    }

    /// Forget what belongs to the previous company (the chosen record, the letter), keeping the person's
    /// country and their own details.
    fn switch_to(&mut self, company: &str) {
        if self.company != company {
            if !self.company.is_empty() {
                self.record = None;
                self.letter_open = false;
                self.notice = None;
            }
            self.company = company.to_owned();
            self.letter = None;
        }
    }

    fn action(&mut self, loaded: &Loaded, company: &str) -> Option<Action> {
        let key = ActionKey {
            company: company.to_owned(),
            options: self.options(),
            record: self.record.clone(),
            statements: loaded.statements.len(),
        };
        if self.action.as_ref().is_none_or(|(k, _)| *k != key) {
            let found = crate::actions::action_choosing(
                &loaded.map,
                &loaded.statements,
                company,
                &key.options,
                key.record.as_deref(),
            );
            self.action = Some((key, found));
        }
        self.action.as_ref().and_then(|(_, a)| a.clone())
    }

    fn letter(&mut self, loaded: &Loaded, company: &str, redacted: bool) -> Result<Letter, LetterError> {
        let key = LetterKey {
            action: ActionKey {
                company: company.to_owned(),
                options: self.options(),
                record: self.record.clone(),
                statements: loaded.statements.len(),
            },
            kind: self.kind,
            law: self.law,
            lang: self.lang,
            sender: self.sender(redacted),
            redacted,
        };
        if self.letter.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut request = LetterRequest::new(&loaded.map, &loaded.statements, company, key.kind);
            request.law = key.law;
            request.lang = key.lang;
            request.options = key.action.options.clone();
            request.record = key.action.record.clone();
            request.sender = key.sender.clone();
            request.redact = redacted;
            let written = letter::prepare(&request);
            self.letter = Some((key, written));
        }
        self.letter.as_ref().map(|(_, l)| l.clone()).expect("just written")
    }

    fn save(&mut self, ctx: &egui::Context, text: String, file_name: String) {
        if self.saver.is_some() {
            return;
        }
        let (send, recv) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("save-letter".into()).spawn(move || {
            let picked = rfd::FileDialog::new()
                .set_title("Save the request")
                .set_file_name(&file_name)
                .add_filter("Text", &["txt"])
                .save_file();
            if let Some(path) = picked {
                let _ = send.send(std::fs::write(&path, text).map(|()| path).map_err(|e| e.to_string()));
            }
            ctx.request_repaint();
        });
        if spawned.is_ok() {
            self.saver = Some(recv);
        }
    }

    fn poll(&mut self) {
        if let Some(recv) = &self.saver {
            match recv.try_recv() {
                Ok(result) => {
                    self.saver = None;
                    self.notice = Some(match result {
                        Ok(path) => format!("Saved {}", path.display()),
                        Err(e) => format!("Could not save the request: {e}"),
                    });
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.saver = None,
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
    }
}

/// "What you can do" about `company`, and the request letter. `redacted`: the app is in redact mode, so the
/// sender fields are not offered and the letter keeps its placeholders.
pub fn actions_ui(ui: &mut egui::Ui, state: &mut ActionsState, loaded: &Loaded, company: &str, redacted: bool) {
    state.switch_to(company);
    state.poll();
    ui.heading("What you can do");
    country_ui(ui, state);
    let Some(action) = state.action(loaded, company) else {
        ui.label("Neither your export nor the public record names this company.");
        return;
    };
    contact_ui(ui, state, &action);
    ui.add_space(4.0);
    for step in &action.steps {
        ui.horizontal_wrapped(|ui| {
            ui.label("•");
            ui.add(egui::Label::new(&step.text).selectable(true).wrap());
        });
    }
    ui.label(
        egui::RichText::new(
            "Nothing is sent from here: paths and addresses are text to copy, and letters are yours to send.",
        )
        .weak()
        .small(),
    );
    ui.add_space(6.0);
    let label = if state.letter_open { "Close the request" } else { "Write a request…" };
    if ui.button(label).clicked() {
        state.letter_open = !state.letter_open;
    }
    if state.letter_open {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            letter_ui(ui, state, loaded, company, redacted);
        });
    }
}

fn country_ui(ui: &mut egui::Ui, state: &mut ActionsState) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Your country:");
        let before = state.country.clone();
        egui::ComboBox::from_id_salt("actions-country")
            .selected_text(country_text(state.country.as_deref()))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.country, None, "Choose your country");
                for (code, name) in country_choices() {
                    ui.selectable_value(&mut state.country, Some(code.to_owned()), name);
                }
            })
            .response
            .labelled_by(label.id);
        if state.country != before {
            state.region = None;
            state.law = if state.country.as_deref() == Some("us") { Law::Ccpa } else { Law::Gdpr };
        }
        if state.country.as_deref() == Some("de") {
            let selected = state
                .region
                .as_deref()
                .and_then(|r| GERMAN_STATES.iter().find(|(c, _)| *c == r))
                .map_or("Choose your state", |(_, n)| *n);
            let label = ui.label("State:");
            egui::ComboBox::from_id_salt("actions-region")
                .selected_text(selected)
                .show_ui(ui, |ui| {
                    for (code, name) in GERMAN_STATES {
                        ui.selectable_value(&mut state.region, Some((*code).to_owned()), *name);
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
    ui.label(egui::RichText::new("Used only to choose the right record and authority; never saved.").weak().small());
}

fn contact_ui(ui: &mut egui::Ui, state: &mut ActionsState, action: &Action) {
    match &action.contact {
        Some(c) => {
            ui.label(egui::RichText::new("Privacy contact").strong());
            ui.add(egui::Label::new(&c.name).selectable(true));
            if let Some(email) = &c.email {
                ui.add(egui::Label::new(egui::RichText::new(email).monospace()).selectable(true));
            }
            if let Some(form) = &c.webform {
                ui.add(
                    egui::Label::new(egui::RichText::new(format!("Web form: {form}")).small()).selectable(true).wrap(),
                );
            }
            if let Some(address) = &c.address {
                ui.add(egui::Label::new(egui::RichText::new(address).small()).selectable(true).wrap());
            }
            if let Some(note) = &c.note {
                ui.label(egui::RichText::new(note).italics());
            }
            let provenance = contacts::builtin().map(|all| all.provenance()).unwrap_or_default();
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("Record \"{}\" of the {provenance}; {}.", c.record, c.matched_by))
                        .weak()
                        .small(),
                )
                .wrap(),
            )
            .on_hover_text(&c.source);
            if state.record.is_some() && ui.small_button("Choose another record").clicked() {
                state.record = None;
            }
        }
        None if !action.contact_candidates.is_empty() => {
            let label = ui.label(egui::RichText::new("Privacy contact: choose one").strong());
            egui::ComboBox::from_id_salt("actions-record")
                .selected_text("Several records fit")
                .show_ui(ui, |ui| {
                    for cand in &action.contact_candidates {
                        let countries = if cand.countries == ["all"] {
                            "all countries".to_owned()
                        } else {
                            cand.countries.join(", ")
                        };
                        ui.selectable_value(
                            &mut state.record,
                            Some(cand.record.clone()),
                            format!("{} ({countries})", cand.name),
                        );
                    }
                })
                .response
                .labelled_by(label.id);
        }
        None => {
            ui.label(egui::RichText::new("No privacy contact among the bundled records").strong());
        }
    }
}

fn letter_ui(ui: &mut egui::Ui, state: &mut ActionsState, loaded: &Loaded, company: &str, redacted: bool) {
    ui.label(egui::RichText::new(format!("A request to {company}")).strong());
    ui.horizontal_wrapped(|ui| {
        for kind in LetterKind::ALL {
            ui.radio_value(&mut state.kind, kind, kind.label());
        }
    });
    ui.horizontal_wrapped(|ui| {
        for law in Law::ALL {
            ui.radio_value(&mut state.law, law, law.label());
        }
        ui.separator();
        for lang in Lang::ALL {
            ui.radio_value(&mut state.lang, lang, lang.label());
        }
    });
    if redacted {
        ui.label(
            egui::RichText::new("Names are redacted: the letter keeps [placeholders] for your name and address.")
                .italics(),
        );
    } else {
        egui::Grid::new("actions-sender").num_columns(2).show(ui, |ui| {
            let label = ui.label("Your name");
            ui.add(egui::TextEdit::singleline(&mut state.name).hint_text("[Your name]").desired_width(220.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Postal address");
            ui.add(
                egui::TextEdit::multiline(&mut state.address)
                    .hint_text("[Your postal address]")
                    .desired_rows(2)
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Email");
            ui.add(egui::TextEdit::singleline(&mut state.email).hint_text("[Your email]").desired_width(220.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label("Account with them");
            ui.add(
                egui::TextEdit::singleline(&mut state.account)
                    .hint_text("user name or customer number")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            ui.end_row();
        });
        ui.label(egui::RichText::new("Used only in this letter; datamap never saves them.").weak().small());
    }
    match state.letter(loaded, company, redacted) {
        Ok(letter) => {
            ui.label(egui::RichText::new(format!("Preview: {}", letter.subject)).strong());
            egui::ScrollArea::vertical().id_salt("actions-letter").max_height(320.0).show(ui, |ui| {
                ui.add(egui::Label::new(egui::RichText::new(&letter.text).monospace().small()).selectable(true));
            });
            for note in &letter.notes {
                ui.add(egui::Label::new(egui::RichText::new(format!("• {note}")).small()).wrap());
            }
            ui.horizontal(|ui| {
                if ui.button("Save as text…").clicked() {
                    state.save(ui.ctx(), letter.text.clone(), letter.file_name.clone());
                }
                if ui.button("Copy").clicked() {
                    ui.ctx().copy_text(letter.text.clone());
                    state.notice = Some("Copied the request to the clipboard".to_owned());
                }
            });
        }
        Err(LetterError::Ambiguous { .. }) => {
            ui.label("Several privacy contacts fit this company: choose your country or a record above.");
        }
        Err(e) => {
            ui.label(format!("No letter: {e}"));
        }
    }
    if let Some(notice) = &state.notice {
        ui.label(egui::RichText::new(notice).italics());
    }
}
