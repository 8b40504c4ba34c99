//! Probes: exactly one kind, the liveness success threshold, probe ports among the declared
//! ports.
//!
//! Kubernetes validates every probe Qovery creates: one handler (`validateHandler`: "may not
//! specify more than 1 handler type", "must specify a handler type"), ports in 1..=65535,
//! `scheme` HTTP or HTTPS, a non-empty `path` and exec `command`, timings at their minimums
//! (keywords on the probe types), and a liveness `successThreshold` of 1.

use crate::model::{ContainerRequest, ContainerResponse, Healthchecks, Probe, ProbeType};
use crate::validate::quote::show;
use crate::validate::{
    Change, Path, Repair, Report, Rule, RuleInfo, Scalar, SchemaSupport, Severity, Source, codes,
};
use serde_json::{Map, Value, json};

/// Exactly one of `tcp`, `http`, `exec`, `grpc`, reported at `type` even when it is missing.
pub const PROBE_KIND: RuleInfo = RuleInfo {
    code: codes::PROBE_KIND,
    severity: Severity::Error,
    source: Source::Kubernetes,
    citation: "Kubernetes validateHandler (\"must specify a handler type\", \"may not specify more than 1 handler type\"); Qovery/engine@59fa717 src/io_models/probe.rs:6-11 (enum ProbeType)",
    pointer: "/type",
    description: "`type` sets exactly one of `tcp`, `http`, `exec`, `grpc` (absent and null do not count); reported here also when `type` is missing",
    schema: SchemaSupport::Keyword,
};

/// Exactly one probe kind.
pub struct ExactlyOneProbeKind;

impl<C: ?Sized> Rule<Probe, C> for ExactlyOneProbeKind {
    const RULES: &'static [RuleInfo] = &[PROBE_KIND];

    fn check(probe: &Probe, _: &C, path: &Path<'_>, report: &mut Report) {
        let set = probe.kind.as_ref().map_or(0, |kind| {
            usize::from(kind.tcp.is_value())
                + usize::from(kind.http.is_value())
                + usize::from(kind.exec.is_value())
                + usize::from(kind.grpc.is_value())
        });
        if set != 1 {
            report_probe_kind(probe, path, report);
        }
    }

    /// `type` is required and holds exactly one non-null kind.
    fn schema(schema: &mut Map<String, Value>) {
        super::push_required(schema, "type");
        let one_of: Vec<Value> = ["tcp", "http", "exec", "grpc"]
            .iter()
            .map(|kind| {
                let mut properties = Map::new();
                properties.insert((*kind).to_owned(), json!({ "type": "object" }));
                json!({ "required": [kind], "properties": properties })
            })
            .collect();
        super::push_all_of(
            schema,
            json!({ "properties": { "type": { "oneOf": one_of } } }),
        );
    }
}

/// Records that `probe` does not set exactly one kind.
#[cold]
#[inline(never)]
fn report_probe_kind(probe: &Probe, path: &Path<'_>, report: &mut Report) {
    let kinds = probe.kind.as_ref().map(ProbeType::set_kinds);
    let set = kinds.map_or(0, |k| k.iter().filter(|(_, set)| *set).count());
    let path = path.field("type");
    match (kinds, set) {
        (None, _) => report.push_with_help(
            &PROBE_KIND,
            &path,
            "the probe has no `type`; expected `type` with exactly one of tcp, http, exec, grpc".to_owned(),
            "add e.g. `\"type\": {\"tcp\": {\"port\": 8080}}`, or set the probe to null to have none".to_owned(),
        ),
        (Some(_), 0) => report.push(
            &PROBE_KIND,
            &path,
            "`type` sets no probe kind (each of tcp, http, exec, grpc is absent or null); expected exactly one".to_owned(),
        ),
        (Some(kinds), _) => {
            let names: Vec<&str> = kinds
                .iter()
                .filter(|(_, set)| *set)
                .map(|(name, _)| *name)
                .collect();
            report.push_with_help(
                &PROBE_KIND,
                &path,
                format!(
                    "`type` sets {set} probe kinds ({}); expected exactly one of tcp, http, exec, grpc",
                    names.join(", ")
                ),
                format!(
                    "keep one of {} and remove the others (or set them to null)",
                    names.join(", ")
                ),
            );
        }
    }
}

/// The liveness probe's `success_threshold` is 1.
pub const LIVENESS_SUCCESS_THRESHOLD: RuleInfo = RuleInfo {
    code: codes::LIVENESS_SUCCESS_THRESHOLD,
    severity: Severity::Error,
    source: Source::Kubernetes,
    citation: "Kubernetes validateLivenessProbe (`SuccessThreshold != 1`: \"must be 1\", checked after SetDefaults_Probe turns 0 into 1)",
    pointer: "/liveness_probe/success_threshold",
    description: "the liveness probe's `success_threshold` is 1 (Kubernetes rejects any other value)",
    schema: SchemaSupport::Keyword,
};

/// Kubernetes: "must be 1" for a liveness probe's `successThreshold`.
pub struct LivenessSuccessThreshold;

impl<C: ?Sized> Rule<Healthchecks, C> for LivenessSuccessThreshold {
    const RULES: &'static [RuleInfo] = &[LIVENESS_SUCCESS_THRESHOLD];

    fn check(healthchecks: &Healthchecks, _: &C, path: &Path<'_>, report: &mut Report) {
        let Some(threshold) = healthchecks
            .liveness_probe
            .as_value()
            .and_then(|probe| probe.success_threshold)
        else {
            return;
        };
        // Below 1 is the range keyword's business.
        if threshold > 1 {
            let probe = path.field("liveness_probe");
            let at = probe.field("success_threshold");
            let repair = Repair::safe(
                "set it to 1",
                vec![Change::Set {
                    pointer: at.to_pointer(),
                    value: Scalar::Integer(1),
                }],
            );
            report.push_with_repair(
                &LIVENESS_SUCCESS_THRESHOLD,
                &at,
                format!(
                    "the liveness probe's success_threshold is {threshold}; expected 1, the only value Kubernetes accepts for a liveness probe"
                ),
                "set it to 1 (or omit it); a success threshold above 1 only makes sense for the readiness probe".to_owned(),
                repair,
            );
        }
    }

    /// With the `minimum: 1` of the field, `maximum: 1` on the liveness probe pins it to 1.
    fn schema(schema: &mut Map<String, Value>) {
        super::push_all_of(
            schema,
            json!({ "properties": { "liveness_probe": {
                "properties": { "success_threshold": { "maximum": 1 } }
            } } }),
        );
    }
}

/// A probe port that no declared port listens on.
const fn probe_port_rule(pointer: &'static str) -> RuleInfo {
    RuleInfo {
        code: codes::PROBE_PORT_NOT_DECLARED,
        severity: Severity::Warning,
        source: Source::Inferred,
        citation: "Qovery/console@720181b libs/domains/services/feature/src/lib/application-container-healthchecks/application-container-healthchecks-form/application-container-healthchecks-form.tsx:88-91 (the port select lists the service's ports); not enforced by Kubernetes",
        pointer,
        description: "the probe's port is the `internal_port` of a declared port (the console only offers those)",
        schema: SchemaSupport::ValidatorOnly,
    }
}

/// The six places a probe port can be, as rules (one per pointer pattern).
pub const PROBE_PORT_NOT_DECLARED: [RuleInfo; 6] = [
    probe_port_rule("/healthchecks/readiness_probe/type/tcp/port"),
    probe_port_rule("/healthchecks/readiness_probe/type/http/port"),
    probe_port_rule("/healthchecks/readiness_probe/type/grpc/port"),
    probe_port_rule("/healthchecks/liveness_probe/type/tcp/port"),
    probe_port_rule("/healthchecks/liveness_probe/type/http/port"),
    probe_port_rule("/healthchecks/liveness_probe/type/grpc/port"),
];

/// Probe ports among the declared internal ports (a warning: the container may listen on a
/// port it does not expose).
pub struct ProbePortsDeclared;

impl<C: ?Sized> Rule<ContainerRequest, C> for ProbePortsDeclared {
    const RULES: &'static [RuleInfo] = &PROBE_PORT_NOT_DECLARED;

    fn check(request: &ContainerRequest, _: &C, path: &Path<'_>, report: &mut Report) {
        let ports = request.ports.as_deref().unwrap_or_default();
        check_probe_ports(
            &request.healthchecks,
            || ports.iter().map(|p| p.internal_port),
            path,
            report,
        );
    }
}

impl<C: ?Sized> Rule<ContainerResponse, C> for ProbePortsDeclared {
    const RULES: &'static [RuleInfo] = &PROBE_PORT_NOT_DECLARED;

    fn check(response: &ContainerResponse, _: &C, path: &Path<'_>, report: &mut Report) {
        let ports = response.ports.as_deref().unwrap_or_default();
        check_probe_ports(
            &response.healthchecks,
            || ports.iter().map(|p| p.internal_port),
            path,
            report,
        );
    }
}

fn check_probe_ports<I: Iterator<Item = i32>>(
    healthchecks: &Healthchecks,
    declared: impl Fn() -> I,
    path: &Path<'_>,
    report: &mut Report,
) {
    let probes = [
        (&healthchecks.readiness_probe, 0),
        (&healthchecks.liveness_probe, 3),
    ];
    for (probe, first_rule) in probes {
        let Some(kind) = probe.as_value().and_then(|p| p.kind.as_ref()) else {
            continue;
        };
        let ports = [
            kind.tcp.as_value().and_then(|k| k.port),
            kind.http.as_value().and_then(|k| k.port),
            kind.grpc.as_value().and_then(|k| k.port),
        ];
        for (offset, port) in ports.into_iter().enumerate() {
            // Out-of-range ports are the range keyword's business.
            if let Some(port) = port
                && (1..=65_535).contains(&port)
                && !declared().any(|p| p == port)
            {
                report_probe_port(first_rule + offset, port, &declared, path, report);
            }
        }
    }
}

/// Records that the probe port of rule `PROBE_PORT_NOT_DECLARED[rule]` is not declared.
#[cold]
#[inline(never)]
fn report_probe_port<I: Iterator<Item = i32>>(
    rule: usize,
    port: i32,
    declared: &impl Fn() -> I,
    path: &Path<'_>,
    report: &mut Report,
) {
    let probe_name = if rule < 3 {
        "readiness_probe"
    } else {
        "liveness_probe"
    };
    let kind_name = ["tcp", "http", "grpc"][rule % 3];
    let declared_list: Vec<String> = declared().map(|p| p.to_string()).collect();
    let found = if declared_list.is_empty() {
        "no port is declared".to_owned()
    } else {
        format!(
            "the declared internal ports are {}",
            declared_list.join(", ")
        )
    };
    let healthchecks_path = path.field("healthchecks");
    let probe_path = healthchecks_path.field(probe_name);
    let type_path = probe_path.field("type");
    let kind_path = type_path.field(kind_name);
    report.push(
        &PROBE_PORT_NOT_DECLARED[rule],
        &kind_path.field("port"),
        format!(
            "the {probe_name}'s {kind_name} port {port} is not the internal_port of a declared port ({found}); expected the port the container listens on"
        ),
    );
}

/// One probe timing that Kubernetes defaults when it is 0: its wire name and Kubernetes' default.
const ZERO_DEFAULTED: [(&str, i32); 4] = [
    ("period_seconds", 10),
    ("timeout_seconds", 1),
    ("success_threshold", 1),
    ("failure_threshold", 3),
];

const fn zero_rule(pointer: &'static str) -> RuleInfo {
    RuleInfo {
        code: codes::PROBE_ZERO_DEFAULTED,
        severity: Severity::Warning,
        source: Source::Kubernetes,
        citation: "Kubernetes SetDefaults_Probe (pkg/apis/core/v1/defaults.go: 0 becomes period 10, timeout 1, success 1, failure 3) before validateProbe (ValidateNonnegativeField); Qovery/console@720181b libs/shared/util-js/src/lib/format-healthcheck-probe.ts:53-57 sends 0 for an unset field",
        pointer,
        description: "`period_seconds`, `timeout_seconds`, `success_threshold` and `failure_threshold` are not 0: Kubernetes replaces 0 with its default (10, 1, 1, 3)",
        schema: SchemaSupport::ValidatorOnly,
    }
}

/// The probe timings Kubernetes defaults when they are 0, in `ZERO_DEFAULTED` order.
pub const PROBE_ZERO_DEFAULTED: [RuleInfo; 4] = [
    zero_rule("/period_seconds"),
    zero_rule("/timeout_seconds"),
    zero_rule("/success_threshold"),
    zero_rule("/failure_threshold"),
];

/// A warning for each probe timing of 0 that Kubernetes turns into its default.
pub struct ProbeZeroDefaults;

impl<C: ?Sized> Rule<Probe, C> for ProbeZeroDefaults {
    const RULES: &'static [RuleInfo] = &PROBE_ZERO_DEFAULTED;

    fn check(probe: &Probe, _: &C, path: &Path<'_>, report: &mut Report) {
        let values = [
            probe.period_seconds,
            probe.timeout_seconds,
            probe.success_threshold,
            probe.failure_threshold,
        ];
        for (index, value) in values.into_iter().enumerate() {
            if value == Some(0) {
                let (name, default) = ZERO_DEFAULTED[index];
                report.push_with_help(
                    &PROBE_ZERO_DEFAULTED[index],
                    &path.field(name),
                    format!(
                        "{name} is 0, which Kubernetes replaces with its default, {default}; expected the value meant"
                    ),
                    format!("set {name} to {default} to say it, or to the value you mean"),
                );
            }
        }
    }
}

/// An empty HTTP probe path.
pub const HTTP_PROBE_PATH: RuleInfo = RuleInfo {
    code: codes::HTTP_PROBE_PATH,
    severity: Severity::Error,
    source: Source::Kubernetes,
    citation: "Kubernetes validateHTTPGetAction (`len(http.Path) == 0`: Required); Qovery/engine@59fa717 lib/common/charts/q-container/templates/deployment.j2.yaml:169 renders it as is",
    pointer: "",
    description: "the HTTP probe's `path` is not empty (Kubernetes rejects an empty path; `null` or an omitted path is the API's default `/`, as the console sends it)",
    schema: SchemaSupport::Keyword,
};

/// An HTTP probe path without its leading `/`.
pub const HTTP_PROBE_PATH_RELATIVE: RuleInfo = RuleInfo {
    code: codes::HTTP_PROBE_PATH_RELATIVE,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "spec/qovery-openapi-container.yaml Probe.type.http.path (default `/`, every example absolute); Kubernetes validateHTTPGetAction accepts it",
    pointer: "",
    description: "the HTTP probe's `path` starts with `/` (the spec's default and examples do; Kubernetes accepts a relative one)",
    schema: SchemaSupport::ValidatorOnly,
};

/// An HTTP probe's path: not empty (error), absolute (warning).
pub struct HttpProbePath;

impl<C: ?Sized> Rule<String, C> for HttpProbePath {
    const RULES: &'static [RuleInfo] = &[HTTP_PROBE_PATH, HTTP_PROBE_PATH_RELATIVE];

    fn check(path_value: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if path_value.starts_with('/') {
            return;
        }
        let (rule, found) = if path_value.is_empty() {
            (&HTTP_PROBE_PATH, "is empty")
        } else {
            (&HTTP_PROBE_PATH_RELATIVE, "does not start with `/`")
        };
        let absolute = format!("/{}", path_value.trim_start());
        // An empty path made `/` is a guess at which endpoint was meant.
        let repair = Repair::set_string(
            format!("write `{absolute}`"),
            &path.to_pointer(),
            absolute.clone(),
        );
        let repair = if path_value.trim().is_empty() {
            Repair::unsafe_(repair.title, repair.changes)
        } else {
            repair
        };
        report.push_with_repair(
            rule,
            path,
            format!(
                "the HTTP probe's path {} {found}; expected an absolute path such as `/health`",
                show(path_value)
            ),
            format!("write `{absolute}`"),
            repair,
        );
    }

    fn schema(schema: &mut Map<String, Value>) {
        schema.insert("minLength".to_owned(), json!(1));
    }
}

/// The HTTP probe's scheme is `HTTP` or `HTTPS`.
pub const HTTP_PROBE_SCHEME: RuleInfo = RuleInfo {
    code: codes::HTTP_PROBE_SCHEME,
    severity: Severity::Error,
    source: Source::Kubernetes,
    citation: "Kubernetes validateHTTPGetAction (supportedHTTPSchemes: HTTP, HTTPS); Qovery/console@720181b libs/shared/util-js/src/lib/format-healthcheck-probe.ts:25 always sends `HTTP`",
    pointer: "",
    description: "the HTTP probe's `scheme` is `HTTP` or `HTTPS`, in upper case (the spec has no enum; Kubernetes accepts only these)",
    schema: SchemaSupport::Keyword,
};

/// The values Kubernetes accepts for an HTTP probe's scheme.
pub const HTTP_PROBE_SCHEMES: [&str; 2] = ["HTTP", "HTTPS"];

/// The HTTP probe's scheme is `HTTP` or `HTTPS`.
pub struct HttpProbeScheme;

impl<C: ?Sized> Rule<String, C> for HttpProbeScheme {
    const RULES: &'static [RuleInfo] = &[HTTP_PROBE_SCHEME];

    fn check(scheme: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if HTTP_PROBE_SCHEMES.contains(&scheme.as_str()) {
            return;
        }
        let message = format!(
            "the HTTP probe's scheme {} is not HTTP or HTTPS; expected `HTTP` or `HTTPS`, in upper case",
            show(scheme)
        );
        match HTTP_PROBE_SCHEMES
            .iter()
            .find(|known| known.eq_ignore_ascii_case(scheme.trim()))
        {
            Some(known) => {
                report.push_with_repair(
                    &HTTP_PROBE_SCHEME,
                    path,
                    message,
                    format!("write `{known}`"),
                    Repair::set_string(format!("write `{known}`"), &path.to_pointer(), *known),
                );
            }
            None => report.push(&HTTP_PROBE_SCHEME, path, message),
        }
    }

    fn schema(schema: &mut Map<String, Value>) {
        schema.insert("enum".to_owned(), json!(HTTP_PROBE_SCHEMES));
    }
}
