//! One message file as both readers produce it (the scanner in [`super::scan`] and the serde reader in
//! [`super::messages`]), and the small vocabulary they share: the keys they act on and the text hash that
//! finds a split thread's overlapping messages. Its own module so each reader depends on it and neither on
//! the other.

use super::text::fix_meta_text;
use crate::model::Unix;
use serde::de::{self, Deserializer, Visitor};
use std::collections::HashMap;
use std::fmt;

/// Identifies one message across the overlapping parts of a split thread without keeping its text:
/// (time, sender, hash of the text as the file writes it, escapes and all). Overlapping parts come from one
/// export and write a message identically, so hashing the raw text finds the copies without the cost of
/// unescaping every message.
pub type MessageKey = (i64, u32, u64);

/// One message file, reduced to what the map keeps.
#[derive(Default)]
pub struct ThreadFile {
    pub title: Option<String>,
    /// `thread_type` where older exports give it: `RegularGroup` or `Regular`.
    pub group: Option<bool>,
    pub participants: Vec<String>,
    /// Distinct sender names in this file; messages refer to them by index.
    pub senders: Vec<String>,
    /// Sender names as exported (before the mojibake fix) to their index, so each message costs one lookup.
    sender_index: HashMap<String, u32>,
    pub messages: Vec<Message>,
    pub(super) has_messages: bool,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Message {
    pub at: Option<Unix>,
    /// The exported time at full precision (milliseconds), so two equal messages a few ms apart stay two.
    pub exact: i64,
    /// Index into [`ThreadFile::senders`]; `u32::MAX` when the message names no sender.
    pub sender: u32,
    pub text_hash: u64,
}

pub(super) const NO_SENDER: u32 = u32::MAX;

/// Whether to hash each message's text. Only a thread split over several files needs the hashes, to find the
/// messages its parts share; hashing costs a tenth of the parse, so a thread in one file skips it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Texts {
    Hash,
    /// Every `text_hash` may be left 0.
    Skip,
}

impl Texts {
    /// What a thread of `files` files needs.
    pub fn for_thread_of(files: usize) -> Texts {
        if files > 1 { Texts::Hash } else { Texts::Skip }
    }
}

/// A fast, non-cryptographic hash: it only tells overlapping copies of one message apart from other
/// messages sent in the same millisecond by the same person.
pub fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// [`hash_str`] of a string's UTF-8 bytes, for callers that hold bytes already known to be UTF-8.
pub fn hash_bytes(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (h >> 32)
}

impl ThreadFile {
    /// Everything a parse produced, to compare two parses in tests.
    #[cfg(test)]
    #[allow(clippy::type_complexity)]
    pub(super) fn summary(&self) -> (&[String], Option<&str>, Option<bool>, &[String], &[Message], bool) {
        (&self.participants, self.title.as_deref(), self.group, &self.senders, &self.messages, self.has_messages)
    }

    /// The index of a sender, given the name as the file spells it (unescaped, before the mojibake fix).
    pub(super) fn intern(&mut self, raw: &str) -> u32 {
        if let Some(&i) = self.sender_index.get(raw) {
            return i;
        }
        let name = fix_meta_text(raw.trim());
        let i = if name.is_empty() {
            NO_SENDER
        } else if let Some(known) = self.senders.iter().position(|s| *s == name) {
            known as u32
        } else {
            self.senders.push(name.into_owned());
            self.senders.len() as u32 - 1
        };
        self.sender_index.insert(raw.to_owned(), i);
        i
    }
}

/// The keys both readers act on; matching them in the visitor means keys are never allocated.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Key {
    Messages,
    Participants,
    Title,
    ThreadName,
    ThreadType,
    /// A participant's name.
    Name,
    SenderName,
    TimestampMs,
    Timestamp,
    Content,
    Other,
}

impl Key {
    pub(super) fn of(raw: &[u8]) -> Key {
        match raw {
            b"messages" => Key::Messages,
            b"participants" => Key::Participants,
            b"title" => Key::Title,
            b"thread_name" => Key::ThreadName,
            b"thread_type" => Key::ThreadType,
            b"name" => Key::Name,
            b"sender_name" => Key::SenderName,
            b"timestamp_ms" => Key::TimestampMs,
            b"timestamp" => Key::Timestamp,
            b"content" => Key::Content,
            _ => Key::Other,
        }
    }
}

impl<'de> de::Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        d.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }
    fn visit_str<E: de::Error>(self, k: &str) -> Result<Key, E> {
        Ok(Key::of(k.as_bytes()))
    }
}
