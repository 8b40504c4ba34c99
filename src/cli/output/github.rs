//! GitHub Actions workflow commands: one annotation per diagnostic, then the summary.
//!
//! `::error file=PATH,line=L,endLine=L,col=C,endColumn=E,title=CODE::MESSAGE`, escaped as the
//! runner requires (actions/toolkit `command.ts`): in the message `%`, `\r` and `\n`; in the
//! properties also `:` and `,`. GitHub shows at most 10 error and 10 warning annotations per
//! step, so the summary line and the exit status remain the reference.

use super::super::run::Checked;
use super::{Summary, clip};
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

/// Writes every annotation, then the summary (with `quiet`, only when something is wrong).
pub fn render(
    out: &mut dyn Write,
    checked: &[Checked],
    deny_warnings: bool,
    quiet: bool,
) -> io::Result<()> {
    for file in checked {
        for diagnostic in file.report.diagnostics() {
            writeln!(out, "{}", command(&file.name, diagnostic))?;
        }
    }
    let summary = Summary::of(checked, deny_warnings);
    if !quiet || !summary.is_clean() {
        writeln!(out, "{}", summary.line())?;
    }
    Ok(())
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
