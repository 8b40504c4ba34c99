//! `qovery-lint explain CODE`: what a rule checks, where, and a failing and a passing example,
//! with what the linter reports on the failing one.

use super::catalogue::{self, Rule};
use super::{EXIT_OK, EXIT_USAGE, report_error, with_stdout};
use crate::render::printable;
use crate::settings::known_code;
use qovery_model::document::Syntax;
use qovery_model::rules::examples;
use qovery_model::validate::{Applicability, SchemaSupport};
use std::io::Write;

/// Runs `explain CODE`; returns the exit status.
pub fn run(code: &str) -> u8 {
    let Some(rule) = catalogue::find(code) else {
        let message = known_code(code).err().unwrap_or_default();
        report_error(printable(&message));
        return EXIT_USAGE;
    };
    let status = with_stdout(|out| write_explanation(out, &rule));
    if status == EXIT_OK { EXIT_OK } else { status }
}

/// The text of `explain CODE`, when the code is known (the language server's hover shows it).
pub fn text(code: &str) -> Option<String> {
    let rule = catalogue::find(code)?;
    let mut out = Vec::new();
    write_explanation(&mut out, &rule).ok()?;
    String::from_utf8(out).ok()
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether the exported JSON Schema says what the rule says.
fn schema_support(rule: &Rule) -> &'static str {
    let keyword = rule
        .rows
        .iter()
        .filter(|r| r.entry.rule.schema == SchemaSupport::Keyword)
        .count();
    match rule.structural {
        Some(s) if s.source != "spec" => {
            "not applicable (a property of the file, not of the payload)"
        }
        Some(_) => "expressed by the exported JSON Schema",
        None if keyword == rule.rows.len() => "expressed by the exported JSON Schema",
        None if keyword == 0 => "validator only (JSON Schema cannot express it)",
        None => "partly expressed by the exported JSON Schema (see each place below)",
    }
}

fn syntax_name(syntax: Syntax) -> &'static str {
    match syntax {
        Syntax::Yaml => "YAML",
        _ => "JSON",
    }
}

/// The code's fix, applied to the failing example: what it does and the lines it changes.
fn write_fix(out: &mut dyn Write, code: &str, example: &examples::Example) -> std::io::Result<()> {
    let Some(info) = qovery_model::rules::fix_info(code) else {
        return Ok(());
    };
    writeln!(out, "\nFix ({}): {}", info.safety(), info.what)?;
    if let Some(when) = info.unsafe_when {
        writeln!(out, "  unsafe when {when}")?;
    }
    let fixed = crate::fix::fix_document(
        example.failing.as_bytes(),
        &example.failing_options(),
        Applicability::Unsafe,
        &|d| d.code == code,
    );
    let diff = crate::fix::unified_diff("example", example.failing.as_bytes(), &fixed.output);
    // The examples end without a line end: the diff's note about it says nothing here.
    let diff: String = diff
        .lines()
        .filter(|line| !line.starts_with("\\ No newline"))
        .map(|line| format!("{line}\n"))
        .collect();
    if diff.is_empty() {
        writeln!(out, "\nThe failing example gets no fix.")?;
    } else {
        writeln!(
            out,
            "\non the failing example (`check --fix{}`):\n",
            match info.applicability {
                Applicability::Safe => "",
                _ => " --unsafe-fixes",
            }
        )?;
        writeln!(out, "{}", indent(diff.trim_end()))?;
    }
    Ok(())
}

fn write_explanation(out: &mut dyn Write, rule: &Rule) -> std::io::Result<()> {
    writeln!(out, "{}", rule.code)?;
    writeln!(out, "  severity: {}", rule.severity())?;
    writeln!(out, "  source:   {}", rule.sources())?;
    writeln!(out, "  schema:   {}", schema_support(rule))?;
    writeln!(out)?;
    if let Some(structural) = rule.structural {
        writeln!(out, "{}", structural.description)?;
        writeln!(out)?;
    }
    if !rule.rows.is_empty() {
        writeln!(out, "Where:")?;
        for row in &rule.rows {
            let pointer = if row.entry.pointer.is_empty() {
                "(root)"
            } else {
                row.entry.pointer.as_str()
            };
            writeln!(
                out,
                "  {} {} ({}, {}): {}",
                row.document,
                pointer,
                row.entry.rule.severity,
                row.entry.rule.source,
                row.entry.rule.description
            )?;
            if !row.entry.rule.citation.is_empty() {
                writeln!(out, "      evidence: {}", row.entry.rule.citation)?;
            }
        }
        writeln!(out)?;
    }
    match examples::find(rule.code) {
        Some(example) => {
            let kind = example.kind.as_str();
            let syntax = syntax_name(example.syntax);
            let with = |kind: Option<&str>| {
                kind.map(|k| format!(", with --registry-kind {k}"))
                    .unwrap_or_default()
            };
            let failing_with = with(example.registry_kind);
            let passing_with = with(example.passing_registry_kind);
            writeln!(out, "Failing example ({kind}, {syntax}{failing_with}):\n")?;
            writeln!(out, "{}\n", indent(example.failing.trim_end()))?;
            writeln!(out, "reports:")?;
            for diagnostic in example
                .check_failing()
                .diagnostics()
                .iter()
                .filter(|d| d.code == rule.code)
            {
                let at = match diagnostic.position {
                    Some(p) => format!("{}:{}", p.line, p.column),
                    None => "-".to_owned(),
                };
                writeln!(
                    out,
                    "    {}[{}] at {at} {}: {}",
                    diagnostic.severity,
                    diagnostic.code,
                    if diagnostic.pointer.is_empty() {
                        "(root)"
                    } else {
                        &diagnostic.pointer
                    },
                    diagnostic.message
                )?;
                if let Some(help) = &diagnostic.help {
                    writeln!(out, "        help: {help}")?;
                }
            }
            write_fix(out, rule.code, example)?;
            writeln!(out, "\nPassing example ({kind}, {syntax}{passing_with}):\n")?;
            writeln!(out, "{}", indent(example.passing.trim_end()))?;
            let passing = example.check_passing();
            if passing.is_empty() {
                writeln!(out, "\nreports nothing.")?;
            } else {
                writeln!(out, "\nreports:")?;
                for diagnostic in passing.diagnostics() {
                    writeln!(out, "    {diagnostic}")?;
                }
            }
        }
        None => writeln!(
            out,
            "No example payload: this code is about the input itself, not its content."
        )?,
    }
    Ok(())
}
