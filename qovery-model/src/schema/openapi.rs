//! Rewriting a JSON Schema (as the derive and schemars produce it) into OpenAPI 3.0 Schema
//! Objects.
//!
//! OpenAPI 3.0 has no `type` arrays, no `"null"` type, no `const`, no `if`/`then`/`else`, no
//! `examples`, no numeric `exclusiveMinimum`, and ignores the siblings of a `$ref`. Each rewrite
//! keeps the meaning:
//!
//! | JSON Schema | OpenAPI 3.0 |
//! |---|---|
//! | `type: [t, "null"]` | `type: t`, `nullable: true` |
//! | `anyOf: [X, {type: "null"}]` | `nullable: true`, `allOf: [X]` (the spec's own style, see `cpu_architecture`) |
//! | `{$ref, description}` | `{description, allOf: [{$ref}]}` |
//! | `const: v` | `enum: [v]` |
//! | `examples: [a, ...]` | `example: a` |
//! | `if: A, then: B, else: C` | `allOf: [{anyOf: [{not: A}, B]}, {anyOf: [A, C]}]` (A implies B; not A implies C) |
//! | `exclusiveMinimum: n` | `minimum: n`, `exclusiveMinimum: true` (and the same for maximum) |
//! | `dependentRequired: {a: [b]}` | `allOf: [{anyOf: [{not: {required: [a]}}, {required: [b]}]}]` |
//! | `true` / `false` schema | `{}` / `{not: {}}` (`additionalProperties` keeps its boolean) |
//!
//! `$schema`, `$id`, `$comment` and nested `$defs` are dropped (definitions are hoisted to
//! `components/schemas` by the generator).

use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// Moves nullability from the uses of a named object schema to the schema itself, when every
/// use of it is "X or null" (`anyOf: [{$ref: X}, {type: "null"}]`): X becomes
/// `type: [object, null]` and its uses plain `$ref`s, which [`convert`] then writes as
/// `type: object, nullable: true` on X, the spec's own way for `Probe`.
///
/// OpenAPI 3.0.3 applies `nullable` only next to a `type` in the same Schema Object, so
/// `nullable: true` next to `allOf: [{$ref: X}]` does not let `null` through a strict reader
/// when X is a non-nullable object. Schemas also used without null, and enumerations (whose
/// `enum` would need a `null` member too) keep `nullable: true` next to `allOf` at the use, the
/// spec's way for `cpu_architecture`.
pub(crate) fn hoist_nullable(schemas: &mut Map<String, Value>, prefix: &str) {
    let mut uses: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for schema in schemas.values() {
        count_uses(schema, prefix, &mut uses);
    }
    for (name, (nullable, plain)) in uses {
        let object = schemas
            .get(&name)
            .is_some_and(|s| s.get("type").is_some_and(|t| t == "object"));
        if nullable == 0 || plain > 0 || !object {
            continue;
        }
        if let Some(Value::Object(schema)) = schemas.get_mut(&name) {
            schema.insert("type".to_owned(), json!(["object", "null"]));
        }
        let reference = format!("{prefix}{name}");
        for schema in schemas.values_mut() {
            plain_uses(schema, &reference);
        }
    }
}

/// The `$ref` target of `{anyOf: [{$ref}, null]}` (either order), if `map` is one.
fn nullable_ref<'a>(map: &'a Map<String, Value>, prefix: &str) -> Option<&'a str> {
    let Some(Value::Array(members)) = map.get("anyOf") else {
        return None;
    };
    let [a, b] = members.as_slice() else {
        return None;
    };
    let member = if only_null(b) {
        a
    } else if only_null(a) {
        b
    } else {
        return None;
    };
    let member = member.as_object().filter(|m| m.len() == 1)?;
    member.get("$ref")?.as_str()?.strip_prefix(prefix)
}

fn count_uses(value: &Value, prefix: &str, uses: &mut BTreeMap<String, (usize, usize)>) {
    match value {
        Value::Object(map) => {
            if let Some(name) = nullable_ref(map, prefix) {
                uses.entry(name.to_owned()).or_default().0 += 1;
                for (key, child) in map {
                    if key != "anyOf" {
                        count_uses(child, prefix, uses);
                    }
                }
                return;
            }
            if let Some(name) = map
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix(prefix))
            {
                uses.entry(name.to_owned()).or_default().1 += 1;
            }
            map.values()
                .for_each(|child| count_uses(child, prefix, uses));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|child| count_uses(child, prefix, uses)),
        _ => {}
    }
}

/// Rewrites every `{anyOf: [{$ref: reference}, null]}` in `value` to `{$ref: reference}`.
fn plain_uses(value: &mut Value, reference: &str) {
    match value {
        Value::Object(map) => {
            let prefix_len = reference.rfind('/').map_or(0, |i| i + 1);
            let matches = nullable_ref(map, &reference[..prefix_len])
                .is_some_and(|name| name == &reference[prefix_len..]);
            if matches {
                map.remove("anyOf");
                map.insert("$ref".to_owned(), Value::from(reference));
            }
            map.values_mut()
                .for_each(|child| plain_uses(child, reference));
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|child| plain_uses(child, reference)),
        _ => {}
    }
}

/// Rewrites `schema` in place into an OpenAPI 3.0 Schema Object.
pub(crate) fn convert(schema: &mut Value) {
    match schema {
        Value::Bool(true) => *schema = Value::Object(Map::new()),
        Value::Bool(false) => *schema = json!({ "not": {} }),
        Value::Object(map) => convert_object(map),
        _ => {}
    }
}

fn convert_object(map: &mut Map<String, Value>) {
    // Before the members are rewritten (a `{type: "null"}` member would no longer look like one).
    let mut nullable = take_null_members(map);

    for (key, sub) in map.iter_mut() {
        match key.as_str() {
            "not" | "if" | "then" | "else" | "propertyNames" | "contains" => convert(sub),
            // A boolean `additionalProperties` is valid OpenAPI 3.0.
            "additionalProperties" | "items" => match sub {
                Value::Array(items) => items.iter_mut().for_each(convert),
                Value::Object(_) => convert(sub),
                _ => {}
            },
            "allOf" | "anyOf" | "oneOf" | "prefixItems" => {
                if let Value::Array(items) = sub {
                    items.iter_mut().for_each(convert);
                }
            }
            "properties" | "patternProperties" | "dependentSchemas" => {
                if let Value::Object(members) = sub {
                    members.values_mut().for_each(convert);
                }
            }
            _ => {}
        }
    }

    for key in ["$schema", "$id", "$comment", "$defs", "definitions"] {
        map.remove(key);
    }

    if let Some(Value::Array(types)) = map.get("type") {
        let had_null = types.iter().any(|t| t == "null");
        let rest: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        nullable |= had_null;
        match rest.len() {
            0 => {
                map.remove("type");
                map.insert("enum".to_owned(), json!([null]));
            }
            1 => {
                map.insert("type".to_owned(), rest[0].clone());
            }
            _ => {
                map.remove("type");
                let alternatives: Vec<Value> =
                    rest.into_iter().map(|t| json!({ "type": t })).collect();
                push_all_of(map, json!({ "anyOf": alternatives }));
            }
        }
    } else if map.get("type").is_some_and(|t| t == "null") {
        map.remove("type");
        map.insert("enum".to_owned(), json!([null]));
        nullable = true;
    }

    if let Some(value) = map.remove("const") {
        map.insert("enum".to_owned(), Value::Array(vec![value]));
    }

    if let Some(examples) = map.remove("examples")
        && !map.contains_key("example")
        && let Some(first) = examples.as_array().and_then(|a| a.first())
    {
        map.insert("example".to_owned(), first.clone());
    }

    exclusive_bound(map, "exclusiveMinimum", "minimum", |new, old| new >= old);
    exclusive_bound(map, "exclusiveMaximum", "maximum", |new, old| new <= old);

    if let Some(Value::Object(dependent)) = map.remove("dependentRequired") {
        for (name, required) in dependent {
            push_all_of(
                map,
                json!({ "anyOf": [{ "not": { "required": [name] } }, { "required": required }] }),
            );
        }
    }

    let condition = map.remove("if");
    let then = map.remove("then");
    let otherwise = map.remove("else");
    if let Some(condition) = condition {
        if let Some(then) = then {
            push_all_of(
                map,
                json!({ "anyOf": [{ "not": condition.clone() }, then] }),
            );
        }
        if let Some(otherwise) = otherwise {
            push_all_of(map, json!({ "anyOf": [condition, otherwise] }));
        }
    }

    if map.len() > 1
        && let Some(reference) = map.remove("$ref")
    {
        push_all_of(map, json!({ "$ref": reference }));
    }

    if nullable {
        map.insert("nullable".to_owned(), Value::Bool(true));
    }
}

/// Removes the members of `anyOf`/`oneOf` that only accept `null`; returns whether there were
/// any. An `anyOf` left with one member becomes an `allOf` entry.
fn take_null_members(map: &mut Map<String, Value>) -> bool {
    let mut found = false;
    for key in ["anyOf", "oneOf"] {
        let Some(Value::Array(members)) = map.get_mut(key) else {
            continue;
        };
        let before = members.len();
        members.retain(|member| !only_null(member));
        if members.len() == before {
            continue;
        }
        // With several members left, `nullable` goes on a member that has a `type`, where
        // OpenAPI 3.0.3 applies it (an open enumeration's `{type: string}`), rather than on
        // the parent, where it would have no `type` next to it.
        if members.len() > 1
            && let Some(Value::Object(typed)) = members
                .iter_mut()
                .find(|m| m.get("type").is_some_and(Value::is_string))
        {
            typed.insert("nullable".to_owned(), Value::Bool(true));
            continue;
        }
        found = true;
        if members.len() == 1 {
            let member = members.remove(0);
            map.remove(key);
            push_all_of(map, member);
        } else if members.is_empty() {
            map.remove(key);
        }
    }
    found
}

/// `{"type": "null"}`, `{"const": null}` or `{"enum": [null]}`.
fn only_null(schema: &Value) -> bool {
    let Some(map) = schema.as_object() else {
        return false;
    };
    let annotation = |k: &str| matches!(k, "description" | "title" | "$comment");
    let keys: Vec<&str> = map
        .keys()
        .map(String::as_str)
        .filter(|k| !annotation(k))
        .collect();
    match keys.as_slice() {
        ["type"] => map.get("type").is_some_and(|t| t == "null"),
        ["const"] => map.get("const").is_some_and(Value::is_null),
        ["enum"] => map.get("enum") == Some(&json!([null])),
        _ => false,
    }
}

/// Rewrites a numeric `exclusiveMinimum`/`exclusiveMaximum` (2019-09 and later) into the
/// OpenAPI 3.0 form: the bound in `minimum`/`maximum` and `true` in the exclusive keyword.
fn exclusive_bound(
    map: &mut Map<String, Value>,
    exclusive: &str,
    inclusive: &str,
    stricter: fn(f64, f64) -> bool,
) {
    let Some(bound) = map.get(exclusive).and_then(Value::as_f64) else {
        return;
    };
    let Some(exclusive_value) = map.remove(exclusive) else {
        return;
    };
    match map.get(inclusive).and_then(Value::as_f64) {
        Some(existing) if !stricter(bound, existing) => {}
        _ => {
            map.insert(inclusive.to_owned(), exclusive_value);
            map.insert(exclusive.to_owned(), Value::Bool(true));
        }
    }
}

fn push_all_of(map: &mut Map<String, Value>, schema: Value) {
    match map.get_mut("allOf") {
        Some(Value::Array(all_of)) => all_of.push(schema),
        _ => {
            map.insert("allOf".to_owned(), Value::Array(vec![schema]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::convert;
    use serde_json::json;

    fn converted(mut schema: serde_json::Value) -> serde_json::Value {
        convert(&mut schema);
        schema
    }

    #[test]
    fn nullability_moves_to_objects_only_used_nullable() {
        let prefix = "#/components/schemas/";
        let mut schemas = json!({
            "Healthchecks": {"type": "object", "properties": {
                "readiness_probe": {"description": "r", "anyOf": [{"$ref": "#/components/schemas/Probe"}, {"type": "null"}]},
                "cpu": {"anyOf": [{"$ref": "#/components/schemas/Cpu"}, {"type": "null"}]},
                "port": {"anyOf": [{"$ref": "#/components/schemas/Port"}, {"type": "null"}]},
                "port2": {"$ref": "#/components/schemas/Port"}
            }},
            "Probe": {"type": "object"},
            "Cpu": {"type": "string", "enum": ["A"]},
            "Port": {"type": "object"}
        });
        let Some(map) = schemas.as_object_mut() else {
            unreachable!()
        };
        super::hoist_nullable(map, prefix);
        for schema in map.values_mut() {
            convert(schema);
        }
        assert_eq!(
            schemas["Probe"],
            json!({"type": "object", "nullable": true})
        );
        assert_eq!(
            schemas["Healthchecks"]["properties"]["readiness_probe"],
            json!({"description": "r", "allOf": [{"$ref": "#/components/schemas/Probe"}]})
        );
        // An enumeration, and an object also used without null, keep nullable at the use.
        assert_eq!(schemas["Cpu"], json!({"type": "string", "enum": ["A"]}));
        assert_eq!(
            schemas["Healthchecks"]["properties"]["cpu"],
            json!({"allOf": [{"$ref": "#/components/schemas/Cpu"}], "nullable": true})
        );
        assert_eq!(schemas["Port"], json!({"type": "object"}));
    }

    #[test]
    fn open_enumerations_take_null_on_their_string_member() {
        assert_eq!(
            converted(json!({"anyOf": [
                {"$ref": "#/components/schemas/Kind"}, {"type": "string"}, {"type": "null"}
            ]})),
            json!({"anyOf": [
                {"$ref": "#/components/schemas/Kind"}, {"type": "string", "nullable": true}
            ]})
        );
    }

    #[test]
    fn type_arrays_become_nullable() {
        assert_eq!(
            converted(json!({"type": ["string", "null"], "default": null})),
            json!({"type": "string", "default": null, "nullable": true})
        );
    }

    #[test]
    fn any_of_with_null_becomes_nullable_all_of() {
        assert_eq!(
            converted(json!({
                "description": "d",
                "anyOf": [{"$ref": "#/components/schemas/Cpu"}, {"type": "null"}]
            })),
            json!({
                "description": "d",
                "allOf": [{"$ref": "#/components/schemas/Cpu"}],
                "nullable": true
            })
        );
    }

    #[test]
    fn ref_siblings_move_the_ref_into_all_of() {
        assert_eq!(
            converted(json!({"description": "d", "$ref": "#/components/schemas/X"})),
            json!({"description": "d", "allOf": [{"$ref": "#/components/schemas/X"}]})
        );
        assert_eq!(
            converted(json!({"$ref": "#/components/schemas/X"})),
            json!({"$ref": "#/components/schemas/X"})
        );
    }

    #[test]
    fn conditionals_become_implications() {
        assert_eq!(
            converted(json!({
                "if": {"properties": {"k": {"const": "A"}}},
                "then": {"properties": {"v": {"pattern": "^a$"}}},
                "else": {"properties": {"v": {"examples": ["b"]}}}
            })),
            json!({
                "allOf": [
                    {"anyOf": [
                        {"not": {"properties": {"k": {"enum": ["A"]}}}},
                        {"properties": {"v": {"pattern": "^a$"}}}
                    ]},
                    {"anyOf": [
                        {"properties": {"k": {"enum": ["A"]}}},
                        {"properties": {"v": {"example": "b"}}}
                    ]}
                ]
            })
        );
    }

    #[test]
    fn exclusive_bounds_become_booleans() {
        assert_eq!(
            converted(json!({"type": "integer", "exclusiveMinimum": 0, "minimum": -5})),
            json!({"type": "integer", "minimum": 0, "exclusiveMinimum": true})
        );
        assert_eq!(
            converted(json!({"type": "integer", "exclusiveMaximum": 10, "maximum": 5})),
            json!({"type": "integer", "maximum": 5})
        );
    }

    #[test]
    fn boolean_schemas_are_objects_except_additional_properties() {
        assert_eq!(
            converted(
                json!({"type": "object", "additionalProperties": true, "properties": {"a": true, "b": false}})
            ),
            json!({"type": "object", "additionalProperties": true, "properties": {"a": {}, "b": {"not": {}}}})
        );
    }
}
