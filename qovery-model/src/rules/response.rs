//! Rules only a response has: resources within the cluster's maximums, timestamps in order, the
//! service type, the registry's URL and kind.
//!
//! A response is produced by Qovery, so most of these catch a client bug (a response read into
//! the wrong type, a mock written by hand) or a server-side change, rather than a user mistake.

use super::image_name::{REGISTRY_SHAPE_RULES, check_registry_shape};
use crate::model::{
    AnnotationsGroupResponse, ContainerResponse, KedaAutoscalingResponse, KedaScalerResponse,
    KedaTriggerAuthenticationResponse, LabelsGroupResponse, RegistryKind, ServiceType,
};
use crate::validate::format::parse_date_time;
use crate::validate::quote::show;
use crate::validate::{
    Path, Repair, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes,
};

const fn above_maximum(pointer: &'static str, description: &'static str) -> RuleInfo {
    RuleInfo {
        code: codes::ABOVE_MAXIMUM,
        severity: Severity::Warning,
        source: Source::Console,
        citation: "Qovery/console@720181b libs/domains/services/feature/src/lib/application-settings-resources/application-settings-resources.tsx:123-129 (the form caps at maximum_cpu / maximum_memory); no API statement found",
        pointer,
        description,
        schema: SchemaSupport::ValidatorOnly,
    }
}

/// `cpu` <= `maximum_cpu`.
pub const CPU_ABOVE_MAXIMUM: RuleInfo = above_maximum(
    "/cpu",
    "`cpu` is at most `maximum_cpu`, the cluster's largest allocation",
);

/// `memory` <= `maximum_memory`.
pub const MEMORY_ABOVE_MAXIMUM: RuleInfo = above_maximum(
    "/memory",
    "`memory` is at most `maximum_memory`, the cluster's largest allocation",
);

/// `gpu` <= `maximum_gpu`.
pub const GPU_ABOVE_MAXIMUM: RuleInfo = above_maximum(
    "/gpu",
    "`gpu` is at most `maximum_gpu`, the cluster's largest allocation",
);

/// Resources within the maximums the response itself states.
pub struct ResourceMaximums;

impl<C: ?Sized> Rule<ContainerResponse, C> for ResourceMaximums {
    const RULES: &'static [RuleInfo] =
        &[CPU_ABOVE_MAXIMUM, MEMORY_ABOVE_MAXIMUM, GPU_ABOVE_MAXIMUM];

    fn check(response: &ContainerResponse, _: &C, path: &Path<'_>, report: &mut Report) {
        let checks = [
            (
                &CPU_ABOVE_MAXIMUM,
                "cpu",
                response.cpu,
                "maximum_cpu",
                response.maximum_cpu,
                " millicores",
            ),
            (
                &MEMORY_ABOVE_MAXIMUM,
                "memory",
                response.memory,
                "maximum_memory",
                response.maximum_memory,
                " MB",
            ),
            (
                &GPU_ABOVE_MAXIMUM,
                "gpu",
                response.gpu,
                "maximum_gpu",
                response.maximum_gpu,
                "",
            ),
        ];
        for (rule, name, value, maximum_name, maximum, unit) in checks {
            // A negative `maximum_gpu` is its own range rule's business.
            if rule.pointer == "/gpu" && maximum < 0 {
                continue;
            }
            if value > maximum {
                report.push(
                    rule,
                    &path.field(name),
                    format!(
                        "{name} {value}{unit} is above {maximum_name} {maximum}{unit}; expected at most {maximum}"
                    ),
                );
            }
        }
    }
}

/// `updated_at` before `created_at`.
pub const UPDATED_BEFORE_CREATED: RuleInfo = RuleInfo {
    code: codes::UPDATED_BEFORE_CREATED,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "none: reasoning only",
    pointer: "/updated_at",
    description: "`updated_at` is not before `created_at`",
    schema: SchemaSupport::ValidatorOnly,
};

/// `updated_at` is not before `created_at` (both RFC 3339; a value that does not parse is the
/// `format` keyword's business).
pub struct TimestampsInOrder;

macro_rules! timestamps_in_order {
    ($($ty:ty),+) => {$(
        impl<C: ?Sized> Rule<$ty, C> for TimestampsInOrder {
            const RULES: &'static [RuleInfo] = &[UPDATED_BEFORE_CREATED];

            fn check(value: &$ty, _: &C, path: &Path<'_>, report: &mut Report) {
                check_order(&value.created_at, value.updated_at.as_deref(), path, report);
            }
        }
    )+};
}

timestamps_in_order!(
    ContainerResponse,
    AnnotationsGroupResponse,
    LabelsGroupResponse,
    KedaAutoscalingResponse,
    KedaScalerResponse,
    KedaTriggerAuthenticationResponse
);

fn check_order(created_at: &str, updated_at: Option<&str>, path: &Path<'_>, report: &mut Report) {
    let Some(updated_at) = updated_at else { return };
    let (Some(created), Some(updated)) = (parse_date_time(created_at), parse_date_time(updated_at))
    else {
        return;
    };
    if updated < created {
        report.push(
            &UPDATED_BEFORE_CREATED,
            &path.field("updated_at"),
            format!(
                "updated_at {} is before created_at {}; expected the same instant or later",
                show(updated_at),
                show(created_at)
            ),
        );
    }
}

/// A container's `service_type` is `CONTAINER`.
pub const SERVICE_TYPE_NOT_CONTAINER: RuleInfo = RuleInfo {
    code: codes::SERVICE_TYPE_NOT_CONTAINER,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "none: reasoning only (spec ServiceTypeEnum lists every service type)",
    pointer: "",
    description: "a container's `service_type` is `CONTAINER` (another known type means the response is not a container's)",
    schema: SchemaSupport::ValidatorOnly,
};

/// `service_type` is `CONTAINER`; an unknown value is left to the `known` keyword.
pub struct ContainerServiceType;

impl<C: ?Sized> Rule<ServiceType, C> for ContainerServiceType {
    const RULES: &'static [RuleInfo] = &[SERVICE_TYPE_NOT_CONTAINER];

    fn check(value: &ServiceType, _: &C, path: &Path<'_>, report: &mut Report) {
        if value.is_known() && *value != ServiceType::Container {
            report.push(
                &SERVICE_TYPE_NOT_CONTAINER,
                path,
                format!(
                    "service_type is {}; expected CONTAINER in a container's response",
                    value.as_str()
                ),
            );
        }
    }
}

/// The registry's URL uses https.
pub const REGISTRY_URL_HTTPS: RuleInfo = RuleInfo {
    code: codes::REGISTRY_URL_HTTPS,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml ContainerRegistryResponse.url (\"must start by https://\"); no rejecting authority found for a response",
    pointer: "",
    description: "the registry's `url` starts with `https://` (\"must start by https://\")",
    schema: SchemaSupport::ValidatorOnly,
};

/// The registry's URL starts with `https://`.
pub struct RegistryUrlHttps;

impl<C: ?Sized> Rule<String, C> for RegistryUrlHttps {
    const RULES: &'static [RuleInfo] = &[REGISTRY_URL_HTTPS];

    fn check(url: &String, _: &C, path: &Path<'_>, report: &mut Report) {
        if url.starts_with("https://") {
            return;
        }
        let message = format!(
            "registry url {} does not start with `https://`; expected an https URL",
            show(url)
        );
        match url.strip_prefix("http://") {
            Some(rest) => {
                let https = format!("https://{rest}");
                // Unsafe: the registry may not serve https on that host.
                let repair =
                    Repair::set_string(format!("use `{https}`"), &path.to_pointer(), &https);
                report.push_with_repair(
                    &REGISTRY_URL_HTTPS,
                    path,
                    message,
                    format!("use `{https}`"),
                    Repair::unsafe_(repair.title, repair.changes),
                );
            }
            None => report.push(&REGISTRY_URL_HTTPS, path, message),
        }
    }
}

/// DOCR, on a response: reported at `registry/kind`.
pub const DOCR_UNSUPPORTED_RESPONSE: RuleInfo = RuleInfo {
    code: codes::REGISTRY_DOCR_UNSUPPORTED,
    severity: Severity::Warning,
    source: Source::SpecProse,
    citation: "spec/qovery-openapi-container.yaml ContainerRegistryKindEnum description (DOCR no longer supported)",
    pointer: "/registry/kind",
    description: "the registry is not a `DOCR` registry, which Qovery no longer supports",
    schema: SchemaSupport::ValidatorOnly,
};

/// `rule` as the response's schema expresses it: an `if`/`then` on `registry.kind` (see
/// [`ResponseRegistryKind`]'s `schema`). A request's registry kind comes from the caller's
/// context, so there the same rules stay validator only.
const fn in_response_schema(rule: RuleInfo) -> RuleInfo {
    RuleInfo {
        schema: SchemaSupport::Keyword,
        ..rule
    }
}

/// The error-severity shapes per registry kind, as (kind, JSON Schema for `image_name`): the
/// same component counts as [`check_registry_shape`] (`/`-separated, as written), and ECR's 2 to
/// 256 characters. (A value with a tag or a digest, where the validator counts the repository
/// part only, breaks the repository grammar anyway, at the same pointer.) The warning-severity
/// shapes (GitHub, GitLab, GCP) stay out of the schema, which has no warnings.
fn schema_shapes() -> [(&'static str, serde_json::Value); 4] {
    use serde_json::json;
    [
        ("ECR", json!({ "minLength": 2, "maxLength": 256 })),
        ("SCALEWAY_CR", json!({ "pattern": "^[^/]*/[^/]*$" })),
        ("DOCKER_HUB", json!({ "pattern": "^[^/]*(?:/[^/]*)?$" })),
        ("PUBLIC_ECR", json!({ "pattern": "/" })),
    ]
}

/// `image_name` against `registry.kind`, and the DOCR deprecation.
pub struct ResponseRegistryKind;

impl<C: ?Sized> Rule<ContainerResponse, C> for ResponseRegistryKind {
    const RULES: &'static [RuleInfo] = &[
        in_response_schema(REGISTRY_SHAPE_RULES[0]),
        in_response_schema(REGISTRY_SHAPE_RULES[1]),
        in_response_schema(REGISTRY_SHAPE_RULES[2]),
        in_response_schema(REGISTRY_SHAPE_RULES[3]),
        REGISTRY_SHAPE_RULES[4],
        REGISTRY_SHAPE_RULES[5],
        REGISTRY_SHAPE_RULES[6],
        DOCR_UNSUPPORTED_RESPONSE,
    ];

    fn check(response: &ContainerResponse, _: &C, path: &Path<'_>, report: &mut Report) {
        let kind = &response.registry.kind;
        if *kind == RegistryKind::Docr {
            let registry = path.field("registry");
            report.push(
                &DOCR_UNSUPPORTED_RESPONSE,
                &registry.field("kind"),
                format!(
                    "registry {} is a DOCR registry; Qovery no longer supports DOCR, expected another registry kind",
                    show(&response.registry.name)
                ),
            );
        }
        check_registry_shape(
            kind,
            &response.image_name,
            &path.field("image_name"),
            report,
        );
    }

    /// One `if` (`registry.kind` is the kind) / `then` (`image_name` has the shape) per
    /// error-severity shape.
    fn schema(schema: &mut serde_json::Map<String, serde_json::Value>) {
        for (kind, image_name) in schema_shapes() {
            super::push_all_of(
                schema,
                serde_json::json!({
                    "if": {
                        "properties": { "registry": {
                            "properties": { "kind": { "const": kind } },
                            "required": ["kind"]
                        } },
                        "required": ["registry"]
                    },
                    "then": { "properties": { "image_name": image_name } }
                }),
            );
        }
    }
}
