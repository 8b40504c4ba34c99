//! Position-preserving parsing of raw JSON and YAML payload documents.
//!
//! This is the bottom layer of the "complete" validation path: it turns the raw bytes of a
//! document into one span-annotated tree ([`tree::Node`]), whatever the source format, so that
//! later layers can walk the tree against the model's shape and map JSON Pointers back to byte
//! offsets ([`tree::Node::pointer_get`]) and then to 1-based lines and columns
//! ([`position::LineIndex`]).
//!
//! - [`json::parse_json`]: a strict RFC 8259 parser (no comments, no trailing commas, ...).
//! - `yaml::parse_yaml` (feature `yaml`): YAML 1.2 (core schema) through `saphyr-parser`.
//!
//! Both parsers never panic, whatever the bytes, enforce the same [`limits::Limits`] (nesting
//! depth, number of nodes), stop at the first syntax error ([`parse::SyntaxError`]) and report
//! recoverable problems such as duplicate keys as [`parse::ParseIssue`]s next to the tree.

pub mod json;
pub mod limits;
pub mod parse;
pub mod position;
pub mod tree;
#[cfg(feature = "yaml")]
pub mod yaml;

mod check;
mod fast;
mod fix;
mod shape;

pub use check::{CheckOptions, DEFAULT_MAX_BYTES, DocumentKind, Syntax, check, codes};
pub use shape::codes as structural_codes;
