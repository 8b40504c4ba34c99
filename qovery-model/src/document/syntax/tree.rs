//! The span-annotated document tree shared by the JSON and YAML parsers.
//!
//! Every value ([`Node`]) and every object key ([`Member::key_span`]) carries the [`Span`] of
//! its source text, as byte offsets into the original bytes (a leading byte order mark
//! included). Objects keep their members in document order, duplicates included; lookups by key
//! ([`Node::get`], [`Node::pointer_get`]) and the conversion to `serde_json`
//! ([`Node::to_json_value`]) use the *last* member with a given key, as `serde_json` does.

use std::borrow::Cow;
use std::ops::Range;

/// A range of byte offsets `start..end` into the original document bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive).
    #[must_use]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// An empty span at `offset`.
    #[must_use]
    pub const fn empty(offset: usize) -> Self {
        Self {
            start: offset,
            end: offset,
        }
    }

    /// The length in bytes.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range`, to slice the source with `get`.
    #[must_use]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Span> for Range<usize> {
    fn from(span: Span) -> Self {
        span.range()
    }
}

/// A value of the document with the span of its source text.
///
/// For containers the span goes from the opening bracket to the closing one (JSON, YAML flow
/// style) or from the first entry (the `-` of a block sequence) to the end of the last one
/// (YAML block style).
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// The value.
    pub value: Value<'a>,
    /// Where the value is written.
    pub span: Span,
}

/// A document value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null` (YAML: `null`, `~`, an empty value).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, with its source text.
    Number(Number),
    /// A string (escapes resolved): borrowed from the source when it holds no escape.
    String(Cow<'a, str>),
    /// An array (YAML sequence).
    Array(Vec<Node<'a>>),
    /// An object (YAML mapping): members in document order, duplicate keys included.
    Object(Vec<Member<'a>>),
}

/// A member of an object: a key, the span of the key, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key (escapes resolved; for a YAML scalar key of another type, its text).
    pub key: Cow<'a, str>,
    /// Where the key is written (quotes included for a quoted key).
    pub key_span: Span,
    /// The value.
    pub value: Node<'a>,
}

impl Member<'_> {
    /// The span from the start of the key to the end of the value.
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(
            self.key_span.start.min(self.value.span.start),
            self.key_span.end.max(self.value.span.end),
        )
    }
}

/// How a number literal classifies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberKind {
    /// An integer literal (no fraction, no exponent) that fits an `i64`. `-0` is `Integer(0)`.
    Integer(i64),
    /// An integer literal beyond the range of `i64` (such as `9223372036854775808`).
    IntegerOutOfRange,
    /// A literal with a fraction or an exponent (`1.0`, `1e3`, YAML `.5`) whose value is a
    /// finite `f64`. `1.0` is a float, not an integer: the model's integers are JSON integers.
    Float(f64),
    /// A float literal whose value is not a finite `f64`: too large (`1e400`), or YAML's
    /// `.inf`, `-.inf` and `.nan`.
    FloatOutOfRange,
}

/// A number: its literal text as written and its classification.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    text: Box<str>,
    kind: NumberKind,
}

impl Number {
    /// A number from its text and classification (the parsers are the normal source).
    #[must_use]
    pub fn new(text: impl Into<Box<str>>, kind: NumberKind) -> Self {
        Self {
            text: text.into(),
            kind,
        }
    }

    /// The integer `value`, with its decimal text.
    #[must_use]
    pub fn from_i64(value: i64) -> Self {
        Self::new(value.to_string(), NumberKind::Integer(value))
    }

    /// The float `value` (text as Rust's `{:?}` writes it, e.g. `1.0`); a non-finite value
    /// classifies as [`NumberKind::FloatOutOfRange`].
    #[must_use]
    pub fn from_f64(value: f64) -> Self {
        let kind = if value.is_finite() {
            NumberKind::Float(value)
        } else {
            NumberKind::FloatOutOfRange
        };
        Self::new(format!("{value:?}"), kind)
    }

    /// Parses and classifies a strict JSON number literal (RFC 8259 grammar: no `+`, no leading
    /// zeros, digits on both sides of `.`); `None` if `text` is not one.
    #[must_use]
    pub fn parse_json_literal(text: &str) -> Option<Self> {
        let b = text.as_bytes();
        let mut i = usize::from(b.first() == Some(&b'-'));
        let digits = |i: &mut usize| {
            let start = *i;
            while b.get(*i).is_some_and(u8::is_ascii_digit) {
                *i += 1;
            }
            *i > start
        };
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                digits(&mut i);
            }
            _ => return None,
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') {
            i += 1;
            if !digits(&mut i) {
                return None;
            }
            is_float = true;
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !digits(&mut i) {
                return None;
            }
            is_float = true;
        }
        (i == b.len()).then(|| Self::new(text, classify_decimal(text, is_float)))
    }

    /// The literal text as written in the document.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The classification of the literal.
    #[must_use]
    pub fn kind(&self) -> NumberKind {
        self.kind
    }

    /// Whether the literal is an integer literal (no fraction, no exponent), in `i64` range or
    /// not. `1.0` and `1e2` are not integer literals.
    #[must_use]
    pub fn is_integer_literal(&self) -> bool {
        matches!(
            self.kind,
            NumberKind::Integer(_) | NumberKind::IntegerOutOfRange
        )
    }

    /// The value of an integer literal that fits an `i64`; `None` for floats (even `1.0`) and
    /// out-of-range integers.
    #[must_use]
    pub fn as_i64(&self) -> Option<i64> {
        match self.kind {
            NumberKind::Integer(v) => Some(v),
            _ => None,
        }
    }

    /// The value of a non-negative integer literal that fits a `u64` (including those beyond
    /// `i64::MAX`); `None` otherwise.
    #[must_use]
    pub fn as_u64(&self) -> Option<u64> {
        match self.kind {
            NumberKind::Integer(v) => u64::try_from(v).ok(),
            NumberKind::IntegerOutOfRange => self.text.parse::<u64>().ok(),
            _ => None,
        }
    }

    /// The value as a finite `f64` (integers converted, possibly rounded); `None` when the value
    /// is not a finite `f64` ([`NumberKind::FloatOutOfRange`], or an integer literal too long for
    /// `f64`).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(&self) -> Option<f64> {
        match self.kind {
            NumberKind::Integer(v) => Some(v as f64),
            NumberKind::Float(v) => Some(v),
            NumberKind::FloatOutOfRange => None,
            NumberKind::IntegerOutOfRange => {
                Some(integer_text_to_f64(&self.text)).filter(|v| v.is_finite())
            }
        }
    }
}

impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

/// Classifies a decimal literal (JSON, or YAML decimal): `is_float` when it has a fraction or an
/// exponent.
pub(crate) fn classify_decimal(text: &str, is_float: bool) -> NumberKind {
    if is_float {
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => NumberKind::Float(v),
            _ => NumberKind::FloatOutOfRange,
        }
    } else {
        match text.parse::<i64>() {
            Ok(v) => NumberKind::Integer(v),
            Err(_) => NumberKind::IntegerOutOfRange,
        }
    }
}

/// The approximate value of an integer literal: decimal with an optional sign, or YAML's `0x`
/// and `0o` forms.
#[allow(clippy::cast_precision_loss)]
fn integer_text_to_f64(text: &str) -> f64 {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, text.get(1..).unwrap_or_default()),
        Some(b'+') => (false, text.get(1..).unwrap_or_default()),
        _ => (false, text),
    };
    let (radix, digits) = if let Some(hex) = digits.strip_prefix("0x") {
        (16u32, hex)
    } else if let Some(oct) = digits.strip_prefix("0o") {
        (8, oct)
    } else {
        (10, digits)
    };
    let value = if radix == 10 {
        digits.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        digits.chars().fold(0.0, |acc, c| {
            acc * f64::from(radix) + c.to_digit(radix).map_or(f64::NAN, f64::from)
        })
    };
    if negative { -value } else { value }
}

impl<'a> Value<'a> {
    /// A short name of the value's type for messages: `null`, `boolean`, `integer` (integer
    /// literals), `number` (other numbers), `string`, `array`, `object`.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_integer_literal() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The string, if this is a string.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    #[must_use]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is a number.
    #[must_use]
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    #[must_use]
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The members, if this is an object.
    #[must_use]
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// Whether this is `null`.
    #[must_use]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// One unescaped JSON Pointer reference token, or `None` for an invalid `~` escape.
pub(crate) fn unescape_token(token: &str) -> Option<Cow<'_, str>> {
    if !token.contains('~') {
        return Some(Cow::Borrowed(token));
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(Cow::Owned(out))
}

/// An RFC 6901 array index: `0` or digits without a leading zero (`-` is not an element).
fn array_index(token: &str) -> Option<usize> {
    let b = token.as_bytes();
    let valid = match b {
        [b'0'] => true,
        [b'1'..=b'9', rest @ ..] => rest.iter().all(u8::is_ascii_digit),
        _ => false,
    };
    if valid { token.parse().ok() } else { None }
}

impl<'a> Node<'a> {
    /// A node.
    #[must_use]
    pub fn new(value: Value<'a>, span: Span) -> Self {
        Self { value, span }
    }

    /// The member of this object with `key` (the last one if the key is duplicated).
    #[must_use]
    pub fn member(&self, key: &str) -> Option<&Member<'a>> {
        match &self.value {
            Value::Object(members) => members.iter().rev().find(|m| m.key == key),
            _ => None,
        }
    }

    /// The value of the member of this object with `key` (the last one if duplicated).
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.member(key).map(|m| &m.value)
    }

    /// The child of this node designated by one unescaped reference token.
    fn child(&self, token: &str) -> Option<&Node<'a>> {
        match &self.value {
            Value::Object(_) => self.get(token),
            Value::Array(items) => items.get(array_index(token)?),
            _ => None,
        }
    }

    /// The child designated by one reference token as written in a pointer (escaped, without
    /// `/`): `pointer_get(&format!("/{token}"))`, without building that pointer.
    pub(crate) fn token_child(&self, token: &str) -> Option<&Node<'a>> {
        self.child(&unescape_token(token)?)
    }

    /// The node designated by an RFC 6901 JSON Pointer (`""` is this node, `/a/0` is element 0
    /// of member `a`; `~1` stands for `/` and `~0` for `~`; array indexes are written without
    /// leading zeros). For a duplicated key the last member is used. `None` if the pointer is
    /// malformed or designates nothing.
    #[must_use]
    pub fn pointer_get(&self, pointer: &str) -> Option<&Node<'a>> {
        if pointer.is_empty() {
            return Some(self);
        }
        let mut node = self;
        for token in pointer.strip_prefix('/')?.split('/') {
            node = node.child(&unescape_token(token)?)?;
        }
        Some(node)
    }

    /// The object member designated by the last reference token of `pointer` (for the span of
    /// its key): `/a/b` gives the member `b` of the object at `/a`. `None` for `""`, for a
    /// malformed pointer, or when the last token designates an array element or nothing.
    #[must_use]
    pub fn pointer_member(&self, pointer: &str) -> Option<&Member<'a>> {
        let rest = pointer.strip_prefix('/')?;
        let (parent, last) = match rest.rfind('/') {
            Some(i) => (pointer.get(..=i)?, rest.get(i + 1..)?),
            None => ("", rest),
        };
        self.pointer_get(parent)?.member(&unescape_token(last)?)
    }

    /// The deepest node on the way of `pointer`, and how many reference tokens lead to it:
    /// `(node, n)` where `node` is designated by the first `n` tokens. For a pointer to a member
    /// that is missing, this gives the object that should hold it. A malformed pointer (not
    /// empty and not starting with `/`) gives `(self, 0)`.
    #[must_use]
    pub fn pointer_nearest(&self, pointer: &str) -> (&Node<'a>, usize) {
        let mut node = self;
        let mut depth = 0;
        if let Some(rest) = pointer.strip_prefix('/') {
            for token in rest.split('/') {
                match unescape_token(token).and_then(|t| node.child(&t)) {
                    Some(child) => {
                        node = child;
                        depth += 1;
                    }
                    None => break,
                }
            }
        }
        (node, depth)
    }

    /// Converts to a `serde_json::Value`, as `serde_json` would have parsed the same JSON:
    /// for a duplicated key the last member wins; integers become `i64` (or `u64` beyond
    /// `i64::MAX`), other numbers `f64`. One deliberate difference: `-0` is the integer 0 here
    /// (recent `serde_json` versions read it as the float `-0.0`). A number that has no finite `f64` value (`1e400`,
    /// YAML `.inf` or `.nan`, a huge integer) becomes `null`, since `serde_json` cannot hold it:
    /// validate numbers on the tree, not on the converted value.
    ///
    /// Recursion depth is the depth of the tree (bounded by the parsers' depth limit).
    #[must_use]
    pub fn to_json_value(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::String(s) => J::String(s.to_string()),
            Value::Number(n) => number_to_json(n),
            Value::Array(items) => J::Array(items.iter().map(Node::to_json_value).collect()),
            Value::Object(members) => {
                let mut map = serde_json::Map::new();
                for m in members {
                    map.insert(m.key.to_string(), m.value.to_json_value());
                }
                J::Object(map)
            }
        }
    }
}

fn number_to_json(n: &Number) -> serde_json::Value {
    use serde_json::Value as J;
    match n.kind() {
        NumberKind::Integer(v) => J::from(v),
        NumberKind::IntegerOutOfRange => match n.as_u64() {
            Some(v) => J::from(v),
            None => n
                .as_f64()
                .and_then(serde_json::Number::from_f64)
                .map_or(J::Null, J::Number),
        },
        NumberKind::Float(v) => serde_json::Number::from_f64(v).map_or(J::Null, J::Number),
        NumberKind::FloatOutOfRange => J::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::{Member, Node, Number, NumberKind, Span, Value};
    use serde_json::json;

    fn num(text: &str) -> Number {
        Number::parse_json_literal(text)
            .unwrap_or_else(|| Number::new("invalid", NumberKind::FloatOutOfRange))
    }

    #[test]
    fn number_classification() {
        assert_eq!(num("0").kind(), NumberKind::Integer(0));
        assert_eq!(num("-0").kind(), NumberKind::Integer(0));
        assert_eq!(num("-0").as_i64(), Some(0));
        assert_eq!(num("2147483648").as_i64(), Some(2_147_483_648));
        assert_eq!(num("9223372036854775807").as_i64(), Some(i64::MAX));
        assert_eq!(num("-9223372036854775808").as_i64(), Some(i64::MIN));
        let big = num("9223372036854775808");
        assert_eq!(big.kind(), NumberKind::IntegerOutOfRange);
        assert_eq!(big.as_i64(), None);
        assert_eq!(big.as_u64(), Some(9_223_372_036_854_775_808));
        assert!(big.is_integer_literal());
        assert_eq!(
            num("-9223372036854775809").kind(),
            NumberKind::IntegerOutOfRange
        );
        assert_eq!(num("-9223372036854775809").as_u64(), None);
        let one = num("1.0");
        assert_eq!(one.kind(), NumberKind::Float(1.0));
        assert_eq!(one.as_i64(), None);
        assert!(!one.is_integer_literal());
        assert_eq!(one.as_f64(), Some(1.0));
        assert_eq!(one.text(), "1.0");
        assert_eq!(num("1e2").kind(), NumberKind::Float(100.0));
        assert_eq!(num("1e400").kind(), NumberKind::FloatOutOfRange);
        assert_eq!(num("1e400").as_f64(), None);
        assert_eq!(num("-1e400").kind(), NumberKind::FloatOutOfRange);
        assert_eq!(num("1e-400").kind(), NumberKind::Float(0.0));
        assert_eq!(num("-0.0").as_f64(), Some(-0.0));
        assert_eq!(num("123").as_f64(), Some(123.0));
        let huge = "9".repeat(400);
        assert_eq!(num(&huge).kind(), NumberKind::IntegerOutOfRange);
        assert_eq!(num(&huge).as_f64(), None);
        assert_eq!(
            num("18446744073709551616").as_f64(),
            Some(18_446_744_073_709_551_616.0)
        );
    }

    #[test]
    fn json_literal_grammar() {
        for bad in [
            "", "-", "01", "+1", ".5", "1.", "1e", "1e+", "0x1", "NaN", "1 ", " 1", "--1",
        ] {
            assert!(Number::parse_json_literal(bad).is_none(), "{bad:?}");
        }
        for good in ["0", "-0", "10", "1.5", "1E5", "1e-5", "-0.0e+0"] {
            assert!(Number::parse_json_literal(good).is_some(), "{good:?}");
        }
    }

    #[test]
    fn constructors() {
        assert_eq!(Number::from_i64(-5).text(), "-5");
        assert_eq!(Number::from_i64(-5).kind(), NumberKind::Integer(-5));
        assert_eq!(Number::from_f64(1.0).text(), "1.0");
        assert_eq!(
            Number::from_f64(f64::INFINITY).kind(),
            NumberKind::FloatOutOfRange
        );
        assert_eq!(Number::from_f64(2.5).to_string(), "2.5");
    }

    fn leaf(value: Value, start: usize) -> Node {
        Node::new(value, Span::new(start, start + 1))
    }

    fn member<'a>(key: &'a str, value: Node<'a>) -> Member<'a> {
        Member {
            key: key.into(),
            key_span: Span::new(value.span.start.saturating_sub(3), value.span.start),
            value,
        }
    }

    fn sample() -> Node<'static> {
        // {"a": [10, {"b~c": 1, "d/e": 2}], "a": "last", "": 3, "x": {"y": null}}
        let inner = Node::new(
            Value::Object(vec![
                member("b~c", leaf(Value::Number(Number::from_i64(1)), 20)),
                member("d/e", leaf(Value::Number(Number::from_i64(2)), 30)),
            ]),
            Span::new(15, 35),
        );
        let arr = Node::new(
            Value::Array(vec![leaf(Value::Number(Number::from_i64(10)), 8), inner]),
            Span::new(7, 36),
        );
        Node::new(
            Value::Object(vec![
                member("a", arr),
                member("a", leaf(Value::String("last".into()), 45)),
                member("", leaf(Value::Number(Number::from_i64(3)), 55)),
                member(
                    "x",
                    Node::new(
                        Value::Object(vec![member("y", leaf(Value::Null, 70))]),
                        Span::new(65, 75),
                    ),
                ),
            ]),
            Span::new(0, 80),
        )
    }

    #[test]
    fn pointers() {
        let root = sample();
        let first_a = root.as_object_for_test(0);
        assert_eq!(root.pointer_get("").map(|n| n.span), Some(root.span));
        // Last duplicate wins.
        assert_eq!(root.pointer_get("/a").map(|n| n.span.start), Some(45));
        assert_eq!(root.pointer_get("/a/0"), None);
        assert_eq!(first_a.pointer_get("/0").map(|n| n.span.start), Some(8));
        assert_eq!(
            first_a.pointer_get("/1/b~0c").map(|n| n.span.start),
            Some(20)
        );
        assert_eq!(
            first_a.pointer_get("/1/d~1e").map(|n| n.span.start),
            Some(30)
        );
        assert_eq!(first_a.pointer_get("/1/b~c"), None);
        assert_eq!(first_a.pointer_get("/1/d~2e"), None);
        assert_eq!(first_a.pointer_get("/01"), None);
        assert_eq!(first_a.pointer_get("/-"), None);
        assert_eq!(first_a.pointer_get("/2"), None);
        assert_eq!(first_a.pointer_get("/+1"), None);
        assert_eq!(root.pointer_get("/").map(|n| n.span.start), Some(55));
        assert_eq!(root.pointer_get("/x/y").map(|n| n.span.start), Some(70));
        assert_eq!(root.pointer_get("x"), None);
        assert_eq!(root.pointer_get("/x/y/z"), None);

        assert_eq!(root.pointer_member("/x/y").map(|m| &*m.key), Some("y"));
        assert_eq!(
            root.pointer_member("/x/y").map(|m| m.key_span),
            Some(Span::new(67, 70))
        );
        assert_eq!(
            root.pointer_member("/a").map(|m| m.value.span.start),
            Some(45)
        );
        assert_eq!(root.pointer_member("/").map(|m| &*m.key), Some(""));
        assert_eq!(
            first_a.pointer_member("/1/d~1e").map(|m| &*m.key),
            Some("d/e")
        );
        assert_eq!(first_a.pointer_member("/0"), None);
        assert_eq!(root.pointer_member(""), None);
        assert_eq!(root.pointer_member("/nope"), None);

        let (node, n) = root.pointer_nearest("/x/missing/deeper");
        assert_eq!((node.span.start, n), (65, 1));
        let (node, n) = root.pointer_nearest("/x/y");
        assert_eq!((node.span.start, n), (70, 2));
        let (node, n) = root.pointer_nearest("bad");
        assert_eq!((node.span.start, n), (0, 0));
    }

    impl Node<'_> {
        fn as_object_for_test(&self, i: usize) -> &Self {
            match &self.value {
                Value::Object(m) => m.get(i).map_or(self, |m| &m.value),
                _ => self,
            }
        }
    }

    #[test]
    fn to_json() {
        let root = sample();
        assert_eq!(
            root.to_json_value(),
            json!({"a": "last", "": 3, "x": {"y": null}})
        );
        let nums = Node::new(
            Value::Array(
                [
                    "-0",
                    "1.0",
                    "1e400",
                    "18446744073709551615",
                    "18446744073709551616",
                    "-9223372036854775809",
                ]
                .iter()
                .map(|t| leaf(Value::Number(num(t)), 0))
                .collect(),
            ),
            Span::new(0, 1),
        );
        assert_eq!(
            nums.to_json_value(),
            json!([
                0,
                1.0,
                null,
                18_446_744_073_709_551_615_u64,
                18_446_744_073_709_551_616.0,
                -9_223_372_036_854_775_809.0
            ])
        );
        assert!(nums.to_json_value()[0].is_i64());
        assert!(nums.to_json_value()[1].is_f64());
    }

    #[test]
    fn value_helpers() {
        assert_eq!(Value::Null.type_name(), "null");
        assert_eq!(Value::Number(num("1")).type_name(), "integer");
        assert_eq!(Value::Number(num("1.5")).type_name(), "number");
        assert_eq!(Value::Array(vec![]).type_name(), "array");
        assert_eq!(Value::String("s".into()).as_str(), Some("s"));
        assert_eq!(Value::Bool(true).as_bool(), Some(true));
        assert!(Value::Null.is_null());
        let m = member("k", leaf(Value::Null, 10));
        assert_eq!(m.span(), Span::new(7, 11));
        assert_eq!(Span::new(3, 7).len(), 4);
        assert!(Span::empty(3).is_empty());
        assert_eq!(std::ops::Range::from(Span::new(1, 2)), 1..2);
    }
}
