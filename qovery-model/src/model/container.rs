//! The container request and response, and the small types only they use.

use serde::{Deserialize, Serialize};

use crate::validate::Validate;
use uuid::Uuid;

use super::autoscaling::{AutoscalingPolicyRequest, AutoscalingPolicyResponse};
use super::defaults;
use super::groups::{
    AnnotationsGroupRequest, AnnotationsGroupResponse, LabelsGroupRequest, LabelsGroupResponse,
};
use super::healthcheck::Healthchecks;
use super::nullable::Nullable;
use super::open_enum::open_enum;
use super::port::{PortRequest, PortResponse};
use super::registry::ContainerRegistryDetails;
use super::registry_context::RegistryContext;
use super::storage::{StorageRequest, StorageResponse};

open_enum! {
    /// Type of the service (application, database, job, ...) (spec `ServiceTypeEnum`).
    ///
    /// A container's response says `CONTAINER`.
    pub enum ServiceType {
        /// `APPLICATION`: an application built from a git repository.
        Application = "APPLICATION",
        /// `DATABASE`: a managed or container database.
        Database = "DATABASE",
        /// `CONTAINER`: a container deployed from a registry image.
        Container = "CONTAINER",
        /// `JOB`: a lifecycle or cron job.
        Job = "JOB",
        /// `HELM`: a Helm chart.
        Helm = "HELM",
        /// `TERRAFORM`: a Terraform service.
        Terraform = "TERRAFORM",
        /// `ARGOCD_APP`: an Argo CD application.
        ArgocdApp = "ARGOCD_APP",
        /// `AGENTIC_WORKFLOW`: an agentic workflow.
        AgenticWorkflow = "AGENTIC_WORKFLOW",
    }
}

open_enum! {
    /// CPU architecture to run a service on (spec `CpuArchitectureEnum`).
    ///
    /// The spec schema has only an `enum`, without `type: string`.
    pub enum CpuArchitecture {
        /// `AMD64`: x86-64.
        Amd64 = "AMD64",
        /// `ARM64`: 64-bit ARM.
        Arm64 = "ARM64",
    }
}

/// A reference to the environment a container belongs to (spec `ReferenceObject`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct EnvironmentReference {
    /// Id of the referenced object (format uuid, read-only).
    pub id: Uuid,
}

/// The spec's name for [`EnvironmentReference`].
pub type ReferenceObject = EnvironmentReference;

/// Body of `POST /environment/{environmentId}/container` and `PUT /container/{containerId}`
/// (spec `ContainerRequest`).
///
/// Flattens, in allOf order: `ServiceStorageRequest` (`storage`), `ServicePortRequest` (`ports`),
/// then the inline object (from `name` on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::instances::InstanceBounds)]
#[qovery(rule = crate::rules::image_name::RequestRegistryKind)]
#[qovery(rule = crate::rules::probes::ProbePortsDeclared)]
pub struct ContainerRequest {
    /// Persistent storages of the container. From `ServiceStorageRequest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::storage::UniqueMountPoints)]
    pub storage: Option<Vec<StorageRequest>>,

    /// Ports of the container. From `ServicePortRequest`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::ports::UniquePorts)]
    pub ports: Option<Vec<PortRequest>>,

    /// Name of the container; case insensitive, and unique within the environment (the API answers
    /// 409 when it is taken).
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_name",
        source = terraform,
        description = "`name` is not blank (the Terraform provider refuses a blank name)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/container/container.go:178-179 (ErrInvalidNameParam)"
    )]
    pub name: String,

    /// A description of this container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,

    /// Id of the linked container registry. A plain string in the spec (no uuid format); the
    /// Terraform provider parses it as a UUID.
    #[qovery(
        format = "uuid",
        severity = warning,
        code = "registry_id_format",
        source = terraform,
        description = "`registry_id` is a UUID (the Terraform provider parses it as one; blank is not a UUID)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/container/container.go:173-175 (uuid.Parse, ErrInvalidRegistryIDParam)"
    )]
    pub registry_id: String,

    /// Name of the image in the registry. Its pattern depends on the registry kind:
    /// `ECR`: `repository`; `SCALEWAY_CR`: `namespace/image`; `DOCKER_HUB`: `image` or
    /// `repository/image`; `PUBLIC_ECR`: `registry_alias/repository`.
    #[qovery(
        not_blank,
        source = registry,
        description = "`image_name` is not blank (the engine pulls `<registry>/<image_name>:<tag>`; a blank path is no image reference)",
        cite = "Qovery/engine@59fa717 src/environment/models/container.rs:251 (image_full); distribution/reference grammar: a name has at least one path component"
    )]
    #[qovery(
        length(max = 255),
        source = registry,
        description = "`image_name` has at most 255 characters (Docker's reference grammar)",
        cite = "distribution/reference reference.go: NameTotalLengthMax = 255 (ErrNameTooLong)"
    )]
    #[qovery(custom = crate::rules::image_name::ImageName)]
    pub image_name: String,

    /// Tag of the container image.
    #[qovery(
        not_blank,
        source = registry,
        description = "`tag` is not blank (the engine pulls `<image_name>:<tag>`; `image:` is no image reference)",
        cite = "Qovery/engine@59fa717 src/environment/models/container.rs:251 (image_full); distribution/reference grammar: tag = [\\w][\\w.-]{0,127}"
    )]
    #[qovery(custom = crate::rules::tag::DockerTag)]
    pub tag: String,

    /// Arguments passed to the container when it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Vec<String>>,

    /// Optional entrypoint used when launching the container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<String>,

    /// CPU, in millicores (1000 = 1 CPU; example 1250). Defaults to [`defaults::CPU`] (500) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = engine,
        description = "`cpu` is at least 0 (the engine reads it as an unsigned integer)",
        cite = "Qovery/engine@59fa717 src/io_models/container.rs:409 (`cpu_request_in_milli: u32`)"
    )]
    #[qovery(custom = crate::rules::resources::TerraformMinimum)]
    #[qovery(default = defaults::CPU, example = 1250)]
    pub cpu: Option<i32>,

    /// Memory, in MB (1024 MB = 1 GB; example 1024). Defaults to [`defaults::MEMORY`] (512) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = engine,
        description = "`memory` is at least 0 (the engine reads it as an unsigned integer)",
        cite = "Qovery/engine@59fa717 src/io_models/container.rs:411 (`ram_request_in_mib: u32`)"
    )]
    #[qovery(custom = crate::rules::resources::TerraformMinimum)]
    #[qovery(default = defaults::MEMORY, example = 1024)]
    pub memory: Option<i32>,

    /// Number of GPUs (minimum 0; example 1). Defaults to [`defaults::GPU`] (0) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        description = "`gpu` is at least 0",
        cite = "spec/qovery-openapi-container.yaml:287-291 (minimum: 0)"
    )]
    #[qovery(default = defaults::GPU, example = 1)]
    pub gpu: Option<i32>,

    /// Ephemeral storage of the service, in GiB (minimum 0; example 10). When omitted, the platform default is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        description = "`ephemeral_storage_in_gib` is at least 0",
        cite = "spec/qovery-openapi-container.yaml:294-297 (minimum: 0)",
        example = 10
    )]
    pub ephemeral_storage_in_gib: Option<i32>,

    /// CPU architecture to run this service on. If `null`, the cluster default architecture is used.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(
        known,
        description = "`cpu_architecture` is AMD64 or ARM64 (or null: the cluster's default)",
        cite = "spec/qovery-openapi-container.yaml:675 (CpuArchitectureEnum)"
    )]
    pub cpu_architecture: Nullable<CpuArchitecture>,

    /// Minimum number of running instances (minimum 0); the service auto-scales based on CPU and
    /// memory consumption. 0 means that no container is running. Defaults to
    /// [`defaults::MIN_RUNNING_INSTANCES`] (1) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`min_running_instances` is at least 0 (the Deployment's `replicas`)",
        cite = "spec/qovery-openapi-container.yaml:304-306 (minimum: 0); Kubernetes ValidateDeploymentSpec (ValidateNonnegativeField(replicas))"
    )]
    #[qovery(default = defaults::MIN_RUNNING_INSTANCES)]
    pub min_running_instances: Option<i32>,

    /// Maximum number of running instances; the service auto-scales based on CPU and memory
    /// consumption. -1 means that there is no limit. Defaults to
    /// [`defaults::MAX_RUNNING_INSTANCES`] (1) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = -1),
        severity = warning,
        code = "max_instances_range",
        source = spec_prose,
        description = "`max_running_instances` is at least -1 (-1 means no limit)",
        cite = "spec/qovery-openapi-container.yaml:311 (\"-1 means that there is no limit\"; no `minimum` keyword)"
    )]
    #[qovery(default = defaults::MAX_RUNNING_INSTANCES)]
    pub max_running_instances: Option<i32>,

    /// Readiness and liveness probes (required; `{}` is valid).
    #[qovery(nested)]
    pub healthchecks: Healthchecks,

    /// Whether the "environment preview" option is enabled for this container: if enabled, a
    /// preview environment is cloned automatically when the `/preview` endpoint is called. When
    /// omitted, the `auto_preview` of the environment is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_preview: Option<bool>,

    /// Whether the container is redeployed automatically when it receives a new image tag, sent
    /// through the "Auto Deploy container" endpoint
    /// (<https://api-doc.qovery.com/#tag/Containers/operation/autoDeployContainerEnvironments>).
    /// Nullable in the request: absent, `null` and a value are distinct.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub auto_deploy: Nullable<bool>,

    /// Organization annotations groups to attach, by id (spec `ServiceAnnotationsRequestList`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::groups::UniqueGroupIds)]
    pub annotations_groups: Option<Vec<AnnotationsGroupRequest>>,

    /// Organization labels groups to attach, by id (spec `ServiceLabelsRequestList`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::groups::UniqueGroupIds)]
    pub labels_groups: Option<Vec<LabelsGroupRequest>>,

    /// Icon URI representing the container (format uri).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        format = "uri",
        description = "`icon_uri` is an absolute URI",
        cite = "spec/qovery-openapi-container.yaml:335-337 (format: uri); Qovery/console@720181b sends `app://qovery-console/...`"
    )]
    pub icon_uri: Option<String>,

    /// KEDA autoscaling policy (spec `AutoscalingPolicyRequest`), a flat object carrying `"mode": "KEDA"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested)]
    pub autoscaling: Option<AutoscalingPolicyRequest>,
}

impl ContainerRequest {
    /// The effective CPU in millicores: `cpu`, or [`defaults::CPU`] (500) when omitted.
    pub fn cpu_or_default(&self) -> i32 {
        self.cpu.unwrap_or(defaults::CPU)
    }

    /// The effective memory in MB: `memory`, or [`defaults::MEMORY`] (512) when omitted.
    pub fn memory_or_default(&self) -> i32 {
        self.memory.unwrap_or(defaults::MEMORY)
    }

    /// The effective number of GPUs: `gpu`, or [`defaults::GPU`] (0) when omitted.
    pub fn gpu_or_default(&self) -> i32 {
        self.gpu.unwrap_or(defaults::GPU)
    }

    /// The effective minimum of running instances: the field, or [`defaults::MIN_RUNNING_INSTANCES`] (1).
    pub fn min_running_instances_or_default(&self) -> i32 {
        self.min_running_instances
            .unwrap_or(defaults::MIN_RUNNING_INSTANCES)
    }

    /// The effective maximum of running instances: the field, or [`defaults::MAX_RUNNING_INSTANCES`] (1).
    pub fn max_running_instances_or_default(&self) -> i32 {
        self.max_running_instances
            .unwrap_or(defaults::MAX_RUNNING_INSTANCES)
    }
}

/// Response of `POST /environment/{environmentId}/container` (201) and `PUT /container/{containerId}`
/// (200) (spec `ContainerResponse`).
///
/// Flattens, in allOf order: `Base` (`id`, `created_at`, `updated_at`), `ServiceStorage`
/// (`storage`), `ContainerSource` (`image_name`, `tag`, `registry_id`, `registry`), then the inline
/// object (from `environment` on).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::instances::InstanceBounds)]
#[qovery(rule = crate::rules::response::ResponseRegistryKind)]
#[qovery(rule = crate::rules::probes::ProbePortsDeclared)]
#[qovery(rule = crate::rules::response::ResourceMaximums)]
#[qovery(rule = crate::rules::response::TimestampsInOrder)]
pub struct ContainerResponse {
    /// Id of the container (format uuid, read-only). From `Base`.
    pub id: Uuid,

    /// Creation date (format date-time, read-only). From `Base`.
    #[qovery(
        format = "date-time",
        description = "`created_at` is an RFC 3339 date-time",
        cite = "spec/qovery-openapi-container.yaml:197-204 (Base: format: date-time)"
    )]
    pub created_at: String,

    /// Last update date (format date-time, read-only). From `Base`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        format = "date-time",
        description = "`updated_at` is an RFC 3339 date-time",
        cite = "spec/qovery-openapi-container.yaml:197-204 (Base: format: date-time)"
    )]
    pub updated_at: Option<String>,

    /// Persistent storages of the container. From `ServiceStorage`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::storage::UniqueMountPoints)]
    pub storage: Option<Vec<StorageResponse>>,

    /// Name of the image in the registry. Its pattern depends on the registry kind:
    /// `ECR`: `repository`; `SCALEWAY_CR`: `namespace/image`; `DOCKER_HUB`: `image` or
    /// `repository/image`; `PUBLIC_ECR`: `registry_alias/repository`. From `ContainerSource`.
    #[qovery(
        not_blank,
        source = registry,
        description = "`image_name` is not blank (the engine pulls `<registry>/<image_name>:<tag>`; a blank path is no image reference)",
        cite = "Qovery/engine@59fa717 src/environment/models/container.rs:251 (image_full); distribution/reference grammar: a name has at least one path component"
    )]
    #[qovery(
        length(max = 255),
        source = registry,
        description = "`image_name` has at most 255 characters (Docker's reference grammar)",
        cite = "distribution/reference reference.go: NameTotalLengthMax = 255 (ErrNameTooLong)"
    )]
    #[qovery(custom = crate::rules::image_name::ImageName)]
    pub image_name: String,

    /// Tag of the container image. From `ContainerSource`.
    #[qovery(
        not_blank,
        source = registry,
        description = "`tag` is not blank (the engine pulls `<image_name>:<tag>`; `image:` is no image reference)",
        cite = "Qovery/engine@59fa717 src/environment/models/container.rs:251 (image_full); distribution/reference grammar: tag = [\\w][\\w.-]{0,127}"
    )]
    #[qovery(custom = crate::rules::tag::DockerTag)]
    pub tag: String,

    /// Id of the linked container registry. From `ContainerSource`. (The spec's description here
    /// reads "tag of the image container", a copy-paste slip from `tag`.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        format = "uuid",
        severity = warning,
        code = "registry_id_format",
        source = terraform,
        description = "`registry_id` is a UUID (the Terraform provider parses it as one)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/container/container.go:173-175 (uuid.Parse, ErrInvalidRegistryIDParam)"
    )]
    pub registry_id: Option<String>,

    /// The linked container registry. From `ContainerSource`.
    #[qovery(nested)]
    pub registry: ContainerRegistryDetails,

    /// The environment of the container.
    #[qovery(nested)]
    pub environment: EnvironmentReference,

    /// Maximum CPU that can be allocated to the container based on the organization's cluster
    /// configuration, in millicores (1000 = 1 CPU; example 16000).
    #[qovery(example = 16000)]
    pub maximum_cpu: i32,

    /// Maximum memory that can be allocated to the container based on the organization's cluster
    /// configuration, in MB (1024 MB = 1 GB; example 16384).
    #[qovery(example = 16384)]
    pub maximum_memory: i32,

    /// Maximum number of GPUs that can be allocated to the container based on the organization's
    /// cluster configuration (minimum 0, spec default 0; example 2). (The spec's description is
    /// copied from `maximum_memory` and wrongly speaks of memory in MB.)
    #[qovery(
        range(min = 0),
        description = "`maximum_gpu` is at least 0",
        cite = "spec/qovery-openapi-container.yaml:375-380 (minimum: 0)",
        example = 2
    )]
    pub maximum_gpu: i32,

    /// Name of the container; case insensitive.
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_name",
        source = terraform,
        description = "`name` is not blank (the Terraform provider refuses a blank name)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/container/container.go:178-179 (ErrInvalidNameParam)"
    )]
    pub name: String,

    /// A description of this container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,

    /// Arguments passed to the container when it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Vec<String>>,

    /// Optional entrypoint used when launching the container.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrypoint: Option<String>,

    /// CPU, in millicores (1000 = 1 CPU; example 1250).
    #[qovery(
        range(min = 0),
        source = engine,
        description = "`cpu` is at least 0 (the engine reads it as an unsigned integer)",
        cite = "Qovery/engine@59fa717 src/io_models/container.rs:409 (`cpu_request_in_milli: u32`)",
        example = 1250
    )]
    #[qovery(custom = crate::rules::resources::TerraformMinimum)]
    pub cpu: i32,

    /// Memory, in MB (1024 MB = 1 GB; example 1024).
    #[qovery(
        range(min = 0),
        source = engine,
        description = "`memory` is at least 0 (the engine reads it as an unsigned integer)",
        cite = "Qovery/engine@59fa717 src/io_models/container.rs:411 (`ram_request_in_mib: u32`)",
        example = 1024
    )]
    #[qovery(custom = crate::rules::resources::TerraformMinimum)]
    pub memory: i32,

    /// Number of GPUs (minimum 0, spec default 0; example 1).
    #[qovery(
        range(min = 0),
        description = "`gpu` is at least 0",
        cite = "spec/qovery-openapi-container.yaml:404-409 (minimum: 0)",
        example = 1
    )]
    pub gpu: i32,

    /// Ephemeral storage of the service, in GiB (minimum 0; example 10). When omitted, the platform default is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        description = "`ephemeral_storage_in_gib` is at least 0",
        cite = "spec/qovery-openapi-container.yaml:294-297 (minimum: 0)",
        example = 10
    )]
    pub ephemeral_storage_in_gib: Option<i32>,

    /// CPU architecture this service runs on. If `null`, the cluster default architecture is used.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(
        known,
        severity = warning,
        description = "`cpu_architecture` is AMD64 or ARM64 (or null); a newer value is only a warning in a response",
        cite = "spec/qovery-openapi-container.yaml:675 (CpuArchitectureEnum)"
    )]
    pub cpu_architecture: Nullable<CpuArchitecture>,

    /// Minimum number of running instances (minimum 0, spec default 1); the service auto-scales
    /// based on CPU and memory consumption. 0 means that no container is running.
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`min_running_instances` is at least 0 (the Deployment's `replicas`)",
        cite = "spec/qovery-openapi-container.yaml:304-306 (minimum: 0); Kubernetes ValidateDeploymentSpec (ValidateNonnegativeField(replicas))"
    )]
    pub min_running_instances: i32,

    /// Maximum number of running instances (spec default 1); the service auto-scales based on CPU
    /// and memory consumption. -1 means that there is no limit.
    #[qovery(
        range(min = -1),
        severity = warning,
        code = "max_instances_range",
        source = spec_prose,
        description = "`max_running_instances` is at least -1 (-1 means no limit)",
        cite = "spec/qovery-openapi-container.yaml:311 (\"-1 means that there is no limit\"; no `minimum` keyword)"
    )]
    pub max_running_instances: i32,

    /// Readiness and liveness probes.
    #[qovery(nested)]
    pub healthchecks: Healthchecks,

    /// Whether the "environment preview" option is enabled for this container: if enabled, a
    /// preview environment is cloned automatically when the `/preview` endpoint is called.
    pub auto_preview: bool,

    /// Ports of the container (spec `ServicePortResponseList`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::ports::UniquePorts)]
    pub ports: Option<Vec<PortResponse>>,

    /// Whether the container is redeployed automatically when it receives a new image tag, sent
    /// through the "Auto Deploy container" endpoint
    /// (<https://api-doc.qovery.com/#tag/Containers/operation/autoDeployContainerEnvironments>).
    /// Not nullable in the response (unlike the request).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_deploy: Option<bool>,

    /// Organization annotations groups attached to the container (spec `OrganizationAnnotationsGroupResponseList`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::groups::UniqueGroupIds)]
    pub annotations_groups: Option<Vec<AnnotationsGroupResponse>>,

    /// Organization labels groups attached to the container (spec `OrganizationLabelsGroupResponseList`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested, custom = crate::rules::groups::UniqueGroupIds)]
    pub labels_groups: Option<Vec<LabelsGroupResponse>>,

    /// Icon URI representing the container (format uri).
    #[qovery(
        format = "uri",
        description = "`icon_uri` is an absolute URI",
        cite = "spec/qovery-openapi-container.yaml:335-337 (format: uri); Qovery/console@720181b sends `app://qovery-console/...`"
    )]
    pub icon_uri: String,

    /// Type of the service: `CONTAINER` for a container.
    #[qovery(
        known,
        severity = warning,
        description = "`service_type` is one of the spec's service types; a newer value is only a warning in a response",
        cite = "spec ServiceTypeEnum"
    )]
    #[qovery(custom = crate::rules::response::ContainerServiceType)]
    pub service_type: ServiceType,

    /// KEDA autoscaling policy (spec `AutoscalingPolicyResponse`), a flat object carrying `"mode": "KEDA"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested)]
    pub autoscaling: Option<AutoscalingPolicyResponse>,
}
