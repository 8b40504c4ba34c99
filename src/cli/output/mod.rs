//! The four output formats, all rendered from the same checked inputs.

pub mod github;
pub mod json;
pub mod sarif;
pub mod text;

use super::run::Checked;
use qovery_model::document::position::{LineIndex, Position};
use qovery_model::validate::Fix;
use std::fmt::Write as _;

/// One edit of a fix, with the line and column of both ends (for the JSON and SARIF reports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedEdit<'f> {
    /// Byte offsets in the checked document (`end` exclusive).
    pub range: std::ops::Range<usize>,
    /// Where `range` starts and ends; `None` when the document's bytes were not kept.
    pub start: Option<Position>,
    /// See `start`.
    pub end: Option<Position>,
    /// The text written in place of `range`.
    pub replacement: &'f str,
}

/// The edits of `fix`, located in `source` (the checked document's bytes) when it is known.
pub fn located_edits<'f>(fix: &'f Fix, source: Option<&[u8]>) -> Vec<LocatedEdit<'f>> {
    let lines = source.map(LineIndex::new);
    fix.edits
        .iter()
        .map(|edit| LocatedEdit {
            range: edit.range.clone(),
            start: lines.as_ref().map(|l| l.position(edit.range.start)),
            end: lines.as_ref().map(|l| l.position(edit.range.end)),
            replacement: &edit.replacement,
        })
        .collect()
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
    /// Error-severity diagnostics.
    pub errors: usize,
    /// Warning-severity diagnostics.
    pub warnings: usize,
}

impl Summary {
    /// Counts `checked`.
    pub fn of(checked: &[Checked], deny_warnings: bool) -> Summary {
        let mut summary = Summary {
            files: checked.len(),
            ..Summary::default()
        };
        for file in checked {
            if file.is_valid(deny_warnings) {
                summary.valid += 1;
            } else {
                summary.invalid += 1;
            }
            summary.errors += file.report.errors().count();
            summary.warnings += file.report.warnings().count();
        }
        summary
    }

    /// Every input valid and not one diagnostic.
    pub fn is_clean(&self) -> bool {
        self.invalid == 0 && self.errors == 0 && self.warnings == 0
    }

    /// `qovery-lint: 3 files checked, 1 valid, 2 invalid (5 errors, 1 warning)`.
    pub fn line(&self) -> String {
        format!(
            "qovery-lint: {} checked, {} valid, {} invalid ({}, {})",
            plural(self.files, "file"),
            self.valid,
            self.invalid,
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
        )
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
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

#[cfg(test)]
mod tests {
    use super::{MAX_SHOWN_CHARS, Summary, clip, printable};

    #[test]
    fn summary_line_pluralizes() {
        let summary = Summary {
            files: 1,
            valid: 0,
            invalid: 1,
            errors: 1,
            warnings: 2,
        };
        assert_eq!(
            summary.line(),
            "qovery-lint: 1 file checked, 0 valid, 1 invalid (1 error, 2 warnings)"
        );
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
