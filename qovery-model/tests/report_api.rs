//! `Report` and `Diagnostic` as a library user's error type: `Display`, `Error`, `Serialize`,
//! `into_result`, code look-ups, and the way back from a diagnostic to its rule.

use qovery_model::model::ContainerRequest;
use qovery_model::rules::{catalogue, rule_of};
use qovery_model::validate::{
    Diagnostic, Edit, Fix, Position, Report, RuleInfo, Severity, Source, Validate, codes,
};
use serde_json::json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const REGISTRY: &str = "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21";

fn request() -> ContainerRequest {
    ContainerRequest::new("api", REGISTRY, "acme/api", "1.4.2")
}

#[test]
fn a_valid_report_is_ok_and_keeps_its_warnings() -> TestResult {
    let report = request().with_min_running_instances(0).validate();
    assert_eq!(report.warnings().count(), 1);
    let ok = report.into_result()?;
    assert!(ok.has_code(codes::MIN_INSTANCES_ZERO));
    Ok(())
}

#[test]
fn a_report_with_an_error_is_err_through_question_mark() {
    fn build() -> Result<ContainerRequest, Box<dyn std::error::Error>> {
        let request = request().with_gpu(-1);
        request.validate().into_result()?;
        Ok(request)
    }
    let Err(error) = build() else {
        panic!("gpu -1 is below 0");
    };
    assert_eq!(
        error.to_string(),
        "error[range] /gpu: -1 is less than the minimum of 0"
    );
}

#[test]
fn display_shows_every_diagnostic_with_position_and_help() {
    let mut report = Report::new();
    report.push_diagnostic(
        Diagnostic::new("/tag", codes::DOCKER_TAG, Severity::Error, "bad tag")
            .with_help("write `1.4.2`")
            .with_position(Position {
                line: 5,
                column: 10,
            }),
    );
    report.push_diagnostic(Diagnostic::new(
        "",
        codes::UNKNOWN_MEMBER,
        Severity::Warning,
        "unknown",
    ));
    assert_eq!(
        report.to_string(),
        "5:10: error[docker_tag] /tag: bad tag\n  help: write `1.4.2`\nwarning[unknown_member] (root): unknown"
    );
    assert_eq!(Report::new().to_string(), "");
}

#[test]
fn reports_and_diagnostics_serialize_for_a_response_body() -> TestResult {
    let mut report = Report::new();
    report.push_diagnostic(
        Diagnostic::new("/cpu", codes::TYPE, Severity::Error, "expected an integer")
            .with_help("remove the quotes: 500")
            .with_position(Position {
                line: 6,
                column: 10,
            }),
    );
    report.push_diagnostic(Diagnostic::new(
        "/memroy",
        codes::UNKNOWN_MEMBER,
        Severity::Warning,
        "unknown member",
    ));
    let value = serde_json::to_value(&report)?;
    assert_eq!(
        value,
        json!({
            "valid": false,
            "errors": 1,
            "warnings": 1,
            "diagnostics": [
                {
                    "pointer": "/cpu",
                    "code": "type",
                    "severity": "error",
                    "message": "expected an integer",
                    "help": "remove the quotes: 500",
                    "position": {"line": 6, "column": 10}
                },
                {
                    "pointer": "/memroy",
                    "code": "unknown_member",
                    "severity": "warning",
                    "message": "unknown member"
                }
            ]
        })
    );
    Ok(())
}

#[test]
fn code_look_ups_find_every_diagnostic_of_a_code() {
    let report = ContainerRequest::new("api", REGISTRY, "Acme/API:1.4", "bad tag!")
        .with_gpu(-1)
        .validate();
    assert!(report.has_code(codes::RANGE));
    assert!(!report.has_code(codes::DUPLICATE_INTERNAL_PORT));
    let pointers: Vec<&str> = report
        .with_code(codes::DOCKER_TAG)
        .map(|d| d.pointer.as_str())
        .collect();
    assert_eq!(pointers, ["/tag"]);
}

#[test]
fn every_catalogue_code_is_a_constant() {
    for row in catalogue() {
        assert!(
            codes::is_library_code(row.entry.rule.code),
            "{} has no constant in validate::codes",
            row.entry.rule.code
        );
    }
    let mut sorted = codes::ALL.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), codes::ALL.len(), "a code listed twice");
}

#[test]
fn a_diagnostic_leads_back_to_its_rule() -> TestResult {
    let report = request()
        .with_port(qovery_model::model::PortRequest::http(8080))
        .with_port(qovery_model::model::PortRequest::http(8080))
        .validate();
    let duplicate = report
        .with_code(codes::DUPLICATE_INTERNAL_PORT)
        .next()
        .ok_or("two ports on 8080")?;
    assert_eq!(duplicate.pointer, "/ports/1/internal_port");
    let rule: &RuleInfo = rule_of(duplicate).ok_or("a catalogue rule")?;
    assert_eq!(rule.code, codes::DUPLICATE_INTERNAL_PORT);
    assert_eq!(rule.source, Source::Kubernetes);

    // Structural codes have no rule.
    let structural = Diagnostic::new("/cpu", codes::TYPE, Severity::Error, "a string");
    assert_eq!(rule_of(&structural), None);
    Ok(())
}

#[test]
fn a_span_and_a_fix_serialize_with_their_diagnostic() -> TestResult {
    let fix = Fix::safe("remove the quotes", vec![Edit::replace(70..76, "1000")])
        .ok_or("one edit is a fix")?;
    let diagnostic = Diagnostic::new("/cpu", codes::TYPE, Severity::Error, "a string")
        .with_span(70..76)
        .with_fix(Some(fix));
    assert_eq!(
        serde_json::to_value(&diagnostic)?,
        json!({
            "pointer": "/cpu",
            "code": "type",
            "severity": "error",
            "message": "a string",
            "span": {"start": 70, "end": 76},
            "fix": {
                "title": "remove the quotes",
                "applicability": "safe",
                "edits": [{"range": {"start": 70, "end": 76}, "replacement": "1000"}]
            }
        })
    );
    Ok(())
}
