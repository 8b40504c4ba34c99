//! The validation core: the [`Validate`] trait, the lazy [`Path`], [`Diagnostic`]s collected in a
//! [`Report`], the [`Context`] some rules need, and rules as data ([`RuleInfo`]).
//!
//! Types implement [`Validate`] with `#[derive(Validate)]` (see [`qovery_model_derive`]); the
//! derive generates the checks and, with the `schema` feature, the JSON Schema keywords, from the
//! same `#[qovery(...)]` declarations.

mod context;
mod diagnostic;
pub mod format;
pub mod keyword;
pub mod path;
mod report;
mod rule;

pub use context::Context;
pub use diagnostic::{Diagnostic, Position, Severity};
pub use format::Format;
pub use keyword::{KnownValues, Length};
pub use path::Path;
pub use qovery_model_derive::Validate;
pub use report::Report;
pub use rule::{CatalogueEntry, Rule, RuleInfo, SchemaSupport, Source};

use crate::model::Nullable;

/// A value that can check itself and report every problem it has.
///
/// Implement it with `#[derive(Validate)]`. Validation never stops at the first problem, and
/// allocates nothing when the value is valid.
pub trait Validate {
    /// Checks `self`, found at `path`, and records every violation in `report`.
    fn validate_into(&self, ctx: &Context, path: &Path<'_>, report: &mut Report);

    /// Appends the rules this type checks to `out`, with pointer patterns under `prefix`.
    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>)
    where
        Self: Sized;

    /// Validates with an empty [`Context`] (rules that need a registry kind are skipped).
    fn validate(&self) -> Report {
        self.validate_with(&Context::new())
    }

    /// Validates with the facts in `ctx`.
    fn validate_with(&self, ctx: &Context) -> Report {
        let mut report = Report::new();
        self.validate_into(ctx, &Path::Root, &mut report);
        report
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_into(&self, ctx: &Context, path: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_into(ctx, path, report);
        }
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(prefix, out);
    }
}

impl<T: Validate> Validate for Nullable<T> {
    fn validate_into(&self, ctx: &Context, path: &Path<'_>, report: &mut Report) {
        if let Nullable::Value(value) = self {
            value.validate_into(ctx, path, report);
        }
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(prefix, out);
    }
}

impl<T: Validate> Validate for Box<T> {
    fn validate_into(&self, ctx: &Context, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(ctx, path, report);
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(prefix, out);
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_into(&self, ctx: &Context, path: &Path<'_>, report: &mut Report) {
        for (index, value) in self.iter().enumerate() {
            value.validate_into(ctx, &path.index(index), report);
        }
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(&format!("{prefix}/*"), out);
    }
}

/// Items the derive's generated code names. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use super::keyword::{
        compile, format, known, length, non_empty, not_blank, pattern, range,
    };
    pub use regex::Regex;
    pub use std::sync::LazyLock;

    /// Appends the entries of a rule list declared on `declared_on`, under `prefix`.
    pub fn push_rules(
        prefix: &str,
        declared_on: &'static str,
        rules: &'static [super::RuleInfo],
        out: &mut Vec<super::CatalogueEntry>,
    ) {
        for rule in rules {
            out.push(super::CatalogueEntry {
                pointer: format!("{prefix}{}", rule.pointer),
                rule,
                declared_on,
            });
        }
    }
}
