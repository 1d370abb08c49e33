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
GENERATED_FROM = "shared/research/partners.json"

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

CATEGORIES = {
    "device_integration",
    "messaging",
    "instant_personalization",
    "whitelisted_api",
    "search_integration",
    "app_platform",
    "extended_api",
}

# Research category -> catalogue category. The last four have no exact counterpart in the closed set; the
# comment says which neighbour was chosen and why.
CATEGORY_MAP = {
    "integration/device partner": "device_integration",
    "messaging partner": "messaging",
    "instant personalization": "instant_personalization",
    "whitelisted API": "whitelisted_api",
    "search integration": "search_integration",
    "app": "app_platform",
    "extended API access": "extended_api",
    # Yandex. Facebook itself called it an integration partner (inconsistently), which is its word for the
    # device/platform group.
    "integration partner": "device_integration",
    # The New York Times' TimesPeople: a Facebook Connect feature whose friend access outlived it.
    "social-experience partner": "app_platform",
    # Activision: special access ordinary apps did not get, after the 2015 cut-off. Closer to a whitelist
    # than to a timed extension.
    "beta-test API access": "whitelisted_api",
    # Cambridge Analytica: got its data from an app, so the app platform is the route.
    "app-data recipient": "app_platform",
}

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
# Dates. Research dates are free text with qualifiers; each form maps to (date, qualifier, note). Only the
# forms listed here are accepted.
# ---------------------------------------------------------------------------------------------------------

PLAIN_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

SPECIAL_DATES: dict[str, dict] = {
    "c. late 2015 (per Facebook)": {
        "date": "2015",
        "qualifier": "approximate",
        "note": "Worked out from Facebook saying in December 2018 that the messaging features had been off for "
        "nearly three years, which points to late 2015 or early 2016.",
    },
    "late 2015 (six-month extension from May 2015)": {
        "date": "2015",
        "qualifier": "approximate",
        "note": "Not reported directly: worked out as six months after friend data was cut off at the end of "
        "April 2015, so around the end of 2015.",
    },
    "early 2016 (eight-month extension from May 2015)": {
        "date": "2016",
        "qualifier": "approximate",
        "note": "Not reported directly: worked out as eight months after friend data was cut off at the end of "
        "April 2015, so around the start of 2016.",
    },
    "by 2018-06-29 (access removed)": {
        "date": "2018-06-29",
        "qualifier": "approximate",
        "note": "Facebook said on this date that the access had already been removed; the real end was earlier "
        "and is not known.",
    },
    "2018-03 (suspended from Facebook)": {
        "date": "2018-03",
        "qualifier": "exact",
        "note": "Month Facebook suspended the company from its platform. It marks the end of Facebook access, "
        "not proof the data was deleted.",
    },
    "2018-06 (planned)": {
        "date": "2018-06",
        "qualifier": "approximate",
        "note": "Facebook's announced plan; the sources do not confirm it ended on time.",
    },
    "2018-10 (planned)": {
        "date": "2018-10",
        "qualifier": "approximate",
        "note": "Facebook's announced plan to end it by the end of October 2018; the sources do not confirm "
        "it ended on time.",
    },
}

STILL_ACTIVE = re.compile(r"^still active as of (\d{4}-\d{2}-\d{2}) \(per Facebook\)$")
BY_DATE = re.compile(r"^by (\d{4}(?:-\d{2}(?:-\d{2})?)?)$")


def precision_of(date: str | None) -> str:
    if date is None:
        return "unknown"
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def convert_date(raw: str | None, which: str) -> dict:
    """Research date text -> catalogue date object (before per-row overrides)."""
    if raw is None:
        return {"date": None, "qualifier": "unknown", "as_of": None, "note": None}
    if PLAIN_DATE.match(raw):
        return {"date": raw, "qualifier": "exact", "as_of": None, "note": None}
    if raw in SPECIAL_DATES:
        spec = SPECIAL_DATES[raw]
        return {"date": spec["date"], "qualifier": spec["qualifier"], "as_of": None, "note": spec["note"]}
    m = STILL_ACTIVE.match(raw)
    if m and which == "end":
        return {
            "date": None,
            "qualifier": "still_active_as_of",
            "as_of": m.group(1),
            "note": "Facebook still described the access as running on this date; nothing later was found.",
        }
    m = BY_DATE.match(raw)
    if m and which == "start":
        return {
            "date": m.group(1),
            "qualifier": "approximate",
            "as_of": None,
            "note": "Latest possible start: the sources show the deal already in place by then; the real start "
            "may be earlier.",
        }
    raise SystemExit(f"unmapped {which} date form: {raw!r}")


def finish_date(point: dict) -> dict:
    return {
        "date": point["date"],
        "precision": precision_of(point["date"]),
        "qualifier": point["qualifier"],
        "as_of": point["as_of"],
        "note": point["note"],
    }


# ---------------------------------------------------------------------------------------------------------
# Prose templates for the large groups whose research rows share the same facts. Written fresh; {name} is the
# display name.
# ---------------------------------------------------------------------------------------------------------

DEVICE_ACTIVATION = (
    "You signed in to Facebook through a device, operating system, browser or built-in app from {name} that "
    "used Facebook's private device interfaces. A friend doing the same could also pass your data along."
)
DEVICE_NOTE = (
    "{name} is on the list of 52 device-integration partners Facebook gave the US House Energy and Commerce "
    "Committee in June 2018. Facebook said 38 of those deals had ended, 8 more would end by October 2018 and 6 "
    "would continue, but no source says which ended when, and the data each partner reached was never itemized."
)

EXT_ACTIVATION = (
    "You logged in to an app or website from {name} with your Facebook account, or a friend of yours did. "
    "Under the old friend permissions, one friend's login was enough for the app to read parts of your profile."
)
EXT_NOTE = (
    "{name} is among the 61 developers that Facebook told the US House Energy and Commerce Committee (June "
    "2018) it let keep reading friend data for a while, usually six months, after the May 2015 cut-off. The "
    "data listed is what Facebook said such apps could get, not a per-company record, and the end date is "
    "worked out from the extension rather than reported."
)
EXT_SINGLE = "Only one retrieved copy of the list names {name}."
EXT_SEVERAL = "More than one outlet that reproduced the list names {name}."

WL_ACTIVATION = (
    "You logged in to {name} with your Facebook account, or a friend of yours did. Facebook kept friend access "
    "open for a few chosen apps like this one after closing it for everyone else in 2014-15."
)
WL_NOTE = (
    "Emails released by the UK House of Commons culture committee in December 2018 (taken from the Six4Three "
    "lawsuit) show {name} among the apps that went on reading friend data once the 2014-15 changes had shut "
    "other apps out. Facebook's reply was that the special access was limited to friend lists and did not "
    "include friends' private details; what users agreed to is unclear. The start is the year of the "
    "cut-over, not when the app first used Facebook, and no end date has been reported."
)

IP_ACTIVATION = (
    "Nothing on purpose: visiting {name} while logged in to Facebook was enough, because instant "
    "personalization was on by default (it could be switched off in Facebook's privacy settings). Friends "
    "visiting the site could also hand over your public information unless you had limited it."
)
IP_NOTE = (
    "Facebook dates the instant personalization program to 2010-2014 and says only public information was "
    "passed; 2014 is Facebook's date for the whole program, and Facebook admitted leaving some partner "
    "interfaces running after features closed."
)
IP_END_NOTE = "Facebook's year for closing the whole program, not a date confirmed for this site."

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
        "activation": "Going to Bing while signed in to Facebook was enough, through instant personalization. "
        "Bing showed a notice on the first few visits, and the feature could be turned off on Bing or in "
        "Facebook's settings. The NYT reported that Bing could see friends' names without the person agreeing.",
        "note": "Facebook and Microsoft both describe the 2010 Bing integration, and Facebook dates the end of "
        "instant personalization to 2014. The NYT's finding that Bing could see the names of nearly every "
        "user's friends is weaker: it rests on 2017 records and Facebook disputes how it was framed. Facebook "
        "admitted leaving the interfaces open after 2014, and Microsoft's last friend-data access was cut on "
        "24 July 2019. Microsoft says the data Bing built profiles from has been deleted.",
        "start": {
            "qualifier": "approximate",
            "note": "Day the Bing integration was announced; the features reached users over the following days.",
        },
        "end": {
            "qualifier": "approximate",
            "note": "Facebook's year for ending instant personalization. The NYT still saw Bing's friend-name "
            "access in 2017 records, so access may have lasted longer.",
        },
    },
    "Microsoft - Windows / Windows Phone / Windows Live integrations": {
        "id": "microsoft-windows",
        "name": "Microsoft (Windows, Windows Phone, Windows Live)",
        "add": ["Windows Live", "Microsoft Outlook"],
        "activation": "Connecting a Facebook account in Windows Phone, Windows or Windows Live Messenger, for example "
        "through the People hub, contact syncing or Messenger's friend-invite tool. A friend doing this could "
        "pass your details to Microsoft.",
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
        "activation": "Linking a Facebook account on an Amazon device or service; Amazon mentioned syncing "
        "Facebook contacts on its tablets. According to the NYT, names and contact details could also arrive "
        "through friends who had linked their accounts.",
        "note": "Several outlets carry the NYT's finding, and Facebook itself said in June and December 2018 that "
        "the Amazon partnership was continuing. No source dates its start, and its fate after December 2018 is "
        "unknown; one summary of the NYT report says it was being wound down. Separately, Amazon's contact lists "
        "were fed into Facebook's 'People You May Know'; that runs the other way and is not counted here.",
        "end": {
            "note": "Facebook said on this date that the Amazon partnership was continuing; nothing later was "
            "found.",
        },
    },
    "Apple": {
        "id": "apple",
        "name": "Apple",
        "activation": "Signing in to Facebook in the system settings of an iPhone, iPad or Mac, which synced "
        "Facebook contacts and calendar entries into the device. The NYT says Facebook also let Apple devices "
        "hide the signs that data was being requested.",
        "note": "The NYT report, Apple and Facebook all agree the access existed. They disagree on the end: "
        "Apple says it stopped in September 2017, while Facebook listed Apple as active in "
        "June and December 2018. Apple says the data stayed on the device and that it did not know about the "
        "hidden request indicators.",
        "start": {
            "note": "The system-wide Facebook account shipped with iOS 6 and OS X 10.8.2 in September 2012.",
        },
        "end": {
            "note": "Facebook's statement. Apple says it stopped in September 2017; iOS 11 (September 2017) and "
            "macOS 10.14 (September 2018) dropped the built-in Facebook account, but devices left on older "
            "versions could keep it.",
        },
    },
    "Yahoo": {
        "id": "yahoo",
        "name": "Yahoo",
        "activation": "Signing in with Facebook on Yahoo sites (the Yahoo homepage showed a linked Facebook "
        "stream by late 2009, and Facebook Connect spread across Yahoo Mail, News and Sports in 2010), or "
        "opting in to the 2011 'facebar' on Yahoo News that showed what friends were reading. Per the NYT, the "
        "long-running stream access covered only the roughly 80,000 accounts that had signed up for it.",
        "note": "NYT records show Yahoo could still read streams of friends' posts in mid-2018, after Facebook had "
        "said such sharing was over. Facebook planned to end the integration by October 2018 and says the "
        "friend access ended late in 2018. It only covers accounts that opted in, so it should not be "
        "read as applying to every Yahoo user.",
        "start": {
            "note": "Latest possible start: the Yahoo homepage already showed a linked Facebook stream in "
            "December 2009. The NYT's 2011 date is the later 'facebar' deal.",
        },
        "end": {"note": "Facebook's 2019 account: the remaining friend access ended late in 2018."},
    },
    "Sony": {
        "id": "sony",
        "name": "Sony",
        "add": ["Sony Xperia"],
        "activation": "Using Facebook through a Sony device or service you had signed in on, such as a "
        "PlayStation 3, a PS Vita or a Sony phone syncing contacts.",
        "note": "Coverage of the NYT report says Sony, like Amazon and Microsoft, could get people's email or "
        "contact details through their friends. Sony is on Facebook's 52-partner list, and Facebook cut its "
        "friend-data access on 24 July 2019 after finding old code had kept it alive. When the access began is "
        "not reported: the PS3 could post to Facebook from late 2009, but that says nothing about friend data.",
    },
    "Netflix": {
        "id": "netflix",
        "name": "Netflix",
        "activation": "Connecting Netflix to Facebook and using its 'recommend to friends' option, which sent "
        "suggestions through Facebook Messenger; a Facebook login was required.",
        "note": "The NYT found Netflix had the ability to read, send and delete private messages and to see "
        "everyone in a thread, and Facebook named it as one of four messaging partners. Netflix says it never "
        "looked at private "
        "messages and ran the feature only from 2014 to 2015. UK parliamentary documents also list Netflix "
        "among apps that kept friend data after 2015, and 2024 court filings claim a message deal from 2013, "
        "which Meta denies.",
        "start": {"note": "Netflix launched the Messenger recommendations in September 2014."},
        "end": {
            "note": "When Netflix says it shut the feature. The message grant still appears in the 2017 "
            "records the NYT saw, and Netflix's friend-list access was not cut back until late 2018.",
        },
    },
    "Spotify": {
        "id": "spotify",
        "name": "Spotify",
        "add": ["Spotify: Music and Podcasts"],
        "activation": "Logging in to Spotify with Facebook and sending or reading Facebook messages from inside "
        "Spotify (mostly the desktop app), for example to share songs with friends.",
        "note": "NYT records show the message grant, which reached over 70 million users a month, and Facebook "
        "confirmed Spotify as a messaging partner; Spotify says it found no sign of reading private messages. "
        "The dates are less certain than the grant. Spotify is also on the list of 61 apps given extra "
        "friend-data time after May 2015, and among the partners whose broad access was not cut back until late "
        "2018.",
        "start": {
            "qualifier": "approximate",
            "note": "Year of Spotify's deeper Facebook integration (f8, September 2011). Spotify linked Facebook "
            "accounts from April 2010, and no source says when message access began.",
        },
        "end": {
            "note": "Worked out from Facebook saying in December 2018 that the messaging features had been off "
            "for nearly three years (late 2015 or early 2016). The grant still appears in the 2017 records the "
            "NYT saw.",
        },
    },
    "Royal Bank of Canada": {
        "id": "royal-bank-of-canada",
        "name": "Royal Bank of Canada",
        "activation": "Connecting Facebook inside RBC's banking app to send money to Facebook friends, a service "
        "RBC started in December 2013.",
        "note": "Facebook told The Tyee that RBC could read, write and delete messages from 2013 to 2015, which "
        "matches the NYT finding; RBC denies seeing any messages, and Canada's privacy commissioner looked into "
        "it. RBC says it closed the service, and its Facebook access, in 2015. The WSJ also reports an RBC "
        "whitelist deal that ran six extra months past May 2015.",
    },
    "Dropbox": {
        "id": "dropbox",
        "name": "Dropbox",
        "activation": "Logging in to Dropbox with Facebook and sharing folders with Facebook friends, which went "
        "out as Facebook messages.",
        "note": "Only Facebook's own December 2018 post names Dropbox as a messaging partner; the NYT report does "
        "not. The end date is worked out from Facebook saying the features had been off for nearly three "
        "years, and when the access began is not reported.",
    },
    "Yandex": {
        "id": "yandex",
        "name": "Yandex",
        "activation": "No user step is documented. Public posts reached Yandex under a 2014 deal; how it came "
        "to hold Facebook user IDs was never explained.",
        "note": "Per the NYT, Yandex could still get Facebook user IDs in 2017, although Facebook no longer gave "
        "them to other apps; Yandex could not explain why. Facebook gave mixed answers on whether Yandex was "
        "one of its integration partners. The 2014 deal covered public posts from Russia and nearby "
        "countries. No end date is known.",
        "start": {"note": "Date of the public-posts deal; no source says when the user-ID access started."},
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
        "end": {
            "note": "Facebook said in early June 2018 that it would end the deal that week; no later "
            "confirmation was found.",
        },
    },
    "BlackBerry": {
        "id": "blackberry",
        "name": "BlackBerry",
        "drop": {"RIM": "a common word; 'Research In Motion' is kept"},
        "activation": "Logging in to Facebook through BlackBerry's built-in integration, such as the BlackBerry "
        "Hub. In the NYT's test the Hub kept pulling data after the Facebook app had been deleted.",
        "note": "In the NYT's own test a BlackBerry Hub pulled in detailed information about some 550 friends "
        "and identifiers for roughly 295,000 people, and Facebook let BlackBerry devices reach more than 50 "
        "kinds of information. BlackBerry denies collecting or mining that data. The data listed comes from the "
        "2018 BlackBerry 10 test; what earlier versions reached is not itemized.",
        "start": {
            "note": "Facebook for BlackBerry launched in October 2007; the data it reached then is not itemized.",
        },
        "end": {"note": "Facebook's 2019 account: the access ended late in 2018."},
    },
    "The New York Times": {
        "id": "new-york-times",
        "name": "The New York Times",
        "add": ["New York Times", "NYT"],
        "activation": "Opting in to TimesPeople, the paper's social-sharing feature, and linking a Facebook "
        "account; the feature ran from September 2008 to mid-2011.",
        "note": "Coverage of the NYT report says the Times still had friend-list access in Facebook's 2017 "
        "records, years after TimesPeople closed; the Times says it neither used nor knew of it. Facebook grouped "
        "the Times with its 'social experience' partners.",
        "end": {
            "note": "End of the TimesPeople feature. When the underlying friend-list access ended is not "
            "reported; it still appeared in 2017 records.",
        },
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
        "end": {"note": "Scribd's own date for leaving the program."},
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
        "start": {
            "qualifier": "approximate",
            "note": "Airtel's own start year for its developer access; the device deal is not dated separately.",
        },
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
        "start": {
            "qualifier": "approximate",
            "note": "Month of Facebook's reply offering the new interface, not a confirmed switch-on date.",
        },
    },
    "Hot or Not": {
        "id": "hot-or-not",
        "name": "Hot or Not",
        "group": "wl",
        "extra": "Hot or Not belongs to Badoo and came up in the same 2014-15 exchange with Facebook.",
        "start": {
            "qualifier": "approximate",
            "note": "Month of Facebook's reply offering the new interface, not a confirmed switch-on date.",
        },
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
        "activation": "Not documented: the access came through a Facebook beta rather than from anything users "
        "are known to have done.",
        "note": "Facebook told the US Congress in June 2018 that five companies might theoretically have got at "
        "limited friend data through beta-test access, which it had since withdrawn. Only one outlet names "
        "Activision, and the "
        "other four are not named in any source found.",
    },
    "thisisyourdigitallife (Global Science Research / Aleksandr Kogan)": {
        "id": "thisisyourdigitallife",
        "name": "thisisyourdigitallife (Global Science Research)",
        "drop": {"GSR": "a bare three-letter initialism shared with unrelated names"},
        "activation": "Taking the personality quiz and logging in with Facebook, or having a friend who did. A "
        "friend's install was enough unless you had restricted what your friends' apps could see.",
        "note": "Facebook's own timeline: Aleksandr Kogan's app was created in 2013 and installed by roughly "
        "270,000 to 300,000 people, most data was collected in 2014, and Facebook removed the app in 2015 after "
        "The Guardian told it the data had been passed to Cambridge Analytica. Facebook later put the number of people "
        "affected at up to 87 million. Posts, feed and messages were reached for only a small number of users.",
        "end": {
            "note": "Facebook removed the app in 2015; friend access for all old-style apps had already ended on "
            "30 April 2015.",
        },
    },
    "Cambridge Analytica (SCL Group)": {
        "id": "cambridge-analytica",
        "name": "Cambridge Analytica (SCL Group)",
        "activation": "Nothing directly: its data came from people, or their friends, who installed "
        "thisisyourdigitallife.",
        "note": "Facebook's 2018 notices say the quiz app misused data by passing it to Cambridge Analytica, which "
        "received it in 2014. Facebook suspended Cambridge Analytica and its parent SCL in March 2018; the exact "
        "day is less certain.",
    },
    "Any third-party app using Facebook Graph API v1.0": {
        "id": "graph-api-v1",
        "name": "Any app using Facebook Graph API v1.0",
        "activation": "Authorizing any app with Facebook Login, or having a friend who did. While v1.0 was in "
        "force an app could ask for data about all of a user's friends, including friends who never used it.",
        "note": "Facebook's developer changelog dates the change: v2.0 (30 April 2014) dropped the friends_* "
        "permissions, and apps created before then kept v1.0 until 30 April 2015. This entry applies by rule to "
        "any app connected in that window, not by name, so it has no aliases; the device, whitelist and "
        "extension entries are the exceptions that kept access later.",
        "start": {
            "note": "Graph API launched at f8. Apps added earlier had similar friend access through Facebook's "
            "older platform, which opened in May 2007.",
        },
        "end": {
            "note": "v1.0 stopped for older apps on this day, though Facebook moved apps over during the "
            "following weeks. Apps created on or after 30 April 2014 only ever had v2.0, which limits friend "
            "data to friends who also use the app.",
        },
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


def build_entry(row: dict, spec: dict) -> dict:
    company = row["company"]
    name = spec["name"]
    group = spec.get("group")

    # Aliases: research aliases minus the dropped ones, plus store-style additions.
    drop = spec.get("drop", {})
    for alias in drop:
        if alias not in row["aliases"]:
            raise SystemExit(f"{company}: dropped alias {alias!r} is not in the research")
    aliases = dedupe([a for a in row["aliases"] if a not in drop] + spec.get("add", []))
    # Identical spellings up to case ("OPPO"/"Oppo") add nothing.
    by_lower: dict[str, str] = {}
    for alias in aliases:
        by_lower.setdefault(alias.lower(), alias)
    aliases = list(by_lower.values())

    # Categories.
    raw_categories = [c.strip() for c in row["category"].split(";") if c.strip()]
    categories = []
    for raw in raw_categories:
        if raw not in CATEGORY_MAP:
            raise SystemExit(f"{company}: unmapped category {raw!r}")
        categories.append(CATEGORY_MAP[raw])
    categories = spec.get("categories", dedupe(categories))
    for c in categories:
        if c not in CATEGORIES:
            raise SystemExit(f"{company}: category {c!r} is not in the closed set")

    # Data kinds, in vocabulary order so the file reads the same way for every partner.
    kinds: set[str] = set()
    for item in row["data"]:
        if item not in DATA_MAP:
            raise SystemExit(f"{company}: unmapped data item {item!r}")
        kinds.update(DATA_MAP[item])
    order = [k for k, _ in DATA_KINDS]
    unknown = kinds - set(order)
    if unknown:
        raise SystemExit(f"{company}: data kinds not in the vocabulary: {sorted(unknown)}")
    data = [k for k in order if k in kinds]

    # Dates.
    start = convert_date(row["start"], "start")
    end = convert_date(row["end"], "end")
    if group == "ip" and row["end"] == "2014":
        end["qualifier"] = "approximate"
        end["note"] = IP_END_NOTE
    start.update(spec.get("start", {}))
    end.update(spec.get("end", {}))

    # Prose.
    fmt = {"name": name}
    if group == "device":
        activation = DEVICE_ACTIVATION.format(**fmt)
        note = DEVICE_NOTE.format(**fmt)
    elif group == "ext":
        activation = EXT_ACTIVATION.format(**fmt)
        several = sum(1 for s in row["sources"] if s["url"]) > 1
        note = EXT_NOTE.format(**fmt) + " " + (EXT_SEVERAL if several else EXT_SINGLE).format(**fmt)
    elif group == "wl":
        activation = WL_ACTIVATION.format(**fmt)
        note = WL_NOTE.format(**fmt)
    elif group == "ip":
        activation = IP_ACTIVATION.format(**fmt)
        note = (spec["launch"] + " " + IP_NOTE) if "launch" in spec else ""
    elif group is None:
        activation, note = "", ""
    else:
        raise SystemExit(f"{company}: unknown group {group!r}")
    activation = spec.get("activation", activation)
    note = spec.get("note", note)
    if "extra" in spec:
        note = note + " " + spec["extra"]
    if not activation or not note:
        raise SystemExit(f"{company}: missing activation or confidence note")

    sources = [{"publication": s["publication"], "date": s["date"], "url": s["url"]} for s in row["sources"]]
    if not any(s["url"] and s["date"] for s in sources):
        raise SystemExit(f"{company}: no source with both a URL and a date")

    confidence = spec.get("confidence", research_confidence(row["notes"], company))

    return {
        "id": spec["id"],
        "name": name,
        "aliases": aliases,
        "category": categories[0],
        "categories": categories,
        "data": data,
        "activation": activation,
        "start": finish_date(start),
        "end": finish_date(end),
        "sources": sources,
        "confidence": confidence,
        "confidence_note": note,
    }


def build(research: list[dict]) -> dict:
    companies = [row["company"] for row in research]
    missing = [c for c in companies if c not in ROWS]
    unused = [c for c in ROWS if c not in companies]
    if missing or unused:
        raise SystemExit(f"research rows without a mapping: {missing}; mappings without a research row: {unused}")
    if len(set(companies)) != len(companies):
        raise SystemExit("duplicate company names in the research")

    partners = [build_entry(row, ROWS[row["company"]]) for row in research]

    ids = [p["id"] for p in partners]
    for pid in ids:
        if not ID_RE.match(pid):
            raise SystemExit(f"bad id {pid!r}")
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate ids")
    owners: dict[str, str] = {}
    for p in partners:
        for alias in p["aliases"]:
            key = rough_key(alias)
            if owners.setdefault(key, p["id"]) != p["id"]:
                raise SystemExit(f"alias {alias!r} of {p['id']} collides with {owners[key]}")

    return {
        "version": 1,
        "generated_from": GENERATED_FROM,
        "data_kinds": [{"id": k, "description": d} for k, d in DATA_KINDS],
        "partners": partners,
    }


def render(catalogue: dict) -> str:
    return json.dumps(catalogue, indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--research", type=Path, default=DEFAULT_RESEARCH)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args()

    research = json.loads(args.research.read_text(encoding="utf-8"))
    text = render(build(research))
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
