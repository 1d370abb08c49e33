//! The "Who had access" table: one row per company, in the shape Facebook's former security chief asked for
//! — the kind of integration, the data it could reach, how it was switched on, when it started, and when (or
//! whether) it ended — plus how sure we are and why.
//!
//! A company's statements are folded into one row, but each kind keeps its own dates, ending and confidence
//! as a [`Part`]: Spotify's app connection may still be active while its message access ended years ago, and
//! a row that merged the two would say the message access was still running.

use super::{CompanyId, Confidence, Ending, Kind, Statement};
use crate::catalog::DataKind;
use crate::model::{PersonId, Unix};
use std::collections::{BTreeMap, HashSet};

/// One kind of access a company had, with its own dates and confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub kind: Kind,
    pub deal_id: Option<String>,
    pub data: Vec<DataKind>,
    pub start: Option<Unix>,
    pub end: Option<Unix>,
    pub start_label: String,
    pub end_label: String,
    pub ending: Ending,
    pub confidence: Confidence,
    /// How it was switched on, as far as the export shows it, and what it cannot show.
    pub activation: String,
    pub people: Option<usize>,
    pub people_minimum: bool,
    /// Indices into the statement list.
    pub statements: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub company_id: CompanyId,
    /// The name to show: the first statement's spelling.
    pub company: String,
    pub catalog_id: Option<String>,
    pub parts: Vec<Part>,
    pub kinds: Vec<Kind>,
    pub data: Vec<DataKind>,
    pub start: Option<Unix>,
    pub end: Option<Unix>,
    /// The strongest confidence among the row's statements.
    pub confidence: Confidence,
    /// Every confidence level among the row's statements, strongest first.
    pub confidences: Vec<Confidence>,
    /// People whose data any of the row's statements touched, or `None` when none of them can say.
    pub people: Option<usize>,
    pub people_minimum: bool,
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
        self.data.iter().map(DataKind::label).collect::<Vec<_>>().join("; ")
    }

    pub fn confidence_label(&self) -> String {
        self.confidences.iter().map(|c| c.label()).collect::<Vec<_>>().join(" + ")
    }

    pub fn people_label(&self) -> String {
        people_label(self.people, self.people_minimum)
    }
}

impl Part {
    pub fn data_label(&self) -> String {
        self.data.iter().map(DataKind::label).collect::<Vec<_>>().join("; ")
    }

    /// The export's own facts (an app connection, an ad list) touch no one else, so they count nobody.
    pub fn people_label(&self) -> String {
        if self.kind.is_deal() { people_label(self.people, self.people_minimum) } else { "—".into() }
    }
}

fn people_label(count: Option<usize>, minimum: bool) -> String {
    match (count, minimum) {
        (Some(n), true) => format!("at least {n}"),
        (Some(n), false) => n.to_string(),
        (None, _) => "unknown".into(),
    }
}

/// What the person did to switch an observed kind on, as the export itself says it.
fn observed_activation(kind: Kind) -> &'static str {
    match kind {
        Kind::ConnectedApp => "You logged in to it with Facebook",
        Kind::OffMetaActivity => "It sent Meta records of your activity on its site or app",
        Kind::AdvertiserList => "It uploaded or used a list that matched you",
        Kind::AdvertiserActivity => "It used your activity on its site, app or store",
        Kind::AdvertiserInteraction => "You clicked or closed one of its ads",
        _ => "",
    }
}

fn deal_activation(s: &Statement) -> String {
    let shown: Vec<&str> = s.condition_shown.iter().map(|c| c.text.as_str()).collect();
    let unknown = match s.condition_unknown.as_slice() {
        [] => String::new(),
        items => format!("Unknown: whether {}.", items.join("; or whether ")),
    };
    match (s.confidence, shown.is_empty()) {
        (Confidence::Inferred, false) => format!("Your export shows {}. {unknown}", shown.join("; ")).trim().to_owned(),
        _ => format!("Not shown in your export. {unknown}").trim().to_owned(),
    }
}

fn part_of(i: usize, s: &Statement) -> Part {
    Part {
        kind: s.kind,
        deal_id: s.deal_id.clone(),
        data: s.data.clone(),
        start: s.start,
        end: s.end,
        start_label: s.start_label.clone(),
        end_label: s.end_label.clone(),
        ending: s.ending.clone(),
        confidence: s.confidence,
        activation: if s.kind.is_deal() { deal_activation(s) } else { observed_activation(s.kind).to_owned() },
        people: s.people_count,
        people_minimum: s.people_count_is_minimum,
        statements: vec![i],
    }
}

/// Folds a second statement of the same kind and deal (two connected apps of one company) into a part.
fn absorb(part: &mut Part, i: usize, s: &Statement) {
    part.statements.push(i);
    part.start = match (part.start, s.start) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => None,
    };
    part.end = match (part.end, s.end) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    };
    if part.start != s.start {
        part.start_label = part.start.map(crate::model::format_date).unwrap_or_else(|| "unknown".into());
    }
    if s.ending.is_open() || part.end.is_none() {
        part.ending = s.ending.clone();
        part.end_label = s.end_label.clone();
    }
    part.confidence = part.confidence.min(s.confidence);
    part.people = part.people.max(s.people_count);
    part.people_minimum |= s.people_count_is_minimum;
    for d in &s.data {
        if !part.data.contains(d) {
            part.data.push(d.clone());
        }
    }
}

/// Fold statements into one row per company, strongest evidence first, then by name.
pub fn rows(statements: &[Statement]) -> Vec<Row> {
    let mut by_company: BTreeMap<CompanyId, (Row, HashSet<PersonId>)> = BTreeMap::new();
    for (i, s) in statements.iter().enumerate() {
        // One row per company, as the directory of companies decided it: a catalogue match joins
        // "RBC Mobile" (the app) and "Royal Bank of Canada" (the deal). The row keeps the first statement's name.
        let (row, reached) = by_company.entry(s.company_id).or_insert_with(|| {
            let row = Row {
                company_id: s.company_id,
                company: s.company.clone(),
                catalog_id: s.catalog_id.clone(),
                parts: Vec::new(),
                kinds: Vec::new(),
                data: Vec::new(),
                start: s.start,
                end: s.end,
                confidence: s.confidence,
                confidences: Vec::new(),
                people: None,
                people_minimum: false,
                evidence: 0,
                statements: Vec::new(),
            };
            (row, HashSet::new())
        });
        match row.parts.iter_mut().find(|p| p.kind == s.kind && p.deal_id == s.deal_id) {
            Some(part) => absorb(part, i, s),
            None => row.parts.push(part_of(i, s)),
        }
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
        row.confidence = row.confidence.min(s.confidence);
        if !row.confidences.contains(&s.confidence) {
            row.confidences.push(s.confidence);
            row.confidences.sort();
        }
        row.evidence += s.evidence.files.len() + s.evidence.sources.len();
        row.statements.push(i);
        if let Some(count) = s.people_count {
            reached.extend(s.people.iter().copied());
            row.people = Some(row.people.unwrap_or(0).max(count));
            row.people_minimum |= s.people_count_is_minimum;
        }
    }
    let mut out: Vec<Row> = by_company
        .into_values()
        .map(|(mut row, reached)| {
            row.people = row.people.map(|most| most.max(reached.len()));
            row.kinds.sort();
            row.parts.sort_by_key(|p| (p.kind, p.deal_id.clone()));
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

/// One CSV line per company and kind of access, so each keeps its own dates and confidence.
pub fn to_csv(rows: &[Row], statements: &[Statement]) -> String {
    let mut out = String::from(
        "company,catalog_id,kind,deal_id,data,how_switched_on,started,ended,confidence,people_affected,evidence_items\n",
    );
    for r in rows {
        for p in &r.parts {
            let evidence: usize = p
                .statements
                .iter()
                .filter_map(|i| statements.get(*i))
                .map(|s| s.evidence.files.len() + s.evidence.sources.len())
                .sum();
            let cells = [
                field(&r.company),
                field(r.catalog_id.as_deref().unwrap_or("")),
                field(p.kind.label()),
                field(p.deal_id.as_deref().unwrap_or("")),
                field(&p.data_label()),
                field(&p.activation),
                field(&p.start_label),
                field(&p.end_label),
                field(p.confidence.label()),
                field(&p.people_label()),
                evidence.to_string(),
            ];
            out.push_str(&cells.join(","));
            out.push('\n');
        }
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
