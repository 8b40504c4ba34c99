//! Trait bounds for generic types, inferred the way serde infers them: a type parameter gets the
//! bound when a field whose type mentions it needs the trait, so `Page<T>` with a `nested`
//! field of type `Vec<T>` validates whenever `T: Validate`, without the user writing the bound.

use crate::ast::Container;
use crate::attr::RuleKind;
use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::{Generics, Type, WherePredicate, parse_quote};

/// The container's generics with `P: Validate<Context = C>` (`C` the container's context) for
/// every type parameter `P` in a `nested` field: what the `Validate` impl needs, and the
/// `JsonSchema` impl too (it lists the rules).
pub fn validate_generics(container: &Container<'_>) -> Generics {
    let nested = container.fields.iter().filter(|f| {
        !f.skipped
            && f.attrs
                .rules
                .iter()
                .any(|r| matches!(r.kind, RuleKind::Nested))
    });
    let context = container.context();
    with_bound(
        container.generics,
        nested.map(|f| f.ty),
        &quote!(::qovery_model::validate::Validate<Context = #context>),
    )
}

/// `generics` with `P: bound` added to the where clause for every type parameter `P` that
/// appears in one of `types`.
pub fn with_bound<'a>(
    generics: &Generics,
    types: impl IntoIterator<Item = &'a Type>,
    bound: &TokenStream,
) -> Generics {
    let mut generics = generics.clone();
    let types: Vec<&Type> = types.into_iter().collect();
    let params: Vec<syn::Ident> = generics.type_params().map(|p| p.ident.clone()).collect();
    for param in params {
        if types
            .iter()
            .any(|ty| mentions(ty.to_token_stream(), &param))
        {
            let predicate: WherePredicate = parse_quote!(#param: #bound);
            generics.make_where_clause().predicates.push(predicate);
        }
    }
    generics
}

fn mentions(tokens: TokenStream, ident: &syn::Ident) -> bool {
    tokens.into_iter().any(|token| match token {
        TokenTree::Ident(found) => found == *ident,
        TokenTree::Group(group) => mentions(group.stream(), ident),
        _ => false,
    })
}
