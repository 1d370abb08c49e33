#!/usr/bin/env python3
"""Build assets/contacts.json, the privacy contacts datamap ships, from a datenanfragen/data snapshot.

Why a generator instead of copying the snapshot: the snapshot (shared/research/datenanfragen) is the CC0 company
database behind datarequests.org, one JSON file per organisation, 13 MB with fields the app has no use for
(PGP keys, paths to that project's letter templates, search facets). The app needs one small file in a fixed
shape: who to write to, how, what a request must contain, and enough names and web domains to recognise a
company from an export. Keeping the mapping here means a new snapshot is one re-run, and every judgement call
(a typo repaired, two records folded into one, a template path turned into a request kind, which German
authority covers what) is written down next to its reason.

Usage (stdlib only, Python 3.11):
    python3 tools/build_contacts.py                  # write assets/contacts.json
    python3 tools/build_contacts.py --check          # exit 1 if the committed file is out of date
    python3 tools/build_contacts.py --snapshot PATH --out PATH

The script refuses to write anything if a record breaks the snapshot's own schema (missing name or address, an
unknown field, a malformed email, phone or URL, an unknown country or category), if two files claim one slug,
or if a repair in FIXES no longer applies: a contact file that silently carries a broken address is how a
letter ends up at the wrong company or nowhere. The templates/ folder is never read; its letters are the other
project's wording and datamap writes its own.

Output: one JSON document, one record per line so that a snapshot update reads as a line diff. Field meanings
are in the docstrings of company_record() and authority_record() below.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SNAPSHOT = REPO.parent / "shared" / "research" / "datenanfragen"
DEFAULT_OUT = REPO / "assets" / "contacts.json"

# The snapshot this asset is generated from. The README in the snapshot folder states the commit and date; the
# build refuses a snapshot whose README names another commit, so the provenance written into the asset cannot
# drift from the data in it.
SNAPSHOT = {
    "repository": "datenanfragen/data",
    "commit": "0a29c3d6feee53b02e73204a3dbd312eafe56629",
    "date": "2026-07-21",
    "licence": "CC0-1.0",
    "url": "https://github.com/datenanfragen/data",
    # Where the full record behind an entry can be read: {kind} is "companies" or "supervisory-authorities".
    # Upstream stores one record without the .json ending (see EXTENSIONLESS), so the link is only exact for
    # the others; the page link is the human-facing one.
    "record_url": "https://github.com/datenanfragen/data/blob/0a29c3d6feee53b02e73204a3dbd312eafe56629/{kind}/{slug}.json",
    "page_url": "https://www.datarequests.org/company/{slug}",
}

# ---------------------------------------------------------------------------------------------------------
# Vocabularies, copied from the snapshot's schema.json. The build also reads the schema and stops if it
# disagrees with these, so a schema change upstream is noticed instead of half-followed.
# ---------------------------------------------------------------------------------------------------------

COUNTRIES = {
    "all", "at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie", "it", "lv", "lt",
    "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se", "gb", "no", "is", "li", "ch",
}
CATEGORIES = {
    "addresses", "ads", "church", "collection agency", "commerce", "credit agency", "entertainment", "finance",
    "health", "insurance", "nonprofit", "political party", "public body", "school", "social media",
    "telecommunication", "travel", "utility",
}
ELEMENT_TYPES = {"input", "textarea", "email", "address", "name", "birthdate"}
COMPANY_TRANSPORTS = {"fax", "letter", "email", "webform"}
AUTHORITY_TRANSPORTS = {"fax", "letter", "email"}
QUALITIES = {"tested", "verified", "imported", "scraped"}

COMPANY_FIELDS = {
    "slug", "relevant-countries", "categories", "name", "runs", "address", "phone", "fax", "email", "webform",
    "pgp-fingerprint", "pgp-url", "web", "sources", "required-elements", "request-language",
    "custom-access-template", "custom-erasure-template", "custom-rectification-template",
    "custom-objection-template", "needs-id-document", "suggested-transport-medium", "comments", "quality",
    "facet-group", "nsfw",
}
COMPANY_REQUIRED = {"slug", "relevant-countries", "name", "address", "sources", "quality"}
AUTHORITY_FIELDS = {
    "slug", "relevant-countries", "name", "address", "phone", "fax", "email", "webform", "pgp-fingerprint",
    "pgp-url", "web", "sources", "complaint-language", "suggested-transport-medium", "comments",
}
AUTHORITY_REQUIRED = {"slug", "relevant-countries", "name", "address", "sources"}

SLUG_RE = re.compile(r"^[a-z0-9-]+$")
NAME_RE = re.compile(r"^\S.*\S$", re.S)
COMPANY_PHONE_RE = re.compile(r"^\+\d+ \d+ (?:\d+ )*\d+(?: ext\. \d+)?$")
AUTHORITY_PHONE_RE = re.compile(r"^\+\d+ \d+ [\d ]+$")
LANG_RE = re.compile(r"^[a-z]{2}$")

# ---------------------------------------------------------------------------------------------------------
# Judgement calls about the data.
# ---------------------------------------------------------------------------------------------------------

# Repairs of values that are plainly broken in the snapshot. Each names the exact bad value; if upstream fixes
# or changes it, the build stops so the entry is removed rather than left to rot.
FIXES: dict[tuple[str, str], tuple[str, str, str]] = {
    ("asos-shop", "web"): (
        "httsp://www.asos.com",
        "https://www.asos.com",
        "scheme typo; the record's sources are on https://www.asos.com",
    ),
    ("vrbank-muenchen-land", "email"): (
        "daten\u00adschut\u00adz@vrbml.de",
        "datenschutz@vrbml.de",
        "two invisible soft hyphens (U+00AD) copied from a web page; a mail client would send to a different "
        "address",
    ),
}

# Upstream keeps one company file without the .json ending (companies/mdm-de). Its content is a valid record
# whose slug matches the file name, so it is read; any other file without the ending stops the build.
EXTENSIONLESS = {"mdm-de"}

# custom-access-template -> request_kind. The templates themselves are not used (datamap writes its own
# letters); the template a record points to says what kind of request the organisation needs, which the app
# must know. Records without a custom template are ordinary GDPR requests and carry no request_kind.
REQUEST_KINDS = {
    # Ad-tech and tracking companies: the letter must ask about data tied to cookie and device identifiers,
    # since the company has no name or email for the person.
    "access-tracking": "tracking",
    # Protestant church bodies in Germany answer under the church's own data-protection law (DSG-EKD), not the
    # GDPR directly, so the letter must cite that law.
    "access-evangelische-kirche": "church_dsg_ekd",
    # Catholic bodies in Germany: the Catholic church law (KDG).
    "access-katholische-kirche": "church_kdg",
    # German public bodies whose requests follow a special statute or a known incident; the app should point
    # to the organisation's page rather than write a generic letter.
    "access-bundesjustizamt": "special",
    "access-bundespolizei": "special",
    "access-lka-nds": "special",
    "access-drk-brandenburg-datenleck": "special",
}
# The other custom templates only ever accompany the access template of the same family; the build checks so.
TEMPLATE_FAMILIES = {
    "church_dsg_ekd": {"erasure-evangelische-kirche", "rectification-evangelische-kirche"},
    "church_kdg": {"erasure-katholische-kirche", "rectification-katholische-kirche", "objection-katholische-kirche"},
}

# Who each German supervisory authority is for. Germany is the one country in the snapshot with more than one
# authority (26): one per state (Bavaria has two, split by sector), a federal one, church authorities and
# broadcasting ones. The snapshot does not say this in a field; the table is datamap's reading of the
# authorities' names and comments. Every other country has exactly one authority, marked "national"; the
# build stops if that changes or if a German authority is missing here.
DE_JURISDICTION: dict[str, dict[str, str]] = {
    "debfdi": {"scope": "federal"},
    "debawueldb": {"scope": "state", "region": "DE-BW"},
    "debaylda": {"scope": "state", "region": "DE-BY", "sector": "private"},
    "debayldb": {"scope": "state", "region": "DE-BY", "sector": "public"},
    "deberlbdi": {"scope": "state", "region": "DE-BE"},
    "debralda": {"scope": "state", "region": "DE-BB"},
    "debrelfdi": {"scope": "state", "region": "DE-HB"},
    "dehmbbfdi": {"scope": "state", "region": "DE-HH"},
    "dehessbdi": {"scope": "state", "region": "DE-HE"},
    "demvldi": {"scope": "state", "region": "DE-MV"},
    "dendslfd": {"scope": "state", "region": "DE-NI"},
    "denrwldi": {"scope": "state", "region": "DE-NW"},
    "derlpbdi": {"scope": "state", "region": "DE-RP"},
    "desaarudz": {"scope": "state", "region": "DE-SL"},
    "desaechsdsb": {"scope": "state", "region": "DE-SN"},
    "desalbd": {"scope": "state", "region": "DE-ST"},
    "deshuld": {"scope": "state", "region": "DE-SH"},
    "detlfdi": {"scope": "state", "region": "DE-TH"},
    "deekdbfd": {"scope": "church", "church": "protestant"},
    "dekathbayddsb": {"scope": "church", "church": "catholic"},
    "dekathdsz": {"scope": "church", "church": "catholic"},
    "dekathffdsz": {"scope": "church", "church": "catholic"},
    "dekathnordddsb": {"scope": "church", "church": "catholic"},
    "dekathostddsb": {"scope": "church", "church": "catholic"},
    "derf": {"scope": "broadcasting"},
    "derfdw": {"scope": "broadcasting"},
}

# Each record keeps one source, as `source`: the first page where the contact was published (usually the
# company's own privacy policy or imprint). Sources pointing at the datenanfragen repository itself (pull requests,
# issues) record who edited the entry, not where the contact came from; one is used only for a record that has no
# other source. The record's full source list is one click away through snapshot.record_url. (Keeping the first
# two sources would add about 0.1 MB, every source about 0.2 MB, to an asset meant to stay near 1.5 MB.)
PROJECT_SOURCE = re.compile(r"^https://github\.com/datenanfragen/")

# Web paths that still mean "this site is the organisation's own": the root, or up to two locale segments and an
# index page ("/de/", "/en-US/", "/de/de/", "/en_gb/index.html"). A deeper path ("https://www.otto.de/mytoys/",
# "https://eyeo.com/privacy", "https://www.gov.uk/government/organisations/...") means the record is a section
# of someone else's site, so its host is not claimed as the record's domain.
LOCALE = r"[a-z]{2}(?:[-_][a-z]{2,4})?"
OWN_SITE_PATH = re.compile(
    rf"^(?:/(?:{LOCALE}))?(?:/(?:{LOCALE}))?/?(?:index\.html?|index\.php|home\.html|home|start|startseite|portal)?$",
    re.I,
)

# Second-level labels under two-letter country endings ("co.uk", "com.au"): "www.amazon.co.uk" belongs to
# amazon.co.uk, and a host that is only such a suffix ("gov.uk") is nobody's domain. Same list as the app's
# partner matching (src/catalog/matching.rs).
SECOND_LEVEL_LABELS = {"co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob"}

# Endings accepted when a `runs` entry is a bare host ("amazon.de", "Tinder (tinder.com)"): any two-letter country
# ending, or one of these. Without a list, product names with a dot ("Booking.basic", "bahn.bonus",
# "SINGLES.SANGRIO", "Energie.Manufaktur") would become domains. A web address is always a host, whatever its ending.
GENERIC_TLDS = {
    "com", "net", "org", "info", "biz", "eu", "io", "ai", "app", "dev", "tv", "fm", "gg", "cc", "me", "co",
    "online", "shop", "store", "cloud", "team", "singles", "land", "lol", "xyz", "site",
    "email", "travel", "money", "bank", "insurance", "berlin", "hamburg", "koeln", "bayern", "nrw", "wien",
}
HOST_RE = re.compile(r"(?<![\w.@-])(?:https?://)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=[/\s,;)]|$)")


class Problems:
    """Collects every problem in the snapshot so one run lists them all, then refuses to write."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def stop_if_any(self) -> None:
        if self.items:
            listing = "\n  ".join(self.items)
            raise SystemExit(f"refusing to write: {len(self.items)} problem(s) in the snapshot\n  {listing}")


# ---------------------------------------------------------------------------------------------------------
# Reading.
# ---------------------------------------------------------------------------------------------------------


def no_duplicate_keys(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def read_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicate_keys)


def read_folder(folder: Path, problems: Problems, allow_extensionless: set[str]) -> dict[str, dict]:
    """slug -> raw record, from every file in the folder; the slug is the file name without .json."""
    records: dict[str, dict] = {}
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder")
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".json"):
            slug = path.name[: -len(".json")]
        elif path.name in allow_extensionless:
            slug = path.name
        else:
            problems.add(str(path), "not a .json file and not listed in EXTENSIONLESS")
            continue
        try:
            data = read_json(path)
        except (ValueError, UnicodeDecodeError) as err:
            problems.add(str(path), f"unreadable JSON ({err})")
            continue
        if not isinstance(data, dict):
            problems.add(str(path), "not a JSON object")
            continue
        if slug in records:
            problems.add(str(path), f"a second file for slug {slug!r}")
            continue
        records[slug] = data
    return records


def check_schema(snapshot: Path) -> None:
    """Stops if the snapshot's schema lists different fields or vocabularies from the ones this script knows."""
    company = read_json(snapshot / "schema.json")["properties"]
    authority = read_json(snapshot / "schema-supervisory-authorities.json")["properties"]
    checks = [
        ("company fields", set(company), COMPANY_FIELDS),
        ("authority fields", set(authority), AUTHORITY_FIELDS),
        ("countries", set(company["relevant-countries"]["items"]["enum"]), COUNTRIES),
        ("categories", set(company["categories"]["items"]["enum"]), CATEGORIES),
        ("element types", set(company["required-elements"]["items"]["properties"]["type"]["enum"]), ELEMENT_TYPES),
        ("company transports", set(company["suggested-transport-medium"]["enum"]), COMPANY_TRANSPORTS),
        ("authority transports", set(authority["suggested-transport-medium"]["enum"]), AUTHORITY_TRANSPORTS),
        ("qualities", set(company["quality"]["enum"]), QUALITIES),
    ]
    for what, theirs, ours in checks:
        if theirs != ours:
            raise SystemExit(
                f"schema.json {what} differ from this script's: new {sorted(theirs - ours)}, gone {sorted(ours - theirs)}"
            )


def check_readme(snapshot: Path) -> None:
    readme = snapshot / "README.md"
    if not readme.exists() or SNAPSHOT["commit"] not in readme.read_text(encoding="utf-8"):
        raise SystemExit(f"{readme} does not name commit {SNAPSHOT['commit']}; update SNAPSHOT for a new snapshot")


# ---------------------------------------------------------------------------------------------------------
# Field checks. Each returns the cleaned value or records a problem and returns None.
# ---------------------------------------------------------------------------------------------------------

INVISIBLE = re.compile(r"[\u0000-\u001f\u007f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")
EMAIL_LOCAL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")


def check_text(value: object, where: str, what: str, problems: Problems, multiline: bool = False) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.add(where, f"{what} is missing or not text")
        return None
    bad = INVISIBLE.sub("", value.replace("\n", "")) if multiline else INVISIBLE.sub("", value)
    if bad != (value.replace("\n", "") if multiline else value):
        problems.add(where, f"{what} contains control or invisible characters: {value!r}")
        return None
    if value != value.strip():
        problems.add(where, f"{what} has leading or trailing white space: {value!r}")
        return None
    return value


def domain_labels_ok(domain: str) -> bool:
    labels = domain.split(".")
    if len(labels) < 2:
        return False
    for label in labels:
        if not 1 <= len(label) <= 63 or label.startswith("-") or label.endswith("-"):
            return False
        if not all(c.isalnum() or c == "-" for c in label):
            return False
    tld = labels[-1]
    return len(tld) >= 2 and (tld.isalpha() or tld.startswith("xn--"))


def check_email(value: object, where: str, problems: Problems) -> str | None:
    text = check_text(value, where, "email", problems)
    if text is None:
        return None
    local, at, domain = text.rpartition("@")
    if not at or not local or len(local) > 64 or not EMAIL_LOCAL.match(local) or not domain_labels_ok(domain):
        problems.add(where, f"malformed email {text!r}")
        return None
    return text


def check_url(value: object, where: str, what: str, problems: Problems) -> str | None:
    text = check_text(value, where, what, problems)
    if text is None:
        return None
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        problems.add(where, f"{what} is not an http(s) URL: {text!r}")
        return None
    return text


def check_phone(value: object, where: str, what: str, pattern: re.Pattern, problems: Problems) -> str | None:
    text = check_text(value, where, what, problems)
    if text is not None and not pattern.match(text):
        problems.add(where, f"{what} is not in international format: {text!r}")
        return None
    return text


def check_string_list(
    value: object, where: str, what: str, problems: Problems, multiline: bool = False
) -> list[str] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.add(where, f"{what} is not a list of strings")
        return None
    out: list[str] = []
    for item in value:
        text = check_text(item, where, f"{what} entry", problems, multiline)
        if text is not None and text not in out:  # dedupe, keeping the first occurrence
            out.append(text)
    return out


def check_countries(value: object, where: str, problems: Problems, closed: bool) -> list[str] | None:
    countries = check_string_list(value, where, "relevant-countries", problems)
    if countries is None:
        return None
    if not countries:
        problems.add(where, "relevant-countries is empty")
        return None
    for c in countries:
        if (closed and c not in COUNTRIES) or not re.match(r"^([a-z]{2}|all)$", c):
            problems.add(where, f"unknown country {c!r}")
            return None
    if "all" in countries and len(countries) > 1:
        problems.add(where, f"'all' mixed with countries: {countries}")
        return None
    return countries


def pick_source(sources: list[str]) -> str:
    own = [s for s in sources if not PROJECT_SOURCE.match(s)]
    return (own or sources)[0]


# ---------------------------------------------------------------------------------------------------------
# Domains.
# ---------------------------------------------------------------------------------------------------------


def clean_host(host: str) -> str | None:
    """Lowercased host without "www." / "www2." and without a trailing dot; None if it is only a public suffix."""
    host = host.lower().rstrip(".")
    host = re.sub(r"^www\d*\.", "", host)
    labels = host.split(".")
    if len(labels) < 2 or not domain_labels_ok(host):
        return None
    if len(labels) == 2 and len(labels[1]) == 2 and labels[0] in SECOND_LEVEL_LABELS:
        return None  # "gov.uk", "co.uk": a suffix shared by unrelated organisations
    return host


def web_domain(web: str) -> str | None:
    parts = urlsplit(web)
    if not OWN_SITE_PATH.match(parts.path or "/") or parts.query:
        return None
    return clean_host(parts.hostname or "")


def runs_domains(entry: str) -> list[str]:
    """Hosts named in a runs entry: the whole entry ("amazon.de", "https://anycoindirect.eu/", also with a note in
    parentheses: "Kleiderkreisel.de (ehem.)") or inside parentheses ("Tinder (tinder.com)", "ADAC Internetportal
    (www.adac.de, m.adac.de)")."""
    text = entry.strip().lower()
    candidates: list[str] = []
    bare = " ".join(re.sub(r"\([^()]*\)", " ", text).split())  # "kleiderkreisel.de (ehem.)" -> "kleiderkreisel.de"
    for whole in (re.fullmatch(r"(?:https?://)?([^\s/()]+)/?", t) for t in dict.fromkeys([text, bare])):
        if whole:
            candidates.append(whole.group(1))
    for inner in re.findall(r"\(([^()]*)\)", text):
        candidates.extend(m.group(1) for m in HOST_RE.finditer(inner))
    out = []
    for c in candidates:
        host = clean_host(c)
        if host is None:
            continue
        tld = host.rsplit(".", 1)[1]
        if len(tld) == 2 or tld in GENERIC_TLDS:
            out.append(host)
    return out


# ---------------------------------------------------------------------------------------------------------
# Records.
# ---------------------------------------------------------------------------------------------------------


def apply_fixes(records: dict[str, dict], used: set) -> None:
    """Applies each FIXES entry whose bad value is present and records it in `used`; build() reports the rest."""
    for (slug, field), (bad, good, _why) in FIXES.items():
        record = records.get(slug)
        if record is None or field not in record:
            continue
        if record[field] == bad:
            record[field] = good
            used.add((slug, field))


def company_record(slug: str, raw: dict, problems: Problems) -> dict | None:
    """One company in the asset. Keys, in order (optional ones only when present):

    slug, name, runs?, web?, domains?, runs_domains?, email?, webform?, phone?, fax?, address, countries, categories?,
    required_elements?, transport, request_language?, needs_id_document?, request_kind?, nsfw?, quality, source,
    comments?, also?

    - runs: the snapshot's list of brands, services and subsidiaries the company is responsible for, verbatim
      (duplicates removed). Entries may carry "(ehem.)" / "(formerly)" for former names; docs/contacts-matching.md says how the
      app reads them.
    - domains: the company's own hosts, lowercase, without "www.": the host of `web` (unless `web` is a page deep
      inside someone else's site, see OWN_SITE_PATH) and the name itself when the name is a host ("Match.com").
    - runs_domains: hosts named in runs entries ("Tinder (tinder.com)", "amazon.at"), same form.
    - transport: the snapshot's suggested-transport-medium, or its documented default ("email" when there is an
      email, else "letter").
    - required_elements: what a request must contain, with the schema defaults written out (type "input",
      optional false).
    - request_kind: absent for an ordinary GDPR request; "tracking", "church_dsg_ekd", "church_kdg" or "special"
      (see REQUEST_KINDS).
    - nsfw: true for adult and gambling services. Kept so the app never lists such a company unprompted, e.g. as
      a suggestion for a name that did not match; a matched name is the person's own data and is shown.
    Dropped: pgp-*, facet-group (a search facet of the web site), the template paths (turned into request_kind).
    """
    where = f"companies/{slug}"
    unknown = set(raw) - COMPANY_FIELDS
    missing = COMPANY_REQUIRED - set(raw)
    if unknown:
        problems.add(where, f"unknown fields {sorted(unknown)}")
    if missing:
        problems.add(where, f"missing fields {sorted(missing)}")
        return None
    if raw["slug"] != slug or not SLUG_RE.match(slug):
        problems.add(where, f"slug {raw['slug']!r} does not match the file name")
    name = check_text(raw["name"], where, "name", problems)
    if name is not None and not NAME_RE.match(name):
        problems.add(where, f"name {name!r} does not match the schema")
    address = check_text(raw["address"], where, "address", problems, multiline=True)
    if address is not None and (address.count("\n") < 1 or any(not line.strip() for line in address.split("\n"))):
        problems.add(where, f"address needs at least two non-empty lines: {address!r}")
    countries = check_countries(raw["relevant-countries"], where, problems, closed=True)
    out: dict = {"slug": slug, "name": name}

    runs = check_string_list(raw.get("runs", []), where, "runs", problems) or []
    if runs:
        out["runs"] = runs

    # Own hosts (the website, or the name when the name is a host such as "Match.com") and hosts the record
    # claims through runs are kept apart: the app trusts a record's own site more than a brand it lists.
    own: list[str] = []
    if "web" in raw:
        web = check_url(raw["web"], where, "web", problems)
        if web is not None:
            out["web"] = web
            host = web_domain(web)
            if host:
                own.append(host)
    for host in runs_domains(name or ""):
        if host not in own:
            own.append(host)
    claimed: list[str] = []
    for entry in runs:
        for host in runs_domains(entry):
            if host not in own and host not in claimed:
                claimed.append(host)
    # A host under another listed host ("mail.yahoo.com" beside "yahoo.com") adds nothing: matching already
    # accepts any host under a listed one.
    every = own + claimed
    own = [d for d in own if not any(d.endswith("." + other) for other in every)]
    claimed = [d for d in claimed if not any(d.endswith("." + other) for other in every)]
    if own:
        out["domains"] = own
    if claimed:
        out["runs_domains"] = claimed

    if "email" in raw:
        email = check_email(raw["email"], where, problems)
        if email is not None:
            out["email"] = email
    if "webform" in raw:
        webform = check_url(raw["webform"], where, "webform", problems)
        if webform is not None:
            out["webform"] = webform
    for field in ("phone", "fax"):
        if field in raw:
            value = check_phone(raw[field], where, field, COMPANY_PHONE_RE, problems)
            if value is not None:
                out[field] = value
    out["address"] = address
    out["countries"] = countries

    categories = check_string_list(raw.get("categories", []), where, "categories", problems) or []
    for c in categories:
        if c not in CATEGORIES:
            problems.add(where, f"unknown category {c!r}")
    if categories:
        out["categories"] = categories

    elements = raw.get("required-elements", [])
    if not isinstance(elements, list):
        problems.add(where, "required-elements is not a list")
        elements = []
    cleaned = []
    for element in elements:
        if not isinstance(element, dict) or set(element) - {"desc", "type", "optional"} or "desc" not in element:
            problems.add(where, f"malformed required element {element!r}")
            continue
        desc = check_text(element["desc"], where, "required element desc", problems)
        etype = element.get("type", "input")
        optional = element.get("optional", False)
        if etype not in ELEMENT_TYPES or not isinstance(optional, bool):
            problems.add(where, f"malformed required element {element!r}")
            continue
        item = {"desc": desc, "type": etype, "optional": optional}
        if item not in cleaned:
            cleaned.append(item)
    if cleaned:
        out["required_elements"] = cleaned

    transport = raw.get("suggested-transport-medium", "email" if "email" in out else "letter")
    if transport not in COMPANY_TRANSPORTS:
        problems.add(where, f"unknown transport {transport!r}")
    elif transport not in ("letter",) and transport not in out:
        problems.add(where, f"suggested transport {transport!r} but no {transport} given")
    out["transport"] = transport

    if "request-language" in raw:
        if not isinstance(raw["request-language"], str) or not LANG_RE.match(raw["request-language"]):
            problems.add(where, f"bad request-language {raw['request-language']!r}")
        else:
            out["request_language"] = raw["request-language"]
    if "needs-id-document" in raw:
        if not isinstance(raw["needs-id-document"], bool):
            problems.add(where, "needs-id-document is not a boolean")
        elif raw["needs-id-document"]:
            out["needs_id_document"] = True

    access = raw.get("custom-access-template")
    others = {raw[k] for k in ("custom-erasure-template", "custom-rectification-template", "custom-objection-template") if k in raw}
    if access is not None:
        kind = REQUEST_KINDS.get(access)
        if kind is None:
            problems.add(where, f"custom-access-template {access!r} is not in REQUEST_KINDS")
        else:
            if others - TEMPLATE_FAMILIES.get(kind, set()):
                problems.add(where, f"templates {sorted(others)} do not belong to request kind {kind!r}")
            out["request_kind"] = kind
    elif others:
        problems.add(where, f"custom templates {sorted(others)} without a custom access template")

    if "nsfw" in raw:
        if raw["nsfw"] is not True:
            problems.add(where, f"nsfw must be true when present, is {raw['nsfw']!r}")
        else:
            out["nsfw"] = True

    if raw["quality"] not in QUALITIES:
        problems.add(where, f"unknown quality {raw['quality']!r}")
    out["quality"] = raw["quality"]

    sources = check_string_list(raw["sources"], where, "sources", problems) or []
    for s in sources:
        check_url(s, where, "source", problems)
    if not sources:
        problems.add(where, "no sources")
        return None
    out["source"] = pick_source(sources)

    if "comments" in raw:
        comments = check_string_list(raw["comments"], where, "comments", problems, multiline=True)
        if comments:
            out["comments"] = comments
    return out


def authority_record(slug: str, raw: dict, problems: Problems) -> dict | None:
    """One supervisory authority. Keys (optional ones only when present):

    slug, name, country, jurisdiction, address, email?, webform? (the complaint form), web?, phone?, fax?,
    complaint_language?, transport?, comments?, source

    - country: the one country the authority is for (every authority in the snapshot has exactly one).
    - jurisdiction: {"scope": "national"} everywhere but Germany; see DE_JURISDICTION.
    - transport: only when the snapshot suggests one; its default is a chain (fax, then letter, then email) the
      app applies itself.
    """
    where = f"supervisory-authorities/{slug}"
    unknown = set(raw) - AUTHORITY_FIELDS
    missing = AUTHORITY_REQUIRED - set(raw)
    if unknown:
        problems.add(where, f"unknown fields {sorted(unknown)}")
    if missing:
        problems.add(where, f"missing fields {sorted(missing)}")
        return None
    if raw["slug"] != slug or not SLUG_RE.match(slug):
        problems.add(where, f"slug {raw['slug']!r} does not match the file name")
    name = check_text(raw["name"], where, "name", problems)
    address = check_text(raw["address"], where, "address", problems, multiline=True)
    countries = check_countries(raw["relevant-countries"], where, problems, closed=False) or []
    if len(countries) != 1 or countries[0] == "all":
        problems.add(where, f"expected exactly one country, got {countries}")
        return None
    out: dict = {"slug": slug, "name": name, "country": countries[0]}
    if countries[0] == "de":
        if slug not in DE_JURISDICTION:
            problems.add(where, "German authority missing from DE_JURISDICTION")
        out["jurisdiction"] = DE_JURISDICTION.get(slug, {})
    else:
        out["jurisdiction"] = {"scope": "national"}
    out["address"] = address
    if "email" in raw:
        email = check_email(raw["email"], where, problems)
        if email is not None:
            out["email"] = email
    for field in ("webform", "web"):
        if field in raw:
            value = check_url(raw[field], where, field, problems)
            if value is not None:
                out[field] = value
    for field in ("phone", "fax"):
        if field in raw:
            value = check_phone(raw[field], where, field, AUTHORITY_PHONE_RE, problems)
            if value is not None:
                out[field] = value
    if "complaint-language" in raw:
        if not isinstance(raw["complaint-language"], str) or not LANG_RE.match(raw["complaint-language"]):
            problems.add(where, f"bad complaint-language {raw['complaint-language']!r}")
        else:
            out["complaint_language"] = raw["complaint-language"]
    if "suggested-transport-medium" in raw:
        transport = raw["suggested-transport-medium"]
        if transport not in AUTHORITY_TRANSPORTS:
            problems.add(where, f"unknown transport {transport!r}")
        elif transport != "letter" and transport not in out:
            problems.add(where, f"suggested transport {transport!r} but no {transport} given")
        out["transport"] = transport
    if not any(k in out for k in ("email", "webform", "fax")) and not address:
        problems.add(where, "no way to reach the authority")
    if "comments" in raw:
        comments = check_string_list(raw["comments"], where, "comments", problems, multiline=True)
        if comments:
            out["comments"] = comments
    sources = check_string_list(raw["sources"], where, "sources", problems) or []
    for s in sources:
        check_url(s, where, "source", problems)
    if not sources:
        problems.add(where, "no sources")
        return None
    out["source"] = pick_source(sources)
    return out


# ---------------------------------------------------------------------------------------------------------
# Deduplication.
# ---------------------------------------------------------------------------------------------------------

# Fields that may differ between two files that describe the same contact: the slug, where the editor found it,
# and the exact spelling of the web address (a trailing slash). Everything the app uses to write or match
# (name, runs, email, address, countries, request details) must be identical.
DUPLICATE_IGNORES = {"slug", "source", "web"}


def dedupe(companies: list[dict]) -> tuple[list[dict], list[tuple[str, list[str]]]]:
    """Folds records that are the same contact into the one with the smallest slug. The survivor lists the others
    in `also`, so a link to either slug still resolves; it keeps its own source."""
    groups: dict[str, list[dict]] = {}
    for record in companies:
        key = json.dumps({k: v for k, v in record.items() if k not in DUPLICATE_IGNORES}, sort_keys=True, ensure_ascii=False)
        groups.setdefault(key, []).append(record)
    out, merged = [], []
    for group in groups.values():
        group.sort(key=lambda r: r["slug"])
        keep = group[0]
        if len(group) > 1:
            others = [r["slug"] for r in group[1:]]
            keep["also"] = others
            merged.append((keep["slug"], others))
        out.append(keep)
    out.sort(key=lambda r: r["slug"])
    return out, merged


# ---------------------------------------------------------------------------------------------------------


def build(snapshot: Path) -> tuple[dict, dict]:
    check_readme(snapshot)
    check_schema(snapshot)
    problems = Problems()
    raw_companies = read_folder(snapshot / "companies", problems, EXTENSIONLESS)
    raw_authorities = read_folder(snapshot / "supervisory-authorities", problems, set())
    used: set = set()
    apply_fixes(raw_companies, used)
    for key in FIXES:
        if key not in used:
            problems.add(f"FIXES[{key}]", "the bad value is no longer in the snapshot; remove the fix")
    for name in EXTENSIONLESS:
        if name not in raw_companies or (snapshot / "companies" / f"{name}.json").exists():
            problems.add(f"EXTENSIONLESS[{name!r}]", "no longer needed; remove it")

    companies = [company_record(slug, raw, problems) for slug, raw in sorted(raw_companies.items())]
    authorities = [authority_record(slug, raw, problems) for slug, raw in sorted(raw_authorities.items())]
    by_country: dict[str, list[str]] = {}
    for a in authorities:
        if a:
            by_country.setdefault(a["country"], []).append(a["slug"])
    for country, slugs in by_country.items():
        if country != "de" and len(slugs) > 1:
            problems.add("supervisory-authorities", f"{country} has several authorities {slugs}; give it a table like DE_JURISDICTION")
    for slug in DE_JURISDICTION:
        if slug not in raw_authorities:
            problems.add(f"DE_JURISDICTION[{slug!r}]", "no such authority in the snapshot")
    problems.stop_if_any()

    companies, merged = dedupe([c for c in companies if c])
    asset = {
        "version": 1,
        "snapshot": SNAPSHOT,
        "companies": companies,
        "authorities": sorted((a for a in authorities if a), key=lambda a: a["slug"]),
    }
    stats = {
        "files": len(raw_companies),
        "companies": len(companies),
        "merged": merged,
        "authorities": len(asset["authorities"]),
        "fixes": sorted(used),
        "with_email": sum(1 for c in companies if "email" in c),
        "with_domains": sum(1 for c in companies if "domains" in c or "runs_domains" in c),
        "nsfw": sum(1 for c in companies if c.get("nsfw")),
    }
    return asset, stats


def render(asset: dict) -> str:
    """One record per line; the rest compact. ensure_ascii=False keeps names readable and the file small."""

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    lines = ['{"version":' + dump(asset["version"]) + ",", '"snapshot":' + dump(asset["snapshot"]) + ","]
    for key, last in (("companies", False), ("authorities", True)):
        records = asset[key]
        lines.append(dump(key) + ":[")
        lines.extend(dump(r) + ("," if i < len(records) - 1 else "") for i, r in enumerate(records))
        lines.append("]" + ("}" if last else ","))
    text = "\n".join(lines) + "\n"
    if json.loads(text) != asset:  # the hand-joined layout must still be the same JSON
        raise SystemExit("internal error: rendered asset does not parse back to itself")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--snapshot", type=Path, default=DEFAULT_SNAPSHOT)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args()

    asset, stats = build(args.snapshot)
    text = render(asset)
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run tools/build_contacts.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    merged = "; ".join(f"{keep} <- {', '.join(others)}" for keep, others in stats["merged"]) or "none"
    fixes = ", ".join(f"{s}.{f}" for s, f in stats["fixes"]) or "none"
    print(
        f"wrote {args.out} ({len(text.encode('utf-8'))} bytes): {stats['companies']} companies from {stats['files']} files "
        f"({stats['with_email']} with an email, {stats['with_domains']} with a domain, {stats['nsfw']} nsfw), "
        f"{stats['authorities']} authorities\n  merged duplicates: {merged}\n  repaired: {fixes}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
