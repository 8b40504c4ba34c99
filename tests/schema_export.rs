//! The committed schemas under `schemas/` are what the code produces, and each is valid for its
//! dialect: the 2020-12 and draft-07 files against their meta-schemas, the OpenAPI file against
//! the OpenAPI Initiative's schema of OpenAPI 3.0 documents (vendored in
//! `tests/data/openapi-3.0-schema.json`, see its `.SOURCE.md`), plus the OpenAPI 3.0 rules that
//! schema cannot see.
//!
//! Regenerate the files with `UPDATE_SCHEMAS=1 cargo test --test schema_export` (or
//! `qovery-lint schema --out schemas`).

use qovery_model::schema::{self, Document, Draft};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const REGENERATE: &str = "UPDATE_SCHEMAS=1 cargo test --test schema_export";

fn schemas_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas")
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SCHEMAS").is_some_and(|v| v != "0" && !v.is_empty())
}

#[test]
fn committed_schemas_are_what_the_code_produces() {
    let dir = schemas_dir();
    if updating() {
        let written = schema::write_all(&dir).unwrap_or_else(|e| panic!("writing {dir:?}: {e}"));
        eprintln!("wrote {} files under {}", written.len(), dir.display());
    }
    let stale = schema::stale_files(&dir).unwrap_or_else(|e| panic!("reading {dir:?}: {e}"));
    assert!(
        stale.is_empty(),
        "these files under schemas/ are missing or differ from what the code produces: {stale:?}\n\
         review the change, then regenerate them with:\n    {REGENERATE}"
    );
    let expected: Vec<&str> = schema::all().iter().map(|(file, _)| *file).collect();
    let mut extra = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("listing {dir:?}: {e}")) {
        let name = entry
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.ends_with(".json") && !expected.contains(&name.as_str()) {
            extra.push(name);
        }
    }
    assert!(
        extra.is_empty(),
        "schemas/ holds files the export no longer produces (delete them): {extra:?}"
    );
}

#[test]
fn the_export_lists_five_files_in_a_fixed_order() {
    let files: Vec<&str> = schema::all().iter().map(|(file, _)| *file).collect();
    assert_eq!(
        files,
        [
            "container-request.schema.json",
            "container-response.schema.json",
            "container-request.draft-07.schema.json",
            "container-response.draft-07.schema.json",
            "openapi-components.json",
        ]
    );
}

#[test]
fn json_schemas_are_valid_against_their_meta_schemas() {
    for draft in [Draft::Draft2020_12, Draft::Draft07] {
        for document in Document::ALL {
            let value = schema::schema(document, draft);
            assert_eq!(value["$schema"], draft.meta_schema());
            let errors: Vec<String> = match draft {
                Draft::Draft07 => jsonschema::draft7::meta::validator()
                    .iter_errors(&value)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect(),
                _ => jsonschema::draft202012::meta::validator()
                    .iter_errors(&value)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect(),
            };
            assert!(
                errors.is_empty(),
                "{document} ({draft}) is not a valid schema:\n{}",
                errors.join("\n")
            );
            // Also usable: every `$ref` resolves, every pattern compiles.
            if let Err(error) = jsonschema::options()
                .should_validate_formats(true)
                .build(&value)
            {
                panic!("{document} ({draft}) does not compile: {error}");
            }
        }
    }
}

#[test]
fn draft_07_uses_definitions_and_no_later_keywords() {
    for document in Document::ALL {
        let value = schema::schema(document, Draft::Draft07);
        let mut problems = Vec::new();
        walk(&value, "", &mut |pointer, map| {
            for key in [
                "$defs",
                "prefixItems",
                "unevaluatedProperties",
                "unevaluatedItems",
                "dependentRequired",
                "dependentSchemas",
                "$anchor",
                "$dynamicRef",
            ] {
                if map.contains_key(key) {
                    problems.push(format!("{pointer}: `{key}` is not draft-07"));
                }
            }
            if let Some(Value::String(reference)) = map.get("$ref") {
                if !reference.starts_with("#/definitions/") {
                    problems.push(format!(
                        "{pointer}: `$ref` {reference} outside #/definitions"
                    ));
                }
                if map.len() > 1 {
                    problems.push(format!(
                        "{pointer}: draft-07 ignores the siblings of `$ref`"
                    ));
                }
            }
        });
        assert!(problems.is_empty(), "{document}:\n{}", problems.join("\n"));
    }
}

/// Every `pattern` is an ECMA-262 regular expression (JSON Schema's dialect), checked with
/// jsonschema's `format: regex` assertion.
#[test]
fn patterns_are_ecma_262() {
    let regex_format = json!({"type": "string", "format": "regex"});
    let checker = jsonschema::options()
        .should_validate_formats(true)
        .build(&regex_format)
        .unwrap_or_else(|e| panic!("{e}"));
    for (file, value) in schema::all() {
        let mut check = |pointer: &str, map: &serde_json::Map<String, Value>| {
            if let Some(pattern) = map.get("pattern") {
                assert!(
                    checker.is_valid(pattern),
                    "{file}{pointer}: pattern {pattern} is not an ECMA-262 regex"
                );
            }
        };
        if file == schema::OPENAPI_FILE {
            walk_named(
                &value["components"]["schemas"],
                "/components/schemas",
                &mut check,
            );
        } else {
            walk(&value, "", &mut check);
        }
    }
}

fn openapi_meta_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/openapi-3.0-schema.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"))
}

#[test]
fn openapi_document_is_valid_openapi_3_0() {
    let meta = openapi_meta_schema();
    let validator = jsonschema::draft4::options()
        .build(&meta)
        .unwrap_or_else(|e| panic!("the vendored OpenAPI 3.0 schema does not compile: {e}"));
    let document = schema::openapi_document();
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "openapi-components.json is not a valid OpenAPI 3.0 document:\n{}",
        errors.join("\n")
    );

    // The same check, one Schema Object at a time, for errors that name the schema.
    let schema_object = json!({"$ref": "#/definitions/Schema", "definitions": meta["definitions"]});
    let validator = jsonschema::draft4::options()
        .build(&schema_object)
        .unwrap_or_else(|e| panic!("{e}"));
    for (name, component) in document["components"]["schemas"]
        .as_object()
        .into_iter()
        .flatten()
    {
        let errors: Vec<String> = validator
            .iter_errors(component)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "components.schemas.{name} is not an OpenAPI 3.0 Schema Object:\n{}",
            errors.join("\n")
        );
    }
}

/// What the OpenAPI 3.0 meta-schema cannot see: `nullable` only as a boolean `true` next to a
/// `type`, `allOf` or `$ref`; no `type` arrays, no `"null"` type; `$ref`s without siblings and
/// into `#/components/schemas` only, each resolving.
#[test]
fn openapi_schema_objects_follow_the_openapi_3_0_rules() {
    let document = schema::openapi_document();
    let schemas = &document["components"]["schemas"];
    let mut problems = Vec::new();
    walk_named(schemas, "/components/schemas", &mut |pointer, map| {
        match map.get("type") {
            Some(Value::String(t)) if t == "null" => {
                problems.push(format!("{pointer}: type null"));
            }
            Some(Value::String(_)) | None => {}
            Some(other) => problems.push(format!("{pointer}: type {other} is not a string")),
        }
        if let Some(nullable) = map.get("nullable") {
            if nullable != &Value::Bool(true) {
                problems.push(format!(
                    "{pointer}: nullable {nullable} (write it only as true)"
                ));
            }
            if !(map.contains_key("type") || map.contains_key("allOf")) {
                problems.push(format!("{pointer}: nullable without type or allOf"));
            }
        }
        for key in [
            "$schema",
            "$id",
            "$defs",
            "definitions",
            "const",
            "examples",
            "if",
            "then",
            "else",
        ] {
            if map.contains_key(key) {
                problems.push(format!("{pointer}: `{key}` is not OpenAPI 3.0"));
            }
        }
        if let Some(reference) = map.get("$ref") {
            if map.len() > 1 {
                problems.push(format!("{pointer}: `$ref` with siblings"));
            }
            let target = reference
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/schemas/"));
            match target {
                Some(name) if schemas.get(name).is_some() => {}
                _ => problems.push(format!("{pointer}: `$ref` {reference} does not resolve")),
            }
        }
    });
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn cpu_architecture_is_nullable_in_the_spec_s_own_openapi_style() {
    let document = schema::openapi_document();
    let schemas = &document["components"]["schemas"];
    let request = &schemas["ContainerRequest"]["properties"]["cpu_architecture"];
    assert_eq!(request["nullable"], true, "{request}");
    assert_eq!(
        request["allOf"],
        json!([{"$ref": "#/components/schemas/CpuArchitecture"}]),
        "{request}"
    );
    // A response's value is an open enumeration (a newer value is only a warning): `null` goes
    // on its string member, where OpenAPI 3.0.3 applies it.
    let response = &schemas["ContainerResponse"]["properties"]["cpu_architecture"];
    assert_eq!(
        response["anyOf"],
        json!([
            {"$ref": "#/components/schemas/CpuArchitecture"},
            {"type": "string", "nullable": true}
        ]),
        "{response}"
    );
    // Objects only ever used as "X or null" are nullable themselves, as the spec's `Probe`.
    assert_eq!(schemas["Probe"]["nullable"], true);
    assert_eq!(schemas["TcpProbe"]["nullable"], true);
}

/// Calls `visit(pointer, schema)` for every schema object in the schema `value` (following the
/// subschema keywords, so a property named `type` is not taken for the `type` keyword).
fn walk(
    value: &Value,
    pointer: &str,
    visit: &mut dyn FnMut(&str, &serde_json::Map<String, Value>),
) {
    let Value::Object(map) = value else {
        return;
    };
    visit(pointer, map);
    for (key, child) in map {
        let here = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
        match (key.as_str(), child) {
            (
                "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas",
                Value::Object(members),
            ) => {
                for (name, member) in members {
                    let escaped = name.replace('~', "~0").replace('/', "~1");
                    walk(member, &format!("{here}/{escaped}"), visit);
                }
            }
            ("allOf" | "anyOf" | "oneOf" | "prefixItems" | "items", Value::Array(members)) => {
                for (index, member) in members.iter().enumerate() {
                    walk(member, &format!("{here}/{index}"), visit);
                }
            }
            (
                "not"
                | "if"
                | "then"
                | "else"
                | "items"
                | "additionalProperties"
                | "contains"
                | "propertyNames",
                _,
            ) => walk(child, &here, visit),
            _ => {}
        }
    }
}

/// [`walk`] over every schema of a map of named schemas (`components.schemas`).
fn walk_named(
    schemas: &Value,
    pointer: &str,
    visit: &mut dyn FnMut(&str, &serde_json::Map<String, Value>),
) {
    for (name, schema) in schemas.as_object().into_iter().flatten() {
        walk(schema, &format!("{pointer}/{name}"), visit);
    }
}
