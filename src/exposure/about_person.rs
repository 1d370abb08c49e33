//! What a person's view says: which statements name one friend or contact, and what in the export put
//! them there (the threads with messages inside a deal's window, or a friendship dated before it), so
//! "which companies could see my chats with Wren?" has an answer. Threads are described by their dates
//! and message counts only; datamap keeps no message text.

use super::{PeopleRule, Statement};
use crate::model::{DataMap, PersonId, Platform, Unix};

/// One statement that names the person, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// Index into the statement list.
    pub statement: usize,
    pub why: Why,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// Threads with the person that had messages inside the deal's window.
    Threads(Vec<ThreadInside>),
    /// A friend since `since`, on or before `by`, the moment the deal's friend access is dated to.
    FriendBy { since: Option<Unix>, by: Unix },
    /// The statement names them, by a rule this view cannot retell.
    Named,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThreadInside {
    /// Index into the map's threads.
    pub thread: usize,
    /// The first and last day with messages inside the window (days since 1970-01-01), and how many.
    pub first_day: i32,
    pub last_day: i32,
    pub days: usize,
}

/// Every statement that names `person`, in statement order.
pub fn about_person(map: &DataMap, statements: &[Statement], person: PersonId) -> Vec<Named> {
    let by_name = map.person_by_name();
    let threads: Vec<usize> = map
        .threads
        .iter()
        .enumerate()
        .filter(|(_, t)| t.platforms.is_empty() || t.platforms.contains(&Platform::Facebook))
        .filter(|(_, t)| t.participants.iter().any(|p| by_name.get(p.as_str()) == Some(&person)))
        .map(|(i, _)| i)
        .collect();
    let since = map.person(person).and_then(|p| p.friend_since);
    statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.people.contains(&person))
        .map(|(i, s)| {
            let why = match s.people_rule {
                Some(PeopleRule::ThreadsIn(window)) => Why::Threads(
                    threads
                        .iter()
                        .filter_map(|&t| {
                            let (first_day, last_day, days) = window.days_inside(&map.threads[t].days)?;
                            Some(ThreadInside { thread: t, first_day, last_day, days })
                        })
                        .collect(),
                ),
                Some(PeopleRule::FriendsBy(by)) => Why::FriendBy { since, by },
                None => Why::Named,
            };
            Named { statement: i, why }
        })
        .collect()
}
