//! The command line, declared with clap.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use crate::settings::{Color as ColorArg, Format as FormatArg, Kind as KindArg};

/// Lint Qovery container payloads (JSON and YAML) offline: every problem, with its JSON Pointer,
/// line and column.
#[derive(Debug, Parser)]
#[command(name = "qovery-lint", version, propagate_version = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check payload files, directories (searched recursively for .json, .yaml and .yml) or `-`
    /// for standard input.
    ///
    /// Exit status: 0 when no file has an error, 1 when some file has errors, 2 for usage or
    /// configuration errors and for paths that do not exist or cannot be read.
    Check(CheckArgs),
    /// List every rule of the catalogue.
    Rules(RulesArgs),
    /// Explain one rule: what it checks, where, and a failing and a passing example.
    Explain(ExplainArgs),
    /// Print a JSON Schema of the payloads, or write all of them to a directory.
    Schema(SchemaArgs),
    /// Run the language server (LSP 3.17 over standard input and output), for editors.
    Lsp,
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, directories, or `-` for standard input.
    #[arg(value_name = "PATH", required_unless_present = "show_config")]
    pub paths: Vec<PathBuf>,

    /// The name standard input is reported under; its extension picks the syntax
    /// (`.yaml`/`.yml` is YAML, anything else JSON).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,

    /// Which payload the files hold. Without it, a file named `*.response.json`,
    /// `*.response.yaml` or `*.response.yml` is a response and any other file a request.
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// The registry kind for the `image_name` rules (ECR, DOCKER_HUB, GITHUB_CR...), for every
    /// payload whose `registry_id` is not mapped in the configuration file.
    #[arg(long, value_name = "KIND")]
    pub registry_kind: Option<String>,

    /// The configuration file (default: `.qovery-lint.toml` in the current directory or the
    /// nearest parent that has one).
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore any configuration file.
    #[arg(long)]
    pub no_config: bool,

    /// Print the effective configuration (the file found, the settings, the rule levels that
    /// differ from the defaults) and exit.
    #[arg(long)]
    pub show_config: bool,

    /// Unknown members are errors instead of warnings.
    #[arg(long, overrides_with = "no_strict")]
    pub strict: bool,

    /// Unknown members are warnings, whatever the configuration file says.
    #[arg(long, overrides_with = "strict")]
    pub no_strict: bool,

    /// Warnings make a file invalid (exit status 1).
    #[arg(long, overrides_with = "no_deny_warnings")]
    pub deny_warnings: bool,

    /// Warnings leave a file valid, whatever the configuration file says.
    #[arg(long, overrides_with = "deny_warnings")]
    pub no_deny_warnings: bool,

    /// Turn the rule CODE off (repeatable; for one code the last of --allow, --warn and
    /// --deny wins, and the command line wins over the configuration file).
    #[arg(long, value_name = "CODE")]
    pub allow: Vec<String>,

    /// Report the rule CODE as a warning (repeatable).
    #[arg(long, value_name = "CODE")]
    pub warn: Vec<String>,

    /// Report the rule CODE as an error (repeatable).
    #[arg(long, value_name = "CODE")]
    pub deny: Vec<String>,

    /// Output format.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,

    /// When to color the text output (`NO_COLOR` is honoured by `auto`).
    #[arg(long, value_enum)]
    pub color: Option<ColorArg>,

    /// Number of files checked in parallel (default: the number of CPUs; files named on the
    /// command line get one thread for each 32).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Print only the problems (no summary when every file is valid).
    #[arg(short, long)]
    pub quiet: bool,

    /// Also list the files skipped as not container payloads.
    #[arg(short, long)]
    pub verbose: bool,

    /// Diagnostics listed per file (default 200, 0 for no limit); the rest are counted.
    #[arg(long, value_name = "N")]
    pub max_diagnostics: Option<usize>,

    /// Largest file accepted, in bytes; a larger file gets one `limit` error and is not checked.
    #[arg(long, value_name = "BYTES")]
    pub max_bytes: Option<usize>,

    /// Apply the safe fixes in place, round after round, then report what remains. With `-`,
    /// the fixed document goes to standard output and the report to standard error.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,

    /// With `--fix` or `--diff`: also apply the unsafe fixes (which may change what the payload
    /// means: a misspelt member renamed, the earlier of two duplicate keys removed).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// With `--fix`: exit with status 1 when a file was changed, even if nothing is left to report
    /// (pre-commit's convention for a fixer; ruff's flag of the same name).
    #[arg(long, requires = "fix")]
    pub exit_non_zero_on_fix: bool,

    /// Write nothing; print the unified diff of what `--fix` would change. Exit status 1 when
    /// there is something to fix.
    #[arg(long)]
    pub diff: bool,
}

/// Options of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
    pub format: RulesFormat,
}

/// Options of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The code of the rule (as printed in brackets, e.g. `error[required]`).
    #[arg(value_name = "CODE")]
    pub code: String,
}

/// Options of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Which payload (default: request; with `--out`, both unless given).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,

    /// The dialect (default: 2020-12; with `--out`, all three unless given). `openapi3` gives
    /// OpenAPI 3.0 components; with `--out` it is `openapi-components.json`, which holds both
    /// payloads.
    #[arg(long, value_enum)]
    pub draft: Option<DraftArg>,

    /// Write the schemas to this directory (created if needed) instead of printing one: without
    /// `--kind` and `--draft`, every file of the committed `schemas/` directory.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `--format` of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// One line per rule.
    Text,
    /// A Markdown table.
    Markdown,
    /// A JSON array.
    Json,
}

/// `--draft`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftArg {
    /// JSON Schema 2020-12.
    #[value(name = "2020-12")]
    Draft2020_12,
    /// JSON Schema draft-07 (the best supported by editors).
    #[value(name = "07", alias = "draft-07")]
    Draft07,
    /// OpenAPI 3.0 components (`components.schemas`).
    #[value(name = "openapi3", alias = "openapi-3.0")]
    OpenApi3,
}

impl DraftArg {
    /// The library's dialect.
    pub const fn draft(self) -> qovery_model::schema::Draft {
        match self {
            DraftArg::Draft2020_12 => qovery_model::schema::Draft::Draft2020_12,
            DraftArg::Draft07 => qovery_model::schema::Draft::Draft07,
            DraftArg::OpenApi3 => qovery_model::schema::Draft::OpenApi3,
        }
    }
}
