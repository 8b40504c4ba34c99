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
use super::fix::Fixer;
use super::kinds::Document;
use super::locate::{Spans, drop_repeats, in_file_order, span_of};
use super::options::{CheckOptions, Syntax, codes};
use super::position::LineIndex;
use super::tree::Span;
use crate::model::{ContainerRequest, ContainerResponse, DocumentKind};
use crate::validate::{Diagnostic, Position, Report, Severity};

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
        DocumentKind::Request => check_as::<ContainerRequest>(bytes, options).report,
        DocumentKind::Response => check_as::<ContainerResponse>(bytes, options).report,
    }
}

/// A document read into its typed value, with every problem located: what [`read`] returns.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked<T> {
    /// The document as a typed value, when it has no error of syntax or shape (a wrong type, a
    /// missing required member, a duplicate key...): exactly what `serde_json::from_slice` (or a
    /// YAML deserializer) would give, an unknown member ignored. Rule violations do not take it
    /// away: they are in `report`, on a value that deserializes.
    pub value: Option<T>,
    /// Every problem, in file order, as [`check`] reports it.
    pub report: Report,
}

/// The two payloads [`read`] reads: [`ContainerRequest`] and [`ContainerResponse`].
pub trait Payload: Document {}

impl Payload for ContainerRequest {}
impl Payload for ContainerResponse {}

/// Parses and checks one document in a single pass: the typed value and the located report of
/// [`check`] (whose `options.kind` is taken from `T` here), from one parse.
///
/// ```
/// use qovery_model::document::{CheckOptions, Checked, read};
/// use qovery_model::model::ContainerRequest;
///
/// let bytes = br#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
///   "image_name": "acme/api", "tag": "1.4.2", "cpu": -5, "healthchecks": {}}"#;
/// let Checked { value, report } = read::<ContainerRequest>(bytes, &CheckOptions::new());
/// let request = value.expect("the document deserializes");
/// assert_eq!(request.cpu, Some(-5));
/// let cpu = &report.diagnostics()[0];
/// assert_eq!((cpu.code, cpu.position.map(|p| (p.line, p.column))), ("range", Some((2, 52))));
///
/// // A wrong type: no value, the report says where.
/// let checked = read::<ContainerRequest>(br#"{"name": 1}"#, &CheckOptions::new());
/// assert!(checked.value.is_none());
/// assert!(checked.report.has_code("type"));
/// ```
pub fn read<T: Payload>(bytes: &[u8], options: &CheckOptions) -> Checked<T> {
    check_as::<T>(bytes, options)
}

fn check_as<T: Document>(bytes: &[u8], options: &CheckOptions) -> Checked<T> {
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
        return Checked {
            value: None,
            report,
        };
    }
    if options.syntax == Syntax::Json
        && let Some(checked) = fast_path::<T>(bytes, options)
    {
        return checked;
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
fn fast_path<T: Document>(bytes: &[u8], options: &CheckOptions) -> Option<Checked<T>> {
    let value: T = fast::read(bytes, T::nullable_members(), &options.limits)?;
    if value.has_free_form_object() {
        return None;
    }
    let mut report = value.validate_with(&options.context);
    if !report.is_empty() {
        report = locate_typed_findings(bytes, options, report)?;
    }
    Some(Checked {
        value: Some(value),
        report,
    })
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
        &mut Fixer::new(bytes, spans, options.syntax),
    ))
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;
    use crate::document::kinds::REQUEST_NULLABLE;
    use crate::document::limits::Limits;
    use crate::test_rng::Rng;
    use serde_json::Value as Json;

    #[test]
    fn only_nulls_outside_nullable_members_leave_the_fast_path() {
        let nullable = REQUEST_NULLABLE;
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
                    located += usize::from(!fast.report.is_empty());
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
