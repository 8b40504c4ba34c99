//! rustc-like text: one block per diagnostic, rendered by annotate-snippets, then a summary.
//!
//! ```text
//! error[range]: 70000 is greater than the maximum of 65535
//!  --> examples/payloads/broken-web.json:9:24
//!   |
//! 9 |     { "internal_port": 70000, "publicly_accessible": true }
//!   |                        ^^^^^
//!   |
//!   = pointer: /ports/0/internal_port
//! ```

use super::super::args::ColorArg;
use super::super::run::Checked;
use super::{Summary, clip, has_control, printable};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use qovery_model::validate::{Diagnostic, Severity};
use std::io::{self, IsTerminal, Write};
use std::ops::Range;

/// Whether to color: `always`, `never`, or with `auto` when standard output is a terminal and
/// `NO_COLOR` is unset or empty.
pub fn color_enabled(choice: ColorArg) -> bool {
    match choice {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

/// Writes every diagnostic of every input, then the summary (with `quiet`, only when something
/// is wrong). The blocks are rendered on up to `jobs` threads and written in input order.
pub fn render(
    out: &mut dyn Write,
    checked: &[Checked],
    deny_warnings: bool,
    quiet: bool,
    color: bool,
    jobs: usize,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for blocks in render_blocks(&renderer, checked, jobs) {
        out.write_all(blocks.as_bytes())?;
    }
    let summary = Summary::of(checked, deny_warnings);
    if !quiet || !summary.is_clean() {
        writeln!(out, "{}", summary.line())?;
    }
    Ok(())
}

/// The blocks of every diagnostic, each followed by a blank line, in input order: one string per
/// contiguous slice of `checked`, the slices rendered in parallel. Rendering a block costs more
/// than checking a clean file (profiled on 10,000 files: a third of the run, on one thread).
fn render_blocks(renderer: &Renderer, checked: &[Checked], jobs: usize) -> Vec<String> {
    let render_slice = |files: &[Checked]| {
        let mut blocks = String::new();
        for file in files {
            let name = printable(&file.name);
            for diagnostic in file.report.diagnostics() {
                blocks.push_str(&render_one(
                    renderer,
                    &name,
                    file.source.as_deref(),
                    diagnostic,
                ));
                blocks.push_str("\n\n");
            }
        }
        blocks
    };
    let jobs = jobs.clamp(1, checked.len().max(1));
    if jobs == 1 {
        return vec![render_slice(checked)];
    }
    let render_slice = &render_slice;
    std::thread::scope(|scope| {
        let workers: Vec<_> = checked
            .chunks(checked.len().div_ceil(jobs))
            .map(|files| scope.spawn(move || render_slice(files)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// One diagnostic as rustc would print it.
pub fn render_one(
    renderer: &Renderer,
    name: &str,
    source: Option<&[u8]>,
    diagnostic: &Diagnostic,
) -> String {
    render_block(renderer, name, source, diagnostic, Tail::Cut)
}

/// Whether to hand the renderer the unseen tail of a long source line (tests compare the two).
#[derive(Clone, Copy, PartialEq)]
enum Tail {
    Cut,
    #[cfg(test)]
    Whole,
}

fn render_block(
    renderer: &Renderer,
    name: &str,
    source: Option<&[u8]>,
    diagnostic: &Diagnostic,
    tail: Tail,
) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        _ => Level::WARNING,
    };
    let message = printable(&clip(&diagnostic.message));
    let title = level.primary_title(message.as_str()).id(diagnostic.code);
    let line_text = diagnostic
        .position
        .and_then(|p| source.and_then(|s| source_line(s, p.line)));
    let mut group = match (diagnostic.position, &line_text) {
        (Some(start), Some(text)) => {
            let span = span(text, start.column, diagnostic.end.map(|e| e.column));
            let text = match tail {
                Tail::Cut => without_unseen_tail(text, span.end),
                #[cfg(test)]
                Tail::Whole => text,
            };
            title.element(
                Snippet::source(text)
                    .line_start(usize::try_from(start.line).unwrap_or(usize::MAX))
                    .path(name)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
        }
        (Some(start), None) => title.element(
            Origin::path(name)
                .line(usize::try_from(start.line).unwrap_or(usize::MAX))
                .char_column(usize::try_from(start.column).unwrap_or(1)),
        ),
        (None, _) => title.element(Origin::path(name)),
    };
    let help = diagnostic.help.as_deref().map(|h| printable(&clip(h)));
    if let Some(help) = &help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let pointer = printable(&clip(&diagnostic.pointer));
    if !pointer.is_empty() {
        group = group.element(Level::NOTE.with_name("pointer").message(pointer.as_str()));
    }
    let report: [Group<'_>; 1] = [group];
    let rendered = renderer.render(&report);
    if line_text.is_some() {
        return rendered;
    }
    // Without a source line there is no gutter, and the renderer starts the location at the
    // margin; indent it like the others (` --> path:line:column`).
    rendered
        .lines()
        .map(|line| {
            if without_styles(line).starts_with("-->") {
                format!(" {line}")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `line` without its ANSI styles (`ESC [ ... m`).
fn without_styles(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Line `line` (1-based) of `source`, without its line break, with control characters replaced
/// one for one (so character columns still match) so that nothing reaches the terminal raw.
fn source_line(source: &[u8], line: u32) -> Option<String> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    let raw = source.split(|&b| b == b'\n').nth(index)?;
    let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
    let text = String::from_utf8_lossy(raw);
    if !has_control(&text) {
        return Some(text.into_owned());
    }
    Some(
        text.chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// ASCII characters kept after the annotated span. The renderer shows at most
/// `DEFAULT_TERM_WIDTH` columns of a line around the span, then `...`; with twice that after
/// the span, it sees the same window and the same "there is more" as with the whole line, so
/// the output is the same, while it measures far fewer characters (one payload is often one
/// long line; the unit test `cutting_the_unseen_tail_changes_nothing` renders such lines both
/// ways and compares).
const SHOWN_TAIL: usize = 2 * annotate_snippets::renderer::DEFAULT_TERM_WIDTH;

/// `line` without what the renderer cannot show after `span_end` (a byte offset): cut only
/// after [`SHOWN_TAIL`] ASCII characters, each exactly one column wide.
fn without_unseen_tail(line: &str, span_end: usize) -> &str {
    let Some(tail) = line.get(span_end..) else {
        return line;
    };
    match tail.char_indices().nth(SHOWN_TAIL) {
        Some((cut, _)) if tail.as_bytes()[..cut].is_ascii() => &line[..span_end + cut],
        _ => line,
    }
}

/// The byte range of characters `start..end` (1-based columns, `end` exclusive) in `line`; at
/// least one character when the line has one, clamped to the line.
fn span(line: &str, start: u32, end: Option<u32>) -> Range<usize> {
    let start = usize::try_from(start)
        .unwrap_or(usize::MAX)
        .saturating_sub(1);
    let end = end
        .and_then(|e| usize::try_from(e).ok())
        .map_or(start + 1, |e| e.saturating_sub(1))
        .max(start + 1);
    let offset = |column: usize| {
        line.char_indices()
            .nth(column)
            .map_or(line.len(), |(offset, _)| offset)
    };
    offset(start)..offset(end)
}

#[cfg(test)]
mod tests {
    use super::{Renderer, Tail, render_block, source_line, span, without_styles};
    use qovery_model::validate::{Diagnostic, Position, Severity};

    #[test]
    fn spans_count_characters() {
        assert_eq!(span("  \"é\": 70000", 8, Some(13)), 8..13);
        assert_eq!(span("abc", 2, None), 1..2);
        assert_eq!(span("abc", 9, Some(12)), 3..3);
        assert_eq!(span("é1", 2, Some(3)), 2..3);
    }

    #[test]
    fn styles_are_stripped() {
        assert_eq!(
            without_styles("\u{1b}[1m\u{1b}[94m--> \u{1b}[0ma.json"),
            "--> a.json"
        );
        assert_eq!(without_styles("plain"), "plain");
    }

    #[test]
    fn source_lines_are_sanitized() {
        assert_eq!(
            source_line(b"a\r\nb\x1bc\n", 2).as_deref(),
            Some("b\u{fffd}c")
        );
        assert_eq!(source_line(b"a", 3), None);
        assert_eq!(source_line(b"a", 0), None);
    }

    #[test]
    fn cutting_the_unseen_tail_changes_nothing() {
        // Long one-line documents, spans from the first to the last column, short and long,
        // after plain, wide (`界`, two columns) and leading-whitespace prefixes.
        let mut lines = Vec::new();
        for prefix in ["", "界界界", "                          ", "\t\t"] {
            for len in [10, 150, 300, 700, 1500] {
                let body: String = (0..len)
                    .map(|i| char::from(b'a' + (i % 26) as u8))
                    .collect();
                lines.push(format!("{prefix}{{\"k\": \"{body}\", \"n\": 1}}"));
            }
        }
        let mut compared = 0;
        for line in &lines {
            let columns = u32::try_from(line.chars().count()).unwrap_or(u32::MAX);
            for start in (1..=columns).step_by(37).chain([columns]) {
                for width in [1, 5, 140, 400] {
                    let diagnostic = Diagnostic::new("/k", "type", Severity::Error, "a message")
                        .with_position(Position {
                            line: 1,
                            column: start,
                        })
                        .with_end(Position {
                            line: 1,
                            column: start + width,
                        });
                    for renderer in [Renderer::plain(), Renderer::styled()] {
                        let source = Some(line.as_bytes());
                        let cut = render_block(&renderer, "f.json", source, &diagnostic, Tail::Cut);
                        let whole =
                            render_block(&renderer, "f.json", source, &diagnostic, Tail::Whole);
                        assert_eq!(cut, whole, "start {start}, width {width}: {line}");
                        compared += 1;
                    }
                }
            }
        }
        assert!(compared > 1000, "{compared}");
    }
}
