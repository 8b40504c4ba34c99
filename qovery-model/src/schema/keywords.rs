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

/// `{"type": "integer"}` with `format` and the bounds of the Rust integer type: a value outside
/// them does not deserialize, so the schema rejects it too. A `range` rule declared on the field
/// then narrows `minimum`/`maximum` (it is applied after).
pub fn integer_in(format: Option<&str>, min: Option<i64>, max: Option<i64>) -> Schema {
    let mut schema = integer(format);
    range(&mut schema, min, max);
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
            // A lone `anyOf` (an open enumeration) takes `null` as one more member.
            let mut schema = schema;
            if let Some(object) = schema.as_object_mut()
                && object.len() == 1
                && let Some(Value::Array(members)) = object.get_mut("anyOf")
            {
                members.push(json!({"type": "null"}));
                return schema;
            }
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

/// A `known` rule of severity `warning`: `anyOf: [schema, {"type": "string"}]`, so the known
/// values are listed (editors offer them) and any other string is accepted, as the validator
/// only warns about a value newer than this crate.
pub fn open_enum(schema: &mut Schema) {
    let known = std::mem::take(schema).to_value();
    let mut open = Schema::from(Map::new());
    set(&mut open, "anyOf", json!([known, { "type": "string" }]));
    *schema = open;
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

/// The characters `str::trim` removes (Unicode `White_Space`), as inclusive ranges, plus U+FEFF
/// (ZERO WIDTH NO-BREAK SPACE), which ECMA-262's `\s` counts as white space and Rust does not.
pub const BLANK_RANGES: &[(char, char)] = &[
    ('\t', '\r'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
    ('\u{feff}', '\u{feff}'),
];

/// [`BLANK_RANGES`] negated, as an ECMA-262 (and Rust `regex`) character class: a string
/// matches when it holds one character that is not white space in either dialect.
pub const NOT_BLANK_CLASS: &str =
    "[^\\t-\\r \\x85\\xA0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

/// `not_blank`: `pattern: "\S"`, plus the explicit class [`NOT_BLANK_CLASS`] in `allOf`.
///
/// `\S` alone does not mean what the validator checks (`str::trim`): ECMA-262's `\s` leaves out
/// U+0085 (NEXT LINE), which Rust trims, so `"\u{85}"` passed the schema and failed the
/// validator. The class lists the characters exactly.
pub fn not_blank(schema: &mut Schema) {
    pattern(schema, r"\S");
    pattern(schema, NOT_BLANK_CLASS);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blank_class_is_rust_white_space_and_the_bom() {
        for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
            let listed = BLANK_RANGES.iter().any(|&(lo, hi)| lo <= c && c <= hi);
            assert_eq!(
                listed,
                c.is_whitespace() || c == '\u{feff}',
                "U+{:04X}",
                u32::from(c)
            );
        }
        let class = regex::Regex::new(NOT_BLANK_CLASS).map_err(|e| e.to_string());
        let Ok(class) = class else {
            panic!("{class:?}");
        };
        for (text, not_blank) in [
            ("", false),
            (" \t\n\u{85}\u{a0}\u{3000}\u{feff}", false),
            ("\u{200b}", true),
            (" x ", true),
        ] {
            assert_eq!(class.is_match(text), not_blank, "{text:?}");
        }
    }

    #[test]
    fn not_blank_keeps_the_short_pattern_and_adds_the_class() {
        let mut schema = primitive("string");
        not_blank(&mut schema);
        assert_eq!(schema.get("pattern"), Some(&Value::from(r"\S")));
        assert_eq!(
            schema.get("allOf"),
            Some(&json!([{ "pattern": NOT_BLANK_CLASS }]))
        );
    }
}
