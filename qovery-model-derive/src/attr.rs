//! `#[qovery(...)]` parsed into one typed struct per attribute level.
//!
//! Keys are the [`Symbol`]s of `symbol.rs`, values are typed here (an enumerated value becomes its
//! enum, an unknown one is an error listing the accepted ones), so `expand/` sees no strings.
//! Parsing keeps going after a mistake: an unknown key, a bad value or a duplicate is recorded
//! in the [`Ctxt`] and its tokens skipped, so one compile reports them all.

use crate::ctxt::Ctxt;
use crate::symbol::*;
use proc_macro2::Span;
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, ExprLit, ExprUnary, Ident, Lit, LitStr, Token, UnOp};

const EACH_NEEDS_A_RULE: &str =
    "`each(...)` needs at least one rule for the elements, e.g. `each(not_blank)`";

/// A key that takes one value where it is written (a field, a type, an attribute, a bound
/// list): the first value is kept, and a repeat is reported once, spanning both occurrences.
struct Attr<'c, T> {
    cx: &'c Ctxt,
    name: Symbol,
    /// Where the key is unique, for the message: `on this field`.
    place: &'static str,
    /// The first occurrence's key and value.
    first: Option<(Span, T)>,
}

impl<'c, T> Attr<'c, T> {
    fn none(cx: &'c Ctxt, name: Symbol, place: &'static str) -> Self {
        Attr {
            cx,
            name,
            place,
            first: None,
        }
    }

    /// Records the value of the key written at `key`.
    fn set(&mut self, key: &syn::Path, value: T) {
        let span = key.span();
        match &self.first {
            Some((first, _)) => self.cx.duplicate(
                *first,
                span,
                format!("duplicate `{}` {}", self.name, self.place),
            ),
            None => self.first = Some((span, value)),
        }
    }

    fn get(self) -> Option<T> {
        self.first.map(|(_, value)| value)
    }
}

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
    Format(Format),
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
    pub fn keyword(&self) -> Symbol {
        match self {
            RuleKind::Range { .. } => RANGE,
            RuleKind::Length { .. } => LENGTH,
            RuleKind::Pattern(_) => PATTERN,
            RuleKind::NotBlank => NOT_BLANK,
            RuleKind::NonEmpty => NON_EMPTY,
            RuleKind::Format(_) => FORMAT,
            RuleKind::Known => KNOWN,
            RuleKind::Nested => NESTED,
            RuleKind::Custom(_) | RuleKind::CustomFn(_) => CUSTOM,
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

/// Metadata shared by the rules of one attribute.
#[derive(Clone)]
pub struct Meta {
    pub severity: Severity,
    pub source: Source,
    pub code: Option<LitStr>,
    pub description: Option<LitStr>,
    pub cite: Option<LitStr>,
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

pub struct FieldAttrs {
    pub rules: Vec<FieldRule>,
    pub default: Option<(Span, Expr)>,
    #[cfg_attr(not(feature = "schema"), allow(dead_code))]
    pub examples: Vec<Expr>,
    /// `null_as_absent`: the schema also accepts `null` for this optional field.
    pub null_as_absent: Option<Span>,
}

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
        let mut rules = Vec::new();
        let mut schema = Attr::none(cx, SCHEMA, "on this type");
        let mut context = Attr::none(cx, CONTEXT, "on this type");
        for attr in attrs.iter().filter(|a| a.path() == &ATTRIBUTE) {
            let result = attr.parse_nested_meta(|meta| {
                match Symbol::find(CONTAINER_KEYS, &meta.path) {
                    Some(RULE) => rules.push(meta.value()?.parse()?),
                    Some(SCHEMA) => {
                        if takes_no_arguments(cx, &meta)? {
                            schema.set(&meta.path, ());
                        }
                    }
                    Some(CONTEXT) => {
                        let ty: syn::Type = meta.value()?.parse()?;
                        context.set(&meta.path, ty);
                    }
                    _ => unknown_key(cx, &meta, CONTAINER_KEYS, "on a type")?,
                }
                Ok(())
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        ContainerAttrs {
            rules,
            schema: schema.get().is_some(),
            context: context.get(),
        }
    }
}

impl FieldAttrs {
    pub fn parse(cx: &Ctxt, attrs: &[Attribute]) -> Self {
        let mut rules = Vec::new();
        let mut default = Attr::none(cx, DEFAULT, "on this field");
        let mut examples = Vec::new();
        let mut null_as_absent = Attr::none(cx, NULL_AS_ABSENT, "on this field");
        for attr in attrs.iter().filter(|a| a.path() == &ATTRIBUTE) {
            if let syn::Meta::Path(path) = &attr.meta {
                cx.error_spanned_by(path, "expected `#[qovery(...)]` with at least one rule, e.g. `#[qovery(range(min = 0))]`");
                continue;
            }
            let mut attr_rules = Vec::new();
            let mut meta_values = MetaBuilder::new(cx);
            let mut saw_item = false;
            let result = attr.parse_nested_meta(|meta| {
                saw_item = true;
                let Some(key) = Symbol::find(FIELD_KEYS, &meta.path) else {
                    return unknown_key(cx, &meta, FIELD_KEYS, "on a field");
                };
                match key {
                    EACH => {
                        let each_span = meta.path.span();
                        if has_no_items(&meta)? {
                            cx.error_at(each_span, EACH_NEEDS_A_RULE);
                            return Ok(());
                        }
                        let before = attr_rules.len();
                        meta.parse_nested_meta(|inner| {
                            match Symbol::find(EACH_KEYS, &inner.path) {
                                Some(inner_key) => {
                                    if let Some(kind) = parse_rule(cx, &inner, inner_key)? {
                                        attr_rules.push((kind, inner.path.span(), true));
                                    }
                                }
                                None => unknown_key(cx, &inner, EACH_KEYS, "inside `each(...)`")?,
                            }
                            Ok(())
                        })?;
                        if attr_rules.len() == before {
                            cx.error_at(each_span, EACH_NEEDS_A_RULE);
                        }
                    }
                    DEFAULT => {
                        let span = meta.path.span();
                        let expr: Expr = meta.value()?.parse()?;
                        default.set(&meta.path, (span, expr));
                    }
                    EXAMPLE => examples.push(meta.value()?.parse()?),
                    NULL_AS_ABSENT => null_as_absent.set(&meta.path, meta.path.span()),
                    key if META_KEYS.contains(&key) => meta_values.parse(&meta, key)?,
                    rule => {
                        if let Some(kind) = parse_rule(cx, &meta, rule)? {
                            attr_rules.push((kind, meta.path.span(), false));
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
            if attr_rules.is_empty()
                && let Some(span) = meta_values.first_span
            {
                cx.error_at(span, "this attribute has no rule for `severity`, `source`, `code`, `description` or `cite` to describe; put them next to the rule they describe");
            }
            let meta = meta_values.build();
            rules.extend(attr_rules.into_iter().map(|(kind, span, each)| FieldRule {
                kind,
                span,
                each,
                meta: meta.clone(),
            }));
        }
        FieldAttrs {
            rules,
            default: default.get(),
            examples,
            null_as_absent: null_as_absent.get(),
        }
    }
}

/// The metadata keys of one attribute, each given at most once.
struct MetaBuilder<'c> {
    severity: Attr<'c, Severity>,
    source: Attr<'c, Source>,
    code: Attr<'c, LitStr>,
    description: Attr<'c, LitStr>,
    cite: Attr<'c, LitStr>,
    /// The first metadata key, where a missing rule is reported.
    first_span: Option<Span>,
}

impl<'c> MetaBuilder<'c> {
    fn new(cx: &'c Ctxt) -> Self {
        const PLACE: &str = "in this attribute";
        MetaBuilder {
            severity: Attr::none(cx, SEVERITY, PLACE),
            source: Attr::none(cx, SOURCE, PLACE),
            code: Attr::none(cx, CODE, PLACE),
            description: Attr::none(cx, DESCRIPTION, PLACE),
            cite: Attr::none(cx, CITE, PLACE),
            first_span: None,
        }
    }

    fn parse(&mut self, meta: &ParseNestedMeta<'_>, key: Symbol) -> syn::Result<()> {
        self.first_span.get_or_insert(meta.path.span());
        let cx = self.severity.cx;
        match key {
            SEVERITY => {
                if let Some(severity) = enumerated_ident(cx, meta)? {
                    self.severity.set(&meta.path, severity);
                }
            }
            SOURCE => {
                if let Some(source) = enumerated_ident(cx, meta)? {
                    self.source.set(&meta.path, source);
                }
            }
            CODE => {
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
                self.code.set(&meta.path, code);
            }
            CITE => self.cite.set(&meta.path, meta.value()?.parse()?),
            _ => self.description.set(&meta.path, meta.value()?.parse()?),
        }
        Ok(())
    }

    fn build(self) -> Meta {
        Meta {
            severity: self.severity.get().unwrap_or(Severity::Error),
            source: self.source.get().unwrap_or(Source::Spec),
            code: self.code.get(),
            description: self.description.get(),
            cite: self.cite.get(),
        }
    }
}

/// The value of `T` spelled `name`, or an error on `tokens` (written as `shown`) listing the
/// accepted spellings.
fn enumerated<T: Enumerated>(
    cx: &Ctxt,
    name: &str,
    shown: &str,
    tokens: impl ToTokens,
) -> Option<T> {
    let value = T::from_name(name);
    if value.is_none() {
        let expected = expected(T::ALL.iter().map(|value| value.name()));
        cx.error_spanned_by(
            tokens,
            format!("unknown {} {shown}: expected {expected}", T::WHAT),
        );
    }
    value
}

/// The value of `T` written as an identifier (`source = kubernetes`).
fn enumerated_ident<T: Enumerated>(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
) -> syn::Result<Option<T>> {
    let ident: Ident = meta.value()?.parse()?;
    let name = ident.to_string();
    Ok(enumerated(cx, &name, &format!("`{name}`"), &ident))
}

fn parse_rule(cx: &Ctxt, meta: &ParseNestedMeta<'_>, key: Symbol) -> syn::Result<Option<RuleKind>> {
    Ok(Some(match key {
        RANGE | LENGTH => {
            let (min, max) = parse_bounds(cx, meta, key)?;
            if min.is_none() && max.is_none() {
                cx.error_spanned_by(
                    &meta.path,
                    format!("`{key}` needs `min`, `max` or both, e.g. `{key}(min = 1)`"),
                );
                return Ok(None);
            }
            if key == RANGE {
                RuleKind::Range { min, max }
            } else {
                RuleKind::Length { min, max }
            }
        }
        PATTERN => RuleKind::Pattern(meta.value()?.parse()?),
        FORMAT => {
            let name: LitStr = meta.value()?.parse()?;
            let value = name.value();
            match enumerated(cx, &value, &format!("{value:?}"), &name) {
                Some(format) => RuleKind::Format(format),
                None => return Ok(None),
            }
        }
        CUSTOM => {
            let path: syn::Path = meta.value()?.parse()?;
            if names_a_function(&path) {
                RuleKind::CustomFn(path)
            } else {
                RuleKind::Custom(path)
            }
        }
        NOT_BLANK | NON_EMPTY | KNOWN | NESTED => {
            if !takes_no_arguments(cx, meta)? {
                return Ok(None);
            }
            match key {
                NOT_BLANK => RuleKind::NotBlank,
                NON_EMPTY => RuleKind::NonEmpty,
                KNOWN => RuleKind::Known,
                _ => RuleKind::Nested,
            }
        }
        _ => return Ok(None),
    }))
}

/// Whether a flag key (`schema`, `not_blank`) was written bare; if not, reports it and skips
/// its arguments.
fn takes_no_arguments(cx: &Ctxt, meta: &ParseNestedMeta<'_>) -> syn::Result<bool> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(true);
    }
    let key = key_of(meta);
    cx.error_spanned_by(&meta.path, format!("`{key}` takes no arguments"));
    skip_value(meta)?;
    Ok(false)
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
    key: Symbol,
) -> syn::Result<(Option<Bound>, Option<Bound>)> {
    let (place, inside) = if key == RANGE {
        ("in `range(...)`", "inside `range(...)`")
    } else {
        ("in `length(...)`", "inside `length(...)`")
    };
    let mut min = Attr::none(cx, MIN, place);
    let mut max = Attr::none(cx, MAX, place);
    if has_no_items(meta)? {
        // `range`, `range()` or `range = ..`: the caller says what is missing.
        return Ok((None, None));
    }
    meta.parse_nested_meta(|bound| {
        let slot = match Symbol::find(BOUND_KEYS, &bound.path) {
            Some(MIN) => &mut min,
            Some(MAX) => &mut max,
            _ => return unknown_key(cx, &bound, BOUND_KEYS, inside),
        };
        let expr: Expr = bound.value()?.parse()?;
        slot.set(&bound.path, Bound::new(expr));
        Ok(())
    })?;
    Ok((min.get(), max.get()))
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

/// Reports a key that is not one of `known` here, with a suggestion or the list, and skips its
/// value so parsing can go on.
fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta<'_>,
    known: &[Symbol],
    place: &str,
) -> syn::Result<()> {
    let key = key_of(meta);
    let mut message = format!("unknown `{ATTRIBUTE}` key `{key}` {place}");
    match closest(&key, known.iter().map(|symbol| symbol.0)) {
        Some(suggestion) => message.push_str(&format!("; did you mean `{suggestion}`?")),
        None => message.push_str(&format!(
            "; expected {}",
            expected(known.iter().map(|symbol| symbol.0))
        )),
    }
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta)
}
