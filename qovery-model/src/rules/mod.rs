//! The model's invariants: the hand-written checks that the attribute keywords cannot say, and
//! the registry of every rule, as data.
//!
//! This module belongs to the model, one floor above [`crate::validate`]. `validate` is the
//! machinery, and knows nothing of Qovery: the [`Validate`](crate::validate::Validate) trait and
//! its context type, [`Rule`](crate::validate::Rule), [`Report`](crate::validate::Report), the
//! keyword checks. `rules` is what Qovery's payloads must satisfy, in that machinery's terms:
//! each rule constrains the [`crate::model`] types it names, and the one that needs facts the
//! payload does not carry reads the model's context,
//! [`RegistryContext`](crate::model::RegistryContext). The rules that read no context are
//! implemented for every context (`impl<C: ?Sized> Rule<T, C>`). Its files are kept by concern
//! rather than beside each type because several rules span types (a request's instances against
//! its autoscaling, probe ports against the declared ports).
//!
//! Most rules are declared with `#[qovery(...)]` keywords on the model types
//! ([`crate::model`]): bounds, patterns, formats, known enum values. This module holds the rest,
//! one file per concern, each a [`Rule`](crate::validate::Rule) implementation that lists every
//! [`RuleInfo`](crate::validate::RuleInfo) it can report:
//!
//! | module | what it checks |
//! |---|---|
//! | [`image_name`] | the OCI repository path grammar, the usual mistakes (tag, digest, upper case, registry host), the shape each registry kind expects |
//! | [`tag`] | the Docker tag grammar |
//! | [`instances`] | `min_running_instances` / `max_running_instances` against each other and against autoscaling |
//! | [`ports`] | exposure (`external_port`, `public_path`) and uniqueness of ports |
//! | [`storage`] | mount points, the console's size limit, uniqueness of mount points |
//! | [`probes`] | exactly one probe kind, the liveness success threshold, probe ports among the declared ports |
//! | [`groups`] | duplicate annotations / labels group ids |
//! | [`autoscaling`] | KEDA scalers: exactly one config, at least one enabled, YAML syntax |
//! | [`response`] | what only a response has: resource maximums, timestamps order, service type, registry URL and kind |
//!
//! [`catalogue()`] lists every rule of [`ContainerRequest`](crate::model::ContainerRequest) and
//! [`ContainerResponse`](crate::model::ContainerResponse) with its absolute pointer pattern;
//! [`rules_markdown()`] renders it as the `RULES.md` document.
//!
//! # Allocation
//!
//! Validating a valid value allocates nothing: checks compare borrowed strings and integers,
//! messages are only formatted when a violation is recorded. The uniqueness checks compare
//! pairwise up to [`unique::PAIRWISE_MAX`] elements (no allocation, and faster than sorting
//! for the few ports a container has); above that they sort a vector of indices, O(n log n).

pub mod autoscaling;
mod catalogue;
#[cfg(feature = "document")]
pub mod examples;
pub mod fixes;
pub mod groups;
pub mod image_name;
pub mod instances;
pub mod ports;
pub mod probes;
pub mod resources;
pub mod response;
pub mod storage;
pub mod structural;
pub mod tag;
pub mod unique;

pub use catalogue::{
    CatalogueRow, REQUEST, RESPONSE, anchor, catalogue, codes, codes_markdown, documented_codes,
    find, markdown_table, rule_of, rules_markdown,
};
pub use fixes::{FIXES, FixInfo, fix_info};

use serde_json::{Map, Value};

/// Adds `pattern` to a schema object; a second pattern goes into `allOf`, since a schema has one
/// `pattern` keyword.
pub(crate) fn add_pattern(schema: &mut Map<String, Value>, pattern: &str) {
    if schema.contains_key("pattern") {
        push_all_of(schema, serde_json::json!({ "pattern": pattern }));
    } else {
        schema.insert("pattern".to_owned(), Value::from(pattern));
    }
}

/// Appends `subschema` to the `allOf` of a schema object.
pub(crate) fn push_all_of(schema: &mut Map<String, Value>, subschema: Value) {
    let all_of = schema
        .entry("allOf")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(all_of) = all_of {
        all_of.push(subschema);
    }
}

/// Adds `name` to the `required` list of a schema object.
pub(crate) fn push_required(schema: &mut Map<String, Value>, name: &str) {
    let required = schema
        .entry("required")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(required) = required
        && !required.iter().any(|r| r.as_str() == Some(name))
    {
        required.push(Value::from(name));
    }
}

/// The 1-based position (in characters) and the character of the first `char` of `value` for
/// which `bad` holds.
pub(crate) fn first_bad_char(value: &str, bad: impl Fn(char) -> bool) -> Option<(usize, char)> {
    value
        .chars()
        .enumerate()
        .find(|(_, c)| bad(*c))
        .map(|(i, c)| (i + 1, c))
}

/// `count` pseudo-random strings of up to `max_len` characters drawn from `alphabet` (a fixed
/// seed): the inputs on which each hand-written fast matcher is compared with its regex.
#[cfg(test)]
pub(crate) fn random_strings(alphabet: &str, count: usize, max_len: usize) -> Vec<String> {
    let chars: Vec<char> = alphabet.chars().collect();
    let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
    (0..count)
        .map(|_| {
            let len = rng.below(max_len + 1);
            (0..len).map(|_| chars[rng.below(chars.len())]).collect()
        })
        .collect()
}

/// Compiles the rules' regular expressions now rather than when a rule first needs one (see
/// [`crate::document::prepare`]).
#[cfg(feature = "document")]
pub(crate) fn prepare() {
    use std::sync::LazyLock;
    LazyLock::force(&image_name::REPOSITORY);
    LazyLock::force(&tag::TAG);
    LazyLock::force(&storage::MOUNT_POINT_REGEX);
}
