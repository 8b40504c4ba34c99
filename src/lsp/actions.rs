//! Code actions: each diagnostic's fix as a quick fix, and `source.fixAll.qovery-lint`, which
//! applies every safe fix through the rounds of [`crate::fix::fix_with`] (the ones `check --fix`
//! runs; edits applied by `apply_fixes`, the one place they are).

use super::diagnostics::{bytes_of, to_lsp_one};
use super::{FIX_ALL, Open, workspace};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, TextEdit, Uri, WorkspaceEdit,
};
use qovery_model::validate::{Applicability, Fix, Report};
use std::collections::HashMap;

/// The code actions for the range and kinds asked.
pub fn actions(uri: &Uri, open: &Open, params: &CodeActionParams) -> Vec<CodeActionOrCommand> {
    let wanted = |kind: &str| {
        params.context.only.as_ref().is_none_or(|only| {
            only.iter().any(|o| {
                kind == o.as_str()
                    || kind
                        .strip_prefix(o.as_str())
                        .is_some_and(|rest| rest.starts_with('.'))
            })
        })
    };
    let mut actions = Vec::new();
    if wanted(CodeActionKind::QUICKFIX.as_str()) {
        let asked = open.text.bytes_of(params.range);
        for diagnostic in &open.diagnostics {
            let Some(fix) = &diagnostic.fix else {
                continue;
            };
            let bytes = bytes_of(open, diagnostic);
            let touches = bytes.start <= asked.end && asked.start <= bytes.end;
            if !touches {
                continue;
            }
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.title.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![to_lsp_one(uri, open, diagnostic, None)]),
                edit: Some(edit(uri, open, fix)),
                is_preferred: Some(fix.applicability == Applicability::Safe),
                ..CodeAction::default()
            }));
        }
    }
    if wanted(FIX_ALL)
        && let Some(settings) = &open.settings
    {
        let fixed = fix_all(open.text.as_str(), &open.name, settings);
        if fixed != open.text.as_str() {
            let original = open.text.as_str();
            let (start, end) = changed(original, &fixed);
            let replacement = fixed
                .get(start..fixed.len() - (original.len() - end))
                .unwrap_or_default()
                .to_owned();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "Apply every safe qovery-lint fix".to_owned(),
                kind: Some(CodeActionKind::new(FIX_ALL)),
                edit: Some(changes(
                    uri,
                    vec![TextEdit::new(open.text.range(start..end), replacement)],
                )),
                ..CodeAction::default()
            }));
        }
    }
    actions
}

fn changes(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// A fix's edits in the protocol's terms (its byte ranges are on the text that was checked).
fn edit(uri: &Uri, open: &Open, fix: &Fix) -> WorkspaceEdit {
    let edits = fix
        .edits
        .iter()
        .map(|edit| {
            TextEdit::new(
                open.text.range(edit.range.clone()),
                edit.replacement.clone(),
            )
        })
        .collect();
    changes(uri, edits)
}

/// The text with every safe fix applied, round after round (each round checks the text the
/// previous one produced, as `check --fix` does).
pub fn fix_all(text: &str, name: &str, settings: &crate::settings::Settings) -> String {
    let lint = |bytes: &[u8]| {
        let mut report = Report::new();
        for diagnostic in workspace::lint(&String::from_utf8_lossy(bytes), name, settings) {
            report.push_diagnostic(diagnostic);
        }
        report
    };
    let fixed = crate::fix::fix_with(text.as_bytes(), Applicability::Safe, &lint);
    String::from_utf8(fixed.output).unwrap_or_else(|_| text.to_owned())
}

/// The bytes of `original` that differ from `fixed`: the start of the first difference and the
/// end of the last, on character boundaries of both.
fn changed(original: &str, fixed: &str) -> (usize, usize) {
    let mut start = original
        .bytes()
        .zip(fixed.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !original.is_char_boundary(start) || !fixed.is_char_boundary(start) {
        start -= 1;
    }
    let longest_suffix = original.len().min(fixed.len()) - start;
    let mut suffix = original
        .bytes()
        .rev()
        .zip(fixed.bytes().rev())
        .take(longest_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !original.is_char_boundary(original.len() - suffix)
        || !fixed.is_char_boundary(fixed.len() - suffix)
    {
        suffix -= 1;
    }
    (start, original.len() - suffix)
}

#[cfg(test)]
mod tests {
    use super::{actions, changed};
    use crate::lsp::text::Text;
    use crate::lsp::{DocumentKind, Open, Syntax};
    use lsp_types::{CodeActionContext, CodeActionOrCommand, CodeActionParams, Range, Uri};
    use qovery_model::document::position::Unit;
    use qovery_model::validate::{Diagnostic, Edit, Fix, Severity};
    use serde_json::json;
    use std::str::FromStr;

    #[test]
    fn a_diagnostics_fix_is_a_quick_fix_with_utf16_ranges() {
        let text = r#"{"name": "é🦀", "cpu": "1000"}"#;
        let value = text.find("\"1000\"").unwrap_or_default();
        let fix = Fix::safe(
            "write 1000 as a number",
            vec![Edit::replace(value..value + 6, "1000")],
        );
        let open = Open {
            text: Text::new(text.to_owned(), Unit::Utf16),
            version: 1,
            name: "api.json".to_owned(),
            syntax: Syntax::Json,
            kind: DocumentKind::Request,
            // Not selected: no fix-all (it checks the text again).
            settings: None,
            diagnostics: vec![
                Diagnostic::new("/cpu", "type", Severity::Error, "expected an integer")
                    .with_span(value..value + 6)
                    .with_fix(fix),
            ],
        };
        let uri = Uri::from_str("file:///w/api.json").unwrap_or_else(|e| panic!("{e}"));
        let params = |range: Range| CodeActionParams {
            text_document: lsp_types::TextDocumentIdentifier { uri: uri.clone() },
            range,
            context: CodeActionContext::default(),
            work_done_progress_params: Default::default(),
            partial_result_params: Default::default(),
        };
        let at_cpu = open.text.range(value + 1..value + 1);
        let found = actions(&uri, &open, &params(at_cpu));
        let [CodeActionOrCommand::CodeAction(action)] = found.as_slice() else {
            panic!("{found:?}");
        };
        // `é` is one unit and `🦀` two: the value starts at unit 23 (byte 26).
        assert_eq!(value, 26);
        assert_eq!(
            serde_json::to_value(action).unwrap_or_default(),
            json!({
                "title": "write 1000 as a number",
                "kind": "quickfix",
                "diagnostics": [{
                    "range": { "start": { "line": 0, "character": 23 }, "end": { "line": 0, "character": 29 } },
                    "severity": 1,
                    "code": "type",
                    "codeDescription": { "href": "https://github.com/qovery-model/qovery-model/blob/main/RULES.md#code-type" },
                    "source": "qovery-lint",
                    "message": "expected an integer"
                }],
                "edit": { "changes": { "file:///w/api.json": [{
                    "range": { "start": { "line": 0, "character": 23 }, "end": { "line": 0, "character": 29 } },
                    "newText": "1000"
                }] } },
                "isPreferred": true
            })
        );
        // Away from the diagnostic: nothing.
        assert!(actions(&uri, &open, &params(open.text.range(1..2))).is_empty());
    }

    #[test]
    fn the_changed_middle() {
        assert_eq!(changed("abcdef", "abXYef"), (2, 4));
        assert_eq!(changed("abc", "abc!"), (3, 3));
        // `é` and `è` share their first byte: the change starts at the character.
        assert_eq!(changed("aé", "aè"), (1, 3));
        assert_eq!(changed("aaa", "aa"), (2, 3));
    }
}
