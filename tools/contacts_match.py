#!/usr/bin/env python3
"""Reference matcher: an export's company name -> one record of contacts.json, or nothing.

This is the executable form of docs/contacts-matching.md, written so the Rust implementation can be checked against it case by
case (tests/fixtures/contacts-match-cases.json). It reads only the asset, as the app will. Stdlib only, Python 3.11.

    python3 tools/contacts_match.py "Spotify: Music and Podcasts"          # explain one lookup
    python3 tools/contacts_match.py --country de "Amazon"
    python3 tools/contacts_match.py --check tests/fixtures/contacts-match-cases.json               # every case must still hold
    python3 tools/contacts_match.py --collisions                           # keys shared by several records

The rule, in one line: a name matches only when one of its few normalised forms equals, as a whole, a key made
from a record's name, a `runs` entry or a web domain; several records behind one key are resolved by
relevant-countries or reported as ambiguous; anything else stays unmatched.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ASSET = HERE.parent / "assets" / "contacts.json"

# ---------------------------------------------------------------------------------------------------------
# Normalisation (docs/contacts-matching.md section 2).
# ---------------------------------------------------------------------------------------------------------

# Trailing legal forms, as words after normalisation (dots removed, single letters joined: "S.à r.l." -> "sarl",
# "B.V." -> "bv", "Sp. z o.o." -> "sp zoo"). Removed from the end while more than one word remains.
LEGAL_WORDS = {
    "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "unlimited", "llc", "llp",
    "lp", "plc", "pbc", "ulc", "uc", "dac", "sa", "sas", "sasu", "sarl", "sca", "scs", "srl", "spa", "sl", "slu",
    "sau", "nv", "bv", "ag", "se", "kg", "kgaa", "gmbh", "mbh", "ohg", "gbr", "ug", "haftungsbeschrankt", "ev",
    "eg", "ab", "publ", "as", "asa", "aps", "oy", "oyj", "kk", "gk", "pty", "pte", "sro", "kft", "zrt", "uab",
    "cie", "dba",
    # not legal forms but the same kind of tail: "Badoo Trading Limited", "Bumble Holding Limited"
    "holding", "holdings", "trading",
}
# Multi-word legal tails, tried before single words.
LEGAL_PHRASES = [("and", "co"), ("et", "cie"), ("sp", "zoo")]

# Trailing words app stores and ad accounts add to a brand, removed from a looked-up name (never from a record's
# key). Deliberately shorter than the partner matcher's list: "music", "tv", "mobile", "search", "video", "pay"
# are left in, because in this data they name different controllers ("Sony Music" is not Sony Interactive,
# "Samsung Pay" in Germany is its own record, "Vodafone TV" ...). Multi-word phrases first.
PLATFORM_SUFFIXES = [
    ("for", "windows", "phone"), ("for", "blackberry"), ("for", "android"), ("for", "iphone"), ("for", "ipad"),
    ("for", "ios"), ("for", "mac"), ("for", "windows"), ("for", "pc"), ("application",), ("official",), ("app",),
    ("apps",), ("android",), ("ios",), ("iphone",), ("ipad",), ("lite",), ("beta",), ("free",), ("hd",),
]

# Words that name nothing by themselves. A key made only of these (and of legal or platform words) is not
# indexed, and a shortened form of a looked-up name made only of these is not tried. The partner matcher's list
# (src/catalog/matching.rs GENERIC_WORDS) without "facebook", "instagram", "messenger" and "whatsapp" (there they
# are Facebook's own products and never a partner; here they are Meta's records, which a person may well want to
# write to), plus words found as whole `runs` entries or domain names in this snapshot ("To Do", "Privacy
# Dashboard", "Love", wetter.de, ...), English and German.
GENERIC_WORDS = {
    # from src/catalog/matching.rs
    "access", "account", "bank", "browser", "calendar", "camera", "chat", "clicker", "contacts", "data", "dating",
    "device", "digital", "docs", "email", "game", "games", "global", "group", "home", "login", "mail", "maps",
    "media", "messages", "meta", "my", "network", "news", "online", "phone", "photo", "photos", "play", "plus",
    "pro", "quiz", "radio", "shop", "shopping", "social", "software", "store", "system", "tablet", "the", "video",
    "videos", "weather", "web",
    # added for the contacts data
    "and", "app", "apps", "music", "mobile", "search", "tv", "free", "lite", "official", "to", "do", "todo", "love", "wetter", "change", "hr",
    "privacy", "dashboard", "service", "services", "support", "portal", "center", "centre", "club", "magazin",
    "magazine", "marketplace", "market", "rewards", "points", "card", "cards", "pay", "payments", "wallet",
    "cloud", "drive", "office", "windows", "health", "insurance", "energy", "connect", "direct", "express",
    "international", "europe", "deutschland", "germany", "online", "ads", "advertising", "analytics", "id",
    "kundenportal", "kundenkarte", "kundenkonto", "onlinebanking", "banking", "versicherung", "stadtwerke",
    "verlag", "zeitung", "shop", "webshop", "onlineshop", "newsletter", "gewinnspiel", "bonus", "programm",
    "fanclub", "sparkasse", "volksbank", "kirchengemeinde", "schule", "grundschule",
    "gymnasium", "stadt", "gemeinde", "landkreis", "polizei", "finanzamt", "jobcenter", "krankenkasse",
}
PLATFORM_NAMES = {"ios", "android", "windows"}  # real product names on their own; still stripped when trailing


def is_generic(word: str) -> bool:
    return word not in PLATFORM_NAMES and (
        word in GENERIC_WORDS or word in LEGAL_WORDS or any(p == (word,) for p in PLATFORM_SUFFIXES)
    )


FOLD = {}
for _letters, _ascii in [
    ("àáâãäåāăąª", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"),
    ("ĥħ", "h"), ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķĸ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉŋ", "n"),
    ("òóôõöøōŏőº", "o"), ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšſ", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("þ", "th"),
    ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"), ("źżž", "z"),
]:
    for _c in _letters:
        FOLD[_c] = _ascii

DELETE = set("'\u2019\u02bc`\u00b4\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff")


def prefold(text: str) -> str:
    """Step 1 of docs/contacts-matching.md 2.1, applied before anything looks for parentheses, subtitles or hosts: full-width
    ASCII forms (U+FF01-U+FF5E) to ASCII, the ideographic space (U+3000) to a space, then trimmed."""
    out: list[str] = []
    for c in text:
        o = ord(c)
        if 0xFF01 <= o <= 0xFF5E:
            c = chr(o - 0xFEE0)
        elif o == 0x3000:
            c = " "
        out.append(c)
    return "".join(out).strip()


def fold_words(text: str) -> list[str]:
    """Steps 2-6 of docs/contacts-matching.md 2.1: lowercase, delete apostrophes/invisibles/combining marks, & -> and,
    + -> plus, fold accents, split on everything that is not a letter or digit."""
    text = prefold(text).lower()
    buf: list[str] = []
    for c in text:
        if c in DELETE or 0x300 <= ord(c) <= 0x36F:
            continue
        if c == "&":
            buf.append(" and ")
        elif c == "+":
            buf.append(" plus ")
        elif c in FOLD:
            buf.append(FOLD[c])
        elif c.isalnum():
            buf.append(c)
        else:
            buf.append(" ")
    return "".join(buf).split()


def join_letters(words: list[str]) -> list[str]:
    """Step 7: runs of single ASCII letters, optionally with "and" between them, become one word: "s a r l" ->
    "sarl" (S.à r.l.), "b v" -> "bv" (B.V.), "h and m" -> "hm" (H&M, H & M)."""

    def single(w: str) -> bool:
        return len(w) == 1 and "a" <= w <= "z"

    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        if not single(words[i]):
            out.append(words[i])
            i += 1
            continue
        run, j = [words[i]], i + 1
        while j < n:
            if single(words[j]):
                run.append(words[j])
                j += 1
            elif words[j] == "and" and j + 1 < n and single(words[j + 1]):
                run.append(words[j + 1])
                j += 2
            else:
                break
        out.append("".join(run))
        i = j
    return out


def strip_legal(words: list[str]) -> list[str]:
    """Step 8: remove trailing legal forms while more than one word remains."""
    words = list(words)
    while len(words) > 1:
        for phrase in LEGAL_PHRASES:
            n = len(phrase)
            if len(words) > n and tuple(words[-n:]) == phrase:
                del words[-n:]
                break
        else:
            if words[-1] in LEGAL_WORDS:
                words.pop()
                continue
            break
    return words


def key_words(text: str) -> list[str]:
    return strip_legal(join_letters(fold_words(text)))


def key(text: str) -> str:
    return " ".join(key_words(text))


def strip_parens(text: str) -> str:
    """Removes (...) and [...] groups (innermost first) and anything after an unclosed "(" or "["."""
    prev = None
    while prev != text:
        prev = text
        text = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)
    text = re.split(r"[(\[]", text)[0]
    return " ".join(text.split())


SUBTITLE = re.compile(r": | [-–—|·] ")


def subtitle_head(text: str) -> str | None:
    m = SUBTITLE.search(text)
    return text[: m.start()].strip() if m else None


def safe(k: str) -> bool:
    """A key or form is usable when it is at least two characters and not made only of generic words."""
    if len(k.replace(" ", "")) < 2:
        return False
    return not all(is_generic(w) for w in k.split())


# ---------------------------------------------------------------------------------------------------------
# Hosts (docs/contacts-matching.md section 2.3).
# ---------------------------------------------------------------------------------------------------------

SECOND_LEVEL_LABELS = {"co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob"}
HOST_INPUT = re.compile(r"^(?:https?://)?([a-z0-9\u00c0-\uffff-]+(?:\.[a-z0-9\u00c0-\uffff-]+)+)\.?(?::\d+)?(?:[/?#].*)?$")


def as_host(text: str) -> str | None:
    """The host if the whole input is a host name or URL ("spotify.com", "https://open.spotify.com/x"), else None.
    Lowercased, without "www."/"www2." and a trailing dot. The last label must be letters, at least two."""
    m = HOST_INPUT.match(text.strip().lower())
    if not m:
        return None
    host = re.sub(r"^www\d*\.", "", m.group(1))
    labels = host.split(".")
    if any(not l for l in labels) or not labels[-1].isalpha() or len(labels[-1]) < 2:
        return None
    return host if len(labels) >= 2 else None


def suffix_len(labels: list[str]) -> int:
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL_LABELS:
        return 2
    return 1


def registrable(host: str) -> str | None:
    labels = host.split(".")
    n = suffix_len(labels) + 1
    return ".".join(labels[-n:]) if len(labels) >= n else None


def brand(host: str) -> str | None:
    """"amazon.co.uk" -> "amazon"; "deutsche-bank.de" -> "deutsche-bank"; only for a registrable host."""
    labels = host.split(".")
    n = suffix_len(labels)
    return labels[-n - 1] if len(labels) > n else None


# ---------------------------------------------------------------------------------------------------------
# Index (docs/contacts-matching.md section 3).
# ---------------------------------------------------------------------------------------------------------

FORMER = re.compile(r"\b(ehem|ehemals|ehemalig|formerly|former|fruher|früher|vormals|previously)\b", re.I)

# Ranks: how directly a key names the record. The best rank among the candidates wins (docs/contacts-matching.md 5).
NAME, RUNS, FORMER_NAME = 1, 2, 3
RANK_LABEL = {NAME: "name", RUNS: "runs", FORMER_NAME: "former name"}


@dataclass
class Entry:
    slug: str
    rank: int
    via: str  # what produced the key, for "say which record was used"


@dataclass
class Index:
    records: dict[str, dict]
    keys: dict[str, list[Entry]] = field(default_factory=dict)
    exact: dict[str, list[str]] = field(default_factory=dict)  # full name with its legal form -> slugs
    domains: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # host -> [(slug, NAME|RUNS)]
    refused: list[tuple[str, str, str]] = field(default_factory=list)  # (slug, text, key)

    def add(self, k: str, entry: Entry, text: str) -> None:
        if not safe(k):
            self.refused.append((entry.slug, text, k))
            return
        bucket = self.keys.setdefault(k, [])
        for i, e in enumerate(bucket):
            if e.slug == entry.slug:
                if entry.rank < e.rank:
                    bucket[i] = entry  # keep each record's best rank for a key
                return
        bucket.append(entry)


def exact_key(text: str) -> str:
    """The whole name normalised but with its legal form kept: "Samsung Electronics GmbH" -> "samsung electronics
    gmbh", which tells the German record from "Samsung Electronics (UK) Limited"."""
    return " ".join(join_letters(fold_words(text)))


def text_keys(text: str) -> list[str]:
    """Keys of a name or runs entry: as written and without parentheses."""
    out = []
    for form in (text, strip_parens(text)):
        if form and not as_host(form):
            k = key(form)
            if k not in out:
                out.append(k)
    return out


def leading_keys(words: list[str], lead: list[str]) -> list[str]:
    """If the words start with the domain brand `lead`, written the same or run together ("conde nast" for
    condenast.com), the keys to index: the brand and the name's leading words."""
    if len(words) >= len(lead) and words[: len(lead)] == lead:
        return [" ".join(lead)]
    joined = "".join(lead)
    for n in range(2, len(words) + 1):
        if "".join(words[:n]) == joined:
            return list(dict.fromkeys([joined, " ".join(words[:n])]))
    return []


def build_index(asset: dict) -> Index:
    index = Index(records={r["slug"]: r for r in asset["companies"]})
    for r in asset["companies"]:
        slug = r["slug"]
        name = prefold(r["name"])
        name_words: list[list[str]] = []  # the name's word lists, to confirm domain brands
        runs_words: list[list[str]] = []
        host = as_host(name)
        if host and brand(host):  # "Match.com", "Weekday.com": the name is a host; its brand is the name
            index.add(key(brand(host)), Entry(slug, NAME, f"name {r['name']!r}"), name)
        for k in text_keys(name):
            index.add(k, Entry(slug, NAME, f"name {r['name']!r}"), name)
            name_words.append(k.split())
        full = exact_key(name)
        if safe(full):
            index.exact.setdefault(full, []).append(slug)
        for raw in r.get("runs", []):
            entry = prefold(raw)
            former = any(FORMER.search(p) for p in re.findall(r"\(([^()]*)\)", entry))  # "nextbike (ehem.)"
            host = as_host(strip_parens(entry))
            if host:  # "amazon.de", "Match.dk": a host, covered by runs_domains; a former one keeps its brand
                if former and brand(host):
                    index.add(key(brand(host)), Entry(slug, FORMER_NAME, f"runs {raw!r}"), entry)
                continue
            for k in text_keys(strip_parens(entry)) if former else text_keys(entry):
                index.add(k, Entry(slug, FORMER_NAME if former else RUNS, f"runs {raw!r}"), entry)
                if not former:
                    runs_words.append(k.split())
        # Domains: every host for host lookups; the brand of a registrable one as a name key only when the
        # record's name (rank NAME) or one of its runs entries (rank RUNS) starts with that brand: "Apple
        # Distribution International Ltd." + apple.com gives "apple", but test.de (Stiftung Warentest), hr.de
        # (Hessischer Rundfunk) or live.com (in Microsoft's runs) give nothing.
        for field_name, host_rank in (("domains", NAME), ("runs_domains", RUNS)):
            for d in r.get(field_name, []):
                bucket = index.domains.setdefault(d, [])
                if all(s != slug for s, _ in bucket):
                    bucket.append((slug, host_rank))
                if registrable(d) != d or not brand(d):
                    continue
                lead = key_words(brand(d))
                by_name = [k for w in name_words for k in leading_keys(w, lead)]
                by_runs = [k for w in runs_words for k in leading_keys(w, lead)]
                for k in dict.fromkeys(by_name):
                    index.add(k, Entry(slug, NAME, f"name {r['name']!r} + domain {d!r}"), d)
                for k in dict.fromkeys(by_runs):
                    if k not in by_name:
                        index.add(k, Entry(slug, RUNS, f"runs entry + domain {d!r}"), d)
    return index


# ---------------------------------------------------------------------------------------------------------
# Lookup (docs/contacts-matching.md sections 4 and 5).
# ---------------------------------------------------------------------------------------------------------


@dataclass
class Result:
    slug: str | None
    how: str  # "domain", a RANK_LABEL, "ambiguous", "none"
    form: str = ""
    via: str = ""
    reason: str = ""
    candidates: list[str] = field(default_factory=list)  # ambiguous: the records to choose from
    others: list[str] = field(default_factory=list)  # matched: other records the same form reached
    suggestions: list[str] = field(default_factory=list)

    def explain(self) -> str:
        if self.slug:
            also = f"; also reached: {self.others}" if self.others else ""
            return f"{self.slug} (by {self.how}: {self.form!r} = {self.via}; {self.reason}{also})"
        if self.how == "ambiguous":
            return f"ambiguous: {self.form!r} fits {self.candidates}; {self.reason}"
        tail = f"; suggestions for the person to confirm: {self.suggestions}" if self.suggestions else ""
        return f"unmatched{tail}"


def query_forms(name: str) -> list[str]:
    """The forms of a looked-up name, most literal first (docs/contacts-matching.md 4.2)."""
    forms: list[str] = [key(name)]
    base = name
    head = subtitle_head(name)
    if head:
        forms.append(key(head))
        base = head
    stripped = strip_parens(base)
    forms.append(key(stripped))
    words = key(stripped).split()
    while True:
        for phrase in PLATFORM_SUFFIXES:
            n = len(phrase)
            if len(words) > n and tuple(words[-n:]) == phrase:
                words = words[:-n]
                forms.append(" ".join(words))
                break
        else:
            break
    out: list[str] = []
    for i, f in enumerate(forms):
        if f and f not in out and (i == 0 or safe(f)):
            out.append(f)
    return out


def family_marks(record: dict) -> set[str]:
    """What ties records of one organisation together: the full name key, the registrable part of the email's
    domain and of each own domain. A shared brand word alone is not enough (apollo.io and apollo.de)."""
    marks = {"name:" + key(prefold(record["name"]))}
    email = record.get("email")
    if email:
        reg = registrable(email.rsplit("@", 1)[1].lower())
        if reg:
            marks.add("host:" + reg)
    for d in record.get("domains", []):
        reg = registrable(d)
        if reg:
            marks.add("host:" + reg)
    return marks


def one_family(index: Index, slugs: list[str]) -> bool:
    """True if the records are connected through shared marks: Amazon's country records share their name, Samsung's
    two records the email domain samsung.com, Coinbase's two the site coinbase.com; Apollo.io and Apollo-Optik
    share nothing but a word."""
    marks = {s: family_marks(index.records[s]) for s in slugs}
    seen, todo = {slugs[0]}, [slugs[0]]
    while todo:
        cur = todo.pop()
        for other in slugs:
            if other not in seen and marks[cur] & marks[other]:
                seen.add(other)
                todo.append(other)
    return len(seen) == len(slugs)


def choose(index: Index, ranks: dict[str, int], country: str | None) -> tuple[str | None, str, list[str]]:
    """docs/contacts-matching.md 5. ranks: slug -> best rank. Returns (slug or None, reason, the records still in play)."""
    cands = sorted(ranks)
    countries = {s: index.records[s]["countries"] for s in cands}
    notes = []
    if country:  # A: records for the person's country (or for all) first, if there are any
        fit = [s for s in cands if countries[s] == ["all"] or country in countries[s]]
        if fit and len(fit) < len(cands):
            notes.append(f"dropped {sorted(set(cands) - set(fit))} (not for {country})")
            cands = fit
    best = min(ranks[s] for s in cands)  # B: the most direct kind of key
    top = [s for s in cands if ranks[s] == best]
    if len(top) < len(cands):
        notes.append(f"{RANK_LABEL[best]} beats {sorted(set(cands) - set(top))}")
    cands = top
    prefix = "; ".join(notes)

    def done(slug: str, why: str) -> tuple[str, str, list[str]]:
        rec_countries = countries[slug]
        if country and rec_countries != ["all"] and country not in rec_countries:
            why += f"; note: the record is for {','.join(rec_countries)}, not {country}"
        return slug, "; ".join(x for x in (prefix, why) if x), cands

    if len(cands) == 1:  # C
        return done(cands[0], "the only record")
    alls = [s for s in cands if countries[s] == ["all"]]
    related = one_family(index, cands)
    if len(alls) == 1 and related:  # D: the group's record for everyone, over its country branches
        return done(alls[0], f"the one record for all countries among {cands}, which share a name, email or site")
    if country:  # E
        local = [s for s in cands if country in countries[s]]
        if len(local) == 1:
            return done(local[0], f"the one record listing {country} among {cands}")
        if len(local) > 1:
            width = min(len(countries[s]) for s in local)
            narrow = [s for s in local if len(countries[s]) == width]
            if len(narrow) == 1:
                return done(narrow[0], f"the narrowest record listing {country} among {local}")
    emails = {(index.records[s].get("email") or "").lower() for s in cands}
    if len(emails) == 1 and "" not in emails:  # F: the letter goes to the same mailbox whichever is chosen
        return done(cands[0], f"all of {cands} share the email {emails.pop()}; first by slug")
    if len(alls) == 1:
        why = f"{alls[0]} is for all countries but shares no name, email or site with {sorted(set(cands) - {alls[0]})}"
    else:
        why = "no single record for all countries"
    why += f" and no single record for {country}" if country else " and no country given"
    return None, "; ".join(x for x in (prefix, why) if x), cands


def suggestions(index: Index, name: str) -> list[str]:
    """Records whose key equals a leading part of the name ("Amazon Music" -> Amazon's records). Shown to the
    person as "did you mean", never used as a match; nsfw records are left out."""
    words = key(strip_parens(subtitle_head(name) or name)).split()
    for n in range(len(words) - 1, 0, -1):
        k = " ".join(words[:n])
        if safe(k) and k in index.keys:
            return sorted({e.slug for e in index.keys[k] if not index.records[e.slug].get("nsfw")})
    return []


def match(index: Index, name: str, country: str | None = None) -> Result:
    name = prefold(name)
    if not name:
        return Result(None, "none")
    host = as_host(name)
    forms: list[str]
    if host:
        labels = host.split(".")
        floor = suffix_len(labels) + 1
        for i in range(0, len(labels) - floor + 1):  # the host itself, then each parent down to the registrable one
            h = ".".join(labels[i:])
            if h in index.domains:
                ranks = {s: rank for s, rank in index.domains[h]}
                slug, reason, left = choose(index, ranks, country)
                via = f"domain {h!r}"
                if slug:
                    return Result(slug, "domain", host, via, reason, others=sorted(set(ranks) - {slug}))
                return Result(None, "ambiguous", host, via, reason, left)
        b = brand(host)
        forms = [k for k in ([key(b)] if b else []) if safe(k)]
    else:
        full = exact_key(name)
        if full in index.exact:  # the record's own full name, legal form and all
            slug, reason, left = choose(index, {s: NAME for s in index.exact[full]}, country)
            if slug:
                return Result(slug, "exact name", full, f"name {index.records[slug]['name']!r}", reason)
            return Result(None, "ambiguous", full, "", reason, left)
        forms = query_forms(name)
    for form in forms:
        entries = index.keys.get(form, [])
        if not entries:
            continue
        ranks = {e.slug: e.rank for e in entries}
        slug, reason, left = choose(index, ranks, country)
        if slug:
            e = next(e for e in entries if e.slug == slug)
            return Result(slug, RANK_LABEL[e.rank], form, e.via, reason, others=sorted(set(ranks) - {slug}))
        return Result(None, "ambiguous", form, "", reason, left)
    return Result(None, "none", suggestions=suggestions(index, name) if not host else [])


# ---------------------------------------------------------------------------------------------------------


def load(path: Path) -> Index:
    return build_index(json.loads(path.read_text(encoding="utf-8")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--asset", type=Path, default=DEFAULT_ASSET)
    parser.add_argument("--country")
    parser.add_argument("--check", type=Path, help="a match-cases.json file; exit 1 on any difference")
    parser.add_argument("--collisions", action="store_true")
    parser.add_argument("--refused", action="store_true", help="list record keys refused as generic")
    args = parser.parse_args()
    index = load(args.asset)

    if args.check:
        cases = json.loads(args.check.read_text(encoding="utf-8"))
        bad = 0
        for case in cases:
            got = match(index, case["name"], case.get("country")).slug
            if got != case["expect"]:
                bad += 1
                print(f"FAIL {case['name']!r} (country {case.get('country')}): expected {case['expect']}, got {got}")
        print(f"{len(cases) - bad}/{len(cases)} cases hold")
        return 1 if bad else 0
    if args.collisions:
        for k, entries in sorted(index.keys.items()):
            slugs = sorted({e.slug for e in entries})
            if len(slugs) > 1:
                print(f"{k!r}: " + "; ".join(f"{e.slug} [{'/'.join(index.records[e.slug]['countries'])}] {RANK_LABEL[e.rank]}: {e.via}" for e in entries))
        for d, owners in sorted(index.domains.items()):
            if len(owners) > 1:
                print(f"domain {d}: {owners}")
        return 0
    if args.refused:
        for slug, text, k in index.refused:
            print(f"{slug}: {text!r} -> {k!r}")
        return 0
    for name in args.names:
        print(f"{name!r}: {match(index, name, args.country).explain()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
