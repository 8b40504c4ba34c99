//! GitHub Actions workflow commands: one annotation per diagnostic, then the summary.
//!
//! `::error file=PATH,line=L,endLine=L,col=C,endColumn=E,title=CODE::MESSAGE`, escaped as the
//! runner requires (actions/toolkit `command.ts`): in the message `%`, `\r` and `\n`; in the
//! properties also `:` and `,`. GitHub shows at most 10 error and 10 warning annotations per
//! step, so the summary line and the exit status remain the reference.

use super::{Emitter, EmitterContext, Summary, clip, write_summary};
use crate::engine::Linted;
use qovery_model::validate::{Diagnostic, Severity};
use std::io::{self, Write};

/// Escapes the message (data) of a workflow command.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One diagnostic as a workflow command.
pub fn command(path: &str, diagnostic: &Diagnostic) -> String {
    let kind = match diagnostic.severity {
        Severity::Error => "error",
        _ => "warning",
    };
    let mut properties = vec![format!("file={}", escape_property(path))];
    if let Some(start) = diagnostic.position {
        properties.push(format!("line={}", start.line));
        properties.push(format!("endLine={}", start.line));
        properties.push(format!("col={}", start.column));
        if let Some(end) = diagnostic.end.filter(|e| e.line == start.line) {
            properties.push(format!("endColumn={}", end.column));
        }
    }
    properties.push(format!("title={}", escape_property(diagnostic.code)));
    let mut message = clip(&diagnostic.message);
    if !diagnostic.pointer.is_empty() {
        message.push_str(&format!(" (at {})", clip(&diagnostic.pointer)));
    }
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!("\nhelp: {}", clip(help)));
    }
    format!(
        "::{kind} {}::{}",
        properties.join(","),
        escape_data(&message)
    )
}

/// The GitHub format: one annotation per reported diagnostic (suppressed ones are only
/// counted), then the summary.
#[derive(Debug, Clone, Copy, Default)]
pub struct GithubEmitter;

impl Emitter for GithubEmitter {
    fn render_file(&self, file: &Linted) -> String {
        let mut out = String::new();
        for finding in file.report.reported() {
            out.push_str(&command(&file.document_name(finding), &finding.diagnostic));
            out.push('\n');
        }
        out
    }

    fn finish(
        &self,
        out: &mut dyn Write,
        summary: &Summary,
        context: &EmitterContext,
    ) -> io::Result<()> {
        write_summary(out, summary, context)
    }
}

#[cfg(test)]
mod tests {
    use super::{escape_data, escape_property};

    #[test]
    fn escaping_follows_the_toolkit() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }
}
