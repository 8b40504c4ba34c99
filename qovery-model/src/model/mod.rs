//! Serde models of Qovery's container API payloads.
//!
//! [`ContainerRequest`] is the body of `POST /environment/{environmentId}/container` (and of
//! `PUT /container/{containerId}`); [`ContainerResponse`] is what both return. Every schema they
//! reference in the OpenAPI spec (`spec/qovery-openapi-container.yaml`, 39 schemas) has a Rust
//! name here.
//!
//! # Layout
//!
//! | module | contents |
//! |---|---|
//! | `container` | [`ContainerRequest`], [`ContainerResponse`], [`EnvironmentReference`], [`ServiceType`], [`CpuArchitecture`] |
//! | `healthcheck` | [`Healthchecks`], [`Probe`], [`ProbeType`] and the four probe kinds |
//! | `port` | [`PortRequest`], [`PortResponse`], [`PortProtocol`] |
//! | `storage` | [`StorageRequest`], [`StorageResponse`], [`StorageType`] |
//! | `registry` | [`ContainerRegistryDetails`], [`RegistryKind`] |
//! | `registry_context` | [`RegistryContext`], the validation context every model type declares (the registry kinds behind `registry_id`) |
//! | `groups` | annotations and labels groups ([`AnnotationsGroupRequest`], [`AnnotationsGroupResponse`], …) |
//! | `autoscaling` | KEDA autoscaling ([`KedaAutoscalingRequest`], [`KedaAutoscalingResponse`], …) |
//! | [`defaults`] | the defaults the server applies to omitted fields, as constants |
//! | `nullable` | [`Nullable`], the absent / `null` / value tri-state of optional nullable fields |
//!
//! All types are re-exported here; only [`defaults`] is reached as a module.
//!
//! # Mapping conventions
//!
//! The structs follow the official generated Rust client (`qovery-client-rust`) at the JSON level:
//!
//! - Field names are the wire names, except a wire `type` field: [`Probe::kind`] and
//!   `storage_type` in [`StorageRequest`] / [`StorageResponse`].
//! - Fields are in the spec's order; `allOf` compositions are flattened into one struct, in
//!   `allOf` order (each struct's doc names what it flattens).
//! - A required field is a bare `T`; an optional field is an `Option<T>` that is not serialized
//!   when `None`; an optional *nullable* field is a [`Nullable<T>`], which keeps absent, `null`
//!   and a value apart.
//! - Integers are `i32`; `format: uuid` strings are [`uuid::Uuid`]; dates, URIs and ids without
//!   `format: uuid` are `String`.
//! - Spec enums are open: a value newer than this crate is kept in an `Unknown(String)` variant.
//! - Unknown JSON keys are ignored (the spec has no `additionalProperties: false`).
//! - Spec defaults are never filled in; `*_or_default()` accessors return the effective value.
//!
//! # Spec schema → Rust item
//!
//! | spec schema | Rust item |
//! |---|---|
//! | `ContainerRequest` | [`ContainerRequest`] |
//! | `ContainerResponse` | [`ContainerResponse`] |
//! | `ContainerSource` | flattened into [`ContainerResponse`] (`image_name`, `tag`, `registry_id`, `registry`) |
//! | `Base` | flattened into [`ContainerResponse`], [`AnnotationsGroupResponse`], [`LabelsGroupResponse`], [`KedaAutoscalingResponse`], [`KedaScalerResponse`], [`KedaTriggerAuthenticationResponse`] (`id`, `created_at`, `updated_at`) |
//! | `ReferenceObject` | [`EnvironmentReference`] (alias [`ReferenceObject`]) |
//! | `ServiceStorageRequest` | flattened into [`ContainerRequest`] (`storage`); its inline item is [`StorageRequest`] |
//! | `ServiceStorage` | flattened into [`ContainerResponse`] (`storage`); its inline item is [`StorageResponse`] |
//! | `StorageTypeEnum` | [`StorageType`] |
//! | `ServicePortRequest` | flattened into [`ContainerRequest`] (`ports`); its inline item is [`PortRequest`] |
//! | `ServicePort` | [`PortResponse`] |
//! | `ServicePortResponseList` | [`ServicePortResponseList`] (`Vec<PortResponse>`) |
//! | `PortProtocolEnum` | [`PortProtocol`] |
//! | `Healthcheck` | [`Healthchecks`] |
//! | `Probe` | [`Probe`]; its inline `type` object is [`ProbeType`], with [`TcpProbe`], [`HttpProbe`], [`ExecProbe`], [`GrpcProbe`] |
//! | `ContainerRegistryProviderDetailsResponse` | [`ContainerRegistryDetails`] |
//! | `ContainerRegistryKindEnum` | [`RegistryKind`] |
//! | `CpuArchitectureEnum` | [`CpuArchitecture`] |
//! | `ServiceTypeEnum` | [`ServiceType`] |
//! | `ServiceAnnotationsRequestList` | [`ServiceAnnotationsRequestList`] (`Vec<AnnotationsGroupRequest>`) |
//! | `ServiceAnnotationRequest` | [`AnnotationsGroupRequest`] |
//! | `ServiceLabelsRequestList` | [`ServiceLabelsRequestList`] (`Vec<LabelsGroupRequest>`) |
//! | `ServiceLabelRequest` | [`LabelsGroupRequest`] |
//! | `OrganizationAnnotationsGroupResponseList` | [`OrganizationAnnotationsGroupResponseList`] (`Vec<AnnotationsGroupResponse>`) |
//! | `OrganizationAnnotationsGroupResponse` | [`AnnotationsGroupResponse`] |
//! | `OrganizationAnnotationsGroupScopeEnum` | [`AnnotationsGroupScope`] |
//! | `Annotation` | [`Annotation`] |
//! | `OrganizationLabelsGroupResponseList` | [`OrganizationLabelsGroupResponseList`] (`Vec<LabelsGroupResponse>`) |
//! | `OrganizationLabelsGroupResponse` | [`LabelsGroupResponse`] |
//! | `Label` | [`Label`] |
//! | `AutoscalingPolicyRequest` | [`AutoscalingPolicyRequest`] (alias of [`KedaAutoscalingRequest`]: one-member `oneOf`) |
//! | `AutoscalingPolicyResponse` | [`AutoscalingPolicyResponse`] (alias of [`KedaAutoscalingResponse`]: one-member `oneOf`) |
//! | `AutoscalingMode` | [`AutoscalingMode`] |
//! | `KedaAutoscalingRequest` | [`KedaAutoscalingRequest`] |
//! | `KedaAutoscalingResponse` | [`KedaAutoscalingResponse`] |
//! | `KedaScalerRequest` | [`KedaScalerRequest`] |
//! | `KedaScalerResponse` | [`KedaScalerResponse`] |
//! | `KedaScalerRole` | [`KedaScalerRole`] |
//! | `KedaTriggerAuthenticationRequest` | [`KedaTriggerAuthenticationRequest`] |
//! | `KedaTriggerAuthenticationResponse` | [`KedaTriggerAuthenticationResponse`] |

mod autoscaling;
mod builder;
mod container;
mod convert;
pub mod defaults;
mod document_kind;
mod groups;
mod healthcheck;
mod nullable;
mod open_enum;
mod port;
mod registry;
mod registry_context;
mod storage;

pub use autoscaling::*;
pub use builder::*;
pub use container::*;
pub use document_kind::DocumentKind;
pub use groups::*;
pub use healthcheck::*;
pub use nullable::*;
pub use port::*;
pub use registry::*;
pub use registry_context::RegistryContext;
pub use storage::*;
