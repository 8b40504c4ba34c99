//! Hover on a member name or value: what the spec says about the member (description, type,
//! bounds, default), and the `explain` text of every rule reported there.

use super::diagnostics::bytes_of;
use super::{Open, cursor, schema};
use crate::cli::explain;
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

/// The hover at `position`, if there is anything to say.
pub fn hover(open: &Open, position: Position) -> Option<Hover> {
    let offset = open.text.offset(position);
    let cursor = cursor::at(open.text.as_str(), offset, open.syntax);
    let mut sections: Vec<String> = Vec::new();
    if let Some(cursor) = &cursor
        && let Some(key) = &cursor.key
    {
        let root = schema::root(open.kind);
        let mut tokens = cursor.parent.clone();
        tokens.push(key.clone());
        if let Some(written) = schema::at(root, &tokens) {
            let required = schema::at(root, &cursor.parent)
                .map(|parent| schema::members(root, parent))
                .is_some_and(|members| members.iter().any(|m| m.name == key && m.required));
            let mut section = format!("**`{key}`** · {}", schema::summary(root, written, required));
            if let Some(description) = schema::description(root, written) {
                section.push_str("\n\n");
                section.push_str(description);
            }
            sections.push(section);
        }
    }
    let mut explained: Vec<&str> = Vec::new();
    for diagnostic in &open.diagnostics {
        let bytes = bytes_of(open, diagnostic);
        let here = bytes.contains(&offset) || (bytes.is_empty() && bytes.start == offset);
        if !here {
            continue;
        }
        let mut section = format!(
            "**{}[{}]**: {}",
            diagnostic.severity, diagnostic.code, diagnostic.message
        );
        if !explained.contains(&diagnostic.code)
            && let Some(text) = explain::text(diagnostic.code)
        {
            explained.push(diagnostic.code);
            section.push_str(&format!("\n\n```text\n{}\n```", text.trim_end()));
        }
        sections.push(section);
    }
    if sections.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: sections.join("\n\n---\n\n"),
        }),
        range: cursor
            .filter(|c| !c.token.is_empty())
            .map(|c| open.text.range(c.token)),
    })
}
