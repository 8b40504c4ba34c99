//! Where a cursor is in a payload's text: the object or array around it, whether it is on a
//! member name or on a value, and the member names already present there.
//!
//! Hover and completion run on text that is being typed, so most of the time it does not parse:
//! this reader is lenient where the checker's parsers are strict. JSON is read token by token
//! (an unterminated string ends at its line's end); YAML line by line, by indentation, block
//! style only (a flow collection is a value). It never fails: at worst it finds nothing.

use crate::lsp::Syntax;
use std::ops::Range;

/// What the cursor is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A member name (possibly partial), or the place of a new member in an object.
    Key,
    /// A member's value (possibly partial, possibly not typed yet), or an item of an array.
    Value,
}

/// The cursor's place in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// Reference tokens from the root to the object (or array) holding the cursor.
    pub parent: Vec<String>,
    /// On a name or on a value.
    pub role: Role,
    /// The member: the name under the cursor ([`Role::Key`]) or the name whose value is under
    /// it ([`Role::Value`]); `None` between members, or on an array item.
    pub key: Option<String>,
    /// The bytes of the token under the cursor, which a completion replaces (empty at the
    /// cursor when there is none).
    pub token: Range<usize>,
    /// Whether a `:` already follows the name under the cursor.
    pub colon_follows: bool,
    /// The member names present in the parent object, wherever they are in it.
    pub present: Vec<String>,
}

/// The cursor at byte `offset` of `text`; `None` outside any object or array.
pub fn at(text: &str, offset: usize, syntax: Syntax) -> Option<Cursor> {
    match syntax {
        Syntax::Json => json(text, offset.min(text.len())),
        _ => yaml(text, offset.min(text.len())),
    }
}

/// A container being read: an object (with the member being read) or an array (with the index
/// of the item being read).
enum Frame {
    Object { key: Option<String>, colon: bool },
    Array { index: usize },
}

fn tokens(frames: &[Frame]) -> Vec<String> {
    // Every frame but the innermost names the child it is reading.
    frames
        .iter()
        .take(frames.len().saturating_sub(1))
        .map(|frame| match frame {
            Frame::Object { key, .. } => key.clone().unwrap_or_default(),
            Frame::Array { index } => index.to_string(),
        })
        .collect()
}

/// The cursor between tokens: a new member's name, or a value not typed yet.
fn between(frames: &[Frame], offset: usize) -> Option<Cursor> {
    let (role, key) = match frames.last()? {
        Frame::Object { colon: false, .. } => (Role::Key, None),
        Frame::Object { key, colon: true } => (Role::Value, key.clone()),
        Frame::Array { .. } => (Role::Value, None),
    };
    Some(Cursor {
        parent: tokens(frames),
        role,
        key,
        token: offset..offset,
        colon_follows: false,
        present: Vec::new(),
    })
}

/// `cursor` with the names of `present` (parent, name) that are in its parent.
fn with_present(mut cursor: Cursor, present: Vec<(Vec<String>, String)>) -> Cursor {
    cursor.present = present
        .into_iter()
        .filter(|(parent, _)| *parent == cursor.parent)
        .map(|(_, name)| name)
        .collect();
    cursor
}

fn json(text: &str, offset: usize) -> Option<Cursor> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut found: Option<Cursor> = None;
    let mut present: Vec<(Vec<String>, String)> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        match bytes[at] {
            b' ' | b'\t' | b'\r' | b'\n' => {
                at += 1;
                continue;
            }
            punctuation @ (b'{' | b'}' | b'[' | b']' | b':' | b',') => {
                if found.is_none() && offset <= start {
                    found = between(&frames, offset);
                }
                at += 1;
                match (punctuation, frames.last_mut()) {
                    (b'{', _) => frames.push(Frame::Object {
                        key: None,
                        colon: false,
                    }),
                    (b'[', _) => frames.push(Frame::Array { index: 0 }),
                    (b'}', Some(Frame::Object { .. })) | (b']', Some(Frame::Array { .. })) => {
                        frames.pop();
                    }
                    (b':', Some(Frame::Object { colon, .. })) => *colon = true,
                    (b',', Some(Frame::Object { key, colon })) => {
                        *key = None;
                        *colon = false;
                    }
                    (b',', Some(Frame::Array { index })) => *index += 1,
                    _ => {}
                }
                continue;
            }
            b'"' => at = string_end(bytes, at),
            _ => {
                while at < bytes.len()
                    && !matches!(
                        bytes[at],
                        b' ' | b'\t'
                            | b'\r'
                            | b'\n'
                            | b'{'
                            | b'}'
                            | b'['
                            | b']'
                            | b':'
                            | b','
                            | b'"'
                    )
                {
                    at += 1;
                }
            }
        }
        let token = start..at;
        let is_key = matches!(frames.last(), Some(Frame::Object { colon: false, .. }));
        if found.is_none() && offset < start {
            found = between(&frames, offset);
        }
        if is_key {
            let name = json_string(text.get(token.clone()).unwrap_or_default());
            if found.is_none() && offset <= token.end {
                let rest = bytes.get(token.end..).unwrap_or_default();
                let colon_follows = rest
                    .iter()
                    .find(|b| !b" \t\r\n".contains(b))
                    .is_some_and(|&b| b == b':');
                found = Some(Cursor {
                    parent: tokens(&frames),
                    role: Role::Key,
                    key: Some(name.clone()),
                    token: token.clone(),
                    colon_follows,
                    present: Vec::new(),
                });
            }
            present.push((tokens(&frames), name.clone()));
            if let Some(Frame::Object { key, .. }) = frames.last_mut() {
                *key = Some(name);
            }
        } else if found.is_none() && offset <= token.end && !frames.is_empty() {
            found = between(&frames, offset).map(|cursor| Cursor { token, ..cursor });
        }
    }
    if found.is_none() {
        found = between(&frames, offset);
    }
    found.map(|cursor| with_present(cursor, present))
}

/// The end of the string starting at `start` (after its closing quote), or the end of its line
/// when it is not closed there.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\\' => at += 2,
            b'"' => return at + 1,
            b'\n' | b'\r' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The value of a JSON string token (the raw text between the quotes when it does not parse);
/// a bare word is itself.
fn json_string(token: &str) -> String {
    if let Ok(value) = serde_json::from_str::<String>(token) {
        return value;
    }
    token.trim_matches('"').to_owned()
}

/// One block-style YAML entry on the indentation stack.
#[derive(Debug, Clone)]
struct Entry {
    column: usize,
    token: String,
    is_item: bool,
}

/// One line's structure: the sequence dashes, then maybe `name:` and its value.
struct Line<'t> {
    /// Column of each `- `.
    dashes: Vec<usize>,
    /// Column of the content after the indentation and the dashes.
    column: usize,
    /// The member name, its bytes within the line, and the value's bytes after the colon
    /// (trimmed, comment excluded).
    member: Option<(String, Range<usize>, Range<usize>)>,
    text: &'t str,
}

fn yaml_line(text: &str) -> Line<'_> {
    let text = text.strip_suffix('\r').unwrap_or(text);
    let mut column = text.len() - text.trim_start_matches(' ').len();
    let mut dashes = Vec::new();
    loop {
        let rest = text.get(column..).unwrap_or_default();
        if rest == "-" || rest.starts_with("- ") {
            dashes.push(column);
            column += 1;
            column += text
                .get(column..)
                .map_or(0, |r| r.len() - r.trim_start_matches(' ').len());
        } else {
            break;
        }
    }
    let rest = text.get(column..).unwrap_or_default();
    let member = yaml_key(rest).map(|(name, key_len, colon)| {
        let value_start = column + colon + 1;
        let value = text.get(value_start..).unwrap_or_default();
        let value = match value.find(" #") {
            Some(comment) => &value[..comment],
            None => value,
        };
        let leading = value.len() - value.trim_start().len();
        let start = value_start + leading;
        (
            name,
            column..column + key_len,
            start..value_start + value.trim_end().len().max(leading),
        )
    });
    Line {
        dashes,
        column,
        member,
        text,
    }
}

/// A `name:` at the start of `rest`: the name, its length, and the colon's index.
fn yaml_key(rest: &str) -> Option<(String, usize, usize)> {
    if rest.starts_with('#') || rest.is_empty() {
        return None;
    }
    let (name, key_len) = match rest.as_bytes().first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let close = rest.get(1..)?.find(quote as char)? + 1;
            let inner = rest.get(1..close)?;
            let name = if quote == b'"' {
                json_string(rest.get(..=close)?)
            } else {
                inner.replace("''", "'")
            };
            (name, close + 1)
        }
        _ => {
            let end = rest
                .match_indices(':')
                .map(|(at, _)| at)
                .find(|&at| matches!(rest.as_bytes().get(at + 1), None | Some(b' ' | b'\t')))?;
            (rest.get(..end)?.trim_end().to_owned(), end)
        }
    };
    let after = rest.get(key_len..)?;
    let colon = key_len + (after.len() - after.trim_start().len());
    (rest.as_bytes().get(colon) == Some(&b':')
        && matches!(rest.as_bytes().get(colon + 1), None | Some(b' ' | b'\t')))
    .then_some((name, key_len, colon))
}

fn yaml_tokens(stack: &[Entry]) -> Vec<String> {
    stack.iter().map(|entry| entry.token.clone()).collect()
}

/// The entries that hold content at `column`.
fn yaml_parent(stack: &[Entry], column: usize) -> Vec<String> {
    let inside: Vec<Entry> = stack
        .iter()
        .filter(|entry| entry.column < column)
        .cloned()
        .collect();
    yaml_tokens(&inside)
}

fn yaml(text: &str, offset: usize) -> Option<Cursor> {
    let mut stack: Vec<Entry> = Vec::new();
    let mut present: Vec<(Vec<String>, String)> = Vec::new();
    let mut found: Option<Cursor> = None;
    let mut line_start = 0;
    for raw in text
        .split_inclusive('\n')
        .chain((text.is_empty() || text.ends_with('\n')).then_some(""))
    {
        let line = yaml_line(raw.strip_suffix('\n').unwrap_or(raw));
        let line_end = line_start + line.text.len();
        let is_cursor_line = found.is_none() && (line_start..=line_end).contains(&offset);
        let content = line.text.get(line.column..).unwrap_or_default();
        let blank = content.is_empty() || content.starts_with('#');
        let document_marker =
            line.column == 0 && (content.starts_with("---") || content.starts_with("..."));
        if document_marker {
            stack.clear();
        } else if !(blank && line.dashes.is_empty()) {
            for &dash in &line.dashes {
                let mut index = 0;
                while let Some(top) = stack.last() {
                    if top.column > dash || (top.column == dash && top.is_item) {
                        if top.column == dash && top.is_item {
                            index = top.token.parse::<usize>().map_or(0, |i| i + 1);
                        }
                        stack.pop();
                    } else {
                        break;
                    }
                }
                stack.push(Entry {
                    column: dash,
                    token: index.to_string(),
                    is_item: true,
                });
            }
        }
        if is_cursor_line {
            let column = offset - line_start;
            found = Some(match &line.member {
                _ if column < line.column || blank => Cursor {
                    parent: yaml_parent(&stack, column),
                    role: Role::Key,
                    key: None,
                    token: offset..offset,
                    colon_follows: false,
                    present: Vec::new(),
                },
                Some((name, key, value)) if column > key.end => Cursor {
                    parent: yaml_parent(&stack, line.column),
                    role: Role::Value,
                    key: Some(name.clone()),
                    token: if value.is_empty() {
                        offset..offset
                    } else {
                        line_start + value.start..line_start + value.end
                    },
                    colon_follows: true,
                    present: Vec::new(),
                },
                Some((name, key, _)) => Cursor {
                    parent: yaml_parent(&stack, line.column),
                    role: Role::Key,
                    key: Some(name.clone()),
                    token: line_start + key.start..line_start + key.end,
                    colon_follows: true,
                    present: Vec::new(),
                },
                None => {
                    let word = content.trim_end();
                    Cursor {
                        parent: yaml_parent(&stack, line.column),
                        role: Role::Key,
                        key: Some(word.to_owned()),
                        token: line_start + line.column..line_start + line.column + word.len(),
                        colon_follows: false,
                        present: Vec::new(),
                    }
                }
            });
        }
        if let Some((name, _, _)) = &line.member
            && !document_marker
        {
            while stack.last().is_some_and(|top| top.column >= line.column) {
                stack.pop();
            }
            present.push((yaml_tokens(&stack), name.clone()));
            stack.push(Entry {
                column: line.column,
                token: name.clone(),
                is_item: false,
            });
        }
        line_start += raw.len();
    }
    found.map(|cursor| with_present(cursor, present))
}

#[cfg(test)]
mod tests {
    use super::{Cursor, Role, at};
    use crate::lsp::Syntax;

    /// The cursor where `|` is in `text` (the `|` removed).
    fn cursor(text: &str, syntax: Syntax) -> Option<Cursor> {
        let offset = text.find('|').unwrap_or_else(|| panic!("no | in {text}"));
        at(&text.replace('|', ""), offset, syntax)
    }

    fn summary(cursor: Option<Cursor>) -> (String, Role, Option<String>, Vec<String>) {
        let cursor = cursor.unwrap_or_else(|| panic!("no cursor"));
        (
            cursor.parent.join("/"),
            cursor.role,
            cursor.key,
            cursor.present,
        )
    }

    fn names(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn every_offset_of_every_example_in_both_readings() {
        let examples = [
            include_str!("../../examples/payloads/broken-web.json"),
            include_str!("../../examples/payloads/broken-worker.yaml"),
            include_str!("../../examples/payloads/keda-worker.yaml"),
            "{\"a\": [1, {\"b\\\"\": \"é🦀",
            "- - a: \"é🦀\n  'b''c': x # c\n? complex\n",
        ];
        for text in examples {
            for offset in 0..=text.len() + 1 {
                for syntax in [Syntax::Json, Syntax::Yaml] {
                    if let Some(found) = at(text, offset, syntax) {
                        assert!(found.token.end <= text.len(), "{offset} in {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn json_new_member_in_a_nested_object() {
        let text = r#"{"name": "a", "ports": [{"internal_port": 80}, {"name": "b", |}], "cpu": 1}"#;
        assert_eq!(
            summary(cursor(text, Syntax::Json)),
            ("ports/1".to_owned(), Role::Key, None, names(&["name"]))
        );
    }

    #[test]
    fn json_partial_name_and_value() {
        let text = r#"{"name": "a", "memo|"#;
        let found = cursor(text, Syntax::Json).unwrap_or_else(|| panic!("no cursor"));
        assert_eq!(
            (found.role, found.key.as_deref()),
            (Role::Key, Some("memo"))
        );
        assert_eq!(found.token, 14..19);
        assert_eq!(found.present, names(&["name", "memo"]));
        let text = r#"{"ports": [{"protocol": "HT|"}]}"#;
        assert_eq!(
            summary(cursor(text, Syntax::Json)),
            (
                "ports/0".to_owned(),
                Role::Value,
                Some("protocol".to_owned()),
                names(&["protocol"])
            )
        );
        let text = r#"{"auto_deploy": |}"#;
        assert_eq!(
            summary(cursor(text, Syntax::Json)).2.as_deref(),
            Some("auto_deploy")
        );
    }

    #[test]
    fn yaml_blocks_and_sequences() {
        let text =
            "name: a\nports:\n  - name: web\n    internal_port: 80\n    |\n  - name: b\ncpu: 1\n";
        assert_eq!(
            summary(cursor(text, Syntax::Yaml)),
            (
                "ports/0".to_owned(),
                Role::Key,
                None,
                names(&["name", "internal_port"])
            )
        );
        let text = "name: a\nports:\n- name: web\n- protocol: H|\n";
        let found = cursor(text, Syntax::Yaml).unwrap_or_else(|| panic!("no cursor"));
        assert_eq!(
            (found.parent.join("/"), found.role, found.key.as_deref()),
            ("ports/1".to_owned(), Role::Value, Some("protocol"))
        );
        assert_eq!(&text.replace('|', "")[found.token], "H");
        let text = "healthchecks:\n  readiness_probe:\n    ty|\nname: x\n";
        assert_eq!(
            summary(cursor(text, Syntax::Yaml)),
            (
                "healthchecks/readiness_probe".to_owned(),
                Role::Key,
                Some("ty".to_owned()),
                vec![]
            )
        );
        let text = "# comment\nna|me: x\ncpu: 2\n";
        assert_eq!(
            summary(cursor(text, Syntax::Yaml)),
            (
                String::new(),
                Role::Key,
                Some("name".to_owned()),
                names(&["name", "cpu"])
            )
        );
    }
}
