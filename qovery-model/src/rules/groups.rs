//! Annotations and labels groups: the same group twice, and the whole group objects Qovery's
//! console sends.
//!
//! Group ids are typed as UUIDs, so a value that is not one does not deserialize; what remains is
//! the same group attached twice, harmless but almost certainly a copy-paste slip.

use super::unique::for_each_duplicate;
use crate::model::{
    AnnotationsGroupRequest, AnnotationsGroupResponse, LabelsGroupRequest, LabelsGroupResponse,
};
use crate::validate::{Path, Report, Rule, RuleInfo, SchemaSupport, Severity, Source, codes};
use serde_json::{Map, Value, json};
use uuid::Uuid;

/// The same group id twice in one list.
pub const DUPLICATE_GROUP_ID: RuleInfo = RuleInfo {
    code: codes::DUPLICATE_GROUP_ID,
    severity: Severity::Warning,
    source: Source::Inferred,
    citation: "none: reasoning only (the API reads ids; a repeated id attaches nothing more)",
    pointer: "/*/id",
    description: "no group is listed twice (the second one adds nothing)",
    schema: SchemaSupport::ValidatorOnly,
};

/// No group id listed twice. See [`super::unique`] for the cost.
pub struct UniqueGroupIds;

macro_rules! unique_group_ids {
    ($($group:ty),+) => {$(
        impl<C: ?Sized> Rule<Vec<$group>, C> for UniqueGroupIds {
            const RULES: &'static [RuleInfo] = &[DUPLICATE_GROUP_ID];

            fn check(groups: &Vec<$group>, _: &C, path: &Path<'_>, report: &mut Report) {
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

/// The members of an organization labels group response (`OrganizationLabelsGroupEnrichedResponse`)
/// that Qovery's console sends with each item of `labels_groups`: it sends the whole group
/// (Qovery/console@720181b libs/domains/services/feature/src/lib/service-creation-flow/application-container/application-container-summary/application-container-summary-utils/application-container-summary-utils.ts:107).
/// The API reads only `id`.
pub const CONSOLE_LABELS_GROUP_MEMBERS: &[&str] = &[
    "name",
    "created_at",
    "updated_at",
    "labels",
    "associated_items_count",
];

/// The members of an organization annotations group response (`OrganizationAnnotationsGroupResponse`)
/// that the console sends with each item of `annotations_groups` (same file, line 108).
pub const CONSOLE_ANNOTATIONS_GROUP_MEMBERS: &[&str] = &[
    "name",
    "created_at",
    "updated_at",
    "annotations",
    "scopes",
    "associated_items_count",
];

/// Declares the members the console sends in the schema of a group reference, so that a payload
/// the console builds is read without an `unknown_member` warning for each of them (and passes
/// `--strict`); any other member is still unknown. Checks nothing: the API ignores them.
pub struct ConsoleGroupMembers;

macro_rules! console_group_members {
    ($($group:ty => $members:expr),+) => {$(
        impl<C: ?Sized> Rule<$group, C> for ConsoleGroupMembers {
            const RULES: &'static [RuleInfo] = &[];

            fn check(_: &$group, _: &C, _: &Path<'_>, _: &mut Report) {}

            fn schema(schema: &mut Map<String, Value>) {
                console_group_schema(schema, $members);
            }
        }
    )+};
}

console_group_members!(
    AnnotationsGroupRequest => CONSOLE_ANNOTATIONS_GROUP_MEMBERS,
    LabelsGroupRequest => CONSOLE_LABELS_GROUP_MEMBERS
);

fn console_group_schema(schema: &mut Map<String, Value>, members: &[&str]) {
    let Some(properties) = schema
        .entry("properties")
        .or_insert_with(|| json!({}))
        .as_object_mut()
    else {
        return;
    };
    for member in members {
        properties.entry(*member).or_insert_with(|| {
            json!({
                "description": "Sent by Qovery's console, which posts the whole group object; the API reads only `id` and ignores this member."
            })
        });
    }
}
