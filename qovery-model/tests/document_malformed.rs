//! Issue 5, malformed input: every kind of broken document gets its exact diagnostic (code,
//! line, column) and never a panic. Truncated documents, bytes that are not UTF-8, a byte order
//! mark (accepted: the rest is checked, positions ignore it), NUL bytes, comments, trailing
//! commas, 10,000-deep nesting, numbers that no `i32` holds, empty and whitespace-only input,
//! a lone `"`, `[`, `{"a":`, a 3 MB document with the default 1 MiB limit, YAML tabs used as
//! indentation and an unclosed YAML flow sequence.
//!
//! (`tests/hostile_input.rs` holds the fuzzing regressions; this file is the specification.)

use qovery_model::document::{CheckOptions, DEFAULT_MAX_BYTES, Syntax, check};
use qovery_model::validate::{Diagnostic, Report, Severity};

use Severity::Error;
use Syntax::{Json, Yaml};

/// (pointer, code, severity, line, column) of each diagnostic, in order.
type Located = (String, &'static str, Severity, u32, u32);

fn options(syntax: Syntax) -> CheckOptions {
    CheckOptions::new().syntax(syntax)
}

fn located(d: &Diagnostic) -> Located {
    match d.position {
        Some(p) => (d.pointer.clone(), d.code, d.severity, p.line, p.column),
        None => panic!("no position on {d}"),
    }
}

/// Checks `bytes`, and asserts what holds for any input: at least one diagnostic for a broken
/// document, each with a start and an end on the same line, in file order.
fn run(syntax: Syntax, bytes: &[u8]) -> Report {
    let report = check(bytes, &options(syntax));
    let mut previous = (0, 0);
    for d in report.diagnostics() {
        let (Some(start), Some(end)) = (d.position, d.end) else {
            panic!("{d} has no start or no end");
        };
        assert!(
            end.line == start.line && end.column >= start.column,
            "{d}: end {end:?} before start {start:?}"
        );
        assert!(
            (start.line, start.column) >= previous,
            "{d}: not in file order"
        );
        previous = (start.line, start.column);
        assert!(!d.message.is_empty(), "{d}: no message");
    }
    report
}

/// The one diagnostic of a document that stops at its first problem: (code, line, column).
fn only(syntax: Syntax, bytes: &[u8]) -> (&'static str, u32, u32, String) {
    let report = run(syntax, bytes);
    match report.diagnostics() {
        [d] => {
            let (pointer, code, severity, line, column) = located(d);
            assert_eq!(pointer, "", "{d}");
            assert_eq!(severity, Error, "{d}");
            (code, line, column, d.message.clone())
        }
        other => panic!(
            "{:?}: expected one diagnostic, got {}: {other:?}",
            String::from_utf8_lossy(bytes),
            other.len()
        ),
    }
}

/// One malformed document and its one diagnostic.
struct Malformed {
    name: &'static str,
    syntax: Syntax,
    bytes: Vec<u8>,
    /// (code, line, column, a piece of the message).
    expect: (&'static str, u32, u32, &'static str),
}

fn m(
    name: &'static str,
    syntax: Syntax,
    bytes: impl Into<Vec<u8>>,
    expect: (&'static str, u32, u32, &'static str),
) -> Malformed {
    Malformed {
        name,
        syntax,
        bytes: bytes.into(),
        expect,
    }
}

/// A valid request, the base of the truncation and corruption sweeps.
const VALID_JSON: &str = r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {"readiness_probe": {"type": {"tcp": {"port": 80}}}},
  "ports": [{"internal_port": 80, "publicly_accessible": false}]
}
"#;

const VALID_YAML: &str = r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks:
  readiness_probe: {type: {tcp: {port: 80}}}
ports:
  - internal_port: 80
    publicly_accessible: false
"#;

fn deep(open: &str, times: usize, close: &str) -> Vec<u8> {
    let mut out = open.repeat(times);
    out.push_str(&close.repeat(times));
    out.into_bytes()
}

fn truncated(at: usize) -> Vec<u8> {
    match VALID_JSON.as_bytes().get(..at) {
        Some(prefix) => prefix.to_vec(),
        None => panic!("VALID_JSON is shorter than {at}"),
    }
}

fn yaml_truncated(at: usize) -> Vec<u8> {
    match VALID_YAML.as_bytes().get(..at) {
        Some(prefix) => prefix.to_vec(),
        None => panic!("VALID_YAML is shorter than {at}"),
    }
}

/// Every malformed document, with its exact diagnostic.
fn malformed() -> Vec<Malformed> {
    vec![
        // Truncated at several offsets: the end of input, naming what is left open.
        m(
            "truncated after the opening brace",
            Json,
            truncated(1),
            ("syntax", 1, 2, "the object opened at line 1, column 1"),
        ),
        m(
            "truncated inside a key",
            Json,
            truncated(9),
            ("syntax", 2, 8, "the string opened at line 2, column 3"),
        ),
        m(
            "truncated after a colon",
            Json,
            truncated(11),
            ("syntax", 2, 10, "the object opened at line 1, column 1"),
        ),
        m(
            "truncated inside a string value",
            Json,
            truncated(14),
            ("syntax", 2, 13, "the string opened at line 2, column 11"),
        ),
        m(
            "truncated after a comma",
            Json,
            truncated(18),
            ("syntax", 2, 17, "the object opened at line 1, column 1"),
        ),
        m(
            "truncated inside a key of a nested object",
            Json,
            truncated(142),
            ("syntax", 6, 22, "the string opened at line 6, column 20"),
        ),
        m(
            "truncated after a nested opening brace",
            Json,
            truncated(177),
            ("syntax", 6, 57, "the object opened at line 6, column 56"),
        ),
        m(
            "truncated inside a number",
            Json,
            truncated(186),
            ("syntax", 6, 66, "the object opened at line 6, column 56"),
        ),
        m(
            "truncated after a key in an array",
            Json,
            truncated(221),
            ("syntax", 7, 29, "the object opened at line 7, column 13"),
        ),
        m(
            "truncated inside `false`",
            Json,
            truncated(252),
            (
                "syntax",
                7,
                58,
                "invalid literal `fa`: expected a JSON value",
            ),
        ),
        m(
            "truncated before the closing brace",
            Json,
            truncated(VALID_JSON.len() - 2),
            ("syntax", 8, 1, "the object opened at line 1, column 1"),
        ),
        m(
            "yaml truncated inside a quoted scalar",
            Yaml,
            yaml_truncated(89),
            ("syntax", 4, 6, "invalid YAML: while scanning a quoted"),
        ),
        m(
            "yaml truncated inside a flow mapping",
            Yaml,
            yaml_truncated(142),
            (
                "syntax",
                6,
                36,
                "invalid YAML: while parsing a flow mapping",
            ),
        ),
        // Not UTF-8.
        m(
            "latin-1 byte in a string",
            Json,
            b"{\n  \"name\": \"caf\xe9\"\n}".to_vec(),
            (
                "syntax",
                2,
                15,
                "invalid UTF-8: byte 0xE9 is not valid here",
            ),
        ),
        m(
            "overlong encoding",
            Json,
            b"{\"name\": \"\xc0\xaf\"}".to_vec(),
            (
                "syntax",
                1,
                11,
                "invalid UTF-8: byte 0xC0 is not valid here",
            ),
        ),
        m(
            "lone continuation byte",
            Json,
            b"{\"name\": \"a\x80\"}".to_vec(),
            (
                "syntax",
                1,
                12,
                "invalid UTF-8: byte 0x80 is not valid here",
            ),
        ),
        m(
            "UTF-16 document",
            Json,
            b"\xff\xfe{\x00}\x00".to_vec(),
            ("syntax", 1, 1, "the document is UTF-16 (it starts with a"),
        ),
        m(
            "yaml latin-1 byte",
            Yaml,
            b"name: caf\xe9\n".to_vec(),
            (
                "syntax",
                1,
                10,
                "invalid UTF-8: byte 0xE9 is not valid here",
            ),
        ),
        m(
            "a byte order mark in the middle",
            Json,
            "{\"name\": \u{feff}\"api\"}",
            ("syntax", 1, 10, "expected a JSON value, found U+FEFF (byte"),
        ),
        m(
            "a typographic quote after multi-byte text",
            Json,
            "{\"description\": \"日本\", \"name\": \u{2019}api\u{2019}}",
            ("syntax", 1, 31, "expected a JSON value, found `’`"),
        ),
        // NUL.
        m(
            "NUL in a string",
            Json,
            b"{\"name\": \"a\x00pi\"}".to_vec(),
            ("syntax", 1, 12, "NUL byte in a string: control characters"),
        ),
        m(
            "NUL after the document",
            Json,
            b"{\"name\": \"api\"}\x00".to_vec(),
            ("syntax", 1, 16, "unexpected U+0000 (NUL) after the end of"),
        ),
        m(
            "NUL between members",
            Json,
            b"{\"name\": \"api\",\x00 \"tag\": \"1\"}".to_vec(),
            ("syntax", 1, 16, "expected a string key in double quotes"),
        ),
        m(
            "yaml NUL",
            Yaml,
            b"name: a\x00pi\n".to_vec(),
            ("syntax", 1, 8, "NUL byte: YAML does not allow NUL"),
        ),
        // Comments.
        m(
            "line comment",
            Json,
            "{\n  // the name\n  \"name\": \"api\"\n}",
            ("syntax", 2, 3, "comments are not allowed in JSON"),
        ),
        m(
            "block comment",
            Json,
            "{\n  \"name\": \"api\" /* the name */\n}",
            ("syntax", 2, 17, "comments are not allowed in JSON"),
        ),
        m(
            "hash comment",
            Json,
            "# a request\n{\"name\": \"api\"}",
            ("syntax", 1, 1, "comments are not allowed in JSON"),
        ),
        // Trailing commas.
        m(
            "trailing comma in an object",
            Json,
            "{\"name\": \"api\",}",
            ("syntax", 1, 15, "trailing comma before `}`"),
        ),
        m(
            "trailing comma in an array",
            Json,
            "{\"arguments\": [\"a\",\n]}",
            ("syntax", 1, 19, "trailing comma before `]`"),
        ),
        m(
            "trailing comma after the document",
            Json,
            "{\"name\": \"api\"},",
            ("syntax", 1, 16, "unexpected `,` after the end of the JSON"),
        ),
        // Other JSON syntax.
        m(
            "missing comma",
            Json,
            "{\"name\": \"api\" \"tag\": \"1\"}",
            (
                "syntax",
                1,
                16,
                "expected `,` or `}` after an object member",
            ),
        ),
        m(
            "missing colon",
            Json,
            "{\"name\" \"api\"}",
            ("syntax", 1, 9, "expected `:` after the object key, found"),
        ),
        m(
            "unquoted key",
            Json,
            "{name: \"api\"}",
            ("syntax", 1, 2, "expected a string key in double quotes or"),
        ),
        m(
            "single quotes",
            Json,
            "{\"name\": 'api'}",
            ("syntax", 1, 10, "expected a JSON value, found `'`: JSON"),
        ),
        m(
            "python literal",
            Json,
            "{\"auto_preview\": True}",
            ("syntax", 1, 18, "invalid literal `True`: expected a JSON"),
        ),
        m(
            "NaN",
            Json,
            "{\"cpu\": NaN}",
            ("syntax", 1, 9, "`NaN` is not allowed in JSON: numbers must"),
        ),
        m(
            "leading zero",
            Json,
            "{\"cpu\": 0500}",
            ("syntax", 1, 9, "invalid number `0500`: leading zeros are"),
        ),
        m(
            "plus sign",
            Json,
            "{\"cpu\": +500}",
            ("syntax", 1, 9, "`+` is not allowed before a number in JSON"),
        ),
        m(
            "hex number",
            Json,
            "{\"cpu\": 0x1F4}",
            ("syntax", 1, 9, "invalid number `0x1F4`"),
        ),
        m(
            "fraction without digits",
            Json,
            "{\"cpu\": 5.}",
            ("syntax", 1, 11, "expected a digit after the decimal point"),
        ),
        m(
            "invalid escape",
            Json,
            "{\"name\": \"a\\qb\"}",
            (
                "syntax",
                1,
                12,
                "invalid escape `\\q` in a string: expected",
            ),
        ),
        m(
            "lone surrogate",
            Json,
            "{\"name\": \"\\ud800\"}",
            (
                "syntax",
                1,
                11,
                "invalid unicode escape `\\ud800`: a UTF-16",
            ),
        ),
        m(
            "raw line break in a string",
            Json,
            "{\"name\": \"a\nb\"}",
            (
                "syntax",
                1,
                12,
                "line break in a string: JSON strings cannot",
            ),
        ),
        m(
            "two documents",
            Json,
            "{\"name\": \"api\"}\n{\"name\": \"db\"}",
            ("syntax", 2, 1, "unexpected `{` after the end of the JSON"),
        ),
        m(
            "closing bracket mismatch",
            Json,
            "{\"arguments\": [\"a\"}",
            (
                "syntax",
                1,
                19,
                "expected `,` or `]` after an array element",
            ),
        ),
        // Empty and almost empty.
        m(
            "empty",
            Json,
            "",
            ("syntax", 1, 1, "the document is empty: expected a JSON"),
        ),
        m(
            "whitespace only",
            Json,
            " \n\t\r\n ",
            ("syntax", 3, 2, "the document holds only whitespace"),
        ),
        m(
            "a lone quote",
            Json,
            "\"",
            ("syntax", 1, 2, "the string opened at line 1, column 1"),
        ),
        m(
            "a lone opening bracket",
            Json,
            "[",
            ("syntax", 1, 2, "the array opened at line 1, column 1"),
        ),
        m(
            "a lone opening brace",
            Json,
            "{",
            ("syntax", 1, 2, "the object opened at line 1, column 1"),
        ),
        m(
            "a lone closing brace",
            Json,
            "}",
            ("syntax", 1, 1, "expected a JSON value, found `}`"),
        ),
        m(
            "a key and a colon",
            Json,
            "{\"a\":",
            ("syntax", 1, 6, "the object opened at line 1, column 1"),
        ),
        m(
            "yaml empty",
            Yaml,
            "",
            ("syntax", 1, 1, "the YAML document is empty: expected a"),
        ),
        m(
            "yaml comments only",
            Yaml,
            "# nothing here\n\n",
            ("syntax", 3, 1, "the YAML document is empty: expected a"),
        ),
        // Deep nesting: 10,000 levels, refused at level 129 (the default limit is 128).
        m(
            "10,000 nested arrays",
            Json,
            deep("[", 10_000, "]"),
            ("limit", 1, 129, "nesting too deep: more than 128 nested"),
        ),
        m(
            "10,000 nested objects",
            Json,
            deep("{\"a\":", 10_000, "}"),
            ("limit", 1, 641, "nesting too deep: more than 128 nested"),
        ),
        m(
            "10,000 unclosed arrays",
            Json,
            "[".repeat(10_000),
            ("limit", 1, 129, "nesting too deep: more than 128 nested"),
        ),
        m(
            "yaml 10,000 nested flow sequences",
            Yaml,
            deep("[", 10_000, "]"),
            ("limit", 1, 256, "nesting too deep: YAML flow collections"),
        ),
        m(
            "yaml 10,000 nested block sequences",
            Yaml,
            format!("{}x\n", "- ".repeat(10_000)),
            ("limit", 1, 257, "nesting too deep: more than 128 nested"),
        ),
        // YAML syntax.
        m(
            "yaml tab as indentation",
            Yaml,
            "name: api\nports:\n\t- internal_port: 80\n",
            ("syntax", 3, 2, "invalid YAML: tabs disallowed within this"),
        ),
        m(
            "yaml unclosed flow sequence",
            Yaml,
            "key: [unclosed",
            ("syntax", 1, 15, "invalid YAML: while parsing a flow"),
        ),
        m(
            "yaml unclosed flow mapping",
            Yaml,
            "name: api\nkey: {a: 1\n",
            ("syntax", 3, 1, "invalid YAML: while parsing a flow mapping"),
        ),
        m(
            "yaml bad indentation",
            Yaml,
            "name: api\ncpu: 1\n  memory: 2\n",
            ("syntax", 3, 9, "invalid YAML: mapping values are not"),
        ),
        m(
            "yaml unknown alias",
            Yaml,
            "name: &a api\ntag: *b\n",
            ("syntax", 2, 6, "unknown alias `*b`: no anchor `&b` is"),
        ),
        m(
            "yaml unterminated quoted scalar",
            Yaml,
            "name: \"api\n",
            ("syntax", 1, 7, "invalid YAML: while scanning a quoted"),
        ),
        // The size limit.
        m(
            "a 3 MB document",
            Json,
            format!("{{\"name\": \"{}\"}}", "a".repeat(3 * 1024 * 1024)),
            ("limit", 1, 1, "the document is 3145740 bytes, more than"),
        ),
    ]
}

#[test]
fn every_malformed_document_gets_its_exact_diagnostic() {
    let mut failures = Vec::new();
    for case in malformed() {
        let (code, line, column, message) = only(case.syntax, &case.bytes);
        let (want_code, want_line, want_column, want_message) = case.expect;
        if (code, line, column) != (want_code, want_line, want_column)
            || !message.contains(want_message)
        {
            failures.push(format!(
                "{}: expected ({want_code:?}, {want_line}, {want_column}, {want_message:?}), got ({code:?}, {line}, {column}, {message:?})",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn all(syntax: Syntax, bytes: &[u8]) -> Vec<Located> {
    run(syntax, bytes)
        .diagnostics()
        .iter()
        .map(located)
        .collect()
}

fn list(expected: &[(&str, &'static str, Severity, u32, u32)]) -> Vec<Located> {
    expected
        .iter()
        .map(|&(pointer, code, severity, line, column)| {
            (pointer.to_owned(), code, severity, line, column)
        })
        .collect()
}

/// A UTF-8 byte order mark is accepted: the rest of the document is checked, and it occupies
/// no column.
#[test]
fn a_byte_order_mark_is_accepted_and_positions_ignore_it() {
    let json = b"\xef\xbb\xbf{\"name\": \"api\", \"registry_id\": \"7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\",\n \"image_name\": \"acme/api\", \"tag\": \"1\", \"healthchecks\": {}, \"cpu\": \"5\"}";
    assert_eq!(all(Json, json), list(&[("/cpu", "type", Error, 2, 67)]));
    let yaml = b"\xef\xbb\xbfname: api\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\nimage_name: acme/api\ntag: \"1\"\nhealthchecks: {}\ncpu: \"5\"\n";
    assert_eq!(all(Yaml, yaml), list(&[("/cpu", "type", Error, 6, 6)]));
    // Missing members are located at the first character after the BOM.
    assert_eq!(
        all(Json, b"\xef\xbb\xbf{\"name\": \"api\", \"cpu\": \"5\"}"),
        list(&[
            ("/registry_id", "required", Error, 1, 1),
            ("/image_name", "required", Error, 1, 1),
            ("/tag", "required", Error, 1, 1),
            ("/healthchecks", "required", Error, 1, 1),
            ("/cpu", "type", Error, 1, 24),
        ])
    );
    // A valid document with a BOM is valid.
    let valid = b"\xef\xbb\xbf{\"name\": \"api\", \"registry_id\": \"7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\", \"image_name\": \"acme/api\", \"tag\": \"1\", \"healthchecks\": {}}";
    assert_eq!(all(Json, valid), list(&[]));
    // A syntax error after a BOM is located as if the BOM were not there.
    let (code, line, column, _) = only(Json, b"\xef\xbb\xbf{\"name\": \"api\",}");
    assert_eq!((code, line, column), ("syntax", 1, 15));
    // A BOM and nothing else is an empty document.
    let (code, line, column, _) = only(Json, b"\xef\xbb\xbf");
    assert_eq!((code, line, column), ("syntax", 1, 1));
    let (code, line, column, _) = only(Yaml, b"\xef\xbb\xbf");
    assert_eq!((code, line, column), ("syntax", 1, 1));
}

/// Numbers that no `i32` holds are `type` errors at the number, whatever their spelling.
#[test]
fn numbers_outside_i32_and_non_integers_are_type_errors() {
    let doc = br#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "image_name": "acme/api", "tag": "1", "healthchecks": {},
"cpu": 1e400, "memory": 2147483648, "gpu": -2147483649,
"min_running_instances": 1E-400, "max_running_instances": 99999999999999999999999,
"ephemeral_storage_in_gib": 2147483647}"#;
    assert_eq!(
        all(Json, doc),
        list(&[
            ("/cpu", "type", Error, 2, 8),
            ("/memory", "type", Error, 2, 25),
            ("/gpu", "type", Error, 2, 44),
            ("/min_running_instances", "type", Error, 3, 26),
            ("/max_running_instances", "type", Error, 3, 59),
        ])
    );
    let yaml = b"name: api\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\nimage_name: acme/api\ntag: \"1\"\nhealthchecks: {}\ncpu: 1e400\nmemory: 2147483648\ngpu: .inf\nmax_running_instances: 0x10\n";
    assert_eq!(
        all(Yaml, yaml),
        list(&[
            ("/cpu", "type", Error, 6, 6),
            ("/memory", "type", Error, 7, 9),
            ("/gpu", "type", Error, 8, 6),
        ])
    );
}

/// A document that is not an object is one `type` error at its start, and nothing about the
/// members it cannot have.
#[test]
fn a_document_that_is_not_an_object_is_one_type_error() {
    for (syntax, bytes) in [
        (Json, &b"1e400"[..]),
        (Json, b"2147483648"),
        (Json, b"\"just a string\""),
        (Json, b"[{\"name\": \"api\"}]"),
        (Json, b"null"),
        (Json, b"true"),
        (Yaml, b"just text\n"),
        (Yaml, b"- name: api\n"),
        (Yaml, b"~\n"),
    ] {
        for kind in [
            qovery_model::document::DocumentKind::Request,
            qovery_model::document::DocumentKind::Response,
        ] {
            let report = check(bytes, &options(syntax).kind(kind));
            let found: Vec<Located> = report.diagnostics().iter().map(located).collect();
            assert_eq!(
                found,
                list(&[("", "type", Error, 1, 1)]),
                "{:?} as a {kind:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

/// The size limit (default 1 MiB): above it, one `limit` error at 1:1 and nothing is parsed.
#[test]
fn the_size_limit_is_a_clear_error() {
    let body = |size: usize| {
        let mut doc = b"{\"name\": \"".to_vec();
        doc.resize(size - 2, b'a');
        doc.extend_from_slice(b"\"}");
        doc
    };
    let report = run(Json, &body(3 * 1024 * 1024));
    match report.diagnostics() {
        [d] => {
            assert_eq!(located(d), (String::new(), "limit", Error, 1, 1));
            assert!(d.message.contains("3145728 bytes"), "{}", d.message);
            assert!(d.message.contains("1048576 bytes"), "{}", d.message);
        }
        other => panic!("{other:?}"),
    }
    // At the limit the document is checked (its problems are the missing members).
    let at_limit = run(Json, &body(DEFAULT_MAX_BYTES));
    assert!(
        at_limit.diagnostics().iter().all(|d| d.code == "required"),
        "{:?}",
        at_limit.diagnostics()
    );
    assert_eq!(
        run(Json, &body(DEFAULT_MAX_BYTES + 1)).diagnostics()[0].code,
        "limit"
    );
    // A smaller limit, for YAML too.
    let small = check(b"name: api\n", &options(Yaml).max_bytes(4));
    assert_eq!(
        small.diagnostics().iter().map(located).collect::<Vec<_>>(),
        list(&[("", "limit", Error, 1, 1)])
    );
}

/// A lower depth limit is honoured at the bracket that crosses it.
#[test]
fn a_lower_depth_limit_is_honoured() {
    let mut options = options(Json);
    options.limits.max_depth = 8;
    let report = check(&deep("[", 9, "]"), &options);
    assert_eq!(
        report.diagnostics().iter().map(located).collect::<Vec<_>>(),
        list(&[("", "limit", Error, 1, 9)])
    );
    let report = check(&deep("[", 8, "]"), &options);
    assert_eq!(
        report.diagnostics().iter().map(located).collect::<Vec<_>>(),
        list(&[("", "type", Error, 1, 1)])
    );
}

/// A YAML alias bomb ("billion laughs") is refused by the node limit.
#[test]
fn a_yaml_alias_bomb_is_refused() {
    let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let aliases = vec![format!("*a{}", i - 1); 10].join(", ");
        doc.push_str(&format!("a{i}: &a{i} [{aliases}]\n"));
    }
    let (code, line, column, message) = only(Yaml, doc.as_bytes());
    assert_eq!((code, line, column), ("limit", 6, 40), "{message}");
    assert!(message.contains("1000000"), "{message}");
}

/// Every prefix of a valid JSON request is a syntax error located at or before the end of the
/// input; every prefix of a YAML request gets diagnostics with positions; none panics.
#[test]
fn every_truncation_gets_a_diagnostic_and_never_a_panic() {
    let json = VALID_JSON.as_bytes();
    let end_of_content = VALID_JSON.trim_end().len();
    for at in 0..end_of_content {
        let prefix = &json[..at];
        let (code, line, column, message) = only(Json, prefix);
        assert_eq!(code, "syntax", "prefix of {at} bytes: {message}");
        let lines = prefix.split(|b| *b == b'\n').count();
        let last = prefix.rsplit(|b| *b == b'\n').next().map_or(0, <[u8]>::len);
        assert!(
            (line as usize, column as usize) <= (lines, last + 1),
            "prefix of {at} bytes: {line}:{column} is past the end"
        );
    }
    assert!(run(Json, json).is_empty());
    // A YAML prefix may be a valid request (the last lines are optional): only no panic, and
    // diagnostics with positions in file order (asserted by `run`).
    let yaml = VALID_YAML.as_bytes();
    for at in 0..yaml.len() {
        run(Yaml, &yaml[..at]);
    }
    assert!(run(Yaml, yaml).is_empty());
}

/// Every byte of the valid documents replaced by each of a few troublesome bytes: diagnostics
/// with positions in file order (asserted by `run`), and never a panic.
#[test]
fn every_single_byte_corruption_is_survived() {
    let replacements = [
        0x00, 0x7F, 0x80, 0xC3, 0xFF, b'"', b'\\', b'{', b'}', b'[', b']', b':', b',', b'\t',
        b'\n', b'\r', b'#', b'&', b'*', b'!', b'-', b'9', b'e',
    ];
    for (syntax, valid) in [(Json, VALID_JSON), (Yaml, VALID_YAML)] {
        for at in 0..valid.len() {
            for byte in replacements {
                let mut doc = valid.as_bytes().to_vec();
                doc[at] = byte;
                run(syntax, &doc);
            }
        }
    }
}

/// Pseudo-random documents from a JSON-and-YAML-heavy alphabet: never a panic, and every
/// diagnostic has a position.
#[test]
fn random_bytes_never_panic() {
    let alphabet: &[u8] = b"{}[]:,\"\\ \n\t-#&*!|>'01e.+name: api\xc3\xa9\xe2\x98\x95\x00\xff";
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..3000 {
        let len = usize::try_from(next() % 120).unwrap_or(0);
        let doc: Vec<u8> = (0..len)
            .map(|_| {
                let index = usize::try_from(next() % alphabet.len() as u64).unwrap_or(0);
                alphabet[index]
            })
            .collect();
        run(Json, &doc);
        run(Yaml, &doc);
    }
}

/// The fast path (a clean typed parse) and the complete path give the same answer: `null` in a
/// member that is not nullable and duplicate keys inside `config_json` are reported even when
/// nothing else is wrong with the document.
#[test]
fn the_fast_path_does_not_hide_nulls_or_duplicates_in_free_form_objects() {
    use qovery_model::document::{CheckOptions, check};
    let base = r#"{"name": "api", "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "image_name": "acme/api", "tag": "1.0", "healthchecks": {}"#;
    let null_cpu = format!(r#"{base}, "cpu": null}}"#);
    let found: Vec<(String, &str)> = check(null_cpu.as_bytes(), &CheckOptions::new())
        .into_iter()
        .map(|d| (d.pointer, d.code))
        .collect();
    assert_eq!(found, [("/cpu".to_owned(), "type")]);

    let null_host = format!(
        r#"{base}, "ports": [{{"internal_port": 80, "publicly_accessible": false}}],
        "healthchecks": {{"readiness_probe": {{"type": {{"tcp": {{"port": 80, "host": null}}}}}}}}}}"#
    )
    .replace(r#", "healthchecks": {}"#, "");
    assert!(check(null_host.as_bytes(), &CheckOptions::new()).is_empty());

    let duplicate = format!(
        r#"{base}, "autoscaling": {{"mode": "KEDA", "scalers": [{{"scaler_type": "cpu", "role": "PRIMARY",
        "config_json": {{"value": "60", "value": "90"}}}}]}}}}"#
    );
    let found: Vec<(String, &str)> = check(duplicate.as_bytes(), &CheckOptions::new())
        .into_iter()
        .map(|d| (d.pointer, d.code))
        .collect();
    assert!(
        found.contains(&(
            "/autoscaling/scalers/0/config_json/value".to_owned(),
            "duplicate_key"
        )),
        "{found:?}"
    );
}
