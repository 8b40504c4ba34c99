//! The derive reports violations under serde's wire names, collects every violation, and
//! places each declared rule in the catalogue.

use qovery_model::model::Nullable;
use qovery_model::validate::{Severity, Validate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, Validate)]
#[qovery(schema)]
#[serde(rename_all = "camelCase")]
struct Service {
    #[qovery(not_blank)]
    display_name: String,
    #[serde(rename = "cpuMillicores")]
    #[qovery(range(min = 10, max = 64000), source = terraform)]
    cpu: i32,
    #[qovery(range(min = 1, max = 65535))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    health_port: Option<i32>,
    #[qovery(length(max = 3), each(not_blank), each(length(max = 5)))]
    command_args: Vec<String>,
    #[qovery(pattern = "^[a-z]+$", severity = warning, code = "lowercase_tag")]
    #[serde(default)]
    image_tag: Nullable<String>,
    #[qovery(nested)]
    #[serde(default)]
    sidecars: Vec<Sidecar>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[qovery(schema)]
struct Sidecar {
    #[serde(rename = "internal-port")]
    #[qovery(range(min = 1, max = 65535))]
    internal_port: i32,
}

fn valid() -> Service {
    Service {
        display_name: "api".into(),
        cpu: 500,
        health_port: Some(8080),
        command_args: vec!["run".into()],
        image_tag: Nullable::Value("stable".into()),
        sidecars: vec![Sidecar {
            internal_port: 9000,
        }],
    }
}

fn pointers_and_codes(service: &Service) -> Vec<(String, &'static str, Severity)> {
    service
        .validate()
        .into_iter()
        .map(|d| (d.pointer, d.code, d.severity))
        .collect()
}

#[test]
fn a_valid_value_has_no_diagnostic() {
    assert!(valid().validate().is_empty());
}

#[test]
fn renamed_fields_are_reported_under_their_wire_names() {
    let mut service = valid();
    service.cpu = 5;
    service.display_name = "  ".into();
    service.health_port = Some(0);
    service.sidecars.push(Sidecar {
        internal_port: 70000,
    });
    assert_eq!(
        pointers_and_codes(&service),
        vec![
            ("/displayName".to_owned(), "not_blank", Severity::Error),
            ("/cpuMillicores".to_owned(), "range", Severity::Error),
            ("/healthPort".to_owned(), "range", Severity::Error),
            (
                "/sidecars/1/internal-port".to_owned(),
                "range",
                Severity::Error
            ),
        ]
    );
}

#[test]
fn element_rules_and_overridden_codes() {
    let mut service = valid();
    service.command_args = vec!["ok".into(), " ".into(), "toolong".into(), "x".into()];
    service.image_tag = Nullable::Value("UPPER".into());
    assert_eq!(
        pointers_and_codes(&service),
        vec![
            ("/commandArgs".to_owned(), "length", Severity::Error),
            ("/commandArgs/1".to_owned(), "not_blank", Severity::Error),
            ("/commandArgs/2".to_owned(), "length", Severity::Error),
            ("/imageTag".to_owned(), "lowercase_tag", Severity::Warning),
        ]
    );
}

#[test]
fn absent_and_null_values_are_not_checked() {
    let mut service = valid();
    service.health_port = None;
    service.image_tag = Nullable::Null;
    assert!(service.validate().is_empty());
}

#[test]
fn messages_name_the_value_and_the_expectation() {
    let mut service = valid();
    service.cpu = 5;
    let report = service.validate();
    assert_eq!(
        report.diagnostics()[0].message,
        "5 is less than the minimum of 10"
    );
}

#[test]
fn the_catalogue_lists_every_declared_rule_with_its_pointer_pattern() {
    let mut entries = Vec::new();
    Service::describe_rules("", &mut entries);
    let listed: Vec<(String, &str, &str)> = entries
        .iter()
        .map(|e| (e.pointer.clone(), e.rule.code, e.rule.source.as_str()))
        .collect();
    assert_eq!(
        listed,
        vec![
            ("/displayName".to_owned(), "not_blank", "spec"),
            ("/cpuMillicores".to_owned(), "range", "terraform provider"),
            ("/healthPort".to_owned(), "range", "spec"),
            ("/commandArgs".to_owned(), "length", "spec"),
            ("/commandArgs/*".to_owned(), "not_blank", "spec"),
            ("/commandArgs/*".to_owned(), "length", "spec"),
            ("/imageTag".to_owned(), "lowercase_tag", "spec"),
            ("/sidecars/*/internal-port".to_owned(), "range", "spec"),
        ]
    );
    assert_eq!(
        entries[1].rule.description,
        "the value is between 10 and 64000 (inclusive)"
    );
}

#[test]
fn the_schema_carries_the_same_rules() {
    let schema = schemars::SchemaGenerator::default().into_root_schema_for::<Service>();
    let value = schema.to_value();
    let props = &value["properties"];
    assert_eq!(props["cpuMillicores"]["minimum"], 10);
    assert_eq!(props["cpuMillicores"]["maximum"], 64000);
    assert_eq!(props["healthPort"]["minimum"], 1);
    assert_eq!(props["commandArgs"]["maxItems"], 3);
    assert_eq!(props["commandArgs"]["items"]["maxLength"], 5);
    assert_eq!(props["commandArgs"]["items"]["pattern"], r"\S");
    assert_eq!(
        props["imageTag"]["type"],
        serde_json::json!(["string", "null"])
    );
    // A warning is not a schema keyword: JSON Schema cannot warn.
    assert_eq!(props["imageTag"].get("pattern"), None);
    assert_eq!(
        value["required"],
        serde_json::json!(["displayName", "cpuMillicores", "commandArgs"])
    );
    assert_eq!(props["sidecars"]["items"]["$ref"], "#/$defs/Sidecar");
    assert_eq!(
        value["$defs"]["Sidecar"]["properties"]["internal-port"]["maximum"],
        65535
    );
}
