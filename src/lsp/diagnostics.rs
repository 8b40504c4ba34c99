//! The checker's diagnostics as the protocol's: the same code, message and severity, the range
//! of the offending value or key (from the byte span), a link to the rule, and the second place
//! a rule involves.

use super::{Open, SOURCE, Syntax};
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};
use qovery_model::document::limits::Limits;
use qovery_model::document::parse::{ParseIssue, Parsed};
use qovery_model::document::structural_codes::DUPLICATE_KEY;
use qovery_model::rules;
use qovery_model::validate::{Diagnostic, Severity};
use std::ops::Range;
use std::str::FromStr;

/// The code of the rule whose diagnostic names the declared ports.
const PROBE_PORT_NOT_DECLARED: &str = "probe_port_not_declared";

/// Where a code is documented: its anchor in RULES.md (its row of the structural codes, or its
/// first row of the rules table). `None` for the linter's own codes (`io`, `internal`,
/// `unused_suppression`), which RULES.md does not list.
pub fn rule_link(code: &str) -> Option<Uri> {
    if !rules::documented_codes().contains(code) {
        return None;
    }
    Uri::from_str(&format!(
        "{}/blob/main/RULES.md#{}",
        env!("CARGO_PKG_REPOSITORY"),
        rules::anchor(code)
    ))
    .ok()
}

/// The byte range a diagnostic marks: its span, else its line and column (a diagnostic made
/// without a document has neither: the start of the document).
pub fn bytes_of(open: &Open, diagnostic: &Diagnostic) -> Range<usize> {
    if let Some(span) = &diagnostic.span {
        return span.clone();
    }
    match diagnostic.position {
        Some(position) => {
            let line = open
                .text
                .offset(lsp_types::Position::new(position.line.saturating_sub(1), 0));
            let column = open
                .text
                .as_str()
                .get(line..)
                .and_then(|rest| {
                    rest.char_indices()
                        .nth(position.column.saturating_sub(1) as usize)
                })
                .map_or(0, |(at, _)| at);
            (line + column)..(line + column)
        }
        None => 0..0,
    }
}

/// One diagnostic in the protocol's terms.
pub fn to_lsp_one(
    uri: &Uri,
    open: &Open,
    diagnostic: &Diagnostic,
    tree: Option<&Parsed>,
) -> lsp_types::Diagnostic {
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp_types::Diagnostic {
        range: open.text.range(bytes_of(open, diagnostic)),
        severity: Some(match diagnostic.severity {
            Severity::Warning => DiagnosticSeverity::WARNING,
            _ => DiagnosticSeverity::ERROR,
        }),
        code: Some(NumberOrString::String(diagnostic.code.to_owned())),
        code_description: rule_link(diagnostic.code).map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message,
        related_information: tree.and_then(|tree| related(uri, open, diagnostic, tree)),
        tags: None,
        data: None,
    }
}

/// Every diagnostic in the protocol's terms, in file order.
pub fn to_lsp(uri: &Uri, open: &Open, diagnostics: &[Diagnostic]) -> Vec<lsp_types::Diagnostic> {
    // The second places come from the tree, parsed only when a diagnostic has one.
    let needs_tree = diagnostics
        .iter()
        .any(|d| d.code == DUPLICATE_KEY || d.code == PROBE_PORT_NOT_DECLARED);
    let tree = needs_tree.then(|| parse(open)).flatten();
    diagnostics
        .iter()
        .map(|diagnostic| to_lsp_one(uri, open, diagnostic, tree.as_ref()))
        .collect()
}

fn parse(open: &Open) -> Option<Parsed<'_>> {
    let bytes = open.text.as_str().as_bytes();
    match open.syntax {
        Syntax::Yaml => qovery_model::document::yaml::parse_yaml(bytes, &Limits::DEFAULT).ok(),
        _ => qovery_model::document::json::parse_json(bytes, &Limits::DEFAULT).ok(),
    }
}

/// The other place a rule involves: a duplicate key's first occurrence; the ports a probe may
/// name.
fn related(
    uri: &Uri,
    open: &Open,
    diagnostic: &Diagnostic,
    tree: &Parsed,
) -> Option<Vec<DiagnosticRelatedInformation>> {
    let at = |bytes: Range<usize>, message: String| DiagnosticRelatedInformation {
        location: Location::new(uri.clone(), open.text.range(bytes)),
        message,
    };
    let span = diagnostic.span.as_ref()?;
    let related: Vec<DiagnosticRelatedInformation> = match diagnostic.code {
        DUPLICATE_KEY => tree
            .issues
            .iter()
            .filter_map(|issue| match issue {
                ParseIssue::DuplicateKey {
                    key,
                    first,
                    duplicate,
                } if duplicate.start == span.start => {
                    Some(at(first.range(), format!("first occurrence of `{key}`")))
                }
                _ => None,
            })
            .collect(),
        PROBE_PORT_NOT_DECLARED => tree
            .root
            .get("ports")
            .and_then(|ports| ports.value.as_array())
            .unwrap_or_default()
            .iter()
            .filter_map(|port| port.get("internal_port"))
            .map(|port| {
                let text = open
                    .text
                    .as_str()
                    .get(port.span.range())
                    .unwrap_or_default();
                at(port.span.range(), format!("declared internal port {text}"))
            })
            .collect(),
        _ => Vec::new(),
    };
    (!related.is_empty()).then_some(related)
}
