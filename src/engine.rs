//! Lints one file's bytes under a [`Settings`]: every document of a YAML stream, request or
//! response by file name, the library's check, the rule levels, the suppression comments and the
//! per-file cap. `check`, `check --fix` and `lsp` all call [`lint`], so they cannot disagree.
//!
//! - **Documents.** A YAML stream's documents (`---` separated) are each checked. Document `k`
//!   is checked on a copy of the file where everything before its start is blanked (every byte
//!   but line breaks made a space), so the library's byte spans, lines, columns and fixes are the
//!   file's own. A document with nothing but comments after its `---` (a trailing `---`) is not
//!   checked, as kubectl skips it.
//! - **Not a payload.** A file reached by walking a directory, when no `include` is configured,
//!   whose documents all plainly are not container payloads (the top level is not an object, or
//!   has none of `image_name`, `registry_id`, `healthchecks`, `tag` and no `$schema` naming the
//!   container schemas) is [`FileReport::not_a_payload`] and reports nothing. A document that
//!   does not parse is a payload when its text names one of a payload's members or schemas (a
//!   broken payload does; a JSONC `tsconfig.json` does not).
//! - **Levels** ([`Settings::level`]) turn a diagnostic off (dropped) or set its severity.
//! - **Suppressions** (YAML comments, [`crate::engine::suppress`]) mark diagnostics
//!   `suppressed`: still returned, counted apart, never making a file invalid.
//! - **Cap.** The first [`Settings::max_diagnostics`] findings (0: no limit) are kept, the rest
//!   only counted in [`FileReport::omitted`].

pub mod suppress;

use crate::settings::Settings;
use qovery_model::document::parse::{ParseIssue, Parsed};
use qovery_model::document::tree::{Node, Span, Value};
use qovery_model::document::{self, CheckOptions, DocumentKind, Syntax, codes, structural_codes};
use qovery_model::validate::{Diagnostic, Report, Severity};
use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

/// The code of the diagnostic given to an input the checker failed on (a bug: please report).
pub const INTERNAL: &str = "internal";

/// The code of the diagnostic given to an input that cannot be read.
pub const IO: &str = "io";

/// One diagnostic of a file, with the document it is in and whether a comment silenced it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The diagnostic, its severity set by the rule levels; positions and spans are the file's.
    pub diagnostic: Diagnostic,
    /// 0-based index of the document in a YAML stream (0 for JSON).
    pub document: usize,
    /// Silenced by a suppression comment: reported apart, never an error.
    pub suppressed: bool,
}

/// Counts of findings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors not suppressed.
    pub errors: usize,
    /// Warnings not suppressed.
    pub warnings: usize,
    /// Suppressed findings.
    pub suppressed: usize,
}

impl Counts {
    fn add(&mut self, finding: &Finding) {
        if finding.suppressed {
            self.suppressed += 1;
        } else if finding.diagnostic.severity == Severity::Error {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
    }

    /// The sum of two counts.
    #[must_use]
    pub fn plus(self, other: Counts) -> Counts {
        Counts {
            errors: self.errors + other.errors,
            warnings: self.warnings + other.warnings,
            suppressed: self.suppressed + other.suppressed,
        }
    }
}

/// What [`lint`] found in one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileReport {
    /// The findings kept (at most [`Settings::max_diagnostics`]), in file order, document by
    /// document.
    pub findings: Vec<Finding>,
    /// The findings over the cap, counted only.
    pub omitted: Counts,
    /// The number of documents checked (1 for JSON).
    pub documents: usize,
    /// Reached by a directory walk and plainly not a container payload: not checked.
    pub not_a_payload: bool,
}

impl FileReport {
    /// A report of one diagnostic about the whole input (it could not be read or checked).
    pub fn single(diagnostic: Diagnostic) -> FileReport {
        FileReport {
            findings: vec![Finding {
                diagnostic,
                document: 0,
                suppressed: false,
            }],
            omitted: Counts::default(),
            documents: 1,
            not_a_payload: false,
        }
    }

    /// Every finding counted, the omitted ones included.
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for finding in &self.findings {
            counts.add(finding);
        }
        counts.plus(self.omitted)
    }

    /// Valid: no error, and with `deny_warnings` no warning either (suppressed findings never
    /// count).
    pub fn is_valid(&self, deny_warnings: bool) -> bool {
        let counts = self.counts();
        counts.errors == 0 && (!deny_warnings || counts.warnings == 0)
    }

    /// The findings that are reported (not suppressed).
    pub fn reported(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| !f.suppressed)
    }
}

/// One input as the front ends show it: its name, its bytes when a format shows source lines,
/// and what linting it found.
#[derive(Debug, Clone)]
pub struct Linted {
    /// The path as found (or the name of standard input).
    pub name: String,
    /// The bytes that were checked, kept only when the output shows source lines.
    pub source: Option<Vec<u8>>,
    /// What was found.
    pub report: FileReport,
    /// The input could not be read (or checked) at all.
    pub unreadable: bool,
    /// What the output format writes for this file, when the worker rendered it
    /// ([`crate::render::Emitter::render_file`]).
    pub rendered: Option<String>,
}

impl Linted {
    /// Valid: see [`FileReport::is_valid`].
    pub fn is_valid(&self, deny_warnings: bool) -> bool {
        self.report.is_valid(deny_warnings)
    }

    /// The name of the document a finding is in: the file's name, with `[index]` when the
    /// file holds several documents (`deploy.yaml[2]`).
    pub fn document_name(&self, finding: &Finding) -> String {
        self.document_name_from(&self.name, finding).into_owned()
    }

    /// [`Linted::document_name`] from `name`, the file's name as shown (the text output's
    /// printable name): borrowed when the file holds one document.
    pub fn document_name_from<'n>(&self, name: &'n str, finding: &Finding) -> Cow<'n, str> {
        if self.report.documents > 1 || finding.document > 0 {
            Cow::Owned(format!("{name}[{}]", finding.document))
        } else {
            Cow::Borrowed(name)
        }
    }
}

/// The kind of a document: `--kind` (or the configuration's `kind`), else by name: a file named
/// `*.response.json`, `*.response.yaml` or `*.response.yml` is a response, any other a request.
pub fn kind_for(name: &str, settings: &Settings) -> DocumentKind {
    if let Some(kind) = settings.kind {
        return kind;
    }
    let ends_with = |suffix: &str| {
        name.len()
            .checked_sub(suffix.len())
            .and_then(|start| name.as_bytes().get(start..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(suffix.as_bytes()))
    };
    if [".response.json", ".response.yaml", ".response.yml"]
        .into_iter()
        .any(ends_with)
    {
        DocumentKind::Response
    } else {
        DocumentKind::default()
    }
}

/// The options the library checks the file `path` with.
pub fn check_options(path: &Path, settings: &Settings) -> CheckOptions {
    CheckOptions::new()
        .kind(kind_for(&path.to_string_lossy(), settings))
        .syntax(Syntax::from_path(path))
        .context(settings.context.clone())
        .strict(settings.strict)
        .max_bytes(settings.max_bytes)
}

/// Lints the bytes of the file `path` (as found or named; its extension picks the syntax, its
/// name the kind, and it is what `[[overrides]]` globs match). `walked`: reached by walking a
/// directory rather than named, so it may be skipped as not a payload.
pub fn lint(path: &Path, bytes: &[u8], settings: &Settings, walked: bool) -> FileReport {
    let options = check_options(path, settings);
    let documents = match options.syntax {
        Syntax::Yaml if bytes.len() <= settings.max_bytes && needs_tree(bytes) => {
            split_yaml(bytes, &options)
        }
        _ => vec![Piece {
            start: 0,
            end: bytes.len(),
            text: Cow::Borrowed(bytes),
            root: None,
        }],
    };
    let several = documents.len() > 1;
    let mut checked: Vec<(usize, Report)> = Vec::with_capacity(documents.len());
    for (index, piece) in documents.iter().enumerate() {
        if several && piece.is_blank(bytes) {
            continue;
        }
        checked.push((index, check_document(&piece.text, &options)));
    }

    if walked
        && settings.include.is_none()
        && checked.iter().any(|(_, report)| !report.is_empty())
        && !checked.iter().any(|(index, report)| {
            documents
                .get(*index)
                .is_some_and(|piece| looks_like_payload(piece, report, &options))
        })
    {
        return FileReport {
            not_a_payload: true,
            documents: checked.len(),
            ..FileReport::default()
        };
    }

    let mut findings = Vec::with_capacity(checked.iter().map(|(_, r)| r.diagnostics().len()).sum());
    for (index, report) in &checked {
        for diagnostic in report {
            let level = settings.level(diagnostic.code, path, &diagnostic.pointer);
            let severity = match level {
                None => diagnostic.severity,
                Some(level) => match level.severity() {
                    Some(severity) => severity,
                    None => continue,
                },
            };
            let mut diagnostic = diagnostic.clone();
            diagnostic.severity = severity;
            findings.push(Finding {
                diagnostic,
                document: *index,
                suppressed: false,
            });
        }
    }
    if options.syntax == Syntax::Yaml {
        let unused = suppress::apply(bytes, &documents, &mut findings);
        for finding in unused {
            let level = settings.level(finding.diagnostic.code, path, "");
            if let Some(severity) = level.map_or(Some(Severity::Warning), |l| l.severity()) {
                let mut finding = finding;
                finding.diagnostic.severity = severity;
                // In file order: before the first finding of a later document or line.
                let key = |f: &Finding| (f.document, f.diagnostic.position);
                let at = findings
                    .iter()
                    .position(|f| key(f) > key(&finding))
                    .unwrap_or(findings.len());
                findings.insert(at, finding);
            }
        }
    }

    let mut omitted = Counts::default();
    if settings.max_diagnostics > 0 && findings.len() > settings.max_diagnostics {
        for finding in findings.drain(settings.max_diagnostics..) {
            omitted.add(&finding);
        }
    }
    FileReport {
        findings,
        omitted,
        documents: checked.len(),
        not_a_payload: false,
    }
}

/// The library's check of one document, a panic turned into one `internal` error, and the
/// "several documents" notice dropped (each document is checked in turn).
fn check_document(text: &[u8], options: &CheckOptions) -> Report {
    match catch_unwind(AssertUnwindSafe(|| document::check(text, options))) {
        Ok(mut report) => {
            let several = ParseIssue::MultipleDocuments {
                span_of_second: Span::default(),
            }
            .message();
            report.retain(|d| !(d.code == codes::YAML && d.message == several));
            report
        }
        Err(_) => {
            let mut report = Report::new();
            report.push_diagnostic(Diagnostic::new(
                "",
                INTERNAL,
                Severity::Error,
                "the checker failed on this input; please report it",
            ));
            report
        }
    }
}

/// One document of a file: its bytes `start..end`, the text it is checked on, and its parsed
/// tree when it parsed (YAML only; the suppression comments need it).
#[derive(Debug)]
pub struct Piece<'a> {
    /// Where the document starts (its `---`, or the start of the file).
    pub start: usize,
    /// Where the next one starts, or the end of the file.
    pub end: usize,
    /// The file with everything before `start` blanked.
    pub text: Cow<'a, [u8]>,
    /// The document's tree, when it parsed.
    pub root: Option<Node<'static>>,
}

impl Piece<'_> {
    /// Nothing but the `---` marker, blank lines and comments.
    fn is_blank(&self, file: &[u8]) -> bool {
        let region = file.get(self.start..self.end).unwrap_or_default();
        let region = region.strip_prefix(b"---").unwrap_or(region);
        region.split(|&b| b == b'\n').all(|line| {
            let line = line.trim_ascii();
            line.is_empty() || line.starts_with(b"#") || line == b"..."
        })
    }
}

/// Whether a YAML file must be parsed here, besides the library's check: it may hold several
/// documents (a line starting with `---` or `...` after the first line) or suppression comments.
/// A common single-document file without them is parsed once, by the check.
fn needs_tree(bytes: &[u8]) -> bool {
    let has = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    has(b"\n---") || has(b"\n...") || has(suppress::MARKER.as_bytes())
}

/// The documents of a YAML stream.
pub fn split_yaml<'a>(bytes: &'a [u8], options: &CheckOptions) -> Vec<Piece<'a>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    loop {
        let text = if start == 0 {
            Cow::Borrowed(bytes)
        } else {
            Cow::Owned(blank_before(bytes, start))
        };
        let (root, next) = match document::yaml::parse_yaml(&text, &options.limits) {
            Ok(Parsed { root, issues, .. }) => (
                Some(root),
                issues.iter().find_map(|issue| match issue {
                    ParseIssue::MultipleDocuments { span_of_second } => Some(span_of_second.start),
                    _ => None,
                }),
            ),
            Err(error) => (None, next_marker(bytes, error.offset)),
        };
        // Each document starts after the previous one: the loop ends.
        let next = next.filter(|&next| next > start && next < bytes.len());
        pieces.push(Piece {
            start,
            end: next.unwrap_or(bytes.len()),
            text,
            root,
        });
        match next {
            Some(next) => start = next,
            None => return pieces,
        }
    }
}

/// `bytes` with every byte before `start` but line breaks (and a leading byte order mark) made
/// a space: the same offsets, lines and columns, and no document before `start`.
fn blank_before(bytes: &[u8], start: usize) -> Vec<u8> {
    let keep = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    bytes
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if i < keep || i >= start || b == b'\n' || b == b'\r' {
                b
            } else {
                b' '
            }
        })
        .collect()
}

/// The start of the first line after `offset` that is a document marker (`---` alone or
/// followed by a space): where the next document starts when this one does not parse.
fn next_marker(bytes: &[u8], offset: usize) -> Option<usize> {
    let mut line_start = bytes.get(offset..)?.iter().position(|&b| b == b'\n')? + offset + 1;
    while line_start < bytes.len() {
        let rest = &bytes[line_start..];
        if rest.starts_with(b"---")
            && rest
                .get(3)
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        {
            return Some(line_start);
        }
        line_start += rest.iter().position(|&b| b == b'\n')? + 1;
    }
    None
}

/// The members that mark a container payload at its top level. `tag` comes last: it is too
/// common a word to mark the text of a document that did not parse.
const MARKER_MEMBERS: &[&str] = &["image_name", "registry_id", "healthchecks", "tag"];

/// What a `$schema` naming the container schemas holds.
const SCHEMA_NAMES: &[&str] = &["container-request", "container-response"];

/// Whether a document may be a container payload: its top level is an object with
/// `image_name`, `registry_id`, `healthchecks` or `tag`, or a `$schema` naming the container
/// schemas; or it did not parse and its text holds one of
/// [`MARKER_MEMBERS`] (but `tag`) or [`SCHEMA_NAMES`]. Its report decides most cases
/// without a second parse: a `type` error at the root is not an object, and a present
/// `image_name`, `tag` or `healthchecks` (required in both kinds) is not reported missing.
fn looks_like_payload(piece: &Piece<'_>, report: &Report, options: &CheckOptions) -> bool {
    let reported = |code: &str, pointer: &str| {
        report
            .diagnostics()
            .iter()
            .any(|d| d.code == code && d.pointer == pointer)
    };
    if reported(structural_codes::TYPE, "") {
        return false;
    }
    if report.diagnostics().iter().any(|d| d.code == codes::SYNTAX) {
        // A document that does not parse says nothing of its shape, but its text still names a
        // payload's members or schema; a JSONC `tsconfig.json` or a template names none.
        return MARKER_MEMBERS[..MARKER_MEMBERS.len() - 1]
            .iter()
            .chain(SCHEMA_NAMES)
            .any(|word| piece.text.windows(word.len()).any(|w| w == word.as_bytes()));
    }
    if !["/image_name", "/tag", "/healthchecks"]
        .iter()
        .all(|pointer| reported(structural_codes::REQUIRED, pointer))
    {
        return true;
    }
    let parsed;
    let root = match &piece.root {
        Some(root) => root,
        None => {
            let reparsed = match options.syntax {
                Syntax::Yaml => document::yaml::parse_yaml(&piece.text, &options.limits),
                _ => document::json::parse_json(&piece.text, &options.limits),
            };
            match reparsed {
                Ok(p) => {
                    parsed = p;
                    &parsed.root
                }
                Err(_) => return true,
            }
        }
    };
    let Value::Object(members) = &root.value else {
        return false;
    };
    members.iter().any(|member| match &*member.key {
        key if MARKER_MEMBERS.contains(&key) => true,
        "$schema" => member
            .value
            .value
            .as_str()
            .is_some_and(|schema| SCHEMA_NAMES.iter().any(|name| schema.contains(name))),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::{blank_before, next_marker};

    #[test]
    fn blanking_keeps_offsets_and_lines() {
        assert_eq!(blank_before(b"a: 1\n---\nb: 2\n", 5), b"    \n---\nb: 2\n");
        assert_eq!(blank_before("é\n---".as_bytes(), 3), b"  \n---");
    }

    #[test]
    fn markers_are_found_at_line_starts() {
        let text = b"a: [\n--- x\n---\nb: 1\n";
        assert_eq!(next_marker(text, 0), Some(5));
        assert_eq!(next_marker(text, 6), Some(11));
        assert_eq!(next_marker(b"a\n--x\n", 0), None);
    }
}
