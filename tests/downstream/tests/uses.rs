//! The uses the documentation shows, from a user's crate: a `Report` through `?` and in a
//! response body, codes in `match`, an own type with the derive, the builder, and (with the
//! features) the document checker and the schema export.

use qovery_model::model::{ContainerRequest, PortRequest, Probe};
use qovery_model::validate::{Report, Validate, codes};
use qovery_model_downstream::{Deployment, Opaque};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const REGISTRY: &str = "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21";

fn deployment(tag: &str) -> Deployment {
    Deployment {
        service: "api".to_owned(),
        tag: tag.to_owned(),
        container: ContainerRequest::new("api", REGISTRY, "acme/api", tag)
            .with_port(PortRequest::http(8080).with_name("web"))
            .with_readiness_probe(Probe::http(8080, "/ready").with_period_seconds(5)),
        opaque: Opaque(1),
    }
}

fn checked(deployment: &Deployment) -> Result<(), Report> {
    deployment.validate().into_result()?;
    Ok(())
}

#[test]
fn an_own_type_with_the_derive_and_a_nested_payload() -> TestResult {
    checked(&deployment("1.4.2"))?;
    let Err(report) = checked(&deployment("latest").clone()) else {
        panic!("`latest` is not pinned");
    };
    let found: Vec<(&str, &str)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code))
        .collect();
    assert_eq!(found, [("/tag", "pinned")]);
    Ok(())
}

#[test]
fn codes_in_a_match_and_a_report_in_a_body() -> TestResult {
    let request = ContainerRequest::new("api", REGISTRY, "acme/api:1.4.2", "1.4.2").with_cpu(-1);
    let report = request.validate();
    let mut seen = Vec::new();
    for diagnostic in &report {
        match diagnostic.code {
            codes::IMAGE_NAME_TAG => seen.push("tag in image_name"),
            codes::RANGE => seen.push("cpu"),
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!(seen, ["tag in image_name", "cpu"]);
    let body = serde_json::to_value(&report)?;
    assert_eq!(body["valid"], false);
    assert_eq!(body["errors"], 2);
    Ok(())
}

#[test]
fn the_tag_bump_of_a_redeploy() {
    let request = ContainerRequest::new("api", REGISTRY, "acme/api", "1.4.2").with_tag("1.4.3");
    assert_eq!(request.tag, "1.4.3");
    let literal = ContainerRequest {
        cpu: Some(250),
        ..ContainerRequest::new("api", REGISTRY, "acme/api", "1.4.2")
    };
    assert!(literal.validate().is_empty());
}

#[cfg(feature = "document")]
#[test]
fn a_file_checked_with_positions() {
    use qovery_model::document::{CheckOptions, check};
    let bytes = br#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "cpu": "500",
  "memroy": 512,
  "healthchecks": {}
}"#;
    let report = check(bytes, &CheckOptions::new());
    let found: Vec<(&str, &str, Option<u32>)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code, d.position.map(|p| p.line)))
        .collect();
    assert_eq!(
        found,
        [
            ("/cpu", codes::TYPE, Some(6)),
            ("/memroy", codes::UNKNOWN_MEMBER, Some(7)),
        ]
    );
}

#[cfg(feature = "schema")]
#[test]
fn the_schema_export_and_schemars_by_its_public_name() {
    use qovery_model::schema::{self, DocumentKind, Draft};
    let request = schema::schema(DocumentKind::Request, Draft::Draft2020_12);
    assert_eq!(request["title"], "ContainerRequest");
    let probe = qovery_model::schemars::SchemaGenerator::default().into_root_schema_for::<Probe>();
    assert_eq!(probe.to_value()["title"], "Probe");
}
