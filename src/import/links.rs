//! Link history: websites the owner opened from Facebook's in-app browser. Each is a site that received a
//! visit Facebook referred, so it is a potential data partner. Only the site's host name (or, without a URL,
//! the site's name) is kept, never the full address, which can carry personal tokens in its path or query.

use super::builder::Builder;
use super::json::{records, str_field};
use super::time::unix;
use serde_json::Value;

pub fn links(doc: &Value, out: &mut Builder) -> Result<usize, String> {
    let items = records(doc, &["link_history_v2", "link_history"]).ok_or("has no list of links")?;
    let mut read = 0;
    for item in items {
        let entries = item.get("label_values").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        let url = ["url", "uri", "href"]
            .iter()
            .find_map(|k| str_field(item, k))
            .or_else(|| entries.iter().find_map(|e| str_field(e, "href").filter(|v| is_url(v))))
            .or_else(|| entries.iter().find_map(|e| str_field(e, "value").filter(|v| is_url(v))));
        // Labels are localised ("Website name", "Nom du site"), so the first plain text value is the name.
        let name = str_field(item, "title")
            .or_else(|| entries.iter().find_map(|e| str_field(e, "value").filter(|v| !is_url(v))));
        let at = unix(item.get("timestamp")).or_else(|| entries.iter().find_map(|e| unix(e.get("timestamp_value"))));
        if let Some(site) = url.and_then(host).or_else(|| name.map(str::to_owned)) {
            out.add_website(&site, at);
            read += 1;
        }
    }
    Ok(read)
}

fn is_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `https://www.Example.org:8080/a?b` → `example.org`.
pub fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty() && host.contains('.')).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_drop_paths_credentials_and_www() {
        assert_eq!(host("https://www.Example.org:8080/a?token=1").as_deref(), Some("example.org"));
        assert_eq!(host("http://user:pw@shop.example.com#x").as_deref(), Some("shop.example.com"));
        assert_eq!(host("https://localhost/"), None);
    }
}
