//! KEDA autoscaling of a container.
//!
//! The spec's `AutoscalingPolicyRequest` / `AutoscalingPolicyResponse` are a `oneOf` with a single
//! member and a `mode` discriminator (`KEDA`). Like the official generated Rust client, this crate
//! collapses them to that member: the policy is a struct with a plain `mode` field, and on the wire
//! it is a flat object carrying `"mode": "KEDA"`. A future second mode would show up as
//! [`AutoscalingMode::Unknown`].

use serde::{Deserialize, Serialize};

use crate::validate::Validate;
use uuid::Uuid;

use super::defaults;
use super::nullable::Nullable;
use super::open_enum::open_enum;
use super::registry_context::RegistryContext;

open_enum! {
    /// The autoscaling mode (spec `AutoscalingMode`); the discriminator of the autoscaling policy.
    pub enum AutoscalingMode {
        /// `KEDA`: event-driven autoscaling with KEDA scalers.
        Keda = "KEDA",
    }
}

open_enum! {
    /// The role of a KEDA scaler (spec `KedaScalerRole`).
    pub enum KedaScalerRole {
        /// `PRIMARY`: a main scaling signal.
        Primary = "PRIMARY",
        /// `SAFETY`: a safety-net scaling signal.
        Safety = "SAFETY",
    }
}

/// The autoscaling policy of a request (spec `AutoscalingPolicyRequest`).
///
/// The spec's `oneOf` has one member (`KedaAutoscalingRequest`) with a `mode` discriminator, so it is
/// that struct, whose `mode` field is written on the wire as a flat `"mode": "KEDA"`, exactly like
/// the generated client.
pub type AutoscalingPolicyRequest = KedaAutoscalingRequest;

/// The autoscaling policy of a response (spec `AutoscalingPolicyResponse`).
///
/// The spec's `oneOf` has one member (`KedaAutoscalingResponse`) with a `mode` discriminator, so it
/// is that struct, whose `mode` field is read from and written to the wire as a flat
/// `"mode": "KEDA"`, exactly like the generated client.
pub type AutoscalingPolicyResponse = KedaAutoscalingResponse;

/// KEDA autoscaling settings in a request (spec `KedaAutoscalingRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct KedaAutoscalingRequest {
    /// The autoscaling mode (discriminator): `KEDA`.
    #[qovery(
        known,
        description = "the autoscaling `mode` is KEDA",
        cite = "spec/qovery-openapi-container.yaml:692 (AutoscalingMode)"
    )]
    pub mode: AutoscalingMode,

    /// How often KEDA checks the scalers, in seconds (int32). Defaults to
    /// [`defaults::KEDA_POLLING_INTERVAL_SECONDS`] (30) when omitted (Terraform provider; no default in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 1),
        severity = warning,
        code = "keda_timing_range",
        source = inferred,
        description = "`polling_interval_seconds` is at least 1 (a KEDA polling interval; no client or the spec bounds it)",
        cite = "none found: Qovery/terraform-provider-qovery@c186979 qovery/autoscaling_schema.go:76-87 has no validator; the spec has no minimum"
    )]
    #[qovery(default = defaults::KEDA_POLLING_INTERVAL_SECONDS)]
    pub polling_interval_seconds: Option<i32>,

    /// How long KEDA waits after the last active trigger before scaling down, in seconds (int32).
    /// Defaults to [`defaults::KEDA_COOLDOWN_PERIOD_SECONDS`] (300) when omitted (Terraform provider;
    /// no default in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        severity = warning,
        code = "keda_timing_range",
        source = inferred,
        description = "`cooldown_period_seconds` is at least 0 (a KEDA cooldown period; no client or the spec bounds it)",
        cite = "none found: Qovery/terraform-provider-qovery@c186979 qovery/autoscaling_schema.go:88-96 has no validator; the spec has no minimum"
    )]
    #[qovery(default = defaults::KEDA_COOLDOWN_PERIOD_SECONDS)]
    pub cooldown_period_seconds: Option<i32>,

    /// The scalers; at least one (`minItems: 1`).
    #[qovery(
        length(min = 1),
        description = "`scalers` has at least one scaler",
        cite = "spec/qovery-openapi-container.yaml:724 (minItems: 1)"
    )]
    #[qovery(nested, custom = crate::rules::autoscaling::EnabledScaler)]
    pub scalers: Vec<KedaScalerRequest>,
}

impl KedaAutoscalingRequest {
    /// The effective polling interval in seconds: the field, or [`defaults::KEDA_POLLING_INTERVAL_SECONDS`] (30).
    pub fn polling_interval_seconds_or_default(&self) -> i32 {
        self.polling_interval_seconds
            .unwrap_or(defaults::KEDA_POLLING_INTERVAL_SECONDS)
    }

    /// The effective cooldown period in seconds: the field, or [`defaults::KEDA_COOLDOWN_PERIOD_SECONDS`] (300).
    pub fn cooldown_period_seconds_or_default(&self) -> i32 {
        self.cooldown_period_seconds
            .unwrap_or(defaults::KEDA_COOLDOWN_PERIOD_SECONDS)
    }
}

/// KEDA autoscaling settings in a response (spec `KedaAutoscalingResponse`).
///
/// Flattens, in allOf order: `Base` (`id`, `created_at`, `updated_at`), then the inline object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::response::TimestampsInOrder)]
pub struct KedaAutoscalingResponse {
    /// Id of the autoscaling policy (format uuid, read-only). From `Base`.
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

    /// Id of the service the policy belongs to (format uuid).
    pub service_id: Uuid,

    /// The autoscaling mode (discriminator): `KEDA`.
    #[qovery(
        known,
        severity = warning,
        description = "the autoscaling `mode` is KEDA; a newer value is only a warning in a response",
        cite = "spec/qovery-openapi-container.yaml:692 (AutoscalingMode)"
    )]
    pub mode: AutoscalingMode,

    /// How often KEDA checks the scalers, in seconds (int32).
    #[qovery(
        range(min = 1),
        severity = warning,
        code = "keda_timing_range",
        source = inferred,
        description = "`polling_interval_seconds` is at least 1 (a KEDA polling interval; no client or the spec bounds it)",
        cite = "none found: Qovery/terraform-provider-qovery@c186979 qovery/autoscaling_schema.go:76-87 has no validator; the spec has no minimum"
    )]
    pub polling_interval_seconds: i32,

    /// How long KEDA waits after the last active trigger before scaling down, in seconds (int32).
    #[qovery(
        range(min = 0),
        severity = warning,
        code = "keda_timing_range",
        source = inferred,
        description = "`cooldown_period_seconds` is at least 0 (a KEDA cooldown period; no client or the spec bounds it)",
        cite = "none found: Qovery/terraform-provider-qovery@c186979 qovery/autoscaling_schema.go:88-96 has no validator; the spec has no minimum"
    )]
    pub cooldown_period_seconds: i32,

    /// The scalers; at least one (`minItems: 1`).
    #[qovery(
        length(min = 1),
        description = "`scalers` has at least one scaler",
        cite = "spec/qovery-openapi-container.yaml:772 (minItems: 1)"
    )]
    #[qovery(nested, custom = crate::rules::autoscaling::EnabledScaler)]
    pub scalers: Vec<KedaScalerResponse>,
}

/// One KEDA scaler in a request (spec `KedaScalerRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::autoscaling::ScalerConfig)]
pub struct KedaScalerRequest {
    /// The KEDA scaler type, free-form (e.g. `cpu`, `memory`, `prometheus`, `cron`).
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_scaler_type",
        source = terraform,
        description = "`scaler_type` is not blank (the Terraform provider refuses a blank one; the console drops such a scaler)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/autoscaling/autoscaling.go:92-93 (ErrInvalidScalerType); Qovery/console@720181b application-container-summary-utils.ts:36"
    )]
    pub scaler_type: String,

    /// Whether the scaler is active. Defaults to [`defaults::KEDA_SCALER_ENABLED`] (`true`) when
    /// omitted (Terraform provider; no default in the spec).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(default = defaults::KEDA_SCALER_ENABLED)]
    pub enabled: Option<bool>,

    /// The role of the scaler.
    #[qovery(
        known,
        description = "the scaler `role` is PRIMARY or SAFETY",
        cite = "spec/qovery-openapi-container.yaml:727 (KedaScalerRole)"
    )]
    pub role: KedaScalerRole,

    /// The scaler's KEDA trigger metadata as a free-form JSON object. The Terraform provider
    /// requires exactly one of `config_json` and `config_yaml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_json: Option<serde_json::Map<String, serde_json::Value>>,

    /// The scaler's KEDA trigger configuration as raw YAML. The Terraform provider requires exactly
    /// one of `config_json` and `config_yaml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(custom = crate::rules::autoscaling::YamlSyntax)]
    pub config_yaml: Option<String>,

    /// The KEDA `TriggerAuthentication` the scaler uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested)]
    pub trigger_authentication: Option<KedaTriggerAuthenticationRequest>,
}

impl KedaScalerRequest {
    /// Whether the scaler is effectively enabled: the field, or [`defaults::KEDA_SCALER_ENABLED`] (`true`).
    pub fn enabled_or_default(&self) -> bool {
        self.enabled.unwrap_or(defaults::KEDA_SCALER_ENABLED)
    }
}

/// One KEDA scaler in a response (spec `KedaScalerResponse`).
///
/// Flattens, in allOf order: `Base` (`id`, `created_at`, `updated_at`), then the inline object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::response::TimestampsInOrder)]
#[qovery(rule = crate::rules::autoscaling::ScalerConfig)]
pub struct KedaScalerResponse {
    /// Id of the scaler (format uuid, read-only). From `Base`.
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

    /// The KEDA scaler type, free-form (e.g. `cpu`, `memory`, `prometheus`, `cron`).
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_scaler_type",
        source = terraform,
        description = "`scaler_type` is not blank (the Terraform provider refuses a blank one; the console drops such a scaler)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/autoscaling/autoscaling.go:92-93 (ErrInvalidScalerType); Qovery/console@720181b application-container-summary-utils.ts:36"
    )]
    pub scaler_type: String,

    /// Whether the scaler is active.
    pub enabled: bool,

    /// The role of the scaler.
    #[qovery(
        known,
        severity = warning,
        description = "the scaler `role` is PRIMARY or SAFETY; a newer value is only a warning in a response",
        cite = "spec/qovery-openapi-container.yaml:727 (KedaScalerRole)"
    )]
    pub role: KedaScalerRole,

    /// The scaler's KEDA trigger metadata as a free-form JSON object. Nullable: absent, `null` or an object.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    pub config_json: Nullable<serde_json::Map<String, serde_json::Value>>,

    /// The scaler's KEDA trigger configuration as raw YAML. Nullable: absent, `null` or a string.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(custom = crate::rules::autoscaling::YamlSyntax)]
    pub config_yaml: Nullable<String>,

    /// The KEDA `TriggerAuthentication` the scaler uses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested)]
    pub trigger_authentication: Option<KedaTriggerAuthenticationResponse>,
}

/// A KEDA `TriggerAuthentication` in a request (spec `KedaTriggerAuthenticationRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct KedaTriggerAuthenticationRequest {
    /// Name of the trigger authentication: omitted for an inline one (the API generates it),
    /// set to reference an existing one. The spec lists it as required; Qovery's console omits
    /// it for an inline trigger authentication, and the API accepts that.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_trigger_authentication_name",
        source = terraform,
        description = "a set trigger authentication `name` is not blank (the Terraform provider refuses a blank one; omit it for an inline trigger authentication)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/autoscaling/autoscaling.go:126; omitted by Qovery/console@720181b libs/shared/util-services/src/lib/keda/autoscaling-payload/autoscaling-payload.ts:108-113"
    )]
    pub name: Option<String>,

    /// Optional raw KEDA `TriggerAuthentication` YAML configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(custom = crate::rules::autoscaling::YamlSyntax)]
    pub config_yaml: Option<String>,
}

/// A KEDA `TriggerAuthentication` in a response (spec `KedaTriggerAuthenticationResponse`).
///
/// Flattens, in allOf order: `Base` (`id`, `created_at`, `updated_at`), then the inline object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::response::TimestampsInOrder)]
pub struct KedaTriggerAuthenticationResponse {
    /// Id of the trigger authentication (format uuid, read-only). From `Base`.
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

    /// Id of the organization owning the trigger authentication (a plain string in the spec, no uuid format).
    pub organization_id: String,

    /// Name of the trigger authentication.
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_trigger_authentication_name",
        source = terraform,
        description = "the trigger authentication's `name` is not blank (the Terraform provider refuses a blank one)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/autoscaling/autoscaling.go:126"
    )]
    pub name: String,

    /// Optional raw KEDA `TriggerAuthentication` YAML configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(custom = crate::rules::autoscaling::YamlSyntax)]
    pub config_yaml: Option<String>,
}
