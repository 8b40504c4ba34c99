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

use super::{Emitter, EmitterContext, ListCut, Summary, list_item, write_list_item};
use crate::engine::{Finding, Linted};
use qovery_model::document::position::LineIndex;
use serde::Serialize;
use std::io::{self, Write};

/// The version of the contract; bumped only on an incompatible change.
pub const VERSION: u64 = 1;

/// The JSON format: each file's object rendered apart and streamed into the report's `files`
/// list.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonEmitter {
    deny_warnings: bool,
}

impl JsonEmitter {
    /// Files with warnings are invalid when `deny_warnings`.
    pub fn new(deny_warnings: bool) -> Self {
        JsonEmitter { deny_warnings }
    }
}

/// The indentation of the objects of the report's `files` list.
const FILE_INDENT: usize = 4;

/// The report, serialized field by field in the order above.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
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

impl<'a> JsonFile<'a> {
    fn of(file: &'a Linted, lines: Option<&LineIndex<'_>>, deny_warnings: bool) -> Self {
        let omitted = file.report.omitted;
        JsonFile {
            path: &file.name,
            valid: file.is_valid(deny_warnings),
            diagnostics: file
                .report
                .findings
                .iter()
                .map(|finding| JsonDiagnostic::of(finding, lines))
                .collect(),
            omitted: omitted.errors + omitted.warnings + omitted.suppressed,
        }
    }
}

/// The report without files: the document the files are streamed into.
fn without_files(skipped: &[String], summary: &Summary) -> String {
    let report = JsonReport {
        version: VERSION,
        files: Vec::new(),
        skipped,
        summary: JsonSummary {
            files: summary.files,
            valid: summary.valid,
            invalid: summary.invalid,
            errors: summary.errors,
            warnings: summary.warnings,
            suppressed: summary.suppressed,
            skipped: summary.skipped,
        },
    };
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

impl Emitter for JsonEmitter {
    fn render_file(&self, file: &Linted) -> String {
        let lines = file.source.as_deref().map(LineIndex::new);
        list_item(
            &JsonFile::of(file, lines.as_ref(), self.deny_warnings),
            FILE_INDENT,
        )
    }

    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        ListCut::write_head(out, &without_files(&[], &Summary::default()), "files")
    }

    fn write_file(&self, out: &mut dyn Write, rendered: &str, first: bool) -> io::Result<()> {
        write_list_item(out, rendered, FILE_INDENT, first)
    }

    fn finish(
        &self,
        out: &mut dyn Write,
        summary: &Summary,
        context: &EmitterContext,
    ) -> io::Result<()> {
        let document = without_files(&context.skipped, summary);
        ListCut::write_rest(out, &document, "files", summary.written > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::{JsonEmitter, JsonFile, JsonReport, JsonSummary, VERSION};
    use crate::engine::{FileReport, Linted};
    use crate::render::{EmitterContext, Stream, Summary, test_files};
    use qovery_model::validate::Severity;

    fn linted(name: &str, findings: usize) -> Linted {
        test_files::linted(name, findings, Severity::Error)
    }

    /// Streamed file by file, the report is the bytes of the whole report serialized at once:
    /// no file, one, several; a skipped file; with and without diagnostics.
    #[test]
    fn the_streamed_report_is_the_whole_one() {
        let skipped = Linted {
            report: FileReport {
                not_a_payload: true,
                ..FileReport::default()
            },
            ..linted("notes.json", 0)
        };
        for files in [
            vec![],
            vec![linted("a.json", 0)],
            vec![linted("a.json", 2), skipped, linted("b \"c\".json", 1)],
        ] {
            let emitter = JsonEmitter::new(false);
            let mut streamed = Vec::new();
            let mut stream = Stream::new(&emitter, &mut streamed, EmitterContext::default());
            for file in files.clone() {
                stream.file(file);
            }
            let (summary, written) = stream.finish();
            assert!(written.is_ok());

            let (skipped, checked): (Vec<_>, Vec<_>) =
                files.iter().partition(|f| f.report.not_a_payload);
            let skipped: Vec<String> = skipped.iter().map(|f| f.name.clone()).collect();
            let mut expected_summary = Summary::default();
            for file in &checked {
                expected_summary.add(file, false);
            }
            assert_eq!(
                (summary.files, summary.skipped),
                (checked.len(), skipped.len())
            );
            let whole = JsonReport {
                version: VERSION,
                files: checked
                    .iter()
                    .map(|f| JsonFile::of(f, None, false))
                    .collect(),
                skipped: &skipped,
                summary: JsonSummary {
                    files: expected_summary.files,
                    valid: expected_summary.valid,
                    invalid: expected_summary.invalid,
                    errors: expected_summary.errors,
                    warnings: expected_summary.warnings,
                    suppressed: expected_summary.suppressed,
                    skipped: skipped.len(),
                },
            };
            let mut expected = serde_json::to_string_pretty(&whole).unwrap_or_default();
            expected.push('\n');
            assert_eq!(String::from_utf8_lossy(&streamed), expected);
        }
    }
}
