//! Fixes, byte for byte: for every fixable code a document before and after `--fix` (or
//! `--unsafe-fixes`), in JSON and in YAML (with comments, quoting styles, CRLF, a BOM, no final
//! newline), applied with only that code's fixes. And the declaration `rules::FIXES` agrees
//! with the fixes made: every code it lists is fixed here, at the applicability it declares.

use qovery_lint::fix::{Outcome, fix_document};
use qovery_model::document::{CheckOptions, DocumentKind, Syntax, check};
use qovery_model::rules::{FIXES, fix_info};
use qovery_model::validate::Applicability::{self, Safe, Unsafe};
use std::collections::BTreeSet;

struct Case {
    code: &'static str,
    syntax: Syntax,
    /// The applicability every fix of `code` in `before` has.
    applicability: Applicability,
    before: &'static str,
    after: &'static str,
}

const fn json(
    code: &'static str,
    applicability: Applicability,
    before: &'static str,
    after: &'static str,
) -> Case {
    Case {
        code,
        syntax: Syntax::Json,
        applicability,
        before,
        after,
    }
}

const fn yaml(
    code: &'static str,
    applicability: Applicability,
    before: &'static str,
    after: &'static str,
) -> Case {
    Case {
        code,
        syntax: Syntax::Yaml,
        applicability,
        before,
        after,
    }
}

/// A JSON request with the given members after `name` and `registry_id`.
macro_rules! request {
    ($($member:literal),* $(,)?) => {
        concat!(
            "{\n  \"name\": \"api\",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\"",
            $(",\n  ", $member,)*
            "\n}\n"
        )
    };
}

/// A YAML request with the given lines after `name` and `registry_id`.
macro_rules! yaml_request {
    ($($line:literal),* $(,)?) => {
        concat!(
            "# the web service\nname: api\nregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\n",
            $($line, "\n",)*
        )
    };
}

const CASES: &[Case] = &[
    // type: an integer in quotes, an integral number with a fraction, a number where a string
    // belongs, an optional member set to null.
    json(
        "type",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""cpu": "1000""#,
            r#""memory": 512.0"#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""cpu": 1000"#,
            r#""memory": 512"#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "type",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.27   # quoted by the fix",
            "cpu: '1000' # millicores",
            "memory: 5e2",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: \"1.27\"   # quoted by the fix",
            "cpu: 1000 # millicores",
            "memory: 500",
            "healthchecks: {}"
        ),
    ),
    json(
        "type",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""cpu": null"#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "type",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "cpu: null  # let the API choose",
            "tag: 1.4.2",
            "healthchecks: {}"
        ),
        yaml_request!("image_name: acme/api", "tag: 1.4.2", "healthchecks: {}"),
    ),
    // The last member, in JSON: the comma before it goes.
    json(
        "type",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#,
            r#""memory": null"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    // An array item is replaced in place.
    json(
        "type",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""arguments": ["--port", 8080]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""arguments": ["--port", "8080"]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "unknown_member",
        Unsafe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""memroy": 1024"#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""memory": 1024"#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "unknown_member",
        Unsafe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "'memroy': 1024 # MB",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "'memory': 1024 # MB",
            "healthchecks: {}"
        ),
    ),
    json(
        "duplicate_key",
        Unsafe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#,
            r#""tag": "1.5.0""#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""healthchecks": {}"#,
            r#""tag": "1.5.0""#
        ),
    ),
    yaml(
        "duplicate_key",
        Unsafe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2  # the old one",
            "healthchecks: {}",
            "tag: 1.5.0"
        ),
        yaml_request!("image_name: acme/api", "healthchecks: {}", "tag: 1.5.0"),
    ),
    // A lone `\r` breaks YAML lines (classic Mac OS line ends): the earlier member's lines end
    // there, not at the next `\n`.
    yaml(
        "duplicate_key",
        Unsafe,
        "name: api\rregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\rtag: 1.4.2 # old\rimage_name: acme/api\rhealthchecks: {}\rtag: 1.5.0\n",
        "name: api\rregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\rimage_name: acme/api\rhealthchecks: {}\rtag: 1.5.0\n",
    ),
    json(
        "enum",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""ports": [{ "internal_port": 8080, "protocol": "grpc" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""ports": [{ "internal_port": 8080, "protocol": "GRPC" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "enum",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    protocol: 'tcp'  # single quotes stay",
            "cpu_architecture: arm64",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    protocol: 'TCP'  # single quotes stay",
            "cpu_architecture: ARM64",
            "healthchecks: {}"
        ),
    ),
    json(
        "mount_point",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "data" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "mount_point",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "storage:",
            "  - {type: FAST_SSD, size: 10, mount_point: data}",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "storage:",
            "  - {type: FAST_SSD, size: 10, mount_point: /data}",
            "healthchecks: {}"
        ),
    ),
    json(
        "external_port_not_public",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""ports": [{ "internal_port": 8080, "external_port": 80, "publicly_accessible": false }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "external_port_not_public",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    external_port: 80 # dropped by the API",
            "    publicly_accessible: false",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    publicly_accessible: false",
            "healthchecks: {}"
        ),
    ),
    // The first key of a sequence item: the next member takes its place after the `- `.
    yaml(
        "external_port_not_public",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - external_port: 80",
            "    internal_port: 8080",
            "    publicly_accessible: false",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    publicly_accessible: false",
            "healthchecks: {}"
        ),
    ),
    json(
        "public_port_without_external_port",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            "\"ports\": [\n    {\n      \"internal_port\": 5432,\n      \"protocol\": \"TCP\",\n      \"publicly_accessible\": true\n    }\n  ]",
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            "\"ports\": [\n    {\n      \"internal_port\": 5432,\n      \"protocol\": \"TCP\",\n      \"publicly_accessible\": true,\n      \"external_port\": 5432\n    }\n  ]",
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "public_port_without_external_port",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    publicly_accessible: true  # on the internet",
            "healthchecks: {}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "ports:",
            "  - internal_port: 8080",
            "    publicly_accessible: true  # on the internet",
            "    external_port: 443",
            "healthchecks: {}"
        ),
    ),
    // After a block sequence (its key's `:` ends a line), the new member gets `: `.
    yaml(
        "image_name_tag",
        Safe,
        yaml_request!(
            "image_name: acme/api:1.5",
            "healthchecks: {}",
            "ports:",
            "  - internal_port: 8080",
            "    publicly_accessible: false"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: \"1.5\"",
            "healthchecks: {}",
            "ports:",
            "  - internal_port: 8080",
            "    publicly_accessible: false"
        ),
    ),
    json(
        "image_name",
        Safe,
        request!(
            r#""image_name": "localhost:5000/acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "image_name",
        Safe,
        yaml_request!(
            "image_name: \"localhost:5000/acme/api\"",
            "tag: 1.4.2",
            "healthchecks: {}"
        ),
        yaml_request!("image_name: \"acme/api\"", "tag: 1.4.2", "healthchecks: {}"),
    ),
    // The tag moves to `tag`, added after the last member when absent.
    json(
        "image_name_tag",
        Safe,
        request!(r#""image_name": "acme/api:1.4.2""#, r#""healthchecks": {}"#),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "image_name_tag",
        Safe,
        yaml_request!("image_name: acme/api:1.4.2 # pinned", "healthchecks: {}"),
        yaml_request!(
            "image_name: acme/api # pinned",
            "tag: \"1.4.2\"",
            "healthchecks: {}"
        ),
    ),
    // On one line: after `image_name`, before its comma.
    json(
        "image_name_tag",
        Safe,
        "{\"name\": \"api\", \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\", \"image_name\": \"acme/api:1.4.2\", \"healthchecks\": {}}",
        "{\"name\": \"api\", \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\", \"image_name\": \"acme/api\", \"tag\": \"1.4.2\", \"healthchecks\": {}}",
    ),
    yaml(
        "image_name_tag",
        Safe,
        "{name: api, registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a, image_name: 'acme/api:1.4.2', healthchecks: {}}\n",
        "{name: api, registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a, image_name: 'acme/api', tag: \"1.4.2\", healthchecks: {}}\n",
    ),
    // A registry host with a port goes too, as the `image_name` rule asks: safe.
    json(
        "image_name_tag",
        Safe,
        request!(
            r#""image_name": "localhost:5000/acme/api:1.4.2""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    // A dotted host goes too, as `image_name_registry_host` suggests, and `tag` said otherwise:
    // unsafe.
    json(
        "image_name_tag",
        Unsafe,
        request!(
            r#""image_name": "docker.io/acme/api:1.4.2""#,
            r#""tag": "latest""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "image_name_digest",
        Unsafe,
        request!(
            r#""image_name": "acme/api@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "image_name_uppercase",
        Safe,
        request!(
            r#""image_name": "Acme/API""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "image_name_uppercase",
        Safe,
        yaml_request!("image_name: Acme/API", "tag: 1.4.2", "healthchecks: {}"),
        yaml_request!("image_name: acme/api", "tag: 1.4.2", "healthchecks: {}"),
    ),
    json(
        "image_name_registry_host",
        Unsafe,
        request!(
            r#""image_name": "ghcr.io/acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "docker_tag",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": " 1.4.2 ""#,
            r#""healthchecks": {}"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": {}"#
        ),
    ),
    yaml(
        "docker_tag",
        Unsafe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 'acme/api:1.4.2'",
            "healthchecks: {}"
        ),
        yaml_request!("image_name: acme/api", "tag: '1.4.2'", "healthchecks: {}"),
    ),
    json(
        "http_probe_path_relative",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "healthz", "port": 8080 } } } }"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "/healthz", "port": 8080 } } } }"#
        ),
    ),
    yaml(
        "http_probe_path_relative",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "healthchecks:",
            "  readiness_probe:",
            "    type:",
            "      http:",
            "        path: healthz",
            "        port: 8080"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "healthchecks:",
            "  readiness_probe:",
            "    type:",
            "      http:",
            "        path: /healthz",
            "        port: 8080"
        ),
    ),
    json(
        "http_probe_scheme",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "port": 8080, "scheme": "https" } } } }"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "port": 8080, "scheme": "HTTPS" } } } }"#
        ),
    ),
    yaml(
        "http_probe_scheme",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "healthchecks:",
            "  readiness_probe:",
            "    type: {http: {port: 8080, scheme: \"http\"}}"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "healthchecks:",
            "  readiness_probe:",
            "    type: {http: {port: 8080, scheme: \"HTTP\"}}"
        ),
    ),
    json(
        "liveness_success_threshold",
        Safe,
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": { "liveness_probe": { "type": { "tcp": { "port": 8080 } }, "success_threshold": 3 } }"#
        ),
        request!(
            r#""image_name": "acme/api""#,
            r#""tag": "1.4.2""#,
            r#""healthchecks": { "liveness_probe": { "type": { "tcp": { "port": 8080 } }, "success_threshold": 1 } }"#
        ),
    ),
    yaml(
        "liveness_success_threshold",
        Safe,
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "healthchecks:",
            "  liveness_probe:",
            "    type: {tcp: {port: 8080}}",
            "    success_threshold: 2 # Kubernetes refuses it"
        ),
        yaml_request!(
            "image_name: acme/api",
            "tag: 1.4.2",
            "healthchecks:",
            "  liveness_probe:",
            "    type: {tcp: {port: 8080}}",
            "    success_threshold: 1 # Kubernetes refuses it"
        ),
    ),
];

/// A response with an http registry URL (the one response rule with a fix).
const RESPONSE_BEFORE: &str = include_str!("data/fixes/registry-url.response.json");

fn options(syntax: Syntax) -> CheckOptions {
    CheckOptions::new().syntax(syntax)
}

/// `before` with only `code`'s fixes, at `threshold`.
fn fixed(before: &[u8], options: &CheckOptions, code: &str, threshold: Applicability) -> Vec<u8> {
    let fixed = fix_document(before, options, threshold, &|d| d.code == code);
    assert_eq!(fixed.outcome, Outcome::Converged);
    fixed.output
}

/// The applicability of every fix of `code` in `before`, in file order.
fn applicabilities(before: &[u8], options: &CheckOptions, code: &str) -> Vec<Applicability> {
    check(before, options)
        .diagnostics()
        .iter()
        .filter(|d| d.code == code)
        .filter_map(|d| d.fix.as_ref().map(|f| f.applicability))
        .collect()
}

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

#[test]
fn each_fix_gives_exactly_the_expected_bytes() {
    for case in CASES {
        let options = options(case.syntax);
        let found = applicabilities(case.before.as_bytes(), &options, case.code);
        assert!(
            !found.is_empty(),
            "{}: no fix in\n{}",
            case.code,
            case.before
        );
        assert!(
            found.iter().all(|a| *a == case.applicability),
            "{}: {found:?} in\n{}",
            case.code,
            case.before
        );
        let after = fixed(
            case.before.as_bytes(),
            &options,
            case.code,
            case.applicability,
        );
        assert_eq!(
            String::from_utf8_lossy(&after),
            case.after,
            "{} ({:?})",
            case.code,
            case.syntax
        );
        // A safe fix is not applied at a lower threshold than its own, an unsafe one is not
        // applied without --unsafe-fixes.
        if case.applicability == Unsafe {
            let safe_only = fixed(case.before.as_bytes(), &options, case.code, Safe);
            assert_eq!(safe_only, case.before.as_bytes(), "{}", case.code);
        }
        // The fixed document has none of these diagnostics left, and a second --fix changes
        // nothing.
        let again = fixed(&after, &options, case.code, Unsafe);
        assert_eq!(again, after, "{}: not idempotent", case.code);
    }
}

#[test]
fn crlf_line_ends_a_bom_and_a_missing_final_newline_are_kept() {
    for case in CASES {
        let options = options(case.syntax);
        let before = crlf(case.before);
        let after = fixed(before.as_bytes(), &options, case.code, case.applicability);
        assert_eq!(
            String::from_utf8_lossy(&after),
            crlf(case.after),
            "{} with CRLF",
            case.code
        );
        let before = format!("\u{feff}{}", case.before.trim_end_matches('\n'));
        let after = fixed(before.as_bytes(), &options, case.code, case.applicability);
        assert_eq!(
            String::from_utf8_lossy(&after),
            format!("\u{feff}{}", case.after.trim_end_matches('\n')),
            "{} with a BOM and no final newline",
            case.code
        );
    }
}

#[test]
fn the_declaration_lists_exactly_the_codes_fixed_at_their_applicability() {
    let mut fixed_codes: BTreeSet<&str> = CASES.iter().map(|c| c.code).collect();
    fixed_codes.insert("registry_url_https");
    fixed_codes.insert("http_probe_path");
    let declared: BTreeSet<&str> = FIXES.iter().map(|f| f.code).collect();
    assert_eq!(fixed_codes, declared);
    assert!(FIXES.len() >= 15);
    for case in CASES {
        let Some(info) = fix_info(case.code) else {
            panic!("{} is not declared", case.code);
        };
        let allowed = case.applicability == info.applicability
            || (case.applicability == Unsafe && info.unsafe_when.is_some());
        assert!(
            allowed,
            "{}: {:?} vs {:?}",
            case.code, case.applicability, info
        );
    }
}

#[test]
fn a_response_registry_url_gets_https_unsafely() {
    let options = CheckOptions::new().kind(DocumentKind::Response);
    let code = "registry_url_https";
    let before = RESPONSE_BEFORE.as_bytes();
    assert_eq!(applicabilities(before, &options, code), [Unsafe]);
    let after = fixed(before, &options, code, Unsafe);
    assert_eq!(
        String::from_utf8_lossy(&after),
        RESPONSE_BEFORE.replace(
            "\"http://registry.example.com\"",
            "\"https://registry.example.com\""
        )
    );
}

#[test]
fn no_fix_where_an_edit_shape_cannot_be_made() {
    let yaml = options(Syntax::Yaml);
    // An anchor: editing it would change every alias too.
    let anchored = yaml_request!(
        "image_name: acme/api",
        "tag: 1.4.2",
        "cpu: &c '500'",
        "memory: *c",
        "healthchecks: {}"
    );
    assert!(
        check(anchored.as_bytes(), &yaml)
            .diagnostics()
            .iter()
            .all(|d| d.fix.is_none())
    );
    // A block scalar is not rewritten.
    let block = yaml_request!(
        "image_name: acme/api",
        "tag: |",
        "  1.4.2",
        "cpu: \"500\"",
        "healthchecks: {}"
    );
    let report = check(block.as_bytes(), &yaml);
    assert!(
        report
            .diagnostics()
            .iter()
            .any(|d| d.code == "type" && d.fix.is_some())
    );
    // The only member of a block mapping cannot go (the mapping would become null).
    let only = yaml_request!(
        "image_name: acme/api",
        "tag: 1.4.2",
        "healthchecks:",
        "  liveness_probe: null"
    );
    let report = check(only.as_bytes(), &yaml);
    assert!(
        report.diagnostics().iter().all(|d| d.fix.is_none()),
        "{report:?}"
    );
    // A misspelt member whose right name is already there is not renamed into a duplicate.
    let both = request!(
        r#""image_name": "acme/api""#,
        r#""tag": "1.4.2""#,
        r#""memory": 1024"#,
        r#""memroy": 1024"#,
        r#""healthchecks": {}"#
    );
    let report = check(both.as_bytes(), &CheckOptions::new());
    let unknown = report
        .diagnostics()
        .iter()
        .find(|d| d.code == "unknown_member");
    assert!(unknown.is_some_and(|d| d.fix.is_none()), "{report:?}");
}

#[test]
fn a_document_with_a_syntax_error_gets_no_fix() {
    for (text, syntax) in [
        ("{\"cpu\": \"1000\",,}", Syntax::Json),
        ("cpu: \"1000\"\n  - [\n", Syntax::Yaml),
    ] {
        let report = check(text.as_bytes(), &options(syntax));
        assert!(report.diagnostics().iter().all(|d| d.fix.is_none()));
        let fixed = fix_document(text.as_bytes(), &options(syntax), Unsafe, &|_| true);
        assert_eq!(fixed.output, text.as_bytes());
    }
}
