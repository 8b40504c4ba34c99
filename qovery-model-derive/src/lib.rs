//! `#[derive(Validate)]` for `qovery-model`: the validator, the rule catalogue and (with the
//! `schema` feature) the JSON Schema keywords, all generated from one set of `#[qovery(...)]`
//! declarations, so they cannot drift apart.
//!
//! The macro is a small compiler with three phases, each in its own module:
//! [`ast`] and [`attr`] parse the input into a typed model (serde's own view of wire names, and
//! one typed struct per attribute level), [`check`] rejects what cannot work (a rule that does
//! not apply to the field's type, `min > max`, a bad regex, duplicates), and [`expand`] emits
//! code. Every mistake is reported in one compile, spanned on the offending tokens, next to a
//! fallback impl so no cascade of follow-on errors appears.
//!
//! See the `qovery_model::validate` module for the attribute reference.
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod ty;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

/// Derives `qovery_model::validate::Validate` (and, with the `schema` feature,
/// `schemars::JsonSchema`) from `#[qovery(...)]` attributes.
#[proc_macro_derive(Validate, attributes(qovery))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input).into()
}
