//! [`Draft`]: the dialects the schemas are exported in.

use std::fmt;
use std::str::FromStr;

/// A JSON Schema dialect the export can be written in.
///
/// | draft | for | definitions | null |
/// |---|---|---|---|
/// | [`Draft::Draft2020_12`] | the current standard; `jsonschema`, the CLI | `$defs` | `type: [t, "null"]`, `anyOf` with `{"type": "null"}` |
/// | [`Draft::Draft07`] | editors and SchemaStore, whose support is best for draft-07 | `definitions` | as 2020-12 |
/// | [`Draft::OpenApi3`] | OpenAPI 3.0 `components.schemas` | `#/components/schemas` | `nullable: true` |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Draft {
    /// JSON Schema 2020-12 (`https://json-schema.org/draft/2020-12/schema`).
    Draft2020_12,
    /// JSON Schema draft-07 (`http://json-schema.org/draft-07/schema#`).
    Draft07,
    /// The OpenAPI 3.0 Schema Object, a superset of a subset of JSON Schema draft-05 (`nullable`,
    /// no `type` arrays, no `const`, no `if`/`then`, a single `example`).
    OpenApi3,
}

impl Draft {
    /// Every draft, in the order the export writes them.
    pub const ALL: [Draft; 3] = [Draft::Draft2020_12, Draft::Draft07, Draft::OpenApi3];

    /// The short name used on the command line and in file names: `2020-12`, `draft-07`,
    /// `openapi-3.0`.
    pub const fn name(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => "2020-12",
            Draft::Draft07 => "draft-07",
            Draft::OpenApi3 => "openapi-3.0",
        }
    }

    /// The meta-schema URI: the `$schema` of a JSON Schema root, or for OpenAPI 3.0 the
    /// OpenAPI Initiative's schema of OpenAPI 3.0 documents.
    pub const fn meta_schema(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => "https://json-schema.org/draft/2020-12/schema",
            Draft::Draft07 => "http://json-schema.org/draft-07/schema#",
            Draft::OpenApi3 => "https://spec.openapis.org/oas/3.0/schema/2021-09-28",
        }
    }

    /// Where named schemas live, as a JSON Pointer from the document root (without `#`):
    /// `/$defs`, `/definitions`, `/components/schemas`.
    pub const fn definitions_path(self) -> &'static str {
        match self {
            Draft::Draft2020_12 => "/$defs",
            Draft::Draft07 => "/definitions",
            Draft::OpenApi3 => "/components/schemas",
        }
    }
}

impl fmt::Display for Draft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`Draft`] name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDraft(String);

impl fmt::Display for UnknownDraft {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown schema draft {:?}: expected `2020-12`, `draft-07` or `openapi-3.0`",
            self.0
        )
    }
}

impl std::error::Error for UnknownDraft {}

impl FromStr for Draft {
    type Err = UnknownDraft;

    /// Accepts the [`Draft::name`]s and common spellings (`2020-12`, `draft2020-12`, `07`,
    /// `draft-07`, `draft7`, `openapi3`, `openapi-3.0`, `oas3`), case-insensitively.
    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let normalized: String = value
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | '.' | ' '))
            .flat_map(char::to_lowercase)
            .collect();
        match normalized.as_str() {
            "202012" | "draft202012" => Ok(Draft::Draft2020_12),
            "07" | "7" | "draft07" | "draft7" => Ok(Draft::Draft07),
            "openapi3" | "openapi30" | "oas3" | "oas30" => Ok(Draft::OpenApi3),
            _ => Err(UnknownDraft(value.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for draft in Draft::ALL {
            assert_eq!(draft.name().parse::<Draft>(), Ok(draft));
        }
        assert_eq!("Draft7".parse::<Draft>(), Ok(Draft::Draft07));
        assert_eq!("openapi3".parse::<Draft>(), Ok(Draft::OpenApi3));
        assert!("draft-04".parse::<Draft>().is_err());
    }
}
