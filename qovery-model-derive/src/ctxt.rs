//! An accumulator of spanned errors, so every mistake is reported in one compile.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::ToTokens;
use std::cell::RefCell;
use std::fmt::Display;

/// Collects errors across the parse and check phases.
///
/// Like serde's `Ctxt`, it must be consumed by [`Ctxt::check`]: dropping it unchecked would
/// lose the errors it holds and emit code for a malformed input, so `Drop` panics then (a bug
/// of this crate, never of the input).
pub struct Ctxt {
    /// `None` once [`Ctxt::check`] has taken the errors.
    errors: RefCell<Option<Vec<syn::Error>>>,
}

impl Ctxt {
    pub fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Some(Vec::new())),
        }
    }

    fn push(&self, error: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(error);
        }
    }

    /// Records an error spanned on `tokens`.
    pub fn error_spanned_by<T: ToTokens, M: Display>(&self, tokens: T, message: M) {
        self.push(syn::Error::new_spanned(tokens.into_token_stream(), message));
    }

    /// Records an error at `span`.
    pub fn error_at<M: Display>(&self, span: Span, message: M) {
        self.push(syn::Error::new(span, message));
    }

    /// Records that something written once was written again: one error spanning from the first
    /// occurrence to the second, so both are underlined (stable proc macros have no secondary
    /// labels; rustc underlines a `compile_error!` from its first token's span to its last's).
    pub fn duplicate<M: Display>(&self, first: Span, second: Span, message: M) {
        let tokens: TokenStream = [first, second]
            .into_iter()
            .map(|span| TokenTree::Ident(Ident::new("duplicate", span)))
            .collect();
        self.error_spanned_by(tokens, message);
    }

    /// Records one of syn's errors.
    pub fn syn_error(&self, error: syn::Error) {
        self.push(error);
    }

    /// All recorded errors, combined, or `Ok` when there are none.
    pub fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.take().unwrap_or_default().into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        if !std::thread::panicking() && self.errors.borrow().is_some() {
            panic!("forgot to check for errors");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Ctxt;

    #[test]
    #[should_panic(expected = "forgot to check for errors")]
    fn dropping_it_unchecked_panics() {
        let _cx = Ctxt::new();
    }

    #[test]
    fn check_combines_every_error() {
        let cx = Ctxt::new();
        cx.error_at(proc_macro2::Span::call_site(), "first");
        cx.error_at(proc_macro2::Span::call_site(), "second");
        let messages: Vec<String> = match cx.check() {
            Ok(()) => Vec::new(),
            Err(error) => error.into_iter().map(|e| e.to_string()).collect(),
        };
        assert_eq!(messages, ["first", "second"]);
        assert!(Ctxt::new().check().is_ok());
    }
}
