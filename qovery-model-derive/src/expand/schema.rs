//! The `schemars::JsonSchema` impl, from the same parsed rules as the validator.
//!
//! Each keyword rule becomes its JSON Schema keyword (`range` -> `minimum`/`maximum`, `length`
//! -> `minLength`/`maxItems`..., `pattern`, `format`, `not_blank` -> a `\S` pattern and the exact white-space class); `custom`
//! and type-level rules contribute their own construct through `Rule::schema`; a rule marked
//! validator-only is named in the type's description instead. Doc comments become
//! descriptions, `default = ..` and `example = ..` become `default` and `examples`. Nothing is
//! written twice: there is no second source of bounds, patterns or defaults to drift.

use super::validate::bound;
use crate::ast::{Container, Field};
use crate::attr::{FieldRule, RuleKind};
use crate::symbol::{Enumerated, Severity};
use crate::ty::{Shape, present_type};
use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::Type;

pub fn emit(container: &Container<'_>) -> TokenStream {
    let ident = container.ident;
    let name = ident.to_string();
    // A type parameter on the wire must have a schema itself.
    let generics = crate::bound::with_bound(
        &crate::bound::validate_generics(container),
        container.fields.iter().filter(|f| !f.skipped).map(|f| f.ty),
        &quote!(::qovery_model::schemars::JsonSchema),
    );
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    // Each instance of a generic type is a schema of its own (`Page<Port>`, `Page<Probe>`):
    // its id names the instance, and schemars tells same-named definitions apart.
    let schema_id = if container.generics.type_params().next().is_some() {
        quote!(::std::borrow::Cow::Borrowed(
            ::core::any::type_name::<Self>()
        ))
    } else {
        quote!(::std::borrow::Cow::Borrowed(
            ::core::concat!(::core::module_path!(), "::", #name)
        ))
    };
    let description = option_str(container.docs.as_deref());
    let context = container.context();
    let properties = container
        .fields
        .iter()
        .filter(|f| !f.skipped)
        .map(|f| property(f, &context));
    let rules = container.attrs.rules.iter().map(|rule| {
        quote_spanned! {syn::spanned::Spanned::span(rule)=>
            <#rule as ::qovery_model::validate::Rule<Self, #context>>::schema(__s::object_mut(&mut __object));
        }
    });
    quote! {
        #[automatically_derived]
        impl #impl_generics ::qovery_model::schemars::JsonSchema for #ident #ty_generics #where_clause {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                #schema_id
            }

            fn json_schema(generator: &mut ::qovery_model::schemars::SchemaGenerator) -> ::qovery_model::schemars::Schema {
                use ::qovery_model::schema::__private as __s;
                let mut __object = __s::object(#description);
                #(#properties)*
                #(#rules)*
                __s::note_validator_only::<Self>(&mut __object, #name);
                __object
            }
        }
    }
}

fn option_str(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// One `properties` entry, and its place in `required`; `context` is the container's
/// `Validate::Context`, which its `custom` rules are implemented for.
fn property(field: &Field<'_>, context: &TokenStream) -> TokenStream {
    let wire = &field.wire;
    let present_ty = present_type(field.ty);
    let present = schema_of(&Shape::of(&present_ty), &present_ty);
    let direct = field
        .attrs
        .rules
        .iter()
        .filter(|r| !r.each)
        .map(|r| keyword(r, field, false, context));
    let each: Vec<TokenStream> = field
        .attrs
        .rules
        .iter()
        .filter(|r| r.each)
        .map(|r| keyword(r, field, true, context))
        .collect();
    let each = if each.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            __s::with_items(&mut __field, |__schema| {
                #(#each)*
            });
        }
    };
    let wrap = if matches!(field.shape, Shape::Nullable(..)) || field.attrs.null_as_absent.is_some()
    {
        quote!(let mut __field = __s::nullable(__field);)
    } else {
        TokenStream::new()
    };
    let description = option_str(field.docs.as_deref());
    let default = field.attrs.default.as_ref().map(|(_, expr)| {
        let span = syn::spanned::Spanned::span(expr);
        quote_spanned! {span=> __s::set(&mut __field, "default", __s::to_value(&#expr)); }
    });
    let examples = field.attrs.examples.iter().map(|expr| {
        let span = syn::spanned::Spanned::span(expr);
        quote_spanned! {span=> __s::push_example(&mut __field, __s::to_value(&#expr)); }
    });
    let required = !field.shape.is_optional() && !field.serde_default;
    quote! {
        {
            let mut __field = #present;
            {
                let __schema = &mut __field;
                #(#direct)*
            }
            #each
            #wrap
            __s::describe(&mut __field, #description);
            #default
            #(#examples)*
            __s::property(&mut __object, #wire, __field, #required);
        }
    }
}

/// The schema of a present value, built inline for primitives and arrays, referenced for the
/// user's own types.
fn schema_of(shape: &Shape, ty: &Type) -> TokenStream {
    match shape {
        Shape::Int => {
            let name = quote!(#ty).to_string();
            let format = match name.as_str() {
                "i32" => quote!(::core::option::Option::Some("int32")),
                "i64" => quote!(::core::option::Option::Some("int64")),
                _ => quote!(::core::option::Option::None),
            };
            // The type's own bounds, for the widths whose bounds JSON numbers hold exactly: a
            // value outside them fails deserialization, so the schema must reject it too.
            if matches!(name.as_str(), "i8" | "i16" | "i32" | "u8" | "u16" | "u32") {
                quote! {
                    __s::integer_in(
                        #format,
                        ::core::option::Option::Some(<#ty>::MIN as i64),
                        ::core::option::Option::Some(<#ty>::MAX as i64),
                    )
                }
            } else {
                quote!(__s::integer(#format))
            }
        }
        Shape::Float => quote!(__s::primitive("number")),
        Shape::Bool => quote!(__s::primitive("boolean")),
        Shape::Str => quote!(__s::primitive("string")),
        Shape::Seq(element, element_ty) => {
            let items = schema_of(element, element_ty);
            quote!(__s::array(#items))
        }
        Shape::Optional(inner, inner_ty) => schema_of(inner, inner_ty),
        Shape::Nullable(inner, inner_ty) => {
            let inner = schema_of(inner, inner_ty);
            quote!(__s::nullable(#inner))
        }
        Shape::Other => quote!(generator.subschema_for::<#ty>()),
    }
}

/// The keyword(s) a rule adds to `__schema` (the present value, or the array's items).
fn keyword(rule: &FieldRule, field: &Field<'_>, each: bool, context: &TokenStream) -> TokenStream {
    let span = rule.span;
    // JSON Schema has no warnings: a keyword would make an editor reject what the validator
    // only warns about. A warning-level keyword rule is left out of the schema and marked
    // validator only in the catalogue (`validate.rs`), which the type's description then names.
    if rule.meta.severity == Severity::Warning
        && !matches!(rule.kind, RuleKind::Known | RuleKind::Custom(_))
    {
        return TokenStream::new();
    }
    match &rule.kind {
        RuleKind::Range { min, max } => {
            let min = bound(min.as_ref(), quote!(i64));
            let max = bound(max.as_ref(), quote!(i64));
            quote_spanned! {span=> __s::range(__schema, #min, #max); }
        }
        RuleKind::Length { min, max } => {
            let min = bound(min.as_ref(), quote!(usize));
            let max = bound(max.as_ref(), quote!(usize));
            quote_spanned! {span=> __s::length(__schema, #min, #max); }
        }
        RuleKind::NonEmpty => quote_spanned! {span=>
            __s::length(__schema, ::core::option::Option::Some(1), ::core::option::Option::None);
        },
        RuleKind::Pattern(pattern) => quote_spanned! {span=> __s::pattern(__schema, #pattern); },
        RuleKind::NotBlank => quote_spanned! {span=> __s::not_blank(__schema); },
        RuleKind::Format(format) => {
            let name = format.name();
            quote_spanned! {span=> __s::set(__schema, "format", #name); }
        }
        // The enumeration's own schema lists its values: an error for any other value.
        RuleKind::Known if rule.meta.severity == Severity::Error => TokenStream::new(),
        // A newer value is only a warning (responses are forward-compatible): the schema lists
        // the known values but accepts any string, or it would reject what the validator
        // accepts (found by `tests/schema_differential.rs`).
        RuleKind::Known => quote_spanned! {span=> __s::open_enum(__schema); },
        // A function says nothing JSON Schema can: it is validator only (see `validate.rs`).
        RuleKind::Nested | RuleKind::CustomFn(_) => TokenStream::new(),
        RuleKind::Custom(path) => {
            let present = present_type(field.ty);
            let target = match (each, Shape::of(&present)) {
                (true, Shape::Seq(_, element)) => element,
                _ => present,
            };
            quote_spanned! {span=>
                <#path as ::qovery_model::validate::Rule<#target, #context>>::schema(__s::object_mut(__schema));
            }
        }
    }
}
