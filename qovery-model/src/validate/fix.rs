//! Fixes as data: byte-range edits on the original document, with how safe they are to apply.
//!
//! The model is ruff's (`Fix`, `Edit`, `Applicability`) with rustc's meaning of applicability.
//! A fix never rewrites a document through a serializer: each [`Edit`] replaces one byte range of
//! the text that was checked, so everything outside the edits (key order, indentation, comments,
//! quoting style, line ends, a BOM, the final newline) is kept byte for byte.
//!
//! [`apply_fixes`] is the one place where edits are applied: the CLI's `--fix`, `--diff` and the
//! language server's code actions all call it, so they cannot disagree.

use serde::Serialize;
use std::ops::Range;

/// How certain a fix is to keep the payload's meaning. Serialized as [`Applicability::as_str`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Applicability {
    /// Shown to the user, never applied automatically (the right edit needs a human choice).
    Display,
    /// Probably right, but it changes what the payload means (which of two duplicate keys wins,
    /// which member a misspelt name was meant to be): applied only when the user asks for
    /// unsafe fixes.
    Unsafe,
    /// Certainly keeps the meaning the author intended: applied without asking.
    Safe,
}

impl Applicability {
    /// `"safe"`, `"unsafe"` or `"display"`, as written in every output format.
    pub const fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::Display => "display",
        }
    }
}

impl std::fmt::Display for Applicability {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One replacement of a byte range of the original document.
///
/// An insertion is an empty range; a deletion is an empty replacement. Serialized as
/// `{"range": {"start": 10, "end": 14}, "replacement": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Edit {
    /// Bytes of the original document that are replaced (`start..end`, `end` exclusive).
    pub range: Range<usize>,
    /// The text written in their place.
    pub replacement: String,
}

impl Edit {
    /// Replaces `range` with `replacement`.
    pub fn replace(range: Range<usize>, replacement: impl Into<String>) -> Self {
        Edit {
            range,
            replacement: replacement.into(),
        }
    }

    /// Inserts `text` before the byte at `offset`.
    pub fn insert(offset: usize, text: impl Into<String>) -> Self {
        Edit::replace(offset..offset, text)
    }

    /// Deletes `range`.
    pub fn delete(range: Range<usize>) -> Self {
        Edit::replace(range, String::new())
    }
}

/// A fix for one diagnostic: edits that are applied together or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    /// What the fix does, in the imperative (`move \`2.14.0\` to \`tag\``).
    pub title: String,
    /// How safe it is to apply without asking.
    pub applicability: Applicability,
    /// The edits, sorted by start and not overlapping one another.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of `edits`, which are sorted here; `None` when two of them overlap (a fix
    /// builder that produced overlapping edits has a bug, and a wrong fix is worse than none).
    pub fn new(
        title: impl Into<String>,
        applicability: Applicability,
        mut edits: Vec<Edit>,
    ) -> Option<Self> {
        edits.sort_by_key(|edit| (edit.range.start, edit.range.end));
        let overlapping = edits
            .windows(2)
            .any(|pair| pair[0].range.end > pair[1].range.start);
        let inverted = edits.iter().any(|edit| edit.range.start > edit.range.end);
        if edits.is_empty() || overlapping || inverted {
            return None;
        }
        Some(Fix {
            title: title.into(),
            applicability,
            edits,
        })
    }

    /// A safe fix (see [`Applicability::Safe`]).
    pub fn safe(title: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        Fix::new(title, Applicability::Safe, edits)
    }

    /// An unsafe fix (see [`Applicability::Unsafe`]).
    pub fn unsafe_(title: impl Into<String>, edits: Vec<Edit>) -> Option<Self> {
        Fix::new(title, Applicability::Unsafe, edits)
    }

    /// The bytes this fix touches, from the start of its first edit to the end of its last.
    pub fn range(&self) -> Range<usize> {
        let start = self.edits.first().map_or(0, |edit| edit.range.start);
        let end = self.edits.last().map_or(0, |edit| edit.range.end);
        start..end
    }

    /// Whether it is applied when fixes of at least `threshold` are asked for.
    pub fn is_applicable(&self, threshold: Applicability) -> bool {
        self.applicability >= threshold
    }
}

/// A value a [`Change`] writes; the document layer writes it in the document's syntax, in the
/// quoting style of the value it replaces. Serialized as the JSON value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum Scalar {
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
}

impl Scalar {
    /// The value as JSON writes it (`"HTTP"`, `443`); also valid YAML (a double-quoted scalar).
    pub fn to_json(&self) -> String {
        match self {
            Scalar::String(text) => serde_json::Value::from(text.as_str()).to_string(),
            Scalar::Integer(value) => value.to_string(),
        }
    }
}

/// One change of a [`Repair`], said on the payload's values (JSON Pointers), not on bytes.
/// Serialized as `{"op": "set", "pointer": ..., "value": ...}` (`add`, `remove`, `rename_key`,
/// `remove_overridden`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "op", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Change {
    /// Sets the member at `pointer` to `value`: the value is replaced when the member is present;
    /// when it is absent, the member is added after the member the diagnostic is located at if
    /// that one is in the same object, else after the last member of its object.
    Set {
        /// Where the value is.
        pointer: String,
        /// What it becomes.
        value: Scalar,
    },
    /// Adds the member at `pointer` with `value` when it is absent. When it is present with
    /// another value, the payload says two things: the value is replaced and the fix is unsafe
    /// whatever the repair's applicability (which of the two was meant is a guess).
    Add {
        /// Where the member goes.
        pointer: String,
        /// Its value.
        value: Scalar,
    },
    /// Removes the member at `pointer`.
    Remove {
        /// The member.
        pointer: String,
    },
    /// Renames the member whose key the diagnostic is located at.
    RenameKey {
        /// The new key.
        to: String,
    },
    /// Removes the member that the key the diagnostic is located at overrides: the previous
    /// member with the same key in the same object (the one most parsers drop).
    RemoveOverridden,
}

/// What would repair a diagnostic, stated by the rule that found it, on the payload's values.
///
/// The rule knows what the right value is; the document checker knows where the bytes are. It
/// turns a repair into a [`Fix`] of byte edits (or into none, when an edit shape cannot be done
/// in that document), so the help a rule prints and the fix it offers come from one place.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Repair {
    /// What it does, in the imperative; the title of the fix.
    pub title: String,
    /// How safe it is to apply without asking.
    pub applicability: Applicability,
    /// The changes, applied together.
    pub changes: Vec<Change>,
}

impl Repair {
    /// A repair of `applicability`.
    pub fn new(
        title: impl Into<String>,
        applicability: Applicability,
        changes: Vec<Change>,
    ) -> Self {
        Repair {
            title: title.into(),
            applicability,
            changes,
        }
    }

    /// A safe repair (see [`Applicability::Safe`]).
    pub fn safe(title: impl Into<String>, changes: Vec<Change>) -> Self {
        Repair::new(title, Applicability::Safe, changes)
    }

    /// An unsafe repair (see [`Applicability::Unsafe`]).
    pub fn unsafe_(title: impl Into<String>, changes: Vec<Change>) -> Self {
        Repair::new(title, Applicability::Unsafe, changes)
    }

    /// A safe repair that sets the value at `pointer` to the string `value`.
    pub fn set_string(title: impl Into<String>, pointer: &str, value: impl Into<String>) -> Self {
        Repair::safe(
            title,
            vec![Change::Set {
                pointer: pointer.to_owned(),
                value: Scalar::String(value.into()),
            }],
        )
    }
}

/// The pointer of the member `name` beside the one at `pointer` (in the same object).
pub fn sibling(pointer: &str, name: &str) -> String {
    let parent = pointer.rsplit_once('/').map_or("", |(parent, _)| parent);
    let mut out = parent.to_owned();
    out.push('/');
    super::path::push_escaped(&mut out, name);
    out
}

/// The outcome of [`apply_fixes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The document with the applied fixes' edits.
    pub output: Vec<u8>,
    /// How many fixes were applied.
    pub applied: usize,
    /// How many applicable fixes were left out because they overlap one applied before them;
    /// another round on the fixed document may apply them.
    pub skipped: usize,
}

/// Applies the fixes of at least `threshold` to `source`, in order of position.
///
/// A fix is applied whole or not at all: one whose bytes overlap a fix already applied (or
/// that reaches past the end of `source`, or splits a UTF-8 character) is skipped and counted,
/// as ruff and rustfix do; re-checking the output and applying again picks it up if it still
/// applies. Two insertions at the same offset are both kept, in the order given. Bytes outside
/// the applied edits are copied unchanged.
pub fn apply_fixes<'f>(
    source: &[u8],
    fixes: impl IntoIterator<Item = &'f Fix>,
    threshold: Applicability,
) -> Applied {
    let mut fixes: Vec<&Fix> = fixes
        .into_iter()
        .filter(|fix| fix.is_applicable(threshold))
        .collect();
    fixes.sort_by_key(|fix| {
        let range = fix.range();
        (range.start, range.end)
    });
    let mut output = Vec::with_capacity(source.len());
    let mut copied = 0;
    let (mut applied, mut skipped) = (0, 0);
    for fix in fixes {
        let range = fix.range();
        let in_bounds = range.end <= source.len()
            && fix.edits.iter().all(|edit| {
                on_boundary(source, edit.range.start) && on_boundary(source, edit.range.end)
            });
        // An insertion at the very offset where the previous fix ended does not overlap it.
        let overlaps = range.start < copied;
        if !in_bounds || overlaps {
            skipped += 1;
            continue;
        }
        for edit in &fix.edits {
            output.extend_from_slice(&source[copied..edit.range.start]);
            output.extend_from_slice(edit.replacement.as_bytes());
            copied = edit.range.end;
        }
        applied += 1;
    }
    output.extend_from_slice(&source[copied..]);
    Applied {
        output,
        applied,
        skipped,
    }
}

/// Whether `offset` does not fall inside a UTF-8 multi-byte sequence of `source`.
fn on_boundary(source: &[u8], offset: usize) -> bool {
    source.get(offset).is_none_or(|&byte| (byte as i8) >= -0x40)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(applicability: Applicability, edits: Vec<Edit>) -> Fix {
        match Fix::new("test", applicability, edits) {
            Some(fix) => fix,
            None => panic!("overlapping test edits"),
        }
    }

    #[test]
    fn overlapping_edits_make_no_fix() {
        let edits = vec![Edit::replace(0..4, "a"), Edit::replace(3..6, "b")];
        assert_eq!(Fix::safe("x", edits), None);
        assert_eq!(Fix::safe("x", Vec::new()), None);
        let adjacent = vec![Edit::replace(3..6, "b"), Edit::replace(0..3, "a")];
        let fix = Fix::safe("x", adjacent).map(|f| f.range());
        assert_eq!(fix, Some(0..6));
    }

    #[test]
    fn applies_in_position_order_and_keeps_other_bytes() {
        let source = br#"{"cpu": "1000", "tag": 1}"#;
        let quoted = fix(Applicability::Safe, vec![Edit::replace(8..14, "1000")]);
        let tag = fix(Applicability::Safe, vec![Edit::replace(23..24, "\"1\"")]);
        let result = apply_fixes(source, [&tag, &quoted], Applicability::Safe);
        assert_eq!(result.output, br#"{"cpu": 1000, "tag": "1"}"#);
        assert_eq!((result.applied, result.skipped), (2, 0));
    }

    #[test]
    fn threshold_filters_and_overlaps_are_skipped_whole() {
        let source = b"abcdef";
        let first = fix(
            Applicability::Safe,
            vec![Edit::replace(0..2, "X"), Edit::insert(6, "!")],
        );
        let inside = fix(Applicability::Safe, vec![Edit::replace(3..4, "Y")]);
        let risky = fix(Applicability::Unsafe, vec![Edit::delete(4..5)]);
        let safe_only = apply_fixes(source, [&first, &inside, &risky], Applicability::Safe);
        // `inside` lies within the span of `first` (0..6): skipped, not half-applied.
        assert_eq!(safe_only.output, b"Xcdef!");
        assert_eq!((safe_only.applied, safe_only.skipped), (1, 1));
        let all = apply_fixes(source, [&risky, &inside], Applicability::Unsafe);
        assert_eq!(all.output, b"abcYf");
    }

    #[test]
    fn out_of_bounds_or_mid_character_edits_are_skipped() {
        let source = "é1".as_bytes();
        let past_end = fix(Applicability::Safe, vec![Edit::replace(2..9, "x")]);
        let mid_char = fix(Applicability::Safe, vec![Edit::replace(1..2, "x")]);
        let result = apply_fixes(source, [&past_end, &mid_char], Applicability::Safe);
        assert_eq!(result.output, source);
        assert_eq!((result.applied, result.skipped), (0, 2));
    }
}
