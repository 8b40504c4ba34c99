//! The validation core: the [`Validate`] trait (with the [`Context`](Validate::Context) type its
//! rules read), the lazy [`Path`], [`Diagnostic`]s collected in a [`Report`], hand-written
//! [`Rule`]s, and rules as data ([`RuleInfo`]).
//!
//! This is the ground floor: it names no model type. What a model type's rules need to know
//! is the model's business (its `RegistryContext`), declared on each type with
//! `#[qovery(context = ...)]`.
//!
//! Types implement [`Validate`] with `#[derive(Validate)]`; the derive generates the checks and,
//! with the `schema` feature, the JSON Schema keywords, from the same `#[qovery(...)]`
//! declarations. Its documentation ([`derive@Validate`]) is the attribute reference.
//!
//! # Deriving `Validate`
//!
//! Every attribute key at work, on a type of your own (the same example as the derive's
//! reference, compiled here):
//!
//! ```
//! use qovery_model::model::{Nullable, PortProtocol, Probe, RegistryContext};
//! use qovery_model::validate::{
//!     Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, Validate,
//! };
//! use serde::{Deserialize, Serialize};
//!
//! /// A sidecar container.
//! #[derive(Debug, Serialize, Deserialize, Validate)]
//! #[serde(rename_all = "camelCase")]
//! #[qovery(rule = PortsDiffer)]
//! #[qovery(context = RegistryContext)] // it nests a model type (`probe`)
//! pub struct Sidecar {
//!     /// Name of the sidecar (a DNS label).
//!     #[qovery(not_blank, length(max = 63), pattern = "^[a-z][a-z0-9-]*$", source = kubernetes)]
//!     pub name: String,
//!
//!     /// Port the sidecar listens on.
//!     #[qovery(range(min = 1, max = 65535), example = 8080)]
//!     pub listen_port: i32,
//!
//!     /// Port of the metrics endpoint.
//!     #[serde(default, skip_serializing_if = "Option::is_none")]
//!     #[qovery(range(min = 1, max = 65535), default = 9090)]
//!     pub metrics_port: Option<i32>,
//!
//!     /// Command-line arguments.
//!     #[qovery(non_empty, each(not_blank, length(max = 256)))]
//!     pub args: Vec<String>,
//!
//!     /// Tag of the sidecar's image.
//!     #[qovery(custom = not_latest)]
//!     pub tag: String,
//!
//!     /// Icon of the sidecar.
//!     #[serde(default, skip_serializing_if = "Option::is_none")]
//!     #[qovery(format = "uri", severity = warning, code = "icon_uri", description = "`icon` is an absolute URI")]
//!     pub icon: Option<String>,
//!
//!     /// Protocol of the listening port.
//!     #[qovery(known)]
//!     pub protocol: PortProtocol,
//!
//!     /// Readiness probe: absent, `null` or a probe.
//!     #[serde(default, skip_serializing_if = "Nullable::is_absent")]
//!     #[qovery(nested)]
//!     pub probe: Nullable<Probe>,
//! }
//!
//! /// A function rule: an `Err` is a violation, with the code `not_latest`. It takes the
//! /// context of the type it is declared on.
//! fn not_latest(tag: &str, _ctx: &RegistryContext) -> Result<(), String> {
//!     if tag == "latest" {
//!         return Err("`latest` moves under a running service; pin a version".to_owned());
//!     }
//!     Ok(())
//! }
//!
//! /// The metrics port differs from the listening port.
//! pub const PORTS_DIFFER: RuleInfo = RuleInfo {
//!     code: "ports_differ",
//!     severity: Severity::Error,
//!     source: Source::Inferred,
//!     citation: "",
//!     pointer: "/metricsPort",
//!     description: "`metricsPort` differs from `listenPort`",
//!     schema: SchemaSupport::ValidatorOnly,
//! };
//!
//! pub struct PortsDiffer;
//!
//! /// It reads no context, so it is written for any.
//! impl<C: ?Sized> Rule<Sidecar, C> for PortsDiffer {
//!     const RULES: &'static [RuleInfo] = &[PORTS_DIFFER];
//!
//!     fn check(value: &Sidecar, _ctx: &C, path: &Path<'_>, report: &mut Report) {
//!         if value.metrics_port == Some(value.listen_port) {
//!             let message = format!("{} is also `listenPort`", value.listen_port);
//!             report.push(&PORTS_DIFFER, &path.field("metricsPort"), message);
//!         }
//!     }
//! }
//!
//! let sidecar = Sidecar {
//!     name: "Envoy".to_owned(),
//!     listen_port: 8080,
//!     metrics_port: Some(8080),
//!     args: vec![" ".to_owned()],
//!     tag: "latest".to_owned(),
//!     icon: Some("envoy.svg".to_owned()),
//!     protocol: PortProtocol::Unknown("QUIC".to_owned()),
//!     probe: Nullable::Null,
//! };
//! let report = sidecar.validate();
//! let found: Vec<(&str, &str)> =
//!     report.diagnostics().iter().map(|d| (d.pointer.as_str(), d.code)).collect();
//! assert_eq!(
//!     found,
//!     [
//!         ("/name", "pattern"),
//!         ("/args/0", "not_blank"),
//!         ("/tag", "not_latest"),
//!         ("/icon", "icon_uri"),
//!         ("/protocol", "enum"),
//!         ("/metricsPort", "ports_differ"),
//!     ]
//! );
//! assert_eq!(report.warnings().count(), 1);
//! ```

pub mod codes;
mod diagnostic;
pub mod fix;
pub mod format;
pub mod keyword;
pub mod path;
pub mod quote;
mod report;
mod rule;

pub use diagnostic::{Diagnostic, Position, Severity};
pub use fix::{Applicability, Change, Edit, Fix, Repair, Scalar};
pub use format::Format;
pub use keyword::{KnownValues, Length};
pub use path::Path;
pub use qovery_model_derive::Validate;
pub use report::Report;
pub use rule::{CatalogueEntry, Rule, RuleInfo, SchemaSupport, Source};

/// A value that can check itself and report every problem it has.
///
/// Implement it with `#[derive(Validate)]`. Validation never stops at the first problem, and
/// allocates nothing when the value is valid.
pub trait Validate {
    /// The facts outside the value that its rules read (garde's `type Context`): `()` for a
    /// value that needs none, declared with `#[qovery(context = Type)]` otherwise. A value
    /// validates its nested values with its own context, so they declare the same type.
    type Context: ?Sized;

    /// Checks `self`, found at `path`, and records every violation in `report`.
    fn validate_into(&self, ctx: &Self::Context, path: &Path<'_>, report: &mut Report);

    /// Appends the rules this type checks to `out`, with pointer patterns under `prefix`.
    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>)
    where
        Self: Sized;

    /// Validates with the default context (for the model types, one that knows no registry, so
    /// the registry-kind rules are skipped).
    fn validate(&self) -> Report
    where
        Self::Context: Default,
    {
        self.validate_with(&Self::Context::default())
    }

    /// Validates with the facts in `ctx`.
    fn validate_with(&self, ctx: &Self::Context) -> Report {
        let mut report = Report::new();
        self.validate_into(ctx, &Path::Root, &mut report);
        report
    }
}

impl<T: Validate> Validate for Option<T> {
    type Context = T::Context;

    fn validate_into(&self, ctx: &T::Context, path: &Path<'_>, report: &mut Report) {
        if let Some(value) = self {
            value.validate_into(ctx, path, report);
        }
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(prefix, out);
    }
}

impl<T: Validate> Validate for Box<T> {
    type Context = T::Context;

    fn validate_into(&self, ctx: &T::Context, path: &Path<'_>, report: &mut Report) {
        (**self).validate_into(ctx, path, report);
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(prefix, out);
    }
}

impl<T: Validate> Validate for Vec<T> {
    type Context = T::Context;

    fn validate_into(&self, ctx: &T::Context, path: &Path<'_>, report: &mut Report) {
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
    pub use super::keyword::compile;
    pub use regex::Regex;
    pub use std::sync::LazyLock;

    use super::keyword::{self, KnownValues, Length};
    use super::{Format, Path, Report, RuleInfo, Validate};
    use std::borrow::Borrow;
    use std::fmt::Display;

    /// Where a keyword check looks: the member `name` of the object at `parent`, or element
    /// `index` of that member. It becomes a [`Path`] only when a violation is recorded, so the
    /// valid path builds no path frame for keyword-only fields.
    #[derive(Clone, Copy)]
    pub struct At<'a> {
        parent: &'a Path<'a>,
        name: &'static str,
        index: Option<usize>,
    }

    impl<'a> At<'a> {
        /// The member `name` of the object at `parent`.
        #[inline]
        pub fn field(parent: &'a Path<'a>, name: &'static str) -> Self {
            At {
                parent,
                name,
                index: None,
            }
        }

        /// Element `index` of the member `name` of the object at `parent`.
        #[inline]
        pub fn item(parent: &'a Path<'a>, name: &'static str, index: usize) -> Self {
            At {
                parent,
                name,
                index: Some(index),
            }
        }
    }

    /// Builds the path of the `At` whose parts these are and hands it to `violated`: only when a
    /// check fails, so the valid path builds no path frame. The parts come as scalars: an
    /// aggregate argument would be stored on the stack before the check, on the valid path too.
    #[cold]
    #[inline(never)]
    fn record(
        parent: &Path<'_>,
        name: &'static str,
        index: Option<usize>,
        violated: &mut dyn FnMut(&Path<'_>),
    ) {
        let field = parent.field(name);
        match index {
            None => violated(&field),
            Some(index) => violated(&field.index(index)),
        }
    }

    /// [`keyword::range`] at a lazily built path.
    #[inline]
    pub fn range<N>(
        rule: &RuleInfo,
        value: N,
        min: Option<i64>,
        max: Option<i64>,
        at: At<'_>,
        report: &mut Report,
    ) where
        N: Copy + Into<i64> + Display,
    {
        if keyword::out_of_range(value.into(), min, max) {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::range_violated(rule, value, min, max, path, report)
            });
        }
    }

    /// [`keyword::length`] at a lazily built path.
    #[inline]
    pub fn length<L>(
        rule: &RuleInfo,
        value: &L,
        min: Option<usize>,
        max: Option<usize>,
        at: At<'_>,
        report: &mut Report,
    ) where
        L: Length + ?Sized,
    {
        if keyword::needs_count(value, min, max) {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::length_exact(rule, value, min, max, path, report)
            });
        }
    }

    /// [`keyword::pattern`] at a lazily built path.
    #[inline]
    pub fn pattern(rule: &RuleInfo, value: &str, regex: &Regex, at: At<'_>, report: &mut Report) {
        if !regex.is_match(value) {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::pattern_violated(rule, value, regex, path, report)
            });
        }
    }

    /// [`keyword::not_blank`] at a lazily built path.
    #[inline]
    pub fn not_blank(rule: &RuleInfo, value: &str, at: At<'_>, report: &mut Report) {
        if keyword::is_blank(value) {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::blank(rule, value, path, report)
            });
        }
    }

    /// [`keyword::non_empty`] at a lazily built path.
    #[inline]
    pub fn non_empty<L: Length + ?Sized>(
        rule: &RuleInfo,
        value: &L,
        at: At<'_>,
        report: &mut Report,
    ) {
        if keyword::is_empty(value) {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::empty::<L>(rule, path, report)
            });
        }
    }

    /// [`keyword::format`] at a lazily built path.
    #[inline]
    pub fn format(rule: &RuleInfo, value: &str, format: Format, at: At<'_>, report: &mut Report) {
        if !format.matches(value) {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::format_violated(rule, value, format, path, report)
            });
        }
    }

    /// [`keyword::known`] at a lazily built path.
    #[inline]
    pub fn known<E: KnownValues + ?Sized>(
        rule: &RuleInfo,
        value: &E,
        at: At<'_>,
        report: &mut Report,
    ) {
        if !value.is_known() {
            record(at.parent, at.name, at.index, &mut |path| {
                keyword::unknown(rule, value, path, report)
            });
        }
    }

    /// `custom = check` with a function: runs `check` on the value (borrowed as the type the
    /// function takes: `&str` for a `String`, `&[T]` for a `Vec<T>`, or the value's own type)
    /// and records its `Err` message as a violation of `rule`.
    #[inline]
    pub fn custom<V, T, C>(
        rule: &RuleInfo,
        check: fn(&T, &C) -> Result<(), String>,
        value: &V,
        ctx: &C,
        at: At<'_>,
        report: &mut Report,
    ) where
        V: Borrow<T> + ?Sized,
        T: ?Sized,
        C: ?Sized,
    {
        if let Err(mut message) = check(value.borrow(), ctx) {
            record(at.parent, at.name, at.index, &mut |path| {
                report.push(rule, path, std::mem::take(&mut message));
            });
        }
    }

    /// What `nested` calls: a value validated with the context of the type that nests it, `C`.
    /// Every `Validate` type implements it for its own `Context` and no other, so a nested type
    /// that declares another context is one error on `nested` that names both
    /// (`` type mismatch resolving `<Probe as Validate>::Context == ()` ``).
    pub trait NestedIn<C: ?Sized> {
        /// [`Validate::validate_into`] with the context of the type that nests `self`.
        fn validate_nested(&self, ctx: &C, path: &Path<'_>, report: &mut Report);
    }

    impl<T: Validate + ?Sized> NestedIn<T::Context> for T {
        #[inline]
        fn validate_nested(&self, ctx: &T::Context, path: &Path<'_>, report: &mut Report) {
            self.validate_into(ctx, path, report);
        }
    }

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
