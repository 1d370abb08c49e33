//! A hand-written scanner for Messenger thread files (`message_N.json`). They are most of an export's JSON and
//! most of the import's parsing time, and a serde visitor pays for generic dispatch on every value it skips.
//! This scanner walks the bytes once, keeps only what [`ThreadFile`] holds (participants, title, thread type
//! and, per message, sender, time and a hash of the text) and skips everything else, strings and indentation
//! a word at a time.
//!
//! It never allocates per message: keys are compared as raw bytes, senders are looked up by their raw bytes,
//! and a message's text is hashed as written, never unescaped.
//!
//! It checks that the file is UTF-8 as it goes: outside strings it accepts only ASCII, and inside them it
//! checks each non-ASCII character where it meets one. Meta writes every non-ASCII character as an escape,
//! so a thread file usually has none, and this spares a separate pass over the whole file.
//!
//! It is deliberately at least as strict as serde_json: whatever serde_json refuses, it refuses too, and on a
//! few rare valid forms it cannot answer for exactly (escaped keys, fractional or huge times, nesting deeper
//! than serde_json allows) it gives up as well. [`super::messages::parse_file`] then re-reads the file with the
//! serde path, so an error here never changes the result, only its cost.

use super::text::fix_meta_text;
use super::thread_file::{Key, Message, NO_SENDER, Texts, ThreadFile, hash_bytes};
use super::time::unix_int;
use crate::model::Unix;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// serde_json refuses the 128th nested container, so the scanner does too; the bound also keeps the bit stack
/// of open containers in one `u128`.
pub const MAX_DEPTH: usize = 128;

/// Why the scanner stopped; the byte offset is for tests and debugging, since the caller re-reads the file
/// with serde_json to word the warning.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanError {
    pub what: &'static str,
    pub at: usize,
}

impl fmt::Display for ScanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "is not valid JSON ({} at byte {})", self.what, self.at)
    }
}

type Scan<T> = Result<T, ScanError>;

/// Read one thread file into `file`. `body` is the whole file, without a byte order mark; a file that is not
/// UTF-8 is refused.
pub fn thread(body: &[u8], file: &mut ThreadFile, texts: Texts) -> Scan<()> {
    let mut s = Scanner {
        bytes: body,
        texts,
        pos: 0,
        depth: 0,
        scratch: Vec::new(),
        senders: HashMap::default(),
        recent_senders: [None; SENDER_SLOTS],
    };
    s.ws();
    if s.peek() == Some(b'{') {
        s.top_object(file)?;
    } else {
        s.skip(true)?;
    }
    s.ws();
    if s.pos < s.bytes.len() {
        return s.fail("trailing characters");
    }
    Ok(())
}

/// Which kind of value the bytes at a key hold; only strings are looked at further.
enum Str<'a> {
    /// The raw bytes between the quotes, and whether they contain escapes.
    Text(&'a [u8], bool),
    Other,
}

/// Hashes a sender's raw bytes with the dedupe hash: they are short, and SipHash would cost more than the
/// lookup saves.
#[derive(Default)]
struct RawHasher(u64);

impl Hasher for RawHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes) ^ self.0.rotate_left(5);
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    texts: Texts,
    pos: usize,
    /// Containers open around `pos`.
    depth: usize,
    /// Reused for every string that must be unescaped, so unescaping allocates only while it grows.
    scratch: Vec<u8>,
    /// Sender names as they appear in the file, to their index in [`ThreadFile::senders`].
    senders: HashMap<&'a [u8], u32, BuildHasherDefault<RawHasher>>,
    /// A cache in front of `senders`, one slot per value of a few bits of a name's [`ends`]: a thread's
    /// handful of senders almost always land in distinct slots, so a message's sender costs one compare,
    /// without hashing the name or trying senders in turn.
    recent_senders: [Option<(u64, &'a [u8], u32)>; SENDER_SLOTS],
}

const SENDER_SLOTS: usize = 32;
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The bytes of `w` (little-endian) that are a quote, a backslash, a control character or not ASCII: the only
/// bytes that end a run of plain string text. Bits above the lowest may be false alarms (a borrow carries into
/// the next byte), but the lowest set bit is always the first such byte, which is all the caller uses.
fn special(w: u64) -> u64 {
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let quote = zero(w ^ (ONES * u64::from(b'"')));
    let backslash = zero(w ^ (ONES * u64::from(b'\\')));
    let control = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    quote | backslash | control | (w & HIGHS)
}

/// The first eight bytes of `at` as one little-endian word.
fn word(at: &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(*at.first_chunk::<8>()?))
}

/// The length and the first and last eight bytes of a name, folded into one word: two names that differ
/// almost always differ there, so a full compare is rarely needed to tell them apart.
fn ends(raw: &[u8]) -> u64 {
    match (word(raw), raw.last_chunk::<8>()) {
        (Some(first), Some(last)) => first ^ u64::from_le_bytes(*last).rotate_left(7) ^ raw.len() as u64,
        _ => raw.iter().fold(raw.len() as u64, |h, &b| h << 8 | u64::from(b)),
    }
}

/// The length of the key that `at` starts with, if `tail` follows its first eight bytes; `tail` has a fixed
/// length, so the compare compiles to word compares.
fn key_len<const N: usize>(at: &[u8], tail: &[u8; N]) -> Option<usize> {
    (at.get(8..).and_then(<[u8]>::first_chunk::<N>) == Some(tail)).then_some(8 + N)
}

/// The number eight ASCII digits (a little-endian word) spell, or `None` if any byte is not a digit.
fn eight_digits(w: u64) -> Option<i64> {
    const HIGH_NIBBLES: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    const ZEROS: u64 = ONES * 0x30;
    // Each byte is 0x30..=0x39: its high nibble is 3 and adding 6 does not carry out of the low nibble.
    if w & HIGH_NIBBLES != ZEROS || w.wrapping_add(ONES * 6) & HIGH_NIBBLES != ZEROS {
        return None;
    }
    // Pairs of digits, then pairs of pairs, then the two halves.
    let w = (w & 0x0F0F_0F0F_0F0F_0F0F).wrapping_mul(10 << 8 | 1) >> 8;
    let w = (w & 0x00FF_00FF_00FF_00FF).wrapping_mul(100 << 16 | 1) >> 16;
    Some(((w & 0x0000_FFFF_0000_FFFF).wrapping_mul(10_000 << 32 | 1) >> 32) as i64)
}

const SENDER_: u64 = u64::from_le_bytes(*b"\"sender_");
const TIMESTA: u64 = u64::from_le_bytes(*b"\"timesta");
const CONTENT: u64 = u64::from_le_bytes(*b"\"content");
const IS_GEOB: u64 = u64::from_le_bytes(*b"\"is_geob");

fn hex_digit(b: u8) -> Option<u16> {
    char::from(b).to_digit(16).map(|d| d as u16)
}

impl<'a> Scanner<'a> {
    fn fail<T>(&self, what: &'static str) -> Scan<T> {
        Err(ScanError { what, at: self.pos })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Exports are pretty-printed, so runs of indentation are skipped a word at a time.
    #[inline(always)]
    fn ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ') => {
                    let word = self.bytes.get(self.pos..self.pos + 8).and_then(|c| <[u8; 8]>::try_from(c).ok());
                    self.pos += match word.map(|w| u64::from_le_bytes(w) ^ (ONES * 0x20)) {
                        Some(0) => 8,
                        // The first byte is a space, so this steps at least one byte.
                        Some(other) => (other.trailing_zeros() / 8) as usize,
                        None => 1,
                    };
                }
                Some(b'\n' | b'\r' | b'\t') => self.pos += 1,
                _ => return,
            }
        }
    }

    #[inline(always)]
    fn expect(&mut self, b: u8, what: &'static str) -> Scan<()> {
        self.ws();
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            self.fail(what)
        }
    }

    #[inline(always)]
    fn open(&mut self) -> Scan<()> {
        if self.depth + 1 >= MAX_DEPTH {
            return self.fail("nesting too deep");
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// After a value inside a container: true if another element follows (the comma is consumed), false if
    /// the container closed (the bracket is consumed).
    #[inline(always)]
    fn next_in(&mut self, close: u8) -> Scan<bool> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            _ => self.fail("expected a comma or a closing bracket"),
        }
    }

    /// At an opening `{` or `[`: consume it and say whether the container is empty (then it is closed too).
    #[inline(always)]
    fn open_empty(&mut self, close: u8) -> Scan<bool> {
        self.open()?;
        self.ws();
        if self.peek() == Some(close) {
            self.pos += 1;
            self.depth -= 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// A key and its colon; keys the scanner matches on must be written plainly, because serde_json compares
    /// them unescaped.
    #[inline(always)]
    fn key(&mut self) -> Scan<Key> {
        self.ws();
        let start = self.pos;
        let key = match self.quoted_key() {
            // Meta writes `"key": value`: one colon, one space, then the value.
            Some(key)
                if self.bytes.get(self.pos..self.pos + 2) == Some(b": ")
                    && !matches!(self.bytes.get(self.pos + 2), Some(b' ' | b'\n' | b'\r' | b'\t')) =>
            {
                self.pos += 2;
                return Ok(key);
            }
            Some(key) => key,
            None => {
                let (raw, escaped) = self.string()?;
                if escaped {
                    self.pos = start;
                    return self.fail("escaped key");
                }
                Key::of(raw)
            }
        };
        self.expect(b':', "expected a colon")?;
        self.ws();
        Ok(key)
    }

    /// At a quote: a key every message repeats, recognised whole (quotes included, so it is exactly that
    /// key) without searching for its end or comparing it again; `None` for any other key. The first eight
    /// bytes tell the candidates apart, so each key costs two word compares.
    #[inline(always)]
    fn quoted_key(&mut self) -> Option<Key> {
        let at = self.bytes.get(self.pos..)?;
        let (len, key) = match word(at)? {
            SENDER_ => (key_len(at, b"name\"")?, Key::SenderName),
            TIMESTA => match key_len(at, b"mp_ms\"") {
                Some(len) => (len, Key::TimestampMs),
                None => (key_len(at, b"mp\"")?, Key::Timestamp),
            },
            CONTENT => (key_len(at, b"\"")?, Key::Content),
            IS_GEOB => (key_len(at, b"locked_for_viewer\"")?, Key::Other),
            _ => return None,
        };
        self.pos += len;
        Some(key)
    }

    /// At a quote: the raw bytes up to the closing quote, checked as serde_json checks them.
    #[inline(always)]
    fn string(&mut self) -> Scan<(&'a [u8], bool)> {
        if self.peek() != Some(b'"') {
            return self.fail("expected a string");
        }
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        loop {
            while let Some(word) = self.bytes.get(self.pos..self.pos + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                let found = special(u64::from_le_bytes(word));
                if found != 0 {
                    self.pos += (found.trailing_zeros() / 8) as usize;
                    break;
                }
                self.pos += 8;
            }
            match self.peek() {
                None => return self.fail("unterminated string"),
                Some(b'"') => {
                    let raw = self.bytes.get(start..self.pos).unwrap_or_default();
                    self.pos += 1;
                    return Ok((raw, escaped));
                }
                Some(b'\\') => {
                    escaped = true;
                    // Meta writes every non-ASCII byte as `\u00XX`, usually several in a row.
                    let mut latin1 = false;
                    while let Some([b'\\', b'u', b'0', b'0', hi, lo]) = self.bytes.get(self.pos..self.pos + 6)
                        && hi.is_ascii_hexdigit()
                        && lo.is_ascii_hexdigit()
                    {
                        self.pos += 6;
                        latin1 = true;
                    }
                    if !latin1 {
                        self.escape()?;
                    }
                }
                Some(b) if b < 0x20 => return self.fail("control character in string"),
                Some(b) if b >= 0x80 => self.pos += self.utf8_char(b)?,
                Some(_) => self.pos += 1,
            }
        }
    }

    /// At a non-ASCII byte `lead` inside a string: the length of the UTF-8 character it starts, or an error if
    /// it starts none (a stray continuation byte, an overlong form, a surrogate, a cut-off character).
    fn utf8_char(&self, lead: u8) -> Scan<usize> {
        let len = match lead {
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            _ => return self.fail("invalid UTF-8"),
        };
        match self.bytes.get(self.pos..self.pos + len).map(std::str::from_utf8) {
            Some(Ok(_)) => Ok(len),
            _ => self.fail("invalid UTF-8"),
        }
    }

    /// At a backslash: step over one escape, refusing the ones serde_json refuses (and lone surrogates).
    fn escape(&mut self) -> Scan<()> {
        match self.bytes.get(self.pos + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {
                self.pos += 2;
                Ok(())
            }
            Some(b'u') => match decode_u(self.bytes.get(self.pos..).unwrap_or_default()) {
                Some((_, len)) => {
                    self.pos += len;
                    Ok(())
                }
                None => self.fail("invalid unicode escape"),
            },
            _ => self.fail("invalid escape"),
        }
    }

    /// At a number: its raw bytes, and whether it is a plain integer (no fraction, no exponent).
    fn number(&mut self) -> Scan<(&'a [u8], bool)> {
        let start = self.pos;
        let digits = |s: &mut Self| {
            let from = s.pos;
            while s.peek().is_some_and(|b| b.is_ascii_digit()) {
                s.pos += 1;
            }
            s.pos > from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return self.fail("leading zero");
                }
            }
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return self.fail("invalid number"),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            integer = false;
            if !digits(self) {
                return self.fail("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !digits(self) {
                return self.fail("invalid number");
            }
        }
        Ok((self.bytes.get(start..self.pos).unwrap_or_default(), integer))
    }

    /// At a value: step over it if it is `true`, `false` or `null`, as [`Self::skip`] would.
    #[inline(always)]
    fn flag(&mut self) -> bool {
        let at = self.bytes.get(self.pos..).unwrap_or_default();
        let len = match at.first_chunk::<5>() {
            Some(b"false") => 5,
            _ => match at.first_chunk::<4>() {
                Some(b"true" | b"null") => 4,
                _ => return false,
            },
        };
        self.pos += len;
        true
    }

    fn literal(&mut self, word: &'static [u8]) -> Scan<()> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            self.fail("invalid literal")
        }
    }

    /// Skip one value of any shape without recursion. `strict` is for values serde_json parses rather than
    /// ignores (built into a `Value`, or a scalar handed to a visitor: the whole document, the `messages`
    /// value, a message, a sender), where it also refuses numbers it cannot represent; the scanner refuses
    /// every fraction, exponent and long integer there, and leaves them to serde_json.
    fn skip(&mut self, strict: bool) -> Scan<()> {
        let base = self.depth;
        // Bit n set: the container at depth base + n + 1 is an object.
        let mut objects: u128 = 0;
        loop {
            self.ws();
            // One value.
            match self.peek() {
                Some(b'{') => {
                    if !self.open_empty(b'}')? {
                        objects |= 1u128 << (self.depth - base - 1);
                        self.string()?;
                        self.expect(b':', "expected a colon")?;
                        continue;
                    }
                }
                Some(b'[') => {
                    if !self.open_empty(b']')? {
                        objects &= !(1u128 << (self.depth - base - 1));
                        continue;
                    }
                }
                Some(b'"') => {
                    self.string()?;
                }
                Some(b't') => self.literal(b"true")?,
                Some(b'f') => self.literal(b"false")?,
                Some(b'n') => self.literal(b"null")?,
                Some(b'-' | b'0'..=b'9') => {
                    let (raw, integer) = self.number()?;
                    if strict && (!integer || raw.len() > 18) {
                        return self.fail("number left to serde_json");
                    }
                }
                _ => return self.fail("expected a value"),
            }
            // Close what this value completed, until another value is due.
            loop {
                if self.depth == base {
                    return Ok(());
                }
                let object = objects & (1u128 << (self.depth - base - 1)) != 0;
                if self.next_in(if object { b'}' } else { b']' })? {
                    if object {
                        self.ws();
                        self.string()?;
                        self.expect(b':', "expected a colon")?;
                    }
                    break;
                }
            }
        }
    }

    /// A string value unescaped into the scratch buffer (or borrowed when it has no escapes).
    fn unescaped(&mut self, raw: &'a [u8], escaped: bool) -> Scan<&[u8]> {
        if !escaped {
            return Ok(raw);
        }
        if unescape(raw, &mut self.scratch).is_none() {
            return self.fail("invalid escape");
        }
        Ok(&self.scratch)
    }

    /// A value kept as text (a name, a title): a string, trimmed, non-empty, with the mojibake fixed, exactly
    /// as the serde path reads it; any other type is skipped as `None`.
    fn text(&mut self, strict: bool) -> Scan<Option<String>> {
        match self.str_or_skip(strict)? {
            Str::Text(raw, escaped) => {
                let bytes = self.unescaped(raw, escaped)?;
                let Ok(s) = std::str::from_utf8(bytes) else { return self.fail("invalid UTF-8") };
                let s = s.trim();
                Ok((!s.is_empty()).then(|| fix_meta_text(s).into_owned()))
            }
            Str::Other => Ok(None),
        }
    }

    #[inline(always)]
    fn str_or_skip(&mut self, strict: bool) -> Scan<Str<'a>> {
        if self.peek() == Some(b'"') {
            let (raw, escaped) = self.string()?;
            Ok(Str::Text(raw, escaped))
        } else {
            self.skip(strict)?;
            Ok(Str::Other)
        }
    }

    fn top_object(&mut self, file: &mut ThreadFile) -> Scan<()> {
        if self.open_empty(b'}')? {
            return Ok(());
        }
        loop {
            match self.key()? {
                Key::Messages => self.messages(file)?,
                Key::Participants => self.participants(file)?,
                Key::Title | Key::ThreadName => {
                    let title = self.text(true)?;
                    if file.title.is_none() {
                        file.title = title;
                    }
                }
                Key::ThreadType => {
                    file.group = match self.str_or_skip(true)? {
                        Str::Text(raw, escaped) => match self.unescaped(raw, escaped)? {
                            b"RegularGroup" => Some(true),
                            b"Regular" => Some(false),
                            _ => None,
                        },
                        Str::Other => None,
                    };
                }
                _ => self.skip(false)?,
            }
            if !self.next_in(b'}')? {
                return Ok(());
            }
        }
    }

    /// `participants`: names as strings or as `{"name": …}` objects; in an object the last `name` counts, as
    /// it does in a serde_json map.
    fn participants(&mut self, file: &mut ThreadFile) -> Scan<()> {
        if self.peek() != Some(b'[') {
            return self.skip(true);
        }
        if self.open_empty(b']')? {
            return Ok(());
        }
        loop {
            self.ws();
            let name = match self.peek() {
                Some(b'"') => self.text(true)?,
                Some(b'{') => self.participant()?,
                _ => {
                    self.skip(true)?;
                    None
                }
            };
            if let Some(name) = name
                && !file.participants.contains(&name)
            {
                file.participants.push(name);
            }
            if !self.next_in(b']')? {
                return Ok(());
            }
        }
    }

    fn participant(&mut self) -> Scan<Option<String>> {
        if self.open_empty(b'}')? {
            return Ok(None);
        }
        let mut name = None;
        loop {
            if self.key()? == Key::Name {
                name = self.text(true)?;
            } else {
                self.skip(true)?;
            }
            if !self.next_in(b'}')? {
                return Ok(name);
            }
        }
    }

    fn messages(&mut self, file: &mut ThreadFile) -> Scan<()> {
        if self.peek() != Some(b'[') {
            return self.skip(true);
        }
        file.has_messages = true;
        if self.open_empty(b']')? {
            return Ok(());
        }
        loop {
            self.ws();
            if self.peek() == Some(b'{') {
                let m = self.message(file)?;
                file.messages.push(m);
            } else {
                self.skip(true)?;
            }
            if !self.next_in(b']')? {
                return Ok(());
            }
        }
    }

    /// One message object, with the serde path's rules: the last of a repeated key counts, a sender of the
    /// wrong type is ignored, and text of the wrong type hashes as 0.
    fn message(&mut self, file: &mut ThreadFile) -> Scan<Message> {
        let mut m = Message { at: None, exact: 0, sender: NO_SENDER, text_hash: 0 };
        let (mut ms, mut s, mut exact) = (None, None, None);
        if !self.open_empty(b'}')? {
            loop {
                match self.key()? {
                    Key::SenderName => {
                        if let Str::Text(raw, escaped) = self.str_or_skip(true)? {
                            m.sender = self.sender(raw, escaped, file)?;
                        }
                    }
                    // The usual time is read here, without the call and the wider result of `time`.
                    Key::TimestampMs => {
                        (exact, ms) = match self.positive_int() {
                            Some(n) => (Some(n), unix_int(n)),
                            None => self.time()?,
                        }
                    }
                    Key::Timestamp => s = self.time()?.1,
                    Key::Content => {
                        m.text_hash = match self.str_or_skip(false)? {
                            Str::Text(raw, _) if self.texts == Texts::Hash => hash_bytes(raw),
                            Str::Text(..) => 0,
                            Str::Other => 0,
                        };
                    }
                    // Most other values are flags (`"is_geoblocked_for_viewer": false`).
                    _ if self.flag() => {}
                    _ => self.skip(false)?,
                }
                if !self.next_in(b'}')? {
                    break;
                }
            }
        }
        m.at = ms.or(s);
        m.exact = exact.filter(|_| ms.is_some()).or(s.map(|t| t * 1000)).unwrap_or(0);
        Ok(m)
    }

    fn sender(&mut self, raw: &'a [u8], escaped: bool, file: &mut ThreadFile) -> Scan<u32> {
        let ends = ends(raw);
        let slot = (ends.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (u64::BITS - SENDER_SLOTS.ilog2())) as usize;
        let cached = self.recent_senders.get(slot).copied().flatten();
        if let Some((e, known, i)) = cached
            && e == ends
            && known == raw
        {
            return Ok(i);
        }
        let i = match self.senders.get(raw) {
            Some(&i) => i,
            None => {
                let bytes = self.unescaped(raw, escaped)?;
                let Ok(name) = std::str::from_utf8(bytes) else { return self.fail("invalid UTF-8") };
                let i = file.intern(name);
                self.senders.insert(raw, i);
                i
            }
        };
        if let Some(s) = self.recent_senders.get_mut(slot) {
            *s = Some((ends, raw, i));
        }
        Ok(i)
    }

    /// The usual time, a positive integer of at most 18 digits, read in one pass (so it cannot overflow);
    /// `None`, having read nothing, for any other value.
    #[inline(always)]
    fn positive_int(&mut self) -> Option<i64> {
        let (bytes, start) = (self.bytes, self.pos);
        if !matches!(bytes.get(start), Some(b'1'..=b'9')) {
            return None;
        }
        let (mut at, mut n) = (start, 0i64);
        // Eight digits at a time while they fit in the 18 (a time in ms has 13).
        while at - start <= 10
            && let Some(eight) = bytes.get(at..).and_then(word).and_then(eight_digits)
        {
            n = n * 100_000_000 + eight;
            at += 8;
        }
        while let Some(&d @ b'0'..=b'9') = bytes.get(at) {
            if at - start == 18 {
                return None;
            }
            n = n * 10 + i64::from(d - b'0');
            at += 1;
        }
        if let Some(b'.' | b'e' | b'E') = bytes.get(at) {
            return None;
        }
        self.pos = at;
        Some(n)
    }

    /// A time as serde_json's `Value` would give it: the integer itself (`as_i64`) and the time it means
    /// ([`unix`]). Fractions and huge numbers are left to serde_json, whose float parsing decides them.
    fn time(&mut self) -> Scan<(Option<i64>, Option<Unix>)> {
        if let Some(n) = self.positive_int() {
            return Ok((Some(n), unix_int(n)));
        }
        match self.peek() {
            Some(b'1'..=b'9') => self.fail("number left to serde_json"),
            Some(b'-' | b'0') => {
                let (raw, integer) = self.number()?;
                if !integer || raw.len() > 18 {
                    return self.fail("number left to serde_json");
                }
                let (negative, digits) = match raw.split_first() {
                    Some((b'-', rest)) => (true, rest),
                    _ => (false, raw),
                };
                // At most 18 digits, so this cannot overflow.
                let n = digits.iter().fold(0i64, |n, &d| n * 10 + i64::from(d - b'0'));
                let n = if negative { -n } else { n };
                // `-0` is a float to serde_json, but a time of 0 is unknown either way.
                Ok((Some(n), unix_int(n)))
            }
            Some(b'"') => {
                let (raw, escaped) = self.string()?;
                let bytes = self.unescaped(raw, escaped)?;
                let n = std::str::from_utf8(bytes).ok().and_then(|s| s.trim().parse::<i64>().ok());
                Ok((None, n.and_then(unix_int)))
            }
            _ => {
                self.skip(true)?;
                Ok((None, None))
            }
        }
    }
}

/// At `\u00XX`: the byte XX.
fn latin1_escape(at: &[u8]) -> Option<u8> {
    match at.get(..6)? {
        [b'\\', b'u', b'0', b'0', hi, lo] => Some((hex_digit(*hi)? << 4 | hex_digit(*lo)?) as u8),
        _ => None,
    }
}

/// At `\u`: the code point of the escape (joining a surrogate pair) and how many bytes it took; `None` for a
/// malformed escape or a lone surrogate.
fn decode_u(at: &[u8]) -> Option<(char, usize)> {
    let hex4 = |from: usize| -> Option<u16> {
        let d = at.get(from..from + 4)?;
        d.iter().try_fold(0u16, |acc, &b| Some(acc << 4 | hex_digit(b)?))
    };
    if at.get(..2)? != b"\\u" {
        return None;
    }
    let first = hex4(2)?;
    match first {
        0xD800..=0xDBFF => {
            if at.get(6..8)? != b"\\u" {
                return None;
            }
            let second = hex4(8)?;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return None;
            }
            let c = 0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00);
            Some((char::from_u32(c)?, 12))
        }
        0xDC00..=0xDFFF => None,
        _ => Some((char::from_u32(u32::from(first))?, 6)),
    }
}

/// Unescape a JSON string's raw bytes into `out` as UTF-8; `None` if an escape is malformed.
fn unescape(raw: &[u8], out: &mut Vec<u8>) -> Option<()> {
    out.clear();
    let mut i = 0;
    while let Some(rest) = raw.get(i..) {
        let Some(run) = rest.iter().position(|&b| b == b'\\') else {
            out.extend_from_slice(rest);
            return Some(());
        };
        out.extend_from_slice(rest.get(..run)?);
        i += run;
        let plain = match raw.get(i + 1)? {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0C,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' if let Some(byte) = latin1_escape(raw.get(i..)?) => {
                // U+0000..U+00FF in UTF-8, without going through `char`.
                if byte < 0x80 {
                    out.push(byte);
                } else {
                    out.extend_from_slice(&[0xC0 | byte >> 6, 0x80 | (byte & 0x3F)]);
                }
                i += 6;
                continue;
            }
            b'u' => {
                let (c, len) = decode_u(raw.get(i..)?)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                i += len;
                continue;
            }
            _ => return None,
        };
        out.push(plain);
        i += 2;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::messages::{hash_str, parse_file_serde};

    fn scan(json: &str) -> Scan<ThreadFile> {
        scan_bytes(json.as_bytes())
    }

    fn scan_bytes(json: &[u8]) -> Scan<ThreadFile> {
        let mut file = ThreadFile::default();
        thread(json, &mut file, Texts::Hash).map(|()| file)
    }

    /// The scanner's reading of `json`, checked against the serde path's.
    fn same(json: &str) -> ThreadFile {
        let file = scan(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        match parse_file_serde(json.as_bytes()) {
            Ok(serde) => assert_eq!(file.summary(), serde.summary(), "{json}"),
            Err(e) => assert_eq!((file.has_messages, e.as_str()), (false, "has no messages list"), "{json}"),
        }
        file
    }

    #[test]
    fn escapes_are_decoded_for_kept_strings() {
        let f = same(
            r#"{"participants": [{"name": "Ren\u00c3\u00a9e \"R\" \\ \/"}, " \ud83d\ude00 "],
                "title": "Caf\u00c3\u00a9\n", "messages": []}"#,
        );
        assert_eq!(f.participants, vec!["Renée \"R\" \\ /", "😀"]);
        assert_eq!(f.title.as_deref(), Some("Café"));
        let mut out = Vec::new();
        assert_eq!(unescape(br"a\u00e9\ud83d\ude00\t", &mut out), Some(()));
        assert_eq!(out, "aé😀\t".as_bytes());
        for b in 0..=255u8 {
            assert_eq!(unescape(format!("\\u00{b:02x}").as_bytes(), &mut out), Some(()));
            assert_eq!(out, char::from(b).to_string().as_bytes(), "{b}");
            assert_eq!(unescape(format!("\\u00{b:02X}").as_bytes(), &mut out), Some(()));
            assert_eq!(out, char::from(b).to_string().as_bytes(), "{b}");
        }
        assert_eq!(unescape(br"\ud83d", &mut out), None);
        assert_eq!(unescape(br"\x", &mut out), None);
    }

    #[test]
    fn text_is_hashed_as_written_and_never_kept() {
        let f = same(
            r#"{"messages": [{"sender_name": "A", "timestamp_ms": 1700000000000, "content": "caf\u00c3\u00a9 \"x\""},
                             {"sender_name": "A", "timestamp_ms": 1700000000001, "content": "plain text long enough"}]}"#,
        );
        assert_eq!(f.messages[0].text_hash, hash_str(r#"caf\u00c3\u00a9 \"x\""#));
        assert_eq!(f.messages[1].text_hash, hash_str("plain text long enough"));
    }

    #[test]
    fn nested_values_inside_messages_are_skipped() {
        let f = same(
            r#"{"messages": [{"reactions": [{"reaction": "\u00f0\u009f\u0098\u0086", "actor": "B"}],
                              "photos": [{"uri": "a.jpg", "creation_timestamp": 1}, {"uri": "b.jpg"}],
                              "share": {"link": "https://x.example/?a=1&b=[2]", "nested": {"deep": [[[], {}], null]}},
                              "sender_name": "B", "timestamp_ms": 1700000000000, "content": "}]\"{["}]}"#,
        );
        assert_eq!(f.messages.len(), 1);
        assert_eq!(f.senders, vec!["B"]);
    }

    #[test]
    fn numbers_in_every_form() {
        for n in ["0", "-1", "12.5", "-0.25", "1e3", "1E+3", "2.5e-3", "-0", "123456789012345678901234567890"] {
            same(&format!(
                r#"{{"messages": [{{"sender_name": "A", "timestamp_ms": 1700000000000, "n": {n}}}], "x": [{n}]}}"#
            ));
        }
        let f =
            same(r#"{"messages": [{"timestamp_ms": -1700000000000}, {"timestamp": "1600000000"}, {"timestamp": 0}]}"#);
        assert_eq!(f.messages.iter().map(|m| m.at).collect::<Vec<_>>(), vec![None, Some(1_600_000_000), None]);
        // Fractional times go to serde_json, whose float parsing is the reference.
        assert!(scan(r#"{"messages": [{"timestamp_ms": 1.7e12}]}"#).is_err());
        for bad in ["01", "-", "1.", "1e", "+1", ".5", "1.e3", "--1"] {
            assert!(scan(&format!(r#"{{"messages": [], "x": {bad}}}"#)).is_err(), "{bad}");
        }
    }

    #[test]
    fn whitespace_variants() {
        same(
            "\t\r\n{ \"messages\" :\n[ { \"sender_name\"\t:\"A\" , \"timestamp\" : 1600000000 } ] ,\"title\":\"T\" }\n ",
        );
        same(r#"{"messages":[{"sender_name":"A","timestamp":1600000000},{}],"title":"T","x":{"a":[1,2,{"b":null}]}}"#);
        assert!(scan("{\"messages\": []}\u{c}").is_err());
    }

    #[test]
    fn truncated_input_is_an_error_not_a_panic() {
        let full = r#"{"participants": [{"name": "A\u00c3\u00a9"}], "messages": [{"sender_name": "A", "timestamp_ms": 1700000000000, "content": "x\"y", "r": [true, false, null, -1.5e3]}]}"#;
        assert!(scan(full).is_ok());
        for end in 0..full.len() {
            if let Some(cut) = full.get(..end) {
                assert!(scan(cut).is_err(), "{cut}");
            }
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = |n: usize| format!("{{\"messages\": [], \"x\": {}{}}}", "[".repeat(n), "]".repeat(n));
        assert!(scan(&deep(MAX_DEPTH - 2)).is_ok());
        assert_eq!(scan(&deep(MAX_DEPTH - 1)).err().map(|e| e.what), Some("nesting too deep"));
        assert!(scan(&deep(100_000)).is_err());
        let objects = format!("{{\"messages\": [], \"x\": {}1{}}}", "{\"a\":".repeat(100), "}".repeat(100));
        same(&objects);
        assert!(scan(r#"{"messages": [}"#).is_err());
        assert!(scan(r#"{"messages": [], "x": {"a": 1]}"#).is_err());
    }

    #[test]
    fn wrong_types_are_skipped_like_the_serde_path() {
        for json in [
            r#"{"messages": null}"#,
            r#"{"messages": {"a": 1}}"#,
            r#"[1, {"messages": []}]"#,
            r#""messages""#,
            r#"{"messages": [], "messages": null, "participants": null, "title": 5, "thread_name": "N"}"#,
            r#"{"messages": [{"sender_name": 5, "content": ["x"], "timestamp_ms": "1700000000000"}, 7, "m", [1], null]}"#,
            r#"{"messages": [{"sender_name": "A", "sender_name": null, "content": "x", "content": {"d": 1}}]}"#,
            r#"{"messages": [], "participants": [{"name": "A", "name": 3}, {"name": " "}, "B", "B", [], 1, {}]}"#,
            r#"{"messages": [], "thread_type": "Regular", "thread_type": "Odd", "title": " ", "title": "T"}"#,
            r#"{"messages": [{"sender_name": "  "}, {"sender_name": "Ren\u00c3\u00a9e"}, {"sender_name": "Renée"}]}"#,
        ] {
            same(json);
        }
    }

    #[test]
    fn invalid_json_is_refused() {
        for json in [
            "{\"messages\": [\"a\u{1}\"]}",
            r#"{"messages": ["\q"]}"#,
            r#"{"messages": ["\ud800"]}"#,
            r#"{"messages": ["\u12"]}"#,
            r#"{"messages": ["\u00c3\u00g1"]}"#,
            r#"{"messages": ["\u00c3\u0"]}"#,
            r#"{"messages": [tru]}"#,
            r#"{"messages": []} x"#,
            r#"{"messages": [],}"#,
            r#"{"messages" []}"#,
            r#"{messages: []}"#,
        ] {
            assert!(scan(json).is_err(), "{json}");
            assert!(parse_file_serde(json.as_bytes()).is_err(), "{json}");
        }
        for bytes in [
            &b"{\"messages\": [\"\xC3\"]}"[..],
            b"{\"messages\": [\"\xC3\xA9\xA9\"]}",
            b"{\"messages\": [\"\xE0\x80\xAF\"]}",
            b"{\"messages\": [\"\xED\xA0\x80\"]}",
            b"{\"messages\": [\"\xF5\x80\x80\x80\"]}",
            b"{\"messages\": [], \"t\xC3\xA9\": 1, \"x\": \xC3\xA9}",
            b"{\"messages\": [\"\xF0\x9F\x98\"]}",
        ] {
            assert!(scan_bytes(bytes).is_err(), "{}", bytes.escape_ascii());
            assert!(parse_file_serde(bytes).is_err(), "{}", bytes.escape_ascii());
        }
        // Raw UTF-8 in strings of every length is read as serde_json reads it.
        let f = same(concat!(
            "{\"messages\": [{\"sender_name\": \"Ren\u{e9}e \u{20ac}\u{1F600}\", ",
            "\"content\": \"\u{7ff}\u{800}\u{ffff}\u{10000}\u{10ffff}\"}], \"t\u{e9}\": \"\u{e9}\"}"
        ));
        assert_eq!(f.senders, vec!["Renée €😀"]);
        // Valid but left to serde_json: a key it would unescape.
        assert_eq!(scan(r#"{"m\u0065ssages": []}"#).err().map(|e| e.what), Some("escaped key"));
    }

    #[test]
    fn the_demo_needs_no_fallback() {
        let archive = crate::archive::Archive::open(&[crate::demo::demo_input()]).unwrap();
        let mut reader = archive.reader();
        let mut files = 0;
        for (i, entry) in archive.entries().iter().enumerate() {
            if entry.path.contains("/messages/") && entry.path.ends_with(".json") {
                let bytes = reader.read(i).unwrap();
                let body = std::str::from_utf8(&bytes).unwrap();
                same(body);
                files += 1;
            }
        }
        assert!(files > 10);
    }

    #[test]
    fn eight_digits_at_a_time() {
        for text in ["00000000", "12345678", "99999999", "17599995", "00000001", "10000000"] {
            let w = u64::from_le_bytes(*text.as_bytes().first_chunk().unwrap());
            assert_eq!(eight_digits(w), text.parse().ok(), "{text}");
        }
        for b in (0..=255u8).filter(|b| !b.is_ascii_digit()) {
            for at in 0..8 {
                let mut bytes = *b"12345678";
                bytes[at] = b;
                assert_eq!(eight_digits(u64::from_le_bytes(bytes)), None, "{b} at {at}");
            }
        }
        // Times of every length up to the 18 digits the scanner reads itself.
        for digits in 1..=18 {
            let n: i64 = "1234567890123456789"[..digits].parse().unwrap();
            let f = same(&format!(r#"{{"messages": [{{"timestamp_ms": {n}}}]}}"#));
            assert_eq!(f.messages[0].exact, if unix_int(n).is_some() { n } else { 0 }, "{n}");
        }
        assert!(scan(r#"{"messages": [{"timestamp_ms": 1234567890123456789}]}"#).is_err());
    }

    #[test]
    fn the_word_test_matches_a_byte_loop() {
        for b in 0..=255u8 {
            let w = u64::from_le_bytes([b'a', b'b', b, b'c', b'd', b'e', b'f', b'g']);
            let first = special(w).trailing_zeros() / 8;
            let stops = b == b'"' || b == b'\\' || !(0x20..0x80).contains(&b);
            assert_eq!(first == 2, stops, "{b}");
            let w = u64::from_le_bytes([b, b'"', b, 0, b, b'\\', b, b]);
            assert_eq!(special(w).trailing_zeros() / 8, if stops { 0 } else { 1 });
        }
    }
}
