//! Meta's exports are pure ASCII JSON in which every UTF-8 byte of non-ASCII text is written as its own
//! `\u00XX` escape, so a plain parser turns "é" into "Ã©" and an emoji into four Latin-1 characters. The fix
//! runs once, on every string and every object key, right after parsing and before anything compares names.

use serde_json::Value;
use std::borrow::Cow;

/// Reinterpret a string whose characters are all ≤ U+00FF as UTF-8 bytes. Strings that already hold real
/// Unicode (any character above U+00FF), plain ASCII, and byte runs that are not valid UTF-8 are unchanged.
pub fn fix_meta_text(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || s.chars().any(|c| u32::from(c) > 0xFF) {
        return Cow::Borrowed(s);
    }
    let bytes: Vec<u8> = s.chars().map(|c| u32::from(c) as u8).collect();
    match String::from_utf8(bytes) {
        Ok(fixed) => Cow::Owned(fixed),
        Err(_) => Cow::Borrowed(s),
    }
}

/// Apply [`fix_meta_text`] to every string and key in a parsed document. serde_json's recursion limit
/// bounds the depth, so the recursion here is bounded too.
pub fn fix_value(value: &mut Value) {
    match value {
        Value::String(s) => {
            if let Cow::Owned(fixed) = fix_meta_text(s) {
                *s = fixed;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(fix_value),
        Value::Object(map) => {
            if map.keys().any(|k| !k.is_ascii()) {
                let old = std::mem::take(map);
                for (key, mut v) in old {
                    fix_value(&mut v);
                    map.insert(fix_meta_text(&key).into_owned(), v);
                }
            } else {
                map.values_mut().for_each(fix_value);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_becomes_real_text() {
        assert_eq!(fix_meta_text("Zo\u{c3}\u{ab} M\u{c3}\u{bc}ller"), "Zoë Müller");
        assert_eq!(fix_meta_text("\u{f0}\u{9f}\u{98}\u{80}"), "😀");
    }

    #[test]
    fn real_unicode_and_ascii_are_left_alone() {
        assert_eq!(fix_meta_text("Zoë"), "Zoë"); // ë is U+00EB: alone it is not valid UTF-8, so kept
        assert_eq!(fix_meta_text("Łukasz Ünal"), "Łukasz Ünal");
        assert_eq!(fix_meta_text("plain"), "plain");
        assert!(matches!(fix_meta_text("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn keys_and_nested_values_are_fixed() {
        let mut v: Value = serde_json::from_str(r#"{"Auteur \u00c3\u00a9": [{"name": "Ren\u00c3\u00a9e"}]}"#).unwrap();
        fix_value(&mut v);
        assert_eq!(v["Auteur é"][0]["name"], "Renée");
    }
}
