//! `qovery-lint rules`: the catalogue, one block per code.

use super::args::RulesFormat;
use super::catalogue::{self, Rule, Structural};
use qovery_model::validate::SchemaSupport;
use serde_json::{Value, json};
use std::io::{self, Write};

/// Writes the catalogue in `format`.
pub fn render(out: &mut dyn Write, format: RulesFormat) -> io::Result<()> {
    let rules = catalogue::rules();
    match format {
        RulesFormat::Text => text(out, &rules),
        RulesFormat::Markdown => markdown(out, &rules),
        RulesFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_value(&rules))?;
            writeln!(out)
        }
    }
}

fn pointer(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(root)"
    } else {
        pointer
    }
}

fn text(out: &mut dyn Write, rules: &[Rule]) -> io::Result<()> {
    for rule in rules {
        writeln!(
            out,
            "{:<28} {:<8} {}",
            rule.code,
            rule.severity().as_str(),
            rule.sources()
        )?;
        if let Some(structural) = rule.structural {
            writeln!(out, "    {}", structural.description)?;
        }
        for row in &rule.rows {
            writeln!(
                out,
                "    {:<8} {:<40} {}",
                row.document,
                pointer(&row.entry.pointer),
                row.entry.rule.description
            )?;
        }
    }
    writeln!(
        out,
        "\n{} codes. `qovery-lint explain CODE` shows a failing and a passing example.",
        rules.len()
    )
}

fn markdown(out: &mut dyn Write, rules: &[Rule]) -> io::Result<()> {
    let structural: Vec<Structural> = rules.iter().filter_map(|r| r.structural).collect();
    write!(
        out,
        "{}",
        qovery_model::rules::codes_markdown(&structural, "", &catalogue::library_rows())
    )
}

fn json_value(rules: &[Rule]) -> Value {
    Value::Array(
        rules
            .iter()
            .map(|rule| {
                let rows: Vec<Value> = rule
                    .rows
                    .iter()
                    .map(|row| {
                        json!({
                            "document": row.document,
                            "pointer": row.entry.pointer,
                            "severity": row.entry.rule.severity.as_str(),
                            "source": row.entry.rule.source.as_str(),
                            "description": row.entry.rule.description,
                            "schema": row.entry.rule.schema == SchemaSupport::Keyword,
                        })
                    })
                    .collect();
                json!({
                    "code": rule.code,
                    "severity": rule.severity().as_str(),
                    "source": rule.sources(),
                    "description": rule.short_description(),
                    "structural": rule.structural.is_some(),
                    "rules": rows,
                })
            })
            .collect(),
    )
}
