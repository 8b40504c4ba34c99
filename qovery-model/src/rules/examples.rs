//! A failing and a passing payload for every code a payload can produce, as data beside the
//! rules' metadata: `qovery-lint explain CODE` shows them (and the code's fix applied to the
//! failing one). The tests check each: the failing payload reports the code, the passing one
//! does not.

use crate::document::{self, CheckOptions, DocumentKind, Syntax};
use crate::model::{RegistryContext, RegistryKind};
use crate::validate::Report;

/// A failing and a passing payload for one code.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The code the failing payload produces and the passing one does not.
    pub code: &'static str,
    /// Request or response.
    pub kind: DocumentKind,
    /// JSON or YAML.
    pub syntax: Syntax,
    /// The registry kind the failing payload is checked with (`--registry-kind`).
    pub registry_kind: Option<&'static str>,
    /// The registry kind the passing payload is checked with.
    pub passing_registry_kind: Option<&'static str>,
    /// A payload with this problem.
    pub failing: &'static str,
    /// The same payload, fixed.
    pub passing: &'static str,
}

impl Example {
    /// Checks the failing payload.
    pub fn check_failing(&self) -> Report {
        self.check(self.failing, self.registry_kind)
    }

    /// Checks the passing payload.
    pub fn check_passing(&self) -> Report {
        self.check(self.passing, self.passing_registry_kind)
    }

    fn check(&self, payload: &str, registry_kind: Option<&str>) -> Report {
        document::check(payload.as_bytes(), &self.options(registry_kind))
    }

    /// How the failing payload is checked.
    pub fn failing_options(&self) -> CheckOptions {
        self.options(self.registry_kind)
    }

    fn options(&self, registry_kind: Option<&str>) -> CheckOptions {
        let mut context = RegistryContext::new();
        if let Some(kind) = registry_kind {
            context = context.with_registry_kind(RegistryKind::from_wire(kind));
        }
        CheckOptions::new()
            .kind(self.kind)
            .syntax(self.syntax)
            .context(context)
    }
}

/// The example for `code`, if there is one.
pub fn find(code: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.code == code)
}

/// A JSON request: `name`, `registry_id`, `image_name` and `tag` (given without quotes), then
/// the given members.
macro_rules! request {
    ($image:literal, $tag:literal $(, $member:literal)* $(,)?) => {
        concat!(
            "{\n  \"name\": \"api\",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n  \"image_name\": \"",
            $image,
            "\",\n  \"tag\": \"",
            $tag,
            "\"",
            $(",\n  ", $member,)*
            "\n}"
        )
    };
}

/// A JSON response with the given registry URL, `service_type` and `cpu`, then the given members.
macro_rules! response {
    ($url:literal, $service_type:literal, $cpu:literal $(, $member:literal)* $(,)?) => {
        concat!(
            "{\n  \"id\": \"b2f0c1de-5a7e-4c3b-9d8f-0a1b2c3d4e5f\",\n  \"created_at\": \"2025-03-14T09:26:53Z\",\n",
            "  \"image_name\": \"acme/api\",\n  \"tag\": \"1.4.2\",\n",
            "  \"registry\": {\n    \"id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n    \"name\": \"Docker Hub\",\n    \"url\": \"",
            $url,
            "\",\n    \"kind\": \"DOCKER_HUB\"\n  },\n",
            "  \"environment\": { \"id\": \"5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b\" },\n",
            "  \"maximum_cpu\": 16000,\n  \"maximum_memory\": 16384,\n  \"maximum_gpu\": 0,\n",
            "  \"name\": \"api\",\n  \"cpu\": ",
            $cpu,
            ",\n  \"memory\": 512,\n  \"gpu\": 0,\n",
            "  \"min_running_instances\": 1,\n  \"max_running_instances\": 1,\n",
            "  \"healthchecks\": {},\n  \"auto_preview\": false,\n",
            "  \"icon_uri\": \"app://qovery-console/container\",\n  \"service_type\": \"",
            $service_type,
            "\"",
            $(",\n  ", $member,)*
            "\n}"
        )
    };
}

const VALID_REQUEST: &str = request!("acme/api", "1.4.2", r#""healthchecks": {}"#);

const VALID_REQUEST_YAML: &str = "name: api
registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a
image_name: acme/api
tag: \"1.4.2\"
healthchecks: {}
";

const VALID_RESPONSE: &str = response!("https://docker.io", "CONTAINER", "500");

const fn json(code: &'static str, failing: &'static str, passing: &'static str) -> Example {
    Example {
        code,
        kind: DocumentKind::Request,
        syntax: Syntax::Json,
        registry_kind: None,
        passing_registry_kind: None,
        failing,
        passing,
    }
}

const fn yaml(code: &'static str, failing: &'static str) -> Example {
    Example {
        syntax: Syntax::Yaml,
        ..json(code, failing, VALID_REQUEST_YAML)
    }
}

const fn with_registry(
    code: &'static str,
    kind: &'static str,
    failing: &'static str,
    passing: &'static str,
) -> Example {
    Example {
        registry_kind: Some(kind),
        passing_registry_kind: Some(kind),
        ..json(code, failing, passing)
    }
}

const fn response(code: &'static str, failing: &'static str) -> Example {
    Example {
        kind: DocumentKind::Response,
        ..json(code, failing, VALID_RESPONSE)
    }
}

/// One example per code that a payload can produce.
pub const EXAMPLES: &[Example] = &[
    // The document itself.
    json(
        "syntax",
        request!("acme/api", "1.4.2", r#""healthchecks": {},"#),
        VALID_REQUEST,
    ),
    yaml(
        "limit",
        "# every alias expands its anchor: 10^7 values
a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
",
    ),
    yaml(
        "yaml",
        "name: api
registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a
image_name: acme/api
tag: \"1.4.2\"
healthchecks: {}
---
name: worker
",
    ),
    json(
        "duplicate_key",
        request!(
            "acme/api",
            "1.4.2",
            r#""tag": "1.5.0""#,
            r#""healthchecks": {}"#
        ),
        VALID_REQUEST,
    ),
    // Structure.
    json(
        "type",
        request!(
            "acme/api",
            "1.4.2",
            r#""cpu": "500""#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""cpu": 500"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "required",
        concat!(
            "{\n  \"name\": \"api\",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n",
            "  \"image_name\": \"acme/api\",\n  \"healthchecks\": {}\n}"
        ),
        VALID_REQUEST,
    ),
    json(
        "unknown_member",
        request!(
            "acme/api",
            "1.4.2",
            r#""memroy": 1024"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""memory": 1024"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "format",
        request!(
            "acme/api",
            "1.4.2",
            r#""icon_uri": "icons/api.svg""#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""icon_uri": "https://example.com/icons/api.svg""#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "enum",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false, "protocol": "HTTPS" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false, "protocol": "HTTP" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "range",
        request!("acme/api", "1.4.2", r#""cpu": -1"#, r#""healthchecks": {}"#),
        request!(
            "acme/api",
            "1.4.2",
            r#""cpu": 250"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "length",
        request!(
            "acme/api",
            "1.4.2",
            r#""healthchecks": { "liveness_probe": { "type": { "exec": { "command": [] } } } }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""healthchecks": { "liveness_probe": { "type": { "exec": { "command": ["pgrep", "api"] } } } }"#
        ),
    ),
    json(
        "not_blank",
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "blank_port_name",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "name": " ", "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "name": "http", "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "http_probe_path",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "", "port": 8080 } } } }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "/healthz", "port": 8080 } } } }"#
        ),
    ),
    json(
        "http_probe_path_relative",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "healthz", "port": 8080 } } } }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "/healthz", "port": 8080 } } } }"#
        ),
    ),
    json(
        "http_probe_scheme",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8443, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "/healthz", "scheme": "https", "port": 8443 } } } }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8443, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "http": { "path": "/healthz", "scheme": "HTTPS", "port": 8443 } } } }"#
        ),
    ),
    // Storage.
    json(
        "external_port_range",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "external_port": 70000, "publicly_accessible": true }]"#,
            r#""healthchecks": {}"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "external_port": 443, "publicly_accessible": true }]"#,
            r#""healthchecks": {}"#,
        ),
    ),
    json(
        "blank_name",
        "{\n  \"name\": \" \",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n  \"image_name\": \"acme/api\",\n  \"tag\": \"1.4.2\",\n  \"healthchecks\": {}\n}",
        "{\n  \"name\": \"api\",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n  \"image_name\": \"acme/api\",\n  \"tag\": \"1.4.2\",\n  \"healthchecks\": {}\n}",
    ),
    json(
        "registry_id_format",
        "{\n  \"name\": \"api\",\n  \"registry_id\": \"not-a-uuid\",\n  \"image_name\": \"acme/api\",\n  \"tag\": \"1.4.2\",\n  \"healthchecks\": {}\n}",
        "{\n  \"name\": \"api\",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n  \"image_name\": \"acme/api\",\n  \"tag\": \"1.4.2\",\n  \"healthchecks\": {}\n}",
    ),
    json(
        "below_terraform_minimum",
        request!("acme/api", "1.4.2", r#""cpu": 5"#, r#""healthchecks": {}"#,),
        request!(
            "acme/api",
            "1.4.2",
            r#""cpu": 250"#,
            r#""healthchecks": {}"#,
        ),
    ),
    json(
        "max_instances_range",
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": -2"#,
            r#""healthchecks": {}"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": -1"#,
            r#""healthchecks": {}"#,
        ),
    ),
    json(
        "blank_exec_command_item",
        request!(
            "acme/api",
            "1.4.2",
            r#""healthchecks": { "readiness_probe": { "type": { "exec": { "command": ["cat", " "] } } } }"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""healthchecks": { "readiness_probe": { "type": { "exec": { "command": ["cat", "/tmp/ready"] } } } }"#,
        ),
    ),
    json(
        "probe_zero_defaulted",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "tcp": { "port": 8080 } }, "period_seconds": 0 } }"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": { "readiness_probe": { "type": { "tcp": { "port": 8080 } }, "period_seconds": 10 } }"#,
        ),
    ),
    json(
        "keda_timing_range",
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "polling_interval_seconds": 0,
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "polling_interval_seconds": 30,
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#,
        ),
    ),
    json(
        "blank_scaler_type",
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    
    "scalers": [{ "scaler_type": " ", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#,
        ),
    ),
    json(
        "blank_trigger_authentication_name",
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" }, "trigger_authentication": { "name": " " } }]
  }"#,
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#,
        ),
    ),
    json(
        "storage_size_below_console_minimum",
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 2, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "storage_size_above_console_limit",
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 1024, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 100, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "mount_point",
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "data" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [{ "type": "FAST_SSD", "size": 10, "mount_point": "/data" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "duplicate_mount_point",
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [
    { "type": "FAST_SSD", "size": 10, "mount_point": "/data" },
    { "type": "FAST_SSD", "size": 20, "mount_point": "/data/" }
  ]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""storage": [
    { "type": "FAST_SSD", "size": 10, "mount_point": "/data" },
    { "type": "FAST_SSD", "size": 20, "mount_point": "/cache" }
  ]"#,
            r#""healthchecks": {}"#
        ),
    ),
    // Ports.
    json(
        "external_port_not_public",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "external_port": 443, "publicly_accessible": false }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "external_port": 443, "publicly_accessible": true }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "public_port_without_external_port",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": true }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "external_port": 443, "publicly_accessible": true }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "public_path_not_applicable",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 5432, "publicly_accessible": false, "protocol": "TCP", "public_path": "/db" }]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 5432, "publicly_accessible": false, "protocol": "TCP" }]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "duplicate_internal_port",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [
    { "name": "http", "internal_port": 8080, "publicly_accessible": false },
    { "name": "admin", "internal_port": 8080, "publicly_accessible": false }
  ]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [
    { "name": "http", "internal_port": 8080, "publicly_accessible": false },
    { "name": "admin", "internal_port": 8081, "publicly_accessible": false }
  ]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "duplicate_port_name",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [
    { "name": "http", "internal_port": 8080, "publicly_accessible": false },
    { "name": "HTTP", "internal_port": 8081, "publicly_accessible": false }
  ]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [
    { "name": "http", "internal_port": 8080, "publicly_accessible": false },
    { "name": "admin", "internal_port": 8081, "publicly_accessible": false }
  ]"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "multiple_default_ports",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [
    { "name": "http", "internal_port": 8080, "publicly_accessible": false, "is_default": true },
    { "name": "admin", "internal_port": 8081, "publicly_accessible": false, "is_default": true }
  ]"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [
    { "name": "http", "internal_port": 8080, "publicly_accessible": false, "is_default": true },
    { "name": "admin", "internal_port": 8081, "publicly_accessible": false, "is_default": false }
  ]"#,
            r#""healthchecks": {}"#
        ),
    ),
    // Image name and tag.
    json(
        "image_name",
        request!("acme/api-", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    json(
        "image_name_tag",
        request!("acme/api:1.4.2", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    json(
        "image_name_digest",
        request!(
            "acme/api@sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
            "1.4.2",
            r#""healthchecks": {}"#
        ),
        VALID_REQUEST,
    ),
    json(
        "image_name_uppercase",
        request!("acme/API", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    json(
        "image_name_registry_host",
        request!("docker.io/acme/api", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    json(
        "docker_tag",
        request!("acme/api", "1.4.2+build.7", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    with_registry(
        "image_name_ecr",
        "ECR",
        request!("a", "1.4.2", r#""healthchecks": {}"#),
        request!("api", "1.4.2", r#""healthchecks": {}"#),
    ),
    with_registry(
        "image_name_scaleway_cr",
        "SCALEWAY_CR",
        request!("api", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    with_registry(
        "image_name_docker_hub",
        "DOCKER_HUB",
        request!("acme/team/api", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    with_registry(
        "image_name_public_ecr",
        "PUBLIC_ECR",
        request!("api", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    with_registry(
        "image_name_github_cr",
        "GITHUB_CR",
        request!("api", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    with_registry(
        "image_name_gitlab_cr",
        "GITLAB_CR",
        request!("api", "1.4.2", r#""healthchecks": {}"#),
        VALID_REQUEST,
    ),
    with_registry(
        "image_name_gcp_artifact_registry",
        "GCP_ARTIFACT_REGISTRY",
        request!("acme/api", "1.4.2", r#""healthchecks": {}"#),
        request!("acme-prod/containers/api", "1.4.2", r#""healthchecks": {}"#),
    ),
    Example {
        passing_registry_kind: Some("GITHUB_CR"),
        ..with_registry(
            "registry_docr_unsupported",
            "DOCR",
            VALID_REQUEST,
            VALID_REQUEST,
        )
    },
    // Probes.
    json(
        "probe_kind",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {
    "readiness_probe": { "type": { "tcp": { "port": 8080 }, "http": { "path": "/ready", "port": 8080 } } }
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {
    "readiness_probe": { "type": { "http": { "path": "/ready", "port": 8080 } } }
  }"#
        ),
    ),
    json(
        "liveness_success_threshold",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {
    "liveness_probe": { "type": { "tcp": { "port": 8080 } }, "success_threshold": 2 }
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {
    "liveness_probe": { "type": { "tcp": { "port": 8080 } }, "success_threshold": 1 }
  }"#
        ),
    ),
    json(
        "probe_port_not_declared",
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 3000, "publicly_accessible": false }]"#,
            r#""healthchecks": {
    "readiness_probe": { "type": { "http": { "path": "/ready", "port": 8080 } } }
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""ports": [{ "internal_port": 8080, "publicly_accessible": false }]"#,
            r#""healthchecks": {
    "readiness_probe": { "type": { "http": { "path": "/ready", "port": 8080 } } }
  }"#
        ),
    ),
    // Groups.
    json(
        "duplicate_group_id",
        request!(
            "acme/api",
            "1.4.2",
            r#""healthchecks": {}"#,
            r#""labels_groups": [
    { "id": "7f1c2a9e-4b3d-4e8f-9a21-5c6d7e8f9a0b" },
    { "id": "7f1c2a9e-4b3d-4e8f-9a21-5c6d7e8f9a0b" }
  ]"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""healthchecks": {}"#,
            r#""labels_groups": [{ "id": "7f1c2a9e-4b3d-4e8f-9a21-5c6d7e8f9a0b" }]"#
        ),
    ),
    // Instances and autoscaling.
    json(
        "max_instances_below_min",
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 3"#,
            r#""max_running_instances": 2"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 3"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "min_instances_zero",
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 0"#,
            r#""healthchecks": {}"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 1"#,
            r#""healthchecks": {}"#
        ),
    ),
    json(
        "autoscaling_instances_range",
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 2"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""min_running_instances": 2"#,
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_json": { "value": "70" } }]
  }"#
        ),
    ),
    json(
        "scaler_config",
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{
      "scaler_type": "cpu",
      "role": "PRIMARY",
      "config_json": { "value": "70" },
      "config_yaml": "value: \"70\""
    }]
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{
      "scaler_type": "cpu",
      "role": "PRIMARY",
      "config_yaml": "value: \"70\""
    }]
  }"#
        ),
    ),
    json(
        "config_yaml_syntax",
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_yaml": "value: [70" }]
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "config_yaml": "value: \"70\"" }]
  }"#
        ),
    ),
    json(
        "no_enabled_scaler",
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "enabled": false, "config_json": { "value": "70" } }]
  }"#
        ),
        request!(
            "acme/api",
            "1.4.2",
            r#""max_running_instances": 8"#,
            r#""healthchecks": {}"#,
            r#""autoscaling": {
    "mode": "KEDA",
    "scalers": [{ "scaler_type": "cpu", "role": "PRIMARY", "enabled": true, "config_json": { "value": "70" } }]
  }"#
        ),
    ),
    // What only a response has.
    response(
        "registry_url_https",
        response!("http://docker.io", "CONTAINER", "500"),
    ),
    response(
        "updated_before_created",
        response!(
            "https://docker.io",
            "CONTAINER",
            "500",
            r#""updated_at": "2025-03-13T08:00:00Z""#
        ),
    ),
    response(
        "service_type_not_container",
        response!("https://docker.io", "APPLICATION", "500"),
    ),
    response(
        "above_maximum",
        response!("https://docker.io", "CONTAINER", "32000"),
    ),
];

#[cfg(test)]
mod tests {
    use super::{EXAMPLES, Example, find};
    use crate::document::Syntax;
    use crate::validate::codes;

    /// The examples this build can check: YAML documents, and `config_yaml`'s syntax, need the
    /// `yaml` feature.
    fn checkable() -> impl Iterator<Item = &'static Example> {
        EXAMPLES.iter().filter(|example| {
            cfg!(feature = "yaml")
                || (example.syntax != Syntax::Yaml && example.code != codes::CONFIG_YAML_SYNTAX)
        })
    }

    #[test]
    fn every_failing_example_reports_its_code_and_every_passing_one_does_not() {
        for example in checkable() {
            let failing = example.check_failing();
            assert!(
                failing.diagnostics().iter().any(|d| d.code == example.code),
                "{}: the failing example does not report it: {:#?}",
                example.code,
                failing.diagnostics()
            );
            let passing = example.check_passing();
            assert!(
                !passing.diagnostics().iter().any(|d| d.code == example.code),
                "{}: the passing example reports it: {:#?}",
                example.code,
                passing.diagnostics()
            );
        }
    }

    #[test]
    fn passing_examples_are_clean() {
        for example in checkable() {
            let passing = example.check_passing();
            assert!(
                passing.is_empty(),
                "{}: {:#?}",
                example.code,
                passing.diagnostics()
            );
        }
    }

    #[test]
    fn every_code_a_payload_can_produce_has_one_example() {
        let codes = crate::rules::codes()
            .into_iter()
            .chain(super::super::structural::STRUCTURAL.iter().map(|s| s.code));
        for code in codes {
            let count = EXAMPLES.iter().filter(|e| e.code == code).count();
            assert_eq!(count, 1, "examples for `{code}`");
        }
        for example in EXAMPLES {
            assert!(find(example.code).is_some());
        }
    }
}
