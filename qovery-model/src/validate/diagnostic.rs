//! One problem found in a payload: where, what, how bad.

use serde::Serialize;
use std::fmt;
use std::ops::Range;

use super::fix::{Fix, Repair};

/// The longest help a [`Diagnostic`] keeps, in characters (see [`Diagnostic::with_help`]):
/// enough to quote a corrected value of the longest valid length (255) several times.
const MAX_HELP_CHARS: usize = 1000;

/// How bad a problem is. Serialized as [`Severity::as_str`] (`"error"`, `"warning"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Qovery or Kubernetes would reject the payload, or silently drop what it says.
    Error,
    /// The payload is accepted but is almost certainly not what was meant, or the rule is
    /// inferred rather than documented.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`, as written in every output format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A 1-based line and column in a document; columns count characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Position {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in Unicode scalar values from the start of the line.
    pub column: u32,
}

/// One problem: a JSON Pointer to the offending value, a stable code, a severity and a message.
///
/// Every front end (the typed validator, the raw-document checker, the linter's renderers)
/// produces and consumes this one type. It serializes as an object with the fields below (an
/// absent `help`, `position`, `end`, `span` or `fix` is left out; a span is
/// `{"start": 70, "end": 76}`):
/// `{"pointer": "/cpu", "code": "type", "severity": "error", "message": "...", "position": {"line": 6, "column": 10}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// RFC 6901 JSON Pointer to the offending value; for a missing member, the member itself.
    pub pointer: String,
    /// Stable snake_case code (`range`, `pattern`, `required`, `image_name_tag`...).
    pub code: &'static str,
    /// How bad it is.
    pub severity: Severity,
    /// What was found and what was expected.
    pub message: String,
    /// A suggested fix, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Where it is in the source document, when the value came from one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Where the offending token ends (exclusive), on the same line as `position`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<Position>,
    /// The bytes of the source document the diagnostic is about (`start..end`, end exclusive):
    /// the whole offending value or key, even when it spans lines (`position`..`end` then marks
    /// only its first character). Fixes and editors' ranges are derived from it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Range<usize>>,
    /// What would repair the problem, as the rule states it on the payload's values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repair: Option<Repair>,
    /// The byte edits of `repair` on the source document, when the checker could make them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// `line:column`.
impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

impl Diagnostic {
    /// A diagnostic with no help and no position.
    pub fn new(
        pointer: impl Into<String>,
        code: &'static str,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            pointer: pointer.into(),
            code,
            severity,
            message: message.into(),
            help: None,
            position: None,
            end: None,
            span: None,
            repair: None,
            fix: None,
        }
    }

    /// The same diagnostic with a suggested fix.
    ///
    /// A help longer than 1,000 characters is cut there (ending with `…`).
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        let mut help = help.into();
        // Fix found by fuzzing: a help that quotes a corrected value (`write `/mnt/...``, the
        // lower-case `image_name`) would copy a huge input value whole; helps are bounded.
        if let Some((cut, _)) = help.char_indices().nth(MAX_HELP_CHARS) {
            help.truncate(cut);
            help.push('…');
        }
        self.help = Some(help);
        self
    }

    /// The same diagnostic located at `position`.
    #[must_use]
    pub fn with_position(mut self, position: Position) -> Self {
        self.position = Some(position);
        self
    }

    /// The same diagnostic with the (exclusive) end of the offending token.
    #[must_use]
    pub fn with_end(mut self, end: Position) -> Self {
        self.end = Some(end);
        self
    }

    /// The same diagnostic about the bytes `span` of its source document.
    #[must_use]
    pub fn with_span(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// The same diagnostic with what would repair it (`None` leaves it without).
    #[must_use]
    pub fn with_repair(mut self, repair: Option<Repair>) -> Self {
        self.repair = repair;
        self
    }

    /// The same diagnostic with a fix (`None` leaves it without one).
    #[must_use]
    pub fn with_fix(mut self, fix: Option<Fix>) -> Self {
        self.fix = fix;
        self
    }

    /// Whether this is an error (and not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "(root)"
        } else {
            &self.pointer
        };
        write!(
            f,
            "{}[{}] {}: {}",
            self.severity, self.code, pointer, self.message
        )
    }
}

impl std::error::Error for Diagnostic {}
