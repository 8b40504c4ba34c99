//! Property tests of the model types (proptest): for generated requests and responses, with
//! every optional member absent or present, every nullable member in each of its three states
//! (absent, `null`, a value) and enum members holding known values or any string
//! (`from_wire`, so unknown values are `Unknown`):
//!
//! - `deserialize(serialize(x)) == x`;
//! - validation never panics, whatever the context (registry kinds known and unknown);
//! - `document::check(serde_json::to_vec(&x))` reports the same (pointer, code) set as
//!   `x.validate_with(ctx)`: the typed validator and the raw-document checker agree.
//!
//! The seed is fixed by proptest's defaults; `PROPTEST_CASES=n` runs more cases.

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use qovery_model::document::{CheckOptions, DocumentKind, check};
use qovery_model::model::{
    Annotation, AnnotationsGroupRequest, AnnotationsGroupResponse, AnnotationsGroupScope,
    AutoscalingMode, ContainerRegistryDetails, ContainerRequest, ContainerResponse,
    CpuArchitecture, EnvironmentReference, ExecProbe, GrpcProbe, Healthchecks, HttpProbe,
    KedaAutoscalingRequest, KedaAutoscalingResponse, KedaScalerRequest, KedaScalerResponse,
    KedaScalerRole, KedaTriggerAuthenticationRequest, Label, LabelsGroupRequest,
    LabelsGroupResponse, Nullable, PortProtocol, PortRequest, PortResponse, Probe, ProbeType,
    RegistryContext, RegistryKind, ServiceType, StorageRequest, StorageResponse, StorageType,
    TcpProbe,
};
use qovery_model::validate::{Report, Validate};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

// --- Leaves ------------------------------------------------------------------------------------

/// Strings the rules care about (valid and not), and any string.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "", " ", "api", "nginx", "acme/api", "library/nginx", "Acme/API", "nginx:1.27",
            "nginx@sha256:0123", "docker.io/library/nginx", "ghcr.io/acme/api", "a__b", "a-", "-a",
            "1.27", "latest", ".bad", "/", "/mnt/data", "mnt/data", "/mnt/../x", "HTTP", "HTTPS",
            "http", "2024-01-01T00:00:00Z", "2024-02-30T00:00:00Z", "not a date",
            "https://example.com/icon.png", "ftp://x", "relative",
            "3c90c3cc-0d44-4b50-8888-8dd25736052a", "not-a-uuid", "é", "a/b~c", "key: value",
            "a: [", "cpu",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{0,12}",
        1 => "[a-z0-9./_-]{1,300}",
    ]
}

fn int() -> impl Strategy<Value = i32> {
    prop_oneof![
        4 => -2..70_000i32,
        1 => any::<i32>(),
        1 => Just(i32::MIN),
        1 => Just(i32::MAX),
    ]
}

/// A UUID, as text (the root package does not depend on `uuid`: [`uuid`] turns it into the
/// model's type by inference).
fn id() -> impl Strategy<Value = String> {
    prop_oneof![0u128..3, any::<u128>()].prop_map(|n| {
        let hex = format!("{n:032x}");
        format!(
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    })
}

/// The model's UUID type, from the text of [`id`].
fn uuid<T: serde::de::DeserializeOwned>(text: &str) -> T {
    match serde_json::from_value(Value::String(text.to_owned())) {
        Ok(id) => id,
        Err(error) => panic!("{text} is not a UUID: {error}"),
    }
}

/// Absent, `null`, or a value.
fn nullable<T: std::fmt::Debug + Clone + 'static>(
    value: impl Strategy<Value = T> + 'static,
) -> impl Strategy<Value = Nullable<T>> {
    prop_oneof![
        Just(Nullable::Absent),
        Just(Nullable::Null),
        value.prop_map(Nullable::Value),
    ]
}

/// A known wire value of an open enum, or any string (`Unknown` unless it is a known one).
fn wire(known: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(known).prop_map(str::to_owned),
        1 => text(),
    ]
}

fn registry_kind() -> impl Strategy<Value = RegistryKind> {
    wire(RegistryKind::KNOWN).prop_map(|w| RegistryKind::from_wire(&w))
}

fn config_json() -> BoxedStrategy<Map<String, Value>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..3).prop_map(Value::Array),
            vec((text(), inner), 0..3).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    vec((text(), value), 0..3)
        .prop_map(|m| m.into_iter().collect())
        .boxed()
}

// --- Shared parts ------------------------------------------------------------------------------

fn probe() -> BoxedStrategy<Probe> {
    let kind = (
        nullable((option::of(int()), nullable(text())))
            .prop_map(|n| n.map(|(port, host)| TcpProbe { port, host })),
        nullable((option::of(text()), option::of(text()), option::of(int())))
            .prop_map(|n| n.map(|(path, scheme, port)| HttpProbe { path, scheme, port })),
        nullable(option::of(vec(text(), 0..3)))
            .prop_map(|n| n.map(|command| ExecProbe { command })),
        nullable((nullable(text()), option::of(int())))
            .prop_map(|n| n.map(|(service, port)| GrpcProbe { service, port })),
    )
        .prop_map(|(tcp, http, exec, grpc)| ProbeType {
            tcp,
            http,
            exec,
            grpc,
        })
        .boxed();
    (
        option::of(kind),
        option::of(int()),
        option::of(int()),
        option::of(int()),
        option::of(int()),
        option::of(int()),
    )
        .prop_map(|(kind, initial, period, timeout, success, failure)| Probe {
            kind,
            initial_delay_seconds: initial,
            period_seconds: period,
            timeout_seconds: timeout,
            success_threshold: success,
            failure_threshold: failure,
        })
        .boxed()
}

fn healthchecks() -> BoxedStrategy<Healthchecks> {
    (nullable(probe()), nullable(probe()))
        .prop_map(|(readiness_probe, liveness_probe)| Healthchecks {
            readiness_probe,
            liveness_probe,
        })
        .boxed()
}

#[derive(Debug, Clone)]
struct PortParts {
    id: String,
    name: Option<String>,
    internal_port: i32,
    external_port: Option<i32>,
    publicly_accessible: bool,
    is_default: Option<bool>,
    protocol: String,
    public_path: Option<String>,
    public_path_rewrite: Option<String>,
}

fn port_parts() -> BoxedStrategy<PortParts> {
    (
        id(),
        option::of(text()),
        int(),
        option::of(int()),
        any::<bool>(),
        option::of(any::<bool>()),
        wire(PortProtocol::KNOWN),
        option::of(text()),
        option::of(text()),
    )
        .prop_map(
            |(
                id,
                name,
                internal_port,
                external_port,
                publicly_accessible,
                is_default,
                protocol,
                public_path,
                public_path_rewrite,
            )| PortParts {
                id,
                name,
                internal_port,
                external_port,
                publicly_accessible,
                is_default,
                protocol,
                public_path,
                public_path_rewrite,
            },
        )
        .boxed()
}

fn scaler_request() -> BoxedStrategy<KedaScalerRequest> {
    (
        text(),
        option::of(any::<bool>()),
        wire(KedaScalerRole::KNOWN),
        option::of(config_json()),
        option::of(text()),
        option::of((option::of(text()), option::of(text()))),
    )
        .prop_map(
            |(scaler_type, enabled, role, config_json, config_yaml, auth)| KedaScalerRequest {
                scaler_type,
                enabled,
                role: KedaScalerRole::from_wire(&role),
                config_json,
                config_yaml,
                trigger_authentication: auth.map(|(name, config_yaml)| {
                    KedaTriggerAuthenticationRequest { name, config_yaml }
                }),
            },
        )
        .boxed()
}

// --- Requests and responses --------------------------------------------------------------------

fn request() -> BoxedStrategy<ContainerRequest> {
    let storage = option::of(vec(
        (option::of(id()), wire(StorageType::KNOWN), int(), text()).prop_map(
            |(id, storage_type, size, mount_point)| StorageRequest {
                id: id.as_deref().map(uuid),
                storage_type: StorageType::from_wire(&storage_type),
                size,
                mount_point,
            },
        ),
        0..3,
    ))
    .boxed();
    let ports = option::of(vec(
        (port_parts(), any::<bool>(), any::<bool>()).prop_map(|(p, with_id, with_protocol)| {
            PortRequest {
                id: with_id.then(|| uuid(&p.id)),
                name: p.name,
                internal_port: p.internal_port,
                external_port: p.external_port,
                publicly_accessible: p.publicly_accessible,
                is_default: p.is_default,
                protocol: with_protocol.then(|| PortProtocol::from_wire(&p.protocol)),
                public_path: p.public_path,
                public_path_rewrite: p.public_path_rewrite,
            }
        }),
        0..3,
    ));
    let identity = (
        text(),
        option::of(text()),
        text(),
        text(),
        text(),
        option::of(vec(text(), 0..3)),
        option::of(text()),
    )
        .boxed();
    let resources = (
        option::of(int()),
        option::of(int()),
        option::of(int()),
        option::of(int()),
        nullable(wire(CpuArchitecture::KNOWN).prop_map(|w| CpuArchitecture::from_wire(&w))),
        option::of(int()),
        option::of(int()),
    );
    let rest = (
        healthchecks(),
        option::of(any::<bool>()),
        nullable(any::<bool>()),
        option::of(vec(id(), 0..3)),
        option::of(vec(id(), 0..3)),
        option::of(text()),
        option::of((
            wire(AutoscalingMode::KNOWN),
            option::of(int()),
            option::of(int()),
            vec(scaler_request(), 0..3),
        )),
    )
        .boxed();
    (storage, ports, identity, resources, rest)
        .prop_map(
            |(
                storage,
                ports,
                (name, description, registry_id, image_name, tag, arguments, entrypoint),
                (cpu, memory, gpu, ephemeral, cpu_architecture, min, max),
                (
                    healthchecks,
                    auto_preview,
                    auto_deploy,
                    annotations,
                    labels,
                    icon_uri,
                    autoscaling,
                ),
            )| ContainerRequest {
                storage,
                ports,
                name,
                description,
                registry_id,
                image_name,
                tag,
                arguments,
                entrypoint,
                cpu,
                memory,
                gpu,
                ephemeral_storage_in_gib: ephemeral,
                cpu_architecture,
                min_running_instances: min,
                max_running_instances: max,
                healthchecks,
                auto_preview,
                auto_deploy,
                annotations_groups: annotations.map(|ids| {
                    ids.iter()
                        .map(|id| AnnotationsGroupRequest { id: uuid(id) })
                        .collect()
                }),
                labels_groups: labels.map(|ids| {
                    ids.iter()
                        .map(|id| LabelsGroupRequest { id: uuid(id) })
                        .collect()
                }),
                icon_uri,
                autoscaling: autoscaling.map(|(mode, polling, cooldown, scalers)| {
                    KedaAutoscalingRequest {
                        mode: AutoscalingMode::from_wire(&mode),
                        polling_interval_seconds: polling,
                        cooldown_period_seconds: cooldown,
                        scalers,
                    }
                }),
            },
        )
        .boxed()
}

fn response() -> BoxedStrategy<ContainerResponse> {
    let base = (id(), text(), option::of(text())).boxed();
    let storage = option::of(vec(
        (id(), wire(StorageType::KNOWN), int(), text()).prop_map(
            |(id, storage_type, size, mount_point)| StorageResponse {
                id: uuid(&id),
                storage_type: StorageType::from_wire(&storage_type),
                size,
                mount_point,
            },
        ),
        0..3,
    ));
    let source = (
        text(),
        text(),
        option::of(text()),
        (id(), text(), text(), registry_kind()).prop_map(|(id, name, url, kind)| {
            ContainerRegistryDetails {
                id: uuid(&id),
                name,
                url,
                kind,
            }
        }),
        id(),
    )
        .boxed();
    let resources = (
        (int(), int(), int()),
        (
            text(),
            option::of(text()),
            option::of(vec(text(), 0..3)),
            option::of(text()),
        ),
        (int(), int(), int(), option::of(int())),
        nullable(wire(CpuArchitecture::KNOWN).prop_map(|w| CpuArchitecture::from_wire(&w))),
        (int(), int()),
    );

    let annotations = option::of(vec(
        (
            group_base(),
            vec((text(), text()), 0..3),
            vec(wire(AnnotationsGroupScope::KNOWN), 0..3),
        )
            .prop_map(|((id, created_at, updated_at, name), entries, scopes)| {
                AnnotationsGroupResponse {
                    id: uuid(&id),
                    created_at,
                    updated_at,
                    name,
                    annotations: entries
                        .into_iter()
                        .map(|(key, value)| Annotation { key, value })
                        .collect(),
                    scopes: scopes
                        .iter()
                        .map(|s| AnnotationsGroupScope::from_wire(s))
                        .collect(),
                }
            }),
        0..2,
    ))
    .boxed();
    let labels = option::of(vec(
        (group_base(), vec((text(), text(), any::<bool>()), 0..3)).prop_map(
            |((id, created_at, updated_at, name), entries)| LabelsGroupResponse {
                id: uuid(&id),
                created_at,
                updated_at,
                name,
                labels: entries
                    .into_iter()
                    .map(|(key, value, propagate_to_cloud_provider)| Label {
                        key,
                        value,
                        propagate_to_cloud_provider,
                    })
                    .collect(),
            },
        ),
        0..2,
    ));
    let scaler = (
        (id(), text(), option::of(text())),
        text(),
        any::<bool>(),
        wire(KedaScalerRole::KNOWN),
        nullable(config_json()),
        nullable(text()),
    )
        .prop_map(
            |(
                (id, created_at, updated_at),
                scaler_type,
                enabled,
                role,
                config_json,
                config_yaml,
            )| {
                KedaScalerResponse {
                    id: uuid(&id),
                    created_at,
                    updated_at,
                    scaler_type,
                    enabled,
                    role: KedaScalerRole::from_wire(&role),
                    config_json,
                    config_yaml,
                    trigger_authentication: None,
                }
            },
        )
        .boxed();
    let autoscaling = option::of(
        (
            (id(), text(), option::of(text()), id()),
            wire(AutoscalingMode::KNOWN),
            int(),
            int(),
            vec(scaler, 0..3),
        )
            .prop_map(
                |((id, created_at, updated_at, service_id), mode, polling, cooldown, scalers)| {
                    KedaAutoscalingResponse {
                        id: uuid(&id),
                        created_at,
                        updated_at,
                        service_id: uuid(&service_id),
                        mode: AutoscalingMode::from_wire(&mode),
                        polling_interval_seconds: polling,
                        cooldown_period_seconds: cooldown,
                        scalers,
                    }
                },
            ),
    );
    let rest = (
        healthchecks(),
        any::<bool>(),
        option::of(vec(port_parts(), 0..3)),
        option::of(any::<bool>()),
        annotations,
        labels,
        text(),
        wire(ServiceType::KNOWN),
        autoscaling,
    )
        .boxed();
    (base, storage, source, resources, rest)
        .prop_map(
            |(
                (id, created_at, updated_at),
                storage,
                (image_name, tag, registry_id, registry, environment),
                (
                    (maximum_cpu, maximum_memory, maximum_gpu),
                    (name, description, arguments, entrypoint),
                    (cpu, memory, gpu, ephemeral),
                    cpu_architecture,
                    (min, max),
                ),
                (
                    healthchecks,
                    auto_preview,
                    ports,
                    auto_deploy,
                    annotations_groups,
                    labels_groups,
                    icon_uri,
                    service_type,
                    autoscaling,
                ),
            )| ContainerResponse {
                id: uuid(&id),
                created_at,
                updated_at,
                storage,
                image_name,
                tag,
                registry_id,
                registry,
                environment: EnvironmentReference {
                    id: uuid(&environment),
                },
                maximum_cpu,
                maximum_memory,
                maximum_gpu,
                name,
                description,
                arguments,
                entrypoint,
                cpu,
                memory,
                gpu,
                ephemeral_storage_in_gib: ephemeral,
                cpu_architecture,
                min_running_instances: min,
                max_running_instances: max,
                healthchecks,
                auto_preview,
                ports: ports.map(|ports| {
                    ports
                        .into_iter()
                        .map(|p| PortResponse {
                            id: uuid(&p.id),
                            name: p.name,
                            internal_port: p.internal_port,
                            external_port: p.external_port,
                            publicly_accessible: p.publicly_accessible,
                            is_default: p.is_default,
                            protocol: PortProtocol::from_wire(&p.protocol),
                            public_path: p.public_path,
                            public_path_rewrite: p.public_path_rewrite,
                        })
                        .collect()
                }),
                auto_deploy,
                annotations_groups,
                labels_groups,
                icon_uri,
                service_type: ServiceType::from_wire(&service_type),
                autoscaling,
            },
        )
        .boxed()
}

/// The members of `Base` and a group's name.
fn group_base() -> BoxedStrategy<(String, String, Option<String>, String)> {
    (id(), text(), option::of(text()), text()).boxed()
}

/// A context: no kind, a default kind, and maybe a kind for the document's own registry id.
fn context() -> impl Strategy<Value = (Option<RegistryKind>, Option<RegistryKind>)> {
    (option::of(registry_kind()), option::of(registry_kind()))
}

fn make_context(
    (default, own): (Option<RegistryKind>, Option<RegistryKind>),
    registry_id: &str,
) -> RegistryContext {
    let mut ctx = RegistryContext::new();
    if let Some(kind) = default {
        ctx = ctx.with_registry_kind(kind);
    }
    if let Some(kind) = own {
        ctx = ctx.with_registry(registry_id, kind);
    }
    ctx
}

fn pointer_codes(report: &Report) -> BTreeSet<(String, &'static str)> {
    report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.code))
        .collect()
}

/// The typed validator and the checker on the serialized value report the same (pointer, code)
/// set.
fn agree<T: Validate<Context = RegistryContext> + serde::Serialize>(
    value: &T,
    kind: DocumentKind,
    ctx: &RegistryContext,
) -> Result<(), TestCaseError> {
    let typed = value.validate_with(ctx);
    let bytes = serde_json::to_vec(value).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let options = CheckOptions::new().kind(kind).context(ctx.clone());
    let document = check(&bytes, &options);
    prop_assert_eq!(
        pointer_codes(&typed),
        pointer_codes(&document),
        "document: {}",
        String::from_utf8_lossy(&bytes)
    );
    Ok(())
}

proptest! {
    #[test]
    fn request_round_trips(value in request()) {
        let bytes = serde_json::to_vec(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: ContainerRequest = serde_json::from_slice(&bytes)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, value);
    }

    #[test]
    fn response_round_trips(value in response()) {
        let bytes = serde_json::to_vec(&value).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: ContainerResponse = serde_json::from_slice(&bytes)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, value);
    }

    #[test]
    fn request_validation_agrees_with_the_checker(value in request(), ctx in context()) {
        let ctx = make_context(ctx, &value.registry_id);
        agree(&value, DocumentKind::Request, &ctx)?;
    }

    #[test]
    fn response_validation_agrees_with_the_checker(value in response(), ctx in context()) {
        let ctx = make_context(ctx, value.registry_id.as_deref().unwrap_or_default());
        agree(&value, DocumentKind::Response, &ctx)?;
    }
}

/// The three states of a nullable member survive a round trip, each as itself, and unknown
/// enum values come back as the same `Unknown`.
#[test]
fn nullable_states_and_unknown_values_round_trip() -> Result<(), serde_json::Error> {
    for (state, wire) in [
        (Nullable::Absent, None),
        (Nullable::Null, Some("null")),
        (Nullable::Value(true), Some("true")),
    ] {
        let mut value = ContainerRequest::new("api", "r", "acme/api", "1");
        value.auto_deploy = state;
        value.cpu_architecture = Nullable::Value(CpuArchitecture::from_wire("RISCV64"));
        let text = serde_json::to_string(&value)?;
        let json: Value = serde_json::from_str(&text)?;
        assert_eq!(
            json.get("auto_deploy").map(Value::to_string).as_deref(),
            wire
        );
        let back: ContainerRequest = serde_json::from_str(&text)?;
        assert_eq!(back.auto_deploy, state);
        assert_eq!(
            back.cpu_architecture,
            Nullable::Value(CpuArchitecture::Unknown("RISCV64".to_owned()))
        );
        assert_eq!(back, value);
    }
    Ok(())
}
