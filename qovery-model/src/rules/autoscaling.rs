//! KEDA autoscaling: the scalers' configuration, at least one enabled scaler, YAML syntax.
//!
//! The value rules (mode KEDA, at least one scaler, a non-blank `scaler_type`, a known `role`,
//! `polling_interval_seconds` >= 1, `cooldown_period_seconds` >= 0, a non-blank trigger
//! authentication `name`) are keywords on the autoscaling types. The Terraform provider's
//! validators (`scaler_config_validator.go`, `autoscaling.go`) are the source of the rest.

use crate::model::{KedaScalerRequest, KedaScalerResponse};
use crate::validate::{Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes};
use serde_json::{Map, Value, json};

/// Exactly one of `config_json` and `config_yaml`.
pub const SCALER_CONFIG: RuleInfo = RuleInfo {
    code: codes::SCALER_CONFIG,
    severity: Severity::Error,
    source: Source::TerraformProvider,
    citation: "Qovery/terraform-provider-qovery@c186979 qovery/validators/scaler_config_validator.go:13-15 (\"mirrors the API constraints (config_json ⊻ config_yaml ...)\"), :53-56",
    pointer: "",
    description: "the scaler sets exactly one of `config_json` and `config_yaml` (null counts as not set)",
    schema: SchemaSupport::Keyword,
};

/// Exactly one of `config_json` and `config_yaml`.
pub struct ScalerConfig;

impl<C: ?Sized> Rule<KedaScalerRequest, C> for ScalerConfig {
    const RULES: &'static [RuleInfo] = &[SCALER_CONFIG];

    fn check(scaler: &KedaScalerRequest, _: &C, path: &Path<'_>, report: &mut Report) {
        check_config(
            scaler.config_json.is_some(),
            scaler.config_yaml.is_some(),
            path,
            report,
        );
    }

    fn schema(schema: &mut Map<String, Value>) {
        config_schema(schema);
    }
}

impl<C: ?Sized> Rule<KedaScalerResponse, C> for ScalerConfig {
    const RULES: &'static [RuleInfo] = &[SCALER_CONFIG];

    fn check(scaler: &KedaScalerResponse, _: &C, path: &Path<'_>, report: &mut Report) {
        check_config(
            scaler.config_json.is_value(),
            scaler.config_yaml.is_value(),
            path,
            report,
        );
    }

    fn schema(schema: &mut Map<String, Value>) {
        config_schema(schema);
    }
}

fn check_config(json: bool, yaml: bool, path: &Path<'_>, report: &mut Report) {
    match (json, yaml) {
        (true, true) => report.push_with_help(
            &SCALER_CONFIG,
            path,
            "the scaler sets both config_json and config_yaml; expected exactly one".to_owned(),
            "keep one of `config_json` and `config_yaml`".to_owned(),
        ),
        (false, false) => report.push(
            &SCALER_CONFIG,
            path,
            "the scaler sets neither config_json nor config_yaml; expected exactly one, holding the KEDA trigger's metadata".to_owned(),
        ),
        _ => {}
    }
}

/// Exactly one of the two members is present and not null.
fn config_schema(schema: &mut Map<String, Value>) {
    super::push_all_of(
        schema,
        json!({ "oneOf": [
            { "required": ["config_json"], "properties": { "config_json": { "type": "object" } } },
            { "required": ["config_yaml"], "properties": { "config_yaml": { "type": "string" } } }
        ] }),
    );
}

/// At least one scaler enabled.
pub const NO_ENABLED_SCALER: RuleInfo = RuleInfo {
    code: codes::NO_ENABLED_SCALER,
    severity: Severity::Error,
    source: Source::TerraformProvider,
    citation: "Qovery/terraform-provider-qovery@c186979 qovery/validators/scaler_config_validator.go:13-15 (\"the requirement that a KEDA policy carries at least one enabled scaler\"), :60-70",
    pointer: "",
    description: "at least one scaler is enabled (`enabled` defaults to true)",
    schema: SchemaSupport::ValidatorOnly,
};

/// At least one enabled scaler (an empty list is the `length` keyword's business).
pub struct EnabledScaler;

impl<C: ?Sized> Rule<Vec<KedaScalerRequest>, C> for EnabledScaler {
    const RULES: &'static [RuleInfo] = &[NO_ENABLED_SCALER];

    fn check(scalers: &Vec<KedaScalerRequest>, _: &C, path: &Path<'_>, report: &mut Report) {
        if !scalers.is_empty() && !scalers.iter().any(KedaScalerRequest::enabled_or_default) {
            report_none_enabled(scalers.len(), path, report);
        }
    }
}

impl<C: ?Sized> Rule<Vec<KedaScalerResponse>, C> for EnabledScaler {
    const RULES: &'static [RuleInfo] = &[NO_ENABLED_SCALER];

    fn check(scalers: &Vec<KedaScalerResponse>, _: &C, path: &Path<'_>, report: &mut Report) {
        if !scalers.is_empty() && !scalers.iter().any(|s| s.enabled) {
            report_none_enabled(scalers.len(), path, report);
        }
    }
}

fn report_none_enabled(count: usize, path: &Path<'_>, report: &mut Report) {
    let found = if count == 1 {
        "the only scaler is disabled".to_owned()
    } else {
        format!("all {count} scalers are disabled")
    };
    report.push_with_help(
        &NO_ENABLED_SCALER,
        path,
        format!("{found} (`enabled: false`); expected at least one enabled scaler"),
        "set `enabled` to true on one scaler, or remove `autoscaling`".to_owned(),
    );
}

/// Whether this build parses `config_yaml` (feature `yaml`).
pub const YAML_CHECKED: bool = cfg!(feature = "yaml");

/// `config_yaml` parses as YAML.
pub const CONFIG_YAML_SYNTAX: RuleInfo = RuleInfo {
    code: codes::CONFIG_YAML_SYNTAX,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml KedaScalerRequest.config_yaml (\"raw YAML\"); no rejecting authority found (the engine at 59fa717 has no KEDA template)",
    pointer: "",
    description: if YAML_CHECKED {
        "`config_yaml` is a YAML document (\"raw YAML\"); checked with a YAML 1.2 parser"
    } else {
        "`config_yaml` is a YAML document (\"raw YAML\"); not checked by this build (enable the `yaml` feature)"
    },
    schema: SchemaSupport::ValidatorOnly,
};

/// `config_yaml` (of a scaler or a trigger authentication) parses as YAML. Without the `yaml`
/// feature, nothing is checked.
pub struct YamlSyntax;

impl<C: ?Sized> Rule<String, C> for YamlSyntax {
    const RULES: &'static [RuleInfo] = &[CONFIG_YAML_SYNTAX];

    fn check(text: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if let Some((problem, line, column)) = yaml_error(text) {
            report.push(
                &CONFIG_YAML_SYNTAX,
                path,
                format!(
                    "config_yaml is not valid YAML: {problem} at line {line}, column {column} of the string; expected a YAML document"
                ),
            );
        }
    }
}

/// The first syntax error of `text`, with its 1-based line and column.
#[cfg(feature = "yaml")]
fn yaml_error(text: &str) -> Option<(String, usize, usize)> {
    saphyr_parser::Parser::new_from_str(text).find_map(|event| {
        event.err().map(|error| {
            let marker = error.marker();
            (error.info().to_owned(), marker.line(), marker.col() + 1)
        })
    })
}

#[cfg(not(feature = "yaml"))]
fn yaml_error(_: &str) -> Option<(String, usize, usize)> {
    None
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    #[test]
    fn yaml_errors_have_positions() {
        assert_eq!(yaml_error("query: up\nthreshold: '5'\n"), None);
        assert_eq!(yaml_error(""), None);
        let (_, line, _) = yaml_error("a: [1, 2\nb: 3").unwrap_or_default();
        assert!(line >= 1);
        assert!(yaml_error("a: b: c").is_some());
    }
}
