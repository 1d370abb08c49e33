//! Redact mode: a copy of the map and its statements in which every person is a stable pseudonym ("Friend 17",
//! "Person 4"), the owner is "You", and company names stay. A screenshot that shows a friend's name does
//! harm, so redaction happens once, on the data, and every view and export (screen, PNG, SVG, CSV, JSON)
//! reads the redacted copy: nothing can forget to redact because nothing sees the real names.
//!
//! Pseudonyms are numbered in the model's people order (friends and everyone else counted apart), so the
//! same export gives the same pseudonyms on every run and in every output.

use crate::exposure::Statement;
use crate::model::{DataMap, Relation};
use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::HashMap;

/// What the owner is called once redacted.
pub const OWNER: &str = "You";
/// The title of a map with no owner to name, which is always the case once redacted.
pub const ANONYMOUS_TITLE: &str = "My data map";

/// Real name → pseudonym, plus the text scrubber built from it.
pub struct Pseudonyms {
    by_name: HashMap<String, String>,
    /// Pseudonyms by index into `map.people`, so two people with the same display name stay two.
    by_index: Vec<String>,
    /// Every real name (people, thread participants, thread titles, the owner), for scrubbing free text in
    /// one pass, and the pseudonym each one becomes.
    needles: Option<AhoCorasick>,
    replacements: Vec<String>,
    owner_slug: Option<String>,
    /// Message thread folders (named after people) → their number, in the order the export lists them, so
    /// evidence from different threads stays distinguishable.
    folders: HashMap<String, usize>,
}

impl Pseudonyms {
    pub fn new(map: &DataMap) -> Pseudonyms {
        let (mut friends, mut others) = (0, 0);
        let mut by_name: HashMap<String, String> = HashMap::new();
        let mut by_index = Vec::with_capacity(map.people.len());
        for p in &map.people {
            let pseudonym = if p.relations.contains(&Relation::Friend) {
                friends += 1;
                format!("Friend {friends}")
            } else {
                others += 1;
                format!("Person {others}")
            };
            by_name.entry(p.name.clone()).or_insert_with(|| pseudonym.clone());
            by_index.push(pseudonym);
        }
        // Thread participants the people list does not name still get a pseudonym, numbered on.
        for name in map.threads.iter().flat_map(|t| t.participants.iter()) {
            if !by_name.contains_key(name) {
                others += 1;
                by_name.insert(name.clone(), format!("Person {others}"));
            }
        }
        let mut needles: Vec<(String, String)> =
            by_name.iter().filter(|(n, _)| !n.trim().is_empty()).map(|(n, p)| (n.clone(), p.clone())).collect();
        if let Some(owner) = map.owner.as_ref().filter(|o| !o.trim().is_empty()) {
            needles.push((owner.clone(), OWNER.to_owned()));
        }
        needles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        needles.dedup_by(|a, b| a.0 == b.0);
        let replacements: Vec<String> = needles.iter().map(|(_, p)| p.clone()).collect();
        // Leftmost-longest, so "Ann Lee" is replaced whole rather than half-replaced by a shorter "Ann".
        let needles = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(needles.iter().map(|(n, _)| n.as_str()))
            .ok();
        let owner_slug = map.owner.as_deref().map(slug).filter(|s| s.len() >= 3);
        let mut folders = HashMap::new();
        let listed = map.files_read.iter().chain(map.threads.iter().flat_map(|t| t.files.iter()));
        for part in listed.flat_map(|f| f.split('/')).filter(|p| is_thread_folder(p)) {
            let next = folders.len() + 1;
            folders.entry(part.to_owned()).or_insert(next);
        }
        Pseudonyms { by_name, by_index, needles, replacements, owner_slug, folders }
    }

    /// The pseudonym for a name; a name nobody knows becomes "Someone" rather than passing through.
    pub fn name(&self, real: &str) -> String {
        self.by_name.get(real).cloned().unwrap_or_else(|| "Someone".to_owned())
    }

    pub fn person(&self, index: usize) -> String {
        self.by_index.get(index).cloned().unwrap_or_else(|| "Someone".to_owned())
    }

    /// Free text (explanations, warnings) with every known name replaced, the longest match first so "Ann
    /// Lee" is not half-replaced by a shorter "Ann".
    pub fn text(&self, s: &str) -> String {
        let replaced = match &self.needles {
            Some(needles) => needles.replace_all(s, &self.replacements),
            None => s.to_owned(),
        };
        self.path(&replaced)
    }

    /// A path inside the export (or an archive name) with the parts that embed a name replaced: message
    /// thread folders are `<name slug>_<id>`, and archive names are `facebook-<user>-<date>…`.
    pub fn path(&self, p: &str) -> String {
        let mut out = p
            .split('/')
            .map(|part| match self.folders.get(part) {
                Some(n) => format!("thread_{n}"),
                None if is_thread_folder(part) => "thread".to_owned(),
                None => part.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("/");
        if let Some(owner) = &self.owner_slug
            && out.to_lowercase().contains(owner.as_str())
        {
            out = replace_ignoring_case(&out, owner, "you");
        }
        out
    }
}

/// Lower-case ASCII letters and digits only, the way Facebook names folders after people.
pub fn slug(name: &str) -> String {
    name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// `priyafenwick_4100000000166299`: a slug, an underscore, and a long numeric thread id.
fn is_thread_folder(part: &str) -> bool {
    match part.rsplit_once('_') {
        Some((name, id)) => !name.is_empty() && id.len() >= 5 && id.bytes().all(|b| b.is_ascii_digit()),
        None => false,
    }
}

fn replace_ignoring_case(haystack: &str, needle: &str, with: &str) -> String {
    let lower = haystack.to_lowercase();
    // Only safe when lower-casing kept byte offsets, which holds for the ASCII slugs matched here.
    if lower.len() != haystack.len() {
        return lower.replace(needle, with);
    }
    let mut out = String::new();
    let mut last = 0;
    for (at, _) in lower.match_indices(needle) {
        out.push_str(&haystack[last..at]);
        out.push_str(with);
        last = at + needle.len();
    }
    out.push_str(&haystack[last..]);
    out
}

/// The map and its statements with every person pseudonymised. Company names, dates and counts are kept.
pub fn redact_statements(map: &DataMap, statements: &[Statement]) -> (DataMap, Vec<Statement>) {
    let names = Pseudonyms::new(map);
    let mut m = map.clone();
    m.owner = None;
    for (i, p) in m.people.iter_mut().enumerate() {
        p.name = names.person(i);
    }
    let mut group = 0;
    for t in &mut m.threads {
        t.title = if !t.group && t.participants.len() == 1 {
            names.name(&t.participants[0])
        } else {
            group += 1;
            format!("Group chat {group}")
        };
        for p in &mut t.participants {
            *p = names.name(p);
        }
        t.folder = names.path(&t.folder);
        redact_paths(&names, &mut t.files);
    }
    for c in &mut m.companies {
        redact_paths(&names, &mut c.files);
    }
    for a in &mut m.apps {
        a.file = names.path(&a.file);
    }
    for d in &mut m.devices {
        redact_paths(&names, &mut d.files);
    }
    for w in &mut m.websites {
        redact_paths(&names, &mut w.files);
    }
    redact_paths(&names, &mut m.files_read);
    for w in &mut m.warnings {
        *w = names.text(w);
    }
    let statements = statements
        .iter()
        .map(|s| {
            // People are ids into the map, whose names are already pseudonyms.
            let mut s = s.clone();
            redact_paths(&names, &mut s.evidence.files);
            for shown in &mut s.condition_shown {
                shown.text = names.text(&shown.text);
                redact_paths(&names, &mut shown.files);
            }
            s.explanation = names.text(&s.explanation);
            s
        })
        .collect();
    (m, statements)
}

fn redact_paths(names: &Pseudonyms, paths: &mut [String]) {
    for p in paths {
        *p = names.path(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_text_lose_names() {
        let mut map = DataMap { owner: Some("Elin Marsh".into()), ..Default::default() };
        map.people.push(crate::model::Person {
            name: "Priya Fenwick".into(),
            relations: vec![Relation::Friend],
            friend_since: None,
            removed_at: None,
            messages: 3,
            platforms: Vec::new(),
        });
        map.files_read.push("messages/inbox/bea_1234567/message_1.json".into());
        let names = Pseudonyms::new(&map);
        assert_eq!(names.name("Priya Fenwick"), "Friend 1");
        assert_eq!(names.path("messages/inbox/bea_1234567/message_1.json"), "messages/inbox/thread_1/message_1.json");
        assert_eq!(names.text("Priya Fenwick and Elin Marsh"), "Friend 1 and You");
        assert_eq!(
            names.path("messages/inbox/priyafenwick_4100000000166299/message_1.json"),
            "messages/inbox/thread/message_1.json"
        );
        assert_eq!(names.path("facebook-ElinMarsh-2026-10-15.zip"), "facebook-you-2026-10-15.zip");
    }
}
