//! Every rule of a `ContainerRequest`: a payload that breaks only that rule, with the exact
//! (pointer, code, severity) list it produces, and its valid twin with no diagnostic.
//!
//! Each payload is the valid base below with a few JSON edits. The last tests check that every
//! catalogue entry of the request is exercised, and read the spec's seed example end to end.

#[macro_use]
mod rules_support;

use qovery_model::model::{ContainerRequest, RegistryContext, RegistryKind};
use qovery_model::rules;
use qovery_model::rules::autoscaling::YAML_CHECKED;
use qovery_model::validate::Validate;
use rules_support::{Case, PROBES, remove, run, set};
use serde_json::{Value, json};

const REGISTRY_ID: &str = "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21";

/// A valid request that has every section, so one edit can break any rule.
fn base() -> Value {
    json!({
        "name": "api",
        "registry_id": REGISTRY_ID,
        "image_name": "acme/api",
        "tag": "1.27",
        "cpu": 500,
        "memory": 512,
        "gpu": 0,
        "ephemeral_storage_in_gib": 10,
        "cpu_architecture": "AMD64",
        "min_running_instances": 1,
        "max_running_instances": 3,
        "healthchecks": {
            "readiness_probe": {
                "type": { "http": { "path": "/ready", "scheme": "HTTP", "port": 8080 } },
                "initial_delay_seconds": 10,
                "period_seconds": 10,
                "timeout_seconds": 2,
                "success_threshold": 1,
                "failure_threshold": 3
            },
            "liveness_probe": {
                "type": { "tcp": { "port": 8080, "host": null } },
                "initial_delay_seconds": 30,
                "period_seconds": 15,
                "timeout_seconds": 5,
                "success_threshold": 1,
                "failure_threshold": 5
            }
        },
        "ports": [
            {
                "name": "http",
                "internal_port": 8080,
                "external_port": 443,
                "publicly_accessible": true,
                "is_default": true,
                "protocol": "HTTP",
                "public_path": "/api",
                "public_path_rewrite": "/"
            },
            { "name": "metrics", "internal_port": 9090, "publicly_accessible": false, "protocol": "TCP" }
        ],
        "storage": [
            { "type": "FAST_SSD", "size": 16, "mount_point": "/data" },
            { "type": "FAST_SSD", "size": 4, "mount_point": "/cache" }
        ],
        "annotations_groups": [{ "id": "8f7b2f8e-9f5c-4a59-9f0e-0c1d2e3f4a5b" }],
        "labels_groups": [{ "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" }],
        "icon_uri": "https://example.com/icon.svg",
        "autoscaling": {
            "mode": "KEDA",
            "polling_interval_seconds": 30,
            "cooldown_period_seconds": 300,
            "scalers": [
                { "scaler_type": "cpu", "enabled": true, "role": "PRIMARY", "config_json": { "value": "60" } },
                {
                    "scaler_type": "prometheus",
                    "role": "SAFETY",
                    "config_yaml": "serverAddress: http://prometheus:9090\nthreshold: '100'\n",
                    "trigger_authentication": {
                        "name": "prom-auth",
                        "config_yaml": "secretTargetRef:\n  - parameter: bearerToken\n    name: prom\n    key: token\n"
                    }
                }
            ]
        }
    })
}

fn kind(kind: RegistryKind) -> RegistryContext {
    RegistryContext::new().with_registry_kind(kind)
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        case!("the base is valid", [] => []),
        case!("healthchecks may be empty", [set("/healthchecks", json!({}))] => []),
        case!("probes may be null", [set("/healthchecks/readiness_probe", Value::Null), set("/healthchecks/liveness_probe", Value::Null)] => []),
        // --- storage
        case!("storage type unknown", [set("/storage/0/type", "HDD")] => [("/storage/0/type", "enum", Error)]),
        case!("storage size 0", [set("/storage/1/size", 0)] => [("/storage/1/size", "range", Error)]),
        case!("storage size 1 (accepted by the API, below the console's 4)", [set("/storage/1/size", 1)] => [("/storage/1/size", "storage_size_below_console_minimum", Warning)]),
        case!("storage size 3", [set("/storage/1/size", 3)] => [("/storage/1/size", "storage_size_below_console_minimum", Warning)]),
        case!("storage size 4", [set("/storage/1/size", 4)] => []),
        case!("storage size 513", [set("/storage/0/size", 513)] => [("/storage/0/size", "storage_size_above_console_limit", Warning)]),
        case!("storage size 512", [set("/storage/0/size", 512)] => []),
        case!("mount point relative", [set("/storage/0/mount_point", "data")] => [("/storage/0/mount_point", "mount_point", Warning)]),
        case!("mount point root", [set("/storage/0/mount_point", "/")] => [("/storage/0/mount_point", "mount_point", Warning)]),
        case!("mount point with ..", [set("/storage/0/mount_point", "/data/../etc")] => [("/storage/0/mount_point", "mount_point", Warning)]),
        case!("mount point empty", [set("/storage/0/mount_point", "")] => [("/storage/0/mount_point", "not_blank", Error)]),
        case!("mount point dotted name", [set("/storage/0/mount_point", "/.config/app/")] => []),
        case!("mount point twice", [set("/storage/1/mount_point", "/data/")] => [("/storage/1/mount_point", "duplicate_mount_point", Error)]),
        case!("mount points differ", [set("/storage/1/mount_point", "/data2")] => []),
        // --- ports
        case!("port name blank", [set("/ports/0/name", " ")] => [("/ports/0/name", "blank_port_name", Warning)]),
        case!("port name absent", [remove("/ports/1/name")] => []),
        case!("internal port 0", [set("/ports/1/internal_port", 0)] => [("/ports/1/internal_port", "range", Error)]),
        case!("internal port 65536", [set("/ports/1/internal_port", 65536)] => [("/ports/1/internal_port", "range", Error)]),
        case!("internal port 65535", [set("/ports/1/internal_port", 65535)] => []),
        case!("external port 0", [set("/ports/0/external_port", 0)] => [("/ports/0/external_port", "external_port_range", Warning)]),
        case!("external port 65535", [set("/ports/0/external_port", 65535)] => []),
        case!("protocol unknown", [set("/ports/1/protocol", "SCTP")] => [("/ports/1/protocol", "enum", Error)]),
        case!("protocol omitted (HTTP)", [remove("/ports/0/protocol")] => []),
        case!("external port on a private port", [set("/ports/1/external_port", 9090)] => [("/ports/1/external_port", "external_port_not_public", Warning)]),
        case!("public port without external port", [remove("/ports/0/external_port")] => [("/ports/0/external_port", "public_port_without_external_port", Warning)]),
        case!("public_path on a private port", [set("/ports/1/public_path", "/metrics")] => [("/ports/1/public_path", "public_path_not_applicable", Warning)]),
        case!("public_path_rewrite on a private port", [set("/ports/1/public_path_rewrite", "/")] => [("/ports/1/public_path_rewrite", "public_path_not_applicable", Warning)]),
        case!("public paths on a public TCP port", [set("/ports/0/protocol", "TCP")] => [
            ("/ports/0/public_path", "public_path_not_applicable", Warning),
            ("/ports/0/public_path_rewrite", "public_path_not_applicable", Warning),
        ]),
        case!("public paths on a public GRPC port", [set("/ports/0/protocol", "GRPC")] => []),
        case!("internal port twice", [set("/ports/1/internal_port", 8080)] => [("/ports/1/internal_port", "duplicate_internal_port", Error)]),
        case!("port name twice, other case", [set("/ports/1/name", "HTTP")] => [("/ports/1/name", "duplicate_port_name", Warning)]),
        case!("port name twice, Unicode case", [set("/ports/0/name", "Straße"), set("/ports/1/name", "STRASSE")] => []),
        case!("port name twice, Unicode lower case", [set("/ports/0/name", "ÉTÉ"), set("/ports/1/name", "été")] => [("/ports/1/name", "duplicate_port_name", Warning)]),
        case!("two default ports", [set("/ports/1/is_default", true)] => [("/ports/1/is_default", "multiple_default_ports", Warning)]),
        case!("one default port and a false", [set("/ports/1/is_default", false)] => []),
        // --- identity and source
        case!("name empty", [set("/name", "")] => [("/name", "blank_name", Warning)]),
        case!("registry_id not a UUID", [set("/registry_id", "my-registry")] => [("/registry_id", "registry_id_format", Warning)]),
        case!("registry_id upper-case UUID", [set("/registry_id", "7B0A4C0E-31B3-4A7E-9D4E-5A1F0C9B8D21")] => []),
        case!("image_name blank", [set("/image_name", " ")] => [("/image_name", "not_blank", Error)]),
        case!("image_name 256 characters", [set("/image_name", "a".repeat(256))] => [("/image_name", "length", Error)]),
        case!("image_name 255 characters", [set("/image_name", "a".repeat(255))] => []),
        case!("image_name with a tag", [set("/image_name", "nginx:1.27")] => [("/image_name", "image_name_tag", Error)]),
        case!("image_name with a digest", [set("/image_name", "nginx@sha256:0123abcd")] => [("/image_name", "image_name_digest", Error)]),
        case!("image_name upper case", [set("/image_name", "Acme/API")] => [("/image_name", "image_name_uppercase", Error)]),
        case!("image_name with a registry host", [set("/image_name", "ghcr.io/acme/api")] => [("/image_name", "image_name_registry_host", Warning)]),
        case!("image_name with a host and port", [set("/image_name", "localhost:5000/api")] => [("/image_name", "image_name", Error)]),
        case!("image_name with an empty component", [set("/image_name", "acme//api")] => [("/image_name", "image_name", Error)]),
        case!("image_name with a bad separator", [set("/image_name", "acme/my._api")] => [("/image_name", "image_name", Error)]),
        case!("image_name with separators", [set("/image_name", "acme/my__api-v2.x/web---ui")] => []),
        case!("image_name full reference", [set("/image_name", "docker.io/library/nginx:1.27")] => [
            ("/image_name", "image_name_tag", Error),
            ("/image_name", "image_name_registry_host", Warning),
        ]),
        case!("tag empty", [set("/tag", "")] => [("/tag", "not_blank", Error)]),
        case!("tag with a space", [set("/tag", "1.27 ")] => [("/tag", "docker_tag", Error)]),
        case!("tag starting with a dot", [set("/tag", ".27")] => [("/tag", "docker_tag", Error)]),
        case!("tag of 129 characters", [set("/tag", "v".repeat(129))] => [("/tag", "docker_tag", Error)]),
        case!("tag of 128 characters", [set("/tag", "v".repeat(128))] => []),
        case!("tag with every allowed character", [set("/tag", "_V1.27-rc_2")] => []),
        // --- resources
        case!("cpu -1", [set("/cpu", -1)] => [("/cpu", "range", Error)]),
        case!("memory -1", [set("/memory", -1)] => [("/memory", "range", Error)]),
        case!("cpu 9", [set("/cpu", 9)] => [("/cpu", "below_terraform_minimum", Warning)]),
        case!("cpu 10", [set("/cpu", 10)] => []),
        case!("memory 9", [set("/memory", 9)] => [("/memory", "below_terraform_minimum", Warning)]),
        case!("memory 10", [set("/memory", 10)] => []),
        case!("gpu -1", [set("/gpu", -1)] => [("/gpu", "range", Error)]),
        case!("ephemeral storage -1", [set("/ephemeral_storage_in_gib", -1)] => [("/ephemeral_storage_in_gib", "range", Error)]),
        case!("ephemeral storage 0", [set("/ephemeral_storage_in_gib", 0)] => []),
        case!("cpu architecture unknown", [set("/cpu_architecture", "X86")] => [("/cpu_architecture", "enum", Error)]),
        case!("cpu architecture null", [set("/cpu_architecture", Value::Null)] => []),
        case!("resources omitted", [remove("/cpu"), remove("/memory"), remove("/gpu"), remove("/ephemeral_storage_in_gib")] => []),
        // --- instances
        case!("min instances -1", [set("/min_running_instances", -1)] => [("/min_running_instances", "range", Error)]),
        case!("max instances -2", [set("/max_running_instances", -2)] => [("/max_running_instances", "max_instances_range", Warning)]),
        case!("max below min", [set("/min_running_instances", 3), set("/max_running_instances", 2)] => [("/max_running_instances", "max_instances_below_min", Error)]),
        case!("max -1 (no limit) with min 3", [set("/min_running_instances", 3), set("/max_running_instances", -1)] => []),
        case!("max omitted (1) below min 2", [set("/min_running_instances", 2), remove("/max_running_instances")] => [("/max_running_instances", "max_instances_below_min", Error)]),
        case!("max equals min with autoscaling", [set("/max_running_instances", 1)] => [("/max_running_instances", "autoscaling_instances_range", Warning)]),
        case!("both omitted with autoscaling", [remove("/min_running_instances"), remove("/max_running_instances")] => [("/max_running_instances", "autoscaling_instances_range", Warning)]),
        case!("max equals min without autoscaling", [set("/max_running_instances", 1), remove("/autoscaling")] => []),
        case!("min 0 without autoscaling", [set("/min_running_instances", 0), remove("/autoscaling")] => [("/min_running_instances", "min_instances_zero", Warning)]),
        case!("min 0 with autoscaling (scale to zero)", [set("/min_running_instances", 0)] => []),
        // --- healthchecks
        case!("liveness success threshold 2", [set("/healthchecks/liveness_probe/success_threshold", 2)] => [("/healthchecks/liveness_probe/success_threshold", "liveness_success_threshold", Error)]),
        case!("readiness success threshold 2", [set("/healthchecks/readiness_probe/success_threshold", 2)] => []),
        case!("liveness success threshold 0 (Kubernetes makes it 1)", [set("/healthchecks/liveness_probe/success_threshold", 0)] => [("/healthchecks/liveness_probe/success_threshold", "probe_zero_defaulted", Warning)]),
        case!("probe port with no port declared", [remove("/ports")] => [
            ("/healthchecks/readiness_probe/type/http/port", "probe_port_not_declared", Warning),
            ("/healthchecks/liveness_probe/type/tcp/port", "probe_port_not_declared", Warning),
        ]),
        // --- groups and icon
        case!("annotations group twice", [set("/annotations_groups/-", json!({"id": "8f7b2f8e-9f5c-4a59-9f0e-0c1d2e3f4a5b"}))] => [("/annotations_groups/1/id", "duplicate_group_id", Warning)]),
        case!("labels group twice", [set("/labels_groups/-", json!({"id": "1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D"}))] => [("/labels_groups/1/id", "duplicate_group_id", Warning)]),
        case!("two different labels groups", [set("/labels_groups/-", json!({"id": "8f7b2f8e-9f5c-4a59-9f0e-0c1d2e3f4a5b"}))] => []),
        case!("icon_uri relative", [set("/icon_uri", "icons/api.svg")] => [("/icon_uri", "format", Error)]),
        case!("icon_uri app scheme", [set("/icon_uri", "app://qovery-console/api")] => []),
        // --- autoscaling
        case!("autoscaling mode unknown", [set("/autoscaling/mode", "HPA")] => [("/autoscaling/mode", "enum", Error)]),
        case!("polling interval 0", [set("/autoscaling/polling_interval_seconds", 0)] => [("/autoscaling/polling_interval_seconds", "keda_timing_range", Warning)]),
        case!("polling interval 1", [set("/autoscaling/polling_interval_seconds", 1)] => []),
        case!("cooldown -1", [set("/autoscaling/cooldown_period_seconds", -1)] => [("/autoscaling/cooldown_period_seconds", "keda_timing_range", Warning)]),
        case!("cooldown 0", [set("/autoscaling/cooldown_period_seconds", 0)] => []),
        case!("KEDA timings omitted", [remove("/autoscaling/polling_interval_seconds"), remove("/autoscaling/cooldown_period_seconds")] => []),
        case!("no scaler", [set("/autoscaling/scalers", json!([]))] => [("/autoscaling/scalers", "length", Error)]),
        case!("scaler type blank", [set("/autoscaling/scalers/0/scaler_type", "")] => [("/autoscaling/scalers/0/scaler_type", "blank_scaler_type", Warning)]),
        case!("scaler role unknown", [set("/autoscaling/scalers/0/role", "BACKUP")] => [("/autoscaling/scalers/0/role", "enum", Error)]),
        case!("scaler with both configs", [set("/autoscaling/scalers/0/config_yaml", "value: '60'")] => [("/autoscaling/scalers/0", "scaler_config", Error)]),
        case!("scaler with no config", [remove("/autoscaling/scalers/0/config_json")] => [("/autoscaling/scalers/0", "scaler_config", Error)]),
        case!("scaler config_json null counts as absent", [set("/autoscaling/scalers/1/config_json", Value::Null)] => []),
        case!("every scaler disabled", [set("/autoscaling/scalers/0/enabled", false), set("/autoscaling/scalers/1/enabled", false)] => [("/autoscaling/scalers", "no_enabled_scaler", Error)]),
        case!("one scaler disabled", [set("/autoscaling/scalers/0/enabled", false)] => []),
        case!("trigger authentication name blank", [set("/autoscaling/scalers/1/trigger_authentication/name", " ")] => [("/autoscaling/scalers/1/trigger_authentication/name", "blank_trigger_authentication_name", Warning)]),
        case!("inline trigger authentication without a name (the console's)", [remove("/autoscaling/scalers/1/trigger_authentication/name")] => []),
        case!("console group objects in labels_groups", [set("/labels_groups/0", json!({"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "name": "team", "created_at": "2026-01-01T00:00:00Z", "labels": [], "associated_items_count": 2}))] => []),
        // --- registry kinds (from the context)
        case!("ECR: 1 character", [set("/image_name", "a")] => [("/image_name", "image_name_ecr", Error)]).ctx(kind(RegistryKind::Ecr)),
        case!("ECR: 2 characters", [set("/image_name", "ab")] => []).ctx(kind(RegistryKind::Ecr)),
        case!("ECR: nested repository", [set("/image_name", "team/service/api")] => []).ctx(kind(RegistryKind::Ecr)),
        case!("SCALEWAY_CR: one component", [set("/image_name", "api")] => [("/image_name", "image_name_scaleway_cr", Error)]).ctx(kind(RegistryKind::ScalewayCr)),
        case!("SCALEWAY_CR: three components", [set("/image_name", "a/b/c")] => [("/image_name", "image_name_scaleway_cr", Error)]).ctx(kind(RegistryKind::ScalewayCr)),
        case!("SCALEWAY_CR: namespace/image", [] => []).ctx(kind(RegistryKind::ScalewayCr)),
        case!("DOCKER_HUB: three components", [set("/image_name", "a/b/c")] => [("/image_name", "image_name_docker_hub", Error)]).ctx(kind(RegistryKind::DockerHub)),
        case!("DOCKER_HUB: image", [set("/image_name", "nginx")] => []).ctx(kind(RegistryKind::DockerHub)),
        case!("PUBLIC_ECR: one component", [set("/image_name", "nginx")] => [("/image_name", "image_name_public_ecr", Error)]).ctx(kind(RegistryKind::PublicEcr)),
        case!("PUBLIC_ECR: alias/repository", [] => []).ctx(kind(RegistryKind::PublicEcr)),
        case!("GITHUB_CR: no owner", [set("/image_name", "api")] => [("/image_name", "image_name_github_cr", Warning)]).ctx(kind(RegistryKind::GithubCr)),
        case!("GITHUB_ENTERPRISE_CR: no owner", [set("/image_name", "api")] => [("/image_name", "image_name_github_cr", Warning)]).ctx(kind(RegistryKind::GithubEnterpriseCr)),
        case!("GITHUB_CR: owner/image", [] => []).ctx(kind(RegistryKind::GithubCr)),
        case!("GITLAB_CR: no group", [set("/image_name", "api")] => [("/image_name", "image_name_gitlab_cr", Warning)]).ctx(kind(RegistryKind::GitlabCr)),
        case!("GITLAB_CR: group/project/image", [set("/image_name", "acme/shop/api")] => []).ctx(kind(RegistryKind::GitlabCr)),
        case!("GCP: two components", [] => [("/image_name", "image_name_gcp_artifact_registry", Warning)]).ctx(kind(RegistryKind::GcpArtifactRegistry)),
        case!("GCP: project/repository/image", [set("/image_name", "my-project/docker/api")] => []).ctx(kind(RegistryKind::GcpArtifactRegistry)),
        case!("AZURE_CR: any repository", [set("/image_name", "api")] => []).ctx(kind(RegistryKind::AzureCr)),
        case!("GENERIC_CR: any repository", [set("/image_name", "a/b/c/d")] => []).ctx(kind(RegistryKind::GenericCr)),
        case!("DOCR: no longer supported", [] => [("/registry_id", "registry_docr_unsupported", Warning)]).ctx(kind(RegistryKind::Docr)),
        case!("unknown kind: nothing checked", [set("/image_name", "api")] => []).ctx(kind(RegistryKind::from_wire("QUAY"))),
        case!("kind by registry id beats the default kind", [set("/image_name", "api")] => [("/image_name", "image_name_scaleway_cr", Error)])
            .ctx(RegistryContext::new().with_registry_kind(RegistryKind::DockerHub).with_registry(REGISTRY_ID, RegistryKind::ScalewayCr)),
        case!("kind of another registry id is not used", [set("/image_name", "api")] => [])
            .ctx(RegistryContext::new().with_registry("3c90c3cc-0d44-4b50-8888-8dd25736052a", RegistryKind::ScalewayCr)),
        case!("registry kind with a tag mistake", [set("/image_name", "api:1.0")] => [
            ("/image_name", "image_name_tag", Error),
            ("/image_name", "image_name_scaleway_cr", Error),
        ]).ctx(kind(RegistryKind::ScalewayCr)),
    ];
    if YAML_CHECKED {
        cases.push(case!("scaler config_yaml not YAML", [set("/autoscaling/scalers/1/config_yaml", "serverAddress: [http://x\nthreshold: 1")] => [("/autoscaling/scalers/1/config_yaml", "config_yaml_syntax", Warning)]));
        cases.push(case!("trigger authentication config_yaml not YAML", [set("/autoscaling/scalers/1/trigger_authentication/config_yaml", "a: b: c")] => [("/autoscaling/scalers/1/trigger_authentication/config_yaml", "config_yaml_syntax", Warning)]));
        cases.push(
            case!("config_yaml empty", [set("/autoscaling/scalers/1/config_yaml", "")] => []),
        );
    }
    for probe in PROBES {
        cases.extend(rules_support::probe_cases(probe));
    }
    cases
}

#[test]
fn every_rule_has_a_breaking_payload_and_a_valid_twin() {
    let outcome = run::<ContainerRequest>(&base(), &cases());
    rules_support::assert_no_failures(&outcome);
}

#[test]
fn every_request_rule_in_the_catalogue_is_exercised() {
    let outcome = run::<ContainerRequest>(&base(), &cases());
    let mut missing = rules_support::unexercised(rules::REQUEST, &outcome.seen);
    if !YAML_CHECKED {
        missing.retain(|line| !line.starts_with("config_yaml_syntax "));
    }
    assert!(
        missing.is_empty(),
        "catalogue entries no case exercises:\n{}",
        missing.join("\n")
    );
}

/// Run with `--nocapture` to read every message the cases produce.
#[test]
fn every_message_names_the_value_and_the_expectation() {
    let outcome = run::<ContainerRequest>(&base(), &cases());
    for line in &outcome.transcript {
        println!("{line}");
    }
    // The hand-written rules all say what was expected; the keyword rules say it in their own
    // words ("less than the minimum of", "does not match", "must not be").
    for line in &outcome.transcript {
        let says_expected = [
            "expected",
            "minimum",
            "maximum",
            "must not",
            "does not match",
            "is not one of",
            "is not a",
            "is not an",
            "fewer than",
            "more than",
        ]
        .iter()
        .any(|word| line.contains(word));
        assert!(says_expected, "no expectation in: {line}");
    }
}

#[test]
fn many_ports_are_checked_in_n_log_n_with_the_same_answer() {
    // 200 ports (above the pairwise limit): port 150 repeats port 3's internal_port, port 199
    // repeats port 10's name; none is default but two.
    let mut ports: Vec<Value> = (0..200)
        .map(|i| json!({ "name": format!("p{i}"), "internal_port": 10_000 + i, "publicly_accessible": false }))
        .collect();
    ports[150]["internal_port"] = json!(10_003);
    ports[199]["name"] = json!("P10");
    ports[0]["is_default"] = json!(true);
    ports[120]["is_default"] = json!(true);
    let case = case!("200 ports", [set("/ports", Value::Array(ports)), set("/healthchecks", json!({}))] => [
        ("/ports/150/internal_port", "duplicate_internal_port", Error),
        ("/ports/199/name", "duplicate_port_name", Warning),
        ("/ports/120/is_default", "multiple_default_ports", Warning),
    ]);
    let outcome = run::<ContainerRequest>(&base(), &[case]);
    rules_support::assert_no_failures(&outcome);
}

const SEED: &str = include_str!("../spec/seed-container-request.json");

/// The spec's seed example has placeholder values (`"<string>"`) and four probe kinds at once:
/// an end-to-end check of the messages.
#[test]
fn the_spec_seed_request_is_reported_exactly() -> Result<(), serde_json::Error> {
    let request: ContainerRequest = serde_json::from_str(SEED)?;
    let report = request.validate();
    let lines: Vec<String> = report
        .diagnostics()
        .iter()
        .map(rules_support::render)
        .collect();
    for line in &lines {
        println!("{line}");
    }
    let port = |probe: &str, kind: &str| {
        format!(
            "warning[probe_port_not_declared] /healthchecks/{probe}/type/{kind}/port: the {probe}'s {kind} port 123 is not the internal_port of a declared port (the declared internal ports are 8080); expected the port the container listens on"
        )
    };
    let kinds = |probe: &str| {
        format!(
            "error[probe_kind] /healthchecks/{probe}/type: `type` sets 4 probe kinds (tcp, http, exec, grpc); expected exactly one of tcp, http, exec, grpc (help: keep one of tcp, http, exec, grpc and remove the others (or set them to null))"
        )
    };
    let expected = vec![
        "warning[registry_id_format] /registry_id: \"<string>\" is not a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a".to_owned(),
        "error[image_name] /image_name: \"<string>\" is not a repository path: `<` at character 1 is not allowed; expected lower-case components `[a-z0-9]+((.|_|__|-+)[a-z0-9]+)*` joined by `/`".to_owned(),
        "error[docker_tag] /tag: \"<string>\" is not a Docker tag: `<` at character 1 is not allowed; expected letters, digits, `_`, `.` and `-`, not starting with `.` or `-`, at most 128 characters".to_owned(),
        kinds("readiness_probe"),
        kinds("liveness_probe"),
        "error[format] /icon_uri: \"<string>\" is not an absolute URI such as https://example.com/icon.svg".to_owned(),
        port("readiness_probe", "tcp"),
        port("readiness_probe", "http"),
        port("readiness_probe", "grpc"),
        port("liveness_probe", "tcp"),
        port("liveness_probe", "http"),
        port("liveness_probe", "grpc"),
    ];
    assert_eq!(lines, expected);
    Ok(())
}
