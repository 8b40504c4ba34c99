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

use super::fast;
use super::limits::Limits;
use super::parse::{ParseIssue, Parsed, SyntaxError, SyntaxErrorKind};
use super::position::LineIndex;
use super::shape::{self, Found};
use super::tree::{Node, Span, Value};
use crate::model::{ContainerRequest, ContainerResponse};
use crate::validate::path::push_escaped;
use crate::validate::{Context, Diagnostic, Position, Report, Severity, Validate};
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::collections::{HashMap, HashSet};
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

trait Document: DeserializeOwned + Validate {
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

fn complete_path<T: Document>(bytes: &[u8], options: &CheckOptions) -> Report {
    let lines = LineIndex::new(bytes);
    let mut report = Report::new();
    let parsed = match parse(bytes, options) {
        Ok(parsed) => parsed,
        Err(error) => {
            report.push_diagnostic(syntax_diagnostic(&error, &lines));
            return report;
        }
    };
    let mut located: Vec<(Span, Diagnostic)> = Vec::new();
    for issue in &parsed.issues {
        if let Some(diagnostic) = issue_diagnostic(issue) {
            located.push((issue.span(), diagnostic));
        }
    }

    // The parse issues are distinct by construction, though all at the pointer "" with the code
    // `yaml`: the deduplication below leaves them out (it would keep only the first, and a
    // custom tag warning would hide the "several documents" error).
    let parse_issues = located.len();

    let walked = shape::walk(&parsed.root, T::walk_shape(), options.strict);
    for Found { diagnostic, span } in walked.found {
        located.push((span, diagnostic));
    }
    let poisoned = walked.poisoned;
    // Hash sets: these lookups run once per diagnostic, and as linear scans they are quadratic
    // (minutes for a 400 KB document with 200,000 wrong array items).
    let poisoned_set: HashSet<&str> = poisoned.iter().map(String::as_str).collect();
    let mut spans = Spans::new(&parsed.root);
    let mut repaired = walked.value;
    // Deserialized from a borrowed value, which is kept for the alternate repair below; the
    // error message, when there is one, is the one of `from_value` as before.
    let typed_value = match T::deserialize(&repaired) {
        Ok(value) => Ok(value),
        Err(_) => serde_json::from_value::<T>(repaired.clone()),
    };
    match typed_value {
        Ok(value) => {
            let typed: Vec<Diagnostic> = value
                .validate_with(&options.context)
                .into_iter()
                .filter(|diagnostic| !within(&poisoned_set, &diagnostic.pointer))
                .collect();
            // The typed findings on a second repair, with other placeholders: see
            // `shape::walk_alternate`. Only needed when something was repaired and a finding
            // outside the repairs is left to confirm. Made from the first repair by swapping its
            // placeholders (`shape::alternate_in_place`); by a second walk if that fails.
            let alternate = if poisoned.is_empty() || typed.is_empty() {
                None
            } else {
                let patched = shape::alternate_in_place(
                    &mut repaired,
                    (&poisoned, &walked.patches),
                    T::walk_shape(),
                );
                if !patched {
                    repaired = shape::walk_alternate(&parsed.root, T::walk_shape());
                }
                T::deserialize(&repaired)
                    .ok()
                    .map(|value| value.validate_with(&options.context))
            };
            let alternate_set: Option<HashSet<DiagnosticKey<'_>>> = alternate
                .as_ref()
                .map(|alternate| alternate.diagnostics().iter().map(key_of).collect());
            for diagnostic in typed {
                if let Some(alternate) = &alternate_set
                    && !alternate.contains(&key_of(&diagnostic))
                {
                    continue;
                }
                let span = span_of(&mut spans, &diagnostic.pointer);
                located.push((span, diagnostic));
            }
        }
        Err(error) => {
            // The walk repairs every shape problem it knows; anything left is reported as is.
            located.push((
                parsed.root.span,
                Diagnostic::new(
                    "",
                    shape::codes::TYPE,
                    Severity::Error,
                    format!("the document does not fit the model: {error}"),
                ),
            ));
        }
    }

    drop_repeats(&mut located, parse_issues);
    let aliases = match options.syntax {
        Syntax::Yaml => alias_nodes(&parsed.root),
        _ => Vec::new(),
    };
    if !aliases.is_empty() {
        let aliases: HashMap<&str, Span> = aliases.iter().map(|(p, s)| (p.as_str(), *s)).collect();
        for (span, diagnostic) in &mut located {
            if let Some(alias) = through_alias(&aliases, &diagnostic.pointer) {
                *span = alias;
            }
        }
    }
    in_file_order(report, located, &lines)
}

/// Drops repeated diagnostics: same pointer, same code, same place (the walk and the validator
/// may both see a format). The first `distinct` entries, the parse issues, are distinct by
/// construction and all kept.
///
/// The place is part of the key, since a repeated key has one pointer for two values
/// (`"cpu": "x", "cpu": "y"`: two type errors).
fn drop_repeats(located: &mut Vec<(Span, Diagnostic)>, distinct: usize) {
    let mut seen: HashSet<(String, &'static str, usize)> = HashSet::new();
    let mut index = 0;
    located.retain(|(span, d)| {
        index += 1;
        index <= distinct || seen.insert((d.pointer.clone(), d.code, span.start))
    });
}

/// Appends the located diagnostics to `report` in file order, each with its line and column.
fn in_file_order(
    mut report: Report,
    mut located: Vec<(Span, Diagnostic)>,
    lines: &LineIndex<'_>,
) -> Report {
    located.sort_by_key(|(span, _)| span.start);
    for (span, diagnostic) in located {
        report.push_diagnostic(locate(diagnostic, lines, span));
    }
    report
}

fn parse(bytes: &[u8], options: &CheckOptions) -> Result<Parsed, SyntaxError> {
    match options.syntax {
        Syntax::Json => super::json::parse_json(bytes, &options.limits),
        #[cfg(feature = "yaml")]
        Syntax::Yaml => super::yaml::parse_yaml(bytes, &options.limits),
        #[cfg(not(feature = "yaml"))]
        Syntax::Yaml => Err(SyntaxError::new(
            SyntaxErrorKind::Yaml,
            0,
            "YAML support is not compiled in: enable the `yaml` feature of qovery-model",
        )),
    }
}

fn syntax_diagnostic(error: &SyntaxError, lines: &LineIndex<'_>) -> Diagnostic {
    let code = match error.kind {
        SyntaxErrorKind::DepthLimit | SyntaxErrorKind::NodeLimit => codes::LIMIT,
        _ => codes::SYNTAX,
    };
    let diagnostic = Diagnostic::new("", code, Severity::Error, error.message.clone());
    // The offending character is marked whole (one byte after the offset is inside a multi-byte
    // character, a stray U+FEFF, `’`..., and would end at the start column); an invalid UTF-8
    // byte is one column by itself.
    let width = match (error.kind, lines.bytes().get(error.offset)) {
        (SyntaxErrorKind::Utf8, _) | (_, None) => 1,
        (_, Some(&lead)) => match lead {
            0xF0..=0xFF => 4,
            0xE0..=0xEF => 3,
            0xC0..=0xDF => 2,
            _ => 1,
        },
    };
    let end = (error.offset + width).min(lines.bytes().len().max(error.offset + 1));
    locate(diagnostic, lines, Span::new(error.offset, end))
}

fn issue_diagnostic(issue: &ParseIssue) -> Option<Diagnostic> {
    match issue {
        // The walk reports duplicates itself, with their pointers.
        ParseIssue::DuplicateKey { .. } => None,
        ParseIssue::MultipleDocuments { .. } | ParseIssue::ComplexKey { .. } => Some(
            Diagnostic::new("", codes::YAML, Severity::Error, issue.message()),
        ),
        ParseIssue::CustomTag { .. } | ParseIssue::InvalidTaggedValue { .. } => Some(
            Diagnostic::new("", codes::YAML, Severity::Warning, issue.message()),
        ),
    }
}

/// Whether `pointer` is one of the `poisoned` pointers or inside one of them: one lookup per
/// reference token, whatever the size of the set.
fn within(poisoned: &HashSet<&str>, pointer: &str) -> bool {
    !poisoned.is_empty()
        && pointer
            .match_indices('/')
            .filter_map(|(at, _)| pointer.get(..at))
            .chain(std::iter::once(pointer))
            .any(|prefix| poisoned.contains(prefix))
}

/// Every field of a [`Diagnostic`], borrowed: the same diagnostic gives the same key.
type DiagnosticKey<'a> = (
    &'a str,
    &'static str,
    Severity,
    &'a str,
    Option<&'a str>,
    Option<Position>,
    Option<Position>,
);

fn key_of(d: &Diagnostic) -> DiagnosticKey<'_> {
    (
        &d.pointer,
        d.code,
        d.severity,
        &d.message,
        d.help.as_deref(),
        d.position,
        d.end,
    )
}

/// Where a typed-validator diagnostic points: the value at the pointer, or for a member that is
/// absent from the document (a cross-field rule about an omitted default), the opening of the
/// nearest enclosing value that is present.
fn span_of(spans: &mut Spans<'_>, pointer: &str) -> Span {
    if let Some(node) = spans.node(pointer) {
        return node.span;
    }
    let mut nearest = pointer;
    let start = loop {
        match nearest.rsplit_once('/') {
            Some((parent, _)) => {
                nearest = parent;
                if let Some(node) = spans.node(nearest) {
                    break node.span.start;
                }
            }
            None => break spans.root.span.start,
        }
    };
    Span::new(start, start + 1)
}

/// The nodes of a tree by pointer, each pointer resolved once, from its parent's node.
///
/// Resolved nodes are memoised by pointer: `Node::pointer_get` scans the members of each object
/// on the way, and resolving every diagnostic from the root is quadratic with many members next
/// to many diagnostics (30,000 unknown members beside 20,000 diagnostics under `/ports`).
struct Spans<'t> {
    root: &'t Node,
    nodes: HashMap<String, Option<&'t Node>>,
}

impl<'t> Spans<'t> {
    fn new(root: &'t Node) -> Self {
        Self {
            root,
            nodes: HashMap::new(),
        }
    }

    /// `root.pointer_get(pointer)`, memoized.
    fn node(&mut self, pointer: &str) -> Option<&'t Node> {
        if pointer.is_empty() {
            return Some(self.root);
        }
        if let Some(node) = self.nodes.get(pointer) {
            return *node;
        }
        let (parent, token) = pointer.rsplit_once('/')?;
        let node = self
            .node(parent)
            .and_then(|parent| parent.pointer_get(&format!("/{token}")));
        self.nodes.insert(pointer.to_owned(), node);
        node
    }
}

/// The span of the YAML alias that `pointer` goes through, if any (the outermost one).
///
/// A pointer that goes through an alias is located at the alias. An alias (`- *web`) copies the
/// nodes of its anchor with their spans, so a diagnostic inside the copy
/// (`/ports/1/internal_port`, the duplicate of port 0 that the alias makes) would otherwise be
/// located in the anchored text, on port 0, under a pointer to port 1. One lookup per reference
/// token.
fn through_alias(aliases: &HashMap<&str, Span>, pointer: &str) -> Option<Span> {
    pointer
        .match_indices('/')
        .skip(1)
        .filter_map(|(at, _)| pointer.get(..at))
        .chain(std::iter::once(pointer))
        .find_map(|prefix| aliases.get(prefix).copied())
}

/// The pointer and span of every alias node of a YAML tree that holds a copied collection: a
/// node with a child whose span is outside its own (JSON and alias-free YAML nest every span;
/// the nodes of a copy keep the spans of the anchored text). Copies are not entered: the
/// outermost alias is the one a diagnostic is located at. Recursion is bounded by the depth
/// limit, as in the walk.
fn alias_nodes(root: &Node) -> Vec<(String, Span)> {
    fn visit(node: &Node, pointer: &mut String, out: &mut Vec<(String, Span)>) {
        let outside =
            |child: &Node| child.span.start < node.span.start || child.span.end > node.span.end;
        let base = pointer.len();
        match &node.value {
            Value::Object(members) => {
                if members.iter().any(|m| outside(&m.value)) {
                    out.push((pointer.clone(), node.span));
                    return;
                }
                for member in members {
                    pointer.push('/');
                    push_escaped(pointer, &member.key);
                    visit(&member.value, pointer, out);
                    pointer.truncate(base);
                }
            }
            Value::Array(items) => {
                if items.iter().any(outside) {
                    out.push((pointer.clone(), node.span));
                    return;
                }
                for (index, item) in items.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                    visit(item, pointer, out);
                    pointer.truncate(base);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    visit(root, &mut String::new(), &mut out);
    out
}

/// Attaches the start and end positions of `span`.
fn locate(diagnostic: Diagnostic, lines: &LineIndex<'_>, span: Span) -> Diagnostic {
    let start = position(lines, span.start);
    let mut end = position(lines, span.end.max(span.start + 1));
    if end.line != start.line {
        // Multi-line values (objects, arrays) are marked at their first character.
        end = Position {
            line: start.line,
            column: start.column + 1,
        };
    }
    diagnostic
        .with_position(start)
        .with_end(end)
        .with_span(span.start..span.end)
}

fn position(lines: &LineIndex<'_>, offset: usize) -> Position {
    let p = lines.position(offset);
    Position {
        line: u32::try_from(p.line).unwrap_or(u32::MAX),
        column: u32::try_from(p.column).unwrap_or(u32::MAX),
    }
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
