//! Fix builders: the [`Repair`] a rule states on the payload's values, turned into byte edits
//! on the document it was found in.
//!
//! Every edit is computed from the tree's spans and the bytes around them, through a small
//! closed set of shapes:
//! - **replace a scalar**, written in the quoting style of the value it replaces (a YAML plain
//!   scalar stays plain when the new text reads back as the same string, single quotes stay
//!   single);
//! - **rename a key**, in the key's own quoting style;
//! - **delete an entry** with its separator (JSON and YAML flow: the comma; YAML block: its
//!   whole lines, with the comment on its line);
//! - **insert an entry** after the member the diagnostic is about when it is a sibling, else
//!   after the last member of its object, with that member's indentation, line end and `: `
//!   spacing (on the same line when the object is written on one line).
//!
//! Everything else in the document is kept byte for byte: key order, indentation, comments,
//! CRLF line ends, a BOM, the final newline or its absence, block vs flow style. A change that
//! none of these shapes can make gives no fix at all, never an approximation; so does any
//! change in a YAML document with anchors or aliases (an edit there may change several values).

use super::locate::Spans;
use super::options::Syntax;
use super::parse::LINEAR_SCAN_MAX;
use super::tree::{Member, Node, Span, Value, unescape_token};
use crate::validate::{Applicability, Change, Diagnostic, Edit, Fix, Repair, Scalar};
use std::borrow::Cow;
use std::collections::HashMap;

/// Turns repairs into fixes for one parsed document.
///
/// Lookups are memoized (nodes by pointer, and the members by key of each object of
/// [`LINEAR_SCAN_MAX`] members or more, smaller ones are scanned), so a document with many
/// diagnostics in a wide object is not walked once per diagnostic.
pub(super) struct Fixer<'a> {
    /// The document's text; `None` when it is not UTF-8 (it would not have parsed) or when it
    /// is YAML with anchors or aliases.
    text: Option<&'a str>,
    spans: Spans<'a>,
    syntax: Syntax,
    /// For each object looked into, by the start of its span: its members' indexes by key.
    keys: HashMap<usize, HashMap<&'a str, Vec<usize>>>,
}

impl<'a> Fixer<'a> {
    /// A fixer for the document `bytes`, whose nodes `spans` looks up.
    pub(super) fn new(bytes: &'a [u8], spans: Spans<'a>, syntax: Syntax) -> Self {
        let text = std::str::from_utf8(bytes)
            .ok()
            .filter(|text| syntax == Syntax::Json || !has_anchor_or_alias(text));
        Fixer {
            text,
            spans,
            syntax,
            keys: HashMap::new(),
        }
    }

    /// The fix of `diagnostic`, located at `span`: its repair as edits, or `None`.
    pub(super) fn fix(&mut self, diagnostic: &Diagnostic, span: Span) -> Option<Fix> {
        let repair: &Repair = diagnostic.repair.as_ref()?;
        let doc = Doc {
            text: self.text?,
            syntax: self.syntax,
        };
        let mut applicability = repair.applicability;
        let mut edits = Vec::with_capacity(repair.changes.len());
        for change in &repair.changes {
            // A change at the diagnostic's own pointer is about the value it is located at,
            // which a repeated key makes other than the last one of that key.
            let at = |pointer: &String| (*pointer == diagnostic.pointer).then_some(span);
            let edit = match change {
                Change::Set { pointer, value } => {
                    let anchor = (diagnostic.pointer.as_str(), span);
                    self.set(doc, pointer, at(pointer), anchor, value, None)?
                }
                Change::Add { pointer, value } => {
                    let anchor = (diagnostic.pointer.as_str(), span);
                    self.set(
                        doc,
                        pointer,
                        at(pointer),
                        anchor,
                        value,
                        Some(&mut applicability),
                    )?
                }
                Change::Remove { pointer } => {
                    let (object, key) = self.parent(pointer)?;
                    let index = self.member(object, &key, at(pointer))?;
                    Some(doc.delete_member(object, index)?)
                }
                Change::RenameKey { to } => {
                    let (object, key) = self.parent(&diagnostic.pointer)?;
                    if self.member(object, to, None).is_some() {
                        return None;
                    }
                    let index = *self
                        .indexes(object, &key)?
                        .iter()
                        .find(|&&i| members(object)[i].key_span == span)?;
                    let key_span = members(object)[index].key_span;
                    Some(Edit::replace(key_span.range(), doc.key(key_span, to)?))
                }
                Change::RemoveOverridden => {
                    let (object, key) = self.parent(&diagnostic.pointer)?;
                    let same_key = self.indexes(object, &key)?;
                    let at = same_key
                        .iter()
                        .position(|&i| members(object)[i].key_span == span)?;
                    let earlier = *same_key.get(at.checked_sub(1)?)?;
                    Some(doc.delete_member(object, earlier)?)
                }
            };
            edits.extend(edit);
        }
        Fix::new(repair.title.clone(), applicability, edits)
    }

    /// The edit of a `Set` (or, with `add`, of an `Add`): `Some(None)` when an `Add` finds the
    /// value already there; `None` when no edit shape applies.
    ///
    /// An absent member is added right after the member the diagnostic is located at when that
    /// one is its sibling (the `tag` taken out of `image_name` goes after `image_name`), else
    /// after the last member of its object.
    #[allow(clippy::option_option)]
    fn set(
        &mut self,
        doc: Doc<'_>,
        pointer: &str,
        located: Option<Span>,
        (anchor, anchor_span): (&str, Span),
        value: &Scalar,
        add: Option<&mut Applicability>,
    ) -> Option<Option<Edit>> {
        let (parent, token) = self.parent(pointer)?;
        let node = match &parent.value {
            Value::Object(members) => match self.member(parent, &token, located) {
                Some(index) => &members[index].value,
                None => {
                    let after = match anchor.rsplit_once('/') {
                        Some((anchor_parent, key))
                            if pointer.rsplit_once('/').map(|(p, _)| p) == Some(anchor_parent) =>
                        {
                            unescape_token(key)
                                .and_then(|key| self.member(parent, &key, Some(anchor_span)))
                        }
                        _ => None,
                    };
                    let after = after.or(members.len().checked_sub(1))?;
                    return Some(Some(doc.insert_member(parent, after, &token, value)?));
                }
            },
            // An array item is replaced, never added.
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
        if let Some(applicability) = add {
            if same_value(node, value) {
                return Some(None);
            }
            *applicability = Applicability::Unsafe;
        }
        Some(Some(doc.replace_scalar(node, value)?))
    }

    /// The node that holds the value at `pointer`, and the last reference token (unescaped).
    fn parent<'p>(&mut self, pointer: &'p str) -> Option<(&'a Node<'a>, Cow<'p, str>)> {
        let (parent, token) = pointer.rsplit_once('/')?;
        Some((self.spans.node(parent)?, unescape_token(token)?))
    }

    /// The index of the member `key` of `object`: the one whose value is at `located` when
    /// given, else the last one with that key (as lookups do).
    fn member(&mut self, object: &'a Node<'a>, key: &str, located: Option<Span>) -> Option<usize> {
        let indexes = self.indexes(object, key)?;
        located
            .and_then(|span| {
                indexes
                    .iter()
                    .copied()
                    .find(|&i| members(object)[i].value.span == span)
            })
            .or_else(|| indexes.last().copied())
    }

    /// The indexes of the members `key` of `object`, in document order; `None` when it has
    /// none (or is not an object).
    fn indexes(&mut self, object: &'a Node<'a>, key: &str) -> Option<Cow<'_, [usize]>> {
        let all = members(object);
        if all.len() < LINEAR_SCAN_MAX {
            let found: Vec<usize> = all
                .iter()
                .enumerate()
                .filter_map(|(i, member)| (member.key == key).then_some(i))
                .collect();
            return (!found.is_empty()).then_some(Cow::Owned(found));
        }
        let index = self.keys.entry(object.span.start).or_insert_with(|| {
            let mut index: HashMap<&'a str, Vec<usize>> = HashMap::new();
            for (i, member) in members(object).iter().enumerate() {
                index.entry(&*member.key).or_default().push(i);
            }
            index
        });
        index.get(key).map(|found| Cow::Borrowed(found.as_slice()))
    }
}

/// The members of `node`, none when it is not an object.
fn members<'n, 'a>(node: &'n Node<'a>) -> &'n [Member<'a>] {
    match &node.value {
        Value::Object(members) => members,
        _ => &[],
    }
}

/// Whether `node` already holds `value`.
fn same_value(node: &Node, value: &Scalar) -> bool {
    match (&node.value, value) {
        (Value::String(s), Scalar::String(v)) => s == v,
        (Value::Number(n), Scalar::Integer(v)) => n.text() == v.to_string(),
        _ => false,
    }
}

/// Whether a YAML text may hold an anchor (`&a`) or an alias (`*a`): the indicator at the start
/// of a token, followed by a name character. Conservative: a comment or a quoted string that
/// looks the same also counts.
fn has_anchor_or_alias(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        matches!(b, b'&' | b'*')
            && (i == 0
                || matches!(
                    bytes[i - 1],
                    b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b','
                ))
            && bytes.get(i + 1).is_some_and(|&next| {
                !matches!(
                    next,
                    b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'
                )
            })
    })
}

/// The text of a document and its syntax: the edit shapes.
#[derive(Clone, Copy)]
struct Doc<'t> {
    text: &'t str,
    syntax: Syntax,
}

impl<'t> Doc<'t> {
    fn slice(&self, span: Span) -> Option<&'t str> {
        self.text.get(span.range())
    }

    /// Whether `object` is written in flow style (JSON, YAML `{...}`).
    fn is_flow(&self, object: &Node) -> bool {
        self.syntax == Syntax::Json || self.text.as_bytes().get(object.span.start) == Some(&b'{')
    }

    /// Replaces a scalar with `value`, in the style of the scalar it replaces.
    fn replace_scalar(&self, node: &Node, value: &Scalar) -> Option<Edit> {
        if matches!(node.value, Value::Object(_) | Value::Array(_)) || node.span.is_empty() {
            return None;
        }
        let old = self.slice(node.span)?;
        // YAML properties (`&a`, `!tag`), aliases and block scalars: not a plain replacement.
        if self.syntax == Syntax::Yaml && old.starts_with(['&', '*', '!', '|', '>']) {
            return None;
        }
        let new = match value {
            Scalar::Integer(n) => n.to_string(),
            Scalar::String(s) => self.string(s, old.as_bytes().first().copied())?,
        };
        Some(Edit::replace(node.span.range(), new))
    }

    /// `s` as a scalar in the style whose first byte is `style` (`"`, `'`, or plain).
    fn string(&self, s: &str, style: Option<u8>) -> Option<String> {
        let double = serde_json::Value::from(s).to_string();
        if self.syntax == Syntax::Json {
            return Some(double);
        }
        Some(match style {
            Some(b'\'') if !s.contains(|c: char| c.is_control()) => {
                format!("'{}'", s.replace('\'', "''"))
            }
            Some(b'"' | b'\'') => double,
            _ if is_plain_safe(s) => s.to_owned(),
            _ => double,
        })
    }

    /// A key `to`, in the style of the key at `old`.
    fn key(&self, old: Span, to: &str) -> Option<String> {
        let first = self.slice(old)?.as_bytes().first().copied();
        self.string(to, first)
    }

    /// The bytes from the start of the line of `offset` to `offset`.
    ///
    /// Lines end at `\r\n`, `\n` or a lone `\r`: YAML 1.2's line breaks (`b-break`), which the
    /// parser follows; a fix that took a lone `\r` for a character would cut across members.
    /// In JSON a lone `\r` is whitespace, and taking it as a line end there only changes the
    /// indentation a fix copies.
    ///
    /// Each search is for one byte (`str::rfind(char)` and `find(char)` use `memchr`): a
    /// one-line document with thousands of fixes scans its line once per fix.
    fn line_prefix(&self, offset: usize) -> (usize, &'t str) {
        let after_lf = self.text[..offset].rfind('\n').map_or(0, |at| at + 1);
        let start = self.text[after_lf..offset]
            .rfind('\r')
            .map_or(after_lf, |at| after_lf + at + 1);
        (start, &self.text[start..offset])
    }

    /// The end of the line of `offset` (before its line break), and the line break it has.
    fn line_end(&self, offset: usize) -> (usize, Option<&'static str>) {
        match first_break(&self.text[offset..]) {
            Some(at) => (offset + at, Some(line_break(&self.text[offset + at..]))),
            None => (self.text.len(), None),
        }
    }

    /// The document's line break: that of its first line, `\n` when it has one line.
    fn eol(&self) -> &'static str {
        first_break(self.text).map_or("\n", |at| line_break(&self.text[at..]))
    }

    /// Inserts `key: value` after member `after` of `object`.
    fn insert_member(
        &self,
        object: &Node,
        after: usize,
        key: &str,
        value: &Scalar,
    ) -> Option<Edit> {
        let Value::Object(members) = &object.value else {
            return None;
        };
        let member = members.get(after)?;
        let next = members.get(after + 1);
        let end = member.value.span.end.max(member.key_span.end);
        let key_text = self.string(
            key,
            self.slice(member.key_span)?.as_bytes().first().copied(),
        )?;
        let value_text = match value {
            Scalar::Integer(n) => n.to_string(),
            Scalar::String(s) => self.string(s, None)?,
        };
        let separator = self
            .text
            .get(member.key_span.end..member.value.span.start)
            // Not the `:` of a value on the next line (a block collection): `: ` then.
            .filter(|sep| sep.trim() == ":" && !sep.contains(['\n', '\r']))
            .unwrap_or(": ");
        let (_, prefix) = self.line_prefix(member.key_span.start);
        let starts_line = prefix.bytes().all(|b| b == b' ' || b == b'\t');
        if self.is_flow(object) {
            // Only blanks (and, before a next member, its comma) up to what follows: no
            // trailing comma, no comment to step over.
            let between = match next {
                Some(next) => self
                    .text
                    .get(end..next.key_span.start)?
                    .trim()
                    .strip_prefix(',')?,
                None => self.text.get(end..object.span.end.checked_sub(1)?)?,
            };
            if !between.trim().is_empty() {
                return None;
            }
            let lead = if starts_line {
                let (_, eol) = self.line_end(end);
                format!(",{}{prefix}", eol.unwrap_or(self.eol()))
            } else {
                ", ".to_owned()
            };
            return Some(Edit::insert(
                end,
                format!("{lead}{key_text}{separator}{value_text}"),
            ));
        }
        // Block mapping: on a line of its own after the member's last line, indented as the
        // member's key (whose line may start with the `- ` of a sequence item).
        if !prefix.bytes().all(|b| b == b' ' || b == b'-') {
            return None;
        }
        let (line_end, eol) = self.line_end(end);
        let rest = self.text[end..line_end].trim();
        if !(rest.is_empty() || rest.starts_with('#')) {
            return None;
        }
        let indent = " ".repeat(prefix.len());
        Some(Edit::insert(
            line_end,
            format!(
                "{}{indent}{key_text}{separator}{value_text}",
                eol.unwrap_or(self.eol())
            ),
        ))
    }

    /// Deletes member `index` of `object` with its separator.
    fn delete_member(&self, object: &Node, index: usize) -> Option<Edit> {
        let Value::Object(members) = &object.value else {
            return None;
        };
        let member = members.get(index)?;
        let mut end = member.value.span.end.max(member.key_span.end);
        // An empty (implicit null) YAML value has no bytes of its own: the `:` after the key is
        // the member's last byte, and goes with it.
        let after = self.text.get(end..)?;
        if let Some(rest) = after.trim_start_matches([' ', '\t']).strip_prefix(':') {
            end += after.len() - rest.len();
        }
        if self.is_flow(object) {
            let range = if members.len() == 1 {
                let inner = object.span.start + 1..object.span.end.checked_sub(1)?;
                if self.text.get(inner.clone())?.contains('#') {
                    return None;
                }
                inner
            } else if let Some(next) = members.get(index + 1) {
                member.key_span.start..next.key_span.start
            } else {
                let previous = &members[index - 1];
                previous.value.span.end.max(previous.key_span.end)..end
            };
            return Some(Edit::delete(range));
        }
        // Block mapping: the member's whole lines, with the comment on its last line. Its only
        // member cannot go (the mapping would become null).
        if members.len() == 1 {
            return None;
        }
        let (line_start, prefix) = self.line_prefix(member.key_span.start);
        let (line_end, eol) = self.line_end(end);
        let rest = self.text[end..line_end].trim();
        if !(rest.is_empty() || rest.starts_with('#')) {
            return None;
        }
        if prefix.bytes().all(|b| b == b' ') {
            let range = match eol {
                Some(eol) => line_start..line_end + eol.len(),
                // The last line, with no line end: the line end before it goes instead, so the
                // document still ends without one.
                None => {
                    let before = &self.text[..line_start];
                    let before = before
                        .strip_suffix("\r\n")
                        .or_else(|| before.strip_suffix(['\n', '\r']))?;
                    before.len()..line_end
                }
            };
            return Some(Edit::delete(range));
        }
        // The first key of a sequence item (`- key: value`): the next member takes its place.
        if prefix.trim() == "-" {
            let next = members.get(index + 1)?;
            return Some(Edit::delete(member.key_span.start..next.key_span.start));
        }
        None
    }
}

/// Where the first line break of `text` starts (a `\r` or a `\n`).
fn first_break(text: &str) -> Option<usize> {
    let lf = text.find('\n');
    text[..lf.unwrap_or(text.len())].find('\r').or(lf)
}

/// The line break `text` starts with (it starts with `\r` or `\n`).
fn line_break(text: &str) -> &'static str {
    if text.starts_with("\r\n") {
        "\r\n"
    } else if text.starts_with('\r') {
        "\r"
    } else {
        "\n"
    }
}

/// Whether `s` written as a YAML plain scalar reads back as this same string (core schema):
/// no indicator, no number, boolean or null look-alike.
fn is_plain_safe(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let reserved = matches!(
        s.to_ascii_lowercase().as_str(),
        "null" | "true" | "false" | "~" | "yes" | "no" | "on" | "off" | "y" | "n"
    );
    (first.is_ascii_alphabetic() || first == '_' || first == '/')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '/' | '-'))
        && !reserved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_are_only_written_when_they_read_back_as_strings() {
        for plain in ["HTTP", "acme/storefront-api", "/data", "latest", "a.b-c_d"] {
            assert!(is_plain_safe(plain), "{plain}");
        }
        for quoted in [
            "", "1.27", "2", "true", "Null", "no", "-x", ".inf", "a b", "a:b", "#x",
        ] {
            assert!(!is_plain_safe(quoted), "{quoted}");
        }
    }

    #[test]
    fn anchors_and_aliases_are_detected_conservatively() {
        assert!(has_anchor_or_alias("a: &x 1\nb: *x\n"));
        assert!(has_anchor_or_alias("- *x"));
        assert!(!has_anchor_or_alias("a: \"b & c\"\nd: 2 * 3\n"));
    }
}
