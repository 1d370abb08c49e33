//! Issue #19: from the map to action. The contact matcher against the 100 cases in
//! tests/fixtures/contacts-match-cases.json (true matches and traps, the same file the Python reference
//! checks), the steps per kind of access, the letters for each kind, law and language, redaction, and the
//! "What you can do" panel rendered headless.

use datamap::actions::contacts::{self, AuthorityChoice, Lookup};
use datamap::actions::letter::{self, Lang, Law, LetterError, LetterKind, LetterRequest, Sender};
use datamap::actions::{Action, Options, StepKind, action, actions, actions_with};
use datamap::catalog::builtin;
use datamap::demo::{ExportBuilder, demo_input};
use datamap::exposure::{Statement, statements};
use datamap::import::{Monitor, import};
use datamap::model::{DataMap, days_from_civil};
use serde_json::{Value, json};
use std::sync::OnceLock;
use std::sync::atomic::AtomicBool;

fn demo() -> &'static (DataMap, Vec<Statement>) {
    static DEMO: OnceLock<(DataMap, Vec<Statement>)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let cancel = AtomicBool::new(false);
        let map = import(&[demo_input()], &Monitor::silent(&cancel)).expect("the demo imports");
        let s = statements(&map, builtin());
        (map, s)
    })
}

fn ts(y: i64, m: u32, d: u32) -> i64 {
    days_from_civil(y, m, d) * 86_400 + 43_200
}

fn index() -> &'static contacts::ContactIndex<'static> {
    assert_eq!(contacts::builtin_error(), None);
    contacts::builtin_index().expect("the bundled contacts load")
}

// ------------------------------------------------------------------------------------------------------
// The asset and the matcher.
// ------------------------------------------------------------------------------------------------------

#[test]
fn the_contacts_asset_records_its_snapshot_and_licence() {
    let all = contacts::builtin().expect("contacts.json loads");
    assert_eq!(all.snapshot.repository, "datenanfragen/data");
    assert_eq!(all.snapshot.commit, "0a29c3d6feee53b02e73204a3dbd312eafe56629");
    assert_eq!(all.snapshot.licence, "CC0-1.0");
    assert_eq!(all.companies.len(), 3068);
    assert_eq!(all.authorities.len(), 57);
    assert!(all.companies.windows(2).all(|w| w[0].slug < w[1].slug), "records are sorted by slug, for lookups");
    let spotify = all.record("spotify").expect("Spotify's record");
    assert_eq!(spotify.email.as_deref(), Some("privacy@spotify.com"));
    assert!(all.record_url("spotify").ends_with("/0a29c3d6feee53b02e73204a3dbd312eafe56629/companies/spotify.json"));
    let licence = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/contacts-LICENSE")).unwrap();
    assert!(licence.contains("CC0 1.0 Universal"));
    // docs/contacts-matching.md gives these figures for this snapshot.
    assert_eq!(index().key_count(), 7103);
}

/// Every case of the fixture, true matches and traps alike, including which record.
#[test]
fn contact_matching_agrees_with_every_case() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/contacts-match-cases.json"))
            .expect("the cases");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("the cases are JSON");
    assert_eq!(cases.len(), 100);
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let country = case["country"].as_str();
        let expect = case["expect"].as_str();
        let found = index().lookup(name, country);
        if found.slug() != expect {
            failures
                .push(format!("{name:?} ({country:?}): expected {expect:?}, got {found:?}\n  why: {}", case["why"]));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn a_match_says_which_record_and_why_and_an_ambiguous_name_lists_its_candidates() {
    let Lookup::Matched(m) = index().lookup("Tinder", None) else { panic!("Tinder matches") };
    assert_eq!(m.record.slug, "match-group");
    assert_eq!(m.via, "runs 'Tinder (tinder.com)'");
    assert!(m.explain().starts_with("by runs: 'tinder' = runs 'Tinder (tinder.com)'"), "{}", m.explain());

    let Lookup::Matched(m) = index().lookup("Solaris", None) else { panic!("Solaris matches") };
    assert!(!m.others.is_empty(), "the other record listed under the name is shown");

    let Lookup::Ambiguous { candidates, reason, .. } = index().lookup("Amazon", None) else { panic!("ambiguous") };
    assert_eq!(candidates.len(), 6);
    assert!(reason.contains("no country given"), "{reason}");

    let Lookup::Matched(m) = index().lookup("IMDb", Some("de")) else { panic!("IMDb matches") };
    assert!(m.reason.contains("the record is for gb, not de"), "{}", m.reason);

    let Lookup::Unmatched { suggestions } = index().lookup("Amazon Music", None) else { panic!("unmatched") };
    assert!(suggestions.iter().any(|r| r.slug == "amazon-de"), "Amazon's records are offered, not matched");
}

#[test]
fn authorities_by_country_and_german_state() {
    let all = contacts::builtin().unwrap();
    let AuthorityChoice::Found(ie) = all.authority_for("ie", None) else { panic!("Ireland's DPC") };
    assert_eq!(ie.slug, "iedpc");
    assert_eq!(all.authority_for("de", None), AuthorityChoice::NeedsRegion);
    let AuthorityChoice::Found(by) = all.authority_for("de", Some("DE-BY")) else { panic!("Bavaria") };
    assert_eq!(by.slug, "debaylda", "Bavaria's private-sector authority");
    assert_eq!(all.authority_for("us", None), AuthorityChoice::NotListed);
    for (code, _) in contacts::COUNTRIES.iter().filter(|(c, _)| *c != "de") {
        assert!(matches!(all.authority_for(code, None), AuthorityChoice::Found(_)), "{code} has an authority");
    }
    for (region, _) in contacts::GERMAN_STATES {
        assert!(matches!(all.authority_for("de", Some(region)), AuthorityChoice::Found(_)), "{region}");
    }
}

// ------------------------------------------------------------------------------------------------------
// Steps per kind.
// ------------------------------------------------------------------------------------------------------

fn kinds(action: &Action) -> Vec<StepKind> {
    action.steps.iter().map(|s| s.kind).collect()
}

fn find<'a>(actions: &'a [Action], company: &str) -> &'a Action {
    actions.iter().find(|a| a.company == company).unwrap_or_else(|| panic!("no action for {company}"))
}

#[test]
fn the_demo_has_an_action_per_company_with_spotifys_contact() {
    let (map, statements) = demo();
    let all = actions(map, statements);
    let rows = datamap::exposure::rows(statements);
    assert!(all.len() >= rows.len());
    let spotify = find(&all, "Spotify");
    let contact = spotify.contact.as_ref().expect("Spotify's contact");
    assert_eq!(contact.email.as_deref(), Some("privacy@spotify.com"));
    assert_eq!(contact.record, "spotify");
    assert!(contact.source.contains("0a29c3d6feee53b02e73204a3dbd312eafe56629/companies/spotify.json"));
    // Spotify: still connected, sent off-Meta activity; a contact exists; no country chosen yet.
    assert_eq!(
        kinds(spotify),
        [
            StepKind::RemoveApp,
            StepKind::ClearOffMetaActivity,
            StepKind::AskForCopy,
            StepKind::AskToErase,
            StepKind::Object,
            StepKind::RecordNote,
            StepKind::ChooseCountry,
        ]
    );
    let remove = &spotify.steps[0].text;
    assert!(remove.contains("Settings & privacy > Settings > Apps and websites > Spotify > Remove"), "{remove}");
    assert!(remove.contains("yours may differ"), "the path is given as Facebook's, which moves");
    assert!(spotify.steps[2].text.contains("privacy@spotify.com"));
    // The trap: a quiz named after Spotify gets no Spotify contact.
    assert_eq!(
        datamap::actions::row_summary(spotify),
        "Remove the app · Clear off-Meta history · Ask privacy@spotify.com"
    );
    let quiz = find(&all, "Which Spotify Playlist Are You?");
    assert!(quiz.contact.is_none());
    assert!(kinds(quiz).contains(&StepKind::FindContact));
}

#[test]
fn steps_follow_how_the_company_got_the_data() {
    let (map, statements) = demo();
    let all = actions(map, statements);
    // A removed app: nothing to remove, and the export's removal date is said.
    let netflix = find(&all, "Netflix");
    assert!(kinds(netflix).contains(&StepKind::AppAlreadyRemoved));
    assert!(!kinds(netflix).contains(&StepKind::RemoveApp));
    assert!(netflix.steps.iter().any(|s| s.text.contains("2016-05-02")));
    // An advertiser with a list and activity.
    let wanderly = find(&all, "Wanderly");
    for kind in [StepKind::ClearOffMetaActivity, StepKind::LeaveAdvertiserList, StepKind::HideAds] {
        assert!(kinds(wanderly).contains(&kind), "Wanderly: {kind:?}");
    }
    assert!(!kinds(wanderly).contains(&StepKind::RemoveApp));
    let hide = wanderly.steps.iter().find(|s| s.kind == StepKind::HideAds).unwrap();
    assert!(hide.text.contains("Why am I seeing this ad?"));
    assert!(hide.text.contains("Activity information from ad partners"), "it used the person's activity");
    // Ads clicked only.
    let kindred = find(&all, "Kindred Pets");
    assert!(kinds(kindred).contains(&StepKind::HideAds));
    assert!(!kinds(kindred).contains(&StepKind::LeaveAdvertiserList));
    // The public record only: said plainly, first.
    let bing = find(&all, "Microsoft Bing");
    assert!(!bing.in_export);
    assert_eq!(bing.steps[0].kind, StepKind::RecordOnly);
    assert!(bing.steps[0].text.contains("Your export does not show that Microsoft Bing had your data"));
    assert!(bing.steps[0].text.contains("a question"));
    // Known in the export, with a reported deal besides.
    let lyft = find(&all, "Lyft");
    assert!(lyft.in_export);
    assert_eq!(lyft.steps[0].kind, StepKind::RecordQuestion);
    // Amazon has six country records: no contact until the country is known.
    let amazon = find(&all, "Amazon");
    assert!(amazon.contact.is_none());
    assert_eq!(amazon.contact_candidates.len(), 6);
    assert!(kinds(amazon).contains(&StepKind::ChooseRecord));
}

#[test]
fn the_country_picks_the_record_and_the_authority() {
    let (map, statements) = demo();
    let de = Options { country: Some("de".into()), region: None };
    let amazon = action(map, statements, "Amazon", &de).unwrap();
    assert_eq!(amazon.contact.as_ref().map(|c| c.record.as_str()), Some("amazon-de"));
    assert!(kinds(&amazon).contains(&StepKind::ChooseCountry), "Germany needs the state");
    let bavaria = Options { country: Some("de".into()), region: Some("DE-BY".into()) };
    let spotify = action(map, statements, "Spotify", &bavaria).unwrap();
    let complain = spotify.steps.iter().find(|s| s.kind == StepKind::Complain).expect("a complaint step");
    assert!(complain.text.contains("Bayerisches Landesamt für Datenschutzaufsicht"), "{}", complain.text);
    let ireland = Options { country: Some("ie".into()), region: None };
    let spotify = action(map, statements, "Spotify", &ireland).unwrap();
    assert!(spotify.steps.iter().any(|s| s.text.contains("Irish Data Protection Commission")));
    let us = Options { country: Some("us".into()), region: None };
    let spotify = action(map, statements, "Spotify", &us).unwrap();
    assert!(
        spotify.steps.iter().any(|s| s.kind == StepKind::Complain && s.text.contains("no data protection authority"))
    );
    assert_eq!(actions_with(map, statements, &de).len(), actions(map, statements).len());
}

/// A generated export with one company of each observed kind, on Instagram too.
fn built(build: impl FnOnce(&mut ExportBuilder)) -> (DataMap, Vec<Statement>) {
    let mut b = ExportBuilder::new();
    b.json(
        "personal_information/profile_information/profile_information.json",
        &json!({"profile_v2": {"name": {"full_name": "Ida Fenwick"}, "registration_timestamp": ts(2009, 1, 1)}}),
    );
    b.json(
        "connections/friends/your_friends.json",
        &json!({"friends_v2": [{"name": "Old Friend", "timestamp": ts(2010, 5, 1)}]}),
    );
    build(&mut b);
    let cancel = AtomicBool::new(false);
    let map = import(&[b.input("facebook-ida-2026-01-02-x.zip")], &Monitor::silent(&cancel)).expect("imports");
    let s = statements(&map, builtin());
    (map, s)
}

#[test]
fn an_app_still_connected_gets_the_remove_path_and_a_removed_one_does_not() {
    let (map, statements) = built(|b| {
        b.json(
            "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
            &json!({"installed_apps_v2": [
                {"name": "Dropbox", "added_timestamp": ts(2013, 1, 30), "user_app_scoped_id": 1, "category": "active", "removed_timestamp": 0},
                {"name": "Yelp", "added_timestamp": ts(2012, 1, 1), "user_app_scoped_id": 2, "category": "removed", "removed_timestamp": ts(2014, 2, 3)}
            ]}),
        );
    });
    let all = actions(&map, &statements);
    let dropbox = find(&all, "Dropbox");
    assert_eq!(dropbox.steps.iter().filter(|s| s.kind == StepKind::RemoveApp).count(), 1);
    assert_eq!(dropbox.contact.as_ref().and_then(|c| c.email.as_deref()), Some("privacy@dropbox.com"));
    let yelp = find(&all, "Yelp");
    assert!(kinds(yelp).contains(&StepKind::AppAlreadyRemoved));
    assert!(yelp.steps.iter().any(|s| s.text.contains("2014-02-03")));
    assert!(kinds(yelp).contains(&StepKind::FindContact), "Yelp is not in the snapshot");
}

// ------------------------------------------------------------------------------------------------------
// Letters.
// ------------------------------------------------------------------------------------------------------

/// The letter's words with line breaks read as spaces: the tests check what it says, not where it wraps.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether the letter says `needle`, as laid out (addresses) or with its lines joined (paragraphs).
fn says(text: &str, needle: &str) -> bool {
    text.contains(needle) || flat(text).contains(needle)
}

fn request<'a>(company: &str, kind: LetterKind, law: Law, lang: Lang) -> LetterRequest<'a> {
    let (map, statements) = demo();
    let mut r = LetterRequest::new(map, statements, company, kind);
    r.law = law;
    r.lang = lang;
    r.date = Some("2026-11-02".into());
    r
}

#[test]
fn the_spotify_access_letter_cites_article_15_is_addressed_to_its_contact_and_names_the_exports_dates() {
    let text = letter::write(&request("Spotify", LetterKind::Access, Law::Gdpr, Lang::En)).expect("a letter");
    for needle in [
        "Spotify AB\nBirger Jarlsgatan 61\n113 56 Stockholm\nSweden\nBy email: privacy@spotify.com",
        "2 November 2026",
        "Article 15",
        "Article 15(3)",
        "Article 15(1)(g)",
        "Article 12(3)",
        "within one month",
        "I connected Spotify to my Facebook account with Facebook Login on 2011-09-22",
        "still connected on 2026-10-15",
        "between 2022-11-17 and 2026-02-13",
        "apps_and_websites_off_of_facebook/connected_apps_and_websites.json",
        "Public reporting says an arrangement with Facebook let Spotify reach the following",
        "It does not show whether I sent or read Facebook messages from inside Spotify",
        "https://variety.com/",
        "I do not claim that you collected or used my data",
        "[Your name]",
        "[Your postal address]",
        "[Your email]",
        "including Spotify GmbH",
    ] {
        assert!(says(&text, needle), "the letter lacks {needle:?}:\n{text}");
    }
    assert!(!text.contains("you collected my data"));
    assert!(text.lines().all(|l| l.chars().count() <= 78 || !l.trim().contains(' ')), "lines are wrapped");
}

#[test]
fn each_kind_and_law_cites_its_own_articles_and_deadline() {
    let cases: [(LetterKind, Law, Lang, &[&str]); 12] = [
        (LetterKind::Access, Law::Gdpr, Lang::En, &["Article 15", "Article 12(3)", "one month"]),
        (LetterKind::Erasure, Law::Gdpr, Lang::En, &["Article 17", "Article 19", "Article 12(3)", "one month"]),
        (LetterKind::Objection, Law::Gdpr, Lang::En, &["Article 21(2)", "Article 21(1)", "Article 7(3)", "one month"]),
        (LetterKind::Access, Law::Ccpa, Lang::En, &["1798.110", "1798.130(a)(2)", "45 days", "California resident"]),
        (LetterKind::Erasure, Law::Ccpa, Lang::En, &["1798.105", "45 days"]),
        (LetterKind::Objection, Law::Ccpa, Lang::En, &["1798.120", "15 business days"]),
        (LetterKind::Access, Law::Gdpr, Lang::De, &["Art. 15 DSGVO", "Art. 12 Abs. 3 DSGVO", "eines Monats"]),
        (LetterKind::Erasure, Law::Gdpr, Lang::De, &["Art. 17", "Art. 19 DSGVO", "eines Monats"]),
        (LetterKind::Objection, Law::Gdpr, Lang::De, &["Art. 21 Abs. 2", "Art. 21 Abs. 1", "eines Monats"]),
        (LetterKind::Access, Law::Ccpa, Lang::De, &["1798.110", "45 Tagen"]),
        (LetterKind::Erasure, Law::Ccpa, Lang::De, &["1798.105", "45 Tagen"]),
        (LetterKind::Objection, Law::Ccpa, Lang::De, &["1798.120", "15 Werktage"]),
    ];
    for (kind, law, lang, needles) in cases {
        let letter = letter::prepare(&request("Spotify", kind, law, lang)).expect("a letter");
        for needle in needles {
            assert!(says(&letter.text, needle), "{kind:?} {law:?} {lang:?} lacks {needle:?}:\n{}", letter.text);
        }
        assert!(letter.text.contains("privacy@spotify.com"));
        let other_articles = match (kind, law) {
            (LetterKind::Access, Law::Gdpr) => ["1798.", "Article 17(", "Art. 17"],
            (_, Law::Ccpa) => ["Article 15", "Art. 15", "DSGVO)"],
            _ => ["1798.", "1798.", "1798."],
        };
        for wrong in other_articles {
            assert!(!letter.text.contains(wrong), "{kind:?} {law:?} {lang:?} cites {wrong:?}");
        }
        assert_eq!(letter.file_name, format!("request-{}-spotify.txt", kind.as_str()));
    }
}

#[test]
fn the_german_letter_is_in_german_with_the_exports_facts() {
    let text = letter::write(&request("Spotify", LetterKind::Access, Law::Gdpr, Lang::De)).unwrap();
    for needle in [
        "Betreff: Auskunftsersuchen nach Art. 15 DSGVO",
        "Sehr geehrte Damen und Herren,",
        "2. November 2026",
        "Per E-Mail: privacy@spotify.com",
        "Ich habe Spotify am 2011-09-22 über den Facebook-Login mit meinem Facebook-Konto verbunden",
        "Öffentlichen Berichten zufolge konnte Spotify",
        "Mein Export zeigt, dass ich Spotify am 2011-09-22 verbunden habe",
        "Ich behaupte nicht, dass Sie meine Daten auf diesem Weg erhoben oder genutzt haben",
        "[Ihr Name]",
        "Mit freundlichen Grüßen",
    ] {
        assert!(says(&text, needle), "the German letter lacks {needle:?}:\n{text}");
    }
}

#[test]
fn a_letter_about_the_public_record_only_asks_and_claims_nothing() {
    let text = letter::write(&request("Microsoft Bing", LetterKind::Access, Law::Gdpr, Lang::En)).unwrap();
    assert!(says(&text, "My export itself does not show that Microsoft Bing received my data"), "{text}");
    assert!(says(&text, "The sources say it covered Facebook users generally"));
    assert!(says(&text, "My export does not show that this arrangement applied to me"));
    assert!(says(&text, "what, if anything, you received"));
    assert!(says(&text, "[Microsoft Bing's privacy contact"), "no bundled record: the addressee is a placeholder");
    let letter = letter::prepare(&request("Microsoft Bing", LetterKind::Access, Law::Gdpr, Lang::En)).unwrap();
    assert!(letter.to.is_none());
    assert!(letter.notes.iter().any(|n| n.contains("fill in the addressee")));
}

#[test]
fn ambiguous_and_unknown_companies_are_errors_that_say_what_to_do() {
    match letter::prepare(&request("Amazon", LetterKind::Access, Law::Gdpr, Lang::En)) {
        Err(LetterError::Ambiguous { candidates, .. }) => assert_eq!(candidates.len(), 6),
        other => panic!("{other:?}"),
    }
    let mut chosen = request("Amazon", LetterKind::Erasure, Law::Gdpr, Lang::En);
    chosen.record = Some("amazon-gb".into());
    let text = letter::write(&chosen).unwrap();
    assert!(says(&text, "Amazon Europe Core") && says(&text, "Article 17"), "{text}");
    let mut by_country = request("Amazon", LetterKind::Access, Law::Gdpr, Lang::En);
    by_country.options.country = Some("de".into());
    assert!(letter::write(&by_country).unwrap().contains("eu-privacy@amazon.de"));
    assert!(matches!(
        letter::prepare(&request("Nobody Inc", LetterKind::Access, Law::Gdpr, Lang::En)),
        Err(LetterError::UnknownCompany { .. })
    ));
    let mut bad = request("Spotify", LetterKind::Access, Law::Gdpr, Lang::En);
    bad.record = Some("no-such-record".into());
    assert!(matches!(letter::prepare(&bad), Err(LetterError::UnknownRecord(_))));
    assert!("fr".parse::<Lang>().is_err());
    assert_eq!("erasure".parse::<LetterKind>(), Ok(LetterKind::Erasure));
    assert_eq!("CCPA".parse::<Law>(), Ok(Law::Ccpa));
}

#[test]
fn the_sender_is_filled_in_only_when_given_and_never_when_redacted() {
    let mut r = request("Spotify", LetterKind::Access, Law::Gdpr, Lang::En);
    r.sender = Sender {
        name: Some("Ida Example".into()),
        address: Some("1 Sample Road\nSampletown".into()),
        email: Some("ida@example.org".into()),
        account: None,
    };
    let text = letter::write(&r).unwrap();
    assert!(text.starts_with("Ida Example\n1 Sample Road\nSampletown\nida@example.org\n"), "{text}");
    assert!(!text.contains("[Your name]"));
    assert!(!format!("{:?}", r.sender).contains("Ida"), "a debug print carries no name");
    r.redact = true;
    let redacted = letter::write(&r).unwrap();
    assert!(!redacted.contains("Ida Example") && !redacted.contains("Sample Road") && !redacted.contains("ida@"));
    assert!(redacted.starts_with("[Your name]\n[Your postal address]\n[Your email]\n"));
}

/// No letter names a person from the export: not the owner, no friend, no thread title, no message folder.
#[test]
fn a_letter_names_no_person_but_the_addressee() {
    let (map, statements) = demo();
    let (redacted_map, redacted) = datamap::redact::redact_statements(map, statements);
    let mut people: Vec<String> = map.people.iter().map(|p| p.name.clone()).collect();
    people.extend(map.threads.iter().map(|t| t.title.clone()));
    people.push(map.owner.clone().expect("the demo has an owner"));
    // Message folders are named after people ("inbox/priyafenwick_4100…").
    people.extend(map.people.iter().map(|p| datamap::redact::slug(&p.name)).filter(|s| s.len() >= 6));
    people.retain(|p| p.chars().count() >= 4);
    let rows = datamap::exposure::rows(statements);
    for row in rows.iter().filter(|r| r.people.unwrap_or(0) > 0).take(12) {
        for (m, s, redact) in [(map, statements, false), (&redacted_map, &redacted, true)] {
            for lang in Lang::ALL {
                let mut r = LetterRequest::new(m, s, &row.company, LetterKind::Access);
                r.lang = lang;
                r.redact = redact;
                r.record = Some("spotify".into()); // any record: the addressee is not under test
                let text = letter::write(&r).unwrap();
                for person in &people {
                    assert!(!text.contains(person.as_str()), "the letter to {} names {person}", row.company);
                }
            }
        }
    }
}

#[test]
fn ads_and_off_meta_letters_name_what_the_export_lists() {
    let text = letter::write(&request("Wanderly", LetterKind::Objection, Law::Gdpr, Lang::En)).unwrap();
    assert!(says(&text, "uploaded or used a list containing my information (as of 2026-10-15"), "{text}");
    assert!(says(&text, "used my activity on their website, app or store"));
    assert!(says(&text, "sent Meta"));
    assert!(says(&text, "Facebook advertising audiences"), "the objection names what the export shows");
    assert!(says(&text, "[Wanderly's privacy contact"));
    let clicks = letter::write(&request("Kindred Pets", LetterKind::Access, Law::Gdpr, Lang::En)).unwrap();
    assert!(says(&clicks, "I clicked or closed Kindred Pets's ads on Facebook once on 2024-03-11"), "{clicks}");
}

/// What `datamap letter Spotify --demo --kind access --law gdpr` prints, through the command's own function.
#[test]
fn the_letter_command_imports_the_export_and_writes_the_letter() {
    use datamap::actions::cli::{LetterArgs, letter_for};
    let mut args = LetterArgs::new(vec![demo_input()], "spotify", LetterKind::Access);
    args.date = Some("2026-11-02".into());
    let letter = letter_for(&args).expect("a letter");
    assert!(says(&letter.text, "Article 15"));
    assert!(says(&letter.text, "By email: privacy@spotify.com"));
    assert!(says(&letter.text, "on 2011-09-22"));
    assert!(says(&letter.text, "between 2022-11-17 and 2026-02-13"));
    assert_eq!(letter.to.as_ref().map(|c| c.record.as_str()), Some("spotify"));

    args.redact = true;
    args.lang = Lang::De;
    args.country = Some("DE".into());
    args.region = Some("de-be".into());
    let redacted = letter_for(&args).unwrap();
    assert!(
        says(&redacted.text, "für mich Berliner Beauftragte für Datenschutz und Informationsfreiheit"),
        "{}",
        redacted.text
    );
    assert!(!redacted.text.contains("Elin"), "the demo's owner is never named");

    let missing = LetterArgs::new(vec![demo_input()], "No Such Company", LetterKind::Access);
    assert!(letter_for(&missing).unwrap_err().contains("No Such Company"));
}

#[test]
#[ignore = "writes the demo's letters to target/letters for reading"]
fn dump_letters() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/letters");
    std::fs::create_dir_all(&dir).unwrap();
    for company in ["Spotify", "Netflix", "Microsoft Bing", "Wanderly", "Yahoo", "Lyft", "PixelPlay Arcade"] {
        for lang in Lang::ALL {
            for kind in LetterKind::ALL {
                let letter = letter::prepare(&request(company, kind, Law::Gdpr, lang)).unwrap();
                let name = format!("{}-{}", lang.as_str(), letter.file_name);
                std::fs::write(dir.join(name), format!("{}\n---- notes\n{}\n", letter.text, letter.notes.join("\n")))
                    .unwrap();
            }
        }
    }
    let (map, statements) = demo();
    std::fs::write(dir.join("actions.json"), serde_json::to_string_pretty(&actions(map, statements)).unwrap()).unwrap();
}

// ------------------------------------------------------------------------------------------------------
// The details panel's section, headless.
// ------------------------------------------------------------------------------------------------------

fn loaded() -> &'static datamap::pipeline::Loaded {
    static LOADED: OnceLock<datamap::pipeline::Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let cancel = AtomicBool::new(false);
        datamap::pipeline::load(&[demo_input()], &Monitor::silent(&cancel)).expect("the demo loads")
    })
}

mod panel {
    use super::*;
    use datamap::app::actions_view::{ActionsState, actions_ui};
    use egui::accesskit::Role;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    fn harness(company: &'static str, redacted: bool) -> Harness<'static, ActionsState> {
        let mut harness = Harness::builder().with_size([520.0, 1600.0]).build_ui_state(
            move |ui, state: &mut ActionsState| {
                egui::ScrollArea::vertical().show(ui, |ui| actions_ui(ui, state, loaded(), company, redacted));
            },
            ActionsState::default(),
        );
        harness.run_steps(2);
        harness
    }

    #[test]
    fn what_you_can_do_shows_the_contact_steps_and_a_letter_preview() {
        let mut h = harness("Spotify", false);
        h.get_by_label("What you can do");
        h.get_by_label("Privacy contact");
        h.get_by_label("Spotify AB");
        h.get_by_label("privacy@spotify.com");
        h.get_by_label_contains("Settings & privacy > Settings > Apps and websites > Spotify > Remove");
        h.get_by_label_contains("Your activity off Meta technologies");
        h.get_by_label_contains("Choose your country to see which data protection authority");
        h.get_by_label_contains("Nothing is sent from here");
        assert!(h.query_by_label_contains("Preview:").is_none(), "the letter opens on request");

        h.get_by_label("Write a request…").click();
        h.run_steps(2);
        h.get_by_label("Preview: Request for access to my personal data (Article 15 GDPR)");
        h.get_by_label_contains("By email: privacy@spotify.com");
        h.get_by_label("Save as text…");
        h.get_by_role_and_label(Role::TextInput, "Your name");
        h.get_by_label_contains("datamap never saves them");

        h.get_by_role_and_label(Role::RadioButton, "Erasure").click();
        h.run_steps(2);
        h.get_by_label("Preview: Request to erase my personal data (Article 17 GDPR)");
        h.get_by_role_and_label(Role::RadioButton, "Deutsch").click();
        h.run_steps(2);
        h.get_by_label("Preview: Antrag auf Löschung meiner personenbezogenen Daten nach Art. 17 DSGVO");

        h.get_by_label("Copy").click();
        h.step();
        let copied = h.output().platform_output.commands.iter().find_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        });
        assert!(copied.is_some_and(|t| t.contains("Art. 17") && t.contains("privacy@spotify.com")));
        h.get_by_label("Copied the request to the clipboard");
    }

    #[test]
    fn the_country_choice_names_the_authority() {
        let mut h = harness("Spotify", false);
        h.state_mut().country = Some("ie".into());
        h.run_steps(2);
        h.get_by_label_contains("Irish Data Protection Commission");
        h.state_mut().country = Some("de".into());
        h.run_steps(2);
        h.get_by_label_contains("choose your state");
        h.state_mut().region = Some("DE-HH".into());
        h.run_steps(2);
        h.get_by_label_contains("Der Hamburgische Beauftragte für Datenschutz und Informationsfreiheit");
    }

    #[test]
    fn an_ambiguous_contact_is_chosen_by_the_person() {
        let mut h = harness("Amazon", false);
        h.get_by_label("Privacy contact: choose one");
        h.get_by_label_contains("Several privacy contacts in the bundled datarequests.org records fit");
        h.state_mut().record = Some("amazon-fr".into());
        h.run_steps(2);
        h.get_by_label("eu-privacy@amazon.fr");
        h.get_by_label_contains("Ask Amazon Europe Core SARL for a copy of your data");
        assert!(h.query_by_label_contains("Several privacy contacts").is_none(), "the choice is made");
    }

    #[test]
    fn redacted_the_sender_fields_are_not_offered() {
        let mut h = harness("Netflix", true);
        h.get_by_label("Write a request…").click();
        h.run_steps(2);
        assert!(h.query_by_role_and_label(Role::TextInput, "Your name").is_none());
        h.get_by_label_contains("Names are redacted");
        let owner = loaded().map.owner.clone().unwrap();
        assert!(h.query_all_by_label_contains(&owner).next().is_none());
    }

    /// Draws the section with its letter open through the app's CPU rasteriser (the same path `datamap
    /// render` uses, so it needs no GPU) and, with `DATAMAP_WRITE_ACTIONS_PNG=1`, saves it to
    /// target/actions-panel.png for a look.
    #[test]
    fn the_section_renders_headless() {
        use datamap::card::raster::{Textures, paint};
        let ctx = egui::Context::default();
        ctx.set_theme(egui::Theme::Light);
        let size = [440.0_f32, 1500.0];
        let mut state = ActionsState::default();
        state.letter_open = true;
        state.country = Some("de".into());
        state.region = Some("DE-BY".into());
        let mut textures = Textures::default();
        let mut image = None;
        for frame in 0..6 {
            let mut input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size.into())),
                max_texture_side: Some(8192),
                time: Some(frame as f64 / 30.0),
                ..Default::default()
            };
            input.viewports.entry(egui::ViewportId::ROOT).or_default().native_pixels_per_point = Some(1.0);
            let mut full = ctx.run_ui(input, |ui| {
                egui::Frame::central_panel(ui.style())
                    .show(ui, |ui| actions_ui(ui, &mut state, loaded(), "Spotify", false));
            });
            textures.apply(&full.textures_delta);
            if frame == 5 {
                let primitives = ctx.tessellate(full.shapes, full.pixels_per_point);
                let background = ctx.global_style().visuals.panel_fill;
                image = Some(paint(&primitives, &textures, [size[0] as usize, size[1] as usize], 1.0, background));
            }
            textures.free(&mut full.textures_delta);
        }
        let image = image.unwrap();
        let inked = image.pixels.iter().filter(|p| p.r() < 128).count();
        assert!(inked > 5_000, "the section drew text ({inked} dark pixels)");
        if std::env::var_os("DATAMAP_WRITE_ACTIONS_PNG").is_some() {
            let png = datamap::card::png_bytes(&image).unwrap();
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/target/actions-panel.png"), png).unwrap();
        }
    }
}
