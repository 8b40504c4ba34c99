//! The configuration: `.qovery-lint.toml` and the command line, resolved into one typed
//! [`Settings`] that every front end (`check`, `--fix`, `lsp`) reads.
//!
//! The file deserialises straight into the same typed enums as the flags ([`Format`], [`Color`],
//! [`Kind`], [`Level`]); an unknown key, a value of the wrong type, an unknown rule code or an
//! unknown registry kind is a [`ConfigError`] with the file, line and column (exit status 2).
//! `docs/configuration.md` documents every field.
//!
//! Rule levels resolve in this order, the last one that applies winning: the rule's default
//! severity, `[rules]`, each `[[overrides]]` entry whose `files` and `pointers` match, then the
//! command line's `--allow`/`--warn`/`--deny` in the order given (clippy's convention).

use crate::cli::catalogue;
use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use qovery_model::document::position::LineIndex;
use qovery_model::document::{DEFAULT_MAX_BYTES, DocumentKind, closest};
use qovery_model::model::{RegistryContext, RegistryKind};
use qovery_model::validate::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The name of the configuration file looked for.
pub const FILE_NAME: &str = ".qovery-lint.toml";

/// The default per-file limit of reported diagnostics ([`Settings::max_diagnostics`]).
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 200;

/// A configuration file larger than this is refused (a real one is a few hundred bytes).
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// The codes whose level cannot go below `error`: each says the file was not checked at all (it
/// cannot be read, is not JSON or YAML, is over a limit, or the checker failed), so silencing it
/// would let a file nobody checked pass. RULES.md says the same.
pub const FIXED_AT_ERROR: &[&str] = &["io", "syntax", "limit", "internal"];

/// The code of a suppression comment that silences nothing (ruff's RUF100).
pub const UNUSED_SUPPRESSION: &str = "unused_suppression";

/// Which payload the files hold (`--kind`, `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A `ContainerRequest`, the body of create and edit.
    Request,
    /// A `ContainerResponse`.
    Response,
}

impl Kind {
    /// The library's schema document.
    pub const fn schema_document(self) -> qovery_model::schema::Document {
        match self {
            Kind::Request => qovery_model::schema::Document::Request,
            Kind::Response => qovery_model::schema::Document::Response,
        }
    }

    /// The library's kind.
    pub const fn document_kind(self) -> DocumentKind {
        match self {
            Kind::Request => DocumentKind::Request,
            Kind::Response => DocumentKind::Response,
        }
    }
}

/// The output format of `check` (`--format`, `format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// rustc-like diagnostics and a summary.
    Text,
    /// The versioned JSON report (`"version": 1`).
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0 (GitHub code scanning and other SARIF viewers).
    Sarif,
}

/// When to color the text output (`--color`, `color`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Color {
    /// Color when standard output is a terminal and `NO_COLOR` is unset or empty.
    Auto,
    /// Always color.
    Always,
    /// Never color.
    Never,
}

/// The level of a rule: silenced, a warning, or an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Not reported at all.
    Off,
    /// Reported as a warning (a file is still valid unless `deny_warnings`).
    Warn,
    /// Reported as an error (the file is invalid).
    Error,
}

impl Level {
    /// `off`, `warn` or `error`, as written in the file.
    pub const fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Warn => "warn",
            Level::Error => "error",
        }
    }

    /// The severity a reported diagnostic gets (`None`: not reported).
    pub const fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Warn => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Levels by code, every code a known one.
pub type RuleLevels = BTreeMap<&'static str, Level>;

/// A set of globs matched against a path relative to [`Settings::root`]: a glob without `/`
/// matches the file name at any depth (`*.response.json`), one with `/` the whole relative path
/// (`payloads/**/*.json`; `*` does not cross a `/`, `**` does).
#[derive(Debug, Clone)]
pub struct Globs {
    /// The globs as written.
    pub patterns: Vec<String>,
    names: GlobSet,
    paths: GlobSet,
}

impl Globs {
    /// Compiles `patterns`; the error names the pattern that is not a glob.
    pub fn new(patterns: &[String]) -> Result<Globs, (usize, String)> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for (index, pattern) in patterns.iter().enumerate() {
            let trimmed = pattern.trim_start_matches("./");
            let glob: Glob = GlobBuilder::new(trimmed)
                .literal_separator(true)
                .build()
                .map_err(|e| (index, format!("invalid glob `{pattern}`: {}", e.kind())))?;
            if trimmed.contains('/') {
                paths.add(glob);
            } else {
                names.add(glob);
            }
        }
        let build = |builder: GlobSetBuilder| {
            builder
                .build()
                .map_err(|e| (0, format!("invalid globs: {e}")))
        };
        Ok(Globs {
            patterns: patterns.to_vec(),
            names: build(names)?,
            paths: build(paths)?,
        })
    }

    /// Whether `relative` (a path relative to the root) matches one of the globs.
    pub fn is_match(&self, relative: &Path) -> bool {
        relative
            .file_name()
            .is_some_and(|name| self.names.is_match(name))
            || self.paths.is_match(relative)
    }
}

/// A JSON Pointer with `*` for any one segment (`/ports/*/external_port`); it matches a pointer
/// equal to it or inside what it points to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PointerPattern {
    /// As written.
    pub pattern: String,
    segments: Vec<String>,
}

impl PointerPattern {
    /// Parses a pattern: empty (the whole document) or `/`-separated segments.
    pub fn new(pattern: &str) -> Result<PointerPattern, String> {
        if !pattern.is_empty() && !pattern.starts_with('/') {
            return Err(format!(
                "invalid JSON Pointer `{pattern}`: it must be empty or start with `/`"
            ));
        }
        Ok(PointerPattern {
            pattern: pattern.to_owned(),
            segments: segments(pattern).map(str::to_owned).collect(),
        })
    }

    /// Whether `pointer` is what the pattern points to, or inside it.
    pub fn matches(&self, pointer: &str) -> bool {
        let mut actual = segments(pointer);
        self.segments.iter().all(|expected| {
            actual
                .next()
                .is_some_and(|s| expected == "*" || expected == s)
        })
    }
}

/// The segments of a pointer, still escaped (`~0`, `~1`): two pointers compare segment by
/// segment either way.
fn segments(pointer: &str) -> impl Iterator<Item = &str> {
    pointer.split('/').skip(1)
}

/// One `[[overrides]]` entry.
#[derive(Debug, Clone)]
pub struct Override {
    /// The files it applies to (`None`: every file).
    pub files: Option<Globs>,
    /// The parts of a document it applies to (empty: the whole document).
    pub pointers: Vec<PointerPattern>,
    /// Its levels.
    pub rules: RuleLevels,
}

impl Override {
    fn applies(&self, relative: &Path, pointer: &str) -> bool {
        self.files.as_ref().is_none_or(|f| f.is_match(relative))
            && (self.pointers.is_empty() || self.pointers.iter().any(|p| p.matches(pointer)))
    }
}

/// Everything the engine and the front ends need, from the command line over the configuration
/// file over the defaults.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The configuration file read, if any.
    pub config_file: Option<PathBuf>,
    /// The directory globs are relative to: the configuration file's, else the current one.
    pub root: PathBuf,
    /// Request or response for every file; `None`: by file name.
    pub kind: Option<DocumentKind>,
    /// Registry kinds for the `image_name` rules.
    pub context: RegistryContext,
    /// Unknown members are errors.
    pub strict: bool,
    /// Warnings make a file invalid.
    pub deny_warnings: bool,
    /// Output format.
    pub format: Format,
    /// Color choice.
    pub color: Color,
    /// Worker threads.
    pub jobs: usize,
    /// Only problems.
    pub quiet: bool,
    /// List the files skipped as not container payloads.
    pub verbose: bool,
    /// Largest file accepted.
    pub max_bytes: usize,
    /// Diagnostics reported per file; the rest are counted.
    pub max_diagnostics: usize,
    /// Name of standard input in the output.
    pub stdin_filename: Option<String>,
    /// Files a directory walk checks (`None`: `.json`, `.yaml`, `.yml` that look like payloads).
    pub include: Option<Globs>,
    /// Files a directory walk never checks.
    pub exclude: Option<Globs>,
    /// `[rules]`.
    pub rules: RuleLevels,
    /// `[[overrides]]`, in file order.
    pub overrides: Vec<Override>,
    /// `--allow`/`--warn`/`--deny`, the last one for a code kept.
    pub command_line: RuleLevels,
    /// The current directory when the settings were made: relative paths are relative to it.
    pub current_dir: PathBuf,
}

impl Default for Settings {
    fn default() -> Self {
        let current_dir = std::env::current_dir().unwrap_or_default();
        Settings {
            config_file: None,
            root: current_dir.clone(),
            kind: None,
            context: RegistryContext::new(),
            strict: false,
            deny_warnings: false,
            format: Format::Text,
            color: Color::Auto,
            jobs: default_jobs(),
            quiet: false,
            verbose: false,
            max_bytes: DEFAULT_MAX_BYTES,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            stdin_filename: None,
            include: None,
            exclude: None,
            rules: RuleLevels::new(),
            overrides: Vec::new(),
            command_line: RuleLevels::new(),
            current_dir,
        }
    }
}

fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

impl Settings {
    /// The settings of `path` (a `.qovery-lint.toml`) over the defaults.
    pub fn from_file(path: &Path) -> Result<Settings, ConfigError> {
        let mut settings = Settings::default();
        settings.apply_file(path)?;
        Ok(settings)
    }

    /// The settings of the configuration found in `start` or its nearest parent that has one,
    /// or the defaults.
    pub fn discover(start: &Path) -> Result<Settings, ConfigError> {
        match find_upward(start) {
            Some(path) => Settings::from_file(&path),
            None => Ok(Settings::default()),
        }
    }

    /// The level of `code` at `pointer` in the file `path` (as found or named), or `None` when
    /// nothing configures it (the diagnostic keeps its severity).
    pub fn level(&self, code: &str, path: &Path, pointer: &str) -> Option<Level> {
        if let Some(level) = self.command_line.get(code) {
            return Some(*level);
        }
        // The path is made relative only when an override names the code.
        let mut relative = None;
        self.overrides
            .iter()
            .rev()
            .filter(|o| o.rules.contains_key(code))
            .find(|o| o.applies(relative.get_or_insert_with(|| self.relative(path)), pointer))
            .and_then(|o| o.rules.get(code).copied())
            .or_else(|| self.rules.get(code).copied())
    }

    /// `path` relative to [`Settings::root`] when it is inside it, else as given.
    pub fn relative(&self, path: &Path) -> PathBuf {
        // Most paths are relative to the current directory, most often the root itself.
        if path.is_relative() && self.root == self.current_dir {
            return path
                .components()
                .filter(|c| !matches!(c, std::path::Component::CurDir))
                .collect();
        }
        let absolute;
        let path = if path.is_absolute() {
            path
        } else {
            absolute = self.current_dir.join(path);
            &absolute
        };
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        relative
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .collect()
    }

    /// Reads `path` and applies it over these settings.
    pub fn apply_file(&mut self, path: &Path) -> Result<(), ConfigError> {
        let source = read_text(path)?;
        let file: FileConfig = toml::from_str(&source).map_err(|error| {
            ConfigError::in_file(
                path,
                &source,
                error.span(),
                error.message().trim().to_owned(),
            )
        })?;
        let at = |span: Range<usize>, message: String| {
            ConfigError::in_file(path, &source, Some(span), message)
        };
        if let Some(kind) = &file.registry_kind {
            let kind = parse_registry_kind(kind.get_ref()).map_err(|m| at(kind.span(), m))?;
            self.context = self.context.clone().with_registry_kind(kind);
        }
        for (id, kind) in &file.registries {
            let kind = parse_registry_kind(kind.get_ref()).map_err(|m| at(kind.span(), m))?;
            self.context = self.context.clone().with_registry(id.clone(), kind);
        }
        let globs = |patterns: &[Spanned<String>]| -> Result<Globs, ConfigError> {
            let texts: Vec<String> = patterns.iter().map(|p| p.get_ref().clone()).collect();
            Globs::new(&texts).map_err(|(index, message)| {
                let span = patterns.get(index).map_or(0..0, Spanned::span);
                at(span, message)
            })
        };
        let levels = |table: &BTreeMap<Spanned<String>, Level>| -> Result<RuleLevels, ConfigError> {
            let mut levels = RuleLevels::new();
            for (code, level) in table {
                let known = known_code(code.get_ref()).map_err(|m| at(code.span(), m))?;
                check_floor(known, *level).map_err(|m| at(code.span(), m))?;
                levels.insert(known, *level);
            }
            Ok(levels)
        };
        self.rules = levels(&file.rules)?;
        self.overrides = Vec::with_capacity(file.overrides.len());
        for entry in &file.overrides {
            let files = match &entry.files {
                Some(files) => Some(globs(files)?),
                None => None,
            };
            let mut pointers = Vec::new();
            for pointer in &entry.pointers {
                pointers.push(
                    PointerPattern::new(pointer.get_ref()).map_err(|m| at(pointer.span(), m))?,
                );
            }
            self.overrides.push(Override {
                files,
                pointers,
                rules: levels(&entry.rules)?,
            });
        }
        if let Some(include) = &file.include {
            self.include = Some(globs(include)?);
        }
        if let Some(exclude) = &file.exclude {
            self.exclude = Some(globs(exclude)?);
        }
        self.kind = file.kind.map(Kind::document_kind).or(self.kind);
        self.strict = file.strict.unwrap_or(self.strict);
        self.deny_warnings = file.deny_warnings.unwrap_or(self.deny_warnings);
        self.format = file.format.unwrap_or(self.format);
        self.color = file.color.unwrap_or(self.color);
        if let Some(jobs) = file.jobs {
            self.jobs = if jobs == 0 { default_jobs() } else { jobs };
        }
        self.max_bytes = file.max_bytes.unwrap_or(self.max_bytes);
        self.max_diagnostics = file.max_diagnostics.unwrap_or(self.max_diagnostics);
        self.config_file = Some(path.to_path_buf());
        self.root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| self.current_dir.clone(), Path::to_path_buf);
        if self.root.is_relative() {
            self.root = self.current_dir.join(&self.root);
        }
        Ok(())
    }

    /// Sets the level of `code` from the command line (`flag` names the option in errors).
    pub fn set_level_from_flag(
        &mut self,
        flag: &str,
        code: &str,
        level: Level,
    ) -> Result<(), ConfigError> {
        let known = known_code(code).map_err(|m| ConfigError::usage(format!("{flag}: {m}")))?;
        check_floor(known, level).map_err(|m| ConfigError::usage(format!("{flag}: {m}")))?;
        self.command_line.insert(known, level);
        Ok(())
    }

    /// The effective configuration, for `check --show-config`: the file found, the settings,
    /// and the levels that differ from the defaults.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let mut line = |text: String| {
            out.push_str(&text);
            out.push('\n');
        };
        line(match &self.config_file {
            Some(path) => format!("configuration file: {}", path.display()),
            None => "configuration file: none".to_owned(),
        });
        line(format!("root: {}", self.root.display()));
        line(format!(
            "kind: {}",
            self.kind.map_or("by file name", DocumentKind::as_str)
        ));
        line(format!("strict: {}", self.strict));
        line(format!("deny_warnings: {}", self.deny_warnings));
        line(format!("max_bytes: {}", self.max_bytes));
        line(format!("max_diagnostics: {}", self.max_diagnostics));
        let globs = |globs: &Option<Globs>, none: &str| {
            globs
                .as_ref()
                .map_or_else(|| none.to_owned(), |g| g.patterns.join(", "))
        };
        line(format!(
            "include: {}",
            globs(
                &self.include,
                "*.json, *.yaml, *.yml that look like container payloads"
            )
        ));
        line(format!("exclude: {}", globs(&self.exclude, "none")));
        let levels = |levels: &RuleLevels| {
            levels
                .iter()
                .map(|(code, level)| format!("{code} = {level}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.rules.is_empty() && self.overrides.is_empty() && self.command_line.is_empty() {
            line("rule levels: the defaults (`qovery-lint rules`)".to_owned());
        }
        if !self.rules.is_empty() {
            line(format!("rules: {}", levels(&self.rules)));
        }
        for entry in &self.overrides {
            let files = globs(&entry.files, "every file");
            let pointers = if entry.pointers.is_empty() {
                String::new()
            } else {
                let list: Vec<&str> = entry.pointers.iter().map(|p| p.pattern.as_str()).collect();
                format!(" at {}", list.join(", "))
            };
            line(format!(
                "override for {files}{pointers}: {}",
                levels(&entry.rules)
            ));
        }
        if !self.command_line.is_empty() {
            line(format!("command line: {}", levels(&self.command_line)));
        }
        out
    }
}

/// Every code a level or a suppression can name: the catalogue's and [`UNUSED_SUPPRESSION`].
pub fn known_codes() -> Vec<&'static str> {
    catalogue::rules().iter().map(|r| r.code).collect()
}

/// `code` as the catalogue spells it, or a message suggesting the closest known code.
pub fn known_code(code: &str) -> Result<&'static str, String> {
    let codes = known_codes();
    if let Some(known) = codes.iter().find(|c| **c == code) {
        return Ok(known);
    }
    Err(match closest(code, codes.iter().copied()) {
        Some(close) => format!("unknown code `{code}`; did you mean `{close}`?"),
        None => format!("unknown code `{code}` (`qovery-lint rules` lists them)"),
    })
}

fn check_floor(code: &'static str, level: Level) -> Result<(), String> {
    if level < Level::Error && FIXED_AT_ERROR.contains(&code) {
        return Err(format!(
            "`{code}` cannot be set to `{level}`: it means the file was not checked at all, so it \
             is always an error (see RULES.md)"
        ));
    }
    Ok(())
}

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    kind: Option<Kind>,
    registry_kind: Option<Spanned<String>>,
    strict: Option<bool>,
    deny_warnings: Option<bool>,
    format: Option<Format>,
    color: Option<Color>,
    jobs: Option<usize>,
    max_bytes: Option<usize>,
    max_diagnostics: Option<usize>,
    include: Option<Vec<Spanned<String>>>,
    exclude: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    registries: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    overrides: Vec<OverrideConfig>,
}

/// One `[[overrides]]` entry as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OverrideConfig {
    files: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pointers: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Level>,
}

/// A configuration or usage problem: exit status 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration file, when the problem is in one.
    pub file: Option<PathBuf>,
    /// 1-based line and column in that file.
    pub position: Option<(u32, u32)>,
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
            position: span.map(|s| {
                let p = LineIndex::new(source.as_bytes()).position(s.start);
                (p.line, p.column)
            }),
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

impl std::error::Error for ConfigError {}

/// Finds `.qovery-lint.toml` in `start` or the nearest parent that has one.
pub fn find_upward(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
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

#[cfg(test)]
mod tests {
    use super::{ConfigError, Globs, Level, PointerPattern, known_code};
    use std::path::Path;

    #[test]
    fn config_errors_are_placed_by_the_documents_line_index() {
        let at = |offset: usize, source: &str| {
            ConfigError::in_file(
                Path::new("c.toml"),
                source,
                Some(offset..offset),
                String::new(),
            )
            .position
        };
        assert_eq!(at(0, "a = 1\nbé = 2\n"), Some((1, 1)));
        assert_eq!(at(6, "a = 1\nbé = 2\n"), Some((2, 1)));
        assert_eq!(at(9, "a = 1\nbé = 2\n"), Some((2, 3)));
        assert_eq!(at(10, ""), Some((1, 1)));
    }

    #[test]
    fn pointer_patterns_match_one_segment_per_star_and_everything_inside() {
        let pattern =
            PointerPattern::new("/ports/*/external_port").unwrap_or_else(|e| panic!("{e}"));
        assert!(pattern.matches("/ports/0/external_port"));
        assert!(pattern.matches("/ports/12/external_port/x"));
        assert!(!pattern.matches("/ports/0/internal_port"));
        assert!(!pattern.matches("/ports/0"));
        assert!(!pattern.matches("/ports"));
        let root = PointerPattern::new("").unwrap_or_else(|e| panic!("{e}"));
        assert!(root.matches("") && root.matches("/name"));
        assert!(PointerPattern::new("ports").is_err());
    }

    #[test]
    fn globs_without_a_slash_match_the_file_name() {
        let globs = Globs::new(&["*.response.json".to_owned(), "payloads/*.yaml".to_owned()])
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert!(globs.is_match(Path::new("a/b/x.response.json")));
        assert!(globs.is_match(Path::new("payloads/x.yaml")));
        assert!(!globs.is_match(Path::new("payloads/deep/x.yaml")));
        assert!(!globs.is_match(Path::new("x.json")));
        assert_eq!(
            Globs::new(&["a/[".to_owned()]).map(|_| ()).map_err(|e| e.0),
            Err(0)
        );
    }

    #[test]
    fn unknown_codes_suggest_the_closest() {
        assert_eq!(known_code("range"), Ok("range"));
        assert_eq!(
            known_code("unknown_membr"),
            Err("unknown code `unknown_membr`; did you mean `unknown_member`?".to_owned())
        );
        assert_eq!(
            known_code("rnage"),
            Err("unknown code `rnage`; did you mean `range`?".to_owned())
        );
        assert_eq!(
            known_code("zzzzzzzzzz"),
            Err("unknown code `zzzzzzzzzz` (`qovery-lint rules` lists them)".to_owned())
        );
        assert!(Level::Off < Level::Warn && Level::Warn < Level::Error);
    }
}
