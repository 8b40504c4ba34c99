//! Every diagnostic code the library emits, one constant each: compare and `match` on these
//! rather than on string literals, so a typo is a compile error instead of an arm that never
//! matches.
//!
//! ```
//! use qovery_model::model::ContainerRequest;
//! use qovery_model::validate::{Validate, codes};
//!
//! let request = ContainerRequest::new("api", "not-a-uuid", "acme/api:1.4.2", "1.4.2");
//! for diagnostic in &request.validate() {
//!     match diagnostic.code {
//!         codes::IMAGE_NAME_TAG => assert_eq!(diagnostic.pointer, "/image_name"),
//!         codes::REGISTRY_ID_FORMAT => assert_eq!(diagnostic.pointer, "/registry_id"),
//!         other => panic!("unexpected {other}"),
//!     }
//! }
//! ```
//!
//! This module is the one place a code is spelled: the rules of [`crate::rules`], the keyword
//! checks of `#[derive(Validate)]` and the raw-document checker all name these constants, and
//! [`ALL`] lists them. A rule declared with `#[qovery(code = "...")]` on a type of your own
//! has the code it declares, which is not listed here.

macro_rules! codes {
    ($($(#[$doc:meta])* $name:ident = $code:literal,)*) => {
        $($(#[$doc])* pub const $name: &str = $code;)*

        /// Every code above, in the order of this module.
        pub const ALL: &[&str] = &[$($name),*];
    };
}

codes! {
    // The attribute keywords of `#[derive(Validate)]` (`validate::keyword`).
    /// `range(min, max)`: an integer outside its bounds.
    RANGE = "range",
    /// `length(min, max)` and `non_empty`: a string or an array of the wrong length.
    LENGTH = "length",
    /// `pattern = "..."`: a string the regex does not match.
    PATTERN = "pattern",
    /// `not_blank`: a string of whitespace only.
    NOT_BLANK = "not_blank",
    /// `format = "..."` (and the document checker's format check): a string that is not a valid
    /// `uuid`, `uri` or `date-time`.
    FORMAT = "format",
    /// `known`: an enum value the spec does not list.
    ENUM = "enum",

    // Keyword rules with a code of their own: a bound or shape only one client imposes (a
    // warning, RULES.md's evidence order), so it is not confused with an error of the same keyword.
    /// `name` is blank: the Terraform provider refuses it.
    BLANK_NAME = "blank_name",
    /// `registry_id` is not a UUID: the Terraform provider parses it as one.
    REGISTRY_ID_FORMAT = "registry_id_format",
    /// `max_running_instances` below -1.
    MAX_INSTANCES_RANGE = "max_instances_range",
    /// A set port `name` is blank: the Terraform provider refuses it.
    BLANK_PORT_NAME = "blank_port_name",
    /// `external_port` outside 1 to 65535: the Terraform provider's range.
    EXTERNAL_PORT_RANGE = "external_port_range",
    /// A KEDA polling interval below 1 or a cooldown period below 0.
    KEDA_TIMING_RANGE = "keda_timing_range",
    /// A scaler's `scaler_type` is blank: the Terraform provider refuses it.
    BLANK_SCALER_TYPE = "blank_scaler_type",
    /// A set trigger authentication `name` is blank: the Terraform provider refuses it.
    BLANK_TRIGGER_AUTHENTICATION_NAME = "blank_trigger_authentication_name",
    /// An item of an exec probe's `command` is blank.
    BLANK_EXEC_COMMAND_ITEM = "blank_exec_command_item",

    // The raw-document checker (`document`): the document itself and its shape.
    /// The document is not valid JSON or YAML.
    SYNTAX = "syntax",
    /// The document exceeds a limit (size, nesting depth, number of nodes).
    LIMIT = "limit",
    /// A YAML construct that has no JSON meaning (custom tag, extra document, complex key).
    YAML = "yaml",
    /// A JSON type that the member cannot have, or a number that does not fit.
    TYPE = "type",
    /// A required member is missing.
    REQUIRED = "required",
    /// A member the spec does not define.
    UNKNOWN_MEMBER = "unknown_member",
    /// The same key twice in one object.
    DUPLICATE_KEY = "duplicate_key",

    // `rules::image_name`.
    /// `image_name` breaks the OCI repository grammar (no more specific code applies).
    IMAGE_NAME = "image_name",
    /// `image_name` holds a tag (`nginx:1.27`).
    IMAGE_NAME_TAG = "image_name_tag",
    /// `image_name` holds a digest (`nginx@sha256:...`).
    IMAGE_NAME_DIGEST = "image_name_digest",
    /// `image_name` has upper-case letters.
    IMAGE_NAME_UPPERCASE = "image_name_uppercase",
    /// `image_name` starts with a registry host (`docker.io/library/nginx`).
    IMAGE_NAME_REGISTRY_HOST = "image_name_registry_host",
    /// `image_name` is not the shape an ECR registry expects.
    IMAGE_NAME_ECR = "image_name_ecr",
    /// `image_name` is not the shape a Scaleway registry expects.
    IMAGE_NAME_SCALEWAY_CR = "image_name_scaleway_cr",
    /// `image_name` is not the shape Docker Hub expects.
    IMAGE_NAME_DOCKER_HUB = "image_name_docker_hub",
    /// `image_name` is not the shape a public ECR registry expects.
    IMAGE_NAME_PUBLIC_ECR = "image_name_public_ecr",
    /// `image_name` is not the shape GitHub's registry expects.
    IMAGE_NAME_GITHUB_CR = "image_name_github_cr",
    /// `image_name` is not the shape GitLab's registry expects.
    IMAGE_NAME_GITLAB_CR = "image_name_gitlab_cr",
    /// `image_name` is not the shape GCP Artifact Registry expects.
    IMAGE_NAME_GCP_ARTIFACT_REGISTRY = "image_name_gcp_artifact_registry",
    /// The registry is a DigitalOcean registry, which Qovery no longer supports.
    REGISTRY_DOCR_UNSUPPORTED = "registry_docr_unsupported",

    // `rules::resources`.
    /// `cpu` or `memory` below the Terraform provider's minimum of 10.
    BELOW_TERRAFORM_MINIMUM = "below_terraform_minimum",

    // `rules::tag`.
    /// `tag` is not a Docker tag.
    DOCKER_TAG = "docker_tag",

    // `rules::instances`.
    /// `max_running_instances` is below `min_running_instances`.
    MAX_INSTANCES_BELOW_MIN = "max_instances_below_min",
    /// With autoscaling, `min_running_instances` is not below `max_running_instances`.
    AUTOSCALING_INSTANCES_RANGE = "autoscaling_instances_range",
    /// `min_running_instances` is 0 without autoscaling: nothing runs.
    MIN_INSTANCES_ZERO = "min_instances_zero",

    // `rules::ports`.
    /// `external_port` on a port that is not publicly accessible.
    EXTERNAL_PORT_NOT_PUBLIC = "external_port_not_public",
    /// A public port with no `external_port`.
    PUBLIC_PORT_WITHOUT_EXTERNAL_PORT = "public_port_without_external_port",
    /// `public_path` or `public_path_rewrite` on a port that is not a public HTTP or gRPC port.
    PUBLIC_PATH_NOT_APPLICABLE = "public_path_not_applicable",
    /// Two ports with the same `internal_port`.
    DUPLICATE_INTERNAL_PORT = "duplicate_internal_port",
    /// Two ports with the same `name`, ignoring case.
    DUPLICATE_PORT_NAME = "duplicate_port_name",
    /// More than one port with `is_default: true`.
    MULTIPLE_DEFAULT_PORTS = "multiple_default_ports",

    // `rules::storage`.
    /// The mount point is not an absolute directory other than `/`.
    MOUNT_POINT = "mount_point",
    /// A storage size above the console's limit.
    STORAGE_SIZE_ABOVE_CONSOLE_LIMIT = "storage_size_above_console_limit",
    /// A storage size below the console's minimum (the API accepts it).
    STORAGE_SIZE_BELOW_CONSOLE_MINIMUM = "storage_size_below_console_minimum",
    /// Two storages mounted on the same directory.
    DUPLICATE_MOUNT_POINT = "duplicate_mount_point",

    // `rules::probes`.
    /// A probe without exactly one of `tcp`, `http`, `exec`, `grpc`.
    PROBE_KIND = "probe_kind",
    /// The liveness probe's `success_threshold` is not 1.
    LIVENESS_SUCCESS_THRESHOLD = "liveness_success_threshold",
    /// A probe's port is not the `internal_port` of a declared port.
    PROBE_PORT_NOT_DECLARED = "probe_port_not_declared",
    /// The HTTP probe's path is empty.
    HTTP_PROBE_PATH = "http_probe_path",
    /// The HTTP probe's path does not start with `/`.
    HTTP_PROBE_PATH_RELATIVE = "http_probe_path_relative",
    /// A probe timing of 0, which Kubernetes replaces with its default.
    PROBE_ZERO_DEFAULTED = "probe_zero_defaulted",
    /// The HTTP probe's scheme is not `HTTP` or `HTTPS`.
    HTTP_PROBE_SCHEME = "http_probe_scheme",

    // `rules::groups`.
    /// The same annotations or labels group id twice in one list.
    DUPLICATE_GROUP_ID = "duplicate_group_id",

    // `rules::autoscaling`.
    /// A scaler without exactly one of `config_json` and `config_yaml`.
    SCALER_CONFIG = "scaler_config",
    /// No scaler is enabled.
    NO_ENABLED_SCALER = "no_enabled_scaler",
    /// `config_yaml` does not parse as YAML.
    CONFIG_YAML_SYNTAX = "config_yaml_syntax",

    // `rules::response`.
    /// A response value above the maximum its resource allows.
    ABOVE_MAXIMUM = "above_maximum",
    /// `updated_at` is before `created_at`.
    UPDATED_BEFORE_CREATED = "updated_before_created",
    /// A container's `service_type` is not `CONTAINER`.
    SERVICE_TYPE_NOT_CONTAINER = "service_type_not_container",
    /// The registry's URL does not use https.
    REGISTRY_URL_HTTPS = "registry_url_https",
}

/// Whether `code` is one of [`ALL`].
pub fn is_library_code(code: &str) -> bool {
    ALL.contains(&code)
}
