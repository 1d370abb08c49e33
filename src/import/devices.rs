//! Login user agents and recognised devices. They name the owner's phones and computers, which later tells
//! whether a device maker's Facebook integration applied to this person.

use super::builder::Builder;
use super::json::{records, str_field};
use super::time::unix;
use serde_json::Value;

pub fn devices(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["account_activity_v2", "active_sessions_v2", "recognized_devices_v2"])
        .ok_or("has no list of logins or devices")?;
    let mut read = 0;
    for item in items {
        let at = unix(item.get("timestamp"))
            .or_else(|| unix(item.get("created_timestamp")))
            .or_else(|| unix(item.get("updated_timestamp")));
        if let Some(agent) = str_field(item, "user_agent") {
            out.add_device(agent, at);
            read += 1;
        }
    }
    Ok(read)
}
