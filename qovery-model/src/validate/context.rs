//! Facts outside the payload that some rules need.

use crate::model::RegistryKind;
use std::collections::BTreeMap;

/// Facts that the payload does not carry.
///
/// A `ContainerRequest` names its registry only by `registry_id`; the registry's kind, which
/// decides the `image_name` rules, comes from the caller: either one kind for every payload, or
/// a map from registry id to kind.
///
/// ```
/// use qovery_model::model::RegistryKind;
/// use qovery_model::validate::Context;
///
/// let ctx = Context::new()
///     .with_registry("3c90c3cc-0d44-4b50-8888-8dd25736052a", RegistryKind::GithubCr);
/// assert_eq!(
///     ctx.registry_kind_for(Some("3c90c3cc-0d44-4b50-8888-8dd25736052a")),
///     Some(&RegistryKind::GithubCr),
/// );
/// assert_eq!(ctx.registry_kind_for(Some("another")), None);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    registry_kind: Option<RegistryKind>,
    registries: BTreeMap<String, RegistryKind>,
}

/// The context that knows nothing, shared by every [`Validate::validate`](super::Validate::validate)
/// call: nothing to build or drop per call.
pub(crate) static EMPTY: Context = Context::new();

impl Context {
    /// A context that knows nothing: registry-kind rules are skipped.
    pub const fn new() -> Self {
        Context {
            registry_kind: None,
            registries: BTreeMap::new(),
        }
    }

    /// Use `kind` for every payload whose `registry_id` is not in the map.
    #[must_use]
    pub fn with_registry_kind(mut self, kind: RegistryKind) -> Self {
        self.registry_kind = Some(kind);
        self
    }

    /// Map `registry_id` to `kind`.
    #[must_use]
    pub fn with_registry(mut self, registry_id: impl Into<String>, kind: RegistryKind) -> Self {
        self.registries.insert(registry_id.into(), kind);
        self
    }

    /// The kind for a payload's `registry_id`: from the map, else the default kind.
    pub fn registry_kind_for(&self, registry_id: Option<&str>) -> Option<&RegistryKind> {
        registry_id
            .and_then(|id| self.registries.get(id))
            .or(self.registry_kind.as_ref())
    }
}
