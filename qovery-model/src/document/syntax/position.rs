//! Byte offset -> 1-based line and column.
//!
//! Conventions (shared by every report of the crate):
//!
//! - Lines and columns are 1-based.
//! - Only `\n` (LF) breaks lines. With CRLF line endings the `\r` is the last character of its
//!   line, so positions are the same as with LF endings (nothing ever points at the `\r`). A lone
//!   `\r` (classic Mac OS line ending) does not break lines: JSON treats it as plain whitespace
//!   and such files are not seen in practice.
//! - Columns count Unicode scalar values (`char`s), not bytes nor UTF-16 units nor grapheme
//!   clusters, from the start of the line: `é` is one column, a tab is one column. In invalid
//!   UTF-8, each byte of an invalid sequence counts as one column.
//! - A UTF-8 byte order mark at the very start of the input occupies no column: the first
//!   character after it is at line 1, column 1 (offsets still count its 3 bytes).
//! - An offset inside a multi-byte character gives the position of that character. An offset
//!   past the end gives the position just after the last character.

use std::ops::Range;

/// The crate's one position type: 1-based line and column, columns counted in Unicode
/// characters, the type every [`Diagnostic`](crate::validate::Diagnostic) carries.
pub use crate::validate::Position;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A table of line starts over some bytes, to turn byte offsets into [`Position`]s.
///
/// Building it is linear in the input; each lookup is a binary search plus a constant-time
/// count of the characters between the start of the line and the offset (a plain subtraction
/// when the input is ASCII).
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    bytes: &'a [u8],
    table: LineTable,
}

/// The table behind a [`LineIndex`], owned and detached from the bytes it was built from: for a
/// holder of the text that cannot also hold a borrow of it (a language server's open document).
/// Every method takes those same bytes again; given other bytes it answers for the wrong text
/// (without panicking).
#[derive(Debug, Clone)]
pub struct LineTable {
    /// Offset of the first byte of each line; `line_starts[0] == 0`.
    line_starts: Vec<usize>,
    /// `None` for ASCII input (a column is a byte offset difference); otherwise where the
    /// characters end, to count them in constant time (see [`CharEnds`]).
    char_ends: Option<CharEnds>,
}

/// Where the characters of non-ASCII input end: bit `i % 64` of `bits[i / 64]` is set when a
/// character ends at byte `i` (the last byte of a valid UTF-8 character, or an invalid byte,
/// which counts as one character), and `before[k]` is the number of bits set in `bits[..k]`.
///
/// The input is decoded once, so a column lookup does not scan from the start of its line
/// (quadratic in a one-line, minified document with many diagnostics: minutes for 200,000
/// diagnostics in 400 KB). Line starts follow a `\n`, so decoding the whole input once gives the
/// same characters as decoding each line.
#[derive(Debug, Clone)]
struct CharEnds {
    bits: Vec<u64>,
    before: Vec<usize>,
}

impl CharEnds {
    fn new(bytes: &[u8]) -> Self {
        let mut bits = vec![0u64; bytes.len() / 64 + 1];
        let mut mark = |at: usize| {
            if let Some(word) = bits.get_mut(at / 64) {
                *word |= 1 << (at % 64);
            }
        };
        let mut pos = 0;
        for chunk in bytes.utf8_chunks() {
            for (i, c) in chunk.valid().char_indices() {
                mark(pos + i + c.len_utf8() - 1);
            }
            pos += chunk.valid().len();
            for _ in chunk.invalid() {
                mark(pos);
                pos += 1;
            }
        }
        let mut before = Vec::with_capacity(bits.len() + 1);
        let mut total = 0;
        for word in &bits {
            before.push(total);
            total += word.count_ones() as usize;
        }
        before.push(total);
        Self { bits, before }
    }

    /// The number of characters that end before byte `offset`.
    fn rank(&self, offset: usize) -> usize {
        let (word, bit) = (offset / 64, offset % 64);
        let below = self
            .bits
            .get(word)
            .map_or(0, |w| (w & ((1u64 << bit) - 1)).count_ones());
        self.before.get(word).copied().unwrap_or(0) + below as usize
    }
}

impl LineTable {
    /// Builds the line-start table of `bytes`.
    #[must_use]
    pub fn new(bytes: &[u8]) -> Self {
        let mut line_starts = Vec::with_capacity(bytes.len() / 32 + 1);
        line_starts.push(0);
        // Eight bytes at a time: most words of a document hold no line break. Every `\n` is
        // flagged, and maybe a byte after one, so each flag is checked.
        let (words, rest) = bytes.as_chunks::<8>();
        let mut base = 0;
        for chunk in words {
            let mut flags = crate::word::equal(u64::from_le_bytes(*chunk), b'\n');
            while flags != 0 {
                let i = crate::word::first(flags);
                if chunk[i] == b'\n' {
                    line_starts.push(base + i + 1);
                }
                flags &= flags - 1;
            }
            base += 8;
        }
        for (i, &b) in rest.iter().enumerate() {
            if b == b'\n' {
                line_starts.push(base + i + 1);
            }
        }
        let char_ends = (!bytes.is_ascii()).then(|| CharEnds::new(bytes));
        Self {
            line_starts,
            char_ends,
        }
    }

    /// The number of lines (a final line break starts one more, empty, line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The heap bytes the table holds.
    #[must_use]
    pub fn heap_bytes(&self) -> usize {
        self.line_starts.capacity() * size_of::<usize>()
            + self.char_ends.as_ref().map_or(0, |ends| {
                ends.bits.capacity() * size_of::<u64>()
                    + ends.before.capacity() * size_of::<usize>()
            })
    }

    /// The 0-based line holding `offset` (already clamped to the input) and its start.
    fn line_of(&self, offset: usize) -> (usize, usize) {
        // Number of line starts <= offset: at least 1 since line_starts[0] == 0.
        let line = self
            .line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
            - 1;
        (line, self.line_starts.get(line).copied().unwrap_or(0))
    }

    /// The byte range of the 0-based `line` of `bytes`: its text (`crate::lines`), as the
    /// renderer prints it.
    fn line_bytes(&self, bytes: &[u8], line: usize) -> Option<Range<usize>> {
        let start = (*self.line_starts.get(line)?).min(bytes.len());
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(bytes.len(), |next| next.saturating_sub(1))
            .clamp(start, bytes.len());
        let text = crate::lines::text(bytes.get(start..end).unwrap_or_default());
        Some(start..start + text.len())
    }

    /// The 1-based line and column of the byte at `offset` of `bytes` (see the module's
    /// conventions). An offset past the end is clamped to the end of the input.
    #[must_use]
    pub fn position(&self, bytes: &[u8], offset: usize) -> Position {
        let offset = offset.min(bytes.len());
        let (line, mut line_start) = self.line_of(offset);
        if line_start == 0 && bytes.starts_with(BOM) {
            line_start = BOM.len().min(offset);
        }
        let before = match &self.char_ends {
            None => offset - line_start.min(offset),
            Some(ends) => ends.rank(offset) - ends.rank(line_start.min(offset)),
        };
        // A line or column beyond `u32::MAX` (a 4 GiB line) saturates: no document under the
        // size limit has one.
        Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(before + 1).unwrap_or(u32::MAX),
        }
    }

    /// The 0-based line and the column in `unit`s of `offset` in `bytes`: a Language Server
    /// Protocol position (UTF-16 is the protocol's default `positionEncoding`). The offset is
    /// clamped to the input and to the start of the character it falls in; an invalid byte
    /// counts as one unit, as its replacement character would. Unlike
    /// [`position`](Self::position), a byte order mark is a character here, as it is in the
    /// client's text.
    #[must_use]
    pub fn protocol_position(&self, bytes: &[u8], offset: usize, unit: Unit) -> (u32, u32) {
        let mut offset = offset.min(bytes.len());
        while offset > 0 && bytes.get(offset).is_some_and(|&b| b & 0xC0 == 0x80) {
            offset -= 1;
        }
        let (line, start) = self.line_of(offset);
        let before = bytes.get(start..offset).unwrap_or_default();
        let units = match unit {
            Unit::Utf8 => before.len(),
            Unit::Utf16 => utf16_len(before),
        };
        (
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(units).unwrap_or(u32::MAX),
        )
    }

    /// The byte offset in `bytes` of the 0-based `line` and `column` in `unit`s, as the Language
    /// Server Protocol means them: a column past the end of its line is the end of the line
    /// (before a `\r\n`), a line past the last is the end of the input, and a column inside a
    /// character (a client bug) means the end of that character.
    #[must_use]
    pub fn protocol_offset(&self, bytes: &[u8], line: u32, column: u32, unit: Unit) -> usize {
        let Some(range) = self.line_bytes(bytes, line as usize) else {
            return bytes.len();
        };
        let text = &bytes[range.clone()];
        let width = |c: char| match unit {
            Unit::Utf8 => c.len_utf8(),
            Unit::Utf16 => c.len_utf16(),
        };
        let mut units = 0usize;
        let mut at = 0;
        for chunk in text.utf8_chunks() {
            for (i, c) in chunk.valid().char_indices() {
                if units >= column as usize {
                    return range.start + at + i;
                }
                units += width(c);
            }
            at += chunk.valid().len();
            for _ in chunk.invalid() {
                if units >= column as usize {
                    return range.start + at;
                }
                units += 1;
                at += 1;
            }
        }
        range.end
    }
}

/// What a protocol column counts: the Language Server Protocol's `positionEncoding`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// Bytes of UTF-8 (`utf-8`).
    Utf8,
    /// UTF-16 code units (`utf-16`, the protocol's default, the only one every client supports).
    #[default]
    Utf16,
}

/// The UTF-16 length of `bytes` decoded as UTF-8, an invalid byte counting as one unit.
fn utf16_len(bytes: &[u8]) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    bytes
        .utf8_chunks()
        .map(|chunk| chunk.valid().encode_utf16().count() + chunk.invalid().len())
        .sum()
}

impl<'a> LineIndex<'a> {
    /// Builds the line-start table of `bytes`.
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            table: LineTable::new(bytes),
        }
    }

    /// The bytes this index was built from.
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The number of lines (a final line break starts one more, empty, line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.table.line_count()
    }

    /// The byte range of the 1-based `line`, without its line break (`\n` or `\r\n`) and
    /// without a `\r` that ends the input.
    #[must_use]
    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        self.table.line_bytes(self.bytes, line.checked_sub(1)?)
    }

    /// The 1-based line and column of the byte at `offset`.
    ///
    /// Never panics: an offset past the end is clamped to the end of the input.
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        self.table.position(self.bytes, offset)
    }
}

#[cfg(test)]
mod tests {
    use super::{LineIndex, Position, Unit};

    fn pos(line: u32, column: u32) -> Position {
        Position { line, column }
    }

    #[test]
    fn ascii_lines() {
        let src = b"ab\ncd\n\nef";
        let index = LineIndex::new(src);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(0), pos(1, 1));
        assert_eq!(index.position(1), pos(1, 2));
        assert_eq!(index.position(2), pos(1, 3)); // the '\n' itself
        assert_eq!(index.position(3), pos(2, 1));
        assert_eq!(index.position(6), pos(3, 1));
        assert_eq!(index.position(7), pos(4, 1));
        assert_eq!(index.position(8), pos(4, 2));
        assert_eq!(index.position(9), pos(4, 3)); // end of input
        assert_eq!(index.position(1000), pos(4, 3)); // past the end
        assert_eq!(index.line_range(1), Some(0..2));
        assert_eq!(index.line_range(3), Some(6..6));
        assert_eq!(index.line_range(4), Some(7..9));
        assert_eq!(index.line_range(0), None);
        assert_eq!(index.line_range(5), None);
    }

    #[test]
    fn empty_input() {
        let index = LineIndex::new(b"");
        assert_eq!(index.position(0), pos(1, 1));
        assert_eq!(index.position(5), pos(1, 1));
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_range(1), Some(0..0));
    }

    #[test]
    fn trailing_newline_starts_a_line() {
        let index = LineIndex::new(b"a\n");
        assert_eq!(index.position(2), pos(2, 1));
        assert_eq!(index.line_count(), 2);
    }

    #[test]
    fn multibyte_columns_count_chars() {
        let src = "é€😀x\n  ñ: 1".as_bytes();
        let index = LineIndex::new(src);
        let x = "é€😀".len();
        assert_eq!(index.position(x), pos(1, 4));
        assert_eq!(index.position(2), pos(1, 2)); // '€' starts at byte 2
        // Offsets inside a character give that character's position.
        assert_eq!(index.position(3), pos(1, 2));
        assert_eq!(index.position(4), pos(1, 2));
        let colon = "é€😀x\n  ñ".len();
        assert_eq!(index.position(colon), pos(2, 4));
    }

    #[test]
    fn crlf_positions_match_lf() {
        let crlf = b"{\r\n  \"a\": 1\r\n}";
        let lf = b"{\n  \"a\": 1\n}";
        let (i1, i2) = (LineIndex::new(crlf), LineIndex::new(lf));
        assert_eq!(i1.position(8), pos(2, 6));
        assert_eq!(i2.position(7), pos(2, 6));
        assert_eq!(i1.position(13), pos(3, 1));
        assert_eq!(i1.line_range(2), Some(3..11));
    }

    #[test]
    fn lone_cr_is_not_a_line_break() {
        let index = LineIndex::new(b"a\rb");
        assert_eq!(index.position(2), pos(1, 3));
    }

    #[test]
    fn bom_takes_no_column() {
        let src = b"\xEF\xBB\xBF{\"a\":1}\n x";
        let index = LineIndex::new(src);
        assert_eq!(index.position(0), pos(1, 1));
        assert_eq!(index.position(1), pos(1, 1));
        assert_eq!(index.position(3), pos(1, 1));
        assert_eq!(index.position(4), pos(1, 2));
        assert_eq!(index.position(12), pos(2, 2));
    }

    #[test]
    fn invalid_utf8_counts_bytes() {
        let src = b"a\xFF\xFEb\xC3\xA9c\xE2\x82";
        let index = LineIndex::new(src);
        assert_eq!(index.position(1), pos(1, 2));
        assert_eq!(index.position(2), pos(1, 3));
        assert_eq!(index.position(3), pos(1, 4));
        assert_eq!(index.position(4), pos(1, 5));
        assert_eq!(index.position(6), pos(1, 6));
        assert_eq!(index.position(7), pos(1, 7)); // truncated sequence: one column per byte
        assert_eq!(index.position(8), pos(1, 8));
        assert_eq!(index.position(9), pos(1, 9));
    }

    #[test]
    fn display() {
        assert_eq!(pos(3, 7).to_string(), "3:7");
    }

    #[test]
    fn line_starts_match_a_byte_by_byte_scan() {
        // Line breaks at every offset of a word, runs of them, and the bytes the word trick may
        // flag by mistake (0x0B right after a line break).
        let mut rng = crate::test_rng::Rng(0xC0FF_EE00_1234_5678);
        for len in 0..200 {
            for _ in 0..20 {
                let bytes: Vec<u8> = (0..len)
                    .map(|_| [b'\n', 0x0B, b'a', b'\r', 0x00, 0x80][rng.below(6)])
                    .collect();
                let expected: Vec<usize> = std::iter::once(0)
                    .chain(
                        bytes
                            .iter()
                            .enumerate()
                            .filter(|(_, b)| **b == b'\n')
                            .map(|(i, _)| i + 1),
                    )
                    .collect();
                assert_eq!(
                    LineIndex::new(&bytes).table.line_starts,
                    expected,
                    "{bytes:?}"
                );
            }
        }
    }

    #[test]
    fn protocol_positions_match_the_protocols_definition() {
        // The Language Server Protocol's position: 0-based line, units (UTF-16 or UTF-8) before
        // the offset on its line; and back again at every character boundary.
        let pieces = ["a", "\n", "\r\n", "é", "🦀", "\u{FEFF}", "\t"];
        let mut rng = crate::test_rng::Rng(0x1F16_0000_DEAD_BEEF);
        for _ in 0..2_000 {
            let text: String = (0..rng.below(24))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect();
            let bytes = text.as_bytes();
            let table = super::LineTable::new(bytes);
            for unit in [Unit::Utf16, Unit::Utf8] {
                for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
                    let line = text[..offset].matches('\n').count() as u32;
                    let before = &text[line_start..offset];
                    let column = match unit {
                        Unit::Utf16 => before.encode_utf16().count(),
                        Unit::Utf8 => before.len(),
                    } as u32;
                    assert_eq!(
                        table.protocol_position(bytes, offset, unit),
                        (line, column),
                        "{text:?} {offset} {unit:?}"
                    );
                    // Between a `\r` and its `\n` is inside the line end: the protocol has no
                    // position there, and the way back gives the end of the line, before the
                    // `\r`.
                    let back = if text[..offset].ends_with('\r') && text[offset..].starts_with('\n')
                    {
                        offset - 1
                    } else {
                        offset
                    };
                    assert_eq!(
                        table.protocol_offset(bytes, line, column, unit),
                        back,
                        "{text:?} {offset} {unit:?}"
                    );
                }
                // Inside a character: that character's start.
                if let Some(at) = text.find('🦀') {
                    assert_eq!(
                        table.protocol_position(bytes, at + 2, unit),
                        table.protocol_position(bytes, at, unit)
                    );
                }
            }
        }
    }

    #[test]
    fn protocol_offsets_clamp_as_the_protocol_says() {
        let text = "ab\r\n🦀c";
        let table = super::LineTable::new(text.as_bytes());
        let offset =
            |line, column, unit| table.protocol_offset(text.as_bytes(), line, column, unit);
        // Past the end of a CRLF line: before the `\r`.
        assert_eq!(offset(0, 99, Unit::Utf16), 2);
        // Past the last line: the end.
        assert_eq!(offset(9, 0, Unit::Utf16), text.len());
        // A `\r` that ends the input ends the line's text, for the protocol and for
        // `LineIndex::line_range` alike.
        let last = b"ab\r";
        let last_table = super::LineTable::new(last);
        assert_eq!(last_table.protocol_offset(last, 0, 99, Unit::Utf16), 2);
        assert_eq!(LineIndex::new(last).line_range(1), Some(0..2));
        // Inside the surrogate pair (or the UTF-8 sequence): the end of the crab.
        assert_eq!(offset(1, 0, Unit::Utf16), 4);
        assert_eq!(offset(1, 1, Unit::Utf16), 8);
        assert_eq!(offset(1, 2, Unit::Utf16), 8);
        assert_eq!(offset(1, 1, Unit::Utf8), 8);
        assert_eq!(offset(1, 4, Unit::Utf8), 8);
        assert_eq!(offset(1, 5, Unit::Utf8), 9);
        // Invalid bytes count one unit each.
        let bytes = b"\xFF\xFEx";
        let table = super::LineTable::new(bytes);
        for unit in [Unit::Utf16, Unit::Utf8] {
            assert_eq!(table.protocol_position(bytes, 2, unit), (0, 2));
            assert_eq!(table.protocol_offset(bytes, 0, 2, unit), 2);
        }
    }
}
