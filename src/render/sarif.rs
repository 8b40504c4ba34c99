//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
//!
//! The driver's rules are the whole catalogue (structural codes first, then the library's rules,
//! one per code); each result's `ruleId` is its code, so it is stable across runs. Artifact URIs
//! are relative to the current directory, regions are 1-based and columns count Unicode code
//! points (`columnKind: unicodeCodePoints`). The JSON Pointer of each result is in
//! `properties.pointer`, the 0-based index of its document in a multi-document YAML file in
//! `properties.document`; a suppressed diagnostic has `suppressions: [{"kind": "inSource"}]`.

use super::{Emitter, EmitterContext, ListCut, Summary, list_item, write_list_item};
use crate::cli::catalogue::{self, Rule};
use crate::engine::{Finding, Linted};
use qovery_model::document::position::LineIndex;
use qovery_model::validate::Severity;
use serde_json::{Map, Value, json};
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

/// The `$schema` written at the top.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        _ => "warning",
    }
}

fn rule_object(rule: &Rule) -> Value {
    let mut full = rule.short_description();
    let mut pointers: Vec<String> = Vec::new();
    for row in &rule.rows {
        let pointer = if row.entry.pointer.is_empty() {
            "(root)"
        } else {
            row.entry.pointer.as_str()
        };
        let _ = write!(
            full,
            "\n- {} `{}` ({}, {}): {}",
            row.document,
            pointer,
            row.entry.rule.severity,
            row.entry.rule.source,
            row.entry.rule.description
        );
        let located = format!("{} {}", row.document, pointer);
        if !pointers.contains(&located) {
            pointers.push(located);
        }
    }
    json!({
        "id": rule.code,
        "shortDescription": { "text": rule.short_description() },
        "fullDescription": { "text": full },
        "help": { "text": format!("Run `qovery-lint explain {}` for a failing and a passing example.", rule.code) },
        "defaultConfiguration": { "level": level(rule.severity()) },
        "properties": {
            "source": rule.sources(),
            "pointers": pointers,
        },
    })
}

/// A path as a relative URI reference (RFC 3986): `/` separators, everything outside the
/// unreserved characters percent-encoded. An absolute path outside the current directory becomes
/// a `file://` URI.
pub fn uri(name: &str) -> String {
    let path = Path::new(name);
    let relative = if path.is_absolute() {
        match std::env::current_dir()
            .ok()
            .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        {
            Some(relative) => relative.to_string_lossy().into_owned(),
            None => return format!("file://{}", encode(&name.replace('\\', "/"))),
        }
    } else {
        name.to_owned()
    };
    let relative = relative.replace('\\', "/");
    let relative = relative.trim_start_matches("./");
    encode(relative)
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn result(file: &Linted, finding: &Finding, rules: &[Rule]) -> Value {
    let diagnostic = &finding.diagnostic;
    let mut physical = Map::new();
    physical.insert(
        "artifactLocation".to_owned(),
        json!({ "uri": uri(&file.name) }),
    );
    if let Some(start) = diagnostic.position {
        let mut region = json!({ "startLine": start.line, "startColumn": start.column });
        if let Some(end) = diagnostic
            .end
            .filter(|e| e.line == start.line && e.column > start.column)
        {
            region["endLine"] = json!(end.line);
            region["endColumn"] = json!(end.column);
        }
        physical.insert("region".to_owned(), region);
    }
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let mut object = json!({
        "ruleId": diagnostic.code,
        "level": level(diagnostic.severity),
        "message": { "text": message },
        "locations": [{ "physicalLocation": Value::Object(physical) }],
        "properties": { "pointer": diagnostic.pointer, "document": finding.document },
    });
    if finding.suppressed {
        object["suppressions"] = json!([{ "kind": "inSource" }]);
    }
    if let Some(index) = rules.iter().position(|r| r.code == diagnostic.code) {
        object["ruleIndex"] = json!(index);
    }
    if let Some(fix) = &diagnostic.fix
        && let Some(fix) = fix_object(file, fix)
    {
        object["fixes"] = json!([fix]);
    }
    object
}

/// A SARIF `fix`: one `artifactChange` of the file, one `replacement` per edit, its region in
/// lines and columns (the run's `columnKind`); the applicability in its property bag. `None`
/// when the file's bytes were not kept to locate the edits.
fn fix_object(file: &Linted, fix: &qovery_model::validate::Fix) -> Option<Value> {
    let lines = file.source.as_deref().map(LineIndex::new);
    let replacements = super::located_edits(fix, lines.as_ref())
        .into_iter()
        .map(|edit| {
            Some(json!({
                "deletedRegion": {
                    "startLine": edit.start_line?,
                    "startColumn": edit.start_column?,
                    "endLine": edit.end_line?,
                    "endColumn": edit.end_column?,
                },
                "insertedContent": { "text": edit.replacement },
            }))
        })
        .collect::<Option<Vec<Value>>>()?;
    Some(json!({
        "description": { "text": fix.title },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri(&file.name) },
            "replacements": replacements,
        }],
        "properties": { "applicability": fix.applicability.as_str() },
    }))
}

/// The SARIF log with its `results`; `execution_successful`: every input could be read. The
/// run's `invocations` come after its `results` (members of a JSON object have no order), so
/// everything before the results is known at the start and each file's results are written
/// as they come, not held until the end.
fn log(rules: &[Rule], results: Vec<Value>, execution_successful: bool) -> Value {
    let rule_objects: Vec<Value> = rules.iter().map(rule_object).collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "qovery-lint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rule_objects,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": execution_successful,
            }],
        }],
    })
}

/// The indentation of the run's `results` (`runs[0].results[i]`).
const RESULT_INDENT: usize = 8;

/// The SARIF format: the log up to its `results`, each file's results as they come, then the
/// rest of the log (the run's `invocations`, which say whether every file could be read).
#[derive(Debug, Clone)]
pub struct SarifEmitter {
    rules: Vec<Rule>,
}

impl SarifEmitter {
    /// With the whole catalogue as the driver's rules.
    pub fn new() -> Self {
        SarifEmitter {
            rules: catalogue::rules(),
        }
    }
}

impl Default for SarifEmitter {
    fn default() -> Self {
        SarifEmitter::new()
    }
}

impl Emitter for SarifEmitter {
    fn render_file(&self, file: &Linted) -> String {
        let mut out = String::new();
        for (i, finding) in file.report.findings.iter().enumerate() {
            if i > 0 {
                let _ = write!(out, ",\n{:RESULT_INDENT$}", "");
            }
            out.push_str(&list_item(
                &result(file, finding, &self.rules),
                RESULT_INDENT,
            ));
        }
        out
    }

    fn write_file(&self, out: &mut dyn Write, rendered: &str, first: bool) -> io::Result<()> {
        write_list_item(out, rendered, RESULT_INDENT, first)
    }

    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        let document = serde_json::to_string_pretty(&log(&self.rules, Vec::new(), true))?;
        ListCut::write_head(out, &document, "results")
    }

    fn finish(
        &self,
        out: &mut dyn Write,
        summary: &Summary,
        _context: &EmitterContext,
    ) -> io::Result<()> {
        // Only the tail depends on the files. The driver's rules come before the results, so
        // the tail is the same without them, and building them again (4 M instructions, as
        // much as the head) would be the catalogue's second pass.
        let document =
            serde_json::to_string_pretty(&log(&[], Vec::new(), summary.unreadable == 0))?;
        ListCut::write_rest(out, &document, "results", summary.written > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::{SarifEmitter, log, result, uri};
    use crate::engine::Linted;
    use crate::render::{EmitterContext, Stream, test_files};
    use qovery_model::validate::Severity;

    fn linted(name: &str, findings: usize, unreadable: bool) -> Linted {
        Linted {
            unreadable,
            ..test_files::linted(name, findings, Severity::Warning)
        }
    }

    /// Streamed file by file, the log is the bytes of the whole log serialized at once: no
    /// result, one, several files with several results, an unreadable input.
    #[test]
    fn the_streamed_log_is_the_whole_one() {
        let cases = [
            vec![],
            vec![linted("a.json", 0, false)],
            vec![linted("a.json", 1, false)],
            vec![
                linted("a.json", 3, false),
                linted("b.json", 0, false),
                linted("c d.json", 2, true),
            ],
        ];
        for files in cases {
            let emitter = SarifEmitter::new();
            let mut streamed = Vec::new();
            let mut stream = Stream::new(&emitter, &mut streamed, EmitterContext::default());
            for file in files.clone() {
                stream.file(file);
            }
            assert!(stream.finish().1.is_ok());
            let results = files
                .iter()
                .flat_map(|file| {
                    file.report
                        .findings
                        .iter()
                        .map(|finding| result(file, finding, &emitter.rules))
                })
                .collect();
            let whole = log(&emitter.rules, results, !files.iter().any(|f| f.unreadable));
            let mut expected = serde_json::to_string_pretty(&whole).unwrap_or_default();
            expected.push('\n');
            assert_eq!(String::from_utf8_lossy(&streamed), expected);
        }
    }

    #[test]
    fn uris_are_relative_and_encoded() {
        assert_eq!(
            uri("examples/payloads/a b.json"),
            "examples/payloads/a%20b.json"
        );
        assert_eq!(uri("./x.json"), "x.json");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("100%.json"), "100%25.json");
    }
}
