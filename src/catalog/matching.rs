//! Matching names found in an export (connected apps, off-Meta activity, advertisers) to catalogue partners.
//!
//! A false match would tell someone that a company could read their messages when it could not, which is
//! worse than missing a match. So a name matches only when the whole normalised name equals a normalised
//! alias: no substrings, no fuzzy scores ("Which Spotify Playlist Are You?" is not Spotify). Normalisation
//! removes only noise that never changes which company or product is meant: case, accents, punctuation,
//! legal forms ("Spotify AB"), web addresses ("spotify.com"), and the platform an app store names ("Dropbox
//! for iOS"). Every other word is part of the name: "Apple Music" is not Apple's Settings integration,
//! "Yahoo Japan" is not Yahoo, "Pandora Jewelry" is not Pandora radio. A product reaches its company only
//! when the catalogue lists it by name.

use super::{Catalog, Partner};
use std::collections::HashMap;

/// Trailing legal forms, dropped because "Spotify AB" and "Spotify" are the same company.
const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "ltd",
    "llc",
    "ab",
    "gmbh",
    "plc",
    "sa",
    "ag",
    "bv",
    "nv",
    "co",
    "corp",
    "corporation",
    "limited",
    "company",
    "pty",
    "pte",
    "kk",
    "oy",
];

/// Trailing phrases that name the platform an app runs on, removed whole: "Dropbox for iOS" is Dropbox's app.
const PLATFORM_SUFFIXES: &[&str] = &[
    "for windows phone",
    "for blackberry",
    "for android",
    "for iphone",
    "for windows",
    "for ipad",
    "for ios",
    "for mac",
];

/// Words that name nothing by themselves. An alias made only of these (or of store words and legal forms)
/// would match unrelated apps, so it is refused; a domain whose name is one of these keeps its ending
/// ("docs.com" stays "docs com") for the same reason.
const GENERIC_WORDS: &[&str] = &[
    "access",
    "android",
    "app",
    "application",
    "apps",
    "free",
    "hd",
    "ios",
    "lite",
    "mobile",
    "music",
    "official",
    "search",
    "tv",
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
    "facebook",
    "game",
    "games",
    "global",
    "group",
    "home",
    "instagram",
    "login",
    "mail",
    "maps",
    "media",
    "messages",
    "messenger",
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
    "whatsapp",
];

/// Second-level labels under country endings ("co.uk", "com.au"), so "www.spotify.co.uk" reduces to the
/// brand rather than to "co".
const SECOND_LEVEL_LABELS: &[&str] = &["co", "com", "net", "org", "gov", "edu", "ac", "ne", "or", "go", "gob"];

/// Lowercase, accent-free, punctuation-free form of a name with legal suffixes, web-address parts and a
/// trailing platform phrase removed.
pub fn normalise(name: &str) -> String {
    forms(name).pop().unwrap_or_default()
}

/// The form an alias is indexed under: like [`normalise`] but keeping a platform phrase, which in an alias
/// would be part of the name.
pub fn alias_key(alias: &str) -> String {
    base_words(alias).join(" ")
}

/// Why `alias` is unsafe to match on, if it is: it normalises to nothing, to a single character, or only to
/// generic words ("Music", "Mobile App", "Docs").
pub fn alias_problem(alias: &str) -> Option<String> {
    let key = alias_key(alias);
    if key.is_empty() {
        return Some(format!("alias '{alias}' normalises to nothing"));
    }
    if key.chars().filter(|c| !c.is_whitespace()).count() < 2 {
        return Some(format!("alias '{alias}' is shorter than two characters once normalised"));
    }
    if key.split(' ').all(is_generic) {
        return Some(format!(
            "alias '{alias}' is made only of generic words ('{key}') and would match unrelated names"
        ));
    }
    None
}

/// Lookup table from alias forms to partners, for matching many names against one catalogue.
#[derive(Debug, Clone, Default)]
pub struct NameIndex<'a> {
    keys: HashMap<String, &'a Partner>,
}

impl<'a> NameIndex<'a> {
    /// Aliases that [`alias_problem`] refuses are left out even if the catalogue was not validated, so a bad
    /// file can lose matches but never create loose ones. On a key shared by two partners (which
    /// `Catalog::validate` reports) the first partner in the file wins, keeping results deterministic.
    pub fn new(catalog: &'a Catalog) -> NameIndex<'a> {
        let mut keys = HashMap::new();
        for partner in &catalog.partners {
            for alias in &partner.aliases {
                if alias_problem(alias).is_none() {
                    keys.entry(alias_key(alias)).or_insert(partner);
                }
            }
        }
        NameIndex { keys }
    }

    /// The partner whose alias equals `name` once normalised, trying the full name before the form left by
    /// removing a trailing platform phrase or legal form.
    pub fn get(&self, name: &str) -> Option<&'a Partner> {
        forms(name).iter().find_map(|form| self.keys.get(form).copied())
    }
}

impl Catalog {
    /// See [`NameIndex::get`]. Builds a throwaway index unless this is the built-in catalogue, whose index is
    /// cached; for many lookups on another catalogue, keep a [`Catalog::name_index`].
    pub fn match_name(&self, name: &str) -> Option<&Partner> {
        if super::is_builtin(self) {
            return super::builtin_index().get(name);
        }
        NameIndex::new(self).get(name)
    }

    pub fn name_index(&self) -> NameIndex<'_> {
        NameIndex::new(self)
    }
}

/// "iOS" is an Apple product's own name, so an alias of only that word stands; every other generic word does
/// not.
const PRODUCT_NAMES: &[&str] = &["ios"];

fn is_generic(word: &str) -> bool {
    !PRODUCT_NAMES.contains(&word) && (GENERIC_WORDS.contains(&word) || LEGAL_SUFFIXES.contains(&word))
}

/// The full normalised name followed by each form left after removing one more trailing platform phrase or
/// legal form. Stops before the name would shrink to nothing or one character.
fn forms(name: &str) -> Vec<String> {
    let mut words = base_words(name);
    let mut out = vec![words.join(" ")];
    while let Some(count) = trailing_noise(&words) {
        let rest = &words[..words.len() - count];
        if rest.is_empty() || rest.iter().map(|w| w.chars().count()).sum::<usize>() < 2 {
            break;
        }
        words.truncate(words.len() - count);
        out.push(words.join(" "));
    }
    out
}

/// How many trailing words form a platform phrase or legal form, if any.
fn trailing_noise(words: &[String]) -> Option<usize> {
    PLATFORM_SUFFIXES.iter().chain(LEGAL_SUFFIXES).find_map(|phrase| {
        let parts: Vec<&str> = phrase.split(' ').collect();
        let ends =
            words.len() >= parts.len() && words[words.len() - parts.len()..].iter().zip(&parts).all(|(w, p)| w == p);
        ends.then_some(parts.len())
    })
}

/// Lowercased, accent-folded words with web addresses reduced to their brand and trailing legal forms
/// removed (keeping at least one word).
fn base_words(name: &str) -> Vec<String> {
    let lower = name.trim().to_lowercase();
    let text = domain_brand(&lower).unwrap_or(lower);
    let mut words = fold_words(&text);
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(&w.as_str())) {
        words.pop();
    }
    words
}

/// "spotify.com", "www.spotify.co.uk", "https://open.spotify.com/track/x" -> "spotify". Only applies when the
/// whole input is a host name, so "Mail.ru Group" is left to ordinary punctuation handling.
fn domain_brand(text: &str) -> Option<String> {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://")).unwrap_or(text);
    let host = rest.split(['/', '?', '#']).next()?.split(':').next()?;
    let host = host.strip_suffix('.').unwrap_or(host);
    if !host.contains('.') || !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') {
        return None;
    }
    let labels: Vec<&str> = host.split('.').collect();
    if labels.iter().any(|label| label.is_empty()) {
        return None;
    }
    let tld = labels[labels.len() - 1];
    if tld.len() < 2 || !tld.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let suffix_len = if labels.len() >= 3 && tld.len() == 2 && SECOND_LEVEL_LABELS.contains(&labels[labels.len() - 2]) {
        2
    } else {
        1
    };
    if labels.len() <= suffix_len {
        return None;
    }
    let (names, suffix) = labels.split_at(labels.len() - suffix_len);
    let brand = names[names.len() - 1];
    if is_generic(brand) { Some(format!("{brand} {}", suffix.join(" "))) } else { Some(brand.to_string()) }
}

/// Splits into words of letters and digits: accents folded to ASCII, apostrophes dropped so "Applebee's"
/// stays one word, every other symbol a separator. Letters from other scripts are kept as they are.
fn fold_words(text: &str) -> Vec<String> {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if ('\u{300}'..='\u{36f}').contains(&c) || matches!(c, '\'' | '\u{2019}' | '\u{2bc}' | '`' | '\u{b4}') {
            continue;
        }
        if let Some(ascii) = fold_letter(c) {
            out.push_str(ascii);
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push(' ');
        }
    }
    out.split_whitespace().map(str::to_string).collect()
}

/// ASCII spelling of a lowercase Latin-1 Supplement or Latin Extended-A letter. A table rather than Unicode
/// decomposition because that would need a crate, and names in exports are overwhelmingly in these ranges.
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
