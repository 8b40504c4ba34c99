//! `check --fix` and `check --diff`: the front end of [`crate::fix`] over the engine.
//!
//! Each round lints the document with [`engine::lint`], so the configuration's rule levels and
//! suppressions apply to fixes: a rule turned off or a suppressed diagnostic is not fixed.
//! `--fix` writes each changed file atomically and then reports what remains, exactly as
//! `check` would on the fixed files, followed by how many fixes were applied (on standard
//! error, so a JSON or SARIF report stays parseable). With `-`, the fixed document goes to
//! standard output and the report to standard error. `--diff` writes nothing: it prints the
//! unified diff of every file `--fix` would change, and exits with 1 when there is one.
//! `--exit-non-zero-on-fix` makes `--fix` exit with 1 when it changed a file (the pre-commit hook
//! `qovery-lint-fix`).
//!
//! A YAML stream's documents are fixed together: the engine checks each on a copy of the file
//! with the others blanked, so every edit's offsets are the file's own, and each round re-lints
//! the whole file (a round that leaves any document unparsable is reverted).

use super::args::CheckArgs;
use super::run;
use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, report_warning, with_stdout};
use crate::engine::{self, Linted};
use crate::fix::{Outcome, Written, fix_with, unified_diff, write_atomically};
use crate::render::{self, Stream, Summary};
use crate::select::Input;
use crate::settings::Settings;
use qovery_model::validate::{Applicability, Report};
use std::io::{self, Write};
use std::path::Path;

/// Fixes (or diffs) every input and returns the exit status.
pub fn run(inputs: &[Input], settings: &Settings, args: &CheckArgs) -> u8 {
    let threshold = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut linted = Vec::with_capacity(inputs.len());
    let mut diffs = String::new();
    let (mut applied, mut files) = (0, 0);
    let mut stdout_document = None;
    for input in inputs {
        let (name, bytes) = match run::read_input(input, settings) {
            Ok(read) => read,
            Err(unlinted) => {
                linted.push(*unlinted);
                continue;
            }
        };
        let walked = run::is_walked(input);
        let lint = |text: &[u8]| fixable(Path::new(&name), text, settings, walked);
        let fixed = fix_with(&bytes, threshold, &lint);
        if fixed.outcome == Outcome::NotConverged {
            report_warning(format!(
                "{name}: fixes were still left after {} rounds; run --fix again",
                crate::fix::MAX_ROUNDS
            ));
        }
        let changed = fixed.changed(&bytes);
        let reverted = fixed.outcome == Outcome::Reverted;
        if args.diff {
            diffs.push_str(&unified_diff(&name, &bytes, &fixed.output));
        } else if matches!(input, Input::Stdin) {
            stdout_document = Some(fixed.output.clone());
        } else if changed && let Input::File { path, .. } = input {
            match write_atomically(path, &bytes, &fixed.output) {
                Ok(Written::Written) => {}
                Ok(Written::ChangedOnDisk) => {
                    report_warning(format!(
                        "{name}: changed on disk while it was fixed; left as it is"
                    ));
                    linted.push(run::lint_bytes(name, bytes, settings, walked));
                    continue;
                }
                Err(error) => {
                    linted.push(Linted {
                        unreadable: true,
                        ..run::lint_bytes(name, bytes, settings, walked)
                    });
                    report_warning(format!("cannot be written: {error}"));
                    continue;
                }
            }
        }
        if changed {
            applied += fixed.applied;
            files += 1;
        }
        let mut after = run::lint_bytes(name, fixed.output, settings, walked);
        if reverted {
            // The internal error the rounds reported first, then the input's findings.
            let internal = fixed.report.diagnostics().first().cloned();
            if let Some(internal) = internal.filter(|d| d.code == engine::INTERNAL) {
                after.report.findings.insert(
                    0,
                    engine::Finding {
                        diagnostic: internal,
                        document: 0,
                        suppressed: false,
                    },
                );
            }
        }
        linted.push(after);
    }
    let summary = |verb: &str| {
        let _ = writeln!(
            io::stderr(),
            "qovery-lint: {applied} fix{} {verb} in {files} file{}",
            plural(applied, "es"),
            plural(files, "s"),
        );
    };
    if args.diff {
        let written = with_stdout(|out| out.write_all(diffs.as_bytes()));
        summary("would be applied");
        return if written != EXIT_OK || linted.iter().any(|l| l.unreadable) {
            EXIT_USAGE
        } else if files > 0 {
            EXIT_INVALID
        } else {
            EXIT_OK
        };
    }
    let emitter = render::emitter(settings);
    let context = super::emitter_context(settings);
    let report = |out: &mut dyn Write| {
        let mut stream = Stream::new(emitter.as_ref(), out, context);
        linted.into_iter().for_each(|file| stream.file(file));
        stream.finish()
    };
    let (written, counts) = match stdout_document {
        // The fixed document owns standard output; the report goes to standard error.
        Some(document) => {
            let fixed = with_stdout(|out| out.write_all(&document));
            let (counts, report) = report(&mut io::stderr().lock());
            let status = if fixed != EXIT_OK || report.is_err() {
                EXIT_USAGE
            } else {
                EXIT_OK
            };
            (status, counts)
        }
        None => {
            let mut counts = Summary::default();
            let written = with_stdout(|out| {
                let written;
                (counts, written) = report(out);
                written
            });
            (written, counts)
        }
    };
    summary("applied");
    match super::exit_status(written, &counts) {
        EXIT_OK if args.exit_non_zero_on_fix && files > 0 => EXIT_INVALID,
        status => status,
    }
}

/// The diagnostics of `text` that may be fixed: the engine's reported findings (levels applied,
/// suppressed ones left out), in every document of the file.
fn fixable(path: &Path, text: &[u8], settings: &Settings, walked: bool) -> Report {
    let report = engine::lint(path, text, settings, walked);
    let mut fixable = Report::new();
    for finding in report.reported() {
        fixable.push_diagnostic(finding.diagnostic.clone());
    }
    fixable
}

fn plural(count: usize, suffix: &str) -> &str {
    if count == 1 { "" } else { suffix }
}
