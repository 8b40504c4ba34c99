//! A strict RFC 8259 JSON parser producing the span-annotated [`Node`] tree.
//!
//! - The input must be UTF-8; it is checked up front and the first bad byte is reported.
//! - A leading UTF-8 byte order mark is accepted and skipped silently; [`Parsed::had_bom`] tells
//!   the caller. Spans are offsets into the original bytes, BOM included.
//! - Nothing beyond RFC 8259 is accepted: no comments, no trailing commas, no single quotes, no
//!   unquoted keys, no `NaN`/`Infinity`, no `+1`, `.5`, `1.`, leading zeros or hexadecimal, no
//!   raw control characters in strings, no lone surrogate escapes, only space, tab, LF and CR
//!   as whitespace, exactly one value in the document. Each of these is a [`SyntaxError`] with
//!   the byte offset of the culprit and a message saying what was found and what was expected.
//! - Duplicate keys are reported as [`ParseIssue::DuplicateKey`] and both members are kept.
//! - The parser is iterative (an explicit stack), so nesting is bounded only by
//!   [`Limits::max_depth`], checked before each opening bracket; the number of values by
//!   [`Limits::max_nodes`]. It never panics and runs in time linear in the input.
//! - The parse stops at the first syntax error; no partial tree is returned.

use super::lex::{LexError, LexErrorKind, Lexer, Str};
use super::limits::Limits;
use super::parse::{
    BOM, KeyIndex, ParseIssue, Parsed, SyntaxError, SyntaxErrorKind as K, check_utf8,
    describe_char_at, line_column, push_member,
};
use super::tree::{Member, Node, Number, NumberKind, Span, Value, classify_decimal};
use std::borrow::Cow;
// Fix found by fuzzing (check_json): a bare word or a number quoted in a syntax error message is
// clipped to 60 characters (`invalid literal `sss...`` copied the whole word).
use crate::validate::quote::{self, clip};

/// Parses a JSON document.
///
/// # Errors
/// The first syntax error (including invalid UTF-8, an empty document and the limits of
/// `limits`), with its byte offset.
pub fn parse_json<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Parsed<'a>, SyntaxError> {
    let text = check_utf8(bytes)?;
    let had_bom = bytes.starts_with(BOM);
    let mut parser = Parser {
        lex: Lexer::new(text, if had_bom { BOM.len() } else { 0 }),
        decoded: String::new(),
        // Room for a payload's open containers (a root of about 20 members, a few nested
        // objects), so that the buffers seldom grow.
        items: Vec::with_capacity(16),
        members: Vec::with_capacity(32),
        limits: *limits,
        issues: Vec::new(),
        nodes: 0,
    };
    let root = parser.document()?;
    Ok(Parsed {
        root,
        issues: parser.issues,
        had_bom,
    })
}

/// An array or object being parsed. Its items or members so far are at the end of the parser's
/// `items` or `members`, from `first` on: one buffer of each for the whole document, so that a
/// container's vector is allocated once, at its exact size, when it closes.
enum Frame<'a> {
    Array {
        start: usize,
        first: usize,
    },
    Object {
        start: usize,
        first: usize,
        keys: KeyIndex,
        /// The key of the member whose value is being parsed.
        key: Cow<'a, str>,
        key_span: Span,
    },
}

impl Frame<'_> {
    fn start(&self) -> usize {
        match self {
            Frame::Array { start, .. } | Frame::Object { start, .. } => *start,
        }
    }

    fn noun(&self) -> &'static str {
        match self {
            Frame::Array { .. } => "array",
            Frame::Object { .. } => "object",
        }
    }
}

struct Parser<'a> {
    lex: Lexer<'a>,
    /// The contents of the last string that held an escape ([`Lexer::string`]).
    decoded: String,
    /// The items of the open arrays, innermost last (see [`Frame`]).
    items: Vec<Node<'a>>,
    /// The members of the open objects, innermost last (see [`Frame`]).
    members: Vec<Member<'a>>,
    limits: Limits,
    issues: Vec<ParseIssue>,
    nodes: usize,
}

/// Whether `b` continues a bare word (for messages about invalid literals and numbers).
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$' | b'.' | b'+' | b'-')
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.lex.peek()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.lex.bytes.get(offset).copied()
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.lex.slice(start, end)
    }

    fn error(&self, kind: K, offset: usize, message: impl Into<String>) -> SyntaxError {
        SyntaxError::new(kind, offset, message)
    }

    fn found(&self) -> String {
        describe_char_at(self.lex.text, self.lex.pos)
    }

    /// Skips whitespace; a comment is an error.
    #[inline]
    fn skip_ws(&mut self) -> Result<(), SyntaxError> {
        self.lex.skip_whitespace();
        match self.peek() {
            Some(b'#' | b'/') => self.no_comment(),
            _ => Ok(()),
        }
    }

    /// The error for a comment at `self.lex.pos`, which holds a `#` or a `/` (out of line: a
    /// `/` is an error anyway, reported later when it does not start a comment).
    #[cold]
    #[inline(never)]
    fn no_comment(&self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'#') => Err(self.comment_error()),
            Some(b'/') if matches!(self.peek_at(self.lex.pos + 1), Some(b'/' | b'*')) => {
                Err(self.comment_error())
            }
            _ => Ok(()),
        }
    }

    fn comment_error(&self) -> SyntaxError {
        self.error(K::Comment, self.lex.pos, "comments are not allowed in JSON")
    }

    /// The error for the end of the input inside the innermost open container.
    #[cold]
    #[inline(never)]
    fn unexpected_end(&self, stack: &[Frame<'a>]) -> SyntaxError {
        match stack.last() {
            Some(frame) => {
                let opened = frame.start();
                let mut err = self.error(
                    K::UnexpectedEnd,
                    self.lex.bytes.len(),
                    format!(
                        "unexpected end of input: the {} opened at {} is not closed",
                        frame.noun(),
                        line_column(self.lex.bytes, opened)
                    ),
                );
                err.opened_at = Some(opened);
                err
            }
            None => self.error(
                K::UnexpectedEnd,
                self.lex.bytes.len(),
                "unexpected end of input: expected a JSON value",
            ),
        }
    }

    /// Counts one more node.
    fn count(&mut self, node: &Node) -> Result<(), SyntaxError> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(self.error(
                K::NodeLimit,
                node.span.start,
                format!(
                    "the document has more than {} values (limit)",
                    self.limits.max_nodes
                ),
            ));
        }
        Ok(())
    }

    fn check_depth(&self, stack: &[Frame<'a>]) -> Result<(), SyntaxError> {
        if stack.len() >= self.limits.max_depth {
            return Err(self.error(
                K::DepthLimit,
                self.lex.pos,
                format!(
                    "nesting too deep: more than {} nested arrays and objects (limit)",
                    self.limits.max_depth
                ),
            ));
        }
        Ok(())
    }

    fn document(&mut self) -> Result<Node<'a>, SyntaxError> {
        self.skip_ws()?;
        if self.lex.pos >= self.lex.bytes.len() {
            let bom = if self.lex.bytes.starts_with(BOM) {
                BOM.len()
            } else {
                0
            };
            let message = if self.lex.bytes.len() > bom {
                "the document holds only whitespace: expected a JSON value"
            } else {
                "the document is empty: expected a JSON value"
            };
            return Err(self.error(K::Empty, self.lex.bytes.len(), message));
        }
        // A payload nests a few levels deep.
        let mut stack: Vec<Frame<'a>> = Vec::with_capacity(8);
        'value: loop {
            // A value is expected at `self.lex.pos` (whitespace skipped).
            let mut node = match self.peek() {
                Some(b'{') => {
                    self.check_depth(&stack)?;
                    let start = self.lex.pos;
                    self.lex.pos += 1;
                    self.skip_ws()?;
                    if self.peek() == Some(b'}') {
                        self.lex.pos += 1;
                        Node::new(Value::Object(Vec::new()), Span::new(start, self.lex.pos))
                    } else {
                        stack.push(Frame::Object {
                            start,
                            first: self.members.len(),
                            keys: KeyIndex::default(),
                            key: Cow::Borrowed(""),
                            key_span: Span::empty(start),
                        });
                        self.member_key(&mut stack, true)?;
                        continue 'value;
                    }
                }
                Some(b'[') => {
                    self.check_depth(&stack)?;
                    let start = self.lex.pos;
                    self.lex.pos += 1;
                    self.skip_ws()?;
                    match self.peek() {
                        Some(b']') => {
                            self.lex.pos += 1;
                            Node::new(Value::Array(Vec::new()), Span::new(start, self.lex.pos))
                        }
                        Some(b',') => {
                            return Err(self.error(
                                K::UnexpectedCharacter,
                                self.lex.pos,
                                "expected a value or `]` after `[`, found `,`",
                            ));
                        }
                        _ => {
                            stack.push(Frame::Array {
                                start,
                                first: self.items.len(),
                            });
                            continue 'value;
                        }
                    }
                }
                _ => self.scalar(&stack)?,
            };
            // Attach the completed node to its parent, closing containers as needed.
            loop {
                self.count(&node)?;
                let Some(frame) = stack.last_mut() else {
                    self.skip_ws()?;
                    if self.lex.pos < self.lex.bytes.len() {
                        return Err(self.error(
                            K::TrailingContent,
                            self.lex.pos,
                            format!(
                                "unexpected {} after the end of the JSON document",
                                self.found()
                            ),
                        ));
                    }
                    return Ok(node);
                };
                let close = match frame {
                    Frame::Array { .. } => {
                        self.items.push(node);
                        b']'
                    }
                    Frame::Object {
                        first,
                        keys,
                        key,
                        key_span,
                        ..
                    } => {
                        push_member(
                            &mut self.members,
                            *first,
                            keys,
                            &mut self.issues,
                            std::mem::take(key),
                            *key_span,
                            node,
                        );
                        b'}'
                    }
                };
                self.skip_ws()?;
                match self.peek() {
                    Some(b',') => {
                        let comma = self.lex.pos;
                        self.lex.pos += 1;
                        self.skip_ws()?;
                        if self.peek() == Some(close) {
                            return Err(self.error(
                                K::TrailingComma,
                                comma,
                                format!("trailing comma before `{}`", char::from(close)),
                            ));
                        }
                        if close == b'}' {
                            self.member_key(&mut stack, false)?;
                        } else if self.lex.pos >= self.lex.bytes.len() {
                            return Err(self.unexpected_end(&stack));
                        }
                        continue 'value;
                    }
                    Some(b) if b == close => {
                        self.lex.pos += 1;
                        let end = self.lex.pos;
                        node = match stack.pop() {
                            Some(Frame::Array { start, first }) => {
                                let items = self.items.split_off(first);
                                Node::new(Value::Array(items), Span::new(start, end))
                            }
                            Some(Frame::Object { start, first, .. }) => {
                                let members = self.members.split_off(first);
                                Node::new(Value::Object(members), Span::new(start, end))
                            }
                            None => return Err(self.unexpected_end(&stack)),
                        };
                    }
                    None => return Err(self.unexpected_end(&stack)),
                    Some(_) => {
                        let (what, closer) = if close == b']' {
                            ("an array element", "`]`")
                        } else {
                            ("an object member", "`}`")
                        };
                        let kind = if self.peek() == Some(0) {
                            K::NulByte
                        } else {
                            K::UnexpectedCharacter
                        };
                        return Err(self.error(
                            kind,
                            self.lex.pos,
                            format!(
                                "expected `,` or {closer} after {what}, found {}",
                                self.found()
                            ),
                        ));
                    }
                }
            }
        }
    }

    /// Parses the key of an object member and its `:`, leaving `self.lex.pos` at the value.
    fn member_key(&mut self, stack: &mut [Frame<'a>], first: bool) -> Result<(), SyntaxError> {
        if self.peek() != Some(b'"') {
            return Err(self.key_error(stack, first));
        }
        let (key, key_span) = self.string()?;
        self.skip_ws()?;
        if self.peek() != Some(b':') {
            return Err(self.colon_error(stack));
        }
        self.lex.pos += 1;
        self.skip_ws()?;
        if self.lex.pos >= self.lex.bytes.len() {
            return Err(self.unexpected_end(stack));
        }
        if let Some(Frame::Object {
            key: k,
            key_span: ks,
            ..
        }) = stack.last_mut()
        {
            *k = key;
            *ks = key_span;
        }
        Ok(())
    }

    /// The error for what is at `self.lex.pos` where a member's key (or, for the `first` member,
    /// a `}`) is expected and no `"` is.
    #[cold]
    #[inline(never)]
    fn key_error(&self, stack: &[Frame<'a>], first: bool) -> SyntaxError {
        let Some(b) = self.peek() else {
            return self.unexpected_end(stack);
        };
        let expected = if first {
            "expected a string key in double quotes or `}`"
        } else {
            "expected a string key in double quotes"
        };
        let (kind, message) = match b {
            b'\'' => (
                K::UnexpectedCharacter,
                format!("{expected}, found `'`: JSON strings use double quotes"),
            ),
            0 => (K::NulByte, format!("{expected}, found a NUL byte")),
            b if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                let end = self.word_end(self.lex.pos);
                (
                    K::InvalidLiteral,
                    format!(
                        "{expected}, found `{}`: object keys must be quoted",
                        clip(self.slice(self.lex.pos, end))
                    ),
                )
            }
            _ => (
                K::UnexpectedCharacter,
                format!("{expected}, found {}", self.found()),
            ),
        };
        self.error(kind, self.lex.pos, message)
    }

    /// The error for what is at `self.lex.pos` where the `:` after a key is expected and is not.
    #[cold]
    #[inline(never)]
    fn colon_error(&self, stack: &[Frame<'a>]) -> SyntaxError {
        if self.lex.pos >= self.lex.bytes.len() {
            return self.unexpected_end(stack);
        }
        self.error(
            K::UnexpectedCharacter,
            self.lex.pos,
            format!("expected `:` after the object key, found {}", self.found()),
        )
    }

    fn word_end(&self, from: usize) -> usize {
        let mut end = from;
        while self.peek_at(end).is_some_and(is_word_byte) {
            end += 1;
        }
        end
    }

    /// Parses a scalar value at `self.lex.pos`.
    fn scalar(&mut self, stack: &[Frame<'a>]) -> Result<Node<'a>, SyntaxError> {
        let start = self.lex.pos;
        match self.peek() {
            None => Err(self.unexpected_end(stack)),
            Some(b'"') => {
                let (s, span) = self.string()?;
                Ok(Node::new(Value::String(s), span))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'+') => Err(self.error(
                K::InvalidNumber,
                start,
                "`+` is not allowed before a number in JSON",
            )),
            Some(b'.') if self.peek_at(start + 1).is_some_and(|b| b.is_ascii_digit()) => {
                let end = self.word_end(start);
                Err(self.error(
                    K::InvalidNumber,
                    start,
                    format!(
                        "invalid number `{}`: a JSON number starts with a digit (write `0{}`)",
                        clip(self.slice(start, end)),
                        clip(self.slice(start, end))
                    ),
                ))
            }
            Some(b) if b.is_ascii_alphabetic() || b == b'_' || b == b'$' => {
                let end = self.word_end(start);
                let word = self.slice(start, end);
                let value = match word {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    "NaN" | "Infinity" | "inf" | "nan" => {
                        return Err(self.error(
                            K::InvalidNumber,
                            start,
                            format!("`{word}` is not allowed in JSON: numbers must be finite"),
                        ));
                    }
                    _ => {
                        let hint = match word.to_ascii_lowercase().as_str() {
                            "true" | "false" | "null" => {
                                " (JSON literals are lowercase: `true`, `false`, `null`)"
                            }
                            _ => " (strings must be in double quotes)",
                        };
                        return Err(self.error(
                            K::InvalidLiteral,
                            start,
                            format!(
                                "invalid literal `{}`: expected a JSON value{hint}",
                                clip(word)
                            ),
                        ));
                    }
                };
                self.lex.pos = end;
                Ok(Node::new(value, Span::new(start, end)))
            }
            Some(b'\'') => Err(self.error(
                K::UnexpectedCharacter,
                start,
                "expected a JSON value, found `'`: JSON strings use double quotes",
            )),
            Some(0) => {
                Err(self.error(K::NulByte, start, "expected a JSON value, found a NUL byte"))
            }
            Some(_) => Err(self.error(
                K::UnexpectedCharacter,
                start,
                format!("expected a JSON value, found {}", self.found()),
            )),
        }
    }

    /// Parses a number at `self.lex.pos` (a `-` or a digit).
    fn number(&mut self) -> Result<Node<'a>, SyntaxError> {
        let token = self.lex.number().map_err(|e| self.lex_error(e))?;
        let (start, end) = (token.start, self.lex.pos);
        let kind = match (token.float, token.magnitude) {
            (true, _) | (false, None) => classify_decimal(self.slice(start, end), token.float),
            (false, Some(magnitude)) => integer_kind(token.negative, magnitude),
        };
        let number = Number::new(self.slice(start, end), kind);
        Ok(Node::new(Value::Number(number), Span::new(start, end)))
    }

    /// Parses a string at `self.lex.pos` (the opening quote); returns it with its span, quotes
    /// included.
    fn string(&mut self) -> Result<(Cow<'a, str>, Span), SyntaxError> {
        let start = self.lex.pos;
        let contents = match self.lex.string(&mut self.decoded) {
            Ok(Str::Borrowed(text)) => Cow::Borrowed(text),
            Ok(Str::Decoded) => Cow::Owned(self.decoded.clone()),
            Err(error) => return Err(self.lex_error(error)),
        };
        Ok((contents, Span::new(start, self.lex.pos)))
    }

    /// The syntax error, with its message, for what the lexer found.
    #[cold]
    fn lex_error(&self, error: LexError) -> SyntaxError {
        let at = error.at;
        match error.kind {
            LexErrorKind::Unterminated { opened } => {
                let mut err = self.error(
                    K::UnterminatedString,
                    at,
                    format!(
                        "unexpected end of input: the string opened at {} is not closed (missing `\"`)",
                        line_column(self.lex.bytes, opened)
                    ),
                );
                err.opened_at = Some(opened);
                err
            }
            LexErrorKind::Control(b) => {
                let (kind, message) = match b {
                    0 => (
                        K::NulByte,
                        "NUL byte in a string: control characters must be escaped (`\\u0000`)"
                            .to_owned(),
                    ),
                    b'\n' | b'\r' => (
                        K::ControlCharacter,
                        "line break in a string: JSON strings cannot span lines (missing closing `\"`? \
                         otherwise write `\\n`)"
                            .to_owned(),
                    ),
                    b'\t' => (
                        K::ControlCharacter,
                        "tab character in a string: control characters must be escaped (write `\\t`)"
                            .to_owned(),
                    ),
                    _ => (
                        K::ControlCharacter,
                        format!(
                            "control character {} in a string: control characters must be escaped",
                            quote::char(char::from(b))
                        ),
                    ),
                };
                self.error(kind, at, message)
            }
            LexErrorKind::InvalidEscape => self.error(
                K::InvalidEscape,
                at,
                format!(
                    "invalid escape `\\{}` in a string: expected one of `\\\"`, `\\\\`, \
                     `\\/`, `\\b`, `\\f`, `\\n`, `\\r`, `\\t` or `\\uXXXX`",
                    describe_char_at(self.lex.text, at + 1).trim_matches('`')
                ),
            ),
            LexErrorKind::InvalidHex { digit } => {
                // Show the offending character unless it ends the string or the line.
                let end = match self.lex.text.get(digit..).and_then(|r| r.chars().next()) {
                    Some(c) if c.is_alphanumeric() => digit + c.len_utf8(),
                    _ => digit,
                };
                self.error(
                    K::InvalidEscape,
                    at,
                    format!(
                        "invalid unicode escape `{}`: expected 4 hexadecimal digits after `\\u`",
                        self.slice(at, end)
                    ),
                )
            }
            LexErrorKind::LoneSurrogate { unit } => self.error(
                K::LoneSurrogate,
                at,
                format!(
                    "invalid unicode escape `\\u{unit:04x}`: a UTF-16 surrogate must be part of a \
                     high-low pair (`\\uD83D\\uDE00`)"
                ),
            ),
            LexErrorKind::LeadingZero => self.error(
                K::InvalidNumber,
                at,
                format!(
                    "invalid number `{}`: leading zeros are not allowed in JSON",
                    clip(self.slice(at, self.word_end(at)))
                ),
            ),
            LexErrorKind::DigitAfterMinus if self.slice(at, self.word_end(at)) == "Infinity" => {
                self.error(
                    K::InvalidNumber,
                    at - 1,
                    "`-Infinity` is not allowed in JSON: numbers must be finite",
                )
            }
            LexErrorKind::DigitAfterMinus => self.error(
                K::InvalidNumber,
                at,
                format!(
                    "expected a digit after `-`, found {}",
                    describe_char_at(self.lex.text, at)
                ),
            ),
            LexErrorKind::DigitAfterPoint => self.error(
                K::InvalidNumber,
                at,
                format!(
                    "expected a digit after the decimal point, found {}",
                    describe_char_at(self.lex.text, at)
                ),
            ),
            LexErrorKind::DigitInExponent => self.error(
                K::InvalidNumber,
                at,
                format!(
                    "expected a digit in the exponent, found {}",
                    describe_char_at(self.lex.text, at)
                ),
            ),
            LexErrorKind::TrailingWord => self.error(
                K::InvalidNumber,
                at,
                format!(
                    "invalid number `{}`",
                    clip(self.slice(at, self.word_end(at)))
                ),
            ),
        }
    }
}

/// The classification of an integer literal of `magnitude` (which fits a `u64`), the one
/// [`classify_decimal`] gives its text: `-0` is `Integer(0)`, and what does not fit an `i64` is
/// out of range.
fn integer_kind(negative: bool, magnitude: u64) -> NumberKind {
    let value = if negative {
        0i64.checked_sub_unsigned(magnitude)
    } else {
        i64::try_from(magnitude).ok()
    };
    value.map_or(NumberKind::IntegerOutOfRange, NumberKind::Integer)
}

#[cfg(test)]
mod tests {
    use super::parse_json;
    use crate::document::limits::Limits;
    use crate::document::parse::{ParseIssue, Parsed, SyntaxError, SyntaxErrorKind as K};
    use crate::document::tree::{Node, NumberKind, Span, Value};

    fn ok(src: &str) -> Parsed<'_> {
        match parse_json(src.as_bytes(), &Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("{src:?}: unexpected error {e:?}"),
        }
    }

    fn err(src: &[u8]) -> SyntaxError {
        match parse_json(src, &Limits::default()) {
            Ok(p) => panic!("{src:?}: expected an error, got {p:?}"),
            Err(e) => e,
        }
    }

    /// Asserts the kind and offset of the error for `src`, and that the message contains
    /// `needle`.
    fn check(src: &str, kind: K, offset: usize, needle: &str) {
        let e = err(src.as_bytes());
        assert_eq!((e.kind, e.offset), (kind, offset), "{src:?}: {e:?}");
        assert!(
            e.message.contains(needle),
            "{src:?}: message {:?} lacks {needle:?}",
            e.message
        );
    }

    fn text(src: &str, span: Span) -> &str {
        src.get(span.range()).unwrap_or("<bad span>")
    }

    fn at<'a>(root: &'a Node<'_>, pointer: &str) -> &'a Node<'a> {
        match root.pointer_get(pointer) {
            Some(n) => n,
            None => panic!("no node at {pointer}"),
        }
    }

    #[test]
    fn spans_of_nested_values_and_keys() {
        let src = r#" {"a": [1, -2.5e3, {"b": "x\"y", "c": null}], "d": {"e": true, "f": []}, "é": "ü"} "#;
        let p = ok(src);
        assert!(p.issues.is_empty());
        assert!(!p.had_bom);
        let root = &p.root;
        assert_eq!(text(src, root.span), src.trim());
        assert_eq!(
            text(src, at(root, "/a").span),
            r#"[1, -2.5e3, {"b": "x\"y", "c": null}]"#
        );
        assert_eq!(text(src, at(root, "/a/0").span), "1");
        assert_eq!(text(src, at(root, "/a/1").span), "-2.5e3");
        assert_eq!(
            text(src, at(root, "/a/2").span),
            r#"{"b": "x\"y", "c": null}"#
        );
        assert_eq!(text(src, at(root, "/a/2/b").span), r#""x\"y""#);
        assert_eq!(at(root, "/a/2/b").value.as_str(), Some("x\"y"));
        assert_eq!(text(src, at(root, "/a/2/c").span), "null");
        assert_eq!(text(src, at(root, "/d/e").span), "true");
        assert_eq!(text(src, at(root, "/d/f").span), "[]");
        assert_eq!(text(src, at(root, "/é").span), "\"ü\"");
        let member = root.pointer_member("/a/2/c");
        assert_eq!(member.map(|m| text(src, m.key_span)), Some("\"c\""));
        let member = root.pointer_member("/é");
        assert_eq!(member.map(|m| text(src, m.key_span)), Some("\"é\""));
        assert_eq!(
            root.to_json_value(),
            serde_json::json!({"a": [1, -2500.0, {"b": "x\"y", "c": null}], "d": {"e": true, "f": []}, "é": "ü"})
        );
    }

    #[test]
    fn scalars_at_root() {
        for (src, json) in [
            ("0", serde_json::json!(0)),
            ("\"s\"", serde_json::json!("s")),
            (" true ", serde_json::json!(true)),
            ("false", serde_json::json!(false)),
            ("null\n", serde_json::json!(null)),
            ("[]", serde_json::json!([])),
            ("{}", serde_json::json!({})),
        ] {
            assert_eq!(ok(src).root.to_json_value(), json, "{src:?}");
        }
        assert_eq!(ok(" 12 ").root.span, Span::new(1, 3));
    }

    #[test]
    fn strings_and_escapes() {
        let p = ok(
            r#"["a\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC", "\ud83d\ude00", "plain é 😀", "\u0000"]"#,
        );
        let items: Vec<_> = match &p.root.value {
            Value::Array(items) => items
                .iter()
                .map(|n| n.value.as_str().unwrap_or("?").to_owned())
                .collect(),
            _ => vec![],
        };
        assert_eq!(
            items,
            ["a\"\\/\u{8}\u{c}\n\r\t", "Aé€", "😀", "plain é 😀", "\0"]
        );
    }

    #[test]
    fn numbers_classified() {
        let src = "[1e400, -0, 2147483648, 1.0, 9223372036854775808, -1.5E-3, 0]";
        let p = ok(src);
        let kind = |i: usize| {
            at(&p.root, &format!("/{i}"))
                .value
                .as_number()
                .map(|n| n.kind())
        };
        assert_eq!(kind(0), Some(NumberKind::FloatOutOfRange));
        assert_eq!(kind(1), Some(NumberKind::Integer(0)));
        assert_eq!(kind(2), Some(NumberKind::Integer(2_147_483_648)));
        assert_eq!(kind(3), Some(NumberKind::Float(1.0)));
        assert_eq!(kind(4), Some(NumberKind::IntegerOutOfRange));
        assert_eq!(kind(5), Some(NumberKind::Float(-0.0015)));
        assert_eq!(kind(6), Some(NumberKind::Integer(0)));
        let texts: Vec<_> = (0..7)
            .filter_map(|i| {
                at(&p.root, &format!("/{i}"))
                    .value
                    .as_number()
                    .map(|n| n.text().to_owned())
            })
            .collect();
        assert_eq!(
            texts,
            [
                "1e400",
                "-0",
                "2147483648",
                "1.0",
                "9223372036854775808",
                "-1.5E-3",
                "0"
            ]
        );
    }

    #[test]
    fn duplicate_keys_reported_with_both_spans() {
        let src = r#"{"a": 1, "b": {"x": 1, "x": 2}, "a": 3, "a": 4}"#;
        let p = ok(src);
        assert_eq!(
            p.issues,
            vec![
                ParseIssue::DuplicateKey {
                    key: "x".into(),
                    first: Span::new(15, 18),
                    duplicate: Span::new(23, 26)
                },
                ParseIssue::DuplicateKey {
                    key: "a".into(),
                    first: Span::new(1, 4),
                    duplicate: Span::new(32, 35)
                },
                ParseIssue::DuplicateKey {
                    key: "a".into(),
                    first: Span::new(1, 4),
                    duplicate: Span::new(40, 43)
                },
            ]
        );
        assert_eq!(text(src, Span::new(23, 26)), "\"x\"");
        match &p.root.value {
            Value::Object(members) => assert_eq!(members.len(), 4),
            v => panic!("{v:?}"),
        }
        assert_eq!(
            p.root.to_json_value(),
            serde_json::json!({"a": 4, "b": {"x": 2}})
        );
        // Escaped and unescaped spellings of the same key are duplicates.
        let p = ok(r#"{"a": 1, "\u0061": 2}"#);
        assert_eq!(p.issues.len(), 1);
    }

    #[test]
    fn many_keys_duplicates() {
        let mut src = String::from("{");
        for i in 0..100 {
            src.push_str(&format!("\"k{i}\": {i}, "));
        }
        src.push_str("\"k50\": 0, \"k99\": 1}");
        let p = ok(&src);
        let keys: Vec<_> = p
            .issues
            .iter()
            .map(|i| match i {
                ParseIssue::DuplicateKey {
                    key,
                    first,
                    duplicate,
                } => (
                    key.clone(),
                    text(&src, *first).to_owned(),
                    text(&src, *duplicate).to_owned(),
                ),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            keys,
            [
                ("k50".to_owned(), "\"k50\"".to_owned(), "\"k50\"".to_owned()),
                ("k99".to_owned(), "\"k99\"".to_owned(), "\"k99\"".to_owned())
            ]
        );
    }

    #[test]
    fn bom_accepted() {
        let mut src = b"\xEF\xBB\xBF".to_vec();
        src.extend_from_slice(br#"{"a": 1}"#);
        let p = match parse_json(&src, &Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("{e:?}"),
        };
        assert!(p.had_bom);
        assert_eq!(p.root.span, Span::new(3, 11));
        assert_eq!(
            p.root.pointer_get("/a").map(|n| n.span),
            Some(Span::new(9, 10))
        );
        // A BOM alone is an empty document; a BOM in the middle is an unexpected character.
        let e = err(b"\xEF\xBB\xBF");
        assert_eq!((e.kind, e.offset), (K::Empty, 3));
        let e = err(b"[1,\xEF\xBB\xBF2]");
        assert_eq!((e.kind, e.offset), (K::UnexpectedCharacter, 3));
        assert!(e.message.contains("U+FEFF"), "{}", e.message);
    }

    #[test]
    fn invalid_utf8_reported_at_first_bad_byte() {
        let e = err(b"{\"a\": \"x\xFFy\"}");
        assert_eq!((e.kind, e.offset), (K::Utf8, 8));
        let e = err(b"[1, 2]\xC3");
        assert_eq!((e.kind, e.offset), (K::Utf8, 6));
        let e = err(b"\xFF\xFE[\x001\x00]\x00");
        assert_eq!((e.kind, e.offset), (K::Utf8, 0));
    }

    #[test]
    fn empty_documents() {
        check("", K::Empty, 0, "empty");
        check("  \n\t ", K::Empty, 5, "only whitespace");
    }

    #[test]
    fn syntax_errors_with_offsets() {
        check(
            "{\"a\": 1,}",
            K::TrailingComma,
            7,
            "trailing comma before `}`",
        );
        check("[1, 2, ]", K::TrailingComma, 5, "trailing comma before `]`");
        check("[,1]", K::UnexpectedCharacter, 1, "found `,`");
        check(
            "[1,,2]",
            K::UnexpectedCharacter,
            3,
            "expected a JSON value, found `,`",
        );
        check(
            "{,}",
            K::UnexpectedCharacter,
            1,
            "expected a string key in double quotes or `}`, found `,`",
        );
        check(
            "// c\n{}",
            K::Comment,
            0,
            "comments are not allowed in JSON",
        );
        check(
            "{\"a\": 1 /* c */}",
            K::Comment,
            8,
            "comments are not allowed in JSON",
        );
        check(
            "[1, # c\n 2]",
            K::Comment,
            4,
            "comments are not allowed in JSON",
        );
        check(
            "[1 2]",
            K::UnexpectedCharacter,
            3,
            "expected `,` or `]` after an array element, found `2`",
        );
        check(
            "{\"a\" 1}",
            K::UnexpectedCharacter,
            5,
            "expected `:` after the object key, found `1`",
        );
        check(
            "{\"a\": 1 \"b\": 2}",
            K::UnexpectedCharacter,
            8,
            "expected `,` or `}` after an object member, found `\"`",
        );
        check(
            "{a: 1}",
            K::InvalidLiteral,
            1,
            "found `a`: object keys must be quoted",
        );
        check("{'a': 1}", K::UnexpectedCharacter, 1, "double quotes");
        check("['a']", K::UnexpectedCharacter, 1, "double quotes");
        check("[True]", K::InvalidLiteral, 1, "invalid literal `True`");
        check("[nul]", K::InvalidLiteral, 1, "invalid literal `nul`");
        check("[truex]", K::InvalidLiteral, 1, "invalid literal `truex`");
        check(
            "undefined",
            K::InvalidLiteral,
            0,
            "invalid literal `undefined`",
        );
        check(
            "[1] [2]",
            K::TrailingContent,
            4,
            "unexpected `[` after the end of the JSON document",
        );
        check("{} x", K::TrailingContent, 3, "after the end");
        check(
            "\u{a0}1",
            K::UnexpectedCharacter,
            0,
            "U+00A0 (no-break space)",
        );
        check(
            "{\"a\": }",
            K::UnexpectedCharacter,
            6,
            "expected a JSON value, found `}`",
        );
        check(
            "[1}",
            K::UnexpectedCharacter,
            2,
            "expected `,` or `]` after an array element, found `}`",
        );
        check("{\"a\":1]", K::UnexpectedCharacter, 6, "found `]`");
    }

    #[test]
    fn number_errors() {
        check("01", K::InvalidNumber, 0, "leading zeros");
        check(
            "[-01]",
            K::InvalidNumber,
            1,
            "invalid number `-01`: leading zeros",
        );
        check("+1", K::InvalidNumber, 0, "`+` is not allowed");
        check("[.5]", K::InvalidNumber, 1, "write `0.5`");
        check(
            "[1.]",
            K::InvalidNumber,
            3,
            "expected a digit after the decimal point, found `]`",
        );
        check("1.e5", K::InvalidNumber, 2, "decimal point");
        check("[1e]", K::InvalidNumber, 3, "exponent");
        check(
            "1e+",
            K::InvalidNumber,
            3,
            "exponent, found the end of the input",
        );
        check(
            "[-]",
            K::InvalidNumber,
            2,
            "expected a digit after `-`, found `]`",
        );
        check("-", K::InvalidNumber, 1, "after `-`");
        check("[NaN]", K::InvalidNumber, 1, "`NaN` is not allowed in JSON");
        check("Infinity", K::InvalidNumber, 0, "`Infinity`");
        check("[-Infinity]", K::InvalidNumber, 1, "`-Infinity`");
        check("0x1F", K::InvalidNumber, 0, "invalid number `0x1F`");
        check("[1.5.3]", K::InvalidNumber, 1, "invalid number `1.5.3`");
        check("[12abc]", K::InvalidNumber, 1, "invalid number `12abc`");
    }

    #[test]
    fn string_errors() {
        check(
            "[\"abc",
            K::UnterminatedString,
            5,
            "the string opened at line 1, column 2 is not closed",
        );
        assert_eq!(err(b"[\"abc").opened_at, Some(1));
        check("\"a\\", K::UnterminatedString, 3, "not closed");
        check("\"a\nb\"", K::ControlCharacter, 2, "line break in a string");
        check("\"a\tb\"", K::ControlCharacter, 2, "tab character");
        check("\"a\u{1}b\"", K::ControlCharacter, 2, "U+0001");
        check("\"ab\\x\"", K::InvalidEscape, 3, "invalid escape `\\x`");
        check("\"\\'\"", K::InvalidEscape, 1, "invalid escape `\\'`");
        check(
            "\"\\u12G4\"",
            K::InvalidEscape,
            1,
            "invalid unicode escape `\\u12G`",
        );
        check(
            "\"\\u12\"",
            K::InvalidEscape,
            1,
            "expected 4 hexadecimal digits",
        );
        check("\"\\u12é\"", K::InvalidEscape, 1, "`\\u12é`");
        check("[\"x\\ud800\"]", K::LoneSurrogate, 3, "`\\ud800`");
        check("[\"x\\ud800\\u0041\"]", K::LoneSurrogate, 3, "surrogate");
        check("[\"x\\udc00\"]", K::LoneSurrogate, 3, "`\\udc00`");
        check(
            "\"\\ud800\\u12\"",
            K::InvalidEscape,
            7,
            "4 hexadecimal digits",
        );
        // Escaped in a string with non-escaped text before: the escape error offset is exact.
        check("{\"key\": \"é\\q\"}", K::InvalidEscape, 11, "`\\q`");
    }

    #[test]
    fn nul_bytes() {
        let e = err(b"[1, \0]");
        assert_eq!((e.kind, e.offset), (K::NulByte, 4));
        let e = err(b"\"a\0\"");
        assert_eq!((e.kind, e.offset), (K::NulByte, 2));
        let e = err(b"{\"a\": 1\0}");
        assert_eq!((e.kind, e.offset), (K::NulByte, 7));
        let e = err(b"{\0}");
        assert_eq!((e.kind, e.offset), (K::NulByte, 1));
        let e = err(b"\0");
        assert_eq!((e.kind, e.offset), (K::NulByte, 0));
        let e = err(b"{} \0");
        assert_eq!((e.kind, e.offset), (K::TrailingContent, 3));
    }

    #[test]
    fn unexpected_end_names_the_opener() {
        let e = err(b"{\n  \"a\": [1,\n  2");
        assert_eq!(
            (e.kind, e.offset, e.opened_at),
            (K::UnexpectedEnd, 16, Some(9))
        );
        assert_eq!(
            e.message,
            "unexpected end of input: the array opened at line 2, column 8 is not closed"
        );
        let e = err(b"{\"a\": 1");
        assert_eq!(
            (e.kind, e.offset, e.opened_at),
            (K::UnexpectedEnd, 7, Some(0))
        );
        assert_eq!(
            e.message,
            "unexpected end of input: the object opened at line 1, column 1 is not closed"
        );
        for src in [
            "{",
            "{\"a\"",
            "{\"a\":",
            "{\"a\": 1,",
            "[",
            "[1,",
            "{\"a\": [",
            "[",
        ] {
            let e = err(src.as_bytes());
            assert_eq!((e.kind, e.offset), (K::UnexpectedEnd, src.len()), "{src:?}");
        }
    }

    #[test]
    fn crlf_and_whitespace() {
        let src = "{\r\n  \"a\":\t1\r\n}\r\n";
        let p = ok(src);
        assert_eq!(
            p.root.pointer_get("/a").map(|n| n.span),
            Some(Span::new(10, 11))
        );
        assert_eq!(p.root.span, Span::new(0, 14));
    }

    #[test]
    fn depth_limit() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        assert!(parse_json(b"[[[1]]]", &limits).is_ok());
        let e = parse_json(b"[[[[1]]]]", &limits).err();
        assert_eq!(e.map(|e| (e.kind, e.offset)), Some((K::DepthLimit, 3)));
        let e = parse_json(b"{\"a\": {\"a\": {\"a\": {}}}}", &limits).err();
        assert_eq!(e.map(|e| (e.kind, e.offset)), Some((K::DepthLimit, 18)));
        // Exactly the default depth is fine.
        let src = format!("{}{}", "[".repeat(128), "]".repeat(128));
        assert!(parse_json(src.as_bytes(), &Limits::default()).is_ok());
        let src = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert_eq!(err(src.as_bytes()).kind, K::DepthLimit);
    }

    #[test]
    fn very_deep_nesting_is_an_error_not_a_stack_overflow() {
        let start = std::time::Instant::now();
        let deep = "[".repeat(100_000);
        let e = err(deep.as_bytes());
        assert_eq!((e.kind, e.offset), (K::DepthLimit, 128));
        let deep = "{\"a\":".repeat(100_000);
        let e = err(deep.as_bytes());
        assert_eq!((e.kind, e.offset), (K::DepthLimit, 128 * 5));
        // Even with no depth limit, the explicit stack copes.
        let limits = Limits {
            max_depth: usize::MAX,
            ..Limits::default()
        };
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let parsed = parse_json(deep.as_bytes(), &limits);
        assert!(parsed.is_ok());
        // Dropping a 100,000-deep tree recurses: leak it in this test rather than risk the
        // test thread's stack (the default limits never build such a tree).
        std::mem::forget(parsed);
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn node_limit() {
        let limits = Limits {
            max_nodes: 3,
            ..Limits::default()
        };
        assert!(parse_json(b"[1, 2]", &limits).is_ok());
        // The array itself is the fourth node.
        let e = parse_json(b"[1, 2, 3]", &limits).err();
        assert_eq!(e.map(|e| (e.kind, e.offset)), Some((K::NodeLimit, 0)));
        let e = parse_json(b"[1, 2, 3, 4]", &limits).err();
        assert_eq!(e.map(|e| (e.kind, e.offset)), Some((K::NodeLimit, 10)));
    }

    use crate::test_rng::Rng;

    /// Equality of JSON values, numbers compared as `f64` within a relative 1e-15: without its
    /// `float_roundtrip` feature `serde_json` rounds long decimals imprecisely (the parser here
    /// uses Rust's correctly rounded conversion), and it reads `-0` as `-0.0` (here the
    /// integer 0).
    fn same(a: &serde_json::Value, b: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (a, b) {
            (J::Number(x), J::Number(y)) => match (x.as_f64(), y.as_f64()) {
                (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-15 * x.abs().max(y.abs()),
                _ => false,
            },
            (J::Array(x), J::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y))
            }
            (J::Object(x), J::Object(y)) => {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|((kx, vx), (ky, vy))| kx == ky && same(vx, vy))
            }
            _ => a == b,
        }
    }

    /// Random token soups: wherever `serde_json` accepts, the parser accepts with the same
    /// value, and wherever it rejects, the parser rejects.
    #[test]
    fn agrees_with_serde_json() {
        let mut rng = Rng(0xD1B5_4A32_D192_ED03);
        let tokens: &[&str] = &[
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "\"b\"",
            "\"\\u00e9\\n\"",
            "\"\\ud800\"",
            "\"\\ud83d\\ude00\"",
            "1",
            "-0",
            "0",
            "0.5",
            "-1.5e-3",
            "01",
            "1.",
            "true",
            "null",
            "false",
            " ",
            "\n",
            "\t",
            "\u{7f}",
            "\"\u{1}\"",
            "\"é\"",
            "18446744073709551616",
            "-",
            "e5",
        ];
        let limits = Limits {
            max_depth: 64,
            max_nodes: 10_000,
        };
        let mut accepted = 0;
        for _ in 0..20_000 {
            let len = rng.below(12);
            let src: String = (0..len).map(|_| tokens[rng.below(tokens.len())]).collect();
            let ours = parse_json(src.as_bytes(), &limits);
            let theirs = serde_json::from_str::<serde_json::Value>(&src);
            match (&ours, &theirs) {
                (Ok(p), Ok(v)) => {
                    accepted += 1;
                    let ours = p.root.to_json_value();
                    assert!(same(&ours, v), "{src:?}: {ours:?} != {v:?}");
                }
                (Err(_), Err(_)) => {}
                _ => panic!("{src:?}: ours {ours:?}, serde_json {theirs:?}"),
            }
        }
        assert!(accepted > 100, "only {accepted} valid documents generated");
    }

    #[test]
    fn fuzz_does_not_panic() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let alphabet: &[u8] =
            b"{}[]:,\"\\ \n\t\r-+.0123456789eEtrufalsn/*#u\x00\x01\xC3\xA9\xFF\xEF\xBB\xBF";
        let limits = Limits {
            max_depth: 16,
            max_nodes: 1000,
        };
        for _ in 0..4000 {
            let len = rng.below(48);
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let result = parse_json(&bytes, &limits);
            if let Err(e) = result {
                assert!(e.offset <= bytes.len(), "{bytes:?}: {e:?}");
            }
        }
        let valid = r#"{"name": "app", "ports": [{"internal_port": 8080, "publicly_accessible": true}], "env": {"A": "é\u00e9\ud83d\ude00"}, "cpu": 250.5, "n": null, "b": false, "deep": [[[{"x": -0.5e-3}]]]}"#;
        assert!(parse_json(valid.as_bytes(), &Limits::default()).is_ok());
        for cut in 0..valid.len() {
            let result = parse_json(&valid.as_bytes()[..cut], &Limits::default());
            assert!(result.is_err(), "prefix of length {cut} parsed");
        }
        // Random single-byte mutations of the valid document.
        for _ in 0..3000 {
            let mut bytes = valid.as_bytes().to_vec();
            let i = rng.below(bytes.len());
            if let Some(b) = bytes.get_mut(i) {
                *b = alphabet[rng.below(alphabet.len())];
            }
            if let Ok(p) = parse_json(&bytes, &Limits::default()) {
                // Every span of a successful parse is within the input.
                let _ = p.root.to_json_value();
                assert!(p.root.span.end <= bytes.len());
            }
        }
    }
}
