//! Messenger threads. Only who took part, how many messages, and when are kept: message text never leaves
//! the parser, because the map needs none of it and holding it would make every later stage a privacy risk.
//!
//! Message files are most of an export's JSON (a heavy one holds a million messages), so they are not parsed
//! into a `serde_json::Value`: the scanner in [`super::scan`] reads each message's sender, time and a hash of
//! its text, and skips everything else without allocating. A streaming serde visitor below reads the same
//! fields by the same rules; it is the reference the scanner is tested against, and it re-reads the rare
//! files the scanner leaves to it (invalid JSON among them, so serde_json words the warning). Every field is
//! read leniently: a value of the wrong type is ignored rather than failing the file.

use super::builder::ThreadAcc;
use super::scan;
use super::text::fix_meta_text;
use super::thread_file::{Key, NO_SENDER};
pub use super::thread_file::{Message, MessageKey, Texts, ThreadFile, hash_bytes, hash_str};
use super::time::unix;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

/// Set only by tests that compare whole imports read with and without the scanner.
static SERDE_ONLY: AtomicBool = AtomicBool::new(false);

/// Read every message file with the serde path from now on (`true`) or with the scanner again (`false`).
/// Process-wide, for the differential tests only.
#[doc(hidden)]
pub fn differential_serde_only(on: bool) {
    SERDE_ONLY.store(on, Ordering::SeqCst);
}

pub fn parse_file(bytes: &[u8]) -> Result<ThreadFile, String> {
    parse_file_with(bytes, Texts::Hash)
}

pub fn parse_file_with(bytes: &[u8], texts: Texts) -> Result<ThreadFile, String> {
    read(bytes, !SERDE_ONLY.load(Ordering::Relaxed), texts)
}

/// [`parse_file`] without the scanner: the reference it is compared with.
pub fn parse_file_serde(bytes: &[u8]) -> Result<ThreadFile, String> {
    read(bytes, false, Texts::Hash)
}

fn read(bytes: &[u8], scanner: bool, texts: Texts) -> Result<ThreadFile, String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty".into());
    }
    let mut file = ThreadFile::default();
    if !scanner || scan::thread(body, &mut file, texts).is_err() {
        // The scanner gives up on invalid JSON and a few rare valid forms; serde_json reads those by the same
        // rules (or words the error), so giving up costs time, never a different result.
        file = ThreadFile::default();
        // Validating the whole file once is several times faster than serde_json validating string by string.
        let body = std::str::from_utf8(body).map_err(|e| format!("is not UTF-8 text ({e})"))?;
        let mut de = serde_json::Deserializer::from_str(body);
        FileSeed(&mut file).deserialize(&mut de).map_err(|e| format!("is not valid JSON ({e})"))?;
        de.end().map_err(|e| format!("is not valid JSON ({e})"))?;
    }
    if !file.has_messages {
        return Err("has no messages list".into());
    }
    Ok(file)
}

/// Add one file of a thread to its accumulator, skipping the messages an earlier file of the thread already
/// counted (the parts of a split thread overlap, and a thread can come in several zips). Messages within one
/// file are never merged, as rows within one list file are not. `seen` holds the earlier files' messages;
/// this file's are added to it only when `more` files of the thread follow, which spares a thread in one
/// file (most threads) a set insert per message.
pub fn merge(file: ThreadFile, acc: &mut ThreadAcc, seen: &mut Seen, more: bool) -> usize {
    if acc.title.is_none() {
        acc.title = file.title;
    }
    acc.group_hint = acc.group_hint.or(file.group);
    for name in file.participants {
        if !acc.participants.contains(&name) {
            acc.participants.push(name);
        }
    }
    let mut per_sender = vec![0u64; file.senders.len()];
    // Stable across files: the sender's name, not this file's index for it, goes into the key.
    let sender_keys: Vec<u32> = file.senders.iter().map(|s| hash_str(s) as u32).collect();
    let earlier = !seen.is_empty();
    let mut this_file = Vec::with_capacity(if more { file.messages.len() } else { 0 });
    let mut read = 0;
    let kept = file.messages.iter().filter(|m| {
        // A message without a time cannot be told from another, so it is never taken for a copy.
        if m.at.is_some() {
            let key = (m.exact, sender_keys.get(m.sender as usize).copied().unwrap_or(0), m.text_hash);
            if earlier && seen.contains(&key) {
                return false;
            }
            if more {
                this_file.push(key);
            }
        }
        if let Some(n) = per_sender.get_mut(m.sender as usize) {
            *n += 1;
        }
        read += 1;
        true
    });
    acc.add_times(kept.map(|m| m.at));
    for (name, n) in file.senders.into_iter().zip(per_sender) {
        if n > 0 {
            *acc.senders.entry(name).or_default() += n;
        }
    }
    seen.extend(this_file);
    read
}

/// The keys of messages already counted in a thread. The keys are hashes already, so hashing them again
/// with SipHash would only cost time.
pub type Seen = HashSet<MessageKey, BuildHasherDefault<KeyHasher>>;

#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_str(&String::from_utf8_lossy(bytes)) ^ self.0.rotate_left(5);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
}

fn text(value: &Value) -> Option<String> {
    let s = value.as_str().map(str::trim).filter(|s| !s.is_empty())?;
    Some(fix_meta_text(s).into_owned())
}

/// Visitor methods for every JSON type a lenient field does not want: scalars are dropped, containers are
/// drained, so a wrong type costs nothing and fails nothing.
macro_rules! ignore_other_types {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

macro_rules! ignore_containers {
    () => {
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(Default::default())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(Default::default())
        }
    };
}

pub(super) use {ignore_containers, ignore_other_types};

macro_rules! ignore_strings {
    () => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

struct FileSeed<'a>(&'a mut ThreadFile);

impl<'de> DeserializeSeed<'de> for FileSeed<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FileSeed<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a message thread object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let file = self.0;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Messages => {
                    file.has_messages |= map.next_value_seed(MessagesSeed(file))?;
                }
                Key::Participants => {
                    let list: Value = map.next_value()?;
                    for p in list.as_array().map(Vec::as_slice).unwrap_or_default() {
                        let name = text(p).or_else(|| p.get("name").and_then(text));
                        if let Some(name) = name
                            && !file.participants.contains(&name)
                        {
                            file.participants.push(name);
                        }
                    }
                }
                Key::Title | Key::ThreadName => {
                    let v: Value = map.next_value()?;
                    if file.title.is_none() {
                        file.title = text(&v);
                    }
                }
                Key::ThreadType => {
                    let v: Value = map.next_value()?;
                    file.group = match v.as_str() {
                        Some("RegularGroup") => Some(true),
                        Some("Regular") => Some(false),
                        _ => None,
                    };
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
    ignore_other_types!();
    ignore_strings!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(())
    }
}

/// The `messages` array; yields whether it was an array at all.
struct MessagesSeed<'a>(&'a mut ThreadFile);

impl<'de> DeserializeSeed<'de> for MessagesSeed<'_> {
    type Value = bool;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MessagesSeed<'_> {
    type Value = bool;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of messages")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while let Some(message) = seq.next_element_seed(MessageSeed(&mut *self.0))? {
            if let Some(m) = message {
                self.0.messages.push(m);
            }
        }
        Ok(true)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    ignore_other_types!();
    ignore_strings!();
}

/// One message object; anything that is not an object is no message.
struct MessageSeed<'a>(&'a mut ThreadFile);

impl<'de> DeserializeSeed<'de> for MessageSeed<'_> {
    type Value = Option<Message>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Message>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MessageSeed<'_> {
    type Value = Option<Message>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a message")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<Message>, A::Error> {
        let mut m = Message { at: None, exact: 0, sender: NO_SENDER, text_hash: 0 };
        let mut ms = None;
        let mut s = None;
        let mut exact = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::SenderName => {
                    if let Some(name) = map.next_value_seed(StrSeed(|name: &str| self.0.intern(name)))? {
                        m.sender = name;
                    }
                }
                Key::TimestampMs => {
                    let v = map.next_value::<Value>()?;
                    exact = v.as_i64();
                    ms = unix(Some(&v));
                }
                Key::Timestamp => s = unix(Some(&map.next_value::<Value>()?)),
                Key::Content => m.text_hash = raw_text_hash(map.next_value::<&RawValue>()?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        m.at = ms.or(s);
        m.exact = exact.filter(|_| ms.is_some()).or(s.map(|t| t * 1000)).unwrap_or(0);
        Ok(Some(m))
    }
    ignore_other_types!();
    ignore_strings!();
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<Message>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// The hash of a string value's text between its quotes, as written; 0 for any other type.
fn raw_text_hash(value: &RawValue) -> u64 {
    value.get().strip_prefix('"').and_then(|s| s.strip_suffix('"')).map_or(0, hash_str)
}

/// A string field handed to `F` without being allocated (serde_json lends it from the input or a scratch
/// buffer); any other type gives `None`.
struct StrSeed<F>(F);

impl<'de, T, F: FnOnce(&str) -> T> DeserializeSeed<'de> for StrSeed<F> {
    type Value = Option<T>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T, F: FnOnce(&str) -> T> Visitor<'de> for StrSeed<F> {
    type Value = Option<T>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<T>, E> {
        Ok(Some((self.0)(s)))
    }
    ignore_other_types!();
    ignore_containers!();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn senders_times_and_text_hashes_without_text() {
        let f = parse_file(
            br#"{"participants": [{"name": "Ren\u00c3\u00a9e"}, "Bo", 7], "title": "T", "thread_type": "RegularGroup",
                "messages": [{"sender_name": "Ren\u00c3\u00a9e", "timestamp_ms": 1700000000000, "content": "x",
                              "reactions": [{"actor": "Bo"}]},
                             {"sender_name": 5, "timestamp": 1600000000}, "junk", {"content": {"deep": [1]}}]}"#,
        )
        .unwrap();
        assert_eq!(f.participants, vec!["Renée", "Bo"]);
        assert_eq!((f.title.as_deref(), f.group), (Some("T"), Some(true)));
        assert_eq!(f.senders, vec!["Renée"]);
        assert_eq!(f.messages.len(), 3);
        assert_eq!(f.messages[0].at, Some(1_700_000_000));
        assert_eq!((f.messages[1].sender, f.messages[1].at), (NO_SENDER, Some(1_600_000_000)));
        assert_eq!(f.messages[0].text_hash, hash_str("x"));
        assert_eq!(f.messages[2].text_hash, 0);
    }

    #[test]
    fn files_without_a_message_list_are_refused() {
        assert_eq!(parse_file(br#"{"participants": []}"#).err().as_deref(), Some("has no messages list"));
        assert_eq!(parse_file(br#"{"messages": {"a": 1}}"#).err().as_deref(), Some("has no messages list"));
        assert!(parse_file(br#"[1, 2]"#).is_err());
        assert!(parse_file(b"{\"messages\": []} trailing").is_err());
        let deep = format!("{{\"messages\": [{}{}]}}", "[".repeat(10_000), "]".repeat(10_000));
        // Skipped fields are skipped without recursion, so deep nesting there costs no stack.
        assert_eq!(parse_file(deep.as_bytes()).map(|f| f.messages.len()).ok(), Some(0));
        let deep = format!("{{\"messages\": [], \"participants\": {}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse_file(deep.as_bytes()).err().is_some_and(|e| e.contains("recursion")));
    }

    #[test]
    fn overlapping_parts_count_once() {
        let part = |json: &str| parse_file(json.as_bytes()).unwrap();
        let mut acc = ThreadAcc::default();
        let mut seen = Seen::default();
        let a = part(r#"{"messages": [{"sender_name": "A", "timestamp_ms": 1700000000000, "content": "1"}]}"#);
        let b = part(
            r#"{"messages": [{"sender_name": "B", "timestamp_ms": 1600000000000, "content": "0"},
                             {"sender_name": "A", "timestamp_ms": 1700000000000, "content": "1"}]}"#,
        );
        assert_eq!(merge(a, &mut acc, &mut seen, true), 1);
        assert_eq!(merge(b, &mut acc, &mut seen, false), 1);
        assert_eq!((acc.messages, acc.senders.get("A"), acc.senders.get("B")), (2, Some(&1), Some(&1)));
        // Two equal messages in one file are two messages, whether or not more parts follow.
        let twice = r#"{"messages": [{"sender_name": "A", "timestamp_ms": 1700000000000, "content": "1"},
                                     {"sender_name": "A", "timestamp_ms": 1700000000000, "content": "1"}]}"#;
        for more in [true, false] {
            let mut acc = ThreadAcc::default();
            assert_eq!(merge(part(twice), &mut acc, &mut Seen::default(), more), 2);
        }
    }
}
