//! What a login's user agent says about the device: its maker, its model family, its operating system and
//! version, and the browser or app. Device-integration deals ran inside the makers' own phones and software,
//! and some only on certain OS versions (Apple's Settings account shipped with iOS 6 and was removed in
//! iOS 11), so a rule needs all four, read the way the rest of the industry reads them.
//!
//! The reading is the ua-parser project's (uap-core's `regexes.yaml`, bundled in `assets/uap/` with its
//! licence), through the `uaparser` crate. A pattern list of our own read a PlayStation Vita ("... Silk/3.2")
//! as an Amazon device and a Windows Phone 8.1 ("... like iPhone OS 7_0_3") as an iPhone; uap-core's ordered
//! rules exist to get exactly such cases right and are kept up to date by others.

pub use crate::catalog::parse_version;
use std::collections::HashMap;
use std::sync::OnceLock;
use uaparser::{Parser, UserAgentParser};

const REGEXES: &[u8] = include_bytes!("../../assets/uap/regexes.yaml");

/// A user agent as uap-core reads it. `"Other"` (uap-core's word for unknown) becomes `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeviceInfo {
    /// The maker, e.g. "Apple", "BlackBerry", "Sony".
    pub brand: Option<String>,
    /// The device family, e.g. "iPhone", "PlayStation Vita", "BlackBerry 9700".
    pub family: Option<String>,
    /// The operating system, e.g. "iOS", "Mac OS X", "BlackBerry OS", "Windows Phone".
    pub os: Option<String>,
    /// The OS version's numeric parts, as far as the user agent gives them.
    pub os_version: Vec<u32>,
    /// The browser or app, e.g. "Mobile Safari", "Firefox", "Opera Mini".
    pub browser: Option<String>,
    pub browser_version: Vec<u32>,
}

impl DeviceInfo {
    /// "BlackBerry 9700 (BlackBerry OS 5.0.0)", "iPhone (iOS 12.4)": a few words for sentences.
    pub fn describe(&self) -> String {
        let device = match (&self.brand, &self.family) {
            (Some(brand), Some(family)) if family.starts_with(brand.as_str()) => family.clone(),
            (Some(brand), Some(family)) => format!("{brand} {family}"),
            (Some(brand), None) => format!("{brand} device"),
            (None, Some(family)) => family.clone(),
            (None, None) => "device".to_owned(),
        };
        match &self.os {
            Some(os) if self.os_version.is_empty() => format!("{device} ({os})"),
            Some(os) => format!("{device} ({os} {})", version_text(&self.os_version)),
            None => device,
        }
    }
}

/// "6.0", "10.8.2".
pub fn version_text(version: &[u32]) -> String {
    version.iter().map(u32::to_string).collect::<Vec<_>>().join(".")
}

fn parser() -> Option<&'static UserAgentParser> {
    static PARSER: OnceLock<Option<UserAgentParser>> = OnceLock::new();
    // Unicode classes are not needed for user agents and cost much of the parser's memory and build time.
    PARSER
        .get_or_init(|| UserAgentParser::builder().with_unicode_support(false).build_from_bytes(REGEXES).ok())
        .as_ref()
}

fn known(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty() && text != "Other").then(|| text.to_owned())
}

/// Reads one user agent. An agent uap-core cannot place comes back with every field `None`.
pub fn read_user_agent(agent: &str) -> DeviceInfo {
    let Some(parser) = parser() else { return DeviceInfo::default() };
    let client = parser.parse(agent);
    let numbers = |parts: [&Option<std::borrow::Cow<str>>; 3]| -> Vec<u32> {
        parts.into_iter().map_while(|p| p.as_ref()?.parse().ok()).collect()
    };
    let os_version = numbers([&client.os.major, &client.os.minor, &client.os.patch]);
    let browser_version = numbers([&client.user_agent.major, &client.user_agent.minor, &client.user_agent.patch]);
    DeviceInfo {
        brand: client.device.brand.as_deref().and_then(known),
        family: known(&client.device.family),
        os: known(&client.os.family),
        os_version,
        browser: known(&client.user_agent.family),
        browser_version,
    }
}

/// Reads every distinct agent once: exports repeat the same few agents across thousands of sessions.
pub fn read_user_agents<'a>(agents: impl IntoIterator<Item = &'a str>) -> HashMap<&'a str, DeviceInfo> {
    let mut out = HashMap::new();
    for agent in agents {
        out.entry(agent).or_insert_with(|| read_user_agent(agent));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consoles_and_phones_are_read_by_their_real_maker() {
        let vita =
            read_user_agent("Mozilla/5.0 (PlayStation Vita 3.2) AppleWebKit/536.26 (KHTML, like Gecko) Silk/3.2");
        assert_eq!((vita.brand.as_deref(), vita.family.as_deref()), (Some("Sony"), Some("PlayStation Vita")));
        let lumia = read_user_agent(
            "Mozilla/5.0 (Mobile; Windows Phone 8.1; Android 4.0; ARM; Trident/7.0; Touch; rv:11.0; IEMobile/11.0; \
             NOKIA; Lumia 635) like iPhone OS 7_0_3 Mac OS X AppleWebKit/537 (KHTML, like Gecko) Mobile Safari/537",
        );
        assert_eq!((lumia.os.as_deref(), lumia.os_version.as_slice()), (Some("Windows Phone"), &[8, 1][..]));
        assert_ne!(lumia.brand.as_deref(), Some("Apple"));
    }

    #[test]
    fn os_versions_are_read() {
        let iphone = read_user_agent("Mozilla/5.0 (iPhone; CPU iPhone OS 11_2 like Mac OS X) AppleWebKit/604.4.7");
        assert_eq!((iphone.os.as_deref(), iphone.os_version.as_slice()), (Some("iOS"), &[11, 2][..]));
        let old = read_user_agent("BlackBerry9700/5.0.0.351 Profile/MIDP-2.1 Configuration/CLDC-1.1 VendorID/123");
        assert_eq!((old.os.as_deref(), old.os_version.first()), (Some("BlackBerry OS"), Some(&5)));
        let bb10 = read_user_agent(
            "Mozilla/5.0 (BB10; Touch) AppleWebKit/537.10+ (KHTML, like Gecko) Version/10.0.9.2372 Mobile Safari/537.10+",
        );
        assert_eq!((bb10.os.as_deref(), bb10.os_version.first()), (Some("BlackBerry OS"), Some(&10)));
        assert_eq!(bb10.brand.as_deref(), Some("BlackBerry"));
    }

    #[test]
    fn desktops_name_no_maker_and_garbage_reads_as_nothing() {
        let linux = read_user_agent("Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0");
        assert_eq!(linux.brand, None);
        assert_eq!(linux.browser.as_deref(), Some("Firefox"));
        assert_eq!(read_user_agent("\u{0}\u{ffff} not an agent").brand, None);
        assert_eq!(parse_version("10.8.2"), Some(vec![10, 8, 2]));
        assert_eq!(parse_version("10.x"), None);
    }
}
