//! The defaults the server applies when an optional field is omitted.
//!
//! Most come from the `default` keyword of the OpenAPI spec. The spec gives none for the KEDA
//! autoscaling fields; those come from the Qovery Terraform provider, which documents them as
//! matching the backend default (`qovery/autoscaling_schema.go`).
//!
//! The `*_or_default()` accessors of the model types use these constants; the serde models
//! themselves never fill them in, so a payload serializes back exactly as it was received.

use super::port::PortProtocol;

/// CPU of a container, in millicores (1000 = 1 CPU): 500. Source: spec `ContainerRequest.cpu.default`.
pub const CPU: i32 = 500;

/// Memory of a container, in MB (1024 MB = 1 GB): 512. Source: spec `ContainerRequest.memory.default`.
pub const MEMORY: i32 = 512;

/// Number of GPUs of a container: 0. Source: spec `ContainerRequest.gpu.default`.
pub const GPU: i32 = 0;

/// Minimum number of running instances: 1. Source: spec `ContainerRequest.min_running_instances.default`.
pub const MIN_RUNNING_INSTANCES: i32 = 1;

/// Maximum number of running instances: 1. Source: spec `ContainerRequest.max_running_instances.default`.
pub const MAX_RUNNING_INSTANCES: i32 = 1;

/// Delay before the first probe, in seconds: 30. Source: spec `Probe.initial_delay_seconds.default`.
pub const PROBE_INITIAL_DELAY_SECONDS: i32 = 30;

/// Interval between two probes, in seconds: 10. Source: spec `Probe.period_seconds.default`.
pub const PROBE_PERIOD_SECONDS: i32 = 10;

/// Timeout of one probe, in seconds: 5. Source: spec `Probe.timeout_seconds.default`.
pub const PROBE_TIMEOUT_SECONDS: i32 = 5;

/// Consecutive successes to consider a probe successful: 1. Source: spec `Probe.success_threshold.default`.
pub const PROBE_SUCCESS_THRESHOLD: i32 = 1;

/// Consecutive failures to consider a probe failed: 9. Source: spec `Probe.failure_threshold.default`.
pub const PROBE_FAILURE_THRESHOLD: i32 = 9;

/// Path of an HTTP probe: `/`. Source: spec `Probe.type.http.path.default`.
pub const HTTP_PROBE_PATH: &str = "/";

/// Scheme of an HTTP probe: `HTTP`. Source: spec `Probe.type.http.scheme.default` (the spec has no enum for it).
pub const HTTP_PROBE_SCHEME: &str = "HTTP";

/// KEDA polling interval, in seconds: 30. Source: Terraform provider (`autoscaling_schema.go`), not the spec.
pub const KEDA_POLLING_INTERVAL_SECONDS: i32 = 30;

/// KEDA cooldown period, in seconds: 300. Source: Terraform provider (`autoscaling_schema.go`), not the spec.
pub const KEDA_COOLDOWN_PERIOD_SECONDS: i32 = 300;

/// Whether a KEDA scaler is enabled: `true`. Source: Terraform provider (`autoscaling_schema.go`), not the spec.
pub const KEDA_SCALER_ENABLED: bool = true;

/// Protocol of a port: [`PortProtocol::Http`]. Source: spec `PortProtocolEnum.default`.
pub const PORT_PROTOCOL: PortProtocol = PortProtocol::Http;
