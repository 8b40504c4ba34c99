//! `#[qovery(...)]` parsed into one typed struct per attribute level.
//!
//! Parsing keeps going after a mistake: an unknown key, a bad value or a duplicate is recorded
//! in the [`Ctxt`] and its tokens skipped, so one compile reports them all.

use crate::ctxt::Ctxt;
use proc_macro2::Span;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, ExprUnary, Ident, Lit, LitStr, Token, UnOp};

pub const ATTRIBUTE: &str = "qovery";

const FIELD_KEYS: &[&str] = &[
    "range",
    "length",
    "pattern",
    "not_blank",
    "non_empty",
    "format",
    "known",
    "nested",
    "custom",
    "each",
    "default",
    "example",
    "null_as_absent",
    "severity",
    "source",
    "code",
    "description",
    "cite",
];
const EACH_KEYS: &[&str] = &[
    "range",
    "length",
    "pattern",
    "not_blank",
    "non_empty",
    "format",
    "known",
    "custom",
];
const CONTAINER_KEYS: &[&str] = &["rule", "schema", "context"];
const SOURCES: &[&str] = &[
    "spec",
    "spec_prose",
    "kubernetes",
    "engine",
    "registry",
    "terraform",
    "console",
    "inferred",
];
const FORMATS: &[&str] = &["uuid", "uri", "date-time"];
const EACH_NEEDS_A_RULE: &str =
    "`each(...)` needs at least one rule for the elements, e.g. `each(not_blank)`";

/// An integer bound, with its value when the macro can read it (a literal, maybe negated).
#[derive(Clone)]
pub struct Bound {
    pub expr: Expr,
    pub literal: Option<i128>,
}

impl Bound {
    fn new(expr: Expr) -> Self {
        let literal = literal_int(&expr);
        Bound { expr, literal }
    }

    /// The bound as written, for descriptions.
    pub fn text(&self) -> String {
        match self.literal {
            Some(value) => value.to_string(),
            None => self.expr.to_token_stream().to_string().replace(' ', ""),
        }
    }
}

fn literal_int(expr: &Expr) -> Option<i128> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse().ok(),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => literal_int(expr).map(|v| -v),
        Expr::Group(group) => literal_int(&group.expr),
        Expr::Paren(paren) => literal_int(&paren.expr),
        _ => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FormatName {
    Uuid,
    Uri,
    DateTime,
}

impl FormatName {
    pub fn variant(self) -> &'static str {
        match self {
            FormatName::Uuid => "Uuid",
            FormatName::Uri => "Uri",
            FormatName::DateTime => "DateTime",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            FormatName::Uuid => "uuid",
            FormatName::Uri => "uri",
            FormatName::DateTime => "date-time",
        }
    }
}

#[derive(Clone)]
pub enum RuleKind {
    Range {
        min: Option<Bound>,
        max: Option<Bound>,
    },
    Length {
        min: Option<Bound>,
        max: Option<Bound>,
    },
    Pattern(LitStr),
    NotBlank,
    NonEmpty,
    Format(FormatName),
    Known,
    Nested,
    /// `custom = MyRule`: a type implementing `Rule<T>` (a CamelCase name).
    Custom(syn::Path),
    /// `custom = my_check`: a function `fn(&T, &Context) -> Result<(), String>` (a snake_case
    /// name), described by a `RuleInfo` of its own, like a keyword.
    CustomFn(syn::Path),
}

impl RuleKind {
    /// The keyword as written, for messages and duplicate detection.
    pub fn keyword(&self) -> &'static str {
        match self {
            RuleKind::Range { .. } => "range",
            RuleKind::Length { .. } => "length",
            RuleKind::Pattern(_) => "pattern",
            RuleKind::NotBlank => "not_blank",
            RuleKind::NonEmpty => "non_empty",
            RuleKind::Format(_) => "format",
            RuleKind::Known => "known",
            RuleKind::Nested => "nested",
            RuleKind::Custom(_) | RuleKind::CustomFn(_) => "custom",
        }
    }

    /// The stable diagnostic code a violation gets unless `code = ".."` overrides it; upper-cased,
    /// the name of its constant in `qovery_model::validate::codes`.
    pub fn default_code(&self) -> &'static str {
        match self {
            RuleKind::Range { .. } => "range",
            RuleKind::Length { .. } | RuleKind::NonEmpty => "length",
            RuleKind::Pattern(_) => "pattern",
            RuleKind::NotBlank => "not_blank",
            RuleKind::Format(_) => "format",
            RuleKind::Known => "enum",
            RuleKind::Nested | RuleKind::Custom(_) | RuleKind::CustomFn(_) => "",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SeverityName {
    Error,
    Warning,
}

/// Metadata shared by the rules of one attribute.
#[derive(Clone)]
pub struct Meta {
    pub severity: SeverityName,
    pub source: &'static str,
    pub code: Option<LitStr>,
    pub description: Option<LitStr>,
    pub cite: Option<LitStr>,
}

impl Default for Meta {
    fn default() -> Self {
        Meta {
            severity: SeverityName::Error,
            source: "spec",
            code: None,
            description: None,
            cite: None,
        }
    }
}

#[derive(Clone)]
pub struct FieldRule {
    pub kind: RuleKind,
    /// The keyword's span: errors about the rule point here.
    pub span: Span,
    /// Declared inside `each(...)`: applies to every element.
    pub each: bool,
    pub meta: Meta,
}

#[derive(Default)]
pub struct FieldAttrs {
    pub rules: Vec<FieldRule>,
    pub default: Option<(Span, Expr)>,
    pub examples: Vec<Expr>,
    /// `null_as_absent`: the schema also accepts `null` for this optional field.
    pub null_as_absent: Option<Span>,
}

#[derive(Default)]
pub struct ContainerAttrs {
    pub rules: Vec<syn::Path>,
    /// `#[qovery(schema)]`: also derive `schemars::JsonSchema` (with the `schema` feature).
    #[cfg_attr(not(feature = "schema"), allow(dead_code))]
    pub schema: bool,
    /// `#[qovery(context = Type)]`: the `Validate::Context` (`()` when absent).
    pub context: Option<syn::Type>,
}

impl ContainerAttrs {
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = ContainerAttrs::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident(ATTRIBUTE)) {
            let result = attr.parse_nested_meta(|meta| {
                let key = key_of(&meta);
                match key.as_str() {
                    "rule" => out.rules.push(meta.value()?.parse()?),
                    "schema" => {
                        if !(meta.input.is_empty() || meta.input.peek(Token![,])) {
                            cx.error_spanned_by(&meta.path, "`schema` takes no arguments");
                            skip_value(&meta)?;
                        } else if out.schema {
                            cx.error_spanned_by(&meta.path, "duplicate `schema` on this type");
                        }
                        out.schema = true;
                    }
                    "context" => {
                        let span = meta.path.span();
                        let ty: syn::Type = meta.value()?.parse()?;
                        if out.context.is_some() {
                            cx.error_at(span, "duplicate `context` on this type");
                        } else {
                            out.context = Some(ty);
                        }
                    }
                    _ => {
                        unknown_key(cx, &meta, &key, CONTAINER_KEYS, "on a type");
                        skip_value(&meta)?;
                    }
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        out
    }
}

impl FieldAttrs {
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut out = FieldAttrs::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident(ATTRIBUTE)) {
            if let syn::Meta::Path(path) = &attr.meta {
                cx.error_spanned_by(path, "expected `#[qovery(...)]` with at least one rule, e.g. `#[qovery(range(min = 0))]`");
                continue;
            }
            let mut rules = Vec::new();
            let mut meta_values = MetaBuilder::default();
            let mut saw_item = false;
            let result = attr.parse_nested_meta(|meta| {
                saw_item = true;
                let key = key_of(&meta);
                match key.as_str() {
                    "each" => {
                        let each_span = meta.path.span();
                        if has_no_items(&meta)? {
                            cx.error_at(each_span, EACH_NEEDS_A_RULE);
                            return Ok(());
                        }
                        let before = rules.len();
                        meta.parse_nested_meta(|inner| {
                            let inner_key = key_of(&inner);
                            if EACH_KEYS.contains(&inner_key.as_str()) {
                                if let Some(kind) = parse_rule(cx, &inner, &inner_key)? {
                                    rules.push((kind, inner.path.span(), true));
                                }
                            } else {
                                unknown_key(
                                    cx,
                                    &inner,
                                    &inner_key,
                                    EACH_KEYS,
                                    "inside `each(...)`",
                                );
                                skip_value(&inner)?;
                            }
                            Ok(())
                        })?;
                        if rules.len() == before {
                            cx.error_at(each_span, EACH_NEEDS_A_RULE);
                        }
                    }
                    "default" => {
                        let span = meta.path.span();
                        let expr: Expr = meta.value()?.parse()?;
                        if out.default.is_some() {
                            cx.error_at(span, "duplicate `default` on this field");
                        } else {
                            out.default = Some((span, expr));
                        }
                    }
                    "example" => out.examples.push(meta.value()?.parse()?),
                    "null_as_absent" => out.null_as_absent = Some(meta.path.span()),
                    "severity" | "source" | "code" | "description" | "cite" => {
                        meta_values.parse(cx, &meta, &key)?
                    }
                    other => {
                        if FIELD_KEYS.contains(&other) {
                            if let Some(kind) = parse_rule(cx, &meta, other)? {
                                rules.push((kind, meta.path.span(), false));
                            }
                        } else {
                            unknown_key(cx, &meta, other, FIELD_KEYS, "on a field");
                            skip_value(&meta)?;
                        }
                    }
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
            if !saw_item {
                cx.error_spanned_by(
                    attr,
                    "empty `#[qovery()]`: declare a rule, e.g. `#[qovery(not_blank)]`",
                );
            }
            if rules.is_empty()
                && let Some(span) = meta_values.first_span
            {
                cx.error_at(span, "this attribute has no rule for `severity`, `source`, `code`, `description` or `cite` to describe; put them next to the rule they describe");
            }
            let meta = meta_values.build();
            out.rules
                .extend(rules.into_iter().map(|(kind, span, each)| FieldRule {
                    kind,
                    span,
                    each,
                    meta: meta.clone(),
                }));
        }
        out
    }
}

#[derive(Default)]
struct MetaBuilder {
    meta: Meta,
    seen: Vec<String>,
    first_span: Option<Span>,
}

impl MetaBuilder {
    fn parse(&mut self, cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<()> {
        let span = meta.path.span();
        self.first_span.get_or_insert(span);
        if self.seen.iter().any(|k| k == key) {
            cx.error_at(span, format!("duplicate `{key}` in this attribute"));
        }
        self.seen.push(key.to_owned());
        match key {
            "severity" => {
                let ident: Ident = meta.value()?.parse()?;
                match ident.to_string().as_str() {
                    "error" => self.meta.severity = SeverityName::Error,
                    "warning" => self.meta.severity = SeverityName::Warning,
                    other => cx.error_spanned_by(
                        &ident,
                        format!("unknown severity `{other}`: expected `error` or `warning`"),
                    ),
                }
            }
            "source" => {
                let ident: Ident = meta.value()?.parse()?;
                let name = ident.to_string();
                match SOURCES.iter().find(|s| **s == name) {
                    Some(source) => self.meta.source = source,
                    None => cx.error_spanned_by(
                        &ident,
                        format!("unknown source `{name}`: expected one of {}", list(SOURCES)),
                    ),
                }
            }
            "code" => {
                let code: LitStr = meta.value()?.parse()?;
                let value = code.value();
                let snake = !value.is_empty()
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                    && value.as_bytes()[0].is_ascii_lowercase();
                if !snake {
                    cx.error_spanned_by(&code, format!("code {value:?} must be snake_case (lowercase ASCII letters, digits and `_`, starting with a letter)"));
                }
                self.meta.code = Some(code);
            }
            "cite" => self.meta.cite = Some(meta.value()?.parse()?),
            _ => self.meta.description = Some(meta.value()?.parse()?),
        }
        Ok(())
    }

    fn build(self) -> Meta {
        self.meta
    }
}

fn parse_rule(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str) -> syn::Result<Option<RuleKind>> {
    Ok(Some(match key {
        "range" | "length" => {
            let (min, max) = parse_bounds(cx, meta, key)?;
            if min.is_none() && max.is_none() {
                cx.error_spanned_by(
                    &meta.path,
                    format!("`{key}` needs `min`, `max` or both, e.g. `{key}(min = 1)`"),
                );
                return Ok(None);
            }
            if key == "range" {
                RuleKind::Range { min, max }
            } else {
                RuleKind::Length { min, max }
            }
        }
        "pattern" => RuleKind::Pattern(meta.value()?.parse()?),
        "format" => {
            let name: LitStr = meta.value()?.parse()?;
            match name.value().as_str() {
                "uuid" => RuleKind::Format(FormatName::Uuid),
                "uri" => RuleKind::Format(FormatName::Uri),
                "date-time" => RuleKind::Format(FormatName::DateTime),
                other => {
                    cx.error_spanned_by(
                        &name,
                        format!(
                            "unknown format {other:?}: expected one of {}",
                            list(FORMATS)
                        ),
                    );
                    return Ok(None);
                }
            }
        }
        "custom" => {
            let path: syn::Path = meta.value()?.parse()?;
            if names_a_function(&path) {
                RuleKind::CustomFn(path)
            } else {
                RuleKind::Custom(path)
            }
        }
        "not_blank" | "non_empty" | "known" | "nested" => {
            if !(meta.input.is_empty() || meta.input.peek(Token![,])) {
                cx.error_spanned_by(&meta.path, format!("`{key}` takes no arguments"));
                skip_value(meta)?;
                return Ok(None);
            }
            match key {
                "not_blank" => RuleKind::NotBlank,
                "non_empty" => RuleKind::NonEmpty,
                "known" => RuleKind::Known,
                _ => RuleKind::Nested,
            }
        }
        _ => return Ok(None),
    }))
}

/// Whether `custom = path` names a function rather than a `Rule` type. Rust's naming
/// conventions tell them apart, the only way a macro can: functions are snake_case, types
/// CamelCase.
fn names_a_function(path: &syn::Path) -> bool {
    path.segments.last().is_some_and(|last| {
        let name = last.ident.to_string();
        let name = name.strip_prefix("r#").unwrap_or(&name);
        name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
    })
}

fn parse_bounds(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    key: &str,
) -> syn::Result<(Option<Bound>, Option<Bound>)> {
    let mut min = None;
    let mut max = None;
    if has_no_items(meta)? {
        // `range`, `range()` or `range = ..`: the caller says what is missing.
        return Ok((min, max));
    }
    meta.parse_nested_meta(|bound| {
        let name = key_of(&bound);
        let slot = match name.as_str() {
            "min" => &mut min,
            "max" => &mut max,
            other => {
                unknown_key(
                    cx,
                    &bound,
                    other,
                    &["min", "max"],
                    &format!("inside `{key}(...)`"),
                );
                skip_value(&bound)?;
                return Ok(());
            }
        };
        let expr: Expr = bound.value()?.parse()?;
        if slot.is_some() {
            cx.error_spanned_by(&bound.path, format!("duplicate `{name}` in `{key}(...)`"));
        } else {
            *slot = Some(Bound::new(expr));
        }
        Ok(())
    })?;
    Ok((min, max))
}

fn key_of(meta: &ParseNestedMeta<'_>) -> String {
    meta.path
        .get_ident()
        .map(ToString::to_string)
        .unwrap_or_else(|| meta.path.to_token_stream().to_string().replace(' ', ""))
}

/// Whether a key that takes a list (`range(...)`, `each(...)`) was written without items: bare,
/// as `key()`, or as `key = value`. What follows the key is consumed, so parsing can go on and
/// the caller can say what is missing instead of syn's "unexpected end of input".
fn has_no_items(meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    if meta.input.peek(syn::token::Paren) {
        let empty = meta
            .input
            .fork()
            .parse::<proc_macro2::Group>()
            .is_ok_and(|group| group.stream().is_empty());
        if empty {
            let _: proc_macro2::Group = meta.input.parse()?;
        }
        return Ok(empty);
    }
    skip_value(meta)?;
    Ok(true)
}

/// Consumes whatever follows an unknown key (`= value` or `(...)`) so parsing can go on.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if meta.input.peek(Token![=]) {
        let _: Expr = meta.value()?.parse()?;
    } else if meta.input.peek(syn::token::Paren) {
        let _: proc_macro2::Group = meta.input.parse()?;
    }
    Ok(())
}

fn unknown_key(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: &str, known: &[&str], place: &str) {
    let mut message = format!("unknown `qovery` key `{key}` {place}");
    if let Some(suggestion) = closest(key, known) {
        message.push_str(&format!("; did you mean `{suggestion}`?"));
    } else {
        message.push_str(&format!("; expected one of {}", list(known)));
    }
    cx.error_spanned_by(&meta.path, message);
}

fn list(items: &[&str]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The known key closest to `key`, if it is close enough to be a typo.
///
/// The did-you-mean rule, the same as the document checker's for members
/// (`qovery_model::document`'s `shape::closest`; a proc-macro crate cannot share a function): a
/// Levenshtein distance of at most `max(2, len / 4)` for a candidate of `len` bytes, and below
/// the key's length, so a suggestion keeps at least one character of the key.
fn closest<'a>(key: &str, known: &[&'a str]) -> Option<&'a str> {
    let key_len = key.chars().count();
    known
        .iter()
        .map(|candidate| (strsim::levenshtein(key, candidate), *candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.len() / 4) && *distance < key_len
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}
