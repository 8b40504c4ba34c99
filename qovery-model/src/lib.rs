//! Typed models of Qovery's container API payloads, with validation.
#![forbid(unsafe_code)]

extern crate self as qovery_model;

pub mod model;
pub mod validate;
