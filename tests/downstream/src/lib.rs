#![doc = include_str!("../../../qovery-model/README.md")]
//!
//! # This crate
//!
//! Not published. It depends on `qovery-model` as a user's crate does and holds the uses of its
//! README (above, compiled as doctests) and of its documentation (`tests/`), with and without
//! the `schema` feature: `cargo test -p qovery-model-downstream` and
//! `cargo test -p qovery-model-downstream --all-features`.

use qovery_model::model::RegistryContext;
use qovery_model::validate::Validate;

/// The workspace README's Rust example (its other blocks are `sh`, `text`, `toml`, `yaml` and
/// `json`), compiled and run as a doctest like the library README above.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct WorkspaceReadme;
use serde::{Deserialize, Serialize};

/// A type of the user's with no `JsonSchema`: a struct holding it must derive `Validate` even
/// when something else in the build turns on `qovery-model/schema`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Opaque(pub u16);

/// A deployment of the user's, with rules of its own. It nests a model type, so it validates
/// with the model's context.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[qovery(context = RegistryContext)]
pub struct Deployment {
    /// The service, a DNS label.
    #[qovery(not_blank, length(max = 63), pattern = "^[a-z][a-z0-9-]*$")]
    pub service: String,

    /// The image tag.
    #[qovery(custom = pinned)]
    pub tag: String,

    /// The payload sent to Qovery, checked with its own rules.
    #[qovery(nested)]
    pub container: qovery_model::model::ContainerRequest,

    /// Not on the wire's schema.
    pub opaque: Opaque,
}

/// A tag that moves is not a deployment.
pub fn pinned(tag: &str, _: &RegistryContext) -> Result<(), String> {
    match tag {
        "latest" | "main" | "master" => Err(format!("`{tag}` moves; pin a version")),
        _ => Ok(()),
    }
}
