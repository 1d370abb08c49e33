//! Which device maker a login's user agent names. Device-integration deals ran inside the makers' own
//! phones and software, so a login from a BlackBerry in 2011 is the export's evidence that BlackBerry's
//! integration could have applied. Patterns are specific on purpose: a desktop browser on Windows says
//! nothing about Windows Phone's integration, so it matches nothing.

/// Catalogue id of the device maker behind a user agent, if it names one the catalogue knows.
pub fn device_partner(user_agent: &str) -> Option<&'static str> {
    const PATTERNS: &[(&str, &str)] = &[
        ("blackberry", "blackberry"),
        ("bb10", "blackberry"),
        ("playbook", "blackberry"),
        ("iphone", "apple"),
        ("ipad", "apple"),
        ("ipod", "apple"),
        ("macintosh", "apple"),
        ("windows phone", "microsoft-windows"),
        ("htc", "htc"),
        ("samsung", "samsung"),
        ("sm-", "samsung"),
        ("gt-", "samsung"),
        ("kindle", "amazon"),
        ("silk/", "amazon"),
        ("playstation", "sony"),
        ("xperia", "sony"),
        ("nokia", "nokia"),
        ("motorola", "motorola-lenovo"),
        ("moto ", "motorola-lenovo"),
        ("lenovo", "motorola-lenovo"),
        ("huawei", "huawei"),
        ("lg-", "lg"),
        ("lgms", "lg"),
        ("oppo", "oppo"),
        ("palm", "hp-palm"),
        ("webos", "hp-palm"),
        ("opera mini", "opera"),
        ("alcatel", "tcl-alcatel"),
        ("acer", "acer"),
        ("pantech", "pantech"),
    ];
    let agent = user_agent.to_ascii_lowercase();
    PATTERNS.iter().find(|(needle, _)| agent.contains(needle)).map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makers_are_recognised_and_desktops_are_not() {
        assert_eq!(device_partner("BlackBerry9700/5.0.0.351 Profile/MIDP-2.1"), Some("blackberry"));
        assert_eq!(device_partner("Mozilla/5.0 (iPhone; CPU iPhone OS 12_4 like Mac OS X)"), Some("apple"));
        assert_eq!(device_partner("Mozilla/5.0 (Linux; Android 13; SM-S911B)"), Some("samsung"));
        assert_eq!(device_partner("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0"), None);
        assert_eq!(device_partner("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0"), None);
    }

    #[test]
    fn every_pattern_names_a_catalogue_partner() {
        let catalog = crate::catalog::builtin();
        for agent in [
            "blackberry",
            "iphone",
            "windows phone",
            "htc",
            "samsung",
            "kindle",
            "playstation",
            "nokia",
            "motorola",
            "huawei",
            "lg-",
            "oppo",
            "palm",
            "opera mini",
            "alcatel",
            "acer",
            "pantech",
        ] {
            let id = device_partner(agent).unwrap();
            assert!(catalog.partner(id).is_some(), "{id}");
        }
    }
}
