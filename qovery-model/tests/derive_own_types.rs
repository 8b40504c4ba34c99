//! `#[derive(Validate)]` on a user's own types: a function as a custom rule, generic types, a
//! context of the user's own, and the schema side as an opt-in that the `schema` feature cannot
//! force on a type.

use qovery_model::model::{Probe, RegistryContext};
use qovery_model::rules::catalogue;
use qovery_model::validate::{
    CatalogueEntry, Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, Validate,
};
use serde::{Deserialize, Serialize};

/// `latest` moves under a running deployment.
fn not_latest(tag: &str, _: &()) -> Result<(), String> {
    if tag == "latest" {
        Err("`latest` is not a release; pin a version".to_owned())
    } else {
        Ok(())
    }
}

/// Reads no context, for any context: the derive infers `C`.
fn even<C: ?Sized>(value: &i32, _: &C) -> Result<(), String> {
    if value % 2 == 0 {
        Ok(())
    } else {
        Err(format!("{value} is odd"))
    }
}

fn at_most_three(items: &[String], _: &()) -> Result<(), String> {
    if items.len() <= 3 {
        Ok(())
    } else {
        Err(format!("{} items, expected at most 3", items.len()))
    }
}

/// A type with no `JsonSchema`: a struct with `#[derive(Validate)]` that holds it still compiles
/// with qovery-model's `schema` feature on, since the schema side is opt-in.
#[derive(Debug, Serialize, Deserialize)]
pub struct Opaque(pub u8);

#[derive(Debug, Serialize, Deserialize, Validate)]
pub struct Release {
    #[qovery(not_blank, custom = not_latest)]
    pub tag: String,

    #[serde(default)]
    #[qovery(custom = even, severity = warning, code = "odd_replicas")]
    pub replicas: Option<i32>,

    #[qovery(custom = at_most_three, each(custom = not_latest))]
    pub aliases: Vec<String>,

    pub opaque: Opaque,
}

/// A generic page of items, each validated with its own rules: model types, so with their
/// context.
#[derive(Debug, Serialize, Deserialize, Validate)]
#[qovery(context = RegistryContext)]
#[cfg_attr(feature = "schema", qovery(schema))]
pub struct Page<T> {
    #[qovery(nested, length(max = 2))]
    pub items: Vec<T>,
}

/// The facts a user's rules read that the value does not carry.
#[derive(Debug, Default)]
pub struct Reserved {
    pub names: Vec<&'static str>,
}

fn not_reserved(name: &str, ctx: &Reserved) -> Result<(), String> {
    if ctx.names.contains(&name) {
        return Err(format!("`{name}` is reserved"));
    }
    Ok(())
}

const FEWER_REPLICAS: RuleInfo = RuleInfo {
    code: "replicas_above_reserved",
    severity: Severity::Error,
    source: Source::Inferred,
    citation: "",
    pointer: "/replicas",
    description: "`replicas` is at most the number of reserved names",
    schema: SchemaSupport::ValidatorOnly,
};

/// Reads the context: a rule for `Reserved` only.
pub struct ReplicasWithinReserved;

impl Rule<Service, Reserved> for ReplicasWithinReserved {
    const RULES: &'static [RuleInfo] = &[FEWER_REPLICAS];

    fn check(value: &Service, ctx: &Reserved, path: &Path<'_>, report: &mut Report) {
        if usize::try_from(value.replicas).is_ok_and(|replicas| replicas > ctx.names.len()) {
            let message = format!("{} replicas for {} names", value.replicas, ctx.names.len());
            report.push(&FEWER_REPLICAS, &path.field("replicas"), message);
        }
    }
}

/// A type with a context of its own, read by a function, by a rule, and passed down to a
/// nested type of the same context; `even` serves it as it serves `Release`.
#[derive(Debug, Serialize, Deserialize, Validate)]
#[qovery(context = Reserved, rule = ReplicasWithinReserved)]
pub struct Service {
    #[qovery(custom = not_reserved)]
    pub name: String,

    #[qovery(custom = even)]
    pub replicas: i32,

    #[qovery(nested)]
    pub sidecars: Vec<Sidecar>,
}

#[derive(Debug, Serialize, Deserialize, Validate)]
#[qovery(context = Reserved)]
pub struct Sidecar {
    #[qovery(custom = not_reserved)]
    pub name: String,
}

fn found(report: &qovery_model::validate::Report) -> Vec<(&str, &str, Severity, &str)> {
    report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code, d.severity, d.message.as_str()))
        .collect()
}

#[test]
fn a_function_is_a_custom_rule_named_after_it() {
    let release = Release {
        tag: "latest".to_owned(),
        replicas: Some(3),
        aliases: vec!["a".into(), "latest".into(), "c".into(), "d".into()],
        opaque: Opaque(0),
    };
    let report = release.validate();
    assert_eq!(
        found(&report),
        [
            (
                "/tag",
                "not_latest",
                Severity::Error,
                "`latest` is not a release; pin a version"
            ),
            ("/replicas", "odd_replicas", Severity::Warning, "3 is odd"),
            (
                "/aliases",
                "at_most_three",
                Severity::Error,
                "4 items, expected at most 3"
            ),
            (
                "/aliases/1",
                "not_latest",
                Severity::Error,
                "`latest` is not a release; pin a version"
            ),
        ]
    );
    let valid = Release {
        tag: "1.0".to_owned(),
        replicas: Some(2),
        aliases: vec!["a".into()],
        opaque: Opaque(0),
    };
    assert!(valid.validate().is_empty());
}

#[test]
fn a_function_rule_is_in_the_catalogue_and_validator_only() {
    let mut entries: Vec<CatalogueEntry> = Vec::new();
    Release::describe_rules("", &mut entries);
    let rules: Vec<(&str, &str, &str)> = entries
        .iter()
        .map(|e| (e.pointer.as_str(), e.rule.code, e.rule.description))
        .collect();
    assert_eq!(
        rules,
        [
            ("/tag", "not_blank", "the value is not blank"),
            ("/tag", "not_latest", "the value passes `not_latest`"),
            ("/replicas", "odd_replicas", "the value passes `even`"),
            (
                "/aliases",
                "at_most_three",
                "the value passes `at_most_three`"
            ),
            (
                "/aliases/*",
                "not_latest",
                "each element passes `not_latest`"
            ),
        ]
    );
    assert!(
        entries
            .iter()
            .skip(1)
            .all(|e| e.rule.schema == qovery_model::validate::SchemaSupport::ValidatorOnly)
    );
    // The library's own catalogue is not affected by a user's types.
    assert!(
        catalogue()
            .iter()
            .all(|r| r.entry.rule.code != "not_latest")
    );
}

#[test]
fn a_context_of_your_own_reaches_functions_rules_and_nested_types() {
    let service = Service {
        name: "admin".to_owned(),
        replicas: 3,
        sidecars: vec![Sidecar {
            name: "root".to_owned(),
        }],
    };
    let ctx = Reserved {
        names: vec!["admin", "root"],
    };
    let report = service.validate_with(&ctx);
    let codes: Vec<(&str, &str, &str)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code, d.message.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("/name", "not_reserved", "`admin` is reserved"),
            ("/replicas", "even", "3 is odd"),
            ("/sidecars/0/name", "not_reserved", "`root` is reserved"),
            (
                "/replicas",
                "replicas_above_reserved",
                "3 replicas for 2 names"
            ),
        ]
    );
    // `validate()` uses `Reserved::default()`: no name is reserved, no replica is allowed.
    let codes: Vec<&str> = service
        .validate()
        .diagnostics()
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["even", "replicas_above_reserved"]);
}

#[test]
fn a_generic_type_validates_its_items_without_a_written_bound() {
    let page = Page {
        items: vec![
            Probe::http(8080, "/ready"),
            Probe::http(8080, "ready"),
            Probe::tcp(70000),
        ],
    };
    let report = page.validate();
    let pointers: Vec<(&str, &str)> = report
        .diagnostics()
        .iter()
        .map(|d| (d.pointer.as_str(), d.code))
        .collect();
    assert_eq!(
        pointers,
        [
            ("/items", "length"),
            ("/items/1/type/http/path", "http_probe_path_relative"),
            ("/items/2/type/tcp/port", "range"),
        ]
    );
}

#[cfg(feature = "schema")]
#[test]
fn a_generic_type_opts_in_to_a_schema_per_instance() {
    use qovery_model::schemars::SchemaGenerator;
    let schema = SchemaGenerator::default().into_root_schema_for::<Page<Probe>>();
    let value = schema.to_value();
    assert_eq!(value["properties"]["items"]["maxItems"], 2);
    assert_eq!(
        value["properties"]["items"]["items"]["$ref"],
        "#/$defs/Probe"
    );
}
