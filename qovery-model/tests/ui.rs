//! Compile-fail and compile-pass tests of `#[derive(Validate)]`: each misuse gets the macro's own
//! message, spanned on the offending tokens, with no cascade of follow-on errors.
//!
//! Regenerate the expected output with
//! `TRYBUILD=overwrite cargo test -p qovery-model --all-features --test ui`, then read every
//! `.stderr` before committing it.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
