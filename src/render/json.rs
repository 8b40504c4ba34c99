//! The versioned JSON report, a contract other tools read:
//!
//! ```json
//! {"version": 1,
//!  "files": [{"path": "...", "valid": false,
//!             "diagnostics": [{"severity": "error", "code": "range",
//!                              "pointer": "/ports/0/internal_port", "message": "...",
//!                              "line": 3, "column": 21, "document": 0,
//!                              "suppressed": false}],
//!             "omitted": 0}],
//!  "skipped": [],
//!  "summary": {"files": 1, "valid": 0, "invalid": 1, "errors": 1, "warnings": 0,
//!              "suppressed": 0, "skipped": 0}}
//! ```
//!
//! `line` and `column` are 1-based (columns count Unicode scalar values) and `null` for a
//! diagnostic that has no position (an unreadable file). `document` is the 0-based index of the
//! document in a multi-document YAML file (0 otherwise). A suppressed diagnostic is listed with
//! `"suppressed": true` and counted in `summary.suppressed`, not in `errors` or `warnings`.
//! `omitted` counts the diagnostics of the file over the per-file cap (`max_diagnostics`), which
//! `summary` still counts. `skipped` lists the files a walk found that are not container
//! payloads. A file is valid when it has no error (with `--deny-warnings`, no warning either).
//! Fields are only ever added within a version. A diagnostic with a fix also has `"fix":
//! {"title": "...", "applicability": "safe", "edits": [{"start": 161, "end": 167,
//! "start_line": 6, "start_column": 10, "end_line": 6, "end_column": 16, "replacement":
//! "1000"}]}`: byte offsets into the file as read (`end` exclusive), and the same ends as
//! 1-based lines and columns.

use super::{Emitter, EmitterContext, Summary};
use crate::engine::{Finding, Linted};
use qovery_model::document::position::LineIndex;
use serde::Serialize;
use std::io::{self, Write};

/// The version of the contract; bumped only on an incompatible change.
pub const VERSION: u64 = 1;

/// The JSON format.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonEmitter;

/// The report, serialized field by field in the order above.
#[derive(Debug, Serialize)]
pub struct JsonReport<'a> {
    version: u64,
    files: Vec<JsonFile<'a>>,
    skipped: &'a [String],
    summary: JsonSummary,
}

#[derive(Debug, Serialize)]
struct JsonFile<'a> {
    path: &'a str,
    valid: bool,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    omitted: usize,
}

#[derive(Debug, Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    code: &'static str,
    pointer: &'a str,
    message: &'a str,
    line: Option<u32>,
    column: Option<u32>,
    document: usize,
    suppressed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: &'static str,
    edits: Vec<super::LocatedEdit<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonSummary {
    files: usize,
    valid: usize,
    invalid: usize,
    errors: usize,
    warnings: usize,
    suppressed: usize,
    skipped: usize,
}

impl<'a> JsonDiagnostic<'a> {
    fn of(finding: &'a Finding, lines: Option<&LineIndex<'_>>) -> Self {
        let d = &finding.diagnostic;
        let fix = d.fix.as_ref().map(|fix| JsonFix {
            title: &fix.title,
            applicability: fix.applicability.as_str(),
            edits: super::located_edits(fix, lines),
        });
        JsonDiagnostic {
            severity: d.severity.as_str(),
            code: d.code,
            pointer: &d.pointer,
            message: &d.message,
            line: d.position.map(|p| p.line),
            column: d.position.map(|p| p.column),
            document: finding.document,
            suppressed: finding.suppressed,
            fix,
        }
    }
}

/// The report of `files`.
pub fn report<'a>(files: &'a [Linted], context: &'a EmitterContext) -> JsonReport<'a> {
    let summary = Summary::of(files, context);
    JsonReport {
        version: VERSION,
        files: files
            .iter()
            .map(|file| {
                let omitted = file.report.omitted;
                let lines = file.source.as_deref().map(LineIndex::new);
                JsonFile {
                    path: &file.name,
                    valid: file.is_valid(context.deny_warnings),
                    diagnostics: file
                        .report
                        .findings
                        .iter()
                        .map(|finding| JsonDiagnostic::of(finding, lines.as_ref()))
                        .collect(),
                    omitted: omitted.errors + omitted.warnings + omitted.suppressed,
                }
            })
            .collect(),
        skipped: &context.skipped,
        summary: JsonSummary {
            files: summary.files,
            valid: summary.valid,
            invalid: summary.invalid,
            errors: summary.errors,
            warnings: summary.warnings,
            suppressed: summary.suppressed,
            skipped: summary.skipped,
        },
    }
}

impl Emitter for JsonEmitter {
    fn emit(
        &mut self,
        out: &mut dyn Write,
        files: &[Linted],
        context: &EmitterContext,
    ) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &report(files, context))?;
        writeln!(out)
    }
}
