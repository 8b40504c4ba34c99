//! The rule catalogue as the linter uses it: the library's rules grouped by code, plus the
//! structural codes of the raw-document checker and the linter's own `io` and `internal`.

use crate::engine::{INTERNAL, IO};
use crate::settings::UNUSED_SUPPRESSION;
use qovery_model::document::{codes, structural_codes};
use qovery_model::validate::Severity;

/// One catalogue row: a rule of one document kind at one pointer pattern.
pub use qovery_model::rules::CatalogueRow as Row;

/// Every rule of the library: the request's, then the response's.
pub fn library_rows() -> Vec<Row> {
    qovery_model::rules::catalogue()
}

/// A code that is not a catalogue rule: a problem of the document's syntax or shape, or of the
/// input itself.
#[derive(Debug, Clone, Copy)]
pub struct Structural {
    /// The code.
    pub code: &'static str,
    /// Its severity (`unknown_member` is an error with `--strict`; `yaml` is a warning for a
    /// construct that is ignored, an error for one that changes the meaning).
    pub severity: Severity,
    /// Who reports it.
    pub source: &'static str,
    /// What it means.
    pub description: &'static str,
}

/// The structural codes, in the order a document meets them.
pub const STRUCTURAL: &[Structural] = &[
    Structural {
        code: IO,
        severity: Severity::Error,
        source: "qovery-lint",
        description: "The file cannot be read: it does not exist, is not readable, or disappeared while the linter ran.",
    },
    Structural {
        code: codes::LIMIT,
        severity: Severity::Error,
        source: "document",
        description: "The document is larger than --max-bytes (default 1 MiB), nests deeper than 128 levels, or has more than 1,000,000 values (YAML aliases count once per use); it is not checked further.",
    },
    Structural {
        code: codes::SYNTAX,
        severity: Severity::Error,
        source: "document",
        description: "The document is not valid JSON (RFC 8259: no comments, no trailing commas) or YAML 1.2; checking stops at the first syntax error.",
    },
    Structural {
        code: codes::YAML,
        severity: Severity::Warning,
        source: "document",
        description: "A YAML construct with no JSON meaning: a custom tag (ignored, warning), a second document or a complex key (error).",
    },
    Structural {
        code: structural_codes::DUPLICATE_KEY,
        severity: Severity::Error,
        source: "document",
        description: "The same key twice in one object: parsers disagree on which one wins.",
    },
    Structural {
        code: structural_codes::TYPE,
        severity: Severity::Error,
        source: "spec",
        description: "A value of a JSON type the member cannot have, or a number that does not fit (a fraction or more than 32 bits where an int32 belongs).",
    },
    Structural {
        code: structural_codes::REQUIRED,
        severity: Severity::Error,
        source: "spec",
        description: "A required member is missing.",
    },
    Structural {
        code: structural_codes::UNKNOWN_MEMBER,
        severity: Severity::Warning,
        source: "spec",
        description: "A member the spec does not define (often a typo); the API ignores it. An error with --strict.",
    },
    Structural {
        code: structural_codes::FORMAT,
        severity: Severity::Error,
        source: "spec",
        description: "A string that is not in the format its member requires (uuid, uri, date-time...).",
    },
    Structural {
        code: UNUSED_SUPPRESSION,
        severity: Severity::Warning,
        source: "qovery-lint",
        description: "A `# qovery-lint: allow(CODE)` comment that silences nothing (the problem is gone, or the code is misspelled), or a `qovery-lint:` comment that is not a suppression.",
    },
    Structural {
        code: INTERNAL,
        severity: Severity::Error,
        source: "qovery-lint",
        description: "The checker failed on this input. This is a bug: please report it with the input.",
    },
];

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
    let mut rules: Vec<Rule> = STRUCTURAL
        .iter()
        .map(|s| Rule {
            code: s.code,
            structural: Some(*s),
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
