//! YAML 1.2 into the span-annotated [`Node`] tree, through the event parser of `saphyr-parser`.
//!
//! - **Encoding.** The input must be UTF-8 (checked up front, the first bad byte is reported).
//!   A leading byte order mark is accepted and skipped ([`Parsed::had_bom`]); spans are byte
//!   offsets into the original bytes, BOM included. `saphyr-parser` marks count characters:
//!   they are converted to byte offsets.
//! - **Scalars** follow the YAML 1.2 core schema. Plain scalars: `null`, `Null`, `NULL`, `~` and
//!   the empty value are null; `true`/`True`/`TRUE`, `false`/`False`/`FALSE` are booleans;
//!   `[-+]?[0-9]+`, `0o[0-7]+` and `0x[0-9a-fA-F]+` are integers;
//!   `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` are floats, and so are `.inf`,
//!   `-.inf`, `.nan` (also spelled `Inf`/`INF`, `NaN`/`NAN`), classified
//!   [`NumberKind::FloatOutOfRange`](super::tree::NumberKind) since they have no JSON value;
//!   everything else is a string. YAML 1.1 booleans (`yes`, `no`, `on`, `off`, `y`, `n`) stay
//!   strings. Quoted and block scalars are always strings. Numbers keep their text as written
//!   (`0x1F`, `+12`; `1_000` is a string).
//! - **Tags.** Standard tags are honoured: `!!str` makes a string, `!!int`, `!!float`, `!!bool`
//!   and `!!null` resolve their scalar with the matching rule of the core schema, `!!map` and
//!   `!!seq` accept mappings and sequences, the non-specific `!` makes a string. A standard tag
//!   that does not fit its value (`!!int abc`) gives [`ParseIssue::InvalidTaggedValue`]; any
//!   other tag (`!Ref`, `!!binary`, `!!timestamp`, `!<tag:…>`) gives
//!   [`ParseIssue::CustomTag`]; in both cases the value is kept as if it were not tagged.
//! - **Anchors and aliases** are expanded: the alias node gets the span of the alias (`*name`),
//!   the nodes inside it keep the spans of the anchored node they copy. Every node produced
//!   counts toward [`Limits::max_nodes`] (also the copy kept for each anchor) and an expansion
//!   must fit [`Limits::max_depth`], so alias bombs fail fast. An alias to an unknown anchor, or
//!   inside the node of its own anchor, is a syntax error.
//! - **Keys.** Scalar keys of any type become their text (`1: a` has the key `"1"`; a key that
//!   is an alias to a scalar takes its value's text). A sequence or mapping used as a key gives
//!   [`ParseIssue::ComplexKey`] and the member is skipped. YAML 1.1 merge keys (`<<: *base`)
//!   are not applied: `<<` is an ordinary key. Duplicate keys give
//!   [`ParseIssue::DuplicateKey`] with both key spans, like JSON.
//! - **Documents.** Only the first document of the stream is parsed; the start of a second one
//!   gives [`ParseIssue::MultipleDocuments`] and stops the parse (what follows it is not
//!   checked). An input with no document at all (empty, whitespace or comments only) is a
//!   syntax error of kind [`Empty`](super::parse::SyntaxErrorKind::Empty), like an empty JSON
//!   input; `---` alone is a document holding null.
//! - **Spans.** Scalars: from their properties (anchor, tag) if any to the end of the scalar,
//!   quotes included; a block scalar (`|`, `>`) spans its content lines without the trailing
//!   line breaks; an empty value is an empty span. Flow collections: bracket to bracket. Block
//!   collections: from the first entry (the `-` of a sequence, the first key of a mapping) to the
//!   end of the last value.
//! - **Errors.** The first syntax error stops the parse, with its byte offset and the message of
//!   `saphyr-parser` (kind [`Yaml`](super::parse::SyntaxErrorKind::Yaml)), or a more specific
//!   kind for NUL bytes, unknown and recursive aliases, nesting depth (flow collections cannot
//!   nest deeper than 255 levels in `saphyr-parser`, whatever the limit) and the node count.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Tag};

use super::limits::Limits;
use super::parse::{
    BOM, KeyIndex, ParseIssue, Parsed, SyntaxError, SyntaxErrorKind as K, check_utf8, push_member,
};
use super::tree::{Member, Node, Number, NumberKind, Span, Value, classify_decimal};

/// Parses the first document of a YAML stream.
///
/// # Errors
/// The first syntax error (including invalid UTF-8, an empty stream, an unknown or recursive
/// alias and the limits of `limits`), with its byte offset.
pub fn parse_yaml(bytes: &[u8], limits: &Limits) -> Result<Parsed<'static>, SyntaxError> {
    let text = check_utf8(bytes)?;
    let had_bom = bytes.starts_with(BOM);
    let base = if had_bom { BOM.len() } else { 0 };
    let body = text.get(base..).unwrap_or_default();
    let mut builder = Builder {
        src: text.as_bytes(),
        offsets: CharOffsets::new(body, base),
        limits,
        frames: Vec::new(),
        anchors: HashMap::new(),
        issues: Vec::new(),
        nodes: 0,
        root: None,
    };
    let mut parser = Parser::new_from_str(body);
    let mut document_seen = false;
    while let Some(next) = parser.next_event() {
        let (event, span) = next.map_err(|e| builder.scan_error(&e))?;
        let span = Span::new(
            builder.offsets.byte(span.start.index()),
            builder.offsets.byte(span.end.index()),
        );
        match event {
            Event::DocumentStart(_) => {
                if document_seen {
                    builder.issues.push(ParseIssue::MultipleDocuments {
                        span_of_second: span,
                    });
                    break;
                }
                document_seen = true;
            }
            Event::Scalar(value, style, anchor, tag) => {
                builder.scalar(value, style, anchor, tag.as_deref(), span)?;
            }
            Event::Alias(id) => builder.alias(id, span)?,
            Event::SequenceStart(anchor, tag) => {
                builder.start(true, anchor, tag.as_deref(), span)?;
            }
            Event::MappingStart(anchor, tag) => {
                builder.start(false, anchor, tag.as_deref(), span)?;
            }
            Event::SequenceEnd | Event::MappingEnd => builder.end(span)?,
            Event::StreamEnd => break,
            Event::StreamStart | Event::DocumentEnd | Event::Nothing => {}
        }
    }
    match builder.root {
        Some(root) => Ok(Parsed {
            root,
            issues: builder.issues,
            had_bom,
        }),
        None => Err(SyntaxError::new(
            K::Empty,
            bytes.len(),
            "the YAML document is empty: expected a value",
        )),
    }
}

/// Converts the character indexes of `saphyr-parser` marks into byte offsets.
///
/// ASCII text needs no conversion. Otherwise a cursor follows the marks, which mostly move
/// forward by a few characters, and a table of the byte offset of every `STEP`th character
/// bounds the walk of any other lookup to `STEP` characters.
struct CharOffsets<'a> {
    /// Byte offset of the parsed text in the original bytes (the BOM).
    base: usize,
    text: &'a str,
    /// `None` when the text is ASCII (char index == byte offset); otherwise the byte offset of
    /// every `STEP`th character.
    checkpoints: Option<Vec<usize>>,
    /// The last conversion: (char index, byte offset in `text`).
    cursor: (usize, usize),
}

const STEP: usize = 64;

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str, base: usize) -> Self {
        let checkpoints = (!text.is_ascii()).then(|| {
            text.char_indices()
                .step_by(STEP)
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        });
        Self {
            base,
            text,
            checkpoints,
            cursor: (0, 0),
        }
    }

    /// The byte offset (in the original bytes) of the character at `index`.
    fn byte(&mut self, index: usize) -> usize {
        let Some(checkpoints) = &self.checkpoints else {
            return self.base + index.min(self.text.len());
        };
        let (cursor_char, cursor_byte) = self.cursor;
        let (from_char, from_byte) = if index >= cursor_char && index - cursor_char <= STEP {
            (cursor_char, cursor_byte)
        } else {
            match checkpoints.get(index / STEP) {
                Some(&byte) => (index - index % STEP, byte),
                None => return self.base + self.text.len(),
            }
        };
        let offset = self
            .text
            .get(from_byte..)
            .and_then(|rest| rest.char_indices().nth(index - from_char))
            .map_or(self.text.len(), |(i, _)| from_byte + i);
        if offset < self.text.len() {
            self.cursor = (index, offset);
        }
        self.base + offset
    }
}

/// What an open mapping expects next.
enum Pending {
    /// A key.
    Key,
    /// The value of the member with this key.
    Value(String, Span),
    /// The value of a member whose key was not a scalar: dropped.
    Skip,
}

enum Children {
    Seq(Vec<Node<'static>>),
    Map {
        members: Vec<Member<'static>>,
        keys: KeyIndex,
        pending: Pending,
    },
}

/// A sequence or mapping being built.
struct Frame {
    children: Children,
    anchor: usize,
    start: usize,
    /// The end of the start event and of the children so far.
    end: usize,
    /// Height of the highest child (0 for scalars).
    height: usize,
    /// Nodes in the subtree so far, this one included.
    nodes: usize,
}

/// A node kept for an anchor, with its height and number of nodes.
struct Anchored {
    node: Node<'static>,
    height: usize,
    nodes: usize,
}

struct Builder<'a> {
    src: &'a [u8],
    offsets: CharOffsets<'a>,
    limits: &'a Limits,
    frames: Vec<Frame>,
    /// Completed anchored nodes, by anchor id.
    anchors: HashMap<usize, Anchored>,
    issues: Vec<ParseIssue>,
    nodes: usize,
    root: Option<Node<'static>>,
}

const CORE: &str = "tag:yaml.org,2002:";

/// A tag as written: `!!int`, `!Ref`, `!<tag:example.com,2000:x>`.
fn tag_text(tag: &Tag) -> String {
    if tag.handle == CORE {
        format!("!!{}", tag.suffix)
    } else if tag.handle == "!" {
        format!("!{}", tag.suffix)
    } else {
        format!("!<{}{}>", tag.handle, tag.suffix)
    }
}

/// Whether this is the non-specific tag `!`.
fn is_non_specific(tag: &Tag) -> bool {
    tag.handle.is_empty() && tag.suffix == "!"
}

impl Builder<'_> {
    fn scan_error(&mut self, e: &ScanError) -> SyntaxError {
        let offset = self.offsets.byte(e.marker().index());
        let info = e.info();
        if self.src.get(offset) == Some(&0) {
            return SyntaxError::new(
                K::NulByte,
                offset,
                "NUL byte: YAML does not allow NUL characters (escape it as `\\0` in a double-quoted string)",
            );
        }
        match info {
            "while parsing node, found unknown anchor" => {
                let name = self.name_at(offset);
                SyntaxError::new(
                    K::UnknownAlias,
                    offset,
                    format!("unknown alias `*{name}`: no anchor `&{name}` is defined before it"),
                )
            }
            "recursion limit exceeded" => SyntaxError::new(
                K::DepthLimit,
                offset,
                "nesting too deep: YAML flow collections cannot nest deeper than 255 levels",
            ),
            _ => SyntaxError::new(K::Yaml, offset, format!("invalid YAML: {info}")),
        }
    }

    /// The anchor name of the alias or anchor at `offset` (after its `*` or `&`), for messages.
    fn name_at(&self, offset: usize) -> String {
        let rest = self.src.get(offset + 1..).unwrap_or_default();
        let end = rest
            .iter()
            .position(|&b| {
                matches!(
                    b,
                    b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
                )
            })
            .unwrap_or(rest.len());
        // Clipped to 60 characters, for messages: a message stays short whatever the size of
        // the alias name it quotes.
        crate::validate::quote::clip(&String::from_utf8_lossy(
            rest.get(..end).unwrap_or_default(),
        ))
        .into_owned()
    }

    fn count(&mut self, nodes: usize, offset: usize) -> Result<(), SyntaxError> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > self.limits.max_nodes {
            return Err(SyntaxError::new(
                K::NodeLimit,
                offset,
                format!(
                    "the document expands to more than {} values (limit){}",
                    self.limits.max_nodes,
                    if self.anchors.is_empty() {
                        ""
                    } else {
                        ": too many aliases?"
                    }
                ),
            ));
        }
        Ok(())
    }

    fn depth_error(&self, offset: usize) -> SyntaxError {
        SyntaxError::new(
            K::DepthLimit,
            offset,
            format!(
                "nesting too deep: more than {} nested sequences and mappings (limit)",
                self.limits.max_depth
            ),
        )
    }

    /// Whether the innermost open collection is a mapping waiting for a key.
    fn expects_key(&self) -> bool {
        matches!(
            self.frames.last(),
            Some(Frame {
                children: Children::Map {
                    pending: Pending::Key,
                    ..
                },
                ..
            })
        )
    }

    fn scalar(
        &mut self,
        value: Cow<'_, str>,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        let span = self.scalar_span(&value, style, anchor, tag, span);
        if self.expects_key() {
            if let Some(tag) = tag {
                self.check_key_tag(tag, span);
            }
            if anchor != 0 {
                let mut ignored = Vec::new();
                let resolved = resolve_scalar(value.clone(), style, tag, span, &mut ignored);
                self.keep_anchor(anchor, Node::new(resolved, span), 0, 1)?;
            }
            if let Some(Frame {
                children: Children::Map { pending, .. },
                end,
                ..
            }) = self.frames.last_mut()
            {
                *pending = Pending::Value(value.into_owned(), span);
                *end = (*end).max(span.end);
            }
            return Ok(());
        }
        self.count(1, span.start)?;
        let resolved = resolve_scalar(value, style, tag, span, &mut self.issues);
        self.complete(Node::new(resolved, span), anchor, 0, 1)
    }

    /// Adjusts the span of a scalar: empty for an empty plain value, without the trailing line
    /// breaks for a block scalar.
    fn scalar_span(
        &self,
        value: &str,
        style: ScalarStyle,
        anchor: usize,
        tag: Option<&Tag>,
        span: Span,
    ) -> Span {
        match style {
            ScalarStyle::Plain if value.is_empty() && anchor == 0 && tag.is_none() => {
                Span::empty(span.start)
            }
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let mut end = span.end;
                while end > span.start
                    && matches!(self.src.get(end - 1), Some(b'\n' | b'\r' | b' ' | b'\t'))
                {
                    end -= 1;
                }
                Span::new(span.start, end)
            }
            // `saphyr-parser` ends a quoted scalar where its scanner stopped looking ahead,
            // which can be past the blanks and the comment that follow the closing quote.
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
                quoted_end(self.src, span, style == ScalarStyle::SingleQuoted)
                    .map_or(span, |end| Span::new(span.start, end))
            }
            _ => span,
        }
    }

    /// A tag on a key: only a custom tag is worth a word, the key is its text anyway.
    fn check_key_tag(&mut self, tag: &Tag, span: Span) {
        if tag.handle != CORE && !is_non_specific(tag) {
            self.issues.push(ParseIssue::CustomTag {
                tag: tag_text(tag),
                span,
            });
        }
    }

    fn alias(&mut self, id: usize, span: Span) -> Result<(), SyntaxError> {
        let Some(anchored) = self.anchors.get(&id) else {
            let name = self.name_at(span.start);
            return Err(SyntaxError::new(
                K::RecursiveAlias,
                span.start,
                format!(
                    "recursive alias `*{name}`: it is inside the node of its own anchor `&{name}`"
                ),
            ));
        };
        let (height, nodes) = (anchored.height, anchored.nodes);
        if self.frames.len().saturating_add(height) > self.limits.max_depth {
            return Err(self.depth_error(span.start));
        }
        if self.expects_key() {
            // A key: only its text is kept.
            let key = match &anchored.node.value {
                Value::String(s) => Some(s.to_string()),
                Value::Number(n) => Some(n.text().to_owned()),
                Value::Bool(b) => Some(b.to_string()),
                Value::Null => Some("null".to_owned()),
                Value::Array(_) | Value::Object(_) => None,
            };
            if let Some(Frame {
                children: Children::Map { pending, .. },
                end,
                ..
            }) = self.frames.last_mut()
            {
                *pending = match key {
                    Some(key) => Pending::Value(key, span),
                    None => {
                        self.issues.push(ParseIssue::ComplexKey { span });
                        Pending::Skip
                    }
                };
                *end = (*end).max(span.end);
            }
            return Ok(());
        }
        self.count(nodes, span.start)?;
        let Some(anchored) = self.anchors.get(&id) else {
            return Ok(());
        };
        let mut node = anchored.node.clone();
        node.span = span;
        self.complete(node, 0, height, nodes)
    }

    fn start(
        &mut self,
        is_seq: bool,
        anchor: usize,
        tag: Option<&Tag>,
        span: Span,
    ) -> Result<(), SyntaxError> {
        if self.frames.len() >= self.limits.max_depth {
            return Err(self.depth_error(span.start));
        }
        self.count(1, span.start)?;
        if let Some(tag) = tag {
            let fits = match tag.suffix.as_str() {
                "seq" => is_seq,
                "map" => !is_seq,
                _ => false,
            };
            if tag.handle == CORE
                && matches!(
                    tag.suffix.as_str(),
                    "seq" | "map" | "str" | "int" | "float" | "bool" | "null"
                )
            {
                if !fits {
                    self.issues.push(ParseIssue::InvalidTaggedValue {
                        tag: tag_text(tag),
                        span,
                    });
                }
            } else if !is_non_specific(tag) {
                self.issues.push(ParseIssue::CustomTag {
                    tag: tag_text(tag),
                    span,
                });
            }
        }
        let mut start = span.start;
        if is_seq && span.is_empty() && self.src.get(start) != Some(&b'-') {
            // An indentless block sequence starts at its first entry: point at its `-`.
            let mut i = start;
            while i > 0 && matches!(self.src.get(i - 1), Some(b' ' | b'\t')) {
                i -= 1;
            }
            if i > 0 && self.src.get(i - 1) == Some(&b'-') {
                start = i - 1;
            }
        }
        let children = if is_seq {
            Children::Seq(Vec::new())
        } else {
            Children::Map {
                members: Vec::new(),
                keys: KeyIndex::default(),
                pending: Pending::Key,
            }
        };
        self.frames.push(Frame {
            children,
            anchor,
            start,
            end: span.end,
            height: 0,
            nodes: 1,
        });
        Ok(())
    }

    fn end(&mut self, span: Span) -> Result<(), SyntaxError> {
        let Some(frame) = self.frames.pop() else {
            return Ok(());
        };
        // Flow collections end at their bracket; block ones at their last child.
        let end = if span.is_empty() {
            frame.end
        } else {
            span.end.max(frame.end)
        };
        let value = match frame.children {
            Children::Seq(items) => Value::Array(items),
            Children::Map { members, .. } => Value::Object(members),
        };
        let node = Node::new(value, Span::new(frame.start, end));
        self.complete(node, frame.anchor, frame.height + 1, frame.nodes)
    }

    /// Keeps a copy of the node of an anchor for its aliases.
    fn keep_anchor(
        &mut self,
        anchor: usize,
        node: Node<'static>,
        height: usize,
        nodes: usize,
    ) -> Result<(), SyntaxError> {
        self.count(nodes, node.span.start)?;
        self.anchors.insert(
            anchor,
            Anchored {
                node,
                height,
                nodes,
            },
        );
        Ok(())
    }

    /// Attaches a completed node (already counted) to the open collection, or makes it the
    /// root.
    fn complete(
        &mut self,
        node: Node<'static>,
        anchor: usize,
        height: usize,
        nodes: usize,
    ) -> Result<(), SyntaxError> {
        if anchor != 0 {
            self.keep_anchor(anchor, node.clone(), height, nodes)?;
        }
        let Some(frame) = self.frames.last_mut() else {
            self.root = Some(node);
            return Ok(());
        };
        frame.height = frame.height.max(height);
        frame.nodes = frame.nodes.saturating_add(nodes);
        frame.end = frame.end.max(node.span.end);
        match &mut frame.children {
            Children::Seq(items) => items.push(node),
            Children::Map {
                members,
                keys,
                pending,
            } => match std::mem::replace(pending, Pending::Key) {
                Pending::Key => {
                    // A sequence or mapping as a key (scalars and aliases are handled before).
                    self.issues.push(ParseIssue::ComplexKey { span: node.span });
                    *pending = Pending::Skip;
                }
                Pending::Value(key, key_span) => {
                    push_member(
                        members,
                        0,
                        keys,
                        &mut self.issues,
                        Cow::Owned(key),
                        key_span,
                        node,
                    );
                }
                Pending::Skip => {}
            },
        }
        Ok(())
    }
}

/// Resolves a scalar to a value, honouring standard tags and reporting others.
fn resolve_scalar(
    value: Cow<'_, str>,
    style: ScalarStyle,
    tag: Option<&Tag>,
    span: Span,
    issues: &mut Vec<ParseIssue>,
) -> Value<'static> {
    let resolved = match tag {
        None => None,
        Some(tag) if is_non_specific(tag) => return Value::String(Cow::Owned(value.into_owned())),
        Some(tag) if tag.handle != CORE => {
            issues.push(ParseIssue::CustomTag {
                tag: tag_text(tag),
                span,
            });
            None
        }
        Some(tag) => {
            let resolved = match tag.suffix.as_str() {
                "str" => return Value::String(Cow::Owned(value.into_owned())),
                "int" => resolve_int(&value).map(Value::Number),
                "float" => resolve_float(&value)
                    .or_else(|| {
                        // `!!float 1`: an integer literal taken as a float.
                        resolve_int(&value).map(|n| {
                            let kind = n
                                .as_f64()
                                .map_or(NumberKind::FloatOutOfRange, NumberKind::Float);
                            Number::new(n.text(), kind)
                        })
                    })
                    .map(Value::Number),
                "bool" => resolve_bool(&value).map(Value::Bool),
                "null" => is_null(&value).then_some(Value::Null),
                "seq" | "map" => None,
                _ => {
                    issues.push(ParseIssue::CustomTag {
                        tag: tag_text(tag),
                        span,
                    });
                    return untagged(value, style);
                }
            };
            if resolved.is_none() {
                issues.push(ParseIssue::InvalidTaggedValue {
                    tag: tag_text(tag),
                    span,
                });
            }
            resolved
        }
    };
    resolved.unwrap_or_else(|| untagged(value, style))
}

/// A scalar without tag: plain scalars per the core schema, others are strings.
fn untagged(value: Cow<'_, str>, style: ScalarStyle) -> Value<'static> {
    if style == ScalarStyle::Plain {
        resolve_plain(value)
    } else {
        Value::String(Cow::Owned(value.into_owned()))
    }
}

fn is_null(s: &str) -> bool {
    matches!(s, "" | "~" | "null" | "Null" | "NULL")
}

fn resolve_bool(s: &str) -> Option<bool> {
    match s {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A plain scalar per the YAML 1.2 core schema.
fn resolve_plain(s: Cow<'_, str>) -> Value<'static> {
    if is_null(&s) {
        return Value::Null;
    }
    if let Some(b) = resolve_bool(&s) {
        return Value::Bool(b);
    }
    match resolve_int(&s).or_else(|| resolve_float(&s)) {
        Some(n) => Value::Number(n),
        None => Value::String(Cow::Owned(s.into_owned())),
    }
}

/// Core schema integers: `[-+]?[0-9]+`, `0o[0-7]+`, `0x[0-9a-fA-F]+`.
fn resolve_int(s: &str) -> Option<Number> {
    let radix_int = |digits: &str, radix: u32| {
        if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
            return None;
        }
        let kind = match i64::from_str_radix(digits, radix) {
            Ok(v) => NumberKind::Integer(v),
            Err(_) => NumberKind::IntegerOutOfRange,
        };
        Some(Number::new(s, kind))
    };
    if let Some(hex) = s.strip_prefix("0x") {
        return radix_int(hex, 16);
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return radix_int(oct, 8);
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Number::new(s, classify_decimal(s, false)))
}

/// Core schema floats: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, `[-+]?\.inf`,
/// `\.nan` (each special in three spellings).
fn resolve_float(s: &str) -> Option<Number> {
    let unsigned = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(s, ".nan" | ".NaN" | ".NAN") {
        return Some(Number::new(s, NumberKind::FloatOutOfRange));
    }
    let b = unsigned.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let int_digits = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_digits = digits(&mut i);
        if int_digits == 0 && frac_digits == 0 {
            return None;
        }
    } else if int_digits == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return None;
        }
    }
    // Rust's float parser accepts every string of this grammar.
    (i == b.len()).then(|| Number::new(s, classify_decimal(s, true)))
}

/// The offset just past the closing quote of the quoted scalar that opens in `span` (after its
/// properties, if any); `None` when it is not found there.
fn quoted_end(src: &[u8], span: Span, single: bool) -> Option<usize> {
    let quote = if single { b'\'' } else { b'"' };
    let bytes = src.get(span.range())?;
    let open = bytes.iter().position(|&b| b == quote)?;
    let mut i = open + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            // `''` is a quote inside a single-quoted scalar.
            b'\'' if single && bytes.get(i + 1) == Some(&b'\'') => i += 2,
            b'\\' if !single => i += 2,
            _ if b == quote => return Some(span.start + i + 1),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_yaml;
    use crate::document::limits::Limits;
    use crate::document::parse::{ParseIssue, Parsed, SyntaxError, SyntaxErrorKind as K};
    use crate::document::tree::{Node, NumberKind, Span, Value};
    use serde_json::json;

    fn ok(src: &str) -> Parsed<'_> {
        match parse_yaml(src.as_bytes(), &Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("{src:?}: unexpected error {e:?}"),
        }
    }

    fn err(src: &[u8]) -> SyntaxError {
        match parse_yaml(src, &Limits::default()) {
            Ok(p) => panic!("{src:?}: expected an error, got {p:?}"),
            Err(e) => e,
        }
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

    fn key_text<'a>(src: &'a str, root: &Node, pointer: &str) -> &'a str {
        match root.pointer_member(pointer) {
            Some(m) => text(src, m.key_span),
            None => panic!("no member at {pointer}"),
        }
    }

    #[test]
    fn block_style_spans() {
        let src = "name: app\nports:\n  - internal_port: 8080\n    publicly_accessible: true\n  - internal_port: 9090\nenv:\n  A: \"x\"\n  B: 'y'\nlist:\n- a\n- b\n";
        let p = ok(src);
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let root = &p.root;
        assert_eq!(text(src, root.span), src.trim_end());
        assert_eq!(text(src, at(root, "/name").span), "app");
        assert_eq!(key_text(src, root, "/name"), "name");
        assert_eq!(
            text(src, at(root, "/ports").span),
            "- internal_port: 8080\n    publicly_accessible: true\n  - internal_port: 9090"
        );
        assert_eq!(
            text(src, at(root, "/ports/0").span),
            "internal_port: 8080\n    publicly_accessible: true"
        );
        assert_eq!(text(src, at(root, "/ports/0/internal_port").span), "8080");
        assert_eq!(
            key_text(src, root, "/ports/0/publicly_accessible"),
            "publicly_accessible"
        );
        assert_eq!(
            text(src, at(root, "/ports/0/publicly_accessible").span),
            "true"
        );
        assert_eq!(text(src, at(root, "/ports/1/internal_port").span), "9090");
        assert_eq!(text(src, at(root, "/env/A").span), "\"x\"");
        assert_eq!(text(src, at(root, "/env/B").span), "'y'");
        // An indentless sequence starts at its first `-`.
        assert_eq!(text(src, at(root, "/list").span), "- a\n- b");
        assert_eq!(
            root.to_json_value(),
            json!({
                "name": "app",
                "ports": [{"internal_port": 8080, "publicly_accessible": true}, {"internal_port": 9090}],
                "env": {"A": "x", "B": "y"},
                "list": ["a", "b"]
            })
        );
    }

    /// A quoted scalar ends at its closing quote, not past the blanks and comment after it.
    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let src = "a: 'x''y'  # c\nb: \"x\\\"y\"\t# d\n'k'  : 1\nc: &n \"z\" # e\n";
        let p = ok(src);
        let root = &p.root;
        assert_eq!(text(src, at(root, "/a").span), "'x''y'");
        assert_eq!(text(src, at(root, "/b").span), "\"x\\\"y\"");
        assert_eq!(key_text(src, root, "/k"), "'k'");
        assert_eq!(text(src, at(root, "/c").span), "&n \"z\"");
    }

    #[test]
    fn flow_style_spans() {
        let src = "a: {b: [1, \"two\", {c: d}], e: []}\nf: [x, {g: h}]\n";
        let p = ok(src);
        let root = &p.root;
        assert_eq!(
            text(src, at(root, "/a").span),
            "{b: [1, \"two\", {c: d}], e: []}"
        );
        assert_eq!(text(src, at(root, "/a/b").span), "[1, \"two\", {c: d}]");
        assert_eq!(text(src, at(root, "/a/b/1").span), "\"two\"");
        assert_eq!(text(src, at(root, "/a/b/2").span), "{c: d}");
        assert_eq!(text(src, at(root, "/a/b/2/c").span), "d");
        assert_eq!(key_text(src, root, "/a/b/2/c"), "c");
        assert_eq!(text(src, at(root, "/a/e").span), "[]");
        assert_eq!(text(src, at(root, "/f").span), "[x, {g: h}]");
    }

    #[test]
    fn json_is_yaml_with_the_same_spans() {
        let src = r#"{"a": [1, -2.5e3, {"b": "x\"y", "c": null}], "d": {"e": true}}"#;
        let y = ok(src);
        let j = match crate::document::json::parse_json(src.as_bytes(), &Limits::default()) {
            Ok(j) => j,
            Err(e) => panic!("{e:?}"),
        };
        assert_eq!(y.root, j.root);
    }

    #[test]
    fn multibyte_characters_before_values() {
        let src = "é: ü\n\"日本\": {k: 😀 x}\nz: [é, ß]\n";
        let p = ok(src);
        let root = &p.root;
        assert_eq!(text(src, at(root, "/é").span), "ü");
        assert_eq!(key_text(src, root, "/é"), "é");
        assert_eq!(key_text(src, root, "/日本"), "\"日本\"");
        assert_eq!(text(src, at(root, "/日本").span), "{k: 😀 x}");
        assert_eq!(text(src, at(root, "/日本/k").span), "😀 x");
        assert_eq!(text(src, at(root, "/z/1").span), "ß");
        // Past the first checkpoints of the char -> byte conversion.
        let mut src = String::new();
        for i in 0..100 {
            src.push_str(&format!("k{i}: é{i}ü\n"));
        }
        let p = ok(&src);
        for i in [0, 31, 63, 64, 65, 99] {
            assert_eq!(
                text(&src, at(&p.root, &format!("/k{i}")).span),
                format!("é{i}ü")
            );
            assert_eq!(key_text(&src, &p.root, &format!("/k{i}")), format!("k{i}"));
        }
    }

    #[test]
    fn block_scalars_and_multiline() {
        let src = "k: |\n  line 1\n  line 2\n\nf: >-\n  folded\n  text\nq: \"multi\n  line\"\ne:\nlast: x\n";
        let p = ok(src);
        let root = &p.root;
        assert_eq!(at(root, "/k").value.as_str(), Some("line 1\nline 2\n"));
        assert_eq!(text(src, at(root, "/k").span), "line 1\n  line 2");
        assert_eq!(at(root, "/f").value.as_str(), Some("folded text"));
        assert_eq!(text(src, at(root, "/f").span), "folded\n  text");
        assert_eq!(at(root, "/q").value.as_str(), Some("multi line"));
        assert_eq!(text(src, at(root, "/q").span), "\"multi\n  line\"");
        assert!(at(root, "/e").value.is_null());
        assert!(at(root, "/e").span.is_empty());
    }

    #[test]
    fn core_schema_scalars() {
        let src = "a: null\nb: ~\nc:\nd: true\ne: False\nf: TRUE\ng: no\nh: yes\ni: on\nj: off\nk: 12\nl: -0\nm: 0x1F\nn: 0o17\no: 1.0\np: .5\nq: 1e400\nr: .inf\ns: -.Inf\nt: .nan\nu: 9223372036854775808\nv: +12\nw: 1_000\nx: '12'\ny: \"true\"\nz: 0x\naa: 1.\nab: 2147483648\nac: 007\nad: y\nae: NaN\n";
        let p = ok(src);
        let root = &p.root;
        let kind = |ptr: &str| at(root, ptr).value.as_number().map(|n| n.kind());
        assert!(at(root, "/a").value.is_null());
        assert!(at(root, "/b").value.is_null());
        assert!(at(root, "/c").value.is_null());
        assert_eq!(at(root, "/d").value.as_bool(), Some(true));
        assert_eq!(at(root, "/e").value.as_bool(), Some(false));
        assert_eq!(at(root, "/f").value.as_bool(), Some(true));
        for (ptr, s) in [
            ("/g", "no"),
            ("/h", "yes"),
            ("/i", "on"),
            ("/j", "off"),
            ("/w", "1_000"),
            ("/x", "12"),
            ("/y", "true"),
            ("/z", "0x"),
            ("/ad", "y"),
            ("/ae", "NaN"),
        ] {
            assert_eq!(at(root, ptr).value.as_str(), Some(s), "{ptr}");
        }
        assert_eq!(kind("/k"), Some(NumberKind::Integer(12)));
        assert_eq!(kind("/l"), Some(NumberKind::Integer(0)));
        assert_eq!(kind("/m"), Some(NumberKind::Integer(31)));
        assert_eq!(kind("/n"), Some(NumberKind::Integer(15)));
        assert_eq!(kind("/o"), Some(NumberKind::Float(1.0)));
        assert_eq!(kind("/p"), Some(NumberKind::Float(0.5)));
        assert_eq!(kind("/q"), Some(NumberKind::FloatOutOfRange));
        assert_eq!(kind("/r"), Some(NumberKind::FloatOutOfRange));
        assert_eq!(kind("/s"), Some(NumberKind::FloatOutOfRange));
        assert_eq!(kind("/t"), Some(NumberKind::FloatOutOfRange));
        assert_eq!(kind("/u"), Some(NumberKind::IntegerOutOfRange));
        assert_eq!(kind("/v"), Some(NumberKind::Integer(12)));
        assert_eq!(kind("/aa"), Some(NumberKind::Float(1.0)));
        assert_eq!(kind("/ab"), Some(NumberKind::Integer(2_147_483_648)));
        assert_eq!(kind("/ac"), Some(NumberKind::Integer(7)));
        assert_eq!(
            at(root, "/m").value.as_number().map(|n| n.text()),
            Some("0x1F")
        );
        assert_eq!(
            at(root, "/o")
                .value
                .as_number()
                .map(|n| n.is_integer_literal()),
            Some(false)
        );
        assert_eq!(
            at(root, "/u").value.as_number().map(|n| n.as_u64()),
            Some(Some(9_223_372_036_854_775_808))
        );
        assert!(p.issues.is_empty());
        let big_hex = ok("a: 0xFFFFFFFFFFFFFFFFF\n");
        let n = at(&big_hex.root, "/a").value.as_number().cloned();
        assert_eq!(
            n.as_ref().map(|n| n.kind()),
            Some(NumberKind::IntegerOutOfRange)
        );
        assert_eq!(
            n.and_then(|n| n.as_f64()),
            Some(295_147_905_179_352_825_855.0)
        );
    }

    #[test]
    fn scalar_roots() {
        assert_eq!(ok("12").root.to_json_value(), json!(12));
        assert_eq!(ok("--- hello\n").root.to_json_value(), json!("hello"));
        assert_eq!(ok("---\n").root.to_json_value(), json!(null));
        assert_eq!(ok("[]").root.to_json_value(), json!([]));
    }

    #[test]
    fn tags() {
        let src = "a: !Ref foo\nb: !!str 12\nc: ! 12\nd: !!int \"42\"\ne: !!float 1\nf: !!int abc\ng: !!bool yes\nh: !!map {x: 1}\ni: !!seq {x: 1}\nj: !!binary aGk=\nk: !GetAtt [a, b]\nl: !<tag:example.com,2000:x> v\n!Key m: 1\nn: !!null ''\n";
        let p = ok(src);
        let root = &p.root;
        assert_eq!(at(root, "/a").value.as_str(), Some("foo"));
        assert_eq!(text(src, at(root, "/a").span), "!Ref foo");
        assert_eq!(at(root, "/b").value.as_str(), Some("12"));
        assert_eq!(at(root, "/c").value.as_str(), Some("12"));
        assert_eq!(
            at(root, "/d").value.as_number().and_then(|n| n.as_i64()),
            Some(42)
        );
        assert_eq!(
            at(root, "/e")
                .value
                .as_number()
                .map(|n| (n.kind(), n.text().to_owned())),
            Some((NumberKind::Float(1.0), "1".to_owned()))
        );
        assert_eq!(at(root, "/f").value.as_str(), Some("abc"));
        assert_eq!(at(root, "/g").value.as_str(), Some("yes"));
        assert_eq!(
            at(root, "/h/x").value.as_number().and_then(|n| n.as_i64()),
            Some(1)
        );
        assert_eq!(
            at(root, "/i/x").value.as_number().and_then(|n| n.as_i64()),
            Some(1)
        );
        assert_eq!(at(root, "/j").value.as_str(), Some("aGk="));
        assert_eq!(at(root, "/k").to_json_value(), json!(["a", "b"]));
        assert_eq!(at(root, "/l").value.as_str(), Some("v"));
        assert_eq!(
            at(root, "/m").value.as_number().and_then(|n| n.as_i64()),
            Some(1)
        );
        assert_eq!(at(root, "/n").value, Value::Null);
        let issues: Vec<_> = p
            .issues
            .iter()
            .map(|i| (i.code(), i.message(), text(src, i.span()).to_owned()))
            .collect();
        assert_eq!(
            issues,
            [
                (
                    "custom-tag",
                    "custom YAML tag `!Ref` ignored".to_owned(),
                    "!Ref foo".to_owned()
                ),
                (
                    "invalid-tagged-value",
                    "the value does not fit the YAML tag `!!int`: tag ignored".to_owned(),
                    "!!int abc".to_owned()
                ),
                (
                    "invalid-tagged-value",
                    "the value does not fit the YAML tag `!!bool`: tag ignored".to_owned(),
                    "!!bool yes".to_owned()
                ),
                (
                    "invalid-tagged-value",
                    "the value does not fit the YAML tag `!!seq`: tag ignored".to_owned(),
                    "!!seq {".to_owned()
                ),
                (
                    "custom-tag",
                    "custom YAML tag `!!binary` ignored".to_owned(),
                    "!!binary aGk=".to_owned()
                ),
                (
                    "custom-tag",
                    "custom YAML tag `!GetAtt` ignored".to_owned(),
                    "!GetAtt [".to_owned()
                ),
                (
                    "custom-tag",
                    "custom YAML tag `!<tag:example.com,2000:x>` ignored".to_owned(),
                    "!<tag:example.com,2000:x> v".to_owned()
                ),
                (
                    "custom-tag",
                    "custom YAML tag `!Key` ignored".to_owned(),
                    "!Key m".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn anchors_and_aliases() {
        let src =
            "base: &b\n  cpu: 250\n  tags: [x, y]\napp: *b\nname: &n svc\nother: *n\n*n : keyed\n";
        let p = ok(src);
        assert!(p.issues.is_empty(), "{:?}", p.issues);
        let root = &p.root;
        assert_eq!(
            at(root, "/app").to_json_value(),
            json!({"cpu": 250, "tags": ["x", "y"]})
        );
        assert_eq!(text(src, at(root, "/app").span), "*b");
        // Inside an alias, nodes keep the spans of the anchored node.
        assert_eq!(text(src, at(root, "/app/cpu").span), "250");
        assert_eq!(at(root, "/app/cpu").span, at(root, "/base/cpu").span);
        assert_eq!(text(src, at(root, "/name").span), "&n svc");
        assert_eq!(at(root, "/other").value.as_str(), Some("svc"));
        assert_eq!(text(src, at(root, "/other").span), "*n");
        // An alias as a key takes the text of its scalar.
        assert_eq!(at(root, "/svc").value.as_str(), Some("keyed"));
        assert_eq!(key_text(src, root, "/svc"), "*n");
    }

    #[test]
    fn alias_errors() {
        let e = err(b"a: *nope\n");
        assert_eq!((e.kind, e.offset), (K::UnknownAlias, 3));
        assert!(e.message.contains("`*nope`"), "{}", e.message);
        let e = err(b"a: &x [1, *x]\n");
        assert_eq!((e.kind, e.offset), (K::RecursiveAlias, 10));
        assert!(e.message.contains("`*x`"), "{}", e.message);
    }

    #[test]
    fn billion_laughs_is_rejected_fast() {
        let src = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n\
                   b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n\
                   c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n\
                   d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n\
                   e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n\
                   f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n\
                   g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n\
                   h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n\
                   i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
        let start = std::time::Instant::now();
        let e = err(src.as_bytes());
        assert_eq!(e.kind, K::NodeLimit);
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
        // Deep alias chains are bounded by the depth limit.
        let mut chain = String::from("a0: &a0 [[[[[[[[[[x]]]]]]]]]]\n");
        for i in 1..40 {
            chain.push_str(&format!("a{i}: &a{i} [[[[[[[[[[*a{}]]]]]]]]]]\n", i - 1));
        }
        let e = err(chain.as_bytes());
        assert_eq!(e.kind, K::DepthLimit);
    }

    #[test]
    fn multiple_documents() {
        let src = "a: 1\n---\nb: 2\n";
        let p = ok(src);
        assert_eq!(p.root.to_json_value(), json!({"a": 1}));
        assert_eq!(
            p.issues,
            vec![ParseIssue::MultipleDocuments {
                span_of_second: Span::new(5, 8)
            }]
        );
        let p = ok("--- 1\n--- 2\n");
        assert_eq!(p.root.to_json_value(), json!(1));
        assert!(matches!(
            p.issues.as_slice(),
            [ParseIssue::MultipleDocuments { .. }]
        ));
        // A second document without `---`, after `...`: an empty span where it starts.
        let p = ok("a: 1\n...\nb: 2\n");
        assert_eq!(
            p.issues,
            vec![ParseIssue::MultipleDocuments {
                span_of_second: Span::empty(9)
            }]
        );
        // What follows the start of the second document is not checked.
        assert_eq!(ok("a: 1\n---\n]]]\n").issues.len(), 1);
        // A document end marker alone is fine.
        let p = ok("a: 1\n...\n");
        assert!(p.issues.is_empty());
        // An error after the end of the first document is still an error.
        let e = err(b"a: 1\n...\n]\n");
        assert_eq!((e.kind, e.offset), (K::Yaml, 9));
    }

    #[test]
    fn keys() {
        let src =
            "1: a\ntrue: b\n~: c\n? [x, y]\n: skipped\n? {k: v}\n: skipped too\nafter: d\n1.5: e\n";
        let p = ok(src);
        assert_eq!(
            p.root.to_json_value(),
            json!({"1": "a", "true": "b", "~": "c", "after": "d", "1.5": "e"})
        );
        let issues: Vec<_> = p
            .issues
            .iter()
            .map(|i| (i.code(), text(src, i.span()).to_owned()))
            .collect();
        assert_eq!(
            issues,
            [
                ("complex-key", "[x, y]".to_owned()),
                ("complex-key", "{k: v}".to_owned())
            ]
        );
        // An alias to a collection as a key.
        let src = "a: &x [1]\n*x : 2\nb: 3\n";
        let p = ok(src);
        assert_eq!(p.root.to_json_value(), json!({"a": [1], "b": 3}));
        assert_eq!(
            p.issues,
            vec![ParseIssue::ComplexKey {
                span: Span::new(10, 12)
            }]
        );
        // YAML 1.1 merge keys are not applied: `<<` is an ordinary key.
        let p = ok("x: &x {a: 1}\n<<: *x\n");
        assert_eq!(
            p.root.to_json_value(),
            json!({"x": {"a": 1}, "<<": {"a": 1}})
        );
        // A flow sequence as an implicit key.
        let p = ok("[a, b]: c\n");
        assert_eq!(p.root.to_json_value(), json!({}));
        assert_eq!(
            p.issues,
            vec![ParseIssue::ComplexKey {
                span: Span::new(0, 6)
            }]
        );
    }

    #[test]
    fn duplicate_keys() {
        let src = "a: 1\nb:\n  x: 1\n  x: 2\na: 3\n";
        let p = ok(src);
        assert_eq!(
            p.issues,
            vec![
                ParseIssue::DuplicateKey {
                    key: "x".into(),
                    first: Span::new(10, 11),
                    duplicate: Span::new(17, 18)
                },
                ParseIssue::DuplicateKey {
                    key: "a".into(),
                    first: Span::new(0, 1),
                    duplicate: Span::new(22, 23)
                },
            ]
        );
        assert_eq!(p.root.to_json_value(), json!({"a": 3, "b": {"x": 2}}));
        // Quoted and plain spellings of the same key are duplicates.
        let p = ok("a: 1\n\"a\": 2\n");
        assert_eq!(p.issues.len(), 1);
    }

    #[test]
    fn syntax_errors() {
        let e = err(b"a: [1, 2\n");
        assert_eq!(e.kind, K::Yaml);
        assert!(e.offset >= 8, "{e:?}");
        let e = err(b"a: b: c\n");
        assert_eq!((e.kind, e.offset), (K::Yaml, 4));
        let e = err(b"a:\n  b: 1\n c: 2\n");
        assert_eq!(e.kind, K::Yaml);
        let e = err(b"key: \"unterminated\n");
        assert_eq!(e.kind, K::Yaml);
        let e = err(b"a: 1\0\n");
        assert_eq!((e.kind, e.offset), (K::NulByte, 4));
    }

    #[test]
    fn empty_streams() {
        for src in ["", "   \n", "# only a comment\n", "\u{feff}"] {
            let e = err(src.as_bytes());
            assert_eq!((e.kind, e.offset), (K::Empty, src.len()), "{src:?}");
        }
    }

    #[test]
    fn bom_and_utf8() {
        let mut src = b"\xEF\xBB\xBF".to_vec();
        src.extend_from_slice("é: ü\nb: [1]\n".as_bytes());
        let p = match parse_yaml(&src, &Limits::default()) {
            Ok(p) => p,
            Err(e) => panic!("{e:?}"),
        };
        assert!(p.had_bom);
        let s = String::from_utf8_lossy(&src).into_owned();
        assert_eq!(
            p.root.pointer_get("/é").and_then(|n| s.get(n.span.range())),
            Some("ü")
        );
        assert_eq!(
            p.root.pointer_get("/b").map(|n| n.span),
            Some(Span::new(13, 16))
        );
        let e = err(b"a: b\nc: \xFF\n");
        assert_eq!((e.kind, e.offset), (K::Utf8, 8));
    }

    #[test]
    fn crlf() {
        let src = "a: 1\r\nb:\r\n  - x\r\n  - y\r\n";
        let p = ok(src);
        assert_eq!(text(src, at(&p.root, "/b/1").span), "y");
        assert_eq!(text(src, at(&p.root, "/b").span), "- x\r\n  - y");
    }

    #[test]
    fn depth_limits() {
        let limits = Limits {
            max_depth: 2,
            ..Limits::default()
        };
        assert!(parse_yaml(b"a: {b: 1}", &limits).is_ok());
        let e = parse_yaml(b"a: {b: [1]}", &limits).err();
        assert_eq!(e.map(|e| (e.kind, e.offset)), Some((K::DepthLimit, 7)));
        let start = std::time::Instant::now();
        for deep in [
            "[".repeat(100_000),
            "{\"a\":".repeat(100_000),
            "- ".repeat(100_000),
        ] {
            let e = err(deep.as_bytes());
            assert_eq!(e.kind, K::DepthLimit, "{e:?}");
        }
        // The flow scanner of saphyr-parser looks ahead and stops at 255 levels first.
        let e = err("{\"a\":".repeat(100_000).as_bytes());
        assert_eq!(e.offset, 255 * 5);
        assert_eq!(err("a: ".repeat(100_000).as_bytes()).kind, K::Yaml);
        let e = err("- ".repeat(100_000).as_bytes());
        assert_eq!((e.kind, e.offset), (K::DepthLimit, 256));
        let e = err("[".repeat(200).as_bytes());
        assert_eq!((e.kind, e.offset), (K::DepthLimit, 128));
        let e = err("[".repeat(100_000).as_bytes());
        assert_eq!(e.kind, K::DepthLimit);
        let mut block = String::new();
        for i in 0..2000 {
            block.push_str(&" ".repeat(i));
            block.push_str("a:\n");
        }
        assert_eq!(err(block.as_bytes()).kind, K::DepthLimit);
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }

    #[test]
    fn node_limit() {
        let limits = Limits {
            max_nodes: 4,
            ..Limits::default()
        };
        assert!(parse_yaml(b"[1, 2, 3]", &limits).is_ok());
        let e = parse_yaml(b"[1, 2, 3, 4]", &limits).err();
        assert_eq!(e.map(|e| (e.kind, e.offset)), Some((K::NodeLimit, 10)));
    }

    use crate::test_rng::Rng;

    #[test]
    fn fuzz_does_not_panic() {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let alphabet: &[&str] = &[
            "[", "]", "{", "}", ":", ",", "-", "?", "&a", "*a", "&b", "*b", "!", "!!int", "!Ref",
            "|", ">", "'", "\"", "#", "%", "@", "`", " ", "  ", "\n", "\t", "a", "1", ".", "\\",
            "~", "é", "\r", "\u{feff}", "---", "...", "\0", "<<",
        ];
        let limits = Limits {
            max_depth: 16,
            max_nodes: 2000,
        };
        for _ in 0..4000 {
            let len = rng.below(40);
            let s: String = (0..len)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            if let Err(e) = parse_yaml(s.as_bytes(), &limits) {
                assert!(e.offset <= s.len(), "{s:?}: {e:?}");
            }
        }
        for _ in 0..1000 {
            let len = rng.below(40);
            let bytes: Vec<u8> = (0..len)
                .map(|_| u8::try_from(rng.below(256)).unwrap_or(0))
                .collect();
            let _ = parse_yaml(&bytes, &limits);
        }
        let valid = "name: app\nports:\n  - internal_port: 8080 # c\n    protocol: HTTP\nenv: {A: \"é\\u00e9\", B: 'x'}\nlist: [1, 2.5, ~, true]\nbase: &b {cpu: 1}\nuse: *b\ntext: |\n  hello\n";
        assert!(parse_yaml(valid.as_bytes(), &Limits::default()).is_ok());
        for cut in 0..=valid.len() {
            let _ = parse_yaml(&valid.as_bytes()[..cut], &Limits::default());
        }
    }
}
