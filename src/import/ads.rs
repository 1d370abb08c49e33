//! Companies that sent Meta data about the owner (off-Meta activity) and advertisers that used it. Both files
//! changed shape in 2025: from `*_v2` arrays of plain objects to label_values records with localised
//! labels, so the newer shapes are read by position where labels cannot be trusted.

use super::builder::Builder;
use super::json::{first_time, first_value, label, label_value, records, str_field, vec_entries, vec_values};
use super::time::unix;
use crate::model::CompanySource;
use serde_json::Value;

pub fn off_meta(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["off_facebook_activity_v2", "off_facebook_activity", "off_meta_technologies_activity"])
        .ok_or("has no list of businesses")?;
    let mut read = 0;
    for business in items {
        // A third, flat record shape names the business and the event type in labels, one event per record.
        let flat_name = label_value(business, &["App", "Business", "Name", "Entreprise"]);
        let Some(name) = str_field(business, "name").or_else(|| str_field(business, "title")).or(flat_name) else {
            continue;
        };
        // Shape A: `events: [{id, type, timestamp}]`; shape B: a label_values `vec` of `dict`s.
        let events: Vec<(Option<i64>, Option<String>)> = match business.get("events").and_then(Value::as_array) {
            Some(events) => {
                events.iter().map(|e| (unix(e.get("timestamp")), str_field(e, "type").map(str::to_owned))).collect()
            }
            None => match vec_entries(business).first().and_then(|entry| entry.get("vec").and_then(Value::as_array)) {
                Some(items) => items.iter().map(dict_event).collect(),
                None if flat_name.is_some() => vec![(
                    unix(business.get("timestamp")).or_else(|| first_time(business)),
                    label_value(business, &["Event", "Type", "Événement"]).map(str::to_owned),
                )],
                None => Vec::new(),
            },
        };
        out.add_company_events(name, CompanySource::OffMetaActivity, events.iter().map(|(at, k)| (*at, k.as_deref())));
        read += 1;
    }
    Ok(read)
}

fn dict_event(item: &Value) -> (Option<i64>, Option<String>) {
    let dict = item.get("dict").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
    let mut at = None;
    let mut kind = None;
    for field in dict {
        if let Some(t) = unix(field.get("timestamp_value")) {
            at = Some(t);
        } else if let Some(v) = str_field(field, "value") {
            // The event type is the upper-case word (PAGE_VIEW); the other value is a numeric ID.
            if v.chars().any(|c| c.is_ascii_alphabetic()) && v == v.to_ascii_uppercase() {
                kind = Some(v.to_owned());
            }
        }
    }
    (at, kind)
}

pub fn advertisers_using(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let mut read = 0;
    // Facebook's key, and Instagram's twin of the same shape.
    let flat = doc.get("custom_audiences_all_types_v2").or_else(|| doc.get("ig_custom_audiences_all_types"));
    if let Some(items) = flat.and_then(Value::as_array) {
        for item in items {
            let Some(name) = str_field(item, "advertiser_name") else { continue };
            let flag = |k: &str| item.get(k).and_then(Value::as_bool).unwrap_or(false);
            if flag("has_data_file_custom_audience") {
                out.add_company(name, CompanySource::AdvertiserList, None, false);
            }
            if flag("has_remarketing_custom_audience") || flag("has_in_person_store_visit") {
                out.add_company(name, CompanySource::AdvertiserActivity, None, false);
            }
            read += 1;
        }
        return Ok(read);
    }
    // 2025+: one record whose first `vec` is "a list uploaded or used by the advertiser" and whose second is
    // "interactions you may have had with the advertiser's website, app or store"; labels are localised,
    // so position decides.
    let record_list = records(doc, &[]).ok_or("has no list of advertisers")?;
    for record in record_list {
        for (position, entry) in vec_entries(record).into_iter().enumerate() {
            let source = if position == 0 { CompanySource::AdvertiserList } else { CompanySource::AdvertiserActivity };
            for name in vec_values(entry) {
                out.add_company(name, source, None, false);
                read += 1;
            }
        }
    }
    Ok(read)
}

pub fn contact_lists(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["custom_audiences_v2", "custom_audiences"]).ok_or("has no list of advertisers")?;
    let mut read = 0;
    for name in items.iter().filter_map(Value::as_str) {
        out.add_company(name, CompanySource::AdvertiserList, None, false);
        read += 1;
    }
    Ok(read)
}

pub fn interacted(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["history_v2", "history"]).ok_or("has no list of ad interactions")?;
    let mut read = 0;
    for item in items {
        let name = str_field(item, "title")
            .or_else(|| label_value(item, &["Title", "Titre", "Advertiser"]))
            .or_else(|| first_value(item));
        let at = unix(item.get("timestamp"))
            .or_else(|| label(item, &["Time", "Date"]).and_then(|e| unix(e.get("timestamp_value"))))
            .or_else(|| first_time(item));
        if let Some(name) = name {
            out.add_company(name, CompanySource::AdvertiserInteraction, at, true);
            read += 1;
        }
    }
    Ok(read)
}
