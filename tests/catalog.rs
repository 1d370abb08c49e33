//! The partner catalogue: the shipped file loads and passes its own checks, names from exports match only the
//! partners they really are, the checks catch a broken file, and partial dates cover the right spans.

use datamap::catalog::dates::{civil_from_days, days_from_civil, unix_range};
use datamap::catalog::{
    Catalog, Category, PartialDate, Precision, Qualifier, alias_problem, builtin, builtin_error, normalise,
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
    assert_eq!(catalog.version, 1);
}

#[test]
fn builtin_carries_the_graph_api_cutoff() {
    let v1 = builtin().partner("graph-api-v1").expect("graph-api-v1 entry");
    assert_eq!(v1.category, Category::AppPlatform);
    assert!(v1.aliases.is_empty(), "the v1.0 rule applies to every app, never by name");
    let end = v1.end.parsed().expect("known end");
    assert_eq!(end, PartialDate { year: 2015, month: Some(4), day: Some(30) });
    assert_eq!(v1.end.unix_range(), Some((1_430_352_000, 1_430_438_399)));
    assert!(v1.has_data("friend_names"));
}

#[test]
fn builtin_keeps_unknowns_unknown() {
    let amazon = builtin().partner("amazon").expect("amazon");
    assert!(!amazon.start.is_known());
    assert_eq!(amazon.start.precision, Precision::Unknown);
    assert_eq!(amazon.end.qualifier, Qualifier::StillActiveAsOf);
    assert_eq!(amazon.end.as_of.as_deref(), Some("2018-12-18"));
    assert_eq!(amazon.end.date, None);

    let spotify = builtin().partner("spotify").expect("spotify");
    assert_eq!(spotify.category, Category::Messaging);
    assert!(spotify.has_category(&Category::ExtendedApi));
    for kind in ["messages_read", "messages_write", "messages_delete", "thread_participants"] {
        assert!(spotify.has_data(kind), "spotify lacks {kind}");
    }
    // Derived end ("nearly three years" before Dec 2018) must not claim more than a year.
    assert_eq!(spotify.end.precision, Precision::Year);
    assert_eq!(spotify.end.qualifier, Qualifier::Approximate);
}

#[test]
fn every_builtin_data_kind_and_category_is_described() {
    let catalog = builtin();
    for partner in &catalog.partners {
        for kind in &partner.data {
            assert!(catalog.data_kind(kind).is_some(), "{}: {kind}", partner.id);
        }
        assert!(partner.categories.iter().all(Category::is_known), "{}", partner.id);
        assert!(!partner.sources.is_empty(), "{}", partner.id);
    }
}

#[test]
fn names_that_must_match() {
    let cases = [
        ("Spotify", "spotify"),
        ("Spotify Music", "spotify"),
        ("SPOTIFY", "spotify"),
        ("Spotify AB", "spotify"),
        ("spotify.com", "spotify"),
        ("www.spotify.co.uk", "spotify"),
        ("open.spotify.com", "spotify"),
        ("https://open.spotify.com/track/abc", "spotify"),
        ("Netflix", "netflix"),
        ("Netflix, Inc.", "netflix"),
        ("Netflix App", "netflix"),
        ("Royal Bank of Canada", "royal-bank-of-canada"),
        ("RBC Mobile", "royal-bank-of-canada"),
        ("RBC", "royal-bank-of-canada"),
        ("Dropbox", "dropbox"),
        ("Dropbox for iOS", "dropbox"),
        ("Bing", "microsoft-bing"),
        ("Microsoft Bing", "microsoft-bing"),
        ("Bing Search", "microsoft-bing"),
        ("Microsoft", "microsoft-windows"),
        ("Microsoft Corporation", "microsoft-windows"),
        ("Amazon", "amazon"),
        ("Amazon.com", "amazon"),
        ("amazon.co.uk", "amazon"),
        ("Amazon Shopping", "amazon"),
        ("Apple", "apple"),
        ("Apple Inc.", "apple"),
        ("BlackBerry", "blackberry"),
        ("BlackBerry Hub", "blackberry"),
        ("Research In Motion Limited", "blackberry"),
        ("Yahoo", "yahoo"),
        ("Yahoo!", "yahoo"),
        ("Yahoo Mail", "yahoo"),
        ("Airbnb", "airbnb"),
        ("Lyft", "lyft"),
        ("Tinder", "tinder"),
        ("Bumble", "bumble"),
        ("Badoo", "badoo"),
        ("Hinge", "hinge"),
        ("Hot or Not", "hot-or-not"),
        ("hotornot.com", "hot-or-not"),
        ("Sony", "sony"),
        ("PlayStation App", "sony"),
        ("Snapchat", "snap"),
        ("T-Mobile", "t-mobile"),
        ("Virgin Mobile", "virgin-mobile"),
        ("Telefónica O2", "o2"),
        ("Docs.com", "microsoft-docs-com"),
        ("Clicker.com", "clicker"),
        ("Mail.ru", "mail-ru"),
        ("Mail.ru Group", "mail-ru"),
        ("The New York Times", "new-york-times"),
        ("nytimes.com", "new-york-times"),
        ("Cambridge Analytica", "cambridge-analytica"),
        ("Pandora", "pandora"),
    ];
    for (name, id) in cases {
        assert_eq!(matched(name), Some(id), "{name:?}");
    }
}

#[test]
fn names_that_must_not_match() {
    let cases = [
        "Which Spotify Playlist Are You?",
        "Spotify Fan Quiz",
        "Netflix and Chill Quiz",
        "Pocket Farm Saga",
        "Greenleaf Grocers",
        "Amazonia Travel",
        "Applebee's",
        "Apple Pie Recipes",
        "Bingo Blitz",
        "Tinderbox",
        "Microsoft Bing Rewards",
        "spotify.com.example.net",
        "docs.google.com",
        "Music",
        "Mobile",
        "Mobile App",
        "Docs",
        "Clicker",
        "Virgin",
        "Tim",
        "ABC",
        "Galaxy",
        "Honor",
        "T",
        "Facebook",
        "Any third-party app using Facebook Graph API v1.0",
        "",
        "   ",
    ];
    for name in cases {
        assert_eq!(matched(name), None, "{name:?} must not match");
    }
}

#[test]
fn normalise_strips_only_noise() {
    let cases = [
        ("Spotify Music", "spotify"),
        ("www.spotify.co.uk", "spotify"),
        ("Dropbox for iOS", "dropbox"),
        ("Spotify Music App", "spotify"),
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
        r#"{{"version": 1, "generated_from": "test",
            "data_kinds": [{{"id": "friend_names", "description": "Friends' names."}},
                           {{"id": "messages_read", "description": "Reading messages."}}],
            "partners": [{partners}]}}"#
    )
}

fn partner(id: &str, aliases: &str, overrides: &[(&str, &str)]) -> String {
    let mut fields = vec![
        ("id", format!("\"{id}\"")),
        ("name", format!("\"{id}\"")),
        ("aliases", aliases.to_string()),
        ("category", "\"messaging\"".to_string()),
        ("categories", "[\"messaging\"]".to_string()),
        ("data", "[\"friend_names\"]".to_string()),
        ("activation", "\"Logged in.\"".to_string()),
        ("start", r#"{"date": "2013", "precision": "year", "qualifier": "exact", "as_of": null}"#.to_string()),
        (
            "end",
            r#"{"date": null, "precision": "unknown", "qualifier": "still_active_as_of", "as_of": "2018-12-18"}"#
                .to_string(),
        ),
        ("sources", r#"[{"publication": "Paper", "date": "2018-12-18", "url": "https://example.org/a"}]"#.to_string()),
        ("confidence", "\"high\"".to_string()),
        ("confidence_note", "\"Two outlets.\"".to_string()),
    ];
    for (key, value) in overrides {
        if let Some(field) = fields.iter_mut().find(|(k, _)| k == key) {
            field.1 = value.to_string();
        }
    }
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("\"{k}\": {v}")).collect();
    format!("{{{}}}", body.join(", "))
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
    assert_eq!(catalog.match_name("Acme Mobile App").map(|p| p.id.as_str()), Some("acme"));
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
            &[("start", r#"{"date": "2015-13", "precision": "month", "qualifier": "exact", "as_of": null}"#)],
        ),
        partner("collide-a", r#"["Shared Name"]"#, &[]),
        partner("collide-b", r#"["shared-name, inc."]"#, &[]),
        partner("bad-kind", r#"["BadKind"]"#, &[("data", r#"["friend_names", "shoe_size"]"#)]),
        partner(
            "bad-category",
            r#"["BadCategory"]"#,
            &[("category", "\"telepathy\""), ("categories", "[\"telepathy\"]")],
        ),
        partner(
            "wrong-precision",
            r#"["WrongPrecision"]"#,
            &[("start", r#"{"date": "2015", "precision": "day", "qualifier": "exact", "as_of": null}"#)],
        ),
        partner(
            "backwards",
            r#"["Backwards"]"#,
            &[("end", r#"{"date": "2012-06", "precision": "month", "qualifier": "exact", "as_of": null}"#)],
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
            &[("end", r#"{"date": null, "precision": "unknown", "qualifier": "unknown", "as_of": "2018-01-01"}"#)],
        ),
    ];
    let catalog = parse(&fixture(&partners.join(",")));
    let problems = catalog.validate();
    assert_problem(&problems, "partner 'no-sources': has no sources");
    assert_problem(&problems, "partner 'bad-date': start date does not parse");
    assert_problem(
        &problems,
        "partner 'collide-b': alias 'shared-name, inc.' ('shared name') is also an alias of 'collide-a'",
    );
    assert_problem(&problems, "partner 'bad-kind': data kind 'shoe_size' is not in the vocabulary");
    assert_problem(&problems, "partner 'bad-category': category 'telepathy' is not in the closed set");
    assert_problem(&problems, "partner 'wrong-precision': start date '2015' has year precision but says 'day'");
    assert_problem(&problems, "partner 'backwards': start 2013 is after end 2012-06");
    assert_problem(&problems, "partner 'generic': alias 'Music' is made only of generic words");
    assert_problem(&problems, "partner 'bad-kind': id is used more than once");
    assert_problem(&problems, "partner 'no-url': no source has both a URL and a parseable date");
    assert_problem(&problems, "partner 'bad-source-date': source 'Blog' has a bad date");
    assert_problem(&problems, "partner 'bad-confidence': confidence 'certain'");
    assert_problem(&problems, "partner 'unknown-with-as-of': end is unknown but has an as_of date");
    // The loose alias is never matched even though the file was not fixed.
    assert_eq!(catalog.match_name("Music"), None);
}

#[test]
fn unparseable_catalogue_is_an_error_not_a_panic() {
    assert!(Catalog::parse("{").is_err());
    assert!(Catalog::parse(r#"{"version": 1, "data_kinds": [], "partners": [], "extra": true}"#).is_err());
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
