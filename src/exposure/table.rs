//! The "Who had access" table: one row per company, folding its statements together, in the shape Facebook's
//! former security chief asked for — the kind of integration, the data it could reach, how it was switched
//! on, when it started, and when (or whether) it ended — plus how sure we are and why.

use super::{Confidence, Ending, Kind, Statement, data_kind_label};
use crate::model::{Unix, format_date};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub company: String,
    pub catalog_id: Option<String>,
    pub kinds: Vec<Kind>,
    pub data: Vec<String>,
    pub start: Option<Unix>,
    pub end: Option<Unix>,
    /// Still active as of a date, if any statement still runs.
    pub still_active: Option<String>,
    /// The strongest confidence among the row's statements.
    pub confidence: Confidence,
    /// Every confidence level among the row's statements, strongest first.
    pub confidences: Vec<Confidence>,
    pub people: usize,
    pub evidence: usize,
    /// Indices into the statement list.
    pub statements: Vec<usize>,
}

impl Row {
    pub fn kind_label(&self) -> String {
        self.kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join("; ")
    }

    pub fn kinds_list(&self) -> String {
        self.kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join("\n")
    }

    pub fn data_label(&self) -> String {
        self.data.iter().map(|k| data_kind_label(k)).collect::<Vec<_>>().join("; ")
    }

    pub fn activation(&self) -> String {
        let mut out: Vec<&str> = self.kinds.iter().map(|k| k.activation()).collect();
        out.dedup();
        out.join("; ")
    }

    pub fn confidence_label(&self) -> String {
        self.confidences.iter().map(|c| c.label()).collect::<Vec<_>>().join(" + ")
    }

    pub fn started_label(&self) -> String {
        self.start.map(format_date).unwrap_or_else(|| "unknown".into())
    }

    pub fn ended_label(&self) -> String {
        match (&self.still_active, self.end) {
            (Some(as_of), _) => format!("still active as of {as_of}"),
            (None, Some(t)) => format_date(t),
            (None, None) => "unknown".into(),
        }
    }
}

/// Fold statements into one row per company, strongest evidence first, then by name.
pub fn rows(statements: &[Statement]) -> Vec<Row> {
    let mut by_company: BTreeMap<String, Row> = BTreeMap::new();
    let mut people: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (i, s) in statements.iter().enumerate() {
        // One row per company: a catalogue match joins "RBC Mobile" (the app) and "Royal Bank of Canada"
        // (the deal); the row keeps the name the export used, as the first rule gives it.
        let key = s.catalog_id.clone().unwrap_or_else(|| s.company.to_lowercase());
        let row = by_company.entry(key.clone()).or_insert_with(|| Row {
            company: s.company.clone(),
            catalog_id: s.catalog_id.clone(),
            kinds: Vec::new(),
            data: Vec::new(),
            start: s.start,
            end: s.end,
            still_active: None,
            confidence: s.confidence,
            confidences: Vec::new(),
            people: 0,
            evidence: 0,
            statements: Vec::new(),
        });
        if !row.kinds.contains(&s.kind) {
            row.kinds.push(s.kind);
        }
        for d in &s.data {
            if !row.data.contains(d) {
                row.data.push(d.clone());
            }
        }
        row.catalog_id = row.catalog_id.clone().or_else(|| s.catalog_id.clone());
        row.start = match (row.start, s.start) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        row.end = match (row.end, s.end) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        if let Ending::StillActive(as_of) = &s.ending {
            row.still_active = Some(as_of.clone());
        }
        row.confidence = row.confidence.min(s.confidence);
        if !row.confidences.contains(&s.confidence) {
            row.confidences.push(s.confidence);
            row.confidences.sort();
        }
        row.evidence += s.evidence.files.len() + s.evidence.sources.len();
        row.statements.push(i);
        let seen = people.entry(key).or_default();
        for p in &s.people {
            if !seen.contains(&p.as_str()) {
                seen.push(p);
            }
        }
    }
    let mut out: Vec<Row> = by_company
        .into_iter()
        .map(|(key, mut row)| {
            row.people = people.get(&key).map_or(0, Vec::len);
            row.kinds.sort();
            row
        })
        .collect();
    out.sort_by(|a, b| {
        a.kinds.first().cmp(&b.kinds.first()).then(a.confidence.cmp(&b.confidence)).then(a.company.cmp(&b.company))
    });
    out
}

/// Quote a CSV field, and defuse text a spreadsheet would run as a formula.
fn field(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    format!("\"{}\"", safe.replace('"', "\"\""))
}

pub fn to_csv(rows: &[Row]) -> String {
    let mut out = String::from(
        "company,catalog_id,kind,data,how_switched_on,started,ended,confidence,people_affected,evidence_items\n",
    );
    for r in rows {
        let cells = [
            field(&r.company),
            field(r.catalog_id.as_deref().unwrap_or("")),
            field(&r.kind_label()),
            field(&r.data_label()),
            field(&r.activation()),
            field(&r.started_label()),
            field(&r.ended_label()),
            field(&r.confidence_label()),
            r.people.to_string(),
            r.evidence.to_string(),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("a \"b\""), "\"a \"\"b\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    }
}
