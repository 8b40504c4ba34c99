//! The `open_enum!` macro: string enums of the spec that also accept values newer than this crate.
//!
//! The Qovery enums grow over time (service types, registry kinds, annotation scopes were all
//! extended in 2025–2026), and the official generated clients fail to parse a response carrying a
//! value they do not know. An *open* enum keeps the known values as unit variants and stores any
//! other string verbatim in an `Unknown(String)` variant, so a response still parses and serializes
//! back unchanged. Validation decides separately whether an unknown value is acceptable.

/// Defines an open string enum.
///
/// ```text
/// open_enum! {
///     /// The type of your container registry.
///     pub enum RegistryKind {
///         /// Amazon Elastic Container Registry.
///         Ecr = "ECR",
///         /// Scaleway Container Registry.
///         ScalewayCr = "SCALEWAY_CR",
///     }
/// }
/// ```
///
/// generates a `#[non_exhaustive]` enum deriving `Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord`
/// with the listed unit variants plus `Unknown(String)`, and:
/// - `KNOWN`: the wire values in declaration (spec) order;
/// - `VARIANTS`: the known unit variants in the same order (`Unknown` excluded);
/// - `as_str`, `is_known`, `from_wire`;
/// - `Display` (the wire value) and `FromStr` (infallible, unknown values become `Unknown`);
/// - `Serialize` (the wire value) and `Deserialize` (any string; a non-string is an error).
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[non_exhaustive]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                $variant,
            )+
            /// A value newer than this crate; kept verbatim so a response still parses and
            /// re-serializes unchanged.
            ///
            /// [`from_wire`](Self::from_wire) and deserialization never put a known value here.
            Unknown(::std::string::String),
        }

        impl $name {
            /// The known wire values, in the order of the spec.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// The known variants, in the order of the spec (`Unknown` excluded).
            pub const VARIANTS: &'static [Self] = &[$(Self::$variant),+];

            /// The wire value (for `Unknown`, the string as received).
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)+
                    Self::Unknown(value) => value.as_str(),
                }
            }

            /// `true` unless this is `Unknown`.
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }

            /// The variant for a wire value; a value this crate does not know becomes `Unknown`.
            pub fn from_wire(value: &str) -> Self {
                Self::known(value).unwrap_or_else(|| Self::Unknown(value.to_owned()))
            }

            /// The known variant for a wire value, without allocating.
            fn known(value: &str) -> ::std::option::Option<Self> {
                match value {
                    $($wire => ::std::option::Option::Some(Self::$variant),)+
                    _ => ::std::option::Option::None,
                }
            }
        }

        impl $crate::validate::KnownValues for $name {
            const KNOWN: &'static [&'static str] = $name::KNOWN;

            fn as_wire(&self) -> &str {
                self.as_str()
            }

            fn is_known(&self) -> bool {
                $name::is_known(self)
            }
        }

        /// The spec's enum: a string with the known values. (Deserialization also accepts
        /// newer values; validation reports them.)
        #[cfg(feature = "schema")]
        impl $crate::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(stringify!($name))
            }

            fn schema_id() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed(concat!(module_path!(), "::", stringify!($name)))
            }

            fn json_schema(
                _: &mut $crate::schemars::SchemaGenerator,
            ) -> $crate::schemars::Schema {
                $crate::schema::__private::string_enum($name::KNOWN)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from_wire(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                struct WireVisitor;

                impl<'de> ::serde::de::Visitor<'de> for WireVisitor {
                    type Value = $name;

                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(
                            f,
                            "a {} string (known values: {})",
                            stringify!($name),
                            $name::KNOWN.join(", ")
                        )
                    }

                    fn visit_str<E: ::serde::de::Error>(
                        self,
                        value: &str,
                    ) -> ::std::result::Result<$name, E> {
                        ::std::result::Result::Ok($name::from_wire(value))
                    }

                    fn visit_borrowed_str<E: ::serde::de::Error>(
                        self,
                        value: &'de str,
                    ) -> ::std::result::Result<$name, E> {
                        ::std::result::Result::Ok($name::from_wire(value))
                    }

                    fn visit_string<E: ::serde::de::Error>(
                        self,
                        value: ::std::string::String,
                    ) -> ::std::result::Result<$name, E> {
                        // Reuse the owned buffer for an unknown value.
                        ::std::result::Result::Ok(match $name::known(&value) {
                            ::std::option::Option::Some(known) => known,
                            ::std::option::Option::None => $name::Unknown(value),
                        })
                    }
                }

                deserializer.deserialize_str(WireVisitor)
            }
        }
    };
}

pub(crate) use open_enum;
