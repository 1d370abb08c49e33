#!/usr/bin/env python3
"""Write match-cases.json: export names with the record they must reach (or null), checked against the snapshot.

Each case below was written by hand from the data (docs/contacts-matching.md section 7 explains the kinds); the script runs the
reference matcher on every case and refuses to write the file if any expectation disagrees with it, so the table
is both a statement of intent and true for this snapshot. The Rust implementation is checked against the file.

    python3 tools/make_contact_cases.py     # writes tests/fixtures/contacts-match-cases.json and the table in docs/contacts-matching.md
    python3 tools/contacts_match.py --check tests/fixtures/contacts-match-cases.json

Fields: name (as it could appear in an export), country (the person's country, ISO 3166-1 alpha-2, only where it
matters), expect (a slug of contacts.json, or null: unmatched or ambiguous), why.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import contacts_match as rm

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DOC = REPO / "docs" / "contacts-matching.md"
CASES_FILE = REPO / "tests" / "fixtures" / "contacts-match-cases.json"
ASSET = REPO / "assets" / "contacts.json"

# (name, country, expect, why)
CASES: list[tuple[str, str | None, str | None, str]] = [
    # --- True matches: normalisation ---------------------------------------------------------------------
    ("Spotify", None, "spotify", "the record's name 'Spotify AB' without the legal form AB"),
    ("SPOTIFY AB", None, "spotify", "case does not matter; this is the record's exact full name, legal form included"),
    ("Spotify: Music and Podcasts", None, "spotify", "an app-store subtitle after ': ' is dropped when the whole name does not match"),
    ("spotify.com", None, "spotify", "a bare host is looked up among the records' own domains"),
    ("open.spotify.com", None, "spotify", "a host under a record's domain belongs to it (label boundary, not substring)"),
    ("Airbnb （エアビーアンドビー）", None, "airbnb", "full-width parentheses become ASCII; the parenthesised Japanese is dropped; 'airbnb' is the leading word of 'Airbnb Ireland UC' and the brand of its own site airbnb.com"),
    ("Dropbox for iOS", None, "dropbox", "a trailing platform phrase 'for iOS' is dropped; 'dropbox' leads the record's name and is the brand of its dropbox.com (runs 'Dropbox, Inc.' gives the same key)"),
    ("Apple Inc.", None, "apple", "'Inc.' is a legal form; 'apple' = leading word of 'Apple Distribution International Ltd.' confirmed by apple.com"),
    ("Uber Technologies, Inc.", None, "uber", "the record's exact full name; the comma does not matter"),
    ("Condé Nast", None, "condenast", "accents fold (é -> e) and 'Holdings Limited' is dropped like a legal form, leaving 'conde nast' (also indexed run together as 'condenast', the brand of its condenast.com)"),
    ("Bündnis Sahra Wagenknecht – Vernunft und Gerechtigkeit", None, "bsw-vg", "ü folds to u; the full name is tried before the subtitle split at ' – '; bsw-vg absorbed its duplicate buendnis-sahra-wagenknecht"),
    ("Samsung Electronics GmbH", None, "samsung-electronics-gmbh", "the exact full name, legal form included, of the German record wins before legal forms are stripped (without 'GmbH' it would be the Samsung family's record for all countries)"),
    ("Sovendus AB", None, "sovendus-se", "exact full name of the Swedish record; plain 'Sovendus' goes to the record for all countries"),
    ("Deutsche Bank", None, "deutsche-bank-ag", "'AG' removed; the generator merged the identical record deutsche-bank-privat-geschaeftskunden into this one"),
    # --- True matches: the record's own name and site --------------------------------------------------
    ("Netflix", None, "netflix", "the leading word of 'Netflix International B.V.', confirmed by the record's own domain netflix.com"),
    ("Microsoft", None, "microsoft", "leading word of 'Microsoft Ireland Operations Ltd.' + microsoft.com"),
    ("TripAdvisor", None, "tripadvisor", "'Tripadvisor Ireland Limited' + tripadvisor.com"),
    ("Bumble", None, "bumble", "'Bumble Group' + bumble.com"),
    ("Booking.com", None, "booking-com", "host booking.com is the record's own domain"),
    ("Booking", None, "booking-com", "'Booking.com B.V.' starts with 'booking', confirmed by booking.com; Zoho's runs 'Zoho Bookings / Orchestly' shares a word but is never reached by it"),
    ("Samsung", None, "samsung", "'Samsung Electronics (UK) Limited' + samsung.com; the German Samsung Pay record has no own domain and is not a candidate"),
    ("Huawei", None, "huawei", "'Huawei Technologies Co. Ltd.' + huawei.com"),
    ("Yandex", None, "yandex", "name 'YANDEX LLC'"),
    ("Zalando", None, "zalando", "name 'Zalando SE' (the record is for Germany only; the app says so for other countries)"),
    ("eBay", None, "ebay-de", "name 'eBay GmbH', the only eBay record"),
    ("Google", None, "google", "name 'Google LLC'"),
    ("Nike", None, "nike", "'Nike European Operations Netherlands B.V.' starts with 'nike', the brand of its nike.com"),
    ("Snap Inc.", None, "snapchat", "name 'Snap B.V.' and 'Snap Inc.' both reduce to 'snap'"),
    ("Weekday", None, "weekday-com", "the record named 'Weekday.com' (rank name) beats H&M's runs entry 'Weekday' (rank runs)"),
    ("LinkedIn", None, "linkedin", "LinkedIn's own record ('LinkedIn Ireland Unlimited Company' + linkedin.com) beats Microsoft's runs entry 'LinkedIn'"),
    ("GitHub", None, "github", "name 'GitHub, Inc.' beats Microsoft's runs entry 'GitHub'"),
    ("Sony Music", None, "sony-music-entertainment-germany", "'Sony Music Entertainment Germany' starts with 'sony music', run together the brand of its own sonymusic.de; the record is for Germany only"),
    # --- True matches: runs ----------------------------------------------------------------------------
    ("Tinder", None, "match-group", "runs 'Tinder (tinder.com)' of MTCH Technology Services Ltd."),
    ("tinder.com", None, "match-group", "host named in the same runs entry"),
    ("Hinge", None, "match-group", "runs 'Hinge (hinge.co)'"),
    ("OkCupid", None, "mtch-technology", "runs 'OkCupid' of the other MTCH record"),
    ("Match Group", None, "match-group", "runs 'Match Group, LLC'"),
    ("Badoo", None, "bumble", "runs 'Badoo Trading Limited': 'Trading' is dropped like a legal form"),
    ("Yahoo Mail", None, "verizon-media", "runs 'Yahoo Mail (mail.yahoo.com)'"),
    ("Skype", None, "microsoft", "runs 'Skype (www.skype.com)'"),
    ("YouTube", None, "google", "runs 'YouTube'"),
    ("Google Pay", None, "google", "runs 'Google Pay': a qualified name matches when runs lists it"),
    ("Bitmoji", None, "snapchat", "runs 'Bitmoji'"),
    ("PlayStation", None, "playstation-com", "runs 'PlayStation Network' starts with 'playstation', the brand of the record's own playstation.com"),
    ("Zalando Lounge", None, "zalando", "runs 'Zalando Lounge (www.zalando-lounge.de)'"),
    ("IMDb", None, "amazon-gb", "runs 'IMDb' appears only in Amazon's UK record; the app notes the record is for gb"),
    ("eBay Kleinanzeigen", None, "ebay-kleinanzeigen-gmbh", "former name: runs 'eBay Kleinanzeigen (ehem.)'"),
    ("Kleiderkreisel", None, "vinted-uab-de", "former name: runs 'Kleiderkreisel.de (ehem.)' of Vinted's German record"),
    ("Messenger", None, "facebook", "runs 'Messenger (www.messenger.com)'; unlike partner matching, Meta's products are real records here"),
    # --- Country subsidiaries --------------------------------------------------------------------------
    ("Amazon", None, None, "six Amazon Europe Core SARL records (de, es, fr, gb, it, nl), none for all countries: ambiguous until the person's country is known"),
    ("Amazon", "de", "amazon-de", "the one Amazon record listing de"),
    ("Amazon", "nl", "amazon-nl", "amazon-de and amazon-nl both list nl; the narrower record (nl only) wins"),
    ("amazon.co.uk", None, "amazon-gb", "own domain of the UK record"),
    ("PayPal", None, None, "three PayPal (Europe) records for de, fr and gb, none for all countries"),
    ("PayPal", "gb", "paypal-gb", "the one PayPal record for gb"),
    ("Samsung Electronics", "de", "samsung", "samsung (all) and samsung-electronics-gmbh (de, Samsung Pay) share the email domain samsung.com; the record for all countries is preferred"),
    ("Sky", None, None, "Sky UK, Sky Ireland and Sky Deutschland: no record for all countries"),
    ("Sky", "de", "sky-de", "the others are not for de and are dropped"),
    ("H&M", None, None, "'&' between single letters joins them ('hm'); hm (gb) and hm-mode (de), no record for all countries"),
    ("H&M", "de", "hm-mode", "the H&M record for Germany"),
    ("Match", None, None, "Match.com for gb/ie and Match.com Nordic for dk, fi, no, se"),
    ("Match", "dk", "match-dk", "the Danish Match.com record"),
    ("dk.match.com", None, "match-dk", "the longest listed host wins: dk.match.com over match.com"),
    ("match.com", None, "match-gb", "match.com is the UK record's own host (its name is 'Match.com')"),
    ("Vinted", "de", "vinted-uab-de", "six Vinted UAB records; the German one for a person in Germany"),
    # --- Traps: product qualifiers and partial names ---------------------------------------------------
    ("Apple Music", None, None, "not in any runs list; qualifiers such as 'Music' are never stripped, so it does not fall back to Apple (offered only as a suggestion)"),
    ("Amazon Music", None, None, "no record lists Amazon Music; Amazon's records are a suggestion, not a match"),
    ("Amazon Prime Video", None, None, "same: a product no runs list names"),
    ("Spotify Premium", None, None, "'premium' is not a store word; no runs entry 'Spotify Premium'"),
    ("Samsung Pay", None, None, "the German Samsung Pay record has no runs 'Samsung Pay'; stripping 'Pay' would reach the wrong Samsung entity"),
    ("Yahoo Japan", None, None, "Yahoo EMEA's runs list Yahoo and Yahoo Mail, not Yahoo Japan; no fallback to the brand"),
    ("Which Spotify Playlist Are You?", None, None, "a quiz app containing a brand: no substring matching"),
    ("Kindle", None, None, "Amazon's runs say 'Amazon Kindle' and 'Kindle Direct Publishing'; a word inside a runs entry is not a key"),
    ("Teams", None, None, "Microsoft's runs say 'Microsoft Teams'; the bare word is not a key"),
    ("Bookings", None, None, "Zoho's runs 'Zoho Bookings / Orchestly' and Booking.com share the word; neither is reached"),
    ("Sony", None, None, "no record is named plain Sony: PlayStation, Sony Music Germany and Sony Pictures are separate controllers"),
    # --- Traps: generic words --------------------------------------------------------------------------
    ("Home", None, None, "generic word; Google's runs 'Google Home' must not be reached by it"),
    ("To Do", None, None, "Microsoft's runs list 'To Do'; a key made only of generic words is not indexed"),
    ("Love", None, None, "Condé Nast's runs list the magazine 'Love'; too generic to index"),
    ("HR", None, None, "hr.de (Hessischer Rundfunk) would make 'HR' a key; 'hr' is listed as generic"),
    ("Test", None, None, "test.de is Stiftung Warentest's site but its name does not start with 'test', so the domain gives no name key"),
    ("Bitcoin", None, None, "bitcoin.de's record is named 'futurum bank AG' and lists 'Bitcoin.de' only as a host; 'Bitcoin Suisse AG' gives 'bitcoin suisse': no record has the key 'bitcoin' (the host bitcoin.de does match)"),
    ("Metro", None, None, "METRO Deutschland's site is metroag.de and Metro.co.uk is only a host in the Daily Mail's runs: no record has the name key 'metro'"),
    ("metro.co.uk", None, "dailymail", "the host itself is listed in Associated Newspapers' runs"),
    # --- Traps: brand collisions between records -------------------------------------------------------
    ("Adagio", None, None, "runs of Accor (Adagio aparthotels) and of Onfocus SAS (adagio.io ad tech): unrelated companies, same rank, both for all countries"),
    ("CheapTickets", None, None, "in the runs of both Expedia and Travix"),
    ("ja! mobil", None, None, "in the runs of both congstar and REWE Markt, both for de"),
    ("ja! mobil", "de", None, "both records are for Germany only: the country does not decide"),
    ("USA Today", None, None, "in the runs of two Gannett records (fosters, usatoday) with different contacts"),
    ("Apollo", None, None, "Apollo.io (all countries) and Apollo-Optik (de) share no name, email or site, so the all-countries preference does not apply"),
    ("Apollo", "de", "apollo-optik", "for a person in Germany the one record listing de"),
    ("Wolt", None, None, "two records for all countries on wolt.com ('Wolt Enterprise Oy', 'Wolt Enterprises Oy') with different emails"),
    ("Solaris", None, "solarisbank", "known residual risk: the record named 'Solaris SE' beats GrandVision Spain's runs 'Solaris' (sunglasses); the app shows the other record as 'also listed'"),
    ("Free SAS", None, None, "known miss: the French ISP's record name is made only of a generic word and a legal form, so it is never indexed (likewise 'Home Shopping Europe GmbH', 'Connect GmbH')"),
    # --- Not in the snapshot ---------------------------------------------------------------------------
    ("Cobalt Outfitters", None, None, "no such record; 'Outfitters' alone reaches nothing"),
    ("Lyft", None, None, "no record in the snapshot"),
    ("Yelp", None, None, "no record in the snapshot"),
    ("Pandora", None, None, "no record in the snapshot"),
    ("BlackBerry", None, None, "no record in the snapshot"),
    ("Royal Bank of Canada", None, None, "no record in the snapshot"),
]


START, END = "<!-- cases:start", "<!-- cases:end -->"


def write_table(cases: list[dict]) -> None:
    """Replaces the table between the markers in docs/contacts-matching.md, so the document and the JSON cannot drift."""
    path = DOC
    doc = path.read_text(encoding="utf-8")
    head, rest = doc.split(START, 1)
    marker_line, _, tail = rest.partition("\n")
    _, _, after = tail.partition(END)
    rows = ["| # | export name | country | expect | why |", "|---|---|---|---|---|"]
    for i, c in enumerate(cases, 1):
        cell = lambda t: t.replace("|", "\\|")  # noqa: E731
        expect = f"`{c['expect']}`" if c["expect"] else "**null**"
        rows.append(f"| {i} | `{cell(c['name'])}` | {c.get('country', '')} | {expect} | {cell(c['why'])} |")
    path.write_text(head + START + marker_line + "\n" + "\n".join(rows) + "\n" + END + after, encoding="utf-8")


def main() -> int:
    index = rm.load(ASSET)
    out, bad = [], []
    for name, country, expect, why in CASES:
        result = rm.match(index, name, country)
        if result.slug != expect:
            bad.append(f"{name!r} ({country}): expected {expect}, matcher says {result.explain()}")
        if expect is not None and expect not in index.records:
            bad.append(f"{name!r}: {expect} is not a slug in contacts.json")
        case = {"name": name}
        if country:
            case["country"] = country
        case.update({"expect": expect, "why": why})
        out.append(case)
    if bad:
        raise SystemExit("refusing to write match-cases.json:\n  " + "\n  ".join(bad))
    text = "[\n" + ",\n".join(json.dumps(c, ensure_ascii=False) for c in out) + "\n]\n"
    CASES_FILE.write_text(text, encoding="utf-8")
    write_table(out)
    matched = sum(1 for c in out if c["expect"])
    print(f"wrote match-cases.json: {len(out)} cases ({matched} matches, {len(out) - matched} unmatched or ambiguous)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
