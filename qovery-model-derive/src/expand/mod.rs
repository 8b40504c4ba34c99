//! Emission: the `Validate` impl and the rule catalogue (`validate.rs`), the JSON Schema
//! (`schema.rs`, with the `schema` feature), and the stub emitted next to compile errors
//! (`fallback.rs`).

mod fallback;
#[cfg(feature = "schema")]
mod schema;
mod validate;

use crate::ast::Container;
use crate::check;
use crate::ctxt::Ctxt;
use proc_macro2::TokenStream;
use syn::DeriveInput;

/// parse -> check -> emit; on any error, the errors plus a fallback impl.
pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let container = Container::from_ast(&cx, input);
    if let Some(container) = &container {
        check::check(&cx, container);
    }
    match (cx.check(), container) {
        (Ok(()), Some(container)) => {
            #[allow(unused_mut)]
            let mut tokens = validate::emit(&container);
            #[cfg(feature = "schema")]
            if container.attrs.schema {
                tokens.extend(schema::emit(&container));
            }
            tokens
        }
        (Err(errors), container) => {
            let schema = container.as_ref().is_some_and(|c| c.attrs.schema);
            let context = container.as_ref().map(Container::context);
            let mut tokens = errors.to_compile_error();
            tokens.extend(fallback::emit(input, schema, context));
            tokens
        }
        // serde could not read the input; serde's own derive reports why.
        (Ok(()), None) => fallback::emit(input, false, None),
    }
}
