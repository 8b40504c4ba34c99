//! Check a payload file as it was written: [`check`] takes the bytes of a JSON (or, with the
//! `yaml` feature, YAML) document and returns a [`Report`](crate::validate::Report) of every
//! problem, each with its JSON Pointer, code, line and column, in file order; [`read`] also
//! gives the typed value, from the same single parse.
//!
//! ```
//! use qovery_model::document::{CheckOptions, Syntax, check};
//!
//! let yaml = b"name: api\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\nimage_name: acme/api\nhealthchecks: {}\n";
//! let report = check(yaml, &CheckOptions::new().syntax(Syntax::Yaml));
//! # #[cfg(feature = "yaml")]
//! assert_eq!(report.to_string(), "1:1: error[required] /tag: the required member `tag` is missing");
//! ```
//!
//! [`CheckOptions`] chooses the payload ([`DocumentKind`]), the syntax ([`Syntax`]), the
//! registry context, strictness and size limits.
//!
//! # Inside
//!
//! Position-preserving parsing of raw JSON and YAML payload documents is the bottom layer of the "complete" validation path: it turns the raw bytes of a
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
//!
//! # The pipeline, by folder
//!
//! - `syntax/`: bytes to the spanned tree: the JSON lexer (shared with the fast path), the JSON
//!   and YAML parsers, the tree, byte offsets to lines and columns, the limits. Its modules are public here under their own names
//!   ([`json`], [`tree`], [`position`]...).
//! - `structure/`: the walk of the tree against the model's compiled shape (types, `i32`,
//!   `null`, required, unknown and duplicate members), which repairs the value for the typed
//!   rules and suggests the member meant.
//! - `check.rs`, the orchestrator ([`check()`]): the fast path or the complete one, for the
//!   payload kind of the options (`options.rs`, `kinds.rs`). `fast.rs`, the fast path: a strict reader straight into the typed model, for the valid
//!   documents. `complete.rs`, the complete path: parse, walk, typed rules on the repaired
//!   value. `locate.rs`: every diagnostic located by its pointer and sorted in file order.

mod syntax;
#[cfg(feature = "yaml")]
pub use syntax::yaml;
pub use syntax::{json, limits, parse, position, tree};

mod structure;
use structure::shape;

mod check;
mod complete;
mod fast;
mod fix;
mod kinds;
mod locate;
mod options;

pub use crate::model::DocumentKind;
pub use check::check;
pub use check::{Checked, Payload, read};
pub use options::{CheckOptions, DEFAULT_MAX_BYTES, Syntax, codes};
pub use shape::closest;
pub use shape::codes as structural_codes;

/// Builds now what checking a document of `kind` otherwise builds the first time it needs it:
/// the shapes the complete path walks (from the exported schema: about 3.2 M instructions, a
/// millisecond) and the rules' regular expressions.
///
/// Checking never needs this call. It moves that cost off the first invalid document: a
/// parallel caller runs it on a thread that would otherwise wait (`qovery-lint check` does,
/// on its workers while the walk lists the first directory), a long-lived one before its
/// first document. Calling it again, or from several threads, costs nothing more.
pub fn prepare(kind: DocumentKind) {
    kinds::prepare(kind);
    crate::rules::prepare();
}
