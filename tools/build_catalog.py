#!/usr/bin/env python3
"""Build assets/partners.json, the partner catalogue datamap ships, from the research table.

Why a generator instead of a hand-edited JSON file: the research file (shared/research/partners.json) keeps
changing as facts are re-checked, and its shape suits researchers (free-text dates, prose data lists, one
category string). The app needs a strict shape (a closed data vocabulary, typed dates, slug ids). Keeping the
mapping here means a research update is one re-run, and every judgement call (an alias dropped, a date
qualifier, a category squeezed into the closed set) is written down next to its reason.

Usage (stdlib only, Python 3.11):
    python3 tools/build_catalog.py                 # write assets/partners.json
    python3 tools/build_catalog.py --check         # exit 1 if the committed file is out of date
    python3 tools/build_catalog.py --research PATH --out PATH

The script refuses to write anything if a research row, data string, category or date form is not covered by
the tables below: silently guessing is how a catalogue starts overstating what companies could see.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_RESEARCH = REPO.parent / "shared" / "research" / "partners.json"
DEFAULT_OUT = REPO / "assets" / "partners.json"
# Per-deal facts (dates, activation conditions, the sources relied on, companies' responses), checked against
# the sources in the review of 2026-12-01; edited by hand.
DEFAULT_RECORD = REPO / "tools" / "catalog_record.json"
GENERATED_FROM = "shared/research/partners.json + tools/catalog_record.json"

# ---------------------------------------------------------------------------------------------------------
# Closed vocabularies. The Rust side (src/catalog) checks every entry against these, so adding a kind here is
# the one place a new kind of data enters the app.
# ---------------------------------------------------------------------------------------------------------

DATA_KINDS: list[tuple[str, str]] = [
    # The person who switched the integration on.
    ("profile", "The person's basic profile: name, profile picture, gender and similar fields."),
    ("email", "The person's email address."),
    ("phone", "The person's phone number."),
    ("birthday", "The person's birthday."),
    ("location", "The person's current city."),
    ("likes", "Pages and interests the person liked."),
    ("posts", "The person's own posts, timeline or news feed."),
    ("public_posts", "Posts and other content the person had shared publicly."),
    ("photos", "The person's photos."),
    ("events", "Events the person was invited to or went to."),
    ("user_id", "The person's Facebook user ID."),
    ("contacts", "Address-book contacts synced between Facebook and a device, such as phone numbers."),
    ("calendar", "Calendar entries synced from Facebook, such as events and birthdays."),
    ("messages_read", "Reading the person's private Facebook messages."),
    ("messages_write", "Sending Facebook messages on the person's behalf."),
    ("messages_delete", "Deleting the person's Facebook messages."),
    ("thread_participants", "Who took part in the person's message threads."),
    ("account_unspecified", "Account data used to run Facebook features on a device; the sources do not itemize it."),
    # The friends of the person who switched it on.
    ("friend_names", "Names of the person's friends, i.e. their friend list."),
    ("friend_profile", "Friends' profile fields such as gender, picture, work, education or relationship status."),
    ("friend_birthday", "Friends' birthdays."),
    ("friend_location", "Friends' current cities or locations."),
    ("friend_photos", "Friends' photos."),
    ("friend_likes", "Pages and interests the person's friends liked."),
    ("friend_posts", "Friends' posts as they appear in a stream or news feed."),
    ("friend_events", "Events the person's friends were invited to or went to."),
    ("friend_contact_info", "Friends' contact details, such as phone numbers, synced through the person."),
    ("friend_email", "Friends' email addresses, obtained through the person."),
    ("friend_activity", "What friends read, shared or recommended inside the partner's own feature."),
    ("friends_of_friends", "Names and IDs of the friends of the person's friends."),
    ("friend_data_despite_opt_out", "Data about friends who had turned off sharing with apps."),
    ("friend_data_unspecified", "Friends' data of kinds the sources do not itemize."),
]

UNITEMIZED = {"account_unspecified", "friend_data_unspecified"}

CATEGORIES = {
    "device_integration",
    "messaging",
    "instant_personalization",
    "whitelisted_api",
    "search_integration",
    "app_platform",
    "extended_api",
    # Access that fits none of the programmes: Yandex's user IDs, the Times's TimesPeople friend lists that
    # outlived the feature, Activision's beta access.
    "special_access",
}

# How a deal could be switched on for a person, and which fields each way takes. The Rust rules decide from
# these what an export can show; see src/exposure/conditions.rs.
#   app        the company's own app (by its catalogue names, or `names`) connected with Facebook Login
#   any_app    any connected app, while the platform allowed it (`created_before`: the app had to exist then)
#   device     a login from a device matching one of `devices` (uap-core brand, family, OS and version range,
#              browser and version)
#   site_visit a visit to the company's site while logged in to Facebook
#   friend     a friend doing one of the above; an export never shows this
#   none       nothing: the record says it covered users generally
ROUTES = {
    "app": {"via", "names"},
    "any_app": {"via", "created_before"},
    "device": {"via", "devices"},
    "site_visit": {"via"},
    "friend": {"via"},
    "none": {"via"},
}
DEVICE_KEYS = {"brand", "family", "os", "os_min", "os_below", "browser", "browser_min"}

# Research data string -> data kinds. Every string in the research must be listed; an unlisted one stops the
# build. Items that describe a flow *into* Facebook were already removed by the research review.
DATA_MAP: dict[str, list[str]] = {
    "Facebook account data needed to rebuild Facebook features (not itemized per partner)": ["account_unspecified"],
    # The example (messages shown in Huawei's app) is not evidence that Huawei itself read messages.
    "Facebook features on device (e.g., messages shown in Huawei app)": ["account_unspecified"],
    "birthday": ["birthday"],
    "calendar entries (events/birthdays)": ["calendar"],
    "connections/friend list": ["friend_names"],
    "contacts (phone numbers)": ["contacts"],
    "contacts sync": ["contacts"],
    "content shared with 'Everyone'": ["public_posts"],
    "current city": ["location"],
    "data of friends who had disabled all sharing": ["friend_data_despite_opt_out"],
    "email address": ["email"],
    "friend contact info": ["friend_contact_info"],
    "friend email addresses (via friends)": ["friend_email"],
    "friend list": ["friend_names"],
    "friend list (Facebook: list of the user's friends)": ["friend_names"],
    "friend list (including friends not using the app)": ["friend_names"],
    "friend names": ["friend_names"],
    "friend names (virtually all users' friends)": ["friend_names"],
    "friends' birthdays": ["friend_birthday"],
    "friends' contact info (contact sync)": ["friend_contact_info"],
    "friends' contact info (sync)": ["friend_contact_info"],
    "friends' data ('full access to friends data' per DCMS chair)": ["friend_data_unspecified"],
    "friends' data (NYT: device partners could reach friends' data)": ["friend_data_unspecified"],
    "friends' data (device partners generally)": ["friend_data_unspecified"],
    "friends' data via friends_* permissions (e.g., likes, birthdays, locations, photos) "
    "where friends' settings allowed": [
        "friend_likes",
        "friend_birthday",
        "friend_location",
        "friend_photos",
    ],
    "friends' gender": ["friend_profile"],
    # Bing used public likes and the shares made with the Like button; both are "likes" here.
    "friends' likes and shares (public)": ["friend_likes"],
    "friends' likes/interests set to public": ["friend_likes"],
    "friends' locations": ["friend_location"],
    "friends' movie likes and reviews": ["friend_likes"],
    "friends' music likes": ["friend_likes"],
    "friends' names and pictures": ["friend_names", "friend_profile"],
    "friends' names, birthdays, work and education": ["friend_names", "friend_birthday", "friend_profile"],
    "friends' page likes": ["friend_likes"],
    "friends' photos": ["friend_photos"],
    "friends' posts (stream)": ["friend_posts"],
    "friends' profile data and likes": ["friend_profile", "friend_likes"],
    "friends' public profile info": ["friend_profile"],
    "friends' public profile, likes, birthday, city": [
        "friend_profile",
        "friend_likes",
        "friend_birthday",
        "friend_location",
    ],
    "friends' recommendations/activity": ["friend_activity"],
    "friends' religion/political leaning/relationship status/events": ["friend_profile", "friend_events"],
    "friends-of-friends names and IDs": ["friends_of_friends"],
    "gender": ["profile"],
    "likes/interests set to public": ["likes"],
    "limited friends' data (theoretical, via beta API)": ["friend_data_unspecified"],
    "messages (delete)": ["messages_delete"],
    "messages (write)": ["messages_write"],
    # A news feed on the device is made of friends' posts.
    "news feed on device": ["friend_posts"],
    # Only for a small number of users; the confidence note says so.
    "news feed, timeline, posts and messages (small number of users)": ["friend_posts", "posts", "messages_read"],
    "page likes": ["likes"],
    "phone number": ["phone"],
    "private messages (both sides)": ["messages_read"],
    "private messages (read)": ["messages_read"],
    "profile info granted by the user": ["profile"],
    "profile picture": ["profile"],
    "public posts (indexing)": ["public_posts"],
    "public profile": ["profile"],
    "thread participants": ["thread_participants"],
    "unique Facebook user IDs": ["user_id"],
    "user name": ["profile"],
}

# ---------------------------------------------------------------------------------------------------------
# Dates. Each deal's start and end come from tools/catalog_record.json, already split into a date, a
# qualifier saying how far the date can be trusted, who says so, and why. The research table's one start and
# end per company mixed several deals (Netflix's 2014 message feature and its later friend-list access), so
# they are not used for dates any more.
# ---------------------------------------------------------------------------------------------------------

PLAIN_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# What each qualifier means for a start or an end; the Rust side reads windows from exactly these.
START_QUALIFIERS = {"exact", "approximate", "by", "not_before", "unknown"}
END_QUALIFIERS = {"exact", "approximate", "by", "planned", "at_least_until", "still_active_as_of", "unknown"}


def precision_of(date: str | None) -> str:
    if date is None:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def finish_date(point: dict, which: str, deal: str) -> dict:
    qualifier = point["qualifier"]
    allowed = START_QUALIFIERS if which == "start" else END_QUALIFIERS
    if qualifier not in allowed:
        raise SystemExit(f"{deal}: {which} qualifier {qualifier!r} is not one of {sorted(allowed)}")
    date = point["date"]
    if date is not None and not PLAIN_DATE.match(date):
        raise SystemExit(f"{deal}: {which} date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if (date is None) != (qualifier in {"unknown", "still_active_as_of"}):
        raise SystemExit(f"{deal}: {which} qualifier {qualifier!r} does not fit date {date!r}")
    as_of = point.get("as_of")
    if (qualifier == "still_active_as_of") != (as_of is not None):
        raise SystemExit(f"{deal}: {which} as_of {as_of!r} does not fit qualifier {qualifier!r}")
    if qualifier in {"still_active_as_of", "at_least_until"} and not point.get("per"):
        raise SystemExit(f"{deal}: an open {which} must say who reported it ('per')")
    return {
        "date": date,
        "precision": precision_of(date),
        "qualifier": qualifier,
        "as_of": as_of,
        "per": point.get("per"),
        "note": point.get("note"),
    }


# ---------------------------------------------------------------------------------------------------------
# Confidence notes for the large groups whose research rows share the same facts. Written fresh; {name} is the
# display name.
# ---------------------------------------------------------------------------------------------------------

DEVICE_NOTE = (
    "{name} is on the list of 52 device-integration partners Facebook gave the US House Energy and Commerce "
    "Committee in June 2018. Facebook said 38 of those deals had ended, 8 more would end by October 2018 and 6 "
    "would continue, but no source says which ended when, and the data each partner reached was never itemized."
)

EXT_NOTE = (
    "{name} is among the 61 developers that Facebook told the US House Energy and Commerce Committee (June "
    "2018) it let keep reading friend data for a while, usually six months, after the May 2015 cut-off. The "
    "data listed is what Facebook said such apps could get, not a per-company record, and the end date is "
    "worked out from the extension rather than reported."
)
EXT_SINGLE = "Only one retrieved copy of the list names {name}."
EXT_SEVERAL = "More than one outlet that reproduced the list names {name}."

WL_NOTE = (
    "Emails released by the UK House of Commons culture committee in December 2018 (taken from the Six4Three "
    "lawsuit) show {name} among the apps that went on reading friend data once the 2014-15 changes had shut "
    "other apps out. Facebook's reply was that the special access was limited to friend lists and did not "
    "include friends' private details; what users agreed to is unclear. The start is the year of the "
    "cut-over, not when the app first used Facebook, and no end date has been reported."
)

IP_NOTE = (
    "Facebook dates the instant personalization program to 2010-2014 and says only public information was "
    "passed; 2014 is Facebook's date for the whole program, and Facebook admitted leaving some partner "
    "interfaces running after features closed."
)

# ---------------------------------------------------------------------------------------------------------
# One row per research entry, keyed by the research `company` string. Fields:
#   id, name            stable slug and display name
#   group               device | ext | wl | ip | None (bespoke prose)
#   add / drop          aliases to add (store-style names) and to drop, with the reason
#   activation, note    bespoke prose (note = confidence_note); `extra` is appended to a group note
#   categories          override of the mapped research categories (rarely needed)
#   start / end         overrides merged into the converted date (qualifier, note)
#   confidence          override of the level read from the research note
# ---------------------------------------------------------------------------------------------------------

ROWS: dict[str, dict] = {
    "Microsoft - Bing": {
        "id": "microsoft-bing",
        "name": "Microsoft Bing",
        "note": "Facebook and Microsoft both describe the 2010 Bing integration, and Facebook dates the end of "
        "instant personalization to 2014. The NYT's finding that Bing could see the names of nearly every "
        "user's friends is weaker: it rests on 2017 records and Facebook disputes how it was framed. Facebook "
        "admitted leaving the interfaces open after 2014, and Microsoft's last friend-data access was cut on "
        "24 July 2019. Microsoft says the data Bing built profiles from has been deleted.",
    },
    "Microsoft - Windows / Windows Phone / Windows Live integrations": {
        "id": "microsoft-windows",
        "name": "Microsoft (Windows, Windows Phone, Windows Live)",
        "add": ["Windows Live", "Microsoft Outlook"],
        "note": "According to Microsoft, its work with Facebook began in 2008 and synced data never left the "
        "phones; in 2008 its Messenger invite tool passed friends' names and email addresses to Microsoft. "
        "Coverage of the "
        "NYT's December 2018 report says Microsoft could get people's email and contact details through their "
        "friends. Facebook cut the remaining friend-data access on 24 July 2019 and called the long-running "
        "access its own mistake.",
    },
    "Amazon": {
        "id": "amazon",
        "name": "Amazon",
        "add": ["Amazon Shopping", "Amazon Kindle"],
        "note": "Several outlets carry the NYT's finding, and Facebook itself said in June and December 2018 that "
        "the Amazon partnership was continuing. No source dates its start, and its fate after December 2018 is "
        "unknown; one summary of the NYT report says it was being wound down. Separately, Amazon's contact lists "
        "were fed into Facebook's 'People You May Know'; that runs the other way and is not counted here.",
    },
    "Apple": {
        "id": "apple",
        "name": "Apple",
        "note": "The NYT report, Apple and Facebook all agree the access existed. They disagree on the end: "
        "Apple says it stopped in September 2017, while Facebook listed Apple as active in "
        "June and December 2018. Apple says the data stayed on the device and that it did not know about the "
        "hidden request indicators.",
    },
    "Yahoo": {
        "id": "yahoo",
        "name": "Yahoo",
        "drop": {
            "Yahoo Mail": "a product: the stream deal served people who opted in to Yahoo's 2011 social features, "
            "which a Yahoo Mail login does not show",
        },
        "note": "NYT records show Yahoo could still read streams of friends' posts in mid-2018, after Facebook had "
        "said such sharing was over. Facebook planned to end the integration by October 2018 and says the "
        "friend access ended late in 2018. It only covers accounts that opted in, so it should not be "
        "read as applying to every Yahoo user.",
    },
    "Sony": {
        "id": "sony",
        "name": "Sony",
        "add": ["Sony Xperia"],
        "note": "Coverage of the NYT report says Sony, like Amazon and Microsoft, could get people's email or "
        "contact details through their friends. Sony is on Facebook's 52-partner list, and Facebook cut its "
        "friend-data access on 24 July 2019 after finding old code had kept it alive. When the access began is "
        "not reported: the PS3 could post to Facebook from late 2009, but that says nothing about friend data.",
    },
    "Netflix": {
        "id": "netflix",
        "name": "Netflix",
        "note": "The NYT found Netflix had the ability to read, send and delete private messages and to see "
        "everyone in a thread, and Facebook named it as one of four messaging partners. Netflix says it never "
        "looked at private "
        "messages and ran the feature only from 2014 to 2015. UK parliamentary documents also list Netflix "
        "among apps that kept friend data after 2015, and 2024 court filings claim a message deal from 2013, "
        "which Meta denies.",
    },
    "Spotify": {
        "id": "spotify",
        "name": "Spotify",
        "add": ["Spotify: Music and Podcasts", "Spotify Music"],
        "note": "NYT records show the message grant, which reached over 70 million users a month, and Facebook "
        "confirmed Spotify as a messaging partner; Spotify says it found no sign of reading private messages. "
        "The dates are less certain than the grant. Spotify is also on the list of 61 apps given extra "
        "friend-data time after May 2015, and among the partners whose broad access was not cut back until late "
        "2018.",
    },
    "Royal Bank of Canada": {
        "id": "royal-bank-of-canada",
        "name": "Royal Bank of Canada",
        "note": "Facebook told The Tyee that RBC could read, write and delete messages from 2013 to 2015, which "
        "matches the NYT finding; RBC denies seeing any messages, and Canada's privacy commissioner looked into "
        "it. RBC says it closed the service, and its Facebook access, in 2015. The WSJ also reports an RBC "
        "whitelist deal that ran six extra months past May 2015.",
    },
    "Dropbox": {
        "id": "dropbox",
        "name": "Dropbox",
        "note": "Only Facebook's own December 2018 post names Dropbox as a messaging partner; the NYT report does "
        "not. The end date is worked out from Facebook saying the features had been off for nearly three "
        "years, and when the access began is not reported.",
    },
    "Yandex": {
        "id": "yandex",
        "name": "Yandex",
        "note": "Per the NYT, Yandex could still get Facebook user IDs in 2017, although Facebook no longer gave "
        "them to other apps; Yandex could not explain why. Facebook gave mixed answers on whether Yandex was "
        "one of its integration partners. The 2014 deal covered public posts from Russia and nearby "
        "countries. No end date is known.",
    },
    "Huawei": {
        "id": "huawei",
        "name": "Huawei",
        "add": ["Huawei Technologies"],
        "drop": {
            "Honor": "a common word, and Honor has been a separate company since 2020, so newer Honor devices "
            "would be tied to Huawei wrongly",
        },
        "group": "device",
        "note": "Facebook confirmed the Huawei agreement, which goes back to at least 2010, and said the data "
        "stayed on devices rather than Huawei's servers. It said the deal would end in the week of 5 June 2018; "
        "that is a stated plan, not a confirmed date. Separately, Huawei's contact lists were fed into "
        "Facebook's 'People You May Know'; that runs the other way and is not counted here.",
    },
    "BlackBerry": {
        "id": "blackberry",
        "name": "BlackBerry",
        "drop": {"RIM": "a common word; 'Research In Motion' is kept"},
        "note": "In the NYT's own test a BlackBerry Hub pulled in detailed information about some 550 friends "
        "and identifiers for roughly 295,000 people, and Facebook let BlackBerry devices reach more than 50 "
        "kinds of information. BlackBerry denies collecting or mining that data. The data listed comes from the "
        "2018 BlackBerry 10 test; what earlier versions reached is not itemized.",
    },
    "The New York Times": {
        "id": "new-york-times",
        "name": "The New York Times",
        "add": ["New York Times", "NYT"],
        "note": "Coverage of the NYT report says the Times still had friend-list access in Facebook's 2017 "
        "records, years after TimesPeople closed; the Times says it neither used nor knew of it. Facebook grouped "
        "the Times with its 'social experience' partners.",
    },
    "Microsoft - Docs.com": {
        "id": "microsoft-docs-com",
        "name": "Docs.com (Microsoft)",
        "group": "ip",
        "launch": "Docs.com was one of three launch partners announced at Facebook's f8 conference on 21 April "
        "2010.",
    },
    "Pandora": {
        "id": "pandora",
        "name": "Pandora",
        "group": "ip",
        "launch": "Pandora was one of three launch partners announced at Facebook's f8 conference on 21 April "
        "2010, and Facebook's December 2018 post also lists it as a 'social experience' partner.",
    },
    "Yelp": {
        "id": "yelp",
        "name": "Yelp",
        "group": "ip",
        "launch": "Yelp was one of three launch partners announced at Facebook's f8 conference on 21 April 2010; "
        "a security hole in Yelp's version that year held up the program's growth for months.",
    },
    "Rotten Tomatoes (Flixster)": {
        "id": "rotten-tomatoes",
        "name": "Rotten Tomatoes (Flixster)",
        "group": "ip",
        "launch": "Rotten Tomatoes joined in September 2010 as the fourth partner. A match on the Flixster name "
        "alone is weak evidence, because Flixster also ran an ordinary Facebook app.",
    },
    "Scribd": {
        "id": "scribd",
        "name": "Scribd",
        "group": "ip",
        "note": "Scribd joined at the end of September 2010 and drew criticism for creating accounts and emailing "
        "friends automatically. Scribd says it stopped using instant personalization in August 2013, before "
        "Facebook closed the program.",
    },
    "Clicker": {
        "id": "clicker",
        "name": "Clicker",
        "group": "ip",
        "add": ["Clicker.com"],
        "drop": {"Clicker": "an ordinary word (the research flags it); matching uses clicker.com instead"},
        "launch": "Clicker joined in mid-December 2010; the exact go-live day is not confirmed.",
    },
    "TripAdvisor": {
        "id": "tripadvisor",
        "name": "TripAdvisor",
        "group": "ip",
        "launch": "TripAdvisor says it launched instant personalization in December 2010, and it was still "
        "counted as a partner in April 2012.",
    },
    "Accedo": {"id": "accedo", "name": "Accedo", "group": "device"},
    "Acer": {"id": "acer", "name": "Acer", "group": "device"},
    "Airtel": {
        "id": "airtel",
        "name": "Airtel",
        "group": "device",
        "extra": "Airtel said its Facebook developer access ran from 2010 to 2013 and the data was used "
        "internally; TrueColumn also lists Airtel among companies given extended access. The device deal's own "
        "end is not reported.",
    },
    "Alcatel / TCL": {
        "id": "tcl-alcatel",
        "name": "TCL (Alcatel)",
        "group": "device",
        "extra": "The NYT counts TCL among four Chinese partners whose deals go back to at least 2010.",
    },
    "Alibaba": {
        "id": "alibaba",
        "name": "Alibaba",
        "group": "device",
        "extra": "Alibaba is one of six partnerships Facebook said would carry on past October 2018; some "
        "outlets reported only three carrying on, without Alibaba.",
    },
    "AT&T": {"id": "att", "name": "AT&T", "group": "device"},
    "Dell": {"id": "dell", "name": "Dell", "group": "device"},
    "DNP": {"id": "dnp", "name": "DNP", "group": "device"},
    "NTT Docomo": {"id": "ntt-docomo", "name": "NTT Docomo", "group": "device"},
    "Garmin": {"id": "garmin", "name": "Garmin", "group": "device"},
    "Gemalto": {"id": "gemalto", "name": "Gemalto", "group": "device"},
    "HP / Palm": {
        "id": "hp-palm",
        "name": "HP (Palm)",
        "group": "device",
        "extra": "Palm's webOS phones had one of the early deep Facebook contact integrations.",
    },
    "HTC": {"id": "htc", "name": "HTC", "group": "device"},
    "INQ": {"id": "inq", "name": "INQ", "group": "device"},
    "Kodak": {"id": "kodak", "name": "Kodak", "group": "device"},
    "LG": {"id": "lg", "name": "LG", "group": "device"},
    "MediaTek / MStar": {"id": "mediatek-mstar", "name": "MediaTek / MStar", "group": "device"},
    "Miyowa / Hape Esia": {"id": "miyowa-hape-esia", "name": "Miyowa / Hape Esia", "group": "device"},
    "Motorola / Lenovo": {
        "id": "motorola-lenovo",
        "name": "Motorola / Lenovo",
        "group": "device",
        "extra": "The NYT counts Lenovo among four Chinese partners whose deals go back to at least 2010.",
    },
    "Mozilla": {
        "id": "mozilla",
        "name": "Mozilla",
        "group": "device",
        "add": ["Mozilla Firefox"],
        "extra": "Firefox's Social API launched with Facebook Messenger as a beta in October 2012. Mozilla "
        "is one of six partnerships Facebook said would carry on past October 2018.",
    },
    "Myriad": {
        "id": "myriad",
        "name": "Myriad Group",
        "group": "device",
        "drop": {"Myriad": "a common word also used by unrelated companies; 'Myriad Group' is kept"},
    },
    "Nexian": {"id": "nexian", "name": "Nexian", "group": "device"},
    "Nokia": {
        "id": "nokia",
        "name": "Nokia",
        "group": "device",
        "extra": "Facebook meant to close the Nokia integration by the end of October 2018.",
    },
    "Nuance": {
        "id": "nuance",
        "name": "Nuance",
        "group": "device",
        "extra": "The WSJ reports Nuance was given six more months past May 2015 for a news feed it had made "
        "for Fiat Chrysler.",
    },
    "O2": {"id": "o2", "name": "O2", "group": "device"},
    "Opentech ENG": {"id": "opentech-eng", "name": "Opentech ENG", "group": "device"},
    "Opera Software": {
        "id": "opera",
        "name": "Opera",
        "group": "device",
        "add": ["Opera Browser"],
        "extra": "Opera is one of six partnerships Facebook said would carry on past October 2018.",
    },
    "OPPO": {
        "id": "oppo",
        "name": "OPPO",
        "group": "device",
        "extra": "The NYT counts OPPO among four Chinese partners whose deals go back to at least 2010.",
    },
    "Orange": {"id": "orange", "name": "Orange", "group": "device"},
    "Pantech": {"id": "pantech", "name": "Pantech", "group": "device"},
    "PocketNet": {"id": "pocketnet", "name": "PocketNet", "group": "device"},
    "Qualcomm": {"id": "qualcomm", "name": "Qualcomm", "group": "device"},
    "Samsung": {
        "id": "samsung",
        "name": "Samsung",
        "group": "device",
        "add": ["Samsung Galaxy"],
        "drop": {"Galaxy": "a product line whose name is shared with unrelated brands; 'Samsung Galaxy' is kept"},
        "extra": "Facebook meant to close the Samsung integration by the end of October 2018, and the NYT's June "
        "2018 report also names Samsung.",
    },
    "Sprint": {"id": "sprint", "name": "Sprint", "group": "device"},
    "T-Mobile": {"id": "t-mobile", "name": "T-Mobile", "group": "device", "add": ["T-Mobile US"]},
    "TIM": {
        "id": "tim-telecom-italia",
        "name": "TIM (Telecom Italia)",
        "group": "device",
        "add": ["Telecom Italia Mobile"],
        "drop": {"TIM": "a common first name, so advertiser or app names like 'Tim' would match"},
    },
    "Tobii": {
        "id": "tobii",
        "name": "Tobii",
        "group": "device",
        "extra": "Tobii's eye-tracking Communicator app, used by people with disabilities, relied on reading the "
        "news feed, which would have broken when Graph API v1.0 closed in April 2015; Facebook said in June "
        "2018 the partnership would continue.",
    },
    "U2topia": {"id": "u2topia", "name": "U2topia", "group": "device"},
    "Verisign": {"id": "verisign", "name": "Verisign", "group": "device"},
    "Verizon": {"id": "verizon", "name": "Verizon", "group": "device"},
    "Virgin Mobile": {"id": "virgin-mobile", "name": "Virgin Mobile", "group": "device"},
    "Vodafone": {"id": "vodafone", "name": "Vodafone", "group": "device"},
    "Warner Bros": {"id": "warner-bros", "name": "Warner Bros.", "group": "device", "add": ["Warner Brothers"]},
    "Western Digital": {
        "id": "western-digital",
        "name": "Western Digital",
        "group": "device",
        "drop": {"WD": "a bare two-letter initialism shared with unrelated names"},
    },
    "Zing Mobile": {"id": "zing-mobile", "name": "Zing Mobile", "group": "device"},
    "Airbnb": {"id": "airbnb", "name": "Airbnb", "group": "wl"},
    "Lyft": {"id": "lyft", "name": "Lyft", "group": "wl", "add": ["Lyft Driver"]},
    "Badoo": {
        "id": "badoo",
        "name": "Badoo",
        "group": "wl",
        "add": ["Badoo Dating"],
        "extra": "Badoo told Facebook in September 2014 that removing friend permissions would damage its apps, "
        "Badoo and Hot or Not; Facebook's answer in January 2015 described a new interface for selected apps.",
    },
    "Hot or Not": {
        "id": "hot-or-not",
        "name": "Hot or Not",
        "group": "wl",
        "extra": "Hot or Not belongs to Badoo and came up in the same 2014-15 exchange with Facebook.",
    },
    "Bumble": {
        "id": "bumble",
        "name": "Bumble",
        "group": "wl",
        "add": ["Bumble Dating"],
        "extra": "Bumble is also named in documents leaked in 2019.",
    },
    "Tinder": {
        "id": "tinder",
        "name": "Tinder",
        "group": "wl",
        "add": ["Tinder Dating"],
        "extra": "Emails from March 2015, reported by the WSJ and in the 2019 leak, link Tinder's access to "
        "Facebook's wish to use the name 'Moments', which Tinder had trademarked; Tinder says it got no special "
        "treatment out of that dispute.",
    },
    "Hinge": {
        "id": "hinge",
        "name": "Hinge",
        "group": "ext",
        "add": ["Hinge Dating"],
        "extra": "Documents leaked in 2019 also describe Hinge as whitelisted.",
    },
    "Coffee Meets Bagel": {
        "id": "coffee-meets-bagel",
        "name": "Coffee Meets Bagel",
        "group": "ext",
        "drop": {"CMB": "a bare three-letter initialism shared with unrelated companies"},
        "extra": "Documents leaked in 2019 also describe Coffee Meets Bagel as whitelisted.",
    },
    "Nissan": {
        "id": "nissan",
        "name": "Nissan",
        "group": "ext",
        "note": "The WSJ reported a custom whitelist deal for Nissan, and Nissan is also on the list of 61 "
        "companies given extra friend-data time after May 2015. According to the WSJ, deals of this kind "
        "sometimes added friends' phone numbers and a closeness score called 'friend link', but it did not tie "
        "these to Nissan, so they are not listed. The end date comes from the extension; the WSJ said some "
        "whitelist deals lasted into 2018, so the "
        "real end is not confirmed.",
    },
    "ABC (ABCSocial, ABC Television Network)": {
        "id": "abc",
        "name": "ABC (ABCSocial)",
        "group": "ext",
        "drop": {"ABC": "several unrelated broadcasters (for example Australia's ABC) use the same name"},
    },
    "Actiance": {"id": "actiance", "name": "Actiance", "group": "ext"},
    "Adium": {"id": "adium", "name": "Adium", "group": "ext"},
    "Anschutz Entertainment Group": {
        "id": "anschutz-entertainment-group",
        "name": "Anschutz Entertainment Group",
        "group": "ext",
        "drop": {"AEG": "also the name of an unrelated appliance brand"},
    },
    "AOL": {
        "id": "aol",
        "name": "AOL",
        "group": "ext",
        "drop": {"AIM": "a common English word; 'AOL Instant Messenger' is kept"},
    },
    "Arktan / Janrain": {"id": "arktan-janrain", "name": "Arktan / Janrain", "group": "ext"},
    "Audi": {"id": "audi", "name": "Audi", "group": "ext"},
    "biNu": {"id": "binu", "name": "biNu", "group": "ext"},
    "Cerulean Studios": {"id": "cerulean-studios", "name": "Cerulean Studios (Trillian)", "group": "ext"},
    "DataSift": {"id": "datasift", "name": "DataSift", "group": "ext"},
    "Mail.ru Group": {"id": "mail-ru", "name": "Mail.ru Group", "group": "ext"},
    "Nike": {"id": "nike", "name": "Nike", "group": "ext"},
    "Oracle": {"id": "oracle", "name": "Oracle", "group": "ext"},
    "Panasonic": {"id": "panasonic", "name": "Panasonic", "group": "ext"},
    "Playtika": {"id": "playtika", "name": "Playtika", "group": "ext"},
    "Saavn": {"id": "saavn", "name": "Saavn", "group": "ext"},
    "Snap": {"id": "snap", "name": "Snap", "group": "ext"},
    "UPS": {"id": "ups", "name": "UPS", "group": "ext"},
    "Serotek": {
        "id": "serotek",
        "name": "Serotek",
        "group": "ext",
        "add": ["Serotek System Access"],
        "drop": {"System Access": "a generic phrase; 'Serotek System Access' is kept"},
        "extra": "Serotek makes accessibility software for blind users and, alone among the 61, got eight months "
        "rather than six.",
    },
    "Activision": {
        "id": "activision",
        "name": "Activision",
        "note": "Facebook told the US Congress in June 2018 that five companies might theoretically have got at "
        "limited friend data through beta-test access, which it had since withdrawn. Only one outlet names "
        "Activision, and the "
        "other four are not named in any source found.",
    },
    "thisisyourdigitallife (Global Science Research / Aleksandr Kogan)": {
        "id": "thisisyourdigitallife",
        "name": "thisisyourdigitallife (Global Science Research)",
        "drop": {"GSR": "a bare three-letter initialism shared with unrelated names"},
        "note": "Facebook's own timeline: Aleksandr Kogan's app was created in 2013 and installed by roughly "
        "270,000 to 300,000 people, most data was collected in 2014, and Facebook removed the app in 2015 after "
        "The Guardian told it the data had been passed to Cambridge Analytica. Facebook later put the number of people "
        "affected at up to 87 million. Posts, feed and messages were reached for only a small number of users.",
    },
    "Cambridge Analytica (SCL Group)": {
        "id": "cambridge-analytica",
        "name": "Cambridge Analytica (SCL Group)",
        "note": "Facebook's 2018 notices say the quiz app misused data by passing it to Cambridge Analytica, which "
        "received it in 2014. Facebook suspended Cambridge Analytica and its parent SCL in March 2018; the exact "
        "day is less certain.",
    },
    "Any third-party app using Facebook Graph API v1.0": {
        "id": "graph-api-v1",
        "name": "Any app using Facebook Graph API v1.0",
        "note": "Facebook's developer changelog dates the change: v2.0 (30 April 2014) dropped the friends_* "
        "permissions, and apps created before then kept v1.0 until 30 April 2015. This entry applies by rule to "
        "any app connected in that window, not by name, so it has no aliases; the device, whitelist and "
        "extension entries are the exceptions that kept access later.",
    },
}

# ---------------------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------------------

LEVELS = ("high", "medium", "low")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def research_confidence(notes: str, company: str) -> str:
    """The first level named after 'Confidence:' in the research note; 'low-medium' reads as low."""
    m = re.search(r"Confidence:\s*([a-z-]+)", notes)
    if not m:
        raise SystemExit(f"{company}: no 'Confidence:' in research notes")
    word = m.group(1)
    if word.startswith("low"):
        return "low"
    if word not in LEVELS:
        raise SystemExit(f"{company}: unreadable confidence {word!r}")
    return word


def rough_key(alias: str) -> str:
    """A close-enough copy of the Rust alias normalisation, used only to fail early on collisions here; the
    Rust `validate()` is the authority."""
    text = unicodedata.normalize("NFKD", alias.lower())
    text = "".join(c for c in text if not unicodedata.combining(c) and c not in "'\u2019")
    text = re.sub(r"[^0-9a-z]+", " ", text).split()
    while len(text) > 1 and text[-1] in {"inc", "ltd", "llc", "ab", "gmbh", "plc", "sa", "ag", "bv", "co", "corp"}:
        text.pop()
    return " ".join(text)


def dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def build_aliases(row: dict, spec: dict) -> list[str]:
    """Research aliases minus the dropped ones, plus store-style additions."""
    company = row["company"]
    drop = spec.get("drop", {})
    for alias in drop:
        if alias not in row["aliases"]:
            raise SystemExit(f"{company}: dropped alias {alias!r} is not in the research")
    aliases = dedupe([a for a in row["aliases"] if a not in drop] + spec.get("add", []))
    # Identical spellings up to case ("OPPO"/"Oppo") add nothing.
    by_lower: dict[str, str] = {}
    for alias in aliases:
        by_lower.setdefault(alias.lower(), alias)
    return list(by_lower.values())


def research_data(row: dict) -> list[str]:
    """The data kinds the research row lists, in vocabulary order so the file reads the same for every partner."""
    kinds: set[str] = set()
    for item in row["data"]:
        if item not in DATA_MAP:
            raise SystemExit(f"{row['company']}: unmapped data item {item!r}")
        kinds.update(DATA_MAP[item])
    order = [k for k, _ in DATA_KINDS]
    unknown = kinds - set(order)
    if unknown:
        raise SystemExit(f"{row['company']}: data kinds not in the vocabulary: {sorted(unknown)}")
    return [k for k in order if k in kinds]


def confidence_note(row: dict, spec: dict) -> str:
    name, group = spec["name"], spec.get("group")
    if group == "device":
        note = DEVICE_NOTE.format(name=name)
    elif group == "ext":
        several = sum(1 for s in row["sources"] if s["url"]) > 1
        note = EXT_NOTE.format(name=name) + " " + (EXT_SEVERAL if several else EXT_SINGLE).format(name=name)
    elif group == "wl":
        note = WL_NOTE.format(name=name)
    elif group == "ip":
        note = (spec["launch"] + " " + IP_NOTE) if "launch" in spec else ""
    elif group is None:
        note = ""
    else:
        raise SystemExit(f"{row['company']}: unknown group {group!r}")
    note = spec.get("note", note)
    if "extra" in spec:
        note = note + " " + spec["extra"]
    if not note:
        raise SystemExit(f"{row['company']}: missing confidence note")
    return note


def web_source(source: dict, where: str) -> dict:
    url = source.get("url")
    if url is not None and not re.match(r"^https?://[^\s]+\.[^\s]+$", url):
        raise SystemExit(f"{where}: source URL {url!r} is not http(s)")
    date = source.get("date")
    date = None if date in (None, "undated") else date
    if date is not None and not PLAIN_DATE.match(date):
        raise SystemExit(f"{where}: source date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return {"publication": source["publication"], "date": date, "url": url}


def build_routes(deal: dict) -> list[dict]:
    routes = []
    for route in deal["routes"]:
        via = route["via"]
        if via not in ROUTES:
            raise SystemExit(f"{deal['id']}: route {via!r} is not one of {sorted(ROUTES)}")
        extra = set(route) - ROUTES[via]
        if extra:
            raise SystemExit(f"{deal['id']}: route {via!r} does not take {sorted(extra)}")
        for spec in route.get("devices", []):
            if not spec or set(spec) - DEVICE_KEYS:
                raise SystemExit(f"{deal['id']}: device spec {spec} is empty or has keys outside {sorted(DEVICE_KEYS)}")
            for key in ("os_min", "os_below", "browser_min"):
                if key in spec and not re.match(r"^\d+(\.\d+)*$", spec[key]):
                    raise SystemExit(f"{deal['id']}: {key} {spec[key]!r} is not a dotted version")
        routes.append(route)
    return routes


def build_deal(deal: dict, allowed: list[str]) -> dict:
    did = deal["id"]
    if not ID_RE.match(did):
        raise SystemExit(f"bad deal id {did!r}")
    if deal["category"] not in CATEGORIES:
        raise SystemExit(f"{did}: category {deal['category']!r} is not in the closed set")
    # The two "not itemized" kinds claim less than any itemized kind, so a deal may use them to say that a
    # device line's reach is unknown (older BlackBerrys) even where the research row itemizes another line's.
    beyond = [k for k in deal["data"] if k not in allowed and k not in UNITEMIZED]
    if beyond:
        # A deal may only split the research's data list, never add to it.
        raise SystemExit(f"{did}: data {beyond} is not in the research row's data")
    if not deal["data"] or not deal["activation"].strip():
        raise SystemExit(f"{did}: no data or no activation text")
    record = []
    for source in deal["record"]:
        entry = web_source(source, did)
        entry["primary"] = bool(source["primary"])
        entry["supports"] = source["supports"]
        record.append(entry)
    if not any(s["url"] for s in record):
        raise SystemExit(f"{did}: no record source with a URL")
    return {
        "id": did,
        "category": deal["category"],
        "data": [k for k, _ in DATA_KINDS if k in deal["data"]],
        "activation": deal["activation"],
        "routes": build_routes(deal),
        "needs": deal["needs"],
        "start": finish_date(deal["start"], "start", did),
        "end": finish_date(deal["end"], "end", did),
        "record": record,
        # True when no source behind the deal is the company's or Facebook's own words or documents.
        "secondary_only": not any(s["primary"] for s in record),
    }


def build_entry(row: dict, spec: dict, deals: list[dict]) -> dict:
    company = row["company"]
    allowed = research_data(row)
    built = [build_deal(d, allowed) for d in deals]
    if not built:
        raise SystemExit(f"{company}: no deal in the record")
    sources = [{"publication": s["publication"], "date": s["date"], "url": s["url"]} for s in row["sources"]]
    if not any(s["url"] and s["date"] for s in sources):
        raise SystemExit(f"{company}: no source with both a URL and a date")
    return {
        "id": spec["id"],
        "name": spec["name"],
        "aliases": build_aliases(row, spec),
        "deals": built,
        "sources": sources,
        "confidence": spec.get("confidence", research_confidence(row["notes"], company)),
        "confidence_note": confidence_note(row, spec),
    }


def build(research: list[dict], record: dict) -> dict:
    companies = [row["company"] for row in research]
    missing = [c for c in companies if c not in ROWS]
    unused = [c for c in ROWS if c not in companies]
    if missing or unused:
        raise SystemExit(f"research rows without a mapping: {missing}; mappings without a research row: {unused}")
    if len(set(companies)) != len(companies):
        raise SystemExit("duplicate company names in the research")
    ids = [ROWS[c]["id"] for c in companies]
    strays = {d["partner"] for d in record["deals"]} - set(ids)
    if strays:
        raise SystemExit(f"record deals for unknown partners: {sorted(strays)}")

    partners = [
        build_entry(row, ROWS[row["company"]], [d for d in record["deals"] if d["partner"] == ROWS[row["company"]]["id"]])
        for row in research
    ]

    for pid in ids:
        if not ID_RE.match(pid):
            raise SystemExit(f"bad id {pid!r}")
    deal_ids = [d["id"] for p in partners for d in p["deals"]]
    if len(set(ids)) != len(ids) or len(set(deal_ids)) != len(deal_ids):
        raise SystemExit("duplicate partner or deal ids")
    owners: dict[str, str] = {}
    for p in partners:
        for alias in p["aliases"]:
            key = rough_key(alias)
            if owners.setdefault(key, p["id"]) != p["id"]:
                raise SystemExit(f"alias {alias!r} of {p['id']} collides with {owners[key]}")

    categories = {d["category"] for p in partners for d in p["deals"]}
    responses = []
    for r in record["responses"]:
        targets = dedupe(([r["partner_id"]] if r["partner_id"] != "facebook" else []) + r["applies_to"])
        unknown = [t for t in targets if t not in ids and t not in categories]
        if unknown or not targets:
            raise SystemExit(f"response by {r['speaker']!r} applies to unknown partners or categories {unknown}")
        if r["party"] not in ("company", "facebook") or not r["summary"].strip():
            raise SystemExit(f"response by {r['speaker']!r}: bad party or empty summary")
        responses.append(
            {
                "party": r["party"],
                "speaker": r["speaker"],
                "date": r["date"],
                "summary": r["summary"],
                "source": web_source(r["source"], f"response by {r['speaker']}"),
                "primary": bool(r["primary"]),
                # Partner ids, or categories for replies that cover a whole kind of deal.
                "applies_to": targets,
            }
        )

    return {
        "version": 2,
        "generated_from": GENERATED_FROM,
        "data_kinds": [{"id": k, "description": d} for k, d in DATA_KINDS],
        "partners": partners,
        "responses": responses,
    }


def render(catalogue: dict) -> str:
    return json.dumps(catalogue, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--research", type=Path, default=DEFAULT_RESEARCH)
    parser.add_argument("--record", type=Path, default=DEFAULT_RECORD)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args()

    research = json.loads(args.research.read_text(encoding="utf-8"))
    record = json.loads(args.record.read_text(encoding="utf-8"))
    text = render(build(research, record))
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run tools/build_catalog.py", file=sys.stderr)
            return 1
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(research)} partners)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
