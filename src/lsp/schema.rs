//! What the exported JSON Schema ([`qovery_model::schema`], 2020-12) says about a member: its
//! description, type, bounds, default and allowed values, for hover and completion. The schema
//! is the one source: nothing here restates a bound or an enum.

use qovery_model::document::DocumentKind;
use qovery_model::schema::{Document, Draft, schema};
use serde_json::Value;
use std::sync::LazyLock;

static REQUEST: LazyLock<Value> = LazyLock::new(|| schema(Document::Request, Draft::Draft2020_12));
static RESPONSE: LazyLock<Value> =
    LazyLock::new(|| schema(Document::Response, Draft::Draft2020_12));

/// The exported schema of a document kind, built once.
pub fn root(kind: DocumentKind) -> &'static Value {
    match kind {
        DocumentKind::Response => &RESPONSE,
        _ => &REQUEST,
    }
}

/// `schema` with its `$ref`s followed and a nullable `anyOf` (`[X, null]`) reduced to `X`.
fn resolve<'s>(root: &'s Value, mut schema: &'s Value) -> &'s Value {
    // Bounded: a self-referencing `$ref` cannot loop.
    for _ in 0..16 {
        if let Some(name) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            && let Some(target) = root.get("$defs").and_then(|defs| defs.get(name))
        {
            schema = target;
            continue;
        }
        if let Some(branches) = schema.get("anyOf").and_then(Value::as_array) {
            let mut not_null = branches.iter().filter(|b| !is_null(b));
            if let (Some(only), None) = (not_null.next(), not_null.next()) {
                schema = only;
                continue;
            }
        }
        break;
    }
    schema
}

fn is_null(schema: &Value) -> bool {
    schema.get("type").and_then(Value::as_str) == Some("null")
}

/// The schema of the value at `tokens` (reference tokens from the root), if the schema
/// describes it.
pub fn at<'s>(root: &'s Value, tokens: &[String]) -> Option<&'s Value> {
    tokens.iter().try_fold(root, |schema, token| {
        let schema = resolve(root, schema);
        if let Some(property) = schema.get("properties").and_then(|p| p.get(token)) {
            return Some(property);
        }
        if let Some(items) = schema.get("items") {
            return Some(items);
        }
        schema
            .get("additionalProperties")
            .filter(|extra| extra.is_object())
    })
}

/// One member an object allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'s> {
    /// Its name.
    pub name: &'s str,
    /// Whether the object requires it.
    pub required: bool,
    /// Its schema, as written under `properties`.
    pub schema: &'s Value,
}

/// The members the object at `schema` allows, in the schema's order.
pub fn members<'s>(root: &'s Value, schema: &'s Value) -> Vec<Member<'s>> {
    let object = resolve(root, schema);
    let required: Vec<&str> = object
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    object
        .get("properties")
        .and_then(Value::as_object)
        .map(|properties| {
            properties
                .iter()
                .map(|(name, schema)| Member {
                    name,
                    required: required.contains(&name.as_str()),
                    schema,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The values a member may take when they are few: an `enum`'s, or `true` and `false`; `null`
/// last when the member is nullable.
pub fn allowed_values(root: &Value, schema: &Value) -> Vec<Value> {
    let resolved = resolve(root, schema);
    let mut values: Vec<Value> = match resolved.get("enum").and_then(Value::as_array) {
        Some(values) => values.iter().filter(|v| !v.is_null()).cloned().collect(),
        None if types(resolved).contains(&"boolean") => vec![Value::Bool(true), Value::Bool(false)],
        None => Vec::new(),
    };
    if !values.is_empty() && nullable(schema, resolved) {
        values.push(Value::Null);
    }
    values
}

fn types(schema: &Value) -> Vec<&str> {
    match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

fn nullable(written: &Value, resolved: &Value) -> bool {
    let anyof_null = written
        .get("anyOf")
        .and_then(Value::as_array)
        .is_some_and(|branches| branches.iter().any(is_null));
    anyof_null
        || types(resolved).contains(&"null")
        || resolved
            .get("enum")
            .and_then(Value::as_array)
            .is_some_and(|values| values.iter().any(Value::is_null))
}

/// One line saying the member's type, bounds and default: `` `integer` (int32) · 1 to 65535 ``.
pub fn summary(root: &Value, written: &Value, required: bool) -> String {
    let resolved = resolve(root, written);
    let mut kinds: Vec<&str> = types(resolved)
        .into_iter()
        .filter(|t| *t != "null")
        .collect();
    if kinds.is_empty() && resolved.get("enum").is_some() {
        kinds.push("string");
    }
    let mut parts = vec![if kinds.is_empty() {
        "any value".to_owned()
    } else {
        kinds
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ")
    }];
    if let Some(format) = resolved.get("format").and_then(Value::as_str) {
        parts[0].push_str(&format!(" ({format})"));
    }
    let bound = |low: &str, high: &str, unit: &str| -> Option<String> {
        let low = resolved.get(low).map(Value::to_string);
        let high = resolved.get(high).map(Value::to_string);
        match (low, high) {
            (Some(low), Some(high)) => Some(format!("{low} to {high}{unit}")),
            (Some(low), None) => Some(format!("at least {low}{unit}")),
            (None, Some(high)) => Some(format!("at most {high}{unit}")),
            (None, None) => None,
        }
    };
    parts.extend(bound("minimum", "maximum", ""));
    parts.extend(bound("minLength", "maxLength", " characters"));
    parts.extend(bound("minItems", "maxItems", " items"));
    if let Some(values) = resolved.get("enum").and_then(Value::as_array) {
        let values: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
        parts.push(format!("one of {}", values.join(", ")));
    }
    if let Some(pattern) = resolved.get("pattern").and_then(Value::as_str) {
        parts.push(format!("pattern `{pattern}`"));
    }
    if nullable(written, resolved) {
        parts.push("nullable".to_owned());
    }
    if let Some(default) = written.get("default").or_else(|| resolved.get("default")) {
        parts.push(format!("default `{default}`"));
    }
    parts.push(if required { "required" } else { "optional" }.to_owned());
    parts.join(" · ")
}

/// The member's description: the one written beside its `$ref`, else its type's.
pub fn description<'s>(root: &'s Value, written: &'s Value) -> Option<&'s str> {
    written
        .get("description")
        .or_else(|| resolve(root, written).get("description"))
        .and_then(Value::as_str)
}

#[cfg(test)]
mod tests {
    use super::{allowed_values, at, members, root, summary};
    use qovery_model::document::DocumentKind;
    use serde_json::json;

    fn tokens(path: &[&str]) -> Vec<String> {
        path.iter().map(|t| (*t).to_owned()).collect()
    }

    #[test]
    fn a_port_in_the_request() {
        let root = root(DocumentKind::Request);
        let port = at(root, &tokens(&["ports", "0"])).unwrap_or_else(|| panic!("no port"));
        let names: Vec<&str> = members(root, port).iter().map(|m| m.name).collect();
        assert!(
            names.starts_with(&["id", "name", "internal_port"]),
            "{names:?}"
        );
        let internal = at(root, &tokens(&["ports", "0", "internal_port"]))
            .unwrap_or_else(|| panic!("no internal_port"));
        assert_eq!(
            summary(root, internal, true),
            "`integer` (int32) · 1 to 65535 · required"
        );
        let protocol =
            at(root, &tokens(&["ports", "3", "protocol"])).unwrap_or_else(|| panic!("no protocol"));
        assert_eq!(
            allowed_values(root, protocol),
            [json!("HTTP"), json!("GRPC"), json!("TCP"), json!("UDP")]
        );
        let auto_deploy =
            at(root, &tokens(&["auto_deploy"])).unwrap_or_else(|| panic!("no auto_deploy"));
        assert_eq!(
            allowed_values(root, auto_deploy),
            [json!(true), json!(false), json!(null)]
        );
        assert_eq!(at(root, &tokens(&["nope"])), None);
    }
}
