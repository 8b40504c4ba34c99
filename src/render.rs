//! The output formats, each an [`Emitter`] (ruff's idiom): one trait, one signature, all
//! rendered from the same linted files. The worker that linted a file renders it
//! ([`Emitter::render_file`], as ripgrep's printers do); a [`Stream`] writes the renderings in
//! input order as files complete and keeps only the summary counts (and the names of the files
//! skipped), so memory does not grow with the number of files. No format starts threads of its
//! own.

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

/// One output format: what it writes for one file, and around the files.
pub trait Emitter: Send + Sync {
    /// What this format writes for one file (empty when it shows nothing of it); called by the
    /// worker that linted the file, so rendering runs in parallel.
    fn render_file(&self, file: &Linted) -> String;

    /// Writes what comes before the first file.
    fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        let _ = out;
        Ok(())
    }

    /// Writes one file's rendering (never empty); `first`: nothing was written before it.
    fn write_file(&self, out: &mut dyn Write, rendered: &str, first: bool) -> io::Result<()> {
        let _ = first;
        out.write_all(rendered.as_bytes())
    }

    /// Writes the end, after the last file: the summary. Every format writes each file as it
    /// comes, so memory does not grow with the files.
    fn finish(
        &self,
        out: &mut dyn Write,
        summary: &Summary,
        context: &EmitterContext,
    ) -> io::Result<()>;
}

/// Writes linted files through an [`Emitter`] in the order they are given, keeping only the
/// summary counts and the names of the skipped files. The first write error is kept and
/// returned by [`finish`](Stream::finish); after it files are only counted (the exit status
/// still covers every file).
pub struct Stream<'e, W: Write> {
    emitter: &'e dyn Emitter,
    out: W,
    context: EmitterContext,
    summary: Summary,
    error: Option<io::Error>,
}

impl<'e, W: Write> Stream<'e, W> {
    /// Starts the output (`context.skipped` is filled as skipped files come).
    pub fn new(emitter: &'e dyn Emitter, mut out: W, context: EmitterContext) -> Self {
        let error = emitter.begin(&mut out).err();
        Stream {
            emitter,
            out,
            context,
            summary: Summary::default(),
            error,
        }
    }

    /// Counts and writes one file (rendered here when its worker did not:
    /// [`Linted::rendered`]); a file that is not a payload is only named in the skipped list.
    pub fn file(&mut self, file: Linted) {
        if file.report.not_a_payload {
            self.context.skipped.push(file.name);
            self.summary.skipped += 1;
            return;
        }
        self.summary.add(&file, self.context.deny_warnings);
        if self.error.is_some() {
            return;
        }
        let rendered = match file.rendered {
            Some(rendered) => rendered,
            None => self.emitter.render_file(&file),
        };
        if rendered.is_empty() {
            return;
        }
        let first = self.summary.written == 0;
        self.summary.written += 1;
        if let Err(error) = self.emitter.write_file(&mut self.out, &rendered, first) {
            self.error = Some(error);
        }
    }

    /// Writes the end and flushes: the summary, and the first write error if there was one.
    pub fn finish(mut self) -> (Summary, io::Result<()>) {
        let written = match self.error.take() {
            Some(error) => Err(error),
            None => self
                .emitter
                .finish(&mut self.out, &self.summary, &self.context)
                .and_then(|()| self.out.flush()),
        };
        (self.summary, written)
    }
}
/// The emitter of `settings.format`.
pub fn emitter(settings: &Settings) -> Box<dyn Emitter> {
    match settings.format {
        Format::Text => Box::new(text::TextEmitter::new(text::color_enabled(settings.color))),
        Format::Json => Box::new(json::JsonEmitter::new(settings.deny_warnings)),
        Format::Github => Box::new(github::GithubEmitter),
        Format::Sarif => Box::new(sarif::SarifEmitter::new()),
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
    /// Inputs that could not be read (or checked) at all.
    pub unreadable: usize,
    /// Files the format wrote something for.
    pub written: usize,
}

impl Summary {
    /// Counts one checked file (not a skipped one).
    pub fn add(&mut self, file: &Linted, deny_warnings: bool) {
        self.files += 1;
        if file.is_valid(deny_warnings) {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        if file.unreadable {
            self.unreadable += 1;
        }
        let counts = file.report.counts();
        self.errors += counts.errors;
        self.warnings += counts.warnings;
        self.suppressed += counts.suppressed;
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
    summary: &Summary,
    context: &EmitterContext,
) -> io::Result<()> {
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

/// A pretty-printed JSON document (`serde_json`'s two-space style) cut at its one empty list
/// `"key": []`, so that the list's items can be streamed in between: `head` ends with the
/// list's `[`, `tail` starts with its `]`. The JSON and SARIF formats stream their files this
/// way and write the same bytes as the whole document serialized at once (their unit tests
/// compare the two).
struct ListCut<'d> {
    head: &'d str,
    tail: &'d str,
    /// The spaces before the list's key: its items are indented two more.
    indent: usize,
}

impl<'d> ListCut<'d> {
    /// `document` cut at the first `"key": []`. Keys and strings are escaped in JSON text, so
    /// `"key": []` only appears as the member itself.
    fn new(document: &'d str, key: &str) -> io::Result<ListCut<'d>> {
        let member = format!("\"{key}\": []");
        let Some(at) = document.find(&member) else {
            return Err(io::Error::other(format!("the report has no `{key}` list")));
        };
        let line_start = document[..at].rfind('\n').map_or(0, |n| n + 1);
        let bracket = at + member.len() - 1;
        Ok(ListCut {
            head: &document[..bracket],
            tail: &document[bracket..],
            indent: at - line_start,
        })
    }

    /// Writes `document` up to the items of its `key` list: what a streaming format's `begin`
    /// writes.
    fn write_head(out: &mut dyn Write, document: &str, key: &str) -> io::Result<()> {
        out.write_all(ListCut::new(document, key)?.head.as_bytes())
    }

    /// Writes `document` from the end of its `key` list on, then a line break: what a
    /// streaming format's `finish` writes; `any`: items were written.
    fn write_rest(out: &mut dyn Write, document: &str, key: &str, any: bool) -> io::Result<()> {
        ListCut::new(document, key)?.write_tail(out, any)?;
        writeln!(out)
    }

    /// Writes the tail; `any`: items were written (the `]` then goes on its own line).
    fn write_tail(&self, out: &mut dyn Write, any: bool) -> io::Result<()> {
        if any {
            write!(out, "\n{:1$}", "", self.indent)?;
        }
        out.write_all(self.tail.as_bytes())
    }
}

/// One item of a pretty-printed list at `indent` spaces, as `serde_json` prints it inside the
/// document: every line after the first starts with the `indent` spaces of the list, then the
/// item's own two per level. Written by [`Indented`] in one pass, not re-indented after.
fn list_item(value: &impl Serialize, indent: usize) -> String {
    let mut out = Vec::with_capacity(512);
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, Indented::at(indent));
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `serde_json`'s `PrettyFormatter` (two spaces a level), every line break followed by `base`
/// spaces more: the output of `to_string_pretty` re-indented, byte for byte, without the second
/// pass (which cost a third of the JSON report's rendering: 7.5 M instructions on 2,000 files).
struct Indented {
    base: usize,
    level: usize,
    has_value: bool,
}

impl Indented {
    fn at(base: usize) -> Self {
        Indented {
            base,
            level: 0,
            has_value: false,
        }
    }

    /// A line break, after a comma unless `first`, and the indentation of the current level.
    fn line<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        line_break(writer, first, self.base + 2 * self.level)
    }

    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.level = self.level.saturating_sub(1);
        if self.has_value {
            self.line(writer, true)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.line(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Writes an item made by [`list_item`] at `indent` spaces: after a comma unless it is the
/// first, on its own line.
fn write_list_item(out: &mut dyn Write, item: &str, indent: usize, first: bool) -> io::Result<()> {
    line_break(out, first, indent)?;
    out.write_all(item.as_bytes())
}

/// A line break, after a comma unless `first`, and `indent` spaces (without the formatting
/// machinery: this runs for every file of a report).
fn line_break<W: ?Sized + io::Write>(writer: &mut W, first: bool, indent: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    writer.write_all(if first { b"\n" } else { b",\n" })?;
    let mut left = indent;
    while left > 0 {
        let run = left.min(SPACES.len());
        writer.write_all(&SPACES[..run])?;
        left -= run;
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

/// Linted files for the formats' unit tests.
#[cfg(test)]
pub(crate) mod test_files {
    use crate::engine::{FileReport, Finding, Linted};
    use qovery_model::validate::{Diagnostic, Position, Severity};

    /// A checked file named `name` with `findings` findings, each at line 1, column 2, with a
    /// quote in its message, the second suppressed.
    pub(crate) fn linted(name: &str, findings: usize, severity: Severity) -> Linted {
        let findings = (0..findings)
            .map(|i| Finding {
                diagnostic: Diagnostic::new(format!("/m{i}"), "range", severity, "bad \"x\"")
                    .with_position(Position { line: 1, column: 2 }),
                document: i,
                suppressed: i == 1,
            })
            .collect();
        Linted {
            name: name.to_owned(),
            source: None,
            report: FileReport {
                findings,
                documents: 1,
                ..FileReport::default()
            },
            unreadable: false,
            rendered: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Summary, list_item};

    /// `list_item` writes what `to_string_pretty` prints with every line break followed by the
    /// indentation, byte for byte: nesting, empty containers, escapes, a line break in a string.
    #[test]
    fn list_items_are_pretty_json_indented() {
        let values = [
            serde_json::json!({"a": [1, {"b": []}, {}], "c": "x\ny \"q\"", "d": {"e": null}}),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!("plain"),
            serde_json::json!([[["deep"]], [], {"k": [true, false]}]),
        ];
        for value in &values {
            for indent in [0, 2, 4, 70] {
                let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
                let expected = pretty.replace('\n', &format!("\n{}", " ".repeat(indent)));
                assert_eq!(list_item(value, indent), expected, "{value} at {indent}");
            }
        }
    }

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
            unreadable: 0,
            written: 0,
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
