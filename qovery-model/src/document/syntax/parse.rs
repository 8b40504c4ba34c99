//! Results shared by the JSON and YAML parsers: the parsed tree with its recoverable issues, and
//! the syntax error that stops a parse.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use super::position::LineIndex;
use super::tree::{Member, Node, Span};
// Keys and tags quoted in messages are clipped to 60 characters.
use crate::validate::quote::{self, clip};

/// A successfully parsed document.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// The root value.
    pub root: Node<'a>,
    /// Recoverable problems, in document order of detection (the parse went on).
    pub issues: Vec<ParseIssue>,
    /// Whether the input started with a UTF-8 byte order mark (accepted and skipped; spans
    /// still count its 3 bytes).
    pub had_bom: bool,
}

/// How serious a [`ParseIssue`] is, as suggested by this layer (callers may decide otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IssueSeverity {
    /// The document's meaning is ambiguous or part of it was dropped.
    Error,
    /// Something was ignored that does not change the data.
    Warning,
}

/// A recoverable problem found while parsing: the tree was still produced.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseIssue {
    /// A key appears more than once in the same object (JSON and YAML). Both members are kept
    /// in the tree; lookups and `to_json_value` use the last one. Reported once per repetition,
    /// each time with the span of the first occurrence.
    DuplicateKey {
        /// The key (unescaped).
        key: String,
        /// Span of the first occurrence of the key.
        first: Span,
        /// Span of this repetition of the key.
        duplicate: Span,
    },
    /// The YAML stream holds more than one document: only the first one was parsed.
    MultipleDocuments {
        /// Span of the start of the second document (its `---` marker).
        span_of_second: Span,
    },
    /// A YAML tag that is not a standard core-schema tag (`!Ref foo`, `!!python/object`) was
    /// ignored: the value is kept as if it were not tagged.
    CustomTag {
        /// The tag as written (`!Ref`, `!!binary`, `!<tag:example.com:x>`).
        tag: String,
        /// Span of the tagged node (tag included).
        span: Span,
    },
    /// A YAML standard tag does not fit its value (`!!int abc`, `!!map` on a scalar): the tag
    /// was ignored and the value kept as if it were not tagged.
    InvalidTaggedValue {
        /// The tag (`!!int`).
        tag: String,
        /// Span of the tagged node (tag included).
        span: Span,
    },
    /// A YAML mapping key that is a sequence or a mapping (`? [a, b]: c`): the member was
    /// skipped, since JSON keys are strings.
    ComplexKey {
        /// Span of the key.
        span: Span,
    },
}

impl ParseIssue {
    /// The span to point at: the duplicate key, the second document, the tagged node, the
    /// complex key.
    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            ParseIssue::DuplicateKey { duplicate, .. } => *duplicate,
            ParseIssue::MultipleDocuments { span_of_second } => *span_of_second,
            ParseIssue::CustomTag { span, .. }
            | ParseIssue::InvalidTaggedValue { span, .. }
            | ParseIssue::ComplexKey { span } => *span,
        }
    }

    /// A stable identifier of the kind of issue (`duplicate-key`, `multiple-documents`,
    /// `custom-tag`, `invalid-tagged-value`, `complex-key`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ParseIssue::DuplicateKey { .. } => "duplicate-key",
            ParseIssue::MultipleDocuments { .. } => "multiple-documents",
            ParseIssue::CustomTag { .. } => "custom-tag",
            ParseIssue::InvalidTaggedValue { .. } => "invalid-tagged-value",
            ParseIssue::ComplexKey { .. } => "complex-key",
        }
    }

    /// The suggested severity: duplicate keys, extra documents and skipped complex keys are
    /// errors (data is ambiguous or ignored); ignored tags are warnings.
    #[must_use]
    pub fn severity(&self) -> IssueSeverity {
        match self {
            ParseIssue::DuplicateKey { .. }
            | ParseIssue::MultipleDocuments { .. }
            | ParseIssue::ComplexKey { .. } => IssueSeverity::Error,
            ParseIssue::CustomTag { .. } | ParseIssue::InvalidTaggedValue { .. } => {
                IssueSeverity::Warning
            }
        }
    }

    /// A human-readable message (positions are left to the caller, except for the first
    /// occurrence of a duplicate key, given as a byte offset in [`ParseIssue::DuplicateKey`]).
    #[must_use]
    pub fn message(&self) -> String {
        match self {
            ParseIssue::DuplicateKey { key, .. } => {
                format!("duplicate key `{}`: the last occurrence wins", clip(key))
            }
            ParseIssue::MultipleDocuments { .. } => {
                "the file holds several YAML documents: only the first one is used".to_owned()
            }
            ParseIssue::CustomTag { tag, .. } => {
                format!("custom YAML tag `{}` ignored", clip(tag))
            }
            ParseIssue::InvalidTaggedValue { tag, .. } => {
                format!(
                    "the value does not fit the YAML tag `{}`: tag ignored",
                    clip(tag)
                )
            }
            ParseIssue::ComplexKey { .. } => {
                "a mapping key must be a scalar: this member is skipped".to_owned()
            }
        }
    }
}

impl fmt::Display for ParseIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// What kind of [`SyntaxError`] stopped the parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SyntaxErrorKind {
    /// The input is not valid UTF-8 (offset: the first bad byte).
    Utf8,
    /// The input holds no value (empty, whitespace only, YAML comments only).
    Empty,
    /// A character that cannot appear here.
    UnexpectedCharacter,
    /// The input ends inside a value (`opened_at`: the unclosed bracket).
    UnexpectedEnd,
    /// The input ends inside a string (`opened_at`: its opening quote).
    UnterminatedString,
    /// An invalid escape sequence in a JSON string (offset: the backslash).
    InvalidEscape,
    /// A `\uXXXX` escape of a UTF-16 surrogate that is not part of a pair (offset: the
    /// backslash).
    LoneSurrogate,
    /// An unescaped control character (U+0000 to U+001F) in a JSON string.
    ControlCharacter,
    /// A NUL byte, anywhere.
    NulByte,
    /// A comma before a closing bracket in JSON (offset: the comma).
    TrailingComma,
    /// A comment (`//`, `/*`, `#`) in JSON (offset: its first character).
    Comment,
    /// An invalid JSON number (`01`, `+1`, `.5`, `1.`, `NaN`, `0x10`; offset: where it goes
    /// wrong).
    InvalidNumber,
    /// A bare word that is not `true`, `false` or `null` in JSON (`True`, `undefined`, an
    /// unquoted key).
    InvalidLiteral,
    /// Something after the end of the JSON document.
    TrailingContent,
    /// Nesting deeper than [`Limits::max_depth`](super::limits::Limits::max_depth).
    DepthLimit,
    /// More nodes than [`Limits::max_nodes`](super::limits::Limits::max_nodes) (for YAML,
    /// typically an alias bomb).
    NodeLimit,
    /// A YAML alias to an anchor that is not defined before it.
    UnknownAlias,
    /// A YAML alias used inside the node of its own anchor (a recursive structure).
    RecursiveAlias,
    /// Any other YAML syntax error (the message is the YAML scanner's or parser's).
    Yaml,
}

impl SyntaxErrorKind {
    /// A stable identifier of the kind (`invalid-utf8`, `trailing-comma`, ...).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            SyntaxErrorKind::Utf8 => "invalid-utf8",
            SyntaxErrorKind::Empty => "empty-document",
            SyntaxErrorKind::UnexpectedCharacter => "unexpected-character",
            SyntaxErrorKind::UnexpectedEnd => "unexpected-end",
            SyntaxErrorKind::UnterminatedString => "unterminated-string",
            SyntaxErrorKind::InvalidEscape => "invalid-escape",
            SyntaxErrorKind::LoneSurrogate => "lone-surrogate",
            SyntaxErrorKind::ControlCharacter => "control-character",
            SyntaxErrorKind::NulByte => "nul-byte",
            SyntaxErrorKind::TrailingComma => "trailing-comma",
            SyntaxErrorKind::Comment => "comment",
            SyntaxErrorKind::InvalidNumber => "invalid-number",
            SyntaxErrorKind::InvalidLiteral => "invalid-literal",
            SyntaxErrorKind::TrailingContent => "trailing-content",
            SyntaxErrorKind::DepthLimit => "depth-limit",
            SyntaxErrorKind::NodeLimit => "node-limit",
            SyntaxErrorKind::UnknownAlias => "unknown-alias",
            SyntaxErrorKind::RecursiveAlias => "recursive-alias",
            SyntaxErrorKind::Yaml => "yaml-syntax",
        }
    }
}

/// The error that stopped a parse.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct SyntaxError {
    /// Byte offset of the problem in the original bytes (a leading BOM included); may be the
    /// length of the input for an unexpected end.
    pub offset: usize,
    /// What was found and what was expected. When the message refers to another place (the
    /// unclosed bracket of an unexpected end), it gives its line and column.
    pub message: String,
    /// The kind of error.
    pub kind: SyntaxErrorKind,
    /// For an unexpected end: byte offset of the bracket or quote that is not closed.
    pub opened_at: Option<usize>,
}

impl SyntaxError {
    /// An error without an `opened_at` offset.
    #[must_use]
    pub fn new(kind: SyntaxErrorKind, offset: usize, message: impl Into<String>) -> Self {
        Self {
            offset,
            message: message.into(),
            kind,
            opened_at: None,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SyntaxError {}

/// The UTF-8 byte order mark.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks that the whole input is UTF-8, reporting the first bad byte.
pub(crate) fn check_utf8(bytes: &[u8]) -> Result<&str, SyntaxError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let message = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
            "the document is UTF-16 (it starts with a UTF-16 byte order mark): it must be UTF-8"
                .to_owned()
        } else {
            match (e.error_len(), bytes.get(offset)) {
                (None, _) => "invalid UTF-8: the input ends in the middle of a character".to_owned(),
                (Some(_), Some(b)) => {
                    format!("invalid UTF-8: byte 0x{b:02X} is not valid here (the document must be UTF-8)")
                }
                (Some(_), None) => "invalid UTF-8".to_owned(),
            }
        };
        SyntaxError::new(SyntaxErrorKind::Utf8, offset, message)
    })
}

/// "line L, column C" of `offset`, for messages that refer to another place.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> String {
    let p = LineIndex::new(bytes).position(offset);
    format!("line {}, column {}", p.line, p.column)
}

/// Describes the character at `offset` of `text` for "found ..." messages.
pub(crate) fn describe_char_at(text: &str, offset: usize) -> String {
    match text.get(offset..).and_then(|rest| rest.chars().next()) {
        None => "the end of the input".to_owned(),
        Some(c) => quote::char(c),
    }
}

/// Finds duplicate keys in one object in amortized constant time per key: a linear scan for
/// small objects, a hash map (built on demand) beyond.
#[derive(Debug, Default)]
pub(crate) struct KeyIndex {
    /// While the scan is linear: bit [`fingerprint`]`(key)` is set for each key recorded. Equal
    /// keys have equal fingerprints, so a key whose bit is clear is new and needs no scan (most
    /// keys of an object: the scan is quadratic in its size).
    fingerprints: u64,
    map: Option<HashMap<String, usize>>,
}

/// Objects with fewer members than this are scanned linearly (a payload's root has about 20:
/// scanning them is cheaper than hashing and cloning every key).
pub(crate) const LINEAR_SCAN_MAX: usize = 32;

/// One of 64 bits, from the length and the first and last bytes of `key`: a few instructions,
/// and the keys of an object (`cpu`, `memory`, `ports`...) mostly differ in one of them.
fn fingerprint(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    let mix = (key.len() as u64)
        ^ u64::from(first.unwrap_or(0)) << 16
        ^ u64::from(last.unwrap_or(0)) << 24;
    // The top 6 bits of a multiplicative hash (Fibonacci hashing).
    1 << (mix.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

impl KeyIndex {
    /// Returns the index of the first member of `members` (the members before the new one)
    /// with `key`, and records `key` as the member at index `members.len()`. Every member of
    /// `members` was recorded by this index.
    #[inline]
    pub(crate) fn check(&mut self, members: &[Member], key: &str) -> Option<usize> {
        if self.map.is_none() && members.len() < LINEAR_SCAN_MAX {
            let bit = fingerprint(key);
            let seen = self.fingerprints & bit != 0;
            self.fingerprints |= bit;
            return if seen {
                members.iter().position(|m| m.key == key)
            } else {
                None
            };
        }
        self.check_in_map(members, key)
    }

    /// [`check`](Self::check) beyond the linear scan: out of line, so that the scan stays small
    /// enough to be inlined.
    #[inline(never)]
    fn check_in_map(&mut self, members: &[Member], key: &str) -> Option<usize> {
        let map = self.map.get_or_insert_with(|| {
            let mut map = HashMap::with_capacity(members.len() * 2);
            for (i, m) in members.iter().enumerate() {
                map.entry(m.key.to_string()).or_insert(i);
            }
            map
        });
        match map.get(key) {
            Some(&first) => Some(first),
            None => {
                map.insert(key.to_owned(), members.len());
                None
            }
        }
    }
}

/// Adds the member (key, key span, value) to the object whose members are `members[first..]`
/// (the end of `members`), reporting a duplicate key.
pub(crate) fn push_member<'a>(
    members: &mut Vec<Member<'a>>,
    first: usize,
    keys: &mut KeyIndex,
    issues: &mut Vec<ParseIssue>,
    key: Cow<'a, str>,
    key_span: Span,
    value: Node<'a>,
) {
    let object = members.get(first..).unwrap_or_default();
    if let Some(earlier) = keys.check(object, &key) {
        let first = object.get(earlier).map_or(key_span, |m| m.key_span);
        issues.push(duplicate_key(&key, first, key_span));
    }
    members.push(Member {
        key,
        key_span,
        value,
    });
}

/// The issue for a repeated key (rare: out of line).
#[cold]
#[inline(never)]
fn duplicate_key(key: &str, first: Span, duplicate: Span) -> ParseIssue {
    ParseIssue::DuplicateKey {
        key: key.to_owned(),
        first,
        duplicate,
    }
}

#[cfg(test)]
mod tests {
    use super::{IssueSeverity, KeyIndex, ParseIssue, SyntaxErrorKind, check_utf8, push_member};
    use crate::document::tree::{Node, Span, Value};

    #[test]
    fn key_index_small_and_large() {
        for n in [3usize, 40] {
            let mut members = Vec::new();
            let mut keys = KeyIndex::default();
            let mut issues = Vec::new();
            for i in 0..n {
                let span = Span::new(i * 10, i * 10 + 3);
                push_member(
                    &mut members,
                    0,
                    &mut keys,
                    &mut issues,
                    format!("k{i}").into(),
                    span,
                    Node::new(Value::Null, span),
                );
            }
            assert!(issues.is_empty());
            for (i, key) in ["k1", "k1", "k0"].into_iter().enumerate() {
                let span = Span::new(1000 + i, 1001 + i);
                push_member(
                    &mut members,
                    0,
                    &mut keys,
                    &mut issues,
                    key.into(),
                    span,
                    Node::new(Value::Null, span),
                );
            }
            assert_eq!(
                issues,
                vec![
                    ParseIssue::DuplicateKey {
                        key: "k1".into(),
                        first: Span::new(10, 13),
                        duplicate: Span::new(1000, 1001)
                    },
                    ParseIssue::DuplicateKey {
                        key: "k1".into(),
                        first: Span::new(10, 13),
                        duplicate: Span::new(1001, 1002)
                    },
                    ParseIssue::DuplicateKey {
                        key: "k0".into(),
                        first: Span::new(0, 3),
                        duplicate: Span::new(1002, 1003)
                    },
                ],
                "n = {n}"
            );
            assert_eq!(members.len(), n + 3);
        }
    }

    #[test]
    fn utf8_errors() {
        let err = check_utf8(b"ab\xFFcd").err();
        assert_eq!(
            err.as_ref().map(|e| (e.kind, e.offset)),
            Some((SyntaxErrorKind::Utf8, 2))
        );
        assert!(err.is_some_and(|e| e.message.contains("0xFF")));
        let err = check_utf8(b"ab\xE2\x82").err();
        assert_eq!(err.as_ref().map(|e| e.offset), Some(2));
        assert!(err.is_some_and(|e| e.message.contains("middle of a character")));
        let err = check_utf8(b"\xFF\xFE{\x00}\x00").err();
        assert!(err.is_some_and(|e| e.offset == 0 && e.message.contains("UTF-16")));
        assert_eq!(check_utf8(b"ok").ok(), Some("ok"));
    }

    #[test]
    fn issue_helpers() {
        let issue = ParseIssue::CustomTag {
            tag: "!Ref".into(),
            span: Span::new(3, 11),
        };
        assert_eq!(issue.message(), "custom YAML tag `!Ref` ignored");
        assert_eq!(issue.severity(), IssueSeverity::Warning);
        assert_eq!(issue.span(), Span::new(3, 11));
        assert_eq!(issue.code(), "custom-tag");
        let dup = ParseIssue::DuplicateKey {
            key: "a".into(),
            first: Span::new(1, 4),
            duplicate: Span::new(9, 12),
        };
        assert_eq!(dup.span(), Span::new(9, 12));
        assert_eq!(dup.severity(), IssueSeverity::Error);
        assert_eq!(
            dup.to_string(),
            "duplicate key `a`: the last occurrence wins"
        );
        assert_eq!(SyntaxErrorKind::TrailingComma.code(), "trailing-comma");
    }
}
