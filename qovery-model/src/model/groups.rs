//! Annotations groups and labels groups attached to a container.
//!
//! A request only references existing organization groups by id; a response embeds the full groups.

use serde::{Deserialize, Serialize};

use crate::validate::Validate;
use uuid::Uuid;

use super::open_enum::open_enum;
use super::registry_context::RegistryContext;

open_enum! {
    /// The kind of Kubernetes resource an annotations group applies to (spec `OrganizationAnnotationsGroupScopeEnum`).
    pub enum AnnotationsGroupScope {
        /// `DEPLOYMENTS`: `Deployment` resources.
        Deployments = "DEPLOYMENTS",
        /// `STATEFUL_SETS`: `StatefulSet` resources.
        StatefulSets = "STATEFUL_SETS",
        /// `SERVICES`: `Service` resources.
        Services = "SERVICES",
        /// `INGRESS`: `Ingress` resources.
        Ingress = "INGRESS",
        /// `GATEWAY_API_ROUTES`: Gateway API route resources (`HTTPRoute`, `GRPCRoute`, …).
        GatewayApiRoutes = "GATEWAY_API_ROUTES",
        /// `HPA`: `HorizontalPodAutoscaler` resources.
        Hpa = "HPA",
        /// `PODS`: `Pod` resources.
        Pods = "PODS",
        /// `SECRETS`: `Secret` resources.
        Secrets = "SECRETS",
        /// `JOBS`: `Job` resources.
        Jobs = "JOBS",
        /// `CRON_JOBS`: `CronJob` resources.
        CronJobs = "CRON_JOBS",
    }
}

/// A reference to an organization annotations group in a request (spec `ServiceAnnotationRequest`).
///
/// Extra keys are accepted and dropped. Qovery's console sends whole group objects: their members
/// (`crate::rules::groups::CONSOLE_LABELS_GROUP_MEMBERS`, `CONSOLE_ANNOTATIONS_GROUP_MEMBERS`) are declared in the schema, so the document
/// checker reads them without an `unknown_member` warning; any other member is still unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::groups::ConsoleGroupMembers)]
pub struct AnnotationsGroupRequest {
    /// Id of the annotations group (format uuid).
    pub id: Uuid,
}

/// A reference to an organization labels group in a request (spec `ServiceLabelRequest`).
///
/// Extra keys are accepted and dropped. Qovery's console sends whole group objects: their members
/// (`crate::rules::groups::CONSOLE_LABELS_GROUP_MEMBERS`, `CONSOLE_ANNOTATIONS_GROUP_MEMBERS`) are declared in the schema, so the document
/// checker reads them without an `unknown_member` warning; any other member is still unknown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::groups::ConsoleGroupMembers)]
pub struct LabelsGroupRequest {
    /// Id of the labels group (format uuid).
    pub id: Uuid,
}

/// The annotations groups of a request (spec `ServiceAnnotationsRequestList`: an array of `ServiceAnnotationRequest`).
pub type ServiceAnnotationsRequestList = Vec<AnnotationsGroupRequest>;

/// The labels groups of a request (spec `ServiceLabelsRequestList`: an array of `ServiceLabelRequest`).
pub type ServiceLabelsRequestList = Vec<LabelsGroupRequest>;

/// One Kubernetes annotation (spec `Annotation`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct Annotation {
    /// Annotation key.
    pub key: String,

    /// Annotation value.
    pub value: String,
}

/// One Kubernetes label (spec `Label`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct Label {
    /// Label key.
    pub key: String,

    /// Label value.
    pub value: String,

    /// Whether the label is also set on the cloud provider's resources.
    pub propagate_to_cloud_provider: bool,
}

/// An organization annotations group, as embedded in a response (spec `OrganizationAnnotationsGroupResponse`).
///
/// Flattens, in allOf order: `Base` (`id`, `created_at`, `updated_at`), then the inline object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::response::TimestampsInOrder)]
pub struct AnnotationsGroupResponse {
    /// Id of the group (format uuid, read-only). From `Base`.
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

    /// Name of the group.
    pub name: String,

    /// The annotations of the group.
    #[qovery(nested)]
    pub annotations: Vec<Annotation>,

    /// The kinds of resources the annotations apply to.
    #[qovery(
        each(known),
        severity = warning,
        description = "each scope is one of the spec's scopes; a newer value is only a warning in a response",
        cite = "spec OrganizationAnnotationsGroupScopeEnum"
    )]
    pub scopes: Vec<AnnotationsGroupScope>,
}

/// An organization labels group, as embedded in a response (spec `OrganizationLabelsGroupResponse`).
///
/// Flattens, in allOf order: `Base` (`id`, `created_at`, `updated_at`), then the inline object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::response::TimestampsInOrder)]
pub struct LabelsGroupResponse {
    /// Id of the group (format uuid, read-only). From `Base`.
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

    /// Name of the group.
    pub name: String,

    /// The labels of the group.
    #[qovery(nested)]
    pub labels: Vec<Label>,
}

/// The annotations groups of a response (spec `OrganizationAnnotationsGroupResponseList`).
pub type OrganizationAnnotationsGroupResponseList = Vec<AnnotationsGroupResponse>;

/// The labels groups of a response (spec `OrganizationLabelsGroupResponseList`).
pub type OrganizationLabelsGroupResponseList = Vec<LabelsGroupResponse>;
