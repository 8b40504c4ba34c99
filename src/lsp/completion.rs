//! Completion inside an object: the member names the spec allows there and that are not present
//! yet (required ones first), and for a member with few allowed values (an enum, a boolean)
//! those values. JSON and YAML alike.

use super::cursor::{self, Role};
use super::{Open, Syntax, schema};
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionTextEdit, Documentation, MarkupContent,
    MarkupKind, Position, TextEdit,
};
use serde_json::Value;

/// The completions at `position`.
pub fn complete(open: &Open, position: Position) -> Vec<CompletionItem> {
    let offset = open.text.offset(position);
    let Some(cursor) = cursor::at(open.text.as_str(), offset, open.syntax) else {
        return Vec::new();
    };
    let root = schema::root(open.kind);
    let range = open.text.range(cursor.token.clone());
    let edit = |new_text: String| Some(CompletionTextEdit::Edit(TextEdit { range, new_text }));
    match cursor.role {
        Role::Key => {
            let Some(object) = schema::at(root, &cursor.parent) else {
                return Vec::new();
            };
            // The name being typed is not "present": it is what is being completed.
            let mut present = cursor.present.clone();
            if let Some(typed) = &cursor.key
                && let Some(at) = present.iter().position(|p| p == typed)
            {
                present.remove(at);
            }
            let colon = if cursor.colon_follows { "" } else { ": " };
            let mut items: Vec<CompletionItem> = schema::members(root, object)
                .into_iter()
                .enumerate()
                .filter(|(_, member)| !present.iter().any(|p| p == member.name))
                .map(|(index, member)| {
                    let text = match open.syntax {
                        Syntax::Yaml => format!("{}{colon}", member.name),
                        _ => format!("{}{colon}", Value::from(member.name)),
                    };
                    CompletionItem {
                        label: member.name.to_owned(),
                        kind: Some(CompletionItemKind::PROPERTY),
                        detail: Some(schema::summary(root, member.schema, member.required)),
                        documentation: schema::description(root, member.schema).map(|d| {
                            Documentation::MarkupContent(MarkupContent {
                                kind: MarkupKind::Markdown,
                                value: d.to_owned(),
                            })
                        }),
                        sort_text: Some(format!(
                            "{}{index:03}",
                            if member.required { 0 } else { 1 }
                        )),
                        filter_text: Some(text.trim_end_matches([':', ' ']).to_owned()),
                        text_edit: edit(text),
                        ..CompletionItem::default()
                    }
                })
                .collect();
            // In the order a client shows them (some keep the server's order).
            items.sort_by(|a, b| a.sort_text.cmp(&b.sort_text));
            items
        }
        Role::Value => {
            let mut tokens = cursor.parent.clone();
            // An array item's schema is the array's `items`, whatever the index.
            tokens.push(cursor.key.clone().unwrap_or_else(|| "0".to_owned()));
            let Some(member) = schema::at(root, &tokens) else {
                return Vec::new();
            };
            schema::allowed_values(root, member)
                .into_iter()
                .enumerate()
                .map(|(index, value)| {
                    let label = match &value {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    };
                    let text = match open.syntax {
                        Syntax::Yaml => label.clone(),
                        _ => value.to_string(),
                    };
                    CompletionItem {
                        label,
                        kind: Some(CompletionItemKind::ENUM_MEMBER),
                        sort_text: Some(format!("{index:03}")),
                        filter_text: Some(text.clone()),
                        text_edit: edit(text),
                        ..CompletionItem::default()
                    }
                })
                .collect()
        }
    }
}
