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
use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

/// Renders diagnostics as rustc does, with or without ANSI colors.
#[derive(Debug, Clone)]
pub struct Renderer {
    inner: annotate_snippets::Renderer,
    /// Without colors: the direct path ([`render_plain_ascii`]) may render a block.
    plain: bool,
}

impl Renderer {
    /// Without colors.
    pub fn plain() -> Self {
        Renderer {
            inner: annotate_snippets::Renderer::plain(),
            plain: true,
        }
    }

    /// With ANSI colors.
    pub fn styled() -> Self {
        Renderer {
            inner: annotate_snippets::Renderer::styled(),
            plain: false,
        }
    }

    /// One diagnostic of the document `name` (as the location shows it), with its source line
    /// when `source` is given and the diagnostic has a position; no final line break.
    pub fn diagnostic(&self, name: &str, source: Option<&[u8]>, diagnostic: &Diagnostic) -> String {
        let mut out = String::new();
        self.diagnostic_into(&mut out, name, source, diagnostic);
        out
    }

    /// [`Renderer::diagnostic`], appended to `out`.
    pub fn diagnostic_into(
        &self,
        out: &mut String,
        name: &str,
        source: Option<&[u8]>,
        diagnostic: &Diagnostic,
    ) {
        if !(self.plain && render_plain_ascii(out, name, source, diagnostic)) {
            out.push_str(&render_block(
                &self.inner,
                name,
                source,
                diagnostic,
                Tail::Cut,
            ));
        }
    }

    /// Every diagnostic of `report`, each followed by a blank line, as `qovery-lint check`
    /// prints one file.
    pub fn report(&self, name: &str, source: &[u8], report: &Report) -> String {
        let name = printable(name);
        let mut out = String::new();
        for diagnostic in report.diagnostics() {
            self.diagnostic_into(&mut out, &name, Some(source), diagnostic);
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
    // No more bytes than that, so no more characters.
    if text.len() <= MAX_SHOWN_CHARS {
        return text.to_owned();
    }
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
    // Without any byte that can start one (the common case), there is none.
    if !any_byte(bytes, |b| {
        (b < 0x20 && b != b'\t') || b == 0x7F || b == 0xC2
    }) {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\t' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        _ => false,
    })
}

/// Whether a byte of `bytes` passes `test`. Every byte is tested, without stopping at the
/// first that passes, so that the compiler tests many bytes at a time: several times faster
/// than [`Iterator::any`] on the long lines of one-line payloads, where no byte usually passes.
fn any_byte(bytes: &[u8], test: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |found, &b| found | test(b))
}

/// `text` as the text formats show it, `printable(&clip(text))`: borrowed when that is `text`
/// itself (short, without control characters), as it most often is.
fn shown(text: &str) -> Cow<'_, str> {
    if text.len() <= MAX_SHOWN_CHARS && !has_control(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(printable(&clip(text)))
    }
}

/// Runs of spaces and carets for [`push_run`].
const SPACES: &str = "                                ";
const CARETS: &str = "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^";

/// Appends `n` times the one character `run` repeats, copying up to a whole run at a time (a
/// span's indentation is often some 60 columns).
fn push_run(out: &mut String, run: &str, n: usize) {
    let mut left = n;
    while left > 0 {
        let now = left.min(run.len());
        out.push_str(&run[..now]);
        left -= now;
    }
}

/// Appends `n` in decimal, as `write!(out, "{n}")` does, without the formatting machinery.
fn push_decimal(out: &mut String, n: usize) {
    let mut power = 1;
    while power <= n / 10 {
        power *= 10;
    }
    // The digits from the most significant: `power` is the largest power of ten up to `n`.
    while power > 0 {
        out.push(char::from(b'0' + (n / power % 10) as u8));
        power /= 10;
    }
}

/// Whether to hand the renderer the unseen tail of a long source line (tests compare the two).
#[derive(Clone, Copy, PartialEq)]
enum Tail {
    /// Both ends cut ([`unseen_head`], [`without_unseen_tail`]).
    Cut,
    /// Only the end cut.
    CutEnd,
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
    // Columns left out before the span: (the location as the renderer will print it, as it is).
    let mut moved = None;
    let mut group = match (diagnostic.position, &line_text) {
        (Some(start), Some(text)) => {
            let span = span(text, start.column, diagnostic.end.map(|e| e.column));
            let (text, span) = match tail {
                Tail::Cut | Tail::CutEnd => {
                    let text = without_unseen_tail(text, span.end);
                    let cut = if tail == Tail::Cut {
                        unseen_head(text, span.start)
                    } else {
                        0
                    };
                    if cut > 0 {
                        let column = text[cut..span.start].chars().count() + 1;
                        let at = |column: usize| format!(":{}:{column}", start.line);
                        moved = Some((at(column), at(column + cut)));
                    }
                    (&text[cut..], span.start - cut..span.end - cut)
                }
                #[cfg(test)]
                Tail::Whole => (text.as_str(), span),
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
    if let Some((shown, real)) = moved {
        // The location is the only place the left-out columns show: put them back, or render
        // the whole head if the location is not where it is expected.
        return match rendered.split_once('\n') {
            Some((first, rest)) => match rest.split_once('\n') {
                Some((location, rest)) if location.ends_with(&shown) => format!(
                    "{first}\n{}{real}\n{rest}",
                    &location[..location.len() - shown.len()]
                ),
                _ => render_block(renderer, name, source, diagnostic, Tail::CutEnd),
            },
            None => render_block(renderer, name, source, diagnostic, Tail::CutEnd),
        };
    }
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

/// The plain block of a diagnostic on a printable-ASCII line, written straight into `out`: the
/// same bytes as annotate-snippets' plain renderer gives (the unit test
/// `ascii_lines_render_as_annotate_snippets_does` compares them on random blocks, short lines
/// and long ones), at a small fraction of its cost (callgrind: about 63,000 instructions for a
/// block on a pretty-printed payload's line through annotate-snippets, about 100,000 on a
/// one-line payload's). A line wider than the renderer's window is shown as it shows it
/// ([`AsciiWindow`]). Returns false, writing nothing, outside the case it knows: a line that
/// is not printable ASCII or ends with a space, a span that is empty, leaves the line or is too
/// wide for the window, a name or text with a tab or a line break.
fn render_plain_ascii(
    out: &mut String,
    name: &str,
    source: Option<&[u8]>,
    diagnostic: &Diagnostic,
) -> bool {
    let Some(start) = diagnostic.position else {
        return false;
    };
    let Some(raw) = source.and_then(|s| raw_line(s, start.line)) else {
        return false;
    };
    // Printable ASCII without trailing spaces: one column per byte, nothing for the renderer to
    // replace or normalize, and no trailing space for it to drop.
    if raw.last() == Some(&b' ') || any_byte(raw, |b| !(b' '..=b'~').contains(&b)) {
        return false;
    }
    let Ok(text) = std::str::from_utf8(raw) else {
        return false;
    };
    let digits = start.line.checked_ilog10().map_or(1, |d| d as usize + 1);
    let span = span(text, start.column, diagnostic.end.map(|e| e.column));
    let leading = raw.iter().take_while(|&&b| b == b' ').count();
    let Some(window) = AsciiWindow::new(raw.len(), leading, &span, digits) else {
        return false;
    };
    let message = shown(&diagnostic.message);
    let help = diagnostic.help.as_deref().map(shown);
    let pointer = shown(&diagnostic.pointer);
    let one_line = |t: &str| !any_byte(t.as_bytes(), |b| matches!(b, b'\t' | b'\n' | b'\r'));
    if !one_line(name)
        || !one_line(&message)
        || !help.as_deref().is_none_or(one_line)
        || !one_line(&pointer)
    {
        return false;
    }
    let level = match diagnostic.severity {
        Severity::Error => "error",
        _ => "warning",
    };
    // Room for the block (an estimate: the line shown twice for the line and its marks, a
    // margin for the fixed parts), so that `out` grows at most once for it.
    out.reserve(
        name.len()
            + message.len()
            + help.as_deref().map_or(0, str::len)
            + pointer.len()
            + 2 * (window.right - window.left)
            + 8 * digits
            + 64,
    );
    // The gutter's blank part, as wide as the line number: at most 10 digits (`u32::MAX`).
    let pad = &SPACES[..digits];
    let line = usize::try_from(start.line).unwrap_or(usize::MAX);
    // `{level}[{code}]: {message}`
    out.push_str(level);
    out.push('[');
    out.push_str(diagnostic.code);
    out.push_str("]: ");
    out.push_str(&message);
    // `{gutter}--> {name}:{line}:{column}`
    out.push('\n');
    out.push_str(pad);
    out.push_str("--> ");
    out.push_str(name);
    out.push(':');
    push_decimal(out, line);
    out.push(':');
    push_decimal(out, span.start + 1);
    // `{gutter} |`, then `{line} | {shown part of the line}`
    out.push('\n');
    out.push_str(pad);
    out.push_str(" |\n");
    push_decimal(out, line);
    out.push_str(" | ");
    let (left, right) = (window.left, window.right);
    let shown_line = &text[left..right];
    if window.cut_left {
        out.push_str(ELLIPSIS);
        out.push_str(&shown_line[ELLIPSIS.len()..]);
    } else {
        out.push_str(shown_line);
    }
    if right < raw.len() {
        out.truncate(out.len() - ELLIPSIS.len());
        out.push_str(ELLIPSIS);
    }
    // `{gutter} | {indent}^^^`
    out.push('\n');
    out.push_str(pad);
    out.push_str(" | ");
    push_run(out, SPACES, span.start - left);
    push_run(out, CARETS, span.len());
    if help.is_some() || !pointer.is_empty() {
        out.push('\n');
        out.push_str(pad);
        out.push_str(" |");
    }
    if let Some(help) = &help {
        out.push('\n');
        out.push_str(pad);
        out.push_str(" = help: ");
        out.push_str(help);
    }
    if !pointer.is_empty() {
        out.push('\n');
        out.push_str(pad);
        out.push_str(" = pointer: ");
        out.push_str(&pointer);
    }
    true
}

/// What annotate-snippets marks where it cuts a line.
const ELLIPSIS: &str = "...";

/// The columns of a printable-ASCII line annotate-snippets shows for one span: its
/// `Margin::new` and `Margin::compute` (0.12, `renderer/margin.rs`) and `draw_line` with one
/// single-line primary annotation and no label, where a column is a byte.
struct AsciiWindow {
    /// The first column shown.
    left: usize,
    /// Past the last column shown; the line's length, or its last three columns shown become
    /// [`ELLIPSIS`].
    right: usize,
    /// Columns were left out before `left`: the first three shown become [`ELLIPSIS`].
    cut_left: bool,
}

impl AsciiWindow {
    /// For a line of `len` columns, `leading` of them leading spaces (not all of it), a span of
    /// columns `span` and a line number of `digits` digits. `None` where the renderer does more
    /// than this models: a span annotate-snippets trims in its middle (wider than twice the
    /// window) or that would not fit beside the ellipses.
    fn new(len: usize, leading: usize, span: &Range<usize>, digits: usize) -> Option<Self> {
        /// `Margin`'s room for an ellipsis, its long-whitespace threshold and padding.
        const PASSING: usize = 6;
        const LONG_WHITESPACE: usize = 20;
        const LONG_WHITESPACE_PADDING: usize = 4;
        if span.is_empty() || span.end > len {
            return None;
        }
        // The code's width: the terminal's less the gutter (`NN | `).
        let width = annotate_snippets::renderer::DEFAULT_TERM_WIDTH.checked_sub(3 + digits)?;
        if span.len() > 2 * width {
            return None;
        }
        let whitespace_left = leading.min(span.start).saturating_sub(PASSING);
        let span_left = span.start.saturating_sub(PASSING);
        let span_right = span.end + PASSING;
        let mut left = if whitespace_left > LONG_WHITESPACE {
            whitespace_left - (LONG_WHITESPACE - LONG_WHITESPACE_PADDING)
        } else {
            0
        };
        let mut right = len.max(left);
        if right - left > width {
            if span_right.saturating_sub(whitespace_left) <= width && span_right >= whitespace_left
            {
                left = whitespace_left;
            } else if span_right - span_left <= width {
                left = span_left.saturating_sub((width - (span_right - span_left)) / 2);
            } else {
                left = span_left;
            }
            right = if span_right - span_left <= width {
                left + width
            } else {
                span_right
            };
        }
        let left = left.min(len);
        let right = if len.saturating_sub(left) <= width {
            len
        } else {
            len.min(right)
        };
        let cut_left = left > 0;
        // Both ellipses and the span must fit in what is shown.
        let room = right - left;
        let cut_right = right < len;
        let ellipses = ELLIPSIS.len() * (usize::from(cut_left) + usize::from(cut_right));
        if room < ellipses.max(1) || span.start < left + ELLIPSIS.len() * usize::from(cut_left) {
            return None;
        }
        Some(AsciiWindow {
            left,
            right,
            cut_left,
        })
    }
}

/// The text (`crate::lines`) of line `line` (1-based) of `source`, as bytes: the lines
/// `document::LineIndex::line_range` gives.
fn raw_line(source: &[u8], line: u32) -> Option<&[u8]> {
    let index = usize::try_from(line).ok()?.checked_sub(1)?;
    let start = after_line_break(source, index)?;
    let rest = &source[start..];
    let raw = after_line_break(rest, 1).map_or(rest, |end| &rest[..end - 1]);
    Some(crate::lines::text(raw))
}

/// The offset just after the `n`-th `\n` of `bytes` (0 for `n` = 0), if it has that many.
/// Counted a block of bytes at a time, without stopping at each: several times faster than a
/// byte-by-byte search on a one-line payload (one line of a few thousand bytes) and on the
/// dozen short lines before a pretty-printed payload's error.
fn after_line_break(bytes: &[u8], n: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    if n == 0 {
        return Some(0);
    }
    // Line breaks in the blocks before this one: fewer than `n`.
    let mut seen = 0;
    for (block_index, block) in bytes.chunks(BLOCK).enumerate() {
        // At most `BLOCK` line breaks: a byte counts them, so the compiler counts many at once.
        let breaks = usize::from(block.iter().fold(0u8, |c, &b| c + u8::from(b == b'\n')));
        if seen + breaks >= n {
            let at = block
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .nth(n - seen - 1)?
                .0;
            return Some(block_index * BLOCK + at + 1);
        }
        seen += breaks;
    }
    None
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
    let raw = raw_line(source, line)?;
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

/// Leading spaces annotate-snippets shows as they are (it trims more than 20, plus its padding).
const MAX_KEPT_INDENT: usize = 20;

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

/// Bytes at the start of `line` that annotate-snippets cannot show, for a span starting at byte
/// `span_start`, and that can be left out without changing its window: only when more than
/// [`SHOWN_TAIL`] characters precede the span and what is left out is printable ASCII (one
/// column a byte). Its window is placed from the span (`Margin::compute`: the span and padding,
/// not the line's start, once the line is wider than the window), so left-out columns shift
/// it only when they hold the indentation it trims: the line's indentation must stay within
/// [`MAX_KEPT_INDENT`] and the kept part start with a non-space. The location line shows the
/// column, which the caller puts back.
fn unseen_head(line: &str, span_start: usize) -> usize {
    let bytes = line.as_bytes();
    let Some(cut) = span_start.checked_sub(SHOWN_TAIL).filter(|&cut| cut > 0) else {
        return 0;
    };
    let leading = bytes.iter().take_while(|&&b| b == b' ').count();
    let fits = leading <= MAX_KEPT_INDENT
        && bytes.get(cut).is_some_and(|b| !b.is_ascii_whitespace())
        && bytes[..cut].iter().all(|b| (b' '..=b'~').contains(b));
    if fits { cut } else { 0 }
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
    // An ASCII line (a one-line payload is often one of 1,000 columns) has a byte per column.
    let ascii = line.is_ascii();
    let offset = |column: usize| {
        if ascii {
            return column.min(line.len());
        }
        line.char_indices()
            .nth(column)
            .map_or(line.len(), |(offset, _)| offset)
    };
    offset(start)..offset(end)
}

#[cfg(test)]
mod tests {
    use super::{
        MAX_SHOWN_CHARS, Tail, clip, printable, push_decimal, raw_line, render_block,
        render_plain_ascii, shown, source_line, span, without_styles,
    };
    use crate::test_rng::Rng;
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

    /// Random lines (indented or not, short, around the renderer's window and up to ten times
    /// it, some with a tab, a carriage return, a non-ASCII character or a trailing space),
    /// spans anywhere on them and up to wider than twice the window, line numbers of one to
    /// five digits, messages with non-ASCII text, with and without help and pointer: where the
    /// direct path renders, it gives annotate-snippets' bytes for the whole line; and it
    /// renders most of them, long lines included.
    #[test]
    fn ascii_lines_render_as_annotate_snippets_does() {
        const LINE: &[u8] = b"abcdefghijklmnopqrstuvwxyz\"{}:,     ";
        const TEXT: [&str; 6] = ["a", "b", " ", "`", "\"", "\u{e9}"];
        const ODD: [&str; 4] = ["\t", "\u{e9}", "\r", " "];
        let mut rng = Rng(0x5eed_0020);
        let text = |rng: &mut Rng, max: usize| -> String {
            (0..=rng.below(max))
                .map(|_| TEXT[rng.below(TEXT.len())])
                .collect()
        };
        let (mut rendered, mut long, cases) = (0, 0, 6000);
        for _ in 0..cases {
            let mut line = " ".repeat([0, 2, 4, 20, 27, 40][rng.below(6)]);
            let length = [10, 100, 130, 137, 140, 150, 300, 1400][rng.below(8)];
            line.extend((0..rng.below(length)).map(|_| char::from(LINE[rng.below(LINE.len())])));
            if rng.below(10) == 0 {
                let odd = ODD[rng.below(ODD.len())];
                let at = if odd == " " {
                    line.len()
                } else {
                    rng.below(line.len() + 1)
                };
                line.insert_str(at, odd);
            }
            let line_no = [1u32, 7, 9, 10, 42, 99, 100, 999, 1000, 12345][rng.below(10)];
            let mut source = "{\n".repeat(line_no as usize - 1);
            source.push_str(&line);
            source.push('\n');
            let severity = [Severity::Error, Severity::Warning][rng.below(2)];
            let pointer: String = (0..rng.below(4)).map(|i| format!("/m{i}")).collect();
            let columns = line.chars().count().max(1);
            let column = 1 + rng.below(columns) as u32;
            let mut diagnostic = Diagnostic::new(pointer, "type", severity, text(&mut rng, 30))
                .with_position(Position {
                    line: line_no,
                    column,
                });
            if rng.below(4) > 0 {
                let width = [1, 5, 40, 130, 300][rng.below(5)];
                let end = column + rng.below(width) as u32;
                diagnostic = diagnostic.with_end(Position {
                    line: line_no,
                    column: end,
                });
            }
            if rng.below(2) == 0 {
                diagnostic.help = Some(text(&mut rng, 30));
            }
            let source = Some(source.as_bytes());
            let mut direct = String::new();
            if render_plain_ascii(&mut direct, "f.json", source, &diagnostic) {
                let expected = render_block(
                    &Renderer::plain(),
                    "f.json",
                    source,
                    &diagnostic,
                    Tail::Whole,
                );
                assert_eq!(direct, expected, "{diagnostic:?} on {line:?}");
                rendered += 1;
                long += usize::from(line.len() > 140);
            }
        }
        assert!(rendered > cases * 3 / 4, "{rendered} of {cases}");
        assert!(long > cases / 8, "{long} long lines of {cases}");
    }

    #[test]
    fn the_direct_path_renders_the_lines_it_is_for() {
        // A pretty-printed payload's line, and a one-line payload's long line: the direct path
        // takes them. A tab it leaves to annotate-snippets.
        let diagnostic = Diagnostic::new("/cpu", "type", Severity::Error, "expected an integer")
            .with_position(Position {
                line: 3,
                column: 10,
            })
            .with_end(Position {
                line: 3,
                column: 16,
            });
        let mut out = String::new();
        let pretty = b"{\n  \"name\": \"a\",\n  \"cpu\": \"1000\",\n}\n";
        assert!(render_plain_ascii(
            &mut out,
            "f.json",
            Some(pretty),
            &diagnostic
        ));
        assert_eq!(
            out,
            "error[type]: expected an integer\n --> f.json:3:10\n  |\n3 |   \"cpu\": \"1000\",\n  |          ^^^^^^\n  |\n  = pointer: /cpu"
        );
        let long = format!(
            "{{\n\n{}\"cpu\": \"1000\", {}}}",
            "\"k\": 1, ".repeat(30),
            "\"k\": 1, ".repeat(30)
        );
        let at = |column: u32| Position { line: 3, column };
        let in_the_middle = Diagnostic::new("/cpu", "type", Severity::Error, "expected an integer")
            .with_position(at(218))
            .with_end(at(224));
        out.clear();
        assert!(render_plain_ascii(
            &mut out,
            "f.json",
            Some(long.as_bytes()),
            &in_the_middle
        ));
        // The window (136 columns beside `3 | `) is centred on the span: 59 columns of padding
        // and the renderer's 6 before it, the line's first 152 columns left out.
        let k = "\"k\": 1, ";
        assert_eq!(
            out,
            format!(
                "error[type]: expected an integer\n --> f.json:3:218\n  |\n3 | ...: 1, {}\"cpu\": \"1000\", {}\"k\": 1...\n  | {}^^^^^^\n  |\n  = pointer: /cpu",
                k.repeat(10),
                k.repeat(3),
                " ".repeat(65)
            )
        );
        let tab = b"{\n\n\t\"cpu\": \"1000\",\n}";
        assert!(!render_plain_ascii(
            &mut out,
            "f.json",
            Some(tab),
            &diagnostic
        ));
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
    fn raw_lines_are_the_pieces_between_line_breaks() {
        // Line breaks before, inside and after a 64-byte block, many in one block, none, a
        // final one (the empty line after it), `\r\n`.
        let mut sources: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            b"\n".to_vec(),
            b"a".to_vec(),
            b"a\r\nb\r\n".to_vec(),
            b"\n\n\n\n".repeat(40),
        ];
        for width in [1, 5, 62, 63, 64, 65, 127, 128, 200] {
            let line = vec![b'x'; width];
            sources.push([&line[..], b"\n"].concat().repeat(7));
            sources.push([&line[..], b"\n", &line[..]].concat());
        }
        for source in &sources {
            let pieces: Vec<&[u8]> = source.split(|&b| b == b'\n').collect();
            for line in 0..pieces.len() as u32 + 3 {
                let expected = (line as usize)
                    .checked_sub(1)
                    .and_then(|index| pieces.get(index))
                    .map(|raw| raw.strip_suffix(b"\r").unwrap_or(raw));
                assert_eq!(
                    raw_line(source, line),
                    expected,
                    "line {line} of {source:?}"
                );
            }
        }
    }

    #[test]
    fn decimals_are_written_as_format_writes_them() {
        for n in [0, 1, 9, 10, 11, 99, 100, 12_345, 4_294_967_295, usize::MAX] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn shown_is_clipped_and_printable() {
        let long = "a".repeat(MAX_SHOWN_CHARS + 1);
        let exact = "\u{e9}".repeat(MAX_SHOWN_CHARS);
        for text in [
            "",
            "plain",
            "a\u{1b}[31m",
            "tab\there",
            "\u{85}",
            &long,
            &exact,
        ] {
            assert_eq!(shown(text), printable(&clip(text)), "{text:?}");
        }
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
