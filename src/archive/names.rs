//! Entry names as the importer sees them. Exports arrive re-zipped on macOS, written with Windows
//! separators, or wrapped in folders by cloud transfers; the importer must see one clean, relative path per
//! file, and no name may ever point outside the export.

/// A clean relative path with `/` separators, or `None` for junk that is never part of an export
/// (`__MACOSX/`, `._*`, `.DS_Store`, `Thumbs.db`) and for directories.
pub fn normalise(raw: &str) -> Option<String> {
    let unified = raw.replace('\\', "/");
    if unified.ends_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in unified.split('/') {
        match part {
            "" | "." => {}
            // `..` is dropped rather than resolved: an export never uses it, and dropping it means no
            // crafted name can climb above the export root.
            ".." => {}
            p if p.len() == 2 && p.ends_with(':') => {} // a Windows drive letter
            p => parts.push(p),
        }
    }
    let file = parts.last()?;
    if parts.first() == Some(&"__MACOSX")
        || file.starts_with("._")
        || *file == ".DS_Store"
        || file.eq_ignore_ascii_case("Thumbs.db")
    {
        return None;
    }
    Some(parts.join("/"))
}

/// Undo a browser's duplicate-download suffix: `following (1).json` → `following.json`.
pub fn strip_browser_copy(path: &str) -> std::borrow::Cow<'_, str> {
    let Some(stem_end) = path.rfind('.') else {
        return path.into();
    };
    let (stem, ext) = path.split_at(stem_end);
    if let Some(open) = stem.rfind(" (")
        && stem.ends_with(')')
        && stem[open + 2..stem.len() - 1].chars().all(|c| c.is_ascii_digit())
        && stem.len() > open + 3
    {
        return format!("{}{}", &stem[..open], ext).into();
    }
    path.into()
}

/// True when `path` is `suffix` or ends with `/suffix`: matching on whole path components means a wrapper
/// folder, or Meta's habit of nesting whole sub-trees, never hides a file, and `my_friends.json` never
/// matches `friends.json`.
pub fn has_suffix(path: &str, suffix: &str) -> bool {
    path == suffix
        || (path.len() > suffix.len()
            && path.ends_with(suffix)
            && path.as_bytes().get(path.len() - suffix.len() - 1) == Some(&b'/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn junk_and_directories_are_dropped() {
        assert_eq!(normalise("__MACOSX/connections/._your_friends.json"), None);
        assert_eq!(normalise("connections/.DS_Store"), None);
        assert_eq!(normalise("connections/friends/"), None);
        assert_eq!(normalise("media/Thumbs.db"), None);
    }

    #[test]
    fn separators_and_escapes_are_normalised() {
        assert_eq!(
            normalise("facebook-x\\connections\\friends\\your_friends.json").as_deref(),
            Some("facebook-x/connections/friends/your_friends.json")
        );
        assert_eq!(normalise("/etc/../../passwd").as_deref(), Some("etc/passwd"));
        assert_eq!(normalise("C:/a/./b.json").as_deref(), Some("a/b.json"));
    }

    #[test]
    fn browser_copies_lose_their_number() {
        assert_eq!(strip_browser_copy("a/following (1).json"), "a/following.json");
        assert_eq!(strip_browser_copy("a/following (x).json"), "a/following (x).json");
        assert_eq!(strip_browser_copy("a/following.json"), "a/following.json");
    }

    #[test]
    fn suffixes_match_whole_components() {
        assert!(has_suffix("x/connections/friends/your_friends.json", "friends/your_friends.json"));
        assert!(has_suffix("friends/your_friends.json", "friends/your_friends.json"));
        assert!(!has_suffix("x/best_friends/your_friends.json", "friends/your_friends.json"));
    }
}
