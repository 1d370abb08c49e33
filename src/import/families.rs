//! Which file holds which kind of data. Meta moved nearly every file at least three times (2019, ~2021,
//! 2023, 2024), so each family lists the path suffixes it has lived at, newest first, and files are matched
//! by suffix on whole path components, never by one hard-coded path.

use crate::archive::names::{has_suffix, strip_browser_copy};
use crate::model::Platform;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    // Profile first: the owner's name decides who "me" is in every other file.
    Profile,
    IgProfile,
    Friends,
    RemovedFriends,
    SentRequests,
    ReceivedRequests,
    RejectedRequests,
    Followers,
    Following,
    ConnectedApps,
    InstantGames,
    AppPosts,
    OffMeta,
    AdvertisersUsing,
    AdvertisersContactList,
    AdvertisersInteracted,
    Devices,
    LinkHistory,
    // Instagram's own files; they sort before messages, which both platforms share.
    IgConnections,
    IgFollowers,
    IgFollowing,
    IgCloseFriends,
    IgRequestsSent,
    IgRequestsReceived,
    IgApps,
    IgOffMeta,
    IgAdvertisers,
    IgAdsViewed,
    IgAdsClicked,
    Messages,
}

pub const SUFFIXES: &[(Family, &[&str])] = &[
    (Family::Profile, &["profile_information/profile_information.json"]),
    (
        Family::Friends,
        &["connections/friends/your_friends.json", "friends_and_followers/friends.json", "friends/friends.json"],
    ),
    (
        Family::RemovedFriends,
        &[
            "connections/friends/removed_friends.json",
            "friends_and_followers/removed_friends.json",
            "friends/removed_friends.json",
        ],
    ),
    (
        Family::SentRequests,
        &[
            "connections/friends/sent_friend_requests.json",
            "friends_and_followers/friend_requests_sent.json",
            "friends/sent_friend_requests.json",
        ],
    ),
    (
        Family::ReceivedRequests,
        &[
            "connections/friends/received_friend_requests.json",
            "friends_and_followers/friend_requests_received.json",
            "friends/received_friend_requests.json",
        ],
    ),
    (
        Family::RejectedRequests,
        &[
            "connections/friends/rejected_friend_requests.json",
            "friends_and_followers/rejected_friend_requests.json",
            "friends/rejected_friend_requests.json",
        ],
    ),
    (
        Family::Followers,
        &[
            "connections/followers/people_who_followed_you.json",
            "friends_and_followers/people_who_follow_you.json",
            "friends_and_followers/followers.json",
            "following_and_followers/followers.json",
        ],
    ),
    (
        Family::Following,
        &[
            "connections/followers/who_you've_followed.json",
            "friends_and_followers/who_you_follow.json",
            "friends_and_followers/following.json",
            "following_and_followers/following.json",
        ],
    ),
    (
        Family::ConnectedApps,
        &[
            "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
            "apps_and_websites_off_of_facebook/apps_and_websites.json",
            "apps_and_websites/apps_and_websites.json",
        ],
    ),
    (Family::InstantGames, &["facebook_gaming/instant_games.json"]),
    (
        Family::AppPosts,
        &[
            "apps_and_websites_off_of_facebook/posts_from_apps_and_websites.json",
            "apps_and_websites/posts_from_apps_and_websites.json",
        ],
    ),
    (
        Family::OffMeta,
        &[
            "apps_and_websites_off_of_facebook/your_activity_off_meta_technologies.json",
            "apps_and_websites_off_of_facebook/your_off-facebook_activity.json",
            "ads_and_businesses/your_off-facebook_activity.json",
        ],
    ),
    (Family::AdvertisersUsing, &["ads_information/advertisers_using_your_activity_or_information.json"]),
    (
        Family::AdvertisersContactList,
        &[
            "ads_information/advertisers_who_uploaded_a_contact_list_with_your_information.json",
            "ads/advertisers_who_uploaded_a_contact_list_with_your_information.json",
        ],
    ),
    (
        Family::AdvertisersInteracted,
        &["ads_information/advertisers_you've_interacted_with.json", "ads/advertisers_you've_interacted_with.json"],
    ),
    (
        Family::Devices,
        &[
            "security_and_login_information/account_activity.json",
            "security_and_login_information/where_you're_logged_in.json",
            "security_and_login_information/recognized_devices.json",
            "security_and_login_information/ip_address_activity.json",
        ],
    ),
    (Family::LinkHistory, &["other_activity/link_history.json", "link_history/link_history.json"]),
];

/// Instagram's files, looked up only in an Instagram export: several of its names (`followers.json`,
/// `personal_information.json`) would otherwise be taken for Facebook files, or the other way round.
pub const INSTAGRAM_SUFFIXES: &[(Family, &[&str])] = &[
    (
        Family::IgProfile,
        &[
            "personal_information/personal_information/personal_information.json",
            "personal_information/personal_information.json",
            "account_information/personal_information.json",
            "profile.json",
        ],
    ),
    (Family::IgConnections, &["connections.json"]),
    (Family::IgFollowers, &["followers_and_following/followers.json"]),
    (Family::IgFollowing, &["followers_and_following/following.json"]),
    (Family::IgCloseFriends, &["followers_and_following/close_friends.json"]),
    (Family::IgRequestsSent, &["followers_and_following/pending_follow_requests.json"]),
    (Family::IgRequestsReceived, &["followers_and_following/follow_requests_you've_received.json"]),
    (
        Family::IgApps,
        &[
            "apps_and_websites_off_of_instagram/apps_and_websites/active_apps.json",
            "apps_and_websites_off_of_instagram/apps_and_websites/expired_apps.json",
            "apps_and_websites_off_of_instagram/apps_and_websites/expired_pps.json",
            "apps_and_websites_off_of_instagram/apps_and_websites/removed_apps.json",
        ],
    ),
    (
        Family::IgOffMeta,
        &["apps_and_websites_off_of_instagram/apps_and_websites/your_activity_off_meta_technologies.json"],
    ),
    (
        Family::IgAdvertisers,
        &[
            "instagram_ads_and_businesses/advertisers_using_your_activity_or_information.json",
            "ads_and_businesses/advertisers_using_your_activity_or_information.json",
        ],
    ),
    (Family::IgAdsViewed, &["ads_and_topics/ads_viewed.json"]),
    (Family::IgAdsClicked, &["ads_and_topics/ads_clicked.json"]),
];

/// The family of a Facebook file; see [`classify_for`].
pub fn classify(path: &str) -> Option<(Family, String)> {
    classify_for(path, Platform::Facebook)
}

/// The family of a file in `platform`'s export, and the key under which its parts merge: numbered parts
/// (`name_2.json`) and browser copies (`name (1).json`) share one key with the original, and message files
/// share their thread's key.
pub fn classify_for(path: &str, platform: Platform) -> Option<(Family, String)> {
    if !path.to_ascii_lowercase().ends_with(".json") {
        return None;
    }
    let canonical = strip_browser_copy(path);
    if let Some(thread) = message_thread(&canonical) {
        return Some((Family::Messages, thread));
    }
    let unnumbered = strip_part_number(&canonical);
    let table = match platform {
        Platform::Facebook => SUFFIXES,
        Platform::Instagram => INSTAGRAM_SUFFIXES,
    };
    for (family, suffixes) in table {
        for suffix in *suffixes {
            if has_suffix(&canonical, suffix) || has_suffix(&unnumbered, suffix) || loose_file(&unnumbered, suffix) {
                return Some((*family, (*suffix).to_owned()));
            }
        }
    }
    None
}

/// A single JSON file dropped on its own matches by its file name alone.
fn loose_file(path: &str, suffix: &str) -> bool {
    !path.contains('/') && suffix.rsplit('/').next() == Some(path)
}

/// `name_3.json` → `name.json`.
fn strip_part_number(path: &str) -> String {
    let Some(stem) = path.strip_suffix(".json") else { return path.to_owned() };
    match stem.rsplit_once('_') {
        Some((base, n)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => format!("{base}.json"),
        _ => path.to_owned(),
    }
}

/// `…/messages/inbox/adaexample_123/message_1.json` → `inbox/adaexample_123`.
fn message_thread(path: &str) -> Option<String> {
    let mut parts = path.rsplit('/');
    let file = parts.next()?;
    let is_message_file = file == "message.json"
        || file
            .strip_prefix("message_")
            .and_then(|rest| rest.strip_suffix(".json"))
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    if !is_message_file {
        return None;
    }
    let thread = parts.next()?;
    let folder = parts.next()?;
    let messages_root = parts.next()?;
    (messages_root == "messages").then(|| format!("{folder}/{thread}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generation_of_friends_is_found() {
        for path in [
            "connections/friends/your_friends.json",
            "facebook-x/connections/friends/your_friends.json",
            "your_activity_across_facebook/connections/friends/your_friends.json",
            "friends_and_followers/friends.json",
            "friends/friends.json",
            "your_friends.json",
        ] {
            assert_eq!(classify(path).map(|c| c.0), Some(Family::Friends), "{path}");
        }
    }

    #[test]
    fn parts_and_copies_share_a_key() {
        let a = classify("connections/followers/people_who_followed_you_1.json");
        let b = classify("connections/followers/people_who_followed_you (1).json");
        assert_eq!(a.as_ref().map(|c| c.0), Some(Family::Followers));
        assert_eq!(a, b);
    }

    #[test]
    fn message_files_key_by_thread() {
        let c = classify("your_facebook_activity/messages/inbox/beasample_12/message_2.json");
        assert_eq!(c, Some((Family::Messages, "inbox/beasample_12".to_owned())));
        assert_eq!(classify("messages/inbox/beasample_12/photos/x.json"), None);
        assert_eq!(classify("your_facebook_activity/messages/autofill_information.json"), None);
    }

    #[test]
    fn instagram_files_are_found_only_in_instagram_exports() {
        for (path, family) in [
            ("connections/followers_and_following/followers_1.json", Family::IgFollowers),
            ("followers_and_following/following.json", Family::IgFollowing),
            ("connections.json", Family::IgConnections),
            ("ads_information/ads_and_topics/ads_viewed.json", Family::IgAdsViewed),
        ] {
            assert_eq!(classify_for(path, Platform::Instagram).map(|c| c.0), Some(family), "{path}");
        }
        assert_eq!(classify("connections/followers_and_following/followers_1.json"), None);
        assert_eq!(classify_for("connections/friends/your_friends.json", Platform::Instagram), None);
    }

    #[test]
    fn unrelated_files_are_ignored() {
        assert_eq!(classify("connections/friends/your_friends.html"), None);
        assert_eq!(classify("connections/friends/people_you_may_know.json"), None);
    }
}
