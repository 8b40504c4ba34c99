//! `check --fix` and `check --diff`: the front end of [`crate::fix`].
//!
//! `--fix` writes each changed file atomically and then reports what remains, exactly as
//! `check` would on the fixed files, followed by how many fixes were applied (on standard
//! error, so a JSON or SARIF report stays parseable). With `-`, the fixed document goes to
//! standard output and the report to standard error. `--diff` writes nothing: it prints the
//! unified diff of every file `--fix` would change, and exits with 1 when there is one.
//! `--exit-non-zero-on-fix` makes `--fix` exit with 1 when it changed a file (the pre-commit hook
//! `qovery-lint-fix`).

use super::args::CheckArgs;
use super::config::Settings;
use super::discover::Input;
use super::run::{self, Checked, IO};
use super::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, render, report_warning, status, with_stdout};
use crate::fix::{Outcome, Written, fix_document, unified_diff, write_atomically};
use qovery_model::validate::Applicability;
use std::io::{self, Write};

/// Fixes (or diffs) every input and returns the exit status.
pub fn run(inputs: &[Input], settings: &Settings, args: &CheckArgs) -> u8 {
    let threshold = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut checked = Vec::with_capacity(inputs.len());
    let mut diffs = String::new();
    let (mut applied, mut files) = (0, 0);
    let mut stdout_document = None;
    for input in inputs {
        let (name, bytes) = match run::read_input(input, settings) {
            Ok(read) => read,
            Err(unchecked) => {
                checked.push(unchecked);
                continue;
            }
        };
        let options = run::options_for(&name, settings);
        // Rule levels and suppressions decide which diagnostics are fixed once the engine
        // applies them; until then every diagnostic is.
        let fixed = fix_document(&bytes, &options, threshold, &|_| true);
        if fixed.outcome == Outcome::NotConverged {
            report_warning(format!(
                "{name}: fixes were still left after {} rounds; run --fix again",
                crate::fix::MAX_ROUNDS
            ));
        }
        let changed = fixed.changed(&bytes);
        if args.diff {
            diffs.push_str(&unified_diff(&name, &bytes, &fixed.output));
        } else if matches!(input, Input::Stdin) {
            stdout_document = Some(fixed.output.clone());
        } else if changed && let Input::File(path) = input {
            match write_atomically(path, &bytes, &fixed.output) {
                Ok(Written::Written) => {}
                Ok(Written::ChangedOnDisk) => {
                    report_warning(format!(
                        "{name}: changed on disk while it was fixed; left as it is"
                    ));
                    // Reported as read: none of its fixes were applied.
                    let report = qovery_model::document::check(&bytes, &options);
                    checked.push(remaining(name, bytes, report, settings));
                    continue;
                }
                Err(error) => {
                    checked.push(run::failed(name, IO, format!("cannot be written: {error}")));
                    continue;
                }
            }
        }
        if changed {
            applied += fixed.applied;
            files += 1;
        }
        checked.push(remaining(name, fixed.output, fixed.report, settings));
    }
    if args.diff {
        let written = with_stdout(|out| out.write_all(diffs.as_bytes()));
        let _ = writeln!(
            io::stderr(),
            "qovery-lint: {applied} fix{} would be applied in {files} file{}",
            plural(applied, "es"),
            plural(files, "s"),
        );
        return if written != EXIT_OK || checked.iter().any(|c| c.unreadable) {
            EXIT_USAGE
        } else if files > 0 {
            EXIT_INVALID
        } else {
            EXIT_OK
        };
    }
    let written = match stdout_document {
        // The fixed document owns standard output; the report goes to standard error.
        Some(document) => {
            let fixed = with_stdout(|out| out.write_all(&document));
            let mut err = io::stderr().lock();
            let report = render(&mut err, &checked, settings).and_then(|()| err.flush());
            if fixed != EXIT_OK || report.is_err() {
                EXIT_USAGE
            } else {
                EXIT_OK
            }
        }
        None => with_stdout(|out| render(out, &checked, settings)),
    };
    let _ = writeln!(
        io::stderr(),
        "qovery-lint: {applied} fix{} applied in {files} file{}",
        plural(applied, "es"),
        plural(files, "s"),
    );
    match status(written, &checked, settings) {
        EXIT_OK if args.exit_non_zero_on_fix && files > 0 => EXIT_INVALID,
        status => status,
    }
}

/// A checked input whose report is what remains after the fixes.
fn remaining(
    name: String,
    bytes: Vec<u8>,
    report: qovery_model::validate::Report,
    settings: &Settings,
) -> Checked {
    Checked {
        name,
        source: run::keep_source(settings, &report).then_some(bytes),
        report,
        unreadable: false,
    }
}

fn plural(count: usize, suffix: &str) -> &str {
    if count == 1 { "" } else { suffix }
}
