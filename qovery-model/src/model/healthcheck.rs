//! Health checks: the readiness and liveness probes of a container (shared by request and response).

use serde::{Deserialize, Serialize};

use crate::validate::Validate;

use super::defaults;
use super::nullable::Nullable;
use super::registry_context::RegistryContext;

/// The probes of a container (spec `Healthcheck`, `nullable: false`).
///
/// Required in both [`ContainerRequest`](super::ContainerRequest) and
/// [`ContainerResponse`](super::ContainerResponse); `{}` (no probe at all) is valid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::probes::LivenessSuccessThreshold)]
pub struct Healthchecks {
    /// Probe deciding when the container is ready to receive traffic. The spec's `Probe` is
    /// nullable, so the key may be absent, `null` or a probe.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(nested)]
    pub readiness_probe: Nullable<Probe>,

    /// Probe deciding when the container must be restarted. The spec's `Probe` is nullable, so the
    /// key may be absent, `null` or a probe.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(nested)]
    pub liveness_probe: Nullable<Probe>,
}

/// One probe (spec `Probe`, `nullable: true`; no field is required).
///
/// The spec does not encode it, but a probe must set exactly one of the four kinds of
/// [`ProbeType`]; validation checks it (see [`ProbeType::set_kinds`]).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::probes::ExactlyOneProbeKind)]
#[qovery(rule = crate::rules::probes::ProbeZeroDefaults)]
pub struct Probe {
    /// How the probe checks the container (wire name `type`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    #[qovery(nested)]
    pub kind: Option<ProbeType>,

    /// Delay before the first probe, in seconds. Defaults to
    /// [`defaults::PROBE_INITIAL_DELAY_SECONDS`] (30) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`initial_delay_seconds` is at least 0",
        cite = "Kubernetes validateProbe (ValidateNonnegativeField)"
    )]
    #[qovery(null_as_absent)]
    #[qovery(default = defaults::PROBE_INITIAL_DELAY_SECONDS)]
    pub initial_delay_seconds: Option<i32>,

    /// Interval between two probes, in seconds. Defaults to [`defaults::PROBE_PERIOD_SECONDS`] (10) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`period_seconds` is at least 0 (0 is Kubernetes' default, 10: see `probe_zero_defaulted`)",
        cite = "Kubernetes validateProbe (ValidateNonnegativeField)"
    )]
    #[qovery(null_as_absent)]
    #[qovery(default = defaults::PROBE_PERIOD_SECONDS)]
    pub period_seconds: Option<i32>,

    /// Timeout of one probe, in seconds. Defaults to [`defaults::PROBE_TIMEOUT_SECONDS`] (5) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`timeout_seconds` is at least 0 (0 is Kubernetes' default, 1: see `probe_zero_defaulted`)",
        cite = "Kubernetes validateProbe (ValidateNonnegativeField)"
    )]
    #[qovery(null_as_absent)]
    #[qovery(default = defaults::PROBE_TIMEOUT_SECONDS)]
    pub timeout_seconds: Option<i32>,

    /// Consecutive successes after a failure for the probe to be considered successful.
    /// Defaults to [`defaults::PROBE_SUCCESS_THRESHOLD`] (1) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`success_threshold` is at least 0 (0 is Kubernetes' default, 1: see `probe_zero_defaulted`)",
        cite = "Kubernetes validateProbe (ValidateNonnegativeField)"
    )]
    #[qovery(null_as_absent)]
    #[qovery(default = defaults::PROBE_SUCCESS_THRESHOLD)]
    pub success_threshold: Option<i32>,

    /// Consecutive failures for the probe to be considered failed. Defaults to
    /// [`defaults::PROBE_FAILURE_THRESHOLD`] (9) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 0),
        source = kubernetes,
        description = "`failure_threshold` is at least 0 (0 is Kubernetes' default, 3: see `probe_zero_defaulted`)",
        cite = "Kubernetes validateProbe (ValidateNonnegativeField)"
    )]
    #[qovery(null_as_absent)]
    #[qovery(default = defaults::PROBE_FAILURE_THRESHOLD)]
    pub failure_threshold: Option<i32>,
}

impl Probe {
    /// The effective initial delay in seconds: the field, or [`defaults::PROBE_INITIAL_DELAY_SECONDS`] (30).
    pub fn initial_delay_seconds_or_default(&self) -> i32 {
        self.initial_delay_seconds
            .unwrap_or(defaults::PROBE_INITIAL_DELAY_SECONDS)
    }

    /// The effective period in seconds: the field, or [`defaults::PROBE_PERIOD_SECONDS`] (10).
    pub fn period_seconds_or_default(&self) -> i32 {
        self.period_seconds
            .unwrap_or(defaults::PROBE_PERIOD_SECONDS)
    }

    /// The effective timeout in seconds: the field, or [`defaults::PROBE_TIMEOUT_SECONDS`] (5).
    pub fn timeout_seconds_or_default(&self) -> i32 {
        self.timeout_seconds
            .unwrap_or(defaults::PROBE_TIMEOUT_SECONDS)
    }

    /// The effective success threshold: the field, or [`defaults::PROBE_SUCCESS_THRESHOLD`] (1).
    pub fn success_threshold_or_default(&self) -> i32 {
        self.success_threshold
            .unwrap_or(defaults::PROBE_SUCCESS_THRESHOLD)
    }

    /// The effective failure threshold: the field, or [`defaults::PROBE_FAILURE_THRESHOLD`] (9).
    pub fn failure_threshold_or_default(&self) -> i32 {
        self.failure_threshold
            .unwrap_or(defaults::PROBE_FAILURE_THRESHOLD)
    }
}

/// The kind of a probe (the inline, unnamed object of spec `Probe.type`; the generated clients
/// call it `ProbeType`).
///
/// All four members are optional and nullable. The spec does not say so, but exactly one of them
/// must be set (Terraform provider, engine); see [`ProbeType::set_kinds`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct ProbeType {
    /// Check that a TCP connection can be opened.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(nested)]
    pub tcp: Nullable<TcpProbe>,

    /// Check that an HTTP `GET` succeeds.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(nested)]
    pub http: Nullable<HttpProbe>,

    /// Execute a command inside the container; the probe succeeds if the command exits with status code 0.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(nested)]
    pub exec: Nullable<ExecProbe>,

    /// Call the gRPC health checking protocol.
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(nested)]
    pub grpc: Nullable<GrpcProbe>,
}

impl ProbeType {
    /// Each kind's wire name with whether it holds a value (absent and `null` count as not set),
    /// in wire order: `tcp`, `http`, `exec`, `grpc`.
    pub fn set_kinds(&self) -> [(&'static str, bool); 4] {
        [
            ("tcp", self.tcp.is_value()),
            ("http", self.http.is_value()),
            ("exec", self.exec.is_value()),
            ("grpc", self.grpc.is_value()),
        ]
    }
}

/// A TCP probe (spec `Probe.type.tcp`; the generated clients call it `ProbeTypeTcp`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct TcpProbe {
    /// Port to connect to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 1, max = 65535),
        source = kubernetes,
        description = "the TCP probe's `port` is between 1 and 65535",
        cite = "Kubernetes validateTCPSocketAction (ValidatePortNumOrName)"
    )]
    pub port: Option<i32>,

    /// Host to connect to. Nullable; the spec default is `null` (in Kubernetes, no host means the
    /// pod IP).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(default = serde_json::Value::Null)]
    pub host: Nullable<String>,
}

/// An HTTP probe (spec `Probe.type.http`; the generated clients call it `ProbeTypeHttp`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct HttpProbe {
    /// Path to request. Defaults to [`defaults::HTTP_PROBE_PATH`] (`/`) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(custom = crate::rules::probes::HttpProbePath)]
    #[qovery(default = defaults::HTTP_PROBE_PATH, example = "/healthz")]
    #[qovery(null_as_absent)]
    pub path: Option<String>,

    /// Scheme to use. Defaults to [`defaults::HTTP_PROBE_SCHEME`] (`HTTP`) when omitted. The spec
    /// has no enum for it; the Terraform provider documents `HTTP` or `HTTPS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(custom = crate::rules::probes::HttpProbeScheme)]
    #[qovery(default = defaults::HTTP_PROBE_SCHEME)]
    pub scheme: Option<String>,

    /// Port to request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 1, max = 65535),
        source = kubernetes,
        description = "the HTTP probe's `port` is between 1 and 65535",
        cite = "Kubernetes validateHTTPGetAction (ValidatePortNumOrName)"
    )]
    pub port: Option<i32>,
}

impl HttpProbe {
    /// The effective path: the field, or [`defaults::HTTP_PROBE_PATH`] (`/`).
    pub fn path_or_default(&self) -> &str {
        self.path.as_deref().unwrap_or(defaults::HTTP_PROBE_PATH)
    }

    /// The effective scheme: the field, or [`defaults::HTTP_PROBE_SCHEME`] (`HTTP`).
    pub fn scheme_or_default(&self) -> &str {
        self.scheme
            .as_deref()
            .unwrap_or(defaults::HTTP_PROBE_SCHEME)
    }
}

/// A command probe (spec `Probe.type.exec`; the generated clients call it `ProbeTypeExec`).
///
/// Executes a command inside the container; the probe succeeds if the command exits with status code 0.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct ExecProbe {
    /// Command to execute inside the container, as an array of strings: the executable, then its
    /// arguments (example `["sh", "-c", "test -f /tmp/healthy"]`). The spec requires at least one item
    /// (`minItems: 1`) when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        length(min = 1),
        source = kubernetes,
        description = "the exec probe's `command` has at least one item",
        cite = "Kubernetes validateExecAction (`len(exec.Command) == 0`: Required); spec/qovery-openapi-container.yaml:622 (minItems: 1)"
    )]
    #[qovery(
        each(not_blank),
        severity = warning,
        code = "blank_exec_command_item",
        source = inferred,
        description = "no item of the exec probe's `command` is blank (a blank executable fails every run)",
        cite = "none: Kubernetes validateExecAction checks only that `command` is not empty"
    )]
    #[qovery(example = EXEC_COMMAND_EXAMPLE)]
    pub command: Option<Vec<String>>,
}

/// The spec's example of an exec probe command (read by the schema export).
#[cfg_attr(not(feature = "schema"), allow(dead_code))]
const EXEC_COMMAND_EXAMPLE: [&str; 3] = ["sh", "-c", "test -f /tmp/healthy"];

/// A gRPC probe (spec `Probe.type.grpc`; the generated clients call it `ProbeTypeGrpc`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
pub struct GrpcProbe {
    /// Name of the gRPC service to check. Nullable; the spec default is `null` (in Kubernetes, no
    /// service checks the server's overall health).
    #[serde(default, skip_serializing_if = "Nullable::is_absent")]
    #[qovery(default = serde_json::Value::Null)]
    pub service: Nullable<String>,

    /// Port to call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 1, max = 65535),
        source = kubernetes,
        description = "the gRPC probe's `port` is between 1 and 65535",
        cite = "Kubernetes validateGRPCAction (ValidatePortNumOrName)"
    )]
    pub port: Option<i32>,
}
