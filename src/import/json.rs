//! Reading one export file: strip a BOM, parse, fix mojibake, then find the records whatever wrapper this
//! generation used (`friends`, `friends_v2`, a bare array, one bare record, or `label_values` records).

use super::text::fix_value;
use crate::archive::limits::MAX_JSON_VALUES;
use serde_json::{Map, Value};

pub fn parse(bytes: &[u8]) -> Result<Value, String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err("is empty".into());
    }
    let body = std::str::from_utf8(body).map_err(|e| format!("is not UTF-8 text ({e})"))?;
    // Each value takes at least one byte, so only a file larger than the cap can hold too many.
    if body.len() > MAX_JSON_VALUES {
        let values = count_values(body.as_bytes());
        if values > MAX_JSON_VALUES {
            return Err(format!(
                "holds {values} JSON values, more than the {MAX_JSON_VALUES} datamap reads from one file"
            ));
        }
    }
    let mut value: Value = serde_json::from_str(body).map_err(|e| format!("is not valid JSON ({e})"))?;
    fix_value(&mut value);
    Ok(value)
}

/// An upper bound on the values a JSON text parses into: every value but the outermost follows the `[` or
/// `,` before it in an array, or its key follows the `{` or `,` before it in an object. Commas and brackets
/// inside strings are not counted.
fn count_values(body: &[u8]) -> usize {
    let (mut count, mut in_string, mut escaped) = (1usize, false, false);
    for &b in body {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else {
            match b {
                b'"' => in_string = true,
                b',' | b'[' | b'{' => count += 1,
                _ => {}
            }
        }
    }
    count
}

/// The record list of a file: the first of `keys` that holds an array, else the only array in the top-level
/// object, else the document itself when it is an array, else a lone record object.
pub fn records<'a>(doc: &'a Value, keys: &[&str]) -> Option<&'a [Value]> {
    match doc {
        Value::Array(items) => Some(items),
        Value::Object(map) => {
            for key in keys {
                if let Some(Value::Array(items)) = map.get(*key) {
                    return Some(items);
                }
            }
            let mut arrays = map.values().filter_map(Value::as_array);
            match (arrays.next(), arrays.next()) {
                (Some(only), None) if !map.contains_key("label_values") => Some(only),
                _ => map.contains_key("label_values").then_some(std::slice::from_ref(doc)),
            }
        }
        _ => None,
    }
}

pub fn str_field<'a>(record: &'a Value, key: &str) -> Option<&'a str> {
    record.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty())
}

/// One entry of a `label_values` record, looked up by any of its (localised) labels.
pub fn label<'a>(record: &'a Value, labels: &[&str]) -> Option<&'a Map<String, Value>> {
    record.get("label_values")?.as_array()?.iter().filter_map(Value::as_object).find(|entry| {
        entry
            .get("label")
            .or_else(|| entry.get("title"))
            .and_then(Value::as_str)
            .is_some_and(|l| labels.iter().any(|want| l.eq_ignore_ascii_case(want)))
    })
}

pub fn label_value<'a>(record: &'a Value, labels: &[&str]) -> Option<&'a str> {
    label(record, labels)?.get("value")?.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// The first plain text value of a `label_values` record: where every label is localised, the name comes
/// first in each shape Meta has used.
pub fn first_value(record: &Value) -> Option<&str> {
    record.get("label_values")?.as_array()?.iter().find_map(|e| str_field(e, "value"))
}

/// The first `timestamp_value` of a `label_values` record.
pub fn first_time(record: &Value) -> Option<i64> {
    record.get("label_values")?.as_array()?.iter().find_map(|e| super::time::unix(e.get("timestamp_value")))
}

/// The `label_values` entries that hold a `vec`, in order: where labels are localised, position is the only
/// stable anchor left.
pub fn vec_entries(record: &Value) -> Vec<&Map<String, Value>> {
    record
        .get("label_values")
        .and_then(Value::as_array)
        .map(|entries| {
            entries.iter().filter_map(Value::as_object).filter(|e| e.get("vec").is_some_and(Value::is_array)).collect()
        })
        .unwrap_or_default()
}

/// The plain string values inside a `vec` entry.
pub fn vec_values(entry: &Map<String, Value>) -> Vec<&str> {
    entry
        .get("vec")
        .and_then(Value::as_array)
        .map(|items| {
            items.iter().filter_map(|i| i.get("value")?.as_str()).map(str::trim).filter(|s| !s.is_empty()).collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bom_and_empty_files() {
        assert!(parse(b"\xEF\xBB\xBF{\"a\": 1}").is_ok());
        assert_eq!(parse(b"  ").unwrap_err(), "is empty");
        assert!(parse(b"[object Object]").unwrap_err().starts_with("is not valid JSON"));
    }

    #[test]
    fn values_are_counted_outside_strings() {
        assert_eq!(count_values(br#"[1, 2, {"a": [3]}]"#), 6);
        assert_eq!(count_values(br#"["a,b[{", "c\\\",d"]"#), 3);
    }

    #[test]
    fn records_under_any_wrapper() {
        let keyed = json!({"friends_v2": [{"name": "A"}]});
        assert_eq!(records(&keyed, &["friends", "friends_v2"]).map(<[Value]>::len), Some(1));
        let only_array = json!({"something_v9": [{"name": "A"}, {"name": "B"}]});
        assert_eq!(records(&only_array, &["friends_v2"]).map(<[Value]>::len), Some(2));
        let bare_record = json!({"label_values": [{"label": "Name", "value": "A"}]});
        assert_eq!(records(&bare_record, &[]).map(<[Value]>::len), Some(1));
        assert_eq!(records(&json!("text"), &[]), None);
        assert_eq!(records(&json!({"a": [], "b": []}), &[]), None);
    }

    #[test]
    fn label_lookup_is_case_insensitive_and_localised() {
        let rec =
            json!({"label_values": [{"label": "Nom", "value": " Exemple "}, {"label": "L", "vec": [{"value": "x"}]}]});
        assert_eq!(label_value(&rec, &["Name", "nom"]), Some("Exemple"));
        assert_eq!(vec_entries(&rec).len(), 1);
        assert_eq!(vec_values(vec_entries(&rec)[0]), vec!["x"]);
    }
}
