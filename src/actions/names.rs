//! Normal forms of names and hosts for contact matching (docs/contacts-matching.md, section 2).
//!
//! Why not `catalog::normalise` / `alias_key`: the partner matcher strips trailing "music", "tv", "mobile",
//! "search" as store words and has a short legal-form list, which is right for a catalogue of 98 curated
//! partners and wrong here. In the contacts data "Sony Music", "Samsung Pay" and "Vodafone TV" are other
//! controllers than "Sony", "Samsung" and "Vodafone", so stripping those words would address a letter to
//! the wrong company. This matcher also needs what the partner one never did: single letters joined ("B.V.",
//! "S.à r.l.", "H&M"), `&` read as "and", a longer legal-form list (Polish, Czech, Lithuanian, German forms),
//! and the exact full name with its legal form kept. The letter folding table is the same one
//! (`catalog::matching::fold_letter`, private there; copied here so the partner module stays untouched).
//!
//! Every function here has a twin of the same name in `tools/contacts_match.py`, and the two must agree on
//! the cases in `tests/fixtures/contacts-match-cases.json`.

/// Trailing legal forms (and "holding", "trading", which behave like them), removed from the end of a key
/// while more than one word remains.
pub const LEGAL_WORDS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "unlimited",
    "llc",
    "llp",
    "lp",
    "plc",
    "pbc",
    "ulc",
    "uc",
    "dac",
    "sa",
    "sas",
    "sasu",
    "sarl",
    "sca",
    "scs",
    "srl",
    "spa",
    "sl",
    "slu",
    "sau",
    "nv",
    "bv",
    "ag",
    "se",
    "kg",
    "kgaa",
    "gmbh",
    "mbh",
    "ohg",
    "gbr",
    "ug",
    "haftungsbeschrankt",
    "ev",
    "eg",
    "ab",
    "publ",
    "as",
    "asa",
    "aps",
    "oy",
    "oyj",
    "kk",
    "gk",
    "pty",
    "pte",
    "sro",
    "kft",
    "zrt",
    "uab",
    "cie",
    "dba",
    "holding",
    "holdings",
    "trading",
];

/// Multi-word legal tails, tried before single words.
const LEGAL_PHRASES: &[&[&str]] = &[&["and", "co"], &["et", "cie"], &["sp", "zoo"]];

/// Trailing words app stores add to a brand, removed from a looked-up name (never from a record's key).
/// Deliberately without "music", "tv", "mobile", "search", "video", "pay": see the module comment.
pub const PLATFORM_SUFFIXES: &[&[&str]] = &[
    &["for", "windows", "phone"],
    &["for", "blackberry"],
    &["for", "android"],
    &["for", "iphone"],
    &["for", "ipad"],
    &["for", "ios"],
    &["for", "mac"],
    &["for", "windows"],
    &["for", "pc"],
    &["application"],
    &["official"],
    &["app"],
    &["apps"],
    &["android"],
    &["ios"],
    &["iphone"],
    &["ipad"],
    &["lite"],
    &["beta"],
    &["free"],
    &["hd"],
];

/// Words that name nothing by themselves: the partner matcher's list without Meta's own products (here they
/// are real records a person may write to), plus words this snapshot has as whole `runs` entries or domain
/// names, English and German. A key made only of these is never indexed.
const GENERIC_WORDS: &[&str] = &[
    "access",
    "account",
    "bank",
    "browser",
    "calendar",
    "camera",
    "chat",
    "clicker",
    "contacts",
    "data",
    "dating",
    "device",
    "digital",
    "docs",
    "email",
    "game",
    "games",
    "global",
    "group",
    "home",
    "login",
    "mail",
    "maps",
    "media",
    "messages",
    "meta",
    "my",
    "network",
    "news",
    "online",
    "phone",
    "photo",
    "photos",
    "play",
    "plus",
    "pro",
    "quiz",
    "radio",
    "shop",
    "shopping",
    "social",
    "software",
    "store",
    "system",
    "tablet",
    "the",
    "video",
    "videos",
    "weather",
    "web",
    "and",
    "app",
    "apps",
    "music",
    "mobile",
    "search",
    "tv",
    "free",
    "lite",
    "official",
    "to",
    "do",
    "todo",
    "love",
    "wetter",
    "change",
    "hr",
    "privacy",
    "dashboard",
    "service",
    "services",
    "support",
    "portal",
    "center",
    "centre",
    "club",
    "magazin",
    "magazine",
    "marketplace",
    "market",
    "rewards",
    "points",
    "card",
    "cards",
    "pay",
    "payments",
    "wallet",
    "cloud",
    "drive",
    "office",
    "windows",
    "health",
    "insurance",
    "energy",
    "connect",
    "direct",
    "express",
    "international",
    "europe",
    "deutschland",
    "germany",
    "ads",
    "advertising",
    "analytics",
    "id",
    "kundenportal",
    "kundenkarte",
    "kundenkonto",
    "onlinebanking",
    "banking",
    "versicherung",
    "stadtwerke",
    "verlag",
    "zeitung",
    "webshop",
    "onlineshop",
    "newsletter",
    "gewinnspiel",
    "bonus",
    "programm",
    "fanclub",
    "sparkasse",
    "volksbank",
    "kirchengemeinde",
    "schule",
    "grundschule",
    "gymnasium",
    "stadt",
    "gemeinde",
    "landkreis",
    "polizei",
    "finanzamt",
    "jobcenter",
    "krankenkasse",
];

/// Product names on their own, even though they are also platform words.
const PLATFORM_NAMES: &[&str] = &["ios", "android", "windows"];

/// Second-level labels under two-letter country endings ("co.uk"), as in the partner matcher.
const SECOND_LEVEL_LABELS: &[&str] = &["co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob"];

pub fn is_generic(word: &str) -> bool {
    !PLATFORM_NAMES.contains(&word)
        && (GENERIC_WORDS.contains(&word)
            || LEGAL_WORDS.contains(&word)
            || PLATFORM_SUFFIXES.iter().any(|p| p.len() == 1 && p[0] == word))
}

/// Step 1: full-width ASCII forms to ASCII, the ideographic space to a space, trimmed. Runs before anything
/// looks for parentheses, subtitles or hosts.
pub fn prefold(text: &str) -> String {
    let out: String = text
        .chars()
        .map(|c| match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        })
        .collect();
    out.trim().to_owned()
}

fn deleted(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}'
            | '\u{2bc}'
            | '`'
            | '\u{b4}'
            | '\u{ad}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2060}'
            | '\u{feff}'
    ) || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Steps 2-6: lowercase, delete apostrophes, invisibles and combining marks, `&` → "and", `+` → "plus",
/// fold accents, split on everything that is not a letter or digit.
pub fn fold_words(text: &str) -> Vec<String> {
    let lower = prefold(text).to_lowercase();
    let mut buf = String::with_capacity(lower.len());
    for c in lower.chars() {
        if deleted(c) {
            continue;
        }
        match c {
            '&' => buf.push_str(" and "),
            '+' => buf.push_str(" plus "),
            _ => match fold_letter(c) {
                Some(ascii) => buf.push_str(ascii),
                None if c.is_alphanumeric() => buf.push(c),
                None => buf.push(' '),
            },
        }
    }
    buf.split_whitespace().map(str::to_owned).collect()
}

/// Step 7: runs of single ASCII letters, optionally with "and" between them, become one word ("s a r l" →
/// "sarl", "b v" → "bv", "h and m" → "hm").
pub fn join_letters(words: Vec<String>) -> Vec<String> {
    let single = |w: &str| w.len() == 1 && w.as_bytes()[0].is_ascii_lowercase();
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if !single(&words[i]) {
            out.push(words[i].clone());
            i += 1;
            continue;
        }
        let mut run = words[i].clone();
        let mut j = i + 1;
        while j < words.len() {
            if single(&words[j]) {
                run.push_str(&words[j]);
                j += 1;
            } else if words[j] == "and" && j + 1 < words.len() && single(&words[j + 1]) {
                run.push_str(&words[j + 1]);
                j += 2;
            } else {
                break;
            }
        }
        out.push(run);
        i = j;
    }
    out
}

/// Step 8: trailing legal forms removed while more than one word remains.
pub fn strip_legal(mut words: Vec<String>) -> Vec<String> {
    'outer: while words.len() > 1 {
        for phrase in LEGAL_PHRASES {
            let n = phrase.len();
            if words.len() > n && words[words.len() - n..].iter().zip(phrase.iter()).all(|(w, p)| w == p) {
                words.truncate(words.len() - n);
                continue 'outer;
            }
        }
        if words.last().is_some_and(|w| LEGAL_WORDS.contains(&w.as_str())) {
            words.pop();
            continue;
        }
        break;
    }
    words
}

pub fn key_words(text: &str) -> Vec<String> {
    strip_legal(join_letters(fold_words(text)))
}

/// The normal form of a name: "PayPal (Europe) S.à r.l. et Cie, S.C.A." → "paypal europe".
pub fn key(text: &str) -> String {
    key_words(text).join(" ")
}

/// The normal form with the legal form kept: "Samsung Electronics GmbH" → "samsung electronics gmbh".
pub fn exact_key(text: &str) -> String {
    join_letters(fold_words(text)).join(" ")
}

/// Whether a key is usable: two characters at least, and not only generic words.
pub fn safe(key: &str) -> bool {
    if key.chars().filter(|c| *c != ' ').count() < 2 {
        return false;
    }
    !key.split_whitespace().all(is_generic)
}

/// Removes `(...)` and `[...]` groups, innermost first, and anything after an unclosed `(` or `[`.
pub fn strip_parens(text: &str) -> String {
    let mut text = text.to_owned();
    loop {
        let next = remove_innermost_groups(&text);
        if next == text {
            break;
        }
        text = next;
    }
    let head = text.split(['(', '[']).next().unwrap_or("");
    head.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One pass of `re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", text)`.
fn remove_innermost_groups(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let close = match chars[i] {
            '(' => group_end(&chars, i, '(', ')'),
            '[' => group_end(&chars, i, '[', ']'),
            _ => None,
        };
        match close {
            Some(end) => {
                out.push(' ');
                i = end + 1;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

/// The index of the closing character when the next opening or closing character after `start` closes it.
fn group_end(chars: &[char], start: usize, open: char, close: char) -> Option<usize> {
    let offset = chars[start + 1..].iter().position(|&c| c == open || c == close)?;
    let at = start + 1 + offset;
    (chars[at] == close).then_some(at)
}

/// The contents of innermost `(...)` groups, as `re.findall(r"\(([^()]*)\)", text)`.
pub fn paren_contents(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '('
            && let Some(end) = group_end(&chars, i, '(', ')')
        {
            out.push(chars[i + 1..end].iter().collect());
            i = end + 1;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether a parenthesised note marks a former name ("ehem.", "formerly", "früher" ...), as a whole word.
pub fn says_former(note: &str) -> bool {
    const FORMER: &[&str] =
        &["ehem", "ehemals", "ehemalig", "formerly", "former", "fruher", "früher", "vormals", "previously"];
    note.split(|c: char| !(c.is_alphanumeric() || c == '_')).any(|w| FORMER.contains(&w.to_lowercase().as_str()))
}

/// The text before an app-store subtitle (`": "`, `" - "`, `" – "`, `" — "`, `" | "`, `" · "`), if any.
pub fn subtitle_head(text: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(at, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let colon = c == ':' && next == Some(' ');
        let dash = c == ' '
            && matches!(next, Some('-' | '–' | '—' | '|' | '·'))
            && chars.get(k + 2).map(|&(_, c)| c) == Some(' ');
        let cut = (colon || dash).then_some(at);
        if let Some(at) = cut {
            let head = text[..at].trim();
            return (!head.is_empty()).then(|| head.to_owned());
        }
    }
    None
}

fn host_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || ('\u{c0}'..='\u{ffff}').contains(&c)
}

/// The host if the whole input is a host name or URL ("spotify.com", "https://open.spotify.com/x"):
/// lowercased, without `www.`/`www2.` and a trailing dot; the last label letters only, two at least.
pub fn as_host(text: &str) -> Option<String> {
    let lower = text.trim().to_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")).unwrap_or(&lower);
    // The host: labels of host characters joined by single dots, at least two labels.
    let end = rest.find(|c: char| !(host_char(c) || c == '.')).unwrap_or(rest.len());
    let (mut host, mut tail) = rest.split_at(end);
    if let Some(stripped) = host.strip_suffix('.') {
        // A trailing dot belongs to the name, not to the last label.
        host = stripped;
        tail = &rest[end - 1..];
    }
    let tail = tail.strip_prefix('.').unwrap_or(tail);
    let tail = match tail.strip_prefix(':') {
        Some(port) => {
            let digits = port.find(|c: char| !c.is_ascii_digit()).unwrap_or(port.len());
            if digits == 0 {
                return None;
            }
            &port[digits..]
        }
        None => tail,
    };
    if !(tail.is_empty() || tail.starts_with(['/', '?', '#'])) || tail.contains('\n') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let host = strip_www(host);
    let labels: Vec<&str> = host.split('.').collect();
    let last = labels[labels.len() - 1];
    if labels.len() < 2 || !last.chars().all(char::is_alphabetic) || last.chars().count() < 2 {
        return None;
    }
    Some(host.to_owned())
}

/// Removes a leading `www.`, `www2.` ... (`^www\d*\.`).
fn strip_www(host: &str) -> &str {
    if let Some(rest) = host.strip_prefix("www") {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if let Some(after) = rest[digits..].strip_prefix('.') {
            return after;
        }
    }
    host
}

pub fn suffix_len(labels: &[&str]) -> usize {
    let n = labels.len();
    if n >= 3 && labels[n - 1].chars().count() == 2 && SECOND_LEVEL_LABELS.contains(&labels[n - 2]) { 2 } else { 1 }
}

/// The suffix plus one label: "open.spotify.com" → "spotify.com", "amazon.co.uk" stays.
pub fn registrable(host: &str) -> Option<String> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = suffix_len(&labels) + 1;
    (labels.len() >= n).then(|| labels[labels.len() - n..].join("."))
}

/// The label before the suffix: "amazon.co.uk" → "amazon".
pub fn brand(host: &str) -> Option<String> {
    let labels: Vec<&str> = host.split('.').collect();
    let n = suffix_len(&labels);
    (labels.len() > n).then(|| labels[labels.len() - n - 1].to_owned())
}

/// ASCII spelling of a lowercase Latin-1 Supplement or Latin Extended-A letter: the partner matcher's table.
fn fold_letter(c: char) -> Option<&'static str> {
    let ascii = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ª' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'º' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    };
    Some(ascii)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_follow_the_reference() {
        assert_eq!(key("PayPal (Europe) S.à r.l. et Cie, S.C.A."), "paypal europe");
        assert_eq!(key("Fashion ID GmbH & Co. KG"), "fashion id");
        assert_eq!(key("Spotify AB"), "spotify");
        assert_eq!(key("H & M"), "hm");
        assert_eq!(key("Badoo Trading Limited"), "badoo");
        assert_eq!(key("Sp. z o.o. Foo Sp. z o.o."), "sp zoo foo");
        assert_eq!(exact_key("Samsung Electronics GmbH"), "samsung electronics gmbh");
        assert_eq!(key("Applebee's"), "applebees");
        assert_eq!(strip_parens("Tinder (tinder.com)"), "Tinder");
        assert_eq!(strip_parens("A (b (c) d) e [f"), "A e");
        assert_eq!(subtitle_head("Spotify: Music and Podcasts").as_deref(), Some("Spotify"));
        assert_eq!(subtitle_head("Bündnis X – Y").as_deref(), Some("Bündnis X"));
        assert!(says_former("ehem."));
        assert!(!says_former("tinder.com"));
    }

    #[test]
    fn hosts_are_whole_inputs_only() {
        assert_eq!(as_host("https://www.Open.Spotify.com:443/x?y").as_deref(), Some("open.spotify.com"));
        assert_eq!(as_host("spotify.com.").as_deref(), Some("spotify.com"));
        assert_eq!(as_host("Booking.com").as_deref(), Some("booking.com"));
        assert_eq!(as_host("Mail.ru Group"), None);
        assert_eq!(as_host("Spotify"), None);
        assert_eq!(as_host("www.com"), None);
        assert_eq!(as_host("foo.c0m"), None);
        assert_eq!(registrable("open.spotify.com").as_deref(), Some("spotify.com"));
        assert_eq!(registrable("amazon.co.uk").as_deref(), Some("amazon.co.uk"));
        assert_eq!(brand("amazon.co.uk").as_deref(), Some("amazon"));
        assert_eq!(brand("co.uk").as_deref(), Some("co"));
    }
}
