//! Property tests of fixes over generated payloads with injected mistakes, in JSON and YAML,
//! with LF or CRLF line ends, with or without a final newline: each fix alone edits only its
//! bytes and keeps the document parsing, the rounds converge on a document with no fixable
//! diagnostic left, a second `--fix` changes nothing (the properties of `fuzz/src/fix.rs`, which
//! the fuzz target `fix` asserts on arbitrary bytes). And every injected mistake that has a
//! safe fix is gone after `--fix`.

#[path = "../fuzz/src/fix.rs"]
mod fix_props;

use proptest::prelude::*;
use qovery_lint::fix::fix_document;
use qovery_model::document::{CheckOptions, Syntax, check};
use qovery_model::validate::Applicability;

/// One member of a request: its JSON text, its YAML line, and the code of the mistake it
/// holds (`None` for a correct member).
type Member = (&'static str, &'static str, Option<&'static str>);

const IMAGES: &[Member] = &[
    (r#""image_name": "acme/api""#, "image_name: acme/api", None),
    (
        r#""image_name": "acme/api:1.4.2""#,
        "image_name: 'acme/api:1.4.2'",
        Some("image_name_tag"),
    ),
    (
        r#""image_name": "Acme/API""#,
        "image_name: Acme/API # upper",
        Some("image_name_uppercase"),
    ),
    (
        r#""image_name": "localhost:5000/acme/api""#,
        "image_name: \"localhost:5000/acme/api\"",
        Some("image_name"),
    ),
    (
        r#""image_name": "ghcr.io/acme/api""#,
        "image_name: ghcr.io/acme/api",
        Some("image_name_registry_host"),
    ),
];

const TAGS: &[Member] = &[
    (r#""tag": "1.4.2""#, "tag: 1.4.2", None),
    (r#""tag": 1.27"#, "tag: 1.27", Some("type")),
    (r#""tag": " 1.4.2 ""#, "tag: ' 1.4.2 '", Some("docker_tag")),
];

const EXTRAS: &[Member] = &[
    (r#""cpu": "500""#, "cpu: \"500\"  # quoted", Some("type")),
    (r#""memory": 512.0"#, "memory: 512.0", Some("type")),
    (r#""cpu": null"#, "cpu: null", Some("type")),
    (r#""memroy": 512"#, "memroy: 512", Some("unknown_member")),
    (
        r#""cpu_architecture": "amd64""#,
        "cpu_architecture: amd64",
        Some("enum"),
    ),
    (
        r#""min_running_instances": 1"#,
        "min_running_instances: 1",
        None,
    ),
    (
        r#""storage": [{ "type": "fast_ssd", "size": 10, "mount_point": "data" }]"#,
        "storage:\n  - type: fast_ssd\n    size: 10\n    mount_point: data",
        Some("mount_point"),
    ),
    (
        r#""ports": [{ "internal_port": 8080, "publicly_accessible": true, "protocol": "HTTP" }]"#,
        "ports:\n  - internal_port: 8080\n    publicly_accessible: true\n    protocol: HTTP",
        Some("public_port_without_external_port"),
    ),
    (
        r#""ports": [{ "internal_port": 8080, "external_port": 80, "protocol": "tcp" }]"#,
        "ports:\n  - {internal_port: 8080, external_port: 80, protocol: tcp}",
        Some("external_port_not_public"),
    ),
    (
        r#""healthchecks": { "liveness_probe": { "type": { "http": { "path": "healthz", "scheme": "http" } }, "success_threshold": 3 } }"#,
        "healthchecks:\n  liveness_probe:\n    type:\n      http: {path: healthz, scheme: http}\n    success_threshold: 3 # too many",
        Some("liveness_success_threshold"),
    ),
    (r#""healthchecks": {}"#, "healthchecks: {}", None),
];

fn document(members: &[Member], syntax: Syntax, crlf: bool, final_newline: bool) -> String {
    let mut text = match syntax {
        Syntax::Json => {
            let body: Vec<&str> = members.iter().map(|m| m.0).collect();
            format!(
                "{{\n  \"name\": \"api\",\n  \"registry_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\n  {}\n}}\n",
                body.join(",\n  ")
            )
        }
        _ => {
            let body: Vec<&str> = members.iter().map(|m| m.1).collect();
            format!(
                "# generated\nname: api\nregistry_id: 3c90c3cc-0d44-4b50-8888-8dd25736052a\n{}\n",
                body.join("\n")
            )
        }
    };
    if !final_newline {
        text.pop();
    }
    if crlf {
        text = text.replace('\n', "\r\n");
    }
    text
}

fn payload() -> impl Strategy<Value = (Vec<Member>, Syntax, bool, bool)> {
    (
        prop::sample::select(IMAGES),
        prop::sample::select(TAGS),
        prop::sample::subsequence(EXTRAS, 0..=EXTRAS.len()),
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
        prop::bool::ANY,
    )
        .prop_map(
            |(image, tag, extras, yaml, crlf, final_newline, duplicate)| {
                let mut members = vec![image];
                members.extend(extras);
                members.push(tag);
                // A duplicate key: the tag again, correct, at the end.
                if duplicate {
                    members.push(TAGS[0]);
                }
                let syntax = if yaml { Syntax::Yaml } else { Syntax::Json };
                (members, syntax, crlf, final_newline)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn fixes_keep_documents_parsing_converge_and_are_idempotent(
        (members, syntax, crlf, final_newline) in payload()
    ) {
        let text = document(&members, syntax, crlf, final_newline);
        let options = CheckOptions::new().syntax(syntax);
        let before = check(text.as_bytes(), &options);
        let fixed = fix_props::assert_fix_properties(text.as_bytes(), &options);
        // Every mistake injected whose diagnostic had a safe fix is gone after the safe rounds.
        let safe = fix_document(text.as_bytes(), &options, Applicability::Safe, &|_| true);
        for d in before.diagnostics() {
            if d.fix.as_ref().is_some_and(|f| f.applicability == Applicability::Safe) {
                prop_assert!(
                    !safe.report.diagnostics().iter().any(|left| left.code == d.code && left.pointer == d.pointer),
                    "{} at {} is left after --fix:\n{}", d.code, d.pointer, String::from_utf8_lossy(&safe.output)
                );
            }
        }
        // The line ends and the final newline (or its absence) are kept.
        let output = String::from_utf8_lossy(&fixed.output);
        prop_assert_eq!(output.contains("\r\n"), crlf);
        prop_assert_eq!(output.contains('\n') && !output.contains("\r\n"), !crlf);
        prop_assert_eq!(output.ends_with('\n'), final_newline);
    }
}

/// The fuzz target's seeds (among them the inputs it found), as JSON and as YAML.
#[test]
fn the_fuzz_seeds_keep_the_properties() -> std::io::Result<()> {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/fix");
    for entry in std::fs::read_dir(seeds)? {
        let bytes = std::fs::read(entry?.path())?;
        for syntax in [Syntax::Json, Syntax::Yaml] {
            fix_props::assert_fix_properties(&bytes, &CheckOptions::new().syntax(syntax));
        }
    }
    Ok(())
}
