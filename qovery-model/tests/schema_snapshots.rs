//! Snapshots of every exported schema (`tests/snapshots/`), so a change to a bound, a pattern, a
//! description or a construct shows up in review as a diff of the schema itself.
//!
//! After an intended change:
//! `INSTA_UPDATE=always cargo test -p qovery-model --all-features --test schema_snapshots`
//! (or `cargo insta review`), read the diff, then regenerate `schemas/` with
//! `UPDATE_SCHEMAS=1 cargo test --test schema_export`.

use qovery_model::schema;

#[test]
fn exported_schemas() {
    for (file, value) in schema::all() {
        let name = file.trim_end_matches(".json");
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_json_snapshot!(name, value);
        });
    }
}
