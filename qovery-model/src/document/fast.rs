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
//! Its tokens (whitespace, strings, numbers) come from the JSON lexer that the tree builder
//! uses too ([`super::syntax::lex`]), so the two paths cannot disagree on a token.
//!
//! What makes it fast, next to `serde_json` with `serde_ignored` and a second scan for nulls:
//! the text is checked as UTF-8 once, up front, so every string without an escape is handed to
//! the visitor borrowed from the input, with no copy and no second UTF-8 check; unknown members
//! and nulls are noticed where they are read, in the same pass; an error is a zero-sized value,
//! so a refusal allocates nothing.

use super::limits::Limits;
use super::syntax::lex::{Lexer, Str};
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
    nullable: &[&str],
    limits: &Limits,
) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut reader = Reader::new(text, nullable, limits);
    let value = T::deserialize(&mut reader).ok()?;
    reader.skip_whitespace();
    (reader.lex.pos == reader.lex.bytes.len()).then_some(value)
}

struct Reader<'de, 'n> {
    lex: Lexer<'de>,
    /// How many containers are open.
    depth: usize,
    /// How many may be open at once: the limits' depth, at most [`STACK_SAFE_DEPTH`].
    max_depth: usize,
    /// How many more values may be read (the limits' number of nodes).
    nodes_left: usize,
    /// Decoded strings that hold escapes (the only strings that cannot be borrowed).
    scratch: String,
    nullable: &'n [&'n str],
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

/// The root member that names the schema for editors, the one unknown member accepted.
const SCHEMA: &str = "$schema";

fn is_nullable(nullable: &[&str], key: &str) -> bool {
    nullable.contains(&key)
}

impl<'de, 'n> Reader<'de, 'n> {
    fn new(text: &'de str, nullable: &'n [&'n str], limits: &Limits) -> Self {
        Reader {
            lex: Lexer::new(text, 0),
            depth: 0,
            max_depth: limits.max_depth.min(STACK_SAFE_DEPTH),
            // The root value is the first node.
            nodes_left: limits.max_nodes.saturating_sub(1),
            scratch: String::new(),
            nullable,
            member: Member::None,
        }
    }

    #[inline]
    fn skip_whitespace(&mut self) {
        self.lex.skip_whitespace();
    }

    /// The next significant byte, not consumed.
    #[inline]
    fn peek(&mut self) -> Option<u8> {
        self.lex.skip_whitespace();
        self.lex.peek()
    }

    #[inline]
    fn eat(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.lex.pos += 1;
            Ok(())
        } else {
            Err(Refused)
        }
    }

    fn eat_literal(&mut self, literal: &[u8]) -> Result<()> {
        match self
            .lex
            .bytes
            .get(self.lex.pos..self.lex.pos + literal.len())
        {
            Some(found) if found == literal => {
                self.lex.pos += literal.len();
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
    #[inline]
    fn string(&mut self) -> Result<Text<'de, '_>> {
        if self.peek() != Some(b'"') {
            return Err(Refused);
        }
        match self.lex.string(&mut self.scratch) {
            Ok(Str::Borrowed(text)) => Ok(Text::Borrowed(text)),
            Ok(Str::Decoded) => Ok(Text::Copied(&self.scratch)),
            Err(_) => Err(Refused),
        }
    }

    /// Reads a number (RFC 8259 grammar); its first byte is the next significant byte.
    fn number(&mut self) -> Result<Number> {
        self.lex.skip_whitespace();
        if !matches!(self.lex.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(Refused);
        }
        let token = self.lex.number().map_err(|_| Refused)?;
        match token.magnitude {
            Some(value) if !token.negative => Ok(Number::U64(value)),
            // As `serde_json` does: `-0`, and anything below `i64::MIN`, are floats.
            Some(value) => {
                let negated = (value as i64).wrapping_neg();
                Ok(if negated >= 0 {
                    Number::F64(-(value as f64))
                } else {
                    Number::I64(negated)
                })
            }
            // A fraction, an exponent, or an integer beyond `u64`: a float, as in `serde_json`.
            None => {
                let text = self.lex.slice(token.start, self.lex.pos);
                let value: f64 = text.parse().map_err(|_| Refused)?;
                // `serde_json` refuses a number out of the range of `f64`.
                if value.is_finite() {
                    Ok(Number::F64(value))
                } else {
                    Err(Refused)
                }
            }
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
                self.reader.lex.pos += 1;
                self.closed = true;
                return Ok(None);
            }
            Some(b',') if !self.first => {
                self.reader.lex.pos += 1;
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
                self.reader.lex.pos += 1;
                self.closed = true;
                return Ok(None);
            }
            Some(b',') if !self.first => self.reader.lex.pos += 1,
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
