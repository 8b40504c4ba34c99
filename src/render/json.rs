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
//! Fields are only ever added within a version.

use super::{Emitter, EmitterContext, Summary};
use crate::engine::Linted;
use serde_json::{Value, json};
use std::io::{self, Write};

/// The version of the contract; bumped only on an incompatible change.
pub const VERSION: u64 = 1;

/// The JSON format.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonEmitter;

/// The report as a JSON value.
pub fn report(files: &[Linted], context: &EmitterContext) -> Value {
    let entries: Vec<Value> = files
        .iter()
        .map(|file| {
            let diagnostics: Vec<Value> = file
                .report
                .findings
                .iter()
                .map(|finding| {
                    let d = &finding.diagnostic;
                    json!({
                        "severity": d.severity.as_str(),
                        "code": d.code,
                        "pointer": d.pointer,
                        "message": d.message,
                        "line": d.position.map(|p| p.line),
                        "column": d.position.map(|p| p.column),
                        "document": finding.document,
                        "suppressed": finding.suppressed,
                    })
                })
                .collect();
            let omitted = file.report.omitted;
            json!({
                "path": file.name,
                "valid": file.is_valid(context.deny_warnings),
                "diagnostics": diagnostics,
                "omitted": omitted.errors + omitted.warnings + omitted.suppressed,
            })
        })
        .collect();
    let summary = Summary::of(files, context);
    json!({
        "version": VERSION,
        "files": entries,
        "skipped": context.skipped,
        "summary": {
            "files": summary.files,
            "valid": summary.valid,
            "invalid": summary.invalid,
            "errors": summary.errors,
            "warnings": summary.warnings,
            "suppressed": summary.suppressed,
            "skipped": summary.skipped,
        },
    })
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
