//! What to check and how: the payload kind, the syntax, the context and the limits, and the
//! codes of the document-level diagnostics.

use super::limits::Limits;
use crate::model::{DocumentKind, RegistryContext};

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
    pub context: RegistryContext,
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
            context: RegistryContext::new(),
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
    pub fn context(mut self, context: RegistryContext) -> Self {
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
