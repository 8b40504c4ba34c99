//! The rule catalogue as the linter uses it: the library's rules grouped by code, plus the
//! structural codes of the raw-document checker and the linter's own `io` and `internal`.

use crate::engine::{INTERNAL, IO};
use crate::settings::UNUSED_SUPPRESSION;
use qovery_model::validate::Severity;

/// One catalogue row: a rule of one document kind at one pointer pattern.
pub use qovery_model::rules::CatalogueRow as Row;

/// Every rule of the library: the request's, then the response's.
pub fn library_rows() -> Vec<Row> {
    qovery_model::rules::catalogue()
}

/// A code that is not a catalogue rule: a problem of the document's syntax or shape (the
/// library's [`qovery_model::rules::structural`]), or of the input or its comments.
pub use qovery_model::rules::structural::Structural;

/// The linter's own codes: about the input and its comments, not the payload.
const IO_CODE: Structural = Structural {
    code: IO,
    severity: Severity::Error,
    source: "qovery-lint",
    description: "The file cannot be read: it does not exist, is not readable, or disappeared while the linter ran.",
};

const UNUSED_SUPPRESSION_CODE: Structural = Structural {
    code: UNUSED_SUPPRESSION,
    severity: Severity::Warning,
    source: "qovery-lint",
    description: "A `# qovery-lint: allow(CODE)` comment that silences nothing (the problem is gone, or the code is misspelled), or a `qovery-lint:` comment that is not a suppression.",
};

const INTERNAL_CODE: Structural = Structural {
    code: INTERNAL,
    severity: Severity::Error,
    source: "qovery-lint",
    description: "The checker failed on this input, or a fix made it unparsable (the file is then left unchanged). This is a bug: please report it with the input.",
};

/// The structural codes, in the order a document meets them: the input's own, the document
/// checker's, the suppression comments', then the linter's internal error.
pub fn structural() -> impl Iterator<Item = Structural> {
    std::iter::once(IO_CODE)
        .chain(qovery_model::rules::structural::STRUCTURAL.iter().copied())
        .chain([UNUSED_SUPPRESSION_CODE, INTERNAL_CODE])
}

/// Everything known about one code.
#[derive(Debug, Clone)]
pub struct Rule {
    /// The code.
    pub code: &'static str,
    /// The structural description, when the code is structural.
    pub structural: Option<Structural>,
    /// The library rows with this code.
    pub rows: Vec<Row>,
}

impl Rule {
    /// The most severe severity among its rows.
    pub fn severity(&self) -> Severity {
        let rows = self.rows.iter().map(|r| r.entry.rule.severity);
        let structural = self.structural.iter().map(|s| s.severity);
        rows.chain(structural).min().unwrap_or(Severity::Error)
    }

    /// One line: the structural description, or the rows' description when they share one.
    pub fn short_description(&self) -> String {
        if let Some(structural) = self.structural {
            return structural.description.to_owned();
        }
        let mut descriptions: Vec<&str> = Vec::new();
        for row in &self.rows {
            if !descriptions.contains(&row.entry.rule.description) {
                descriptions.push(row.entry.rule.description);
            }
        }
        match descriptions.as_slice() {
            [one] => (*one).to_owned(),
            [_, ..] => format!(
                "{} checks reported as `{}` (see `qovery-lint explain {}`)",
                descriptions.len(),
                self.code,
                self.code
            ),
            [] => String::new(),
        }
    }

    /// The distinct sources, comma-separated.
    pub fn sources(&self) -> String {
        let mut sources: Vec<&str> = self
            .structural
            .iter()
            .map(|s| s.source)
            .chain(self.rows.iter().map(|r| r.entry.rule.source.as_str()))
            .collect();
        sources.sort_unstable();
        sources.dedup();
        sources.join(", ")
    }
}

/// Every code: the structural ones first, then the library's in catalogue order.
pub fn rules() -> Vec<Rule> {
    let rows = library_rows();
    let mut rules: Vec<Rule> = structural()
        .map(|s| Rule {
            code: s.code,
            structural: Some(s),
            rows: Vec::new(),
        })
        .collect();
    for row in rows {
        let code = row.entry.rule.code;
        match rules.iter_mut().find(|r| r.code == code) {
            Some(rule) => rule.rows.push(row),
            None => rules.push(Rule {
                code,
                structural: None,
                rows: vec![row],
            }),
        }
    }
    rules
}

/// The rule with this code.
pub fn find(code: &str) -> Option<Rule> {
    rules().into_iter().find(|r| r.code == code)
}
