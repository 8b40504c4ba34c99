//! The JSON lexer (RFC 8259 tokens) that both JSON readers stand on: the fast path's typed reader
//! (`document/fast.rs`) and the tree builder ([`super::json`]). Whitespace, strings, numbers:
//! one definition of each, so the two readers cannot disagree on what a token is.
//!
//! The lexer only says where a token ends and what went wrong, as a [`LexError`] (a kind and
//! an offset, no message): the tree builder turns it into a [`super::parse::SyntaxError`] with
//! a message, the fast reader into a refusal. A string without an escape is handed out borrowed
//! from the input; one with an escape is decoded into a buffer the caller owns and reuses.

use crate::word;

/// The text being read and the offset of the next byte.
pub(crate) struct Lexer<'a> {
    /// The whole input, already checked as UTF-8.
    pub(crate) text: &'a str,
    /// `text` as bytes.
    pub(crate) bytes: &'a [u8],
    /// The offset of the next byte to read.
    pub(crate) pos: usize,
}

/// A string's contents: borrowed from the input when it holds no escape, else decoded into the
/// caller's buffer.
pub(crate) enum Str<'a> {
    /// The contents, exactly as written.
    Borrowed(&'a str),
    /// The contents hold an escape: decoded into the buffer passed to [`Lexer::string`].
    Decoded,
}

/// A number's token: where it ends and how it classifies.
pub(crate) struct NumberToken {
    /// The offset of its first byte (`-` or a digit).
    pub(crate) start: usize,
    /// Whether it has a fraction or an exponent.
    pub(crate) float: bool,
    /// Whether it starts with `-`.
    pub(crate) negative: bool,
    /// The integer's magnitude, when `float` is false and it fits a `u64`.
    pub(crate) magnitude: Option<u64>,
}

/// What went wrong, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LexError {
    pub(crate) kind: LexErrorKind,
    /// The offset the error is reported at (see each kind).
    pub(crate) at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LexErrorKind {
    /// The input ends inside the string opened at `opened` (`at`: the end of the input).
    Unterminated { opened: usize },
    /// A control character (the byte) inside a string, at `at`.
    Control(u8),
    /// A backslash (at `at`) followed by a character that starts no escape.
    InvalidEscape,
    /// A `\u` escape (its backslash at `at`) whose digit at `digit` is not hexadecimal.
    InvalidHex { digit: usize },
    /// A `\u` escape (at `at`) of a UTF-16 surrogate `unit` not part of a high-low pair.
    LoneSurrogate { unit: u32 },
    /// A number with a leading zero (`at`: the number's start).
    LeadingZero,
    /// No digit after `-` (`at`: the byte after it).
    DigitAfterMinus,
    /// No digit after the decimal point (`at`: the byte after it).
    DigitAfterPoint,
    /// No digit in the exponent (`at`: the byte where one is expected).
    DigitInExponent,
    /// A number followed by a letter, a digit, `_` or `.` (`at`: the number's start).
    TrailingWord,
}

impl LexError {
    fn new(kind: LexErrorKind, at: usize) -> Self {
        Self { kind, at }
    }
}

/// The index of the first byte at or after `pos` that ends a run of plain string bytes (`"`, `\\`
/// or a control character), or `bytes.len()`.
///
/// Eight bytes at a time (the usual "has a zero byte" word trick, on safe `u64` loads), then one
/// at a time: most strings of a payload are short, but this loop reads every string byte of
/// the document.
#[inline]
fn plain_run(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(word) = word::at(bytes, pos) {
        let stops = word::equal(word, b'"') | word::equal(word, b'\\') | word::below(word, 0x20);
        if stops != 0 {
            return pos + word::first(stops);
        }
        pos += 8;
    }
    while bytes
        .get(pos)
        .is_some_and(|&b| !matches!(b, b'"' | b'\\' | 0x00..=0x1F))
    {
        pos += 1;
    }
    pos
}

impl<'a> Lexer<'a> {
    pub(crate) fn new(text: &'a str, pos: usize) -> Self {
        Lexer {
            text,
            bytes: text.as_bytes(),
            pos,
        }
    }

    /// The byte at `pos`, not consumed.
    #[inline]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The text from `start` to `end` (empty if that is not a range of characters).
    #[inline]
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or_default()
    }

    /// Skips JSON whitespace: space, tab, CR, LF.
    #[inline]
    pub(crate) fn skip_whitespace(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.skip_indentation();
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => return,
            }
        }
    }

    /// The spaces that start a line of a pretty-printed document, eight at a time.
    #[inline]
    fn skip_indentation(&mut self) {
        // Reads its words itself: through `word::at`, the compiler stopped inlining the
        // whitespace skip into the string reader (+1,800 instructions per check).
        while let Some(chunk) = self.bytes.get(self.pos..self.pos + 8) {
            let mut bytes = [0; 8];
            bytes.copy_from_slice(chunk);
            let other = u64::from_le_bytes(bytes) ^ word::splat(b' ');
            if other != 0 {
                self.pos += word::first(other);
                return;
            }
            self.pos += 8;
        }
    }

    /// Reads a string; `pos` is at its opening quote. Its contents are borrowed, or decoded into
    /// `decoded` (cleared first) when they hold an escape.
    #[inline]
    pub(crate) fn string(&mut self, decoded: &mut String) -> Result<Str<'a>, LexError> {
        let opened = self.pos;
        self.pos += 1;
        let start = self.pos;
        self.pos = plain_run(self.bytes, self.pos);
        match self.bytes.get(self.pos) {
            Some(b'"') => {
                let text = self.slice(start, self.pos);
                self.pos += 1;
                Ok(Str::Borrowed(text))
            }
            Some(b'\\') => {
                decoded.clear();
                decoded.push_str(self.slice(start, self.pos));
                self.escaped(decoded, opened)?;
                Ok(Str::Decoded)
            }
            Some(&b) => Err(LexError::new(LexErrorKind::Control(b), self.pos)),
            None => Err(self.unterminated(opened)),
        }
    }

    fn unterminated(&self, opened: usize) -> LexError {
        LexError::new(LexErrorKind::Unterminated { opened }, self.bytes.len())
    }

    /// Decodes the rest of a string that holds an escape into `out`; `pos` is at a `\`.
    #[cold]
    fn escaped(&mut self, out: &mut String, opened: usize) -> Result<(), LexError> {
        loop {
            let run = self.pos;
            self.pos = plain_run(self.bytes, self.pos);
            out.push_str(self.slice(run, self.pos));
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    let backslash = self.pos;
                    self.pos += 1;
                    let decoded = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            out.push(self.unicode_escape(backslash)?);
                            continue;
                        }
                        None => return Err(self.unterminated(opened)),
                        Some(_) => {
                            return Err(LexError::new(LexErrorKind::InvalidEscape, backslash));
                        }
                    };
                    self.pos += 1;
                    out.push(decoded);
                }
                Some(&b) => return Err(LexError::new(LexErrorKind::Control(b), self.pos)),
                None => return Err(self.unterminated(opened)),
            }
        }
    }

    /// The character of a `\uXXXX` escape whose backslash is at `backslash` (and of the low
    /// surrogate escape that must follow a high one); `pos` is at the four hex digits.
    fn unicode_escape(&mut self, backslash: usize) -> Result<char, LexError> {
        let unit = self.hex4(backslash)?;
        let lone = LexError::new(LexErrorKind::LoneSurrogate { unit }, backslash);
        let code = match unit {
            0xD800..=0xDBFF => {
                if self.peek() != Some(b'\\') || self.bytes.get(self.pos + 1) != Some(&b'u') {
                    return Err(lone);
                }
                let second = self.pos;
                self.pos += 2;
                let low = self.hex4(second)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone);
                }
                0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone),
            _ => unit,
        };
        char::from_u32(code).ok_or(lone)
    }

    /// The four hexadecimal digits at `pos`, of the `\u` escape at `backslash`.
    fn hex4(&mut self, backslash: usize) -> Result<u32, LexError> {
        let mut value = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| char::from(b).to_digit(16));
            let Some(digit) = digit else {
                let kind = LexErrorKind::InvalidHex { digit: self.pos };
                return Err(LexError::new(kind, backslash));
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    /// Reads a number (RFC 8259 grammar); `pos` is at its `-` or first digit. A number must not
    /// be followed by a letter, a digit, `_` or `.` (`01`, `1.5.3`, `12abc`, `0x1F`).
    #[inline]
    pub(crate) fn number(&mut self) -> Result<NumberToken, LexError> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let mut magnitude = Some(0u64);
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    return Err(LexError::new(LexErrorKind::LeadingZero, start));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(&digit @ b'0'..=b'9') = self.bytes.get(self.pos) {
                    magnitude = magnitude
                        .and_then(|v| v.checked_mul(10))
                        .and_then(|v| v.checked_add(u64::from(digit - b'0')));
                    self.pos += 1;
                }
            }
            _ => return Err(LexError::new(LexErrorKind::DigitAfterMinus, self.pos)),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.digits(LexErrorKind::DigitAfterPoint)?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits(LexErrorKind::DigitInExponent)?;
            float = true;
        }
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.')
        {
            return Err(LexError::new(LexErrorKind::TrailingWord, start));
        }
        Ok(NumberToken {
            start,
            float,
            negative,
            magnitude: if float { None } else { magnitude },
        })
    }

    /// One or more decimal digits; `missing` if there is none.
    fn digits(&mut self, missing: LexErrorKind) -> Result<(), LexError> {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        if self.pos == start {
            Err(LexError::new(missing, self.pos))
        } else {
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{LexError, LexErrorKind as E, Lexer, Str};

    fn string(text: &str) -> Result<(String, bool, usize), LexError> {
        let mut lexer = Lexer::new(text, 0);
        let mut decoded = String::from("left over");
        let s = lexer.string(&mut decoded)?;
        Ok(match s {
            Str::Borrowed(s) => (s.to_owned(), true, lexer.pos),
            Str::Decoded => (decoded, false, lexer.pos),
        })
    }

    #[test]
    fn strings_are_borrowed_unless_they_hold_an_escape() {
        assert_eq!(string(r#""abc" x"#), Ok(("abc".to_owned(), true, 5)));
        let long = "\"0123456789abcdefé\"";
        assert_eq!(string(long), Ok(("0123456789abcdefé".to_owned(), true, 20)));
        assert_eq!(
            string(r#""a\"b\u00e9\ud83d\ude00\/\n""#),
            Ok(("a\"bé😀/\n".to_owned(), false, 28))
        );
        assert_eq!(
            string("\"ab"),
            Err(LexError {
                kind: E::Unterminated { opened: 0 },
                at: 3
            })
        );
        assert_eq!(
            string("\"a\\"),
            Err(LexError {
                kind: E::Unterminated { opened: 0 },
                at: 3
            })
        );
        assert_eq!(
            string("\"a\tb\""),
            Err(LexError {
                kind: E::Control(b'\t'),
                at: 2
            })
        );
        assert_eq!(
            string("\"\\n\u{1}\""),
            Err(LexError {
                kind: E::Control(1),
                at: 3
            })
        );
        assert_eq!(
            string(r#""x\q""#),
            Err(LexError {
                kind: E::InvalidEscape,
                at: 2
            })
        );
        assert_eq!(
            string(r#""\u12G4""#),
            Err(LexError {
                kind: E::InvalidHex { digit: 5 },
                at: 1
            })
        );
        assert_eq!(
            string(r#""\ud800\u0041""#),
            Err(LexError {
                kind: E::LoneSurrogate { unit: 0xD800 },
                at: 1
            })
        );
        assert_eq!(
            string(r#""\udc00""#),
            Err(LexError {
                kind: E::LoneSurrogate { unit: 0xDC00 },
                at: 1
            })
        );
    }

    fn number(text: &str) -> Result<(bool, bool, Option<u64>, usize), LexError> {
        let mut lexer = Lexer::new(text, 0);
        let n = lexer.number()?;
        Ok((n.float, n.negative, n.magnitude, lexer.pos))
    }

    #[test]
    fn numbers_end_where_the_grammar_says() {
        assert_eq!(number("0,"), Ok((false, false, Some(0), 1)));
        assert_eq!(number("-0]"), Ok((false, true, Some(0), 2)));
        assert_eq!(number("70000}"), Ok((false, false, Some(70000), 5)));
        assert_eq!(
            number("18446744073709551615"),
            Ok((false, false, Some(u64::MAX), 20))
        );
        assert_eq!(number("18446744073709551616"), Ok((false, false, None, 20)));
        assert_eq!(number("-1.5e+3 "), Ok((true, true, None, 7)));
        assert_eq!(number("1E9"), Ok((true, false, None, 3)));
        let error = |kind, at| Err(LexError { kind, at });
        assert_eq!(number("01"), error(E::LeadingZero, 0));
        assert_eq!(number("-"), error(E::DigitAfterMinus, 1));
        assert_eq!(number("-Infinity"), error(E::DigitAfterMinus, 1));
        assert_eq!(number("1."), error(E::DigitAfterPoint, 2));
        assert_eq!(number("1e+"), error(E::DigitInExponent, 3));
        assert_eq!(number("1.5.3"), error(E::TrailingWord, 0));
        assert_eq!(number("0x1F"), error(E::TrailingWord, 0));
    }
}
