//! What Qovery's own clients send is never an error (RULES.md, evidence order 1).
//!
//! `tests/corpus/clients/` holds request bodies built the way Qovery's console, CLI and Terraform
//! provider build them, each `NAME.json` beside a `NAME.source.md` that records where it comes
//! from (repository, commit, path, line). Every payload is checked as a request, in `--strict`
//! mode (an unknown member is an error), and must get no error; the first error fails the test
//! with the file's provenance. The warnings each payload gets are pinned too, so a rule that
//! starts warning on what a client sends is a deliberate change of this file.

use qovery_model::document::{CheckOptions, DocumentKind, check};
use qovery_model::validate::Severity;
use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/clients")
}

/// Every `*.json` of the corpus, sorted, with its provenance.
fn payloads() -> Vec<(String, Vec<u8>, String)> {
    let Ok(entries) = std::fs::read_dir(corpus()) else {
        panic!("{} is missing", corpus().display());
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let stem = name.trim_end_matches(".json");
            let read = |file: &str| {
                std::fs::read(corpus().join(file))
                    .unwrap_or_else(|e| panic!("{file}: {e} (every payload needs its .source.md)"))
            };
            let bytes = read(&name);
            let source = String::from_utf8_lossy(&read(&format!("{stem}.source.md"))).into_owned();
            (name, bytes, source)
        })
        .collect()
}

fn options() -> CheckOptions {
    CheckOptions::new().kind(DocumentKind::Request).strict(true)
}

#[test]
fn no_payload_a_qovery_client_sends_gets_an_error() {
    let payloads = payloads();
    assert!(
        payloads.len() >= 14,
        "the corpus lost files: {}",
        payloads.len()
    );
    for (name, bytes, source) in payloads {
        let report = check(&bytes, &options());
        if let Some(error) = report
            .diagnostics()
            .iter()
            .find(|d| d.severity == Severity::Error)
        {
            panic!(
                "{name} gets an error, but Qovery's own client sends it:\n  {error}\n\nprovenance:\n{source}"
            );
        }
    }
}

#[test]
fn every_payload_records_a_repository_commit_path_and_line() {
    for (name, _, source) in payloads() {
        // `owner/repo@<40 hex digits>`, then a path with a line (`file.ext:12`).
        let commit = source.split("@").skip(1).any(|rest| {
            rest.len() >= 40 && rest.as_bytes()[..40].iter().all(u8::is_ascii_hexdigit)
        });
        let line = source.split('`').any(|span| {
            span.contains('/')
                && span
                    .rsplit_once(':')
                    .is_some_and(|(_, l)| l.starts_with(|c: char| c.is_ascii_digit()))
        });
        assert!(
            commit && line,
            "{name}: its .source.md names no commit or no path:line"
        );
    }
}

/// The warnings (code at pointer) each payload gets: none is an error, and each is one a user of
/// that client can act on or ignore.
#[test]
fn the_warnings_on_client_payloads_are_these() {
    let expected: &[(&str, &[(&str, &str)])] = &[
        ("cli-container-create.json", &[]),
        ("console-keda-inline-trigger-authentication.json", &[]),
        ("console-keda-referenced-trigger-authentication.json", &[]),
        ("console-labels-and-annotations-groups.json", &[]),
        ("console-minimal.json", &[]),
        ("console-ports-public-path-rewrite.json", &[]),
        ("console-ports-without-rewrite.json", &[]),
        ("console-probe-exec.json", &[]),
        ("console-probe-http-emptied.json", &[]),
        (
            "console-probe-tcp-grpc.json",
            &[(
                "/healthchecks/liveness_probe/failure_threshold",
                "probe_zero_defaulted",
            )],
        ),
        ("console-storage.json", &[]),
        ("terraform-acc-container-with-ports.json", &[]),
        ("terraform-acc-container-with-resources.json", &[]),
        (
            "terraform-acc-container-with-storage.json",
            &[("/storage/0/size", "storage_size_below_console_minimum")],
        ),
    ];
    let payloads = payloads();
    let names: Vec<&str> = payloads.iter().map(|(n, _, _)| n.as_str()).collect();
    let listed: Vec<&str> = expected.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, listed, "a corpus file without its expected warnings");
    for ((name, bytes, _), (_, warnings)) in payloads.iter().zip(expected) {
        let report = check(bytes, &options());
        let found: Vec<(&str, &str)> = report
            .diagnostics()
            .iter()
            .map(|d| (d.pointer.as_str(), d.code))
            .collect();
        assert_eq!(&found, warnings, "{name}");
    }
}

/// Without `--strict`, the console's whole group objects get no `unknown_member` warning either:
/// their members are declared (as ignored by the API); another member still is unknown.
#[test]
fn console_group_objects_are_known_and_other_members_are_not() {
    let bytes = std::fs::read(corpus().join("console-labels-and-annotations-groups.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let report = check(&bytes, &CheckOptions::new().kind(DocumentKind::Request));
    assert!(
        report.diagnostics().is_empty(),
        "{:?}",
        report.diagnostics()
    );

    let text = String::from_utf8_lossy(&bytes).replace("\"associated_items_count\"", "\"colour\"");
    let report = check(
        text.as_bytes(),
        &CheckOptions::new().kind(DocumentKind::Request),
    );
    let found: Vec<(&str, &str, Severity)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code, d.severity))
        .collect();
    assert_eq!(
        found,
        [(
            "/labels_groups/0/colour",
            "unknown_member",
            Severity::Warning
        )]
    );
}
