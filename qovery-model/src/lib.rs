//! Typed models of Qovery's container API payloads, with validation that reports every problem.
//!
//! `qovery-model` gives Rust types to the bodies of Qovery's container endpoints
//! ([`ContainerRequest`] for `POST /environment/{environmentId}/container` and
//! `PUT /container/{containerId}`, [`ContainerResponse`] for what they return, and the 37 schemas
//! they reference), wire-compatible with Qovery's generated clients. On top of serde it adds:
//!
//! - **validation** ([`validate::Validate`]): every problem of a typed value at once, each a
//!   [`Diagnostic`] with an RFC 6901 JSON Pointer (serde wire names), a stable code, a severity
//!   and a message; a valid value is checked without allocating;
//! - **construction and edit helpers**: [`ContainerRequest::new`] takes the required members,
//!   `with_*` setters and typed helpers ([`PortRequest::http`], [`Probe::http`],
//!   [`StorageRequest::fast_ssd`]) fill in the rest, and [`ContainerResponse::to_request`]
//!   turns a fetched container into the body of an edit;
//! - **the raw-document checker** (feature `document`): bytes of a JSON (or, with `yaml`, YAML)
//!   document in, every problem out, including the ones a typed value cannot hold (a wrong
//!   type, an unknown member, a duplicate key), each located by line and column;
//! - **JSON Schema export** (feature `schema`): 2020-12, draft-07 and OpenAPI 3.0 schemas generated
//!   from the same declarations as the validator.
//!
//! # Validate a typed request
//!
//! Some rules depend on facts the payload does not carry: a request names its registry only by
//! `registry_id`, and the registry's kind decides the shape of `image_name`. The caller supplies
//! them in a [`RegistryContext`], the validation context of every model type.
//!
//! ```
//! use qovery_model::model::{ContainerRequest, PortRequest, Probe, RegistryContext, RegistryKind};
//! use qovery_model::validate::Validate;
//!
//! let registry_id = "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21";
//! let ctx = RegistryContext::new().with_registry(registry_id, RegistryKind::GithubCr);
//!
//! let request = ContainerRequest::new("api", registry_id, "acme/api", "1.4.2")
//!     .with_port(PortRequest::http(8080))
//!     .with_readiness_probe(Probe::http(8080, "/ready"));
//! assert!(request.validate_with(&ctx).is_empty());
//!
//! // A registry host and a tag in `image_name`: reported, with where and why.
//! let mistaken = ContainerRequest::new("api", registry_id, "ghcr.io/acme/api:1.4.2", "1.4.2");
//! let report = mistaken.validate_with(&ctx);
//! assert!(!report.is_valid());
//! for diagnostic in &report {
//!     // error[image_name_tag] /image_name: ...
//!     println!("{diagnostic}");
//!     assert_eq!(diagnostic.pointer, "/image_name");
//! }
//! ```
//!
//! # Check raw bytes and print the diagnostics
//!
//! With the `document` feature, [`document::check`] takes the bytes of a payload
//! file, as a user wrote it, and returns every problem in file order, each with its 1-based line
//! and column. It runs the same typed validator, so a mistake gets the same pointer and code.
//!
//! ```
//! # #[cfg(feature = "document")]
//! # fn main() {
//! use qovery_model::document::{CheckOptions, check};
//!
//! let bytes = br#"{
//!   "name": "api",
//!   "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
//!   "image_name": "acme/api",
//!   "tag": "1.4.2",
//!   "cpu": "500",
//!   "healthchecks": {}
//! }"#;
//! let report = check(bytes, &CheckOptions::new());
//! for d in &report {
//!     if let Some(at) = d.position {
//!         // payload.json:6:10: error[type] /cpu: ...
//!         println!("payload.json:{}:{}: {d}", at.line, at.column);
//!     }
//! }
//! let first = &report.diagnostics()[0];
//! assert_eq!(first.pointer, "/cpu");
//! assert_eq!(first.position.map(|p| p.line), Some(6));
//! # }
//! # #[cfg(not(feature = "document"))]
//! # fn main() {}
//! ```
//!
//! # Export a JSON Schema
//!
//! With the `schema` feature, the schemas that editors and other validators read are generated
//! from the same `#[qovery(...)]` declarations as the validator, so the two cannot disagree.
//!
//! ```
//! # #[cfg(feature = "schema")]
//! # fn main() -> Result<(), serde_json::Error> {
//! use qovery_model::schema::{self, DocumentKind, Draft};
//!
//! let request_schema = schema::schema(DocumentKind::Request, Draft::Draft2020_12);
//! assert_eq!(request_schema["title"], "ContainerRequest");
//! let text = serde_json::to_string_pretty(&request_schema)?;
//! assert!(text.contains("\"image_name\""));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "schema"))]
//! # fn main() {}
//! ```
//!
//! Runnable versions of the three live in the repository's `examples/`
//! (`cargo run --example validate_typed`, `check_document`, `export_schema`).
//!
//! # Features
//!
//! | feature | adds | dependencies |
//! |---|---|---|
//! | *(none, default)* | the model types, [`validate`], the rule catalogue ([`rules`]) | serde, serde_json, uuid, regex, `qovery-model-derive` |
//! | `schema` | [`schema`]: JSON Schema 2020-12 / draft-07 / OpenAPI 3.0 export; `schemars::JsonSchema` for every model type | + schemars |
//! | `document` | [`document`]: the raw-document checker (JSON); implies `schema` | nothing more |
//! | `yaml` | YAML 1.2 documents for the raw-document checker; implies `document` | + saphyr-parser |
//!
//! The default is plain validation with serde alone: a service that builds and checks payloads
//! in code needs nothing else. The measured build times and dependency counts are in the
//! repository's `docs/features.md`.
//!
//! # Stability
//!
//! Enums and option structs that will grow are `#[non_exhaustive]`: the spec's enums (an
//! `Unknown(String)` variant keeps values newer than this crate), [`validate::Severity`],
//! [`validate::Source`], [`validate::Format`], [`Diagnostic`] and the `document` module's options
//! and kinds. The model structs are not: they mirror the spec's schemas field by field and are
//! built with struct literals as well as with the helpers, so a new field in the spec is a new
//! minor version of this crate.
//!
//! # Minimum supported Rust version
//!
//! Rust 1.88, the `rust-version` of the manifest: the crate uses `let` chains, stable since 1.88
//! in edition 2024. Its standard-library calls need no more than 1.85 (clippy's
//! `incompatible_msrv` lint checks them against `rust-version`). Raising it is a minor-version
//! change.
//!
//! [`ContainerRequest`]: model::ContainerRequest
//! [`ContainerResponse`]: model::ContainerResponse
//! [`ContainerRequest::new`]: model::ContainerRequest::new
//! [`ContainerResponse::to_request`]: model::ContainerResponse::to_request
//! [`PortRequest::http`]: model::PortRequest::http
//! [`Probe::http`]: model::Probe::http
//! [`StorageRequest::fast_ssd`]: model::StorageRequest::fast_ssd
//! [`Diagnostic`]: validate::Diagnostic
//! [`RegistryContext`]: model::RegistryContext
// Links to feature-gated modules resolve when the feature is on (docs.rs builds with all
// features) and point to the feature table otherwise, so `cargo doc` warns in neither case.
#![cfg_attr(
    feature = "document",
    doc = "[`document`]: document\n\n[`document::check`]: document::check"
)]
#![cfg_attr(
    not(feature = "document"),
    doc = "[`document`]: #features\n\n[`document::check`]: #features"
)]
#![cfg_attr(feature = "schema", doc = "[`schema`]: schema")]
#![cfg_attr(not(feature = "schema"), doc = "[`schema`]: #features")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

extern crate self as qovery_model;

#[cfg(feature = "document")]
pub mod document;
#[cfg(any(feature = "document", feature = "render"))]
mod lines;
pub mod model;
#[cfg(feature = "render")]
pub mod render;
pub mod rules;
pub mod validate;
mod word;

#[cfg(test)]
mod test_rng;

#[cfg(feature = "schema")]
pub mod schema;

/// The `schemars` this crate implements `JsonSchema` with (feature `schema`): name it as
/// `qovery_model::schemars` to generate a schema of a type of your own that embeds the model
/// types, with the same version of the crate.
#[cfg(feature = "schema")]
pub use schemars;
