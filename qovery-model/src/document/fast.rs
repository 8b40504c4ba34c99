//! The fast path's reader: a strict JSON (RFC 8259) [`serde::Deserializer`] that reads a clean
//! document straight into the typed model, and refuses everything else.
//!
//! A refusal is not a diagnostic: it is [`Refused`], a unit error with no message, and the
//! caller then takes the complete path, which finds, locates and explains every problem. So
//! this reader has one obligation: what it accepts, the complete path must accept too, as the
//! same value. It refuses:
//! - anything that is not RFC 8259 JSON (it is stricter than `serde_json` there: a struct is
//!   never read from an array);
//! - an unknown member (the only exception: a string `$schema` at the root, which names the
//!   schema for editors);
//! - a `null` that is not the value of a member nullable everywhere in the document (serde
//!   reads `null` in an `Option` member as "absent", the spec allows it only where it says
//!   `nullable`);
//! - a document over the [`Limits`] (nesting depth, at most [`STACK_SAFE_DEPTH`] here,
//!   and number of values), and any value the model's `Deserialize` rejects.
//!
//! What makes it fast, next to `serde_json` with `serde_ignored` and a second scan for nulls:
//! the text is checked as UTF-8 once, up front, so every string without an escape is handed to
//! the visitor borrowed from the input, with no copy and no second UTF-8 check; unknown members
//! and nulls are noticed where they are read, in the same pass; an error is a zero-sized value,
//! so a refusal allocates nothing.

use super::limits::Limits;
use crate::word;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};
use std::fmt;

/// Deepest nesting the reader follows whatever the limits say: it recurses, the complete path's
/// parsers do not. Deeper documents go to the complete path.
const STACK_SAFE_DEPTH: usize = 128;

/// The reader declined the document: the complete path must check it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refused;

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the document needs the complete path")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Refused
    }
}

type Result<T> = std::result::Result<T, Refused>;

/// Reads a whole document as a `T`, or refuses it.
///
/// `nullable` lists the member names whose value may be `null` (see the module docs). A
/// document over the `limits` is refused, so that the complete path reports it.
pub(crate) fn read<T: de::DeserializeOwned>(
    bytes: &[u8],
    nullable: &[String],
    limits: &Limits,
) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut reader = Reader::new(text, nullable, limits);
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_whitespace();
    (reader.pos == reader.bytes.len()).then_some(value)
}

struct Reader<'de, 'n> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    /// How many containers are open.
    depth: usize,
    /// How many may be open at once: the limits' depth, at most [`STACK_SAFE_DEPTH`].
    max_depth: usize,
    /// How many more values may be read (the limits' number of nodes).
    nodes_left: usize,
    /// Decoded strings that hold escapes (the only strings that cannot be borrowed).
    scratch: String,
    nullable: &'n [String],
    /// Whose value is about to be read: what decides whether it may be `null`, or skipped.
    member: Member<'de>,
}

/// Whose value is about to be read.
#[derive(Clone, Copy)]
enum Member<'de> {
    /// The root value, or an array item: never `null`, never skipped.
    None,
    /// The value of the member `key` (of the root object when `root`). Whether `key` is
    /// nullable is looked up only when a `null` is met: most values are not `null`.
    Key { key: &'de str, root: bool },
    /// A member whose key holds an escape, judged when the key was decoded.
    Judged { null_ok: bool, skip_ok: bool },
}

/// A string read from the input: borrowed when it holds no escape, else decoded in `scratch`.
enum Text<'de, 's> {
    Borrowed(&'de str),
    Copied(&'s str),
}

/// A JSON number, classified the way `serde_json` does it, so that each model type accepts
/// exactly the numbers it accepts through `serde_json`.
enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl Number {
    fn visit<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Number::U64(n) => visitor.visit_u64(n),
            Number::I64(n) => visitor.visit_i64(n),
            Number::F64(n) => visitor.visit_f64(n),
        }
    }
}

/// The index of the first byte at or after `pos` that ends a run of plain string bytes (`"`, `\\`
/// or a control character), or `bytes.len()`.
///
/// Eight bytes at a time (the usual "has a zero byte" word trick, on safe `u64` loads), then one
/// at a time: most strings of a payload are short, but this loop reads every string byte of
/// the document.
#[inline]
fn plain_run(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(word) = word::at(bytes, pos) {
        let stops = word::equal(word, b'"') | word::equal(word, b'\\') | word::below(word, 0x20);
        if stops != 0 {
            return pos + word::first(stops);
        }
        pos += 8;
    }
    while bytes
        .get(pos)
        .is_some_and(|&b| !matches!(b, b'"' | b'\\' | 0x00..=0x1F))
    {
        pos += 1;
    }
    pos
}

/// The root member that names the schema for editors, the one unknown member accepted.
const SCHEMA: &str = "$schema";

fn is_nullable(nullable: &[String], key: &str) -> bool {
    nullable.iter().any(|name| name == key)
}

impl<'de, 'n> Reader<'de, 'n> {
    fn new(text: &'de str, nullable: &'n [String], limits: &Limits) -> Self {
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            max_depth: limits.max_depth.min(STACK_SAFE_DEPTH),
            // The root value is the first node.
            nodes_left: limits.max_nodes.saturating_sub(1),
            scratch: String::new(),
            nullable,
            member: Member::None,
        }
    }

    fn skip_whitespace(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.skip_indentation();
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => return,
            }
        }
    }

    /// The spaces that start a line of a pretty-printed document, eight at a time.
    fn skip_indentation(&mut self) {
        // Reads its words itself: through `word::at`, the compiler stopped inlining the
        // whitespace skip into the string reader (+1,800 instructions per check).
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            let mut bytes = [0; 8];
            bytes.copy_from_slice(chunk);
            let other = u64::from_le_bytes(bytes) ^ word::splat(b' ');
            if other != 0 {
                self.pos += word::first(other);
                return;
            }
            self.pos += 8;
        }
    }

    /// The next significant byte, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Refused)
        }
    }

    fn eat_literal(&mut self, literal: &[u8]) -> Result<()> {
        match self.bytes.get(self.pos..self.pos + literal.len()) {
            Some(found) if found == literal => {
                self.pos += literal.len();
                Ok(())
            }
            _ => Err(Refused),
        }
    }

    /// Reads `null` where one is allowed: the value of a member nullable everywhere.
    fn null(&mut self) -> Result<()> {
        let allowed = match self.member {
            Member::None => false,
            Member::Key { key, .. } => is_nullable(self.nullable, key),
            Member::Judged { null_ok, .. } => null_ok,
        };
        if !allowed {
            return Err(Refused);
        }
        self.eat_literal(b"null")
    }

    /// Whether the value about to be read is the root `$schema`'s (a member skipped).
    fn skip_ok(&self) -> bool {
        match self.member {
            Member::None => false,
            Member::Key { key, root } => root && key == SCHEMA,
            Member::Judged { skip_ok, .. } => skip_ok,
        }
    }

    /// Reads a string; the opening quote is the next significant byte.
    fn string(&mut self) -> Result<Text<'de, '_>> {
        self.eat(b'"')?;
        let start = self.pos;
        self.pos = plain_run(self.bytes, self.pos);
        match self.bytes.get(self.pos) {
            Some(b'"') => {
                let text = self.text.get(start..self.pos).ok_or(Refused)?;
                self.pos += 1;
                Ok(Text::Borrowed(text))
            }
            Some(b'\\') => {
                self.scratch.clear();
                self.scratch
                    .push_str(self.text.get(start..self.pos).ok_or(Refused)?);
                self.escaped_string()
            }
            // A control character, or the end of the input.
            _ => Err(Refused),
        }
    }

    /// Decodes the rest of a string that holds an escape into `scratch`; the next byte is `\`.
    fn escaped_string(&mut self) -> Result<Text<'de, '_>> {
        loop {
            let run = self.pos;
            self.pos = plain_run(self.bytes, self.pos);
            self.scratch
                .push_str(self.text.get(run..self.pos).ok_or(Refused)?);
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Text::Copied(&self.scratch));
                }
                Some(b'\\') => {
                    let escape = self.bytes.get(self.pos + 1).copied();
                    self.pos += 2;
                    let decoded = match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(Refused),
                    };
                    self.scratch.push(decoded);
                }
                _ => return Err(Refused),
            }
        }
    }

    /// The character of a `\uXXXX` escape (and of the low surrogate escape that must follow a
    /// high one); the four hex digits are next. A lone surrogate is refused, as `serde_json`
    /// refuses it.
    fn unicode_escape(&mut self) -> Result<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                self.eat_literal(b"\\u")?;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(Refused);
                }
                0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(Refused),
            _ => first,
        };
        char::from_u32(code).ok_or(Refused)
    }

    fn hex4(&mut self) -> Result<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or(Refused)?;
        let mut value = 0;
        for &digit in digits {
            value = value * 16 + char::from(digit).to_digit(16).ok_or(Refused)?;
        }
        self.pos += 4;
        Ok(value)
    }

    /// Reads a number (RFC 8259 grammar); its first byte is the next significant byte.
    fn number(&mut self) -> Result<Number> {
        self.skip_whitespace();
        let start = self.pos;
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        if negative {
            self.pos += 1;
        }
        let mut value: u64 = 0;
        let mut overflow = false;
        match self.bytes.get(self.pos) {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                while let Some(&digit @ b'0'..=b'9') = self.bytes.get(self.pos) {
                    match value
                        .checked_mul(10)
                        .and_then(|v| v.checked_add(u64::from(digit - b'0')))
                    {
                        Some(v) => value = v,
                        None => overflow = true,
                    }
                    self.pos += 1;
                }
            }
            _ => return Err(Refused),
        }
        let mut float = overflow;
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.digits()?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.pos) {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.pos) {
                self.pos += 1;
            }
            self.digits()?;
            float = true;
        }
        if float {
            let text = self.text.get(start..self.pos).ok_or(Refused)?;
            let value: f64 = text.parse().map_err(|_| Refused)?;
            // `serde_json` refuses a number out of the range of `f64`.
            return if value.is_finite() {
                Ok(Number::F64(value))
            } else {
                Err(Refused)
            };
        }
        if !negative {
            return Ok(Number::U64(value));
        }
        // As `serde_json` does: `-0`, and anything below `i64::MIN`, are floats.
        let negated = (value as i64).wrapping_neg();
        Ok(if negated >= 0 {
            Number::F64(-(value as f64))
        } else {
            Number::I64(negated)
        })
    }

    /// One or more decimal digits.
    fn digits(&mut self) -> Result<()> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
        if self.pos == start {
            Err(Refused)
        } else {
            Ok(())
        }
    }

    fn enter(&mut self) -> Result<()> {
        if self.depth == self.max_depth {
            return Err(Refused);
        }
        self.depth += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Counts one more value inside a container.
    fn node(&mut self) -> Result<()> {
        self.nodes_left = self.nodes_left.checked_sub(1).ok_or(Refused)?;
        Ok(())
    }

    /// Reads a string value (a key never comes here) and hands it to `visitor`.
    fn visit_string<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(text) => visitor.visit_borrowed_str(text),
            Text::Copied(text) => visitor.visit_str(text),
        }
    }

    /// Reads `true` or `false`; its first byte is the next significant byte.
    fn boolean(&mut self) -> Result<bool> {
        match self.peek() {
            Some(b't') => self.eat_literal(b"true").map(|()| true),
            Some(b'f') => self.eat_literal(b"false").map(|()| false),
            _ => Err(Refused),
        }
    }
}

/// Methods whose value is a JSON string.
macro_rules! deserialize_string {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                self.visit_string(visitor)
            }
        )*
    };
}

/// Methods whose value is a JSON number.
macro_rules! deserialize_number {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
                self.number()?.visit(visitor)
            }
        )*
    };
}

impl<'de> Deserializer<'de> for &mut Reader<'de, '_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.peek().ok_or(Refused)? {
            b'n' => {
                self.null()?;
                visitor.visit_unit()
            }
            b't' | b'f' => visitor.visit_bool(self.boolean()?),
            b'"' => self.visit_string(visitor),
            b'-' | b'0'..=b'9' => self.number()?.visit(visitor),
            b'[' => self.deserialize_seq(visitor),
            b'{' => self.deserialize_map(visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_bool(self.boolean()?)
    }

    deserialize_number! {
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_f32 deserialize_f64
    }

    deserialize_string! {
        deserialize_char deserialize_str deserialize_string deserialize_bytes deserialize_byte_buf
        deserialize_identifier
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.peek() == Some(b'n') {
            self.null()?;
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.skip_whitespace();
        self.null()?;
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.eat(b'[')?;
        self.enter()?;
        let mut items = Items {
            reader: &mut *self,
            first: true,
            closed: false,
        };
        let value = visitor.visit_seq(&mut items)?;
        if !items.closed {
            return Err(Refused);
        }
        self.leave();
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.eat(b'{')?;
        let root = self.depth == 0;
        self.enter()?;
        let mut members = Members {
            reader: &mut *self,
            root,
            first: true,
            closed: false,
            member: Member::None,
        };
        let value = visitor.visit_map(&mut members)?;
        if !members.closed {
            return Err(Refused);
        }
        self.leave();
        Ok(value)
    }

    /// An object only: unlike `serde_json`, never an array of the fields in order.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_map(visitor)
    }

    /// A unit variant written as its name. The model has no data-carrying enum; one written as
    /// `{"variant": value}` is refused, and the complete path reads it.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(text) => {
                visitor.visit_enum(de::value::BorrowedStrDeserializer::<Refused>::new(text))
            }
            Text::Copied(text) => {
                visitor.visit_enum(IntoDeserializer::<Refused>::into_deserializer(text))
            }
        }
    }

    /// The value of a member the model does not know: refused, except the root `$schema`.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if !self.skip_ok() {
            return Err(Refused);
        }
        // The root `$schema`'s value is a string.
        self.string()?;
        visitor.visit_unit()
    }
}

/// The items of an array being read.
struct Items<'r, 'de, 'n> {
    reader: &'r mut Reader<'de, 'n>,
    first: bool,
    closed: bool,
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de, '_> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if self.closed {
            return Ok(None);
        }
        match self.reader.peek() {
            Some(b']') => {
                self.reader.pos += 1;
                self.closed = true;
                return Ok(None);
            }
            Some(b',') if !self.first => {
                self.reader.pos += 1;
            }
            _ if self.first => {}
            _ => return Err(Refused),
        }
        self.first = false;
        self.reader.member = Member::None;
        self.reader.node()?;
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The members of an object being read.
struct Members<'r, 'de, 'n> {
    reader: &'r mut Reader<'de, 'n>,
    root: bool,
    first: bool,
    closed: bool,
    /// The last key read.
    member: Member<'de>,
}

impl<'de> de::MapAccess<'de> for Members<'_, 'de, '_> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if self.closed {
            return Ok(None);
        }
        match self.reader.peek() {
            Some(b'}') => {
                self.reader.pos += 1;
                self.closed = true;
                return Ok(None);
            }
            Some(b',') if !self.first => self.reader.pos += 1,
            Some(b'"') if self.first => {}
            _ => return Err(Refused),
        }
        self.first = false;
        let root = self.root;
        let nullable = self.reader.nullable;
        // The key: borrowed from the input, or decoded in `scratch`.
        let (member, value) = match self.reader.string()? {
            Text::Borrowed(key) => (
                Member::Key { key, root },
                seed.deserialize(de::value::BorrowedStrDeserializer::new(key))?,
            ),
            Text::Copied(key) => (
                Member::Judged {
                    null_ok: is_nullable(nullable, key),
                    skip_ok: root && key == SCHEMA,
                },
                seed.deserialize(de::value::StrDeserializer::new(key))?,
            ),
        };
        self.member = member;
        self.reader.eat(b':')?;
        Ok(Some(value))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.member = self.member;
        self.reader.node()?;
        seed.deserialize(&mut *self.reader)
    }
}
