//! Which company a statement is about, as an id. An export spells one company several ways (an app
//! "RBC Mobile", an advertiser "Royal Bank of Canada") and the public record names partners the export never
//! mentions; every later stage (rows, timelines, graph, views) needs one identity for each, decided once
//! here: a catalogue partner is one company whatever the spelling, anything else is one company per
//! [`company_key`]. Names are for display only.

use crate::catalog::Catalog;
use crate::model::{DataMap, company_key};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct CompanyId(pub u32);

impl CompanyId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CompanyEntry {
    /// The name to show: the export's first spelling, or the catalogue's for a partner the export lacks.
    pub name: String,
    pub catalog_id: Option<String>,
    /// Indices into [`DataMap::companies`] of the records that are this company.
    pub records: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Companies {
    entries: Vec<CompanyEntry>,
    by_key: HashMap<String, CompanyId>,
}

fn key(name: &str, catalog_id: Option<&str>) -> String {
    match catalog_id {
        Some(id) => format!("catalog:{id}"),
        None => company_key(name),
    }
}

impl Companies {
    /// Every company the export names, joined where the catalogue says two names are one partner.
    pub fn of(map: &DataMap, catalog: &Catalog) -> Companies {
        let index = catalog.name_index();
        let mut out = Companies::default();
        for (i, company) in map.companies.iter().enumerate() {
            let catalog_id = index.get(&company.name).map(|p| p.id.as_str());
            let id = out.intern(&company.name, catalog_id);
            out.entries[id.index()].records.push(i);
        }
        out
    }

    /// The id for a name (and the partner it matched, if any), added if new.
    pub fn intern(&mut self, name: &str, catalog_id: Option<&str>) -> CompanyId {
        let next = CompanyId(self.entries.len() as u32);
        let id = *self.by_key.entry(key(name, catalog_id)).or_insert(next);
        if id == next {
            self.entries.push(CompanyEntry {
                name: name.to_owned(),
                catalog_id: catalog_id.map(str::to_owned),
                records: Vec::new(),
            });
        }
        id
    }

    pub fn get(&self, id: CompanyId) -> Option<&CompanyEntry> {
        self.entries.get(id.index())
    }

    pub fn name(&self, id: CompanyId) -> &str {
        self.get(id).map_or("", |e| e.name.as_str())
    }

    /// A company by a name as a person types it or a command line gives it (`--select Spotify`): its key,
    /// then its partner's names.
    pub fn find(&self, name: &str, catalog: &Catalog) -> Option<CompanyId> {
        let partner = catalog.match_name(name).map(|p| p.id.as_str());
        self.by_key.get(&key(name, partner)).or_else(|| self.by_key.get(&key(name, None))).copied().or_else(|| {
            self.entries.iter().position(|e| e.name.eq_ignore_ascii_case(name)).map(|i| CompanyId(i as u32))
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (CompanyId, &CompanyEntry)> {
        self.entries.iter().enumerate().map(|(i, e)| (CompanyId(i as u32), e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Company, CompanySource};

    #[test]
    fn spellings_of_one_company_are_one_id() {
        let mut map = DataMap::default();
        for name in ["RBC Mobile", "Royal Bank of Canada", "Greenleaf  Grocers", "greenleaf grocers", "Cobalt"] {
            map.companies.push(Company {
                name: name.into(),
                sources: vec![CompanySource::OffMetaActivity],
                ..Company::default()
            });
        }
        let catalog = crate::catalog::builtin();
        let mut companies = Companies::of(&map, catalog);
        assert_eq!(companies.len(), 3, "RBC's two names and the grocer's two spellings join");
        let rbc = companies.find("RBC", catalog).unwrap();
        assert_eq!(companies.get(rbc).unwrap().records, vec![0, 1]);
        assert_eq!(companies.get(rbc).unwrap().catalog_id.as_deref(), Some("royal-bank-of-canada"));
        let bing = companies.intern("Microsoft Bing", Some("microsoft-bing"));
        assert_eq!(companies.len(), 4, "a partner the export lacks gets its own id");
        assert_eq!(companies.find("bing", catalog), Some(bing));
        assert_eq!(companies.find("Nobody", catalog), None);
    }
}
