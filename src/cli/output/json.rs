//! The versioned JSON report, a contract other tools read:
//!
//! ```json
//! {"version": 1,
//!  "files": [{"path": "...", "valid": false,
//!             "diagnostics": [{"severity": "error", "code": "range",
//!                              "pointer": "/ports/0/internal_port", "message": "...",
//!                              "line": 3, "column": 21}]}],
//!  "summary": {"files": 1, "valid": 0, "invalid": 1, "errors": 1, "warnings": 0}}
//! ```
//!
//! A diagnostic with a fix also has `"fix": {"title": "...", "applicability": "safe",
//! "edits": [{"start": 42, "end": 48, "start_line": 6, "start_column": 10, "end_line": 6,
//! "end_column": 16, "replacement": "1000"}]}`: byte offsets into the file as read (`end`
//! exclusive) and the same ends as 1-based lines and columns.
//!
//! `line` and `column` are 1-based (columns count Unicode scalar values) and `null` for a
//! diagnostic that has no position (an unreadable file). A file is valid when it has no
//! error-severity diagnostic (with `--deny-warnings`, no diagnostic at all).

use super::super::run::Checked;
use super::Summary;
use serde_json::{Value, json};
use std::io::{self, Write};

/// The version of the contract; bumped only on an incompatible change.
pub const VERSION: u64 = 1;

/// The report as a JSON value.
pub fn report(checked: &[Checked], deny_warnings: bool) -> Value {
    let files: Vec<Value> = checked
        .iter()
        .map(|file| {
            let diagnostics: Vec<Value> = file
                .report
                .diagnostics()
                .iter()
                .map(|d| {
                    let mut diagnostic = json!({
                        "severity": d.severity.as_str(),
                        "code": d.code,
                        "pointer": d.pointer,
                        "message": d.message,
                        "line": d.position.map(|p| p.line),
                        "column": d.position.map(|p| p.column),
                    });
                    if let Some(fix) = &d.fix {
                        diagnostic["fix"] = fix_object(fix, file.source.as_deref());
                    }
                    diagnostic
                })
                .collect();
            json!({
                "path": file.name,
                "valid": file.is_valid(deny_warnings),
                "diagnostics": diagnostics,
            })
        })
        .collect();
    let summary = Summary::of(checked, deny_warnings);
    json!({
        "version": VERSION,
        "files": files,
        "summary": {
            "files": summary.files,
            "valid": summary.valid,
            "invalid": summary.invalid,
            "errors": summary.errors,
            "warnings": summary.warnings,
        },
    })
}

/// A fix as the report writes it.
fn fix_object(fix: &qovery_model::validate::Fix, source: Option<&[u8]>) -> Value {
    let edits: Vec<Value> = super::located_edits(fix, source)
        .into_iter()
        .map(|edit| {
            json!({
                "start": edit.range.start,
                "end": edit.range.end,
                "start_line": edit.start.map(|p| p.line),
                "start_column": edit.start.map(|p| p.column),
                "end_line": edit.end.map(|p| p.line),
                "end_column": edit.end.map(|p| p.column),
                "replacement": edit.replacement,
            })
        })
        .collect();
    json!({
        "title": fix.title,
        "applicability": fix.applicability.as_str(),
        "edits": edits,
    })
}

/// Writes the report, pretty-printed, followed by a newline.
pub fn render(out: &mut dyn Write, checked: &[Checked], deny_warnings: bool) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(checked, deny_warnings))?;
    writeln!(out)
}
