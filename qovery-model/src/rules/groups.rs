//! Annotations and labels groups: the same group twice.
//!
//! Group ids are typed as UUIDs, so a value that is not one does not deserialize; what remains is
//! the same group attached twice, harmless but almost certainly a copy-paste slip.

use super::unique::for_each_duplicate;
use crate::model::{
    AnnotationsGroupRequest, AnnotationsGroupResponse, LabelsGroupRequest, LabelsGroupResponse,
};
use crate::validate::{
    Context, Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes,
};
use uuid::Uuid;

/// The same group id twice in one list.
pub const DUPLICATE_GROUP_ID: RuleInfo = RuleInfo {
    code: codes::DUPLICATE_GROUP_ID,
    severity: Severity::Warning,
    source: Source::Inferred,
    pointer: "/*/id",
    description: "no group is listed twice (the second one adds nothing)",
    schema: SchemaSupport::ValidatorOnly,
};

/// No group id listed twice. See [`super::unique`] for the cost.
pub struct UniqueGroupIds;

macro_rules! unique_group_ids {
    ($($group:ty),+) => {$(
        impl Rule<Vec<$group>> for UniqueGroupIds {
            const RULES: &'static [RuleInfo] = &[DUPLICATE_GROUP_ID];

            fn check(groups: &Vec<$group>, _: &Context, path: &Path<'_>, report: &mut Report) {
                check_unique(groups, |g| &g.id, path, report);
            }
        }
    )+};
}

unique_group_ids!(
    AnnotationsGroupRequest,
    LabelsGroupRequest,
    AnnotationsGroupResponse,
    LabelsGroupResponse
);

fn check_unique<G>(groups: &[G], id: impl Fn(&G) -> &Uuid, path: &Path<'_>, report: &mut Report) {
    for_each_duplicate(
        groups,
        |g| Some(id(g)),
        Uuid::cmp,
        |index, first| {
            let item = path.index(index);
            report.push(
                &DUPLICATE_GROUP_ID,
                &item.field("id"),
                format!(
                    "group {} is already listed at index {first}; expected each group once",
                    id(&groups[index])
                ),
            );
        },
    );
}
