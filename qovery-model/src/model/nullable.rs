//! [`Nullable`]: a tri-state for optional fields that the spec also marks `nullable: true`.

use crate::validate::{CatalogueEntry, Path, Report, Validate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The value of an optional field that may also be `null` on the wire.
///
/// The Qovery API gives three different meanings to such a field (for example `auto_deploy` in a
/// `PUT /container/{containerId}` body, or `cpu_architecture`), so [`Option`] is not enough:
///
/// | wire | variant | meaning |
/// |---|---|---|
/// | key missing | [`Nullable::Absent`] | not sent: the server keeps its own value or default |
/// | `"key": null` | [`Nullable::Null`] | explicitly cleared / "use the platform default" |
/// | `"key": value` | [`Nullable::Value`] | the given value |
///
/// A struct field of this type must carry
/// `#[serde(default, skip_serializing_if = "Nullable::is_absent")]`:
/// `default` turns a missing key into [`Nullable::Absent`] (without it serde would treat a missing
/// key like `null`), and `skip_serializing_if` writes nothing for [`Nullable::Absent`]. With those
/// attributes the three states survive a deserialize → serialize round trip unchanged.
///
/// ```
/// use qovery_model::model::Nullable;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Debug, PartialEq, Serialize, Deserialize)]
/// struct Patch {
///     #[serde(default, skip_serializing_if = "Nullable::is_absent")]
///     auto_deploy: Nullable<bool>,
/// }
///
/// let absent: Patch = serde_json::from_str("{}").unwrap();
/// assert!(absent.auto_deploy.is_absent());
/// assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
///
/// let null: Patch = serde_json::from_str(r#"{"auto_deploy":null}"#).unwrap();
/// assert!(null.auto_deploy.is_null());
/// assert_eq!(serde_json::to_string(&null).unwrap(), r#"{"auto_deploy":null}"#);
///
/// let value: Patch = serde_json::from_str(r#"{"auto_deploy":true}"#).unwrap();
/// assert_eq!(value.auto_deploy, Nullable::Value(true));
/// assert_eq!(value.auto_deploy.as_value(), Some(&true));
/// assert_eq!(serde_json::to_string(&value).unwrap(), r#"{"auto_deploy":true}"#);
///
/// // Conversions.
/// assert_eq!(Nullable::from(Some(3)), Nullable::Value(3));
/// assert_eq!(Nullable::<i32>::from(None), Nullable::Null);
/// assert_eq!(Nullable::<i32>::default(), Nullable::Absent);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nullable<T> {
    /// The key is not present in the JSON object.
    Absent,
    /// The key is present with the value `null`.
    Null,
    /// The key is present with a non-null value.
    Value(T),
}

impl<T> Default for Nullable<T> {
    /// [`Nullable::Absent`], so that `#[serde(default)]` maps a missing key to it.
    fn default() -> Self {
        Nullable::Absent
    }
}

impl<T> Nullable<T> {
    /// `true` for [`Nullable::Absent`] (the key is missing). Used by `skip_serializing_if`.
    pub fn is_absent(&self) -> bool {
        matches!(self, Nullable::Absent)
    }

    /// `true` for [`Nullable::Null`] (the key is present with `null`).
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }

    /// `true` for [`Nullable::Value`] (the key is present with a non-null value).
    pub fn is_value(&self) -> bool {
        matches!(self, Nullable::Value(_))
    }

    /// The value, if there is one; `None` for both [`Nullable::Absent`] and [`Nullable::Null`].
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Nullable::Value(v) => Some(v),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// The value mutably, if there is one; `None` for both [`Nullable::Absent`] and [`Nullable::Null`].
    pub fn as_value_mut(&mut self) -> Option<&mut T> {
        match self {
            Nullable::Value(v) => Some(v),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// The value, if there is one, dropping the difference between absent and null.
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Value(v) => Some(v),
            Nullable::Absent | Nullable::Null => None,
        }
    }

    /// Borrows the value, keeping the state.
    pub fn as_ref(&self) -> Nullable<&T> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(v),
        }
    }

    /// Maps the value with `f`, keeping [`Nullable::Absent`] and [`Nullable::Null`] as they are.
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Nullable<U> {
        match self {
            Nullable::Absent => Nullable::Absent,
            Nullable::Null => Nullable::Null,
            Nullable::Value(v) => Nullable::Value(f(v)),
        }
    }
}

impl<T> From<T> for Nullable<T> {
    /// [`Nullable::Value`].
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    /// `Some(v)` becomes [`Nullable::Value`], `None` becomes [`Nullable::Null`] (an explicit `null`).
    fn from(value: Option<T>) -> Self {
        match value {
            Some(v) => Nullable::Value(v),
            None => Nullable::Null,
        }
    }
}

/// A present value is checked like `T`; absent and `null` have nothing to check.
impl<T: Validate> Validate for Nullable<T> {
    type Context = T::Context;

    fn validate_into(&self, ctx: &T::Context, path: &Path<'_>, report: &mut Report) {
        if let Nullable::Value(value) = self {
            value.validate_into(ctx, path, report);
        }
    }

    fn describe_rules(prefix: &str, out: &mut Vec<CatalogueEntry>) {
        T::describe_rules(prefix, out);
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    /// [`Nullable::Value`] serializes as its value; [`Nullable::Null`] as `null`. [`Nullable::Absent`]
    /// also writes `null` if it is serialized at all, but struct fields skip it with
    /// `skip_serializing_if = "Nullable::is_absent"`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Value(v) => v.serialize(serializer),
            Nullable::Null | Nullable::Absent => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    /// A present `null` becomes [`Nullable::Null`], a present value [`Nullable::Value`]. A missing key
    /// is handled by `#[serde(default)]` on the field, which yields [`Nullable::Absent`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Nullable::from)
    }
}

/// `T` or `null`.
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> schemars::JsonSchema for Nullable<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Nullable_{}", T::schema_name()).into()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        format!("qovery_model::Nullable<{}>", T::schema_id()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        crate::schema::__private::nullable(generator.subschema_for::<T>())
    }
}
