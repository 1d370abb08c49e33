//! The closed vocabulary of what a company could reach: one enum for the catalogue's deals, the
//! statements, the table and the views. The catalogue file carries a sentence for each kind the public
//! record uses; [`super::Catalog::validate`] checks that its list is exactly these.

use serde::{Serialize, Serializer};

super::string_enum! {
    /// A kind of data about the person or their friends.
    DataKind {
        Profile = "profile",
        Email = "email",
        Phone = "phone",
        Birthday = "birthday",
        Location = "location",
        Likes = "likes",
        Posts = "posts",
        PublicPosts = "public_posts",
        Photos = "photos",
        Events = "events",
        UserId = "user_id",
        Contacts = "contacts",
        Calendar = "calendar",
        MessagesRead = "messages_read",
        MessagesWrite = "messages_write",
        MessagesDelete = "messages_delete",
        ThreadParticipants = "thread_participants",
        AccountUnspecified = "account_unspecified",
        FriendNames = "friend_names",
        FriendProfile = "friend_profile",
        FriendBirthday = "friend_birthday",
        FriendLocation = "friend_location",
        FriendPhotos = "friend_photos",
        FriendLikes = "friend_likes",
        FriendPosts = "friend_posts",
        FriendEvents = "friend_events",
        FriendContactInfo = "friend_contact_info",
        FriendEmail = "friend_email",
        FriendActivity = "friend_activity",
        FriendsOfFriends = "friends_of_friends",
        FriendDataDespiteOptOut = "friend_data_despite_opt_out",
        FriendDataUnspecified = "friend_data_unspecified",
        /// The export's own kinds, which no deal lists: a business's records of the person's activity,
        /// the person in an advertiser's audience, their clicks on its ads.
        OffMetaActivity = "off_meta_activity",
        AdAudience = "ad_audience",
        AdInteraction = "ad_interaction",
    }
}

impl Serialize for DataKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl DataKind {
    /// The kinds only the export gives; the catalogue's vocabulary is every other kind.
    pub const FROM_EXPORT: [DataKind; 3] = [DataKind::OffMetaActivity, DataKind::AdAudience, DataKind::AdInteraction];

    /// Data about the person's friends rather than the person.
    pub fn is_about_friends(&self) -> bool {
        self.as_str().starts_with("friend")
    }

    /// What can be done to the person's messages, as a verb ("read"), for the messaging kinds.
    pub fn message_verb(&self) -> Option<&'static str> {
        match self {
            DataKind::MessagesRead => Some("read"),
            DataKind::MessagesWrite => Some("send"),
            DataKind::MessagesDelete => Some("delete"),
            _ => None,
        }
    }

    /// A few words for table cells; the catalogue has the full sentence ([`super::Catalog::describe`]).
    pub fn label(&self) -> &str {
        match self {
            DataKind::Profile => "your profile",
            DataKind::Email => "your email",
            DataKind::Phone => "your phone number",
            DataKind::Birthday => "your birthday",
            DataKind::Location => "your location",
            DataKind::Likes => "your likes",
            DataKind::Posts => "your posts",
            DataKind::PublicPosts => "your public posts",
            DataKind::Photos => "your photos",
            DataKind::Events => "your events",
            DataKind::UserId => "your user ID",
            DataKind::Contacts => "your contacts",
            DataKind::Calendar => "your calendar",
            DataKind::MessagesRead => "reading your messages",
            DataKind::MessagesWrite => "sending messages as you",
            DataKind::MessagesDelete => "deleting your messages",
            DataKind::ThreadParticipants => "who you message",
            DataKind::AccountUnspecified => "your account data (not itemized)",
            DataKind::FriendNames => "friends' names",
            DataKind::FriendProfile => "friends' profiles",
            DataKind::FriendBirthday => "friends' birthdays",
            DataKind::FriendLocation => "friends' locations",
            DataKind::FriendPhotos => "friends' photos",
            DataKind::FriendLikes => "friends' likes",
            DataKind::FriendPosts => "friends' posts",
            DataKind::FriendEvents => "friends' events",
            DataKind::FriendContactInfo => "friends' contact details",
            DataKind::FriendEmail => "friends' emails",
            DataKind::FriendActivity => "friends' activity",
            DataKind::FriendsOfFriends => "friends of friends",
            DataKind::FriendDataDespiteOptOut => "friends' data despite opt-out",
            DataKind::FriendDataUnspecified => "friends' data (not itemized)",
            DataKind::OffMetaActivity => "your activity on its site or app",
            DataKind::AdAudience => "you, in its ad audience",
            DataKind::AdInteraction => "your clicks on its ads",
            DataKind::Other(text) => text,
        }
    }
}
