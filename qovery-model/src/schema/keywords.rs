//! Building blocks the derive's generated `JsonSchema` impls call: one function per keyword
//! family, so the generated code stays small and every keyword is spelled in one place.

use schemars::Schema;
use serde_json::{Map, Value, json};

/// `{"type": "object"}` with an optional description.
pub fn object(description: Option<&str>) -> Schema {
    let mut schema = Schema::from(Map::new());
    set(&mut schema, "type", "object");
    describe(&mut schema, description);
    schema
}

/// `{"type": ty}`.
pub fn primitive(ty: &str) -> Schema {
    let mut schema = Schema::from(Map::new());
    set(&mut schema, "type", ty);
    schema
}

/// `{"type": "integer"}`, with `format` (`int32`) when the Rust type fixes the width.
pub fn integer(format: Option<&str>) -> Schema {
    let mut schema = primitive("integer");
    if let Some(format) = format {
        set(&mut schema, "format", format);
    }
    schema
}

/// `{"type": "string", "enum": [..]}`.
pub fn string_enum(values: &[&str]) -> Schema {
    let mut schema = primitive("string");
    set(&mut schema, "enum", values.to_vec());
    schema
}

/// `{"type": "array", "items": items}`.
pub fn array(items: Schema) -> Schema {
    let mut schema = primitive("array");
    set(&mut schema, "items", items.to_value());
    schema
}

/// `schema` or `null`: `type: [t, "null"]` when `schema` is a plain typed schema, else
/// `anyOf: [schema, {"type": "null"}]` (a `$ref` cannot take a sibling `type`).
pub fn nullable(schema: Schema) -> Schema {
    let plain_type = schema
        .as_object()
        .and_then(|o| o.get("type"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let simple = schema.as_object().is_some_and(|o| {
        !o.contains_key("$ref") && !o.contains_key("enum") && !o.contains_key("anyOf")
    });
    match plain_type {
        Some(ty) if simple => {
            let mut schema = schema;
            set(&mut schema, "type", json!([ty, "null"]));
            schema
        }
        _ => {
            let mut wrapper = Schema::from(Map::new());
            set(
                &mut wrapper,
                "anyOf",
                json!([schema.to_value(), {"type": "null"}]),
            );
            wrapper
        }
    }
}

/// The object map of a schema (turning `true`/`false` into `{}`/`{"not": {}}` first).
pub fn object_mut(schema: &mut Schema) -> &mut Map<String, Value> {
    schema.ensure_object()
}

/// Applies `edit` to the `items` schema of an array schema (created empty if missing).
pub fn with_items(schema: &mut Schema, edit: impl FnOnce(&mut Schema)) {
    let object = schema.ensure_object();
    let items = object
        .remove("items")
        .unwrap_or_else(|| Value::Object(Map::new()));
    let mut items = Schema::try_from(items).unwrap_or_default();
    edit(&mut items);
    object.insert("items".to_owned(), items.to_value());
}

/// Sets `key` to `value`.
pub fn set(schema: &mut Schema, key: &str, value: impl Into<Value>) {
    schema.ensure_object().insert(key.to_owned(), value.into());
}

/// Sets `description` when there is one.
pub fn describe(schema: &mut Schema, description: Option<&str>) {
    if let Some(description) = description {
        set(schema, "description", description);
    }
}

/// Appends to `examples`.
pub fn push_example(schema: &mut Schema, example: Value) {
    let object = schema.ensure_object();
    match object.get_mut("examples") {
        Some(Value::Array(examples)) => examples.push(example),
        _ => {
            object.insert("examples".to_owned(), Value::Array(vec![example]));
        }
    }
}

/// `minimum`/`maximum`.
pub fn range(schema: &mut Schema, min: Option<i64>, max: Option<i64>) {
    if let Some(min) = min {
        set(schema, "minimum", min);
    }
    if let Some(max) = max {
        set(schema, "maximum", max);
    }
}

/// `minItems`/`maxItems` on arrays, `minLength`/`maxLength` (code points) on strings.
pub fn length(schema: &mut Schema, min: Option<usize>, max: Option<usize>) {
    let is_array = schema.get("type").and_then(Value::as_str) == Some("array");
    let (min_key, max_key) = if is_array {
        ("minItems", "maxItems")
    } else {
        ("minLength", "maxLength")
    };
    if let Some(min) = min {
        set(schema, min_key, min);
    }
    if let Some(max) = max {
        set(schema, max_key, max);
    }
}

/// `pattern`; a second pattern on the same value goes into `allOf`, since a schema has one
/// `pattern` keyword.
pub fn pattern(schema: &mut Schema, pattern: &str) {
    let object = schema.ensure_object();
    if object.contains_key("pattern") {
        let all_of = object
            .entry("allOf")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(all_of) = all_of {
            all_of.push(json!({ "pattern": pattern }));
        }
    } else {
        object.insert("pattern".to_owned(), Value::from(pattern));
    }
}

/// Adds `name: schema` to `properties`, and to `required` when it must be present.
pub fn property(object: &mut Schema, name: &str, schema: Schema, required: bool) {
    let map = object.ensure_object();
    if let Value::Object(properties) = map
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()))
    {
        properties.insert(name.to_owned(), schema.to_value());
    }
    if required
        && let Value::Array(list) = map
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()))
    {
        list.push(Value::from(name));
    }
}

/// Serializes a `default` or `example` value.
pub fn to_value<T: serde::Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Names, in the type's description, the rules declared on it that JSON Schema cannot express,
/// so an editor user still learns of them.
pub fn note_validator_only<T: crate::validate::Validate>(schema: &mut Schema, type_name: &str) {
    let mut entries = Vec::new();
    T::describe_rules("", &mut entries);
    let notes: Vec<String> = entries
        .iter()
        .filter(|e| {
            e.declared_on == type_name
                && e.rule.schema == crate::validate::SchemaSupport::ValidatorOnly
        })
        .map(|e| {
            let at = if e.pointer.is_empty() {
                "(this object)"
            } else {
                e.pointer.as_str()
            };
            format!("- `{}` at `{}`: {}", e.rule.code, at, e.rule.description)
        })
        .collect();
    if notes.is_empty() {
        return;
    }
    let mut description = schema
        .get("description")
        .and_then(Value::as_str)
        .map(|d| format!("{d}\n\n"))
        .unwrap_or_default();
    description.push_str("Also checked by the qovery-model validator (validator only, JSON Schema cannot express these):\n");
    description.push_str(&notes.join("\n"));
    set(schema, "description", description);
}
