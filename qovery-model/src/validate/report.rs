//! The collection of every problem found by one validation.

use super::diagnostic::{Diagnostic, Severity};
use super::fix::Repair;
use super::path::Path;
use super::rule::RuleInfo;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::fmt;

/// Every problem found in one value or document, in the order they were found.
///
/// Validation never stops at the first problem. An empty report does not allocate.
///
/// A report is an error type: [`Report::into_result`] turns it into a `Result` for `?`, it
/// implements [`std::error::Error`] and [`Display`](fmt::Display) (every diagnostic, with its
/// position and help), and it serializes (for an HTTP response body) as
/// `{"valid": bool, "errors": n, "warnings": n, "diagnostics": [...]}`.
///
/// ```
/// use qovery_model::model::ContainerRequest;
/// use qovery_model::validate::{Report, Validate, codes};
///
/// fn build(tag: &str) -> Result<ContainerRequest, Report> {
///     let request = ContainerRequest::new(
///         "api",
///         "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
///         "acme/api",
///         tag,
///     );
///     request.validate().into_result()?;
///     Ok(request)
/// }
///
/// assert!(build("1.4.2").is_ok());
/// let report = build("1.4.2 beta").unwrap_err();
/// assert!(report.has_code(codes::DOCKER_TAG));
/// assert!(report.to_string().starts_with("error[docker_tag] /tag: "));
/// ```
///
/// In an HTTP handler, the report is the body of a 422 response:
///
/// ```
/// use qovery_model::model::ContainerRequest;
/// use qovery_model::validate::Validate;
///
/// /// `(status, JSON body)`, as a web framework's handler would return them.
/// fn create_container(body: &[u8]) -> (u16, String) {
///     let request: ContainerRequest = match serde_json::from_slice(body) {
///         Ok(request) => request,
///         Err(error) => return (400, serde_json::json!({ "error": error.to_string() }).to_string()),
///     };
///     match request.validate().into_result() {
///         Ok(_warnings) => (201, "{}".to_owned()),
///         Err(report) => (422, serde_json::to_string(&report).unwrap_or_default()),
///     }
/// }
///
/// let (status, body) = create_container(
///     br#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
///          "image_name": "acme/api", "tag": "1.4.2", "cpu": -1, "healthchecks": {}}"#,
/// );
/// assert_eq!(status, 422);
/// let body: serde_json::Value = serde_json::from_str(&body).unwrap();
/// assert_eq!(body["valid"], false);
/// assert_eq!(body["diagnostics"][0]["pointer"], "/cpu");
/// assert_eq!(body["diagnostics"][0]["code"], "range");
/// ```
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

    /// `Ok(self)` when the report is valid (it may still hold warnings), `Err(self)` when it
    /// holds an error: the form `?` takes.
    pub fn into_result(self) -> Result<Report, Report> {
        if self.is_valid() { Ok(self) } else { Err(self) }
    }

    /// Whether some diagnostic has `code` (compare with the constants of
    /// [`codes`](super::codes)).
    pub fn has_code(&self, code: &str) -> bool {
        self.diagnostics.iter().any(|d| d.code == code)
    }

    /// The diagnostics whose code is `code`, in order.
    pub fn with_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.code == code)
    }
}

/// One diagnostic per line, each preceded by its `line:column: ` when it has a position, and
/// followed by an indented `help: ` line when it has a help. An empty report displays as
/// nothing.
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            if let Some(at) = d.position {
                write!(f, "{}:{}: ", at.line, at.column)?;
            }
            write!(f, "{d}")?;
            if let Some(help) = &d.help {
                write!(f, "\n  help: {help}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for Report {}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut report = serializer.serialize_struct("Report", 4)?;
        report.serialize_field("valid", &self.is_valid())?;
        report.serialize_field("errors", &self.errors().count())?;
        report.serialize_field("warnings", &self.warnings().count())?;
        report.serialize_field("diagnostics", &self.diagnostics)?;
        report.end()
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
