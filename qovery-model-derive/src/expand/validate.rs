//! The `Validate` impl: one block per field, applying its rules to the value when it is
//! present, then the type-level rules; and `describe_rules`, which places every declared rule
//! in the catalogue.
//!
//! Rule descriptions are emitted as `RuleInfo` constants, so a violation copies its code and
//! severity from the same constant the catalogue lists. User expressions (bounds, paths) keep
//! their own spans, so a type error lands on the attribute, not on `#[derive]`.

use crate::ast::{Container, Field};
use crate::attr::{Bound, FieldRule, RuleKind};
use crate::symbol::{Enumerated, Severity};
use crate::ty::{Shape, present_type};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};

pub fn emit(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let type_name = ident.to_string();
    let generics = crate::bound::validate_generics(container);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let context = container.context();

    let mut infos = Vec::new();
    let mut checks = Vec::new();
    let mut describes = Vec::new();
    for field in container.fields.iter().filter(|f| !f.skipped) {
        let first = infos.len();
        for rule in field.attrs.rules.iter().filter(|r| is_keyword(&r.kind)) {
            infos.push(rule_info(field, rule));
        }
        let last = infos.len();
        if last > first {
            describes.push(quote! {
                __v::__private::push_rules(prefix, #type_name, &__RULES[#first..#last], out);
            });
        }
        checks.push(field_checks(field, first, &context));
        describes.extend(field_describes(field, &type_name, &context));
    }
    let container_rules = &container.attrs.rules;
    let rule_checks = container_rules.iter().map(|rule| {
        quote_spanned! {syn::spanned::Spanned::span(rule)=>
            <#rule as __v::Rule<Self, #context>>::check(self, ctx, path, report);
        }
    });
    let rule_describes = container_rules.iter().map(|rule| {
        quote_spanned! {syn::spanned::Spanned::span(rule)=>
            __v::__private::push_rules(prefix, #type_name, <#rule as __v::Rule<Self, #context>>::RULES, out);
        }
    });

    quote! {
        const _: () = {
            use ::qovery_model::validate as __v;

            const __RULES: &[__v::RuleInfo] = &[#(#infos),*];

            #[automatically_derived]
            impl #impl_generics __v::Validate for #ident #ty_generics #where_clause {
                type Context = #context;

                #[allow(unused_variables)]
                fn validate_into(&self, ctx: &Self::Context, path: &__v::Path<'_>, report: &mut __v::Report) {
                    #(#checks)*
                    #(#rule_checks)*
                }

                #[allow(unused_variables)]
                fn describe_rules(prefix: &str, out: &mut ::std::vec::Vec<__v::CatalogueEntry>) {
                    #(#describes)*
                    #(#rule_describes)*
                }
            }
        };
    }
}

/// Rules the attribute keywords implement (as opposed to `nested` and `custom`).
fn is_keyword(kind: &RuleKind) -> bool {
    !matches!(kind, RuleKind::Nested | RuleKind::Custom(_))
}

/// The checks of one field. `first` is the index of its first keyword rule in `__RULES`;
/// `context` is the container's `Validate::Context`.
///
/// Keyword checks get an `At` (the parent path and the wire name, plus the index for `each`),
/// which becomes a path only when they record a violation; the field's path frame (`__path`) is
/// only built when a `nested` or `custom` rule needs it.
fn field_checks(field: &Field<'_>, first: usize, context: &TokenStream) -> TokenStream {
    if field.attrs.rules.is_empty() {
        return TokenStream::new();
    }
    let member = &field.member;
    let wire = &field.wire;
    let mut index = first;
    let mut direct = Vec::new();
    let mut each = Vec::new();
    let mut nested = Vec::new();
    let mut needs_path = false;
    let mut needs_item_path = false;
    for rule in &field.attrs.rules {
        let info = if is_keyword(&rule.kind) {
            let tokens = quote!(&__RULES[#index]);
            index += 1;
            tokens
        } else {
            TokenStream::new()
        };
        let custom = matches!(rule.kind, RuleKind::Custom(_));
        match (&rule.kind, rule.each) {
            (RuleKind::Nested, _) => {
                needs_path = true;
                // Through `NestedIn`, so a nested type of another context is one error, on `nested`.
                nested.push(quote_spanned! {rule.span=>
                    __v::__private::NestedIn::<#context>::validate_nested(&self.#member, ctx, &__path, report);
                });
            }
            (_, false) => {
                needs_path |= custom;
                let at = if custom {
                    quote!(&__path)
                } else {
                    quote!(__v::__private::At::field(path, #wire))
                };
                direct.push(check_call(
                    rule,
                    &info,
                    &quote!(__value),
                    &at,
                    field,
                    false,
                    context,
                ));
            }
            (_, true) => {
                needs_path |= custom;
                needs_item_path |= custom;
                let at = if custom {
                    quote!(&__item_path)
                } else {
                    quote!(__v::__private::At::item(path, #wire, __index))
                };
                each.push(check_call(
                    rule,
                    &info,
                    &quote!(__item),
                    &at,
                    field,
                    true,
                    context,
                ));
            }
        }
    }
    let each_loop = if each.is_empty() {
        TokenStream::new()
    } else {
        let item_path = if needs_item_path {
            quote!(let __item_path = __path.index(__index);)
        } else {
            TokenStream::new()
        };
        quote! {
            for (__index, __item) in __value.iter().enumerate() {
                #item_path
                #(#each)*
            }
        }
    };
    let present = peel(
        &field.shape,
        quote!(&self.#member),
        quote!(#(#direct)* #each_loop),
    );
    let path = if needs_path {
        quote!(let __path = path.field(#wire);)
    } else {
        TokenStream::new()
    };
    quote! {
        {
            #path
            #present
            #(#nested)*
        }
    }
}

/// Binds `__value` to the field's value when it is present (`Some`, `Nullable::Value`), then runs `body`.
fn peel(shape: &Shape, value: TokenStream, body: TokenStream) -> TokenStream {
    if body.is_empty() {
        return TokenStream::new();
    }
    match shape {
        Shape::Optional(inner, _) => {
            let inner_body = peel(inner, quote!(__value), body);
            quote! {
                if let ::core::option::Option::Some(__value) = #value {
                    #inner_body
                }
            }
        }
        Shape::Nullable(inner, _) => {
            let inner_body = peel(inner, quote!(__value), body);
            quote! {
                if let ::qovery_model::model::Nullable::Value(__value) = #value {
                    #inner_body
                }
            }
        }
        _ => quote! {
            let __value = #value;
            #body
        },
    }
}

fn check_call(
    rule: &FieldRule,
    info: &TokenStream,
    value: &TokenStream,
    path: &TokenStream,
    field: &Field<'_>,
    each: bool,
    context: &TokenStream,
) -> TokenStream {
    let span = rule.span;
    match &rule.kind {
        RuleKind::Range { min, max } => {
            let min = bound(min.as_ref(), quote!(i64));
            let max = bound(max.as_ref(), quote!(i64));
            quote_spanned! {span=> __v::__private::range(#info, *#value, #min, #max, #path, report); }
        }
        RuleKind::Length { min, max } => {
            let min = bound(min.as_ref(), quote!(usize));
            let max = bound(max.as_ref(), quote!(usize));
            quote_spanned! {span=> __v::__private::length(#info, #value, #min, #max, #path, report); }
        }
        RuleKind::Pattern(pattern) => quote_spanned! {span=>
            {
                static __REGEX: __v::__private::LazyLock<__v::__private::Regex> =
                    __v::__private::LazyLock::new(|| __v::__private::compile(#pattern));
                __v::__private::pattern(#info, ::core::convert::AsRef::<str>::as_ref(#value), &__REGEX, #path, report);
            }
        },
        RuleKind::NotBlank => quote_spanned! {span=>
            __v::__private::not_blank(#info, ::core::convert::AsRef::<str>::as_ref(#value), #path, report);
        },
        RuleKind::NonEmpty => quote_spanned! {span=>
            __v::__private::non_empty(#info, #value, #path, report);
        },
        RuleKind::Format(format) => {
            let variant = format_ident!("{}", format.variant());
            quote_spanned! {span=>
                __v::__private::format(#info, ::core::convert::AsRef::<str>::as_ref(#value), __v::Format::#variant, #path, report);
            }
        }
        RuleKind::Known => quote_spanned! {span=>
            __v::__private::known(#info, #value, #path, report);
        },
        // The function's tokens keep their span: a wrong signature is reported on its name.
        RuleKind::CustomFn(function) => quote_spanned! {span=>
            __v::__private::custom(#info, #function, #value, ctx, #path, report);
        },
        RuleKind::Custom(rule_path) => {
            let ty = target_type(field, each);
            quote_spanned! {span=>
                <#rule_path as __v::Rule<#ty, #context>>::check(#value, ctx, #path, report);
            }
        }
        RuleKind::Nested => TokenStream::new(),
    }
}

/// The type a rule sees: the present value, or an element for `each(...)`.
fn target_type(field: &Field<'_>, each: bool) -> syn::Type {
    let present = present_type(field.ty);
    if each && let Shape::Seq(_, element) = Shape::of(&present) {
        return element;
    }
    present
}

/// `Some((expr) as ty)` spanned on the user's expression, or `None`.
///
/// Every token, `ty` included, carries the expression's span, so a bound of the wrong type
/// (`min = "ten"`) is reported on it and not on `#[derive(Validate)]`.
pub(super) fn bound(bound: Option<&Bound>, ty: TokenStream) -> TokenStream {
    let Some(bound) = bound else {
        return quote!(::core::option::Option::None);
    };
    let span = syn::spanned::Spanned::span(&bound.expr);
    // A literal is emitted with its type suffix (`10_i64`): no cast for clippy to flag.
    let literal = match (bound.literal, ty.to_string().as_str()) {
        (Some(value), "i64") => i64::try_from(value)
            .ok()
            .map(proc_macro2::Literal::i64_suffixed),
        (Some(value), "usize") => usize::try_from(value)
            .ok()
            .map(proc_macro2::Literal::usize_suffixed),
        _ => None,
    };
    if let Some(mut literal) = literal {
        literal.set_span(span);
        return quote_spanned! {span=> ::core::option::Option::Some(#literal) };
    }
    let expr = &bound.expr;
    let ty = respan(ty, span);
    quote_spanned! {span=> ::core::option::Option::Some((#expr) as #ty) }
}

/// `tokens` with every token (and group) set to `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let proc_macro2::TokenTree::Group(group) = &token {
                let mut respanned =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                respanned.set_span(span);
                token = respanned.into();
            }
            token.set_span(span);
            token
        })
        .collect()
}

/// `describe_rules` lines for the field's `custom` and `nested` rules.
fn field_describes(field: &Field<'_>, type_name: &str, context: &TokenStream) -> Vec<TokenStream> {
    let wire = crate::expand::validate::escape(&field.wire);
    let ty = field.ty;
    field
        .attrs
        .rules
        .iter()
        .filter_map(|rule| match &rule.kind {
            RuleKind::Custom(path) => {
                let target = target_type(field, rule.each);
                let suffix = if rule.each { "/*" } else { "" };
                Some(quote_spanned! {rule.span=>
                    __v::__private::push_rules(&::std::format!("{}/{}{}", prefix, #wire, #suffix), #type_name, <#path as __v::Rule<#target, #context>>::RULES, out);
                })
            }
            RuleKind::Nested => Some(quote_spanned! {rule.span=>
                <#ty as __v::Validate>::describe_rules(&::std::format!("{}/{}", prefix, #wire), out);
            }),
            _ => None,
        })
        .collect()
}

/// A `RuleInfo { .. }` expression for a keyword rule.
fn rule_info(field: &Field<'_>, rule: &FieldRule) -> TokenStream {
    // A keyword's own code is the constant of `validate::codes`, its one spelling.
    let code = match &rule.meta.code {
        Some(code) => {
            let code = code.value();
            quote!(#code)
        }
        // A function's rule is named after the function.
        None => match &rule.kind {
            RuleKind::CustomFn(path) => {
                let name = function_name(path);
                quote!(#name)
            }
            kind => {
                let constant = format_ident!("{}", kind.default_code().to_ascii_uppercase());
                quote!(__v::codes::#constant)
            }
        },
    };
    let severity = format_ident!("{}", rule.meta.severity.variant());
    let source = format_ident!("{}", rule.meta.source.variant());
    let pointer = format!(
        "/{}{}",
        escape(&field.wire),
        if rule.each { "/*" } else { "" }
    );
    // A warning cannot be a JSON Schema keyword (see `schema.rs`), except `known`, whose schema
    // lists the values and still accepts newer ones.
    let schema = if matches!(rule.kind, RuleKind::CustomFn(_))
        || (rule.meta.severity == Severity::Warning && !matches!(rule.kind, RuleKind::Known))
    {
        format_ident!("ValidatorOnly")
    } else {
        format_ident!("Keyword")
    };
    let description = match &rule.meta.description {
        Some(text) => text.value(),
        None => describe(rule, field),
    };
    let citation = rule
        .meta
        .cite
        .as_ref()
        .map(syn::LitStr::value)
        .unwrap_or_default();
    quote! {
        __v::RuleInfo {
            code: #code,
            severity: __v::Severity::#severity,
            source: __v::Source::#source,
            citation: #citation,
            pointer: #pointer,
            description: #description,
            schema: __v::SchemaSupport::#schema,
        }
    }
}

/// The name of the function `path` names, without `r#`.
fn function_name(path: &syn::Path) -> String {
    let name = path
        .segments
        .last()
        .map(|last| last.ident.to_string())
        .unwrap_or_default();
    name.strip_prefix("r#").map(str::to_owned).unwrap_or(name)
}

/// RFC 6901 escaping of one reference token.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// A one-line description generated from the rule itself.
fn describe(rule: &FieldRule, field: &Field<'_>) -> String {
    let subject = if rule.each {
        "each element"
    } else {
        "the value"
    };
    let unit = match (rule.each, field.shape.present()) {
        (false, Shape::Seq(..)) => "items",
        _ => "characters",
    };
    match &rule.kind {
        RuleKind::Range { min, max } => match (min, max) {
            (Some(lo), Some(hi)) => format!(
                "{subject} is between {} and {} (inclusive)",
                lo.text(),
                hi.text()
            ),
            (Some(lo), None) => format!("{subject} is at least {}", lo.text()),
            (None, Some(hi)) => format!("{subject} is at most {}", hi.text()),
            (None, None) => String::new(),
        },
        RuleKind::Length { min, max } => match (min, max) {
            (Some(lo), Some(hi)) => format!("{subject} has {} to {} {unit}", lo.text(), hi.text()),
            (Some(lo), None) => format!("{subject} has at least {} {unit}", lo.text()),
            (None, Some(hi)) => format!("{subject} has at most {} {unit}", hi.text()),
            (None, None) => String::new(),
        },
        RuleKind::Pattern(pattern) => format!("{subject} matches `{}`", pattern.value()),
        RuleKind::NotBlank => format!("{subject} is not blank"),
        RuleKind::NonEmpty => format!("{subject} is not empty"),
        RuleKind::Format(format) => format!("{subject} is a valid `{}`", format.name()),
        RuleKind::Known => format!("{subject} is one of the values the spec lists"),
        RuleKind::CustomFn(path) => format!("{subject} passes `{}`", function_name(path)),
        RuleKind::Nested | RuleKind::Custom(_) => String::new(),
    }
}
