//! Messenger threads. Only who took part, how many messages, and when are kept: message text never leaves
//! the parser, because the map needs none of it and holding it would make every later stage a privacy risk.

use super::builder::Builder;
use super::json::str_field;
use super::time::unix;
use serde_json::Value;
use std::collections::HashSet;

/// Identifies one message across the overlapping parts of a split thread without keeping its text.
pub type MessageKey = (i64, u64, u64);

pub fn thread(doc: &Value, key: &str, seen: &mut HashSet<MessageKey>, out: &mut Builder) -> Result<usize, String> {
    let messages = doc.get("messages").and_then(Value::as_array).ok_or("has no messages list")?;
    let acc = out.thread(key);
    if acc.title.is_none() {
        acc.title = str_field(doc, "title").or_else(|| str_field(doc, "thread_name")).map(str::to_owned);
    }
    for p in doc.get("participants").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default() {
        let name = p.as_str().or_else(|| p.get("name").and_then(Value::as_str)).map(str::trim);
        if let Some(name) = name.filter(|n| !n.is_empty())
            && !acc.participants.iter().any(|x| x == name)
        {
            acc.participants.push(name.to_owned());
        }
    }
    let mut read = 0;
    for m in messages {
        let sender = str_field(m, "sender_name");
        let at = unix(m.get("timestamp_ms").or_else(|| m.get("timestamp")));
        let key = (
            at.unwrap_or(0),
            hash(sender.unwrap_or("")),
            hash(&m.get("content").map(Value::to_string).unwrap_or_default()),
        );
        if at.is_some() && !seen.insert(key) {
            continue;
        }
        acc.add_message(sender, at);
        read += 1;
    }
    Ok(read)
}

fn hash(s: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}
