//! `document::read`: the typed value and the located report from one parse, for JSON and YAML,
//! requests and responses; the report is `check`'s, and the value is there exactly when the
//! document deserializes.

use qovery_model::document::{CheckOptions, Checked, DocumentKind, Syntax, check, read};
use qovery_model::model::{ContainerRequest, ContainerResponse};
use qovery_model::validate::codes;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const VALID: &str = r#"{
  "name": "api",
  "registry_id": "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21",
  "image_name": "acme/api",
  "tag": "1.4.2",
  "healthchecks": {}
}"#;

fn codes_and_lines<T>(checked: &Checked<T>) -> Vec<(&str, &str, Option<u32>)> {
    checked
        .report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code, d.position.map(|p| p.line)))
        .collect()
}

#[test]
fn a_valid_request_gives_its_value_and_an_empty_report() -> TestResult {
    let checked = read::<ContainerRequest>(VALID.as_bytes(), &CheckOptions::new());
    let value = checked.value.ok_or("a value")?;
    assert_eq!(value, serde_json::from_str::<ContainerRequest>(VALID)?);
    assert!(checked.report.is_empty());
    Ok(())
}

#[test]
fn a_rule_violation_keeps_the_value_and_locates_the_finding() -> TestResult {
    let text = VALID.replace(r#""tag": "1.4.2","#, r#""tag": "1.4.2", "cpu": -5,"#);
    let checked = read::<ContainerRequest>(text.as_bytes(), &CheckOptions::new());
    assert_eq!(checked.value.as_ref().and_then(|v| v.cpu), Some(-5));
    assert_eq!(codes_and_lines(&checked), [("/cpu", codes::RANGE, Some(5))]);
    Ok(())
}

#[test]
fn an_unknown_member_is_a_warning_and_the_value_ignores_it() -> TestResult {
    let text = VALID.replace(r#""tag": "1.4.2","#, r#""tag": "1.4.2", "memroy": 512,"#);
    let checked = read::<ContainerRequest>(text.as_bytes(), &CheckOptions::new());
    assert_eq!(
        codes_and_lines(&checked),
        [("/memroy", codes::UNKNOWN_MEMBER, Some(5))]
    );
    assert_eq!(checked.value, Some(serde_json::from_str(&text)?));
    // With `strict`, an unknown member is an error: no value.
    let strict = read::<ContainerRequest>(text.as_bytes(), &CheckOptions::new().strict(true));
    assert_eq!(strict.value, None);
    Ok(())
}

#[test]
fn an_error_of_shape_or_syntax_gives_no_value() {
    let cases: [(&str, &str); 4] = [
        (r#"{"name": 1}"#, codes::TYPE),
        (r#"{"name": "api"}"#, codes::REQUIRED),
        (r#"{"name": "api", "name": "web"}"#, codes::DUPLICATE_KEY),
        (r#"{"name": "api",}"#, codes::SYNTAX),
    ];
    for (text, code) in cases {
        let checked = read::<ContainerRequest>(text.as_bytes(), &CheckOptions::new());
        assert_eq!(checked.value, None, "{text}");
        assert!(checked.report.has_code(code), "{text}: {}", checked.report);
    }
}

#[test]
fn yaml_and_json_give_the_same_value() -> TestResult {
    let yaml = "name: api\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\nimage_name: acme/api\ntag: \"1.4.2\"\nhealthchecks: {}\ncpu: -5\n";
    let checked =
        read::<ContainerRequest>(yaml.as_bytes(), &CheckOptions::new().syntax(Syntax::Yaml));
    assert_eq!(codes_and_lines(&checked), [("/cpu", codes::RANGE, Some(6))]);
    let json = read::<ContainerRequest>(VALID.as_bytes(), &CheckOptions::new());
    let mut expected = json.value.ok_or("a value")?;
    expected.cpu = Some(-5);
    assert_eq!(checked.value, Some(expected));
    Ok(())
}

#[test]
fn the_report_is_checks_for_every_test_payload() -> TestResult {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/document/testdata");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(&path)?;
        let response = name.contains("response");
        let options = CheckOptions::new()
            .syntax(Syntax::from_path(&path))
            .kind(if response {
                DocumentKind::Response
            } else {
                DocumentKind::Request
            });
        let expected = check(&bytes, &options);
        let (report, has_value) = if response {
            let checked = read::<ContainerResponse>(&bytes, &options);
            (checked.report, checked.value.is_some())
        } else {
            let checked = read::<ContainerRequest>(&bytes, &options);
            (checked.report, checked.value.is_some())
        };
        assert_eq!(report, expected, "{name}");
        // No value exactly when an error is not a rule's (a wrong type, a missing member...).
        let shape_error = report.errors().any(|d| {
            [
                codes::TYPE,
                codes::REQUIRED,
                codes::DUPLICATE_KEY,
                codes::SYNTAX,
                codes::YAML,
            ]
            .contains(&d.code)
        });
        assert_eq!(has_value, !shape_error, "{name}");
        seen += 1;
    }
    assert!(seen >= 7);
    Ok(())
}
