//! Fixes: rounds of check -> [`apply_fixes`] -> re-check on one document, the atomic write of
//! the result, and its unified diff.
//!
//! The rounds are ruff's and ESLint's: the fixes of one round that overlap are left for the
//! next, which re-checks the fixed document, so every fix is built on the bytes it edits. At
//! most [`MAX_ROUNDS`] rounds; a document that still has fixes then is reported as not
//! converging. A round whose output no longer parses is a bug of a fix builder: the whole
//! document is reverted to its input and the file gets an internal error.

use qovery_model::document::{self, CheckOptions};
use qovery_model::validate::fix::apply_fixes;
use qovery_model::validate::{Applicability, Diagnostic, Report, Severity};
use std::io;
use std::path::Path;

/// The most rounds of fixes on one document.
pub const MAX_ROUNDS: usize = 10;

pub use crate::engine::INTERNAL;

/// How a document's rounds ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// No fix is left to apply.
    Converged,
    /// Fixes were still left after [`MAX_ROUNDS`] rounds.
    NotConverged,
    /// A round produced a document that no longer parses: the output is the input.
    Reverted,
}

/// A document after its rounds of fixes.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed document (the input when nothing applied or when it was reverted).
    pub output: Vec<u8>,
    /// How many fixes were applied, over all rounds.
    pub applied: usize,
    /// The report of `output`: what is left to fix by hand (with an [`INTERNAL`] error first
    /// when the document was reverted).
    pub report: Report,
    /// How the rounds ended.
    pub outcome: Outcome,
}

impl Fixed {
    /// Whether the output differs from the input.
    pub fn changed(&self, input: &[u8]) -> bool {
        self.output != input
    }
}

/// Applies the fixes of at least `threshold` to `bytes`, round after round, with `lint` giving
/// each round's diagnostics: only those are fixed, so the engine's lint (rule levels,
/// suppressions) decides what is fixed, and a silenced diagnostic is not.
pub fn fix_with(bytes: &[u8], threshold: Applicability, lint: &dyn Fn(&[u8]) -> Report) -> Fixed {
    let mut current = bytes.to_vec();
    let mut report = lint(&current);
    let mut applied = 0;
    for _ in 0..MAX_ROUNDS {
        let fixes = report.diagnostics().iter().filter_map(|d| d.fix.as_ref());
        let round = apply_fixes(&current, fixes, threshold);
        if round.applied == 0 {
            return Fixed {
                output: current,
                applied,
                report,
                outcome: Outcome::Converged,
            };
        }
        let next = lint(&round.output);
        if next.diagnostics().iter().any(is_unparsable) {
            return reverted(bytes, lint);
        }
        applied += round.applied;
        current = round.output;
        report = next;
    }
    let left = report
        .diagnostics()
        .iter()
        .filter_map(|d| d.fix.as_ref())
        .any(|fix| fix.is_applicable(threshold));
    Fixed {
        output: current,
        applied,
        report,
        outcome: if left {
            Outcome::NotConverged
        } else {
            Outcome::Converged
        },
    }
}

/// [`fix_with`] on the library's check of `bytes` with `options`, keeping only the diagnostics
/// `keep` accepts.
pub fn fix_document(
    bytes: &[u8],
    options: &CheckOptions,
    threshold: Applicability,
    keep: &dyn Fn(&Diagnostic) -> bool,
) -> Fixed {
    fix_with(bytes, threshold, &|text| {
        let mut report = document::check(text, options);
        report.retain(|d| keep(d));
        report
    })
}

/// Whether a diagnostic says the document does not parse.
fn is_unparsable(diagnostic: &Diagnostic) -> bool {
    diagnostic.code == document::codes::SYNTAX
}

/// The input unchanged, with its report and an internal error first.
fn reverted(bytes: &[u8], lint: &dyn Fn(&[u8]) -> Report) -> Fixed {
    let mut report = Report::new();
    report.push_diagnostic(Diagnostic::new(
        "",
        INTERNAL,
        Severity::Error,
        "a fix made the document unparsable, so the file was left unchanged; please report it",
    ));
    for diagnostic in lint(bytes) {
        report.push_diagnostic(diagnostic);
    }
    Fixed {
        output: bytes.to_vec(),
        applied: 0,
        report,
        outcome: Outcome::Reverted,
    }
}

/// What [`write_atomically`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// The file now holds the fixed bytes.
    Written,
    /// The file changed on disk since it was read: left as it is.
    ChangedOnDisk,
}

/// Replaces the file at `path`, which held `original` when it was read, with `fixed`: through
/// a temporary file in the same directory renamed over it (a reader sees the old or the new
/// file, never half of one), with the file's permissions. Skipped when the file no longer
/// holds `original` (another tool wrote it meanwhile).
///
/// # Errors
///
/// Reading, creating, writing or renaming failed; the file is then unchanged.
pub fn write_atomically(path: &Path, original: &[u8], fixed: &[u8]) -> io::Result<Written> {
    use std::io::Write;
    if std::fs::read(path)? != original {
        return Ok(Written::ChangedOnDisk);
    }
    let permissions = std::fs::metadata(path)?.permissions();
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temporary = tempfile::NamedTempFile::new_in(directory)?;
    temporary.write_all(fixed)?;
    temporary.as_file().sync_all()?;
    std::fs::set_permissions(temporary.path(), permissions)?;
    temporary.persist(path).map_err(|error| error.error)?;
    Ok(Written::Written)
}

/// The unified diff of `before` -> `after` for the file `name` (`--- name`, `+++ name`, three
/// lines of context, as `patch -p0` reads it), empty when they are equal.
pub fn unified_diff(name: &str, before: &[u8], after: &[u8]) -> String {
    if before == after {
        return String::new();
    }
    let before = String::from_utf8_lossy(before);
    let after = String::from_utf8_lossy(after);
    similar::TextDiff::from_lines(before.as_ref(), after.as_ref())
        .unified_diff()
        .context_radius(3)
        .header(name, name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix_all(text: &str, threshold: Applicability) -> Fixed {
        fix_document(text.as_bytes(), &CheckOptions::new(), threshold, &|_| true)
    }

    #[test]
    fn rounds_apply_overlapping_fixes_one_after_the_other() {
        // Both fixes edit `image_name`: the tag moves in one round, the case in the next.
        let text = "{\"name\": \"a\", \"registry_id\": \"7f3e2a10-1111-4222-8333-944455556666\", \"image_name\": \"Acme/Api:1.2\"}";
        let fixed = fix_all(text, Applicability::Safe);
        assert_eq!(
            String::from_utf8_lossy(&fixed.output),
            "{\"name\": \"a\", \"registry_id\": \"7f3e2a10-1111-4222-8333-944455556666\", \"image_name\": \"acme/api\", \"tag\": \"1.2\"}"
        );
        assert_eq!((fixed.applied, fixed.outcome), (2, Outcome::Converged));
        // What is left has no fix.
        let left: Vec<&str> = fixed.report.diagnostics().iter().map(|d| d.code).collect();
        assert_eq!(left, ["required"]);
    }

    #[test]
    fn unsafe_fixes_need_the_unsafe_threshold_and_kept_diagnostics() {
        let text = "{\"name\": \"a\", \"registry_id\": \"7f3e2a10-1111-4222-8333-944455556666\", \"image_name\": \"api\", \"memroy\": 64}";
        assert_eq!(fix_all(text, Applicability::Safe).applied, 0);
        let fixed = fix_all(text, Applicability::Unsafe);
        assert!(String::from_utf8_lossy(&fixed.output).contains("\"memory\": 64"));
        let none = fix_document(
            text.as_bytes(),
            &CheckOptions::new(),
            Applicability::Unsafe,
            &|d| d.code != "unknown_member",
        );
        assert_eq!(none.output, text.as_bytes());
    }

    #[test]
    fn a_document_with_a_syntax_error_gets_no_fix() {
        let text = "{\"cpu\": \"1000\",}";
        let fixed = fix_all(text, Applicability::Unsafe);
        assert_eq!(
            (fixed.output.as_slice(), fixed.applied),
            (text.as_bytes(), 0)
        );
    }

    #[test]
    fn the_diff_is_unified_with_file_headers() {
        let diff = unified_diff("x.json", b"a\nb\n", b"a\nc\n");
        assert_eq!(
            diff,
            "--- x.json\n+++ x.json\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n"
        );
        assert_eq!(unified_diff("x.json", b"a", b"a"), "");
    }

    #[test]
    fn writing_keeps_permissions_and_skips_a_file_changed_on_disk() -> io::Result<()> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join("p.json");
        std::fs::write(&path, b"old")?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))?;
        }
        assert_eq!(write_atomically(&path, b"old", b"new")?, Written::Written);
        assert_eq!(std::fs::read(&path)?, b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path)?.permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        assert_eq!(
            write_atomically(&path, b"old", b"newer")?,
            Written::ChangedOnDisk
        );
        assert_eq!(std::fs::read(&path)?, b"new");
        // Nothing left behind but the file.
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }
}
