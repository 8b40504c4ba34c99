//! `#[derive(Validate)]` for [`qovery-model`](https://docs.rs/qovery-model): the validator, the
//! rule catalogue and (with the `schema` feature) the JSON Schema keywords, all generated from one
//! set of `#[qovery(...)]` declarations, so they cannot drift apart.
//!
//! Use it through `qovery_model::validate::Validate`, which re-exports it next to the trait it
//! implements; the generated code names `::qovery_model`, so this crate is not useful alone. The
//! attribute reference is on the [`Validate`](derive@Validate) derive.
//!
//! # Features
//!
//! - `schema`: also emit a `schemars::JsonSchema` impl for the types marked `#[qovery(schema)]`
//!   (enabled by `qovery-model`'s own `schema` feature).
//!
//! # How it is built
//!
//! The macro is a small compiler with three phases, each in its own (private) module: `ast` and
//! `attr` parse the input into a typed model (serde's own view of wire names, and one typed
//! struct per attribute level, whose keys and enumerated values are declared once in `symbol`), `check` rejects what cannot work (a rule that does not apply to
//! the field's type, `min > max`, a bad regex, duplicates), and `expand` emits code. Every
//! mistake is reported in one compile, spanned on the offending tokens, next to a fallback impl
//! so no cascade of follow-on errors appears.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod bound;
mod check;
mod ctxt;
mod expand;
mod symbol;
mod ty;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `qovery_model::validate::Validate` (and, for a type marked `#[qovery(schema)]` with
/// the `schema` feature, `schemars::JsonSchema`) from `#[qovery(...)]` attributes.
///
/// Works on structs with named fields. Wire names come from serde (`rename`, `rename_all`,
/// `skip`), so every diagnostic's JSON Pointer and every schema property uses the name on the
/// wire, never the Rust field name. Validation collects every violation; a valid value is
/// checked without allocating.
///
/// # Where rules apply
///
/// A field rule applies to the field's *present* value: through `Option<T>` (when `Some`) and
/// `qovery_model::model::Nullable<T>` (when `Value`); an absent or `null` value is not checked
/// (whether a member must be present is serde's business, and the raw-document checker's
/// `required` diagnostic). Inside `each(...)`, rules apply to every element of a `Vec`, reported
/// at `/field/<index>`. `Box<T>` is looked through.
///
/// # Field keys
///
/// | key | applies to | checks | code | schema keyword (feature `schema`) |
/// |---|---|---|---|---|
/// | `range(min = a, max = b)` | integers | `a <= value <= b`; either bound may be left out; bounds are integer expressions (literals or constants) | `range` | `minimum` / `maximum` |
/// | `length(min = a, max = b)` | `String`, `Vec` | the length is within the bounds (inclusive): strings count Unicode scalar values (as JSON Schema does), Vecs count items | `length` | `minLength` / `maxLength` (strings), `minItems` / `maxItems` (arrays) |
/// | `non_empty` | `String`, `Vec` | at least one character or item | `length` | `minLength: 1` / `minItems: 1` |
/// | `not_blank` | `String` | at least one character that is not whitespace (what `str::trim` removes) | `not_blank` | `pattern: "\\S"`, plus an explicit character class in `allOf` (ECMA-262's `\s` and Rust's whitespace differ on U+0085) |
/// | `pattern = "regex"` | `String` | the regex matches somewhere in the value (JSON Schema's unanchored semantics: anchor with `^...$`); compiled once, at first use | `pattern` | `pattern` (a second pattern on the same value goes into `allOf`) |
/// | `format = "uuid"` / `"uri"` / `"date-time"` | `String` | RFC 9562 UUID / RFC 3986 absolute URI / RFC 3339 date-time | `format` | `format` |
/// | `known` | the crate's open enums (`KnownValues`) | the value is a known variant, not `Unknown(..)` | `enum` | with severity `error`, none: the enum's own schema lists `enum`; with severity `warning`, `anyOf: [<the enum>, {"type": "string"}]` (the known values are offered, any string passes) |
/// | `nested` | types implementing `Validate` with the same context (also inside `Option`, `Nullable`, `Vec`, `Box`) | runs the nested type's validation under this field's pointer, with this type's context | the nested rules' codes | none: the property is the nested type's schema (`$ref`) |
/// | `custom = my_check` (a snake_case function) | anything | calls `my_check(value, ctx)`, a `fn(&T, &C) -> Result<(), String>` (`C` the type's context, see below), on the present value (borrowed as `&str` from a `String`, `&[E]` from a `Vec<E>`, else as itself); an `Err(message)` is a violation with that message | the function's name, unless `code = ".."` | none (validator only) |
/// | `custom = MyRule` (a CamelCase type) | anything | calls `<MyRule as Rule<T, C>>::check(value, ctx, path, report)` on the present value (`T` the present type, or the element type inside `each`): for several codes, helps, or a schema construct | the codes in `Rule::RULES` | what `Rule::schema` adds to the value's schema, if anything |
/// | `each(rule, ...)` | `Vec` | the listed rules (`range`, `length`, `pattern`, `not_blank`, `non_empty`, `format`, `known`, `custom`) on every element | the rules' codes | the rules' keywords inside `items` |
/// | `default = expr` | `Option` / `Nullable` fields only | nothing: documents the value the server uses when the field is omitted | — | `default` |
/// | `example = expr` | any; repeatable | nothing | — | appended to `examples` |
/// | `null_as_absent` | `Option` fields only | nothing: documents that the API reads `null` as an omitted member (serde does too) | — | the property is nullable (`anyOf: [<schema>, {"type": "null"}]`) |
///
/// Rule *metadata* keys describe every rule of the same `#[qovery(...)]` attribute (so write one
/// attribute per rule when they differ). They need a rule in the same attribute.
///
/// | key | default | meaning |
/// |---|---|---|
/// | `severity = error` / `warning` | `error` | the severity of the diagnostics. A `warning` keyword rule emits no schema keyword (JSON Schema has no warnings, and the schema says what the API accepts) and is listed as validator only; `known` with `warning` lists the values but accepts any string |
/// | `source = spec` / `spec_prose` / `kubernetes` / `engine` / `registry` / `terraform` / `console` / `inferred` | `spec` | where the rule comes from (`validate::Source`), listed in the rule catalogue |
/// | `cite = "..."` | empty | the evidence read to set the rule's level: repository, commit, path and line, or the Kubernetes function (`RuleInfo::citation`) |
/// | `code = "snake_case"` | the code in the table above | the diagnostic code |
/// | `description = "..."` | generated from the rule (`the value is at least 1`) | the rule's one-line description in the catalogue |
///
/// Doc comments on the type and fields become the schema's `description`s (rustdoc links turned
/// into plain text). An `i8`, `i16`, `i32`, `u8`, `u16` or `u32` field's schema also carries its
/// type's bounds as `minimum` / `maximum`, since a value outside them does not deserialize; a
/// `range` narrows them.
///
/// # Type keys
///
/// | key | checks | schema |
/// |---|---|---|
/// | `rule = path` (repeatable) | `<path as Rule<Self, C>>::check(self, ...)` after every field, for cross-field rules; `Rule::RULES` lists what it can report | what `Rule::schema` adds to the object's schema; its rules marked `SchemaSupport::ValidatorOnly` are named in the type's `description` instead |
/// | `context = Type` | nothing itself: `Type` is the impl's `Validate::Context` (default `()`), what `custom` and `rule` checks read | none |
/// | `schema` | nothing | also derive `schemars::JsonSchema` (only when `qovery-model`'s `schema` feature is on; ignored otherwise). Opt-in, so a crate elsewhere in the build turning the feature on never asks a type that did not opt in for `JsonSchema` on its fields |
///
/// A generic type works without written bounds: a type parameter gets `Validate<Context = C>`
/// (`C` the type's context) when a `nested` field's type mentions it, and (for `schema`) `JsonSchema` when any field's type
/// does, as serde infers its own bounds. Each instance (`Page<Port>`, `Page<Probe>`) is a schema
/// of its own.
///
/// # Context
///
/// Some rules need facts the value does not carry (the model's `image_name` rules need the kind
/// of the registry a request names by id). They come from the caller, as the *context*: a type
/// declares its type with `#[qovery(context = Type)]` (`()` when it declares none, as garde's
/// `#[garde(context(T))]`), `validate_with(&ctx)` passes it, and `validate()` passes
/// `Type::default()`. Every model type of `qovery_model::model` declares
/// `qovery_model::model::RegistryContext`.
///
/// - `nested`: a nested value is validated with the context of the type that nests it, so both
///   declare the same one; otherwise the compile error on `nested` says so. A type of yours that
///   nests a model type declares `#[qovery(context = RegistryContext)]`.
/// - `custom = my_check`: the function takes `&C`, `C` the type's context: `fn(&str, &())` on a
///   type without one. A function that reads no context can be generic, `fn my_check<C: ?Sized>(
///   value: &str, _: &C)`, and serve every type.
/// - `custom = MyRule` and `rule = MyRule`: `Rule<T, C = ()>` takes the context as its second
///   parameter. A rule that reads the context implements it for that type,
///   `impl Rule<T, RegistryContext> for MyRule`; a rule that does not is written once for all,
///   `impl<C: ?Sized> Rule<T, C> for MyRule`. The context is a trait parameter rather than an
///   associated type of the rule for that reason: an associated type would tie each rule to
///   one context, and the model's context-free rules (ports, probes, tags) could not serve a type
///   of yours without one.
///
/// # What it is for, and what it does not cover
///
/// The derive checks what Qovery's payloads need: integer bounds, string and array lengths,
/// regexes, blank strings, the `uuid`, `uri` and `date-time` formats, known enum values, nested
/// types, and any other rule as a function or a `Rule` type. It does not, by choice:
///
/// - bound floats (`range` takes integers; no Qovery member is a float): write a `custom`
///   function;
/// - count map entries (`length` takes strings and `Vec`s; the payloads have no maps with a
///   size limit): write a `custom` function;
/// - check other formats (`email`, `ipv4`, `hostname`...): a `pattern` or a `custom` function
///   says it, and a `pattern` also reaches the schema.
///
/// It derives on structs with named fields only (no enums, no tuple structs).
///
/// # Compile errors
///
/// Every misuse is a compile error on the offending tokens, all reported in one compile: an
/// unknown key (with a "did you mean" suggestion), a rule that does not apply to the field's type
/// (with a hint to use `each(...)` on a `Vec`), `min > max`, a non-integer or negative (`length`)
/// bound, a bound outside `i64`, an invalid regex, a regex construct that ECMA-262 (JSON Schema's
/// dialect) reads differently (`\d`, `\w`, `\s`, `\b`, inline flags, named groups, POSIX
/// classes, `\A`, `\z`, `\p`), a duplicated rule, key or `rule = path`, `default` on a required
/// field, rules on a field serde skips, an empty `#[qovery()]`, metadata without a rule, an empty
/// `each(...)`, an unknown severity, source or format, a code that is not snake_case, a
/// duplicated `context`, and arguments given to `not_blank`, `non_empty`, `known`, `nested` or
/// `schema`. A `custom` function with the wrong signature is a type error on its name
/// (`expected fn pointer fn(&_, &()) -> Result<(), String>`), and a `nested` type of another
/// context is an error on `nested` that names the nested type and the context it was given.
///
/// # Example
///
/// Every key at work (a compiled copy of this example is a doctest of `qovery_model::validate`):
///
/// ```ignore
/// use qovery_model::model::{Nullable, PortProtocol, Probe, RegistryContext};
/// use qovery_model::validate::{
///     Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, Validate,
/// };
/// use serde::{Deserialize, Serialize};
///
/// /// A sidecar container.
/// #[derive(Debug, Serialize, Deserialize, Validate)]
/// #[serde(rename_all = "camelCase")]
/// #[qovery(rule = PortsDiffer)]
/// #[qovery(context = RegistryContext)] // it nests a model type (`probe`)
/// pub struct Sidecar {
///     /// Name of the sidecar (a DNS label).
///     #[qovery(not_blank, length(max = 63), pattern = "^[a-z][a-z0-9-]*$", source = kubernetes)]
///     pub name: String,
///
///     /// Port the sidecar listens on.
///     #[qovery(range(min = 1, max = 65535), example = 8080)]
///     pub listen_port: i32,
///
///     /// Port of the metrics endpoint.
///     #[serde(default, skip_serializing_if = "Option::is_none")]
///     #[qovery(range(min = 1, max = 65535), default = 9090)]
///     pub metrics_port: Option<i32>,
///
///     /// Command-line arguments.
///     #[qovery(non_empty, each(not_blank, length(max = 256)))]
///     pub args: Vec<String>,
///
///     /// Tag of the sidecar's image.
///     #[qovery(custom = not_latest)]
///     pub tag: String,
///
///     /// Icon of the sidecar.
///     #[serde(default, skip_serializing_if = "Option::is_none")]
///     #[qovery(format = "uri", severity = warning, code = "icon_uri", description = "`icon` is an absolute URI")]
///     pub icon: Option<String>,
///
///     /// Protocol of the listening port.
///     #[qovery(known)]
///     pub protocol: PortProtocol,
///
///     /// Readiness probe: absent, `null` or a probe.
///     #[serde(default, skip_serializing_if = "Nullable::is_absent")]
///     #[qovery(nested)]
///     pub probe: Nullable<Probe>,
/// }
///
/// /// A function rule: an `Err` is a violation, with the code `not_latest`. It takes the
/// /// context of the type it is declared on.
/// fn not_latest(tag: &str, _ctx: &RegistryContext) -> Result<(), String> {
///     if tag == "latest" {
///         return Err("`latest` moves under a running service; pin a version".to_owned());
///     }
///     Ok(())
/// }
///
/// /// The metrics port differs from the listening port.
/// pub const PORTS_DIFFER: RuleInfo = RuleInfo {
///     code: "ports_differ",
///     severity: Severity::Error,
///     source: Source::Inferred,
///     citation: "",
///     pointer: "/metricsPort",
///     description: "`metricsPort` differs from `listenPort`",
///     schema: SchemaSupport::ValidatorOnly,
/// };
///
/// pub struct PortsDiffer;
///
/// /// It reads no context, so it is written for any.
/// impl<C: ?Sized> Rule<Sidecar, C> for PortsDiffer {
///     const RULES: &'static [RuleInfo] = &[PORTS_DIFFER];
///
///     fn check(value: &Sidecar, _ctx: &C, path: &Path<'_>, report: &mut Report) {
///         if value.metrics_port == Some(value.listen_port) {
///             let message = format!("{} is also `listenPort`", value.listen_port);
///             report.push(&PORTS_DIFFER, &path.field("metricsPort"), message);
///         }
///     }
/// }
///
/// let sidecar = Sidecar {
///     name: "Envoy".to_owned(),
///     listen_port: 8080,
///     metrics_port: Some(8080),
///     args: vec![" ".to_owned()],
///     tag: "latest".to_owned(),
///     icon: Some("envoy.svg".to_owned()),
///     protocol: PortProtocol::Unknown("QUIC".to_owned()),
///     probe: Nullable::Null,
/// };
/// let report = sidecar.validate();
/// let found: Vec<(&str, &str)> =
///     report.diagnostics().iter().map(|d| (d.pointer.as_str(), d.code)).collect();
/// assert_eq!(
///     found,
///     [
///         ("/name", "pattern"),
///         ("/args/0", "not_blank"),
///         ("/tag", "not_latest"),
///         ("/icon", "icon_uri"),
///         ("/protocol", "enum"),
///         ("/metricsPort", "ports_differ"),
///     ]
/// );
/// assert_eq!(report.warnings().count(), 1);
/// ```
#[proc_macro_derive(Validate, attributes(qovery))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}

/// `__closest!("key", ["candidate", ...])` expands to the suggestion the derive's did-you-mean
/// rule gives, `Some("candidate")` or `None`: not for use, but so `qovery-model`'s tests can check
/// that this rule and `qovery_model::document::closest` agree (a proc-macro crate can export
/// nothing but macros).
#[doc(hidden)]
#[proc_macro]
pub fn __closest(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as ClosestInput);
    let candidates: Vec<String> = input.candidates.iter().map(syn::LitStr::value).collect();
    match symbol::closest(&input.key.value(), candidates.iter().map(String::as_str)) {
        Some(found) => quote::quote!(::core::option::Option::Some(#found)),
        None => quote::quote!(::core::option::Option::<&'static str>::None),
    }
    .into()
}

/// The input of [`__closest!`]: a key, a comma, a bracketed list of candidates.
struct ClosestInput {
    key: syn::LitStr,
    candidates: syn::punctuated::Punctuated<syn::LitStr, syn::Token![,]>,
}

impl syn::parse::Parse for ClosestInput {
    fn parse(input: syn::parse::ParseStream<'_>) -> syn::Result<Self> {
        let key = input.parse()?;
        input.parse::<syn::Token![,]>()?;
        let list;
        syn::bracketed!(list in input);
        let candidates = list.parse_terminated(|item| item.parse(), syn::Token![,])?;
        Ok(ClosestInput { key, candidates })
    }
}
