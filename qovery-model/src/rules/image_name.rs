//! `image_name`: an OCI repository path, never a full image reference, and the shape each
//! registry kind expects.
//!
//! Qovery pulls `<registry url>/<image_name>:<tag>` (the engine joins the three), so
//! `image_name` is the repository path below the registry's URL: lower-case components
//! `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*` joined by `/` (the OCI distribution spec's grammar), at
//! most 255 characters (the length is a keyword on the field). The usual mistakes (a tag, a
//! digest, upper case, a registry host in front) each get their own code and a fix.

use super::first_bad_char;
use crate::model::{RegistryContext, RegistryKind};
use crate::validate::fix::sibling;
use crate::validate::quote::{self, clip, show};
use crate::validate::{
    Applicability, Change, Path, Repair, Report, Rule, RuleInfo, Scalar, SchemaSupport, Severity,
    Source, codes,
};
use regex::Regex;
use std::sync::LazyLock;

/// The OCI repository path grammar, anchored (ECMA-262 compatible: it is also the schema's `pattern`).
pub const REPOSITORY_PATTERN: &str =
    r"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$";

pub(super) static REPOSITORY: LazyLock<Regex> = LazyLock::new(|| compile(REPOSITORY_PATTERN));

/// [`REPOSITORY_PATTERN`] without the regex engine, for the hot path (every valid payload):
/// `/`-separated components, each made of runs of `[a-z0-9]` joined by exactly one separator
/// (`.`, `_`, `__` or dashes). A deterministic automaton, one table lookup per byte. The tests
/// check it against the regex, which stays the authority. [`ImageName`] reads the state itself
/// ([`repository_state`]), to skip [`registry_host`] too.
#[cfg(test)]
fn is_repository(value: &str) -> bool {
    repository_state(value) & 7 == IN_RUN
}

/// The final state of [`REPOSITORY_DFA`] on `value`: the automaton's state in the low three
/// bits, with [`IN_FIRST`] and [`FIRST_DOT`] telling where the first `/` and `.` are.
fn repository_state(value: &str) -> u8 {
    let mut state = EXPECT_RUN | IN_FIRST;
    for &b in value.as_bytes() {
        state = REPOSITORY_DFA[usize::from(state & 31)][usize::from(b)];
    }
    state
}

/// Whether [`registry_host`] can find a host in a value whose [`repository_state`] is `state`,
/// when that state accepts: only when a `/` follows a first component with a `.` (a `:` is not
/// in a repository path) or `localhost`. Otherwise `registry_host` need not run.
fn may_have_host(state: u8, value: &str) -> bool {
    state & 7 != IN_RUN
        || (state & IN_FIRST == 0 && (state & FIRST_DOT != 0 || value.starts_with("localhost/")))
}

/// The states of [`REPOSITORY_DFA`]: a run of `[a-z0-9]` is expected (at the start, after `/`,
/// `.` or `__`); inside a run (the only accepting state); after one `_`; after dashes; and the
/// dead state.
const EXPECT_RUN: u8 = 0;
const IN_RUN: u8 = 1;
const AFTER_UNDERSCORE: u8 = 2;
const AFTER_DASHES: u8 = 3;
const DEAD: u8 = 4;
/// Flag: no `/` read yet.
const IN_FIRST: u8 = 8;
/// Flag: a `.` read before the first `/`.
const FIRST_DOT: u8 = 16;

/// The transitions of [`repository_state`], by state (the three bits of the automaton and the
/// two flags: 32 rows, so that `state & 31` needs no bounds check) then byte.
static REPOSITORY_DFA: [[u8; 256]; 32] = {
    // The automaton alone (rows 5 to 7 are never reached and stay dead).
    let mut automaton = [[DEAD; 256]; 8];
    let mut b = 0;
    while b < 256 {
        // `b` < 256: the cast is exact.
        let c = b as u8;
        let alnum = c.is_ascii_lowercase() || c.is_ascii_digit();
        if alnum {
            automaton[EXPECT_RUN as usize][b] = IN_RUN;
            automaton[IN_RUN as usize][b] = IN_RUN;
            automaton[AFTER_UNDERSCORE as usize][b] = IN_RUN;
            automaton[AFTER_DASHES as usize][b] = IN_RUN;
        }
        b += 1;
    }
    automaton[IN_RUN as usize][b'/' as usize] = EXPECT_RUN;
    automaton[IN_RUN as usize][b'.' as usize] = EXPECT_RUN;
    automaton[IN_RUN as usize][b'_' as usize] = AFTER_UNDERSCORE;
    automaton[IN_RUN as usize][b'-' as usize] = AFTER_DASHES;
    automaton[AFTER_UNDERSCORE as usize][b'_' as usize] = EXPECT_RUN;
    automaton[AFTER_DASHES as usize][b'-' as usize] = AFTER_DASHES;
    // The same, with the flags carried along.
    let mut table = [[DEAD; 256]; 32];
    let mut row = 0;
    while row < 32 {
        let mut b = 0;
        while b < 256 {
            // `row` < 32: the cast is exact.
            let mut flags = row as u8 & (IN_FIRST | FIRST_DOT);
            if flags & IN_FIRST != 0 {
                if b == b'/' as usize {
                    flags &= !IN_FIRST;
                } else if b == b'.' as usize {
                    flags |= FIRST_DOT;
                }
            }
            table[row][b] = automaton[row & 7][b] | flags;
            b += 1;
        }
        row += 1;
    }
    table
};

/// Compiles a pattern of this module: a constant of the source, never input, checked by tests.
#[allow(clippy::expect_used)]
pub(crate) fn compile(pattern: &str) -> Regex {
    Regex::new(pattern).expect("a constant pattern of qovery_model::rules")
}

/// Any violation of the repository grammar not covered by a more specific code below.
pub const IMAGE_NAME: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "distribution/reference regexp.go (path-component = `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`)",
    pointer: "",
    description: "a repository path: lower-case components `[a-z0-9]+((\\.|_|__|-+)[a-z0-9]+)*` joined by `/`",
    schema: SchemaSupport::Keyword,
};

/// `nginx:1.27`: the tag belongs in `tag`.
pub const IMAGE_NAME_TAG: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_TAG,
    severity: Severity::Error,
    source: Source::Engine,
    citation: "Qovery/engine@59fa717 src/environment/models/container.rs:251 (`{repository}/{image_name}:{image_tag}`: a second `:tag` makes no reference)",
    pointer: "",
    description: "holds no tag (`nginx:1.27`): the tag goes in `tag`",
    schema: SchemaSupport::Keyword,
};

/// `nginx@sha256:...`: Qovery pulls by tag.
pub const IMAGE_NAME_DIGEST: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_DIGEST,
    severity: Severity::Error,
    source: Source::Engine,
    citation: "Qovery/engine@59fa717 src/environment/models/container.rs:251 (`{repository}/{image_name}:{image_tag}`: `name@digest:tag` is no reference)",
    pointer: "",
    description: "holds no digest (`nginx@sha256:...`): Qovery pulls `image_name:tag`",
    schema: SchemaSupport::Keyword,
};

/// `MyOrg/API`: repository paths are lower case.
pub const IMAGE_NAME_UPPERCASE: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_UPPERCASE,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "distribution/reference regexp.go (path-component = `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`): lower case only",
    pointer: "",
    description: "has no upper-case letter: repository paths are lower case",
    schema: SchemaSupport::Keyword,
};

/// `docker.io/library/nginx`: the host comes from the registry.
pub const IMAGE_NAME_REGISTRY_HOST: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_REGISTRY_HOST,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "Qovery/engine@59fa717 src/environment/models/container.rs:251 prefixes the registry's host; a first component with a dot is legal in distribution/reference regexp.go (path-component = `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`)",
    pointer: "",
    description: "does not start with a registry host (`docker.io/`, `ghcr.io/`): the host comes from the registry's URL (a first component with a dot can be legitimate, hence a warning)",
    schema: SchemaSupport::ValidatorOnly,
};

/// The repository grammar and its usual mistakes, on the `image_name` field (request and
/// response). A blank value is left to `not_blank`.
pub struct ImageName;

impl<C: ?Sized> Rule<String, C> for ImageName {
    const RULES: &'static [RuleInfo] = &[
        IMAGE_NAME,
        IMAGE_NAME_TAG,
        IMAGE_NAME_DIGEST,
        IMAGE_NAME_UPPERCASE,
        IMAGE_NAME_REGISTRY_HOST,
    ];

    fn check(value: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if crate::validate::keyword::is_blank(value) {
            return;
        }
        let state = repository_state(value);
        if state & 7 == IN_RUN || REPOSITORY.is_match(value) {
            if may_have_host(state, value)
                && let Some(host) = registry_host(value)
            {
                report_host(host, value, value, path, report);
            }
            return;
        }
        check_mistakes(value, path, report);
    }

    fn schema(schema: &mut serde_json::Map<String, serde_json::Value>) {
        super::add_pattern(schema, REPOSITORY_PATTERN);
    }
}

/// An image reference split into its parts: `[host/]repository[:tag][@digest]`.
struct Reference<'a> {
    /// Everything before `:tag` and `@digest`.
    repository: &'a str,
    tag: Option<&'a str>,
    digest: Option<&'a str>,
}

/// `value` without its `@digest`.
fn name_before_digest(value: &str) -> &str {
    value.split_once('@').map_or(value, |(name, _)| name)
}

fn split_reference(value: &str) -> Reference<'_> {
    let name = name_before_digest(value);
    let digest = value.split_once('@').map(|(_, digest)| digest);
    let last_component = name.rfind('/').map_or(0, |slash| slash + 1);
    let (repository, tag) = match name[last_component..].find(':') {
        Some(colon) => {
            let colon = last_component + colon;
            (&name[..colon], Some(&name[colon + 1..]))
        }
        None => (name, None),
    };
    Reference {
        repository,
        tag,
        digest,
    }
}

/// The first component when it looks like a registry host (`docker.io`, `localhost:5000`) and
/// more components follow.
fn registry_host(repository: &str) -> Option<&str> {
    // Bytes, not `str` searches: this runs on every valid payload, on a short value.
    let slash = repository.bytes().position(|b| b == b'/')?;
    let first = &repository[..slash];
    (first.bytes().any(|b| matches!(b, b'.' | b':')) || first == "localhost").then_some(first)
}

/// Reports the registry host in front of `value` (the repository part of `whole`, the field's
/// value, which may go on with a tag or a digest that the repair keeps).
fn report_host(host: &str, value: &str, whole: &str, path: &Path<'_>, report: &mut Report) {
    let rest = &value[host.len() + 1..];
    // Unsafe: a first component with a dot can be a repository name of its own.
    let repair = Repair::unsafe_(
        format!("drop the registry host `{host}`"),
        vec![Change::Set {
            pointer: path.to_pointer(),
            value: Scalar::String(whole[host.len() + 1..].to_owned()),
        }],
    );
    report.push_with_repair(
        &IMAGE_NAME_REGISTRY_HOST,
        path,
        format!(
            "{} starts with `{}`, which looks like a registry host; expected the repository path below the registry's URL",
            show(value),
            clip(host)
        ),
        format!(
            "if `{host}` is the registry's host, set `image_name` to `{rest}`: Qovery prepends the registry's URL"
        ),
        repair,
    );
}

/// Reports what is wrong with a value that does not match the grammar.
fn check_mistakes(value: &str, path: &Path<'_>, report: &mut Report) {
    let reference = split_reference(value);
    let repository = reference.repository;
    if let Some(digest) = reference.digest {
        report.push_with_repair(
            &IMAGE_NAME_DIGEST,
            path,
            format!(
                "{} holds a digest (`@{}`); expected only the repository path: Qovery pulls `image_name:tag`",
                show(value),
                clip(digest)
            ),
            format!(
                "remove `@{digest}` and set `image_name` to `{}`; put the image's tag in `tag`",
                repository
            ),
            // Unsafe: `image_name:tag` may name another image than the digest did.
            Repair::unsafe_(
                format!("remove `@{digest}`"),
                vec![Change::Set {
                    pointer: path.to_pointer(),
                    value: Scalar::String(name_before_digest(value).to_owned()),
                }],
            ),
        );
    }
    let pointer = path.to_pointer();
    let host = registry_host(repository);
    if let Some(tag) = reference.tag {
        // The host goes too when a host rule asks for it (a host with a port is never valid, a
        // dotted one is flagged by `image_name_registry_host`), so this help and theirs name
        // the same `image_name`. Dropping a dotted host is a guess: the repair is then unsafe.
        let (name, applicability) = match host {
            Some(host) => (
                &repository[host.len() + 1..],
                if host.contains(':') {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                },
            ),
            None => (repository, Applicability::Safe),
        };
        let repair = Repair::new(
            format!("move `{tag}` to `tag`"),
            applicability,
            vec![
                Change::Set {
                    pointer: pointer.clone(),
                    value: Scalar::String(name.to_owned()),
                },
                Change::Add {
                    pointer: sibling(&pointer, "tag"),
                    value: Scalar::String(tag.to_owned()),
                },
            ],
        );
        report.push_with_repair(
            &IMAGE_NAME_TAG,
            path,
            format!(
                "{} holds a tag (`{}`); expected only the repository path, the tag goes in `tag`",
                show(value),
                clip(tag)
            ),
            format!("move `{tag}` to `tag` and set `image_name` to `{name}`"),
            repair,
        );
    }
    let bare = reference.tag.is_none() && reference.digest.is_none();
    let uppercase = repository.bytes().any(|b| b.is_ascii_uppercase());
    if uppercase {
        let lower = repository.to_ascii_lowercase();
        let message = format!(
            "{} has upper-case letters; expected a lower-case repository path",
            show(value)
        );
        let help = format!("write `{lower}`");
        // With a tag or a digest, `lower` is not the whole value: the repair waits for them to go.
        if bare {
            let repair = Repair::set_string("write it in lower case", &pointer, lower);
            report.push_with_repair(&IMAGE_NAME_UPPERCASE, path, message, help, repair);
        } else {
            report.push_with_help(&IMAGE_NAME_UPPERCASE, path, message, help);
        }
    }
    // What is left once the mistakes above are set aside: it must match the grammar.
    let mut rest = repository.to_ascii_lowercase();
    if let Some(host) = host {
        let without_host = rest[host.len() + 1..].to_owned();
        if host.contains(':') {
            let message = format!(
                "{} starts with the registry host `{}`; expected the repository path below the registry's URL (`:` is not allowed in a repository path)",
                show(value),
                clip(host)
            );
            let help =
                format!("set `image_name` to `{without_host}`: Qovery prepends the registry's URL");
            if bare && REPOSITORY.is_match(&without_host) {
                let repair = Repair::set_string(
                    format!("drop the registry host `{host}`"),
                    &pointer,
                    without_host.clone(),
                );
                report.push_with_repair(&IMAGE_NAME, path, message, help, repair);
            } else {
                report.push_with_help(&IMAGE_NAME, path, message, help);
            }
            rest = without_host;
        } else if REPOSITORY.is_match(&rest) {
            // A dotted first component is grammatical: only the warning applies.
            report_host(host, repository, value, path, report);
        }
    }
    if !REPOSITORY.is_match(&rest) {
        report.push(
            &IMAGE_NAME,
            path,
            format!(
                "{} is not a repository path: {}; expected lower-case components `[a-z0-9]+((.|_|__|-+)[a-z0-9]+)*` joined by `/`",
                show(value),
                grammar_problem(&rest)
            ),
        );
    }
}

/// The first thing wrong with `value` against the repository grammar, in words.
fn grammar_problem(value: &str) -> String {
    if value.is_empty() {
        return "the repository path is empty".to_owned();
    }
    if let Some((at, c)) = first_bad_char(value, |c| {
        !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-' | '/'))
    }) {
        return format!("{} at character {at} is not allowed", quote::char(c));
    }
    if value.starts_with('/') {
        return "it starts with `/`".to_owned();
    }
    if value.ends_with('/') {
        return "it ends with `/`".to_owned();
    }
    if value.contains("//") {
        return "it has an empty component (`//`)".to_owned();
    }
    for component in value.split('/') {
        let is_separator = |c: char| matches!(c, '.' | '_' | '-');
        if component.starts_with(is_separator) {
            return format!("component `{}` starts with a separator", clip(component));
        }
        if component.ends_with(is_separator) {
            return format!("component `{}` ends with a separator", clip(component));
        }
        for run in component.split(|c: char| c.is_ascii_alphanumeric()) {
            let allowed = run.is_empty()
                || run == "."
                || run == "_"
                || run == "__"
                || run.bytes().all(|b| b == b'-');
            if !allowed {
                return format!(
                    "component `{}` has the separator `{}`; separators are `.`, `_`, `__` or dashes",
                    clip(component),
                    clip(run)
                );
            }
        }
    }
    "it does not match the grammar".to_owned()
}

/// The part of `image_name` the registry-kind shapes look at: without `@digest` and `:tag`.
fn repository_of(image_name: &str) -> &str {
    split_reference(image_name).repository
}

// --- Shapes per registry kind -------------------------------------------------------------

/// ECR: a repository name of 2 to 256 characters (spec prose: `repository`).
pub const IMAGE_NAME_ECR: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_ECR,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "spec/qovery-openapi-container.yaml ContainerSource.image_name (ECR: `repository`); AWS ECR repository names are 2 to 256 characters",
    pointer: "/image_name",
    description: "with an `ECR` registry: a repository name (`repository`, components may contain `/`) of 2 to 256 characters",
    schema: SchemaSupport::ValidatorOnly,
};

/// SCALEWAY_CR: exactly `namespace/image`.
pub const IMAGE_NAME_SCALEWAY_CR: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_SCALEWAY_CR,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "spec/qovery-openapi-container.yaml ContainerSource.image_name (SCALEWAY_CR: `namespace/image`); not checked against Scaleway's own documentation",
    pointer: "/image_name",
    description: "with a `SCALEWAY_CR` registry: exactly `namespace/image` (two components)",
    schema: SchemaSupport::ValidatorOnly,
};

/// DOCKER_HUB: `image` or `repository/image`.
pub const IMAGE_NAME_DOCKER_HUB: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_DOCKER_HUB,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "spec/qovery-openapi-container.yaml ContainerSource.image_name (DOCKER_HUB: `image` or `repository/image`); Docker Hub repositories are `namespace/name`",
    pointer: "/image_name",
    description: "with a `DOCKER_HUB` registry: `image` or `repository/image` (one or two components)",
    schema: SchemaSupport::ValidatorOnly,
};

/// PUBLIC_ECR: `registry_alias/repository`.
pub const IMAGE_NAME_PUBLIC_ECR: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_PUBLIC_ECR,
    severity: Severity::Error,
    source: Source::Registry,
    citation: "spec/qovery-openapi-container.yaml ContainerSource.image_name (PUBLIC_ECR: `registry_alias/repository`)",
    pointer: "/image_name",
    description: "with a `PUBLIC_ECR` registry: `registry_alias/repository` (two or more components)",
    schema: SchemaSupport::ValidatorOnly,
};

/// GITHUB_CR and GITHUB_ENTERPRISE_CR: `owner/image...`.
pub const IMAGE_NAME_GITHUB_CR: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_GITHUB_CR,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "none in Qovery's sources: the registry's documented naming (inferred)",
    pointer: "/image_name",
    description: "with a `GITHUB_CR` or `GITHUB_ENTERPRISE_CR` registry: `owner/image` (two or more components; GitHub names packages under their owner)",
    schema: SchemaSupport::ValidatorOnly,
};

/// GITLAB_CR: `group/project[/image...]`.
pub const IMAGE_NAME_GITLAB_CR: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_GITLAB_CR,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "none in Qovery's sources: the registry's documented naming (inferred)",
    pointer: "/image_name",
    description: "with a `GITLAB_CR` registry: `group/project[/image]` (two or more components; GitLab names images under their project)",
    schema: SchemaSupport::ValidatorOnly,
};

/// GCP_ARTIFACT_REGISTRY: `project/repository/image...`.
pub const IMAGE_NAME_GCP_ARTIFACT_REGISTRY: RuleInfo = RuleInfo {
    code: codes::IMAGE_NAME_GCP_ARTIFACT_REGISTRY,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "none in Qovery's sources: the registry's documented naming (inferred)",
    pointer: "/image_name",
    description: "with a `GCP_ARTIFACT_REGISTRY` registry: `project-id/repository/image` (three or more components, as in `LOCATION-docker.pkg.dev/PROJECT-ID/REPOSITORY/IMAGE`)",
    schema: SchemaSupport::ValidatorOnly,
};

/// The shape rules, for the `RULES` lists of the request and response rules.
pub const REGISTRY_SHAPE_RULES: [RuleInfo; 7] = [
    IMAGE_NAME_ECR,
    IMAGE_NAME_SCALEWAY_CR,
    IMAGE_NAME_DOCKER_HUB,
    IMAGE_NAME_PUBLIC_ECR,
    IMAGE_NAME_GITHUB_CR,
    IMAGE_NAME_GITLAB_CR,
    IMAGE_NAME_GCP_ARTIFACT_REGISTRY,
];

/// DOCR, on a request: reported at `registry_id`, the only trace of the registry in the payload.
pub const DOCR_UNSUPPORTED_REQUEST: RuleInfo = RuleInfo {
    code: codes::REGISTRY_DOCR_UNSUPPORTED,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml ContainerRegistryKindEnum description (DOCR no longer supported)",
    pointer: "/registry_id",
    description: "the registry is not a `DOCR` registry, which Qovery no longer supports",
    schema: SchemaSupport::ValidatorOnly,
};

/// Checks `image_name` against the shape `kind` expects; `path` is the path of `image_name`.
/// Kinds without a shape (AZURE_CR, GENERIC_CR, DOCR, unknown kinds) and blank values pass.
pub(crate) fn check_registry_shape(
    kind: &RegistryKind,
    image_name: &str,
    path: &Path<'_>,
    report: &mut Report,
) {
    if crate::validate::keyword::is_blank(image_name) {
        return;
    }
    let repository = repository_of(image_name);
    let components = repository.split('/').count();
    let (rule, fits, expected) = match kind {
        RegistryKind::Ecr => {
            let length = repository.chars().count();
            if !(2..=256).contains(&length) {
                let unit = if length == 1 {
                    "character"
                } else {
                    "characters"
                };
                report.push(
                    &IMAGE_NAME_ECR,
                    path,
                    format!(
                        "{} has {length} {unit}; expected an ECR repository name of 2 to 256 characters",
                        show(image_name)
                    ),
                );
            }
            return;
        }
        RegistryKind::ScalewayCr => (
            &IMAGE_NAME_SCALEWAY_CR,
            components == 2,
            "`namespace/image` (exactly two components)",
        ),
        RegistryKind::DockerHub => (
            &IMAGE_NAME_DOCKER_HUB,
            components <= 2,
            "`image` or `repository/image` (one or two components)",
        ),
        RegistryKind::PublicEcr => (
            &IMAGE_NAME_PUBLIC_ECR,
            components >= 2,
            "`registry_alias/repository` (two or more components)",
        ),
        RegistryKind::GithubCr | RegistryKind::GithubEnterpriseCr => (
            &IMAGE_NAME_GITHUB_CR,
            components >= 2,
            "`owner/image` (two or more components)",
        ),
        RegistryKind::GitlabCr => (
            &IMAGE_NAME_GITLAB_CR,
            components >= 2,
            "`group/project` or `group/project/image` (two or more components)",
        ),
        RegistryKind::GcpArtifactRegistry => (
            &IMAGE_NAME_GCP_ARTIFACT_REGISTRY,
            components >= 3,
            "`project-id/repository/image` (three or more components)",
        ),
        _ => return,
    };
    if !fits {
        let component_word = if components == 1 {
            "component"
        } else {
            "components"
        };
        report.push(
            rule,
            path,
            format!(
                "{} has {components} {component_word}; expected {expected} with a {} registry",
                show(image_name),
                kind.as_str()
            ),
        );
    }
}

/// The registry-kind rules of a request: the kind comes from the caller's [`RegistryContext`], by
/// `registry_id`. Without a kind for the registry, nothing is checked.
pub struct RequestRegistryKind;

impl Rule<crate::model::ContainerRequest, RegistryContext> for RequestRegistryKind {
    const RULES: &'static [RuleInfo] = &[
        IMAGE_NAME_ECR,
        IMAGE_NAME_SCALEWAY_CR,
        IMAGE_NAME_DOCKER_HUB,
        IMAGE_NAME_PUBLIC_ECR,
        IMAGE_NAME_GITHUB_CR,
        IMAGE_NAME_GITLAB_CR,
        IMAGE_NAME_GCP_ARTIFACT_REGISTRY,
        DOCR_UNSUPPORTED_REQUEST,
    ];

    fn check(
        request: &crate::model::ContainerRequest,
        ctx: &RegistryContext,
        path: &Path<'_>,
        report: &mut Report,
    ) {
        let Some(kind) = ctx.registry_kind_for(Some(&request.registry_id)) else {
            return;
        };
        if *kind == RegistryKind::Docr {
            report.push(
                &DOCR_UNSUPPORTED_REQUEST,
                &path.field("registry_id"),
                format!(
                    "registry {} is a DOCR registry; Qovery no longer supports DOCR, expected another registry kind",
                    show(&request.registry_id)
                ),
            );
        }
        check_registry_shape(kind, &request.image_name, &path.field("image_name"), report);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_accepts_repository_paths() {
        for ok in [
            "nginx",
            "library/nginx",
            "acme/api-server",
            "a/b/c/d",
            "my_app",
            "my__app",
            "my---app",
            "v1.2",
            "docker.io/library/nginx",
        ] {
            assert!(REPOSITORY.is_match(ok), "{ok}");
        }
        for bad in [
            "",
            "Nginx",
            "nginx:1.27",
            "nginx@sha256:abc",
            "/nginx",
            "nginx/",
            "a//b",
            "-a",
            "a-",
            "a___b",
            "a._b",
            "my app",
            "a.-b",
        ] {
            assert!(!REPOSITORY.is_match(bad), "{bad}");
        }
    }

    use crate::rules::random_strings;

    #[test]
    fn the_fast_matcher_is_the_regex() {
        let mut values = random_strings("ab09._-/A :@é", 100_000, 10);
        values.extend(random_strings("a0._-/", 100_000, 14));
        for value in values {
            assert_eq!(
                is_repository(&value),
                REPOSITORY.is_match(&value),
                "{value:?}"
            );
        }
    }

    #[test]
    fn registry_host_is_skipped_only_when_it_finds_nothing() {
        let mut values = random_strings("a0._-/:l", 200_000, 10);
        values.extend(random_strings("lo.a/", 50_000, 12));
        for prefix in [
            "localhost",
            "localhost/",
            "localhost.",
            "localhostx/",
            "a.b/",
            "a/",
        ] {
            for value in random_strings("a0._-/", 5_000, 6) {
                values.push(format!("{prefix}{value}"));
            }
        }
        for value in values {
            let state = repository_state(&value);
            if state & 7 == IN_RUN && !may_have_host(state, &value) {
                assert_eq!(registry_host(&value), None, "{value:?}");
            }
        }
    }

    #[test]
    fn references_split_into_repository_tag_and_digest() {
        let r = split_reference("localhost:5000/acme/api:1.2@sha256:abc");
        assert_eq!(r.repository, "localhost:5000/acme/api");
        assert_eq!(r.tag, Some("1.2"));
        assert_eq!(r.digest, Some("sha256:abc"));
        let r = split_reference("localhost:5000/api");
        assert_eq!(r.repository, "localhost:5000/api");
        assert_eq!(r.tag, None);
    }

    #[test]
    fn grammar_problems_are_named() {
        assert_eq!(
            grammar_problem("my app"),
            "U+0020 (space) at character 3 is not allowed"
        );
        assert_eq!(grammar_problem("a//b"), "it has an empty component (`//`)");
        assert_eq!(
            grammar_problem("a._b"),
            "component `a._b` has the separator `._`; separators are `.`, `_`, `__` or dashes"
        );
        assert_eq!(
            grammar_problem("-a"),
            "component `-a` starts with a separator"
        );
    }
}
