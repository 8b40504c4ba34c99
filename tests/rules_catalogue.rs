//! `RULES.md` is generated from the rule catalogue (`qovery_model::rules::rules_markdown()`), and
//! this test fails when the committed file is stale.
//!
//! Regenerate it with `UPDATE_RULES_MD=1 cargo test --test rules_catalogue`.

use qovery_model::rules;
use std::path::PathBuf;

fn rules_md() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("RULES.md")
}

#[test]
fn rules_md_is_generated_from_the_catalogue() -> std::io::Result<()> {
    let expected = rules::rules_markdown();
    let path = rules_md();
    if std::env::var_os("UPDATE_RULES_MD").is_some() {
        std::fs::write(&path, &expected)?;
        return Ok(());
    }
    let actual = std::fs::read_to_string(&path).unwrap_or_default();
    if actual != expected {
        let line = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or_else(|| actual.lines().count().min(expected.lines().count()));
        panic!(
            "RULES.md is stale (first difference at line {}):\n  committed: {:?}\n  generated: {:?}\n\
             Regenerate it with `UPDATE_RULES_MD=1 cargo test --test rules_catalogue`.",
            line + 1,
            actual.lines().nth(line).unwrap_or("(end of file)"),
            expected.lines().nth(line).unwrap_or("(end of file)"),
        );
    }
    Ok(())
}

#[test]
fn the_table_has_one_row_per_catalogue_entry() {
    let rows = rules::catalogue();
    let table = rules::markdown_table(&rows);
    assert_eq!(table.lines().count(), rows.len() + 2);
    for row in &rows {
        let rule = row.entry.rule;
        assert!(
            !rule.description.is_empty(),
            "{} has no description",
            rule.code
        );
        assert!(
            rows.iter()
                .filter(|other| other.document == row.document
                    && other.entry.pointer == row.entry.pointer
                    && other.entry.rule.code == rule.code
                    && other.entry.rule.description == rule.description)
                .count()
                == 1,
            "{} at {} is listed twice for the {}",
            rule.code,
            row.entry.pointer,
            row.document
        );
    }
}

#[test]
fn every_code_keeps_one_severity_and_source_per_document() {
    // `find(code)` is what `qovery-lint explain` shows: a code means one thing.
    for code in rules::codes() {
        let rows = rules::find(code);
        for document in [rules::REQUEST, rules::RESPONSE] {
            let mut severities: Vec<_> = rows
                .iter()
                .filter(|r| r.document == document)
                .map(|r| r.entry.rule.severity)
                .collect();
            severities.dedup();
            // `enum` is an error in requests and a warning in responses; within one document a
            // code has one severity.
            assert!(
                severities.len() <= 1,
                "{code} has severities {severities:?} in the {document}"
            );
        }
    }
}

#[test]
fn every_row_cites_its_evidence_and_errors_have_a_rejecting_authority() {
    use qovery_model::validate::{Severity, Source};
    // The Terraform provider's `scaler_config_validator.go` states these as the API's own
    // constraints ("mirrors the API constraints"): the API rejects them, by Qovery's word.
    const API_CONSTRAINTS_STATED_BY_TERRAFORM: [&str; 2] = ["scaler_config", "no_enabled_scaler"];
    for row in rules::catalogue() {
        let rule = row.entry.rule;
        assert!(
            !rule.citation.trim().is_empty(),
            "{} at {} ({}) cites no evidence",
            rule.code,
            row.entry.pointer,
            row.document
        );
        if rule.severity != Severity::Error {
            continue;
        }
        let authority = matches!(
            rule.source,
            Source::Kubernetes | Source::Engine | Source::Registry | Source::Spec
        ) || (rule.source == Source::TerraformProvider
            && API_CONSTRAINTS_STATED_BY_TERRAFORM.contains(&rule.code));
        assert!(
            authority,
            "{} at {} ({}) is an error sourced from {}: an error needs a rejecting authority",
            rule.code, row.entry.pointer, row.document, rule.source
        );
    }
}

/// Every code the library reports has one anchor in RULES.md (`code-<code>`), which the language
/// server links each diagnostic to.
#[test]
fn every_code_has_one_anchor_in_rules_md() {
    let markdown = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/RULES.md"))
        .unwrap_or_else(|e| panic!("RULES.md: {e}"));
    let codes = rules::documented_codes();
    for code in codes {
        let tag = format!("<a id=\"{}\"></a>", rules::anchor(code));
        assert_eq!(markdown.matches(&tag).count(), 1, "{code}");
    }
    assert_eq!(markdown.matches("<a id=").count(), codes.len());
}
