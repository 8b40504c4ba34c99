//! Ports: how each port is exposed, and what must be unique across ports.
//!
//! The value bounds (`internal_port`, `external_port` in 1..=65535, a set `name` not blank, a
//! known `protocol`) are keywords on [`PortRequest`] and [`PortResponse`].

use super::unique::{cmp_ignore_case, for_each_duplicate};
use crate::model::{PortProtocol, PortRequest, PortResponse};
use crate::validate::quote::show;
use crate::validate::{
    Change, Path, Repair, Report, Rule, RuleInfo, Scalar, SchemaSupport, Severity, Source, codes,
};

/// `external_port` on a port that is not publicly accessible.
pub const EXTERNAL_PORT_NOT_PUBLIC: RuleInfo = RuleInfo {
    code: codes::EXTERNAL_PORT_NOT_PUBLIC,
    severity: Severity::Warning,
    source: Source::TerraformProvider,
    citation: "Qovery/terraform-provider-qovery@c186979 qovery/validators/port_external_port_validator.go:26-50 (\"the API does not persist external_port for non-public ports\"): the API accepts and drops it",
    pointer: "/external_port",
    description: "`external_port` is only set on a publicly accessible port (the API accepts it and drops it; the Terraform provider refuses it)",
    schema: SchemaSupport::ValidatorOnly,
};

/// A public port with no `external_port`.
pub const PUBLIC_PORT_WITHOUT_EXTERNAL_PORT: RuleInfo = RuleInfo {
    code: codes::PUBLIC_PORT_WITHOUT_EXTERNAL_PORT,
    severity: Severity::Warning,
    source: Source::TerraformProvider,
    citation: "Qovery/console@720181b libs/domains/services/feature/src/lib/service-creation-flow/application-container/application-container-port/application-container-port-modal/application-container-port-crud-modal.tsx:47-70 (443 for HTTP/gRPC); Qovery/terraform-provider-qovery@c186979 qovery/resource_container.go external_port description",
    pointer: "/external_port",
    description: "a publicly accessible port sets `external_port` (the console uses 443 for HTTP and gRPC, the internal port for TCP and UDP; the API picks a default otherwise)",
    schema: SchemaSupport::ValidatorOnly,
};

/// `public_path` on a port that is not a public HTTP or gRPC port.
pub const PUBLIC_PATH_NOT_APPLICABLE: RuleInfo = RuleInfo {
    code: codes::PUBLIC_PATH_NOT_APPLICABLE,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml:97-104 (\"Only valid for publicly_accessible HTTP or GRPC ports\"); no rejecting authority found",
    pointer: "/public_path",
    description: "`public_path` is only set on a publicly accessible HTTP or GRPC port",
    schema: SchemaSupport::ValidatorOnly,
};

/// `public_path_rewrite` on a port that is not a public HTTP or gRPC port.
pub const PUBLIC_PATH_REWRITE_NOT_APPLICABLE: RuleInfo = RuleInfo {
    code: codes::PUBLIC_PATH_NOT_APPLICABLE,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml:105-111 (\"Only valid for publicly_accessible HTTP or GRPC ports\"); no rejecting authority found",
    pointer: "/public_path_rewrite",
    description: "`public_path_rewrite` is only set on a publicly accessible HTTP or GRPC port",
    schema: SchemaSupport::ValidatorOnly,
};

const EXPOSURE_RULES: &[RuleInfo] = &[
    EXTERNAL_PORT_NOT_PUBLIC,
    PUBLIC_PORT_WITHOUT_EXTERNAL_PORT,
    PUBLIC_PATH_NOT_APPLICABLE,
    PUBLIC_PATH_REWRITE_NOT_APPLICABLE,
];

/// The fields of a port the rules read, borrowed from a request or response port.
struct PortView<'a> {
    name: Option<&'a str>,
    internal_port: i32,
    external_port: Option<i32>,
    publicly_accessible: bool,
    is_default: bool,
    /// `None` when omitted in a request: the default, HTTP.
    protocol: Option<&'a PortProtocol>,
    public_path: Option<&'a str>,
    public_path_rewrite: Option<&'a str>,
}

/// Borrows the fields the rules read from a request or response port.
trait Port {
    fn view(&self) -> PortView<'_>;
}

impl Port for PortRequest {
    fn view(&self) -> PortView<'_> {
        PortView {
            name: self.name.as_deref(),
            internal_port: self.internal_port,
            external_port: self.external_port,
            publicly_accessible: self.publicly_accessible,
            is_default: self.is_default == Some(true),
            protocol: self.protocol.as_ref(),
            public_path: self.public_path.as_deref(),
            public_path_rewrite: self.public_path_rewrite.as_deref(),
        }
    }
}

impl Port for PortResponse {
    fn view(&self) -> PortView<'_> {
        PortView {
            name: self.name.as_deref(),
            internal_port: self.internal_port,
            external_port: self.external_port,
            publicly_accessible: self.publicly_accessible,
            is_default: self.is_default == Some(true),
            protocol: Some(&self.protocol),
            public_path: self.public_path.as_deref(),
            public_path_rewrite: self.public_path_rewrite.as_deref(),
        }
    }
}

impl PortView<'_> {
    fn protocol_name(&self) -> std::borrow::Cow<'_, str> {
        match self.protocol {
            None => "HTTP (the default)".into(),
            // Fix found by fuzzing: a long unknown protocol is quoted truncated (`show`), like
            // every value a message quotes, so that a huge value never makes a huge message.
            Some(protocol) if protocol.as_str().chars().nth(60).is_some() => {
                show(protocol.as_str()).into()
            }
            Some(protocol) => protocol.as_str().into(),
        }
    }

    fn is_http_or_grpc(&self) -> bool {
        matches!(
            self.protocol,
            None | Some(PortProtocol::Http | PortProtocol::Grpc)
        )
    }
}

/// How one port is exposed: `external_port` and the public paths against
/// `publicly_accessible` and `protocol`.
pub struct PortExposure;

impl<C: ?Sized> Rule<PortRequest, C> for PortExposure {
    const RULES: &'static [RuleInfo] = EXPOSURE_RULES;

    fn check(port: &PortRequest, _: &C, path: &Path<'_>, report: &mut Report) {
        check_exposure(&port.view(), path, report);
    }
}

impl<C: ?Sized> Rule<PortResponse, C> for PortExposure {
    const RULES: &'static [RuleInfo] = EXPOSURE_RULES;

    fn check(port: &PortResponse, _: &C, path: &Path<'_>, report: &mut Report) {
        check_exposure(&port.view(), path, report);
    }
}

fn check_exposure(port: &PortView<'_>, path: &Path<'_>, report: &mut Report) {
    match (port.publicly_accessible, port.external_port) {
        (false, Some(external)) => {
            let at = path.field("external_port");
            // Safe: the API drops it, so removing it keeps what the payload does.
            let repair = Repair::safe(
                "remove `external_port`",
                vec![Change::Remove {
                    pointer: at.to_pointer(),
                }],
            );
            report.push_with_repair(
                &EXTERNAL_PORT_NOT_PUBLIC,
                &at,
                format!(
                    "external_port {external} is set on a port that is not publicly accessible; the API drops it, expected no external_port or `publicly_accessible: true`"
                ),
                "remove `external_port`, or set `publicly_accessible` to true".to_owned(),
                repair,
            );
        }
        (true, None) => {
            let suggestion = if port.is_http_or_grpc() {
                443
            } else {
                port.internal_port
            };
            let at = path.field("external_port");
            let message = format!(
                "publicly accessible {} port {} has no external_port; expected the port it is exposed on",
                port.protocol_name(),
                port.internal_port
            );
            let help = format!("set `external_port` to {suggestion}");
            // An unknown protocol (`http` for `HTTP`) gets no repair: the console's choice
            // depends on the protocol its own fix will write.
            if port.protocol.is_some_and(|protocol| !protocol.is_known()) {
                report.push_with_help(&PUBLIC_PORT_WITHOUT_EXTERNAL_PORT, &at, message, help);
                return;
            }
            let repair = Repair::safe(
                format!("set `external_port` to {suggestion}"),
                vec![Change::Set {
                    pointer: at.to_pointer(),
                    value: Scalar::Integer(i64::from(suggestion)),
                }],
            );
            report.push_with_repair(
                &PUBLIC_PORT_WITHOUT_EXTERNAL_PORT,
                &at,
                message,
                help,
                repair,
            );
        }
        _ => {}
    }
    if port.publicly_accessible && port.is_http_or_grpc() {
        return;
    }
    let why = if port.publicly_accessible {
        format!("a {} port", port.protocol_name())
    } else {
        "a port that is not publicly accessible".to_owned()
    };
    for (rule, name, value) in [
        (&PUBLIC_PATH_NOT_APPLICABLE, "public_path", port.public_path),
        (
            &PUBLIC_PATH_REWRITE_NOT_APPLICABLE,
            "public_path_rewrite",
            port.public_path_rewrite,
        ),
    ] {
        if let Some(value) = value {
            report.push(
                rule,
                &path.field(name),
                format!(
                    "{name} {} is set on {why}; expected it only on publicly accessible HTTP or GRPC ports",
                    show(value)
                ),
            );
        }
    }
}

/// Two ports with the same `internal_port`.
pub const DUPLICATE_INTERNAL_PORT: RuleInfo = RuleInfo {
    code: codes::DUPLICATE_INTERNAL_PORT,
    severity: Severity::Error,
    source: Source::Kubernetes,
    citation: "Qovery/engine@59fa717 lib/common/charts/q-container/templates/deployment.j2.yaml:155-156 and service.j2.yaml:27 (port named `p<port>`); Kubernetes validateContainerPorts and ValidateService (duplicate port name: Duplicate)",
    pointer: "/*/internal_port",
    description: "no two ports have the same `internal_port` (each becomes a port of the container and of its Kubernetes Service)",
    schema: SchemaSupport::ValidatorOnly,
};

/// Two ports with the same `name`, ignoring case.
pub const DUPLICATE_PORT_NAME: RuleInfo = RuleInfo {
    code: codes::DUPLICATE_PORT_NAME,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "Qovery/engine@59fa717 lib/common/charts/q-container/templates/service.j2.yaml:27 names Kubernetes ports `p<port>`, not by this `name`; no rejecting authority found",
    pointer: "/*/name",
    description: "no two ports have the same `name`, ignoring case (the names then say nothing; Kubernetes never sees them: the engine names ports `p<port>`)",
    schema: SchemaSupport::ValidatorOnly,
};

/// More than one `is_default: true`.
pub const MULTIPLE_DEFAULT_PORTS: RuleInfo = RuleInfo {
    code: codes::MULTIPLE_DEFAULT_PORTS,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml ServicePort.is_default (\"the default port to use for domain\"); Qovery/terraform-provider-qovery@c186979 qovery/resource_container.go is_default description: the API may override it",
    pointer: "/*/is_default",
    description: "at most one port has `is_default: true` (\"the default port to use for domain\")",
    schema: SchemaSupport::ValidatorOnly,
};

const UNIQUE_RULES: &[RuleInfo] = &[
    DUPLICATE_INTERNAL_PORT,
    DUPLICATE_PORT_NAME,
    MULTIPLE_DEFAULT_PORTS,
];

/// What must be unique across the ports of a container. See [`super::unique`] for the cost.
pub struct UniquePorts;

impl<C: ?Sized> Rule<Vec<PortRequest>, C> for UniquePorts {
    const RULES: &'static [RuleInfo] = UNIQUE_RULES;

    fn check(ports: &Vec<PortRequest>, _: &C, path: &Path<'_>, report: &mut Report) {
        check_unique(ports, path, report);
    }
}

impl<C: ?Sized> Rule<Vec<PortResponse>, C> for UniquePorts {
    const RULES: &'static [RuleInfo] = UNIQUE_RULES;

    fn check(ports: &Vec<PortResponse>, _: &C, path: &Path<'_>, report: &mut Report) {
        check_unique(ports, path, report);
    }
}

fn check_unique<P: Port>(ports: &[P], path: &Path<'_>, report: &mut Report) {
    for_each_duplicate(
        ports,
        Some,
        |a: &P, b: &P| a.view().internal_port.cmp(&b.view().internal_port),
        |index, first| {
            let item = path.index(index);
            report.push(
                &DUPLICATE_INTERNAL_PORT,
                &item.field("internal_port"),
                format!(
                    "internal_port {} is already declared by port {first}; expected each internal_port once",
                    ports[index].view().internal_port
                ),
            );
        },
    );
    for_each_duplicate(
        ports,
        |port| port.view().name,
        cmp_ignore_case,
        |index, first| {
            let item = path.index(index);
            let name = ports[index].view().name.unwrap_or_default();
            let earlier = ports[first].view().name.unwrap_or_default();
            report.push(
                &DUPLICATE_PORT_NAME,
                &item.field("name"),
                format!(
                    "name {} is already used by port {first} ({}); expected each name once, ignoring case",
                    show(name),
                    show(earlier)
                ),
            );
        },
    );
    let mut first_default = None;
    for (index, port) in ports.iter().enumerate() {
        if !port.view().is_default {
            continue;
        }
        match first_default {
            None => first_default = Some(index),
            Some(first) => {
                let item = path.index(index);
                report.push(
                    &MULTIPLE_DEFAULT_PORTS,
                    &item.field("is_default"),
                    format!(
                        "port {index} has is_default true, and so has port {first}; expected at most one default port"
                    ),
                );
            }
        }
    }
}
