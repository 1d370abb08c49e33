//! The one derivation: everything worked out from an imported map (who each statement is about, the
//! statements, the table's rows, the timelines, the network, what the person can do), computed once and
//! used alike by the window, `report`, `render`, letters and redaction.

use crate::catalog;
use crate::exposure::{self, Companies, Row, Statement};
use crate::model::DataMap;
use crate::redact;
use crate::timeline::{self, CompanyTimeline, Network};

/// Everything worked out from an imported map, once, for the window, `report`, `render` and redaction
/// alike.
#[derive(Clone)]
pub struct Derived {
    /// Who each statement, row and timeline is about.
    pub companies: Companies,
    /// Who could see what, when, and how we know.
    pub statements: Vec<Statement>,
    /// The statements folded into one row per company, for the table.
    pub rows: Vec<Row>,
    /// One timeline per row, grouped by kind and sorted by first access.
    pub timelines: Vec<CompanyTimeline>,
    pub network: Network,
    /// What the person can do about each company.
    pub actions: Vec<crate::actions::Action>,
}

impl Derived {
    /// The map and this with every person pseudonymised. Rows, timelines and the network name companies
    /// only and are kept; the actions are worked out again from the redacted map, so no step can carry the
    /// owner's or a friend's name.
    pub fn redacted(&self, map: &DataMap) -> (DataMap, Derived) {
        let (map, statements) = redact::redact_statements(map, &self.statements);
        let actions = crate::actions::actions(&map, &statements);
        (map, Derived { statements, actions, ..self.clone() })
    }

    pub fn of(map: &DataMap) -> Derived {
        let exposure = exposure::derive(map, catalog::builtin());
        let rows = exposure::rows(&exposure.statements);
        let timelines = timeline::company_timelines(map, &exposure.companies, &exposure.statements, &rows);
        let network = timeline::network(map, &exposure.statements);
        let actions = crate::actions::actions(map, &exposure.statements);
        Derived { companies: exposure.companies, statements: exposure.statements, rows, timelines, network, actions }
    }
}
