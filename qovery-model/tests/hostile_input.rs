//! Hostile input: what a pull request or an API client can throw at the raw-document checker
//! (`qovery_model::document::check`, the linter's engine). Nothing may panic, hang or exhaust
//! memory; every case gets exact diagnostics (pointer, code, severity, line, column).
//!
//! The last section holds the inputs the fuzzers found (`fuzz/`, see FUZZING.md), rewritten as
//! documents and typed values (the raw fuzz inputs are `arbitrary` byte strings of the fuzz
//! crate, meaningless outside it).

use qovery_model::document::{CheckOptions, DEFAULT_MAX_BYTES, DocumentKind, Syntax, check};
use qovery_model::model::{
    ContainerRequest, PortProtocol, PortRequest, Probe, RegistryContext, RegistryKind,
    StorageRequest,
};
use qovery_model::validate::{Report, Severity, Validate};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

type Row = (String, &'static str, Severity, u32, u32);

/// (pointer, code, severity, line, column) of every diagnostic, in report order.
fn rows(report: &Report) -> Vec<Row> {
    report
        .diagnostics()
        .iter()
        .map(|d| {
            let at = d.position.map_or((0, 0), |p| (p.line, p.column));
            (d.pointer.clone(), d.code, d.severity, at.0, at.1)
        })
        .collect()
}

fn row(pointer: &str, code: &'static str, severity: Severity, line: u32, column: u32) -> Row {
    (pointer.to_owned(), code, severity, line, column)
}

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

fn json() -> CheckOptions {
    CheckOptions::new()
}

fn yaml() -> CheckOptions {
    CheckOptions::new().syntax(Syntax::Yaml)
}

/// Checks, asserting the invariants every report keeps: valid RFC 6901 pointers, a position on
/// an existing line with a column of at least 1, an `end` on the same line not before it, file
/// order, and short messages and helps. Returns the report and the time it took.
fn checked(bytes: &[u8], options: &CheckOptions) -> (Report, Duration) {
    let start = Instant::now();
    let report = check(bytes, options);
    let elapsed = start.elapsed();
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    let mut previous = (0, 0);
    for d in report.diagnostics() {
        assert!(is_pointer(&d.pointer), "not an RFC 6901 pointer: {d:?}");
        assert!(
            d.message.chars().count() <= 1000,
            "message too long: {}",
            d.code
        );
        assert!(
            d.help.as_ref().is_none_or(|h| h.chars().count() <= 1001),
            "help too long: {}",
            d.code
        );
        let Some(at) = d.position else {
            panic!("a document diagnostic without a position: {d:?}");
        };
        assert!(
            at.line >= 1 && at.line as usize <= lines && at.column >= 1,
            "{d:?}"
        );
        if let Some(end) = d.end {
            assert!(end.line == at.line && end.column >= at.column, "{d:?}");
        }
        assert!((at.line, at.column) >= previous, "not in file order: {d:?}");
        previous = (at.line, at.column);
    }
    (report, elapsed)
}

fn is_pointer(p: &str) -> bool {
    if p.is_empty() {
        return true;
    }
    let mut chars = p.chars();
    if chars.next() != Some('/') {
        return false;
    }
    while let Some(c) = chars.next() {
        if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
            return false;
        }
    }
    true
}

/// The 1-based line and column of the first occurrence of `needle` in an ASCII document.
fn at(doc: &str, needle: &str) -> (u32, u32) {
    let Some(offset) = doc.find(needle) else {
        panic!("{needle:?} is not in the document");
    };
    let before = &doc[..offset];
    let line = before.matches('\n').count() + 1;
    let column = offset - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line as u32, column as u32)
}

/// The members of a valid request, without braces.
const MINIMAL: &str = r#""name":"api","registry_id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","image_name":"acme/api","tag":"1.0","healthchecks":{}"#;

const MINIMAL_YAML: &str = "name: api\nregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\nimage_name: acme/api\ntag: '1.0'\nhealthchecks: {}\n";

fn request_with(extra: &str) -> String {
    format!("{{{MINIMAL},{extra}}}")
}

// --- Empty, whitespace, encodings ------------------------------------------------------------

#[test]
fn empty_file() {
    for options in [json(), yaml()] {
        let (report, _) = checked(b"", &options);
        assert_eq!(rows(&report), [row("", "syntax", E, 1, 1)]);
    }
}

#[test]
fn whitespace_only() {
    // Located at the end of the input: line 3, column 1.
    for options in [json(), yaml()] {
        let (report, _) = checked(b"  \n\t\n", &options);
        assert_eq!(rows(&report), [row("", "syntax", E, 3, 1)]);
    }
}

#[test]
fn utf8_bom_is_accepted_and_takes_no_column() {
    let valid = format!("\u{FEFF}{{{MINIMAL}}}");
    for options in [json(), yaml()] {
        let (report, _) = checked(valid.as_bytes(), &options);
        assert_eq!(rows(&report), []);
    }
    let doc = request_with(r#""cpu":"x""#);
    let with_bom = format!("\u{FEFF}{doc}");
    let (line, column) = at(&doc, r#""x""#);
    assert_eq!((line, column), (1, 128));
    let (report, _) = checked(with_bom.as_bytes(), &json());
    assert_eq!(rows(&report), [row("/cpu", "type", E, line, column)]);
}

#[test]
fn invalid_utf8() {
    let (report, _) = checked(b"{\"name\": \"\xff\"}", &json());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 11)]);
    assert!(report.diagnostics()[0].message.contains("0xFF"));
    let (report, _) = checked(b"name: \"\xff\"", &yaml());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 8)]);
    // UTF-16 is named as such.
    let (report, _) = checked(b"\xff\xfe{\x00}\x00", &json());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 1)]);
    assert!(report.diagnostics()[0].message.contains("UTF-16"));
}

#[test]
fn nul_bytes() {
    let (report, _) = checked(b"{\"name\":\x00}", &json());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 9)]);
    let (report, _) = checked(b"{\"name\":\"a\x00\"}", &json());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 11)]);
    assert!(report.diagnostics()[0].message.contains("NUL"));
    let (report, _) = checked(b"name: a\x00b", &yaml());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 8)]);
    assert!(report.diagnostics()[0].message.contains("NUL"));
}

// --- Limits ----------------------------------------------------------------------------------

#[test]
fn document_above_the_size_limit() {
    let options = json().max_bytes(100);
    let (report, _) = checked(&[b' '; 101], &options);
    assert_eq!(rows(&report), [row("", "limit", E, 1, 1)]);
    assert_eq!(
        report.diagnostics()[0].message,
        "the document is 101 bytes, more than the limit of 100 bytes; it was not checked"
    );
    // At the limit, the document is checked (here: whitespace only).
    let (report, _) = checked(&[b' '; 100], &options);
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 101)]);
    // The default limit, 1 MiB, for YAML too.
    assert_eq!(DEFAULT_MAX_BYTES, 1024 * 1024);
    let big = vec![b'#'; DEFAULT_MAX_BYTES + 1];
    // Not parsed: a parsed comment-only YAML document would be an empty one, not a limit.
    let (report, _) = checked(&big, &yaml());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 1)]);
}

/// A hang guard, not a speed test (criterion measures speed, see BENCHMARKS.md): the quadratic
/// and exponential blow-ups these inputs once caused took minutes, far above this bound even on
/// a loaded machine with a debug build, while the fixed code takes milliseconds.
fn assert_no_blowup(elapsed: Duration) {
    const BOUND: Duration = Duration::from_secs(60);
    assert!(
        elapsed < BOUND,
        "took {elapsed:?}: a blow-up (bound {BOUND:?})"
    );
}

#[test]
fn deep_nesting_is_a_limit_without_stack_overflow() {
    const DEPTH: usize = 100_000;
    // JSON: refused at the 129th opening (the limit is 128 levels).
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let (report, elapsed) = checked(arrays.as_bytes(), &json());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 129)]);
    assert_no_blowup(elapsed);
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    let (report, elapsed) = checked(objects.as_bytes(), &json());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 128 * 5 + 1)]);
    assert_no_blowup(elapsed);
    // YAML flow collections: `saphyr-parser` refuses more than 255 levels before the tree's own
    // limit of 128 is reached (its scanner runs ahead of the events).
    let (report, elapsed) = checked(arrays.as_bytes(), &yaml());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 256)]);
    assert_no_blowup(elapsed);
    let mappings = format!("{}1{}", "{a: ".repeat(DEPTH), "}".repeat(DEPTH));
    let (report, elapsed) = checked(mappings.as_bytes(), &yaml());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 255 * 4 + 1)]);
    assert_no_blowup(elapsed);
    // YAML block sequences nest on one line (`- - - x`): the tree's limit, at the 129th `-`.
    let block = format!("{}x\n", "- ".repeat(DEPTH));
    let (report, elapsed) = checked(block.as_bytes(), &yaml());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 128 * 2 + 1)]);
    assert_no_blowup(elapsed);
    // Block mappings need one more space of indentation per level: 100,000 levels is far above
    // the size limit.
    let mut mapping = String::new();
    for level in 0..2_000 {
        mapping.push_str(&" ".repeat(level));
        mapping.push_str("a:\n");
    }
    let (report, _) = checked(mapping.as_bytes(), &yaml());
    assert_eq!(rows(&report), [row("", "limit", E, 1, 1)]);
}

// --- Numbers where integers belong -----------------------------------------------------------

/// `-0` is the integer 0 for the checker, deliberately (`document::tree`): RFC 8259's grammar
/// allows it, its value is zero, JSON Schema counts it as an integer (a number with a zero
/// fractional part) and so do the JVM parsers behind Qovery's API. So `gpu: -0` is a valid `gpu`
/// (minimum 0): no diagnostic. Caveat, asserted below: `serde_json` (1.0.x) reads `-0` as the
/// float `-0.0` and refuses it for an `i32`, so `serde_json::from_str::<ContainerRequest>` fails
/// on a document the checker accepts.
#[test]
fn numbers_where_integers_belong() {
    let doc =
        request_with(r#""cpu":1e400,"gpu":-0,"memory":2147483648,"min_running_instances":1.0"#);
    let (report, _) = checked(doc.as_bytes(), &json());
    let (l1, c1) = at(&doc, "1e400");
    let (l2, c2) = at(&doc, "2147483648");
    let (l3, c3) = at(&doc, "1.0}");
    assert_eq!(
        rows(&report),
        [
            row("/cpu", "type", E, l1, c1),
            row("/memory", "type", E, l2, c2),
            row("/min_running_instances", "type", E, l3, c3),
        ]
    );
    let messages: Vec<&str> = report
        .diagnostics()
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        [
            "expected an integer, found the number 1e400",
            "2147483648 does not fit in a 32-bit integer (-2147483648 to 2147483647), the integer type of Qovery's API",
            "expected an integer, found the number 1.0",
        ]
    );
    assert_eq!(
        report.diagnostics()[2].help.as_deref(),
        Some("write it without a fraction or exponent: 1 instead of 1.0")
    );
    let serde = serde_json::from_str::<ContainerRequest>(&format!("{{{MINIMAL},\"gpu\":-0}}"));
    assert!(serde.is_err_and(|e| e.to_string().contains("floating point `-0.0`")));
    let (report, _) = checked(format!("{{{MINIMAL},\"gpu\":-0}}").as_bytes(), &json());
    assert_eq!(rows(&report), []);
    // The same in YAML.
    let doc = format!(
        "{MINIMAL_YAML}cpu: 1e400\ngpu: -0\nmemory: 2147483648\nmin_running_instances: 1.0\n"
    );
    let (report, _) = checked(doc.as_bytes(), &yaml());
    assert_eq!(
        rows(&report),
        [
            row("/cpu", "type", E, 6, 6),
            row("/memory", "type", E, 8, 9),
            row("/min_running_instances", "type", E, 9, 24),
        ]
    );
}

#[test]
fn huge_numbers_are_quoted_truncated() {
    for number in ["1".repeat(1_000_000), format!("0.{}1", "0".repeat(999_000))] {
        let doc = request_with(&format!("\"cpu\":{number}"));
        let (report, elapsed) = checked(doc.as_bytes(), &json());
        assert_eq!(rows(&report), [row("/cpu", "type", E, 1, 128)]);
        assert!(report.diagnostics()[0].message.len() < 200);
        assert_no_blowup(elapsed);
        // Where a string belongs: the help (`quote it: "..."`) is cut at 1,000 characters.
        let doc = format!(
            r#"{{"name":{number},"registry_id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","image_name":"acme/api","tag":"1.0","healthchecks":{{}}}}"#
        );
        let (report, _) = checked(doc.as_bytes(), &json());
        assert_eq!(rows(&report), [row("/name", "type", E, 1, 9)]);
        let help = report.diagnostics()[0].help.as_deref().unwrap_or_default();
        assert!(help.starts_with("quote it: \"") && help.chars().count() == 1001);
    }
}

// --- A 1 MB image_name -------------------------------------------------------------------------

#[test]
fn one_megabyte_image_name() {
    let lower = "a".repeat(1_000_000);
    let cases: [(String, &[&str]); 4] = [
        (lower.clone(), &["length"]),
        ("A".repeat(1_000_000), &["length", "image_name_uppercase"]),
        (format!("acme/api:{lower}"), &["length", "image_name_tag"]),
        (format!("{lower}-"), &["length", "image_name"]),
    ];
    for (image_name, codes) in cases {
        let doc = format!(
            r#"{{"name":"api","registry_id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","image_name":"{image_name}","tag":"1.0","healthchecks":{{}}}}"#
        );
        let (report, elapsed) = checked(doc.as_bytes(), &json());
        let expected: Vec<Row> = codes
            .iter()
            .map(|code| row("/image_name", code, E, 1, 81))
            .collect();
        assert_eq!(rows(&report), expected);
        for d in report.diagnostics() {
            // Quoted truncated: the first 60 characters and the length.
            assert!(
                d.message.len() < 400,
                "{}: {} bytes",
                d.code,
                d.message.len()
            );
            assert!(d.help.as_ref().is_none_or(|h| h.chars().count() <= 1001));
        }
        for d in report.diagnostics().iter().skip(1) {
            // `show`: the first 60 characters, quoted, then the length.
            let first60: String = image_name.chars().take(60).collect();
            let quoted = format!("{first60:?}... ({} characters)", image_name.len());
            assert!(d.message.starts_with(&quoted), "{}", d.message);
        }
        assert_eq!(
            report.diagnostics()[0].message,
            format!(
                "has {} characters, more than the maximum of 255",
                image_name.len()
            )
        );
        // Linear regexes: a 1 MB value is checked in milliseconds (release) or well under
        // a second (debug).
        assert_no_blowup(elapsed);
    }
}

// --- Keys --------------------------------------------------------------------------------------

#[test]
fn keys_with_slash_and_tilde_are_escaped_in_pointers() {
    let doc = request_with(r#""a/b":1,"c~d":2,"~1/":3"#);
    let (report, _) = checked(doc.as_bytes(), &json());
    let (l1, c1) = at(&doc, r#""a/b""#);
    let (l2, c2) = at(&doc, r#""c~d""#);
    let (l3, c3) = at(&doc, r#""~1/""#);
    assert_eq!(
        rows(&report),
        [
            row("/a~1b", "unknown_member", W, l1, c1),
            row("/c~0d", "unknown_member", W, l2, c2),
            row("/~01~1", "unknown_member", W, l3, c3),
        ]
    );
    // The same keys in a free-form object (`config_json`) are kept, escaped in pointers of
    // duplicates.
    let doc = request_with(
        r#""autoscaling":{"mode":"KEDA","scalers":[{"scaler_type":"cpu","role":"PRIMARY","config_json":{"a/b":1,"a/b":2}}]}"#,
    );
    let (report, _) = checked(doc.as_bytes(), &json());
    let (line, column) = at(&doc, r#""a/b":2"#);
    assert!(
        rows(&report).contains(&row(
            "/autoscaling/scalers/0/config_json/a~1b",
            "duplicate_key",
            E,
            line,
            column
        )),
        "{:#?}",
        rows(&report)
    );
}

#[test]
fn duplicate_keys() {
    let doc = request_with(r#""cpu":99999,"cpu":500"#);
    let (report, _) = checked(doc.as_bytes(), &json());
    let (line, column) = at(&doc, r#""cpu":500"#);
    assert_eq!(
        rows(&report),
        [row("/cpu", "duplicate_key", E, line, column)]
    );
    let doc = format!("{MINIMAL_YAML}cpu: 99999\ncpu: 500\n");
    let (report, _) = checked(doc.as_bytes(), &yaml());
    assert_eq!(rows(&report), [row("/cpu", "duplicate_key", E, 7, 1)]);
}

#[test]
fn huge_keys_are_quoted_truncated() {
    let key = "k".repeat(1_000_000);
    let doc = request_with(&format!("\"{key}\":1"));
    let (report, elapsed) = checked(doc.as_bytes(), &json());
    assert_eq!(
        rows(&report),
        [row(&format!("/{key}"), "unknown_member", W, 1, 122)]
    );
    assert!(report.diagnostics()[0].message.len() < 200);
    // No edit distance between a 1 MB key and the member names.
    assert_no_blowup(elapsed);
}

// --- YAML-only hazards -------------------------------------------------------------------------

#[test]
fn yaml_billion_laughs() {
    let mut doc = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let items = vec![format!("*{previous}"); 9].join(",");
        doc.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    let (report, elapsed) = checked(doc.as_bytes(), &yaml());
    // The node count (1,000,000 values) is passed at the 6th level of expansion.
    assert_eq!(rows(&report), [row("", "limit", E, 6, 4)]);
    assert!(report.diagnostics()[0].message.contains("too many aliases"));
    assert_no_blowup(elapsed);
}

#[test]
fn yaml_custom_tags_warn_and_the_value_is_still_checked() {
    let doc = "name: api\nregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\nimage_name: acme/api\ntag: !Ref latest\ncpu: !custom 5\nhealthchecks: {}\n";
    let (report, _) = checked(doc.as_bytes(), &yaml());
    assert_eq!(
        rows(&report),
        [
            row("", "yaml", W, 4, 6),
            row("", "yaml", W, 5, 6),
            row("/cpu", "below_terraform_minimum", W, 5, 6),
        ]
    );
    assert_eq!(
        report.diagnostics()[0].message,
        "custom YAML tag `!Ref` ignored"
    );
}

#[test]
fn several_yaml_documents() {
    let doc = format!("{MINIMAL_YAML}---\nname: second\n");
    let (report, _) = checked(doc.as_bytes(), &yaml());
    assert_eq!(rows(&report), [row("", "yaml", E, 6, 1)]);
    assert_eq!(
        report.diagnostics()[0].message,
        "the file holds several YAML documents: only the first one is used"
    );
}

// --- JSON extensions that are not JSON ---------------------------------------------------------

#[test]
fn comments_and_trailing_commas_in_json() {
    let doc = format!("{{\n  // comment\n  {MINIMAL}\n}}");
    let (report, _) = checked(doc.as_bytes(), &json());
    assert_eq!(rows(&report), [row("", "syntax", E, 2, 3)]);
    assert_eq!(
        report.diagnostics()[0].message,
        "comments are not allowed in JSON"
    );
    let doc = format!("{{\n  {MINIMAL} /* block */\n}}");
    let (report, _) = checked(doc.as_bytes(), &json());
    let (line, column) = at(&doc, "/*");
    assert_eq!(rows(&report), [row("", "syntax", E, line, column)]);
    let doc = format!("{{\n  {MINIMAL},\n}}");
    let (report, _) = checked(doc.as_bytes(), &json());
    let (line, column) = at(&doc, ",\n}");
    assert_eq!((line, column), (2, 122));
    assert_eq!(rows(&report), [row("", "syntax", E, line, column)]);
    assert_eq!(report.diagnostics()[0].message, "trailing comma before `}`");
    let doc = request_with(r#""arguments":["a",]"#);
    let (report, _) = checked(doc.as_bytes(), &json());
    let (line, column) = at(&doc, ",]");
    assert_eq!(rows(&report), [row("", "syntax", E, line, column)]);
}

// --- Truncation --------------------------------------------------------------------------------

#[test]
fn truncated_at_every_byte_offset() {
    let full = include_str!("../src/document/testdata/web-service.json").trim_end();
    let (report, _) = checked(full.as_bytes(), &json());
    assert_eq!(rows(&report), []);
    for cut in 0..full.len() {
        let prefix = &full.as_bytes()[..cut];
        let (report, _) = checked(prefix, &json());
        let codes: Vec<&str> = report.diagnostics().iter().map(|d| d.code).collect();
        assert_eq!(codes, ["syntax"], "cut at {cut}: {:?}", rows(&report));
        assert_eq!(report.diagnostics()[0].pointer, "");
    }
    // YAML: a prefix is often a valid (different) document; never a panic, always located.
    let full = include_str!("../src/document/testdata/keda-worker.yaml");
    for cut in 0..full.len() {
        checked(&full.as_bytes()[..cut], &yaml());
    }
}

// --- Sizes that were quadratic -----------------------------------------------------------------

/// Found while writing these tests: the checker looked up positions, poisoned pointers and
/// already-reported (pointer, code) pairs with linear scans, once per diagnostic. A 400 KB
/// one-line document with 200,000 wrong array items took more than four minutes (debug build).
#[test]
fn many_diagnostics_in_linear_time() {
    let doc = request_with(&format!("\"arguments\":[{}1]", "1,".repeat(199_999)));
    let (report, elapsed) = checked(doc.as_bytes(), &json());
    assert_eq!(report.len(), 200_000);
    let last = &report.diagnostics()[199_999];
    assert_eq!(
        (last.pointer.as_str(), last.code),
        ("/arguments/199999", "type")
    );
    assert_no_blowup(elapsed);
    // Non-ASCII: positions count characters, still in constant time per lookup.
    let doc = request_with(&format!(
        "\"description\":\"é\",\"arguments\":[{}1]",
        "1,".repeat(99_999)
    ));
    let (report, elapsed) = checked(doc.as_bytes(), &json());
    assert_eq!(report.len(), 100_000);
    let (_, column) = at(&doc.replace('é', "e"), "1]");
    assert_eq!(
        report.diagnostics()[99_999].position.map(|p| p.column),
        Some(column)
    );
    assert_no_blowup(elapsed);
    // A wide root (30,000 unknown members) beside 10,000 diagnostics under `/ports`.
    let ports = "{\"internal_port\":0,\"publicly_accessible\":true},".repeat(10_000);
    let unknown: String = (0..30_000).map(|i| format!("\"k{i}\":1,")).collect();
    let doc = format!(
        "{{\"ports\":[{ports}{{\"internal_port\":0,\"publicly_accessible\":true}}],{unknown}{MINIMAL}}}"
    );
    let (report, elapsed) = checked(doc.as_bytes(), &json());
    assert!(report.len() > 30_000);
    assert_no_blowup(elapsed);
}

// --- Inputs found by fuzzing -------------------------------------------------------------------

/// The typed validator and the checker agree on a serialized value (the `validate_typed`
/// differential property).
fn assert_agree(
    value: &ContainerRequest,
    context: &RegistryContext,
) -> BTreeSet<(String, &'static str)> {
    let typed: BTreeSet<_> = value
        .validate_with(context)
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.code))
        .collect();
    let Ok(bytes) = serde_json::to_vec_pretty(value) else {
        panic!("a model value does not serialize: {value:?}");
    };
    let options = CheckOptions::new()
        .kind(DocumentKind::Request)
        .context(context.clone());
    let (report, _) = checked(&bytes, &options);
    let document: BTreeSet<_> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.code))
        .collect();
    assert_eq!(typed, document, "{}", String::from_utf8_lossy(&bytes));
    typed
}

fn set(items: &[(&str, &'static str)]) -> BTreeSet<(String, &'static str)> {
    items.iter().map(|(p, c)| ((*p).to_owned(), *c)).collect()
}

fn request() -> ContainerRequest {
    ContainerRequest::new(
        "api",
        "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "acme/api",
        "1.0",
    )
}

/// validate_typed, crash 1: a probe without `type`. `probe_kind`'s schema lists `type` in the
/// probe's `required`, so the walk reported `required` (and hid `probe_kind`); the typed
/// validator says `probe_kind`. Fixed in `document::shape::keep_structural`.
#[test]
fn fuzz_probe_without_type() {
    let value = request().with_readiness_probe(Probe::default());
    assert_eq!(
        assert_agree(&value, &RegistryContext::new()),
        set(&[("/healthchecks/readiness_probe/type", "probe_kind")])
    );
    let doc = request_with(r#""healthchecks":{"readiness_probe":{"period_seconds":5}}"#)
        .replace(r#","healthchecks":{}"#, "");
    let (report, _) = checked(doc.as_bytes(), &json());
    let (line, column) = at(&doc, r#"{"period"#);
    assert_eq!(
        rows(&report),
        [row(
            "/healthchecks/readiness_probe/type",
            "probe_kind",
            E,
            line,
            column
        )]
    );
}

/// validate_typed, crash 5: a `registry_id` that is not a UUID, mapped to a registry kind in
/// the context. The walk replaced it with a placeholder UUID (it is a `String` with
/// `format: uuid`), so the `image_name` rules looked up the kind of the placeholder and missed
/// `image_name_scaleway_cr`. Fixed in `document::shape::keep_structural`.
#[test]
fn fuzz_registry_id_not_a_uuid_keeps_its_registry_kind() {
    let mut value = request();
    value.registry_id = "my-registry".to_owned();
    value.image_name = "nginx".to_owned();
    let context = RegistryContext::new().with_registry("my-registry", RegistryKind::ScalewayCr);
    assert_eq!(
        assert_agree(&value, &context),
        set(&[
            ("/registry_id", "registry_id_format"),
            ("/image_name", "image_name_scaleway_cr")
        ])
    );
}

/// validate_typed, crash 2: an unknown port protocol of thousands of characters was quoted
/// whole in `public_path_not_applicable`'s message. Fixed in `rules::ports` (quoted truncated).
#[test]
fn fuzz_long_unknown_protocol_is_quoted_truncated() {
    let mut port = PortRequest::new(8080, true)
        .public(443)
        .with_public_path("/api");
    port.protocol = Some(PortProtocol::from_wire(&"MEMORY".repeat(1_000)));
    let value = request().with_port(port);
    let codes = assert_agree(&value, &RegistryContext::new());
    assert!(codes.contains(&(
        "/ports/0/public_path".to_owned(),
        "public_path_not_applicable"
    )));
    for d in value.validate().diagnostics() {
        assert!(d.message.len() < 400, "{}: {}", d.code, d.message.len());
    }
}

/// validate_typed, crash 3: `mount_point`'s help (`write `/...``) copied a 3,000-character
/// value whole. Helps are now cut at 1,000 characters (`Diagnostic::with_help`).
#[test]
fn fuzz_long_mount_point_help_is_bounded() {
    let value = request().with_storage(StorageRequest::fast_ssd(10, "m".repeat(3_000)));
    let codes = assert_agree(&value, &RegistryContext::new());
    assert!(codes.contains(&("/storage/0/mount_point".to_owned(), "mount_point")));
    let report = value.validate();
    let help = report.diagnostics()[0].help.as_deref().unwrap_or_default();
    assert_eq!(help.chars().count(), 1001);
    assert!(help.starts_with("write `/mmm") && help.ends_with('…'));
}

/// validate_typed, crash 4: the `image_name` grammar message quoted a whole component
/// (`component `a-a-a-...` ends with a separator`). Fixed in `rules::image_name` (`clip`).
#[test]
fn fuzz_long_image_name_component_is_quoted_truncated() {
    let mut value = request();
    value.image_name = "a-".repeat(600);
    let codes = assert_agree(&value, &RegistryContext::new());
    assert_eq!(
        codes,
        set(&[("/image_name", "length"), ("/image_name", "image_name")])
    );
    for d in value.validate().diagnostics() {
        assert!(d.message.len() < 400, "{}: {}", d.code, d.message);
    }
}

/// check_json, crash 1: a 1,606-byte bare word (`sss…q…q…{`). The syntax error quoted it
/// whole (`invalid literal `sss…``). Fixed in `document::json` (`clip`); the same for an
/// unquoted key and invalid numbers, and in YAML for tags and alias names.
#[test]
fn fuzz_long_words_in_syntax_errors_are_quoted_truncated() {
    // The crash input itself (fuzz/artifacts/check_json/crash-423d2f7d...): 1,606 bytes.
    let crash = format!(
        "{}q{}q{}{{",
        "s".repeat(175),
        "s".repeat(359),
        "s".repeat(1_069)
    );
    assert_eq!(crash.len(), 1_606);
    let (report, _) = checked(crash.as_bytes(), &json());
    assert_eq!(rows(&report), [row("", "syntax", E, 1, 1)]);
    assert!(
        report.diagnostics()[0]
            .message
            .starts_with("invalid literal `sssss")
    );
    let word = format!("{}q{}", "s".repeat(180), "s".repeat(1_425));
    let cases: [(String, CheckOptions, &str); 8] = [
        (word.clone(), json(), "invalid literal `ssssss"),
        (
            format!("{{{word}: 1}}"),
            json(),
            "expected a string key in double quotes or `}`, found `sss",
        ),
        (
            format!("[0{}]", "1".repeat(2_000)),
            json(),
            "invalid number `0111",
        ),
        (
            format!("[.{}]", "5".repeat(2_000)),
            json(),
            "invalid number `.555",
        ),
        (
            format!("[1{}]", "x".repeat(2_000)),
            json(),
            "invalid number `1xxx",
        ),
        (format!("a: !{word} 1\n"), yaml(), "custom YAML tag `!sss"),
        (format!("a: *{word}\n"), yaml(), "unknown alias `*sss"),
        (
            format!("a: &{word} [*{word}]\n"),
            yaml(),
            "recursive alias `*sss",
        ),
    ];
    for (doc, options, start) in cases {
        let (report, _) = checked(doc.as_bytes(), &options);
        assert!(
            report
                .diagnostics()
                .iter()
                .any(|d| d.message.starts_with(start)),
            "{start}: {:#?}",
            rows(&report)
        );
        for d in report.diagnostics() {
            assert!(
                d.message.len() < 300,
                "{} bytes: {}",
                d.message.len(),
                d.message
            );
        }
    }
}
