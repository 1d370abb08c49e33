//! The partner catalogue: the shipped file loads and passes its own checks, names from exports match only the
//! partners they really are, the checks catch a broken file, and partial dates cover the right spans.

use datamap::catalog::dates::{civil_from_days, days_from_civil, unix_range};
use datamap::catalog::{
    Catalog, Category, DataKind, PartialDate, Party, Precision, Qualifier, Via, alias_problem, builtin, builtin_error,
    normalise,
};

fn matched(name: &str) -> Option<&'static str> {
    builtin().match_name(name).map(|p| p.id.as_str())
}

#[test]
fn builtin_catalogue_loads_and_validates() {
    assert_eq!(builtin_error(), None);
    let catalog = builtin();
    let problems = catalog.validate();
    assert!(problems.is_empty(), "built-in catalogue problems:\n{}", problems.join("\n"));
    assert!(catalog.partners.len() >= 90, "only {} partners", catalog.partners.len());
    assert_eq!(catalog.version, 2);
    assert!(catalog.responses.len() >= 20, "companies' and Facebook's answers are part of the record");
}

#[test]
fn builtin_carries_the_graph_api_cutoff() {
    let v1 = builtin().partner("graph-api-v1").expect("graph-api-v1 entry");
    assert!(v1.aliases.is_empty(), "the v1.0 rule applies to every app, never by name");
    let deal = v1.deal("graph-api-v1").expect("one deal");
    assert_eq!(deal.category, Category::AppPlatform);
    assert_eq!(deal.routes[0].via, Via::AnyApp);
    assert_eq!(deal.routes[0].created_before.as_deref(), Some("2014-04-30"));
    let end = deal.end.parsed().expect("known end");
    assert_eq!(end, PartialDate { year: 2015, month: Some(4), day: Some(30) });
    assert_eq!(deal.end.unix_range(), Some((1_430_352_000, 1_430_438_399)));
    assert!(deal.has_data(&DataKind::FriendNames));
}

#[test]
fn builtin_keeps_unknowns_unknown_and_says_who_reported_open_ends() {
    let amazon = builtin().partner("amazon").expect("amazon");
    let deal = &amazon.deals[0];
    assert_eq!(deal.start.qualifier, Qualifier::NotBefore, "only the device programme's start is dated");
    assert_eq!(deal.end.qualifier, Qualifier::StillActiveAsOf);
    assert_eq!(deal.end.as_of.as_deref(), Some("2018-12-18"));
    assert!(deal.end.per.as_deref().is_some_and(|p| p.contains("Facebook")));

    let spotify = builtin().partner("spotify").expect("spotify");
    let messaging = spotify.deal("spotify-messaging").expect("messaging deal");
    assert_eq!(messaging.start.qualifier, Qualifier::Unknown, "no source dates when message access began");
    assert_eq!(messaging.end.qualifier, Qualifier::AtLeastUntil, "the NYT saw the grant in 2017 records");
    assert!(spotify.has_category(&Category::ExtendedApi));
    for kind in ["messages_read", "messages_write", "messages_delete", "thread_participants"] {
        assert!(messaging.data.iter().any(|d| d == kind), "spotify lacks {kind}");
    }
    let extension = spotify.deal("spotify-extended-api").expect("extension deal");
    assert!(!extension.has_data(&DataKind::MessagesRead), "each deal keeps its own data");

    let netflix = builtin().partner("netflix").expect("netflix");
    let messaging = netflix.deal("netflix-messaging").unwrap();
    assert_eq!(messaging.start.date.as_deref(), Some("2014-09"), "Messenger recommendations, September 2014");
    let bing = builtin().partner("microsoft-bing").unwrap();
    let search = bing.deal("microsoft-bing-search-integration").unwrap();
    assert!(search.end.parsed().is_some_and(|d| d.year >= 2017), "Bing's access is seen in 2017 records");
    let apple = builtin().partner("apple").unwrap();
    assert_ne!(apple.deals[0].end.qualifier, Qualifier::Exact, "Facebook called it active on 2018-12-18");
}

#[test]
fn every_builtin_deal_is_described_sourced_and_readable() {
    let catalog = builtin();
    for partner in &catalog.partners {
        assert!(!partner.deals.is_empty(), "{}", partner.id);
        for deal in &partner.deals {
            for kind in &deal.data {
                assert!(kind.is_known() && catalog.data_kind(kind.as_str()).is_some(), "{}: {kind:?}", deal.id);
            }
            assert!(deal.category.is_known(), "{}", deal.id);
            assert!(deal.record.iter().any(|r| r.url.is_some() && !r.supports.is_empty()), "{}", deal.id);
            assert!(deal.routes.iter().all(|r| r.via.is_known()), "{}", deal.id);
        }
        assert!(!partner.sources.is_empty(), "{}", partner.id);
    }
    for id in ["netflix", "spotify", "royal-bank-of-canada", "apple", "tinder"] {
        let partner = catalog.partner(id).unwrap();
        assert!(
            catalog.responses_for(partner).any(|r| r.party == Party::Company),
            "{id}'s own public answer is in the record"
        );
        assert!(catalog.responses_for(partner).any(|r| r.party == Party::Facebook) || id == "tinder", "{id}");
    }
}

#[test]
fn the_vocabulary_is_one_list_in_the_code_and_the_file() {
    let catalog = builtin();
    let described: Vec<&str> = catalog.data_kinds.iter().map(|k| k.id.as_str()).collect();
    let known: Vec<&str> =
        DataKind::KNOWN.iter().filter(|k| !DataKind::FROM_EXPORT.contains(k)).map(DataKind::as_str).collect();
    assert_eq!(described, known, "assets/partners.json and catalog::DataKind list the same kinds, in order");
    for kind in DataKind::KNOWN {
        assert!(!kind.label().is_empty() && catalog.describe(kind).len() >= kind.label().len().min(10));
    }
}

/// How names from exports reach partners: only by a partner's listed names and products, whole, after
/// removing case, accents, punctuation, legal forms, web addresses and a trailing platform phrase. The traps
/// are names that an earlier, looser matcher took to a partner.
const NAME_CASES: &[(&str, Option<&str>)] = &[
    ("Spotify", Some("spotify")),
    ("Spotify Music", Some("spotify")),
    ("Spotify: Music and Podcasts", Some("spotify")),
    ("SPOTIFY", Some("spotify")),
    ("Spotify AB", Some("spotify")),
    ("spotify.com", Some("spotify")),
    ("www.spotify.co.uk", Some("spotify")),
    ("https://open.spotify.com/track/abc", Some("spotify")),
    ("Netflix", Some("netflix")),
    ("Netflix, Inc.", Some("netflix")),
    ("Royal Bank of Canada", Some("royal-bank-of-canada")),
    ("RBC Mobile", Some("royal-bank-of-canada")),
    ("RBC", Some("royal-bank-of-canada")),
    ("Dropbox", Some("dropbox")),
    ("Dropbox for iOS", Some("dropbox")),
    ("Dropbox for Android", Some("dropbox")),
    ("Bing", Some("microsoft-bing")),
    ("Microsoft Bing", Some("microsoft-bing")),
    ("Microsoft", Some("microsoft-windows")),
    ("Microsoft Outlook", Some("microsoft-windows")),
    ("Amazon", Some("amazon")),
    ("Amazon.com", Some("amazon")),
    ("amazon.co.uk", Some("amazon")),
    ("Kindle", Some("amazon")),
    ("Apple", Some("apple")),
    ("Apple Inc.", Some("apple")),
    ("iPhone", Some("apple")),
    ("BlackBerry", Some("blackberry")),
    ("BlackBerry Hub", Some("blackberry")),
    ("Research In Motion Limited", Some("blackberry")),
    ("Yahoo", Some("yahoo")),
    ("Yahoo!", Some("yahoo")),
    ("Yahoo News", Some("yahoo")),
    ("Airbnb", Some("airbnb")),
    ("Lyft", Some("lyft")),
    ("Lyft Driver", Some("lyft")),
    ("Tinder", Some("tinder")),
    ("Bumble", Some("bumble")),
    ("Badoo", Some("badoo")),
    ("Hinge", Some("hinge")),
    ("Hot or Not", Some("hot-or-not")),
    ("hotornot.com", Some("hot-or-not")),
    ("Sony", Some("sony")),
    ("Sony Xperia", Some("sony")),
    ("Snapchat", Some("snap")),
    ("T-Mobile", Some("t-mobile")),
    ("Virgin Mobile", Some("virgin-mobile")),
    ("Telefónica O2", Some("o2")),
    ("Docs.com", Some("microsoft-docs-com")),
    ("Mail.ru Group", Some("mail-ru")),
    ("The New York Times", Some("new-york-times")),
    ("nytimes.com", Some("new-york-times")),
    ("Cambridge Analytica", Some("cambridge-analytica")),
    ("Pandora", Some("pandora")),
    ("Opera Browser", Some("opera")),
    // Products and qualifiers are part of the name: none of these is the parent's deal.
    ("Apple Music", None),
    ("Apple TV", None),
    ("Amazon Music", None),
    ("Amazon Prime Video", None),
    ("Sony Music", None),
    ("Yahoo Mail", None),
    ("Yahoo Search", None),
    ("Yahoo Japan", None),
    ("Netflix Japan", None),
    ("Netflix App", None),
    ("PlayStation App", None),
    ("Spotify Daily", None),
    ("Tinder Party", None),
    ("Dropbox for Business", None),
    ("Pandora Jewelry", None),
    ("Samsung Pay", None),
    ("HTC Vive", None),
    ("Nike Run Club", None),
    ("Opera House Tickets", None),
    ("Microsoft Teams", None),
    // Look-alikes, substrings and generic words.
    ("Which Spotify Playlist Are You?", None),
    ("Spotify Fan Quiz", None),
    ("Netflix and Chill Quiz", None),
    ("Pocket Farm Saga", None),
    ("Greenleaf Grocers", None),
    ("Amazonia Travel", None),
    ("Applebee's", None),
    ("Apple Pie Recipes", None),
    ("Bingo Blitz", None),
    ("Tinderbox", None),
    ("Microsoft Bing Rewards", None),
    ("spotify.com.example.net", None),
    ("docs.google.com", None),
    ("Orange Juice Quiz", None),
    ("Music", None),
    ("Mobile", None),
    ("Mobile App", None),
    ("Docs", None),
    ("Clicker", None),
    ("Virgin", None),
    ("Tim", None),
    ("ABC", None),
    ("Galaxy", None),
    ("Honor", None),
    ("T", None),
    ("Facebook", None),
    ("Any third-party app using Facebook Graph API v1.0", None),
    ("", None),
    ("   ", None),
];

#[test]
fn name_table_holds() {
    assert!(NAME_CASES.len() >= 60, "{} cases", NAME_CASES.len());
    let traps = NAME_CASES.iter().filter(|(_, id)| id.is_none()).count();
    assert!(traps >= 30, "{traps} traps");
    let mut wrong = Vec::new();
    for (name, id) in NAME_CASES {
        if matched(name) != *id {
            wrong.push(format!("{name:?}: expected {id:?}, got {:?}", matched(name)));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn normalise_strips_only_noise() {
    let cases = [
        ("Spotify Music", "spotify music"),
        ("www.spotify.co.uk", "spotify"),
        ("Dropbox for iOS", "dropbox"),
        ("Spotify Music App", "spotify music app"),
        ("T-Mobile", "t mobile"),
        ("Crème Brûlée Café", "creme brulee cafe"),
        ("ÆRØ Łódź Straße", "aero lodz strasse"),
        ("Nissan Motor Co., Ltd.", "nissan motor"),
        ("Applebee's", "applebees"),
        ("docs.com", "docs com"),
        ("  Royal   Bank_of-Canada  ", "royal bank of canada"),
        ("iOS", "ios"),
        ("Inc", "inc"),
    ];
    for (input, expected) in cases {
        assert_eq!(normalise(input), expected, "{input:?}");
    }
}

#[test]
fn generic_and_tiny_aliases_are_refused() {
    for alias in ["Music", "Mobile", "Mobile App", "T", "Inc", "Docs", "the app", "  "] {
        assert!(alias_problem(alias).is_some(), "{alias:?} should be refused");
    }
    for alias in ["Apple", "RBC", "LG", "O2", "Docs.com", "Virgin Mobile", "iOS"] {
        assert_eq!(alias_problem(alias), None, "{alias:?} should be accepted");
    }
}

/// A one-partner catalogue that passes validation; the tests below break one thing at a time.
fn fixture(partners: &str) -> String {
    format!(
        r#"{{"version": 2, "generated_from": "test",
            "data_kinds": [{{"id": "friend_names", "description": "Friends' names."}},
                           {{"id": "messages_read", "description": "Reading messages."}}],
            "partners": [{partners}], "responses": []}}"#
    )
}

const GOOD_DEAL: &[(&str, &str)] = &[
    ("id", "\"D\""),
    ("category", "\"messaging\""),
    ("data", "[\"friend_names\"]"),
    ("activation", "\"Logged in.\""),
    ("routes", r#"[{"via": "app"}]"#),
    ("needs", "[]"),
    ("start", r#"{"date": "2013", "precision": "year", "qualifier": "exact", "as_of": null}"#),
    (
        "end",
        r#"{"date": null, "precision": "unknown", "qualifier": "still_active_as_of", "as_of": "2018-12-18", "per": "Facebook"}"#,
    ),
    (
        "record",
        r#"[{"publication": "Paper", "date": "2018-12-18", "url": "https://example.org/a", "primary": true, "supports": "Says so."}]"#,
    ),
    ("secondary_only", "false"),
];

fn object(fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
    format!("{{{}}}", body.join(", "))
}

/// A partner with one deal; `overrides` replace partner fields, or deal fields when prefixed "deal.".
fn partner(id: &str, aliases: &str, overrides: &[(&str, &str)]) -> String {
    let mut deal: Vec<(&str, String)> =
        GOOD_DEAL.iter().map(|(k, v)| (*k, v.replace('D', &format!("{id}-deal")))).collect();
    let mut fields = vec![
        ("id", format!("\"{id}\"")),
        ("name", format!("\"{id}\"")),
        ("aliases", aliases.to_string()),
        ("deals", String::new()),
        ("sources", r#"[{"publication": "Paper", "date": "2018-12-18", "url": "https://example.org/a"}]"#.to_string()),
        ("confidence", "\"high\"".to_string()),
        ("confidence_note", "\"Two outlets.\"".to_string()),
    ];
    for (key, value) in overrides {
        if let Some(key) = key.strip_prefix("deal.") {
            if let Some(field) = deal.iter_mut().find(|(k, _)| *k == key) {
                field.1 = value.to_string();
            }
        } else if let Some(field) = fields.iter_mut().find(|(k, _)| k == key) {
            field.1 = value.to_string();
        }
    }
    if let Some(field) = fields.iter_mut().find(|(k, _)| *k == "deals")
        && field.1.is_empty()
    {
        field.1 = format!("[{}]", object(&deal));
    }
    object(&fields)
}

fn parse(text: &str) -> Catalog {
    Catalog::parse(text).unwrap_or_else(|e| panic!("fixture does not parse: {e}\n{text}"))
}

fn assert_problem(problems: &[String], needle: &str) {
    assert!(
        problems.iter().any(|p| p.contains(needle)),
        "no problem mentioning {needle:?} in:\n{}",
        problems.join("\n")
    );
}

#[test]
fn crafted_good_catalogue_validates_and_matches() {
    let catalog = parse(&fixture(&partner("acme", r#"["Acme", "Acme Mobile"]"#, &[])));
    assert_eq!(catalog.validate(), Vec::<String>::new());
    assert_eq!(catalog.match_name("ACME Inc.").map(|p| p.id.as_str()), Some("acme"));
    assert_eq!(catalog.match_name("Acme Mobile").map(|p| p.id.as_str()), Some("acme"));
    assert_eq!(catalog.match_name("Acme Mobile for iPhone").map(|p| p.id.as_str()), Some("acme"));
    assert_eq!(catalog.match_name("Acme Mobile App"), None, "only listed names reach a partner");
    assert_eq!(catalog.match_name("Acme Quiz"), None);
    let index = catalog.name_index();
    assert_eq!(index.get("acme.com").map(|p| p.id.as_str()), Some("acme"));
}

#[test]
fn validate_catches_a_broken_catalogue() {
    let partners = [
        partner("no-sources", r#"["NoSources"]"#, &[("sources", "[]")]),
        partner(
            "bad-date",
            r#"["BadDate"]"#,
            &[("deal.start", r#"{"date": "2015-13", "precision": "month", "qualifier": "exact", "as_of": null}"#)],
        ),
        partner("collide-a", r#"["Shared Name"]"#, &[]),
        partner("collide-b", r#"["shared-name, inc."]"#, &[]),
        partner("bad-kind", r#"["BadKind"]"#, &[("deal.data", r#"["friend_names", "shoe_size"]"#)]),
        partner("bad-category", r#"["BadCategory"]"#, &[("deal.category", "\"telepathy\"")]),
        partner(
            "wrong-precision",
            r#"["WrongPrecision"]"#,
            &[("deal.start", r#"{"date": "2015", "precision": "day", "qualifier": "exact", "as_of": null}"#)],
        ),
        partner(
            "backwards",
            r#"["Backwards"]"#,
            &[("deal.end", r#"{"date": "2012-06", "precision": "month", "qualifier": "exact", "as_of": null}"#)],
        ),
        partner("generic", r#"["Music"]"#, &[]),
        partner("bad-kind", r#"["Duplicate"]"#, &[]),
        partner(
            "no-url",
            r#"["NoUrl"]"#,
            &[("sources", r#"[{"publication": "House filing", "date": "2018-06-29", "url": null}]"#)],
        ),
        partner(
            "bad-source-date",
            r#"["BadSourceDate"]"#,
            &[("sources", r#"[{"publication": "Blog", "date": "June 2018", "url": "https://example.org/b"}]"#)],
        ),
        partner("bad-confidence", r#"["BadConfidence"]"#, &[("confidence", "\"certain\"")]),
        partner(
            "unknown-with-as-of",
            r#"["UnknownAsOf"]"#,
            &[("deal.end", r#"{"date": null, "precision": "unknown", "qualifier": "unknown", "as_of": "2018-01-01"}"#)],
        ),
        partner(
            "open-without-source",
            r#"["OpenNoSource"]"#,
            &[("deal.end", r#"{"date": "2017", "precision": "year", "qualifier": "at_least_until", "as_of": null}"#)],
        ),
        partner("bad-route", r#"["BadRoute"]"#, &[("deal.routes", r#"[{"via": "telepathy"}]"#)]),
        partner(
            "bad-device",
            r#"["BadDevice"]"#,
            &[("deal.routes", r#"[{"via": "device", "devices": [{"os_min": "6.x"}]}]"#)],
        ),
        partner("no-deals", r#"["NoDeals"]"#, &[("deals", "[]")]),
        partner("bad-secondary", r#"["BadSecondary"]"#, &[("deal.secondary_only", "true")]),
    ];
    let catalog = parse(&fixture(&partners.join(",")));
    let problems = catalog.validate();
    assert_problem(&problems, "partner 'no-sources': has no sources");
    assert_problem(&problems, "partner 'bad-date': deal 'bad-date-deal': start date does not parse");
    assert_problem(
        &problems,
        "partner 'collide-b': alias 'shared-name, inc.' ('shared name') is also an alias of 'collide-a'",
    );
    assert_problem(&problems, "deal 'bad-kind-deal': data kind 'shoe_size' is not in the vocabulary");
    assert_problem(&problems, "deal 'bad-category-deal': category 'telepathy' is not in the closed set");
    assert_problem(&problems, "start date '2015' has year precision but says 'day'");
    assert_problem(&problems, "deal 'backwards-deal': start 2013 is after end 2012-06");
    assert_problem(&problems, "partner 'generic': alias 'Music' is made only of generic words");
    assert_problem(&problems, "partner 'bad-kind': id is used more than once");
    assert_problem(&problems, "partner 'no-url': no source has both a URL and a parseable date");
    assert_problem(&problems, "partner 'bad-source-date': source 'Blog' has a bad date");
    assert_problem(&problems, "partner 'bad-confidence': confidence 'certain'");
    assert_problem(&problems, "end is unknown but has an as_of date");
    assert_problem(&problems, "deal 'open-without-source-deal': end is open-ended but does not say who reported it");
    assert_problem(&problems, "route 'telepathy' is not one the rules read");
    assert_problem(&problems, "version '6.x' is not dotted numbers");
    assert_problem(&problems, "an OS version range without an OS");
    assert_problem(&problems, "partner 'no-deals': has no deals");
    assert_problem(&problems, "secondary_only disagrees with the record's primary flags");
    // The loose alias is never matched even though the file was not fixed.
    assert_eq!(catalog.match_name("Music"), None);
}

#[test]
fn unparseable_catalogue_is_an_error_not_a_panic() {
    assert!(Catalog::parse("{").is_err());
    assert!(Catalog::parse(r#"{"version": 2, "data_kinds": [], "partners": [], "extra": true}"#).is_err());
    let empty = Catalog::default();
    assert!(empty.match_name("Spotify").is_none());
    assert!(!empty.validate().is_empty(), "version 0 is not supported");
}

#[test]
fn partial_dates_parse_strictly() {
    assert_eq!(PartialDate::parse("2014"), Ok(PartialDate { year: 2014, month: None, day: None }));
    assert_eq!(PartialDate::parse("2013-12").map(|d| d.precision()), Ok(Precision::Month));
    assert_eq!(PartialDate::parse("2016-02-29").map(|d| d.precision()), Ok(Precision::Day));
    for bad in [
        "",
        "15",
        "2015-2",
        "2015-02-1",
        "2015-00",
        "2015-13",
        "2015-02-29",
        "2015-04-31",
        "abcd",
        "2015-",
        "2015/04",
        "2015-04-30T00",
    ] {
        assert!(PartialDate::parse(bad).is_err(), "{bad:?} should not parse");
    }
    assert_eq!(PartialDate::parse("2010-04-21").map(|d| d.to_string()), Ok("2010-04-21".to_string()));
}

#[test]
fn partial_dates_cover_their_whole_span() {
    assert_eq!(unix_range("1970"), Ok((0, 31_535_999)));
    assert_eq!(unix_range("2010"), Ok((1_262_304_000, 1_293_839_999)));
    assert_eq!(unix_range("2016-02"), Ok((1_454_284_800, 1_456_790_399)));
    assert_eq!(unix_range("2015-04-30"), Ok((1_430_352_000, 1_430_438_399)));
    assert_eq!(unix_range("1969-12-31"), Ok((-86_400, -1)));
    assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    assert_eq!(days_from_civil(1600, 2, 29) * 86_400, -11_670_998_400);
}

#[test]
fn civil_dates_round_trip() {
    for days in (-800_000..800_000).step_by(7) {
        let (y, m, d) = civil_from_days(days);
        assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
    }
}
