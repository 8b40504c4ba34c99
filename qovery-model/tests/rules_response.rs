//! Every rule of a `ContainerResponse`: a payload that breaks only that rule, with the exact
//! (pointer, code, severity) list it produces, and its valid twin with no diagnostic.
//!
//! A response carries its registry, so the `image_name` rules per registry kind read
//! `registry.kind` (no context). Unknown enum values are warnings here: responses are
//! forward-compatible.

#![recursion_limit = "256"]

#[macro_use]
mod rules_support;

use qovery_model::model::ContainerResponse;
use qovery_model::rules;
use qovery_model::rules::autoscaling::YAML_CHECKED;
use qovery_model::validate::Validate;
use rules_support::{Case, PROBES, remove, run, set};
use serde_json::{Value, json};

const CREATED: &str = "2026-01-10T09:00:00Z";
const UPDATED: &str = "2026-02-01T12:30:00+01:00";

/// A valid response that has every section.
fn base() -> Value {
    json!({
        "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
        "created_at": CREATED,
        "updated_at": UPDATED,
        "storage": [
            { "id": "9b2f1c0e-5d4a-4e3b-8c2d-1a0b9c8d7e6f", "type": "FAST_SSD", "size": 16, "mount_point": "/data" }
        ],
        "image_name": "acme/api",
        "tag": "1.27",
        "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
        "registry": {
            "id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
            "name": "GitHub",
            "url": "https://ghcr.io",
            "kind": "GITHUB_CR"
        },
        "environment": { "id": "c2a1b0f9-8e7d-4c6b-a594-837261504f3e" },
        "maximum_cpu": 16000,
        "maximum_memory": 16384,
        "maximum_gpu": 2,
        "name": "api",
        "cpu": 500,
        "memory": 512,
        "gpu": 0,
        "ephemeral_storage_in_gib": 10,
        "cpu_architecture": "ARM64",
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
        "auto_preview": false,
        "ports": [
            {
                "id": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                "name": "http",
                "internal_port": 8080,
                "external_port": 443,
                "publicly_accessible": true,
                "is_default": true,
                "protocol": "HTTP",
                "public_path": "/api",
                "public_path_rewrite": "/"
            },
            {
                "id": "6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0",
                "name": "metrics",
                "internal_port": 9090,
                "publicly_accessible": false,
                "protocol": "TCP"
            }
        ],
        "auto_deploy": true,
        "annotations_groups": [{
            "id": "8f7b2f8e-9f5c-4a59-9f0e-0c1d2e3f4a5b",
            "created_at": CREATED,
            "updated_at": UPDATED,
            "name": "team",
            "annotations": [{ "key": "team", "value": "payments" }],
            "scopes": ["DEPLOYMENTS", "PODS"]
        }],
        "labels_groups": [{
            "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            "created_at": CREATED,
            "updated_at": UPDATED,
            "name": "env",
            "labels": [{ "key": "env", "value": "prod", "propagate_to_cloud_provider": true }]
        }],
        "icon_uri": "app://qovery-console/api",
        "service_type": "CONTAINER",
        "autoscaling": {
            "id": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
            "created_at": CREATED,
            "updated_at": UPDATED,
            "service_id": "0f8fad5b-d9cb-469f-a165-70867728950e",
            "mode": "KEDA",
            "polling_interval_seconds": 30,
            "cooldown_period_seconds": 300,
            "scalers": [
                {
                    "id": "3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f",
                    "created_at": CREATED,
                    "scaler_type": "cpu",
                    "enabled": true,
                    "role": "PRIMARY",
                    "config_json": { "value": "60" },
                    "config_yaml": null
                },
                {
                    "id": "4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a",
                    "created_at": CREATED,
                    "updated_at": UPDATED,
                    "scaler_type": "prometheus",
                    "enabled": true,
                    "role": "SAFETY",
                    "config_json": null,
                    "config_yaml": "threshold: '100'\n",
                    "trigger_authentication": {
                        "id": "5e6f7a8b-9c0d-4e1f-8a3b-4c5d6e7f8a9b",
                        "created_at": CREATED,
                        "updated_at": UPDATED,
                        "organization_id": "org-1",
                        "name": "prom-auth",
                        "config_yaml": "secretTargetRef: []\n"
                    }
                }
            ]
        }
    })
}

/// The Base rules (date-time formats, order) of an object embedded at `at`.
fn timestamp_cases(at: &str) -> Vec<Case> {
    let created = format!("{at}/created_at");
    let updated = format!("{at}/updated_at");
    vec![
        case!(format!("{at}: created_at not a date-time"), [set(&created, "2026-01-10 09:00")] => [(created.clone(), "format", Error)]),
        case!(format!("{at}: updated_at not a date-time"), [set(&updated, "2026-02-30T00:00:00Z")] => [(updated.clone(), "format", Error)]),
        case!(format!("{at}: updated before created"), [set(&updated, "2025-12-31T23:59:59Z")] => [(updated.clone(), "updated_before_created", Warning)]),
        case!(format!("{at}: updated at the same instant, other offset"), [set(&updated, "2026-01-10T10:00:00+01:00")] => []),
    ]
}

fn cases() -> Vec<Case> {
    let mut cases = vec![
        case!("the base is valid", [] => []),
        case!("the optional parts may be absent", [
            remove("/updated_at"), remove("/storage"), remove("/registry_id"), remove("/ports"),
            remove("/annotations_groups"), remove("/labels_groups"), remove("/autoscaling"),
            set("/healthchecks", json!({})),
        ] => []),
        // --- Base and source
        case!("created_at not a date-time", [set("/created_at", "yesterday")] => [("/created_at", "format", Error)]),
        case!("updated_at not a date-time", [set("/updated_at", "2026-02-01")] => [("/updated_at", "format", Error)]),
        case!("updated before created", [set("/updated_at", "2026-01-10T08:59:59Z")] => [("/updated_at", "updated_before_created", Warning)]),
        case!("updated at the same instant", [set("/updated_at", "2026-01-10T10:00:00+01:00")] => []),
        case!("image_name blank", [set("/image_name", "")] => [("/image_name", "not_blank", Error)]),
        case!("image_name 256 characters", [set("/image_name", format!("acme/{}", "a".repeat(251)))] => [("/image_name", "length", Error)]),
        case!("image_name grammar", [set("/image_name", "acme/-api")] => [("/image_name", "image_name", Error)]),
        case!("image_name with a tag", [set("/image_name", "acme/api:1.27")] => [("/image_name", "image_name_tag", Error)]),
        case!("image_name with a digest", [set("/image_name", "acme/api@sha256:abc")] => [("/image_name", "image_name_digest", Error)]),
        case!("image_name upper case", [set("/image_name", "Acme/Api")] => [("/image_name", "image_name_uppercase", Error)]),
        case!("image_name with a host", [set("/image_name", "ghcr.io/acme/api")] => [("/image_name", "image_name_registry_host", Warning)]),
        case!("tag blank", [set("/tag", " ")] => [("/tag", "not_blank", Error)]),
        case!("tag not a Docker tag", [set("/tag", "1.27+build")] => [("/tag", "docker_tag", Error)]),
        case!("registry_id not a UUID", [set("/registry_id", "<string>")] => [("/registry_id", "registry_id_format", Warning)]),
        case!("registry url over http", [set("/registry/url", "http://ghcr.io")] => [("/registry/url", "registry_url_https", Warning)]),
        case!("registry url without scheme", [set("/registry/url", "ghcr.io")] => [("/registry/url", "registry_url_https", Warning)]),
        case!("registry kind newer than this crate", [set("/registry/kind", "QUAY")] => [("/registry/kind", "enum", Warning)]),
        case!("registry kind DOCR", [set("/registry/kind", "DOCR")] => [("/registry/kind", "registry_docr_unsupported", Warning)]),
        // --- image_name against registry.kind
        case!("ECR: 1 character", [set("/registry/kind", "ECR"), set("/image_name", "a")] => [("/image_name", "image_name_ecr", Error)]),
        case!("ECR: repository", [set("/registry/kind", "ECR"), set("/image_name", "api")] => []),
        case!("SCALEWAY_CR: one component", [set("/registry/kind", "SCALEWAY_CR"), set("/image_name", "api")] => [("/image_name", "image_name_scaleway_cr", Error)]),
        case!("SCALEWAY_CR: namespace/image", [set("/registry/kind", "SCALEWAY_CR"), set("/image_name", "ns/api")] => []),
        case!("DOCKER_HUB: three components", [set("/registry/kind", "DOCKER_HUB"), set("/image_name", "a/b/c")] => [("/image_name", "image_name_docker_hub", Error)]),
        case!("DOCKER_HUB: image", [set("/registry/kind", "DOCKER_HUB"), set("/image_name", "nginx")] => []),
        case!("PUBLIC_ECR: one component", [set("/registry/kind", "PUBLIC_ECR"), set("/image_name", "nginx")] => [("/image_name", "image_name_public_ecr", Error)]),
        case!("PUBLIC_ECR: alias/repository", [set("/registry/kind", "PUBLIC_ECR"), set("/image_name", "nginx/nginx")] => []),
        case!("GITHUB_CR: no owner", [set("/registry/kind", "GITHUB_CR"), set("/image_name", "api")] => [("/image_name", "image_name_github_cr", Warning)]),
        case!("GITLAB_CR: no group", [set("/registry/kind", "GITLAB_CR"), set("/image_name", "api")] => [("/image_name", "image_name_gitlab_cr", Warning)]),
        case!("GITLAB_CR: group/project", [set("/registry/kind", "GITLAB_CR"), set("/image_name", "acme/api")] => []),
        case!("GCP: two components", [set("/registry/kind", "GCP_ARTIFACT_REGISTRY"), set("/image_name", "acme/api")] => [("/image_name", "image_name_gcp_artifact_registry", Warning)]),
        case!("GCP: three components", [set("/registry/kind", "GCP_ARTIFACT_REGISTRY"), set("/image_name", "proj/repo/api")] => []),
        case!("GENERIC_CR: anything grammatical", [set("/registry/kind", "GENERIC_CR"), set("/image_name", "api")] => []),
        // --- resources and their maximums
        case!("maximum_gpu -1", [set("/maximum_gpu", -1)] => [("/maximum_gpu", "range", Error)]),
        case!("maximum_gpu 0", [set("/maximum_gpu", 0)] => []),
        case!("name blank", [set("/name", "")] => [("/name", "blank_name", Warning)]),
        case!("cpu -1", [set("/cpu", -1)] => [("/cpu", "range", Error)]),
        case!("memory -1", [set("/memory", -1)] => [("/memory", "range", Error)]),
        case!("cpu 9", [set("/cpu", 9)] => [("/cpu", "below_terraform_minimum", Warning)]),
        case!("memory 9", [set("/memory", 9)] => [("/memory", "below_terraform_minimum", Warning)]),
        case!("gpu -1", [set("/gpu", -1)] => [("/gpu", "range", Error)]),
        case!("ephemeral storage -1", [set("/ephemeral_storage_in_gib", -1)] => [("/ephemeral_storage_in_gib", "range", Error)]),
        case!("cpu above maximum", [set("/cpu", 16001)] => [("/cpu", "above_maximum", Warning)]),
        case!("cpu at maximum", [set("/cpu", 16000)] => []),
        case!("memory above maximum", [set("/memory", 16385)] => [("/memory", "above_maximum", Warning)]),
        case!("gpu above maximum", [set("/gpu", 3)] => [("/gpu", "above_maximum", Warning)]),
        case!("gpu at maximum", [set("/gpu", 2)] => []),
        case!("cpu architecture newer than this crate", [set("/cpu_architecture", "RISCV64")] => [("/cpu_architecture", "enum", Warning)]),
        // --- instances
        case!("min instances -1", [set("/min_running_instances", -1)] => [("/min_running_instances", "range", Error)]),
        case!("max instances -2", [set("/max_running_instances", -2)] => [("/max_running_instances", "max_instances_range", Warning)]),
        case!("max below min", [set("/min_running_instances", 4)] => [("/max_running_instances", "max_instances_below_min", Error)]),
        case!("max equals min with autoscaling", [set("/max_running_instances", 1)] => [("/max_running_instances", "autoscaling_instances_range", Warning)]),
        case!("no limit with autoscaling", [set("/max_running_instances", -1)] => []),
        case!("min 0 without autoscaling", [set("/min_running_instances", 0), remove("/autoscaling")] => [("/min_running_instances", "min_instances_zero", Warning)]),
        // --- storage
        case!("storage type newer than this crate", [set("/storage/0/type", "NVME")] => [("/storage/0/type", "enum", Warning)]),
        case!("storage size 0", [set("/storage/0/size", 0)] => [("/storage/0/size", "range", Error)]),
        case!("mount point empty", [set("/storage/0/mount_point", "")] => [("/storage/0/mount_point", "not_blank", Error)]),
        case!("storage size 3", [set("/storage/0/size", 3)] => [("/storage/0/size", "storage_size_below_console_minimum", Warning)]),
        case!("storage size 600", [set("/storage/0/size", 600)] => [("/storage/0/size", "storage_size_above_console_limit", Warning)]),
        case!("mount point relative", [set("/storage/0/mount_point", "./data")] => [("/storage/0/mount_point", "mount_point", Warning)]),
        case!("mount point twice", [set("/storage/-", json!({"id": "9b2f1c0e-5d4a-4e3b-8c2d-1a0b9c8d7e70", "type": "FAST_SSD", "size": 8, "mount_point": "/data"}))]
            => [("/storage/1/mount_point", "duplicate_mount_point", Error)]),
        // --- ports
        case!("port name blank", [set("/ports/1/name", "")] => [("/ports/1/name", "blank_port_name", Warning)]),
        case!("internal port 0", [set("/ports/1/internal_port", 0)] => [("/ports/1/internal_port", "range", Error)]),
        case!("external port 70000", [set("/ports/0/external_port", 70000)] => [("/ports/0/external_port", "external_port_range", Warning)]),
        case!("protocol newer than this crate", [set("/ports/1/protocol", "QUIC")] => [("/ports/1/protocol", "enum", Warning)]),
        case!("external port on a private port", [set("/ports/1/external_port", 9090)] => [("/ports/1/external_port", "external_port_not_public", Warning)]),
        case!("public port without external port", [remove("/ports/0/external_port")] => [("/ports/0/external_port", "public_port_without_external_port", Warning)]),
        case!("public paths on a private port", [set("/ports/1/public_path", "/m"), set("/ports/1/public_path_rewrite", "/")] => [
            ("/ports/1/public_path", "public_path_not_applicable", Warning),
            ("/ports/1/public_path_rewrite", "public_path_not_applicable", Warning),
        ]),
        case!("internal port twice", [set("/ports/1/internal_port", 8080)] => [("/ports/1/internal_port", "duplicate_internal_port", Error)]),
        case!("port name twice", [set("/ports/1/name", "Http")] => [("/ports/1/name", "duplicate_port_name", Warning)]),
        case!("two default ports", [set("/ports/1/is_default", true)] => [("/ports/1/is_default", "multiple_default_ports", Warning)]),
        // --- healthchecks (shared types: the same rules as in a request)
        case!("liveness success threshold 3", [set("/healthchecks/liveness_probe/success_threshold", 3)] => [("/healthchecks/liveness_probe/success_threshold", "liveness_success_threshold", Error)]),
        // --- groups
        case!("annotation scope newer than this crate", [set("/annotations_groups/0/scopes/1", "CONFIG_MAPS")] => [("/annotations_groups/0/scopes/1", "enum", Warning)]),
        case!("annotations group twice", [set("/annotations_groups/-", base()["annotations_groups"][0].clone())] => [("/annotations_groups/1/id", "duplicate_group_id", Warning)]),
        case!("labels group twice", [set("/labels_groups/-", base()["labels_groups"][0].clone())] => [("/labels_groups/1/id", "duplicate_group_id", Warning)]),
        // --- icon and service type
        case!("icon_uri placeholder", [set("/icon_uri", "<string>")] => [("/icon_uri", "format", Error)]),
        case!("service type of an application", [set("/service_type", "APPLICATION")] => [("/service_type", "service_type_not_container", Warning)]),
        case!("service type newer than this crate", [set("/service_type", "WORKFLOW")] => [("/service_type", "enum", Warning)]),
        // --- autoscaling
        case!("autoscaling mode newer than this crate", [set("/autoscaling/mode", "HPA")] => [("/autoscaling/mode", "enum", Warning)]),
        case!("polling interval 0", [set("/autoscaling/polling_interval_seconds", 0)] => [("/autoscaling/polling_interval_seconds", "keda_timing_range", Warning)]),
        case!("cooldown -1", [set("/autoscaling/cooldown_period_seconds", -1)] => [("/autoscaling/cooldown_period_seconds", "keda_timing_range", Warning)]),
        case!("no scaler", [set("/autoscaling/scalers", json!([]))] => [("/autoscaling/scalers", "length", Error)]),
        case!("scaler type blank", [set("/autoscaling/scalers/0/scaler_type", "\t")] => [("/autoscaling/scalers/0/scaler_type", "blank_scaler_type", Warning)]),
        case!("scaler role newer than this crate", [set("/autoscaling/scalers/0/role", "FALLBACK")] => [("/autoscaling/scalers/0/role", "enum", Warning)]),
        case!("scaler with both configs", [set("/autoscaling/scalers/0/config_yaml", "value: '60'")] => [("/autoscaling/scalers/0", "scaler_config", Error)]),
        case!("scaler with both configs null", [set("/autoscaling/scalers/0/config_json", Value::Null)] => [("/autoscaling/scalers/0", "scaler_config", Error)]),
        case!("scaler configs absent and a value", [remove("/autoscaling/scalers/0/config_yaml")] => []),
        case!("every scaler disabled", [set("/autoscaling/scalers/0/enabled", false), set("/autoscaling/scalers/1/enabled", false)] => [("/autoscaling/scalers", "no_enabled_scaler", Error)]),
        case!("one scaler disabled", [set("/autoscaling/scalers/1/enabled", false)] => []),
        case!("trigger authentication name blank", [set("/autoscaling/scalers/1/trigger_authentication/name", "")] => [("/autoscaling/scalers/1/trigger_authentication/name", "blank_trigger_authentication_name", Warning)]),
        case!("organization_id is free-form", [set("/autoscaling/scalers/1/trigger_authentication/organization_id", "anything")] => []),
    ];
    for at in [
        "/annotations_groups/0",
        "/labels_groups/0",
        "/autoscaling",
        "/autoscaling/scalers/1",
        "/autoscaling/scalers/1/trigger_authentication",
    ] {
        cases.extend(timestamp_cases(at));
    }
    if YAML_CHECKED {
        cases.push(case!("scaler config_yaml not YAML", [set("/autoscaling/scalers/1/config_yaml", "key: \"unterminated")] => [("/autoscaling/scalers/1/config_yaml", "config_yaml_syntax", Warning)]));
        cases.push(case!("trigger authentication config_yaml not YAML", [set("/autoscaling/scalers/1/trigger_authentication/config_yaml", "- a\nb: c")] => [("/autoscaling/scalers/1/trigger_authentication/config_yaml", "config_yaml_syntax", Warning)]));
    }
    for probe in PROBES {
        cases.extend(rules_support::probe_cases(probe));
    }
    cases
}

#[test]
fn every_rule_has_a_breaking_payload_and_a_valid_twin() {
    let outcome = run::<ContainerResponse>(&base(), &cases());
    rules_support::assert_no_failures(&outcome);
}

#[test]
fn every_response_rule_in_the_catalogue_is_exercised() {
    let outcome = run::<ContainerResponse>(&base(), &cases());
    let mut missing = rules_support::unexercised(rules::RESPONSE, &outcome.seen);
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
    let outcome = run::<ContainerResponse>(&base(), &cases());
    for line in &outcome.transcript {
        println!("{line}");
        let says_expected = [
            "expected",
            "minimum",
            "maximum",
            "must not",
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

const SEED: &str = include_str!("../spec/seed-container-response.json");

/// The spec's seed response: placeholders, four probe kinds at once, an APPLICATION service
/// type, an ECR registry with a `<string>` URL, a KEDA scaler with both configs. (`"<string>"`
/// is a valid YAML document, and a valid ECR repository name is not needed once the grammar
/// fails: the ECR shape rule reads the length only, and `<string>` has 8 characters.)
#[test]
fn the_spec_seed_response_is_reported_exactly() -> Result<(), serde_json::Error> {
    let response: ContainerResponse = serde_json::from_str(SEED)?;
    let report = response.validate();
    let found: Vec<(String, &str, String)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.clone(), d.code, d.severity.to_string()))
        .collect();
    for d in report.diagnostics() {
        println!("{}", rules_support::render(d));
    }
    let expected: Vec<(String, &str, String)> = [
        ("/image_name", "image_name", "error"),
        ("/tag", "docker_tag", "error"),
        ("/registry_id", "registry_id_format", "warning"),
        ("/registry/url", "registry_url_https", "warning"),
        ("/healthchecks/readiness_probe/type", "probe_kind", "error"),
        ("/healthchecks/liveness_probe/type", "probe_kind", "error"),
        ("/icon_uri", "format", "error"),
        ("/service_type", "service_type_not_container", "warning"),
        // Both configs at once, and min = max = 1 although `autoscaling` is set.
        ("/autoscaling/scalers/0", "scaler_config", "error"),
        (
            "/max_running_instances",
            "autoscaling_instances_range",
            "warning",
        ),
        (
            "/healthchecks/readiness_probe/type/tcp/port",
            "probe_port_not_declared",
            "warning",
        ),
        (
            "/healthchecks/readiness_probe/type/http/port",
            "probe_port_not_declared",
            "warning",
        ),
        (
            "/healthchecks/readiness_probe/type/grpc/port",
            "probe_port_not_declared",
            "warning",
        ),
        (
            "/healthchecks/liveness_probe/type/tcp/port",
            "probe_port_not_declared",
            "warning",
        ),
        (
            "/healthchecks/liveness_probe/type/http/port",
            "probe_port_not_declared",
            "warning",
        ),
        (
            "/healthchecks/liveness_probe/type/grpc/port",
            "probe_port_not_declared",
            "warning",
        ),
    ]
    .into_iter()
    .map(|(p, c, s)| (p.to_owned(), c, s.to_owned()))
    .collect();
    let mut found_sorted = found.clone();
    let mut expected_sorted = expected.clone();
    found_sorted.sort();
    expected_sorted.sort();
    assert_eq!(found_sorted, expected_sorted);
    Ok(())
}
