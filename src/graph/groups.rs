//! Aggregates: how a category too big to read one dot at a time is drawn. At 5,000 friends a disc of 5,000
//! dots says only "many"; what a person wants to see is which companies could reach which of them. So past
//! [`SHOW_ALL_UP_TO`] members a category keeps its [`KEEP`] most important members as their own nodes and
//! draws the rest as a few aggregates: people grouped by the kinds of deal that reached them (the friends an
//! app's Graph API v1.0 window or another friend permission covered, the ones in threads a messaging
//! partner could read, both, neither),
//! companies as one "N more" node. A click opens an aggregate into its members ([`Open`]), and the layout
//! makes room for them from where the aggregate stood.

use crate::exposure::{CompanyId, Kind};
use crate::model::PersonId;
use std::collections::BTreeSet;

use super::Category;

/// A category with at most this many members is drawn one node per member.
pub const SHOW_ALL_UP_TO: usize = 250;
/// How many members of a bigger category keep their own node: the ones a first look should find.
pub const KEEP: usize = 40;

/// How statements reached a person, as a set of two ways: as the owner's friend (a friend permission, a
/// device or search integration reading friends' data) and through the owner's chats (a messaging
/// partner). Two ways, not every kind of deal, because the map has to say it in a few words; the tooltip
/// lists the companies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Reach(u8);

impl Reach {
    const AS_FRIEND: u8 = 1;
    const THROUGH_CHATS: u8 = 2;

    /// The way a kind of statement reaches the people it names.
    pub fn of(kind: Kind) -> Reach {
        match kind {
            Kind::MessagingPartner => Reach(Self::THROUGH_CHATS),
            _ => Reach(Self::AS_FRIEND),
        }
    }

    pub fn with(self, kind: Kind) -> Reach {
        Reach(self.0 | Reach::of(kind).0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn as_friend(self) -> bool {
        self.0 & Self::AS_FRIEND != 0
    }

    pub fn through_chats(self) -> bool {
        self.0 & Self::THROUGH_CHATS != 0
    }

    /// A few words for an aggregate's label.
    pub fn phrase(self) -> &'static str {
        match (self.as_friend(), self.through_chats()) {
            (true, true) => "reached both as friends and through chats",
            (true, false) => "reached as your friends",
            (false, true) => "reached through your chats",
            (false, false) => "named by no statement",
        }
    }
}

/// Names an aggregate across rebuilds, so one that was opened stays open and positions carry over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKey {
    /// People of one category with one [`Reach`].
    People(Category, Reach),
    /// The members of a company category beyond the [`KEEP`] most important.
    Companies(Category),
}

impl GroupKey {
    pub fn category(self) -> Category {
        match self {
            GroupKey::People(c, _) | GroupKey::Companies(c) => c,
        }
    }
}

/// The aggregates the person opened.
pub type Open = BTreeSet<GroupKey>;

#[derive(Debug, Clone, PartialEq)]
pub enum Members {
    People(Vec<PersonId>),
    Companies(Vec<CompanyId>),
}

impl Members {
    pub fn len(&self) -> usize {
        match self {
            Members::People(v) => v.len(),
            Members::Companies(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One aggregate node's members.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub key: GroupKey,
    pub members: Members,
}

impl Group {
    /// The label on the map: how many, of what, and for people what they have in common.
    pub fn label(&self) -> String {
        let n = thousands(self.members.len());
        match self.key {
            GroupKey::People(category, reach) => format!("{n} {} · {}", noun(category), reach.phrase()),
            GroupKey::Companies(category) => format!("{n} more {}", noun(category)),
        }
    }
}

/// What a category's members are called in a count.
pub fn noun(category: Category) -> &'static str {
    match category {
        Category::You => "you",
        Category::Friend => "friends",
        Category::OtherPerson => "other people",
        Category::ConnectedApp => "connected apps",
        Category::AppPost => "apps that posted",
        Category::Advertiser => "advertisers",
        Category::OffMeta => "off-Meta businesses",
        Category::Partner => "data partners",
    }
}

/// 4120 → "4,120".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Which members of one category get their own node, and the aggregates of the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan<T> {
    pub alone: Vec<T>,
    pub groups: Vec<(GroupKey, Vec<T>)>,
}

/// People of one category, each with how much they matter (messages exchanged) and their [`Reach`].
pub fn plan_people(category: Category, mut members: Vec<(PersonId, u64, Reach)>, open: &Open) -> Plan<PersonId> {
    if members.len() <= SHOW_ALL_UP_TO {
        return Plan { alone: members.into_iter().map(|m| m.0).collect(), groups: Vec::new() };
    }
    members.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rest = members.split_off(KEEP);
    let mut alone: Vec<PersonId> = members.into_iter().map(|m| m.0).collect();
    let mut by_reach: std::collections::BTreeMap<Reach, Vec<PersonId>> = Default::default();
    for (id, _, reach) in rest {
        by_reach.entry(reach).or_default().push(id);
    }
    let mut groups: Vec<(Reach, Vec<PersonId>)> = by_reach.into_iter().collect();
    // The biggest aggregates first; ties in a fixed order, so the plan does not depend on hashing.
    groups.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut out = Vec::new();
    for (reach, mut ids) in groups {
        let key = GroupKey::People(category, reach);
        ids.sort();
        if open.contains(&key) {
            alone.extend(ids);
        } else {
            out.push((key, ids));
        }
    }
    Plan { alone, groups: out }
}

/// Companies of one category, each with how much it matters (the people and records behind it) and
/// whether it is a historic data partner: every partner keeps its own node, since those are what the map
/// is for, and so do the [`KEEP`] weightiest of the rest.
pub fn plan_companies(category: Category, members: Vec<(CompanyId, u64, bool)>, open: &Open) -> Plan<CompanyId> {
    let key = GroupKey::Companies(category);
    if members.len() <= SHOW_ALL_UP_TO || open.contains(&key) {
        return Plan { alone: members.into_iter().map(|m| m.0).collect(), groups: Vec::new() };
    }
    let (partners, mut others): (Vec<_>, Vec<_>) = members.into_iter().partition(|m| m.2);
    others.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let rest = others.split_off(KEEP.min(others.len()));
    let mut rest: Vec<CompanyId> = rest.into_iter().map(|m| m.0).collect();
    rest.sort();
    let alone = partners.into_iter().chain(others).map(|m| m.0).collect();
    let groups = if rest.is_empty() { Vec::new() } else { vec![(key, rest)] };
    Plan { alone, groups }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(n: usize, reach: impl Fn(usize) -> Reach) -> Vec<(PersonId, u64, Reach)> {
        (0..n).map(|i| (PersonId(i as u32), (i % 7) as u64, reach(i))).collect()
    }

    #[test]
    fn small_categories_are_drawn_one_node_each() {
        let plan = plan_people(Category::Friend, people(SHOW_ALL_UP_TO, |_| Reach::default()), &Open::new());
        assert_eq!(plan.alone.len(), SHOW_ALL_UP_TO);
        assert!(plan.groups.is_empty());
    }

    #[test]
    fn big_categories_keep_the_most_important_and_group_the_rest_by_reach() {
        let friends = Reach::of(Kind::GraphApiFriends);
        let both = friends.with(Kind::MessagingPartner);
        let plan = plan_people(
            Category::Friend,
            people(5_000, |i| {
                if i % 10 == 0 {
                    both
                } else if i % 10 == 1 {
                    Reach::default()
                } else {
                    friends
                }
            }),
            &Open::new(),
        );
        assert_eq!(plan.alone.len(), KEEP);
        // The kept ones are those with the most messages (weight 6 is the highest in the fixture).
        assert!(plan.alone.iter().all(|id| id.0 % 7 == 6));
        let sizes: Vec<(GroupKey, usize)> = plan.groups.iter().map(|(k, v)| (*k, v.len())).collect();
        assert_eq!(sizes.len(), 3);
        assert_eq!(sizes[0].0, GroupKey::People(Category::Friend, friends), "the biggest first");
        assert_eq!(sizes.iter().map(|s| s.1).sum::<usize>() + KEEP, 5_000);
        // Every kind but messaging reaches people as friends.
        assert!(Kind::ALL.iter().filter(|k| **k != Kind::MessagingPartner).all(|k| Reach::of(*k) == friends));
    }

    #[test]
    fn an_opened_aggregate_shows_its_members() {
        let friends = Reach::of(Kind::GraphApiFriends);
        let open: Open = [GroupKey::People(Category::Friend, friends)].into();
        let plan = plan_people(Category::Friend, people(1_000, |_| friends), &open);
        assert_eq!(plan.alone.len(), 1_000);
        assert!(plan.groups.is_empty());
    }

    #[test]
    fn companies_beyond_the_kept_become_one_more_node() {
        // Every hundredth is a historic partner, and partners always keep their node.
        let members: Vec<(CompanyId, u64, bool)> =
            (0..3_000).map(|i| (CompanyId(i), u64::from(i % 100), i % 100 == 3)).collect();
        let plan = plan_companies(Category::OffMeta, members.clone(), &Open::new());
        assert_eq!(plan.alone.len(), KEEP + 30);
        assert!((0..3_000).filter(|i| i % 100 == 3).all(|i| plan.alone.contains(&CompanyId(i))));
        // The others kept are the weightiest: weight 99 (30 of them) and 98 (10 of 30).
        assert!(plan.alone.iter().filter(|id| id.0 % 100 != 3).all(|id| id.0 % 100 >= 98));
        assert_eq!(plan.groups.len(), 1);
        let group = Group { key: plan.groups[0].0, members: Members::Companies(plan.groups[0].1.clone()) };
        assert_eq!(group.label(), "2,930 more off-Meta businesses");
        let open: Open = [GroupKey::Companies(Category::OffMeta)].into();
        assert_eq!(plan_companies(Category::OffMeta, members, &open).alone.len(), 3_000);
    }

    #[test]
    fn labels_say_what_the_people_share() {
        let g = |reach| Group { key: GroupKey::People(Category::Friend, reach), members: Members::People(vec![]) };
        assert_eq!(g(Reach::default()).label(), "0 friends · named by no statement");
        assert_eq!(
            g(Reach::of(Kind::GraphApiFriends).with(Kind::MessagingPartner)).label(),
            "0 friends · reached both as friends and through chats"
        );
        assert_eq!(g(Reach::of(Kind::MessagingPartner)).label(), "0 friends · reached through your chats");
        assert_eq!(thousands(4_120), "4,120");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}
