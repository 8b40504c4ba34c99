//! JSON Schema export, generated from the same `#[qovery(...)]` declarations as the validator.

mod keywords;

/// Items the derive's generated code names. Not part of the public API.
#[doc(hidden)]
pub mod __private {
    pub use super::keywords::*;
}
