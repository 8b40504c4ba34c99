//! The complete path: a position-preserving parse, the structural walk against the model's
//! shape, typed validation of the repaired value (kept only where it does not depend on a
//! placeholder), then every diagnostic located by its pointer and sorted in file order.

use super::check::Checked;
use super::fix::Fixer;
use super::kinds::Document;
use super::locate::{
    Spans, alias_nodes, drop_repeats, in_file_order, locate, span_of, through_alias,
};
use super::options::{CheckOptions, Syntax, codes};
use super::parse::{ParseIssue, Parsed, SyntaxError, SyntaxErrorKind};
use super::position::LineIndex;
use super::shape::{self, Found};
use super::tree::Span;
use crate::validate::{Diagnostic, Position, Report, Severity};
use std::collections::{HashMap, HashSet};

pub(super) fn complete_path<T: Document>(bytes: &[u8], options: &CheckOptions) -> Checked<T> {
    let lines = LineIndex::new(bytes);
    let mut report = Report::new();
    let parsed = match parse(bytes, options) {
        Ok(parsed) => parsed,
        Err(error) => {
            let mut diagnostic = syntax_diagnostic(&error, &lines);
            if options.syntax == Syntax::Json
                && error.kind != SyntaxErrorKind::Utf8
                && looks_like_yaml(bytes)
            {
                diagnostic = diagnostic.with_help(
                    "this looks like YAML: check it as YAML (`Syntax::Yaml`; the linter does for a `.yaml` or `.yml` file)",
                );
            }
            report.push_diagnostic(diagnostic);
            return Checked {
                value: None,
                report,
            };
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
    // The repaired value is the document's own value only when no repair changed its meaning:
    // no error of syntax (a YAML construct) or shape. An unknown member, a warning, is dropped
    // as serde drops it.
    let fits = located.iter().all(|(_, d)| !d.is_error())
        && walked
            .found
            .iter()
            .all(|found| !found.diagnostic.is_error());
    let mut document_value = None;
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
            if fits {
                document_value = Some(value);
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
    let mut fixer = Fixer::new(bytes, spans, options.syntax);
    Checked {
        value: document_value,
        report: in_file_order(report, located, &lines, &mut fixer),
    }
}

pub(super) fn parse<'a>(
    bytes: &'a [u8],
    options: &CheckOptions,
) -> Result<Parsed<'a>, SyntaxError> {
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

/// Whether a document that is not JSON reads as a YAML mapping or sequence: its first line
/// that is not blank, a comment or a `---` marker starts with `key:` or `- `.
fn looks_like_yaml(bytes: &[u8]) -> bool {
    // The first line that counts is near the start; a lossy copy of the rest would be waste.
    let text = String::from_utf8_lossy(bytes.get(..4096).unwrap_or(bytes));
    let Some(line) = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#') && *line != "---")
    else {
        return false;
    };
    if line.starts_with("- ") || line == "-" {
        return true;
    }
    line.split_once(':').is_some_and(|(key, rest)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
            && (rest.is_empty() || rest.starts_with(' '))
    })
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
