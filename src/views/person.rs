//! One person's view: who could reach data about them, through which deal, when and how sure, and what in
//! the export put them there (the threads and days, never a message). Opened by clicking a person on the
//! map or choosing one in Find; a company's name opens that company's details.

use super::table_view::confidence_color;
use crate::exposure::CompanyId;
use crate::exposure::about_person::{Why, about_person};
use crate::model::{PersonId, format_date};
use crate::pipeline::Loaded;
use egui::RichText;

pub enum PersonAction {
    Close,
    Company(CompanyId),
}

pub fn person_ui(ui: &mut egui::Ui, loaded: &Loaded, person: PersonId) -> Option<PersonAction> {
    let mut action = None;
    let Some(p) = loaded.map.person(person) else { return Some(PersonAction::Close) };
    ui.horizontal(|ui| {
        ui.heading(&p.name);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button("Close").on_hover_text("Back to the summary (Esc)").clicked() {
                action = Some(PersonAction::Close);
            }
        });
    });
    let relations: Vec<&str> = p.relations.iter().map(|r| r.label()).collect();
    ui.label(relations.join(" · "));
    if let Some(since) = p.friend_since {
        ui.label(format!("Friends since {}", format_date(since)));
    }
    if p.messages > 0 {
        ui.label(format!("{} messages from them in your threads", p.messages));
    }
    ui.add_space(8.0);
    ui.strong("Who could reach data about them");
    let named = about_person(&loaded.map, &loaded.statements, person);
    if named.is_empty() {
        ui.label(
            "No statement names them. Some deals reached friends without the export saying which ones; \
             those count no one by name, so this does not mean no company could.",
        );
        return action;
    }
    ui.label(RichText::new(crate::exposure::ACCESS_NOT_USE).italics().small());
    let dark = ui.visuals().dark_mode;
    for n in &named {
        let Some(s) = loaded.statements.get(n.statement) else { continue };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                if ui.link(RichText::new(&s.company).strong()).on_hover_text("Open this company's details").clicked() {
                    action = Some(PersonAction::Company(s.company_id));
                }
                ui.label(s.kind.label());
            });
            ui.label(format!("When: {} to {}", s.start_label, s.end_label));
            ui.label(RichText::new(s.confidence.label()).color(confidence_color(s.confidence, dark)));
            why_ui(ui, loaded, person, &n.why);
        });
    }
    action
}

fn why_ui(ui: &mut egui::Ui, loaded: &Loaded, person: PersonId, why: &Why) {
    let day = |d: i32| format_date(i64::from(d) * 86_400);
    match why {
        Why::Threads(threads) if threads.is_empty() => {
            ui.label("Named through your threads, but none with them has days inside the deal's window.");
        }
        Why::Threads(threads) => {
            ui.label(format!(
                "Your threads with them had messages inside the deal's window ({}):",
                if threads.len() == 1 { "1 thread".to_owned() } else { format!("{} threads", threads.len()) }
            ));
            let name = loaded.map.person(person).map(|p| p.name.as_str()).unwrap_or_default();
            for t in threads {
                let Some(thread) = loaded.map.threads.get(t.thread) else { continue };
                let others: Vec<&str> = thread.participants.iter().map(String::as_str).filter(|p| *p != name).collect();
                let with = if others.is_empty() {
                    "just the two of you".to_owned()
                } else {
                    format!("with {}", others.join(", "))
                };
                ui.label(format!(
                    "• a thread {with}: {} to {}, messages on {} {}",
                    day(t.first_day),
                    day(t.last_day),
                    t.days,
                    if t.days == 1 { "day" } else { "days" }
                ));
            }
        }
        Why::FriendBy { since, by } => {
            let since = since.map(format_date).unwrap_or_else(|| "an undated day".into());
            ui.label(format!("A friend since {since}, by {}, when this friend access is dated.", format_date(*by)));
        }
        Why::Named => {
            ui.label("The statement names them.");
        }
    }
}
