//! Help lines for two mistakes of syntax: YAML given to the JSON checker, and YAML 1.1's
//! booleans (`yes`, `on`...), which YAML 1.2 reads as strings.

use qovery_model::document::{CheckOptions, check};
use qovery_model::validate::codes;

const YAML: &str = "name: api\nregistry_id: 7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21\nimage_name: acme/api\ntag: \"1.4.2\"\nhealthchecks: {}\n";

fn first(bytes: &[u8], options: &CheckOptions) -> (String, &'static str, Option<String>) {
    let report = check(bytes, options);
    let d = &report.diagnostics()[0];
    (d.pointer.clone(), d.code, d.help.clone())
}

#[test]
fn yaml_given_to_the_json_checker_is_named() {
    let help = "this looks like YAML: check it as YAML (`Syntax::Yaml`; the linter does for a `.yaml` or `.yml` file)";
    for text in [
        YAML.to_owned(),
        format!("# a comment\n---\n{YAML}"),
        "- name: api\n".to_owned(),
    ] {
        assert_eq!(
            first(text.as_bytes(), &CheckOptions::new()),
            (String::new(), codes::SYNTAX, Some(help.to_owned())),
            "{text}"
        );
    }
    // Broken JSON gets no such help.
    for text in [r#"{"name": "api",}"#, "name", "http://example.com"] {
        assert_eq!(
            first(text.as_bytes(), &CheckOptions::new()).2,
            None,
            "{text}"
        );
    }
}

#[cfg(feature = "yaml")]
#[test]
fn yaml_1_1_booleans_get_the_boolean_to_write() {
    let cases = [
        (
            "yes",
            "`yes` is a boolean only in YAML 1.1; in YAML 1.2 and JSON it is a string: write `true`",
        ),
        (
            "Off",
            "`Off` is a boolean only in YAML 1.1; in YAML 1.2 and JSON it is a string: write `false`",
        ),
        ("\"true\"", "remove the quotes: true"),
    ];
    for (value, help) in cases {
        let text = format!("{YAML}auto_preview: {value}\n");
        assert_eq!(
            first(
                text.as_bytes(),
                &CheckOptions::new().syntax(qovery_model::document::Syntax::Yaml)
            ),
            (
                "/auto_preview".to_owned(),
                codes::TYPE,
                Some(help.to_owned())
            ),
            "{value}"
        );
    }
    let text = format!("{YAML}auto_preview: maybe\n");
    let yaml = CheckOptions::new().syntax(qovery_model::document::Syntax::Yaml);
    let found = first(text.as_bytes(), &yaml);
    assert_eq!((found.1, found.2), (codes::TYPE, None));
}
