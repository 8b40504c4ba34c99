//! Typed models of Qovery's container API payloads, with validation.
#![forbid(unsafe_code)]

extern crate self as qovery_model;

#[cfg(feature = "document")]
pub mod document;
pub mod model;
pub mod validate;

#[cfg(feature = "schema")]
pub mod schema;

#[cfg(feature = "schema")]
#[doc(hidden)]
pub use schemars as __private_schemars;
