//! Serde round trips of the `qovery_model::model` types: seeds, nullable tri-states, open enums,
//! default accessors and wrong shapes.

use qovery_model::model::{
    AnnotationsGroupScope, AutoscalingMode, ContainerRequest, ContainerResponse, CpuArchitecture,
    HttpProbe, KedaAutoscalingRequest, KedaScalerRole, Nullable, PortProtocol, PortRequest, Probe,
    ProbeType, RegistryKind, ServiceType, StorageType, defaults,
};
use serde_json::{Value, json};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const SEED_REQUEST: &str = include_str!("../spec/seed-container-request.json");
const SEED_RESPONSE: &str = include_str!("../spec/seed-container-response.json");

/// Deserializes `$value` (a `serde_json::Value`) into `$ty` and serializes it back to a `Value`.
/// Evaluates to `Result<($ty, Value), serde_json::Error>`.
macro_rules! roundtrip {
    ($ty:ty, $value:expr) => {
        serde_json::from_value::<$ty>($value.clone())
            .and_then(|parsed| serde_json::to_value(&parsed).map(|back| (parsed, back)))
    };
}

fn minimal_request() -> Value {
    json!({
        "name": "api",
        "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
        "image_name": "library/nginx",
        "tag": "1.27",
        "healthchecks": {}
    })
}

// ---------------------------------------------------------------------------------------------
// Seeds
// ---------------------------------------------------------------------------------------------

#[test]
fn seed_request_round_trips() -> TestResult {
    let file: Value = serde_json::from_str(SEED_REQUEST)?;
    let (request, back) = roundtrip!(ContainerRequest, file)?;
    assert_eq!(back, file);

    // Spot checks that the fields landed where they belong.
    assert_eq!(request.name, "<string>");
    assert_eq!(request.cpu, Some(1250));
    assert_eq!(request.auto_deploy, Nullable::Value(true));
    assert!(request.cpu_architecture.is_absent());
    let storage = request.storage.as_deref().unwrap_or_default();
    assert_eq!(storage.len(), 1);
    assert_eq!(storage[0].storage_type, StorageType::FastSsd);
    let ports = request.ports.as_deref().unwrap_or_default();
    assert_eq!(ports[0].protocol, Some(PortProtocol::Http));
    let probe = request
        .healthchecks
        .readiness_probe
        .as_value()
        .ok_or("readiness_probe")?;
    let kind = probe.kind.as_ref().ok_or("readiness_probe.type")?;
    assert_eq!(
        kind.tcp.as_value().map(|tcp| tcp.host.is_null()),
        Some(true)
    );
    assert_eq!(
        kind.grpc.as_value().map(|grpc| grpc.service.is_null()),
        Some(true)
    );
    assert_eq!(
        kind.set_kinds(),
        [
            ("tcp", true),
            ("http", true),
            ("exec", true),
            ("grpc", true)
        ]
    );

    // Parsing from the text directly gives the same struct.
    let direct: ContainerRequest = serde_json::from_str(SEED_REQUEST)?;
    assert_eq!(direct, request);
    Ok(())
}

#[test]
fn seed_response_round_trips() -> TestResult {
    let file: Value = serde_json::from_str(SEED_RESPONSE)?;
    let (response, back) = roundtrip!(ContainerResponse, file)?;
    assert_eq!(back, file);

    assert_eq!(response.service_type, ServiceType::Application);
    assert_eq!(response.registry.kind, RegistryKind::Ecr);
    assert_eq!(response.maximum_gpu, 2);
    assert_eq!(response.updated_at.as_deref(), Some("2023-11-07T05:31:56Z"));
    let autoscaling = response.autoscaling.as_ref().ok_or("autoscaling")?;
    assert_eq!(autoscaling.mode, AutoscalingMode::Keda);
    let scaler = autoscaling.scalers.first().ok_or("scalers[0]")?;
    assert_eq!(scaler.role, KedaScalerRole::Primary);
    assert_eq!(scaler.config_json, Nullable::Value(serde_json::Map::new()));
    assert_eq!(scaler.config_yaml, Nullable::Value("<string>".to_owned()));
    let groups = response.annotations_groups.as_deref().unwrap_or_default();
    assert_eq!(groups[0].scopes, vec![AnnotationsGroupScope::Deployments]);

    let direct: ContainerResponse = serde_json::from_str(SEED_RESPONSE)?;
    assert_eq!(direct, response);
    Ok(())
}

#[test]
fn minimal_request_serializes_without_extra_keys() -> TestResult {
    let input = minimal_request();
    let (request, back) = roundtrip!(ContainerRequest, input)?;
    assert_eq!(back, input);
    assert!(request.healthchecks.readiness_probe.is_absent());
    assert!(request.healthchecks.liveness_probe.is_absent());
    assert!(request.auto_deploy.is_absent());
    Ok(())
}

#[test]
fn unknown_keys_are_ignored() -> TestResult {
    let mut input = minimal_request();
    input["not_in_the_spec"] = json!({"a": 1});
    let (_, back) = roundtrip!(ContainerRequest, input)?;
    assert_eq!(back, minimal_request());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Nullable tri-states
// ---------------------------------------------------------------------------------------------

/// The observed state of a `Nullable` field after parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Absent,
    Null,
    Value,
}

fn state<T>(field: &Nullable<T>) -> State {
    match field {
        Nullable::Absent => State::Absent,
        Nullable::Null => State::Null,
        Nullable::Value(_) => State::Value,
    }
}

fn readiness_kind(request: &ContainerRequest) -> Option<&ProbeType> {
    request
        .healthchecks
        .readiness_probe
        .as_value()?
        .kind
        .as_ref()
}

/// Which seed a case starts from, with a getter reading the field's state back from the struct.
enum Target {
    Request(fn(&ContainerRequest) -> Option<State>),
    Response(fn(&ContainerResponse) -> Option<State>),
}

struct NullableCase {
    name: &'static str,
    /// JSON pointer of the object holding the field.
    parent: &'static str,
    key: &'static str,
    value: Value,
    target: Target,
}

fn nullable_cases() -> Vec<NullableCase> {
    vec![
        NullableCase {
            name: "request auto_deploy",
            parent: "",
            key: "auto_deploy",
            value: json!(false),
            target: Target::Request(|r| Some(state(&r.auto_deploy))),
        },
        NullableCase {
            name: "request cpu_architecture",
            parent: "",
            key: "cpu_architecture",
            value: json!("ARM64"),
            target: Target::Request(|r| Some(state(&r.cpu_architecture))),
        },
        NullableCase {
            name: "response cpu_architecture",
            parent: "",
            key: "cpu_architecture",
            value: json!("AMD64"),
            target: Target::Response(|r| Some(state(&r.cpu_architecture))),
        },
        NullableCase {
            name: "readiness_probe",
            parent: "/healthchecks",
            key: "readiness_probe",
            value: json!({"type": {"http": {"port": 8080}}, "period_seconds": 20}),
            target: Target::Request(|r| Some(state(&r.healthchecks.readiness_probe))),
        },
        NullableCase {
            name: "liveness_probe",
            parent: "/healthchecks",
            key: "liveness_probe",
            value: json!({"type": {"tcp": {"port": 8080}}}),
            target: Target::Request(|r| Some(state(&r.healthchecks.liveness_probe))),
        },
        NullableCase {
            name: "response readiness_probe",
            parent: "/healthchecks",
            key: "readiness_probe",
            value: json!({}),
            target: Target::Response(|r| Some(state(&r.healthchecks.readiness_probe))),
        },
        NullableCase {
            name: "type.tcp",
            parent: "/healthchecks/readiness_probe/type",
            key: "tcp",
            value: json!({"port": 5432}),
            target: Target::Request(|r| readiness_kind(r).map(|k| state(&k.tcp))),
        },
        NullableCase {
            name: "type.http",
            parent: "/healthchecks/readiness_probe/type",
            key: "http",
            value: json!({"path": "/healthz", "scheme": "HTTPS", "port": 443}),
            target: Target::Request(|r| readiness_kind(r).map(|k| state(&k.http))),
        },
        NullableCase {
            name: "type.exec",
            parent: "/healthchecks/readiness_probe/type",
            key: "exec",
            value: json!({"command": ["true"]}),
            target: Target::Request(|r| readiness_kind(r).map(|k| state(&k.exec))),
        },
        NullableCase {
            name: "type.grpc",
            parent: "/healthchecks/readiness_probe/type",
            key: "grpc",
            value: json!({"port": 50051}),
            target: Target::Request(|r| readiness_kind(r).map(|k| state(&k.grpc))),
        },
        NullableCase {
            name: "tcp.host",
            parent: "/healthchecks/readiness_probe/type/tcp",
            key: "host",
            value: json!("localhost"),
            target: Target::Request(|r| {
                readiness_kind(r)
                    .and_then(|k| k.tcp.as_value())
                    .map(|t| state(&t.host))
            }),
        },
        NullableCase {
            name: "grpc.service",
            parent: "/healthchecks/readiness_probe/type/grpc",
            key: "service",
            value: json!("grpc.health.v1.Health"),
            target: Target::Request(|r| {
                readiness_kind(r)
                    .and_then(|k| k.grpc.as_value())
                    .map(|g| state(&g.service))
            }),
        },
        NullableCase {
            name: "scaler config_json",
            parent: "/autoscaling/scalers/0",
            key: "config_json",
            value: json!({"type": "Utilization", "value": "60", "nested": {"list": [1, 2]}}),
            target: Target::Response(|r| {
                let scaler = r.autoscaling.as_ref()?.scalers.first()?;
                Some(state(&scaler.config_json))
            }),
        },
        NullableCase {
            name: "scaler config_yaml",
            parent: "/autoscaling/scalers/0",
            key: "config_yaml",
            value: json!("metadata:\n  value: \"60\"\n"),
            target: Target::Response(|r| {
                let scaler = r.autoscaling.as_ref()?.scalers.first()?;
                Some(state(&scaler.config_yaml))
            }),
        },
    ]
}

/// Sets (`Some`) or removes (`None`) `key` in the object at `parent`.
fn with_field(
    mut root: Value,
    parent: &str,
    key: &str,
    value: Option<Value>,
) -> Result<Value, String> {
    let object = root
        .pointer_mut(parent)
        .and_then(Value::as_object_mut)
        .ok_or_else(|| format!("no object at {parent:?}"))?;
    match value {
        Some(value) => object.insert(key.to_owned(), value),
        None => object.remove(key),
    };
    Ok(root)
}

#[test]
fn nullable_fields_keep_absent_null_and_value() -> TestResult {
    let request_seed: Value = serde_json::from_str(SEED_REQUEST)?;
    let response_seed: Value = serde_json::from_str(SEED_RESPONSE)?;

    let mut checked = 0;
    for case in nullable_cases() {
        let variants = [
            (State::Absent, None),
            (State::Null, Some(Value::Null)),
            (State::Value, Some(case.value.clone())),
        ];
        for (expected, wire) in variants {
            let label = format!("{} ({expected:?})", case.name);
            let seed = match case.target {
                Target::Request(_) => &request_seed,
                Target::Response(_) => &response_seed,
            };
            let input = with_field(seed.clone(), case.parent, case.key, wire)?;
            let (observed, back) = match case.target {
                Target::Request(get) => {
                    let (parsed, back) =
                        roundtrip!(ContainerRequest, input).map_err(|e| format!("{label}: {e}"))?;
                    (get(&parsed), back)
                }
                Target::Response(get) => {
                    let (parsed, back) = roundtrip!(ContainerResponse, input)
                        .map_err(|e| format!("{label}: {e}"))?;
                    (get(&parsed), back)
                }
            };
            assert_eq!(observed, Some(expected), "{label}: parsed state");
            assert_eq!(back, input, "{label}: serialized back unchanged");
            checked += 1;
        }
    }
    assert_eq!(checked, nullable_cases().len() * 3);
    Ok(())
}

#[test]
fn nullable_helpers() {
    let mut value: Nullable<i32> = Nullable::from(5);
    assert!(value.is_value() && !value.is_null() && !value.is_absent());
    if let Some(v) = value.as_value_mut() {
        *v += 1;
    }
    assert_eq!(value.as_ref(), Nullable::Value(&6));
    assert_eq!(value.map(|v| v * 2), Nullable::Value(12));
    assert_eq!(value.into_option(), Some(6));
    assert_eq!(Nullable::<i32>::Null.map(|v| v * 2), Nullable::Null);
    assert_eq!(Nullable::<i32>::Absent.into_option(), None);
    assert_eq!(Nullable::<i32>::from(None::<i32>), Nullable::Null);
    assert_eq!(Nullable::<String>::default(), Nullable::Absent);
}

// ---------------------------------------------------------------------------------------------
// Open enums
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_enum_values_are_kept_verbatim() -> TestResult {
    let mut input: Value = serde_json::from_str(SEED_RESPONSE)?;
    input["service_type"] = json!("QUANTUM_APP");
    input["registry"]["kind"] = json!("HARBOR");
    input["ports"][0]["protocol"] = json!("QUIC");
    input["cpu_architecture"] = json!("RISCV64");
    input["storage"][0]["type"] = json!("NVME");
    input["annotations_groups"][0]["scopes"] = json!(["DEPLOYMENTS", "WIDGETS"]);
    input["autoscaling"]["mode"] = json!("HPA");
    input["autoscaling"]["scalers"][0]["role"] = json!("TERTIARY");

    let (response, back) = roundtrip!(ContainerResponse, input)?;
    assert_eq!(back, input);

    assert_eq!(
        response.service_type,
        ServiceType::Unknown("QUANTUM_APP".into())
    );
    assert!(!response.service_type.is_known());
    assert_eq!(response.service_type.as_str(), "QUANTUM_APP");
    assert_eq!(
        response.registry.kind,
        RegistryKind::Unknown("HARBOR".into())
    );
    let ports = response.ports.as_deref().unwrap_or_default();
    assert_eq!(ports[0].protocol, PortProtocol::Unknown("QUIC".into()));
    assert_eq!(
        response.cpu_architecture,
        Nullable::Value(CpuArchitecture::Unknown("RISCV64".into()))
    );
    let storage = response.storage.as_deref().unwrap_or_default();
    assert_eq!(storage[0].storage_type, StorageType::Unknown("NVME".into()));
    let groups = response.annotations_groups.as_deref().unwrap_or_default();
    assert_eq!(
        groups[0].scopes,
        vec![
            AnnotationsGroupScope::Deployments,
            AnnotationsGroupScope::Unknown("WIDGETS".into())
        ]
    );
    let autoscaling = response.autoscaling.as_ref().ok_or("autoscaling")?;
    assert_eq!(autoscaling.mode, AutoscalingMode::Unknown("HPA".into()));
    let scaler = autoscaling.scalers.first().ok_or("scalers[0]")?;
    assert_eq!(scaler.role, KedaScalerRole::Unknown("TERTIARY".into()));

    // Parsing from text (borrowed strings) gives the same result as from a Value (owned strings).
    let from_text: ContainerResponse = serde_json::from_str(&input.to_string())?;
    assert_eq!(from_text, response);
    Ok(())
}

/// Checks an open enum against the spec's list of values, in order.
macro_rules! check_open_enum {
    ($ty:ty, [$($wire:literal),+ $(,)?]) => {{
        let expected: &[&str] = &[$($wire),+];
        assert_eq!(<$ty>::KNOWN, expected, "{}::KNOWN", stringify!($ty));
        assert_eq!(<$ty>::VARIANTS.len(), expected.len(), "{}::VARIANTS", stringify!($ty));
        for (wire, variant) in expected.iter().zip(<$ty>::VARIANTS) {
            let label = format!("{}::{variant:?}", stringify!($ty));
            assert!(variant.is_known(), "{label}");
            assert_eq!(variant.as_str(), *wire, "{label}");
            assert_eq!(variant.to_string(), *wire, "{label}");
            assert_eq!(&<$ty>::from_wire(wire), variant, "{label}");
            assert_eq!(&wire.parse::<$ty>()?, variant, "{label}");
            let parsed: $ty = serde_json::from_value(json!(wire))?;
            assert_eq!(&parsed, variant, "{label}");
            let parsed: $ty = serde_json::from_str(&format!("\"{wire}\""))?;
            assert_eq!(&parsed, variant, "{label}");
            assert_eq!(serde_json::to_value(variant)?, json!(wire), "{label}");
        }
        // Unknown values: kept verbatim, both from owned and borrowed strings.
        let unknown = <$ty>::from_wire("SOMETHING_NEW");
        assert_eq!(unknown, <$ty>::Unknown("SOMETHING_NEW".to_owned()));
        assert!(!unknown.is_known());
        assert_eq!(serde_json::from_value::<$ty>(json!("SOMETHING_NEW"))?, unknown);
        assert_eq!(serde_json::from_str::<$ty>("\"SOMETHING_NEW\"")?, unknown);
        assert_eq!(serde_json::to_value(&unknown)?, json!("SOMETHING_NEW"));
        // Case matters: the wire values are exact.
        assert!(!<$ty>::from_wire(&expected[0].to_lowercase()).is_known());
        // Non-strings are errors.
        for wrong in [json!(1), json!(null), json!(true), json!([]), json!({})] {
            assert!(
                serde_json::from_value::<$ty>(wrong.clone()).is_err(),
                "{} accepted {wrong}",
                stringify!($ty)
            );
        }
    }};
}

#[test]
fn open_enums_match_the_spec() -> TestResult {
    // Lists copied from spec/qovery-openapi-container.yaml, in spec order.
    check_open_enum!(
        RegistryKind,
        [
            "ECR",
            "SCALEWAY_CR",
            "DOCKER_HUB",
            "GITHUB_CR",
            "GITHUB_ENTERPRISE_CR",
            "GITLAB_CR",
            "PUBLIC_ECR",
            "DOCR",
            "GENERIC_CR",
            "GCP_ARTIFACT_REGISTRY",
            "AZURE_CR",
        ]
    );
    check_open_enum!(StorageType, ["FAST_SSD"]);
    check_open_enum!(PortProtocol, ["HTTP", "GRPC", "TCP", "UDP"]);
    check_open_enum!(
        ServiceType,
        [
            "APPLICATION",
            "DATABASE",
            "CONTAINER",
            "JOB",
            "HELM",
            "TERRAFORM",
            "ARGOCD_APP",
            "AGENTIC_WORKFLOW",
        ]
    );
    check_open_enum!(CpuArchitecture, ["AMD64", "ARM64"]);
    check_open_enum!(AutoscalingMode, ["KEDA"]);
    check_open_enum!(KedaScalerRole, ["PRIMARY", "SAFETY"]);
    check_open_enum!(
        AnnotationsGroupScope,
        [
            "DEPLOYMENTS",
            "STATEFUL_SETS",
            "SERVICES",
            "INGRESS",
            "GATEWAY_API_ROUTES",
            "HPA",
            "PODS",
            "SECRETS",
            "JOBS",
            "CRON_JOBS",
        ]
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Defaults
// ---------------------------------------------------------------------------------------------

#[test]
fn defaults_match_the_spec() {
    assert_eq!(defaults::CPU, 500);
    assert_eq!(defaults::MEMORY, 512);
    assert_eq!(defaults::GPU, 0);
    assert_eq!(defaults::MIN_RUNNING_INSTANCES, 1);
    assert_eq!(defaults::MAX_RUNNING_INSTANCES, 1);
    assert_eq!(defaults::PROBE_INITIAL_DELAY_SECONDS, 30);
    assert_eq!(defaults::PROBE_PERIOD_SECONDS, 10);
    assert_eq!(defaults::PROBE_TIMEOUT_SECONDS, 5);
    assert_eq!(defaults::PROBE_SUCCESS_THRESHOLD, 1);
    assert_eq!(defaults::PROBE_FAILURE_THRESHOLD, 9);
    assert_eq!(defaults::HTTP_PROBE_PATH, "/");
    assert_eq!(defaults::HTTP_PROBE_SCHEME, "HTTP");
    assert_eq!(defaults::KEDA_POLLING_INTERVAL_SECONDS, 30);
    assert_eq!(defaults::KEDA_COOLDOWN_PERIOD_SECONDS, 300);
    const { assert!(defaults::KEDA_SCALER_ENABLED) };
    assert_eq!(defaults::PORT_PROTOCOL, PortProtocol::Http);
}

#[test]
fn accessors_return_defaults_for_omitted_fields() -> TestResult {
    let request: ContainerRequest = serde_json::from_value(minimal_request())?;
    assert_eq!(request.cpu_or_default(), 500);
    assert_eq!(request.memory_or_default(), 512);
    assert_eq!(request.gpu_or_default(), 0);
    assert_eq!(request.min_running_instances_or_default(), 1);
    assert_eq!(request.max_running_instances_or_default(), 1);

    let probe: Probe = serde_json::from_value(json!({}))?;
    assert_eq!(probe, Probe::default());
    assert_eq!(probe.initial_delay_seconds_or_default(), 30);
    assert_eq!(probe.period_seconds_or_default(), 10);
    assert_eq!(probe.timeout_seconds_or_default(), 5);
    assert_eq!(probe.success_threshold_or_default(), 1);
    assert_eq!(probe.failure_threshold_or_default(), 9);
    assert_eq!(probe.kind, None);

    let http: HttpProbe = serde_json::from_value(json!({"port": 8080}))?;
    assert_eq!(http.path_or_default(), "/");
    assert_eq!(http.scheme_or_default(), "HTTP");

    let port: PortRequest =
        serde_json::from_value(json!({"internal_port": 8080, "publicly_accessible": true}))?;
    assert_eq!(port.protocol_or_default(), PortProtocol::Http);

    let keda: KedaAutoscalingRequest = serde_json::from_value(json!({
        "mode": "KEDA",
        "scalers": [{"scaler_type": "cpu", "role": "PRIMARY"}]
    }))?;
    assert_eq!(keda.polling_interval_seconds_or_default(), 30);
    assert_eq!(keda.cooldown_period_seconds_or_default(), 300);
    assert!(keda.scalers[0].enabled_or_default());
    Ok(())
}

#[test]
fn accessors_return_given_values() -> TestResult {
    let mut input = minimal_request();
    input["cpu"] = json!(250);
    input["memory"] = json!(2048);
    input["gpu"] = json!(2);
    input["min_running_instances"] = json!(0);
    input["max_running_instances"] = json!(-1);
    let request: ContainerRequest = serde_json::from_value(input)?;
    assert_eq!(request.cpu_or_default(), 250);
    assert_eq!(request.memory_or_default(), 2048);
    assert_eq!(request.gpu_or_default(), 2);
    assert_eq!(request.min_running_instances_or_default(), 0);
    assert_eq!(request.max_running_instances_or_default(), -1);

    let probe: Probe = serde_json::from_value(json!({
        "initial_delay_seconds": 1,
        "period_seconds": 2,
        "timeout_seconds": 3,
        "success_threshold": 4,
        "failure_threshold": 5
    }))?;
    assert_eq!(
        [
            probe.initial_delay_seconds_or_default(),
            probe.period_seconds_or_default(),
            probe.timeout_seconds_or_default(),
            probe.success_threshold_or_default(),
            probe.failure_threshold_or_default(),
        ],
        [1, 2, 3, 4, 5]
    );

    let http: HttpProbe = serde_json::from_value(json!({"path": "/healthz", "scheme": "HTTPS"}))?;
    assert_eq!(
        (http.path_or_default(), http.scheme_or_default()),
        ("/healthz", "HTTPS")
    );

    let port: PortRequest = serde_json::from_value(json!({
        "internal_port": 53, "publicly_accessible": false, "protocol": "UDP"
    }))?;
    assert_eq!(port.protocol_or_default(), PortProtocol::Udp);

    let keda: KedaAutoscalingRequest = serde_json::from_value(json!({
        "mode": "KEDA",
        "polling_interval_seconds": 15,
        "cooldown_period_seconds": 60,
        "scalers": [{"scaler_type": "cpu", "role": "SAFETY", "enabled": false}]
    }))?;
    assert_eq!(keda.polling_interval_seconds_or_default(), 15);
    assert_eq!(keda.cooldown_period_seconds_or_default(), 60);
    assert!(!keda.scalers[0].enabled_or_default());
    Ok(())
}

#[test]
fn autoscaling_is_a_flat_object_with_mode() -> TestResult {
    let mut input = minimal_request();
    input["autoscaling"] = json!({
        "mode": "KEDA",
        "scalers": [{
            "scaler_type": "prometheus",
            "role": "PRIMARY",
            "config_json": {"threshold": "100"},
            "trigger_authentication": {"name": "prom-auth", "config_yaml": "secretTargetRef: []"}
        }]
    });
    let (request, back) = roundtrip!(ContainerRequest, input)?;
    assert_eq!(back, input);
    let autoscaling = request.autoscaling.as_ref().ok_or("autoscaling")?;
    assert_eq!(autoscaling.mode, AutoscalingMode::Keda);
    assert_eq!(back["autoscaling"]["mode"], json!("KEDA"));
    Ok(())
}

#[test]
fn probe_type_set_kinds() -> TestResult {
    let kind: ProbeType = serde_json::from_value(json!({"tcp": null, "http": {"port": 80}}))?;
    assert_eq!(
        kind.set_kinds(),
        [
            ("tcp", false),
            ("http", true),
            ("exec", false),
            ("grpc", false)
        ]
    );
    assert_eq!(
        ProbeType::default().set_kinds(),
        [
            ("tcp", false),
            ("http", false),
            ("exec", false),
            ("grpc", false)
        ]
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Wrong shapes
// ---------------------------------------------------------------------------------------------

#[test]
fn wrong_shapes_are_errors() {
    let cases: Vec<(&str, &str, Value)> = vec![
        ("cpu as a string", "/cpu", json!("500")),
        ("cpu above i32::MAX", "/cpu", json!(2_147_483_648_i64)),
        ("cpu below i32::MIN", "/cpu", json!(-2_147_483_649_i64)),
        ("cpu as a float", "/cpu", json!(1.5)),
        ("memory as a bool", "/memory", json!(true)),
        ("name as a number", "/name", json!(1)),
        ("healthchecks null", "/healthchecks", Value::Null),
        ("auto_deploy as a string", "/auto_deploy", json!("yes")),
        (
            "cpu_architecture as a number",
            "/cpu_architecture",
            json!(64),
        ),
        ("ports as an object", "/ports", json!({})),
        (
            "internal_port above i32::MAX",
            "/ports",
            json!([{"internal_port": 2_147_483_648_i64, "publicly_accessible": true}]),
        ),
        (
            "storage id not a uuid",
            "/storage",
            json!([{"id": "nope", "type": "FAST_SSD", "size": 4, "mount_point": "/data"}]),
        ),
        (
            "probe timing as a string",
            "/healthchecks",
            json!({"readiness_probe": {"period_seconds": "10"}}),
        ),
        (
            "annotations group without id",
            "/annotations_groups",
            json!([{"name": "x"}]),
        ),
        (
            "autoscaling without scalers",
            "/autoscaling",
            json!({"mode": "KEDA"}),
        ),
    ];
    for (label, pointer, wrong) in cases {
        let mut input = minimal_request();
        let key = pointer.trim_start_matches('/');
        input[key] = wrong;
        assert!(
            serde_json::from_value::<ContainerRequest>(input).is_err(),
            "{label}: accepted"
        );
    }

    // i32::MAX and i32::MIN themselves are fine.
    for edge in [i32::MAX, i32::MIN] {
        let mut input = minimal_request();
        input["cpu"] = json!(edge);
        let parsed = serde_json::from_value::<ContainerRequest>(input).map(|r| r.cpu);
        assert_eq!(parsed.ok(), Some(Some(edge)));
    }

    // Missing required fields.
    for key in ["name", "registry_id", "image_name", "tag", "healthchecks"] {
        let mut input = minimal_request();
        if let Some(object) = input.as_object_mut() {
            object.remove(key);
        }
        assert!(
            serde_json::from_value::<ContainerRequest>(input).is_err(),
            "missing {key}: accepted"
        );
    }
}

#[test]
fn response_wrong_shapes_are_errors() -> TestResult {
    let seed: Value = serde_json::from_str(SEED_RESPONSE)?;
    let cases: Vec<(&str, &str, Value)> = vec![
        (
            "maximum_cpu above i32::MAX",
            "maximum_cpu",
            json!(2_147_483_648_i64),
        ),
        ("maximum_gpu as a string", "maximum_gpu", json!("2")),
        ("id not a uuid", "id", json!("3c90c3cc")),
        ("service_type as a number", "service_type", json!(3)),
        (
            "registry without kind",
            "registry",
            json!({"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "name": "r", "url": "u"}),
        ),
        ("environment without id", "environment", json!({})),
    ];
    for (label, key, wrong) in cases {
        let mut input = seed.clone();
        input[key] = wrong;
        assert!(
            serde_json::from_value::<ContainerResponse>(input).is_err(),
            "{label}: accepted"
        );
    }
    Ok(())
}
