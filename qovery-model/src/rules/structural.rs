//! The codes the document checker reports about a document's syntax and shape rather than a
//! rule of the catalogue, as data: their severity, who reports them and what they mean.

use crate::validate::Severity;
use crate::validate::codes;

/// A code that is not a catalogue rule: a problem of the document's syntax or shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Structural {
    /// The code.
    pub code: &'static str,
    /// Its severity (`unknown_member` is an error with `strict`; `yaml` is a warning for a
    /// construct that is ignored, an error for one that changes the meaning).
    pub severity: Severity,
    /// Who reports it (`document`, or `spec` for what the spec's schema says).
    pub source: &'static str,
    /// What it means.
    pub description: &'static str,
}

/// The structural codes, in the order a document meets them.
pub const STRUCTURAL: &[Structural] = &[
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
        code: codes::DUPLICATE_KEY,
        severity: Severity::Error,
        source: "document",
        description: "The same key twice in one object: parsers disagree on which one wins.",
    },
    Structural {
        code: codes::TYPE,
        severity: Severity::Error,
        source: "spec",
        description: "A value of a JSON type the member cannot have, or a number that does not fit (a fraction or more than 32 bits where an int32 belongs).",
    },
    Structural {
        code: codes::REQUIRED,
        severity: Severity::Error,
        source: "spec",
        description: "A required member is missing.",
    },
    Structural {
        code: codes::UNKNOWN_MEMBER,
        severity: Severity::Warning,
        source: "spec",
        description: "A member the spec does not define (often a typo); the API ignores it. An error with --strict.",
    },
    Structural {
        code: codes::FORMAT,
        severity: Severity::Error,
        source: "spec",
        description: "A string that is not in the format its member requires (uuid, uri, date-time...).",
    },
];
