//! Persistent storage of a container: request items, response items and the storage type enum.

use serde::{Deserialize, Serialize};

use crate::validate::Validate;
use uuid::Uuid;

use super::open_enum::open_enum;
use super::registry_context::RegistryContext;

open_enum! {
    /// Type of a persistent storage (spec `StorageTypeEnum`).
    pub enum StorageType {
        /// `FAST_SSD`: SSD-backed storage (the only type the spec lists).
        FastSsd = "FAST_SSD",
    }
}

/// A storage in a request (the inline item of spec `ServiceStorageRequest.storage`).
///
/// `ServiceStorageRequest` itself (`{storage: [...]}`) is flattened into
/// [`ContainerRequest`](super::ContainerRequest), whose `storage` field is a list of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct StorageRequest {
    /// Id of an existing storage (format uuid); omit it to create a new storage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,

    /// Type of the storage (wire name `type`).
    #[serde(rename = "type")]
    #[qovery(
        known,
        description = "the storage `type` is FAST_SSD",
        cite = "spec/qovery-openapi-container.yaml:671 (StorageTypeEnum); Qovery/terraform-provider-qovery@c186979 internal/domain/storage/storage_type.go"
    )]
    pub storage_type: StorageType,

    /// Size of the storage, in GB (example 16). The spec text says "Minimum size is 4 GB" (no
    /// `minimum` keyword), but the API creates and returns a size of 1 (the Terraform provider's
    /// acceptance test `TestAcc_ContainerWithStorage`): below 4 is a warning, below 1 an error.
    #[qovery(
        range(min = 1),
        source = kubernetes,
        description = "the storage `size` is at least 1 GB (the volume claim's storage request must be positive)",
        cite = "Qovery/engine@59fa717 lib/common/charts/q-container/templates/statefulset.j2.yaml:273 (`storage: {{ s.size_in_gib }}Gi`); Kubernetes ValidatePersistentVolumeClaimSpec (ValidatePositiveQuantityValue)",
        example = 16
    )]
    #[qovery(custom = crate::rules::storage::StorageSizeLimit)]
    pub size: i32,

    /// Path where the storage is mounted in the container (example `/mnt/images`).
    #[qovery(
        not_blank,
        source = kubernetes,
        description = "`mount_point` is not blank",
        cite = "Kubernetes ValidateVolumeMounts (`len(mnt.MountPath) == 0`: Required)"
    )]
    #[qovery(custom = crate::rules::storage::MountPoint, example = "/mnt/images")]
    pub mount_point: String,
}

/// A storage in a response (the inline item of spec `ServiceStorage.storage`).
///
/// `ServiceStorage` itself (`{storage: [...]}`) is flattened into
/// [`ContainerResponse`](super::ContainerResponse), whose `storage` field is a list of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct StorageResponse {
    /// Id of the storage (format uuid).
    pub id: Uuid,

    /// Type of the storage (wire name `type`).
    #[serde(rename = "type")]
    #[qovery(
        known,
        severity = warning,
        description = "the storage `type` is FAST_SSD; a newer value is only a warning in a response",
        cite = "spec/qovery-openapi-container.yaml:671 (StorageTypeEnum)"
    )]
    pub storage_type: StorageType,

    /// Size of the storage, in GB (example 16).
    #[qovery(
        range(min = 1),
        source = kubernetes,
        description = "the storage `size` is at least 1 GB (the volume claim's storage request must be positive)",
        cite = "Qovery/engine@59fa717 lib/common/charts/q-container/templates/statefulset.j2.yaml:273 (`storage: {{ s.size_in_gib }}Gi`); Kubernetes ValidatePersistentVolumeClaimSpec (ValidatePositiveQuantityValue)",
        example = 16
    )]
    #[qovery(custom = crate::rules::storage::StorageSizeLimit)]
    pub size: i32,

    /// Path where the storage is mounted in the container (example `/mnt/images`).
    #[qovery(
        not_blank,
        source = kubernetes,
        description = "`mount_point` is not blank",
        cite = "Kubernetes ValidateVolumeMounts (`len(mnt.MountPath) == 0`: Required)"
    )]
    #[qovery(custom = crate::rules::storage::MountPoint, example = "/mnt/images")]
    pub mount_point: String,
}
