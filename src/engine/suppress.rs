//! Suppression comments in YAML documents:
//!
//! - `# qovery-lint: allow(CODE, ...)` after something on a line silences those codes on that
//!   line (a diagnostic whose position is on it);
//! - the same comment on a line of its own silences them on the next node: the next mapping
//!   member or sequence item (the outermost one starting there, never the document itself), and
//!   everything in it (a diagnostic whose pointer is the node's or inside it);
//! - `# qovery-lint: allow-file(CODE, ...)` anywhere silences them in the whole file.
//!
//! A `#` starts a comment when it is at the start of a line or after a space or a tab, and is not
//! inside a scalar or a key of the parsed tree (`"a # b"`, block scalars). `saphyr-parser` has
//! no comment events, so the comments are found this way, from the tree's spans.
//!
//! A code of a suppression that silences nothing, an unknown code, and a `qovery-lint:` comment
//! that is not one of the two forms are reported as `unused_suppression` warnings, as ruff's
//! RUF100 does, so that suppressions do not outlive the problems they silenced.

use super::{Finding, Piece};
use crate::settings::{UNUSED_SUPPRESSION, closest, known_codes};
use qovery_model::document::position::LineIndex;
use qovery_model::document::tree::{Node, Value};
use qovery_model::validate::path::push_escaped;
use qovery_model::validate::{Diagnostic, Position, Severity};
use std::fmt::Write as _;
use std::ops::Range;

/// The marker a suppression comment starts with, after its `#`.
pub const MARKER: &str = "qovery-lint:";

/// What a suppression applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Scope {
    /// Diagnostics on this 1-based line.
    Line(usize),
    /// Diagnostics of this document at this pointer or inside it.
    Node { document: usize, pointer: String },
    /// The whole file.
    File,
    /// Nothing (an own-line comment with no node after it).
    Nothing,
}

/// One suppression comment.
#[derive(Debug)]
struct Suppression {
    /// Its codes, each with whether it silenced something.
    codes: Vec<(String, bool)>,
    scope: Scope,
    /// The comment's bytes, from its `#` to the end of the line.
    span: Range<usize>,
    document: usize,
}

impl Suppression {
    fn covers(&self, finding: &Finding) -> bool {
        match &self.scope {
            Scope::Line(line) => finding
                .diagnostic
                .position
                .is_some_and(|p| usize::try_from(p.line).is_ok_and(|l| l == *line)),
            Scope::Node { document, pointer } => {
                finding.document == *document
                    && finding
                        .diagnostic
                        .pointer
                        .strip_prefix(pointer.as_str())
                        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
            }
            Scope::File => true,
            Scope::Nothing => false,
        }
    }
}

/// Marks the findings the comments of `file` silence, and returns one `unused_suppression`
/// warning per code that silenced nothing (and per comment that is not a suppression).
pub fn apply(file: &[u8], documents: &[Piece<'_>], findings: &mut [Finding]) -> Vec<Finding> {
    let index = LineIndex::new(file);
    let mut suppressions = Vec::new();
    let mut unused = Vec::new();
    let mut at = 0;
    while let Some(found) = find(file.get(at..).unwrap_or_default(), MARKER.as_bytes()) {
        let marker = at + found;
        at = marker + MARKER.len();
        let Some((document, piece)) = documents
            .iter()
            .enumerate()
            .rfind(|(_, piece)| piece.start <= marker)
        else {
            continue;
        };
        let Some(root) = &piece.root else { continue };
        let Some(hash) = comment_start(file, marker, root) else {
            continue;
        };
        let line_end = file
            .get(marker..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(file.len(), |i| marker + i);
        let span = hash..line_end;
        let directive = String::from_utf8_lossy(file.get(at..line_end).unwrap_or_default());
        let Some((whole_file, codes)) = parse(&directive) else {
            unused.push(warning(
                &index,
                span,
                document,
                format!(
                    "not a suppression: write `# {MARKER} allow(CODE, ...)` or \
                     `# {MARKER} allow-file(CODE, ...)`"
                ),
            ));
            continue;
        };
        let line = index.position(hash).line;
        let own_line = index
            .line_range(line)
            .and_then(|range| file.get(range.start..hash))
            .is_some_and(|before| before.iter().all(|b| matches!(b, b' ' | b'\t')));
        let scope = if whole_file {
            Scope::File
        } else if own_line {
            next_node(root, line_end)
                .map_or(Scope::Nothing, |pointer| Scope::Node { document, pointer })
        } else {
            Scope::Line(line)
        };
        suppressions.push(Suppression {
            codes: codes.into_iter().map(|code| (code, false)).collect(),
            scope,
            span,
            document,
        });
    }
    if suppressions.is_empty() && unused.is_empty() {
        return Vec::new();
    }

    for finding in findings.iter_mut() {
        for suppression in &mut suppressions {
            if !suppression.covers(finding) {
                continue;
            }
            for (code, used) in &mut suppression.codes {
                if code == finding.diagnostic.code {
                    *used = true;
                    finding.suppressed = true;
                }
            }
        }
    }

    let known = known_codes();
    for suppression in &suppressions {
        for (code, used) in &suppression.codes {
            if *used {
                continue;
            }
            let mut message = if known.contains(&code.as_str()) {
                format!("`allow({code})` silences nothing")
            } else {
                format!("unknown code `{code}`")
            };
            if !known.contains(&code.as_str())
                && let Some(close) = closest(code, &known)
            {
                let _ = write!(message, "; did you mean `{close}`?");
            }
            unused.push(warning(
                &index,
                suppression.span.clone(),
                suppression.document,
                message,
            ));
        }
    }
    unused.sort_by_key(|f| (f.document, f.diagnostic.span.as_ref().map(|s| s.start)));
    unused
}

fn warning(index: &LineIndex<'_>, span: Range<usize>, document: usize, message: String) -> Finding {
    let to_position = |offset: usize| {
        let p = index.position(offset);
        Position {
            line: u32::try_from(p.line).unwrap_or(u32::MAX),
            column: u32::try_from(p.column).unwrap_or(u32::MAX),
        }
    };
    let start = to_position(span.start);
    let end = to_position(span.end);
    let mut diagnostic = Diagnostic::new("", UNUSED_SUPPRESSION, Severity::Warning, message)
        .with_position(start)
        .with_span(span)
        .with_help("remove it, or name the code that is reported here");
    if end.line == start.line {
        diagnostic = diagnostic.with_end(end);
    }
    Finding {
        diagnostic,
        document,
        suppressed: false,
    }
}

/// The offset of `needle` in `haystack`.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The `#` that starts the comment holding the marker at `marker`: the marker follows it after
/// spaces, it is at a line start or after a space or a tab, and it is in no scalar or key.
fn comment_start(file: &[u8], marker: usize, root: &Node) -> Option<usize> {
    let before = file.get(..marker)?;
    let hash = before.iter().rposition(|&b| !matches!(b, b' ' | b'\t'))?;
    if before.get(hash) != Some(&b'#') {
        return None;
    }
    let starts_comment =
        hash == 0 || matches!(file.get(hash - 1), Some(b' ' | b'\t' | b'\n' | b'\r'));
    (starts_comment && !in_scalar(root, hash)).then_some(hash)
}

/// Whether `offset` is inside a scalar or a key of the tree.
fn in_scalar(node: &Node, offset: usize) -> bool {
    let inside =
        |span: qovery_model::document::tree::Span| span.start <= offset && offset < span.end;
    match &node.value {
        Value::Array(items) => items.iter().any(|item| in_scalar(item, offset)),
        Value::Object(members) => members
            .iter()
            .any(|m| inside(m.key_span) || in_scalar(&m.value, offset)),
        _ => inside(node.span),
    }
}

/// `allow(a, b)` or `allow-file(a)`: whether it is the file form, and the codes.
fn parse(directive: &str) -> Option<(bool, Vec<String>)> {
    let directive = directive.trim_start();
    let (whole_file, rest) = if let Some(rest) = directive.strip_prefix("allow-file") {
        (true, rest)
    } else {
        (false, directive.strip_prefix("allow")?)
    };
    let inner = rest.trim_start().strip_prefix('(')?;
    let close = inner.find(')')?;
    let codes: Vec<String> = inner[..close]
        .split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
        .map(str::to_owned)
        .collect();
    (!codes.is_empty()).then_some((whole_file, codes))
}

/// The pointer of the first member or item starting at or after `offset` (the outermost one
/// when several start there), the document's root excluded.
fn next_node(root: &Node, offset: usize) -> Option<String> {
    let mut best: Option<(usize, usize, String)> = None;
    let mut consider = |start: usize, depth: usize, pointer: &str| {
        if start < offset {
            return;
        }
        let better = best
            .as_ref()
            .is_none_or(|(s, d, _)| (start, depth) < (*s, *d));
        if better {
            best = Some((start, depth, pointer.to_owned()));
        }
    };
    walk(root, &mut String::new(), 0, &mut consider);
    best.map(|(_, _, pointer)| pointer)
}

/// Calls `visit(start, depth, pointer)` for every member and item under `node`.
fn walk(
    node: &Node,
    pointer: &mut String,
    depth: usize,
    visit: &mut impl FnMut(usize, usize, &str),
) {
    let len = pointer.len();
    match &node.value {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let _ = write!(pointer, "/{i}");
                visit(item.span.start, depth + 1, pointer);
                walk(item, pointer, depth + 1, visit);
                pointer.truncate(len);
            }
        }
        Value::Object(members) => {
            for member in members {
                pointer.push('/');
                push_escaped(pointer, &member.key);
                visit(member.key_span.start, depth + 1, pointer);
                walk(&member.value, pointer, depth + 1, visit);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn directives_parse() {
        assert_eq!(
            parse(" allow(range, type )"),
            Some((false, vec!["range".to_owned(), "type".to_owned()]))
        );
        assert_eq!(
            parse(" allow-file(unknown_member) trailing words"),
            Some((true, vec!["unknown_member".to_owned()]))
        );
        assert_eq!(parse(" allow()"), None);
        assert_eq!(parse(" deny(range)"), None);
        assert_eq!(parse(" allow range"), None);
    }
}
