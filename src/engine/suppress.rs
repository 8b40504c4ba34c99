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
use crate::settings::{UNUSED_SUPPRESSION, known_codes};
use qovery_model::document::closest;
use qovery_model::document::position::LineIndex;
use qovery_model::document::tree::{Node, Value};
use qovery_model::validate::path::push_escaped;
use qovery_model::validate::{Diagnostic, Severity};
use std::collections::HashMap;
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
    /// Its codes.
    codes: Vec<String>,
    scope: Scope,
    /// The comment's bytes, from its `#` to the end of the line.
    span: Range<usize>,
    document: usize,
}

/// Marks the findings the comments of `file` silence, and returns one `unused_suppression`
/// warning per code that silenced nothing (and per comment that is not a suppression).
pub fn apply(file: &[u8], documents: &[Piece<'_>], findings: &mut [Finding]) -> Vec<Finding> {
    let index = LineIndex::new(file);
    let mut outlines: Vec<Option<Outline>> = documents.iter().map(|_| None).collect();
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
        let Some(outline) = outlines.get_mut(document) else {
            continue;
        };
        let outline = outline.get_or_insert_with(|| Outline::new(root));
        let Some(hash) = comment_start(file, marker, outline) else {
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
        let line = usize::try_from(index.position(hash).line).unwrap_or(usize::MAX);
        let own_line = index
            .line_range(line)
            .and_then(|range| file.get(range.start..hash))
            .is_some_and(|before| before.iter().all(|b| matches!(b, b' ' | b'\t')));
        let scope = if whole_file {
            Scope::File
        } else if own_line {
            outline
                .next_node(line_end)
                .map_or(Scope::Nothing, |pointer| Scope::Node { document, pointer })
        } else {
            Scope::Line(line)
        };
        suppressions.push(Suppression {
            codes,
            scope,
            span,
            document,
        });
    }
    if suppressions.is_empty() && unused.is_empty() {
        return Vec::new();
    }

    // Each finding meets only the suppressions of its line, of the nodes its pointer is in,
    // and of the file: a file of many comments and many findings stays linear.
    let mut by_line: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_node: HashMap<(usize, &str), Vec<usize>> = HashMap::new();
    let mut whole_file = Vec::new();
    for (i, suppression) in suppressions.iter().enumerate() {
        match &suppression.scope {
            Scope::Line(line) => by_line.entry(*line).or_default().push(i),
            Scope::Node { document, pointer } => {
                by_node.entry((*document, pointer)).or_default().push(i);
            }
            Scope::File => whole_file.push(i),
            Scope::Nothing => {}
        }
    }
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.len()])
        .collect();
    for finding in findings.iter_mut() {
        let diagnostic = &finding.diagnostic;
        let line = diagnostic
            .position
            .and_then(|p| usize::try_from(p.line).ok())
            .and_then(|line| by_line.get(&line));
        let pointer = diagnostic.pointer.as_str();
        let nodes = pointer
            .match_indices('/')
            .skip(1)
            .map(|(end, _)| &pointer[..end])
            .chain([pointer])
            .filter_map(|prefix| by_node.get(&(finding.document, prefix)));
        let candidates = whole_file
            .iter()
            .chain(line.into_iter().flatten())
            .chain(nodes.flatten());
        for &i in candidates {
            let (Some(suppression), Some(used)) = (suppressions.get(i), used.get_mut(i)) else {
                continue;
            };
            for (code, used) in suppression.codes.iter().zip(used.iter_mut()) {
                if code == diagnostic.code {
                    *used = true;
                    finding.suppressed = true;
                }
            }
        }
    }

    let known = known_codes();
    for (suppression, used) in suppressions.iter().zip(&used) {
        for (code, used) in suppression.codes.iter().zip(used) {
            if *used {
                continue;
            }
            let mut message = if known.contains(&code.as_str()) {
                format!("`allow({code})` silences nothing")
            } else {
                format!("unknown code `{code}`")
            };
            if !known.contains(&code.as_str())
                && let Some(close) = closest(code, known.iter().copied())
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
    let start = index.position(span.start);
    let end = index.position(span.end);
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
fn comment_start(file: &[u8], marker: usize, outline: &Outline) -> Option<usize> {
    let before = file.get(..marker)?;
    let hash = before.iter().rposition(|&b| !matches!(b, b' ' | b'\t'))?;
    if before.get(hash) != Some(&b'#') {
        return None;
    }
    let starts_comment =
        hash == 0 || matches!(file.get(hash - 1), Some(b' ' | b'\t' | b'\n' | b'\r'));
    (starts_comment && !outline.in_scalar(hash)).then_some(hash)
}

/// What the comments of one document are looked up in, built once per document that has one:
/// the spans of its scalars and keys, and where each member and item starts.
struct Outline {
    /// `(start, end)` of every scalar and key, sorted.
    scalars: Vec<(usize, usize)>,
    /// `(start, depth, pointer)` of every member and item, sorted.
    nodes: Vec<(usize, usize, String)>,
}

impl Outline {
    fn new(root: &Node) -> Outline {
        let mut outline = Outline {
            scalars: Vec::new(),
            nodes: Vec::new(),
        };
        outline.walk(root, &mut String::new(), 0);
        outline.scalars.sort_unstable();
        outline.nodes.sort_unstable();
        outline
    }

    fn walk(&mut self, node: &Node, pointer: &mut String, depth: usize) {
        let len = pointer.len();
        match &node.value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = write!(pointer, "/{i}");
                    self.nodes
                        .push((item.span.start, depth + 1, pointer.clone()));
                    self.walk(item, pointer, depth + 1);
                    pointer.truncate(len);
                }
            }
            Value::Object(members) => {
                for member in members {
                    pointer.push('/');
                    push_escaped(pointer, &member.key);
                    self.scalars
                        .push((member.key_span.start, member.key_span.end));
                    self.nodes
                        .push((member.key_span.start, depth + 1, pointer.clone()));
                    self.walk(&member.value, pointer, depth + 1);
                    pointer.truncate(len);
                }
            }
            _ => self.scalars.push((node.span.start, node.span.end)),
        }
    }

    /// Whether `offset` is inside a scalar or a key (they do not overlap: the last one starting
    /// at or before `offset` is the only candidate).
    fn in_scalar(&self, offset: usize) -> bool {
        let after = self.scalars.partition_point(|(start, _)| *start <= offset);
        after
            .checked_sub(1)
            .and_then(|i| self.scalars.get(i))
            .is_some_and(|(_, end)| offset < *end)
    }

    /// The pointer of the first member or item starting at or after `offset` (the outermost one
    /// when several start there), the document's root excluded.
    fn next_node(&self, offset: usize) -> Option<String> {
        let first = self.nodes.partition_point(|(start, ..)| *start < offset);
        self.nodes.get(first).map(|(_, _, pointer)| pointer.clone())
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
