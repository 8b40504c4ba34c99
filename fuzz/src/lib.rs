//! Shared invariants of the fuzz targets (see `../FUZZING.md`).
//!
//! Every target asserts more than "no panic":
//! - every diagnostic pointer is a valid RFC 6901 JSON Pointer;
//! - (document checker) every diagnostic has a position; its line is within the document's line
//!   count, its column is at least 1 and at most one past the last character of that line; its
//!   `end`, when present, is on the same line and not before the position;
//! - (document checker) the report is in file order (positions never decrease);
//! - messages stay short: a message never quotes a huge input in full;
//! - (JSON) the document checker and `serde_json` agree on what is valid JSON;
//! - (YAML) a document that is also valid JSON gets the same (pointer, code) set as YAML as it
//!   gets as JSON;
//! - (typed) for a serialized typed value, the typed validator and the document checker report
//!   the same (pointer, code) set;
//! - (fix) each fix alone edits only its own bytes and keeps the document parsing, the rounds of
//!   `--fix --unsafe-fixes` converge with no fix left, and a second round changes nothing
//!   ([`fix`]).

#![forbid(unsafe_code)]

pub mod fix;
pub mod typed;

use qovery_model::document::{CheckOptions, DocumentKind, Syntax, check};
use qovery_model::validate::{Diagnostic, Position, Report};
use std::collections::BTreeSet;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The longest message (and help) accepted, in characters. Messages quote values truncated
/// (60 characters, `validate::keyword::show`); a legitimate value of at most 255 characters
/// (the longest `image_name`) may be quoted whole in a help. Anything longer means a huge input
/// is copied into a message.
pub const MAX_MESSAGE_CHARS: usize = 1024;

/// Whether `pointer` is an RFC 6901 JSON Pointer: empty, or `/`-separated reference tokens
/// where `~` is always followed by `0` or `1`.
pub fn is_json_pointer(pointer: &str) -> bool {
    if pointer.is_empty() {
        return true;
    }
    if !pointer.starts_with('/') {
        return false;
    }
    let mut chars = pointer.chars();
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

/// The width (in columns, by the library's documented conventions) of each line of a document:
/// only `\n` breaks lines, columns count Unicode scalar values, each byte of an invalid UTF-8
/// sequence is one column, a leading BOM takes no column. Computed independently of the
/// library's `LineIndex`.
pub fn line_widths(bytes: &[u8]) -> Vec<usize> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    body.split(|&b| b == b'\n')
        .map(|line| {
            line.utf8_chunks()
                .map(|chunk| chunk.valid().chars().count() + chunk.invalid().len())
                .sum()
        })
        .collect()
}

/// Asserts the invariants of a document checker report on `bytes`.
pub fn assert_located(bytes: &[u8], report: &Report) {
    let widths = line_widths(bytes);
    let mut previous: Option<Position> = None;
    for d in report.diagnostics() {
        assert_diagnostic_shape(d);
        let Some(at) = d.position else {
            panic!("a document diagnostic without a position: {d:?}");
        };
        let line = usize::try_from(at.line).unwrap_or(usize::MAX);
        assert!(
            line >= 1 && line <= widths.len(),
            "line {} outside 1..={}: {d:?}",
            at.line,
            widths.len()
        );
        let width = widths[line - 1];
        let column = usize::try_from(at.column).unwrap_or(usize::MAX);
        assert!(
            column >= 1 && column <= width + 1,
            "column {} outside 1..={} on line {}: {d:?}",
            at.column,
            width + 1,
            at.line
        );
        if let Some(end) = d.end {
            assert_eq!(end.line, at.line, "end on another line: {d:?}");
            assert!(end.column >= at.column, "end before the position: {d:?}");
            let end_column = usize::try_from(end.column).unwrap_or(usize::MAX);
            assert!(
                end_column <= width + 2,
                "end column {} past the end of line {} (width {width}): {d:?}",
                end.column,
                at.line
            );
        }
        if let Some(previous) = previous {
            assert!(
                (previous.line, previous.column) <= (at.line, at.column),
                "report not in file order: {previous:?} then {d:?}"
            );
        }
        previous = Some(at);
    }
}

/// Pointer and message invariants shared by every diagnostic.
pub fn assert_diagnostic_shape(d: &Diagnostic) {
    assert!(
        is_json_pointer(&d.pointer),
        "not an RFC 6901 pointer: {d:?}"
    );
    assert!(!d.code.is_empty(), "empty code: {d:?}");
    assert!(!d.message.is_empty(), "empty message: {d:?}");
    let chars = d.message.chars().count();
    assert!(
        chars <= MAX_MESSAGE_CHARS,
        "message of {chars} characters (code {}, pointer {:?}): {:?}",
        d.code,
        d.pointer,
        d.message.chars().take(300).collect::<String>()
    );
    let help = d.help.as_deref().map_or(0, |h| h.chars().count());
    assert!(
        help <= MAX_MESSAGE_CHARS,
        "help of {help} characters (code {}, pointer {:?}): {:?}",
        d.code,
        d.pointer,
        d.help
            .as_deref()
            .unwrap_or_default()
            .chars()
            .take(300)
            .collect::<String>()
    );
}

/// The (pointer, code) set of a report.
pub fn pointer_codes(report: &Report) -> BTreeSet<(String, &'static str)> {
    report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.code))
        .collect()
}

/// Whether the report has a diagnostic with `code`.
pub fn has_code(report: &Report, code: &str) -> bool {
    report.diagnostics().iter().any(|d| d.code == code)
}

/// Checks `bytes` as a request (lenient) and as a response (strict) in `syntax`, asserting the
/// located-report invariants. Returns the two reports.
pub fn check_both(bytes: &[u8], syntax: Syntax) -> (Report, Report) {
    let request = check(
        bytes,
        &CheckOptions::new()
            .syntax(syntax)
            .kind(DocumentKind::Request),
    );
    assert_located(bytes, &request);
    let response = check(
        bytes,
        &CheckOptions::new()
            .syntax(syntax)
            .kind(DocumentKind::Response)
            .strict(true),
    );
    assert_located(bytes, &response);
    (request, response)
}

/// The `check_json` property.
pub fn fuzz_json(bytes: &[u8]) {
    let (request, response) = check_both(bytes, Syntax::Json);
    // The checker's JSON parser and serde_json agree on what is JSON.
    let serde = serde_json::from_slice::<serde_json::Value>(bytes);
    for report in [&request, &response] {
        let syntax = has_code(report, "syntax");
        let limit = has_code(report, "limit");
        match &serde {
            Ok(_) => assert!(
                !syntax,
                "serde_json accepts the document, the checker reports a syntax error: {report:?}"
            ),
            Err(error) => {
                // The checker also accepts a leading BOM and numbers out of f64's range
                // (reported as `type` where an integer belongs); serde_json refuses both.
                let excused = bytes.starts_with(BOM)
                    || error.to_string().contains("number out of range")
                    || error.to_string().contains("recursion limit");
                assert!(
                    syntax || limit || excused,
                    "serde_json refuses the document ({error}), the checker reports no syntax error: {report:?}"
                );
            }
        }
    }
}

/// The `check_yaml` property.
pub fn fuzz_yaml(bytes: &[u8]) {
    let (request, response) = check_both(bytes, Syntax::Yaml);
    // JSON is (almost) a subset of YAML 1.2: a JSON document that the YAML parser accepts means
    // the same thing, so it gets the same (pointer, code) set.
    if serde_json::from_slice::<serde_json::Value>(bytes).is_ok()
        && !has_code(&request, "syntax")
        && !has_code(&request, "limit")
        && !has_code(&request, "yaml")
    {
        let (json_request, json_response) = check_both(bytes, Syntax::Json);
        assert_eq!(
            pointer_codes(&request),
            pointer_codes(&json_request),
            "request: YAML and JSON disagree on a JSON document\nYAML: {request:#?}\nJSON: {json_request:#?}"
        );
        assert_eq!(
            pointer_codes(&response),
            pointer_codes(&json_response),
            "response: YAML and JSON disagree on a JSON document\nYAML: {response:#?}\nJSON: {json_response:#?}"
        );
    }
}

/// Raw bytes -> the fix properties ([`fix::assert_fix_properties`]), as a JSON and as a YAML
/// request.
pub fn fuzz_fix(bytes: &[u8]) {
    for syntax in [Syntax::Json, Syntax::Yaml] {
        fix::assert_fix_properties(bytes, &CheckOptions::new().syntax(syntax));
    }
}
