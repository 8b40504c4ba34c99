//! `.qovery-lint.toml`: registry ids mapped to kinds, and defaults for the options of `check`.
//!
//! ```toml
//! # Every key is optional; a command-line option wins over the file.
//! kind = "request"              # request | response (default: by file name)
//! registry_kind = "DOCKER_HUB"  # kind of any registry not listed below
//! strict = false
//! deny_warnings = false
//! format = "text"               # text | json | github | sarif
//! color = "auto"                # auto | always | never
//! jobs = 4
//! max_bytes = 1048576
//!
//! [registries]
//! "3c90c3cc-0d44-4b50-8888-8dd25736052a" = "GITHUB_CR"
//! ```
//!
//! An unknown key, a value of the wrong type and an unknown registry kind are configuration
//! errors (exit status 2), reported with the file, line and column.

use super::args::{CheckArgs, ColorArg, FormatArg, KindArg};
use qovery_model::document::{DEFAULT_MAX_BYTES, DocumentKind};
use qovery_model::model::RegistryKind;
use qovery_model::validate::Context;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The name of the configuration file looked for.
pub const FILE_NAME: &str = ".qovery-lint.toml";

/// A configuration file larger than this is refused (a real one is a few hundred bytes).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    kind: Option<Spanned<String>>,
    registry_kind: Option<Spanned<String>>,
    strict: Option<bool>,
    deny_warnings: Option<bool>,
    format: Option<Spanned<String>>,
    color: Option<Spanned<String>>,
    jobs: Option<usize>,
    max_bytes: Option<usize>,
    #[serde(default)]
    registries: BTreeMap<String, Spanned<String>>,
}

/// A configuration or usage problem: exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration file, when the problem is in one.
    pub file: Option<PathBuf>,
    /// 1-based line and column in that file.
    pub position: Option<(usize, usize)>,
    /// What is wrong.
    pub message: String,
}

impl ConfigError {
    /// A problem with the command line itself.
    pub fn usage(message: impl Into<String>) -> Self {
        ConfigError {
            file: None,
            position: None,
            message: message.into(),
        }
    }

    fn in_file(file: &Path, source: &str, span: Option<Range<usize>>, message: String) -> Self {
        ConfigError {
            file: Some(file.to_path_buf()),
            position: span.map(|s| line_column(source, s.start)),
            message,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.position) {
            (Some(file), Some((line, column))) => {
                write!(f, "{}:{line}:{column}: {}", file.display(), self.message)
            }
            (Some(file), None) => write!(f, "{}: {}", file.display(), self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(source.len());
    let before = source.get(..offset).unwrap_or(source);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// Everything `check` needs, from the command line over the configuration file over defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Request or response for every file; `None`: by file name.
    pub kind: Option<DocumentKind>,
    /// Registry kinds for the `image_name` rules.
    pub context: Context,
    /// Unknown members are errors.
    pub strict: bool,
    /// Warnings make a file invalid.
    pub deny_warnings: bool,
    /// Output format.
    pub format: FormatArg,
    /// Color choice.
    pub color: ColorArg,
    /// Worker threads.
    pub jobs: usize,
    /// Only problems.
    pub quiet: bool,
    /// Largest file accepted.
    pub max_bytes: usize,
    /// Name of standard input in the output.
    pub stdin_filename: Option<String>,
}

/// Finds `.qovery-lint.toml` in `start` or the nearest parent that has one.
pub fn find_upward(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// Resolves the settings of `check`: reads the configuration file (given, or found upward from
/// the current directory) unless `--no-config`, then applies the command line over it.
pub fn resolve(args: &CheckArgs) -> Result<Settings, ConfigError> {
    let config_file = if args.no_config {
        None
    } else if let Some(path) = &args.config {
        Some(path.clone())
    } else {
        std::env::current_dir()
            .ok()
            .and_then(|dir| find_upward(&dir))
    };
    let (file, context) = match &config_file {
        Some(path) => load(path)?,
        None => (File::default(), Context::new()),
    };
    settings(args, file, context)
}

/// Reads and validates one configuration file.
fn load(path: &Path) -> Result<(File, Context), ConfigError> {
    let source = read_text(path)?;
    let file: File = toml::from_str(&source).map_err(|error| {
        ConfigError::in_file(
            path,
            &source,
            error.span(),
            error.message().trim().to_owned(),
        )
    })?;

    let mut context = Context::new();
    if let Some(kind) = &file.registry_kind {
        context = context.with_registry_kind(registry_kind(kind, path, &source)?);
    }
    for (id, kind) in &file.registries {
        context = context.with_registry(id.clone(), registry_kind(kind, path, &source)?);
    }
    for (value, allowed) in [
        (&file.kind, &["request", "response"][..]),
        (&file.format, &["text", "json", "github", "sarif"][..]),
        (&file.color, &["auto", "always", "never"][..]),
    ] {
        if let Some(value) = value
            && !allowed.contains(&value.get_ref().as_str())
        {
            return Err(ConfigError::in_file(
                path,
                &source,
                Some(value.span()),
                format!(
                    "invalid value `{}`; expected one of: {}",
                    value.get_ref(),
                    allowed.join(", ")
                ),
            ));
        }
    }
    Ok((file, context))
}

fn read_text(path: &Path) -> Result<String, ConfigError> {
    let fail = |message: String| ConfigError {
        file: Some(path.to_path_buf()),
        position: None,
        message,
    };
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read: {e}")))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(fail(format!(
            "the file is larger than {MAX_CONFIG_BYTES} bytes"
        )));
    }
    String::from_utf8(bytes).map_err(|_| fail("the file is not valid UTF-8".to_owned()))
}

fn registry_kind(
    kind: &Spanned<String>,
    path: &Path,
    source: &str,
) -> Result<RegistryKind, ConfigError> {
    parse_registry_kind(kind.get_ref())
        .map_err(|message| ConfigError::in_file(path, source, Some(kind.span()), message))
}

/// A known registry kind, or a message listing the known ones.
pub fn parse_registry_kind(value: &str) -> Result<RegistryKind, String> {
    let kind = RegistryKind::from_wire(value);
    if kind.is_known() {
        Ok(kind)
    } else {
        Err(format!(
            "unknown registry kind `{value}`; expected one of: {}",
            RegistryKind::KNOWN.join(", ")
        ))
    }
}

fn settings(args: &CheckArgs, file: File, mut context: Context) -> Result<Settings, ConfigError> {
    if let Some(kind) = &args.registry_kind {
        context = context.with_registry_kind(
            parse_registry_kind(kind)
                .map_err(|m| ConfigError::usage(format!("--registry-kind: {m}")))?,
        );
    }
    let kind = args.kind.map(KindArg::document_kind).or_else(|| {
        file.kind.as_ref().map(|k| match k.get_ref().as_str() {
            "response" => DocumentKind::Response,
            _ => DocumentKind::Request,
        })
    });
    let format =
        args.format.unwrap_or_else(
            || match file.format.as_ref().map(|f| f.get_ref().as_str()) {
                Some("json") => FormatArg::Json,
                Some("github") => FormatArg::Github,
                Some("sarif") => FormatArg::Sarif,
                _ => FormatArg::Text,
            },
        );
    let color =
        args.color
            .unwrap_or_else(|| match file.color.as_ref().map(|c| c.get_ref().as_str()) {
                Some("always") => ColorArg::Always,
                Some("never") => ColorArg::Never,
                _ => ColorArg::Auto,
            });
    let jobs = match args.jobs.or(file.jobs) {
        Some(0) | None => std::thread::available_parallelism().map_or(1, usize::from),
        Some(n) => n,
    };
    let max_bytes = args
        .max_bytes
        .or(file.max_bytes)
        .unwrap_or(DEFAULT_MAX_BYTES);
    Ok(Settings {
        kind,
        context,
        strict: args.strict || file.strict.unwrap_or(false),
        deny_warnings: args.deny_warnings || file.deny_warnings.unwrap_or(false),
        format,
        color,
        jobs,
        quiet: args.quiet,
        max_bytes,
        stdin_filename: args.stdin_filename.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::line_column;

    #[test]
    fn line_and_column_are_one_based() {
        assert_eq!(line_column("a = 1\nbé = 2\n", 0), (1, 1));
        assert_eq!(line_column("a = 1\nbé = 2\n", 6), (2, 1));
        assert_eq!(line_column("a = 1\nbé = 2\n", 9), (2, 3));
        assert_eq!(line_column("", 10), (1, 1));
    }
}
