//! The output formats, each an [`Emitter`] (ruff's idiom): one trait, one signature, all
//! rendered from the same linted files. The text format renders each file in the worker that
//! linted it ([`Emitter::render_file`], as ripgrep's printers do); the output is then written on
//! one thread, in input order. No format starts threads of its own.

pub mod github;
pub mod json;
pub mod sarif;
pub mod text;

use crate::engine::Linted;
use crate::settings::{Format, Settings};
use qovery_model::document::position::LineIndex;
use qovery_model::validate::Fix;
use serde::Serialize;
use std::io::{self, Write};

/// One edit of a fix, with the line and column of both ends (the JSON report writes it as is,
/// SARIF as a `replacement`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedEdit<'f> {
    /// Byte offset of the first byte replaced, in the file as read.
    pub start: usize,
    /// Byte offset just past the last byte replaced.
    pub end: usize,
    /// 1-based line of `start`; `None` when the file's bytes were not kept.
    pub start_line: Option<u32>,
    /// 1-based column of `start`, in characters.
    pub start_column: Option<u32>,
    /// 1-based line of `end`.
    pub end_line: Option<u32>,
    /// 1-based column of `end`, in characters.
    pub end_column: Option<u32>,
    /// The text written in place of `start..end`.
    pub replacement: &'f str,
}

/// The edits of `fix`, located with `lines` (the file's line index) when it is known.
pub fn located_edits<'f>(fix: &'f Fix, lines: Option<&LineIndex<'_>>) -> Vec<LocatedEdit<'f>> {
    fix.edits
        .iter()
        .map(|edit| {
            let start = lines.map(|l| l.position(edit.range.start));
            let end = lines.map(|l| l.position(edit.range.end));
            LocatedEdit {
                start: edit.range.start,
                end: edit.range.end,
                start_line: start.map(|p| p.line),
                start_column: start.map(|p| p.column),
                end_line: end.map(|p| p.line),
                end_column: end.map(|p| p.column),
                replacement: &edit.replacement,
            }
        })
        .collect()
}

pub use qovery_model::render::{MAX_SHOWN_CHARS, clip, has_control, printable};

/// What every format may show beside the files: how validity is judged, and what was skipped.
#[derive(Debug, Clone, Default)]
pub struct EmitterContext {
    /// Warnings make a file invalid.
    pub deny_warnings: bool,
    /// Only problems (no summary when everything is clean).
    pub quiet: bool,
    /// List the skipped files.
    pub verbose: bool,
    /// Files a walk found that are plainly not container payloads, not checked.
    pub skipped: Vec<String>,
}

/// One output format.
pub trait Emitter: Send + Sync {
    /// Writes the output for `files` (in input order) to `out`; a file whose
    /// [`Linted::rendered`] is set is written as it is.
    fn emit(
        &mut self,
        out: &mut dyn Write,
        files: &[Linted],
        context: &EmitterContext,
    ) -> io::Result<()>;

    /// What this format writes for one file alone, when it can be rendered apart: the worker
    /// that linted the file renders it (ripgrep's printers work the same way), so rendering
    /// runs in parallel and [`emit`](Emitter::emit) only writes in input order.
    fn render_file(&self, file: &Linted) -> Option<String> {
        let _ = file;
        None
    }
}

/// The emitter of `settings.format`.
pub fn emitter(settings: &Settings) -> Box<dyn Emitter> {
    match settings.format {
        Format::Text => Box::new(text::TextEmitter::new(text::color_enabled(settings.color))),
        Format::Json => Box::new(json::JsonEmitter),
        Format::Github => Box::new(github::GithubEmitter),
        Format::Sarif => Box::new(sarif::SarifEmitter),
    }
}

/// The counts every format ends with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Inputs checked (or that failed to be read).
    pub files: usize,
    /// Valid inputs.
    pub valid: usize,
    /// Invalid inputs.
    pub invalid: usize,
    /// Error-level diagnostics.
    pub errors: usize,
    /// Warning-level diagnostics.
    pub warnings: usize,
    /// Diagnostics silenced by a suppression comment.
    pub suppressed: usize,
    /// Files skipped as not container payloads.
    pub skipped: usize,
}

impl Summary {
    /// Counts `files`.
    pub fn of(files: &[Linted], context: &EmitterContext) -> Summary {
        let mut summary = Summary {
            files: files.len(),
            skipped: context.skipped.len(),
            ..Summary::default()
        };
        for file in files {
            if file.is_valid(context.deny_warnings) {
                summary.valid += 1;
            } else {
                summary.invalid += 1;
            }
            let counts = file.report.counts();
            summary.errors += counts.errors;
            summary.warnings += counts.warnings;
            summary.suppressed += counts.suppressed;
        }
        summary
    }

    /// Every input valid and not one diagnostic.
    pub fn is_clean(&self) -> bool {
        self.invalid == 0 && self.errors == 0 && self.warnings == 0
    }

    /// `qovery-lint: 3 files checked, 1 valid, 2 invalid (5 errors, 1 warning)`, with
    /// `, 2 suppressed` inside the parentheses when some were.
    pub fn line(&self) -> String {
        let suppressed = if self.suppressed > 0 {
            format!(", {} suppressed", self.suppressed)
        } else {
            String::new()
        };
        format!(
            "qovery-lint: {} checked, {} valid, {} invalid ({}, {}{suppressed})",
            plural(self.files, "file"),
            self.valid,
            self.invalid,
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
        )
    }

    /// `qovery-lint: 2 files skipped: not container payloads`, when some were.
    pub fn skipped_line(&self) -> Option<String> {
        (self.skipped > 0).then(|| {
            format!(
                "qovery-lint: {} skipped: not container payloads",
                plural(self.skipped, "file")
            )
        })
    }
}

/// The lines the text and github formats end with: the skipped files (listed with `-v`), then
/// the summary (with `quiet`, only when something is wrong).
pub fn write_summary(
    out: &mut dyn Write,
    files: &[Linted],
    context: &EmitterContext,
) -> io::Result<()> {
    let summary = Summary::of(files, context);
    if context.verbose {
        for name in &context.skipped {
            writeln!(
                out,
                "qovery-lint: skipped {}: not a container payload",
                printable(name)
            )?;
        }
    }
    if !context.quiet || !summary.is_clean() {
        if let Some(line) = summary.skipped_line() {
            writeln!(out, "{line}")?;
        }
        writeln!(out, "{}", summary.line())?;
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::Summary;

    #[test]
    fn summary_line_pluralizes() {
        let summary = Summary {
            files: 1,
            valid: 0,
            invalid: 1,
            errors: 1,
            warnings: 2,
            suppressed: 0,
            skipped: 0,
        };
        assert_eq!(
            summary.line(),
            "qovery-lint: 1 file checked, 0 valid, 1 invalid (1 error, 2 warnings)"
        );
        assert_eq!(summary.skipped_line(), None);
        let summary = Summary {
            suppressed: 3,
            skipped: 2,
            ..summary
        };
        assert_eq!(
            summary.line(),
            "qovery-lint: 1 file checked, 0 valid, 1 invalid (1 error, 2 warnings, 3 suppressed)"
        );
        assert_eq!(
            summary.skipped_line().as_deref(),
            Some("qovery-lint: 2 files skipped: not container payloads")
        );
    }
}
