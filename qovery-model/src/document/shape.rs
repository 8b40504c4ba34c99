//! The structural walk: the document tree against the shape of the model, read from the model's
//! own exported JSON Schema (so the shape is never written twice).
//!
//! The walk checks only what decides whether the document can become a typed value: JSON types,
//! `null` where the spec does not allow it, integers that fit `i32`, required members, unknown
//! members and duplicate keys, and the `uuid` format of members typed as UUIDs. Every value rule
//! (ranges, patterns, cross-field rules) is left to the typed validator, which runs next on the
//! *repaired* value the walk builds: the document with each broken member removed (when it is
//! optional) or replaced by a placeholder (when it is required), and the pointers of those
//! members "poisoned", so the typed validator's findings about placeholders are dropped.

use super::tree::{Member, Node, NumberKind, Span, Value};
// Fix (hostile input): keys and number texts quoted in messages are clipped to 60 characters
// (a 1 MB key or number made a 1 MB message).
use crate::rules::clip;
use crate::validate::keyword::show;
use crate::validate::path::push_escaped;
use crate::validate::{Diagnostic, Severity, format::is_uuid};
use serde_json::{Map, Value as Json};

/// Structural codes: stable, listed in the rule catalogue.
pub mod codes {
    /// A JSON type that the member cannot have, or a number that does not fit.
    pub const TYPE: &str = "type";
    /// A required member is missing.
    pub const REQUIRED: &str = "required";
    /// A member the spec does not define.
    pub const UNKNOWN_MEMBER: &str = "unknown_member";
    /// The same key twice in one object.
    pub const DUPLICATE_KEY: &str = "duplicate_key";
    /// A string that is not in the format its member requires.
    pub const FORMAT: &str = "format";
}

/// A structural diagnostic with the bytes it is located at: the value for a value
/// problem, the key for an unknown or duplicate member, the opening of the enclosing object for
/// a missing member.
pub struct Found {
    pub diagnostic: Diagnostic,
    pub span: Span,
}

/// What the walk produces.
pub struct Walked {
    /// The repaired value, ready for typed deserialization.
    pub value: Json,
    /// The structural problems.
    pub found: Vec<Found>,
    /// Pointers of members that were removed or replaced.
    pub poisoned: Vec<String>,
}

/// Walks `root` against the root `schema` (a schemars 2020-12 root with `$defs`).
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

/// How the walk fills what it removes or replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fill {
    /// Broken optional members are removed; broken required members and items get the smallest
    /// value of their type (0, false, "", the first enum value, [], null when nullable).
    Minimal,
    /// Every broken member or item, optional or not, gets a value as different as possible
    /// from the minimal one (i32::MAX, true, a non-empty string, the last enum value, one item).
    Alternate,
}

/// Where a value sits in its parent, for the help of a `null` that is not allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Root,
    Required,
    Optional,
    Item,
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
    }
}

struct Walker<'s> {
    defs: &'s Map<String, Json>,
    strict: bool,
    fill: Fill,
    found: Vec<Found>,
    poisoned: Vec<String>,
}

/// The types a schema allows, and whether it allows `null`.
struct Allowed<'s> {
    types: Vec<&'s str>,
    nullable: bool,
    /// The schema to descend into for a non-null value.
    schema: &'s Json,
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

fn article(ty: &str) -> &str {
    match ty {
        "object" => "an object",
        "array" => "an array",
        "integer" => "an integer",
        "string" => "a string",
        "boolean" => "a boolean",
        "number" => "a number",
        other => other,
    }
}

fn integral_hint(text: &str, kind: NumberKind) -> String {
    match kind {
        NumberKind::Float(value) if value.fract() == 0.0 && value.abs() < 2_147_483_648.0 => {
            format!(": {value:.0} instead of {}", clip(text))
        }
        _ => String::new(),
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

/// Resolves `$ref`, `anyOf: [X, {type: null}]` and `type: [t, "null"]`.
fn allowed<'s>(schema: &'s Json, defs: &'s Map<String, Json>) -> Allowed<'s> {
    let schema = resolve(schema, defs);
    if let Some(any_of) = schema.get("anyOf").and_then(Json::as_array) {
        let mut nullable = false;
        let mut inner = None;
        for branch in any_of {
            let branch = resolve(branch, defs);
            if branch.get("type").and_then(Json::as_str) == Some("null") {
                nullable = true;
            } else {
                inner = Some(branch);
            }
        }
        if let Some(inner) = inner {
            let mut allowed = allowed(inner, defs);
            allowed.nullable |= nullable;
            return allowed;
        }
    }
    let (types, nullable) = match schema.get("type") {
        Some(Json::String(ty)) => (vec![ty.as_str()], false),
        Some(Json::Array(list)) => {
            let names: Vec<&str> = list.iter().filter_map(Json::as_str).collect();
            let nullable = names.contains(&"null");
            (
                names.into_iter().filter(|t| *t != "null").collect(),
                nullable,
            )
        }
        _ => (Vec::new(), true),
    };
    Allowed {
        types,
        nullable,
        schema,
    }
}

fn resolve<'s>(schema: &'s Json, defs: &'s Map<String, Json>) -> &'s Json {
    let mut schema = schema;
    for _ in 0..16 {
        match schema
            .get("$ref")
            .and_then(Json::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        {
            Some(name) => match defs.get(name) {
                Some(target) => schema = target,
                None => break,
            },
            None => break,
        }
    }
    schema
}

/// The smallest value of the right shape, standing in for a broken or missing required member.
fn placeholder(schema: &Json, defs: &Map<String, Json>, depth: usize) -> Json {
    filled_placeholder(schema, defs, depth, Fill::Minimal)
}

/// A value of the right shape standing in for a broken or missing member: the smallest one
/// ([`Fill::Minimal`]), or one as different from it as possible ([`Fill::Alternate`]).
fn filled_placeholder(schema: &Json, defs: &Map<String, Json>, depth: usize, fill: Fill) -> Json {
    let allowed = allowed(schema, defs);
    if depth > 32 {
        return Json::Null;
    }
    let alternate = fill == Fill::Alternate;
    match allowed.types.first().copied() {
        None => Json::Null,
        Some(_) if allowed.nullable && !alternate => Json::Null,
        Some("object") => {
            let mut out = Map::new();
            let properties = allowed.schema.get("properties").and_then(Json::as_object);
            let required = allowed.schema.get("required").and_then(Json::as_array);
            for name in required.into_iter().flatten().filter_map(Json::as_str) {
                if let Some(property) = properties.and_then(|p| p.get(name)) {
                    out.insert(
                        name.to_owned(),
                        filled_placeholder(property, defs, depth + 1, fill),
                    );
                }
            }
            Json::Object(out)
        }
        Some("array") if alternate => match allowed.schema.get("items") {
            Some(items) => Json::Array(vec![filled_placeholder(items, defs, depth + 1, fill)]),
            None => Json::Array(Vec::new()),
        },
        Some("array") => Json::Array(Vec::new()),
        Some("integer" | "number") if alternate => Json::from(i32::MAX),
        Some("integer" | "number") => Json::from(0),
        Some("boolean") => Json::Bool(alternate),
        Some("string") => {
            let choices = allowed.schema.get("enum").and_then(Json::as_array);
            if allowed.schema.get("format").and_then(Json::as_str) == Some("uuid") {
                Json::from(if alternate {
                    "ffffffff-ffff-ffff-ffff-ffffffffffff"
                } else {
                    "00000000-0000-0000-0000-000000000000"
                })
            } else if let Some(choice) =
                choices.and_then(|e| if alternate { e.last() } else { e.first() })
            {
                choice.clone()
            } else {
                Json::from(if alternate { "placeholder" } else { "" })
            }
        }
        Some(_) => Json::Null,
    }
}

/// Cuts the root `schema` down to what deserialization needs, as told by `fits` (whether a
/// document deserializes into the model type): the `required` lists, and the `uuid` formats.
///
/// Two fixes found by fuzzing (`validate_typed`, the typed/document differential): a rule
/// (`Rule::schema`) or a `format` attribute may put in the schema what is only a rule of the
/// typed validator, on a field that deserializes without it:
/// - `probe_kind` adds a probe's `type` (an `Option`) to `required`;
/// - a request's `registry_id` is a `String` with `format: uuid`.
///
/// The walk treated them as structural: it reported `required` instead of `probe_kind`, and for
/// a `registry_id` that is not a UUID it replaced the value with a placeholder UUID, so the
/// `image_name` rules looked up the registry kind of the placeholder instead of the document's
/// `registry_id`. Either way the checker and `validate_with` disagreed. Cut from the walk's copy
/// of the schema (the exported schemas keep them), these are left to the typed validator, which
/// reports them with the same codes.
///
/// How: a sample document where every member is present is built from the schema; each
/// required member of each object in it is removed in turn, and each `uuid` string replaced by
/// a non-UUID, and kept as structural only if the sample then no longer deserializes. Runs once
/// per document kind. When the full sample itself does not deserialize, `schema` is left as it is.
pub fn keep_structural(schema: &mut Json, fits: impl Fn(Json) -> bool) {
    let empty = Map::new();
    let defs = schema
        .get("$defs")
        .and_then(Json::as_object)
        .unwrap_or(&empty);
    let mut found = Sampled::default();
    let sample = sample(
        schema,
        String::new(),
        defs,
        &mut String::new(),
        &mut found,
        0,
    );
    if !fits(sample.clone()) {
        return;
    }
    let mut optional: Vec<(String, String)> = Vec::new();
    for (at, location, required) in found.objects {
        for name in required {
            let mut trial = sample.clone();
            if let Some(Json::Object(members)) = trial.pointer_mut(&at) {
                members.remove(&name);
            }
            if fits(trial) && !optional.contains(&(location.clone(), name.clone())) {
                optional.push((location.clone(), name));
            }
        }
    }
    let mut free_strings: Vec<String> = Vec::new();
    for (at, location) in found.uuids {
        let mut trial = sample.clone();
        if let Some(value) = trial.pointer_mut(&at) {
            *value = Json::from("not a UUID");
        }
        if fits(trial) && !free_strings.contains(&location) {
            free_strings.push(location);
        }
    }
    for (location, name) in optional {
        if let Some(Json::Array(required)) = schema
            .pointer_mut(&location)
            .and_then(|s| s.get_mut("required"))
        {
            required.retain(|r| r.as_str() != Some(name.as_str()));
        }
    }
    for location in free_strings {
        if let Some(Json::Object(string)) = schema.pointer_mut(&location) {
            string.remove("format");
        }
    }
}

/// What [`sample`] saw: each object built (its pointer in the sample, its schema's location,
/// its `required` names) and each `uuid` string (its pointer, its schema's location).
#[derive(Default)]
struct Sampled {
    objects: Vec<(String, String, Vec<String>)>,
    uuids: Vec<(String, String)>,
}

/// The schema under `$ref`s and nullable `anyOf`s, with its location (a JSON Pointer into the
/// root schema).
fn located<'s>(
    schema: &'s Json,
    location: String,
    defs: &'s Map<String, Json>,
    depth: usize,
) -> (&'s Json, String) {
    if depth > 16 {
        return (schema, location);
    }
    if let Some(name) = schema
        .get("$ref")
        .and_then(Json::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        && let Some(target) = defs.get(name)
    {
        let mut location = "/$defs/".to_owned();
        push_escaped(&mut location, name);
        return located(target, location, defs, depth + 1);
    }
    if let Some(any_of) = schema.get("anyOf").and_then(Json::as_array) {
        for (index, branch) in any_of.iter().enumerate() {
            if resolve(branch, defs).get("type").and_then(Json::as_str) != Some("null") {
                return located(branch, format!("{location}/anyOf/{index}"), defs, depth + 1);
            }
        }
    }
    (schema, location)
}

/// A sample value of `schema` for [`keep_structural`], with every member present.
fn sample(
    schema: &Json,
    location: String,
    defs: &Map<String, Json>,
    pointer: &mut String,
    found: &mut Sampled,
    depth: usize,
) -> Json {
    let (schema, location) = located(schema, location, defs, 0);
    if depth > 32 {
        return Json::Null;
    }
    let kind = allowed(schema, defs).types.first().copied();
    match kind {
        Some("object") => {
            let Some(properties) = schema.get("properties").and_then(Json::as_object) else {
                return Json::Object(Map::new());
            };
            let required: Vec<String> = schema
                .get("required")
                .and_then(Json::as_array)
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str().map(str::to_owned))
                .collect();
            let mut out = Map::new();
            let base = pointer.len();
            for (name, property) in properties {
                pointer.push('/');
                push_escaped(pointer, name);
                let mut at = location.clone();
                at.push_str("/properties/");
                push_escaped(&mut at, name);
                out.insert(
                    name.clone(),
                    sample(property, at, defs, pointer, found, depth + 1),
                );
                pointer.truncate(base);
            }
            found.objects.push((pointer.clone(), location, required));
            Json::Object(out)
        }
        Some("array") => match schema.get("items") {
            Some(items) => {
                let base = pointer.len();
                pointer.push_str("/0");
                let item = sample(
                    items,
                    format!("{location}/items"),
                    defs,
                    pointer,
                    found,
                    depth + 1,
                );
                pointer.truncate(base);
                Json::Array(vec![item])
            }
            None => Json::Array(Vec::new()),
        },
        Some("string") if schema.get("format").and_then(Json::as_str) == Some("uuid") => {
            found.uuids.push((pointer.clone(), location));
            placeholder(schema, defs, 0)
        }
        _ => placeholder(schema, defs, 0),
    }
}

/// The candidate closest to `key`, if close enough to be a typo.
pub fn closest<'a>(key: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let key_lower = key.to_lowercase();
    // Fix (issue 5, document table): a key of one or two characters was "close" to any member
    // of three (`a` -> did you mean `tag`?): a suggestion must keep at least one character of
    // the key, so the distance is also below the key's length.
    let key_len = key_lower.chars().count();
    candidates
        // Fix (hostile input): the edit distance is at least the difference of the lengths, so
        // a key much longer than a member name is not compared with it (a 1 MB key took seconds).
        .filter(|candidate| key_len <= candidate.chars().count() + 2.max(candidate.len() / 4))
        .map(|candidate| (edit_distance(&key_lower, candidate), candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.len() / 4) && *distance < key_len
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = Vec::with_capacity(b.len() + 1);
        current.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}
