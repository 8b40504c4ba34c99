//! The collection of every problem found by one validation.

use super::diagnostic::{Diagnostic, Severity};
use super::fix::Repair;
use super::path::Path;
use super::rule::RuleInfo;

/// Every problem found in one value or document, in the order they were found.
///
/// Validation never stops at the first problem. An empty report does not allocate.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// An empty report.
    pub const fn new() -> Self {
        Report {
            diagnostics: Vec::new(),
        }
    }

    /// Records a violation of `rule` at `path`. The pointer is rendered only now.
    pub fn push(&mut self, rule: &RuleInfo, path: &Path<'_>, message: String) {
        self.diagnostics.push(Diagnostic::new(
            path.to_pointer(),
            rule.code,
            rule.severity,
            message,
        ));
    }

    /// Records a violation of `rule` at `path`, with a suggested fix.
    pub fn push_with_help(
        &mut self,
        rule: &RuleInfo,
        path: &Path<'_>,
        message: String,
        help: String,
    ) {
        self.diagnostics.push(
            Diagnostic::new(path.to_pointer(), rule.code, rule.severity, message).with_help(help),
        );
    }

    /// Records a violation of `rule` at `path`, with a suggested fix and what would repair it.
    pub fn push_with_repair(
        &mut self,
        rule: &RuleInfo,
        path: &Path<'_>,
        message: String,
        help: String,
        repair: Repair,
    ) {
        self.diagnostics.push(
            Diagnostic::new(path.to_pointer(), rule.code, rule.severity, message)
                .with_help(help)
                .with_repair(Some(repair)),
        );
    }

    /// Records a diagnostic built elsewhere.
    pub fn push_diagnostic(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// No error-severity diagnostic (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// No diagnostic at all.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// Number of diagnostics.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// All diagnostics, in the order they were found.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Mutable access, e.g. to attach positions.
    pub fn diagnostics_mut(&mut self) -> &mut [Diagnostic] {
        &mut self.diagnostics
    }

    /// The error-severity diagnostics.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.by_severity(Severity::Error)
    }

    /// The warning-severity diagnostics.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.by_severity(Severity::Warning)
    }

    fn by_severity(&self, severity: Severity) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(move |d| d.severity == severity)
    }

    /// Keeps only the diagnostics for which `keep` returns true.
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.diagnostics.retain(keep);
    }

    /// Takes the diagnostics out.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

impl IntoIterator for Report {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.into_iter()
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.iter()
    }
}

impl Extend<Diagnostic> for Report {
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, iter: I) {
        self.diagnostics.extend(iter);
    }
}
