//! Locating diagnostics: a JSON Pointer to the span of its value in the spanned tree (through
//! YAML aliases, and to the nearest present parent for an absent member), a span to lines and
//! columns, repeats dropped, and the result in file order.

use super::fix::Fixer;
use super::position::LineIndex;
use super::tree::{Node, Span, Value};
use crate::validate::path::push_escaped;
use crate::validate::{Diagnostic, Position, Report};
use std::collections::{HashMap, HashSet};

/// Drops repeated diagnostics: same pointer, same code, same place (the walk and the validator
/// may both see a format). The first `distinct` entries, the parse issues, are distinct by
/// construction and all kept.
///
/// The place is part of the key, since a repeated key has one pointer for two values
/// (`"cpu": "x", "cpu": "y"`: two type errors).
pub(super) fn drop_repeats(located: &mut Vec<(Span, Diagnostic)>, distinct: usize) {
    let checked = located.get(distinct..).unwrap_or_default();
    let repeats: Vec<bool> = if checked.len() <= SCAN_MAX {
        // Few diagnostics (the usual case): each compared with those before it.
        checked
            .iter()
            .enumerate()
            .map(|(i, entry)| {
                checked[..i]
                    .iter()
                    .any(|earlier| repeat_key(earlier) == repeat_key(entry))
            })
            .collect()
    } else {
        let mut seen = HashSet::new();
        checked
            .iter()
            .map(|entry| !seen.insert(repeat_key(entry)))
            .collect()
    };
    let (mut index, mut repeats) = (0, repeats.into_iter());
    located.retain(|_| {
        index += 1;
        index <= distinct || !repeats.next().unwrap_or(false)
    });
}

/// What makes two located diagnostics repeats of each other, for [`drop_repeats`].
fn repeat_key((span, d): &(Span, Diagnostic)) -> (usize, &'static str, &str) {
    (span.start, d.code, &d.pointer)
}

/// Up to this many diagnostics, [`drop_repeats`] compares each with the earlier ones (cheaper
/// than hashing every pointer); beyond, it remembers them in a hash set.
const SCAN_MAX: usize = 16;

/// Appends the located diagnostics to `report` in file order, each with its line and column
/// and its fix, when its repair can be made in this document.
pub(super) fn in_file_order(
    mut report: Report,
    mut located: Vec<(Span, Diagnostic)>,
    lines: &LineIndex<'_>,
    fixer: &mut Fixer<'_>,
) -> Report {
    located.sort_by_key(|(span, _)| span.start);
    for (span, diagnostic) in located {
        let fix = fixer.fix(&diagnostic, span);
        report.push_diagnostic(locate(diagnostic, lines, span).with_fix(fix));
    }
    report
}

/// Where a typed-validator diagnostic points: the value at the pointer, or for a member that is
/// absent from the document (a cross-field rule about an omitted default), the opening of the
/// nearest enclosing value that is present.
pub(super) fn span_of(spans: &mut Spans<'_>, pointer: &str) -> Span {
    if let Some(node) = spans.node(pointer) {
        return node.span;
    }
    let mut nearest = pointer;
    let start = loop {
        match nearest.rsplit_once('/') {
            Some((parent, _)) => {
                nearest = parent;
                if let Some(node) = spans.node(nearest) {
                    break node.span.start;
                }
            }
            None => break spans.root.span.start,
        }
    };
    Span::new(start, start + 1)
}

/// The nodes of a tree by pointer, each pointer resolved once, from its parent's node.
///
/// Resolved nodes are memoised by pointer: `Node::pointer_get` scans the members of each object
/// on the way, and resolving every diagnostic from the root is quadratic with many members next
/// to many diagnostics (30,000 unknown members beside 20,000 diagnostics under `/ports`).
pub(super) struct Spans<'t> {
    root: &'t Node<'t>,
    nodes: HashMap<String, Option<&'t Node<'t>>>,
}

impl<'t> Spans<'t> {
    pub(super) fn new(root: &'t Node<'t>) -> Self {
        Self {
            root,
            nodes: HashMap::new(),
        }
    }

    /// `root.pointer_get(pointer)`, memoized.
    pub(super) fn node(&mut self, pointer: &str) -> Option<&'t Node<'t>> {
        if pointer.is_empty() {
            return Some(self.root);
        }
        if let Some(node) = self.nodes.get(pointer) {
            return *node;
        }
        // `token`, after the last `/`, holds none.
        let (parent, token) = pointer.rsplit_once('/')?;
        let node = self
            .node(parent)
            .and_then(|parent| parent.token_child(token));
        self.nodes.insert(pointer.to_owned(), node);
        node
    }
}

/// The span of the YAML alias that `pointer` goes through, if any (the outermost one).
///
/// A pointer that goes through an alias is located at the alias. An alias (`- *web`) copies the
/// nodes of its anchor with their spans, so a diagnostic inside the copy
/// (`/ports/1/internal_port`, the duplicate of port 0 that the alias makes) would otherwise be
/// located in the anchored text, on port 0, under a pointer to port 1. One lookup per reference
/// token.
pub(super) fn through_alias(aliases: &HashMap<&str, Span>, pointer: &str) -> Option<Span> {
    pointer
        .match_indices('/')
        .skip(1)
        .filter_map(|(at, _)| pointer.get(..at))
        .chain(std::iter::once(pointer))
        .find_map(|prefix| aliases.get(prefix).copied())
}

/// The pointer and span of every alias node of a YAML tree that holds a copied collection: a
/// node with a child whose span is outside its own (JSON and alias-free YAML nest every span;
/// the nodes of a copy keep the spans of the anchored text). Copies are not entered: the
/// outermost alias is the one a diagnostic is located at. Recursion is bounded by the depth
/// limit, as in the walk.
pub(super) fn alias_nodes(root: &Node) -> Vec<(String, Span)> {
    fn visit(node: &Node, pointer: &mut String, out: &mut Vec<(String, Span)>) {
        let outside =
            |child: &Node| child.span.start < node.span.start || child.span.end > node.span.end;
        let base = pointer.len();
        match &node.value {
            Value::Object(members) => {
                if members.iter().any(|m| outside(&m.value)) {
                    out.push((pointer.clone(), node.span));
                    return;
                }
                for member in members {
                    pointer.push('/');
                    push_escaped(pointer, &member.key);
                    visit(&member.value, pointer, out);
                    pointer.truncate(base);
                }
            }
            Value::Array(items) => {
                if items.iter().any(outside) {
                    out.push((pointer.clone(), node.span));
                    return;
                }
                for (index, item) in items.iter().enumerate() {
                    pointer.push('/');
                    pointer.push_str(&index.to_string());
                    visit(item, pointer, out);
                    pointer.truncate(base);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    visit(root, &mut String::new(), &mut out);
    out
}

/// Attaches the start and end positions of `span`.
pub(super) fn locate(diagnostic: Diagnostic, lines: &LineIndex<'_>, span: Span) -> Diagnostic {
    let start = lines.position(span.start);
    let mut end = lines.position(span.end.max(span.start + 1));
    if end.line != start.line {
        // Multi-line values (objects, arrays) are marked at their first character.
        end = Position {
            line: start.line,
            column: start.column + 1,
        };
    }
    diagnostic
        .with_position(start)
        .with_end(end)
        .with_span(span.start..span.end)
}

#[cfg(test)]
mod tests {
    use super::{SCAN_MAX, drop_repeats};
    use crate::document::tree::Span;
    use crate::validate::{Diagnostic, Severity};

    /// Both ways of dropping repeats, the scan and the hash set, keep the first of each
    /// (pointer, code, place) after the `distinct` entries, which are all kept.
    #[test]
    fn repeats_are_dropped_below_and_above_the_scan_limit() {
        for n in [6, SCAN_MAX + 1, 3 * SCAN_MAX] {
            let entry = |i: usize| {
                // Four distinct entries, some differing only in the place, or in the code.
                let (pointer, code) = (
                    format!("/a{}", i % 4 / 2),
                    if i % 4 == 3 { "range" } else { "type" },
                );
                let d = Diagnostic::new(pointer, code, Severity::Error, "m");
                (Span::new(i % 4 % 2, 9), d)
            };
            // Two parse issues at the start, repeats of each other and of later entries.
            let mut located: Vec<_> = [0, 0].into_iter().chain(0..n).map(entry).collect();
            drop_repeats(&mut located, 2);
            let mut expected = vec![entry(0), entry(0)];
            for i in 0..n {
                let key = |(s, d): &(Span, Diagnostic)| (s.start, d.code, d.pointer.clone());
                if !expected[2..].iter().any(|e| key(e) == key(&entry(i))) {
                    expected.push(entry(i));
                }
            }
            assert_eq!(located, expected, "n = {n}");
            assert!(located.len() < n + 2, "n = {n}: some repeats");
        }
    }
}
