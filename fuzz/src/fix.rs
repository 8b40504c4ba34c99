//! The properties of fixes, asserted by the fuzz target `fix` on arbitrary bytes and by
//! qovery-lint's `tests/fix_props.rs` (which includes this file) on generated payloads with
//! injected mistakes:
//! - each fix alone edits only its own bytes (before its first edit and after its last, the
//!   output is the input) and leaves a document that still parses;
//! - the rounds of `--fix --unsafe-fixes` converge, on a document that parses and has no
//!   applicable fix left;
//! - a second `--fix` changes nothing.

use qovery_lint::fix::{Fixed, Outcome, fix_document};
use qovery_model::document::{CheckOptions, check, codes};
use qovery_model::validate::Applicability;
use qovery_model::validate::fix::apply_fixes;

/// Whether a report says the document does not parse (or is over a limit).
fn unparsable(report: &qovery_model::validate::Report) -> bool {
    report
        .diagnostics()
        .iter()
        .any(|d| d.code == codes::SYNTAX || d.code == codes::LIMIT)
}

/// Asserts the properties above on `bytes`; returns the result of the rounds.
pub fn assert_fix_properties(bytes: &[u8], options: &CheckOptions) -> Fixed {
    let report = check(bytes, options);
    let parses = !unparsable(&report);
    for diagnostic in report.diagnostics() {
        let Some(fix) = &diagnostic.fix else {
            continue;
        };
        assert!(
            parses,
            "a fix on a document that does not parse: {diagnostic:?}"
        );
        let alone = apply_fixes(bytes, [fix], Applicability::Display);
        assert_eq!(
            alone.applied, 1,
            "{fix:?} does not apply to its own document"
        );
        let range = fix.range();
        let output = &alone.output;
        assert_eq!(
            output.get(..range.start),
            bytes.get(..range.start),
            "{fix:?}: bytes before it changed"
        );
        let tail = &bytes[range.end..];
        assert!(output.ends_with(tail), "{fix:?}: bytes after it changed");
        assert!(
            !unparsable(&check(output, options)),
            "{fix:?} breaks the document:\n{}",
            String::from_utf8_lossy(output)
        );
    }
    let fixed = fix_document(bytes, options, Applicability::Unsafe, &|_| true);
    assert_eq!(
        fixed.outcome,
        Outcome::Converged,
        "{}",
        String::from_utf8_lossy(bytes)
    );
    if parses {
        assert!(
            !unparsable(&fixed.report),
            "{}",
            String::from_utf8_lossy(&fixed.output)
        );
    } else {
        assert_eq!(
            fixed.output, bytes,
            "a document that does not parse was changed"
        );
    }
    assert!(
        fixed.report.diagnostics().iter().all(|d| d.fix.is_none()),
        "a fix is left after the rounds: {:?}",
        fixed.report
    );
    let again = fix_document(&fixed.output, options, Applicability::Unsafe, &|_| true);
    assert_eq!(
        (again.applied, &again.output),
        (0, &fixed.output),
        "a second --fix changed the document"
    );
    fixed
}
