//! Conformance of the exported schemas with Qovery's official OpenAPI spec
//! (`spec/qovery-openapi-container.yaml`).
//!
//! For `ContainerRequest`, `ContainerResponse` and every object, array and enum they reach, the
//! spec's schema and ours are reduced to the same facts (property names, `required`, types with
//! nullability, `format`, `enum`, `default`, bounds, patterns, and any other construct) and
//! compared, in each exported form (JSON Schema 2020-12, draft-07, OpenAPI 3.0 components).
//! Every difference must be a named, justified [`Deviation`]; any other difference fails, and so
//! does a deviation that no longer occurs.
//!
//! # Normalisations (what is *not* a difference)
//!
//! - `allOf` of the spec is merged (properties, `required`, keywords): the generated clients
//!   flatten it the same way, and so does our model.
//! - A `oneOf` with a single member (the spec's `AutoscalingPolicyRequest`/`Response`, with a
//!   `discriminator` on `mode`) is that member: a value matches one iff it matches the other.
//! - `$ref`s are followed on both sides. A named spec schema is compared once, under its own name
//!   (`Probe`, `PortProtocolEnum`), the first time it is reached; an inline spec object is compared
//!   at the path that reaches it (`ContainerRequest.storage[]`). At every use, the *effective*
//!   type, format, enum, default, bounds and patterns are compared (so `nullable: true` on the
//!   spec's `Probe` schema and `anyOf: [Probe, null]` at our use sites agree at the uses).
//! - Nullability: in our JSON Schema forms, `type: [t, "null"]` and an `anyOf`/`oneOf` member that
//!   only accepts `null` add `null` to the types. In OpenAPI 3.0 (the spec and our OpenAPI form
//!   alike) `nullable: true` adds `null` only next to a `type`, as OpenAPI 3.0.3 says and as OAS
//!   validators read it; so the spec's `cpu_architecture` (`nullable` next to `allOf`) does not
//!   accept `null` (see its deviation).
//! - Annotations are not compared: `description`, `title`, `example(s)`, `readOnly`, `x-*`,
//!   `discriminator`, `$comment`. `additionalProperties: true` is the default and not a fact.
//!   The snapshot tests (`tests/schema_snapshots.rs`) pin the full text of the export.

use qovery_model::schema::{self, DocumentKind, Draft};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;

/// A difference between the spec and our export that is intended, with the reason.
struct Deviation {
    /// The path of the value, from the spec schema's name (`ContainerRequest.cpu`,
    /// `Probe.type.tcp`, `ContainerRequest.storage[].size`); `*` matches any characters.
    path: &'static str,
    /// The difference as this test prints it (`format: spec (none), ours "int32"`); `*` matches
    /// any characters here too (a construct is written differently in each form).
    what: &'static str,
    /// Why we differ.
    why: &'static str,
}

/// Every intended difference from the spec. A `*` in `path` or `what` matches any characters.
const DEVIATIONS: &[Deviation] = &[
    // --- Every integer ---------------------------------------------------------------------
    Deviation {
        path: "*",
        what: r#"format: spec (none), ours "int32""#,
        why: "the spec writes `format: int32` only on the KEDA fields, but Qovery's generated clients (Rust, Go) and this model read every integer as a 32-bit integer",
    },
    Deviation {
        path: "*",
        what: "maximum: spec (none), ours 2147483647",
        why: "i32's bound: a larger integer does not deserialize into the model (nor into the generated clients), so the schema rejects it too (found by tests/schema_differential.rs)",
    },
    Deviation {
        path: "*",
        what: "minimum: spec (none), ours -2147483648",
        why: "i32's bound, where no rule sets a higher minimum: a smaller integer does not deserialize into the model",
    },
    // --- Prose rules and rules from other sources, made keywords -----------------------------
    Deviation {
        path: "*",
        what: r#"pattern added: "\\S""#,
        why: "`not_blank` (Terraform provider, Kubernetes): a name, tag, image name, scaler type, port name or command item that is only white space is rejected",
    },
    Deviation {
        path: "*",
        what: r#"pattern added: "[^\\t-\\r *\\uFEFF]""#,
        why: "`not_blank`, exactly: the white space `str::trim` removes (with U+0085, which ECMA-262's `\\s` leaves out) and U+FEFF; `\\S` alone let `\"\\u{85}\"` through (found by tests/schema_differential.rs)",
    },
    Deviation {
        path: "*port",
        what: "minimum: spec (none), ours 1",
        why: "ports are 1..=65535 (Kubernetes containerPort, Service port and probe ports)",
    },
    Deviation {
        path: "*port",
        what: "maximum: spec (none), ours 65535",
        why: "ports are 1..=65535 (Kubernetes containerPort, Service port and probe ports)",
    },
    Deviation {
        path: "*.storage[].size",
        what: "minimum: spec (none), ours 1",
        why: "Kubernetes' ValidatePersistentVolumeClaimSpec: the claim's storage request is positive (the spec's prose says 4 GB, but the API accepts 1: the Terraform provider's TestAcc_ContainerWithStorage; 1 to 3 is a warning)",
    },
    Deviation {
        path: "*.cpu",
        what: "minimum: spec (none), ours 0",
        why: "Qovery's engine reads `cpu` as an unsigned integer (`cpu_request_in_milli: u32`); below 10 is only the Terraform provider's warning",
    },
    Deviation {
        path: "*.memory",
        what: "minimum: spec (none), ours 0",
        why: "Qovery's engine reads `memory` as an unsigned integer (`ram_request_in_mib: u32`); below 10 is only the Terraform provider's warning",
    },
    Deviation {
        path: "*.image_name",
        what: "maxLength: spec (none), ours 255",
        why: "Docker's reference grammar caps a repository name at 255 characters",
    },
    Deviation {
        path: "*.image_name",
        what: "pattern added: \"^[a-z0-9]+*",
        why: "the spec's prose (\"the image name pattern\"): a repository path of lower-case components joined by `/` (the OCI distribution grammar), never a full reference with a tag, digest or host",
    },
    Deviation {
        path: "*.tag",
        what: "pattern added: \"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$\"",
        why: "Docker's tag grammar: letters, digits, `_`, `.`, `-`, not starting with `.` or `-`, at most 128 characters",
    },
    Deviation {
        path: "Probe.initial_delay_seconds",
        what: "minimum: spec (none), ours 0",
        why: "Kubernetes' probe minimum for initialDelaySeconds",
    },
    Deviation {
        path: "Probe.*_seconds",
        what: "minimum: spec (none), ours 0",
        why: "Kubernetes' validateProbe: probe timings are not negative (0 is Kubernetes' default, a warning)",
    },
    Deviation {
        path: "Probe.*_threshold",
        what: "minimum: spec (none), ours 0",
        why: "Kubernetes' validateProbe: thresholds are not negative (0 is Kubernetes' default, a warning)",
    },
    Deviation {
        path: "Probe.type.http.path",
        what: "minLength: spec (none), ours 1",
        why: "Kubernetes' validateHTTPGetAction rejects an empty path",
    },
    Deviation {
        path: "Probe.type.http.scheme",
        what: r#"enum: spec (none), ours ["HTTP","HTTPS"]"#,
        why: "the spec has no enum for the scheme; Kubernetes (and the Terraform provider) accept HTTP or HTTPS, in upper case",
    },
    // --- What Qovery's clients send, accepted by the API --------------------------------------
    Deviation {
        path: "Probe.*_seconds",
        what: "type: spec integer, ours integer|null",
        why: "Qovery's console sends `null` for an emptied probe timing (format-healthcheck-probe.ts: `parseInt('')` is NaN, serialized as null); the API reads it as omitted",
    },
    Deviation {
        path: "Probe.*_threshold",
        what: "type: spec integer, ours integer|null",
        why: "Qovery's console sends `null` for an emptied probe threshold (format-healthcheck-probe.ts); the API reads it as omitted",
    },
    Deviation {
        path: "Probe.type.http.path",
        what: "type: spec string, ours null|string",
        why: "Qovery's console sends `path: null` when the path field is empty (format-healthcheck-probe.ts:24); the API reads it as its default `/`",
    },
    Deviation {
        path: "KedaTriggerAuthenticationRequest",
        what: "required removed: name",
        why: "Qovery's console omits `name` for an inline trigger authentication, which the API names (autoscaling-payload.ts:108-113)",
    },
    Deviation {
        path: "Service*Request",
        what: "property added: *",
        why: "Qovery's console sends whole organization group objects in `labels_groups` and `annotations_groups`; their members are declared as ignored by the API, so they are not `unknown_member`s",
    },
    // --- Rules the spec does not encode, as schema constructs ---------------------------------
    Deviation {
        path: "Probe",
        what: "required added: type",
        why: "Kubernetes: a probe needs a handler (\"must specify a handler type\"); the validator reports it at `type`",
    },
    Deviation {
        path: "Probe",
        what: "construct added: allOf: type.oneOf[*tcp*http*exec*grpc*]",
        why: "Kubernetes: exactly one handler per probe (\"may not specify more than 1 handler type\"); absent and null kinds do not count",
    },
    Deviation {
        path: "Healthcheck",
        what: "construct added: allOf: liveness_probe.success_threshold.maximum=1",
        why: "Kubernetes: a liveness probe's successThreshold must be 1",
    },
    Deviation {
        path: "KedaScaler*",
        what: "construct added: allOf: oneOf[*config_json*|*config_yaml*]",
        why: "the Terraform provider: a scaler has exactly one of `config_json` and `config_yaml`",
    },
    Deviation {
        path: "ContainerResponse",
        what: "construct added: allOf: *registry.kind*\"ECR\"*image_name.minLength=2, maxLength=256*",
        why: "the spec's prose on `image_name` by registry kind, as if/then on `registry.kind` (issue 4): ECR, a repository of 2 to 256 characters",
    },
    Deviation {
        path: "ContainerResponse",
        what: "construct added: allOf: *registry.kind*\"SCALEWAY_CR\"*image_name.pattern=\"^[^/]*/[^/]*$\"*",
        why: "the spec's prose on `image_name` by registry kind, as if/then on `registry.kind`: SCALEWAY_CR, exactly `namespace/image`",
    },
    Deviation {
        path: "ContainerResponse",
        what: "construct added: allOf: *registry.kind*\"DOCKER_HUB\"*image_name.pattern=\"^[^/]*(?:/[^/]*)?$\"*",
        why: "the spec's prose on `image_name` by registry kind, as if/then on `registry.kind`: DOCKER_HUB, `image` or `repository/image`",
    },
    Deviation {
        path: "ContainerResponse",
        what: "construct added: allOf: *registry.kind*\"PUBLIC_ECR\"*image_name.pattern=\"/\"*",
        why: "the spec's prose on `image_name` by registry kind, as if/then on `registry.kind`: PUBLIC_ECR, `registry_alias/repository`",
    },
    // --- Nullability ---------------------------------------------------------------------------
    Deviation {
        path: "ContainerRequest.cpu_architecture",
        what: "type: spec any, ours null|string",
        why: "the spec means null (\"If null, the cluster default architecture is used\"; the generated clients read Option<Option<_>>) but writes `nullable: true` next to `allOf`, which OpenAPI 3.0.3 validators ignore; our JSON Schema says `anyOf: [CpuArchitecture, null]`; the spec's enum also has no `type: string`",
    },
    Deviation {
        path: "ContainerRequest.cpu_architecture",
        what: "type: spec any, ours string",
        why: "our OpenAPI form keeps the spec's own `nullable` next to `allOf` (so strict readers reject null there too, as they do the spec's); the spec's enum has no `type: string`",
    },
    Deviation {
        path: "ContainerResponse.cpu_architecture",
        what: "type: spec any, ours null|string",
        why: "null as the spec means it (see the request's `cpu_architecture`), and a response's value is an open enumeration: any string, the spec's enum has no `type: string`",
    },
    // --- Forward-compatible responses ----------------------------------------------------------
    Deviation {
        path: "*",
        what: "enum: spec closed, ours open (any other string accepted)",
        why: "enumerations in a response are forward-compatible (issue 2): Qovery adds values (service types, registry kinds in 2025-2026), the model keeps them and the validator only warns, so the response schema lists the known values and accepts any string",
    },
    // --- Defaults ------------------------------------------------------------------------------
    Deviation {
        path: "ContainerResponse.*",
        what: "default: spec *, ours (none)",
        why: "the spec gives a `default` to members a response requires (gpu, maximum_gpu, min/max_running_instances): a required member is never omitted, so a default says nothing",
    },
    Deviation {
        path: "ServicePort.protocol",
        what: "default: spec \"HTTP\", ours (none)",
        why: "the spec puts `default: HTTP` on the shared PortProtocolEnum; we put it where a port may omit the protocol (a request's port); a response's port requires it",
    },
    Deviation {
        path: "AutoscalingPolicyRequest.polling_interval_seconds",
        what: "default: spec (none), ours 30",
        why: "the spec gives no default; the Terraform provider documents the backend's: 30 seconds",
    },
    Deviation {
        path: "AutoscalingPolicyRequest.cooldown_period_seconds",
        what: "default: spec (none), ours 300",
        why: "the spec gives no default; the Terraform provider documents the backend's: 300 seconds",
    },
    Deviation {
        path: "KedaScalerRequest.enabled",
        what: "default: spec (none), ours true",
        why: "the spec gives no default; the Terraform provider documents the backend's: enabled",
    },
    // --- For editors ---------------------------------------------------------------------------
    Deviation {
        path: "Container*",
        what: "property added: $schema",
        why: "the root of our JSON Schemas allows a `$schema` member so a payload can name its schema for an editor (issue 4); the API ignores unknown members",
    },
];

// --- Facts ---------------------------------------------------------------------------------

/// Which side a schema comes from: decides how `nullable` and `anyOf`/`allOf` are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Spec,
    /// Our JSON Schema forms (2020-12, draft-07).
    JsonSchema,
    /// Our OpenAPI 3.0 components.
    OpenApi,
}

struct Doc<'a> {
    root: &'a Value,
    side: Side,
}

impl Doc<'_> {
    fn resolve(&self, reference: &str) -> Option<(&Value, String)> {
        let pointer = reference.strip_prefix('#')?;
        let target = self.root.pointer(pointer)?;
        let name = pointer.rsplit('/').next().unwrap_or(pointer).to_owned();
        Some((target, name))
    }
}

/// The facts of one schema, with `allOf`, `$ref` and nullable wrappers resolved.
#[derive(Default, Clone)]
struct Facts {
    /// `None`: any type.
    types: Option<BTreeSet<String>>,
    format: Option<Value>,
    enumeration: Option<Value>,
    default: Option<Value>,
    bounds: BTreeMap<String, Value>,
    patterns: BTreeSet<String>,
    properties: Map<String, Value>,
    required: BTreeSet<String>,
    items: Option<Value>,
    constructs: BTreeSet<String>,
    /// An open enumeration: `anyOf: [<enum>, {"type": "string"}]`, the known values listed and
    /// any string accepted.
    open_enum: bool,
    /// The named schema these facts are, when the schema is (a wrapper of) one `$ref`.
    component: Option<String>,
}

const BOUNDS: &[&str] = &[
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "uniqueItems",
    "multipleOf",
    "minProperties",
    "maxProperties",
];

const ANNOTATIONS: &[&str] = &[
    "description",
    "title",
    "example",
    "examples",
    "readOnly",
    "writeOnly",
    "deprecated",
    "discriminator",
    "$comment",
    "$schema",
    "$id",
    "$defs",
    "definitions",
    "externalDocs",
    "xml",
];

/// `{"type": "null"}`, `{"const": null}`, `{"enum": [null]}`, or (OpenAPI) `{"nullable": true,
/// "enum": [null]}`.
fn only_null(schema: &Value) -> bool {
    let Some(map) = schema.as_object() else {
        return false;
    };
    let keys: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !ANNOTATIONS.contains(k) && *k != "nullable")
        .collect();
    match keys.as_slice() {
        ["type"] => map["type"] == "null",
        ["const"] => map["const"].is_null(),
        ["enum"] => map["enum"] == json!([null]),
        _ => false,
    }
}

fn facts(schema: &Value, doc: &Doc<'_>) -> Facts {
    let mut out = Facts::default();
    let Some(map) = schema.as_object() else {
        if schema == &Value::Bool(false) {
            out.constructs.insert("false".to_owned());
        }
        return out;
    };

    if let Some(Value::String(reference)) = map.get("$ref") {
        match doc.resolve(reference) {
            Some((target, name)) => {
                let mut inner = facts(target, doc);
                inner.component = Some(name);
                merge(&mut out, inner);
            }
            None => {
                out.constructs
                    .insert(format!("unresolved $ref {reference}"));
            }
        }
    }

    if let Some(Value::Array(members)) = map.get("allOf") {
        let single = members.len() == 1;
        for member in members {
            let plain_ref = member
                .as_object()
                .is_some_and(|m| m.len() == 1 && m.contains_key("$ref"));
            if doc.side == Side::Spec || plain_ref {
                let mut inner = facts(member, doc);
                if !single {
                    inner.component = None;
                }
                merge(&mut out, inner);
            } else if let Some(pattern) = lone_pattern(member) {
                out.patterns.insert(pattern);
            } else {
                out.constructs.insert(format!("allOf: {}", summary(member)));
            }
        }
    }

    let mut null_member = false;
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(members)) = map.get(key) else {
            continue;
        };
        let rest: Vec<&Value> = members.iter().filter(|m| !only_null(m)).collect();
        null_member |= rest.len() < members.len();
        let transparent = rest.len() == 1 && (key == "anyOf" || doc.side == Side::Spec);
        // Our open enumerations: `anyOf: [<enum>, {"type": "string"}]` (in OpenAPI the string
        // member may carry `nullable: true`).
        let plain_string = |m: &Value| {
            m.as_object().is_some_and(|m| {
                m.get("type").is_some_and(|t| t == "string")
                    && m.keys().all(|k| k == "type" || k == "nullable")
            })
        };
        let open = key == "anyOf" && rest.len() == 2 && rest.iter().any(|m| plain_string(m));
        if transparent {
            merge(&mut out, facts(rest[0], doc));
        } else if open {
            for member in &rest {
                if plain_string(member) {
                    null_member |= member.get("nullable") == Some(&Value::Bool(true));
                } else {
                    merge(&mut out, facts(member, doc));
                }
            }
            out.open_enum = true;
        } else if !rest.is_empty() {
            let members: Vec<String> = rest.iter().map(|m| summary(m)).collect();
            out.constructs
                .insert(format!("{key}: [{}]", members.join(" | ")));
        }
    }

    match map.get("type") {
        Some(Value::String(t)) => intersect(&mut out.types, BTreeSet::from([t.clone()])),
        Some(Value::Array(ts)) => intersect(
            &mut out.types,
            ts.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
        ),
        _ => {}
    }
    let nullable = map.get("nullable") == Some(&Value::Bool(true)) && map.contains_key("type");
    if (null_member || nullable)
        && let Some(types) = &mut out.types
    {
        types.insert("null".to_owned());
    }

    for (key, slot) in [
        ("format", &mut out.format),
        ("enum", &mut out.enumeration),
        ("default", &mut out.default),
    ] {
        if let Some(value) = map.get(key) {
            *slot = Some(value.clone());
        }
    }
    if let Some(value) = map.get("const") {
        out.enumeration = Some(Value::Array(vec![value.clone()]));
    }
    for key in BOUNDS {
        if let Some(value) = map.get(*key) {
            out.bounds.insert((*key).to_owned(), value.clone());
        }
    }
    if let Some(Value::String(pattern)) = map.get("pattern") {
        out.patterns.insert(pattern.clone());
    }
    if let Some(Value::Object(properties)) = map.get("properties") {
        for (name, property) in properties {
            out.properties.insert(name.clone(), property.clone());
        }
    }
    if let Some(Value::Array(required)) = map.get("required") {
        out.required
            .extend(required.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    if let Some(items) = map.get("items") {
        out.items = Some(items.clone());
    }
    if let Some(additional) = map.get("additionalProperties")
        && additional != &Value::Bool(true)
    {
        out.constructs
            .insert(format!("additionalProperties: {}", summary(additional)));
    }
    for key in ["if", "then", "else", "not"] {
        if let Some(value) = map.get(key) {
            out.constructs.insert(format!("{key}: {}", summary(value)));
        }
    }
    let known = [
        "$ref",
        "allOf",
        "anyOf",
        "oneOf",
        "type",
        "nullable",
        "format",
        "enum",
        "const",
        "default",
        "pattern",
        "properties",
        "required",
        "items",
        "additionalProperties",
        "if",
        "then",
        "else",
        "not",
    ];
    for (key, value) in map {
        if !(known.contains(&key.as_str())
            || BOUNDS.contains(&key.as_str())
            || ANNOTATIONS.contains(&key.as_str())
            || key.starts_with("x-"))
        {
            out.constructs.insert(format!("{key}: {}", summary(value)));
        }
    }
    out
}

fn lone_pattern(schema: &Value) -> Option<String> {
    let map = schema.as_object()?;
    (map.len() == 1)
        .then(|| map.get("pattern")?.as_str().map(str::to_owned))
        .flatten()
}

fn intersect(types: &mut Option<BTreeSet<String>>, other: BTreeSet<String>) {
    *types = Some(match types.take() {
        Some(mine) => mine.intersection(&other).cloned().collect(),
        None => other,
    });
}

/// `into` gains the facts of `from` (an `allOf` member or a `$ref` target).
fn merge(into: &mut Facts, from: Facts) {
    if let Some(types) = from.types {
        intersect(&mut into.types, types);
    }
    into.format = into.format.take().or(from.format);
    into.enumeration = into.enumeration.take().or(from.enumeration);
    into.default = into.default.take().or(from.default);
    for (key, value) in from.bounds {
        into.bounds.entry(key).or_insert(value);
    }
    into.patterns.extend(from.patterns);
    for (name, property) in from.properties {
        into.properties.entry(name).or_insert(property);
    }
    into.required.extend(from.required);
    if into.items.is_none() {
        into.items = from.items;
    }
    into.constructs.extend(from.constructs);
    into.open_enum |= from.open_enum;
    if into.component.is_none() {
        into.component = from.component;
    }
}

/// A short, stable rendering of a construct: scalars inline, `properties` by name, nested
/// schemas in parentheses, arrays of schemas as their count and members.
fn summary(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let parts: Vec<String> = map
                .iter()
                .filter(|(k, _)| !ANNOTATIONS.contains(&k.as_str()))
                .map(|(key, value)| match (key.as_str(), value) {
                    ("properties", Value::Object(properties)) => properties
                        .iter()
                        .map(|(name, schema)| format!("{name}.{}", summary(schema)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    (_, Value::Object(_)) => format!("{key}({})", summary(value)),
                    (_, Value::Array(items)) if items.iter().any(Value::is_object) => format!(
                        "{key}[{}]",
                        items.iter().map(summary).collect::<Vec<_>>().join(" | ")
                    ),
                    _ => format!("{key}={value}"),
                })
                .collect();
            parts.join(", ")
        }
        other => other.to_string(),
    }
}

// --- Comparison ----------------------------------------------------------------------------

struct Comparison<'a> {
    spec: Doc<'a>,
    ours: Doc<'a>,
    form: &'static str,
    visited: HashSet<(String, String)>,
    differences: Vec<(String, String)>,
}

fn show_types(types: &Option<BTreeSet<String>>) -> String {
    match types {
        None => "any".to_owned(),
        Some(set) if set.is_empty() => "none".to_owned(),
        Some(set) => set.iter().cloned().collect::<Vec<_>>().join("|"),
    }
}

fn show(value: &Option<Value>) -> String {
    value
        .as_ref()
        .map_or_else(|| "(none)".to_owned(), Value::to_string)
}

impl Comparison<'_> {
    fn differ(&mut self, path: &str, what: String) {
        self.differences.push((path.to_owned(), what));
    }

    /// Compares the schemas at one use (a property, the items of an array, a root).
    fn site(&mut self, path: &str, spec: &Value, ours: &Value) {
        let spec_facts = facts(spec, &self.spec);
        let our_facts = facts(ours, &self.ours);
        self.scalars(path, &spec_facts, &our_facts);
        let (structure_path, key) = match &spec_facts.component {
            Some(name) => (
                name.clone(),
                (
                    name.clone(),
                    our_facts
                        .component
                        .clone()
                        .unwrap_or_else(|| format!("inline at {path}")),
                ),
            ),
            None => (
                path.to_owned(),
                (format!("inline at {path}"), String::new()),
            ),
        };
        if self.visited.insert(key) {
            self.structure(&structure_path, &spec_facts, &our_facts);
        }
    }

    fn scalars(&mut self, path: &str, spec: &Facts, ours: &Facts) {
        if spec.types != ours.types {
            self.differ(
                path,
                format!(
                    "type: spec {}, ours {}",
                    show_types(&spec.types),
                    show_types(&ours.types)
                ),
            );
        }
        for (name, a, b) in [
            ("format", &spec.format, &ours.format),
            ("enum", &spec.enumeration, &ours.enumeration),
            ("default", &spec.default, &ours.default),
        ] {
            if a != b {
                self.differ(path, format!("{name}: spec {}, ours {}", show(a), show(b)));
            }
        }
        let keys: BTreeSet<&String> = spec.bounds.keys().chain(ours.bounds.keys()).collect();
        for key in keys {
            let (a, b) = (spec.bounds.get(key).cloned(), ours.bounds.get(key).cloned());
            if a != b {
                self.differ(path, format!("{key}: spec {}, ours {}", show(&a), show(&b)));
            }
        }
        if spec.open_enum != ours.open_enum {
            let show = |open: bool| if open { "open" } else { "closed" };
            self.differ(
                path,
                format!(
                    "enum: spec {}, ours {} (any other string accepted)",
                    show(spec.open_enum),
                    show(ours.open_enum)
                ),
            );
        }
        for pattern in spec.patterns.difference(&ours.patterns) {
            self.differ(path, format!("pattern missing: {pattern:?}"));
        }
        for pattern in ours.patterns.difference(&spec.patterns) {
            self.differ(path, format!("pattern added: {pattern:?}"));
        }
    }

    fn structure(&mut self, path: &str, spec: &Facts, ours: &Facts) {
        for name in spec.required.difference(&ours.required) {
            self.differ(path, format!("required removed: {name}"));
        }
        for name in ours.required.difference(&spec.required) {
            self.differ(path, format!("required added: {name}"));
        }
        for construct in spec.constructs.difference(&ours.constructs) {
            self.differ(path, format!("construct missing: {construct}"));
        }
        for construct in ours.constructs.difference(&spec.constructs) {
            self.differ(path, format!("construct added: {construct}"));
        }
        for (name, spec_property) in &spec.properties {
            match ours.properties.get(name) {
                Some(our_property) => {
                    self.site(&format!("{path}.{name}"), spec_property, our_property);
                }
                None => self.differ(path, format!("property missing: {name}")),
            }
        }
        for name in ours.properties.keys() {
            if !spec.properties.contains_key(name) {
                self.differ(path, format!("property added: {name}"));
            }
        }
        match (&spec.items, &ours.items) {
            (Some(a), Some(b)) => self.site(&format!("{path}[]"), a, b),
            (None, None) => {}
            (a, b) => self.differ(
                path,
                format!(
                    "items: spec {}, ours {}",
                    a.as_ref().map_or("(none)".to_owned(), summary),
                    b.as_ref().map_or("(none)".to_owned(), summary)
                ),
            ),
        }
    }
}

// --- The test ------------------------------------------------------------------------------

fn spec() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/spec/qovery-openapi-container.yaml"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every difference, as (form, path, what).
fn differences() -> Vec<(&'static str, String, String)> {
    let spec = spec();
    let mut found = Vec::new();
    let mut forms: Vec<(&'static str, Side, DocumentKind, Value, Value)> = Vec::new();
    for document in DocumentKind::ALL {
        for (form, draft) in [
            ("2020-12", Draft::Draft2020_12),
            ("draft-07", Draft::Draft07),
        ] {
            let root = schema::schema(document, draft);
            forms.push((form, Side::JsonSchema, document, root.clone(), root));
        }
    }
    let openapi = schema::openapi_document();
    for document in DocumentKind::ALL {
        let reference = json!({ "$ref": format!("#/components/schemas/{}", document.type_name()) });
        forms.push((
            "openapi-3.0",
            Side::OpenApi,
            document,
            openapi.clone(),
            reference,
        ));
    }
    for (form, side, document, root, start) in &forms {
        let mut comparison = Comparison {
            spec: Doc {
                root: &spec,
                side: Side::Spec,
            },
            ours: Doc { root, side: *side },
            form,
            visited: HashSet::new(),
            differences: Vec::new(),
        };
        let spec_start =
            json!({ "$ref": format!("#/components/schemas/{}", document.type_name()) });
        comparison.site(document.type_name(), &spec_start, start);
        let form = comparison.form;
        found.extend(
            comparison
                .differences
                .into_iter()
                .map(|(path, what)| (form, path, what)),
        );
    }
    found
}

fn glob(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            let Some(rest) = text.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|i| rest.is_char_boundary(*i))
                .any(|i| glob(tail, &rest[i..]))
        }
    }
}

#[test]
fn exported_schemas_conform_to_the_spec_apart_from_the_listed_deviations() {
    let differences = differences();
    let mut used = vec![false; DEVIATIONS.len()];
    let mut unexplained: BTreeMap<(String, String), BTreeSet<&str>> = BTreeMap::new();
    for (form, path, what) in &differences {
        let matched = DEVIATIONS
            .iter()
            .position(|d| glob(d.path, path) && glob(d.what, what));
        match matched {
            Some(index) => used[index] = true,
            None => {
                unexplained
                    .entry((path.clone(), what.clone()))
                    .or_default()
                    .insert(form);
            }
        }
    }
    let mut message = String::new();
    if !unexplained.is_empty() {
        let _ = writeln!(
            message,
            "{} difference(s) from the spec are not listed in DEVIATIONS (fix the export, or add a justified deviation):",
            unexplained.len()
        );
        for ((path, what), forms) in &unexplained {
            let forms: Vec<&str> = forms.iter().copied().collect();
            let _ = writeln!(
                message,
                "    Deviation {{ path: {path:?}, what: {what:?}, why: \"...\" }}, // in {}",
                forms.join(", ")
            );
        }
    }
    let stale: Vec<&Deviation> = DEVIATIONS
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(d, _)| d)
        .collect();
    if !stale.is_empty() {
        let _ = writeln!(
            message,
            "{} deviation(s) no longer occur; remove them from DEVIATIONS:",
            stale.len()
        );
        for deviation in stale {
            let _ = writeln!(message, "    {} / {}", deviation.path, deviation.what);
        }
    }
    assert!(message.is_empty(), "{message}");
}

#[test]
fn deviations_are_justified_and_listed_once() {
    let mut seen = HashSet::new();
    for deviation in DEVIATIONS {
        assert!(
            deviation.why.len() >= 20,
            "{} / {}: say why",
            deviation.path,
            deviation.what
        );
        assert!(
            seen.insert((deviation.path, deviation.what)),
            "{} / {} is listed twice",
            deviation.path,
            deviation.what
        );
    }
}

/// The comparison itself finds what it must: a guard against a walk that silently compares
/// nothing.
#[test]
fn the_comparison_reaches_every_spec_schema() {
    let spec = spec();
    let mut reached = BTreeSet::new();
    let mut stack: Vec<&Value> = vec![&spec["components"]["schemas"]["ContainerRequest"]];
    stack.push(&spec["components"]["schemas"]["ContainerResponse"]);
    reached.insert("ContainerRequest".to_owned());
    reached.insert("ContainerResponse".to_owned());
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(reference)) = map.get("$ref")
                    && let Some(name) = reference.strip_prefix("#/components/schemas/")
                    && reached.insert(name.to_owned())
                {
                    stack.push(&spec["components"]["schemas"][name]);
                }
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    let all: BTreeSet<String> = spec["components"]["schemas"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    assert_eq!(
        reached, all,
        "the closure of the two documents is the whole extract"
    );
    assert_eq!(all.len(), 39);

    // And a planted difference is found.
    let mut spec = spec;
    spec["components"]["schemas"]["Label"]["required"] = json!(["key"]);
    let ours = schema::schema(DocumentKind::Response, Draft::Draft2020_12);
    let mut comparison = Comparison {
        spec: Doc {
            root: &spec,
            side: Side::Spec,
        },
        ours: Doc {
            root: &ours,
            side: Side::JsonSchema,
        },
        form: "2020-12",
        visited: HashSet::new(),
        differences: Vec::new(),
    };
    comparison.site(
        "ContainerResponse",
        &json!({"$ref": "#/components/schemas/ContainerResponse"}),
        &ours,
    );
    assert!(
        comparison
            .differences
            .iter()
            .any(|(path, what)| path == "Label" && what == "required added: value"),
        "{:?}",
        comparison.differences
    );
}
