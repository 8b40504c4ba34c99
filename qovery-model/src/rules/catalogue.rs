//! The registry of every rule, as data, and its Markdown rendering (`RULES.md`).
//!
//! Nothing here is written by hand per rule: the rows come from
//! [`Validate::describe_rules`](crate::validate::Validate::describe_rules) of the two payload
//! types, which the derive generates from the `#[qovery(...)]` declarations and the `RULES` lists
//! of the [`Rule`](crate::validate::Rule) implementations.

use super::fixes::{FIXES, FixInfo, fix_info};
use super::structural::{STRUCTURAL, Structural};
use crate::model::{ContainerRequest, ContainerResponse};
use crate::validate::{CatalogueEntry, Diagnostic, RuleInfo, SchemaSupport, Validate};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::OnceLock;

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
///     .with_cpu(-1);
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

/// The Markdown table of `rows`, one row per entry; the first row of each code carries the
/// code's anchor ([`anchor`]).
pub fn markdown_table(rows: &[CatalogueRow]) -> String {
    rules_table(rows, &mut BTreeSet::new())
}

/// The anchor of a code's entry in `RULES.md` (`code-<code>`): on its row of the structural
/// codes, else on its first row of the rules table. A language server links each diagnostic to
/// it.
pub fn anchor(code: &str) -> String {
    format!("code-{code}")
}

/// The codes `RULES.md` documents, each with its [`anchor`]: the structural codes and every
/// catalogue rule's code (not the linter's own `io`, `internal`, `unused_suppression`).
pub fn documented_codes() -> &'static BTreeSet<&'static str> {
    static CODES: OnceLock<BTreeSet<&'static str>> = OnceLock::new();
    CODES.get_or_init(|| {
        STRUCTURAL
            .iter()
            .map(|s| s.code)
            .chain(catalogue().iter().map(|row| row.entry.rule.code))
            .collect()
    })
}

/// The code cell of a table row: the code, preceded by its anchor the first time it is seen.
fn code_cell(code: &'static str, anchored: &mut BTreeSet<&'static str>) -> String {
    if anchored.insert(code) {
        format!("<a id=\"{}\"></a>`{code}`", anchor(code))
    } else {
        format!("`{code}`")
    }
}

fn rules_table(rows: &[CatalogueRow], anchored: &mut BTreeSet<&'static str>) -> String {
    let mut out = String::from(
        "| code | severity | document | pointer | description | source | evidence | schema | fix |\n\
         |---|---|---|---|---|---|---|---|---|\n",
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
            "| {} | {} | {} | `{}` | {} | {} | {} | {} | {} |",
            code_cell(rule.code, anchored),
            rule.severity,
            row.document,
            cell(pointer),
            cell(rule.description),
            rule.source,
            cell(rule.citation),
            schema,
            fix_info(rule.code).map_or("", FixInfo::safety),
        );
    }
    out
}

fn structural_rows<'s>(
    codes: impl IntoIterator<Item = &'s Structural>,
    anchored: &mut BTreeSet<&'static str>,
) -> String {
    let mut out = String::from("| code | severity | source | description |\n|---|---|---|---|\n");
    for s in codes {
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            code_cell(s.code, anchored),
            s.severity,
            s.source,
            cell(s.description)
        );
    }
    out
}

/// The table of [`FIXES`]: code, safety, what the fix does.
pub fn fixes_table() -> String {
    let mut out = String::from("| code | fix | what it does |\n|---|---|---|\n");
    for fix in FIXES {
        let what = match fix.unsafe_when {
            Some(when) => format!("{}; unsafe when {when}", fix.what),
            None => fix.what.to_owned(),
        };
        // Writing into a String cannot fail.
        let _ = writeln!(
            out,
            "| `{}` | {} | {} |",
            fix.code,
            fix.safety(),
            cell(&what)
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
    out.push_str(&fixes_table());
    out.push('\n');
    out.push_str(&codes_markdown(
        STRUCTURAL,
        STRUCTURAL_PREAMBLE,
        &catalogue(),
    ));
    out
}

/// The sections `## Structural codes` (with `note` under the heading) and `## Rules`: each
/// code's anchor ([`anchor`]) once, on its structural row or its first rule row.
pub fn codes_markdown<'s>(
    structural: impl IntoIterator<Item = &'s Structural>,
    note: &str,
    rows: &[CatalogueRow],
) -> String {
    let mut anchored = BTreeSet::new();
    let mut out = String::from("## Structural codes\n\n");
    out.push_str(note);
    out.push_str(&structural_rows(structural, &mut anchored));
    out.push_str("\n## Rules\n\n");
    out.push_str(&rules_table(rows, &mut anchored));
    out
}

const STRUCTURAL_PREAMBLE: &str =
    "What the document checker reports about a document's syntax and shape, before and beside the
rules below (`qovery_model::rules::structural`). The linter adds `io` (a file that cannot be read),
`internal` (the checker failed) and `unused_suppression` (see `docs/configuration.md`).

";

const PREAMBLE: &str = r#"# Rules

<!-- Generated by `UPDATE_RULES_MD=1 cargo test --test rules_catalogue` from
     `qovery_model::rules::rules_markdown()`. Do not edit by hand. -->

Every rule the validator checks on a `ContainerRequest` (the body of `POST /environment/{id}/container`
and `PUT /container/{id}`) and on a `ContainerResponse`. Each rule is declared once, on the model types
(`#[qovery(...)]`) or in `qovery-model/src/rules/`; this file, the validator, the JSON Schema export,
`qovery-lint rules` and `qovery-lint explain` are all generated from those declarations.

## Evidence order

A rule's level comes from evidence of what Qovery and Kubernetes do, in this order:

1. **What Qovery's API demonstrably accepts is never an error**, whatever the spec's prose says: the
   payloads its own console, CLI and Terraform provider send, and the Terraform provider's acceptance
   tests, which run against the live API. `qovery-model/tests/corpus/clients/` holds such payloads,
   each with its provenance; `qovery-model/tests/client_corpus.rs` fails on the first error any of
   them gets.
2. **An error needs a rejecting authority**: Kubernetes' API validation (the function is named:
   `validateProbe`, `validateHTTPGetAction`, `ValidateVolumeMounts`...), a registry's own reference
   grammar, Qovery's engine being unable to render or route the value (the template or function is
   named), or a keyword of the API's own OpenAPI contract (`enum`, `minimum`, `minItems`, `format`)
   that no client contradicts.
3. **A restriction only one client imposes** (a console form's bound, a Terraform validator) is a
   warning that names the client: a payload written for the API but refused by Terraform is flagged,
   not failed.
4. **A rule with no source beyond reasoning** is `inferred`, and at most a warning.

The `evidence` column cites what was read for each row: a repository at a commit, a path and a line,
or the Kubernetes function (`pkg/apis/core/validation/validation.go` unless said otherwise). The
Qovery sources were read at Qovery/console@720181b1c50b, Qovery/terraform-provider-qovery@c186979cbf9c,
Qovery/engine@59fa717daacd and Qovery/qovery-cli@210d6c63cd2c; `qovery-model/spec/` is the pinned OpenAPI spec (cited as `spec/`).

## Severities

- **error**: a rejecting authority (above) refuses the payload, or the engine cannot deploy it.
- **warning**: the API accepts the payload, but one client refuses it, Kubernetes silently replaces
  the value, or it is almost certainly not what was meant.

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
| spec prose | the text of a description in that spec ("Minimum size is 4 GB", "-1 means no limit"): never enough for an error alone |
| kubernetes | Kubernetes' API validation or defaulting of the objects Qovery creates (probes, ports, volume mounts), by function |
| engine | Qovery's engine: the template or function that renders the value, or refuses it |
| registry grammar | the Docker reference grammar (`distribution/reference`) or a registry's repository naming |
| terraform provider | Qovery's Terraform provider validators and domain checks |
| console | Qovery's web console forms and payload builders |
| inferred | reasoning only, not stated by Qovery or Kubernetes as a rule |

## What Qovery's clients send

- **Inline KEDA trigger authentication**: the console omits `name` ("Inline trigger authentication must
  not have a name (will be auto-generated)"), so `name` is optional although the spec lists it as
  required; a set but blank `name` is a warning (the Terraform provider refuses it).
- **Storage size**: the spec prose says "Minimum size is 4 GB" and the console offers 4 to 512 GB, but
  the Terraform provider's acceptance test `TestAcc_ContainerWithStorage` creates and reads back size 1
  against the live API. Below 1 is an error (Kubernetes refuses a volume claim of `0Gi`); 1 to 3 and
  above 512 are warnings naming the console. The exported schema says `minimum: 1`.
- **HTTP probe `path: null`**: the console sends it whenever the path field is empty; the API reads it
  as omitted (its default `/`). The schema accepts `null` there, and for the five probe timings, which
  the console sends as `null` when their field is emptied. An empty string is still an error
  (`validateHTTPGetAction`); a path without a leading `/` is a warning.
- **Probe timings of 0**: Kubernetes' `SetDefaults_Probe` replaces a 0 period, timeout, success or
  failure threshold with its default (10, 1, 1, 3) before `validateProbe` checks them (non-negative),
  so 0 is a warning (`probe_zero_defaulted`) that says which default applies; a negative value is an
  error.
- **Whole group objects in `labels_groups` and `annotations_groups`**: the console sends each group as
  the organization returns it (`name`, `created_at`, `labels`, `associated_items_count`...). The API
  reads only `id`. Those members are declared in the request schema (described as ignored), so the
  console's payloads get no `unknown_member` warning and pass `--strict`; any other member is still
  reported as unknown.
- **`min_running_instances` 0 without `autoscaling`**: the engine refuses it ("min_instances must be
  greater than 0"), so it is an error; with KEDA `autoscaling`, 0 (scale to zero) is allowed.
- **`max_running_instances` below `min_running_instances`**: compared on the effective values, so an
  omitted field counts with its spec default (1); the engine refuses it. With `autoscaling`, `min` must
  be strictly below `max` (Terraform provider and console, a warning), unless `max` is -1.
- **`http.scheme`**: the spec has no enum; Kubernetes accepts only `HTTP` and `HTTPS`, so `https` in lower
  case is an error, with the fix in the help. The console always sends `HTTP`.
- **Ports**: Kubernetes only sees `internal_port` (the engine names each port `p<internal_port>`), so two
  ports on one `internal_port` are an error, while a duplicated or blank `name`, an `external_port`
  outside 1 to 65535 or on a private port (the API drops it) are warnings.
- **`registry_id`**: a plain string in the spec; the Terraform provider parses it as a UUID, a warning.
- **`image_name` and `tag`**: the engine pulls `<registry>/<image_name>:<tag>`, so the Docker reference
  grammar (lower-case path components, at most 255 characters, a tag of `[\w][\w.-]{0,127}`, no tag or
  digest inside `image_name`) is an error. The shapes per registry kind that the spec states (ECR,
  SCALEWAY_CR, DOCKER_HUB, PUBLIC_ECR) are errors; GITHUB_CR, GITHUB_ENTERPRISE_CR, GITLAB_CR and
  GCP_ARTIFACT_REGISTRY shapes are inferred warnings. For a request, the kind comes from the caller's
  context (the payload only names the registry by id); without it these rules are skipped.
- **A registry host in front of `image_name`** (`docker.io/library/nginx`): a warning, since a first
  component with a dot can be a legitimate repository name; with a port (`localhost:5000/api`) it is an
  error, since `:` is never valid in a repository path.
- **`config_yaml`** (of a scaler and of a trigger authentication) should parse as YAML: a warning, since no
  rejecting authority was found; the check needs the `yaml` feature.
- **Ids typed as UUIDs** (`id` fields, `annotations_groups[].id`, `environment.id`...) are checked when the
  payload is read (a value that is not a UUID does not deserialize), so they have no rule of their own here.
  `KedaTriggerAuthenticationResponse.organization_id` has no `uuid` format in the spec and gets none.
- **Mount points**: Kubernetes' `ValidateVolumeMounts` requires a non-empty, unique path (an error); the
  shape (absolute, not `/` alone, no `.` or `..` segment) is the console's (a warning). Uniqueness
  ignores trailing slashes (`/data` and `/data/` are the same directory).
- **Probe defaults**: the spec's defaults are initial delay 30 s, period 10 s, timeout 5 s, success 1,
  failure 9; the console's forms start from timeout 1 s (readiness) and failure 3. The schema's `default`s
  and the `*_or_default()` accessors follow the spec, which is what the API applies to an omitted field.

## Schema column

`keyword` means the exported JSON Schema has a construct that rejects exactly what the rule rejects.
`validator only` means JSON Schema cannot say it (cross-field, registry-kind dependent, uniqueness) or
the rule is a warning: the schema says what the API accepts, so a warning is never a schema keyword.
The schema names these rules in the type's description instead.

## Fixes

`qovery-lint check --fix` applies the **safe** fixes (the payload keeps the meaning its author intended) and
`--unsafe-fixes` adds the **unsafe** ones (probably right, but they change what the payload says); `--diff`
shows them without writing. A fix edits only the bytes of the values it repairs: key order, indentation,
comments, quoting style and line ends are kept. The `fix` column of the table below says which rules have one.

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
