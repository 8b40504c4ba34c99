//! A do-nothing impl emitted next to the compile errors, so the user sees the real mistake and
//! not a cascade of "the trait `Validate` is not implemented" wherever the type is used.

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

/// `schema`: the type asked for a `JsonSchema` impl (`#[qovery(schema)]`), so a stub stands in
/// for it too. `context`: the context it declares, if it could be read, so that a type nesting
/// it sees the context it will have (`()` otherwise).
pub fn emit(input: &DeriveInput, schema: bool, context: Option<TokenStream>) -> TokenStream {
    let context = context.unwrap_or_else(|| quote!(()));
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let schema = if schema {
        schema_stub(input)
    } else {
        TokenStream::new()
    };
    quote! {
        const _: () = {
            use ::qovery_model::validate as __v;
            impl #impl_generics __v::Validate for #ident #ty_generics #where_clause {
                type Context = #context;
                fn validate_into(&self, _: &Self::Context, _: &__v::Path<'_>, _: &mut __v::Report) {}
                fn describe_rules(_: &str, _: &mut ::std::vec::Vec<__v::CatalogueEntry>) {}
            }
        };
        #schema
    }
}

#[cfg(feature = "schema")]
fn schema_stub(input: &DeriveInput) -> TokenStream {
    let ident = &input.ident;
    let name = ident.to_string();
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    quote! {
        impl #impl_generics ::qovery_model::schemars::JsonSchema for #ident #ty_generics #where_clause {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(#name)
            }
            fn json_schema(_: &mut ::qovery_model::schemars::SchemaGenerator) -> ::qovery_model::schemars::Schema {
                ::qovery_model::schemars::Schema::default()
            }
        }
    }
}

#[cfg(not(feature = "schema"))]
fn schema_stub(_: &DeriveInput) -> TokenStream {
    TokenStream::new()
}
