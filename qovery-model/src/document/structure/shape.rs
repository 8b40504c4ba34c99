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

use crate::document::tree::{Member, Node, NumberKind, Span, Value};
// Keys and number texts quoted in messages are clipped to 60 characters: a message stays short
// whatever the size of the key or number it quotes.
use crate::validate::path::push_escaped;
use crate::validate::quote::{clip, show};
use crate::validate::{Change, Diagnostic, Repair, Scalar, Severity, format::is_uuid};
use serde_json::{Map, Value as Json};

/// Structural codes: stable, listed in the rule catalogue.
pub mod codes {
    pub use crate::validate::codes::{DUPLICATE_KEY, FORMAT, REQUIRED, TYPE, UNKNOWN_MEMBER};
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
    /// For each of `poisoned`, the site whose placeholder the member has (or would have, when
    /// removed) in the repaired value, if any: what [`alternate_in_place`] puts there.
    pub patches: Vec<Option<usize>>,
}

/// Walks `root` against the compiled root `shape`.
pub fn walk(root: &Node, shape: &Shape, strict: bool) -> Walked {
    walk_filled(root, shape, strict, Fill::Minimal)
}

/// The repaired value of [`walk`] with every removed or replaced member filled with *other*
/// placeholders ([`Fill::Alternate`]).
///
/// A cross-field rule can read members that the walk removed or replaced, and then report, at a
/// pointer that is not poisoned, a finding about the placeholder (a port with
/// `internal_port: "80"` repaired to port 0 would make a probe on port 80 "not among the declared
/// ports (0)"). The checker validates this second repair too and keeps
/// a typed diagnostic only when it is reproduced exactly (pointer, code, severity, message,
/// help): a finding that changes when only the placeholders change depends on them.
///
/// Only the value is built: no diagnostic, pointer or poisoned list (they are those of
/// [`walk`]).
pub fn walk_alternate(root: &Node, shape: &Shape) -> Json {
    walk_filled(root, shape, false, Fill::Alternate).value
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

fn walk_filled(root: &Node, shape: &Shape, strict: bool, fill: Fill) -> Walked {
    let mut walker = Walker {
        shape,
        strict,
        fill,
        report: fill == Fill::Minimal,
        found: Vec::new(),
        poisoned: Vec::new(),
        patches: Vec::new(),
        scratch: Vec::new(),
    };
    let mut pointer = String::new();
    let value = match walker.node(root, shape.root, &mut pointer, Slot::Root) {
        Some(value) => value,
        None => {
            // A root that is not an object (`1e400`, a string, a YAML sequence, `---` alone)
            // is replaced by a placeholder and poisoned: the whole document is the broken value,
            // so the typed rules report nothing about the placeholder's blank `name`, `tag`...
            if walker.report {
                walker.poison(String::new(), Some(shape.root));
            }
            shape.placeholder(shape.root, fill)
        }
    };
    Walked {
        value,
        found: walker.found,
        poisoned: walker.poisoned,
        patches: walker.patches,
    }
}

/// Turns the repaired value of [`walk`] into the one of [`walk_alternate`]: the placeholder of
/// each removed or replaced member becomes the alternate one (a removed optional member is
/// inserted). The members are the same, with the same values; only the order of the members
/// of an object may differ (a member inserted here comes last), which typed deserialization
/// does not see. `false` (with `value` partly changed) if a pointer cannot be followed.
pub fn alternate_in_place(
    value: &mut Json,
    walked: (&[String], &[Option<usize>]),
    shape: &Shape,
) -> bool {
    let (poisoned, patches) = walked;
    if poisoned.len() != patches.len() {
        return false;
    }
    for (pointer, site) in poisoned.iter().zip(patches) {
        let Some(site) = *site else {
            continue;
        };
        let placeholder = shape.placeholder(site, Fill::Alternate);
        let Some((parent, token)) = pointer.rsplit_once('/') else {
            // The root.
            *value = placeholder;
            continue;
        };
        let key = token.replace("~1", "/").replace("~0", "~");
        match value.pointer_mut(parent) {
            Some(Json::Object(members)) => {
                members.insert(key, placeholder);
            }
            Some(Json::Array(items)) => {
                match key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                    Some(item) => *item = placeholder,
                    None => return false,
                }
            }
            _ => return false,
        }
    }
    true
}

/// A JSON type a schema names; [`Ty::Other`] for a name outside the six the walk knows (never
/// matched, kept by name for messages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Object,
    Array,
    Integer,
    String,
    Boolean,
    Number,
    Other,
}

impl Ty {
    fn of(name: &str) -> Ty {
        match name {
            "object" => Ty::Object,
            "array" => Ty::Array,
            "integer" => Ty::Integer,
            "string" => Ty::String,
            "boolean" => Ty::Boolean,
            "number" => Ty::Number,
            _ => Ty::Other,
        }
    }
}

/// The root schema compiled once into a table the walk reads without any lookup by name
/// (`$ref`, `anyOf` and `type` lists resolved, properties sorted for binary search, placeholders
/// built in advance). Built by [`Shape::new`] from the schema the old walk interpreted, with the
/// same functions ([`allowed`], [`filled_placeholder`]), so it says exactly what the schema says.
#[derive(Debug)]
pub struct Shape {
    /// One per place a schema is used (the root, each property, each `items`).
    sites: Vec<Site>,
    /// One per resolved schema, shared by the sites that resolve to it.
    bodies: Vec<Body>,
    root: usize,
    /// The site of a missing `items` (the schema `true`: any value).
    any: usize,
}

/// A schema where it is used: what [`allowed`] says about it, and its placeholders.
#[derive(Debug)]
struct Site {
    /// The types allowed besides `null`, in schema order.
    types: Vec<Ty>,
    /// The same, by name.
    type_names: Vec<Box<str>>,
    nullable: bool,
    body: usize,
    /// `filled_placeholder(schema, defs, 0, Fill::Minimal)`.
    minimal: Json,
    /// `filled_placeholder(schema, defs, 0, Fill::Alternate)`.
    alternate: Json,
}

/// A resolved schema (the `schema` of [`Allowed`]).
#[derive(Debug, Default)]
struct Body {
    /// `None` for a schema without `properties` (a free-form object).
    properties: Option<Vec<Property>>,
    /// Indexes into `properties`, sorted by [`by_length`].
    sorted: Vec<usize>,
    /// The `required` names (the strings of the list, in order, repeats included).
    required: Vec<Required>,
    /// The site of `items`, if any.
    items: Option<usize>,
    /// `format: uuid`.
    uuid: bool,
    /// `format: int32`.
    int32: bool,
}

#[derive(Debug)]
struct Property {
    name: Box<str>,
    site: usize,
    /// The index in `required` of the first entry with this name.
    required: Option<usize>,
}

#[derive(Debug)]
struct Required {
    name: Box<str>,
    /// The index of the first entry of `required` with this name.
    first: usize,
    /// The site of the property of that name, if `properties` has one.
    site: Option<usize>,
}

impl Shape {
    /// Compiles the root `schema` (a schemars 2020-12 root with `$defs`).
    pub fn new(schema: &Json) -> Shape {
        let empty = Map::new();
        let defs = schema
            .get("$defs")
            .and_then(Json::as_object)
            .unwrap_or(&empty);
        let mut compiler = Compiler {
            defs,
            sites: Vec::new(),
            bodies: Vec::new(),
            memo: std::collections::HashMap::new(),
        };
        let any_schema = Json::Bool(true);
        let any = compiler.site(&any_schema);
        let root = compiler.site(schema);
        Shape {
            sites: compiler.sites,
            bodies: compiler.bodies,
            root,
            any,
        }
    }

    fn placeholder(&self, site: usize, fill: Fill) -> Json {
        let site = &self.sites[site];
        match fill {
            Fill::Minimal => site.minimal.clone(),
            Fill::Alternate => site.alternate.clone(),
        }
    }
}

struct Compiler<'s> {
    defs: &'s Map<String, Json>,
    sites: Vec<Site>,
    bodies: Vec<Body>,
    /// Bodies by the address of their schema.
    memo: std::collections::HashMap<usize, usize>,
}

impl<'s> Compiler<'s> {
    fn site(&mut self, schema: &'s Json) -> usize {
        let allowed = allowed(schema, self.defs);
        let body = self.body(allowed.schema);
        self.sites.push(Site {
            types: allowed.types.iter().map(|t| Ty::of(t)).collect(),
            type_names: allowed.types.iter().map(|t| Box::from(*t)).collect(),
            nullable: allowed.nullable,
            body,
            minimal: filled_placeholder(schema, self.defs, 0, Fill::Minimal),
            alternate: filled_placeholder(schema, self.defs, 0, Fill::Alternate),
        });
        self.sites.len() - 1
    }

    fn body(&mut self, schema: &'s Json) -> usize {
        let address = std::ptr::from_ref(schema) as usize;
        if let Some(&index) = self.memo.get(&address) {
            return index;
        }
        let index = self.bodies.len();
        self.bodies.push(Body::default());
        self.memo.insert(address, index);
        let format = schema.get("format").and_then(Json::as_str);
        let required_names: Vec<&str> = schema
            .get("required")
            .and_then(Json::as_array)
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .collect();
        let first = |name: &str| required_names.iter().position(|r| *r == name);
        let properties = schema.get("properties").and_then(Json::as_object);
        let mut compiled_properties = None;
        let mut sorted = Vec::new();
        let mut required = Vec::new();
        if let Some(properties) = properties {
            let mut list = Vec::with_capacity(properties.len());
            for (name, property) in properties {
                let site = self.site(property);
                list.push(Property {
                    name: name.as_str().into(),
                    site,
                    required: first(name),
                });
            }
            sorted = (0..list.len()).collect();
            sorted.sort_by(|a, b| by_length(&list[*a].name, &list[*b].name));
            compiled_properties = Some(list);
        }
        for name in &required_names {
            let site = compiled_properties
                .as_ref()
                .and_then(|list: &Vec<Property>| {
                    list.iter().find(|p| &*p.name == *name).map(|p| p.site)
                });
            required.push(Required {
                name: (*name).into(),
                first: first(name).unwrap_or(0),
                site,
            });
        }
        let items = schema.get("items").map(|items| self.site(items));
        self.bodies[index] = Body {
            properties: compiled_properties,
            sorted,
            required,
            items,
            uuid: format == Some("uuid"),
            int32: format == Some("int32"),
        };
        index
    }
}

impl Body {
    /// The index in `properties` of the property named `key`.
    fn property(&self, key: &str) -> Option<usize> {
        let properties = self.properties.as_ref()?;
        self.sorted
            .binary_search_by(|&i| by_length(&properties[i].name, key))
            .ok()
            .map(|at| self.sorted[at])
    }
}

/// The order of [`Body::sorted`]: by length, then by bytes (most comparisons of a lookup are
/// then of two lengths).
fn by_length(a: &str, b: &str) -> std::cmp::Ordering {
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Appends `/token`, escaped as a JSON Pointer reference token.
fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        push_escaped(pointer, token);
    } else {
        pointer.push_str(token);
    }
}

struct Walker<'s> {
    shape: &'s Shape,
    strict: bool,
    fill: Fill,
    /// Whether diagnostics, pointers and poisoned pointers are made ([`Fill::Minimal`]); the
    /// alternate walk only builds its value.
    report: bool,
    found: Vec<Found>,
    poisoned: Vec<String>,
    /// Parallel to `poisoned`: see [`Walked::patches`].
    patches: Vec<Option<usize>>,
    /// The property index of each member of the objects being walked (a stack, one slice per
    /// object), `usize::MAX` for an unknown member.
    scratch: Vec<usize>,
}

impl<'s> Walker<'s> {
    /// Checks `node`; `None` when it is broken (the caller removes or replaces it).
    fn node(&mut self, node: &Node, site: usize, pointer: &mut String, slot: Slot) -> Option<Json> {
        let shape = self.shape;
        let site = &shape.sites[site];
        if node.value.is_null() {
            if site.nullable || site.types.is_empty() {
                return Some(Json::Null);
            }
            self.type_error(node, site, pointer, slot);
            return None;
        }
        let Some(kind) = matching_type(node, &site.types) else {
            self.type_error(node, site, pointer, slot);
            return None;
        };
        let body = &shape.bodies[site.body];
        match (kind, &node.value) {
            (Ty::Object, Value::Object(members)) => {
                self.object(node, members, body, pointer, slot == Slot::Root)
            }
            (Ty::Array, Value::Array(items)) => self.array(items, body, pointer),
            (Ty::Integer, Value::Number(number)) => {
                self.integer(node, number.kind(), number.text(), body, pointer)
            }
            (Ty::String, Value::String(text)) => {
                if body.uuid && !is_uuid(text) {
                    if self.report {
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
                    }
                    return None;
                }
                Some(Json::String(text.to_string()))
            }
            _ => Some(free_form(node, self, pointer)),
        }
    }

    fn object(
        &mut self,
        node: &Node,
        members: &[Member],
        body: &'s Body,
        pointer: &mut String,
        root: bool,
    ) -> Option<Json> {
        let Some(properties) = &body.properties else {
            // A free-form object (`config_json`): any members.
            return Some(free_form(node, self, pointer));
        };
        let shape = self.shape;
        // Each member's property, looked up once.
        let base_scratch = self.scratch.len();
        self.scratch.extend(
            members
                .iter()
                .map(|m| body.property(&m.key).unwrap_or(usize::MAX)),
        );
        let overridden = if has_repeated_key(members, &self.scratch[base_scratch..]) {
            self.duplicates(members, pointer)
        } else {
            Vec::new()
        };
        // Which `required` entries (by their first index) are in `out`.
        let mut present = vec![false; body.required.len()];
        let mut out = Map::with_capacity(members.len() + body.required.len());
        let base = pointer.len();
        for (index, member) in members.iter().enumerate() {
            if self.report {
                push_token(pointer, &member.key);
            }
            let poisoned_before = self.poisoned.len();
            match properties.get(self.scratch[base_scratch + index]) {
                Some(property) => {
                    let slot = if property.required.is_some() {
                        Slot::Required
                    } else {
                        Slot::Optional
                    };
                    let value = self.node(&member.value, property.site, pointer, slot);
                    // An occurrence of a repeated key that a later one overrides
                    // (`"cpu": "x", "cpu": 5`) is walked (its problems are reported) but neither
                    // repairs nor poisons: the last occurrence decides, as in most parsers, and
                    // the rules check the value that is kept (5).
                    if overridden.binary_search(&index).is_ok() {
                        self.poisoned.truncate(poisoned_before);
                        self.patches.truncate(poisoned_before);
                        pointer.truncate(base);
                        continue;
                    }
                    match value {
                        Some(value) => {
                            out.insert(member.key.to_string(), value);
                            if let Some(first) = property.required {
                                present[first] = true;
                            }
                        }
                        None => {
                            if self.report {
                                self.poison(pointer.clone(), Some(property.site));
                            }
                            // A broken member is not in `out` yet: only the last occurrence of a
                            // key gets here, so there is nothing to remove for `Fill::Minimal`.
                            if self.fill == Fill::Alternate {
                                out.insert(
                                    member.key.to_string(),
                                    shape.placeholder(property.site, self.fill),
                                );
                                if let Some(first) = property.required {
                                    present[first] = true;
                                }
                            }
                        }
                    }
                }
                None if root && member.key == "$schema" => {}
                None => {
                    if self.report {
                        self.unknown(member, properties, pointer);
                    }
                }
            }
            pointer.truncate(base);
        }
        self.scratch.truncate(base_scratch);
        for required in &body.required {
            if present[required.first] {
                continue;
            }
            let name = &*required.name;
            if self.report {
                push_token(pointer, name);
                // A member of this object that is not in `out` was removed as broken, and
                // poisoned then: a look at this object's members, not a scan of every poisoned
                // pointer of the document (once per missing member, that would be quadratic).
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
                    self.poison(pointer.clone(), required.site);
                }
                pointer.truncate(base);
            }
            if let Some(site) = required.site {
                out.insert(name.to_owned(), shape.placeholder(site, self.fill));
                present[required.first] = true;
            }
        }
        Some(Json::Object(out))
    }

    fn array(&mut self, items: &[Node], body: &Body, pointer: &mut String) -> Option<Json> {
        let item_site = body.items.unwrap_or(self.shape.any);
        let base = pointer.len();
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            if self.report {
                pointer.push('/');
                push_index(pointer, index);
            }
            match self.node(item, item_site, pointer, Slot::Item) {
                Some(value) => out.push(value),
                None => {
                    if self.report {
                        self.poison(pointer.clone(), Some(item_site));
                    }
                    out.push(self.shape.placeholder(item_site, self.fill));
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
        body: &Body,
        pointer: &str,
    ) -> Option<Json> {
        match kind {
            NumberKind::Integer(value) if !body.int32 || i32::try_from(value).is_ok() => {
                Some(Json::from(value))
            }
            _ if !self.report => None,
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
                if let NumberKind::Float(value) = kind
                    && let Some(integer) = integral(value)
                {
                    self.repair(Repair::safe(
                        format!("write {integer}"),
                        vec![set(pointer, Scalar::Integer(integer))],
                    ));
                }
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
                if !self.report {
                    continue;
                }
                let mut at = pointer.to_owned();
                push_token(&mut at, &second.key);
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
                // Unsafe: keeping the last value is what most parsers do, not certainly what
                // the author meant.
                self.repair(Repair::unsafe_(
                    format!("remove the earlier `{}`", clip(&second.key)),
                    vec![Change::RemoveOverridden],
                ));
            }
        }
        overridden.sort_unstable();
        overridden
    }

    fn unknown(&mut self, member: &Member, properties: &[Property], pointer: &str) {
        let suggestion = closest(&member.key, properties.iter().map(|p| &*p.name));
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
        // Unsafe: a close name is probably, not certainly, the member meant.
        if let Some(to) = suggestion {
            self.repair(Repair::unsafe_(
                format!("rename it to `{to}`"),
                vec![Change::RenameKey { to: to.to_owned() }],
            ));
        }
    }

    fn type_error(&mut self, node: &Node, site: &Site, pointer: &str, slot: Slot) {
        if !self.report {
            return;
        }
        let mut expected: Vec<&str> = site.type_names.iter().map(|t| article(t)).collect();
        let expected_value = expected.join(" or ");
        if site.nullable {
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
        let help = match (&node.value, site.types.first().copied()) {
            (Value::String(s), Some(Ty::Integer)) if s.trim().parse::<i64>().is_ok() => {
                Some(format!("remove the quotes: {}", s.trim()))
            }
            // `tag: 1.27` in YAML, `"tag": 1.27` in JSON: a string that reads as a number.
            (Value::Number(n), Some(Ty::String)) => Some(format!("quote it: \"{}\"", n.text())),
            (Value::Bool(b), Some(Ty::String)) => Some(format!("quote it: \"{b}\"")),
            (Value::String(s), Some(Ty::Boolean)) => boolean_help(s),
            // Omitting is only a fix for an optional member: omitting a required member
            // (`"name": null`) would make it missing.
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
        // The same cases as the help, as changes: each keeps the value the author wrote.
        let repair = match (&node.value, site.types.first().copied()) {
            (Value::String(s), Some(Ty::Integer)) => s.trim().parse::<i32>().ok().map(|n| {
                Repair::safe(
                    "remove the quotes",
                    vec![set(pointer, Scalar::Integer(n.into()))],
                )
            }),
            (Value::Number(n), Some(Ty::String)) => Some(Repair::safe(
                "quote it",
                vec![set(pointer, Scalar::String(n.text().to_owned()))],
            )),
            (Value::Bool(b), Some(Ty::String)) => Some(Repair::safe(
                "quote it",
                vec![set(pointer, Scalar::String(b.to_string()))],
            )),
            (Value::Null, _) if slot == Slot::Optional => Some(Repair::safe(
                "omit the member",
                vec![Change::Remove {
                    pointer: pointer.to_owned(),
                }],
            )),
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
        if let Some(repair) = repair {
            self.repair(repair);
        }
    }

    /// Attaches `repair` to the diagnostic pushed last.
    fn repair(&mut self, repair: Repair) {
        if let Some(found) = self.found.last_mut() {
            found.diagnostic.repair = Some(repair);
        }
    }

    fn poison(&mut self, pointer: String, patch: Option<usize>) {
        self.poisoned.push(pointer);
        self.patches.push(patch);
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
        // Through `with_help`, which bounds a help (`quote it: "<a 1 MB number>"`).
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        }
        self.found.push(Found { diagnostic, span });
    }
}

/// Whether two members of an object have the same key, given each member's property index
/// (`usize::MAX` for an unknown member). Quadratic, so only up to 64 members; above, the answer
/// is "maybe" and [`Walker::duplicates`] sorts.
fn has_repeated_key(members: &[Member], properties: &[usize]) -> bool {
    if members.len() > 64 {
        return true;
    }
    for (i, (member, &property)) in members.iter().zip(properties).enumerate() {
        for (other, &other_property) in members[i + 1..].iter().zip(&properties[i + 1..]) {
            let same = if property == usize::MAX {
                other_property == usize::MAX && other.key == member.key
            } else {
                other_property == property
            };
            if same {
                return true;
            }
        }
    }
    false
}

/// Appends the decimal digits of `index`.
fn push_index(pointer: &mut String, index: usize) {
    use std::fmt::Write as _;
    if index < 10 {
        pointer.push(char::from(b'0' + u8::try_from(index).unwrap_or(0)));
    } else {
        let _ = write!(pointer, "{index}");
    }
}

/// Converts a free-form value (config_json and the like), still reporting duplicate keys.
fn free_form(node: &Node, walker: &mut Walker<'_>, pointer: &mut String) -> Json {
    match &node.value {
        Value::Object(members) => {
            if walker.report {
                let _overridden = walker.duplicates(members, pointer);
            }
            let base = pointer.len();
            let mut out = Map::with_capacity(members.len());
            for member in members {
                if walker.report {
                    push_token(pointer, &member.key);
                }
                out.insert(
                    member.key.to_string(),
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
                    if walker.report {
                        pointer.push('/');
                        push_index(pointer, index);
                    }
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

/// The types a schema allows, and whether it allows `null`.
struct Allowed<'s> {
    types: Vec<&'s str>,
    nullable: bool,
    /// The schema to descend into for a non-null value.
    schema: &'s Json,
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

/// A change that sets the value at `pointer`.
fn set(pointer: &str, value: Scalar) -> Change {
    Change::Set {
        pointer: pointer.to_owned(),
        value,
    }
}

/// `value` as an integer of Qovery's API (32 bits), when it has no fraction.
fn integral(value: f64) -> Option<i64> {
    (value.fract() == 0.0 && value.abs() < 2_147_483_648.0).then_some(value as i64)
}

fn integral_hint(text: &str, kind: NumberKind) -> String {
    match kind {
        NumberKind::Float(value) if integral(value).is_some() => {
            format!(": {value:.0} instead of {}", clip(text))
        }
        _ => String::new(),
    }
}

/// The JSON type of `node` among `types` (`integer` for integer literals, `number` for any);
/// [`Ty::Other`] ("any") when `types` is empty.
fn matching_type(node: &Node, types: &[Ty]) -> Option<Ty> {
    if types.is_empty() {
        return Some(Ty::Other);
    }
    types.iter().copied().find(|ty| match (*ty, &node.value) {
        (Ty::Object, Value::Object(_))
        | (Ty::Array, Value::Array(_))
        | (Ty::String, Value::String(_)) => true,
        (Ty::Boolean, Value::Bool(_)) | (Ty::Number, Value::Number(_)) => true,
        (Ty::Integer, Value::Number(n)) => {
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
///
/// The project's one did-you-mean rule (members, codes, settings; `qovery-model-derive`'s
/// `symbol::closest` mirrors it for attribute keys, as a proc-macro crate cannot share a
/// function, and `tests/closest_rule.rs` checks that both agree): a Levenshtein distance
/// ([`strsim::levenshtein`], with the key lowercased) of at most `max(2, len / 4)` for a
/// candidate of `len` bytes, and below the key's length, so a suggestion keeps at least one
/// character of the key (a key of one or two characters is otherwise "close" to any member of
/// three: `a` -> did you mean `tag`?).
pub fn closest<'a>(key: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let key_lower = key.to_lowercase();
    let key_len = key_lower.chars().count();
    candidates
        // The edit distance is at least the difference of the lengths, so a key much longer
        // than a member name is not compared with it (comparing a 1 MB key takes seconds).
        .filter(|candidate| key_len <= candidate.chars().count() + 2.max(candidate.len() / 4))
        .map(|candidate| (strsim::levenshtein(&key_lower, candidate), candidate))
        .filter(|(distance, candidate)| {
            *distance <= 2.max(candidate.len() / 4) && *distance < key_len
        })
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The help for a string where a boolean belongs, when the string spells one: `"true"` in JSON,
/// or YAML 1.1's `yes`, `no`, `on`, `off`, `y`, `n`, which YAML 1.2's core schema (the one
/// this checker reads) reads as strings.
pub(super) fn boolean_help(text: &str) -> Option<String> {
    let value = match text.trim().to_ascii_lowercase().as_str() {
        "true" => return Some(format!("remove the quotes: {}", text.trim())),
        "false" => return Some(format!("remove the quotes: {}", text.trim())),
        "yes" | "y" | "on" => true,
        "no" | "n" | "off" => false,
        _ => return None,
    };
    Some(format!(
        "`{}` is a boolean only in YAML 1.1; in YAML 1.2 and JSON it is a string: write `{value}`",
        clip(text)
    ))
}

#[cfg(test)]
mod walk_tests {
    //! Snapshots of the walk's output (diagnostics with their spans, poisoned pointers, both
    //! repairs) on the example payloads and on seeded random mutations of them, as a request and
    //! as a response, strict and not; and the in-place alternate repair against the walked one.
    //! After an intended change: `INSTA_UPDATE=always cargo test -p qovery-model --all-features
    //! --lib walk_tests`, then read every changed `.snap` under `document/snapshots/`.

    use super::{Shape, alternate_in_place, walk, walk_alternate};
    use crate::document::json::parse_json;
    use crate::document::kinds::shape_of;
    use crate::document::limits::Limits;
    use crate::document::tree::{Member, Node, Number, NumberKind, Span, Value};
    use crate::model::{ContainerRequest, ContainerResponse, RegistryContext};
    use crate::test_rng::Rng;
    use crate::validate::{Diagnostic, Validate};
    use serde::de::DeserializeOwned;
    use serde_json::Value as Json;
    use std::fmt::Write;

    /// The example payloads, kept beside the crate's sources (`testdata/`, copies of the
    /// repository's benchmark data and examples) so that the packaged crate's tests build.
    const DOCUMENTS: [(&str, &str); 6] = [
        ("request", include_str!("../testdata/request.json")),
        (
            "request-invalid",
            include_str!("../testdata/request-invalid.json"),
        ),
        ("broken-web", include_str!("../testdata/broken-web.json")),
        ("minimal", include_str!("../testdata/minimal.json")),
        ("web-service", include_str!("../testdata/web-service.json")),
        ("response", include_str!("../testdata/response.json")),
    ];

    /// Typed validation of a repaired value: `None` when it does not deserialize.
    type Typed = fn(&Json) -> Option<Vec<Diagnostic>>;

    fn typed<T: DeserializeOwned + Validate<Context = RegistryContext>>(
        value: &Json,
    ) -> Option<Vec<Diagnostic>> {
        let borrowed = T::deserialize(value).ok();
        let owned = serde_json::from_value::<T>(value.clone()).ok();
        assert_eq!(borrowed.is_some(), owned.is_some(), "{value}");
        owned.map(|v| v.validate().into_iter().collect())
    }

    /// The walk of `root` as text, after checking that the alternate repair made in place from
    /// the minimal one has the same members and values (in another order) and the same typed
    /// answer as the alternate walk.
    fn walked(root: &Node, shape: &Shape, typed: Typed, strict: bool) -> String {
        let minimal = walk(root, shape, strict);
        let alternate = walk_alternate(root, shape);
        let mut patched = minimal.value.clone();
        assert!(alternate_in_place(
            &mut patched,
            (&minimal.poisoned, &minimal.patches),
            shape
        ));
        assert_eq!(patched, alternate, "patched alternate of {root:?}");
        assert_eq!(
            typed(&patched),
            typed(&alternate),
            "typed alternate of {root:?}"
        );

        let mut out = String::new();
        for found in &minimal.found {
            let d = &found.diagnostic;
            let _ = write!(
                out,
                "  {:?} {} at {:?} {}..{}: {}",
                d.severity, d.code, d.pointer, found.span.start, found.span.end, d.message
            );
            if let Some(help) = &d.help {
                let _ = write!(out, " (help: {help})");
            }
            out.push('\n');
        }
        // In order (the equality of `Map` ignores the order of the members).
        let json = |value: &Json| serde_json::to_string(value).unwrap_or_default();
        let _ = write!(
            out,
            "  poisoned: {:?}\n  patches: {:?}\n  minimal: {}\n  alternate: {}\n",
            minimal.poisoned,
            minimal.patches,
            json(&minimal.value),
            json(&alternate)
        );
        out
    }

    /// Every node of the tree, as a path of child indexes.
    fn paths(node: &Node, path: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        out.push(path.clone());
        let children: Vec<&Node> = match &node.value {
            Value::Object(members) => members.iter().map(|m| &m.value).collect(),
            Value::Array(items) => items.iter().collect(),
            _ => Vec::new(),
        };
        for (index, child) in children.into_iter().enumerate() {
            path.push(index);
            paths(child, path, out);
            path.pop();
        }
    }

    /// Applies `change` to the node at `path`.
    fn at(node: &mut Node, path: &[usize], change: &mut dyn FnMut(&mut Node)) {
        match (path.split_first(), &mut node.value) {
            (Some((&first, rest)), Value::Object(members)) => {
                at(&mut members[first].value, rest, change);
            }
            (Some((&first, rest)), Value::Array(items)) => at(&mut items[first], rest, change),
            _ => change(node),
        }
    }

    fn scalar(rng: &mut Rng) -> Value<'static> {
        let number = |text: &str, kind| Value::Number(Number::new(text, kind));
        match rng.below(17) {
            0 => Value::Null,
            1 => Value::Bool(rng.below(2) == 0),
            2 => number("80", NumberKind::Integer(80)),
            3 => number("0", NumberKind::Integer(0)),
            4 => number("3000000000", NumberKind::Integer(3_000_000_000)),
            5 => number("99999999999999999999", NumberKind::IntegerOutOfRange),
            6 => number("1.5", NumberKind::Float(1.5)),
            7 => number("2.0", NumberKind::Float(2.0)),
            8 => number("1e400", NumberKind::FloatOutOfRange),
            9 => Value::String("80".into()),
            10 => Value::String("x".into()),
            11 => Value::String("3c90c3cc-0d44-4b50-8888-8dd25736052a".into()),
            12 => Value::String("HTTP".into()),
            13 => Value::Array(Vec::new()),
            14 => Value::Object(Vec::new()),
            15 => number("-1", NumberKind::Integer(-1)),
            _ => Value::String("".into()),
        }
    }

    fn key(rng: &mut Rng) -> String {
        const KEYS: [&str; 12] = [
            "nmae",
            "x",
            "a/b~c",
            "port",
            "readyness_probe",
            "$schema",
            "internal_port",
            "type",
            "name",
            "cpu",
            "config_json",
            "tcp",
        ];
        KEYS[rng.below(KEYS.len())].to_owned()
    }

    fn mutate(root: &mut Node, rng: &mut Rng) {
        let mut all = Vec::new();
        paths(root, &mut Vec::new(), &mut all);
        let path = all[rng.below(all.len())].clone();
        at(root, &path, &mut |node| change(node, rng));
    }

    fn change(node: &mut Node, rng: &mut Rng) {
        match rng.below(6) {
            0 | 1 => node.value = scalar(rng),
            2 => match &mut node.value {
                Value::Object(members) if !members.is_empty() => {
                    let index = rng.below(members.len());
                    members.remove(index);
                }
                Value::Array(items) if !items.is_empty() => {
                    let index = rng.below(items.len());
                    items.remove(index);
                }
                _ => node.value = scalar(rng),
            },
            3 => match &mut node.value {
                Value::Object(members) if !members.is_empty() => {
                    let index = rng.below(members.len());
                    let mut copy = members[index].clone();
                    if rng.below(2) == 0 {
                        copy.value.value = scalar(rng);
                    }
                    copy.key_span = Span::new(copy.key_span.start + 1, copy.key_span.end + 1);
                    let to = rng.below(members.len() + 1);
                    members.insert(to, copy);
                }
                Value::Array(items) if !items.is_empty() => {
                    let index = rng.below(items.len());
                    let copy = items[index].clone();
                    items.push(copy);
                }
                _ => node.value = scalar(rng),
            },
            _ => match &mut node.value {
                Value::Object(members) => {
                    let value = Node::new(scalar(rng), node.span);
                    let to = rng.below(members.len() + 1);
                    members.insert(
                        to,
                        Member {
                            key: key(rng).into(),
                            key_span: Span::new(node.span.start + to, node.span.start + to + 1),
                            value,
                        },
                    );
                }
                Value::Array(items) => items.push(Node::new(scalar(rng), node.span)),
                _ => node.value = scalar(rng),
            },
        }
    }

    #[test]
    fn the_walk_of_the_corpus_and_its_mutations() {
        let request_schema = shape_of::<ContainerRequest>();
        let response_schema = shape_of::<ContainerResponse>();
        let request = Shape::new(&request_schema);
        let response = Shape::new(&response_schema);
        let kinds: [(&str, &Shape, Typed); 2] = [
            ("request", &request, typed::<ContainerRequest>),
            ("response", &response, typed::<ContainerResponse>),
        ];
        let roots: Vec<(&str, Node)> = DOCUMENTS
            .iter()
            .filter_map(|(name, text)| {
                let parsed = parse_json(text.as_bytes(), &Limits::DEFAULT).ok()?;
                Some((*name, parsed.root))
            })
            .collect();
        assert_eq!(roots.len(), DOCUMENTS.len());
        let describe = |root: &Node, kinds: &[(&str, &Shape, Typed)]| {
            let mut out = String::new();
            for (kind, shape, typed) in kinds {
                for strict in [false, true] {
                    let _ = writeln!(out, "as a {kind}, strict: {strict}");
                    out.push_str(&walked(root, shape, *typed, strict));
                }
            }
            out
        };
        for (name, root) in &roots {
            insta::assert_snapshot!(format!("walk_{name}"), describe(root, &kinds));
        }
        // Seeded mutations: each round changes one to six nodes of a corpus document, then
        // walks it as one kind (alternating) and, one round in three, strictly.
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut mutations = String::new();
        for round in 0..24 {
            let (name, root) = &roots[round % roots.len()];
            let mut root = root.clone();
            for _ in 0..=rng.below(6) {
                mutate(&mut root, &mut rng);
            }
            let (kind, shape, typed) = kinds[round % 2];
            let strict = round % 3 == 0;
            let _ = writeln!(
                mutations,
                "round {round}: {name} mutated, as a {kind}, strict: {strict}"
            );
            mutations.push_str(&walked(&root, shape, typed, strict));
        }
        insta::assert_snapshot!("walk_mutations", mutations);
    }
}
