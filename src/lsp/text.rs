//! An open document's text, its line table, and the conversions between byte offsets and the
//! protocol's positions (0-based line; a column in UTF-16 code units, LSP 3.17's default
//! `positionEncoding` and the only one every client supports, or in UTF-8 bytes when the
//! client offers it).

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};
use qovery_model::document::position::{LineTable, Unit};
use std::ops::Range as Bytes;

/// The text of one open document as the client last sent it.
#[derive(Debug, Clone)]
pub struct Text {
    text: String,
    /// The line table of `text`, rebuilt after every change.
    lines: LineTable,
    /// What a column counts: the `positionEncoding` agreed at initialization.
    unit: Unit,
}

impl Text {
    /// A document holding `text`, whose positions count columns in `unit`.
    pub fn new(text: String, unit: Unit) -> Self {
        let lines = LineTable::new(text.as_bytes());
        Text { text, lines, unit }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Applies the client's changes in order (`textDocument/didChange`, incremental sync): a
    /// change with a range replaces that range, one without replaces the whole text.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let bytes = self.bytes_of(range);
                    self.text.replace_range(bytes, &change.text);
                }
                None => self.text = change.text,
            }
            self.lines = LineTable::new(self.text.as_bytes());
        }
    }

    /// The byte offset of `position`. A column past the end of its line means the end of the
    /// line and a line past the end the end of the text, as the protocol says; a column inside a
    /// surrogate pair (a client bug) means the end of the character it splits.
    pub fn offset(&self, position: Position) -> usize {
        self.lines.protocol_offset(
            self.text.as_bytes(),
            position.line,
            position.character,
            self.unit,
        )
    }

    /// The protocol position of a byte offset (clamped to the text, and to the start of the
    /// character it falls in).
    pub fn position(&self, offset: usize) -> Position {
        let (line, character) =
            self.lines
                .protocol_position(self.text.as_bytes(), offset, self.unit);
        Position::new(line, character)
    }

    /// The protocol range of a byte range.
    pub fn range(&self, bytes: Bytes<usize>) -> Range {
        Range::new(self.position(bytes.start), self.position(bytes.end))
    }

    /// The byte range of a protocol range (start and end in order).
    pub fn bytes_of(&self, range: Range) -> Bytes<usize> {
        let start = self.offset(range.start);
        let end = self.offset(range.end);
        start.min(end)..end.max(start)
    }

    /// The heap bytes held: the text and its line table.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.lines.heap_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::{Text, Unit};
    use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

    #[test]
    fn positions_count_utf16_units() {
        // `é` is 2 bytes and 1 unit, `🦀` 4 bytes and 2 units.
        let text = Text::new("{\n  \"é🦀\": 1\n}".to_owned(), Unit::Utf16);
        let one = text.as_str().find('1').unwrap_or_default();
        assert_eq!(one, 14);
        assert_eq!(text.position(one), Position::new(1, 9));
        assert_eq!(text.offset(Position::new(1, 9)), one);
        assert_eq!(text.position(text.as_str().len()), Position::new(2, 1));
        // Inside the crab: the start of the crab.
        assert_eq!(text.position(8), Position::new(1, 4));
        // Past the line's end: the line's end; past the last line: the end.
        assert_eq!(text.offset(Position::new(1, 99)), 15);
        assert_eq!(text.offset(Position::new(9, 0)), 17);
    }

    #[test]
    fn crlf_line_ends_are_not_columns() {
        let text = Text::new("a\r\nb".to_owned(), Unit::Utf16);
        assert_eq!(text.offset(Position::new(0, 5)), 1);
        assert_eq!(text.position(3), Position::new(1, 0));
    }

    #[test]
    fn incremental_changes_apply_in_order() {
        let mut text = Text::new("{\"a\": 1}\n".to_owned(), Unit::Utf16);
        text.apply(vec![
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(0, 6), Position::new(0, 7))),
                range_length: None,
                text: "\"é\"".to_owned(),
            },
            TextDocumentContentChangeEvent {
                range: Some(Range::new(Position::new(1, 0), Position::new(1, 0))),
                range_length: None,
                text: "x".to_owned(),
            },
        ]);
        assert_eq!(text.as_str(), "{\"a\": \"é\"}\nx");
        assert_eq!(text.position(text.as_str().len()), Position::new(1, 1));
        text.apply(vec![TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "{}".to_owned(),
        }]);
        assert_eq!(text.as_str(), "{}");
    }
}
