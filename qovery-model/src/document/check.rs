//! The raw-document checker: bytes in, every problem out, each with its JSON Pointer, code,
//! severity, message, and 1-based line and column, in file order.
//!
//! Two paths, one answer:
//! - **fast path** (JSON): strict typed deserialization through [`super::fast`], which refuses
//!   unknown members and misplaced nulls as it reads, then typed validation. A valid document pays for one parse and one
//!   validation pass, and no position is ever computed.
//! - **complete path**, for everything else (YAML, and JSON with any problem): a
//!   position-preserving parse, the structural walk ([`super::shape`]), typed validation of the
//!   repaired value, then every diagnostic located by its pointer.
//!
//! Both paths run the same typed validator, so a mistake gets the same pointer and code
//! whichever path finds it, and the same as `Validate::validate_with` on a typed value.

use super::complete::{complete_path, parse};
use super::fast;
use super::limits::Limits;
use super::locate::{Spans, drop_repeats, in_file_order, span_of};
use super::position::LineIndex;
use super::shape;
use super::tree::Span;
use crate::model::{ContainerRequest, ContainerResponse};
use crate::validate::{Context, Diagnostic, Position, Report, Severity, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::sync::LazyLock;

/// Which payload a document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A `ContainerRequest` (the body of create and edit).
    #[default]
    Request,
    /// A `ContainerResponse`.
    Response,
}

impl DocumentKind {
    /// `request` or `response`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Request => "request",
            DocumentKind::Response => "response",
        }
    }
}

/// The syntax of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Syntax {
    /// JSON (RFC 8259).
    #[default]
    Json,
    /// YAML 1.2 (feature `yaml`).
    Yaml,
}

impl Syntax {
    /// The syntax for a file name: `.yaml` and `.yml` are YAML, anything else JSON.
    pub fn from_path(path: &std::path::Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") => {
                Syntax::Yaml
            }
            _ => Syntax::Json,
        }
    }
}

/// How to check a document.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Request (default) or response.
    pub kind: DocumentKind,
    /// JSON (default) or YAML.
    pub syntax: Syntax,
    /// The registry kinds for the `image_name` rules of a request.
    pub context: Context,
    /// Unknown members are errors instead of warnings.
    pub strict: bool,
    /// Largest document accepted, in bytes (default 1 MiB).
    pub max_bytes: usize,
    /// Parser limits (nesting depth, number of nodes).
    pub limits: Limits,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            kind: DocumentKind::Request,
            syntax: Syntax::Json,
            context: Context::new(),
            strict: false,
            max_bytes: DEFAULT_MAX_BYTES,
            limits: Limits::DEFAULT,
        }
    }
}

/// The default largest document, 1 MiB: a real payload is a few KB.
pub const DEFAULT_MAX_BYTES: usize = 1024 * 1024;

impl CheckOptions {
    /// Options for a request in JSON with no registry context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the document kind.
    #[must_use]
    pub fn kind(mut self, kind: DocumentKind) -> Self {
        self.kind = kind;
        self
    }

    /// Sets the syntax.
    #[must_use]
    pub fn syntax(mut self, syntax: Syntax) -> Self {
        self.syntax = syntax;
        self
    }

    /// Sets the registry context.
    #[must_use]
    pub fn context(mut self, context: Context) -> Self {
        self.context = context;
        self
    }

    /// Makes unknown members errors.
    #[must_use]
    pub fn strict(mut self, strict: bool) -> Self {
        self.strict = strict;
        self
    }

    /// Sets the largest document accepted.
    #[must_use]
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }
}

/// Codes of the document-level diagnostics (on top of the structural codes of the walk).
pub mod codes {
    pub use crate::validate::codes::{LIMIT, SYNTAX, YAML};
}

/// Checks one document and returns every problem, in file order.
///
/// ```
/// use qovery_model::document::{check, CheckOptions};
///
/// let report = check(br#"{"name": "api", "cpu": "500"}"#, &CheckOptions::new());
/// let first = &report.diagnostics()[0];
/// assert_eq!((first.pointer.as_str(), first.code), ("/registry_id", "required"));
/// ```
pub fn check(bytes: &[u8], options: &CheckOptions) -> Report {
    match options.kind {
        DocumentKind::Request => check_as::<ContainerRequest>(bytes, options),
        DocumentKind::Response => check_as::<ContainerResponse>(bytes, options),
    }
}

/// The exported 2020-12 schemas the walk reads the shape from, built once.
static REQUEST_SHAPE: LazyLock<Json> = LazyLock::new(shape_of::<ContainerRequest>);
static RESPONSE_SHAPE: LazyLock<Json> = LazyLock::new(shape_of::<ContainerResponse>);

pub(super) fn shape_of<T: schemars::JsonSchema + DeserializeOwned>() -> Json {
    let mut shape = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    // Fix found by fuzzing: the schema may say more than deserialization needs (a rule's
    // `required` member, a `String` field's `uuid` format); the walk must check only what
    // deserialization needs, the typed validator reports the rest with its own codes (see
    // `shape::keep_structural`).
    shape::keep_structural(&mut shape, |value| {
        serde_json::from_value::<T>(value).is_ok()
    });
    shape
}

/// The shapes compiled for the structural walk, built once from the schemas above.
static REQUEST_WALK: LazyLock<shape::Shape> =
    LazyLock::new(|| shape::Shape::new(ContainerRequest::shape()));
static RESPONSE_WALK: LazyLock<shape::Shape> =
    LazyLock::new(|| shape::Shape::new(ContainerResponse::shape()));

pub(super) trait Document: DeserializeOwned + Validate {
    /// The exported schema, reduced to what deserialization needs.
    fn shape() -> &'static Json;

    /// [`Document::shape`] compiled for the structural walk.
    fn walk_shape() -> &'static shape::Shape;

    /// Member names that are nullable wherever they occur in this document (read from the
    /// shape: a name that is nullable in one object and not in another is left out).
    fn nullable_members() -> &'static [String];

    /// Whether the value holds a free-form object (`config_json`): serde_json keeps the last of
    /// two duplicate keys there without a word, so only the complete path can report them.
    fn has_free_form_object(&self) -> bool;
}

impl Document for ContainerRequest {
    fn shape() -> &'static Json {
        &REQUEST_SHAPE
    }

    fn walk_shape() -> &'static shape::Shape {
        &REQUEST_WALK
    }

    fn nullable_members() -> &'static [String] {
        &REQUEST_NULLABLE
    }

    fn has_free_form_object(&self) -> bool {
        self.autoscaling
            .as_ref()
            .is_some_and(|a| a.scalers.iter().any(|s| s.config_json.is_some()))
    }
}

impl Document for ContainerResponse {
    fn shape() -> &'static Json {
        &RESPONSE_SHAPE
    }

    fn walk_shape() -> &'static shape::Shape {
        &RESPONSE_WALK
    }

    fn nullable_members() -> &'static [String] {
        &RESPONSE_NULLABLE
    }

    fn has_free_form_object(&self) -> bool {
        self.autoscaling
            .as_ref()
            .is_some_and(|a| a.scalers.iter().any(|s| s.config_json.is_value()))
    }
}

static REQUEST_NULLABLE: LazyLock<Vec<String>> = LazyLock::new(|| nullable_names(&REQUEST_SHAPE));
static RESPONSE_NULLABLE: LazyLock<Vec<String>> = LazyLock::new(|| nullable_names(&RESPONSE_SHAPE));

/// The member names whose schema allows `null` in every object that has them.
fn nullable_names(shape: &Json) -> Vec<String> {
    let mut nullable = std::collections::BTreeSet::new();
    let mut not_nullable = std::collections::BTreeSet::new();
    let defs = shape.get("$defs").and_then(Json::as_object);
    let objects = std::iter::once(shape).chain(defs.into_iter().flat_map(|d| d.values()));
    for object in objects {
        let Some(properties) = object.get("properties").and_then(Json::as_object) else {
            continue;
        };
        for (name, property) in properties {
            if allows_null(property) {
                nullable.insert(name.clone());
            } else {
                not_nullable.insert(name.clone());
            }
        }
    }
    nullable.difference(&not_nullable).cloned().collect()
}

fn allows_null(schema: &Json) -> bool {
    let is_null = |s: &Json| s.get("type").and_then(Json::as_str) == Some("null");
    match schema.get("type") {
        Some(Json::Array(types)) => types.iter().any(|t| t.as_str() == Some("null")),
        _ => schema
            .get("anyOf")
            .and_then(Json::as_array)
            .is_some_and(|branches| branches.iter().any(is_null)),
    }
}

fn check_as<T: Document>(bytes: &[u8], options: &CheckOptions) -> Report {
    if bytes.len() > options.max_bytes {
        let mut report = Report::new();
        report.push_diagnostic(
            Diagnostic::new(
                "",
                codes::LIMIT,
                Severity::Error,
                format!(
                    "the document is {} bytes, more than the limit of {} bytes; it was not checked",
                    bytes.len(),
                    options.max_bytes
                ),
            )
            .with_position(Position { line: 1, column: 1 })
            // Every other diagnostic has an end; a renderer marks one character.
            .with_end(Position { line: 1, column: 2 })
            .with_span(0..bytes.len().min(1)),
        );
        return report;
    }
    if options.syntax == Syntax::Json
        && let Some(report) = fast_path::<T>(bytes, options)
    {
        return report;
    }
    complete_path::<T>(bytes, options)
}

/// A document the reader accepts, in one typed pass; `None` as soon as anything needs the
/// complete path.
///
/// The reader ([`super::fast`]) refuses unknown members, nulls outside nullable members and
/// anything that is not strict JSON, in the same pass that builds the value. What it accepts
/// has no structural problem: the walk would find nothing, repair nothing, and the typed rules
/// would see this same value. So when the rules find something, only their positions are
/// missing: the spanned parse gives them, and the walk and the second deserialization are
/// skipped (the unit test `the_fast_path_accepts_only_what_the_complete_path_finds_clean`
/// checks that the report is the complete path's, position for position).
fn fast_path<T: Document>(bytes: &[u8], options: &CheckOptions) -> Option<Report> {
    let value: T = fast::read(bytes, T::nullable_members(), &options.limits)?;
    if value.has_free_form_object() {
        return None;
    }
    let report = value.validate_with(&options.context);
    if report.is_empty() {
        return Some(report);
    }
    locate_typed_findings(bytes, options, report)
}

/// The typed findings of a structurally clean document, located and in file order, exactly as
/// the complete path would report them; `None` if the parse has anything to say.
fn locate_typed_findings(bytes: &[u8], options: &CheckOptions, found: Report) -> Option<Report> {
    let parsed = parse(bytes, options).ok()?;
    if !parsed.issues.is_empty() {
        return None;
    }
    let mut spans = Spans::new(&parsed.root);
    let mut located: Vec<(Span, Diagnostic)> = found
        .into_iter()
        .map(|diagnostic| (span_of(&mut spans, &diagnostic.pointer), diagnostic))
        .collect();
    drop_repeats(&mut located, 0);
    Some(in_file_order(
        Report::new(),
        located,
        &LineIndex::new(bytes),
    ))
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use crate::test_rng::Rng;

    #[test]
    fn the_nullable_members_are_read_from_the_shape() {
        let request: Vec<&str> = REQUEST_NULLABLE.iter().map(String::as_str).collect();
        assert_eq!(
            request,
            [
                "auto_deploy",
                "cpu_architecture",
                "exec",
                "grpc",
                "host",
                "http",
                "liveness_probe",
                "readiness_probe",
                "service",
                "tcp"
            ]
        );
        // `config_yaml` is nullable in a response's scaler but not in its trigger
        // authentication: left out, so a null there always takes the complete path.
        assert!(!RESPONSE_NULLABLE.iter().any(|n| n == "config_yaml"));
        assert!(!RESPONSE_NULLABLE.iter().any(|n| n == "auto_deploy"));
    }

    #[test]
    fn only_nulls_outside_nullable_members_leave_the_fast_path() {
        let nullable = &REQUEST_NULLABLE;
        let reads =
            |text: &str| fast::read::<Json>(text.as_bytes(), nullable, &Limits::DEFAULT).is_some();
        assert!(reads(r#"{"tcp": {"host": null}, "auto_deploy" : null}"#));
        assert!(reads(r#"{"name": "null", "tag": "a\"null"}"#));
        assert!(!reads(r#"{"cpu": null}"#));
        assert!(!reads(r#"{"arguments": [null]}"#));
        assert!(!reads(r#"{"arguments": ["host", null]}"#));
        assert!(!reads(r#"{"host": [null]}"#));
        assert!(!reads("null"));
    }

    /// The limits hold on the fast path too: a valid document over them is reported, as the
    /// complete path reports it (the fast path used to ignore limits set below the defaults).
    #[test]
    fn a_valid_document_over_the_limits_is_a_limit() {
        let bytes = include_bytes!("testdata/request.json");
        assert!(check(bytes, &CheckOptions::new()).is_empty());
        let found = |limits: Limits| {
            let mut options = CheckOptions::new();
            options.limits = limits;
            let report = check(bytes, &options);
            report
                .diagnostics()
                .iter()
                .map(|d| d.code)
                .collect::<Vec<_>>()
        };
        let mut limits = Limits::DEFAULT;
        limits.max_nodes = 20;
        assert_eq!(found(limits), [codes::LIMIT]);
        let mut limits = Limits::DEFAULT;
        limits.max_depth = 2;
        assert_eq!(found(limits), [codes::LIMIT]);
    }

    /// What the reader accepts, serde_json reads as the same value, and the fast path reports it
    /// exactly as the complete path does (clean, or the typed findings at the same places):
    /// checked on
    /// 2 x 4,000 mutations of a valid request and a valid response (bytes deleted, replaced,
    /// repeated, JSON tokens inserted, member values replaced), with a fixed seed.
    #[test]
    fn the_fast_path_accepts_only_what_the_complete_path_finds_clean() {
        fn differential<T: Document + PartialEq + std::fmt::Debug>(seed: &[u8], rng: &mut Rng) {
            const TOKENS: &[&str] = &[
                "null",
                "true",
                "false",
                "0",
                "-0",
                "1",
                "-1",
                "70000",
                "1.0",
                "1e2",
                "1e999",
                "18446744073709551616",
                "-9223372036854775809",
                "\"\"",
                "\"x\"",
                "\"\\u00e9\"",
                "\"\\ud800\"",
                "\"\\ud83d\\ude00\"",
                "\"a\\nb\"",
                "\"\\/\"",
                "\"$schema\"",
                "{",
                "}",
                "[",
                "]",
                ",",
                ":",
                " ",
                "\t",
                "\n",
                "\u{feff}",
                "é",
                "\"cpu\"",
                "\"host\"",
                "\"name\"",
                "\"auto_deploy\"",
                "{}",
                "[]",
                "\"http\"",
                "\"tcp\"",
            ];
            let options = CheckOptions::new();
            let (mut accepted, mut located, mut cases) = (0, 0, 0);
            for _ in 0..4_000 {
                let mut bytes = seed.to_vec();
                for _ in 0..=rng.below(2) {
                    let at = rng.below(bytes.len());
                    let len = rng.below(8).min(bytes.len() - at);
                    match rng.below(5) {
                        // A member's value replaced by a token, the mutation that keeps the
                        // document JSON most often.
                        4 => {
                            let colons: Vec<usize> =
                                (0..bytes.len()).filter(|&i| bytes[i] == b':').collect();
                            let Some(&colon) = colons.get(rng.below(colons.len())) else {
                                continue;
                            };
                            let start = colon + 1;
                            let end = (start..bytes.len())
                                .find(|&i| matches!(bytes[i], b',' | b'}' | b']' | b'\n'))
                                .unwrap_or(bytes.len());
                            bytes
                                .splice(start..end, TOKENS[rng.below(TOKENS.len())].bytes())
                                .for_each(drop);
                        }
                        0 => drop(bytes.drain(at..at + len)),
                        1 => bytes
                            .splice(at..at, TOKENS[rng.below(TOKENS.len())].bytes())
                            .for_each(drop),
                        2 => bytes
                            .splice(at..at + len, TOKENS[rng.below(TOKENS.len())].bytes())
                            .for_each(drop),
                        _ => {
                            let copy = bytes[at..at + len].to_vec();
                            bytes.splice(at..at, copy).for_each(drop);
                        }
                    }
                }
                cases += 1;
                let Some(read) = fast::read::<T>(&bytes, T::nullable_members(), &options.limits)
                else {
                    continue;
                };
                accepted += 1;
                let text = String::from_utf8_lossy(&bytes);
                // The same value as serde_json reads.
                match serde_json::from_slice::<T>(&bytes) {
                    Ok(value) => assert_eq!(read, value, "{text}"),
                    Err(error) => {
                        panic!("the reader accepts, serde_json refuses ({error}): {text}")
                    }
                }
                if let Some(fast) = fast_path::<T>(&bytes, &options) {
                    let complete = complete_path::<T>(&bytes, &options);
                    assert_eq!(fast, complete, "{text}");
                    located += usize::from(!fast.is_empty());
                }
            }
            // The mutations must exercise both answers.
            assert!(
                accepted > 200 && accepted < cases - 200,
                "{accepted} of {cases} accepted"
            );
            assert!(located > 100, "{located} reports with typed findings only");
        }
        let mut rng = Rng(0x51_7CC1_B727_220A);
        differential::<ContainerRequest>(include_bytes!("testdata/request.json"), &mut rng);
        differential::<ContainerResponse>(include_bytes!("testdata/response.json"), &mut rng);
    }
}

#[cfg(test)]
mod span_tests {
    use super::*;

    /// Every located diagnostic carries the bytes of its value or key, on both paths and for a
    /// multi-line value too (whose line:column end marks only the first character).
    #[test]
    fn located_diagnostics_carry_their_byte_span() {
        let text = "{\"name\": \"é\", \"cpu\": \"1000\", \"ports\": {\n}, \"memroy\": 1}";
        let report = check(text.as_bytes(), &CheckOptions::new());
        let spans: Vec<(&str, &str)> = report
            .diagnostics()
            .iter()
            .filter_map(|d| Some((d.code, text.get(d.span.clone()?)?)))
            .collect();
        assert!(spans.contains(&("type", "\"1000\"")), "{spans:?}");
        assert!(spans.contains(&("type", "{\n}")), "{spans:?}");
        assert!(
            spans.contains(&("unknown_member", "\"memroy\"")),
            "{spans:?}"
        );
        assert!(report.diagnostics().iter().all(|d| d.span.is_some()));
    }
}
