//! Issue 5, the specification of the raw-document checker (`qovery_model::document::check`):
//! a table of documents, JSON and YAML, requests and responses, each with the EXACT list of
//! (pointer, code, severity, line, column) it produces, in file order.
//!
//! Every document is written as a raw string with a deliberate layout: line 1 of the document is
//! the first line of the literal, and every following line starts at column 1 of this file, so
//! the expected positions can be read off the source. Lines and columns are 1-based; columns count
//! characters, not bytes (see the cases with `é`, `☕` and `日本語` before a mistake).
//!
//! Then: a document with ten different mistakes reports all ten; a wrong type in one member does
//! not stop the checks of the others; and every case that deserializes into the typed model gets
//! the same (pointer, code, severity) list from `check()` as from `Validate::validate_with`.

use qovery_model::document::{CheckOptions, DocumentKind, Syntax, check};
use qovery_model::model::{ContainerRequest, ContainerResponse, RegistryContext, RegistryKind};
use qovery_model::validate::{Diagnostic, Report, Severity, Validate};
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;

use DocumentKind::{Request, Response};
use Severity::{Error, Warning};
use Syntax::{Json, Yaml};

/// (pointer, code, severity, line, column).
type Expected = (&'static str, &'static str, Severity, u32, u32);

/// One document and everything `check()` must say about it.
struct Case {
    name: &'static str,
    syntax: Syntax,
    kind: DocumentKind,
    context: RegistryContext,
    strict: bool,
    doc: &'static str,
    expect: &'static [Expected],
}

impl Case {
    fn options(&self) -> CheckOptions {
        CheckOptions::new()
            .kind(self.kind)
            .syntax(self.syntax)
            .context(self.context.clone())
            .strict(self.strict)
    }

    fn report(&self) -> Report {
        check(self.doc.as_bytes(), &self.options())
    }
}

fn no_context() -> RegistryContext {
    RegistryContext::new()
}

fn registry(kind: RegistryKind) -> RegistryContext {
    RegistryContext::new().with_registry_kind(kind)
}

fn located(d: &Diagnostic) -> (String, &'static str, Severity, u32, u32) {
    match d.position {
        Some(p) => (d.pointer.clone(), d.code, d.severity, p.line, p.column),
        None => panic!("no position on {d}"),
    }
}

/// The list as Rust source, to read a mismatch (and to update a case after a deliberate change).
fn show(list: &[(String, &'static str, Severity, u32, u32)]) -> String {
    let mut out = String::new();
    for (pointer, code, severity, line, column) in list {
        let severity = match severity {
            Error => "Error",
            Warning => "Warning",
            _ => "?",
        };
        out.push_str(&format!(
            "            ({pointer:?}, {code:?}, {severity}, {line}, {column}),\n"
        ));
    }
    out
}

fn find<'a>(cases: &'a [Case], name: &str) -> &'a Case {
    match cases.iter().find(|c| c.name == name) {
        Some(case) => case,
        None => panic!("no case named {name}"),
    }
}

/// The one diagnostic of `case` at `pointer` with `code`.
fn diagnostic(case: &Case, pointer: &str, code: &str) -> Diagnostic {
    let report = case.report();
    let found: Vec<&Diagnostic> = report
        .diagnostics()
        .iter()
        .filter(|d| d.pointer == pointer && d.code == code)
        .collect();
    match found.as_slice() {
        [one] => (*one).clone(),
        other => panic!(
            "{}: expected one {code} at {pointer}, found {}",
            case.name,
            other.len()
        ),
    }
}

/// The table. Every document is checked with the options of its case, and the exact list of
/// (pointer, code, severity, line, column) is compared, in order.
fn cases() -> Vec<Case> {
    vec![
        // ----------------------------------------------------------------------------------
        // JSON requests: the structural codes
        // ----------------------------------------------------------------------------------
        Case {
            name: "json_valid_request_with_top_level_schema_member",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: true,
            doc: r#"{
  "$schema": "https://example.com/container-request.schema.json",
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {}
}"#,
            expect: &[],
        },
        Case {
            name: "json_schema_member_only_allowed_at_the_top",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "$schema": "https://example.com/container-request.schema.json",
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {"$schema": "x"}
}"#,
            expect: &[("/healthchecks/$schema", "unknown_member", Warning, 7, 20)],
        },
        Case {
            name: "json_string_where_an_integer_belongs",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "cpu": "500",
  "healthchecks": {}
}"#,
            expect: &[("/cpu", "type", Error, 6, 10)],
        },
        Case {
            name: "json_numbers_that_are_not_i32",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "memory":                1.5,
  "gpu":                   1e400,
  "min_running_instances": 2147483648,
  "max_running_instances": -2147483649,
  "ephemeral_storage_in_gib": 20.0,
  "healthchecks": {}
}"#,
            expect: &[
                ("/memory", "type", Error, 6, 28),
                ("/gpu", "type", Error, 7, 28),
                ("/min_running_instances", "type", Error, 8, 28),
                ("/max_running_instances", "type", Error, 9, 28),
                ("/ephemeral_storage_in_gib", "type", Error, 10, 31),
            ],
        },
        Case {
            name: "json_null_on_optional_members_and_wrong_containers",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "cpu": null,
  "arguments": {"0": "--verbose"},
  "auto_preview": "true",
  "ports": {"internal_port": 80},
  "healthchecks": []
}"#,
            expect: &[
                ("/cpu", "type", Error, 6, 10),
                ("/arguments", "type", Error, 7, 16),
                ("/auto_preview", "type", Error, 8, 19),
                ("/ports", "type", Error, 9, 12),
                ("/healthchecks", "type", Error, 10, 19),
            ],
        },
        Case {
            name: "json_null_on_required_members",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": null,
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {},
  "ports": [null]
}"#,
            expect: &[
                ("/name", "type", Error, 2, 11),
                ("/ports/0", "type", Error, 7, 13),
            ],
        },
        Case {
            name: "json_required_members_at_the_opening_brace",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "ports": [
    {"name": "web", "publicly_accessible": false},
      {"internal_port": 81}
  ],
  "storage": [
    {
      "type": "FAST_SSD",
      "size": 10
    }
  ]
}"#,
            expect: &[
                ("/registry_id", "required", Error, 1, 1),
                ("/image_name", "required", Error, 1, 1),
                ("/tag", "required", Error, 1, 1),
                ("/healthchecks", "required", Error, 1, 1),
                ("/ports/0/internal_port", "required", Error, 4, 5),
                ("/ports/1/publicly_accessible", "required", Error, 5, 7),
                ("/storage/0/mount_point", "required", Error, 8, 5),
            ],
        },
        Case {
            name: "json_unknown_members_with_a_suggestion",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {
    "readyness_probe": {"type": {"tcp": {"port": 80}}}
  },
  "colour": "blue"
}"#,
            expect: &[
                (
                    "/healthchecks/readyness_probe",
                    "unknown_member",
                    Warning,
                    7,
                    5,
                ),
                ("/colour", "unknown_member", Warning, 9, 3),
            ],
        },
        Case {
            name: "json_unknown_members_are_errors_in_strict_mode",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: true,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {
    "readyness_probe": {"type": {"tcp": {"port": 80}}}
  },
  "ports": [{"internal_port": 80, "publicly_accessible": false, "publicly_accesible": true}],
  "colour": "blue"
}"#,
            expect: &[
                (
                    "/healthchecks/readyness_probe",
                    "unknown_member",
                    Error,
                    7,
                    5,
                ),
                (
                    "/ports/0/publicly_accesible",
                    "unknown_member",
                    Error,
                    9,
                    65,
                ),
                ("/colour", "unknown_member", Error, 10, 3),
            ],
        },
        Case {
            name: "json_suggestions_keep_a_character_of_the_key",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api", "nmae": "x",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27", "a": 1, "imagename": "x",
  "healthchecks": {"liveness_probe": {"type": {"tcp": {"prot": 80}}}}
}"#,
            expect: &[
                ("/nmae", "unknown_member", Warning, 2, 18),
                ("/a", "unknown_member", Warning, 5, 18),
                ("/imagename", "unknown_member", Warning, 5, 26),
                (
                    "/healthchecks/liveness_probe/type/tcp/prot",
                    "unknown_member",
                    Warning,
                    6,
                    56,
                ),
            ],
        },
        Case {
            name: "json_duplicate_keys_at_the_second_key",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "cpu": 99999, "cpu": 500,
  "healthchecks": {},
  "ports": [
    {"internal_port": 80,
     "publicly_accessible": false,
     "internal_port": 8080}
  ]
}"#,
            expect: &[
                ("/cpu", "duplicate_key", Error, 6, 17),
                ("/ports/0/internal_port", "duplicate_key", Error, 11, 6),
            ],
        },
        Case {
            name: "json_the_last_of_repeated_keys_is_the_one_checked",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "cpu": "x",
  "cpu": 5,
  "memory": "a", "memory": "b",
  "healthchecks": {}
}"#,
            expect: &[
                ("/cpu", "type", Error, 6, 10),
                ("/cpu", "duplicate_key", Error, 7, 3),
                ("/cpu", "below_terraform_minimum", Warning, 7, 10),
                ("/memory", "type", Error, 8, 13),
                ("/memory", "duplicate_key", Error, 8, 18),
                ("/memory", "type", Error, 8, 28),
            ],
        },
        Case {
            name: "json_uuid_format_of_group_ids",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {},
  "annotations_groups": [
    {"id": "8f7b2f8e-9f5c-4a59-9f0e-0c1d2e3f4a5b"},
    {"id": "group-1"}
  ],
  "labels_groups": [{"id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5"}]
}"#,
            expect: &[
                ("/annotations_groups/1/id", "format", Error, 9, 12),
                ("/labels_groups/0/id", "format", Error, 11, 28),
            ],
        },
        Case {
            name: "json_registry_id_that_is_not_a_uuid",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "my-registry",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {}
}"#,
            expect: &[("/registry_id", "registry_id_format", Warning, 3, 18)],
        },
        Case {
            name: "json_syntax_missing_comma",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "cpu": 500
  "memory": 512
}"#,
            expect: &[("", "syntax", Error, 4, 3)],
        },
        Case {
            name: "json_syntax_trailing_comma",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "ports": [80, 81,],
  "cpu": 500
}"#,
            expect: &[("", "syntax", Error, 3, 19)],
        },
        Case {
            name: "json_syntax_single_quotes_after_multibyte_text",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "description": "café ☕", "name": 'api'
}"#,
            expect: &[("", "syntax", Error, 2, 36)],
        },
        Case {
            name: "json_nesting_deeper_than_the_limit",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: DEEP_JSON,
            expect: &[("", "limit", Error, 1, 142)],
        },
        // ----------------------------------------------------------------------------------
        // JSON requests: nested mistakes, layout, catalogue rules
        // ----------------------------------------------------------------------------------
        Case {
            name: "json_nested_mistakes_in_probes_ports_and_storage",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {
    "readiness_probe": {
      "type": {"http": {"path": "ready", "scheme": "https", "port": 70000}},
      "period_seconds": 0
    },
    "liveness_probe": {
      "type": {"tcp": {"port": 8080}, "exec": {"command": ["true"]}},
      "success_threshold": 2
    }
  },
  "ports": [
    {"name": "web", "internal_port": 8080, "publicly_accessible": true, "external_port": 443},
    {"name": "WEB", "internal_port": 8080, "publicly_accessible": false}
  ],
  "storage": [
    {"type": "FAST_SSD", "size": 2, "mount_point": "/data"},
    {"type": "SLOW_HDD", "size": 1000, "mount_point": "/data/"}
  ]
}"#,
            expect: &[
                (
                    "/healthchecks/readiness_probe/type/http/path",
                    "http_probe_path_relative",
                    Warning,
                    8,
                    33,
                ),
                (
                    "/healthchecks/readiness_probe/type/http/scheme",
                    "http_probe_scheme",
                    Error,
                    8,
                    52,
                ),
                (
                    "/healthchecks/readiness_probe/type/http/port",
                    "range",
                    Error,
                    8,
                    69,
                ),
                (
                    "/healthchecks/readiness_probe/period_seconds",
                    "probe_zero_defaulted",
                    Warning,
                    9,
                    25,
                ),
                (
                    "/healthchecks/liveness_probe/type",
                    "probe_kind",
                    Error,
                    12,
                    15,
                ),
                (
                    "/healthchecks/liveness_probe/success_threshold",
                    "liveness_success_threshold",
                    Error,
                    13,
                    28,
                ),
                ("/ports/1/name", "duplicate_port_name", Warning, 18, 14),
                (
                    "/ports/1/internal_port",
                    "duplicate_internal_port",
                    Error,
                    18,
                    38,
                ),
                (
                    "/storage/0/size",
                    "storage_size_below_console_minimum",
                    Warning,
                    21,
                    34,
                ),
                ("/storage/1/type", "enum", Error, 22, 14),
                (
                    "/storage/1/size",
                    "storage_size_above_console_limit",
                    Warning,
                    22,
                    34,
                ),
                (
                    "/storage/1/mount_point",
                    "duplicate_mount_point",
                    Error,
                    22,
                    55,
                ),
            ],
        },
        Case {
            name: "json_crlf_line_endings_and_tabs",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: "{\r\n  \"name\": \"api\",\r\n  \"registry_id\": \"7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\",\r\n  \"image_name\":\t\"Acme/API\",\r\n\t\"tag\": \".bad\",\r\n\t\t\"cpu\":\t\"5\",\r\n  \"healthchecks\": {}\r\n}\r\n",
            expect: &[
                ("/image_name", "image_name_uppercase", Error, 4, 17),
                ("/tag", "docker_tag", Error, 5, 9),
                ("/cpu", "type", Error, 6, 10),
            ],
        },
        Case {
            name: "json_multibyte_characters_before_mistakes",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api", "description": "café ☕ 日本語", "cpu": "5",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {"liveness_probe": {"type": {"exec": {"command": ["naïve", "☕"]}}, "success_threshold": 0}}
}"#,
            expect: &[
                ("/cpu", "type", Error, 2, 54),
                (
                    "/healthchecks/liveness_probe/success_threshold",
                    "probe_zero_defaulted",
                    Warning,
                    6,
                    107,
                ),
            ],
        },
        Case {
            name: "json_image_name_with_a_tag",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "nginx:1.27",
  "tag": "latest",
  "healthchecks": {}
}"#,
            expect: &[("/image_name", "image_name_tag", Error, 4, 17)],
        },
        Case {
            name: "json_image_name_with_a_digest_and_a_bad_tag",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
 "image_name": "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
 "tag": "-x", "healthchecks": {}}"#,
            expect: &[
                ("/image_name", "image_name_digest", Error, 2, 16),
                ("/tag", "docker_tag", Error, 3, 9),
            ],
        },
        Case {
            name: "json_image_name_with_a_registry_host_and_port",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
 "image_name": "localhost:5000/api", "tag": "v1", "healthchecks": {}}"#,
            expect: &[("/image_name", "image_name", Error, 2, 16)],
        },
        Case {
            name: "json_image_name_for_a_docker_hub_registry",
            syntax: Json,
            kind: Request,
            context: registry(RegistryKind::DockerHub),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "docker.io/library/nginx/extra",
  "tag": "1.27",
  "healthchecks": {}
}"#,
            expect: &[
                ("/image_name", "image_name_registry_host", Warning, 4, 17),
                ("/image_name", "image_name_docker_hub", Error, 4, 17),
            ],
        },
        Case {
            name: "json_image_name_for_an_ecr_registry_in_strict_mode",
            syntax: Json,
            kind: Request,
            context: registry(RegistryKind::Ecr),
            strict: true,
            doc: r#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
 "image_name": "a", "tag": "v1", "healthchecks": {}, "gpus": 1}"#,
            expect: &[
                ("/image_name", "image_name_ecr", Error, 2, 16),
                ("/gpus", "unknown_member", Error, 2, 54),
            ],
        },
        Case {
            name: "json_registry_map_context_picks_the_kind_by_registry_id",
            syntax: Json,
            kind: Request,
            context: RegistryContext::new()
                .with_registry_kind(RegistryKind::DockerHub)
                .with_registry(
                    "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
                    RegistryKind::GcpArtifactRegistry,
                ),
            strict: false,
            doc: r#"{"name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
 "image_name": "acme/api", "tag": "v1", "healthchecks": {}}"#,
            expect: &[(
                "/image_name",
                "image_name_gcp_artifact_registry",
                Warning,
                2,
                16,
            )],
        },
        Case {
            name: "json_ports_exposure_and_uniqueness_and_exec_probes",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "image_name": "acme/api", "tag": "v1",
  "healthchecks": {
    "readiness_probe": {"type": {"exec": {"command": []}}},
    "liveness_probe": {"type": {"exec": {"command": ["cat", " "]}}, "failure_threshold": 0}
  },
  "ports": [
    {"internal_port": 80, "publicly_accessible": false, "external_port": 8080, "is_default": true},
    {"internal_port": 81, "publicly_accessible": true, "external_port": 443, "is_default": true, "protocol": "UDP", "public_path": "/x"}
  ],
  "icon_uri": "not a uri",
  "cpu_architecture": "X86",
  "min_running_instances": 0,
  "max_running_instances": -1
}"#,
            expect: &[
                (
                    "/healthchecks/readiness_probe/type/exec/command",
                    "length",
                    Error,
                    4,
                    54,
                ),
                (
                    "/healthchecks/liveness_probe/type/exec/command/1",
                    "blank_exec_command_item",
                    Warning,
                    5,
                    61,
                ),
                (
                    "/healthchecks/liveness_probe/failure_threshold",
                    "probe_zero_defaulted",
                    Warning,
                    5,
                    90,
                ),
                (
                    "/ports/0/external_port",
                    "external_port_not_public",
                    Warning,
                    8,
                    74,
                ),
                (
                    "/ports/1/is_default",
                    "multiple_default_ports",
                    Warning,
                    9,
                    92,
                ),
                (
                    "/ports/1/public_path",
                    "public_path_not_applicable",
                    Warning,
                    9,
                    132,
                ),
                ("/icon_uri", "format", Error, 11, 15),
                ("/cpu_architecture", "enum", Error, 12, 23),
                (
                    "/min_running_instances",
                    "min_instances_zero",
                    Warning,
                    13,
                    28,
                ),
            ],
        },
        Case {
            name: "json_public_port_without_external_port_at_the_port_opening",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {},
  "ports": [
      {"name": "web", "internal_port": 8080, "publicly_accessible": true, "protocol": "GRPC"}
  ]
}"#,
            expect: &[(
                "/ports/0/external_port",
                "public_port_without_external_port",
                Warning,
                8,
                7,
            )],
        },
        Case {
            name: "json_broken_internal_port_does_not_make_the_probe_port_undeclared",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {
    "readiness_probe": {"type": {"tcp": {"port": 80}}}
  },
  "ports": [
      {"name": "web", "internal_port": "80", "publicly_accessible": false}
  ]
}"#,
            expect: &[("/ports/0/internal_port", "type", Error, 10, 40)],
        },
        Case {
            name: "json_broken_mount_point_does_not_make_a_duplicate",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {},
  "storage": [
    {"type": "FAST_SSD", "size": 10, "mount_point": 42},
    {"type": "FAST_SSD", "size": 10, "mount_point": ""}
  ]
}"#,
            expect: &[
                ("/storage/0/mount_point", "type", Error, 8, 53),
                ("/storage/1/mount_point", "not_blank", Error, 9, 53),
            ],
        },
        Case {
            name: "json_broken_autoscaling_does_not_make_min_zero_a_warning",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.27",
  "healthchecks": {},
  "min_running_instances": 0,
  "autoscaling": "KEDA"
}"#,
            expect: &[("/autoscaling", "type", Error, 8, 18)],
        },
        Case {
            name: "json_blank_values_ranges_and_instances",
            syntax: Json,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"{
  "name": " ", "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "image_name": "", "tag": "",
  "healthchecks": {},
  "cpu": 5, "memory": 5, "gpu": -1, "ephemeral_storage_in_gib": -1,
  "min_running_instances": 3, "max_running_instances": 2,
  "storage": [{"type": "FAST_SSD", "size": 10, "mount_point": "data"}, {"type": "FAST_SSD", "size": 10, "mount_point": "/"}],
  "labels_groups": [{"id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21"}, {"id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21"}]
}"#,
            expect: &[
                ("/name", "blank_name", Warning, 2, 11),
                ("/image_name", "not_blank", Error, 2, 85),
                ("/tag", "not_blank", Error, 2, 96),
                ("/cpu", "below_terraform_minimum", Warning, 4, 10),
                ("/memory", "below_terraform_minimum", Warning, 4, 23),
                ("/gpu", "range", Error, 4, 33),
                ("/ephemeral_storage_in_gib", "range", Error, 4, 65),
                (
                    "/max_running_instances",
                    "max_instances_below_min",
                    Error,
                    5,
                    56,
                ),
                ("/storage/0/mount_point", "mount_point", Warning, 6, 63),
                ("/storage/1/mount_point", "mount_point", Warning, 6, 120),
                ("/labels_groups/1/id", "duplicate_group_id", Warning, 7, 76),
            ],
        },
        // ----------------------------------------------------------------------------------
        // YAML requests
        // ----------------------------------------------------------------------------------
        Case {
            name: "yaml_valid_request_block_and_flow_styles",
            syntax: Yaml,
            kind: Request,
            context: registry(RegistryKind::DockerHub),
            strict: true,
            doc: r#"# a container, as a user writes it
$schema: https://example.com/container-request.schema.json
name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
cpu: 500
ports:
  - {name: http, internal_port: 8080, publicly_accessible: true, external_port: 443}
healthchecks:
  readiness_probe:
    type:
      http: {path: /ready, port: 8080}
  liveness_probe:
    type: {tcp: {port: 8080, host: null}}
arguments: [--verbose, "--port=8080"]
"#,
            expect: &[],
        },
        Case {
            name: "yaml_required_members_at_the_first_key",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"# a request
name: api
healthchecks: {}
ports:
  - internal_port: 80
    name: web
  -   {name: metrics}
"#,
            expect: &[
                ("/registry_id", "required", Error, 2, 1),
                ("/image_name", "required", Error, 2, 1),
                ("/tag", "required", Error, 2, 1),
                ("/ports/0/publicly_accessible", "required", Error, 5, 5),
                ("/ports/1/internal_port", "required", Error, 7, 7),
                ("/ports/1/publicly_accessible", "required", Error, 7, 7),
            ],
        },
        Case {
            name: "yaml_1_2_booleans_no_stays_a_string",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: off
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: no
auto_preview: yes
auto_deploy: true
healthchecks: {}
"#,
            expect: &[("/auto_preview", "type", Error, 5, 15)],
        },
        Case {
            name: "yaml_type_errors_in_block_style",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: 1.27
cpu: 1.5
memory: 1e400
gpu: 2147483648
min_running_instances: ~
max_running_instances: "3"
ports: {internal_port: 80}
healthchecks:
"#,
            expect: &[
                ("/tag", "type", Error, 4, 6),
                ("/cpu", "type", Error, 5, 6),
                ("/memory", "type", Error, 6, 9),
                ("/gpu", "type", Error, 7, 6),
                ("/min_running_instances", "type", Error, 8, 24),
                ("/max_running_instances", "type", Error, 9, 24),
                ("/ports", "type", Error, 10, 8),
                ("/healthchecks", "type", Error, 11, 13),
            ],
        },
        Case {
            name: "yaml_custom_tag_warning_and_multiple_documents_error",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: !custom api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks: {}
---
name: second
"#,
            expect: &[("", "yaml", Warning, 1, 7), ("", "yaml", Error, 6, 1)],
        },
        Case {
            name: "yaml_duplicate_keys",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks:
  liveness_probe: null
  liveness_probe: {type: {tcp: {port: 80}}}
name: other
"#,
            expect: &[
                ("/healthchecks/liveness_probe", "duplicate_key", Error, 7, 3),
                (
                    "/healthchecks/liveness_probe/type/tcp/port",
                    "probe_port_not_declared",
                    Warning,
                    7,
                    39,
                ),
                ("/name", "duplicate_key", Error, 8, 1),
            ],
        },
        Case {
            name: "yaml_probe_kinds_in_flow_and_block_styles",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: v1
ports:
  - {name: http, internal_port: 8080, publicly_accessible: false}
healthchecks:
  readiness_probe:
    type: {}
  liveness_probe:
    type:
      grpc: {port: 9090}
      http: null
    success_threshold: 3
    timeout_seconds: 0
"#,
            expect: &[
                (
                    "/healthchecks/readiness_probe/type",
                    "probe_kind",
                    Error,
                    9,
                    11,
                ),
                (
                    "/healthchecks/liveness_probe/type/grpc/port",
                    "probe_port_not_declared",
                    Warning,
                    12,
                    20,
                ),
                (
                    "/healthchecks/liveness_probe/success_threshold",
                    "liveness_success_threshold",
                    Error,
                    14,
                    24,
                ),
                (
                    "/healthchecks/liveness_probe/timeout_seconds",
                    "probe_zero_defaulted",
                    Warning,
                    15,
                    22,
                ),
            ],
        },
        Case {
            name: "yaml_keda_autoscaling_request",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks: {}
min_running_instances: 2
max_running_instances: 2
autoscaling:
  mode: KEDA
  polling_interval_seconds: 0
  scalers:
    - scaler_type: " "
      enabled: false
      role: PRIMARY
      config_json: {value: "60"}
      config_yaml: "a: [b"
      trigger_authentication:
        name: ""
        config_yaml: |
          key: value
"#,
            expect: &[
                (
                    "/max_running_instances",
                    "autoscaling_instances_range",
                    Warning,
                    7,
                    24,
                ),
                (
                    "/autoscaling/polling_interval_seconds",
                    "keda_timing_range",
                    Warning,
                    10,
                    29,
                ),
                ("/autoscaling/scalers", "no_enabled_scaler", Error, 12, 5),
                ("/autoscaling/scalers/0", "scaler_config", Error, 12, 7),
                (
                    "/autoscaling/scalers/0/scaler_type",
                    "blank_scaler_type",
                    Warning,
                    12,
                    20,
                ),
                (
                    "/autoscaling/scalers/0/config_yaml",
                    "config_yaml_syntax",
                    Warning,
                    16,
                    20,
                ),
                (
                    "/autoscaling/scalers/0/trigger_authentication/name",
                    "blank_trigger_authentication_name",
                    Warning,
                    18,
                    15,
                ),
            ],
        },
        Case {
            name: "yaml_keda_scalers_empty_and_unknown_role",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks: {}
max_running_instances: 4
autoscaling:
  mode: HPA
  cooldown_period_seconds: -1
  scalers: []
"#,
            expect: &[
                ("/autoscaling/mode", "enum", Error, 8, 9),
                (
                    "/autoscaling/cooldown_period_seconds",
                    "keda_timing_range",
                    Warning,
                    9,
                    28,
                ),
                ("/autoscaling/scalers", "length", Error, 10, 12),
            ],
        },
        Case {
            name: "yaml_public_tcp_port_without_external_port_at_the_first_key",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks:
  readiness_probe:
    type:
      tcp: {port: 80}
ports:
  - name: web
    internal_port: 80
    publicly_accessible: true
    public_path: /api
    protocol: TCP
"#,
            expect: &[
                (
                    "/ports/0/external_port",
                    "public_port_without_external_port",
                    Warning,
                    10,
                    5,
                ),
                (
                    "/ports/0/public_path",
                    "public_path_not_applicable",
                    Warning,
                    13,
                    18,
                ),
            ],
        },
        Case {
            name: "yaml_github_registry_context",
            syntax: Yaml,
            kind: Request,
            context: registry(RegistryKind::GithubCr),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: api
tag: "1.27"
healthchecks: {}
"#,
            expect: &[("/image_name", "image_name_github_cr", Warning, 3, 13)],
        },
        Case {
            name: "yaml_multibyte_characters_and_crlf",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: "name: api\r\ndescription: \"日本語 ☕\"\r\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\r\nimage_name: acme/api\r\ntag: \"1.27\"\r\nhealthchecks: {liveness_probe: {type: {exec: {command: [\"日本語\", ☕, café]}}, success_threshold: 2}}\r\nlabels: {é: \"ü\"}\r\n",
            expect: &[
                (
                    "/healthchecks/liveness_probe/success_threshold",
                    "liveness_success_threshold",
                    Error,
                    6,
                    95,
                ),
                ("/labels", "unknown_member", Warning, 7, 1),
            ],
        },
        Case {
            name: "yaml_tab_as_indentation_is_a_syntax_error",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: "name: api\nhealthchecks:\n\treadiness_probe: null\n",
            expect: &[("", "syntax", Error, 3, 2)],
        },
        Case {
            name: "yaml_tabs_inside_flow_collections_are_fine",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: "name: api  \t# a comment after a tab\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\nimage_name: acme/api\ntag: \"1\"\nhealthchecks: {readiness_probe: {type: {tcp: {port:\t\"80\"}}}}\n",
            expect: &[(
                "/healthchecks/readiness_probe/type/tcp/port",
                "type",
                Error,
                5,
                53,
            )],
        },
        Case {
            name: "yaml_unclosed_flow_sequence",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: "name: api\nports: [unclosed\n",
            expect: &[("", "syntax", Error, 3, 1)],
        },
        Case {
            name: "yaml_aliases_are_located_at_the_alias",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
ports:
  - &web {name: web, internal_port: 8080, publicly_accessible: false}
  - *web
healthchecks:
  readiness_probe: &probe
    type: {http: {path: /ready, port: 8080}}
    success_threshold: 2
  liveness_probe: *probe
"#,
            expect: &[
                (
                    "/ports/1/internal_port",
                    "duplicate_internal_port",
                    Error,
                    7,
                    5,
                ),
                ("/ports/1/name", "duplicate_port_name", Warning, 7, 5),
                (
                    "/healthchecks/liveness_probe/success_threshold",
                    "liveness_success_threshold",
                    Error,
                    12,
                    19,
                ),
            ],
        },
        Case {
            name: "yaml_free_form_config_and_escaped_pointers",
            syntax: Yaml,
            kind: Request,
            context: no_context(),
            strict: false,
            doc: r#"name: api
registry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
image_name: acme/api
tag: "1.27"
healthchecks: {}
arguments: ["--port", 8080, x/y]
max_running_instances: 3
autoscaling:
  mode: KEDA
  scalers:
    - {scaler_type: cpu, role: PRIMARY, config_json: {value: "60", value: "70"}}
x/y~z: 1
"#,
            expect: &[
                ("/arguments/1", "type", Error, 6, 23),
                (
                    "/autoscaling/scalers/0/config_json/value",
                    "duplicate_key",
                    Error,
                    11,
                    68,
                ),
                ("/x~1y~0z", "unknown_member", Warning, 12, 1),
            ],
        },
        // ----------------------------------------------------------------------------------
        // Responses
        // ----------------------------------------------------------------------------------
        Case {
            name: "yaml_valid_response",
            syntax: Yaml,
            kind: Response,
            context: no_context(),
            strict: true,
            doc: r#"id: 0f8fad5b-d9cb-469f-a165-70867728950e
created_at: "2024-05-01T10:00:00Z"
name: api
image_name: acme/api
tag: "1.27"
registry:
  id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21
  name: Hub
  url: https://docker.io
  kind: DOCKER_HUB
environment: {id: c2a1b0f9-8e7d-4c6b-a594-837261504f3e}
maximum_cpu: 16000
maximum_memory: 16384
maximum_gpu: 0
cpu: 500
memory: 512
gpu: 0
min_running_instances: 1
max_running_instances: 1
healthchecks: {}
auto_preview: false
icon_uri: app://qovery-console/api
service_type: CONTAINER
"#,
            expect: &[],
        },
        Case {
            name: "json_response_rules",
            syntax: Json,
            kind: Response,
            context: no_context(),
            strict: false,
            doc: r#"{
  "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
  "created_at": "2024-05-02T10:00:00Z",
  "updated_at": "2024-05-01T10:00:00Z",
  "name": "api",
  "image_name": "acme/api/x/y",
  "tag": "1.27",
  "registry": {"id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "name": "Hub", "url": "http://docker.io", "kind": "DOCR"},
  "environment": {"id": "c2a1b0f9-8e7d-4c6b-a594-837261504f3e"},
  "maximum_cpu": 1000, "maximum_memory": 1024, "maximum_gpu": 0,
  "cpu": 2000, "memory": 512, "gpu": 1,
  "min_running_instances": 1, "max_running_instances": 1,
  "healthchecks": {},
  "auto_preview": false,
  "icon_uri": "app://qovery-console/api",
  "service_type": "JOB",
  "ports": [{"id": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9", "internal_port": 80, "publicly_accessible": false, "protocol": "QUIC"}]
}"#,
            expect: &[
                ("/updated_at", "updated_before_created", Warning, 4, 17),
                ("/registry/url", "registry_url_https", Warning, 8, 84),
                (
                    "/registry/kind",
                    "registry_docr_unsupported",
                    Warning,
                    8,
                    112,
                ),
                ("/cpu", "above_maximum", Warning, 11, 10),
                ("/gpu", "above_maximum", Warning, 11, 38),
                (
                    "/service_type",
                    "service_type_not_container",
                    Warning,
                    16,
                    19,
                ),
                ("/ports/0/protocol", "enum", Warning, 17, 123),
            ],
        },
        Case {
            name: "json_response_broken_maximum_does_not_make_cpu_above_it",
            syntax: Json,
            kind: Response,
            context: no_context(),
            strict: false,
            doc: r#"{
  "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
  "created_at": "2024-05-01T10:00:00Z",
  "name": "api",
  "image_name": "acme/api",
  "tag": "1.27",
  "registry": {"id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "name": "Hub", "url": "https://docker.io", "kind": "DOCKER_HUB"},
  "environment": {"id": "c2a1b0f9-8e7d-4c6b-a594-837261504f3e"},
  "maximum_cpu": "16000", "maximum_memory": 16384,
  "cpu": 500, "memory": 512, "gpu": 0,
  "min_running_instances": "1", "max_running_instances": 1,
  "healthchecks": {},
  "auto_preview": false,
  "icon_uri": "app://qovery-console/api",
  "service_type": "CONTAINER"
}"#,
            expect: &[
                ("/maximum_gpu", "required", Error, 1, 1),
                ("/maximum_cpu", "type", Error, 9, 18),
                ("/min_running_instances", "type", Error, 11, 28),
            ],
        },
        Case {
            name: "yaml_response_keda_and_timestamps",
            syntax: Yaml,
            kind: Response,
            context: no_context(),
            strict: false,
            doc: r#"id: 0f8fad5b-d9cb-469f-a165-70867728950e
created_at: "2024-05-01T10:00:00Z"
name: api
image_name: acme/api
tag: "1.27"
registry: {id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21, name: Hub, url: "https://docker.io", kind: DOCKER_HUB}
environment: {id: c2a1b0f9-8e7d-4c6b-a594-837261504f3e}
maximum_cpu: 16000
maximum_memory: 16384
maximum_gpu: 0
cpu: 500
memory: 512
gpu: 0
min_running_instances: 1
max_running_instances: 5
healthchecks: {}
auto_preview: false
icon_uri: app://qovery-console/api
service_type: CONTAINER
autoscaling:
  id: 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e
  created_at: "2024-05-01T10:00:00Z"
  service_id: 0f8fad5b-d9cb-469f-a165-70867728950e
  mode: KEDA
  polling_interval_seconds: 30
  cooldown_period_seconds: -5
  scalers:
    - id: 3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f
      created_at: "yesterday"
      scaler_type: cpu
      enabled: true
      role: BACKUP
      config_json: null
      config_yaml: null
"#,
            expect: &[
                (
                    "/autoscaling/cooldown_period_seconds",
                    "keda_timing_range",
                    Warning,
                    26,
                    28,
                ),
                ("/autoscaling/scalers/0", "scaler_config", Error, 28, 7),
                ("/autoscaling/scalers/0/created_at", "format", Error, 29, 19),
                ("/autoscaling/scalers/0/role", "enum", Warning, 32, 13),
            ],
        },
        Case {
            name: "json_response_structural_mistakes",
            syntax: Json,
            kind: Response,
            context: no_context(),
            strict: true,
            doc: r#"{
  "id": "0f8fad5b-d9cb-469f-a165-70867728950e",
  "created_at": "2024-05-01T10:00:00Z",
  "name": "api",
  "image_name": "acme/api",
  "tag": "1.27",
  "registry": {"id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "name": "Hub", "url": "https://docker.io"},
  "environment": {"id": "env-1"},
  "maximum_cpu": 16000, "maximum_memory": 16384, "maximum_gpu": 0,
  "cpu": null, "memory": 512, "gpu": 0,
  "min_running_instances": 1, "max_running_instances": 1,
  "healthchecks": {"readiness_probe": null},
  "auto_preview": false,
  "icon_uri": "app://qovery-console/api",
  "service_type": "CONTAINER",
  "storage": [{"type": "FAST_SSD", "size": 4, "mount_point": "/data"}],
  "servce_type": "CONTAINER"
}"#,
            expect: &[
                ("/registry/kind", "required", Error, 7, 15),
                ("/environment/id", "format", Error, 8, 25),
                ("/cpu", "type", Error, 10, 10),
                ("/storage/0/id", "required", Error, 16, 15),
                ("/servce_type", "unknown_member", Error, 17, 3),
            ],
        },
    ]
}

/// 200 nested arrays in `arguments`: the 128th `[` is at depth 129, one more than the default
/// limit (the root object is depth 1).
const DEEP_JSON: &str = r#"{"arguments": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}"#;

#[test]
fn every_document_of_the_table_gets_its_exact_diagnostics() {
    let mut failures = Vec::new();
    for case in cases() {
        let report = case.report();
        let actual: Vec<_> = report.diagnostics().iter().map(located).collect();
        let expected: Vec<_> = case
            .expect
            .iter()
            .map(|&(pointer, code, severity, line, column)| {
                (pointer.to_owned(), code, severity, line, column)
            })
            .collect();
        if actual != expected {
            failures.push(format!(
                "{}:\n  expected:\n{}  actual:\n{}",
                case.name,
                show(&expected),
                show(&actual)
            ));
        }
        // File order, and every diagnostic has an end on its line, after its start.
        let positions: Vec<_> = actual.iter().map(|d| (d.3, d.4)).collect();
        let mut sorted = positions.clone();
        sorted.sort_unstable();
        assert_eq!(positions, sorted, "{}: not in file order", case.name);
        for d in report.diagnostics() {
            match (d.position, d.end) {
                (Some(start), Some(end)) => assert!(
                    end.line == start.line && end.column >= start.column,
                    "{}: {d} ends at {end:?}, before its start {start:?}",
                    case.name
                ),
                _ => panic!("{}: {d} has no start or no end", case.name),
            }
            assert!(!d.message.is_empty(), "{}: {d} has no message", case.name);
        }
    }
    assert!(
        failures.is_empty(),
        "{} case(s) differ:\n\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_has_forty_documents_of_every_kind() {
    let cases = cases();
    assert!(cases.len() >= 40, "only {} cases", cases.len());
    let mut names = BTreeSet::new();
    for case in &cases {
        assert!(names.insert(case.name), "two cases named {}", case.name);
    }
    let count = |f: &dyn Fn(&Case) -> bool| cases.iter().filter(|c| f(c)).count();
    assert!(count(&|c| c.syntax == Json) >= 15);
    assert!(count(&|c| c.syntax == Yaml) >= 15);
    assert!(count(&|c| c.kind == Response) >= 5);
    assert!(count(&|c| c.context != RegistryContext::new()) >= 4);
    assert!(count(&|c| c.strict) >= 4);
    assert!(count(&|c| c.expect.is_empty()) >= 3);
}

#[test]
fn the_table_covers_every_structural_code_and_many_rules() {
    let codes: BTreeSet<&str> = cases()
        .iter()
        .flat_map(|c| c.expect.iter().map(|e| e.1))
        .collect();
    for code in [
        "syntax",
        "limit",
        "yaml",
        "type",
        "required",
        "unknown_member",
        "duplicate_key",
        "format",
    ] {
        assert!(codes.contains(code), "no case reports `{code}`");
    }
    for code in [
        "image_name",
        "image_name_tag",
        "image_name_digest",
        "image_name_uppercase",
        "image_name_registry_host",
        "image_name_docker_hub",
        "image_name_ecr",
        "image_name_github_cr",
        "image_name_gcp_artifact_registry",
        "docker_tag",
        "not_blank",
        "range",
        "enum",
        "length",
        "probe_kind",
        "liveness_success_threshold",
        "probe_port_not_declared",
        "http_probe_path_relative",
        "http_probe_scheme",
        "duplicate_internal_port",
        "duplicate_port_name",
        "multiple_default_ports",
        "external_port_not_public",
        "public_port_without_external_port",
        "public_path_not_applicable",
        "mount_point",
        "duplicate_mount_point",
        "storage_size_above_console_limit",
        "duplicate_group_id",
        "max_instances_below_min",
        "min_instances_zero",
        "autoscaling_instances_range",
        "no_enabled_scaler",
        "scaler_config",
        "config_yaml_syntax",
        "above_maximum",
        "updated_before_created",
        "registry_url_https",
        "registry_docr_unsupported",
        "service_type_not_container",
    ] {
        assert!(codes.contains(code), "no case reports the rule `{code}`");
    }
}

/// (case, pointer, code, the exact help).
const HELPS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "json_unknown_members_with_a_suggestion",
        "/healthchecks/readyness_probe",
        "unknown_member",
        Some("did you mean `readiness_probe`?"),
    ),
    (
        "json_unknown_members_with_a_suggestion",
        "/colour",
        "unknown_member",
        None,
    ),
    (
        "json_unknown_members_are_errors_in_strict_mode",
        "/ports/0/publicly_accesible",
        "unknown_member",
        Some("did you mean `publicly_accessible`?"),
    ),
    (
        "json_string_where_an_integer_belongs",
        "/cpu",
        "type",
        Some("remove the quotes: 500"),
    ),
    (
        "json_numbers_that_are_not_i32",
        "/ephemeral_storage_in_gib",
        "type",
        Some("write it without a fraction or exponent: 20 instead of 20.0"),
    ),
    (
        "json_null_on_optional_members_and_wrong_containers",
        "/cpu",
        "type",
        Some("omit the member instead of setting it to null"),
    ),
    (
        "json_null_on_required_members",
        "/name",
        "type",
        Some("the member is required: replace null with a string"),
    ),
    (
        "json_null_on_required_members",
        "/ports/0",
        "type",
        Some("replace null with an object, or remove the item"),
    ),
    (
        "json_duplicate_keys_at_the_second_key",
        "/cpu",
        "duplicate_key",
        Some("remove one of the two members"),
    ),
    (
        "json_image_name_with_a_tag",
        "/image_name",
        "image_name_tag",
        Some("move `1.27` to `tag` and set `image_name` to `nginx`"),
    ),
    (
        "json_crlf_line_endings_and_tabs",
        "/image_name",
        "image_name_uppercase",
        Some("write `acme/api`"),
    ),
    (
        "json_image_name_with_a_registry_host_and_port",
        "/image_name",
        "image_name",
        Some("set `image_name` to `api`: Qovery prepends the registry's URL"),
    ),
    (
        "json_nested_mistakes_in_probes_ports_and_storage",
        "/healthchecks/readiness_probe/type/http/scheme",
        "http_probe_scheme",
        Some("write `HTTPS`"),
    ),
    (
        "json_suggestions_keep_a_character_of_the_key",
        "/nmae",
        "unknown_member",
        Some("did you mean `name`?"),
    ),
    (
        "json_suggestions_keep_a_character_of_the_key",
        "/a",
        "unknown_member",
        None,
    ),
    (
        "json_suggestions_keep_a_character_of_the_key",
        "/imagename",
        "unknown_member",
        Some("did you mean `image_name`?"),
    ),
    (
        "json_suggestions_keep_a_character_of_the_key",
        "/healthchecks/liveness_probe/type/tcp/prot",
        "unknown_member",
        Some("did you mean `port`?"),
    ),
];

#[test]
fn helps_are_exact() {
    let cases = cases();
    for &(name, pointer, code, help) in HELPS {
        let found = diagnostic(find(&cases, name), pointer, code);
        assert_eq!(
            found.help.as_deref(),
            help,
            "{name}: help of {code} at {pointer}"
        );
    }
}

#[test]
fn messages_name_the_value_found_and_what_was_expected() {
    let cases = cases();
    let message = |name: &str, pointer: &str, code: &str| {
        diagnostic(find(&cases, name), pointer, code).message
    };
    let numbers = "json_numbers_that_are_not_i32";
    assert_eq!(
        message(numbers, "/memory", "type"),
        "expected an integer, found the number 1.5"
    );
    assert_eq!(
        message(numbers, "/gpu", "type"),
        "expected an integer, found the number 1e400"
    );
    let too_big = message(numbers, "/min_running_instances", "type");
    assert!(
        too_big.contains("2147483648") && too_big.contains("32-bit integer"),
        "{too_big}"
    );
    assert_eq!(
        message("json_string_where_an_integer_belongs", "/cpu", "type"),
        "expected an integer, found the string \"500\""
    );
    let containers = "json_null_on_optional_members_and_wrong_containers";
    assert_eq!(
        message(containers, "/healthchecks", "type"),
        "expected an object, found an array"
    );
    assert_eq!(
        message(containers, "/cpu", "type"),
        "expected an integer, found null"
    );
    assert_eq!(
        message(containers, "/auto_preview", "type"),
        "expected a boolean, found the string \"true\""
    );
    assert_eq!(
        message(
            "json_uuid_format_of_group_ids",
            "/annotations_groups/1/id",
            "format"
        ),
        "\"group-1\" is not a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a"
    );
    let unknown = message(
        "json_unknown_members_with_a_suggestion",
        "/healthchecks/readyness_probe",
        "unknown_member",
    );
    assert!(unknown.contains("`readyness_probe`"), "{unknown}");
    let duplicate = message(
        "json_duplicate_keys_at_the_second_key",
        "/cpu",
        "duplicate_key",
    );
    assert!(duplicate.contains("`cpu`"), "{duplicate}");
    let required = message(
        "json_required_members_at_the_opening_brace",
        "/registry_id",
        "required",
    );
    assert!(required.contains("`registry_id`"), "{required}");
    let yes = message(
        "yaml_1_2_booleans_no_stays_a_string",
        "/auto_preview",
        "type",
    );
    assert_eq!(yes, "expected a boolean, found the string \"yes\"");
}

#[test]
fn positions_end_after_the_offending_token() {
    let cases = cases();
    // `"500"` at line 6, columns 10 to 14: the end is exclusive, after the closing quote.
    let cpu = diagnostic(
        find(&cases, "json_string_where_an_integer_belongs"),
        "/cpu",
        "type",
    );
    assert_eq!(
        (
            cpu.position.map(|p| (p.line, p.column)),
            cpu.end.map(|p| (p.line, p.column))
        ),
        (Some((6, 10)), Some((6, 15)))
    );
    // An unknown key is marked from its opening quote to after its closing quote.
    let unknown = diagnostic(
        find(&cases, "json_unknown_members_with_a_suggestion"),
        "/healthchecks/readyness_probe",
        "unknown_member",
    );
    assert_eq!(
        (
            unknown.position.map(|p| (p.line, p.column)),
            unknown.end.map(|p| (p.line, p.column))
        ),
        (Some((7, 5)), Some((7, 22)))
    );
    // Multi-byte text before a value: the end is counted in characters too.
    let emoji = diagnostic(
        find(&cases, "json_multibyte_characters_before_mistakes"),
        "/cpu",
        "type",
    );
    assert_eq!(
        (
            emoji.position.map(|p| (p.line, p.column)),
            emoji.end.map(|p| (p.line, p.column))
        ),
        (Some((2, 54)), Some((2, 57)))
    );
}

/// One document, ten different mistakes, ten different codes: all ten, in file order.
#[test]
fn a_document_with_ten_different_mistakes_reports_all_ten() {
    let doc = r#"{
  "name": "api",
  "colour": "blue",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "nginx:1.27",
  "tag": ".latest",
  "cpu": "500",
  "memory": 5,
  "healthchecks": {
    "liveness_probe": {"type": {"tcp": {"port": 8080}}, "success_threshold": 3}
  },
  "ports": [
    {"internal_port": 8080, "publicly_accessible": false, "internal_port": 8080},
    {"publicly_accessible": false}
  ],
  "annotations_groups": [{"id": "team"}],
  "storage": [{"type": "FAST_SSD", "size": 10, "mount_point": "/"}]
}"#;
    let report = check(doc.as_bytes(), &CheckOptions::new());
    let actual: Vec<_> = report.diagnostics().iter().map(located).collect();
    let expected: Vec<(String, &str, Severity, u32, u32)> = [
        ("/colour", "unknown_member", Warning, 3, 3),
        ("/image_name", "image_name_tag", Error, 5, 17),
        ("/tag", "docker_tag", Error, 6, 10),
        ("/cpu", "type", Error, 7, 10),
        ("/memory", "below_terraform_minimum", Warning, 8, 13),
        (
            "/healthchecks/liveness_probe/success_threshold",
            "liveness_success_threshold",
            Error,
            10,
            78,
        ),
        ("/ports/0/internal_port", "duplicate_key", Error, 13, 59),
        ("/ports/1/internal_port", "required", Error, 14, 5),
        ("/annotations_groups/0/id", "format", Error, 16, 33),
        ("/storage/0/mount_point", "mount_point", Warning, 17, 63),
    ]
    .iter()
    .map(|&(p, c, s, l, col)| (p.to_owned(), c, s, l, col))
    .collect();
    assert_eq!(actual, expected, "\n{}", show(&actual));
    let codes: BTreeSet<&str> = actual.iter().map(|d| d.1).collect();
    assert_eq!(codes.len(), 10, "ten different codes");
}

/// A `type` error on `/cpu` removes only `/cpu`: every other member is still checked, by the
/// structural walk and by the typed rules, including the cross-field ones.
#[test]
fn a_wrong_type_in_one_member_does_not_stop_the_checks_of_every_other_member() {
    let doc = r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "Acme/api/extra",
  "tag": "1.27",
  "cpu": "1000m",
  "memory": 5,
  "min_running_instances": 3,
  "max_running_instances": 2,
  "healthchecks": {
    "readiness_probe": {"type": {"http": {"path": "ready", "port": 8080}}}
  },
  "ports": [
    {"internal_port": 80, "publicly_accessible": false, "external_port": 80}
  ],
  "storage": [{"type": "FAST_SSD", "size": 1, "mount_point": "/data"}]
}"#;
    let options = CheckOptions::new().context(registry(RegistryKind::ScalewayCr));
    let report = check(doc.as_bytes(), &options);
    let actual: Vec<_> = report.diagnostics().iter().map(located).collect();
    let expected: Vec<(String, &str, Severity, u32, u32)> = [
        ("/image_name", "image_name_uppercase", Error, 4, 17),
        ("/image_name", "image_name_scaleway_cr", Error, 4, 17),
        ("/cpu", "type", Error, 6, 10),
        ("/memory", "below_terraform_minimum", Warning, 7, 13),
        (
            "/max_running_instances",
            "max_instances_below_min",
            Error,
            9,
            28,
        ),
        (
            "/healthchecks/readiness_probe/type/http/path",
            "http_probe_path_relative",
            Warning,
            11,
            51,
        ),
        (
            "/healthchecks/readiness_probe/type/http/port",
            "probe_port_not_declared",
            Warning,
            11,
            68,
        ),
        (
            "/ports/0/external_port",
            "external_port_not_public",
            Warning,
            14,
            74,
        ),
        (
            "/storage/0/size",
            "storage_size_below_console_minimum",
            Warning,
            16,
            44,
        ),
    ]
    .iter()
    .map(|&(p, c, s, l, col)| (p.to_owned(), c, s, l, col))
    .collect();
    assert_eq!(actual, expected, "\n{}", show(&actual));
}

/// The typed validator's report on the document, through serde (`serde_json`, or the
/// independent `serde-saphyr` for YAML).
fn typed<T: DeserializeOwned + Validate<Context = RegistryContext>>(
    case: &Case,
) -> Result<Report, String> {
    let value: T = match case.syntax {
        Json => serde_json::from_slice(case.doc.as_bytes()).map_err(|e| e.to_string())?,
        Yaml => serde_saphyr::from_str(case.doc).map_err(|e| e.to_string())?,
        _ => return Err("unknown syntax".to_owned()),
    };
    Ok(value.validate_with(&case.context))
}

/// What only the checker can see: a case with one of these has a structural problem and is left
/// out of the comparison with the typed validator (a lenient YAML deserializer may still turn
/// `yes` into a boolean or `"80"` into an integer).
const STRUCTURAL: &[&str] = &[
    "syntax",
    "limit",
    "yaml",
    "type",
    "required",
    "duplicate_key",
];

/// For every case whose document deserializes into the typed model cleanly (no structural
/// problem), `check()` and `validate_with` report the same (pointer, code, severity) list,
/// positions and order aside. An unknown member is left out: serde ignores it, so the typed
/// value cannot tell.
#[test]
fn the_typed_validator_and_this_checker_report_the_same_pointer_and_code() {
    let mut compared = 0;
    let mut failures = Vec::new();
    for case in cases() {
        let checked = case.report();
        if checked
            .diagnostics()
            .iter()
            .any(|d| STRUCTURAL.contains(&d.code))
        {
            continue;
        }
        let typed = match case.kind {
            Request => typed::<ContainerRequest>(&case),
            Response => typed::<ContainerResponse>(&case),
        };
        // No structural problem means the document deserializes (a `format` may be the walk's
        // UUID check of a `Uuid` field): anything else is a structural problem the checker missed.
        let typed = match typed {
            Ok(typed) => typed,
            Err(_) if checked.diagnostics().iter().any(|d| d.code == "format") => continue,
            Err(e) => {
                failures.push(format!(
                    "{}: no structural problem, yet serde says {e}",
                    case.name
                ));
                continue;
            }
        };
        compared += 1;
        let key = |d: &Diagnostic| (d.pointer.clone(), d.code, d.severity);
        let mut expected: Vec<_> = typed.diagnostics().iter().map(key).collect();
        let mut actual: Vec<_> = checked
            .diagnostics()
            .iter()
            .filter(|d| d.code != "unknown_member")
            .map(key)
            .collect();
        expected.sort();
        actual.sort();
        if actual != expected {
            failures.push(format!(
                "{}:\n  validate_with: {expected:?}\n  check:         {actual:?}",
                case.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        compared >= 20,
        "only {compared} cases deserialize into the model"
    );
}
