//! rustc-like rendering of diagnostics (feature `render`), through annotate-snippets: what the
//! README shows and what `qovery-lint check` prints.
//!
//! ```
//! use qovery_model::render::Renderer;
//! use qovery_model::validate::{Diagnostic, Position, Severity};
//!
//! let source = b"{\n  \"cpu\": -1\n}\n";
//! let diagnostic = Diagnostic::new("/cpu", "range", Severity::Error, "-1 is less than the minimum of 10")
//!     .with_position(Position { line: 2, column: 10 })
//!     .with_end(Position { line: 2, column: 12 });
//! let text = Renderer::plain().diagnostic("api.json", Some(source), &diagnostic);
//! assert_eq!(text, "\
//! error[range]: -1 is less than the minimum of 10
//!  --> api.json:2:10
//!   |
//! 2 |   \"cpu\": -1
//!   |          ^^
//!   |
//!   = pointer: /cpu");
//! ```
//!
//! Messages, helps and pointers are clipped ([`clip`]) and control characters escaped
//! ([`printable`]), so a hostile document cannot flood or drive the terminal.

use crate::validate::{Diagnostic, Report, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Snippet};
use std::fmt::Write as _;
use std::ops::Range;

/// Renders diagnostics as rustc does, with or without ANSI colors.
#[derive(Debug, Clone)]
pub struct Renderer {
    inner: annotate_snippets::Renderer,
}

impl Renderer {
    /// Without colors.
    pub fn plain() -> Self {
        Renderer {
            inner: annotate_snippets::Renderer::plain(),
        }
    }

    /// With ANSI colors.
    pub fn styled() -> Self {
        Renderer {
            inner: annotate_snippets::Renderer::styled(),
        }
    }

    /// One diagnostic of the document `name` (as the location shows it), with its source line
    /// when `source` is given and the diagnostic has a position; no final line break.
    pub fn diagnostic(&self, name: &str, source: Option<&[u8]>, diagnostic: &Diagnostic) -> String {
        render_block(&self.inner, name, source, diagnostic, Tail::Cut)
    }

    /// Every diagnostic of `report`, each followed by a blank line, as `qovery-lint check`
    /// prints one file.
    pub fn report(&self, name: &str, source: &[u8], report: &Report) -> String {
        let name = printable(name);
        let mut out = String::new();
        for diagnostic in report.diagnostics() {
            out.push_str(&self.diagnostic(&name, Some(source), diagnostic));
            out.push_str("\n\n");
        }
        out
    }
}

/// The longest message or help the text and github formats show; a longer one (a suggestion
/// that repeats a 1 MB value) is cut, and says how much was left out. The JSON and SARIF
/// formats keep the whole text.
pub const MAX_SHOWN_CHARS: usize = 400;

/// `text`, cut after [`MAX_SHOWN_CHARS`] characters.
pub fn clip(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let rest = text[cut..].chars().count();
            format!("{}... ({rest} more characters)", &text[..cut])
        }
    }
}

/// `text` made safe for a terminal: control characters (escape sequences in a hostile file's
/// keys or name) are shown escaped, one printable replacement per character.
pub fn printable(text: &str) -> String {
    if !has_control(text) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && c != '\t' {
            let _ = write!(out, "{}", c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether `text` holds a control character other than a tab: C0 (below U+0020), DEL, or C1
/// (U+0080 to U+009F, the only characters whose UTF-8 starts with the byte 0xC2 0x80..=0x9F).
/// One pass over the bytes; most texts have none and are then copied as they are.
pub fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    })
}

/// Whether to hand the renderer the unseen tail of a long source line (tests compare the two).
#[derive(Clone, Copy, PartialEq)]
enum Tail {
    Cut,
    #[cfg(test)]
    Whole,
}

fn render_block(
    renderer: &annotate_snippets::Renderer,
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
    use super::{
        MAX_SHOWN_CHARS, Tail, clip, printable, render_block, source_line, span, without_styles,
    };
    use annotate_snippets::Renderer;
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

    #[test]
    fn long_texts_are_clipped() {
        assert_eq!(clip("short"), "short");
        let long = "é".repeat(MAX_SHOWN_CHARS + 5);
        let clipped = clip(&long);
        assert!(clipped.ends_with("... (5 more characters)"));
        assert_eq!(
            clipped.chars().filter(|&c| c == 'é').count(),
            MAX_SHOWN_CHARS
        );
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(printable("a\u{1b}[31mb\tc"), "a\\u{1b}[31mb\tc");
    }

    #[test]
    fn has_control_is_char_is_control_except_tab() {
        // Every character of the first 0x800 code points, and some far ones, alone and between
        // others: the byte test agrees with `char::is_control`.
        let far = [
            '\u{2028}',
            '\u{feff}',
            '\u{1f600}',
            '\u{10ffff}',
            '\u{e000}',
        ];
        for c in (0..0x800u32).filter_map(char::from_u32).chain(far) {
            let expected = c.is_control() && c != '\t';
            for text in [c.to_string(), format!("aé{c}b"), format!("{c}\u{a0}")] {
                assert_eq!(super::has_control(&text), expected, "{:?}", c);
            }
        }
    }
}
