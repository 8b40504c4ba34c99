//! `qovery-lint explain CODE`: what a rule checks, where, and a failing and a passing example,
//! with what the linter reports on the failing one.

use super::catalogue::{self, Rule};
use super::output::printable;
use super::{EXIT_OK, EXIT_USAGE, report_error, with_stdout};
use qovery_model::document::{self, CheckOptions, DocumentKind, Syntax};
use qovery_model::validate::Report;
use std::io::Write;

/// A failing and a passing payload for one code.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The code the failing payload produces and the passing one does not.
    pub code: &'static str,
    /// Request or response.
    pub kind: DocumentKind,
    /// JSON or YAML.
    pub syntax: Syntax,
    /// A payload with this problem.
    pub failing: &'static str,
    /// The same payload, fixed.
    pub passing: &'static str,
}

impl Example {
    /// Checks `payload` as this example's kind and syntax.
    pub fn check(&self, payload: &str) -> Report {
        let options = CheckOptions::new().kind(self.kind).syntax(self.syntax);
        document::check(payload.as_bytes(), &options)
    }
}

const VALID_REQUEST: &str = r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "healthchecks": {}
}"#;

const VALID_REQUEST_YAML: &str = "name: api
registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a
image_name: acme/api
tag: \"1.4.2\"
healthchecks: {}
";

const fn request(code: &'static str, failing: &'static str, passing: &'static str) -> Example {
    Example {
        code,
        kind: DocumentKind::Request,
        syntax: Syntax::Json,
        failing,
        passing,
    }
}

const fn request_yaml(code: &'static str, failing: &'static str) -> Example {
    Example {
        code,
        kind: DocumentKind::Request,
        syntax: Syntax::Yaml,
        failing,
        passing: VALID_REQUEST_YAML,
    }
}

/// One example per code that a payload can produce.
pub const EXAMPLES: &[Example] = &[
    request(
        "syntax",
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "healthchecks": {},
}"#,
        VALID_REQUEST,
    ),
    request_yaml(
        "limit",
        "a: &a [x, x, x, x, x, x, x, x, x, x]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
",
    ),
    request_yaml(
        "yaml",
        "name: api
registry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a
image_name: acme/api
tag: \"1.4.2\"
healthchecks: {}
---
name: worker
",
    ),
    request(
        "duplicate_key",
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "tag": "1.5.0",
  "healthchecks": {}
}"#,
        VALID_REQUEST,
    ),
    request(
        "type",
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "cpu": "500",
  "healthchecks": {}
}"#,
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "cpu": 500,
  "healthchecks": {}
}"#,
    ),
    request(
        "required",
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "healthchecks": {}
}"#,
        VALID_REQUEST,
    ),
    request(
        "unknown_member",
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "memroy": 1024,
  "healthchecks": {}
}"#,
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "memory": 1024,
  "healthchecks": {}
}"#,
    ),
    request(
        "format",
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "healthchecks": {},
  "annotations_groups": [{ "id": "web-annotations" }]
}"#,
        r#"{
  "name": "api",
  "registry_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "healthchecks": {},
  "annotations_groups": [{ "id": "7f1c2a9e-4b3d-4e8f-9a21-5c6d7e8f9a0b" }]
}"#,
    ),
];

/// The example for `code`, if there is one.
pub fn example(code: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.code == code)
}

/// Runs `explain CODE`; returns the exit status.
pub fn run(code: &str) -> u8 {
    let Some(rule) = catalogue::find(code) else {
        let codes: Vec<&str> = catalogue::rules().iter().map(|r| r.code).collect();
        report_error(format!(
            "unknown code `{}`; known codes: {}",
            printable(code),
            codes.join(", ")
        ));
        return EXIT_USAGE;
    };
    let status = with_stdout(|out| write_explanation(out, &rule));
    if status == EXIT_OK { EXIT_OK } else { status }
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn syntax_name(syntax: Syntax) -> &'static str {
    match syntax {
        Syntax::Yaml => "YAML",
        _ => "JSON",
    }
}

fn write_explanation(out: &mut dyn Write, rule: &Rule) -> std::io::Result<()> {
    writeln!(out, "{}", rule.code)?;
    writeln!(out, "  severity: {}", rule.severity())?;
    writeln!(out, "  source:   {}", rule.sources())?;
    writeln!(
        out,
        "  schema:   {}",
        if rule.structural.is_some() || rule.in_schema() {
            "expressed by the exported JSON Schema"
        } else {
            "validator only (JSON Schema cannot express it)"
        }
    )?;
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
        }
        writeln!(out)?;
    }
    match example(rule.code) {
        Some(example) => {
            let kind = example.kind.as_str();
            let syntax = syntax_name(example.syntax);
            writeln!(out, "Failing example ({kind}, {syntax}):\n")?;
            writeln!(out, "{}\n", indent(example.failing.trim_end()))?;
            writeln!(out, "reports:")?;
            for diagnostic in example
                .check(example.failing)
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
            writeln!(out, "\nPassing example ({kind}, {syntax}):\n")?;
            writeln!(out, "{}", indent(example.passing.trim_end()))?;
        }
        None => writeln!(
            out,
            "No example payload: this code is about the input itself, not its content."
        )?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{EXAMPLES, example};
    use crate::cli::catalogue;
    use crate::cli::run::{INTERNAL, IO};

    #[test]
    fn every_failing_example_fails_with_its_code_and_every_passing_one_does_not() {
        for example in EXAMPLES {
            let failing = example.check(example.failing);
            assert!(
                failing.diagnostics().iter().any(|d| d.code == example.code),
                "{}: the failing example does not report it: {:#?}",
                example.code,
                failing.diagnostics()
            );
            let passing = example.check(example.passing);
            assert!(
                !passing.diagnostics().iter().any(|d| d.code == example.code),
                "{}: the passing example reports it: {:#?}",
                example.code,
                passing.diagnostics()
            );
        }
    }

    #[test]
    fn every_code_a_payload_can_produce_has_an_example() {
        for rule in catalogue::rules() {
            if rule.code == IO || rule.code == INTERNAL {
                assert!(example(rule.code).is_none());
                continue;
            }
            assert!(example(rule.code).is_some(), "no example for `{}`", rule.code);
        }
    }

    #[test]
    fn examples_are_unique_per_code() {
        for (i, a) in EXAMPLES.iter().enumerate() {
            assert!(
                EXAMPLES.iter().skip(i + 1).all(|b| b.code != a.code),
                "{}",
                a.code
            );
        }
    }
}
