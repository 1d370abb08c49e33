//! Collects records from every file family into one [`DataMap`]. The merge rules live here, in one place:
//! each friends-list entry is its own person (two "Sam Lee" friends are two people); every other relation
//! attaches to the first person with exactly that name; companies merge on a case- and space-insensitive
//! name; message counts and times are kept, never message text.

use crate::import::time;
use crate::model::{App, Company, CompanySource, DataMap, Device, Person, Platform, Relation, Thread, Unix, Website};
use std::collections::{BTreeMap, HashMap};

#[derive(Default)]
pub struct ThreadAcc {
    pub title: Option<String>,
    pub participants: Vec<String>,
    pub senders: HashMap<String, u64>,
    pub messages: u64,
    pub first: Option<Unix>,
    pub last: Option<Unix>,
    pub per_year: BTreeMap<i32, u64>,
    pub days: std::collections::BTreeSet<i32>,
    pub files: Vec<String>,
    /// The export's own word on whether this is a group (`thread_type`, older exports only).
    pub group_hint: Option<bool>,
}

impl ThreadAcc {
    pub fn add_message(&mut self, sender: Option<&str>, at: Option<Unix>) {
        if let Some(s) = sender {
            *self.senders.entry(s.to_owned()).or_default() += 1;
        }
        self.add_time(at);
    }

    /// Count one message at `at`; the caller credits its sender.
    pub fn add_time(&mut self, at: Option<Unix>) {
        self.add_times([at]);
    }

    /// Count messages at these times. A thread's messages come in time order, so most follow one on the same
    /// day: the year and the day are recorded once per run of one day, not once per message.
    pub fn add_times(&mut self, times: impl IntoIterator<Item = Option<Unix>>) {
        // The day of the current run and how many messages it has.
        let mut run: Option<(i64, u64)> = None;
        for at in times {
            self.messages += 1;
            let Some(t) = at else { continue };
            self.first = Some(self.first.map_or(t, |f| f.min(t)));
            self.last = Some(self.last.map_or(t, |l| l.max(t)));
            let day = t.div_euclid(86_400);
            match &mut run {
                Some((d, n)) if *d == day => *n += 1,
                _ => {
                    if let Some((d, n)) = run.replace((day, 1)) {
                        self.add_day(d, n);
                    }
                }
            }
        }
        if let Some((d, n)) = run {
            self.add_day(d, n);
        }
    }

    fn add_day(&mut self, day: i64, messages: u64) {
        *self.per_year.entry(time::year(day * 86_400)).or_default() += messages;
        self.days.insert(day as i32);
    }
}

#[derive(Default)]
pub struct Builder {
    owner: Option<String>,
    people: Vec<Person>,
    people_by_name: HashMap<String, usize>,
    companies: Vec<Company>,
    company_by_key: HashMap<String, usize>,
    apps: Vec<App>,
    threads: BTreeMap<String, ThreadAcc>,
    devices: Vec<Device>,
    device_by_agent: HashMap<String, usize>,
    websites: Vec<Website>,
    website_by_site: HashMap<String, usize>,
    newest: Option<Unix>,
    registered: Option<Unix>,
    /// The export file being parsed, recorded as evidence on everything it adds.
    file: String,
    /// The platform of the export being parsed, recorded on everything it adds.
    platform: Platform,
    /// Platforms that contributed at least one file.
    platforms: Vec<Platform>,
    /// The platforms each message thread was read from, so its participants say where they came from.
    thread_platforms: HashMap<String, Vec<Platform>>,
    pub warnings: Vec<String>,
    pub files_read: Vec<String>,
}

fn note_platform(list: &mut Vec<Platform>, platform: Platform) {
    if !list.contains(&platform) {
        list.push(platform);
        list.sort();
    }
}

/// One more `key`, allocated only the first time it is counted.
fn count(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

fn company_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Builder {
    fn saw(&mut self, t: Option<Unix>) {
        if let Some(t) = t {
            self.newest = Some(self.newest.map_or(t, |n| n.max(t)));
        }
    }

    pub fn set_file(&mut self, path: &str) {
        path.clone_into(&mut self.file);
    }

    /// Everything added from now on comes from `platform`'s export.
    pub fn set_platform(&mut self, platform: Platform) {
        self.platform = platform;
    }

    /// A file of the current platform was read.
    pub fn read_from_platform(&mut self) {
        note_platform(&mut self.platforms, self.platform);
    }

    pub fn set_registered(&mut self, at: Option<Unix>) {
        self.registered = self.registered.or(at);
    }

    pub fn set_owner(&mut self, name: &str) {
        if self.owner.is_none() && !name.trim().is_empty() {
            self.owner = Some(name.trim().to_owned());
        }
    }

    pub fn add_person(&mut self, name: &str, relation: Relation, at: Option<Unix>) {
        let name = name.trim();
        if name.is_empty() || self.owner.as_deref() == Some(name) {
            return;
        }
        self.saw(at);
        let existing = self.people_by_name.get(name).copied();
        let index = match (relation, existing) {
            (Relation::Friend, Some(i)) if !self.people[i].relations.contains(&Relation::Friend) => i,
            (Relation::Friend, _) | (_, None) => {
                self.people.push(Person {
                    name: name.to_owned(),
                    relations: Vec::new(),
                    friend_since: None,
                    removed_at: None,
                    messages: 0,
                    platforms: Vec::new(),
                });
                let i = self.people.len() - 1;
                self.people_by_name.entry(name.to_owned()).or_insert(i);
                i
            }
            (_, Some(i)) => i,
        };
        let person = &mut self.people[index];
        note_platform(&mut person.platforms, self.platform);
        if !person.relations.contains(&relation) {
            person.relations.push(relation);
            person.relations.sort();
        }
        if relation == Relation::Friend && person.friend_since.is_none() {
            person.friend_since = at;
        }
        if relation == Relation::RemovedFriend && person.removed_at.is_none() {
            person.removed_at = at;
        }
    }

    /// Record that `name` reached the owner's data through `source`, optionally at a dated event.
    pub fn add_company(&mut self, name: &str, source: CompanySource, at: Option<Unix>, dated_event: bool) {
        if let Some(index) = self.company(name, source) {
            self.company_at(index, source, at, dated_event);
        }
    }

    /// A company and its dated events with their types, recorded as [`add_company`](Self::add_company)
    /// without a date and then `add_company` and [`add_event_type`](Self::add_event_type) per event would
    /// record them, but with one lookup of the company instead of two per event: an off-Meta file lists tens
    /// of thousands of events.
    pub fn add_company_events<'a>(
        &mut self,
        name: &str,
        source: CompanySource,
        events: impl IntoIterator<Item = (Option<Unix>, Option<&'a str>)>,
    ) {
        let Some(index) = self.company(name, source) else { return };
        self.company_at(index, source, None, false);
        for (at, kind) in events {
            self.company_at(index, source, at, true);
            if let Some(kind) = kind {
                count(&mut self.companies[index].event_types, kind);
            }
        }
    }

    /// The index of the company `name`, created if new, with the current file, platform and `source` noted;
    /// `None` for a blank name.
    fn company(&mut self, name: &str, source: CompanySource) -> Option<usize> {
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let key = company_key(name);
        let index = *self.company_by_key.entry(key).or_insert_with(|| {
            self.companies.push(Company { name: name.to_owned(), ..Company::default() });
            self.companies.len() - 1
        });
        let company = &mut self.companies[index];
        note_platform(&mut company.platforms, self.platform);
        if !self.file.is_empty() && !company.files.contains(&self.file) {
            company.files.push(self.file.clone());
        }
        if !company.sources.contains(&source) {
            company.sources.push(source);
            company.sources.sort();
        }
        Some(index)
    }

    /// One sighting of company `index` through `source`, at `at` when known.
    fn company_at(&mut self, index: usize, source: CompanySource, at: Option<Unix>, dated_event: bool) {
        self.saw(at);
        let company = &mut self.companies[index];
        if let Some(t) = at {
            company.first_seen = Some(company.first_seen.map_or(t, |f| f.min(t)));
            company.last_seen = Some(company.last_seen.map_or(t, |l| l.max(t)));
        }
        if dated_event && let Some(t) = at {
            company.events += 1;
            *company.events_per_year.entry(time::year(t)).or_default() += 1;
            let day = t.div_euclid(86_400) as i32;
            if let Err(i) = company.event_days.binary_search(&day) {
                company.event_days.insert(i, day);
            }
        }
        company.by_source.entry(source).or_default().add(at, dated_event);
    }

    pub fn add_event_type(&mut self, company: &str, event_type: &str) {
        if let Some(&i) = self.company_by_key.get(&company_key(company)) {
            count(&mut self.companies[i].event_types, event_type);
        }
    }

    pub fn add_app(&mut self, mut app: App) {
        note_platform(&mut app.platforms, self.platform);
        self.saw(app.added);
        self.saw(app.removed);
        let at = app.added.or(app.removed);
        self.add_company(&app.name, CompanySource::ConnectedApp, at, false);
        if let Some(removed) = app.removed {
            self.add_company(&app.name, CompanySource::ConnectedApp, Some(removed), false);
        }
        self.apps.push(app);
    }

    /// Add a thread read elsewhere (on a worker thread) as a whole.
    pub fn merge_thread(&mut self, key: &str, part: ThreadAcc) {
        note_platform(self.thread_platforms.entry(key.to_owned()).or_default(), self.platform);
        let acc = self.threads.entry(key.to_owned()).or_default();
        if acc.messages == 0 && acc.participants.is_empty() {
            *acc = part;
            return;
        }
        acc.title = acc.title.take().or(part.title);
        acc.group_hint = acc.group_hint.or(part.group_hint);
        for p in part.participants {
            if !acc.participants.contains(&p) {
                acc.participants.push(p);
            }
        }
        for (name, n) in part.senders {
            *acc.senders.entry(name).or_default() += n;
        }
        acc.messages += part.messages;
        acc.first = acc.first.min(part.first).or(acc.first).or(part.first);
        acc.last = acc.last.max(part.last);
        for (year, n) in part.per_year {
            *acc.per_year.entry(year).or_default() += n;
        }
        acc.days.extend(part.days);
        for f in part.files {
            if !acc.files.contains(&f) {
                acc.files.push(f);
            }
        }
    }

    pub fn thread(&mut self, key: &str) -> &mut ThreadAcc {
        note_platform(self.thread_platforms.entry(key.to_owned()).or_default(), self.platform);
        let acc = self.threads.entry(key.to_owned()).or_default();
        if !self.file.is_empty() && !acc.files.contains(&self.file) {
            acc.files.push(self.file.clone());
        }
        acc
    }

    pub fn add_device(&mut self, user_agent: &str, at: Option<Unix>) {
        let agent = user_agent.trim();
        if agent.is_empty() {
            return;
        }
        let index = *self.device_by_agent.entry(agent.to_owned()).or_insert_with(|| {
            self.devices.push(Device {
                user_agent: agent.to_owned(),
                first_seen: None,
                last_seen: None,
                files: Vec::new(),
            });
            self.devices.len() - 1
        });
        if !self.file.is_empty() && !self.devices[index].files.contains(&self.file) {
            self.devices[index].files.push(self.file.clone());
        }
        if let Some(t) = at {
            let d = &mut self.devices[index];
            d.first_seen = Some(d.first_seen.map_or(t, |f| f.min(t)));
            d.last_seen = Some(d.last_seen.map_or(t, |l| l.max(t)));
        }
    }

    pub fn add_website(&mut self, site: &str, at: Option<Unix>) {
        let site = site.trim();
        if site.is_empty() {
            return;
        }
        self.saw(at);
        let index = *self.website_by_site.entry(site.to_lowercase()).or_insert_with(|| {
            self.websites.push(Website {
                site: site.to_owned(),
                visits: 0,
                first: None,
                last: None,
                files: Vec::new(),
            });
            self.websites.len() - 1
        });
        let w = &mut self.websites[index];
        w.visits += 1;
        if let Some(t) = at {
            w.first = Some(w.first.map_or(t, |f| f.min(t)));
            w.last = Some(w.last.map_or(t, |l| l.max(t)));
        }
        if !self.file.is_empty() && !w.files.contains(&self.file) {
            w.files.push(self.file.clone());
        }
    }

    /// The owner is the profile's name; without a profile (a part of a multi-part export, or an old export),
    /// the name that sends messages in the most threads.
    fn infer_owner(&self) -> Option<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for thread in self.threads.values() {
            for sender in thread.senders.keys() {
                *counts.entry(sender.as_str()).or_default() += 1;
            }
        }
        let (best, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
        (n >= 2 && n * 2 > self.threads.len()).then(|| best.to_owned())
    }

    pub fn finish(mut self, export_date: Option<String>) -> DataMap {
        if self.owner.is_none() {
            self.owner = self.infer_owner();
            if let Some(owner) = &self.owner {
                self.warnings.push(format!(
                    "No profile file was found; \"{owner}\" is taken to be you because that name sends messages in most threads."
                ));
                // A friends list never names its owner, but messages could have made them a contact.
                let owner = owner.clone();
                self.people.retain(|p| p.name != owner || p.relations.contains(&Relation::Friend));
                self.people_by_name.clear();
                for (i, p) in self.people.iter().enumerate() {
                    self.people_by_name.entry(p.name.clone()).or_insert(i);
                }
            }
        }
        let owner = self.owner.clone();
        let mut threads = Vec::new();
        for (key, acc) in std::mem::take(&mut self.threads) {
            let (folder, _) = key.split_once('/').unwrap_or(("", &key));
            let mut participants: Vec<String> = Vec::new();
            let mut senders: Vec<&String> = acc.senders.keys().collect();
            senders.sort();
            for name in acc.participants.iter().chain(senders) {
                if Some(name) != owner.as_ref() && !participants.contains(name) {
                    participants.push(name.clone());
                }
            }
            let platforms = self.thread_platforms.get(&key).cloned().unwrap_or_default();
            for name in &participants {
                for &platform in &platforms {
                    self.platform = platform;
                    self.add_person(name, Relation::MessageContact, None);
                }
                if platforms.is_empty() {
                    self.add_person(name, Relation::MessageContact, None);
                }
                if let Some(&i) = self.people_by_name.get(name) {
                    self.people[i].messages += acc.senders.get(name).copied().unwrap_or(0);
                }
            }
            self.saw(acc.last);
            threads.push(Thread {
                title: acc.title.clone().unwrap_or_else(|| participants.join(", ")),
                folder: folder.to_owned(),
                group: acc.group_hint.unwrap_or(participants.len() > 1),
                participants,
                messages: acc.messages,
                first: acc.first,
                last: acc.last,
                per_year: acc.per_year,
                days: acc.days.into_iter().collect(),
                files: acc.files,
                platforms,
            });
        }
        threads.sort_by(|a, b| b.last.cmp(&a.last).then_with(|| a.title.cmp(&b.title)));
        let export_date = export_date.or_else(|| {
            let newest = self.newest?;
            self.warnings.push(
                "The export date is not in the file name; the date of the newest record stands in for it.".into(),
            );
            Some(crate::model::format_date(newest))
        });
        DataMap {
            schema: 1,
            // Schema 1 has one platform: Facebook whenever any Facebook file was read.
            platform: if self.platforms.contains(&Platform::Instagram) && !self.platforms.contains(&Platform::Facebook)
            {
                Platform::Instagram
            } else {
                Platform::Facebook
            },
            platforms: self.platforms,
            owner,
            export_date,
            registered: self.registered,
            people: self.people,
            companies: self.companies,
            apps: self.apps,
            threads,
            devices: self.devices,
            files_read: self.files_read,
            warnings: self.warnings,
            websites: self.websites,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namesakes_in_the_friends_list_stay_two_people() {
        let mut b = Builder::default();
        b.add_person("Sam Lee", Relation::Friend, Some(1_500_000_000));
        b.add_person("Sam Lee", Relation::Friend, Some(1_600_000_000));
        b.add_person("Sam Lee", Relation::Follower, None);
        let map = b.finish(None);
        assert_eq!(map.people.len(), 2);
        assert_eq!(map.people[0].relations, vec![Relation::Friend, Relation::Follower]);
        assert_eq!(map.people[1].friend_since, Some(1_600_000_000));
    }

    #[test]
    fn companies_merge_across_sources_and_count_dated_events() {
        let mut b = Builder::default();
        b.add_company("Example Shop", CompanySource::OffMetaActivity, Some(1_600_000_000), true);
        b.add_company("example  shop", CompanySource::AdvertiserList, None, false);
        b.add_company("Example Shop", CompanySource::OffMetaActivity, Some(1_500_000_000), true);
        let map = b.finish(Some("2026-01-01".into()));
        let c = &map.companies[0];
        assert_eq!(map.companies.len(), 1);
        assert_eq!(c.sources, vec![CompanySource::OffMetaActivity, CompanySource::AdvertiserList]);
        assert_eq!((c.first_seen, c.last_seen, c.events), (Some(1_500_000_000), Some(1_600_000_000), 2));
    }
}
