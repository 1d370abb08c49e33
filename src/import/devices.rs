//! Login user agents and recognised devices. They name the owner's phones and computers, which later tells
//! whether a device maker's Facebook integration applied to this person.

use super::builder::Builder;
use super::json::{records, str_field};
use super::time::unix;
use serde_json::Value;

const KEYS: &[&str] = &[
    "account_activity_v2",
    "account_activity",
    "active_sessions_v2",
    "active_sessions",
    "recognized_devices_v2",
    "recognized_devices",
    "used_ip_address_v2",
];

pub fn devices(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, KEYS).ok_or("has no list of logins or devices")?;
    let mut read = 0;
    for item in items {
        let entries = item.get("label_values").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let at = ["timestamp", "created_timestamp", "updated_timestamp"]
            .iter()
            .find_map(|k| unix(item.get(*k)))
            .or_else(|| entries.iter().find_map(|e| unix(e.get("timestamp_value"))));
        // label_values records (2025+) label the agent in the account's language, so it is found by shape.
        let agent = str_field(item, "user_agent")
            .or_else(|| entries.iter().find_map(|e| str_field(e, "value").filter(|v| looks_like_user_agent(v))));
        if let Some(agent) = agent {
            out.add_device(agent, at);
            read += 1;
        }
    }
    Ok(read)
}

/// User agents start with a product token (`Mozilla/5.0`, `FBAN/FBIOS`, `BlackBerry9700/5.0`).
fn looks_like_user_agent(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    first.split_once('/').is_some_and(|(product, version)| {
        !product.is_empty()
            && product.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
            && version.starts_with(|c: char| c.is_ascii_digit())
    }) || s.contains("FBAN/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_agents_are_told_from_other_values() {
        assert!(looks_like_user_agent("Mozilla/5.0 (iPhone; CPU iPhone OS 12_4 like Mac OS X)"));
        assert!(looks_like_user_agent("BlackBerry9700/5.0.0.351 Profile/MIDP-2.1"));
        assert!(!looks_like_user_agent("192.168.0.1"));
        assert!(!looks_like_user_agent("Berlin, Germany"));
        assert!(!looks_like_user_agent("https://example.org/a"));
    }
}
