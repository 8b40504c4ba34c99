//! Ports of a container: request items, response items and the protocol enum.

use serde::{Deserialize, Serialize};

use crate::validate::Validate;
use uuid::Uuid;

use super::defaults;
use super::open_enum::open_enum;
use super::registry_context::RegistryContext;

open_enum! {
    /// Protocol of a port (spec `PortProtocolEnum`).
    ///
    /// The spec declares `default: HTTP` on the enum schema itself: see [`defaults::PORT_PROTOCOL`].
    pub enum PortProtocol {
        /// `HTTP`: HTTP traffic (the default).
        Http = "HTTP",
        /// `GRPC`: gRPC traffic.
        Grpc = "GRPC",
        /// `TCP`: raw TCP traffic.
        Tcp = "TCP",
        /// `UDP`: UDP traffic.
        Udp = "UDP",
    }
}

/// A port in a request (the inline item of spec `ServicePortRequest.ports`).
///
/// `ServicePortRequest` itself (`{ports: [...]}`) is flattened into
/// [`ContainerRequest`](super::ContainerRequest), whose `ports` field is a list of these.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::ports::PortExposure)]
pub struct PortRequest {
    /// Id of an existing port (format uuid); omit it to create a new port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,

    /// Name of the port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_port_name",
        source = terraform,
        description = "a set port `name` is not blank (the Terraform provider refuses a blank one; the console sends `p<internal_port>` instead)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/port/port.go (Validate); Qovery/console@720181b application-container-summary-utils.ts:80"
    )]
    pub name: Option<String>,

    /// The listening port of your service (example 8080).
    #[qovery(
        range(min = 1, max = 65535),
        source = kubernetes,
        description = "`internal_port` is between 1 and 65535 (it is the container port)",
        cite = "Qovery/engine@59fa717 lib/common/charts/q-container/templates/deployment.j2.yaml:155 (containerPort); Kubernetes validateContainerPorts (IsValidPortNum)",
        example = 8080
    )]
    pub internal_port: i32,

    /// The exposed port for your service (example 8080). Optional: if not set, a default port is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 1, max = 65535),
        severity = warning,
        code = "external_port_range",
        source = terraform,
        description = "`external_port` is between 1 and 65535 (the Terraform provider's range; the engine does not render it)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/port/port.go:13-14 (MinPort, MaxPort), qovery/resource_container.go:301",
        example = 8080
    )]
    pub external_port: Option<i32>,

    /// Expose the port to the world.
    pub publicly_accessible: bool,

    /// Whether this is the default port to use for the domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,

    /// Protocol of the port. Defaults to [`defaults::PORT_PROTOCOL`] (`HTTP`) when omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        known,
        description = "`protocol` is HTTP, GRPC, TCP or UDP",
        cite = "Qovery/engine@59fa717 src/io_models/application.rs:45-51 (enum Protocol); spec PortProtocolEnum"
    )]
    #[qovery(default = defaults::PORT_PROTOCOL)]
    pub protocol: Option<PortProtocol>,

    /// The path or regex that must match for traffic to be accepted on your service; e.g. `/api/`
    /// only accepts HTTP calls starting with `/api/`. Only valid for publicly accessible HTTP or GRPC ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_path: Option<String>,

    /// The new path used to reach your service after replacement; e.g. with `public_path` `/(.*)`
    /// and `public_path_rewrite` `/api/$1`, an external URL `example.com/foobar` reaches the service
    /// as `example.com/api/foobar`. Only valid for publicly accessible HTTP or GRPC ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_path_rewrite: Option<String>,
}

impl PortRequest {
    /// The effective protocol: `protocol`, or [`defaults::PORT_PROTOCOL`] (`HTTP`) when omitted.
    pub fn protocol_or_default(&self) -> PortProtocol {
        self.protocol.clone().unwrap_or(defaults::PORT_PROTOCOL)
    }
}

/// A port in a response (spec `ServicePort`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[qovery(schema, context = RegistryContext)]
#[qovery(rule = crate::rules::ports::PortExposure)]
pub struct PortResponse {
    /// Id of the port (format uuid).
    pub id: Uuid,

    /// Name of the port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        not_blank,
        severity = warning,
        code = "blank_port_name",
        source = terraform,
        description = "a set port `name` is not blank (the Terraform provider refuses a blank one; the console sends `p<internal_port>` instead)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/port/port.go (Validate); Qovery/console@720181b application-container-summary-utils.ts:80"
    )]
    pub name: Option<String>,

    /// The listening port of your service (example 8080).
    #[qovery(
        range(min = 1, max = 65535),
        source = kubernetes,
        description = "`internal_port` is between 1 and 65535 (it is the container port)",
        cite = "Qovery/engine@59fa717 lib/common/charts/q-container/templates/deployment.j2.yaml:155 (containerPort); Kubernetes validateContainerPorts (IsValidPortNum)",
        example = 8080
    )]
    pub internal_port: i32,

    /// The exposed port for your service (example 8080). Optional: if not set, a default port is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[qovery(
        range(min = 1, max = 65535),
        severity = warning,
        code = "external_port_range",
        source = terraform,
        description = "`external_port` is between 1 and 65535 (the Terraform provider's range; the engine does not render it)",
        cite = "Qovery/terraform-provider-qovery@c186979 internal/domain/port/port.go:13-14 (MinPort, MaxPort), qovery/resource_container.go:301",
        example = 8080
    )]
    pub external_port: Option<i32>,

    /// Expose the port to the world.
    pub publicly_accessible: bool,

    /// Whether this is the default port to use for the domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_default: Option<bool>,

    /// Protocol of the port (required in a response).
    #[qovery(
        known,
        severity = warning,
        description = "`protocol` is HTTP, GRPC, TCP or UDP; a newer value is only a warning in a response",
        cite = "spec PortProtocolEnum"
    )]
    pub protocol: PortProtocol,

    /// The path or regex that must match for traffic to be accepted on your service; e.g. `/api/`
    /// only accepts HTTP calls starting with `/api/`. Only valid for publicly accessible HTTP or GRPC ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_path: Option<String>,

    /// The new path used to reach your service after replacement; e.g. with `public_path` `/(.*)`
    /// and `public_path_rewrite` `/api/$1`, an external URL `example.com/foobar` reaches the service
    /// as `example.com/api/foobar`. Only valid for publicly accessible HTTP or GRPC ports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_path_rewrite: Option<String>,
}

/// The ports of a response (spec `ServicePortResponseList`: an array of `ServicePort`).
pub type ServicePortResponseList = Vec<PortResponse>;
