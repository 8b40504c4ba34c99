//! `cpu` and `memory`: Qovery's engine cannot render a negative value (the field's `range`
//! error), and the Terraform provider refuses less than 10 (this module's warning).

use crate::validate::{Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes};

/// The Terraform provider's floor for `cpu` (millicores) and `memory` (MB).
pub const TERRAFORM_MINIMUM: i32 = 10;

/// `cpu` or `memory` from 0 to 9: the engine deploys it, the Terraform provider refuses it.
pub const BELOW_TERRAFORM_MINIMUM: RuleInfo = RuleInfo {
    code: codes::BELOW_TERRAFORM_MINIMUM,
    severity: Severity::Warning,
    source: Source::TerraformProvider,
    citation: "Qovery/terraform-provider-qovery@c186979 internal/domain/container/container.go:23-25 (MinCPU = 10, MinMemory = 10), qovery/resource_container.go:132-146 (Int64MinValidator)",
    pointer: "",
    description: "at least 10 (millicores for `cpu`, MB for `memory`), the Terraform provider's minimum (the engine accepts down to 0)",
    schema: SchemaSupport::ValidatorOnly,
};

/// A warning for a `cpu` or `memory` from 0 to 9; below 0 is the field's `range` error.
pub struct TerraformMinimum;

impl<C: ?Sized> Rule<i32, C> for TerraformMinimum {
    const RULES: &'static [RuleInfo] = &[BELOW_TERRAFORM_MINIMUM];

    fn check(value: &i32, _: &C, path: &Path<'_>, report: &mut Report) {
        if (0..TERRAFORM_MINIMUM).contains(value) {
            report.push(
                &BELOW_TERRAFORM_MINIMUM,
                path,
                format!(
                    "{value} is below {TERRAFORM_MINIMUM}, the Terraform provider's minimum; expected at least {TERRAFORM_MINIMUM}"
                ),
            );
        }
    }
}
