//! The two payloads a document can hold, as the checker sees them: each one's exported schema,
//! the shape compiled from it for the structural walk, and its nullable members for the fast
//! path's reader.
//!
//! The nullable members are a table written here, not read from the schema when the checker
//! starts: building the schema takes about 3.9 M instructions, four fifths of checking one
//! valid file, and the fast path needs nothing else from it. The unit test
//! `the_nullable_tables_are_the_shapes` holds each table equal to what the schema says.

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

/// Builds the shapes the complete path walks for `kind` (see [`super::prepare`]).
pub(super) fn prepare(kind: super::DocumentKind) {
    match kind {
        super::DocumentKind::Request => LazyLock::force(&REQUEST_WALK),
        super::DocumentKind::Response => LazyLock::force(&RESPONSE_WALK),
    };
}

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
    fn nullable_members() -> &'static [&'static str];

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

    fn nullable_members() -> &'static [&'static str] {
        REQUEST_NULLABLE
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

    fn nullable_members() -> &'static [&'static str] {
        RESPONSE_NULLABLE
    }

    fn has_free_form_object(&self) -> bool {
        self.autoscaling
            .as_ref()
            .is_some_and(|a| a.scalers.iter().any(|s| s.config_json.is_value()))
    }
}

/// The members of a request nullable wherever they occur, sorted: [`nullable_names`] of its
/// shape (checked by a unit test).
pub(super) const REQUEST_NULLABLE: &[&str] = &[
    "auto_deploy",
    "cpu_architecture",
    "exec",
    "failure_threshold",
    "grpc",
    "host",
    "http",
    "initial_delay_seconds",
    "liveness_probe",
    "path",
    "period_seconds",
    "readiness_probe",
    "service",
    "success_threshold",
    "tcp",
    "timeout_seconds",
];

/// The members of a response nullable wherever they occur, sorted: [`nullable_names`] of its
/// shape (checked by a unit test).
pub(super) const RESPONSE_NULLABLE: &[&str] = &[
    "config_json",
    "cpu_architecture",
    "exec",
    "failure_threshold",
    "grpc",
    "host",
    "http",
    "initial_delay_seconds",
    "liveness_probe",
    "path",
    "period_seconds",
    "readiness_probe",
    "service",
    "success_threshold",
    "tcp",
    "timeout_seconds",
];

/// The member names whose schema allows `null` in every object that has them.
#[cfg(test)]
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

#[cfg(test)]
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The written tables are what the shapes say: a member made nullable or not in the model
    /// fails here, with the table to write.
    #[test]
    fn the_nullable_tables_are_the_shapes() {
        for (name, table, shape) in [
            (
                "REQUEST_NULLABLE",
                REQUEST_NULLABLE,
                ContainerRequest::shape(),
            ),
            (
                "RESPONSE_NULLABLE",
                RESPONSE_NULLABLE,
                ContainerResponse::shape(),
            ),
        ] {
            let from_shape = nullable_names(shape);
            assert_eq!(table, from_shape, "{name} should be {from_shape:#?}");
        }
        // `config_yaml` is nullable in a response's scaler but not in its trigger
        // authentication: left out, so a null there always takes the complete path.
        assert!(!RESPONSE_NULLABLE.contains(&"config_yaml"));
        assert!(!RESPONSE_NULLABLE.contains(&"auto_deploy"));
    }
}
