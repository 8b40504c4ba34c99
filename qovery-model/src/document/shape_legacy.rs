//! The structural walk as it was before the compiled shape: it interprets the exported schema
//! as a `serde_json::Value` on every call. Kept for tests only, as the reference the compiled
//! walk is compared with (same repaired values, diagnostics, spans and poisoned pointers).

use super::{
    Allowed, Fill, Found, Slot, Walked, allowed, article, closest, codes, filled_placeholder,
    integral_hint,
};
use crate::document::tree::{Member, Node, NumberKind, Span, Value};
use crate::rules::clip;
use crate::validate::keyword::show;
use crate::validate::path::push_escaped;
use crate::validate::{Diagnostic, Severity, format::is_uuid};
use serde_json::{Map, Value as Json};

pub fn walk(root: &Node, schema: &Json, strict: bool) -> Walked {
    walk_filled(root, schema, strict, Fill::Minimal)
}

/// The repaired value of [`walk`] with every removed or replaced member filled with *other*
/// placeholders ([`Fill::Alternate`]).
///
/// Fix (issue 5, document table): a cross-field rule reads members that the walk removed or
/// replaced, and then reports, at a pointer that is not poisoned, a finding about the
/// placeholder (a port with `internal_port: "80"` became port 0, so a probe on port 80 was
/// "not among the declared ports (0)"). The checker validates this second repair too and keeps
/// a typed diagnostic only when it is reproduced exactly (pointer, code, severity, message,
/// help): a finding that changes when only the placeholders change depends on them.
pub fn walk_alternate(root: &Node, schema: &Json) -> Json {
    walk_filled(root, schema, false, Fill::Alternate).value
}

fn walk_filled(root: &Node, schema: &Json, strict: bool, fill: Fill) -> Walked {
    let empty = Map::new();
    let defs = schema
        .get("$defs")
        .and_then(Json::as_object)
        .unwrap_or(&empty);
    let mut walker = Walker {
        defs,
        strict,
        fill,
        found: Vec::new(),
        poisoned: Vec::new(),
    };
    let mut pointer = String::new();
    let value = match walker.node(root, schema, &mut pointer, Slot::Root) {
        Some(value) => value,
        None => {
            // Fix (issue 5, malformed documents): a root that is not an object (`1e400`, a
            // string, a YAML sequence, `---` alone) was replaced by a placeholder without being
            // poisoned, so the typed rules reported the placeholder's blank `name`, `tag`...
            // under the `type` error. The whole document is the broken value.
            walker.poisoned.push(String::new());
            filled_placeholder(schema, defs, 0, fill)
        }
    };
    Walked {
        value,
        found: walker.found,
        poisoned: walker.poisoned,
        patches: Vec::new(),
    }
}

struct Walker<'s> {
    defs: &'s Map<String, Json>,
    strict: bool,
    fill: Fill,
    found: Vec<Found>,
    poisoned: Vec<String>,
}

impl<'s> Walker<'s> {
    /// Checks `node`; `None` when it is broken (the caller removes or replaces it).
    fn node(
        &mut self,
        node: &Node,
        schema: &'s Json,
        pointer: &mut String,
        slot: Slot,
    ) -> Option<Json> {
        let allowed = allowed(schema, self.defs);
        if node.value.is_null() {
            if allowed.nullable || allowed.types.is_empty() {
                return Some(Json::Null);
            }
            self.type_error(node, &allowed, pointer, slot);
            return None;
        }
        let Some(kind) = matching_type(node, &allowed.types) else {
            self.type_error(node, &allowed, pointer, slot);
            return None;
        };
        match (kind, &node.value) {
            ("object", Value::Object(members)) => {
                self.object(node, members, allowed.schema, pointer, slot == Slot::Root)
            }
            ("array", Value::Array(items)) => self.array(items, allowed.schema, pointer),
            ("integer", Value::Number(number)) => {
                self.integer(node, number.kind(), number.text(), allowed.schema, pointer)
            }
            ("string", Value::String(text)) => {
                let wants_uuid =
                    allowed.schema.get("format").and_then(Json::as_str) == Some("uuid");
                if wants_uuid && !is_uuid(text) {
                    self.push(
                        node.span,
                        pointer,
                        codes::FORMAT,
                        Severity::Error,
                        format!(
                            "{} is not a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a",
                            show(text)
                        ),
                        None,
                    );
                    return None;
                }
                Some(Json::String(text.clone()))
            }
            _ => Some(free_form(node, self, pointer)),
        }
    }

    fn object(
        &mut self,
        node: &Node,
        members: &[Member],
        schema: &'s Json,
        pointer: &mut String,
        root: bool,
    ) -> Option<Json> {
        let properties = schema.get("properties").and_then(Json::as_object);
        let Some(properties) = properties else {
            // A free-form object (`config_json`): any members.
            return Some(free_form(node, self, pointer));
        };
        let overridden = self.duplicates(members, pointer);
        let required = schema.get("required").and_then(Json::as_array);
        let is_required = |key: &str| {
            required
                .into_iter()
                .flatten()
                .any(|name| name.as_str() == Some(key))
        };
        let mut out = Map::new();
        let base = pointer.len();
        for (index, member) in members.iter().enumerate() {
            pointer.push('/');
            push_escaped(pointer, &member.key);
            let poisoned_before = self.poisoned.len();
            match properties.get(&member.key) {
                Some(property) => {
                    let slot = if is_required(&member.key) {
                        Slot::Required
                    } else {
                        Slot::Optional
                    };
                    let value = self.node(&member.value, property, pointer, slot);
                    // Fix (issue 5, document table): a broken occurrence of a repeated key that
                    // a later one overrides (`"cpu": "x", "cpu": 5`) poisoned the pointer, so the
                    // rules never checked the value that is kept (5). An overridden occurrence
                    // is still walked (its problems are reported) but neither repairs nor
                    // poisons: the last occurrence decides, as in most parsers.
                    if overridden.binary_search(&index).is_ok() {
                        self.poisoned.truncate(poisoned_before);
                        pointer.truncate(base);
                        continue;
                    }
                    match value {
                        Some(value) => {
                            out.insert(member.key.clone(), value);
                        }
                        None => {
                            self.poisoned.push(pointer.clone());
                            match self.fill {
                                Fill::Minimal => {
                                    out.remove(&member.key);
                                }
                                Fill::Alternate => {
                                    let value =
                                        filled_placeholder(property, self.defs, 0, self.fill);
                                    out.insert(member.key.clone(), value);
                                }
                            }
                        }
                    }
                }
                None if root && member.key == "$schema" => {}
                None => self.unknown(member, properties, pointer),
            }
            pointer.truncate(base);
        }
        for name in required.into_iter().flatten().filter_map(Json::as_str) {
            if out.contains_key(name) {
                continue;
            }
            pointer.push('/');
            push_escaped(pointer, name);
            // Fix (hostile input): this was a scan of every poisoned pointer of the document, once
            // per missing member: quadratic. A member of this object that is not in `out` was
            // removed as broken, and poisoned then.
            let poisoned_here = members.iter().any(|m| m.key == name);
            if !poisoned_here {
                self.push(
                    Span::new(node.span.start, node.span.start + 1),
                    pointer,
                    codes::REQUIRED,
                    Severity::Error,
                    format!("the required member `{name}` is missing"),
                    None,
                );
                self.poisoned.push(pointer.clone());
            }
            if let Some(property) = properties.get(name) {
                out.insert(
                    name.to_owned(),
                    filled_placeholder(property, self.defs, 0, self.fill),
                );
            }
            pointer.truncate(base);
        }
        Some(Json::Object(out))
    }

    fn array(&mut self, items: &[Node], schema: &'s Json, pointer: &mut String) -> Option<Json> {
        let item_schema = schema.get("items").unwrap_or(&Json::Bool(true));
        let base = pointer.len();
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            pointer.push('/');
            pointer.push_str(&index.to_string());
            match self.node(item, item_schema, pointer, Slot::Item) {
                Some(value) => out.push(value),
                None => {
                    self.poisoned.push(pointer.clone());
                    out.push(filled_placeholder(item_schema, self.defs, 0, self.fill));
                }
            }
            pointer.truncate(base);
        }
        Some(Json::Array(out))
    }

    fn integer(
        &mut self,
        node: &Node,
        kind: NumberKind,
        text: &str,
        schema: &Json,
        pointer: &str,
    ) -> Option<Json> {
        let int32 = schema.get("format").and_then(Json::as_str) == Some("int32");
        match kind {
            NumberKind::Integer(value) if !int32 || i32::try_from(value).is_ok() => {
                Some(Json::from(value))
            }
            NumberKind::Integer(_) | NumberKind::IntegerOutOfRange => {
                self.push(
                    node.span,
                    pointer,
                    codes::TYPE,
                    Severity::Error,
                    format!("{} does not fit in a 32-bit integer (-2147483648 to 2147483647), the integer type of Qovery's API", clip(text)),
                    None,
                );
                None
            }
            NumberKind::Float(_) | NumberKind::FloatOutOfRange => {
                self.push(
                    node.span,
                    pointer,
                    codes::TYPE,
                    Severity::Error,
                    format!("expected an integer, found the number {}", clip(text)),
                    Some(format!(
                        "write it without a fraction or exponent{}",
                        integral_hint(text, kind)
                    )),
                );
                None
            }
        }
    }

    /// Reports each repeated key (at its second and later occurrences) and returns the indexes
    /// of the occurrences that a later one overrides, sorted.
    fn duplicates(&mut self, members: &[Member], pointer: &str) -> Vec<usize> {
        let mut overridden = Vec::new();
        if members.len() < 2 {
            return overridden;
        }
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|a, b| members[*a].key.cmp(&members[*b].key).then(a.cmp(b)));
        for pair in order.windows(2) {
            let (first, second) = (&members[pair[0]], &members[pair[1]]);
            if first.key == second.key {
                overridden.push(pair[0]);
                let mut at = pointer.to_owned();
                at.push('/');
                push_escaped(&mut at, &second.key);
                self.push(
                    second.key_span,
                    &at,
                    codes::DUPLICATE_KEY,
                    Severity::Error,
                    format!(
                        "duplicate key `{}`: most parsers keep only the last value, hiding the earlier one",
                        clip(&second.key)
                    ),
                    Some("remove one of the two members".to_owned()),
                );
            }
        }
        overridden.sort_unstable();
        overridden
    }

    fn unknown(&mut self, member: &Member, properties: &Map<String, Json>, pointer: &str) {
        let suggestion = closest(&member.key, properties.keys().map(String::as_str));
        let severity = if self.strict {
            Severity::Error
        } else {
            Severity::Warning
        };
        let help = suggestion.map(|s| format!("did you mean `{s}`?"));
        self.push(
            member.key_span,
            pointer,
            codes::UNKNOWN_MEMBER,
            severity,
            format!(
                "unknown member `{}`: the spec defines no such member here, so Qovery ignores it",
                clip(&member.key)
            ),
            help,
        );
    }

    fn type_error(&mut self, node: &Node, allowed: &Allowed<'_>, pointer: &str, slot: Slot) {
        let mut expected: Vec<&str> = allowed.types.iter().map(|t| article(t)).collect();
        let expected_value = expected.join(" or ");
        if allowed.nullable {
            expected.push("null");
        }
        let found = match &node.value {
            Value::Null => "null".to_owned(),
            Value::Bool(b) => format!("the boolean {b}"),
            Value::Number(n) => format!("the number {}", clip(n.text())),
            Value::String(s) => format!("the string {}", show(s)),
            Value::Array(_) => "an array".to_owned(),
            Value::Object(_) => "an object".to_owned(),
        };
        let help = match (&node.value, allowed.types.first().copied()) {
            (Value::String(s), Some("integer")) if s.trim().parse::<i64>().is_ok() => {
                Some(format!("remove the quotes: {}", s.trim()))
            }
            // `tag: 1.27` in YAML, `"tag": 1.27` in JSON: a string that reads as a number.
            (Value::Number(n), Some("string")) => Some(format!("quote it: \"{}\"", n.text())),
            (Value::Bool(b), Some("string")) => Some(format!("quote it: \"{b}\"")),
            (Value::String(s), Some("boolean")) => super::boolean_help(s),
            // Fix (issue 5, document table): omitting is only a fix for an optional member; a
            // required member (`"name": null`) was told to be omitted, which makes it missing.
            (Value::Null, _) => match slot {
                Slot::Optional => Some("omit the member instead of setting it to null".to_owned()),
                Slot::Required => Some(format!(
                    "the member is required: replace null with {expected_value}"
                )),
                Slot::Item => Some(format!(
                    "replace null with {expected_value}, or remove the item"
                )),
                Slot::Root => None,
            },
            _ => None,
        };
        self.push(
            node.span,
            pointer,
            codes::TYPE,
            Severity::Error,
            format!("expected {}, found {found}", expected.join(" or ")),
            help,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        span: Span,
        pointer: &str,
        code: &'static str,
        severity: Severity,
        message: String,
        help: Option<String>,
    ) {
        let mut diagnostic = Diagnostic::new(pointer, code, severity, message);
        // Fix (hostile input): through `with_help`, which bounds a help (`quote it: "<a 1 MB
        // number>"`).
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        }
        self.found.push(Found { diagnostic, span });
    }
}

/// Converts a free-form value (config_json and the like), still reporting duplicate keys.
fn free_form(node: &Node, walker: &mut Walker<'_>, pointer: &mut String) -> Json {
    match &node.value {
        Value::Object(members) => {
            let _overridden = walker.duplicates(members, pointer);
            let base = pointer.len();
            let mut out = Map::new();
            for member in members {
                pointer.push('/');
                push_escaped(pointer, &member.key);
                out.insert(
                    member.key.clone(),
                    free_form(&member.value, walker, pointer),
                );
                pointer.truncate(base);
            }
            Json::Object(out)
        }
        Value::Array(items) => {
            let base = pointer.len();
            let out = items
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                    let value = free_form(item, walker, pointer);
                    pointer.truncate(base);
                    value
                })
                .collect();
            Json::Array(out)
        }
        _ => node.to_json_value(),
    }
}

/// The JSON type of `node` among `types` (`integer` for integer literals, `number` for any).
fn matching_type<'t>(node: &Node, types: &[&'t str]) -> Option<&'t str> {
    if types.is_empty() {
        return Some("any");
    }
    types.iter().copied().find(|ty| match (*ty, &node.value) {
        ("object", Value::Object(_))
        | ("array", Value::Array(_))
        | ("string", Value::String(_)) => true,
        ("boolean", Value::Bool(_)) | ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => {
            n.is_integer_literal()
                || matches!(n.kind(), NumberKind::Float(_) | NumberKind::FloatOutOfRange)
        }
        _ => false,
    })
}
