//! Off-Meta activity is the largest export file after the message threads (a heavy export lists 50,000
//! events), and reading it into a `serde_json::Value` tree cost more than every other non-message file
//! together: a map and a string per event, then a walk to fix their text. Its common shape,
//! `{"off_facebook_activity_v2": [{"name": …, "events": [{"id", "timestamp", "type"}]}]}`, is therefore read
//! as a stream into a compact list. Any other shape, and anything unusual inside this one, makes the reader
//! give up, and the file is read as a tree by [`super::ads::off_meta`] instead; tests check that both give
//! the same map.

use super::builder::Builder;
use super::messages::{ignore_containers, ignore_other_types};
use super::text::fix_meta_text;
use super::time::unix;
use crate::archive::limits::MAX_JSON_VALUES;
use crate::model::{CompanySource, Unix};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;

/// The list keys the tree reader tries, in its order.
const KEYS: [&str; 3] = ["off_facebook_activity_v2", "off_facebook_activity", "off_meta_technologies_activity"];

#[derive(Debug, Default)]
pub struct OffMeta {
    businesses: Vec<Business>,
    /// Each event type once; events refer to them by index.
    types: Vec<String>,
    type_index: HashMap<String, u32>,
    events: usize,
}

/// Most events this reader keeps; a file with more is left to the tree reader, whose own cap on values
/// ([`MAX_JSON_VALUES`]) then decides, so a crafted file cannot make either use more memory than that allows.
/// Real exports list tens of thousands of events.
const MAX_EVENTS: usize = MAX_JSON_VALUES / 4;

#[derive(Debug)]
struct Business {
    name: String,
    events: Vec<(Option<Unix>, Option<u32>)>,
}

/// The file, if it has the common shape.
pub fn read(bytes: &[u8]) -> Option<OffMeta> {
    let body = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).ok()?;
    let mut file = OffMeta::default();
    let mut de = serde_json::Deserializer::from_str(body);
    Top(&mut file).deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(file)
}

/// Add the businesses to the map exactly as [`super::ads::off_meta`] adds the same file read as a tree.
pub fn add(file: &OffMeta, out: &mut Builder) -> usize {
    for business in &file.businesses {
        let events = business
            .events
            .iter()
            .map(|&(at, kind)| (at, kind.and_then(|k| file.types.get(k as usize)).map(String::as_str)));
        out.add_company_events(&business.name, CompanySource::OffMetaActivity, events);
    }
    file.businesses.len()
}

fn give_up<E: de::Error>() -> E {
    E::custom("not the common off-Meta shape")
}

/// The text a string field holds after the tree reader's mojibake fix and trim, `None` when blank.
fn text(s: &str) -> Option<String> {
    let fixed = fix_meta_text(s);
    let trimmed = fixed.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The fields this reader looks at; keys are matched without being allocated.
enum Field {
    Name,
    Events,
    Timestamp,
    Type,
    Other,
}

impl<'de> de::Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        struct Keys;
        impl Visitor<'_> for Keys {
            type Value = Field;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, k: &str) -> Result<Field, E> {
                Ok(match k {
                    "name" => Field::Name,
                    "events" => Field::Events,
                    "timestamp" => Field::Timestamp,
                    "type" => Field::Type,
                    _ => Field::Other,
                })
            }
        }
        d.deserialize_str(Keys)
    }
}

/// The whole file: one object whose only key is one of [`KEYS`].
struct Top<'a>(&'a mut OffMeta);

impl<'de> DeserializeSeed<'de> for Top<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an off-Meta activity object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some(key) = map.next_key::<String>()? else { return Err(give_up()) };
        if !KEYS.contains(&key.as_str()) {
            return Err(give_up());
        }
        map.next_value_seed(Businesses(&mut *self.0))?;
        match map.next_key::<IgnoredAny>()? {
            Some(_) => Err(give_up()),
            None => Ok(()),
        }
    }
}

struct Businesses<'a>(&'a mut OffMeta);

impl<'de> DeserializeSeed<'de> for Businesses<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Businesses<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of businesses")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(business) = seq.next_element_seed(OneBusiness(&mut *self.0))? {
            self.0.businesses.push(business);
        }
        Ok(())
    }
}

/// A business needs a non-blank `name` string and an `events` list; without them the tree reader looks
/// for other fields, so this reader gives up.
struct OneBusiness<'a>(&'a mut OffMeta);

impl<'de> DeserializeSeed<'de> for OneBusiness<'_> {
    type Value = Business;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Business, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneBusiness<'_> {
    type Value = Business;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a business")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Business, A::Error> {
        let (mut name, mut events) = (None, None);
        // A repeated key counts once, with its last value, as in a tree.
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Name => name = map.next_value::<Value>()?.as_str().and_then(text),
                Field::Events => events = Some(map.next_value_seed(Events(&mut *self.0))?),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (name, events) {
            (Some(name), Some(events)) => Ok(Business { name, events }),
            _ => Err(give_up()),
        }
    }
}

/// The `events` list; any other value makes the reader give up.
struct Events<'a>(&'a mut OffMeta);

impl<'de> DeserializeSeed<'de> for Events<'_> {
    type Value = Vec<(Option<Unix>, Option<u32>)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Events<'_> {
    type Value = Vec<(Option<Unix>, Option<u32>)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of events")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut events = Vec::new();
        while let Some(event) = seq.next_element_seed(OneEvent(&mut *self.0))? {
            self.0.events += 1;
            if self.0.events > MAX_EVENTS {
                return Err(give_up());
            }
            events.push(event);
        }
        Ok(events)
    }
}

/// One event object: its time and its type, each `None` when missing or unreadable, as the tree reader
/// reads them.
struct OneEvent<'a>(&'a mut OffMeta);

impl<'de> DeserializeSeed<'de> for OneEvent<'_> {
    type Value = (Option<Unix>, Option<u32>);
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for OneEvent<'_> {
    type Value = (Option<Unix>, Option<u32>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an event")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut at, mut kind) = (None, None);
        while let Some(field) = map.next_key::<Field>()? {
            match field {
                Field::Timestamp => at = unix(Some(&map.next_value::<Value>()?)),
                Field::Type => kind = map.next_value_seed(EventType(&mut *self.0))?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((at, kind))
    }
}

/// An event's type, interned without allocating when it is one seen before; `None` for a blank string or
/// any other type of value.
struct EventType<'a>(&'a mut OffMeta);

impl<'de> DeserializeSeed<'de> for EventType<'_> {
    type Value = Option<u32>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<u32>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EventType<'_> {
    type Value = Option<u32>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an event type")
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Option<u32>, E> {
        let fixed = fix_meta_text(s);
        let kind = fixed.trim();
        if kind.is_empty() {
            return Ok(None);
        }
        let file = self.0;
        if let Some(&i) = file.type_index.get(kind) {
            return Ok(Some(i));
        }
        let i = file.types.len() as u32;
        file.types.push(kind.to_owned());
        file.type_index.insert(kind.to_owned(), i);
        Ok(Some(i))
    }
    ignore_other_types!();
    ignore_containers!();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{families::Family, json, parse_family};

    fn both(text: &str) -> (Option<String>, String) {
        let mut tree = Builder::default();
        parse_family(Family::OffMeta, "f.json", &json::parse(text.as_bytes()).unwrap(), &mut tree).unwrap();
        let streamed = read(text.as_bytes()).map(|file| {
            let mut out = Builder::default();
            add(&file, &mut out);
            serde_json::to_string(&out.finish(None)).unwrap()
        });
        (streamed, serde_json::to_string(&tree.finish(None)).unwrap())
    }

    #[test]
    fn the_common_shape_is_streamed_to_the_same_map() {
        let text = r#"{"off_facebook_activity_v2": [
            {"name": " Caf\u00c3\u00a9 Shop ", "events": [{"id": 1, "timestamp": 1700000000, "type": "PAGE_VIEW"},
                                                     {"timestamp": "1600000000", "type": " PURCHASE "},
                                                     {"timestamp": 0, "type": ["odd"]}, {"type": "PAGE_VIEW"}]},
            {"name": "Other", "events": [], "id": 5}]}"#;
        let (streamed, tree) = both(text);
        assert_eq!(streamed.as_deref(), Some(tree.as_str()));
        assert!(tree.contains("Café Shop") && tree.contains("PURCHASE"));
    }

    #[test]
    fn other_shapes_are_left_to_the_tree() {
        for text in [
            r#"[{"name": "A", "events": []}]"#,
            r#"{"off_facebook_activity_v2": [{"title": "A", "events": []}]}"#,
            r#"{"off_facebook_activity_v2": [{"name": "A"}]}"#,
            r#"{"off_facebook_activity_v2": [{"name": " ", "events": []}]}"#,
            r#"{"off_facebook_activity_v2": [], "x": 1}"#,
            r#"{"off_facebook_activity_v2": [{"name": "A", "events": [5]}]}"#,
            r#"{"off_facebook_activity_v2": [{"name": "A", "events": {"a": 1}}]}"#,
        ] {
            assert!(read(text.as_bytes()).is_none(), "{text}");
            assert_eq!(both(text).0, None);
        }
    }
}
