//! Differential test: the typed validator and the exported JSON Schema (2020-12, checked by the
//! `jsonschema` crate with format assertions on) find errors at the same JSON Pointers.
//!
//! Thousands of payloads are generated (4,096 requests and 2,048 responses per run): valid
//! `ContainerRequest`s built from strategies that follow the model and its rules, and
//! `ContainerResponse`s built from them with a registry of every kind (so the response's
//! `image_name`-per-registry-kind `if`/`then` is exercised), then 0 to 3 mutations each (a value replaced by an interesting
//! one of the same JSON type or of any type, a member removed, a member added), which break the
//! rules one way or another: out-of-range integers, bad patterns and formats, blank strings,
//! unknown enum strings, missing or extra probe kinds, `null` where it is not allowed, missing
//! required members, wrong JSON types. For every payload:
//!
//! - if it deserializes into the typed model, the pointers of the validator's error-severity
//!   diagnostics and the pointers of the schema's errors must be the same set, after the
//!   normalisations below;
//! - if it does not deserialize, the schema must reject it too (serde's error has no pointer).
//!
//! A disagreement prints the payload (shrunk by proptest), both lists and the seed. The seed is
//! fixed, so CI runs the same cases every time; failures are also persisted under
//! `tests/proptest-regressions/`. `PROPTEST_CASES=n` runs more (or fewer) cases.
//!
//! The run also checks that the payloads broke every schema-expressed error rule of the request
//! at least once (and each registry-kind shape of the response), so the generator cannot drift
//! into testing nothing. There is no list of tolerated disagreements: the three it once found
//! (URI brackets, leap seconds, U+FEFF as blank) were fixed in the validator and are pinned by
//! `formats_and_blank_strings_agree`.
//!
//! # Normalisations, each one needed and no more
//!
//! Validator side:
//! - Only `error` diagnostics count: warnings are advice the schema does not express.
//! - A diagnostic whose (code, pointer) is a catalogue entry marked
//!   [`SchemaSupport::ValidatorOnly`] is dropped: those rules are, by declaration, not in the
//!   schema (cross-field and uniqueness rules, YAML syntax; they are named in the schema's
//!   descriptions instead).
//!
//! Schema side (`jsonschema` reports some failures at another place than the member at fault):
//! - `required` is reported at the object that lacks the member; it is moved to the member's own
//!   pointer, which is the validator's convention for a missing member (issue 2).
//! - `anyOf: [X, {"type": "null"}]` (a nullable member) fails as a whole, at the member, with
//!   each branch's errors as context. The branch that only complains about the JSON type at the
//!   member itself (the `null` branch seeing an object, or `X` seeing a string when `X` wants an
//!   object) says nothing new, so the other branch's errors are taken instead, recursively. When
//!   every branch only complains about the type, the member's own pointer stays.
//! - `oneOf` failures stay where they are: the schema's `oneOf`s are rule constructs ("exactly one
//!   probe kind" at `.../type`, "exactly one of `config_json` and `config_yaml`" at the scaler),
//!   reported at the same place by the validator.
//!
//! Both sides:
//! - Where deserialization changed the payload, the two checkers do not see the same document,
//!   so a pointer found by one side only, at or below such a place, is excused: `null` in an
//!   optional member that is not nullable (serde reads it as an absent `Option`), a UUID-typed
//!   member written in another form `uuid` accepts (simple, braced, URN). These places are
//!   found by serializing the typed value back and comparing it with the payload. The
//!   raw-document checker (`document` module) reports them, from the same exported schema.
//! - When deserialization changed the *shape* of a value (serde's derive reads a struct from a
//!   JSON array: `"http": [""]` is an HTTP probe whose `path` is `""`), the typed value is not
//!   the payload at all; the payload is handled like one that does not deserialize.

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, RngSeed, TestCaseError, TestRunner};
use qovery_model::model::{ContainerRequest, ContainerResponse, RegistryContext};
use qovery_model::schema::{self, DocumentKind, Draft};
use qovery_model::validate::{CatalogueEntry, SchemaSupport, Severity, Validate};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::marker::PhantomData;
use std::sync::Mutex;
use std::time::Instant;

/// Cases per run unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 4096;
/// The fixed seed: CI runs the same cases every time.
const SEED: u64 = 0x005e_ed0f_5c4e_3a17;

// --- Valid payloads ------------------------------------------------------------------------

fn uuid() -> impl Strategy<Value = String> {
    any::<[u8; 16]>().prop_map(|b| {
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        )
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,15}",
        "[A-Za-z0-9 _.:/-]{1,20}",
        // Not blank, any character (at least one that is not whitespace).
        "\\PC{0,6}[a-zA-Z0-9]\\PC{0,6}",
    ]
}

/// An optional member: absent, or present with a value.
fn optional<S: Strategy<Value = Value> + 'static>(value: S) -> BoxedStrategy<Option<Value>> {
    prop_oneof![1 => Just(None), 2 => value.prop_map(Some)].boxed()
}

/// An optional nullable member: absent, `null`, or a value.
fn nullable<S: Strategy<Value = Value> + 'static>(value: S) -> BoxedStrategy<Option<Value>> {
    prop_oneof![1 => Just(None), 1 => Just(Some(Value::Null)), 2 => value.prop_map(Some)].boxed()
}

fn int(range: std::ops::RangeInclusive<i64>) -> BoxedStrategy<Value> {
    let (lo, hi) = (*range.start(), *range.end());
    prop_oneof![Just(lo), Just(hi), range]
        .prop_map(Value::from)
        .boxed()
}

fn object(members: Vec<(&'static str, Option<Value>)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect(),
    )
}

fn image_name() -> impl Strategy<Value = String> {
    let component = "[a-z0-9]{1,6}((\\.|_|__|-{1,2})[a-z0-9]{1,6}){0,2}";
    // One character now and then: valid, except with an ECR registry (2 to 256 characters).
    prop_oneof![
        9 => prop::collection::vec(component, 1..=3).prop_map(|c| c.join("/")),
        1 => "[a-z0-9]",
    ]
}

fn storage() -> impl Strategy<Value = Value> {
    (
        optional(uuid().prop_map(Value::from)),
        int(4..=600),
        prop::collection::vec("[a-z][a-z0-9_]{0,8}", 1..=3),
    )
        .prop_map(|(id, size, segments)| {
            object(vec![
                ("id", id),
                ("type", Some(json!("FAST_SSD"))),
                ("size", Some(size)),
                (
                    "mount_point",
                    Some(Value::from(format!("/{}", segments.join("/")))),
                ),
            ])
        })
}

fn port() -> impl Strategy<Value = Value> {
    (
        optional(uuid().prop_map(Value::from)),
        optional(text().prop_map(Value::from)),
        int(1..=65_535),
        any::<bool>(),
        optional(int(1..=65_535)),
        optional(any::<bool>().prop_map(Value::from)),
        optional(prop::sample::select(vec!["HTTP", "GRPC", "TCP", "UDP"]).prop_map(Value::from)),
        optional("/[a-z]{0,5}".prop_map(Value::from)),
        optional("/[a-z]{0,5}".prop_map(Value::from)),
    )
        .prop_map(
            |(id, name, internal, public, external, is_default, protocol, path, rewrite)| {
                object(vec![
                    ("id", id),
                    ("name", name),
                    ("internal_port", Some(internal)),
                    ("external_port", external.filter(|_| public)),
                    ("publicly_accessible", Some(Value::from(public))),
                    ("is_default", is_default),
                    ("protocol", protocol),
                    ("public_path", path),
                    ("public_path_rewrite", rewrite),
                ])
            },
        )
}

fn probe_kind() -> impl Strategy<Value = (usize, Value)> {
    let tcp = (
        optional(int(1..=65_535)),
        nullable("[a-z.]{1,10}".prop_map(Value::from)),
    )
        .prop_map(|(port, host)| object(vec![("port", port), ("host", host)]));
    let http = (
        // Empty now and then: Kubernetes' `validateHTTPGetAction` error, `minLength` in the schema.
        optional("(/[a-z/]{0,8})?".prop_map(Value::from)),
        optional(prop::sample::select(vec!["HTTP", "HTTPS"]).prop_map(Value::from)),
        optional(int(1..=65_535)),
    )
        .prop_map(|(path, scheme, port)| {
            object(vec![("path", path), ("scheme", scheme), ("port", port)])
        });
    let exec =
        optional(prop::collection::vec(text().prop_map(Value::from), 1..=3).prop_map(Value::Array))
            .prop_map(|command| object(vec![("command", command)]));
    let grpc = (
        nullable("[a-z.]{1,10}".prop_map(Value::from)),
        optional(int(1..=65_535)),
    )
        .prop_map(|(service, port)| object(vec![("service", service), ("port", port)]));
    prop_oneof![
        tcp.prop_map(|v| (0, v)),
        http.prop_map(|v| (1, v)),
        exec.prop_map(|v| (2, v)),
        grpc.prop_map(|v| (3, v)),
    ]
}

fn probe(liveness: bool) -> impl Strategy<Value = Value> {
    let success = if liveness { int(1..=1) } else { int(1..=5) };
    (
        probe_kind(),
        prop::collection::vec(any::<bool>(), 4),
        optional(int(0..=300)),
        optional(int(1..=60)),
        optional(int(1..=60)),
        optional(success),
        optional(int(1..=20)),
    )
        .prop_map(
            move |((chosen, kind), nulls, delay, period, timeout, success, failure)| {
                // The chosen kind, and the others absent or null ("not set").
                let mut kinds = Map::new();
                for (index, name) in ["tcp", "http", "exec", "grpc"].iter().enumerate() {
                    if index == chosen {
                        kinds.insert((*name).to_owned(), kind.clone());
                    } else if nulls[index] {
                        kinds.insert((*name).to_owned(), Value::Null);
                    }
                }
                object(vec![
                    ("type", Some(Value::Object(kinds))),
                    ("initial_delay_seconds", delay),
                    ("period_seconds", period),
                    ("timeout_seconds", timeout),
                    ("success_threshold", success),
                    ("failure_threshold", failure),
                ])
            },
        )
}

fn autoscaling() -> impl Strategy<Value = Value> {
    let scaler = (
        "[a-z]{2,10}",
        optional(any::<bool>().prop_map(Value::from)),
        prop::sample::select(vec!["PRIMARY", "SAFETY"]),
        any::<bool>(),
        optional(
            ("[a-z]{1,8}", optional("[a-z ]{0,8}".prop_map(Value::from))).prop_map(
                |(name, config)| {
                    object(vec![
                        ("name", Some(Value::from(name))),
                        ("config_yaml", config),
                    ])
                },
            ),
        ),
    )
        .prop_map(|(scaler_type, enabled, role, json_config, auth)| {
            let (config_json, config_yaml) = if json_config {
                (
                    Some(json!({"query": "sum(rate(x[1m]))", "threshold": "5"})),
                    None,
                )
            } else {
                (None, Some(json!("metadata:\n  value: \"50\"\n")))
            };
            object(vec![
                ("scaler_type", Some(Value::from(scaler_type))),
                ("enabled", enabled),
                ("role", Some(Value::from(role))),
                ("config_json", config_json),
                ("config_yaml", config_yaml),
                ("trigger_authentication", auth),
            ])
        });
    (
        optional(int(1..=600)),
        optional(int(0..=3600)),
        prop::collection::vec(scaler, 1..=2),
    )
        .prop_map(|(polling, cooldown, scalers)| {
            object(vec![
                ("mode", Some(json!("KEDA"))),
                ("polling_interval_seconds", polling),
                ("cooldown_period_seconds", cooldown),
                ("scalers", Some(Value::Array(scalers))),
            ])
        })
}

fn group() -> impl Strategy<Value = Value> {
    uuid().prop_map(|id| json!({ "id": id }))
}

/// A payload the model's rules accept (validator-only rules aside: they are not compared).
fn valid_request() -> impl Strategy<Value = Value> {
    let identity = (
        text(),
        optional(text().prop_map(Value::from)),
        uuid(),
        image_name(),
        "[A-Za-z0-9_][A-Za-z0-9_.-]{0,20}",
        optional(prop::collection::vec(text().prop_map(Value::from), 0..3).prop_map(Value::Array)),
        optional(text().prop_map(Value::from)),
    );
    let resources = (
        optional(int(10..=64_000)),
        optional(int(10..=262_144)),
        optional(int(0..=8)),
        optional(int(0..=100)),
        nullable(prop::sample::select(vec!["AMD64", "ARM64"]).prop_map(Value::from)),
        optional(int(0..=10)),
        optional(int(-1..=20)),
    );
    let collections = (
        optional(prop::collection::vec(storage(), 0..3).prop_map(Value::Array)),
        optional(prop::collection::vec(port(), 0..3).prop_map(Value::Array)),
        optional(prop::collection::vec(group(), 0..3).prop_map(Value::Array)),
        optional(prop::collection::vec(group(), 0..3).prop_map(Value::Array)),
    );
    let rest = (
        nullable(probe(false)),
        nullable(probe(true)),
        optional(any::<bool>().prop_map(Value::from)),
        nullable(any::<bool>().prop_map(Value::from)),
        optional("https://[a-z]{1,8}\\.example/[a-z]{0,8}\\.svg".prop_map(Value::from)),
        optional(autoscaling()),
    );
    (identity, resources, collections, rest).prop_map(
        |(
            (name, description, registry_id, image_name, tag, arguments, entrypoint),
            (cpu, memory, gpu, ephemeral, architecture, min, max),
            (storage, ports, annotations, labels),
            (readiness, liveness, auto_preview, auto_deploy, icon_uri, autoscaling),
        )| {
            object(vec![
                ("storage", storage),
                ("ports", ports),
                ("name", Some(Value::from(name))),
                ("description", description),
                ("registry_id", Some(Value::from(registry_id))),
                ("image_name", Some(Value::from(image_name))),
                ("tag", Some(Value::from(tag))),
                ("arguments", arguments),
                ("entrypoint", entrypoint),
                ("cpu", cpu),
                ("memory", memory),
                ("gpu", gpu),
                ("ephemeral_storage_in_gib", ephemeral),
                ("cpu_architecture", architecture),
                ("min_running_instances", min),
                ("max_running_instances", max),
                (
                    "healthchecks",
                    Some(object(vec![
                        ("readiness_probe", readiness),
                        ("liveness_probe", liveness),
                    ])),
                ),
                ("auto_preview", auto_preview),
                ("auto_deploy", auto_deploy),
                ("annotations_groups", annotations),
                ("labels_groups", labels),
                ("icon_uri", icon_uri),
                ("autoscaling", autoscaling),
            ])
        },
    )
}

/// A response built from a valid request, as Qovery would answer it: ids and timestamps added,
/// defaults filled in where the response requires the member, groups and autoscaling in their
/// response shapes, and a registry of any kind (so `image_name` meets every registry-kind shape,
/// and often breaks one).
fn valid_response() -> impl Strategy<Value = Value> {
    let kinds = vec![
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
    ];
    (
        valid_request(),
        prop::collection::vec(uuid(), 4),
        prop::sample::select(kinds),
        any::<bool>(),
        any::<bool>(),
        0..=8_i64,
    )
        .prop_map(
            |(request, ids, kind, updated, with_registry_id, gpu_headroom)| {
                to_response(
                    &request,
                    &ids,
                    kind,
                    updated,
                    with_registry_id,
                    gpu_headroom,
                )
            },
        )
}

fn to_response(
    request: &Value,
    ids: &[String],
    kind: &str,
    updated: bool,
    with_registry_id: bool,
    gpu_headroom: i64,
) -> Value {
    const CREATED: &str = "2024-03-01T10:00:00Z";
    const UPDATED: &str = "2024-03-02T11:30:00.5+01:00";
    let mut n = 0_usize;
    let mut id = move || {
        n += 1;
        format!("{}-0000-4000-8000-{:012x}", &ids[n % ids.len()][..8], n)
    };
    let get = |key: &str| request.get(key).cloned();
    let int = |key: &str, default: i64| request.get(key).and_then(Value::as_i64).unwrap_or(default);
    let base = |id: String| -> Vec<(&'static str, Option<Value>)> {
        vec![
            ("id", Some(Value::from(id))),
            ("created_at", Some(json!(CREATED))),
            ("updated_at", updated.then(|| json!(UPDATED))),
        ]
    };
    let storage = get("storage").map(|items| {
        Value::Array(
            items
                .as_array()
                .into_iter()
                .flatten()
                .map(|item| {
                    let mut item = item.clone();
                    if item.get("id").is_none() {
                        item["id"] = Value::from(id());
                    }
                    item
                })
                .collect(),
        )
    });
    let ports = get("ports").map(|items| {
        Value::Array(
            items
                .as_array()
                .into_iter()
                .flatten()
                .map(|item| {
                    let mut item = item.clone();
                    if item.get("id").is_none() {
                        item["id"] = Value::from(id());
                    }
                    if item.get("protocol").is_none() {
                        item["protocol"] = json!("HTTP");
                    }
                    item
                })
                .collect(),
        )
    });
    let groups = |key: &str, labels: bool, id: &mut dyn FnMut() -> String| {
        request.get(key).map(|items| {
            Value::Array(
                items
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|item| {
                        let mut members = vec![
                            ("id", item.get("id").cloned()),
                            ("created_at", Some(json!(CREATED))),
                            ("name", Some(json!("team"))),
                        ];
                        if labels {
                            members.push((
                                "labels",
                                Some(json!([{"key": "team", "value": "api", "propagate_to_cloud_provider": false}])),
                            ));
                        } else {
                            members.push(("annotations", Some(json!([{"key": "a", "value": "b"}]))));
                            members.push(("scopes", Some(json!(["DEPLOYMENTS", "PODS"]))));
                        }
                        let _ = id();
                        object(members)
                    })
                    .collect(),
            )
        })
    };
    let annotations = groups("annotations_groups", false, &mut id);
    let labels = groups("labels_groups", true, &mut id);
    let autoscaling = request.get("autoscaling").map(|policy| {
        let scalers: Vec<Value> = policy
            .get("scalers")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|scaler| {
                let mut members = base(id());
                for key in ["scaler_type", "role", "config_json", "config_yaml"] {
                    members.push((key_static(key), scaler.get(key).cloned()));
                }
                members.push((
                    "enabled",
                    Some(scaler.get("enabled").cloned().unwrap_or(json!(true))),
                ));
                let auth = scaler.get("trigger_authentication").map(|auth| {
                    let mut members = base(id());
                    members.push(("organization_id", Some(json!("org-1"))));
                    members.push(("name", auth.get("name").cloned()));
                    members.push(("config_yaml", auth.get("config_yaml").cloned()));
                    object(members)
                });
                members.push(("trigger_authentication", auth));
                object(members)
            })
            .collect();
        let mut members = base(id());
        members.extend([
            ("service_id", Some(Value::from(id()))),
            ("mode", policy.get("mode").cloned()),
            (
                "polling_interval_seconds",
                Some(
                    policy
                        .get("polling_interval_seconds")
                        .cloned()
                        .unwrap_or(json!(30)),
                ),
            ),
            (
                "cooldown_period_seconds",
                Some(
                    policy
                        .get("cooldown_period_seconds")
                        .cloned()
                        .unwrap_or(json!(300)),
                ),
            ),
            ("scalers", Some(Value::Array(scalers))),
        ]);
        object(members)
    });
    let (cpu, memory, gpu) = (int("cpu", 500), int("memory", 512), int("gpu", 0));
    let mut members = base(id());
    members.extend([
        ("storage", storage),
        ("image_name", get("image_name")),
        ("tag", get("tag")),
        ("registry_id", with_registry_id.then(|| Value::from(id()))),
        (
            "registry",
            Some(json!({
                "id": id(),
                "name": "registry",
                "url": "https://registry.example.com",
                "kind": kind,
            })),
        ),
        ("environment", Some(json!({ "id": id() }))),
        ("maximum_cpu", Some(Value::from(cpu.max(16_000)))),
        ("maximum_memory", Some(Value::from(memory.max(16_384)))),
        ("maximum_gpu", Some(Value::from(gpu + gpu_headroom))),
        ("name", get("name")),
        ("description", get("description")),
        ("arguments", get("arguments")),
        ("entrypoint", get("entrypoint")),
        ("cpu", Some(Value::from(cpu))),
        ("memory", Some(Value::from(memory))),
        ("gpu", Some(Value::from(gpu))),
        ("ephemeral_storage_in_gib", get("ephemeral_storage_in_gib")),
        ("cpu_architecture", get("cpu_architecture")),
        (
            "min_running_instances",
            Some(Value::from(int("min_running_instances", 1))),
        ),
        (
            "max_running_instances",
            Some(Value::from(int("max_running_instances", 1))),
        ),
        ("healthchecks", get("healthchecks")),
        (
            "auto_preview",
            Some(get("auto_preview").unwrap_or(json!(false))),
        ),
        ("ports", ports),
        // Not nullable in a response.
        ("auto_deploy", get("auto_deploy").filter(|v| !v.is_null())),
        ("annotations_groups", annotations),
        ("labels_groups", labels),
        (
            "icon_uri",
            Some(get("icon_uri").unwrap_or(json!("https://example.com/icon.svg"))),
        ),
        ("service_type", Some(json!("CONTAINER"))),
        ("autoscaling", autoscaling),
    ]);
    object(members)
}

fn key_static(key: &str) -> &'static str {
    match key {
        "scaler_type" => "scaler_type",
        "role" => "role",
        "config_json" => "config_json",
        _ => "config_yaml",
    }
}

// --- Mutations -----------------------------------------------------------------------------

/// Integers at and around every bound the rules use, and beyond `i32`.
fn interesting_int() -> BoxedStrategy<i64> {
    prop_oneof![
        4 => prop::sample::select(vec![
            -2_147_483_649_i64,
            -2_147_483_648,
            -1000,
            -2,
            -1,
            0,
            1,
            2,
            3,
            4,
            9,
            10,
            11,
            512,
            513,
            65_535,
            65_536,
            2_147_483_647,
            2_147_483_648,
        ]),
        1 => any::<i64>(),
    ]
    .boxed()
}

/// UUIDs, URIs and date-times, in and out of their formats.
const FORMAT_SAMPLES: &[&str] = &[
    "3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "3C90C3CC-0D44-4B50-8888-8DD25736052A",
    "3c90c3cc0d444b5088888dd25736052a",
    "{3c90c3cc-0d44-4b50-8888-8dd25736052a}",
    "urn:uuid:3c90c3cc-0d44-4b50-8888-8dd25736052a",
    "3c90c3cc-0d44-4b50-8888-8dd25736052",
    "https://example.com/icon.svg",
    "app://qovery.console/nginx",
    "urn:isbn:0451450523",
    "https://example.com/a%20b",
    "https://example.com/%zz",
    "http://exa mple.com",
    "https://[::1]/x",
    "https://[::1",
    "https://example.com/a#b#c",
    "mailto:a@b.c",
    "1http://x",
    "not a uri",
    "2024-03-01T10:00:00Z",
    "2024-02-29T00:00:00Z",
    "2023-02-29T00:00:00Z",
    "2024-03-01T10:00:00",
    "2024-03-01 10:00:00Z",
    "2024-03-01t10:00:00.123456789+02:00",
    "2024-03-01T10:00:00.Z",
    "2024-03-01T24:00:00Z",
    "2024-03-01T10:00:60Z",
    "2016-12-31T23:59:60Z",
    "2024-03-01T10:00:00+24:00",
    "2020-01-01T00:00:00Z",
];

/// Strings that each break (or pass) some rule: blanks of every kind of whitespace, image names
/// with a tag, a digest, upper case or a host, tags, paths, schemes, enum values in the wrong
/// case, UUIDs in other forms, URIs and not-URIs.
fn interesting_string() -> BoxedStrategy<String> {
    let samples: Vec<String> = [
        "",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        "\u{a0}",
        "\u{85}",
        "\u{feff}",
        "\u{3000}",
        "\u{2028}",
        "\u{200b}",
        "\u{1680}",
        " x ",
        "x",
        "nginx",
        "Nginx",
        "nginx:1.27",
        "nginx@sha256:abc",
        "acme/api:v1@sha256:abc",
        "docker.io/library/nginx",
        "localhost:5000/api",
        "a//b",
        "-a",
        "a-",
        "a___b",
        "a._b",
        "my app",
        "ns/img",
        "a/b/c",
        "/abs",
        "relative",
        "/",
        "//",
        "/data",
        "/a/../b",
        "/a/./b",
        "/..",
        "/.hidden",
        "/a/",
        "HTTP",
        "HTTPS",
        "http",
        "https",
        "FTP",
        "FAST_SSD",
        "fast_ssd",
        "GRPC",
        "TCP",
        "UDP",
        "udp",
        "AMD64",
        "arm64",
        "X86",
        "KEDA",
        "keda",
        "PRIMARY",
        "SAFETY",
        "safety",
        "latest",
        "1.2.3",
        ".hidden",
        "-dash",
        "_ok",
        "v1+build",
        "https://registry.example.com",
        "http://registry.example.com",
        "sum(rate(x[1m]))",
        "a: [",
        "key: value",
    ]
    .iter()
    .chain(FORMAT_SAMPLES)
    .map(|s| (*s).to_owned())
    .chain([
        "a".repeat(255),
        "a".repeat(256),
        format!("v{}", "1".repeat(127)),
        format!("v{}", "1".repeat(128)),
    ])
    .collect();
    prop_oneof![
        6 => prop::sample::select(samples),
        1 => "\\PC{0,12}",
        1 => "[ \\t\\n\\u{a0}\\u{85}\\u{feff}\\u{3000}a-zA-Z0-9:@/._-]{0,12}",
    ]
    .boxed()
}

/// Any JSON value, weighted towards the shapes the model uses.
fn interesting_value() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => Just(Value::Null),
        3 => interesting_int().prop_map(Value::from),
        4 => interesting_string().prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::from),
        1 => Just(json!(1.5)),
        1 => Just(json!([])),
        1 => Just(json!({})),
        1 => Just(json!(["sh", "-c", "true"])),
        1 => Just(json!([""])),
        1 => Just(json!({"port": 8080})),
        1 => Just(json!({"path": "/health", "scheme": "HTTPS", "port": 443})),
        1 => Just(json!({"command": ["true"]})),
        1 => Just(json!({"tcp": {"port": 1}, "http": {}})),
        1 => Just(json!({"tcp": null, "grpc": null})),
        1 => Just(json!({"k": "v"})),
        1 => Just(json!({"id": "3c90c3cc-0d44-4b50-8888-8dd25736052a"})),
    ]
    .boxed()
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replaces the `target`-th value (members and elements, in document order): by a value of
    /// the same JSON type when `same_type` holds and one is at hand, else by `any`.
    Replace {
        target: usize,
        same_type: bool,
        int: i64,
        string: String,
        any: Value,
    },
    /// Removes the `target`-th object member.
    Remove { target: usize },
    /// Adds (or overwrites) member `name` of the `target`-th object.
    Insert {
        target: usize,
        name: &'static str,
        value: Value,
    },
}

fn mutation(names: &'static [&'static str]) -> impl Strategy<Value = Mutation> {
    prop_oneof![
        5 => (
            any::<usize>(),
            prop::bool::weighted(0.8),
            interesting_int(),
            interesting_string(),
            interesting_value()
        )
            .prop_map(|(target, same_type, int, string, any)| Mutation::Replace {
                target,
                same_type,
                int,
                string,
                any,
            }),
        1 => any::<usize>().prop_map(|target| Mutation::Remove { target }),
        2 => (any::<usize>(), prop::sample::select(names), interesting_value())
            .prop_map(|(target, name, value)| Mutation::Insert { target, name, value }),
    ]
}

/// Every value's pointer, in document order (the root excluded).
fn value_pointers(value: &Value, pointer: &str, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let here = format!("{pointer}/{}", escape(key));
                out.push(here.clone());
                value_pointers(child, &here, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let here = format!("{pointer}/{index}");
                out.push(here.clone());
                value_pointers(child, &here, out);
            }
        }
        _ => {}
    }
}

fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

fn apply(payload: &mut Value, mutation: &Mutation) {
    let mut pointers = Vec::new();
    value_pointers(payload, "", &mut pointers);
    match mutation {
        Mutation::Replace {
            target,
            same_type,
            int,
            string,
            any,
        } => {
            if pointers.is_empty() {
                return;
            }
            let pointer = &pointers[target % pointers.len()];
            if let Some(slot) = payload.pointer_mut(pointer) {
                *slot = match (*same_type, &*slot) {
                    (true, Value::Number(_)) => Value::from(*int),
                    (true, Value::String(_)) => Value::from(string.clone()),
                    (true, Value::Bool(b)) => Value::from(!b),
                    _ => any.clone(),
                };
            }
        }
        Mutation::Remove { target } => {
            let members: Vec<&String> = pointers
                .iter()
                .filter(|p| {
                    let parent = &p[..p.rfind('/').unwrap_or(0)];
                    payload.pointer(parent).is_some_and(Value::is_object)
                })
                .collect();
            if members.is_empty() {
                return;
            }
            let pointer = members[target % members.len()].clone();
            let (parent, key) = pointer.split_at(pointer.rfind('/').unwrap_or(0));
            let key = key[1..].replace("~1", "/").replace("~0", "~");
            if let Some(Value::Object(map)) = payload.pointer_mut(parent) {
                map.shift_remove(&key);
            }
        }
        Mutation::Insert {
            target,
            name,
            value,
        } => {
            let mut objects = vec![String::new()];
            objects.extend(
                pointers
                    .into_iter()
                    .filter(|p| payload.pointer(p).is_some_and(Value::is_object)),
            );
            let pointer = &objects[target % objects.len()];
            if let Some(Value::Object(map)) = payload.pointer_mut(pointer) {
                map.insert((*name).to_owned(), value.clone());
            }
        }
    }
}

fn payload(
    valid: BoxedStrategy<Value>,
    names: &'static [&'static str],
) -> impl Strategy<Value = Value> {
    (
        valid,
        prop_oneof![1 => Just(0_usize), 4 => 1..=3_usize]
            .prop_flat_map(move |n| prop::collection::vec(mutation(names), n)),
    )
        .prop_map(|(mut payload, mutations)| {
            for mutation in &mutations {
                apply(&mut payload, mutation);
            }
            payload
        })
}

// --- The two checkers ----------------------------------------------------------------------

/// The two checkers for one document type `T`.
struct Oracle<T> {
    schema: jsonschema::Validator,
    /// (code, pointer pattern) of every validator-only rule of `T`.
    validator_only: Vec<(&'static str, String)>,
    document: PhantomData<T>,
}

/// Whether `pointer` matches a catalogue pattern (`*` stands for one array index).
fn matches_pattern(pattern: &str, pointer: &str) -> bool {
    let pattern: Vec<&str> = pattern.split('/').collect();
    let pointer: Vec<&str> = pointer.split('/').collect();
    pattern.len() == pointer.len()
        && pattern
            .iter()
            .zip(&pointer)
            .all(|(p, s)| *p == "*" || p == s)
}

struct Outcome {
    /// `Err` when the payload does not deserialize.
    typed: Result<BTreeSet<String>, String>,
    /// The validator's error diagnostics, for the failure message.
    typed_list: Vec<String>,
    schema: BTreeSet<String>,
    schema_list: Vec<String>,
    excused: BTreeSet<String>,
    codes: Vec<&'static str>,
}

impl<T: DeserializeOwned + Serialize + Validate<Context = RegistryContext>> Oracle<T> {
    fn new(document: DocumentKind) -> Self {
        let exported = schema::schema(document, Draft::Draft2020_12);
        let schema = jsonschema::options()
            .should_validate_formats(true)
            .build(&exported)
            .unwrap_or_else(|e| panic!("the exported request schema does not compile: {e}"));
        let mut entries: Vec<CatalogueEntry> = Vec::new();
        T::describe_rules("", &mut entries);
        let validator_only = entries
            .iter()
            .filter(|e| e.rule.schema == SchemaSupport::ValidatorOnly)
            .map(|e| (e.rule.code, e.pointer.clone()))
            .collect();
        Oracle {
            schema,
            validator_only,
            document: PhantomData,
        }
    }

    fn run(&self, payload: &Value) -> Outcome {
        let mut schema = BTreeSet::new();
        let mut schema_list = Vec::new();
        for error in self.schema.iter_errors(payload) {
            schema_list.push(format!(
                "{} ({}): {}",
                error.instance_path(),
                error.kind().keyword(),
                error
            ));
            schema_pointers(&error, &mut schema);
        }
        let mut outcome = Outcome {
            typed: Err(String::new()),
            typed_list: Vec::new(),
            schema,
            schema_list,
            excused: BTreeSet::new(),
            codes: Vec::new(),
        };
        let request: T = match serde_json::from_value(payload.clone()) {
            Ok(request) => request,
            Err(error) => {
                outcome.typed = Err(error.to_string());
                return outcome;
            }
        };
        let round_trip = serde_json::to_value(&request).unwrap_or(Value::Null);
        let mut changed = Vec::new();
        changes(payload, &round_trip, "", &mut changed);
        if let Some((pointer, _)) = changed.iter().find(|(_, c)| *c == Change::Reshaped) {
            outcome.typed = Err(format!(
                "serde read {pointer} into another shape (e.g. a struct from a JSON array): \
                 handled like a deserialization error"
            ));
            return outcome;
        }
        let mut typed = BTreeSet::new();
        for diagnostic in request.validate().diagnostics() {
            if diagnostic.severity != Severity::Error {
                continue;
            }
            let validator_only = self.validator_only.iter().any(|(code, pattern)| {
                *code == diagnostic.code && matches_pattern(pattern, &diagnostic.pointer)
            });
            outcome.typed_list.push(format!(
                "{} [{}{}]: {}",
                diagnostic.pointer,
                diagnostic.code,
                if validator_only {
                    ", validator only: dropped"
                } else {
                    ""
                },
                diagnostic.message
            ));
            if !validator_only {
                typed.insert(diagnostic.pointer.clone());
                outcome.codes.push(diagnostic.code);
            }
        }
        // Where deserialization dropped or rewrote a value, the two sides do not see the same
        // document: excuse one-sided pointers there.
        let excused: BTreeSet<String> = outcome
            .schema
            .symmetric_difference(&typed)
            .filter(|p| changed.iter().any(|(c, _)| within(p, c)))
            .cloned()
            .collect();
        outcome.schema.retain(|p| !excused.contains(p));
        typed.retain(|p| !excused.contains(p));
        outcome.excused = excused;
        outcome.typed = Ok(typed);
        outcome
    }
}

/// Whether `pointer` is `prefix` or below it.
fn within(pointer: &str, prefix: &str) -> bool {
    pointer == prefix
        || pointer
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// How deserialization changed the payload at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// A member that serde dropped: `null` in an `Option` member, or an unknown member.
    Dropped,
    /// A string written back differently (a UUID in another form than the hyphenated one).
    Rewritten,
    /// Any other change, such as a struct read from a JSON array: the typed value is not the
    /// payload's shape, as if it had not deserialized.
    Reshaped,
}

/// The places where `after` (the typed value serialized back) differs from `before` (the
/// payload), at the highest level.
fn changes(before: &Value, after: &Value, pointer: &str, out: &mut Vec<(String, Change)>) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let here = format!("{pointer}/{}", escape(key));
                match b.get(key) {
                    Some(other) => changes(value, other, &here, out),
                    None => out.push((here, Change::Dropped)),
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                changes(x, y, &format!("{pointer}/{index}"), out);
            }
        }
        (a, b) if a == b => {}
        (Value::String(_), Value::String(_)) => out.push((pointer.to_owned(), Change::Rewritten)),
        _ => out.push((pointer.to_owned(), Change::Reshaped)),
    }
}

/// The pointers a schema error stands for, normalised as the module documentation explains.
fn schema_pointers(error: &jsonschema::ValidationError<'_>, out: &mut BTreeSet<String>) {
    use jsonschema::error::ValidationErrorKind as Kind;
    let at = error.instance_path().as_str().to_owned();
    match error.kind() {
        Kind::Required { property } => {
            let name = property
                .as_str()
                .map_or_else(|| property.to_string(), escape);
            out.insert(format!("{at}/{name}"));
        }
        Kind::AnyOf { context } => {
            let only_type_here = |branch: &Vec<jsonschema::ValidationError<'static>>| {
                branch.len() == 1
                    && matches!(branch[0].kind(), Kind::Type { .. })
                    && branch[0].instance_path().as_str() == at
            };
            let informative: Vec<_> = context.iter().filter(|b| !only_type_here(b)).collect();
            if informative.is_empty() {
                out.insert(at);
            } else {
                for branch in informative {
                    for inner in branch {
                        schema_pointers(inner, out);
                    }
                }
            }
        }
        _ => {
            out.insert(at);
        }
    }
}

// --- Formats and blank strings --------------------------------------------------------------

/// Whether the validator and `jsonschema` disagree on `value` for one of the spec's formats.
fn formats_disagree(value: &str) -> bool {
    use qovery_model::validate::Format;
    static CHECKERS: std::sync::LazyLock<Vec<(Format, jsonschema::Validator)>> =
        std::sync::LazyLock::new(|| {
            [Format::Uri, Format::DateTime, Format::Uuid]
                .into_iter()
                .filter_map(|format| {
                    jsonschema::options()
                        .should_validate_formats(true)
                        .build(&json!({ "format": format.as_str() }))
                        .ok()
                        .map(|checker| (format, checker))
                })
                .collect()
        });
    CHECKERS
        .iter()
        .any(|(format, checker)| format.matches(value) != checker.is_valid(&json!(value)))
}

/// Drifts this test once found, fixed in the validator (`validate/format.rs`: brackets only
/// around an IP-literal host, leap seconds only at 23:59:60 UTC; `validate/keyword.rs`: U+FEFF
/// counts as blank, as in ECMA-262): they stay fixed.
#[test]
fn formats_and_blank_strings_agree() {
    let oracle = Oracle::<ContainerRequest>::new(DocumentKind::Request);
    let payload = json!({
        "name": "api",
        "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "image_name": "acme/api",
        "tag": "\u{feff}",
        "healthchecks": {}
    });
    let outcome = oracle.run(&payload);
    let typed = outcome.typed.unwrap_or_default();
    assert!(typed.contains("/tag") && outcome.schema.contains("/tag"));

    let disagreeing: Vec<&str> = FORMAT_SAMPLES
        .iter()
        .copied()
        .filter(|s| formats_disagree(s))
        .collect();
    assert!(
        disagreeing.is_empty(),
        "format disagreements: {disagreeing:?}"
    );
}

// --- The test ------------------------------------------------------------------------------

/// Every member name of every object of the exported schema: what `Insert` may add.
fn member_names(document: DocumentKind) -> &'static [&'static str] {
    let exported = schema::schema(document, Draft::Draft2020_12);
    let mut names = BTreeSet::new();
    collect_names(&exported, &mut names);
    names.insert("unknown_member".to_owned());
    let leaked: Vec<&'static str> = names
        .into_iter()
        .map(|n| &*Box::leak(n.into_boxed_str()))
        .collect();
    Box::leak(leaked.into_boxed_slice())
}

fn collect_names(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                out.extend(properties.keys().filter(|k| *k != "$schema").cloned());
            }
            map.values().for_each(|v| collect_names(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_names(v, out)),
        _ => {}
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(CASES)
}

#[derive(Default)]
struct Stats {
    cases: usize,
    typed_ok: usize,
    valid: usize,
    codes: BTreeMap<&'static str, usize>,
    excused: usize,
}

/// Runs `cases` payloads of `strategy` through both checkers of `T`; returns the statistics.
fn differential<T, S>(
    document: DocumentKind,
    strategy: S,
    cases: u32,
    seed: u64,
    persistence: &'static str,
) -> Stats
where
    T: DeserializeOwned + Serialize + Validate<Context = RegistryContext>,
    S: Strategy<Value = Value>,
{
    let started = Instant::now();
    let oracle = Oracle::<T>::new(document);
    let stats = Mutex::new(Stats::default());
    let mut config = Config::with_cases(cases);
    config.rng_seed = RngSeed::Fixed(seed);
    config.failure_persistence = Some(Box::new(FileFailurePersistence::Direct(persistence)));
    config.max_shrink_iters = 4096;
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |payload| {
        let outcome = oracle.run(&payload);
        if let Ok(mut stats) = stats.lock() {
            stats.cases += 1;
            if outcome.typed.is_ok() {
                stats.typed_ok += 1;
                if outcome.schema.is_empty() && outcome.typed.as_ref().is_ok_and(BTreeSet::is_empty)
                {
                    stats.valid += 1;
                }
            }
            for code in &outcome.codes {
                *stats.codes.entry(code).or_default() += 1;
            }
            stats.excused += outcome.excused.len();
        }
        let agree = match &outcome.typed {
            Ok(typed) => typed.symmetric_difference(&outcome.schema).next().is_none(),
            Err(_) => !outcome.schema.is_empty(),
        };
        if agree {
            return Ok(());
        }
        let typed = match &outcome.typed {
            Ok(pointers) => format!("{pointers:?}"),
            Err(error) => format!("does not deserialize: {error}"),
        };
        Err(TestCaseError::fail(format!(
            "the typed validator and the exported schema disagree\n\
             payload:\n{}\n\
             typed validator pointers: {typed}\n\
             typed validator errors:\n  {}\n\
             schema pointers (normalised): {:?}\n\
             schema errors:\n  {}\n\
             excused (changed by deserialization): {:?}\n\
             (seed {seed:#x}; rerun with `cargo test -p qovery-model --all-features --test schema_differential`)",
            serde_json::to_string_pretty(&payload).unwrap_or_default(),
            outcome.typed_list.join("\n  "),
            outcome.schema,
            outcome.schema_list.join("\n  "),
            outcome.excused,
        )))
    });
    let elapsed = started.elapsed();
    let stats = stats.into_inner().unwrap_or_default();
    eprintln!(
        "schema_differential ({document}): {} cases in {elapsed:.2?} ({} deserialized, {} without errors); excused pointers: {}",
        stats.cases, stats.typed_ok, stats.valid, stats.excused
    );
    eprintln!(
        "error codes seen (validator, schema-expressed rules): {:?}",
        stats.codes
    );
    if let Err(error) = result {
        panic!("{error}");
    }

    stats
}

/// The codes of the schema-expressed error rules of `T` that no generated payload broke.
fn unreached<T: Validate>(stats: &Stats) -> BTreeSet<&'static str> {
    let mut entries: Vec<CatalogueEntry> = Vec::new();
    T::describe_rules("", &mut entries);
    let missing: BTreeSet<&str> = entries
        .iter()
        .filter(|e| e.rule.schema == SchemaSupport::Keyword && e.rule.severity == Severity::Error)
        .map(|e| e.rule.code)
        .filter(|code| !stats.codes.contains_key(code))
        .collect();
    missing
}

#[test]
fn requests_typed_validator_and_exported_schema_find_errors_at_the_same_pointers() {
    let cases = cases();
    let stats = differential::<ContainerRequest, _>(
        DocumentKind::Request,
        payload(valid_request().boxed(), member_names(DocumentKind::Request)),
        cases,
        SEED,
        "tests/proptest-regressions/schema_differential_request.txt",
    );
    let missing = unreached::<ContainerRequest>(&stats);
    assert!(
        missing.is_empty() || cases < CASES,
        "the generated payloads never broke these rules (extend the generator): {missing:?}"
    );
    assert!(
        stats.valid * 20 >= stats.cases,
        "fewer than 5% of the payloads have no error ({} of {}): the valid generator drifted from the rules",
        stats.valid,
        stats.cases
    );
}

#[test]
fn responses_typed_validator_and_exported_schema_find_errors_at_the_same_pointers() {
    let cases = cases() / 2;
    let stats = differential::<ContainerResponse, _>(
        DocumentKind::Response,
        payload(
            valid_response().boxed(),
            member_names(DocumentKind::Response),
        ),
        cases,
        SEED ^ 0x7e5,
        "tests/proptest-regressions/schema_differential_response.txt",
    );
    for code in [
        "image_name_ecr",
        "image_name_scaleway_cr",
        "image_name_docker_hub",
        "image_name_public_ecr",
    ] {
        assert!(
            stats.codes.contains_key(code) || cases < CASES / 2,
            "no generated response broke {code} (the registry-kind if/then): extend the generator"
        );
    }
}

/// The normalisations on known payloads, so a change in `jsonschema`'s reporting shows here
/// first.
#[test]
fn normalisations_on_known_payloads() {
    let oracle = Oracle::<ContainerRequest>::new(DocumentKind::Request);
    let base = json!({
        "name": "api",
        "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        "image_name": "acme/api",
        "tag": "1.0",
        "healthchecks": {}
    });
    let check = |patch: Value, expected: &[&str]| {
        let mut payload = base.clone();
        if let (Value::Object(target), Value::Object(patch)) = (&mut payload, patch) {
            target.extend(patch);
        }
        let outcome = oracle.run(&payload);
        let expected: BTreeSet<String> = expected.iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(
            outcome.typed.as_ref().ok(),
            Some(&expected),
            "typed: {payload}"
        );
        assert_eq!(
            outcome.schema, expected,
            "schema: {payload}\n{:?}",
            outcome.schema_list
        );
    };
    check(json!({}), &[]);
    // A bad port inside a nullable probe: below the anyOf.
    check(
        json!({"healthchecks": {"readiness_probe": {"type": {"tcp": {"port": 0}}}}}),
        &["/healthchecks/readiness_probe/type/tcp/port"],
    );
    // A probe without type: `required` moved to the member.
    check(
        json!({"healthchecks": {"liveness_probe": {}}}),
        &["/healthchecks/liveness_probe/type"],
    );
    // Two kinds: oneOf at `type`.
    check(
        json!({"healthchecks": {"readiness_probe": {"type": {"tcp": {}, "http": {}}}}}),
        &["/healthchecks/readiness_probe/type"],
    );
    // `null` in an optional, non-nullable member: serde reads it as absent; excused.
    check(json!({"cpu": null, "ports": null}), &[]);
    // A UUID in simple form in a UUID-typed member: serde accepts it; excused.
    check(
        json!({"annotations_groups": [{"id": "3c90c3cc0d444b5088888dd25736052a"}]}),
        &[],
    );
    // U+0085 (NEXT LINE) is white space for `str::trim`, not for ECMA-262's `\s`: the schema's
    // explicit class agrees with the validator (found by this test).
    check(json!({"image_name": "\u{85}"}), &["/image_name"]);
    check(json!({"tag": " \u{3000}"}), &["/tag"]);
    // `external_port` on a port that is not public: the API drops it, a warning, so neither
    // side reports an error (the schema says what the API accepts).
    check(
        json!({"ports": [{"internal_port": 80, "external_port": 443, "publicly_accessible": false}]}),
        &[],
    );
    // A struct read from a JSON array is handled like a deserialization error.
    let mut reshaped = base.clone();
    reshaped["healthchecks"] = json!({"readiness_probe": {"type": {"http": [""]}}});
    let outcome = oracle.run(&reshaped);
    assert!(outcome.typed.is_err(), "{:?}", outcome.typed);
    assert!(!outcome.schema.is_empty());
    // i32 overflow: both reject (serde fails to deserialize).
    let mut overflow = base.clone();
    overflow["cpu"] = json!(2_147_483_648_i64);
    let outcome = oracle.run(&overflow);
    assert!(outcome.typed.is_err());
    assert!(outcome.schema.contains("/cpu"), "{:?}", outcome.schema_list);
}
