//! The validation context of every model type: the registry facts a payload does not carry.

use super::RegistryKind;
use std::collections::BTreeMap;

/// What the `image_name` rules need to know that the payload does not say: the validation
/// [`Context`](crate::validate::Validate::Context) of every model type.
///
/// A `ContainerRequest` names its registry only by `registry_id`; the registry's kind, which
/// decides the `image_name` rules, comes from the caller: either one kind for every payload, or
/// a map from registry id to kind. The default context knows nothing, and the registry-kind
/// rules are skipped.
///
/// ```
/// use qovery_model::model::{RegistryContext, RegistryKind};
///
/// let ctx = RegistryContext::new()
///     .with_registry("3c90c3cc-0d44-4b50-8888-8dd25736052a", RegistryKind::GithubCr);
/// assert_eq!(
///     ctx.registry_kind_for(Some("3c90c3cc-0d44-4b50-8888-8dd25736052a")),
///     Some(&RegistryKind::GithubCr),
/// );
/// assert_eq!(ctx.registry_kind_for(Some("another")), None);
/// ```
///
/// A type of your own that nests a model type validates with the same context, declared with
/// `#[qovery(context = RegistryContext)]` (see [`derive@crate::validate::Validate`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegistryContext {
    registry_kind: Option<RegistryKind>,
    registries: BTreeMap<String, RegistryKind>,
}

impl RegistryContext {
    /// A context that knows nothing: registry-kind rules are skipped.
    pub const fn new() -> Self {
        RegistryContext {
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
