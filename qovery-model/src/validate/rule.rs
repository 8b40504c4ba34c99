//! Rules as data: what each check is, where it comes from, and whether JSON Schema can say it.

use super::diagnostic::Severity;
use super::path::Path;
use super::report::Report;
use std::fmt;

/// Where a rule comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A keyword of Qovery's official OpenAPI spec.
    Spec,
    /// The prose (a description) of Qovery's official OpenAPI spec.
    SpecProse,
    /// Kubernetes' API validation (a named function of `pkg/apis/core/validation`).
    Kubernetes,
    /// Qovery's engine: a template or function that cannot render or route the value.
    Engine,
    /// A container registry's own reference grammar (the Docker reference, a registry's
    /// repository naming).
    Registry,
    /// Qovery's Terraform provider.
    TerraformProvider,
    /// Qovery's web console.
    Console,
    /// Inferred from documentation and the registries' own naming rules.
    Inferred,
}

impl Source {
    /// The name used in RULES.md and the CLI (`spec`, `spec prose`, `kubernetes`...).
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Spec => "spec",
            Source::SpecProse => "spec prose",
            Source::Kubernetes => "kubernetes",
            Source::Engine => "engine",
            Source::Registry => "registry grammar",
            Source::TerraformProvider => "terraform provider",
            Source::Console => "console",
            Source::Inferred => "inferred",
        }
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the exported JSON Schema expresses a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SchemaSupport {
    /// The schema has a keyword (or construct) that rejects exactly what the validator rejects.
    Keyword,
    /// JSON Schema cannot say it; only the validator checks it.
    ValidatorOnly,
}

/// A rule's description, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// Stable snake_case code.
    pub code: &'static str,
    /// Severity of a violation.
    pub severity: Severity,
    /// Where the rule comes from.
    pub source: Source,
    /// The evidence, precisely: repository, commit, path and line, or the Kubernetes function
    /// (`validateProbe`), that was read to set this rule's level. Shown in RULES.md and by
    /// `qovery-lint explain`.
    pub citation: &'static str,
    /// Pointer pattern, relative to the value the rule is declared on (`""` for the value
    /// itself, `/ports/*/internal_port` for a member of an array element).
    pub pointer: &'static str,
    /// One line saying what the rule requires.
    pub description: &'static str,
    /// Whether the exported JSON Schema expresses it.
    pub schema: SchemaSupport,
}

/// A rule placed in the catalogue: its description and the absolute pointer pattern it reports at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueEntry {
    /// Absolute pointer pattern (`*` stands for any array index).
    pub pointer: String,
    /// The rule.
    pub rule: &'static RuleInfo,
    /// The Rust type the rule is declared on.
    pub declared_on: &'static str,
}

/// A hand-written check attached with `#[qovery(rule = ...)]` (on a type) or
/// `#[qovery(custom = ...)]` (on a field): for what the attribute keywords cannot say,
/// such as cross-field rules.
///
/// `T` is the value checked and `C` the [`Validate::Context`](super::Validate::Context) of the
/// type the rule is declared on (`()` by default). A rule that reads no context is written once
/// for every context, `impl<C: ?Sized> Rule<T, C> for MyRule`, and a rule that reads one names
/// it, `impl Rule<T, MyContext> for MyRule`. The context is a parameter of the trait rather
/// than an associated type so that one rule type can serve types of different contexts.
///
/// The implementor lists every rule it can report in [`Rule::RULES`], so the catalogue stays
/// complete by construction.
pub trait Rule<T: ?Sized, C: ?Sized = ()> {
    /// Every rule this check can report.
    const RULES: &'static [RuleInfo];

    /// Checks `value` (found at `path`) with the facts in `ctx`, and records violations in
    /// `report`.
    fn check(value: &T, ctx: &C, path: &Path<'_>, report: &mut Report);

    /// Adds the JSON Schema construct that expresses this rule, if there is one, to the schema
    /// object of the value it is declared on. The default adds nothing.
    fn schema(_schema: &mut serde_json::Map<String, serde_json::Value>) {}
}
