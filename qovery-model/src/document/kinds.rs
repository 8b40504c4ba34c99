//! The two payloads a document can hold, as the checker sees them: each one's exported schema,
//! the shape compiled from it for the structural walk, and its nullable members for the fast
//! path's reader.

use super::shape;
use crate::model::{ContainerRequest, ContainerResponse, RegistryContext};
use crate::validate::Validate;
use serde::de::DeserializeOwned;
use serde_json::Value as Json;
use std::sync::LazyLock;

/// The exported 2020-12 schemas the walk reads the shape from, built once.
static REQUEST_SHAPE: LazyLock<Json> = LazyLock::new(shape_of::<ContainerRequest>);
static RESPONSE_SHAPE: LazyLock<Json> = LazyLock::new(shape_of::<ContainerResponse>);

pub(super) fn shape_of<T: schemars::JsonSchema + DeserializeOwned>() -> Json {
    let mut shape = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value();
    // Fix found by fuzzing: the schema may say more than deserialization needs (a rule's
    // `required` member, a `String` field's `uuid` format); the walk must check only what
    // deserialization needs, the typed validator reports the rest with its own codes (see
    // `shape::keep_structural`).
    shape::keep_structural(&mut shape, |value| {
        serde_json::from_value::<T>(value).is_ok()
    });
    shape
}

/// The shapes compiled for the structural walk, built once from the schemas above.
static REQUEST_WALK: LazyLock<shape::Shape> =
    LazyLock::new(|| shape::Shape::new(ContainerRequest::shape()));
static RESPONSE_WALK: LazyLock<shape::Shape> =
    LazyLock::new(|| shape::Shape::new(ContainerResponse::shape()));

/// What the checker needs of a payload type. Public only as the bound of
/// [`Payload`](super::Payload), in a private module: nothing outside the crate names or
/// implements it.
pub trait Document: DeserializeOwned + Validate<Context = RegistryContext> {
    /// The exported schema, reduced to what deserialization needs.
    fn shape() -> &'static Json;

    /// [`Document::shape`] compiled for the structural walk.
    fn walk_shape() -> &'static shape::Shape;

    /// Member names that are nullable wherever they occur in this document (read from the
    /// shape: a name that is nullable in one object and not in another is left out).
    fn nullable_members() -> &'static [String];

    /// Whether the value holds a free-form object (`config_json`): serde_json keeps the last of
    /// two duplicate keys there without a word, so only the complete path can report them.
    fn has_free_form_object(&self) -> bool;
}

impl Document for ContainerRequest {
    fn shape() -> &'static Json {
        &REQUEST_SHAPE
    }

    fn walk_shape() -> &'static shape::Shape {
        &REQUEST_WALK
    }

    fn nullable_members() -> &'static [String] {
        &REQUEST_NULLABLE
    }

    fn has_free_form_object(&self) -> bool {
        self.autoscaling
            .as_ref()
            .is_some_and(|a| a.scalers.iter().any(|s| s.config_json.is_some()))
    }
}

impl Document for ContainerResponse {
    fn shape() -> &'static Json {
        &RESPONSE_SHAPE
    }

    fn walk_shape() -> &'static shape::Shape {
        &RESPONSE_WALK
    }

    fn nullable_members() -> &'static [String] {
        &RESPONSE_NULLABLE
    }

    fn has_free_form_object(&self) -> bool {
        self.autoscaling
            .as_ref()
            .is_some_and(|a| a.scalers.iter().any(|s| s.config_json.is_value()))
    }
}

pub(super) static REQUEST_NULLABLE: LazyLock<Vec<String>> =
    LazyLock::new(|| nullable_names(&REQUEST_SHAPE));
pub(super) static RESPONSE_NULLABLE: LazyLock<Vec<String>> =
    LazyLock::new(|| nullable_names(&RESPONSE_SHAPE));

/// The member names whose schema allows `null` in every object that has them.
fn nullable_names(shape: &Json) -> Vec<String> {
    let mut nullable = std::collections::BTreeSet::new();
    let mut not_nullable = std::collections::BTreeSet::new();
    let defs = shape.get("$defs").and_then(Json::as_object);
    let objects = std::iter::once(shape).chain(defs.into_iter().flat_map(|d| d.values()));
    for object in objects {
        let Some(properties) = object.get("properties").and_then(Json::as_object) else {
            continue;
        };
        for (name, property) in properties {
            if allows_null(property) {
                nullable.insert(name.clone());
            } else {
                not_nullable.insert(name.clone());
            }
        }
    }
    nullable.difference(&not_nullable).cloned().collect()
}

fn allows_null(schema: &Json) -> bool {
    let is_null = |s: &Json| s.get("type").and_then(Json::as_str) == Some("null");
    match schema.get("type") {
        Some(Json::Array(types)) => types.iter().any(|t| t.as_str() == Some("null")),
        _ => schema
            .get("anyOf")
            .and_then(Json::as_array)
            .is_some_and(|branches| branches.iter().any(is_null)),
    }
}
