//! Whose data a statement touched besides the owner's: friends by a date, or the people in message threads
//! active inside a window. A count the export cannot give is unknown, never zero; a friend with no date is
//! left out and makes the count a minimum; two people with one name are two people.

use super::window::Window;
use crate::import::families::{Family, classify};
use crate::model::{DataMap, PersonId, Platform, Relation, Unix};

/// People reached.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reached {
    pub ids: Vec<PersonId>,
    /// `None` when the export cannot say.
    pub count: Option<usize>,
    pub minimum: bool,
    /// How they were chosen, once a caller says.
    pub rule: Option<super::PeopleRule>,
}

impl Reached {
    pub fn unknown() -> Reached {
        Reached { ids: Vec::new(), count: None, minimum: false, rule: None }
    }
}

/// Whether the export has a friends list at all; without one, "0 friends" would be a guess.
pub fn has_friend_list(map: &DataMap) -> bool {
    map.files_read.iter().any(|f| classify(f).is_some_and(|(family, _)| family == Family::Friends))
        || map.people.iter().any(|p| p.relations.contains(&Relation::Friend))
}

/// Friends who were certainly friends by `by`. `minimum` is set when some friends have no date, or when the
/// moment itself is only the latest the record dates (the deal may have run longer).
pub fn friends_by(map: &DataMap, by: Option<Unix>, open_ended: bool) -> Reached {
    if !has_friend_list(map) {
        return Reached::unknown();
    }
    let Some(by) = by else { return Reached::unknown() };
    let friends = map.people.iter().enumerate().filter(|(_, p)| p.relations.contains(&Relation::Friend));
    let mut ids = Vec::new();
    let mut undated = false;
    for (i, p) in friends {
        match p.friend_since {
            Some(t) if t <= by => ids.push(PersonId(i as u32)),
            Some(_) => {}
            None => undated = true,
        }
    }
    Reached { count: Some(ids.len()), ids, minimum: undated || open_ended, rule: None }
}

/// Everyone in the owner's Facebook threads with messages certainly inside `window`, once each; a thread
/// names its participants, who are each name's first person in the map.
pub fn thread_people(map: &DataMap, window: Window, open_ended: bool) -> (Reached, Vec<String>) {
    // Without any message files the export cannot say whom the person messaged.
    let has_messages = !map.threads.is_empty()
        || map.files_read.iter().any(|f| classify(f).is_some_and(|(family, _)| family == Family::Messages));
    if !window.is_closed() || !has_messages {
        return (Reached::unknown(), Vec::new());
    }
    let by_name = map.person_by_name();
    let mut ids: Vec<PersonId> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut files = Vec::new();
    // Facebook's deals reached Facebook's messages: Instagram threads in a combined map do not count.
    let facebook = map.threads.iter().filter(|t| t.platforms.is_empty() || t.platforms.contains(&Platform::Facebook));
    for thread in facebook.filter(|t| window.contains_any_day(&t.days)) {
        for id in thread.participants.iter().filter_map(|p| by_name.get(p.as_str())) {
            if seen.insert(*id) {
                ids.push(*id);
            }
        }
        files.extend(thread.files.iter().take(1).cloned());
    }
    (Reached { count: Some(ids.len()), ids, minimum: open_ended, rule: None }, files)
}
