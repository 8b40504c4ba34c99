//! The registry of every rule, as data, and its Markdown rendering (`RULES.md`).
//!
//! Nothing here is written by hand per rule: the rows come from
//! [`Validate::describe_rules`](crate::validate::Validate::describe_rules) of the two payload
//! types, which the derive generates from the `#[qovery(...)]` declarations and the `RULES` lists
//! of the [`Rule`](crate::validate::Rule) implementations.

use crate::model::{ContainerRequest, ContainerResponse};
use crate::validate::{CatalogueEntry, Diagnostic, RuleInfo, SchemaSupport, Validate};
use std::fmt::Write as _;

/// The document kind of a [`CatalogueRow`] for [`ContainerRequest`] rules.
pub const REQUEST: &str = "request";

/// The document kind of a [`CatalogueRow`] for [`ContainerResponse`] rules.
pub const RESPONSE: &str = "response";

/// One rule as it applies to one document kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueRow {
    /// [`REQUEST`] or [`RESPONSE`].
    pub document: &'static str,
    /// The rule, with its absolute pointer pattern (`*` for any array index).
    pub entry: CatalogueEntry,
}

/// Every rule: the [`ContainerRequest`] rules, then the [`ContainerResponse`] rules, each in the
/// order of the fields they apply to.
///
/// ```
/// let rows = qovery_model::rules::catalogue();
/// assert!(rows.iter().any(|r| r.document == "request" && r.entry.pointer == "/cpu"));
/// ```
pub fn catalogue() -> Vec<CatalogueRow> {
    let mut request = Vec::new();
    ContainerRequest::describe_rules("", &mut request);
    let mut response = Vec::new();
    ContainerResponse::describe_rules("", &mut response);
    request
        .into_iter()
        .map(|entry| CatalogueRow {
            document: REQUEST,
            entry,
        })
        .chain(response.into_iter().map(|entry| CatalogueRow {
            document: RESPONSE,
            entry,
        }))
        .collect()
}

/// The rows whose code is `code` (for `qovery-lint explain <code>`); empty for an unknown code.
///
/// ```
/// let rows = qovery_model::rules::find("image_name_tag");
/// assert!(!rows.is_empty());
/// assert!(rows.iter().all(|r| r.entry.rule.code == "image_name_tag"));
/// ```
pub fn find(code: &str) -> Vec<CatalogueRow> {
    catalogue()
        .into_iter()
        .filter(|row| row.entry.rule.code == code)
        .collect()
}

/// The rule that reported `diagnostic`: the catalogue rule with its code and severity whose
/// pointer pattern matches its pointer (`*` matching any array index), or `None` for a
/// structural diagnostic of the raw-document checker (`type`, `required`, `syntax`...), which has
/// no rule, and for a diagnostic of a type other than the two payloads.
///
/// ```
/// use qovery_model::model::ContainerRequest;
/// use qovery_model::rules::rule_of;
/// use qovery_model::validate::{Validate, codes};
///
/// let request = ContainerRequest::new("api", "7b0a4c0e-31b3-4a7e-9d4e-5a1f0c9b8d21", "acme/api", "1.4.2")
///     .with_cpu(0);
/// let report = request.validate();
/// let rule = rule_of(&report.diagnostics()[0]).expect("a catalogue rule");
/// assert_eq!((rule.code, rule.pointer), (codes::RANGE, "/cpu"));
/// println!("{}, from the {}", rule.description, rule.source);
/// ```
pub fn rule_of(diagnostic: &Diagnostic) -> Option<&'static RuleInfo> {
    catalogue()
        .into_iter()
        .map(|row| row.entry)
        .find(|entry| {
            entry.rule.code == diagnostic.code
                && entry.rule.severity == diagnostic.severity
                && pointer_matches(&entry.pointer, &diagnostic.pointer)
        })
        .map(|entry| entry.rule)
}

/// Whether `pointer` is an instance of `pattern`, where a `*` token stands for any array index.
fn pointer_matches(pattern: &str, pointer: &str) -> bool {
    let mut tokens = pointer.split('/');
    pattern.split('/').all(|expected| {
        tokens.next().is_some_and(|token| {
            expected == token
                || (expected == "*"
                    && !token.is_empty()
                    && token.bytes().all(|b| b.is_ascii_digit()))
        })
    }) && tokens.next().is_none()
}

/// Every distinct code, in catalogue order.
pub fn codes() -> Vec<&'static str> {
    let mut codes: Vec<&'static str> = Vec::new();
    for row in catalogue() {
        if !codes.contains(&row.entry.rule.code) {
            codes.push(row.entry.rule.code);
        }
    }
    codes
}

/// `rows` as a Markdown table: code, severity, document, pointer, description, source, schema.
pub fn markdown_table(rows: &[CatalogueRow]) -> String {
    let mut out = String::from(
        "| code | severity | document | pointer | description | source | schema |\n\
         |---|---|---|---|---|---|---|\n",
    );
    for row in rows {
        let rule = row.entry.rule;
        let pointer = if row.entry.pointer.is_empty() {
            "(root)"
        } else {
            row.entry.pointer.as_str()
        };
        let schema = match rule.schema {
            SchemaSupport::Keyword => "keyword",
            _ => "validator only",
        };
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | `{}` | {} | {} | {} |",
            rule.code,
            rule.severity,
            row.document,
            cell(pointer),
            cell(rule.description),
            rule.source,
            schema,
        );
    }
    out
}

/// Escapes a table cell: `|` would end it, a line break would end the row.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// The whole `RULES.md`: the preamble (severities, sources, the choices made where the sources
/// disagree) and the table of [`catalogue()`].
pub fn rules_markdown() -> String {
    let mut out = String::from(PREAMBLE);
    out.push_str(&markdown_table(&catalogue()));
    out
}

const PREAMBLE: &str = r#"# Rules

<!-- Generated by `UPDATE_RULES_MD=1 cargo test --test rules_catalogue` from
     `qovery_model::rules::rules_markdown()`. Do not edit by hand. -->

Every rule the validator checks on a `ContainerRequest` (the body of `POST /environment/{id}/container`
and `PUT /container/{id}`) and on a `ContainerResponse`. Each rule is declared once, on the model types
(`#[qovery(...)]`) or in `qovery-model/src/rules/`; this file, the validator, the JSON Schema export and
`qovery-lint rules` are all generated from those declarations.

## Severities

- **error**: Qovery or Kubernetes would reject the payload, or silently drop what it says.
- **warning**: the payload is accepted but is almost certainly not what was meant, or the rule is inferred
  rather than documented.

An enum value outside the spec's list is an error in a request and a warning in a response: responses are
forward-compatible, and Qovery adds values (service types, registry kinds) faster than clients follow.
Types shared by both documents (`Healthchecks`, `Probe` and the probe kinds) are checked the same way in both.

These severities are the defaults. A team can set any code to `off`, `warn` or `error` in `.qovery-lint.toml`
(`[rules]`, `[[overrides]]` by file glob and JSON Pointer), on the command line (`--allow`, `--warn`, `--deny`)
and, in YAML, silence it with `# qovery-lint: allow(CODE)` (see `docs/configuration.md`). Every rule may be
silenced, including the ones Qovery would reject anyway (`type`, `required`): a team may keep partial payloads
or templates on purpose. Four codes of the linter stay errors whatever the configuration says: `io`, `syntax`,
`limit` and `internal`. Each means the file was not checked at all (it cannot be read, is not JSON or YAML, is
over a limit, or the checker failed), so silencing it would let a file nobody checked pass.

## Sources

| source | meaning |
|---|---|
| spec | a keyword of Qovery's OpenAPI spec (`minimum`, `minItems`, `format`, `enum`) |
| spec prose | the text of a description in that spec ("Minimum size is 4 GB", "-1 means no limit", the `image_name` patterns) |
| kubernetes | Kubernetes' API validation of the objects Qovery creates (probes, ports, volume mounts) |
| terraform provider | Qovery's Terraform provider validators and domain checks |
| console | Qovery's web console forms |
| inferred | Qovery's documentation and the registries' own naming rules, not stated by Qovery as a rule |

## Where the sources disagree

- **Storage size**: the spec prose says "Minimum size is 4 GB" and the console uses 4 to 512 GB; the
  Terraform provider accepts 1. The rule follows the spec (`size` >= 4 is an error), since the spec is the
  API's contract and the console, which talks to the same API, never sends less. Above 512 GB (the console's
  limit) is a warning: the API may accept it.
- **Probe defaults**: the spec's defaults are initial delay 30 s, period 10 s, timeout 5 s, success 1,
  failure 9; the console's forms start from timeout 1 s (readiness) and failure 3. The schema's `default`s
  and the `*_or_default()` accessors follow the spec, which is what the API applies to an omitted field.
  No rule depends on the defaults.
- **`min_running_instances` 0 without `autoscaling`**: the Terraform provider rejects it, the spec allows it
  (`minimum: 0`, "0 means that there is no container running"). It is a warning: the API accepts it, but no
  container will run.
- **`max_running_instances` below `min_running_instances`**: compared on the effective values, so an omitted
  field counts with its spec default (1). With `autoscaling`, `min` must be strictly below `max` (Terraform
  provider, console), unless `max` is -1.
- **`http.path`**: Kubernetes rejects an empty path; the rule also asks for a leading `/` (the spec's default
  and every example), since the path is sent as the request's absolute path.
- **`http.scheme`**: the spec has no enum; Kubernetes accepts only `HTTP` and `HTTPS` (the Terraform provider
  documents the same), so `https` in lower case is an error, with the fix in the help.
- **Inferred rules that are errors**: the Docker reference grammar (`tag`, the 255-character `image_name`)
  and a blank exec `command` item are not stated by Qovery, but the image pull or the probe fails every time,
  so they are errors.
- **Probe port not among the declared ports**: a warning (the console only offers declared ports, but a
  container may listen on a port it does not expose).
- **`config_yaml`** (of a scaler and of a trigger authentication) must parse as YAML; the check needs the
  `yaml` feature, and its description says so when the build has it off.
- **`registry_id`**: a plain string in the spec; the Terraform provider parses it as a UUID, so the UUID format
  is the rule, and it also rejects a blank value (no separate not-blank rule).
- **`image_name` per registry kind**: the spec names the pattern of four kinds (ECR, SCALEWAY_CR, DOCKER_HUB,
  PUBLIC_ECR): errors. The shapes of GITHUB_CR, GITHUB_ENTERPRISE_CR, GITLAB_CR and GCP_ARTIFACT_REGISTRY
  come from Qovery's documentation and the registries' naming: warnings. AZURE_CR and GENERIC_CR take any
  repository path, which the general `image_name` grammar already checks. For a request, the kind comes from
  the caller's context (the payload only names the registry by id); without it these rules are skipped.
- **A registry host in front of `image_name`** (`docker.io/library/nginx`): a warning, since a first
  component with a dot can be a legitimate repository name; with a port (`localhost:5000/api`) it is an error,
  since `:` is never valid in a repository path.
- **Ids typed as UUIDs** (`id` fields, `annotations_groups[].id`, `environment.id`...) are checked when the
  payload is read (a value that is not a UUID does not deserialize), so they have no rule of their own here.
  `KedaTriggerAuthenticationResponse.organization_id` has no `uuid` format in the spec and gets none.
- **Port and mount point uniqueness**: ports are compared by `internal_port` and by `name`
  (case-insensitively); mount points after removing trailing slashes (`/data` and `/data/` are the same
  directory).

## Schema column

`keyword` means the exported JSON Schema has a construct that rejects exactly what the rule rejects (a
warning rule there is still only a warning for the validator). `validator only` means JSON Schema cannot say
it (cross-field, registry-kind dependent, uniqueness); the schema names these rules in the type's
description instead.

## Rules

"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_patterns_match_indices_only_where_they_say() {
        assert!(pointer_matches("", ""));
        assert!(pointer_matches("/ports/*/name", "/ports/12/name"));
        assert!(!pointer_matches("/ports/*/name", "/ports/x/name"));
        assert!(!pointer_matches("/ports/*/name", "/ports//name"));
        assert!(!pointer_matches("/ports/*", "/ports/0/name"));
        assert!(!pointer_matches("/ports/*/name", "/ports/0"));
        assert!(!pointer_matches("/cpu", ""));
    }

    #[test]
    fn cells_escape_pipes() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
    }

    #[test]
    fn every_code_is_snake_case_and_found() {
        for code in codes() {
            assert!(
                code.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{code}"
            );
            assert!(!find(code).is_empty());
        }
        assert!(find("no_such_code").is_empty());
    }
}
