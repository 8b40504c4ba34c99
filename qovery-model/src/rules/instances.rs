//! `min_running_instances` and `max_running_instances`: against each other, and against KEDA
//! autoscaling.
//!
//! The bounds of each field alone (`min` >= 0, `max` >= -1) are keywords on the fields; these
//! rules compare them. A request's omitted field counts with its spec default (1), which is what
//! the API applies.

use crate::model::{ContainerRequest, ContainerResponse, defaults};
use crate::validate::{Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes};

/// `max_running_instances` >= `min_running_instances`, unless it is -1 (no limit).
pub const MAX_BELOW_MIN: RuleInfo = RuleInfo {
    code: codes::MAX_INSTANCES_BELOW_MIN,
    severity: Severity::Error,
    source: Source::Engine,
    citation: "Qovery/engine@59fa717 src/environment/models/container.rs:143-147 (\"min_instances must be less or equal to max_instances\")",
    pointer: "/max_running_instances",
    description: "`max_running_instances` is at least `min_running_instances`, or -1 (no limit); an omitted field counts as its default, 1",
    schema: SchemaSupport::ValidatorOnly,
};

/// With `autoscaling`, `min_running_instances` < `max_running_instances` (or max -1).
pub const AUTOSCALING_NO_RANGE: RuleInfo = RuleInfo {
    code: codes::AUTOSCALING_INSTANCES_RANGE,
    severity: Severity::Warning,
    source: Source::TerraformProvider,
    citation: "Qovery/terraform-provider-qovery@c186979 qovery/autoscaling_schema.go:387-398 (Rule 1); Qovery/console@720181b `requireMinLessThanMax` (KEDA instances range inputs); no API statement found",
    pointer: "/max_running_instances",
    description: "with `autoscaling`, `max_running_instances` is greater than `min_running_instances` (or -1), so KEDA has room to scale (the Terraform provider and the console require it)",
    schema: SchemaSupport::ValidatorOnly,
};

/// `min_running_instances` 0 without autoscaling: nothing runs.
pub const MIN_ZERO_WITHOUT_AUTOSCALING: RuleInfo = RuleInfo {
    code: codes::MIN_INSTANCES_ZERO,
    severity: Severity::Warning,
    source: Source::TerraformProvider,
    citation: "Qovery/terraform-provider-qovery@c186979 qovery/validators/min_running_instances_autoscaling_validator.go (refuses 0 without `autoscaling`); Qovery/engine@59fa717 src/environment/models/container.rs:150-154 refuses 0 (\"min_instances must be greater than 0\"), but that engine predates KEDA and the spec documents 0 (\"0 means that there is no container running\")",
    pointer: "/min_running_instances",
    description: "`min_running_instances` is not 0 without `autoscaling`: no container would run (the Terraform provider refuses it; the spec documents 0 as no container running)",
    schema: SchemaSupport::ValidatorOnly,
};

const RULES: &[RuleInfo] = &[
    MAX_BELOW_MIN,
    AUTOSCALING_NO_RANGE,
    MIN_ZERO_WITHOUT_AUTOSCALING,
];

/// The instance-count rules, on [`ContainerRequest`] and [`ContainerResponse`].
pub struct InstanceBounds;

impl<C: ?Sized> Rule<ContainerRequest, C> for InstanceBounds {
    const RULES: &'static [RuleInfo] = RULES;

    fn check(request: &ContainerRequest, _: &C, path: &Path<'_>, report: &mut Report) {
        check(
            Counts {
                min: request.min_running_instances_or_default(),
                min_set: request.min_running_instances.is_some(),
                max: request.max_running_instances_or_default(),
                max_set: request.max_running_instances.is_some(),
                autoscaling: request.autoscaling.is_some(),
            },
            path,
            report,
        );
    }
}

impl<C: ?Sized> Rule<ContainerResponse, C> for InstanceBounds {
    const RULES: &'static [RuleInfo] = RULES;

    fn check(response: &ContainerResponse, _: &C, path: &Path<'_>, report: &mut Report) {
        check(
            Counts {
                min: response.min_running_instances,
                min_set: true,
                max: response.max_running_instances,
                max_set: true,
                autoscaling: response.autoscaling.is_some(),
            },
            path,
            report,
        );
    }
}

/// The effective counts, and whether each was written.
struct Counts {
    min: i32,
    min_set: bool,
    max: i32,
    max_set: bool,
    autoscaling: bool,
}

fn check(counts: Counts, path: &Path<'_>, report: &mut Report) {
    let Counts {
        min,
        min_set,
        max,
        max_set,
        autoscaling,
    } = counts;
    // Negative values other than max -1 are the range keywords' business.
    if min < 0 || max < -1 {
        return;
    }
    let unlimited = max == -1;
    let max_path = path.field("max_running_instances");
    if !unlimited && max < min {
        report.push(
            &MAX_BELOW_MIN,
            &max_path,
            format!(
                "max_running_instances {} is below min_running_instances {}; expected at least {min}, or -1 for no limit",
                shown(max, max_set, defaults::MAX_RUNNING_INSTANCES),
                shown(min, min_set, defaults::MIN_RUNNING_INSTANCES),
            ),
        );
    } else if autoscaling && !unlimited && max == min {
        report.push(
            &AUTOSCALING_NO_RANGE,
            &max_path,
            format!(
                "max_running_instances {} equals min_running_instances {} while `autoscaling` is set; expected more than {min} (or -1) so KEDA can scale",
                shown(max, max_set, defaults::MAX_RUNNING_INSTANCES),
                shown(min, min_set, defaults::MIN_RUNNING_INSTANCES),
            ),
        );
    }
    if min == 0 && !autoscaling {
        report.push(
            &MIN_ZERO_WITHOUT_AUTOSCALING,
            &path.field("min_running_instances"),
            "min_running_instances is 0 without `autoscaling`: no container will run; expected at least 1, or a KEDA `autoscaling` policy to scale from zero".to_owned(),
        );
    }
}

/// `3`, or `1 (omitted: the default)`.
fn shown(value: i32, set: bool, default: i32) -> String {
    if set {
        value.to_string()
    } else {
        format!("{default} (omitted: the default)")
    }
}
