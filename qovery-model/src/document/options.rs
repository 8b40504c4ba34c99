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
        Syntax::of_extension(path).unwrap_or_default()
    }

    /// The syntax the file name's extension names, in any case: `.json` JSON, `.yaml` and
    /// `.yml` YAML; `None` for any other extension or none (`.json` alone is a name without
    /// one, as for [`Path::extension`](std::path::Path::extension)).
    pub fn of_extension(path: &std::path::Path) -> Option<Syntax> {
        // The bytes after the last separator and the last dot, rather than
        // `Path::extension`, which parses components from the end (about 400 instructions
        // a file of a directory walk).
        let bytes = path.as_os_str().as_encoded_bytes();
        let name = bytes
            .rsplit(|&b| std::path::is_separator(char::from(b)))
            .next()
            .unwrap_or(bytes);
        let extension = match name.iter().rposition(|&b| b == b'.') {
            Some(dot) if dot > 0 => name.get(dot + 1..)?,
            _ => return None,
        };
        [
            (&b"json"[..], Syntax::Json),
            (b"yaml", Syntax::Yaml),
            (b"yml", Syntax::Yaml),
        ]
        .into_iter()
        .find_map(|(known, syntax)| extension.eq_ignore_ascii_case(known).then_some(syntax))
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

#[cfg(test)]
mod tests {
    use super::Syntax;
    use std::path::Path;

    /// The extension is read as `Path::extension` reads it, on every name a walk can give.
    #[test]
    fn the_extension_names_the_syntax() {
        for (name, expected) in [
            ("a.json", Some(Syntax::Json)),
            ("dir/a.JSON", Some(Syntax::Json)),
            ("a.yaml", Some(Syntax::Yaml)),
            ("a.b/.c.Yml", Some(Syntax::Yaml)),
            (".json", None),
            ("a.json/b", None),
            ("a.", None),
            ("json", None),
            ("a.toml", None),
        ] {
            assert_eq!(Syntax::of_extension(Path::new(name)), expected, "{name}");
            let by_std = Path::new(name).extension().and_then(|e| e.to_str());
            let known =
                by_std.is_some_and(|e| ["json", "yaml", "yml"].contains(&&*e.to_lowercase()));
            assert_eq!(expected.is_some(), known, "{name}");
            assert_eq!(
                Syntax::from_path(Path::new(name)),
                expected.unwrap_or(Syntax::Json)
            );
        }
    }
}
